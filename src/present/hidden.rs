//! Culling before a software renderer draws a page: shapes that nothing of
//! would show are dropped, and big plain rectangles at the bottom are copied
//! into the page rather than drawn, because lavapipe pays for every pixel of
//! every shape (about 35 ns a pixel on the development machine) and a
//! full-page rectangle costs about as much as the rest of a slide.

use egui::Rect;
use egui::epaint::ClippedShape;

/// `shapes` without those nothing of would show: any painted entirely under
/// a later opaque, square-cornered rectangle that covers at least a quarter
/// of the page, and any such rectangle of the `clear` colour with nothing
/// painted under it. A software renderer pays for every pixel of every shape
/// (a full 1920×1080 rectangle costs about as much as the rest of a slide),
/// and a slide's own background is one.
pub fn without_hidden(shapes: Vec<ClippedShape>, clear: egui::Color32) -> Vec<ClippedShape> {
    let Some(page) = shapes.iter().map(|s| s.clip_rect).reduce(|a, b| a.union(b)) else {
        return shapes;
    };
    let big = page.intersect(Rect::EVERYTHING).area().min(4.0e8) / 4.0;
    let region = |s: &ClippedShape| s.shape.visual_bounding_rect().intersect(s.clip_rect);
    // Where each covering rectangle is, by its position in the list.
    let covers: Vec<(usize, Rect, egui::Color32)> = shapes
        .iter()
        .enumerate()
        .filter_map(|(i, s)| {
            let r = plain_rect(s)?;
            let area = r.rect.intersect(s.clip_rect);
            (area.area() >= big).then_some((i, area, r.fill))
        })
        .collect();
    let hidden = |i: usize, s: &ClippedShape| {
        let r = region(s);
        covers
            .iter()
            .any(|(j, cover, _)| *j > i && cover.contains_rect(r))
    };
    let mut kept: Vec<ClippedShape> = Vec::with_capacity(shapes.len());
    for (i, s) in shapes.into_iter().enumerate() {
        if !region(&s).is_positive() || hidden(i, &s) {
            continue;
        }
        let on_clear = covers.iter().any(|(j, cover, fill)| {
            *j == i && *fill == clear && !kept.iter().any(|k| region(k).intersects(*cover))
        });
        if !on_clear {
            kept.push(s);
        }
    }
    kept
}

/// A rectangle of whole pixels filled with one opaque colour by copying it
/// into the page before anything is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CopiedFill {
    /// Top-left pixel.
    pub min: [u32; 2],
    /// Width and height in pixels.
    pub size: [u32; 2],
    /// The colour, opaque.
    pub colour: egui::Color32,
}

/// `shapes` with the insides of big, opaque rectangles that nothing earlier
/// is painted under taken out as [`CopiedFill`]s (whole pixels at least a
/// pixel, the stroke's width and the corners' radius inside the edge); the
/// rectangle is still drawn, clipped to the band around the copied inside,
/// so its edges and stroke come out exactly as drawn. `page` is the page's
/// size in pixels at one pixel a point.
pub fn copied_fills(
    shapes: Vec<ClippedShape>,
    page: [u32; 2],
) -> (Vec<ClippedShape>, Vec<CopiedFill>) {
    let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(page[0] as f32, page[1] as f32));
    let big = screen.area() / 8.0;
    let mut drawn: Vec<ClippedShape> = Vec::with_capacity(shapes.len() + 8);
    let mut fills = Vec::new();
    for s in shapes {
        let inside = match plain_or_rounded_rect(&s) {
            Some(r) => {
                // Clear of the edge's feathering, the stroke and the corners.
                let margin = 1.0 + r.stroke.width + {
                    let c = r.corner_radius;
                    f32::from(c.nw.max(c.ne).max(c.sw).max(c.se))
                };
                let inside = r
                    .rect
                    .intersect(s.clip_rect)
                    .intersect(screen)
                    .shrink(margin);
                let inside = Rect::from_min_max(inside.min.ceil(), inside.max.floor());
                let covered = |k: &ClippedShape| {
                    k.shape
                        .visual_bounding_rect()
                        .intersect(k.clip_rect)
                        .intersects(inside)
                };
                (inside.area() >= big && !drawn.iter().any(covered)).then_some((inside, r.fill))
            }
            None => None,
        };
        let Some((inside, colour)) = inside else {
            drawn.push(s);
            continue;
        };
        fills.push(CopiedFill {
            min: [inside.min.x as u32, inside.min.y as u32],
            size: [inside.width() as u32, inside.height() as u32],
            colour,
        });
        drawn.extend(
            band_around(s.clip_rect, inside).map(|clip_rect| ClippedShape {
                clip_rect,
                ..s.clone()
            }),
        );
    }
    (drawn, fills)
}

/// The shape as a plain rectangle: opaque fill, square corners, no blur or
/// brush, no transform.
fn plain_rect(s: &ClippedShape) -> Option<&egui::epaint::RectShape> {
    plain_or_rounded_rect(s).filter(|r| r.corner_radius == Default::default())
}

/// The shape as a plain rectangle with any corners.
fn plain_or_rounded_rect(s: &ClippedShape) -> Option<&egui::epaint::RectShape> {
    match &s.shape {
        egui::Shape::Rect(r)
            if r.fill.a() == 255
                && r.blur_width == 0.0
                && r.brush.is_none()
                && s.transform_after_tessellation == egui::emath::TSTransform::IDENTITY =>
        {
            Some(r)
        }
        _ => None,
    }
}

/// `clip` less `hole` (inside it) as up to four rectangles: above, below,
/// left and right of the hole.
fn band_around(clip: Rect, hole: Rect) -> impl Iterator<Item = Rect> {
    [
        Rect::from_min_max(clip.min, egui::pos2(clip.max.x, hole.min.y)),
        Rect::from_min_max(egui::pos2(clip.min.x, hole.max.y), clip.max),
        Rect::from_min_max(
            egui::pos2(clip.min.x, hole.min.y),
            egui::pos2(hole.min.x, hole.max.y),
        ),
        Rect::from_min_max(
            egui::pos2(hole.max.x, hole.min.y),
            egui::pos2(clip.max.x, hole.max.y),
        ),
    ]
    .into_iter()
    .filter(|r| r.is_positive())
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{Color32, Shape, pos2};

    fn rect(min: (f32, f32), max: (f32, f32), fill: Color32) -> ClippedShape {
        let r = Rect::from_min_max(pos2(min.0, min.1), pos2(max.0, max.1));
        ClippedShape {
            clip_rect: Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0)),
            shape: Shape::rect_filled(r, 0.0, fill),
            transform_after_tessellation: Default::default(),
        }
    }

    #[test]
    fn a_shape_under_a_later_opaque_page_is_dropped() {
        let under = rect((10.0, 10.0), (20.0, 20.0), Color32::RED);
        let page = rect((0.0, 0.0), (100.0, 100.0), Color32::BLACK);
        let over = rect((30.0, 30.0), (40.0, 40.0), Color32::GREEN);
        let kept = without_hidden(vec![under, page.clone(), over.clone()], Color32::WHITE);
        assert_eq!(kept.len(), 2);
        assert_eq!(kept[0].shape, page.shape);
        assert_eq!(kept[1].shape, over.shape);
    }

    #[test]
    fn a_page_of_the_clear_colour_over_nothing_is_dropped() {
        let page = rect((0.0, 0.0), (100.0, 100.0), Color32::WHITE);
        let over = rect((30.0, 30.0), (40.0, 40.0), Color32::GREEN);
        let kept = without_hidden(vec![page, over.clone()], Color32::WHITE);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].shape, over.shape);
    }

    #[test]
    fn translucent_small_or_partly_covering_shapes_stay() {
        let under = rect((10.0, 10.0), (20.0, 20.0), Color32::RED);
        let veil = rect((0.0, 0.0), (100.0, 100.0), Color32::from_black_alpha(128));
        let small = rect((0.0, 0.0), (15.0, 15.0), Color32::BLUE);
        let half = rect((0.0, 50.0), (100.0, 100.0), Color32::BLACK);
        let poking = rect((40.0, 40.0), (60.0, 60.0), Color32::RED);
        let shapes = vec![under, veil, small, poking, half];
        let kept = without_hidden(shapes.clone(), Color32::WHITE);
        assert_eq!(kept.len(), shapes.len(), "nothing here is wholly hidden");
    }

    #[test]
    fn a_big_plain_rectangle_over_nothing_is_copied_and_drawn_only_at_its_edges() {
        let under = rect((0.0, 0.0), (5.0, 5.0), Color32::RED);
        let water = rect((10.5, 10.5), (90.2, 90.0), Color32::BLUE);
        let over = rect((30.0, 30.0), (40.0, 40.0), Color32::GREEN);
        let (drawn, fills) = copied_fills(vec![under, water.clone(), over.clone()], [100, 100]);
        assert_eq!(
            fills,
            [CopiedFill {
                min: [12, 12],
                size: [77, 77],
                colour: Color32::BLUE
            }],
            "whole pixels at least one inside the edge"
        );
        let bands: Vec<Rect> = drawn
            .iter()
            .filter(|s| s.shape == water.shape)
            .map(|s| s.clip_rect)
            .collect();
        assert_eq!(bands.len(), 4, "the edges are still drawn: {bands:?}");
        let hole = Rect::from_min_max(pos2(12.0, 12.0), pos2(89.0, 89.0));
        assert!(bands.iter().all(|b| !b.intersects(hole.shrink(0.01))));
        let band_area: f32 = bands.iter().map(Rect::area).sum();
        assert_eq!(
            band_area + hole.area(),
            100.0 * 100.0,
            "the bands and the hole tile the clip"
        );
        assert_eq!(drawn.last().map(|s| &s.shape), Some(&over.shape));
    }

    #[test]
    fn a_rectangle_over_something_drawn_or_not_plain_is_drawn_whole() {
        let under = rect((20.0, 20.0), (30.0, 30.0), Color32::RED);
        let page = rect((0.0, 0.0), (100.0, 100.0), Color32::BLUE);
        let (drawn, fills) = copied_fills(vec![under, page], [100, 100]);
        assert!(fills.is_empty(), "something is painted under it");
        assert_eq!(drawn.len(), 2);
        let veil = rect((0.0, 0.0), (100.0, 100.0), Color32::from_black_alpha(100));
        let (drawn, fills) = copied_fills(vec![veil], [100, 100]);
        assert!(fills.is_empty() && drawn.len() == 1, "translucent");
    }

    #[test]
    fn a_rounded_panel_is_copied_clear_of_its_corners() {
        let clip = Rect::from_min_max(pos2(0.0, 0.0), pos2(100.0, 100.0));
        let panel = ClippedShape {
            clip_rect: clip,
            shape: Shape::rect_filled(clip, 10.0, Color32::BLUE),
            transform_after_tessellation: Default::default(),
        };
        let (drawn, fills) = copied_fills(vec![panel], [100, 100]);
        assert_eq!(fills.len(), 1);
        assert_eq!(fills[0].min, [11, 11], "clear of the corners' radius");
        assert_eq!(fills[0].size, [78, 78]);
        assert_eq!(drawn.len(), 4);
    }
}
