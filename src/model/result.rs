//! The assessment as the views read it: every figure with the intermediate
//! figures that explain it. Field names are stable (documented in
//! `docs/ASSESS-JSON.md`); serialised as snake_case JSON.

use serde::Serialize;

use super::campaign::CampaignDay;
use super::credibility::CredibilityFactors;

/// Number of histogram bins in a [`Distribution`].
pub const BINS: usize = 20;

/// Summary of a quantity over the Monte Carlo draws.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Distribution {
    /// Mean over the draws.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// Median.
    pub p50: f64,
    /// 95th percentile.
    pub p95: f64,
    /// Lower edge of the histogram.
    pub hist_low: f64,
    /// Upper edge of the histogram.
    pub hist_high: f64,
    /// Count of draws in each of [`BINS`] equal bins from `hist_low` to `hist_high`.
    pub histogram: Vec<u32>,
}

/// The whole assessment of a scenario.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Assessment {
    /// Scenario title.
    pub title: String,
    /// Monte Carlo draws used.
    pub samples: u32,
    /// Seed used.
    pub seed: u64,
    /// Horizon of the chance of attack, years.
    pub horizon_years: f64,
    /// For a scenario with a timeline: the month after the ceasefire whose
    /// scenario the answers describe; none without a timeline.
    pub at_month: Option<f64>,
    /// One assessment per protected state.
    pub states: Vec<StateAssessment>,
}

/// The eight answers for one protected state (all arrangements protecting it combined).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StateAssessment {
    /// State id.
    pub state: String,
    /// State name.
    pub name: String,
    /// Ids of the arrangements protecting it.
    pub arrangements: Vec<String>,
    /// Q1: guarantor and arrangement credibility.
    pub credibility: Credibility,
    /// Q2: the campaign along each axis.
    pub campaign: Vec<Campaign>,
    /// Q3: punishment.
    pub punishment: Punishment,
    /// Q4: the chance of a renewed major attack.
    pub decision: Decision,
    /// Q5: defence burden.
    pub burden: Burden,
    /// Q6: restraint of the protected state.
    pub restraint: Restraint,
    /// Q7: acceptability to both sides.
    pub acceptability: Acceptability,
    /// Q8: each arrangement against armed neutrality.
    pub break_even: Vec<BreakEven>,
    /// One-at-a-time swings of the chance of attack, largest first.
    pub tornado: Vec<TornadoBar>,
    /// The chance of attack in each period of the horizon (given peace until
    /// it starts), from the scenario as it stands then.
    pub by_period: Vec<PeriodChance>,
    /// The chance of attack from the ceasefire to the end of each period:
    /// one minus the survival curve of the peace.
    pub cumulative: Vec<PeriodChance>,
    /// Windows of vulnerability and commitment problems over the horizon.
    pub windows: Vec<Window>,
    /// Each timeline step, in the order taken, with what it does to each
    /// side's acceptance (none without a timeline).
    pub steps: Vec<StepAcceptance>,
    /// Each side's acceptance averaged over the horizon, at most likely values.
    pub sequence: SequenceAcceptance,
}

/// A figure over the draws: its mean and 90 % range.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Spread {
    /// Mean over the draws.
    pub mean: f64,
    /// 5th percentile.
    pub p5: f64,
    /// 95th percentile.
    pub p95: f64,
}

/// The chance of attack over one period of the horizon.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PeriodChance {
    /// First month of the period (after the ceasefire).
    pub start_month: f64,
    /// Month the period ends.
    pub end_month: f64,
    /// The chance over the draws.
    pub chance_of_attack: Spread,
}

/// What kind of danger a [`Window`] flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WindowKind {
    /// The adversary's expected gain from attacking exceeds its expected cost.
    Vulnerability,
    /// A side gains by reneging on a later step once an earlier one is done.
    CommitmentProblem,
}

impl WindowKind {
    /// The kind's name as in the JSON output.
    pub fn name(self) -> &'static str {
        match self {
            WindowKind::Vulnerability => "vulnerability",
            WindowKind::CommitmentProblem => "commitment_problem",
        }
    }
}

/// A stretch of the horizon flagged as dangerous, with why.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Window {
    /// First month flagged.
    pub start_month: f64,
    /// Month it ends.
    pub end_month: f64,
    /// What is flagged.
    pub kind: WindowKind,
    /// Why, in words, with the figures.
    pub reason: String,
}

/// One timeline step's effect on each side's acceptance of the settlement.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct StepAcceptance {
    /// The step's id.
    pub id: String,
    /// The step's name.
    pub name: String,
    /// The month it is taken (after any step it waits on).
    pub month: f64,
    /// The adversary's acceptance just before and just after the step.
    pub adversary: [f64; 2],
    /// The protected state's acceptance just before and just after.
    pub protected_state: [f64; 2],
}

/// Each side's acceptance of the settlement over the whole horizon.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct SequenceAcceptance {
    /// The adversary's, averaged over the horizon (time-weighted).
    pub adversary: f64,
    /// Its lowest in any stretch.
    pub adversary_lowest: f64,
    /// The protected state's, averaged over the horizon.
    pub protected_state: f64,
    /// Its lowest in any stretch.
    pub protected_state_lowest: f64,
}

/// Q1: how likely the guarantors are to fight.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Credibility {
    /// Chance at least one guarantor fights, over the draws.
    pub arrangement: Distribution,
    /// Correlation of guarantors' decisions at its most likely value.
    pub correlation: f64,
    /// Each guarantor.
    pub guarantors: Vec<GuarantorCredibility>,
}

/// One guarantor's credibility.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GuarantorCredibility {
    /// Guarantor's state id.
    pub state: String,
    /// Arrangement it guarantees under.
    pub arrangement: String,
    /// Factors at the most likely parameter values.
    pub factors: CredibilityFactors,
    /// Chance it fights, over the draws.
    pub credibility: Distribution,
    /// Share of draws in which it intervened.
    pub intervened_share: f64,
}

/// Q2: the campaign along one axis.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Campaign {
    /// Axis id (`default` for the engine's own axis when the scenario has none).
    pub axis: String,
    /// Axis name.
    pub name: String,
    /// Route length, km (great circle × route factor).
    pub distance_km: f64,
    /// Attacking troops on the axis.
    pub attacker_troops: f64,
    /// Attacking combat power on the axis at most likely values, in troops of
    /// motorised infantry (troops weighted by kind and quality).
    pub attacker_power: f64,
    /// Defending combat power on day 0 at most likely values (own active
    /// forces in position and guarantors' present), same unit.
    pub defender_power_day0: f64,
    /// Ratio of combat power on day 0.
    pub force_ratio_day0: f64,
    /// Share of draws in which the objective fell within the fait-accompli window.
    pub fait_accompli: f64,
    /// Share of draws in which the objective held for the whole campaign.
    pub held: f64,
    /// Days to the objective, over the draws in which it fell (none if it never did).
    pub days_to_objective: Option<Distribution>,
    /// Day by day at most likely values, no guarantor intervening.
    pub trace_alone: Vec<CampaignDay>,
    /// Day by day at most likely values, every guarantor intervening.
    pub trace_helped: Vec<CampaignDay>,
    /// The river crossings and defence lines the attack meets on the way,
    /// nearest first.
    pub marks: Vec<RouteMark>,
}

/// A point on an axis's route where the campaign changes.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RouteMark {
    /// What it is.
    pub kind: RouteMarkKind,
    /// Its name in the scenario.
    pub name: String,
    /// Km from the start where the attack reaches it.
    pub km: f64,
}

/// The kinds of [`RouteMark`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RouteMarkKind {
    /// A river crossing, where blown bridges halt the attack.
    RiverCrossing,
    /// A defence line, whose forces join when the attack reaches it.
    DefenceLine,
}

impl RouteMarkKind {
    /// What it is, in words: "river crossing", "defence line".
    pub fn noun(self) -> &'static str {
        match self {
            Self::RiverCrossing => "river crossing",
            Self::DefenceLine => "defence line",
        }
    }
}

impl Campaign {
    /// The days to the objective when it falls in at least half the draws;
    /// none when it usually holds (the one figure a map or a caption shows).
    pub fn usually_falls(&self) -> Option<&Distribution> {
        self.days_to_objective.as_ref().filter(|_| self.held < 0.5)
    }
}

/// Q3: the expected cost to the adversary.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Punishment {
    /// Combined punishment, 0 to 1, over the draws.
    pub expected: Distribution,
    /// Conventional war term at most likely values.
    pub war_term: f64,
    /// Nuclear umbrella term at most likely values.
    pub nuclear_term: f64,
    /// Snap-back sanctions term at most likely values.
    pub sanctions_term: f64,
    /// Guarantors' military spending, billions of US dollars a year.
    pub guarantor_spending_usd_bn: f64,
    /// Adversary's military spending, billions of US dollars a year.
    pub adversary_spending_usd_bn: f64,
}

/// Q4: the chance of a renewed major attack within the horizon.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Decision {
    /// Chance of attack within the horizon, over the draws.
    pub chance_of_attack: Distribution,
    /// Yearly chance at most likely values.
    pub annual_hazard: f64,
    /// Adversary's motive at most likely values.
    pub motive: f64,
    /// Unmet demands, 0 to 1.
    pub grievance: f64,
    /// Expected success (share of routes taken in the window) at most likely values.
    pub expected_success: f64,
    /// Success if no guarantor intervenes.
    pub success_alone: f64,
    /// Success if every guarantor intervenes.
    pub success_helped: f64,
    /// Chance of attack with every parameter at its most likely value.
    pub chance_at_likely: f64,
    /// With a timeline, `chance_of_attack` runs through its steps; this is
    /// the chance were the settlement as it stands at the month assessed to
    /// hold for the whole horizon. None without a timeline.
    pub chance_if_held: Option<Distribution>,
}

/// Q5: the defence spending the protected state carries.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Burden {
    /// Its defence spending, % of GDP (after any force cap).
    pub defence_pct_gdp: f64,
    /// Compensation to guarantors, % of GDP a year.
    pub compensation_pct_gdp: f64,
    /// Total, % of GDP a year.
    pub total_pct_gdp: f64,
    /// Total, billions of US dollars a year.
    pub total_usd_bn: f64,
    /// Total over the horizon, %-of-GDP-years.
    pub over_horizon_pct_gdp_years: f64,
    /// Force cap, troops, if any.
    pub force_cap: Option<f64>,
}

/// Q6: how the arrangements restrain the protected state.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Restraint {
    /// Restraint index, 0 (none) to 1.
    pub index: f64,
    /// Each measure and its strength.
    pub measures: Vec<Measure>,
    /// Chance the protected state starts an escalation, over the draws.
    pub escalation_risk: Distribution,
}

/// One restraining measure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Measure {
    /// What it is.
    pub measure: String,
    /// Its strength, 0 to 1.
    pub strength: f64,
}

/// Q7: acceptability to both sides.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Acceptability {
    /// Chance the adversary accepts, over the draws.
    pub adversary: Distribution,
    /// Chance the protected state accepts at most likely values.
    pub protected_state: f64,
    /// The adversary's demands and how far each is met.
    pub demands: Vec<DemandAnswer>,
    /// Number of the adversary's stated preconditions.
    pub preconditions: usize,
}

/// One demand and how far the arrangements meet it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DemandAnswer {
    /// Kind of demand (snake_case as in the scenario file).
    pub kind: String,
    /// Its weight.
    pub weight: f64,
    /// How far it is met, 0 to 1.
    pub met: f64,
}

/// Q8: one arrangement against armed neutrality (at most likely values).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct BreakEven {
    /// Arrangement id.
    pub arrangement: String,
    /// Arrangement name, as the scenario gives it.
    pub name: String,
    /// What it is compared with: an armed-neutrality arrangement's id, or
    /// `no_arrangement`.
    pub baseline: String,
    /// Credibility of the arrangement alone.
    pub credibility: f64,
    /// Chance of attack under the arrangement alone.
    pub chance_of_attack: f64,
    /// Chance of attack under the baseline.
    pub baseline_chance_of_attack: f64,
    /// Burden under the arrangement, % of GDP.
    pub burden_pct_gdp: f64,
    /// Burden under the baseline, % of GDP.
    pub baseline_burden_pct_gdp: f64,
    /// Per-guarantor credibility at which the arrangement's chance of attack
    /// equals the baseline's: 0 if it is better even at 0, none if it is worse even at 1.
    pub break_even_credibility: Option<f64>,
    /// The arrangement's chance of attack with every guarantor's credibility
    /// set to 0, 0.1 … 1 (at most likely values): pairs of (credibility,
    /// chance of attack), the curve the break-even point lies on.
    pub curve: Vec<[f64; 2]>,
}

/// One bar of the tornado chart.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct TornadoBar {
    /// Parameter key.
    pub parameter: String,
    /// Parameter label.
    pub label: String,
    /// Its low value.
    pub low: f64,
    /// Its high value.
    pub high: f64,
    /// Chance of attack with the parameter low (others most likely).
    pub attack_at_low: f64,
    /// Chance of attack with the parameter high.
    pub attack_at_high: f64,
    /// |high - low| of the chance of attack.
    pub swing: f64,
}
