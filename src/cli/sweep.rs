//! `bulwark sweep`: one or two parameters stepped over a range, each
//! protected state's headline figures at every point, as CSV or JSON.

use std::io::Write;
use std::path::Path;

use crate::model::Progress;
use crate::model::sweep::{self, FIGURES, SweepPoint, SweptParameter};
use crate::scenario;

/// Output formats of `sweep`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum SweepFormat {
    /// One row per point and protected state.
    Csv,
    /// The parameters, the figures' names and every point.
    Json,
}

/// Runs the sweep of `file` over `specs` (each `KEY=LOW:HIGH:STEPS`) and
/// prints it; exit code 1 for a bad file, 2 for a bad sweep.
pub fn run(
    file: &Path,
    specs: &[String],
    (samples, seed): (u32, Option<u64>),
    format: SweepFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let swept = match parse(specs) {
        Ok(swept) => swept,
        Err(why) => {
            let _ = writeln!(err, "bulwark sweep: {why}");
            return 2;
        }
    };
    let scenario = match scenario::load_file(file) {
        Ok(scenario) => scenario,
        Err(e) => {
            for line in e.lines() {
                let _ = writeln!(err, "{line}");
            }
            return 1;
        }
    };
    if let Err(why) = sweep::within_budget(&scenario, &swept, samples) {
        let _ = writeln!(err, "{}: {why}", super::shown(file));
        return 1;
    }
    let seed = seed.unwrap_or(scenario.simulation.seed);
    let Some(points) = sweep::run(&scenario, &swept, samples, seed, &Progress::default()) else {
        return 1;
    };
    let name = super::shown(file);
    let text = match format {
        SweepFormat::Csv => csv(&swept, &points),
        SweepFormat::Json => json(&name, &swept, &points),
    };
    let _ = out.write_all(text.as_bytes());
    0
}

/// The swept parameters, at most two, each named once.
fn parse(specs: &[String]) -> Result<Vec<SweptParameter>, String> {
    if specs.is_empty() || specs.len() > 2 {
        return Err(format!(
            "give one or two --param KEY=LOW:HIGH:STEPS ({} given)",
            specs.len()
        ));
    }
    let swept = specs
        .iter()
        .map(|s| SweptParameter::parse(s))
        .collect::<Result<Vec<_>, _>>()?;
    if swept.len() == 2 && swept[0].key == swept[1].key {
        return Err(format!("{} is swept twice", swept[0].key));
    }
    Ok(swept)
}

fn csv(swept: &[SweptParameter], points: &[SweepPoint]) -> String {
    let mut header = vec!["state".to_string()];
    header.extend(swept.iter().map(|p| p.key.clone()));
    header.extend(FIGURES.iter().map(|(key, _)| key.to_string()));
    let mut lines = vec![header.join(",")];
    for point in points {
        for state in &point.states {
            let mut row = vec![state.state.clone()];
            row.extend(point.values.iter().map(|v| format!("{}", v + 0.0)));
            row.extend(
                state
                    .figures
                    .iter()
                    .map(|f| f.map(|x| format!("{:.4}", x + 0.0)).unwrap_or_default()),
            );
            lines.push(row.join(","));
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn json(file: &str, swept: &[SweptParameter], points: &[SweepPoint]) -> String {
    let figures: Vec<serde_json::Value> = FIGURES
        .iter()
        .map(|(key, label)| serde_json::json!({ "key": key, "label": label }))
        .collect();
    let value = serde_json::json!({
        "file": file,
        "parameters": swept,
        "figures": figures,
        "points": points,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
