//! A sweep's plot: one headline figure along one parameter (a line), or over
//! a grid of two (a heat map with each cell's value written in it).

use egui::{Color32, Ui};
use egui_plot::{Line, Plot, PlotPoint, PlotPoints, Polygon, Text};

use crate::model::sweep::{FIGURES, SweepPoint, SweptParameter};

/// Draws `figure` (an index into [`FIGURES`]) of the first protected state
/// over `points` of a sweep of `swept`.
pub fn sweep_plot(ui: &mut Ui, swept: &[SweptParameter], points: &[SweepPoint], figure: usize) {
    let value = |p: &SweepPoint| {
        p.states
            .first()
            .and_then(|s| s.figures.get(figure).copied().flatten())
    };
    let label = FIGURES.get(figure).map_or("", |f| f.1);
    match swept {
        [x] => {
            let line: Vec<[f64; 2]> = points
                .iter()
                .filter_map(|p| Some([p.values[0], value(p)?]))
                .collect();
            if line.is_empty() {
                ui.label(format!("{label}: none at any point (the objective holds)."));
                return;
            }
            Plot::new("sweep_line")
                .height(200.0)
                .allow_scroll(false)
                .allow_drag(false)
                .allow_zoom(false)
                .x_axis_label(x.label.clone())
                .y_axis_label(short(label))
                .show(ui, |p| {
                    p.line(Line::new(label.to_string(), PlotPoints::new(line)).width(2.0));
                });
        }
        [x, y] => heat_map(ui, (x, y), points, &value, label),
        _ => {}
    }
}

fn heat_map(
    ui: &mut Ui,
    (x, y): (&SweptParameter, &SweptParameter),
    points: &[SweepPoint],
    value: &dyn Fn(&SweepPoint) -> Option<f64>,
    label: &str,
) {
    let values: Vec<f64> = points.iter().filter_map(value).collect();
    let (low, high) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
            (a.min(*v), b.max(*v))
        });
    let (dx, dy) = (step(x), step(y));
    Plot::new("sweep_heat_map")
        .height(240.0)
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show_grid(false)
        .x_axis_label(x.label.clone())
        .y_axis_label(y.label.clone())
        .show(ui, |p| {
            for point in points {
                let (cx, cy) = (point.values[0], point.values[1]);
                let cell = vec![
                    [cx - dx / 2.0, cy - dy / 2.0],
                    [cx + dx / 2.0, cy - dy / 2.0],
                    [cx + dx / 2.0, cy + dy / 2.0],
                    [cx - dx / 2.0, cy + dy / 2.0],
                ];
                let v = value(point);
                let t = v.map(|v| (v - low) / (high - low).max(1e-12));
                let fill = t.map_or(Color32::GRAY, ramp);
                // Dark ink on the light cells, white on the dark ones.
                let text = if t.unwrap_or(0.0) > 0.5 {
                    Color32::WHITE
                } else {
                    Color32::BLACK
                };
                p.polygon(
                    Polygon::new("", PlotPoints::new(cell))
                        .fill_color(fill)
                        .stroke(egui::Stroke::NONE),
                );
                let written = v.map_or("—".to_string(), |v| format!("{v:.2}"));
                p.text(Text::new("", PlotPoint::new(cx, cy), written).color(text));
            }
        });
    ui.weak(format!(
        "{label}: from {low:.2} (lightest) to {high:.2} (darkest); each cell is one point of the grid."
    ));
}

/// The distance between two values of `p`.
fn step(p: &SweptParameter) -> f64 {
    (p.high - p.low) / (p.steps.max(2) - 1) as f64
}

/// A sequential colour for `t` from 0 (light) to 1 (dark): a blue ramp,
/// readable without telling hues apart.
fn ramp(t: f64) -> Color32 {
    let t = t.clamp(0.0, 1.0) as f32;
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * t).round() as u8;
    Color32::from_rgb(mix(0xDE, 0x08), mix(0xEB, 0x30), mix(0xF7, 0x6B))
}

/// The figure's name without its parenthesis, for an axis.
fn short(label: &str) -> String {
    label.split(" (").next().unwrap_or(label).to_string()
}
