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
fn validate_prints_consistency_warnings_with_their_path_and_exits_0() {
    let dir = temp_dir();
    let mut s = bulwark::scenario::from_bytes(
        "armed-neutrality.bulwark.json",
        &std::fs::read(saved("armed-neutrality.bulwark.json")).expect("read"),
    )
    .expect("loads");
    s.axes[0].objective = s.axes[0].start.clone();
    let file = dir.path().join("odd.bulwark.json");
    bulwark::scenario::save_file(&file, &s).expect("save");
    let out = bulwark().arg("validate").arg(&file).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("odd.bulwark.json: warning: axes[0].objective: is 0.0 km from the start"),
        "{stderr}"
    );
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
    assert!(stderr.contains("1 of 2 files has problems"), "{stderr}");
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
        rewritten.contains(&format!(
            "\n  \"format_version\": {},",
            bulwark::scenario::FORMAT_VERSION
        )),
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

/// Runs `bulwark validate FILE`, killing it if it has not finished in 20 s;
/// its exit code (None if it hung) and standard error.
fn validate_within_20_s(file: &std::path::Path) -> (Option<i32>, String) {
    use std::time::{Duration, Instant};
    let mut child = bulwark()
        .arg("validate")
        .arg(file)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(20) {
        if child.try_wait().expect("waits").is_some() {
            let out = child.wait_with_output().expect("output");
            return (
                out.status.code(),
                String::from_utf8_lossy(&out.stderr).into_owned(),
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    (None, String::new())
}

#[cfg(target_os = "linux")]
#[test]
fn validate_refuses_a_named_pipe_at_once() {
    let dir = temp_dir();
    let fifo = dir.path().join("trap.bulwark.json");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // Before: opening it waited for a writer that never came.
    let (code, stderr) = validate_within_20_s(&fifo);
    assert_eq!(code, Some(1), "refused, not hung: {stderr}");
    assert!(
        stderr.contains("is a named pipe (FIFO), not a scenario file"),
        "{stderr}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn validate_refuses_a_link_to_dev_zero_without_reading_it() {
    let dir = temp_dir();
    let link = dir.path().join("zero.bulwark.json");
    std::os::unix::fs::symlink("/dev/zero", &link).expect("a link");
    // Before: its metadata said 0 bytes, so it was read until memory ran out.
    let (code, stderr) = validate_within_20_s(&link);
    assert_eq!(code, Some(1), "refused: {stderr}");
    assert!(
        stderr.contains("is a character device, not a scenario file"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn export_slides_refuses_a_prepared_link_and_leaves_its_target_alone() {
    let dir = temp_dir();
    let target = dir.path().join("bashrc");
    std::fs::write(&target, "export PATH=/usr/bin\n").expect("written");
    let out_dir = dir.path().join("deck");
    std::fs::create_dir(&out_dir).expect("a folder");
    std::os::unix::fs::symlink(&target, out_dir.join("slide-01.png")).expect("a link");
    let out = bulwark()
        .arg("export-slides")
        .arg(minimal_file())
        .arg("--out")
        .arg(&out_dir)
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_ne!(out.status.code(), Some(0), "refused: {stderr}");
    assert!(stderr.contains("slide-01.png"), "names the file: {stderr}");
    assert!(stderr.contains("a link is already there"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&target).expect("read"),
        "export PATH=/usr/bin\n",
        "the link's target is untouched"
    );
}

#[cfg(unix)]
#[test]
fn upgrade_leaves_a_read_only_file_unless_forced() {
    use std::os::unix::fs::PermissionsExt as _;
    let dir = temp_dir();
    let file = dir.path().join("old.bulwark.json");
    std::fs::copy(minimal_file(), &file).expect("copied");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let out = bulwark().arg("upgrade").arg(&file).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("read-only") && stderr.contains("--force"),
        "{stderr}"
    );
    let out = bulwark()
        .args(["upgrade", "--force"])
        .arg(&file)
        .output()
        .expect("runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mode = std::fs::metadata(&file)
        .expect("there")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o444, "still read-only");
}

#[cfg(unix)]
#[test]
fn validate_prints_control_characters_escaped() {
    let dir = temp_dir();
    // A name that would clear the screen and forge an "ok" line.
    let file = dir
        .path()
        .join("x.bulwark.json\n\u{1b}[2Jfine.bulwark.json: ok");
    std::fs::write(&file, "not json").expect("written");
    let out = bulwark().arg("validate").arg(&file).output().expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(!stderr.contains('\u{1b}'), "no raw escape: {stderr:?}");
    assert!(stderr.contains("\\u{000A}\\u{001B}[2Jfine"), "{stderr:?}");
    assert_eq!(
        stderr.lines().count(),
        2,
        "the problem and the count: {stderr:?}"
    );
}

/// `bulwark new --template TEMPLATE --protect UKR --out FILE`.
fn new_into(template: &str, file: &std::path::Path) -> std::process::Output {
    bulwark()
        .args(["new", "--template", template, "--protect", "UKR", "--out"])
        .arg(file)
        .output()
        .expect("runs")
}

#[test]
fn new_writes_a_realistic_scenario_from_a_template_and_never_overwrites() {
    let dir = temp_dir();
    let file = dir.path().join("nato-ukr.bulwark.json");
    let out = new_into("nato-membership", &file);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let s = bulwark::scenario::load_file(&file).expect("the file loads");
    assert_eq!(bulwark::scenario::validate(&s), vec![]);
    // Peacetime spending, the theatre's axes, and Russia's demands: NATO
    // membership is not acceptable to it.
    assert_eq!(s.states[0].overrides.defence_pct_gdp, Some(3.0));
    let kyiv = s.axes.iter().find(|a| a.name == "Belarus → Kyiv");
    let kyiv = kyiv.expect("the axis from Belarus");
    assert!(
        kyiv.river_crossings
            .iter()
            .any(|r| r.name.starts_with("Irpin")),
        "the Irpin on Kyiv's approach: {:?}",
        kyiv.river_crossings
    );
    let a = bulwark::model::assess(&s);
    let ukraine = &a.states[0];
    let accepts = &ukraine.acceptability.adversary;
    assert!(accepts.mean < 0.1, "{accepts:?}");
    assert!(
        (0.05..0.6).contains(&ukraine.decision.chance_of_attack.mean),
        "{:?}",
        ukraine.decision.chance_of_attack
    );
    // A second run leaves the file alone.
    let before = std::fs::read(&file).expect("read");
    let again = new_into("armed-neutrality", &file);
    assert_eq!(again.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(std::fs::read(&file).expect("read"), before);
}

#[test]
fn new_names_one_axis_in_the_singular() {
    let dir = temp_dir();
    let file = dir.path().join("est.bulwark.json");
    let out = bulwark()
        .args([
            "new",
            "--template",
            "nato-membership",
            "--protect",
            "EST",
            "--out",
        ])
        .arg(&file)
        .output()
        .expect("runs");
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(said.contains("(1 axis of advance)"), "{said}");
}

#[test]
fn new_names_an_unknown_state_and_lists_the_templates_in_its_help() {
    let out = bulwark()
        .args(["new", "--template", "mixed", "--protect", "XYZ"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("'XYZ' is not a state"));
    let help = bulwark().args(["new", "--help"]).output().expect("runs");
    let text = String::from_utf8_lossy(&help.stdout);
    for kind in [
        "armed-neutrality",
        "nato-membership",
        "coalition-guarantee",
        "assurances",
    ] {
        assert!(text.contains(kind), "{kind} not in {text}");
    }
}

#[test]
fn upgrade_leaves_a_current_file_as_it_is_and_says_so() {
    let dir = temp_dir();
    let file = dir.path().join("current.bulwark.json");
    std::fs::copy(saved("armed-neutrality.bulwark.json"), &file).expect("copied");
    let before = std::fs::read(&file).expect("read");
    let out = bulwark().arg("upgrade").arg(&file).output().expect("runs");
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("already in format version"), "{stdout}");
    assert_eq!(std::fs::read(&file).expect("read"), before);
    assert!(!dir.path().join("current.bulwark.json.bak").exists());
}

#[cfg(all(unix, not(target_os = "macos")))]
#[test]
fn without_a_display_the_app_says_one_is_needed() {
    let out = bulwark()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .env_remove("WAYLAND_SOCKET")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("no display"), "{stderr}");
    assert!(!stderr.contains(".cargo"), "no registry path: {stderr}");
}

#[test]
fn export_plot_writes_a_figure_at_the_size_asked_and_refuses_what_is_not_a_plot() {
    let dir = temp_dir();
    let path = dir.path().join("tornado.png");
    let out = bulwark()
        .args([
            "export-plot",
            "--plot",
            "tornado",
            "--size",
            "1200x800",
            "--out",
        ])
        .arg(&path)
        .arg(minimal_file())
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let image = image::open(&path).expect("a PNG").to_rgba8();
    assert_eq!(image.dimensions(), (1200, 800));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Exported What drives the result"));

    for (args, says) in [
        (
            ["--plot", "pie", "--size", "1600x900"],
            "the plots are headline",
        ),
        (
            ["--plot", "tornado", "--size", "90x9000"],
            "90 px is outside 200 to 8000",
        ),
    ] {
        let out = bulwark()
            .arg("export-plot")
            .args(args)
            .arg("--out")
            .arg(dir.path().join("x.png"))
            .arg(minimal_file())
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!dir.path().join("x.png").exists());
    }
}
