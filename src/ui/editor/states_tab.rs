//! The Forces & economies tab: each state's figures, with the reference default
//! and its source beside any figure the scenario overrides, and a reset.

use egui::Ui;

use crate::kit::widgets::EditTracker;
use crate::scenario::reference::{DEFAULT_COMPOSITION, Reference, resolve};
use crate::scenario::{Composition, Scenario, StateEntry, StateFigures};

/// One editable figure: label, unit, range, and how to reach it in the figures.
struct Field {
    key: &'static str,
    label: &'static str,
    unit: &'static str,
    max: f64,
    /// The engine's value when neither the scenario nor the table gives one.
    fallback: f64,
    get: fn(&StateFigures) -> Option<f64>,
    slot: fn(&mut StateFigures) -> &mut Option<f64>,
}

const FIELDS: &[Field] = &[
    Field {
        key: "gdp_usd_bn",
        label: "GDP",
        unit: " bn USD",
        max: 1.0e6,
        fallback: 0.0,
        get: |f| f.gdp_usd_bn,
        slot: |f| &mut f.gdp_usd_bn,
    },
    Field {
        key: "defence_pct_gdp",
        label: "Defence spending",
        unit: " % of GDP",
        max: 100.0,
        fallback: 0.0,
        get: |f| f.defence_pct_gdp,
        slot: |f| &mut f.defence_pct_gdp,
    },
    Field {
        key: "active_troops",
        label: "Active troops",
        unit: " troops",
        max: 1.0e8,
        fallback: 0.0,
        get: |f| f.active_troops,
        slot: |f| &mut f.active_troops,
    },
    Field {
        key: "reserve_troops",
        label: "Reservists",
        unit: " reservists",
        max: 1.0e8,
        fallback: 0.0,
        get: |f| f.reserve_troops,
        slot: |f| &mut f.reserve_troops,
    },
    Field {
        key: "population_m",
        label: "Population",
        unit: " million",
        max: 1.0e4,
        fallback: 0.0,
        get: |f| f.population_m,
        slot: |f| &mut f.population_m,
    },
    Field {
        key: "quality",
        label: "Force quality",
        unit: "",
        max: 5.0,
        fallback: 1.0,
        get: |f| f.quality,
        slot: |f| &mut f.quality,
    },
    Field {
        key: "combat_aircraft",
        label: "Combat aircraft",
        unit: " aircraft",
        max: 1.0e5,
        fallback: 0.0,
        get: |f| f.combat_aircraft,
        slot: |f| &mut f.combat_aircraft,
    },
];

/// How to reach one kind's share in a force mix.
type Share = fn(&mut Composition) -> &mut f64;

/// The kinds of a force mix, with their labels, in the file's order.
const MIX: [(&str, Share); 8] = [
    ("Armoured", |c| &mut c.armoured),
    ("Mechanised", |c| &mut c.mechanised),
    ("Motorised / light", |c| &mut c.motorised),
    ("Airborne", |c| &mut c.airborne),
    ("Marines", |c| &mut c.marines),
    ("Artillery", |c| &mut c.artillery),
    ("Air defence", |c| &mut c.air_defence),
    ("Foot infantry", |c| &mut c.foot_infantry),
];

/// The shares of a force by kind of unit, edited as one override.
pub fn composition_rows(
    ui: &mut Ui,
    ed: &mut EditTracker,
    value: &mut Option<Composition>,
    default: Composition,
    source: &str,
) {
    ui.label("Force mix (shares of the troops by kind)")
        .on_hover_text(format!(
            "How the ground forces divide by kind of unit; default: {source}"
        ));
    let mut mix = value.unwrap_or(default);
    let before = mix;
    egui::Grid::new(ui.next_auto_id())
        .num_columns(4)
        .show(ui, |ui| {
            for (i, (label, slot)) in MIX.into_iter().enumerate() {
                if i > 0 && i % 2 == 0 {
                    ui.end_row();
                }
                let l = ui.label(label);
                let response = ui
                    .add(
                        crate::kit::widgets::grouped(egui::DragValue::new(slot(&mut mix)))
                            .range(0.0..=1.0)
                            .clamp_existing_to_range(false)
                            .speed(0.005),
                    )
                    .labelled_by(l.id)
                    .on_hover_text(format!(
                        "Share of the troops in {} units",
                        label.to_lowercase()
                    ));
                ed.track(response);
            }
        });
    if mix != before {
        *value = Some(mix);
    }
    if value.is_some()
        && ui
            .small_button("Reset mix")
            .on_hover_text(format!("Back to the default mix ({source})"))
            .clicked()
    {
        *value = None;
    }
}

/// Draws the tab.
pub fn show(ui: &mut Ui, ed: &mut EditTracker, scenario: &mut Scenario) {
    add_state(ui, scenario);
    let referenced = referenced_states(scenario);
    let mut remove = None;
    for (i, entry) in scenario.states.iter_mut().enumerate() {
        let name = resolve(entry)
            .map(|r| r.name)
            .unwrap_or_else(|_| entry.id.clone());
        let overridden = !entry.overrides.is_empty();
        let title = if overridden {
            format!("{name} ({}) — edited", entry.id)
        } else {
            format!("{name} ({})", entry.id)
        };
        // Open at first: the figures are what the tab is for.
        let header = egui::CollapsingHeader::new(title)
            .id_salt(("state", &entry.id))
            .default_open(true)
            .show(ui, |ui| {
                for field in FIELDS {
                    figure_row(ui, ed, entry, field);
                }
                let reference = Reference::get().state(&entry.id);
                let (default, source) = match reference.and_then(|r| r.figures.composition) {
                    Some(mix) => (mix, "the reference table"),
                    None => (
                        DEFAULT_COMPOSITION,
                        "the engine's default mix, an assumption",
                    ),
                };
                composition_rows(ui, ed, &mut entry.overrides.composition, default, source);
                let in_use = referenced.contains(&entry.id);
                if ui
                    .add_enabled(!in_use, egui::Button::new("Remove state"))
                    .on_hover_text("Remove the state from the scenario")
                    .on_disabled_hover_text(
                        "The state is used by an arrangement, axis or the adversary",
                    )
                    .clicked()
                {
                    remove = Some(i);
                }
            });
        header.header_response.on_hover_text(format!(
            "Show or hide {name}'s forces and economy{}",
            if overridden {
                " (some figures differ from the reference)"
            } else {
                ""
            }
        ));
    }
    if let Some(i) = remove {
        scenario.states.remove(i);
    }
}

fn figure_row(ui: &mut Ui, ed: &mut EditTracker, entry: &mut StateEntry, field: &Field) {
    let reference = Reference::get().state(&entry.id);
    let default = reference.and_then(|r| (field.get)(&r.figures));
    let source = reference
        .and_then(|r| r.sources.get(field.key))
        .map(String::as_str)
        .unwrap_or("No reference figure: this scenario's own value");
    let current = (field.get)(&entry.overrides).or(default);
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(field.label);
        let mut value = current.unwrap_or(field.fallback);
        let speed = (value.abs() / 200.0).max(0.01);
        let response = ui
            .add(
                crate::kit::widgets::grouped(egui::DragValue::new(&mut value))
                    .range(0.0..=field.max)
                    .clamp_existing_to_range(false)
                    .speed(speed)
                    .suffix(field.unit),
            )
            .labelled_by(label.id)
            .on_hover_text(format!(
                "{}{}. Source of the default: {source}",
                field.label,
                if field.unit.is_empty() {
                    String::new()
                } else {
                    format!(",{}", field.unit)
                }
            ));
        if response.changed() {
            *(field.slot)(&mut entry.overrides) = Some(value);
        }
        ed.track(response);
        if let (Some(over), Some(def)) = ((field.get)(&entry.overrides), default)
            && over != def
        {
            let text = format!("default {}{}", crate::kit::format::figure(def), field.unit);
            ui.add(egui::Label::new(egui::RichText::new(text).weak()).extend());
            if ui
                .small_button("Reset")
                .on_hover_text(format!("Back to the reference figure ({source})"))
                .clicked()
            {
                *(field.slot)(&mut entry.overrides) = None;
            }
        }
    });
}

fn add_state(ui: &mut Ui, scenario: &mut Scenario) {
    let missing: Vec<(String, String)> = Reference::get()
        .states()
        .iter()
        .filter(|r| !scenario.states.iter().any(|e| e.id == r.id))
        .map(|r| {
            (
                r.id.clone(),
                r.figures.name.clone().unwrap_or_else(|| r.id.clone()),
            )
        })
        .collect();
    ui.menu_button("Add state", |ui| {
        for (id, name) in missing {
            if ui.button(&name).clicked() {
                scenario.states.push(StateEntry {
                    id,
                    overrides: StateFigures::default(),
                });
            }
        }
    })
    .response
    .on_hover_text("Add a state from the reference table");
}

fn referenced_states(scenario: &Scenario) -> Vec<String> {
    let mut ids = vec![scenario.adversary.state.clone()];
    for a in &scenario.arrangements {
        ids.extend(a.protected_states.iter().cloned());
        for g in &a.guarantors {
            ids.push(g.state.clone());
            ids.extend(g.forces.iter().map(|f| f.stationed_in.clone()));
        }
    }
    ids.extend(scenario.axes.iter().map(|x| x.defender.clone()));
    ids
}
