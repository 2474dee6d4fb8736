//! The map's "Axes" tool: drawing an axis of advance (click its start, then
//! its objective), dragging either end or a river crossing or defence line
//! on it, and removing an axis (right-click an end). Each change is a whole new document, which the app applies as one
//! undoable edit: a drag is one undo step however long it lasts.

use egui::{Color32, Pos2, Response, Ui};

use crate::kit::palette;
use crate::scenario::axes::{AxisEnd, axis_between, move_axis_end, remove_axis};
use crate::scenario::{Scenario, reference};

use super::editing::{
    Grab, MapEdit, Putting, RemoveMenu, place_at, rubber_band, state_at, tool_hint,
};
use super::frame::Frame;
use super::projection::distance_km;
use super::route_marks::{RouteMark, mark_at, mark_on_screen, move_mark};

/// Undo group of an axis end's drag; each drag adds its own count, so two
/// drags are two undo steps while the frames of one merge into one.
const AXIS_DRAG_GROUP: u64 = 0x6178_6973_0000_0000;
/// Undo group of a river crossing's or defence line's drag.
const MARK_DRAG_GROUP: u64 = 0x6d61_726b_0000_0000;

/// How close to an axis's end the pointer must be to take hold of it, points.
const GRIP_PX: f32 = 11.0;

/// The tool's state between frames.
#[derive(Default)]
pub(super) struct AxisEditing {
    /// The start clicked, waiting for the objective (lon, lat).
    pending: Option<[f64; 2]>,
    /// The end being dragged.
    drag: Grab<(usize, AxisEnd)>,
    /// The river crossing or defence line being dragged.
    mark: Grab<(usize, RouteMark)>,
    /// The context menu removing the axis whose end was right-clicked.
    menu: RemoveMenu<usize>,
}

impl AxisEditing {
    /// Forgets a half-drawn axis and any drag (another tab, another tool).
    pub(super) fn cancel(&mut self) {
        self.pending = None;
        self.drag.release();
        self.mark.release();
        self.menu.clear();
    }

    /// Whether an axis end or a mark on an axis is being dragged (the map
    /// then does not pan).
    pub(super) fn dragging(&self) -> bool {
        self.drag.held().is_some() || self.mark.held().is_some()
    }

    /// Whether a start has been clicked and the objective is awaited.
    pub(super) fn drawing(&self) -> bool {
        self.pending.is_some()
    }

    /// Handles the pointer on the map for this frame: a drag on an axis's end
    /// moves it, a click draws, a right-click on an end offers removal.
    pub(super) fn input(
        &mut self,
        ui: &Ui,
        response: &Response,
        frame: &Frame,
        scenario: &Scenario,
    ) -> Option<MapEdit> {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.pending = None;
        }
        self.drag
            .update(ui, response, |p| end_at(frame, scenario, p));
        let mut edit = None;
        if let Some((index, end)) = self.drag.held()
            && response.dragged()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let mut draft = scenario.clone();
            move_axis_end(&mut draft, index, end, place_at(frame.to_geo(pos)));
            edit = Some(MapEdit {
                scenario: draft,
                group: self.drag.group(AXIS_DRAG_GROUP),
                report: None,
            });
        }
        // An axis's ends come first where a mark lies on one.
        let free = |p| end_at(frame, scenario, p).is_none();
        self.mark.update(ui, response, |p| {
            mark_at(frame, scenario, p, GRIP_PX).filter(|_| free(p))
        });
        if let Some(held) = self.mark.held()
            && response.dragged()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let mut draft = scenario.clone();
            move_mark(&mut draft, held, frame.to_geo(pos));
            edit = Some(MapEdit {
                scenario: draft,
                group: self.mark.group(MARK_DRAG_GROUP),
                report: None,
            });
        }
        if response.drag_stopped() {
            self.drag.release();
            self.mark.release();
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
            && free(pos)
            && mark_at(frame, scenario, pos, GRIP_PX).is_none()
        {
            edit = edit.or_else(|| self.click(frame.to_geo(pos), scenario));
        }
        let removed = self.menu.show(
            response,
            |pos| end_at(frame, scenario, pos).map(|(index, _)| index),
            |i| Some(format!("Remove axis “{}”", scenario.axes.get(i)?.name)),
            "Right-click an axis's start or objective to remove the axis",
        );
        edit.or_else(|| {
            let index = removed?;
            let mut draft = scenario.clone();
            let name = draft.axes[index].name.clone();
            remove_axis(&mut draft, index);
            Some(MapEdit {
                scenario: draft,
                group: None,
                report: Some(format!("Removed the axis “{name}” (Undo brings it back)")),
            })
        })
    }

    /// A click: the start, or with a start waiting, the objective, which
    /// makes the axis into the state it lies in.
    fn click(&mut self, geo: [f64; 2], scenario: &Scenario) -> Option<MapEdit> {
        let Some(start) = self.pending else {
            self.pending = Some(geo);
            return None;
        };
        if distance_km(start, geo) < 5.0 {
            return None;
        }
        self.pending = None;
        let report = match state_at(scenario, geo, Putting::Objective) {
            Ok(defender) => {
                let mut draft = scenario.clone();
                let axis = axis_between(&draft, &defender, place_at(start), place_at(geo));
                let message = format!(
                    "Added the axis “{}” into {} ({:.0} km): its other figures are in the Axes tab",
                    axis.name,
                    reference::state_name(scenario, &defender),
                    crate::scenario::axes::route_km(&axis),
                );
                draft.axes.push(axis);
                return Some(MapEdit {
                    scenario: draft,
                    group: None,
                    report: Some(message),
                });
            }
            Err(why) => why,
        };
        Some(MapEdit {
            scenario: scenario.clone(),
            group: None,
            report: Some(report),
        })
    }

    /// Says what the next click does, at the top of the map.
    pub(super) fn hint(&self, painter: &egui::Painter, frame: &Frame) {
        let text = if self.drawing() {
            "Now click the objective, in the state attacked (Esc cancels)"
        } else {
            "New axis: click its start · drag an end, a river or a defence line to move it · right-click an end to remove"
        };
        tool_hint(painter, frame, text);
    }

    /// Paints the handles on every axis's ends and the axis being drawn,
    /// from its start to the pointer.
    pub(super) fn paint(
        &self,
        painter: &egui::Painter,
        frame: &Frame,
        scenario: &Scenario,
        pointer: Option<Pos2>,
    ) {
        let grip = pointer.and_then(|p| end_at(frame, scenario, p));
        for (i, axis) in scenario.axes.iter().enumerate() {
            for (end, place) in [
                (AxisEnd::Start, &axis.start),
                (AxisEnd::Objective, &axis.objective),
            ] {
                let at = frame.geo_to_screen(place.point.lon, place.point.lat);
                let held = grip == Some((i, end)) || self.drag.held() == Some((i, end));
                let r = frame.px(if held { 8.0 } else { 6.0 });
                painter.circle(
                    at,
                    r,
                    Color32::from_white_alpha(150),
                    frame.stroke(2.5, palette::MAP_TOOL),
                );
            }
        }
        let over = self.mark.held().or_else(|| {
            let p = pointer?;
            mark_at(frame, scenario, p, GRIP_PX).filter(|_| grip.is_none())
        });
        if let Some(at) = over.and_then(|m| mark_on_screen(frame, scenario, m)) {
            painter.circle_stroke(at, frame.px(13.0), frame.stroke(2.5, palette::MAP_TOOL));
        }
        if let Some(start) = self.pending {
            rubber_band(
                painter,
                frame,
                frame.geo_to_screen(start[0], start[1]),
                pointer,
            );
        }
    }
}

/// The axis end (index, which end) within reach of `pos`, nearest first.
fn end_at(frame: &Frame, scenario: &Scenario, pos: Pos2) -> Option<(usize, AxisEnd)> {
    scenario
        .axes
        .iter()
        .enumerate()
        .flat_map(|(i, axis)| {
            [
                (i, AxisEnd::Start, axis.start.point),
                (i, AxisEnd::Objective, axis.objective.point),
            ]
        })
        .map(|(i, end, p)| (i, end, frame.geo_to_screen(p.lon, p.lat)))
        .filter(|(_, _, at)| at.distance(pos) <= frame.px(GRIP_PX))
        .min_by(|a, b| a.2.distance(pos).total_cmp(&b.2.distance(pos)))
        .map(|(i, end, _)| (i, end))
}
