//! The left panel's scenario section: title, author, date, horizon and notes.
//! Edits a draft of the scenario; the caller turns changes into an undoable edit.

use egui::Ui;

use crate::scenario::Scenario;

/// Draws the editors for the scenario's description. Returns the edit group
/// (the id of the widget being edited) so that keystrokes merge into one undo step.
pub fn show(ui: &mut Ui, scenario: &mut Scenario) -> Option<u64> {
    let mut group = None;
    ui.heading("Scenario");
    egui::Grid::new("scenario_meta")
        .num_columns(2)
        .spacing([8.0, 6.0])
        .show(ui, |ui| {
            group = group.or(text_row(
                ui,
                "Title",
                &mut scenario.meta.title,
                "Short title of the scenario",
            ));
            ui.end_row();
            group = group.or(text_row(
                ui,
                "Author",
                &mut scenario.meta.author,
                "Who wrote the scenario",
            ));
            ui.end_row();
            group = group.or(text_row(
                ui,
                "Date",
                &mut scenario.meta.date,
                "Date of the scenario, YYYY-MM-DD",
            ));
            ui.end_row();
            let label = ui.label("Horizon");
            let drag = ui
                .add(
                    egui::DragValue::new(&mut scenario.horizon_years)
                        .range(0.5..=50.0)
                        .speed(0.1)
                        .suffix(" years"),
                )
                .labelled_by(label.id)
                .on_hover_text("Years ahead over which the chance of a renewed attack is assessed");
            if drag.changed() {
                group = Some(drag.id.value());
            }
            ui.end_row();
        });
    ui.add_space(6.0);
    let label = ui.label("Notes (Markdown)");
    let notes = ui
        .add(
            egui::TextEdit::multiline(&mut scenario.meta.notes)
                .desired_rows(8)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id)
        .on_hover_text("What the scenario represents and where its figures come from");
    if notes.changed() {
        group = Some(notes.id.value());
    }
    group
}

fn text_row(ui: &mut Ui, label: &str, value: &mut String, tip: &str) -> Option<u64> {
    let label = ui.label(label);
    let response = ui
        .add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
        .labelled_by(label.id)
        .on_hover_text(tip);
    response.changed().then(|| response.id.value())
}
