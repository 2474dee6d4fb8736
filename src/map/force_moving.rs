//! Moving a guarantor's unit by pointer: with the Select tool, drag its
//! marker and drop it on a place. It then stands there (on a city of the map
//! within snapping distance, named after it) in the state it was dropped in;
//! the drop is one undoable edit.

use egui::{Color32, CursorIcon, Pos2, Rect, Response, Shape, Ui};

use crate::kit::palette;
use crate::scenario::placing::{UnitRef, move_unit};
use crate::scenario::{Scenario, reference};

use super::editing::{Grab, MapEdit, Putting, place_at, state_at};
use super::frame::Frame;
use super::guarantors::{friend_symbol, unit_marker};

/// The tool's state between frames: the unit taken hold of, if any.
#[derive(Default)]
pub(super) struct ForceMoving {
    /// The unit being dragged and where its marker was.
    drag: Grab<(UnitRef, Rect)>,
}

impl ForceMoving {
    /// Lets go of a unit being dragged (another tab, another tool).
    pub(super) fn cancel(&mut self) {
        self.drag.release();
    }

    /// Whether a unit is being dragged (the map then does not pan).
    pub(super) fn dragging(&self) -> bool {
        self.drag.held().is_some()
    }

    /// Handles the pointer for this frame: a drag that starts on a unit's
    /// marker moves the unit where it is dropped. `markers` are the markers
    /// drawn in the last frame, with their units.
    pub(super) fn input(
        &mut self,
        ui: &Ui,
        response: &Response,
        frame: &Frame,
        scenario: &Scenario,
        markers: &[(UnitRef, Rect)],
    ) -> Option<MapEdit> {
        let over = |pos: Pos2| marker_at(markers, pos);
        self.drag.update(ui, response, over);
        if self.drag.held().is_some() {
            ui.ctx().set_cursor_icon(CursorIcon::Grabbing);
        } else if response.hover_pos().and_then(over).is_some() {
            ui.ctx().set_cursor_icon(CursorIcon::Grab);
        }
        if !response.drag_stopped() {
            return None;
        }
        let (unit, _) = self.drag.held()?;
        self.drag.release();
        let pos = response
            .interact_pointer_pos()
            .or_else(|| ui.input(|i| i.pointer.latest_pos()))?;
        Some(drop_unit(scenario, unit, frame.to_geo(pos)))
    }

    /// Paints the unit being dragged under the pointer, with a dashed line
    /// back to where it stood.
    pub(super) fn paint(
        &self,
        painter: &egui::Painter,
        frame: &Frame,
        scenario: &Scenario,
        pointer: Option<Pos2>,
    ) {
        let (Some((unit, from)), Some(to)) = (self.drag.held(), pointer) else {
            return;
        };
        let Some(unit) = unit.get(scenario) else {
            return;
        };
        painter.add(Shape::dashed_line(
            &[from.center(), to],
            frame.stroke(2.0, palette::MAP_TOOL),
            frame.px(8.0),
            frame.px(5.0),
        ));
        painter.rect_filled(from, frame.px(1.0), Color32::from_white_alpha(90));
        unit_marker(painter, frame, to, friend_symbol(unit), None);
    }
}

/// The unit whose marker (of those drawn, `markers`) lies under `pos`, and
/// where the marker is: for dragging it and for its hover card alike.
pub(super) fn marker_at(markers: &[(UnitRef, Rect)], pos: Pos2) -> Option<(UnitRef, Rect)> {
    markers
        .iter()
        .find(|(_, rect)| rect.expand(2.0).contains(pos))
        .copied()
}

/// The document with `unit` dropped at `geo` (lon, lat), or unchanged with
/// the reason on the status line when it cannot stand there.
fn drop_unit(scenario: &Scenario, unit: UnitRef, geo: [f64; 2]) -> MapEdit {
    let refused = |why: String| MapEdit {
        scenario: scenario.clone(),
        group: None,
        report: Some(why),
    };
    let state = match state_at(scenario, geo, Putting::Unit) {
        Ok(state) => state,
        Err(why) => return refused(why),
    };
    let place = place_at(geo);
    let mut draft = scenario.clone();
    let Some(moved) = move_unit(&mut draft, unit, &state, &place) else {
        return refused("That unit is no longer in the scenario".into());
    };
    let mut report = format!(
        "Moved “{}” to {}, {} (Undo moves it back)",
        moved.label,
        place.name,
        reference::state_name(scenario, &state)
    );
    if let Some(axis) = moved.axis_dropped {
        report.push_str(&format!(
            "; it no longer fights on the axis “{axis}”, which leads into another state"
        ));
    }
    MapEdit {
        scenario: draft,
        group: None,
        report: Some(report),
    }
}
