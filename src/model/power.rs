//! Combat power: troops weighted by the kind and quality of their units.
//!
//! Following the method of the US Army's Weighted Unit Values (WEI/WUV), a
//! unit's power is its troops times a weight for its kind, relative to
//! motorised or light infantry (weight 1), times its quality (training and
//! equipment, as in Dupuy's combat-effectiveness values). The weights are the
//! `power_*` assumptions of the parameter catalogue, drawn in every Monte Carlo
//! draw; forces are prepared once as quality-weighted troops by kind, so a
//! draw's power is a dot product. A combat aircraft counts as
//! `power_aircraft` troops of motorised infantry.

use super::params::Params;
use crate::scenario::{Composition, UnitKind};

/// Number of unit kinds (the ground kinds, combat aircraft and advisers).
pub const KINDS: usize = 10;

/// Quality-weighted troops (aircraft, for combat aircraft) of each kind, in
/// [`index`] order.
pub type ByKind = [f64; KINDS];

/// Where a kind sits in a [`ByKind`].
pub fn index(kind: UnitKind) -> usize {
    match kind {
        UnitKind::Armoured => 0,
        UnitKind::Mechanised => 1,
        UnitKind::Motorised => 2,
        UnitKind::Airborne => 3,
        UnitKind::Marines => 4,
        UnitKind::Artillery => 5,
        UnitKind::AirDefence => 6,
        UnitKind::CombatAircraft => 7,
        UnitKind::Advisers => 8,
        UnitKind::FootInfantry => FOOT,
    }
}

/// `troops` of quality `quality` divided by the shares of `mix` (relative to
/// their sum; an empty mix counts as motorised infantry).
pub fn spread(mix: &Composition, quality: f64, troops: f64) -> ByKind {
    let mut out = [0.0; KINDS];
    let shares = mix.shares();
    let total: f64 = shares.iter().map(|(_, s)| s.max(0.0)).sum();
    let quality = quality.max(0.0);
    if total <= 0.0 || !total.is_finite() {
        out[index(UnitKind::Motorised)] = troops.max(0.0) * quality;
        return out;
    }
    for (kind, share) in shares {
        out[index(kind)] = troops.max(0.0) * quality * share.max(0.0) / total;
    }
    out
}

/// One unit of `kind`: its troops times its quality, in its kind's place.
pub fn unit(kind: UnitKind, quality: f64, troops: f64) -> ByKind {
    let mut out = [0.0; KINDS];
    out[index(kind)] = troops.max(0.0) * quality.max(0.0);
    out
}

/// `a` scaled by `factor`.
pub fn scaled(a: &ByKind, factor: f64) -> ByKind {
    a.map(|x| x * factor)
}

/// Adds `b` into `a`.
pub fn add(a: &mut ByKind, b: &ByKind) {
    for (x, y) in a.iter_mut().zip(b) {
        *x += y;
    }
}

/// Where combat aircraft sit in a [`ByKind`].
pub const AIRCRAFT: usize = 7;

/// Where foot infantry sits in a [`ByKind`].
pub const FOOT: usize = 9;

/// The ground weight of each kind in a draw, in [`index`] order; combat
/// aircraft weigh 0 here, as they first fight for the air (see
/// [`air_support`]).
pub fn weights(p: &Params) -> ByKind {
    [
        p.power_armoured,
        p.power_mechanised,
        1.0,
        p.power_airborne,
        p.power_marines,
        p.power_artillery,
        p.power_air_defence,
        0.0,
        // Advisers and trainers fight no battles of their own.
        0.0,
        // Foot infantry fights as motorised infantry does; it marches slower.
        1.0,
    ]
    .map(|w| if w.is_finite() { w.max(0.0) } else { 0.0 })
}

/// The air battle over an axis by Lanchester's square law, which Lanchester
/// first set out for aircraft (*Aircraft in Warfare*, 1916): of `attacker`
/// and `defender` aircraft (times quality), the larger side keeps
/// √(larger² − smaller²) and the smaller side none. The survivors support
/// their side's ground forces, as air support adds to a side's force
/// strength in Dupuy's Quantified Judgment Model (*Numbers, Predictions and
/// War*, 1979), at `per_aircraft` troops each. Gives (the attacker's air
/// support, the defender's).
pub fn air_support(attacker: f64, defender: f64, per_aircraft: f64) -> (f64, f64) {
    let (a, d) = (attacker.max(0.0), defender.max(0.0));
    let survivors = (a * a - d * d).abs().sqrt();
    let each = if per_aircraft.is_finite() {
        per_aircraft.max(0.0)
    } else {
        0.0
    };
    if a > d {
        (survivors * each, 0.0)
    } else {
        (0.0, survivors * each)
    }
}

/// Combat power of `forces` with `weights`, in troops of motorised infantry.
pub fn power(forces: &ByKind, weights: &ByKind) -> f64 {
    forces.iter().zip(weights).map(|(f, w)| f * w).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_larger_air_force_wins_the_air_by_the_square_law() {
        let (a, d) = air_support(500.0, 300.0, 100.0);
        assert_eq!((a, d), (40_000.0, 0.0), "√(500² − 300²) = 400 survive");
        assert_eq!(air_support(0.0, 20.0, 100.0), (0.0, 2_000.0));
        assert_eq!(air_support(0.0, 0.0, 100.0), (0.0, 0.0));
        // More defending aircraft never help the attacker.
        let mut last = f64::INFINITY;
        for d in 0..=60 {
            let (a, _) = air_support(50.0, f64::from(d), 100.0);
            assert!(a <= last);
            last = a;
        }
    }

    #[test]
    fn a_mix_spreads_its_troops_by_share_and_quality() {
        let mix = Composition {
            armoured: 1.0,
            motorised: 3.0,
            ..Composition::default()
        };
        let forces = spread(&mix, 0.5, 1000.0);
        assert_eq!(forces[index(UnitKind::Armoured)], 125.0);
        assert_eq!(forces[index(UnitKind::Motorised)], 375.0);
        let w = [3.0, 2.0, 1.0, 1.0, 1.0, 2.0, 0.5, 0.0, 0.0, 1.0];
        assert_eq!(power(&forces, &w), 125.0 * 3.0 + 375.0);
        assert_eq!(
            power(&spread(&mix, 0.0, 1000.0), &w),
            0.0,
            "quality 0 adds nothing"
        );
        let empty = spread(&Composition::default(), 1.0, 10.0);
        assert_eq!(empty[index(UnitKind::Motorised)], 10.0);
    }
}
