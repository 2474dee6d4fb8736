//! The command palette and the guide, driven from the keyboard as a user
//! would: Ctrl+Shift+P, words of a command, Enter; F1.

use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;

use crate::common::{self, WINDOW};

type App = egui_kittest::Harness<'static, bulwark::ui::BulwarkApp>;

/// Ctrl+Shift+P, as a user opens the palette.
fn open_palette(h: &mut App) {
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::P);
    h.run();
}

/// The app with the palette open and `typed` in its field.
fn palette_with(typed: &str) -> App {
    let mut h = common::app(WINDOW);
    h.run();
    open_palette(&mut h);
    h.event(egui::Event::Text(typed.into()));
    h.run();
    h
}

#[test]
fn the_palette_finds_a_command_by_words_and_enter_runs_it() {
    // The keyboard is in its field: typing goes there, not to the map.
    let zoom = common::app(WINDOW).state().doc().scenario().map_view.zoom;
    let mut h = palette_with("light theme");
    assert!(
        h.query_by_label("Command palette").is_some(),
        "the palette opens"
    );
    assert!(
        h.query_by_label("Theme: Light").is_some(),
        "the match is listed"
    );
    assert!(h.query_by_label("Save As").is_none(), "others are not");
    assert_eq!(h.state().doc().scenario().map_view.zoom, zoom);
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().settings().theme, egui::ThemePreference::Light);
    assert!(
        h.query_by_label("Command palette").is_none(),
        "and it closes"
    );
}

#[test]
fn arrow_keys_choose_among_the_matches_and_escape_closes() {
    let mut h = palette_with("panel");
    let (left, right) = (
        h.state().settings().show_left,
        h.state().settings().show_right,
    );
    // "Editing panel" then "Assessment panel": the second hides the assessment.
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_ne!(h.state().settings().show_right, right);
    assert_eq!(h.state().settings().show_left, left, "not the first match");
    open_palette(&mut h);
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_by_label("Command palette").is_none());
}

#[test]
fn f1_opens_the_guide_with_the_shortcuts_and_the_readings() {
    let mut h = common::app(WINDOW);
    h.run();
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Reading the figures").is_some());
    assert!(
        h.query_by_label("Command palette").is_some(),
        "its shortcut is listed"
    );
    assert!(
        h.query_by_label_contains("Monte Carlo draws in which")
            .is_some()
    );
}

/// Where the control with the keyboard is, across the window: 0 in the
/// editing panel, 1 on the map, 2 in the assessment panel.
fn focused_panel(h: &egui_kittest::Harness<'_, bulwark::ui::BulwarkApp>) -> Option<usize> {
    let id = h.ctx.memory(|m| m.focused())?;
    let rect = h
        .ctx
        .viewport(|v| v.prev_pass.widgets.get(id).map(|w| w.rect))?;
    let x = rect.center().x;
    Some(if x < 340.0 {
        0
    } else if x < WINDOW.x - 380.0 {
        1
    } else {
        2
    })
}

#[test]
fn f6_moves_the_keyboard_from_panel_to_panel_and_shift_f6_back() {
    let mut h = common::app(WINDOW);
    h.run();
    let mut visited = Vec::new();
    for _ in 0..4 {
        h.key_press(Key::F6);
        h.run();
        visited.push(focused_panel(&h));
    }
    assert_eq!(visited, [Some(0), Some(1), Some(2), Some(0)]);
    h.key_press_modifiers(Modifiers::SHIFT, Key::F6);
    h.run();
    assert_eq!(
        focused_panel(&h),
        Some(2),
        "Shift+F6 goes back, round the end"
    );
}
