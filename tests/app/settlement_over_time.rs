//! The settlement over time (issue #18): the chance of attack by period and
//! cumulated, windows of vulnerability and commitment problems, the answers
//! at a month, and `bulwark assess` showing them.

use bulwark::model::{self, Options, StateAssessment, WindowKind};
use bulwark::scenario::{
    self, ArrangementStatus, Change, DemandKind, Restraint, RestraintKind, Scenario, Step,
};

use crate::common::{self, bulwark};

use crate::common::step;

fn guarantee(month: f64) -> Step {
    let change = Change::Arrangement {
        arrangement: "coalition".into(),
        status: ArrangementStatus::Activated,
    };
    step("guarantee", "Coalition guarantee activated", month, change)
}

fn neutrality(month: f64) -> Step {
    let change = Change::Restraint {
        arrangement: "coalition".into(),
        restraint: RestraintKind::ConstitutionalNeutrality,
        in_force: true,
    };
    step(
        "neutrality",
        "Neutrality in the constitution",
        month,
        change,
    )
}

fn talks(month: f64) -> Step {
    let change = Change::DemandMet {
        demand: DemandKind::RootCauses,
        region: None,
        met: 1.0,
    };
    step("talks", "\"Root causes\" talks conclude", month, change)
}

/// The coalition example with a neutrality clause, in a given sequence.
fn sequenced(steps: Vec<Step>) -> Scenario {
    let mut s = common::baked("coalition-guarantee.bulwark.json");
    s.arrangements[0].restraints.push(Restraint {
        kind: RestraintKind::ConstitutionalNeutrality,
        limit: None,
        text: "Neutrality written into Ukraine's constitution (test)".into(),
    });
    s.timeline.steps = steps;
    let problems = scenario::validate(&s);
    assert!(problems.is_empty(), "{problems:?}");
    s
}

fn ukraine(s: &Scenario, at_month: f64) -> StateAssessment {
    let options = Options {
        samples: 2000,
        seed: 7,
        at_month,
        ..Options::default()
    };
    model::assess_with_options(s, options).states.remove(0)
}

#[test]
fn without_a_timeline_the_chance_cumulates_to_the_horizon_figure() {
    let s = common::baked("coalition-guarantee.bulwark.json");
    let a = ukraine(&s, 0.0);
    assert_eq!(a.by_period.len(), 10, "ten years, a period each");
    let first = a.by_period[0].chance_of_attack.mean;
    assert!(
        a.by_period
            .iter()
            .all(|p| (p.chance_of_attack.mean - first).abs() < 1e-12)
    );
    let last = a.cumulative.last().expect("periods").chance_of_attack;
    let whole = &a.decision.chance_of_attack;
    assert!(
        (last.mean - whole.mean).abs() < 0.005,
        "{last:?} vs {whole:?}"
    );
    assert!((last.p5 - whole.p5).abs() < 0.005 && (last.p95 - whole.p95).abs() < 0.005);
    assert!(
        a.windows.is_empty() && a.steps.is_empty(),
        "{:?}",
        a.windows
    );
}

#[test]
fn a_guarantee_that_comes_later_leaves_a_window_until_it_does() {
    let s = sequenced(vec![guarantee(24.0)]);
    let a = ukraine(&s, 0.0);
    let early = a.by_period[0].chance_of_attack.mean;
    let late = a.by_period[5].chance_of_attack.mean;
    assert!(
        early > 1.5 * late,
        "before the guarantee {early}, after {late}"
    );
    assert_eq!(
        a.by_period[0].chance_of_attack,
        a.by_period[1].chance_of_attack
    );
    let window = a
        .windows
        .iter()
        .find(|w| w.kind == WindowKind::Vulnerability)
        .expect("a window of vulnerability");
    assert_eq!((window.start_month, window.end_month), (0.0, 24.0));
    assert!(
        window
            .reason
            .contains("until 'Coalition guarantee activated'"),
        "{}",
        window.reason
    );
    // The survival curve of the peace never turns back, and each range holds its mean.
    for pair in a.cumulative.windows(2) {
        assert!(pair[1].chance_of_attack.mean >= pair[0].chance_of_attack.mean);
    }
    for p in a.by_period.iter().chain(&a.cumulative) {
        let c = p.chance_of_attack;
        assert!(c.p5 <= c.mean && c.mean <= c.p95, "{p:?}");
    }
    // The answers are the scenario at the month asked for.
    let before = ukraine(&s, 0.0).credibility.arrangement.mean;
    let after = ukraine(&s, 24.0).credibility.arrangement.mean;
    assert_eq!(before, 0.0, "no guarantee in force at the ceasefire");
    assert!(after > 0.3, "in force at month 24: {after}");
    let always = ukraine(&common::baked("coalition-guarantee.bulwark.json"), 0.0);
    let sooner = always
        .cumulative
        .last()
        .expect("periods")
        .chance_of_attack
        .mean;
    let later = a.cumulative.last().expect("periods").chance_of_attack.mean;
    assert!(
        later > sooner,
        "a guarantee two years late costs peace: {later} vs {sooner}"
    );
}

#[test]
fn each_order_of_steps_has_its_own_commitment_problem() {
    // Guarantee first, then the concession: Ukraine has what it wanted and
    // gains by not writing neutrality into its constitution.
    let first = ukraine(&sequenced(vec![guarantee(0.0), neutrality(12.0)]), 0.0);
    let problem = first
        .windows
        .iter()
        .find(|w| w.kind == WindowKind::CommitmentProblem)
        .expect("Ukraine's commitment problem");
    assert!(
        problem
            .reason
            .contains("Ukraine gains by reneging on 'Neutrality in the constitution'"),
        "{}",
        problem.reason
    );
    assert_eq!((problem.start_month, problem.end_month), (0.0, 12.0));
    assert!(
        first
            .windows
            .iter()
            .all(|w| w.kind != WindowKind::Vulnerability)
    );
    // "Root causes" first, guarantees later: Russia has what it wanted and
    // gains by reneging before the guarantee arrives, a window open meanwhile.
    let later = ukraine(
        &sequenced(vec![neutrality(0.0), talks(0.0), guarantee(24.0)]),
        0.0,
    );
    let kinds: Vec<WindowKind> = later.windows.iter().map(|w| w.kind).collect();
    assert!(
        kinds.contains(&WindowKind::Vulnerability),
        "{:?}",
        later.windows
    );
    let russia = later
        .windows
        .iter()
        .find(|w| w.kind == WindowKind::CommitmentProblem)
        .expect("Russia's commitment problem");
    assert!(
        russia
            .reason
            .contains("Russia gains by reneging on 'Coalition guarantee activated'"),
        "{}",
        russia.reason
    );
    let steps: Vec<&str> = later.steps.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        steps,
        ["neutrality", "talks", "guarantee"],
        "in the order taken"
    );
    let talks = &later.steps[1];
    assert!(
        talks.adversary[1] > talks.adversary[0],
        "the talks please Russia"
    );
    assert!(later.sequence.protected_state_lowest < first.sequence.protected_state_lowest);
}

#[test]
fn a_step_waits_on_the_step_it_names() {
    let mut waiting = guarantee(2.0);
    waiting.after = Some("talks".into());
    let a = ukraine(&sequenced(vec![talks(18.0), waiting]), 0.0);
    let taken = a.steps.iter().find(|s| s.id == "guarantee").expect("step");
    assert_eq!(taken.month, 18.0, "activated only once the talks conclude");
}

#[test]
fn an_adversary_rebuilding_raises_the_later_chance_of_attack() {
    let rebuild = Change::AdversaryRebuilds {
        troops_per_year: bulwark::scenario::Uncertain::new(100_000.0, 150_000.0, 200_000.0),
        up_to: None,
    };
    let mut s = common::baked("armed-neutrality.bulwark.json");
    s.timeline.steps = vec![step("rebuild", "Russia rebuilds", 0.0, rebuild)];
    let a = ukraine(&s, 0.0);
    let first = a.by_period[0].chance_of_attack.mean;
    let last = a.by_period[9].chance_of_attack.mean;
    assert!(
        last > first,
        "rebuilt forces make the later years riskier: {first} then {last}"
    );
}

#[test]
fn assess_shows_the_chance_over_time_and_the_windows() {
    let dir = common::temp_dir();
    let path = dir.path().join("sequenced.bulwark.json");
    scenario::save_file(&path, &sequenced(vec![guarantee(24.0)])).expect("saved");
    let run = |format: &str| {
        let out = bulwark()
            .args([
                "assess",
                "--samples",
                "500",
                "--at-month",
                "30",
                "--format",
                format,
            ])
            .arg(&path)
            .output()
            .expect("runs");
        assert_eq!(out.status.code(), Some(0));
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let text = run("text");
    assert!(
        text.contains("as the settlement stands at month 30"),
        "{text}"
    );
    assert!(
        text.contains("window of vulnerability, months 0 to 24"),
        "{text}"
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).expect("JSON");
    let state = &json[0]["assessment"]["states"][0];
    assert_eq!(state["by_period"].as_array().map(Vec::len), Some(10));
    assert_eq!(state["by_period"][0]["start_month"], 0.0);
    assert!(state["cumulative"][9]["chance_of_attack"]["p95"].is_number());
    assert_eq!(state["windows"][0]["kind"], "vulnerability");
    let csv = run("csv");
    assert!(
        csv.lines()
            .nth(1)
            .is_some_and(|row| row.contains("vulnerability 0-24")),
        "{csv}"
    );
}

#[test]
fn export_slides_renders_one_image_per_phase_of_the_timeline() {
    let dir = common::temp_dir();
    let out = bulwark()
        .arg("export-slides")
        .arg(common::saved("sequencing-root-causes-first.bulwark.json"))
        .arg("--out")
        .arg(dir.path())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let images = std::fs::read_dir(dir.path())
        .expect("the folder")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.path().extension().is_some_and(|x| x == "png"))
        })
        .count();
    assert_eq!(
        images, 6,
        "four phases, the plot over time and the trade-off"
    );
    let handout = std::fs::read_to_string(dir.path().join("handout.md")).expect("handout");
    assert!(
        handout.contains("Step by step: month 18 (year 2)"),
        "{handout}"
    );
    assert!(
        stderr.contains("slide 1 of 6 written") && stderr.contains("slide 6 of 6 written"),
        "progress: {stderr}"
    );
    // The library reports the same progress, in order, to the app.
    let heard = std::cell::RefCell::new(Vec::new());
    let again = common::temp_dir();
    let s = common::baked("sequencing-root-causes-first.bulwark.json");
    let images = std::sync::Arc::new(Default::default());
    let progress = |done: usize, all: usize| heard.borrow_mut().push((done, all));
    bulwark::present::export::export_slides(&s, again.path(), images, &progress).expect("exported");
    assert_eq!(
        heard.into_inner(),
        (0..=6).map(|i| (i, 6)).collect::<Vec<_>>()
    );
}

/// One random step on the coalition example (with its neutrality clause):
/// a kind, a month, a value.
fn random_step(kind: u8, month: f64, value: f64, i: usize) -> Step {
    let coalition = || "coalition".to_string();
    let change = match kind % 7 {
        0 => Change::Arrangement {
            arrangement: coalition(),
            status: [
                ArrangementStatus::Signed,
                ArrangementStatus::Ratified,
                ArrangementStatus::Activated,
                ArrangementStatus::Suspended,
                ArrangementStatus::Ended,
            ][(value * 4.99) as usize],
        },
        1 => Change::Restraint {
            arrangement: coalition(),
            restraint: RestraintKind::ConstitutionalNeutrality,
            in_force: value > 0.5,
        },
        2 => Change::DemandMet {
            demand: DemandKind::RootCauses,
            region: None,
            met: value,
        },
        3 => Change::Snapback {
            arrangement: coalition(),
            on: value > 0.5,
        },
        4 => Change::AdversaryRebuilds {
            troops_per_year: {
                let likely = (value - 0.5) * 200_000.0;
                bulwark::scenario::Uncertain::new(likely - 20_000.0, likely, likely + 40_000.0)
            },
            up_to: (value > 0.7).then_some(800_000.0),
        },
        5 => Change::AdversaryForces {
            troops: (value - 0.5) * 300_000.0,
        },
        _ => Change::Unit {
            arrangement: coalition(),
            guarantor: "GBR".into(),
            unit: "UK contingent of the reassurance force, Kyiv area (size assumed)".into(),
            movement: if value > 0.5 {
                bulwark::scenario::Movement::Arrives
            } else {
                bulwark::scenario::Movement::Leaves
            },
        },
    };
    step(&format!("s{i}"), &format!("Step {i}"), month, change)
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 24,
        failure_persistence: common::regressions_beside_source(),
        .. proptest::prelude::ProptestConfig::default()
    })]

    /// Any timeline gives chances within 0 to 1, each range holding its mean,
    /// a survival curve that never turns back and is never below the period's
    /// own chance, and windows within the horizon.
    #[test]
    fn any_timeline_gives_a_consistent_chance_over_time(
        steps in proptest::collection::vec((0u8..7, 0.0f64..120.0, 0.0f64..1.0), 0..6),
        period in 0usize..3,
    ) {
        let mut s = sequenced(Vec::new());
        s.timeline.period = [
            bulwark::scenario::Period::Month,
            bulwark::scenario::Period::Quarter,
            bulwark::scenario::Period::Year,
        ][period];
        s.horizon_years = 3.0;
        s.timeline.steps = steps
            .iter()
            .enumerate()
            .map(|(i, (kind, month, value))| random_step(*kind, (month * 0.3).round(), *value, i))
            .collect();
        proptest::prop_assert!(scenario::validate(&s).is_empty(), "{:?}", scenario::validate(&s));
        let options = Options { samples: 200, seed: 2, ..Options::default() };
        let a = model::assess_with_options(&s, options).states.remove(0);
        let periods = [36, 12, 3][period];
        proptest::prop_assert_eq!(a.by_period.len(), periods);
        let mut last = 0.0;
        for (p, c) in a.by_period.iter().zip(&a.cumulative) {
            for x in [p.chance_of_attack, c.chance_of_attack] {
                proptest::prop_assert!((0.0..=1.0).contains(&x.mean), "{x:?}");
                proptest::prop_assert!(x.p5 <= x.mean + 1e-9 && x.mean <= x.p95 + 1e-9, "{x:?}");
            }
            proptest::prop_assert!(c.chance_of_attack.mean + 1e-12 >= last);
            proptest::prop_assert!(c.chance_of_attack.mean + 1e-12 >= p.chance_of_attack.mean);
            last = c.chance_of_attack.mean;
        }
        let whole = a.decision.chance_of_attack.mean;
        // Without steps the curve is read off the yearly hazard's histogram.
        let within = if s.timeline.steps.is_empty() { 0.01 } else { 1e-9 };
        proptest::prop_assert!((whole - last).abs() < within, "the headline is the curve's end");
        for w in &a.windows {
            proptest::prop_assert!(0.0 <= w.start_month && w.start_month < w.end_month && w.end_month <= 36.0, "{w:?}");
        }
    }
}

#[test]
fn a_timeline_too_long_to_assess_is_refused_before_any_work() {
    let mut s = sequenced(Vec::new());
    s.horizon_years = 50.0;
    s.timeline.period = bulwark::scenario::Period::Month;
    s.timeline.steps = (0..scenario::timeline::MAX_STEPS)
        .map(|i| random_step(4, (i * 3) as f64, 0.9, i))
        .collect();
    assert!(
        scenario::validate(&s).is_empty(),
        "{:?}",
        scenario::validate(&s)
    );
    let started = std::time::Instant::now();
    let refused = model::within_budget(&s, 10_000).expect_err("too much work");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "refused at once"
    );
    assert!(refused.contains("use at most"), "{refused}");
    // With fewer draws it runs, and each month is reported.
    let fits: u32 = refused
        .split("use at most ")
        .nth(1)
        .and_then(|r| r.split(' ').next())
        .and_then(|n| n.parse().ok())
        .expect("a number of draws");
    assert!(model::within_budget(&s, fits).is_ok());
    let a = model::assess_with_options(
        &s,
        Options {
            samples: 20,
            seed: 1,
            tornado: false,
            ..Options::default()
        },
    );
    assert_eq!(a.states[0].by_period.len(), 600);
    let mut over = s.clone();
    over.timeline.steps.push(random_step(5, 1.0, 0.2, 999));
    let problems = scenario::validate(&over);
    assert!(
        problems
            .iter()
            .any(|p| p.path == "timeline.steps" && p.message.contains("at most 200")),
        "{problems:?}"
    );
}

#[test]
fn a_ranged_rate_of_rebuilding_is_drawn_between_its_ends() {
    let with_rate = |low: f64, likely: f64, high: f64| {
        let mut s = common::baked("sequencing-guarantee-first.bulwark.json");
        for step in &mut s.timeline.steps {
            if let Change::AdversaryRebuilds {
                troops_per_year, ..
            } = &mut step.change
            {
                *troops_per_year = bulwark::scenario::Uncertain::new(low, likely, high);
            }
        }
        ukraine(&s, 0.0)
            .cumulative
            .last()
            .expect("periods")
            .chance_of_attack
            .mean
    };
    let slow = with_rate(0.0, 0.0, 0.0);
    let fast = with_rate(60_000.0, 60_000.0, 60_000.0);
    let drawn = with_rate(0.0, 30_000.0, 60_000.0);
    assert!(slow < drawn && drawn < fast, "{slow} < {drawn} < {fast}");
}

#[test]
fn a_shorter_horizon_keeps_its_later_steps_with_a_warning() {
    let mut s = common::baked("sequencing-root-causes-first.bulwark.json");
    s.horizon_years = 1.0;
    assert!(scenario::validate(&s).is_empty(), "still a valid file");
    let warned: Vec<String> = scenario::warnings::warnings(&s)
        .into_iter()
        .filter(|w| w.path.starts_with("timeline"))
        .map(|w| w.message)
        .collect();
    assert_eq!(warned.len(), 1, "{warned:?}");
    assert!(
        warned[0].contains("'Reassurance force deploys' is taken at month 18, after the horizon"),
        "{warned:?}"
    );
    let a = ukraine(&s, 0.0);
    assert_eq!(a.by_period.len(), 1);
    assert!(a.steps.iter().all(|st| st.month <= 18.0));
}
