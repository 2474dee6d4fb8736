//! The two screens of a briefing: the audience screen (full-screen slide with a
//! slide counter, the "presenting" indicator, blackout and the laser pointer)
//! and the presenter view (a second native window with the current and next
//! slide, the speaker notes, a clock and the elapsed time). Both only read the
//! presentation state and return [`Action`]s.

use egui::{
    Align2, Color32, Context, CursorIcon, Event, FontId, Key, Rect, RichText, Sense, Ui,
    ViewportBuilder, ViewportClass, ViewportId, vec2,
};
use egui_commonmark::{CommonMarkCache, CommonMarkViewer};

use super::Action;
use super::slide::{Figures, draw_slide, fit_16_9, slide_scale};
use super::{Presentation, Screen};
use crate::kit::theme;
use crate::scenario::{Scenario, Slide};

/// Title of the presenter view's window (and of its embedded stand-in).
pub const PRESENTER_TITLE: &str = "Presenter view";

/// Keys pressed this frame without Ctrl/Cmd or Alt, in order (so that digits
/// typed before Enter arrive before it).
pub fn pressed_keys(ctx: &Context) -> Vec<Key> {
    ctx.input(|i| {
        i.events
            .iter()
            .filter_map(|e| match e {
                Event::Key {
                    key,
                    pressed: true,
                    modifiers,
                    ..
                } if !modifiers.command && !modifiers.alt && !modifiers.ctrl => Some(*key),
                _ => None,
            })
            .collect()
    })
}

/// Draws the audience screen into the whole of `ui`; returns actions from
/// mouse clicks (left: next, right: previous).
pub fn show_audience(
    ui: &mut Ui,
    p: &Presentation,
    scenario: &Scenario,
    figures: Figures<'_>,
    slides: &[Slide],
    markdown: &mut CommonMarkCache,
) -> Vec<Action> {
    let mut out = Vec::new();
    let screen = ui.max_rect();
    ui.painter().rect_filled(screen, 0.0, Color32::BLACK);
    let response = ui.interact(
        screen,
        egui::Id::unique("bulwark_audience_screen"),
        Sense::click(),
    );
    if response.clicked() {
        out.push(Action::Next);
    }
    if response.secondary_clicked() {
        out.push(Action::Previous);
    }
    match p.screen {
        Screen::Black => return out,
        Screen::White => {
            ui.painter().rect_filled(screen, 0.0, Color32::WHITE);
            return out;
        }
        Screen::Slide => {}
    }
    let rect = fit_16_9(screen);
    match slides.get(p.slide) {
        Some(slide) => draw_slide(ui, rect, scenario, figures, slide, markdown, "audience"),
        None => {
            ui.painter().rect_filled(rect, 0.0, theme::PROJECTOR_BG);
            ui.painter().text(
                rect.center(),
                Align2::CENTER_CENTER,
                "This scenario has no slides",
                theme::slide_font(40.0 * slide_scale(rect)),
                theme::PROJECTOR_TEXT,
            );
        }
    }
    overlays(ui, rect, p);
    if p.laser
        && let Some(pos) = ui.input(|i| i.pointer.hover_pos())
    {
        let r = 9.0 * slide_scale(rect).max(0.5);
        let painter = ui.painter();
        painter.circle_filled(pos, r * 2.2, theme::LASER.gamma_multiply(0.25));
        painter.circle_filled(pos, r, theme::LASER);
        ui.ctx().set_cursor_icon(CursorIcon::None);
    }
    out
}

/// The slide counter, the typed slide number and the discreet indicator.
fn overlays(ui: &Ui, rect: Rect, p: &Presentation) {
    let scale = slide_scale(rect);
    let painter = ui.painter();
    let font = theme::slide_font(18.0 * scale.max(0.6));
    let pad = vec2(24.0, 16.0) * scale;
    painter.text(
        rect.right_bottom() - pad,
        Align2::RIGHT_BOTTOM,
        format!("{} / {}", p.slide + 1, p.len.max(1)),
        font.clone(),
        theme::PROJECTOR_MUTED,
    );
    let dot = rect.left_bottom() + vec2(pad.x, -pad.y - font.size * 0.5);
    painter.circle_filled(dot, 5.0 * scale.max(0.6), theme::LASER);
    painter.text(
        dot + vec2(12.0 * scale.max(0.6), 0.0),
        Align2::LEFT_CENTER,
        "Presenting",
        font.clone(),
        theme::PROJECTOR_MUTED,
    );
    if p.hint && p.typed.is_empty() {
        painter.text(
            rect.center_bottom() - vec2(0.0, pad.y),
            Align2::CENTER_BOTTOM,
            "→ next · ← back · S presenter view · B black · Q what if · Esc leave",
            font.clone(),
            theme::PROJECTOR_MUTED,
        );
    }
    if !p.typed.is_empty() {
        painter.text(
            rect.center_bottom() - vec2(0.0, pad.y),
            Align2::CENTER_BOTTOM,
            format!("Go to slide {}…", p.typed),
            theme::slide_font(28.0 * scale.max(0.6)),
            theme::PROJECTOR_ACCENT,
        );
    }
}

/// What the presenter view gave this frame.
#[derive(Default)]
pub struct PresenterInput {
    /// Its buttons' actions.
    pub actions: Vec<Action>,
    /// Keys pressed in it, when it is a window of its own (which has its own
    /// keyboard focus), to be read as slide keys ([`Presentation::key`]).
    pub keys: Vec<Key>,
    /// A "what if" edit made in it (Q opens the controls there while it is
    /// open), with its edit group.
    pub edit: Option<(Scenario, Option<u64>)>,
}

/// Shows the presenter view as a native window, on the main window's own screen
/// when the slides went to another (or, where the platform cannot open a
/// window, as a window inside the main one); returns what was given in it.
pub fn show_presenter_view(
    ctx: &Context,
    p: &Presentation,
    scenario: &Scenario,
    figures: Figures<'_>,
    slides: &[Slide],
    markdown: &mut CommonMarkCache,
) -> PresenterInput {
    let mut builder = ViewportBuilder::default()
        .with_title(format!("{PRESENTER_TITLE} — Bulwark"))
        .with_inner_size([1100.0, 680.0])
        .with_min_inner_size([640.0, 400.0]);
    // When the slides went to another screen, the presenter view opens on the
    // screen the main window came from (the laptop's), filling most of it.
    if let Some(screen) = &p.placement.presenter_screen {
        let (pos, size) = super::monitor::presenter_window_on(screen, ctx.zoom_factor());
        builder = builder.with_position(pos).with_inner_size(size);
    }
    ctx.show_viewport_immediate(
        ViewportId::from_hash_of("bulwark_presenter_view"),
        builder,
        |ui, class| {
            let mut given = PresenterInput::default();
            let out = &mut given.actions;
            if class != ViewportClass::EmbeddedWindow {
                given.keys = pressed_keys(ui.ctx());
                if ui.input(|i| i.viewport().close_requested()) {
                    out.push(Action::TogglePresenterView);
                }
                egui::CentralPanel::default().show(ui, |ui| {
                    given.edit =
                        presenter_contents(ui, p, scenario, figures, slides, markdown, out);
                });
            } else {
                ui.set_min_size(vec2(900.0, 520.0));
                given.edit = presenter_contents(ui, p, scenario, figures, slides, markdown, out);
            }
            given
        },
    )
}

fn presenter_contents(
    ui: &mut Ui,
    p: &Presentation,
    scenario: &Scenario,
    figures: Figures<'_>,
    slides: &[Slide],
    markdown: &mut CommonMarkCache,
    out: &mut Vec<Action>,
) -> Option<(Scenario, Option<u64>)> {
    let mut edit = None;
    ui.horizontal(|ui| {
        let (clock, zone) = clock_now();
        ui.label(RichText::new(clock).size(22.0).strong())
            .on_hover_text(zone);
        ui.separator();
        ui.label(RichText::new(format!("Elapsed {}", p.elapsed_text())).size(22.0));
        ui.separator();
        ui.label(RichText::new(format!("Slide {} of {}", p.slide + 1, p.len.max(1))).size(22.0));
        if !p.typed.is_empty() {
            ui.label(format!("Go to {}…", p.typed));
        }
        ui.separator();
        for action in [
            Action::Previous,
            Action::Next,
            Action::Blackout,
            Action::Stop,
        ] {
            if ui.button(action.label()).clicked() {
                out.push(action);
            }
        }
    });
    ui.separator();
    let avail = ui.available_size();
    // Both slides fit the window's height as well as half its width, so that
    // neither is cut off in a short window.
    let room = (avail.y - 70.0).max(120.0);
    let left_w = (avail.x * 0.5).min(room / (1.6 * 9.0 / 16.0)).max(200.0);
    ui.horizontal_top(|ui| {
        ui.vertical(|ui| {
            ui.set_width(left_w);
            ui.label(RichText::new("Now showing").strong());
            let current = slide_box(ui, left_w);
            match slides.get(p.slide) {
                Some(s) => draw_slide(
                    ui,
                    current,
                    scenario,
                    figures,
                    s,
                    markdown,
                    "presenter_current",
                ),
                None => {
                    ui.painter().rect_filled(current, 0.0, Color32::GRAY);
                }
            }
            ui.add_space(8.0);
            ui.label(RichText::new("Up next").strong());
            let next = slide_box(ui, left_w * 0.6);
            match slides.get(p.slide + 1) {
                Some(s) => draw_slide(ui, next, scenario, figures, s, markdown, "presenter_next"),
                None => {
                    ui.painter().rect_filled(next, 0.0, Color32::from_gray(40));
                    ui.painter().text(
                        next.center(),
                        Align2::CENTER_CENTER,
                        "End of the deck",
                        FontId::proportional(16.0),
                        Color32::WHITE,
                    );
                }
            }
        });
        ui.separator();
        ui.vertical(|ui| {
            if p.what_if {
                ui.group(|ui| {
                    ui.label(RichText::new("What if…").strong());
                    edit = what_if_controls(ui, scenario);
                    ui.weak("Shown here, not to the room. Q or Esc closes; Ctrl+Z undoes.");
                });
                ui.add_space(6.0);
            }
            ui.label(RichText::new("Speaker notes").strong());
            egui::ScrollArea::vertical()
                .id_salt("presenter_notes")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    let notes = slides.get(p.slide).map(|s| s.notes.as_str()).unwrap_or("");
                    if notes.trim().is_empty() {
                        ui.weak("No notes for this slide.");
                    } else {
                        ui.style_mut().override_text_style = None;
                        let bright = ui.visuals().strong_text_color();
                        ui.visuals_mut().override_text_color = Some(bright);
                        for font in ui.style_mut().text_styles.values_mut() {
                            font.size *= 1.35;
                        }
                        let notes = crate::kit::markdown::prepare(
                            notes,
                            crate::kit::note_images::NoteImages::existing(ui.ctx()).as_deref(),
                        );
                        CommonMarkViewer::new().show(ui, markdown, &notes);
                    }
                });
        });
    });
    edit
}

/// Allocates a 16:9 box `width` wide with a thin frame.
fn slide_box(ui: &mut Ui, width: f32) -> Rect {
    let (rect, _) = ui.allocate_exact_size(vec2(width, width * 9.0 / 16.0), Sense::hover());
    ui.painter().rect_stroke(
        rect.expand(1.0),
        0.0,
        egui::Stroke::new(1.0, Color32::GRAY),
        egui::StrokeKind::Outside,
    );
    rect
}

/// The time of day in the system's time zone, and a hover text naming the zone
/// (see [`clock_at`]).
pub fn clock_now() -> (String, String) {
    let zone = jiff::tz::TimeZone::try_system().ok();
    clock_at(jiff::Timestamp::now(), zone.as_ref())
}

/// The time of day at `now` as the presenter view shows it: `HH:MM` in `zone`
/// (the local time zone), or `HH:MM UTC` when the zone is unknown, so that a
/// clock in UTC is never mistaken for local time. The second string names the
/// zone for a hover text.
pub fn clock_at(now: jiff::Timestamp, zone: Option<&jiff::tz::TimeZone>) -> (String, String) {
    match zone {
        Some(zone) => {
            let t = zone.to_datetime(now);
            let name = zone
                .iana_name()
                .map(|n| format!("Local time ({n})"))
                .unwrap_or_else(|| "Local time".to_owned());
            (format!("{:02}:{:02}", t.hour(), t.minute()), name)
        }
        None => {
            let t = jiff::tz::TimeZone::UTC.to_datetime(now);
            (
                format!("{:02}:{:02} UTC", t.hour(), t.minute()),
                "Time of day in UTC: the system's time zone could not be determined".to_owned(),
            )
        }
    }
}

/// The "what if" popover (Q while presenting): the few parameters a room asks
/// about — the horizon, the adversary's forces, each guarantor's credibility —
/// editable on the spot. Returns the edited scenario and its edit group when
/// something changed; the caller sends it as an ordinary undoable edit, so the
/// slides (and the live views behind them) update at once.
pub fn what_if_popover(ctx: &Context, scenario: &Scenario) -> Option<(Scenario, Option<u64>)> {
    let mut edit = None;
    egui::Window::new("What if…")
        .anchor(Align2::RIGHT_TOP, [-24.0, 24.0])
        .collapsible(false)
        .resizable(false)
        .show(ctx, |ui| {
            ui.set_max_width(420.0);
            edit = what_if_controls(ui, scenario);
            ui.separator();
            ui.weak("Q or Esc closes; Ctrl+Z in the editor undoes.");
        });
    edit
}

/// The "what if" parameters (the horizon, the adversary's forces, each
/// guarantor's credibility) as controls in `ui`: the popover's, or the
/// presenter view's when it is open (so that the room sees only the slides
/// change). The edited scenario and its edit group when something changed.
fn what_if_controls(ui: &mut Ui, scenario: &Scenario) -> Option<(Scenario, Option<u64>)> {
    use crate::kit::widgets::{self, EditTracker};
    let mut draft = scenario.clone();
    let mut ed = EditTracker::default();
    widgets::number(
        ui,
        &mut ed,
        "Horizon",
        &mut draft.horizon_years,
        0.5..=50.0,
        " years",
        "Years ahead over which the chance of a renewed attack is assessed",
    );
    widgets::number(
        ui,
        &mut ed,
        "Adversary theatre troops",
        &mut draft.adversary.theatre_troops,
        0.0..=3_000_000.0,
        "",
        "Ground forces the adversary can commit to the theatre",
    );
    for a in &mut draft.arrangements {
        if a.guarantors.is_empty() {
            continue;
        }
        ui.separator();
        ui.strong(&a.name);
        for g in &mut a.guarantors {
            let name = crate::scenario::reference::state_name(scenario, &g.state);
            widgets::credibility(ui, &mut ed, Some(&name), &mut g.credibility);
        }
    }
    (draft != *scenario).then_some((draft, ed.group))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::Timestamp;
    use jiff::tz::TimeZone;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("a timestamp")
    }

    #[test]
    fn the_clock_shows_local_time_with_summer_and_winter_time() {
        // Kyiv's rule: UTC+2 in winter, UTC+3 in summer.
        let kyiv = TimeZone::posix("EET-2EEST,M3.5.0/3,M10.5.0/4").expect("a POSIX zone");
        let summer = clock_at(at("2025-07-01T12:34:00Z"), Some(&kyiv));
        assert_eq!(summer.0, "15:34");
        assert!(summer.1.starts_with("Local time"));
        let winter = clock_at(at("2025-01-15T23:05:59Z"), Some(&kyiv));
        assert_eq!(winter.0, "01:05", "past midnight, zero-padded, seconds cut");
        let washington = TimeZone::fixed(jiff::tz::offset(-5));
        assert_eq!(
            clock_at(at("2025-01-15T03:00:00Z"), Some(&washington)).0,
            "22:00"
        );
    }

    #[test]
    fn without_a_time_zone_the_clock_says_utc() {
        let (clock, hover) = clock_at(at("2025-07-01T12:34:00Z"), None);
        assert_eq!(clock, "12:34 UTC");
        assert!(hover.contains("could not be determined"));
    }

    #[test]
    fn the_system_zone_gives_a_clock_either_way() {
        let (clock, _) = clock_now();
        assert!(clock.len() == 5 || clock.ends_with(" UTC"), "{clock}");
    }
}
