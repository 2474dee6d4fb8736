//! What is drawn over the countries apart from the guarantors: the settlement
//! line, the Suwałki gap, axes of advance, outlines and measurements.

use std::collections::BTreeMap;

use egui::{Align2, Color32, Pos2, Shape, Stroke, pos2, vec2};

use crate::kit::palette;
use crate::scenario::{LinePreset, Scenario};

use super::frame::Frame;
use super::geodata::{BakedCountry, Geodata};
use super::labels::{LabelPlacer, first_free, halo_text, placed_halo_text};
use super::places::{KALININGRAD, SUWALKI_GAP};
use super::projection::{destination, distance_km, intermediate};
use crate::scenario::lines;

/// A country's outline in `stroke` (hover, selection, a slide's highlight).
pub(super) fn outline(
    painter: &egui::Painter,
    frame: &Frame,
    country: &BakedCountry,
    stroke: Stroke,
) {
    for ring in Geodata::get().rings(country) {
        let points: Vec<Pos2> = ring
            .iter()
            .map(|p| frame.to_screen([f64::from(p[0]), f64::from(p[1])]))
            .collect();
        painter.add(Shape::closed_line(points, stroke));
    }
}

/// Screen points along the great circle from `a` to `b` (lon, lat).
pub(super) fn great_circle(frame: &Frame, a: [f64; 2], b: [f64; 2], steps: u32) -> Vec<Pos2> {
    (0..=steps)
        .map(|i| {
            let [lon, lat] = intermediate(a, b, f64::from(i) / f64::from(steps));
            frame.geo_to_screen(lon, lat)
        })
        .collect()
}

/// The settlement line's vertices (lon, lat), north to south, if the
/// scenario has one.
pub(super) fn settlement_vertices(scenario: &Scenario) -> Option<Vec<(f64, f64)>> {
    crate::scenario::settlement::vertices(&scenario.settlement_line)
}

/// The area the adversary holds behind the settlement line, as a ring in
/// lon/lat (unclipped; tested only in Ukraine), if there is a line.
pub(super) fn held_ring(scenario: &Scenario) -> Option<Vec<[f32; 2]>> {
    settlement_vertices(scenario).map(|line| {
        lines::held_polygon(&line)
            .iter()
            .map(|&(lon, lat)| [lon as f32, lat as f32])
            .collect()
    })
}

/// The settlement line (line of contact or a preset), its source note, and
/// "Russian-held" beside it when zoomed in.
pub(super) fn settlement_line(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    labels: &mut LabelPlacer,
) {
    let Some(line) = settlement_vertices(scenario) else {
        return;
    };
    let points: Vec<Pos2> = line
        .iter()
        .map(|&(lon, lat)| frame.geo_to_screen(lon, lat))
        .collect();
    painter.add(Shape::line(
        points.clone(),
        frame.stroke(5.0, palette::MAP_HALO),
    ));
    painter.add(Shape::line(points, frame.stroke(2.8, palette::MAP_AXIS)));
    let name = match scenario.settlement_line.preset {
        LinePreset::CedeDonetskLuhansk => "Settlement line: Donetsk and Luhansk ceded",
        LinePreset::Custom => "Settlement line (custom)",
        _ => "Line of contact, late 2025",
    };
    // The line's source note sits at the bottom of the map, above the scale bar.
    let r = frame.rect;
    let note = match scenario.settlement_line.preset {
        LinePreset::Custom => format!("{name} — drawn in this scenario"),
        _ => format!("{name} — {}", lines::SOURCE_NOTE),
    };
    let rect = halo_text(
        painter,
        frame,
        pos2(r.left() + frame.px(10.0), r.bottom() - frame.px(40.0)),
        Align2::LEFT_BOTTOM,
        &note,
        frame.font(11.0),
        palette::MAP_TEXT_MUTED,
    );
    labels.block(rect);
    if frame.zoom() > 2.0
        && let Some(&(lon, lat)) = line.get(line.len() / 3)
    {
        let p = frame.geo_to_screen(lon, lat) + frame.offset(8.0, 0.0);
        let rect = Align2::LEFT_CENTER.anchor_size(p, frame.offset(110.0, 14.0));
        if labels.try_take(rect) {
            halo_text(
                painter,
                frame,
                p,
                Align2::LEFT_CENTER,
                "Russian-held",
                frame.font(11.0),
                palette::MAP_AXIS,
            );
        }
    }
}

/// The areas drawn on the map: territory the adversary demands (with the
/// line of control) and the areas guarantees cover (with the ties), each a
/// dashed outline named at its middle.
pub(super) fn drawn_areas(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    layers: &crate::scenario::Layers,
    labels: &mut LabelPlacer,
) {
    use crate::scenario::areas::{AreaOf, area_label, drawn_areas};
    for (area, ring) in drawn_areas(scenario) {
        let colour = match area {
            AreaOf::Demand(_) if layers.line_of_control => palette::MAP_AXIS,
            AreaOf::Scope(_) if layers.ties => palette::MAP_TIE,
            _ => continue,
        };
        let mut points: Vec<Pos2> = ring
            .iter()
            .map(|p| frame.geo_to_screen(p.lon, p.lat))
            .collect();
        points.extend(points.first().copied());
        painter.add(Shape::line(
            points.clone(),
            frame.stroke(4.5, palette::MAP_HALO),
        ));
        painter.extend(Shape::dashed_line(
            &points,
            frame.stroke(2.2, colour),
            frame.px(10.0),
            frame.px(5.0),
        ));
        let n = ring.len() as f32;
        let middle = points[..ring.len()]
            .iter()
            .fold(vec2(0.0, 0.0), |sum, p| sum + p.to_vec2() / n)
            .to_pos2();
        placed_halo_text(
            painter,
            frame,
            labels,
            frame.rect,
            middle,
            Align2::CENTER_CENTER,
            &area_label(scenario, area),
            frame.font(11.5),
            colour,
        );
    }
}

/// The Suwałki gap and Kaliningrad, marked and named.
pub(super) fn annotations(painter: &egui::Painter, frame: &Frame) {
    // The Suwałki gap: the Polish–Lithuanian border between Kaliningrad and Belarus.
    let [a, b] = SUWALKI_GAP;
    let (pa, pb) = (
        frame.geo_to_screen(a[0], a[1]),
        frame.geo_to_screen(b[0], b[1]),
    );
    if frame.rect.contains(pa) {
        let stroke = frame.stroke(3.0, palette::WARNING);
        painter.add(Shape::line_segment([pa, pb], stroke));
        for p in [pa, pb] {
            painter.circle_filled(p, frame.px(3.0), palette::WARNING);
        }
    }
}

/// The names of the Suwałki gap (beside either end, where it is free) and of
/// Kaliningrad, when zoomed in; placed after the forces.
pub(super) fn annotation_labels(painter: &egui::Painter, frame: &Frame, labels: &mut LabelPlacer) {
    let zoom = frame.zoom();
    let [a, b] = SUWALKI_GAP;
    let (pa, pb) = (
        frame.geo_to_screen(a[0], a[1]),
        frame.geo_to_screen(b[0], b[1]),
    );
    if frame.rect.contains(pa) && zoom > 1.3 {
        let text = format!("Suwałki gap ({:.0} km)", distance_km(a, b));
        let candidates = [
            (pb + frame.offset(6.0, 6.0), Align2::LEFT_TOP),
            (pb + frame.offset(-6.0, 6.0), Align2::RIGHT_TOP),
            (pa + frame.offset(-6.0, -6.0), Align2::RIGHT_BOTTOM),
            (pa + frame.offset(6.0, -6.0), Align2::LEFT_BOTTOM),
        ];
        first_free(
            painter,
            frame,
            labels,
            &candidates,
            &text,
            frame.font(11.5),
            palette::WARNING,
            false,
        );
    }
    if zoom > 1.3 {
        placed_halo_text(
            painter,
            frame,
            labels,
            frame.rect,
            frame.geo_to_screen(KALININGRAD[0], KALININGRAD[1]) + frame.offset(0.0, -12.0),
            Align2::RIGHT_BOTTOM,
            "Kaliningrad (Russia)",
            frame.font(10.5),
            palette::MAP_AXIS,
        );
    }
}

/// A filled arrowhead of length `size` (screen points, already at the ink
/// scale) at `tip`, pointing away from `from`.
pub(super) fn arrow_head(
    painter: &egui::Painter,
    tip: Pos2,
    from: Pos2,
    size: f32,
    colour: Color32,
) {
    let dir = (tip - from).normalized();
    let normal = vec2(-dir.y, dir.x);
    let base = tip - dir * size;
    painter.add(Shape::convex_polygon(
        vec![
            tip,
            base + normal * size * 0.55,
            base - normal * size * 0.55,
        ],
        colour,
        Stroke::NONE,
    ));
}

/// Each axis of advance as an arrow along its great circle (named by
/// [`axis_labels`]).
pub(super) fn axes(painter: &egui::Painter, frame: &Frame, scenario: &Scenario) {
    for axis in &scenario.axes {
        let (a, b) = (
            [axis.start.point.lon, axis.start.point.lat],
            [axis.objective.point.lon, axis.objective.point.lat],
        );
        let mut points = great_circle(frame, a, b, 32);
        let Some(&tip) = points.last() else { continue };
        // Stop short of the objective's dot, leaving room for the head.
        let Some(&before) = points.get(points.len().saturating_sub(3)) else {
            continue;
        };
        let end = tip - (tip - before).normalized() * frame.px(9.0);
        points.pop();
        points.push(end);
        painter.add(Shape::line(
            points.clone(),
            frame.stroke(6.0, palette::MAP_HALO),
        ));
        // Dashed: a modelled route, told apart from the assessed line of
        // control drawn solid.
        let (dash, gap) = (frame.px(9.0), frame.px(5.0));
        let stroke = frame.stroke(3.5, palette::MAP_AXIS);
        painter.extend(Shape::dashed_line(&points, stroke, dash, gap));
        arrow_head(painter, tip, before, frame.px(14.0), palette::MAP_AXIS);
        painter.circle(
            tip,
            frame.px(4.0),
            Color32::WHITE,
            frame.stroke(2.0, palette::MAP_AXIS),
        );
    }
}

/// Each axis's name, with the route length the engine uses (the panel shows
/// the same figure) and, once assessed, the days to the objective: beside the
/// middle of the axis, else beside a point a third, two thirds, a fifth or
/// four fifths along it,
/// on whichever side is free; placed after the forces, so that it gives way
/// to them rather than they to it.
pub(super) fn axis_labels(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    days: &BTreeMap<String, f64>,
    labels: &mut LabelPlacer,
) {
    for axis in &scenario.axes {
        let (a, b) = (
            [axis.start.point.lon, axis.start.point.lat],
            [axis.objective.point.lon, axis.objective.point.lat],
        );
        // An axis too short on screen to read a name beside goes unnamed
        // (its card names it), rather than a name floating away from it.
        let length = frame
            .geo_to_screen(a[0], a[1])
            .distance(frame.geo_to_screen(b[0], b[1]));
        if length < frame.px(18.0) {
            continue;
        }
        let km = distance_km(a, b) * axis.route_factor;
        let mut text = format!("{} · {km:.0} km", axis.name);
        if let Some(d) = days.get(&axis.id) {
            text.push_str(&format!(" · {}", crate::kit::format::duration_days(*d)));
        }
        let candidates: Vec<(Pos2, Align2)> = [0.5, 0.35, 0.65, 0.2, 0.8]
            .into_iter()
            .flat_map(|t| {
                let [lon, lat] = intermediate(a, b, t);
                let p = frame.geo_to_screen(lon, lat);
                [
                    (p + frame.offset(8.0, -4.0), Align2::LEFT_BOTTOM),
                    (p + frame.offset(-8.0, 4.0), Align2::RIGHT_TOP),
                    (p + frame.offset(8.0, 4.0), Align2::LEFT_TOP),
                    (p + frame.offset(-8.0, -4.0), Align2::RIGHT_BOTTOM),
                ]
            })
            .collect();
        first_free(
            painter,
            frame,
            labels,
            &candidates,
            &text,
            frame.font(11.5),
            palette::MAP_AXIS,
            false,
        );
    }
}

/// The range rings (centre lon/lat, radius km) and the ruler's points and line,
/// with their distances.
pub(super) fn measurements(
    painter: &egui::Painter,
    frame: &Frame,
    ruler: &[[f64; 2]],
    rings: &[([f64; 2], f64)],
    labels: &mut LabelPlacer,
) {
    let stroke = frame.stroke(2.0, palette::MAP_TOOL);
    for (centre, radius) in rings {
        let points: Vec<Pos2> = (0..=96)
            .map(|i| {
                let [lon, lat] = destination(*centre, f64::from(i) * 3.75, *radius);
                frame.geo_to_screen(lon, lat)
            })
            .collect();
        painter.add(Shape::closed_line(points, stroke));
        let c = frame.geo_to_screen(centre[0], centre[1]);
        painter.circle_filled(c, frame.px(3.0), palette::MAP_TOOL);
        // Named at its north, else its south, east or west, where free.
        let at = |bearing: f64| {
            let [lon, lat] = destination(*centre, bearing, *radius);
            frame.geo_to_screen(lon, lat)
        };
        let candidates = [
            (at(0.0) + frame.offset(0.0, -4.0), Align2::CENTER_BOTTOM),
            (at(180.0) + frame.offset(0.0, 4.0), Align2::CENTER_TOP),
            (at(90.0) + frame.offset(4.0, 0.0), Align2::LEFT_CENTER),
            (at(270.0) + frame.offset(-4.0, 0.0), Align2::RIGHT_CENTER),
        ];
        first_free(
            painter,
            frame,
            labels,
            &candidates,
            &format!("{radius:.0} km"),
            frame.font(12.0),
            palette::MAP_TEXT,
            true,
        );
    }
    for p in ruler {
        painter.circle_filled(
            frame.geo_to_screen(p[0], p[1]),
            frame.px(4.0),
            palette::MAP_TOOL,
        );
    }
    if let [a, b] = ruler[..] {
        let points = great_circle(frame, a, b, 48);
        painter.add(Shape::line(points.clone(), stroke));
        let km = distance_km(a, b);
        let mid = intermediate(a, b, 0.5);
        halo_text(
            painter,
            frame,
            frame.geo_to_screen(mid[0], mid[1]) + frame.offset(0.0, -6.0),
            Align2::CENTER_BOTTOM,
            &format!("{km:.0} km"),
            frame.font(14.0),
            palette::MAP_TEXT,
        );
    }
}

/// Where the map's own data comes from, at the bottom right (the figures'
/// sources are the scenario's notes, which the slides and the handout
/// carry); the labels keep clear of it.
pub(super) fn sources_line(painter: &egui::Painter, frame: &Frame, labels: &mut LabelPlacer) {
    let r = frame.rect;
    let rect = halo_text(
        painter,
        frame,
        pos2(r.right() - frame.px(10.0), r.bottom() - frame.px(8.0)),
        Align2::RIGHT_BOTTOM,
        "Map: Natural Earth 1:50m via world-atlas · figures: the scenario's notes",
        frame.font(9.5),
        palette::MAP_TEXT_MUTED,
    );
    labels.block(rect);
}

/// The adversary's force on `axis` as a hostile symbol: its largest kind of
/// ground unit (its own composition, else its state's, else the engine's
/// default mix) and the echelon of the troops the axis carries (the
/// theatre's troops times the axis's share). `None` when it carries none.
pub(super) fn hostile_symbol(
    scenario: &Scenario,
    axis: &crate::scenario::Axis,
) -> Option<super::symbols::Symbol> {
    let adversary = &scenario.adversary;
    let troops = adversary.theatre_troops * axis.adversary_share;
    if troops.is_nan() || troops <= 0.0 {
        return None;
    }
    let mix = adversary
        .composition
        .or_else(|| {
            crate::model::prepared::find_state(scenario, &adversary.state).map(|s| s.composition)
        })
        .unwrap_or(crate::scenario::reference::DEFAULT_COMPOSITION);
    let kind = mix
        .shares()
        .into_iter()
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map_or(crate::scenario::UnitKind::Mechanised, |(kind, _)| kind);
    Some(super::symbols::Symbol {
        affiliation: super::symbols::Affiliation::Hostile,
        kind,
        echelon: super::symbols::Echelon::of(kind, troops),
        planned: false,
    })
}

/// Height of a hostile symbol's frame, workspace points.
const HOSTILE_HEIGHT: f32 = 12.0;

/// The adversary's force on each axis as a hostile symbol (see
/// [`hostile_symbol`]) just behind where the axis starts, so that it stands
/// in the ground the attack comes from; the labels keep clear of it.
pub(super) fn hostile_forces(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    labels: &mut LabelPlacer,
) {
    let height = frame.px(HOSTILE_HEIGHT);
    for axis in &scenario.axes {
        let Some(symbol) = hostile_symbol(scenario, axis) else {
            continue;
        };
        let (a, b) = (
            [axis.start.point.lon, axis.start.point.lat],
            [axis.objective.point.lon, axis.objective.point.lat],
        );
        let points = great_circle(frame, a, b, 32);
        let (Some(&start), Some(&next)) = (points.first(), points.get(1)) else {
            continue;
        };
        let back = (start - next).normalized();
        if !back.is_finite() {
            continue;
        }
        let centre = start + back * frame.px(20.0);
        let bounds = symbol.bounds(centre, height);
        if !frame.rect.contains_rect(bounds) {
            continue;
        }
        symbol.paint(painter, centre, height, true);
        labels.block(bounds);
    }
}
