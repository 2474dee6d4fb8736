//! Puts an assessment together: prepares each protected state, runs the Monte
//! Carlo, and turns draws and point estimates into the result types.

use super::campaign::{self, CAMPAIGN_TRACE_DAYS};
use super::credibility;
use super::decision;
use super::montecarlo::{self, StateDraws};
use super::params::{self, Params};
use super::prepared::{self, Foe, Ward};
use super::result::*;
use super::sensitivity;
use crate::scenario::Scenario;

/// How to run an assessment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Options {
    /// Monte Carlo draws (at least 1).
    pub samples: u32,
    /// Seed of the random streams.
    pub seed: u64,
    /// Whether to compute the tornado (one-at-a-time swings).
    pub tornado: bool,
}

impl Options {
    /// The scenario's own simulation settings, with the tornado.
    pub fn from_scenario(scenario: &Scenario) -> Self {
        Self {
            samples: scenario.simulation.samples,
            seed: scenario.simulation.seed,
            tornado: true,
        }
    }
}

/// The full assessment.
pub fn assessment(scenario: &Scenario, options: Options) -> Assessment {
    let foe = prepared::foe(scenario);
    let ranges = params::ranges(scenario);
    let horizon = scenario.horizon_years;
    let wards: Vec<Ward> = prepared::protected_states(scenario)
        .iter()
        .filter_map(|id| prepared::ward(scenario, id, &|_| true))
        .collect();
    let samples = options.samples.max(1);
    let draws = montecarlo::run(&wards, &ranges, horizon, samples as usize, options.seed);
    let likely = params::likely(&ranges);
    let states = wards
        .iter()
        .zip(&draws)
        .map(|(ward, d)| {
            let mut s = state(ward, &foe, &likely, horizon, d);
            s.break_even = sensitivity::break_even(scenario, &ward.figures.id, &likely);
            if options.tornado {
                s.tornado = sensitivity::tornado(ward, &ranges, horizon);
            }
            s
        })
        .collect();
    Assessment {
        title: scenario.meta.title.clone(),
        samples,
        seed: options.seed,
        horizon_years: horizon,
        states,
    }
}

fn state(ward: &Ward, foe: &Foe, likely: &[f64], horizon: f64, d: &StateDraws) -> StateAssessment {
    let p = Params::from_values(likely);
    let mut creds = Vec::new();
    let e = decision::evaluate(ward, &p, horizon, &mut creds);
    let n = f64::from(d.n.max(1));
    StateAssessment {
        state: ward.figures.id.clone(),
        name: ward.figures.name.clone(),
        arrangements: ward.arrangements.clone(),
        credibility: Credibility {
            arrangement: d.credibility.summary(),
            correlation: p.guarantor_correlation,
            guarantors: ward
                .backers
                .iter()
                .enumerate()
                .map(|(i, b)| GuarantorCredibility {
                    state: b.state.clone(),
                    arrangement: b.arrangement.clone(),
                    factors: credibility::factors(b, &p),
                    credibility: d.guarantors.get(i).map(|t| t.summary()).unwrap_or_default(),
                    intervened_share: f64::from(d.intervened.get(i).copied().unwrap_or(0)) / n,
                })
                .collect(),
        },
        campaign: campaigns(ward, &p, &creds, d),
        punishment: Punishment {
            expected: d.punishment.summary(),
            war_term: e.war_term,
            nuclear_term: e.nuclear_term,
            sanctions_term: e.sanctions_term,
            guarantor_spending_usd_bn: ward.backers.iter().map(|b| b.spending_bn).sum(),
            adversary_spending_usd_bn: foe.spending_bn,
        },
        decision: Decision {
            chance_of_attack: d.attack.summary(),
            annual_hazard: e.annual_hazard,
            motive: e.motive,
            grievance: e.grievance,
            expected_success: e.success,
            success_alone: e.success_alone,
            success_helped: e.success_helped,
            chance_at_likely: e.attack,
        },
        burden: burden(ward, horizon),
        restraint: Restraint {
            index: ward.restraint,
            measures: ward
                .restraints
                .iter()
                .map(|(m, s)| Measure {
                    measure: m.clone(),
                    strength: *s,
                })
                .collect(),
            escalation_risk: d.escalation.summary(),
        },
        acceptability: Acceptability {
            adversary: d.adversary_accepts.summary(),
            protected_state: e.protected_accepts,
            demands: ward
                .demands
                .iter()
                .map(|x| DemandAnswer {
                    kind: demand_name(x.kind),
                    weight: x.weight,
                    met: x.met,
                })
                .collect(),
            preconditions: ward.preconditions,
        },
        break_even: Vec::new(),
        tornado: Vec::new(),
    }
}

fn campaigns(ward: &Ward, p: &Params, creds: &[f64], d: &StateDraws) -> Vec<Campaign> {
    let n = f64::from(d.n.max(1));
    let none = |_: usize| false;
    let all = |g: usize| creds.get(g).is_some_and(|c| *c > 0.0);
    ward.fronts
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let fell = d.objective_day.get(i);
            let fell_count = fell.map_or(0, |t| t.count());
            let defenders = campaign::defenders_at(f, p, &none, 0.0);
            Campaign {
                axis: f.id.clone(),
                name: f.name.clone(),
                distance_km: f.distance_km,
                attacker_troops: f.attacker,
                defender_troops_day0: defenders,
                force_ratio_day0: f.attacker / defenders.max(1.0),
                fait_accompli: f64::from(d.fait_accompli.get(i).copied().unwrap_or(0)) / n,
                held: f64::from(d.n.saturating_sub(fell_count)) / n,
                days_to_objective: fell.filter(|t| t.count() > 0).map(|t| t.summary()),
                trace_alone: campaign::trace(f, p, &none, CAMPAIGN_TRACE_DAYS),
                trace_helped: campaign::trace(f, p, &all, CAMPAIGN_TRACE_DAYS),
            }
        })
        .collect()
}

fn burden(ward: &Ward, horizon: f64) -> Burden {
    let total = sensitivity::burden_pct(ward);
    Burden {
        defence_pct_gdp: sensitivity::defence_pct(ward),
        compensation_pct_gdp: ward.compensation_pct,
        total_pct_gdp: total,
        total_usd_bn: ward.figures.gdp_usd_bn * total / 100.0,
        over_horizon_pct_gdp_years: total * horizon.max(0.0),
        force_cap: ward.force_cap,
    }
}

fn demand_name(kind: crate::scenario::DemandKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}
