//! The catalogue of uncertain parameters a scenario can set in `assumptions`:
//! for each, what it means, its unit, the values it may take and its sourced
//! default range. The assessment engine reads parameters by these keys; the UI
//! builds its sliders and tooltips from this table.

use super::types::{Scenario, Uncertain};

/// One uncertain parameter of the assessment.
#[derive(Clone, Copy, Debug)]
pub struct Parameter {
    /// Key in the scenario file's `assumptions` object.
    pub key: &'static str,
    /// Short label for the UI.
    pub label: &'static str,
    /// Unit, shown after values ("" for a plain number).
    pub unit: &'static str,
    /// Smallest value allowed.
    pub min: f64,
    /// Largest value allowed.
    pub max: f64,
    /// Default range when the scenario does not set one.
    pub default: Uncertain,
    /// What the parameter means, in one or two sentences.
    pub meaning: &'static str,
    /// Where the default comes from (or "Assumption" when no source exists).
    pub source: &'static str,
}

/// Every parameter the engine knows. Documented in `docs/MODEL.md`.
pub const CATALOGUE: &[Parameter] = &[
    Parameter {
        key: "pact_reliability",
        label: "Defence-pact reliability",
        unit: "probability",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.41,
            likely: 0.55,
            high: 0.745,
        },
        meaning: "Chance that a formal defence pact is honoured when invoked, before formality, forces and clauses adjust it.",
        source: "Berkemeier & Fuhrmann (2018): defence pacts 41%; Leeds, Long & Mitchell (2000): 74.5% of commitments honoured 1816-1944.",
    },
    Parameter {
        key: "adversary_resolve",
        label: "Adversary resolve",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.3,
            likely: 0.5,
            high: 0.8,
        },
        meaning: "How much the adversary values renewed war for its aims, relative to its costs; higher means more willing to attack.",
        source: "Assumption: no open measure exists; the wide range expresses that.",
    },
    Parameter {
        key: "executive_agreement_factor",
        label: "Executive-agreement factor",
        unit: "multiplier",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.7,
            likely: 0.85,
            high: 0.95,
        },
        meaning: "Credibility of a commitment signed by the executive but not ratified, relative to a ratified treaty.",
        source: "Assumption, after Leeds (2003) and the essay: formal, public commitments put more prestige on the line; range 0.7-0.95.",
    },
    Parameter {
        key: "declaration_factor",
        label: "Political-declaration factor",
        unit: "multiplier",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.3,
            likely: 0.5,
            high: 0.7,
        },
        meaning: "Credibility of a political declaration or memorandum, relative to a ratified treaty.",
        source: "Assumption, after Leeds (2003); range 0.3-0.7.",
    },
    Parameter {
        key: "unwritten_factor",
        label: "Unwritten-commitment factor",
        unit: "multiplier",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.1,
            likely: 0.25,
            high: 0.4,
        },
        meaning: "Credibility of a commitment with no written text (secret or informal ties), relative to a ratified treaty.",
        source: "Assumption; range 0.1-0.4.",
    },
    Parameter {
        key: "consultation_reliability",
        label: "Consultation-pact reliability",
        unit: "multiplier",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.3,
            likely: 0.5,
            high: 0.7,
        },
        meaning: "Chance of fighting under a duty only to consult, relative to a defence pact.",
        source: "Assumption, after the ATOP obligation types (consultation pacts do not oblige armed help); range 0.3-0.7.",
    },
    Parameter {
        key: "assurance_reliability",
        label: "Assurance reliability",
        unit: "probability",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.02,
            likely: 0.08,
            high: 0.2,
        },
        meaning: "Chance that a guarantor bound only by assurances (respect borders, seek UN action) fights.",
        source: "Assumption: Budapest Memorandum (1994) signatories did not fight in 2014 or 2022; range 0.02-0.2.",
    },
    Parameter {
        key: "informal_reliability",
        label: "Informal-support reliability",
        unit: "probability",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.0,
            likely: 0.05,
            high: 0.15,
        },
        meaning: "Chance that a supporter with no commitment at all fights for the protected state.",
        source: "Assumption: no Western state fought for Georgia (2008) or Ukraine (2014, 2022); range 0-0.15.",
    },
    Parameter {
        key: "trigger_deems_factor",
        label: "'As it deems necessary' factor",
        unit: "multiplier",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.85,
            likely: 0.93,
            high: 1.0,
        },
        meaning: "Credibility of a trigger that leaves the response to the guarantor (NATO Article 5), relative to an automatic one.",
        source: "NATO Article 5 wording ('such action as it deems necessary'); size is an assumption, range 0.85-1.",
    },
    Parameter {
        key: "trigger_consultation_factor",
        label: "'After consultation' factor",
        unit: "multiplier",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.6,
            likely: 0.75,
            high: 0.9,
        },
        meaning: "Credibility of a trigger that acts only after consultation, relative to an automatic one.",
        source: "Assumption; range 0.6-0.9.",
    },
    Parameter {
        key: "tripwire_effect",
        label: "Tripwire effect",
        unit: "share",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.1,
            likely: 0.3,
            high: 0.5,
        },
        meaning: "Share of the remaining doubt about a guarantor that its forces already present on the protected state's soil remove (at large numbers).",
        source: "RAND RR-1906 (2018): nearby US troops go with a lower chance of interstate war; Schelling (1966) on tripwires. Size is an assumption.",
    },
    Parameter {
        key: "tripwire_troops",
        label: "Tripwire scale",
        unit: "troops",
        min: 1.0,
        max: 1000000.0,
        default: Uncertain {
            low: 1000.0,
            likely: 3000.0,
            high: 10000.0,
        },
        meaning: "Present troops at which the tripwire effect reaches 63% of its full size (1 - e^-1).",
        source: "Assumption: NATO's eFP battlegroups are about 1,000-1,500 troops each (NATO, 2017-2025).",
    },
    Parameter {
        key: "integrated_command_bonus",
        label: "Integrated-command bonus",
        unit: "share",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.05,
            likely: 0.1,
            high: 0.2,
        },
        meaning: "Share of the remaining doubt removed when guarantor forces serve under an integrated command (as NATO's).",
        source: "Assumption, after Huth & Russett (1984): close military ties go with deterrence success; range 0.05-0.2.",
    },
    Parameter {
        key: "void_clause_discount",
        label: "Void-clause discount",
        unit: "share",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.05,
            likely: 0.1,
            high: 0.2,
        },
        meaning: "Credibility lost per clause that voids the guarantee (each gives the guarantor and the adversary a pretext).",
        source: "Assumption, after the ATOP conditions (non-provocation) and the draft 28-point plan (Nov 2025); range 0.05-0.2 per clause.",
    },
    Parameter {
        key: "compensation_discount",
        label: "Compensation discount",
        unit: "share",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.05,
            likely: 0.1,
            high: 0.2,
        },
        meaning: "Credibility lost when the guarantor demands compensation (a transactional commitment signals lower interest).",
        source: "Assumption, after the draft 28-point plan (Nov 2025); range 0.05-0.2.",
    },
    Parameter {
        key: "guarantor_correlation",
        label: "Guarantor correlation",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.5,
            likely: 0.7,
            high: 0.9,
        },
        meaning: "How strongly guarantors' decisions move together: 0 independent, 1 all follow the most credible one.",
        source: "Assumption: allies decide together (NATO's consensus; Leeds 2003); range 0.5-0.9.",
    },
    Parameter {
        key: "reserve_mobilised",
        label: "Reserves mobilised",
        unit: "share",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.2,
            likely: 0.4,
            high: 0.6,
        },
        meaning: "Share of the defender's trained reservists that reach the front during the campaign.",
        source: "Assumption; Finland plans a wartime strength of 280,000 from ~870,000 reservists (about a third).",
    },
    Parameter {
        key: "mobilisation_days",
        label: "Mobilisation time",
        unit: "days",
        min: 0.0,
        max: 365.0,
        default: Uncertain {
            low: 3.0,
            likely: 7.0,
            high: 14.0,
        },
        meaning: "Days until the mobilised reservists are in action.",
        source: "Assumption; range 3-14 days.",
    },
    Parameter {
        key: "max_advance_km_day",
        label: "Unopposed advance rate",
        unit: "km/day",
        min: 0.0,
        max: 500.0,
        default: Uncertain {
            low: 10.0,
            likely: 25.0,
            high: 60.0,
        },
        meaning: "Advance per day when the attacker's local force ratio is at or above the breakthrough ratio, on open terrain.",
        source: "RAND RR-1253 (Shlapak & Johnson 2016): Russian forces reach Tallinn or Riga in 36-60 hours; opposed advances rarely exceed 20-30 km/day (Dupuy 1987).",
    },
    Parameter {
        key: "stall_force_ratio",
        label: "Stall force ratio",
        unit: "attacker/defender",
        min: 0.1,
        max: 10.0,
        default: Uncertain {
            low: 1.0,
            likely: 1.5,
            high: 2.0,
        },
        meaning: "Local force ratio at or below which the attack stalls (the axis is held).",
        source: "Assumption, after the debate on the 3:1 rule (Mearsheimer 1989; Epstein 1989); range 1-2.",
    },
    Parameter {
        key: "breakthrough_force_ratio",
        label: "Breakthrough force ratio",
        unit: "attacker/defender",
        min: 0.1,
        max: 20.0,
        default: Uncertain {
            low: 2.5,
            likely: 3.0,
            high: 4.0,
        },
        meaning: "Local force ratio at which the attacker advances at the full rate.",
        source: "The 3:1 rule of thumb (Mearsheimer 1989); range 2.5-4.",
    },
    Parameter {
        key: "fait_accompli_days",
        label: "Fait-accompli window",
        unit: "days",
        min: 0.5,
        max: 365.0,
        default: Uncertain {
            low: 7.0,
            likely: 14.0,
            high: 30.0,
        },
        meaning: "Days within which taking the objective counts as a fait accompli (before guarantors can respond in force).",
        source: "NATO force model: 10 days to 6 months to deploy; RAND RR-1253 (2016): 36-60 hours to Baltic capitals. Range an assumption.",
    },
    Parameter {
        key: "war_cost_weight",
        label: "Cost of war with guarantors",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.6,
            likely: 0.8,
            high: 0.95,
        },
        meaning: "Deterrent weight of a war with the guarantors at full strength (their military spending far above the adversary's).",
        source: "Assumption, after Huth (1988) and Leeds (2003); range 0.6-0.95.",
    },
    Parameter {
        key: "nuclear_deterrence",
        label: "Nuclear umbrella effect",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.3,
            likely: 0.5,
            high: 0.7,
        },
        meaning: "Deterrent weight of a credible nuclear umbrella, on top of the conventional cost.",
        source: "Fuhrmann & Sechser (2014): alliances with nuclear states deter significantly; size an assumption, range 0.3-0.7.",
    },
    Parameter {
        key: "sanctions_cost",
        label: "Snap-back sanctions",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.02,
            likely: 0.05,
            high: 0.1,
        },
        meaning: "Deterrent weight of sanctions that snap back if the adversary attacks.",
        source: "Assumption: sanctions rarely change a great power's course (Russia after 2014 and 2022); range 0.02-0.1.",
    },
    Parameter {
        key: "max_annual_attack_rate",
        label: "Highest yearly attack rate",
        unit: "per year",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.15,
            likely: 0.25,
            high: 0.4,
        },
        meaning: "Yearly chance of a major attack by a fully resolved adversary facing no denial and no punishment.",
        source: "Assumption, scaled so that the unprotected historical cases (Georgia 2008, Ukraine 2014) come out likely within a decade; range 0.15-0.4.",
    },
    Parameter {
        key: "grievance_floor",
        label: "Motive without grievance",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.1,
            likely: 0.2,
            high: 0.3,
        },
        meaning: "Share of the adversary's motive that remains when every stated demand is met.",
        source: "Assumption; range 0.1-0.3.",
    },
    Parameter {
        key: "precondition_penalty",
        label: "Precondition penalty",
        unit: "share",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.2,
            likely: 0.4,
            high: 0.6,
        },
        meaning: "Drop in the adversary's acceptance of a settlement with guarantors while its stated preconditions (e.g. 'root causes') are open.",
        source: "Assumption, after Russian statements (2025) that root causes must be settled before guarantees; range 0.2-0.6.",
    },
    Parameter {
        key: "protege_initiation",
        label: "Protected state's own initiation",
        unit: "probability",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.02,
            likely: 0.05,
            high: 0.1,
        },
        meaning: "Chance over the horizon that the protected state itself starts an escalation, with no alliance at all.",
        source: "Assumption; Benson (2011): unconditional pacts raise a member's own initiation by about 249%.",
    },
    Parameter {
        key: "renewal_chance",
        label: "Renewal chance",
        unit: "probability",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.5,
            likely: 0.7,
            high: 0.9,
        },
        meaning: "Chance that a renewable arrangement is renewed at its sunset.",
        source: "Assumption; the companion framework to the 28-point draft was reported to last 10 years, renewable.",
    },
    Parameter {
        key: "restraint_cost",
        label: "Cost of restraints to the protected state",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.3,
            likely: 0.5,
            high: 0.7,
        },
        meaning: "How much the arrangement's restraints weigh against it in the protected state's acceptance.",
        source: "Assumption; range 0.3-0.7.",
    },
    Parameter {
        key: "attrition_value",
        label: "Value of a war without a quick win",
        unit: "0 to 1",
        min: 0.0,
        max: 1.0,
        default: Uncertain {
            low: 0.2,
            likely: 0.35,
            high: 0.5,
        },
        meaning: "Share of the value of a quick victory that the adversary still sees in a long war of attrition when denial stops a fast offensive.",
        source: "Assumption, after Huth (1988: denial of a quick, decisive victory deters) and Russia's war of attrition in Ukraine since 2022; range 0.2-0.5.",
    },
];

/// The parameter with this key, if the catalogue has it.
pub fn parameter(key: &str) -> Option<&'static Parameter> {
    CATALOGUE.iter().find(|p| p.key == key)
}

/// The range of a parameter in a scenario: the scenario's own, else the default.
/// Unknown keys (which validation refuses) give a zero range.
pub fn value(scenario: &Scenario, key: &str) -> Uncertain {
    scenario
        .assumptions
        .get(key)
        .copied()
        .or_else(|| parameter(key).map(|p| p.default))
        .unwrap_or(Uncertain::exact(0.0))
}
