//! Files: opening, saving (with the question when someone else changed the
//! file), the system's file dialog or a typed path where it cannot open, the
//! built-in examples, and crash recovery.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use super::{BulwarkApp, PathPurpose, Question, plot_file_name, slug};
use crate::assets;
use crate::plots::PlotKind;
use crate::scenario::{self, EXTENSION, Scenario};
use crate::ui::commands::Command;
use crate::ui::document::Document;
use crate::ui::recovery;

/// What a file dialog running on another thread is for.
#[derive(Clone, Copy)]
pub(super) enum DialogKind {
    Open,
    Save,
    ExportPlot(PlotKind),
}

/// The state of file dialogs, saving and recovery.
pub(super) struct Files {
    /// The command to carry out after a Save As (from the unsaved-changes question).
    after_save: Option<Command>,
    /// A file dialog running on another thread, and what it is for.
    dialog: Option<(DialogKind, Receiver<Option<PathBuf>>)>,
    /// Ask for typed paths instead of opening the system's file dialog.
    typed_paths_only: bool,
    /// Folder of recovery files; none disables crash recovery.
    recovery_dir: Option<PathBuf>,
    /// Signature of the unsaved work last seen, and when (egui time) it changed.
    seen: (u64, f64),
    /// Signature of the unsaved work last written to the recovery file.
    recovered: u64,
}

impl Files {
    pub(super) fn new(typed_paths_only: bool, recovery_dir: Option<PathBuf>) -> Self {
        Self {
            after_save: None,
            dialog: None,
            typed_paths_only,
            recovery_dir,
            seen: (0, 0.0),
            recovered: 0,
        }
    }
}

impl BulwarkApp {
    /// Carries out a command about files.
    pub(super) fn apply_file_command(&mut self, command: Command) {
        match command {
            Command::Open => self.spawn_dialog(DialogKind::Open),
            Command::OpenTypedPath => {
                self.dialogs.question = Some(Question::TypedPath {
                    purpose: PathPurpose::Open,
                    text: String::new(),
                });
            }
            Command::OpenPath(path) => self.open_path(&path),
            Command::OpenExample(name) => match example_document(&name) {
                Ok(doc) => {
                    self.dialogs.message = format!("Opened example {name}");
                    self.open_tab(doc);
                }
                Err(e) => self.dialogs.error = Some(e),
            },
            Command::Save => match self.doc().path().map(Path::to_path_buf) {
                Some(path) if self.doc().changed_on_disk() => {
                    self.dialogs.question = Some(Question::ChangedOnDisk { path });
                }
                Some(path) => self.save_to(&path),
                None => self.spawn_dialog(DialogKind::Save),
            },
            Command::SaveAs => self.spawn_dialog(DialogKind::Save),
            Command::SaveTo(path) => self.save_to(&path),
            Command::AnswerRecovery(restore) => self.answer_recovery(restore),
            Command::AnswerChangedOnDisk(overwrite) => {
                let Some(Question::ChangedOnDisk { path }) = self.dialogs.question.take() else {
                    return;
                };
                if overwrite {
                    self.save_to(&path);
                } else {
                    self.dialogs.message = "Not saved: use Save As to keep both versions".into();
                }
            }
            Command::AnswerReadOnly(overwrite) => {
                let Some(Question::ReadOnly { path }) = self.dialogs.question.take() else {
                    return;
                };
                if overwrite {
                    self.save_to_with(&path, true);
                } else {
                    self.dialogs.message = "Not saved: the file is read-only".into();
                }
            }
            Command::TypePath(typed) => {
                if let Some(Question::TypedPath { text, .. }) = &mut self.dialogs.question {
                    *text = typed;
                }
            }
            Command::ChoosePathOption(chosen) => {
                if let Some(Question::TypedPath { purpose, .. }) = &mut self.dialogs.question {
                    use crate::ui::commands::ExportOption;
                    match (&mut *purpose, chosen) {
                        (PathPurpose::ExportSlidesPdf(parts), ExportOption::Deck(new)) => {
                            *parts = new;
                        }
                        (PathPurpose::ExportMapPrint(size, _), ExportOption::Paper(new)) => {
                            *size = new;
                        }
                        (PathPurpose::ExportMapPrint(_, style), ExportOption::Style(new)) => {
                            *style = new;
                        }
                        _ => {}
                    }
                }
            }
            Command::AnswerTypedPath(accepted) => self.answer_typed_path(accepted),
            _ => {}
        }
    }

    /// Saves, then goes on with `then` (the unsaved-changes question's Save);
    /// a document without a file asks for one first.
    pub(super) fn save_then(&mut self, then: Command) {
        match self.doc().path().map(Path::to_path_buf) {
            Some(path) => {
                self.save_to(&path);
                if !self.doc().is_dirty() {
                    self.apply(then);
                }
            }
            None => {
                self.files.after_save = Some(then);
                self.spawn_dialog(DialogKind::Save);
            }
        }
    }

    fn open_path(&mut self, path: &Path) {
        match scenario::load_file(path) {
            Ok(s) => {
                self.open_tab(Document::new(s, Some(path.to_path_buf()), ""));
                self.settings.add_recent(path);
                self.dialogs.message = format!("Opened {}", path.display());
            }
            Err(e) => {
                self.dialogs.error = Some(format!("Could not open the file.\n\n{e}"));
            }
        }
    }

    fn save_to(&mut self, path: &Path) {
        self.save_to_with(path, false);
    }

    /// Saves to `path`; `overwrite_read_only` once the user agreed to replace
    /// a read-only file (else they are asked).
    fn save_to_with(&mut self, path: &Path, overwrite_read_only: bool) {
        let path = with_extension(path);
        match scenario::save_file_with(&path, self.doc().scenario(), overwrite_read_only) {
            Ok(saved) => {
                self.tabs.active_mut().mark_saved(path.clone());
                self.settings.add_recent(&path);
                let mut message = format!("Saved {}", path.display());
                for note in saved.notes {
                    message.push_str(" — ");
                    message.push_str(&note);
                }
                self.dialogs.message = message;
            }
            Err(e) if e.read_only => {
                self.dialogs.question = Some(Question::ReadOnly { path });
            }
            Err(e) => self.dialogs.error = Some(format!("{e}\n\nYour changes are still open.")),
        }
    }

    fn finish_save_as(&mut self, path: PathBuf) {
        let then = self.files.after_save.take();
        self.save_to(&path);
        if let Some(then) = then
            && !self.doc().is_dirty()
        {
            self.apply(then);
        }
    }

    /// Finishes a typed-path dialog with the path typed (or cancels).
    fn answer_typed_path(&mut self, accepted: bool) {
        let Some(Question::TypedPath { purpose, text }) = self.dialogs.question.take() else {
            return;
        };
        let text = text.trim();
        if !accepted || text.is_empty() {
            self.files.after_save = None;
            return;
        }
        let home = std::env::var_os(if cfg!(windows) { "USERPROFILE" } else { "HOME" });
        let path = expand_home(text, home.as_deref().map(std::path::Path::new));
        match purpose {
            PathPurpose::Open => self.apply(Command::OpenPath(path)),
            PathPurpose::Save => self.finish_save_as(path),
            PathPurpose::ExportSlides => self.apply(Command::ExportSlidesTo(path)),
            PathPurpose::ExportPlot(plot) => self.apply(Command::ExportPlotTo(plot, path)),
            PathPurpose::ExportMap => self.apply(Command::ExportMapImageTo(path)),
            PathPurpose::ExportSlidesPdf(parts) => {
                self.apply(Command::ExportSlidesPdfTo(path, parts));
            }
            PathPurpose::ExportMapPrint(size, style) => {
                self.apply(Command::ExportMapPrintTo(path, size, style));
            }
            PathPurpose::ExportAssessment { csv } => {
                self.apply(Command::ExportAssessmentTo { csv, path });
            }
            PathPurpose::ExportGeography => self.apply(Command::ExportGeographyTo(path)),
            PathPurpose::ImportGeography => self.apply(Command::ImportGeographyFrom(path)),
        }
    }

    /// Runs the system file dialog on another thread. Without a desktop portal it
    /// returns nothing at once; then the typed-path dialog opens instead.
    pub(super) fn spawn_dialog(&mut self, kind: DialogKind) {
        if self.files.typed_paths_only {
            self.ask_typed_path(kind);
            return;
        }
        let (tx, rx) = channel();
        let title = slug(&self.doc().scenario().meta.title);
        let start = self.export_folder();
        std::thread::spawn(move || {
            let result = match kind {
                DialogKind::Open => rfd::FileDialog::new()
                    .add_filter("Bulwark scenario", &["json"])
                    .pick_file(),
                DialogKind::Save => rfd::FileDialog::new()
                    .add_filter("Bulwark scenario", &["json"])
                    .set_file_name(format!("{title}{EXTENSION}"))
                    .save_file(),
                DialogKind::ExportPlot(plot) => {
                    let dialog = rfd::FileDialog::new()
                        .add_filter("PNG image", &["png"])
                        .add_filter("SVG drawing", &["svg"])
                        .add_filter("PDF document", &["pdf"]);
                    match start {
                        Some(dir) => dialog.set_directory(dir),
                        None => dialog,
                    }
                    .set_file_name(plot_file_name(&title, plot))
                    .save_file()
                }
            };
            let _ = tx.send(result);
        });
        self.files.dialog = Some((kind, rx));
    }

    /// Opens the typed-path dialog for what the file dialog was for.
    fn ask_typed_path(&mut self, kind: DialogKind) {
        let title = slug(&self.doc().scenario().meta.title);
        let (purpose, text) = match kind {
            DialogKind::Open => (PathPurpose::Open, String::new()),
            DialogKind::Save => (
                PathPurpose::Save,
                self.doc()
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| format!("~/{title}{EXTENSION}")),
            ),
            DialogKind::ExportPlot(plot) => (
                PathPurpose::ExportPlot(plot),
                self.suggested_export_path(&plot_file_name(&title, plot)),
            ),
        };
        self.dialogs.question = Some(Question::TypedPath { purpose, text });
    }

    /// Takes the answer of a file dialog running on another thread.
    pub(super) fn poll_file_dialog(&mut self, ctx: &egui::Context) {
        let Some((kind, rx)) = &self.files.dialog else {
            return;
        };
        let kind = *kind;
        let Ok(result) = rx.try_recv() else {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
            return;
        };
        self.files.dialog = None;
        match (kind, result) {
            (DialogKind::Open, Some(path)) => self.apply(Command::OpenPath(path)),
            (DialogKind::Save, Some(path)) => self.finish_save_as(path),
            (DialogKind::ExportPlot(plot), Some(path)) => {
                self.apply(Command::ExportPlotTo(plot, path));
            }
            (kind, None) => self.ask_typed_path(kind),
        }
    }

    /// Asks about the first piece of work a Bulwark that did not exit cleanly
    /// left in the recovery folder.
    pub(super) fn offer_recovery(&mut self) {
        let next = self
            .files
            .recovery_dir
            .as_deref()
            .and_then(|dir| recovery::find_orphans(dir).into_iter().next());
        if let Some(found) = next {
            self.dialogs.question = Some(Question::Recover(Box::new(found)));
        }
    }

    /// Answers the recovery question: restore the work, or discard it.
    fn answer_recovery(&mut self, restore: bool) {
        let Some(Question::Recover(found)) = self.dialogs.question.take() else {
            return;
        };
        if restore {
            for d in found.contents.documents.clone() {
                self.open_tab(Document::restored(d.scenario, d.original));
            }
            self.dialogs.message = format!("Restored unsaved work from {}", found.age());
        } else {
            self.dialogs.message = "Discarded the recovered work".into();
        }
        recovery::discard(&found);
        self.offer_recovery();
    }

    /// Writes the documents to the recovery file a few seconds after the last
    /// change, and removes the file once there is nothing unsaved.
    pub(super) fn autosave(&mut self, ctx: &egui::Context) {
        let Some(dir) = self.files.recovery_dir.clone() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let signature = self.unsaved_signature();
        if signature != self.files.seen.0 {
            self.files.seen = (signature, now);
        }
        let unsaved: Vec<recovery::RecoveredDocument> = self
            .tabs
            .documents()
            .into_iter()
            .filter(|d| d.is_dirty())
            .map(|d| recovery::RecoveredDocument {
                original: d.path().map(Path::to_path_buf),
                scenario: d.scenario().clone(),
            })
            .collect();
        if unsaved.is_empty() {
            if self.files.recovered != 0 {
                recovery::remove_own(&dir);
                self.files.recovered = 0;
            }
            return;
        }
        if self.files.recovered == signature {
            return;
        }
        let wait = recovery::DELAY_SECS - (now - self.files.seen.1);
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        if let Err(e) = recovery::write(&dir, unsaved) {
            self.dialogs.message = format!("Could not write the recovery file: {e}");
        }
        self.files.recovered = signature;
    }

    /// Removes this run's recovery file (on a clean exit).
    pub(super) fn remove_own_recovery_file(&self) {
        if let Some(dir) = &self.files.recovery_dir {
            recovery::remove_own(dir);
        }
    }

    /// Changes whenever any tab's document changes, a tab opens or closes.
    fn unsaved_signature(&self) -> u64 {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for d in self.tabs.documents() {
            (d.revision(), d.is_dirty(), d.name()).hash(&mut h);
        }
        h.finish().max(1)
    }
}

/// A document for a built-in example (no path: saving asks for a new file).
pub fn example_document(name: &str) -> Result<Document, String> {
    let bytes = assets::example(name).ok_or_else(|| format!("No example called {name}"))?;
    let scenario: Scenario =
        scenario::from_bytes(name, bytes).map_err(|e| format!("The example is broken: {e}"))?;
    Ok(Document::new(scenario, None, name))
}

/// The title of each built-in example, with its file name, in file-name order.
pub fn example_titles() -> &'static [(String, String)] {
    static TITLES: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    TITLES.get_or_init(|| {
        assets::examples()
            .map(|(name, bytes)| {
                let title = scenario::from_bytes(name, bytes)
                    .map(|s| s.meta.title)
                    .unwrap_or_else(|_| name.to_owned());
                (name.to_owned(), title)
            })
            .collect()
    })
}

/// `path`, with `.bulwark.json` added when it has no `.json` extension.
fn with_extension(path: &Path) -> PathBuf {
    if path.extension().is_some_and(|e| e == "json") {
        path.to_path_buf()
    } else {
        let mut s = path.as_os_str().to_os_string();
        s.push(EXTENSION);
        PathBuf::from(s)
    }
}

/// A typed path with a leading `~` (alone or before a separator) read as the
/// home folder `home`, as a shell would; any other text as it is.
pub(crate) fn expand_home(text: &str, home: Option<&std::path::Path>) -> PathBuf {
    let rest = match text.strip_prefix('~') {
        Some("") => Some(""),
        Some(rest) if rest.starts_with('/') || rest.starts_with(std::path::MAIN_SEPARATOR) => {
            Some(&rest[1..])
        }
        _ => None,
    };
    match (rest, home) {
        (Some(""), Some(home)) => home.to_path_buf(),
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_leading_tilde_is_the_home_folder() {
        let home = std::path::Path::new("/home/analyst");
        assert_eq!(
            expand_home("~/briefs/a.bulwark.json", Some(home)),
            home.join("briefs/a.bulwark.json")
        );
        assert_eq!(expand_home("~", Some(home)), home);
        // Not a home folder: another user's, a name, no home known.
        assert_eq!(expand_home("~bob/x", Some(home)), PathBuf::from("~bob/x"));
        assert_eq!(expand_home("a~/x", Some(home)), PathBuf::from("a~/x"));
        assert_eq!(expand_home("~/x", None), PathBuf::from("~/x"));
    }
}
