//! The area the adversary holds behind a custom settlement line, worked out
//! when the line changes: the line closed round the east (`lines::held_polygon`),
//! clipped to Ukraine and triangulated, in map km. `build.rs` does the same
//! once for the presets; `geo` does the clipping and the ear-cutting, as there.

use geo::{BooleanOps, TriangulateEarcut};

use crate::scenario::GeoPoint;

use super::geodata::{BakedCountry, Geodata};
use super::projection::project;
use crate::scenario::lines::held_polygon;

/// The held area's triangles in map km.
#[derive(Debug, Default, PartialEq)]
pub(super) struct HeldMesh {
    /// Vertices, map km.
    pub vertices: Vec<[f32; 2]>,
    /// Triangles, three indices each into `vertices`.
    pub indices: Vec<u32>,
}

/// The held area behind `line` (vertices north to south), clipped to Ukraine.
pub(super) fn held_behind(line: &[GeoPoint]) -> HeldMesh {
    let data = Geodata::get();
    let Some(ukraine) = data.country("UKR") else {
        return HeldMesh::default();
    };
    if line.len() < 2 {
        return HeldMesh::default();
    }
    let land = country_land(ukraine);
    let vertices: Vec<(f64, f64)> = line.iter().map(|p| (p.lon, p.lat)).collect();
    let behind = projected(&held_polygon(&vertices));
    let mut mesh = HeldMesh::default();
    for polygon in land.intersection(&geo::MultiPolygon(vec![behind])) {
        let raw = polygon.earcut_triangles_raw();
        let base = mesh.vertices.len() as u32;
        mesh.vertices
            .extend(raw.vertices.iter().map(|v| [v[0] as f32, v[1] as f32]));
        mesh.indices
            .extend(raw.triangle_indices.iter().map(|&i| base + i as u32));
    }
    mesh
}

/// A country's land in map km, one polygon a ring. Its rings are taken as
/// outer boundaries: the map's countries have no enclaves to cut out.
pub(super) fn country_land(country: &BakedCountry) -> geo::MultiPolygon<f64> {
    geo::MultiPolygon(
        Geodata::get()
            .rings(country)
            .map(|r| {
                let ring = r
                    .iter()
                    .map(|p| geo::coord! { x: f64::from(p[0]), y: f64::from(p[1]) })
                    .collect();
                geo::Polygon::new(geo::LineString(ring), vec![])
            })
            .collect(),
    )
}

/// A ring of (lon, lat) points as a polygon in map km.
pub(super) fn projected(ring: &[(f64, f64)]) -> geo::Polygon<f64> {
    let outline = ring
        .iter()
        .map(|&(lon, lat)| {
            let [x, y] = project(lon, lat);
            geo::coord! { x: x, y: y }
        })
        .collect();
    geo::Polygon::new(geo::LineString(outline), vec![])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area(mesh: &HeldMesh) -> f64 {
        mesh.indices
            .chunks_exact(3)
            .map(|t| {
                let [a, b, c] = [t[0], t[1], t[2]].map(|i| mesh.vertices[i as usize]);
                let cross = (b[0] - a[0]) * (c[1] - a[1]) - (c[0] - a[0]) * (b[1] - a[1]);
                f64::from(cross.abs()) / 2.0
            })
            .sum()
    }

    fn points(line: Vec<(f64, f64)>) -> Vec<GeoPoint> {
        line.into_iter()
            .map(|(lon, lat)| GeoPoint { lon, lat })
            .collect()
    }

    #[test]
    fn a_line_further_west_holds_more_and_all_of_it_in_ukraine() {
        let preset = held_behind(&points(crate::scenario::lines::line_of_contact_2025()));
        let west = held_behind(&points(
            crate::scenario::lines::line_of_contact_2025()
                .into_iter()
                .map(|(lon, lat)| (lon - 1.0, lat))
                .collect(),
        ));
        let (a, b) = (area(&preset), area(&west));
        // Russia holds about a fifth of Ukraine's 603,500 km² (ISW, 2025).
        assert!((60_000.0..160_000.0).contains(&a), "{a} km²");
        assert!(b > a * 1.2, "{b} against {a}");
        let ukraine = Geodata::get().country("UKR").expect("Ukraine");
        for v in &west.vertices {
            let [x0, y0, x1, y1] = ukraine.bbox;
            assert!((x0 - 1.0..=x1 + 1.0).contains(&v[0]) && (y0 - 1.0..=y1 + 1.0).contains(&v[1]));
        }
    }

    #[test]
    fn a_line_from_a_hostile_file_gives_an_area_or_none_and_never_a_panic() {
        let zigzag: Vec<GeoPoint> = (0..400)
            .map(|i| GeoPoint {
                lon: 30.0 + f64::from(i % 7) * 1.3,
                lat: 52.0 - f64::from(i) * 0.02 + f64::from(i % 3),
            })
            .collect();
        let _ = held_behind(&zigzag);
        let extremes = [
            (-180.0, -90.0),
            (180.0, 90.0),
            (0.0, 90.0),
            (37.0, 48.0),
            (37.0, 48.0),
        ];
        let line: Vec<GeoPoint> = extremes
            .iter()
            .map(|&(lon, lat)| GeoPoint { lon, lat })
            .collect();
        let mesh = held_behind(&line);
        assert!(mesh.vertices.iter().flatten().all(|v| v.is_finite()));
        assert!(
            mesh.indices
                .iter()
                .all(|&i| (i as usize) < mesh.vertices.len())
        );
    }

    #[test]
    fn no_line_holds_nothing() {
        assert_eq!(held_behind(&[]), HeldMesh::default());
    }
}
