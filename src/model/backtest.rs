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

/// The ROC curve of `cases`: (false-positive rate, true-positive rate) as
/// the threshold falls past each distinct score, from (0, 0) to (1, 1).
pub fn roc_curve(cases: &[(f64, bool)]) -> Vec<[f64; 2]> {
    let positives = cases.iter().filter(|c| c.1).count().max(1) as f64;
    let negatives = cases.iter().filter(|c| !c.1).count().max(1) as f64;
    let mut sorted = cases.to_vec();
    sorted.sort_by(|a, b| b.0.total_cmp(&a.0));
    let mut curve = vec![[0.0, 0.0]];
    let (mut tp, mut fp) = (0.0, 0.0);
    for (i, (score, attacked)) in sorted.iter().enumerate() {
        if *attacked {
            tp += 1.0;
        } else {
            fp += 1.0;
        }
        // Tied scores pass the threshold together: one point after the last.
        if sorted.get(i + 1).is_none_or(|next| next.0 != *score) {
            curve.push([fp / negatives, tp / positives]);
        }
    }
    curve
}

/// A 95 % bootstrap interval of the AUC: the 2.5th and 97.5th percentiles
/// over `resamples` resamples of the cases (with replacement; a resample
/// without both outcomes is drawn again), from a fixed seed.
pub fn auc_interval(cases: &[(f64, bool)], resamples: usize) -> (f64, f64) {
    use rand::{Rng, SeedableRng};
    let mut rng = rand_chacha::ChaCha8Rng::seed_from_u64(1);
    let n = cases.len();
    let both = cases.iter().any(|c| c.1) && cases.iter().any(|c| !c.1);
    if n < 2 || !both {
        return (0.5, 0.5);
    }
    let mut aucs = Vec::with_capacity(resamples);
    while aucs.len() < resamples {
        let drawn: Vec<(f64, bool)> = (0..n).map(|_| cases[rng.random_range(0..n)]).collect();
        if drawn.iter().any(|c| c.1) && drawn.iter().any(|c| !c.1) {
            aucs.push(roc_auc(&drawn));
        }
    }
    aucs.sort_by(f64::total_cmp);
    let at = |q: f64| aucs[((aucs.len() - 1) as f64 * q).round() as usize];
    (at(0.025), at(0.975))
}

/// The AUC with each case left out in turn (a jackknife): how far any one
/// case moves it. Nothing in the model is fitted to the cases, so this is a
/// check of how much the figure rests on single cases, not a refit.
pub fn leave_one_out_aucs(cases: &[(f64, bool)]) -> Vec<f64> {
    (0..cases.len())
        .map(|i| {
            let rest: Vec<(f64, bool)> = cases
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, c)| *c)
                .collect();
            roc_auc(&rest)
        })
        .collect()
}

/// One bin of the reliability diagram.
#[derive(Clone, Copy, Debug, PartialEq, serde::Serialize)]
pub struct ReliabilityBin {
    /// Lower edge of the forecasts in the bin.
    pub from: f64,
    /// Upper edge.
    pub to: f64,
    /// Cases in the bin.
    pub count: usize,
    /// Their mean forecast.
    pub forecast: f64,
    /// The share of them attacked.
    pub observed: f64,
}

/// The Brier score and its decomposition (Murphy 1973, "A new vector
/// partition of the probability score", J. Applied Meteorology 12):
/// score ≈ reliability − resolution + uncertainty, over forecast bins.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Brier {
    /// Mean squared difference of forecast and outcome (0 best).
    pub score: f64,
    /// How far each bin's forecast is from its observed frequency (0 best).
    pub reliability: f64,
    /// How far the bins' frequencies are from the overall rate (higher better).
    pub resolution: f64,
    /// The overall rate's own variance, ō (1 − ō): what no forecast changes.
    pub uncertainty: f64,
    /// The bins with cases, lowest forecasts first.
    pub bins: Vec<ReliabilityBin>,
}

/// The Brier score of `cases` (forecast, attacked) decomposed over `bins`
/// equal bins of the forecast from 0 to 1. The decomposition is exact when
/// the forecasts within a bin are equal; otherwise score and
/// reliability − resolution + uncertainty differ by the within-bin spread.
pub fn brier(cases: &[(f64, bool)], bins: usize) -> Brier {
    let n = cases.len().max(1) as f64;
    let outcome = |c: &(f64, bool)| f64::from(u8::from(c.1));
    let score = cases
        .iter()
        .map(|c| (c.0 - outcome(c)).powi(2))
        .sum::<f64>()
        / n;
    let rate = cases.iter().map(outcome).sum::<f64>() / n;
    let k = bins.max(1);
    let width = 1.0 / k as f64;
    let bins: Vec<ReliabilityBin> = (0..k)
        .filter_map(|b| {
            let inside: Vec<&(f64, bool)> = cases
                .iter()
                .filter(|c| ((c.0 / width).floor() as usize).min(k - 1) == b)
                .collect();
            let count = inside.len();
            (count > 0).then(|| ReliabilityBin {
                from: b as f64 * width,
                to: (b + 1) as f64 * width,
                count,
                forecast: inside.iter().map(|c| c.0).sum::<f64>() / count as f64,
                observed: inside.iter().map(|c| outcome(c)).sum::<f64>() / count as f64,
            })
        })
        .collect();
    let weighted = |f: &dyn Fn(&ReliabilityBin) -> f64| {
        bins.iter().map(|b| b.count as f64 * f(b)).sum::<f64>() / n
    };
    Brier {
        score,
        reliability: weighted(&|b| (b.forecast - b.observed).powi(2)),
        resolution: weighted(&|b| (b.observed - rate).powi(2)),
        uncertainty: rate * (1.0 - rate),
        bins,
    }
}

/// How far to trust the chance of attack, from the backtest's cases.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Calibration {
    /// ROC AUC.
    pub auc: f64,
    /// Its 95 % bootstrap interval.
    pub auc_interval: (f64, f64),
    /// The lowest and highest AUC with one case left out.
    pub leave_one_out: (f64, f64),
    /// The ROC curve.
    pub roc: Vec<[f64; 2]>,
    /// The Brier score over five bins of the forecast.
    pub brier: Brier,
}

/// Bootstrap resamples of the AUC's interval.
const AUC_RESAMPLES: usize = 2000;
/// Bins of the reliability diagram (0–20 %, …, 80–100 %).
const BINS: usize = 5;

/// Every calibration figure of `cases` (forecast, attacked).
pub fn calibration(cases: &[(f64, bool)]) -> Calibration {
    let loo = leave_one_out_aucs(cases);
    let low = loo.iter().copied().fold(f64::INFINITY, f64::min);
    let high = loo.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    Calibration {
        auc: roc_auc(cases),
        auc_interval: auc_interval(cases, AUC_RESAMPLES),
        leave_one_out: if loo.is_empty() {
            (0.5, 0.5)
        } else {
            (low, high)
        },
        roc: roc_curve(cases),
        brier: brier(cases, BINS),
    }
}

/// The calibration in three lines of text (the backtest's window and
/// `bulwark backtest` say the same).
pub fn calibration_text(c: &Calibration) -> [String; 3] {
    let b = &c.brier;
    [
        format!(
            "ROC AUC {:.3} (95% bootstrap interval {:.2}–{:.2}); with any one case left out {:.3}–{:.3}",
            c.auc, c.auc_interval.0, c.auc_interval.1, c.leave_one_out.0, c.leave_one_out.1
        ),
        format!(
            "Brier score {:.3} (0 is perfect; always forecasting the base rate scores {:.3})",
            b.score, b.uncertainty
        ),
        format!(
            "  = reliability {:.3} (lower is better) − resolution {:.3} (higher is better) + uncertainty {:.3}, over {} forecast bins",
            b.reliability, b.resolution, b.uncertainty, BINS
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_roc_curve_runs_corner_to_corner_and_its_area_is_the_auc() {
        let cases = [
            (0.9, true),
            (0.8, false),
            (0.7, true),
            (0.3, false),
            (0.3, true),
            (0.1, false),
        ];
        let curve = roc_curve(&cases);
        assert_eq!(curve.first(), Some(&[0.0, 0.0]));
        assert_eq!(curve.last(), Some(&[1.0, 1.0]));
        // Trapezoids under the curve: the AUC with ties counted half.
        let area: f64 = curve
            .windows(2)
            .map(|w| (w[1][0] - w[0][0]) * (w[1][1] + w[0][1]) / 2.0)
            .sum();
        assert!(
            (area - roc_auc(&cases)).abs() < 1e-12,
            "{area} against {}",
            roc_auc(&cases)
        );
    }

    #[test]
    fn the_brier_decomposition_adds_up_when_forecasts_share_their_bins() {
        // Forecasts at bin centres: the decomposition is exact.
        let cases = [
            (0.1, false),
            (0.1, false),
            (0.1, true),
            (0.9, true),
            (0.9, true),
            (0.5, false),
        ];
        let b = brier(&cases, 10);
        assert!(
            (b.score - (b.reliability - b.resolution + b.uncertainty)).abs() < 1e-12,
            "{b:?}"
        );
        assert_eq!(b.bins.iter().map(|x| x.count).sum::<usize>(), cases.len());
        // A perfect forecaster: score and reliability 0, resolution = uncertainty.
        let perfect = brier(&[(1.0, true), (0.0, false)], 5);
        assert_eq!(perfect.score, 0.0);
        assert!((perfect.resolution - perfect.uncertainty).abs() < 1e-12);
    }

    #[test]
    fn the_intervals_and_the_jackknife_bracket_the_auc() {
        let cases = [
            (0.9, true),
            (0.8, false),
            (0.7, true),
            (0.6, true),
            (0.3, false),
            (0.2, false),
        ];
        let auc = roc_auc(&cases);
        let (low, high) = auc_interval(&cases, 500);
        assert!(low <= auc && auc <= high, "{low} {auc} {high}");
        let loo = leave_one_out_aucs(&cases);
        assert_eq!(loo.len(), cases.len());
        assert!(loo.iter().any(|a| *a >= auc) && loo.iter().any(|a| *a <= auc));
    }

    #[test]
    fn auc_of_perfect_and_reversed_rankings() {
        assert_eq!(roc_auc(&[(0.9, true), (0.1, false)]), 1.0);
        assert_eq!(roc_auc(&[(0.1, true), (0.9, false)]), 0.0);
        assert_eq!(roc_auc(&[(0.5, true), (0.5, false)]), 0.5);
    }
}
