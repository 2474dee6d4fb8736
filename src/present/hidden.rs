//! Culling before a software renderer draws a page: shapes that nothing of
//! would show are dropped, because lavapipe pays for every pixel of every
//! shape and a full-page rectangle costs about as much as the rest of a slide.

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
        .filter_map(|(i, s)| match &s.shape {
            egui::Shape::Rect(r)
                if r.fill.a() == 255
                    && r.corner_radius == Default::default()
                    && r.blur_width == 0.0
                    && r.brush.is_none()
                    && s.transform_after_tessellation == egui::emath::TSTransform::IDENTITY =>
            {
                let area = r.rect.intersect(s.clip_rect);
                (area.area() >= big).then_some((i, area, r.fill))
            }
            _ => None,
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
}
