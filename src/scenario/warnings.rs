//! Consistency warnings: things a valid file may say that are probably not
//! what its author meant (guarantor troops where the arrangement forbids
//! foreign troops, a force cap below the forces already in place, more than
//! the whole attacking force spread over one state's axes, an axis that
//! starts at its objective, reinforcements that arrive after the campaign is
//! over). The file stays valid: `bulwark validate` prints them with their
//! JSON path and exits 0 when there is no error; the app shows them in the
//! editing panel.

use super::reference;
use super::types::{RestraintKind, Scenario};
use super::validate::{Problem, plain_text};

/// An axis shorter than this is taken to start at its objective, km.
pub const NEAR_KM: f64 = 5.0;

/// The longest campaign the engine follows, days (`model::campaign::MAX_DAYS`;
/// the document layer cannot import the engine).
pub const CAMPAIGN_DAYS: f64 = 180.0;

/// Every consistency warning of `scenario`, each with the JSON path it is about.
pub fn warnings(scenario: &Scenario) -> Vec<Problem> {
    let mut out = Vec::new();
    foreign_troops(scenario, &mut out);
    force_caps(scenario, &mut out);
    attacker_shares(scenario, &mut out);
    short_axes(scenario, &mut out);
    late_reinforcements(scenario, &mut out);
    lifts(scenario, &mut out);
    points_off_route(scenario, &mut out);
    steps_after_the_horizon(scenario, &mut out);
    out
}

/// Timeline steps taken after the horizon (the file stays valid: a shorter
/// horizon keeps its later steps).
fn steps_after_the_horizon(scenario: &Scenario, out: &mut Vec<Problem>) {
    let horizon = scenario.horizon_years * 12.0;
    let taken = super::timeline::taken_months(&scenario.timeline.steps);
    for (i, (step, month)) in scenario.timeline.steps.iter().zip(taken).enumerate() {
        if month > horizon {
            out.push(Problem::new(
                &format!("timeline.steps[{i}].month"),
                format!(
                    "'{}' is taken at month {month}, after the horizon (month {horizon}): it changes nothing assessed",
                    step.name
                ),
            ));
        }
    }
}

/// A way via a river crossing this much longer than the straight line
/// means the crossing is not on the route.
pub const OFF_ROUTE_DETOUR: f64 = 1.3;

/// River crossings and defence lines that lie off their axis's route.
fn points_off_route(scenario: &Scenario, out: &mut Vec<Problem>) {
    for (i, axis) in scenario.axes.iter().enumerate() {
        for (r, river) in axis.river_crossings.iter().enumerate() {
            let path = format!("axes[{i}].river_crossings[{r}]");
            let does = "the engine halts the attack at its share of the route all the same";
            off_route(axis, (river.point, &river.name), &path, does, out);
        }
        for (l, line) in axis.defence_lines.iter().enumerate() {
            let path = format!("axes[{i}].defence_lines[{l}]");
            let does = "the attack meets its forces at its share of the route all the same";
            off_route(axis, (line.point, &line.name), &path, does, out);
        }
    }
}

/// Warns at `path` when the named point lies off `axis`'s route (see
/// [`OFF_ROUTE_DETOUR`]); `does` says what the engine makes of it.
fn off_route(
    axis: &crate::scenario::Axis,
    (point, name): (crate::scenario::GeoPoint, &str),
    path: &str,
    does: &str,
    out: &mut Vec<Problem>,
) {
    let (_, detour) = super::axes::along_route(axis, point);
    if detour > OFF_ROUTE_DETOUR {
        out.push(Problem::new(
            path,
            format!(
                "'{}' lies off the route from {} to {} (the way through it is {:.0}% longer); {does}",
                plain_text(name),
                plain_text(&axis.start.name),
                plain_text(&axis.objective.name),
                (detour - 1.0) * 100.0
            ),
        ));
    }
}

fn lifts(scenario: &Scenario, out: &mut Vec<Problem>) {
    for (i, axis) in scenario.axes.iter().enumerate() {
        let lift = axis.lift_per_day.is_some() || axis.lift_first_wave.is_some();
        if axis.crossing.is_land() && lift {
            out.push(Problem::new(
                &format!("axes[{i}].lift_per_day"),
                "is ignored: the axis is over land; set the crossing to water or air",
            ));
        } else if !axis.crossing.is_land() && axis.lift_per_day.is_none() {
            out.push(Problem::new(
                &format!("axes[{i}].lift_per_day"),
                "is not set: every attacking troop on this axis lands at once",
            ));
        }
    }
}

fn foreign_troops(scenario: &Scenario, out: &mut Vec<Problem>) {
    for (a, arrangement) in scenario.arrangements.iter().enumerate() {
        let forbids = arrangement
            .restraints
            .iter()
            .any(|r| r.kind == RestraintKind::NoForeignTroops);
        if !forbids {
            continue;
        }
        for (g, guarantor) in arrangement.guarantors.iter().enumerate() {
            for (f, force) in guarantor.forces.iter().enumerate() {
                if arrangement.protected_states.contains(&force.stationed_in) && force.troops > 0.0
                {
                    out.push(Problem::new(
                        &format!("arrangements[{a}].guarantors[{g}].forces[{f}].stationed_in"),
                        format!(
                            "'{}' stands in {}, which the arrangement's no-foreign-troops restraint forbids",
                            plain_text(&force.label),
                            plain_text(&force.stationed_in)
                        ),
                    ));
                }
            }
        }
    }
}

fn force_caps(scenario: &Scenario, out: &mut Vec<Problem>) {
    for (a, arrangement) in scenario.arrangements.iter().enumerate() {
        for (r, restraint) in arrangement.restraints.iter().enumerate() {
            let (RestraintKind::ForceCap, Some(limit)) = (restraint.kind, restraint.limit) else {
                continue;
            };
            for id in &arrangement.protected_states {
                let Some(active) = scenario
                    .states
                    .iter()
                    .find(|s| s.id == *id)
                    .and_then(|entry| reference::resolve(entry).ok())
                    .map(|state| state.active_troops)
                else {
                    continue;
                };
                if limit < active {
                    out.push(Problem::new(
                        &format!("arrangements[{a}].restraints[{r}].limit"),
                        format!(
                            "the cap of {limit:.0} troops is below the {active:.0} active troops {} has: the engine cuts them to the cap",
                            plain_text(id)
                        ),
                    ));
                }
            }
        }
    }
}

fn attacker_shares(scenario: &Scenario, out: &mut Vec<Problem>) {
    let mut defenders: Vec<&str> = scenario.axes.iter().map(|x| x.defender.as_str()).collect();
    defenders.sort_unstable();
    defenders.dedup();
    for defender in defenders {
        let total = super::axes::adversary_share_into(scenario, defender);
        if total > 1.0 + 1e-9 {
            let first = scenario
                .axes
                .iter()
                .position(|x| x.defender == defender)
                .unwrap_or(0);
            out.push(Problem::new(
                &format!("axes[{first}].adversary_share"),
                format!(
                    "the adversary's shares on the axes into {} add up to {:.0}% of its theatre forces, more than it has",
                    plain_text(defender),
                    total * 100.0
                ),
            ));
        }
    }
}

fn short_axes(scenario: &Scenario, out: &mut Vec<Problem>) {
    for (i, axis) in scenario.axes.iter().enumerate() {
        let km = axis.start.point.distance_km(axis.objective.point);
        if km < NEAR_KM {
            out.push(Problem::new(
                &format!("axes[{i}].objective"),
                format!(
                    "is {km:.1} km from the start: the objective falls at once; move the start or the objective"
                ),
            ));
        }
    }
}

fn late_reinforcements(scenario: &Scenario, out: &mut Vec<Problem>) {
    for (a, arrangement) in scenario.arrangements.iter().enumerate() {
        for (g, guarantor) in arrangement.guarantors.iter().enumerate() {
            for (f, force) in guarantor.forces.iter().enumerate() {
                if force.arrival_days > CAMPAIGN_DAYS {
                    out.push(Problem::new(
                        &format!("arrangements[{a}].guarantors[{g}].forces[{f}].arrival_days"),
                        format!(
                            "'{}' arrives on day {:.0}, after the campaign the engine follows ({CAMPAIGN_DAYS:.0} days): it never counts",
                            plain_text(&force.label),
                            force.arrival_days
                        ),
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Restraint, from_bytes};

    fn example(name: &str) -> Scenario {
        let bytes = crate::assets::example(name).expect("a shipped example");
        from_bytes(name, bytes).expect("loads")
    }

    #[test]
    fn the_examples_have_no_warnings() {
        for (name, _) in crate::assets::examples() {
            assert_eq!(warnings(&example(name)), Vec::new(), "{name}");
        }
    }

    #[test]
    fn a_river_crossing_far_off_its_axis_route_is_warned_about_and_one_on_it_is_not() {
        let mut s = example("armed-neutrality.bulwark.json");
        let r = super::super::axes::add_river_crossing(&mut s.axes[0]);
        assert_eq!(warnings(&s), Vec::new(), "half-way along the route");
        s.axes[0].river_crossings[r].point = crate::scenario::GeoPoint {
            lon: -9.14,
            lat: 38.72,
        };
        let found = warnings(&s);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, format!("axes[0].river_crossings[{r}]"));
    }

    #[test]
    fn a_defence_line_far_off_its_axis_route_is_warned_about_and_one_on_it_is_not() {
        let mut s = example("armed-neutrality.bulwark.json");
        let l = super::super::axes::add_defence_line(&mut s.axes[0]);
        assert_eq!(warnings(&s), Vec::new(), "half-way along the route");
        s.axes[0].defence_lines[l].point = crate::scenario::GeoPoint {
            lon: -9.14,
            lat: 38.72,
        };
        let found = warnings(&s);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, format!("axes[0].defence_lines[{l}]"));
        assert!(found[0].message.contains("meets its forces"), "{found:?}");
    }

    #[test]
    fn each_inconsistency_is_named_with_its_path() {
        let mut s = example("eastern-flank-today.bulwark.json");
        s.arrangements[0].restraints.push(Restraint {
            kind: RestraintKind::NoForeignTroops,
            limit: None,
            text: String::new(),
        });
        s.arrangements[0].restraints.push(Restraint {
            kind: RestraintKind::ForceCap,
            limit: Some(10.0),
            text: String::new(),
        });
        let into = |s: &Scenario, id: &str| -> Vec<usize> {
            (0..s.axes.len())
                .filter(|i| s.axes[*i].defender == id)
                .collect()
        };
        let mut second = s.axes[into(&s, "LTU")[0]].clone();
        second.id = "second_into_lithuania".into();
        s.axes.push(second);
        let lithuania = into(&s, "LTU");
        for i in &lithuania {
            s.axes[*i].adversary_share = 0.6;
        }
        let shares = format!("axes[{}].adversary_share", lithuania[0]);
        s.axes[1].objective = s.axes[1].start.clone();
        s.arrangements[0].guarantors[0].forces[0].arrival_days = 400.0;
        s.axes[0].crossing = crate::scenario::Crossing::Water;
        s.axes[2].lift_per_day = Some(1000.0);
        let found = warnings(&s);
        let paths: Vec<&str> = found.iter().map(|p| p.path.as_str()).collect();
        for expected in [
            "arrangements[0].guarantors[0].forces[0].stationed_in",
            "arrangements[0].restraints[1].limit",
            shares.as_str(),
            "axes[1].objective",
            "arrangements[0].guarantors[0].forces[0].arrival_days",
            "axes[0].lift_per_day",
            "axes[2].lift_per_day",
        ] {
            assert!(paths.contains(&expected), "{expected} not in {paths:?}");
        }
        assert!(crate::scenario::validate(&s).is_empty(), "still valid");
    }
}
