//! The command line as a user runs it: `bulwark validate` and `bulwark schema`.

use crate::common::{bulwark, minimal_file, saved, temp_dir, test_file};

#[test]
fn validate_accepts_good_files_with_exit_code_0() {
    let out = bulwark()
        .arg("validate")
        .arg(minimal_file())
        .arg(saved("armed-neutrality.bulwark.json"))
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
    let bad = test_file("bad/credibility-out-of-range.bulwark.json");
    let out = bulwark()
        .arg("validate")
        .arg(minimal_file())
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

#[test]
fn upgrade_rewrites_in_place_and_keeps_a_backup() {
    let dir = temp_dir();
    let file = dir.path().join("old.bulwark.json");
    // Hand-written: compact, fields in another order, defaults left out.
    let original = std::fs::read_to_string(minimal_file()).expect("read");
    let compact: serde_json::Value = serde_json::from_str(&original).expect("json");
    std::fs::write(&file, compact.to_string()).expect("write");
    let out = bulwark().arg("upgrade").arg(&file).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let rewritten = std::fs::read_to_string(&file).expect("read");
    assert!(
        rewritten.contains("\n  \"format_version\": 1,"),
        "pretty-printed: {rewritten}"
    );
    let backup = std::fs::read_to_string(dir.path().join("old.bulwark.json.bak")).expect("backup");
    assert_eq!(backup, compact.to_string());
}

#[test]
fn upgrade_refuses_a_bad_file_and_leaves_it_alone() {
    let dir = temp_dir();
    let file = dir.path().join("newer.bulwark.json");
    let bad = std::fs::read(test_file("bad/newer-version.bulwark.json")).expect("read");
    std::fs::write(&file, &bad).expect("write");
    let out = bulwark().arg("upgrade").arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer than this Bulwark"));
    assert_eq!(std::fs::read(&file).expect("read"), bad);
}
