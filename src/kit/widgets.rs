//! Small labelled input widgets shared by the editing panels. Every input gets an
//! accessible label and a tooltip, and numbers carry their unit.

use egui::{Response, Ui};

use super::choices::Choice;

/// Tracks what changed while a panel drew, so the edit becomes one undo step.
#[derive(Default)]
pub struct EditTracker {
    /// Merge key for the change: set while typing or dragging, so that one drag
    /// or one run of keystrokes is one undo step.
    pub group: Option<u64>,
}

impl EditTracker {
    /// Records a widget's response; returns it for chaining.
    pub fn track(&mut self, response: Response) -> Response {
        if response.changed() {
            let continuous = response.dragged() || response.has_focus();
            self.group = continuous.then(|| response.id.value());
        }
        response
    }
}

/// A combo box for an enumeration, labelled `label`.
pub fn choice<T: Choice>(ui: &mut Ui, ed: &mut EditTracker, label: &str, value: &mut T) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let before = *value;
        let response = egui::ComboBox::from_id_salt(ui.next_auto_id())
            .selected_text(value.label())
            .show_ui(ui, |ui| {
                for option in T::ALL {
                    ui.selectable_value(value, *option, option.label())
                        .on_hover_text(option.help());
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text(value.help());
        let mut response = response;
        if *value != before {
            response.mark_changed();
        }
        ed.track(response);
    });
}

/// A drag value that shows whole numbers from 1,000 with thousands
/// separators and reads them back typed with or without (every number field).
pub fn grouped(value: egui::DragValue<'_>) -> egui::DragValue<'_> {
    value
        .custom_formatter(crate::kit::format::field_number)
        .custom_parser(crate::kit::format::parse_number)
}

/// A number with a unit, dragged or typed, within `range`. Only the user's
/// edits are held to `range`: a value from a file (already validated, perhaps
/// to wider limits) is shown as it is, so that looking never changes it.
pub fn number(
    ui: &mut Ui,
    ed: &mut EditTracker,
    label: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    unit: &str,
    tip: &str,
) -> Response {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let speed = ((range.end() - range.start()) / 500.0).max(0.001);
        let response = ui
            .add(
                grouped(egui::DragValue::new(value))
                    .range(range)
                    .clamp_existing_to_range(false)
                    .speed(speed)
                    .suffix(unit),
            )
            .labelled_by(l.id)
            .on_hover_text(tip);
        ed.track(response)
    })
    .inner
}

/// A slider within `range` with a field to type the exact value (with its
/// unit), both named `label` and explained by `tip`. As with [`number`], only
/// the user's edits are held to `range`.
#[allow(clippy::too_many_arguments)]
pub fn slider(
    ui: &mut Ui,
    ed: &mut EditTracker,
    label: &str,
    value: &mut f64,
    range: std::ops::RangeInclusive<f64>,
    decimals: usize,
    unit: &str,
    tip: &str,
) -> Response {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let speed = ((range.end() - range.start()) / 500.0).max(0.0001);
        let slide = ui
            .add(
                egui::Slider::new(value, range.clone())
                    .show_value(false)
                    .clamping(egui::SliderClamping::Edits),
            )
            .labelled_by(l.id)
            .on_hover_text(tip);
        let slide = ed.track(slide);
        let typed = ui
            .add(
                grouped(egui::DragValue::new(value))
                    .range(range)
                    .clamp_existing_to_range(false)
                    .speed(speed)
                    .max_decimals(decimals)
                    .suffix(unit),
            )
            .labelled_by(l.id)
            .on_hover_text(format!("{tip}\n\nDrag, or click to type the value."));
        let typed = ed.track(typed);
        slide | typed
    })
    .inner
}

/// The user's override of a guarantor's credibility (the chance it fights),
/// the one editor for it wherever it is set: a box to override the engine's
/// figure, then a 0–100 % slider with a typed field. `who` names the
/// guarantor in the labels where the context does not (the "what if"
/// popover). Lay it out in a row with `ui.horizontal` where there is room.
pub fn credibility(ui: &mut Ui, ed: &mut EditTracker, who: Option<&str>, value: &mut Option<f64>) {
    let (check, slider_label) = match who {
        Some(name) => (
            format!("Override credibility of {name}"),
            format!("Credibility of {name}"),
        ),
        None => ("Override credibility".to_owned(), "Credibility".to_owned()),
    };
    let mut set = value.is_some();
    let r = ui.checkbox(&mut set, check).on_hover_text(
        "Replace the engine's credibility (chance this guarantor fights) with your judgement",
    );
    if r.changed() {
        *value = set.then_some(0.5);
    }
    ed.track(r);
    if let Some(c) = value {
        let mut pct = *c * 100.0;
        let r = slider(
            ui,
            ed,
            &slider_label,
            &mut pct,
            0.0..=100.0,
            1,
            " %",
            "Chance the guarantor fights if the protected state is attacked",
        );
        if r.changed() {
            *c = (pct / 100.0).clamp(0.0, 1.0);
        }
    }
}

/// A one-line text field.
pub fn text(ui: &mut Ui, ed: &mut EditTracker, label: &str, value: &mut String, tip: &str) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let response = ui
            .add(egui::TextEdit::singleline(value).desired_width(f32::INFINITY))
            .labelled_by(l.id)
            .on_hover_text(tip);
        ed.track(response);
    });
}

/// A multi-line text field.
pub fn text_block(ui: &mut Ui, ed: &mut EditTracker, label: &str, value: &mut String, tip: &str) {
    let l = ui.label(label);
    let response = ui
        .add(
            egui::TextEdit::multiline(value)
                .desired_rows(2)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id)
        .on_hover_text(tip);
    ed.track(response);
}

/// A checkbox with a tooltip.
pub fn check(ui: &mut Ui, ed: &mut EditTracker, label: &str, value: &mut bool, tip: &str) {
    let response = ui.checkbox(value, label).on_hover_text(tip);
    ed.track(response);
}

/// A combo box choosing one of `options` (id, display name) for `value`.
pub fn state_choice(
    ui: &mut Ui,
    ed: &mut EditTracker,
    label: &str,
    value: &mut String,
    options: &[(String, String)],
    tip: &str,
) {
    ui.horizontal(|ui| {
        let l = ui.label(label);
        let shown = options
            .iter()
            .find(|(id, _)| id == value)
            .map(|(_, name)| name.clone())
            .unwrap_or_else(|| value.clone());
        let before = value.clone();
        let mut response = egui::ComboBox::from_id_salt(ui.next_auto_id())
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for (id, name) in options {
                    ui.selectable_value(value, id.clone(), name);
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text(tip);
        if *value != before {
            response.mark_changed();
        }
        ed.track(response);
    });
}

/// A number that may be absent: a tick box labelled `tick` (with `tick_tip`),
/// and, when ticked, the number labelled `label` (with `tip`), starting at
/// `first` when the box is ticked.
pub fn optional_number(
    ui: &mut Ui,
    ed: &mut EditTracker,
    (tick, tick_tip): (&str, &str),
    (label, tip): (&str, &str),
    value: &mut Option<f64>,
    (first, range, unit): (f64, std::ops::RangeInclusive<f64>, &str),
) {
    ui.horizontal(|ui| {
        let mut on = value.is_some();
        ed.track(ui.checkbox(&mut on, tick).on_hover_text(tick_tip));
        if on != value.is_some() {
            *value = on.then_some(first);
        }
        if let Some(v) = value {
            number(ui, ed, label, v, range, unit, tip);
        }
    });
}
