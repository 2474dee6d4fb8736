//! `bulwark voi`: the value of information for each protected state's choice
//! between its arrangements: EVPI and each parameter's EVPPI, in the chance
//! of attack avoided.

use std::io::Write;
use std::path::PathBuf;

use crate::model::export;
use crate::model::voi::{self, StateValue, Weights};

/// Parameters listed per state in the text format.
const SHOWN: usize = 8;

/// Output formats of `voi`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum VoiFormat {
    /// Readable summary.
    Text,
    /// Every state's options, EVPI and EVPPIs.
    Json,
}

/// Runs the value of information of each file and prints it; exit code 1 if
/// any file is bad.
pub fn run(
    files: &[PathBuf],
    (samples, seed, between): (usize, Option<u64>, bool),
    weights: Option<&str>,
    format: VoiFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let weights = match weights.map(Weights::parse).transpose() {
        Ok(w) => w.unwrap_or_default(),
        Err(why) => {
            let _ = writeln!(err, "bulwark voi: --weights: {why}");
            return 2;
        }
    };
    if between {
        return run_between(files, (samples, seed), weights, format, out, err);
    }
    let (done, bad) = super::each_scenario(files, err, |scenario| {
        let seed = seed.unwrap_or(scenario.simulation.seed);
        Ok(voi::value_of_information(scenario, samples, seed, weights))
    });
    let _ = match format {
        VoiFormat::Text => done.iter().try_for_each(|(f, s)| text(out, f, s)),
        VoiFormat::Json => out.write_all(export::states_to_json(&done).as_bytes()),
    };
    super::files_exit_code(bad, files.len(), err)
}

/// The choice between the files' scenarios for each state the first protects.
fn run_between(
    files: &[PathBuf],
    (samples, seed): (usize, Option<u64>),
    weights: Weights,
    format: VoiFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (loaded, bad) = super::each_scenario(files, err, |scenario| Ok(scenario.clone()));
    if bad > 0 {
        return super::files_exit_code(bad, files.len(), err);
    }
    if loaded.len() < 2 {
        let _ = writeln!(
            err,
            "bulwark voi --between: give two or more scenario files to choose between"
        );
        return 2;
    }
    let scenarios: Vec<(String, &crate::scenario::Scenario)> =
        loaded.iter().map(|(name, s)| (name.clone(), s)).collect();
    let seed = seed.unwrap_or(scenarios[0].1.simulation.seed);
    let states: Vec<StateValue> = crate::model::prepared::protected_states(scenarios[0].1)
        .iter()
        .filter_map(|id| voi::between_scenarios(&scenarios, id, samples, seed, weights))
        .collect();
    if states.is_empty() {
        let _ = writeln!(
            err,
            "bulwark voi --between: the files share no protected state"
        );
        return 1;
    }
    let done = vec![("the files given".to_string(), states)];
    let _ = match format {
        VoiFormat::Text => done.iter().try_for_each(|(f, s)| text(out, f, s)),
        VoiFormat::Json => out.write_all(export::states_to_json(&done).as_bytes()),
    };
    0
}

fn text(out: &mut dyn Write, file: &str, states: &[StateValue]) -> std::io::Result<()> {
    if states.is_empty() {
        writeln!(
            out,
            "{file}: no protected state has a choice between arrangements"
        )?;
    }
    for state in states {
        writeln!(
            out,
            "{file}: {} — value of information, {} draws",
            state.name, state.samples
        )?;
        for (i, o) in state.options.iter().enumerate() {
            let best = if i == 0 { "  (best on average)" } else { "" };
            writeln!(
                out,
                "  {:<60} chance of attack {:>5.1}%  value {:.4}{best}",
                o.name,
                100.0 * o.chance_of_attack,
                o.value
            )?;
        }
        let w = state.weights;
        writeln!(
            out,
            "  EVPI {:.5}: gained on average by knowing every assumption before choosing \
             (value = {} × (1 − chance of attack) + {} × acceptability − {} × burden in % of GDP)",
            state.evpi, w.deterrence, w.acceptability, w.burden
        )?;
        if state.evpi == 0.0 {
            writeln!(
                out,
                "    the best option is best in every draw: no uncertainty is worth resolving first"
            )?;
            continue;
        }
        for p in state.parameters.iter().take(SHOWN) {
            writeln!(out, "    {:<44} EVPPI {:.5}", p.label, p.evppi)?;
        }
    }
    Ok(())
}
