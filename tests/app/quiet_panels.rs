//! The panels' quiet sections are painted from kept tessellations (see
//! `bulwark::kit::lazy`): the whole window must look exactly as when every
//! section is laid out live, after the pointer has passed over them and after
//! a change of theme. (In debug builds, which the tests are, every kept
//! section is also drawn live and compared, so a stale one fails loudly.)

use bulwark::ui::BulwarkApp;
use bulwark::ui::app::StartOptions;
use bulwark::ui::commands::Command;
use bulwark::ui::settings::Settings;
use egui::epaint::{Mesh, Primitive};
use egui::{Context, Event, Pos2, RawInput, Rect, pos2, vec2};

use crate::common;

/// The app on its largest example, the assessment computed in the frame.
fn app() -> BulwarkApp {
    let file = common::saved("eastern-flank-today.bulwark.json");
    let options = StartOptions {
        file: Some(file),
        inline_assessment: true,
        ..StartOptions::default()
    };
    BulwarkApp::with_settings(Settings::default(), options)
}

/// A context whose kept meshes can equal egui's own tessellation (filled
/// circles as paths, as the map keeps them).
fn context() -> Context {
    let ctx = Context::default();
    bulwark::kit::theme::install_fonts(&ctx);
    ctx.tessellation_options_mut(|o| o.prerasterized_discs = false);
    ctx
}

/// One 1600×1000 frame with the pointer moved to `pointer`; the frame as egui
/// tessellates it.
fn frame(ctx: &Context, app: &mut BulwarkApp, pointer: Option<Pos2>) -> Vec<Mesh> {
    let input = RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1600.0, 1000.0))),
        events: pointer.map(Event::PointerMoved).into_iter().collect(),
        ..RawInput::default()
    };
    let mut out = ctx.run_ui(input, |ui| {
        app.logic(ui.ctx());
        app.draw(ui);
    });
    out.textures_delta.clear();
    ctx.tessellate(out.shapes, out.pixels_per_point)
        .into_iter()
        .filter_map(|p| match p.primitive {
            Primitive::Mesh(m) => Some(m),
            Primitive::Callback(_) => None,
        })
        .collect()
}

/// Runs frames until kept sections have settled (egui's clock advances a
/// sixtieth of a second a frame); returns the last.
fn settle(ctx: &Context, app: &mut BulwarkApp) -> Vec<Mesh> {
    (0..40)
        .map(|_| frame(ctx, app, None))
        .last()
        .unwrap_or_default()
}

/// The same frame with every section laid out and tessellated live.
fn live(ctx: &Context, app: &mut BulwarkApp) -> Vec<Mesh> {
    bulwark::kit::retained::set_enabled(ctx, false);
    let live = frame(ctx, app, None);
    bulwark::kit::retained::set_enabled(ctx, true);
    live
}

#[test]
fn a_settled_window_looks_exactly_as_a_live_one() {
    let ctx = context();
    let mut app = app();
    let kept = settle(&ctx, &mut app);
    assert_eq!(kept, live(&ctx, &mut app));
}

#[test]
fn the_pointer_passing_over_the_panels_leaves_nothing_stale() {
    let ctx = context();
    let mut app = app();
    settle(&ctx, &mut app);
    // Across the notes (left) and the assessment (right), then off the window.
    for x in (20..1600).step_by(40) {
        frame(&ctx, &mut app, Some(pos2(x as f32, 500.0)));
    }
    frame(&ctx, &mut app, Some(pos2(800.0, 990.0)));
    let kept = settle(&ctx, &mut app);
    assert_eq!(kept, live(&ctx, &mut app));
}

#[test]
fn a_new_theme_repaints_every_kept_section() {
    let ctx = context();
    let mut app = app();
    let dark = settle(&ctx, &mut app);
    app.apply(Command::SetTheme(egui::ThemePreference::Light));
    let light = settle(&ctx, &mut app);
    assert_ne!(light, dark);
    assert_eq!(light, live(&ctx, &mut app));
}

#[test]
fn the_trade_off_plot_follows_another_scenario_renamed() {
    use bulwark::plots::PlotKind;
    let ctx = context();
    let mut app = app();
    // Armed neutrality in front (one protected state: its plot is on screen),
    // the largest example behind it.
    app.apply(Command::OpenExample("armed-neutrality.bulwark.json".into()));
    app.apply(Command::ShowPlot(PlotKind::AcceptabilityDeterrence));
    let before = settle(&ctx, &mut app);
    // Rename the scenario behind: its point's label on the plot changes, while
    // this scenario's assessment (and the number of points) stay the same.
    app.apply(Command::SwitchTab(0));
    let mut renamed = app.doc().scenario().clone();
    renamed.meta.title = "Eastern flank, renamed".into();
    app.apply(Command::Edit {
        scenario: Box::new(renamed),
        group: None,
    });
    app.apply(Command::SwitchTab(1));
    let after = settle(&ctx, &mut app);
    assert_ne!(after, before);
    assert_eq!(after, live(&ctx, &mut app));
}
