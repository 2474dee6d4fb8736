//! Every control of the editing and assessment panels can be reached by name and
//! explains itself, and the left panel works from the keyboard.

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT as _, Queryable};

use bulwark::ui::BulwarkApp;
use bulwark::ui::app::StartOptions;

fn harness(size: egui::Vec2) -> Harness<'static, BulwarkApp> {
    Harness::builder().with_size(size).build_eframe(|cc| {
        let options = StartOptions {
            inline_assessment: true,
            ..StartOptions::default()
        };
        BulwarkApp::with_options(cc, options)
    })
}

/// Runs the assessment to completion and draws the result.
fn assessed(h: &mut Harness<'_, BulwarkApp>) {
    h.run();
    h.state_mut().runner.finish_blocking();
    h.run();
}

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
    let left_edge = h.get_by_label("Layers:").rect().left();
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
    let mut h = harness(egui::vec2(1600.0, 1000.0));
    // The default example has guarantors, forces, void clauses, restraints,
    // compensation and a sunset, so every kind of control is on show.
    assessed(&mut h);
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
