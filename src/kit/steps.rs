//! Timeline steps in words, for the strip under the map, the Timeline tab and
//! the presentation: what a step changes, named as the analyst named its
//! parts, and a month as "month 14 (year 2)".

use egui::Color32;

use crate::kit::choices::Choice;
use crate::scenario::{Change, Scenario, Step};

/// What `step` changes, in words, naming the arrangement by its name.
pub fn describe(scenario: &Scenario, step: &Step) -> String {
    let arrangement = |id: &str| {
        scenario
            .arrangements
            .iter()
            .find(|a| a.id == id)
            .map_or(id.to_owned(), |a| a.name.clone())
    };
    match &step.change {
        Change::Arrangement {
            arrangement: a,
            status,
        } => format!("{}: {}", arrangement(a), status.label().to_lowercase()),
        Change::Unit { unit, movement, .. } => {
            format!("{unit} {}", movement.label().to_lowercase())
        }
        Change::Restraint {
            arrangement: a,
            restraint,
            in_force,
        } => format!(
            "{} under {}: {}",
            restraint.label(),
            arrangement(a),
            if *in_force { "in force" } else { "lifted" }
        ),
        Change::DemandMet {
            demand,
            region,
            met,
            ..
        } => {
            let what = region.clone().unwrap_or_else(|| demand.label().to_owned());
            format!("Demand met: {what}, {:.0} %", met * 100.0)
        }
        Change::Snapback { arrangement: a, on } => format!(
            "Snap-back sanctions under {}: {}",
            arrangement(a),
            if *on { "agreed" } else { "dropped" }
        ),
        Change::AdversaryRebuilds {
            troops_per_year, ..
        } => {
            let n = |v: f64| crate::kit::format::field_number(v, 0..=0);
            let u = troops_per_year;
            if u.low < u.high {
                format!(
                    "Adversary's forces change by {} troops a year ({} to {})",
                    n(u.likely),
                    n(u.low),
                    n(u.high)
                )
            } else {
                format!("Adversary's forces change by {} troops a year", n(u.likely))
            }
        }
        Change::AdversaryForces { troops } => format!(
            "Adversary's forces change by {} troops",
            crate::kit::format::field_number(*troops, 0..=0)
        ),
        Change::SettlementLine { line } => {
            format!("The line of control becomes: {}", line_name(line.preset))
        }
    }
}

/// The name of a change's kind, for menus.
pub fn kind_label(change: &Change) -> &'static str {
    match change {
        Change::Arrangement { .. } => "Arrangement signed, ratified, activated…",
        Change::Unit { .. } => "A unit arrives or leaves",
        Change::Restraint { .. } => "A restraint comes into force or is lifted",
        Change::DemandMet { .. } => "A demand is met",
        Change::Snapback { .. } => "Snap-back sanctions agreed or dropped",
        Change::AdversaryRebuilds { .. } => "The adversary rebuilds (a rate)",
        Change::AdversaryForces { .. } => "The adversary's forces change at once",
        Change::SettlementLine { .. } => "The line of control moves",
    }
}

/// The colour of a step's marker: the guarantors' for what strengthens the
/// defence, the adversary's for what it gains, neutral otherwise.
pub fn colour(change: &Change) -> Color32 {
    use crate::kit::palette;
    use crate::scenario::Movement;
    match change {
        Change::Arrangement { status, .. } if status.in_force() => palette::GUARANTOR,
        Change::Arrangement { .. } => palette::WARNING,
        Change::Unit {
            movement: Movement::Arrives,
            ..
        } => palette::GUARANTOR,
        Change::Unit { .. } => palette::WARNING,
        Change::Snapback { on: true, .. } => palette::NATO,
        Change::DemandMet { .. } | Change::Restraint { .. } => palette::NEUTRAL,
        Change::AdversaryRebuilds { .. } | Change::AdversaryForces { .. } => palette::ADVERSARY,
        Change::Snapback { .. } => palette::WARNING,
        Change::SettlementLine { .. } => palette::ADVERSARY,
    }
}

/// A step's marker on a timeline: a diamond of half-width `size` at `centre`.
pub fn marker(centre: egui::Pos2, size: f32, fill: Color32, outline: egui::Stroke) -> egui::Shape {
    let at = |x: f32, y: f32| centre + egui::vec2(x, y);
    egui::Shape::convex_polygon(
        vec![at(0.0, -size), at(size, 0.0), at(0.0, size), at(-size, 0.0)],
        fill,
        outline,
    )
}

/// A settlement line preset in words.
pub fn line_name(preset: crate::scenario::LinePreset) -> &'static str {
    use crate::scenario::LinePreset;
    match preset {
        LinePreset::None => "no line",
        LinePreset::LineOfContact2025 => "the line of contact, late 2025",
        LinePreset::CedeDonetskLuhansk => "all of Donetsk and Luhansk ceded",
        LinePreset::Custom => "a line drawn on the map",
    }
}

/// A month after the ceasefire in words: "month 14 (year 2)".
pub fn month(m: f64) -> String {
    let whole = if m.fract().abs() < 1e-9 {
        format!("{m:.0}")
    } else {
        format!("{m:.1}")
    };
    let year = (m / 12.0).floor() as i64 + 1;
    format!("month {whole} (year {year})")
}
