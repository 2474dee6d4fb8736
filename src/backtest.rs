//! The historical backtest: the cases shipped under `assets/backtest/` (scenario
//! files plus `cases.json` with what happened), assessed and scored by ROC AUC.

use serde::{Deserialize, Serialize};

use crate::model::{self, Options, backtest::roc_auc};
use crate::scenario;

/// One case as listed in `assets/backtest/cases.json`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// Scenario file name under `assets/backtest/`.
    pub file: String,
    /// Whether the protected state was attacked within the horizon.
    pub attacked: bool,
    /// What happened, in words.
    pub outcome: String,
    /// Source of the outcome.
    pub source: String,
}

/// One case's result.
#[derive(Clone, Debug, Serialize)]
pub struct CaseResult {
    /// The case.
    pub case: Case,
    /// Scenario title.
    pub title: String,
    /// Mean chance of attack within the horizon (the highest over its protected states).
    pub chance_of_attack: f64,
}

/// The backtest's results.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Each case.
    pub cases: Vec<CaseResult>,
    /// ROC AUC of the chance of attack against the outcomes.
    pub auc: f64,
}

/// The list of cases baked into the binary.
pub fn cases() -> Result<Vec<Case>, String> {
    let bytes = crate::assets::asset("backtest/cases.json")
        .ok_or_else(|| "backtest/cases.json is missing from the assets".to_string())?;
    serde_json::from_slice(bytes).map_err(|e| format!("backtest/cases.json: {e}"))
}

/// Runs every case with `samples` draws and `seed`.
pub fn run(samples: u32, seed: u64) -> Result<Report, String> {
    let mut results = Vec::new();
    for case in cases()? {
        let path = format!("backtest/{}", case.file);
        let bytes = crate::assets::asset(&path).ok_or_else(|| format!("{path} is missing"))?;
        let s = scenario::from_bytes(&case.file, bytes).map_err(|e| e.lines().join("\n"))?;
        let a = model::assess_with_options(
            &s,
            Options {
                samples,
                seed,
                tornado: false,
            },
        );
        let chance = a
            .states
            .iter()
            .map(|st| st.decision.chance_of_attack.mean)
            .fold(0.0, f64::max);
        results.push(CaseResult {
            title: s.meta.title.clone(),
            case,
            chance_of_attack: chance,
        });
    }
    let scored: Vec<(f64, bool)> = results
        .iter()
        .map(|r| (r.chance_of_attack, r.case.attacked))
        .collect();
    Ok(Report {
        auc: roc_auc(&scored),
        cases: results,
    })
}
