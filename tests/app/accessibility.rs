//! Every control of the editing and assessment panels can be reached by name and
//! explains itself, and the left panel works from the keyboard.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use bulwark::ui::BulwarkApp;
use bulwark::ui::app::StartOptions;

use crate::common::{self, WINDOW};

/// Controls a user acts on (links in rendered notes are text, not controls).
fn is_control(role: Role) -> bool {
    egui::accessibility::is_input(role) && role != Role::Link
}

/// How many controls of the side panels the audit looked at.
static CHECKED: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Every control in the side panels without a name or without a tooltip, each
/// described by its role, its name and where it is.
fn unexplained(h: &Harness<'_, BulwarkApp>, screen: &str) -> Vec<String> {
    // The side panels lie left of the map's toolbar and right of the
    // assessment's heading, below the tab bar.
    let left_edge = h.get_by_label_contains("Layers (").rect().left();
    let right_edge = h.get_by_label("Assessment").rect().left() - 12.0;
    let top = h.get_by_label("Scenario").rect().top() - 2.0;
    h.root()
        .children_recursive()
        .filter_map(|node| {
            let ak = node.accesskit_node();
            if !is_control(ak.role()) || ak.is_hidden() || ak.is_disabled() {
                return None;
            }
            let rect = node.rect();
            let in_panel =
                rect.top() >= top && (rect.right() <= left_edge || rect.left() >= right_edge);
            if !in_panel {
                return None;
            }
            CHECKED.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            let name = ak.label().filter(|l| !l.trim().is_empty());
            // egui's own panel resize handle and egui_plot's legend entries (the
            // only checkboxes in the assessment panel) take no tooltip: they
            // need a name only.
            let egui_own = ak.role() == Role::Splitter
                || (ak.role() == Role::CheckBox && rect.left() >= right_edge);
            let tip = ak
                .description()
                .filter(|d| !d.trim().is_empty())
                .or_else(|| egui_own.then(String::new));
            let missing = match (&name, &tip) {
                (None, None) => "name and tooltip",
                (None, Some(_)) => "name",
                (Some(_), None) => "tooltip",
                (Some(_), Some(_)) => return None,
            };
            Some(format!(
                "{screen}: {:?} {:?} at ({:.0}, {:.0}) has no {missing}",
                ak.role(),
                name.unwrap_or_default(),
                rect.left(),
                rect.top()
            ))
        })
        .collect()
}

#[test]
fn every_control_of_the_side_panels_has_a_name_and_a_tooltip() {
    let mut h = common::app(WINDOW);
    // The default example has guarantors, forces, void clauses, restraints,
    // compensation and a sunset, so every kind of control is on show.
    common::run_assessment(&mut h);
    let mut problems = Vec::new();
    for tab in [
        "Scenario",
        "Arrangements",
        "Forces & economies",
        "Adversary",
        "Assumptions",
        "Slides",
    ] {
        h.get_by_label(tab).click();
        h.run();
        problems.extend(unexplained(&h, tab));
        match tab {
            "Scenario" => {
                h.get_by_label("Edit notes").click();
                h.run();
                problems.extend(unexplained(&h, "Scenario, editing notes"));
            }
            "Arrangements" => {
                h.get_by_label("Override credibility").click();
                h.run();
                problems.extend(unexplained(&h, "Arrangements, credibility overridden"));
            }
            "Forces & economies" => {
                h.get_all_by_label_contains("(UKR)")
                    .next()
                    .expect("Ukraine's figures")
                    .click();
                h.run();
                problems.extend(unexplained(&h, "Forces & economies, Ukraine open"));
            }
            "Slides" => {
                for kind in ["(map)", "(plot)", "(text)", "(comparison)"] {
                    let slide = h.query_all_by_label_contains(kind).next();
                    if let Some(slide) = slide {
                        slide.click();
                        h.run();
                        problems.extend(unexplained(&h, &format!("Slides, a {kind} slide")));
                    }
                }
            }
            _ => {}
        }
    }
    for plot in [
        "Distribution",
        "Tornado",
        "Campaign",
        "Burden",
        "Trade-off",
        "Break-even",
    ] {
        h.get_by_label(plot).click();
        h.run();
        problems.extend(unexplained(&h, &format!("Assessment, {plot}")));
    }
    // One line per control, on the first screen it was seen.
    let mut seen = std::collections::BTreeSet::new();
    problems.retain(|p| {
        seen.insert(
            p.split_once(": ")
                .map_or(p.clone(), |(_, rest)| rest.to_owned()),
        )
    });
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    let checked = CHECKED.load(std::sync::atomic::Ordering::Relaxed);
    assert!(checked > 300, "the audit saw only {checked} controls");
}

/// The name of the widget with the keyboard focus.
fn focused(h: &Harness<'_, BulwarkApp>) -> String {
    h.root()
        .children_recursive()
        .find(|n| n.is_focused())
        .and_then(|n| n.accesskit_node().label())
        .unwrap_or_else(|| "(nothing)".to_owned())
}

fn press(h: &mut Harness<'_, BulwarkApp>, modifiers: egui::Modifiers, key: egui::Key) {
    h.key_press_modifiers(modifiers, key);
    h.run();
}

fn tab_stops(h: &mut Harness<'_, BulwarkApp>, modifiers: egui::Modifiers, n: usize) -> Vec<String> {
    let mut order = vec![focused(h)];
    for _ in 0..n {
        press(h, modifiers, egui::Key::Tab);
        order.push(focused(h));
    }
    order
}

/// Presses Tab until the widget named `name` has the focus.
fn tab_to(h: &mut Harness<'_, BulwarkApp>, modifiers: egui::Modifiers, name: &str) {
    for _ in 0..80 {
        if focused(h) == name {
            return;
        }
        press(h, modifiers, egui::Key::Tab);
    }
    panic!("Tab never reached {name}; stopped at {}", focused(h));
}

#[test]
fn the_left_panel_works_from_the_keyboard() {
    let mut h = common::app(WINDOW);
    h.run();
    h.get_by_label("Title").focus();
    h.run();
    let forward = [
        "Title",
        "Author",
        "Date",
        "Marking",
        "Horizon",
        "Monte Carlo draws",
        "Seed",
        "Settlement line",
        "Edit notes",
    ];
    assert_eq!(tab_stops(&mut h, egui::Modifiers::NONE, 8), forward);
    let mut backward = forward;
    backward.reverse();
    assert_eq!(tab_stops(&mut h, egui::Modifiers::SHIFT, 8), backward);

    // Shift+Tab from the first field reaches the panel's tabs; Space opens one.
    press(&mut h, egui::Modifiers::SHIFT, egui::Key::Tab);
    assert_eq!(focused(&h), "Slides");
    press(&mut h, egui::Modifiers::NONE, egui::Key::Space);
    assert!(
        h.query_by_label("Add map view").is_some(),
        "the Slides tab shows"
    );

    // Enter opens another.
    tab_to(&mut h, egui::Modifiers::SHIFT, "Arrangements");
    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    assert!(
        h.query_by_label("Add from template").is_some(),
        "the Arrangements tab shows"
    );

    // The arrangement's controls come in the order they read, top to bottom.
    let stops = tab_stops(&mut h, egui::Modifiers::NONE, 46);
    let at = |name: &str| {
        stops
            .iter()
            .position(|s| s == name)
            .unwrap_or_else(|| panic!("{name} is not a tab stop: {stops:?}"))
    };
    let reading = [
        "Arrangement",
        "Add from template",
        "Name",
        "Type",
        "Integrated command",
        "Sunset",
        "Add guarantor",
        "Obligation",
        "Formality",
        "Add void clause",
        "Add restraint",
    ];
    for pair in reading.windows(2) {
        assert!(
            at(pair[0]) < at(pair[1]),
            "{} before {}: {stops:?}",
            pair[0],
            pair[1]
        );
    }

    // Space ticks a checkbox: an edit like any other, undone by Ctrl+Z.
    tab_to(&mut h, egui::Modifiers::SHIFT, "Integrated command");
    let before = h.state().doc().scenario().arrangements[0].integrated_command;
    press(&mut h, egui::Modifiers::NONE, egui::Key::Space);
    assert_ne!(
        h.state().doc().scenario().arrangements[0].integrated_command,
        before
    );
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        h.state().doc().scenario().arrangements[0].integrated_command,
        before
    );
}

#[test]
fn the_shortcuts_in_the_readme_work() {
    let mut h = common::app_with(
        WINDOW,
        StartOptions {
            typed_paths_only: true,
            ..common::inline()
        },
    );
    h.run();
    let author = h.state().doc().scenario().meta.author.clone();
    h.get_by_label("Author").focus();
    h.run();
    h.key_press(egui::Key::End);
    h.get_by_label("Author").type_text(" and me");
    h.run();
    assert!(h.state().doc().is_dirty());
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Z);
    assert_eq!(
        h.state().doc().scenario().meta.author,
        author,
        "Ctrl+Z undoes"
    );
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Y);
    assert_eq!(
        h.state().doc().scenario().meta.author,
        format!("{author} and me"),
        "Ctrl+Y redoes"
    );

    // Ctrl+S on an example (no file yet) asks where; Esc cancels.
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::S);
    assert!(
        h.query_by_label("Save the scenario as").is_some(),
        "Ctrl+S asks where"
    );
    press(&mut h, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(
        h.query_by_label("Save the scenario as").is_none(),
        "Esc cancels"
    );

    // Ctrl+Shift+S saves under a new name.
    let dir = common::temp_dir();
    let path = dir.path().join("mine.bulwark.json");
    press(
        &mut h,
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::S,
    );
    assert!(
        h.query_by_label("Save the scenario as").is_some(),
        "Ctrl+Shift+S asks where"
    );
    common::type_path(&mut h, &path);
    press(&mut h, egui::Modifiers::NONE, egui::Key::Enter);
    assert!(path.exists(), "Enter in the path field saves");
    assert!(!h.state().doc().is_dirty());

    press(&mut h, egui::Modifiers::COMMAND, egui::Key::O);
    assert!(
        h.query_by_label("Open a scenario file").is_some(),
        "Ctrl+O asks which"
    );
    press(&mut h, egui::Modifiers::NONE, egui::Key::Escape);

    press(&mut h, egui::Modifiers::COMMAND, egui::Key::N);
    assert_eq!(h.state().tabs().count(), 2, "Ctrl+N opens a new scenario");
    press(&mut h, egui::Modifiers::COMMAND, egui::Key::W);
    assert_eq!(h.state().tabs().count(), 1, "Ctrl+W closes it");
    assert_eq!(
        h.state().doc().scenario().meta.author,
        format!("{author} and me")
    );

    press(&mut h, egui::Modifiers::NONE, egui::Key::F5);
    assert!(h.state().presentation().is_some(), "F5 presents");
    press(&mut h, egui::Modifiers::NONE, egui::Key::Escape);
    assert!(h.state().presentation().is_none(), "Esc leaves");

    press(&mut h, egui::Modifiers::COMMAND, egui::Key::Q);
    assert!(h.state().is_closing(), "Ctrl+Q quits (nothing unsaved)");
}
