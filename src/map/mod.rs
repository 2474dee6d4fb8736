//! The map of NATO's eastern flank: geodata baked at build time, the projection,
//! places, settlement-line presets, each country's role in a scenario, and the
//! map widget: its view and frame, the cached base mesh, labels, overlays, the
//! guarantors' ties and forces, and the legend.
//!
//! A leaf view: may import `crate::kit`, `crate::model` and `crate::scenario`;
//! never `plots`, `present` or `ui` (which draw it).

mod area_drawing;
mod axis_editing;
mod base_mesh;
mod editing;
mod force_moving;
mod frame;
pub mod geodata;
mod guarantors;
mod held_area;
mod hover;
mod labels;
mod legend;
mod line_editing;
mod overlay_pass;
mod overlays;
pub mod places;
pub mod projection;
pub mod role;
mod route_marks;
pub mod symbols;
pub mod tiles;
pub mod widget;

pub use role::Role;
pub use widget::{MapOutput, MapState};

/// Where a context's switch for vector output is kept.
fn vector_output_id() -> egui::Id {
    egui::Id::unique("bulwark.map.vector_output")
}

/// Turns vector output on or off for `ctx` (off unless turned on). On, the
/// map paints its base as a fill mesh and one path per border, coastline
/// and graticule line, instead of the cached anti-aliased tiles, for a PDF or
/// SVG export to draw as lines.
pub fn set_vector_output(ctx: &egui::Context, on: bool) {
    ctx.data_mut(|d| d.insert_temp(vector_output_id(), on));
}

/// Whether vector output is on for `ctx`.
fn vector_output(ctx: &egui::Context) -> bool {
    ctx.data(|d| d.get_temp::<bool>(vector_output_id()).unwrap_or(false))
}

/// A colour as the monochrome print style draws it: each fill of a role, the
/// water and the held area a grey of its own (from white water and the
/// protected state to the darkest held area, so that they stay apart on a
/// black-and-white printer and the legend still keys them); any other colour
/// its luminance (Rec. 709), at the same opacity.
pub fn print_grey(colour: egui::Color32) -> egui::Color32 {
    use egui::Color32;
    let [r, g, b, a] = colour.to_srgba_unmultiplied();
    let opaque = Color32::from_rgb(r, g, b);
    let assigned = [
        (crate::kit::palette::MAP_WATER, 255),
        (Role::Protected.fill(), 246),
        (Role::Other.fill(), 232),
        (Role::Neutral.fill(), 218),
        (Role::Nato.fill(), 202),
        (Role::Guarantor.fill(), 182),
        (Role::Adversary.fill(), 160),
    ];
    let held = crate::kit::palette::MAP_HELD.to_srgba_unmultiplied();
    let grey = if [r, g, b, a] == held {
        40
    } else if let Some((_, grey)) = assigned.iter().find(|(c, _)| *c == opaque) {
        *grey
    } else {
        let luma = 0.2126 * f32::from(r) + 0.7152 * f32::from(g) + 0.0722 * f32::from(b);
        luma.round().clamp(0.0, 255.0) as u8
    };
    Color32::from_rgba_unmultiplied(grey, grey, grey, a)
}
