//! Presets of the settlement line / line of control in Ukraine, as approximate
//! vertex lists (longitude, latitude in degrees) from north to south.
//!
//! **Approximate.** Written by hand at roughly 10–20 km accuracy, from the general
//! shape of the front on public situation maps of late 2025 (ISW / Critical Threats
//! "Assessed Control of Terrain in Ukraine", DeepStateMap) and, for the ceded
//! oblasts, the administrative boundaries of Donetsk and Luhansk oblasts. The
//! vertices were not traced from one dated map: check them against a current source
//! before relying on them. Good for a briefing map, not for targeting or legal use;
//! the map says so on screen.
//!
//! This file is also compiled into `build.rs`, which clips the held areas to
//! Ukraine and triangulates them once, so it depends on nothing but `std`.

/// Where the source of the presets is stated on the map.
pub const SOURCE_NOTE: &str = "approximate, after ISW and DeepState maps of Nov 2025";

/// The front south of Donetsk oblast to the Black Sea, shared by both presets:
/// Zaporizhzhia front, then down the Dnipro (Kakhovka reservoir) to its mouth.
const SOUTHERN_FRONT: &[(f64, f64)] = &[
    (36.30, 47.66), // Huliaipole
    (35.95, 47.55),
    (35.78, 47.52), // Orikhiv front
    (35.45, 47.50),
    (35.15, 47.53), // Kamianske, the Dnipro
    (34.70, 47.55), // opposite Enerhodar
    (34.25, 47.38),
    (33.80, 47.08),
    (33.38, 46.80), // Nova Kakhovka
    (33.00, 46.72),
    (32.62, 46.63), // Kherson across the river
    (32.20, 46.52),
    (31.75, 46.48), // Dnipro–Bug estuary
    (31.50, 46.40),
];

/// The approximate line of contact in late November 2025, north to south.
pub fn line_of_contact_2025() -> Vec<(f64, f64)> {
    let mut line = vec![
        (36.90, 50.45), // Russian border north of Vovchansk
        (37.05, 50.20),
        (37.55, 49.90),
        (37.70, 49.68), // east bank of the Oskil at Kupiansk
        (37.85, 49.35),
        (37.90, 49.10),
        (37.82, 48.97), // Lyman
        (38.02, 48.86), // Siversk
        (37.88, 48.60), // Chasiv Yar
        (37.68, 48.47), // Kostiantynivka
        (37.35, 48.38),
        (37.10, 48.25), // Pokrovsk–Myrnohrad
        (36.80, 48.10),
        (36.55, 47.92),
    ];
    line.extend_from_slice(SOUTHERN_FRONT);
    line
}

/// A settlement ceding all of Donetsk and Luhansk oblasts (their western
/// boundaries), with the late-2025 front further south.
pub fn cede_donetsk_luhansk() -> Vec<(f64, f64)> {
    let mut line = vec![
        (38.20, 50.40), // Russian border at the Kharkiv–Luhansk boundary
        (38.15, 50.05),
        (38.00, 49.72),
        (38.05, 49.40),
        (37.95, 49.18), // Luhansk–Donetsk–Kharkiv junction
        (37.55, 49.12),
        (37.20, 48.98),
        (36.95, 48.80),
        (36.75, 48.60),
        (36.55, 48.30),
        (36.55, 48.02), // Donetsk–Dnipropetrovsk–Zaporizhzhia junction
        (36.45, 47.80),
    ];
    line.extend_from_slice(SOUTHERN_FRONT);
    line
}

/// Points that close a north-to-south line into a polygon around everything east
/// and south of it (through Russia and the sea); the polygon is then clipped to
/// Ukraine to give the area Russia holds.
pub const CLOSE_EAST: &[(f64, f64)] = &[
    (31.40, 46.00),
    (31.40, 43.80),
    (37.80, 43.80),
    (41.50, 46.50),
    (41.50, 51.20),
];

/// The held area's polygon for a line: the line, then around the east back to
/// its start (above its first point).
pub fn held_polygon(line: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut ring = line.to_vec();
    ring.extend_from_slice(CLOSE_EAST);
    if let Some(&(lon, _)) = line.first() {
        ring.push((lon, 51.20));
    }
    ring
}
