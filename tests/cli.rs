//! The command line as a user runs it: `bulwark validate` and `bulwark schema`.

use std::path::PathBuf;
use std::process::Command;

fn bulwark() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bulwark"))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn validate_accepts_good_files_with_exit_code_0() {
    let out = bulwark()
        .arg("validate")
        .arg(root().join("tests/good-minimal.bulwark.json"))
        .arg(root().join("saves/armed-neutrality.bulwark.json"))
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("good-minimal.bulwark.json: ok"), "{stdout}");
}

#[test]
fn validate_prints_every_problem_and_exits_1() {
    let bad = root().join("tests/bad/credibility-out-of-range.bulwark.json");
    let out = bulwark()
        .arg("validate")
        .arg(root().join("tests/good-minimal.bulwark.json"))
        .arg(&bad)
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!(
            "{}: arrangements[1].guarantors[0].credibility: 1.7 is outside 0 to 1",
            bad.display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains("1 of 2 files have problems"), "{stderr}");
}

#[test]
fn validate_reports_a_missing_file() {
    let out = bulwark()
        .args(["validate", "no-such-file.bulwark.json"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no-such-file.bulwark.json: cannot read")
    );
}

#[test]
fn schema_prints_the_json_schema() {
    let out = bulwark().arg("schema").output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(schema["title"], "Scenario");
    assert!(schema["properties"]["arrangements"].is_object());
}
