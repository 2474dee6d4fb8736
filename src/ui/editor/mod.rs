//! The left panel, where the analyst sets up the scenario: its description and
//! notes, the arrangements, the states' forces and economies, the adversary, and
//! the uncertain assumptions. Each tab edits a draft of the scenario; the caller
//! turns a changed draft into one undoable edit.
//!
//! Part of the shell: may import `crate::kit`, `crate::present` (the deck),
//! the document and the engine; never the app itself (`crate::ui::app`).

mod adversary_tab;
mod arrangements_tab;
mod assumptions_tab;
mod scenario_tab;
mod slides_tab;
mod states_tab;

use egui::Ui;

use crate::scenario::Scenario;

use crate::kit::widgets::EditTracker;

/// The tabs of the left panel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum EditorTab {
    /// Title, author, date, horizon, notes.
    #[default]
    Scenario,
    /// Guarantee arrangements.
    Arrangements,
    /// Forces and economies of the states.
    States,
    /// The adversary's forces, demands and preconditions.
    Adversary,
    /// Uncertain parameters.
    Assumptions,
    /// The slides of the briefing deck.
    Slides,
}

impl EditorTab {
    const ALL: [EditorTab; 6] = [
        EditorTab::Scenario,
        EditorTab::Arrangements,
        EditorTab::States,
        EditorTab::Adversary,
        EditorTab::Assumptions,
        EditorTab::Slides,
    ];

    fn label(self) -> &'static str {
        match self {
            EditorTab::Scenario => "Scenario",
            EditorTab::Arrangements => "Arrangements",
            EditorTab::States => "Forces & economies",
            EditorTab::Adversary => "Adversary",
            EditorTab::Assumptions => "Assumptions",
            EditorTab::Slides => "Slides",
        }
    }

    fn help(self) -> &'static str {
        match self {
            EditorTab::Scenario => "Title, author, date, horizon, draws, settlement line and notes",
            EditorTab::Arrangements => {
                "The guarantee arrangements: guarantors, obligations, forces, void clauses, restraints"
            }
            EditorTab::States => "Each state's forces and economy, with the reference figures",
            EditorTab::Adversary => "The adversary's forces, demands and preconditions",
            EditorTab::Assumptions => "The uncertain assumptions of the model, each as a range",
            EditorTab::Slides => "The slides of the briefing (F5 presents them)",
        }
    }
}

/// Editing state of the left panel that is not part of the document.
#[derive(Default)]
pub struct EditorState {
    /// The tab shown.
    pub tab: EditorTab,
    /// Index of the arrangement being edited.
    pub arrangement: usize,
    /// Index of the slide being edited.
    pub slide: usize,
    /// Whether the notes are shown as source (editing) rather than rendered.
    pub editing_notes: bool,
    /// Cache of the Markdown renderer.
    pub markdown: egui_commonmark::CommonMarkCache,
}

/// Draws the left panel for `draft`; returns the edit group of any change.
pub fn show(ui: &mut Ui, state: &mut EditorState, draft: &mut Scenario) -> Option<u64> {
    ui.horizontal_wrapped(|ui| {
        for tab in EditorTab::ALL {
            ui.selectable_value(&mut state.tab, tab, tab.label())
                .on_hover_text(tab.help());
        }
    });
    ui.separator();
    let mut ed = EditTracker::default();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match state.tab {
            EditorTab::Scenario => scenario_tab::show(ui, &mut ed, state, draft),
            EditorTab::Arrangements => arrangements_tab::show(ui, &mut ed, state, draft),
            EditorTab::States => states_tab::show(ui, &mut ed, draft),
            EditorTab::Adversary => adversary_tab::show(ui, &mut ed, draft),
            EditorTab::Assumptions => assumptions_tab::show(ui, &mut ed, draft),
            EditorTab::Slides => slides_tab::show(ui, &mut ed, state, draft),
        });
    ed.group
}

/// The scenario's states as (id, display name) pairs for combo boxes.
fn state_options(scenario: &Scenario) -> Vec<(String, String)> {
    scenario
        .states
        .iter()
        .map(|s| {
            let name = crate::scenario::reference::resolve(s)
                .map(|r| r.name)
                .unwrap_or_else(|_| s.id.clone());
            (s.id.clone(), name)
        })
        .collect()
}
