//! Point estimates, one-at-a-time swings (tornado) and break-even credibility:
//! the deterministic evaluations at chosen parameter values.

use super::decision::{self, Eval};
use super::params::{self, Params};
use super::prepared::{self, PreparedState};
use super::result::{BreakEven, TornadoBar};
use crate::scenario::parameters::CATALOGUE;
use crate::scenario::{ArrangementKind, Scenario, Uncertain};

/// Evaluates a protected state at the given parameter values.
pub fn eval_at(state: &PreparedState, values: &[f64], horizon: f64) -> Eval {
    let mut creds = Vec::new();
    decision::evaluate(state, &Params::from_values(values), horizon, &mut creds)
}

/// Chance of attack per protected state at the most likely values.
pub fn point_attack(scenario: &Scenario) -> Vec<(String, f64)> {
    let likely = params::likely(&params::ranges(scenario));
    prepared::protected_states(scenario)
        .into_iter()
        .filter_map(|id| prepared::state(scenario, &id, &|_| true))
        .map(|state| {
            let e = eval_at(&state, &likely, scenario.horizon_years);
            (state.figures.id.clone(), e.attack)
        })
        .collect()
}

/// The tornado: each parameter at its low and its high value, the others at
/// their most likely; sorted by swing, largest first.
pub fn tornado(state: &PreparedState, ranges: &[Uncertain], horizon: f64) -> Vec<TornadoBar> {
    let likely = params::likely(ranges);
    let mut bars: Vec<TornadoBar> = CATALOGUE
        .iter()
        .zip(ranges)
        .enumerate()
        .map(|(i, (param, range))| {
            let mut values = likely.clone();
            values[i] = range.low;
            let at_low = eval_at(state, &values, horizon).attack;
            values[i] = range.high;
            let at_high = eval_at(state, &values, horizon).attack;
            TornadoBar {
                parameter: param.key.into(),
                label: param.label.into(),
                low: range.low,
                high: range.high,
                attack_at_low: at_low,
                attack_at_high: at_high,
                swing: (at_high - at_low).abs(),
            }
        })
        .collect();
    bars.sort_by(|a, b| b.swing.total_cmp(&a.swing));
    bars
}

/// One option of a protected state's choice: an arrangement (or none) and
/// the state as it alone protects it.
pub struct Alternative {
    /// Arrangement id (`no_arrangement` for none).
    pub id: String,
    /// Its name.
    pub name: String,
    /// The state with only this arrangement counted.
    pub state: PreparedState,
}

/// The choice a protected state's arrangements offer: its baseline (the
/// scenario's armed-neutrality arrangement if it has one, else no
/// arrangement) and each other arrangement alone. `None` when the state
/// cannot be prepared.
pub fn alternatives(scenario: &Scenario, id: &str) -> Option<(Alternative, Vec<Alternative>)> {
    let protects = |a: &&crate::scenario::Arrangement| a.protected_states.iter().any(|p| p == id);
    let neutral = scenario
        .arrangements
        .iter()
        .filter(protects)
        .find(|a| a.kind == ArrangementKind::ArmedNeutrality);
    let state = prepared::state(scenario, id, &|a| Some(&a.id) == neutral.map(|n| &n.id))?;
    let (base_id, base_name) = neutral.map_or(
        ("no_arrangement".to_string(), "No arrangement".to_string()),
        |n| (n.id.clone(), n.name.clone()),
    );
    let baseline = Alternative {
        id: base_id,
        name: base_name,
        state,
    };
    let others = scenario
        .arrangements
        .iter()
        .filter(protects)
        .filter(|a| Some(&a.id) != neutral.map(|n| &n.id))
        .filter_map(|a| {
            Some(Alternative {
                id: a.id.clone(),
                name: a.name.clone(),
                state: prepared::state(scenario, id, &|kept| kept.id == a.id)?,
            })
        })
        .collect();
    Some((baseline, others))
}

/// Each arrangement protecting the state, alone, against its baseline (see
/// [`alternatives`]).
pub fn break_even(scenario: &Scenario, id: &str, likely: &[f64]) -> Vec<BreakEven> {
    let horizon = scenario.horizon_years;
    let Some((baseline, others)) = alternatives(scenario, id) else {
        return Vec::new();
    };
    let baseline_eval = eval_at(&baseline.state, likely, horizon);
    others
        .into_iter()
        .map(
            |Alternative {
                 id: arrangement,
                 name,
                 state: alone,
             }| {
                let e = eval_at(&alone, likely, horizon);
                BreakEven {
                    arrangement,
                    name,
                    baseline: baseline.id.clone(),
                    credibility: e.credibility,
                    chance_of_attack: e.attack,
                    baseline_chance_of_attack: baseline_eval.attack,
                    burden_pct_gdp: burden_pct(&alone),
                    baseline_burden_pct_gdp: burden_pct(&baseline.state),
                    break_even_credibility: solve(&alone, likely, horizon, baseline_eval.attack),
                    curve: (0..=10)
                        .map(|i| {
                            let c = f64::from(i) / 10.0;
                            [c, attack_at_credibility(&alone, likely, horizon, c)]
                        })
                        .collect(),
                }
            },
        )
        .collect()
}

/// The per-guarantor credibility at which the state's chance of attack falls
/// to `target` (bisection; the chance falls as credibility rises).
fn solve(state: &PreparedState, likely: &[f64], horizon: f64, target: f64) -> Option<f64> {
    let at = |c: f64| attack_at_credibility(state, likely, horizon, c);
    if state.guarantors.is_empty() {
        return (at(0.0) <= target).then_some(0.0);
    }
    if at(0.0) <= target {
        return Some(0.0);
    }
    if at(1.0) > target {
        return None;
    }
    let (mut lo, mut hi) = (0.0, 1.0);
    for _ in 0..40 {
        let mid = 0.5 * (lo + hi);
        if at(mid) > target {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    Some(hi)
}

/// The state's chance of attack with every guarantor's credibility set to `c`.
fn attack_at_credibility(state: &PreparedState, likely: &[f64], horizon: f64, c: f64) -> f64 {
    let mut overridden = state.clone();
    for guarantor in &mut overridden.guarantors {
        guarantor.credibility = Some(c);
    }
    eval_at(&overridden, likely, horizon).attack
}

/// Burden of a protected state: defence spending (scaled down by a binding
/// force cap) plus compensation, % of GDP.
pub fn burden_pct(state: &PreparedState) -> f64 {
    defence_pct(state) + state.compensation_pct.max(0.0)
}

/// Defence spending, % of GDP, scaled by cap / active troops when a cap binds.
pub fn defence_pct(state: &PreparedState) -> f64 {
    let figures = &state.figures;
    let scale = match state.force_cap {
        Some(cap) if figures.active_troops > 0.0 && cap < figures.active_troops => {
            cap / figures.active_troops
        }
        _ => 1.0,
    };
    figures.defence_pct_gdp.max(0.0) * scale.max(0.0)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_break_even_curve_falls_with_credibility_and_crosses_the_baseline_at_break_even() {
        for name in [
            "us-bilateral-28-point.bulwark.json",
            "coalition-guarantee.bulwark.json",
        ] {
            let bytes = crate::assets::example(name).expect("example");
            let s = crate::scenario::from_bytes(name, bytes).expect("valid");
            let a = crate::model::assess_with(&s, 200, 1);
            for b in a.states.iter().flat_map(|st| &st.break_even) {
                assert_eq!(b.curve.len(), 11, "{name}");
                assert_eq!((b.curve[0][0], b.curve[10][0]), (0.0, 1.0));
                assert!(
                    b.curve.windows(2).all(|w| w[1][1] <= w[0][1] + 1e-9),
                    "{name} {}: {:?}",
                    b.name,
                    b.curve
                );
                if let Some(x) = b.break_even_credibility.filter(|x| *x > 0.0) {
                    let i = ((x * 10.0).floor() as usize).min(9);
                    let (lo, hi) = (b.curve[i + 1][1], b.curve[i][1]);
                    let target = b.baseline_chance_of_attack;
                    assert!(
                        lo <= target + 1e-9 && target <= hi + 1e-9,
                        "{name}: {x} {:?}",
                        b.curve
                    );
                }
            }
        }
    }
}
