//! Sections of a scrolling panel that are drawn only when they can be seen,
//! and laid out only when something near them moves.
//!
//! egui lays out everything inside a scroll area every frame, visible or not,
//! and the assessment panel and the scenario notes are mostly below the fold.
//! A lazy section remembers how tall it was when last drawn; while that space
//! lies outside the clip rectangle, and nothing it shows has changed, it only
//! reserves the space. egui's own `ScrollArea::show_rows` does this for rows
//! of one known height; these sections have different heights, learnt by
//! drawing them once.
//!
//! A section on screen that is *quiet* (no pointer near it, nothing dragged or
//! focused, no text selected, the same place, style and content as last frame,
//! and drawn alike twice in a row, so not animating)
//! is painted from its kept tessellation (see `crate::kit::retained`)
//! instead of being laid out again: its widgets are not run, and a pointer
//! coming near draws it live again on that frame.
//!
//! Every section is drawn in full when accessibility is on (a screen reader
//! must find the text and controls below the fold) and on a frame in which Tab
//! is pressed (so keyboard focus can move into a section that was off-screen);
//! a section holding the keyboard focus is drawn even when scrolled off (egui
//! drops the focus of a widget it does not see).

use std::sync::Arc;

use egui::text_selection::LabelSelectionState;
use egui::{AsIdSalt, Id, Key, Pos2, Rect, Style, Ui, vec2};

use crate::kit::retained::{Circles, Retained};

/// What a section looked like when it was last drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drawn {
    /// Caller's key for the content (e.g. a hash of the text shown).
    content: u64,
    /// Width it was laid out in.
    width: f32,
    /// Height it took.
    height: f32,
    /// How far down it moved the cursor, which can differ from its height
    /// plus the item spacing (a section whose content ends by taking back
    /// some spacing): the space reserved for it must move the cursor as far.
    advance: f32,
    /// The widget inside it that had keyboard focus, if one did.
    focus: Option<Id>,
}

/// A section's kept tessellation and what it was painted with.
#[derive(Clone, Default)]
struct Kept {
    retained: Retained,
    /// Where the section started.
    min: Pos2,
    style: Option<Arc<Style>>,
    enabled: bool,
    /// Since when (egui's input time) the section has been quiet, if it is.
    quiet_since: Option<f64>,
}

/// Draws `add` in a section identified by `salt` (unique within `ui`) whose content is summed up by
/// `content` (any value that changes when what the section shows changes), or,
/// when the section was drawn before at this width with this content and
/// cannot be seen now, reserves its height instead; or, when it is on screen
/// but quiet (see the module docs), paints what it painted last time.
pub fn section(ui: &mut Ui, salt: impl AsIdSalt, content: u64, add: impl FnOnce(&mut Ui)) {
    let id = ui.make_persistent_id(&salt);
    let width = ui.available_width();
    let min = ui.next_widget_position();
    let known = ui.data(|d| d.get_temp::<Drawn>(id)).filter(|drawn| {
        drawn.content == content
            && (drawn.width - width).abs() < 0.5
            && !must_draw(ui, id)
            && !holds_focus(ui, drawn)
    });
    let rect = known.map(|drawn| Rect::from_min_size(min, vec2(width, drawn.height)));
    if let (Some(rect), Some(drawn)) = (rect, known)
        && !ui.is_rect_visible(rect)
    {
        // Through `push_id` like the drawn section, so the widgets after it
        // keep their ids whether it was drawn or not.
        reserve(ui, &salt, drawn);
        return;
    }
    let mut kept = ui
        .data_mut(|d| d.remove_temp::<Kept>(id))
        .unwrap_or_else(|| Kept {
            retained: Retained::new(Circles::ToEgui),
            ..Kept::default()
        });
    let unchanged = rect.is_some_and(|rect| settled(ui, &mut kept, rect));
    kept.min = min;
    kept.style = Some(ui.style().clone());
    kept.enabled = ui.is_enabled();
    let mut drawn_rect = None;
    let painter = ui.painter().clone();
    kept.retained.paint(&painter, unchanged, |_| {
        drawn_rect = Some(ui.push_id(&salt, add).response.rect);
    });
    let (height, focus, advance) = match (drawn_rect, known) {
        (Some(drawn), _) => (
            drawn.height(),
            focus_within(ui, drawn),
            ui.next_widget_position().y - min.y,
        ),
        (None, Some(known)) => {
            reserve(ui, &salt, known);
            (known.height, None, known.advance) // kept only while nothing is focused
        }
        (None, None) => unreachable!("a section is kept only once its height is known"),
    };
    let drawn = Drawn {
        content,
        width,
        height,
        advance,
        focus,
    };
    ui.data_mut(|d| {
        d.insert_temp(id, drawn);
        d.insert_temp(id, kept);
    });
}

/// Reserves the space a section took when it was last drawn, moving the
/// cursor as far as drawing it did.
fn reserve(ui: &mut Ui, salt: &impl AsIdSalt, drawn: Drawn) {
    let spacing = ui.spacing().item_spacing.y;
    let height = (drawn.advance - spacing).max(0.0);
    ui.push_id(salt, |ui| ui.allocate_space(vec2(drawn.width, height)));
}

/// Whether a section at `rect`, unchanged in content and width, can be painted
/// from what it painted before: it has been quiet for a while (long enough for
/// any hover animation to end) at the same place, in the same style.
fn settled(ui: &Ui, kept: &mut Kept, rect: Rect) -> bool {
    let now = ui.input(|i| i.time);
    kept.quiet_since = if quiet(ui, rect) {
        Some(kept.quiet_since.unwrap_or(now))
    } else {
        None
    };
    let calm = 2.0 * f64::from(ui.style().animation_time);
    kept.quiet_since.is_some_and(|since| now - since >= calm)
        && kept.min == rect.min
        && kept.enabled == ui.is_enabled()
        && kept
            .style
            .as_ref()
            .is_some_and(|s| Arc::ptr_eq(s, ui.style()) || **s == **ui.style())
}

/// Whether nothing the user does can be changing how a section at `rect`
/// looks: no pointer near it, no button held, nothing dragged or focused, and
/// no text selected anywhere.
fn quiet(ui: &Ui, rect: Rect) -> bool {
    let ctx = ui.ctx();
    let near = rect.expand(8.0);
    ctx.pointer_latest_pos().is_none_or(|p| !near.contains(p))
        && !ctx.input(|i| i.pointer.any_down())
        && ctx.dragged_id().is_none()
        && ctx.memory(|m| m.focused().is_none())
        && !ctx.plugin::<LabelSelectionState>().lock().has_selection()
}

/// The widget with keyboard focus, if it lies within `rect` (a section just drawn).
fn focus_within(ui: &Ui, rect: Rect) -> Option<Id> {
    let focused = ui.memory(|m| m.focused())?;
    let widget = ui.ctx().read_response(focused)?;
    rect.contains_rect(widget.rect).then_some(focused)
}

/// Whether a section drawn as `drawn` holds the keyboard focus still: egui
/// drops the focus of a widget not drawn in a frame, so such a section is
/// drawn even off-screen.
fn holds_focus(ui: &Ui, drawn: &Drawn) -> bool {
    drawn.focus.is_some() && drawn.focus == ui.memory(|m| m.focused())
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

    /// One frame at `time` (seconds) of three sections of text, the second's
    /// content being `content`, with the pointer at `pointer`, in the default
    /// style. Returns how many text shapes reached egui, and the frame as egui
    /// tessellates it.
    fn text_frame(
        ctx: &egui::Context,
        time: f64,
        pointer: Option<Pos2>,
        content: u64,
    ) -> (usize, Vec<egui::epaint::Mesh>) {
        styled_frame(ctx, time, pointer, content, None)
    }

    /// [`text_frame`] with the text in `colour`, if given.
    fn styled_frame(
        ctx: &egui::Context,
        time: f64,
        pointer: Option<Pos2>,
        content: u64,
        colour: Option<egui::Color32>,
    ) -> (usize, Vec<egui::epaint::Mesh>) {
        let mut input = screen();
        input.time = Some(time);
        input.events.extend(pointer.map(egui::Event::PointerMoved));
        let mut out = ctx.run_ui(input, |ui| {
            ui.visuals_mut().override_text_color = colour;
            egui::ScrollArea::vertical().show(ui, |ui| {
                for i in 0..3 {
                    let key = if i == 1 { content } else { 7 };
                    section(ui, i, key, |ui| {
                        ui.label(format!("Section {i}, version {key}"));
                        ui.label("A second line of text.");
                    });
                }
            });
        });
        out.textures_delta.clear();
        let texts = out
            .shapes
            .iter()
            .filter(|s| matches!(s.shape, egui::Shape::Text(_)))
            .count();
        let meshes = ctx
            .tessellate(out.shapes, out.pixels_per_point)
            .into_iter()
            .filter_map(|p| match p.primitive {
                egui::epaint::Primitive::Mesh(m) => Some(m),
                egui::epaint::Primitive::Callback(_) => None,
            })
            .collect();
        (texts, meshes)
    }

    #[test]
    fn quiet_sections_are_painted_as_they_were_without_being_laid_out() {
        let ctx = egui::Context::default();
        let (texts, live) = text_frame(&ctx, 0.0, None, 1);
        assert_eq!(texts, 6, "every section is drawn at first");
        let (_, again) = text_frame(&ctx, 0.05, None, 1);
        assert_eq!(again, live);
        let mut kept = None;
        for step in 2..12 {
            kept = Some(text_frame(&ctx, 0.05 * f64::from(step), None, 1));
        }
        let (texts, meshes) = kept.expect("frames ran");
        assert_eq!(texts, 0, "quiet sections reach egui as kept meshes");
        assert_eq!(meshes, live, "and look exactly as when drawn live");
    }

    #[test]
    fn a_pointer_nearby_or_new_content_draws_a_section_live() {
        let ctx = egui::Context::default();
        for step in 0..12 {
            text_frame(&ctx, 0.05 * f64::from(step), None, 1);
        }
        let (texts, _) = text_frame(&ctx, 0.6, Some(Pos2::new(20.0, 5.0)), 1);
        assert_eq!(texts, 2, "the section under the pointer is drawn live");
        let (texts, _) = text_frame(&ctx, 0.65, Some(Pos2::new(380.0, 380.0)), 1);
        assert_eq!(texts, 2, "and stays live until its hover has faded");
        for step in 14..24 {
            text_frame(
                &ctx,
                0.05 * f64::from(step),
                Some(Pos2::new(380.0, 380.0)),
                1,
            );
        }
        let (texts, _) = text_frame(&ctx, 1.2, Some(Pos2::new(380.0, 380.0)), 1);
        assert_eq!(texts, 0, "then it is kept again");
        let (texts, _) = text_frame(&ctx, 1.25, None, 2);
        assert_eq!(texts, 2, "a section whose content changed is drawn");
    }

    #[test]
    fn a_section_in_a_new_style_is_drawn_again() {
        let ctx = egui::Context::default();
        let mut settled = None;
        for step in 0..12 {
            settled = Some(text_frame(&ctx, 0.05 * f64::from(step), None, 1));
        }
        let red = Some(egui::Color32::RED);
        let (texts, meshes) = styled_frame(&ctx, 0.6, None, 1, red);
        assert_eq!(texts, 6, "all three sections are laid out in the new style");
        assert_ne!(Some(meshes), settled.map(|(_, m)| m));
    }

    /// One frame of 50 sections of a 40-point button each in a scroll area
    /// 200 points high, scrolled to `offset`; the first button asks for
    /// keyboard focus when `focus` is set. Returns which sections were drawn.
    fn button_frame(ctx: &egui::Context, offset: f32, focus: bool) -> Vec<usize> {
        let mut drawn = Vec::new();
        let mut out = ctx.run_ui(screen(), |ui| {
            egui::ScrollArea::vertical()
                .max_height(200.0)
                .vertical_scroll_offset(offset)
                .show(ui, |ui| {
                    for i in 0..50 {
                        section(ui, i, 7, |ui| {
                            drawn.push(i);
                            let button = egui::Button::new(format!("Button {i}"));
                            let response = ui.add_sized([100.0, 40.0], button);
                            if i == 0 && focus {
                                response.request_focus();
                            }
                        });
                    }
                });
        });
        out.textures_delta.clear();
        drawn
    }

    #[test]
    fn a_section_holding_keyboard_focus_keeps_it_when_scrolled_off() {
        let ctx = egui::Context::default();
        button_frame(&ctx, 0.0, false);
        button_frame(&ctx, 0.0, true);
        let focused = ctx.memory(|m| m.focused());
        assert!(focused.is_some(), "the first button has the focus");
        for _ in 0..3 {
            let drawn = button_frame(&ctx, 1000.0, false);
            assert!(drawn.contains(&0), "drawn off-screen: {drawn:?}");
        }
        assert_eq!(ctx.memory(|m| m.focused()), focused, "focus kept");
        ctx.memory_mut(|m| m.surrender_focus(focused.expect("focused")));
        button_frame(&ctx, 1000.0, false);
        let drawn = button_frame(&ctx, 1000.0, false);
        assert!(!drawn.contains(&0), "not once the focus has gone");
    }

    #[test]
    fn an_animating_section_is_never_kept() {
        let ctx = egui::Context::default();
        let mut frames = Vec::new();
        for step in 0..16 {
            let mut input = screen();
            input.time = Some(0.05 * f64::from(step));
            let mut out = ctx.run_ui(input, |ui| {
                section(ui, 0, 7, |ui| {
                    ui.label("Loading the figure");
                    ui.spinner();
                });
            });
            out.textures_delta.clear();
            let meshes: Vec<egui::epaint::Mesh> = ctx
                .tessellate(out.shapes, out.pixels_per_point)
                .into_iter()
                .filter_map(|p| match p.primitive {
                    egui::epaint::Primitive::Mesh(m) => Some(m),
                    egui::epaint::Primitive::Callback(_) => None,
                })
                .collect();
            frames.push(meshes);
        }
        let moved = frames
            .windows(2)
            .skip(1) // the first frame lays out the glyphs
            .all(|w| w[0] != w[1]);
        assert!(moved, "the spinner turns in every frame, kept or not");
    }
}
