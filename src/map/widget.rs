//! The map widget: the state kept between frames, the toolbar, pan/zoom and
//! clicks, and the order in which the map's layers are painted (each drawn by
//! its own module: `base_mesh`, `labels`, `overlays`, `guarantors`, `legend`).
//!
//! Speed: the fills and borders are one cached mesh in tiles (see `base_mesh`);
//! an idle frame re-uses it, and only labels and the few overlay symbols are
//! laid out again (egui caches the text layout).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use egui::{Key, Pos2, Rect, Response, Sense, Ui, Vec2};

use crate::kit::palette;
use crate::kit::region_export::RegionExport;
use crate::scenario::placing::UnitRef;
use crate::scenario::reference::resolve;
use crate::scenario::{GeoPoint, Layers, LinePreset, MapView, Scenario};

use super::area_drawing::AreaDrawing;
use super::axis_editing::AxisEditing;
use super::base_mesh::{Cache, HeldArea, base_mesh, base_shapes};
use super::editing::MapEdit;
use super::force_moving::{ForceMoving, marker_at};
use super::frame::{Frame, View, fit_country};
use super::geodata::Geodata;
use super::held_area::{HeldMesh, held_behind};
use super::hover::Hovered;
use super::labels::country_name;
use super::line_editing::LineEditing;
use super::overlay_pass::{Drawn, KeptInputs, OverlayInputs, paint_overlay};
use super::overlays::outline;
use super::projection::{distance_km, project, unproject};
use super::role::{Role, nato_since, role_of};
use super::tiles;
use crate::kit::retained::Retained;

pub use super::frame::{MAX_ZOOM, MIN_ZOOM};

/// Undo group of view changes (pan and zoom): consecutive ones merge into one step.
pub const VIEW_EDIT_GROUP: u64 = 0x6d61_705f_7669_6577;

/// What a click on the map does.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Tool {
    /// Select the country clicked.
    #[default]
    Select,
    /// Measure the great-circle distance between two points.
    Ruler,
    /// Draw a range ring around the point clicked.
    RangeRings,
    /// Draw axes of advance (click the start, then the objective), drag
    /// their ends, remove them (right-click an end).
    Axes,
    /// Edit the settlement line by its vertices (drag, add, delete).
    Line,
    /// Draw an area: territory demanded, or the area a guarantee covers.
    Area,
}

impl Tool {
    /// Whether clicks draw on the map (an axis, the line, an area) rather
    /// than select or measure: a double click does not zoom, and the country
    /// card gives way to the tool's hint.
    fn draws(self) -> bool {
        matches!(self, Tool::Axes | Tool::Line | Tool::Area)
    }
}

/// What the map asks the app to do after a frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapOutput {
    /// A new map view (centre, zoom, layers) to write into the scenario, with the
    /// undo group to use (`Some` for pan/zoom, so a gesture is one undo step).
    pub edit: Option<(MapView, Option<u64>)>,
    /// A message for the status line (e.g. where the image was exported).
    pub report: Option<String>,
    /// A new document drawn on the map (an axis added, moved or removed),
    /// with its undo group.
    pub document: Option<(Scenario, Option<u64>)>,
}

/// The map's state kept by the app between frames (not saved; the view is saved
/// in the scenario's `map_view`).
pub struct MapState {
    view: View,
    target: Option<View>,
    /// The view last seen in (or written to) the document.
    synced: Option<MapView>,
    /// The country the user clicked (ISO alpha-3), shown in the editing panel.
    pub selected: Option<String>,
    /// The country under the pointer.
    pub hovered: Option<String>,
    /// What a click does.
    pub tool: Tool,
    /// Ruler points (lon, lat), at most two.
    ruler: Vec<[f64; 2]>,
    /// Centres of range rings (lon, lat) and their radii, km.
    rings: Vec<([f64; 2], f64)>,
    /// Radius of the next range ring, km.
    pub ring_radius_km: f64,
    /// The axes tool's half-drawn axis and drag.
    axis_editing: AxisEditing,
    /// The line tool's first point and drag.
    line_editing: LineEditing,
    /// The area tool's corners so far.
    area_drawing: AreaDrawing,
    /// The unit being dragged with the Select tool.
    force_moving: ForceMoving,
    /// The unit markers and ties drawn in the last frame.
    drawn: Drawn,
    /// Time to objective along each axis (by axis id), days, once an assessment
    /// exists; shown next to the axis' distance.
    pub axis_days: BTreeMap<String, f64>,
    /// Whether the figures come from an assessment (else none has arrived).
    assessed: bool,
    /// Credibility of each guarantor from the engine (by arrangement id and
    /// guarantor state), used for the weight of its ties when the scenario has
    /// no override.
    pub credibility: BTreeMap<(String, String), f64>,
    /// The map's rectangle in the last frame.
    last_rect: Option<Rect>,
    export: RegionExport,
    cache: Option<Cache>,
    /// The overlay kept tessellated, and the inputs of the last frame drawn.
    overlay: Retained,
    overlay_inputs: Option<KeptInputs>,
    /// Each country's role in the last frame's document, in geodata order.
    roles: Vec<Role>,
    /// A custom settlement line's held area and the line it was worked out for.
    custom_held: Option<(Vec<GeoPoint>, Arc<HeldMesh>)>,
}

impl Default for MapState {
    fn default() -> Self {
        Self {
            view: View::from_map_view(&MapView::default()),
            target: None,
            synced: None,
            selected: None,
            hovered: None,
            tool: Tool::Select,
            ruler: Vec::new(),
            rings: Vec::new(),
            ring_radius_km: 300.0,
            axis_editing: AxisEditing::default(),
            line_editing: LineEditing::default(),
            area_drawing: AreaDrawing::default(),
            force_moving: ForceMoving::default(),
            drawn: Drawn::default(),
            axis_days: BTreeMap::new(),
            assessed: false,
            credibility: BTreeMap::new(),
            last_rect: None,
            export: RegionExport::default(),
            cache: None,
            overlay: Retained::default(),
            overlay_inputs: None,
            roles: Vec::new(),
            custom_held: None,
        }
    }
}

impl MapState {
    /// Asks for the map to be saved as a PNG image at `path` on the next frame.
    pub fn request_export(&mut self, path: PathBuf) {
        self.export.request(path);
    }

    /// Forgets the user's working marks (the selection, the ruler, the range
    /// rings): they belong to the scenario they were made on.
    pub fn clear_marks(&mut self) {
        self.selected = None;
        self.ruler.clear();
        self.rings.clear();
        self.axis_editing.cancel();
        self.force_moving.cancel();
        self.line_editing.cancel();
        self.area_drawing.cancel();
    }

    /// Forgets what the tools not in use were in the middle of (a half-drawn
    /// axis, line or area, a drag).
    fn cancel_other_tools(&mut self) {
        let tool = self.tool;
        if tool != Tool::Axes {
            self.axis_editing.cancel();
        }
        if tool != Tool::Select {
            self.force_moving.cancel();
        }
        if tool != Tool::Line {
            self.line_editing.cancel();
        }
        if tool != Tool::Area {
            self.area_drawing.cancel();
        }
    }

    /// Animates back to the scenario's whole-map view.
    pub fn reset_view(&mut self) {
        self.target = Some(View::from_map_view(&MapView::default()));
    }

    /// Centre (lon, lat) and zoom of the live view.
    pub fn view(&self) -> (GeoPoint, f64) {
        let [lon, lat] = unproject(self.view.center[0], self.view.center[1]);
        (GeoPoint { lon, lat }, self.view.zoom)
    }

    /// Moves the view at once (no animation), e.g. for tests and slides.
    pub fn set_view(&mut self, center: GeoPoint, zoom: f64) {
        self.view = View {
            center: project(center.lon, center.lat),
            zoom: zoom.clamp(MIN_ZOOM, MAX_ZOOM),
        };
        self.target = None;
    }

    /// The great-circle distance measured with the ruler, km, once it has two points.
    pub fn ruler_km(&self) -> Option<f64> {
        match self.ruler[..] {
            [a, b] => Some(distance_km(a, b)),
            _ => None,
        }
    }

    /// Where a point (lon, lat) was on screen in the last frame drawn.
    pub fn geo_to_screen(&self, lon: f64, lat: f64) -> Option<Pos2> {
        let rect = self.last_rect?;
        Some(Frame::new(rect, self.view).geo_to_screen(lon, lat))
    }

    /// Where `unit`'s marker was drawn in the last frame, if it was.
    pub fn marker_of(&self, unit: UnitRef) -> Option<Rect> {
        self.drawn
            .markers
            .iter()
            .find(|(drawn, _)| *drawn == unit)
            .map(|(_, rect)| *rect)
    }

    /// The line a guarantor's tie was drawn along in the last frame (by the
    /// arrangement's and the guarantor's index), if it was drawn.
    pub fn tie_line(&self, arrangement: usize, guarantor: usize) -> Option<Vec<Pos2>> {
        self.drawn
            .ties
            .iter()
            .find(|t| t.arrangement == arrangement && t.guarantor == Some(guarantor))
            .map(|t| t.points.clone())
    }

    /// Takes the engine's figures from `assessment` (none clears them): each
    /// axis' median time to objective, shown beside its distance, and each
    /// guarantor's mean credibility, the weight of its ties. The workspace map
    /// and the map slides are fed alike, so both show the same figures.
    pub fn set_figures(&mut self, assessment: Option<&crate::model::Assessment>) {
        self.axis_days.clear();
        self.credibility.clear();
        self.assessed = assessment.is_some();
        for state in assessment.iter().flat_map(|a| &a.states) {
            for axis in &state.campaign {
                if let Some(days) = axis.usually_falls() {
                    self.axis_days.insert(axis.axis.clone(), days.p50);
                }
            }
            for g in &state.credibility.guarantors {
                self.credibility
                    .insert((g.arrangement.clone(), g.state.clone()), g.credibility.mean);
            }
        }
    }

    /// Draws the map read-only, as on a slide: the given view and layers, the
    /// `highlight`ed states outlined, no toolbar and no input. `ink` scales
    /// the map's text, strokes, markers and boxes against the workspace map
    /// (1: as in the workspace; a slide passes its room scale, see
    /// `present::slide::map_ink`); the geography is not scaled.
    pub fn show_static(
        &mut self,
        ui: &mut Ui,
        scenario: &Scenario,
        view: &MapView,
        highlight: &[String],
        ink: f32,
    ) {
        let rect = ui.available_rect_before_wrap();
        ui.allocate_rect(rect, Sense::hover());
        // A slide carries the marking across its own top and bottom.
        self.set_view(view.center, view.zoom);
        let frame = Frame::new(rect, self.view).with_ink(ink);
        self.last_rect = Some(rect);
        self.paint(ui, &frame, scenario, &view.layers, highlight);
    }

    /// Draws the scenario's map view for print or an image file, filling
    /// `ui`: the marking's banners (if any) at top and bottom, then the map
    /// with its furniture (title box, legend, scale bar, north arrow, sources),
    /// at `ink` (see [`Self::show_static`]).
    pub fn show_printed(&mut self, ui: &mut Ui, scenario: &Scenario, ink: f32) {
        let rect = ui.available_rect_before_wrap();
        let inner = marking_banners(ui, rect, &scenario.meta.marking, ink);
        let mut child = ui.new_child(egui::UiBuilder::new().max_rect(inner));
        self.show_static(&mut child, scenario, &scenario.map_view, &[], ink);
    }

    /// Draws the map toolbar and the map in the rest of `ui`, handles input, and
    /// returns what the app should do.
    pub fn show(&mut self, ui: &mut Ui, scenario: &Scenario) -> MapOutput {
        let mut out = MapOutput::default();
        let mut layers = scenario.map_view.layers;
        let toolbar = self.toolbar(ui, &mut layers);
        if layers != scenario.map_view.layers {
            let mut view = scenario.map_view.clone();
            view.layers = layers;
            out.edit = Some((view, None));
        }
        if toolbar.reset {
            self.reset_view();
        }
        if let Some(factor) = toolbar.zoom {
            let mut t = self.target.unwrap_or(self.view);
            t.zoom = (t.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
            self.target = Some(t);
        }
        let rect = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        let full = rect;
        let rect = marking_banners(ui, rect, &scenario.meta.marking, 1.0);
        self.sync_from(&scenario.map_view);
        self.cancel_other_tools();
        if let Some(edit) = self.input(ui, &response, rect, scenario) {
            out.report = edit.report;
            if edit.scenario != *scenario {
                out.document = Some((edit.scenario, edit.group));
            }
        }
        let frame = Frame::new(rect, self.view);
        self.last_rect = Some(rect);
        self.hovered = response
            .hover_pos()
            .and_then(|p| geodata().country_at_xy(as_f32(frame.to_map(p))))
            .map(|c| c.id.to_owned());
        self.paint(ui, &frame, scenario, &layers, &[]);
        if self.tool == Tool::Axes && !self.export.is_requested() {
            let painter = ui.painter_at(rect);
            self.axis_editing
                .paint(&painter, &frame, scenario, response.hover_pos());
            self.axis_editing.hint(&painter, &frame);
        }
        if self.tool == Tool::Line && !self.export.is_requested() {
            let painter = ui.painter_at(rect);
            self.line_editing
                .paint(&painter, &frame, scenario, response.hover_pos());
            self.line_editing.hint(&painter, &frame, scenario);
        }
        if self.tool == Tool::Area && !self.export.is_requested() {
            let painter = ui.painter_at(rect);
            self.area_drawing
                .paint(&painter, &frame, response.hover_pos());
            self.area_drawing.hint(&painter, &frame);
        }
        if self.tool == Tool::Select {
            let painter = ui.painter_at(rect);
            self.force_moving
                .paint(&painter, &frame, scenario, response.hover_pos());
        }
        self.tooltip(response, &frame, scenario, &layers);
        if let Some(view) = self.view_to_save(ui, &scenario.map_view, layers) {
            out.edit = Some((view, Some(VIEW_EDIT_GROUP)));
        }
        // The banners are the map's as far as an export goes.
        if let Some(message) = self.export.capture(ui.ctx(), full, "the map") {
            out.report = Some(message);
        }
        if let Some(result) = self.export.poll(ui.ctx()) {
            out.report = Some(result.unwrap_or_else(|e| e));
        }
        out
    }

    /// Adopts the document's view when it changed outside the map (open, undo).
    fn sync_from(&mut self, doc: &MapView) {
        let same = self
            .synced
            .as_ref()
            .is_some_and(|s| s.center == doc.center && s.zoom == doc.zoom);
        if !same {
            self.view = View::from_map_view(doc);
            self.target = None;
            self.synced = Some(doc.clone());
        }
    }

    /// The view to write to the document once a gesture has ended.
    fn view_to_save(&mut self, ui: &Ui, doc: &MapView, layers: Layers) -> Option<MapView> {
        let busy = self.target.is_some()
            || ui.input(|i| {
                i.pointer.any_down()
                    || i.smooth_scroll_delta() != Vec2::ZERO
                    || i.zoom_delta() != 1.0
            });
        if busy {
            return None;
        }
        let (center, zoom) = self.view();
        let moved = (center.lon - doc.center.lon).abs() > 1e-4
            || (center.lat - doc.center.lat).abs() > 1e-4
            || (zoom - doc.zoom).abs() > 1e-4;
        if !moved {
            return None;
        }
        let round = |v: f64| (v * 1e4).round() / 1e4;
        let view = MapView {
            center: GeoPoint {
                lon: round(center.lon),
                lat: round(center.lat),
            },
            zoom: round(zoom),
            layers,
        };
        self.synced = Some(view.clone());
        Some(view)
    }

    fn toolbar(&mut self, ui: &mut Ui, layers: &mut Layers) -> ToolbarActions {
        let mut actions = ToolbarActions::default();
        ui.horizontal_wrapped(|ui| {
            // The layers in a menu, so that the toolbar stays one row on a
            // laptop screen; the button counts those shown.
            let shown = [
                layers.ties,
                layers.forces,
                layers.axes,
                layers.labels,
                layers.line_of_control,
                layers.graticule,
            ]
            .iter()
            .filter(|on| **on)
            .count();
            ui.menu_button(format!("Layers ({shown} of 6)"), |ui| {
                ui.checkbox(&mut layers.ties, "Ties");
                ui.checkbox(&mut layers.forces, "Forces");
                ui.checkbox(&mut layers.axes, "Axes");
                ui.checkbox(&mut layers.labels, "Labels");
                ui.checkbox(&mut layers.line_of_control, "Line of control");
                ui.checkbox(&mut layers.graticule, "Graticule");
            })
            .response
            .on_hover_text("Which layers the map shows");
            ui.separator();
            ui.label("Click:");
            ui.selectable_value(&mut self.tool, Tool::Select, "Select");
            ui.selectable_value(&mut self.tool, Tool::Ruler, "Ruler");
            ui.selectable_value(&mut self.tool, Tool::RangeRings, "Range rings");
            ui.selectable_value(&mut self.tool, Tool::Axes, "Draw axes")
                .on_hover_text("Draw an axis of advance: click its start, then its objective; drag an end to move it; right-click an end to remove the axis");
            ui.selectable_value(&mut self.tool, Tool::Area, "Draw area")
                .on_hover_text("Draw an area: click its corners, then the first again; then say whether the adversary demands it or a guarantee covers it. Right-click inside an area to remove it");
            ui.selectable_value(&mut self.tool, Tool::Line, "Edit line")
                .on_hover_text("Edit the settlement line: drag a point to move it, click on the line to add one, Shift+click to extend it, right-click a point to delete it");
            if self.tool == Tool::RangeRings {
                let label = ui.label("radius");
                ui.add(
                    egui::DragValue::new(&mut self.ring_radius_km)
                        .range(10.0..=5000.0)
                        .speed(5.0)
                        .suffix(" km"),
                )
                .labelled_by(label.id);
            }
            // Always there (greyed out with nothing to clear), so the toolbar
            // does not shift when a measurement is made.
            let measured = !self.ruler.is_empty() || !self.rings.is_empty();
            if ui
                .add_enabled(measured, egui::Button::new("Clear measurements"))
                .on_disabled_hover_text("No ruler or range rings to clear")
                .clicked()
            {
                self.ruler.clear();
                self.rings.clear();
            }
            ui.separator();
            if ui.button("Zoom in").on_hover_text("Zoom in (+)").clicked() {
                actions.zoom = Some(1.5);
            }
            if ui
                .button("Zoom out")
                .on_hover_text("Zoom out (−)")
                .clicked()
            {
                actions.zoom = Some(1.0 / 1.5);
            }
            if ui
                .button("Whole map")
                .on_hover_text("Reset the view (0)")
                .clicked()
            {
                actions.reset = true;
            }
        });
        actions
    }

    /// Pan, zoom, clicks and keys; with the axes tool, the axis drawn or moved.
    fn input(
        &mut self,
        ui: &Ui,
        response: &Response,
        rect: Rect,
        scenario: &Scenario,
    ) -> Option<MapEdit> {
        let frame = Frame::new(rect, self.view);
        let edit = match self.tool {
            Tool::Axes => self.axis_editing.input(ui, response, &frame, scenario),
            Tool::Line => self.line_editing.input(ui, response, &frame, scenario),
            Tool::Area => self.area_drawing.input(ui, response, &frame, scenario),
            Tool::Select => {
                self.force_moving
                    .input(ui, response, &frame, scenario, &self.drawn.markers)
            }
            Tool::Ruler | Tool::RangeRings => None,
        };
        let holding = self.axis_editing.dragging()
            || self.force_moving.dragging()
            || self.line_editing.dragging();
        if response.dragged() && !holding {
            let d = response.drag_delta();
            self.view.center[0] -= f64::from(d.x) / frame.scale;
            self.view.center[1] += f64::from(d.y) / frame.scale;
            self.target = None;
        }
        if let Some(pointer) = response.hover_pos() {
            let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta().y, i.zoom_delta()));
            let factor = f64::from(pinch) * (f64::from(scroll) * 0.004).exp();
            if factor != 1.0 {
                self.zoom_about(rect, pointer, factor);
            }
        }
        // Keys are for a field being typed in, or for a dialog over the map.
        let typing = ui
            .ctx()
            .memory(|m| m.focused().is_some() || !m.allows_interaction(ui.layer_id()));
        if !typing {
            let (plus, minus, zero) = ui.input(|i| {
                (
                    i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                    i.key_pressed(Key::Minus),
                    i.key_pressed(Key::Num0),
                )
            });
            let mut t = self.target.unwrap_or(self.view);
            if plus {
                t.zoom = (t.zoom * 1.5).min(MAX_ZOOM);
                self.target = Some(t);
            }
            if minus {
                t.zoom = (t.zoom / 1.5).max(MIN_ZOOM);
                self.target = Some(t);
            }
            if zero {
                self.reset_view();
            }
        }
        if self.tool.draws() {
            // Clicks draw; a double click does not zoom.
        } else if response.double_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let country = geodata().country_at_xy(as_f32(frame.to_map(pos)));
            if self.tool == Tool::Select {
                self.selected = country.map(|c| c.id.to_owned());
            }
            self.target = Some(match country {
                Some(country) => fit_country(rect, country),
                None => View {
                    center: frame.to_map(pos),
                    zoom: (self.view.zoom * 2.0).min(MAX_ZOOM),
                },
            });
        } else if response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            let geo = frame.to_geo(pos);
            match self.tool {
                Tool::Select => {
                    self.selected = geodata()
                        .country_at_xy(as_f32(frame.to_map(pos)))
                        .map(|c| c.id.to_owned());
                }
                Tool::Ruler => {
                    if self.ruler.len() >= 2 {
                        self.ruler.clear();
                    }
                    self.ruler.push(geo);
                }
                Tool::RangeRings => self.rings.push((geo, self.ring_radius_km)),
                Tool::Axes | Tool::Line | Tool::Area => {}
            }
        }
        if let Some(target) = self.target {
            let dt = f64::from(ui.input(|i| i.stable_dt)).min(0.1);
            let a = 1.0 - (-dt * 9.0).exp();
            let v = &mut self.view;
            v.center[0] += (target.center[0] - v.center[0]) * a;
            v.center[1] += (target.center[1] - v.center[1]) * a;
            v.zoom = (v.zoom.ln() + (target.zoom.ln() - v.zoom.ln()) * a).exp();
            let px = (v.center[0] - target.center[0]).hypot(v.center[1] - target.center[1])
                * frame.scale;
            if px < 0.5 && (v.zoom / target.zoom - 1.0).abs() < 1e-3 {
                self.view = target;
                self.target = None;
            } else {
                ui.ctx().request_repaint();
            }
        }
        edit
    }

    fn zoom_about(&mut self, rect: Rect, pointer: Pos2, factor: f64) {
        let before = Frame::new(rect, self.view);
        let anchor = before.to_map(pointer);
        self.view.zoom = (self.view.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let after = Frame::new(rect, self.view);
        let c = rect.center();
        self.view.center = [
            anchor[0] - f64::from(pointer.x - c.x) / after.scale,
            anchor[1] + f64::from(pointer.y - c.y) / after.scale,
        ];
        self.target = None;
    }

    /// Paints the map's layers in order: water, the base mesh, outlines (hover,
    /// selection, a slide's `highlight`), then the overlay pass (lines, ties,
    /// markers and labels, the title box, legend and scale bar on top), kept
    /// tessellated while its inputs stay the same.
    fn paint(
        &mut self,
        ui: &Ui,
        frame: &Frame,
        scenario: &Scenario,
        layers: &Layers,
        highlight: &[String],
    ) {
        let painter = ui.painter_at(frame.rect);
        painter.rect_filled(frame.rect, 0.0, palette::MAP_WATER);
        let data = geodata();
        // The document is compared with last frame's (kept for the overlay)
        // once: the roles and the overlay both depend on it.
        let same_document = self
            .overlay_inputs
            .as_ref()
            .is_some_and(|kept| kept.scenario() == scenario);
        if !same_document || self.roles.len() != data.countries().len() {
            self.roles = data
                .countries()
                .iter()
                .map(|c| role_of(scenario, c.id))
                .collect();
        }
        let held = self.held_area(scenario, layers);
        if super::vector_output(ui.ctx()) {
            painter.extend(base_shapes(frame, &self.roles, &held, layers.graticule));
        } else {
            let base = base_mesh(
                &mut self.cache,
                ui.ctx(),
                frame,
                &self.roles,
                &held,
                layers.graticule,
            );
            tiles::paint(&painter, &base);
        }
        // The frame an export captures shows the map without the user's
        // working marks: no hover or selection, no ruler, no range rings.
        let exporting = self.export.is_requested();
        let marks = if exporting {
            [None, None]
        } else {
            [
                self.hovered
                    .clone()
                    .map(|id| (id, frame.stroke(1.5, palette::MAP_TEXT_MUTED))),
                self.selected
                    .clone()
                    .map(|id| (id, frame.stroke(2.5, palette::MAP_SELECTED))),
            ]
        };
        for (id, stroke) in marks.into_iter().flatten() {
            if let Some(country) = data.country(&id) {
                outline(&painter, frame, country, stroke);
            }
        }
        for country in highlight.iter().filter_map(|id| data.country(id)) {
            outline(
                &painter,
                frame,
                country,
                frame.stroke(3.0, palette::MAP_SELECTED),
            );
        }
        let inputs = OverlayInputs {
            frame: *frame,
            layers: *layers,
            ruler: if exporting { &[] } else { &self.ruler },
            rings: if exporting { &[] } else { &self.rings },
            axis_days: &self.axis_days,
            credibility: &self.credibility,
        };
        let unchanged = same_document
            && self
                .overlay_inputs
                .as_ref()
                .is_some_and(|kept| kept.inputs() == inputs);
        let mut drawn = None;
        self.overlay.paint(&painter, unchanged, |p| {
            drawn = Some(paint_overlay(p, scenario, &inputs));
        });
        if let Some(drawn) = drawn {
            self.drawn = drawn;
        }
        if !unchanged {
            let old = self.overlay_inputs.take();
            self.overlay_inputs = Some(inputs.keep(scenario, old, same_document));
        }
    }

    /// The area the adversary holds, as the base mesh fills it: a custom
    /// line's worked out again only when the line changed.
    fn held_area(&mut self, scenario: &Scenario, layers: &Layers) -> HeldArea {
        let line = &scenario.settlement_line;
        match line.preset {
            _ if !layers.line_of_control => HeldArea::None,
            LinePreset::None => HeldArea::None,
            LinePreset::Custom => {
                let kept = self
                    .custom_held
                    .as_ref()
                    .filter(|(drawn, _)| *drawn == line.custom);
                let mesh = match kept {
                    Some((_, mesh)) => mesh.clone(),
                    None => {
                        let mesh = Arc::new(held_behind(&line.custom));
                        self.custom_held = Some((line.custom.clone(), mesh.clone()));
                        mesh
                    }
                };
                HeldArea::Custom(mesh)
            }
            preset => HeldArea::Preset(preset),
        }
    }

    /// The card of what is under the pointer: an axis, the Suwałki gap, the
    /// held area or a country.
    fn tooltip(&self, response: Response, frame: &Frame, scenario: &Scenario, layers: &Layers) {
        // The axes tool shows its own hint instead of the country card.
        let drawing = self.tool.draws();
        if self.export.is_requested() || response.dragged() || drawing {
            return;
        }
        let unit = response
            .hover_pos()
            .and_then(|p| marker_at(&self.drawn.markers, p))
            .map(|(unit, _)| unit);
        if let Some(unit) = unit.filter(|_| self.tool == Tool::Select) {
            response.on_hover_ui_at_pointer(|ui| super::hover::unit_card(ui, scenario, unit));
            return;
        }
        let tie = response
            .hover_pos()
            .and_then(|p| super::hover::tie_at(frame, &self.drawn.ties, p));
        if let Some(tie) = tie {
            response.on_hover_ui_at_pointer(|ui| {
                super::hover::tie_card(ui, scenario, tie, &self.credibility);
            });
            return;
        }
        let Some(card) = response.hover_pos().and_then(|p| {
            let country = self.hovered.as_deref();
            super::hover::hovered(frame, scenario, p, country, layers)
        }) else {
            return;
        };
        response.on_hover_ui_at_pointer(|ui| match &card {
            Hovered::Axis(i) => {
                let days = scenario
                    .axes
                    .get(*i)
                    .and_then(|a| self.axis_days.get(&a.id))
                    .copied();
                super::hover::axis_card(ui, scenario, *i, days, self.assessed);
            }
            Hovered::SuwalkiGap => super::hover::gap_card(ui),
            Hovered::Held(id) => super::hover::held_card(ui, scenario, id),
            Hovered::Country(id) => country_card(ui, scenario, id),
        });
    }
}

#[derive(Default)]
struct ToolbarActions {
    zoom: Option<f64>,
    reset: bool,
}

/// The baked map data.
fn geodata() -> &'static Geodata {
    Geodata::get()
}

/// A point in map km as the geodata's `f32`s.
fn as_f32(p: [f64; 2]) -> [f32; 2] {
    [p[0] as f32, p[1] as f32]
}

/// A card with a country's name, role and key figures (tooltip and the
/// editing panel's selection).
pub fn country_card(ui: &mut Ui, scenario: &Scenario, id: &str) {
    let name = geodata()
        .country(id)
        .map(|c| country_name(c.id, c.name).to_owned())
        .unwrap_or_else(|| id.to_owned());
    let entry = scenario
        .states
        .iter()
        .find(|s| s.id == id)
        .cloned()
        .unwrap_or_else(|| crate::scenario::StateEntry {
            id: id.to_owned(),
            overrides: Default::default(),
        });
    ui.strong(name);
    ui.label(role_of(scenario, id).label());
    match nato_since(scenario, id) {
        Some(year) => ui.label(format!("NATO member since {year}")),
        None => ui.label("Not in NATO"),
    };
    if let Ok(r) = resolve(&entry) {
        ui.label(format!(
            "Defence spending: {:.1} % of GDP",
            r.defence_pct_gdp
        ));
        ui.label(format!(
            "Active troops: {}  ·  reserves: {}",
            crate::kit::format::thousands(r.active_troops),
            crate::kit::format::thousands(r.reserve_troops)
        ));
        ui.label(format!(
            "GDP: ${:.0} bn  ·  population {:.1} m",
            r.gdp_usd_bn, r.population_m
        ));
    }
    let mut present = 0.0;
    let mut pledged = 0.0;
    for g in scenario.arrangements.iter().flat_map(|a| &a.guarantors) {
        for f in g.forces.iter().filter(|f| f.stationed_in == id) {
            if f.is_present() {
                present += f.troops;
            } else {
                pledged += f.troops;
            }
        }
    }
    if present + pledged > 0.0 {
        ui.label(format!(
            "Guarantor forces: {} present, {} pledged",
            crate::kit::format::thousands(present),
            crate::kit::format::thousands(pledged)
        ));
    }
}

/// The scenario's marking (e.g. "UNCLASSIFIED — FOR TRAINING") in a banner
/// across the top and the bottom of the workspace map's `rect` (and so of
/// its exported image); the map goes in what is left between them. Without
/// a marking, all of `rect`.
fn marking_banners(ui: &Ui, rect: egui::Rect, marking: &str, ink: f32) -> egui::Rect {
    let marking = marking.trim();
    if marking.is_empty() {
        return rect;
    }
    let height = 18.0 * ink;
    let font = egui::FontId::proportional(12.0 * ink);
    let painter = ui.painter_at(rect);
    let top = egui::Rect::from_min_max(rect.min, egui::pos2(rect.right(), rect.top() + height));
    let bottom =
        egui::Rect::from_min_max(egui::pos2(rect.left(), rect.bottom() - height), rect.max);
    for band in [top, bottom] {
        painter.rect_filled(band, 0.0, crate::kit::palette::MAP_TEXT);
        painter.text(
            band.center(),
            egui::Align2::CENTER_CENTER,
            marking,
            font.clone(),
            egui::Color32::WHITE,
        );
    }
    egui::Rect::from_min_max(
        egui::pos2(rect.left(), top.bottom()),
        egui::pos2(rect.right(), bottom.top()),
    )
}
