//! Where the guarantors' units stand: naming one unit of the document, and
//! moving it to a place on the map (what dragging its marker does).

use super::{ForceCommitment, GeoPoint, Place, Scenario, UnitKind};

/// One guarantor unit of a scenario, by its indices: the arrangement, the
/// guarantor within it and the force within that guarantor's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct UnitRef {
    /// Index into `arrangements`.
    pub arrangement: usize,
    /// Index into the arrangement's `guarantors`.
    pub guarantor: usize,
    /// Index into the guarantor's `forces`.
    pub force: usize,
}

impl UnitRef {
    /// The unit in `scenario`, if it is still there.
    pub fn get(self, scenario: &Scenario) -> Option<&ForceCommitment> {
        scenario
            .arrangements
            .get(self.arrangement)?
            .guarantors
            .get(self.guarantor)?
            .forces
            .get(self.force)
    }

    fn get_mut(self, scenario: &mut Scenario) -> Option<&mut ForceCommitment> {
        scenario
            .arrangements
            .get_mut(self.arrangement)?
            .guarantors
            .get_mut(self.guarantor)?
            .forces
            .get_mut(self.force)
    }
}

/// Every guarantor unit of `scenario` with its reference, in document order.
pub fn every_unit(scenario: &Scenario) -> impl Iterator<Item = (UnitRef, &ForceCommitment)> {
    scenario
        .arrangements
        .iter()
        .enumerate()
        .flat_map(|(a, arrangement)| {
            arrangement
                .guarantors
                .iter()
                .enumerate()
                .flat_map(move |(g, guarantor)| {
                    guarantor.forces.iter().enumerate().map(move |(f, force)| {
                        let unit = UnitRef {
                            arrangement: a,
                            guarantor: g,
                            force: f,
                        };
                        (unit, force)
                    })
                })
        })
}

/// What moving a unit did, for the status line.
#[derive(Clone, Debug, PartialEq)]
pub struct Moved {
    /// The unit's label.
    pub label: String,
    /// Whether its axis was let go: a ground unit fights only in the state
    /// it stands in, so an axis into another state no longer applies.
    pub axis_dropped: Option<String>,
}

/// Moves `unit` to `place`, in `state` (a state of the scenario): where it
/// stands and where it is stationed. A ground unit's axis into another state
/// is let go (it would act there no longer); aircraft and units with a reach
/// keep theirs. `None` if the unit is not in the document.
pub fn move_unit(
    scenario: &mut Scenario,
    unit: UnitRef,
    state: &str,
    place: &Place,
) -> Option<Moved> {
    let defender_of = |axis: &str| {
        scenario
            .axes
            .iter()
            .find(|a| a.id == axis)
            .map(|a| a.defender.clone())
    };
    let axis_defender = unit.get(scenario)?.axis.as_deref().and_then(defender_of);
    let force = unit.get_mut(scenario)?;
    force.stationed_in = state.to_owned();
    force.position = Some(GeoPoint {
        lon: place.point.lon,
        lat: place.point.lat,
    });
    let acts_afar = force.kind == UnitKind::CombatAircraft || force.reach_km.is_some();
    let axis_dropped = match axis_defender {
        Some(defender) if defender != state && !acts_afar => force.axis.take(),
        _ => None,
    };
    Some(Moved {
        label: force.label.clone(),
        axis_dropped,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn coalition() -> Scenario {
        let bytes = crate::assets::example("coalition-guarantee.bulwark.json").expect("example");
        crate::scenario::from_bytes("x", bytes).expect("loads")
    }

    fn lviv() -> Place {
        Place {
            name: "Lviv".into(),
            point: GeoPoint {
                lon: 24.03,
                lat: 49.84,
            },
        }
    }

    #[test]
    fn a_moved_unit_stands_at_the_place_in_the_state_given() {
        let mut s = coalition();
        let (unit, _) = every_unit(&s).next().expect("a unit");
        let moved = move_unit(&mut s, unit, "UKR", &lviv()).expect("moved");
        let force = unit.get(&s).expect("still there");
        assert_eq!(force.stationed_in, "UKR");
        assert_eq!(force.position, Some(lviv().point));
        assert_eq!(moved.label, force.label);
    }

    #[test]
    fn a_ground_unit_lets_go_of_an_axis_into_another_state_and_aircraft_keep_theirs() {
        let mut s = coalition();
        let (unit, _) = every_unit(&s).next().expect("a unit");
        let axis = s
            .axes
            .iter()
            .find(|a| a.defender == "UKR")
            .expect("an axis")
            .id
            .clone();
        {
            let force = unit.get_mut(&mut s).expect("unit");
            force.axis = Some(axis.clone());
            force.kind = UnitKind::Armoured;
            force.reach_km = None;
        }
        let mut ground = s.clone();
        let moved = move_unit(&mut ground, unit, "POL", &lviv()).expect("moved");
        assert_eq!(moved.axis_dropped.as_deref(), Some(axis.as_str()));
        assert_eq!(unit.get(&ground).and_then(|f| f.axis.clone()), None);

        unit.get_mut(&mut s).expect("unit").kind = UnitKind::CombatAircraft;
        let moved = move_unit(&mut s, unit, "POL", &lviv()).expect("moved");
        assert_eq!(moved.axis_dropped, None);
        assert_eq!(unit.get(&s).and_then(|f| f.axis.clone()), Some(axis));
    }

    #[test]
    fn a_unit_no_longer_in_the_document_is_not_moved() {
        let mut s = coalition();
        let gone = UnitRef {
            arrangement: 99,
            guarantor: 0,
            force: 0,
        };
        assert_eq!(move_unit(&mut s, gone, "UKR", &lviv()), None);
    }
}
