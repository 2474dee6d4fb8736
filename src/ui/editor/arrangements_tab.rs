//! The Arrangements tab: add (from a template), duplicate and remove
//! arrangements; edit the protected states, guarantors with their obligation,
//! formality, trigger, forces and nuclear umbrella; void clauses, restraints,
//! compensation and sunset.

use egui::Ui;

use crate::kit::choices::Choice;
use crate::kit::widgets::{self, EditTracker};
use crate::scenario::axes;
use crate::scenario::{
    Arrangement, Clause, Compensation, ForceCommitment, Formality, Guarantor, Obligation,
    Restraint, RestraintKind, Scenario, StateEntry, Trigger, VoidClauseKind, templates,
};

use super::{EditorState, state_options};

/// Draws the tab.
pub fn show(
    ui: &mut Ui,
    ed: &mut EditTracker,
    state: &mut EditorState,
    scenario: &mut Scenario,
    warnings: &[crate::scenario::Problem],
) {
    toolbar(ui, state, scenario);
    if scenario.arrangements.is_empty() {
        ui.weak("No arrangement yet: add one from a template above.");
        return;
    }
    state.arrangement = state.arrangement.min(scenario.arrangements.len() - 1);
    ui.separator();
    let options = state_options(scenario);
    let axes: Vec<(String, String)> = scenario
        .axes
        .iter()
        .map(|axis| (axis.id.clone(), axis.name.clone()))
        .collect();
    let adversary = scenario.adversary.state.clone();
    // Guarantors under other arrangements protecting the same states, whom a
    // commitment here may wait for.
    let elsewhere = other_guarantors(scenario, state.arrangement);
    super::part_warnings(
        ui,
        warnings,
        &format!("arrangements[{}]", state.arrangement),
    );
    let offers = standard_axes_offers(scenario, state.arrangement);
    let accepted = details(
        ui,
        ed,
        &mut scenario.arrangements[state.arrangement],
        (&options, &offers),
        &adversary,
    );
    for standard in accepted
        .and_then(|i| offers.get(i))
        .into_iter()
        .flat_map(|o| &o.1)
    {
        axes::add_standard_axis(scenario, standard);
    }
    let a = &mut scenario.arrangements[state.arrangement];
    scope(ui, ed, a, &axes);
    ui.separator();
    guarantors(ui, ed, a, (&options, &axes), &adversary, &elsewhere);
    ui.separator();
    clauses(ui, ed, a);
}

/// The standard axes offered for a state the arrangement protects: its
/// name, and the theatre library's axes into it.
type Offer = (
    String,
    Vec<&'static crate::scenario::new_case::StandardAxis>,
);

/// For each state the arrangement protects that has no axis of advance into
/// it, the theatre library's axes into it, to offer.
fn standard_axes_offers(scenario: &Scenario, arrangement: usize) -> Vec<Offer> {
    scenario.arrangements[arrangement]
        .protected_states
        .iter()
        .map(|id| {
            let name = crate::scenario::reference::state_name(scenario, id);
            (name, axes::standard_axes_offered(scenario, id))
        })
        .filter(|(_, offered)| !offered.is_empty())
        .collect()
}

/// Offers each state's standard axes, under the protected states; the
/// offer taken, if one was.
fn offer_standard_axes(ui: &mut Ui, offers: &[Offer]) -> Option<usize> {
    let mut accepted = None;
    for (i, (name, offered)) in offers.iter().enumerate() {
        let list: Vec<String> = offered
            .iter()
            .map(|s| format!("{} — {}", s.axis.name, s.source))
            .collect();
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!(
                "No axis of advance into {name} yet: the engine assumes one to its capital."
            ));
            let button = ui
                .button(format!("Add {name}'s standard axes ({})", offered.len()))
                .on_hover_text(list.join("\n"));
            if button.clicked() {
                accepted = Some(i);
            }
        });
    }
    accepted
}

/// Picking, adding, duplicating and removing arrangements.
fn toolbar(ui: &mut Ui, state: &mut EditorState, scenario: &mut Scenario) {
    ui.horizontal_wrapped(|ui| {
        let l = ui.label("Arrangement");
        let current = scenario
            .arrangements
            .get(state.arrangement)
            .map(|a| a.name.clone())
            .unwrap_or_else(|| "—".into());
        egui::ComboBox::from_id_salt("arrangement_pick")
            .selected_text(current)
            .width(200.0)
            .show_ui(ui, |ui| {
                for (i, a) in scenario.arrangements.iter().enumerate() {
                    ui.selectable_value(&mut state.arrangement, i, &a.name);
                }
            })
            .response
            .labelled_by(l.id)
            .on_hover_text("The arrangement to edit");
    });
    ui.horizontal_wrapped(|ui| {
        ui.menu_button("Add from template", |ui| {
            for kind in templates::KINDS {
                if ui
                    .button(templates::kind_name(*kind))
                    .on_hover_text(kind.help())
                    .clicked()
                {
                    add_template(scenario, *kind);
                    state.arrangement = scenario.arrangements.len() - 1;
                }
            }
        })
        .response
        .on_hover_text("Start a new arrangement from one of the brief's arrangement types");
        let has = state.arrangement < scenario.arrangements.len();
        if ui
            .add_enabled(has, egui::Button::new("Duplicate"))
            .on_hover_text("Copy this arrangement to vary it")
            .clicked()
        {
            let mut copy = scenario.arrangements[state.arrangement].clone();
            copy.id = unique_id(scenario, &copy.id);
            copy.name = format!("{} (copy)", copy.name);
            scenario.arrangements.push(copy);
            state.arrangement = scenario.arrangements.len() - 1;
        }
        if ui
            .add_enabled(has, egui::Button::new("Remove"))
            .on_hover_text("Delete this arrangement (Undo brings it back)")
            .clicked()
        {
            scenario.arrangements.remove(state.arrangement);
            state.arrangement = state.arrangement.saturating_sub(1);
        }
    });
}

/// Adds a template arrangement protecting the first non-adversary state, adding
/// its guarantor states to the scenario when missing.
pub fn add_template(scenario: &mut Scenario, kind: crate::scenario::ArrangementKind) {
    let protected = scenario
        .arrangements
        .iter()
        .flat_map(|a| a.protected_states.first())
        .next()
        .cloned()
        .or_else(|| {
            scenario
                .states
                .iter()
                .map(|e| e.id.clone())
                .find(|id| *id != scenario.adversary.state)
        })
        .unwrap_or_else(|| "UKR".into());
    ensure_state(scenario, &protected);
    let id = unique_id(scenario, &format!("{kind:?}").to_lowercase());
    let a = templates::arrangement(kind, &protected, &id);
    for state in templates::states_needed(&a) {
        ensure_state(scenario, &state);
    }
    scenario.arrangements.push(a);
}

fn ensure_state(scenario: &mut Scenario, id: &str) {
    if !scenario.states.iter().any(|e| e.id == id) {
        scenario.states.push(StateEntry {
            id: id.into(),
            overrides: Default::default(),
        });
    }
}

fn unique_id(scenario: &Scenario, base: &str) -> String {
    crate::scenario::axes::unique_id(base, "-", |id| {
        scenario.arrangements.iter().any(|a| a.id == id)
    })
}

/// The arrangement's name, kind, protected states (with the standard axes
/// offered for those without axes), terms and compensation; the offer taken.
fn details(
    ui: &mut Ui,
    ed: &mut EditTracker,
    a: &mut Arrangement,
    (options, offers): (&[(String, String)], &[Offer]),
    adversary: &str,
) -> Option<usize> {
    widgets::text(
        ui,
        ed,
        "Name",
        &mut a.name,
        "Display name of the arrangement",
    );
    widgets::choice(ui, ed, "Type", &mut a.kind);
    ui.label("Protected states")
        .on_hover_text("The state(s) this arrangement protects");
    ui.horizontal_wrapped(|ui| {
        for (id, name) in options.iter().filter(|(id, _)| id != adversary) {
            let mut on = a.protected_states.contains(id);
            let response = ui
                .checkbox(&mut on, name)
                .on_hover_text(format!("Protect {name}"));
            if response.changed() {
                if on {
                    a.protected_states.push(id.clone());
                } else {
                    a.protected_states.retain(|p| p != id);
                }
            }
            ed.track(response);
        }
    });
    let accepted = offer_standard_axes(ui, offers);
    widgets::check(
        ui,
        ed,
        "Integrated command",
        &mut a.integrated_command,
        "The guarantors' forces fall under one command, as NATO's do",
    );
    widgets::check(
        ui,
        ed,
        "Snap-back sanctions",
        &mut a.snapback_sanctions,
        "Sanctions on the adversary return automatically if it attacks",
    );
    widgets::check(
        ui,
        ed,
        "Non-aggression pact with the adversary",
        &mut a.non_aggression_pact,
        "The adversary has promised not to attack (Denmark-Germany 1939): no one is bound to defend, but breaking its word costs it a little",
    );
    cessions(ui, ed, a);
    sunset(ui, ed, a);
    compensation(ui, ed, a);
    accepted
}

/// The regions the settlement cedes, as one line separated by semicolons.
fn cessions(ui: &mut Ui, ed: &mut EditTracker, a: &mut Arrangement) {
    let mut text = a.cedes.join("; ");
    let before = text.clone();
    widgets::text(
        ui,
        ed,
        "Cedes",
        &mut text,
        "Regions the settlement cedes to the adversary, separated by semicolons (a territorial demand naming one of them is met)",
    );
    if text != before {
        // Empty entries are kept while typing (after a semicolon); nothing
        // matches an empty name.
        a.cedes = text.split(';').map(|r| r.trim().to_string()).collect();
        if a.cedes.iter().all(String::is_empty) {
            a.cedes.clear();
        }
    }
}

/// Which axes the guarantee covers: the whole state, or the axes ticked.
fn scope(ui: &mut Ui, ed: &mut EditTracker, a: &mut Arrangement, axes: &[(String, String)]) {
    if axes.is_empty() {
        return;
    }
    let limited = crate::scenario::areas::limits_scope(a);
    let mut whole = !limited;
    let response = ui.checkbox(&mut whole, "Covers the whole state").on_hover_text(
        "Untick to limit the guarantee to some axes (a treaty area, or only the territory the protected state controls): an attack along another axis brings no intervention under it. The map's Draw area tool limits it to an area",
    );
    ed.track(response);
    if whole == limited {
        a.scope_axes = (!whole).then(|| axes.iter().map(|(id, _)| id.clone()).collect());
        if whole {
            a.scope_area.clear();
        }
    }
    if !a.scope_area.is_empty() {
        ui.indent("scope_area", |ui| {
            ui.label(format!(
                "An area drawn on the map ({} points) covers the axes whose objectives lie inside it",
                a.scope_area.len()
            ));
            let response = ui
                .button("Remove the area")
                .on_hover_text("The guarantee then covers only the axes ticked below (or the whole state, if none is limited)");
            if response.clicked() {
                a.scope_area.clear();
            }
            ed.track(response);
        });
    }
    let Some(scope) = &mut a.scope_axes else {
        return;
    };
    ui.indent("scope_axes", |ui| {
        for (id, name) in axes {
            let mut on = scope.contains(id);
            let response = ui
                .checkbox(&mut on, format!("Covers {name}"))
                .on_hover_text("Whether an attack along this axis brings the guarantee into play");
            ed.track(response);
            if on && !scope.contains(id) {
                scope.push(id.clone());
            } else if !on {
                scope.retain(|x| x != id);
            }
        }
    });
}

fn sunset(ui: &mut Ui, ed: &mut EditTracker, a: &mut Arrangement) {
    ui.horizontal(|ui| {
        let mut has = a.sunset_years.is_some();
        let r = ui
            .checkbox(&mut has, "Sunset")
            .on_hover_text("The arrangement lapses after a number of years unless renewed");
        if r.changed() {
            a.sunset_years = has.then_some(10.0);
        }
        ed.track(r);
        if let Some(years) = &mut a.sunset_years {
            widgets::number(
                ui,
                ed,
                "after",
                years,
                0.1..=100.0,
                " years",
                "Years until it lapses",
            );
            widgets::check(
                ui,
                ed,
                "renewable",
                &mut a.renewable,
                "Whether it can be renewed",
            );
        }
    });
}

fn compensation(ui: &mut Ui, ed: &mut EditTracker, a: &mut Arrangement) {
    let mut has = a.compensation.is_some();
    let r = ui
        .checkbox(&mut has, "Compensation demanded")
        .on_hover_text("The guarantor demands compensation for its guarantee");
    if r.changed() {
        a.compensation = has.then(|| Compensation {
            description: String::new(),
            pct_gdp_per_year: None,
        });
    }
    ed.track(r);
    if let Some(c) = &mut a.compensation {
        ui.indent("compensation", |ui| {
            widgets::text_block(
                ui,
                ed,
                "What is demanded",
                &mut c.description,
                "What is demanded, with source",
            );
            let mut known = c.pct_gdp_per_year.is_some();
            ui.horizontal(|ui| {
                let r = ui
                    .checkbox(&mut known, "Yearly cost known")
                    .on_hover_text("Give the yearly cost to the protected state, % of its GDP");
                if r.changed() {
                    c.pct_gdp_per_year = known.then_some(0.5);
                }
                ed.track(r);
                if let Some(pct) = &mut c.pct_gdp_per_year {
                    widgets::number(
                        ui,
                        ed,
                        "Yearly cost",
                        pct,
                        0.0..=100.0,
                        " % of GDP",
                        "Yearly cost to the protected state",
                    );
                }
            });
        });
    }
}

/// The states and the axes a guarantor's editor offers: (id, name) each.
type Lists<'a> = (&'a [(String, String)], &'a [(String, String)]);

/// The guarantor states of the other arrangements that protect one of the
/// states arrangement `index` protects.
fn other_guarantors(scenario: &Scenario, index: usize) -> Vec<String> {
    let Some(this) = scenario.arrangements.get(index) else {
        return Vec::new();
    };
    let mut out: Vec<String> = Vec::new();
    for (i, other) in scenario.arrangements.iter().enumerate() {
        let shares = other
            .protected_states
            .iter()
            .any(|s| this.protected_states.contains(s));
        if i == index || !shares {
            continue;
        }
        for g in &other.guarantors {
            if !out.contains(&g.state) {
                out.push(g.state.clone());
            }
        }
    }
    out
}

fn guarantors(
    ui: &mut Ui,
    ed: &mut EditTracker,
    a: &mut Arrangement,
    (options, axes): Lists<'_>,
    adversary: &str,
    elsewhere: &[String],
) {
    ui.horizontal(|ui| {
        ui.strong("Guarantors");
        let free: Vec<&(String, String)> = options
            .iter()
            .filter(|(id, _)| {
                id != adversary
                    && !a.protected_states.contains(id)
                    && !a.guarantors.iter().any(|g| g.state == *id)
            })
            .collect();
        ui.add_enabled_ui(!free.is_empty(), |ui| {
            ui.menu_button("Add guarantor", |ui| {
                for (id, name) in free {
                    if ui.button(name).clicked() {
                        a.guarantors.push(Guarantor {
                            state: id.clone(),
                            obligation: Obligation::Defence,
                            formality: Formality::ExecutiveAgreement,
                            trigger: Trigger::AsItDeemsNecessary,
                            trigger_wording: String::new(),
                            credibility: None,
                            nuclear_umbrella: false,
                            conditional_on: None,
                            forces: Vec::new(),
                        });
                    }
                }
            })
            .response
            .on_hover_text(
                "Add a state of the scenario as a guarantor (add states in Forces & economies)",
            );
        });
    });
    if a.guarantors.is_empty() {
        ui.weak("No guarantor: the protected state relies on its own forces.");
    }
    let mut remove = None;
    let mut ids: Vec<&String> = a.guarantors.iter().map(|g| &g.state).collect();
    ids.extend(
        elsewhere
            .iter()
            .filter(|id| !a.guarantors.iter().any(|g| g.state == **id)),
    );
    let siblings: Vec<(String, String)> = ids
        .into_iter()
        .map(|id| {
            let name = options
                .iter()
                .find(|(option, _)| option == id)
                .map_or_else(|| id.clone(), |(_, n)| n.clone());
            (id.clone(), name)
        })
        .collect();
    for (i, g) in a.guarantors.iter_mut().enumerate() {
        let name = options
            .iter()
            .find(|(id, _)| *id == g.state)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| g.state.clone());
        egui::CollapsingHeader::new(format!("{name}: {}", g.formality.label()))
            .id_salt(("guarantor", i))
            .default_open(a_few(i))
            .show(ui, |ui| {
                guarantor(ui, ed, g, (options, axes));
                condition(ui, ed, g, &siblings);
                if ui
                    .button("Remove guarantor")
                    .on_hover_text(
                        "Remove this guarantor from the arrangement (Undo brings it back)",
                    )
                    .clicked()
                {
                    remove = Some(i);
                }
            })
            .header_response
            .on_hover_text(format!(
                "Show or hide what {name} undertakes: obligation, formality, trigger, forces"
            ));
    }
    if let Some(i) = remove {
        a.guarantors.remove(i);
    }
}

fn a_few(i: usize) -> bool {
    i < 2
}

fn guarantor(ui: &mut Ui, ed: &mut EditTracker, g: &mut Guarantor, (options, axes): Lists<'_>) {
    widgets::choice(ui, ed, "Obligation", &mut g.obligation);
    widgets::choice(ui, ed, "Formality", &mut g.formality);
    widgets::choice(ui, ed, "Trigger", &mut g.trigger);
    widgets::text_block(
        ui,
        ed,
        "Trigger wording",
        &mut g.trigger_wording,
        "The trigger in the text's own words, with its source",
    );
    widgets::check(
        ui,
        ed,
        "Nuclear umbrella",
        &mut g.nuclear_umbrella,
        "The guarantor extends its nuclear deterrent over the protected state",
    );
    // The box and the slider on lines of their own: side by side they would
    // widen the panel (a side panel grows to its widest row).
    widgets::credibility(ui, ed, None, &mut g.credibility);
    forces(ui, ed, g, options, axes);
}

fn forces(
    ui: &mut Ui,
    ed: &mut EditTracker,
    g: &mut Guarantor,
    options: &[(String, String)],
    axes: &[(String, String)],
) {
    ui.label("Forces (arrival 0 days = present when an attack starts)");
    let mut remove = None;
    for (i, f) in g.forces.iter_mut().enumerate() {
        ui.push_id(("force", i), |ui| {
            ui.group(|ui| {
                widgets::text(ui, ed, "Unit", &mut f.label, "Unit name");
                widgets::choice(ui, ed, "Kind", &mut f.kind);
                let aircraft = f.kind == crate::scenario::UnitKind::CombatAircraft;
                widgets::number(
                    ui,
                    ed,
                    if aircraft { "Aircraft" } else { "Troops" },
                    &mut f.troops,
                    0.0..=1.0e7,
                    if aircraft { " aircraft" } else { " troops" },
                    "Troops in the unit (aircraft, for combat aircraft)",
                );
                widgets::number(
                    ui,
                    ed,
                    "Quality",
                    &mut f.quality,
                    0.0..=5.0,
                    "",
                    "Training and equipment: 1 for a trained, equipped unit of its time; 0 adds nothing",
                );
                unit_axis(ui, ed, &mut f.axis, axes);
                unit_reach(ui, ed, &mut f.reach_km);
                widgets::number(
                    ui,
                    ed,
                    "Arrives after",
                    &mut f.arrival_days,
                    0.0..=3650.0,
                    " days",
                    "Days after an attack starts until the unit is in action; 0 = already there",
                );
                widgets::state_choice(
                    ui,
                    ed,
                    "Stationed in",
                    &mut f.stationed_in,
                    options,
                    "Where the unit stands or will stand",
                );
                if ui.small_button("Remove unit").clicked() {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        g.forces.remove(i);
    }
    if ui
        .button("Add unit")
        .on_hover_text("Add forces present or pledged")
        .clicked()
    {
        let stationed_in = options
            .first()
            .map(|(id, _)| id.clone())
            .unwrap_or_default();
        g.forces.push(ForceCommitment {
            label: "New unit".into(),
            kind: crate::scenario::UnitKind::Mechanised,
            troops: 1000.0,
            quality: 1.0,
            axis: None,
            reach_km: None,
            arrival_days: 0.0,
            stationed_in,
            position: None,
        });
    }
}

/// Whose action a guarantor's commitment waits for, if anyone's.
fn condition(ui: &mut Ui, ed: &mut EditTracker, g: &mut Guarantor, siblings: &[(String, String)]) {
    let mut options = vec![(String::new(), "No one (unconditional)".to_string())];
    options.extend(siblings.iter().filter(|(id, _)| *id != g.state).cloned());
    if options.len() < 2 && g.conditional_on.is_none() {
        return;
    }
    let mut chosen = g.conditional_on.clone().unwrap_or_default();
    widgets::state_choice(
        ui,
        ed,
        "Acts only if",
        &mut chosen,
        &options,
        "A commitment that binds only if another guarantor acts first (the 1935 Soviet-Czechoslovak treaty waited for France): never more credible than that guarantor",
    );
    g.conditional_on = (!chosen.is_empty()).then_some(chosen);
}

/// The axis a unit fights on, or none (spread over the axes by their
/// defender shares).
fn unit_axis(
    ui: &mut Ui,
    ed: &mut EditTracker,
    value: &mut Option<String>,
    axes: &[(String, String)],
) {
    let mut options = vec![(String::new(), "Spread over the axes".to_string())];
    options.extend(axes.iter().cloned());
    let mut chosen = value.clone().unwrap_or_default();
    widgets::state_choice(
        ui,
        ed,
        "Fights on",
        &mut chosen,
        &options,
        "The axis the unit fights on; or spread over the axes into the state it stands in",
    );
    *value = (!chosen.is_empty()).then_some(chosen);
}

/// How far from where it stands a unit acts; none: its kind's default.
fn unit_reach(ui: &mut Ui, ed: &mut EditTracker, value: &mut Option<f64>) {
    widgets::optional_number(
        ui,
        ed,
        (
            "Own reach",
            "How far from where it stands the unit acts (combat radius, range of fires); unticked: 900 km for aircraft, else only in the state it stands in",
        ),
        ("Reach", "Reach from where the unit stands"),
        value,
        (300.0, 0.0..=20_000.0, " km"),
    );
}

fn clauses(ui: &mut Ui, ed: &mut EditTracker, a: &mut Arrangement) {
    kinds_with_text(
        ui,
        ed,
        &mut a.void_clauses,
        &KindList {
            heading: "Void clauses",
            add: "Add void clause",
            add_tip: "Acts of the protected state that void the guarantee",
            entry: "Clause",
            remove: "Remove this clause",
            text_tip: "The clause in its own words, with source",
            salt: "void",
        },
    );
    kinds_with_text(
        ui,
        ed,
        &mut a.restraints,
        &KindList {
            heading: "Restraints",
            add: "Add restraint",
            add_tip: "Limits the arrangement places on the protected state",
            entry: "Restraint",
            remove: "Remove this restraint",
            text_tip: "The restraint in its own words, with source",
            salt: "restraint",
        },
    );
}

/// An entry of a list of kinds, each with the text in the document's own
/// words: a void clause or a restraint.
trait KindWithText {
    /// The kinds to choose from.
    type Kind: Choice;
    /// A new entry of `kind`, with no text yet.
    fn new(kind: Self::Kind) -> Self;
    /// The entry's kind.
    fn kind(&mut self) -> &mut Self::Kind;
    /// The entry in the document's own words.
    fn text(&mut self) -> &mut String;
    /// Inputs particular to the kind, drawn beside it (none by default).
    fn details(&mut self, _ui: &mut Ui, _ed: &mut EditTracker) {}
}

impl KindWithText for Clause {
    type Kind = VoidClauseKind;
    fn new(kind: VoidClauseKind) -> Self {
        Clause {
            kind,
            text: String::new(),
        }
    }
    fn kind(&mut self) -> &mut VoidClauseKind {
        &mut self.kind
    }
    fn text(&mut self) -> &mut String {
        &mut self.text
    }
}

/// The troop cap a new force-cap restraint starts with (the draft 28-point plan's).
const DEFAULT_FORCE_CAP: f64 = 600_000.0;

impl KindWithText for Restraint {
    type Kind = RestraintKind;
    fn new(kind: RestraintKind) -> Self {
        Restraint {
            kind,
            limit: (kind == RestraintKind::ForceCap).then_some(DEFAULT_FORCE_CAP),
            text: String::new(),
        }
    }
    fn kind(&mut self) -> &mut RestraintKind {
        &mut self.kind
    }
    fn text(&mut self) -> &mut String {
        &mut self.text
    }
    fn details(&mut self, ui: &mut Ui, ed: &mut EditTracker) {
        if self.kind == RestraintKind::ForceCap {
            let limit = self.limit.get_or_insert(DEFAULT_FORCE_CAP);
            widgets::number(
                ui,
                ed,
                "Cap",
                limit,
                0.0..=5.0e6,
                " troops",
                "Most troops the protected state may keep under arms",
            );
        }
    }
}

/// The words of one list of kinds with text.
struct KindList {
    heading: &'static str,
    add: &'static str,
    add_tip: &'static str,
    entry: &'static str,
    remove: &'static str,
    text_tip: &'static str,
    salt: &'static str,
}

/// A list of kinds with text: a heading with a menu to add an entry of any
/// kind, then each entry's kind, its particular inputs, a remove button and
/// its text.
fn kinds_with_text<T: KindWithText>(
    ui: &mut Ui,
    ed: &mut EditTracker,
    items: &mut Vec<T>,
    words: &KindList,
) {
    ui.horizontal(|ui| {
        ui.strong(words.heading);
        ui.menu_button(words.add, |ui| {
            for kind in T::Kind::ALL {
                if ui.button(kind.label()).on_hover_text(kind.help()).clicked() {
                    items.push(T::new(*kind));
                }
            }
        })
        .response
        .on_hover_text(words.add_tip);
    });
    let mut remove = None;
    for (i, item) in items.iter_mut().enumerate() {
        ui.push_id((words.salt, i), |ui| {
            ui.group(|ui| {
                ui.horizontal_wrapped(|ui| {
                    widgets::choice(ui, ed, words.entry, item.kind());
                    item.details(ui, ed);
                    if ui
                        .small_button("Remove")
                        .on_hover_text(words.remove)
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
                widgets::text_block(ui, ed, "Text", item.text(), words.text_tip);
            });
        });
    }
    if let Some(i) = remove {
        items.remove(i);
    }
}
