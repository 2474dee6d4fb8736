//! The settlement over time in the app (issue #18): the strip under the map
//! shows the steps and sets the month shown, which the map and the
//! assessment follow; a step is dragged along the strip and the move undone;
//! the Timeline tab adds and removes steps; the "Over time" plot.

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use bulwark::scenario::{
    self, ArrangementStatus, Change, DemandKind, Restraint, RestraintKind, Scenario, Step,
};
use bulwark::ui::app::BulwarkApp;
use bulwark::ui::commands::Command;

use crate::common;

use crate::common::step;

/// The coalition example, "root causes first, guarantees later".
fn sequenced() -> Scenario {
    let mut s = common::baked("coalition-guarantee.bulwark.json");
    s.arrangements[0].restraints.push(Restraint {
        kind: RestraintKind::ConstitutionalNeutrality,
        limit: None,
        text: String::new(),
    });
    s.timeline.steps = vec![
        step(
            "neutrality",
            "Neutrality in the constitution",
            0.0,
            Change::Restraint {
                arrangement: "coalition".into(),
                restraint: RestraintKind::ConstitutionalNeutrality,
                in_force: true,
            },
        ),
        step(
            "talks",
            "Talks conclude",
            0.0,
            Change::DemandMet {
                demand: DemandKind::RootCauses,
                region: None,
                met: 1.0,
            },
        ),
        step(
            "guarantee",
            "Guarantee activated",
            24.0,
            Change::Arrangement {
                arrangement: "coalition".into(),
                status: ArrangementStatus::Activated,
            },
        ),
    ];
    s
}

/// The app with the sequenced scenario as its document, assessed (typed
/// in, not opened, so that no temporary path shows in the snapshot).
fn opened() -> Harness<'static, BulwarkApp> {
    let mut h = common::app(common::WINDOW);
    h.run();
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(sequenced()),
        group: None,
    });
    common::run_assessment(&mut h);
    h
}

fn steps(h: &Harness<'_, BulwarkApp>) -> Vec<Step> {
    h.state().doc().scenario().timeline.steps.clone()
}

/// Where the strip puts `month`: found from the markers at month 0 and 24.
fn at_month(h: &Harness<'_, BulwarkApp>, month: f32) -> Pos2 {
    let zero = h.get_by_label("Step: Talks conclude").rect().center();
    let two = h.get_by_label("Step: Guarantee activated").rect().center();
    Pos2::new(zero.x + (two.x - zero.x) * month / 24.0, zero.y)
}

use crate::common::drag;

#[test]
fn the_scrubber_sets_the_month_the_map_and_the_assessment_show() {
    let mut h = opened();
    let revision = h.state().doc().revision();
    let before = h.state().assessment().result.expect("assessed");
    assert_eq!(before.at_month, Some(0.0));
    assert_eq!(
        before.states[0].credibility.arrangement.mean, 0.0,
        "no guarantee yet"
    );
    h.get_by_label_contains("Month shown: month 0");
    // A click on the strip, three years on.
    let target = at_month(&h, 36.0) + egui::vec2(0.0, -30.0);
    h.hover_at(target);
    h.run();
    h.drag_at(target);
    h.run();
    h.drop_at(target);
    common::run_assessment(&mut h);
    assert_eq!(h.state().doc().shown_month(), 36.0);
    let after = h.state().assessment().result.expect("assessed");
    assert_eq!(
        after.at_month,
        Some(24.0),
        "the phase month 36 lies in, from the guarantee on"
    );
    assert!(
        after.states[0].credibility.arrangement.mean > 0.3,
        "the guarantee is in force"
    );
    assert_eq!(
        h.state().doc().revision(),
        revision,
        "looking at a month is not an edit"
    );
    h.get_by_label_contains("Month shown: month 36");
    h.get_by_label_contains("through the timeline");
    // Within the phase, the answers are the same: nothing is assessed again.
    h.state_mut().queue(Command::ShowMonth(50.0));
    h.run();
    assert!(!h.state().assessment().running, "no new run within a phase");
    let same = h.state().assessment().result.expect("assessed");
    assert!(std::sync::Arc::ptr_eq(&same, &after));
}

#[test]
fn a_step_is_dragged_along_the_strip_and_the_move_undone() {
    let mut h = opened();
    let from = h.get_by_label("Step: Guarantee activated").rect().center();
    let to = at_month(&h, 48.0);
    drag(&mut h, from, to);
    let moved = steps(&h);
    assert!((moved[2].month - 48.0).abs() <= 1.0, "{}", moved[2].month);
    common::run_assessment(&mut h);
    let result = h.state().assessment().result.expect("assessed");
    let window = result.states[0]
        .windows
        .iter()
        .find(|w| w.kind == bulwark::model::WindowKind::Vulnerability)
        .expect("a window");
    assert_eq!(
        window.end_month, moved[2].month,
        "the window lasts until the guarantee"
    );
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(
        steps(&h)[2].month,
        24.0,
        "one undo takes back the whole drag"
    );
}

#[test]
fn a_step_clicked_on_the_strip_opens_in_the_timeline_tab_where_steps_are_added_and_removed() {
    let mut h = opened();
    h.get_by_label("Step: Guarantee activated").click();
    h.run();
    h.run();
    h.get_by_label("Report the chance of attack by");
    h.snapshot("editor_timeline");
    h.get_by_label("Add step").click();
    h.run();
    h.get_by_label("A demand is met").click();
    h.run();
    let added = steps(&h);
    assert_eq!(added.len(), 4);
    assert!(matches!(added[3].change, Change::DemandMet { .. }));
    assert_eq!(added[3].month, 30.0, "six months after the last step");
    assert!(scenario::validate(h.state().doc().scenario()).is_empty());
    // The guarantee's step is open: remove it.
    h.get_by_label("Remove step").click();
    h.run();
    let left: Vec<String> = steps(&h).into_iter().map(|s| s.id).collect();
    assert_eq!(left, ["neutrality", "talks", "step-1"]);
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(steps(&h).len(), 4, "undo brings the step back");
}

#[test]
fn the_over_time_plot_shows_the_chance_by_period_and_the_windows() {
    let mut h = opened();
    h.state_mut().queue(Command::ShowMonth(36.0));
    common::run_assessment(&mut h);
    h.get_by_label("Over time").click();
    common::run_assessment(&mut h);
    h.get_by_label_contains("2 windows shaded");
    h.get_by_label_contains("Bars: the chance in each period");
    h.snapshot("timeline_over_time");
}

#[test]
fn two_orders_of_the_same_steps_compare_over_time() {
    let mut h = common::app(common::WINDOW);
    h.run();
    for name in [
        "sequencing-guarantee-first.bulwark.json",
        "sequencing-root-causes-first.bulwark.json",
    ] {
        h.state_mut().queue(Command::OpenExample(name.into()));
        h.run();
    }
    h.state_mut().queue(Command::ToggleCompare);
    common::run_assessment(&mut h);
    h.get_by_label("Chance of attack over time");
    h.get_by_label("Timeline (steps in the order taken)");
    h.get_by_label_contains("month 18: Reassurance force deploys");
    h.get_by_label_contains("vulnerability, months 0–12");
    h.snapshot("compare_sequences");
}

#[test]
fn a_newcomer_adds_the_first_step_and_the_strip_appears() {
    let mut h = common::app(common::WINDOW);
    h.run();
    assert!(
        h.query_by_label_contains("Month shown").is_none(),
        "no strip without a timeline"
    );
    h.get_by(|n| {
        n.label().as_deref() == Some("Timeline") && n.role() != egui::accesskit::Role::CheckBox
    })
    .click();
    h.run();
    h.get_by_label("Add step").click();
    h.run();
    h.get_by_label("Arrangement signed, ratified, activated…")
        .click();
    common::run_assessment(&mut h);
    let steps = steps(&h);
    assert_eq!(steps.len(), 1);
    assert_eq!(steps[0].month, 0.0, "the first step at the ceasefire");
    h.get_by_label_contains("Month shown: month 0");
    h.get_by_label("Step: Arrangement signed, ratified, activated");
    let result = h.state().assessment().result.expect("assessed");
    assert!(!result.states[0].steps.is_empty(), "the step is assessed");
    h.state_mut().queue(Command::Undo);
    common::run_assessment(&mut h);
    assert!(
        h.query_by_label_contains("Month shown").is_none(),
        "undo takes the timeline away"
    );
}

#[test]
fn the_app_exports_the_phases_as_slides_showing_its_progress() {
    let dir = common::temp_dir();
    let mut h = common::app(common::WINDOW);
    h.run();
    h.state_mut().queue(Command::OpenExample(
        "sequencing-root-causes-first.bulwark.json".into(),
    ));
    h.run();
    h.state_mut()
        .queue(Command::ExportSlidesTo(dir.path().to_path_buf()));
    let mut progress_seen = false;
    let started = std::time::Instant::now();
    while !h.state().message().starts_with("Exported") {
        assert!(started.elapsed().as_secs() < 120, "the export ends");
        progress_seen |= h.state().message().contains(" of 6…");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.run();
    }
    assert!(progress_seen, "the status line counted the slides");
    assert!(
        h.state().message().contains("Exported 6 slides"),
        "{}",
        h.state().message()
    );
    assert!(dir.path().join("slide-06.png").exists());
}
