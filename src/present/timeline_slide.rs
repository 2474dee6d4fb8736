//! A timeline slide: the map as the settlement stands at one month, and
//! beneath it the timeline with that month marked, what has been done by
//! then, and the chance of attack in that period and since the ceasefire.
//! The deck gives one such slide per phase (see [`super::deck`]); the slide
//! draws the map (see `slide::draw_slide`), this the timeline beneath.

use egui::{Pos2, Rect, Stroke, Ui};

use crate::kit::format::percent;
use crate::kit::{palette, steps, theme};
use crate::model::{Assessment, WindowKind};
use crate::scenario::{Scenario, timeline};

/// The height of the timeline under the map, at slide scale 1.
pub const STRIP_HEIGHT: f32 = 118.0;

/// Draws the timeline with `month` marked into `strip` (the slide draws the
/// map above it, as the scenario stands at `month`).
pub fn draw_strip(
    ui: &Ui,
    strip: Rect,
    scenario: &Scenario,
    assessment: Option<&Assessment>,
    month: f64,
    scale: f32,
) {
    let painter = ui.painter().with_clip_rect(strip);
    let track_y = strip.top() + 34.0 * scale;
    let (left, right) = (strip.left() + 8.0 * scale, strip.right() - 8.0 * scale);
    let months = (scenario.horizon_years * 12.0).max(1.0);
    let x = |m: f64| left + (right - left) * (m / months).clamp(0.0, 1.0) as f32;
    if let Some(a) = assessment {
        for w in a.states.iter().flat_map(|s| &s.windows) {
            let colour = match w.kind {
                WindowKind::Vulnerability => palette::WARNING,
                WindowKind::CommitmentProblem => palette::PROTECTED,
            };
            let band = Rect::from_x_y_ranges(
                x(w.start_month)..=x(w.end_month),
                track_y - 8.0 * scale..=track_y + 8.0 * scale,
            );
            painter.rect_filled(band, 0.0, colour.gamma_multiply(0.45));
        }
    }
    let ink = theme::PROJECTOR_TEXT;
    let muted = theme::PROJECTOR_MUTED;
    painter.line_segment(
        [Pos2::new(left, track_y), Pos2::new(right, track_y)],
        Stroke::new(2.0 * scale, muted),
    );
    let small = egui::FontId::proportional(14.0 * scale);
    let last = (months / 12.0).ceil() as i64;
    for year in 0..=last {
        let at_x = x(year as f64 * 12.0);
        painter.line_segment(
            [
                Pos2::new(at_x, track_y - 5.0 * scale),
                Pos2::new(at_x, track_y + 5.0 * scale),
            ],
            Stroke::new(1.0, muted),
        );
        let align = match year {
            0 => egui::Align2::LEFT_TOP,
            y if y == last => egui::Align2::RIGHT_TOP,
            _ => egui::Align2::CENTER_TOP,
        };
        let label = if year == 0 {
            "ceasefire".to_owned()
        } else {
            format!("{year} y")
        };
        painter.text(
            Pos2::new(at_x, track_y + 10.0 * scale),
            align,
            label,
            small.clone(),
            muted,
        );
    }
    for (taken, step) in timeline::in_order(&scenario.timeline.steps) {
        let centre = Pos2::new(x(taken), track_y);
        let r = 7.0 * scale;
        let done = taken <= month;
        let fill = if done {
            steps::colour(&step.change)
        } else {
            theme::PROJECTOR_BG
        };
        painter.add(steps::marker(
            centre,
            r,
            fill,
            Stroke::new(1.5 * scale, ink),
        ));
    }
    let marker = x(month);
    painter.line_segment(
        [
            Pos2::new(marker, strip.top()),
            Pos2::new(marker, track_y + 10.0 * scale),
        ],
        Stroke::new(3.0 * scale, theme::PROJECTOR_ACCENT),
    );
    let text = format!(
        "{}\n{}",
        done_by(scenario, month),
        chances(assessment, month)
    );
    let font = egui::FontId::proportional(17.0 * scale);
    let galley = painter.layout(text, font, ink, right - left);
    painter.galley(Pos2::new(left, track_y + 30.0 * scale), galley, ink);
}

/// "Month 12 (year 2): A; B (3 steps before). Next: C (month 18 …)."
fn done_by(scenario: &Scenario, month: f64) -> String {
    let order = timeline::in_order(&scenario.timeline.steps);
    let now: Vec<&str> = order
        .iter()
        .filter(|(m, _)| (*m - month).abs() < 1e-9)
        .map(|(_, s)| s.name.as_str())
        .collect();
    let before = order.iter().filter(|(m, _)| *m < month - 1e-9).count();
    let when = capital(&steps::month(month));
    let steps_before = match before {
        1 => " (1 step before)".to_owned(),
        n => format!(" ({n} steps before)"),
    };
    let mut text = match (now.is_empty(), before) {
        (true, 0) => format!("{when}: the ceasefire, nothing done yet"),
        (true, _) => format!("{when}: no step this month{steps_before}"),
        (false, 0) => format!("{when}: {}", now.join("; ")),
        (false, _) => format!("{when}: {}{steps_before}", now.join("; ")),
    };
    if let Some((m, next)) = order.iter().find(|(m, _)| *m > month) {
        text.push_str(&format!(". Next: {} ({})", next.name, steps::month(*m)));
    }
    text
}

/// `text` with its first letter in capitals.
fn capital(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The chance of attack in the period holding `month` and from the
/// ceasefire to its end, for each protected state.
fn chances(assessment: Option<&Assessment>, month: f64) -> String {
    let Some(a) = assessment else {
        return "The assessment is not ready yet.".into();
    };
    a.states
        .iter()
        .filter_map(|s| {
            let k = s.by_period.iter().position(|p| month < p.end_month || p.end_month >= a.horizon_years * 12.0 - 1e-9)?;
            let (p, c) = (&s.by_period[k], &s.cumulative[k]);
            Some(format!(
                "{}: chance of attack {} in this period (90% {}–{}), {} from the ceasefire to month {:.0}",
                s.name,
                percent(p.chance_of_attack.mean),
                percent(p.chance_of_attack.p5),
                percent(p.chance_of_attack.p95),
                percent(c.chance_of_attack.mean),
                c.end_month
            ))
        })
        .take(2)
        .collect::<Vec<_>>()
        .join("\n")
}
