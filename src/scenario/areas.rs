//! Areas drawn on the map (a territorial demand's outline, the area a
//! guarantee covers): whether a point lies inside one, and which axes a
//! guarantee's scope covers. Points are tested in longitude and latitude as
//! a plane, which is close enough for areas the size of a region (the edges
//! are short; `geo` does the test).

use geo::Contains;

use super::{Arrangement, Axis, Demand, DemandKind, GeoPoint, Scenario};

/// Whether `point` lies inside the area outlined by `ring` (at least three
/// points; the ring closes itself).
pub fn contains(ring: &[GeoPoint], point: GeoPoint) -> bool {
    if ring.len() < 3 {
        return false;
    }
    let outline: geo::LineString<f64> = ring.iter().map(|p| (p.lon, p.lat)).collect();
    geo::Polygon::new(outline, Vec::new()).contains(&geo::Point::new(point.lon, point.lat))
}

/// Whether anything limits `arrangement`'s scope (axes ticked or an area
/// drawn); if not, it covers the whole state.
pub fn limits_scope(arrangement: &Arrangement) -> bool {
    arrangement.scope_axes.is_some() || !arrangement.scope_area.is_empty()
}

/// Whether `arrangement` covers an attack along `axis`: with no limit, any;
/// else an axis ticked in `scope_axes`, or one whose objective lies inside
/// `scope_area`.
pub fn covers(arrangement: &Arrangement, axis: &Axis) -> bool {
    if !limits_scope(arrangement) {
        return true;
    }
    let ticked = arrangement
        .scope_axes
        .as_ref()
        .is_some_and(|ids| ids.contains(&axis.id));
    ticked || contains(&arrangement.scope_area, axis.objective.point)
}

/// Which area drawn on the map: a demand's or an arrangement's scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AreaOf {
    /// The outline of the adversary's demand with this index.
    Demand(usize),
    /// The scope of the arrangement with this index.
    Scope(usize),
}

/// Every area drawn in `scenario`, with what it outlines.
pub fn drawn_areas(scenario: &Scenario) -> impl Iterator<Item = (AreaOf, &[GeoPoint])> {
    let demands = scenario
        .adversary
        .demands
        .iter()
        .enumerate()
        .map(|(i, d)| (AreaOf::Demand(i), d.area.as_slice()));
    let scopes = scenario
        .arrangements
        .iter()
        .enumerate()
        .map(|(i, a)| (AreaOf::Scope(i), a.scope_area.as_slice()));
    demands.chain(scopes).filter(|(_, ring)| !ring.is_empty())
}

/// Adds a territorial demand of the region outlined by `ring`, named
/// `region`, `share` of the protected state's territory (weight 0.5, an
/// assumption the user sets in the Adversary tab). Returns its index.
pub fn add_demanded_area(
    scenario: &mut Scenario,
    ring: Vec<GeoPoint>,
    region: &str,
    share: f64,
) -> usize {
    scenario.adversary.demands.push(Demand {
        kind: DemandKind::Territory,
        weight: 0.5,
        text: format!("{region}: drawn on the map; weight assumed"),
        region: Some(region.to_owned()),
        share: Some((share.clamp(0.0, 1.0) * 1e3).round() / 1e3),
        area: ring,
        met: None,
    });
    scenario.adversary.demands.len() - 1
}

/// Removes a drawn area (the outline only: the demand or the arrangement
/// stays). False if there is no such area.
pub fn remove_area(scenario: &mut Scenario, area: AreaOf) -> bool {
    let ring = match area {
        AreaOf::Demand(i) => scenario.adversary.demands.get_mut(i).map(|d| &mut d.area),
        AreaOf::Scope(i) => scenario.arrangements.get_mut(i).map(|a| &mut a.scope_area),
    };
    match ring {
        Some(ring) if !ring.is_empty() => {
            ring.clear();
            true
        }
        _ => false,
    }
}

/// What an area outlines, in words: "Demanded by Russia: Sudetenland",
/// "Covered by the Anglo-French guarantee".
pub fn area_label(scenario: &Scenario, area: AreaOf) -> String {
    match area {
        AreaOf::Demand(i) => {
            let region = scenario
                .adversary
                .demands
                .get(i)
                .and_then(|d| d.region.clone())
                .unwrap_or_else(|| "a region".into());
            let adversary = super::reference::state_name(scenario, &scenario.adversary.state);
            format!("Demanded by {adversary}: {region}")
        }
        AreaOf::Scope(i) => {
            let name = scenario
                .arrangements
                .get(i)
                .map_or("the arrangement", |a| a.name.as_str());
            format!("Covered by {name}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lon: f64, lat: f64) -> GeoPoint {
        GeoPoint { lon, lat }
    }

    /// Roughly the part of Ukraine west of the Dnipro.
    fn west_bank() -> Vec<GeoPoint> {
        vec![p(22.0, 52.0), p(31.0, 52.0), p(31.0, 45.0), p(22.0, 45.0)]
    }

    #[test]
    fn a_point_is_inside_an_area_or_not() {
        assert!(contains(&west_bank(), p(24.03, 49.84)), "Lviv");
        assert!(!contains(&west_bank(), p(36.23, 49.99)), "Kharkiv");
        assert!(
            !contains(&west_bank()[..2], p(24.03, 49.84)),
            "two points are no area"
        );
    }

    #[test]
    fn a_scope_area_covers_the_axes_whose_objectives_lie_inside_it() {
        let bytes = crate::assets::example("armed-neutrality.bulwark.json").expect("example");
        let mut s = crate::scenario::from_bytes("x", bytes).expect("loads");
        let axes = s.axes.clone();
        let a = &mut s.arrangements[0];
        assert!(axes.iter().all(|axis| covers(a, axis)), "no limit: all");
        a.scope_area = west_bank();
        for axis in &axes {
            let west = axis.objective.point.lon < 31.0;
            assert_eq!(covers(a, axis), west, "{}", axis.name);
        }
        // An axis ticked is covered wherever its objective lies.
        let east = axes
            .iter()
            .find(|x| x.objective.point.lon > 31.0)
            .expect("an eastern axis");
        a.scope_axes = Some(vec![east.id.clone()]);
        assert!(covers(a, east));
    }

    #[test]
    fn a_demanded_area_is_added_listed_labelled_and_its_outline_removed() {
        let bytes = crate::assets::example("armed-neutrality.bulwark.json").expect("example");
        let mut s = crate::scenario::from_bytes("x", bytes).expect("loads");
        let before = s.adversary.demands.len();
        let i = add_demanded_area(&mut s, west_bank(), "West bank", 0.456_78);
        assert_eq!(i, before);
        let d = &s.adversary.demands[i];
        assert_eq!(
            (d.kind, d.share, d.area.len()),
            (DemandKind::Territory, Some(0.457), 4)
        );
        assert!(crate::scenario::validate(&s).is_empty(), "a valid document");
        let listed: Vec<AreaOf> = drawn_areas(&s).map(|(a, _)| a).collect();
        assert_eq!(listed, vec![AreaOf::Demand(i)]);
        assert_eq!(
            area_label(&s, AreaOf::Demand(i)),
            "Demanded by Russia: West bank"
        );
        assert!(remove_area(&mut s, AreaOf::Demand(i)));
        assert!(s.adversary.demands[i].area.is_empty(), "the outline goes");
        assert_eq!(s.adversary.demands.len(), before + 1, "the demand stays");
        assert!(!remove_area(&mut s, AreaOf::Scope(0)), "no area to remove");
    }
}
