//! `bulwark sensitivity`: first- and total-order Sobol indices of each
//! protected state's chance of attack, time to objective and acceptability,
//! as text, JSON or CSV.

use std::io::Write;
use std::path::PathBuf;

use super::Format;
use crate::model::sobol::{self, StateSensitivity};
use crate::model::{Progress, export};

/// Parameters shown per output in the text format.
const SHOWN: usize = 8;

/// Runs the global sensitivity of each file and prints it; exit code 1 if
/// any file is bad.
pub fn run(
    files: &[PathBuf],
    (samples, seed): (usize, Option<u64>),
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (done, bad) = super::each_scenario(files, err, |scenario| {
        let seed = seed.unwrap_or(scenario.simulation.seed);
        sobol::within_budget(scenario, samples)?;
        sobol::sensitivity(scenario, samples, seed, &Progress::default())
            .ok_or_else(|| "the sensitivity run was stopped".to_string())
    });
    let _ = match format {
        Format::Text => done.iter().try_for_each(|(f, s)| text(out, f, s)),
        Format::Csv => out.write_all(export::sensitivity_to_csv(&done).as_bytes()),
        Format::Json => out.write_all(export::states_to_json(&done).as_bytes()),
    };
    super::files_exit_code(bad, files.len(), err)
}

fn text(out: &mut dyn Write, file: &str, states: &[StateSensitivity]) -> std::io::Result<()> {
    for state in states {
        writeln!(
            out,
            "{file}: {} — Sobol indices, {} base samples, seed {} (95% bootstrap intervals)",
            state.name, state.samples, state.seed
        )?;
        for output in &state.outputs {
            if output
                .parameters
                .iter()
                .all(|p| p.index.total.estimate == 0.0)
            {
                writeln!(
                    out,
                    "  {}: does not vary over the parameters' ranges",
                    output.label
                )?;
                continue;
            }
            writeln!(out, "  {} (variance {:.4})", output.label, output.variance)?;
            writeln!(
                out,
                "    {:<44} {:>22} {:>22}",
                "parameter", "first order", "total"
            )?;
            for p in output.parameters.iter().take(SHOWN) {
                let (f, t) = (p.index.first, p.index.total);
                writeln!(
                    out,
                    "    {:<44} {:>6.3} [{:>6.3}, {:>6.3}] {:>6.3} [{:>6.3}, {:>6.3}]",
                    p.label,
                    f.estimate + 0.0,
                    f.low + 0.0,
                    f.high + 0.0,
                    t.estimate + 0.0,
                    t.low + 0.0,
                    t.high + 0.0
                )?;
            }
            let rest = output.parameters.len().saturating_sub(SHOWN);
            if rest > 0 {
                writeln!(out, "    … and {rest} more (--format csv lists every one)")?;
            }
        }
    }
    Ok(())
}
