//! Credibility: the chance that each guarantor fights if the protected state is
//! attacked, and the chance that at least one does (decisions correlated).

use serde::Serialize;

use super::math::clamp01;
use super::params::Params;
use super::prepared::PreparedGuarantor;
use crate::scenario::{Formality, Obligation, Trigger};

/// How one guarantor's credibility is built up, factor by factor.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CredibilityFactors {
    /// Base reliability of its obligation (defence pact, consultation, assurance, informal).
    pub obligation_base: f64,
    /// Multiplier for how formally the commitment is made.
    pub formality_factor: f64,
    /// Multiplier for how the commitment is triggered.
    pub trigger_factor: f64,
    /// Credibility added by its forces already present (tripwire).
    pub tripwire_bonus: f64,
    /// Credibility added by an integrated command.
    pub command_bonus: f64,
    /// Multiplier for void clauses, (1 - discount)^clauses.
    pub void_factor: f64,
    /// Multiplier for a compensation demand.
    pub compensation_factor: f64,
    /// Share of the horizon the arrangement is expected to last.
    pub coverage: f64,
    /// The result: chance it fights, 0 to 1.
    pub credibility: f64,
    /// True when the analyst's override replaced the computation.
    pub overridden: bool,
}

/// The chance that `guarantor` fights, with its factors.
pub fn factors(guarantor: &PreparedGuarantor, p: &Params) -> CredibilityFactors {
    let obligation_base = match guarantor.obligation {
        Obligation::Defence => p.pact_reliability,
        Obligation::Consultation => p.pact_reliability * p.consultation_reliability,
        Obligation::Assurance => p.assurance_reliability,
        Obligation::Informal => p.informal_reliability,
        // Forces on the ground but no promise: as informal support, with the
        // tripwire of those forces below (US–Japan 1951, Article I: US forces
        // "may be utilized" to contribute to Japan's security).
        Obligation::Basing => p.informal_reliability,
    };
    // Each step down in formality (or trigger) can only lower the factor, even
    // when the user's ranges overlap.
    let executive = clamp01(p.executive_agreement_factor);
    let declaration = clamp01(p.declaration_factor).min(executive);
    let formality_factor = match guarantor.formality {
        Formality::RatifiedTreaty => 1.0,
        Formality::ExecutiveAgreement => executive,
        Formality::PoliticalDeclaration => declaration,
        Formality::None => clamp01(p.unwritten_factor).min(declaration),
    };
    let deems = clamp01(p.trigger_deems_factor);
    let trigger_factor = match guarantor.trigger {
        Trigger::Automatic => 1.0,
        Trigger::AsItDeemsNecessary => deems,
        Trigger::AfterConsultation => clamp01(p.trigger_consultation_factor).min(deems),
    };
    let base = clamp01(obligation_base * formality_factor * trigger_factor);
    let scale = p.tripwire_troops.max(1.0);
    let tripwire = if guarantor.present_troops > 0.0 {
        p.tripwire_effect * (1.0 - (-guarantor.present_troops / scale).exp())
    } else {
        0.0
    };
    let tripwire_bonus = (1.0 - base) * clamp01(tripwire);
    let after_tripwire = base + tripwire_bonus;
    let command = if guarantor.integrated_command {
        p.integrated_command_bonus
    } else {
        0.0
    };
    let command_bonus = (1.0 - after_tripwire) * clamp01(command);
    let void_factor =
        clamp01(1.0 - p.void_clause_discount).powi(clause_count(guarantor.void_clauses));
    let compensation_factor = if guarantor.compensation {
        clamp01(1.0 - p.compensation_discount)
    } else {
        1.0
    };
    let renewal = if guarantor.renewable {
        p.renewal_chance
    } else {
        0.0
    };
    // Over the horizon (sunset and renewal) and over the axes (the scope).
    let coverage = clamp01(guarantor.covered + (1.0 - guarantor.covered) * clamp01(renewal))
        * clamp01(guarantor.scope_share);
    let computed = (after_tripwire + command_bonus) * void_factor * compensation_factor * coverage;
    let credibility = clamp01(guarantor.credibility.unwrap_or(computed));
    CredibilityFactors {
        obligation_base,
        formality_factor,
        trigger_factor,
        tripwire_bonus,
        command_bonus,
        void_factor,
        compensation_factor,
        coverage,
        credibility,
        overridden: guarantor.credibility.is_some(),
    }
}

/// The chance that `guarantor` fights (without the breakdown).
pub fn guarantor(guarantor: &PreparedGuarantor, p: &Params) -> f64 {
    factors(guarantor, p).credibility
}

/// Holds each conditional commitment to its condition: a guarantor that acts
/// only if another does is never more credible than that other (`condition`
/// gives, for each guarantor, the index of the one it waits for).
pub fn apply_conditions(condition: impl Fn(usize) -> Option<usize>, creds: &mut [f64]) {
    // Two passes settle a chain of two; validation refuses cycles.
    for _ in 0..2 {
        for g in 0..creds.len() {
            if let Some(c) = condition(g).filter(|c| *c < creds.len() && *c != g) {
                creds[g] = creds[g].min(creds[c]);
            }
        }
    }
}

/// A guarantor waiting for another acts only in draws where that other acts.
pub fn apply_conditions_to_acts(condition: impl Fn(usize) -> Option<usize>, acts: &mut [bool]) {
    for _ in 0..2 {
        for g in 0..acts.len() {
            if let Some(c) = condition(g).filter(|c| *c < acts.len() && *c != g) {
                acts[g] = acts[g] && acts[c];
            }
        }
    }
}

/// Chance that at least one guarantor fights: with weight `rho` all follow one
/// common decision (so the most credible decides), otherwise they decide
/// independently.
pub fn combined(credibilities: &[f64], rho: f64) -> f64 {
    if credibilities.is_empty() {
        return 0.0;
    }
    let best = credibilities.iter().copied().fold(0.0, f64::max);
    let none = credibilities.iter().map(|c| 1.0 - c).product::<f64>();
    let rho = clamp01(rho);
    clamp01(rho * best + (1.0 - rho) * (1.0 - none))
}

/// Which guarantors intervene in one draw: if `common` (drawn with the chance of
/// the correlation), one uniform `shared` decides for all, otherwise each its own
/// uniform from `draws`.
pub fn interventions(
    credibilities: &[f64],
    common: bool,
    shared: f64,
    draws: &[f64],
    out: &mut Vec<bool>,
) {
    out.clear();
    out.extend(credibilities.iter().enumerate().map(|(i, c)| {
        let u = if common {
            shared
        } else {
            draws.get(i).copied().unwrap_or(shared)
        };
        u < *c
    }));
}

fn clause_count(n: usize) -> i32 {
    i32::try_from(n.min(1000)).unwrap_or(1000)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combined_is_between_best_and_independent_union() {
        let c = [0.5, 0.4];
        assert!((combined(&c, 1.0) - 0.5).abs() < 1e-12);
        assert!((combined(&c, 0.0) - 0.7).abs() < 1e-12);
        assert_eq!(combined(&[], 0.5), 0.0);
    }
}
