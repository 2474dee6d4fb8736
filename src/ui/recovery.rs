//! Crash recovery: the open document is written, atomically, to a recovery file
//! in the app's data folder a few seconds after each edit. Each running Bulwark
//! writes its own file (named by process id), so two instances never clobber
//! each other. At start, files left by processes that are no longer running are
//! offered for restoring; a clean exit removes the process's own file.

use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::scenario::{self, Scenario};

/// Environment variable that overrides the recovery folder (used by tests).
pub const DIR_ENV: &str = "BULWARK_RECOVERY_DIR";

/// Seconds after the last edit before the document is written to recovery.
pub const DELAY_SECS: f64 = 3.0;

/// What a recovery file holds.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecoveryFile {
    /// When it was written, seconds since 1970.
    pub saved_at: u64,
    /// Process that wrote it.
    pub pid: u32,
    /// Every open document with unsaved changes.
    pub documents: Vec<RecoveredDocument>,
}

/// One unsaved document in a recovery file.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct RecoveredDocument {
    /// The file the document belongs to, if it had one.
    pub original: Option<PathBuf>,
    /// The document as it was.
    pub scenario: Scenario,
}

/// A recovery file found at start, left by a process that is gone.
#[derive(Clone, Debug)]
pub struct Found {
    /// Where the recovery file is.
    pub path: PathBuf,
    /// Its contents.
    pub contents: RecoveryFile,
}

impl Found {
    /// When it was saved, in words (e.g. "3 minutes ago").
    pub fn age(&self) -> String {
        let now = now_secs();
        let secs = now.saturating_sub(self.contents.saved_at);
        match secs {
            0..=59 => format!("{secs} seconds ago"),
            60..=3599 => format!("{} minutes ago", secs / 60),
            3600..=86_399 => format!("{} hours ago", secs / 3600),
            _ => format!("{} days ago", secs / 86_400),
        }
    }
}

/// The folder recovery files live in by default: the app's local data folder,
/// or the folder named by [`DIR_ENV`].
pub fn default_folder() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(DIR_ENV) {
        return Some(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("org", "Bulwark", "Bulwark")
        .map(|d| d.data_local_dir().join("recovery"))
}

/// This process's recovery file in `dir`.
pub fn own_path(dir: &Path) -> PathBuf {
    dir.join(format!("recovery-{}.json", std::process::id()))
}

fn now_secs() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// Writes the unsaved documents to this process's recovery file, atomically.
pub fn write(dir: &Path, documents: Vec<RecoveredDocument>) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let path = own_path(dir);
    let file = RecoveryFile {
        saved_at: now_secs(),
        pid: std::process::id(),
        documents,
    };
    let text = serde_json::to_string(&file).map_err(|e| e.to_string())?;
    scenario::write_atomic(&path, text.as_bytes(), false).map_err(|e| e.to_string())
}

/// Removes this process's recovery file (on a clean exit, or once the document
/// is saved).
pub fn remove_own(dir: &Path) {
    let _ = std::fs::remove_file(own_path(dir));
}

/// Recovery files left by processes that are no longer running, newest first.
/// Unreadable or invalid files are skipped (and left for the user to inspect).
pub fn find_orphans(dir: &Path) -> Vec<Found> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found: Vec<Found> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("recovery-"))
                && p.extension().is_some_and(|e| e == "json")
        })
        .filter_map(|path| {
            // A recovery file is read as cautiously as a scenario: only a
            // regular file, never past the cap.
            let bytes = scenario::read::read_capped(&path, scenario::MAX_FILE_BYTES).ok()?;
            let contents: RecoveryFile = serde_json::from_slice(&bytes).ok()?;
            let alive = contents.pid != std::process::id() && process_alive(contents.pid);
            let valid = !contents.documents.is_empty()
                && contents
                    .documents
                    .iter()
                    .all(|d| scenario::validate(&d.scenario).is_empty());
            (!alive && contents.pid != std::process::id() && valid)
                .then_some(Found { path, contents })
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.contents.saved_at));
    found
}

/// Whether a process with this id is running. On Linux this looks in /proc; on
/// other systems it cannot tell and assumes not, so a file may be offered while
/// its writer still runs (restoring it is harmless: it is a copy).
fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        false
    }
}

/// Deletes a recovery file the user chose to discard (or has restored).
pub fn discard(found: &Found) {
    let _ = std::fs::remove_file(&found.path);
}
