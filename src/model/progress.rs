//! How far a running assessment has got, and a way to stop it: shared between
//! the thread that runs it and the window that shows it. Counting is by
//! finished work (Monte Carlo draws, then each protected state's sensitivity
//! figures), so the fraction only grows.

use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// The share of the work the Monte Carlo is taken to be (the tornado and the
/// break-even points of each state are the rest): about what it takes on the
/// examples.
const DRAWS_SHARE: f64 = 0.8;

/// Progress of one assessment, and its stop flag.
#[derive(Debug, Default)]
pub struct Progress {
    draws: AtomicU64,
    total_draws: AtomicU64,
    states: AtomicU64,
    total_states: AtomicU64,
    stop: AtomicBool,
}

impl Progress {
    /// Asks the assessment to stop as soon as it can (between chunks of draws
    /// or between states); it then gives no result.
    pub fn stop(&self) {
        self.stop.store(true, Ordering::Relaxed);
    }

    /// Whether stopping was asked for.
    pub fn stopped(&self) -> bool {
        self.stop.load(Ordering::Relaxed)
    }

    /// The share of the work done, from 0 to 1.
    pub fn fraction(&self) -> f64 {
        let share = |done: &AtomicU64, total: &AtomicU64| {
            let total = total.load(Ordering::Relaxed);
            if total == 0 {
                0.0
            } else {
                done.load(Ordering::Relaxed) as f64 / total as f64
            }
        };
        let draws = share(&self.draws, &self.total_draws);
        let states = share(&self.states, &self.total_states);
        (DRAWS_SHARE * draws + (1.0 - DRAWS_SHARE) * states).clamp(0.0, 1.0)
    }

    /// The draws done so far and in all.
    pub fn draws(&self) -> (u64, u64) {
        (
            self.draws.load(Ordering::Relaxed),
            self.total_draws.load(Ordering::Relaxed),
        )
    }

    /// Sets what there is to do.
    pub(super) fn start(&self, draws: u64, states: u64) {
        self.total_draws.store(draws, Ordering::Relaxed);
        self.total_states.store(states, Ordering::Relaxed);
    }

    /// Counts `n` finished draws.
    pub(super) fn drew(&self, n: u64) {
        self.draws.fetch_add(n, Ordering::Relaxed);
    }

    /// Counts one state's sensitivity figures finished.
    pub(super) fn state_done(&self) {
        self.states.fetch_add(1, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fraction_grows_with_the_work_done() {
        let p = Progress::default();
        assert_eq!(p.fraction(), 0.0);
        p.start(1000, 2);
        p.drew(500);
        assert!((p.fraction() - 0.4).abs() < 1e-9);
        p.drew(500);
        p.state_done();
        p.state_done();
        assert!((p.fraction() - 1.0).abs() < 1e-9);
        assert!(!p.stopped());
        p.stop();
        assert!(p.stopped());
    }
}

#[cfg(test)]
mod assessment_tests {
    use super::*;

    fn example() -> crate::scenario::Scenario {
        let name = "eastern-flank-today.bulwark.json";
        let bytes = crate::assets::example(name).expect("a shipped example");
        crate::scenario::from_bytes(name, bytes).expect("the shipped example loads")
    }

    #[test]
    fn a_counted_assessment_is_the_same_and_ends_at_one() {
        let mut scenario = example();
        scenario.simulation.samples = 3000;
        let progress = Progress::default();
        let counted = crate::model::assess_with_progress(&scenario, &progress);
        assert_eq!(counted, Some(crate::model::assess(&scenario)));
        assert_eq!(progress.draws(), (3000, 3000));
        assert!((progress.fraction() - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_stopped_assessment_gives_nothing_and_stops_early() {
        let mut scenario = example();
        scenario.simulation.samples = 100_000;
        let progress = Progress::default();
        progress.stop();
        assert_eq!(
            crate::model::assess_with_progress(&scenario, &progress),
            None
        );
        assert_eq!(progress.draws().0, 0, "no draw made after the stop");
    }
}
