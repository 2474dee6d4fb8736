//! The assessment engine: pure, deterministic given a seed, no egui and no I/O.
//! It answers, for every protected state of a scenario, the eight questions of
//! `docs/MODEL.md`: credibility, campaign (denial), punishment, decision (chance
//! of attack), burden, restraint, acceptability and break-even credibility,
//! with a seeded Monte Carlo over the uncertain parameters and a tornado of
//! one-at-a-time swings.

mod assemble;
pub mod backtest;
pub mod campaign;
pub mod credibility;
pub mod decision;
pub mod export;
mod math;
pub mod montecarlo;
pub mod params;
pub mod prepared;
mod result;
pub mod sensitivity;

pub use assemble::Options;
pub use campaign::CampaignDay;
pub use credibility::CredibilityFactors;
pub use result::*;

use crate::scenario::Scenario;

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
        },
    )
}

/// Assesses a scenario with explicit options.
pub fn assess_with_options(scenario: &Scenario, options: Options) -> Assessment {
    assemble::assessment(scenario, options)
}

/// The chance of attack for each protected state with every parameter at its
/// most likely value (no sampling): fast, for sliders and the backtest.
pub fn point_attack(scenario: &Scenario) -> Vec<(String, f64)> {
    sensitivity::point_attack(scenario)
}
