//! Properties of the assessment engine (docs/MODEL.md): bounds and no NaN for
//! any valid scenario, bit-identical results for a seed on any thread count,
//! and the monotonicity rules of MODEL-GUIDE.md, over random scenarios built
//! from the shipped examples and the minimal test file with mutated fields.

use bulwark::model::{self, Assessment, Distribution, Options};
use bulwark::scenario::{
    self, Clause, Compensation, Formality, Obligation, Scenario, Trigger, Uncertain, VoidClauseKind,
};
use proptest::prelude::*;

use crate::common;

fn bases() -> Vec<Scenario> {
    let mut out: Vec<Scenario> = common::baked_examples();
    let minimal = include_bytes!(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/good-minimal.bulwark.json"
    ));
    out.push(scenario::from_bytes("good-minimal", minimal).expect("minimal loads"));
    out.extend(
        bulwark::assets::backtest_scenarios()
            .map(|(name, bytes)| scenario::from_bytes(name, bytes).expect("case loads")),
    );
    out
}

fn run(s: &Scenario, samples: u32) -> Assessment {
    model::assess_with_options(
        s,
        Options {
            samples,
            seed: 7,
            tornado: false,
            ..Options::default()
        },
    )
}

fn unit(x: f64) -> bool {
    (0.0..=1.0).contains(&x)
}

fn check_dist(d: &Distribution, what: &str) {
    for v in [d.mean, d.p5, d.p50, d.p95] {
        assert!(v.is_finite(), "{what}: {d:?}");
    }
    assert!(d.p5 <= d.p50 && d.p50 <= d.p95, "{what}: {d:?}");
}

fn check_bounds(a: &Assessment) {
    let json = serde_json::to_value(a).expect("serialises");
    no_nan(&json, "");
    assert!(every_distribution_from_the_same_draws(&json, "") >= 5 * a.states.len());
    for s in &a.states {
        for (d, what) in [
            (&s.decision.chance_of_attack, "attack"),
            (&s.credibility.arrangement, "credibility"),
            (&s.punishment.expected, "punishment"),
            (&s.restraint.escalation_risk, "escalation"),
            (&s.acceptability.adversary, "acceptance"),
        ] {
            check_dist(d, what);
            assert!(unit(d.p5) && unit(d.p95) && unit(d.mean), "{what}: {d:?}");
        }
        for x in [
            s.decision.annual_hazard,
            s.decision.motive,
            s.decision.grievance,
            s.decision.expected_success,
            s.decision.success_alone,
            s.decision.success_helped,
            s.decision.chance_at_likely,
            s.restraint.index,
            s.acceptability.protected_state,
            s.punishment.war_term,
            s.punishment.nuclear_term,
        ] {
            assert!(unit(x), "{} out of [0, 1]: {x}", s.state);
        }
        for g in &s.credibility.guarantors {
            assert!(unit(g.factors.credibility) && unit(g.intervened_share));
        }
        for c in &s.campaign {
            assert!(c.distance_km >= 0.0 && unit(c.fait_accompli) && unit(c.held));
            assert!(c.force_ratio_day0 >= 0.0 && c.force_ratio_day0.is_finite());
            if let Some(d) = &c.days_to_objective {
                check_dist(d, "days");
                assert!(d.p5 >= 0.0);
            }
            for day in c.trace_alone.iter().chain(&c.trace_helped) {
                assert!(day.km >= 0.0 && day.km.is_finite() && day.force_ratio.is_finite());
            }
        }
        assert!(s.burden.total_pct_gdp >= 0.0 && s.burden.total_pct_gdp.is_finite());
        for b in &s.break_even {
            assert!(unit(b.chance_of_attack) && unit(b.baseline_chance_of_attack));
            assert!(b.break_even_credibility.is_none_or(unit));
        }
        for t in &s.tornado {
            assert!(unit(t.attack_at_low) && unit(t.attack_at_high) && t.swing >= 0.0);
        }
    }
}

/// NaN and infinity serialise as `null`; only optional fields may be null.
/// Every distribution anywhere in the assessment (any JSON object with a
/// mean, percentiles and a histogram) is consistent with its own histogram:
/// p5 <= p50 <= p95, each percentile inside the histogram bin that holds its
/// rank, and the mean between the means of the bins' lower and upper edges —
/// which holds only if mean, percentiles and histogram count the same draws
/// (#19: a mean far below its own 5th percentile).
fn every_distribution_from_the_same_draws(v: &serde_json::Value, at: &str) -> usize {
    match v {
        serde_json::Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, x)| every_distribution_from_the_same_draws(x, &format!("{at}[{i}]")))
            .sum(),
        serde_json::Value::Object(map) => {
            let own = match serde_json::from_value::<Reported>(v.clone()) {
                Ok(d) => {
                    d.check(at);
                    1
                }
                Err(_) => 0,
            };
            own + map
                .iter()
                .map(|(k, x)| every_distribution_from_the_same_draws(x, &format!("{at}.{k}")))
                .sum::<usize>()
        }
        _ => 0,
    }
}

/// A distribution as the assessment JSON reports it.
#[derive(serde::Deserialize)]
struct Reported {
    mean: f64,
    p5: f64,
    p50: f64,
    p95: f64,
    hist_low: f64,
    hist_high: f64,
    histogram: Vec<u32>,
}

impl Reported {
    fn check(&self, at: &str) {
        assert!(
            self.p5 <= self.p50 && self.p50 <= self.p95,
            "{at}: percentiles out of order"
        );
        let n: f64 = self.histogram.iter().map(|&c| f64::from(c)).sum();
        if n == 0.0 {
            return;
        }
        let width = (self.hist_high - self.hist_low) / self.histogram.len() as f64;
        let edge = |i: usize| self.hist_low + i as f64 * width;
        let slack = 1e-9 * (self.hist_high - self.hist_low).abs().max(1.0);
        let (mut low, mut high) = (0.0, 0.0);
        for (i, &c) in self.histogram.iter().enumerate() {
            low += f64::from(c) * edge(i) / n;
            high += f64::from(c) * edge(i + 1) / n;
        }
        assert!(
            self.mean >= low - slack && self.mean <= high + slack,
            "{at}: mean {} outside {low}..{high}, the range its histogram allows",
            self.mean
        );
        for (q, value) in [(0.05, self.p5), (0.5, self.p50), (0.95, self.p95)] {
            let rank = q * (n - 1.0);
            let mut seen = 0.0;
            let bin = self
                .histogram
                .iter()
                .position(|&c| {
                    seen += f64::from(c);
                    seen > rank
                })
                .expect("a bin holds every rank");
            assert!(
                value >= edge(bin) - slack && value <= edge(bin + 1) + slack,
                "{at}: percentile {q} = {value} outside its bin {}..{}",
                edge(bin),
                edge(bin + 1)
            );
        }
    }
}

fn no_nan(v: &serde_json::Value, key: &str) {
    match v {
        serde_json::Value::Null => assert!(
            [
                "days_to_objective",
                "break_even_credibility",
                "force_cap",
                "at_month",
                "chance_if_held"
            ]
            .contains(&key),
            "null (NaN?) at {key}"
        ),
        serde_json::Value::Array(items) => items.iter().for_each(|x| no_nan(x, key)),
        serde_json::Value::Object(map) => map.iter().for_each(|(k, x)| no_nan(x, k)),
        _ => {}
    }
}

/// A random mutation of a base scenario (kept valid where the validator agrees).
#[derive(Clone, Debug)]
struct Mutation {
    base: usize,
    horizon: f64,
    theatre: f64,
    guarantor: (Obligation, Formality, Trigger, Option<f64>, bool),
    troops_scale: f64,
    arrival_scale: f64,
    axis: (f64, f64, f64, f64),
    weight: f64,
    pact: (f64, f64, f64),
    defence_pct: f64,
    /// A defence line on the first axis: how far along it, and its share.
    line: Option<(f64, f64)>,
}

fn obligation() -> impl Strategy<Value = Obligation> {
    prop_oneof![
        Just(Obligation::Defence),
        Just(Obligation::Consultation),
        Just(Obligation::Assurance),
        Just(Obligation::Informal)
    ]
}

fn formality() -> impl Strategy<Value = Formality> {
    prop_oneof![
        Just(Formality::RatifiedTreaty),
        Just(Formality::ExecutiveAgreement),
        Just(Formality::PoliticalDeclaration),
        Just(Formality::None)
    ]
}

fn trigger() -> impl Strategy<Value = Trigger> {
    prop_oneof![
        Just(Trigger::Automatic),
        Just(Trigger::AsItDeemsNecessary),
        Just(Trigger::AfterConsultation)
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    (
        0..32usize,
        0.5..50.0f64,
        0.0..2.0e6f64,
        (
            obligation(),
            formality(),
            trigger(),
            proptest::option::of(0.0..=1.0f64),
            any::<bool>(),
        ),
        0.0..5.0f64,
        0.0..3.0f64,
        (1.0..5.0f64, 0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64),
        0.0..=1.0f64,
        (0.0..=1.0f64, 0.0..=1.0f64, 0.0..=1.0f64),
        0.0..=100.0f64,
        proptest::option::of((0.0..=1.0f64, 0.0..=1.0f64)),
    )
        .prop_map(
            |(
                base,
                horizon,
                theatre,
                guarantor,
                troops_scale,
                arrival_scale,
                axis,
                weight,
                pact,
                defence_pct,
                line,
            )| Mutation {
                base,
                horizon,
                theatre,
                guarantor,
                troops_scale,
                arrival_scale,
                axis,
                weight,
                pact,
                defence_pct,
                line,
            },
        )
}

fn apply(bases: &[Scenario], m: &Mutation) -> Scenario {
    let mut s = bases[m.base % bases.len()].clone();
    s.horizon_years = m.horizon;
    s.adversary.theatre_troops = m.theatre;
    for d in &mut s.adversary.demands {
        d.weight = m.weight;
    }
    if let Some(g) = s
        .arrangements
        .iter_mut()
        .flat_map(|a| a.guarantors.iter_mut())
        .next()
    {
        let (o, f, t, c, u) = m.guarantor;
        (
            g.obligation,
            g.formality,
            g.trigger,
            g.credibility,
            g.nuclear_umbrella,
        ) = (o, f, t, c, u);
    }
    for f in s
        .arrangements
        .iter_mut()
        .flat_map(|a| a.guarantors.iter_mut())
        .flat_map(|g| g.forces.iter_mut())
    {
        f.troops = (f.troops * m.troops_scale).min(1.0e7);
        f.arrival_days = (f.arrival_days * m.arrival_scale).min(3650.0);
    }
    if let Some(a) = s.axes.first_mut() {
        (
            a.route_factor,
            a.terrain,
            a.adversary_share,
            a.defender_share,
        ) = m.axis;
        if let Some((along, share)) = m.line {
            let (from, to) = (a.start.point, a.objective.point);
            a.defence_lines.push(bulwark::scenario::DefenceLine {
                name: "A line".into(),
                point: bulwark::scenario::GeoPoint {
                    lon: from.lon + along * (to.lon - from.lon),
                    lat: from.lat + along * (to.lat - from.lat),
                },
                share,
            });
        }
    }
    let mut sorted = [m.pact.0, m.pact.1, m.pact.2];
    sorted.sort_by(f64::total_cmp);
    s.assumptions.insert(
        "pact_reliability".into(),
        Uncertain::new(sorted[0], sorted[1], sorted[2]),
    );
    if let Some(st) = s.states.first_mut() {
        st.overrides.defence_pct_gdp = Some(m.defence_pct);
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 48,
        failure_persistence: common::regressions_beside_source(),
        .. ProptestConfig::default()
    })]

    #[test]
    fn any_valid_scenario_gives_bounded_finite_results(m in mutation()) {
        let s = apply(&bases(), &m);
        prop_assume!(scenario::validate(&s).is_empty());
        let a = model::assess_with_options(&s, Options { samples: 40, seed: 3, tornado: true, ..Options::default() });
        check_bounds(&a);
    }

    #[test]
    fn monotonicity_rules_hold(m in mutation()) {
        let s = apply(&bases(), &m);
        prop_assume!(scenario::validate(&s).is_empty());
        let before = attack(&s);
        for (what, changed, may_fall) in variants(&s) {
            prop_assume!(scenario::validate(&changed).is_empty());
            let after = attack(&changed);
            for ((id, b), (_, a)) in before.iter().zip(&after) {
                if may_fall {
                    prop_assert!(*a <= b + 1e-12, "{what} raised {id}: {b} -> {a}");
                } else {
                    prop_assert!(*a >= b - 1e-12, "{what} lowered {id}: {b} -> {a}");
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 24,
        failure_persistence: common::regressions_beside_source(),
        .. ProptestConfig::default()
    })]

    /// Without attrition. With it, units fed in early can be worn down before
    /// the main body arrives (piecemeal commitment, docs/MODEL.md), so sooner
    /// is not always better; more power always is (the rules above).
    #[test]
    fn faster_reinforcement_never_raises_the_chance_of_attack_without_attrition(m in mutation()) {
        let mut s = apply(&bases(), &m);
        s.assumptions.insert("attrition_per_day".into(), Uncertain::exact(0.0));
        prop_assume!(scenario::validate(&s).is_empty());
        let mut faster = s.clone();
        for f in faster
            .arrangements
            .iter_mut()
            .flat_map(|a| a.guarantors.iter_mut())
            .flat_map(|g| g.forces.iter_mut())
        {
            f.arrival_days *= 0.5;
        }
        for ((id, b), (_, a)) in attack(&s).iter().zip(&attack(&faster)) {
            prop_assert!(*a <= b + 1e-12, "raised {id}: {b} -> {a}");
        }
    }
}

/// Chance of attack per state: at likely values and as the Monte Carlo mean.
fn attack(s: &Scenario) -> Vec<(String, f64)> {
    let mut out = model::point_attack(s);
    out.extend(
        run(s, 64)
            .states
            .into_iter()
            .map(|x| (x.state, x.decision.chance_of_attack.mean)),
    );
    out
}

/// Changes that must never raise (true) or never lower (false) the chance of attack.
fn variants(s: &Scenario) -> Vec<(&'static str, Scenario, bool)> {
    let mut out = Vec::new();
    let mut formal = s.clone();
    for g in formal
        .arrangements
        .iter_mut()
        .flat_map(|a| a.guarantors.iter_mut())
    {
        g.formality = match g.formality {
            Formality::None => Formality::PoliticalDeclaration,
            Formality::PoliticalDeclaration => Formality::ExecutiveAgreement,
            _ => Formality::RatifiedTreaty,
        };
    }
    out.push(("more formality", formal, true));
    let mut present = s.clone();
    for f in present
        .arrangements
        .iter_mut()
        .flat_map(|a| a.guarantors.iter_mut())
        .flat_map(|g| g.forces.iter_mut())
    {
        // More of a presence already there: a new one where there was none
        // is foreign troops, which may raise the adversary's grievance; and
        // bringing pledged units forward is a matter of timing, which with
        // attrition can wear them down piecemeal (tested without attrition
        // below).
        if f.is_present() {
            f.troops = (f.troops * 2.0).min(1.0e7);
        }
    }
    out.push(("more forces present", present, true));
    let mut better = s.clone();
    for f in better
        .arrangements
        .iter_mut()
        .flat_map(|a| a.guarantors.iter_mut())
        .flat_map(|g| g.forces.iter_mut())
    {
        f.quality = (f.quality * 1.5 + 0.1).min(5.0);
    }
    out.push(("better-quality guarantor forces", better, true));
    // Based at home, within reach of every axis: denial only (aircraft on the
    // protected state's soil would also be foreign troops, which an adversary
    // may demand be kept out).
    let mut air = s.clone();
    for a in &mut air.arrangements {
        for g in &mut a.guarantors {
            let home = g.state.clone();
            g.forces.push(bulwark::scenario::ForceCommitment {
                label: "A squadron".into(),
                kind: bulwark::scenario::UnitKind::CombatAircraft,
                troops: 24.0,
                quality: 1.0,
                axis: None,
                reach_km: Some(20_000.0),
                arrival_days: 0.0,
                stationed_in: home,
                position: None,
            });
        }
    }
    out.push(("more air power within reach", air, true));
    let mut umbrella = s.clone();
    for g in umbrella
        .arrangements
        .iter_mut()
        .flat_map(|a| a.guarantors.iter_mut())
    {
        g.nuclear_umbrella = true;
    }
    out.push(("nuclear umbrella", umbrella, true));
    let mut void = s.clone();
    for a in &mut void.arrangements {
        a.void_clauses.push(Clause {
            kind: VoidClauseKind::StrikesOnCapitals,
            text: "test".into(),
        });
    }
    out.push(("a void clause", void, false));
    let mut paid = s.clone();
    for a in &mut paid.arrangements {
        a.compensation = Some(Compensation {
            description: "test".into(),
            pct_gdp_per_year: Some(0.5),
        });
    }
    out.push(("compensation", paid, false));
    out
}

#[test]
fn same_seed_gives_bit_identical_results_on_any_thread_count() {
    let s = bases()
        .into_iter()
        .max_by_key(|s| s.states.len())
        .expect("a base");
    let options = Options {
        samples: 3000,
        seed: 42,
        tornado: true,
        ..Options::default()
    };
    let on = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("pool");
        pool.install(|| {
            serde_json::to_string(&model::assess_with_options(&s, options)).expect("json")
        })
    };
    let one = on(1);
    assert_eq!(one, on(2));
    assert_eq!(one, on(3));
    assert_eq!(
        one,
        serde_json::to_string(&model::assess_with_options(&s, options)).expect("json")
    );
    let other = model::assess_with_options(
        &s,
        Options {
            seed: 43,
            ..options
        },
    );
    assert_ne!(one, serde_json::to_string(&other).expect("json"));
}

#[test]
fn every_example_and_backtest_case_gives_bounded_results() {
    for s in bases() {
        check_bounds(&model::assess_with_options(
            &s,
            Options {
                samples: 200,
                seed: 1,
                tornado: true,
                ..Options::default()
            },
        ));
    }
}

#[test]
fn a_conditional_commitment_is_never_more_credible_than_its_condition() {
    let mut s = common::baked("nato-membership.bulwark.json");
    let guarantors = &mut s.arrangements[0].guarantors;
    assert!(guarantors.len() >= 2);
    // The most credible waits for a weaker one: a political declaration.
    guarantors[1].formality = Formality::PoliticalDeclaration;
    let weaker = guarantors[1].state.clone();
    guarantors[0].conditional_on = Some(weaker);
    assert!(
        scenario::validate(&s).is_empty(),
        "{:?}",
        scenario::validate(&s)
    );
    let a = model::assess_with(&s, 2000, 1);
    let g = &a.states[0].credibility.guarantors;
    assert!(g[0].factors.credibility <= g[1].factors.credibility + 1e-12);
    assert!(g[0].credibility.mean <= g[1].credibility.mean + 1e-12);
    assert!(g[0].intervened_share <= g[1].intervened_share + 1e-12);
    let before = model::assess_with(&common::baked("nato-membership.bulwark.json"), 2000, 1);
    assert!(
        a.states[0].decision.chance_of_attack.mean
            >= before.states[0].decision.chance_of_attack.mean - 1e-12,
        "waiting for a weaker ally never deters more"
    );
}

#[test]
fn advisers_are_a_tripwire_without_combat_power() {
    let mut s = common::baked("us-bilateral-28-point.bulwark.json");
    let protected = s.arrangements[0].protected_states[0].clone();
    let before = model::assess_with(&s, 500, 1);
    s.arrangements[0].guarantors[0]
        .forces
        .push(bulwark::scenario::ForceCommitment {
            label: "Training mission".into(),
            kind: bulwark::scenario::UnitKind::Advisers,
            troops: 500.0,
            quality: 1.0,
            axis: None,
            reach_km: None,
            arrival_days: 0.0,
            stationed_in: protected,
            position: None,
        });
    let after = model::assess_with(&s, 500, 1);
    let (b, a) = (&before.states[0], &after.states[0]);
    assert!(
        a.credibility.guarantors[0].factors.tripwire_bonus
            > b.credibility.guarantors[0].factors.tripwire_bonus
    );
    for (x, y) in a.campaign.iter().zip(&b.campaign) {
        assert_eq!(
            x.defender_power_day0, y.defender_power_day0,
            "no combat power"
        );
    }
}

#[test]
fn an_area_drawn_as_a_guarantees_scope_covers_the_axes_whose_objectives_lie_in_it() {
    use bulwark::scenario::GeoPoint;
    let mut s = common::baked("eastern-flank-today.bulwark.json");
    let whole = model::assess_with(&s, 1000, 1);
    // Estonia only, roughly: the treaty area drawn on the map.
    let p = |lon, lat| GeoPoint { lon, lat };
    s.arrangements[0].scope_area = vec![p(21.5, 59.8), p(28.5, 59.8), p(28.5, 57.6), p(21.5, 57.6)];
    assert!(
        scenario::validate(&s).is_empty(),
        "{:?}",
        scenario::validate(&s)
    );
    let scoped = model::assess_with(&s, 1000, 1);
    let state = |a: &bulwark::model::Assessment, id: &str| {
        a.states
            .iter()
            .find(|x| x.state == id)
            .expect("state")
            .clone()
    };
    let (latvia, latvia_scoped) = (state(&whole, "LVA"), state(&scoped, "LVA"));
    assert!(
        latvia_scoped
            .credibility
            .guarantors
            .iter()
            .all(|g| g.factors.credibility == 0.0),
        "Riga lies outside the area"
    );
    assert!(latvia_scoped.decision.chance_of_attack.mean > latvia.decision.chance_of_attack.mean);
    assert!(
        state(&scoped, "EST")
            .credibility
            .guarantors
            .iter()
            .any(|g| g.factors.credibility > 0.5),
        "Tallinn lies inside it"
    );
}

#[test]
fn an_attack_outside_a_guarantees_scope_gets_no_intervention_from_it() {
    let mut s = common::baked("eastern-flank-today.bulwark.json");
    let whole = model::assess_with(&s, 1000, 1);
    s.arrangements[0].scope_axes = Some(vec!["narva_tallinn".into()]);
    assert!(
        scenario::validate(&s).is_empty(),
        "{:?}",
        scenario::validate(&s)
    );
    let scoped = model::assess_with(&s, 1000, 1);
    let latvia = |a: &bulwark::model::Assessment| {
        a.states
            .iter()
            .find(|x| x.state == "LVA")
            .expect("Latvia")
            .clone()
    };
    let (before, after) = (latvia(&whole), latvia(&scoped));
    // No reinforcement comes along the uncovered axis into Latvia…
    let riga = &after.campaign[0];
    assert_eq!(
        riga.trace_helped
            .iter()
            .map(|d| d.defender_power)
            .collect::<Vec<_>>(),
        riga.trace_alone
            .iter()
            .map(|d| d.defender_power)
            .collect::<Vec<_>>(),
    );
    // …no guarantor is credible there, and the attack is likelier.
    assert!(
        after
            .credibility
            .guarantors
            .iter()
            .all(|g| g.factors.credibility == 0.0)
    );
    assert!(
        after.decision.chance_of_attack.mean > before.decision.chance_of_attack.mean,
        "{} vs {}",
        after.decision.chance_of_attack.mean,
        before.decision.chance_of_attack.mean
    );
    // Estonia, inside the scope, keeps its guarantee.
    let estonia = scoped
        .states
        .iter()
        .find(|x| x.state == "EST")
        .expect("Estonia");
    assert!(
        estonia
            .credibility
            .guarantors
            .iter()
            .any(|g| g.factors.credibility > 0.5)
    );
}

#[test]
fn a_non_aggression_pact_costs_the_adversary_a_little_and_defends_no_one() {
    let mut s = common::baked("armed-neutrality.bulwark.json");
    let before = model::assess_with(&s, 1000, 1);
    s.arrangements[0].non_aggression_pact = true;
    let after = model::assess_with(&s, 1000, 1);
    let (b, a) = (&before.states[0], &after.states[0]);
    assert!(a.decision.chance_of_attack.mean < b.decision.chance_of_attack.mean);
    assert!(
        a.decision.chance_of_attack.mean > 0.8 * b.decision.chance_of_attack.mean,
        "a small effect: {} vs {}",
        a.decision.chance_of_attack.mean,
        b.decision.chance_of_attack.mean
    );
    assert_eq!(
        a.credibility.arrangement.mean, 0.0,
        "no one is bound to fight"
    );
}

#[test]
fn ceding_a_demanded_region_meets_the_demand_and_weighs_on_the_protected_state() {
    let mut s = common::baked("armed-neutrality.bulwark.json");
    s.adversary.demands.push(bulwark::scenario::Demand {
        kind: bulwark::scenario::DemandKind::Territory,
        weight: 0.9,
        text: "A Munich-style cession".into(),
        region: Some("Eastern oblasts".into()),
        share: Some(0.2),
        area: Vec::new(),
        met: None,
    });
    let kept = model::assess_with(&s, 1000, 1);
    s.arrangements[0].cedes = vec!["eastern oblasts".into()];
    assert!(
        scenario::validate(&s).is_empty(),
        "{:?}",
        scenario::validate(&s)
    );
    let ceded = model::assess_with(&s, 1000, 1);
    let (k, c) = (&kept.states[0].decision, &ceded.states[0].decision);
    assert!(c.grievance < k.grievance, "the demand is met");
    assert!(c.chance_of_attack.mean < k.chance_of_attack.mean);
    let accepts = |a: &bulwark::model::Assessment| a.states[0].acceptability.protected_state;
    assert!(
        accepts(&ceded) < accepts(&kept),
        "ceding a fifth weighs on the protected state"
    );
}

#[test]
fn a_ceding_settlement_line_nudged_on_the_map_still_meets_the_territorial_demand() {
    use bulwark::scenario::settlement::{LineEdit, edit_line};
    let mut s = common::baked("us-bilateral-28-point.bulwark.json");
    let before = model::assess_with(&s, 500, 1);
    let shown: Vec<bulwark::scenario::GeoPoint> = bulwark::scenario::lines::cede_donetsk_luhansk()
        .into_iter()
        .map(|(lon, lat)| bulwark::scenario::GeoPoint { lon, lat })
        .collect();
    let nudge = bulwark::scenario::GeoPoint {
        lon: shown[0].lon + 0.05,
        lat: shown[0].lat,
    };
    edit_line(&mut s.settlement_line, &shown, LineEdit::Move(0, nudge)).expect("moved");
    assert_eq!(
        s.settlement_line.preset,
        bulwark::scenario::LinePreset::Custom
    );
    let after = model::assess_with(&s, 500, 1);
    assert_eq!(
        after.states[0].acceptability.adversary.mean, before.states[0].acceptability.adversary.mean,
        "a vertex moved by 4 km took back the ceded Donbas"
    );
    // Drawn back to the line of contact, the demand is unmet: less acceptable.
    s.settlement_line.custom = bulwark::scenario::lines::line_of_contact_2025()
        .into_iter()
        .map(|(lon, lat)| bulwark::scenario::GeoPoint { lon, lat })
        .collect();
    let contact = model::assess_with(&s, 500, 1);
    assert!(
        contact.states[0].acceptability.adversary.mean
            < before.states[0].acceptability.adversary.mean
    );
}

#[test]
fn the_campaign_names_the_rivers_and_lines_it_meets_nearest_first() {
    let name = "armed-neutrality.bulwark.json";
    let bytes = bulwark::assets::example(name).expect("the example");
    let mut s = bulwark::scenario::from_bytes(name, bytes).expect("loads");
    let kyiv = s
        .axes
        .iter_mut()
        .find(|a| a.name == "Belarus → Kyiv")
        .expect("the axis from Belarus");
    bulwark::scenario::axes::add_defence_line(kyiv);
    let a = run(&s, 500);
    let campaign = a.states[0]
        .campaign
        .iter()
        .find(|c| c.name == "Belarus → Kyiv")
        .expect("its campaign");
    let marks: Vec<_> = campaign
        .marks
        .iter()
        .map(|m| (m.kind, m.name.as_str()))
        .collect();
    use bulwark::model::RouteMarkKind::{DefenceLine, RiverCrossing};
    assert_eq!(
        marks,
        vec![(DefenceLine, "Defence line"), (RiverCrossing, "Irpin")],
        "half-way, then the Irpin near Kyiv"
    );
    assert!(
        campaign
            .marks
            .iter()
            .all(|m| m.km > 0.0 && m.km < campaign.distance_km),
        "{:?}",
        campaign.marks
    );
}
