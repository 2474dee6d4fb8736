//! Each country's role in a scenario (NATO member, protected state, guarantor, neutral, adversary), which decides its colour on the map.

use egui::Color32;

use crate::kit::palette::{ADVERSARY, GUARANTOR, MAP_LAND, NATO, NEUTRAL, PROTECTED, blend};
use crate::scenario::reference::Reference;
use crate::scenario::{Guarantor, Scenario};

/// A country's role in the open scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// The adversary.
    Adversary,
    /// A state protected by at least one guarantor.
    Protected,
    /// A protected state without a guarantor (armed neutrality), or a state
    /// neutral by policy.
    Neutral,
    /// A guarantor in one of the arrangements.
    Guarantor,
    /// A NATO member not otherwise involved.
    Nato,
    /// Any other state.
    Other,
}

impl Role {
    /// Every role, in legend order.
    pub const ALL: [Role; 6] = [
        Role::Nato,
        Role::Protected,
        Role::Guarantor,
        Role::Neutral,
        Role::Adversary,
        Role::Other,
    ];

    /// The legend's words.
    pub fn label(self) -> &'static str {
        match self {
            Role::Adversary => "Adversary",
            Role::Protected => "Protected state",
            Role::Neutral => "Neutral / unguaranteed",
            Role::Guarantor => "Guarantor",
            Role::Nato => "NATO member",
            Role::Other => "Other",
        }
    }

    /// The land fill of a country with this role (muted tints of the
    /// role colours).
    pub fn fill(self) -> Color32 {
        match self {
            Role::Nato => blend(MAP_LAND, NATO, 0.52),
            Role::Protected => blend(MAP_LAND, PROTECTED, 0.62),
            Role::Guarantor => blend(MAP_LAND, GUARANTOR, 0.55),
            Role::Neutral => blend(MAP_LAND, NEUTRAL, 0.45),
            Role::Adversary => blend(MAP_LAND, ADVERSARY, 0.45),
            Role::Other => MAP_LAND,
        }
    }
}

/// States neutral by policy (constitution or long practice), shown as neutral when
/// the scenario gives them no other role.
const NEUTRAL_BY_POLICY: &[&str] = &["AUT", "CHE", "IRL", "MLT", "MDA", "SRB"];

/// The NATO accession year of a state in this scenario: the scenario's override
/// if it has one, else the reference table's.
pub fn nato_since(scenario: &Scenario, id: &str) -> Option<u16> {
    scenario
        .states
        .iter()
        .find(|s| s.id == id)
        .and_then(|s| s.overrides.nato_since)
        .or_else(|| Reference::get().nato_since(id))
        .filter(|y| *y > 0)
}

/// The role of the state `id` in `scenario`.
pub fn role_of(scenario: &Scenario, id: &str) -> Role {
    if scenario.adversary.state == id {
        return Role::Adversary;
    }
    let protecting: Vec<_> = scenario
        .arrangements
        .iter()
        .filter(|a| a.protected_states.iter().any(|p| p == id))
        .collect();
    if !protecting.is_empty() {
        return if protecting.iter().any(|a| !a.guarantors.is_empty()) {
            Role::Protected
        } else {
            Role::Neutral
        };
    }
    let guarantees = scenario
        .arrangements
        .iter()
        .any(|a| a.guarantors.iter().any(|g| g.state == id));
    if guarantees {
        Role::Guarantor
    } else if nato_since(scenario, id).is_some() {
        Role::Nato
    } else if NEUTRAL_BY_POLICY.contains(&id) {
        Role::Neutral
    } else {
        Role::Other
    }
}

/// The weight of a guarantee tie, 0 to 1: how credible the commitment is —
/// the analyst's override when given, else the engine's figure. None until the
/// engine has assessed it (the tie is then drawn thin, and the legend says so).
pub fn tie_weight(guarantor: &Guarantor, engine_credibility: Option<f64>) -> Option<f64> {
    guarantor
        .credibility
        .or(engine_credibility)
        .map(|c| c.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::kit::palette;

    #[test]
    fn blank_scenario_roles() {
        let s = crate::scenario::blank();
        assert_eq!(role_of(&s, "POL"), Role::Nato);
        assert_eq!(role_of(&s, "EGY"), Role::Other);
        assert_eq!(role_of(&s, "CHE"), Role::Neutral);
        assert_eq!(role_of(&s, &s.adversary.state.clone()), Role::Adversary);
    }

    #[test]
    fn the_sea_and_the_land_of_other_states_are_told_apart() {
        let distance = |a: egui::Color32, b: egui::Color32| {
            let d = |x: u8, y: u8| (f32::from(x) - f32::from(y)).powi(2);
            (d(a.r(), b.r()) + d(a.g(), b.g()) + d(a.b(), b.b())).sqrt()
        };
        // The sea was E6EEF2 against this land's ECE9E2: 10 apart.
        assert!(
            distance(palette::MAP_WATER, palette::MAP_LAND) >= 28.0,
            "other states"
        );
        let neutral = Role::Neutral.fill();
        assert!(
            distance(palette::MAP_WATER, neutral) >= 35.0,
            "neutral states"
        );
    }
}
