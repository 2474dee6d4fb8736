//! The scenario as it stands at a month: each step taken by then applied,
//! what the steps to come bring still absent.

use super::in_order;
use crate::scenario::{
    Arrangement, ArrangementKind, ArrangementStatus, Change, Demand, Formality, Movement, Scenario,
    Step, Uncertain,
};

/// The scenario as it stands at `month` after the ceasefire: every step taken
/// by then applied (a step at exactly `month` counts as taken), and what the
/// steps not yet taken bring still absent; each rate of rebuilding at its
/// most likely value. The snapshot has no timeline of its own, so the engine
/// assesses it as one snapshot.
pub fn at(scenario: &Scenario, month: f64) -> Scenario {
    at_rates(scenario, month, &|u| u.likely)
}

/// [`at`] with each rate of rebuilding read from its range by `rate` (the
/// engine's draws read one quantile of every range).
pub fn at_rates(scenario: &Scenario, month: f64, rate: &dyn Fn(&Uncertain) -> f64) -> Scenario {
    let mut out = scenario.clone();
    out.timeline = Default::default();
    let taken = in_order(&scenario.timeline.steps);
    let done = |step: &&(f64, &Step)| step.0 <= month;
    for (i, arrangement) in out.arrangements.iter_mut().enumerate() {
        let original = &scenario.arrangements[i];
        let status = status_at(&taken, month, &original.id);
        apply_status(arrangement, status);
        apply_units(arrangement, original, &taken, month);
        apply_restraints(arrangement, original, status, &taken, month);
        apply_snapback(arrangement, &taken, month);
    }
    for demand in &mut out.adversary.demands {
        let mut steps = taken
            .iter()
            .filter(done)
            .filter_map(|(_, s)| match &s.change {
                Change::DemandMet {
                    demand: kind,
                    region,
                    met,
                } if names_demand(demand, *kind, region.as_deref()) => Some(*met),
                _ => None,
            });
        if let Some(met) = steps.next_back() {
            demand.met = Some(met);
        }
    }
    out.adversary.theatre_troops = theatre_troops(scenario, &taken, month, rate);
    let mut lines = taken
        .iter()
        .filter(done)
        .filter_map(|(_, s)| match &s.change {
            Change::SettlementLine { line } => Some(line),
            _ => None,
        });
    if let Some(line) = lines.next_back() {
        out.settlement_line = line.clone();
    }
    out
}

/// The scenario at `month` with only the first `taken` steps (in the order
/// they are taken) done: the others are still to come, so what they bring is
/// absent. What a step changes is the difference between this with `k` and
/// with `k + 1` steps taken at the `k`-th step's month.
pub fn with_steps_taken(scenario: &Scenario, taken: usize, month: f64) -> Scenario {
    let order = in_order(&scenario.timeline.steps);
    let mut s = scenario.clone();
    s.timeline.steps = order
        .iter()
        .enumerate()
        .map(|(k, (m, step))| Step {
            month: if k < taken { *m } else { f64::INFINITY },
            after: None,
            ..(*step).clone()
        })
        .collect();
    at(&s, month)
}

/// Whether a `demand_met` step for `kind` (and `region`) names `demand`.
pub fn names_demand(
    demand: &Demand,
    kind: crate::scenario::DemandKind,
    region: Option<&str>,
) -> bool {
    let same_region = match (demand.region.as_deref(), region) {
        (Some(a), Some(b)) => a.trim().eq_ignore_ascii_case(b.trim()),
        (None, None) => true,
        // A step without a region names the kind's only (or first) demand.
        (_, None) => true,
        (None, Some(_)) => false,
    };
    demand.kind == kind && same_region
}

/// The arrangement's status at `month`: none where no step names it (in force
/// as written), else its last status taken by then, or not yet signed.
fn status_at(taken: &[(f64, &Step)], month: f64, id: &str) -> Option<Option<ArrangementStatus>> {
    let mut named = false;
    let mut status = None;
    for (when, step) in taken {
        if let Change::Arrangement {
            arrangement,
            status: s,
        } = &step.change
            && arrangement == id
        {
            named = true;
            if *when <= month {
                status = Some(*s);
            }
        }
    }
    named.then_some(status)
}

/// What an arrangement's status leaves of it: nothing binding when not (or no
/// longer) in force, at most an executive agreement when only signed, and no
/// guarantor forces standing in the protected state before it is activated
/// (forces pledged to arrive after an attack are still pledged).
fn apply_status(arrangement: &mut Arrangement, status: Option<Option<ArrangementStatus>>) {
    let Some(status) = status else { return };
    match status {
        Some(ArrangementStatus::Activated) => {}
        Some(s @ (ArrangementStatus::Signed | ArrangementStatus::Ratified)) => {
            if s == ArrangementStatus::Signed {
                for g in &mut arrangement.guarantors {
                    if g.formality == Formality::RatifiedTreaty {
                        g.formality = Formality::ExecutiveAgreement;
                    }
                }
            }
            let protected = arrangement.protected_states.clone();
            for g in &mut arrangement.guarantors {
                g.forces
                    .retain(|f| !(f.is_present() && protected.contains(&f.stationed_in)));
            }
        }
        None | Some(ArrangementStatus::Suspended | ArrangementStatus::Ended) => {
            arrangement.kind = ArrangementKind::ArmedNeutrality;
            arrangement.guarantors.clear();
            arrangement.void_clauses.clear();
            arrangement.compensation = None;
            arrangement.snapback_sanctions = false;
            arrangement.non_aggression_pact = false;
            arrangement.cedes.clear();
            arrangement.scope_axes = None;
            arrangement.scope_area.clear();
            arrangement.integrated_command = false;
        }
    }
}

/// Units named by `unit` steps: one that arrives is absent before its first
/// step, one that leaves present before it; after, as its last step taken.
/// A unit the status removed comes back when a step says it has arrived.
fn apply_units(
    arrangement: &mut Arrangement,
    original: &Arrangement,
    taken: &[(f64, &Step)],
    month: f64,
) {
    if arrangement.guarantors.is_empty() {
        return;
    }
    for (g, written) in arrangement.guarantors.iter_mut().zip(&original.guarantors) {
        let moves = |label: &str| -> Vec<(f64, Movement)> {
            taken
                .iter()
                .filter_map(|(when, step)| match &step.change {
                    Change::Unit {
                        arrangement: a,
                        guarantor,
                        unit,
                        movement,
                    } if *a == original.id && *guarantor == written.state && unit == label => {
                        Some((*when, *movement))
                    }
                    _ => None,
                })
                .collect()
        };
        let mut forces = Vec::with_capacity(written.forces.len());
        for force in &written.forces {
            let steps = moves(&force.label);
            let present = match steps.first() {
                None => g.forces.iter().any(|f| f == force),
                Some((_, first)) => match steps.iter().rfind(|(w, _)| *w <= month) {
                    Some((_, last)) => *last == Movement::Arrives,
                    None => *first == Movement::Leaves,
                },
            };
            if present {
                forces.push(force.clone());
            }
        }
        g.forces = forces;
    }
}

/// Restraints named by `restraint` steps follow their steps (before the
/// first, the opposite of it); the others are in force while their
/// arrangement is.
fn apply_restraints(
    arrangement: &mut Arrangement,
    original: &Arrangement,
    status: Option<Option<ArrangementStatus>>,
    taken: &[(f64, &Step)],
    month: f64,
) {
    let arrangement_in_force = match status {
        None => true,
        Some(s) => s.is_some_and(ArrangementStatus::in_force),
    };
    arrangement.restraints = original
        .restraints
        .iter()
        .filter(|r| {
            let steps: Vec<(f64, bool)> = taken
                .iter()
                .filter_map(|(when, step)| match &step.change {
                    Change::Restraint {
                        arrangement: a,
                        restraint,
                        in_force,
                    } if *a == original.id && *restraint == r.kind => Some((*when, *in_force)),
                    _ => None,
                })
                .collect();
            match steps.first() {
                None => arrangement_in_force,
                Some(first) => steps
                    .iter()
                    .rfind(|(w, _)| *w <= month)
                    .map_or(!first.1, |s| s.1),
            }
        })
        .cloned()
        .collect();
}

/// Snap-back named by steps follows them (before the first, the opposite).
fn apply_snapback(arrangement: &mut Arrangement, taken: &[(f64, &Step)], month: f64) {
    let steps: Vec<(f64, bool)> = taken
        .iter()
        .filter_map(|(when, step)| match &step.change {
            Change::Snapback { arrangement: a, on } if *a == arrangement.id => Some((*when, *on)),
            _ => None,
        })
        .collect();
    if let Some(first) = steps.first() {
        arrangement.snapback_sanctions = steps
            .iter()
            .rfind(|(w, _)| *w <= month)
            .map_or(!first.1, |s| s.1);
    }
}

/// The adversary's theatre troops at `month`: as written, plus the troops
/// changed at once by then, plus what each rate in force has added (each
/// rate runs from its step to the next rate's, held to its limit), never
/// below 0.
fn theatre_troops(
    scenario: &Scenario,
    taken: &[(f64, &Step)],
    month: f64,
    rate_of: &dyn Fn(&Uncertain) -> f64,
) -> f64 {
    let mut troops = scenario.adversary.theatre_troops;
    let mut rate: Option<(f64, f64, Option<f64>)> = None; // (from, per year, limit)
    let run = |troops: f64, (from, per_year, limit): (f64, f64, Option<f64>), to: f64| {
        let grown = troops + per_year * (to - from).max(0.0) / 12.0;
        match limit {
            Some(l) if per_year >= 0.0 && troops <= l => grown.min(l),
            Some(l) if per_year < 0.0 && troops >= l => grown.max(l),
            _ => grown,
        }
    };
    for (when, step) in taken.iter().filter(|(w, _)| *w <= month) {
        match &step.change {
            Change::AdversaryForces { troops: t } => {
                if let Some(r) = rate {
                    troops = run(troops, r, *when);
                    rate = Some((*when, r.1, r.2));
                }
                troops += t;
            }
            Change::AdversaryRebuilds {
                troops_per_year,
                up_to,
            } => {
                if let Some(r) = rate {
                    troops = run(troops, r, *when);
                }
                rate = Some((*when, rate_of(troops_per_year), *up_to));
            }
            _ => {}
        }
    }
    if let Some(r) = rate {
        troops = run(troops, r, month);
    }
    troops.max(0.0)
}
