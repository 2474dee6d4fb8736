//! The view (centre and zoom) and the frame that maps it onto the screen: map km
//! to screen points and back, for one frame's rectangle, and the ink scale the
//! map's text, strokes and symbols are drawn at.
//!
//! Every fixed size in the map's drawing (a font, a stroke width, a marker's
//! radius, a label's padding or offset) is a workspace size in points passed
//! through [`Frame::font`], [`Frame::stroke`], [`Frame::px`] or
//! [`Frame::offset`], so a slide can draw the same map with its ink scaled up
//! for a room, sharp (no transform of the layer), while the geometry (what the
//! projection places) stays where it is.

use egui::{Color32, FontId, Pos2, Rect, Stroke, Vec2, pos2, vec2};

use crate::scenario::MapView;

use super::geodata::BakedCountry;
use super::projection::{project, unproject};

/// Smallest zoom factor (1 shows the whole map).
pub const MIN_ZOOM: f64 = 0.6;
/// Largest zoom factor.
pub const MAX_ZOOM: f64 = 40.0;

/// The region shown at zoom 1: 10°W–60°E, 35°N–72°N.
const REGION: [f64; 4] = [-10.0, 35.0, 60.0, 72.0];

/// The live view: centre in map km and zoom factor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct View {
    /// Centre of the view, map km.
    pub(super) center: [f64; 2],
    /// Zoom factor (1 shows the whole region).
    pub(super) zoom: f64,
}

impl View {
    /// The view a document's map view asks for, its zoom clamped.
    pub(super) fn from_map_view(view: &MapView) -> Self {
        Self {
            center: project(view.center.lon, view.center.lat),
            zoom: view.zoom.clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }
}

/// The mapping from map km to screen points for one frame.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Frame {
    /// The map's rectangle on screen.
    pub(super) rect: Rect,
    /// The map km shown at the rectangle's centre.
    pub(super) center: [f64; 2],
    /// Points per map km.
    pub(super) scale: f64,
    /// How much larger than in the workspace the map's ink is drawn: text,
    /// strokes, markers, boxes and their spacing. 1 in the workspace.
    pub(super) ink: f32,
}

impl Frame {
    /// The frame showing `view` in `rect`.
    pub(super) fn new(rect: Rect, view: View) -> Self {
        Self {
            rect,
            center: view.center,
            scale: base_scale(rect) * view.zoom,
            ink: 1.0,
        }
    }

    /// This frame with its ink drawn `ink` times the workspace size.
    pub(super) fn with_ink(self, ink: f32) -> Self {
        Self { ink, ..self }
    }

    /// The zoom factor: 1 shows the whole region.
    pub(super) fn zoom(self) -> f64 {
        self.scale / base_scale(self.rect)
    }

    /// A workspace length, points, at this frame's ink scale.
    pub(super) fn px(self, points: f32) -> f32 {
        points * self.ink
    }

    /// A workspace offset, points, at this frame's ink scale.
    pub(super) fn offset(self, x: f32, y: f32) -> Vec2 {
        vec2(x, y) * self.ink
    }

    /// The map's (proportional) font of workspace size `size`, at this
    /// frame's ink scale.
    pub(super) fn font(self, size: f32) -> FontId {
        FontId::proportional(self.px(size))
    }

    /// A stroke of workspace width `width`, at this frame's ink scale.
    pub(super) fn stroke(self, width: f32, colour: Color32) -> Stroke {
        Stroke::new(self.px(width), colour)
    }

    /// Where a point in map km is on screen.
    pub(super) fn to_screen(self, p: [f64; 2]) -> Pos2 {
        let c = self.rect.center();
        pos2(
            c.x + ((p[0] - self.center[0]) * self.scale) as f32,
            c.y - ((p[1] - self.center[1]) * self.scale) as f32,
        )
    }

    /// Where a point (lon, lat) is on screen.
    pub(super) fn geo_to_screen(self, lon: f64, lat: f64) -> Pos2 {
        self.to_screen(project(lon, lat))
    }

    /// The point in map km under a screen position.
    pub(super) fn to_map(self, pos: Pos2) -> [f64; 2] {
        let c = self.rect.center();
        [
            self.center[0] + f64::from(pos.x - c.x) / self.scale,
            self.center[1] - f64::from(pos.y - c.y) / self.scale,
        ]
    }

    /// The point (lon, lat) under a screen position.
    pub(super) fn to_geo(self, pos: Pos2) -> [f64; 2] {
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
pub(super) fn base_scale(rect: Rect) -> f64 {
    let [x0, y0, x1, y1] = region_bounds();
    (f64::from(rect.width()) / (x1 - x0)).min(f64::from(rect.height()) / (y1 - y0))
}

/// The view that shows a country whole, with a margin.
pub(super) fn fit_country(rect: Rect, country: &BakedCountry) -> View {
    let [x0, y0, x1, y1] = country.bbox.map(f64::from);
    let (w, h) = ((x1 - x0).max(50.0) * 1.25, (y1 - y0).max(50.0) * 1.25);
    let scale = (f64::from(rect.width()) / w).min(f64::from(rect.height()) / h);
    View {
        center: [(x0 + x1) / 2.0, (y0 + y1) / 2.0],
        zoom: (scale / base_scale(rect)).clamp(MIN_ZOOM, MAX_ZOOM),
    }
}
