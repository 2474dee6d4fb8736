//! The command palette (Ctrl+Shift+P): every command a user can give by
//! name, generated from [`Command::every`], found by typing words of its
//! name, run with Enter.

use egui::{Key, RichText};

use super::commands::Command;
use crate::kit::choices::Choice;

/// One command as the palette lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// The name typed words are matched against, e.g. "Theme: Light".
    pub name: String,
    /// What it does (the command's tooltip), or empty.
    pub hint: &'static str,
    /// Its shortcut, as text, or empty.
    pub shortcut: String,
    /// The command it gives.
    pub command: Command,
}

/// Every command the palette offers: each command of [`Command::every`] that
/// needs nothing more to run, the commands that take a choice once for each
/// choice (a theme, a plot, an example, an open tab), and nothing that only
/// answers a dialog. `tabs` are the open tabs' titles, `examples` the baked
/// examples as (file name, title).
pub fn entries(ctx: &egui::Context, tabs: &[String], examples: &[(String, String)]) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    let mut add = |name: String, command: Command| {
        // Written as the menus write it.
        let shortcut = command
            .shortcut()
            .map(|s| ctx.format_shortcut(&s))
            .unwrap_or_default();
        out.push(Entry {
            name,
            hint: command.tooltip(),
            shortcut,
            command,
        });
    };
    for command in Command::every() {
        match command {
            Command::SetTheme(_) => {
                for (theme, name) in [
                    (egui::ThemePreference::Light, "Light"),
                    (egui::ThemePreference::Dark, "Dark"),
                    (egui::ThemePreference::System, "Follow the system"),
                ] {
                    add(format!("Theme: {name}"), Command::SetTheme(theme));
                }
            }
            Command::ShowPlot(_) => {
                for plot in crate::plots::PANEL_PLOTS {
                    add(
                        format!("Show plot: {}", plot.label()),
                        Command::ShowPlot(plot),
                    );
                }
            }
            Command::ExportPlot(_) => {
                for plot in crate::plots::PANEL_PLOTS {
                    add(
                        format!("Export plot: {}", plot.label()),
                        Command::ExportPlot(plot),
                    );
                }
            }
            Command::OpenExample(_) => {
                for (file, title) in examples {
                    add(
                        format!("Open example: {title}"),
                        Command::OpenExample(file.clone()),
                    );
                }
            }
            Command::SwitchTab(_) => {
                for (i, title) in tabs.iter().enumerate() {
                    add(format!("Switch to tab: {title}"), Command::SwitchTab(i));
                }
            }
            command if by_name(&command) => {
                add(command.label().trim_end_matches('…').to_owned(), command);
            }
            _ => {}
        }
    }
    out
}

/// Whether a command that carries no choice is given by name: not the
/// answers of dialogs, edits, paths, keys or slide actions, which only mean
/// something where they arise.
fn by_name(command: &Command) -> bool {
    matches!(
        command,
        Command::New
            | Command::NewFromTemplate
            | Command::Open
            | Command::OpenTypedPath
            | Command::Save
            | Command::SaveAs
            | Command::Quit
            | Command::Undo
            | Command::Redo
            | Command::ToggleLeftPanel
            | Command::ToggleRightPanel
            | Command::Present
            | Command::ExportSlides
            | Command::ExportSlidesPdf
            | Command::ExportMapPrint
            | Command::ExportGeography
            | Command::ImportGeography
            | Command::ToggleCompare
            | Command::About
            | Command::ClearRecent
            | Command::ExportMapImage
            | Command::ExportAssessment { .. }
            | Command::StopAssessment
            | Command::AssessAgain
            | Command::ShowBacktest
            | Command::ShowGuide
            | Command::NextPanel(_)
    )
}

/// The entries whose name holds every word of `query` (any case, any
/// order), those starting with the first word first. Hand-written: a
/// palette of some fifty names needs no fuzzy-matching crate, and whole
/// words match the way users read the menus.
pub fn matching<'a>(entries: &'a [Entry], query: &str) -> Vec<&'a Entry> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    let mut found: Vec<&Entry> = entries
        .iter()
        .filter(|e| {
            let name = e.name.to_lowercase();
            words.iter().all(|w| name.contains(w.as_str()))
        })
        .collect();
    if let Some(first) = words.first() {
        found.sort_by_key(|e| !e.name.to_lowercase().starts_with(first.as_str()));
    }
    found
}

/// The palette's state between frames.
#[derive(Default)]
pub struct CommandPalette {
    /// Whether it is showing.
    pub open: bool,
    /// The commands listed, made once each time it opens (the open tabs
    /// cannot change while it is up).
    entries: Vec<Entry>,
    query: String,
    /// The highlighted line among the matches.
    chosen: usize,
}

impl CommandPalette {
    /// Opens it, empty, with the keyboard in its field.
    pub fn show_window(&mut self) {
        self.open = true;
        self.entries.clear();
        self.query.clear();
        self.chosen = 0;
    }

    /// Draws it when open, listing the `entries` made when it opened;
    /// returns the command chosen (Enter or a click). Esc or a click
    /// elsewhere closes it.
    pub fn show(
        &mut self,
        ctx: &egui::Context,
        entries: impl FnOnce() -> Vec<Entry>,
    ) -> Option<Command> {
        if !self.open {
            return None;
        }
        if self.entries.is_empty() {
            self.entries = entries();
        }
        let entries = std::mem::take(&mut self.entries);
        let given = self.show_entries(ctx, &entries);
        self.entries = entries;
        given
    }

    fn show_entries(&mut self, ctx: &egui::Context, entries: &[Entry]) -> Option<Command> {
        let (up, down, enter, escape) = ctx.input_mut(|i| {
            (
                i.consume_key(egui::Modifiers::NONE, Key::ArrowUp),
                i.consume_key(egui::Modifiers::NONE, Key::ArrowDown),
                i.consume_key(egui::Modifiers::NONE, Key::Enter),
                i.consume_key(egui::Modifiers::NONE, Key::Escape),
            )
        });
        let found = matching(entries, &self.query);
        if down {
            self.chosen = (self.chosen + 1).min(found.len().saturating_sub(1));
        }
        if up {
            self.chosen = self.chosen.saturating_sub(1);
        }
        self.chosen = self.chosen.min(found.len().saturating_sub(1));
        let mut given = None;
        let modal = egui::Modal::new(egui::Id::unique("command_palette")).show(ctx, |ui| {
            ui.set_width(520.0);
            ui.strong("Command palette");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text("Type words of a command, e.g. \"theme light\"")
                    .desired_width(f32::INFINITY),
            );
            field.request_focus();
            if field.changed() {
                self.chosen = 0;
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    if found.is_empty() {
                        ui.weak("No command has those words");
                    }
                    for (i, entry) in found.iter().enumerate() {
                        let line = ui
                            .horizontal(|ui| {
                                let name = ui.selectable_label(i == self.chosen, &entry.name);
                                if !entry.shortcut.is_empty() {
                                    ui.weak(RichText::new(&entry.shortcut).monospace());
                                }
                                name
                            })
                            .inner;
                        let line = if entry.hint.is_empty() {
                            line
                        } else {
                            line.on_hover_text(entry.hint)
                        };
                        if i == self.chosen && (up || down) {
                            line.scroll_to_me(None);
                        }
                        if line.clicked() {
                            given = Some(entry.command.clone());
                        }
                    }
                });
        });
        if enter {
            given = found.get(self.chosen).map(|e| e.command.clone());
        }
        if given.is_some() || escape || modal.should_close() {
            self.open = false;
        }
        given
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all() -> Vec<Entry> {
        entries(
            &egui::Context::default(),
            &["Armed neutrality".into(), "NATO membership".into()],
            &[(
                "nato-membership.bulwark.json".into(),
                "NATO membership".into(),
            )],
        )
    }

    #[test]
    fn every_command_a_menu_gives_is_in_the_palette_once() {
        let entries = all();
        for name in [
            "New",
            "New from a template",
            "Open",
            "Save As",
            "Undo",
            "Present",
            "Compare",
            "Historical backtests",
            "Guide",
            "Theme: Light",
            "Show plot: What drives the result (tornado)",
            "Switch to tab: NATO membership",
            "Open example: NATO membership",
        ] {
            let n = entries.iter().filter(|e| e.name == name).count();
            assert_eq!(n, 1, "{name}: {n} entries");
        }
        assert!(
            entries
                .iter()
                .all(|e| !matches!(e.command, Command::AnswerUnsaved(_) | Command::Edit { .. })),
            "no dialog answers or edits"
        );
    }

    #[test]
    fn words_in_any_order_and_case_find_a_command() {
        let entries = all();
        let found = matching(&entries, "light THEME");
        assert_eq!(found.len(), 1);
        assert_eq!(
            found[0].command,
            Command::SetTheme(egui::ThemePreference::Light)
        );
        let save = matching(&entries, "save");
        assert_eq!(
            save[0].name, "Save",
            "names starting with the word come first"
        );
        assert!(matching(&entries, "no such thing").is_empty());
        assert_eq!(matching(&entries, "").len(), entries.len());
    }
}
