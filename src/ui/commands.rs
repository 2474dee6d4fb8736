//! Every user action as one command type, each with its label, tooltip and
//! shortcut in one place. Menus, shortcuts, dialogs, panels and tests all
//! produce [`Command`]s; the app carries them out at the end of the frame that
//! issued them (`super::app`'s command handling).

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::plots::PlotKind;
use crate::present::Action;
use crate::present::monitor::PresentOn;
use crate::scenario::Scenario;

/// A user action.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start a new, blank scenario.
    New,
    /// Ask for a new scenario's protected state, adversary and arrangement type.
    NewFromTemplate,
    /// The new-scenario dialog's choices, as changed.
    ChooseNewCase(crate::scenario::new_case::Request),
    /// Finish the new-scenario dialog: build the scenario chosen, or cancel.
    AnswerNewCase(bool),
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
    /// Leave Bulwark (asks about unsaved changes first).
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
    /// Choose the screen presenting puts the slides on (a setting).
    SetPresentOn(PresentOn),
    /// Start presenting (F5).
    Present,
    /// A step of the running briefing (next slide, black screen, leave …).
    Presenting(Action),
    /// A key pressed while presenting, read as slide software reads it (digits
    /// then Enter jump to a slide).
    SlideKey(Key),
    /// Ask for a folder to export the slides to.
    ExportSlides,
    /// Export every slide as a PNG, with a Markdown handout, into this folder.
    ExportSlidesTo(PathBuf),
    /// Ask where to write the deck as one PDF (and whether with notes pages
    /// and a handout).
    ExportSlidesPdf,
    /// Write the deck as one PDF at this path, with these parts.
    ExportSlidesPdfTo(PathBuf, crate::present::print::DeckParts),
    /// Ask where to write the map for print (PDF, SVG or PNG, by the
    /// extension) and on what paper.
    ExportMapPrint,
    /// Write the map for print at this path, at this size, in this style.
    ExportMapPrintTo(
        PathBuf,
        crate::present::print::PageSize,
        crate::present::print::Style,
    ),
    /// Change an option of the export whose path is being typed.
    ChoosePathOption(ExportOption),
    /// Close the tab at this position (asks first if it has unsaved changes).
    CloseTab(usize),
    /// Make the tab at this position the active one.
    SwitchTab(usize),
    /// Show or hide the comparison of the open scenarios.
    ToggleCompare,
    /// Show the About window with data attributions.
    About,
    /// Close the About window.
    CloseAbout,
    /// Clear the list of recent files.
    ClearRecent,
    /// Save the map as a PNG image next to the scenario file.
    ExportMapImage,
    /// Show this plot in the assessment panel.
    ShowPlot(PlotKind),
    /// Ask where to save a plot of the assessment panel as a figure.
    ExportPlot(PlotKind),
    /// Save a plot of the assessment panel as a figure at this path (PNG,
    /// SVG or PDF by its extension; PNG added when it names none).
    ExportPlotTo(PlotKind, PathBuf),
    /// Export the active scenario's assessment figures as CSV (`true`) or JSON.
    ExportAssessment {
        /// CSV when true, JSON when false.
        csv: bool,
    },
    /// Save the map as a PNG image at this path.
    ExportMapImageTo(PathBuf),
    /// Export the assessment's figures (CSV when `csv`) to this file.
    ExportAssessmentTo {
        /// CSV when true, JSON when false.
        csv: bool,
        /// The file to write.
        path: PathBuf,
    },
    /// Answer the unsaved-changes question.
    AnswerUnsaved(UnsavedChoice),
    /// Answer the recovery question: restore the work (`true`) or discard it.
    AnswerRecovery(bool),
    /// Answer the question about a file changed on disk: overwrite it or not.
    AnswerChangedOnDisk(bool),
    /// Answer the question about a read-only file: replace it (it stays
    /// read-only) or not.
    AnswerReadOnly(bool),
    /// Answer the question before opening a link: open it or not.
    AnswerLink(bool),
    /// Answer the question before loading an image into the notes: load it
    /// or not.
    AnswerLoadImage(bool),
    /// The text of the typed-path dialog, as typed so far.
    TypePath(String),
    /// Finish the typed-path dialog: go ahead with the path typed, or cancel.
    AnswerTypedPath(bool),
    /// Stop the active scenario's assessment while it runs.
    StopAssessment,
    /// Run the active scenario's assessment again after it was stopped.
    AssessAgain,
    /// Open the window of the historical backtests (deterrence and campaigns).
    ShowBacktest,
    /// Close that window.
    CloseBacktest,
    /// Open the command palette: every command by name.
    OpenPalette,
    /// Open the short guide: shortcuts, how to read each figure, where the
    /// model is documented.
    ShowGuide,
    /// Close the guide.
    CloseGuide,
    /// Move the keyboard to the next panel (`false`) or the previous (`true`).
    NextPanel(bool),
    /// Close the error message.
    DismissError,
    /// Show a message in the status line (a view's report, e.g. an export).
    Report(String),
    /// Show the scenario as it stands at this month after the ceasefire (the
    /// timeline strip's scrubber): the map and the assessment follow.
    ShowMonth(f64),
    /// Export the scenario's geography as GeoJSON (asks where, when needed).
    ExportGeography,
    /// Export the geography to this file.
    ExportGeographyTo(PathBuf),
    /// Import geography from a GeoJSON file (asks which).
    ImportGeography,
    /// Import the geography of this GeoJSON file (one undoable edit).
    ImportGeographyFrom(PathBuf),
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

/// An option of an export chosen in its path dialog.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportOption {
    /// The parts of a deck's PDF (notes pages, a handout).
    Deck(crate::present::print::DeckParts),
    /// The paper (or pixel size) of the map for print.
    Paper(crate::present::print::PageSize),
    /// The map for print in colour or greys.
    Style(crate::present::print::Style),
}

impl Command {
    /// One command of every kind, with placeholder data where a command
    /// carries some (the tab, the path …): what the shortcut and label tests
    /// go through. [`Command::label`] has no catch-all arm, so a new kind of
    /// command cannot be added without deciding its label and shortcut; add it
    /// here too.
    pub fn every() -> Vec<Command> {
        let mut all = vec![
            Command::New,
            Command::NewFromTemplate,
            Command::ChooseNewCase(Default::default()),
            Command::AnswerNewCase(true),
            Command::AnswerNewCase(false),
            Command::Open,
            Command::OpenTypedPath,
            Command::OpenPath(PathBuf::new()),
            Command::OpenExample(String::new()),
            Command::Save,
            Command::SaveAs,
            Command::SaveTo(PathBuf::new()),
            Command::Quit,
            Command::Undo,
            Command::Redo,
            Command::Edit {
                scenario: Box::new(crate::scenario::blank()),
                group: None,
            },
            Command::ToggleLeftPanel,
            Command::ToggleRightPanel,
            Command::SetTheme(egui::ThemePreference::System),
            Command::SetPresentOn(PresentOn::default()),
            Command::Present,
            Command::SlideKey(Key::Space),
            Command::ExportSlides,
            Command::ExportSlidesTo(PathBuf::new()),
            Command::ExportSlidesPdf,
            Command::ExportSlidesPdfTo(PathBuf::new(), Default::default()),
            Command::ExportMapPrint,
            Command::ExportMapPrintTo(
                PathBuf::new(),
                crate::present::print::PageSize::Pixels([800, 600]),
                Default::default(),
            ),
            Command::ChoosePathOption(ExportOption::Deck(Default::default())),
            Command::CloseTab(0),
            Command::SwitchTab(0),
            Command::ToggleCompare,
            Command::About,
            Command::CloseAbout,
            Command::ClearRecent,
            Command::ExportMapImage,
            Command::ShowPlot(PlotKind::Tornado),
            Command::ExportPlot(PlotKind::Tornado),
            Command::ExportPlotTo(PlotKind::Tornado, PathBuf::new()),
            Command::ExportAssessment { csv: true },
            Command::ExportAssessment { csv: false },
            Command::ExportMapImageTo(PathBuf::new()),
            Command::ExportAssessmentTo {
                csv: true,
                path: PathBuf::new(),
            },
            Command::AnswerUnsaved(UnsavedChoice::Cancel),
            Command::AnswerRecovery(false),
            Command::AnswerChangedOnDisk(false),
            Command::AnswerReadOnly(false),
            Command::AnswerLink(false),
            Command::AnswerLoadImage(false),
            Command::StopAssessment,
            Command::AssessAgain,
            Command::ShowBacktest,
            Command::CloseBacktest,
            Command::OpenPalette,
            Command::ShowGuide,
            Command::CloseGuide,
            Command::NextPanel(false),
            Command::NextPanel(true),
            Command::TypePath(String::new()),
            Command::AnswerTypedPath(false),
            Command::DismissError,
            Command::Report(String::new()),
            Command::ShowMonth(0.0),
            Command::ExportGeography,
            Command::ExportGeographyTo(PathBuf::new()),
            Command::ImportGeography,
            Command::ImportGeographyFrom(PathBuf::new()),
        ];
        all.extend(Action::WITH_KEYS.map(Command::Presenting));
        all.push(Command::Presenting(Action::GoTo(0)));
        all
    }

    /// The label, as on its menu item or button.
    pub fn label(&self) -> &'static str {
        match self {
            Command::New => "New",
            Command::NewFromTemplate => "New from a template…",
            Command::ChooseNewCase(_) => "Choose",
            Command::AnswerNewCase(true) => "Create",
            Command::AnswerNewCase(false) => "Cancel",
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
            Command::SetPresentOn(_) => "Present on",
            Command::Present => "Present",
            Command::Presenting(action) => action.label(),
            Command::SlideKey(_) => "Slide key",
            Command::ExportSlides => "Export slides…",
            Command::ExportSlidesTo(_) => "Export slides",
            Command::ExportSlidesPdf => "Export slides as PDF…",
            Command::ExportSlidesPdfTo(..) => "Export slides as PDF",
            Command::ExportMapPrint => "Export map for print (PDF, SVG)…",
            Command::ExportMapPrintTo(..) => "Export map for print",
            Command::ChoosePathOption(_) => "Option",
            Command::CloseTab(_) => "Close tab",
            Command::SwitchTab(_) => "Switch tab",
            Command::ToggleCompare => "Compare",
            Command::About => "About Bulwark",
            Command::CloseAbout => "Close",
            Command::ClearRecent => "Clear recent files",
            Command::ExportMapImage => "Export map image",
            Command::ShowPlot(_) => "Show plot",
            Command::ExportPlot(_) => "Export plot…",
            Command::ExportPlotTo(..) => "Export plot",
            Command::ExportAssessment { csv: true } => "Export assessment (CSV)",
            Command::ExportAssessment { csv: false } => "Export assessment (JSON)",
            Command::ExportMapImageTo(_) => "Export map image",
            Command::ExportAssessmentTo { .. } => "Export assessment",
            Command::AnswerUnsaved(UnsavedChoice::Save) => "Save",
            Command::AnswerUnsaved(UnsavedChoice::Discard) => "Discard",
            Command::AnswerUnsaved(UnsavedChoice::Cancel) => "Cancel",
            Command::AnswerRecovery(true) => "Restore",
            Command::AnswerRecovery(false) => "Discard",
            Command::AnswerChangedOnDisk(true) => "Overwrite",
            Command::AnswerChangedOnDisk(false) => "Cancel",
            Command::AnswerReadOnly(true) => "Replace it",
            Command::AnswerReadOnly(false) => "Cancel",
            Command::AnswerLink(true) => "Open",
            Command::AnswerLink(false) => "Cancel",
            Command::AnswerLoadImage(true) => "Load image",
            Command::AnswerLoadImage(false) => "Cancel",
            Command::TypePath(_) => "Path",
            Command::AnswerTypedPath(true) => "Go ahead",
            Command::AnswerTypedPath(false) => "Cancel",
            Command::StopAssessment => "Stop",
            Command::AssessAgain => "Assess again",
            Command::ShowBacktest => "Historical backtests",
            Command::CloseBacktest => "Close the backtests",
            Command::OpenPalette => "Command palette…",
            Command::ShowGuide => "Guide",
            Command::CloseGuide => "Close the guide",
            Command::NextPanel(false) => "Next panel",
            Command::NextPanel(true) => "Previous panel",
            Command::DismissError => "OK",
            Command::Report(_) => "Report",
            Command::ShowMonth(_) => "Show the month",
            Command::ExportGeography => "Export geography (GeoJSON)",
            Command::ExportGeographyTo(_) => "Export geography",
            Command::ImportGeography => "Import geography (GeoJSON)…",
            Command::ImportGeographyFrom(_) => "Import geography",
        }
    }

    /// What the command does, for its tooltip (empty where the label says it all).
    pub fn tooltip(&self) -> &'static str {
        match self {
            Command::New => "Start a new, blank scenario in a new tab",
            Command::NewFromTemplate => {
                "A realistic starting point: choose the protected state, the adversary and the arrangement type"
            }
            Command::Open => "Open a scenario file with the system's file dialog",
            Command::OpenTypedPath => "Type the path of a scenario file to open",
            Command::Save => "Save the scenario to its file (or choose one)",
            Command::SaveAs => "Save the scenario under a new name",
            Command::Quit => "Leave Bulwark (asks about unsaved changes first)",
            Command::Undo => "Undo the last edit",
            Command::Redo => "Redo the last undone edit",
            Command::Present => "Present the scenario's slides full-screen (F5)",
            Command::ExportSlides => "Export every slide as a PNG, with a Markdown handout",
            Command::ExportSlidesPdf => {
                "Write the deck as one PDF: 16:9 pages with real, searchable text and vector maps and plots; notes pages and a handout if you ask"
            }
            Command::ExportMapPrint => {
                "Write the map view as a vector PDF or SVG (or a PNG) on A4, A3 or Letter, with its legend, scale bar, north arrow, title, sources and marking"
            }
            Command::CloseTab(_) => "Close the scenario (asks about unsaved changes first)",
            Command::ToggleCompare => "Compare the open scenarios side by side",
            Command::ExportMapImage => "Save the map as a PNG image next to the scenario file",
            Command::ExportPlot(_) => {
                "Save the plot shown in the assessment panel as a figure: PNG, SVG or PDF, by the file's extension"
            }
            Command::ExportAssessment { .. } => {
                "Write the assessment's figures next to the scenario file"
            }
            Command::ClearRecent => "Forget the list of recently opened files",
            Command::StopAssessment => {
                "Stop this assessment; it runs again when the scenario changes or on Assess again"
            }
            Command::AssessAgain => "Run the stopped assessment again",
            Command::OpenPalette => "Find any command by typing words of its name",
            Command::ShowGuide => {
                "Shortcuts, how to read each figure, and where the model is documented"
            }
            Command::ShowBacktest => {
                "The engine against history: the chance of attack in past cases, and campaigns' days to the objective"
            }
            Command::ShowMonth(_) => {
                "Show the scenario as it stands at this month of its timeline: the map and the assessment follow"
            }
            Command::ExportGeography => {
                "Write the axes, units, marks, the line of control, drawn areas and ties as GeoJSON for QGIS and other GIS"
            }
            Command::ImportGeography => {
                "Read axes (a line drawn in a GIS becomes an axis), units, marks, the line and areas from a GeoJSON file"
            }
            _ => "",
        }
    }

    /// The keyboard shortcut, if the command has one. Slide keys while
    /// presenting are [`Action::keys`].
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        let cmd = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            Command::New => cmd(Key::N),
            Command::NewFromTemplate => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::N,
            )),
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
            Command::OpenPalette => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::P,
            )),
            Command::ShowGuide => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F1)),
            Command::NextPanel(false) => Some(KeyboardShortcut::new(Modifiers::NONE, Key::F6)),
            Command::NextPanel(true) => Some(KeyboardShortcut::new(Modifiers::SHIFT, Key::F6)),
            _ => None,
        }
    }

    /// The commands with a shortcut, as the shortcut check runs them:
    /// `active_tab` is the tab Ctrl+W closes. Save As comes before Save, since
    /// egui matches Ctrl+S even when Shift is also held.
    pub fn with_shortcuts(active_tab: usize) -> Vec<Command> {
        // Worked out once from [`Command::every`] (which builds a whole
        // scenario for its `Edit`), not every frame.
        static ORDER: std::sync::OnceLock<Vec<Command>> = std::sync::OnceLock::new();
        let order = ORDER.get_or_init(|| {
            let mut commands: Vec<Command> = Command::every()
                .into_iter()
                .filter(|c| c.shortcut().is_some())
                .collect();
            // Shortcuts with more modifiers first, so that each takes its own keys.
            commands.sort_by_key(|c| {
                std::cmp::Reverse(c.shortcut().map_or(0, |s| s.modifiers.shift as u8))
            });
            commands
        });
        order
            .iter()
            .map(|c| match c {
                Command::CloseTab(_) => Command::CloseTab(active_tab),
                other => other.clone(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_command_has_a_distinct_shortcut_or_none() {
        let with: Vec<(Command, KeyboardShortcut)> = Command::every()
            .into_iter()
            .filter_map(|c| c.shortcut().map(|s| (c, s)))
            .collect();
        assert_eq!(with.len(), 14, "the documented shortcuts, Ctrl+W included");
        for (i, (a, sa)) in with.iter().enumerate() {
            for (b, sb) in &with[i + 1..] {
                assert_ne!(sa, sb, "{a:?} and {b:?} share a shortcut");
            }
        }
    }

    /// The kind of a command as a number: no catch-all arm, so a new kind of
    /// command fails to compile here until it is given a number, and the test
    /// below then fails until [`Command::every`] lists it.
    fn kind(command: &Command) -> usize {
        match command {
            Command::New => 0,
            Command::Open => 1,
            Command::OpenTypedPath => 2,
            Command::OpenPath(_) => 3,
            Command::OpenExample(_) => 4,
            Command::Save => 5,
            Command::SaveAs => 6,
            Command::SaveTo(_) => 7,
            Command::Quit => 8,
            Command::Undo => 9,
            Command::Redo => 10,
            Command::Edit { .. } => 11,
            Command::ToggleLeftPanel => 12,
            Command::ToggleRightPanel => 13,
            Command::SetTheme(_) => 14,
            Command::SetPresentOn(_) => 15,
            Command::Present => 16,
            Command::Presenting(_) => 17,
            Command::SlideKey(_) => 18,
            Command::ExportSlides => 19,
            Command::ExportSlidesTo(_) => 20,
            Command::CloseTab(_) => 21,
            Command::SwitchTab(_) => 22,
            Command::ToggleCompare => 23,
            Command::About => 24,
            Command::CloseAbout => 25,
            Command::ClearRecent => 26,
            Command::ExportMapImage => 27,
            Command::ShowPlot(_) => 28,
            Command::ExportPlot(_) => 29,
            Command::ExportPlotTo(..) => 30,
            Command::ExportAssessment { .. } => 31,
            Command::AnswerUnsaved(_) => 32,
            Command::AnswerRecovery(_) => 33,
            Command::AnswerChangedOnDisk(_) => 34,
            Command::AnswerReadOnly(_) => 35,
            Command::AnswerLink(_) => 36,
            Command::TypePath(_) => 37,
            Command::AnswerTypedPath(_) => 38,
            Command::DismissError => 39,
            Command::Report(_) => 40,
            Command::AnswerLoadImage(_) => 41,
            Command::StopAssessment => 42,
            Command::AssessAgain => 43,
            Command::ShowBacktest => 44,
            Command::CloseBacktest => 45,
            Command::NewFromTemplate => 46,
            Command::ChooseNewCase(_) => 47,
            Command::AnswerNewCase(_) => 48,
            Command::OpenPalette => 49,
            Command::ShowGuide => 50,
            Command::CloseGuide => 51,
            Command::ExportMapImageTo(_) => 52,
            Command::ExportAssessmentTo { .. } => 53,
            Command::NextPanel(_) => 54,
            Command::ShowMonth(_) => 55,
            Command::ExportGeography => 56,
            Command::ExportGeographyTo(_) => 57,
            Command::ImportGeography => 58,
            Command::ImportGeographyFrom(_) => 59,
            Command::ExportSlidesPdf => 60,
            Command::ExportSlidesPdfTo(..) => 61,
            Command::ExportMapPrint => 62,
            Command::ExportMapPrintTo(..) => 63,
            Command::ChoosePathOption(_) => 64,
        }
    }

    #[test]
    fn every_kind_of_command_is_listed() {
        let all = Command::every();
        let kinds: std::collections::BTreeSet<usize> = all.iter().map(kind).collect();
        assert_eq!(kinds, (0..65).collect());
        assert!(all.iter().all(|c| !c.label().is_empty()));
    }

    #[test]
    fn save_as_is_checked_before_save() {
        let order = Command::with_shortcuts(3);
        let save_as = order.iter().position(|c| *c == Command::SaveAs);
        let save = order.iter().position(|c| *c == Command::Save);
        assert!(save_as < save);
        assert!(
            order.contains(&Command::CloseTab(3)),
            "Ctrl+W closes the active tab"
        );
    }

    #[test]
    fn slide_keys_do_not_take_the_shortcuts_keys() {
        // Presenting reads bare keys; the app's shortcuts need Ctrl, or are F5.
        for action in Action::WITH_KEYS {
            for key in action.keys() {
                for c in Command::with_shortcuts(0) {
                    let s = c.shortcut().expect("listed with a shortcut");
                    assert!(
                        s.modifiers != Modifiers::NONE || s.logical_key != *key,
                        "{action:?} and {c:?} both take {key:?}"
                    );
                }
            }
        }
    }
}
