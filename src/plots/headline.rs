//! The headline figures of a protected state: as a list in the assessment panel
//! and as the big cards of the headline and break-even slides.

use egui::{Color32, RichText, Ui};

use super::readings::{main_axis, range, read_attack, read_credibility};
use crate::kit::format::percent;
use crate::kit::theme;
use crate::model::{Assessment, StateAssessment};
use crate::scenario::Scenario;

/// The headline figures of one protected state, each with its plain reading,
/// as the assessment panel lists them.
pub fn figures(ui: &mut Ui, assessment: &Assessment, state: &StateAssessment) {
    ui.label(RichText::new(&state.name).strong().size(16.0));
    let attack = &state.decision.chance_of_attack;
    ui.vertical(|ui| {
        let through = if state.decision.chance_if_held.is_some() {
            ", through the timeline"
        } else {
            ""
        };
        let mut reading = read_attack(attack.mean, assessment.horizon_years);
        if let (Some(held), Some(month)) = (&state.decision.chance_if_held, assessment.at_month) {
            reading.push_str(&format!(
                " Were the settlement of {} to hold throughout: {}.",
                crate::kit::steps::month(month),
                range(held)
            ));
        }
        figure(
            ui,
            &format!(
                "Chance of renewed attack in {} years{through}",
                assessment.horizon_years
            ),
            &range(attack),
            &reading,
            attack_colour(attack.mean, ui.visuals().dark_mode),
        );
        let cred = &state.credibility.arrangement;
        figure(
            ui,
            "Credibility",
            &range(cred),
            read_credibility(cred.mean, state.credibility.guarantors.len()),
            Color32::PLACEHOLDER,
        );
        let (time, reading) = main_axis(state);
        figure(
            ui,
            "Time to objective, main axis",
            &time,
            &reading,
            Color32::PLACEHOLDER,
        );
        figure(
            ui,
            "Defence burden",
            &format!("{:.1}% of GDP", state.burden.total_pct_gdp),
            &format!(
                "About ${:.0}bn a year{}.",
                state.burden.total_usd_bn,
                if state.burden.compensation_pct_gdp > 0.0 {
                    format!(
                        ", of which {:.1}% of GDP compensation",
                        state.burden.compensation_pct_gdp
                    )
                } else {
                    String::new()
                }
            ),
            Color32::PLACEHOLDER,
        );
        figure(
            ui,
            "Acceptable to the adversary",
            &range(&state.acceptability.adversary),
            &accepted_reading(state),
            Color32::PLACEHOLDER,
        );
    });
}

/// "And to Ukraine: 52.2%.", then how far each demand is met.
fn accepted_reading(state: &StateAssessment) -> String {
    let to_protected = format!(
        "And to {}: {}.",
        state.name,
        percent(state.acceptability.protected_state)
    );
    match super::readings::demands_met(&state.acceptability.demands) {
        met if met.is_empty() => to_protected,
        met => format!("{to_protected} Demands met: {met}."),
    }
}

fn figure(ui: &mut Ui, label: &str, value: &str, reading: &str, colour: Color32) {
    ui.add_space(2.0);
    ui.horizontal_wrapped(|ui| {
        ui.label(label);
        let text = RichText::new(value).strong().size(15.0);
        let text = if colour == Color32::PLACEHOLDER {
            text
        } else {
            text.color(colour)
        };
        // The figure moves to its own line as a whole rather than breaking
        // inside its range.
        ui.add(egui::Label::new(text).extend());
    });
    ui.add(egui::Label::new(RichText::new(reading).weak()).wrap());
}

/// The colour of a chance of attack as text in the theme (`dark` or light).
fn attack_colour(p: f64, dark: bool) -> Color32 {
    let reading = if p < 0.15 {
        theme::Reading::Good
    } else if p < 0.35 {
        theme::Reading::Middling
    } else {
        theme::Reading::Bad
    };
    theme::reading_colour(reading, dark)
}

/// The headline figures as (label, value, reading) cards, for a slide.
pub fn cards(
    scenario: &Scenario,
    a: &Assessment,
    state: &StateAssessment,
) -> Vec<(String, String, String)> {
    let adversary = crate::scenario::reference::state_name(scenario, &scenario.adversary.state);
    vec![
        (
            format!(
                "Chance of a renewed attack on {} within {} years",
                state.name, a.horizon_years
            ),
            percent(state.decision.chance_of_attack.mean),
            format!(
                "90% range {}–{}",
                percent(state.decision.chance_of_attack.p5),
                percent(state.decision.chance_of_attack.p95)
            ),
        ),
        (
            "Chance the guarantors fight".into(),
            percent(state.credibility.arrangement.mean),
            format!(
                "90% range {}–{}",
                percent(state.credibility.arrangement.p5),
                percent(state.credibility.arrangement.p95)
            ),
        ),
        (
            "Defence burden".into(),
            format!("{:.1}% of GDP", state.burden.total_pct_gdp),
            format!("${:.1}bn a year", state.burden.total_usd_bn),
        ),
        (
            format!("Acceptable to {adversary}"),
            percent(state.acceptability.adversary.mean),
            format!(
                "to {}: {}",
                state.name,
                percent(state.acceptability.protected_state)
            ),
        ),
    ]
}

/// Each arrangement (up to four) against its baseline as (label, value,
/// reading) cards, for a slide.
pub fn break_even_cards(
    scenario: &Scenario,
    state: &StateAssessment,
) -> Vec<(String, String, String)> {
    state
        .break_even
        .iter()
        .take(4)
        .map(|b| {
            let name = scenario
                .arrangements
                .iter()
                .find(|a| a.id == b.arrangement)
                .map(|a| a.name.clone())
                .unwrap_or_else(|| b.arrangement.clone());
            let value = match b.break_even_credibility {
                Some(c) if c <= 0.0 => "better at any credibility".to_owned(),
                Some(c) => format!("credibility {} needed", percent(c)),
                None => "worse even if certain".to_owned(),
            };
            (
                name,
                value,
                format!(
                    "attack {} vs {} without; burden {:.1}% vs {:.1}% of GDP",
                    percent(b.chance_of_attack),
                    percent(b.baseline_chance_of_attack),
                    b.burden_pct_gdp,
                    b.baseline_burden_pct_gdp
                ),
            )
        })
        .collect()
}
