//! Files baked into the binary by `build.rs`: reference data from `assets/` and
//! the example scenarios from `saves/`.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The bytes of an asset by its path under `assets/`, e.g. `reference/states.json`.
pub fn asset(path: &str) -> Option<&'static [u8]> {
    ASSETS
        .iter()
        .find(|(p, _)| *p == path)
        .map(|(_, bytes)| *bytes)
}

/// The example scenarios shipped in `saves/`: (file name, contents), sorted by name.
pub fn examples() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    SAVES
        .iter()
        .filter(|(name, _)| name.ends_with(".bulwark.json"))
        .map(|(name, bytes)| (*name, *bytes))
}

/// The contents of one example scenario by file name.
pub fn example(name: &str) -> Option<&'static [u8]> {
    examples().find(|(n, _)| *n == name).map(|(_, b)| b)
}

/// The historical backtest cases under `assets/backtest/`: (file name, contents),
/// sorted by name.
pub fn backtest_scenarios() -> impl Iterator<Item = (&'static str, &'static [u8])> {
    ASSETS
        .iter()
        .filter_map(|(path, bytes)| Some((path.strip_prefix("backtest/")?, *bytes)))
        .filter(|(name, _)| name.ends_with(".bulwark.json"))
}
