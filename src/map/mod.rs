//! The map of NATO's eastern flank: geodata baked at build time, the projection,
//! places, settlement-line presets, each country's status in a scenario, and the
//! map widget with its cached meshes.

pub mod geodata;
pub mod lines;
pub mod places;
pub mod projection;
pub mod status;
pub mod tiles;
pub mod widget;

pub use status::Status;
pub use widget::{MapOutput, MapState};
