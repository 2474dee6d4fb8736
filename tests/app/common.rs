//! What the tests share: the whole app in a harness, the shipped examples, the
//! paths of the example and test files, temporary folders, the command-line
//! binary, this test binary run again as a child process, and where proptest
//! keeps its regressions.
//!
//! No helper here sets process-wide state: the tests of every module run in
//! parallel threads of one process.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::Command;

use egui_kittest::Harness;
use proptest::test_runner::{FailurePersistence, FileFailurePersistence};
use tempfile::TempDir;

use bulwark::scenario::{self, Scenario};
use bulwark::ui::BulwarkApp;
use bulwark::ui::app::StartOptions;

/// The window most UI tests use.
pub const WINDOW: egui::Vec2 = egui::vec2(1600.0, 1000.0);

/// How the UI tests start the app: the assessment is computed in the frame,
/// so that each frame shows finished figures.
pub fn inline() -> StartOptions {
    StartOptions {
        inline_assessment: true,
        ..StartOptions::default()
    }
}

/// The whole app as eframe starts it (settings, theme and fonts), in a window
/// of `size`, on the default example, the assessment computed in the frame.
pub fn app(size: egui::Vec2) -> Harness<'static, BulwarkApp> {
    app_with(size, inline())
}

/// The whole app as eframe starts it, in a window of `size`, with `options`.
pub fn app_with(size: egui::Vec2, options: StartOptions) -> Harness<'static, BulwarkApp> {
    Harness::builder()
        .with_size(size)
        .build_eframe(move |cc| BulwarkApp::with_options(cc, options))
}

/// Runs a frame, the assessment of every open document to completion, and a
/// frame that draws it.
pub fn run_assessment(h: &mut Harness<'_, BulwarkApp>) {
    h.run();
    h.state_mut().finish_assessments();
    h.run();
}

/// The app's fonts in a harness that draws a widget on its own: installed in
/// the first frame, they take effect from the next.
#[derive(Default)]
pub struct AppFonts {
    installed: bool,
}

impl AppFonts {
    /// Whether this frame draws with the app's fonts; the first time, installs
    /// them and answers false (draw nothing in that frame).
    pub fn ready(&mut self, ctx: &egui::Context) -> bool {
        if self.installed {
            return true;
        }
        bulwark::kit::theme::install_fonts(ctx);
        self.installed = true;
        false
    }
}

/// The crate's folder.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A shipped example in `saves/`, by file name.
pub fn saved(file: &str) -> PathBuf {
    root().join("saves").join(file)
}

/// A file in `tests/` (`good-minimal.bulwark.json`, `bad/…`, `fixtures/…`).
pub fn test_file(path: &str) -> PathBuf {
    root().join("tests").join(path)
}

/// The minimal valid scenario file, `tests/good-minimal.bulwark.json`.
pub fn minimal_file() -> PathBuf {
    test_file("good-minimal.bulwark.json")
}

/// A shipped example as baked into the binary, by file name.
pub fn baked(file: &str) -> Scenario {
    let bytes = bulwark::assets::example(file).unwrap_or_else(|| panic!("{file} ships"));
    scenario::from_bytes(file, bytes).expect("example loads")
}

/// Every shipped example as baked into the binary, in the order they ship.
pub fn baked_examples() -> Vec<Scenario> {
    bulwark::assets::examples()
        .map(|(name, bytes)| scenario::from_bytes(name, bytes).expect("example loads"))
        .collect()
}

/// A new temporary folder, removed when dropped.
pub fn temp_dir() -> TempDir {
    tempfile::tempdir().expect("temp dir")
}

/// A copy of the file `from`, named `name`, in a new temporary folder.
pub fn copied(from: &Path, name: &str) -> (TempDir, PathBuf) {
    let dir = temp_dir();
    let path = dir.path().join(name);
    std::fs::copy(from, &path).expect("copy");
    (dir, path)
}

/// The `bulwark` command line, as a user runs it.
pub fn bulwark() -> Command {
    Command::new(env!("CARGO_BIN_EXE_bulwark"))
}

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

/// A drag of the primary button from `from` to `to`, in a few steps.
pub fn drag(h: &mut Harness<'_, BulwarkApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    for i in 1..=5 {
        h.hover_at(from + (to - from) * (i as f32 / 5.0));
        h.run();
    }
    h.drop_at(to);
    h.run();
}

/// A timeline step named `name` at `month` that makes `change`.
pub fn step(
    id: &str,
    name: &str,
    month: f64,
    change: bulwark::scenario::Change,
) -> bulwark::scenario::Step {
    bulwark::scenario::Step {
        id: id.into(),
        name: name.into(),
        month,
        after: None,
        change,
        notes: String::new(),
    }
}

/// Types `path` into the typed-path dialog's field, replacing what it held.
pub fn type_path(h: &mut Harness<'_, BulwarkApp>, path: &Path) {
    use egui_kittest::kittest::Queryable;
    h.get_by_label("Path").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Path")
        .type_text(&path.display().to_string());
    h.run();
}
