//! Editing the settlement line / line of control by vertex: what the map's
//! "Edit line" tool does to the document. A preset line is copied into a
//! custom one at its first edit, so the preset stays as it was. Also what a
//! line cedes: the vertices as shown, and how much of the part of Donbas
//! Ukraine holds it leaves on the adversary's side.

use geo::Contains;

use super::{GeoPoint, LinePreset, SettlementLine, lines};

/// The towns of the part of Donetsk oblast Ukraine held in late 2025 (the
/// "fortress belt" the reported 28-point draft asked it to leave), by which a
/// territorial demand without a named region is judged (lon, lat: the
/// towns' centres, rounded to a hundredth of a degree).
pub const HELD_DONBAS: [(&str, f64, f64); 4] = [
    ("Sloviansk", 37.61, 48.85),
    ("Kramatorsk", 37.56, 48.72),
    ("Druzhkivka", 37.55, 48.63),
    ("Kostiantynivka", 37.71, 48.53),
];

/// The line's vertices (lon, lat), north to south, as shown: a preset's or
/// the custom ones; none without a line.
pub fn vertices(line: &SettlementLine) -> Option<Vec<(f64, f64)>> {
    Some(match line.preset {
        LinePreset::None => return None,
        LinePreset::LineOfContact2025 => lines::line_of_contact_2025(),
        LinePreset::CedeDonetskLuhansk => lines::cede_donetsk_luhansk(),
        LinePreset::Custom => line.custom.iter().map(|p| (p.lon, p.lat)).collect(),
    })
}

/// The share of [`HELD_DONBAS`] the line leaves on the adversary's side (in
/// the area it holds, the line closed round the east), 0 to 1; 0 without a
/// line. So a preset edited by a vertex still cedes what it ceded.
pub fn cedes_held_donbas(line: &SettlementLine) -> f64 {
    let Some(vertices) = vertices(line).filter(|v| v.len() >= 2) else {
        return 0.0;
    };
    let held = geo::Polygon::new(lines::held_polygon(&vertices).into(), Vec::new());
    let ceded = HELD_DONBAS
        .iter()
        .filter(|(_, lon, lat)| held.contains(&geo::Point::new(*lon, *lat)))
        .count();
    ceded as f64 / HELD_DONBAS.len() as f64
}

/// One change to the line's vertices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum LineEdit {
    /// Move the vertex at this index to the point.
    Move(usize, GeoPoint),
    /// Put a new vertex at this index (before the one there), at the point.
    Insert(usize, GeoPoint),
    /// Remove the vertex at this index.
    Remove(usize),
    /// Add a vertex at the end of the line nearer the point.
    Extend(GeoPoint),
}

/// Why an edit was not made, for the status line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineRefusal {
    /// The line would keep fewer than two vertices.
    TooShort,
    /// The index is not one of the line's vertices.
    NoSuchVertex,
}

impl std::fmt::Display for LineRefusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            LineRefusal::TooShort => {
                "A line needs at least two points; to have none, choose \"No line\" in the Scenario tab"
            }
            LineRefusal::NoSuchVertex => "That point is no longer on the line",
        })
    }
}

/// Applies `edit` to `line`, whose vertices as shown are `shown` (a preset's,
/// or the custom ones): the line becomes a custom line with the edited
/// vertices. Coordinates are kept to a thousandth of a degree (about 100 m).
pub fn edit_line(
    line: &mut SettlementLine,
    shown: &[GeoPoint],
    edit: LineEdit,
) -> Result<(), LineRefusal> {
    let mut vertices = shown.to_vec();
    let round = |p: GeoPoint| GeoPoint {
        lon: (p.lon * 1e3).round() / 1e3,
        lat: (p.lat * 1e3).round() / 1e3,
    };
    match edit {
        LineEdit::Move(i, p) => *vertices.get_mut(i).ok_or(LineRefusal::NoSuchVertex)? = round(p),
        LineEdit::Insert(i, p) if i <= vertices.len() => vertices.insert(i, round(p)),
        LineEdit::Insert(..) => return Err(LineRefusal::NoSuchVertex),
        LineEdit::Remove(i) => {
            if i >= vertices.len() {
                return Err(LineRefusal::NoSuchVertex);
            }
            if vertices.len() <= 2 {
                return Err(LineRefusal::TooShort);
            }
            vertices.remove(i);
        }
        LineEdit::Extend(p) => match (vertices.first(), vertices.last()) {
            (Some(a), Some(b)) if a.distance_km(p) < b.distance_km(p) => {
                vertices.insert(0, round(p));
            }
            _ => vertices.push(round(p)),
        },
    }
    if vertices.len() < 2 {
        // A first point waits for its second before there is a line.
        return Err(LineRefusal::TooShort);
    }
    line.preset = LinePreset::Custom;
    line.custom = vertices;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(lon: f64, lat: f64) -> GeoPoint {
        GeoPoint { lon, lat }
    }

    fn preset() -> (SettlementLine, Vec<GeoPoint>) {
        let line = SettlementLine::default();
        let shown = vec![p(37.0, 50.0), p(37.5, 48.5), p(35.0, 47.5)];
        (line, shown)
    }

    #[test]
    fn a_preset_becomes_a_custom_line_with_its_vertex_moved() {
        let (mut line, shown) = preset();
        edit_line(&mut line, &shown, LineEdit::Move(1, p(37.81234, 48.4))).expect("moved");
        assert_eq!(line.preset, LinePreset::Custom);
        assert_eq!(line.custom, vec![shown[0], p(37.812, 48.4), shown[2]]);
    }

    #[test]
    fn vertices_are_inserted_removed_and_the_nearer_end_extended() {
        let (mut line, shown) = preset();
        edit_line(&mut line, &shown, LineEdit::Insert(1, p(37.2, 49.2))).expect("inserted");
        assert_eq!(line.custom.len(), 4);
        assert_eq!(line.custom[1], p(37.2, 49.2));
        let now = line.custom.clone();
        edit_line(&mut line, &now, LineEdit::Remove(0)).expect("removed");
        assert_eq!(line.custom[0], p(37.2, 49.2));
        let now = line.custom.clone();
        edit_line(&mut line, &now, LineEdit::Extend(p(33.0, 46.8))).expect("south end");
        assert_eq!(line.custom.last(), Some(&p(33.0, 46.8)));
        let now = line.custom.clone();
        edit_line(&mut line, &now, LineEdit::Extend(p(36.9, 50.5))).expect("north end");
        assert_eq!(line.custom.first(), Some(&p(36.9, 50.5)));
    }

    #[test]
    fn a_line_keeps_two_points_and_a_lone_point_is_not_a_line() {
        let mut line = SettlementLine {
            preset: LinePreset::Custom,
            custom: vec![p(37.0, 50.0), p(35.0, 47.5)],
        };
        let before = line.clone();
        let shown = line.custom.clone();
        assert_eq!(
            edit_line(&mut line, &shown, LineEdit::Remove(0)),
            Err(LineRefusal::TooShort)
        );
        assert_eq!(line, before, "a refused edit changes nothing");
        let mut none = SettlementLine {
            preset: LinePreset::None,
            custom: Vec::new(),
        };
        assert_eq!(
            edit_line(&mut none, &[], LineEdit::Extend(p(37.0, 50.0))),
            Err(LineRefusal::TooShort)
        );
        assert_eq!(
            edit_line(&mut line, &shown, LineEdit::Move(5, p(1.0, 1.0))),
            Err(LineRefusal::NoSuchVertex)
        );
    }

    fn custom(points: Vec<(f64, f64)>) -> SettlementLine {
        SettlementLine {
            preset: LinePreset::Custom,
            custom: points.into_iter().map(|(lon, lat)| p(lon, lat)).collect(),
        }
    }

    #[test]
    fn the_ceding_preset_cedes_the_held_donbas_and_the_line_of_contact_none_of_it() {
        let line = |preset| SettlementLine {
            preset,
            custom: Vec::new(),
        };
        assert_eq!(
            cedes_held_donbas(&line(LinePreset::CedeDonetskLuhansk)),
            1.0
        );
        assert_eq!(cedes_held_donbas(&line(LinePreset::LineOfContact2025)), 0.0);
        assert_eq!(cedes_held_donbas(&line(LinePreset::None)), 0.0);
    }

    #[test]
    fn a_ceding_line_edited_by_a_vertex_still_cedes_and_one_drawn_east_of_the_towns_cedes_less() {
        let mut line = SettlementLine::default();
        let shown: Vec<GeoPoint> = lines::cede_donetsk_luhansk()
            .into_iter()
            .map(|(lon, lat)| p(lon, lat))
            .collect();
        let far_north = LineEdit::Move(0, p(shown[0].lon + 0.05, shown[0].lat));
        edit_line(&mut line, &shown, far_north).expect("moved");
        assert_eq!(line.preset, LinePreset::Custom);
        assert_eq!(cedes_held_donbas(&line), 1.0);
        // A line between Kramatorsk and Kostiantynivka's longitudes, north to
        // south: the eastern town falls behind it, the rest do not.
        let split = custom(vec![(37.65, 50.0), (37.65, 47.0)]);
        assert_eq!(cedes_held_donbas(&split), 0.25);
        assert_eq!(cedes_held_donbas(&custom(vec![(37.0, 50.0)])), 0.0);
    }
}
