//! Notes drawn block by block (so that only the blocks on screen are laid out)
//! look the same as the notes drawn whole by egui_commonmark.

use egui_commonmark::{CommonMarkCache, CommonMarkViewer};
use egui_kittest::Harness;

use crate::common::{self, AppFonts};

/// Renders `text` in a tall 330-point-wide column, whole or in blocks.
fn render(text: &str, in_blocks: bool) -> image::RgbaImage {
    let text = text.to_owned();
    let mut cache = CommonMarkCache::default();
    let mut fonts = AppFonts::default();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(330.0, 2400.0))
        .build_ui(move |ui| {
            // The app's fonts (arrows, symbols) take effect from the next frame.
            if !fonts.ready(ui.ctx()) {
                // The code block's copy button (U+1F5D0) is in none of the
                // app's fonts; it draws as a box in both renderings.
                ui.ctx()
                    .set_missing_glyph_policy(egui::MissingGlyphPolicy::Tofu);
            } else if in_blocks {
                bulwark::kit::markdown::show(ui, "notes", &mut cache, &text);
            } else {
                CommonMarkViewer::new().show(ui, &mut cache, &text);
            }
        });
    harness.run();
    harness.render().expect("rendered")
}

/// How many pixels of `a` differ noticeably from `b` at the same place and at
/// the places a row above and below (a block may sit a pixel lower or higher).
fn differing_pixels(a: &image::RgbaImage, b: &image::RgbaImage) -> usize {
    assert_eq!(a.dimensions(), b.dimensions());
    let close = |p: &image::Rgba<u8>, q: &image::Rgba<u8>| {
        p.0.iter().zip(q.0).all(|(x, y)| x.abs_diff(y) <= 24)
    };
    a.enumerate_pixels()
        .filter(|&(x, y, p)| {
            let rows = y.saturating_sub(1)..=(y + 1).min(b.height() - 1);
            !rows.into_iter().any(|row| close(p, b.get_pixel(x, row)))
        })
        .count()
}

fn assert_same_in_blocks(name: &str, text: &str) {
    let whole = render(text, false);
    let blocks = render(text, true);
    let differ = differing_pixels(&whole, &blocks);
    // A few stray antialiased pixels, not a line out of place (one misplaced
    // line of text alone is thousands of pixels).
    let allowed = (whole.width() * whole.height()) as usize / 2000;
    if differ > allowed {
        let dir = std::env::temp_dir();
        whole.save(dir.join(format!("{name}-whole.png"))).ok();
        blocks.save(dir.join(format!("{name}-blocks.png"))).ok();
        panic!(
            "{name}: {differ} pixels differ (images in {})",
            dir.display()
        );
    }
}

#[test]
fn the_largest_examples_notes_look_the_same_in_blocks() {
    let path = common::saved("eastern-flank-today.bulwark.json");
    let scenario = bulwark::scenario::load_file(&path).expect("example loads");
    assert!(scenario.meta.notes.len() > 2000, "a long text");
    assert_same_in_blocks("eastern-flank-notes", &scenario.meta.notes);
}

#[test]
fn lists_quotes_and_code_look_the_same_in_blocks() {
    let text = "# Heading\n\nA paragraph with **bold**, `code` and a [link](https://nato.int).\n\n\
        1. First\n2. Second, which is long enough to wrap onto a second line in the column\n3. Third\n\n\
        - Outer\n  - Inner one\n  - Inner two\n- Outer again\n\n> A quotation\n> over two lines.\n\n\
        ```\nfn code() {}\n```\n\n## Second heading\nText right under it.\n\n---\n\nLast paragraph.\n";
    assert_same_in_blocks("mixed-markdown", text);
}
