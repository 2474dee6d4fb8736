//! No panic reachable from the UI: the app stays up with sensible output for
//! scenarios at their limits — empty, a single state, no arrangements, every
//! assumption at either end of its range — through every tab and plot.

use egui_kittest::kittest::Queryable;

use bulwark::scenario::parameters::CATALOGUE;
use bulwark::scenario::{self, Scenario, StateEntry, Uncertain};
use bulwark::ui::Command;

use crate::common;

fn extreme_scenarios() -> Vec<(&'static str, Scenario)> {
    let blank = scenario::blank();
    let mut only_adversary = scenario::blank();
    only_adversary.states = vec![StateEntry {
        id: "RUS".into(),
        overrides: Default::default(),
    }];
    let at = |edge: fn(&bulwark::scenario::parameters::Parameter) -> f64| {
        let mut s = common::baked("eastern-flank-today.bulwark.json");
        for p in CATALOGUE {
            s.assumptions
                .insert(p.key.into(), Uncertain::exact(edge(p)));
        }
        s
    };
    let mut zero_forces = common::baked("us-bilateral-28-point.bulwark.json");
    zero_forces.adversary.theatre_troops = 0.0;
    for e in &mut zero_forces.states {
        e.overrides.active_troops = Some(0.0);
        e.overrides.reserve_troops = Some(0.0);
        e.overrides.defence_pct_gdp = Some(0.0);
    }
    zero_forces.horizon_years = 0.5;
    zero_forces.simulation.samples = 1;
    vec![
        ("blank", blank),
        ("only the adversary", only_adversary),
        ("every assumption at its minimum", at(|p| p.min)),
        ("every assumption at its maximum", at(|p| p.max)),
        (
            "no forces anywhere, shortest horizon, one draw",
            zero_forces,
        ),
    ]
}

#[test]
fn extreme_scenarios_are_valid_and_assess_to_finite_figures() {
    for (name, s) in extreme_scenarios() {
        assert_eq!(scenario::validate(&s), vec![], "{name}");
        let a = bulwark::model::assess_with(&s, 200, 1);
        for st in &a.states {
            let p = st.decision.chance_of_attack.mean;
            assert!((0.0..=1.0).contains(&p), "{name}: chance of attack {p}");
            assert!(st.burden.total_pct_gdp.is_finite(), "{name}: burden");
            assert!(
                st.credibility.arrangement.mean.is_finite(),
                "{name}: credibility"
            );
        }
    }
}

#[test]
fn the_app_draws_every_tab_and_plot_for_extreme_scenarios() {
    let dir = common::temp_dir();
    for (name, s) in extreme_scenarios() {
        let path = dir.path().join("extreme.bulwark.json");
        scenario::save_file(&path, &s).expect("save");
        let mut h = common::app(egui::vec2(1280.0, 720.0));
        h.state_mut().queue(Command::OpenPath(path.clone()));
        h.run();
        assert!(
            h.state().error().is_none(),
            "{name}: {:?}",
            h.state().error()
        );
        for tab in [
            "Arrangements",
            "Forces & economies",
            "Adversary",
            "Assumptions",
            "Scenario",
        ] {
            h.get_by_label(tab).click();
            h.run();
        }
        for plot in [
            "Tornado",
            "Campaign",
            "Burden",
            "Trade-off",
            "Break-even",
            "Distribution",
        ] {
            if let Some(button) = h.query_by_label(plot) {
                button.click();
                h.run();
            }
        }
    }
}
