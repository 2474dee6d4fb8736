//! The settlement over time (`docs/MODEL.md`, "The settlement over time"):
//! the chance of attack in each period and cumulated over the horizon, each
//! stretch between steps assessed from the scenario as it stands there; the
//! windows of vulnerability (the adversary's expected gain from attacking
//! above its expected cost) and the commitment problems (a side that has
//! received what it wanted from an earlier step and would pay for a later
//! one: Fearon 1995); and each step's effect on both sides' acceptance.
//!
//! Each draw takes one set of parameter values through every stretch, so the
//! cumulative chance's range is that of whole futures, not of stretches
//! drawn apart.

use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use super::decision;
use super::montecarlo::{CHUNK, StateDraws, Tally};
use super::params::{self, Params};
use super::prepared::{self, PreparedState};
use super::progress::Progress;
use super::result::{
    Distribution, PeriodChance, SequenceAcceptance, Spread, StepAcceptance, Window, WindowKind,
};
use crate::scenario::timeline::{self, Stretch};
use crate::scenario::{Scenario, Uncertain};

/// Whether a change in a side's acceptance from `before` to `after` counts
/// (see [`commitment_problems`]): by at least half a point, or a tenth of the
/// larger (an adversary that accepts almost nothing still notices its
/// acceptance doubling).
pub fn changed(before: f64, after: f64) -> bool {
    let d = (after - before).abs();
    d >= 0.005 || (d > 1e-9 && d >= 0.1 * before.max(after))
}

/// The quantiles at which a timeline's ranged rates of rebuilding are read:
/// the scenario is assessed at each, and a draw's quantile takes the hazard
/// between the two around it (linearly; see `docs/MODEL.md`).
const RATE_QUANTILES: [f64; 3] = [0.0, 0.5, 1.0];

/// The horizon's snapshots with the rates of rebuilding read at one
/// quantile of their ranges.
struct Level {
    /// The distinct snapshot of each stretch.
    snapshot_of: Vec<usize>,
    /// For each distinct snapshot, its protected states (in `ids` order;
    /// none without steps).
    states: Vec<Vec<PreparedState>>,
}

/// The horizon cut into stretches, with each distinct snapshot's protected
/// states prepared for the engine.
pub struct Phases {
    /// The stretches, in order, each within one period (with the snapshot,
    /// at the most likely rates, that holds there).
    pub stretches: Vec<Stretch>,
    /// The period each stretch lies in.
    period_of: Vec<usize>,
    /// The reporting periods (first month, end month).
    pub periods: Vec<(f64, f64)>,
    /// One level where every rate is known, else one per [`RATE_QUANTILES`].
    levels: Vec<Level>,
    /// The distinct snapshots at the most likely rates.
    scenarios: Vec<Scenario>,
}

impl Phases {
    /// The phases of `scenario` for the protected states `ids` (each must
    /// prepare in the scenario as written; a snapshot where one does not is
    /// left out of the run by giving it no states).
    pub fn new(scenario: &Scenario, ids: &[String]) -> Self {
        // Without steps the scenario stands still: a stretch a period, no
        // snapshot made (the state already prepared is the one).
        let still = scenario.timeline.steps.is_empty();
        let periods = timeline::periods(scenario);
        let (stretches, snapshots) = if still {
            let each = periods.iter().map(|(a, b)| Stretch {
                start_month: *a,
                end_month: *b,
                snapshot: 0,
            });
            (each.collect(), Vec::new())
        } else {
            timeline::stretches(scenario)
        };
        let period = scenario.timeline.period.months();
        let last = periods.len().saturating_sub(1);
        let period_of = stretches
            .iter()
            .map(|s| ((s.start_month / period + 1e-9).floor() as usize).min(last))
            .collect();
        // Without steps the main Monte Carlo's draws give every period's
        // chance: nothing to prepare here.
        let prepare = |snapshots: &[Scenario]| -> Vec<Vec<PreparedState>> {
            snapshots
                .iter()
                .map(|snapshot| {
                    ids.iter()
                        .filter(|_| !still)
                        .map(|id| prepared::state(snapshot, id, &|_| true))
                        .collect::<Option<Vec<_>>>()
                        .unwrap_or_default()
                })
                .collect()
        };
        let levels = if timeline::rates_uncertain(scenario) {
            RATE_QUANTILES
                .iter()
                .map(|q| {
                    let rate = |u: &Uncertain| params::Triangle::new(u).value(*q);
                    let (at, snapshots) = timeline::stretches_at_rates(scenario, &rate);
                    Level {
                        snapshot_of: at.iter().map(|s| s.snapshot).collect(),
                        states: prepare(&snapshots),
                    }
                })
                .collect()
        } else {
            vec![Level {
                snapshot_of: stretches.iter().map(|s| s.snapshot).collect(),
                states: prepare(&snapshots),
            }]
        };
        Self {
            stretches,
            period_of,
            periods,
            levels,
            scenarios: snapshots,
        }
    }

    /// How many protected states each snapshot holds, if every snapshot
    /// prepared them all.
    fn states(&self) -> Option<usize> {
        let count = self.levels.first()?.states.first().map_or(0, Vec::len);
        let all = self
            .levels
            .iter()
            .flat_map(|l| &l.states)
            .all(|s| s.len() == count);
        all.then_some(count)
    }
}

/// One protected state's running figures over a timeline's draws.
#[derive(Clone, Debug)]
pub struct Sums {
    /// The chance of attack in each period, given peace until it starts.
    in_period: Vec<Tally>,
    /// The chance of attack from the ceasefire to each period's end.
    cumulative: Vec<Tally>,
    /// For each stretch, the sums of the adversary's gain and cost.
    gain_and_cost: Vec<[f64; 2]>,
    /// Draws counted.
    n: u32,
}

impl Sums {
    fn new(phases: &Phases) -> Self {
        Self {
            in_period: vec![Tally::unit(); phases.periods.len()],
            cumulative: vec![Tally::unit(); phases.periods.len()],
            gain_and_cost: vec![[0.0; 2]; phases.stretches.len()],
            n: 0,
        }
    }

    fn append(&mut self, other: &Self) {
        for (a, b) in self.in_period.iter_mut().zip(&other.in_period) {
            a.merge(b);
        }
        for (a, b) in self.cumulative.iter_mut().zip(&other.cumulative) {
            a.merge(b);
        }
        for (a, b) in self.gain_and_cost.iter_mut().zip(&other.gain_and_cost) {
            a[0] += b[0];
            a[1] += b[1];
        }
        self.n += other.n;
    }
}

/// Runs `samples` draws of the whole horizon for each protected state (in
/// `ids` order as [`Phases::new`] got them); nothing when stopped.
pub fn run(
    phases: &Phases,
    ranges: &[Uncertain],
    samples: usize,
    seed: u64,
    progress: &Progress,
) -> Option<Vec<Sums>> {
    let Some(count) = phases.states() else {
        return Some(Vec::new());
    };
    let triangles = params::triangles(ranges);
    let parts: Vec<Vec<Sums>> = (0..samples.div_ceil(CHUNK))
        .into_par_iter()
        .map(|c| {
            if progress.stopped() {
                return Vec::new();
            }
            let n = CHUNK.min(samples - c * CHUNK);
            chunk(phases, &triangles, count, n, seed, c as u64)
        })
        .collect();
    if progress.stopped() {
        return None;
    }
    let mut out = vec![Sums::new(phases); count];
    for part in &parts {
        for (a, b) in out.iter_mut().zip(part) {
            a.append(b);
        }
    }
    Some(out)
}

/// One draw's figures of each snapshot of a level, by state: the yearly
/// hazard, the adversary's gain and its cost.
type LevelDraw = Vec<Vec<[f64; 3]>>;

/// Evaluates every snapshot of `level` at parameters `p` into `out`.
fn evaluate_level(level: &Level, p: &Params, creds: &mut Vec<f64>, out: &mut LevelDraw) {
    out.resize(level.states.len(), Vec::new());
    for (states, figures) in level.states.iter().zip(out.iter_mut()) {
        figures.clear();
        figures.extend(states.iter().map(|state| {
            let e = decision::evaluate(state, p, 1.0, creds);
            let (gain, cost) = decision::gain_and_cost(&e, p);
            [e.annual_hazard, gain, cost]
        }));
    }
}

/// `n` draws from random stream `stream` of `seed` (apart from the main
/// Monte Carlo's streams, so the two do not share draws by accident). With
/// ranged rates of rebuilding, each draw also takes one quantile of them all.
fn chunk(
    phases: &Phases,
    triangles: &[params::Triangle],
    count: usize,
    n: usize,
    seed: u64,
    stream: u64,
) -> Vec<Sums> {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x7469_6d65_6c69_6e65);
    rng.set_stream(stream);
    let mut out = vec![Sums::new(phases); count];
    let mut values = [0.0; params::COUNT];
    let mut creds = Vec::new();
    let (mut low, mut high): (LevelDraw, LevelDraw) = (Vec::new(), Vec::new());
    let mut survival = vec![1.0; phases.periods.len()];
    for _ in 0..n {
        params::sample(triangles, &mut rng, &mut values);
        let p = Params::from_array(&values);
        let (below, above, w) = if phases.levels.len() == 1 {
            (0, 0, 0.0)
        } else {
            let q: f64 = rng.random();
            let i = usize::from(q > RATE_QUANTILES[1]);
            let w = (q - RATE_QUANTILES[i]) / (RATE_QUANTILES[i + 1] - RATE_QUANTILES[i]);
            (i, i + 1, w)
        };
        evaluate_level(&phases.levels[below], &p, &mut creds, &mut low);
        if above != below {
            evaluate_level(&phases.levels[above], &p, &mut creds, &mut high);
        }
        let level = |i: usize| {
            (
                &phases.levels[i].snapshot_of,
                if i == below { &low } else { &high },
            )
        };
        let ((lo_of, lo), (hi_of, hi)) = (level(below), level(above));
        for (s, sums) in out.iter_mut().enumerate() {
            survival.fill(1.0);
            for (i, (stretch, period)) in phases.stretches.iter().zip(&phases.period_of).enumerate()
            {
                let a = lo[lo_of[i]][s];
                let b = hi[hi_of[i]][s];
                let mix = |k: usize| (1.0 - w) * a[k] + w * b[k];
                let years = (stretch.end_month - stretch.start_month) / 12.0;
                survival[*period] *= (1.0 - mix(0)).powf(years);
                sums.gain_and_cost[i][0] += mix(1);
                sums.gain_and_cost[i][1] += mix(2);
            }
            let mut peace = 1.0;
            for (k, kept) in survival.iter().enumerate() {
                peace *= kept;
                sums.in_period[k].add(1.0 - kept);
                sums.cumulative[k].add(1.0 - peace);
            }
            sums.n += 1;
        }
    }
    out
}

/// A protected state's figures over time, as the assessment reports them.
pub struct Over {
    /// The chance in each period.
    pub by_period: Vec<PeriodChance>,
    /// The chance cumulated to each period's end.
    pub cumulative: Vec<PeriodChance>,
    /// Windows of vulnerability and commitment problems.
    pub windows: Vec<Window>,
    /// Each step's effect on acceptance.
    pub steps: Vec<StepAcceptance>,
    /// Acceptance over the horizon.
    pub sequence: SequenceAcceptance,
    /// With a timeline: the chance of attack from the ceasefire to the
    /// horizon, over the draws (the last cumulative period's, in full).
    pub horizon: Option<Distribution>,
}

/// A protected state's figures over time: from the timeline's draws `sums`
/// where the scenario has steps, else from the main Monte Carlo's `draws`
/// (one snapshot held over the horizon, whose yearly hazard gives every
/// period's chance). `likely` are the parameters at their likely values.
pub fn over(
    scenario: &Scenario,
    phases: &Phases,
    state: &PreparedState,
    sums: Option<&Sums>,
    draws: &StateDraws,
    likely: &Params,
) -> Over {
    let (by_period, cumulative, gain_and_cost) = match sums {
        Some(sums) => {
            let n = f64::from(sums.n.max(1));
            let spread = |t: &Tally| {
                let d = t.summary();
                Spread {
                    mean: d.mean,
                    p5: d.p5,
                    p95: d.p95,
                }
            };
            (
                periods(&phases.periods, |k| spread(&sums.in_period[k])),
                periods(&phases.periods, |k| spread(&sums.cumulative[k])),
                sums.gain_and_cost
                    .iter()
                    .map(|[g, c]| [g / n, c / n])
                    .collect(),
            )
        }
        None => {
            let n = f64::from(draws.n.max(1));
            // A draw's chance over the horizon is 1 − (1 − h)^H for its
            // yearly hazard h, so over y years it is 1 − (1 − that)^(y/H):
            // one tally gives every period's.
            let horizon = (scenario.horizon_years * 12.0).max(1e-9);
            let chance = |months: f64| {
                move |attack: f64| 1.0 - (1.0 - attack).max(0.0).powf(months / horizon)
            };
            let [g, c] = draws.gain_and_cost;
            (
                periods(&phases.periods, |k| {
                    let (a, b) = phases.periods[k];
                    draws.attack.mapped(chance(b - a))
                }),
                periods(&phases.periods, |k| {
                    draws.attack.mapped(chance(phases.periods[k].1))
                }),
                vec![[g / n, c / n]; phases.stretches.len()],
            )
        }
    };
    let id = &state.figures.id;
    let names = Names::of(scenario, id);
    let steps = step_acceptance(scenario, id, likely);
    let mut windows = vulnerability(scenario, phases, &gain_and_cost, &names);
    windows.extend(commitment_problems(&steps, &names));
    windows.sort_by(|a, b| a.start_month.total_cmp(&b.start_month));
    Over {
        horizon: sums.and_then(|s| s.cumulative.last()).map(Tally::summary),
        by_period,
        cumulative,
        windows,
        sequence: sequence(phases, state, likely),
        steps,
    }
}

fn periods(periods: &[(f64, f64)], chance: impl Fn(usize) -> Spread) -> Vec<PeriodChance> {
    periods
        .iter()
        .enumerate()
        .map(|(k, (start, end))| PeriodChance {
            start_month: *start,
            end_month: *end,
            chance_of_attack: chance(k),
        })
        .collect()
}

/// The two sides' names, for the reasons given.
struct Names {
    adversary: String,
    protected: String,
}

impl Names {
    fn of(scenario: &Scenario, id: &str) -> Self {
        let name = |id: &str| prepared::find_state(scenario, id).map_or(id.to_owned(), |s| s.name);
        Self {
            adversary: name(&scenario.adversary.state),
            protected: name(id),
        }
    }
}

/// Each side's acceptance (adversary, protected state) at likely values in
/// `snapshot`; none where the state does not prepare.
fn acceptance(snapshot: &Scenario, id: &str, p: &Params) -> Option<[f64; 2]> {
    let state = prepared::state(snapshot, id, &|_| true)?;
    Some(accepted(&state, p))
}

/// Each side's acceptance (adversary, protected state) of a prepared state
/// at likely values.
fn accepted(state: &PreparedState, p: &Params) -> [f64; 2] {
    let e = decision::evaluate(state, p, 1.0, &mut Vec::new());
    [e.adversary_accepts, e.protected_accepts]
}

/// Each step in the order taken, with both sides' acceptance with the steps
/// before it and with it too, at the month it is taken.
fn step_acceptance(scenario: &Scenario, id: &str, p: &Params) -> Vec<StepAcceptance> {
    let order = timeline::in_order(&scenario.timeline.steps);
    let prefix = |k: usize, month: f64| timeline::with_steps_taken(scenario, k, month);
    order
        .iter()
        .enumerate()
        .filter_map(|(k, (month, step))| {
            let before = acceptance(&prefix(k, *month), id, p)?;
            let after = acceptance(&prefix(k + 1, *month), id, p)?;
            Some(StepAcceptance {
                id: step.id.clone(),
                name: step.name.clone(),
                month: *month,
                adversary: [before[0], after[0]],
                protected_state: [before[1], after[1]],
            })
        })
        .collect()
}

/// Both sides' acceptance over the horizon, time-weighted, and their lowest.
fn sequence(phases: &Phases, state: &PreparedState, p: &Params) -> SequenceAcceptance {
    // Without steps the one snapshot is the state already prepared.
    let each: Vec<[f64; 2]> = if phases.scenarios.is_empty() {
        vec![accepted(state, p)]
    } else {
        let id = &state.figures.id;
        phases
            .scenarios
            .iter()
            .map(|s| acceptance(s, id, p).unwrap_or_default())
            .collect()
    };
    let mut out = SequenceAcceptance {
        adversary_lowest: 1.0,
        protected_state_lowest: 1.0,
        ..SequenceAcceptance::default()
    };
    let mut months = 0.0;
    for stretch in &phases.stretches {
        let [a, b] = each.get(stretch.snapshot).copied().unwrap_or_default();
        let length = stretch.end_month - stretch.start_month;
        months += length;
        out.adversary += a * length;
        out.protected_state += b * length;
        out.adversary_lowest = out.adversary_lowest.min(a);
        out.protected_state_lowest = out.protected_state_lowest.min(b);
    }
    if months > 0.0 {
        out.adversary /= months;
        out.protected_state /= months;
    }
    out
}

/// The names of the steps taken at `month`, quoted and joined.
fn steps_at(scenario: &Scenario, month: f64) -> Option<String> {
    let names: Vec<String> = timeline::in_order(&scenario.timeline.steps)
        .iter()
        .filter(|(m, _)| (*m - month).abs() < 1e-9)
        .map(|(_, s)| format!("'{}'", s.name))
        .collect();
    (!names.is_empty()).then(|| names.join(" and "))
}

/// The stretches where the adversary's mean expected gain from attacking
/// exceeds its mean expected cost, joined where they touch, each with the
/// figures (time-weighted over the window) and the steps that open or close
/// it.
fn vulnerability(
    scenario: &Scenario,
    phases: &Phases,
    gain_and_cost: &[[f64; 2]],
    names: &Names,
) -> Vec<Window> {
    let mut runs: Vec<(f64, f64, f64, f64)> = Vec::new(); // start, end, gain·months, cost·months
    for (i, stretch) in phases.stretches.iter().enumerate() {
        let [gain, cost] = gain_and_cost.get(i).copied().unwrap_or_default();
        if gain <= cost {
            continue;
        }
        let length = stretch.end_month - stretch.start_month;
        match runs.last_mut() {
            Some(run) if (run.1 - stretch.start_month).abs() < 1e-9 => {
                run.1 = stretch.end_month;
                run.2 += gain * length;
                run.3 += cost * length;
            }
            _ => runs.push((
                stretch.start_month,
                stretch.end_month,
                gain * length,
                cost * length,
            )),
        }
    }
    let horizon = phases.periods.last().map_or(0.0, |p| p.1);
    runs.into_iter()
        .map(|(start, end, gain, cost)| {
            let length = (end - start).max(1e-9);
            let mut reason = format!(
                "{}'s expected gain from attacking ({:.2}) exceeds its expected cost ({:.2})",
                names.adversary,
                gain / length,
                cost / length
            );
            if start > 0.0
                && let Some(steps) = steps_at(scenario, start)
            {
                reason.push_str(&format!(" after {steps}"));
            }
            if end < horizon - 1e-9
                && let Some(steps) = steps_at(scenario, end)
            {
                reason.push_str(&format!(" until {steps}"));
            }
            Window {
                start_month: start,
                end_month: end,
                kind: WindowKind::Vulnerability,
                reason,
            }
        })
        .collect()
}

/// A side's name and how to read its acceptance from a step.
type Side<'a> = (&'a str, fn(&StepAcceptance) -> [f64; 2]);

/// For each step that costs a side acceptance, the earliest step before it
/// that raised that side's acceptance: from then until the later step is
/// taken, the side holds what it wanted and gains by reneging on what it
/// owes (Fearon 1995's commitment problem; Walter 2002 on settlements that
/// fail in their implementation).
fn commitment_problems(steps: &[StepAcceptance], names: &Names) -> Vec<Window> {
    let sides: [Side<'_>; 2] = [
        (&names.adversary, |s| s.adversary),
        (&names.protected, |s| s.protected_state),
    ];
    let mut out = Vec::new();
    for (side, of) in sides {
        for (j, later) in steps.iter().enumerate() {
            let [before, after] = of(later);
            if after >= before || !changed(before, after) {
                continue;
            }
            let earlier = steps[..j].iter().find(|s| {
                let [b, a] = of(s);
                a > b && changed(b, a) && s.month < later.month
            });
            if let Some(earlier) = earlier {
                out.push(Window {
                    start_month: earlier.month,
                    end_month: later.month,
                    kind: WindowKind::CommitmentProblem,
                    reason: format!(
                        "once '{}' (month {}) is done, {side} gains by reneging on '{}' (month {}): \
                         its acceptance falls from {before:.2} to {after:.2} when that step is taken",
                        earlier.name,
                        month(earlier.month),
                        later.name,
                        month(later.month),
                    ),
                });
            }
        }
    }
    out
}

/// A month as written in a reason: whole months without decimals.
fn month(m: f64) -> String {
    if m.fract() == 0.0 {
        format!("{m:.0}")
    } else {
        format!("{m:.1}")
    }
}
