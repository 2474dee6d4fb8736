//! Sections of a scrolling panel that are drawn only when they can be seen.
//!
//! egui lays out everything inside a scroll area every frame, visible or not,
//! and the assessment panel and the scenario notes are mostly below the fold.
//! A lazy section remembers how tall it was when last drawn; while that space
//! lies outside the clip rectangle, and nothing it shows has changed, it only
//! reserves the space. egui's own `ScrollArea::show_rows` does this for rows
//! of one known height; these sections have different heights, learnt by
//! drawing them once.
//!
//! Every section is drawn in full when accessibility is on (a screen reader
//! must find the text and controls below the fold) and on a frame in which Tab
//! is pressed (so keyboard focus can move into a section that was off-screen).

use egui::{AsIdSalt, Id, Key, Rect, Ui, vec2};

/// What a section looked like when it was last drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drawn {
    /// Caller's key for the content (e.g. a hash of the text shown).
    content: u64,
    /// Width it was laid out in.
    width: f32,
    /// Height it took.
    height: f32,
}

/// Draws `add` in a section identified by `salt` (unique within `ui`) whose content is summed up by
/// `content` (any value that changes when what the section shows changes), or,
/// when the section was drawn before at this width with this content and
/// cannot be seen now, reserves its height instead.
pub fn section(ui: &mut Ui, salt: impl AsIdSalt, content: u64, add: impl FnOnce(&mut Ui)) {
    let id = ui.make_persistent_id(&salt);
    let width = ui.available_width();
    let remembered = ui.data(|d| d.get_temp::<Drawn>(id));
    if let Some(drawn) = remembered
        && drawn.content == content
        && (drawn.width - width).abs() < 0.5
        && !must_draw(ui, id)
    {
        let rect = Rect::from_min_size(ui.next_widget_position(), vec2(width, drawn.height));
        if !ui.is_rect_visible(rect) {
            // Through `push_id` like the drawn section, so the widgets after it
            // keep their ids whether it was drawn or not.
            ui.push_id(&salt, |ui| ui.allocate_space(rect.size()));
            return;
        }
    }
    let response = ui.push_id(&salt, add).response;
    let drawn = Drawn {
        content,
        width,
        height: response.rect.height(),
    };
    ui.data_mut(|d| d.insert_temp(id, drawn));
}

/// Whether every section must be drawn this frame: accessibility is on, or
/// keyboard focus may be moving.
fn must_draw(ui: &Ui, id: Id) -> bool {
    ui.input(|i| i.key_pressed(Key::Tab)) || accessibility_on(ui, id)
}

/// Whether egui builds an accessibility tree this frame. egui answers this only
/// by handing out a node, so the section's own (empty) node is asked for.
fn accessibility_on(ui: &Ui, id: Id) -> bool {
    ui.ctx().accesskit_node_builder(id, |_| ()).is_some()
}

/// A content key for [`section`] from anything hashable.
pub fn key(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher as _, BuildHasherDefault};
    BuildHasherDefault::<std::collections::hash_map::DefaultHasher>::default().hash_one(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs one frame of a 200-point-high scroll area holding 50 sections of
    /// 40 points; returns which sections were drawn.
    fn frame(ctx: &egui::Context, input: egui::RawInput) -> Vec<usize> {
        let mut drawn = Vec::new();
        let mut out = ctx.run_ui(input, |ui| {
            egui::ScrollArea::vertical()
                .max_height(200.0)
                .show(ui, |ui| {
                    for i in 0..50 {
                        section(ui, i, 7, |ui| {
                            drawn.push(i);
                            ui.allocate_space(vec2(100.0, 40.0));
                        });
                    }
                });
        });
        out.textures_delta.clear();
        drawn
    }

    fn screen() -> egui::RawInput {
        egui::RawInput {
            screen_rect: Some(Rect::from_min_size(egui::Pos2::ZERO, vec2(400.0, 400.0))),
            ..Default::default()
        }
    }

    #[test]
    fn only_sections_on_screen_are_drawn_once_their_height_is_known() {
        let ctx = egui::Context::default();
        assert_eq!(
            frame(&ctx, screen()).len(),
            50,
            "the first frame learns every height"
        );
        let drawn = frame(&ctx, screen());
        assert!(drawn.len() <= 7 && drawn.contains(&0), "{drawn:?}");
        assert!(!drawn.contains(&49));
    }

    #[test]
    fn tab_or_accessibility_draws_every_section() {
        let ctx = egui::Context::default();
        frame(&ctx, screen());
        let mut tab = screen();
        tab.events.push(egui::Event::Key {
            key: Key::Tab,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Default::default(),
        });
        assert_eq!(frame(&ctx, tab).len(), 50, "focus may move below the fold");
        ctx.enable_accesskit();
        assert_eq!(
            frame(&ctx, screen()).len(),
            50,
            "a screen reader reads it all"
        );
    }
}
