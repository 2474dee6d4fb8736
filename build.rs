//! Bakes `assets/` and `saves/` into the binary so Bulwark runs from anywhere:
//! writes `$OUT_DIR/embedded.rs` with one `include_bytes!` per file.
//!
//! Also bakes the map (see [`bake_map`]): the countries of `assets/map/europe.json`
//! projected and triangulated, their borders as line strips, and the area Russia
//! holds under each settlement-line preset, into `$OUT_DIR/map_data.rs` and three
//! little-endian binary files, so the app does no parsing or triangulation at start.

// The projection and the settlement-line presets are shared with the app, so that
// they are written once; the build uses only part of them.
#[allow(dead_code)]
#[path = "src/scenario/lines.rs"]
mod lines;
#[allow(dead_code)]
#[path = "src/map/projection.rs"]
mod projection;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let mut code = String::new();
    for (name, dir) in [("ASSETS", "assets"), ("SAVES", "saves")] {
        let base = root.join(dir);
        println!("cargo:rerun-if-changed={}", base.display());
        let mut files = Vec::new();
        collect_files(&base, &mut files);
        files.sort();
        writeln!(code, "/// Files under `{dir}/`, by path relative to it.").ok();
        writeln!(code, "pub static {name}: &[(&str, &[u8])] = &[").ok();
        for file in files {
            if file.ends_with("map/europe.json") {
                // Baked as meshes by `bake_map`, not needed as bytes.
                println!("cargo:rerun-if-changed={}", file.display());
                continue;
            }
            println!("cargo:rerun-if-changed={}", file.display());
            let rel = file.strip_prefix(&base).expect("under base");
            let rel = rel.to_string_lossy().replace('\\', "/");
            writeln!(
                code,
                "    ({rel:?}, include_bytes!({:?})),",
                file.display().to_string()
            )
            .ok();
        }
        writeln!(code, "];").ok();
    }
    std::fs::write(out.join("embedded.rs"), code).expect("write embedded.rs");
    bake_map(&root.join("assets/map/europe.json"), &out);
}

/// Little-endian buffers and the Rust source describing what is in them.
#[derive(Default)]
struct Baked {
    vertices: Vec<u8>,
    vertex_count: u32,
    indices: Vec<u8>,
    index_count: u32,
    border_points: Vec<u8>,
    border_count: u32,
    coarse_points: Vec<u8>,
    coarse_count: u32,
}

impl Baked {
    fn push_vertex(&mut self, p: [f64; 2]) {
        self.vertices
            .extend_from_slice(&(p[0] as f32).to_le_bytes());
        self.vertices
            .extend_from_slice(&(p[1] as f32).to_le_bytes());
        self.vertex_count += 1;
    }

    /// Triangulates one polygon (projected) into the buffers; returns the vertex
    /// ranges of its rings.
    fn push_polygon(&mut self, polygon: &geo::Polygon<f64>) -> Vec<(u32, u32)> {
        use geo::TriangulateEarcut;
        let raw = polygon.earcut_triangles_raw();
        let base = self.vertex_count;
        for v in &raw.vertices {
            self.push_vertex(*v);
        }
        for i in &raw.triangle_indices {
            let index = base + u32::try_from(*i).expect("small mesh");
            self.indices.extend_from_slice(&index.to_le_bytes());
            self.index_count += 1;
        }
        let mut rings = Vec::new();
        let mut start = base;
        for ring in std::iter::once(polygon.exterior()).chain(polygon.interiors()) {
            let len = u32::try_from(ring.0.len().saturating_sub(1)).expect("small ring");
            rings.push((start, start + len));
            start += len;
        }
        rings
    }
}

fn projected_ring(points: &[serde_json::Value]) -> geo::LineString<f64> {
    points
        .iter()
        .filter_map(|p| Some(projection::project(p[0].as_f64()?, p[1].as_f64()?)))
        .map(|[x, y]| geo::coord! { x: x, y: y })
        .collect()
}

/// How far (km) the coarse borders drawn at whole-region zoom may stray from
/// the full ones: at that zoom a point is 3–5 km, so under half a point.
const COARSE_TOLERANCE_KM: f64 = 1.5;

/// Appends a point as two little-endian f32s.
fn push_pair(buffer: &mut Vec<u8>, p: [f64; 2]) {
    buffer.extend_from_slice(&(p[0] as f32).to_le_bytes());
    buffer.extend_from_slice(&(p[1] as f32).to_le_bytes());
}

/// Bakes the map asset; see the module documentation.
fn bake_map(source: &Path, out: &Path) {
    use geo::BooleanOps;
    println!("cargo:rerun-if-changed={}", source.display());
    println!("cargo:rerun-if-changed=src/map/projection.rs");
    println!("cargo:rerun-if-changed=src/scenario/lines.rs");
    let text =
        std::fs::read_to_string(source).expect("assets/map/europe.json (run tools/derive_map.py)");
    let json: serde_json::Value = serde_json::from_str(&text).expect("valid map JSON");
    let mut baked = Baked::default();
    let mut code = String::new();
    let mut all_rings = Vec::new();
    let mut ukraine = Vec::new();
    writeln!(code, "/// Countries on the map, sorted by id.").ok();
    writeln!(code, "pub(crate) static COUNTRIES: &[BakedCountry] = &[").ok();
    for country in json["countries"].as_array().expect("countries") {
        let id = country["id"].as_str().expect("id");
        let name = country["name"].as_str().expect("name");
        let label = &country["label"];
        let label = projection::project(
            label[0].as_f64().expect("label lon"),
            label[1].as_f64().expect("label lat"),
        );
        let (v0, i0, r0) = (baked.vertex_count, baked.index_count, all_rings.len());
        let mut bbox = [f64::MAX, f64::MAX, f64::MIN, f64::MIN];
        for poly in country["polygons"].as_array().expect("polygons") {
            let rings: Vec<geo::LineString<f64>> = poly
                .as_array()
                .expect("rings")
                .iter()
                .map(|r| projected_ring(r.as_array().expect("ring")))
                .collect();
            let Some((exterior, interiors)) = rings.split_first() else {
                continue;
            };
            for c in &exterior.0 {
                bbox = [
                    bbox[0].min(c.x),
                    bbox[1].min(c.y),
                    bbox[2].max(c.x),
                    bbox[3].max(c.y),
                ];
            }
            let polygon = geo::Polygon::new(exterior.clone(), interiors.to_vec());
            if id == "UKR" {
                ukraine.push(polygon.clone());
            }
            all_rings.extend(baked.push_polygon(&polygon));
        }
        writeln!(
            code,
            "    BakedCountry {{ id: {id:?}, name: {name:?}, label: [{:.3}, {:.3}], \
             bbox: [{:.3}, {:.3}, {:.3}, {:.3}], vertices: ({v0}, {}), indices: ({i0}, {}), \
             rings: ({r0}, {}) }},",
            label[0],
            label[1],
            bbox[0],
            bbox[1],
            bbox[2],
            bbox[3],
            baked.vertex_count,
            baked.index_count,
            all_rings.len()
        )
        .ok();
    }
    writeln!(code, "];").ok();
    writeln!(code, "/// Vertex ranges of every ring of every country.").ok();
    writeln!(code, "pub(crate) static RINGS: &[(u32, u32)] = &[").ok();
    for (a, b) in &all_rings {
        writeln!(code, "    ({a}, {b}),").ok();
    }
    writeln!(code, "];").ok();

    // The area Russia holds under each preset: the preset's polygon clipped to
    // Ukraine, triangulated.
    let ukraine = geo::MultiPolygon::new(ukraine);
    writeln!(
        code,
        "/// Held areas by preset: (vertex range, index range)."
    )
    .ok();
    writeln!(code, "pub(crate) static HELD: &[MeshRanges] = &[").ok();
    for line in [lines::line_of_contact_2025(), lines::cede_donetsk_luhansk()] {
        let ring: geo::LineString<f64> = lines::held_polygon(&line)
            .iter()
            .map(|&(lon, lat)| {
                let [x, y] = projection::project(lon, lat);
                geo::coord! { x: x, y: y }
            })
            .collect();
        let held = ukraine.intersection(&geo::Polygon::new(ring, Vec::new()));
        let (v0, i0) = (baked.vertex_count, baked.index_count);
        for polygon in &held.0 {
            baked.push_polygon(polygon);
        }
        writeln!(
            code,
            "    (({v0}, {}), ({i0}, {})),",
            baked.vertex_count, baked.index_count
        )
        .ok();
    }
    writeln!(code, "];").ok();

    writeln!(
        code,
        "/// Borders: (is a land border, point range, coarse point range)."
    )
    .ok();
    writeln!(
        code,
        "pub(crate) static BORDERS: &[(bool, u32, u32, u32, u32)] = &["
    )
    .ok();
    for border in json["borders"].as_array().expect("borders") {
        let land = border["kind"].as_str() == Some("land");
        let line = projected_ring(border["points"].as_array().expect("points"));
        let (start, coarse_start) = (baked.border_count, baked.coarse_count);
        for c in &line.0 {
            push_pair(&mut baked.border_points, [c.x, c.y]);
            baked.border_count += 1;
        }
        // The same line with every point dropped that lies within
        // COARSE_TOLERANCE_KM of the simplified line (Ramer–Douglas–Peucker).
        use geo::Simplify;
        for c in &line.simplify(COARSE_TOLERANCE_KM).0 {
            push_pair(&mut baked.coarse_points, [c.x, c.y]);
            baked.coarse_count += 1;
        }
        writeln!(
            code,
            "    ({land}, {start}, {}, {coarse_start}, {}),",
            baked.border_count, baked.coarse_count
        )
        .ok();
    }
    writeln!(code, "];").ok();
    writeln!(
        code,
        "/// Largest distance (km) of a dropped point from the coarse borders."
    )
    .ok();
    writeln!(
        code,
        "pub(crate) const COARSE_TOLERANCE_KM: f32 = {COARSE_TOLERANCE_KM:?};"
    )
    .ok();
    for (name, bytes, doc) in [
        (
            "VERTEX_BYTES",
            &baked.vertices,
            "Mesh vertices, f32 x, y pairs (km).",
        ),
        ("INDEX_BYTES", &baked.indices, "Triangle indices, u32."),
        (
            "BORDER_BYTES",
            &baked.border_points,
            "Border points, f32 x, y pairs (km).",
        ),
        (
            "COARSE_BORDER_BYTES",
            &baked.coarse_points,
            "Coarse border points, f32 x, y pairs (km).",
        ),
    ] {
        let file = out.join(format!("map_{}.bin", name.to_lowercase()));
        std::fs::write(&file, bytes).expect("write map buffer");
        writeln!(code, "/// {doc}").ok();
        writeln!(
            code,
            "pub(crate) static {name}: &[u8] = include_bytes!({:?});",
            file.display().to_string()
        )
        .ok();
    }
    std::fs::write(out.join("map_data.rs"), code).expect("write map_data.rs");
}

/// Every regular file under `dir`, recursively (hidden files skipped).
fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
