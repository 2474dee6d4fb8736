//! The assessment's charts, drawn with egui_plot: the distribution of the
//! chance of attack, the tornado, the campaign, the burden over the years, the
//! trade-off of every open scenario, and the break-even table.

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Corner, Legend, Line, Plot, PlotPoints, Points};

use super::TradeOffPoint;
use crate::kit::format::percent;
use crate::kit::theme;
use crate::model::{Assessment, StateAssessment};

/// A plot of the panel's: `height` tall, fixed (no scroll, drag or zoom),
/// its hover read-out on with `hover`; no legend.
pub(super) fn fixed_plot(id: &str, height: f32, hover: bool) -> Plot<'static> {
    Plot::new(id.to_owned())
        .height(height)
        .show_x(hover)
        .show_y(hover)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
}

pub(super) fn small_plot(id: &str, height: f32, hover: bool) -> Plot<'static> {
    fixed_plot(id, height, hover).legend(Legend::default())
}

pub(super) fn distribution_plot(
    ui: &mut Ui,
    state: &StateAssessment,
    height: f32,
    hover: bool,
) -> egui::Response {
    let d = &state.decision.chance_of_attack;
    let n = d.histogram.len().max(1) as f64;
    let width = (d.hist_high - d.hist_low) / n;
    // Leave out the empty bins above the highest draw, so the bars stay readable.
    let used = d
        .histogram
        .iter()
        .rposition(|c| *c > 0)
        .map_or(0, |i| i + 2);
    let bars: Vec<Bar> = d
        .histogram
        .iter()
        .take(used.min(d.histogram.len()))
        .enumerate()
        .map(|(i, c)| {
            Bar::new(
                100.0 * (d.hist_low + (i as f64 + 0.5) * width),
                f64::from(*c),
            )
            .width(100.0 * width)
        })
        .collect();
    ui.label(format!(
        "Chance of attack over the draws: 5% {} · median {} · 95% {}",
        percent(d.p5),
        percent(d.p50),
        percent(d.p95)
    ));
    small_plot("attack_distribution", height, hover)
        .x_grid_spacer(decimal_steps)
        .custom_x_axes(vec![percent_axis()])
        .y_axis_label("draws")
        .show(ui, |p| {
            p.bar_chart(BarChart::new("draws", bars).color(theme::NATO))
        })
        .response
}

pub(super) fn tornado_plot(
    ui: &mut Ui,
    state: &StateAssessment,
    hover: bool,
) -> Option<egui::Response> {
    let bars: Vec<&crate::model::TornadoBar> = state.tornado.iter().take(8).collect();
    if bars.is_empty() {
        ui.label("No assumption moves the result.");
        return None;
    }
    let base = state.decision.chance_at_likely;
    ui.label(format!("Chance of attack at the most likely values: {}. Each bar moves one assumption from low to high.", percent(base)));
    let n = bars.len();
    let mut low_bars = Vec::new();
    let mut high_bars = Vec::new();
    for (i, b) in bars.iter().enumerate() {
        let y = (n - i) as f64;
        low_bars.push(
            Bar::new(y, 100.0 * (b.attack_at_low - base))
                .base_offset(100.0 * base)
                .name(&b.label)
                .width(0.6),
        );
        high_bars.push(
            Bar::new(y, 100.0 * (b.attack_at_high - base))
                .base_offset(100.0 * base)
                .name(&b.label)
                .width(0.6),
        );
    }
    let response = small_plot("tornado", 220.0, hover)
        .height(66.0 + 26.0 * n as f32)
        // The longest bars are at the top: the legend goes below them.
        .legend(Legend::default().position(Corner::RightBottom))
        .x_grid_spacer(decimal_steps)
        .custom_x_axes(vec![percent_axis()])
        // Ticks numbered as the list below (1 at the top), integers only.
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .custom_y_axes(vec![
            egui_plot::AxisHints::new_y().formatter(move |mark, _| tornado_tick(mark.value, n)),
        ])
        // An empty band below the last bar for the legend.
        .include_y(-1.0)
        .show_y(false)
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new("assumption low", low_bars)
                    .horizontal()
                    .color(theme::NEUTRAL),
            );
            p.bar_chart(
                BarChart::new("assumption high", high_bars)
                    .horizontal()
                    .color(theme::ADVERSARY),
            );
        })
        .response;
    for (i, b) in bars.iter().enumerate() {
        ui.weak(format!(
            "{}. {}: {} → {}",
            i + 1,
            b.label,
            percent(b.attack_at_low),
            percent(b.attack_at_high)
        ));
    }
    Some(response)
}

/// The tick label at height `y` of a tornado of `n` bars: the bar's number
/// in the list below the plot (the top bar, at `y = n`, is 1), else nothing.
pub(super) fn tornado_tick(y: f64, n: usize) -> String {
    let item = n as f64 + 1.0 - y;
    if (1.0..=n as f64).contains(&item) && item.fract() == 0.0 {
        format!("{item:.0}")
    } else {
        String::new()
    }
}

pub(super) fn campaign_plot(
    ui: &mut Ui,
    state: &StateAssessment,
    height: f32,
    hover: bool,
) -> Option<egui::Response> {
    if state.campaign.is_empty() {
        ui.label("No axis of advance in the scenario.");
        return None;
    }
    let palette = [
        theme::ADVERSARY,
        theme::NATO,
        theme::GUARANTOR,
        theme::NEUTRAL,
        theme::WARNING,
    ];
    // The scale is the ground taken, so that a stalled attack is seen
    // stalling rather than as a line along zero under a far objective; the
    // objectives are drawn where they fall on it.
    let taken = state
        .campaign
        .iter()
        .flat_map(|a| a.trace_alone.iter().chain(&a.trace_helped))
        .map(|d| d.km)
        .fold(0.0, f64::max);
    let top = (taken * 1.25).max(10.0);
    let reached = state
        .campaign
        .iter()
        .filter(|a| a.distance_km <= top)
        .count();
    let mut caption = String::from(
        "Ground taken by day (most likely values): solid alone, dashed with every guarantor fighting",
    );
    if reached < state.campaign.len() {
        caption.push_str(&format!(
            "; the attack stalls within {taken:.0} km, short of {} (off the scale)",
            if reached == 0 {
                "every objective"
            } else {
                "some objectives"
            }
        ));
    }
    caption.push('.');
    ui.label(caption);
    // No legend: eight entries would cover the lines. Each axis is listed
    // below the plot in its colour.
    let response = Plot::new("campaign")
        .height(height)
        .show_x(hover)
        .show_y(hover)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_y(0.0)
        .include_y(top)
        .include_x(0.0)
        .x_axis_label("day")
        .y_axis_label("km taken")
        .show(ui, |p| {
            for (i, axis) in state.campaign.iter().enumerate() {
                let colour = palette[i % palette.len()];
                let alone: PlotPoints = axis
                    .trace_alone
                    .iter()
                    .map(|d| [f64::from(d.day), d.km])
                    .collect();
                let helped: PlotPoints = axis
                    .trace_helped
                    .iter()
                    .map(|d| [f64::from(d.day), d.km])
                    .collect();
                p.line(Line::new(axis.name.clone(), alone).color(colour).width(2.0));
                p.line(
                    Line::new(format!("{} (helped)", axis.name), helped)
                        .color(colour)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
                if axis.distance_km <= top {
                    p.hline(
                        egui_plot::HLine::new(format!("{} objective", axis.name), axis.distance_km)
                            .color(colour.gamma_multiply(0.6))
                            .style(egui_plot::LineStyle::dotted_dense()),
                    );
                }
                // Where it meets a river or a defence line: a halt or a
                // bend in the line is read against these.
                for mark in axis.marks.iter().filter(|m| m.km <= top) {
                    p.hline(
                        egui_plot::HLine::new(mark.name.clone(), mark.km)
                            .color(colour.gamma_multiply(0.45))
                            .style(egui_plot::LineStyle::dashed_dense()),
                    );
                }
            }
        })
        .response;
    for (i, axis) in state.campaign.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(RichText::new("●").color(palette[i % palette.len()]));
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{}: {:.0} km · {:.2}:1 on day 0 · falls quickly in {}{}",
                        axis.name,
                        axis.distance_km,
                        axis.force_ratio_day0,
                        percent(axis.fait_accompli),
                        marks_on_the_way(axis)
                    ))
                    .weak(),
                )
                .truncate(),
            );
        });
    }
    Some(response)
}

/// The rivers and lines an axis's attack meets, for its line under the
/// campaign plot: " · Irpin at 254 km (river crossing) …", or nothing.
fn marks_on_the_way(axis: &crate::model::Campaign) -> String {
    axis.marks
        .iter()
        .map(|m| format!(" · {} at {:.0} km ({})", m.name, m.km, m.kind.noun()))
        .collect()
}

pub(super) fn burden_plot(
    ui: &mut Ui,
    assessment: &Assessment,
    state: &StateAssessment,
    height: f32,
    hover: bool,
) -> egui::Response {
    let years = assessment.horizon_years.max(1.0);
    let baseline = state.break_even.first().map(|b| b.baseline_burden_pct_gdp);
    ui.label(format!(
        "{:.1}% of GDP a year under this scenario{}; {:.0} %-of-GDP-years over the horizon.",
        state.burden.total_pct_gdp,
        baseline
            .map(|b| format!(" against {b:.1}% without a guarantee"))
            .unwrap_or_default(),
        state.burden.over_horizon_pct_gdp_years
    ));
    let steps = years.ceil() as usize;
    let line = |v: f64| -> PlotPoints { (0..=steps).map(|y| [y as f64, v]).collect() };
    small_plot("burden", height, hover)
        .legend(Legend::default().position(Corner::RightBottom))
        .x_axis_label("year")
        .y_axis_label("% of GDP")
        .include_y(0.0)
        .show(ui, |p| {
            p.line(
                Line::new("this scenario", line(state.burden.total_pct_gdp))
                    .color(theme::NATO)
                    .width(2.5),
            );
            if let Some(b) = baseline {
                p.line(
                    Line::new("without a guarantee", line(b))
                        .color(theme::ADVERSARY)
                        .style(egui_plot::LineStyle::dashed_loose()),
                );
            }
        })
        .response
}

pub(super) fn trade_off_plot(
    ui: &mut Ui,
    points: &[TradeOffPoint],
    height: f32,
    hover: bool,
) -> egui::Response {
    ui.label(trade_off_caption(points.len()));
    // Each point carries its number; the key below the plot names each
    // number in its colour (titles are wider than the plot), and hovering a
    // point names it too.
    let marker = 2.6 * ui.style().text_styles[&egui::TextStyle::Body].size / 14.0;
    let response = Plot::new("trade_off")
        .height(height.max(260.0))
        .show_x(hover)
        .show_y(hover)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .x_axis_label("acceptable to the adversary, %")
        .y_axis_label("deterred, %")
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.0)
        .include_y(100.0)
        .label_formatter(|hover| match hover {
            egui_plot::HoverPosition::NearDataPoint {
                plot_name,
                position,
                ..
            } => Some(format!(
                "{plot_name}\n{:.1}% acceptable, {:.1}% deterred",
                position.x, position.y
            )),
            egui_plot::HoverPosition::Elsewhere { .. } => None,
        })
        .show(ui, |p| {
            for (i, point) in points.iter().enumerate() {
                let at = [100.0 * point.acceptability, 100.0 * point.deterrence];
                let colour = trade_off_colour(i);
                p.points(
                    Points::new(point.title.clone(), vec![at])
                        .radius(marker * if point.active { 3.0 } else { 2.3 })
                        .color(colour),
                );
                p.text(
                    egui_plot::Text::new(
                        point.title.clone(),
                        egui_plot::PlotPoint::new(at[0], at[1]),
                        RichText::new(format!("\u{2002}\u{2002}{}", i + 1))
                            .text_style(egui::TextStyle::Body)
                            .strong()
                            .color(colour),
                    )
                    .anchor(egui::Align2::LEFT_CENTER),
                );
            }
        })
        .response;
    for (i, point) in points.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("● {}", i + 1))
                    .strong()
                    .color(trade_off_colour(i)),
            );
            let shown = format!(
                "{}{}: {} acceptable, {} deterred",
                point.title,
                if point.active { " (this scenario)" } else { "" },
                percent(point.acceptability),
                percent(point.deterrence)
            );
            ui.add(egui::Label::new(RichText::new(shown).weak()).wrap());
        });
    }
    response
}

/// The trade-off plot's caption for `n` scenarios.
pub(super) fn trade_off_caption(n: usize) -> String {
    let what = "how acceptable to the adversary (→) against how well it deters (↑)";
    if n <= 1 {
        format!("This scenario: {what}. Open other scenarios to set them beside it.")
    } else {
        format!("The {n} open scenarios: {what}; up and to the right is better.")
    }
}

/// The colour of the `i`th scenario on the trade-off plot: the Okabe–Ito
/// palette (Okabe & Ito 2008), told apart with colour-vision deficiency, in
/// an order that keeps neighbours apart; the numbers beside the points carry
/// the same information without colour.
fn trade_off_colour(i: usize) -> Color32 {
    const OKABE_ITO: [Color32; 7] = [
        Color32::from_rgb(0xD5, 0x5E, 0x00),
        Color32::from_rgb(0x00, 0x72, 0xB2),
        Color32::from_rgb(0x00, 0x9E, 0x73),
        Color32::from_rgb(0xCC, 0x79, 0xA7),
        Color32::from_rgb(0xE6, 0x9F, 0x00),
        Color32::from_rgb(0x56, 0xB4, 0xE9),
        Color32::from_rgb(0x80, 0x80, 0x80),
    ];
    OKABE_ITO[i % OKABE_ITO.len()]
}

/// The x axis of a plot of the chance of attack: short tick labels ("5",
/// "10") may stand closer than egui_plot's default allows, so that a narrow
/// range still shows more than its "0", and labels 10 points apart on a
/// panel-wide plot of 0-90 % (about 22 px) are drawn in full, not faded.
fn percent_axis() -> egui_plot::AxisHints<'static> {
    egui_plot::AxisHints::new_x()
        .label("chance of attack, %")
        .label_spacing(16.0..=22.0)
}

/// Grid lines every 1, 5 and 10 units of a power of ten that suits the
/// visible range, so that a range of a few points still has labelled ticks.
fn decimal_steps(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    let span = (input.bounds.1 - input.bounds.0).abs().max(1e-9);
    let base = 10f64.powf((span / 5.0).log10().floor());
    egui_plot::uniform_grid_spacer(move |_| [base, 5.0 * base, 10.0 * base])(input)
}

/// The chance of attack against each guarantor's credibility for each
/// arrangement, armed neutrality's level as a dashed line, each
/// arrangement's break-even point and its own credibility marked.
fn break_even_plot(ui: &mut Ui, state: &StateAssessment) {
    let Some(first) = state.break_even.first() else {
        return;
    };
    let baseline = 100.0 * first.baseline_chance_of_attack;
    // The whole 0–100 % range on both axes: room above the curves for the key.
    Plot::new("break_even_plot")
        .height(220.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.0)
        .include_y(100.0)
        .x_axis_label("each guarantor's credibility, %")
        .y_axis_label("chance of attack, %")
        .legend(Legend::default().position(Corner::RightTop))
        .show(ui, |p| {
            p.hline(
                egui_plot::HLine::new("armed neutrality", baseline)
                    .color(theme::ADVERSARY)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
            for (i, b) in state.break_even.iter().enumerate() {
                let colour = trade_off_colour(i + 1);
                let curve: Vec<[f64; 2]> = b
                    .curve
                    .iter()
                    .map(|[c, a]| [100.0 * c, 100.0 * a])
                    .collect();
                p.line(Line::new(b.name.clone(), PlotPoints::from(curve)).color(colour));
                p.points(
                    Points::new(
                        b.name.clone(),
                        vec![[100.0 * b.credibility, 100.0 * b.chance_of_attack]],
                    )
                    .radius(4.0)
                    .color(colour),
                );
                if let Some(x) = b.break_even_credibility.filter(|x| *x > 0.0) {
                    p.points(
                        Points::new(
                            format!("{}: break-even", b.name),
                            vec![[100.0 * x, baseline]],
                        )
                        .shape(egui_plot::MarkerShape::Diamond)
                        .radius(6.0)
                        .color(colour),
                    );
                }
            }
        });
    ui.weak("Dots: each arrangement at its own credibility; diamonds: where it equals armed neutrality (dashed).");
}

pub(super) fn break_even(ui: &mut Ui, state: &StateAssessment) -> Option<egui::Response> {
    if state.break_even.is_empty() {
        ui.label("No guarantee to compare with armed neutrality.");
        return None;
    }
    break_even_plot(ui, state);
    // One block per arrangement rather than a four-column table, which would
    // be wider than the panel.
    let table = ui.vertical(|ui| {
        for b in &state.break_even {
            ui.add_space(4.0);
            ui.label(RichText::new(&b.name).strong());
            let needed = match b.break_even_credibility {
                Some(x) if x <= 0.0 => {
                    "it beats armed neutrality even if no guarantor would fight".to_owned()
                }
                Some(x) => format!(
                    "it beats armed neutrality once each guarantor's credibility is above {}",
                    percent(x)
                ),
                None => "it does not beat armed neutrality even at full credibility".to_owned(),
            };
            ui.add(
                egui::Label::new(format!(
                    "At the most likely values: credibility {}, chance of attack {} against {} \
                     under armed neutrality; {needed}.",
                    percent(b.credibility),
                    percent(b.chance_of_attack),
                    percent(b.baseline_chance_of_attack)
                ))
                .wrap(),
            );
        }
    });
    ui.weak("Break-even: the credibility each guarantor must have for the arrangement's chance of attack to equal that of the armed-neutrality baseline. Worked out at the parameters' most likely values, so the figures differ from the headline's, which are Monte Carlo means.");
    // The table has no interaction of its own: sense clicks on it for the
    // context menu.
    Some(ui.interact(
        table.response.rect,
        ui.make_persistent_id("break_even_menu"),
        egui::Sense::click(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tornados_ticks_number_the_bars_as_the_list_does() {
        assert_eq!(tornado_tick(8.0, 8), "1", "the top bar is the first item");
        assert_eq!(tornado_tick(1.0, 8), "8");
        assert_eq!(tornado_tick(0.0, 8), "", "the legend's band has no number");
        assert_eq!(tornado_tick(4.5, 8), "");
    }
}
