//! The Adversary tab: which state, its forces for the theatre, its demands with
//! their weights, and its preconditions.

use egui::Ui;

use crate::kit::choices::Choice;
use crate::kit::widgets::{self, EditTracker};
use crate::scenario::{Demand, DemandKind, Scenario};

use super::state_options;

/// The kind, quality and air power of the adversary's theatre forces: its
/// own, or (until edited) its state's.
fn forces(ui: &mut Ui, ed: &mut EditTracker, scenario: &mut Scenario) {
    let state = scenario
        .states
        .iter()
        .find(|s| s.id == scenario.adversary.state)
        .and_then(|entry| crate::scenario::reference::resolve(entry).ok());
    let adversary = &mut scenario.adversary;
    let mut quality = adversary
        .quality
        .or(state.as_ref().map(|s| s.quality))
        .unwrap_or(1.0);
    let before = quality;
    widgets::number(
        ui,
        ed,
        "Force quality",
        &mut quality,
        0.0..=5.0,
        "",
        "Training and equipment of the theatre forces: 1 for a trained, equipped force of its time",
    );
    if quality != before {
        adversary.quality = Some(quality);
    }
    // Shown in whole aircraft; left unset (following the theatre troops)
    // until edited.
    let mut aircraft =
        crate::scenario::reference::adversary_aircraft(adversary, state.as_ref()).round();
    let before = aircraft;
    widgets::number(
        ui,
        ed,
        "Combat aircraft",
        &mut aircraft,
        0.0..=1.0e5,
        " aircraft",
        "Combat aircraft committed to the theatre; they fight for the air, then support the ground forces. Unless set, the share of its state's air force that the theatre troops are of its army",
    );
    if aircraft != before {
        adversary.combat_aircraft = Some(aircraft);
    }
    widgets::check(
        ui,
        ed,
        "Surprise attack",
        &mut adversary.surprise,
        "The attack comes as a surprise: first strikes catch a share of the defender's aircraft on the ground",
    );
    let default = state
        .map(|s| s.composition)
        .unwrap_or(crate::scenario::reference::DEFAULT_COMPOSITION);
    super::states_tab::composition_rows(
        ui,
        ed,
        &mut adversary.composition,
        default,
        "the adversary state's mix",
    );
}

/// The region a territorial demand names and its share of the state; met by
/// an arrangement that cedes it (none: the settlement line decides).
fn region(ui: &mut Ui, ed: &mut EditTracker, d: &mut Demand) {
    let mut name = d.region.clone().unwrap_or_default();
    widgets::text(
        ui,
        ed,
        "Region",
        &mut name,
        "The region demanded, e.g. Sudetenland; an arrangement that cedes a region of this name meets the demand (empty: the settlement line decides)",
    );
    d.region = (!name.trim().is_empty()).then_some(name);
    if d.region.is_some() {
        let mut share = d.share.unwrap_or(0.0);
        let before = share;
        widgets::slider(
            ui,
            ed,
            "Share of the state",
            &mut share,
            0.0..=1.0,
            2,
            "",
            "The region's share of the protected state's territory: ceding it weighs against the settlement for the protected state",
        );
        if share != before {
            d.share = Some(share);
        }
    }
}

/// Draws the tab.
pub fn show(ui: &mut Ui, ed: &mut EditTracker, scenario: &mut Scenario) {
    let options = state_options(scenario);
    widgets::state_choice(
        ui,
        ed,
        "Adversary",
        &mut scenario.adversary.state,
        &options,
        "The state whose attack the arrangements are meant to deter",
    );
    widgets::number(
        ui,
        ed,
        "Theatre forces",
        &mut scenario.adversary.theatre_troops,
        0.0..=1.0e7,
        " troops",
        "Ground forces the adversary can commit to the theatre",
    );
    forces(ui, ed, scenario);
    ui.separator();
    ui.horizontal(|ui| {
        ui.strong("Demands");
        ui.menu_button("Add demand", |ui| {
            for kind in DemandKind::ALL {
                if ui.button(kind.label()).on_hover_text(kind.help()).clicked() {
                    scenario.adversary.demands.push(Demand {
                        kind: *kind,
                        weight: 0.5,
                        text: String::new(),
                        region: None,
                        share: None,
                        area: Vec::new(),
                        met: None,
                    });
                }
            }
        })
        .response
        .on_hover_text("What the adversary demands of a settlement");
    });
    let mut remove = None;
    for (i, d) in scenario.adversary.demands.iter_mut().enumerate() {
        ui.push_id(("demand", i), |ui| {
            ui.group(|ui| {
                ui.horizontal(|ui| {
                    widgets::choice(ui, ed, "Demand", &mut d.kind);
                    if ui
                        .small_button("Remove")
                        .on_hover_text("Remove this demand")
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                widgets::slider(
                    ui,
                    ed,
                    "Weight",
                    &mut d.weight,
                    0.0..=1.0,
                    2,
                    "",
                    "How much it matters to the adversary: 0 indifferent, 1 non-negotiable",
                );
                widgets::text_block(
                    ui,
                    ed,
                    "Text",
                    &mut d.text,
                    "The demand in words, with its source",
                );
                if d.kind == DemandKind::Territory {
                    region(ui, ed, d);
                }
                if !d.area.is_empty() {
                    ui.horizontal(|ui| {
                        ui.weak(format!(
                            "Outlined on the map ({} points); its share was worked out from it",
                            d.area.len()
                        ));
                        if ui
                            .small_button("Remove outline")
                            .on_hover_text("Remove the area drawn on the map; the demand stays")
                            .clicked()
                        {
                            d.area.clear();
                        }
                    });
                }
            });
        });
    }
    if let Some(i) = remove {
        scenario.adversary.demands.remove(i);
    }
    ui.separator();
    ui.strong("Preconditions");
    let mut remove = None;
    for (i, p) in scenario.adversary.preconditions.iter_mut().enumerate() {
        ui.push_id(("precondition", i), |ui| {
            widgets::text_block(
                ui,
                ed,
                "Precondition",
                p,
                "A condition set before guarantees are discussed",
            );
            if ui
                .small_button("Remove")
                .on_hover_text("Remove this precondition")
                .clicked()
            {
                remove = Some(i);
            }
        });
    }
    if let Some(i) = remove {
        scenario.adversary.preconditions.remove(i);
    }
    if ui
        .button("Add precondition")
        .on_hover_text("A condition the adversary sets before it will discuss guarantees")
        .clicked()
    {
        scenario.adversary.preconditions.push(String::new());
    }
}
