//! Every user action as one command type. Menus, keyboard shortcuts and tests
//! all produce [`Command`]s; one place ([`super::app::BulwarkApp::apply`]) carries
//! them out.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::scenario::Scenario;

/// A user action.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start a new, blank scenario.
    New,
    /// Choose a file to open with the system's file dialog.
    Open,
    /// Type the path of a file to open.
    OpenTypedPath,
    /// Open this file.
    OpenPath(PathBuf),
    /// Open a built-in example by file name.
    OpenExample(String),
    /// Save to the document's file (or ask for one).
    Save,
    /// Save under a new name chosen in the file dialog.
    SaveAs,
    /// Save to this file.
    SaveTo(PathBuf),
    /// Leave Bulwark.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Replace the scenario with an edited version (one undo step; edits with the
    /// same group in a row merge).
    Edit {
        /// The edited scenario.
        scenario: Box<Scenario>,
        /// Merge key, e.g. the id of the text field being typed in.
        group: Option<u64>,
    },
    /// Show or hide the left (editing) panel.
    ToggleLeftPanel,
    /// Show or hide the right (assessment) panel.
    ToggleRightPanel,
    /// Follow the system, or force light or dark.
    SetTheme(egui::ThemePreference),
    /// Start presenting (F5).
    Present,
    /// Close the tab at this position (asks first if it has unsaved changes).
    CloseTab(usize),
    /// Make the tab at this position the active one.
    SwitchTab(usize),
    /// Show or hide the comparison of the open scenarios.
    ToggleCompare,
    /// Show the About window with data attributions.
    About,
    /// Clear the list of recent files.
    ClearRecent,
    /// Save the map as a PNG image next to the scenario file.
    ExportMapImage,
}

/// Commands that have a fixed keyboard shortcut, checked once per frame.
pub const WITH_SHORTCUTS: &[Command] = &[
    Command::New,
    Command::Open,
    // Save As before Save: egui matches Ctrl+S even when Shift is also held.
    Command::SaveAs,
    Command::Save,
    Command::Undo,
    Command::Redo,
    Command::Quit,
    Command::Present,
];

impl Command {
    /// The menu label.
    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "New",
            Command::Open => "Open…",
            Command::OpenTypedPath => "Open path…",
            Command::OpenPath(_) => "Open",
            Command::OpenExample(_) => "Open example",
            Command::Save => "Save",
            Command::SaveAs => "Save As…",
            Command::SaveTo(_) => "Save to",
            Command::Quit => "Quit",
            Command::Undo => "Undo",
            Command::Redo => "Redo",
            Command::Edit { .. } => "Edit",
            Command::ToggleLeftPanel => "Editing panel",
            Command::ToggleRightPanel => "Assessment panel",
            Command::SetTheme(_) => "Theme",
            Command::Present => "Present",
            Command::CloseTab(_) => "Close tab",
            Command::SwitchTab(_) => "Switch tab",
            Command::ToggleCompare => "Compare scenarios",
            Command::About => "About Bulwark",
            Command::ClearRecent => "Clear recent files",
            Command::ExportMapImage => "Export map image",
        }
    }

    /// The keyboard shortcut, if the command has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Command::New => cmd(Key::N),
            Command::Open => cmd(Key::O),
            Command::Save => cmd(Key::S),
            Command::SaveAs => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::S,
            )),
            Command::Undo => cmd(Key::Z),
            Command::Redo => cmd(Key::Y),
            Command::Quit => cmd(Key::Q),
            Command::Present => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F5)),
            Command::CloseTab(_) => cmd(Key::W),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcuts_are_distinct() {
        let shortcuts: Vec<_> = WITH_SHORTCUTS
            .iter()
            .filter_map(Command::shortcut)
            .collect();
        assert_eq!(shortcuts.len(), WITH_SHORTCUTS.len(), "each has a shortcut");
        for (i, a) in shortcuts.iter().enumerate() {
            for b in &shortcuts[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
