//! The Assumptions tab: every uncertain parameter with its range (low / most
//! likely / high), unit, meaning and source, and a reset to the default.

use egui::Ui;

use crate::kit::widgets::{self, EditTracker};
use crate::scenario::parameters::{CATALOGUE, Parameter, value};
use crate::scenario::{Scenario, Uncertain};

/// Draws the tab.
pub fn show(ui: &mut Ui, ed: &mut EditTracker, scenario: &mut Scenario) {
    ui.weak("Each assumption is a range: the Monte Carlo draws values between low and high, most often near the most likely value.");
    for p in CATALOGUE {
        let mut u = value(scenario, p.key);
        let changed = ui
            .push_id(p.key, |ui| parameter_row(ui, ed, p, &mut u))
            .inner;
        if changed == Row::Changed {
            scenario.assumptions.insert(p.key.to_owned(), u);
        } else if changed == Row::Reset {
            scenario.assumptions.remove(p.key);
        }
    }
}

#[derive(PartialEq)]
enum Row {
    Unchanged,
    Changed,
    Reset,
}

fn parameter_row(ui: &mut Ui, ed: &mut EditTracker, p: &Parameter, u: &mut Uncertain) -> Row {
    let mut result = Row::Unchanged;
    ui.group(|ui| {
        ui.set_width(ui.available_width());
        let tip = format!("{}\n\nSource: {}", p.meaning, p.source);
        ui.horizontal(|ui| {
            ui.strong(p.label).on_hover_text(&tip);
            if !p.unit.is_empty() {
                ui.weak(format!("({})", p.unit));
            }
        });
        let unit = suffix(p.unit);
        let slider = widgets::slider(
            ui,
            ed,
            "Most likely",
            &mut u.likely,
            p.min..=p.max,
            3,
            unit,
            &tip,
        );
        if slider.changed() {
            result = Row::Changed;
        }
        ui.horizontal(|ui| {
            let speed = (p.max - p.min) / 500.0;
            let l = ui.label("Low");
            let low = ui
                .add(
                    crate::kit::widgets::grouped(egui::DragValue::new(&mut u.low))
                        .range(p.min..=u.likely)
                        .clamp_existing_to_range(false)
                        .max_decimals(3)
                        .suffix(unit)
                        .speed(speed),
                )
                .labelled_by(l.id)
                .on_hover_text(format!(
                    "Low end of the plausible range ({}), from {} up to the most likely value",
                    p.unit, p.min
                ));
            let h = ui.label("High");
            let high = ui
                .add(
                    crate::kit::widgets::grouped(egui::DragValue::new(&mut u.high))
                        .range(u.likely..=p.max)
                        .clamp_existing_to_range(false)
                        .max_decimals(3)
                        .suffix(unit)
                        .speed(speed),
                )
                .labelled_by(h.id)
                .on_hover_text(format!(
                    "High end of the plausible range ({}), from the most likely value up to {}",
                    p.unit, p.max
                ));
            if ed.track(low).changed() | ed.track(high).changed() {
                result = Row::Changed;
            }
            if *u != p.default
                && ui
                    .small_button("Reset")
                    .on_hover_text(format!(
                        "Back to the default {} / {} / {}",
                        p.default.low, p.default.likely, p.default.high
                    ))
                    .clicked()
            {
                result = Row::Reset;
            }
        });
        // Keep the range ordered when the most likely value moves past an end.
        if result == Row::Changed {
            u.low = u.low.min(u.likely);
            u.high = u.high.max(u.likely);
        }
    });
    result
}

/// The unit to write after a value, for units that are units of measure (a
/// share or a probability reads better with its unit beside the name only).
fn suffix(unit: &str) -> &'static str {
    match unit {
        "days" => " days",
        "km/day" => " km/day",
        "km" => " km",
        "power/km" => " power/km",
        "per year" => " a year",
        "troops" | "troop-equivalents" => " troops",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::suffix;
    use crate::scenario::parameters::CATALOGUE;

    /// Units that count or measure something, as against shares, ratios and
    /// probabilities, which read as plain numbers.
    const MEASURES: [&str; 7] = [
        "days",
        "km",
        "km/day",
        "per year",
        "power/km",
        "troops",
        "troop-equivalents",
    ];

    #[test]
    fn every_measured_parameter_shows_its_unit_beside_the_value() {
        for p in CATALOGUE {
            if MEASURES.contains(&p.unit) {
                assert!(!suffix(p.unit).is_empty(), "{} shows no {}", p.key, p.unit);
            }
        }
        assert_eq!(suffix("km"), " km");
        assert_eq!(suffix("share"), "");
    }
}
