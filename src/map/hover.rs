//! What is under the pointer on the map, for its tooltip: an axis of
//! advance, the Suwałki gap, the area held by the adversary, or a country.

use egui::{Pos2, Ui};

use crate::scenario::placing::UnitRef;
use crate::scenario::{Layers, Scenario, UnitKind, reference};

use super::frame::Frame;
use super::geodata::inside;
use super::guarantors::DrawnTie;
use super::overlays::{great_circle, held_ring};
use super::places::SUWALKI_GAP;
use super::projection::distance_km;

/// How near a line the pointer must be to be over it, points.
const NEAR_PX: f32 = 7.0;

/// Something on the map with a card of its own.
#[derive(Clone, Debug, PartialEq)]
pub enum Hovered {
    /// The axis of advance with this index.
    Axis(usize),
    /// The Suwałki gap.
    SuwalkiGap,
    /// The part of this country (ISO alpha-3) the adversary holds behind the
    /// settlement line.
    Held(String),
    /// A country (ISO alpha-3).
    Country(String),
}

/// What is under `pos` (screen), in `country` (the one the map found
/// there): lines first, then the held area, then the country, of the
/// `layers` shown.
pub(super) fn hovered(
    frame: &Frame,
    scenario: &Scenario,
    pos: Pos2,
    country: Option<&str>,
    layers: &Layers,
) -> Option<Hovered> {
    // Of the lines within reach, the nearest.
    let reach = frame.px(NEAR_PX);
    let mut best: Option<(f32, Hovered)> = None;
    let mut consider = |d: f32, what: Hovered| {
        if d <= reach && best.as_ref().is_none_or(|(b, _)| d < *b) {
            best = Some((d, what));
        }
    };
    if layers.axes {
        for (i, axis) in scenario.axes.iter().enumerate() {
            let a = [axis.start.point.lon, axis.start.point.lat];
            let b = [axis.objective.point.lon, axis.objective.point.lat];
            consider(
                line_distance(&great_circle(frame, a, b, 32), pos),
                Hovered::Axis(i),
            );
        }
    }
    let [a, b] = SUWALKI_GAP;
    let gap = [
        frame.geo_to_screen(a[0], a[1]),
        frame.geo_to_screen(b[0], b[1]),
    ];
    consider(line_distance(&gap, pos), Hovered::SuwalkiGap);
    if let Some((_, what)) = best {
        return Some(what);
    }
    let country = country?;
    if layers.line_of_control
        && country == "UKR"
        && let Some(ring) = held_ring(scenario)
    {
        let geo = frame.to_geo(pos);
        if inside(&ring, [geo[0] as f32, geo[1] as f32]) {
            return Some(Hovered::Held(country.to_owned()));
        }
    }
    Some(Hovered::Country(country.to_owned()))
}

/// How far `pos` is from the polyline `points`, points.
fn line_distance(points: &[Pos2], pos: Pos2) -> f32 {
    nearest_segment(points, pos).map_or(f32::INFINITY, |(_, d)| d)
}

/// The segment of the polyline `points` nearest `pos` (the index of its
/// first point) and how far it is, points.
pub(super) fn nearest_segment(points: &[Pos2], pos: Pos2) -> Option<(usize, f32)> {
    points
        .windows(2)
        .enumerate()
        .map(|(i, w)| {
            let (a, b) = (w[0], w[1]);
            let ab = b - a;
            let t = ((pos - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
            (i, (a + ab * t).distance(pos))
        })
        .min_by(|a, b| a.1.total_cmp(&b.1))
}

/// The card of an axis: its name, route, ground, shares, river crossings,
/// defence lines and, once
/// `assessed`, the median days to its objective (`days`, none where it
/// usually holds).
pub(super) fn axis_card(
    ui: &mut Ui,
    scenario: &Scenario,
    index: usize,
    days: Option<f64>,
    assessed: bool,
) {
    let Some(axis) = scenario.axes.get(index) else {
        return;
    };
    ui.strong(&axis.name);
    ui.label(format!(
        "Axis of advance into {}",
        crate::scenario::reference::state_name(scenario, &axis.defender)
    ));
    let km = crate::scenario::axes::route_km(axis);
    ui.label(format!(
        "{} → {}: {km:.0} km by road (×{:.2} the straight line)",
        axis.start.name, axis.objective.name, axis.route_factor
    ));
    ui.label(format!(
        "Terrain {:.2} · adversary's share {:.0}% · defender's share {:.0}%",
        axis.terrain,
        100.0 * axis.adversary_share,
        100.0 * axis.defender_share
    ));
    for river in &axis.river_crossings {
        let bridges = match river.bridges {
            Some(crate::scenario::Bridges::Blown) => "bridges blown",
            Some(crate::scenario::Bridges::Intact) => "bridges taken intact",
            None => "bridges blown unless taken by surprise on the first day",
        };
        let km = crate::scenario::axes::km_along(axis, river.point);
        ui.label(format!("River: {} at {km:.0} km, {bridges}", river.name));
    }
    for line in &axis.defence_lines {
        let km = crate::scenario::axes::km_along(axis, line.point);
        ui.label(format!(
            "Defence line: {} at {km:.0} km, {:.0}% of the defence",
            line.name,
            100.0 * line.share
        ));
    }
    match (days, assessed) {
        (Some(d), _) => ui.label(format!(
            "Objective falls in {} (median)",
            crate::kit::format::duration_days(d)
        )),
        (None, true) => ui.label("The objective holds in most draws"),
        (None, false) => ui.weak("Not assessed yet"),
    };
}

/// The card of the Suwałki gap.
pub(super) fn gap_card(ui: &mut Ui) {
    let [a, b] = SUWALKI_GAP;
    ui.strong("Suwałki gap");
    ui.label(format!(
        "The Polish–Lithuanian border between Kaliningrad and Belarus, {:.0} km: \
         NATO's only land link to the Baltic states",
        distance_km(a, b)
    ));
}

/// The card of the area the adversary holds.
pub(super) fn held_card(ui: &mut Ui, scenario: &Scenario, id: &str) {
    ui.strong(format!(
        "Held by {}",
        crate::scenario::reference::state_name(scenario, &scenario.adversary.state)
    ));
    let line = match scenario.settlement_line.preset {
        crate::scenario::LinePreset::LineOfContact2025 => "the line of contact, late 2025",
        crate::scenario::LinePreset::CedeDonetskLuhansk => "Donetsk and Luhansk ceded",
        _ => "the scenario's own line",
    };
    ui.label(format!(
        "Part of {} behind the settlement line ({line})",
        crate::scenario::reference::state_name(scenario, id),
    ));
    if scenario.settlement_line.preset == crate::scenario::LinePreset::Custom {
        ui.weak("The line as drawn in this scenario");
    } else {
        ui.weak(crate::scenario::lines::SOURCE_NOTE);
    }
}

/// The tie under `pos`, if one is within reach: the nearest.
pub(super) fn tie_at<'a>(frame: &Frame, ties: &'a [DrawnTie], pos: Pos2) -> Option<&'a DrawnTie> {
    ties.iter()
        .filter_map(|t| Some((t, nearest_segment(&t.points, pos)?.1)))
        .filter(|(_, d)| *d <= frame.px(NEAR_PX))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(t, _)| t)
}

/// The card of a guarantee tie: who guarantees whom, under which
/// arrangement, how (obligation, formality, trigger), how credible (the
/// scenario's override, or the engine's figure) and with what forces; for a
/// bundle's arrow, the arrangement and its guarantors.
pub(super) fn tie_card(
    ui: &mut Ui,
    scenario: &Scenario,
    tie: &DrawnTie,
    credibility: &std::collections::BTreeMap<(String, String), f64>,
) {
    use crate::kit::choices::Choice;
    let Some(a) = scenario.arrangements.get(tie.arrangement) else {
        return;
    };
    let protected: Vec<String> = a
        .protected_states
        .iter()
        .map(|id| reference::state_name(scenario, id))
        .collect();
    let Some(g) = tie.guarantor.and_then(|i| a.guarantors.get(i)) else {
        ui.strong(format!("{}: guarantees {}", a.name, protected.join(", ")));
        let names: Vec<String> = a
            .guarantors
            .iter()
            .map(|g| reference::state_name(scenario, &g.state))
            .collect();
        ui.label(format!("{} guarantors: {}", names.len(), names.join(", ")));
        return;
    };
    ui.strong(format!(
        "{} guarantees {}",
        reference::state_name(scenario, &g.state),
        protected.join(", ")
    ));
    ui.label(format!("Under {}", a.name));
    ui.label(format!(
        "{} · {} · {}",
        g.obligation.label(),
        g.formality.label(),
        g.trigger.label()
    ));
    match (
        g.credibility,
        credibility.get(&(a.id.clone(), g.state.clone())),
    ) {
        (Some(c), _) => ui.label(format!(
            "Credibility {:.0} % (set in the scenario)",
            100.0 * c
        )),
        (None, Some(c)) => ui.label(format!(
            "Chance it fights: {:.0} % (the engine's mean)",
            100.0 * c
        )),
        (None, None) => ui.weak("Credibility: not assessed yet"),
    };
    if !g.forces.is_empty() {
        let troops: f64 = g.forces.iter().map(|f| f.troops).sum();
        let units = match g.forces.len() {
            1 => "1 unit".to_owned(),
            n => format!("{n} units"),
        };
        ui.label(format!(
            "{units}, {} troops",
            crate::kit::format::thousands(troops)
        ));
    }
}

/// The card of a guarantor's unit under the pointer: who sends it, what it
/// is, where it stands, when it is there, and that it can be dragged.
pub(super) fn unit_card(ui: &mut Ui, scenario: &Scenario, unit: UnitRef) {
    use crate::kit::choices::Choice;
    let Some(force) = unit.get(scenario) else {
        return;
    };
    let guarantor = scenario
        .arrangements
        .get(unit.arrangement)
        .and_then(|a| a.guarantors.get(unit.guarantor))
        .map(|g| reference::state_name(scenario, &g.state))
        .unwrap_or_default();
    ui.strong(&force.label);
    let count = crate::kit::format::thousands(force.troops);
    let what = if force.kind == UnitKind::CombatAircraft {
        format!("{count} aircraft")
    } else {
        format!("{count} troops")
    };
    ui.label(format!(
        "{} · {what} · from {guarantor}",
        force.kind.label()
    ));
    let place = reference::state_name(scenario, &force.stationed_in);
    ui.label(if force.is_present() {
        format!("In {place} before an attack")
    } else {
        format!(
            "Pledged to {place}: in action {:.0} days after an attack",
            force.arrival_days
        )
    });
    ui.weak("Drag the marker to move the unit to another place");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_distance_to_a_line_is_to_its_nearest_point_ends_included() {
        let line = [Pos2::new(0.0, 0.0), Pos2::new(100.0, 0.0)];
        assert_eq!(line_distance(&line, Pos2::new(50.0, 5.0)), 5.0);
        assert_eq!(line_distance(&line, Pos2::new(110.0, 0.0)), 10.0);
        assert_eq!(
            line_distance(&line[..1], Pos2::new(1.0, 0.0)),
            f32::INFINITY
        );
    }
}
