//! NATO symbology (issue #20, item 4): every affiliation's frame with every
//! kind of unit's icon, echelons and the planned (dashed) frame, snapshotted
//! at the workspace map's size and a slide's.

use bulwark::map::symbols::{Affiliation, Echelon, Symbol};
use bulwark::scenario::UnitKind;
use egui_kittest::Harness;

const KINDS: [UnitKind; 10] = UnitKind::ALL;

const ECHELONS: [Option<Echelon>; 5] = [
    Some(Echelon::Company),
    Some(Echelon::Battalion),
    Some(Echelon::Brigade),
    Some(Echelon::Division),
    Some(Echelon::Corps),
];

/// A sheet of symbols with a frame `height` high: a row per affiliation
/// (then its planned form, unfilled), a column per kind, echelons cycling.
fn sheet(height: f32) -> Harness<'static> {
    let cell = egui::vec2(height * 2.4, height * 2.4);
    let rows = 2 * Affiliation::ALL.len();
    let size = egui::vec2(cell.x * KINDS.len() as f32, cell.y * rows as f32);
    let mut h = Harness::builder().with_size(size).build_ui(move |ui| {
        let painter = ui.painter();
        painter.rect_filled(ui.max_rect(), 0.0, egui::Color32::WHITE);
        for (row, (affiliation, planned)) in Affiliation::ALL
            .iter()
            .flat_map(|a| [(*a, false), (*a, true)])
            .enumerate()
        {
            for (col, kind) in KINDS.iter().enumerate() {
                let symbol = Symbol {
                    affiliation,
                    kind: *kind,
                    echelon: ECHELONS[(col + row) % ECHELONS.len()],
                    planned,
                };
                let centre = egui::pos2((col as f32 + 0.5) * cell.x, (row as f32 + 0.6) * cell.y);
                symbol.paint(painter, centre, height, !planned);
            }
        }
    });
    h.run();
    h
}

#[test]
fn symbols_at_the_workspace_size() {
    sheet(11.5).snapshot("app6_symbols_workspace");
}

#[test]
fn symbols_at_a_slide_size() {
    sheet(30.0).snapshot("app6_symbols_slide");
}

#[test]
fn frames_tell_affiliations_apart_without_colour() {
    // Each frame has its own shape: bounds differ in aspect or size.
    let at = egui::pos2(0.0, 0.0);
    let bounds: Vec<egui::Vec2> = Affiliation::ALL
        .iter()
        .map(|a| {
            Symbol {
                affiliation: *a,
                kind: UnitKind::Armoured,
                echelon: None,
                planned: false,
            }
            .frame_rect(at, 10.0)
            .size()
        })
        .collect();
    for i in 0..bounds.len() {
        for j in i + 1..bounds.len() {
            assert_ne!(bounds[i], bounds[j], "{i} and {j}");
        }
    }
    let with_echelon = Symbol {
        affiliation: Affiliation::Friend,
        kind: UnitKind::Armoured,
        echelon: Some(Echelon::Brigade),
        planned: false,
    };
    assert!(with_echelon.bounds(at, 10.0).top() < with_echelon.frame_rect(at, 10.0).top());
}
