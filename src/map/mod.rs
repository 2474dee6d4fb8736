//! The map of NATO's eastern flank: geodata baked at build time, the projection,
//! places, settlement-line presets, each country's status in a scenario, and the
//! map widget: its view and frame, the cached base mesh, labels, overlays, the
//! guarantors' ties and forces, and the legend.

mod base_mesh;
mod frame;
pub mod geodata;
mod guarantors;
mod labels;
mod legend;
pub mod lines;
mod overlay_pass;
mod overlays;
pub mod places;
pub mod projection;
pub mod status;
pub mod tiles;
pub mod widget;

pub use status::Status;
pub use widget::{MapOutput, MapState};
