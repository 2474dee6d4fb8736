//! Colours, spacing and text styles of Bulwark, in one place. The colours the
//! map shares with the panels live in `crate::kit::palette` and are
//! re-exported here.

use egui::Color32;

pub use crate::kit::palette::*;

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
    // Slides use DejaVu Sans (regular weight) first: egui's default is a light
    // face, too thin for a projector across a room.
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "DejaVuSans-slides",
        egui::FontData::from_static(bytes),
        vec![egui::epaint::text::InsertFontFamily {
            family: slide_family(),
            priority: egui::epaint::text::FontPriority::Highest,
        }],
    ));
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

/// Projector theme: slide background (white stays bright in a lit room).
pub const PROJECTOR_BG: Color32 = Color32::from_rgb(0xFF, 0xFF, 0xFF);
/// Projector theme: text, near-black for the highest contrast.
pub const PROJECTOR_TEXT: Color32 = Color32::from_rgb(0x10, 0x14, 0x1A);
/// Projector theme: strong (bold) text, a deep blue that stands out from the body.
pub const PROJECTOR_STRONG: Color32 = Color32::from_rgb(0x00, 0x4C, 0x7A);
/// Projector theme: secondary text (counters, captions).
pub const PROJECTOR_MUTED: Color32 = Color32::from_rgb(0x4A, 0x52, 0x5C);
/// Projector theme: accent for titles and rules (Okabe–Ito blue).
pub const PROJECTOR_ACCENT: Color32 = NATO;
/// Projector theme: background of map and plot panels on a slide.
pub const PROJECTOR_PANEL: Color32 = Color32::from_rgb(0xE8, 0xEE, 0xF3);
/// Colour of the laser pointer (Okabe–Ito vermillion).
pub const LASER: Color32 = WARNING;

/// The font family of slide text (DejaVu Sans; see [`install_fonts`]).
pub fn slide_family() -> egui::FontFamily {
    egui::FontFamily::Name("bulwark-slides".into())
}

/// A font for slide text at `size` points.
pub fn slide_font(size: f32) -> egui::FontId {
    egui::FontId::new(size, slide_family())
}

/// Size slides are designed at, points; they scale to whatever rect they get.
pub const SLIDE_DESIGN_SIZE: egui::Vec2 = egui::vec2(1280.0, 720.0);
/// How much larger text is on a slide (at design size) than in the editor.
pub const SLIDE_TEXT_SCALE: f32 = 2.2;
/// How much larger the map's own ink (labels, lines, symbols, legend, title
/// box) is on a slide at design size than on the workspace map: 0.6 of the
/// slide's text scale, so 2× at 1920×1080. The map is the slide's content and
/// its legend and title box sit inside it: at the full text scale the legend
/// alone is taller than the map; at 0.6 the labels read across a room and the
/// boxes leave most of the map clear.
pub const SLIDE_MAP_INK: f32 = 0.6 * SLIDE_TEXT_SCALE;
/// Size of slide PNGs written by the export, pixels.
pub const EXPORT_SIZE: [u32; 2] = [1920, 1080];

/// The high-contrast projector style for drawing a slide at `scale` (1 at
/// [`SLIDE_DESIGN_SIZE`]): light visuals, near-black text, text and spacing
/// scaled up for a room. Used only inside slides, so presenting never changes
/// the app's own theme or zoom, and leaving restores them exactly.
pub fn projector_style(scale: f32) -> egui::Style {
    let mut style = egui::Style {
        visuals: egui::Visuals::light(),
        ..egui::Style::default()
    };
    let text = SLIDE_TEXT_SCALE * scale;
    for (name, font) in &mut style.text_styles {
        font.size *= text;
        if *name != egui::TextStyle::Monospace {
            font.family = slide_family();
        }
    }
    let v = &mut style.visuals;
    // Plain text near-black; strong (Markdown **bold**) in a deep blue, since
    // egui's default font has no bold face.
    v.widgets.noninteractive.fg_stroke = egui::Stroke::new(1.5 * scale, PROJECTOR_TEXT);
    v.widgets.inactive.fg_stroke.color = PROJECTOR_TEXT;
    v.widgets.active.fg_stroke.color = PROJECTOR_STRONG;
    v.panel_fill = PROJECTOR_BG;
    v.window_fill = PROJECTOR_BG;
    v.extreme_bg_color = PROJECTOR_PANEL;
    v.hyperlink_color = PROJECTOR_ACCENT;
    let s = &mut style.spacing;
    s.item_spacing *= 1.6 * scale;
    s.indent *= 1.6 * scale;
    s.interact_size *= 1.6 * scale;
    style.interaction.selectable_labels = false;
    style
}

/// Okabe–Ito orange: a moderate risk, readable as text on light and dark.
pub const PROTECTED_TEXT: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);
