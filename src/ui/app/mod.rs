//! The application: its state, grouped by role, and its frame. Each frame
//! reads input into commands ([`BulwarkApp::logic`]), draws the window, whose
//! views return more commands ([`BulwarkApp::draw`], see [`shell`]), and
//! carries out every command of the frame at its end. Carrying out commands is
//! split by role: [`command_handling`] (the one place that applies them),
//! [`files`] (open, save, recovery, conflicts), [`presenting`] and
//! [`exporting`]; [`shell`] and [`dialogs`] only draw.

mod command_handling;
mod dialogs;
mod exporting;
mod files;
mod presenting;
mod shell;

use crate::scenario::validate::plain_text;
use std::path::{Path, PathBuf};

use super::assessment_panel::PanelState;
use super::assessment_runner::{AssessmentRunner, RunState};
use super::commands::Command;
use super::document::Document;
use super::editor::EditorState;
use super::settings::{STORAGE_KEY, Settings};
use super::tabs::Tabs;
use crate::map::MapState;
use crate::present::Presentation;
use crate::present::monitor::Monitor;

pub use files::{example_document, example_titles};

/// The example opened when Bulwark starts without a file.
pub const DEFAULT_EXAMPLE: &str = "us-bilateral-28-point.bulwark.json";

/// A question waiting for the user's answer before a command can go ahead.
#[derive(Clone, Debug)]
pub enum Question {
    /// The document has unsaved changes and `then` would discard them.
    UnsavedChanges {
        /// The command to carry out once the user has chosen.
        then: Box<Command>,
    },
    /// Work left by a Bulwark that did not exit cleanly can be restored.
    Recover(Box<super::recovery::Found>),
    /// The file was changed or deleted by someone else since it was opened.
    ChangedOnDisk {
        /// The file about to be overwritten.
        path: PathBuf,
    },
    /// The file to save to is read-only: replace it all the same (it stays
    /// read-only) or not.
    ReadOnly {
        /// The file.
        path: PathBuf,
    },
    /// A link in the notes was clicked: show its address before opening it.
    OpenLink {
        /// The address.
        url: String,
    },
    /// A placeholder of an image in the notes was clicked: name the file
    /// before reading it.
    LoadImage {
        /// The image's address as written in the notes.
        address: String,
        /// The file it names.
        path: PathBuf,
    },
    /// The user is choosing what a new scenario protects, against whom and
    /// under which arrangement.
    NewCase(crate::scenario::new_case::Request),
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
    /// Save the plot as a figure (PNG, SVG or PDF).
    ExportPlot(crate::plots::PlotKind),
    /// Save the map as a PNG image.
    ExportMap,
    /// Write the deck as one PDF with these parts.
    ExportSlidesPdf(crate::present::print::DeckParts),
    /// Write the map for print at this size, in this style.
    ExportMapPrint(
        crate::present::print::PageSize,
        crate::present::print::Style,
    ),
    /// Export the assessment's figures (CSV when `csv`).
    ExportAssessment {
        /// CSV when true, JSON when false.
        csv: bool,
    },
    /// Export the geography as GeoJSON.
    ExportGeography,
    /// Import geography from a GeoJSON file.
    ImportGeography,
}

/// The state the views keep between frames: which tab of the editor, which
/// plot, the map's view and tools, rendered Markdown. The shell draws them
/// with `&mut` access; everything else it only reads.
#[derive(Default)]
pub struct Views {
    /// Editing state of the left panel (tab, selection).
    pub editor: EditorState,
    /// State of the assessment panel (which plot, a plot export).
    pub panel: PanelState,
    /// The map's view state, selection and measuring tools (not saved).
    pub map: MapState,
    /// The assessment whose figures the map last received.
    pub map_fed: Option<std::sync::Arc<crate::model::Assessment>>,
    /// Cache of the Markdown renderer for slides and speaker notes.
    pub slide_markdown: egui_commonmark::CommonMarkCache,
    /// The historical backtests' window.
    pub backtest: crate::ui::backtest_view::BacktestView,
    /// The active document's consistency warnings, worked out once a revision.
    pub warnings: Warnings,
    /// Which open scenarios the comparison shows.
    pub compare: crate::ui::compare::CompareChoice,
    /// The command palette (Ctrl+Shift+P).
    pub palette: crate::ui::palette::CommandPalette,
    /// The short guide (F1).
    pub guide: crate::ui::guide::Guide,
    /// The panels F6 moves the keyboard between.
    pub panel_focus: crate::ui::panel_focus::PanelFocus,
    /// The scenario as the map shows it at the month shown.
    pub shown: Shown,
}

/// The active document's scenario as it stands at the month shown, for a
/// scenario with a timeline; kept until the document, its revision or the
/// month changes (not worked out every frame).
#[derive(Default)]
pub struct Shown {
    of: Option<(u64, u64, u64)>,
    scenario: Option<std::sync::Arc<crate::scenario::Scenario>>,
}

impl Shown {
    /// The scenario at `doc`'s month shown; none without a timeline (the
    /// document's own scenario is shown).
    pub fn of(&mut self, doc: &Document) -> Option<std::sync::Arc<crate::scenario::Scenario>> {
        if doc.scenario().timeline.steps.is_empty() {
            return None;
        }
        let key = (doc.id(), doc.revision(), doc.shown_month().to_bits());
        if self.of != Some(key) {
            let at = crate::scenario::timeline::at(doc.scenario(), doc.shown_month());
            self.scenario = Some(std::sync::Arc::new(at));
            self.of = Some(key);
        }
        self.scenario.clone()
    }
}

/// The month a document's answers are assessed at: the start of the phase
/// its shown month lies in (months of one phase give the same answers, so
/// scrubbing within a phase runs nothing again).
fn assessed_month(doc: &Document) -> f64 {
    crate::scenario::timeline::phase_start(doc.scenario(), doc.shown_month())
}

/// The consistency warnings of one revision of one document, kept until the
/// document or its revision changes (not worked out every frame).
#[derive(Default)]
pub struct Warnings {
    of: Option<(u64, u64)>,
    found: std::sync::Arc<Vec<crate::scenario::Problem>>,
}

impl Warnings {
    /// The warnings of `doc` at its revision.
    pub fn of(&mut self, doc: &Document) -> std::sync::Arc<Vec<crate::scenario::Problem>> {
        let key = (doc.id(), doc.revision());
        if self.of != Some(key) {
            self.found = std::sync::Arc::new(crate::scenario::warnings::warnings(doc.scenario()));
            self.of = Some(key);
        }
        self.found.clone()
    }
}

/// What the user is being told or asked.
#[derive(Default)]
struct Dialogs {
    /// A question waiting for an answer.
    question: Option<Question>,
    /// An error to show until dismissed.
    error: Option<String>,
    /// The error's heading, where it is a limit reached rather than
    /// something gone wrong (empty: "Something went wrong").
    error_heading: &'static str,
    /// Whether the About window is open.
    about: bool,
    /// The last thing that happened, for the status line.
    message: String,
}

/// The window itself: its title, closing, full screen.
#[derive(Default)]
struct Window {
    /// Window commands to send at the end of the frame (full screen on and off).
    viewport_commands: Vec<egui::ViewportCommand>,
    /// Whether the window was full-screen last frame (restored after presenting).
    fullscreen_now: bool,
    /// Set once the user has agreed to close, so the close request goes through.
    closing: bool,
    /// Whether the close command has been sent to the window.
    close_sent: bool,
    /// The window title last sent, to send it only when it changes.
    sent_title: String,
    /// Close once the first frame is drawn (start-up timing).
    exit_after_first_frame: bool,
    /// A link the user agreed to open.
    approved_link: Option<String>,
    /// An image the user agreed to load into the notes: its address and file.
    approved_image: Option<(String, PathBuf)>,
    /// The images loaded into notes, served to every view and to the export.
    note_images: std::sync::Arc<crate::kit::note_images::NoteImages>,
}

/// The Bulwark application.
pub struct BulwarkApp {
    /// The open scenarios.
    tabs: Tabs,
    /// Persisted settings.
    settings: Settings,
    /// Whether the comparison view replaces the map in the centre.
    show_compare: bool,
    /// Runs the assessment off the UI thread and keeps the latest results.
    runner: AssessmentRunner,
    /// The views' own state.
    views: Views,
    /// Questions, errors, About and the status line.
    dialogs: Dialogs,
    /// File dialogs, saving and crash recovery.
    files: files::Files,
    /// The running briefing and the screens it can go to.
    presenting: presenting::Presenting,
    /// Slide, plot and assessment exports under way.
    exports: exporting::Exports,
    /// The window.
    window: Window,
    /// Commands issued this frame, carried out at its end.
    queue: Vec<Command>,
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
    /// The app as eframe creates it, with settings from storage.
    pub fn with_options(cc: &eframe::CreationContext<'_>, options: StartOptions) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, STORAGE_KEY))
            .unwrap_or_default();
        cc.egui_ctx.set_theme(settings.theme);
        crate::kit::theme::install_fonts(&cc.egui_ctx);
        crate::kit::theme::install_visuals(&cc.egui_ctx);
        Self::with_settings(settings, options)
    }

    /// The app with the given settings and start options (no window needed).
    pub fn with_settings(settings: Settings, options: StartOptions) -> Self {
        let start = example_document(DEFAULT_EXAMPLE)
            .unwrap_or_else(|_| Document::new(crate::scenario::blank(), None, "Untitled"))
            .replaceable();
        let mut runner = AssessmentRunner::default();
        runner.inline = options.inline_assessment;
        let mut app = Self {
            tabs: Tabs::new(start),
            settings,
            show_compare: false,
            runner,
            views: Views::default(),
            dialogs: Dialogs::default(),
            files: files::Files::new(options.typed_paths_only, options.recovery_dir),
            presenting: presenting::Presenting::default(),
            exports: exporting::Exports::default(),
            window: Window {
                exit_after_first_frame: options.exit_after_first_frame,
                ..Window::default()
            },
            queue: Vec::new(),
        };
        if let Some(file) = options.file {
            app.apply(Command::OpenPath(file));
        }
        app.offer_recovery();
        app
    }

    /// Queues a command to run at the end of the frame.
    pub fn queue(&mut self, command: Command) {
        self.queue.push(command);
    }

    /// The document in the active tab.
    pub fn doc(&self) -> &Document {
        self.tabs.active()
    }

    /// The open scenarios.
    pub fn tabs(&self) -> &Tabs {
        &self.tabs
    }

    /// The persisted settings.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// Whether the comparison view replaces the map.
    pub fn showing_comparison(&self) -> bool {
        self.show_compare
    }

    /// The assessment of the active document: its latest result and whether
    /// it is current or running.
    pub fn assessment(&self) -> RunState {
        self.run_state(self.doc())
    }

    /// The assessment of any open document.
    pub fn run_state(&self, doc: &Document) -> RunState {
        self.runner
            .state(doc.id(), doc.revision(), assessed_month(doc))
    }

    /// Waits for every queued assessment to finish (headless rendering).
    pub fn finish_assessments(&mut self) {
        self.runner.finish_blocking();
    }

    /// Waits for the global sensitivity in flight, if any (tests).
    pub fn finish_sensitivity(&mut self) {
        self.views.panel.sensitivity.finish_blocking();
        self.views.panel.sweep.finish_blocking();
        self.views.panel.voi.finish_blocking();
    }

    /// Waits for the historical backtests, if started, to finish (tests).
    pub fn finish_backtests(&mut self) {
        self.views.backtest.finish_blocking();
    }

    /// The views' state (the map's view, the panel's plot …).
    pub fn views(&self) -> &Views {
        &self.views
    }

    /// The question waiting for an answer, if any.
    pub fn question(&self) -> Option<&Question> {
        self.dialogs.question.as_ref()
    }

    /// The error shown, if any.
    pub fn error(&self) -> Option<&str> {
        self.dialogs.error.as_deref()
    }

    /// The heading of the error shown.
    pub fn error_heading(&self) -> &'static str {
        match self.dialogs.error_heading {
            "" => "Something went wrong",
            heading => heading,
        }
    }

    /// Whether the About window is open.
    pub fn about_open(&self) -> bool {
        self.dialogs.about
    }

    /// The status line's message: the last thing that happened.
    pub fn message(&self) -> &str {
        &self.dialogs.message
    }

    /// The running briefing, if presenting.
    pub fn presentation(&self) -> Option<&Presentation> {
        self.presenting.presentation.as_ref()
    }

    /// The screens connected, as last listed.
    pub fn monitors(&self) -> &[Monitor] {
        &self.presenting.monitors
    }

    /// Whether a slide export is running.
    pub fn exporting_slides(&self) -> bool {
        self.exports.slides_running()
    }

    /// Whether a plot export is running.
    pub fn exporting_plot(&self) -> bool {
        self.exports.plot_running()
    }

    /// Whether the app has agreed to close.
    pub fn is_closing(&self) -> bool {
        self.window.closing
    }

    /// The window title: file name, an unsaved-changes marker, and the app name.
    pub fn window_title(&self) -> String {
        let marker = if self.doc().is_dirty() { "• " } else { "" };
        format!("{marker}{} — Bulwark", self.doc().name())
    }

    /// State changes before drawing: results of file dialogs and exports, the
    /// keys and shortcuts of this frame, dropped files, autosave, assessments,
    /// the close request and the window title. Commands queued before the
    /// frame (by tests, or at start) are carried out here too.
    pub fn logic(&mut self, ctx: &egui::Context) {
        self.poll_file_dialog(ctx);
        self.poll_exports(ctx);
        if self.presenting.presentation.is_none() {
            self.window.fullscreen_now = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        }
        self.keep_deck_length();
        self.read_keys(ctx);
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
        self.run_queue(ctx);
        self.autosave(ctx);
        self.request_assessments(ctx);
        self.handle_close(ctx);
        let title = self.window_title();
        if title != self.window.sent_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.window.sent_title = title;
        }
        ctx.set_theme(self.settings.theme);
    }

    /// Draws the whole window for one frame (after [`Self::logic`]) and carries
    /// out the commands its views returned; used by eframe, the frame
    /// benchmark and headless rendering.
    pub fn draw(&mut self, ui: &mut egui::Ui) {
        // The shell reads the app and writes only the views' state: lend it
        // the views apart (their defaults, left meanwhile, allocate nothing).
        let mut views = std::mem::take(&mut self.views);
        let commands = shell::show(ui, self, &mut views);
        self.views = views;
        self.queue.extend(commands);
        self.intercept_links(ui.ctx());
        if let Some(url) = self.window.approved_link.take() {
            ui.ctx().open_url(egui::OpenUrl::new_tab(url));
        }
        self.load_approved_image(ui.ctx());
        self.run_queue(ui.ctx());
    }

    /// Loads the image the user agreed to, within the limits and scaled to the
    /// graphics card's texture limit, or says why not.
    fn load_approved_image(&mut self, ctx: &egui::Context) {
        use crate::kit::note_images::{self, NoteImages};
        if NoteImages::existing(ctx).is_none() {
            NoteImages::install(ctx, self.window.note_images.clone());
        }
        let Some((address, path)) = self.window.approved_image.take() else {
            return;
        };
        let max_side = ctx.input(|i| i.max_texture_side);
        match note_images::load(&path, max_side) {
            Ok(image) => {
                self.dialogs.message = format!(
                    "Loaded the image {} ({} × {} pixels)",
                    plain_text(&path.display().to_string()),
                    image.size[0],
                    image.size[1]
                );
                self.window.note_images.insert(&address, image);
                ctx.request_repaint();
            }
            Err(e) => self.dialogs.error = Some(plain_text(&e)),
        }
    }

    /// Carries out the queued commands, then sends the window commands they
    /// made; asks for another frame to show what they changed.
    fn run_queue(&mut self, ctx: &egui::Context) {
        let commands = std::mem::take(&mut self.queue);
        if !commands.is_empty() {
            ctx.request_repaint();
        }
        for command in commands {
            self.apply(command);
        }
        for command in std::mem::take(&mut self.window.viewport_commands) {
            ctx.send_viewport_cmd(command);
        }
    }

    /// The shortcuts of this frame, or while presenting its slide keys, as
    /// commands. Nothing is read while a question is open.
    fn read_keys(&mut self, ctx: &egui::Context) {
        if self.dialogs.question.is_some() {
            return;
        }
        if self.presenting.presentation.is_some() {
            if self.dialogs.error.is_some() {
                return;
            }
            // While a field of the "what if" popover has the keyboard, keys are
            // typing, not slide commands (Esc still closes the popover).
            let typing = ctx.memory(|m| m.focused().is_some());
            for key in crate::present::view::pressed_keys(ctx) {
                if !typing || key == egui::Key::Escape {
                    self.queue(Command::SlideKey(key));
                }
            }
            return;
        }
        // A dialog waiting for an answer takes the keyboard: no shortcut
        // opens a second one over it.
        if self.dialogs.question.is_some() || self.dialogs.error.is_some() {
            return;
        }
        for command in Command::with_shortcuts(self.tabs.active_index()) {
            if let Some(shortcut) = command.shortcut()
                && ctx.input_mut(|i| i.consume_shortcut(&shortcut))
            {
                self.queue(command);
            }
        }
    }

    /// Keeps every open document's assessment current (the active one first).
    fn request_assessments(&mut self, ctx: &egui::Context) {
        let ids: Vec<u64> = self.tabs.documents().iter().map(|d| d.id()).collect();
        self.runner.retain_documents(&ids);
        // `request` returns at once for a document already assessed at its
        // revision, and copies the scenario only when it queues a run.
        for doc in self.tabs.others() {
            self.runner.request(
                doc.id(),
                doc.revision(),
                doc.scenario(),
                assessed_month(doc),
            );
        }
        // Requested last, so it runs next.
        let doc = self.tabs.active();
        self.runner.request(
            doc.id(),
            doc.revision(),
            doc.scenario(),
            assessed_month(doc),
        );
        if self.runner.poll(ctx) {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
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
        let Some(url) = urls.into_iter().next() else {
            return;
        };
        if self.dialogs.question.is_some() {
            return;
        }
        let Some(address) = crate::kit::note_images::address_of_load_link(&url) else {
            self.dialogs.question = Some(Question::OpenLink { url });
            return;
        };
        let folder = self.doc().path().and_then(std::path::Path::parent);
        match crate::kit::note_images::source(&address, folder) {
            crate::kit::note_images::Source::File(path) => {
                self.dialogs.question = Some(Question::LoadImage { address, path });
            }
            crate::kit::note_images::Source::Unusable(why) => {
                self.dialogs.error = Some(format!(
                    "The image '{}' cannot be loaded: {why}.",
                    plain_text(&address)
                ));
            }
            _ => {}
        }
    }

    fn handle_close(&mut self, ctx: &egui::Context) {
        let requested = ctx.input(|i| i.viewport().close_requested());
        if requested && !self.window.closing {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.apply(Command::Quit);
        }
        if self.window.closing && !self.window.close_sent {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            self.window.close_sent = true;
        }
    }

    /// The folder exports go to without asking: the scenario file's; none
    /// for a scenario not saved to a file yet, whose exports ask where.
    fn export_folder(&self) -> Option<PathBuf> {
        self.doc()
            .path()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
    }

    /// Where an export called `name` is suggested to go: beside the
    /// scenario's file, or for a scenario not saved to a file yet, in the
    /// home folder (never silently the folder the app was started from).
    fn suggested_export_path(&self, name: &str) -> String {
        match self.export_folder() {
            Some(dir) => dir.join(name).display().to_string(),
            None => format!("~/{name}"),
        }
    }
}

impl eframe::App for BulwarkApp {
    fn logic(&mut self, ctx: &egui::Context, frame: &mut eframe::Frame) {
        self.list_monitors(ctx, frame);
        BulwarkApp::logic(self, ctx);
    }

    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.draw(ui);
        if self.window.exit_after_first_frame {
            self.window.closing = true;
            ui.ctx().request_repaint();
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, STORAGE_KEY, &self.settings);
    }

    fn on_exit(&mut self) {
        self.remove_own_recovery_file();
    }
}

/// The suggested file name of a plot's image, e.g. `nato-membership-tornado.png`.
fn plot_file_name(title_slug: &str, plot: crate::plots::PlotKind) -> String {
    format!("{title_slug}-{}.png", slug(plot.short_label()))
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
