//! Each country's status in a scenario, which decides its colour on the map.

use egui::Color32;

use crate::paint::palette::{ADVERSARY, GUARANTOR, MAP_LAND, NATO, NEUTRAL, PROTECTED, blend};
use crate::scenario::reference::Reference;
use crate::scenario::{Formality, Guarantor, Scenario};

/// A country's status in the open scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
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

impl Status {
    /// Every status, in legend order.
    pub const ALL: [Status; 6] = [
        Status::Nato,
        Status::Protected,
        Status::Guarantor,
        Status::Neutral,
        Status::Adversary,
        Status::Other,
    ];

    /// The legend's words.
    pub fn label(self) -> &'static str {
        match self {
            Status::Adversary => "Adversary",
            Status::Protected => "Protected state",
            Status::Neutral => "Neutral / unguaranteed",
            Status::Guarantor => "Guarantor",
            Status::Nato => "NATO member",
            Status::Other => "Other",
        }
    }

    /// The land fill of a country with this status (muted tints of the
    /// status colours).
    pub fn fill(self) -> Color32 {
        match self {
            Status::Nato => blend(MAP_LAND, NATO, 0.52),
            Status::Protected => blend(MAP_LAND, PROTECTED, 0.62),
            Status::Guarantor => blend(MAP_LAND, GUARANTOR, 0.55),
            Status::Neutral => blend(MAP_LAND, NEUTRAL, 0.45),
            Status::Adversary => blend(MAP_LAND, ADVERSARY, 0.45),
            Status::Other => MAP_LAND,
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

/// The status of the state `id` in `scenario`.
pub fn status(scenario: &Scenario, id: &str) -> Status {
    if scenario.adversary.state == id {
        return Status::Adversary;
    }
    let protecting: Vec<_> = scenario
        .arrangements
        .iter()
        .filter(|a| a.protected_states.iter().any(|p| p == id))
        .collect();
    if !protecting.is_empty() {
        return if protecting.iter().any(|a| !a.guarantors.is_empty()) {
            Status::Protected
        } else {
            Status::Neutral
        };
    }
    let guarantees = scenario
        .arrangements
        .iter()
        .any(|a| a.guarantors.iter().any(|g| g.state == id));
    if guarantees {
        Status::Guarantor
    } else if nato_since(scenario, id).is_some() {
        Status::Nato
    } else if NEUTRAL_BY_POLICY.contains(&id) {
        Status::Neutral
    } else {
        Status::Other
    }
}

/// The weight of a guarantee tie, 0 to 1: how credible the commitment is. Uses
/// the analyst's override when given, else a simple weight by formality (a ratified
/// treaty binds most). The engine can later supply its own credibility instead.
pub fn tie_weight(guarantor: &Guarantor, engine_credibility: Option<f64>) -> f64 {
    let by_formality = match guarantor.formality {
        Formality::RatifiedTreaty => 0.8,
        Formality::ExecutiveAgreement => 0.6,
        Formality::PoliticalDeclaration => 0.35,
        Formality::None => 0.2,
    };
    guarantor
        .credibility
        .or(engine_credibility)
        .unwrap_or(by_formality)
        .clamp(0.0, 1.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_scenario_statuses() {
        let s = crate::scenario::blank();
        assert_eq!(status(&s, "POL"), Status::Nato);
        assert_eq!(status(&s, "EGY"), Status::Other);
        assert_eq!(status(&s, "CHE"), Status::Neutral);
        assert_eq!(status(&s, &s.adversary.state.clone()), Status::Adversary);
    }
}
