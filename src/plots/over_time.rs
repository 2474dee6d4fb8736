//! The chance of attack over time: each period's chance (bars) and the
//! cumulative chance from the ceasefire (a line with its 90 % band), with
//! the windows of vulnerability and commitment problems shaded and the month
//! shown marked.

use egui::Ui;
use egui_plot::{Bar, BarChart, FilledArea, Line, PlotPoints, Span, VLine};

use crate::kit::format::percent;
use crate::kit::{palette, theme};
use crate::model::{Assessment, StateAssessment, WindowKind};

/// Draws the plot, about `height` points tall, with its caption above.
pub(super) fn over_time_plot(
    ui: &mut Ui,
    assessment: &Assessment,
    state: &StateAssessment,
    height: f32,
    hover: bool,
) -> egui::Response {
    ui.label(caption(assessment, state));
    let years = |m: f64| m / 12.0;
    let mut xs = vec![0.0];
    let (mut mean, mut low, mut high) = (vec![0.0], vec![0.0], vec![0.0]);
    for c in &state.cumulative {
        xs.push(years(c.end_month));
        mean.push(100.0 * c.chance_of_attack.mean);
        low.push(100.0 * c.chance_of_attack.p5);
        high.push(100.0 * c.chance_of_attack.p95);
    }
    let bars: Vec<Bar> = state
        .by_period
        .iter()
        .map(|p| {
            let (a, b) = (years(p.start_month), years(p.end_month));
            Bar::new(0.5 * (a + b), 100.0 * p.chance_of_attack.mean).width(0.9 * (b - a))
        })
        .collect();
    let ink = ui.visuals().text_color();
    let response = super::charts::fixed_plot("over_time", height, hover)
        .x_axis_label("years after the ceasefire")
        .y_axis_label("chance of attack, %")
        .include_y(0.0)
        .include_x(0.0)
        .show(ui, |p| {
            for w in &state.windows {
                let colour = match w.kind {
                    WindowKind::Vulnerability => palette::WARNING,
                    WindowKind::CommitmentProblem => palette::PROTECTED,
                };
                p.span(
                    Span::new("", years(w.start_month)..=years(w.end_month))
                        .fill(colour.gamma_multiply(0.18))
                        .border_width(0.0),
                );
            }
            p.bar_chart(BarChart::new("in each period", bars).color(palette::NEUTRAL));
            // Each period's 5–95 % range, a whisker on its bar.
            for period in &state.by_period {
                let x = years(0.5 * (period.start_month + period.end_month));
                let c = period.chance_of_attack;
                let whisker: PlotPoints<'_> = vec![[x, 100.0 * c.p5], [x, 100.0 * c.p95]].into();
                p.line(Line::new("", whisker).color(palette::NEUTRAL).width(1.0));
            }
            p.add(
                FilledArea::new("cumulative, 5–95 %", &xs, &low, &high)
                    .fill_color(theme::ADVERSARY.gamma_multiply(0.25)),
            );
            let points: PlotPoints<'_> = xs.iter().zip(&mean).map(|(x, y)| [*x, *y]).collect();
            p.line(
                Line::new("cumulative (mean)", points)
                    .color(theme::ADVERSARY)
                    .width(2.5),
            );
            if let Some(month) = assessment.at_month {
                p.vline(VLine::new("month shown", years(month)).color(ink));
            }
        })
        .response;
    ui.weak(
        "Bars: the chance in each period, given peace until it starts, with its 5–95 % \
         range. Line: the chance from the ceasefire, its 5–95 % band shaded. Red: a window of vulnerability; \
         yellow: a commitment problem; the vertical line: the month shown.",
    );
    steps_and_windows(ui, state);
    response
}

/// Each step with what it does to each side's acceptance, then each window
/// with its reason, then the sequence's acceptance: the reading of the plot.
fn steps_and_windows(ui: &mut Ui, state: &StateAssessment) {
    if state.steps.is_empty() {
        return;
    }
    ui.add_space(4.0);
    ui.strong("Steps, and each side's acceptance before → after");
    for s in &state.steps {
        ui.label(format!(
            "{}: {}: adversary {} → {}, {} {} → {}",
            crate::kit::steps::month(s.month),
            s.name,
            percent(s.adversary[0]),
            percent(s.adversary[1]),
            state.name,
            percent(s.protected_state[0]),
            percent(s.protected_state[1]),
        ));
    }
    for w in &state.windows {
        let kind = match w.kind {
            WindowKind::Vulnerability => "Window of vulnerability",
            WindowKind::CommitmentProblem => "Commitment problem",
        };
        ui.label(format!(
            "{kind}, months {}–{}: {}.",
            w.start_month, w.end_month, w.reason
        ));
    }
    let q = &state.sequence;
    ui.weak(format!(
        "Over the horizon the adversary accepts the settlement {} on average (at least {}), {} {} (at least {}).",
        percent(q.adversary),
        percent(q.adversary_lowest),
        state.name,
        percent(q.protected_state),
        percent(q.protected_state_lowest)
    ));
}

/// The chance of attack from the ceasefire, one line (with its 5–95 % band)
/// for each compared scenario's protected state, `series` as (title,
/// state): how sequences compare over time.
pub fn compared(ui: &mut Ui, series: &[(String, &StateAssessment)], height: f32) -> egui::Response {
    super::charts::fixed_plot("over_time_compared", height, true)
        .legend(egui_plot::Legend::default().position(egui_plot::Corner::LeftTop))
        .x_axis_label("years after the ceasefire")
        .y_axis_label("since ceasefire, %")
        .include_y(0.0)
        .include_x(0.0)
        .show(ui, |p| {
            for (i, (title, state)) in series.iter().enumerate() {
                let colour = compared_colour(i);
                let mut xs = vec![0.0];
                let (mut mean, mut low, mut high) = (vec![0.0], vec![0.0], vec![0.0]);
                for c in &state.cumulative {
                    xs.push(c.end_month / 12.0);
                    mean.push(100.0 * c.chance_of_attack.mean);
                    low.push(100.0 * c.chance_of_attack.p5);
                    high.push(100.0 * c.chance_of_attack.p95);
                }
                // Unnamed, so the legend shows the line's colour alone.
                p.add(
                    FilledArea::new("", &xs, &low, &high).fill_color(colour.gamma_multiply(0.12)),
                );
                let points: PlotPoints<'_> = xs.iter().zip(&mean).map(|(x, y)| [*x, *y]).collect();
                p.line(Line::new(title.clone(), points).color(colour).width(2.5));
            }
        })
        .response
}

/// The colour of the `i`-th compared scenario's line (colour-blind safe).
fn compared_colour(i: usize) -> egui::Color32 {
    [
        theme::NATO,
        theme::ADVERSARY,
        palette::GUARANTOR,
        palette::NEUTRAL,
        palette::PROTECTED,
    ][i % 5]
}

/// What the plot shows, in a sentence with its figures.
fn caption(assessment: &Assessment, state: &StateAssessment) -> String {
    let end = state
        .cumulative
        .last()
        .map(|c| c.chance_of_attack)
        .unwrap_or_default();
    let whole = format!(
        "{} from the ceasefire to year {} (90% range {}–{})",
        percent(end.mean),
        assessment.horizon_years,
        percent(end.p5),
        percent(end.p95)
    );
    if state.steps.is_empty() {
        format!(
            "One settlement held over the horizon: the same chance each period, {whole}. \
             Add steps in the Timeline tab to see a sequence."
        )
    } else {
        let windows = state.windows.len();
        format!(
            "The chance of attack in each period and cumulated, {whole}; {} shaded.",
            match windows {
                0 => "no window".to_owned(),
                1 => "one window".to_owned(),
                n => format!("{n} windows"),
            }
        )
    }
}
