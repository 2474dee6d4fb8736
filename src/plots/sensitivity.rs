//! The global sensitivity plot: each parameter's first- and total-order Sobol
//! index on one output, as bars sorted by total effect with the total's 95 %
//! bootstrap interval, numbered as the list below it.

use egui::Ui;
use egui_plot::{Bar, BarChart, Corner, Legend, Line, PlotPoints};

use super::charts::{small_plot, tornado_tick};
use crate::kit::theme;
use crate::model::sobol::OutputSensitivity;

/// Parameters shown, largest total effect first.
pub const SHOWN: usize = 8;

/// Draws the indices of `output`'s most influential parameters; the plot's
/// response, or `None` when the output does not vary.
pub fn sobol_plot(ui: &mut Ui, output: &OutputSensitivity, hover: bool) -> Option<egui::Response> {
    let shown: Vec<_> = output.parameters.iter().take(SHOWN).collect();
    if shown.iter().all(|p| p.index.total.estimate == 0.0) {
        ui.label(format!(
            "{} does not vary over the parameters' ranges.",
            output.label
        ));
        return None;
    }
    let n = shown.len();
    // The scale runs to the widest interval, so small indices stay readable.
    let widest = shown
        .iter()
        .map(|p| p.index.total.high.max(p.index.first.estimate))
        .fold(0.05, f64::max)
        .min(1.0);
    let y = |i: usize| (n - i) as f64;
    let bars = |first: bool| -> Vec<Bar> {
        shown
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let value = if first {
                    p.index.first.estimate
                } else {
                    p.index.total.estimate
                };
                let offset = if first { 0.17 } else { -0.17 };
                Bar::new(y(i) + offset, value.max(0.0))
                    .name(&p.label)
                    .width(0.32)
            })
            .collect()
    };
    let ink = ui.visuals().strong_text_color();
    let response = small_plot("sobol", 220.0, hover)
        .height(66.0 + 30.0 * n as f32)
        .legend(Legend::default().position(Corner::RightBottom))
        .include_x(0.0)
        .include_x(widest * 1.05)
        .include_y(-1.0)
        .y_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 1.0, 1.0]))
        .custom_y_axes(vec![
            egui_plot::AxisHints::new_y().formatter(move |mark, _| tornado_tick(mark.value, n)),
        ])
        .custom_x_axes(vec![
            egui_plot::AxisHints::new_x().label("share of the variance"),
        ])
        .show_y(false)
        .show(ui, |p| {
            p.bar_chart(
                BarChart::new("first order (alone)", bars(true))
                    .horizontal()
                    .color(theme::NEUTRAL),
            );
            p.bar_chart(
                BarChart::new("total (with interactions)", bars(false))
                    .horizontal()
                    .color(theme::ADVERSARY),
            );
            for (i, q) in shown.iter().enumerate() {
                let at = y(i) - 0.17;
                let (low, high) = (q.index.total.low.max(0.0), q.index.total.high);
                p.line(
                    Line::new("95% interval", PlotPoints::new(vec![[low, at], [high, at]]))
                        .color(ink)
                        .width(1.5),
                );
            }
        })
        .response;
    for (i, p) in shown.iter().enumerate() {
        let (f, t) = (p.index.first, p.index.total);
        ui.weak(format!(
            "{}. {}: total {:.2} ({:.2}–{:.2}), alone {:.2} ({:.2}–{:.2})",
            i + 1,
            p.label,
            t.estimate + 0.0,
            t.low + 0.0,
            t.high + 0.0,
            f.estimate + 0.0,
            f.low + 0.0,
            f.high + 0.0,
        ));
    }
    Some(response)
}
