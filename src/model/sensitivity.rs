//! Point estimates, one-at-a-time swings (tornado) and break-even credibility:
//! the deterministic evaluations at chosen parameter values.

use super::decision::{self, Eval};
use super::params::{self, Params};
use super::prepared::{self, Ward};
use super::result::{BreakEven, TornadoBar};
use crate::scenario::parameters::CATALOGUE;
use crate::scenario::{ArrangementKind, Scenario, Uncertain};

/// Evaluates a ward at the given parameter values.
pub fn eval_at(ward: &Ward, values: &[f64], horizon: f64) -> Eval {
    let mut creds = Vec::new();
    decision::evaluate(ward, &Params::from_values(values), horizon, &mut creds)
}

/// Chance of attack per protected state at the most likely values.
pub fn point_attack(scenario: &Scenario) -> Vec<(String, f64)> {
    let likely = params::likely(&params::ranges(scenario));
    prepared::protected_states(scenario)
        .into_iter()
        .filter_map(|id| prepared::ward(scenario, &id, &|_| true))
        .map(|w| {
            let e = eval_at(&w, &likely, scenario.horizon_years);
            (w.figures.id.clone(), e.attack)
        })
        .collect()
}

/// The tornado: each parameter at its low and its high value, the others at
/// their most likely; sorted by swing, largest first.
pub fn tornado(ward: &Ward, ranges: &[Uncertain], horizon: f64) -> Vec<TornadoBar> {
    let likely = params::likely(ranges);
    let mut bars: Vec<TornadoBar> = CATALOGUE
        .iter()
        .zip(ranges)
        .enumerate()
        .map(|(i, (param, range))| {
            let mut values = likely.clone();
            values[i] = range.low;
            let at_low = eval_at(ward, &values, horizon).attack;
            values[i] = range.high;
            let at_high = eval_at(ward, &values, horizon).attack;
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

/// Each arrangement protecting the state, alone, against armed neutrality: the
/// scenario's own armed-neutrality arrangement if it has one, else no arrangement.
pub fn break_even(scenario: &Scenario, id: &str, likely: &[f64]) -> Vec<BreakEven> {
    let horizon = scenario.horizon_years;
    let neutral = scenario.arrangements.iter().find(|a| {
        a.kind == ArrangementKind::ArmedNeutrality && a.protected_states.iter().any(|p| p == id)
    });
    let baseline_id = neutral.map_or("no_arrangement".to_string(), |a| a.id.clone());
    let Some(base) = prepared::ward(scenario, id, &|a| Some(&a.id) == neutral.map(|n| &n.id))
    else {
        return Vec::new();
    };
    let base_eval = eval_at(&base, likely, horizon);
    scenario
        .arrangements
        .iter()
        .filter(|a| a.protected_states.iter().any(|p| p == id))
        .filter(|a| Some(&a.id) != neutral.map(|n| &n.id))
        .filter_map(|a| {
            let ward = prepared::ward(scenario, id, &|b| b.id == a.id)?;
            let e = eval_at(&ward, likely, horizon);
            Some(BreakEven {
                arrangement: a.id.clone(),
                baseline: baseline_id.clone(),
                credibility: e.credibility,
                chance_of_attack: e.attack,
                baseline_chance_of_attack: base_eval.attack,
                burden_pct_gdp: burden_pct(&ward),
                baseline_burden_pct_gdp: burden_pct(&base),
                break_even_credibility: solve(&ward, likely, horizon, base_eval.attack),
            })
        })
        .collect()
}

/// The per-guarantor credibility at which the ward's chance of attack falls to
/// `target` (bisection; the chance falls as credibility rises).
fn solve(ward: &Ward, likely: &[f64], horizon: f64, target: f64) -> Option<f64> {
    let at = |c: f64| {
        let mut w = ward.clone();
        for b in &mut w.backers {
            b.credibility = Some(c);
        }
        eval_at(&w, likely, horizon).attack
    };
    if ward.backers.is_empty() {
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

/// Burden of a ward: defence spending (scaled down by a binding force cap) plus
/// compensation, % of GDP.
pub fn burden_pct(ward: &Ward) -> f64 {
    defence_pct(ward) + ward.compensation_pct.max(0.0)
}

/// Defence spending, % of GDP, scaled by cap / active troops when a cap binds.
pub fn defence_pct(ward: &Ward) -> f64 {
    let f = &ward.figures;
    let scale = match ward.force_cap {
        Some(cap) if f.active_troops > 0.0 && cap < f.active_troops => cap / f.active_troops,
        _ => 1.0,
    };
    f.defence_pct_gdp.max(0.0) * scale.max(0.0)
}
