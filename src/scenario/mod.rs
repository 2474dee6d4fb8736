//! The scenario document: serde types, the reference table of states, the
//! catalogue of uncertain parameters, validation, and file I/O with versioning.
//! Nothing here knows about the UI or the assessment engine: it may import only
//! `crate::assets` (never egui, the engine or a view).

pub mod areas;
pub mod axes;
pub mod geography;
mod io;
pub mod lines;
pub mod new_case;
pub mod parameters;
pub mod placing;
pub mod read;
pub mod reference;
pub mod settlement;
mod strict_json;
pub mod templates;
pub mod timeline;
mod types;
pub mod validate;
pub mod warnings;

pub use io::{
    EXTENSION, LoadError, LoadErrorKind, MAX_FILE_BYTES, MAX_PROBLEM_LINES, MIGRATIONS, Migration,
    SaveError, Saved, backup_path, file_hash, from_bytes, load_file, migrate, migrate_with,
    save_file, save_file_with, to_json, write_atomic, write_export,
};
pub use types::*;
pub use validate::{Problem, validate};

/// The JSON Schema of the scenario format, pretty-printed (committed at
/// `docs/scenario.schema.json`).
pub fn schema_json() -> String {
    let schema = schemars::schema_for!(Scenario);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// A shipped example by file name, for the unit tests of every layer.
#[cfg(test)]
pub fn example(name: &str) -> Scenario {
    let bytes = crate::assets::example(name).expect("a shipped example");
    from_bytes(name, bytes).expect("the shipped example loads")
}

/// A new, empty scenario: Ukraine and Russia, no arrangement yet.
pub fn blank() -> Scenario {
    Scenario {
        format_version: FORMAT_VERSION,
        meta: Meta {
            title: "Untitled scenario".into(),
            ..Meta::default()
        },
        horizon_years: 10.0,
        states: ["UKR", "RUS"]
            .into_iter()
            .map(|id| StateEntry {
                id: id.into(),
                overrides: StateFigures::default(),
            })
            .collect(),
        adversary: Adversary {
            state: "RUS".into(),
            // Russian troops in occupied Ukraine were put at about 600,000-700,000 in
            // 2024-25 (Russian and Ukrainian official statements as reported); a
            // starting point for the user to change, not a finding.
            theatre_troops: 600_000.0,
            composition: None,
            quality: None,
            combat_aircraft: None,
            surprise: false,
            demands: Vec::new(),
            preconditions: Vec::new(),
        },
        arrangements: Vec::new(),
        axes: Vec::new(),
        assumptions: Default::default(),
        simulation: Simulation::default(),
        settlement_line: SettlementLine::default(),
        map_view: MapView::default(),
        slides: Vec::new(),
        timeline: Timeline::default(),
    }
}
