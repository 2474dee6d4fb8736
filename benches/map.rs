//! Frame cost of the map widget, headless: an idle frame (nothing changed, the
//! cached meshes are re-used) and a pan frame (the view moves, so the fill mesh is
//! re-transformed and the borders re-tessellated). Also the cost of egui's
//! tessellation of the idle frame's shapes, which the renderer pays per repaint.

use std::hint::black_box;

use bulwark::map::MapState;
use bulwark::scenario::{self, GeoPoint};
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn raw_input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1200.0, 800.0),
        )),
        ..Default::default()
    }
}

fn bench_map(c: &mut Criterion) {
    let mut scenario = scenario::from_bytes(
        "map-demo.bulwark.json",
        include_bytes!("../tests/fixtures/map-demo.bulwark.json"),
    )
    .expect("valid fixture");
    let ctx = egui::Context::default();
    let mut map = MapState::default();
    // One frame; the view the map asks to save goes into the scenario, as the
    // app does (otherwise the map would adopt the scenario's old view again).
    let frame = |map: &mut MapState, scenario: &mut scenario::Scenario| {
        let mut edit = None;
        let mut out = ctx.run_ui(raw_input(), |ui| {
            edit = black_box(map.show(ui, scenario)).edit;
        });
        if let Some((view, _)) = edit {
            scenario.map_view = view;
        }
        out.textures_delta.clear();
        out
    };
    // Warm up: fonts, the baked geodata, the meshes.
    for _ in 0..3 {
        frame(&mut map, &mut scenario);
    }
    c.bench_function("map idle frame", |b| {
        b.iter(|| frame(&mut map, &mut scenario))
    });
    // A pan at zoom 2, 0.05° of longitude a frame (a few points: a drag);
    // every 100 frames it jumps back, which rebuilds the meshes once.
    let mut step = 0u32;
    c.bench_function("map pan frame", |b| {
        b.iter(|| {
            step = (step + 1) % 100;
            let lon = 20.0 + f64::from(step) * 0.05;
            map.set_view(GeoPoint { lon, lat: 54.0 }, 2.0);
            frame(&mut map, &mut scenario)
        })
    });
    // The same pan with egui's tessellation of the frame: what a pan costs in
    // all, whether the overlay is tessellated by the map or by egui.
    c.bench_function("map pan frame + egui tessellation", |b| {
        b.iter(|| {
            step = (step + 1) % 100;
            let lon = 20.0 + f64::from(step) * 0.05;
            map.set_view(GeoPoint { lon, lat: 54.0 }, 2.0);
            let out = frame(&mut map, &mut scenario);
            ctx.tessellate(out.shapes, out.pixels_per_point)
        })
    });
    map.set_view(
        GeoPoint {
            lon: 25.0,
            lat: 54.0,
        },
        1.0,
    );
    // The first frame after a change is drawn as usual, the second kept
    // tessellated (see `map::retained`); the third is an idle frame.
    frame(&mut map, &mut scenario);
    frame(&mut map, &mut scenario);
    let out = frame(&mut map, &mut scenario);
    c.bench_function("map idle tessellation (egui)", |b| {
        b.iter(|| ctx.tessellate(out.shapes.clone(), out.pixels_per_point))
    });
}

criterion_group!(benches, bench_map);
criterion_main!(benches);
