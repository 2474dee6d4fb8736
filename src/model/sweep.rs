//! Sweeps: one or two parameters stepped over a range, each grid point
//! assessed with the parameter held at that value (the others keep their
//! ranges), giving each protected state's headline figures along a line or
//! over a grid. Every point uses the same seed (common random numbers), so
//! the curves are not noise from one point to the next.

use serde::Serialize;

use super::{Options, Progress, StateAssessment};
use crate::scenario::parameters;
use crate::scenario::{Scenario, Uncertain};

/// Most steps along one parameter (a grid of two is at most this squared).
pub const MAX_STEPS: usize = 101;

/// One parameter stepped from `low` to `high` in `steps` values (ends included).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweptParameter {
    /// The parameter's key in the catalogue.
    pub key: String,
    /// Its label.
    pub label: String,
    /// First value.
    pub low: f64,
    /// Last value.
    pub high: f64,
    /// Number of values, at least 2.
    pub steps: usize,
}

impl SweptParameter {
    /// Reads `KEY=LOW:HIGH:STEPS` (e.g. `adversary_resolve=0.3:0.9:7`),
    /// checking the key against the catalogue and the values against the
    /// parameter's limits.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let (key, range) = spec
            .split_once('=')
            .ok_or_else(|| format!("{spec:?}: expected KEY=LOW:HIGH:STEPS"))?;
        let key = key.trim();
        let parameter = parameters::parameter(key).ok_or_else(|| {
            format!("{key:?} is not a parameter (the catalogue is in docs/MODEL.md, Parameters)")
        })?;
        let parts: Vec<&str> = range.split(':').collect();
        let [low, high, steps] = parts[..] else {
            return Err(format!("{spec:?}: expected KEY=LOW:HIGH:STEPS"));
        };
        let number = |text: &str, what: &str| {
            text.trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite())
                .ok_or_else(|| format!("{key}: {what} {text:?} is not a number"))
        };
        let (low, high) = (number(low, "low")?, number(high, "high")?);
        let steps: usize = steps
            .trim()
            .parse()
            .map_err(|_| format!("{key}: steps {steps:?} is not a whole number"))?;
        if !(2..=MAX_STEPS).contains(&steps) {
            return Err(format!("{key}: {steps} steps is outside 2 to {MAX_STEPS}"));
        }
        if low >= high {
            return Err(format!("{key}: low {low} is not below high {high}"));
        }
        for x in [low, high] {
            if x < parameter.min || x > parameter.max {
                return Err(format!(
                    "{key}: {x} is outside {} to {}",
                    parameter.min, parameter.max
                ));
            }
        }
        Ok(Self {
            key: key.into(),
            label: parameter.label.into(),
            low,
            high,
            steps,
        })
    }

    /// The values stepped through, low to high.
    pub fn values(&self) -> Vec<f64> {
        let n = self.steps.max(2);
        (0..n)
            .map(|i| self.low + (self.high - self.low) * i as f64 / (n - 1) as f64)
            // Rounded to a billionth: 0.6, not 0.6000000000000001.
            .map(|x| (x * 1e9).round() / 1e9 + 0.0)
            .collect()
    }
}

/// The headline figures a sweep reports, by key and label.
pub const FIGURES: [(&str, &str); 6] = [
    ("chance_of_attack", "Chance of attack (mean)"),
    ("credibility", "Credibility (mean)"),
    (
        "days_to_objective",
        "Time to objective, main axis (median days; none if it holds)",
    ),
    ("fait_accompli", "Chance of a fait accompli, main axis"),
    ("burden_pct_gdp", "Defence burden (% of GDP)"),
    ("adversary_accepts", "Acceptable to the adversary (mean)"),
];

/// One protected state's headline figures at one point, in [`FIGURES`] order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweptState {
    /// The state's id.
    pub state: String,
    /// The figures; `None` where there is none (an objective that holds).
    pub figures: Vec<Option<f64>>,
}

/// One grid point: the swept parameters' values and every state's figures.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SweepPoint {
    /// Each swept parameter's value, in the order given.
    pub values: Vec<f64>,
    /// Every protected state's figures there.
    pub states: Vec<SweptState>,
}

/// The headline figures of `state`, in [`FIGURES`] order.
pub fn figures(state: &StateAssessment) -> Vec<Option<f64>> {
    let main = state
        .campaign
        .iter()
        .max_by(|a, b| a.fait_accompli.total_cmp(&b.fait_accompli));
    vec![
        Some(state.decision.chance_of_attack.mean),
        Some(state.credibility.arrangement.mean),
        main.and_then(|c| c.usually_falls()).map(|d| d.p50),
        main.map(|c| c.fait_accompli),
        Some(state.burden.total_pct_gdp),
        Some(state.acceptability.adversary.mean),
    ]
}

/// Assesses `scenario` at every point of the grid of `swept` (one or two
/// parameters; the first varies slowest), `samples` draws each with `seed`;
/// `None` when stopped through `progress`.
pub fn run(
    scenario: &Scenario,
    swept: &[SweptParameter],
    samples: u32,
    seed: u64,
    progress: &Progress,
) -> Option<Vec<SweepPoint>> {
    let grid = grid(swept);
    let options = Options {
        samples,
        seed,
        tornado: false,
        ..Options::default()
    };
    progress.start(grid.len() as u64, 0);
    let mut points = Vec::with_capacity(grid.len());
    for values in grid {
        let mut at = scenario.clone();
        for (p, v) in swept.iter().zip(&values) {
            at.assumptions.insert(p.key.clone(), Uncertain::exact(*v));
        }
        let assessment = super::assemble::assessment(&at, options, &Progress::default())?;
        if progress.stopped() {
            return None;
        }
        let states = assessment
            .states
            .iter()
            .map(|s| SweptState {
                state: s.state.clone(),
                figures: figures(s),
            })
            .collect();
        points.push(SweepPoint { values, states });
        progress.drew(1);
    }
    Some(points)
}

/// Whether a sweep of `swept` at `samples` draws a point fits the engine's
/// work limit (all its points' draws counted together); the reason when not.
pub fn within_budget(
    scenario: &Scenario,
    swept: &[SweptParameter],
    samples: u32,
) -> Result<(), String> {
    let points: u64 = swept.iter().map(|p| p.steps as u64).product();
    let draws = u32::try_from(points * u64::from(samples)).unwrap_or(u32::MAX);
    super::within_budget(scenario, draws)
        .map_err(|why| format!("the sweep of {points} points is too large ({why})"))
}

/// Every combination of the swept parameters' values, the first slowest.
fn grid(swept: &[SweptParameter]) -> Vec<Vec<f64>> {
    swept.iter().fold(vec![Vec::new()], |rows, p| {
        rows.iter()
            .flat_map(|row| {
                p.values().into_iter().map(move |v| {
                    let mut next = row.clone();
                    next.push(v);
                    next
                })
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_spec_reads_and_bad_ones_say_what_is_wrong() {
        let p = SweptParameter::parse("adversary_resolve=0.3:0.9:7").expect("reads");
        assert_eq!((p.low, p.high, p.steps), (0.3, 0.9, 7));
        let v = p.values();
        assert_eq!(v.len(), 7);
        assert!((v[0] - 0.3).abs() < 1e-12 && (v[6] - 0.9).abs() < 1e-12);
        let err = |s: &str| SweptParameter::parse(s).expect_err(s);
        assert!(err("nonsense=0:1:3").contains("\"nonsense\" is not a parameter"));
        assert!(err("adversary_resolve=0.3:0.9").contains("KEY=LOW:HIGH:STEPS"));
        assert!(err("adversary_resolve=0.9:0.3:3").contains("not below"));
        assert!(err("adversary_resolve=0:1:1").contains("outside 2 to 101"));
        assert!(err("adversary_resolve=0:x:3").contains("high \"x\" is not a number"));
        assert!(err("adversary_resolve=0:7:3").contains("7 is outside"));
    }

    #[test]
    fn a_grid_of_two_varies_the_second_fastest() {
        let a = SweptParameter::parse("adversary_resolve=0.2:0.4:2").expect("reads");
        let b = SweptParameter::parse("pact_reliability=0.5:0.7:3").expect("reads");
        let g = grid(&[a, b]);
        assert_eq!(g.len(), 6);
        assert_eq!(g[0], vec![0.2, 0.5]);
        assert!((g[1][1] - 0.6).abs() < 1e-12 && g[1][0] == 0.2);
        assert_eq!(g[3][0], 0.4);
    }

    #[test]
    fn a_more_resolute_adversary_never_attacks_less_along_a_sweep() {
        let name = "eastern-flank-today.bulwark.json";
        let bytes = crate::assets::example(name).expect("an example");
        let scenario = crate::scenario::from_bytes(name, bytes).expect("loads");
        let p = SweptParameter::parse("adversary_resolve=0.2:0.9:5").expect("reads");
        let points = run(&scenario, &[p], 400, 1, &Progress::default()).expect("ran");
        assert_eq!(points.len(), 5);
        let chance: Vec<f64> = points
            .iter()
            .map(|pt| pt.states[0].figures[0].expect("a chance"))
            .collect();
        assert!(chance.windows(2).all(|w| w[1] >= w[0]), "{chance:?}");
        assert!(chance[4] > chance[0], "resolve matters: {chance:?}");
    }
}
