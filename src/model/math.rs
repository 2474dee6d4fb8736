//! Arithmetic helpers shared by the engine's modules (it imports nothing).

/// Clamps to [0, 1], mapping NaN to 0.
pub fn clamp01(x: f64) -> f64 {
    if x.is_nan() { 0.0 } else { x.clamp(0.0, 1.0) }
}
