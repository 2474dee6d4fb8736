//! The map's "Edit line" tool: the settlement line / line of control edited
//! by its vertices. Drag a vertex to move it, click on the line to add one,
//! Shift+click beside it to extend the line from its nearer end, right-click
//! a vertex to delete it; with no line, two clicks draw one. A preset line
//! becomes a custom line at its first edit. Each change is one undo step (a
//! drag however long it lasts).

use egui::{Color32, Pos2, Response, Ui};

use crate::kit::palette;
use crate::scenario::settlement::{LineEdit, edit_line};
use crate::scenario::{GeoPoint, Scenario};

use super::editing::{Grab, MapEdit, RemoveMenu, rubber_band, tool_hint};
use super::frame::Frame;
use super::hover::nearest_segment;
use super::overlays::settlement_vertices;

/// Undo group of a vertex's drag; each drag adds its own count.
const LINE_DRAG_GROUP: u64 = 0x6c69_6e65_0000_0000;

/// How close to a vertex the pointer must be to take hold of it, points.
const GRIP_PX: f32 = 9.0;

/// How close to the line a click must be to add a vertex on it, points.
const ON_LINE_PX: f32 = 7.0;

/// The tool's state between frames.
#[derive(Default)]
pub(super) struct LineEditing {
    /// With no line yet: the first point clicked (lon, lat).
    pending: Option<GeoPoint>,
    /// The vertex being dragged.
    drag: Grab<usize>,
    /// The context menu deleting the vertex right-clicked.
    menu: RemoveMenu<usize>,
}

impl LineEditing {
    /// Forgets a first point and any drag (another tab, another tool).
    pub(super) fn cancel(&mut self) {
        self.pending = None;
        self.drag.release();
        self.menu.clear();
    }

    /// Whether a vertex is being dragged (the map then does not pan).
    pub(super) fn dragging(&self) -> bool {
        self.drag.held().is_some()
    }

    /// Handles the pointer on the map for this frame.
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
        let shown = vertices(scenario);
        self.drag
            .update(ui, response, |p| vertex_at(frame, &shown, p));
        let mut edit = None;
        if let Some(i) = self.drag.held()
            && response.dragged()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let group = self.drag.group(LINE_DRAG_GROUP);
            edit = apply(scenario, &shown, LineEdit::Move(i, geo(frame, pos)), group);
        }
        if response.drag_stopped() {
            self.drag.release();
        }
        if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
            && vertex_at(frame, &shown, pos).is_none()
        {
            let shift = ui.input(|i| i.modifiers.shift);
            edit = edit.or_else(|| self.click(frame, scenario, &shown, pos, shift));
        }
        let removed = self.menu.show(
            response,
            |pos| vertex_at(frame, &shown, pos),
            |i| (i < shown.len()).then(|| "Delete this point of the line".to_owned()),
            "Right-click a point of the line to delete it",
        );
        edit.or_else(|| apply(scenario, &shown, LineEdit::Remove(removed?), None))
    }

    /// A click away from the vertices: on the line, a new vertex there; with
    /// Shift, the line extended; with no line, its first or second point.
    fn click(
        &mut self,
        frame: &Frame,
        scenario: &Scenario,
        shown: &[GeoPoint],
        pos: Pos2,
        shift: bool,
    ) -> Option<MapEdit> {
        let at = geo(frame, pos);
        if shown.is_empty() {
            let Some(first) = self.pending.take() else {
                self.pending = Some(at);
                return None;
            };
            return apply(scenario, &[first], LineEdit::Extend(at), None);
        }
        if let Some(segment) = segment_at(frame, shown, pos) {
            return apply(scenario, shown, LineEdit::Insert(segment + 1, at), None);
        }
        if shift {
            return apply(scenario, shown, LineEdit::Extend(at), None);
        }
        Some(MapEdit {
            scenario: scenario.clone(),
            group: None,
            report: Some(
                "Click on the line to add a point to it, or Shift+click to extend it from its \
                 nearer end"
                    .into(),
            ),
        })
    }

    /// Says what the next click does, at the top of the map.
    pub(super) fn hint(&self, painter: &egui::Painter, frame: &Frame, scenario: &Scenario) {
        let text = if self.pending.is_some() {
            "Now click the line's second point (Esc cancels)"
        } else if vertices(scenario).is_empty() {
            "No settlement line: click its first point"
        } else {
            "Drag a point to move it · click on the line to add one · Shift+click to extend · \
             right-click a point to delete it"
        };
        tool_hint(painter, frame, text);
    }

    /// Paints a handle on every vertex, the one under the pointer larger, and
    /// a first point waiting for its second.
    pub(super) fn paint(
        &self,
        painter: &egui::Painter,
        frame: &Frame,
        scenario: &Scenario,
        pointer: Option<Pos2>,
    ) {
        let shown = vertices(scenario);
        let grip = pointer.and_then(|p| vertex_at(frame, &shown, p));
        for (i, v) in shown.iter().enumerate() {
            let held = grip == Some(i) || self.drag.held() == Some(i);
            painter.circle(
                frame.geo_to_screen(v.lon, v.lat),
                frame.px(if held { 7.0 } else { 4.5 }),
                Color32::from_white_alpha(170),
                frame.stroke(2.0, palette::MAP_TOOL),
            );
        }
        if let Some(first) = self.pending {
            rubber_band(
                painter,
                frame,
                frame.geo_to_screen(first.lon, first.lat),
                pointer,
            );
        }
    }
}

/// The line's vertices as shown (a preset's or the custom ones); none
/// without a line.
fn vertices(scenario: &Scenario) -> Vec<GeoPoint> {
    settlement_vertices(scenario)
        .unwrap_or_default()
        .into_iter()
        .map(|(lon, lat)| GeoPoint { lon, lat })
        .collect()
}

/// The point (lon, lat) under a screen position.
fn geo(frame: &Frame, pos: Pos2) -> GeoPoint {
    let [lon, lat] = frame.to_geo(pos);
    GeoPoint { lon, lat }
}

/// The document with `edit` made to its line, or unchanged with the reason.
fn apply(
    scenario: &Scenario,
    shown: &[GeoPoint],
    edit: LineEdit,
    group: Option<u64>,
) -> Option<MapEdit> {
    let mut draft = scenario.clone();
    let report = match edit_line(&mut draft.settlement_line, shown, edit) {
        Ok(()) => match edit {
            LineEdit::Remove(_) => Some("Deleted a point of the line (Undo brings it back)".into()),
            _ => None,
        },
        Err(why) => {
            draft = scenario.clone();
            Some(why.to_string())
        }
    };
    Some(MapEdit {
        scenario: draft,
        group,
        report,
    })
}

/// The vertex within reach of `pos`, nearest first.
fn vertex_at(frame: &Frame, shown: &[GeoPoint], pos: Pos2) -> Option<usize> {
    shown
        .iter()
        .enumerate()
        .map(|(i, v)| (i, frame.geo_to_screen(v.lon, v.lat).distance(pos)))
        .filter(|(_, d)| *d <= frame.px(GRIP_PX))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(i, _)| i)
}

/// The segment (index of its first vertex) within reach of `pos`, nearest.
fn segment_at(frame: &Frame, shown: &[GeoPoint], pos: Pos2) -> Option<usize> {
    let points: Vec<Pos2> = shown
        .iter()
        .map(|v| frame.geo_to_screen(v.lon, v.lat))
        .collect();
    nearest_segment(&points, pos)
        .filter(|(_, d)| *d <= frame.px(ON_LINE_PX))
        .map(|(i, _)| i)
}
