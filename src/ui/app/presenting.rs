//! Presenting: starting and leaving a briefing, the screens it can go to, and
//! keeping the slide in range while the deck is edited.

use super::BulwarkApp;
use crate::present::monitor::{self, Monitor};
use crate::present::{self, Presentation, RestoreLayout};

/// The running briefing and the screens it can go to.
#[derive(Default)]
pub(super) struct Presenting {
    /// The running briefing; none when not presenting.
    pub(super) presentation: Option<Presentation>,
    /// The screens connected, in the system's order (empty where they cannot
    /// be listed: tests, headless rendering).
    pub(super) monitors: Vec<Monitor>,
    /// When (egui time) the screens were last listed.
    monitors_listed: Option<f64>,
}

impl BulwarkApp {
    /// Starts presenting: full screen on the screen of the "Present on"
    /// setting, panels hidden (the shell draws only the slide), and the
    /// presenter view opened at once when the slides went to another screen.
    pub(super) fn start_presenting(&mut self) {
        if self.presenting.presentation.is_some() {
            return;
        }
        let len = present::deck(self.doc().scenario()).len();
        let restore = RestoreLayout {
            fullscreen: self.window.fullscreen_now,
        };
        let placement = monitor::place(&self.settings.present_on, &self.presenting.monitors);
        // The presenter view opens on request (S) when the slides stay on this
        // window's screen: on a laptop mirrored to a projector it would
        // otherwise show the notes to the room. When they go to another
        // screen, it opens at once on this one.
        let mut p = Presentation::start(len, restore, placement.elsewhere());
        self.window.viewport_commands.push(match placement.monitor {
            Some(index) => egui::ViewportCommand::SetMonitor(index),
            None => egui::ViewportCommand::Fullscreen(true),
        });
        let screen = placement
            .monitor
            .and_then(|i| self.presenting.monitors.get(i))
            .map(|m| format!(" on {}", m.name))
            .unwrap_or_default();
        self.dialogs.message = match &placement.note {
            Some(note) => format!("{note} (Esc to leave)"),
            None => format!("Presenting{screen} (Esc to leave)"),
        };
        p.placement = placement;
        self.presenting.presentation = Some(p);
    }

    /// Leaves presentation mode and restores the window as it was: on its
    /// own screen, full-screen only if it was before.
    pub(super) fn stop_presenting(&mut self) {
        if let Some(p) = self.presenting.presentation.take() {
            if p.placement.monitor.is_some() && p.restore.fullscreen {
                // Leave the chosen screen first (back to where the window was),
                // then go full-screen there again.
                self.window
                    .viewport_commands
                    .push(egui::ViewportCommand::Fullscreen(false));
            }
            self.window
                .viewport_commands
                .push(egui::ViewportCommand::Fullscreen(p.restore.fullscreen));
            self.dialogs.message = "Presentation ended".into();
        }
    }

    /// Keeps the slide shown within the deck after an edit changed its length.
    pub(super) fn keep_deck_length(&mut self) {
        if self.presenting.presentation.is_none() {
            return;
        }
        let len = present::deck(self.doc().scenario()).len();
        if let Some(p) = &mut self.presenting.presentation {
            p.set_len(len);
        }
    }

    /// Takes the screens as the window reports them (plugged in or out).
    pub fn screens_changed(&mut self, monitors: Vec<Monitor>) {
        self.presenting.monitors = monitors;
    }

    /// Lists the connected screens from the window, at most once a second
    /// (frames come only with input, so the list is fresh when F5 is pressed).
    pub(super) fn list_monitors(&mut self, ctx: &egui::Context, frame: &eframe::Frame) {
        let now = ctx.input(|i| i.time);
        if self
            .presenting
            .monitors_listed
            .is_some_and(|t| now - t < 1.0)
        {
            return;
        }
        self.presenting.monitors_listed = Some(now);
        let Some(window) = frame.winit_window() else {
            return;
        };
        let current = window.current_monitor();
        let monitors = window
            .available_monitors()
            .enumerate()
            .map(|(i, m)| {
                let (size, position) = (m.size(), m.position());
                Monitor {
                    name: m.name().unwrap_or_else(|| format!("Screen {}", i + 1)),
                    size: [size.width, size.height],
                    position: [position.x, position.y],
                    scale: m.scale_factor(),
                    has_window: current.as_ref() == Some(&m),
                }
            })
            .collect();
        self.screens_changed(monitors);
    }
}
