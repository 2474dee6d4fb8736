//! Starting points for each arrangement type of the product brief. A template
//! fills in the guarantors and terms an analyst would most often start from;
//! every field can then be changed. Texts quote their sources.

use super::types::{
    Arrangement, ArrangementKind, Clause, Formality, Guarantor, Obligation, Restraint,
    RestraintKind, Trigger, VoidClauseKind,
};

/// NATO Article 5, the operative words.
pub const ARTICLE_5: &str = "Each Party \"will assist the Party or Parties so attacked by taking \
forthwith, individually and in concert with the other Parties, such action as it deems \
necessary, including the use of armed force\" (North Atlantic Treaty, Art. 5).";

/// The Budapest Memorandum's assurances (1994), in short.
pub const BUDAPEST: &str = "The signatories \"reaffirm their commitment to respect the \
independence and sovereignty and the existing borders of Ukraine\" and to \"seek immediate \
United Nations Security Council action\" (Budapest Memorandum, 1994, paras 1 and 4).";

/// The draft 28-point plan's trigger (Nov 2025, as reported).
pub const DRAFT_28: &str = "If Russia invades Ukraine: a \"decisive coordinated military \
response\" and snap-back sanctions (draft US–Russia 28-point plan, Nov 2025, as reported).";

/// Every arrangement kind, in the order the brief lists them.
pub const KINDS: &[ArrangementKind] = &[
    ArrangementKind::ArmedNeutrality,
    ArrangementKind::NatoMembership,
    ArrangementKind::BilateralGuarantee,
    ArrangementKind::CoalitionGuarantee,
    ArrangementKind::Assurances,
    ArrangementKind::InformalSupport,
    ArrangementKind::Mixed,
];

fn guarantor(
    state: &str,
    obligation: Obligation,
    formality: Formality,
    trigger: Trigger,
    wording: &str,
) -> Guarantor {
    Guarantor {
        state: state.into(),
        obligation,
        formality,
        trigger,
        trigger_wording: wording.into(),
        credibility: None,
        nuclear_umbrella: false,
        conditional_on: None,
        forces: Vec::new(),
    }
}

fn restraint(kind: RestraintKind, limit: Option<f64>, text: &str) -> Restraint {
    Restraint {
        kind,
        limit,
        text: text.into(),
    }
}

/// A new arrangement of `kind` protecting `protected`, with id `id`. The states it
/// names as guarantors are listed by [`states_needed`].
pub fn arrangement(kind: ArrangementKind, protected: &str, id: &str) -> Arrangement {
    use Formality as F;
    use Obligation as O;
    use Trigger as T;
    let mut a = Arrangement {
        id: id.into(),
        name: kind_name(kind).into(),
        kind,
        protected_states: vec![protected.into()],
        guarantors: Vec::new(),
        void_clauses: Vec::new(),
        restraints: Vec::new(),
        compensation: None,
        sunset_years: None,
        renewable: false,
        integrated_command: false,
        snapback_sanctions: false,
        non_aggression_pact: false,
        cedes: Vec::new(),
        scope_axes: None,
        scope_area: Vec::new(),
        notes: String::new(),
    };
    match kind {
        ArrangementKind::ArmedNeutrality => {
            a.restraints.push(restraint(
                RestraintKind::ConstitutionalNeutrality,
                None,
                "Permanent neutrality in the constitution, on the model of Austria's 1955 law.",
            ));
        }
        ArrangementKind::NatoMembership => {
            for state in ["USA", "GBR", "FRA", "DEU", "POL"] {
                let mut g = guarantor(
                    state,
                    O::Defence,
                    F::RatifiedTreaty,
                    T::AsItDeemsNecessary,
                    ARTICLE_5,
                );
                // The US and UK nuclear forces are assigned to NATO; France's are not.
                g.nuclear_umbrella = matches!(state, "USA" | "GBR");
                a.guarantors.push(g);
            }
            a.integrated_command = true;
        }
        ArrangementKind::BilateralGuarantee => {
            a.guarantors.push(guarantor(
                "USA",
                O::Defence,
                F::ExecutiveAgreement,
                T::Automatic,
                DRAFT_28,
            ));
            a.snapback_sanctions = true;
        }
        ArrangementKind::CoalitionGuarantee => {
            for state in ["GBR", "FRA"] {
                a.guarantors.push(guarantor(
                    state,
                    O::Defence,
                    F::ExecutiveAgreement,
                    T::AsItDeemsNecessary,
                    "",
                ));
            }
            a.guarantors.push(guarantor(
                "DEU",
                O::Consultation,
                F::PoliticalDeclaration,
                T::AfterConsultation,
                "",
            ));
        }
        ArrangementKind::Assurances => {
            for state in ["USA", "GBR"] {
                a.guarantors.push(guarantor(
                    state,
                    O::Assurance,
                    F::PoliticalDeclaration,
                    T::AfterConsultation,
                    BUDAPEST,
                ));
            }
        }
        ArrangementKind::InformalSupport => {
            a.guarantors.push(guarantor(
                "USA",
                O::Informal,
                F::None,
                T::AsItDeemsNecessary,
                "",
            ));
        }
        ArrangementKind::Mixed => {
            a.guarantors.push(guarantor(
                "USA",
                O::Defence,
                F::ExecutiveAgreement,
                T::Automatic,
                DRAFT_28,
            ));
            a.restraints.push(restraint(
                RestraintKind::ForceCap,
                Some(800_000.0),
                "Peacetime cap of 800,000 (European counter-draft, Nov 2025, as reported).",
            ));
            a.restraints.push(restraint(
                RestraintKind::NoForeignTroops,
                None,
                "No NATO troops stationed in the protected state.",
            ));
            a.void_clauses.push(Clause {
                kind: VoidClauseKind::StrikesOnCapitals,
                text:
                    "Void if the protected state fires at the adversary's capitals without cause."
                        .into(),
            });
        }
    }
    a
}

/// The guarantor states a template names (they must be in the scenario's states).
pub fn states_needed(arrangement: &Arrangement) -> Vec<String> {
    arrangement
        .guarantors
        .iter()
        .map(|g| g.state.clone())
        .collect()
}

/// An arrangement kind as the file writes it (`nato_membership`).
pub fn kind_id(kind: ArrangementKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_else(|| "arrangement".into())
}

/// The display name of an arrangement kind.
pub fn kind_name(kind: ArrangementKind) -> &'static str {
    match kind {
        ArrangementKind::ArmedNeutrality => "Armed neutrality",
        ArrangementKind::NatoMembership => "NATO membership (Article 5)",
        ArrangementKind::BilateralGuarantee => "Bilateral US guarantee",
        ArrangementKind::CoalitionGuarantee => "Anglo-French / coalition guarantee",
        ArrangementKind::Assurances => "Assurances (Budapest-style)",
        ArrangementKind::InformalSupport => "Informal support",
        ArrangementKind::Mixed => "Guarantee with conditions",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{StateEntry, blank, validate};

    #[test]
    fn every_template_gives_a_valid_scenario() {
        for kind in KINDS {
            let mut s = blank();
            let a = arrangement(*kind, "UKR", "a1");
            for id in states_needed(&a) {
                if !s.states.iter().any(|e| e.id == id) {
                    s.states.push(StateEntry {
                        id,
                        overrides: Default::default(),
                    });
                }
            }
            s.arrangements.push(a);
            assert_eq!(validate(&s), vec![], "{kind:?}");
        }
    }
}
