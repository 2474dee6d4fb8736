//! The application state and its logic: carrying out commands, file dialogs,
//! the unsaved-changes question, and the window title. Drawing lives in
//! [`super::shell`]; it reads this state and queues commands.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

use crate::assets;
use crate::scenario::{self, EXTENSION, Scenario};

use super::assessment_panel::PanelPlot;
use super::commands::Command;
use super::document::Document;
use super::settings::{STORAGE_KEY, Settings};

/// The example opened when Bulwark starts without a file.
pub const DEFAULT_EXAMPLE: &str = "us-bilateral-28-point.bulwark.json";

/// A question waiting for the user's answer before a command can go ahead.
#[derive(Clone, Debug)]
pub enum Pending {
    /// The document has unsaved changes and `then` would discard them.
    UnsavedChanges {
        /// The command to carry out once the user has chosen.
        then: Command,
    },
    /// Work left by a Bulwark that did not exit cleanly can be restored.
    Recover(Box<super::recovery::Found>),
    /// The file was changed or deleted by someone else since it was opened.
    ChangedOnDisk {
        /// The file about to be overwritten.
        path: PathBuf,
    },
    /// A link in the notes was clicked: show its address before opening it.
    OpenLink {
        /// The address.
        url: String,
    },
    /// The user is typing a path to open or to save to.
    TypedPath {
        /// What the path is for.
        purpose: PathPurpose,
        /// The text typed so far.
        text: String,
    },
}

/// What a typed path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PathPurpose {
    /// Open the file.
    Open,
    /// Save to the file.
    Save,
    /// Export the slides into the folder.
    ExportSlides,
    /// Save the plot as a PNG image.
    ExportPlot(PanelPlot),
}

/// The user's answer to the unsaved-changes question.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnsavedChoice {
    /// Save, then go ahead.
    Save,
    /// Throw the changes away and go ahead.
    Discard,
    /// Do nothing.
    Cancel,
}

/// What a file dialog running on another thread is for.
#[derive(Clone, Copy)]
enum DialogKind {
    Open,
    Save,
    ExportPlot(PanelPlot),
}

/// The Bulwark application.
pub struct BulwarkApp {
    /// The document in the active tab.
    pub doc: Document,
    /// The documents in the other tabs, in tab order without the active one.
    pub(crate) others: Vec<Document>,
    /// Position of the active tab among all tabs.
    pub(crate) active_index: usize,
    /// Whether the comparison view replaces the map in the centre.
    pub show_compare: bool,
    /// Persisted settings.
    pub settings: Settings,
    /// A question waiting for an answer.
    pub pending: Option<Pending>,
    /// An error to show until dismissed.
    pub error: Option<String>,
    /// The last thing that happened, for the status line.
    pub status: String,
    /// Whether the About window is open.
    pub show_about: bool,
    /// Editing state of the left panel (tab, selection).
    pub editor: super::editor::EditorState,
    /// Runs the assessment off the UI thread and keeps the latest results.
    pub runner: super::assessment_runner::AssessmentRunner,
    /// State of the assessment panel (which plot).
    pub panel: super::assessment_panel::PanelState,
    /// The assessment whose figures the map last received.
    pub(crate) map_fed: Option<std::sync::Arc<crate::model::Assessment>>,
    /// The map's view state, selection and measuring tools (not saved).
    pub map: crate::map::MapState,
    /// Commands queued by the UI during this frame.
    queue: Vec<Command>,
    /// The command to carry out after a Save As (from the unsaved-changes question).
    after_save: Option<Command>,
    /// A file dialog running on another thread, and what it is for.
    dialog: Option<(DialogKind, Receiver<Option<PathBuf>>)>,
    /// Ask for typed paths instead of opening the system's file dialog.
    typed_paths_only: bool,
    /// Set once the user has agreed to close, so the close request goes through.
    closing: bool,
    /// Whether the close command has been sent to the window.
    close_sent: bool,
    /// The window title last sent, to send it only when it changes.
    sent_title: String,
    /// Folder of recovery files; none disables crash recovery.
    recovery_dir: Option<PathBuf>,
    /// Document revision last seen, and when (egui time) it changed.
    seen_revision: (u64, f64),
    /// Document revision last written to the recovery file.
    recovered_revision: u64,
    /// A link the user agreed to open.
    approved_link: Option<String>,
    /// The running briefing; none when not presenting.
    pub presentation: Option<crate::present::Presentation>,
    /// Cache of the Markdown renderer for slides and speaker notes.
    pub slide_markdown: egui_commonmark::CommonMarkCache,
    /// Window commands to send at the end of the frame (full screen on and off).
    viewport_commands: Vec<egui::ViewportCommand>,
    /// Whether the window was full-screen last frame (restored after presenting).
    fullscreen_now: bool,
    /// A slide export running on another thread.
    export: Option<Receiver<Result<String, String>>>,
    /// Close once the first frame is drawn (start-up timing).
    exit_after_first_frame: bool,
    /// The screens connected, in the system's order (empty where they cannot
    /// be listed: tests, headless rendering); refreshed by eframe's `logic`.
    pub monitors: Vec<crate::present::monitor::Monitor>,
    /// When (egui time) the screens were last listed.
    monitors_listed: Option<f64>,
}

/// How the app starts: which file, and where recovery files go.
#[derive(Clone, Debug, Default)]
pub struct StartOptions {
    /// A file to open instead of the default example.
    pub file: Option<PathBuf>,
    /// Folder for crash-recovery files; none disables recovery.
    pub recovery_dir: Option<PathBuf>,
    /// Run the assessment on the UI thread, so that each frame shows finished
    /// figures (headless tests and rendering); normally it runs on a worker.
    pub inline_assessment: bool,
    /// Close as soon as the first frame is drawn (to time start-up).
    pub exit_after_first_frame: bool,
    /// Ask for a typed path wherever the system's file dialog would open
    /// (headless tests, where no dialog can be answered).
    pub typed_paths_only: bool,
}

impl BulwarkApp {
    /// The app as eframe creates it: settings from storage, then `file` or the
    /// default example.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let options = StartOptions {
            file,
            recovery_dir: super::recovery::default_folder(),
            ..StartOptions::default()
        };
        Self::with_options(cc, options)
    }

    /// The app as eframe creates it, with explicit start options.
    pub fn with_options(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(settings.theme);
        super::theme::install_fonts(&cc.egui_ctx);
        Self::with_settings(settings, options)
    }

    /// The app with the given settings and start options (no window needed).
    pub fn with_settings(settings: Settings, options: StartOptions) -> Self {
        let mut app = Self {
            doc: example_document(DEFAULT_EXAMPLE)
                .unwrap_or_else(|_| Document::new(scenario::blank(), None, "Untitled"))
                .replaceable(),
            others: Vec::new(),
            active_index: 0,
            show_compare: false,
            settings,
            pending: None,
            error: None,
            status: String::new(),
            show_about: false,
            editor: Default::default(),
            runner: Default::default(),
            panel: Default::default(),
            map_fed: None,
            map: crate::map::MapState::default(),
            queue: Vec::new(),
            after_save: None,
            dialog: None,
            typed_paths_only: options.typed_paths_only,
            closing: false,
            close_sent: false,
            sent_title: String::new(),
            recovery_dir: options.recovery_dir,
            seen_revision: (0, 0.0),
            recovered_revision: 0,
            approved_link: None,
            presentation: None,
            slide_markdown: Default::default(),
            viewport_commands: Vec::new(),
            fullscreen_now: false,
            export: None,
            exit_after_first_frame: options.exit_after_first_frame,
            monitors: Vec::new(),
            monitors_listed: None,
        };
        app.runner.inline = options.inline_assessment;
        if let Some(file) = options.file {
            app.apply(Command::OpenPath(file));
        }
        if let Some(dir) = &app.recovery_dir
            && let Some(found) = super::recovery::find_orphans(dir).into_iter().next()
        {
            app.pending = Some(Pending::Recover(Box::new(found)));
        }
        app
    }

    /// Queues a command to run at the end of the frame.
    pub fn queue(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// The window title: file name, an unsaved-changes marker, and the app name.
    pub fn window_title(&self) -> String {
        let marker = if self.doc.is_dirty() { "• " } else { "" };
        format!("{marker}{} — Bulwark", self.doc.name())
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        match &command {
            Command::CloseTab(i) if self.tab(*i).is_some_and(Document::is_dirty) => {
                self.switch_tab(*i);
                self.pending = Some(Pending::UnsavedChanges { then: command });
            }
            Command::Quit => match self.first_dirty_tab() {
                Some(i) => {
                    self.switch_tab(i);
                    self.pending = Some(Pending::UnsavedChanges { then: command });
                }
                None => self.closing = true,
            },
            _ => self.apply_now(command),
        }
    }

    /// Carries out a command without asking about unsaved changes.
    fn apply_now(&mut self, command: Command) {
        match command {
            Command::New => {
                self.open_tab(Document::new(scenario::blank(), None, "Untitled").replaceable());
                self.status = "New scenario".into();
            }
            Command::CloseTab(i) => self.close_tab(i),
            Command::SwitchTab(i) => self.switch_tab(i),
            Command::ToggleCompare => self.show_compare ^= true,
            Command::Open => self.spawn_dialog(DialogKind::Open),
            Command::OpenTypedPath => {
                self.pending = Some(Pending::TypedPath {
                    purpose: PathPurpose::Open,
                    text: String::new(),
                });
            }
            Command::OpenPath(path) => self.open_path(&path),
            Command::OpenExample(name) => match example_document(&name) {
                Ok(doc) => {
                    self.status = format!("Opened example {name}");
                    self.open_tab(doc);
                }
                Err(e) => self.error = Some(e),
            },
            Command::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(path) if self.doc.changed_on_disk() => {
                    self.pending = Some(Pending::ChangedOnDisk { path });
                }
                Some(path) => self.save_to(&path),
                None => self.spawn_dialog(DialogKind::Save),
            },
            Command::SaveAs => self.spawn_dialog(DialogKind::Save),
            Command::SaveTo(path) => self.save_to(&path),
            Command::Quit => self.apply(Command::Quit),
            Command::Undo => {
                if !self.doc.undo() {
                    self.status = "Nothing to undo".into();
                }
            }
            Command::Redo => {
                if !self.doc.redo() {
                    self.status = "Nothing to redo".into();
                }
            }
            Command::Edit { scenario, group } => self.doc.edit(*scenario, group),
            Command::ToggleLeftPanel => self.settings.show_left ^= true,
            Command::ToggleRightPanel => self.settings.show_right ^= true,
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::SetPresentOn(choice) => self.settings.present_on = choice,
            Command::Present => self.start_presenting(),
            Command::StopPresenting => self.stop_presenting(),
            Command::NextSlide
            | Command::PreviousSlide
            | Command::FirstSlide
            | Command::LastSlide
            | Command::GoToSlide(_)
            | Command::Blackout
            | Command::Whiteout
            | Command::ToggleLaser
            | Command::ToggleWhatIf
            | Command::TogglePresenterView => {
                if let Some(p) = &mut self.presentation {
                    p.apply(&command);
                }
            }
            Command::ExportSlides => {
                let folder = self
                    .doc
                    .path()
                    .and_then(Path::parent)
                    .map(Path::to_path_buf)
                    .unwrap_or_default()
                    .join(format!("{}-slides", slug(&self.doc.scenario().meta.title)));
                self.pending = Some(Pending::TypedPath {
                    purpose: PathPurpose::ExportSlides,
                    text: folder.display().to_string(),
                });
            }
            Command::ExportSlidesTo(dir) => self.spawn_export(dir),
            Command::About => self.show_about = true,
            Command::ExportMapImage => {
                let dir = self.export_folder();
                let name = format!("{}-map.png", slug(&self.doc.scenario().meta.title));
                self.map.request_export(dir.join(name));
            }
            Command::ExportPlot(plot) => self.spawn_dialog(DialogKind::ExportPlot(plot)),
            Command::ExportPlotTo(plot, path) => {
                // The plot is captured from the panel, so the panel must show.
                self.settings.show_right = true;
                self.panel.request_export(plot, with_png_extension(&path));
            }
            Command::ExportAssessment { csv } => self.export_assessment(csv),
            Command::ClearRecent => self.settings.recent.clear(),
        }
    }

    /// The folder exports go to: the scenario file's, else the current folder.
    fn export_folder(&self) -> PathBuf {
        self.doc
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_else(|| std::env::current_dir().unwrap_or_default())
    }

    /// Writes the active scenario's current assessment next to its file.
    fn export_assessment(&mut self, csv: bool) {
        let status = self.runner.status(self.doc.id(), self.doc.revision());
        let Some(result) = status.result.filter(|_| !status.stale) else {
            self.status = "The assessment is still running; export again in a moment".into();
            return;
        };
        let name = self.doc.name();
        let done = [(name, (*result).clone())];
        let (text, ext) = if csv {
            (crate::model::export::to_csv(&done), "csv")
        } else {
            (crate::model::export::to_json(&done), "json")
        };
        let file = format!("{}-assessment.{ext}", slug(&self.doc.scenario().meta.title));
        let path = self.export_folder().join(file);
        match scenario::write_atomic(&path, text.as_bytes(), false) {
            Ok(()) => self.status = format!("Exported the assessment to {}", path.display()),
            Err(e) => self.error = Some(e.to_string()),
        }
    }

    /// Answers the unsaved-changes question.
    pub fn resolve_unsaved(&mut self, choice: UnsavedChoice) {
        let Some(Pending::UnsavedChanges { then }) = self.pending.take() else {
            return;
        };
        match choice {
            UnsavedChoice::Cancel => self.status = "Cancelled".into(),
            UnsavedChoice::Discard => self.discard_then(then),
            UnsavedChoice::Save => match self.doc.path().map(Path::to_path_buf) {
                Some(path) => {
                    self.save_to(&path);
                    if !self.doc.is_dirty() {
                        self.apply(then);
                    }
                }
                None => {
                    self.after_save = Some(then);
                    self.spawn_dialog(DialogKind::Save);
                }
            },
        }
    }

    /// Answers the recovery question: restore the work, or discard it.
    pub fn resolve_recovery(&mut self, restore: bool) {
        let Some(Pending::Recover(found)) = self.pending.take() else {
            return;
        };
        if restore {
            for d in found.contents.documents.clone() {
                self.open_tab(Document::restored(d.scenario, d.original));
            }
            self.status = format!("Restored unsaved work from {}", found.age());
        } else {
            self.status = "Discarded the recovered work".into();
        }
        super::recovery::discard(&found);
        let next = self
            .recovery_dir
            .as_deref()
            .and_then(|dir| super::recovery::find_orphans(dir).into_iter().next());
        if let Some(next) = next {
            self.pending = Some(Pending::Recover(Box::new(next)));
        }
    }

    /// Answers the question about a file changed on disk: overwrite it or not.
    pub fn resolve_changed_on_disk(&mut self, overwrite: bool) {
        let Some(Pending::ChangedOnDisk { path }) = self.pending.take() else {
            return;
        };
        if overwrite {
            self.save_to(&path);
        } else {
            self.status = "Not saved: use Save As to keep both versions".into();
        }
    }

    /// Answers the question before opening a link: open it or not.
    pub fn resolve_link(&mut self, open: bool) {
        if let Some(Pending::OpenLink { url }) = self.pending.take()
            && open
        {
            self.approved_link = Some(url);
        }
    }

    /// Finishes a typed-path dialog with the path typed (or cancels with `None`).
    pub fn resolve_typed_path(&mut self, accepted: bool) {
        let Some(Pending::TypedPath { purpose, text }) = self.pending.take() else {
            return;
        };
        let text = text.trim();
        if !accepted || text.is_empty() {
            return;
        }
        let path = PathBuf::from(text);
        match purpose {
            PathPurpose::Open => self.apply(Command::OpenPath(path)),
            PathPurpose::Save => self.finish_save_as(Some(path)),
            PathPurpose::ExportSlides => self.apply(Command::ExportSlidesTo(path)),
            PathPurpose::ExportPlot(plot) => self.apply(Command::ExportPlotTo(plot, path)),
        }
    }

    /// Starts presenting: full screen on the screen of the "Present on"
    /// setting, panels hidden (the shell draws only the slide), and the
    /// presenter view opened at once when the slides went to another screen.
    fn start_presenting(&mut self) {
        if self.presentation.is_some() {
            return;
        }
        let len = crate::present::deck(self.doc.scenario()).len();
        let restore = crate::present::RestoreLayout {
            fullscreen: self.fullscreen_now,
        };
        let placement = crate::present::monitor::place(&self.settings.present_on, &self.monitors);
        // The presenter view opens on request (S) when the slides stay on this
        // window's screen: on a laptop mirrored to a projector it would
        // otherwise show the notes to the room. When they go to another
        // screen, it opens at once on this one.
        let mut p = crate::present::Presentation::start(len, restore, placement.elsewhere());
        self.viewport_commands.push(match placement.monitor {
            Some(index) => egui::ViewportCommand::SetMonitor(index),
            None => egui::ViewportCommand::Fullscreen(true),
        });
        let screen = placement
            .monitor
            .and_then(|i| self.monitors.get(i))
            .map(|m| format!(" on {}", m.name))
            .unwrap_or_default();
        self.status = match &placement.note {
            Some(note) => format!("{note} (Esc to leave)"),
            None => format!("Presenting{screen} (Esc to leave)"),
        };
        p.placement = placement;
        self.presentation = Some(p);
    }

    /// Leaves presentation mode and restores the window as it was: on its
    /// own screen, full-screen only if it was before.
    fn stop_presenting(&mut self) {
        if let Some(p) = self.presentation.take() {
            if p.placement.monitor.is_some() && p.restore.fullscreen {
                // Leave the chosen screen first (back to where the window was),
                // then go full-screen there again.
                self.viewport_commands
                    .push(egui::ViewportCommand::Fullscreen(false));
            }
            self.viewport_commands
                .push(egui::ViewportCommand::Fullscreen(p.restore.fullscreen));
            self.status = "Presentation ended".into();
        }
    }

    /// Lists the connected screens from the window, at most once a second
    /// (frames come only with input, so the list is fresh when F5 is pressed).
    fn list_monitors(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let now = ctx.input(|i| i.time);
        if self.monitors_listed.is_some_and(|t| now - t < 1.0) {
            return;
        }
        self.monitors_listed = Some(now);
        let Some(window) = frame.winit_window() else {
            return;
        };
        let current = window.current_monitor();
        self.monitors = window
            .available_monitors()
            .enumerate()
            .map(|(i, m)| {
                let (size, position) = (m.size(), m.position());
                crate::present::monitor::Monitor {
                    name: m.name().unwrap_or_else(|| format!("Screen {}", i + 1)),
                    size: [size.width, size.height],
                    position: [position.x, position.y],
                    scale: m.scale_factor(),
                    has_window: current.as_ref() == Some(&m),
                }
            })
            .collect();
    }

    /// Renders the deck to PNGs and a handout on another thread.
    fn spawn_export(&mut self, dir: PathBuf) {
        let (tx, rx) = channel();
        let scenario = self.doc.scenario().clone();
        self.status = format!("Exporting slides to {}…", dir.display());
        std::thread::spawn(move || {
            let result = crate::present::export::export_slides(&scenario, &dir)
                .map(|n| format!("Exported {n} slides and handout.md to {}", dir.display()))
                .map_err(|e| format!("Could not export the slides.\n\n{e}"));
            let _ = tx.send(result);
        });
        self.export = Some(rx);
    }

    fn poll_export(&mut self, ctx: &egui::Context) {
        let Some(rx) = &self.export else { return };
        match rx.try_recv() {
            Ok(Ok(message)) => {
                self.status = message;
                self.export = None;
            }
            Ok(Err(message)) => {
                self.error = Some(message);
                self.export = None;
            }
            Err(std::sync::mpsc::TryRecvError::Empty) => {
                ctx.request_repaint_after(std::time::Duration::from_millis(200));
            }
            Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                self.error = Some("The slide export stopped unexpectedly.".into());
                self.export = None;
            }
        }
    }

    /// Whether a slide export is running.
    pub fn exporting(&self) -> bool {
        self.export.is_some()
    }

    fn open_path(&mut self, path: &Path) {
        match scenario::load_file(path) {
            Ok(s) => {
                self.open_tab(Document::new(s, Some(path.to_path_buf()), ""));
                self.settings.add_recent(path);
                self.status = format!("Opened {}", path.display());
            }
            Err(e) => {
                self.error = Some(format!("Could not open the file.\n\n{e}"));
            }
        }
    }

    fn save_to(&mut self, path: &Path) {
        let path = with_extension(path);
        match scenario::save_file(&path, self.doc.scenario()) {
            Ok(()) => {
                self.doc.mark_saved(path.clone());
                self.settings.add_recent(&path);
                self.status = format!("Saved {}", path.display());
            }
            Err(e) => self.error = Some(format!("{e}\n\nYour changes are still open.")),
        }
    }

    fn finish_save_as(&mut self, path: Option<PathBuf>) {
        let then = self.after_save.take();
        let Some(path) = path else {
            return;
        };
        self.save_to(&path);
        if let Some(then) = then
            && !self.doc.is_dirty()
        {
            self.apply(then);
        }
    }

    /// Runs the system file dialog on another thread. Without a desktop portal it
    /// returns nothing at once; then the typed-path dialog opens instead.
    fn spawn_dialog(&mut self, kind: DialogKind) {
        if self.typed_paths_only {
            self.ask_typed_path(kind);
            return;
        }
        let (tx, rx) = channel();
        let title = slug(&self.doc.scenario().meta.title);
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
                DialogKind::ExportPlot(plot) => rfd::FileDialog::new()
                    .add_filter("PNG image", &["png"])
                    .set_directory(start)
                    .set_file_name(plot_file_name(&title, plot))
                    .save_file(),
            };
            let _ = tx.send(result);
        });
        self.dialog = Some((kind, rx));
    }

    /// Opens the typed-path dialog for what the file dialog was for.
    fn ask_typed_path(&mut self, kind: DialogKind) {
        let title = slug(&self.doc.scenario().meta.title);
        let (purpose, text) = match kind {
            DialogKind::Open => (PathPurpose::Open, String::new()),
            DialogKind::Save => (
                PathPurpose::Save,
                self.doc
                    .path()
                    .map(|p| p.display().to_string())
                    .unwrap_or_else(|| format!("{title}{EXTENSION}")),
            ),
            DialogKind::ExportPlot(plot) => (
                PathPurpose::ExportPlot(plot),
                self.export_folder()
                    .join(plot_file_name(&title, plot))
                    .display()
                    .to_string(),
            ),
        };
        self.pending = Some(Pending::TypedPath { purpose, text });
    }

    fn poll_dialog(&mut self) {
        let Some((kind, rx)) = &self.dialog else {
            return;
        };
        let kind = *kind;
        let Ok(result) = rx.try_recv() else { return };
        self.dialog = None;
        match (kind, result) {
            (DialogKind::Open, Some(path)) => self.apply(Command::OpenPath(path)),
            (DialogKind::Save, Some(path)) => self.finish_save_as(Some(path)),
            (DialogKind::ExportPlot(plot), Some(path)) => {
                self.apply(Command::ExportPlotTo(plot, path));
            }
            (kind, None) => self.ask_typed_path(kind),
        }
    }

    /// Whether a file dialog is open on another thread.
    pub fn dialog_open(&self) -> bool {
        self.dialog.is_some()
    }

    /// State changes for this frame: queued commands, shortcuts, dropped files,
    /// dialog results, the close request and the window title.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.poll_dialog();
        if self.dialog.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.poll_export(ctx);
        match self.panel.poll_export(ctx) {
            Some(Ok(message)) => self.status = message,
            Some(Err(message)) => self.error = Some(message),
            None => {}
        }
        if self.presentation.is_none() {
            self.fullscreen_now = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        }
        let deck_len = crate::present::deck(self.doc.scenario()).len();
        if let Some(p) = &mut self.presentation {
            p.set_len(deck_len);
            // While a field of the "what if" popover has the keyboard, keys are
            // typing, not slide commands (Esc still closes the popover).
            let typing = ctx.memory(|m| m.focused().is_some());
            if self.pending.is_none() && self.error.is_none() {
                for key in crate::present::view::pressed_keys(ctx) {
                    if typing && key != egui::Key::Escape {
                        continue;
                    }
                    if let Some(command) = p.key(key) {
                        self.queue.push(command);
                    }
                }
            }
        } else if self.pending.is_none() {
            for command in super::commands::WITH_SHORTCUTS {
                if let Some(shortcut) = command.shortcut()
                    && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
                {
                    self.queue(command.clone());
                }
            }
            let close = Command::CloseTab(self.active_tab());
            if let Some(shortcut) = close.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.queue(close);
            }
        }
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(path) = dropped.into_iter().next() {
            self.queue(Command::OpenPath(path));
        }
        for command in std::mem::take(&mut self.queue) {
            self.apply(command);
        }
        for command in std::mem::take(&mut self.viewport_commands) {
            ctx.send_viewport_cmd(command);
        }
        self.autosave(ctx);
        self.request_assessments(ctx);
        self.handle_close(ctx);
        let title = self.window_title();
        if title != self.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.sent_title = title;
        }
        ctx.set_theme(self.settings.theme);
    }

    /// Writes the document to the recovery file a few seconds after the last
    /// change, and removes the file once there is nothing unsaved.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(dir) = self.recovery_dir.clone() else {
            return;
        };
        let now = ctx.input(|i| i.time);
        let signature = self.unsaved_signature();
        if signature != self.seen_revision.0 {
            self.seen_revision = (signature, now);
        }
        let unsaved: Vec<super::recovery::RecoveredDocument> = self
            .documents()
            .into_iter()
            .filter(|d| d.is_dirty())
            .map(|d| super::recovery::RecoveredDocument {
                original: d.path().map(Path::to_path_buf),
                scenario: d.scenario().clone(),
            })
            .collect();
        if unsaved.is_empty() {
            if self.recovered_revision != 0 {
                super::recovery::remove_own(&dir);
                self.recovered_revision = 0;
            }
            return;
        }
        if self.recovered_revision == signature {
            return;
        }
        let wait = super::recovery::DELAY_SECS - (now - self.seen_revision.1);
        if wait > 0.0 {
            ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
            return;
        }
        if let Err(e) = super::recovery::write(&dir, unsaved) {
            self.status = format!("Could not write the recovery file: {e}");
        }
        self.recovered_revision = signature;
    }

    /// Keeps every open document's assessment current (the active one first).
    fn request_assessments(&mut self, ctx: &egui::Context) {
        let ids: Vec<u64> = self.documents().iter().map(|d| d.id()).collect();
        self.runner.retain_documents(&ids);
        // `request` returns at once for a document already assessed at its
        // revision, and copies the scenario only when it queues a run.
        for doc in &self.others {
            self.runner
                .request(doc.id(), doc.revision(), doc.scenario());
        }
        // Requested last, so it runs next.
        let (id, rev) = (self.doc.id(), self.doc.revision());
        self.runner.request(id, rev, self.doc.scenario());
        if self.runner.poll(ctx) {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
    }

    /// Changes whenever any tab's document changes, a tab opens or closes.
    fn unsaved_signature(&self) -> u64 {
        use std::hash::{Hash as _, Hasher as _};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        for d in self.documents() {
            (d.revision(), d.is_dirty(), d.name()).hash(&mut h);
        }
        h.finish().max(1)
    }

    /// Draws the whole window for one frame (after [`Self::logic`]); used by
    /// eframe, the frame benchmark and headless rendering.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        super::shell::show(self, ui);
        self.intercept_links(ui.ctx());
        if let Some(url) = self.approved_link.take() {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
        }
    }

    /// Takes link openings out of this frame's output and asks first.
    fn intercept_links(&mut self, ctx: &egui::Context) {
        let urls: Vec<String> = ctx.output_mut(|o| {
            let mut urls = Vec::new();
            o.commands.retain(|c| match c {
                egui::OutputCommand::OpenUrl(open) => {
                    urls.push(open.url.clone());
                    false
                }
                _ => true,
            });
            urls
        });
        if let Some(url) = urls.into_iter().next()
            && self.pending.is_none()
        {
            self.pending = Some(Pending::OpenLink { url });
        }
    }

    fn handle_close(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.apply(Command::Quit);
        }
        if self.closing && !self.close_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            self.close_sent = true;
        }
    }

    /// Whether the app has agreed to close.
    pub fn is_closing(&self) -> bool {
        self.closing
    }
}

impl eframe::App for BulwarkApp {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.list_monitors(ctx, frame);
        BulwarkApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        if self.exit_after_first_frame {
            self.closing = true;
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        if let Some(dir) = &self.recovery_dir {
            super::recovery::remove_own(dir);
        }
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

/// `path`, with `.png` added when it has another extension or none.
fn with_png_extension(path: &Path) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"))
    {
        path.to_path_buf()
    } else {
        let mut s = path.as_os_str().to_os_string();
        s.push(".png");
        PathBuf::from(s)
    }
}

/// The suggested file name of a plot's image, e.g. `nato-membership-tornado.png`.
fn plot_file_name(title_slug: &str, plot: PanelPlot) -> String {
    format!("{title_slug}-{}.png", slug(plot.label()))
}

/// A file-name-friendly version of a title.
fn slug(title: &str) -> String {
    let s: String = title
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    if s.is_empty() { "scenario".into() } else { s }
}
