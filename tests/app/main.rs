//! Bulwark's integration and UI tests, in one test binary (egui and wgpu are
//! linked once, not once a file): one module per area, and `common` for what
//! they share.
//!
//! The tests of every module run in parallel threads of this one process, so
//! none may set process-wide state (environment variables, the current
//! folder); per-context switches such as `bulwark::kit::retained` are fine.
//!
//! Run one area with `cargo test --test app cli::` or one test by its path,
//! `cargo test --test app -- --exact present::blackout_and_whiteout`.

mod common;

mod accessibility;
mod app_shell;
mod cli;
mod cli_assess;
mod command_palette;
mod geography;
mod kill_during_save;
mod layering;
mod limits;
mod map_editing;
mod map_view;
mod markdown_blocks;
mod model_examples;
mod model_properties;
mod present;
mod print;
mod quiet_panels;
mod recovery;
mod roundtrip_prop;
mod scenario_files;
mod sensitivity_ui;
mod settlement_over_time;
mod symbols;
mod timeline_ui;
