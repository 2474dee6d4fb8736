//! Settings that persist between runs through eframe's storage: theme, panels,
//! recent files and the screen to present on. The scenario itself is never
//! stored here, only in its file.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// Key under which the settings are stored.
pub const STORAGE_KEY: &str = "bulwark.settings.v1";
/// Most recent files remembered.
pub const MAX_RECENT: usize = 10;

/// Persisted user settings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light, dark or follow the system.
    pub theme: egui::ThemePreference,
    /// Whether the left (editing) panel is shown.
    pub show_left: bool,
    /// Whether the right (assessment) panel is shown.
    pub show_right: bool,
    /// Recently opened or saved files, newest first.
    pub recent: Vec<PathBuf>,
    /// Which screen presenting puts the slides on.
    pub present_on: crate::present::monitor::PresentOn,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: egui::ThemePreference::System,
            show_left: true,
            show_right: true,
            recent: Vec::new(),
            present_on: Default::default(),
        }
    }
}

impl Settings {
    /// Puts `path` at the top of the recent files.
    pub fn add_recent(&mut self, path: &Path) {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(MAX_RECENT);
    }
}
