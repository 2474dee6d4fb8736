//! What the tests share: this test binary run again as a child process, and
//! where proptest keeps its regressions.
//!
//! No helper here sets process-wide state: the tests of every module run in
//! parallel threads of one process.

use std::ffi::OsStr;
use std::process::Command;

use proptest::test_runner::{FailurePersistence, FileFailurePersistence};

/// This test binary run again, as a child process, to run the one test `test`
/// of the module `module` (its `module_path!()`), with the variable `env` set
/// to `value` (which puts that test in child mode).
pub fn child(module: &str, test: &str, env: &str, value: impl AsRef<OsStr>) -> Command {
    // A test's name leaves out the crate: `recovery::child_edits_then_hangs`.
    let (_, module) = module.split_once("::").expect("a module of the test crate");
    let mut child = Command::new(std::env::current_exe().expect("test binary"));
    child
        .args([
            "--exact",
            &format!("{module}::{test}"),
            "--nocapture",
            "--test-threads=1",
        ])
        .env(env, value);
    child
}

/// Where proptest keeps the failing cases it has found: beside the test's
/// source file, `tests/app/NAME.proptest-regressions`. (Its default looks for
/// the folder of a `main.rs` above the source, finds `tests/app/`, and would
/// use `tests/proptest-regressions/NAME.txt`.) None, as by default, when
/// `PROPTEST_DISABLE_FAILURE_PERSISTENCE` is set.
pub fn regressions_beside_source() -> Option<Box<dyn FailurePersistence>> {
    let beside: Box<dyn FailurePersistence> =
        Box::new(FileFailurePersistence::WithSource("proptest-regressions"));
    proptest::test_runner::Config::default()
        .failure_persistence
        .map(|_| beside)
}
