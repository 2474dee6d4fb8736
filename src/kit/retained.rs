//! Shapes kept tessellated between frames: what a drawing function painted,
//! turned into meshes once and painted again as those meshes while nothing it
//! reads has changed.
//!
//! egui tessellates every shape of every frame. The map's overlay (labels with
//! their halos, ties, axes, markers, the legend and the title box) is a few
//! hundred shapes and tens of thousands of vertices that stay the same from one
//! idle frame to the next, and so are the panels' blocks of text that no
//! pointer is near (see `crate::kit::lazy`). The caller says whether its inputs
//! are unchanged; this module adds what egui's text depends on (pixels per
//! point, the font atlas and the tessellation options), because a mesh of text
//! points into the font atlas, which egui can grow or clear at any frame.
//!
//! Everything painted becomes one mesh per clip rectangle and run, so that egui
//! copies it into its output in one piece. Filled circles are either
//! tessellated as paths ([`Circles::AsPaths`], one mesh for the map's many
//! dots) or left to egui ([`Circles::ToEgui`], for panels, whose bullets then
//! look exactly as when drawn live): egui draws small ones from discs it
//! prepares in the font atlas, which it does not expose, and the two differ by
//! a fraction of a pixel at the edge. (No crate retains epaint tessellation;
//! egui itself notes that comparing shapes costs half of tessellating them,
//! which is why the caller's inputs are compared instead.)

use std::sync::Arc;

use egui::emath::TSTransform;
use egui::epaint::{ClippedPrimitive, ClippedShape, Primitive, TessellationOptions, Tessellator};
use egui::layers::ShapeIdx;
use egui::{Color32, Context, FontId, Galley, Id, LayerId, Painter, Rect, Shape};

/// Where a context's switch for retained tessellation is kept.
fn switch_id() -> Id {
    Id::unique("bulwark.map.retained_tessellation_off")
}

/// Turns retained tessellation on or off for `ctx` (on unless turned off).
/// Off, every frame hands egui the shapes themselves, e.g. for a test that
/// reads the text the map draws.
pub fn set_enabled(ctx: &Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(switch_id(), !on));
}

/// Whether retained tessellation is on for `ctx`.
fn enabled(ctx: &Context) -> bool {
    !ctx.data(|d| d.get_temp::<bool>(switch_id()).unwrap_or(false))
}

/// What a tessellation depends on besides the caller's inputs: where it is
/// painted, and what egui's text depends on.
#[derive(Clone, Debug)]
struct TextEnvironment {
    layer: LayerId,
    clip_rect: Rect,
    /// The painter's opacity (a disabled `Ui` paints at reduced opacity), which
    /// the captured shapes' colours already carry.
    opacity: f32,
    pixels_per_point: f32,
    atlas_size: [usize; 2],
    options: TessellationOptions,
    /// A galley egui keeps laid out while it is asked for every frame; a new
    /// one means egui cleared its font atlas (and every galley with it).
    probe: Arc<Galley>,
}

impl TextEnvironment {
    fn now(painter: &Painter) -> Self {
        let ctx = painter.ctx();
        let probe = ctx.fonts_mut(|f| {
            f.layout_no_wrap("0".to_owned(), FontId::monospace(8.0), Color32::WHITE)
        });
        Self {
            layer: painter.layer_id(),
            clip_rect: painter.clip_rect(),
            opacity: painter.opacity(),
            pixels_per_point: ctx.pixels_per_point(),
            atlas_size: ctx.fonts(|f| f.font_image_size()),
            options: ctx.tessellation_options(|o| *o),
            probe,
        }
    }

    fn same_as(&self, other: &Self) -> bool {
        self.layer == other.layer
            && self.clip_rect == other.clip_rect
            && self.opacity == other.opacity
            && self.pixels_per_point == other.pixels_per_point
            && self.atlas_size == other.atlas_size
            && self.options == other.options
            && Arc::ptr_eq(&self.probe, &other.probe)
    }
}

/// What becomes of filled circles in a kept tessellation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Circles {
    /// Tessellated as paths, into the same mesh as the rest.
    #[default]
    AsPaths,
    /// Passed on to egui as they are, exactly as a live frame draws them.
    ToEgui,
}

/// A run of painted shapes kept tessellated; see the module docs.
#[derive(Clone, Default)]
pub struct Retained {
    kept: Option<Kept>,
    circles: Circles,
}

/// A tessellation kept, what it was made in, and whether a second drawing
/// has confirmed it (drawn alike twice in a row, so not animating).
#[derive(Clone)]
struct Kept {
    env: TextEnvironment,
    shapes: Arc<Vec<ClippedShape>>,
    confirmed: bool,
}

impl Retained {
    /// Keeps tessellations, with filled circles treated as `circles` says.
    pub fn new(circles: Circles) -> Self {
        Self {
            kept: None,
            circles,
        }
    }

    /// Paints what `draw` paints into `painter`. `unchanged` says whether the
    /// caller's inputs equal those of its previous frame.
    ///
    /// A frame whose inputs changed is drawn as usual and nothing is kept, so a
    /// pan or a drag costs no more than without this. The first frame with the
    /// same inputs as the one before is drawn, tessellated and kept; the next
    /// is drawn again and compared, so that something animating (a spinner, a
    /// fade) is never kept; from then on, while the inputs and egui's text
    /// environment stay the same, the kept meshes are painted and `draw` is
    /// not called.
    ///
    /// In debug builds (the tests) a kept frame is drawn anyway and checked
    /// against the meshes kept: an input the caller forgot to compare fails
    /// loudly instead of showing a stale picture.
    pub fn paint(&mut self, painter: &Painter, unchanged: bool, draw: impl FnOnce(&Painter)) {
        let enabled = enabled(painter.ctx());
        if !unchanged || !enabled {
            self.kept = None;
        }
        if !unchanged || !enabled || !painter.is_visible() {
            draw(painter); // an invisible painter (a sizing pass) adds nothing
            return;
        }
        let env = TextEnvironment::now(painter);
        match &mut self.kept {
            Some(kept) if kept.env.same_as(&env) && kept.confirmed => {
                if cfg!(debug_assertions) {
                    let fresh = capture(painter, &env, self.circles, draw);
                    assert!(
                        fresh == *kept.shapes,
                        "retained shapes are stale: an input of the drawing is missing from the caller's comparison"
                    );
                    return;
                }
                painter.ctx().graphics_mut(|g| {
                    let list = g.entry(painter.layer_id());
                    for s in kept.shapes.iter() {
                        list.add(s.clip_rect, s.shape.clone());
                    }
                });
            }
            Some(kept) if kept.env.same_as(&env) => {
                let fresh = capture(painter, &env, self.circles, draw);
                kept.confirmed = fresh == *kept.shapes;
                kept.shapes = Arc::new(fresh);
            }
            _ => {
                let shapes = capture(painter, &env, self.circles, draw);
                self.kept = Some(Kept {
                    env,
                    shapes: Arc::new(shapes),
                    confirmed: false,
                });
            }
        }
    }
}

/// Calls `draw`, then replaces what it added to the painter's layer by its
/// tessellation, and returns that replacement.
fn capture(
    painter: &Painter,
    env: &TextEnvironment,
    circles: Circles,
    draw: impl FnOnce(&Painter),
) -> Vec<ClippedShape> {
    let ctx = painter.ctx();
    let layer = painter.layer_id();
    let start = ctx.graphics_mut(|g| g.entry(layer).next_idx().0);
    draw(painter);
    ctx.graphics_mut(|g| {
        let list = g.entry(layer);
        let end = list.next_idx().0;
        let mut drawn = Vec::with_capacity(end - start);
        for i in start..end {
            list.mutate_shape(ShapeIdx(i), |s| {
                let shape = std::mem::replace(&mut s.shape, Shape::Noop);
                drawn.push(ClippedShape { shape, ..*s });
            });
        }
        let kept = tessellate(drawn, env, circles);
        for (i, s) in kept.iter().enumerate() {
            list.set(ShapeIdx(start + i), s.clip_rect, s.shape.clone());
        }
        for s in kept.iter().skip(end - start) {
            list.add(s.clip_rect, s.shape.clone());
        }
        kept
    })
}

/// Tessellates `shapes` as egui would (filled circles as `circles` says), in
/// runs between the shapes left to egui (callbacks, meshes, shapes under a
/// transform), in order.
fn tessellate(
    shapes: Vec<ClippedShape>,
    env: &TextEnvironment,
    circles: Circles,
) -> Vec<ClippedShape> {
    let mut tessellator = Tessellator::new(
        env.pixels_per_point,
        env.options,
        env.atlas_size,
        Vec::new(), // egui's prepared discs are private: filled circles become paths
    );
    let mut out = Vec::new();
    let mut run = Vec::new();
    for s in flatten(shapes) {
        if left_to_egui(&s, circles) {
            flush(&mut tessellator, &mut run, &mut out);
            out.push(s);
        } else {
            run.push(s);
        }
    }
    flush(&mut tessellator, &mut run, &mut out);
    out
}

/// Whether a shape is passed on as it is rather than tessellated here.
fn left_to_egui(s: &ClippedShape, circles: Circles) -> bool {
    let filled_circle = matches!(&s.shape, Shape::Circle(c) if c.fill != Color32::TRANSPARENT);
    s.transform_after_tessellation != TSTransform::IDENTITY
        || matches!(s.shape, Shape::Callback(_) | Shape::Mesh(_))
        || (circles == Circles::ToEgui && filled_circle)
}

/// Tessellates the shapes gathered in `run` into `out`, one mesh per clip rectangle.
fn flush(tessellator: &mut Tessellator, run: &mut Vec<ClippedShape>, out: &mut Vec<ClippedShape>) {
    if run.is_empty() {
        return;
    }
    for ClippedPrimitive {
        clip_rect,
        primitive,
    } in tessellator.tessellate_shapes(std::mem::take(run))
    {
        if let Primitive::Mesh(mesh) = primitive {
            out.push(ClippedShape {
                clip_rect,
                shape: Shape::Mesh(Arc::new(mesh)),
                transform_after_tessellation: TSTransform::IDENTITY,
            });
        }
    }
}

/// The shapes with every `Shape::Vec` opened, in painting order.
fn flatten(shapes: Vec<ClippedShape>) -> Vec<ClippedShape> {
    let mut out = Vec::with_capacity(shapes.len());
    for s in shapes {
        match s.shape {
            Shape::Vec(inner) => out.extend(flatten(
                inner
                    .into_iter()
                    .map(|shape| ClippedShape { shape, ..s })
                    .collect(),
            )),
            Shape::Noop => {}
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::epaint::CircleShape;
    use egui::{Align2, RawInput, Stroke, pos2};

    /// A bit of everything the map's overlay paints: haloed text, a line, a
    /// filled and a stroked circle.
    fn scene(painter: &Painter, x: f32) {
        for d in [-1.0, 1.0] {
            painter.text(
                pos2(x + d, 40.0),
                Align2::LEFT_TOP,
                "Suwałki gap",
                FontId::proportional(12.0),
                Color32::WHITE,
            );
        }
        painter.text(
            pos2(x, 40.0),
            Align2::LEFT_TOP,
            "Suwałki gap",
            FontId::proportional(12.0),
            Color32::RED,
        );
        painter.line(
            vec![pos2(x, 10.0), pos2(x + 50.0, 30.0), pos2(x + 90.0, 12.0)],
            Stroke::new(2.5, Color32::BLUE),
        );
        painter.add(CircleShape::filled(pos2(x, 80.0), 3.0, Color32::GREEN));
        painter.circle_stroke(pos2(x + 20.0, 80.0), 6.0, Stroke::new(1.5, Color32::BLACK));
    }

    /// A context whose tessellation the kept meshes can equal: egui draws
    /// filled circles as paths here too, without its prepared discs.
    fn context() -> Context {
        let ctx = Context::default();
        ctx.tessellation_options_mut(|o| o.prerasterized_discs = false);
        ctx
    }

    /// A frame as egui tessellates it: each primitive's vertices and indices.
    type Tessellated = Vec<(Vec<egui::epaint::Vertex>, Vec<u32>)>;

    /// One frame painting `scene` at `x` through `retained`; returns the frame
    /// as egui tessellates it (vertices and indices of every primitive, in
    /// order) and whether any text shape reached egui.
    fn frame(
        ctx: &Context,
        retained: &mut Retained,
        unchanged: bool,
        x: f32,
    ) -> (Tessellated, bool) {
        let mut out = ctx.run_ui(RawInput::default(), |ui| {
            let painter = ui.painter_at(Rect::from_min_size(
                pos2(0.0, 0.0),
                egui::vec2(400.0, 200.0),
            ));
            retained.paint(&painter, unchanged, |p| scene(p, x));
        });
        out.textures_delta.clear();
        let text = out.shapes.iter().any(|s| matches!(s.shape, Shape::Text(_)));
        let meshes = ctx
            .tessellate(out.shapes, out.pixels_per_point)
            .into_iter()
            .filter_map(|p| match p.primitive {
                Primitive::Mesh(m) => Some((m.vertices, m.indices)),
                Primitive::Callback(_) => None,
            })
            .collect();
        (meshes, text)
    }

    #[test]
    fn kept_meshes_are_what_egui_would_have_tessellated() {
        let ctx = context();
        let mut retained = Retained::default();
        set_enabled(&ctx, false);
        frame(&ctx, &mut retained, false, 100.0); // glyphs reach the atlas
        let (plain, text) = frame(&ctx, &mut retained, false, 100.0);
        assert!(text, "retention off hands egui the text");
        set_enabled(&ctx, true);
        let (changed, text) = frame(&ctx, &mut retained, false, 100.0);
        assert!(text, "a frame whose inputs changed is drawn as usual");
        assert_eq!(changed, plain);
        let (captured, text) = frame(&ctx, &mut retained, true, 100.0);
        assert!(!text, "the text reaches egui as meshes");
        let (kept, _) = frame(&ctx, &mut retained, true, 100.0);
        assert_eq!(captured, plain);
        assert_eq!(kept, plain);
    }

    #[test]
    fn changed_inputs_are_drawn_again() {
        let ctx = context();
        let mut retained = Retained::default();
        let (at_100, _) = frame(&ctx, &mut retained, false, 100.0);
        frame(&ctx, &mut retained, true, 100.0); // kept
        let (at_200, _) = frame(&ctx, &mut retained, false, 200.0);
        assert_ne!(at_100, at_200);
        frame(&ctx, &mut retained, true, 200.0); // kept again
        let (kept, text) = frame(&ctx, &mut retained, true, 200.0);
        assert!(!text);
        assert_eq!(kept, at_200);
    }

    #[test]
    fn a_new_pixels_per_point_is_tessellated_again() {
        let ctx = context();
        let mut retained = Retained::default();
        frame(&ctx, &mut retained, false, 100.0);
        frame(&ctx, &mut retained, true, 100.0); // kept
        ctx.set_pixels_per_point(2.0);
        frame(&ctx, &mut retained, true, 100.0); // settles the new scale
        let (kept, _) = frame(&ctx, &mut retained, true, 100.0);
        set_enabled(&ctx, false);
        let (plain, _) = frame(&ctx, &mut retained, false, 100.0);
        assert_eq!(kept, plain);
    }

    #[test]
    fn new_fonts_are_tessellated_again() {
        let ctx = context();
        let mut retained = Retained::default();
        let (before, _) = frame(&ctx, &mut retained, false, 100.0);
        frame(&ctx, &mut retained, true, 100.0); // kept
        // The proportional text set in the monospace font instead.
        let mut fonts = egui::FontDefinitions::default();
        let mono = fonts.families[&egui::FontFamily::Monospace].clone();
        fonts.families.insert(egui::FontFamily::Proportional, mono);
        ctx.set_fonts(fonts);
        frame(&ctx, &mut retained, true, 100.0); // the new fonts take effect
        let (kept, _) = frame(&ctx, &mut retained, true, 100.0);
        set_enabled(&ctx, false);
        let (plain, _) = frame(&ctx, &mut retained, false, 100.0);
        assert_ne!(kept, before);
        assert_eq!(kept, plain);
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "stale")]
    fn a_forgotten_input_fails_loudly_in_debug_builds() {
        let ctx = context();
        let mut retained = Retained::default();
        frame(&ctx, &mut retained, false, 100.0);
        frame(&ctx, &mut retained, true, 100.0); // kept
        frame(&ctx, &mut retained, true, 100.0); // confirmed
        // The caller claims nothing changed, but the drawing moved.
        frame(&ctx, &mut retained, true, 120.0);
    }
}
