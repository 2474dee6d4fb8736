//! Everything the map draws over the countries, as one pass: the settlement
//! line, ties, axes, annotations, forces, labels, measurements, the title box,
//! the legend, the scale bar and the graticule's labels — and the inputs that
//! pass reads, which decide whether last frame's tessellation of it can be
//! painted again (see `crate::kit::retained`).

use std::collections::BTreeMap;

use egui::{Painter, Rect};

use crate::scenario::placing::UnitRef;
use crate::scenario::{Layers, Scenario};

use super::frame::Frame;
use super::guarantors::{DrawnTie, forces, ties};
use super::labels::{LabelPlacer, city_labels, country_labels, graticule_labels};
use super::legend::{legend, legend_box, scale_bar, scale_bar_box, title_block, title_box};
use super::overlays::{
    annotation_labels, annotations, axes, axis_labels, drawn_areas, measurements, settlement_line,
};

/// Everything the overlay pass reads besides the document. Two frames with
/// the same document and equal inputs paint the same overlay (egui's text
/// environment aside, which `crate::kit::retained` checks). The document is compared on
/// its own, once a frame, because the map's roles depend on it too.
#[derive(Clone, Copy, PartialEq)]
pub(super) struct OverlayInputs<'a> {
    /// Where the map is and at what scale and ink.
    pub frame: Frame,
    /// The layers shown.
    pub layers: Layers,
    /// Ruler points (lon, lat).
    pub ruler: &'a [[f64; 2]],
    /// Range rings: centre (lon, lat) and radius, km.
    pub rings: &'a [([f64; 2], f64)],
    /// Median days to objective by axis id, from the engine.
    pub axis_days: &'a BTreeMap<String, f64>,
    /// Mean credibility by (arrangement, guarantor), from the engine.
    pub credibility: &'a BTreeMap<(String, String), f64>,
}

impl OverlayInputs<'_> {
    /// An owned copy with the document, kept to compare the next frame's with.
    /// The document is cloned only if it is not `old`'s (`same_document`): a
    /// pan or a zoom changes only the frame.
    pub(super) fn keep(
        &self,
        scenario: &Scenario,
        old: Option<KeptInputs>,
        same_document: bool,
    ) -> KeptInputs {
        let scenario = match old {
            Some(old) if same_document => old.scenario,
            _ => scenario.clone(),
        };
        KeptInputs {
            frame: self.frame,
            layers: self.layers,
            scenario,
            ruler: self.ruler.to_vec(),
            rings: self.rings.to_vec(),
            axis_days: self.axis_days.clone(),
            credibility: self.credibility.clone(),
        }
    }
}

/// The document and inputs of the last frame drawn (owned [`OverlayInputs`]).
pub(super) struct KeptInputs {
    frame: Frame,
    layers: Layers,
    scenario: Scenario,
    ruler: Vec<[f64; 2]>,
    rings: Vec<([f64; 2], f64)>,
    axis_days: BTreeMap<String, f64>,
    credibility: BTreeMap<(String, String), f64>,
}

impl KeptInputs {
    /// The document of the last frame drawn.
    pub(super) fn scenario(&self) -> &Scenario {
        &self.scenario
    }

    /// These inputs, borrowed, to compare with a frame's.
    pub(super) fn inputs(&self) -> OverlayInputs<'_> {
        OverlayInputs {
            frame: self.frame,
            layers: self.layers,
            ruler: &self.ruler,
            rings: &self.rings,
            axis_days: &self.axis_days,
            credibility: &self.credibility,
        }
    }
}

/// Paints the overlay, in order from the lines under the labels to the boxes
/// on top; labels are placed clear of the title box, the legend and the scale bar.
/// Returns the unit markers and ties drawn, for the pointer.
pub(super) fn paint_overlay(
    painter: &Painter,
    scenario: &Scenario,
    i: &OverlayInputs<'_>,
) -> Drawn {
    let (frame, layers) = (&i.frame, &i.layers);
    // The title box, the legend and the scale bar are painted last, on top;
    // labels keep clear of them rather than run underneath.
    let key = legend_box(painter, frame, scenario, layers, !i.credibility.is_empty());
    let title = title_box(painter, frame, scenario, key.rect.left());
    let bar = scale_bar_box(painter, frame);
    let mut labels = LabelPlacer::default();
    for rect in [title.rect, key.rect, bar.rect] {
        labels.block_box(rect);
    }
    super::overlays::sources_line(painter, frame, &mut labels);
    if layers.line_of_control {
        settlement_line(painter, frame, scenario, &mut labels);
    }
    drawn_areas(painter, frame, scenario, layers, &mut labels);
    let ties = if layers.ties {
        ties(painter, frame, scenario, i.credibility, &mut labels)
    } else {
        Vec::new()
    };
    if layers.axes {
        axes(painter, frame, scenario);
        super::route_marks::route_marks(painter, frame, scenario);
        if layers.forces {
            super::overlays::hostile_forces(painter, frame, scenario, &mut labels);
        }
    }
    annotations(painter, frame);
    // The forces stand at their places; the names of axes and annotations
    // find room around them.
    let markers = if layers.forces {
        forces(painter, frame, scenario, &mut labels)
    } else {
        Vec::new()
    };
    // Capitals are named before the axes and annotations, which find room
    // around them; other cities after (an axis's name names its ends).
    if layers.labels {
        city_labels(painter, frame, &mut labels, true);
    }
    if layers.axes {
        axis_labels(painter, frame, scenario, i.axis_days, &mut labels);
        super::route_marks::route_mark_labels(painter, frame, scenario, &mut labels);
    }
    annotation_labels(painter, frame, &mut labels);
    if layers.labels {
        city_labels(painter, frame, &mut labels, false);
    }
    if layers.labels {
        country_labels(painter, frame, &mut labels);
    }
    measurements(painter, frame, i.ruler, i.rings, &mut labels);
    title_block(painter, frame, title);
    legend(painter, frame, key);
    scale_bar(painter, frame, bar);
    if layers.graticule {
        graticule_labels(painter, frame);
    }
    Drawn { markers, ties }
}

/// What the overlay drew that the pointer can point at.
#[derive(Default)]
pub(super) struct Drawn {
    /// Each unit marker with its unit.
    pub markers: Vec<(UnitRef, Rect)>,
    /// Each tie with whose it is.
    pub ties: Vec<DrawnTie>,
}
