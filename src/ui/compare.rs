//! The comparison view: the open scenarios the user chooses, side by side,
//! with their results (and each one's difference from the first chosen) and
//! the inputs in which they differ.

use std::collections::BTreeSet;

use egui::{RichText, Ui};

use crate::kit::format::percent;
use crate::model::Assessment;
use crate::plots::readings::{main_axis, range};

use crate::scenario::parameters::{CATALOGUE, value};
use crate::scenario::reference::resolve;
use crate::scenario::{Scenario, UnitKind, templates};

use super::document::Document;
use crate::kit::choices::Choice;
use crate::kit::format::figure;

/// One input as it reads in each compared scenario.
#[derive(Clone, Debug, PartialEq)]
pub struct InputRow {
    /// What the input is.
    pub label: String,
    /// Its value in each scenario, in the same order.
    pub values: Vec<String>,
}

impl InputRow {
    /// Whether the scenarios differ in this input.
    pub fn differs(&self) -> bool {
        self.values.windows(2).any(|w| w[0] != w[1])
    }
}

/// The inputs of each scenario, row by row (all rows; filter with `differs`).
pub fn input_rows(scenarios: &[&Scenario]) -> Vec<InputRow> {
    let mut rows = Vec::new();
    let mut row = |label: &str, f: &dyn Fn(&Scenario) -> String| {
        rows.push(InputRow {
            label: label.to_owned(),
            values: scenarios.iter().map(|scenario| f(scenario)).collect(),
        });
    };
    row("Arrangements", &|scenario| {
        join(
            scenario
                .arrangements
                .iter()
                .map(|a| templates::kind_name(a.kind).to_owned()),
        )
    });
    row("Protected states", &|scenario| {
        let mut ids: Vec<String> = scenario
            .arrangements
            .iter()
            .flat_map(|a| a.protected_states.iter().cloned())
            .collect();
        ids.dedup();
        join(ids.into_iter())
    });
    row("Guarantors", &|scenario| {
        join(scenario.arrangements.iter().flat_map(|a| {
            a.guarantors.iter().map(|g| {
                format!(
                    "{} ({}, {})",
                    g.state,
                    g.obligation.label(),
                    g.formality.label()
                )
            })
        }))
    });
    row("Nuclear umbrella", &|scenario| {
        join(scenario.arrangements.iter().flat_map(|a| {
            a.guarantors
                .iter()
                .filter(|g| g.nuclear_umbrella)
                .map(|g| g.state.clone())
        }))
    });
    row("Guarantor troops present", &|scenario| {
        figure(troops(scenario, |days| days <= 0.0))
    });
    row("Guarantor combat aircraft", &|scenario| {
        figure(aircraft(scenario))
    });
    row("Guarantor troops pledged", &|scenario| {
        figure(troops(scenario, |days| days > 0.0))
    });
    row("Void clauses", &|scenario| {
        join(
            scenario
                .arrangements
                .iter()
                .flat_map(|a| a.void_clauses.iter().map(|c| c.kind.label().to_owned())),
        )
    });
    row("Restraints", &|scenario| {
        join(scenario.arrangements.iter().flat_map(|a| {
            a.restraints.iter().map(|r| match r.limit {
                Some(l) => format!("{} {}", r.kind.label(), figure(l)),
                None => r.kind.label().to_owned(),
            })
        }))
    });
    row("Compensation demanded", &|scenario| {
        yes_no(
            scenario
                .arrangements
                .iter()
                .any(|a| a.compensation.is_some()),
        )
    });
    row("Sunset", &|scenario| {
        join(
            scenario
                .arrangements
                .iter()
                .filter_map(|a| a.sunset_years)
                .map(|y| format!("{y} years")),
        )
    });
    row("Protected state's defence spending", &|scenario| {
        protected_figure(scenario, |r| {
            format!("{} % of GDP", figure(r.defence_pct_gdp))
        })
    });
    row("Protected state's active troops", &|scenario| {
        protected_figure(scenario, |r| figure(r.active_troops))
    });
    row("Adversary theatre forces", &|scenario| {
        figure(scenario.adversary.theatre_troops)
    });
    row("Horizon", &|scenario| {
        format!("{} years", scenario.horizon_years)
    });
    row("Timeline (steps in the order taken)", &|scenario| {
        let steps = crate::scenario::timeline::in_order(&scenario.timeline.steps);
        if steps.is_empty() {
            return "none: one snapshot".into();
        }
        steps
            .iter()
            .map(|(month, step)| format!("month {month}: {}", step.name))
            .collect::<Vec<_>>()
            .join("; ")
    });
    for p in CATALOGUE {
        row(p.label, &|scenario| {
            let u = value(scenario, p.key);
            format!("{} ({}–{})", u.likely, u.low, u.high)
        });
    }
    rows
}

/// Guarantor troops (not aircraft) present or pledged, as `when` picks them.
fn troops(scenario: &Scenario, when: fn(f64) -> bool) -> f64 {
    guarantor_forces(scenario, when, |f| f.kind != UnitKind::CombatAircraft)
}

/// Guarantor combat aircraft, present or pledged alike.
fn aircraft(scenario: &Scenario) -> f64 {
    guarantor_forces(scenario, |_| true, |f| f.kind == UnitKind::CombatAircraft)
}

fn guarantor_forces(
    scenario: &Scenario,
    when: fn(f64) -> bool,
    kind: fn(&crate::scenario::ForceCommitment) -> bool,
) -> f64 {
    scenario
        .arrangements
        .iter()
        .flat_map(|a| a.guarantors.iter())
        .flat_map(|g| g.forces.iter())
        .filter(|f| when(f.arrival_days) && kind(f))
        .map(|f| f.troops)
        .fold(0.0, |a, b| a + b)
}

fn protected_figure(
    scenario: &Scenario,
    f: fn(&crate::scenario::reference::ResolvedState) -> String,
) -> String {
    let Some(id) = scenario
        .arrangements
        .iter()
        .flat_map(|a| a.protected_states.first())
        .next()
    else {
        return "—".into();
    };
    scenario
        .states
        .iter()
        .find(|e| e.id == *id)
        .and_then(|e| resolve(e).ok())
        .map(|r| f(&r))
        .unwrap_or_else(|| "—".into())
}

fn join(items: impl Iterator<Item = String>) -> String {
    let v: Vec<String> = items.collect();
    if v.is_empty() {
        "—".into()
    } else {
        v.join(", ")
    }
}

fn yes_no(b: bool) -> String {
    if b { "yes".into() } else { "no".into() }
}

/// Which open scenarios the comparison leaves out (by document id); every
/// other open scenario, one opened later too, is compared.
#[derive(Default)]
pub struct CompareChoice {
    /// Documents the user unticked.
    pub left_out: BTreeSet<u64>,
}

/// One result as it reads in each compared scenario: the first's figure,
/// then each other's with its difference from the first.
#[derive(Clone, Debug, PartialEq)]
pub struct ResultRow {
    /// What the figure is.
    pub label: String,
    /// Its reading in each scenario, in the same order ("assessing…" while
    /// a scenario has no result yet).
    pub values: Vec<String>,
}

/// A figure of a state's assessment that can be told apart between
/// scenarios: its label, its reading, and the share it is (for the
/// difference, in percentage points) if it is one.
type Figure = (
    &'static str,
    fn(&crate::model::StateAssessment) -> (String, Option<f64>),
);

/// The results compared, in the order the assessment panel gives them.
const FIGURES: &[Figure] = &[
    ("Protected state assessed", |s| (s.name.clone(), None)),
    ("Chance of attack", |s| {
        let d = &s.decision.chance_of_attack;
        (range(d), Some(d.mean))
    }),
    ("Credibility (a guarantor fights)", |s| {
        let d = &s.credibility.arrangement;
        (range(d), Some(d.mean))
    }),
    ("Time to objective, main axis", |s| (main_axis(s).0, None)),
    ("Defence burden, % of GDP a year", |s| {
        let b = s.burden.total_pct_gdp;
        (format!("{b:.1}%"), Some(b / 100.0))
    }),
    ("Acceptable to the adversary", |s| {
        let d = &s.acceptability.adversary;
        (range(d), Some(d.mean))
    }),
    ("Acceptable to the protected state", |s| {
        let p = s.acceptability.protected_state;
        (percent(p), Some(p))
    }),
    ("Windows over time", |s| {
        let windows: Vec<String> = s
            .windows
            .iter()
            .map(|w| {
                let kind = match w.kind {
                    crate::model::WindowKind::Vulnerability => "vulnerability",
                    crate::model::WindowKind::CommitmentProblem => "commitment problem",
                };
                format!("{kind}, months {}–{}", w.start_month, w.end_month)
            })
            .collect();
        let text = if windows.is_empty() {
            "none".to_owned()
        } else {
            windows.join("; ")
        };
        (text, None)
    }),
];

/// The results of each scenario (its first protected state), row by row,
/// each after the first with its difference from the first in points.
pub fn result_rows(results: &[Option<&Assessment>]) -> Vec<ResultRow> {
    let firsts: Vec<_> = results
        .iter()
        .map(|r| r.and_then(|a| a.states.first()))
        .collect();
    FIGURES
        .iter()
        .map(|(label, figure)| {
            let base = firsts.first().copied().flatten().and_then(|s| figure(s).1);
            let values = firsts
                .iter()
                .enumerate()
                .map(|(i, state)| match state {
                    None => "assessing…".to_owned(),
                    Some(state) => {
                        let (text, share) = figure(state);
                        match (i, base, share) {
                            (1.., Some(b), Some(v)) => format!("{text}  {}", points(v - b)),
                            _ => text,
                        }
                    }
                })
                .collect();
            ResultRow {
                label: (*label).to_owned(),
                values,
            }
        })
        .collect()
}

/// A difference of shares as signed percentage points, e.g. "(−9.2 pts)".
fn points(d: f64) -> String {
    let pts = 100.0 * d;
    if pts.abs() < 0.05 {
        "(same)".into()
    } else if pts > 0.0 {
        format!("(+{pts:.1} pts)")
    } else {
        format!("(−{:.1} pts)", -pts)
    }
}

/// One open scenario for the comparison: its document, its tab's title and
/// its latest result.
pub struct Compared<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Its tab's title (unique among the tabs).
    pub title: String,
    /// Its latest assessment, if any.
    pub result: Option<std::sync::Arc<Assessment>>,
}

/// Draws the comparison: a tick box per open scenario, then the chosen
/// ones' results (differences from the first chosen) and differing inputs.
pub fn show(ui: &mut Ui, choice: &mut CompareChoice, open: &[Compared<'_>]) {
    ui.heading("Compare scenarios");
    ui.horizontal_wrapped(|ui| {
        ui.label("Compare:");
        for c in open {
            let mut on = !choice.left_out.contains(&c.doc.id());
            if ui.checkbox(&mut on, &c.title).changed() {
                if on {
                    choice.left_out.remove(&c.doc.id());
                } else {
                    choice.left_out.insert(c.doc.id());
                }
            }
        }
    });
    let chosen: Vec<&Compared<'_>> = open
        .iter()
        .filter(|c| !choice.left_out.contains(&c.doc.id()))
        .collect();
    if chosen.len() < 2 {
        ui.label("Tick two or more scenarios to compare them.");
        return;
    }
    let results: Vec<Option<&Assessment>> = chosen.iter().map(|c| c.result.as_deref()).collect();
    let scenarios: Vec<&Scenario> = chosen.iter().map(|c| c.doc.scenario()).collect();
    let rows = input_rows(&scenarios);
    let differing: Vec<&InputRow> = rows.iter().filter(|r| r.differs()).collect();
    ui.weak(format!(
        "Differences are from the first ticked, {}. {} of {} inputs differ.",
        chosen[0].title,
        differing.len(),
        rows.len()
    ));
    egui::ScrollArea::both().show(ui, |ui| {
        over_time(ui, &chosen);
        egui::Grid::new("compare_table")
            .striped(true)
            .num_columns(chosen.len() + 1)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.strong("Results");
                for c in &chosen {
                    ui.vertical(|ui| {
                        ui.set_max_width(COLUMN_WIDTH);
                        ui.add(egui::Label::new(RichText::new(&c.title).strong()).wrap());
                    });
                }
                ui.end_row();
                for row in result_rows(&results) {
                    table_row(ui, &row.label, &row.values);
                }
                ui.strong("Inputs that differ");
                ui.end_row();
                for row in differing {
                    table_row(ui, &row.label, &row.values);
                }
            });
    });
}

/// The chosen scenarios' chance of attack since the ceasefire over the
/// horizon (their first protected state), one line each: how sequences of
/// the same steps compare over time.
fn over_time(ui: &mut Ui, chosen: &[&Compared<'_>]) {
    let series: Vec<(String, &crate::model::StateAssessment)> = chosen
        .iter()
        .filter_map(|c| Some((c.title.clone(), c.result.as_deref()?.states.first()?)))
        .collect();
    if series.len() < 2 {
        return;
    }
    ui.strong("Chance of attack over time");
    crate::plots::over_time::compared(ui, &series, 180.0);
    ui.add_space(8.0);
}

/// Widest a scenario's column grows before its text wraps, points: five
/// scenarios fit a 1920-wide window; more scroll sideways.
const COLUMN_WIDTH: f32 = 210.0;

fn table_row(ui: &mut Ui, label: &str, values: &[String]) {
    ui.label(RichText::new(label).strong());
    for v in values {
        ui.vertical(|ui| {
            ui.set_max_width(COLUMN_WIDTH);
            ui.add(egui::Label::new(v).wrap());
        });
    }
    ui.end_row();
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::scenario::example;

    #[test]
    fn neutrality_and_nato_differ_in_guarantors_and_burden() {
        let a = example("armed-neutrality.bulwark.json");
        let b = example("nato-membership.bulwark.json");
        let rows = input_rows(&[&a, &b]);
        let differs = |label: &str| rows.iter().any(|r| r.label == label && r.differs());
        assert!(differs("Guarantors"));
        assert!(differs("Protected state's defence spending"));
        assert!(
            !differs("Adversary theatre forces"),
            "same adversary forces in both"
        );
    }

    #[test]
    fn results_read_side_by_side_with_each_difference_from_the_first() {
        let a = example("armed-neutrality.bulwark.json");
        let b = example("nato-membership.bulwark.json");
        let run = |s: &Scenario| crate::model::assess_with(s, 400, 1);
        let (ra, rb) = (run(&a), run(&b));
        let rows = result_rows(&[Some(&ra), Some(&rb), None]);
        let attack = rows
            .iter()
            .find(|r| r.label == "Chance of attack")
            .expect("a row");
        let (ma, mb) = (
            ra.states[0].decision.chance_of_attack.mean,
            rb.states[0].decision.chance_of_attack.mean,
        );
        assert_eq!(
            attack.values[0],
            range(&ra.states[0].decision.chance_of_attack)
        );
        assert!(
            attack.values[1].ends_with(&points(mb - ma)),
            "{:?}",
            attack.values
        );
        assert!(
            mb < ma && attack.values[1].contains("(−"),
            "NATO deters more"
        );
        assert_eq!(attack.values[2], "assessing…");
        assert_eq!(points(0.0), "(same)");
        assert_eq!(points(0.031), "(+3.1 pts)");
    }

    #[test]
    fn a_scenario_does_not_differ_from_itself() {
        let a = example("eastern-flank-today.bulwark.json");
        assert!(input_rows(&[&a, &a]).iter().all(|r| !r.differs()));
    }
}
