//! A [`Page`] as an SVG 1.1 document: paths, rectangles, ellipses, text in
//! DejaVu Sans and pictures as embedded PNG.
//!
//! Written by hand: SVG is text, every element here is one line of it, and the
//! crates that write SVG add nothing over escaping the text and the title.

use std::fmt::Write as _;

use base64::Engine as _;
use egui::{Color32, Pos2};

use super::{Item, Page, TextRun, coordinate as c, unmultiplied};

/// How the SVG gives its size: in points (pixels) as drawn, or on paper.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Extent {
    /// `width` and `height` in pixels, the page's own points.
    Pixels,
    /// `width` and `height` in millimetres, the page scaled to fit.
    Millimetres([f32; 2]),
}

/// The SVG text of `page`, titled `title`.
pub fn write(page: &Page, title: &str, extent: Extent) -> String {
    let (w, h) = (c(page.size.x), c(page.size.y));
    let (width, height) = match extent {
        Extent::Pixels => (w.clone(), h.clone()),
        Extent::Millimetres([mw, mh]) => (format!("{}mm", c(mw)), format!("{}mm", c(mh))),
    };
    let mut svg = String::with_capacity(1 << 16);
    let _ = writeln!(
        svg,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{width}" height="{height}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans, Verdana, sans-serif">
<title>{}</title>"#,
        escape(title)
    );
    let page_rect = egui::Rect::from_min_size(Pos2::ZERO, page.size);
    for (i, group) in page.groups.iter().enumerate() {
        let clipped = !group.clip.contains_rect(page_rect);
        if clipped {
            let r = group.clip.intersect(page_rect);
            let _ = writeln!(
                svg,
                r#"<clipPath id="clip{i}"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath><g clip-path="url(#clip{i})">"#,
                c(r.min.x),
                c(r.min.y),
                c(r.width().max(0.0)),
                c(r.height().max(0.0))
            );
        }
        for item in &group.items {
            write_item(&mut svg, item);
        }
        if clipped {
            svg.push_str("</g>\n");
        }
    }
    svg.push_str("</svg>\n");
    svg
}

fn write_item(svg: &mut String, item: &Item) {
    match item {
        Item::Fill { triangles, colour } => {
            let mut d = String::with_capacity(triangles.len() * 40);
            for [a, b, t] in triangles {
                let _ = write!(
                    d,
                    "M{} {}L{} {}L{} {}Z",
                    c(a.x),
                    c(a.y),
                    c(b.x),
                    c(b.y),
                    c(t.x),
                    c(t.y)
                );
            }
            let _ = writeln!(svg, r#"<path d="{d}"{}/>"#, fill(*colour));
        }
        Item::Polygon { points, colour } => {
            let d = polyline(points, true);
            let _ = writeln!(svg, r#"<path d="{d}"{}/>"#, fill(*colour));
        }
        Item::Stroke {
            lines,
            closed,
            width,
            colour,
        } => {
            let d: String = lines.iter().map(|l| polyline(l, *closed)).collect();
            let _ = writeln!(
                svg,
                r#"<path d="{d}" fill="none"{}/>"#,
                stroke(*width, *colour)
            );
        }
        Item::Rect {
            rect,
            fill: f,
            stroke: (w, s),
        } => {
            let _ = writeln!(
                svg,
                r#"<rect x="{}" y="{}" width="{}" height="{}"{}{}/>"#,
                c(rect.min.x),
                c(rect.min.y),
                c(rect.width().max(0.0)),
                c(rect.height().max(0.0)),
                fill(*f),
                stroke(*w, *s)
            );
        }
        Item::Ellipse {
            centre,
            radius,
            fill: f,
            stroke: (w, s),
        } => {
            let _ = writeln!(
                svg,
                r#"<ellipse cx="{}" cy="{}" rx="{}" ry="{}"{}{}/>"#,
                c(centre.x),
                c(centre.y),
                c(radius.x),
                c(radius.y),
                fill(*f),
                stroke(*w, *s)
            );
        }
        Item::Text(run) => write_text(svg, run),
        Item::Image { rect, image } => {
            let Some(png) = super::pdf::png(image) else {
                return;
            };
            let data = base64::engine::general_purpose::STANDARD.encode(png);
            let _ = writeln!(
                svg,
                r#"<image x="{}" y="{}" width="{}" height="{}" preserveAspectRatio="none" href="data:image/png;base64,{data}"/>"#,
                c(rect.min.x),
                c(rect.min.y),
                c(rect.width()),
                c(rect.height())
            );
        }
    }
}

fn write_text(svg: &mut String, run: &TextRun) {
    let (x, y) = (c(run.origin.x), c(run.origin.y));
    let rotate = if run.angle == 0.0 {
        String::new()
    } else {
        format!(
            r#" transform="rotate({} {x} {y})""#,
            c(run.angle.to_degrees())
        )
    };
    let halo = run.halo.map_or(String::new(), |(width, colour)| {
        format!(r#"{} paint-order="stroke""#, stroke(width, colour))
    });
    let _ = writeln!(
        svg,
        r#"<text x="{x}" y="{y}" font-size="{}" xml:space="preserve"{}{halo}{rotate}>{}</text>"#,
        c(run.size),
        fill(run.colour),
        escape(&run.text)
    );
}

/// `M x y L …` for a polyline, closed with `Z` if asked.
fn polyline(points: &[Pos2], closed: bool) -> String {
    let mut d = String::with_capacity(points.len() * 14);
    for (i, p) in points.iter().enumerate() {
        let _ = write!(d, "{}{} {}", if i == 0 { 'M' } else { 'L' }, c(p.x), c(p.y));
    }
    if closed {
        d.push('Z');
    }
    d
}

/// ` fill="…"` (and its opacity), or ` fill="none"` for a transparent colour.
fn fill(colour: Color32) -> String {
    if colour.a() == 0 {
        return r#" fill="none""#.to_owned();
    }
    let (rgb, alpha) = unmultiplied(colour);
    format!(r#" fill="{}"{}"#, hex(rgb), opacity("fill-opacity", alpha))
}

/// ` stroke="…" stroke-width="…"`, or nothing for no stroke.
fn stroke(width: f32, colour: Color32) -> String {
    if width <= 0.0 || colour.a() == 0 {
        return String::new();
    }
    let (rgb, alpha) = unmultiplied(colour);
    format!(
        r#" stroke="{}" stroke-width="{}" stroke-linejoin="round"{}"#,
        hex(rgb),
        c(width),
        opacity("stroke-opacity", alpha)
    )
}

fn opacity(name: &str, alpha: f32) -> String {
    if alpha >= 0.999 {
        String::new()
    } else {
        format!(r#" {name}="{}""#, c(alpha))
    }
}

fn hex([r, g, b]: [u8; 3]) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// Text safe inside an element or an attribute; characters XML 1.0 forbids
/// (control characters) are left out.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(' '),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}
