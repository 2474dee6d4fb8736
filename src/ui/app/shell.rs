//! Drawing the window: menu bar, tabs, the three panels and the status line
//! (the dialogs are [`super::dialogs`]). It reads the app's state and returns [`Command`]s, writing
//! nothing of the app's but the views' own state (which editor tab, which
//! plot, the map's view), which it is handed as [`Views`].

use egui::{RichText, Ui};

use super::{BulwarkApp, Views, example_titles};
use crate::kit::contain::contain;
use crate::kit::theme;
use crate::ui::commands::Command;
use crate::ui::editor;

/// Draws the whole window for one frame; returns the commands it gave.
pub fn show(ui: &mut Ui, app: &BulwarkApp, views: &mut Views) -> Vec<Command> {
    let mut out = Vec::new();
    if app.presentation().is_some() {
        presenting(ui, app, views, &mut out);
        super::dialogs::show(ui.ctx(), app, &mut out);
        return out;
    }
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar(ui, app, views, &mut out));
    egui::Panel::top("tab_bar").show(ui, |ui| tab_bar(ui, app, &mut out));
    egui::Panel::bottom("status_line").show(ui, |ui| status_line(ui, app));
    let settings = app.settings();
    views.panel_focus.begin();
    if settings.show_left {
        let shown = egui::Panel::left("editing_panel")
            .default_size(theme::LEFT_PANEL_WIDTH)
            .min_size(280.0)
            .show(ui, |ui| {
                contain(ui, "the editing panel", |ui| {
                    // The selection's card at the foot of the panel, so that
                    // selecting a country does not push the editor's tabs down.
                    if let Some(id) = views.map.selected.clone() {
                        egui::Panel::bottom("selected_on_the_map")
                            .resizable(false)
                            .show(ui, |ui| {
                                ui.heading("Selected on the map");
                                crate::map::widget::country_card(ui, app.doc().scenario(), &id);
                            });
                    }
                    let mut draft = app.doc().scenario().clone();
                    let warnings = views.warnings.of(app.doc());
                    let group = editor::show(ui, &mut views.editor, &mut draft, &warnings);
                    if draft != *app.doc().scenario() {
                        out.push(Command::Edit {
                            scenario: Box::new(draft),
                            group,
                        });
                    }
                });
            });
        views.panel_focus.record(shown.response.rect);
    }
    let mut assessment_rect = None;
    if settings.show_right {
        let shown = egui::Panel::right("assessment_panel")
            .default_size(theme::RIGHT_PANEL_WIDTH)
            .min_size(320.0)
            .show(ui, |ui| {
                contain(ui, "the assessment", |ui| {
                    let state = app.assessment();
                    let points = trade_off_points(app);
                    let doc = app.doc();
                    let shown = (doc.id(), doc.revision(), doc.scenario());
                    let panel = crate::ui::assessment_panel::show(
                        ui,
                        &mut views.panel,
                        &state,
                        &points,
                        shown,
                    );
                    out.extend(panel);
                });
            });
        assessment_rect = Some(shown.response.rect);
    }
    let central = egui::CentralPanel::default().show(ui, |ui| {
        if app.showing_comparison() && app.tabs().count() >= 2 {
            contain(ui, "the comparison", |ui| {
                let open = compared(app);
                crate::ui::compare::show(ui, &mut views.compare, &open);
            });
        } else {
            contain(ui, "the map", |ui| map_panel(ui, app, views, &mut out));
        }
    });
    views.panel_focus.record(central.response.rect);
    if let Some(rect) = assessment_rect {
        views.panel_focus.record(rect);
    }
    views.panel_focus.apply(ui.ctx());
    out.extend(views.backtest.show(ui.ctx()));
    out.extend(views.guide.show(ui.ctx()));
    out.extend(views.palette.show(ui.ctx(), || {
        crate::ui::palette::entries(
            ui.ctx(),
            &open_tab_titles(app),
            super::files::example_titles(),
        )
    }));
    super::dialogs::show(ui.ctx(), app, &mut out);
    out
}

/// Presentation mode: only the audience screen (no menu or panels), and the
/// presenter view when it is open.
fn presenting(ui: &mut Ui, app: &BulwarkApp, views: &mut Views, out: &mut Vec<Command>) {
    let Some(p) = app.presentation() else {
        return;
    };
    let scenario = app.doc().scenario();
    let slides = crate::present::deck(scenario);
    let assessment = app.assessment().result;
    let points = trade_off_points(app);
    let figures = crate::present::slide::Figures {
        assessment: assessment.as_deref(),
        trade_off: &points,
    };
    let markdown = &mut views.slide_markdown;
    let before = out.len();
    let actions = egui::CentralPanel::no_frame()
        .show(ui, |ui| {
            crate::present::view::show_audience(ui, p, scenario, figures, &slides, markdown)
        })
        .inner;
    out.extend(actions.into_iter().map(Command::Presenting));
    // With the presenter view open, its own panel holds the what-if
    // controls: the room sees only the slides change.
    if p.what_if
        && !p.presenter_view
        && let Some((scenario, group)) = crate::present::view::what_if_popover(ui.ctx(), scenario)
    {
        out.push(Command::Edit {
            scenario: Box::new(scenario),
            group,
        });
    }
    if p.presenter_view {
        let given = crate::present::view::show_presenter_view(
            ui.ctx(),
            p,
            scenario,
            figures,
            &slides,
            markdown,
        );
        out.extend(given.actions.into_iter().map(Command::Presenting));
        out.extend(given.keys.into_iter().map(Command::SlideKey));
        if let Some((scenario, group)) = given.edit {
            out.push(Command::Edit {
                scenario: Box::new(scenario),
                group,
            });
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_secs(1));
    }
    if out.len() > before {
        ui.ctx().request_repaint_of(egui::ViewportId::ROOT);
    }
}

/// Every open scenario with a result, as a point on the trade-off chart.
pub(super) fn trade_off_points(app: &BulwarkApp) -> Vec<crate::plots::TradeOffPoint> {
    let active = app.doc().id();
    app.tabs()
        .documents()
        .into_iter()
        .filter_map(|doc| {
            let result = app.run_state(doc).result?;
            let first = result.states.first()?;
            Some(crate::plots::TradeOffPoint {
                title: doc.scenario().meta.title.clone(),
                acceptability: first.acceptability.adversary.mean,
                deterrence: 1.0 - first.decision.chance_of_attack.mean,
                active: doc.id() == active,
            })
        })
        .collect()
}

/// Every open scenario with its tab's title and latest result, for the
/// comparison.
fn compared(app: &BulwarkApp) -> Vec<crate::ui::compare::Compared<'_>> {
    app.tabs()
        .documents()
        .into_iter()
        .zip(open_tab_titles(app))
        .map(|(doc, title)| crate::ui::compare::Compared {
            result: app.run_state(doc).result,
            doc,
            title,
        })
        .collect()
}

/// The open tabs' titles, in order (see [`tab_titles`]).
fn open_tab_titles(app: &BulwarkApp) -> Vec<String> {
    let documents = app.tabs().documents();
    let titles: Vec<&str> = documents
        .iter()
        .map(|d| d.scenario().meta.title.as_str())
        .collect();
    tab_titles(&titles)
}

/// The tabs' titles: each scenario's, with " (2)", " (3)" … on the second
/// and later of the same title, so that no two tabs read alike.
pub(crate) fn tab_titles(titles: &[&str]) -> Vec<String> {
    titles
        .iter()
        .enumerate()
        .map(|(i, title)| {
            let before = titles[..i].iter().filter(|t| *t == title).count();
            if before == 0 {
                (*title).to_owned()
            } else {
                format!("{title} ({})", before + 1)
            }
        })
        .collect()
}

/// The open scenarios as tabs, with a close button each and the compare toggle.
fn tab_bar(ui: &mut Ui, app: &BulwarkApp, out: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        let tabs: Vec<(String, String)> = app
            .tabs()
            .documents()
            .iter()
            .zip(open_tab_titles(app))
            .map(|(doc, title)| {
                let dirty = if doc.is_dirty() { "• " } else { "" };
                (format!("{dirty}{title}"), doc.name())
            })
            .collect();
        for (i, (label, name)) in tabs.into_iter().enumerate() {
            let comparing = app.showing_comparison();
            let selected = i == app.tabs().active_index() && !comparing;
            let tab = ui.selectable_label(selected, label).on_hover_text(&name);
            if tab.clicked() {
                out.push(Command::SwitchTab(i));
                if comparing {
                    out.push(Command::ToggleCompare);
                }
            }
            if ui
                .small_button("×")
                .on_hover_text(format!("Close {name}"))
                .clicked()
            {
                out.push(Command::CloseTab(i));
            }
            ui.separator();
        }
        let enough = app.tabs().count() >= 2;
        let compare = Command::ToggleCompare;
        if ui
            .add_enabled(
                enough,
                egui::Button::selectable(app.showing_comparison(), compare.label()),
            )
            .on_hover_text(compare.tooltip())
            .on_disabled_hover_text("Open two or more scenarios to compare them")
            .clicked()
        {
            out.push(compare);
        }
    });
}

/// The map in the central panel; its view and layer changes become edits.
fn map_panel(ui: &mut Ui, app: &BulwarkApp, views: &mut Views, out: &mut Vec<Command>) {
    feed_map(app, views);
    let doc = app.doc();
    let at_month = views.shown.of(doc);
    if !doc.scenario().timeline.steps.is_empty() {
        egui::Panel::bottom("timeline_strip")
            .resizable(false)
            .exact_size(crate::ui::timeline_strip::HEIGHT)
            .show(ui, |ui| {
                let result = app.assessment().result;
                let strip = crate::ui::timeline_strip::show(
                    ui,
                    doc.scenario(),
                    doc.shown_month(),
                    result.as_deref(),
                );
                out.extend(strip.commands);
                if let Some(i) = strip.opened {
                    views.editor.tab = editor::EditorTab::Timeline;
                    views.editor.step = Some(i);
                }
            });
    }
    let scenario = at_month.as_deref().unwrap_or(doc.scenario());
    let shown = views.map.show(ui, scenario);
    if let Some((view, group)) = shown.edit {
        let mut draft = app.doc().scenario().clone();
        draft.map_view = view;
        out.push(Command::Edit {
            scenario: Box::new(draft),
            group,
        });
    }
    if let Some((edited, group)) = shown.document {
        // An edit on the map of a month reaches the document as written.
        let scenario = match &at_month {
            Some(at) => crate::scenario::timeline::carry_edit(doc.scenario(), at, &edited),
            None => edited,
        };
        out.push(Command::Edit {
            scenario: Box::new(scenario),
            group,
        });
    }
    out.extend(shown.report.map(Command::Report));
}

/// Gives the map the engine's figures (time to objective on each axis, each
/// guarantor's credibility for its tie), once per new result.
fn feed_map(app: &BulwarkApp, views: &mut Views) {
    let Some(result) = app.assessment().result else {
        return;
    };
    if views
        .map_fed
        .as_ref()
        .is_some_and(|fed| std::sync::Arc::ptr_eq(fed, &result))
    {
        return;
    }
    views.map.set_figures(Some(&result));
    views.map_fed = Some(result);
}

/// A menu item for `command`: its label, shortcut and tooltip.
fn menu_item(
    ui: &mut Ui,
    out: &mut Vec<Command>,
    command: Command,
    enabled: bool,
) -> egui::Response {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    let mut response = ui.add_enabled(enabled, button);
    if !command.tooltip().is_empty() {
        response = response.on_hover_text(command.tooltip());
    }
    if response.clicked() {
        out.push(command);
    }
    response
}

fn menu_bar(ui: &mut Ui, app: &BulwarkApp, views: &Views, out: &mut Vec<Command>) {
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| file_menu(ui, app, views, out));
        ui.menu_button("Edit", |ui| {
            let doc = app.doc();
            let undo = menu_item(ui, out, Command::Undo, doc.can_undo());
            if let Some(what) = doc.undo_description() {
                undo.on_hover_text(format!("Undo {what}"));
            }
            let redo = menu_item(ui, out, Command::Redo, doc.can_redo());
            if let Some(what) = doc.redo_description() {
                redo.on_hover_text(format!("Redo {what}"));
            }
        });
        ui.menu_button("View", |ui| {
            let mut left = app.settings().show_left;
            if ui
                .checkbox(&mut left, Command::ToggleLeftPanel.label())
                .changed()
            {
                out.push(Command::ToggleLeftPanel);
            }
            let mut right = app.settings().show_right;
            if ui
                .checkbox(&mut right, Command::ToggleRightPanel.label())
                .changed()
            {
                out.push(Command::ToggleRightPanel);
            }
            ui.separator();
            ui.label("Theme");
            for (pref, label) in [
                (egui::ThemePreference::System, "Follow the system"),
                (egui::ThemePreference::Light, "Light"),
                (egui::ThemePreference::Dark, "Dark"),
            ] {
                if ui.radio(app.settings().theme == pref, label).clicked() {
                    out.push(Command::SetTheme(pref));
                }
            }
            ui.separator();
            menu_item(ui, out, Command::Present, true);
            ui.menu_button("Present on", |ui| present_on_menu(ui, app, out));
        });
        ui.menu_button("Help", |ui| {
            menu_item(ui, out, Command::ShowGuide, true);
            menu_item(ui, out, Command::OpenPalette, true);
            menu_item(ui, out, Command::ShowBacktest, true);
            menu_item(ui, out, Command::About, true);
        });
        ui.separator();
        let present = Command::Present;
        if ui
            .button(present.label())
            .on_hover_text(present.tooltip())
            .clicked()
        {
            out.push(present);
        }
    });
}

/// The "Present on" setting: this window's screen, the other screen, or a
/// connected screen by name.
fn present_on_menu(ui: &mut Ui, app: &BulwarkApp, out: &mut Vec<Command>) {
    use crate::present::monitor::PresentOn;
    let current = app.settings().present_on.clone();
    let monitors = app.monitors();
    let mut choose = |ui: &mut Ui, choice: PresentOn, label: String, hover: &str| {
        if ui
            .radio(current == choice, label)
            .on_hover_text(hover)
            .clicked()
        {
            out.push(Command::SetPresentOn(choice));
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
    for m in monitors {
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

fn file_menu(ui: &mut Ui, app: &BulwarkApp, views: &Views, out: &mut Vec<Command>) {
    menu_item(ui, out, Command::New, true);
    menu_item(ui, out, Command::NewFromTemplate, true);
    menu_item(ui, out, Command::Open, true);
    menu_item(ui, out, Command::OpenTypedPath, true);
    let recent = &app.settings().recent;
    ui.menu_button("Open Recent", |ui| {
        if recent.is_empty() {
            ui.label("No recent files");
        }
        for path in recent {
            if ui.button(path.display().to_string()).clicked() {
                out.push(Command::OpenPath(path.clone()));
            }
        }
        ui.separator();
        menu_item(ui, out, Command::ClearRecent, !recent.is_empty());
    });
    ui.menu_button("Examples", |ui| {
        for (name, title) in example_titles() {
            if ui.button(title).on_hover_text(name).clicked() {
                out.push(Command::OpenExample(name.clone()));
            }
        }
    });
    ui.separator();
    menu_item(ui, out, Command::Save, true);
    menu_item(ui, out, Command::SaveAs, true);
    menu_item(ui, out, Command::ExportMapImage, true);
    menu_item(ui, out, Command::ExportMapPrint, !app.exporting_plot());
    let export_plot = Command::ExportPlot(views.panel.plot);
    let plot_item = egui::Button::new(format!(
        "Export {} plot…",
        views.panel.plot.short_label().to_lowercase()
    ));
    if ui
        .add_enabled(!app.exporting_plot(), plot_item)
        .on_hover_text(export_plot.tooltip())
        .clicked()
    {
        out.push(export_plot);
    }
    menu_item(ui, out, Command::ExportAssessment { csv: true }, true);
    menu_item(ui, out, Command::ExportAssessment { csv: false }, true);
    menu_item(ui, out, Command::ExportGeography, true);
    menu_item(ui, out, Command::ImportGeography, true);
    ui.separator();
    menu_item(ui, out, Command::ExportSlides, !app.exporting_slides());
    menu_item(ui, out, Command::ExportSlidesPdf, !app.exporting_slides());
    ui.separator();
    let active = app.tabs().active_index();
    menu_item(ui, out, Command::CloseTab(active), true);
    menu_item(ui, out, Command::Quit, true);
}

fn status_line(ui: &mut Ui, app: &BulwarkApp) {
    ui.horizontal(|ui| {
        let doc = app.doc();
        let path = doc
            .path()
            .map(|p| p.display().to_string())
            .unwrap_or_else(|| format!("{} (not saved to a file yet)", doc.name()));
        ui.label(path);
        if doc.is_dirty() {
            ui.label(RichText::new("• Unsaved changes").color(theme::warning_text(ui)));
        }
        ui.separator();
        ui.label(app.message());
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tabs_of_the_same_title_are_numbered() {
        assert_eq!(
            tab_titles(&["A", "B", "A", "A"]),
            vec!["A", "B", "A (2)", "A (3)"]
        );
    }
}
