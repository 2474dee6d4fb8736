//! Bulwark: weigh security guarantees — armed neutrality versus formal guarantees
//! for post-war Ukraine, set against NATO's eastern flank.
//!
//! Data flows one way: [`scenario`] (the document) → [`model`] (the assessment
//! engine) → views. Below every view sit [`kit`] (theme, widgets, formatting,
//! painting) and [`plots`] (the assessment's plots and readings); the views
//! are [`map`] (a leaf), [`present`] (slides; never imports `ui`) and [`ui`]
//! (the app shell, on top). [`cli`] runs the same engine and exports without a
//! window. Lower layers never import higher ones (`tests/app/layering.rs`).

pub mod assets;
pub mod backtest;
pub mod cli;
pub mod kit;
pub mod map;
pub mod model;
pub mod plots;
pub mod present;
pub mod scenario;
pub mod ui;
