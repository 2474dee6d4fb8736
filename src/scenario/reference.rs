//! The reference table of states (`assets/reference/states.json`): default figures,
//! capitals and sources, which a scenario's per-state overrides replace.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::types::{Adversary, Composition, GeoPoint, Place, Scenario, StateEntry, StateFigures};

/// One state in the reference table.
#[derive(Clone, Debug, Deserialize)]
pub struct ReferenceState {
    /// ISO 3166 alpha-3 code.
    pub id: String,
    /// The capital, for labels and default force positions.
    pub capital: Place,
    /// Default figures (every field set).
    pub figures: StateFigures,
    /// Source of each figure, by field name.
    #[serde(default)]
    pub sources: BTreeMap<String, String>,
}

#[derive(Deserialize)]
struct MemberOnly {
    id: String,
    nato_since: u16,
}

#[derive(Deserialize)]
struct ReferenceFile {
    states: Vec<ReferenceState>,
    nato_members_without_figures: Vec<MemberOnly>,
}

/// The reference table, parsed once from the baked-in asset.
#[derive(Debug)]
pub struct Reference {
    states: Vec<ReferenceState>,
    nato_only: BTreeMap<String, u16>,
}

impl Reference {
    /// The table baked into the binary.
    pub fn get() -> &'static Reference {
        static TABLE: OnceLock<Reference> = OnceLock::new();
        TABLE.get_or_init(|| {
            let bytes = crate::assets::asset("reference/states.json").unwrap_or(b"{}");
            // The asset ships with the binary and is checked by a test, so a parse
            // failure is a build defect; fall back to an empty table rather than panic.
            let file: ReferenceFile = serde_json::from_slice(bytes).unwrap_or(ReferenceFile {
                states: Vec::new(),
                nato_members_without_figures: Vec::new(),
            });
            Reference {
                states: file.states,
                nato_only: file
                    .nato_members_without_figures
                    .into_iter()
                    .map(|m| (m.id, m.nato_since))
                    .collect(),
            }
        })
    }

    /// Every state with figures, in table order.
    pub fn states(&self) -> &[ReferenceState] {
        &self.states
    }

    /// The state with this id, if the table has it.
    pub fn state(&self, id: &str) -> Option<&ReferenceState> {
        self.states.iter().find(|s| s.id == id)
    }

    /// Year of NATO accession for any state on the map (with or without figures).
    pub fn nato_since(&self, id: &str) -> Option<u16> {
        match self.state(id) {
            Some(s) => s.figures.nato_since.filter(|y| *y > 0),
            None => self.nato_only.get(id).copied(),
        }
    }
}

/// A state's figures with the scenario's overrides applied to the reference defaults.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedState {
    /// The state's id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// GDP, billions of US dollars.
    pub gdp_usd_bn: f64,
    /// Defence spending, % of GDP.
    pub defence_pct_gdp: f64,
    /// Active-duty personnel.
    pub active_troops: f64,
    /// Trained reservists.
    pub reserve_troops: f64,
    /// Population, millions.
    pub population_m: f64,
    /// Year of NATO accession, if a member.
    pub nato_since: Option<u16>,
    /// Whether it has nuclear weapons.
    pub nuclear: bool,
    /// Capital (the scenario's, else the reference table's), if known.
    pub capital: Option<GeoPoint>,
    /// How its active ground forces divide by kind (the scenario's, the
    /// reference table's, else [`DEFAULT_COMPOSITION`]).
    pub composition: Composition,
    /// Quality of its forces (the scenario's, the table's, else 1).
    pub quality: f64,
    /// Combat aircraft (the scenario's, the table's, else 0).
    pub combat_aircraft: f64,
}

/// The mix of a state's ground forces when neither the scenario nor the
/// reference table gives one: an assumption, roughly a European army of the
/// 2020s by the IISS Military Balance's order of battle (a tenth in tank
/// units, a third in infantry fighting vehicles, a third motorised or light,
/// the rest airborne, fires and air defence). See `docs/MODEL.md`.
pub const DEFAULT_COMPOSITION: Composition = Composition {
    armoured: 0.10,
    mechanised: 0.30,
    motorised: 0.35,
    airborne: 0.05,
    marines: 0.0,
    artillery: 0.15,
    air_defence: 0.05,
    foot_infantry: 0.0,
};

/// The figures of a state entry: the overrides on top of the reference defaults.
/// Returns the names of the figures that are missing (a state not in the table
/// must give them all) as the error.
pub fn resolve(entry: &StateEntry) -> Result<ResolvedState, Vec<&'static str>> {
    let reference = Reference::get().state(&entry.id);
    let defaults = reference.map(|r| &r.figures);
    let o = &entry.overrides;
    let mut missing = Vec::new();
    let mut pick = |name: &'static str, over: Option<f64>, def: Option<f64>| {
        over.or(def).unwrap_or_else(|| {
            missing.push(name);
            0.0
        })
    };
    let gdp_usd_bn = pick(
        "gdp_usd_bn",
        o.gdp_usd_bn,
        defaults.and_then(|d| d.gdp_usd_bn),
    );
    let defence_pct_gdp = pick(
        "defence_pct_gdp",
        o.defence_pct_gdp,
        defaults.and_then(|d| d.defence_pct_gdp),
    );
    let active_troops = pick(
        "active_troops",
        o.active_troops,
        defaults.and_then(|d| d.active_troops),
    );
    let reserve_troops = pick(
        "reserve_troops",
        o.reserve_troops,
        defaults.and_then(|d| d.reserve_troops),
    );
    let population_m = pick(
        "population_m",
        o.population_m,
        defaults.and_then(|d| d.population_m),
    );
    if !missing.is_empty() {
        return Err(missing);
    }
    let name = o
        .name
        .clone()
        .or_else(|| defaults.and_then(|d| d.name.clone()))
        .unwrap_or_else(|| entry.id.clone());
    let nato_since = o
        .nato_since
        .or_else(|| Reference::get().nato_since(&entry.id))
        .filter(|y| *y > 0);
    let nuclear = o
        .nuclear
        .or_else(|| defaults.and_then(|d| d.nuclear))
        .unwrap_or(false);
    Ok(ResolvedState {
        id: entry.id.clone(),
        name,
        gdp_usd_bn,
        defence_pct_gdp,
        active_troops,
        reserve_troops,
        population_m,
        nato_since,
        nuclear,
        capital: o.capital.or_else(|| reference.map(|r| r.capital.point)),
        composition: o
            .composition
            .or_else(|| defaults.and_then(|d| d.composition))
            .unwrap_or(DEFAULT_COMPOSITION),
        quality: o
            .quality
            .or_else(|| defaults.and_then(|d| d.quality))
            .unwrap_or(1.0),
        combat_aircraft: o
            .combat_aircraft
            .or_else(|| defaults.and_then(|d| d.combat_aircraft))
            .unwrap_or(0.0),
    })
}
/// The combat aircraft the adversary commits: its own count, else the same
/// share of its state's (`state`, resolved) as its theatre troops are of the
/// state's active troops (all of them when the state has no troops on record).
pub fn adversary_aircraft(adversary: &Adversary, state: Option<&ResolvedState>) -> f64 {
    adversary.combat_aircraft.unwrap_or_else(|| {
        state.map_or(0.0, |s| {
            let share = if s.active_troops > 0.0 {
                (adversary.theatre_troops / s.active_troops).clamp(0.0, 1.0)
            } else {
                1.0
            };
            s.combat_aircraft * share
        })
    })
}

/// The display name of a state id (scenario override, reference table, or the id).
pub fn state_name(scenario: &Scenario, id: &str) -> String {
    scenario
        .states
        .iter()
        .find(|s| s.id == id)
        .and_then(|s| s.overrides.name.clone())
        .or_else(|| {
            Reference::get()
                .state(id)
                .and_then(|r| r.figures.name.clone())
        })
        .unwrap_or_else(|| id.to_owned())
}
