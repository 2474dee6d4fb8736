//! Speed of the assessment engine on the largest shipped example: the 10,000-draw
//! Monte Carlo on one core, and the full assessment with the tornado.

use std::hint::black_box;

use bulwark::model::{self, Options};
use bulwark::scenario::{self, Scenario};
use criterion::{Criterion, criterion_group, criterion_main};

/// The example with the most protected states and axes.
fn largest() -> Scenario {
    bulwark::assets::examples()
        .map(|(name, bytes)| scenario::from_bytes(name, bytes).expect("example loads"))
        .max_by_key(|s| {
            s.axes.len() * 100
                + s.arrangements
                    .iter()
                    .map(|a| a.protected_states.len())
                    .sum::<usize>()
        })
        .expect("examples ship")
}

fn engine(c: &mut Criterion) {
    let s = largest();
    let one_core = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("pool");
    let mc = Options {
        samples: 10_000,
        seed: 1,
        tornado: false,
        ..Options::default()
    };
    c.bench_function("monte_carlo_10k_draws_one_core", |b| {
        b.iter(|| one_core.install(|| model::assess_with_options(black_box(&s), mc)))
    });
    let full = Options {
        tornado: true,
        ..mc
    };
    c.bench_function("full_assessment_10k_draws_tornado_one_core", |b| {
        b.iter(|| one_core.install(|| model::assess_with_options(black_box(&s), full)))
    });
    c.bench_function("full_assessment_10k_draws_tornado_all_cores", |b| {
        b.iter(|| model::assess_with_options(black_box(&s), full))
    });
    let slider = Options {
        samples: 1_000,
        ..full
    };
    c.bench_function("slider_update_1k_draws_tornado_one_core", |b| {
        b.iter(|| one_core.install(|| model::assess_with_options(black_box(&s), slider)))
    });
    c.bench_function("point_estimate", |b| {
        b.iter(|| model::point_attack(black_box(&s)))
    });
    let tornado_only = Options { samples: 1, ..full };
    c.bench_function("tornado_and_break_even_one_draw", |b| {
        b.iter(|| one_core.install(|| model::assess_with_options(black_box(&s), tornado_only)))
    });
    let mut group = c.benchmark_group("backtest");
    group.sample_size(10);
    group.bench_function("deterrence_backtest_19_cases_10k_draws_both_cores", |b| {
        b.iter(|| bulwark::backtest::run(10_000, 1).expect("backtest cases load"))
    });
    // Issue #19: every parameter's total-order index at the panel's sample
    // size in ≤ 1 s on both cores (every protected state of the example).
    group.bench_function("sobol_indices_2048_base_samples_both_cores", |b| {
        b.iter(|| {
            let progress = model::Progress::default();
            model::sobol::sensitivity(black_box(&s), model::sobol::PANEL_SAMPLES, 1, &progress)
                .expect("not stopped")
        })
    });
    group.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
