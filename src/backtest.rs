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
    /// How far to trust the chance of attack: the AUC's interval, the ROC
    /// curve, the Brier score and its decomposition.
    pub calibration: model::backtest::Calibration,
}

/// The list of cases baked into the binary.
pub fn cases() -> Result<Vec<Case>, String> {
    listed("backtest/cases.json")
}

/// A list of cases baked into the binary at `path` under `assets/`.
fn listed<T: serde::de::DeserializeOwned>(path: &str) -> Result<Vec<T>, String> {
    let bytes =
        crate::assets::asset(path).ok_or_else(|| format!("{path} is missing from the assets"))?;
    serde_json::from_slice(bytes).map_err(|e| format!("{path}: {e}"))
}

/// The case `file` under `assets/{folder}/`, its scenario and its assessment
/// with `samples` draws and `seed` (no tornado).
fn assess_case(
    folder: &str,
    file: &str,
    samples: u32,
    seed: u64,
) -> Result<(scenario::Scenario, model::Assessment), String> {
    let path = format!("{folder}/{file}");
    let bytes = crate::assets::asset(&path).ok_or_else(|| format!("{path} is missing"))?;
    let s = scenario::from_bytes(file, bytes).map_err(|e| e.lines().join("\n"))?;
    let options = Options {
        samples,
        seed,
        tornado: false,
        ..Options::default()
    };
    let a = model::assess_with_options(&s, options);
    Ok((s, a))
}

/// Runs every case with `samples` draws and `seed`.
pub fn run(samples: u32, seed: u64) -> Result<Report, String> {
    let mut results = Vec::new();
    for case in cases()? {
        let (s, a) = assess_case("backtest", &case.file, samples, seed)?;
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
        calibration: model::backtest::calibration(&scored),
        cases: results,
    })
}

/// One historical campaign as listed in `assets/campaigns/cases.json`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CampaignCase {
    /// Scenario file name under `assets/campaigns/`.
    pub file: String,
    /// The axis whose time to objective is compared.
    pub axis: String,
    /// Other axes to the same objective (by sea and by air): the objective
    /// falls with the first axis to reach it, taken as the earliest median
    /// among the axes on which it falls in most draws.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<String>,
    /// Days from the start to the objective in history; none: it held.
    pub days: Option<f64>,
    /// Whether the case counts in the score (a siege or a ceasefire does not).
    pub scored: bool,
    /// What happened, or why the case is not scored.
    pub outcome: String,
    /// Source of the outcome.
    pub source: String,
}

/// One campaign's result against history.
#[derive(Clone, Debug, Serialize)]
pub struct CampaignResult {
    /// The case.
    pub case: CampaignCase,
    /// Scenario title.
    pub title: String,
    /// The model's median days to the objective over the draws where it fell.
    pub model_days: Option<f64>,
    /// Share of draws in which the objective held.
    pub held: f64,
    /// Whether the model matches history: a fallen objective falls in most
    /// draws with a median within a factor of two of history; a held one
    /// holds in most draws.
    pub matches: bool,
}

/// The campaign backtest's results.
#[derive(Clone, Debug, Serialize)]
pub struct CampaignReport {
    /// Each case.
    pub cases: Vec<CampaignResult>,
    /// Scored cases that match history.
    pub matched: usize,
    /// Scored cases.
    pub scored: usize,
    /// The model's typical miss as a factor (1 = exact): the geometric mean,
    /// over the scored cases whose objective fell in history and in the
    /// model, of the larger of model/history and history/model. Unlike the
    /// count of matches it says how far the misses are.
    pub error_factor: Option<f64>,
}

impl CampaignReport {
    /// The score in words, as the command line and the app show it.
    pub fn summary(&self) -> String {
        let typical = self.error_factor.map_or(String::new(), |f| {
            format!("; the model's typical miss is a factor of {f:.2} either way")
        });
        format!(
            "{} of {} scored campaigns within a factor of two of history (held cases held in most draws){typical}.",
            self.matched, self.scored
        )
    }
}

/// The typical miss of `results` (see [`CampaignReport::error_factor`]).
pub fn error_factor(results: &[CampaignResult]) -> Option<f64> {
    let logs: Vec<f64> = results
        .iter()
        .filter(|r| r.case.scored)
        .filter_map(|r| Some((r.case.days?, r.model_days?)))
        .filter(|(history, model)| *history > 0.0 && *model > 0.0)
        .map(|(history, model)| (model / history).ln().abs())
        .collect();
    (!logs.is_empty()).then(|| (logs.iter().sum::<f64>() / logs.len() as f64).exp())
}

/// The list of campaign cases baked into the binary.
pub fn campaign_cases() -> Result<Vec<CampaignCase>, String> {
    listed("campaigns/cases.json")
}

/// Whether a model result matches history (see [`CampaignResult::matches`]).
pub fn campaign_matches(history: Option<f64>, model_days: Option<f64>, held: f64) -> bool {
    match (history, model_days) {
        (None, _) => held >= 0.5,
        (Some(days), Some(model)) => held < 0.5 && model >= days / 2.0 && model <= days * 2.0,
        (Some(_), None) => false,
    }
}

/// Runs every campaign case with `samples` draws and `seed`.
pub fn run_campaigns(samples: u32, seed: u64) -> Result<CampaignReport, String> {
    let mut results = Vec::new();
    for case in campaign_cases()? {
        let (s, a) = assess_case("campaigns", &case.file, samples, seed)?;
        let on = |axis: &String| {
            a.states
                .iter()
                .flat_map(|st| &st.campaign)
                .find(|c| &c.axis == axis)
                .ok_or_else(|| format!("campaigns/{}: no axis '{axis}'", case.file))
        };
        let mut campaigns = vec![on(&case.axis)?];
        for axis in &case.also {
            campaigns.push(on(axis)?);
        }
        let held = campaigns.iter().map(|c| c.held).fold(1.0, f64::min);
        let model_days = campaigns
            .iter()
            .filter(|c| c.held < 0.5)
            .filter_map(|c| c.days_to_objective.as_ref().map(|d| d.p50))
            .reduce(f64::min)
            .or_else(|| campaigns[0].days_to_objective.as_ref().map(|d| d.p50));
        results.push(CampaignResult {
            title: s.meta.title.clone(),
            matches: campaign_matches(case.days, model_days, held),
            model_days,
            held,
            case,
        });
    }
    let scored = results.iter().filter(|r| r.case.scored).count();
    let matched = results
        .iter()
        .filter(|r| r.case.scored && r.matches)
        .count();
    Ok(CampaignReport {
        error_factor: error_factor(&results),
        cases: results,
        matched,
        scored,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn result(history: Option<f64>, model: Option<f64>, scored: bool) -> CampaignResult {
        CampaignResult {
            case: CampaignCase {
                file: "x".into(),
                axis: "a".into(),
                also: Vec::new(),
                days: history,
                scored,
                outcome: String::new(),
                source: String::new(),
            },
            title: "x".into(),
            model_days: model,
            held: 0.0,
            matches: false,
        }
    }

    #[test]
    fn the_typical_miss_is_the_geometric_mean_factor_of_the_scored_fallen_cases() {
        let results = [
            result(Some(4.0), Some(8.0), true),   // twice as slow
            result(Some(4.0), Some(0.5), true),   // eight times too fast
            result(Some(4.0), Some(40.0), false), // not scored
            result(None, Some(3.0), true),        // held in history
        ];
        let factor = error_factor(&results).expect("two cases");
        assert!((factor - 4.0).abs() < 1e-12, "{factor}"); // √(2 × 8)
        assert_eq!(error_factor(&results[2..]), None);
    }
}
