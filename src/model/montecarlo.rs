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
use super::params::{self, Params, Triangle};
use super::prepared::{self, PreparedGuarantor, PreparedState};
use super::progress::Progress;
use super::result::{BINS, Distribution, Spread};
use crate::scenario::Uncertain;

/// Draws per chunk (one random stream each).
pub const CHUNK: usize = 1024;

/// Bins of a [`Tally`]: percentiles are exact to 1/RESOLUTION of its range.
pub const RESOLUTION: usize = 400;

/// A running summary of one quantity over the draws: fine histogram, sum,
/// count, least and greatest value. Merging tallies in a fixed order gives
/// bit-identical results however the draws were split between threads.
#[derive(Clone, Debug, PartialEq)]
pub struct Tally {
    low: f64,
    high: f64,
    scale: f64,
    counts: Box<[u32; RESOLUTION]>,
    sum: f64,
    n: u32,
    min: f64,
    max: f64,
}

impl Tally {
    /// An empty tally for values from `low` to `high`.
    pub fn new(low: f64, high: f64) -> Self {
        Self {
            low,
            high,
            scale: RESOLUTION as f64 / (high - low),
            counts: Box::new([0; RESOLUTION]),
            sum: 0.0,
            n: 0,
            min: f64::INFINITY,
            max: f64::NEG_INFINITY,
        }
    }

    /// An empty tally for probabilities.
    pub fn unit() -> Self {
        Self::new(0.0, 1.0)
    }

    /// Counts one value (non-finite values are skipped).
    pub fn add(&mut self, x: f64) {
        if !x.is_finite() {
            return;
        }
        let scaled = (x - self.low) * self.scale;
        // Truncation of a clamped non-negative value is its floor (NaN casts
        // to 0); through i32, whose saturating cast is cheaper than usize's.
        let bin = scaled.clamp(0.0, (RESOLUTION - 1) as f64) as i32;
        self.counts[(bin as usize).min(RESOLUTION - 1)] += 1;
        self.sum += x;
        self.n += 1;
        self.min = self.min.min(x);
        self.max = self.max.max(x);
    }

    /// Adds another tally's counts to this one.
    pub fn merge(&mut self, other: &Tally) {
        for (a, b) in self.counts.iter_mut().zip(other.counts.iter()) {
            *a += b;
        }
        self.sum += other.sum;
        self.n += other.n;
        self.min = self.min.min(other.min);
        self.max = self.max.max(other.max);
    }

    /// Number of values counted.
    pub fn count(&self) -> u32 {
        self.n
    }

    /// The mean and 90 % range of `f` of the values counted, for an `f` that
    /// never decreases: its percentiles are `f` of theirs, and its mean is
    /// taken bin by bin (each bin's values at its middle, within the values
    /// seen), so a tally of the chance over the horizon gives the chance
    /// over any period without keeping every draw.
    pub fn mapped(&self, f: impl Fn(f64) -> f64) -> Spread {
        if self.n == 0 {
            return Spread::default();
        }
        let d = self.summary();
        let width = (self.high - self.low) / RESOLUTION as f64;
        let sum: f64 = self
            .counts
            .iter()
            .enumerate()
            .filter(|(_, c)| **c > 0)
            .map(|(i, c)| {
                let middle = self.low + (i as f64 + 0.5) * width;
                f64::from(*c) * f(middle.clamp(self.min, self.max))
            })
            .sum();
        Spread {
            mean: sum / f64::from(self.n),
            p5: f(d.p5),
            p95: f(d.p95),
        }
    }

    /// Mean, percentiles (spread through their bin, within the values seen)
    /// and a coarse histogram of [`BINS`] bins over the range the draws fill
    /// (on the fine grid), so that a narrow result still shows its shape
    /// rather than one bar of a twentieth of the whole range.
    pub fn summary(&self) -> Distribution {
        let mut d = Distribution {
            hist_low: self.low,
            hist_high: self.high,
            histogram: vec![0; BINS],
            ..Distribution::default()
        };
        if self.n == 0 {
            return d;
        }
        let first = self.counts.iter().position(|&c| c > 0).unwrap_or(0);
        let last = self.counts.iter().rposition(|&c| c > 0).unwrap_or(0);
        // Fine bins to a coarse one, so that BINS of them cover the draws.
        let per_bin = (last - first + 1).div_ceil(BINS).max(1);
        let start = first.min(RESOLUTION - BINS * per_bin);
        d.mean = self.sum / f64::from(self.n);
        let width = (self.high - self.low) / RESOLUTION as f64;
        let at = |q: f64| {
            // The value of rank `q (n − 1)` (from 0), spread evenly through
            // its bin (the grouped-data percentile), within the values seen:
            // a bin is 1/400 of the range, so taking its middle put every
            // percentile of a narrow result on one value, and campaigns
            // shorter than a day (bins of 0.45 days) on a few.
            let rank = q * f64::from(self.n - 1);
            let mut seen = 0.0;
            for (i, c) in self.counts.iter().enumerate() {
                let c = f64::from(*c);
                if c > 0.0 && seen + c > rank {
                    let from = (self.low + i as f64 * width).max(self.min);
                    let to = (self.low + (i + 1) as f64 * width).min(self.max);
                    let share = (rank - seen + 0.5) / c;
                    return (from + share.clamp(0.0, 1.0) * (to - from)).clamp(self.min, self.max);
                }
                seen += c;
            }
            self.max
        };
        (d.p5, d.p50, d.p95) = (at(0.05), at(0.5), at(0.95));
        d.hist_low = self.low + start as f64 * width;
        d.hist_high = d.hist_low + (BINS * per_bin) as f64 * width;
        for (i, c) in self.counts.iter().enumerate().skip(start) {
            if let Some(h) = d.histogram.get_mut((i - start) / per_bin) {
                *h += c;
            }
        }
        d
    }
}

/// The running summaries of one protected state over the draws.
#[derive(Clone, Debug)]
pub struct StateDraws {
    /// Draws counted.
    pub n: u32,
    /// Chance of attack within the horizon.
    pub attack: Tally,
    /// Arrangement credibility.
    pub credibility: Tally,
    /// Punishment.
    pub punishment: Tally,
    /// Escalation risk.
    pub escalation: Tally,
    /// Adversary's acceptance.
    pub adversary_accepts: Tally,
    /// Each guarantor's credibility (its class's tally, see [`run`]).
    pub guarantors: Vec<Tally>,
    /// Draws in which each guarantor intervened.
    pub intervened: Vec<u32>,
    /// Day each axis's objective fell, over the draws in which it fell.
    pub objective_day: Vec<Tally>,
    /// Draws in which each axis's objective fell within the window.
    pub fait_accompli: Vec<u32>,
    /// Sums over the draws of the adversary's expected gain from attacking
    /// and of its expected cost (see [`decision::gain_and_cost`]).
    pub gain_and_cost: [f64; 2],
}

impl StateDraws {
    fn new(state: &PreparedState) -> Self {
        Self {
            n: 0,
            attack: Tally::unit(),
            credibility: Tally::unit(),
            punishment: Tally::unit(),
            escalation: Tally::unit(),
            adversary_accepts: Tally::unit(),
            guarantors: Vec::new(),
            intervened: vec![0; state.guarantors.len()],
            objective_day: vec![Tally::new(0.0, campaign::MAX_DAYS); state.axes.len()],
            fait_accompli: vec![0; state.axes.len()],
            gain_and_cost: [0.0; 2],
        }
    }

    fn append(&mut self, other: &Self) {
        self.n += other.n;
        self.attack.merge(&other.attack);
        self.credibility.merge(&other.credibility);
        self.punishment.merge(&other.punishment);
        self.escalation.merge(&other.escalation);
        self.adversary_accepts.merge(&other.adversary_accepts);
        for (a, b) in self.intervened.iter_mut().zip(&other.intervened) {
            *a += b;
        }
        for (a, b) in self.objective_day.iter_mut().zip(&other.objective_day) {
            a.merge(b);
        }
        for (a, b) in self.fait_accompli.iter_mut().zip(&other.fait_accompli) {
            *a += b;
        }
        for (a, b) in self.gain_and_cost.iter_mut().zip(other.gain_and_cost) {
            *a += b;
        }
    }
}

/// The distinct guarantors of all protected states (by credibility inputs), so
/// each draw computes each distinct credibility once: the Baltic states under
/// one alliance share all their guarantors.
struct Classes<'a> {
    /// One guarantor of each class.
    guarantors: Vec<&'a PreparedGuarantor>,
    /// For each protected state, the class of each of its guarantors.
    of_state: Vec<Vec<usize>>,
    /// For each class, the class of the guarantor it waits for, if any.
    conditions: Vec<Option<usize>>,
}

impl<'a> Classes<'a> {
    fn new(states: &'a [PreparedState]) -> Self {
        let mut guarantors: Vec<&PreparedGuarantor> = Vec::new();
        let of_state = states
            .iter()
            .map(|state| {
                state
                    .guarantors
                    .iter()
                    .map(|guarantor| {
                        guarantors
                            .iter()
                            .position(|seen| prepared::same_credibility_inputs(seen, guarantor))
                            .unwrap_or_else(|| {
                                guarantors.push(guarantor);
                                guarantors.len() - 1
                            })
                    })
                    .collect()
            })
            .collect::<Vec<Vec<usize>>>();
        let mut conditions = vec![None; guarantors.len()];
        for (state, classes) in states.iter().zip(&of_state) {
            for (guarantor, class) in state.guarantors.iter().zip(classes) {
                if let Some(c) = guarantor.condition.and_then(|c| classes.get(c)) {
                    conditions[*class] = Some(*c);
                }
            }
        }
        Self {
            guarantors,
            of_state,
            conditions,
        }
    }
}

/// Runs `samples` draws for every protected state, counting them in
/// `progress`; nothing when stopped through it.
pub fn run(
    states: &[PreparedState],
    ranges: &[Uncertain],
    horizon: f64,
    samples: usize,
    seed: u64,
    progress: &Progress,
) -> Option<Vec<StateDraws>> {
    let chunks = samples.div_ceil(CHUNK);
    let triangles = params::triangles(ranges);
    let classes = Classes::new(states);
    let parts: Vec<(Vec<StateDraws>, Vec<Tally>)> = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let n = CHUNK.min(samples - c * CHUNK);
            if progress.stopped() {
                return (Vec::new(), Vec::new());
            }
            let draw = Draw {
                states,
                triangles: &triangles,
                classes: &classes,
                horizon,
            };
            let part = draw.chunk(n, seed, c as u64);
            progress.drew(n as u64);
            part
        })
        .collect();
    if progress.stopped() {
        return None;
    }
    let mut out: Vec<StateDraws> = states.iter().map(StateDraws::new).collect();
    let mut class_tallies = vec![Tally::unit(); classes.guarantors.len()];
    for (state_draws, tallies) in &parts {
        for (a, b) in out.iter_mut().zip(state_draws) {
            a.append(b);
        }
        for (a, b) in class_tallies.iter_mut().zip(tallies) {
            a.merge(b);
        }
    }
    // Every guarantor of a class has the same credibility in every draw.
    for (draws, of_state) in out.iter_mut().zip(&classes.of_state) {
        draws.guarantors = of_state.iter().map(|k| class_tallies[*k].clone()).collect();
    }
    Some(out)
}

/// What every draw of one run shares.
struct Draw<'a> {
    states: &'a [PreparedState],
    triangles: &'a [Triangle],
    classes: &'a Classes<'a>,
    horizon: f64,
}

impl Draw<'_> {
    /// `n` draws from random stream `stream` of `seed`.
    /// Gives the states' tallies and each guarantor class's credibility tally.
    fn chunk(&self, n: usize, seed: u64, stream: u64) -> (Vec<StateDraws>, Vec<Tally>) {
        let mut rng = ChaCha8Rng::seed_from_u64(seed);
        rng.set_stream(stream);
        let mut out: Vec<StateDraws> = self.states.iter().map(StateDraws::new).collect();
        let mut class_tallies = vec![Tally::unit(); self.classes.guarantors.len()];
        let mut values = [0.0; params::COUNT];
        let (mut class_creds, mut creds, mut uniforms, mut acts) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        let mut campaigns = Campaigns::default();
        let most = self
            .states
            .iter()
            .map(|state| state.guarantors.len())
            .max()
            .unwrap_or(0);
        for _ in 0..n {
            params::sample(self.triangles, &mut rng, &mut values);
            let p = Params::from_array(&values);
            // One intervention draw per guarantor position, shared by every
            // protected state (an arrangement lists its guarantors in one order).
            let common = rng.random::<f64>() < p.guarantor_correlation;
            let shared = rng.random::<f64>();
            uniforms.clear();
            uniforms.extend((0..most).map(|_| rng.random::<f64>()));
            class_creds.clear();
            class_creds.extend(
                self.classes
                    .guarantors
                    .iter()
                    .map(|guarantor| credibility::guarantor(guarantor, &p)),
            );
            let conditions = &self.classes.conditions;
            credibility::apply_conditions(|k| conditions[k], &mut class_creds);
            for (t, c) in class_tallies.iter_mut().zip(&class_creds) {
                t.add(*c);
            }
            for ((state, draws), classes) in self
                .states
                .iter()
                .zip(out.iter_mut())
                .zip(&self.classes.of_state)
            {
                creds.clear();
                creds.extend(classes.iter().map(|k| class_creds[*k]));
                credibility::interventions(&creds, common, shared, &uniforms, &mut acts);
                credibility::apply_conditions_to_acts(|g| state.guarantors[g].condition, &mut acts);
                self.tally(state, &p, (&creds, &acts), &mut campaigns, draws);
            }
        }
        (out, class_tallies)
    }

    /// Evaluates one protected state in one draw and counts its figures;
    /// `creds` and `acts` are its guarantors' credibilities and whether each
    /// acts in the draw.
    fn tally(
        &self,
        state: &PreparedState,
        p: &Params,
        (creds, acts): (&[f64], &[bool]),
        campaigns: &mut Campaigns,
        draws: &mut StateDraws,
    ) {
        let Campaigns {
            starts,
            outcomes,
            branches,
        } = campaigns;
        starts.resize_with(state.axes.len(), campaign::Start::default);
        for (start, axis) in starts.iter_mut().zip(&state.axes) {
            start.refresh(axis, p);
        }
        let intervenes = |g: usize| acts.get(g).copied().unwrap_or(false);
        let window = p.fait_accompli_days;
        outcomes.clear();
        branches.resize(state.axes.len(), ([f64::INFINITY; 2], [None, None]));
        let runs = state
            .axes
            .iter()
            .zip(starts.iter())
            .zip(branches.iter_mut());
        outcomes.extend(runs.map(|((axis, start), (days, at))| {
            *days = decision::branch_days(axis, acts, creds, window);
            let until = campaign::MAX_DAYS;
            campaign::run_recording(axis, start, p, &intervenes, window, until, *days, at)
        }));
        let known = decision::Known {
            acts,
            outcomes: outcomes.as_slice(),
            branches: branches.as_slice(),
        };
        let e = decision::evaluate_knowing(state, p, self.horizon, creds, starts, Some(known));
        draws.n += 1;
        draws.attack.add(e.attack);
        draws.credibility.add(e.credibility);
        draws.punishment.add(e.punishment);
        draws.escalation.add(e.escalation);
        draws.adversary_accepts.add(e.adversary_accepts);
        let (gain, cost) = decision::gain_and_cost(&e, p);
        draws.gain_and_cost[0] += gain;
        draws.gain_and_cost[1] += cost;
        for (count, act) in draws.intervened.iter_mut().zip(acts) {
            *count += u32::from(*act);
        }
        for (i, o) in outcomes.iter().enumerate() {
            if let Some(day) = o.objective_day {
                draws.objective_day[i].add(day);
                draws.fait_accompli[i] += u32::from(day <= p.fait_accompli_days);
            }
        }
    }
}

/// Scratch space for one state's campaigns in a draw, kept between draws.
#[derive(Default)]
struct Campaigns {
    /// Each axis's powers in the draw.
    starts: Vec<campaign::Start>,
    /// Each axis's campaign with the guarantors who act in the draw.
    outcomes: Vec<campaign::Outcome>,
    /// Each axis's days and points where the decision's campaigns part from
    /// that one (see [`decision::Known::branches`]).
    branches: Vec<([f64; 2], [Option<campaign::Resume>; 2])>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(values: impl Iterator<Item = f64>) -> Distribution {
        let mut t = Tally::unit();
        values.for_each(|x| t.add(x));
        t.summary()
    }

    #[test]
    fn a_narrow_result_is_binned_over_its_own_range() {
        let d = tally((0..1000).map(|i| 0.10 + 0.02 * f64::from(i) / 999.0));
        let bars = d.histogram.iter().filter(|c| **c > 0).count();
        assert!(bars >= 5, "{bars} bars: {:?}", d.histogram);
        assert!(d.hist_low <= 0.10 && d.hist_high >= 0.12, "{d:?}");
        assert!(d.hist_high - d.hist_low < 0.1, "{d:?}");
        assert_eq!(d.histogram.iter().sum::<u32>(), 1000, "every draw in a bin");
    }

    #[test]
    fn a_wide_result_keeps_the_whole_range() {
        let d = tally((0..=1000).map(|i| f64::from(i) / 1000.0));
        assert_eq!((d.hist_low, d.hist_high), (0.0, 1.0));
        assert_eq!(d.histogram.len(), BINS);
        assert_eq!(d.histogram.iter().sum::<u32>(), 1001);
    }
}
