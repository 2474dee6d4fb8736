//! The scenario turned into the flat figures the engine needs for one protected
//! state: its own forces, the pooled guarantors of the arrangements protecting
//! it, its axes with the forces on each, and what its adversary demands.
//! Built once per assessment, so that each Monte Carlo draw is plain arithmetic.

use super::math::clamp01;
use super::power::{self, ByKind};
use crate::scenario::areas;
use crate::scenario::reference::{self, ResolvedState};
use crate::scenario::{
    Arrangement, ArrangementKind, DemandKind, ForceCommitment, Formality, GeoPoint, Obligation,
    RestraintKind, Scenario, Trigger, UnitKind, VoidClauseKind,
};

/// Route length used when a protected state has no axis and no capitals are known, km.
pub const FALLBACK_DISTANCE_KM: f64 = 300.0;

/// The adversary's figures.
#[derive(Clone, Debug)]
pub struct PreparedAdversary {
    /// Military spending, billions of US dollars a year.
    pub spending_bn: f64,
}

/// One guarantor of a protected state, pooled over its arrangements.
#[derive(Clone, Debug)]
pub struct PreparedGuarantor {
    /// Guarantor's state id.
    pub state: String,
    /// Arrangement id it guarantees under.
    pub arrangement: String,
    /// Obligation.
    pub obligation: Obligation,
    /// Formality.
    pub formality: Formality,
    /// Trigger.
    pub trigger: Trigger,
    /// Analyst's credibility override.
    pub credibility: Option<f64>,
    /// Nuclear umbrella from a nuclear-armed guarantor.
    pub umbrella: bool,
    /// Military spending, billions of US dollars a year.
    pub spending_bn: f64,
    /// Its troops already present in the protected state.
    pub present_troops: f64,
    /// Number of void clauses of its arrangement.
    pub void_clauses: usize,
    /// Whether its arrangement demands compensation.
    pub compensation: bool,
    /// Whether its arrangement has an integrated command.
    pub integrated_command: bool,
    /// Share of the horizon covered for sure (sunset / horizon, at most 1).
    pub covered: f64,
    /// Whether the arrangement can be renewed at its sunset.
    pub renewable: bool,
    /// The index (among the state's pooled guarantors) of the guarantor
    /// whose action this one waits for, if its commitment is conditional.
    pub condition: Option<usize>,
    /// Share of the adversary's effort (axis weights) into the protected
    /// state that falls within the guarantee's scope (1: the whole state).
    pub scope_share: f64,
}

/// One axis of advance into the protected state, with the forces on it, each
/// as quality-weighted troops by kind of unit (see [`power`]).
#[derive(Clone, Debug)]
pub struct PreparedAxis {
    /// Axis id (or `default` for the engine's own axis).
    pub id: String,
    /// Axis name.
    pub name: String,
    /// Route length, km.
    pub distance_km: f64,
    /// Attacking forces on the axis.
    pub attacker: ByKind,
    /// Attacking troops on the axis (for display).
    pub attacker_troops: f64,
    /// Defender's active forces on the axis (after any force cap).
    pub active: ByKind,
    /// Defender's reservists on the axis (before the mobilised share).
    pub reserve: ByKind,
    /// Guarantor forces present on the axis (stationed in the protected state);
    /// their combat aircraft fight for the air (see [`power::AIRCRAFT`]).
    pub present: ByKind,
    /// The attacker's combat aircraft over the axis, times their quality.
    pub attacker_air: f64,
    /// The defender's own combat aircraft over the axis, times their quality,
    /// before any first strike.
    pub defender_air: f64,
    /// Whether the attack comes as a surprise (first strikes on airfields).
    pub surprise: bool,
    /// Reinforcements on the axis, each counted only when its guarantor
    /// intervenes, by day. Forces based outside the protected state and
    /// within reach of the axis are here too, from their arrival day.
    pub reinforcements: Vec<Reinforcement>,
    /// Terrain factor, 0 to 1.
    pub terrain: f64,
    /// Adversary's share of its forces on this axis (weight of the axis).
    pub weight: f64,
    /// How fast the attacker lands, across water or by air (`None`: all at once).
    pub lift: Option<Lift>,
    /// Where the route crosses rivers whose bridges the defender can blow,
    /// ascending, each short of the objective.
    pub rivers: Vec<River>,
    /// The lines the defence holds behind the front, ascending, each short
    /// of the objective: the share of the defender's own active forces on
    /// the axis that the attack meets only on reaching each.
    pub lines: Vec<Line>,
    /// The rivers and lines by name, as the assessment reports them.
    pub marks: Vec<super::result::RouteMark>,
}

/// A defence line behind an axis's front, as the campaign meets it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Line {
    /// Km from the start.
    pub km: f64,
    /// Share of the defender's own active forces on the axis standing there.
    pub share: f64,
}

/// A river crossing on an axis's route, as the campaign meets it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct River {
    /// Km from the start.
    pub km: f64,
    /// Whether its bridges are blown (`None`: the campaign decides).
    pub blown: Option<bool>,
}

impl River {
    /// A river at `km` whose bridges the campaign decides on.
    pub fn at(km: f64) -> Self {
        Self { km, blown: None }
    }
}

/// The attacker's lift onto an axis across water or by air, in troops.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Lift {
    /// Day the first wave lands.
    pub first_day: f64,
    /// Landed then.
    pub first_wave: f64,
    /// Landed at the start of each following day.
    pub per_day: f64,
}

impl Lift {
    /// The lift of an axis as written, if it has one.
    pub fn of(axis: &crate::scenario::Axis) -> Option<Self> {
        if axis.crossing.is_land() || (axis.lift_per_day.is_none() && axis.landing_day.is_none()) {
            return None;
        }
        let per_day = axis.lift_per_day.map_or(f64::INFINITY, |t| t.max(0.0));
        Some(Self {
            first_day: axis.landing_day.unwrap_or(0.0).max(0.0),
            first_wave: axis.lift_first_wave.unwrap_or(per_day).max(0.0),
            per_day,
        })
    }

    /// Share of `troops` landed by day `t` (waves at the landing day and
    /// each day after it).
    pub fn landed(&self, troops: f64, t: f64) -> f64 {
        if t < self.first_day {
            return 0.0;
        }
        if troops <= 0.0 {
            return 1.0;
        }
        let days = (t - self.first_day).floor();
        let landed = self.first_wave + if days > 0.0 { self.per_day * days } else { 0.0 };
        (landed / troops).clamp(0.0, 1.0)
    }

    /// The day of the next wave after `t`, while not all of `troops` have landed.
    pub fn next_wave(&self, troops: f64, t: f64) -> Option<f64> {
        if t < self.first_day {
            return Some(self.first_day);
        }
        (self.landed(troops, t) < 1.0 && self.per_day > 0.0)
            .then(|| self.first_day + (t - self.first_day).floor() + 1.0)
    }
}

/// A guarantor's unit arriving on an axis (one kind, so that its power in a
/// draw is one multiplication).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Reinforcement {
    /// Day it is in action.
    pub day: f64,
    /// Its kind's place in a [`ByKind`] (see [`power::index`]).
    pub kind: usize,
    /// Its troops (aircraft) times its quality, times its share on this axis.
    pub strength: f64,
    /// Index of its guarantor among the state's pooled guarantors.
    pub guarantor: usize,
}

/// A demand of the adversary and how far the arrangements meet it.
#[derive(Clone, Copy, Debug)]
pub struct DemandMet {
    /// What is demanded.
    pub kind: DemandKind,
    /// Importance, 0 to 1.
    pub weight: f64,
    /// How far it is met, 0 to 1.
    pub met: f64,
}

/// Everything the engine needs about one protected state.
#[derive(Clone, Debug)]
pub struct PreparedState {
    /// The state's figures with overrides applied.
    pub figures: ResolvedState,
    /// Ids of the arrangements counted.
    pub arrangements: Vec<String>,
    /// Pooled guarantors.
    pub guarantors: Vec<PreparedGuarantor>,
    /// Axes into the state.
    pub axes: Vec<PreparedAxis>,
    /// Lowest force cap of the arrangements, troops.
    pub force_cap: Option<f64>,
    /// Compensation as % of GDP per year (sum of the arrangements that give one).
    pub compensation_pct: f64,
    /// Whether any arrangement demands compensation.
    pub compensation: bool,
    /// Restraint measures: (description, strength).
    pub restraints: Vec<(String, f64)>,
    /// Strength of the restraints proper (without void clauses and command).
    pub restraint_severity: f64,
    /// Whether any arrangement brings snap-back sanctions.
    pub snapback: bool,
    /// Share of its territory the arrangements cede to the adversary.
    pub ceded_share: f64,
    /// Whether the adversary has a non-aggression pact with the state.
    pub non_aggression: bool,
    /// Whether the state has nuclear weapons of its own.
    pub own_nuclear: bool,
    /// The adversary's demands, each with how far it is met.
    pub demands: Vec<DemandMet>,
    /// Whether the adversary has stated preconditions.
    pub preconditions: usize,
    /// Whether any guarantor has a duty to defend (for the precondition penalty).
    pub defence_guarantee: bool,
    /// Unmet demands, 0 to 1 (does not depend on the parameters).
    pub grievance: f64,
    /// Restraint index, 0 to 1 (does not depend on the parameters).
    pub restraint: f64,
    /// Balance of spending: 1 - exp(-guarantors' / adversary's), 0 to 1.
    pub balance: f64,
    /// For each guarantor, the index of the first guarantor with the same
    /// credibility inputs (itself if none earlier), so each draw computes each
    /// distinct credibility once.
    pub same_as: Vec<usize>,
}

/// The adversary of a scenario.
pub fn adversary(scenario: &Scenario) -> PreparedAdversary {
    let spending_bn = find_state(scenario, &scenario.adversary.state)
        .map(|figures| figures.gdp_usd_bn * figures.defence_pct_gdp / 100.0)
        .unwrap_or(0.0);
    PreparedAdversary { spending_bn }
}

/// The states protected by at least one arrangement, in order of first mention;
/// with no arrangement at all, every state other than the adversary that is the
/// defender of an axis.
pub fn protected_states(scenario: &Scenario) -> Vec<String> {
    let mut ids: Vec<String> = Vec::new();
    for arrangement in &scenario.arrangements {
        for id in &arrangement.protected_states {
            if !ids.contains(id) {
                ids.push(id.clone());
            }
        }
    }
    if ids.is_empty() {
        let defenders: Vec<&str> = scenario
            .axes
            .iter()
            .map(|axis| axis.defender.as_str())
            .collect();
        ids = scenario
            .states
            .iter()
            .filter(|entry| {
                entry.id != scenario.adversary.state && defenders.contains(&entry.id.as_str())
            })
            .map(|entry| entry.id.clone())
            .collect();
    }
    ids
}

/// A state's resolved figures, if the scenario lists it and they resolve.
pub fn find_state(scenario: &Scenario, id: &str) -> Option<ResolvedState> {
    let entry = scenario.states.iter().find(|entry| entry.id == id)?;
    reference::resolve(entry).ok()
}

/// The protected state `id` under the arrangements picked by `keep`.
pub fn state(
    scenario: &Scenario,
    id: &str,
    keep: &dyn Fn(&Arrangement) -> bool,
) -> Option<PreparedState> {
    let figures = find_state(scenario, id)?;
    let chosen: Vec<&Arrangement> = scenario
        .arrangements
        .iter()
        .filter(|a| a.protected_states.iter().any(|protected| protected == id) && keep(a))
        .collect();
    let guarantors = pool_guarantors(scenario, &chosen, id);
    let force_cap = chosen
        .iter()
        .flat_map(|a| &a.restraints)
        .filter(|r| r.kind == RestraintKind::ForceCap)
        .filter_map(|r| r.limit)
        .reduce(f64::min);
    let axes = axes(scenario, &chosen, &figures, &guarantors, force_cap);
    let (restraints, severity) = restraint_measures(&chosen);
    let demands = demands_met(scenario, &chosen, &figures, id);
    let grievance = grievance_of(&demands);
    let restraint = restraint_of(&restraints);
    let same_as = same_as(&guarantors);
    let power: f64 = guarantors.iter().map(|g| g.spending_bn.max(0.0)).sum();
    let adversary_spending = adversary(scenario).spending_bn;
    let balance = if adversary_spending > 0.0 {
        1.0 - (-power / adversary_spending).exp()
    } else if power > 0.0 {
        1.0
    } else {
        0.0
    };
    Some(PreparedState {
        balance,
        grievance,
        restraint,
        same_as,
        arrangements: chosen.iter().map(|a| a.id.clone()).collect(),
        force_cap,
        compensation_pct: chosen
            .iter()
            .filter_map(|a| a.compensation.as_ref())
            .filter_map(|c| c.pct_gdp_per_year)
            .sum(),
        compensation: chosen.iter().any(|a| a.compensation.is_some()),
        restraints,
        restraint_severity: severity,
        snapback: chosen.iter().any(|a| a.snapback_sanctions),
        non_aggression: chosen.iter().any(|a| a.non_aggression_pact),
        ceded_share: ceded_share(scenario, &chosen),
        own_nuclear: figures.nuclear,
        preconditions: scenario.adversary.preconditions.len(),
        defence_guarantee: guarantors
            .iter()
            .any(|g| g.obligation == Obligation::Defence),
        demands,
        guarantors,
        axes,
        figures,
    })
}

/// For each guarantor, the first guarantor with identical credibility inputs.
fn same_as(guarantors: &[PreparedGuarantor]) -> Vec<usize> {
    guarantors
        .iter()
        .enumerate()
        .map(|(i, guarantor)| {
            guarantors[..i]
                .iter()
                .position(|earlier| same_credibility_inputs(earlier, guarantor))
                .unwrap_or(i)
        })
        .collect()
}

/// Whether two guarantors have the same credibility at any parameter values
/// (the same inputs to the credibility factors).
pub fn same_credibility_inputs(first: &PreparedGuarantor, second: &PreparedGuarantor) -> bool {
    let key = |g: &PreparedGuarantor| {
        (
            g.obligation,
            g.formality,
            g.trigger,
            g.credibility.map(f64::to_bits),
            g.present_troops.to_bits(),
            g.void_clauses,
            g.compensation,
            g.integrated_command,
            g.covered.to_bits(),
            g.renewable,
            g.condition,
            g.scope_share.to_bits(),
        )
    };
    key(first) == key(second)
}

/// The guarantors of the chosen arrangements, one per arrangement they sign,
/// with their forces present in protected state `id`.
fn pool_guarantors(
    scenario: &Scenario,
    chosen: &[&Arrangement],
    id: &str,
) -> Vec<PreparedGuarantor> {
    let horizon = scenario.horizon_years.max(1e-9);
    let mut out: Vec<PreparedGuarantor> = Vec::new();
    let mut waits: Vec<Option<&str>> = Vec::new();
    for arrangement in chosen {
        for guarantor in &arrangement.guarantors {
            waits.push(guarantor.conditional_on.as_deref());
            let figures = find_state(scenario, &guarantor.state);
            let scope_share = scope_share(scenario, arrangement, id);
            // Resolved below, once every guarantor is pooled: the condition
            // may be a guarantor under another arrangement (the Soviet treaty
            // of 1935 waited for France's of 1925).
            let condition = None;
            let present_troops = guarantor
                .forces
                .iter()
                .filter(|force| force.is_present() && force.stationed_in == id)
                .map(|force| force.troops)
                .sum();
            out.push(PreparedGuarantor {
                state: guarantor.state.clone(),
                arrangement: arrangement.id.clone(),
                obligation: guarantor.obligation,
                formality: guarantor.formality,
                trigger: guarantor.trigger,
                credibility: guarantor.credibility,
                umbrella: guarantor.nuclear_umbrella
                    && figures.as_ref().is_some_and(|figures| figures.nuclear),
                spending_bn: figures
                    .map(|figures| figures.gdp_usd_bn * figures.defence_pct_gdp / 100.0)
                    .unwrap_or(0.0),
                present_troops,
                void_clauses: arrangement.void_clauses.len(),
                compensation: arrangement.compensation.is_some(),
                integrated_command: arrangement.integrated_command,
                covered: arrangement
                    .sunset_years
                    .map_or(1.0, |years| (years / horizon).min(1.0)),
                renewable: arrangement.renewable,
                condition,
                scope_share,
            });
        }
    }
    for (g, other) in waits.iter().enumerate() {
        out[g].condition =
            other.and_then(|other| (0..out.len()).find(|c| *c != g && out[*c].state == other));
    }
    out
}

/// Whether `arrangement`'s scope covers the axis with id `axis` (see
/// `scenario::areas::covers`); the engine's default axis, which the scenario
/// does not list, only when nothing limits the scope.
fn in_scope(scenario: &Scenario, arrangement: &Arrangement, axis: &str) -> bool {
    match scenario.axes.iter().find(|a| a.id == axis) {
        Some(axis) => areas::covers(arrangement, axis),
        None => !areas::limits_scope(arrangement),
    }
}

/// Share of the adversary's effort into `state` (its axes' adversary shares,
/// all equal when none is set) that `arrangement`'s scope covers.
fn scope_share(scenario: &Scenario, arrangement: &Arrangement, state: &str) -> f64 {
    if !areas::limits_scope(arrangement) {
        return 1.0;
    }
    let into: Vec<&crate::scenario::Axis> = scenario
        .axes
        .iter()
        .filter(|a| a.defender == state)
        .collect();
    let total: f64 = into.iter().map(|a| a.adversary_share.max(0.0)).sum();
    let covered = |weight: &dyn Fn(&crate::scenario::Axis) -> f64| -> f64 {
        into.iter()
            .filter(|a| areas::covers(arrangement, a))
            .map(|a| weight(a))
            .sum()
    };
    if into.is_empty() {
        0.0
    } else if total > 0.0 {
        covered(&|a| a.adversary_share.max(0.0)) / total
    } else {
        covered(&|_| 1.0) / into.len() as f64
    }
}

/// The axes into the protected state (or the engine's default axis when the
/// scenario has none), each with the forces that can reach it.
fn axes(
    scenario: &Scenario,
    chosen: &[&Arrangement],
    figures: &ResolvedState,
    guarantors: &[PreparedGuarantor],
    force_cap: Option<f64>,
) -> Vec<PreparedAxis> {
    let active = force_cap.map_or(figures.active_troops, |cap| cap.min(figures.active_troops));
    let (attacker, attacker_air) = attacking_forces(scenario);
    let own = |troops: f64| power::spread(&figures.composition, figures.quality, troops);
    let theatre = scenario.adversary.theatre_troops.max(0.0);
    let mut ends: Vec<(GeoPoint, GeoPoint)> = Vec::new();
    let mut shares: Vec<f64> = Vec::new();
    let mut out: Vec<PreparedAxis> = Vec::new();
    for axis in scenario
        .axes
        .iter()
        .filter(|axis| axis.defender == figures.id)
    {
        let share = axis.adversary_share;
        ends.push((axis.start.point, axis.objective.point));
        shares.push(axis.defender_share);
        let distance_km = crate::scenario::axes::route_km(axis);
        out.push(PreparedAxis {
            id: axis.id.clone(),
            name: axis.name.clone(),
            distance_km,
            attacker: power::scaled(&attacker, share),
            attacker_troops: theatre * share,
            active: own(active * axis.defender_share),
            reserve: own(figures.reserve_troops * axis.defender_share),
            present: [0.0; power::KINDS],
            attacker_air: attacker_air * share,
            defender_air: figures.combat_aircraft.max(0.0)
                * figures.quality.max(0.0)
                * axis.defender_share,
            surprise: scenario.adversary.surprise,
            reinforcements: Vec::new(),
            terrain: axis.terrain,
            weight: share,
            lift: Lift::of(axis),
            rivers: rivers(axis),
            lines: lines(axis),
            marks: marks(axis),
        });
    }
    if out.is_empty() {
        let (mut axis, start) = default_axis(scenario, figures, own(active), attacker);
        axis.attacker_air = attacker_air;
        axis.defender_air = figures.combat_aircraft.max(0.0) * figures.quality.max(0.0);
        if let (Some(start), Some(objective)) = (start, figures.capital) {
            ends.push((start, objective));
        }
        shares.push(1.0);
        out.push(axis);
    }
    place_forces(
        scenario,
        chosen,
        guarantors,
        &figures.id,
        &shares,
        &ends,
        &mut out,
    );
    out
}

/// The adversary's theatre forces by kind (its own composition and quality,
/// else its state's) and its combat aircraft times their quality: the
/// scenario's count, else the same share of its state's air force as of its
/// army (the theatre troops over the active troops, at most all of it).
fn attacking_forces(scenario: &Scenario) -> (ByKind, f64) {
    let adversary = &scenario.adversary;
    let state = find_state(scenario, &adversary.state);
    let mix = adversary
        .composition
        .or(state.as_ref().map(|s| s.composition))
        .unwrap_or(reference::DEFAULT_COMPOSITION);
    let quality = adversary
        .quality
        .or(state.as_ref().map(|s| s.quality))
        .unwrap_or(1.0);
    let aircraft = reference::adversary_aircraft(adversary, state.as_ref());
    (
        power::spread(&mix, quality, adversary.theatre_troops),
        aircraft.max(0.0) * quality.max(0.0),
    )
}

/// Whether the campaign on `axis` meets a river crossing at `km`: one at or
/// past the objective is left out (the objective falls first).
fn meets_river(axis: &crate::scenario::Axis, km: f64) -> bool {
    km.is_finite() && km < crate::scenario::axes::route_km(axis)
}

/// Whether the campaign on `axis` meets a defence line at `km` as a line of
/// its own: one at the front (km 0) or at or past the objective fights from
/// the start with the front.
fn meets_line(axis: &crate::scenario::Axis, km: f64) -> bool {
    km > 0.0 && meets_river(axis, km)
}

/// The river crossings of `axis` at their km along its route (see
/// [`crate::scenario::axes::km_along`]), ascending, those it meets (see
/// [`meets_river`]).
fn rivers(axis: &crate::scenario::Axis) -> Vec<River> {
    use crate::scenario::Bridges;
    let mut out: Vec<River> = axis
        .river_crossings
        .iter()
        .map(|river| River {
            km: crate::scenario::axes::km_along(axis, river.point),
            blown: river.bridges.map(|b| b == Bridges::Blown),
        })
        .filter(|river| meets_river(axis, river.km))
        .collect();
    out.sort_by(|a, b| a.km.total_cmp(&b.km));
    out
}

/// The defence lines of `axis` at their km along its route (placed as river
/// crossings are), ascending. A line at the front (km 0) or at or past the
/// objective is left out (see [`meets_line`]), so its forces fight from the
/// start with the rest: the engine has no city to take at the objective,
/// and leaving them out would lose them. Shares are clamped to 0–1 and cut
/// so that they add up to at most 1 (validation refuses more).
fn lines(axis: &crate::scenario::Axis) -> Vec<Line> {
    let mut out: Vec<Line> = axis
        .defence_lines
        .iter()
        .map(|line| Line {
            km: crate::scenario::axes::km_along(axis, line.point),
            share: if line.share.is_finite() {
                line.share.clamp(0.0, 1.0)
            } else {
                0.0
            },
        })
        .filter(|line| meets_line(axis, line.km))
        .collect();
    out.sort_by(|a, b| a.km.total_cmp(&b.km));
    let mut left = 1.0f64;
    for line in &mut out {
        line.share = line.share.min(left);
        left -= line.share;
    }
    out
}

/// The river crossings and defence lines of `axis` the campaign meets, by
/// name and km along its route, nearest first (left out as [`rivers`] and
/// [`lines`] leave them out).
fn marks(axis: &crate::scenario::Axis) -> Vec<super::result::RouteMark> {
    use super::result::{RouteMark, RouteMarkKind};
    let mark = |kind, name: &str, point| RouteMark {
        kind,
        name: name.to_owned(),
        km: crate::scenario::axes::km_along(axis, point),
    };
    let rivers = axis
        .river_crossings
        .iter()
        .map(|r| mark(RouteMarkKind::RiverCrossing, &r.name, r.point))
        .filter(|m| meets_river(axis, m.km));
    let lines = axis
        .defence_lines
        .iter()
        .map(|l| mark(RouteMarkKind::DefenceLine, &l.name, l.point))
        .filter(|m| meets_line(axis, m.km));
    let mut out: Vec<RouteMark> = rivers.chain(lines).collect();
    out.sort_by(|a, b| a.km.total_cmp(&b.km));
    out
}

/// The engine's own axis when the scenario gives none: from the adversary's
/// capital to the protected state's; also gives where it starts.
fn default_axis(
    scenario: &Scenario,
    figures: &ResolvedState,
    active: ByKind,
    attacker: ByKind,
) -> (PreparedAxis, Option<GeoPoint>) {
    let start =
        find_state(scenario, &scenario.adversary.state).and_then(|adversary| adversary.capital);
    let distance_km = match (start, figures.capital) {
        (Some(from), Some(to)) => great_circle_km(from, to) * 1.2,
        _ => FALLBACK_DISTANCE_KM,
    };
    let axis = PreparedAxis {
        id: "default".into(),
        name: format!("Default axis to {}", figures.name),
        distance_km,
        attacker,
        attacker_troops: scenario.adversary.theatre_troops.max(0.0),
        active,
        reserve: power::spread(
            &figures.composition,
            figures.quality,
            figures.reserve_troops,
        ),
        present: [0.0; power::KINDS],
        attacker_air: 0.0,
        defender_air: 0.0,
        surprise: scenario.adversary.surprise,
        reinforcements: Vec::new(),
        terrain: 0.8,
        weight: 1.0,
        lift: None,
        rivers: Vec::new(),
        lines: Vec::new(),
        marks: Vec::new(),
    };
    (axis, start)
}

/// The combat radius of a combat aircraft whose force gives no reach: an
/// assumption after published radii of current fighters (F-16 about
/// 550–850 km, F-35A about 1,100 km).
pub const AIRCRAFT_RADIUS_KM: f64 = 900.0;

/// How far from where it stands a force acts: its own reach, else the
/// aircraft radius for combat aircraft, else nothing beyond its state.
fn reach_of(force: &ForceCommitment) -> f64 {
    force.reach_km.unwrap_or(match force.kind {
        UnitKind::CombatAircraft => AIRCRAFT_RADIUS_KM,
        _ => 0.0,
    })
}

/// The share of `force` that fights on each axis: a force in the protected
/// state on its axis, or spread by the axes' defender shares; a force based
/// elsewhere evenly over the axes within its reach (or its axis, if in
/// reach) into every state its arrangement protects, so that one squadron
/// is not counted in full over two states.
fn force_shares(
    scenario: &Scenario,
    force: &ForceCommitment,
    protected: &[String],
    defender: &str,
    axes: &[PreparedAxis],
    shares: &[f64],
    ends: &[(GeoPoint, GeoPoint)],
) -> Vec<f64> {
    if force.stationed_in == defender {
        return (0..axes.len())
            .map(|i| match &force.axis {
                Some(id) => f64::from(u8::from(axes[i].id == *id)),
                None => shares.get(i).copied().unwrap_or(1.0),
            })
            .collect();
    }
    let reach = reach_of(force);
    let base = force
        .position
        .or_else(|| find_state(scenario, &force.stationed_in).and_then(|state| state.capital));
    let in_reach = |id: &str, (start, objective): (GeoPoint, GeoPoint)| {
        let Some(base) = base else {
            return false;
        };
        let near = great_circle_km(base, start).min(great_circle_km(base, objective));
        reach > 0.0 && near <= reach && force.axis.as_deref().is_none_or(|axis| axis == id)
    };
    let within: Vec<bool> = (0..axes.len())
        .map(|i| ends.get(i).is_some_and(|end| in_reach(&axes[i].id, *end)))
        .collect();
    // Every axis in reach into the states the arrangement protects (the
    // engine's own default axis counts only for its state).
    let all = scenario
        .axes
        .iter()
        .filter(|axis| protected.contains(&axis.defender))
        .filter(|axis| in_reach(&axis.id, (axis.start.point, axis.objective.point)))
        .count();
    let here = within.iter().filter(|w| **w).count();
    let count = all.max(here).max(1) as f64;
    within
        .iter()
        .map(|w| f64::from(u8::from(*w)) / count)
        .collect()
}

/// Adds the guarantors' forces to the axes they can reach: those standing in
/// the protected state and present from the start fight in any case (a
/// tripwire); the others only in draws where their guarantor intervenes.
fn place_forces(
    scenario: &Scenario,
    chosen: &[&Arrangement],
    guarantors: &[PreparedGuarantor],
    defender: &str,
    shares: &[f64],
    ends: &[(GeoPoint, GeoPoint)],
    axes: &mut [PreparedAxis],
) {
    let mut index = 0;
    for arrangement in chosen {
        for guarantor in &arrangement.guarantors {
            for force in &guarantor.forces {
                let protected = &arrangement.protected_states;
                let arrives = !force.is_present() || force.stationed_in != defender;
                let on = force_shares(scenario, force, protected, defender, axes, shares, ends);
                let unit = power::unit(force.kind, force.quality, force.troops);
                let kind = power::index(force.kind);
                for (axis, share) in axes.iter_mut().zip(on) {
                    // An attack outside the scope brings no intervention.
                    let outside = !in_scope(scenario, arrangement, &axis.id);
                    if share <= 0.0 || (arrives && outside) {
                        continue;
                    }
                    if force.is_present() && force.stationed_in == defender {
                        power::add(&mut axis.present, &power::scaled(&unit, share));
                    } else {
                        axis.reinforcements.push(Reinforcement {
                            day: force.arrival_days.max(0.0),
                            kind,
                            strength: unit[kind] * share,
                            guarantor: index,
                        });
                    }
                }
            }
            index += 1;
        }
    }
    debug_assert!(index == guarantors.len());
    for axis in axes {
        axis.reinforcements.sort_by(|a, b| a.day.total_cmp(&b.day));
    }
}

/// The restraining measures of the chosen arrangements, each with its
/// strength, and the combined strength of the restraints proper.
fn restraint_measures(chosen: &[&Arrangement]) -> (Vec<(String, f64)>, f64) {
    let mut out = Vec::new();
    let mut severity = 1.0;
    for arrangement in chosen {
        for restraint in &arrangement.restraints {
            let strength = restraint_strength(restraint.kind);
            severity *= 1.0 - strength;
            out.push((format!("{:?}", restraint.kind), strength));
        }
        for clause in &arrangement.void_clauses {
            out.push((
                format!("Void clause {:?}", clause.kind),
                void_strength(clause.kind),
            ));
        }
        if arrangement.integrated_command && !arrangement.guarantors.is_empty() {
            out.push(("IntegratedCommand".into(), INTEGRATED_COMMAND_RESTRAINT));
        }
    }
    (out, 1.0 - severity)
}

/// How much an integrated command restrains the protected state (Assumption).
pub const INTEGRATED_COMMAND_RESTRAINT: f64 = 0.2;

/// How much each kind of restraint restrains the protected state (Assumption;
/// see docs/MODEL.md).
pub fn restraint_strength(kind: RestraintKind) -> f64 {
    match kind {
        RestraintKind::ConsultBeforeForce => 0.3,
        RestraintKind::NoLongRangeMissiles => 0.25,
        RestraintKind::ForceCap => 0.15,
        RestraintKind::ConstitutionalNeutrality | RestraintKind::NonNuclear => 0.1,
        RestraintKind::NoForeignTroops | RestraintKind::Other => 0.05,
    }
}

/// How much a void clause restrains the protected state (Assumption).
pub fn void_strength(kind: VoidClauseKind) -> f64 {
    match kind {
        VoidClauseKind::InvadesAdversary
        | VoidClauseKind::FirstStrike
        | VoidClauseKind::StrikesOnCapitals
        | VoidClauseKind::Provocation => 0.15,
        VoidClauseKind::ExceedsForceCap | VoidClauseKind::Other => 0.05,
    }
}

/// The adversary's demands, each with how far the chosen arrangements meet it
/// for protected state `id`.
fn demands_met(
    scenario: &Scenario,
    chosen: &[&Arrangement],
    figures: &ResolvedState,
    id: &str,
) -> Vec<DemandMet> {
    let has = |kind: RestraintKind| {
        chosen
            .iter()
            .flat_map(|a| &a.restraints)
            .any(|r| r.kind == kind)
    };
    let nato = figures.nato_since.is_some()
        || chosen
            .iter()
            .any(|a| a.kind == ArrangementKind::NatoMembership);
    let defence = chosen
        .iter()
        .flat_map(|a| &a.guarantors)
        .any(|g| g.obligation == Obligation::Defence);
    let troops = chosen
        .iter()
        .flat_map(|a| &a.guarantors)
        .flat_map(|g| &g.forces)
        .any(|force| force.stationed_in == id && force.troops > 0.0);
    let met = |kind: DemandKind| match kind {
        DemandKind::Neutrality if nato => 0.0,
        DemandKind::Neutrality if has(RestraintKind::ConstitutionalNeutrality) => 1.0,
        DemandKind::Neutrality if defence => 0.5,
        DemandKind::Neutrality => 1.0,
        DemandKind::NoForeignTroops => f64::from(u8::from(!troops)),
        DemandKind::ForceCap => f64::from(u8::from(has(RestraintKind::ForceCap))),
        DemandKind::NoLongRangeMissiles => {
            f64::from(u8::from(has(RestraintKind::NoLongRangeMissiles)))
        }
        DemandKind::Territory => {
            crate::scenario::settlement::cedes_held_donbas(&scenario.settlement_line)
        }
        DemandKind::RootCauses | DemandKind::SanctionsRelief | DemandKind::Other => 0.0,
    };
    let mut out: Vec<DemandMet> = scenario
        .adversary
        .demands
        .iter()
        .map(|demand| DemandMet {
            kind: demand.kind,
            weight: demand.weight,
            met: match (demand.met, &demand.kind, &demand.region) {
                // The analyst's (or a timeline step's) judgement first.
                (Some(judged), ..) => clamp01(judged),
                // A named region is met by a cession of it (Munich, 1938).
                (None, DemandKind::Territory, Some(region)) => {
                    f64::from(u8::from(cedes(chosen, region)))
                }
                (None, kind, _) => met(*kind),
            },
        })
        .collect();
    let (sum, weights) = out
        .iter()
        .filter(|demand| !matches!(demand.kind, DemandKind::RootCauses | DemandKind::Other))
        .fold((0.0, 0.0), |(sum, weights), demand| {
            (sum + demand.weight * demand.met, weights + demand.weight)
        });
    let judged = |i: usize| scenario.adversary.demands[i].met.is_some();
    for (_, demand) in out
        .iter_mut()
        .enumerate()
        .filter(|(i, demand)| demand.kind == DemandKind::RootCauses && !judged(*i))
    {
        demand.met = if weights > 0.0 { sum / weights } else { 0.0 };
    }
    out
}

/// Whether any of the arrangements cedes `region` to the adversary.
fn cedes(chosen: &[&Arrangement], region: &str) -> bool {
    chosen
        .iter()
        .flat_map(|a| &a.cedes)
        .any(|r| r.trim().eq_ignore_ascii_case(region.trim()))
}

/// The share of the protected state's territory the arrangements cede: the
/// shares of the regions demanded and ceded, at most 1.
fn ceded_share(scenario: &Scenario, chosen: &[&Arrangement]) -> f64 {
    let ceded: f64 = scenario
        .adversary
        .demands
        .iter()
        .filter(|d| d.kind == DemandKind::Territory)
        .filter_map(|d| Some((d.region.as_ref()?, d.share?)))
        .filter(|(region, _)| cedes(chosen, region))
        .map(|(_, share)| share.max(0.0))
        .sum();
    clamp01(ceded)
}

/// Unmet demands of a list: 1 - Π(1 - weight × (1 - met)).
fn grievance_of(demands: &[DemandMet]) -> f64 {
    let kept: f64 = demands
        .iter()
        .map(|demand| 1.0 - clamp01(demand.weight) * (1.0 - clamp01(demand.met)))
        .product();
    clamp01(1.0 - kept)
}

/// Restraint index of a list of (measure, strength): 1 - Π(1 - strength).
fn restraint_of(measures: &[(String, f64)]) -> f64 {
    let free: f64 = measures
        .iter()
        .map(|(_, strength)| 1.0 - clamp01(*strength))
        .product();
    clamp01(1.0 - free)
}

/// Great-circle distance between two points, km (see [`GeoPoint::distance_km`]).
pub fn great_circle_km(a: GeoPoint, b: GeoPoint) -> f64 {
    a.distance_km(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kyiv_to_moscow_is_about_750_km() {
        let kyiv = GeoPoint {
            lon: 30.52,
            lat: 50.45,
        };
        let moscow = GeoPoint {
            lon: 37.62,
            lat: 55.76,
        };
        let d = great_circle_km(kyiv, moscow);
        assert!((740.0..770.0).contains(&d), "{d}");
    }

    /// The adversary's air over the protected state's axes, in aircraft
    /// times quality, per unit of the adversary's shares on them.
    fn adversary_air(scenario: &Scenario) -> f64 {
        let axes = state(scenario, "UKR", &|_| true)
            .expect("Ukraine is protected")
            .axes;
        let air: f64 = axes.iter().map(|axis| axis.attacker_air).sum();
        air / axes.iter().map(|axis| axis.weight).sum::<f64>()
    }

    #[test]
    fn defence_lines_are_met_at_their_share_of_the_route_and_never_hold_more_than_all() {
        let name = "armed-neutrality.bulwark.json";
        let bytes = crate::assets::example(name).expect("a shipped example");
        let mut scenario = crate::scenario::from_bytes(name, bytes).expect("loads");
        let axis = &mut scenario.axes[0];
        crate::scenario::axes::add_defence_line(axis);
        crate::scenario::axes::add_defence_line(axis);
        axis.defence_lines[0].share = 0.7;
        axis.defence_lines[1].share = 0.6;
        // One at the objective fights from the start with the front.
        axis.defence_lines.push(crate::scenario::DefenceLine {
            point: axis.objective.point,
            ..axis.defence_lines[0].clone()
        });
        let id = axis.id.clone();
        let axes = state(&scenario, "UKR", &|_| true).expect("Ukraine").axes;
        let prepared = axes.iter().find(|a| a.id == id).expect("the axis");
        assert_eq!(prepared.lines.len(), 2, "{:?}", prepared.lines);
        let km = prepared.lines[0].km / prepared.distance_km;
        assert!((km - 0.5).abs() < 0.02, "half-way: {km}");
        let held: f64 = prepared.lines.iter().map(|l| l.share).sum();
        assert!((held - 1.0).abs() < 1e-12, "cut to all of it: {held}");
    }

    #[test]
    fn the_adversary_brings_the_share_of_its_air_force_it_brings_of_its_army() {
        let name = "armed-neutrality.bulwark.json";
        let bytes = crate::assets::example(name).expect("a shipped example");
        let mut scenario = crate::scenario::from_bytes(name, bytes).expect("loads");
        scenario.adversary.combat_aircraft = None;
        let russia = find_state(&scenario, "RUS").expect("Russia is listed");
        assert!(russia.combat_aircraft > 500.0, "from the reference table");
        let share = scenario.adversary.theatre_troops / russia.active_troops;
        let expected = russia.combat_aircraft * share * russia.quality;
        let air = adversary_air(&scenario);
        assert!(
            (air - expected).abs() < 1e-6 * expected,
            "{air} vs {expected}"
        );
        // A count of its own replaces the share.
        scenario.adversary.combat_aircraft = Some(100.0);
        let air = adversary_air(&scenario);
        assert!((air - 100.0 * russia.quality).abs() < 1e-6, "{air}");
    }
}
