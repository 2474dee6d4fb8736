//! The global sensitivity under the tornado in the assessment panel.

use egui_kittest::kittest::Queryable;

use bulwark::ui::Command;

use crate::common;

/// The app on its default example with the tornado shown and the Sobol
/// indices run at the smallest sample size to the end.
/// `height` tall enough for the sections under the tornado to be on screen.
fn showing_indices(height: f32) -> egui_kittest::Harness<'static, bulwark::ui::BulwarkApp> {
    let mut h = common::app(egui::vec2(1600.0, height));
    common::run_assessment(&mut h);
    h.get_by_label("Tornado").click();
    frames(&mut h);
    h.get_by_label("base samples").click();
    frames(&mut h);
    h.get_by_label("256").click();
    frames(&mut h);
    h.state_mut().finish_sensitivity();
    frames(&mut h);
    frames(&mut h);
    h
}

/// Draws a few frames. `Harness::run` waits for the UI to settle, which it
/// does not while a run is in flight on another thread (the panel asks to be
/// redrawn until it ends), so these tests step instead.
fn frames(h: &mut egui_kittest::Harness<'_, bulwark::ui::BulwarkApp>) {
    for _ in 0..3 {
        h.step();
    }
}

fn lines(h: &egui_kittest::Harness<'_, bulwark::ui::BulwarkApp>) -> Vec<String> {
    use egui_kittest::kittest::NodeT;
    h.query_all_by_label_contains(": total ")
        .filter_map(|n| {
            let node = n.accesskit_node();
            node.label().or_else(|| node.value())
        })
        .collect()
}

#[test]
fn the_tornado_tab_shows_sobol_indices_for_the_output_chosen_and_an_edit_reruns_them() {
    let mut h = showing_indices(1500.0);
    h.get_by_label("Global sensitivity (Sobol indices)");
    h.get_by_label_contains("256 base samples");
    h.snapshot("assessment_sobol");
    let attack = lines(&h);
    assert!(!attack.is_empty(), "a line per parameter under the plot");
    assert!(attack[0].starts_with("1. "), "{attack:?}");
    h.get_by_label("Time to objective (days)").click();
    frames(&mut h);
    let days = lines(&h);
    assert_ne!(attack, days, "another output, other indices");
    // An edit: the indices shown are the previous version's until the new run ends.
    let mut edited = h.state().doc().scenario().clone();
    edited.simulation.seed += 1;
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(edited),
        group: None,
    });
    common::run_assessment(&mut h);
    h.get_by_label("Indices below are for the previous version; updating.");
    h.state_mut().finish_sensitivity();
    frames(&mut h);
    frames(&mut h);
    assert!(
        h.query_by_label("Indices below are for the previous version; updating.")
            .is_none()
    );
    assert_ne!(lines(&h), days, "the new seed's rows give other estimates");
}

#[test]
fn a_sweep_of_one_assumption_is_a_line_and_of_two_a_heat_map() {
    let mut h = showing_indices(2300.0);
    h.get_by_label("Sweep");
    assert!(
        h.query_by_label_contains("each cell is one point")
            .is_none(),
        "one assumption: a line"
    );
    h.get_by_label("and").click();
    frames(&mut h);
    h.get_by_label("Adversary resolve").click();
    frames(&mut h);
    h.get_by_label_contains("previous choice or version");
    h.state_mut().finish_sensitivity();
    frames(&mut h);
    frames(&mut h);
    h.get_by_label_contains("each cell is one point of the grid");
    h.snapshot("assessment_sweep_heat_map");
    // Below it, the value of information of the choice the scenario offers.
    h.get_by_label("Value of information");
    h.get_by_label_contains("— best on average");
    h.get_by_label_contains("(EVPI)");
}

#[test]
fn the_value_of_information_section_follows_an_edit() {
    let mut h = showing_indices(3000.0);
    h.get_by_label_contains("(EVPI)");
    let mut edited = h.state().doc().scenario().clone();
    edited.arrangements.clear();
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(edited),
        group: None,
    });
    common::run_assessment(&mut h);
    h.state_mut().finish_sensitivity();
    frames(&mut h);
    frames(&mut h);
    assert!(
        h.query_by_label_contains("(EVPI)").is_none(),
        "no arrangement, no choice"
    );
}
