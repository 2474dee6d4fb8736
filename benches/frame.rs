//! Frame cost of the whole app (logic + drawing + tessellation at 1920×1080 with
//! the largest example open, map and assessment showing), beside egui's own demo
//! measured the same way (as egui's `demo_with_tessellate__realistic`).

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{RawInput, Rect, pos2, vec2};

use bulwark::ui::BulwarkApp;
use bulwark::ui::app::StartOptions;
use bulwark::ui::settings::Settings;

/// The allocator the app itself uses (see `src/main.rs`), so the frame is
/// measured as the app runs it.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// A 1920×1080 frame's input, the pointer at `pointer` (`None`: outside the
/// window, as when it rests anywhere but on the panels).
fn input(pointer: Option<egui::Pos2>) -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1920.0, 1080.0))),
        events: pointer.map(egui::Event::PointerMoved).into_iter().collect(),
        ..RawInput::default()
    }
}

/// The example with the most states, arrangements and forces.
fn largest_example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/eastern-flank-today.bulwark.json")
}

fn frame(ctx: &egui::Context, app: &mut BulwarkApp, pointer: Option<egui::Pos2>) {
    let mut out = ctx.run_ui(input(pointer), |ui| {
        app.logic(ui.ctx());
        app.draw(ui);
    });
    let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    out.textures_delta.clear();
}

fn benchmark(c: &mut Criterion) {
    let ctx = egui::Context::default();
    bulwark::kit::theme::install_fonts(&ctx);
    let options = StartOptions {
        file: Some(largest_example()),
        inline_assessment: true,
        ..StartOptions::default()
    };
    let mut app = BulwarkApp::with_settings(Settings::default(), options);
    for _ in 0..30 {
        frame(&ctx, &mut app, None); // fonts, assessment and caches settle
    }
    c.bench_function("bulwark_frame_1920x1080", |b| {
        b.iter(|| frame(&ctx, &mut app, None))
    });
    // The pointer resting on the scenario notes: the block under it (a long
    // paragraph) is laid out live every frame instead of painted as kept.
    let on_notes = Some(pos2(150.0, 480.0));
    c.bench_function("bulwark_frame_pointer_on_notes", |b| {
        b.iter(|| frame(&ctx, &mut app, on_notes))
    });

    let demo_ctx = egui::Context::default();
    let mut demo = egui_demo_lib::DemoWindows::default();
    c.bench_function("egui_demo_frame_realistic", |b| {
        b.iter(|| {
            let mut out = demo_ctx.run_ui(RawInput::default(), |ui| demo.ui(ui));
            let _ = demo_ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
            out.textures_delta.clear();
        });
    });
}

criterion_group!(benches, benchmark);
criterion_main!(benches);
