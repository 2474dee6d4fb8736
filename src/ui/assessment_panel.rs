//! The right panel: the assessment of the active scenario. Headline figures per
//! protected state with a plain-language reading, and the plots: distribution of
//! the chance of attack, tornado, campaign, burden over the years, the
//! acceptability-versus-deterrence trade-off of every open scenario, and the
//! break-even credibility.

use std::sync::Arc;

use egui::{Color32, RichText, Ui};
use egui_plot::{Bar, BarChart, Corner, Legend, Line, Plot, PlotPoints, Points};

use crate::model::{Assessment, Distribution, StateAssessment};

use super::assessment_runner::Status;
use super::commands::Command;
use super::lazy;
use super::theme;
use crate::paint::region_export::RegionExport;

/// The plots the panel can show.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PanelPlot {
    /// Histogram of the chance of attack over the draws.
    #[default]
    Distribution,
    /// One-at-a-time swings.
    Tornado,
    /// Ground taken by day on each axis.
    Campaign,
    /// Defence burden over the years.
    Burden,
    /// Acceptability versus deterrence, every open scenario.
    TradeOff,
    /// Break-even credibility of each arrangement.
    BreakEven,
}

impl PanelPlot {
    const ALL: [PanelPlot; 6] = [
        PanelPlot::Distribution,
        PanelPlot::Tornado,
        PanelPlot::Campaign,
        PanelPlot::Burden,
        PanelPlot::TradeOff,
        PanelPlot::BreakEven,
    ];

    /// The name of the plot, as on its button.
    pub fn label(self) -> &'static str {
        match self {
            PanelPlot::Distribution => "Distribution",
            PanelPlot::Tornado => "Tornado",
            PanelPlot::Campaign => "Campaign",
            PanelPlot::Burden => "Burden",
            PanelPlot::TradeOff => "Trade-off",
            PanelPlot::BreakEven => "Break-even",
        }
    }

    fn help(self) -> &'static str {
        match self {
            PanelPlot::Distribution => {
                "How the chance of attack spreads over the Monte Carlo draws"
            }
            PanelPlot::Tornado => {
                "Which assumptions move the chance of attack most, each from low to high"
            }
            PanelPlot::Campaign => {
                "Ground taken day by day on each axis, alone and with guarantors"
            }
            PanelPlot::Burden => "Defence spending of the protected state over the horizon",
            PanelPlot::TradeOff => {
                "Every open scenario: acceptability to the adversary against deterrence"
            }
            PanelPlot::BreakEven => "How credible each guarantee must be to beat armed neutrality",
        }
    }
}

/// One open scenario's point on the trade-off chart.
pub struct TradeOffPoint {
    /// Scenario title.
    pub title: String,
    /// Chance the adversary accepts (mean).
    pub acceptability: f64,
    /// 1 − chance of attack (mean).
    pub deterrence: f64,
    /// Whether it is the active scenario.
    pub active: bool,
}

/// Editing state of the panel.
#[derive(Default)]
pub struct PanelState {
    /// The plot shown.
    pub plot: PanelPlot,
    /// A PNG export of the plot shown.
    export: RegionExport,
    /// Frames drawn since the export was requested: the plot is scrolled into
    /// view and menus and dialogs close before it is captured.
    export_frames: u8,
}

impl PanelState {
    /// Shows `plot` and saves it as a PNG at `path` once it is on screen.
    pub fn request_export(&mut self, plot: PanelPlot, path: std::path::PathBuf) {
        self.plot = plot;
        self.export.request(path);
        self.export_frames = 0;
    }

    /// Whether a plot export is waiting to be captured or written.
    pub fn exporting(&self) -> bool {
        self.export.is_requested() || self.export.in_flight()
    }

    /// The outcome of a finished plot export, once (see [`RegionExport::poll`]).
    pub fn poll_export(&mut self, ctx: &egui::Context) -> Option<Result<String, String>> {
        self.export.poll(ctx)
    }
}

/// What the panel asks the app to do after a frame.
#[derive(Default)]
pub struct PanelOutput {
    /// A command from the panel (e.g. export the plot).
    pub command: Option<Command>,
    /// A message for the status line.
    pub status: Option<String>,
}

/// Draws the panel.
pub fn show(
    ui: &mut Ui,
    state: &mut PanelState,
    status: &Status,
    trade_off: &[TradeOffPoint],
) -> PanelOutput {
    let mut out = PanelOutput::default();
    ui.horizontal(|ui| {
        ui.heading("Assessment");
        if status.running {
            ui.spinner();
            ui.weak("updating…");
        }
    });
    let Some(assessment) = &status.result else {
        ui.label("Assessing the scenario…");
        return out;
    };
    if status.stale {
        ui.label(
            RichText::new("Figures below are for the previous version; updating.")
                .color(theme::WARNING),
        );
    }
    ui.weak(format!(
        "{} draws, seed {}, horizon {} years",
        assessment.samples, assessment.seed, assessment.horizon_years
    ));
    if assessment.states.is_empty() {
        ui.label("No protected state: add an arrangement in the Arrangements tab.");
        return out;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // What the headlines show: this result (its address while the
            // panel holds it, and figures that differ between results).
            let result = (
                Arc::as_ptr(assessment) as usize,
                assessment.seed,
                assessment.samples,
            );
            for (i, s) in assessment.states.iter().enumerate() {
                let shown = (result, s.decision.chance_of_attack.mean.to_bits());
                lazy::section(ui, ("headline", i), lazy::key(&shown), |ui| {
                    headline(ui, assessment, s);
                });
                ui.add_space(4.0);
            }
            ui.separator();
            let capturing = state.export.is_requested();
            ui.horizontal_wrapped(|ui| {
                for plot in PanelPlot::ALL {
                    ui.selectable_value(&mut state.plot, plot, plot.label())
                        .on_hover_text(plot.help());
                }
                let button = ui.small_button(Command::ExportPlot(state.plot).label());
                // No tooltip while capturing: it would cover the plot in the image.
                let button = if capturing {
                    button
                } else {
                    button.on_hover_text(format!(
                        "Save the {} plot as a PNG image, where you choose",
                        state.plot.label().to_lowercase()
                    ))
                };
                if button.clicked() {
                    out.command = Some(Command::ExportPlot(state.plot));
                }
            });
            let plot = state.plot;
            if capturing {
                let block = ui.scope(|ui| plot_block(ui, plot, assessment, trade_off, false));
                out.command = out.command.take().or(block.inner);
                out.status = capture(ui, state, block.response.rect);
            } else {
                // The trade-off plot shows every open scenario's point.
                let points: Vec<_> = trade_off
                    .iter()
                    .map(|p| {
                        let (a, d) = (p.acceptability.to_bits(), p.deterrence.to_bits());
                        (&p.title, a, d, p.active)
                    })
                    .collect();
                let shown = (result, plot as u8, points);
                lazy::section(ui, "panel_plot", lazy::key(&shown), |ui| {
                    if let Some(command) = plot_block(ui, plot, assessment, trade_off, true) {
                        out.command = Some(command);
                    }
                });
            }
        });
    out
}

/// The chosen plot of the first protected state, with its export menu; the
/// command the menu gave, if any.
fn plot_block(
    ui: &mut Ui,
    plot: PanelPlot,
    assessment: &Assessment,
    trade_off: &[TradeOffPoint],
    hover: bool,
) -> Option<Command> {
    let first = &assessment.states[0];
    let plot_area = draw_plot_hover(ui, plot, assessment, first, trade_off, 220.0, hover)?;
    let mut command = None;
    plot_area.context_menu(|ui| {
        if ui.button(Command::ExportPlot(plot).label()).clicked() {
            command = Some(Command::ExportPlot(plot));
        }
    });
    command
}

/// Captures the plot `rect` for a requested export once it has been scrolled
/// into view and the menu or dialog that asked for it has closed.
fn capture(ui: &mut Ui, state: &mut PanelState, rect: egui::Rect) -> Option<String> {
    state.export_frames = state.export_frames.saturating_add(1);
    let visible = ui.clip_rect().contains_rect(rect);
    if state.export_frames < 2 || (!visible && state.export_frames < 4) {
        ui.scroll_to_rect(rect, Some(egui::Align::TOP));
        ui.ctx().request_repaint();
        return None;
    }
    let rect = rect.expand(4.0).intersect(ui.clip_rect());
    state.export.capture(ui.ctx(), rect, "the plot")
}

/// Draws one plot of one protected state's assessment, `height` points tall
/// (the panel and the slides both use it).
pub fn draw_plot(
    ui: &mut Ui,
    plot: PanelPlot,
    assessment: &Assessment,
    state: &StateAssessment,
    trade_off: &[TradeOffPoint],
    height: f32,
) {
    draw_plot_hover(ui, plot, assessment, state, trade_off, height, true);
}

/// [`draw_plot`], with the plot's hover read-out on or off (off while the plot
/// is captured as an image); returns the response of the plot area, if any.
fn draw_plot_hover(
    ui: &mut Ui,
    plot: PanelPlot,
    assessment: &Assessment,
    state: &StateAssessment,
    trade_off: &[TradeOffPoint],
    height: f32,
    hover: bool,
) -> Option<egui::Response> {
    match plot {
        PanelPlot::Distribution => Some(distribution_plot(ui, state, height, hover)),
        PanelPlot::Tornado => tornado_plot(ui, state, hover),
        PanelPlot::Campaign => campaign_plot(ui, state, height, hover),
        PanelPlot::Burden => Some(burden_plot(ui, assessment, state, height, hover)),
        PanelPlot::TradeOff => Some(trade_off_plot(ui, trade_off, height, hover)),
        PanelPlot::BreakEven => break_even(ui, state),
    }
}

impl PanelPlot {
    /// The panel plot showing a slide's plot kind (none for the headline cards).
    pub fn from_kind(kind: crate::scenario::PlotKind) -> Option<Self> {
        use crate::scenario::PlotKind as K;
        match kind {
            K::Headline => None,
            K::AttackDistribution => Some(PanelPlot::Distribution),
            K::Tornado => Some(PanelPlot::Tornado),
            K::Campaign => Some(PanelPlot::Campaign),
            K::Burden => Some(PanelPlot::Burden),
            K::AcceptabilityDeterrence => Some(PanelPlot::TradeOff),
            K::BreakEven => Some(PanelPlot::BreakEven),
        }
    }
}

fn pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

fn range(d: &Distribution) -> String {
    format!("{} ({}–{})", pct(d.mean), pct(d.p5), pct(d.p95))
}

/// "about 1 in 12" for a probability.
pub fn one_in(p: f64) -> String {
    if p <= 0.0005 {
        "almost none".into()
    } else if p >= 0.5 {
        format!("{} in 10", (p * 10.0).round())
    } else {
        format!("about 1 in {}", (1.0 / p).round())
    }
}

/// Plain reading of the chance of a renewed attack.
pub fn read_attack(p: f64, years: f64) -> String {
    let level = match p {
        p if p < 0.05 => "Deterrence holds in almost every draw",
        p if p < 0.15 => "Deterrence mostly holds",
        p if p < 0.35 => "A real risk of renewed war",
        _ => "Renewed war is likely",
    };
    format!("{level}: {} over {years} years.", one_in(p))
}

fn read_credibility(c: f64) -> &'static str {
    match c {
        c if c < 0.2 => "Guarantors would rarely fight: little more than words.",
        c if c < 0.45 => "Guarantors might fight: the adversary can gamble.",
        c if c < 0.7 => "Guarantors would more likely than not fight.",
        _ => "Guarantors would almost surely fight.",
    }
}

fn headline(ui: &mut Ui, assessment: &Assessment, s: &StateAssessment) {
    ui.label(RichText::new(&s.name).strong().size(16.0));
    let attack = &s.decision.chance_of_attack;
    ui.vertical(|ui| {
        figure(
            ui,
            &format!(
                "Chance of renewed attack in {} years",
                assessment.horizon_years
            ),
            &range(attack),
            &read_attack(attack.mean, assessment.horizon_years),
            attack_colour(attack.mean),
        );
        let cred = &s.credibility.arrangement;
        figure(
            ui,
            "Credibility",
            &range(cred),
            read_credibility(cred.mean),
            Color32::PLACEHOLDER,
        );
        let (time, reading) = main_axis(s);
        figure(
            ui,
            "Time to objective, main axis",
            &time,
            &reading,
            Color32::PLACEHOLDER,
        );
        figure(
            ui,
            "Defence burden",
            &format!("{:.1}% of GDP", s.burden.total_pct_gdp),
            &format!(
                "About ${:.0}bn a year{}.",
                s.burden.total_usd_bn,
                if s.burden.compensation_pct_gdp > 0.0 {
                    format!(
                        ", of which {:.1}% of GDP compensation",
                        s.burden.compensation_pct_gdp
                    )
                } else {
                    String::new()
                }
            ),
            Color32::PLACEHOLDER,
        );
        figure(
            ui,
            "Acceptable to the adversary",
            &range(&s.acceptability.adversary),
            &format!(
                "And to {}: {}.",
                s.name,
                pct(s.acceptability.protected_state)
            ),
            Color32::PLACEHOLDER,
        );
    });
}

fn figure(ui: &mut Ui, label: &str, value: &str, reading: &str, colour: Color32) {
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        let text = RichText::new(value).strong().size(15.0);
        let text = if colour == Color32::PLACEHOLDER {
            text
        } else {
            text.color(colour)
        };
        // The figure moves to its own line as a whole rather than breaking
        // inside its range.
        ui.add(egui::Label::new(text).extend());
    });
    ui.add(egui::Label::new(RichText::new(reading).weak()).wrap());
}

fn attack_colour(p: f64) -> Color32 {
    if p < 0.15 {
        theme::GUARANTOR
    } else if p < 0.35 {
        theme::PROTECTED_TEXT
    } else {
        theme::WARNING
    }
}

/// The axis where the adversary does best, its time to objective and a reading.
fn main_axis(s: &StateAssessment) -> (String, String) {
    let Some(axis) = s
        .campaign
        .iter()
        .max_by(|a, b| a.fait_accompli.total_cmp(&b.fait_accompli))
    else {
        return ("—".into(), "No axis of advance in the scenario.".into());
    };
    match &axis.days_to_objective {
        Some(days) => (
            format!("{:.0} days (median)", days.p50),
            format!(
                "{}: {:.0} km; falls quickly in {} of draws, holds in {}.",
                axis.name,
                axis.distance_km,
                pct(axis.fait_accompli),
                pct(axis.held)
            ),
        ),
        None => (
            "held".into(),
            format!(
                "{}: {:.0} km; the objective held in every draw.",
                axis.name, axis.distance_km
            ),
        ),
    }
}

fn small_plot(id: &str, height: f32, hover: bool) -> Plot<'static> {
    Plot::new(id.to_owned())
        .height(height)
        .show_x(hover)
        .show_y(hover)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .legend(Legend::default())
}

fn distribution_plot(ui: &mut Ui, s: &StateAssessment, height: f32, hover: bool) -> egui::Response {
    let d = &s.decision.chance_of_attack;
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
        pct(d.p5),
        pct(d.p50),
        pct(d.p95)
    ));
    small_plot("attack_distribution", height, hover)
        .x_axis_label("chance of attack, %")
        .y_axis_label("draws")
        .show(ui, |p| {
            p.bar_chart(BarChart::new("draws", bars).color(theme::NATO))
        })
        .response
}

fn tornado_plot(ui: &mut Ui, s: &StateAssessment, hover: bool) -> Option<egui::Response> {
    let bars: Vec<&crate::model::TornadoBar> = s.tornado.iter().take(8).collect();
    if bars.is_empty() {
        ui.label("No assumption moves the result.");
        return None;
    }
    let base = s.decision.chance_at_likely;
    ui.label(format!("Chance of attack at the most likely values: {}. Each bar moves one assumption from low to high.", pct(base)));
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
        .height(40.0 + 26.0 * n as f32)
        // The longest bars are at the top: the legend goes below them.
        .legend(Legend::default().position(Corner::RightBottom))
        // Short tick labels ("5", "6") may stand closer than egui_plot's
        // default allows, so a narrow range still reads.
        .x_grid_spacer(decimal_steps)
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x()
                .label("chance of attack, %")
                .label_spacing(28.0..=40.0),
        ])
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
            pct(b.attack_at_low),
            pct(b.attack_at_high)
        ));
    }
    Some(response)
}

fn campaign_plot(
    ui: &mut Ui,
    s: &StateAssessment,
    height: f32,
    hover: bool,
) -> Option<egui::Response> {
    if s.campaign.is_empty() {
        ui.label("No axis of advance in the scenario.");
        return None;
    }
    ui.label("Ground taken by day (most likely values): solid alone, dashed with every guarantor fighting.");
    let palette = [
        theme::ADVERSARY,
        theme::NATO,
        theme::GUARANTOR,
        theme::NEUTRAL,
        theme::WARNING,
    ];
    let longest = s.campaign.iter().map(|a| a.distance_km).fold(0.0, f64::max);
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
        .include_y(longest)
        .include_x(0.0)
        .x_axis_label("day")
        .y_axis_label("km taken")
        .show(ui, |p| {
            for (i, axis) in s.campaign.iter().enumerate() {
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
            }
        })
        .response;
    for (i, axis) in s.campaign.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("●").color(palette[i % palette.len()]));
            ui.add(
                egui::Label::new(
                    RichText::new(format!(
                        "{}: {:.0} km, force ratio {:.2}:1 on day 0, falls quickly in {} of draws",
                        axis.name,
                        axis.distance_km,
                        axis.force_ratio_day0,
                        pct(axis.fait_accompli)
                    ))
                    .weak(),
                )
                .wrap(),
            );
        });
    }
    Some(response)
}

fn burden_plot(
    ui: &mut Ui,
    assessment: &Assessment,
    s: &StateAssessment,
    height: f32,
    hover: bool,
) -> egui::Response {
    let years = assessment.horizon_years.max(1.0);
    let baseline = s.break_even.first().map(|b| b.baseline_burden_pct_gdp);
    ui.label(format!(
        "{:.1}% of GDP a year under this scenario{}; {:.0} %-of-GDP-years over the horizon.",
        s.burden.total_pct_gdp,
        baseline
            .map(|b| format!(" against {b:.1}% without a guarantee"))
            .unwrap_or_default(),
        s.burden.over_horizon_pct_gdp_years
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
                Line::new("this scenario", line(s.burden.total_pct_gdp))
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

fn trade_off_plot(
    ui: &mut Ui,
    points: &[TradeOffPoint],
    height: f32,
    hover: bool,
) -> egui::Response {
    ui.label("Each open scenario: how acceptable to the adversary (→) against how well it deters (↑). Open more scenarios to compare.");
    // No legend: scenario titles are wider than the plot. They are listed
    // below it, with their colours.
    let response = Plot::new("trade_off")
        .height(height.max(260.0))
        .show_x(hover)
        .show_y(hover)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .x_axis_label("acceptable to the adversary, %")
        .y_axis_label("deterrence (1 − chance of attack), %")
        .include_x(0.0)
        .include_x(100.0)
        .include_y(0.0)
        .include_y(100.0)
        .show(ui, |p| {
            for point in points {
                p.points(
                    Points::new(
                        point.title.clone(),
                        vec![[100.0 * point.acceptability, 100.0 * point.deterrence]],
                    )
                    .radius(if point.active { 7.0 } else { 5.0 })
                    .color(trade_off_colour(point.active)),
                );
            }
        })
        .response;
    for point in points {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("●").color(trade_off_colour(point.active)));
            let shown = format!(
                "{}{}: {} acceptable, {} deterred",
                point.title,
                if point.active { " (this scenario)" } else { "" },
                pct(point.acceptability),
                pct(point.deterrence)
            );
            ui.add(egui::Label::new(RichText::new(shown).weak()).wrap());
        });
    }
    response
}

fn trade_off_colour(active: bool) -> Color32 {
    if active {
        theme::ADVERSARY
    } else {
        theme::NATO
    }
}

/// Grid lines every 1, 5 and 10 units of a power of ten that suits the
/// visible range, so that a range of a few points still has labelled ticks.
fn decimal_steps(input: egui_plot::GridInput) -> Vec<egui_plot::GridMark> {
    let span = (input.bounds.1 - input.bounds.0).abs().max(1e-9);
    let base = 10f64.powf((span / 5.0).log10().floor());
    egui_plot::uniform_grid_spacer(move |_| [base, 5.0 * base, 10.0 * base])(input)
}

fn break_even(ui: &mut Ui, s: &StateAssessment) -> Option<egui::Response> {
    if s.break_even.is_empty() {
        ui.label("No guarantee to compare with armed neutrality.");
        return None;
    }
    // One block per arrangement rather than a four-column table, which would
    // be wider than the panel.
    let table = ui.vertical(|ui| {
        for b in &s.break_even {
            ui.add_space(4.0);
            ui.label(RichText::new(&b.arrangement).strong());
            let needed = match b.break_even_credibility {
                Some(x) if x <= 0.0 => "any".to_owned(),
                Some(x) => pct(x),
                None => "never".to_owned(),
            };
            ui.add(
                egui::Label::new(format!(
                    "Credibility {}; needed to beat armed neutrality: {needed}.",
                    pct(b.credibility)
                ))
                .wrap(),
            );
            ui.add(
                egui::Label::new(format!(
                    "Chance of attack {} against {} under armed neutrality.",
                    pct(b.chance_of_attack),
                    pct(b.baseline_chance_of_attack)
                ))
                .wrap(),
            );
        }
    });
    ui.weak("Break-even: the credibility each guarantor must have for the arrangement's chance of attack to equal that of the armed-neutrality baseline.");
    // The table has no interaction of its own: sense clicks on it for the
    // context menu.
    Some(ui.interact(
        table.response.rect,
        ui.make_persistent_id("break_even_menu"),
        egui::Sense::click(),
    ))
}
