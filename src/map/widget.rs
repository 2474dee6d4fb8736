//! The map widget: countries coloured by their status in the scenario, borders,
//! labels, the line of control, guarantee ties, forces, axes of advance, measuring
//! tools, and pan/zoom.
//!
//! Speed: the geometry is projected and triangulated at build time. The widget
//! keeps one screen-space fill mesh and one border mesh in `Arc`s and rebuilds them
//! only when the view (pan/zoom/size) or the colouring changes, by transforming the
//! baked vertices (an affine map, no trigonometry) and tessellating the border
//! strokes. An idle frame re-uses both meshes; only labels and the few overlay
//! symbols are laid out again (egui caches the text layout).

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use egui::epaint::{PathShape, PathStroke, Tessellator};
use egui::{
    Align2, Color32, CornerRadius, FontId, Key, Mesh, Pos2, Rect, Response, Sense, Shape, Stroke,
    StrokeKind, Ui, Vec2, pos2, vec2,
};

use crate::scenario::reference::{Reference, resolve};
use crate::scenario::{Formality, GeoPoint, Layers, LinePreset, MapView, Scenario};
use crate::ui::region_export::RegionExport;
use crate::ui::theme;

use super::geodata::{BakedCountry, Geodata};
use super::lines;
use super::places::{CITIES, KALININGRAD, SUWALKI_GAP};
use super::projection::{self, destination, distance_km, intermediate, project, unproject};
use super::status::{Status, nato_since, status, tie_weight};
use super::tiles::{self, Tile};

/// Undo group of view changes (pan and zoom): consecutive ones merge into one step.
pub const VIEW_EDIT_GROUP: u64 = 0x6d61_705f_7669_6577;

/// Smallest zoom factor (1 shows the whole map).
pub const MIN_ZOOM: f64 = 0.6;
/// Largest zoom factor.
pub const MAX_ZOOM: f64 = 40.0;

/// The region shown at zoom 1: 10°W–60°E, 35°N–72°N.
const REGION: [f64; 4] = [-10.0, 35.0, 60.0, 72.0];

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
}

/// The live view: centre in map km and zoom factor.
#[derive(Clone, Copy, Debug, PartialEq)]
struct View {
    center: [f64; 2],
    zoom: f64,
}

impl View {
    fn from_map_view(view: &MapView) -> Self {
        Self {
            center: project(view.center.lon, view.center.lat),
            zoom: view.zoom.clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }
}

/// The mapping from map km to screen points for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Frame {
    rect: Rect,
    center: [f64; 2],
    /// Points per map km.
    scale: f64,
}

impl Frame {
    fn new(rect: Rect, view: View) -> Self {
        Self {
            rect,
            center: view.center,
            scale: base_scale(rect) * view.zoom,
        }
    }

    fn to_screen(self, p: [f64; 2]) -> Pos2 {
        let c = self.rect.center();
        pos2(
            c.x + ((p[0] - self.center[0]) * self.scale) as f32,
            c.y - ((p[1] - self.center[1]) * self.scale) as f32,
        )
    }

    fn geo_to_screen(self, lon: f64, lat: f64) -> Pos2 {
        self.to_screen(project(lon, lat))
    }

    fn to_map(self, pos: Pos2) -> [f64; 2] {
        let c = self.rect.center();
        [
            self.center[0] + f64::from(pos.x - c.x) / self.scale,
            self.center[1] - f64::from(pos.y - c.y) / self.scale,
        ]
    }

    fn to_geo(self, pos: Pos2) -> [f64; 2] {
        let [x, y] = self.to_map(pos);
        unproject(x, y)
    }
}

/// The projected bounding box of [`REGION`], map km `[min x, min y, max x, max y]`.
fn region_bounds() -> [f64; 4] {
    static BOUNDS: std::sync::OnceLock<[f64; 4]> = std::sync::OnceLock::new();
    *BOUNDS.get_or_init(|| {
        let [w, s, e, n] = REGION;
        let mut b = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for i in 0..=40 {
            let t = f64::from(i) / 40.0;
            for [lon, lat] in [
                [w + (e - w) * t, s],
                [w + (e - w) * t, n],
                [w, s + (n - s) * t],
                [e, s + (n - s) * t],
            ] {
                let [x, y] = project(lon, lat);
                b = [b[0].min(x), b[1].min(y), b[2].max(x), b[3].max(y)];
            }
        }
        b
    })
}

/// Points per km at zoom 1: the region fits the rectangle.
fn base_scale(rect: Rect) -> f64 {
    let [x0, y0, x1, y1] = region_bounds();
    (f64::from(rect.width()) / (x1 - x0)).min(f64::from(rect.height()) / (y1 - y0))
}

/// The cached screen-space meshes and what they were built for.
struct Cache {
    frame: Frame,
    colours: Vec<Status>,
    held: LinePreset,
    graticule: bool,
    pixels_per_point: f32,
    /// Fills with the strokes on top, as one mesh, in the screen space of
    /// `frame`: egui copies a mesh into its output each frame, and one copy
    /// into a fresh buffer is cheaper than two (the second grows the buffer).
    /// It is cut into tiles so that only those on screen are copied.
    base: Vec<Tile>,
    /// The screen area (in `frame`'s space) the meshes cover: the view and
    /// half a view on every side, so panning only moves them.
    reach: Rect,
    /// `base` moved by `shown_offset`, as last shown.
    shown: Vec<Tile>,
    shown_offset: Vec2,
}

impl Cache {
    /// How far the cached meshes must move to show `frame`, if they can: same
    /// scale, size and contents, and the new view within the area they cover.
    fn offset_to(&self, frame: &Frame) -> Option<Vec2> {
        if self.frame.scale != frame.scale || self.frame.rect.size() != frame.rect.size() {
            return None;
        }
        let offset = frame.to_screen(self.frame.center) - self.frame.rect.center();
        self.reach
            .contains_rect(frame.rect.translate(-offset))
            .then_some(offset)
    }
}

/// What the map asks the app to do after a frame.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapOutput {
    /// A new map view (centre, zoom, layers) to write into the scenario, with the
    /// undo group to use (`Some` for pan/zoom, so a gesture is one undo step).
    pub edit: Option<(MapView, Option<u64>)>,
    /// A message for the status line (e.g. where the image was exported).
    pub status: Option<String>,
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
    /// Time to objective along each axis (by axis id), days, once an assessment
    /// exists; shown next to the axis' distance.
    pub axis_days: BTreeMap<String, f64>,
    /// Credibility of each guarantor from the engine (by arrangement id and
    /// guarantor state), used for the weight of its ties when the scenario has
    /// no override.
    pub credibility: BTreeMap<(String, String), f64>,
    /// The map's rectangle in the last frame.
    last_rect: Option<Rect>,
    export: RegionExport,
    cache: Option<Cache>,
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
            axis_days: BTreeMap::new(),
            credibility: BTreeMap::new(),
            last_rect: None,
            export: RegionExport::default(),
            cache: None,
        }
    }
}

impl MapState {
    /// Asks for the map to be saved as a PNG image at `path` on the next frame.
    pub fn request_export(&mut self, path: PathBuf) {
        self.export.request(path);
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

    /// The range rings drawn: centre (lon, lat) and radius, km.
    pub fn range_rings(&self) -> &[([f64; 2], f64)] {
        &self.rings
    }

    /// Where a point (lon, lat) was on screen in the last frame drawn.
    pub fn geo_to_screen(&self, lon: f64, lat: f64) -> Option<Pos2> {
        let rect = self.last_rect?;
        Some(Frame::new(rect, self.view).geo_to_screen(lon, lat))
    }

    /// Takes the engine's figures from `assessment` (none clears them): each
    /// axis' median time to objective, shown beside its distance, and each
    /// guarantor's mean credibility, the weight of its ties. The workspace map
    /// and the map slides are fed alike, so both show the same figures.
    pub fn set_figures(&mut self, assessment: Option<&crate::model::Assessment>) {
        self.axis_days.clear();
        self.credibility.clear();
        for state in assessment.iter().flat_map(|a| &a.states) {
            for axis in &state.campaign {
                if let Some(days) = &axis.days_to_objective {
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
    /// `highlight`ed states outlined, no toolbar and no input.
    pub fn show_static(
        &mut self,
        ui: &mut Ui,
        scenario: &Scenario,
        view: &MapView,
        highlight: &[String],
    ) {
        let rect = ui.available_rect_before_wrap();
        ui.allocate_rect(rect, Sense::hover());
        self.set_view(view.center, view.zoom);
        let frame = Frame::new(rect, self.view);
        self.last_rect = Some(rect);
        self.paint(ui, &frame, scenario, &view.layers);
        let painter = ui.painter_at(rect);
        for country in highlight.iter().filter_map(|id| geodata().country(id)) {
            outline(
                &painter,
                &frame,
                country,
                Stroke::new(3.0, theme::MAP_SELECTED),
            );
        }
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
        self.sync_from(&scenario.map_view);
        self.input(ui, &response, rect);
        let frame = Frame::new(rect, self.view);
        self.last_rect = Some(rect);
        self.hovered = response
            .hover_pos()
            .and_then(|p| geodata().country_at_xy(as_f32(frame.to_map(p))))
            .map(|c| c.id.to_owned());
        self.paint(ui, &frame, scenario, &layers);
        self.tooltip(response, scenario);
        if let Some(view) = self.view_to_save(ui, &scenario.map_view, layers) {
            out.edit = Some((view, Some(VIEW_EDIT_GROUP)));
        }
        if let Some(message) = self.export.capture(ui.ctx(), rect, "the map") {
            out.status = Some(message);
        }
        if let Some(result) = self.export.poll(ui.ctx()) {
            out.status = Some(result.unwrap_or_else(|e| e));
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
            ui.label("Layers:");
            ui.checkbox(&mut layers.ties, "Ties");
            ui.checkbox(&mut layers.forces, "Forces");
            ui.checkbox(&mut layers.axes, "Axes");
            ui.checkbox(&mut layers.labels, "Labels");
            ui.checkbox(&mut layers.line_of_control, "Line of control");
            ui.checkbox(&mut layers.graticule, "Graticule");
            ui.separator();
            ui.label("Click:");
            ui.selectable_value(&mut self.tool, Tool::Select, "Select");
            ui.selectable_value(&mut self.tool, Tool::Ruler, "Ruler");
            ui.selectable_value(&mut self.tool, Tool::RangeRings, "Range rings");
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
            if (!self.ruler.is_empty() || !self.rings.is_empty())
                && ui.button("Clear measurements").clicked()
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

    /// Pan, zoom, clicks and keys.
    fn input(&mut self, ui: &Ui, response: &Response, rect: Rect) {
        let frame = Frame::new(rect, self.view);
        if response.dragged() {
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
        let typing = ui.ctx().memory(|m| m.focused().is_some());
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
        if response.double_clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.target = Some(match geodata().country_at_xy(as_f32(frame.to_map(pos))) {
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

    /// The cached meshes for this frame, rebuilt only when something they show
    /// changed; a pan only moves them (no tessellation).
    fn meshes(
        &mut self,
        ui: &Ui,
        frame: &Frame,
        colours: Vec<Status>,
        held: LinePreset,
        graticule: bool,
    ) -> Vec<Tile> {
        let ppp = ui.ctx().pixels_per_point();
        if let Some(c) = &mut self.cache
            && c.colours == colours
            && c.held == held
            && c.graticule == graticule
            && c.pixels_per_point == ppp
            && let Some(offset) = c.offset_to(frame)
        {
            if offset != c.shown_offset {
                c.shown = tiles::translated(&c.base, offset);
                c.shown_offset = offset;
            }
            return c.shown.clone();
        }
        let reach = frame.rect.expand2(frame.rect.size() * 0.5);
        let mut base = fill_mesh(frame, &colours, held, reach);
        let font_size = ui.ctx().fonts(|f| f.font_image_size());
        base.append(line_mesh(frame, graticule, ppp, font_size, reach));
        let base = tiles::cut(&base, reach, tiles::TILES_PER_SIDE);
        self.cache = Some(Cache {
            frame: *frame,
            colours,
            held,
            graticule,
            pixels_per_point: ppp,
            base: base.clone(),
            reach,
            shown: base.clone(),
            shown_offset: Vec2::ZERO,
        });
        base
    }

    fn paint(&mut self, ui: &Ui, frame: &Frame, scenario: &Scenario, layers: &Layers) {
        let painter = ui.painter_at(frame.rect);
        painter.rect_filled(frame.rect, 0.0, theme::MAP_WATER);
        let data = geodata();
        let colours: Vec<Status> = data
            .countries()
            .iter()
            .map(|c| status(scenario, c.id))
            .collect();
        let held = if layers.line_of_control {
            scenario.settlement_line.preset
        } else {
            LinePreset::None
        };
        let base = self.meshes(ui, frame, colours, held, layers.graticule);
        tiles::paint(&painter, &base);
        for (id, stroke) in [
            (&self.hovered, Stroke::new(1.5, theme::MAP_TEXT_MUTED)),
            (&self.selected, Stroke::new(2.5, theme::MAP_SELECTED)),
        ] {
            if let Some(country) = id.as_deref().and_then(|id| data.country(id)) {
                outline(&painter, frame, country, stroke);
            }
        }
        let mut labels = LabelPlacer::default();
        if layers.line_of_control {
            settlement_line(&painter, frame, scenario, &mut labels);
        }
        if layers.ties {
            ties(&painter, frame, scenario, &self.credibility, &mut labels);
        }
        if layers.axes {
            axes(&painter, frame, scenario, &self.axis_days, &mut labels);
        }
        annotations(&painter, frame, &mut labels);
        if layers.forces {
            forces(&painter, frame, scenario);
        }
        if layers.labels {
            city_labels(&painter, frame, &mut labels);
            country_labels(&painter, frame, &mut labels);
        }
        self.measurements(&painter, frame);
        let title_bottom = title_block(&painter, frame, scenario);
        legend(&painter, frame, scenario, layers, title_bottom);
        scale_bar(&painter, frame);
        if layers.graticule {
            graticule_labels(&painter, frame);
        }
    }

    fn measurements(&self, painter: &egui::Painter, frame: &Frame) {
        let stroke = Stroke::new(2.0, theme::MAP_TOOL);
        for (centre, radius) in &self.rings {
            let points: Vec<Pos2> = (0..=96)
                .map(|i| {
                    let [lon, lat] = destination(*centre, f64::from(i) * 3.75, *radius);
                    frame.geo_to_screen(lon, lat)
                })
                .collect();
            painter.add(Shape::closed_line(points, stroke));
            let c = frame.geo_to_screen(centre[0], centre[1]);
            painter.circle_filled(c, 3.0, theme::MAP_TOOL);
            let [lon, lat] = destination(*centre, 0.0, *radius);
            halo_text(
                painter,
                frame.geo_to_screen(lon, lat) + vec2(0.0, -4.0),
                Align2::CENTER_BOTTOM,
                &format!("{radius:.0} km"),
                FontId::proportional(12.0),
                theme::MAP_TEXT,
            );
        }
        for p in &self.ruler {
            painter.circle_filled(frame.geo_to_screen(p[0], p[1]), 4.0, theme::MAP_TOOL);
        }
        if let [a, b] = self.ruler[..] {
            let points = great_circle(frame, a, b, 48);
            painter.add(Shape::line(points.clone(), stroke));
            let km = distance_km(a, b);
            let mid = intermediate(a, b, 0.5);
            halo_text(
                painter,
                frame.geo_to_screen(mid[0], mid[1]) + vec2(0.0, -6.0),
                Align2::CENTER_BOTTOM,
                &format!("{km:.0} km"),
                FontId::proportional(14.0),
                theme::MAP_TEXT,
            );
        }
    }

    fn tooltip(&self, response: Response, scenario: &Scenario) {
        let Some(id) = self.hovered.clone() else {
            return;
        };
        if response.dragged() {
            return;
        }
        response.on_hover_ui_at_pointer(|ui| country_card(ui, scenario, &id));
    }
}

#[derive(Default)]
struct ToolbarActions {
    zoom: Option<f64>,
    reset: bool,
}

fn geodata() -> &'static Geodata {
    Geodata::get()
}

fn as_f32(p: [f64; 2]) -> [f32; 2] {
    [p[0] as f32, p[1] as f32]
}

/// The view that shows a country whole, with a margin.
fn fit_country(rect: Rect, country: &BakedCountry) -> View {
    let [x0, y0, x1, y1] = country.bbox.map(f64::from);
    let (w, h) = ((x1 - x0).max(50.0) * 1.25, (y1 - y0).max(50.0) * 1.25);
    let scale = (f64::from(rect.width()) / w).min(f64::from(rect.height()) / h);
    View {
        center: [(x0 + x1) / 2.0, (y0 + y1) / 2.0],
        zoom: (scale / base_scale(rect)).clamp(MIN_ZOOM, MAX_ZOOM),
    }
}

/// The fill mesh in screen space: every country in its status colour, then the
/// held area.
fn fill_mesh(frame: &Frame, colours: &[Status], held: LinePreset, reach: Rect) -> Mesh {
    let data = geodata();
    let mut mesh = Mesh::default();
    mesh.reserve_vertices(data.vertices.len());
    mesh.reserve_triangles(data.indices.len() / 3);
    let visible = reach.expand(2.0);
    let add_range = |mesh: &mut Mesh, vertices: (u32, u32), indices: (u32, u32), colour| {
        let base = mesh.vertices.len() as u32;
        let (v0, v1) = (vertices.0 as usize, vertices.1 as usize);
        for v in data.vertices.get(v0..v1).unwrap_or(&[]) {
            let pos = frame.to_screen([f64::from(v[0]), f64::from(v[1])]);
            mesh.colored_vertex(pos, colour);
        }
        let tris = data
            .indices
            .get(indices.0 as usize..indices.1 as usize)
            .unwrap_or(&[]);
        for t in tris.chunks_exact(3) {
            let [a, b, c] = [t[0], t[1], t[2]].map(|i| base + i - vertices.0);
            mesh.add_triangle(a, b, c);
        }
    };
    for (country, status) in data.countries().iter().zip(colours) {
        let [x0, y0, x1, y1] = country.bbox;
        let a = frame.to_screen([f64::from(x0), f64::from(y0)]);
        let b = frame.to_screen([f64::from(x1), f64::from(y1)]);
        if !Rect::from_two_pos(a, b).intersects(visible) {
            continue;
        }
        add_range(
            &mut mesh,
            country.vertices,
            country.indices,
            theme::map_fill(*status),
        );
    }
    if let Some((vertices, indices)) = data.held_area(held) {
        add_range(&mut mesh, vertices, indices, theme::MAP_HELD);
    }
    mesh
}

/// The border, coastline and graticule strokes in screen space, tessellated once
/// per view (anti-aliased, constant width at every zoom). Points closer than
/// 0.6 points on screen are merged, which keeps the whole-map view light.
fn line_mesh(frame: &Frame, graticule: bool, ppp: f32, font_size: [usize; 2], reach: Rect) -> Mesh {
    let data = geodata();
    let mut tess = Tessellator::new(ppp, Default::default(), font_size, Vec::new());
    tess.set_clip_rect(reach.expand(4.0));
    let mut mesh = Mesh::default();
    let visible = reach.expand(8.0);
    let zoom_width = (frame.scale / base_scale(frame.rect)).clamp(1.0, 4.0) as f32;
    let mut stroke_line = |points: Vec<Pos2>, stroke: Stroke| {
        if points.len() >= 2 {
            tess.tessellate_path(
                &PathShape::line(points, PathStroke::from(stroke)),
                &mut mesh,
            );
        }
    };
    if graticule {
        for line in graticule_lines() {
            let points = line.iter().map(|p| frame.to_screen(*p)).collect();
            stroke_line(points, Stroke::new(0.8, theme::MAP_GRATICULE));
        }
    }
    let coast = Stroke::new(0.6 + 0.15 * zoom_width, theme::MAP_COAST);
    let land = Stroke::new(0.7 + 0.2 * zoom_width, theme::MAP_BORDER);
    for border in data.borders() {
        let mut points: Vec<Pos2> = Vec::new();
        let mut bounds = Rect::NOTHING;
        for p in data.border(border) {
            let pos = frame.to_screen([f64::from(p[0]), f64::from(p[1])]);
            if points.last().is_none_or(|q| q.distance(pos) > 0.6) {
                points.push(pos);
                bounds.extend_with(pos);
            }
        }
        if let Some(last) = data.border(border).last() {
            let pos = frame.to_screen([f64::from(last[0]), f64::from(last[1])]);
            if points.last() != Some(&pos) {
                points.push(pos);
            }
        }
        if bounds.intersects(visible) {
            stroke_line(points, if border.land { land } else { coast });
        }
    }
    mesh
}

/// Meridians every 10° and parallels every 5°, in map km.
fn graticule_lines() -> &'static [Vec<[f64; 2]>] {
    static LINES: std::sync::OnceLock<Vec<Vec<[f64; 2]>>> = std::sync::OnceLock::new();
    LINES.get_or_init(|| {
        let mut lines = Vec::new();
        for lon in (-30..=90).step_by(10) {
            lines.push(
                (25..=82)
                    .map(|lat| project(f64::from(lon), f64::from(lat)))
                    .collect(),
            );
        }
        for lat in (25..=80).step_by(5) {
            lines.push(
                (-30..=90)
                    .map(|lon| project(f64::from(lon), f64::from(lat)))
                    .collect(),
            );
        }
        lines
    })
}

fn graticule_labels(painter: &egui::Painter, frame: &Frame) {
    let font = FontId::proportional(10.0);
    let r = frame.rect;
    for lat in (25..=80).step_by(5) {
        // Where the parallel meets the left edge.
        let geo = frame.to_geo(pos2(r.left() + 2.0, r.center().y));
        let p = frame.geo_to_screen(geo[0], f64::from(lat));
        if r.y_range().contains(p.y) {
            let [lon_edge, _] = frame.to_geo(pos2(r.left(), p.y));
            let p = frame.geo_to_screen(lon_edge, f64::from(lat));
            painter.text(
                pos2(r.left() + 4.0, p.y),
                Align2::LEFT_BOTTOM,
                format!("{lat}°N"),
                font.clone(),
                theme::MAP_TEXT_MUTED,
            );
        }
    }
    for lon in (-30..=90).step_by(10) {
        let [_, lat_edge] = frame.to_geo(pos2(r.center().x, r.bottom()));
        let p = frame.geo_to_screen(f64::from(lon), lat_edge);
        if r.x_range().contains(p.x) {
            let [_, lat] = frame.to_geo(pos2(p.x, r.bottom()));
            let p = frame.geo_to_screen(f64::from(lon), lat);
            let text = if lon < 0 {
                format!("{}°W", -lon)
            } else {
                format!("{lon}°E")
            };
            painter.text(
                pos2(p.x + 3.0, r.bottom() - 18.0),
                Align2::LEFT_BOTTOM,
                text,
                font.clone(),
                theme::MAP_TEXT_MUTED,
            );
        }
    }
}

fn outline(painter: &egui::Painter, frame: &Frame, country: &BakedCountry, stroke: Stroke) {
    for ring in geodata().rings(country) {
        let points: Vec<Pos2> = ring
            .iter()
            .map(|p| frame.to_screen([f64::from(p[0]), f64::from(p[1])]))
            .collect();
        painter.add(Shape::closed_line(points, stroke));
    }
}

/// Screen points along the great circle from `a` to `b` (lon, lat).
fn great_circle(frame: &Frame, a: [f64; 2], b: [f64; 2], steps: u32) -> Vec<Pos2> {
    (0..=steps)
        .map(|i| {
            let [lon, lat] = intermediate(a, b, f64::from(i) / f64::from(steps));
            frame.geo_to_screen(lon, lat)
        })
        .collect()
}

/// Places labels greedily, skipping any that would overlap one already placed.
#[derive(Default)]
struct LabelPlacer {
    taken: Vec<Rect>,
}

impl LabelPlacer {
    fn try_take(&mut self, rect: Rect) -> bool {
        if self.taken.iter().any(|r| r.intersects(rect)) {
            return false;
        }
        self.taken.push(rect);
        true
    }

    fn block(&mut self, rect: Rect) {
        self.taken.push(rect);
    }
}

/// Text with a light halo so it reads on any fill.
fn halo_text(
    painter: &egui::Painter,
    pos: Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    colour: Color32,
) -> Rect {
    let galley = painter.layout_no_wrap(text.to_owned(), font, colour);
    let rect = anchor.anchor_size(pos, galley.size());
    halo_galley(painter, rect.min, galley, colour);
    rect
}

/// Paints a laid-out text at `min` with a light halo around it.
fn halo_galley(painter: &egui::Painter, min: Pos2, galley: Arc<egui::Galley>, colour: Color32) {
    for d in [
        vec2(-1.0, 0.0),
        vec2(1.0, 0.0),
        vec2(0.0, -1.0),
        vec2(0.0, 1.0),
    ] {
        painter.galley_with_override_text_color(min + d, galley.clone(), theme::MAP_HALO);
    }
    painter.galley(min, galley, colour);
}

/// [`halo_text`] if its rectangle lies within `bounds` and is still free of
/// other labels (laid out once, for both the test and the painting).
#[allow(clippy::too_many_arguments)] // a label's text, style and place, plus the placer
fn placed_halo_text(
    painter: &egui::Painter,
    labels: &mut LabelPlacer,
    bounds: Rect,
    pos: Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    colour: Color32,
) {
    let galley = painter.layout_no_wrap(text.to_owned(), font, colour);
    let rect = anchor.anchor_size(pos, galley.size());
    if bounds.contains_rect(rect) && labels.try_take(rect) {
        halo_galley(painter, rect.min, galley, colour);
    }
}

fn city_labels(painter: &egui::Painter, frame: &Frame, labels: &mut LabelPlacer) {
    let zoom = frame.scale / base_scale(frame.rect);
    for city in CITIES {
        if !city.capital && zoom < 1.6 && city.name != "Kaliningrad" && city.name != "St Petersburg"
        {
            continue;
        }
        let p = frame.geo_to_screen(city.lon, city.lat);
        if !frame.rect.shrink(4.0).contains(p) {
            continue;
        }
        let size = if city.capital { 12.5 } else { 11.5 };
        let font = FontId::proportional(size);
        let galley = painter.layout_no_wrap(city.name.to_owned(), font.clone(), theme::MAP_TEXT);
        let dot = Rect::from_center_size(p, Vec2::splat(7.0));
        // Try right, left, above, below the dot.
        let candidates = [
            (p + vec2(6.0, 0.0), Align2::LEFT_CENTER),
            (p + vec2(-6.0, 0.0), Align2::RIGHT_CENTER),
            (p + vec2(0.0, -5.0), Align2::CENTER_BOTTOM),
            (p + vec2(0.0, 5.0), Align2::CENTER_TOP),
        ];
        if !labels.try_take(dot) {
            continue;
        }
        let placed = candidates.iter().find(|(pos, anchor)| {
            let r = anchor.anchor_size(*pos, galley.size()).expand(1.0);
            frame.rect.contains_rect(r) && labels.try_take(r)
        });
        if city.capital {
            painter.circle(p, 3.6, Color32::WHITE, Stroke::new(1.6, theme::MAP_TEXT));
            painter.circle_filled(p, 1.4, theme::MAP_TEXT);
        } else {
            painter.circle(p, 2.6, theme::MAP_TEXT, Stroke::new(1.0, Color32::WHITE));
        }
        if let Some((pos, anchor)) = placed {
            halo_text(painter, *pos, *anchor, city.name, font, theme::MAP_TEXT);
        }
    }
}

fn country_labels(painter: &egui::Painter, frame: &Frame, labels: &mut LabelPlacer) {
    let font = FontId::proportional(11.0);
    for country in geodata().countries() {
        let [x0, y0, x1, y1] = country.bbox;
        let width = f64::from(x1 - x0) * frame.scale;
        let height = f64::from(y1 - y0) * frame.scale;
        let p = frame.to_screen([f64::from(country.label[0]), f64::from(country.label[1])]);
        if !frame.rect.shrink(20.0).contains(p) {
            continue;
        }
        let name = country_name(country.id, country.name).to_uppercase();
        let galley = painter.layout_no_wrap(name, font.clone(), theme::MAP_TEXT_MUTED);
        if f64::from(galley.size().x) > width * 0.9 || height < 14.0 {
            continue;
        }
        let rect = Align2::CENTER_CENTER.anchor_size(p, galley.size());
        if labels.try_take(rect.expand(2.0)) {
            halo_galley(painter, rect.min, galley, theme::MAP_TEXT_MUTED);
        }
    }
}

/// Shorter names for the map where Natural Earth's are long.
fn country_name(id: &str, name: &'static str) -> &'static str {
    match id {
        "GBR" => "United Kingdom",
        "BIH" => "Bosnia",
        "MKD" => "N. Macedonia",
        _ => name,
    }
}

fn settlement_line(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    labels: &mut LabelPlacer,
) {
    let line: Vec<(f64, f64)> = match scenario.settlement_line.preset {
        LinePreset::None => return,
        LinePreset::LineOfContact2025 => lines::line_of_contact_2025(),
        LinePreset::CedeDonetskLuhansk => lines::cede_donetsk_luhansk(),
        LinePreset::Custom => scenario
            .settlement_line
            .custom
            .iter()
            .map(|p| (p.lon, p.lat))
            .collect(),
    };
    let points: Vec<Pos2> = line
        .iter()
        .map(|&(lon, lat)| frame.geo_to_screen(lon, lat))
        .collect();
    painter.add(Shape::line(
        points.clone(),
        Stroke::new(5.0, theme::MAP_HALO),
    ));
    painter.add(Shape::line(points, Stroke::new(2.8, theme::MAP_AXIS)));
    let name = match scenario.settlement_line.preset {
        LinePreset::CedeDonetskLuhansk => "Settlement line: Donetsk and Luhansk ceded",
        LinePreset::Custom => "Settlement line (custom)",
        _ => "Line of contact, late 2025",
    };
    // The source note sits at the bottom of the map, above the scale bar.
    let r = frame.rect;
    let note = format!("{name} — {}", lines::SOURCE_NOTE);
    let rect = halo_text(
        painter,
        pos2(r.left() + 10.0, r.bottom() - 40.0),
        Align2::LEFT_BOTTOM,
        &note,
        FontId::proportional(11.0),
        theme::MAP_TEXT_MUTED,
    );
    labels.block(rect);
    if frame.scale / base_scale(frame.rect) > 2.0
        && let Some(&(lon, lat)) = line.get(line.len() / 3)
    {
        let p = frame.geo_to_screen(lon, lat) + vec2(8.0, 0.0);
        let rect = Align2::LEFT_CENTER.anchor_size(p, vec2(110.0, 14.0));
        if labels.try_take(rect) {
            halo_text(
                painter,
                p,
                Align2::LEFT_CENTER,
                "Russian-held",
                FontId::proportional(11.0),
                theme::MAP_AXIS,
            );
        }
    }
}

fn annotations(painter: &egui::Painter, frame: &Frame, labels: &mut LabelPlacer) {
    let zoom = frame.scale / base_scale(frame.rect);
    // The Suwałki gap: the Polish–Lithuanian border between Kaliningrad and Belarus.
    let [a, b] = SUWALKI_GAP;
    let (pa, pb) = (
        frame.geo_to_screen(a[0], a[1]),
        frame.geo_to_screen(b[0], b[1]),
    );
    if frame.rect.contains(pa) {
        let stroke = Stroke::new(3.0, theme::WARNING);
        painter.add(Shape::line_segment([pa, pb], stroke));
        for p in [pa, pb] {
            painter.circle_filled(p, 3.0, theme::WARNING);
        }
        if zoom > 1.3 {
            let km = distance_km(a, b);
            let text = format!("Suwałki gap ({km:.0} km)");
            placed_halo_text(
                painter,
                labels,
                Rect::EVERYTHING,
                pb + vec2(6.0, 6.0),
                Align2::LEFT_TOP,
                &text,
                FontId::proportional(11.5),
                theme::WARNING,
            );
        }
    }
    if zoom > 1.3 {
        placed_halo_text(
            painter,
            labels,
            frame.rect,
            frame.geo_to_screen(KALININGRAD[0], KALININGRAD[1]) + vec2(0.0, -12.0),
            Align2::RIGHT_BOTTOM,
            "Kaliningrad (Russia)",
            FontId::proportional(10.5),
            theme::MAP_AXIS,
        );
    }
}

fn arrow_head(painter: &egui::Painter, tip: Pos2, from: Pos2, size: f32, colour: Color32) {
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

fn axes(
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
        let mut points = great_circle(frame, a, b, 32);
        let Some(&tip) = points.last() else { continue };
        // Stop short of the objective's dot, leaving room for the head.
        let Some(&before) = points.get(points.len().saturating_sub(3)) else {
            continue;
        };
        let end = tip - (tip - before).normalized() * 9.0;
        points.pop();
        points.push(end);
        painter.add(Shape::line(
            points.clone(),
            Stroke::new(6.0, theme::MAP_HALO),
        ));
        painter.add(Shape::line(points, Stroke::new(3.5, theme::MAP_AXIS)));
        arrow_head(painter, tip, before, 14.0, theme::MAP_AXIS);
        painter.circle(tip, 4.0, Color32::WHITE, Stroke::new(2.0, theme::MAP_AXIS));
        // The route length the engine uses (the panel shows the same figure).
        let km = distance_km(a, b) * axis.route_factor;
        let mut text = format!("{} · {km:.0} km", axis.name);
        if let Some(d) = days.get(&axis.id) {
            text.push_str(&format!(" · {d:.0} days"));
        }
        let mid = intermediate(a, b, 0.5);
        placed_halo_text(
            painter,
            labels,
            Rect::EVERYTHING,
            frame.geo_to_screen(mid[0], mid[1]) + vec2(8.0, -4.0),
            Align2::LEFT_BOTTOM,
            &text,
            FontId::proportional(11.5),
            theme::MAP_AXIS,
        );
    }
}

/// The capital (or label point) of a state, lon/lat.
fn anchor_of(id: &str) -> Option<[f64; 2]> {
    if let Some(r) = Reference::get().state(id) {
        return Some([r.capital.point.lon, r.capital.point.lat]);
    }
    let c = geodata().country(id)?;
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
/// short-dashed declaration, dotted informal tie.
fn tie_shapes(points: &[Pos2], formality: Formality, width: f32) -> Vec<Shape> {
    let stroke = Stroke::new(width, theme::MAP_TIE);
    match formality {
        Formality::RatifiedTreaty => vec![Shape::line(points.to_vec(), stroke)],
        Formality::ExecutiveAgreement => Shape::dashed_line(points, stroke, 14.0, 6.0),
        Formality::PoliticalDeclaration => Shape::dashed_line(points, stroke, 5.0, 5.0),
        Formality::None => Shape::dotted_line(points, theme::MAP_TIE, 7.0, width * 0.6),
    }
}

/// Draws one curved tie from `start` to `end` (quadratic Bézier bent by `bend`,
/// a fraction of its length), with an arrowhead at `end` when `arrow`.
fn curved_tie(
    painter: &egui::Painter,
    (start, end): (Pos2, Pos2),
    bend: f32,
    formality: Formality,
    weight: f32,
    arrow: bool,
) {
    let chord = end - start;
    if chord.length() < 12.0 {
        return;
    }
    let control = start + chord * 0.5 + vec2(-chord.y, chord.x) * bend;
    let points: Vec<Pos2> = (0..=40)
        .map(|i| {
            let t = i as f32 / 40.0;
            let u = 1.0 - t;
            (start.to_vec2() * u * u + control.to_vec2() * 2.0 * u * t + end.to_vec2() * t * t)
                .to_pos2()
        })
        .collect();
    let mut cut = points;
    let head_gap = if arrow { 10.0 } else { 0.0 };
    while cut.len() > 2 && cut.last().is_some_and(|p| p.distance(end) < head_gap) {
        cut.pop();
    }
    let width = 1.0 + 4.0 * weight;
    painter.add(Shape::line(
        cut.clone(),
        Stroke::new(width + 2.5, theme::MAP_HALO),
    ));
    painter.extend(tie_shapes(&cut, formality, width));
    if arrow && let Some(&last) = cut.last() {
        let tip = last + (end - last).normalized() * (last.distance(end) - 3.0).max(0.0);
        arrow_head(painter, tip, last, 8.0 + 5.0 * weight, theme::MAP_TIE);
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

fn ties(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    credibility: &BTreeMap<(String, String), f64>,
    labels: &mut LabelPlacer,
) {
    let inner = frame.rect.shrink(24.0);
    let mut edge_markers: Vec<(Pos2, String)> = Vec::new();
    let mut hubs: Vec<(Pos2, String)> = Vec::new();
    // A guarantor's anchor on screen, or a marker at the map's edge on the way
    // towards `toward` when it is off the map.
    let anchor = |id: &str, toward: Pos2, markers: &mut Vec<(Pos2, String)>| {
        let [lon, lat] = anchor_of(id)?;
        let p = frame.geo_to_screen(lon, lat);
        if inner.contains(p) {
            Some(p)
        } else {
            let q = edge_point(inner, toward, p);
            markers.push((q, id.to_owned()));
            Some(q)
        }
    };
    for arrangement in &scenario.arrangements {
        let weight_of = |g: &crate::scenario::Guarantor| {
            let engine = credibility
                .get(&(arrangement.id.clone(), g.state.clone()))
                .copied();
            tie_weight(g, engine) as f32
        };
        let targets: Vec<Pos2> = arrangement
            .protected_states
            .iter()
            .filter_map(|p| anchor_of(p))
            .map(|[lon, lat]| frame.geo_to_screen(lon, lat))
            .collect();
        let pairs = arrangement.guarantors.len() * targets.len();
        if arrangement.guarantors.len() > 3 && pairs > 6 {
            // Many guarantors and protected states (an alliance): bundle the ties
            // through a hub, thin lines from each guarantor into it and one arrow
            // out of it to each protected state, so the map stays readable.
            let Some(centre) = mean(&targets) else {
                continue;
            };
            let sources: Vec<Pos2> = arrangement
                .guarantors
                .iter()
                .filter_map(|g| anchor(&g.state, centre, &mut edge_markers))
                .collect();
            let Some(from) = mean(&sources) else { continue };
            let hub = from + (centre - from) * 0.45;
            for (g, p) in arrangement.guarantors.iter().zip(&sources) {
                curved_tie(painter, (*p, hub), 0.0, g.formality, 0.15, false);
            }
            let weight = arrangement.guarantors.iter().map(weight_of).sum::<f32>()
                / arrangement.guarantors.len() as f32;
            let formality = most_formal(arrangement.guarantors.iter().map(|g| g.formality));
            for (i, t) in targets.iter().enumerate() {
                let side = if i % 2 == 0 { 0.12 } else { -0.12 };
                curved_tie(painter, (hub, *t), side, formality, weight, true);
            }
            hubs.push((hub, arrangement.name.clone()));
            continue;
        }
        for (gi, guarantor) in arrangement.guarantors.iter().enumerate() {
            let weight = weight_of(guarantor);
            for &end in &targets {
                let Some(start) = anchor(&guarantor.state, end, &mut edge_markers) else {
                    continue;
                };
                // A gentle curve; ties from several guarantors bend alternately.
                let side = if gi % 2 == 0 { 1.0 } else { -1.0 };
                let bend = (0.18 + 0.05 * (gi / 2) as f32) * side;
                curved_tie(
                    painter,
                    (start, end),
                    bend,
                    guarantor.formality,
                    weight,
                    true,
                );
            }
        }
    }
    for (hub, name) in hubs {
        let galley = painter.layout_no_wrap(name, FontId::proportional(11.0), Color32::WHITE);
        let rect = Rect::from_center_size(hub, galley.size() + vec2(10.0, 6.0));
        painter.rect(
            rect,
            CornerRadius::same(9),
            theme::MAP_TIE,
            Stroke::new(1.5, Color32::WHITE),
            StrokeKind::Outside,
        );
        painter.galley(rect.min + vec2(5.0, 3.0), galley, Color32::WHITE);
        labels.block(rect);
    }
    edge_markers.sort_by(|a, b| a.1.cmp(&b.1));
    edge_markers.dedup_by(|a, b| a.1 == b.1);
    let mut placed: Vec<Rect> = Vec::new();
    for (pos, id) in edge_markers {
        let name = Reference::get()
            .state(&id)
            .and_then(|s| s.figures.name.clone())
            .unwrap_or(id);
        let galley = painter.layout_no_wrap(name, FontId::proportional(11.5), Color32::WHITE);
        let size = galley.size() + vec2(12.0, 6.0);
        let rect = Rect::from_center_size(pos, size);
        let inside = frame.rect.shrink(4.0);
        let mut rect = rect.translate(vec2(
            (inside.left() - rect.left()).max(0.0) + (inside.right() - rect.right()).min(0.0),
            (inside.top() - rect.top()).max(0.0) + (inside.bottom() - rect.bottom()).min(0.0),
        ));
        // Markers of several off-map guarantors stack instead of overlapping.
        while placed.iter().any(|r: &Rect| r.expand(1.0).intersects(rect)) {
            rect = rect.translate(vec2(0.0, size.y + 3.0));
        }
        placed.push(rect);
        painter.rect_filled(rect, CornerRadius::same(3), theme::MAP_TIE);
        painter.galley(rect.min + vec2(6.0, 3.0), galley, Color32::WHITE);
        labels.block(rect);
    }
}

fn forces(painter: &egui::Painter, frame: &Frame, scenario: &Scenario) {
    let mut stacks: BTreeMap<(i32, i32), u32> = BTreeMap::new();
    for arrangement in &scenario.arrangements {
        for guarantor in &arrangement.guarantors {
            for unit in &guarantor.forces {
                let at = unit
                    .position
                    .map(|p| [p.lon, p.lat])
                    .or_else(|| anchor_of(&unit.stationed_in));
                let Some(at) = at else { continue };
                let p = frame.geo_to_screen(at[0], at[1]);
                let key = ((p.x / 8.0) as i32, (p.y / 8.0) as i32);
                let n = stacks.entry(key).or_default();
                *n += 1;
                // Three markers per place at most; the rest are counted.
                if *n > 3 {
                    continue;
                }
                let centre = p + vec2(0.0, 18.0 + 17.0 * (*n - 1) as f32);
                if !frame.rect.contains(centre) {
                    continue;
                }
                unit_marker(painter, centre, unit.is_present(), Some(unit.arrival_days));
            }
        }
    }
    for (&(kx, ky), &n) in &stacks {
        if n > 3 {
            let p = pos2(kx as f32 * 8.0, ky as f32 * 8.0) + vec2(-11.0, 18.0 + 17.0 * 3.0);
            halo_text(
                painter,
                p,
                Align2::LEFT_TOP,
                &format!("+{} more", n - 3),
                FontId::proportional(10.5),
                theme::MAP_TIE,
            );
        }
    }
}

/// A NATO-style unit box (infantry cross): filled when present, outlined with the
/// arrival day when pledged.
fn unit_marker(painter: &egui::Painter, centre: Pos2, present: bool, arrival_days: Option<f64>) {
    let rect = Rect::from_center_size(centre, vec2(22.0, 14.0));
    let ink = theme::MAP_TIE;
    if present {
        painter.rect(
            rect,
            1.0,
            theme::GUARANTOR,
            Stroke::new(1.5, ink),
            StrokeKind::Middle,
        );
    } else {
        painter.rect(
            rect,
            1.0,
            Color32::WHITE,
            Stroke::new(1.5, ink),
            StrokeKind::Middle,
        );
    }
    let cross = Stroke::new(1.2, if present { Color32::WHITE } else { ink });
    painter.line_segment([rect.left_top(), rect.right_bottom()], cross);
    painter.line_segment([rect.left_bottom(), rect.right_top()], cross);
    if let (false, Some(arrival_days)) = (present, arrival_days) {
        halo_text(
            painter,
            rect.right_center() + vec2(4.0, 0.0),
            Align2::LEFT_CENTER,
            &format!("D+{arrival_days:.0}"),
            FontId::proportional(10.5),
            ink,
        );
    }
}

/// The title block; returns its bottom edge.
fn title_block(painter: &egui::Painter, frame: &Frame, scenario: &Scenario) -> f32 {
    let title = painter.layout_no_wrap(
        scenario.meta.title.clone(),
        FontId::proportional(17.0),
        theme::MAP_TEXT,
    );
    let mut sub = String::from("NATO's eastern flank");
    if !scenario.meta.date.is_empty() {
        sub.push_str(" · ");
        sub.push_str(&scenario.meta.date);
    }
    let sub = painter.layout_no_wrap(sub, FontId::proportional(11.5), theme::MAP_TEXT_MUTED);
    let width = title.size().x.max(sub.size().x) + 20.0;
    let height = title.size().y + sub.size().y + 14.0;
    let rect = Rect::from_min_size(frame.rect.min + vec2(10.0, 10.0), vec2(width, height));
    painter.rect(
        rect,
        3.0,
        theme::MAP_PANEL,
        Stroke::new(1.0, theme::MAP_BORDER),
        StrokeKind::Inside,
    );
    let title_height = title.size().y;
    painter.galley(rect.min + vec2(10.0, 6.0), title, theme::MAP_TEXT);
    painter.galley(
        rect.min + vec2(10.0, 8.0 + title_height),
        sub,
        theme::MAP_TEXT_MUTED,
    );
    rect.bottom()
}

fn legend(painter: &egui::Painter, frame: &Frame, scenario: &Scenario, layers: &Layers, _top: f32) {
    let font = FontId::proportional(11.5);
    let mut rows: Vec<(LegendKey, String)> = Vec::new();
    let shown: Vec<Status> = Status::ALL
        .into_iter()
        .filter(|s| {
            *s == Status::Nato
                || *s == Status::Adversary
                || scenario
                    .states
                    .iter()
                    .any(|st| status(scenario, &st.id) == *s)
        })
        .collect();
    for s in shown {
        rows.push((LegendKey::Fill(theme::map_fill(s)), s.label().to_owned()));
    }
    if layers.line_of_control && scenario.settlement_line.preset != LinePreset::None {
        rows.push((
            LegendKey::Fill(theme::blend(
                theme::map_fill(Status::Protected),
                theme::MAP_HELD,
                0.55,
            )),
            "Held by Russia".into(),
        ));
    }
    if layers.ties
        && scenario
            .arrangements
            .iter()
            .any(|a| !a.guarantors.is_empty())
    {
        for (f, label) in [
            (Formality::RatifiedTreaty, "Treaty"),
            (Formality::ExecutiveAgreement, "Executive agreement"),
            (Formality::PoliticalDeclaration, "Political declaration"),
            (Formality::None, "Informal tie"),
        ] {
            rows.push((LegendKey::Tie(f), label.into()));
        }
    }
    if layers.forces
        && scenario
            .arrangements
            .iter()
            .any(|a| a.guarantors.iter().any(|g| !g.forces.is_empty()))
    {
        rows.push((LegendKey::Unit(true), "Forces present".into()));
        rows.push((
            LegendKey::Unit(false),
            "Forces pledged (arrival day)".into(),
        ));
    }
    if layers.axes && !scenario.axes.is_empty() {
        rows.push((LegendKey::Axis, "Axis of advance".into()));
    }
    let row_h = 18.0;
    let galleys: Vec<_> = rows
        .iter()
        .map(|(_, t)| painter.layout_no_wrap(t.clone(), font.clone(), theme::MAP_TEXT))
        .collect();
    let text_w = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let size = vec2(text_w + 58.0, rows.len() as f32 * row_h + 12.0);
    let rect = Rect::from_min_size(
        pos2(frame.rect.right() - size.x - 10.0, frame.rect.top() + 10.0),
        size,
    );
    painter.rect(
        rect,
        3.0,
        theme::MAP_PANEL,
        Stroke::new(1.0, theme::MAP_BORDER),
        StrokeKind::Inside,
    );
    for (i, ((key, _), galley)) in rows.iter().zip(galleys).enumerate() {
        let y = rect.top() + 6.0 + i as f32 * row_h + row_h / 2.0;
        let key_rect = Rect::from_center_size(pos2(rect.left() + 22.0, y), vec2(28.0, 12.0));
        match key {
            LegendKey::Fill(c) => {
                painter.rect(
                    key_rect,
                    1.0,
                    *c,
                    Stroke::new(0.8, theme::MAP_BORDER),
                    StrokeKind::Inside,
                );
            }
            LegendKey::Tie(f) => {
                let pts = [key_rect.left_center(), key_rect.right_center()];
                painter.extend(tie_shapes(&pts, *f, 2.5));
            }
            LegendKey::Unit(present) => unit_marker(painter, key_rect.center(), *present, None),
            LegendKey::Axis => {
                painter.line_segment(
                    [
                        key_rect.left_center(),
                        key_rect.right_center() - vec2(6.0, 0.0),
                    ],
                    Stroke::new(3.0, theme::MAP_AXIS),
                );
                arrow_head(
                    painter,
                    key_rect.right_center(),
                    key_rect.left_center(),
                    9.0,
                    theme::MAP_AXIS,
                );
            }
        }
        let text_x = rect.left() + 44.0;
        let gy = y - galley.size().y / 2.0;
        painter.galley(pos2(text_x, gy), galley, theme::MAP_TEXT);
    }
}

enum LegendKey {
    Fill(Color32),
    Tie(Formality),
    Unit(bool),
    Axis,
}

fn scale_bar(painter: &egui::Painter, frame: &Frame) {
    // True km per screen point at the view's centre latitude (the projection's
    // scale factor there is below one between the standard parallels).
    let [_, lat] = frame.to_geo(frame.rect.center());
    let km_per_point = 1.0 / (frame.scale * projection::scale_factor(lat.clamp(30.0, 75.0)));
    let target = 130.0 * km_per_point;
    let nice = [
        5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0,
    ];
    let km = nice
        .iter()
        .copied()
        .min_by(|a, b| (a - target).abs().total_cmp(&(b - target).abs()))
        .unwrap_or(100.0);
    let len = (km / km_per_point) as f32;
    let left = pos2(frame.rect.left() + 14.0, frame.rect.bottom() - 16.0);
    let bg = Rect::from_min_max(left + vec2(-6.0, -18.0), left + vec2(len + 60.0, 8.0));
    painter.rect_filled(bg, 3.0, theme::MAP_PANEL);
    let half = left + vec2(len / 2.0, 0.0);
    let right = left + vec2(len, 0.0);
    painter.rect_filled(
        Rect::from_min_max(left + vec2(0.0, -4.0), half),
        0.0,
        theme::MAP_TEXT,
    );
    painter.rect_stroke(
        Rect::from_min_max(left + vec2(0.0, -4.0), right),
        0.0,
        Stroke::new(1.0, theme::MAP_TEXT),
        StrokeKind::Middle,
    );
    for (p, t) in [(left, "0".to_owned()), (right, format!("{km:.0} km"))] {
        painter.text(
            p + vec2(0.0, -6.0),
            Align2::CENTER_BOTTOM,
            t,
            FontId::proportional(10.5),
            theme::MAP_TEXT,
        );
    }
    painter.text(
        right + vec2(30.0, -2.0),
        Align2::LEFT_BOTTOM,
        format!("at {lat:.0}°N"),
        FontId::proportional(9.5),
        theme::MAP_TEXT_MUTED,
    );
}

/// A card with a country's name, status and key figures (tooltip and the
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
    ui.label(status(scenario, id).label());
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
            thousands(r.active_troops),
            thousands(r.reserve_troops)
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
            thousands(present),
            thousands(pledged)
        ));
    }
}

/// A whole number with thin thousands separators.
fn thousands(v: f64) -> String {
    let s = format!("{:.0}", v.max(0.0));
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cache_for(frame: Frame) -> Cache {
        let reach = frame.rect.expand2(frame.rect.size() * 0.5);
        Cache {
            frame,
            colours: Vec::new(),
            held: LinePreset::None,
            graticule: false,
            pixels_per_point: 1.0,
            base: Vec::new(),
            reach,
            shown: Vec::new(),
            shown_offset: Vec2::ZERO,
        }
    }

    #[test]
    fn a_pan_within_reach_moves_the_cached_meshes_and_a_zoom_rebuilds_them() {
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(1000.0, 800.0));
        let view = View {
            center: [0.0, 0.0],
            zoom: 2.0,
        };
        let built = Frame::new(rect, view);
        let cache = cache_for(built);
        // 100 points right on screen: the map moves left by 100 points.
        let panned = Frame {
            center: [100.0 / built.scale, 0.0],
            ..built
        };
        let offset = cache
            .offset_to(&panned)
            .expect("a small pan reuses the meshes");
        assert!((offset - vec2(-100.0, 0.0)).length() < 1e-3, "{offset:?}");
        // A point keeps its place on the map: where it was, moved by the offset.
        let p = [30.0, 40.0];
        assert!((built.to_screen(p) + offset - panned.to_screen(p)).length() < 1e-3);
        // Beyond half a view the meshes do not cover the screen any more.
        let far = Frame {
            center: [700.0 / built.scale, 0.0],
            ..built
        };
        assert_eq!(cache.offset_to(&far), None);
        let zoomed = Frame::new(rect, View { zoom: 3.0, ..view });
        assert_eq!(cache.offset_to(&zoomed), None);
    }
}
