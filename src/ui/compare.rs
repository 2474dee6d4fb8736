//! The comparison view: two to four open scenarios side by side, with a table of
//! the inputs in which they differ.

use egui::{RichText, Ui};

use crate::scenario::parameters::{CATALOGUE, value};
use crate::scenario::reference::resolve;
use crate::scenario::{Scenario, UnitKind, templates};

use super::document::Document;
use crate::kit::choices::Choice;
use crate::kit::format::figure;

/// Most scenarios compared at once.
pub const MAX_COMPARED: usize = 4;

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

/// Draws the comparison of the first [`MAX_COMPARED`] open documents.
pub fn show(ui: &mut Ui, documents: &[&Document]) {
    let docs: Vec<&Document> = documents.iter().take(MAX_COMPARED).copied().collect();
    ui.heading("Compare scenarios");
    if documents.len() > MAX_COMPARED {
        ui.weak(format!(
            "Showing the first {MAX_COMPARED} of {} open scenarios.",
            documents.len()
        ));
    }
    let scenarios: Vec<&Scenario> = docs.iter().map(|d| d.scenario()).collect();
    let rows = input_rows(&scenarios);
    let differing: Vec<&InputRow> = rows.iter().filter(|r| r.differs()).collect();
    ui.label(format!(
        "{} of {} inputs differ between these scenarios.",
        differing.len(),
        rows.len()
    ));
    egui::ScrollArea::both().show(ui, |ui| {
        egui::Grid::new("compare_inputs")
            .striped(true)
            .num_columns(docs.len() + 1)
            .spacing([16.0, 6.0])
            .show(ui, |ui| {
                ui.strong("Input");
                for scenario in &scenarios {
                    ui.strong(&scenario.meta.title);
                }
                ui.end_row();
                for row in differing {
                    ui.label(RichText::new(&row.label).strong());
                    for v in &row.values {
                        ui.add(egui::Label::new(v).wrap());
                    }
                    ui.end_row();
                }
            });
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(name: &str) -> Scenario {
        let bytes = crate::assets::example(name).expect("example");
        crate::scenario::from_bytes(name, bytes).expect("valid")
    }

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
    fn a_scenario_does_not_differ_from_itself() {
        let a = example("eastern-flank-today.bulwark.json");
        assert!(input_rows(&[&a, &a]).iter().all(|r| !r.differs()));
    }
}
