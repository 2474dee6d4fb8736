//! Global sensitivity: first- and total-order Sobol indices of the chance of
//! attack, the time to objective and the adversary's acceptability, over every
//! uncertain parameter at once, so interactions a one-at-a-time tornado misses
//! show as the gap between a parameter's total and first-order index.
//!
//! Method (see `docs/MODEL.md`, Global sensitivity):
//! - Sampling: Saltelli's scheme (Saltelli 2002; Saltelli et al. 2010,
//!   "Variance based sensitivity analysis of model output. Design and
//!   estimator for the total sensitivity index", Computer Physics
//!   Communications 181): two independent matrices A and B of N rows, and for
//!   each parameter i the matrix AB_i, A with column i taken from B; N (k + 2)
//!   evaluations for k parameters. The rows are pseudo-random (ChaCha8, seeded)
//!   rather than a quasi-random sequence: the estimators are unbiased either
//!   way, and pseudo-random rows keep the bootstrap's resampling valid.
//! - First order: Saltelli et al. 2010's estimator (their Table 2, b),
//!   V_i ≈ mean(f(B) (f(AB_i) − f(A))).
//! - Total order: Jansen's estimator (Jansen 1999; Table 2, f in Saltelli et
//!   al. 2010), V_Ti ≈ mean((f(A) − f(AB_i))²) / 2.
//! - Both divided by the variance of f over A and B together.
//! - Confidence intervals: the 2.5th and 97.5th percentiles of the indices
//!   over bootstrap resamples of the rows (Archer, Saltelli & Sobol 1997).
//!
//! The estimation is written here rather than taken from a crate: no Rust
//! crate we found implements Saltelli's design with these estimators, and the
//! whole of it is the few sums below, checked against the Ishigami function's
//! analytic indices in the tests.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use serde::Serialize;

use super::campaign::{self, MAX_DAYS};
use super::decision;
use super::params::{self, Params, Triangle};
use super::prepared::{self, PreparedState};
use super::progress::Progress;
use crate::scenario::Scenario;
use crate::scenario::parameters::CATALOGUE;

/// Bootstrap resamples for the confidence intervals.
pub const BOOTSTRAP: usize = 200;

/// The fewest base samples the panel uses (the "panel's sample size").
pub const PANEL_SAMPLES: usize = 2048;

/// An estimate with its 95 % bootstrap interval.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Interval {
    /// The estimate from every row.
    pub estimate: f64,
    /// 2.5th percentile over the bootstrap resamples.
    pub low: f64,
    /// 97.5th percentile over the bootstrap resamples.
    pub high: f64,
}

/// First- and total-order indices of one input on one output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Index {
    /// Share of the output's variance the input explains alone.
    pub first: Interval,
    /// Share of the variance it explains with all its interactions.
    pub total: Interval,
}

/// The indices of every input on one output.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OutputIndices {
    /// The output's variance over the A and B rows.
    pub variance: f64,
    /// Each input's indices, in input order.
    pub inputs: Vec<Index>,
}

/// Indices of `model` over `k` inputs, each uniform on 0 to 1, for each of
/// its `outputs` outputs. `model` writes its outputs
/// for one input row into the slice it is given. `n` base rows, `seed` for
/// the rows and the bootstrap; `progress` hears the evaluations done and can
/// stop the run (then `None`).
pub fn indices<F>(
    k: usize,
    outputs: usize,
    n: usize,
    seed: u64,
    progress: &Progress,
    model: F,
) -> Option<Vec<OutputIndices>>
where
    F: Fn(&[f64], &mut [f64]) + Sync,
{
    let n = n.max(2);
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let a: Vec<f64> = (0..n * k).map(|_| rng.random()).collect();
    let b: Vec<f64> = (0..n * k).map(|_| rng.random()).collect();
    // Per row: f(A), f(B), then f(AB_i) for each i; `outputs` values each.
    let width = (k + 2) * outputs;
    let mut f = vec![0.0; n * width];
    f.par_chunks_mut(width)
        .enumerate()
        .try_for_each(|(j, row)| {
            if progress.stopped() {
                return None;
            }
            let (ra, rb) = (&a[j * k..(j + 1) * k], &b[j * k..(j + 1) * k]);
            model(ra, &mut row[..outputs]);
            model(rb, &mut row[outputs..2 * outputs]);
            let mut mixed = ra.to_vec();
            for i in 0..k {
                mixed[i] = rb[i];
                let at = (2 + i) * outputs;
                model(&mixed, &mut row[at..at + outputs]);
                mixed[i] = ra[i];
            }
            progress.drew((k + 2) as u64);
            Some(())
        })?;
    let evaluations = Evaluations { f, k, outputs };
    let all: Vec<usize> = (0..n).collect();
    let resamples: Vec<Vec<usize>> = (0..BOOTSTRAP)
        .map(|_| (0..n).map(|_| rng.random_range(0..n)).collect())
        .collect();
    Some(
        (0..outputs)
            .map(|o| {
                let whole = evaluations.estimate(o, &all);
                let boot: Vec<Vec<(f64, f64)>> = resamples
                    .par_iter()
                    .map(|rows| evaluations.estimate(o, rows))
                    .collect();
                let inputs = (0..k)
                    .map(|i| Index {
                        first: interval(whole[i].0, boot.iter().map(|b| b[i].0)),
                        total: interval(whole[i].1, boot.iter().map(|b| b[i].1)),
                    })
                    .collect();
                OutputIndices {
                    variance: evaluations.variance(o, &all).1,
                    inputs,
                }
            })
            .collect(),
    )
}

/// The model's values on every row of the design.
struct Evaluations {
    f: Vec<f64>,
    k: usize,
    outputs: usize,
}

impl Evaluations {
    fn at(&self, row: usize, block: usize, output: usize) -> f64 {
        self.f[row * (self.k + 2) * self.outputs + block * self.outputs + output]
    }

    /// Mean and variance of `output` over the A and B blocks of `rows`.
    fn variance(&self, output: usize, rows: &[usize]) -> (f64, f64) {
        let count = 2.0 * rows.len() as f64;
        let mean = rows
            .iter()
            .map(|&j| self.at(j, 0, output) + self.at(j, 1, output))
            .sum::<f64>()
            / count;
        let squares = rows
            .iter()
            .map(|&j| {
                (self.at(j, 0, output) - mean).powi(2) + (self.at(j, 1, output) - mean).powi(2)
            })
            .sum::<f64>();
        (mean, squares / count)
    }

    /// (first, total) of each input on `output`, over `rows` (with repeats).
    fn estimate(&self, output: usize, rows: &[usize]) -> Vec<(f64, f64)> {
        let count = rows.len() as f64;
        let (mean, variance) = self.variance(output, rows);
        // A (numerically) constant output: nothing explains its variance.
        if variance <= 1e-12 * (1.0 + mean * mean) {
            return vec![(0.0, 0.0); self.k];
        }
        (0..self.k)
            .map(|i| {
                let (mut first, mut total) = (0.0, 0.0);
                for &j in rows {
                    let (fa, fb) = (self.at(j, 0, output), self.at(j, 1, output));
                    let fab = self.at(j, 2 + i, output);
                    first += fb * (fab - fa);
                    total += (fa - fab) * (fa - fab);
                }
                (first / count / variance, total / (2.0 * count) / variance)
            })
            .collect()
    }
}

/// `estimate` with the 2.5th and 97.5th percentiles of `resampled`.
fn interval(estimate: f64, resampled: impl Iterator<Item = f64>) -> Interval {
    let mut values: Vec<f64> = resampled.collect();
    values.sort_by(f64::total_cmp);
    let at = |q: f64| {
        if values.is_empty() {
            return estimate;
        }
        values[((values.len() - 1) as f64 * q).round() as usize]
    };
    Interval {
        estimate,
        low: at(0.025),
        high: at(0.975),
    }
}

/// The outputs whose variance is apportioned, in the order of
/// [`StateSensitivity::outputs`]: key and label.
pub const OUTPUTS: [(&str, &str); 3] = [
    ("chance_of_attack", "Chance of attack"),
    ("days_to_objective", "Time to objective (days)"),
    ("adversary_acceptability", "Acceptable to the adversary"),
];

/// One parameter's indices on one output.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ParameterIndex {
    /// The parameter's key in the catalogue.
    pub parameter: String,
    /// Its label.
    pub label: String,
    /// Its indices.
    #[serde(flatten)]
    pub index: Index,
}

/// The indices of every uncertain parameter on one output, largest total
/// effect first.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OutputSensitivity {
    /// The output's key (see [`OUTPUTS`]).
    pub output: String,
    /// Its label.
    pub label: String,
    /// Variance of the output over the design's A and B rows.
    pub variance: f64,
    /// The parameters, by total index, largest first.
    pub parameters: Vec<ParameterIndex>,
}

/// The global sensitivity of one protected state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateSensitivity {
    /// The state's id.
    pub state: String,
    /// Its name.
    pub name: String,
    /// Base samples N (the model ran N × (parameters + 2) times).
    pub samples: usize,
    /// Seed of the rows and the bootstrap.
    pub seed: u64,
    /// One entry per output of [`OUTPUTS`].
    pub outputs: Vec<OutputSensitivity>,
}

/// The Sobol indices of every protected state of `scenario` over its
/// uncertain parameters (those whose range has width), `samples` base rows;
/// `None` when stopped through `progress`, which hears every evaluation
/// (see [`evaluations`] for how many there are).
pub fn sensitivity(
    scenario: &Scenario,
    samples: usize,
    seed: u64,
    progress: &Progress,
) -> Option<Vec<StateSensitivity>> {
    let ranges = params::ranges(scenario);
    let triangles = params::triangles(&ranges);
    let uncertain: Vec<usize> = (0..ranges.len())
        .filter(|i| ranges[*i].high > ranges[*i].low)
        .collect();
    let fixed: Vec<f64> = triangles.iter().map(|t| t.value(0.5)).collect();
    let horizon = scenario.horizon_years;
    progress.start(evaluations(scenario, samples), 1);
    let found = prepared::protected_states(scenario)
        .into_iter()
        .filter_map(|id| prepared::state(scenario, &id, &|_| true))
        .map(|state| {
            let model = |u: &[f64], out: &mut [f64]| {
                let values = values_at(&fixed, &triangles, &uncertain, u);
                let [attack, days, accepts] = outputs_at(&state, &values, horizon);
                out.copy_from_slice(&[attack, days, accepts]);
            };
            let found = indices(
                uncertain.len(),
                OUTPUTS.len(),
                samples,
                seed,
                progress,
                model,
            )?;
            Some(state_sensitivity(&state, samples, seed, &uncertain, found))
        })
        .collect();
    progress.state_done();
    found
}

/// Whether [`sensitivity`] at `samples` base rows fits the engine's work
/// limit (each row's evaluations counted as draws of the Monte Carlo); the
/// reason when not.
pub fn within_budget(scenario: &Scenario, samples: usize) -> Result<(), String> {
    let states = prepared::protected_states(scenario).len().max(1) as u64;
    let per_state = evaluations(scenario, samples) / states;
    let draws = u32::try_from(per_state).unwrap_or(u32::MAX);
    super::within_budget(scenario, draws).map_err(|why| {
        format!("the global sensitivity at {samples} base samples is too large ({why})")
    })
}

/// How many model evaluations [`sensitivity`] makes.
pub fn evaluations(scenario: &Scenario, samples: usize) -> u64 {
    let ranges = params::ranges(scenario);
    let k = ranges.iter().filter(|r| r.high > r.low).count();
    let states = prepared::protected_states(scenario).len();
    (samples.max(2) * (k + 2) * states) as u64
}

/// Every parameter's value: the uncertain ones at cumulative probabilities
/// `u`, the others at their only value.
fn values_at(fixed: &[f64], triangles: &[Triangle], uncertain: &[usize], u: &[f64]) -> Vec<f64> {
    let mut values = fixed.to_vec();
    for (i, x) in uncertain.iter().zip(u) {
        values[*i] = triangles[*i].value(*x);
    }
    values
}

/// The three outputs at `values`: the chance of attack, the days until the
/// first axis's objective falls with no guarantor fighting ([`MAX_DAYS`] if
/// none falls), and the adversary's acceptance.
fn outputs_at(state: &PreparedState, values: &[f64], horizon: f64) -> [f64; 3] {
    let p = Params::from_values(values);
    let mut creds = Vec::new();
    let e = decision::evaluate(state, &p, horizon, &mut creds);
    let days = state
        .axes
        .iter()
        .filter_map(|axis| campaign::run(axis, &p, &|_| false, p.fait_accompli_days).objective_day)
        .fold(MAX_DAYS, f64::min);
    [e.attack, days, e.adversary_accepts]
}

fn state_sensitivity(
    state: &PreparedState,
    samples: usize,
    seed: u64,
    uncertain: &[usize],
    found: Vec<OutputIndices>,
) -> StateSensitivity {
    let outputs = OUTPUTS
        .iter()
        .zip(found)
        .map(|((key, label), found)| {
            let mut parameters: Vec<ParameterIndex> = uncertain
                .iter()
                .zip(found.inputs)
                .map(|(i, index)| ParameterIndex {
                    parameter: CATALOGUE[*i].key.into(),
                    label: CATALOGUE[*i].label.into(),
                    index,
                })
                .collect();
            parameters.sort_by(|a, b| b.index.total.estimate.total_cmp(&a.index.total.estimate));
            OutputSensitivity {
                output: (*key).into(),
                label: (*label).into(),
                variance: found.variance,
                parameters,
            }
        })
        .collect();
    StateSensitivity {
        state: state.figures.id.clone(),
        name: state.figures.name.clone(),
        samples,
        seed,
        outputs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::f64::consts::PI;

    /// The Ishigami function (Ishigami & Homma 1990) on inputs uniform on
    /// [−π, π], with a = 7, b = 0.1: the standard test of Sobol estimators.
    fn ishigami(u: &[f64], out: &mut [f64]) {
        let x: Vec<f64> = u.iter().map(|v| -PI + 2.0 * PI * v).collect();
        out[0] = x[0].sin() + 7.0 * x[1].sin().powi(2) + 0.1 * x[2].powi(4) * x[0].sin();
    }

    /// Its analytic indices: V = a²/8 + bπ⁴/5 + b²π⁸/18 + 1/2,
    /// V1 = bπ⁴/5 + b²π⁸/50 + 1/2, V2 = a²/8, V3 = 0,
    /// VT1 = V1 + 8b²π⁸/225, VT2 = V2, VT3 = 8b²π⁸/225.
    fn analytic() -> ([f64; 3], [f64; 3]) {
        let (a, b) = (7.0_f64, 0.1_f64);
        let pi4 = PI.powi(4);
        let pi8 = PI.powi(8);
        let v = a * a / 8.0 + b * pi4 / 5.0 + b * b * pi8 / 18.0 + 0.5;
        let v1 = b * pi4 / 5.0 + b * b * pi8 / 50.0 + 0.5;
        let v2 = a * a / 8.0;
        let v13 = 8.0 * b * b * pi8 / 225.0;
        ([v1 / v, v2 / v, 0.0], [(v1 + v13) / v, v2 / v, v13 / v])
    }

    #[test]
    fn the_ishigami_functions_indices_are_reproduced_within_two_hundredths() {
        let found = indices(3, 1, 20_000, 7, &Progress::default(), ishigami).expect("ran");
        let (first, total) = analytic();
        for i in 0..3 {
            let got = found[0].inputs[i];
            assert!(
                (got.first.estimate - first[i]).abs() <= 0.02,
                "S{}: {} against {}",
                i + 1,
                got.first.estimate,
                first[i]
            );
            assert!(
                (got.total.estimate - total[i]).abs() <= 0.02,
                "ST{}: {} against {}",
                i + 1,
                got.total.estimate,
                total[i]
            );
            assert!(got.first.low <= got.first.estimate && got.first.estimate <= got.first.high);
            assert!(got.total.low <= got.total.estimate && got.total.estimate <= got.total.high);
        }
        // x3 acts only with x1: no first-order effect, a total one.
        assert!(found[0].inputs[2].total.estimate - found[0].inputs[2].first.estimate > 0.2);
    }

    #[test]
    fn an_input_the_model_ignores_has_no_effect_and_a_constant_output_none_at_all() {
        let model = |u: &[f64], out: &mut [f64]| {
            out[0] = 3.0 * u[0];
            out[1] = 1.0;
        };
        let found = indices(2, 2, 4_000, 1, &Progress::default(), model).expect("ran");
        assert!((found[0].inputs[0].first.estimate - 1.0).abs() < 0.02);
        assert!((found[0].inputs[0].total.estimate - 1.0).abs() < 0.02);
        assert!(found[0].inputs[1].total.estimate.abs() < 1e-12);
        assert!(
            found[1]
                .inputs
                .iter()
                .all(|i| i.first.estimate == 0.0 && i.total.estimate == 0.0)
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_indices() {
        let run = || indices(3, 1, 500, 3, &Progress::default(), ishigami);
        assert_eq!(run(), run());
    }
}
