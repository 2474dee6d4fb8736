//! The value of information in the assessment panel (under the sweep): for
//! the first protected state's choice between its arrangements, the EVPI
//! and the assumptions most worth resolving first; off the UI thread,
//! superseded by the next edit.

use egui::Ui;

use super::background::{Background, stale_notice};
use crate::kit::format::percent;
use crate::model::voi::{self, StateValue, Weights};
use crate::scenario::Scenario;

/// Rows of the parameters drawn.
pub const SAMPLES: usize = 2000;
/// Assumptions listed.
const SHOWN: usize = 5;

/// What one run is of: document and revision.
type Key = (u64, u64);

/// The view's state: the latest result and the run in flight.
#[derive(Default)]
pub struct VoiView {
    work: Background<Key, Vec<StateValue>>,
}

impl VoiView {
    /// Waits for the run in flight (tests, headless rendering).
    pub fn finish_blocking(&mut self) {
        self.work.finish_blocking();
    }

    /// Draws the section for document `doc` at `revision`, requesting its run.
    pub fn show(&mut self, ui: &mut Ui, (doc, revision): (u64, u64), scenario: &Scenario) {
        ui.add_space(8.0);
        ui.strong("Value of information");
        ui.weak(format!(
            "Which assumption is worth resolving before choosing between this scenario's \
             arrangements (each alone, against the baseline): the chance of attack avoided on \
             average by knowing it first ({SAMPLES} draws; bulwark voi for weights and for a \
             choice between files)."
        ));
        let key = (doc, revision);
        let shown = self.work.follow(ui, key, "", || {
            let copy = scenario.clone();
            Ok(Box::new(move |_: &crate::model::Progress| {
                let seed = copy.simulation.seed;
                Some(voi::value_of_information(
                    &copy,
                    SAMPLES,
                    seed,
                    Weights::default(),
                ))
            }))
        });
        let Some((shown, found)) = shown else {
            ui.weak("Computing…");
            return;
        };
        if shown.0 != doc {
            return;
        }
        if *shown != key {
            stale_notice(ui, "Figures below are for the previous version; updating.");
        }
        let Some(state) = found.first() else {
            ui.label("No choice to make: the first protected state has one arrangement.");
            return;
        };
        for (i, o) in state.options.iter().enumerate() {
            let best = if i == 0 { " — best on average" } else { "" };
            ui.label(format!(
                "{}: chance of attack {}{best}",
                o.name,
                percent(o.chance_of_attack)
            ));
        }
        ui.label(format!(
            "Knowing every assumption first would avoid {} points of the chance of attack on average (EVPI).",
            points(state.evpi)
        ));
        if state.evpi <= 0.0 {
            ui.weak("The best option is best in every draw: no uncertainty is worth resolving before this choice.");
            return;
        }
        for p in state.parameters.iter().take(SHOWN) {
            ui.weak(format!("{}: {} points (EVPPI)", p.label, points(p.evppi)));
        }
    }
}

/// A share as percentage points, to two decimals.
fn points(x: f64) -> String {
    format!("{:.2}", 100.0 * x + 0.0)
}
