//! The map's marginalia: the title box, the legend and the scale bar.

use std::sync::Arc;

use egui::{Align2, Color32, Galley, Rect, StrokeKind, pos2, vec2};

use crate::kit::palette;
use crate::scenario::{Formality, Layers, LinePreset, Scenario};

use super::frame::Frame;
use super::guarantors::{tie_shapes, unit_marker};
use super::overlays::arrow_head;
use super::projection;
use super::role::{Role, role_of};
use super::symbols::{Affiliation, Echelon, Symbol, kind_label};

/// The title box laid out: where it goes and its two lines.
pub(super) struct TitleBox {
    /// Where the box goes.
    pub(super) rect: Rect,
    title: Arc<Galley>,
    sub: Arc<Galley>,
}

/// Lays out the title box at the top left: the scenario's title, the region
/// and date. The title wraps to end short of `right` (the legend's left
/// edge), so that a narrow map's legend does not cover it.
pub(super) fn title_box(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    right: f32,
) -> TitleBox {
    let room = (right - frame.rect.left() - frame.px(40.0)).max(frame.px(160.0));
    let title = painter.layout(
        scenario.meta.title.clone(),
        frame.font(17.0),
        palette::MAP_TEXT,
        room,
    );
    let mut sub = String::from("NATO's eastern flank");
    if !scenario.meta.date.is_empty() {
        sub.push_str(" · as of ");
        sub.push_str(&scenario.meta.date);
    }
    let sub = painter.layout_no_wrap(sub, frame.font(11.5), palette::MAP_TEXT_MUTED);
    let width = title.size().x.max(sub.size().x) + frame.px(20.0);
    let height = title.size().y + sub.size().y + frame.px(14.0);
    let rect = Rect::from_min_size(
        frame.rect.min + frame.offset(10.0, 10.0),
        vec2(width, height),
    );
    TitleBox { rect, title, sub }
}

/// Paints the title box laid out by [`title_box`].
pub(super) fn title_block(painter: &egui::Painter, frame: &Frame, title: TitleBox) {
    let TitleBox { rect, title, sub } = title;
    panel_box(painter, frame, rect);
    let title_height = title.size().y;
    painter.galley(rect.min + frame.offset(10.0, 6.0), title, palette::MAP_TEXT);
    painter.galley(
        rect.min + vec2(frame.px(10.0), frame.px(8.0) + title_height),
        sub,
        palette::MAP_TEXT_MUTED,
    );
}

/// The legend laid out: where it goes and its rows.
pub(super) struct Legend {
    /// Where the legend goes.
    pub(super) rect: Rect,
    rows: Vec<(LegendKey, Arc<Galley>)>,
}

/// Lays out the legend at the top right: the roles in the scenario and a key
/// for each layer shown. `assessed`: the engine's credibility is known, so the
/// ties' widths show it (until then the legend says they do not yet).
pub(super) fn legend_box(
    painter: &egui::Painter,
    frame: &Frame,
    scenario: &Scenario,
    layers: &Layers,
    assessed: bool,
) -> Legend {
    let font = frame.font(11.5);
    let mut rows: Vec<(LegendKey, String)> = Vec::new();
    // Every role a country is drawn in, whether or not the scenario lists it
    // (a neutral state by policy, the others).
    let drawn: Vec<Role> = super::geodata::Geodata::get()
        .countries()
        .iter()
        .map(|c| role_of(scenario, c.id))
        .collect();
    let shown: Vec<Role> = Role::ALL
        .into_iter()
        .filter(|s| drawn.contains(s))
        .collect();
    for s in shown {
        rows.push((LegendKey::Fill(s.fill()), s.label().to_owned()));
    }
    if layers.line_of_control && scenario.settlement_line.preset != LinePreset::None {
        rows.push((
            // The held area is drawn over Ukraine's own fill.
            LegendKey::Fill(palette::over(
                palette::MAP_HELD,
                role_of(scenario, "UKR").fill(),
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
        let overridden = scenario
            .arrangements
            .iter()
            .flat_map(|a| &a.guarantors)
            .all(|g| g.credibility.is_some());
        if !assessed && !overridden {
            rows.push((
                LegendKey::Note,
                "Tie widths: no credibility figure yet".into(),
            ));
        }
    }
    if layers.forces {
        rows.extend(symbol_rows(scenario, layers));
    }
    if layers.axes && !scenario.axes.is_empty() {
        rows.push((LegendKey::Axis, "Axis of advance (modelled)".into()));
        let rivers = || scenario.axes.iter().flat_map(|a| &a.river_crossings);
        if rivers().next().is_some() {
            rows.push((LegendKey::River(false), "River crossing".into()));
        }
        if rivers().any(|r| r.bridges == Some(crate::scenario::Bridges::Blown)) {
            rows.push((LegendKey::River(true), "Bridges blown".into()));
        }
        if scenario.axes.iter().any(|a| !a.defence_lines.is_empty()) {
            rows.push((LegendKey::DefenceLine, "Defence line (share held)".into()));
        }
    }
    let demanded = scenario
        .adversary
        .demands
        .iter()
        .any(|d| !d.area.is_empty());
    if layers.line_of_control && demanded {
        rows.push((
            LegendKey::Outline(palette::MAP_AXIS),
            "Territory demanded".into(),
        ));
    }
    let scoped = scenario
        .arrangements
        .iter()
        .any(|a| !a.scope_area.is_empty());
    if layers.ties && scoped {
        rows.push((
            LegendKey::Outline(palette::MAP_TIE),
            "Area a guarantee covers".into(),
        ));
    }
    let rows: Vec<(LegendKey, Arc<Galley>)> = rows
        .into_iter()
        .map(|(key, t)| {
            (
                key,
                painter.layout_no_wrap(t, font.clone(), palette::MAP_TEXT),
            )
        })
        .collect();
    let text_w = rows.iter().map(|(_, g)| g.size().x).fold(0.0, f32::max);
    let size = vec2(
        text_w + frame.px(58.0),
        rows.len() as f32 * frame.px(LEGEND_ROW) + frame.px(12.0),
    );
    let rect = Rect::from_min_size(
        pos2(
            frame.rect.right() - size.x - frame.px(10.0),
            frame.rect.top() + frame.px(10.0),
        ),
        size,
    );
    Legend { rect, rows }
}

/// A row for each unit symbol the map shows: each kind of friendly
/// (guarantor) unit, each hostile symbol on an axis, the dashed frame of a
/// pledged unit, and what the marks above the frames mean.
fn symbol_rows(scenario: &Scenario, layers: &Layers) -> Vec<(LegendKey, String)> {
    use crate::scenario::UnitKind;
    use crate::scenario::placing::every_unit;
    let units: Vec<_> = every_unit(scenario).map(|(_, u)| u).collect();
    let hostile: Vec<Symbol> = if layers.axes {
        scenario
            .axes
            .iter()
            .filter_map(|axis| super::overlays::hostile_symbol(scenario, axis))
            .collect()
    } else {
        Vec::new()
    };
    let mut rows = Vec::new();
    let all_kinds = UnitKind::ALL;
    for (affiliation, shown) in [
        (
            Affiliation::Friend,
            all_kinds
                .iter()
                .filter(|k| units.iter().any(|u| u.kind == **k))
                .copied()
                .collect::<Vec<_>>(),
        ),
        (
            Affiliation::Hostile,
            all_kinds
                .iter()
                .filter(|k| hostile.iter().any(|h| h.kind == **k))
                .copied()
                .collect(),
        ),
    ] {
        for kind in shown {
            let symbol = Symbol {
                affiliation,
                kind,
                echelon: None,
                planned: false,
            };
            rows.push((
                LegendKey::Unit(symbol),
                format!("{} ({})", kind_label(kind), affiliation.label()),
            ));
        }
    }
    if let Some(pledged) = units.iter().find(|u| !u.is_present()) {
        let mut symbol = super::guarantors::friend_symbol(pledged);
        symbol.echelon = None;
        rows.push((LegendKey::Unit(symbol), "Pledged (D+ arrival day)".into()));
    }
    let mut echelons: Vec<Echelon> = units
        .iter()
        .filter_map(|u| Echelon::of(u.kind, u.troops))
        .chain(hostile.iter().filter_map(|h| h.echelon))
        .collect();
    echelons.sort();
    echelons.dedup();
    if !echelons.is_empty() {
        let marks: Vec<&str> = echelons.iter().map(|e| e.abbreviation()).collect();
        rows.push((LegendKey::Note, format!("Size: {}", marks.join(", "))));
    }
    rows
}

/// Height of a legend row, workspace points.
const LEGEND_ROW: f32 = 18.0;

/// Paints the legend laid out by [`legend_box`].
pub(super) fn legend(painter: &egui::Painter, frame: &Frame, legend: Legend) {
    let Legend { rect, rows } = legend;
    let row_h = frame.px(LEGEND_ROW);
    panel_box(painter, frame, rect);
    for (i, (key, galley)) in rows.into_iter().enumerate() {
        let y = rect.top() + frame.px(6.0) + i as f32 * row_h + row_h / 2.0;
        let key_rect = Rect::from_center_size(
            pos2(rect.left() + frame.px(22.0), y),
            frame.offset(28.0, 12.0),
        );
        match key {
            LegendKey::Fill(c) => {
                painter.rect(
                    key_rect,
                    frame.px(1.0),
                    c,
                    frame.stroke(0.8, palette::MAP_BORDER),
                    StrokeKind::Inside,
                );
            }
            LegendKey::Tie(f) => {
                let pts = [key_rect.left_center(), key_rect.right_center()];
                painter.extend(tie_shapes(frame, &pts, f, 2.5));
            }
            LegendKey::Unit(symbol) => {
                unit_marker(painter, frame, key_rect.center(), symbol, None);
            }
            LegendKey::Outline(colour) => {
                let outline = key_rect.shrink(frame.px(2.0));
                let corners = [
                    outline.left_top(),
                    outline.right_top(),
                    outline.right_bottom(),
                    outline.left_bottom(),
                    outline.left_top(),
                ];
                painter.extend(egui::Shape::dashed_line(
                    &corners,
                    frame.stroke(1.8, colour),
                    frame.px(5.0),
                    frame.px(3.0),
                ));
            }
            LegendKey::Axis => {
                let line = [
                    key_rect.left_center(),
                    key_rect.right_center() - frame.offset(6.0, 0.0),
                ];
                let stroke = frame.stroke(3.0, palette::MAP_AXIS);
                painter.extend(egui::Shape::dashed_line(
                    &line,
                    stroke,
                    frame.px(6.0),
                    frame.px(3.0),
                ));
                arrow_head(
                    painter,
                    key_rect.right_center(),
                    key_rect.left_center(),
                    frame.px(9.0),
                    palette::MAP_AXIS,
                );
            }
            LegendKey::River(blown) => {
                let centre = key_rect.center();
                super::route_marks::crossing_marker(painter, frame, centre, vec2(0.0, 1.0), blown);
            }
            LegendKey::DefenceLine => {
                let centre = key_rect.center();
                super::route_marks::defence_line_marker(painter, frame, centre, vec2(0.0, -1.0));
            }
            LegendKey::Note => {}
        }
        let text_x = rect.left() + frame.px(44.0);
        let gy = y - galley.size().y / 2.0;
        painter.galley(pos2(text_x, gy), galley, palette::MAP_TEXT);
    }
}

/// The symbol of a legend row.
enum LegendKey {
    /// A swatch of a fill colour.
    Fill(Color32),
    /// A tie's dash pattern.
    Tie(Formality),
    /// A unit's symbol.
    Unit(Symbol),
    /// An axis of advance's arrow.
    Axis,
    /// A river crossing's bar, crossed out when its bridges are blown.
    River(bool),
    /// A defence line's toothed bar.
    DefenceLine,
    /// An area's dashed outline, in its colour.
    Outline(Color32),
    /// A note on the row above, with no symbol.
    Note,
}

/// The scale bar laid out: its box, and the length it shows.
pub(super) struct ScaleBar {
    /// The box behind the bar and its figures.
    pub(super) rect: Rect,
    /// The left end of the bar.
    left: egui::Pos2,
    /// The bar's length on screen, points, and in km.
    len: f32,
    km: f64,
    /// "at 52°N": the latitude at which the bar is true.
    true_at: Arc<Galley>,
}

/// Lays out the scale bar at the bottom left, true at the view's centre
/// latitude (about 130 points long at the frame's ink scale).
pub(super) fn scale_bar_box(painter: &egui::Painter, frame: &Frame) -> ScaleBar {
    // True km per screen point at the view's centre latitude (the projection's
    // scale factor there is below one between the standard parallels).
    let [_, lat] = frame.to_geo(frame.rect.center());
    let km_per_point = 1.0 / (frame.scale * projection::scale_factor(lat.clamp(30.0, 75.0)));
    let target = f64::from(frame.px(130.0)) * km_per_point;
    let nice = [
        5.0, 10.0, 20.0, 25.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0,
    ];
    let km = nice
        .iter()
        .copied()
        .min_by(|a, b| (a - target).abs().total_cmp(&(b - target).abs()))
        .unwrap_or(100.0);
    let len = (km / km_per_point) as f32;
    let left = pos2(
        frame.rect.left() + frame.px(14.0),
        frame.rect.bottom() - frame.px(16.0),
    );
    let true_at = painter.layout_no_wrap(
        format!("at {lat:.0}°N"),
        frame.font(9.5),
        palette::MAP_TEXT_MUTED,
    );
    // Wide enough for the latitude after the bar's "… km" at any ink, and
    // the north arrow after it.
    let right =
        len + frame.px(30.0) + true_at.size().x + frame.px(6.0) + NORTH_ARROW_ROOM * frame.px(1.0);
    let rect = Rect::from_min_max(
        left + frame.offset(-6.0, -18.0),
        left + vec2(right, frame.px(8.0)),
    );
    ScaleBar {
        rect,
        left,
        len,
        km,
        true_at,
    }
}

/// Paints the scale bar laid out by [`scale_bar_box`].
pub(super) fn scale_bar(painter: &egui::Painter, frame: &Frame, bar: ScaleBar) {
    let ScaleBar {
        rect,
        left,
        len,
        km,
        true_at,
    } = bar;
    painter.rect_filled(rect, frame.px(3.0), palette::MAP_PANEL);
    let half = left + vec2(len / 2.0, 0.0);
    let right = left + vec2(len, 0.0);
    painter.rect_filled(
        Rect::from_min_max(left + frame.offset(0.0, -4.0), half),
        0.0,
        palette::MAP_TEXT,
    );
    painter.rect_stroke(
        Rect::from_min_max(left + frame.offset(0.0, -4.0), right),
        0.0,
        frame.stroke(1.0, palette::MAP_TEXT),
        StrokeKind::Middle,
    );
    for (p, t) in [(left, "0".to_owned()), (right, format!("{km:.0} km"))] {
        painter.text(
            p + frame.offset(0.0, -6.0),
            Align2::CENTER_BOTTOM,
            t,
            frame.font(10.5),
            palette::MAP_TEXT,
        );
    }
    let at = right + frame.offset(30.0, -2.0) - vec2(0.0, true_at.size().y);
    let arrow_x = at.x + true_at.size().x + frame.px(6.0 + NORTH_ARROW_ROOM / 2.0);
    let arrow_at = pos2(arrow_x, left.y - frame.px(1.0));
    painter.galley(at, true_at, palette::MAP_TEXT_MUTED);
    north_arrow(painter, frame, arrow_at);
}

/// Room the north arrow takes at the right of the scale bar's box, points
/// at ink scale 1.
const NORTH_ARROW_ROOM: f32 = 26.0;

/// A north arrow centred on `at`, pointing to true north at the view's
/// centre: on this conic projection north leans away from straight up east
/// and west of 25°E, and the arrow leans with it (its "N" says which way is
/// north wherever the view is).
fn north_arrow(painter: &egui::Painter, frame: &Frame, at: egui::Pos2) {
    let [lon, lat] = frame.to_geo(frame.rect.center());
    let lat = lat.clamp(-85.0, 85.0);
    let here = frame.to_screen(projection::project(lon, lat));
    let north = frame.to_screen(projection::project(lon, lat + 0.5));
    let up = (north - here).normalized();
    let up = if up.is_finite() { up } else { vec2(0.0, -1.0) };
    let side = vec2(-up.y, up.x);
    let half = frame.px(6.0);
    let tip = at + up * half;
    let tail = at - up * half;
    let ink = palette::MAP_TEXT;
    painter.add(egui::Shape::convex_polygon(
        vec![
            tip,
            tail + side * frame.px(4.0),
            at - up * frame.px(4.0),
            tail - side * frame.px(4.0),
        ],
        ink,
        egui::Stroke::NONE,
    ));
    painter.text(
        tip + up * frame.px(1.0),
        Align2::CENTER_BOTTOM,
        "N",
        frame.font(8.5),
        ink,
    );
}

/// The boxed panel under the title block and the legend.
fn panel_box(painter: &egui::Painter, frame: &Frame, rect: Rect) {
    painter.rect(
        rect,
        frame.px(3.0),
        palette::MAP_PANEL,
        frame.stroke(1.0, palette::MAP_BORDER),
        StrokeKind::Inside,
    );
}
