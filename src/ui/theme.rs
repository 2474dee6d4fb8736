//! Colours, spacing and text styles of Bulwark, in one place. The status colours
//! come from the Okabe–Ito palette, which stays distinct for the common forms of
//! colour blindness and on a projector.

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

/// Width of the left (editing) panel at first start, points.
pub const LEFT_PANEL_WIDTH: f32 = 340.0;
/// Width of the right (assessment) panel at first start, points.
pub const RIGHT_PANEL_WIDTH: f32 = 380.0;

/// Adds DejaVu Sans (baked from `assets/fonts/`) as a fallback after egui's own
/// font, so that arrows, maths signs, Cyrillic and other characters in scenario
/// texts always have a glyph.
pub fn install_fonts(ctx: &egui::Context) {
    let Some(bytes) = crate::assets::asset("fonts/DejaVuSans.ttf") else {
        return;
    };
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "DejaVuSans",
        egui::FontData::from_static(bytes),
        [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
            .into_iter()
            .map(|family| egui::epaint::text::InsertFontFamily {
                family,
                priority: egui::epaint::text::FontPriority::Lowest,
            })
            .collect(),
    ));
}

/// Okabe–Ito orange: a moderate risk, readable as text on light and dark.
pub const PROTECTED_TEXT: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
