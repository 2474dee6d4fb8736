//! The Scenario tab: title, author, date, horizon, Monte Carlo settings, the
//! settlement line, and the Markdown notes (rendered, with an edit toggle).

use egui::Ui;

use crate::scenario::{LinePreset, Scenario};

use super::EditorState;
use crate::kit::widgets::{self, EditTracker};

/// Draws the tab.
pub fn show(ui: &mut Ui, ed: &mut EditTracker, state: &mut EditorState, scenario: &mut Scenario) {
    widgets::text(
        ui,
        ed,
        "Title",
        &mut scenario.meta.title,
        "Short title of the scenario",
    );
    widgets::text(
        ui,
        ed,
        "Author",
        &mut scenario.meta.author,
        "Who wrote the scenario",
    );
    widgets::text(
        ui,
        ed,
        "Date",
        &mut scenario.meta.date,
        "Date of the scenario, YYYY-MM-DD",
    );
    widgets::text(
        ui,
        ed,
        "Marking",
        &mut scenario.meta.marking,
        "A marking in a banner at the top and bottom of the map, the slides and exports, e.g. UNCLASSIFIED — FOR TRAINING (empty: none)",
    );
    widgets::number(
        ui,
        ed,
        "Horizon",
        &mut scenario.horizon_years,
        0.5..=50.0,
        " years",
        "Years ahead over which the chance of a renewed attack is assessed",
    );
    // Written back only when edited: a file's own value (perhaps outside the
    // range offered here, or a seed too large for an f64) stays as it is.
    let mut samples = f64::from(scenario.simulation.samples);
    let r = widgets::number(
        ui,
        ed,
        "Monte Carlo draws",
        &mut samples,
        100.0..=200_000.0,
        " draws",
        "Number of random draws of the uncertain assumptions (100 to 200,000); more is smoother but slower",
    );
    if r.changed() {
        scenario.simulation.samples = samples.round() as u32;
    }
    let mut seed = scenario.simulation.seed as f64;
    let r = widgets::number(
        ui,
        ed,
        "Seed",
        &mut seed,
        0.0..=1.0e9,
        "",
        "Seed of the random draws: the same seed gives a colleague the same numbers",
    );
    if r.changed() {
        scenario.simulation.seed = seed.round() as u64;
    }
    line_preset(ui, ed, &mut scenario.settlement_line.preset);
    ui.separator();
    ui.horizontal(|ui| {
        ui.strong("Notes");
        ui.toggle_value(&mut state.editing_notes, "Edit notes")
            .on_hover_text("Edit the notes as Markdown, or show them rendered");
    });
    if state.editing_notes {
        let label = ui.label("Notes (Markdown)");
        let response = ui
            .add(
                egui::TextEdit::multiline(&mut scenario.meta.notes)
                    .desired_rows(16)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label.id)
            .on_hover_text("What the scenario represents and where its figures come from");
        ed.track(response);
    } else if scenario.meta.notes.trim().is_empty() {
        ui.weak("No notes yet. Click Edit notes to write what this scenario represents and its sources.");
    } else {
        crate::kit::markdown::show(
            ui,
            "scenario_notes",
            &mut state.markdown,
            &scenario.meta.notes,
        );
    }
}

fn line_preset(ui: &mut Ui, ed: &mut EditTracker, preset: &mut LinePreset) {
    widgets::choice(ui, ed, "Settlement line", preset);
}
