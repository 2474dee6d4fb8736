//! The plain-language readings of the engine's figures, shared by the
//! assessment panel, the slides and the plots' captions: no egui here.

use crate::kit::format::{duration_days, percent};
use crate::model::{DemandAnswer, Distribution, StateAssessment};

/// A distribution as its mean with its 5–95% range, e.g. `13.6% (4.0%–28.1%)`.
pub fn range(d: &Distribution) -> String {
    format!("{} ({}–{})", percent(d.mean), percent(d.p5), percent(d.p95))
}

/// "about 1 in 12" for a probability.
pub fn one_in(p: f64) -> String {
    if p <= 0.0005 {
        "almost none".into()
    } else if p >= 0.5 {
        format!("{} in 10", (p * 10.0).round())
    } else {
        format!("about 1 in {}", (1.0 / p).round())
    }
}

/// Plain reading of the chance of a renewed attack.
pub fn read_attack(p: f64, years: f64) -> String {
    let level = match p {
        p if p < 0.05 => "Deterrence holds in almost every draw",
        p if p < 0.15 => "Deterrence mostly holds",
        p if p < 0.35 => "A real risk of renewed war",
        _ => "Renewed war is likely",
    };
    format!("{level}: {} over {years} years.", one_in(p))
}

/// Plain reading of the guarantors' credibility; with `guarantors` 0 (armed
/// neutrality, or no arrangement) it says there is none to fight.
pub fn read_credibility(c: f64, guarantors: usize) -> &'static str {
    if guarantors == 0 {
        return "No guarantor: the state relies on its own forces alone.";
    }
    match c {
        c if c < 0.2 => "Guarantors would rarely fight: little more than words.",
        c if c < 0.45 => "Guarantors might fight: the adversary can gamble.",
        c if c < 0.7 => "Guarantors would more likely than not fight.",
        _ => "Guarantors would almost surely fight.",
    }
}

/// The axis where the adversary does best, its time to objective and a reading.
pub fn main_axis(state: &StateAssessment) -> (String, String) {
    let Some(axis) = state
        .campaign
        .iter()
        .max_by(|a, b| a.fait_accompli.total_cmp(&b.fait_accompli))
    else {
        return ("—".into(), "No axis of advance in the scenario.".into());
    };
    match axis.usually_falls() {
        Some(days) => (
            format!("{} (median)", duration_days(days.p50)),
            format!(
                "{}: {:.0} km; falls quickly in {} of draws, holds in {}.",
                axis.name,
                axis.distance_km,
                percent(axis.fait_accompli),
                percent(axis.held)
            ),
        ),
        None if axis.held < 1.0 => (
            format!("held in {}", percent(axis.held)),
            format!(
                "{}: {:.0} km; falls quickly in {} of draws.",
                axis.name,
                axis.distance_km,
                percent(axis.fait_accompli)
            ),
        ),
        None => (
            "held".into(),
            format!(
                "{}: {:.0} km; the objective held in every draw.",
                axis.name, axis.distance_km
            ),
        ),
    }
}

/// How far each of the adversary's demands is met, in the file's order, e.g.
/// `neutrality 100.0%, territory 25.0%`: why it accepts a settlement or not.
/// Empty without demands.
pub fn demands_met(demands: &[DemandAnswer]) -> String {
    demands
        .iter()
        .map(|d| format!("{} {}", d.kind.replace('_', " "), percent(d.met)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_demand_reads_with_how_far_it_is_met() {
        let demand = |kind: &str, met| DemandAnswer {
            kind: kind.into(),
            weight: 1.0,
            met,
        };
        let read = demands_met(&[demand("neutrality", 1.0), demand("no_foreign_troops", 0.25)]);
        assert_eq!(read, "neutrality 100.0%, no foreign troops 25.0%");
        assert_eq!(demands_met(&[]), "");
    }

    #[test]
    fn without_a_guarantor_credibility_reads_as_self_reliance() {
        assert!(read_credibility(0.0, 0).starts_with("No guarantor"));
        assert!(read_credibility(0.0, 2).starts_with("Guarantors would rarely fight"));
    }
}
