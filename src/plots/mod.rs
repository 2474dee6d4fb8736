//! The assessment's plots and their plain-language readings, drawn the same in
//! the assessment panel and on the slides: one [`draw`] for every plot kind.
//!
//! May import `crate::kit`, `crate::model` and `crate::scenario`; never `map`,
//! `ui` or `present`. The plot kinds' names and help live with the other
//! choices' labels in [`crate::kit::choices`].

mod charts;
pub mod headline;
pub mod over_time;
pub mod readings;
pub mod sensitivity;
pub mod sweep;

use egui::Ui;

use crate::model::{Assessment, StateAssessment};
pub use crate::scenario::PlotKind;

/// The plots the assessment panel offers under its headline figures, in button
/// order (the headline figures themselves are always shown above them).
pub const PANEL_PLOTS: [PlotKind; 7] = [
    PlotKind::AttackDistribution,
    PlotKind::OverTime,
    PlotKind::Tornado,
    PlotKind::Campaign,
    PlotKind::Burden,
    PlotKind::AcceptabilityDeterrence,
    PlotKind::BreakEven,
];

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

/// Draws `plot` of one protected state's assessment, about `height` points
/// tall, with its caption and its key below. `trade_off` holds every open
/// scenario's point (the trade-off plot only). `hover` turns the plot's hover
/// read-out on (off while the plot is captured as an image). Returns the
/// response of the plot area, where there is one (for its context menu).
pub fn draw(
    ui: &mut Ui,
    plot: PlotKind,
    assessment: &Assessment,
    state: &StateAssessment,
    trade_off: &[TradeOffPoint],
    height: f32,
    hover: bool,
) -> Option<egui::Response> {
    match plot {
        PlotKind::Headline => {
            let block = ui.vertical(|ui| headline::figures(ui, assessment, state));
            Some(block.response)
        }
        PlotKind::AttackDistribution => Some(charts::distribution_plot(ui, state, height, hover)),
        PlotKind::Tornado => charts::tornado_plot(ui, state, hover),
        PlotKind::Campaign => charts::campaign_plot(ui, state, height, hover),
        PlotKind::Burden => Some(charts::burden_plot(ui, assessment, state, height, hover)),
        PlotKind::AcceptabilityDeterrence => {
            Some(charts::trade_off_plot(ui, trade_off, height, hover))
        }
        PlotKind::BreakEven => charts::break_even(ui, state),
        PlotKind::OverTime => Some(over_time::over_time_plot(
            ui, assessment, state, height, hover,
        )),
    }
}
