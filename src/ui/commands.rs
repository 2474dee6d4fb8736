//! Every user action as one command type. Menus, keyboard shortcuts and tests
//! all produce [`Command`]s; one place ([`super::app::BulwarkApp::apply`]) carries
//! them out.

use std::path::PathBuf;

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::scenario::Scenario;

use super::assessment_panel::PanelPlot;

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
    /// Choose the screen presenting puts the slides on (a setting).
    SetPresentOn(crate::present::monitor::PresentOn),
    /// Start presenting (F5).
    Present,
    /// Show the next slide (→ ↓ Space PageDown Enter while presenting).
    NextSlide,
    /// Show the previous slide (← ↑ PageUp Backspace while presenting).
    PreviousSlide,
    /// Show the first slide (Home).
    FirstSlide,
    /// Show the last slide (End).
    LastSlide,
    /// Show the slide with this index (0-based; typed as a number then Enter).
    GoToSlide(usize),
    /// Black the screen, or bring the slide back (B).
    Blackout,
    /// White the screen, or bring the slide back (W).
    Whiteout,
    /// Turn the laser pointer on or off (L).
    ToggleLaser,
    /// Open or close the presenter view (S).
    TogglePresenterView,
    /// Open or close the "what if" popover of key parameters while presenting (Q).
    ToggleWhatIf,
    /// Leave presentation mode and restore the layout (Esc).
    StopPresenting,
    /// Ask for a folder to export the slides to.
    ExportSlides,
    /// Export every slide as a PNG, with a Markdown handout, into this folder.
    ExportSlidesTo(PathBuf),
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
    /// Ask where to save a plot of the assessment panel as a PNG image.
    ExportPlot(PanelPlot),
    /// Save a plot of the assessment panel as a PNG image at this path.
    ExportPlotTo(PanelPlot, PathBuf),
    /// Export the active scenario's assessment figures as CSV (`true`) or JSON.
    ExportAssessment {
        /// CSV when true, JSON when false.
        csv: bool,
    },
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
            Command::SetPresentOn(_) => "Present on",
            Command::Present => "Present",
            Command::NextSlide => "Next slide",
            Command::PreviousSlide => "Previous slide",
            Command::FirstSlide => "First slide",
            Command::LastSlide => "Last slide",
            Command::GoToSlide(_) => "Go to slide",
            Command::Blackout => "Black screen",
            Command::Whiteout => "White screen",
            Command::ToggleLaser => "Laser pointer",
            Command::TogglePresenterView => "Presenter view",
            Command::ToggleWhatIf => "What if…",
            Command::StopPresenting => "End presentation",
            Command::ExportSlides => "Export slides…",
            Command::ExportSlidesTo(_) => "Export slides",
            Command::CloseTab(_) => "Close tab",
            Command::SwitchTab(_) => "Switch tab",
            Command::ToggleCompare => "Compare scenarios",
            Command::About => "About Bulwark",
            Command::ClearRecent => "Clear recent files",
            Command::ExportMapImage => "Export map image",
            Command::ExportPlot(_) => "Export plot as PNG…",
            Command::ExportPlotTo(..) => "Export plot",
            Command::ExportAssessment { csv: true } => "Export assessment (CSV)",
            Command::ExportAssessment { csv: false } => "Export assessment (JSON)",
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

    /// The keys for the command while presenting, as in common slide software
    /// (presentation clickers send PageUp/PageDown). Digits then Enter jump to a
    /// slide; see [`crate::present::Presentation::key`], which maps keys to
    /// commands.
    pub fn presentation_keys(&self) -> &'static [Key] {
        match self {
            Command::NextSlide => &[
                Key::ArrowRight,
                Key::ArrowDown,
                Key::Space,
                Key::PageDown,
                Key::Enter,
                Key::N,
            ],
            Command::PreviousSlide => &[
                Key::ArrowLeft,
                Key::ArrowUp,
                Key::PageUp,
                Key::Backspace,
                Key::P,
            ],
            Command::FirstSlide => &[Key::Home],
            Command::LastSlide => &[Key::End],
            Command::Blackout => &[Key::B, Key::Period],
            Command::Whiteout => &[Key::W, Key::Comma],
            Command::ToggleLaser => &[Key::L],
            Command::TogglePresenterView => &[Key::S],
            Command::ToggleWhatIf => &[Key::Q],
            Command::StopPresenting => &[Key::Escape],
            _ => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presentation_keys_match_the_key_handling() {
        let commands = [
            Command::NextSlide,
            Command::PreviousSlide,
            Command::FirstSlide,
            Command::LastSlide,
            Command::Blackout,
            Command::Whiteout,
            Command::ToggleLaser,
            Command::TogglePresenterView,
            Command::ToggleWhatIf,
            Command::StopPresenting,
        ];
        for command in commands {
            for key in command.presentation_keys() {
                let mut p = crate::present::Presentation::start(
                    3,
                    crate::present::RestoreLayout::default(),
                    false,
                );
                assert_eq!(p.key(*key).as_ref(), Some(&command), "{key:?}");
            }
        }
    }

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
