//! Atomic saves under fire: a child process saves two versions of a scenario
//! alternately as fast as it can and is killed at a random moment, 200 times.
//! Each time, the file on disk must be a complete old or new version.

use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use rand::{Rng, SeedableRng};

use crate::common;

const CHILD_ENV: &str = "BULWARK_TEST_SAVE_CHILD";

fn version(title: &str) -> bulwark::scenario::Scenario {
    let mut s = bulwark::scenario::load_file(&common::saved("eastern-flank-today.bulwark.json"))
        .expect("example loads");
    s.meta.title = title.into();
    s
}

/// Child mode: save versions A and B alternately until killed.
#[test]
fn child_saves_forever() {
    let Some(path) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let (a, b) = (version("Version A"), version("Version B"));
    println!("READY");
    loop {
        for v in [&a, &b] {
            bulwark::scenario::save_file(Path::new(&path), v).expect("save");
        }
    }
}

#[test]
fn a_killed_save_leaves_a_complete_old_or_new_file() {
    if std::env::var_os(CHILD_ENV).is_some() {
        return;
    }
    let dir = common::temp_dir();
    let path = dir.path().join("target.bulwark.json");
    bulwark::scenario::save_file(&path, &version("Version A")).expect("first save");
    let mut rng = rand::rngs::StdRng::seed_from_u64(7);
    for run in 0..200 {
        let mut child = common::child(module_path!(), "child_saves_forever", CHILD_ENV, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(rng.random_range(5..40)));
        child.kill().expect("kill");
        child.wait().expect("reap");
        for file in [path.clone(), bulwark::scenario::backup_path(&path)] {
            if !file.exists() {
                continue;
            }
            let loaded = bulwark::scenario::load_file(&file)
                .unwrap_or_else(|e| panic!("run {run}: {} is damaged: {e}", file.display()));
            assert!(
                loaded.meta.title == "Version A" || loaded.meta.title == "Version B",
                "run {run}: unexpected title {}",
                loaded.meta.title
            );
        }
    }
}
