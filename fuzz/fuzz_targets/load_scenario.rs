//! Fuzz target: any bytes through the scenario loader (size cap, UTF-8, JSON,
//! version check, migration, deserialisation, validation) must give a scenario
//! or a clear error — never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(scenario) = bulwark::scenario::from_bytes("fuzz.bulwark.json", data) {
        // A scenario that loads must save and load back the same.
        let text = bulwark::scenario::to_json(&scenario);
        let again = bulwark::scenario::from_bytes("fuzz.bulwark.json", text.as_bytes());
        assert_eq!(again.ok(), Some(scenario));
    }
});
