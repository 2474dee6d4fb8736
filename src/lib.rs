//! Bulwark: weigh security guarantees — armed neutrality versus formal guarantees
//! for post-war Ukraine, set against NATO's eastern flank.
//!
//! Data flows one way: [`scenario`] (the document) → [`model`] (the assessment
//! engine) → views ([`map`], [`ui`], [`present`]). Lower layers never import
//! higher ones; [`paint`] holds egui painting helpers the views share.

pub mod assets;
pub mod backtest;
pub mod cli;
pub mod map;
pub mod model;
pub mod paint;
pub mod present;
pub mod scenario;
pub mod ui;
