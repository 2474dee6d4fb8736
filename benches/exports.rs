//! Exports (issue #20): a 20-slide deck written as one PDF (target ≤ 2 s),
//! the same deck written as PNG slides (criterion's throughput gives slides a
//! second), and one map and one plot slide rendered offscreen (target
//! ≤ 100 ms a slide).
//! The deck is the largest example's own slides repeated to twenty: maps,
//! plots and text, as a briefing has them.

use std::hint::black_box;

use bulwark::present::print::{DeckParts, export_slides_pdf};
use bulwark::scenario::{self, Scenario};
use criterion::{Criterion, criterion_group, criterion_main};

/// The allocator the app itself uses (see `src/main.rs`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The eastern-flank example with its deck repeated to `n` slides.
fn deck_of(n: usize) -> Scenario {
    let mut s = scenario::from_bytes(
        "eastern-flank-today.bulwark.json",
        include_bytes!("../saves/eastern-flank-today.bulwark.json"),
    )
    .expect("valid example");
    let own = bulwark::present::deck(&s);
    s.slides = own.iter().cycle().take(n).cloned().collect();
    s
}

fn bench_exports(c: &mut Criterion) {
    let scenario = deck_of(20);
    let dir = tempfile::tempdir().expect("a temporary folder");
    let path = dir.path().join("deck.pdf");
    let mut group = c.benchmark_group("exports");
    group.sample_size(10);
    group.bench_function("pdf deck of 20 slides", |b| {
        b.iter(|| {
            export_slides_pdf(
                black_box(&scenario),
                &path,
                Default::default(),
                DeckParts::default(),
                &|_, _| {},
            )
            .expect("written")
        })
    });
    let out = dir.path().join("slides");
    group.throughput(criterion::Throughput::Elements(scenario.slides.len() as u64));
    group.bench_function("png deck of 20 slides, written", |b| {
        b.iter(|| {
            bulwark::present::export::export_slides(
                black_box(&scenario),
                &out,
                Default::default(),
                &|_, _| {},
            )
            .expect("written")
        })
    });
    group.throughput(criterion::Throughput::Elements(1));
    let assessment = bulwark::model::assess(&scenario);
    if let Ok(mut renderer) = bulwark::present::export::SlideRenderer::new() {
        for (name, slide) in [("map", &scenario.slides[0]), ("plot", &scenario.slides[1])] {
            group.bench_function(format!("png slide ({name})"), |b| {
                b.iter(|| {
                    renderer
                        .render(&scenario, Some(&assessment), black_box(slide), [1920, 1080])
                        .expect("rendered")
                })
            });
        }
    }
    group.finish();
}

criterion_group!(benches, bench_exports);
criterion_main!(benches);
