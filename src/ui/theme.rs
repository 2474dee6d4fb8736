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

// ---- Map palette (issue 3). Land tints are the Okabe–Ito status colours blended
// into a warm light grey, so a map full of states stays calm and the text on it
// readable; the hues stay distinguishable for colour-blind viewers.

/// Map: the sea and the background.
pub const MAP_WATER: Color32 = Color32::from_rgb(0xE6, 0xEE, 0xF2);
/// Map: land of states with no role in the scenario.
pub const MAP_LAND: Color32 = Color32::from_rgb(0xEC, 0xE9, 0xE2);
/// Map: coastlines.
pub const MAP_COAST: Color32 = Color32::from_rgb(0x5F, 0x80, 0x96);
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

/// The land fill of a country by its status in the scenario (muted tints of the
/// status colours).
pub fn map_fill(status: crate::map::Status) -> Color32 {
    use crate::map::Status;
    match status {
        Status::Nato => blend(MAP_LAND, NATO, 0.52),
        Status::Protected => blend(MAP_LAND, PROTECTED, 0.62),
        Status::Guarantor => blend(MAP_LAND, GUARANTOR, 0.55),
        Status::Neutral => blend(MAP_LAND, NEUTRAL, 0.45),
        Status::Adversary => blend(MAP_LAND, ADVERSARY, 0.45),
        Status::Other => MAP_LAND,
    }
}

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
