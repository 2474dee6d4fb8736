//! Moving the keyboard between the workspace's panels with F6 and Shift+F6,
//! as desktop applications do: the editing panel, the map, the assessment
//! panel, round again. The keyboard lands on the first control of the panel
//! (the one nearest its top left), so Tab goes on from there.

use egui::{Id, Rect};

/// The panels shown last frame and a move asked for.
#[derive(Default)]
pub struct PanelFocus {
    /// The panels' rectangles this frame, in F6 order.
    panels: Vec<Rect>,
    /// A move asked for (`true`: backwards), made once the panels are drawn.
    pending: Option<bool>,
}

impl PanelFocus {
    /// Forgets last frame's panels; call before drawing them.
    pub fn begin(&mut self) {
        self.panels.clear();
    }

    /// Adds a panel drawn this frame, in F6 order.
    pub fn record(&mut self, rect: Rect) {
        self.panels.push(rect);
    }

    /// Asks to move to the next panel (`backwards`: the previous one).
    pub fn request(&mut self, backwards: bool) {
        self.pending = Some(backwards);
    }

    /// Makes a move asked for: the keyboard goes to the first control of the
    /// next (or previous) panel after the one it is in (the first panel when
    /// it is in none). Uses the controls egui laid out in the last frame.
    pub fn apply(&mut self, ctx: &egui::Context) {
        let Some(backwards) = self.pending.take() else {
            return;
        };
        if self.panels.is_empty() {
            return;
        }
        let controls: Vec<(Id, Rect)> = ctx.viewport(|v| {
            v.prev_pass
                .widgets
                .layers()
                .flat_map(|(_, rects)| rects.iter())
                .filter(|w| w.enabled && w.sense.is_focusable())
                .map(|w| (w.id, w.rect))
                .collect()
        });
        let focused = ctx.memory(|m| m.focused());
        let here = focused
            .and_then(|id| controls.iter().find(|(c, _)| *c == id))
            .and_then(|(_, r)| self.panels.iter().position(|p| p.contains(r.center())));
        let n = self.panels.len();
        // From no panel, F6 goes to the first and Shift+F6 to the last.
        let order: Vec<usize> = (1..=n)
            .map(|k| match (here, backwards) {
                (Some(i), false) => (i + k) % n,
                (Some(i), true) => (i + n - k % n) % n,
                (None, false) => (k - 1) % n,
                (None, true) => (n - k) % n,
            })
            .collect();
        for panel in order {
            let first = controls
                .iter()
                // Wholly inside: not the resize handle on the panel's edge.
                .filter(|(_, r)| self.panels[panel].contains_rect(*r))
                .min_by(|a, b| {
                    (a.1.top().round(), a.1.left())
                        .partial_cmp(&(b.1.top().round(), b.1.left()))
                        .unwrap_or(std::cmp::Ordering::Equal)
                });
            if let Some((id, _)) = first {
                ctx.memory_mut(|m| m.request_focus(*id));
                return;
            }
        }
    }
}
