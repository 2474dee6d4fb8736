//! The application shell: the app and its commands, the documents with their
//! undo history, the panels, the dialogs and the persisted settings. Owns the
//! editing state (undo, unsaved changes); views return commands, and one place
//! (`app`'s command handling) carries them out.
//!
//! May import every layer below it (`kit`, `plots`, `map`, `present`, `model`,
//! `scenario`, `assets`); nothing below imports `ui`.

pub mod app;
pub mod assessment_panel;
pub mod assessment_runner;
pub mod background;
pub mod backtest_view;
pub mod commands;
pub mod compare;
pub mod document;
pub mod editor;
pub mod guide;
pub mod palette;
pub mod panel_focus;
pub mod recovery;
pub mod sensitivity_view;
pub mod settings;
pub mod sweep_view;
pub mod tabs;
pub mod timeline_strip;
pub mod voi_view;

pub use app::BulwarkApp;
pub use commands::Command;

use std::path::PathBuf;

/// Opens the Bulwark window with `file` (or the default example) and runs until
/// it closes.
pub fn run_native(file: Option<PathBuf>, exit_after_first_frame: bool) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Bulwark")
            .with_inner_size([1600.0, 1000.0])
            .with_min_inner_size([960.0, 600.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "Bulwark",
        options,
        Box::new(move |cc| {
            let options = app::StartOptions {
                file,
                recovery_dir: recovery::default_folder(),
                exit_after_first_frame,
                ..app::StartOptions::default()
            };
            Ok(Box::new(BulwarkApp::with_options(cc, options)))
        }),
    )
}
