//! Speed of scenario files: load + validate and save of the largest shipped
//! example, and of a valid file just under the size cap (16 MiB).

use std::hint::black_box;

use bulwark::scenario::{self, Scenario, Slide, SlideContent};
use criterion::{Criterion, criterion_group, criterion_main};

/// The shipped example with the most content.
fn largest_example() -> (String, Vec<u8>) {
    bulwark::assets::examples()
        .max_by_key(|(_, bytes)| bytes.len())
        .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
        .expect("examples ship")
}

/// The largest example padded with text slides of the longest allowed notes
/// until its file is just under the size cap: the largest file Bulwark accepts.
fn at_size_cap(base: &Scenario) -> Vec<u8> {
    let cap = usize::try_from(scenario::MAX_FILE_BYTES).expect("fits");
    let note = "Speaker note. ".repeat(scenario::validate::MAX_TEXT / 14);
    let mut s = base.clone();
    loop {
        s.slides.push(Slide {
            title: format!("Padding {}", s.slides.len()),
            content: SlideContent::Text {
                markdown: "Text".into(),
            },
            notes: note.clone(),
        });
        if scenario::to_json(&s).len() + note.len() + 200 > cap {
            break;
        }
    }
    scenario::to_json(&s).into_bytes()
}

fn files(c: &mut Criterion) {
    let (name, bytes) = largest_example();
    let example = scenario::from_bytes(&name, &bytes).expect("example loads");
    let big = at_size_cap(&example);
    let big_scenario = scenario::from_bytes("cap.bulwark.json", &big).expect("cap file is valid");
    eprintln!(
        "largest example: {} bytes; size-cap file: {} bytes ({} slides)",
        bytes.len(),
        big.len(),
        big_scenario.slides.len()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let example_path = dir.path().join("example.bulwark.json");
    let big_path = dir.path().join("cap.bulwark.json");
    std::fs::write(&example_path, &bytes).expect("write");
    std::fs::write(&big_path, &big).expect("write");

    c.bench_function("load_validate_largest_example", |b| {
        b.iter(|| scenario::load_file(black_box(&example_path)).expect("loads"))
    });
    c.bench_function("save_largest_example", |b| {
        b.iter(|| scenario::save_file(black_box(&example_path), &example).expect("saves"))
    });
    let mut group = c.benchmark_group("size_cap");
    group.sample_size(10);
    group.bench_function("load_validate_16mib_file", |b| {
        b.iter(|| scenario::load_file(black_box(&big_path)).expect("loads"))
    });
    group.bench_function("save_16mib_file", |b| {
        b.iter(|| scenario::save_file(black_box(&big_path), &big_scenario).expect("saves"))
    });
    group.finish();
}

criterion_group!(benches, files);
criterion_main!(benches);
