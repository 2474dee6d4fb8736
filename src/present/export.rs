//! Export of a deck without a window: every slide rendered offscreen to a
//! 1920×1080 PNG, and a Markdown handout with the images, titles and notes.

use std::path::Path;

use crate::scenario::Scenario;

/// Writes `slide-NN.png` for every slide and `handout.md` into `dir`; returns
/// the number of slides.
pub fn export_slides(scenario: &Scenario, dir: &Path) -> Result<usize, String> {
    let _ = (scenario, dir);
    Err("not yet".into())
}
