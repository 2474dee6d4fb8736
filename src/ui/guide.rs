//! The short in-app guide (Help → Guide, F1): the shortcuts, generated from
//! the commands and the slide actions; how to read each figure; and where
//! the model and the file format are documented.

use egui::{RichText, Ui};

use super::commands::Command;
use crate::present::Action;

/// How to read each figure of the assessment, as the guide tells it.
pub const READINGS: &[(&str, &str)] = &[
    (
        "Chance of renewed attack",
        "The share of Monte Carlo draws in which the adversary attacks within the horizon; \
         each draw takes every uncertain assumption from its range. The figure is the mean, \
         the brackets the 5th to 95th percentile over the draws.",
    ),
    (
        "Credibility",
        "The chance that at least one guarantor fights if the protected state is attacked, \
         from each guarantor's interests, formality, forces present and reputation.",
    ),
    (
        "Time to objective",
        "On the axis where the adversary does best: the median days to its objective over \
         the draws in which it falls, or the share of draws in which it holds.",
    ),
    (
        "Defence burden",
        "The protected state's defence spending and any compensation to guarantors, as a \
         share of its GDP each year.",
    ),
    (
        "Acceptable to the adversary / to the protected state",
        "How far the arrangements meet each side's stated demands, as a chance that it \
         would sign.",
    ),
    (
        "Tornado",
        "Each bar moves one assumption from the low to the high end of its range, the others \
         at their most likely values: the longest bars are the assumptions that matter most.",
    ),
    (
        "Break-even",
        "How credible a guarantee must be to deter as well as armed neutrality does.",
    ),
];

/// The guide window's state.
#[derive(Default)]
pub struct Guide {
    /// Whether it is showing.
    pub open: bool,
    /// The shortcuts listed, made the first time it shows.
    shortcuts: Vec<(String, String)>,
}

impl Guide {
    /// Draws the window when open; returns the command to close it when asked.
    pub fn show(&mut self, ctx: &egui::Context) -> Option<Command> {
        if !self.open {
            return None;
        }
        if self.shortcuts.is_empty() {
            self.shortcuts = shortcuts(ctx);
        }
        let mut open = true;
        egui::Window::new("Guide")
            .open(&mut open)
            .default_size([640.0, 560.0])
            .show(ctx, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| contents(ui, &self.shortcuts));
            });
        (!open).then_some(Command::CloseGuide)
    }
}

/// The guide's text, with its list of `shortcuts`.
fn contents(ui: &mut Ui, shortcuts: &[(String, String)]) {
    ui.heading("Shortcuts");
    egui::Grid::new("guide_shortcuts")
        .striped(true)
        .show(ui, |ui| {
            for (keys, what) in shortcuts {
                ui.label(RichText::new(keys).monospace());
                ui.label(what);
                ui.end_row();
            }
        });
    ui.add_space(8.0);
    ui.heading("Reading the figures");
    for (figure, reading) in READINGS {
        ui.label(RichText::new(*figure).strong());
        ui.label(*reading);
        ui.add_space(4.0);
    }
    ui.add_space(8.0);
    ui.heading("Where the model is documented");
    ui.label(
        "docs/MODEL.md gives every relation of the engine with its source, the parameter \
         catalogue and the historical backtests (also in Help → Historical backtests and \
         `bulwark backtest`); docs/FORMAT.md the scenario file; README.md the command line. \
         Every figure in a scenario carries its source in the scenario's notes, or is an \
         assumption with a range you can change in the Assumptions tab.",
    );
}

/// Every shortcut as (keys, what they do): the app's commands (written as
/// the menus write them), the map's keys and the slide keys while presenting.
pub fn shortcuts(ctx: &egui::Context) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Command::every()
        .iter()
        .filter(|c| !matches!(c, Command::CloseTab(i) if *i != 0))
        .filter_map(|c| {
            let s = c.shortcut()?;
            Some((
                ctx.format_shortcut(&s),
                c.label().trim_end_matches('…').into(),
            ))
        })
        .collect();
    out.sort();
    out.dedup();
    for (keys, what) in [
        ("+ / −", "Zoom the map in or out"),
        ("0", "The whole map"),
        ("Esc", "Cancel an axis, a line or an area being drawn"),
        (
            "Drag a unit",
            "Move a guarantor's unit to a place (Select tool)",
        ),
        (
            "Shift+click",
            "Extend the settlement line from its nearer end (Edit line)",
        ),
        (
            "Right-click",
            "Remove an axis end, a point of the line or an area's outline",
        ),
    ] {
        out.push((keys.into(), what.into()));
    }
    for action in Action::WITH_KEYS {
        let keys: Vec<&str> = action.keys().iter().map(|k| k.name()).collect();
        out.push((keys.join(" / "), format!("{} (presenting)", action.label())));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_guide_lists_the_shortcuts_of_the_commands_and_the_slides() {
        let all = shortcuts(&egui::Context::default());
        let has = |what: &str| all.iter().any(|(_, w)| w == what);
        assert!(has("Save"), "{all:?}");
        assert!(has("Command palette"));
        assert!(has("Present"));
        assert!(has("Next slide (presenting)"));
        assert!(all.iter().any(|(k, w)| w == "Undo" && k.contains('Z')));
    }
}
