//! Reading and writing scenario files: size cap, JSON parsing with the path of
//! any bad field, version check and migration, validation, and atomic saves that
//! keep a backup of the previous file.

use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use serde_json::Value;

use super::read::{ReadRefusal, read_capped};
use super::types::{FORMAT_VERSION, Scenario};
use super::validate::{Problem, validate};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// Most problems listed for one file (the rest are counted).
pub const MAX_PROBLEM_LINES: usize = 100;

/// The extension of scenario files.
pub const EXTENSION: &str = ".bulwark.json";

/// What kind of failure a load was.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LoadErrorKind {
    /// The file could not be read (missing, permission, a folder…).
    Read,
    /// The file is over [`MAX_FILE_BYTES`].
    TooLarge,
    /// The file is empty, binary, or not JSON.
    NotJson,
    /// The file was written by a newer Bulwark.
    NewerVersion,
    /// The JSON does not describe a valid scenario.
    Invalid,
}

/// Why a scenario file could not be loaded: the file's name and every problem found.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.lines().join("\n"))]
pub struct LoadError {
    /// The file's name as given by the user.
    pub file: String,
    /// What kind of failure this is.
    pub kind: LoadErrorKind,
    /// Each problem, with the JSON path of the field where there is one.
    pub problems: Vec<Problem>,
}

impl LoadError {
    fn new(file: &str, kind: LoadErrorKind, path: &str, message: impl Into<String>) -> Self {
        Self {
            file: file.to_owned(),
            kind,
            problems: vec![Problem::new(path, message)],
        }
    }

    /// One line per problem, each starting with the file name; characters
    /// that could rewrite a terminal or a dialog (in the name or a value
    /// quoted in the message) are written out as `\u{XXXX}`.
    /// At most [`MAX_PROBLEM_LINES`] problems are listed; a last line counts
    /// the rest.
    pub fn lines(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .problems
            .iter()
            .take(MAX_PROBLEM_LINES)
            .map(|p| super::validate::plain_text(&format!("{}: {p}", self.file)))
            .collect();
        if self.problems.len() > MAX_PROBLEM_LINES {
            lines.push(format!(
                "{}: the first {MAX_PROBLEM_LINES} problems are listed, and {} more",
                super::validate::plain_text(&self.file),
                self.problems.len() - MAX_PROBLEM_LINES
            ));
        }
        lines
    }
}

/// Why a save failed. The file on disk is unchanged when this is returned.
#[derive(Debug, thiserror::Error)]
#[error("{file}: could not save: {message}")]
pub struct SaveError {
    /// The file that was to be written.
    pub file: String,
    /// What went wrong, in plain words.
    pub message: String,
    /// The file is read-only: it may be replaced only when the user agrees
    /// (see [`save_file_with`]).
    pub read_only: bool,
}

/// What a save did besides writing the file.
#[derive(Debug, Default)]
pub struct Saved {
    /// The file written: the one asked for, or the file a link points to.
    pub file: PathBuf,
    /// What the user should be told: written through a link, hard links
    /// that keep the previous version, problems that will stop it opening.
    pub notes: Vec<String>,
}

/// Loads and validates a scenario file.
pub fn load_file(path: &Path) -> Result<Scenario, LoadError> {
    let name = path.display().to_string();
    let read_err = |e: std::io::Error| {
        LoadError::new(
            &name,
            LoadErrorKind::Read,
            "",
            format!("cannot read the file: {e}"),
        )
    };
    let bytes = match read_capped(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadRefusal::NotAFile(what)) => {
            return Err(LoadError::new(
                &name,
                LoadErrorKind::Read,
                "",
                format!("is {what}, not a scenario file"),
            ));
        }
        Err(ReadRefusal::TooLarge { at_least, .. }) => return Err(too_large(&name, at_least)),
        Err(ReadRefusal::Io(e)) => return Err(read_err(e)),
    };
    from_bytes(&name, &bytes)
}

fn too_large(name: &str, len: u64) -> LoadError {
    let size = if len > MAX_FILE_BYTES + 1 {
        format!("is {:.1} MiB", len as f64 / 1048576.0)
    } else {
        // Only the cap was read (a device, or a file still growing).
        format!("is over {} MiB", MAX_FILE_BYTES / 1048576)
    };
    LoadError::new(
        name,
        LoadErrorKind::TooLarge,
        "",
        format!(
            "{size}; scenario files over {} MiB are refused",
            MAX_FILE_BYTES / 1048576
        ),
    )
}

/// Parses, migrates and validates a scenario from the bytes of a file called `name`.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Scenario, LoadError> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(name, bytes.len() as u64));
    }
    let not_json = |msg: String| LoadError::new(name, LoadErrorKind::NotJson, "", msg);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        not_json(format!(
            "is not a text file (byte {} is not UTF-8); is it a scenario file?",
            e.valid_up_to()
        ))
    })?;
    // A byte-order mark, as Windows Notepad writes, is read past (and not
    // written back).
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(not_json("is empty".into()));
    }
    let value: Value = super::strict_json::parse(text).map_err(|e| {
        if super::strict_json::is_duplicate(&e) {
            duplicate_key(name, &e)
        } else {
            not_json(describe_json_error(&e))
        }
    })?;
    let version = read_version(name, &value)?;
    let value = migrate(value, version)
        .map_err(|msg| LoadError::new(name, LoadErrorKind::Invalid, "format_version", msg))?;
    let scenario: Scenario = serde_path_to_error::deserialize(value).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        LoadError::new(
            name,
            LoadErrorKind::Invalid,
            &path,
            e.into_inner().to_string(),
        )
    })?;
    let problems = validate(&scenario);
    if problems.is_empty() {
        Ok(scenario)
    } else {
        Err(LoadError {
            file: name.to_owned(),
            kind: LoadErrorKind::Invalid,
            problems,
        })
    }
}

/// A key given twice in one object, at its JSON path.
fn duplicate_key(name: &str, e: &serde_json::Error) -> LoadError {
    let text = e.to_string();
    let (path, message) = text.split_once(": ").unwrap_or(("", text.as_str()));
    let message = message
        .rsplit_once(" at line ")
        .map_or(message.to_owned(), |(what, _)| {
            format!(
                "{what} (line {}, column {}); which one is meant?",
                e.line(),
                e.column()
            )
        });
    LoadError::new(name, LoadErrorKind::Invalid, path, message)
}

fn describe_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    let at = format!("line {}, column {}", e.line(), e.column());
    match e.classify() {
        Category::Eof => format!("ends early at {at}; the file looks truncated"),
        Category::Syntax => format!("is not valid JSON: {e}"),
        Category::Data | Category::Io => format!("cannot be read as JSON: {e}"),
    }
}

fn read_version(name: &str, value: &Value) -> Result<u32, LoadError> {
    let invalid = |msg: String| LoadError::new(name, LoadErrorKind::Invalid, "format_version", msg);
    let Some(obj) = value.as_object() else {
        return Err(LoadError::new(
            name,
            LoadErrorKind::Invalid,
            "",
            "is JSON but not an object; a scenario file is a JSON object with `format_version`",
        ));
    };
    let Some(v) = obj.get("format_version") else {
        return Err(invalid(
            "is missing; is this a Bulwark scenario file?".into(),
        ));
    };
    let Some(version) = v.as_u64() else {
        return Err(invalid(format!("{v} is not a whole number")));
    };
    if version > u64::from(FORMAT_VERSION) {
        return Err(LoadError::new(
            name,
            LoadErrorKind::NewerVersion,
            "format_version",
            format!(
                "{version} is newer than this Bulwark understands (up to {FORMAT_VERSION}); \
                 update Bulwark to open this file"
            ),
        ));
    }
    if version == 0 {
        return Err(invalid("0 is not a version Bulwark ever wrote".into()));
    }
    Ok(version as u32)
}

/// A step that turns a document of version `n` into one of version `n + 1`.
pub type Migration = fn(Value) -> Result<Value, String>;

/// `MIGRATIONS[i]` upgrades version `i + 1` to `i + 2`; each format change adds
/// one step (see `docs/FORMAT.md`).
pub const MIGRATIONS: &[Migration] = &[
    version_1_to_2,
    version_2_to_3,
    version_3_to_4,
    version_4_to_5,
    version_5_to_6,
];

/// Version 2 adds units by kind and quality, forces on axes and their reach,
/// and the composition and quality of states' and the adversary's forces.
/// Every addition has a default that reads a version-1 file as it was meant:
/// a force is a mechanised unit of quality 1, spread over the axes as before;
/// a state's forces take the engine's default mix. Nothing is renamed or
/// removed, so the step only changes the version number (which
/// [`migrate_with`] writes).
fn version_1_to_2(value: Value) -> Result<Value, String> {
    Ok(value)
}

/// Version 3 adds areas drawn on the map: a territorial demand's outline
/// and the area a guarantee covers. Both are optional and empty by default,
/// which reads a version-2 file as it was; the step only changes the version.
fn version_2_to_3(value: Value) -> Result<Value, String> {
    Ok(value)
}

/// Version 4 adds the river crossings on an axis's route
/// (`river_crossings`), empty by default, which reads a version-3 file as it
/// was; the step only changes the version.
fn version_3_to_4(value: Value) -> Result<Value, String> {
    Ok(value)
}

/// Version 5 adds the defence lines behind an axis's front
/// (`defence_lines`), empty by default, which reads a version-4 file as it
/// was; the step only changes the version.
fn version_4_to_5(value: Value) -> Result<Value, String> {
    Ok(value)
}

/// Version 6 adds the settlement over time (`timeline`: steps after the
/// ceasefire), how far a demand is met as the analyst judges (`met` on a
/// demand) and the `sanctions_relief` demand. All are optional and absent by
/// default, which reads a version-5 file as it was (one snapshot held over
/// the horizon); the step only changes the version.
fn version_5_to_6(value: Value) -> Result<Value, String> {
    Ok(value)
}

/// Brings a document of `version` up to [`FORMAT_VERSION`].
pub fn migrate(value: Value, version: u32) -> Result<Value, String> {
    migrate_with(value, version, MIGRATIONS)
}

/// [`migrate`] with an explicit table (so the mechanism is testable).
pub fn migrate_with(mut value: Value, version: u32, steps: &[Migration]) -> Result<Value, String> {
    let first = version.saturating_sub(1) as usize;
    for (i, step) in steps.iter().enumerate().skip(first) {
        value = step(value).map_err(|e| format!("upgrading from version {}: {e}", i + 1))?;
        if let Some(obj) = value.as_object_mut() {
            obj.insert("format_version".into(), Value::from(i as u64 + 2));
        }
    }
    Ok(value)
}

/// The scenario as pretty-printed JSON, as it is saved.
pub fn to_json(scenario: &Scenario) -> String {
    // Serializing these types cannot fail: all map keys are strings.
    let mut text = serde_json::to_string_pretty(scenario).unwrap_or_default();
    text.push('\n');
    text
}

/// A fingerprint of a file's contents, to notice when someone else changed it
/// while it was open. `None` when the file cannot be read (e.g. it was deleted).
pub fn file_hash(path: &Path) -> Option<u64> {
    use std::hash::{Hash as _, Hasher as _};
    let bytes = match read_capped(path, MAX_FILE_BYTES) {
        Ok(bytes) => bytes,
        Err(ReadRefusal::TooLarge { at_least, .. }) => return Some(at_least),
        Err(_) => return None,
    };
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    bytes.hash(&mut hasher);
    Some(hasher.finish())
}

/// The backup kept of the previous version of `path` on save.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a scenario atomically, keeping the previous file as a backup and its
/// permissions; a read-only file is refused (see [`save_file_with`]).
pub fn save_file(path: &Path, scenario: &Scenario) -> Result<Saved, SaveError> {
    save_file_with(path, scenario, false)
}

/// Saves a scenario as [`save_file`] does; `overwrite_read_only` replaces a
/// read-only file too (the user agreed, or `--force`), keeping it read-only.
/// A link is saved through: the file it points to is written (and the link
/// kept), and the result says so.
pub fn save_file_with(
    path: &Path,
    scenario: &Scenario,
    overwrite_read_only: bool,
) -> Result<Saved, SaveError> {
    let fail = |message: String, read_only: bool| SaveError {
        file: path.display().to_string(),
        message,
        read_only,
    };
    let mut notes = Vec::new();
    let is_link = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    let file = if is_link {
        let target = fs::canonicalize(path).map_err(|e| {
            fail(
                format!("it is a link to a file that cannot be found: {e}"),
                false,
            )
        })?;
        notes.push(format!(
            "{} is a link: saved to the file it points to, {}",
            path.display(),
            target.display()
        ));
        target
    } else {
        path.to_path_buf()
    };
    if let Ok(meta) = fs::metadata(&file) {
        if meta.permissions().readonly() && !overwrite_read_only {
            return Err(fail("the file is read-only".into(), true));
        }
        if let Some(others) = other_hard_links(&meta) {
            notes.push(format!(
                "{} had {others} other hard link(s); they keep the previous version",
                file.display()
            ));
        }
    }
    write_atomic(&file, to_json(scenario).as_bytes(), true)?;
    // Saved all the same, so nothing is lost; but the user hears at once what
    // would stop the file opening again, rather than when it is next opened.
    let problems = super::validate(scenario);
    if let Some(first) = problems.first() {
        notes.push(format!(
            "{}: saved, but it will not open again until {} problem(s) are put right, first {}: {}",
            file.display(),
            problems.len(),
            first.path,
            first.message
        ));
    }
    Ok(Saved { file, notes })
}

/// How many other names the file has (Unix hard links); none elsewhere.
#[cfg(unix)]
fn other_hard_links(meta: &fs::Metadata) -> Option<u64> {
    use std::os::unix::fs::MetadataExt as _;
    (meta.nlink() > 1).then(|| meta.nlink() - 1)
}

/// How many other names the file has: none can be told here.
#[cfg(not(unix))]
fn other_hard_links(_meta: &fs::Metadata) -> Option<u64> {
    None
}

/// Writes an export (a slide or map image, a handout, figures) to `path`
/// atomically, as [`write_atomic`] without a backup, but only over nothing or
/// a regular file: a link already there is neither followed nor replaced
/// (someone may have prepared the folder so that an export overwrites a file
/// elsewhere), and the error says so.
pub fn write_export(path: &Path, bytes: &[u8]) -> Result<(), SaveError> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => Err(SaveError {
            file: path.display().to_string(),
            message: "a link is already there; it is not followed or replaced \
                      (remove it, or export to another folder)"
                .into(),
            read_only: false,
        }),
        Ok(meta) if !meta.is_file() => Err(SaveError {
            file: path.display().to_string(),
            message: "something other than a file is already there".into(),
            read_only: false,
        }),
        _ => write_atomic(path, bytes, false),
    }
}

/// Writes `bytes` to `path` so that, whatever happens, the file on disk is either
/// the complete old version or the complete new one: write a temporary file in
/// the same folder, flush it to disk, copy the old file to the backup (when
/// `keep_backup`), then rename the temporary file over the target.
pub fn write_atomic(path: &Path, bytes: &[u8], keep_backup: bool) -> Result<(), SaveError> {
    let fail = |message: String| SaveError {
        file: path.display().to_string(),
        message,
        read_only: false,
    };
    if path.is_dir() {
        return Err(fail("the target is a folder".into()));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(fail(format!(
            "the folder {} does not exist",
            folder.display()
        )));
    }
    let tmp = temp_path(path);
    let result = write_and_sync(&tmp, bytes)
        .and_then(|()| keep_permissions(path, &tmp))
        .map_err(|e| {
            fail(format!(
                "cannot write a temporary file in {}: {e}",
                folder.display()
            ))
        })
        .and_then(|()| {
            if keep_backup && path.exists() {
                backup(path).map_err(|e| fail(format!("cannot keep a backup of the old file: {e}")))
            } else {
                Ok(())
            }
        })
        .and_then(|()| {
            fs::rename(&tmp, path).map_err(|e| fail(format!("cannot replace the file: {e}")))
        });
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    } else {
        if let Ok(dir) = fs::File::open(&folder) {
            // Make the rename itself durable; not all platforms allow syncing a folder.
            let _ = dir.sync_all();
        }
        remove_stale_temporaries(path);
    }
    result
}

/// Gives the new file `tmp` the permissions of the file it replaces (a
/// private mode-600 file stays private).
fn keep_permissions(path: &Path, tmp: &Path) -> std::io::Result<()> {
    match fs::metadata(path) {
        Ok(old) => fs::set_permissions(tmp, old.permissions()),
        Err(_) => Ok(()),
    }
}

/// Removes temporary files of our own naming beside `path` (see
/// [`temp_path`]) left by a Bulwark that was killed while saving: those whose
/// process is no longer running. Where that cannot be told, nothing is removed.
fn remove_stale_temporaries(path: &Path) {
    let (Some(folder), Some(name)) = (path.parent(), path.file_name()) else {
        return;
    };
    let folder = if folder.as_os_str().is_empty() {
        Path::new(".")
    } else {
        folder
    };
    let prefix = format!(".{}.", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let file = entry.file_name().to_string_lossy().into_owned();
        let Some(pid) = file
            .strip_prefix(&prefix)
            .and_then(|rest| rest.strip_suffix(".tmp"))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, n)| n.parse::<u64>().ok().and(pid.parse::<u32>().ok()))
        else {
            continue;
        };
        if pid != std::process::id() && process_ended(pid) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

/// Whether the process `pid` has certainly ended (on Linux, no /proc entry;
/// elsewhere this cannot be told, so never).
fn process_ended(pid: u32) -> bool {
    cfg!(target_os = "linux") && !Path::new(&format!("/proc/{pid}")).exists()
}

fn temp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    path.with_file_name(format!(".{name}.{}-{n}.tmp", std::process::id()))
}

fn write_and_sync(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Copies the current file to its backup, atomically (copy to a temporary, rename).
fn backup(path: &Path) -> std::io::Result<()> {
    let tmp = temp_path(&backup_path(path));
    let result = fs::copy(path, &tmp)
        .and_then(|_| fs::File::open(&tmp)?.sync_all())
        .and_then(|()| fs::rename(&tmp, backup_path(path)));
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}
