//! The Slides tab: the briefing deck. Add the current map view, a text, a plot
//! or the comparison as a slide; reorder; edit the title, what the slide shows
//! and the speaker notes; delete. A scenario without slides shows its generated
//! default deck here; the first edit saves the deck into the scenario.

use egui::Ui;

use crate::kit::choices::Choice;
use crate::kit::widgets::{self, EditTracker};
use crate::present;
use crate::scenario::{PlotKind, Scenario, Slide, SlideContent};

use super::EditorState;

/// Draws the tab.
pub fn show(ui: &mut Ui, ed: &mut EditTracker, state: &mut EditorState, scenario: &mut Scenario) {
    let before = present::deck(scenario);
    let mut slides = before.clone();
    if present::is_generated(scenario) {
        ui.weak(
            "This scenario has no slides of its own: this is the generated default deck. \
             Any change below saves the deck in the scenario.",
        );
    }
    add_buttons(ui, state, scenario, &mut slides);
    ui.separator();
    if slides.is_empty() {
        ui.weak("No slides.");
    } else {
        state.slide = state.slide.min(slides.len() - 1);
        list(ui, state, &mut slides);
        ui.separator();
        let names = super::state_options(scenario);
        edit_slide(ui, ed, &mut slides[state.slide], &names);
    }
    if slides != before {
        scenario.slides = slides;
    }
}

fn add_buttons(ui: &mut Ui, state: &mut EditorState, scenario: &Scenario, slides: &mut Vec<Slide>) {
    let mut added = None;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Add map view")
            .on_hover_text("Add the map as it is now (centre, zoom, layers) as a slide")
            .clicked()
        {
            let highlight = scenario
                .arrangements
                .iter()
                .flat_map(|a| a.protected_states.iter().cloned())
                .fold(Vec::new(), |mut v: Vec<String>, id| {
                    if !v.contains(&id) {
                        v.push(id);
                    }
                    v
                });
            added = Some(Slide {
                title: "Map".into(),
                content: SlideContent::Map {
                    view: scenario.map_view.clone(),
                    highlight,
                },
                notes: String::new(),
            });
        }
        if ui
            .button("Add text")
            .on_hover_text("Add a Markdown text slide")
            .clicked()
        {
            added = Some(Slide {
                title: "New slide".into(),
                content: SlideContent::Text {
                    markdown: "- First point\n- Second point".into(),
                },
                notes: String::new(),
            });
        }
        let plot_menu = ui.menu_button("Add plot", |ui| {
            for plot in PlotKind::ALL.iter().copied() {
                if ui.button(plot.label()).on_hover_text(plot.help()).clicked() {
                    added = Some(Slide {
                        title: plot.label().into(),
                        content: SlideContent::Plot { plot, state: None },
                        notes: String::new(),
                    });
                }
            }
        });
        plot_menu
            .response
            .on_hover_text("Add one of the assessment's plots, with live figures, as a slide");
        if ui
            .button("Add timeline")
            .on_hover_text("Add the settlement over time: the map at each phase of the timeline, one slide each")
            .clicked()
        {
            added = Some(Slide {
                title: "The settlement over time".into(),
                content: SlideContent::Timeline {
                    view: scenario.map_view.clone(),
                    month: None,
                },
                notes: String::new(),
            });
        }
        if ui
            .button("Add comparison")
            .on_hover_text("Add the comparison of the arrangements as a slide")
            .clicked()
        {
            added = Some(Slide {
                title: "The arrangements compared".into(),
                content: SlideContent::Comparison,
                notes: String::new(),
            });
        }
    });
    if let Some(slide) = added {
        let at = if slides.is_empty() {
            0
        } else {
            state.slide + 1
        };
        slides.insert(at, slide);
        state.slide = at;
    }
}

/// The slides in order, with move and delete buttons for the selected one.
fn list(ui: &mut Ui, state: &mut EditorState, slides: &mut Vec<Slide>) {
    for (i, slide) in slides.iter().enumerate() {
        let kind = match slide.content {
            SlideContent::Map { .. } => "map",
            SlideContent::Plot { .. } => "plot",
            SlideContent::Comparison => "comparison",
            SlideContent::Text { .. } => "text",
            SlideContent::Timeline { .. } => "timeline",
        };
        ui.selectable_value(
            &mut state.slide,
            i,
            format!("{}. {} ({kind})", i + 1, slide.title),
        )
        .on_hover_text("Edit this slide below");
    }
    let i = state.slide;
    ui.horizontal(|ui| {
        if ui
            .add_enabled(i > 0, egui::Button::new("Move up"))
            .on_hover_text("Show the selected slide one place earlier")
            .clicked()
        {
            slides.swap(i, i - 1);
            state.slide = i - 1;
        }
        if ui
            .add_enabled(i + 1 < slides.len(), egui::Button::new("Move down"))
            .on_hover_text("Show the selected slide one place later")
            .clicked()
        {
            slides.swap(i, i + 1);
            state.slide = i + 1;
        }
        if ui
            .button("Delete slide")
            .on_hover_text("Remove the selected slide (Undo brings it back)")
            .clicked()
        {
            slides.remove(i);
            state.slide = i.saturating_sub(1);
        }
    });
}

/// Title, content and notes of one slide.
fn edit_slide(ui: &mut Ui, ed: &mut EditTracker, slide: &mut Slide, states: &[(String, String)]) {
    widgets::text(
        ui,
        ed,
        "Slide title",
        &mut slide.title,
        "Shown at the top of the slide",
    );
    match &mut slide.content {
        SlideContent::Text { markdown } => {
            let l = ui.label("Slide text (Markdown)");
            let response = ui
                .add(
                    egui::TextEdit::multiline(markdown)
                        .desired_rows(8)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id)
                .on_hover_text("**bold**, *italic*, - lists, # headings");
            ed.track(response);
        }
        SlideContent::Plot { plot, state } => {
            widgets::choice(ui, ed, "Plot", plot);
            let mut chosen = state.clone().unwrap_or_default();
            let mut options = vec![(String::new(), "First protected state".to_owned())];
            options.extend(states.iter().cloned());
            widgets::state_choice(
                ui,
                ed,
                "For state",
                &mut chosen,
                &options,
                "For per-state plots: which protected state",
            );
            *state = (!chosen.is_empty()).then_some(chosen);
        }
        SlideContent::Map { view, highlight } => {
            widgets::number(
                ui,
                ed,
                "Centre longitude",
                &mut view.center.lon,
                -180.0..=180.0,
                "°E",
                "Longitude of the centre of the map view",
            );
            widgets::number(
                ui,
                ed,
                "Centre latitude",
                &mut view.center.lat,
                -90.0..=90.0,
                "°N",
                "Latitude of the centre of the map view",
            );
            widgets::number(
                ui,
                ed,
                "Zoom",
                &mut view.zoom,
                0.25..=64.0,
                "×",
                "Magnification of the map: 1 shows the whole map",
            );
            ui.label("Highlighted states");
            ui.horizontal_wrapped(|ui| {
                for (id, name) in states {
                    let mut on = highlight.contains(id);
                    let was = on;
                    widgets::check(ui, ed, name, &mut on, "Highlight this state on the slide");
                    if on != was {
                        if on {
                            highlight.push(id.clone());
                        } else {
                            highlight.retain(|h| h != id);
                        }
                    }
                }
            });
        }
        SlideContent::Comparison => {
            ui.weak("Shows the comparison of the scenario's arrangements.");
        }
        SlideContent::Timeline { month, .. } => {
            widgets::optional_number(
                ui,
                ed,
                (
                    "One month only",
                    "Unticked: the deck steps through every phase of the timeline, one slide each",
                ),
                ("", "The month after the ceasefire the slide shows"),
                month,
                (0.0, 0.0..=600.0, " months"),
            );
        }
    }
    let l = ui.label("Speaker notes");
    let response = ui
        .add(
            egui::TextEdit::multiline(&mut slide.notes)
                .desired_rows(5)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id)
        .on_hover_text("Shown only in the presenter view (S while presenting)");
    ed.track(response);
}
