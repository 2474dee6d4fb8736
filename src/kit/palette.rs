//! The colours the map and the panels share: the role colours from the
//! Okabe–Ito palette, which stays distinct for the common forms of colour
//! blindness and on a projector, and the map's palette. (`crate::kit::theme`
//! re-exports them with the rest of the app's look.)

use egui::Color32;

/// Okabe–Ito orange: the adversary.
pub const ADVERSARY: Color32 = Color32::from_rgb(0xD5, 0x5E, 0x00);
/// Okabe–Ito blue: NATO members.
pub const NATO: Color32 = Color32::from_rgb(0x00, 0x72, 0xB2);
/// Okabe–Ito yellow: the protected state(s).
pub const PROTECTED: Color32 = Color32::from_rgb(0xF0, 0xE4, 0x42);
/// Okabe–Ito bluish green: guarantors.
pub const GUARANTOR: Color32 = Color32::from_rgb(0x00, 0x9E, 0x73);
/// Okabe–Ito sky blue: neutral states.
pub const NEUTRAL: Color32 = Color32::from_rgb(0x56, 0xB4, 0xE9);
/// Okabe–Ito vermillion: warnings and errors.
pub const WARNING: Color32 = Color32::from_rgb(0xCC, 0x33, 0x11);

// ---- Map palette (issue 3). Land tints are the Okabe–Ito role colours blended
// into a warm light grey, so a map full of states stays calm and the text on it
// readable; the hues stay distinguishable for colour-blind viewers.

/// Map: the sea and the background: a light blue far enough from the warm
/// grey of other states' land and from the neutral states' tint to tell them
/// apart (tested in `kit::theme`).
pub const MAP_WATER: Color32 = Color32::from_rgb(0xD0, 0xDE, 0xE6);
/// Map: land of states with no role in the scenario.
pub const MAP_LAND: Color32 = Color32::from_rgb(0xEC, 0xE9, 0xE2);
/// Map: coastlines.
pub const MAP_COAST: Color32 = Color32::from_rgb(0x5F, 0x80, 0x96);
/// Names of rivers on the map: the coast's blue, darkened to read on the
/// light fills (over 6:1 on the neutral blue).
pub const MAP_RIVER_TEXT: Color32 = Color32::from_rgb(0x24, 0x40, 0x55);
/// Map: land borders between states.
pub const MAP_BORDER: Color32 = Color32::from_rgb(0x8A, 0x86, 0x80);
/// Map: graticule lines.
pub const MAP_GRATICULE: Color32 = Color32::from_rgba_premultiplied(0x50, 0x6E, 0x82, 0x50);
/// Map: main text (city names, title).
pub const MAP_TEXT: Color32 = Color32::from_rgb(0x22, 0x26, 0x2B);
/// Map: secondary text (country names, notes).
pub const MAP_TEXT_MUTED: Color32 = Color32::from_rgb(0x5A, 0x5F, 0x66);
/// Map: the light halo behind text.
pub const MAP_HALO: Color32 = Color32::from_rgba_premultiplied(0xF4, 0xF3, 0xEF, 0xD0);
/// Map: panels on the map (title block, legend).
pub const MAP_PANEL: Color32 = Color32::from_rgba_premultiplied(0xF7, 0xF6, 0xF2, 0xE8);
/// Map: guarantee ties (a dark shade of the guarantor colour).
pub const MAP_TIE: Color32 = Color32::from_rgb(0x00, 0x5E, 0x45);
/// Map: axes of advance and the line of control (a dark shade of the adversary colour).
pub const MAP_AXIS: Color32 = Color32::from_rgb(0x9E, 0x3A, 0x00);
/// Map: the area the adversary holds, drawn over the country fills.
pub const MAP_HELD: Color32 = Color32::from_rgba_premultiplied(0x8A, 0x3C, 0x0C, 0x90);
/// Map: the selected country's outline.
pub const MAP_SELECTED: Color32 = Color32::from_rgb(0x11, 0x11, 0x11);
/// Map: measuring tools (ruler, range rings).
pub const MAP_TOOL: Color32 = Color32::from_rgb(0xCC, 0x79, 0xA7);

/// Blends `colour` into `base`: `amount` 0 gives `base`, 1 gives `colour`.
pub fn blend(base: Color32, colour: Color32, amount: f32) -> Color32 {
    let mix = |a: u8, b: u8| (f32::from(a) + (f32::from(b) - f32::from(a)) * amount).round() as u8;
    Color32::from_rgb(
        mix(base.r(), colour.r()),
        mix(base.g(), colour.g()),
        mix(base.b(), colour.b()),
    )
}

/// The opaque colour a translucent (premultiplied) `top` makes painted over
/// an opaque `base`, as the GPU composes it: a legend's swatch of an area
/// drawn over a country then matches the map.
pub fn over(top: Color32, base: Color32) -> Color32 {
    let keep = 1.0 - f32::from(top.a()) / 255.0;
    let mix = |t: u8, b: u8| (f32::from(t) + f32::from(b) * keep).round().min(255.0) as u8;
    Color32::from_rgb(
        mix(top.r(), base.r()),
        mix(top.g(), base.g()),
        mix(top.b(), base.b()),
    )
}
