//! Puts an assessment together: prepares each protected state, runs the Monte
//! Carlo, and turns draws and point estimates into the result types.

use super::campaign::{self, CAMPAIGN_TRACE_DAYS};
use super::credibility;
use super::decision;
use super::montecarlo::{self, StateDraws};
use super::params::{self, Params};
use super::prepared::{self, PreparedAdversary, PreparedState};
use super::progress::Progress;
use super::result::*;
use super::sensitivity;
use super::timeline;
use crate::scenario::Scenario;

/// How to run an assessment.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    /// Monte Carlo draws (at least 1).
    pub samples: u32,
    /// Seed of the random streams.
    pub seed: u64,
    /// Whether to compute the tornado (one-at-a-time swings).
    pub tornado: bool,
    /// For a scenario with a timeline: the month after the ceasefire whose
    /// scenario the answers describe (the chance by period and cumulated
    /// always covers the whole horizon). Ignored without a timeline.
    pub at_month: f64,
}

impl Default for Options {
    /// The default simulation settings (10,000 draws, seed 1), with the
    /// tornado, at the ceasefire.
    fn default() -> Self {
        let simulation = crate::scenario::Simulation::default();
        Self {
            samples: simulation.samples,
            seed: simulation.seed,
            tornado: true,
            at_month: 0.0,
        }
    }
}

impl Options {
    /// The scenario's own simulation settings, with the tornado.
    pub fn from_scenario(scenario: &Scenario) -> Self {
        Self {
            samples: scenario.simulation.samples,
            seed: scenario.simulation.seed,
            ..Self::default()
        }
    }
}

/// The full assessment, its work counted in `progress`; nothing when stopped
/// through it.
pub fn assessment(
    scenario: &Scenario,
    options: Options,
    progress: &Progress,
) -> Option<Assessment> {
    let whole = scenario;
    let at = (!whole.timeline.steps.is_empty())
        .then(|| crate::scenario::timeline::at(whole, options.at_month));
    let scenario = at.as_ref().unwrap_or(whole);
    let adversary = prepared::adversary(scenario);
    let ranges = params::ranges(scenario);
    let horizon = scenario.horizon_years;
    let states: Vec<PreparedState> = prepared::protected_states(scenario)
        .iter()
        .filter_map(|id| prepared::state(scenario, id, &|_| true))
        .collect();
    let samples = options.samples.max(1);
    progress.start(u64::from(samples), states.len() as u64);
    let draws = montecarlo::run(
        &states,
        &ranges,
        horizon,
        samples as usize,
        options.seed,
        progress,
    )?;
    let ids: Vec<String> = states.iter().map(|s| s.figures.id.clone()).collect();
    let phases = timeline::Phases::new(whole, &ids);
    let over_time = if whole.timeline.steps.is_empty() {
        Vec::new()
    } else {
        timeline::run(&phases, &ranges, samples as usize, options.seed, progress)?
    };
    let likely = params::likely(&ranges);
    let p = Params::from_values(&likely);
    let mut assessed = Vec::with_capacity(states.len());
    for (i, (state, state_draws)) in states.iter().zip(&draws).enumerate() {
        if progress.stopped() {
            return None;
        }
        let mut one = assess_state(state, &adversary, &likely, horizon, state_draws);
        let over = timeline::over(whole, &phases, state, over_time.get(i), state_draws, &p);
        one.by_period = over.by_period;
        one.cumulative = over.cumulative;
        one.windows = over.windows;
        one.steps = over.steps;
        one.sequence = over.sequence;
        if let Some(whole) = over.horizon {
            // The chance over the horizon runs through the timeline's steps.
            let held = std::mem::replace(&mut one.decision.chance_of_attack, whole);
            one.decision.chance_if_held = Some(held);
        }
        one.break_even = sensitivity::break_even(scenario, &state.figures.id, &likely);
        if options.tornado {
            one.tornado = sensitivity::tornado(state, &ranges, horizon);
        }
        progress.state_done();
        assessed.push(one);
    }
    Some(Assessment {
        title: scenario.meta.title.clone(),
        samples,
        seed: options.seed,
        horizon_years: horizon,
        at_month: at.is_some().then_some(options.at_month),
        states: assessed,
    })
}

/// One protected state's answers from its draws and its evaluation at the
/// most likely values (without the break-even and the tornado).
fn assess_state(
    state: &PreparedState,
    adversary: &PreparedAdversary,
    likely: &[f64],
    horizon: f64,
    draws: &StateDraws,
) -> StateAssessment {
    let p = Params::from_values(likely);
    let mut creds = Vec::new();
    let e = decision::evaluate(state, &p, horizon, &mut creds);
    let n = f64::from(draws.n.max(1));
    StateAssessment {
        state: state.figures.id.clone(),
        name: state.figures.name.clone(),
        arrangements: state.arrangements.clone(),
        credibility: Credibility {
            arrangement: draws.credibility.summary(),
            correlation: p.guarantor_correlation,
            guarantors: state
                .guarantors
                .iter()
                .enumerate()
                .map(|(i, guarantor)| GuarantorCredibility {
                    state: guarantor.state.clone(),
                    arrangement: guarantor.arrangement.clone(),
                    factors: credibility::CredibilityFactors {
                        // Held to its condition's (see credibility::apply_conditions),
                        // as `evaluate` left it.
                        credibility: creds.get(i).copied().unwrap_or_default(),
                        ..credibility::factors(guarantor, &p)
                    },
                    credibility: draws
                        .guarantors
                        .get(i)
                        .map(|t| t.summary())
                        .unwrap_or_default(),
                    intervened_share: f64::from(draws.intervened.get(i).copied().unwrap_or(0)) / n,
                })
                .collect(),
        },
        campaign: campaigns(state, &p, &creds, draws),
        punishment: Punishment {
            expected: draws.punishment.summary(),
            war_term: e.war_term,
            nuclear_term: e.nuclear_term,
            sanctions_term: e.sanctions_term,
            guarantor_spending_usd_bn: state.guarantors.iter().map(|g| g.spending_bn).sum(),
            adversary_spending_usd_bn: adversary.spending_bn,
        },
        decision: Decision {
            chance_of_attack: draws.attack.summary(),
            annual_hazard: e.annual_hazard,
            motive: e.motive,
            grievance: e.grievance,
            expected_success: e.success,
            success_alone: e.success_alone,
            success_helped: e.success_helped,
            chance_at_likely: e.attack,
            chance_if_held: None,
        },
        burden: burden(state, horizon),
        restraint: Restraint {
            index: state.restraint,
            measures: state
                .restraints
                .iter()
                .map(|(measure, strength)| Measure {
                    measure: measure.clone(),
                    strength: *strength,
                })
                .collect(),
            escalation_risk: draws.escalation.summary(),
        },
        acceptability: Acceptability {
            adversary: draws.adversary_accepts.summary(),
            protected_state: e.protected_accepts,
            demands: state
                .demands
                .iter()
                .map(|demand| DemandAnswer {
                    kind: demand_name(demand.kind),
                    weight: demand.weight,
                    met: demand.met,
                })
                .collect(),
            preconditions: state.preconditions,
        },
        break_even: Vec::new(),
        tornado: Vec::new(),
        by_period: Vec::new(),
        cumulative: Vec::new(),
        windows: Vec::new(),
        steps: Vec::new(),
        sequence: SequenceAcceptance::default(),
    }
}

/// The campaign along each axis of a protected state: its draws, and its day
/// by day traces at the most likely values `p`.
fn campaigns(
    state: &PreparedState,
    p: &Params,
    creds: &[f64],
    draws: &StateDraws,
) -> Vec<Campaign> {
    let n = f64::from(draws.n.max(1));
    let none = |_: usize| false;
    let all = |g: usize| creds.get(g).is_some_and(|c| *c > 0.0);
    state
        .axes
        .iter()
        .enumerate()
        .map(|(i, axis)| {
            let fell = draws.objective_day.get(i);
            let fell_count = fell.map_or(0, |t| t.count());
            let defenders = campaign::defenders_at(axis, p, &none, 0.0);
            Campaign {
                axis: axis.id.clone(),
                name: axis.name.clone(),
                distance_km: axis.distance_km,
                attacker_troops: axis.attacker_troops,
                attacker_power: campaign::attacker_power(axis, p),
                defender_power_day0: defenders,
                force_ratio_day0: campaign::attacker_power(axis, p) / defenders.max(1.0),
                fait_accompli: f64::from(draws.fait_accompli.get(i).copied().unwrap_or(0)) / n,
                held: f64::from(draws.n.saturating_sub(fell_count)) / n,
                days_to_objective: fell.filter(|t| t.count() > 0).map(|t| t.summary()),
                trace_alone: campaign::trace(axis, p, &none, CAMPAIGN_TRACE_DAYS),
                trace_helped: campaign::trace(axis, p, &all, CAMPAIGN_TRACE_DAYS),
                marks: axis.marks.clone(),
            }
        })
        .collect()
}

/// The defence burden of a protected state.
fn burden(state: &PreparedState, horizon: f64) -> Burden {
    let total = sensitivity::burden_pct(state);
    Burden {
        defence_pct_gdp: sensitivity::defence_pct(state),
        compensation_pct_gdp: state.compensation_pct,
        total_pct_gdp: total,
        total_usd_bn: state.figures.gdp_usd_bn * total / 100.0,
        over_horizon_pct_gdp_years: total * horizon.max(0.0),
        force_cap: state.force_cap,
    }
}

/// A demand kind's name as in the scenario file (snake_case).
fn demand_name(kind: crate::scenario::DemandKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
