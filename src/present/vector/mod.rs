//! Vector pages: what egui painted for a slide, a map or a figure, as filled
//! and stroked paths, text runs and images, written out as SVG ([`svg`]) or
//! PDF ([`pdf`]).
//!
//! A page is drawn by the same code as on screen, into an egui context of its
//! own, and its shapes are taken before egui turns them into triangles. Lines,
//! polylines, rectangles and circles stay what they are. Any other shape
//! (rounded boxes, curves, bands, meshes such as the map's fills) is
//! tessellated without anti-aliasing and its triangles filled, a run of one
//! colour in one path, so that no seam shows between neighbours. Text stays
//! text: each row's glyphs in runs of one colour and size, which the reader
//! lays out again in the same font (DejaVu Sans, which the page's context puts
//! first in every family, see [`crate::kit::theme::install_print_fonts`]).
//!
//! No crate turns egui's shapes into SVG or PDF; this module does the
//! egui half, and [`pdf`] leaves the PDF itself to `krilla`.

pub mod pdf;
pub mod svg;

use std::collections::HashMap;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::{
    ClippedShape, ColorMode, Mesh, RectShape, StrokeKind, TessellationOptions, Tessellator,
    TextShape, WHITE_UV,
};
use egui::{Color32, ColorImage, Pos2, Rect, Shape, TextureId, Vec2};

/// One page: its size in points (egui's units) and what is on it, in
/// painting order.
#[derive(Clone, Debug, Default)]
pub struct Page {
    /// Width and height in points.
    pub size: Vec2,
    /// Runs of items drawn within one clip rectangle.
    pub groups: Vec<Group>,
}

/// Items painted within one clip rectangle.
#[derive(Clone, Debug)]
pub struct Group {
    /// Nothing outside it shows.
    pub clip: Rect,
    /// In painting order.
    pub items: Vec<Item>,
}

/// One thing drawn on a page.
#[derive(Clone, Debug)]
pub enum Item {
    /// Triangles filled in one colour, as one path.
    Fill {
        /// Each counter-clockwise on screen, so that overlaps add up.
        triangles: Vec<[Pos2; 3]>,
        /// Premultiplied, as egui keeps colours.
        colour: Color32,
    },
    /// A closed outline filled (a polygon, which may be concave).
    Polygon {
        /// Its corners.
        points: Vec<Pos2>,
        /// Premultiplied.
        colour: Color32,
    },
    /// Lines of one width and colour, each a polyline, drawn as one path.
    Stroke {
        /// The polylines.
        lines: Vec<Vec<Pos2>>,
        /// Whether each polyline closes on its first point.
        closed: bool,
        /// Width in points.
        width: f32,
        /// Premultiplied.
        colour: Color32,
    },
    /// An axis-aligned rectangle, filled and/or outlined.
    Rect {
        /// Its extent (an outline is centred on it).
        rect: Rect,
        /// Premultiplied; transparent for none.
        fill: Color32,
        /// Outline width (0 for none) and colour.
        stroke: (f32, Color32),
    },
    /// An ellipse (a circle has equal radii), filled and/or outlined.
    Ellipse {
        /// Its centre.
        centre: Pos2,
        /// Horizontal and vertical radius.
        radius: Vec2,
        /// Premultiplied; transparent for none.
        fill: Color32,
        /// Outline width (0 for none) and colour.
        stroke: (f32, Color32),
    },
    /// A run of text on one baseline.
    Text(TextRun),
    /// A picture (an image in the notes), as pixels.
    Image {
        /// Where it is drawn.
        rect: Rect,
        /// Its pixels.
        image: Arc<ColorImage>,
    },
}

/// Glyphs of one size and colour on one baseline, laid out in a row.
#[derive(Clone, Debug, PartialEq)]
pub struct TextRun {
    /// The baseline's start (the rotation's centre too).
    pub origin: Pos2,
    /// The characters.
    pub text: String,
    /// Font size in points.
    pub size: f32,
    /// Premultiplied.
    pub colour: Color32,
    /// Clockwise rotation about `origin`, radians.
    pub angle: f32,
    /// The width egui gave the run, points (a reader's own layout is close).
    pub width: f32,
    /// An outline round the glyphs beneath them, its width and colour (a
    /// map label's halo, which egui draws as four offset copies).
    pub halo: Option<(f32, Color32)>,
}

/// What turning shapes into items needs from the context that drew them.
pub struct Source<'a> {
    /// egui's line height of the page's font at size 1 (a glyph's
    /// `font_height` divided by this is its font size).
    pub height_per_size: f32,
    /// The pictures egui was given for its textures (not the font atlas).
    pub textures: &'a HashMap<TextureId, Arc<ColorImage>>,
}

impl Page {
    /// The page of `size` points that `shapes` paint.
    pub fn from_shapes(size: Vec2, shapes: Vec<ClippedShape>, source: &Source<'_>) -> Self {
        let mut page = Page {
            size,
            groups: Vec::new(),
        };
        let options = TessellationOptions {
            feathering: false,
            prerasterized_discs: false,
            coarse_tessellation_culling: false,
            round_text_to_pixels: false,
            round_line_segments_to_pixels: false,
            round_rects_to_pixels: false,
            ..Default::default()
        };
        let mut tessellator = Tessellator::new(1.0, options, [1, 1], Vec::new());
        for clipped in shapes {
            let mut items = Vec::new();
            add_shape(clipped.shape, &mut tessellator, source, &mut items);
            if clipped.transform_after_tessellation != TSTransform::IDENTITY {
                let t = clipped.transform_after_tessellation;
                items.iter_mut().for_each(|item| item.transform(t));
            }
            page.push(clipped.clip_rect, items);
        }
        page
    }

    /// Appends `items` clipped to `clip`, joining runs of the same paint.
    fn push(&mut self, clip: Rect, items: Vec<Item>) {
        if items.is_empty() {
            return;
        }
        if self.groups.last().is_none_or(|g| g.clip != clip) {
            self.groups.push(Group {
                clip,
                items: Vec::new(),
            });
        }
        let Some(group) = self.groups.last_mut() else {
            return;
        };
        for item in items {
            match (group.items.last_mut(), item) {
                (
                    Some(Item::Fill { triangles, colour }),
                    Item::Fill {
                        triangles: more,
                        colour: c,
                    },
                ) if *colour == c => triangles.extend(more),
                (
                    Some(Item::Stroke {
                        lines,
                        closed,
                        width,
                        colour,
                    }),
                    Item::Stroke {
                        lines: more,
                        closed: k,
                        width: w,
                        colour: c,
                    },
                ) if *closed == k && *width == w && *colour == c => lines.extend(more),
                (_, Item::Text(run)) => {
                    let run = absorb_halo(&mut group.items, run);
                    group.items.push(Item::Text(run));
                }
                (_, item) => group.items.push(item),
            }
        }
    }

    /// Every colour on the page put through `f` (which takes and gives
    /// premultiplied colours, as egui keeps them).
    pub fn recolour(&mut self, f: impl Fn(Color32) -> Color32) {
        for item in self.groups.iter_mut().flat_map(|g| &mut g.items) {
            match item {
                Item::Fill { colour, .. }
                | Item::Polygon { colour, .. }
                | Item::Stroke { colour, .. } => *colour = f(*colour),
                Item::Rect { fill, stroke, .. } | Item::Ellipse { fill, stroke, .. } => {
                    *fill = f(*fill);
                    stroke.1 = f(stroke.1);
                }
                Item::Text(run) => {
                    run.colour = f(run.colour);
                    if let Some(halo) = &mut run.halo {
                        halo.1 = f(halo.1);
                    }
                }
                Item::Image { image, .. } => {
                    let mut grey = (**image).clone();
                    grey.pixels.iter_mut().for_each(|p| *p = f(*p));
                    *image = Arc::new(grey);
                }
            }
        }
    }

    /// Every text run on the page, in painting order.
    pub fn texts(&self) -> impl Iterator<Item = &TextRun> {
        self.groups
            .iter()
            .flat_map(|g| &g.items)
            .filter_map(|item| match item {
                Item::Text(run) => Some(run),
                _ => None,
            })
    }
}

/// The farthest a halo's copy lies from its text, points.
const HALO_REACH: f32 = 3.0;

/// `run` with the copies of it just before it in `items` (the same text in
/// another colour, offset by at most [`HALO_REACH`]) taken out as its halo.
fn absorb_halo(items: &mut Vec<Item>, mut run: TextRun) -> TextRun {
    let mut reach = 0.0_f32;
    let mut colour = None;
    while let Some(Item::Text(copy)) = items.last() {
        let offset = (copy.origin - run.origin).length();
        let is_copy = copy.text == run.text
            && copy.size == run.size
            && copy.angle == run.angle
            && copy.colour != run.colour
            && offset <= HALO_REACH
            && colour.is_none_or(|c| c == copy.colour);
        if !is_copy {
            break;
        }
        reach = reach.max(offset);
        colour = Some(copy.colour);
        items.pop();
    }
    if let Some(colour) = colour {
        run.halo = Some((2.0 * reach.max(0.5), colour));
    }
    run
}

/// Adds what `shape` draws to `out`.
fn add_shape(
    shape: Shape,
    tessellator: &mut Tessellator,
    source: &Source<'_>,
    out: &mut Vec<Item>,
) {
    match shape {
        Shape::Noop | Shape::Callback(_) => {}
        Shape::Vec(shapes) => {
            for shape in shapes {
                add_shape(shape, tessellator, source, out);
            }
        }
        Shape::Text(text) => add_text(&text, source, out),
        Shape::LineSegment { points, stroke } => {
            push_stroke(
                out,
                vec![points[0], points[1]],
                false,
                stroke.width,
                stroke.color,
            );
        }
        Shape::Path(path) if path.points.len() >= 2 => {
            let solid = match &path.stroke.color {
                ColorMode::Solid(colour) => Some(*colour),
                ColorMode::UV(_) => None,
            };
            let Some(stroke_colour) = solid else {
                tessellate(Shape::Path(path), tessellator, source, out);
                return;
            };
            if path.closed && path.fill.a() > 0 {
                out.push(Item::Polygon {
                    points: path.points.clone(),
                    colour: path.fill,
                });
            }
            push_stroke(
                out,
                path.points,
                path.closed,
                path.stroke.width,
                stroke_colour,
            );
        }
        Shape::Rect(rect) if plain_rect(&rect) => {
            let half = rect.stroke.width / 2.0;
            let outline = match rect.stroke_kind {
                StrokeKind::Inside => rect.rect.shrink(half),
                StrokeKind::Middle => rect.rect,
                StrokeKind::Outside => rect.rect.expand(half),
            };
            if rect.fill.a() > 0 {
                out.push(Item::Rect {
                    rect: rect.rect,
                    fill: rect.fill,
                    stroke: (0.0, Color32::TRANSPARENT),
                });
            }
            if visible(rect.stroke.width, rect.stroke.color) {
                out.push(Item::Rect {
                    rect: outline,
                    fill: Color32::TRANSPARENT,
                    stroke: (rect.stroke.width, rect.stroke.color),
                });
            }
        }
        Shape::Circle(circle) => out.push(Item::Ellipse {
            centre: circle.center,
            radius: Vec2::splat(circle.radius),
            fill: circle.fill,
            stroke: (circle.stroke.width, circle.stroke.color),
        }),
        Shape::Ellipse(ellipse) if ellipse.angle == 0.0 => out.push(Item::Ellipse {
            centre: ellipse.center,
            radius: ellipse.radius,
            fill: ellipse.fill,
            stroke: (ellipse.stroke.width, ellipse.stroke.color),
        }),
        Shape::Mesh(mesh) => add_mesh(&mesh, source, out),
        other => tessellate(other, tessellator, source, out),
    }
}

/// Whether a rectangle is square-cornered, sharp and untextured.
fn plain_rect(rect: &RectShape) -> bool {
    rect.corner_radius == Default::default() && rect.blur_width == 0.0 && rect.brush.is_none()
}

/// Whether a stroke of this width and colour shows.
fn visible(width: f32, colour: Color32) -> bool {
    width > 0.0 && colour.a() > 0
}

fn push_stroke(out: &mut Vec<Item>, line: Vec<Pos2>, closed: bool, width: f32, colour: Color32) {
    if visible(width, colour) {
        out.push(Item::Stroke {
            lines: vec![line],
            closed,
            width,
            colour,
        });
    }
}

/// Tessellates `shape` without anti-aliasing and adds its triangles.
fn tessellate(
    shape: Shape,
    tessellator: &mut Tessellator,
    source: &Source<'_>,
    out: &mut Vec<Item>,
) {
    let mut mesh = Mesh::default();
    tessellator.tessellate_shape(shape, &mut mesh);
    add_mesh(&mesh, source, out);
}

/// Adds a mesh: an image for a picture's texture, else its solid triangles
/// (a glyph from the font atlas is skipped: text comes from text shapes).
fn add_mesh(mesh: &Mesh, source: &Source<'_>, out: &mut Vec<Item>) {
    if mesh.texture_id != TextureId::default() {
        if let Some(image) = mesh_image(mesh, source) {
            out.push(image);
        }
        return;
    }
    for t in mesh.indices.chunks_exact(3) {
        let Some(v) = [t[0], t[1], t[2]]
            .map(|i| mesh.vertices.get(i as usize))
            .into_iter()
            .collect::<Option<Vec<_>>>()
        else {
            continue;
        };
        if v.iter().any(|v| v.uv != WHITE_UV) {
            continue;
        }
        let colour = v[0].color;
        if colour.a() == 0 {
            continue;
        }
        let mut triangle = [v[0].pos, v[1].pos, v[2].pos];
        let (u, w) = (triangle[1] - triangle[0], triangle[2] - triangle[0]);
        if u.x * w.y - u.y * w.x > 0.0 {
            triangle.swap(1, 2);
        }
        match out.last_mut() {
            Some(Item::Fill {
                triangles,
                colour: c,
            }) if *c == colour => triangles.push(triangle),
            _ => out.push(Item::Fill {
                triangles: vec![triangle],
                colour,
            }),
        }
    }
}

/// The picture a textured mesh (a quad) shows: the part of its texture its
/// corners map, over the mesh's bounds.
fn mesh_image(mesh: &Mesh, source: &Source<'_>) -> Option<Item> {
    let texture = source.textures.get(&mesh.texture_id)?;
    let rect = mesh.calc_bounds();
    let mut uv = Rect::NOTHING;
    for v in &mesh.vertices {
        uv.extend_with(v.uv);
    }
    let [w, h] = texture.size.map(|s| s as f32);
    let x0 = (uv.min.x.clamp(0.0, 1.0) * w).round() as usize;
    let y0 = (uv.min.y.clamp(0.0, 1.0) * h).round() as usize;
    let x1 = (uv.max.x.clamp(0.0, 1.0) * w).round() as usize;
    let y1 = (uv.max.y.clamp(0.0, 1.0) * h).round() as usize;
    if x1 <= x0 || y1 <= y0 || !rect.is_positive() {
        return None;
    }
    let image = if [x0, y0, x1, y1] == [0, 0, texture.size[0], texture.size[1]] {
        texture.clone()
    } else {
        Arc::new(texture.region_by_pixels([x0, y0], [x1 - x0, y1 - y0]))
    };
    Some(Item::Image { rect, image })
}

/// Adds a text shape as runs: a new run wherever the colour, the size or the
/// baseline changes, or the glyphs do not follow on.
fn add_text(shape: &TextShape, source: &Source<'_>, out: &mut Vec<Item>) {
    let rotation = egui::emath::Rot2::from_angle(shape.angle);
    let mut run: Option<TextRun> = None;
    let mut next_x = 0.0;
    for placed in &shape.galley.rows {
        let row = &placed.row;
        for glyph in &row.glyphs {
            let colour = glyph_colour(shape, row, glyph);
            let size = glyph.font_height / source.height_per_size.max(f32::EPSILON);
            let at = placed.pos + glyph.pos.to_vec2();
            let follows = run.as_ref().is_some_and(|r| {
                (r.size - size).abs() < 0.01
                    && (colour.is_none() || colour == Some(r.colour))
                    && (at.x - next_x).abs() < 0.25 * size
                    && same_baseline(r, shape, rotation, at)
            });
            if !follows {
                flush(&mut run, out);
                if glyph.chr.is_whitespace() {
                    next_x = at.x + glyph.advance_width;
                    continue;
                }
                run = Some(TextRun {
                    origin: baseline(shape, rotation, at),
                    text: String::new(),
                    size,
                    colour: colour.unwrap_or(shape.fallback_color),
                    angle: shape.angle,
                    width: 0.0,
                    halo: None,
                });
            }
            if let Some(r) = &mut run {
                r.text.push(glyph.chr);
                r.width = at.x + glyph.advance_width - unrotated_x(shape, rotation, r.origin);
            }
            next_x = at.x + glyph.advance_width;
        }
        flush(&mut run, out);
    }
    flush(&mut run, out);
}

/// Where a point of the galley (relative to its top left) is on the page.
fn baseline(shape: &TextShape, rotation: egui::emath::Rot2, at: Pos2) -> Pos2 {
    shape.pos + rotation * at.to_vec2()
}

/// The galley's own x of a page point on its baseline.
fn unrotated_x(shape: &TextShape, rotation: egui::emath::Rot2, page: Pos2) -> f32 {
    (rotation.inverse() * (page - shape.pos)).x
}

fn same_baseline(run: &TextRun, shape: &TextShape, rotation: egui::emath::Rot2, at: Pos2) -> bool {
    let origin_y = (rotation.inverse() * (run.origin - shape.pos)).y;
    (origin_y - at.y).abs() < 0.01
}

fn flush(run: &mut Option<TextRun>, out: &mut Vec<Item>) {
    if let Some(mut r) = run.take() {
        let trimmed = r.text.trim_end().len();
        r.text.truncate(trimmed);
        if !r.text.is_empty() && r.colour.a() > 0 {
            out.push(Item::Text(r));
        }
    }
}

/// A glyph's colour as egui would paint it (`None` for a glyph with no
/// pixels, such as a space, which takes its run's).
fn glyph_colour(
    shape: &TextShape,
    row: &egui::epaint::text::Row,
    glyph: &egui::epaint::text::Glyph,
) -> Option<Color32> {
    if glyph.uv_rect.size == Vec2::ZERO {
        return None;
    }
    let vertex = row.visuals.mesh.vertices.get(glyph.first_vertex as usize)?;
    let mut colour = vertex.color;
    if let Some(over) = shape.override_text_color
        && !glyph.is_color
    {
        colour = over;
    }
    if colour == Color32::PLACEHOLDER {
        colour = shape.fallback_color;
    }
    Some(colour.gamma_multiply(shape.opacity_factor))
}

impl Item {
    /// Moves and scales the item as egui would after tessellating it.
    fn transform(&mut self, t: TSTransform) {
        let p = |q: &mut Pos2| *q = t * *q;
        match self {
            Item::Fill { triangles, .. } => triangles.iter_mut().flatten().for_each(p),
            Item::Polygon { points, .. } => points.iter_mut().for_each(p),
            Item::Stroke { lines, width, .. } => {
                lines.iter_mut().flatten().for_each(p);
                *width *= t.scaling;
            }
            Item::Rect { rect, stroke, .. } => {
                *rect = t * *rect;
                stroke.0 *= t.scaling;
            }
            Item::Ellipse {
                centre,
                radius,
                stroke,
                ..
            } => {
                p(centre);
                *radius *= t.scaling;
                stroke.0 *= t.scaling;
            }
            Item::Text(run) => {
                p(&mut run.origin);
                run.size *= t.scaling;
                run.width *= t.scaling;
            }
            Item::Image { rect, .. } => *rect = t * *rect,
        }
    }
}

/// A colour's sRGB components and its opacity (0–1), from egui's
/// premultiplied form.
pub fn unmultiplied(colour: Color32) -> ([u8; 3], f32) {
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    ([r, g, b], f32::from(a) / 255.0)
}

/// A point written with at most two decimals (enough at 1/100 of a point).
pub fn coordinate(v: f32) -> String {
    let rounded = (v * 100.0).round() / 100.0;
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    format!("{rounded}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{FontId, Stroke, pos2, vec2};

    fn page_of(shapes: Vec<Shape>) -> Page {
        let textures = HashMap::new();
        let source = Source {
            height_per_size: 1.0,
            textures: &textures,
        };
        let clipped = shapes
            .into_iter()
            .map(|shape| ClippedShape {
                clip_rect: Rect::EVERYTHING,
                shape,
                transform_after_tessellation: TSTransform::IDENTITY,
            })
            .collect();
        Page::from_shapes(vec2(100.0, 100.0), clipped, &source)
    }

    /// A context whose fonts are loaded.
    fn context() -> egui::Context {
        let ctx = egui::Context::default();
        ctx.run_ui(Default::default(), |_| {})
            .textures_delta
            .clear();
        ctx
    }

    fn galley(text: &str) -> Arc<egui::Galley> {
        let ctx = context();
        ctx.fonts_mut(|f| f.layout_no_wrap(text.into(), FontId::proportional(20.0), Color32::RED))
    }

    #[test]
    fn lines_of_one_stroke_share_a_path_and_others_do_not() {
        let red = Stroke::new(2.0, Color32::RED);
        let page = page_of(vec![
            Shape::line_segment([pos2(0.0, 0.0), pos2(10.0, 0.0)], red),
            Shape::line_segment([pos2(0.0, 5.0), pos2(10.0, 5.0)], red),
            Shape::line_segment(
                [pos2(0.0, 9.0), pos2(10.0, 9.0)],
                Stroke::new(1.0, Color32::RED),
            ),
        ]);
        let items = &page.groups[0].items;
        assert_eq!(items.len(), 2);
        assert!(
            matches!(&items[0], Item::Stroke { lines, width, .. } if lines.len() == 2 && *width == 2.0)
        );
    }

    #[test]
    fn a_rounded_box_becomes_triangles_of_its_colour_and_a_plain_one_a_rect() {
        let page = page_of(vec![
            Shape::rect_filled(
                Rect::from_min_size(pos2(1.0, 1.0), vec2(20.0, 10.0)),
                4.0,
                Color32::BLUE,
            ),
            Shape::rect_filled(
                Rect::from_min_size(pos2(1.0, 30.0), vec2(20.0, 10.0)),
                0.0,
                Color32::GREEN,
            ),
        ]);
        let items = &page.groups[0].items;
        assert!(
            matches!(&items[0], Item::Fill { colour, triangles } if *colour == Color32::BLUE && triangles.len() > 4)
        );
        assert!(matches!(&items[1], Item::Rect { fill, .. } if *fill == Color32::GREEN));
    }

    #[test]
    fn a_label_drawn_with_four_halo_copies_is_one_text_with_a_halo() {
        let g = galley("Tallinn");
        let at = pos2(10.0, 10.0);
        let mut shapes: Vec<Shape> = [
            vec2(-1.0, 0.0),
            vec2(1.0, 0.0),
            vec2(0.0, -1.0),
            vec2(0.0, 1.0),
        ]
        .into_iter()
        .map(|d| {
            Shape::Text(
                TextShape::new(at + d, g.clone(), Color32::WHITE)
                    .with_override_text_color(Color32::WHITE),
            )
        })
        .collect();
        shapes.push(Shape::Text(TextShape::new(at, g.clone(), Color32::RED)));
        let runs: Vec<TextRun> = page_of(shapes).texts().cloned().collect();
        assert_eq!(runs.len(), 1, "{runs:?}");
        assert_eq!(runs[0].text, "Tallinn");
        assert_eq!(runs[0].colour, Color32::RED);
        assert_eq!(runs[0].halo, Some((2.0, Color32::WHITE)));
        assert!(
            (runs[0].width - g.size().x).abs() < 1.0,
            "the run keeps egui's width"
        );
    }

    #[test]
    fn a_galley_of_two_colours_is_two_runs_on_one_baseline() {
        let ctx = context();
        let mut job = egui::text::LayoutJob::default();
        let font = FontId::proportional(20.0);
        job.append(
            "Riga ",
            0.0,
            egui::TextFormat::simple(font.clone(), Color32::RED),
        );
        job.append("5 days", 0.0, egui::TextFormat::simple(font, Color32::BLUE));
        let g = ctx.fonts_mut(|f| f.layout_job(job));
        let page = page_of(vec![Shape::Text(TextShape::new(
            pos2(0.0, 0.0),
            g,
            Color32::BLACK,
        ))]);
        let runs: Vec<&TextRun> = page.texts().collect();
        assert_eq!(runs.len(), 2);
        assert_eq!(
            (runs[0].text.as_str(), runs[1].text.as_str()),
            ("Riga", "5 days")
        );
        assert_eq!(runs[0].origin.y, runs[1].origin.y);
        assert!(runs[1].origin.x > runs[0].origin.x + runs[0].width);
    }
}
