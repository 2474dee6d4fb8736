//! The serde types of a scenario document: everything an analyst saves in a
//! `.bulwark.json` file. No behaviour lives here beyond small accessors; loading,
//! validation and saving are in the sibling modules.
//!
//! Longer than most files on purpose: the whole file format in one place, in
//! the order of `docs/FORMAT.md` and the JSON Schema, so that a format change
//! is read and reviewed as one.

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The format version this build writes. Files with a larger number are refused;
/// files with a smaller one go through [`super::migrate`].
pub const FORMAT_VERSION: u32 = 6;

/// A whole scenario: one settlement (or today's situation) with the states involved,
/// the guarantee arrangements, the adversary, axes of advance, the uncertain
/// assumptions, the map view and the slides for a briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Version of the file format; see `docs/FORMAT.md`.
    pub format_version: u32,
    /// Title, author, date and notes.
    pub meta: Meta,
    /// Years ahead over which the chance of a renewed attack is assessed.
    pub horizon_years: f64,
    /// The states involved, each with optional overrides of the reference figures.
    pub states: Vec<StateEntry>,
    /// The adversary whose attack the arrangements are meant to deter.
    pub adversary: Adversary,
    /// The guarantee arrangements (possibly none: armed neutrality is an arrangement
    /// with no guarantors).
    #[serde(default)]
    pub arrangements: Vec<Arrangement>,
    /// Axes along which the adversary could advance.
    #[serde(default)]
    pub axes: Vec<Axis>,
    /// Uncertain parameters of the assessment, by key (see
    /// [`super::parameters::CATALOGUE`]). Keys left out take the catalogue default.
    #[serde(default)]
    pub assumptions: BTreeMap<String, Uncertain>,
    /// Monte Carlo settings, saved so that a colleague gets the same numbers.
    #[serde(default)]
    pub simulation: Simulation,
    /// The line of control / settlement line in Ukraine.
    #[serde(default)]
    pub settlement_line: SettlementLine,
    /// The map view (centre, zoom, layers) last used with this scenario.
    #[serde(default)]
    pub map_view: MapView,
    /// Slides for presentation mode. Empty: the app generates a default deck.
    #[serde(default)]
    pub slides: Vec<Slide>,
    /// The settlement over time: steps after the ceasefire, each changing the
    /// scenario from its month on. Empty (not written): one snapshot held for
    /// the whole horizon. Since format version 6.
    #[serde(default, skip_serializing_if = "Timeline::is_empty")]
    pub timeline: Timeline,
}

/// Descriptive information about a scenario.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meta {
    /// Short title shown in the window title, the map's title block and slides.
    pub title: String,
    /// Who wrote the scenario.
    #[serde(default)]
    pub author: String,
    /// Date of the scenario, ISO 8601 (`YYYY-MM-DD`).
    #[serde(default)]
    pub date: String,
    /// Notes in Markdown: what the scenario represents and where its figures come from.
    #[serde(default)]
    pub notes: String,
    /// A marking shown in a banner at the top and bottom of the map, its
    /// slides and exports, e.g. "UNCLASSIFIED — FOR TRAINING"; empty (not
    /// written): none. Since format version 6.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub marking: String,
}

/// A state taking part in the scenario. Figures default to the reference table
/// (`assets/reference/states.json`); any figure given here overrides it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateEntry {
    /// ISO 3166 alpha-3 code (e.g. `UKR`), or any unique id for a state not in
    /// the reference table (which must then give every figure).
    pub id: String,
    /// Per-scenario overrides of the reference figures.
    #[serde(default, skip_serializing_if = "StateFigures::is_empty")]
    pub overrides: StateFigures,
}

/// Figures describing a state. In the reference table every field is set; in a
/// scenario's overrides only the changed ones are.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateFigures {
    /// Display name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Gross domestic product, billions of current US dollars.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gdp_usd_bn: Option<f64>,
    /// Defence spending as a percentage of GDP (e.g. `4.48`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub defence_pct_gdp: Option<f64>,
    /// Active-duty military personnel.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active_troops: Option<f64>,
    /// Trained reservists that can be mobilised.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reserve_troops: Option<f64>,
    /// Population, millions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population_m: Option<f64>,
    /// Year the state joined NATO; `0` means not a member (overrides a membership).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nato_since: Option<u16>,
    /// Whether the state has nuclear weapons of its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nuclear: Option<bool>,
    /// How its active ground forces divide by kind of unit (shares); none: the
    /// engine's default mix (see `docs/MODEL.md`). Since format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composition: Option<Composition>,
    /// Quality of its forces (training, equipment), 1 for a trained and
    /// equipped force of its time, 0 for one that adds nothing. Since format
    /// version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<f64>,
    /// Where its capital lies (for a state not in the reference table, or a
    /// historical one); the default axis runs between capitals. Since format
    /// version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub capital: Option<GeoPoint>,
    /// Combat aircraft of its air force that can fight over its territory
    /// (none: 0). Since format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub combat_aircraft: Option<f64>,
}

/// How a force divides by kind of unit: the share of its troops in each kind.
/// Shares need not sum to 1; they are read relative to their sum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Composition {
    /// Tank units.
    #[serde(default)]
    pub armoured: f64,
    /// Infantry in fighting vehicles.
    #[serde(default)]
    pub mechanised: f64,
    /// Motorised (trucks) or light infantry.
    #[serde(default)]
    pub motorised: f64,
    /// Airborne and air-assault infantry.
    #[serde(default)]
    pub airborne: f64,
    /// Marines and naval infantry.
    #[serde(default)]
    pub marines: f64,
    /// Artillery and rockets.
    #[serde(default)]
    pub artillery: f64,
    /// Ground-based air defence.
    #[serde(default)]
    pub air_defence: f64,
    /// Infantry that marches (with horse-drawn or few vehicles).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub foot_infantry: f64,
}

fn is_zero(v: &f64) -> bool {
    *v == 0.0
}

impl Composition {
    /// Each ground kind with its share, in [`UnitKind::GROUND`] order.
    pub fn shares(&self) -> [(UnitKind, f64); 8] {
        [
            (UnitKind::Armoured, self.armoured),
            (UnitKind::Mechanised, self.mechanised),
            (UnitKind::Motorised, self.motorised),
            (UnitKind::Airborne, self.airborne),
            (UnitKind::Marines, self.marines),
            (UnitKind::Artillery, self.artillery),
            (UnitKind::AirDefence, self.air_defence),
            (UnitKind::FootInfantry, self.foot_infantry),
        ]
    }
}

/// The kind of a unit, which sets its combat power per troop (see the
/// `power_*` assumptions) and, for aircraft and fires, its reach.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// Tanks.
    Armoured,
    /// Infantry in fighting vehicles (the kind a version-1 force is read as).
    #[default]
    Mechanised,
    /// Motorised (trucks) or light infantry.
    Motorised,
    /// Infantry that marches on foot, with horse-drawn or few vehicles (most
    /// armies' infantry until the 1950s): as much power per troop as
    /// motorised infantry, but it advances at a foot march's pace.
    FootInfantry,
    /// Airborne or air-assault infantry.
    Airborne,
    /// Marines or naval infantry.
    Marines,
    /// Artillery and rockets.
    Artillery,
    /// Ground-based air defence.
    AirDefence,
    /// Combat aircraft: `troops` counts aircraft; they act within their
    /// combat radius of where they are based.
    CombatAircraft,
    /// Advisers and trainers: a small presence that counts as a tripwire but
    /// adds no combat power.
    Advisers,
}

impl UnitKind {
    /// Every kind, in the order a legend lists them.
    pub const ALL: [UnitKind; 10] = [
        UnitKind::Armoured,
        UnitKind::Mechanised,
        UnitKind::Motorised,
        UnitKind::FootInfantry,
        UnitKind::Airborne,
        UnitKind::Marines,
        UnitKind::Artillery,
        UnitKind::AirDefence,
        UnitKind::CombatAircraft,
        UnitKind::Advisers,
    ];

    /// The kinds that fight on the ground, in [`Composition::shares`] order.
    pub const GROUND: [UnitKind; 8] = [
        UnitKind::Armoured,
        UnitKind::Mechanised,
        UnitKind::Motorised,
        UnitKind::Airborne,
        UnitKind::Marines,
        UnitKind::Artillery,
        UnitKind::AirDefence,
        UnitKind::FootInfantry,
    ];
}

impl StateFigures {
    /// True when no figure is set (used to keep saved files small).
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The adversary: the state whose attack is to be deterred, its forces for the
/// theatre, and what it demands of a settlement.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Adversary {
    /// State id of the adversary (must be in `states`).
    pub state: String,
    /// Ground forces the adversary can commit to the theatre, troops.
    pub theatre_troops: f64,
    /// How those forces divide by kind of unit; none: the adversary state's
    /// own mix. Since format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub composition: Option<Composition>,
    /// Quality of those forces; none: the adversary state's. Since format
    /// version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quality: Option<f64>,
    /// Combat aircraft committed to the theatre, spread over the axes like its
    /// ground forces (none: 0). Since format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub combat_aircraft: Option<f64>,
    /// Whether the attack comes as a surprise (strategic or tactical), so that
    /// first strikes catch the defender's aircraft on the ground (see the
    /// `first_strike_share` assumption). Since format version 2.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub surprise: bool,
    /// What the adversary demands of a settlement.
    #[serde(default)]
    pub demands: Vec<Demand>,
    /// Conditions the adversary sets before it will discuss guarantees at all
    /// (e.g. settling "root causes"), in its own words.
    #[serde(default)]
    pub preconditions: Vec<String>,
}

/// One demand of the adversary and how much it matters to it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Demand {
    /// What is demanded.
    pub kind: DemandKind,
    /// Importance to the adversary, 0 (indifferent) to 1 (non-negotiable).
    pub weight: f64,
    /// The demand in words, with its source.
    #[serde(default)]
    pub text: String,
    /// For a territorial demand: the region demanded (a name, e.g.
    /// "Sudetenland"), met by an arrangement that cedes it; none: the
    /// settlement line decides (the Ukrainian presets). Since format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// The region's share of the protected state's territory, 0 to 1. Since
    /// format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub share: Option<f64>,
    /// The region's outline on the map (a ring of points, drawn with the
    /// map's Draw area tool, which also sets `share` from it). Since format
    /// version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub area: Vec<GeoPoint>,
    /// How far the settlement meets the demand, 0 (not at all) to 1 (wholly),
    /// as the analyst judges it; none: the engine judges from the
    /// arrangements. A timeline step can set it from its month on (sanctions
    /// lifted in stages, the "root causes" talks concluded). Since format
    /// version 6.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub met: Option<f64>,
}

/// The kinds of demand an adversary makes of a settlement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DemandKind {
    /// The protected state stays out of alliances (non-NATO status).
    Neutrality,
    /// No foreign (guarantor) troops on the protected state's soil.
    NoForeignTroops,
    /// A cap on the protected state's armed forces.
    ForceCap,
    /// Recognition of territory the adversary holds or claims.
    Territory,
    /// Settlement of the adversary's "root causes" before guarantees.
    RootCauses,
    /// No long-range missiles in the protected state.
    NoLongRangeMissiles,
    /// Sanctions on the adversary lifted (since format version 6); met only
    /// as far as the analyst or a timeline step says (`met`).
    SanctionsRelief,
    /// Anything else, described in `text`.
    Other,
}

/// A guarantee arrangement: who guarantees which state, how, and on what terms.
/// Armed neutrality is an arrangement with no guarantors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Arrangement {
    /// Unique id within the scenario (used by slides and comparisons).
    pub id: String,
    /// Display name, e.g. "Bilateral US guarantee (28-point draft)".
    pub name: String,
    /// The type of arrangement, as in the product brief.
    pub kind: ArrangementKind,
    /// The protected state(s), by id.
    pub protected_states: Vec<String>,
    /// The guarantors and what each commits to.
    #[serde(default)]
    pub guarantors: Vec<Guarantor>,
    /// Acts of the protected state that void the guarantee.
    #[serde(default)]
    pub void_clauses: Vec<Clause>,
    /// Limits the arrangement places on the protected state.
    #[serde(default)]
    pub restraints: Vec<Restraint>,
    /// Compensation the guarantor(s) demand for the guarantee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub compensation: Option<Compensation>,
    /// Years after which the arrangement lapses unless renewed; none: open-ended.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sunset_years: Option<f64>,
    /// Whether the arrangement can be renewed at its sunset.
    #[serde(default)]
    pub renewable: bool,
    /// Whether the guarantors' forces fall under an integrated command (as NATO's).
    #[serde(default)]
    pub integrated_command: bool,
    /// Snap-back sanctions on the adversary if it attacks.
    #[serde(default)]
    pub snapback_sanctions: bool,
    /// Whether the adversary has signed a non-aggression pact with the
    /// protected state (Denmark–Germany 1939): no one is bound to defend it,
    /// but breaking its word costs the adversary something. Since format
    /// version 2.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub non_aggression_pact: bool,
    /// Regions the settlement cedes to the adversary (names, as in its
    /// territorial demands: a Munich-style cession). Since format version 2.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cedes: Vec<String>,
    /// The axes of advance the guarantee covers (a treaty area, or only the
    /// territory the protected state controls); none: the whole state. An
    /// attack along another axis brings no intervention under it. Since
    /// format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope_axes: Option<Vec<String>>,
    /// The area the guarantee covers, drawn on the map (a ring of points): an
    /// axis whose objective lies inside it is covered, as are the axes of
    /// `scope_axes`; an attack along any other brings no intervention under
    /// it. Empty: no area limits the scope. Since format version 3.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub scope_area: Vec<GeoPoint>,
    /// Free notes (Markdown) on this arrangement and its sources.
    #[serde(default)]
    pub notes: String,
}

/// The arrangement types Bulwark models (see the product brief).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArrangementKind {
    /// No guarantor; the protected state's own forces.
    ArmedNeutrality,
    /// NATO membership under Article 5.
    NatoMembership,
    /// One great-power guarantor by bilateral agreement.
    BilateralGuarantee,
    /// Several guarantors (e.g. Anglo-French or a "coalition of the willing").
    CoalitionGuarantee,
    /// Political assurances with no obligation to fight (Budapest-style).
    Assurances,
    /// Arms, money and intelligence without a commitment.
    InformalSupport,
    /// Any mix of the above with conditions.
    Mixed,
}

/// One guarantor's commitment within an arrangement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Guarantor {
    /// State id of the guarantor (must be in `states`).
    pub state: String,
    /// What the guarantor is obliged to do.
    pub obligation: Obligation,
    /// How formally the commitment is made.
    pub formality: Formality,
    /// How the commitment is triggered.
    pub trigger: Trigger,
    /// The trigger in the text's own words, with source.
    #[serde(default)]
    pub trigger_wording: String,
    /// Analyst's override of this guarantor's credibility (chance it fights if
    /// the protected state is attacked), 0 to 1; none: the engine derives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credibility: Option<f64>,
    /// Whether the guarantor extends its nuclear umbrella over the protected state.
    #[serde(default)]
    pub nuclear_umbrella: bool,
    /// The state id of another guarantor of this arrangement whose action
    /// this commitment requires (the 1935 Soviet–Czechoslovak treaty bound
    /// the USSR only if France acted first); none: unconditional. Since
    /// format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conditional_on: Option<String>,
    /// Forces present in, or pledged to, the protected state.
    #[serde(default)]
    pub forces: Vec<ForceCommitment>,
}

/// What a guarantor is obliged to do if the protected state is attacked
/// (after the ATOP treaty obligation types).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Obligation {
    /// To defend: come to the protected state's aid, including with armed force.
    Defence,
    /// To consult on a response.
    Consultation,
    /// To respect its borders and seek action by others (e.g. the UN Security Council).
    Assurance,
    /// No obligation; support given as interests dictate.
    Informal,
    /// Forces stationed in the protected state with no duty to defend it (the
    /// 1951 US–Japan Security Treaty). Since format version 2.
    Basing,
}

/// How formally a commitment is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Formality {
    /// A treaty ratified by the guarantor's legislature.
    RatifiedTreaty,
    /// An agreement signed by the executive, not ratified.
    ExecutiveAgreement,
    /// A political declaration or memorandum.
    PoliticalDeclaration,
    /// No written commitment (secret or informal ties).
    None,
}

/// How a guarantor's commitment is triggered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Trigger {
    /// An attack obliges the guarantor to act.
    Automatic,
    /// The guarantor takes "such action as it deems necessary" (NATO Article 5).
    AsItDeemsNecessary,
    /// The guarantor acts only after consultation.
    AfterConsultation,
}

/// Guarantor forces, present on the protected state's soil or pledged to arrive.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ForceCommitment {
    /// Unit name, e.g. "Panzerbrigade 45".
    pub label: String,
    /// Kind of unit; a version-1 force reads as mechanised. Since format
    /// version 2.
    #[serde(default)]
    pub kind: UnitKind,
    /// Troops in the unit (aircraft, for combat aircraft).
    pub troops: f64,
    /// Quality (training, equipment): 1 for a trained and equipped unit of its
    /// time, 0 for one that adds nothing. Since format version 2.
    #[serde(default = "default_quality")]
    pub quality: f64,
    /// The axis the unit fights on (an axis id); none: spread over the
    /// axes into the state it stands in by their defender shares. Since
    /// format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub axis: Option<String>,
    /// How far from where it stands the unit can act, km (combat radius,
    /// range of fires); none: the default for its kind (aircraft: the
    /// `aircraft_radius_km` assumption; ground units act only in the state
    /// they stand in). Since format version 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reach_km: Option<f64>,
    /// Days after the attack starts until the unit is in action; `0` means already
    /// present (forward-deployed).
    pub arrival_days: f64,
    /// State id where the unit stands or will stand.
    pub stationed_in: String,
    /// Where on the map the unit stands; none: at the capital of `stationed_in`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<GeoPoint>,
}

fn default_quality() -> f64 {
    1.0
}

impl ForceCommitment {
    /// True when the unit is already in place when an attack starts.
    pub fn is_present(&self) -> bool {
        self.arrival_days <= 0.0
    }
}

/// A clause voiding a guarantee if the protected state does something.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// What act voids the guarantee.
    pub kind: VoidClauseKind,
    /// The clause in the text's own words, with source.
    #[serde(default)]
    pub text: String,
}

/// Acts of the protected state that void a guarantee.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum VoidClauseKind {
    /// The protected state invades the adversary.
    InvadesAdversary,
    /// The protected state strikes the adversary first.
    FirstStrike,
    /// The protected state fires at the adversary's capitals (e.g. Moscow,
    /// St Petersburg) "without cause".
    StrikesOnCapitals,
    /// The protected state exceeds its force cap.
    ExceedsForceCap,
    /// The protected state provokes the attack (ATOP's non-provocation condition).
    Provocation,
    /// Anything else, described in `text`.
    Other,
}

/// A limit the arrangement places on the protected state.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Restraint {
    /// What is limited.
    pub kind: RestraintKind,
    /// For a force cap: the maximum peacetime strength, troops.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<f64>,
    /// The restraint in the text's own words, with source.
    #[serde(default)]
    pub text: String,
}

/// The kinds of restraint on a protected state.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RestraintKind {
    /// A cap on the armed forces (`limit` troops).
    ForceCap,
    /// No foreign troops on its soil.
    NoForeignTroops,
    /// No long-range strike missiles.
    NoLongRangeMissiles,
    /// Consult the guarantors before using force.
    ConsultBeforeForce,
    /// Non-aligned status written into the constitution.
    ConstitutionalNeutrality,
    /// No nuclear weapons.
    NonNuclear,
    /// Anything else, described in `text`.
    Other,
}

/// Compensation a guarantor demands for its guarantee.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Compensation {
    /// What is demanded, in words, with source.
    pub description: String,
    /// Yearly cost to the protected state as a percentage of its GDP, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pct_gdp_per_year: Option<f64>,
}

/// A point on the map, degrees (WGS 84).
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GeoPoint {
    /// Longitude, degrees east (−180 to 180).
    pub lon: f64,
    /// Latitude, degrees north (−90 to 90).
    pub lat: f64,
}

impl GeoPoint {
    /// Great-circle distance to `other`, km (haversine, mean Earth radius
    /// 6,371 km): how the engine measures axes and reach, and how the
    /// consistency warnings measure an axis.
    pub fn distance_km(self, other: GeoPoint) -> f64 {
        let (la1, la2) = (self.lat.to_radians(), other.lat.to_radians());
        let dlat = la2 - la1;
        let dlon = (other.lon - self.lon).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * 6371.0 * h.sqrt().min(1.0).asin()
    }
}

/// A named place on the map (start or objective of an axis).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Place {
    /// Name shown on the map.
    pub name: String,
    /// Where it is.
    #[serde(flatten)]
    pub point: GeoPoint,
}

/// An axis along which the adversary could advance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Axis {
    /// Unique id within the scenario.
    pub id: String,
    /// Display name, e.g. "Suwałki gap".
    pub name: String,
    /// The state whose territory is attacked along this axis (must be in `states`).
    pub defender: String,
    /// Where the advance starts.
    pub start: Place,
    /// The objective whose capture would be a fait accompli.
    pub objective: Place,
    /// Route length relative to the great-circle distance (roads wind), ≥ 1.
    #[serde(default = "default_route_factor")]
    pub route_factor: f64,
    /// How much the terrain slows an advance, 0 (impassable) to 1 (open plain).
    #[serde(default = "default_terrain")]
    pub terrain: f64,
    /// Share of the adversary's theatre forces committed to this axis, 0 to 1.
    pub adversary_share: f64,
    /// Share of the defender's forces that can reach this axis in time, 0 to 1.
    pub defender_share: f64,
    /// How the attacker gets to the start: over land (the default), across
    /// water or by air. Across water or by air, `start` is where it lands.
    #[serde(default, skip_serializing_if = "Crossing::is_land")]
    pub crossing: Crossing,
    /// Across water or by air: troops landed in the first wave (day 0). Absent:
    /// one day's lift.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lift_first_wave: Option<f64>,
    /// Across water or by air: troops landed each following day. Absent: no
    /// limit (all the axis's troops at once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lift_per_day: Option<f64>,
    /// Across water or by air: the day (from the start of the attack) the
    /// first wave lands, after the crossing. Absent: day 0.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub landing_day: Option<f64>,
    /// Since version 4: where the route crosses a river whose bridges the
    /// defender can blow. The attack halts there until it has bridged it (see
    /// the engine's `bridging_days`), unless it takes the bridges intact.
    /// Empty (not written): no river on the route.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub river_crossings: Vec<RiverCrossing>,
    /// Since version 5: lines the defence holds behind the front, each with
    /// the share of the defender's own active forces on the axis that stand
    /// there; the rest stand at the front. The attack meets each line's
    /// forces only when it reaches the line (defence in depth, met in turn).
    /// Empty (not written): the whole defence at the front.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub defence_lines: Vec<DefenceLine>,
}

/// A line the defence holds behind the front of an axis (since version 5).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DefenceLine {
    /// The line and who holds it, e.g. "Jebel Libni (3rd Infantry Division)".
    pub name: String,
    /// Where the route meets it.
    #[serde(flatten)]
    pub point: GeoPoint,
    /// Share of the defender's own active forces on the axis standing on
    /// this line, 0 to 1; the lines' shares add up to at most 1.
    pub share: f64,
}

/// A river crossing on an axis's route (since version 4).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RiverCrossing {
    /// The river and the crossing, e.g. "Irpin at the Romanivka bridge".
    pub name: String,
    /// Where the route crosses it.
    #[serde(flatten)]
    pub point: GeoPoint,
    /// What becomes of its bridges, where the case's sources say; absent:
    /// the engine decides (blown, unless a surprise attack reaches them on
    /// its first day and takes them intact).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bridges: Option<Bridges>,
}

/// The bridges at a river crossing when the attack reaches it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bridges {
    /// Demolished: the attack must bridge the river.
    Blown,
    /// Taken intact: the attack crosses without a halt.
    Intact,
}

/// How an attacker reaches the start of an axis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Crossing {
    /// Over land: all the axis's forces are there from the start.
    #[default]
    Land,
    /// Across water: landed by ship, as fast as the lift allows.
    Water,
    /// By air: landed or dropped, as fast as the lift allows.
    Air,
}

impl Crossing {
    /// Whether this is the default, over land (not written to files).
    pub fn is_land(&self) -> bool {
        *self == Crossing::Land
    }
}

fn default_route_factor() -> f64 {
    1.2
}

fn default_terrain() -> f64 {
    1.0
}

/// A value that is uncertain: low, most likely and high (a triangular range).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Uncertain {
    /// Low end of the plausible range.
    pub low: f64,
    /// Most likely value.
    pub likely: f64,
    /// High end of the plausible range.
    pub high: f64,
}

impl Uncertain {
    /// A range with the same low, likely and high value (no uncertainty).
    pub fn exact(value: f64) -> Self {
        Self {
            low: value,
            likely: value,
            high: value,
        }
    }

    /// A range from its three values.
    pub fn new(low: f64, likely: f64, high: f64) -> Self {
        Self { low, likely, high }
    }
}

/// Monte Carlo settings stored with the scenario.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Simulation {
    /// Number of Monte Carlo draws.
    pub samples: u32,
    /// Seed of the random number generator: the same seed gives the same numbers.
    pub seed: u64,
}

impl Default for Simulation {
    fn default() -> Self {
        Self {
            samples: 10_000,
            seed: 1,
        }
    }
}

/// The settlement line / line of control in Ukraine.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SettlementLine {
    /// Which line to use.
    pub preset: LinePreset,
    /// For `custom`: the line's vertices from north to south.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<GeoPoint>,
}

/// Presets of the settlement line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum LinePreset {
    /// No line drawn (scenarios away from Ukraine).
    None,
    /// The approximate line of contact in late 2025.
    #[default]
    LineOfContact2025,
    /// A settlement ceding all of Donetsk and Luhansk oblasts.
    CedeDonetskLuhansk,
    /// A line given in `custom`.
    Custom,
}

/// The map view saved with a scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MapView {
    /// Centre of the view.
    pub center: GeoPoint,
    /// Zoom factor; 1 shows the whole map.
    pub zoom: f64,
    /// Which layers are shown.
    #[serde(default)]
    pub layers: Layers,
}

impl Default for MapView {
    fn default() -> Self {
        Self {
            center: GeoPoint {
                lon: 25.0,
                lat: 54.0,
            },
            zoom: 1.0,
            layers: Layers::default(),
        }
    }
}

/// Map layers that can be toggled.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Layers {
    /// Guarantee ties between guarantors and protected states.
    pub ties: bool,
    /// Force markers.
    pub forces: bool,
    /// Axes of advance.
    pub axes: bool,
    /// City and country labels.
    pub labels: bool,
    /// The line of control and the area the adversary holds.
    pub line_of_control: bool,
    /// Latitude/longitude grid.
    pub graticule: bool,
}

impl Default for Layers {
    fn default() -> Self {
        Self {
            ties: true,
            forces: true,
            axes: true,
            labels: true,
            line_of_control: true,
            graticule: false,
        }
    }
}

/// One slide of a briefing.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Slide {
    /// Slide title.
    pub title: String,
    /// What the slide shows.
    pub content: SlideContent,
    /// Speaker notes (Markdown), shown only in the presenter view.
    #[serde(default)]
    pub notes: String,
}

/// What a slide shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum SlideContent {
    /// The map with a view, layers and highlighted states.
    Map {
        /// The view to show.
        view: MapView,
        /// State ids to highlight.
        #[serde(default)]
        highlight: Vec<String>,
    },
    /// One of the assessment plots.
    Plot {
        /// Which plot.
        plot: PlotKind,
        /// For per-state plots: the protected state; none: the first.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        state: Option<String>,
    },
    /// The comparison of open scenarios / arrangements.
    Comparison,
    /// Markdown text.
    Text {
        /// The text.
        markdown: String,
    },
    /// The settlement over time (since format version 6): the map as it
    /// stands at a month, with the timeline beneath. Without a month, the
    /// deck steps through every phase (one slide each: the ceasefire and
    /// each month a step is taken).
    Timeline {
        /// The view to show.
        view: MapView,
        /// The one month to show; none: every phase in turn.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        month: Option<f64>,
    },
}

/// The assessment plots a slide can show.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PlotKind {
    /// Headline figures.
    Headline,
    /// Distribution of the chance of attack.
    AttackDistribution,
    /// Tornado chart of the assumptions that matter most.
    Tornado,
    /// Force ratio and ground taken by day along each axis.
    Campaign,
    /// Defence burden over the years.
    Burden,
    /// Acceptability versus deterrence.
    AcceptabilityDeterrence,
    /// Break-even credibility against armed neutrality.
    BreakEven,
    /// The chance of attack over time: by period and cumulated, with the
    /// windows (since format version 6).
    OverTime,
}

/// The settlement over time (since format version 6): the steps taken after
/// the ceasefire and the length of the periods the chance of attack is
/// reported by. See `docs/FORMAT.md` for what each change does before and
/// after its month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Timeline {
    /// The periods the chance of attack is reported by.
    #[serde(default)]
    pub period: Period,
    /// The steps, in any order (each has its month).
    #[serde(default)]
    pub steps: Vec<Step>,
}

impl Timeline {
    /// True without steps (and with the default period): not written to files.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty() && self.period == Period::default()
    }
}

/// The length of the periods a timeline's chance of attack is reported by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    /// A month.
    Month,
    /// Three months.
    Quarter,
    /// A year.
    #[default]
    Year,
}

impl Period {
    /// The period's length in months.
    pub fn months(self) -> f64 {
        match self {
            Period::Month => 1.0,
            Period::Quarter => 3.0,
            Period::Year => 12.0,
        }
    }
}

/// One step of the settlement: a change to the scenario from its month on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// Unique id within the timeline (another step's `after` names it).
    pub id: String,
    /// What the step is, in the drafts' words, e.g. "Coalition force deploys".
    pub name: String,
    /// Months after the ceasefire at which the step is taken (at the earliest,
    /// when it waits on another).
    pub month: f64,
    /// The id of a step this one waits on: it is taken at its own month or
    /// when that step is, whichever is later ("the guarantee is activated
    /// only after the talks conclude").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub after: Option<String>,
    /// What changes.
    pub change: Change,
    /// Notes (Markdown): the step's source or reasoning.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub notes: String,
}

/// What a timeline step changes. Each names what it changes in the scenario
/// (an arrangement by id, a guarantor by state id, a unit by label, a demand
/// by kind and region).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// An arrangement signed, ratified, activated, suspended or ended. An
    /// arrangement that a step names is not in force before its first step.
    Arrangement {
        /// The arrangement's id.
        arrangement: String,
        /// Its status from the step on.
        status: ArrangementStatus,
    },
    /// A guarantor's unit arriving in or leaving its station. A unit that
    /// arrives is absent before; one that leaves is there before.
    Unit {
        /// The arrangement's id.
        arrangement: String,
        /// The guarantor's state id.
        guarantor: String,
        /// The unit's label.
        unit: String,
        /// Whether it arrives or leaves.
        movement: Movement,
    },
    /// A restraint of an arrangement (a force cap, no foreign troops …)
    /// coming into force or lifted; before its first step it is the other.
    Restraint {
        /// The arrangement's id.
        arrangement: String,
        /// Which of its restraints.
        restraint: RestraintKind,
        /// Whether it is in force from the step on.
        in_force: bool,
    },
    /// A demand of the adversary met to a degree from the step on (the "root
    /// causes" talks concluded, neutrality written into the constitution,
    /// sanctions lifted in stages); before: as the scenario has it.
    DemandMet {
        /// Which demand.
        demand: DemandKind,
        /// For a territorial demand with a named region: the region.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        region: Option<String>,
        /// How far it is met, 0 to 1.
        met: f64,
    },
    /// Snap-back sanctions of an arrangement agreed or dropped; before its
    /// first step it is the other.
    Snapback {
        /// The arrangement's id.
        arrangement: String,
        /// Whether snap-back is in force from the step on.
        on: bool,
    },
    /// The adversary's theatre forces growing (rebuilding) or shrinking
    /// (demobilising) at a rate from the step on, until a later such step.
    AdversaryRebuilds {
        /// Troops added each year (negative: withdrawn or demobilised), a
        /// range the Monte Carlo draws from like any assumption's (low,
        /// most likely, high; all three equal for a figure known exactly).
        troops_per_year: Uncertain,
        /// The most (or, when shrinking, the fewest) theatre troops it grows
        /// or shrinks to; none: no limit.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        up_to: Option<f64>,
    },
    /// The adversary's theatre forces changed at once by a number of troops
    /// (withdrawn behind a line: negative).
    AdversaryForces {
        /// Troops added (negative: withdrawn).
        troops: f64,
    },
    /// The line of control moves (a withdrawal line, a cession in stages):
    /// from the step on, this line stands instead of the scenario's.
    SettlementLine {
        /// The line from the step on.
        line: SettlementLine,
    },
}

/// The status of an arrangement from a timeline step on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ArrangementStatus {
    /// Signed, not yet ratified: each commitment no more formal than an
    /// executive agreement, and no guarantor forces stationed in the protected
    /// state yet.
    Signed,
    /// Ratified as written, but guarantor forces not yet stationed in the
    /// protected state.
    Ratified,
    /// In force as written, its forces in place.
    Activated,
    /// Suspended: not in force until activated again.
    Suspended,
    /// Ended (a sunset without renewal, a withdrawal): not in force.
    Ended,
}

impl ArrangementStatus {
    /// Whether the arrangement binds anyone in this status.
    pub fn in_force(self) -> bool {
        matches!(self, Self::Signed | Self::Ratified | Self::Activated)
    }
}

/// A unit's movement at a timeline step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Movement {
    /// The unit arrives at its station.
    Arrives,
    /// The unit leaves.
    Leaves,
}
