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

/// Puts DejaVu Sans first in every family of `ctx`, for a PDF or SVG export:
/// the reader draws the text in the font it was laid out in, the one the
/// export embeds (or names), so every run keeps its width.
pub fn install_print_fonts(ctx: &egui::Context) {
    let Some(bytes) = crate::assets::asset("fonts/DejaVuSans.ttf") else {
        return;
    };
    ctx.add_font(egui::epaint::text::FontInsert::new(
        "DejaVuSans-print",
        egui::FontData::from_static(bytes),
        [
            slide_family(),
            egui::FontFamily::Proportional,
            egui::FontFamily::Monospace,
        ]
        .into_iter()
        .map(|family| egui::epaint::text::InsertFontFamily {
            family,
            priority: egui::epaint::text::FontPriority::Highest,
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

/// How a figure reads, for the colour of its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reading {
    /// Reassuring (a low chance of attack).
    Good,
    /// A moderate risk.
    Middling,
    /// A high risk, a warning, an error.
    Bad,
}

/// The colour of a figure's text on the panels of the light or the dark
/// theme: the Okabe–Ito hues, darkened for the light theme and lightened for
/// the dark one so that each reaches WCAG AA's 4.5:1 against the panel
/// (tested in this module).
pub fn reading_colour(reading: Reading, dark: bool) -> Color32 {
    match (reading, dark) {
        (Reading::Good, false) => Color32::from_rgb(0x00, 0x6E, 0x50),
        (Reading::Good, true) => Color32::from_rgb(0x2E, 0xC4, 0x93),
        (Reading::Middling, false) => Color32::from_rgb(0x8C, 0x5A, 0x00),
        (Reading::Middling, true) => PROTECTED_TEXT,
        (Reading::Bad, false) => Color32::from_rgb(0xB0, 0x2A, 0x0C),
        (Reading::Bad, true) => Color32::from_rgb(0xFF, 0x7A, 0x5C),
    }
}

/// Warning text (an unsaved change, a stale figure) in the theme of `ui`.
pub fn warning_text(ui: &egui::Ui) -> Color32 {
    reading_colour(Reading::Bad, ui.visuals().dark_mode)
}

/// The grey of explanations ("weak" text) in each theme, at least 4.5:1
/// against its panels (egui's own light grey is about 2.9:1).
const WEAK_LIGHT: Color32 = Color32::from_rgb(0x56, 0x5C, 0x64);
const WEAK_DARK: Color32 = Color32::from_rgb(0x9C, 0xA2, 0xA8);

/// Sets the app's text colours in both themes: explanations dark enough (light
/// theme) or bright enough (dark theme) to read, WCAG AA.
pub fn install_visuals(ctx: &egui::Context) {
    ctx.style_mut_of(egui::Theme::Light, |s| {
        s.visuals.weak_text_color = Some(WEAK_LIGHT)
    });
    ctx.style_mut_of(egui::Theme::Dark, |s| {
        s.visuals.weak_text_color = Some(WEAK_DARK)
    });
}

/// The contrast ratio of two colours (WCAG 2: relative luminances, 1 to 21).
pub fn contrast(a: Color32, b: Color32) -> f32 {
    let luminance = |c: Color32| {
        let channel = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.r()) + 0.7152 * channel(c.g()) + 0.0722 * channel(c.b())
    };
    let (x, y) = (luminance(a), luminance(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

/// Okabe–Ito orange: a moderate risk, readable as text on light and dark.
pub const PROTECTED_TEXT: Color32 = Color32::from_rgb(0xE6, 0x9F, 0x00);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_and_explanations_reach_wcag_aa_on_the_panels_of_both_themes() {
        for (dark, visuals, weak) in [
            (false, egui::Visuals::light(), WEAK_LIGHT),
            (true, egui::Visuals::dark(), WEAK_DARK),
        ] {
            for background in [visuals.panel_fill, visuals.window_fill] {
                for reading in [Reading::Good, Reading::Middling, Reading::Bad] {
                    let c = contrast(reading_colour(reading, dark), background);
                    assert!(c >= 4.5, "{reading:?} dark={dark}: {c:.2}");
                }
                let c = contrast(weak, background);
                assert!(c >= 4.5, "explanations dark={dark}: {c:.2}");
            }
        }
        // What was there before: egui's light grey and the plain hues.
        let light = egui::Visuals::light().panel_fill;
        assert!(contrast(GUARANTOR, light) < 4.5);
    }
}
