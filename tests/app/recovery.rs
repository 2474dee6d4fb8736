//! Crash recovery as a user meets it: edit, the process is killed, start again,
//! restore, and the edit is there. The "crashing" app runs in a child process
//! (this same test binary, in child mode) that is killed with SIGKILL.

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::Stdio;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use bulwark::ui::BulwarkApp;
use bulwark::ui::app::StartOptions;

use crate::common;

const CHILD_ENV: &str = "BULWARK_TEST_RECOVERY_CHILD";

fn app(dir: &Path) -> Harness<'static, BulwarkApp> {
    common::app_with(
        egui::vec2(1280.0, 800.0),
        StartOptions {
            file: None,
            recovery_dir: Some(dir.to_path_buf()),
            ..common::inline()
        },
    )
}

/// Child mode: edit the title, wait until the recovery file is written, say
/// READY, then hang until killed. In a normal test run this does nothing.
#[test]
fn child_edits_then_hangs() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let mut h = app(Path::new(&dir));
    h.get_by_label("Title").click();
    h.run();
    h.key_press(egui::Key::End);
    h.get_by_label("Title")
        .type_text(" — edited before the crash");
    h.run();
    let own = bulwark::ui::recovery::own_path(Path::new(&dir));
    for _ in 0..2000 {
        if own.exists() {
            break;
        }
        h.step();
    }
    assert!(
        own.exists(),
        "the recovery file is written a few seconds after the edit"
    );
    println!("READY");
    loop {
        std::thread::sleep(std::time::Duration::from_secs(1));
    }
}

#[test]
fn an_edit_survives_a_killed_process() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = common::temp_dir();
    let mut child = common::child(
        module_path!(),
        "child_edits_then_hangs",
        CHILD_ENV,
        dir.path(),
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::null())
    .spawn()
    .expect("spawn child");
    let stdout = child.stdout.take().expect("stdout");
    let ready = BufReader::new(stdout)
        .lines()
        .map_while(Result::ok)
        .any(|line| line.contains("READY"));
    child.kill().expect("kill");
    child.wait().expect("reap");
    assert!(ready, "the child app wrote its recovery file");

    let mut h = app(dir.path());
    h.run();
    assert!(
        h.query_by_label("Restore unsaved work").is_some(),
        "the restore question is shown"
    );
    h.get_by_label("Restore").click();
    h.run();
    let title = h.state().doc().scenario().meta.title.clone();
    assert!(title.ends_with(" — edited before the crash"), "{title}");
    assert!(
        h.state().doc().is_dirty(),
        "restored work is unsaved until saved"
    );
    let left = std::fs::read_dir(dir.path()).expect("dir").count();
    assert_eq!(left, 0, "the restored recovery file is removed");
}

#[test]
fn discarding_recovered_work_removes_it() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = common::temp_dir();
    // A recovery file from a process id that cannot be running.
    let file = bulwark::ui::recovery::RecoveryFile {
        saved_at: 0,
        pid: u32::MAX - 7,
        documents: vec![bulwark::ui::recovery::RecoveredDocument {
            original: None,
            scenario: bulwark::scenario::blank(),
        }],
    };
    let path = dir.path().join(format!("recovery-{}.json", file.pid));
    std::fs::write(&path, serde_json::to_string(&file).expect("json")).expect("write");
    let mut h = app(dir.path());
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert!(!path.exists());
    assert_ne!(h.state().doc().scenario().meta.title, "Untitled scenario");
}
