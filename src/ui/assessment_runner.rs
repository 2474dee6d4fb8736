//! Runs the assessment engine off the UI thread. Each document's latest result
//! is cached by (document id, revision); an edit makes the result stale and
//! queues a new run; a newer edit supersedes an older run (its result is kept
//! only as "stale" until the new one arrives). One run at a time, so a slider
//! drag never piles up work.

use std::collections::HashMap;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};

use crate::model::{self, Assessment};
use crate::scenario::Scenario;

/// Key of one assessed version of one document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct RunKey {
    /// Document id.
    pub doc: u64,
    /// Document revision.
    pub revision: u64,
}

struct Running {
    key: RunKey,
    rx: Receiver<Assessment>,
}

/// The latest assessment of each open document, and the run in flight.
#[derive(Default)]
pub struct AssessmentRunner {
    results: HashMap<u64, (u64, Arc<Assessment>)>,
    running: Option<Running>,
    /// Documents waiting for a run, newest request last.
    wanted: Vec<(RunKey, Scenario)>,
    /// Run on the UI thread instead (tests and headless rendering, where a
    /// frame must show the finished result).
    pub inline: bool,
    /// Documents whose latest revision is too large to assess, with why.
    refused: HashMap<u64, (u64, String)>,
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
}

impl AssessmentRunner {
    /// Makes sure `scenario` (document `doc` at `revision`) is or will be assessed.
    pub fn request(&mut self, doc: u64, revision: u64, scenario: &Scenario) {
        let key = RunKey { doc, revision };
        if self.refused.get(&doc).is_some_and(|(r, _)| *r == revision) {
            return;
        }
        let done = self.results.get(&doc).is_some_and(|(r, _)| *r == revision);
        let in_flight = self.running.as_ref().is_some_and(|r| r.key == key);
        if done || in_flight || self.wanted.iter().any(|(k, _)| *k == key) {
            return;
        }
        // Checked once per new revision, not every frame.
        if let Err(why) = model::within_budget(scenario, scenario.simulation.samples) {
            self.refused.insert(doc, (revision, why));
            self.wanted.retain(|(k, _)| k.doc != doc);
            return;
        }
        self.refused.remove(&doc);
        // A newer version of the same document replaces an older request.
        self.wanted.retain(|(k, _)| k.doc != doc);
        self.wanted.push((key, scenario.clone()));
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
            self.results
                .insert(key.doc, (key.revision, Arc::new(result)));
            self.running = None;
        }
        if self.running.is_none()
            && let Some((key, scenario)) = self.wanted.pop()
        {
            let (tx, rx) = channel();
            let ctx = ctx.clone();
            std::thread::spawn(move || {
                let result = model::assess(&scenario);
                let _ = tx.send(result);
                ctx.request_repaint();
            });
            self.running = Some(Running { key, rx });
        }
        self.running.is_some()
    }

    /// Runs everything queued to completion on this thread (for tests and the
    /// command line, where there is no frame loop).
    pub fn finish_blocking(&mut self) {
        if let Some(running) = self.running.take()
            && let Ok(result) = running.rx.recv()
        {
            self.results
                .insert(running.key.doc, (running.key.revision, Arc::new(result)));
        }
        while let Some((key, scenario)) = self.wanted.pop() {
            let result = model::assess(&scenario);
            self.results
                .insert(key.doc, (key.revision, Arc::new(result)));
        }
    }

    /// What is known about document `doc` at `revision`.
    pub fn state(&self, doc: u64, revision: u64) -> RunState {
        let result = self.results.get(&doc);
        let running = self.running.as_ref().is_some_and(|r| r.key.doc == doc)
            || self.wanted.iter().any(|(k, _)| k.doc == doc);
        let refused = self
            .refused
            .get(&doc)
            .filter(|(r, _)| *r == revision)
            .map(|(_, why)| why.clone());
        RunState {
            result: result.map(|(_, a)| Arc::clone(a)),
            stale: result.is_some_and(|(r, _)| *r != revision),
            running,
            refused,
        }
    }

    /// Forgets results of documents no longer open.
    pub fn retain_documents(&mut self, open: &[u64]) {
        self.refused.retain(|doc, _| open.contains(doc));
        self.results.retain(|doc, _| open.contains(doc));
    }
}
