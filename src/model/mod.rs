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
