//! The assessment engine: pure, deterministic given a seed, no egui and no I/O.
//! Filled in by the engine work (issue 4).
