//! The Timeline tab: the settlement over time — steps after the ceasefire,
//! each changing the scenario from its month on (a guarantee activated,
//! forces arriving, a demand met, the adversary rebuilding), a step waiting
//! on another, and the periods the chance of attack is reported by. The strip
//! under the map shows the same steps, moves them and sets the month shown.

use egui::Ui;

use crate::kit::choices::Choice;
use crate::kit::steps;
use crate::kit::widgets::{self, EditTracker};
use crate::scenario::{
    ArrangementStatus, Change, DemandKind, LinePreset, Movement, RestraintKind, Scenario, Step,
    timeline,
};

use super::{EditorState, part_warnings};

/// Draws the tab.
pub fn show(
    ui: &mut Ui,
    ed: &mut EditTracker,
    state: &mut EditorState,
    scenario: &mut Scenario,
    warnings: &[crate::scenario::Problem],
) {
    ui.weak(
        "Steps after the ceasefire, each changing the scenario from its month on. The strip \
         under the map shows them: drag a step there to move it, and click or drag the strip to \
         see the scenario, on the map and in the assessment, at any month.",
    );
    widgets::choice(
        ui,
        ed,
        "Report the chance of attack by",
        &mut scenario.timeline.period,
    );
    let horizon = scenario.horizon_years * 12.0;
    let others: Vec<(String, String)> = scenario
        .timeline
        .steps
        .iter()
        .map(|s| (s.id.clone(), s.name.clone()))
        .collect();
    let taken = timeline::taken_months(&scenario.timeline.steps);
    let view = scenario.clone();
    let mut remove = None;
    let opened = state.step.take();
    for (i, step) in scenario.timeline.steps.iter_mut().enumerate() {
        ui.push_id(("step", i), |ui| {
            let title = format!("{}: {}", steps::month(taken[i]), step.name);
            let mut header = egui::CollapsingHeader::new(title).id_salt(("step_header", i));
            if opened == Some(i) {
                header = header.open(Some(true));
            }
            header.show(ui, |ui| {
                part_warnings(ui, warnings, &format!("timeline.steps[{i}]"));
                ui.weak(steps::describe(&view, step));
                widgets::text(ui, ed, "Name", &mut step.name, "What the step is, in the drafts' words");
                widgets::number(ui, ed, "Month", &mut step.month, 0.0..=horizon, " months", "Months after the ceasefire at which the step is taken (at the earliest, when it waits on another)");
                waits_on(ui, ed, step, &others);
                change(ui, ed, &view, &mut step.change);
                widgets::text_block(ui, ed, "Notes", &mut step.notes, "The step's source or reasoning (Markdown)");
                if ui
                    .button("Remove step")
                    .on_hover_text("Remove this step (Undo brings it back)")
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        let id = scenario.timeline.steps.remove(i).id;
        for s in &mut scenario.timeline.steps {
            if s.after.as_deref() == Some(id.as_str()) {
                s.after = None;
            }
        }
        ed.group = None;
    }
    add(ui, scenario, ed);
}

/// The step this one waits on, or none.
fn waits_on(ui: &mut Ui, ed: &mut EditTracker, step: &mut Step, others: &[(String, String)]) {
    let mut options = vec![(String::new(), "no other step".to_owned())];
    options.extend(others.iter().filter(|(id, _)| *id != step.id).cloned());
    let mut chosen = step.after.clone().unwrap_or_default();
    widgets::state_choice(
        ui,
        ed,
        "Waits on",
        &mut chosen,
        &options,
        "A step this one waits on: it is taken at its own month or that step's, whichever is later",
    );
    step.after = (!chosen.is_empty()).then_some(chosen);
}

/// The fields of the step's change, by its kind.
fn change(ui: &mut Ui, ed: &mut EditTracker, scenario: &Scenario, change: &mut Change) {
    let arrangements: Vec<(String, String)> = scenario
        .arrangements
        .iter()
        .map(|a| (a.id.clone(), a.name.clone()))
        .collect();
    let tip = "The arrangement the step changes";
    match change {
        Change::Arrangement {
            arrangement,
            status,
        } => {
            widgets::state_choice(ui, ed, "Arrangement", arrangement, &arrangements, tip);
            widgets::choice(ui, ed, "Becomes", status);
        }
        Change::Unit {
            arrangement,
            guarantor,
            unit,
            movement,
        } => {
            widgets::state_choice(ui, ed, "Arrangement", arrangement, &arrangements, tip);
            let a = scenario.arrangements.iter().find(|a| a.id == *arrangement);
            let guarantors: Vec<(String, String)> = a
                .map(|a| {
                    a.guarantors
                        .iter()
                        .map(|g| {
                            (
                                g.state.clone(),
                                crate::scenario::reference::state_name(scenario, &g.state),
                            )
                        })
                        .collect()
                })
                .unwrap_or_default();
            widgets::state_choice(ui, ed, "Guarantor", guarantor, &guarantors, "Whose unit");
            let units: Vec<(String, String)> = a
                .and_then(|a| a.guarantors.iter().find(|g| g.state == *guarantor))
                .map(|g| {
                    g.forces
                        .iter()
                        .map(|f| (f.label.clone(), f.label.clone()))
                        .collect()
                })
                .unwrap_or_default();
            widgets::state_choice(ui, ed, "Unit", unit, &units, "The unit that moves");
            widgets::choice(ui, ed, "It", movement);
        }
        Change::Restraint {
            arrangement,
            restraint,
            in_force,
        } => {
            widgets::state_choice(ui, ed, "Arrangement", arrangement, &arrangements, tip);
            widgets::choice(ui, ed, "Restraint", restraint);
            widgets::check(
                ui,
                ed,
                "In force from this step",
                in_force,
                "Ticked: the restraint comes into force; unticked: it is lifted",
            );
        }
        Change::DemandMet {
            demand,
            region,
            met,
        } => {
            let demands: Vec<(String, String)> = scenario
                .adversary
                .demands
                .iter()
                .map(|d| {
                    let key = demand_key(d.kind, d.region.as_deref());
                    let name = d
                        .region
                        .clone()
                        .unwrap_or_else(|| d.kind.label().to_owned());
                    (key, name)
                })
                .collect();
            let mut key = demand_key(*demand, region.as_deref());
            widgets::state_choice(
                ui,
                ed,
                "Demand",
                &mut key,
                &demands,
                "The adversary's demand the step meets",
            );
            if let Some(d) = scenario
                .adversary
                .demands
                .iter()
                .find(|d| demand_key(d.kind, d.region.as_deref()) == key)
            {
                (*demand, *region) = (d.kind, d.region.clone());
            }
            let mut percent = *met * 100.0;
            widgets::slider(
                ui,
                ed,
                "Met",
                &mut percent,
                0.0..=100.0,
                0,
                " %",
                "How far the demand is met from this step on",
            );
            *met = (percent / 100.0).clamp(0.0, 1.0);
        }
        Change::Snapback { arrangement, on } => {
            widgets::state_choice(ui, ed, "Arrangement", arrangement, &arrangements, tip);
            widgets::check(
                ui,
                ed,
                "Snap-back in force from this step",
                on,
                "Ticked: sanctions snap back if the adversary attacks",
            );
        }
        Change::AdversaryRebuilds {
            troops_per_year,
            up_to,
        } => {
            rate_range(ui, ed, troops_per_year);
            widgets::optional_number(
                ui,
                ed,
                (
                    "Up to",
                    "Ticked: the forces grow (or shrink) only to a limit",
                ),
                ("", "The theatre troops it grows or shrinks to"),
                up_to,
                (scenario.adversary.theatre_troops, 0.0..=1.0e8, " troops"),
            );
        }
        Change::SettlementLine { line } => {
            let before = line.preset;
            widgets::choice(ui, ed, "Line", &mut line.preset);
            if line.preset == LinePreset::Custom
                && before != LinePreset::Custom
                && line.custom.len() < 2
            {
                // Start from the line as the scenario draws it, to be edited on the map.
                let shown = crate::scenario::settlement::vertices(&scenario.settlement_line)
                    .unwrap_or_default();
                line.custom = shown
                    .into_iter()
                    .map(|(lon, lat)| crate::scenario::GeoPoint { lon, lat })
                    .collect();
            }
            ui.weak("To draw the line, show a month after this step and use Edit line on the map.");
        }
        Change::AdversaryForces { troops } => {
            widgets::number(
                ui,
                ed,
                "Troops",
                troops,
                -1.0e7..=1.0e7,
                "",
                "Troops added at once (negative: withdrawn behind a line)",
            );
        }
    }
}

/// A rate of rebuilding as a range: low, most likely, high (the Monte Carlo
/// draws it), each held in order as the others move.
fn rate_range(ui: &mut Ui, ed: &mut EditTracker, u: &mut crate::scenario::Uncertain) {
    let tip = "Troops added to the adversary's theatre forces each year (negative: demobilised), \
               an assumption unless the notes give a source; the Monte Carlo draws it from the range";
    widgets::number(
        ui,
        ed,
        "Troops a year, most likely",
        &mut u.likely,
        -1.0e6..=1.0e6,
        "",
        tip,
    );
    ui.horizontal(|ui| {
        widgets::number(
            ui,
            ed,
            "Low",
            &mut u.low,
            -1.0e6..=1.0e6,
            "",
            "Low end of the range",
        );
        widgets::number(
            ui,
            ed,
            "High",
            &mut u.high,
            -1.0e6..=1.0e6,
            "",
            "High end of the range",
        );
    });
    u.low = u.low.min(u.likely);
    u.high = u.high.max(u.likely);
}

/// A demand's kind and region as one key for the demand picker.
fn demand_key(kind: DemandKind, region: Option<&str>) -> String {
    format!("{}|{}", kind.label(), region.unwrap_or(""))
}

/// The "Add step" menu: one entry per kind of change, each filled in from
/// what the scenario has (the first arrangement, demand …), disabled where
/// the scenario has nothing for it to change.
fn add(ui: &mut Ui, scenario: &mut Scenario, ed: &mut EditTracker) {
    let candidates = new_changes(scenario);
    ui.menu_button("Add step", |ui| {
        for (change, ready) in candidates {
            let label = steps::kind_label(&change);
            let button = ui.add_enabled(ready, egui::Button::new(label));
            let button = button.on_disabled_hover_text("The scenario has nothing this step could change yet");
            if button.clicked() {
                let month = scenario.timeline.steps.iter().map(|s| s.month).fold(0.0, f64::max);
                let step = Step {
                    id: new_id(scenario),
                    name: label.trim_end_matches('…').to_owned(),
                    month: if scenario.timeline.steps.is_empty() { 0.0 } else { (month + 6.0).min(scenario.horizon_years * 12.0) },
                    after: None,
                    change,
                    notes: String::new(),
                };
                scenario.timeline.steps.push(step);
                ed.group = None;
                ui.close();
            }
        }
    })
    .response
    .on_hover_text("Add a step to the settlement: an arrangement signed or activated, forces arriving, a demand met, the adversary rebuilding …");
}

/// A step id not yet taken: "step-1", "step-2" …
fn new_id(scenario: &Scenario) -> String {
    (1..)
        .map(|n| format!("step-{n}"))
        .find(|id| scenario.timeline.steps.iter().all(|s| s.id != *id))
        .unwrap_or_default()
}

/// Each kind of change filled in from the scenario, and whether it has
/// something to change.
fn new_changes(scenario: &Scenario) -> Vec<(Change, bool)> {
    let first = scenario.arrangements.first().map(|a| a.id.clone());
    let unit = scenario.arrangements.iter().find_map(|a| {
        a.guarantors.iter().find_map(|g| {
            g.forces
                .first()
                .map(|f| (a.id.clone(), g.state.clone(), f.label.clone()))
        })
    });
    let restraint = scenario
        .arrangements
        .iter()
        .find_map(|a| a.restraints.first().map(|r| (a.id.clone(), r.kind)));
    let demand = scenario.adversary.demands.first();
    let troops = scenario.adversary.theatre_troops;
    vec![
        (
            Change::Arrangement {
                arrangement: first.clone().unwrap_or_default(),
                status: ArrangementStatus::Activated,
            },
            first.is_some(),
        ),
        (
            match &unit {
                Some((a, g, u)) => Change::Unit {
                    arrangement: a.clone(),
                    guarantor: g.clone(),
                    unit: u.clone(),
                    movement: Movement::Arrives,
                },
                None => Change::Unit {
                    arrangement: String::new(),
                    guarantor: String::new(),
                    unit: String::new(),
                    movement: Movement::Arrives,
                },
            },
            unit.is_some(),
        ),
        (
            Change::Restraint {
                arrangement: restraint.as_ref().map(|r| r.0.clone()).unwrap_or_default(),
                restraint: restraint.as_ref().map_or(RestraintKind::ForceCap, |r| r.1),
                in_force: true,
            },
            restraint.is_some(),
        ),
        (
            Change::DemandMet {
                demand: demand.map_or(DemandKind::RootCauses, |d| d.kind),
                region: demand.and_then(|d| d.region.clone()),
                met: 1.0,
            },
            demand.is_some(),
        ),
        (
            Change::Snapback {
                arrangement: first.clone().unwrap_or_default(),
                on: true,
            },
            first.is_some(),
        ),
        (
            Change::AdversaryRebuilds {
                troops_per_year: {
                    let likely = (troops * 0.05).round();
                    crate::scenario::Uncertain::new(0.0, likely, 2.0 * likely)
                },
                up_to: None,
            },
            true,
        ),
        (
            Change::AdversaryForces {
                troops: -(troops * 0.1).round(),
            },
            true,
        ),
        (
            Change::SettlementLine {
                line: scenario.settlement_line.clone(),
            },
            true,
        ),
    ]
}
