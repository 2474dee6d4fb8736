//! Value of information for the choice between arrangements: which
//! uncertainty is worth resolving before choosing? In the decision's units,
//! the chance of attack avoided.
//!
//! For each protected state the options are its baseline (the scenario's
//! armed-neutrality arrangement, else no arrangement) and each other
//! arrangement alone, as the break-even analysis takes them. N rows of the
//! uncertain parameters are drawn (inverse triangular distributions, as the
//! Monte Carlo), and every option is evaluated on every row (the chance of
//! attack at the row's values).
//!
//! - EVPI = mean over rows of the best option's value − the value of the
//!   option best on average: what knowing every parameter would gain.
//! - EVPPI of one parameter: the rows sorted by that parameter and cut into
//!   bins of equal count, the best option chosen within each bin (Strong &
//!   Oakley, "An efficient method for computing single-parameter partial
//!   expected value of perfect information", Medical Decision Making 33,
//!   2013). With bins as written here 0 ≤ EVPPI ≤ EVPI holds exactly.
//!
//! Written here rather than taken from a crate: it is the sums below, and no
//! Rust crate implements the method.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::Serialize;

use super::params;
use super::prepared::{self, PreparedState};
use super::sensitivity::{alternatives, eval_at};
use crate::scenario::Scenario;
use crate::scenario::parameters::CATALOGUE;

/// The expected value of perfect information over `values[option][row]`
/// (higher is better).
pub fn evpi(values: &[Vec<f64>]) -> f64 {
    let rows = values.first().map_or(0, Vec::len);
    if rows == 0 {
        return 0.0;
    }
    let best_each: f64 = (0..rows)
        .map(|j| {
            values
                .iter()
                .map(|v| v[j])
                .fold(f64::NEG_INFINITY, f64::max)
        })
        .sum::<f64>()
        / rows as f64;
    (best_each - best_on_average(values, &(0..rows).collect::<Vec<_>>())).max(0.0)
}

/// The expected value of perfect information about the parameter whose
/// value on each row is `parameter`, over `values[option][row]`, by Strong &
/// Oakley's ordering and binning with about √rows bins.
pub fn evppi(values: &[Vec<f64>], parameter: &[f64]) -> f64 {
    let rows = parameter.len();
    if rows == 0 || values.is_empty() {
        return 0.0;
    }
    let mut order: Vec<usize> = (0..rows).collect();
    order.sort_by(|a, b| parameter[*a].total_cmp(&parameter[*b]));
    let bins = (rows as f64).sqrt().round().max(1.0) as usize;
    let gained: f64 = (0..bins)
        .map(|b| {
            let bin = &order[b * rows / bins..(b + 1) * rows / bins];
            bin.len() as f64 * best_on_average(values, bin)
        })
        .sum::<f64>()
        / rows as f64;
    (gained - best_on_average(values, &order)).max(0.0)
}

/// The best option's mean value over `rows`.
fn best_on_average(values: &[Vec<f64>], rows: &[usize]) -> f64 {
    let n = rows.len().max(1) as f64;
    values
        .iter()
        .map(|v| rows.iter().map(|j| v[*j]).sum::<f64>() / n)
        .fold(f64::NEG_INFINITY, f64::max)
}

/// How an option's outcome is valued: the chance of attack avoided, the
/// adversary's acceptance and the defence burden, each weighted.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Weights {
    /// Weight of the chance of attack avoided (1 − the chance).
    pub deterrence: f64,
    /// Weight of the chance the adversary accepts the settlement.
    pub acceptability: f64,
    /// Weight of the burden, per percentage point of GDP (subtracted).
    pub burden: f64,
}

impl Default for Weights {
    /// The chance of attack alone.
    fn default() -> Self {
        Self {
            deterrence: 1.0,
            acceptability: 0.0,
            burden: 0.0,
        }
    }
}

impl Weights {
    /// Reads `deterrence=1,acceptability=0.5,burden=0.1` (any of the three;
    /// the others 0 once one is given).
    pub fn parse(text: &str) -> Result<Self, String> {
        let mut w = Self {
            deterrence: 0.0,
            acceptability: 0.0,
            burden: 0.0,
        };
        for part in text.split(',').filter(|p| !p.trim().is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| format!("{part:?}: expected NAME=WEIGHT"))?;
            let value: f64 = value
                .trim()
                .parse()
                .ok()
                .filter(|v: &f64| v.is_finite() && *v >= 0.0)
                .ok_or_else(|| format!("{}: {value:?} is not a weight of 0 or more", key.trim()))?;
            match key.trim() {
                "deterrence" => w.deterrence = value,
                "acceptability" => w.acceptability = value,
                "burden" => w.burden = value,
                other => {
                    return Err(format!(
                        "{other:?} is not a weight (deterrence, acceptability, burden)"
                    ));
                }
            }
        }
        Ok(w)
    }

    /// An outcome's value (higher is better).
    fn value(&self, attack: f64, accepts: f64, burden_pct: f64) -> f64 {
        self.deterrence * (1.0 - attack) + self.acceptability * accepts - self.burden * burden_pct
    }
}

/// One option of the choice and its expected chance of attack.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChoiceOption {
    /// Arrangement id (`no_arrangement` for none).
    pub id: String,
    /// Its name.
    pub name: String,
    /// Mean chance of attack over the rows.
    pub chance_of_attack: f64,
    /// Mean value over the rows, by the weights.
    pub value: f64,
}

/// One parameter's partial value of information.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParameterValue {
    /// Catalogue key.
    pub parameter: String,
    /// Label.
    pub label: String,
    /// EVPPI: the chance of attack avoided on average by learning it first.
    pub evppi: f64,
}

/// The value of information of one protected state's choice.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateValue {
    /// State id.
    pub state: String,
    /// State name.
    pub name: String,
    /// Rows drawn.
    pub samples: usize,
    /// The options, the best on average first.
    pub options: Vec<ChoiceOption>,
    /// EVPI: the value gained on average by knowing every parameter before
    /// choosing (with the default weights, the chance of attack avoided).
    pub evpi: f64,
    /// The weights the options were valued by.
    pub weights: Weights,
    /// Every uncertain parameter's EVPPI, largest first.
    pub parameters: Vec<ParameterValue>,
}

/// The value of information of every protected state of `scenario` with a
/// choice between its arrangements (at least two options), over `samples`
/// rows from `seed`, valued by `weights`.
pub fn value_of_information(
    scenario: &Scenario,
    samples: usize,
    seed: u64,
    weights: Weights,
) -> Vec<StateValue> {
    let rows = uniform_rows(samples, seed);
    prepared::protected_states(scenario)
        .into_iter()
        .filter_map(|id| {
            let (baseline, others) = alternatives(scenario, &id)?;
            let options: Vec<Choice<'_>> = std::iter::once(baseline)
                .chain(others)
                .map(|a| Choice {
                    key: a.id,
                    name: a.name,
                    scenario,
                    state: a.state,
                })
                .collect();
            (options.len() >= 2).then(|| state_value(&id, &options, &rows, weights))
        })
        .collect()
}

/// The value of information for the choice between whole scenarios (each
/// with all its arrangements) for the protected state `id` they share; the
/// parameters at the same cumulative probabilities in every scenario (each
/// through its own ranges). `None` when fewer than two protect `id`.
pub fn between_scenarios(
    scenarios: &[(String, &Scenario)],
    id: &str,
    samples: usize,
    seed: u64,
    weights: Weights,
) -> Option<StateValue> {
    let options: Vec<Choice<'_>> = scenarios
        .iter()
        .filter_map(|(name, scenario)| {
            let state = prepared::state(scenario, id, &|_| true)?;
            Some(Choice {
                key: name.clone(),
                name: scenario.meta.title.clone(),
                scenario,
                state,
            })
        })
        .collect();
    (options.len() >= 2).then(|| state_value(id, &options, &uniform_rows(samples, seed), weights))
}

/// `samples` rows of one uniform number per catalogue parameter.
fn uniform_rows(samples: usize, seed: u64) -> Vec<Vec<f64>> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    (0..samples.max(2))
        .map(|_| (0..CATALOGUE.len()).map(|_| rng.random()).collect())
        .collect()
}

/// One option: its key and name, the scenario it is of, the state as it
/// protects it.
struct Choice<'a> {
    key: String,
    name: String,
    scenario: &'a Scenario,
    state: PreparedState,
}

fn state_value(
    id: &str,
    options: &[Choice<'_>],
    rows: &[Vec<f64>],
    weights: Weights,
) -> StateValue {
    // Each option's outcome on every row: (chance of attack, value).
    let outcomes: Vec<Vec<(f64, f64)>> = options
        .iter()
        .map(|o| {
            let ranges = params::ranges(o.scenario);
            let triangles = params::triangles(&ranges);
            let horizon = o.scenario.horizon_years;
            let burden = super::sensitivity::burden_pct(&o.state);
            rows.par_iter()
                .map(|u| {
                    let values: Vec<f64> =
                        triangles.iter().zip(u).map(|(t, x)| t.value(*x)).collect();
                    let e = eval_at(&o.state, &values, horizon);
                    (
                        e.attack,
                        weights.value(e.attack, e.adversary_accepts, burden),
                    )
                })
                .collect()
        })
        .collect();
    let values: Vec<Vec<f64>> = outcomes
        .iter()
        .map(|o| o.iter().map(|x| x.1).collect())
        .collect();
    let mean = |v: &[(f64, f64)], f: fn(&(f64, f64)) -> f64| {
        v.iter().map(f).sum::<f64>() / v.len().max(1) as f64
    };
    let mut listed: Vec<ChoiceOption> = options
        .iter()
        .zip(&outcomes)
        .map(|(o, v)| ChoiceOption {
            id: o.key.clone(),
            name: o.name.clone(),
            chance_of_attack: mean(v, |x| x.0),
            value: mean(v, |x| x.1),
        })
        .collect();
    listed.sort_by(|a, b| b.value.total_cmp(&a.value));
    // A parameter no option lets vary is worth nothing to learn.
    let uncertain = |i: usize| {
        options.iter().any(|o| {
            let r = crate::scenario::parameters::value(o.scenario, CATALOGUE[i].key);
            r.high > r.low
        })
    };
    let mut parameters: Vec<ParameterValue> = (0..CATALOGUE.len())
        .filter(|i| uncertain(*i))
        .map(|i| {
            let column: Vec<f64> = rows.iter().map(|r| r[i]).collect();
            ParameterValue {
                parameter: CATALOGUE[i].key.into(),
                label: CATALOGUE[i].label.into(),
                evppi: evppi(&values, &column),
            }
        })
        .collect();
    parameters.sort_by(|a, b| b.evppi.total_cmp(&a.evppi));
    let name = options
        .first()
        .map_or(id.to_string(), |o| o.state.figures.name.clone());
    StateValue {
        state: id.into(),
        name,
        samples: rows.len(),
        options: listed,
        evpi: evpi(&values),
        weights,
        parameters,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Two options, one worth θ and one worth 0, θ uniform on −1 to 1, and a
    /// second parameter the values ignore: EVPI = E[max(θ, 0)] = 1/4, all of
    /// it θ's.
    fn two_options(n: usize) -> (Vec<Vec<f64>>, Vec<f64>, Vec<f64>) {
        let mut rng = ChaCha8Rng::seed_from_u64(3);
        let theta: Vec<f64> = (0..n).map(|_| rng.random_range(-1.0..1.0)).collect();
        let noise: Vec<f64> = (0..n).map(|_| rng.random()).collect();
        (vec![theta.clone(), vec![0.0; n]], theta, noise)
    }

    #[test]
    fn perfect_information_is_worth_what_the_analytic_case_says() {
        let (values, theta, noise) = two_options(40_000);
        let total = evpi(&values);
        assert!((total - 0.25).abs() < 0.01, "EVPI {total}");
        let of_theta = evppi(&values, &theta);
        assert!((of_theta - 0.25).abs() < 0.02, "EVPPI of θ {of_theta}");
        let of_noise = evppi(&values, &noise);
        assert!(of_noise < 0.02, "EVPPI of an ignored parameter {of_noise}");
        assert!(of_theta <= total + 1e-12 && of_noise >= 0.0);
    }

    #[test]
    fn one_option_or_an_option_best_everywhere_is_worth_nothing_to_learn_about() {
        let (_, theta, _) = two_options(1000);
        let dominant = vec![vec![1.0; 1000], theta.clone()];
        assert_eq!(evpi(&dominant), 0.0);
        assert_eq!(evppi(&dominant, &theta), 0.0);
    }

    #[test]
    fn the_example_with_a_choice_values_information_within_its_evpi() {
        let name = "nato-membership.bulwark.json";
        let bytes = crate::assets::example(name).expect("an example");
        let scenario = crate::scenario::from_bytes(name, bytes).expect("loads");
        let found = value_of_information(&scenario, 400, 1, Weights::default());
        assert!(!found.is_empty(), "membership against no arrangement");
        for state in &found {
            assert!(state.options.len() >= 2);
            assert!(state.evpi >= 0.0);
            for p in &state.parameters {
                assert!(
                    p.evppi >= 0.0 && p.evppi <= state.evpi + 1e-12,
                    "{p:?} {}",
                    state.evpi
                );
            }
        }
    }
}
