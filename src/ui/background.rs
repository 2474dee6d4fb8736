//! One piece of work at a time off the UI thread, keyed by what it is of: a
//! request for a new key stops the run in flight and starts the new one;
//! the latest finished result is kept (and shown as stale while a newer one
//! runs). Used by the panel's global sensitivity and sweep.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use egui::{RichText, Ui};

use crate::kit::theme;
use crate::model::Progress;

/// A job for [`Background::follow`]: runs on its own thread, counting its
/// work in the progress and stopping when asked.
pub type Job<T> = Box<dyn FnOnce(&Progress) -> Option<T> + Send>;

struct Running<K, T> {
    key: K,
    rx: Receiver<Option<T>>,
    progress: Arc<Progress>,
}

/// The latest result of a keyed job and the run in flight.
pub struct Background<K, T> {
    result: Option<(K, Arc<T>)>,
    running: Option<Running<K, T>>,
}

impl<K, T> Default for Background<K, T> {
    fn default() -> Self {
        Self {
            result: None,
            running: None,
        }
    }
}

impl<K, T> Drop for Background<K, T> {
    /// A run nobody will see is stopped.
    fn drop(&mut self) {
        if let Some(running) = &self.running {
            running.progress.stop();
        }
    }
}

impl<K: Clone + PartialEq + Send + 'static, T: Send + 'static> Background<K, T> {
    /// Whether `key` is neither computed nor in flight (so a request would
    /// start a run): lets a caller skip preparing the job every frame.
    pub fn needs(&self, key: &K) -> bool {
        !self.result.as_ref().is_some_and(|(k, _)| k == key)
            && !self.running.as_ref().is_some_and(|r| r.key == *key)
    }

    /// Makes sure the result for `key` is or will be computed by `job` (run
    /// on a thread with a progress it should count in and stop at),
    /// stopping a run for another key.
    pub fn request(&mut self, key: K, job: impl FnOnce(&Progress) -> Option<T> + Send + 'static) {
        if self.result.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        if let Some(running) = &self.running {
            if running.key == key {
                return;
            }
            running.progress.stop();
        }
        let (tx, rx) = channel();
        let progress = Arc::new(Progress::default());
        let counted = progress.clone();
        std::thread::spawn(move || {
            let _ = tx.send(job(&counted));
        });
        self.running = Some(Running { key, rx, progress });
    }

    /// Collects a finished run; true while one is in flight.
    pub fn poll(&mut self) -> bool {
        let Some(running) = &self.running else {
            return false;
        };
        match running.rx.try_recv() {
            Ok(found) => {
                if let Some(found) = found {
                    self.result = Some((running.key.clone(), Arc::new(found)));
                }
                self.running = None;
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => {
                self.running = None;
                false
            }
        }
    }

    /// Waits for the run in flight (tests, headless rendering).
    pub fn finish_blocking(&mut self) {
        if let Some(running) = self.running.take()
            && let Ok(Some(found)) = running.rx.recv()
        {
            self.result = Some((running.key, Arc::new(found)));
        }
    }

    /// What a panel section does each frame: keeps `key` computed, preparing
    /// its job with `prepare` only when a run must start (`Err` says why the
    /// run is refused, shown as a warning); collects a finished run; shows
    /// the run in flight's progress counting `unit`. Gives the latest result
    /// and the key it is for (possibly an older one).
    pub fn follow(
        &mut self,
        ui: &mut Ui,
        key: K,
        unit: &str,
        prepare: impl FnOnce() -> Result<Job<T>, String>,
    ) -> Option<(&K, &Arc<T>)> {
        if self.needs(&key) {
            match prepare() {
                Ok(job) => self.request(key, job),
                Err(why) => {
                    ui.label(
                        RichText::new(format!("Not run: {why}.")).color(theme::warning_text(ui)),
                    );
                    return None;
                }
            }
        }
        if self.poll() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        if let Some((done, all)) = self.progress().filter(|(_, all)| *all > 0) {
            ui.add(
                egui::ProgressBar::new(done as f32 / all as f32)
                    .text(format!("{done} of {all} {unit}")),
            );
        }
        self.result()
    }

    /// The latest result and the key it is for.
    pub fn result(&self) -> Option<(&K, &Arc<T>)> {
        self.result.as_ref().map(|(k, t)| (k, t))
    }

    /// The run in flight's progress (done, in all), if one runs.
    pub fn progress(&self) -> Option<(u64, u64)> {
        self.running.as_ref().map(|r| r.progress.draws())
    }
}

/// The warning a section shows above a result for an older key.
pub fn stale_notice(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).color(theme::warning_text(ui)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_key_stops_the_run_in_flight_and_its_result_is_kept() {
        let mut work: Background<u32, u32> = Background::default();
        let (release, wait) = channel::<()>();
        let first_stopped = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let seen = first_stopped.clone();
        work.request(1, move |progress| {
            let _ = wait.recv();
            seen.store(progress.stopped(), std::sync::atomic::Ordering::SeqCst);
            None
        });
        work.request(2, |_| Some(20));
        let _ = release.send(());
        work.finish_blocking();
        assert_eq!(work.result().map(|(k, v)| (*k, **v)), Some((2, 20)));
        // The first run was told to stop (it ends on its own thread).
        for _ in 0..100 {
            if first_stopped.load(std::sync::atomic::Ordering::SeqCst) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert!(first_stopped.load(std::sync::atomic::Ordering::SeqCst));
        // The same key again runs nothing.
        work.request(2, |_| panic!("not run again"));
        assert!(!work.poll());
    }
}
