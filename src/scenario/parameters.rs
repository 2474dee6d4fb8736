//! The catalogue of uncertain parameters a scenario can set in `assumptions`:
//! for each, what it means, its unit, the values it may take and its sourced
//! default range. The assessment engine reads parameters by these keys; the UI
//! builds its sliders and tooltips from this table.

use super::types::{Scenario, Uncertain};

/// One uncertain parameter of the assessment.
#[derive(Clone, Copy, Debug)]
pub struct Parameter {
    /// Key in the scenario file's `assumptions` object.
    pub key: &'static str,
    /// Short label for the UI.
    pub label: &'static str,
    /// Unit, shown after values ("" for a plain number).
    pub unit: &'static str,
    /// Smallest value allowed.
    pub min: f64,
    /// Largest value allowed.
    pub max: f64,
    /// Default range when the scenario does not set one.
    pub default: Uncertain,
    /// What the parameter means, in one or two sentences.
    pub meaning: &'static str,
    /// Where the default comes from (or "Assumption" when no source exists).
    pub source: &'static str,
}

/// Every parameter the engine knows. Documented in `docs/MODEL.md`.
pub const CATALOGUE: &[Parameter] = &[
    Parameter {
        key: "pact_reliability",
        label: "Defence-pact reliability",
        unit: "probability",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.41,
            likely: 0.55,
            high: 0.745,
        },
        meaning: "Chance that a formal defence pact is honoured when invoked, before \
                  formality, forces and clauses adjust it.",
        source: "Berkemeier & Fuhrmann (2018): defence pacts 41%; Leeds, Long & Mitchell \
                 (2000): 74.5% of commitments honoured 1816-1944.",
    },
    Parameter {
        key: "adversary_resolve",
        label: "Adversary resolve",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.3,
            likely: 0.5,
            high: 0.8,
        },
        meaning: "How much the adversary values renewed war for its aims, relative to \
                  its costs; higher means more willing to attack.",
        source: "Assumption: no open measure exists; the wide range expresses that.",
    },
];

/// The parameter with this key, if the catalogue has it.
pub fn parameter(key: &str) -> Option<&'static Parameter> {
    CATALOGUE.iter().find(|p| p.key == key)
}

/// The range of a parameter in a scenario: the scenario's own, else the default.
/// Unknown keys (which validation refuses) give a zero range.
pub fn value(scenario: &Scenario, key: &str) -> Uncertain {
    scenario
        .assumptions
        .get(key)
        .copied()
        .or_else(|| parameter(key).map(|p| p.default))
        .unwrap_or(Uncertain::exact(0.0))
}
