//! The countries, borders and held areas baked into the binary by `build.rs`
//! (projected to map kilometres and triangulated there), and hit-testing.

use std::sync::OnceLock;

use crate::scenario::LinePreset;

use super::projection;

/// A country as baked by `build.rs`: ranges into the shared buffers.
#[derive(Clone, Copy, Debug)]
pub struct BakedCountry {
    /// ISO 3166 alpha-3 code (Åland is part of `FIN`).
    pub id: &'static str,
    /// Name from Natural Earth.
    pub name: &'static str,
    /// Where its name is written, map km.
    pub label: [f32; 2],
    /// Bounding box `[min x, min y, max x, max y]`, map km.
    pub bbox: [f32; 4],
    /// Range of its vertices in [`Geodata::vertices`].
    pub vertices: (u32, u32),
    /// Range of its triangle indices in [`Geodata::indices`].
    pub indices: (u32, u32),
    /// Range of its rings in the ring table (for hit-testing and outlines).
    pub rings: (u32, u32),
}

mod baked {
    use super::BakedCountry;
    include!(concat!(env!("OUT_DIR"), "/map_data.rs"));
}

/// A border line: a land border between two countries, or a coastline.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Border {
    /// True for a land border, false for a coastline.
    pub land: bool,
    /// Range of its points in [`Geodata::border_points`].
    pub points: (u32, u32),
}

/// The baked map, decoded once from the little-endian buffers (a copy, no parsing).
#[derive(Debug)]
pub struct Geodata {
    /// Every mesh vertex, map km.
    pub vertices: Vec<[f32; 2]>,
    /// Triangle indices into `vertices`.
    pub indices: Vec<u32>,
    /// Every border point, map km.
    pub border_points: Vec<[f32; 2]>,
}

fn f32_pairs(bytes: &[u8]) -> Vec<[f32; 2]> {
    bytes
        .chunks_exact(8)
        .map(|c| {
            let f = |i: usize| f32::from_le_bytes([c[i], c[i + 1], c[i + 2], c[i + 3]]);
            [f(0), f(4)]
        })
        .collect()
}

impl Geodata {
    /// The baked map.
    pub fn get() -> &'static Geodata {
        static DATA: OnceLock<Geodata> = OnceLock::new();
        DATA.get_or_init(|| Geodata {
            vertices: f32_pairs(baked::VERTEX_BYTES),
            indices: baked::INDEX_BYTES
                .chunks_exact(4)
                .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
                .collect(),
            border_points: f32_pairs(baked::BORDER_BYTES),
        })
    }

    /// Every country on the map, sorted by id.
    pub fn countries(&self) -> &'static [BakedCountry] {
        baked::COUNTRIES
    }

    /// The country with this id.
    pub fn country(&self, id: &str) -> Option<&'static BakedCountry> {
        baked::COUNTRIES
            .binary_search_by(|c| c.id.cmp(id))
            .ok()
            .and_then(|i| baked::COUNTRIES.get(i))
    }

    /// Every border and coastline.
    pub fn borders(&self) -> impl Iterator<Item = Border> {
        baked::BORDERS.iter().map(|&(land, a, b)| Border {
            land,
            points: (a, b),
        })
    }

    /// The points of a border.
    pub fn border(&self, border: Border) -> &[[f32; 2]] {
        self.border_points
            .get(border.points.0 as usize..border.points.1 as usize)
            .unwrap_or(&[])
    }

    /// The rings (outer boundaries and holes) of a country, as vertex slices.
    pub fn rings(&self, country: &BakedCountry) -> impl Iterator<Item = &[[f32; 2]]> {
        baked::RINGS
            .get(country.rings.0 as usize..country.rings.1 as usize)
            .unwrap_or(&[])
            .iter()
            .map(|&(a, b)| self.vertices.get(a as usize..b as usize).unwrap_or(&[]))
    }

    /// The triangles of the area the adversary holds under a preset line:
    /// (vertex range, index range); none for `None` and `Custom`.
    pub fn held_area(&self, preset: LinePreset) -> Option<((u32, u32), (u32, u32))> {
        let i = match preset {
            LinePreset::LineOfContact2025 => 0,
            LinePreset::CedeDonetskLuhansk => 1,
            LinePreset::None | LinePreset::Custom => return None,
        };
        baked::HELD.get(i).copied()
    }

    /// The country under a point in map km (even-odd rule over its rings).
    pub fn country_at_xy(&self, p: [f32; 2]) -> Option<&'static BakedCountry> {
        baked::COUNTRIES.iter().find(|c| {
            let [x0, y0, x1, y1] = c.bbox;
            p[0] >= x0
                && p[0] <= x1
                && p[1] >= y0
                && p[1] <= y1
                && self.rings(c).filter(|r| inside(r, p)).count() % 2 == 1
        })
    }

    /// The country at a longitude/latitude (degrees).
    pub fn country_at(&self, lon: f64, lat: f64) -> Option<&'static BakedCountry> {
        let [x, y] = projection::project(lon, lat);
        self.country_at_xy([x as f32, y as f32])
    }
}

/// Whether `p` is inside the closed ring (crossing-number test). Hand-written:
/// a dozen lines over the baked rings, where pulling `geo` into the app only for
/// this would cost more build time than it saves.
fn inside(ring: &[[f32; 2]], p: [f32; 2]) -> bool {
    let mut result = false;
    let mut j = ring.len().wrapping_sub(1);
    for (i, a) in ring.iter().enumerate() {
        let Some(b) = ring.get(j) else { break };
        if (a[1] > p[1]) != (b[1] > p[1])
            && p[0] < (b[0] - a[0]) * (p[1] - a[1]) / (b[1] - a[1]) + a[0]
        {
            result = !result;
        }
        j = i;
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_country_is_found_at_its_own_points() {
        let data = Geodata::get();
        assert!(data.countries().len() > 40);
        for c in data.countries() {
            assert_eq!(data.country(c.id).map(|f| f.id), Some(c.id));
            assert!(c.indices.1 > c.indices.0, "{} has triangles", c.id);
            // The centroid of its largest triangle lies inside it.
            let tri = data
                .indices
                .get(c.indices.0 as usize..c.indices.1 as usize)
                .unwrap_or(&[])
                .chunks_exact(3)
                .map(|t| [t[0], t[1], t[2]].map(|i| data.vertices[i as usize]))
                .max_by(|a, b| area(a).total_cmp(&area(b)))
                .expect("a triangle");
            let centre = [
                (tri[0][0] + tri[1][0] + tri[2][0]) / 3.0,
                (tri[0][1] + tri[1][1] + tri[2][1]) / 3.0,
            ];
            assert_eq!(data.country_at_xy(centre).map(|f| f.id), Some(c.id));
        }
    }

    fn area(t: &[[f32; 2]; 3]) -> f32 {
        ((t[1][0] - t[0][0]) * (t[2][1] - t[0][1]) - (t[2][0] - t[0][0]) * (t[1][1] - t[0][1]))
            .abs()
    }

    #[test]
    fn cities_pick_their_country() {
        let data = Geodata::get();
        for city in super::super::places::CITIES {
            let found = data.country_at(city.lon, city.lat).map(|c| c.id);
            assert_eq!(found, Some(city.country), "{}", city.name);
        }
        // Åland is coloured with Finland; Crimea is in Ukraine; the sea is nobody's.
        assert_eq!(data.country_at(19.95, 60.1).map(|c| c.id), Some("FIN"));
        assert_eq!(data.country_at(34.1, 44.95).map(|c| c.id), Some("UKR"));
        assert_eq!(data.country_at(20.0, 57.0).map(|c| c.id), None);
        assert_eq!(data.country_at(20.5, 54.7).map(|c| c.id), Some("RUS"));
    }

    #[test]
    fn held_areas_lie_in_ukraine() {
        let data = Geodata::get();
        for preset in [
            LinePreset::LineOfContact2025,
            LinePreset::CedeDonetskLuhansk,
        ] {
            let ((v0, v1), (i0, i1)) = data.held_area(preset).expect("baked");
            assert!(v1 > v0 && i1 > i0);
            for v in &data.vertices[v0 as usize..v1 as usize] {
                let [lon, lat] = projection::unproject(v[0].into(), v[1].into());
                assert!((31.0..41.0).contains(&lon) && (44.0..50.6).contains(&lat));
            }
        }
        assert!(data.held_area(LinePreset::None).is_none());
    }
}
