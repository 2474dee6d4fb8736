//! Attrition while an attack advances, by Lanchester's square law, and the
//! ground it takes, both in closed form over a stretch of time in which no
//! forces arrive.
//!
//! Each side loses power in proportion to the other's: `a' = -k s d`,
//! `d' = -k a`, where `s`, the defender's fire per unit of power relative to
//! the attacker's, is the square of the stall ratio, so the ratio of power
//! holds steady at the stall ratio and grows above it. With `ω = k √s` (the
//! `attrition_per_day` parameter: each side's daily loss at the stall ratio)
//! the ratio is `r(u) = stall · coth(c − ω u)`, `c = artanh(stall / r(0))`,
//! until the defence is destroyed at `u = c / ω`.
//!
//! The advance rate is piecewise linear in the ratio (see
//! [`campaign::advance_rate`](super::campaign::advance_rate)), and
//! `∫ coth(c − ω u) du = ln(sinh c / sinh(c − ω u)) / ω`, so the ground taken
//! is exact, whatever the steps: a campaign split at an event that changes
//! nothing takes the same ground. Written here rather than taken from an ODE
//! crate because the closed form is a few lines and a numerical solver would
//! make the result depend on its step.

use super::params::Params;

/// Whether the defence on an axis still holds together: intact until it has
/// lost its breakpoint share of the power it has put in, broken (or absent)
/// after.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Defence {
    /// An organised defence: the attack advances at opposed rates.
    Intact,
    /// A broken or absent defence: the attack marches.
    Broken,
}

/// One piece of the advance rate: `slope · r + intercept` for ratios from
/// `from` up to the next piece's.
#[derive(Clone, Copy, Debug, Default)]
struct Piece {
    from: f64,
    slope: f64,
    intercept: f64,
}

/// The advance rate as pieces in the ratio, for one terrain and one march
/// rate. The default has no pieces: a place to build a curve into, not a
/// curve to use.
#[derive(Clone, Debug, Default)]
pub struct RateCurve {
    /// A plain curve's pieces (at most two).
    few: [Piece; 2],
    /// Pieces of `few` in use.
    len: usize,
    /// An envelope's pieces (see [`Self::or_mobile`]), when it is one: kept
    /// apart so that a plain curve, made for every stretch, stays small (a
    /// curve large enough for both made the whole Monte Carlo a quarter
    /// slower).
    many: Option<Box<[Piece]>>,
    stall: f64,
}

impl RateCurve {
    /// The curve of [`advance_rate`](super::campaign::advance_rate) with the
    /// march rate `march` (km/day on this ground: the caller has applied the
    /// terrain where its source did not). Against an intact defence the rate
    /// rises from the stall ratio to the opposed rate at the breakthrough ratio
    /// and goes no higher, however great the odds (Dupuy 1987: opposed
    /// advances rarely exceed 20-30 km a day); against a broken one it is the
    /// march rate at any ratio above the stall ratio.
    pub fn new(p: &Params, terrain: f64, march: f64, defence: Defence) -> Self {
        let terrain = terrain.clamp(0.0, 1.0);
        let (stall, full) = (p.stall_force_ratio, p.breakthrough_force_ratio);
        let opposed = p.max_advance_km_day.max(0.0) * terrain;
        let march = march.max(opposed);
        let mut few = [Piece {
            from: f64::INFINITY,
            slope: 0.0,
            intercept: 0.0,
        }; 2];
        let mut len = 0;
        let mut push = |from: f64, slope: f64, intercept: f64| {
            few[len] = Piece {
                from,
                slope,
                intercept,
            };
            len += 1;
        };
        match defence {
            Defence::Broken => push(stall, 0.0, march),
            Defence::Intact => {
                if full > stall {
                    let slope = opposed / (full - stall);
                    push(stall, slope, -stall * slope);
                }
                push(full.max(stall), 0.0, opposed);
            }
        }
        Self {
            few,
            len,
            many: None,
            stall,
        }
    }

    /// No advance at any ratio: an attack halted at a river while it bridges
    /// it.
    pub fn halted() -> Self {
        Self {
            few: [Piece {
                from: f64::INFINITY,
                slope: 0.0,
                intercept: 0.0,
            }; 2],
            len: 1,
            many: None,
            stall: f64::INFINITY,
        }
    }

    /// The pieces, by the ratio they start at.
    fn pieces(&self) -> &[Piece] {
        match &self.many {
            Some(many) => many,
            None => &self.few[..self.len],
        }
    }

    /// The faster of `self` (the whole force, at its own pace) and `mobile`
    /// for the force's mobile units alone, which are `share` of its power: a
    /// force with foot infantry goes at the foot pace unless its vehicles can
    /// go on without it. While the foot infantry cannot hold the whole
    /// defence in place, the mobile units face all of it (the ratio
    /// `share × r`); from the ratio at which the infantry alone reaches the
    /// stall ratio, it fixes the defence and the mobile units drive on
    /// unopposed (fix and manoeuvre: FM 3-90; the combined-arms armies that
    /// break in and the tank armies that exploit, Glantz 1991).
    pub fn or_mobile(&self, mobile: &RateCurve, share: f64) -> RateCurve {
        if share <= 0.0 || !share.is_finite() {
            return self.clone();
        }
        // The mobile curve in the whole force's ratio: breakpoints / share,
        // slopes × share.
        let alone = RateCurve {
            few: mobile.few,
            len: mobile.len,
            many: Some(
                mobile
                    .pieces()
                    .iter()
                    .map(|p| Piece {
                        from: p.from / share,
                        slope: p.slope * share,
                        intercept: p.intercept,
                    })
                    .collect(),
            ),
            stall: mobile.stall / share,
        };
        let mut breaks: Vec<f64> = self
            .pieces()
            .iter()
            .chain(alone.pieces())
            .map(|p| p.from)
            .filter(|b| b.is_finite() && *b >= self.stall)
            .collect();
        breaks.push(self.stall);
        breaks.sort_by(f64::total_cmp);
        breaks.dedup();
        let mut out: Vec<Piece> = Vec::with_capacity(2 * breaks.len() + 1);
        // A curve's line at ratio `r`: (slope, intercept), nothing at or
        // below its stall ratio.
        let line = |curve: &RateCurve, r: f64| -> (f64, f64) {
            if r <= curve.stall {
                return (0.0, 0.0);
            }
            let p = curve.piece(r);
            (p.slope, p.intercept)
        };
        // The infantry, 1 − share of the power, holds the whole defence from here.
        let fixed = if share < 1.0 {
            self.stall / (1.0 - share)
        } else {
            f64::INFINITY
        };
        breaks.retain(|b| *b < fixed);
        let unopposed = mobile.pieces().last().map_or(0.0, |p| p.intercept);
        for (i, &from) in breaks.iter().enumerate() {
            let to = breaks
                .get(i + 1)
                .copied()
                .unwrap_or(f64::INFINITY)
                .min(fixed);
            let probe = if to.is_finite() {
                (from + to) / 2.0
            } else {
                from + 1.0
            };
            let (own, alone) = (line(self, probe), line(&alone, probe));
            let value = |(m, b): (f64, f64), r: f64| m * r + b;
            // Where the two lines cross inside the span, the envelope changes side.
            let cross = if own.0 != alone.0 {
                Some((alone.1 - own.1) / (own.0 - alone.0)).filter(|x| *x > from && *x < to)
            } else {
                None
            };
            let pick = |r: f64| {
                if value(alone, r) > value(own, r) {
                    alone
                } else {
                    own
                }
            };
            let first = pick(if cross.is_some() { from } else { probe });
            out.push(Piece {
                from,
                slope: first.0,
                intercept: first.1,
            });
            if let Some(x) = cross {
                let second = if first == own { alone } else { own };
                out.push(Piece {
                    from: x,
                    slope: second.0,
                    intercept: second.1,
                });
            }
        }
        if fixed.is_finite() {
            out.push(Piece {
                from: fixed,
                slope: 0.0,
                intercept: unopposed,
            });
        }
        RateCurve {
            many: Some(out.into_boxed_slice()),
            ..self.clone()
        }
    }

    /// The rate at ratio `r` (zero at or below the stall ratio).
    pub fn rate(&self, r: f64) -> f64 {
        if r <= self.stall || r.is_nan() {
            return 0.0;
        }
        let piece = self.piece(r);
        let rate = if piece.slope == 0.0 {
            piece.intercept
        } else {
            piece.slope * r + piece.intercept
        };
        if rate.is_finite() { rate.max(0.0) } else { 0.0 }
    }

    fn piece(&self, r: f64) -> &Piece {
        let pieces = self.pieces();
        let mut piece = &pieces[0];
        for candidate in &pieces[1..] {
            if r >= candidate.from {
                piece = candidate;
            }
        }
        piece
    }
}

/// A stretch of the campaign from powers `a` and `d`: the ratio over time and
/// the ground taken.
///
/// With `q(u) = q0 · e^(2ωu)` and `q0 = (r0 − stall)/(r0 + stall)`, the ratio
/// is `r = stall (1 + q)/(1 − q)` (the coth above, without its logarithms),
/// it reaches a ratio `R` where `q = (R − stall)/(R + stall)`, and
/// `∫ r du = stall · u + (stall/ω) · ln((1 − q(0))/(1 − q(u)))`. So a stretch
/// costs one exponential and a logarithm or two, which matters: the Monte
/// Carlo runs hundreds of thousands of them.
#[derive(Clone, Copy, Debug)]
pub struct Stretch {
    stall: f64,
    omega: f64,
    /// `q0`; `None` while the ratio holds still (no attrition, or no
    /// defender left).
    q0: Option<f64>,
    /// The ratio at the start.
    r0: f64,
    a: f64,
    d: f64,
}

/// A time within a stretch with its `q` (see [`Stretch`]).
#[derive(Clone, Copy, Debug)]
struct Moment {
    u: f64,
    q: f64,
}

impl Stretch {
    /// From attacker power `a` and defender power `d`, at the draw's stall
    /// ratio and attrition rate.
    pub fn new(a: f64, d: f64, p: &Params) -> Self {
        let stall = p.stall_force_ratio.max(0.0);
        let omega = p.attrition_per_day.max(0.0);
        // Less than one troop's power is no defence (as in the ratio shown).
        let r0 = if d >= 1.0 { a / d } else { f64::INFINITY };
        let q0 = (omega > 0.0 && stall > 0.0 && r0 > stall && r0.is_finite())
            .then(|| (r0 - stall) / (r0 + stall));
        Self {
            stall,
            omega,
            q0,
            r0,
            a,
            d,
        }
    }

    /// The ratio of power at the start.
    pub fn ratio(&self) -> f64 {
        self.r0
    }

    /// The moment `u` days in.
    fn moment(&self, u: f64) -> Moment {
        let q = self.q0.map_or(0.0, |q0| q0 * (2.0 * self.omega * u).exp());
        Moment { u, q }
    }

    /// The ratio at a moment.
    fn ratio_at(&self, m: Moment) -> f64 {
        match self.q0 {
            Some(_) if m.q < 1.0 => self.stall * (1.0 + m.q) / (1.0 - m.q),
            Some(_) => f64::INFINITY,
            None => self.r0,
        }
    }

    /// The moment the ratio reaches `r` (the start if it is there already;
    /// `None` if it never gets there).
    fn moment_of(&self, r: f64) -> Option<Moment> {
        if r <= self.r0 {
            return Some(Moment {
                u: 0.0,
                q: self.q0.unwrap_or(0.0),
            });
        }
        let q0 = self.q0?;
        let q = if r.is_finite() {
            (r - self.stall) / (r + self.stall)
        } else {
            1.0
        };
        let u = ((q / q0).ln() / (2.0 * self.omega)).max(0.0);
        Some(Moment { u, q })
    }

    /// `∫ r du` between two moments, both before the defence is destroyed.
    fn ratio_integral(&self, from: Moment, to: Moment) -> f64 {
        match self.q0 {
            Some(_) => {
                let span = to.u - from.u;
                self.stall * span + self.stall / self.omega * ((1.0 - from.q) / (1.0 - to.q)).ln()
            }
            None => self.r0 * (to.u - from.u),
        }
    }

    /// The pieces of the rate curve up to `end`: (from, to, piece).
    fn spans<'c>(
        &'c self,
        curve: &'c RateCurve,
        end: Moment,
    ) -> impl Iterator<Item = (Moment, Moment, &'c Piece)> + 'c {
        let pieces = curve.pieces();
        let upto = move |r: f64| match self.moment_of(r) {
            Some(m) if m.u < end.u => m,
            _ => end,
        };
        pieces.iter().enumerate().filter_map(move |(i, piece)| {
            let from = upto(piece.from);
            // The last piece holds from there on, also once the defence is gone.
            let to = pieces.get(i + 1).map_or(end, |next| upto(next.from));
            (to.u > from.u).then_some((from, to, piece))
        })
    }

    /// Ground taken between two moments within one piece.
    fn km_in(&self, from: Moment, to: Moment, piece: &Piece) -> f64 {
        let km = if piece.slope == 0.0 {
            piece.intercept * (to.u - from.u)
        } else {
            piece.slope * self.ratio_integral(from, to) + piece.intercept * (to.u - from.u)
        };
        km.max(0.0)
    }

    /// Ground taken over the first `tau` days.
    pub fn km(&self, curve: &RateCurve, tau: f64) -> f64 {
        if curve.rate(self.r0) <= 0.0 {
            return 0.0;
        }
        if let Some(only) = self.steady_rate(curve) {
            return only * tau;
        }
        self.spans(curve, self.moment(tau))
            .map(|(from, to, piece)| self.km_in(from, to, piece))
            .sum()
    }

    /// The rate, when it cannot change over the stretch: the ratio holds
    /// still, or is already where the rate no longer grows.
    fn steady_rate(&self, curve: &RateCurve) -> Option<f64> {
        let Some(last) = curve.pieces().last() else {
            return Some(0.0);
        };
        (self.q0.is_none() || (last.slope == 0.0 && self.r0 >= last.from))
            .then(|| curve.rate(self.r0))
    }

    /// Days until `need` km are taken, if within `tau` days.
    pub fn time_for(&self, curve: &RateCurve, need: f64, tau: f64) -> Option<f64> {
        if curve.rate(self.r0) <= 0.0 {
            return None;
        }
        if let Some(only) = self.steady_rate(curve) {
            return (need <= only * tau).then(|| need / only);
        }
        let mut left = need;
        for (from, to, piece) in self.spans(curve, self.moment(tau)) {
            let km = self.km_in(from, to, piece);
            if km < left {
                left -= km;
                continue;
            }
            if piece.slope == 0.0 {
                return Some(from.u + left / piece.intercept);
            }
            // The ground taken grows ever faster (the ratio grows), so
            // Newton's method from the end of the span closes in from above.
            let mut at = to;
            for _ in 0..50 {
                let gap = self.km_in(from, at, piece) - left;
                let rate = curve.rate(self.ratio_at(at));
                if rate <= 0.0 || gap.abs() <= 1e-9 * need.max(1.0) {
                    break;
                }
                at = self.moment((at.u - gap / rate).clamp(from.u, to.u));
            }
            return Some(at.u);
        }
        None
    }

    /// Days until the defender's power falls to `d_break`, if it ever does
    /// while this stretch lasts (the attack advancing). By the square law
    /// `a² − s d²` holds, so the defender is at `d_break` when the ratio is
    /// `√((a² − s d²)/d_break² + s)`, and the ratio's moment is known.
    pub fn time_until_defender_at(&self, d_break: f64) -> Option<f64> {
        self.q0?;
        if d_break >= self.d {
            return Some(0.0);
        }
        let s = self.stall * self.stall;
        let kept = self.a * self.a - s * self.d * self.d;
        let r = if d_break > 0.0 {
            (kept / (d_break * d_break) + s).sqrt()
        } else {
            f64::INFINITY
        };
        self.moment_of(r).map(|m| m.u)
    }

    /// The attacker's fire over the first `tau` days that finds no defender
    /// to hit, in the defender's power: none unless the defence is destroyed
    /// within them, after which the attacker's fire (`k a`, `k = ω / stall`)
    /// goes on at the power it has left, `a_after` (the attacker's power from
    /// [`Self::powers_after`]`(tau)`). With that function's losses it is all
    /// the fire the defender drew.
    pub fn fire_at_nothing(&self, tau: f64, a_after: f64) -> f64 {
        let k = self.omega / self.stall.max(1e-9);
        let (gone, left) = match self.q0 {
            // No defender from the start, or none being hit: all or nothing.
            None if self.d < 1.0 => (0.0, self.a),
            None => return 0.0,
            Some(_) => match self.time_until_defender_at(0.0) {
                Some(u) if u < tau => (u, a_after),
                _ => return 0.0,
            },
        };
        k * left * (tau - gone)
    }

    /// Each side's power after `tau` days.
    pub fn powers_after(&self, tau: f64) -> (f64, f64) {
        let Some(q0) = self.q0 else {
            return (self.a, self.d);
        };
        let root = self.stall;
        let grow = (self.omega * tau).exp();
        if q0 * grow * grow >= 1.0 {
            // The defence is destroyed; the square law keeps a² − s d².
            let left = self.a * self.a - root * root * self.d * self.d;
            return (left.max(0.0).sqrt(), 0.0);
        }
        let (cosh, sinh) = ((grow + 1.0 / grow) / 2.0, (grow - 1.0 / grow) / 2.0);
        (
            (self.a * cosh - root * self.d * sinh).max(0.0),
            (self.d * cosh - self.a / root * sinh).max(0.0),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params;

    fn params() -> Params {
        params::catalogue_likely()
    }

    /// The square law stepped by Euler in small steps, and the ground taken
    /// at the rate of each step's ratio.
    fn stepped(a: f64, d: f64, p: &Params, curve: &RateCurve, tau: f64) -> (f64, f64, f64) {
        let (mut a, mut d, mut km) = (a, d, 0.0);
        let s = p.stall_force_ratio * p.stall_force_ratio;
        let k = p.attrition_per_day / p.stall_force_ratio;
        let n = 200_000;
        let dt = tau / f64::from(n);
        for _ in 0..n {
            km += curve.rate(if d >= 1.0 { a / d } else { f64::INFINITY }) * dt;
            let (da, dd) = (-k * s * d * dt, -k * a * dt);
            a = (a + da).max(0.0);
            d = (d + dd).max(0.0);
        }
        (a, d, km)
    }

    #[test]
    fn the_closed_form_follows_the_square_law() {
        let mut p = params();
        p.attrition_per_day = 0.05;
        let curve = RateCurve::new(&p, 0.8, p.sustained_march_km_day * 0.8, Defence::Intact);
        for (a, d) in [
            (30_000.0, 18_000.0),
            (50_000.0, 20_000.0),
            (90_000.0, 20_000.0),
        ] {
            let stretch = Stretch::new(a, d, &p);
            let (a1, d1, km) = stepped(a, d, &p, &curve, 20.0);
            let (ea, ed) = stretch.powers_after(20.0);
            assert!((ea - a1).abs() < 1e-3 * a, "attacker {ea} vs {a1}");
            assert!((ed - d1).abs() < 1e-3 * d + 2.0, "defender {ed} vs {d1}");
            let exact = stretch.km(&curve, 20.0);
            assert!(
                (exact - km).abs() < 1e-3 * km.max(1.0),
                "{exact} km vs {km}"
            );
            let half = stretch
                .time_for(&curve, exact / 2.0, 20.0)
                .expect("reached");
            assert!((stretch.km(&curve, half) - exact / 2.0).abs() < 1e-6 * exact);
        }
    }

    #[test]
    fn the_ratio_holds_at_the_stall_ratio_and_grows_above_it() {
        let p = params();
        let at_stall = Stretch::new(p.stall_force_ratio * 1000.0, 1000.0, &p);
        let (a, d) = at_stall.powers_after(10.0);
        assert!((a / d - p.stall_force_ratio).abs() < 1e-9);
        let above = Stretch::new(2.0 * 1000.0, 1000.0, &p);
        let (a, d) = above.powers_after(10.0);
        assert!(a / d > 2.0);
        assert!(a < 2000.0 && d < 1000.0, "both sides lose");
    }

    #[test]
    fn the_envelope_of_the_foot_pace_and_the_mobile_units_is_the_faster_of_the_two() {
        let p = params();
        let vehicles = RateCurve::new(&p, 0.8, p.road_march_km_day * 0.8, Defence::Broken);
        let foot = RateCurve::new(&p, 0.8, p.foot_march_km_day * 0.8, Defence::Broken);
        for share in [0.05, 0.3, 0.5, 0.8, 0.99] {
            let both = foot.or_mobile(&vehicles, share);
            for i in 0..2000 {
                let r = f64::from(i) * 0.01;
                let facing = if r * (1.0 - share) >= p.stall_force_ratio {
                    f64::INFINITY
                } else {
                    share * r
                };
                let expected = foot.rate(r).max(vehicles.rate(facing));
                assert!(
                    (both.rate(r) - expected).abs() < 1e-9,
                    "share {share}, ratio {r}: {} vs {expected}",
                    both.rate(r)
                );
            }
        }
    }

    #[test]
    fn splitting_a_stretch_takes_the_same_ground() {
        let p = params();
        let curve = RateCurve::new(&p, 0.7, p.sustained_march_km_day * 0.7, Defence::Intact);
        let whole = Stretch::new(40_000.0, 20_000.0, &p);
        let first = whole.km(&curve, 7.3);
        let (a, d) = whole.powers_after(7.3);
        let rest = Stretch::new(a, d, &p).km(&curve, 30.0 - 7.3);
        let all = whole.km(&curve, 30.0);
        assert!(
            (first + rest - all).abs() < 1e-9 * all,
            "{first} + {rest} vs {all}"
        );
    }
}
