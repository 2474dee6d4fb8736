//! The global sensitivity in the assessment panel (under the tornado): the
//! Sobol indices of the active scenario's first protected state on the output
//! the user picks, computed off the UI thread with progress shown; an edit
//! supersedes the run in flight (it is stopped and a new one started).

use egui::Ui;

use super::background::{Background, stale_notice};
use crate::model::sobol::{self, OUTPUTS, StateSensitivity};
use crate::scenario::Scenario;

/// The base sample sizes offered; the panel's default is
/// [`sobol::PANEL_SAMPLES`].
pub const SAMPLE_SIZES: [usize; 4] = [256, 1024, sobol::PANEL_SAMPLES, 8192];

/// What each of [`OUTPUTS`] is, for its button's tooltip.
const OUTPUT_HELP: [&str; 3] = [
    "Apportion the variance of the chance of attack over the horizon",
    "Apportion the variance of the days until the first axis's objective falls with no \
     guarantor fighting (180 if none falls)",
    "Apportion the variance of the chance the adversary accepts the settlement",
];

/// What one run is of: document id, revision, base samples.
type Key = (u64, u64, usize);

/// The view's state: the output shown, the sample size, the latest result
/// and the run in flight.
pub struct SensitivityView {
    /// Index into [`OUTPUTS`] of the output shown.
    pub output: usize,
    /// Base samples of the next run.
    pub samples: usize,
    work: Background<Key, Vec<StateSensitivity>>,
}

impl Default for SensitivityView {
    fn default() -> Self {
        Self {
            output: 0,
            samples: sobol::PANEL_SAMPLES,
            work: Background::default(),
        }
    }
}

impl SensitivityView {
    /// Waits for the run in flight (tests, headless rendering).
    pub fn finish_blocking(&mut self) {
        self.work.finish_blocking();
    }

    /// Draws the section for document `doc` at `revision` (requesting its
    /// run): the output and sample size, the progress or the plot.
    pub fn show(&mut self, ui: &mut Ui, (doc, revision): (u64, u64), scenario: &Scenario) {
        ui.add_space(8.0);
        ui.strong("Global sensitivity (Sobol indices)");
        ui.weak(
            "Every uncertain assumption varied at once: the share of the output's variance \
             each explains alone (first order) and with its interactions (total), with 95% \
             bootstrap intervals.",
        );
        self.controls(ui);
        let samples = self.samples;
        let shown = self
            .work
            .follow(ui, (doc, revision, samples), "model runs", || {
                sobol::within_budget(scenario, samples)?;
                let copy = scenario.clone();
                Ok(Box::new(move |progress: &crate::model::Progress| {
                    let seed = copy.simulation.seed;
                    sobol::sensitivity(&copy, samples, seed, progress)
                }))
            });
        let Some((key, found)) = shown else {
            return;
        };
        if key.0 != doc {
            return;
        }
        if *key != (doc, revision, samples) {
            stale_notice(ui, "Indices below are for the previous version; updating.");
        }
        let Some(state) = found.first() else {
            ui.label("No protected state.");
            return;
        };
        let Some(output) = state.outputs.get(self.output) else {
            return;
        };
        ui.weak(format!(
            "{}: {} base samples, seed {}",
            state.name, state.samples, state.seed
        ));
        crate::plots::sensitivity::sobol_plot(ui, output, true);
    }

    fn controls(&mut self, ui: &mut Ui) {
        ui.horizontal_wrapped(|ui| {
            for (i, (_, label)) in OUTPUTS.iter().enumerate() {
                ui.selectable_value(&mut self.output, i, *label)
                    .on_hover_text(OUTPUT_HELP[i]);
            }
        });
        ui.horizontal(|ui| {
            let label = ui.weak("base samples");
            egui::ComboBox::from_id_salt("sobol_samples")
                .selected_text(self.samples.to_string())
                .show_ui(ui, |ui| {
                    for n in SAMPLE_SIZES {
                        ui.selectable_value(&mut self.samples, n, n.to_string());
                    }
                })
                .response
                .labelled_by(label.id)
                .on_hover_text(
                    "Base samples N: the model runs N × (assumptions + 2) times; more is \
                     slower and narrows the intervals",
                );
        });
    }
}
