//! The map's base: every country filled in its role colour, the held area,
//! and the border, coastline and graticule strokes, as one screen-space mesh cut
//! into tiles (see `tiles`).
//!
//! The geometry is projected and triangulated at build time. The mesh is
//! rebuilt only when the view (zoom/size) or the colouring
//! changes, by transforming the baked vertices (an affine map, no trigonometry)
//! and tessellating the strokes; it is built half a view beyond the screen on
//! every side, so a pan only moves it.

use egui::epaint::{PathShape, PathStroke, Tessellator};
use egui::{Mesh, Pos2, Rect, Stroke, Vec2};

use crate::kit::palette;
use std::sync::Arc;

use crate::scenario::LinePreset;

use super::frame::Frame;
use super::geodata::{COARSE_TOLERANCE_KM, Geodata};
use super::held_area::HeldMesh;
use super::projection::project;
use super::role::Role;
use super::tiles::{self, Tile};

/// The area the adversary holds, as the base mesh fills it.
#[derive(Clone, Debug)]
pub(super) enum HeldArea {
    /// None drawn (no line, or the line layer off).
    None,
    /// A preset's area, triangulated at build time.
    Preset(LinePreset),
    /// A custom line's, worked out when the line changed (the same area
    /// is the same `Arc`).
    Custom(Arc<HeldMesh>),
}

impl PartialEq for HeldArea {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (HeldArea::None, HeldArea::None) => true,
            (HeldArea::Preset(a), HeldArea::Preset(b)) => a == b,
            (HeldArea::Custom(a), HeldArea::Custom(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// The cached screen-space meshes and what they were built for.
pub(super) struct Cache {
    /// The frame built for; its ink scale sets the strokes' widths.
    frame: Frame,
    colours: Vec<Role>,
    held: HeldArea,
    graticule: bool,
    pixels_per_point: f32,
    /// Fills with the strokes on top, in the screen space of `frame`, cut
    /// into tiles so that egui copies only those on screen each frame.
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
    /// scale, size, ink and contents, and the new view within the area they
    /// cover.
    fn offset_to(&self, frame: &Frame) -> Option<Vec2> {
        if self.frame.scale != frame.scale
            || self.frame.rect.size() != frame.rect.size()
            || self.frame.ink != frame.ink
        {
            return None;
        }
        let offset = frame.to_screen(self.frame.center) - self.frame.rect.center();
        self.reach
            .contains_rect(frame.rect.translate(-offset))
            .then_some(offset)
    }
}

/// The cached meshes for this frame, rebuilt only when something they show
/// changed; a pan only moves them (no tessellation).
pub(super) fn base_mesh(
    cache: &mut Option<Cache>,
    ctx: &egui::Context,
    frame: &Frame,
    colours: &[Role],
    held: &HeldArea,
    graticule: bool,
) -> Vec<Tile> {
    let ppp = ctx.pixels_per_point();
    if let Some(c) = cache
        && c.colours == colours
        && c.held == *held
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
    let mut base = fill_mesh(frame, colours, held, reach);
    let font_size = ctx.fonts(|f| f.font_image_size());
    base.append(line_mesh(frame, graticule, ppp, font_size, reach));
    let base = tiles::cut(&base, reach, tiles::TILES_PER_SIDE);
    *cache = Some(Cache {
        frame: *frame,
        colours: colours.to_vec(),
        held: held.clone(),
        graticule,
        pixels_per_point: ppp,
        base: base.clone(),
        reach,
        shown: base.clone(),
        shown_offset: Vec2::ZERO,
    });
    base
}

/// The fill mesh in screen space: every country in its role colour, then the
/// held area.
fn fill_mesh(frame: &Frame, colours: &[Role], held: &HeldArea, reach: Rect) -> Mesh {
    let data = Geodata::get();
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
    for (country, role) in data.countries().iter().zip(colours) {
        let [x0, y0, x1, y1] = country.bbox;
        let a = frame.to_screen([f64::from(x0), f64::from(y0)]);
        let b = frame.to_screen([f64::from(x1), f64::from(y1)]);
        if !Rect::from_two_pos(a, b).intersects(visible) {
            continue;
        }
        add_range(&mut mesh, country.vertices, country.indices, role.fill());
    }
    match held {
        HeldArea::None => {}
        HeldArea::Preset(preset) => {
            if let Some((vertices, indices)) = data.held_area(*preset) {
                add_range(&mut mesh, vertices, indices, palette::MAP_HELD);
            }
        }
        HeldArea::Custom(custom) => {
            let base = mesh.vertices.len() as u32;
            for v in &custom.vertices {
                let pos = frame.to_screen([f64::from(v[0]), f64::from(v[1])]);
                mesh.colored_vertex(pos, palette::MAP_HELD);
            }
            for t in custom.indices.chunks_exact(3) {
                mesh.add_triangle(base + t[0], base + t[1], base + t[2]);
            }
        }
    }
    mesh
}

/// The border, coastline and graticule strokes in screen space, tessellated once
/// per view (anti-aliased, constant width at every zoom, scaled by the frame's
/// ink); see [`line_shapes`].
fn line_mesh(frame: &Frame, graticule: bool, ppp: f32, font_size: [usize; 2], reach: Rect) -> Mesh {
    let mut tess = Tessellator::new(ppp, Default::default(), font_size, Vec::new());
    tess.set_clip_rect(reach.expand(4.0));
    let mut mesh = Mesh::default();
    for line in line_shapes(frame, graticule, reach) {
        tess.tessellate_path(&line, &mut mesh);
    }
    mesh
}

/// The base map as shapes for a vector export: the fills as one mesh (drawn
/// without anti-aliasing, as laid out), then every border, coastline and
/// graticule line as a path, so that a PDF or SVG reader draws them as lines.
pub(super) fn base_shapes(
    frame: &Frame,
    colours: &[Role],
    held: &HeldArea,
    graticule: bool,
) -> Vec<egui::Shape> {
    let reach = frame.rect.expand(8.0);
    let mut shapes = vec![egui::Shape::mesh(fill_mesh(frame, colours, held, reach))];
    shapes.extend(
        line_shapes(frame, graticule, reach)
            .into_iter()
            .map(egui::Shape::Path),
    );
    shapes
}

/// The border, coastline and graticule lines in screen space within `reach`
/// (constant width at every zoom, scaled by the frame's ink). Zoomed out far
/// enough that the coarse borders stray by at most [`COARSE_MAX_ERROR`] on
/// screen, those are drawn; and points closer than 0.6 points on screen are
/// merged. Both keep the whole-map view light.
fn line_shapes(frame: &Frame, graticule: bool, reach: Rect) -> Vec<PathShape> {
    let data = Geodata::get();
    let mut lines = Vec::new();
    let visible = reach.expand(8.0);
    let zoom_width = frame.zoom().clamp(1.0, 4.0) as f32;
    let mut stroke_line = |points: Vec<Pos2>, stroke: Stroke| {
        if points.len() >= 2 {
            lines.push(PathShape::line(points, PathStroke::from(stroke)));
        }
    };
    if graticule {
        for line in graticule_lines() {
            let points = line.iter().map(|p| frame.to_screen(*p)).collect();
            stroke_line(points, frame.stroke(0.8, palette::MAP_GRATICULE));
        }
    }
    let coast = frame.stroke(0.6 + 0.15 * zoom_width, palette::MAP_COAST);
    let land = frame.stroke(0.7 + 0.2 * zoom_width, palette::MAP_BORDER);
    let coarse = COARSE_TOLERANCE_KM * frame.scale as f32 <= COARSE_MAX_ERROR;
    for border in data.borders() {
        let line = if coarse {
            data.coarse_border(border)
        } else {
            data.border(border)
        };
        let mut points: Vec<Pos2> = Vec::new();
        let mut bounds = Rect::NOTHING;
        for p in line {
            let pos = frame.to_screen([f64::from(p[0]), f64::from(p[1])]);
            if points.last().is_none_or(|q| q.distance(pos) > 0.6) {
                points.push(pos);
                bounds.extend_with(pos);
            }
        }
        if let Some(last) = line.last() {
            let pos = frame.to_screen([f64::from(last[0]), f64::from(last[1])]);
            if points.last() != Some(&pos) {
                points.push(pos);
            }
        }
        if bounds.intersects(visible) {
            stroke_line(points, if border.land { land } else { coast });
        }
    }
    lines
}

/// The largest distance (points) the coarse borders may stray from the full
/// ones on screen where they are drawn instead.
const COARSE_MAX_ERROR: f32 = 0.6;

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

#[cfg(test)]
mod tests {
    use egui::{Pos2, vec2};

    use super::*;
    use crate::map::frame::View;

    fn cache_for(frame: Frame) -> Cache {
        let reach = frame.rect.expand2(frame.rect.size() * 0.5);
        Cache {
            frame,
            colours: Vec::new(),
            held: HeldArea::None,
            graticule: false,
            pixels_per_point: 1.0,
            base: Vec::new(),
            reach,
            shown: Vec::new(),
            shown_offset: Vec2::ZERO,
        }
    }

    #[test]
    fn a_pan_within_reach_moves_the_cached_meshes_and_a_zoom_or_new_ink_rebuilds_them() {
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
        // A slide's larger ink has wider strokes: the meshes are rebuilt.
        assert_eq!(cache.offset_to(&built.with_ink(2.0)), None);
    }
}
