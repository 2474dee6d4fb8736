//! A new scenario from a template: the protected state as it would stand after
//! a settlement (peacetime defence spending), the arrangement type's template,
//! and the theatre's adversary, stated demands and standard axes of advance
//! from `assets/theatres.json`, each with its source. `bulwark new` and the
//! app's new-scenario dialog both build through [`new_case`].

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::Deserialize;

use super::reference::Reference;
use super::templates;
use super::types::{
    Adversary, ArrangementKind, Axis, Demand, LinePreset, MapView, Meta, Scenario, SettlementLine,
    StateEntry, StateFigures,
};

/// One standard axis of advance with its source.
#[derive(Clone, Debug, Deserialize)]
pub struct StandardAxis {
    /// Where its places and judgements come from.
    pub source: String,
    /// The axis as a scenario holds it.
    pub axis: Axis,
}

/// What a new scenario protecting one state starts from.
#[derive(Clone, Debug, Deserialize)]
pub struct Theatre {
    /// The protected state's id.
    pub protected: String,
    /// The adversary's id.
    pub adversary: String,
    /// The adversary's ground forces in the theatre.
    pub theatre_troops: f64,
    /// Where that figure comes from.
    pub theatre_troops_source: String,
    /// The settlement-line preset drawn.
    pub settlement_line: LinePreset,
    /// The adversary's stated demands.
    pub demands: Vec<Demand>,
    /// Its preconditions, in its words.
    pub preconditions: Vec<String>,
    /// Where the demands and their weights come from.
    pub demands_source: String,
    /// The standard axes into the protected state.
    pub axes: Vec<StandardAxis>,
    /// The map's view of the theatre.
    pub map_view: MapView,
}

#[derive(Deserialize)]
struct Library {
    theatres: Vec<Theatre>,
}

/// Every theatre of the library, parsed once from the baked-in asset (a
/// parse failure is a build defect that a test catches; it gives no theatres
/// rather than a panic).
pub fn theatres() -> &'static [Theatre] {
    static LIBRARY: OnceLock<Vec<Theatre>> = OnceLock::new();
    LIBRARY.get_or_init(|| {
        crate::assets::asset("theatres.json")
            .and_then(|bytes| serde_json::from_slice::<Library>(bytes).ok())
            .map(|library| library.theatres)
            .unwrap_or_default()
    })
}

/// The theatre of a protected state facing an adversary, if the library has it.
pub fn theatre(protected: &str, adversary: &str) -> Option<&'static Theatre> {
    theatres()
        .iter()
        .find(|t| t.protected == protected && t.adversary == adversary)
}

/// The adversary a new scenario protecting `protected` faces by default.
pub fn default_adversary(protected: &str) -> &'static str {
    theatres()
        .iter()
        .find(|t| t.protected == protected)
        .map_or("RUS", |t| t.adversary.as_str())
}

/// What the new-scenario dialog asks for: the arrangement type, the
/// protected state and the adversary (ids in the reference table).
#[derive(Clone, Debug, PartialEq)]
pub struct Request {
    /// The arrangement type.
    pub kind: ArrangementKind,
    /// The protected state.
    pub protected: String,
    /// The adversary.
    pub adversary: String,
}

impl Default for Request {
    /// Ukraine under armed neutrality, facing Russia: the essay's baseline.
    fn default() -> Self {
        Self {
            kind: ArrangementKind::ArmedNeutrality,
            protected: "UKR".into(),
            adversary: default_adversary("UKR").into(),
        }
    }
}

impl Request {
    /// The scenario it asks for, dated today.
    pub fn build(&self) -> Result<Scenario, NewCaseError> {
        new_case(self.kind, &self.protected, &self.adversary, &today())
    }
}

/// Today's date, `YYYY-MM-DD`, in the system's time zone (UTC when it is
/// not known): the date a new scenario carries.
pub fn today() -> String {
    let zone = jiff::tz::TimeZone::try_system().unwrap_or(jiff::tz::TimeZone::UTC);
    zone.to_datetime(jiff::Timestamp::now()).date().to_string()
}

/// What a new scenario will start from, for the dialog to show before it is
/// built.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    /// The defence spending set (% of GDP) and the reference figure it
    /// replaces, where the reference is a war economy's.
    pub spending: Option<(f64, f64)>,
    /// The theatre's standard axes, by name (none: no standard theatre).
    pub axes: Vec<String>,
    /// The adversary's stated demands entered.
    pub demands: usize,
    /// The adversary's theatre troops.
    pub theatre_troops: f64,
    /// Whether the library has a theatre for this pair.
    pub standard: bool,
}

/// What `request` will start from.
pub fn preview(request: &Request) -> Preview {
    let spending = peacetime_spending(request.kind, &request.protected);
    let theatre = theatre(&request.protected, &request.adversary);
    Preview {
        spending,
        axes: theatre.map_or_else(Vec::new, |t| {
            t.axes.iter().map(|a| a.axis.name.clone()).collect()
        }),
        demands: theatre.map_or(0, |t| t.demands.len()),
        theatre_troops: theatre.map_or(ASSUMED_THEATRE_TROOPS, |t| t.theatre_troops),
        standard: theatre.is_some(),
    }
}

/// Spending above this share of GDP is a war economy's (Ukraine's 34 % in
/// 2024), not a settlement's: a new scenario replaces it by the essay's figure.
const WARTIME_SPENDING_PCT: f64 = 10.0;

/// Adversary ground forces assumed where the library has no theatre: the
/// eastern-flank example's post-war grouping, an assumption.
const ASSUMED_THEATRE_TROOPS: f64 = 150_000.0;

/// Whether an arrangement of this kind puts a guarantor's defence behind the
/// protected state (the essay's "umbrella": about 3 % of GDP, not 5 %).
fn under_an_umbrella(kind: ArrangementKind) -> bool {
    matches!(
        kind,
        ArrangementKind::NatoMembership
            | ArrangementKind::BilateralGuarantee
            | ArrangementKind::CoalitionGuarantee
            | ArrangementKind::Mixed
    )
}

/// Why a new scenario cannot be built.
#[derive(Clone, Debug, PartialEq)]
pub enum NewCaseError {
    /// The state is not in the reference table (its figures would be missing).
    UnknownState(String),
    /// The protected state and the adversary are the same.
    SameState(String),
}

impl std::fmt::Display for NewCaseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NewCaseError::UnknownState(id) => {
                let known: Vec<&str> = Reference::get()
                    .states()
                    .iter()
                    .map(|s| s.id.as_str())
                    .collect();
                write!(
                    f,
                    "'{id}' is not a state of the reference table; use one of {}",
                    known.join(", ")
                )
            }
            NewCaseError::SameState(id) => {
                write!(
                    f,
                    "'{id}' cannot be both the protected state and the adversary"
                )
            }
        }
    }
}

/// A new scenario: an arrangement of `kind` protecting `protected` against
/// `adversary`, dated `date` (`YYYY-MM-DD`). Its notes say where every figure
/// it sets comes from and what is left to the user.
pub fn new_case(
    kind: ArrangementKind,
    protected: &str,
    adversary: &str,
    date: &str,
) -> Result<Scenario, NewCaseError> {
    let table = Reference::get();
    for id in [protected, adversary] {
        if table.state(id).is_none() {
            return Err(NewCaseError::UnknownState(id.to_string()));
        }
    }
    if protected == adversary {
        return Err(NewCaseError::SameState(protected.to_string()));
    }
    let theatre = theatre(protected, adversary);
    let mut notes = Notes::new(kind, protected, adversary);
    let mut scenario = super::blank();
    scenario.states = vec![
        entry(protected, peacetime(kind, protected, &mut notes)),
        entry(adversary, StateFigures::default()),
    ];
    let mut arrangement = templates::arrangement(kind, protected, &templates::kind_id(kind));
    // A state the template names cannot guarantee itself (Poland under
    // NATO's template) nor the adversary anyone.
    arrangement
        .guarantors
        .retain(|g| g.state != protected && g.state != adversary);
    for id in templates::states_needed(&arrangement) {
        if !scenario.states.iter().any(|e| e.id == id) {
            scenario.states.push(entry(&id, StateFigures::default()));
        }
    }
    scenario.arrangements.push(arrangement);
    scenario.adversary = adversary_of(adversary, theatre, &mut notes);
    if let Some(t) = theatre {
        scenario.axes = t.axes.iter().map(|a| a.axis.clone()).collect();
        scenario.map_view = t.map_view.clone();
        scenario.settlement_line = SettlementLine {
            preset: t.settlement_line,
            custom: Vec::new(),
        };
        notes.axes(t);
    } else {
        scenario.settlement_line = SettlementLine::default();
        notes.no_axes();
    }
    scenario.meta = Meta {
        title: format!("{}: {}", templates::kind_name(kind), name_of(protected)),
        author: String::new(),
        date: date.to_string(),
        notes: notes.finish(),
        marking: String::new(),
    };
    Ok(scenario)
}

fn entry(id: &str, overrides: StateFigures) -> StateEntry {
    StateEntry {
        id: id.to_string(),
        overrides,
    }
}

fn name_of(id: &str) -> String {
    Reference::get()
        .state(id)
        .and_then(|s| s.figures.name.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The protected state's overrides: peacetime defence spending where the
/// reference figure is a war economy's.
fn peacetime(kind: ArrangementKind, protected: &str, notes: &mut Notes) -> StateFigures {
    let mut figures = StateFigures::default();
    if let Some((pct, reference)) = peacetime_spending(kind, protected) {
        figures.defence_pct_gdp = Some(pct);
        notes.spending(reference, pct, under_an_umbrella(kind));
    }
    figures
}

/// The defence spending (% of GDP) a new scenario sets and the reference
/// figure it replaces, where that figure is a war economy's: the essay's 3 %
/// under a guarantor's umbrella, 5 % without.
fn peacetime_spending(kind: ArrangementKind, protected: &str) -> Option<(f64, f64)> {
    let reference = Reference::get()
        .state(protected)
        .and_then(|s| s.figures.defence_pct_gdp)
        .unwrap_or(0.0);
    (reference > WARTIME_SPENDING_PCT)
        .then(|| (if under_an_umbrella(kind) { 3.0 } else { 5.0 }, reference))
}

fn adversary_of(adversary: &str, theatre: Option<&Theatre>, notes: &mut Notes) -> Adversary {
    let mut out = super::blank().adversary;
    out.state = adversary.to_string();
    match theatre {
        Some(t) => {
            out.theatre_troops = t.theatre_troops;
            out.demands = t.demands.clone();
            out.preconditions = t.preconditions.clone();
            notes.adversary(t);
        }
        None => {
            out.theatre_troops = ASSUMED_THEATRE_TROOPS;
            out.demands = Vec::new();
            out.preconditions = Vec::new();
            notes.no_theatre();
        }
    }
    out
}

/// A whole number of troops with thousands separated, for the notes (the
/// views' formatting sits above this layer).
fn grouped(v: f64) -> String {
    let digits = format!("{:.0}", v.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The new scenario's notes, built as its parts are set.
struct Notes {
    text: String,
    assumptions: Vec<String>,
}

impl Notes {
    fn new(kind: ArrangementKind, protected: &str, adversary: &str) -> Self {
        let mut text = format!(
            "# {}: {}\n\nA new scenario from Bulwark's template for this arrangement type, protecting \
             {} against {}. Every figure below can be changed; the sources say where each starts from.\n\n\
             ## Sources\n",
            templates::kind_name(kind),
            name_of(protected),
            name_of(protected),
            name_of(adversary)
        );
        text.push_str(
            "- **States' figures**: the reference table (`assets/reference/states.json`: IMF, SIPRI, \
             IISS *Military Balance 2025*, UN), where not overridden below.\n",
        );
        Self {
            text,
            assumptions: vec![
                "Model parameters take the catalogue defaults (`docs/MODEL.md`).".into(),
                "The arrangement's terms are the template's starting point (`src/scenario/templates.rs`); \
                 edit them to the text you are testing."
                    .into(),
            ],
        }
    }

    fn spending(&mut self, reference: f64, pct: f64, umbrella: bool) {
        let _ = writeln!(
            self.text,
            "- **Defence spending {pct:.0}% of GDP** (override of the reference {reference:.0}%, a war \
             economy's): the essay's estimate for a post-war state {} (about 5% under armed neutrality, \
             about 3% under a guarantee, Nov 2025).",
            if umbrella {
                "under a guarantor's umbrella"
            } else {
                "without a guarantor's defence"
            }
        );
    }

    fn adversary(&mut self, t: &Theatre) {
        let _ = writeln!(
            self.text,
            "- **Adversary's theatre troops {}**: {}",
            grouped(t.theatre_troops),
            t.theatre_troops_source
        );
        let _ = writeln!(self.text, "- **Its demands**: {}", t.demands_source);
    }

    fn axes(&mut self, t: &Theatre) {
        for a in &t.axes {
            let _ = writeln!(self.text, "- **Axis {}**: {}", a.axis.name, a.source);
        }
    }

    fn no_theatre(&mut self) {
        self.assumptions.push(format!(
            "The adversary's theatre troops, {}, are an assumption (the \
             eastern-flank example's post-war grouping); no demands are entered: add those it has stated.",
            grouped(ASSUMED_THEATRE_TROOPS)
        ));
    }

    fn no_axes(&mut self) {
        self.assumptions.push(
            "No standard axes of advance for this state yet: the engine uses its own default axis, \
             capital to capital, until you add axes in the Axes tab."
                .into(),
        );
    }

    fn finish(mut self) -> String {
        self.text
            .push_str("\n## Assumptions (no source — change them)\n");
        for a in &self.assumptions {
            let _ = writeln!(self.text, "- {a}");
        }
        self.text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::validate;

    #[test]
    fn the_library_parses_and_every_axis_is_valid_in_its_theatre() {
        assert!(theatres().len() >= 6, "{}", theatres().len());
        for t in theatres() {
            assert!(!t.axes.is_empty(), "{}", t.protected);
            for a in &t.axes {
                assert_eq!(a.axis.defender, t.protected);
                assert!(!a.source.is_empty(), "{}", a.axis.id);
            }
            let total: f64 = t.axes.iter().map(|a| a.axis.adversary_share).sum();
            assert!(total <= 1.0 + 1e-9, "{}: {total}", t.protected);
        }
    }

    #[test]
    fn every_template_for_every_theatre_is_a_valid_scenario() {
        for t in theatres() {
            for kind in templates::KINDS {
                let s = new_case(*kind, &t.protected, &t.adversary, "2026-12-02").expect("builds");
                assert_eq!(validate(&s), vec![], "{kind:?} for {}", t.protected);
                assert_eq!(s.axes.len(), t.axes.len());
            }
        }
    }

    #[test]
    fn ukraine_starts_at_peacetime_spending() {
        let s = new_case(ArrangementKind::ArmedNeutrality, "UKR", "RUS", "").expect("builds");
        assert_eq!(s.states[0].overrides.defence_pct_gdp, Some(5.0));
        let s = new_case(ArrangementKind::NatoMembership, "UKR", "RUS", "").expect("builds");
        assert_eq!(s.states[0].overrides.defence_pct_gdp, Some(3.0));
        // Estonia's reference spending is already a peacetime figure.
        let s = new_case(ArrangementKind::NatoMembership, "EST", "RUS", "").expect("builds");
        assert_eq!(s.states[0].overrides.defence_pct_gdp, None);
    }

    #[test]
    fn troops_in_the_notes_are_grouped_by_thousands() {
        assert_eq!(grouped(650_000.0), "650,000");
        assert_eq!(grouped(1_134_000.0), "1,134,000");
        assert_eq!(grouped(950.0), "950");
    }

    #[test]
    fn bad_states_are_named() {
        let e = new_case(ArrangementKind::ArmedNeutrality, "XXX", "RUS", "").expect_err("unknown");
        assert!(e.to_string().contains("'XXX'"), "{e}");
        let e = new_case(ArrangementKind::ArmedNeutrality, "RUS", "RUS", "").expect_err("the same");
        assert_eq!(e, NewCaseError::SameState("RUS".into()));
    }

    #[test]
    fn a_state_without_a_theatre_gets_no_axes_and_says_so() {
        let s = new_case(ArrangementKind::CoalitionGuarantee, "MDA", "RUS", "").expect("builds");
        assert!(s.axes.is_empty());
        assert!(s.meta.notes.contains("default axis"), "{}", s.meta.notes);
        assert_eq!(validate(&s), vec![]);
    }
}
