//! The campaign along one axis: the attacker advances at a rate set by the local
//! ratio of combat power (troops weighted by kind and quality, see [`power`]),
//! day by day, while the defender's forces not in position at the start come
//! up, its reservists mobilise and the guarantors' reinforcements arrive (only
//! those whose guarantor intervenes). Forces change only at events (the
//! alert, mobilisation, arrivals, landings, the end of the first day), so
//! the engine steps from event to event; between events both sides lose
//! power by Lanchester's square law while the attack advances, in closed
//! form (see [`lanchester`](super::lanchester)); [`trace`] samples the same
//! path day by day.
//!
//! Each side's combat aircraft first fight for the air by Lanchester's square
//! law; the survivors add to their side's power (see [`power::air_support`]),
//! so air power slows an attack, and a first strike on a surprised
//! defender's airfields helps it.
//!
//! The advance (see [`advance_rate`]) is zero at or below the stall ratio and
//! grows to the opposed rate at the breakthrough ratio (Dupuy's opposed
//! advance rates), and no higher while the defence holds together. The
//! defence breaks once it has lost its breakpoint share of the power it has
//! put in (`defence_breakpoint`: Dupuy's and Helmbold's breakpoints), which at
//! great odds comes within hours, at slight odds after days; from then on, or
//! from the start where there is no defence, the attacker exploits (Biddle
//! 2004): a column that meets no organised resistance moves at road-march
//! speed on the first day and at the sustained rate after it, so a collapse
//! takes hours, not days. Fresh forces that bring the fire the defence has
//! drawn back below the breakpoint share of all it has put in re-form it.
//! Foot infantry holds a force to its pace unless the mobile units can go on.

use serde::Serialize;

use super::lanchester::{Defence, RateCurve, Stretch};
use super::params::Params;
use super::power::{self, ByKind};
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

/// Advance rate (km/day) at a ratio of combat power against a defence in the
/// state `defence`, `day` days after it broke (ignored while it is intact):
/// zero at or below the stall ratio; against an intact defence rising linearly to the opposed rate
/// (`max_advance_km_day`) at the breakthrough ratio and no higher; against a
/// broken or absent one the march rate, which is the road-march rate on the
/// first day (a dash) and the sustained march rate after it, never below the
/// opposed rate. Never falls as the ratio grows. Times the terrain factor.
pub fn advance_rate(ratio: f64, terrain: f64, p: &Params, day: f64, defence: Defence) -> f64 {
    rate_curve(p, terrain, day, 1.0, defence).rate(ratio)
}

/// The march rate `day` days after the defence broke, on ground of
/// `terrain`: the road-march rate for the march's first day, a dash on the
/// fuel and rest the column sets out with, times the terrain (a planning
/// rate for roads, which are fewer and slower in rough country); after it the sustained rate,
/// not times the terrain, because its sources are rates achieved over real
/// ground (Manchuria's mountains and deserts among them), but never above the
/// dash.
fn march_rate(p: &Params, day: f64, terrain: f64) -> f64 {
    let dash = p.road_march_km_day.max(0.0) * terrain.clamp(0.0, 1.0);
    if day < 1.0 {
        dash
    } else {
        p.sustained_march_km_day.max(0.0).min(dash)
    }
}

/// The advance rate's curve `day` days after the defence broke for a force
/// whose units not on foot are `mobile` of its power: the whole force at the pace of its slowest
/// (foot infantry at `foot_march_km_day`, times the terrain, as FM 21-18's
/// road rates), or its mobile units alone at theirs, whichever is faster.
fn rate_curve(p: &Params, terrain: f64, day: f64, mobile: f64, defence: Defence) -> RateCurve {
    let march = march_rate(p, day, terrain);
    let vehicles = RateCurve::new(p, terrain, march, defence);
    if mobile >= 1.0 {
        return vehicles;
    }
    let foot = p.foot_march_km_day.max(0.0) * terrain.clamp(0.0, 1.0);
    RateCurve::new(p, terrain, march.min(foot), defence).or_mobile(&vehicles, mobile)
}

/// The attacker's combat power on the axis on day 0 in a draw, with its air
/// support when no guarantor intervenes.
pub fn attacker_power(axis: &PreparedAxis, p: &Params) -> f64 {
    Forces::new(axis, p, &|_| false).at(0.0).0
}

/// Defender's combat power on the axis at time `t` (days), given who
/// intervenes, before any losses.
pub fn defenders_at<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    p: &Params,
    intervenes: &F,
    t: f64,
) -> f64 {
    Forces::new(axis, p, intervenes).at(t).1
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
    run_from(axis, &Start::new(axis, p), p, intervenes, window, until)
}

/// [`run_until`] from powers already worked out for this draw.
pub fn run_from<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    start: &Start,
    p: &Params,
    intervenes: &F,
    window: f64,
    until: f64,
) -> Outcome {
    let campaign = Campaign::new(axis, start, p, intervenes);
    go_on(campaign, window, until, |_| {})
}

/// [`run_from`], keeping for each of `before` the last point (the start of a
/// stretch) the campaign passed earlier than that day, to go on from with
/// other guarantors acting (see [`run_resumed`]).
#[allow(clippy::too_many_arguments)]
pub fn run_recording<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    start: &Start,
    p: &Params,
    intervenes: &F,
    window: f64,
    until: f64,
    before: [f64; 2],
    at: &mut [Option<Resume>; 2],
) -> Outcome {
    *at = [None, None];
    let campaign = Campaign::new(axis, start, p, intervenes);
    go_on(campaign, window, until, |c| {
        for (slot, day) in at.iter_mut().zip(before) {
            if c.t < day {
                *slot = Some(c.resume_point());
            }
        }
    })
}

/// The campaign [`run_from`] gives with `intervenes` acting, gone on from a
/// point another campaign on the axis passed: the same, to the last bit, if
/// the guarantors acting in both agree on every arrival up to that point.
pub fn run_resumed<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    start: &Start,
    p: &Params,
    intervenes: &F,
    window: f64,
    until: f64,
    from: &Resume,
) -> Outcome {
    let campaign = Campaign::resumed(axis, start, p, intervenes, from);
    go_on(campaign, window, until, |_| {})
}

/// Steps `campaign` to the objective or to `until`, showing `record` each
/// point it passes before its stretch.
fn go_on<F: Fn(usize) -> bool, R: FnMut(&Campaign<'_, F>)>(
    mut campaign: Campaign<'_, F>,
    window: f64,
    until: f64,
    mut record: R,
) -> Outcome {
    let distance = campaign.forces.axis.distance_km.max(0.0);
    let end = until.clamp(0.0, MAX_DAYS);
    // Resumed points lie before the window, so it is not passed yet.
    let mut km_at_window = None;
    loop {
        record(&campaign);
        let Some(step) = campaign.step(end) else {
            break;
        };
        let (t, next) = (step.from, step.to);
        if campaign.km >= distance {
            let need = distance - step.km;
            let day = t + step
                .stretch
                .time_for(step.curve, need, next - t)
                .unwrap_or(next - t);
            let at_window = if window >= day {
                distance
            } else {
                km_at_window.unwrap_or_else(|| step.km_at(window.max(t)))
            };
            return Outcome {
                km_at_window: at_window,
                objective_day: Some(day),
            };
        }
        if km_at_window.is_none() && window <= next {
            km_at_window = Some(step.km_at(window.max(t)));
        }
    }
    Outcome {
        km_at_window: km_at_window.unwrap_or(campaign.km).min(distance),
        objective_day: if distance <= 0.0 { Some(0.0) } else { None },
    }
}

/// Where a campaign stood at the start of a stretch: the clock, the ground,
/// the losses and the arrivals counted, from which a campaign with other
/// guarantors acting goes on exactly as it would have from the start, if
/// they agree on every arrival counted so far.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Resume {
    t: f64,
    km: f64,
    marched: f64,
    overkill: f64,
    attacker_lost: f64,
    defender_lost: f64,
    counted: usize,
    arrived: f64,
    arrived_air: f64,
    river: usize,
    bridged_at: Option<f64>,
    line: usize,
}

/// Whether a defence of power `d` that breaks at `breaks_at` (see
/// [`Campaign::powers_and_breaking_power`]) is broken at the start of `stretch`, and if
/// not, the days until it breaks before the stretch ends at `tau` days (none
/// if it lasts beyond), with both sides' powers at `tau` where that is known
/// already. Broken once the losses reach the breakpoint share (within
/// rounding: a break a moment away is a break now, so no step is too short to
/// move the clock), or when there is no defence to speak of (under one
/// troop's power, as in the ratio shown). The moment of the break (a
/// logarithm) is sought only where the defence is near it by `tau`.
fn defence_state(stretch: &Stretch, d: f64, breaks_at: f64, tau: f64) -> DefenceState {
    let broken = DefenceState {
        defence: Defence::Broken,
        until_break: None,
        powers_at_end: None,
    };
    if d < 1.0 || d <= breaks_at * (1.0 + 1e-9) {
        return broken;
    }
    let after = stretch.powers_after(tau);
    let holds = DefenceState {
        defence: Defence::Intact,
        until_break: None,
        powers_at_end: Some(after),
    };
    // Rounding apart, the defence stays above its breakpoint all stretch.
    if after.1 > breaks_at * (1.0 + 1e-6) {
        return holds;
    }
    match stretch.time_until_defender_at(breaks_at) {
        Some(u) if u <= 1e-9 => broken,
        Some(u) if u < tau => DefenceState {
            defence: Defence::Intact,
            until_break: Some(u),
            powers_at_end: None,
        },
        _ => holds,
    }
}

/// A defence at the start of a stretch (see [`defence_state`]).
struct DefenceState {
    defence: Defence,
    /// Days until it breaks, if that is before the stretch ends.
    until_break: Option<f64>,
    /// Each side's power at the stretch's end, where already worked out for
    /// a stretch that runs its whole length.
    powers_at_end: Option<(f64, f64)>,
}

/// The share of the power it has put in that a defence loses before it
/// breaks: the breakpoint (`defence_breakpoint`) times the share of the
/// axis's front it can hold (Liddell Hart's ratio of force to space): a
/// defence of `put_in` on a front of `front_km` holds
/// `put_in / (front_km × holding_power_per_km)` of it, at most all. Where it
/// holds only part, the attacker goes around what it cannot go through and
/// the defence gives way at that share of its breakpoint. Never smaller for
/// more defence, so more defence never breaks sooner.
fn breaking_share(p: &Params, terrain: f64, put_in: f64) -> f64 {
    let breakpoint = p.defence_breakpoint.clamp(0.0, 1.0);
    let needed = p.front_km.max(0.0) * p.holding_power_per_km.max(0.0) * terrain.clamp(0.0, 1.0);
    if needed > 0.0 {
        breakpoint * (put_in.max(0.0) / needed).min(1.0)
    } else {
        breakpoint
    }
}

/// One stretch of a campaign between events, at one march rate.
#[derive(Clone, Debug)]
struct Step<'a> {
    from: f64,
    to: f64,
    /// Ground taken at `from`, km.
    km: f64,
    stretch: Stretch,
    curve: &'a RateCurve,
}

impl Step<'_> {
    /// Ground taken by time `t` (within the step).
    fn km_at(&self, t: f64) -> f64 {
        self.km + self.stretch.km(self.curve, t - self.from)
    }
}

/// A campaign as it moves forward: the forces (events: the alert,
/// mobilisation, arrivals, the end of the first day's dash) and the losses
/// each side has taken. While the attack advances both sides lose power by
/// Lanchester's square law (see [`lanchester`]), in closed form between
/// events.
struct Campaign<'a, F> {
    forces: Forces<'a, F>,
    /// The draw's powers and advance rate's curves on the axis.
    start: &'a Start,
    /// Days spent marching through a broken defence so far: the march's first
    /// day is a dash (see [`march_rate`]), however it is split by a defence
    /// that re-forms (a dash that started afresh after each break would let
    /// more defence, breaking later, speed the attack).
    marched: f64,
    /// The attacker's fire that found no defender to hit (while the
    /// defence was gone), in the defender's power: counted with the losses
    /// against the breakpoint (see [`Self::powers_and_breaking_power`]).
    overkill: f64,
    /// Time reached, days.
    t: f64,
    /// Ground taken, km.
    km: f64,
    /// Combat power each side has lost so far.
    attacker_lost: f64,
    defender_lost: f64,
    /// The next river crossing on the route not yet reached (an index into
    /// the axis's `rivers`).
    river: usize,
    /// While the attack is halted at a river with blown bridges: the day its
    /// bridge carries the whole force.
    bridged_at: Option<f64>,
    /// The next defence line on the route not yet reached (an index into
    /// the axis's `lines`).
    line: usize,
}

impl<'a, F: Fn(usize) -> bool> Campaign<'a, F> {
    fn new(axis: &'a PreparedAxis, start: &'a Start, p: &'a Params, intervenes: &'a F) -> Self {
        Self {
            forces: Forces::from_start(axis, start, p, intervenes),
            start,
            marched: 0.0,
            overkill: 0.0,
            t: 0.0,
            km: 0.0,
            attacker_lost: 0.0,
            defender_lost: 0.0,
            river: 0,
            bridged_at: None,
            line: 0,
        }
    }

    /// The attacker's and the defender's power now, after their losses.
    fn powers(&mut self) -> (f64, f64) {
        let (attacker, defender, _) = self.powers_and_breaking_power();
        (attacker, defender)
    }

    /// The attacker's and the defender's power now, after their losses, and
    /// the defender's power at which its defence breaks (see [`Defence`]):
    /// when the attacker's fire so far reaches the breakpoint share of the
    /// power the defender has put in. The fire is its losses plus the fire
    /// that found no one while the defence was gone. Counting losses alone
    /// would make a defender who had more to lose, and lost it, nearer its
    /// breakpoint when fresh forces come up, so more defence could speed the
    /// attack; the fire is smaller, the more defence there is.
    /// Where it stands now (see [`Resume`]).
    fn resume_point(&self) -> Resume {
        Resume {
            t: self.t,
            km: self.km,
            marched: self.marched,
            overkill: self.overkill,
            attacker_lost: self.attacker_lost,
            defender_lost: self.defender_lost,
            counted: self.forces.counted,
            arrived: self.forces.arrived,
            arrived_air: self.forces.arrived_air,
            river: self.river,
            bridged_at: self.bridged_at,
            line: self.line,
        }
    }

    /// A campaign with `intervenes` acting, standing where `from` stood.
    fn resumed(
        axis: &'a PreparedAxis,
        start: &'a Start,
        p: &'a Params,
        intervenes: &'a F,
        from: &Resume,
    ) -> Self {
        let mut c = Self::new(axis, start, p, intervenes);
        (c.t, c.km, c.marched, c.overkill) = (from.t, from.km, from.marched, from.overkill);
        (c.attacker_lost, c.defender_lost) = (from.attacker_lost, from.defender_lost);
        // The search for the next arrival starts afresh: the other campaign's
        // guarantors skipped arrivals these may count.
        (c.forces.counted, c.forces.searched) = (from.counted, from.counted);
        (c.forces.arrived, c.forces.arrived_air) = (from.arrived, from.arrived_air);
        (c.river, c.bridged_at) = (from.river, from.bridged_at);
        c.forces.across = c.across();
        // Summed in the order the campaign reached them, so to the last bit.
        for line in &axis.lines[..from.line] {
            c.forces.engaged += line.share;
        }
        c.line = from.line;
        c
    }

    /// Brings into the fight the forces of each defence line the attack has
    /// reached: a defence in depth is met in turn, one line after another,
    /// each fresh line re-forming a broken defence if it is strong enough
    /// (Lanchester's square law makes a defence met piecemeal weaker than
    /// the same forces all at once; Biddle 2004 on defence in depth).
    fn reach_lines(&mut self) {
        let lines = &self.forces.axis.lines;
        while let Some(line) = lines
            .get(self.line)
            .filter(|line| line.km <= self.km + 1e-9)
        {
            self.forces.engaged += line.share;
            self.line += 1;
        }
    }

    /// Km from the start of the next point on the route where the campaign
    /// changes: the next river crossing or defence line not yet reached.
    fn next_mark(&self) -> Option<f64> {
        let axis = self.forces.axis;
        let river = axis.rivers.get(self.river).map(|r| r.km);
        let line = axis.lines.get(self.line).map(|l| l.km);
        match (river, line) {
            (Some(r), Some(l)) => Some(r.min(l)),
            (r, l) => r.or(l),
        }
    }

    /// The share of the attacker's ground forces across the river it is
    /// halted at (all of them when it is not).
    fn across(&self) -> f64 {
        if self.bridged_at.is_some() {
            self.forces.p.assault_crossing_share.clamp(0.0, 1.0)
        } else {
            1.0
        }
    }

    /// Ends a halt at a river once its bridge is built, and starts one at
    /// each river the attack has reached: unless it came as a surprise and
    /// reached it on its first day, the defender has blown the bridges, and
    /// the attack waits `bridging_days` with only its assault crossing on the
    /// far bank (Clausewitz, On War VI.18; a coup de main takes them intact,
    /// as at Brest on 22 June 1941 and the Antonivskyi bridge on 24 February
    /// 2022).
    fn cross_rivers(&mut self) {
        if self.bridged_at.is_some_and(|day| self.t >= day - 1e-9) {
            self.bridged_at = None;
        }
        let rivers = &self.forces.axis.rivers;
        while self.bridged_at.is_none()
            && rivers
                .get(self.river)
                .is_some_and(|river| river.km <= self.km + 1e-9)
        {
            let coup_de_main = self.forces.axis.surprise && self.t < 1.0;
            let blown = rivers[self.river].blown.unwrap_or(!coup_de_main);
            self.river += 1;
            let days = self.forces.p.bridging_days;
            if blown && days > 0.0 {
                self.bridged_at = Some(self.t + days);
            }
        }
        self.forces.across = self.across();
    }

    /// The stretch up to `next` (at most the bridge's day) while the attack
    /// is halted at a river: no ground taken, the bridgehead battle fought
    /// by the square law.
    fn halted_step(&mut self, bridged_at: f64, next: f64, stretch: Stretch) -> Step<'a> {
        let next = next.min(bridged_at);
        let tau = next - self.t;
        let (a, d) = (stretch.powers_after(0.0), stretch.powers_after(tau));
        if d.1 < 1.0 {
            self.overkill += stretch.fire_at_nothing(tau, d.0);
        }
        self.attacker_lost += a.0 - d.0;
        self.defender_lost += a.1 - d.1;
        let step = Step {
            from: self.t,
            to: next,
            km: self.km,
            stretch,
            curve: &self.start.halted,
        };
        self.t = next;
        step
    }

    fn powers_and_breaking_power(&mut self) -> (f64, f64, f64) {
        let (attacker, put_in) = self.forces.at(self.t);
        let kept = 1.0 - breaking_share(self.forces.p, self.forces.axis.terrain, put_in);
        (
            (attacker - self.attacker_lost).max(0.0),
            (put_in - self.defender_lost).max(0.0),
            put_in * kept + self.overkill,
        )
    }

    /// The next stretch up to `end`, or `None` when the campaign has ended or
    /// the attack has stalled (while stalled neither side gains on the
    /// other, and the defender's forces only grow, so it stays stalled).
    fn step(&mut self, end: f64) -> Option<Step<'a>> {
        if self.t >= end {
            return None;
        }
        self.cross_rivers();
        self.reach_lines();
        let (a, d, breaks_at) = self.powers_and_breaking_power();
        let p = self.forces.p;
        let stretch = Stretch::new(a, d, p);
        let mut next = self.forces.next_event(self.t).min(end);
        if let Some(day) = self.bridged_at {
            return Some(self.halted_step(day, next, stretch));
        }
        let DefenceState {
            defence,
            until_break,
            powers_at_end,
        } = defence_state(&stretch, d, breaks_at, next - self.t);
        let broken = defence == Defence::Broken;
        // Within rounding of its end, the dash is over.
        let dashing = self.marched < 1.0 - 1e-9;
        let curve = self.start.curve(defence, dashing);
        if curve.rate(stretch.ratio()) <= 0.0 {
            // Stalled; only the attacker's next wave, across water or by
            // air, can set it moving again.
            let wave = self.forces.next_wave(self.t).filter(|day| *day < end)?;
            let step = Step {
                from: self.t,
                to: wave,
                km: self.km,
                stretch,
                curve,
            };
            self.t = wave;
            return Some(step);
        }
        if broken && dashing {
            next = next.min(self.t + (1.0 - self.marched));
        }
        if let Some(u) = until_break {
            next = next.min(self.t + u);
        }
        let mut step = Step {
            from: self.t,
            to: next,
            km: self.km,
            stretch,
            curve,
        };
        // The stretch ends where the attack reaches the next river or line.
        let mut at_mark = None;
        if let Some(mark) = self.next_mark() {
            let tau = next - self.t;
            if let Some(u) = stretch.time_for(curve, mark - self.km, tau) {
                next = self.t + u;
                step.to = next;
                at_mark = Some(mark);
            }
        }
        let tau = next - self.t;
        if broken {
            self.marched += tau;
        }
        let (a1, d1) = match powers_at_end {
            Some(after) if until_break.is_none() && at_mark.is_none() => after,
            _ => stretch.powers_after(tau),
        };
        // Fire finds no one only where the defence is gone by the end (a
        // logarithm saved in most stretches).
        if d1 < 1.0 {
            self.overkill += stretch.fire_at_nothing(tau, a1);
        }
        self.attacker_lost += a - a1;
        self.defender_lost += d - d1;
        self.km = at_mark.unwrap_or_else(|| step.km_at(next));
        self.t = next;
        Some(step)
    }
}

/// The combat power of each part of the forces on an axis in one draw,
/// worked out once and shared by every campaign the draw runs on that axis
/// (alone, helped, to the window and to the end).
#[derive(Clone, Debug, Default)]
pub struct Start {
    /// The advance rate's curves (see [`rate_curve`]) for the share of the
    /// attacker's ground power in units that do not march on foot (1 for a
    /// force without foot infantry): against an intact defence (opposed
    /// rates, the same on every day of the march), and against a broken one
    /// on the march's first day (the dash) and after it.
    intact: RateCurve,
    dash: RateCurve,
    sustained: RateCurve,
    /// No advance: halted at a river.
    halted: RateCurve,
    weights: ByKind,
    attacker: f64,
    attacker_air: f64,
    active: f64,
    reserves: f64,
    present: f64,
    defender_air: f64,
    /// Share of the defender's own active forces at the front: those not on
    /// a defence line behind it.
    front: f64,
}

impl Start {
    /// The powers on `axis` at the draw's parameters `p`.
    pub fn new(axis: &PreparedAxis, p: &Params) -> Self {
        let mut start = Self::default();
        start.refresh(axis, p);
        start
    }

    /// The advance rate's curve against a defence in the state `defence`,
    /// on the march's first day (`dashing`) or after it.
    fn curve(&self, defence: Defence, dashing: bool) -> &RateCurve {
        match (defence, dashing) {
            (Defence::Intact, _) => &self.intact,
            (Defence::Broken, true) => &self.dash,
            (Defence::Broken, false) => &self.sustained,
        }
    }

    /// Works the powers out afresh, in place, for `axis` at the draw's
    /// parameters `p`: the Monte Carlo keeps one per axis between draws
    /// (building and moving a new one each time was a fifth of its time).
    pub fn refresh(&mut self, axis: &PreparedAxis, p: &Params) {
        let weights = power::weights(p);
        let struck = if axis.surprise {
            1.0 - p.first_strike_share.clamp(0.0, 1.0)
        } else {
            1.0
        };
        let attacker = power::power(&axis.attacker, &weights);
        let foot = axis.attacker[power::FOOT] * weights[power::FOOT];
        let mobile = if attacker > 0.0 && foot > 0.0 {
            ((attacker - foot) / attacker).clamp(0.0, 1.0)
        } else {
            1.0
        };
        let terrain = axis.terrain;
        self.intact = rate_curve(p, terrain, 0.0, mobile, Defence::Intact);
        self.dash = rate_curve(p, terrain, 0.0, mobile, Defence::Broken);
        self.sustained = rate_curve(p, terrain, 1.0, mobile, Defence::Broken);
        self.halted = RateCurve::halted();
        self.attacker = attacker;
        self.attacker_air = axis.attacker_air;
        self.active = power::power(&axis.active, &weights);
        self.reserves = power::power(&axis.reserve, &weights) * p.reserve_mobilised.clamp(0.0, 1.0);
        self.present = power::power(&axis.present, &weights);
        self.defender_air = axis.defender_air * struck + axis.present[power::AIRCRAFT];
        self.weights = weights;
        self.front = 1.0 - axis.lines.iter().map(|l| l.share).sum::<f64>();
    }
}

/// The forces on an axis in one draw, as time moves forward: the combat power
/// of each part worked out once, and the reinforcements (sorted by day)
/// walked once, instead of summed afresh at each event, which made a campaign
/// quadratic in the number of arrivals. Gives the same sums, in the same
/// order, as summing them.
struct Forces<'a, F> {
    axis: &'a PreparedAxis,
    p: &'a Params,
    intervenes: &'a F,
    weights: ByKind,
    /// The attacker's ground combat power.
    attacker: f64,
    /// The attacker's combat aircraft (times quality).
    attacker_air: f64,
    /// The defender's combat aircraft present from the start, after any first
    /// strike (times quality).
    defender_air: f64,
    /// Combat aircraft of the counted reinforcements whose guarantor intervenes.
    arrived_air: f64,
    /// The defender's active forces', all in position.
    active: f64,
    /// Share of the active forces in the fight: those at the front and on
    /// the defence lines the attack has reached.
    engaged: f64,
    /// The mobilised reservists'.
    reserves: f64,
    /// The guarantor forces' present from the start.
    present: f64,
    /// Reinforcements already counted (all with day at most the last time asked).
    counted: usize,
    /// Where the search for the next intervening reinforcement starts (those
    /// before it, from `counted`, do not intervene).
    searched: usize,
    /// Power of the counted reinforcements whose guarantor intervenes.
    arrived: f64,
    /// Share of the attacker's ground forces across the river it is halted
    /// at (1 when it is not).
    across: f64,
}

impl<'a, F: Fn(usize) -> bool> Forces<'a, F> {
    fn new(axis: &'a PreparedAxis, p: &'a Params, intervenes: &'a F) -> Self {
        Self::from_start(axis, &Start::new(axis, p), p, intervenes)
    }

    fn from_start(axis: &'a PreparedAxis, start: &Start, p: &'a Params, intervenes: &'a F) -> Self {
        Self {
            axis,
            p,
            intervenes,
            weights: start.weights,
            attacker: start.attacker,
            attacker_air: start.attacker_air,
            defender_air: start.defender_air,
            arrived_air: 0.0,
            active: start.active,
            engaged: start.front,
            reserves: start.reserves,
            present: start.present,
            counted: 0,
            searched: 0,
            arrived: 0.0,
            across: 1.0,
        }
    }

    /// The attacker's and the defender's combat power at time `t`, each with
    /// the air support of its surviving aircraft (see [`power::air_support`]);
    /// `t` must not go backwards between calls.
    fn at(&mut self, t: f64) -> (f64, f64) {
        for r in &self.axis.reinforcements[self.counted..] {
            if r.day > t {
                break;
            }
            if (self.intervenes)(r.guarantor) {
                if r.kind == power::AIRCRAFT {
                    self.arrived_air += r.strength;
                } else {
                    self.arrived += r.strength * self.weights[r.kind];
                }
            }
            self.counted += 1;
        }
        let in_position = if t >= self.p.alert_days {
            1.0
        } else {
            self.p.defender_in_position.clamp(0.0, 1.0)
        };
        let reserves = if t >= self.p.mobilisation_days {
            self.reserves
        } else {
            0.0
        };
        let (attacker_air, defender_air) = power::air_support(
            self.attacker_air,
            self.defender_air + self.arrived_air,
            self.p.power_aircraft,
        );
        let landed = self
            .axis
            .lift
            .map_or(1.0, |lift| lift.landed(self.axis.attacker_troops, t));
        // Ground is taken by troops on the ground: aircraft over an axis
        // where none have landed yet take none.
        let ground = self.attacker * landed * self.across;
        (
            if ground > 0.0 {
                ground + attacker_air
            } else {
                0.0
            },
            self.active * self.engaged * in_position
                + self.present
                + reserves
                + self.arrived
                + defender_air,
        )
    }

    /// The day the attacker's next wave lands after `t`, while not all have.
    fn next_wave(&self, t: f64) -> Option<f64> {
        self.axis.lift?.next_wave(self.axis.attacker_troops, t)
    }

    /// The first time after `t` at which either side's forces change (after
    /// [`Self::at`] was asked for `t`).
    fn next_event(&mut self, t: f64) -> f64 {
        let mut next = MAX_DAYS;
        for day in [self.p.alert_days, self.p.mobilisation_days] {
            if day > t {
                next = next.min(day);
            }
        }
        if let Some(wave) = self.next_wave(t) {
            next = next.min(wave);
        }
        let from = self.searched.max(self.counted);
        let coming = self.axis.reinforcements[from..]
            .iter()
            .position(|r| (self.intervenes)(r.guarantor));
        if let Some(i) = coming {
            self.searched = from + i;
            next = next.min(self.axis.reinforcements[from + i].day);
        } else {
            self.searched = self.axis.reinforcements.len();
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
    /// Attacker-to-defender ratio of combat power that day.
    pub force_ratio: f64,
    /// Defender's combat power on the axis that day (own and guarantors'), in
    /// troops of motorised infantry.
    pub defender_power: f64,
}

/// The campaign day by day, up to `days` or the day the objective falls.
pub fn trace<F: Fn(usize) -> bool>(
    axis: &PreparedAxis,
    p: &Params,
    intervenes: &F,
    days: u32,
) -> Vec<CampaignDay> {
    let start = Start::new(axis, p);
    let mut campaign = Campaign::new(axis, &start, p, intervenes);
    let mut stalled = false;
    let mut out = Vec::new();
    for day in 0..=days {
        let t = f64::from(day);
        while !stalled && campaign.t < t {
            stalled = campaign.step(t).is_none();
        }
        if stalled {
            // A stalled front holds still; only the defender's forces change.
            campaign.t = t;
        }
        let (attacker, defenders) = campaign.powers();
        let km = campaign.km.min(axis.distance_km);
        out.push(CampaignDay {
            day,
            km,
            force_ratio: attacker / defenders.max(1.0),
            defender_power: defenders,
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
    use crate::model::power::{KINDS, index};
    use crate::model::prepared::{Line, Reinforcement, River};
    use crate::scenario::UnitKind;

    fn params() -> Params {
        params::catalogue_likely()
    }

    /// `troops` of motorised infantry (weight 1).
    fn infantry(troops: f64) -> ByKind {
        let mut out = [0.0; KINDS];
        out[index(UnitKind::Motorised)] = troops;
        out
    }

    /// Motorised infantry arriving on `day` with guarantor `g`.
    fn arrival(day: f64, troops: f64, g: usize) -> Reinforcement {
        Reinforcement {
            day,
            kind: index(UnitKind::Motorised),
            strength: troops,
            guarantor: g,
        }
    }

    fn test_axis(attacker: f64, active: f64) -> PreparedAxis {
        PreparedAxis {
            id: "t".into(),
            name: "test".into(),
            distance_km: 100.0,
            attacker: infantry(attacker),
            attacker_troops: attacker,
            active: infantry(active),
            reserve: [0.0; KINDS],
            present: [0.0; KINDS],
            attacker_air: 0.0,
            defender_air: 0.0,
            surprise: false,
            reinforcements: vec![arrival(5.0, 1.0e6, 0)],
            terrain: 1.0,
            weight: 1.0,
            lift: None,
            rivers: Vec::new(),
            lines: Vec::new(),
            marks: Vec::new(),
        }
    }

    #[test]
    fn a_campaign_gone_on_from_another_is_the_campaign_run_afresh() {
        let mut p = params();
        p.defender_in_position = 1.0;
        let mut axis = test_axis(40_000.0, 20_000.0);
        axis.distance_km = 400.0;
        axis.reinforcements = vec![arrival(3.0, 5_000.0, 0), arrival(6.0, 20_000.0, 1)];
        let start = Start::new(&axis, &p);
        let only_first = |g: usize| g == 0;
        let mut at = [None, None];
        run_recording(
            &axis,
            &start,
            &p,
            &only_first,
            14.0,
            14.0,
            [6.0, 3.0],
            &mut at,
        );
        // Gone on with both guarantors from before day 6, where they agree.
        let both = |_: usize| true;
        let from = at[0].expect("a point before day 6");
        let resumed = run_resumed(&axis, &start, &p, &both, 14.0, 14.0, &from);
        assert_eq!(resumed, run_from(&axis, &start, &p, &both, 14.0, 14.0));
        let from = at[1].expect("a point before day 3");
        let none = |_: usize| false;
        let resumed = run_resumed(&axis, &start, &p, &none, 14.0, 14.0, &from);
        assert_eq!(resumed, run_from(&axis, &start, &p, &none, 14.0, 14.0));
        assert_ne!(resumed, run_from(&axis, &start, &p, &both, 14.0, 14.0));
    }

    #[test]
    fn an_attack_halts_at_a_river_with_blown_bridges_until_it_has_bridged_it() {
        // No defence: the attack marches, halts at km 50 for the bridging
        // time, and marches on.
        let p = params();
        let mut axis = test_axis(1.0e6, 1.0);
        axis.reinforcements.clear();
        let dry = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        axis.rivers = vec![River::at(50.0)];
        let wet = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!((wet - dry - p.bridging_days).abs() < 1e-9, "{dry} -> {wet}");
        // A river at or past the objective changes nothing (the engine's
        // preparation leaves those out; one at the start halts at once).
        axis.rivers = vec![River::at(0.0)];
        let at_start = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!((at_start - dry - p.bridging_days).abs() < 1e-9);
    }

    #[test]
    fn a_surprise_attack_reaching_a_river_on_its_first_day_takes_the_bridges_intact() {
        let p = params();
        let mut axis = test_axis(1.0e6, 1.0);
        axis.reinforcements.clear();
        axis.surprise = true;
        let dry = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        // Reached within hours: taken intact.
        axis.rivers = vec![River::at(10.0)];
        let near = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!((near - dry).abs() < 1e-9, "{dry} -> {near}");
        // Reached after the first day: blown.
        axis.distance_km = 400.0;
        let dry = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        axis.rivers = vec![River::at(p.road_march_km_day + 10.0)];
        let far = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!((far - dry - p.bridging_days).abs() < 1e-9, "{dry} -> {far}");
        // Where the sources say, the bridges are as they say.
        axis.rivers = vec![River {
            km: p.road_march_km_day + 10.0,
            blown: Some(false),
        }];
        let intact = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!((intact - dry).abs() < 1e-9, "{dry} -> {intact}");
        axis.rivers = vec![River {
            km: 10.0,
            blown: Some(true),
        }];
        let blown = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!(
            (blown - dry - p.bridging_days).abs() < 1e-9,
            "{dry} -> {blown}"
        );
    }

    #[test]
    fn reinforcements_that_reach_a_river_while_the_attack_bridges_it_hold_it() {
        // The attack would reach the objective on day 2 (a river at km 90 of
        // 100); fresh forces on day 2.5 meet it halted at the river, with only
        // its assault crossing over, and stop it.
        let mut p = params();
        p.bridging_days = 2.0;
        let mut axis = test_axis(100_000.0, 1.0);
        axis.reinforcements = vec![arrival(0.5 + 90.0 / p.road_march_km_day, 200_000.0, 0)];
        let dry = run(&axis, &p, &|_| true, 14.0);
        assert!(dry.objective_day.expect("falls") < 1.0, "{dry:?}");
        axis.rivers = vec![River::at(90.0)];
        let wet = run(&axis, &p, &|_| true, 14.0);
        assert_eq!(wet.objective_day, None, "{wet:?}");
        assert!((wet.km_at_window - 90.0).abs() < 1e-9, "{wet:?}");
    }

    #[test]
    fn an_outnumbered_attack_stalls_and_the_objective_holds() {
        let mut p = params();
        p.defender_in_position = 1.0;
        let o = run(&test_axis(100.0, 100.0), &p, &|_| false, 14.0);
        assert_eq!(o.objective_day, None);
        assert_eq!(o.km_at_window, 0.0);
    }

    #[test]
    fn an_attack_on_no_defence_moves_at_road_march_speed() {
        // Before: at most `max_advance_km_day` (25 km a day likely), so a
        // collapse such as Oslo 1940 or Kuwait 1990 took days.
        let p = params();
        let o = run(&test_axis(1.0e6, 1.0), &p, &|_| false, 14.0);
        let day = 100.0 / p.road_march_km_day;
        assert!((o.objective_day.expect("falls") - day).abs() < 1e-9);
        assert!(day < 1.0, "100 km in under a day");
        assert_eq!(o.progress(100.0), 1.0);
    }

    #[test]
    fn the_advance_rate_never_falls_as_the_ratio_grows() {
        let p = params();
        for defence in [Defence::Intact, Defence::Broken] {
            let mut last = 0.0;
            for i in 0..=200 {
                let ratio = f64::from(i) * 0.05;
                let rate = advance_rate(ratio, 1.0, &p, 0.0, defence);
                assert!(rate >= last, "ratio {ratio}: {rate} < {last}");
                last = rate;
            }
            assert_eq!(
                advance_rate(p.stall_force_ratio, 1.0, &p, 0.0, defence),
                0.0
            );
        }
        let full = p.breakthrough_force_ratio;
        let intact = |r: f64, day: f64| advance_rate(r, 1.0, &p, day, Defence::Intact);
        assert_eq!(intact(full, 0.0), p.max_advance_km_day);
        // However great the odds, an intact defence is not marched through.
        assert_eq!(intact(10.0 * full, 0.0), p.max_advance_km_day);
        let broken = |r: f64, day: f64| advance_rate(r, 1.0, &p, day, Defence::Broken);
        let just_above = p.stall_force_ratio * 1.01;
        assert_eq!(broken(just_above, 0.0), p.road_march_km_day);
        assert_eq!(broken(just_above, 1.0), p.sustained_march_km_day);
    }

    #[test]
    fn the_attack_marches_only_once_the_defence_breaks_and_sooner_at_greater_odds() {
        let mut p = params();
        p.defender_in_position = 1.0;
        let day_of = |attacker: f64, breakpoint: f64| {
            let mut p = p;
            p.defence_breakpoint = breakpoint;
            let mut axis = test_axis(attacker, 10_000.0);
            axis.reinforcements.clear();
            run(&axis, &p, &|_| false, 14.0)
                .objective_day
                .expect("falls")
        };
        // 100 km at 10:1: slower than a march from the start, faster than at
        // the opposed rate throughout.
        let at_ten = day_of(100_000.0, 0.15);
        assert!(at_ten > 100.0 / p.road_march_km_day + 0.05, "{at_ten}");
        assert!(at_ten < 100.0 / p.max_advance_km_day, "{at_ten}");
        // At 20:1 the defence breaks sooner.
        assert!(day_of(200_000.0, 0.15) < at_ten);
        // A defence that gives way at a smaller loss gives way sooner.
        assert!(day_of(100_000.0, 0.05) < at_ten);
        // Hours at 10:1, by the square law: the defender loses
        // `attrition_per_day × ratio / stall` of itself a day.
        let hours = 0.15 / (p.attrition_per_day * 10.0 / p.stall_force_ratio);
        let marching = 100.0 / p.sustained_march_km_day;
        assert!(
            at_ten > hours * 0.5 && at_ten < hours + marching,
            "{at_ten}, {hours}"
        );
    }

    #[test]
    fn a_defence_too_thin_for_its_front_is_outflanked_and_breaks_sooner() {
        let mut p = params();
        p.defender_in_position = 1.0;
        let day_of = |front_km: f64, defenders: f64| {
            let mut p = p;
            p.front_km = front_km;
            let mut axis = test_axis(100_000.0, defenders);
            axis.reinforcements.clear();
            run(&axis, &p, &|_| false, 14.0)
                .objective_day
                .expect("falls")
        };
        // A front of 0 km turns the check off; a front the defence can hold
        // all of changes nothing.
        let full = day_of(0.0, 10_000.0);
        let held = 10_000.0 / (p.holding_power_per_km * test_axis(0.0, 0.0).terrain);
        assert_eq!(day_of(held, 10_000.0), full);
        // Too few for twice that front: it gives way at half its breakpoint.
        let thin = day_of(2.0 * held, 10_000.0);
        assert!(thin < full - 0.05, "{thin} against {full}");
        // More defence on the same wide front holds longer.
        assert!(day_of(2.0 * held, 15_000.0) > thin);
    }

    #[test]
    fn heavy_units_weigh_more_than_light_ones_and_quality_zero_adds_nothing() {
        let p = params();
        let mut tanks = test_axis(60_000.0, 0.0);
        tanks.active[index(UnitKind::Armoured)] = 20_000.0;
        let mut light = test_axis(60_000.0, 20_000.0);
        light.distance_km = 300.0;
        tanks.distance_km = 300.0;
        let t_tanks = run(&tanks, &p, &|_| false, 14.0).objective_day;
        let t_light = run(&light, &p, &|_| false, 14.0).objective_day;
        assert!(
            t_tanks.is_none_or(|t| t_light.is_some_and(|l| t > l)),
            "{t_tanks:?} vs {t_light:?}"
        );
        let mut none = test_axis(60_000.0, 0.0);
        none.distance_km = 300.0;
        // Quality 0 means zero quality-weighted troops: the same as no unit.
        let zero = crate::model::power::unit(UnitKind::Armoured, 0.0, 20_000.0);
        let mut zeroed = none.clone();
        crate::model::power::add(&mut zeroed.active, &zero);
        assert_eq!(
            run(&none, &p, &|_| false, 14.0),
            run(&zeroed, &p, &|_| false, 14.0)
        );
    }

    #[test]
    fn air_power_slows_the_attack_and_a_first_strike_helps_it() {
        let p = params();
        let mut axis = test_axis(60_000.0, 15_000.0);
        axis.distance_km = 400.0;
        let ground = run(&axis, &p, &|_| false, 14.0);
        let mut attacked_from_the_air = axis.clone();
        attacked_from_the_air.attacker_air = 200.0;
        let bombed = run(&attacked_from_the_air, &p, &|_| false, 14.0);
        assert!(bombed.km_at_window >= ground.km_at_window);
        let mut defended = attacked_from_the_air.clone();
        defended.defender_air = 300.0;
        let contested = run(&defended, &p, &|_| false, 14.0);
        assert!(contested.km_at_window <= bombed.km_at_window);
        let mut surprised = defended.clone();
        surprised.surprise = true;
        let struck = run(&surprised, &p, &|_| false, 14.0);
        assert!(struck.km_at_window >= contested.km_at_window);
        assert!(
            attacker_power(&attacked_from_the_air, &p) > attacker_power(&axis, &p),
            "the attacker's aircraft add to its power"
        );
    }

    #[test]
    fn defenders_out_of_position_join_after_the_alert() {
        let mut p = params();
        p.defender_in_position = 0.25;
        p.alert_days = 2.0;
        let axis = test_axis(1.0e5, 4.0e4);
        assert_eq!(defenders_at(&axis, &p, &|_| false, 0.0), 1.0e4);
        assert_eq!(defenders_at(&axis, &p, &|_| false, 2.0), 4.0e4);
    }

    #[test]
    fn walking_the_arrivals_gives_the_same_forces_as_summing_them() {
        let mut p = params();
        p.defender_in_position = 1.0;
        let mut axis = test_axis(1.0e5, 1.0e4);
        axis.reinforcements = (0..12)
            .map(|i| {
                arrival(
                    f64::from(i % 5) * 3.5,
                    1000.0 + f64::from(i),
                    i as usize % 4,
                )
            })
            .collect();
        axis.reinforcements.sort_by(|a, b| a.day.total_cmp(&b.day));
        let odd = |g: usize| g % 2 == 1;
        let mut forces = Forces::new(&axis, &p, &odd);
        for day in 0..40 {
            let at = |forces: &mut Forces<'_, _>, t: f64| forces.at(t).1;
            let t = f64::from(day) * 0.5;
            // Every arrival so far, summed directly.
            let arrived: f64 = axis
                .reinforcements
                .iter()
                .filter(|r| r.day <= t && odd(r.guarantor))
                .map(|r| r.strength)
                .sum();
            let summed = 1.0e4 + arrived;
            assert_eq!(at(&mut forces, t), summed, "day {t}");
            let next = forces.next_event(t);
            assert!(next > t);
            let changes = axis
                .reinforcements
                .iter()
                .any(|r| r.day > t && r.day < next && odd(r.guarantor));
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
        assert!(trace.len() >= 6, "{trace:?}");
        assert!(trace[5].defender_power > trace[4].defender_power);
    }

    #[test]
    fn an_attack_by_air_or_sea_waits_for_its_landing_and_its_lift() {
        use crate::model::prepared::Lift;
        let p = params();
        let mut axis = test_axis(10_000.0, 1_000.0);
        axis.attacker_air = 300.0;
        let at_once = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        let lifted = |first_day: f64, first_wave: f64, per_day: f64| {
            let mut a = axis.clone();
            if first_wave < 10_000.0 {
                a.attacker_air = 0.0;
            }
            a.lift = Some(Lift {
                first_day,
                first_wave,
                per_day,
            });
            run(&a, &p, &|_| false, 14.0).objective_day
        };
        let landing = lifted(0.25, 10_000.0, 0.0).expect("falls");
        assert!(landing >= 0.25 + at_once - 1e-9, "{landing} vs {at_once}");
        // A small first wave stalls until enough has landed.
        let slow = lifted(0.0, 500.0, 1_000.0).expect("falls");
        let fast = lifted(0.0, 500.0, 4_000.0).expect("falls");
        assert!(slow > fast && fast > at_once, "{slow} {fast} {at_once}");
        assert_eq!(lifted(0.0, 0.0, 0.0), None, "no one lands");
    }

    #[test]
    fn foot_infantry_marches_slower_unless_its_vehicles_can_go_on_alone() {
        let p = params();
        let mut motorised = test_axis(100_000.0, 2_000.0);
        motorised.distance_km = 300.0;
        motorised.reinforcements.clear();
        let fast = run(&motorised, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        let mut on_foot = motorised.clone();
        on_foot.attacker = [0.0; KINDS];
        on_foot.attacker[crate::model::power::FOOT] = 100_000.0;
        let slow = run(&on_foot, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!(slow > 2.0 * fast, "{slow} against {fast}");
        assert!(
            slow >= 300.0 / p.foot_march_km_day - 1e-9,
            "no faster than a foot march"
        );
        // A strong armoured spearhead goes on without the infantry.
        let mut spearhead = on_foot.clone();
        spearhead.attacker[index(UnitKind::Armoured)] = 50_000.0;
        let led = run(&spearhead, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!(led < slow / 2.0, "{led} against {slow}");
    }

    #[test]
    fn a_defence_line_s_forces_join_the_fight_when_the_attack_reaches_it() {
        let mut p = params();
        p.defender_in_position = 1.0;
        let mut axis = test_axis(60_000.0, 20_000.0);
        axis.distance_km = 800.0;
        axis.reinforcements.clear();
        axis.lines = vec![Line {
            km: 300.0,
            share: 0.5,
        }];
        let days = trace(&axis, &p, &|_| false, 60);
        let before = days.iter().find(|d| d.km > 0.0 && d.km < 300.0);
        let after = days.iter().find(|d| d.km > 300.0 + 1e-6);
        let (before, after) = (before.expect("short of the line"), after.expect("past it"));
        assert!(
            days[0].defender_power < 10_001.0,
            "only the front on day 0: {:?}",
            days[0]
        );
        assert!(
            after.force_ratio < before.force_ratio,
            "{before:?} then {after:?}"
        );
    }

    #[test]
    fn a_defence_met_line_by_line_falls_sooner_than_the_same_forces_at_once() {
        // Near the stall ratio a defence all at the front holds out for
        // days; met in three parts, each at three times the odds, it is
        // broken line by line (Lanchester's square law).
        let mut p = params();
        p.defender_in_position = 1.0;
        let mut axis = test_axis(1.7 * 60_000.0, 60_000.0);
        axis.distance_km = 200.0;
        axis.reinforcements.clear();
        let at_once = run(&axis, &p, &|_| false, 14.0).objective_day;
        axis.lines = vec![
            Line {
                km: 70.0,
                share: 1.0 / 3.0,
            },
            Line {
                km: 140.0,
                share: 1.0 / 3.0,
            },
        ];
        let in_turn = run(&axis, &p, &|_| false, 14.0)
            .objective_day
            .expect("falls");
        assert!(
            at_once.is_none_or(|day| in_turn < day),
            "{at_once:?} against {in_turn}"
        );
    }

    #[test]
    fn a_campaign_gone_on_from_another_past_a_defence_line_is_the_campaign_run_afresh() {
        let mut p = params();
        p.defender_in_position = 1.0;
        let mut axis = test_axis(60_000.0, 20_000.0);
        axis.distance_km = 400.0;
        axis.lines = vec![
            Line {
                km: 40.0,
                share: 0.3,
            },
            Line {
                km: 90.0,
                share: 0.2,
            },
        ];
        axis.reinforcements = vec![arrival(8.0, 5_000.0, 0), arrival(9.0, 20_000.0, 1)];
        let start = Start::new(&axis, &p);
        let mut at = [None, None];
        let first = |g: usize| g == 0;
        run_recording(&axis, &start, &p, &first, 14.0, 30.0, [9.0, 8.0], &mut at);
        let from = at[0].expect("a point before day 9");
        assert!(from.line > 0, "past a line by then: {from:?}");
        let both = |_: usize| true;
        let resumed = run_resumed(&axis, &start, &p, &both, 14.0, 30.0, &from);
        assert_eq!(resumed, run_from(&axis, &start, &p, &both, 14.0, 30.0));
    }

    proptest::proptest! {
        #[test]
        fn more_defending_power_of_any_kind_never_shortens_the_campaign(
            attacker in 1.0e3..1.0e6f64,
            active in 0.0..1.0e6f64,
            reserve in 0.0..1.0e6f64,
            distance in 1.0..800.0f64,
            kind in 0usize..KINDS,
            troops in 0.0..1.0e5f64,
            day in 0.0..30.0f64,
            (in_position, mobilisation, breakpoint) in (0.0..1.0f64, 0.0..20.0f64, 0.0..0.5f64),
            front_km in 0.0..200.0f64,
            river in proptest::option::of((0.0..1.0f64, 0.0..5.0f64, 0.0..1.0f64)),
            line in proptest::option::of((0.0..1.0f64, 0.0..1.0f64)),
        ) {
            // Reserves that come up after a defence was destroyed, with any
            // breakpoint: a defender who had more to lose before is not
            // nearer its breakpoint when they arrive (a case found in the
            // whole model's property test), on any front.
            let mut p = params();
            p.defender_in_position = in_position;
            p.mobilisation_days = mobilisation;
            p.defence_breakpoint = breakpoint;
            p.front_km = front_km;
            let mut axis = test_axis(attacker, active);
            axis.reserve = infantry(reserve);
            p.reserve_mobilised = 1.0;
            axis.distance_km = distance;
            // On any river crossing too.
            if let Some((at, days, share)) = river {
                axis.rivers = vec![River::at(at * distance)];
                (p.bridging_days, p.assault_crossing_share) = (days, share);
            }
            // With part of the defence on a line behind the front too.
            if let Some((at, share)) = line {
                axis.lines = vec![Line { km: at * distance, share }];
            }
            let before = run(&axis, &p, &|_| true, 14.0);
            let mut unit = [0.0; KINDS];
            unit[kind] = troops;
            let mut present = axis.clone();
            crate::model::power::add(&mut present.present, &unit);
            let mut arriving = axis.clone();
            arriving.reinforcements.push(Reinforcement { day, kind, strength: troops, guarantor: 0 });
            arriving.reinforcements.sort_by(|a, b| a.day.total_cmp(&b.day));
            // The same forces again, with the unit's troops of motorised
            // infantry more on a line of their own, met when the attack
            // reaches it.
            let mut deeper = axis.clone();
            let total = active + troops;
            if total > 0.0 {
                deeper.active = infantry(total);
                for l in &mut deeper.lines {
                    l.share *= active / total;
                }
                deeper.lines.push(Line { km: distance * 0.5, share: troops / total });
                deeper.lines.sort_by(|a, b| a.km.total_cmp(&b.km));
            }
            let runs = [&present, &arriving, &deeper].map(|a| run(a, &p, &|_| true, 14.0));
            for after in runs {
                let later = match (before.objective_day, after.objective_day) {
                    (_, None) => true,
                    (None, Some(_)) => false,
                    (Some(b), Some(a)) => a >= b - 1e-9,
                };
                proptest::prop_assert!(later, "{before:?} -> {after:?}");
                proptest::prop_assert!(after.km_at_window <= before.km_at_window + 1e-6, "{before:?} -> {after:?}");
            }
        }

        #[test]
        fn a_river_on_the_route_never_speeds_the_attack(
            attacker in 1.0e3..1.0e6f64,
            active in 0.0..1.0e6f64,
            distance in 1.0..800.0f64,
            (at, days, share) in (0.0..1.0f64, 0.0..5.0f64, 0.0..1.0f64),
            (in_position, breakpoint, surprise) in (0.0..1.0f64, 0.0..0.5f64, proptest::bool::ANY),
            (day, troops) in (0.0..30.0f64, 0.0..1.0e6f64),
        ) {
            let mut p = params();
            p.defender_in_position = in_position;
            p.defence_breakpoint = breakpoint;
            (p.bridging_days, p.assault_crossing_share) = (days, share);
            let mut axis = test_axis(attacker, active);
            axis.distance_km = distance;
            axis.surprise = surprise;
            axis.reinforcements = vec![arrival(day, troops, 0)];
            let dry = run(&axis, &p, &|_| true, 14.0);
            axis.rivers = vec![River::at(at * distance)];
            let wet = run(&axis, &p, &|_| true, 14.0);
            let later = match (dry.objective_day, wet.objective_day) {
                (_, None) => true,
                (None, Some(_)) => false,
                (Some(b), Some(a)) => a >= b - 1e-6,
            };
            proptest::prop_assert!(later, "{dry:?} -> {wet:?}");
            proptest::prop_assert!(wet.km_at_window <= dry.km_at_window + 1e-6, "{dry:?} -> {wet:?}");
        }
    }
}
