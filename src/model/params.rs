//! The uncertain parameters as the engine reads them: one value per catalogue
//! entry, either drawn from its triangular range or fixed at low, likely or high.

use rand::Rng;

use crate::scenario::parameters::{self, CATALOGUE};
use crate::scenario::{Scenario, Uncertain};

/// One value for every parameter of the catalogue, by name.
#[derive(Clone, Copy, Debug, PartialEq)]
#[allow(missing_docs)] // each field is the catalogue parameter of the same key
pub struct Params {
    pub pact_reliability: f64,
    pub adversary_resolve: f64,
    pub executive_agreement_factor: f64,
    pub declaration_factor: f64,
    pub unwritten_factor: f64,
    pub consultation_reliability: f64,
    pub assurance_reliability: f64,
    pub informal_reliability: f64,
    pub trigger_deems_factor: f64,
    pub trigger_consultation_factor: f64,
    pub tripwire_effect: f64,
    pub tripwire_troops: f64,
    pub integrated_command_bonus: f64,
    pub void_clause_discount: f64,
    pub compensation_discount: f64,
    pub guarantor_correlation: f64,
    pub reserve_mobilised: f64,
    pub mobilisation_days: f64,
    pub max_advance_km_day: f64,
    pub stall_force_ratio: f64,
    pub breakthrough_force_ratio: f64,
    pub fait_accompli_days: f64,
    pub war_cost_weight: f64,
    pub nuclear_deterrence: f64,
    pub sanctions_cost: f64,
    pub max_annual_attack_rate: f64,
    pub grievance_floor: f64,
    pub precondition_penalty: f64,
    pub protege_initiation: f64,
    pub renewal_chance: f64,
    pub restraint_cost: f64,
    pub attrition_value: f64,
}

/// Number of parameters in the catalogue (and fields of [`Params`]).
pub const COUNT: usize = 32;

impl Params {
    /// Parameters from values in catalogue order (missing values read as 0).
    pub fn from_values(v: &[f64]) -> Self {
        let g = |i: usize| v.get(i).copied().unwrap_or(0.0);
        Self {
            pact_reliability: g(0),
            adversary_resolve: g(1),
            executive_agreement_factor: g(2),
            declaration_factor: g(3),
            unwritten_factor: g(4),
            consultation_reliability: g(5),
            assurance_reliability: g(6),
            informal_reliability: g(7),
            trigger_deems_factor: g(8),
            trigger_consultation_factor: g(9),
            tripwire_effect: g(10),
            tripwire_troops: g(11),
            integrated_command_bonus: g(12),
            void_clause_discount: g(13),
            compensation_discount: g(14),
            guarantor_correlation: g(15),
            reserve_mobilised: g(16),
            mobilisation_days: g(17),
            max_advance_km_day: g(18),
            stall_force_ratio: g(19),
            breakthrough_force_ratio: g(20),
            fait_accompli_days: g(21),
            war_cost_weight: g(22),
            nuclear_deterrence: g(23),
            sanctions_cost: g(24),
            max_annual_attack_rate: g(25),
            grievance_floor: g(26),
            precondition_penalty: g(27),
            protege_initiation: g(28),
            renewal_chance: g(29),
            restraint_cost: g(30),
            attrition_value: g(31),
        }
    }
}

/// The scenario's range for every catalogue parameter, in catalogue order.
pub fn ranges(scenario: &Scenario) -> Vec<Uncertain> {
    CATALOGUE
        .iter()
        .map(|p| parameters::value(scenario, p.key))
        .collect()
}

/// The most likely value of every parameter.
pub fn likely(ranges: &[Uncertain]) -> Vec<f64> {
    ranges.iter().map(|u| u.likely).collect()
}

/// One draw from a triangular range, by inverting its distribution function.
pub fn triangular(u: &Uncertain, x: f64) -> f64 {
    let (a, c, b) = (u.low, u.likely, u.high);
    let width = b - a;
    if width.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) {
        return a;
    }
    let split = (c - a) / width;
    let value = if x < split {
        a + (x * width * (c - a)).sqrt()
    } else {
        b - ((1.0 - x) * width * (b - c)).sqrt()
    };
    value.clamp(a, b)
}

/// Draws a value for every parameter into `out` (catalogue order). Ranges
/// without width take their value without using a random number.
pub fn sample<R: Rng>(ranges: &[Uncertain], rng: &mut R, out: &mut Vec<f64>) {
    out.clear();
    out.extend(ranges.iter().map(|u| {
        if u.high > u.low {
            triangular(u, rng.random::<f64>())
        } else {
            u.low
        }
    }));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_follow_the_catalogue_order() {
        assert_eq!(CATALOGUE.len(), COUNT);
        let values: Vec<f64> = (0..COUNT).map(|i| i as f64).collect();
        let p = Params::from_values(&values);
        let text = format!("{p:?}");
        for (i, param) in CATALOGUE.iter().enumerate() {
            let needle = format!("{}: {}.0", param.key, i);
            assert!(text.contains(&needle), "{needle} not in {text}");
        }
    }

    #[test]
    fn triangular_stays_in_range() {
        let u = Uncertain::new(1.0, 2.0, 5.0);
        for i in 0..=100 {
            let v = triangular(&u, f64::from(i) / 100.0);
            assert!((1.0..=5.0).contains(&v));
        }
        assert_eq!(triangular(&Uncertain::exact(3.0), 0.5), 3.0);
    }
}
