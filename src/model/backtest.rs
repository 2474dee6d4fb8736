//! Scoring the historical backtest: the ROC AUC of the chance of attack against
//! what happened. (The cases themselves ship as scenario files under
//! `assets/backtest/`; see `crate::backtest`.)

/// Area under the ROC curve of `cases`, each (score, attacked):
/// the chance that a random attacked case scores above a random spared one,
/// ties counting half. Returns 0.5 when either class is empty.
pub fn roc_auc(cases: &[(f64, bool)]) -> f64 {
    let attacked: Vec<f64> = cases.iter().filter(|c| c.1).map(|c| c.0).collect();
    let spared: Vec<f64> = cases.iter().filter(|c| !c.1).map(|c| c.0).collect();
    if attacked.is_empty() || spared.is_empty() {
        return 0.5;
    }
    let mut wins = 0.0;
    for attacked_score in &attacked {
        for spared_score in &spared {
            wins += if attacked_score > spared_score {
                1.0
            } else if attacked_score == spared_score {
                0.5
            } else {
                0.0
            };
        }
    }
    wins / (attacked.len() * spared.len()) as f64
}

#[cfg(test)]
mod tests {
    use super::roc_auc;

    #[test]
    fn auc_of_perfect_and_reversed_rankings() {
        assert_eq!(roc_auc(&[(0.9, true), (0.1, false)]), 1.0);
        assert_eq!(roc_auc(&[(0.1, true), (0.9, false)]), 0.0);
        assert_eq!(roc_auc(&[(0.5, true), (0.5, false)]), 0.5);
    }
}
