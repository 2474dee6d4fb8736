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

fn input() -> RawInput {
    RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1920.0, 1080.0))),
        ..RawInput::default()
    }
}

/// The example with the most states, arrangements and forces.
fn largest_example() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("saves/eastern-flank-today.bulwark.json")
}

fn frame(ctx: &egui::Context, app: &mut BulwarkApp) {
    let mut out = ctx.run_ui(input(), |ui| {
        app.logic(ui.ctx());
        app.draw(ui);
    });
    let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
    out.textures_delta.clear();
}

fn benchmark(c: &mut Criterion) {
    let ctx = egui::Context::default();
    bulwark::ui::theme::install_fonts(&ctx);
    let options = StartOptions {
        file: Some(largest_example()),
        inline_assessment: true,
        ..StartOptions::default()
    };
    let mut app = BulwarkApp::with_settings(Settings::default(), options);
    for _ in 0..5 {
        frame(&ctx, &mut app); // fonts, assessment and caches settle
    }
    c.bench_function("bulwark_frame_1920x1080", |b| {
        b.iter(|| frame(&ctx, &mut app))
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
