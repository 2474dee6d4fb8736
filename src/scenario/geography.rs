//! The scenario's geography as GeoJSON (RFC 7946, WGS 84), for QGIS and
//! other GIS: axes (LineString), river crossings, defence lines and units
//! (Point), the line of control (LineString), drawn areas (Polygon) and
//! guarantee ties (LineString), each with its properties; and the import
//! back, where an axis drawn in a GIS becomes an axis. The `geojson` crate
//! reads and writes the format; this module maps it to the document.

use geojson::{Feature, FeatureCollection, GeoJson, Geometry, GeometryValue, JsonObject};
use serde_json::{Value, json};

use super::validate::Problem;
use super::{GeoPoint, Place, Scenario, axes, placing, settlement};

/// The property that says what a feature is in Bulwark.
const KIND: &str = "bulwark";

/// The scenario's geography as a pretty-printed GeoJSON FeatureCollection.
pub fn to_geojson(scenario: &Scenario) -> String {
    let mut features = Vec::new();
    for axis in &scenario.axes {
        let line = [axis.start.point, axis.objective.point];
        features.push(feature(
            line_string(&line),
            json!({
                KIND: "axis", "id": axis.id, "name": axis.name, "defender": axis.defender,
                "start": axis.start.name, "objective": axis.objective.name,
                "route_factor": axis.route_factor, "terrain": axis.terrain,
                "adversary_share": axis.adversary_share, "defender_share": axis.defender_share,
            }),
        ));
        for r in &axis.river_crossings {
            let bridges = r
                .bridges
                .map(|b| serde_json::to_value(b).unwrap_or(Value::Null));
            let props = json!({KIND: "river_crossing", "axis": axis.id, "name": r.name, "bridges": bridges});
            features.push(feature(point(r.point), props));
        }
        for l in &axis.defence_lines {
            let props =
                json!({KIND: "defence_line", "axis": axis.id, "name": l.name, "share": l.share});
            features.push(feature(point(l.point), props));
        }
    }
    for (unit, force) in placing::every_unit(scenario) {
        let arrangement = &scenario.arrangements[unit.arrangement];
        let guarantor = &arrangement.guarantors[unit.guarantor];
        let at = force
            .position
            .or_else(|| axes::capital(scenario, &force.stationed_in).map(|p| p.point));
        let Some(at) = at else { continue };
        features.push(feature(
            point(at),
            json!({
                KIND: "unit", "arrangement": arrangement.id, "guarantor": guarantor.state,
                "label": force.label, "kind": force.kind, "troops": force.troops,
                "quality": force.quality, "arrival_days": force.arrival_days,
                "stationed_in": force.stationed_in,
            }),
        ));
    }
    if let Some(vertices) = settlement::vertices(&scenario.settlement_line) {
        let line: Vec<GeoPoint> = vertices
            .into_iter()
            .map(|(lon, lat)| GeoPoint { lon, lat })
            .collect();
        let props = json!({KIND: "line_of_control", "preset": scenario.settlement_line.preset});
        features.push(feature(line_string(&line), props));
    }
    for (i, demand) in scenario.adversary.demands.iter().enumerate() {
        if demand.area.len() >= 3 {
            let props = json!({KIND: "demand_area", "demand": i, "kind": demand.kind, "region": demand.region});
            features.push(feature(polygon(&demand.area), props));
        }
    }
    for arrangement in &scenario.arrangements {
        if arrangement.scope_area.len() >= 3 {
            let props = json!({KIND: "scope_area", "arrangement": arrangement.id, "name": arrangement.name});
            features.push(feature(polygon(&arrangement.scope_area), props));
        }
        for g in &arrangement.guarantors {
            for protected in &arrangement.protected_states {
                let ends = (
                    axes::capital(scenario, &g.state),
                    axes::capital(scenario, protected),
                );
                if let (Some(from), Some(to)) = ends {
                    let props = json!({
                        KIND: "tie", "arrangement": arrangement.id, "guarantor": g.state,
                        "protected": protected, "obligation": g.obligation, "formality": g.formality,
                    });
                    features.push(feature(line_string(&[from.point, to.point]), props));
                }
            }
        }
    }
    let collection = FeatureCollection {
        bbox: None,
        features,
        foreign_members: None,
    };
    let mut text =
        serde_json::to_string_pretty(&GeoJson::FeatureCollection(collection)).unwrap_or_default();
    text.push('\n');
    text
}

fn feature(geometry: GeometryValue, properties: Value) -> Feature {
    Feature {
        bbox: None,
        geometry: Some(Geometry::new(geometry)),
        id: None,
        properties: properties.as_object().cloned(),
        foreign_members: None,
    }
}

fn point(p: GeoPoint) -> GeometryValue {
    GeometryValue::new_point([p.lon, p.lat])
}

fn line_string(points: &[GeoPoint]) -> GeometryValue {
    GeometryValue::new_line_string(points.iter().map(|p| [p.lon, p.lat]))
}

/// A ring as a GeoJSON polygon: closed (first point repeated at the end).
fn polygon(ring: &[GeoPoint]) -> GeometryValue {
    let mut closed: Vec<[f64; 2]> = ring.iter().map(|p| [p.lon, p.lat]).collect();
    if let Some(first) = closed.first().copied() {
        closed.push(first);
    }
    GeometryValue::new_polygon([closed])
}

/// What an import did, in words for the status line.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Imported {
    /// Axes added.
    pub axes_added: usize,
    /// Axes whose ends moved.
    pub axes_moved: usize,
    /// Everything else that changed (units, marks, the line, areas).
    pub other: usize,
    /// Features left alone (ties, which the arrangements make; unknown kinds).
    pub left: usize,
}

impl std::fmt::Display for Imported {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} axes added, {} moved, {} other changes; {} features left alone (ties and other kinds)",
            self.axes_added, self.axes_moved, self.other, self.left
        )
    }
}

/// Reads GeoJSON `text` (from the file `name`) into `scenario`: axes (a
/// LineString, from its first point to its last; a new one for a line that
/// names no axis of the scenario), units, river crossings and defence lines
/// moved, the line of control, drawn areas. Every problem names the file,
/// the feature and the field; with any, nothing is changed.
pub fn import(
    scenario: &Scenario,
    name: &str,
    text: &str,
) -> Result<(Scenario, Imported), Vec<Problem>> {
    let bad =
        |path: String, message: String| vec![Problem::new(&format!("{name}: {path}"), message)];
    let parsed: GeoJson = text
        .parse()
        .map_err(|e| bad("(the file)".into(), format!("is not valid GeoJSON: {e}")))?;
    let features = match parsed {
        GeoJson::FeatureCollection(c) => c.features,
        GeoJson::Feature(f) => vec![f],
        GeoJson::Geometry(_) => {
            return Err(bad(
                "(the file)".into(),
                "is a bare geometry; Bulwark reads a Feature or a FeatureCollection".into(),
            ));
        }
    };
    if features.len() > MAX_FEATURES {
        return Err(bad(
            "features".into(),
            format!(
                "has {} features; at most {MAX_FEATURES} are read",
                features.len()
            ),
        ));
    }
    let mut out = scenario.clone();
    let mut done = Imported::default();
    let mut problems = Vec::new();
    for (i, f) in features.iter().enumerate() {
        let path = format!("features[{i}]");
        if let Err(message) = apply(&mut out, f, &mut done) {
            problems.push(Problem::new(&format!("{name}: {path}"), message));
        }
    }
    problems.extend(super::validate(&out).into_iter().map(|p| {
        Problem::new(
            &format!("{name}: the imported scenario: {}", p.path),
            p.message,
        )
    }));
    if problems.is_empty() {
        Ok((out, done))
    } else {
        Err(problems)
    }
}

/// The most features an import reads (a scenario has tens).
pub const MAX_FEATURES: usize = 10_000;

/// Applies one feature; an error in words (the feature's path is added).
fn apply(s: &mut Scenario, f: &Feature, done: &mut Imported) -> Result<(), String> {
    let empty = JsonObject::new();
    let props = f.properties.as_ref().unwrap_or(&empty);
    let text = |key: &str| props.get(key).and_then(Value::as_str).map(str::to_owned);
    let kind = text(KIND);
    let geometry = f.geometry.as_ref().map(|g| &g.value);
    match (kind.as_deref(), geometry) {
        (_, None) => Err("has no geometry".into()),
        (Some("axis") | None, Some(GeometryValue::LineString { coordinates })) => {
            let points = positions(coordinates)?;
            axis(s, props, &points, done)
        }
        (Some("line_of_control"), Some(GeometryValue::LineString { coordinates })) => {
            let points = positions(coordinates)?;
            let shown: Vec<GeoPoint> = settlement::vertices(&s.settlement_line)
                .unwrap_or_default()
                .into_iter()
                .map(|(lon, lat)| GeoPoint { lon, lat })
                .collect();
            if shown != points {
                s.settlement_line.preset = super::LinePreset::Custom;
                s.settlement_line.custom = points;
                done.other += 1;
            }
            Ok(())
        }
        (Some("unit"), Some(GeometryValue::Point { coordinates })) => {
            let at = position(coordinates)?;
            let (a, g, label) = (text("arrangement"), text("guarantor"), text("label"));
            let capitals: Vec<(String, GeoPoint)> = s
                .states
                .iter()
                .filter_map(|st| Some((st.id.clone(), axes::capital(s, &st.id)?.point)))
                .collect();
            let force = s
                .arrangements
                .iter_mut()
                .filter(|x| Some(&x.id) == a.as_ref())
                .flat_map(|x| x.guarantors.iter_mut())
                .filter(|x| Some(&x.state) == g.as_ref())
                .flat_map(|x| x.forces.iter_mut())
                .find(|x| Some(&x.label) == label.as_ref())
                .ok_or(
                    "properties: names no unit of the scenario (arrangement, guarantor and label)",
                )?;
            // A unit without a position was exported at its state's capital.
            let standing = force.position.or_else(|| {
                capitals
                    .iter()
                    .find(|(id, _)| *id == force.stationed_in)
                    .map(|(_, p)| *p)
            });
            if standing != Some(at) {
                force.position = Some(at);
                done.other += 1;
            }
            Ok(())
        }
        (
            Some(mark @ ("river_crossing" | "defence_line")),
            Some(GeometryValue::Point { coordinates }),
        ) => {
            let at = position(coordinates)?;
            let axis_id =
                text("axis").ok_or("properties.axis: missing; name the axis the mark is on")?;
            let mark_name = text("name").unwrap_or_default();
            let axis = s.axes.iter_mut().find(|a| a.id == axis_id).ok_or(format!(
                "properties.axis: '{axis_id}' is not an axis of the scenario"
            ))?;
            let moved = if mark == "river_crossing" {
                axis.river_crossings
                    .iter_mut()
                    .find(|r| r.name == mark_name)
                    .map(|r| &mut r.point)
            } else {
                axis.defence_lines
                    .iter_mut()
                    .find(|l| l.name == mark_name)
                    .map(|l| &mut l.point)
            };
            let point = moved.ok_or(format!(
                "properties.name: '{mark_name}' is not a {mark} of '{axis_id}'"
            ))?;
            if *point != at {
                *point = at;
                done.other += 1;
            }
            Ok(())
        }
        (
            Some(area @ ("demand_area" | "scope_area")),
            Some(GeometryValue::Polygon { coordinates }),
        ) => {
            let outer = coordinates
                .first()
                .ok_or("geometry: a polygon with no ring")?;
            let mut ring = positions(outer)?;
            if ring.len() > 1 && ring.first() == ring.last() {
                ring.pop();
            }
            let target = if area == "demand_area" {
                let i = props
                    .get("demand")
                    .and_then(Value::as_u64)
                    .ok_or("properties.demand: missing; the index of the adversary's demand")?;
                s.adversary
                    .demands
                    .get_mut(i as usize)
                    .map(|d| &mut d.area)
                    .ok_or(format!(
                        "properties.demand: {i} is not one of the adversary's demands"
                    ))?
            } else {
                let id = text("arrangement").unwrap_or_default();
                s.arrangements
                    .iter_mut()
                    .find(|a| a.id == id)
                    .map(|a| &mut a.scope_area)
                    .ok_or(format!(
                        "properties.arrangement: '{id}' is not an arrangement of the scenario"
                    ))?
            };
            if *target != ring {
                *target = ring;
                done.other += 1;
            }
            Ok(())
        }
        // Ties (the arrangements make them), other kinds, other geometries.
        _ => {
            done.left += 1;
            Ok(())
        }
    }
}

/// An axis from a LineString: the scenario's axis its `id` names has its
/// ends moved (and renamed where the properties name them); a line naming
/// no axis becomes a new axis into its `defender` (or the first protected
/// state), from its first point to its last.
fn axis(
    s: &mut Scenario,
    props: &JsonObject,
    points: &[GeoPoint],
    done: &mut Imported,
) -> Result<(), String> {
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        return Err("geometry: an axis needs at least two points".into());
    };
    if points.len() < 2 {
        return Err("geometry: an axis needs at least two points".into());
    }
    let text = |key: &str| props.get(key).and_then(Value::as_str).map(str::to_owned);
    let place = |name: Option<String>, point: GeoPoint, fallback: &str| Place {
        name: name.unwrap_or_else(|| fallback.to_owned()),
        point,
    };
    if let Some(existing) = text("id").and_then(|id| s.axes.iter_mut().find(|a| a.id == id)) {
        let start = place(text("start"), *first, &existing.start.name);
        let objective = place(text("objective"), *last, &existing.objective.name);
        if existing.start != start || existing.objective != objective {
            existing.start = start;
            existing.objective = objective;
            done.axes_moved += 1;
        }
        return Ok(());
    }
    let defender = match text("defender") {
        Some(d) => d,
        None => first_protected(s).ok_or(
            "properties.defender: missing, and the scenario has no state other than the adversary",
        )?,
    };
    if !s.states.iter().any(|st| st.id == defender) {
        return Err(format!(
            "properties.defender: '{defender}' is not one of the scenario's states"
        ));
    }
    let start = place(text("start"), *first, "Start (imported)");
    let objective = place(text("objective"), *last, "Objective (imported)");
    let mut new = axes::axis_between(s, &defender, start, objective);
    if let Some(name) = text("name") {
        new.name = name;
    }
    if let Some(id) = text("id") {
        new.id = id;
    }
    s.axes.push(new);
    done.axes_added += 1;
    Ok(())
}

/// The state a new axis defends when the line does not say: the first
/// protected state, else the first state that is not the adversary.
fn first_protected(s: &Scenario) -> Option<String> {
    s.arrangements
        .iter()
        .flat_map(|a| a.protected_states.iter())
        .next()
        .cloned()
        .or_else(|| {
            s.states
                .iter()
                .find(|st| st.id != s.adversary.state)
                .map(|st| st.id.clone())
        })
}

/// A GeoJSON position as a point on the globe (longitude, latitude; a
/// height is ignored), refused off the globe.
fn position(p: &geojson::Position) -> Result<GeoPoint, String> {
    let v = p.as_slice();
    if v.len() < 2 {
        return Err("geometry: a position needs a longitude and a latitude".into());
    }
    let (lon, lat) = (v[0], v[1]);
    if !(lon.is_finite()
        && lat.is_finite()
        && (-180.0..=180.0).contains(&lon)
        && (-90.0..=90.0).contains(&lat))
    {
        return Err(format!(
            "geometry: [{lon}, {lat}] is not a longitude and latitude (WGS 84)"
        ));
    }
    Ok(GeoPoint { lon, lat })
}

fn positions(ps: &[geojson::Position]) -> Result<Vec<GeoPoint>, String> {
    ps.iter().map(position).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::scenario::example;

    #[test]
    fn the_geography_makes_a_round_trip_unchanged() {
        for name in [
            "eastern-flank-today.bulwark.json",
            "coalition-guarantee.bulwark.json",
        ] {
            let s = example(name);
            let text = to_geojson(&s);
            let (back, done) = import(&s, "flank.geojson", &text).expect("imports");
            assert_eq!(back, s, "{name}: {done}");
            assert_eq!((done.axes_added, done.axes_moved, done.other), (0, 0, 0));
            let parsed: GeoJson = text.parse().expect("GeoJSON");
            let GeoJson::FeatureCollection(c) = parsed else {
                panic!("a collection")
            };
            let axes = c.features.iter().filter(|f| {
                f.properties
                    .as_ref()
                    .and_then(|p| p.get(KIND))
                    .and_then(Value::as_str)
                    == Some("axis")
            });
            assert_eq!(axes.count(), s.axes.len());
        }
    }

    #[test]
    fn a_line_drawn_in_a_gis_imports_as_an_axis_and_a_moved_end_moves_it() {
        let s = example("eastern-flank-today.bulwark.json");
        let drawn = r#"{"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"name": "Minsk → Vilnius (drawn in QGIS)", "defender": "LTU"},
             "geometry": {"type": "LineString", "coordinates": [[27.56, 53.9], [26.0, 54.3], [25.28, 54.69]]}},
            {"type": "Feature", "properties": {"bulwark": "axis", "id": "narva_tallinn"},
             "geometry": {"type": "LineString", "coordinates": [[28.2, 59.38], [24.9, 59.43]]}}
        ]}"#;
        let (out, done) = import(&s, "drawn.geojson", drawn).expect("imports");
        assert_eq!((done.axes_added, done.axes_moved), (1, 1), "{done}");
        let new = out.axes.last().expect("an axis");
        assert_eq!(new.name, "Minsk → Vilnius (drawn in QGIS)");
        assert_eq!(new.defender, "LTU");
        assert_eq!(
            new.start.point,
            GeoPoint {
                lon: 27.56,
                lat: 53.9
            }
        );
        assert_eq!(
            new.objective.point,
            GeoPoint {
                lon: 25.28,
                lat: 54.69
            }
        );
        let narva = out
            .axes
            .iter()
            .find(|a| a.id == "narva_tallinn")
            .expect("kept");
        assert_eq!(
            narva.objective.point,
            GeoPoint {
                lon: 24.9,
                lat: 59.43
            }
        );
    }

    #[test]
    fn bad_geojson_is_refused_naming_the_file_the_feature_and_the_field() {
        let s = example("eastern-flank-today.bulwark.json");
        let problems = |text: &str| {
            import(&s, "bad.geojson", text)
                .expect_err("refused")
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect::<Vec<_>>()
                .join("\n")
        };
        assert!(problems("{").contains("bad.geojson: (the file): is not valid GeoJSON"));
        assert!(
            problems(r#"{"type": "Point", "coordinates": [1, 2]}"#).contains("a bare geometry")
        );
        let off = r#"{"type": "Feature", "properties": {}, "geometry": {"type": "LineString", "coordinates": [[200, 10], [20, 10]]}}"#;
        assert!(
            problems(off)
                .contains("features[0]: geometry: [200, 10] is not a longitude and latitude"),
            "{}",
            problems(off)
        );
        let unit = r#"{"type": "Feature", "properties": {"bulwark": "unit", "label": "nobody"}, "geometry": {"type": "Point", "coordinates": [20, 50]}}"#;
        assert!(problems(unit).contains("features[0]: properties: names no unit"));
        let stranger = r#"{"type": "Feature", "properties": {"defender": "XXX"}, "geometry": {"type": "LineString", "coordinates": [[20, 50], [21, 51]]}}"#;
        assert!(problems(stranger).contains("'XXX' is not one of the scenario's states"));
    }
}
