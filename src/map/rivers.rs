//! The river crossings on the axes of advance: a blue bar across the axis
//! where the engine halts the attack (the crossing's share of the route, as
//! the axis's arrow is drawn straight while the route winds), crossed out
//! where the bridges are blown, and the river's name beside it.

use egui::{Align2, Pos2, Vec2, vec2};

use crate::kit::palette;
use crate::scenario::{Axis, Bridges, RiverCrossing, Scenario, axes};

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

/// Where on screen `river` is drawn: on `axis`'s arrow at the share of the
/// route the engine halts at, with the arrow's direction there.
fn on_axis(frame: &Frame, axis: &Axis, river: &RiverCrossing) -> (Pos2, Vec2) {
    let (a, b) = (
        [axis.start.point.lon, axis.start.point.lat],
        [axis.objective.point.lon, axis.objective.point.lat],
    );
    let (share, _) = axes::along_route(axis, river.point);
    let share = share.clamp(0.0, 1.0);
    let at = |t: f64| {
        let [lon, lat] = intermediate(a, b, t.clamp(0.0, 1.0));
        frame.geo_to_screen(lon, lat)
    };
    (at(share), at(share + 0.01) - at(share - 0.01))
}

/// Every axis's river crossings, across its arrow.
pub(super) fn river_crossings(painter: &egui::Painter, frame: &Frame, scenario: &Scenario) {
    for axis in &scenario.axes {
        for river in &axis.river_crossings {
            let (centre, along) = on_axis(frame, axis, river);
            if along.length() < 0.01 {
                continue;
            }
            let blown = river.bridges == Some(Bridges::Blown);
            crossing_marker(painter, frame, centre, along, blown);
        }
    }
}

/// Each crossing's name beside its symbol, where there is room (its axis's
/// card and the Axes tab name it anyway).
pub(super) fn river_labels(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    labels: &mut LabelPlacer,
) {
    let crossings = scenario
        .axes
        .iter()
        .flat_map(|a| a.river_crossings.iter().map(move |r| (a, r)));
    for (axis, river) in crossings {
        let (p, _) = on_axis(frame, axis, river);
        let candidates = [
            (p + frame.offset(12.0, 0.0), Align2::LEFT_CENTER),
            (p + frame.offset(-12.0, 0.0), Align2::RIGHT_CENTER),
            (p + frame.offset(0.0, -12.0), Align2::CENTER_BOTTOM),
            (p + frame.offset(0.0, 12.0), Align2::CENTER_TOP),
        ];
        first_free(
            painter,
            frame,
            labels,
            &candidates,
            &river.name,
            frame.font(10.5),
            palette::MAP_COAST,
            false,
        );
    }
}
