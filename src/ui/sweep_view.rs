//! A sweep in the assessment panel (under the tornado): one or two
//! assumptions stepped over their ranges, a headline figure of the first
//! protected state as a line or a heat map; off the UI thread, superseded by
//! the next edit or choice.

use egui::Ui;

use super::background::{Background, stale_notice};
use crate::model::params;
use crate::model::sweep::{self, FIGURES, SweepPoint, SweptParameter};
use crate::scenario::Scenario;
use crate::scenario::parameters::CATALOGUE;

/// Draws per point.
pub const SAMPLES: u32 = 1000;
/// Points along one assumption; along each of two.
const STEPS: [usize; 2] = [11, 7];

/// What one run is of: document, revision, the assumptions swept (catalogue
/// indices).
type Key = (u64, u64, usize, Option<usize>);

/// The view's state: the assumptions and figure chosen, the latest result.
#[derive(Default)]
pub struct SweepView {
    /// Catalogue index of the first assumption swept.
    pub first: usize,
    /// Catalogue index of the second, if any.
    pub second: Option<usize>,
    /// Index into [`FIGURES`] of the figure shown.
    pub figure: usize,
    work: Background<Key, (Vec<SweptParameter>, Vec<SweepPoint>)>,
}

impl SweepView {
    /// Waits for the run in flight (tests, headless rendering).
    pub fn finish_blocking(&mut self) {
        self.work.finish_blocking();
    }

    /// Draws the section for document `doc` at `revision`, requesting its run.
    pub fn show(&mut self, ui: &mut Ui, (doc, revision): (u64, u64), scenario: &Scenario) {
        ui.add_space(8.0);
        ui.strong("Sweep");
        ui.weak(format!(
            "One or two assumptions stepped over their ranges in the scenario ({SAMPLES} draws a \
             point, the same seed at each); the others keep their ranges."
        ));
        self.controls(ui);
        let key = (doc, revision, self.first, self.second);
        let (first, second) = (self.first, self.second);
        let shown = self.work.follow(ui, key, "points", || {
            let swept = swept(scenario, first, second);
            sweep::within_budget(scenario, &swept, SAMPLES)?;
            let copy = scenario.clone();
            let seed = scenario.simulation.seed;
            Ok(Box::new(move |progress: &crate::model::Progress| {
                let points = sweep::run(&copy, &swept, SAMPLES, seed, progress)?;
                Some((swept, points))
            }))
        });
        let Some((shown, found)) = shown else {
            return;
        };
        if shown.0 != doc {
            return;
        }
        if *shown != key {
            stale_notice(
                ui,
                "The sweep below is of the previous choice or version; updating.",
            );
        }
        crate::plots::sweep::sweep_plot(ui, &found.0, &found.1, self.figure);
    }

    fn controls(&mut self, ui: &mut Ui) {
        let name = |i: usize| CATALOGUE.get(i).map_or("", |p| p.label);
        ui.horizontal_wrapped(|ui| {
            let label = ui.weak("sweep");
            egui::ComboBox::from_id_salt("sweep_first")
                .selected_text(name(self.first))
                .show_ui(ui, |ui| {
                    for (i, p) in CATALOGUE.iter().enumerate() {
                        ui.selectable_value(&mut self.first, i, p.label);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("The assumption stepped along the horizontal axis");
            let label = ui.weak("and");
            egui::ComboBox::from_id_salt("sweep_second")
                .selected_text(self.second.map_or("nothing else", name))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.second, None, "nothing else");
                    for (i, p) in CATALOGUE.iter().enumerate() {
                        if i != self.first {
                            ui.selectable_value(&mut self.second, Some(i), p.label);
                        }
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("A second assumption, stepped up the vertical axis: a heat map");
        });
        if self.second == Some(self.first) {
            self.second = None;
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.weak("show");
            egui::ComboBox::from_id_salt("sweep_figure")
                .selected_text(FIGURES[self.figure.min(FIGURES.len() - 1)].1)
                .show_ui(ui, |ui| {
                    for (i, (_, text)) in FIGURES.iter().enumerate() {
                        ui.selectable_value(&mut self.figure, i, *text);
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text("The headline figure plotted");
        });
    }
}

/// The assumptions at `first` and `second` (catalogue indices) over the
/// scenario's range of each (the catalogue's limits for one without width).
fn swept(scenario: &Scenario, first: usize, second: Option<usize>) -> Vec<SweptParameter> {
    let ranges = params::ranges(scenario);
    let steps = STEPS[usize::from(second.is_some())];
    std::iter::once(first)
        .chain(second)
        .filter_map(|i| {
            let (p, r) = (CATALOGUE.get(i)?, ranges.get(i)?);
            let (low, high) = if r.high > r.low {
                (r.low, r.high)
            } else {
                (p.min, p.max)
            };
            Some(SweptParameter {
                key: p.key.into(),
                label: p.label.into(),
                low,
                high,
                steps,
            })
        })
        .collect()
}
