//! The seeded Monte Carlo: draws every uncertain parameter from its range and
//! evaluates every protected state. Draws are split in fixed chunks, each with
//! its own ChaCha8 stream (seed, chunk index), and gathered in chunk order, so
//! the results are bit-identical on any number of threads.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::campaign;
use super::credibility;
use super::decision;
use super::params::{self, Params};
use super::prepared::{Foe, Ward};
use super::result::{BINS, Distribution};
use crate::scenario::Uncertain;

/// Draws per chunk (one random stream each).
pub const CHUNK: usize = 256;

/// The per-draw figures of one protected state.
#[derive(Clone, Debug, Default)]
pub struct StateDraws {
    /// Chance of attack within the horizon.
    pub attack: Vec<f64>,
    /// Arrangement credibility.
    pub credibility: Vec<f64>,
    /// Punishment.
    pub punishment: Vec<f64>,
    /// Escalation risk.
    pub escalation: Vec<f64>,
    /// Adversary's acceptance.
    pub adversary_accepts: Vec<f64>,
    /// Each guarantor's credibility.
    pub guarantors: Vec<Vec<f64>>,
    /// Draws in which each guarantor intervened.
    pub intervened: Vec<u32>,
    /// Day each axis's objective fell (infinity: held).
    pub objective_day: Vec<Vec<f64>>,
    /// Draws in which each axis's objective fell within the window.
    pub fait_accompli: Vec<u32>,
}

impl StateDraws {
    fn new(ward: &Ward) -> Self {
        Self {
            guarantors: vec![Vec::new(); ward.backers.len()],
            intervened: vec![0; ward.backers.len()],
            objective_day: vec![Vec::new(); ward.fronts.len()],
            fait_accompli: vec![0; ward.fronts.len()],
            ..Self::default()
        }
    }

    fn append(&mut self, other: Self) {
        self.attack.extend(other.attack);
        self.credibility.extend(other.credibility);
        self.punishment.extend(other.punishment);
        self.escalation.extend(other.escalation);
        self.adversary_accepts.extend(other.adversary_accepts);
        for (a, b) in self.guarantors.iter_mut().zip(other.guarantors) {
            a.extend(b);
        }
        for (a, b) in self.intervened.iter_mut().zip(other.intervened) {
            *a += b;
        }
        for (a, b) in self.objective_day.iter_mut().zip(other.objective_day) {
            a.extend(b);
        }
        for (a, b) in self.fait_accompli.iter_mut().zip(other.fait_accompli) {
            *a += b;
        }
    }
}

/// Runs `samples` draws for every ward.
pub fn run(
    wards: &[Ward],
    foe: &Foe,
    ranges: &[Uncertain],
    horizon: f64,
    samples: usize,
    seed: u64,
) -> Vec<StateDraws> {
    let chunks = samples.div_ceil(CHUNK);
    let parts: Vec<Vec<StateDraws>> = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let n = CHUNK.min(samples - c * CHUNK);
            chunk(wards, foe, ranges, horizon, n, seed, c as u64)
        })
        .collect();
    let mut out: Vec<StateDraws> = wards.iter().map(StateDraws::new).collect();
    for part in parts {
        for (a, b) in out.iter_mut().zip(part) {
            a.append(b);
        }
    }
    out
}

fn chunk(
    wards: &[Ward],
    foe: &Foe,
    ranges: &[Uncertain],
    horizon: f64,
    n: usize,
    seed: u64,
    stream: u64,
) -> Vec<StateDraws> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    rng.set_stream(stream);
    let mut out: Vec<StateDraws> = wards.iter().map(StateDraws::new).collect();
    let (mut values, mut creds, mut uniforms, mut acts) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for _ in 0..n {
        params::sample(ranges, &mut rng, &mut values);
        let p = Params::from_values(&values);
        for (ward, draws) in wards.iter().zip(out.iter_mut()) {
            let e = decision::evaluate(ward, foe, &p, horizon, &mut creds);
            draws.attack.push(e.attack);
            draws.credibility.push(e.credibility);
            draws.punishment.push(e.punishment);
            draws.escalation.push(e.escalation);
            draws.adversary_accepts.push(e.adversary_accepts);
            let common = rng.random::<f64>() < p.guarantor_correlation;
            let shared = rng.random::<f64>();
            uniforms.clear();
            uniforms.extend((0..creds.len()).map(|_| rng.random::<f64>()));
            credibility::interventions(&creds, common, shared, &uniforms, &mut acts);
            for (i, c) in creds.iter().enumerate() {
                draws.guarantors[i].push(*c);
                draws.intervened[i] += u32::from(acts[i]);
            }
            let intervenes = |g: usize| acts.get(g).copied().unwrap_or(false);
            for (i, front) in ward.fronts.iter().enumerate() {
                let o = campaign::run(front, &p, &intervenes, p.fait_accompli_days);
                let day = o.objective_day.unwrap_or(f64::INFINITY);
                draws.objective_day[i].push(day);
                draws.fait_accompli[i] += u32::from(day <= p.fait_accompli_days);
            }
        }
    }
    out
}

/// Mean, percentiles and histogram of `values` (non-finite values skipped),
/// with the histogram spanning `low` to `high`.
pub fn summarise(values: &[f64], low: f64, high: f64) -> Distribution {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return Distribution {
            hist_low: low,
            hist_high: high,
            histogram: vec![0; BINS],
            ..Distribution::default()
        };
    }
    let n = v.len();
    let mean = v.iter().sum::<f64>() / n as f64;
    // Selection instead of a full sort: the value at a rank is the same either way.
    let mut at = |q: f64| {
        let i = ((q * (n - 1) as f64).round() as usize).min(n - 1);
        *v.select_nth_unstable_by(i, f64::total_cmp).1
    };
    let (p5, p50, p95) = (at(0.05), at(0.5), at(0.95));
    let mut histogram = vec![0_u32; BINS];
    let width = (high - low) / BINS as f64;
    for x in &v {
        let bin = if width > 0.0 {
            ((x - low) / width).floor().clamp(0.0, (BINS - 1) as f64) as usize
        } else {
            0
        };
        if let Some(h) = histogram.get_mut(bin) {
            *h += 1;
        }
    }
    Distribution {
        mean,
        p5,
        p50,
        p95,
        hist_low: low,
        hist_high: high,
        histogram,
    }
}

/// Summary of values that lie in [0, 1].
pub fn summarise_unit(values: &[f64]) -> Distribution {
    summarise(values, 0.0, 1.0)
}

/// Summary with the histogram spanning the values' own range.
pub fn summarise_span(values: &[f64]) -> Distribution {
    let finite = values.iter().copied().filter(|x| x.is_finite());
    let low = finite.clone().fold(f64::INFINITY, f64::min);
    let high = finite.fold(f64::NEG_INFINITY, f64::max);
    if low.is_finite() && high.is_finite() {
        summarise(values, low, high)
    } else {
        summarise(values, 0.0, 1.0)
    }
}
