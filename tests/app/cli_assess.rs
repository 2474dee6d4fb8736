//! `bulwark assess` and `bulwark backtest` as a user runs them.

use crate::common::{bulwark, minimal_file, saved, test_file};

fn assess(format: &str) -> (Option<i32>, String, String) {
    outcome(
        bulwark()
            .args([
                "assess",
                "--samples",
                "200",
                "--seed",
                "5",
                "--format",
                format,
            ])
            .arg(minimal_file())
            .arg(saved("eastern-flank-today.bulwark.json")),
    )
}

/// The exit code, standard output and standard error of `command`.
fn outcome(command: &mut std::process::Command) -> (Option<i32>, String, String) {
    let out = command.output().expect("runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn assess_prints_text() {
    let (code, out, err) = assess("text");
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("Ukraine (UKR)"), "{out}");
    assert!(out.contains("chance of attack:"), "{out}");
    assert!(out.contains("Estonia (EST)"), "{out}");
    assert!(out.contains("200 draws, seed 5"), "{out}");
    assert!(
        out.contains("river crossing Narva at 1 km"),
        "the Narva on the way to Tallinn: {out}"
    );
}

#[test]
fn assess_prints_json_with_stable_fields() {
    let (code, out, err) = assess("json");
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let first = &v[0]["assessment"];
    assert_eq!(first["samples"], 200);
    let state = &first["states"][0];
    for field in [
        "credibility",
        "campaign",
        "punishment",
        "decision",
        "burden",
        "restraint",
        "acceptability",
        "break_even",
        "tornado",
    ] {
        assert!(!state[field].is_null(), "{field} missing");
    }
    let tallinn = &v[1]["assessment"]["states"][0]["campaign"][0]["marks"][0];
    assert_eq!(tallinn["kind"], "river_crossing", "{tallinn}");
    assert_eq!(tallinn["name"], "Narva");
    let p = state["decision"]["chance_of_attack"]["mean"]
        .as_f64()
        .expect("a number");
    assert!((0.0..=1.0).contains(&p));
    assert!(
        v[1]["file"]
            .as_str()
            .expect("file")
            .ends_with("eastern-flank-today.bulwark.json")
    );
}

#[test]
fn assess_prints_csv_one_row_per_state() {
    let (code, out, err) = assess("csv");
    assert_eq!(code, Some(0), "{err}");
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("file,state,arrangements,chance_of_attack_mean"));
    // UKR from the minimal file, five states from the eastern flank.
    assert_eq!(lines.len(), 1 + 1 + 5, "{out}");
    let columns = lines[0].split(',').count();
    assert!(
        lines.iter().all(|l| l.split(',').count() == columns),
        "{out}"
    );
}

#[test]
fn assess_gives_the_same_errors_as_validate_and_exit_code_1() {
    let bad = test_file("bad/credibility-out-of-range.bulwark.json");
    let out = bulwark()
        .args(["assess", "--samples", "10"])
        .arg(minimal_file())
        .arg(&bad)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}: arrangements[1].guarantors[0].credibility: 1.7 is outside 0 to 1",
            bad.display()
        )),
        "{err}"
    );
    assert!(err.contains("1 of 2 files has problems"), "{err}");
    // The good file is still assessed.
    assert!(String::from_utf8_lossy(&out.stdout).contains("Ukraine (UKR)"));
}

#[test]
fn assess_refuses_zero_samples() {
    let out = bulwark()
        .args(["assess", "--samples", "0"])
        .arg(minimal_file())
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn backtest_prints_cases_and_auc() {
    let out = bulwark()
        .args(["backtest", "--samples", "300"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Finland 1939"), "{text}");
    assert!(text.contains("not attacked"), "{text}");
    let auc: f64 = text
        .lines()
        .find_map(|l| l.strip_prefix("ROC AUC: "))
        .and_then(|l| l.split_whitespace().next())
        .and_then(|x| x.parse().ok())
        .expect("an AUC line");
    assert!(auc >= 0.85, "{text}");
}

#[test]
fn assess_refuses_a_run_too_large_at_once() {
    let (dir, file) = huge_file();
    let started = std::time::Instant::now();
    let out = crate::common::bulwark()
        .arg("assess")
        .arg(&file)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Before: it ran for minutes on both cores.
    assert!(started.elapsed().as_secs() < 20, "refused at once");
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("too large to run"), "{stderr}");
    assert!(stderr.contains("use at most"), "says what fits: {stderr}");
    // The sensitivity and the sweep are refused the same way.
    for args in [
        vec!["sensitivity", "--samples", "8192"],
        vec![
            "sweep",
            "--param",
            "adversary_resolve=0:1:50",
            "--samples",
            "100000",
        ],
    ] {
        let out = crate::common::bulwark()
            .args(&args)
            .arg(&file)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {stderr}");
        assert!(stderr.contains("too large"), "{args:?}: {stderr}");
    }
    drop(dir);
}

/// The largest example with its axes repeated 41 times and a million draws.
fn huge_file() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = crate::common::temp_dir();
    let mut scenario = crate::common::baked("eastern-flank-today.bulwark.json");
    scenario.simulation.samples = 1_000_000;
    let mut axes = scenario.axes.clone();
    for copy in 0..40 {
        axes.extend(scenario.axes.iter().cloned().map(|mut axis| {
            axis.id = format!("{}-{copy}", axis.id);
            axis
        }));
    }
    scenario.axes = axes;
    let file = dir.path().join("huge.bulwark.json");
    bulwark::scenario::save_file(&file, &scenario).expect("a valid file");
    (dir, file)
}

#[test]
fn samples_on_the_command_line_are_capped_with_a_message() {
    for command in ["assess", "backtest"] {
        let mut run = crate::common::bulwark();
        run.args([command, "--samples", "4000000000"]);
        if command == "assess" {
            run.arg(crate::common::minimal_file());
        }
        let out = run.output().expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{command}: {stderr}");
        assert!(
            stderr.contains("is not in 1..=1000000"),
            "{command}: {stderr}"
        );
    }
}

#[test]
fn assess_text_says_how_far_each_demand_is_met() {
    let out = bulwark()
        .args(["assess", "--samples", "200"])
        .arg(saved("us-bilateral-28-point.bulwark.json"))
        .output()
        .expect("runs");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("demands met: neutrality 100.0%, territory 100.0%"),
        "{text}"
    );
}

fn sensitivity(format: &str, files: &[std::path::PathBuf]) -> (Option<i32>, String, String) {
    outcome(
        bulwark()
            .args([
                "sensitivity",
                "--samples",
                "64",
                "--seed",
                "3",
                "--format",
                format,
            ])
            .args(files),
    )
}

#[test]
fn sensitivity_prints_sobol_indices_by_total_effect() {
    let (code, out, err) = sensitivity("text", &[minimal_file()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("Sobol indices, 64 base samples, seed 3"),
        "{out}"
    );
    for output in [
        "Chance of attack",
        "Time to objective (days)",
        "Acceptable to the adversary",
    ] {
        assert!(out.contains(output), "{output} in {out}");
    }
    assert!(out.contains("Adversary resolve"), "{out}");
    assert!(
        out.contains("first order") && out.contains("total"),
        "{out}"
    );
}

#[test]
fn sensitivity_json_gives_every_uncertain_parameter_with_intervals() {
    let (code, out, err) = sensitivity("json", &[minimal_file()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        !out.contains("-0.0,") && !out.contains("-0.0\n"),
        "no negative zeros"
    );
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let state = &v[0]["states"][0];
    assert_eq!(state["samples"], 64);
    let outputs = state["outputs"].as_array().expect("outputs");
    let keys: Vec<&str> = outputs
        .iter()
        .filter_map(|o| o["output"].as_str())
        .collect();
    assert_eq!(
        keys,
        [
            "chance_of_attack",
            "days_to_objective",
            "adversary_acceptability"
        ]
    );
    let scenario = bulwark::scenario::load_file(&minimal_file()).expect("loads");
    let uncertain = bulwark::model::params::ranges(&scenario)
        .iter()
        .filter(|r| r.high > r.low)
        .count();
    for output in outputs {
        let parameters = output["parameters"].as_array().expect("parameters");
        assert_eq!(
            parameters.len(),
            uncertain,
            "one entry per uncertain parameter"
        );
        let totals: Vec<f64> = parameters
            .iter()
            .map(|p| p["total"]["estimate"].as_f64().expect("a number"))
            .collect();
        assert!(
            totals.windows(2).all(|w| w[0] >= w[1]),
            "largest total first: {totals:?}"
        );
        for p in parameters {
            for order in ["first", "total"] {
                let (low, high) = (
                    p[order]["low"].as_f64().expect("a number"),
                    p[order]["high"].as_f64().expect("a number"),
                );
                assert!(low <= high, "{p}");
            }
        }
    }
}

#[test]
fn sensitivity_csv_has_a_row_per_state_output_and_parameter_and_bad_files_get_errors() {
    let bad = test_file("bad/credibility-out-of-range.bulwark.json");
    let (code, out, err) = sensitivity("csv", &[minimal_file(), bad.clone()]);
    assert_eq!(code, Some(1), "a bad file");
    assert!(
        err.contains(&format!(
            "{}: arrangements[1].guarantors[0].credibility",
            bad.display()
        )),
        "{err}"
    );
    let mut lines = out.lines();
    assert_eq!(
        lines.next(),
        Some(
            bulwark::model::export::SENSITIVITY_COLUMNS
                .join(",")
                .as_str()
        )
    );
    let rows: Vec<&str> = lines.collect();
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r.split(',').count() == 10), "{rows:?}");
    assert!(
        rows.iter()
            .any(|r| r.contains(",chance_of_attack,adversary_resolve,")),
        "{rows:?}"
    );
}

fn sweep(args: &[&str]) -> (Option<i32>, String, String) {
    outcome(
        bulwark()
            .args(["sweep", "--samples", "100"])
            .arg(saved("us-bilateral-28-point.bulwark.json"))
            .args(args),
    )
}

#[test]
fn sweep_gives_a_row_per_point_and_state_and_resolve_raises_the_chance_of_attack() {
    let (code, out, err) = sweep(&["--param", "adversary_resolve=0.2:0.8:4"]);
    assert_eq!(code, Some(0), "{err}");
    let mut lines = out.lines();
    let header: Vec<&str> = lines.next().expect("a header").split(',').collect();
    assert_eq!(
        &header[..3],
        ["state", "adversary_resolve", "chance_of_attack"]
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split(',').collect()).collect();
    assert_eq!(rows.len(), 4, "four points, one protected state");
    let values: Vec<&str> = rows.iter().map(|r| r[1]).collect();
    assert_eq!(values, ["0.2", "0.4", "0.6", "0.8"]);
    let chance: Vec<f64> = rows
        .iter()
        .map(|r| r[2].parse().expect("a number"))
        .collect();
    assert!(chance.windows(2).all(|w| w[1] >= w[0]), "{chance:?}");
}

#[test]
fn sweep_of_two_parameters_is_a_grid_in_json() {
    let (code, out, err) = sweep(&[
        "--param",
        "adversary_resolve=0.2:0.8:3",
        "--param",
        "pact_reliability=0.4:0.8:2",
        "--format",
        "json",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    assert_eq!(v["parameters"].as_array().map(Vec::len), Some(2));
    let points = v["points"].as_array().expect("points");
    assert_eq!(points.len(), 6, "3 × 2");
    assert_eq!(
        points[1]["values"],
        serde_json::json!([0.2, 0.8]),
        "the second varies fastest"
    );
    assert_eq!(v["figures"][0]["key"], "chance_of_attack");
}

#[test]
fn a_bad_sweep_says_what_is_wrong_with_exit_code_2() {
    for (args, expected) in [
        (
            vec!["--param", "nonsense=0:1:3"],
            "\"nonsense\" is not a parameter",
        ),
        (vec!["--param", "adversary_resolve=0.9:0.1:3"], "not below"),
        (
            vec![
                "--param",
                "adversary_resolve=0:1:3",
                "--param",
                "adversary_resolve=0:1:3",
            ],
            "swept twice",
        ),
        (
            vec![
                "--param",
                "adversary_resolve=0:1:3",
                "--param",
                "pact_reliability=0:1:3",
                "--param",
                "tripwire_effect=0:1:3",
            ],
            "one or two --param",
        ),
    ] {
        let (code, _, err) = sweep(&args);
        assert_eq!(code, Some(2), "{args:?}");
        assert!(err.contains(expected), "{args:?}: {err}");
    }
}

#[test]
fn voi_values_information_for_a_files_arrangements_and_between_files() {
    let (code, out, err) = outcome(
        bulwark()
            .args(["voi", "--samples", "100", "--format", "json"])
            .arg(saved("nato-membership.bulwark.json")),
    );
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).expect("JSON");
    let state = &v[0]["states"][0];
    assert!(
        state["options"].as_array().is_some_and(|o| o.len() >= 2),
        "{state}"
    );
    let evpi = state["evpi"].as_f64().expect("EVPI");
    for p in state["parameters"].as_array().expect("parameters") {
        let evppi = p["evppi"].as_f64().expect("EVPPI");
        assert!((0.0..=evpi + 1e-12).contains(&evppi), "{p}");
    }
    let (code, out, err) = outcome(
        bulwark()
            .args([
                "voi",
                "--between",
                "--samples",
                "100",
                "--weights",
                "deterrence=1,burden=0.1",
            ])
            .arg(saved("nato-membership.bulwark.json"))
            .arg(saved("armed-neutrality.bulwark.json")),
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("NATO membership") && out.contains("Armed neutrality"),
        "{out}"
    );
    assert!(out.contains("0.1 × burden"), "{out}");
    let (code, _, err) = outcome(
        bulwark()
            .args(["voi", "--weights", "luck=2"])
            .arg(saved("nato-membership.bulwark.json")),
    );
    assert_eq!(code, Some(2));
    assert!(err.contains("\"luck\" is not a weight"), "{err}");
}
