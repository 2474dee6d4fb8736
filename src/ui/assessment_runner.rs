//! Runs the assessment engine off the UI thread. Each document's latest result
//! is cached by (document id, revision); an edit makes the result stale and
//! queues a new run; a newer edit supersedes an older run (its result is kept
//! only as "stale" until the new one arrives). One run at a time, so a slider
//! drag never piles up work.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::model::{self, Assessment, Progress};
use crate::scenario::Scenario;

/// Key of one assessed version of one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RunKey {
    /// Document id.
    pub doc: u64,
    /// Document revision.
    pub revision: u64,
    /// The month shown, for a scenario with a timeline (its bits).
    pub month: u64,
}

struct Running {
    key: RunKey,
    rx: Receiver<Option<Assessment>>,
    progress: Arc<Progress>,
    started: std::time::Instant,
}

/// How long a run goes before the panel shows its progress and a Stop
/// button (a run that takes less would only make them flicker).
const SHOW_PROGRESS_AFTER: std::time::Duration = std::time::Duration::from_millis(300);

/// The latest assessment of each open document, and the run in flight.
#[derive(Default)]
pub struct AssessmentRunner {
    results: HashMap<u64, (RunKey, Arc<Assessment>)>,
    running: Option<Running>,
    /// Documents waiting for a run, newest request last.
    wanted: Vec<(RunKey, Scenario, f64)>,
    /// Run on the UI thread instead (tests and headless rendering, where a
    /// frame must show the finished result).
    pub inline: bool,
    /// Documents whose latest revision is too large to assess, with why.
    refused: HashMap<u64, (u64, String)>,
    /// Documents whose assessment the user stopped, at that revision: not
    /// run again until the document changes or the user asks.
    stopped: HashMap<u64, u64>,
}

/// What the panel shows about one document's assessment.
pub struct RunState {
    /// The latest result, if any (possibly for an older revision).
    pub result: Option<Arc<Assessment>>,
    /// True when the result is for an older revision of the document.
    pub stale: bool,
    /// True when a run for this document is in flight or queued.
    pub running: bool,
    /// Why this revision is not assessed at all (it is too large), if so.
    pub refused: Option<String>,
    /// How far the run in flight for this document has got (0 to 1), and
    /// the draws done and in all, while it runs.
    pub progress: Option<(f64, u64, u64)>,
    /// True when the user stopped this revision's assessment.
    pub stopped: bool,
}

impl AssessmentRunner {
    /// Makes sure `scenario` (document `doc` at `revision`) is or will be
    /// assessed, as it stands at month `at_month` of its timeline.
    pub fn request(&mut self, doc: u64, revision: u64, scenario: &Scenario, at_month: f64) {
        let key = RunKey {
            doc,
            revision,
            month: at_month.to_bits(),
        };
        if self.refused.get(&doc).is_some_and(|(r, _)| *r == revision)
            || self.stopped.get(&doc) == Some(&revision)
        {
            return;
        }
        self.stopped.remove(&doc);
        let done = self.results.get(&doc).is_some_and(|(k, _)| *k == key);
        // A stopped run still winding down is not this revision's run.
        let in_flight = self
            .running
            .as_ref()
            .is_some_and(|r| r.key == key && !r.progress.stopped());
        if done || in_flight || self.wanted.iter().any(|(k, ..)| *k == key) {
            return;
        }
        // Checked once per new revision, not every frame.
        if let Err(why) = model::within_budget(scenario, scenario.simulation.samples) {
            self.refused.insert(doc, (revision, why));
            self.wanted.retain(|(k, ..)| k.doc != doc);
            return;
        }
        self.refused.remove(&doc);
        // A newer version of the same document replaces an older request.
        self.wanted.retain(|(k, ..)| k.doc != doc);
        self.wanted.push((key, scenario.clone(), at_month));
    }

    /// Collects a finished run and starts the next; returns true while work remains
    /// (the caller should repaint soon).
    pub fn poll(&mut self, ctx: &egui::Context) -> bool {
        if self.inline {
            self.finish_blocking();
            return false;
        }
        if let Some(running) = &self.running
            && let Ok(result) = running.rx.try_recv()
        {
            let key = running.key;
            if let Some(result) = result {
                self.results.insert(key.doc, (key, Arc::new(result)));
            }
            self.running = None;
        }
        if self.running.is_none()
            && let Some((key, scenario, at_month)) = self.wanted.pop()
        {
            let (tx, rx) = channel();
            let ctx = ctx.clone();
            let progress = Arc::new(Progress::default());
            let counted = progress.clone();
            std::thread::spawn(move || {
                let result = model::assess_at_month(&scenario, at_month, &counted);
                let _ = tx.send(result);
                ctx.request_repaint();
            });
            self.running = Some(Running {
                key,
                rx,
                progress,
                started: std::time::Instant::now(),
            });
        }
        self.running.is_some()
    }

    /// Stops document `doc`'s assessment at `revision` (the run in flight
    /// ends at its next check, within a chunk of draws), and runs it no more
    /// until the document changes or [`Self::resume`] is called.
    pub fn stop(&mut self, doc: u64, revision: u64) {
        if let Some(running) = &self.running
            && running.key.doc == doc
        {
            running.progress.stop();
        }
        self.wanted.retain(|(k, ..)| k.doc != doc);
        self.stopped.insert(doc, revision);
    }

    /// Lets a stopped document's assessment run again.
    pub fn resume(&mut self, doc: u64) {
        self.stopped.remove(&doc);
    }

    /// Runs everything queued to completion on this thread (for tests and the
    /// command line, where there is no frame loop).
    pub fn finish_blocking(&mut self) {
        if let Some(running) = self.running.take()
            && let Ok(Some(result)) = running.rx.recv()
        {
            self.results
                .insert(running.key.doc, (running.key, Arc::new(result)));
        }
        while let Some((key, scenario, at_month)) = self.wanted.pop() {
            let never = Progress::default();
            if let Some(result) = model::assess_at_month(&scenario, at_month, &never) {
                self.results.insert(key.doc, (key, Arc::new(result)));
            }
        }
    }

    /// What is known about document `doc` at `revision`, shown at `at_month`.
    pub fn state(&self, doc: u64, revision: u64, at_month: f64) -> RunState {
        let key = RunKey {
            doc,
            revision,
            month: at_month.to_bits(),
        };
        let result = self.results.get(&doc);
        let in_flight = self.running.as_ref().filter(|r| r.key.doc == doc);
        let running = in_flight.is_some() || self.wanted.iter().any(|(k, ..)| k.doc == doc);
        let shown = in_flight
            .filter(|r| !r.progress.stopped() && r.started.elapsed() >= SHOW_PROGRESS_AFTER);
        let progress = shown.map(|r| {
            let (done, all) = r.progress.draws();
            (r.progress.fraction(), done, all)
        });
        let refused = self
            .refused
            .get(&doc)
            .filter(|(r, _)| *r == revision)
            .map(|(_, why)| why.clone());
        RunState {
            result: result.map(|(_, a)| Arc::clone(a)),
            stale: result.is_some_and(|(k, _)| *k != key),
            running: running && self.stopped.get(&doc) != Some(&revision),
            refused,
            progress,
            stopped: self.stopped.get(&doc) == Some(&revision),
        }
    }

    /// Forgets results of documents no longer open.
    pub fn retain_documents(&mut self, open: &[u64]) {
        self.refused.retain(|doc, _| open.contains(doc));
        self.results.retain(|doc, _| open.contains(doc));
        self.stopped.retain(|doc, _| open.contains(doc));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Scenario {
        let name = "eastern-flank-today.bulwark.json";
        let bytes = crate::assets::example(name).expect("a shipped example");
        crate::scenario::from_bytes(name, bytes).expect("the shipped example loads")
    }

    #[test]
    fn a_stopped_revision_is_not_run_again_until_it_changes_or_is_resumed() {
        let ctx = egui::Context::default();
        let mut scenario = example();
        // Long enough that the stop comes before the end.
        scenario.simulation.samples = 200_000;
        let mut runner = AssessmentRunner::default();
        runner.request(1, 1, &scenario, 0.0);
        assert!(runner.poll(&ctx), "a run is in flight");
        runner.stop(1, 1);
        let state = runner.state(1, 1, 0.0);
        assert!(state.stopped && !state.running && state.progress.is_none());
        runner.finish_blocking();
        runner.request(1, 1, &scenario, 0.0);
        assert!(!runner.poll(&ctx), "the same revision is not run again");
        assert!(
            runner.state(1, 1, 0.0).result.is_none(),
            "a stopped run gives nothing"
        );

        runner.resume(1);
        runner.request(1, 1, &scenario, 0.0);
        runner.finish_blocking();
        let state = runner.state(1, 1, 0.0);
        assert!(state.result.is_some() && !state.stopped && !state.stale);

        runner.stop(1, 2);
        runner.request(1, 3, &scenario, 0.0);
        assert!(!runner.state(1, 3, 0.0).stopped, "an edit clears the stop");
        assert!(runner.state(1, 3, 0.0).running);
    }
}
