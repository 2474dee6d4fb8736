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
mod axes_tab;
mod scenario_tab;
mod slides_tab;
mod states_tab;
mod timeline_tab;

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
    /// The axes of advance.
    Axes,
    /// Uncertain parameters.
    Assumptions,
    /// The settlement over time: steps after the ceasefire.
    Timeline,
    /// The slides of the briefing deck.
    Slides,
}

impl EditorTab {
    const ALL: [EditorTab; 8] = [
        EditorTab::Scenario,
        EditorTab::Arrangements,
        EditorTab::States,
        EditorTab::Adversary,
        EditorTab::Axes,
        EditorTab::Assumptions,
        EditorTab::Timeline,
        EditorTab::Slides,
    ];

    fn label(self) -> &'static str {
        match self {
            EditorTab::Scenario => "Scenario",
            EditorTab::Arrangements => "Arrangements",
            EditorTab::States => "Forces & economies",
            EditorTab::Adversary => "Adversary",
            EditorTab::Axes => "Axes",
            EditorTab::Assumptions => "Assumptions",
            EditorTab::Timeline => "Timeline",
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
            EditorTab::Axes => "The axes of advance: routes, ground, shares and lift",
            EditorTab::Assumptions => "The uncertain assumptions of the model, each as a range",
            EditorTab::Timeline => {
                "The settlement over time: steps after the ceasefire, each changing the scenario from its month on"
            }
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
    /// The timeline step to open (clicked on the strip under the map).
    pub step: Option<usize>,
    /// Whether the notes are shown as source (editing) rather than rendered.
    pub editing_notes: bool,
    /// Cache of the Markdown renderer.
    pub markdown: egui_commonmark::CommonMarkCache,
}

/// Draws the left panel for `draft`; returns the edit group of any change.
pub fn show(
    ui: &mut Ui,
    state: &mut EditorState,
    draft: &mut Scenario,
    warnings: &[crate::scenario::Problem],
) -> Option<u64> {
    ui.horizontal_wrapped(|ui| {
        for tab in EditorTab::ALL {
            ui.selectable_value(&mut state.tab, tab, tab.label())
                .on_hover_text(tab.help());
        }
    });
    ui.separator();
    show_warnings(ui, warnings);
    let mut ed = EditTracker::default();
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| match state.tab {
            EditorTab::Scenario => scenario_tab::show(ui, &mut ed, state, draft),
            EditorTab::Arrangements => arrangements_tab::show(ui, &mut ed, state, draft, warnings),
            EditorTab::States => states_tab::show(ui, &mut ed, draft),
            EditorTab::Adversary => adversary_tab::show(ui, &mut ed, draft),
            EditorTab::Axes => axes_tab::show(ui, &mut ed, draft, warnings),
            EditorTab::Assumptions => assumptions_tab::show(ui, &mut ed, draft),
            EditorTab::Timeline => timeline_tab::show(ui, &mut ed, state, draft, warnings),
            EditorTab::Slides => slides_tab::show(ui, &mut ed, state, draft),
        });
    ed.group
}

/// The most warnings the panel lists (a file from someone else may hold
/// thousands).
const MAX_WARNINGS_SHOWN: usize = 20;

/// The scenario's consistency warnings (see `scenario::warnings`), each with
/// the field it is about, above the tabs' contents: the file stays valid.
fn show_warnings(ui: &mut Ui, found: &[crate::scenario::Problem]) {
    if found.is_empty() {
        return;
    }
    let title = match found.len() {
        1 => "1 warning".to_string(),
        n => format!("{n} warnings"),
    };
    egui::CollapsingHeader::new(
        egui::RichText::new(title).color(crate::kit::palette::WARNING),
    )
    .id_salt("consistency_warnings")
    .default_open(true)
    .show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("consistency_warnings_list")
            .max_height(150.0)
            .show(ui, |ui| {
                for problem in found.iter().take(MAX_WARNINGS_SHOWN) {
                    ui.label(
                        egui::RichText::new(format!("{}: {}", problem.path, problem.message))
                            .color(crate::kit::palette::WARNING),
                    );
                }
                if found.len() > MAX_WARNINGS_SHOWN {
                    ui.weak(format!(
                        "and {} more (bulwark validate lists them all)",
                        found.len() - MAX_WARNINGS_SHOWN
                    ));
                }
            });
    })
    .header_response
    .on_hover_text("Things the file says that are probably not meant; it stays valid and is assessed as it is");
    ui.separator();
}

/// The warnings about one part of the document (`prefix`, a JSON path such
/// as `axes[2]`), shown inside that part's section, beside its fields, with
/// the rest of the path naming the field.
fn part_warnings(ui: &mut Ui, found: &[crate::scenario::Problem], prefix: &str) {
    for problem in found {
        let Some(rest) = problem.path.strip_prefix(prefix) else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with('.') || rest.starts_with('[')) {
            continue;
        }
        let field = rest.trim_start_matches('.');
        let text = if field.is_empty() {
            problem.message.clone()
        } else {
            format!("{field}: {}", problem.message)
        };
        ui.label(egui::RichText::new(format!("⚠ {text}")).color(crate::kit::palette::WARNING))
            .on_hover_text("A consistency warning: the file stays valid and is assessed as it is");
    }
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
