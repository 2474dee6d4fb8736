//! The assessment engine: a scenario in, an [`Assessment`] out (each protected state's
//! answers to the eight questions of `docs/MODEL.md`), by a seeded, deterministic Monte Carlo.
//! It may import only `crate::scenario` and `crate::assets`; never egui, I/O or any view.
//! Glossary: *prepared* state, guarantor, adversary, axis ([`prepared`]): the scenario's
//! figures flattened once per assessment, so that each draw is plain arithmetic.

mod assemble;
pub mod backtest;
pub mod campaign;
pub mod credibility;
pub mod decision;
pub mod export;
pub mod lanchester;
mod math;
pub mod montecarlo;
pub mod params;
pub mod power;
pub mod prepared;
pub mod progress;
mod result;
pub mod sensitivity;
pub mod sobol;
pub mod sweep;
pub mod timeline;
pub mod voi;

pub use assemble::Options;
pub use campaign::CampaignDay;
pub use credibility::CredibilityFactors;
pub use progress::Progress;
pub use result::*;

use crate::scenario::Scenario;

/// The most work one assessment may take, in axis-draws (see [`work`]): 400
/// times the largest example (50,000, about 16 ms on one core of the
/// development machine), so a few seconds. A file from someone else cannot
/// keep the app or `assess` busy for minutes.
pub const MAX_WORK: u64 = 20_000_000;

/// The work of assessing `scenario` with `samples` draws, in axis-draws: the
/// draws times the axes of each protected state (at least one: a state
/// without an axis gets a default one), summed over the protected states.
pub fn work(scenario: &Scenario, samples: u32) -> u64 {
    let axes: u64 = prepared::protected_states(scenario)
        .iter()
        .map(|state| {
            let own = scenario
                .axes
                .iter()
                .filter(|a| a.defender == *state)
                .count();
            own.max(1) as u64
        })
        .sum();
    // A timeline assesses each distinct snapshot of its horizon in every
    // draw: at most one a stretch (bounded without making them, so that a
    // hostile file is refused before any work).
    let snapshots = if scenario.timeline.steps.is_empty() {
        0
    } else {
        crate::scenario::timeline::most_stretches(scenario) as u64
    };
    u64::from(samples) * axes.max(1) * (1 + snapshots)
}

/// Ok when assessing `scenario` with `samples` draws is within [`MAX_WORK`];
/// else a message saying how far over it is and what to lower.
pub fn within_budget(scenario: &Scenario, samples: u32) -> Result<(), String> {
    let work = work(scenario, samples);
    if work <= MAX_WORK {
        return Ok(());
    }
    let fits = MAX_WORK / (work / u64::from(samples.max(1))).max(1);
    Err(format!(
        "this assessment is too large to run: {samples} draws over its protected states' \
         axes make {work} axis-draws, above the limit of {MAX_WORK}; use at most {fits} \
         draws, or fewer protected states or axes"
    ))
}

/// Assesses a scenario with its own simulation settings (samples, seed).
pub fn assess(scenario: &Scenario) -> Assessment {
    assess_with_options(scenario, Options::from_scenario(scenario))
}

/// Assesses a scenario with explicit samples and seed (with the tornado).
pub fn assess_with(scenario: &Scenario, samples: u32, seed: u64) -> Assessment {
    assess_with_options(
        scenario,
        Options {
            samples,
            seed,
            tornado: true,
            ..Options::default()
        },
    )
}

/// Assesses a scenario with explicit options.
pub fn assess_with_options(scenario: &Scenario, options: Options) -> Assessment {
    assemble::assessment(scenario, options, &Progress::default())
        .expect("an assessment is stopped only through its progress, and this one is never stopped")
}

/// Assesses a scenario with its own settings, counting the work done in
/// `progress`; gives nothing when stopped through `progress` before the end.
/// The result, when there is one, is the same as [`assess`]'s.
pub fn assess_with_progress(scenario: &Scenario, progress: &Progress) -> Option<Assessment> {
    assemble::assessment(scenario, Options::from_scenario(scenario), progress)
}

/// [`assess_with_progress`] with the answers describing the scenario as it
/// stands at month `at_month` of its timeline (ignored without one).
pub fn assess_at_month(
    scenario: &Scenario,
    at_month: f64,
    progress: &Progress,
) -> Option<Assessment> {
    let options = Options {
        at_month,
        ..Options::from_scenario(scenario)
    };
    assemble::assessment(scenario, options, progress)
}

/// The chance of attack for each protected state with every parameter at its
/// most likely value (no sampling): fast, for sliders and the backtest.
pub fn point_attack(scenario: &Scenario) -> Vec<(String, f64)> {
    sensitivity::point_attack(scenario)
}
