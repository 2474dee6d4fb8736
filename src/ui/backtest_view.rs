//! The historical backtests in a window (Help → Historical backtests): the
//! deterrence backtest (each case's chance of attack against what happened,
//! and the ROC AUC) and the campaign backtest (each campaign's days to the
//! objective against history, as a table and on a log-scale plot). The same
//! runs as `bulwark backtest`, computed off the UI thread when first opened.

use std::sync::mpsc::{Receiver, channel};

use egui::{Color32, RichText, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoints, Points};

use super::commands::Command;
use crate::backtest::{self, CampaignReport, Report};
use crate::kit::format::percent;
use crate::kit::{palette, theme};

/// Draws per case, as `bulwark backtest` by default.
pub const SAMPLES: u32 = 2000;
/// Seed, as `bulwark backtest` by default.
pub const SEED: u64 = 1;
/// Where a held objective is drawn on the plot, days (the campaign's limit).
const HELD_DAYS: f64 = crate::model::campaign::MAX_DAYS;

/// Both backtests' results.
pub struct Results {
    /// The deterrence backtest.
    pub deterrence: Report,
    /// The campaign backtest.
    pub campaigns: CampaignReport,
}

/// The window's state: whether it is open, and the results once computed.
#[derive(Default)]
pub struct BacktestView {
    /// Whether the window is shown.
    pub open: bool,
    results: Option<Result<Results, String>>,
    running: Option<Receiver<Result<Results, String>>>,
}

impl BacktestView {
    /// Opens the window, starting the runs the first time.
    pub fn show_window(&mut self) {
        self.open = true;
        if self.results.is_some() || self.running.is_some() {
            return;
        }
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let _ = tx.send(run());
        });
        self.running = Some(rx);
    }

    /// Runs both backtests here and now (tests, headless rendering).
    pub fn finish_blocking(&mut self) {
        if let Some(rx) = self.running.take() {
            self.results = Some(rx.recv().unwrap_or_else(|_| run()));
        }
    }

    /// The results, once the runs are done.
    pub fn results(&self) -> Option<&Result<Results, String>> {
        self.results.as_ref()
    }

    /// Draws the window when open; returns the command to close it when asked.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.open {
            return None;
        }
        if let Some(rx) = &self.running
            && let Ok(results) = rx.try_recv()
        {
            self.results = Some(results);
            self.running = None;
        }
        let mut open = true;
        egui::Window::new("Historical backtests")
            .open(&mut open)
            .default_size([760.0, 640.0])
            .show(ctx, |ui| match &self.results {
                None => {
                    ui.horizontal(|ui| {
                        ui.spinner();
                        ui.label("Running the historical cases…");
                    });
                    ctx.request_repaint_after(std::time::Duration::from_millis(100));
                }
                Some(Err(e)) => {
                    ui.label(RichText::new(e).color(palette::WARNING));
                }
                Some(Ok(results)) => {
                    egui::ScrollArea::vertical().show(ui, |ui| draw(ui, results));
                }
            });
        (!open).then_some(Command::CloseBacktest)
    }
}

/// Both runs, as `bulwark backtest` does them.
fn run() -> Result<Results, String> {
    Ok(Results {
        deterrence: backtest::run(SAMPLES, SEED)?,
        campaigns: backtest::run_campaigns(SAMPLES, SEED)?,
    })
}

fn draw(ui: &mut Ui, results: &Results) {
    ui.weak(format!(
        "{SAMPLES} draws per case, seed {SEED}, default assumptions (as `bulwark backtest`)."
    ));
    ui.heading("Campaigns: days to the objective");
    let c = &results.campaigns;
    ui.label(c.summary());
    campaign_plot(ui, c);
    ui.weak("Log scales; an objective that held (in history, or in most of the model's draws) is drawn at 180 days, the campaign's limit. Hover a row for what happened and its source.");
    campaign_table(ui, c);
    ui.add_space(12.0);
    ui.heading("Deterrence: the chance of attack");
    let d = &results.deterrence;
    ui.label(format!(
        "ROC AUC {:.2} over {} cases: the chance that an attacked case scores above a spared one.",
        d.auc,
        d.cases.len()
    ));
    calibration(ui, &d.calibration);
    egui::Grid::new("deterrence_cases")
        .striped(true)
        .num_columns(3)
        .show(ui, |ui| {
            ui.strong("case");
            ui.strong("chance of attack");
            ui.strong("history");
            ui.end_row();
            for r in &d.cases {
                ui.label(&r.title);
                ui.label(percent(r.chance_of_attack));
                ui.label(if r.case.attacked {
                    "attacked"
                } else {
                    "not attacked"
                });
                ui.end_row();
            }
        });
}

/// How far to trust the chance of attack: the figures, the ROC curve and
/// the reliability diagram side by side.
fn calibration(ui: &mut Ui, c: &crate::model::backtest::Calibration) {
    for line in crate::model::backtest::calibration_text(c) {
        ui.label(line.trim_start());
    }
    let diagonal = || {
        Line::new("chance", PlotPoints::new(vec![[0.0, 0.0], [1.0, 1.0]]))
            .color(Color32::GRAY)
            .style(egui_plot::LineStyle::dashed_loose())
    };
    // Square plots, both axes 0 to 1.
    let side = (ui.available_width() / 2.0 - 8.0).clamp(160.0, 300.0);
    ui.horizontal(|ui| {
        ui.vertical(|ui| {
            ui.set_width(side);
            ui.strong("ROC curve");
            unit_square("roc_curve", side)
                .x_axis_label("false-positive rate (spared cases flagged)")
                .y_axis_label("true-positive rate")
                .show(ui, |p| {
                    p.line(diagonal());
                    p.line(
                        Line::new("model", PlotPoints::new(c.roc.clone()))
                            .color(palette::NATO)
                            .width(2.0)
                            // Vertical steps share an x: drawn as a line,
                            // not merged into a band.
                            .allow_band(false),
                    );
                });
        });
        ui.vertical(|ui| {
            ui.set_width(side);
            ui.strong("Reliability diagram");
            let bins: Vec<[f64; 2]> = c
                .brier
                .bins
                .iter()
                .map(|b| [b.forecast, b.observed])
                .collect();
            unit_square("reliability_diagram", side)
                .x_axis_label("mean chance of attack in the bin")
                .y_axis_label("share attacked")
                .show(ui, |p| {
                    p.line(diagonal());
                    p.line(
                        Line::new("model", PlotPoints::new(bins.clone())).color(palette::ADVERSARY),
                    );
                    p.points(
                        Points::new("bins", PlotPoints::new(bins))
                            .radius(5.0)
                            .color(palette::ADVERSARY),
                    );
                });
            let counts: Vec<String> = c
                .brier
                .bins
                .iter()
                .map(|b| format!("{:.0}–{:.0}%: {}", 100.0 * b.from, 100.0 * b.to, b.count))
                .collect();
            ui.weak(format!("Cases per bin: {}", counts.join(", ")));
        });
    });
}

/// A fixed square plot of `side` points, both axes 0 to 1.
fn unit_square(id: &str, side: f32) -> Plot<'static> {
    Plot::new(id)
        .width(side)
        .height(side)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .include_x(0.0)
        .include_x(1.0)
        .include_y(0.0)
        .include_y(1.0)
}

/// What the model gives for a campaign, in words.
fn model_text(r: &backtest::CampaignResult) -> String {
    match r.model_days {
        _ if r.held >= 0.5 => format!("held in {}", percent(r.held)),
        Some(days) => format!("{days:.1} days"),
        None => "held".into(),
    }
}

fn campaign_table(ui: &mut Ui, report: &CampaignReport) {
    egui::Grid::new("campaign_cases")
        .striped(true)
        .num_columns(4)
        .show(ui, |ui| {
            ui.strong("campaign");
            ui.strong("model (median)");
            ui.strong("history");
            ui.strong("");
            ui.end_row();
            for r in &report.cases {
                ui.label(&r.title).on_hover_text(&r.case.outcome);
                ui.label(model_text(r));
                ui.label(r.case.days.map_or("held".into(), |d| format!("{d} days")))
                    .on_hover_text(&r.case.source);
                let (text, colour) = match (r.case.scored, r.matches) {
                    (false, _) => ("not scored", ui.visuals().weak_text_color()),
                    (true, true) => (
                        "matches",
                        theme::reading_colour(theme::Reading::Good, ui.visuals().dark_mode),
                    ),
                    (true, false) => ("misses", theme::warning_text(ui)),
                };
                ui.label(RichText::new(text).color(colour))
                    .on_hover_text(&r.case.outcome);
                ui.end_row();
            }
        });
}

/// `days` on the plot's log scale (a held objective at the campaign's limit).
fn log_days(days: Option<f64>) -> f64 {
    days.unwrap_or(HELD_DAYS).max(0.05).log10()
}

/// Grid marks at round numbers of days on the log scale (the default spacer,
/// made for linear scales, labelled only a power of ten or two): thick at
/// 1, 10 and 100 days, thin at 2, 5, 20, 50 and at the hours below a day.
fn day_marks(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    const DAYS: [(f64, f64); 10] = [
        (0.25, 0.3),
        (0.5, 0.3),
        (1.0, 1.0),
        (2.0, 0.3),
        (5.0, 0.3),
        (10.0, 1.0),
        (20.0, 0.3),
        (50.0, 0.3),
        (100.0, 1.0),
        (HELD_DAYS, 0.3),
    ];
    let (low, high) = input.bounds;
    DAYS.iter()
        .map(|(d, step)| egui_plot::GridMark {
            value: d.log10(),
            step_size: *step,
        })
        .filter(|m| m.value >= low && m.value <= high)
        .collect()
}

/// Model against history, both in days on log scales; the diagonal is a
/// perfect match, the band a factor of two either way; held objectives sit
/// at the top or the right edge (the campaign's limit of 180 days).
fn campaign_plot(ui: &mut Ui, report: &CampaignReport) {
    let scored = |r: &&backtest::CampaignResult| r.case.scored;
    let point = |r: &backtest::CampaignResult| {
        let model = if r.held >= 0.5 { None } else { r.model_days };
        [log_days(r.case.days), log_days(model)]
    };
    let points = |matches: bool| -> PlotPoints<'static> {
        report
            .cases
            .iter()
            .filter(scored)
            .filter(|r| r.matches == matches)
            .map(point)
            .collect()
    };
    let (lo, hi) = (log_days(Some(0.2)), log_days(None) + 0.1);
    let diagonal =
        |offset: f64| -> PlotPoints<'static> { vec![[lo, lo + offset], [hi, hi + offset]].into() };
    let days = |mark: egui_plot::GridMark, _: &std::ops::RangeInclusive<f64>| {
        let d = 10f64.powf(mark.value);
        if d >= HELD_DAYS * 0.99 {
            "held".to_string()
        } else if d < 1.0 {
            format!("{d:.1}")
        } else {
            format!("{d:.0}")
        }
    };
    Plot::new("campaign_backtest")
        .height(260.0)
        .legend(Legend::default())
        // Round days are about 60 points apart on the x axis here, where egui_plot
        // starts to hide x labels (made for wide numbers); these are short.
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label("history, days")
                .formatter(days)
                .label_spacing(24.0..=32.0),
        ])
        .y_axis_label("model, days (median)")
        .y_axis_formatter(days)
        .x_grid_spacer(day_marks)
        .y_grid_spacer(day_marks)
        .include_x(lo)
        .include_x(hi)
        .include_y(lo)
        .include_y(hi)
        .data_aspect(1.0)
        .show(ui, |p| {
            let band = Color32::from_gray(140);
            p.line(Line::new("same as history", diagonal(0.0)).color(band));
            p.line(
                Line::new("factor of two", diagonal(2f64.log10()))
                    .color(band)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
            p.line(
                Line::new("factor of two", diagonal(-(2f64.log10())))
                    .color(band)
                    .style(egui_plot::LineStyle::dashed_loose()),
            );
            p.points(
                Points::new("matches", points(true))
                    .radius(5.0)
                    .color(palette::GUARANTOR),
            );
            p.points(
                Points::new("misses", points(false))
                    .radius(5.0)
                    .color(palette::WARNING),
            );
        });
}
