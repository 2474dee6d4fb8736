//! Text on the map: greedy label placement, halo text, and the city, country
//! and graticule labels.

use std::sync::Arc;

use egui::{Align2, Color32, FontId, Pos2, Rect, Vec2, pos2};

use crate::kit::palette;

use super::frame::Frame;
use super::geodata::Geodata;
use super::places::CITIES;

/// Places labels greedily, skipping any that would overlap one already placed.
#[derive(Default)]
pub(super) struct LabelPlacer {
    /// The rectangles taken so far.
    taken: Vec<Rect>,
    /// The boxes painted over everything (title, legend, scale bar).
    boxes: Vec<Rect>,
}

impl LabelPlacer {
    /// Takes `rect` if it is free; false (and nothing taken) if it overlaps.
    pub(super) fn try_take(&mut self, rect: Rect) -> bool {
        if !self.is_free(rect) {
            return false;
        }
        self.taken.push(rect);
        true
    }

    /// Takes `rect` whatever lies there (marks that are always drawn).
    pub(super) fn block(&mut self, rect: Rect) {
        self.taken.push(rect);
    }

    /// Takes `rect` for a box painted over everything else.
    pub(super) fn block_box(&mut self, rect: Rect) {
        self.boxes.push(rect);
        self.taken.push(rect);
    }

    /// Whether `rect` overlaps nothing taken so far.
    pub(super) fn is_free(&self, rect: Rect) -> bool {
        !self.taken.iter().any(|r| r.intersects(rect))
    }

    /// Whether `rect` would lie (partly) under one of the boxes.
    pub(super) fn under_box(&self, rect: Rect) -> bool {
        self.boxes.iter().any(|b| b.intersects(rect))
    }
}

/// Text with a light halo so it reads on any fill; returns where it went.
pub(super) fn halo_text(
    painter: &egui::Painter,
    frame: &Frame,
    pos: Pos2,
    anchor: Align2,
    text: &str,
    font: FontId,
    colour: Color32,
) -> Rect {
    let galley = painter.layout_no_wrap(text.to_owned(), font, colour);
    let rect = anchor.anchor_size(pos, galley.size());
    halo_galley(painter, frame, rect.min, galley, colour);
    rect
}

/// Paints a laid-out text at `min` with a light halo around it (one point wide
/// at the frame's ink scale).
pub(super) fn halo_galley(
    painter: &egui::Painter,
    frame: &Frame,
    min: Pos2,
    galley: Arc<egui::Galley>,
    colour: Color32,
) {
    for d in [
        frame.offset(-1.0, 0.0),
        frame.offset(1.0, 0.0),
        frame.offset(0.0, -1.0),
        frame.offset(0.0, 1.0),
    ] {
        painter.galley_with_override_text_color(min + d, galley.clone(), palette::MAP_HALO);
    }
    painter.galley(min, galley, colour);
}

/// [`halo_text`] if its rectangle lies within `bounds` and is still free of
/// other labels (laid out once, for both the test and the painting).
#[allow(clippy::too_many_arguments)] // a label's text, style and place, plus the placer
pub(super) fn placed_halo_text(
    painter: &egui::Painter,
    frame: &Frame,
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
        halo_galley(painter, frame, rect.min, galley, colour);
    }
}

/// A label put at the first of `candidates` (a point and how the text hangs
/// from it) that lies on the map and is free of other labels, with its halo;
/// if none is and `always`, at the first (a mark the user made must be
/// named), else nowhere. Where it went, if anywhere.
#[allow(clippy::too_many_arguments)] // a label's text and style, its places and the placer
pub(super) fn first_free(
    painter: &egui::Painter,
    frame: &Frame,
    labels: &mut LabelPlacer,
    candidates: &[(Pos2, Align2)],
    text: &str,
    font: FontId,
    colour: Color32,
    always: bool,
) -> Option<Rect> {
    let galley = painter.layout_no_wrap(text.to_owned(), font, colour);
    let rect_at = |&(pos, anchor): &(Pos2, Align2)| anchor.anchor_size(pos, galley.size());
    let free = candidates
        .iter()
        .map(rect_at)
        .find(|r| frame.rect.contains_rect(*r) && labels.is_free(*r));
    let rect = free.or_else(|| always.then(|| candidates.first().map(rect_at)).flatten())?;
    labels.block(rect);
    halo_galley(painter, frame, rect.min, galley, colour);
    Some(rect)
}

/// City dots and names (capitals always; other cities when zoomed in): the
/// capitals (`capitals` true) or the other cities, so that the axes' names
/// can be placed between the two.
pub(super) fn city_labels(
    painter: &egui::Painter,
    frame: &Frame,
    labels: &mut LabelPlacer,
    capitals: bool,
) {
    let zoom = frame.zoom();
    for city in CITIES.iter().filter(|c| c.capital == capitals) {
        if !city.capital && zoom < 1.6 && city.name != "Kaliningrad" && city.name != "St Petersburg"
        {
            continue;
        }
        let p = frame.geo_to_screen(city.lon, city.lat);
        if !frame.rect.shrink(frame.px(4.0)).contains(p) {
            continue;
        }
        let font = frame.font(if city.capital { 12.5 } else { 11.5 });
        let galley = painter.layout_no_wrap(city.name.to_owned(), font.clone(), palette::MAP_TEXT);
        let dot = Rect::from_center_size(p, Vec2::splat(frame.px(7.0)));
        // Try right, left, above, below the dot.
        let candidates = [
            (p + frame.offset(6.0, 0.0), Align2::LEFT_CENTER),
            (p + frame.offset(-6.0, 0.0), Align2::RIGHT_CENTER),
            (p + frame.offset(0.0, -5.0), Align2::CENTER_BOTTOM),
            (p + frame.offset(0.0, 5.0), Align2::CENTER_TOP),
        ];
        if !labels.try_take(dot) {
            continue;
        }
        let placed = candidates.iter().find(|(pos, anchor)| {
            let r = anchor
                .anchor_size(*pos, galley.size())
                .expand(frame.px(1.0));
            frame.rect.contains_rect(r) && labels.try_take(r)
        });
        if city.capital {
            painter.circle(
                p,
                frame.px(3.6),
                Color32::WHITE,
                frame.stroke(1.6, palette::MAP_TEXT),
            );
            painter.circle_filled(p, frame.px(1.4), palette::MAP_TEXT);
        } else {
            painter.circle(
                p,
                frame.px(2.6),
                palette::MAP_TEXT,
                frame.stroke(1.0, Color32::WHITE),
            );
        }
        if let Some((pos, anchor)) = placed {
            halo_text(
                painter,
                frame,
                *pos,
                *anchor,
                city.name,
                font,
                palette::MAP_TEXT,
            );
        }
    }
}

/// Country names in capitals, where the country is wide enough on screen.
pub(super) fn country_labels(painter: &egui::Painter, frame: &Frame, labels: &mut LabelPlacer) {
    let font = frame.font(11.0);
    for country in Geodata::get().countries() {
        let [x0, y0, x1, y1] = country.bbox;
        let width = f64::from(x1 - x0) * frame.scale;
        let height = f64::from(y1 - y0) * frame.scale;
        let p = frame.to_screen([f64::from(country.label[0]), f64::from(country.label[1])]);
        if !frame.rect.shrink(frame.px(20.0)).contains(p) {
            continue;
        }
        let name = country_name(country.id, country.name).to_uppercase();
        let galley = painter.layout_no_wrap(name, font.clone(), palette::MAP_TEXT_MUTED);
        if f64::from(galley.size().x) > width * 0.9 || height < f64::from(frame.px(14.0)) {
            continue;
        }
        // At its label point, or a line or two above or below it, or aside,
        // as far as the country is tall and wide (a city or marker often sits
        // on the point itself).
        let size = galley.size();
        let line = size.y + frame.px(4.0);
        let lines = height / f64::from(line);
        let across = width / f64::from(size.x);
        let ups: &[f32] = match lines {
            l if l > 6.0 => &[0.0, -1.0, 1.0, -2.0, 2.0],
            l if l > 4.0 => &[0.0, -1.0, 1.0],
            _ => &[0.0],
        };
        let asides: &[f32] = if across > 3.0 {
            &[0.0, -0.7, 0.7]
        } else {
            &[0.0]
        };
        let placed = asides
            .iter()
            .flat_map(|a| ups.iter().map(move |u| Vec2::new(a * size.x, u * line)))
            .find_map(|shift| {
                let rect = Align2::CENTER_CENTER.anchor_size(p + shift, size);
                let inside = shift == Vec2::ZERO || within(frame, country.id, rect);
                (inside && labels.try_take(rect.expand(frame.px(2.0)))).then_some(rect)
            });
        if let Some(rect) = placed {
            halo_galley(painter, frame, rect.min, galley, palette::MAP_TEXT_MUTED);
        }
    }
}

/// Shorter names for the map where Natural Earth's are long.
pub(super) fn country_name(id: &str, name: &'static str) -> &'static str {
    match id {
        "GBR" => "United Kingdom",
        "BIH" => "Bosnia",
        "MKD" => "N. Macedonia",
        _ => name,
    }
}

/// Latitudes along the left edge and longitudes along the bottom.
pub(super) fn graticule_labels(painter: &egui::Painter, frame: &Frame) {
    let font = frame.font(10.0);
    let r = frame.rect;
    for lat in (25..=80).step_by(5) {
        // Where the parallel meets the left edge.
        let geo = frame.to_geo(pos2(r.left() + 2.0, r.center().y));
        let p = frame.geo_to_screen(geo[0], f64::from(lat));
        if r.y_range().contains(p.y) {
            let [lon_edge, _] = frame.to_geo(pos2(r.left(), p.y));
            let p = frame.geo_to_screen(lon_edge, f64::from(lat));
            painter.text(
                pos2(r.left() + frame.px(4.0), p.y),
                Align2::LEFT_BOTTOM,
                format!("{lat}°N"),
                font.clone(),
                palette::MAP_TEXT_MUTED,
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
                pos2(p.x + frame.px(3.0), r.bottom() - frame.px(18.0)),
                Align2::LEFT_BOTTOM,
                text,
                font.clone(),
                palette::MAP_TEXT_MUTED,
            );
        }
    }
}

/// Whether a label's rectangle lies in the country `id`: its centre and the
/// middles of its two ends are all on that country's land.
fn within(frame: &Frame, id: &str, rect: Rect) -> bool {
    [rect.left_center(), rect.center(), rect.right_center()]
        .iter()
        .all(|&p| {
            let [x, y] = frame.to_map(p);
            Geodata::get()
                .country_at_xy([x as f32, y as f32])
                .is_some_and(|c| c.id == id)
        })
}
