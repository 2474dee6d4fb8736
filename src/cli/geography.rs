//! `bulwark export-geojson` and `bulwark import-geojson`: a scenario's
//! geography to and from GeoJSON, without a window.

use std::io::Write;
use std::path::Path;

use crate::scenario::{self, MAX_FILE_BYTES, geography};

/// Writes `scenario`'s geography to `path` (never through a link planted
/// there); the message for the status line or the terminal.
pub fn export(scenario: &scenario::Scenario, path: &Path) -> Result<String, String> {
    let text = geography::to_geojson(scenario);
    scenario::write_export(path, text.as_bytes()).map_err(|e| e.message)?;
    Ok(format!("geography written to {} (GeoJSON)", path.display()))
}

/// Reads `geojson` into the scenario `file` and saves it atomically (with a
/// backup); every problem names the file, the feature and the field.
pub fn import(file: &Path, geojson: &Path, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let Some(scenario) = super::load_or_report(file, err) else {
        return 1;
    };
    let name = super::shown(geojson);
    let text = match scenario::read::read_capped(geojson, MAX_FILE_BYTES) {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(e) => {
            let _ = writeln!(err, "{name}: {e}");
            return 1;
        }
    };
    match geography::import(&scenario, &name, &text) {
        Ok((changed, done)) => match scenario::save_file(file, &changed) {
            Ok(_) => {
                let _ = writeln!(out, "{}: {done}", super::shown(file));
                0
            }
            Err(e) => {
                let _ = writeln!(err, "{}: {}", e.file, e.message);
                1
            }
        },
        Err(problems) => {
            for p in problems.iter().take(scenario::MAX_PROBLEM_LINES) {
                let _ = writeln!(err, "{}: {}", p.path, p.message);
            }
            1
        }
    }
}
