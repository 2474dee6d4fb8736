//! Adding and removing axes of advance, keeping the references to them (a
//! unit's `axis`, a guarantee's `scope_axes`) true.

use super::new_case::{StandardAxis, theatres};
use super::reference;
use super::types::{Axis, Crossing, DefenceLine, GeoPoint, Place, RiverCrossing, Scenario};

/// A state's capital: its own (named after the state), else its reference
/// capital.
pub fn capital(scenario: &Scenario, id: &str) -> Option<Place> {
    let entry = scenario.states.iter().find(|s| s.id == id)?;
    if let Some(point) = entry.overrides.capital {
        let name = reference::state_name(scenario, id);
        return Some(Place { name, point });
    }
    reference::Reference::get()
        .state(id)
        .map(|r| r.capital.clone())
}

/// `base`, or `base_2`, `base_3` … the first for which `taken` is false.
pub fn unique_id(base: &str, separator: &str, taken: impl Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.into();
    }
    (2..)
        .map(|n| format!("{base}{separator}{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.into())
}

/// A new axis into `defender`: from the adversary's capital to the
/// defender's (or a point in eastern Europe where either is unknown), over
/// land, with the defaults of a version-1 axis and terrain 0.8 (the engine's
/// default axis). The user then moves its ends.
pub fn new_axis(scenario: &Scenario, defender: &str) -> Axis {
    let fallback = |name: &str, lon: f64, lat: f64| Place {
        name: name.into(),
        point: GeoPoint { lon, lat },
    };
    let start = capital(scenario, &scenario.adversary.state)
        .unwrap_or_else(|| fallback("Start", 37.6, 55.75));
    let objective =
        capital(scenario, defender).unwrap_or_else(|| fallback("Objective", 30.5, 50.45));
    let mut axis = axis_between(scenario, defender, start, objective);
    axis.adversary_share = 0.5;
    axis
}

/// A new land axis into `defender` from `start` to `objective`, as drawn on
/// the map: named after its ends, route factor 1.2 and terrain 0.8 (the
/// engine's default axis), the whole of the defender's forces able to reach
/// it, and the share of the adversary's theatre forces not yet on another
/// axis into `defender` (a half when the others already take it all, which
/// the consistency warnings then point out).
pub fn axis_between(scenario: &Scenario, defender: &str, start: Place, objective: Place) -> Axis {
    let base = format!(
        "{}_{}",
        scenario.adversary.state.to_lowercase(),
        defender.to_lowercase()
    );
    let left = 1.0 - adversary_share_into(scenario, defender);
    Axis {
        id: unique_id(&base, "_", |id| scenario.axes.iter().any(|a| a.id == id)),
        name: name_from_ends(&start, &objective),
        defender: defender.into(),
        start,
        objective,
        route_factor: 1.2,
        terrain: 0.8,
        adversary_share: if left > 0.05 { left } else { 0.5 },
        defender_share: 1.0,
        crossing: Crossing::Land,
        lift_first_wave: None,
        lift_per_day: None,
        landing_day: None,
        river_crossings: Vec::new(),
        defence_lines: Vec::new(),
    }
}

/// Where `point` lies along `axis`'s route: the share of the route covered
/// on reaching it (its distance from the start over the way from the start
/// to the objective through it), and how much longer that way is than the
/// straight line (1 when it lies on the line). A river crossing is placed
/// on the route this way: the engine halts the attack at that share of the
/// route's length.
pub fn along_route(axis: &Axis, point: GeoPoint) -> (f64, f64) {
    let from_start = axis.start.point.distance_km(point);
    let to_objective = point.distance_km(axis.objective.point);
    let via = from_start + to_objective;
    let straight = axis.start.point.distance_km(axis.objective.point);
    let share = if via > 0.0 { from_start / via } else { 0.0 };
    let detour = if straight > 0.0 { via / straight } else { 1.0 };
    (share, detour)
}

/// Half-way along `axis`'s straight line, in degrees: close enough to the
/// great circle's midpoint for a starting place the user will move anyway.
fn half_way(axis: &Axis) -> GeoPoint {
    let (a, b) = (axis.start.point, axis.objective.point);
    GeoPoint {
        lon: (a.lon + b.lon) / 2.0,
        lat: (a.lat + b.lat) / 2.0,
    }
}

/// Adds a river crossing to `axis` half-way along its straight line (the
/// user then moves it onto the river) and returns its index.
pub fn add_river_crossing(axis: &mut Axis) -> usize {
    axis.river_crossings.push(RiverCrossing {
        name: "River crossing".into(),
        point: half_way(axis),
        bridges: None,
    });
    axis.river_crossings.len() - 1
}

/// Adds a defence line to `axis` half-way along its straight line, holding
/// the share of the defender's forces on the axis not yet on a line (a
/// quarter at most), and returns its index.
pub fn add_defence_line(axis: &mut Axis) -> usize {
    let held: f64 = axis.defence_lines.iter().map(|l| l.share).sum();
    axis.defence_lines.push(DefenceLine {
        name: "Defence line".into(),
        point: half_way(axis),
        share: (1.0 - held).clamp(0.0, 0.25),
    });
    axis.defence_lines.len() - 1
}

/// The length of `axis`'s route by road, km: the great circle from its start
/// to its objective times its route factor (the campaign's distance).
pub fn route_km(axis: &Axis) -> f64 {
    axis.start.point.distance_km(axis.objective.point) * axis.route_factor
}

/// How far along `axis`'s route, in km, the engine places `point` (a river
/// crossing, a defence line): its share of the route times the route's
/// length.
pub fn km_along(axis: &Axis, point: GeoPoint) -> f64 {
    along_route(axis, point).0 * route_km(axis)
}

/// The share of the adversary's theatre forces on the scenario's axes into
/// `defender`, in all.
pub fn adversary_share_into(scenario: &Scenario, defender: &str) -> f64 {
    scenario
        .axes
        .iter()
        .filter(|a| a.defender == defender)
        .map(|a| a.adversary_share)
        .sum()
}

/// An axis's name made from its ends, "start → objective".
fn name_from_ends(start: &Place, objective: &Place) -> String {
    format!("{} → {}", start.name, objective.name)
}

/// Which end of an axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AxisEnd {
    /// Where the advance starts.
    Start,
    /// The objective.
    Objective,
}

/// Moves one end of axis `index` to `place`; the axis keeps its name unless
/// the name was made from its ends ("A → B"), which then follows the move.
pub fn move_axis_end(scenario: &mut Scenario, index: usize, end: AxisEnd, place: Place) {
    let Some(axis) = scenario.axes.get_mut(index) else {
        return;
    };
    let made_from_ends = axis.name == name_from_ends(&axis.start, &axis.objective);
    match end {
        AxisEnd::Start => axis.start = place,
        AxisEnd::Objective => axis.objective = place,
    }
    if made_from_ends {
        axis.name = name_from_ends(&axis.start, &axis.objective);
    }
}

/// Adds [`new_axis`] into `defender`; returns its index.
pub fn add_axis(scenario: &mut Scenario, defender: &str) -> usize {
    let axis = new_axis(scenario, defender);
    scenario.axes.push(axis);
    scenario.axes.len() - 1
}

/// Removes axis `index` (if there is one) and every reference to it: units
/// that fought on it are spread over the axes again; a guarantee's scope
/// loses it.
pub fn remove_axis(scenario: &mut Scenario, index: usize) {
    if index >= scenario.axes.len() {
        return;
    }
    let id = scenario.axes.remove(index).id;
    for arrangement in &mut scenario.arrangements {
        if let Some(scope) = &mut arrangement.scope_axes {
            scope.retain(|a| *a != id);
        }
        for force in arrangement
            .guarantors
            .iter_mut()
            .flat_map(|g| g.forces.iter_mut())
        {
            if force.axis.as_deref() == Some(id.as_str()) {
                force.axis = None;
            }
        }
    }
}

/// The standard axes of the theatre library from the scenario's adversary
/// into its states that it has no axis like yet (the same id, or the same
/// start and objective).
pub fn standard_axes_missing(scenario: &Scenario) -> Vec<&'static StandardAxis> {
    let listed = |id: &str| scenario.states.iter().any(|s| s.id == id);
    theatres()
        .iter()
        .filter(|t| t.adversary == scenario.adversary.state && listed(&t.protected))
        .flat_map(|t| &t.axes)
        .filter(|standard| {
            let a = &standard.axis;
            !scenario.axes.iter().any(|b| {
                b.id == a.id
                    || (b.start.point == a.start.point && b.objective.point == a.objective.point)
            })
        })
        .collect()
}

/// The standard axes to offer for `state` once it is protected: those of
/// the theatre library into it, when the scenario has no axis into it yet
/// (without one the engine assumes a default axis to its capital).
pub fn standard_axes_offered(scenario: &Scenario, state: &str) -> Vec<&'static StandardAxis> {
    if scenario.axes.iter().any(|a| a.defender == state) {
        return Vec::new();
    }
    standard_axes_missing(scenario)
        .into_iter()
        .filter(|standard| standard.axis.defender == state)
        .collect()
}

/// Adds a standard axis (under an id of its own); gives its index.
pub fn add_standard_axis(scenario: &mut Scenario, standard: &StandardAxis) -> usize {
    let mut axis = standard.axis.clone();
    axis.id = unique_id(&axis.id, "_", |id| scenario.axes.iter().any(|a| a.id == id));
    scenario.axes.push(axis);
    scenario.axes.len() - 1
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::scenario::example;

    #[test]
    fn a_state_without_axes_is_offered_its_standard_axes_and_one_with_axes_none() {
        let s = example("us-bilateral-28-point.bulwark.json");
        assert!(
            standard_axes_offered(&s, "UKR").is_empty(),
            "Ukraine has its axes"
        );
        let poland = standard_axes_offered(&s, "POL");
        assert!(!poland.is_empty(), "Poland has a theatre of its own");
        assert!(poland.iter().all(|a| a.axis.defender == "POL"));
        assert!(standard_axes_offered(&s, "USA").is_empty(), "no theatre");
    }

    #[test]
    fn a_new_river_crossing_lies_half_way_along_the_route_and_is_valid() {
        let mut s = example("armed-neutrality.bulwark.json");
        let r = add_river_crossing(&mut s.axes[0]);
        let axis = &s.axes[0];
        let route = route_km(axis);
        let km = km_along(axis, axis.river_crossings[r].point);
        assert!((km / route - 0.5).abs() < 0.02, "{km} of {route} km");
        assert!(crate::scenario::validate(&s).is_empty());
    }

    #[test]
    fn new_defence_lines_lie_half_way_and_never_hold_more_than_all_the_defence() {
        let mut s = example("armed-neutrality.bulwark.json");
        let axis = &mut s.axes[0];
        for _ in 0..5 {
            add_defence_line(axis);
        }
        let shares: Vec<f64> = axis.defence_lines.iter().map(|l| l.share).collect();
        assert_eq!(shares, vec![0.25, 0.25, 0.25, 0.25, 0.0]);
        assert!(crate::scenario::validate(&s).is_empty());
    }

    #[test]
    fn a_new_axis_runs_from_the_adversary_to_the_defender_and_is_valid() {
        let mut s = example("armed-neutrality.bulwark.json");
        let before = s.axes.len();
        let i = add_axis(&mut s, "UKR");
        assert_eq!(s.axes.len(), before + 1);
        let axis = &s.axes[i];
        assert_eq!(axis.defender, "UKR");
        assert!(
            axis.name.contains("Moscow") && axis.name.contains("Kyiv"),
            "{}",
            axis.name
        );
        assert!(crate::scenario::validate(&s).is_empty());
        let again = add_axis(&mut s, "UKR");
        assert_ne!(s.axes[again].id, s.axes[i].id, "ids stay unique");
    }

    fn place(name: &str, lon: f64, lat: f64) -> Place {
        Place {
            name: name.into(),
            point: GeoPoint { lon, lat },
        }
    }

    #[test]
    fn a_drawn_axis_takes_the_adversary_forces_not_yet_on_another_axis() {
        let mut s = example("armed-neutrality.bulwark.json");
        s.axes.retain(|a| a.defender != "UKR");
        let first = axis_between(
            &s,
            "UKR",
            place("Belgorod", 36.6, 50.6),
            place("Kharkiv", 36.2, 50.0),
        );
        assert_eq!(
            first.adversary_share, 1.0,
            "the only axis takes the whole force"
        );
        assert_eq!(first.name, "Belgorod → Kharkiv");
        let mut half = first.clone();
        half.adversary_share = 0.7;
        s.axes.push(half);
        let second = axis_between(
            &s,
            "UKR",
            place("Donetsk", 37.8, 48.0),
            place("Dnipro", 35.0, 48.5),
        );
        assert!(
            (second.adversary_share - 0.3).abs() < 1e-9,
            "{}",
            second.adversary_share
        );
        assert_ne!(second.id, s.axes.last().expect("an axis").id);
        s.axes.push(second);
        assert!(crate::scenario::validate(&s).is_empty());
    }

    #[test]
    fn moving_an_end_renames_an_axis_named_after_its_ends_only() {
        let mut s = example("armed-neutrality.bulwark.json");
        let i = add_axis(&mut s, "UKR");
        move_axis_end(
            &mut s,
            i,
            AxisEnd::Objective,
            place("Chernihiv", 31.3, 51.5),
        );
        assert_eq!(s.axes[i].objective.name, "Chernihiv");
        assert!(
            s.axes[i].name.ends_with("→ Chernihiv"),
            "{}",
            s.axes[i].name
        );
        s.axes[i].name = "Northern axis".into();
        move_axis_end(&mut s, i, AxisEnd::Start, place("Gomel", 31.0, 52.4));
        assert_eq!(
            s.axes[i].name, "Northern axis",
            "a name the user gave stays"
        );
        assert_eq!(s.axes[i].start.point.lat, 52.4);
    }

    #[test]
    fn the_standard_axes_missing_are_offered_and_added_once() {
        let mut s = example("eastern-flank-today.bulwark.json");
        let missing: Vec<String> = standard_axes_missing(&s)
            .iter()
            .map(|a| a.axis.id.clone())
            .collect();
        // The example has the four Baltic and Polish axes, not Finland's.
        assert_eq!(missing, vec!["vyborg_helsinki".to_string()]);
        let standard = standard_axes_missing(&s)[0];
        let i = add_standard_axis(&mut s, standard);
        assert_eq!(s.axes[i].name, "Vyborg → Helsinki");
        assert!(standard_axes_missing(&s).is_empty());
        assert!(crate::scenario::validate(&s).is_empty());
    }

    #[test]
    fn removing_an_axis_removes_every_reference_to_it() {
        let mut s = example("eastern-flank-today.bulwark.json");
        let id = s.axes[0].id.clone();
        s.arrangements[0].scope_axes = Some(vec![id.clone(), s.axes[1].id.clone()]);
        s.arrangements[0].guarantors[0].forces[0].axis = Some(id.clone());
        remove_axis(&mut s, 0);
        assert!(s.axes.iter().all(|a| a.id != id));
        assert_eq!(s.arrangements[0].scope_axes.as_ref().map(Vec::len), Some(1));
        assert_eq!(s.arrangements[0].guarantors[0].forces[0].axis, None);
        assert!(crate::scenario::validate(&s).is_empty());
    }
}
