//! One evaluation of a protected state at one set of parameter values: denial,
//! punishment, the adversary's motive and the chance of a renewed major attack
//! within the horizon, plus restraint and acceptability. Pure arithmetic, used
//! by every Monte Carlo draw, the point estimate, the tornado and the break-even.

use super::campaign;
use super::credibility;
use super::math::clamp01;
use super::params::Params;
use super::prepared::PreparedState;

/// Benson (2011): unconditional pacts raise the member's own initiation by ~249%.
pub const MORAL_HAZARD: f64 = 2.49;

/// The figures of one evaluation.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Eval {
    /// Chance that at least one guarantor fights.
    pub credibility: f64,
    /// Share of the routes taken within the window if no guarantor intervenes.
    pub success_alone: f64,
    /// Share of the routes taken within the window if every guarantor intervenes.
    pub success_helped: f64,
    /// Expected success: the two above weighted by credibility.
    pub success: f64,
    /// Conventional war term of the punishment.
    pub war_term: f64,
    /// Nuclear term of the punishment.
    pub nuclear_term: f64,
    /// Sanctions term of the punishment.
    pub sanctions_term: f64,
    /// Combined punishment, 0 to 1.
    pub punishment: f64,
    /// Unmet demands, 0 to 1.
    pub grievance: f64,
    /// Adversary's motive, 0 to 1.
    pub motive: f64,
    /// Yearly chance of attack.
    pub annual_hazard: f64,
    /// Chance of a renewed major attack within the horizon.
    pub attack: f64,
    /// Chance that the protected state itself starts an escalation.
    pub escalation: f64,
    /// Chance the adversary accepts the settlement.
    pub adversary_accepts: f64,
    /// Chance the protected state accepts the settlement.
    pub protected_accepts: f64,
}

/// Evaluates `state` at parameters `p`; `creds` is scratch space for the
/// guarantors' credibilities (left filled on return).
pub fn evaluate(state: &PreparedState, p: &Params, horizon: f64, creds: &mut Vec<f64>) -> Eval {
    creds.clear();
    for (i, guarantor) in state.guarantors.iter().enumerate() {
        let same = state.same_as.get(i).copied().unwrap_or(i);
        let c = match creds.get(same) {
            Some(c) if same < i => *c,
            _ => credibility::guarantor(guarantor, p),
        };
        creds.push(c);
    }
    credibility::apply_conditions(|g| state.guarantors[g].condition, creds);
    let starts: Vec<campaign::Start> = state
        .axes
        .iter()
        .map(|axis| campaign::Start::new(axis, p))
        .collect();
    evaluate_given(state, p, horizon, creds, &starts)
}

/// Evaluates `state` at parameters `p` given its guarantors' credibilities
/// `creds` (as [`credibility::guarantor`] computes them, in guarantor order),
/// so a caller evaluating many states can compute each distinct one once.
/// `starts` gives each axis's powers in this draw (see [`campaign::Start`]).
pub fn evaluate_given(
    state: &PreparedState,
    p: &Params,
    horizon: f64,
    creds: &[f64],
    starts: &[campaign::Start],
) -> Eval {
    evaluate_knowing(state, p, horizon, creds, starts, None)
}

/// [`evaluate_given`], knowing the campaigns already run on each axis with
/// the guarantors that act in this draw (`acts`, by guarantor): where no
/// guarantor or every guarantor acting would give the same campaign, it is
/// not run again.
pub fn evaluate_knowing(
    state: &PreparedState,
    p: &Params,
    horizon: f64,
    creds: &[f64],
    starts: &[campaign::Start],
    known: Option<Known<'_>>,
) -> Eval {
    let credibility = credibility::combined(creds, p.guarantor_correlation);
    let (success_alone, success_helped) = denial(state, p, creds, starts, known);
    let success = clamp01((1.0 - credibility) * success_alone + credibility * success_helped);
    let (war_term, nuclear_term, sanctions_term) = punishment_terms(state, p, creds, credibility);
    // Breaking its own non-aggression pact costs the adversary a little.
    let pact_term = if state.non_aggression {
        clamp01(p.non_aggression_cost)
    } else {
        0.0
    };
    let punishment =
        1.0 - (1.0 - war_term) * (1.0 - nuclear_term) * (1.0 - sanctions_term) * (1.0 - pact_term);
    let grievance = state.grievance;
    let floor = clamp01(p.grievance_floor);
    let motive = clamp01(p.adversary_resolve) * (floor + (1.0 - floor) * grievance);
    let attrition = clamp01(p.attrition_value);
    let value_of_war = attrition + (1.0 - attrition) * success;
    let annual_hazard =
        clamp01(clamp01(p.max_annual_attack_rate) * motive * value_of_war * (1.0 - punishment));
    let attack = clamp01(1.0 - survival(annual_hazard, horizon));
    let restraint = state.restraint;
    let escalation = clamp01(
        clamp01(p.protege_initiation) * (1.0 + MORAL_HAZARD * credibility * (1.0 - restraint)),
    );
    let precondition = if state.preconditions > 0 && state.defence_guarantee {
        1.0 - clamp01(p.precondition_penalty)
    } else {
        1.0
    };
    Eval {
        credibility,
        success_alone,
        success_helped,
        success,
        war_term,
        nuclear_term,
        sanctions_term,
        punishment: clamp01(punishment),
        grievance,
        motive,
        annual_hazard,
        attack,
        escalation,
        adversary_accepts: clamp01((1.0 - grievance) * precondition),
        protected_accepts: protected_accepts(state, p, credibility),
    }
}

/// The adversary's expected gain from attacking (its motive times the value
/// of the war: what attrition alone is worth, and the expected success) and
/// its expected cost (the punishment), both 0 to 1, as the yearly chance of
/// attack weighs them: where the gain exceeds the cost, the defence leaves a
/// window of vulnerability.
pub fn gain_and_cost(e: &Eval, p: &Params) -> (f64, f64) {
    let attrition = clamp01(p.attrition_value);
    let value_of_war = attrition + (1.0 - attrition) * e.success;
    (e.motive * value_of_war, e.punishment)
}

/// The campaign on `axis` up to the window with `intervenes` acting: the one
/// already run on axis `known.1`, if those acting there would give the same
/// (they agree on every guarantor with forces arriving on the axis before the
/// window closes: later arrivals cannot change the ground taken by then).
/// Where they differ, it goes on from the last point that campaign passed
/// before the first arrival they disagree on, if it kept one (`which`: 0 for
/// no one helping, 1 for everyone; see [`branch_days`]).
fn window_campaign<F: Fn(usize) -> bool>(
    axis: &super::prepared::PreparedAxis,
    start: &campaign::Start,
    p: &Params,
    intervenes: &F,
    window: f64,
    known: Option<(Known<'_>, usize, usize)>,
) -> campaign::Outcome {
    if let Some((k, i, which)) = known
        && let Some((days, points)) = k.branches.get(i)
    {
        // They agree on every arrival before the window: the same campaign.
        if days[which].is_infinite() {
            return k.outcomes[i];
        }
        if let Some(from) = &points[which] {
            return campaign::run_resumed(axis, start, p, intervenes, window, window, from);
        }
    }
    campaign::run_from(axis, start, p, intervenes, window, window)
}

/// For the decision's two campaigns on `axis` (no one helping, everyone
/// with some credibility helping), the day of the first arrival before the
/// window on which they disagree with the guarantors who act in the draw
/// (`acts`); infinite where they agree on all.
pub fn branch_days(
    axis: &super::prepared::PreparedAxis,
    acts: &[bool],
    creds: &[f64],
    window: f64,
) -> [f64; 2] {
    let acts = |g: usize| acts.get(g).copied().unwrap_or(false);
    let all = |g: usize| creds.get(g).is_some_and(|c| *c > 0.0);
    let first = |helps: &dyn Fn(usize) -> bool| {
        axis.reinforcements
            .iter()
            .take_while(|r| r.day < window)
            .find(|r| acts(r.guarantor) != helps(r.guarantor))
            .map_or(f64::INFINITY, |r| r.day)
    };
    [first(&|_| false), first(&all)]
}

/// Campaigns already run in a draw (see [`evaluate_knowing`]).
#[derive(Clone, Copy, Debug)]
pub struct Known<'a> {
    /// Whether each guarantor acts in the draw.
    pub acts: &'a [bool],
    /// Each axis's campaign with those guarantors acting, to the end, with
    /// the ground taken by the fait-accompli window.
    pub outcomes: &'a [campaign::Outcome],
    /// For each axis and the decision's two campaigns, the day they part
    /// from that campaign ([`branch_days`]) and the point of it to go on
    /// from, if it passed one before that day.
    pub branches: &'a [([f64; 2], [Option<campaign::Resume>; 2])],
}

/// Chance of no attack in `years` at a yearly chance `h`: (1 - h)^years
/// (by repeated multiplication for whole years, which is faster).
fn survival(h: f64, years: f64) -> f64 {
    let years = years.max(0.0);
    if years.fract() == 0.0 && years <= 64.0 {
        (1.0 - h).powi(years as i32)
    } else {
        (1.0 - h).powf(years)
    }
}

/// Share of the routes the attacker covers within the window, weighted by the
/// adversary's share on each axis: (no guarantor intervenes, all intervene).
pub fn denial(
    state: &PreparedState,
    p: &Params,
    creds: &[f64],
    starts: &[campaign::Start],
    known: Option<Known<'_>>,
) -> (f64, f64) {
    let (mut alone, mut helped, mut weights) = (0.0, 0.0, 0.0);
    let none = |_: usize| false;
    let all = |g: usize| creds.get(g).is_some_and(|c| *c > 0.0);
    let equal = state.axes.iter().all(|axis| axis.weight <= 0.0);
    for (i, (axis, start)) in state.axes.iter().zip(starts).enumerate() {
        let weight = if equal { 1.0 } else { axis.weight.max(0.0) };
        let window = p.fait_accompli_days;
        let km = axis.distance_km;
        let (known_alone, known_helped) = (known.map(|k| (k, i, 0)), known.map(|k| (k, i, 1)));
        alone += weight * window_campaign(axis, start, p, &none, window, known_alone).progress(km);
        helped += weight * window_campaign(axis, start, p, &all, window, known_helped).progress(km);
        weights += weight;
    }
    if weights <= 0.0 {
        return (0.0, 0.0);
    }
    (clamp01(alone / weights), clamp01(helped / weights))
}

/// Punishment terms: (conventional war, nuclear umbrella, snap-back sanctions).
pub fn punishment_terms(
    state: &PreparedState,
    p: &Params,
    creds: &[f64],
    credibility: f64,
) -> (f64, f64, f64) {
    let balance = state.balance;
    let war = clamp01(credibility * clamp01(p.war_cost_weight) * balance);
    let umbrella = state
        .guarantors
        .iter()
        .zip(creds)
        .filter(|(guarantor, _)| guarantor.umbrella)
        .map(|(_, c)| *c)
        .fold(0.0, f64::max);
    let umbrella = if state.own_nuclear { 1.0 } else { umbrella };
    let nuclear = clamp01(umbrella * clamp01(p.nuclear_deterrence));
    let sanctions = if state.snapback {
        clamp01(p.sanctions_cost)
    } else {
        0.0
    };
    (war, nuclear, sanctions)
}

/// Chance the protected state accepts: it values protection and dislikes
/// restraints and compensation.
pub fn protected_accepts(state: &PreparedState, p: &Params, credibility: f64) -> f64 {
    let compensation = if state.compensation {
        0.1 + state.compensation_pct / 10.0
    } else {
        0.0
    };
    let value = 0.5 + 0.5 * credibility;
    let restraints = 1.0 - clamp01(p.restraint_cost) * clamp01(state.restraint_severity);
    // Ceding territory weighs against the settlement in proportion to the
    // share given up (an assumption; see docs/MODEL.md).
    let cession = 1.0 - clamp01(state.ceded_share);
    clamp01(value * restraints * (1.0 - clamp01(compensation)) * cession)
}
