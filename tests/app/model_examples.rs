//! The shipped examples show the essay's trade-offs as outcomes of the sourced
//! defaults, and the historical backtest ranks attacked cases above spared ones.

use bulwark::model::{self, Options, StateAssessment};
use bulwark::scenario::{self, Formality, Scenario};

use crate::common;

fn example(name: &str) -> Scenario {
    common::baked(&format!("{name}.bulwark.json"))
}

fn ukraine(s: &Scenario) -> StateAssessment {
    model::assess_with_options(
        s,
        Options {
            samples: 500,
            seed: 1,
            tornado: false,
            ..Options::default()
        },
    )
    .states
    .into_iter()
    .find(|x| x.state == "UKR")
    .expect("Ukraine is protected")
}

#[test]
fn neutrality_costs_more_of_gdp_than_a_guarantee() {
    let neutral = ukraine(&example("armed-neutrality")).burden.total_pct_gdp;
    for name in [
        "nato-membership",
        "us-bilateral-28-point",
        "anglo-french-guarantee",
        "coalition-guarantee",
    ] {
        let guaranteed = ukraine(&example(name)).burden.total_pct_gdp;
        assert!(neutral > guaranteed, "{name}: {guaranteed} vs {neutral}");
    }
}

#[test]
fn neutrality_deters_less_than_nato_membership() {
    let neutral = ukraine(&example("armed-neutrality"));
    let nato = ukraine(&example("nato-membership"));
    assert!(
        neutral.decision.chance_of_attack.mean > nato.decision.chance_of_attack.mean,
        "{} vs {}",
        neutral.decision.chance_of_attack.mean,
        nato.decision.chance_of_attack.mean
    );
}

#[test]
fn formal_guarantees_raise_credibility() {
    let cred = |name: &str| ukraine(&example(name)).credibility.arrangement.mean;
    let (nato, coalition, budapest) = (
        cred("nato-membership"),
        cred("coalition-guarantee"),
        cred("budapest-assurances"),
    );
    assert!(
        nato > coalition && coalition > budapest,
        "{nato} {coalition} {budapest}"
    );
    // The same US guarantee, ratified instead of signed by the executive.
    let mut treaty = example("us-bilateral-28-point");
    for g in treaty
        .arrangements
        .iter_mut()
        .flat_map(|a| a.guarantors.iter_mut())
    {
        g.formality = Formality::RatifiedTreaty;
    }
    let before = cred("us-bilateral-28-point");
    let after = ukraine(&treaty).credibility.arrangement.mean;
    assert!(after > before, "{before} -> {after}");
}

#[test]
fn void_clauses_and_compensation_lower_credibility() {
    let plan = example("us-bilateral-28-point");
    let with = ukraine(&plan);
    let us = &with.credibility.guarantors[0].factors;
    assert!(
        us.void_factor < 1.0 && us.compensation_factor < 1.0,
        "{us:?}"
    );
    let mut clean = plan.clone();
    for a in &mut clean.arrangements {
        a.void_clauses.clear();
        a.compensation = None;
    }
    let without = ukraine(&clean);
    assert!(
        without.credibility.arrangement.mean > with.credibility.arrangement.mean,
        "{} vs {}",
        without.credibility.arrangement.mean,
        with.credibility.arrangement.mean
    );
    assert!(
        without.decision.chance_of_attack.mean < with.decision.chance_of_attack.mean,
        "{} vs {}",
        without.decision.chance_of_attack.mean,
        with.decision.chance_of_attack.mean
    );
}

#[test]
fn the_eastern_flank_example_assesses_each_protected_state() {
    let a = model::assess_with(&example("eastern-flank-today"), 200, 1);
    let ids: Vec<&str> = a.states.iter().map(|s| s.state.as_str()).collect();
    for id in ["EST", "LVA", "LTU", "FIN", "POL"] {
        assert!(ids.contains(&id), "{id} missing from {ids:?}");
    }
    assert!(a.states.iter().all(|s| !s.tornado.is_empty()));
}

#[test]
fn backtest_ranks_attacked_cases_above_spared_ones() {
    let report = bulwark::backtest::run(500, 1).expect("backtest runs");
    assert_eq!(report.cases.len(), 19);
    assert!(report.auc >= 0.85, "AUC {}", report.auc);
}

#[test]
fn every_backtest_case_is_listed_and_valid() {
    let cases = bulwark::backtest::cases().expect("cases.json parses");
    let files: Vec<&str> = bulwark::assets::backtest_scenarios()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(cases.len(), files.len());
    for c in &cases {
        assert!(files.contains(&c.file.as_str()), "{} not shipped", c.file);
        assert!(!c.source.is_empty());
    }
    for (name, bytes) in bulwark::assets::backtest_scenarios() {
        let s = scenario::from_bytes(name, bytes).expect("case validates");
        assert!(s.meta.notes.contains("Sources"), "{name} has no sources");
    }
}

#[test]
fn every_campaign_case_is_listed_valid_sourced_and_run() {
    let cases = bulwark::backtest::campaign_cases().expect("cases.json parses");
    assert!(cases.len() >= 13, "{}", cases.len());
    for c in &cases {
        let path = format!("campaigns/{}", c.file);
        let bytes = bulwark::assets::asset(&path).unwrap_or_else(|| panic!("{path} not shipped"));
        let s = scenario::from_bytes(&c.file, bytes).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            s.meta.notes.contains("**Sources:**"),
            "{} has no sources",
            c.file
        );
        assert!(
            !c.source.is_empty() || !c.scored,
            "{} has no source for its outcome",
            c.file
        );
        assert!(
            s.axes.iter().any(|a| a.id == c.axis),
            "{}: no axis {}",
            c.file,
            c.axis
        );
    }
    let report = bulwark::backtest::run_campaigns(300, 1).expect("the campaign backtest runs");
    assert_eq!(report.cases.len(), cases.len());
    assert_eq!(report.scored, cases.iter().filter(|c| c.scored).count());
    for r in &report.cases {
        assert!((0.0..=1.0).contains(&r.held), "{}", r.title);
        assert!(
            r.model_days.is_none_or(|d| d.is_finite() && d >= 0.0),
            "{}",
            r.title
        );
    }
}

#[test]
fn a_campaign_matches_history_within_a_factor_of_two_or_by_holding() {
    use bulwark::backtest::campaign_matches;
    assert!(campaign_matches(Some(7.0), Some(3.5), 0.2));
    assert!(campaign_matches(Some(7.0), Some(14.0), 0.2));
    assert!(
        !campaign_matches(Some(7.0), Some(3.4), 0.2),
        "faster than half"
    );
    assert!(
        !campaign_matches(Some(7.0), Some(7.0), 0.6),
        "held in most draws"
    );
    assert!(
        campaign_matches(None, Some(30.0), 0.5),
        "a held city held in half the draws"
    );
    assert!(!campaign_matches(None, Some(2.0), 0.1));
}

#[test]
fn every_example_is_well_within_the_work_budget() {
    for scenario in crate::common::baked_examples() {
        let work = bulwark::model::work(&scenario, scenario.simulation.samples);
        // A timeline's work is bounded by a stretch a period and a step
        // (more than the snapshots it makes), so it keeps less headroom.
        let headroom = if scenario.timeline.steps.is_empty() {
            50
        } else {
            25
        };
        assert!(
            work * headroom <= bulwark::model::MAX_WORK,
            "{}: {work} axis-draws",
            scenario.meta.title
        );
        assert!(bulwark::model::within_budget(&scenario, scenario.simulation.samples).is_ok());
    }
    let largest = crate::common::baked("eastern-flank-today.bulwark.json");
    assert_eq!(bulwark::model::work(&largest, 10_000), 50_000);
}
