//! The settlement over time: when each timeline step is taken (after the
//! steps it waits on), the scenario as it stands at a month (a snapshot the
//! engine and the views read as any scenario), and the stretches of the
//! horizon over which it stands still (the engine's phases). No engine here:
//! what a snapshot means for deterrence is the engine's business.

mod carry;
mod snapshot;

pub use carry::carry_edit;
pub use snapshot::{at, at_rates, names_demand, with_steps_taken};

use super::{Change, Scenario, Step, Uncertain};

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

/// The first month of the phase `month` lies in: the latest month a step is
/// taken at or before it (0 before any), where the scenario stands still
/// from then until the next step; `month` itself when the adversary rebuilds
/// at a rate (the scenario changes every month). Two months of one phase
/// give the same answers, so the app assesses the phase once.
pub fn phase_start(scenario: &Scenario, month: f64) -> f64 {
    let steps = &scenario.timeline.steps;
    let moving = steps
        .iter()
        .any(|s| matches!(s.change, Change::AdversaryRebuilds { .. }));
    if moving {
        return month;
    }
    taken_months(steps)
        .into_iter()
        .filter(|m| *m <= month)
        .fold(0.0, f64::max)
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
    use crate::scenario::{
        ArrangementKind, ArrangementStatus, DemandKind, Formality, Movement, Period, RestraintKind,
        Timeline,
    };

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
    fn a_month_is_assessed_at_the_start_of_its_phase() {
        let s = with(vec![
            status(6.0, ArrangementStatus::Signed),
            status(18.0, ArrangementStatus::Activated),
        ]);
        assert_eq!(phase_start(&s, 3.0), 0.0);
        assert_eq!(phase_start(&s, 6.0), 6.0);
        assert_eq!(phase_start(&s, 17.0), 6.0);
        assert_eq!(phase_start(&s, 40.0), 18.0);
        assert_eq!(
            at(&s, 17.0),
            at(&s, phase_start(&s, 17.0)),
            "the same scenario"
        );
        let mut rebuilding = s;
        rebuilding.timeline.steps.push(step(
            "rebuild",
            0.0,
            Change::AdversaryRebuilds {
                troops_per_year: Uncertain::exact(10_000.0),
                up_to: None,
            },
        ));
        assert_eq!(
            phase_start(&rebuilding, 17.0),
            17.0,
            "a rate changes every month"
        );
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
