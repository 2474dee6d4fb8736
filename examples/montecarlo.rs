//! Runs the largest example's Monte Carlo many times, for a profiler
//! (`perf record cargo run --release --example montecarlo`).

fn main() {
    let name = "eastern-flank-today.bulwark.json";
    let bytes = bulwark::assets::example(name).expect("a shipped example");
    let scenario = bulwark::scenario::from_bytes(name, bytes).expect("loads");
    let options = bulwark::model::Options {
        samples: 10_000,
        seed: 1,
        tornado: false,
        ..bulwark::model::Options::default()
    };
    let mut total = 0.0;
    for _ in 0..20 {
        let a = bulwark::model::assess_with_options(&scenario, options);
        total += a.states[0].decision.chance_of_attack.mean;
    }
    println!("{total}");
}
