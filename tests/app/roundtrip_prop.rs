//! Property: for random valid scenarios, load(save(x)) == x.

use proptest::prelude::*;

use bulwark::scenario::{self, Formality, Obligation, Scenario, Trigger, Uncertain};

use crate::common;

fn formality() -> impl Strategy<Value = Formality> {
    prop_oneof![
        Just(Formality::RatifiedTreaty),
        Just(Formality::ExecutiveAgreement),
        Just(Formality::PoliticalDeclaration),
        Just(Formality::None),
    ]
}

fn obligation() -> impl Strategy<Value = Obligation> {
    prop_oneof![
        Just(Obligation::Defence),
        Just(Obligation::Consultation),
        Just(Obligation::Assurance),
        Just(Obligation::Informal),
    ]
}

fn trigger() -> impl Strategy<Value = Trigger> {
    prop_oneof![
        Just(Trigger::Automatic),
        Just(Trigger::AsItDeemsNecessary),
        Just(Trigger::AfterConsultation),
    ]
}

prop_compose! {
    fn scenario()(
        which in 0usize..7,
        title in "\\PC{1,60}",
        notes in "\\PC{0,200}",
        horizon in 0.5f64..50.0,
        troops in 0.0f64..5.0e6,
        seed in any::<u64>(),
        samples in 1u32..100_000,
        credibility in proptest::option::of(0.0f64..=1.0),
        f in formality(),
        o in obligation(),
        t in trigger(),
        umbrella in any::<bool>(),
        low in 0.0f64..0.4, likely in 0.4f64..0.6, high in 0.6f64..=1.0,
        defence in 0.0f64..=100.0,
    ) -> Scenario {
        let mut s = common::baked_examples()[which % 7].clone();
        s.meta.title = if title.trim().is_empty() { "t".into() } else { title };
        s.meta.notes = notes;
        s.horizon_years = horizon;
        s.adversary.theatre_troops = troops;
        s.simulation.seed = seed;
        s.simulation.samples = samples;
        s.states[0].overrides.defence_pct_gdp = Some(defence);
        s.assumptions.insert("pact_reliability".into(), Uncertain::new(low, likely, high));
        for a in &mut s.arrangements {
            for g in &mut a.guarantors {
                g.credibility = credibility;
                g.formality = f;
                g.obligation = o;
                g.trigger = t;
                g.nuclear_umbrella = umbrella;
            }
        }
        s
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        failure_persistence: common::regressions_beside_source(),
        ..ProptestConfig::with_cases(64)
    })]

    #[test]
    fn load_of_save_gives_back_the_same_scenario(s in scenario()) {
        prop_assume!(scenario::validate(&s).is_empty());
        let text = scenario::to_json(&s);
        let loaded = scenario::from_bytes("random.bulwark.json", text.as_bytes())
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(loaded, s);
    }
}
