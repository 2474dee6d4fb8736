//! The campaign along one axis: the attacker advances at a rate set by the local
//! force ratio, day by day, while the defender's reservists mobilise and the
//! guarantors' reinforcements arrive (only those whose guarantor intervenes).
//! Forces change only at events (mobilisation, arrivals), so the engine steps
//! from event to event; [`trace`] samples the same path day by day.

use serde::Serialize;

use super::params::Params;
use super::prepared::PreparedAxis;

/// Longest campaign followed, days; an objective not reached by then is held.
pub const MAX_DAYS: f64 = 180.0;

/// How one campaign ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Outcome {
    /// Ground taken by the end of the fait-accompli window, km.
    pub km_at_window: f64,
    /// Day the objective falls, if it does within [`MAX_DAYS`].
    pub objective_day: Option<f64>,
}

impl Outcome {
    /// Share of the route covered by the end of the window, 0 to 1.
    pub fn progress(&self, distance_km: f64) -> f64 {
        if distance_km <= 0.0 {
            1.0
        } else {
            (self.km_at_window / distance_km).clamp(0.0, 1.0)
        }
    }
}

/// Advance rate (km/day) at a force ratio: zero at or below the stall ratio,
/// the full rate at or above the breakthrough ratio, linear between.
pub fn advance_rate(ratio: f64, terrain: f64, p: &Params) -> f64 {
    let (stall, full) = (p.stall_force_ratio, p.breakthrough_force_ratio);
    let share = if full > stall {
        ((ratio - stall) / (full - stall)).clamp(0.0, 1.0)
    } else if ratio > stall {
        1.0
    } else {
        0.0
    };
    let rate = p.max_advance_km_day.max(0.0) * terrain.clamp(0.0, 1.0) * share;
    if rate.is_finite() { rate } else { 0.0 }
}

/// Defender's troops on the axis at time `t` (days), given who intervenes.
pub fn defenders_at<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    p: &Params,
    intervenes: &F,
    t: f64,
) -> f64 {
    Forces::new(axis, p, intervenes).at(t)
}

/// Runs the campaign on an axis; `window` is the fait-accompli window in days.
pub fn run<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    p: &Params,
    intervenes: &F,
    window: f64,
) -> Outcome {
    run_until(axis, p, intervenes, window, MAX_DAYS)
}

/// Runs the campaign up to day `until` (at most [`MAX_DAYS`]); an objective not
/// reached by then counts as not reached.
pub fn run_until<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    p: &Params,
    intervenes: &F,
    window: f64,
    until: f64,
) -> Outcome {
    let distance = axis.distance_km.max(0.0);
    let end = until.clamp(0.0, MAX_DAYS);
    let (mut t, mut km) = (0.0_f64, 0.0_f64);
    let mut km_at_window = None;
    let mut forces = Forces::new(axis, p, intervenes);
    while t < end {
        let defenders = forces.at(t);
        let next = forces.next_event(t).min(end);
        let ratio = axis.attacker / defenders.max(1.0);
        let rate = advance_rate(ratio, axis.terrain, p);
        if rate <= 0.0 {
            // Defenders only grow, so a stalled attack stays stalled.
            break;
        }
        if km + rate * (next - t) >= distance {
            let day = t + (distance - km) / rate;
            let at_window = if window >= day {
                distance
            } else {
                km_at_window.unwrap_or(km + rate * (window - t).max(0.0))
            };
            return Outcome {
                km_at_window: at_window,
                objective_day: Some(day),
            };
        }
        if km_at_window.is_none() && window <= next {
            km_at_window = Some(km + rate * (window - t).max(0.0));
        }
        km += rate * (next - t);
        t = next;
    }
    Outcome {
        km_at_window: km_at_window.unwrap_or(km).min(distance),
        objective_day: if distance <= 0.0 { Some(0.0) } else { None },
    }
}

/// The defender's forces on an axis as time moves forward: walks the
/// reinforcements (sorted by day) once, instead of summing them afresh at each
/// event, which made a campaign quadratic in the number of arrivals. Gives the
/// same sums, in the same order, as summing them.
struct Forces<'a, F> {
    axis: &'a PreparedAxis,
    p: &'a Params,
    intervenes: &'a F,
    /// Reinforcements already counted (all with day at most the last time asked).
    counted: usize,
    /// Troops of the counted reinforcements whose guarantor intervenes.
    arrived: f64,
}

impl<'a, F: Fn(usize) -> bool> Forces<'a, F> {
    fn new(axis: &'a PreparedAxis, p: &'a Params, intervenes: &'a F) -> Self {
        Self {
            axis,
            p,
            intervenes,
            counted: 0,
            arrived: 0.0,
        }
    }

    /// Defender's troops at time `t`; `t` must not go backwards between calls.
    fn at(&mut self, t: f64) -> f64 {
        for (day, troops, g) in &self.axis.reinforcements[self.counted..] {
            if *day > t {
                break;
            }
            if (self.intervenes)(*g) {
                self.arrived += troops;
            }
            self.counted += 1;
        }
        let reserves = if t >= self.p.mobilisation_days {
            self.axis.reserve * self.p.reserve_mobilised.clamp(0.0, 1.0)
        } else {
            0.0
        };
        self.axis.active + self.axis.present + reserves + self.arrived
    }

    /// The first time after `t` at which the defender's forces change (after
    /// [`Self::at`] was asked for `t`).
    fn next_event(&self, t: f64) -> f64 {
        let mut next = MAX_DAYS;
        if self.p.mobilisation_days > t {
            next = next.min(self.p.mobilisation_days);
        }
        let coming = self.axis.reinforcements[self.counted..]
            .iter()
            .find(|(_, _, g)| (self.intervenes)(*g));
        if let Some((day, _, _)) = coming {
            next = next.min(*day);
        }
        next
    }
}

/// One day of a campaign, for plots.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct CampaignDay {
    /// Day since the attack began.
    pub day: u32,
    /// Ground taken, km.
    pub km: f64,
    /// Attacker-to-defender force ratio that day.
    pub force_ratio: f64,
    /// Defender's troops on the axis that day (own and guarantors').
    pub defender_troops: f64,
}

/// The campaign day by day, up to `days` or the day the objective falls.
pub fn trace<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    p: &Params,
    intervenes: &F,
    days: u32,
) -> Vec<CampaignDay> {
    let mut out = Vec::new();
    for day in 0..=days {
        let t = f64::from(day);
        let defenders = defenders_at(axis, p, intervenes, t);
        let km = run(axis, p, intervenes, t).km_at_window;
        out.push(CampaignDay {
            day,
            km,
            force_ratio: axis.attacker / defenders.max(1.0),
            defender_troops: defenders,
        });
        if km >= axis.distance_km {
            break;
        }
    }
    out
}

/// Days shown in the day-by-day traces of the assessment.
pub const CAMPAIGN_TRACE_DAYS: u32 = 60;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::params::{self, Params};

    fn params() -> Params {
        let ranges: Vec<_> = crate::scenario::parameters::CATALOGUE
            .iter()
            .map(|parameter| parameter.default)
            .collect();
        Params::from_values(&params::likely(&ranges))
    }

    fn test_axis(attacker: f64, active: f64) -> PreparedAxis {
        PreparedAxis {
            id: "t".into(),
            name: "test".into(),
            distance_km: 100.0,
            attacker,
            active,
            reserve: 0.0,
            present: 0.0,
            reinforcements: vec![(5.0, 1.0e6, 0)],
            terrain: 1.0,
            weight: 1.0,
        }
    }

    #[test]
    fn an_outnumbered_attack_stalls_and_the_objective_holds() {
        let o = run(&test_axis(100.0, 100.0), &params(), &|_| false, 14.0);
        assert_eq!(o.objective_day, None);
        assert_eq!(o.km_at_window, 0.0);
    }

    #[test]
    fn an_overwhelming_attack_reaches_the_objective_at_full_rate() {
        let p = params();
        let o = run(&test_axis(1.0e6, 1.0), &p, &|_| false, 14.0);
        let day = 100.0 / p.max_advance_km_day;
        assert!((o.objective_day.expect("falls") - day).abs() < 1e-9);
        assert_eq!(o.progress(100.0), 1.0);
    }

    #[test]
    fn walking_the_arrivals_gives_the_same_forces_as_summing_them() {
        let p = params();
        let mut axis = test_axis(1.0e5, 1.0e4);
        axis.reinforcements = (0..12)
            .map(|i| {
                (
                    f64::from(i % 5) * 3.5,
                    1000.0 + f64::from(i),
                    i as usize % 4,
                )
            })
            .collect();
        axis.reinforcements.sort_by(|a, b| a.0.total_cmp(&b.0));
        let odd = |g: usize| g % 2 == 1;
        let mut forces = Forces::new(&axis, &p, &odd);
        for day in 0..40 {
            let t = f64::from(day) * 0.5;
            // Every arrival so far, summed directly.
            let arrived: f64 = axis
                .reinforcements
                .iter()
                .filter(|(d, _, g)| *d <= t && odd(*g))
                .map(|(_, troops, _)| troops)
                .sum();
            let reserves = if t >= p.mobilisation_days {
                axis.reserve * p.reserve_mobilised.clamp(0.0, 1.0)
            } else {
                0.0
            };
            let summed = axis.active + axis.present + reserves + arrived;
            assert_eq!(forces.at(t), summed, "day {t}");
            let next = forces.next_event(t);
            assert!(next > t);
            let changes = axis
                .reinforcements
                .iter()
                .any(|(d, _, g)| *d > t && *d < next && odd(*g));
            assert!(!changes, "an arrival before the next event at {t}");
        }
    }

    #[test]
    fn reinforcements_count_only_when_their_guarantor_intervenes() {
        let p = params();
        let mut axis = test_axis(1.0e5, 1.0e4);
        axis.distance_km = 1000.0;
        let alone = run(&axis, &p, &|_| false, 30.0);
        let helped = run(&axis, &p, &|_| true, 30.0);
        assert!(helped.km_at_window < alone.km_at_window);
        let trace = trace(&axis, &p, &|_| true, 10);
        assert_eq!(trace.len(), 11);
        assert!(trace[6].defender_troops > trace[4].defender_troops);
    }
}
