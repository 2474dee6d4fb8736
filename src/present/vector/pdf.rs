//! [`Page`]s as one PDF, written with `krilla` (the PDF library Typst
//! writes with): vector paths, text as real text in DejaVu Sans (embedded as a
//! subset, so it can be selected and searched), pictures as images, the
//! document's title and author, and a bookmark for each page.

use std::sync::Arc;

use egui::{Color32, ColorImage, Pos2};
use krilla::Document;
use krilla::color::rgb;
use krilla::destination::XyzDestination;
use krilla::geom::{PathBuilder, Point, Size, Transform};
use krilla::image::Image;
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::outline::{Outline, OutlineNode};
use krilla::page::PageSettings;
use krilla::paint::{Fill, FillRule, LineJoin, Stroke};
use krilla::surface::Surface;
use krilla::text::{Font, TextDirection};

use super::{Item, Page, TextRun};

/// A page to write: what is on it, its size on paper in PDF points (1/72
/// inch) and its bookmark (none for an untitled page).
pub struct PdfPage<'a> {
    /// The drawing, in egui's points, scaled to fit `paper`.
    pub page: &'a Page,
    /// Width and height in PDF points.
    pub paper: [f32; 2],
    /// The bookmark's text.
    pub bookmark: Option<String>,
}

/// The document's title and author, as a reader shows them.
#[derive(Clone, Debug, Default)]
pub struct Info {
    /// The document's title.
    pub title: String,
    /// Its author (none if empty).
    pub author: String,
}

/// The PDF of `pages`.
pub fn write(pages: &[PdfPage<'_>], info: &Info) -> Result<Vec<u8>, String> {
    let font = font()?;
    let mut document = Document::new();
    let mut outline = Outline::new();
    for (index, p) in pages.iter().enumerate() {
        let [w, h] = p.paper;
        let settings = PageSettings::from_wh(w, h)
            .ok_or_else(|| format!("a page of {w} × {h} points cannot be made"))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        let scale = (w / p.page.size.x).min(h / p.page.size.y);
        surface.push_transform(&Transform::from_scale(scale, scale));
        draw_page(&mut surface, p.page, &font);
        surface.pop();
        surface.finish();
        page.finish();
        if let Some(title) = &p.bookmark {
            outline.push_child(OutlineNode::new(
                title.clone(),
                XyzDestination::new(index, Point::from_xy(0.0, 0.0)),
            ));
        }
    }
    document.set_outline(outline);
    let mut metadata = Metadata::new()
        .title(info.title.clone())
        .creator("Bulwark".to_owned());
    if !info.author.trim().is_empty() {
        metadata = metadata.authors(vec![info.author.clone()]);
    }
    document.set_metadata(metadata);
    document
        .finish()
        .map_err(|e| format!("could not write the PDF: {e:?}"))
}

/// DejaVu Sans, the font every page's text is drawn in.
fn font() -> Result<Font, String> {
    let bytes = crate::assets::asset("fonts/DejaVuSans.ttf")
        .ok_or_else(|| "the DejaVu Sans font is missing from the build".to_owned())?;
    Font::new(bytes.into(), 0).ok_or_else(|| "the DejaVu Sans font could not be read".to_owned())
}

fn draw_page(surface: &mut Surface<'_>, page: &Page, font: &Font) {
    let page_rect = egui::Rect::from_min_size(Pos2::ZERO, page.size);
    for group in &page.groups {
        let clip = group.clip.intersect(page_rect);
        let clipped = !group.clip.contains_rect(page_rect);
        if clipped {
            let Some(path) = rect_path(clip) else {
                continue; // nothing of the group shows
            };
            surface.push_clip_path(&path, &FillRule::NonZero);
        }
        for item in &group.items {
            draw_item(surface, item, font);
        }
        if clipped {
            surface.pop();
        }
    }
}

fn draw_item(surface: &mut Surface<'_>, item: &Item, font: &Font) {
    match item {
        Item::Fill { triangles, colour } => {
            let mut pb = PathBuilder::new();
            for [a, b, c] in triangles {
                pb.move_to(a.x, a.y);
                pb.line_to(b.x, b.y);
                pb.line_to(c.x, c.y);
                pb.close();
            }
            fill_path(surface, pb, *colour);
        }
        Item::Polygon { points, colour } => fill_path(surface, polyline(points, true), *colour),
        Item::Stroke {
            lines,
            closed,
            width,
            colour,
        } => {
            let mut pb = PathBuilder::new();
            for line in lines {
                add_polyline(&mut pb, line, *closed);
            }
            stroke_path(surface, pb, *width, *colour);
        }
        Item::Rect { rect, fill, stroke } => {
            if fill.a() > 0 {
                fill_path(surface, rect_builder(*rect), *fill);
            }
            if stroke.0 > 0.0 && stroke.1.a() > 0 {
                let mut pb = rect_builder(*rect);
                pb.close();
                stroke_path(surface, pb, stroke.0, stroke.1);
            }
        }
        Item::Ellipse {
            centre,
            radius,
            fill,
            stroke,
        } => {
            if fill.a() > 0 {
                fill_path(surface, ellipse(*centre, *radius), *fill);
            }
            if stroke.0 > 0.0 && stroke.1.a() > 0 {
                stroke_path(surface, ellipse(*centre, *radius), stroke.0, stroke.1);
            }
        }
        Item::Text(run) => draw_text(surface, run, font),
        Item::Image { rect, image } => {
            let Some(size) = Size::from_wh(rect.width(), rect.height()) else {
                return;
            };
            let pixels: Vec<u8> = image
                .pixels
                .iter()
                .flat_map(|p| p.to_srgba_unmultiplied())
                .collect();
            let picture = Image::from_rgba8(pixels, image.size[0] as u32, image.size[1] as u32);
            surface.push_transform(&Transform::from_translate(rect.min.x, rect.min.y));
            surface.draw_image(picture, size);
            surface.pop();
        }
    }
}

fn draw_text(surface: &mut Surface<'_>, run: &TextRun, font: &Font) {
    surface.set_stroke(None);
    surface.set_fill(Some(fill(run.colour)));
    let rotated = run.angle != 0.0;
    if rotated {
        surface.push_transform(&Transform::from_rotate_at(
            run.angle.to_degrees(),
            run.origin.x,
            run.origin.y,
        ));
    }
    let at = Point::from_xy(run.origin.x, run.origin.y);
    if let Some((width, colour)) = run.halo {
        // The halo as outlines, so that the text is found (and copied) once.
        surface.set_fill(None);
        surface.set_stroke(Some(stroke(width, colour)));
        surface.draw_text(
            at,
            font.clone(),
            run.size,
            &run.text,
            true,
            TextDirection::Auto,
        );
        surface.set_stroke(None);
        surface.set_fill(Some(fill(run.colour)));
    }
    surface.draw_text(
        at,
        font.clone(),
        run.size,
        &run.text,
        false,
        TextDirection::Auto,
    );
    if rotated {
        surface.pop();
    }
}

fn fill(colour: Color32) -> Fill {
    let ([r, g, b], alpha) = super::unmultiplied(colour);
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::new(alpha).unwrap_or(NormalizedF32::ONE),
        rule: FillRule::NonZero,
    }
}

fn fill_path(surface: &mut Surface<'_>, pb: PathBuilder, colour: Color32) {
    let Some(path) = pb.finish() else {
        return;
    };
    surface.set_stroke(None);
    surface.set_fill(Some(fill(colour)));
    surface.draw_path(&path);
}

fn stroke(width: f32, colour: Color32) -> Stroke {
    let ([r, g, b], alpha) = super::unmultiplied(colour);
    Stroke {
        paint: rgb::Color::new(r, g, b).into(),
        width,
        line_join: LineJoin::Round,
        opacity: NormalizedF32::new(alpha).unwrap_or(NormalizedF32::ONE),
        ..Default::default()
    }
}

fn stroke_path(surface: &mut Surface<'_>, pb: PathBuilder, width: f32, colour: Color32) {
    let Some(path) = pb.finish() else {
        return;
    };
    surface.set_fill(None);
    surface.set_stroke(Some(stroke(width, colour)));
    surface.draw_path(&path);
    surface.set_stroke(None);
}

fn polyline(points: &[Pos2], closed: bool) -> PathBuilder {
    let mut pb = PathBuilder::new();
    add_polyline(&mut pb, points, closed);
    pb
}

fn add_polyline(pb: &mut PathBuilder, points: &[Pos2], closed: bool) {
    for (i, p) in points.iter().enumerate() {
        if i == 0 {
            pb.move_to(p.x, p.y);
        } else {
            pb.line_to(p.x, p.y);
        }
    }
    if closed && points.len() > 2 {
        pb.close();
    }
}

fn rect_builder(rect: egui::Rect) -> PathBuilder {
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
    ];
    polyline(&corners, true)
}

fn rect_path(rect: egui::Rect) -> Option<krilla::geom::Path> {
    if !rect.is_positive() {
        return None;
    }
    rect_builder(rect).finish()
}

/// An ellipse as four cubic Béziers (the usual 0.5523 control distance).
fn ellipse(centre: Pos2, radius: egui::Vec2) -> PathBuilder {
    const K: f32 = 0.552_284_8;
    let (cx, cy, rx, ry) = (centre.x, centre.y, radius.x, radius.y);
    let mut pb = PathBuilder::new();
    pb.move_to(cx + rx, cy);
    pb.cubic_to(cx + rx, cy + K * ry, cx + K * rx, cy + ry, cx, cy + ry);
    pb.cubic_to(cx - K * rx, cy + ry, cx - rx, cy + K * ry, cx - rx, cy);
    pb.cubic_to(cx - rx, cy - K * ry, cx - K * rx, cy - ry, cx, cy - ry);
    pb.cubic_to(cx + K * rx, cy - ry, cx + rx, cy - K * ry, cx + rx, cy);
    pb.close();
    pb
}

/// A picture encoded as PNG (for SVG, which embeds it as data).
pub fn png(image: &Arc<ColorImage>) -> Option<Vec<u8>> {
    let pixels: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(|p| p.to_srgba_unmultiplied())
        .collect();
    let rgba = image::RgbaImage::from_raw(image.size[0] as u32, image.size[1] as u32, pixels)?;
    let mut bytes = std::io::Cursor::new(Vec::new());
    rgba.write_to(&mut bytes, image::ImageFormat::Png).ok()?;
    Some(bytes.into_inner())
}
