//! Long Markdown (a scenario's notes) drawn block by block, each top-level block
//! a [`lazy`] section, so only the blocks on screen are laid out each frame.
//! Rendering is egui_commonmark's; this only splits the text where a block ends
//! (found by pulldown-cmark, the parser egui_commonmark uses).

use std::ops::Range;
use std::sync::Arc;

use egui::{AsIdSalt, Id, Ui};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};
use pulldown_cmark::{Event, Parser, Tag};

use super::lazy;
use super::note_images::{self, NoteImages};

/// `text` with every image replaced by a placeholder naming its address,
/// unless `loaded` holds it: a note never loads a file or a web address by
/// itself (egui_commonmark would read `file:///dev/zero`, or a huge image, as
/// soon as the note is shown). A placeholder is a link: for a web address it
/// opens the browser, for a file it asks to load the image (see
/// [`note_images`]); like every link in a note, only on a click after a question
/// that shows the address. A loaded image is drawn from `loaded`. Text without
/// images is returned as it is.
pub fn prepare<'a>(text: &'a str, loaded: Option<&NoteImages>) -> std::borrow::Cow<'a, str> {
    replace_images(text, |url| placeholder(url, loaded))
}

/// The addresses of the images in `text`, in order.
pub fn image_addresses(text: &str) -> Vec<String> {
    images(text).into_iter().map(|(_, url)| url).collect()
}

/// `text` with every image as plain text naming its address: for a handout,
/// whose reader's viewer would otherwise load it.
pub fn images_as_text(text: &str) -> std::borrow::Cow<'_, str> {
    replace_images(text, |url| format!("*(Image: {})*", escaped(url)))
}

/// Where each (outermost) image of `text` lies, and its address.
fn images(text: &str) -> Vec<(Range<usize>, String)> {
    let parser = Parser::new_ext(text, pulldown_cmark::Options::all()).into_offset_iter();
    let mut images: Vec<(Range<usize>, String)> = Vec::new();
    let mut depth = 0;
    for (event, range) in parser {
        match event {
            Event::Start(Tag::Image { dest_url, .. }) => {
                if depth == 0 {
                    images.push((range, dest_url.to_string()));
                }
                depth += 1;
            }
            Event::End(pulldown_cmark::TagEnd::Image) => depth -= 1,
            _ => {}
        }
    }
    images
}

/// `text` with each image replaced by `with` of its address.
fn replace_images(text: &str, with: impl Fn(&str) -> String) -> std::borrow::Cow<'_, str> {
    let images = images(text);
    if images.is_empty() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (range, url) in images {
        out.push_str(&text[at..range.start]);
        out.push_str(&with(&url));
        at = range.end;
    }
    out.push_str(&text[at..]);
    std::borrow::Cow::Owned(out)
}

/// What stands in the Markdown for the image at `url`.
fn placeholder(url: &str, loaded: Option<&NoteImages>) -> String {
    if let Some(served) = loaded.and_then(|l| l.served_as(url)) {
        return format!("![]({served})");
    }
    let shown = escaped(url);
    match note_images::source(url, None) {
        note_images::Source::Web(_) => {
            let target = url.replace(['<', '>', '\n'], "");
            format!("[Image not loaded: {shown}](<{target}>)")
        }
        note_images::Source::Embedded => "*(An image written into the notes, not shown.)*".into(),
        _ => format!(
            "[Image not loaded: {shown}](<{}>)",
            note_images::load_link(url)
        ),
    }
}

/// `text` with Markdown's punctuation escaped, to show as it is in a link.
fn escaped(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        if c != '\n' {
            out.push(c);
        }
    }
    out
}

/// Shows `text` as Markdown, identified by `salt` (unique within `ui`). Images
/// are placeholders until the user loads them (see [`prepare`]).
pub fn show(ui: &mut Ui, salt: impl AsIdSalt, cache: &mut CommonMarkCache, text: &str) {
    let loaded = NoteImages::existing(ui.ctx());
    ui.push_id(salt, |ui| {
        // Loading an image changes what the blocks show.
        let content = lazy::key(&(text, loaded.as_ref().map_or(0, |l| l.len())));
        let id = ui.make_persistent_id("blocks");
        for (i, block) in blocks(ui, id, content, text).iter().enumerate() {
            let Some(part) = text.get(block.range.clone()) else {
                continue;
            };
            lazy::section(ui, i, content, |ui| {
                if i > 0 {
                    // The blank line egui_commonmark puts between blocks of one
                    // text (a heading brings its own), less the spacing egui
                    // adds between these sections.
                    let line = ui.text_style_height(&egui::TextStyle::Body);
                    let gap = if block.heading || block.item {
                        0.0
                    } else {
                        line
                    };
                    ui.add_space(gap - ui.spacing().item_spacing.y);
                }
                CommonMarkViewer::new().show(ui, cache, &prepare(part, loaded.as_deref()));
            });
        }
    });
}

/// A run of whole top-level blocks of a Markdown text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    /// Where it lies in the text (bytes).
    pub range: Range<usize>,
    /// Whether it starts with a heading.
    pub heading: bool,
    /// Whether it continues the list of the block before (one of its items).
    pub item: bool,
}

/// `text`'s blocks, remembered per text.
fn blocks(ui: &Ui, id: Id, content: u64, text: &str) -> Arc<Vec<Block>> {
    if let Some((key, blocks)) = ui.data(|d| d.get_temp::<(u64, Arc<Vec<Block>>)>(id))
        && key == content
    {
        return blocks;
    }
    let blocks = Arc::new(split(text));
    ui.data_mut(|d| d.insert_temp(id, (content, blocks.clone())));
    blocks
}

/// Cuts `text` into its top-level blocks (a heading, a paragraph, a list…),
/// which together cover it. Text whose parts refer to each other (link
/// reference definitions, footnotes) stays in one piece.
pub fn split(text: &str) -> Vec<Block> {
    let whole = || {
        vec![Block {
            range: 0..text.len(),
            heading: text.trim_start().starts_with('#'),
            item: false,
        }]
    };
    let parser = Parser::new_ext(text, pulldown_cmark::Options::all());
    // Where each block starts, whether it is a heading, whether a list item.
    let mut starts: Vec<(usize, bool, bool)> = Vec::new();
    let mut depth = 0usize;
    let mut offsets = parser.into_offset_iter();
    for (event, range) in offsets.by_ref() {
        match event {
            Event::Start(tag) => {
                let first_in_list = starts.last().is_some_and(|s| s.0 == range.start);
                if depth == 0 {
                    let heading = matches!(tag, Tag::Heading { .. });
                    starts.push((
                        if starts.is_empty() { 0 } else { range.start },
                        heading,
                        false,
                    ));
                } else if depth == 1 && matches!(tag, Tag::Item) && !first_in_list {
                    // Long lists are cut between items, each drawn as a list
                    // of its own (an ordered item keeps its number).
                    starts.push((range.start, false, true));
                }
                depth += 1;
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::FootnoteReference(_) => return whole(),
            _ => {}
        }
    }
    if starts.is_empty() || offsets.reference_definitions().iter().next().is_some() {
        return whole();
    }
    let ends = starts.iter().skip(1).map(|s| s.0).chain([text.len()]);
    starts
        .iter()
        .zip(ends)
        .map(|(&(start, heading, item), end)| Block {
            range: start..end,
            heading,
            item,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn images_become_placeholders_that_name_their_address() {
        let text =
            "See ![a map](file:///dev/zero) and ![x][r].\n\n[r]: https://example.org/big.png\n";
        let shown = prepare(text, None);
        assert!(!shown.contains("!["), "{shown}");
        let link = note_images::load_link("file:///dev/zero");
        assert!(
            shown.contains(&format!(
                "[Image not loaded: file\\:\\/\\/\\/dev\\/zero](<{link}>)"
            )),
            "{shown}"
        );
        assert!(
            shown.contains("(<https://example.org/big.png>)"),
            "a web image opens in the browser: {shown}"
        );
        let plain = "No images, [a link](https://example.org).";
        assert!(matches!(
            prepare(plain, None),
            std::borrow::Cow::Borrowed(_)
        ));
    }

    #[test]
    fn a_loaded_image_is_drawn_from_the_store() {
        let store = NoteImages::default();
        store.insert(
            "maps/flank.png",
            egui::ColorImage::filled([2, 2], egui::Color32::RED),
        );
        let shown = prepare("![](maps/flank.png) ![](other.png)", Some(&store));
        let served = store.served_as("maps/flank.png").expect("test set-up");
        assert!(shown.contains(&format!("![]({served})")), "{shown}");
        assert!(shown.contains("Image not loaded: other\\.png"), "{shown}");
    }

    #[test]
    fn blocks_cover_the_text_and_start_at_headings_paragraphs_and_lists() {
        let text = "# Title\n\nFirst paragraph\nstill first.\n\n## Sources\n- one\n- two\n\n  more of two\n\nLast.\n";
        let blocks = split(text);
        let parts: Vec<&str> = blocks.iter().map(|b| &text[b.range.clone()]).collect();
        let headings: Vec<bool> = blocks.iter().map(|b| b.heading).collect();
        assert_eq!(headings, [true, false, true, false, false, false]);
        assert_eq!(parts.concat(), text, "nothing lost or repeated");
        assert_eq!(parts.len(), 6, "{parts:?}");
        assert!(parts[1].starts_with("First paragraph"));
        assert_eq!(parts[3], "- one\n");
        assert!(parts[4].starts_with("- two") && parts[4].contains("more of two"));
        assert!(parts[5].starts_with("Last."));
        let items: Vec<bool> = blocks.iter().map(|b| b.item).collect();
        assert_eq!(items, [false, false, false, false, true, false]);
    }

    #[test]
    fn text_with_reference_links_or_footnotes_stays_whole() {
        for text in [
            "See [the treaty][t].\n\nMore.\n\n[t]: https://www.nato.int/\n",
            "A claim[^1].\n\nMore.\n\n[^1]: Its source.\n",
        ] {
            let blocks = split(text);
            assert_eq!(blocks.len(), 1, "{text}");
            assert_eq!(blocks[0].range, 0..text.len());
        }
    }
}
