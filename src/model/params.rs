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
    pub road_march_km_day: f64,
    pub defender_in_position: f64,
    pub alert_days: f64,
    pub power_armoured: f64,
    pub power_mechanised: f64,
    pub power_airborne: f64,
    pub power_marines: f64,
    pub power_artillery: f64,
    pub power_air_defence: f64,
    pub power_aircraft: f64,
    pub first_strike_share: f64,
    pub non_aggression_cost: f64,
    pub sustained_march_km_day: f64,
    pub attrition_per_day: f64,
    pub foot_march_km_day: f64,
    pub defence_breakpoint: f64,
    pub front_km: f64,
    pub holding_power_per_km: f64,
    pub bridging_days: f64,
    pub assault_crossing_share: f64,
}

/// Number of parameters in the catalogue (and fields of [`Params`]).
pub const COUNT: usize = 52;

impl Params {
    /// Parameters from values in catalogue order (missing values read as 0).
    pub fn from_values(v: &[f64]) -> Self {
        let mut all = [0.0; COUNT];
        for (a, x) in all.iter_mut().zip(v) {
            *a = *x;
        }
        Self::from_array(&all)
    }

    /// Parameters from exactly one value per catalogue entry, in its order.
    pub fn from_array(v: &[f64; COUNT]) -> Self {
        let g = |i: usize| v[i];
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
            road_march_km_day: g(32),
            defender_in_position: g(33),
            alert_days: g(34),
            power_armoured: g(35),
            power_mechanised: g(36),
            power_airborne: g(37),
            power_marines: g(38),
            power_artillery: g(39),
            power_air_defence: g(40),
            power_aircraft: g(41),
            first_strike_share: g(42),
            non_aggression_cost: g(43),
            sustained_march_km_day: g(44),
            attrition_per_day: g(45),
            foot_march_km_day: g(46),
            defence_breakpoint: g(47),
            front_km: g(48),
            holding_power_per_km: g(49),
            bridging_days: g(50),
            assault_crossing_share: g(51),
        }
    }
}

/// The scenario's range for every catalogue parameter, in catalogue order.
pub fn ranges(scenario: &Scenario) -> Vec<Uncertain> {
    CATALOGUE
        .iter()
        .map(|parameter| parameters::value(scenario, parameter.key))
        .collect()
}

/// Every parameter at its catalogue default's most likely value (a scenario
/// with no assumptions of its own, at its point estimate).
pub fn catalogue_likely() -> Params {
    let ranges: Vec<Uncertain> = CATALOGUE
        .iter()
        .map(|parameter| parameter.default)
        .collect();
    Params::from_values(&likely(&ranges))
}

/// The most likely value of every parameter.
pub fn likely(ranges: &[Uncertain]) -> Vec<f64> {
    ranges.iter().map(|u| u.likely).collect()
}

/// A triangular range prepared for sampling: the constants of its inverse
/// distribution function are computed once, so a draw is one random number,
/// one square root and no unpredictable branch (the side of the mode is picked
/// with selects; a mispredicted branch per parameter cost more than the root).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Triangle {
    low: f64,
    high: f64,
    /// Share of the probability below the mode.
    split: f64,
    /// (high - low) × (mode - low).
    left: f64,
    /// (high - low) × (high - mode).
    right: f64,
    /// False when the range has no width: the value is `low` and no random
    /// number is used.
    random: bool,
}

impl Triangle {
    /// The sampler of one range.
    pub fn new(u: &Uncertain) -> Self {
        let (a, c, b) = (u.low, u.likely, u.high);
        let width = b - a;
        let random = width > 0.0;
        Self {
            low: a,
            high: if random { b } else { a },
            split: if random { (c - a) / width } else { 0.0 },
            left: width * (c - a),
            right: width * (b - c),
            random,
        }
    }

    /// The value at cumulative probability `x` (0 to 1).
    pub fn value(&self, x: f64) -> f64 {
        if !self.random {
            return self.low;
        }
        // `below` as 1.0 or 0.0 picks the side by arithmetic: the compiler
        // turns `if` here into a branch, mispredicted half the time.
        let below = f64::from(u8::from(x < self.split));
        let area = below * x * self.left + (1.0 - below) * (1.0 - x) * self.right;
        let root = area.max(0.0).sqrt();
        let base = self.high + below * (self.low - self.high);
        let value = base + (2.0 * below - 1.0) * root;
        value.clamp(self.low, self.high)
    }
}

/// The samplers of every parameter, in catalogue order.
pub fn triangles(ranges: &[Uncertain]) -> Vec<Triangle> {
    ranges.iter().map(Triangle::new).collect()
}

/// Draws a value for every parameter into `out` (catalogue order). Ranges
/// without width take their value without using a random number.
pub fn sample<R: Rng>(triangles: &[Triangle], rng: &mut R, out: &mut [f64; COUNT]) {
    for (v, t) in out.iter_mut().zip(triangles) {
        *v = if t.random {
            t.value(rng.random::<f64>())
        } else {
            t.low
        };
    }
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
    fn the_branch_free_sampler_inverts_the_triangular_distribution() {
        let u = Uncertain::new(1.0, 2.0, 5.0);
        let t = Triangle::new(&u);
        // F(v) = (v-a)²/((b-a)(c-a)) below the mode, 1 - (b-v)²/((b-a)(b-c)) above.
        let cdf = |v: f64| {
            if v < 2.0 {
                (v - 1.0).powi(2) / (4.0 * 1.0)
            } else {
                1.0 - (5.0 - v).powi(2) / (4.0 * 3.0)
            }
        };
        for i in 0..=1000 {
            let x = f64::from(i) / 1000.0;
            assert!((cdf(t.value(x)) - x).abs() < 1e-9, "x = {x}");
        }
        // Mean of a triangular distribution: (low + likely + high) / 3.
        let mean = (0..10_000)
            .map(|i| t.value((f64::from(i) + 0.5) / 10_000.0))
            .sum::<f64>()
            / 10_000.0;
        assert!((mean - 8.0 / 3.0).abs() < 1e-3, "mean {mean}");
    }

    #[test]
    fn triangle_values_stay_in_range() {
        let t = Triangle::new(&Uncertain::new(1.0, 2.0, 5.0));
        for i in 0..=100 {
            let v = t.value(f64::from(i) / 100.0);
            assert!((1.0..=5.0).contains(&v));
        }
        assert_eq!(Triangle::new(&Uncertain::exact(3.0)).value(0.5), 3.0);
    }
}
