//! Runs frames of the whole app exactly as `benches/frame.rs` measures them
//! (1920×1080, the largest example open, map and assessment showing, drawing
//! and tessellation; `app-on-notes` with the pointer resting on the notes), or
//! of egui's demo, for counting instructions:
//!
//! ```text
//! cargo build --release --example frames
//! valgrind --tool=cachegrind --cache-sim=no ./target/release/examples/frames app 201
//! valgrind --tool=cachegrind --cache-sim=no ./target/release/examples/frames app 51
//! ```
//!
//! The difference of the two counts over 150 is the instructions of one
//! settled frame (likewise with `demo`; the first frames lay out and keep what
//! later frames reuse). Timings on a shared virtual machine drift by tens of
//! per cent between runs; instruction counts do not, so they show whether a
//! change helped. They overcount copying: cachegrind counts each byte that
//! `memcpy` moves with `rep movsb` as an instruction, though the processor
//! copies many bytes a cycle, so a change that copies instead of computing
//! must be judged by the timed benchmark.

use bulwark::ui::BulwarkApp;
use bulwark::ui::app::StartOptions;
use bulwark::ui::settings::Settings;
use egui::{RawInput, Rect, pos2, vec2};

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut args = std::env::args().skip(1);
    let which = args.next().unwrap_or_default();
    let frames: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(101);
    match which.as_str() {
        "app" => app(frames, None),
        "app-on-notes" => app(frames, Some(egui::pos2(150.0, 480.0))),
        "demo" => demo(frames),
        _ => eprintln!("usage: frames app|app-on-notes|demo [FRAMES]"),
    }
}

/// `frames` frames of the app with the largest example open, the pointer at
/// `pointer` (`None`: outside the window).
fn app(frames: usize, pointer: Option<egui::Pos2>) {
    let ctx = egui::Context::default();
    bulwark::kit::theme::install_fonts(&ctx);
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("saves/eastern-flank-today.bulwark.json");
    let options = StartOptions {
        file: Some(file),
        inline_assessment: true,
        ..StartOptions::default()
    };
    let mut app = BulwarkApp::with_settings(Settings::default(), options);
    let input = || RawInput {
        screen_rect: Some(Rect::from_min_size(pos2(0.0, 0.0), vec2(1920.0, 1080.0))),
        events: pointer.map(egui::Event::PointerMoved).into_iter().collect(),
        ..RawInput::default()
    };
    for _ in 0..frames {
        let mut out = ctx.run_ui(input(), |ui| {
            app.logic(ui.ctx());
            app.draw(ui);
        });
        let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        out.textures_delta.clear();
    }
}

/// `frames` frames of egui's demo windows, as egui's own benchmark runs them.
fn demo(frames: usize) {
    let ctx = egui::Context::default();
    let mut demo = egui_demo_lib::DemoWindows::default();
    for _ in 0..frames {
        let mut out = ctx.run_ui(RawInput::default(), |ui| demo.ui(ui));
        let _ = ctx.tessellate(std::mem::take(&mut out.shapes), out.pixels_per_point);
        out.textures_delta.clear();
    }
}
