//! The marks on the axes of advance where the engine changes the campaign,
//! each at its share of the route (as the axis's arrow is drawn straight
//! while the route winds), with its name beside it: river crossings, a blue
//! bar across the axis (crossed out where the bridges are blown), and the
//! defence lines behind the front, a dark bar with teeth toward the attack.

use std::borrow::Cow;

use egui::{Align2, Pos2, Vec2, vec2};

use crate::kit::palette;
use crate::scenario::{Axis, Bridges, GeoPoint, Scenario, axes};

use super::frame::Frame;
use super::labels::{LabelPlacer, first_free};
use super::projection::intermediate;

/// Draws a crossing's symbol at `centre`, across an axis running along
/// `along` (screen direction); `blown` adds the cross.
pub(super) fn crossing_marker(
    painter: &egui::Painter,
    frame: &Frame,
    centre: Pos2,
    along: Vec2,
    blown: bool,
) {
    let dir = along.normalized();
    let across = vec2(-dir.y, dir.x) * frame.px(11.0);
    let bar = [centre - across, centre + across];
    painter.line_segment(bar, frame.stroke(7.5, palette::MAP_HALO));
    painter.line_segment(bar, frame.stroke(4.0, palette::MAP_COAST));
    if blown {
        let d = frame.px(5.0);
        for (a, b) in [(vec2(-d, -d), vec2(d, d)), (vec2(-d, d), vec2(d, -d))] {
            painter.line_segment(
                [centre + a, centre + b],
                frame.stroke(4.5, palette::MAP_HALO),
            );
            painter.line_segment(
                [centre + a, centre + b],
                frame.stroke(2.2, palette::MAP_TEXT),
            );
        }
    }
}

/// Draws a defence line's symbol at `centre`, across an axis running along
/// `along` (screen direction, toward the objective): a bar with teeth on
/// the side the attack comes from, as a defended line is drawn on
/// operations maps.
pub(super) fn defence_line_marker(
    painter: &egui::Painter,
    frame: &Frame,
    centre: Pos2,
    along: Vec2,
) {
    let dir = along.normalized();
    let across = vec2(-dir.y, dir.x);
    let half = across * frame.px(13.0);
    let bar = [centre - half, centre + half];
    painter.line_segment(bar, frame.stroke(7.0, palette::MAP_HALO));
    painter.line_segment(bar, frame.stroke(3.5, palette::MAP_TEXT));
    for k in [-2.0f32, -1.0, 0.0, 1.0, 2.0] {
        let foot = centre + across * frame.px(5.5 * k);
        let tooth = [foot, foot - dir * frame.px(6.0)];
        painter.line_segment(tooth, frame.stroke(2.2, palette::MAP_TEXT));
    }
}

/// Where on screen `point` (a crossing, a line) is drawn: on `axis`'s arrow
/// at the share of the route the engine places it at, with the arrow's
/// direction there.
pub(super) fn on_axis(frame: &Frame, axis: &Axis, point: GeoPoint) -> (Pos2, Vec2) {
    let (a, b) = (
        [axis.start.point.lon, axis.start.point.lat],
        [axis.objective.point.lon, axis.objective.point.lat],
    );
    let (share, _) = axes::along_route(axis, point);
    let share = share.clamp(0.0, 1.0);
    let at = |t: f64| {
        let [lon, lat] = intermediate(a, b, t.clamp(0.0, 1.0));
        frame.geo_to_screen(lon, lat)
    };
    (at(share), at(share + 0.01) - at(share - 0.01))
}

/// Every axis's river crossings and defence lines, across its arrow.
pub(super) fn route_marks(painter: &egui::Painter, frame: &Frame, scenario: &Scenario) {
    for axis in &scenario.axes {
        for line in &axis.defence_lines {
            let (centre, along) = on_axis(frame, axis, line.point);
            if along.length() >= 0.01 {
                defence_line_marker(painter, frame, centre, along);
            }
        }
        for river in &axis.river_crossings {
            let (centre, along) = on_axis(frame, axis, river.point);
            if along.length() < 0.01 {
                continue;
            }
            let blown = river.bridges == Some(Bridges::Blown);
            crossing_marker(painter, frame, centre, along, blown);
        }
    }
}

/// Each mark's name beside its symbol, where there is room (its axis's card
/// and the Axes tab name it anyway); a defence line's with its share of the
/// defence.
pub(super) fn route_mark_labels(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    labels: &mut LabelPlacer,
) {
    for axis in &scenario.axes {
        let rivers = axis
            .river_crossings
            .iter()
            .map(|r| (r.point, Cow::from(&r.name), palette::MAP_RIVER_TEXT));
        let lines = axis.defence_lines.iter().map(|l| {
            let name = format!("{} · {:.0}%", l.name, 100.0 * l.share);
            (l.point, Cow::from(name), palette::MAP_TEXT)
        });
        for (point, name, colour) in rivers.chain(lines) {
            let (p, _) = on_axis(frame, axis, point);
            let candidates = [
                (p + frame.offset(14.0, 0.0), Align2::LEFT_CENTER),
                (p + frame.offset(-14.0, 0.0), Align2::RIGHT_CENTER),
                (p + frame.offset(0.0, -14.0), Align2::CENTER_BOTTOM),
                (p + frame.offset(0.0, 14.0), Align2::CENTER_TOP),
            ];
            first_free(
                painter,
                frame,
                labels,
                &candidates,
                &name,
                frame.font(10.5),
                colour,
                false,
            );
        }
    }
}

/// A mark on an axis's route, by index: a river crossing or a defence line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RouteMark {
    /// `river_crossings[i]`.
    River(usize),
    /// `defence_lines[i]`.
    Line(usize),
}

/// The mark (axis index, which mark) drawn within `reach` points of `pos`,
/// nearest first.
pub(super) fn mark_at(
    frame: &Frame,
    scenario: &Scenario,
    pos: Pos2,
    reach: f32,
) -> Option<(usize, RouteMark)> {
    let marks = scenario.axes.iter().enumerate().flat_map(|(i, axis)| {
        points(axis).map(move |(mark, point)| (i, mark, on_axis(frame, axis, point).0))
    });
    marks
        .filter(|(_, _, at)| at.distance(pos) <= frame.px(reach))
        .min_by(|a, b| a.2.distance(pos).total_cmp(&b.2.distance(pos)))
        .map(|(i, mark, _)| (i, mark))
}

/// Moves `mark` of axis `axis` to `geo` (lon, lat), rounded to 0.001°; it is
/// then drawn, and met by the engine, at its share of the route.
pub(super) fn move_mark(scenario: &mut Scenario, (axis, mark): (usize, RouteMark), geo: [f64; 2]) {
    let round = |v: f64| (v * 1e3).round() / 1e3;
    let point = GeoPoint {
        lon: round(geo[0]),
        lat: round(geo[1]),
    };
    let Some(axis) = scenario.axes.get_mut(axis) else {
        return;
    };
    let slot = match mark {
        RouteMark::River(i) => axis.river_crossings.get_mut(i).map(|r| &mut r.point),
        RouteMark::Line(i) => axis.defence_lines.get_mut(i).map(|l| &mut l.point),
    };
    if let Some(slot) = slot {
        *slot = point;
    }
}

/// Where on screen `mark` of axis `axis` is drawn, if it exists.
pub(super) fn mark_on_screen(
    frame: &Frame,
    scenario: &Scenario,
    (axis, mark): (usize, RouteMark),
) -> Option<Pos2> {
    let a = scenario.axes.get(axis)?;
    let (_, point) = points(a).find(|(m, _)| *m == mark)?;
    Some(on_axis(frame, a, point).0)
}

/// Every mark on `axis`'s route with the point it stands for.
fn points(axis: &Axis) -> impl Iterator<Item = (RouteMark, GeoPoint)> + '_ {
    let rivers = axis.river_crossings.iter().enumerate();
    let rivers = rivers.map(|(r, x)| (RouteMark::River(r), x.point));
    let lines = axis.defence_lines.iter().enumerate();
    rivers.chain(lines.map(|(l, x)| (RouteMark::Line(l), x.point)))
}
