//! What the guarantors commit, on the map: guarantee ties (weight by
//! credibility, dash by formality) and the forces they station or pledge.

use std::collections::BTreeMap;
use std::sync::Arc;

use egui::epaint::QuadraticBezierShape;
use egui::{Align2, Color32, Pos2, Rect, Shape, Stroke, StrokeKind, Vec2, vec2};

use crate::kit::palette;
use crate::scenario::placing::{UnitRef, every_unit};
use crate::scenario::reference::Reference;
use crate::scenario::{Formality, Scenario};

use super::frame::Frame;
use super::geodata::{Geodata, inside};
use super::labels::{LabelPlacer, halo_galley, halo_text};
use super::overlays::{arrow_head, held_ring};
use super::projection::unproject;
use super::role::tie_weight;
use super::symbols::{Affiliation, Echelon, Symbol};

/// The capital (or label point) of a state, lon/lat.
pub(super) fn anchor_of(id: &str) -> Option<[f64; 2]> {
    if let Some(r) = Reference::get().state(id) {
        return Some([r.capital.point.lon, r.capital.point.lat]);
    }
    let c = Geodata::get().country(id)?;
    Some(unproject(f64::from(c.label[0]), f64::from(c.label[1])))
}

/// Where the segment from `inside` towards `outside` leaves `rect`.
fn edge_point(rect: Rect, inside: Pos2, outside: Pos2) -> Pos2 {
    let d = outside - inside;
    let mut t: f32 = 1.0;
    if d.x > 0.0 {
        t = t.min((rect.right() - inside.x) / d.x);
    } else if d.x < 0.0 {
        t = t.min((rect.left() - inside.x) / d.x);
    }
    if d.y > 0.0 {
        t = t.min((rect.bottom() - inside.y) / d.y);
    } else if d.y < 0.0 {
        t = t.min((rect.top() - inside.y) / d.y);
    }
    inside + d * t.max(0.0)
}

/// The mean of some screen points.
fn mean(points: &[Pos2]) -> Option<Pos2> {
    if points.is_empty() {
        return None;
    }
    let sum = points.iter().fold(Vec2::ZERO, |acc, p| acc + p.to_vec2());
    Some((sum / points.len() as f32).to_pos2())
}

/// The dash pattern of a tie by formality: solid treaty, long-dashed agreement,
/// short-dashed declaration, dotted informal tie. `width` is the workspace
/// width; it and the dashes are drawn at the frame's ink scale.
pub(super) fn tie_shapes(
    frame: &Frame,
    points: &[Pos2],
    formality: Formality,
    width: f32,
) -> Vec<Shape> {
    let stroke = frame.stroke(width, palette::MAP_TIE);
    let px = |v: f32| frame.px(v);
    match formality {
        Formality::RatifiedTreaty => vec![Shape::line(points.to_vec(), stroke)],
        Formality::ExecutiveAgreement => Shape::dashed_line(points, stroke, px(14.0), px(6.0)),
        Formality::PoliticalDeclaration => Shape::dashed_line(points, stroke, px(5.0), px(5.0)),
        Formality::None => Shape::dotted_line(points, palette::MAP_TIE, px(7.0), px(width * 0.6)),
    }
}

/// Draws one curved tie from `start` to `end` (quadratic Bézier bent by `bend`,
/// a fraction of its length), with an arrowhead at `end` when `arrow`.
fn curved_tie(
    painter: &egui::Painter,
    frame: &Frame,
    (start, end): (Pos2, Pos2),
    bend: f32,
    formality: Formality,
    weight: f32,
    arrow: bool,
) -> Vec<Pos2> {
    let chord = end - start;
    if chord.length() < frame.px(12.0) {
        return Vec::new();
    }
    let control = start + chord * 0.5 + vec2(-chord.y, chord.x) * bend;
    // Flattened to a tenth of a pixel: a gentle curve needs a dozen points
    // and a straight tie two, where a fixed count drew every tie with 41.
    let curve = QuadraticBezierShape::from_points_stroke(
        [start, control, end],
        false,
        Color32::TRANSPARENT,
        Stroke::NONE,
    );
    let mut cut = curve.flatten(Some(0.1));
    if arrow {
        trim_end(&mut cut, frame.px(10.0));
    }
    let width = 1.0 + 4.0 * weight;
    painter.add(Shape::line(
        cut.clone(),
        frame.stroke(width + 2.5, palette::MAP_HALO),
    ));
    painter.extend(tie_shapes(frame, &cut, formality, width));
    if arrow && let Some(&last) = cut.last() {
        let tip = last + (end - last).normalized() * (last.distance(end) - frame.px(3.0)).max(0.0);
        arrow_head(
            painter,
            tip,
            last,
            frame.px(8.0 + 5.0 * weight),
            palette::MAP_TIE,
        );
    }
    cut
}

/// Shortens the polyline `points` to end where it first comes within `gap` of
/// its end (room for an arrowhead).
fn trim_end(points: &mut Vec<Pos2>, gap: f32) {
    let Some(&end) = points.last() else { return };
    let mut inside = None;
    while points.len() > 1 && points.last().is_some_and(|p| p.distance(end) < gap) {
        inside = points.pop();
    }
    let (Some(q), Some(&p)) = (inside, points.last()) else {
        return;
    };
    // Where the segment from p (outside) to q (inside) crosses the circle:
    // the smaller root of |p + t·(q − p) − end|² = gap².
    let (d, f) = (q - p, p - end);
    let (a, b, c) = (d.dot(d), 2.0 * f.dot(d), f.dot(f) - gap * gap);
    if a > 0.0 {
        let t = (-b - (b * b - 4.0 * a * c).max(0.0).sqrt()) / (2.0 * a);
        points.push(p + d * t.clamp(0.0, 1.0));
    }
}

/// The most formal commitment among guarantors (for a bundled tie's style).
fn most_formal(formalities: impl Iterator<Item = Formality>) -> Formality {
    let rank = |f: &Formality| match f {
        Formality::RatifiedTreaty => 3,
        Formality::ExecutiveAgreement => 2,
        Formality::PoliticalDeclaration => 1,
        Formality::None => 0,
    };
    formalities.max_by_key(rank).unwrap_or(Formality::None)
}

/// Whether an arrangement's ties are bundled through a hub: many guarantors
/// and protected states (an alliance), so the map stays readable.
fn bundled(arrangement: &crate::scenario::Arrangement, targets: usize) -> bool {
    arrangement.guarantors.len() > 3 && arrangement.guarantors.len() * targets > 6
}

/// The protected states' anchors of an arrangement on screen.
fn targets_of(frame: &Frame, arrangement: &crate::scenario::Arrangement) -> Vec<Pos2> {
    arrangement
        .protected_states
        .iter()
        .filter_map(|p| anchor_of(p))
        .map(|[lon, lat]| frame.geo_to_screen(lon, lat))
        .collect()
}

/// The name tags of guarantors off the map, each at the map's edge where its
/// first tie leaves it, stacked where they would overlap: by guarantor.
fn edge_tags(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    inner: Rect,
    labels: &LabelPlacer,
) -> BTreeMap<String, (Rect, Arc<egui::Galley>)> {
    let mut wanted: Vec<(String, Pos2)> = Vec::new();
    for arrangement in &scenario.arrangements {
        let targets = targets_of(frame, arrangement);
        let toward: Vec<Pos2> = if bundled(arrangement, targets.len()) {
            mean(&targets).into_iter().collect()
        } else {
            targets
        };
        for g in &arrangement.guarantors {
            let Some([lon, lat]) = anchor_of(&g.state) else {
                continue;
            };
            let p = frame.geo_to_screen(lon, lat);
            if inner.contains(p) || wanted.iter().any(|(id, _)| *id == g.state) {
                continue;
            }
            if let Some(&t) = toward.first() {
                wanted.push((g.state.clone(), edge_point(inner, t, p)));
            }
        }
    }
    wanted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut placed: BTreeMap<String, (Rect, Arc<egui::Galley>)> = BTreeMap::new();
    let inside = frame.rect.shrink(frame.px(4.0));
    for (id, pos) in wanted {
        let name = Reference::get()
            .state(&id)
            .and_then(|s| s.figures.name.clone())
            .unwrap_or_else(|| id.clone());
        let galley = painter.layout_no_wrap(name, frame.font(11.5), Color32::WHITE);
        let size = galley.size() + frame.offset(12.0, 6.0);
        let rect = Rect::from_center_size(pos, size);
        let mut rect = rect.translate(vec2(
            (inside.left() - rect.left()).max(0.0) + (inside.right() - rect.right()).min(0.0),
            (inside.top() - rect.top()).max(0.0) + (inside.bottom() - rect.bottom()).min(0.0),
        ));
        // Tags of several off-map guarantors stack instead of overlapping,
        // and keep clear of the title box, legend and scale bar: along the
        // top or bottom edge they move sideways, along a side downwards
        // (and upwards once the bottom is reached). Their ties start from
        // where the tag ends up.
        let across = rect.top() <= inner.top() || rect.bottom() >= inner.bottom();
        let step = if across {
            vec2(size.x.min(frame.px(60.0)), 0.0)
        } else {
            vec2(0.0, size.y + frame.px(3.0))
        };
        let blocked = |r: Rect| {
            labels.under_box(r)
                || placed
                    .values()
                    .any(|(p, _)| p.expand(frame.px(1.0)).intersects(r))
        };
        let start = rect;
        for direction in [1.0, -1.0] {
            rect = start;
            while blocked(rect) && inside.contains_rect(rect) {
                rect = rect.translate(step * direction);
            }
            if !blocked(rect) && inside.contains_rect(rect) {
                break;
            }
        }
        if !inside.contains_rect(rect) {
            rect = start;
        }
        placed.insert(id, (rect, galley));
    }
    placed
}

/// Each arrangement's ties from its guarantors to the states it protects,
/// weighted by credibility (the engine's when `credibility` has it), bundled
/// through a hub for an alliance; a guarantor off the map gets a name tag at
/// its edge, and its ties start from the tag.
pub(super) fn ties(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    credibility: &BTreeMap<(String, String), f64>,
    labels: &mut LabelPlacer,
) -> Vec<DrawnTie> {
    let mut drawn = Vec::new();
    let inner = frame.rect.shrink(frame.px(24.0));
    let tags = edge_tags(painter, frame, scenario, inner, labels);
    let mut hubs: Vec<(Pos2, String)> = Vec::new();
    // A guarantor's anchor on screen, or its tag at the map's edge.
    let anchor = |id: &str| {
        if let Some((rect, _)) = tags.get(id) {
            return Some(rect.center());
        }
        let [lon, lat] = anchor_of(id)?;
        Some(frame.geo_to_screen(lon, lat))
    };
    for (ai, arrangement) in scenario.arrangements.iter().enumerate() {
        let weight_of = |g: &crate::scenario::Guarantor| {
            let engine = credibility
                .get(&(arrangement.id.clone(), g.state.clone()))
                .copied();
            tie_weight(g, engine).unwrap_or(0.0) as f32
        };
        let targets = targets_of(frame, arrangement);
        if bundled(arrangement, targets.len()) {
            // Thin lines from each guarantor into a hub and one arrow out of
            // it to each protected state.
            let Some(centre) = mean(&targets) else {
                continue;
            };
            let sources: Vec<(usize, &crate::scenario::Guarantor, Pos2)> = arrangement
                .guarantors
                .iter()
                .enumerate()
                .filter_map(|(gi, g)| Some((gi, g, anchor(&g.state)?)))
                .collect();
            let points: Vec<Pos2> = sources.iter().map(|(_, _, p)| *p).collect();
            let Some(from) = mean(&points) else { continue };
            let hub = from + (centre - from) * 0.45;
            for (gi, g, p) in &sources {
                let points = curved_tie(painter, frame, (*p, hub), 0.0, g.formality, 0.15, false);
                drawn.push(DrawnTie {
                    arrangement: ai,
                    guarantor: Some(*gi),
                    points,
                });
            }
            let weight = arrangement.guarantors.iter().map(weight_of).sum::<f32>()
                / arrangement.guarantors.len() as f32;
            let formality = most_formal(arrangement.guarantors.iter().map(|g| g.formality));
            for (i, t) in targets.iter().enumerate() {
                let side = if i % 2 == 0 { 0.12 } else { -0.12 };
                let points = curved_tie(painter, frame, (hub, *t), side, formality, weight, true);
                drawn.push(DrawnTie {
                    arrangement: ai,
                    guarantor: None,
                    points,
                });
            }
            hubs.push((hub, arrangement.name.clone()));
            continue;
        }
        for (gi, guarantor) in arrangement.guarantors.iter().enumerate() {
            let weight = weight_of(guarantor);
            let Some(start) = anchor(&guarantor.state) else {
                continue;
            };
            for &end in &targets {
                // A gentle curve; ties from several guarantors bend alternately.
                let side = if gi % 2 == 0 { 1.0 } else { -1.0 };
                let bend = (0.18 + 0.05 * (gi / 2) as f32) * side;
                let points = curved_tie(
                    painter,
                    frame,
                    (start, end),
                    bend,
                    guarantor.formality,
                    weight,
                    true,
                );
                drawn.push(DrawnTie {
                    arrangement: ai,
                    guarantor: Some(gi),
                    points,
                });
            }
        }
    }
    for (hub, name) in hubs {
        let galley = painter.layout_no_wrap(name, frame.font(11.0), Color32::WHITE);
        let rect = Rect::from_center_size(hub, galley.size() + frame.offset(10.0, 6.0));
        painter.rect(
            rect,
            frame.px(9.0),
            palette::MAP_TIE,
            frame.stroke(1.5, Color32::WHITE),
            StrokeKind::Outside,
        );
        painter.galley(rect.min + frame.offset(5.0, 3.0), galley, Color32::WHITE);
        labels.block(rect);
    }
    for (rect, galley) in tags.into_values() {
        painter.rect_filled(rect, frame.px(3.0), palette::MAP_TIE);
        painter.galley(rect.min + frame.offset(6.0, 3.0), galley, Color32::WHITE);
        labels.block(rect);
    }
    drawn
}

/// A tie as drawn, for the pointer to find: whose it is and its line on
/// screen.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct DrawnTie {
    /// The arrangement's index.
    pub arrangement: usize,
    /// The guarantor's index in it; none for a bundle's arrow out of its hub.
    pub guarantor: Option<usize>,
    /// The line on screen.
    pub points: Vec<Pos2>,
}

/// The forces stationed or pledged near one place on screen, drawn as one
/// column of markers (places closer than a column's width share one).
struct ForceStack {
    /// Where the place is on screen.
    anchor: Pos2,
    /// Each unit: present (true) or pledged, its arrival day, which it is,
    /// and its symbol.
    units: Vec<(bool, f64, UnitRef, Symbol)>,
}

/// The scenario's forces gathered into stacks by place, each stack's present
/// units first, then the pledged ones by arrival.
fn force_stacks(frame: &Frame, scenario: &Scenario) -> Vec<ForceStack> {
    let join = frame.px(36.0);
    let mut stacks: Vec<ForceStack> = Vec::new();
    for (id, unit) in every_unit(scenario) {
        let at = unit
            .position
            .map(|p| [p.lon, p.lat])
            .or_else(|| anchor_of(&unit.stationed_in));
        let Some([lon, lat]) = at else { continue };
        let p = frame.geo_to_screen(lon, lat);
        let entry = (
            unit.is_present(),
            unit.arrival_days,
            id,
            friend_symbol(unit),
        );
        match stacks.iter_mut().find(|s| s.anchor.distance(p) < join) {
            Some(stack) => stack.units.push(entry),
            None => stacks.push(ForceStack {
                anchor: p,
                units: vec![entry],
            }),
        }
    }
    for stack in &mut stacks {
        stack
            .units
            .sort_by(|a, b| b.0.cmp(&a.0).then(a.1.total_cmp(&b.1)));
    }
    stacks
}

/// A column of unit markers under each place where guarantor forces are
/// stationed or pledged (three at most, the rest counted). Columns keep clear
/// of each other, of capitals' dots and of the title box, legend and scale bar,
/// and of the labels placed before them where they can: one that cannot sit
/// under its place moves a column width aside, with a leader line back to it.
/// Labels placed later keep clear of the markers. Returns each marker drawn
/// with its unit, for the pointer to take hold of.
pub(super) fn forces(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    labels: &mut LabelPlacer,
) -> Vec<(UnitRef, Rect)> {
    let mut markers = Vec::new();
    let mut stacks = force_stacks(frame, scenario);
    stacks.sort_by(|a, b| a.anchor.y.total_cmp(&b.anchor.y));
    let mut taken: Vec<Rect> = capital_dots(frame);
    let held = held_ring(scenario);
    for stack in stacks {
        let Some(shift) = column_shift(frame, held.as_deref(), &stack, &taken, labels) else {
            continue;
        };
        taken.push(column_rect(frame, &stack, shift));
        let top = stack.anchor + vec2(shift, 0.0);
        if shift != 0.0 {
            painter.line_segment(
                [stack.anchor, top + frame.offset(0.0, 11.0)],
                frame.stroke(1.0, palette::MAP_TIE),
            );
        }
        draw_column(painter, frame, &stack, top, labels, &mut markers);
    }
    markers
}

/// The dots of the capitals on screen, which force columns keep clear of.
fn capital_dots(frame: &Frame) -> Vec<Rect> {
    super::places::CITIES
        .iter()
        .filter(|c| c.capital)
        .map(|c| frame.geo_to_screen(c.lon, c.lat))
        .filter(|p| frame.rect.contains(*p))
        .map(|p| Rect::from_center_size(p, Vec2::splat(frame.px(9.0))))
        .collect()
}

/// The rows a stack's column shows: up to three markers, and a count of the rest.
fn column_rows(stack: &ForceStack) -> usize {
    stack.units.len().min(3) + usize::from(stack.units.len() > 3)
}

/// The area of a stack's column moved `shift` points sideways: the markers
/// and room for their arrival days to the right.
fn column_rect(frame: &Frame, stack: &ForceStack, shift: f32) -> Rect {
    let top = stack.anchor + vec2(shift, 0.0);
    let rows = column_rows(stack) as f32;
    Rect::from_min_max(
        top + frame.offset(-11.0, 11.0),
        top + frame.offset(11.0 + 36.0, 11.0 + 17.0 * rows),
    )
}

/// How far sideways a stack's column must move to be clear of `taken`, of
/// the labels placed so far and of the boxes: under its place if it can be,
/// else a column width to the right or left, with a leader line to its place
/// (further would put forces in another country). If none is free of labels,
/// the first clear of `taken` and the boxes alone; then under its place if
/// its markers are clear of the boxes (their arrival days can go to their
/// left); `None` if they are not.
fn column_shift(
    frame: &Frame,
    held: Option<&[[f32; 2]]>,
    stack: &ForceStack,
    taken: &[Rect],
    labels: &LabelPlacer,
) -> Option<f32> {
    let step = frame.px(62.0); // a column with its arrival days, and a gap
    // Moved aside only within the ground its place is on (or offshore): not
    // into another country or the area the adversary holds.
    let shifts: Vec<f32> = [0.0, step, -step]
        .into_iter()
        .filter(|&shift| shift == 0.0 || on_home_ground(frame, held, stack, shift))
        .collect();
    let clear = |shift: &f32| {
        let rect = column_rect(frame, stack, *shift);
        !taken.iter().any(|t| t.intersects(rect)) && !labels.under_box(rect)
    };
    let free = |shift: &&f32| clear(shift) && labels.is_free(column_rect(frame, stack, **shift));
    shifts
        .iter()
        .find(free)
        .or_else(|| shifts.iter().find(|s| clear(s)))
        .copied()
        .or_else(|| {
            // The markers alone: their arrival days can go to the left.
            let markers = column_rect(frame, stack, 0.0);
            let markers = markers.with_max_x(markers.min.x + frame.px(22.0));
            (!labels.under_box(markers)).then_some(0.0)
        })
}

/// Whether a stack's column moved `shift` points aside stands on the same
/// ground as its place: its first and last markers in the same country (or
/// offshore, with the leader line back), and not in another country or the
/// area the adversary holds.
fn on_home_ground(
    frame: &Frame,
    held: Option<&[[f32; 2]]>,
    stack: &ForceStack,
    shift: f32,
) -> bool {
    let data = Geodata::get();
    let country_at = |p: Pos2| {
        let [x, y] = frame.to_map(p);
        data.country_at_xy([x as f32, y as f32]).map(|c| c.id)
    };
    let home = country_at(stack.anchor);
    let rows = column_rows(stack).max(1) as f32;
    [0.0, rows - 1.0].into_iter().all(|n| {
        let p = stack.anchor + vec2(shift, 0.0) + frame.offset(0.0, 18.0 + 17.0 * n);
        let [lon, lat] = frame.to_geo(p);
        let in_held =
            home == Some("UKR") && held.is_some_and(|ring| inside(ring, [lon as f32, lat as f32]));
        let here = country_at(p);
        home.is_some() && (here == home || here.is_none()) && !in_held
    })
}

/// Draws a stack's column of markers starting under `top`, each marker's
/// arrival day to its right (or left, if a box lies to the right).
fn draw_column(
    painter: &egui::Painter,
    frame: &Frame,
    stack: &ForceStack,
    top: Pos2,
    labels: &mut LabelPlacer,
    markers: &mut Vec<(UnitRef, Rect)>,
) {
    for (n, &(present, days, id, symbol)) in stack.units.iter().take(3).enumerate() {
        let centre = top + frame.offset(0.0, 18.0 + 17.0 * n as f32);
        let day = (!present).then_some(days);
        let sides = [Side::Right, Side::Left].map(|side| {
            let rect = marker_rect(painter, frame, centre, day.map(|d| (d, side)));
            (side, rect)
        });
        let Some(&(side, rect)) = sides.iter().find(|(_, r)| !labels.under_box(*r)) else {
            continue;
        };
        if frame.rect.contains(centre) {
            unit_marker(painter, frame, centre, symbol, day.map(|d| (d, side)));
            labels.block(rect);
            markers.push((id, marker_box(frame, centre)));
        }
    }
    if stack.units.len() > 3 {
        let p = top + frame.offset(-11.0, 18.0 + 17.0 * 3.0 - 7.0);
        let text = format!("+{} more", stack.units.len() - 3);
        let galley = painter.layout_no_wrap(text, frame.font(10.5), palette::MAP_TIE);
        let rect = Rect::from_min_size(p, galley.size());
        if frame.rect.contains_rect(rect) && !labels.under_box(rect) {
            halo_galley(painter, frame, rect.min, galley, palette::MAP_TIE);
            labels.block(rect);
        }
    }
}

/// Which side of its marker a pledged unit's arrival day is written on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Side {
    /// To the right of the marker.
    Right,
    /// To the left of the marker.
    Left,
}

/// The box of a unit marker at `centre`.
fn marker_box(frame: &Frame, centre: Pos2) -> Rect {
    Rect::from_center_size(centre, frame.offset(22.0, 14.0))
}

/// Where a marker's arrival day goes: beside `marker` on `side`.
fn arrival_anchor(frame: &Frame, marker: Rect, side: Side) -> (Pos2, Align2) {
    match side {
        Side::Right => (
            marker.right_center() + frame.offset(4.0, 0.0),
            Align2::LEFT_CENTER,
        ),
        Side::Left => (
            marker.left_center() - frame.offset(4.0, 0.0),
            Align2::RIGHT_CENTER,
        ),
    }
}

/// What a unit marker at `centre` covers: its box, and its arrival day on the
/// given side when it has one.
fn marker_rect(
    painter: &egui::Painter,
    frame: &Frame,
    centre: Pos2,
    day: Option<(f64, Side)>,
) -> Rect {
    let marker = marker_box(frame, centre);
    match day {
        Some((days, side)) => {
            let galley =
                painter.layout_no_wrap(arrival_label(days), frame.font(10.5), palette::MAP_TIE);
            let (pos, anchor) = arrival_anchor(frame, marker, side);
            marker.union(anchor.anchor_size(pos, galley.size()))
        }
        None => marker,
    }
}

/// A pledged unit's arrival day, as its marker shows it.
fn arrival_label(days: f64) -> String {
    format!("D+{days:.0}")
}

/// A guarantor's unit as a friendly symbol: its kind, its echelon by its
/// troops, a dashed frame while it is pledged rather than present.
pub(super) fn friend_symbol(unit: &crate::scenario::ForceCommitment) -> Symbol {
    Symbol {
        affiliation: Affiliation::Friend,
        kind: unit.kind,
        echelon: Echelon::of(unit.kind, unit.troops),
        planned: !unit.is_present(),
    }
}

/// Height of a unit symbol's frame on the map, workspace points (its
/// echelon mark above still fits the marker's box).
const SYMBOL_HEIGHT: f32 = 11.5;

/// A unit's APP-6 symbol (see [`super::symbols`]) in its marker's box at
/// `centre`, with its arrival day (on the side given) when pledged.
pub(super) fn unit_marker(
    painter: &egui::Painter,
    frame: &Frame,
    centre: Pos2,
    symbol: Symbol,
    day: Option<(f64, Side)>,
) {
    let rect = marker_box(frame, centre);
    let height = frame.px(SYMBOL_HEIGHT);
    // The frame and the mark above it, centred in the box.
    let bounds = symbol.bounds(Pos2::ZERO, height);
    let frame_centre = centre - bounds.center().to_vec2();
    symbol.paint(painter, frame_centre, height, true);
    if let (true, Some((days, side))) = (symbol.planned, day) {
        let (pos, anchor) = arrival_anchor(frame, rect, side);
        halo_text(
            painter,
            frame,
            pos,
            anchor,
            &arrival_label(days),
            frame.font(10.5),
            palette::MAP_TIE,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::pos2;

    #[test]
    fn a_tie_ends_an_arrowhead_short_of_its_end() {
        let mut straight = vec![pos2(0.0, 0.0), pos2(100.0, 0.0)];
        trim_end(&mut straight, 10.0);
        assert_eq!(straight, [pos2(0.0, 0.0), pos2(90.0, 0.0)]);

        let curve = QuadraticBezierShape::from_points_stroke(
            [pos2(0.0, 0.0), pos2(50.0, 40.0), pos2(100.0, 0.0)],
            false,
            Color32::TRANSPARENT,
            Stroke::NONE,
        );
        let mut points = curve.flatten(Some(0.1));
        let end = pos2(100.0, 0.0);
        trim_end(&mut points, 10.0);
        let last = *points.last().expect("points left");
        assert!((last.distance(end) - 10.0).abs() < 1e-3, "{last:?}");
        assert!(points.iter().all(|p| p.distance(end) >= 10.0 - 1e-3));
    }
}
