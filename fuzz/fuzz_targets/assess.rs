//! Fuzz target: any valid scenario through the assessment engine must give
//! probabilities in 0..1, finite figures, and no panic, hang or runaway memory.
//! Valid scenarios are made by overwriting the numbers of a shipped example with
//! values taken from the fuzzer's bytes; those that fail validation are skipped
//! (the loader has its own target).
#![no_main]

use libfuzzer_sys::fuzz_target;
use serde_json::Value;

/// Replaces the numbers of `value`, in document order, with values from `bytes`.
fn overwrite_numbers(value: &mut Value, bytes: &mut std::slice::Chunks<'_, u8>) {
    match value {
        Value::Number(n) => {
            if let Some(chunk) = bytes.next() {
                let mut raw = [0u8; 8];
                raw[..chunk.len()].copy_from_slice(chunk);
                let x = f64::from_le_bytes(raw);
                let keep_integer = n.is_u64();
                if let Some(new) = if keep_integer {
                    Some(serde_json::Number::from(u64::from_le_bytes(raw) % 1_000_000))
                } else {
                    serde_json::Number::from_f64(x)
                } {
                    *n = new;
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|v| overwrite_numbers(v, bytes)),
        Value::Object(map) => map.values_mut().for_each(|v| overwrite_numbers(v, bytes)),
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let examples: Vec<_> = bulwark::assets::examples().collect();
    let (name, bytes) = examples[pick as usize % examples.len()];
    let Ok(mut value) = serde_json::from_slice::<Value>(bytes) else { return };
    overwrite_numbers(&mut value, &mut rest.chunks(8));
    // Keep the format version and a modest number of draws.
    value["format_version"] = Value::from(1);
    value["simulation"]["samples"] = Value::from(50);
    let text = value.to_string();
    let Ok(scenario) = bulwark::scenario::from_bytes(name, text.as_bytes()) else { return };
    let assessment = bulwark::model::assess(&scenario);
    for s in &assessment.states {
        for p in [
            s.decision.chance_of_attack.mean,
            s.credibility.arrangement.mean,
            s.acceptability.adversary.mean,
        ] {
            assert!((0.0..=1.0).contains(&p), "{p} outside 0..1");
        }
        assert!(s.burden.total_pct_gdp.is_finite());
        for c in &s.campaign {
            assert!(c.distance_km >= 0.0 && c.distance_km.is_finite());
        }
    }
});
