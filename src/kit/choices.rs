//! Labels and explanations of the scenario's enumerations, for combo boxes and
//! tooltips.

use crate::scenario::{
    ArrangementKind, ArrangementStatus, Bridges, Crossing, DemandKind, Formality, LinePreset,
    Movement, Obligation, Period, PlotKind, RestraintKind, Trigger, UnitKind, VoidClauseKind,
};

/// An enumeration the user picks from a list.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in display order.
    const ALL: &'static [Self];
    /// Short label.
    fn label(self) -> &'static str;
    /// One sentence on what it means.
    fn help(self) -> &'static str;
}

macro_rules! choice {
    ($ty:ty, $( $v:ident => $label:literal, $help:literal; )*) => {
        impl Choice for $ty {
            const ALL: &'static [Self] = &[$(<$ty>::$v),*];
            fn label(self) -> &'static str {
                match self { $(<$ty>::$v => $label),* }
            }
            fn help(self) -> &'static str {
                match self { $(<$ty>::$v => $help),* }
            }
        }
    };
}

choice!(UnitKind,
    Armoured => "Armoured", "Tank units: the most combat power per troop (see the power_armoured assumption).";
    Mechanised => "Mechanised", "Infantry in fighting vehicles (the kind a version-1 force is read as).";
    Motorised => "Motorised / light infantry", "Infantry in trucks, or light infantry: the reference, 1 per troop.";
    FootInfantry => "Foot infantry", "Infantry that marches, with horse-drawn or few vehicles (most armies' until the 1950s): 1 per troop, but it advances at a foot march's pace unless the mobile units can go on alone.";
    Airborne => "Airborne / air assault", "Parachute, air-assault or helicopter-borne infantry.";
    Marines => "Marines", "Marines and naval infantry.";
    Artillery => "Artillery / rockets", "Guns, rocket launchers and their crews.";
    AirDefence => "Air defence", "Ground-based air defence; little power against ground forces.";
    CombatAircraft => "Combat aircraft", "Aircraft (count them under Troops): they fight for the air, then support the ground battle within their reach.";
    Advisers => "Advisers / trainers", "A small presence: a tripwire for the guarantor's credibility, no combat power.";
);

choice!(Crossing,
    Land => "Over land", "The attacker drives to the start: all its troops on the axis are there from day 0.";
    Water => "Across water", "Landed by ship at the start, in waves as the lift allows.";
    Air => "By air", "Landed or dropped at the start, in waves as the lift allows.";
);

/// What becomes of a river crossing's bridges: as the sources say, or left
/// to the engine's rule (absent in the file).
impl Choice for Option<Bridges> {
    const ALL: &'static [Self] = &[None, Some(Bridges::Blown), Some(Bridges::Intact)];
    fn label(self) -> &'static str {
        match self {
            None => "Engine decides",
            Some(Bridges::Blown) => "Blown",
            Some(Bridges::Intact) => "Taken intact",
        }
    }
    fn help(self) -> &'static str {
        match self {
            None => {
                "Blown, unless a surprise attack reaches the river on its first day and takes the bridges intact."
            }
            Some(Bridges::Blown) => {
                "The defender demolished them: the attack halts for the bridging time while only its assault crossing fights on the far bank."
            }
            Some(Bridges::Intact) => {
                "Taken intact (the case's sources say so): the attack crosses without a halt."
            }
        }
    }
}

choice!(ArrangementStatus,
    Signed => "Signed", "Signed, not ratified: each commitment at most an executive agreement, no guarantor forces standing in the protected state yet.";
    Ratified => "Ratified", "Ratified as written, but the guarantors' forces not yet standing in the protected state.";
    Activated => "Activated", "In force as written, its forces in place.";
    Suspended => "Suspended", "Not in force until activated again.";
    Ended => "Ended", "No longer in force (a sunset without renewal, a withdrawal).";
);

choice!(LinePreset,
    None => "None", "No line drawn (scenarios away from Ukraine).";
    LineOfContact2025 => "Line of contact, late 2025", "The approximate line of contact in late 2025 (after ISW and DeepState maps).";
    CedeDonetskLuhansk => "Cede all of Donetsk and Luhansk", "A settlement line ceding all of Donetsk and Luhansk oblasts.";
    Custom => "Custom", "A line drawn on the map with the Edit line tool.";
);

choice!(Movement,
    Arrives => "Arrives", "The unit arrives at its station (absent before).";
    Leaves => "Leaves", "The unit leaves (there before).";
);

choice!(Period,
    Month => "Month", "Report the chance of attack month by month.";
    Quarter => "Quarter", "Report the chance of attack by three months.";
    Year => "Year", "Report the chance of attack year by year.";
);

choice!(PlotKind,
    Headline => "Headline figures", "Chance of attack, defence burden and acceptability at a glance.";
    AttackDistribution => "Chance of attack: distribution", "How the chance of attack spreads over the Monte Carlo draws.";
    Tornado => "What drives the result (tornado)", "Which assumptions move the chance of attack most, each from low to high.";
    Campaign => "Campaign: force ratio and ground taken by day", "Ground taken day by day on each axis, alone and with guarantors.";
    Burden => "Defence burden over the years", "Defence spending of the protected state as a share of GDP over the horizon.";
    AcceptabilityDeterrence => "Acceptability versus deterrence", "Every open scenario: acceptability to the adversary against deterrence.";
    BreakEven => "Break-even credibility against armed neutrality", "How credible each guarantee must be to beat armed neutrality.";
    OverTime => "Chance of attack over time", "The chance of attack in each period and cumulated from the ceasefire, with the windows of vulnerability and commitment problems.";
);

impl PlotKind {
    /// The plot's short name, on the assessment panel's buttons and in the
    /// names of exported images ([`Choice::label`] is its full title).
    pub fn short_label(self) -> &'static str {
        match self {
            PlotKind::Headline => "Headline",
            PlotKind::AttackDistribution => "Distribution",
            PlotKind::Tornado => "Tornado",
            PlotKind::Campaign => "Campaign",
            PlotKind::Burden => "Burden",
            PlotKind::AcceptabilityDeterrence => "Trade-off",
            PlotKind::BreakEven => "Break-even",
            PlotKind::OverTime => "Over time",
        }
    }
}

choice!(Obligation,
    Defence => "Defence", "Obliged to come to the protected state's aid, including with armed force.";
    Consultation => "Consultation", "Obliged only to consult on a response.";
    Assurance => "Assurance", "Promises to respect borders and seek action by others (e.g. the UN Security Council).";
    Basing => "Basing, no duty to defend", "Forces stationed in the protected state with no obligation to defend it (US-Japan 1951): informal support plus the tripwire of those forces.";
    Informal => "Informal", "No obligation; support as interests dictate.";
);

choice!(Formality,
    RatifiedTreaty => "Ratified treaty", "Ratified by the guarantor's legislature: the most binding form.";
    ExecutiveAgreement => "Executive agreement", "Signed by the executive, not ratified; a successor can walk away.";
    PoliticalDeclaration => "Political declaration", "A declaration or memorandum with no legal obligation.";
    None => "None", "No written commitment (secret or informal ties).";
);

choice!(Trigger,
    Automatic => "Automatic", "An attack obliges the guarantor to act.";
    AsItDeemsNecessary => "As it deems necessary", "\"Such action as it deems necessary\" (NATO Article 5): the guarantor chooses its response.";
    AfterConsultation => "After consultation", "The guarantor acts only after consulting.";
);

choice!(ArrangementKind,
    ArmedNeutrality => "Armed neutrality", "No guarantor; the protected state's own forces.";
    NatoMembership => "NATO membership", "Article 5, multilateral, treaty-based, integrated command.";
    BilateralGuarantee => "Bilateral guarantee", "One great-power guarantor; may carry compensation and void clauses.";
    CoalitionGuarantee => "Coalition guarantee", "Several guarantors, possibly with troops on the ground.";
    Assurances => "Assurances", "Political promises with no obligation to fight (Budapest-style).";
    InformalSupport => "Informal support", "Arms, money, intelligence; no commitment.";
    Mixed => "Mixed", "Any mix of the above, with conditions.";
);

choice!(VoidClauseKind,
    InvadesAdversary => "Invades the adversary", "Void if the protected state invades the adversary.";
    FirstStrike => "Strikes first", "Void if the protected state strikes the adversary first.";
    StrikesOnCapitals => "Strikes on its capitals", "Void if the protected state fires at the adversary's capitals without cause.";
    ExceedsForceCap => "Exceeds the force cap", "Void if the protected state's forces exceed the cap.";
    Provocation => "Provokes the attack", "Void if the protected state provokes the attack (non-provocation condition).";
    Other => "Other", "Another condition, described in the text.";
);

choice!(RestraintKind,
    ForceCap => "Force cap", "A cap on the protected state's armed forces (troops).";
    NoForeignTroops => "No foreign troops", "No foreign troops on its soil.";
    NoLongRangeMissiles => "No long-range missiles", "No long-range strike missiles.";
    ConsultBeforeForce => "Consult before force", "Consult the guarantors before using force.";
    ConstitutionalNeutrality => "Constitutional neutrality", "Non-aligned status written into the constitution.";
    NonNuclear => "Non-nuclear", "No nuclear weapons.";
    Other => "Other", "Another restraint, described in the text.";
);

choice!(DemandKind,
    Neutrality => "Neutrality", "The protected state stays out of alliances.";
    NoForeignTroops => "No foreign troops", "No guarantor troops on the protected state's soil.";
    ForceCap => "Force cap", "A cap on the protected state's forces.";
    Territory => "Territory", "Recognition of territory held or claimed.";
    RootCauses => "\"Root causes\"", "Settlement of the adversary's \"root causes\" before guarantees.";
    NoLongRangeMissiles => "No long-range missiles", "No long-range missiles in the protected state.";
    SanctionsRelief => "Sanctions relief", "Sanctions on the adversary lifted; met as far as the analyst or a timeline step says.";
    Other => "Other", "Another demand, described in the text.";
);
