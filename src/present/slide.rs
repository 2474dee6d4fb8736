//! Drawing one slide into a rectangle, at any size: full screen, the presenter
//! view's thumbnails, or a 1920×1080 export. Everything scales with the rect
//! (see [`theme::SLIDE_DESIGN_SIZE`]) and uses the projector theme.
//!
//! The map, the plots and the comparison are drawn by [`draw_map_slide`],
//! [`draw_plot_slide`] and [`draw_comparison_slide`] from the real views, each
//! into a `Ui` whose `max_rect` is the slide's content area, with the engine's
//! latest figures for the scenario, so a "what if" changes the slide at once.

use egui::{Align2, Pos2, Rect, Stroke, Ui, UiBuilder, vec2};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use crate::kit::choices::Choice;
use crate::kit::format::{percent, thousands};
use crate::kit::theme;
use crate::model::Assessment;
use crate::plots::{self, headline};
use crate::scenario::{MapView, PlotKind, Scenario, Slide, SlideContent, reference};

/// The scale of a slide drawn into `rect` (1 at the design size).
pub fn slide_scale(rect: Rect) -> f32 {
    (rect.width() / theme::SLIDE_DESIGN_SIZE.x)
        .min(rect.height() / theme::SLIDE_DESIGN_SIZE.y)
        .max(0.05)
}

/// The ink scale of the map on a slide of scale `scale` (see [`slide_scale`]):
/// how much larger than in the workspace the map's labels, lines and symbols
/// are drawn, [`theme::SLIDE_MAP_INK`] at the design size.
pub fn map_ink(scale: f32) -> f32 {
    theme::SLIDE_MAP_INK * scale
}

/// The largest 16:9 rect centred in `outer`.
pub fn fit_16_9(outer: Rect) -> Rect {
    let aspect = theme::SLIDE_DESIGN_SIZE.x / theme::SLIDE_DESIGN_SIZE.y;
    let size = if outer.width() / outer.height() > aspect {
        vec2(outer.height() * aspect, outer.height())
    } else {
        vec2(outer.width(), outer.width() / aspect)
    };
    Rect::from_center_size(outer.center(), size)
}

/// The engine's figures a slide draws from.
#[derive(Clone, Copy, Default)]
pub struct Figures<'a> {
    /// The engine's latest result for the scenario, if there is one yet.
    pub assessment: Option<&'a Assessment>,
    /// Every open scenario's point for the trade-off slide (in the app);
    /// empty where only this scenario is known (an export), which then
    /// shows its own point alone.
    pub trade_off: &'a [plots::TradeOffPoint],
}

/// Draws `slide` of `scenario` filling `rect`: background, title, content,
/// from the engine's `figures`. `salt` keeps widget ids apart when one slide
/// is drawn twice in a frame.
pub fn draw_slide(
    ui: &mut Ui,
    rect: Rect,
    scenario: &Scenario,
    figures: Figures<'_>,
    slide: &Slide,
    markdown: &mut CommonMarkCache,
    salt: &str,
) {
    let assessment = figures.assessment;
    let scale = slide_scale(rect);
    ui.painter()
        .with_clip_rect(rect)
        .rect_filled(rect, 0.0, theme::PROJECTOR_BG);
    let margin = 48.0 * scale;
    let inner = rect.shrink(margin);
    let inner = marking(ui, rect, inner, &scenario.meta.marking, scale);
    let mut child = ui.new_child(
        UiBuilder::new()
            .max_rect(inner)
            .id_salt(("slide", salt))
            .style(theme::projector_style(scale)),
    );
    child.set_clip_rect(rect.intersect(ui.clip_rect()));
    let title_font = theme::slide_font(44.0 * scale);
    let title = child.painter().layout(
        slide.title.clone(),
        title_font,
        theme::PROJECTOR_TEXT,
        inner.width(),
    );
    let title_height = title.size().y;
    child
        .painter()
        .galley(inner.left_top(), title, theme::PROJECTOR_TEXT);
    let rule_y = inner.top() + title_height + 12.0 * scale;
    child.painter().line_segment(
        [
            Pos2::new(inner.left(), rule_y),
            Pos2::new(inner.left() + 160.0 * scale, rule_y),
        ],
        Stroke::new(5.0 * scale, theme::PROJECTOR_ACCENT),
    );
    let content = Rect::from_min_max(Pos2::new(inner.left(), rule_y + 28.0 * scale), inner.max);
    child.scope_builder(UiBuilder::new().max_rect(content), |ui| {
        ui.set_clip_rect(content.intersect(ui.clip_rect()));
        crate::kit::contain::contain(ui, "this slide", |ui| {
            match &slide.content {
                SlideContent::Map { view, highlight } => {
                    draw_map_slide(ui, scenario, assessment, view, highlight, scale);
                }
                SlideContent::Plot { plot, state } => {
                    draw_plot_slide(ui, scenario, figures, *plot, state.as_deref());
                }
                SlideContent::Comparison => draw_comparison_slide(ui, scenario, assessment),
                SlideContent::Timeline { view, month } => {
                    let month = month.unwrap_or(0.0);
                    draw_timeline_slide(ui, scenario, assessment, view, month, scale);
                }
                SlideContent::Text { markdown: text } => {
                    // Images are not loaded from the file's addresses.
                    let text = crate::kit::markdown::prepare(
                        text,
                        crate::kit::note_images::NoteImages::existing(ui.ctx()).as_deref(),
                    );
                    CommonMarkViewer::new()
                        .max_image_width(Some(content.width() as usize))
                        .show(ui, markdown, &text);
                }
            }
        });
    });
}

/// The scenario's marking in a banner across the top and the bottom of the
/// slide `rect` (on every slide, so a page printed alone carries it); the
/// content's `inner` rect kept clear of them. Without a marking, `inner`.
fn marking(ui: &Ui, rect: Rect, inner: Rect, marking: &str, scale: f32) -> Rect {
    let marking = marking.trim();
    if marking.is_empty() {
        return inner;
    }
    let height = 30.0 * scale;
    let painter = ui.painter().with_clip_rect(rect);
    for band in [
        Rect::from_min_max(rect.min, Pos2::new(rect.right(), rect.top() + height)),
        Rect::from_min_max(Pos2::new(rect.left(), rect.bottom() - height), rect.max),
    ] {
        painter.rect_filled(band, 0.0, theme::PROJECTOR_TEXT);
        painter.text(
            band.center(),
            egui::Align2::CENTER_CENTER,
            marking,
            theme::slide_font(18.0 * scale),
            theme::PROJECTOR_BG,
        );
    }
    Rect::from_min_max(
        Pos2::new(
            inner.left(),
            inner.top().max(rect.top() + height + 8.0 * scale),
        ),
        Pos2::new(
            inner.right(),
            inner.bottom().min(rect.bottom() - height - 8.0 * scale),
        ),
    )
}

/// Draws `plot` as a figure for a report over `rect`: a plot slide titled
/// with the plot's name, and along its foot the scenario (title and date)
/// and the source of the figures (the engine, its draws and seed, where the
/// method is documented), so that the image says what it is when it is
/// pasted elsewhere.
pub fn draw_figure(
    ui: &mut Ui,
    rect: Rect,
    scenario: &Scenario,
    figures: Figures<'_>,
    plot: PlotKind,
    markdown: &mut CommonMarkCache,
) {
    use crate::kit::choices::Choice;
    let scale = slide_scale(rect);
    let foot = 56.0 * scale;
    let body = rect.with_max_y(rect.bottom() - foot);
    let slide = Slide {
        title: plot.label().to_owned(),
        content: SlideContent::Plot { plot, state: None },
        notes: String::new(),
    };
    ui.painter()
        .with_clip_rect(rect)
        .rect_filled(rect, 0.0, theme::PROJECTOR_BG);
    draw_slide(ui, body, scenario, figures, &slide, markdown, "figure");
    let mut scenario_line = scenario.meta.title.clone();
    if !scenario.meta.date.is_empty() {
        scenario_line.push_str(&format!(" ({})", scenario.meta.date));
    }
    let source = format!(
        "Scenario: {scenario_line}. Source: Bulwark assessment, {} Monte Carlo draws, seed {}; \
         method and sources in docs/MODEL.md.",
        crate::kit::format::thousands(f64::from(scenario.simulation.samples)),
        scenario.simulation.seed
    );
    let painter = ui.painter().with_clip_rect(rect);
    let galley = painter.layout(
        source,
        theme::slide_font(20.0 * scale),
        theme::PROJECTOR_MUTED,
        rect.width() - 96.0 * scale,
    );
    let at = Pos2::new(
        rect.left() + 48.0 * scale,
        rect.bottom() - foot + (foot - galley.size().y) / 2.0 - 8.0 * scale,
    );
    painter.galley(at, galley, theme::PROJECTOR_MUTED);
}

/// Draws a map slide with the real map widget: the slide's view and layers, its
/// highlighted states, and the engine's figures from `assessment` as on the
/// workspace map (each axis' time to objective, ties weighted by credibility),
/// with those figures also written under the map in type a room can read (see
/// [`map_caption`]). The map's own labels, lines and symbols are drawn at the
/// slide's room scale ([`map_ink`] of the slide's `scale`, see
/// [`slide_scale`]). The widget's cached meshes are kept per slide area in
/// egui's memory, so a slide does not re-tessellate the map every frame.
pub fn draw_map_slide(
    ui: &mut Ui,
    scenario: &Scenario,
    assessment: Option<&Assessment>,
    view: &MapView,
    highlight: &[String],
    scale: f32,
) {
    type Shared = std::sync::Arc<std::sync::Mutex<crate::map::MapState>>;
    let caption = map_caption(scenario, assessment, view);
    let full = ui.available_rect_before_wrap();
    let font = egui::TextStyle::Small.resolve(ui.style());
    let gap = ui.spacing().item_spacing.y;
    let caption_height: f32 = caption
        .iter()
        .map(|line| {
            ui.painter()
                .layout(
                    line.clone(),
                    font.clone(),
                    theme::PROJECTOR_TEXT,
                    full.width(),
                )
                .size()
                .y
        })
        .sum::<f32>()
        + if caption.is_empty() { 0.0 } else { gap * 2.0 };
    let map_rect = Rect::from_min_max(
        full.min,
        Pos2::new(
            full.right(),
            (full.bottom() - caption_height).max(full.top()),
        ),
    );
    let id = ui.scope_id().with("slide_map");
    let state: Shared = ui.data_mut(|d| d.get_temp_mut_or_default::<Shared>(id).clone());
    ui.scope_builder(UiBuilder::new().max_rect(map_rect), |ui| {
        if let Ok(mut map) = state.lock() {
            map.set_figures(assessment);
            map.show_static(ui, scenario, view, highlight, map_ink(scale));
        }
    });
    if caption.is_empty() {
        return;
    }
    let caption_rect =
        Rect::from_min_max(Pos2::new(full.left(), map_rect.bottom() + gap), full.max);
    ui.scope_builder(UiBuilder::new().max_rect(caption_rect), |ui| {
        ui.spacing_mut().item_spacing.y = 0.0;
        for line in caption {
            ui.add(
                egui::Label::new(
                    egui::RichText::new(line)
                        .text_style(egui::TextStyle::Small)
                        .color(theme::PROJECTOR_TEXT),
                )
                .wrap(),
            );
        }
    });
}

/// A timeline slide: the map as the settlement stands at `month`, the
/// timeline beneath with the month marked (see [`super::timeline_slide`]).
fn draw_timeline_slide(
    ui: &mut Ui,
    scenario: &Scenario,
    assessment: Option<&Assessment>,
    view: &MapView,
    month: f64,
    scale: f32,
) {
    let full = ui.available_rect_before_wrap();
    let strip_top = full.bottom() - super::timeline_slide::STRIP_HEIGHT * scale;
    let map_rect = Rect::from_min_max(full.min, Pos2::new(full.right(), strip_top));
    let strip = Rect::from_min_max(Pos2::new(full.left(), strip_top + 8.0 * scale), full.max);
    let at = crate::scenario::timeline::at(scenario, month);
    let highlight = crate::model::prepared::protected_states(scenario);
    // The assessment describes one month; the timeline gives this month's
    // figures, so the map carries none of another month's.
    let this_month = assessment.filter(|a| a.at_month == Some(month));
    ui.scope_builder(UiBuilder::new().max_rect(map_rect), |ui| {
        draw_map_slide(ui, &at, this_month, view, &highlight, scale);
    });
    super::timeline_slide::draw_strip(ui, strip, scenario, assessment, month, scale);
}

/// Most guarantors named one by one in a map slide's caption.
const CAPTION_GUARANTORS: usize = 4;

/// The engine's figures a map slide writes under the map, one line each, for
/// the layers the slide shows: the median time to objective on each axis of
/// advance where it falls in most draws ("held", or "held in 97%" where it
/// sometimes falls, otherwise), and each
/// guarantor's credibility (the weight of its tie). Empty before the first
/// assessment.
pub fn map_caption(
    scenario: &Scenario,
    assessment: Option<&Assessment>,
    view: &MapView,
) -> Vec<String> {
    let Some(a) = assessment else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    if view.layers.axes {
        let mut seen: Vec<&str> = Vec::new();
        let mut parts = Vec::new();
        for c in a.states.iter().flat_map(|s| &s.campaign) {
            if seen.contains(&c.axis.as_str()) || !scenario.axes.iter().any(|x| x.id == c.axis) {
                continue;
            }
            seen.push(&c.axis);
            let days = match c.usually_falls() {
                Some(d) => crate::kit::format::duration_days(d.p50),
                None if c.held < 1.0 => format!("held in {}", crate::kit::format::percent(c.held)),
                None => "held".to_owned(),
            };
            parts.push(format!("{} {days}", c.name));
        }
        if !parts.is_empty() {
            lines.push(format!(
                "Days to the objective (median): {}",
                parts.join(" · ")
            ));
        }
    }
    if view.layers.ties {
        let mut parts = Vec::new();
        let mut seen: Vec<(&str, &str)> = Vec::new();
        for g in a.states.iter().flat_map(|s| &s.credibility.guarantors) {
            let key = (g.arrangement.as_str(), g.state.as_str());
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            parts.push((
                reference::state_name(scenario, &g.state),
                g.credibility.mean,
            ));
        }
        if !parts.is_empty() {
            let shown: Vec<String> = parts
                .iter()
                .take(CAPTION_GUARANTORS)
                .map(|(name, c)| format!("{name} {}", percent(*c)))
                .collect();
            let mut line = format!("Chance each guarantor fights: {}", shown.join(" · "));
            if parts.len() > CAPTION_GUARANTORS {
                let rest = &parts[CAPTION_GUARANTORS..];
                let lo = rest.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
                let hi = rest.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
                line.push_str(&format!(
                    " · {} more, {}–{}",
                    rest.len(),
                    percent(lo),
                    percent(hi)
                ));
            }
            lines.push(line);
        }
    }
    lines
}

/// Draws `plot` of `scenario` (for per-state plots, for `state`; none: the
/// first protected state) into the whole of `ui`'s available rect, from the
/// engine's latest `assessment`: the headline and break-even figures as big
/// cards, the other plots as the assessment panel draws them, drawn large.
/// Until the first result arrives, the slide names the plot and says the
/// assessment is running.
pub fn draw_plot_slide(
    ui: &mut Ui,
    scenario: &Scenario,
    figures: Figures<'_>,
    plot: PlotKind,
    state: Option<&str>,
) {
    let assessment = figures.assessment;
    let rect = ui.available_rect_before_wrap();
    ui.allocate_rect(rect, egui::Sense::hover());
    let scale = slide_scale(Rect::from_min_size(
        Pos2::ZERO,
        rect.size() / vec2(0.92, 0.8),
    ));
    let painter = ui.painter().with_clip_rect(rect.intersect(ui.clip_rect()));
    painter.rect_filled(rect, 8.0 * scale, theme::PROJECTOR_PANEL);
    let assessed = assessment.and_then(|a| {
        let s = match state {
            Some(id) => a.states.iter().find(|s| s.state == id),
            None => a.states.first(),
        };
        s.map(|s| (a, s))
    });
    let cards: Vec<(String, String, String)> = match (plot, assessed) {
        (PlotKind::Headline, Some((a, s))) => headline::cards(scenario, a, s),
        (PlotKind::BreakEven, Some((_, s))) if !s.break_even.is_empty() => {
            headline::break_even_cards(scenario, s)
        }
        _ => Vec::new(),
    };
    if !cards.is_empty() {
        draw_cards(&painter, rect, scale, &cards);
        return;
    }
    let plot_area = rect.shrink2(vec2(40.0, 30.0) * scale);
    if let Some((a, s)) = assessed {
        ui.scope_builder(UiBuilder::new().max_rect(plot_area), |ui| {
            ui.style_mut().override_text_style = Some(egui::TextStyle::Body);
            // Room for the caption above the plot, and for the key below it:
            // a line a scenario (the trade-off) or an axis (the campaign).
            let below = match plot {
                PlotKind::AcceptabilityDeterrence => {
                    120.0 + 30.0 * figures.trade_off.len().max(1) as f32
                }
                PlotKind::Campaign => 130.0 + 30.0 * s.campaign.len() as f32,
                _ => 80.0,
            };
            let height = (plot_area.height() - below * scale).max(160.0);
            // The trade-off shows every open scenario's point, or where
            // none are given (an export), this scenario's alone.
            let own = [plots::TradeOffPoint {
                title: scenario.meta.title.clone(),
                acceptability: s.acceptability.adversary.mean,
                deterrence: 1.0 - s.decision.chance_of_attack.mean,
                active: true,
            }];
            let points = if figures.trade_off.is_empty() {
                &own[..]
            } else {
                figures.trade_off
            };
            plots::draw(ui, plot, a, s, points, height, true);
        });
        return;
    }
    painter.text(
        plot_area.center() - vec2(0.0, 24.0 * scale),
        Align2::CENTER_CENTER,
        plot.label(),
        theme::slide_font(34.0 * scale),
        theme::PROJECTOR_TEXT,
    );
    let subject = state
        .map(|s| reference::state_name(scenario, s))
        .unwrap_or_else(|| scenario.meta.title.clone());
    painter.text(
        plot_area.center() + vec2(0.0, 24.0 * scale),
        Align2::CENTER_CENTER,
        format!("{subject}: the assessment is running…"),
        theme::slide_font(20.0 * scale),
        theme::PROJECTOR_MUTED,
    );
}

/// Big figures in a two-column grid of cards.
fn draw_cards(painter: &egui::Painter, rect: Rect, scale: f32, cards: &[(String, String, String)]) {
    let pad = 24.0 * scale;
    let cols = if cards.len() > 1 { 2 } else { 1 };
    let rows = cards.len().div_ceil(cols);
    let w = (rect.width() - pad * (cols as f32 + 1.0)) / cols as f32;
    let h = ((rect.height() - pad * (rows as f32 + 1.0)) / rows as f32).min(200.0 * scale);
    // Centred vertically, so that one or two cards do not hang from the top.
    let used = rows as f32 * h + (rows as f32 + 1.0) * pad;
    let top = ((rect.height() - used) / 2.0).max(0.0);
    for (i, (label, value, reading)) in cards.iter().enumerate() {
        let (c, r) = (i % cols, i / cols);
        let min = rect.min + vec2(pad + c as f32 * (w + pad), top + pad + r as f32 * (h + pad));
        let card = Rect::from_min_size(min, vec2(w, h));
        painter.rect_filled(card, 8.0 * scale, theme::PROJECTOR_BG);
        let inner = card.shrink(20.0 * scale);
        let label = painter.layout(
            label.clone(),
            theme::slide_font(20.0 * scale),
            theme::PROJECTOR_MUTED,
            inner.width(),
        );
        let label_h = label.size().y;
        painter.galley(inner.min, label, theme::PROJECTOR_MUTED);
        painter.text(
            inner.min + vec2(0.0, label_h + 8.0 * scale),
            Align2::LEFT_TOP,
            value,
            theme::slide_font(44.0 * scale),
            theme::PROJECTOR_STRONG,
        );
        painter.text(
            inner.left_bottom(),
            Align2::LEFT_BOTTOM,
            reading,
            theme::slide_font(18.0 * scale),
            theme::PROJECTOR_TEXT,
        );
    }
}

/// Draws the comparison of the scenario's arrangements into `ui`: what each is
/// made of, and, once the engine has a result, each one's chance of attack and
/// defence burden on its protected state when it stands alone, at the most
/// likely values (the engine's break-even comparison, with armed neutrality as
/// the baseline the others are set against).
pub fn draw_comparison_slide(ui: &mut Ui, scenario: &Scenario, assessment: Option<&Assessment>) {
    if scenario.arrangements.is_empty() {
        ui.label("No arrangements in this scenario yet.");
        return;
    }
    let column = ui.available_width() / 5.0 - ui.spacing().item_spacing.x * 2.0;
    egui::Grid::new("comparison_slide")
        .striped(true)
        .max_col_width(column)
        .spacing(ui.spacing().item_spacing * vec2(2.0, 1.0))
        .show(ui, |ui| {
            for heading in [
                "Arrangement",
                "Guarantors",
                "Troops present",
                "Chance of attack",
                "Burden",
            ] {
                ui.strong(heading);
            }
            ui.end_row();
            for a in &scenario.arrangements {
                ui.add(egui::Label::new(&a.name).wrap());
                ui.add(egui::Label::new(guarantor_names(scenario, a)).wrap());
                let present: f64 = a
                    .guarantors
                    .iter()
                    .flat_map(|g| &g.forces)
                    .filter(|f| f.is_present())
                    .filter(|f| f.kind != crate::scenario::UnitKind::CombatAircraft)
                    .map(|f| f.troops)
                    .sum();
                ui.label(troops(present));
                match assessment.and_then(|r| standing_alone(r, &a.id)) {
                    Some((attack, burden)) => {
                        ui.label(percent(attack));
                        ui.label(format!("{burden:.1}% of GDP"));
                    }
                    None => {
                        ui.label("—");
                        ui.label("—");
                    }
                }
                ui.end_row();
            }
        });
    ui.add_space(ui.spacing().item_spacing.y * 2.0);
    let note = match assessment {
        Some(r) => format!(
            "Chance of a renewed attack within {} years with each arrangement alone, and \
             the protected state's defence burden, at the most likely values of the \
             assumptions.",
            r.horizon_years
        ),
        None => "The assessment is running…".to_owned(),
    };
    ui.label(
        egui::RichText::new(note)
            .color(theme::PROJECTOR_MUTED)
            .small(),
    );
}

/// The guarantors of `a` by name, the first three and a count past four.
fn guarantor_names(scenario: &Scenario, a: &crate::scenario::Arrangement) -> String {
    let names: Vec<String> = a
        .guarantors
        .iter()
        .map(|g| reference::state_name(scenario, &g.state))
        .collect();
    match names.len() {
        0 => "none".to_owned(),
        1..=4 => names.join(", "),
        n => format!("{} and {} more", names[..3].join(", "), n - 3),
    }
}

/// The chance of attack and burden (% of GDP) of arrangement `id` standing
/// alone, from the first protected state whose break-even comparison names it
/// (as the arrangement compared, or as the armed-neutrality baseline).
fn standing_alone(assessment: &Assessment, id: &str) -> Option<(f64, f64)> {
    let comparisons = assessment.states.iter().flat_map(|s| &s.break_even);
    let mut baseline = None;
    for b in comparisons {
        if b.arrangement == id {
            return Some((b.chance_of_attack, b.burden_pct_gdp));
        }
        if b.baseline == id && baseline.is_none() {
            baseline = Some((b.baseline_chance_of_attack, b.baseline_burden_pct_gdp));
        }
    }
    baseline
}

/// Troops present, with thousands separators, or "none".
fn troops(troops: f64) -> String {
    if troops <= 0.0 {
        "none".into()
    } else {
        thousands(troops)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn troops_have_thousands_separators() {
        assert_eq!(troops(0.0), "none");
        assert_eq!(troops(950.0), "950");
        assert_eq!(troops(1500.0), "1,500");
        assert_eq!(troops(1_234_567.0), "1,234,567");
    }

    #[test]
    fn slides_fit_16_9() {
        let r = fit_16_9(Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1200.0)));
        assert_eq!(r.size(), vec2(1920.0, 1080.0));
        assert!((slide_scale(r) - 1.5).abs() < 1e-6);
    }

    #[test]
    fn the_map_ink_grows_with_the_slide() {
        let room = Rect::from_min_size(Pos2::ZERO, vec2(1920.0, 1080.0));
        let ink = map_ink(slide_scale(room));
        assert!((ink - 1.98).abs() < 1e-4, "{ink}");
        let thumbnail = Rect::from_min_size(Pos2::ZERO, vec2(320.0, 180.0));
        assert!(
            map_ink(slide_scale(thumbnail)) < 1.0,
            "a thumbnail is a miniature"
        );
    }
}
