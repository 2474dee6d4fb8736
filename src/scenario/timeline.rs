//! The settlement over time: when each timeline step is taken (after the
//! steps it waits on), the scenario as it stands at a month (a snapshot the
//! engine and the views read as any scenario), and the stretches of the
//! horizon over which it stands still (the engine's phases). No engine here:
//! what a snapshot means for deterrence is the engine's business.

use super::{
    Arrangement, ArrangementKind, ArrangementStatus, Change, Demand, Formality, Movement, Scenario,
    Step, Uncertain,
};

/// The most steps a timeline may have (a draft of a settlement has tens).
pub const MAX_STEPS: usize = 200;

/// The month each step is taken, in the timeline's order: its own month, or
/// the month of the step it waits on if later. A step waiting on a missing
/// step, or in a loop of waits (which validation refuses), is taken at its
/// own month.
pub fn taken_months(steps: &[Step]) -> Vec<f64> {
    let index = |id: &str| steps.iter().position(|s| s.id == id);
    steps
        .iter()
        .map(|step| {
            let mut month = step.month;
            let mut next = step.after.as_deref().and_then(index);
            // A chain longer than the timeline is a loop: stop there.
            for _ in 0..steps.len() {
                let Some(i) = next else { break };
                month = month.max(steps[i].month);
                next = steps[i].after.as_deref().and_then(index);
            }
            month
        })
        .collect()
}

/// The steps in the order they are taken (by month; equal months in the
/// timeline's order), each with its month.
pub fn in_order(steps: &[Step]) -> Vec<(f64, &Step)> {
    let mut out: Vec<(f64, &Step)> = taken_months(steps).into_iter().zip(steps).collect();
    out.sort_by(|a, b| a.0.total_cmp(&b.0));
    out
}

/// The ids of the steps whose waits run in a loop (each step of the loop).
pub fn waiting_loops(steps: &[Step]) -> Vec<String> {
    let index = |id: &str| steps.iter().position(|s| s.id == id);
    steps
        .iter()
        .enumerate()
        .filter(|(start, step)| {
            let mut next = step.after.as_deref().and_then(index);
            for _ in 0..steps.len() {
                match next {
                    Some(i) if i == *start => return true,
                    Some(i) => next = steps[i].after.as_deref().and_then(index),
                    None => return false,
                }
            }
            false
        })
        .map(|(_, step)| step.id.clone())
        .collect()
}

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
pub fn names_demand(demand: &Demand, kind: super::DemandKind, region: Option<&str>) -> bool {
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

/// An edit made on a view of `shown` (the scenario at a month: the map
/// draws it) carried into the document `doc`: whatever the timeline does not
/// change is taken as edited (axes, the settlement line, the map's view,
/// drawn areas, demands added), and a unit moved is found in the document by
/// its guarantor and label. What the snapshot lacks (forces not yet there,
/// the timeline itself) the document keeps.
pub fn carry_edit(doc: &Scenario, shown: &Scenario, edited: &Scenario) -> Scenario {
    let mut out = doc.clone();
    macro_rules! carry {
        ($($field:ident),*) => {$(
            if edited.$field != shown.$field {
                out.$field = edited.$field.clone();
            }
        )*};
    }
    carry!(
        meta,
        horizon_years,
        states,
        axes,
        assumptions,
        simulation,
        map_view,
        slides
    );
    // A line moved on the map of a month that a step's line holds moves
    // that step's line, not the scenario's.
    if edited.settlement_line != shown.settlement_line {
        let moved = out.timeline.steps.iter_mut().rev().find(|s| {
            matches!(&s.change, Change::SettlementLine { line } if *line == shown.settlement_line)
        });
        match moved {
            Some(step) => {
                step.change = Change::SettlementLine {
                    line: edited.settlement_line.clone(),
                }
            }
            None => out.settlement_line = edited.settlement_line.clone(),
        }
    }
    let demands = &mut out.adversary.demands;
    for (i, (before, after)) in shown
        .adversary
        .demands
        .iter()
        .zip(&edited.adversary.demands)
        .enumerate()
    {
        if before != after
            && let Some(d) = demands.get_mut(i)
        {
            let met = d.met;
            *d = Demand {
                met,
                ..after.clone()
            };
        }
    }
    demands.extend(
        edited
            .adversary
            .demands
            .iter()
            .skip(shown.adversary.demands.len())
            .cloned(),
    );
    for (i, (before, after)) in shown
        .arrangements
        .iter()
        .zip(&edited.arrangements)
        .enumerate()
    {
        let Some(a) = out.arrangements.get_mut(i) else {
            continue;
        };
        if before.scope_area != after.scope_area {
            a.scope_area = after.scope_area.clone();
        }
        for (g_before, g_after) in before.guarantors.iter().zip(&after.guarantors) {
            let Some(g) = a.guarantors.iter_mut().find(|g| g.state == g_after.state) else {
                continue;
            };
            for (f_before, f_after) in g_before.forces.iter().zip(&g_after.forces) {
                if f_before != f_after
                    && let Some(f) = g.forces.iter_mut().find(|f| f.label == f_before.label)
                {
                    f.position = f_after.position;
                    f.stationed_in = f_after.stationed_in.clone();
                }
            }
        }
    }
    out
}

/// A stretch of the horizon over which the scenario stands still (between
/// steps, within one reporting period), with the snapshot that holds there.
#[derive(Clone, Debug, PartialEq)]
pub struct Stretch {
    /// First month of the stretch.
    pub start_month: f64,
    /// Month it ends (the next stretch starts there).
    pub end_month: f64,
    /// Index into the distinct snapshots (see [`stretches`]).
    pub snapshot: usize,
}

/// The horizon cut at every step and every reporting period's end, each
/// stretch with the scenario as it stands in its middle (so a rate of
/// rebuilding is taken at its mean over the stretch); and the distinct
/// snapshots, so each is assessed once.
pub fn stretches(scenario: &Scenario) -> (Vec<Stretch>, Vec<Scenario>) {
    stretches_at_rates(scenario, &|u| u.likely)
}

/// Whether any rate of rebuilding is a range (so the engine draws it).
pub fn rates_uncertain(scenario: &Scenario) -> bool {
    scenario.timeline.steps.iter().any(|s| {
        matches!(&s.change, Change::AdversaryRebuilds { troops_per_year: u, .. } if u.low < u.high)
    })
}

/// [`stretches`] with each rate of rebuilding read from its range by `rate`.
pub fn stretches_at_rates(
    scenario: &Scenario,
    rate: &dyn Fn(&Uncertain) -> f64,
) -> (Vec<Stretch>, Vec<Scenario>) {
    let horizon = (scenario.horizon_years.max(0.0) * 12.0).max(1e-9);
    let period = scenario.timeline.period.months();
    let mut cuts: Vec<f64> = (0..)
        .map(|k| k as f64 * period)
        .take_while(|m| *m < horizon)
        .chain(std::iter::once(horizon))
        .collect();
    cuts.extend(
        taken_months(&scenario.timeline.steps)
            .into_iter()
            .filter(|m| *m > 0.0 && *m < horizon),
    );
    cuts.sort_by(f64::total_cmp);
    cuts.dedup_by(|a, b| (*a - *b).abs() < 1e-9);
    let mut snapshots: Vec<Scenario> = Vec::new();
    let still = scenario.timeline.steps.is_empty();
    let stretches = cuts
        .windows(2)
        .map(|w| {
            // Without steps the scenario stands still: one snapshot.
            if still && !snapshots.is_empty() {
                return Stretch {
                    start_month: w[0],
                    end_month: w[1],
                    snapshot: 0,
                };
            }
            let snapshot = at_rates(scenario, 0.5 * (w[0] + w[1]), rate);
            let index = snapshots
                .iter()
                .position(|s| same_state(s, &snapshot))
                .unwrap_or_else(|| {
                    snapshots.push(snapshot);
                    snapshots.len() - 1
                });
            Stretch {
                start_month: w[0],
                end_month: w[1],
                snapshot: index,
            }
        })
        .collect();
    (stretches, snapshots)
}

/// Whether two snapshots of one scenario agree on all a timeline changes
/// (the rest is the scenario's own in both), which is cheaper to compare than
/// the whole scenario.
fn same_state(a: &Scenario, b: &Scenario) -> bool {
    a.arrangements == b.arrangements
        && a.adversary.theatre_troops == b.adversary.theatre_troops
        && a.adversary.demands == b.adversary.demands
        && a.settlement_line == b.settlement_line
}

/// How many stretches the horizon is cut into at most (every period and
/// every step): a bound on the snapshots to assess, found without making
/// them.
pub fn most_stretches(scenario: &Scenario) -> usize {
    periods(scenario).len() + scenario.timeline.steps.len()
}

/// The reporting periods of the horizon: (first month, end month), the last
/// cut short at the horizon.
pub fn periods(scenario: &Scenario) -> Vec<(f64, f64)> {
    let horizon = scenario.horizon_years.max(0.0) * 12.0;
    let period = scenario.timeline.period.months();
    (0..)
        .map(|k| k as f64 * period)
        .take_while(|m| *m < horizon)
        .map(|m| (m, (m + period).min(horizon)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{DemandKind, Period, RestraintKind, Timeline};

    fn coalition() -> Scenario {
        let bytes = crate::assets::example("coalition-guarantee.bulwark.json").expect("example");
        crate::scenario::from_bytes("coalition", bytes).expect("loads")
    }

    fn step(id: &str, month: f64, change: Change) -> Step {
        Step {
            id: id.into(),
            name: id.into(),
            month,
            after: None,
            change,
            notes: String::new(),
        }
    }

    fn status(month: f64, status: ArrangementStatus) -> Step {
        let change = Change::Arrangement {
            arrangement: "coalition".into(),
            status,
        };
        step(&format!("{status:?}"), month, change)
    }

    fn with(steps: Vec<Step>) -> Scenario {
        let mut s = coalition();
        s.timeline = Timeline {
            period: Period::Year,
            steps,
        };
        s
    }

    #[test]
    fn a_guarantee_named_by_a_step_is_not_in_force_before_it() {
        let s = with(vec![
            status(3.0, ArrangementStatus::Signed),
            status(9.0, ArrangementStatus::Activated),
        ]);
        let before = at(&s, 1.0);
        assert_eq!(
            before.arrangements[0].kind,
            ArrangementKind::ArmedNeutrality
        );
        assert!(before.arrangements[0].guarantors.is_empty());
        assert!(before.timeline.is_empty(), "a snapshot is one snapshot");
        let signed = at(&s, 3.0);
        let uk = &signed.arrangements[0].guarantors[0];
        assert!(uk.forces.is_empty(), "the contingent is not yet in Kyiv");
        let german = &signed.arrangements[0].guarantors[2];
        assert_eq!(german.forces.len(), 1, "a pledge to arrive stays a pledge");
        let active = at(&s, 9.0);
        assert_eq!(active.arrangements, coalition().arrangements);
        let ended = at(&with(vec![status(24.0, ArrangementStatus::Ended)]), 30.0);
        assert!(ended.arrangements[0].guarantors.is_empty());
    }

    #[test]
    fn a_signed_treaty_is_no_more_than_an_executive_agreement() {
        let mut s = with(vec![status(0.0, ArrangementStatus::Signed)]);
        s.arrangements[0].guarantors[0].formality = Formality::RatifiedTreaty;
        let signed = at(&s, 0.0);
        assert_eq!(
            signed.arrangements[0].guarantors[0].formality,
            Formality::ExecutiveAgreement
        );
    }

    #[test]
    fn a_step_waiting_on_another_is_taken_with_it_and_loops_are_found() {
        let mut talks = step(
            "talks",
            12.0,
            Change::DemandMet {
                demand: DemandKind::RootCauses,
                region: None,
                met: 1.0,
            },
        );
        let mut guarantee = status(2.0, ArrangementStatus::Activated);
        guarantee.after = Some("talks".into());
        assert_eq!(
            taken_months(&[talks.clone(), guarantee.clone()]),
            [12.0, 12.0]
        );
        talks.after = Some(guarantee.id.clone());
        let steps = [talks, guarantee];
        assert_eq!(waiting_loops(&steps).len(), 2);
        assert_eq!(taken_months(&steps), [12.0, 12.0], "a loop still ends");
    }

    #[test]
    fn units_arrive_and_leave_and_restraints_come_into_force() {
        let mut s = with(vec![
            step(
                "leave",
                6.0,
                Change::Unit {
                    arrangement: "coalition".into(),
                    guarantor: "GBR".into(),
                    unit: "UK contingent of the reassurance force, Kyiv area (size assumed)".into(),
                    movement: Movement::Leaves,
                },
            ),
            step(
                "cap",
                12.0,
                Change::Restraint {
                    arrangement: "coalition".into(),
                    restraint: RestraintKind::ForceCap,
                    in_force: true,
                },
            ),
        ]);
        s.arrangements[0]
            .restraints
            .push(crate::scenario::Restraint {
                kind: RestraintKind::ForceCap,
                limit: Some(600_000.0),
                text: String::new(),
            });
        assert_eq!(at(&s, 5.0).arrangements[0].guarantors[0].forces.len(), 1);
        assert!(at(&s, 6.0).arrangements[0].guarantors[0].forces.is_empty());
        assert!(at(&s, 11.0).arrangements[0].restraints.is_empty());
        assert_eq!(at(&s, 12.0).arrangements[0].restraints.len(), 1);
    }

    #[test]
    fn demands_are_met_and_the_adversary_rebuilds_to_its_limit() {
        let s = with(vec![
            step(
                "relief",
                6.0,
                Change::DemandMet {
                    demand: DemandKind::Neutrality,
                    region: None,
                    met: 0.5,
                },
            ),
            step(
                "rebuild",
                12.0,
                Change::AdversaryRebuilds {
                    troops_per_year: Uncertain::exact(120_000.0),
                    up_to: Some(800_000.0),
                },
            ),
            step(
                "withdraw",
                18.0,
                Change::AdversaryForces { troops: -30_000.0 },
            ),
        ]);
        assert_eq!(at(&s, 5.0).adversary.demands[0].met, None);
        assert_eq!(at(&s, 6.0).adversary.demands[0].met, Some(0.5));
        assert_eq!(at(&s, 12.0).adversary.theatre_troops, 650_000.0);
        assert_eq!(
            at(&s, 18.0).adversary.theatre_troops,
            650_000.0 + 60_000.0 - 30_000.0
        );
        assert_eq!(at(&s, 24.0).adversary.theatre_troops, 740_000.0);
        assert_eq!(
            at(&s, 60.0).adversary.theatre_troops,
            800_000.0,
            "held to its limit"
        );
    }

    #[test]
    fn an_edit_on_the_map_of_a_month_reaches_the_document_and_loses_nothing() {
        let mut s = with(vec![status(12.0, ArrangementStatus::Activated)]);
        s.arrangements[0].guarantors[2].forces[0].position = None;
        let shown = at(&s, 24.0);
        let mut edited = shown.clone();
        edited.axes[0].terrain = 0.3;
        let german = &mut edited.arrangements[0].guarantors[2].forces[0];
        german.position = Some(crate::scenario::GeoPoint {
            lon: 30.0,
            lat: 50.0,
        });
        let out = carry_edit(&s, &shown, &edited);
        assert_eq!(out.axes[0].terrain, 0.3);
        assert_eq!(
            out.arrangements[0].guarantors[2].forces[0].position,
            Some(crate::scenario::GeoPoint {
                lon: 30.0,
                lat: 50.0
            })
        );
        assert_eq!(out.timeline, s.timeline, "the timeline stays");
        // Before the guarantee, the map shows no guarantor; moving the view
        // there keeps every guarantor of the document.
        let early = at(&s, 1.0);
        let mut moved = early.clone();
        moved.map_view.zoom = 4.0;
        let out = carry_edit(&s, &early, &moved);
        assert_eq!(out.arrangements, s.arrangements);
        assert_eq!(out.map_view.zoom, 4.0);
    }

    #[test]
    fn the_line_of_control_moves_at_its_step_and_is_edited_there() {
        use crate::scenario::{GeoPoint, LinePreset, SettlementLine};
        let withdrawn = SettlementLine {
            preset: LinePreset::Custom,
            custom: vec![
                GeoPoint {
                    lon: 37.0,
                    lat: 50.0,
                },
                GeoPoint {
                    lon: 35.0,
                    lat: 47.0,
                },
            ],
        };
        let line = Change::SettlementLine {
            line: withdrawn.clone(),
        };
        let s = with(vec![step("withdrawal", 12.0, line)]);
        assert_eq!(at(&s, 6.0).settlement_line, s.settlement_line);
        let shown = at(&s, 12.0);
        assert_eq!(shown.settlement_line, withdrawn);
        let mut edited = shown.clone();
        edited.settlement_line.custom[0].lon = 36.5;
        let out = carry_edit(&s, &shown, &edited);
        assert_eq!(
            out.settlement_line, s.settlement_line,
            "the scenario's line stays"
        );
        let Change::SettlementLine { line } = &out.timeline.steps[0].change else {
            panic!("a line step");
        };
        assert_eq!(line.custom[0].lon, 36.5, "the step's line moved");
    }

    #[test]
    fn the_horizon_is_cut_at_steps_and_periods_into_distinct_snapshots() {
        let (stretches, snapshots) = stretches(&coalition());
        assert_eq!(stretches.len(), 10, "ten years");
        assert_eq!(snapshots.len(), 1, "no timeline: one snapshot");
        let s = with(vec![status(6.0, ArrangementStatus::Activated)]);
        let (stretches, snapshots) = super::stretches(&s);
        assert_eq!(stretches.len(), 11);
        assert_eq!(
            (stretches[0].start_month, stretches[0].end_month),
            (0.0, 6.0)
        );
        assert_eq!(snapshots.len(), 2, "before and after the step");
        assert_eq!(stretches[1].snapshot, 1);
        assert_eq!(stretches[10].snapshot, 1);
        assert_eq!(periods(&s).len(), 10);
    }
}
