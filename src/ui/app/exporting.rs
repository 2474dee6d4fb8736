//! Exports: the slides (PNG and a handout, on another thread), the map image,
//! a plot of the assessment panel, and the assessment's figures.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::files::DialogKind;
use super::{BulwarkApp, PathPurpose, Question, slug};
use crate::present::print::{self, DeckParts, Format, PageSize, Style};
use crate::ui::commands::Command;

/// Exports under way.
#[derive(Default)]
pub(super) struct Exports {
    /// A slide export running on another thread.
    slides: Option<Receiver<Result<String, String>>>,
    /// How far it has got: slides written and slides in all.
    slides_done: Arc<[AtomicUsize; 2]>,
    /// Where it writes, for the status line.
    slides_to: PathBuf,
    /// A plot export (a figure rendered offscreen) running on another thread.
    plot: Option<Receiver<Result<String, String>>>,
}

impl Exports {
    pub(super) fn slides_running(&self) -> bool {
        self.slides.is_some()
    }

    pub(super) fn plot_running(&self) -> bool {
        self.plot.is_some()
    }
}

impl BulwarkApp {
    /// Carries out a command about exports.
    pub(super) fn apply_export_command(&mut self, command: Command) {
        match command {
            Command::ExportSlides => {
                let name = format!("{}-slides", slug(&self.doc().scenario().meta.title));
                self.ask_export_path(PathPurpose::ExportSlides, name);
            }
            Command::ExportSlidesTo(dir) => self.spawn_slide_export(dir),
            Command::ExportSlidesPdf => {
                let name = format!("{}-slides.pdf", slug(&self.doc().scenario().meta.title));
                self.ask_export_path(PathPurpose::ExportSlidesPdf(Default::default()), name);
            }
            Command::ExportSlidesPdfTo(path, parts) => {
                self.spawn_pdf_export(with_extension(&path, Format::Pdf), parts);
            }
            Command::ExportMapPrint => {
                let name = format!("{}-map.pdf", slug(&self.doc().scenario().meta.title));
                let a4 = PageSize::Paper {
                    paper: crate::present::print::Paper::A4,
                    landscape: true,
                };
                self.ask_export_path(PathPurpose::ExportMapPrint(a4, Style::Colour), name);
            }
            Command::ExportMapPrintTo(path, size, style) => {
                self.spawn_map_print(path, size, style);
            }
            Command::ExportMapImage => {
                let name = format!("{}-map.png", slug(&self.doc().scenario().meta.title));
                match self.export_folder() {
                    Some(dir) => self.views.map.request_export(dir.join(name)),
                    None => self.ask_export_path(PathPurpose::ExportMap, name),
                }
            }
            Command::ExportMapImageTo(path) => {
                self.views
                    .map
                    .request_export(with_extension(&path, Format::Png));
            }
            Command::ExportPlot(plot) => self.spawn_dialog(DialogKind::ExportPlot(plot)),
            Command::ExportPlotTo(plot, path) => {
                let path = match Format::of_path(&path) {
                    Some(_) => path,
                    None => with_extension(&path, Format::Png),
                };
                self.spawn_plot_export(plot, path);
            }
            Command::ExportAssessment { csv } => {
                let ext = if csv { "csv" } else { "json" };
                let name = format!(
                    "{}-assessment.{ext}",
                    slug(&self.doc().scenario().meta.title)
                );
                match self.export_folder() {
                    Some(dir) => self.export_assessment(csv, dir.join(name)),
                    None => self.ask_export_path(PathPurpose::ExportAssessment { csv }, name),
                }
            }
            Command::ExportAssessmentTo { csv, path } => self.export_assessment(csv, path),
            Command::ExportGeography => {
                let name = format!(
                    "{}-geography.geojson",
                    slug(&self.doc().scenario().meta.title)
                );
                match self.export_folder() {
                    Some(dir) => self.export_geography(dir.join(name)),
                    None => self.ask_export_path(PathPurpose::ExportGeography, name),
                }
            }
            Command::ExportGeographyTo(path) => self.export_geography(path),
            Command::ImportGeography => {
                self.dialogs.question = Some(Question::TypedPath {
                    purpose: PathPurpose::ImportGeography,
                    text: String::new(),
                });
            }
            Command::ImportGeographyFrom(path) => self.import_geography(&path),
            _ => {}
        }
    }

    /// Asks where an export called `name` goes (see `suggested_export_path`).
    fn ask_export_path(&mut self, purpose: PathPurpose, name: String) {
        let text = self.suggested_export_path(&name);
        self.dialogs.question = Some(Question::TypedPath { purpose, text });
    }

    /// Writes the active scenario's geography to `path` as GeoJSON.
    fn export_geography(&mut self, path: PathBuf) {
        let text = crate::scenario::geography::to_geojson(self.doc().scenario());
        match crate::scenario::write_export(&path, text.as_bytes()) {
            Ok(()) => self.dialogs.message = format!("Geography written to {}", path.display()),
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    /// Reads the GeoJSON file at `path` into the active scenario as one
    /// undoable edit; a problem names the file, the feature and the field,
    /// and changes nothing.
    fn import_geography(&mut self, path: &Path) {
        let name = path.display().to_string();
        let cap = crate::scenario::MAX_FILE_BYTES;
        let text = match crate::scenario::read::read_capped(path, cap) {
            Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
            Err(e) => {
                self.dialogs.error = Some(format!("{name}: {e}"));
                return;
            }
        };
        match crate::scenario::geography::import(self.doc().scenario(), &name, &text) {
            Ok((changed, done)) => {
                self.tabs.active_mut().edit(changed, None);
                self.dialogs.message = format!("Imported from {name}: {done}");
            }
            Err(problems) => {
                let lines: Vec<String> = problems
                    .iter()
                    .take(crate::scenario::MAX_PROBLEM_LINES)
                    .map(|p| format!("{}: {}", p.path, p.message))
                    .collect();
                self.dialogs.error = Some(lines.join("\n"));
            }
        }
    }

    /// Writes the active scenario's current assessment to `path`.
    fn export_assessment(&mut self, csv: bool, path: PathBuf) {
        let state = self.assessment();
        let Some(result) = state.result.filter(|_| !state.stale) else {
            self.dialogs.message =
                "The assessment is still running; export again in a moment".into();
            return;
        };
        let done = [(self.doc().name(), (*result).clone())];
        let text = if csv {
            crate::model::export::to_csv(&done)
        } else {
            crate::model::export::to_json(&done)
        };
        match crate::scenario::write_export(&path, text.as_bytes()) {
            Ok(()) => {
                self.dialogs.message = format!("Exported the assessment to {}", path.display());
            }
            Err(e) => self.dialogs.error = Some(e.to_string()),
        }
    }

    /// Renders the deck to PNGs and a handout on another thread.
    fn spawn_slide_export(&mut self, dir: PathBuf) {
        self.spawn_deck_export(dir, |scenario, dir, images, progress| {
            crate::present::export::export_slides(scenario, dir, images, progress)
                .map(|n| format!("Exported {n} slides and handout.md to {}", dir.display()))
        });
    }

    /// Writes the deck as one PDF on another thread.
    fn spawn_pdf_export(&mut self, path: PathBuf, parts: DeckParts) {
        self.spawn_deck_export(path, move |scenario, path, images, progress| {
            print::export_slides_pdf(scenario, path, images, parts, progress)
                .map(|n| format!("Exported {n} pages to {} (PDF)", path.display()))
        });
    }

    /// Runs a deck export to `target` on another thread, with its progress
    /// on the status line. The slides show the images the user loaded into
    /// the notes, no others.
    fn spawn_deck_export(
        &mut self,
        target: PathBuf,
        export: impl FnOnce(
            &crate::scenario::Scenario,
            &Path,
            Arc<crate::kit::note_images::NoteImages>,
            &dyn Fn(usize, usize),
        ) -> Result<String, String>
        + Send
        + 'static,
    ) {
        let (tx, rx) = channel();
        let scenario = self.doc().scenario().clone();
        let images = self.window.note_images.clone();
        self.dialogs.message = format!("Exporting slides to {}…", target.display());
        let done = Arc::new([AtomicUsize::new(0), AtomicUsize::new(0)]);
        self.exports.slides_done = done.clone();
        self.exports.slides_to = target.clone();
        std::thread::spawn(move || {
            let progress = |written: usize, all: usize| {
                done[1].store(all, Ordering::Relaxed);
                done[0].store(written, Ordering::Relaxed);
            };
            let result = export(&scenario, &target, images, &progress)
                .map_err(|e| format!("Could not export the slides.\n\n{e}"));
            let _ = tx.send(result);
        });
        self.exports.slides = Some(rx);
    }

    /// Writes the map view for print (the format by the path's extension,
    /// PDF if it names none) on another thread.
    fn spawn_map_print(&mut self, path: PathBuf, size: PageSize, style: Style) {
        let (format, path) = match Format::of_path(&path) {
            Some(format) => (format, path),
            None => (Format::Pdf, with_extension(&path, Format::Pdf)),
        };
        let scenario = self.doc().scenario().clone();
        let (tx, rx) = channel();
        self.dialogs.message = format!("Exporting the map to {}…", path.display());
        std::thread::spawn(move || {
            let result = print::export_map(&scenario, (format, size, style), &path)
                .map_err(|e| format!("Could not export the map.\n\n{e}"));
            let _ = tx.send(result);
        });
        self.exports.plot = Some(rx);
    }

    /// Renders the plot as a figure (light, titled, with the scenario and
    /// source) at the size chosen in the panel, from the assessment shown,
    /// on another thread.
    fn spawn_plot_export(&mut self, plot: crate::scenario::PlotKind, path: PathBuf) {
        let state = self.assessment();
        let Some(assessment) = state.result.filter(|_| !state.stale) else {
            self.dialogs.message =
                "The assessment is still running; export the plot again in a moment".into();
            return;
        };
        let scenario = self.doc().scenario().clone();
        // The trade-off plot shows every open scenario's point, as on screen.
        let points = super::shell::trade_off_points(self);
        let size = self.views.panel.figure_size();
        let (tx, rx) = channel();
        self.dialogs.message = format!("Exporting the plot to {}…", path.display());
        std::thread::spawn(move || {
            let figures = crate::present::slide::Figures {
                assessment: Some(&assessment),
                trade_off: &points,
            };
            let format = Format::of_path(&path).unwrap_or(Format::Png);
            let size = PageSize::Pixels(size);
            let result = print::export_plot(
                &scenario,
                figures,
                plot,
                (format, size, Style::Colour),
                &path,
            )
            .map_err(|e| format!("Could not export the plot.\n\n{e}"));
            let _ = tx.send(result);
        });
        self.exports.plot = Some(rx);
    }

    /// Takes the outcome of finished slide and plot exports.
    pub(super) fn poll_exports(&mut self, ctx: &egui::Context) {
        if self.exports.slides.is_some() {
            let [done, all] = &*self.exports.slides_done;
            let (done, all) = (done.load(Ordering::Relaxed), all.load(Ordering::Relaxed));
            if all > 0 {
                self.dialogs.message = format!(
                    "Exporting slides to {}: {done} of {all}…",
                    self.exports.slides_to.display()
                );
            }
        }
        for (running, what) in [
            (&mut self.exports.slides, "slide"),
            (&mut self.exports.plot, "map or plot"),
        ] {
            let Some(rx) = running else { continue };
            let outcome = match rx.try_recv() {
                Ok(outcome) => outcome,
                Err(TryRecvError::Empty) => {
                    ctx.request_repaint_after(std::time::Duration::from_millis(200));
                    continue;
                }
                Err(TryRecvError::Disconnected) => {
                    Err(format!("The {what} export stopped unexpectedly."))
                }
            };
            *running = None;
            match outcome {
                Ok(message) => self.dialogs.message = message,
                Err(message) => self.dialogs.error = Some(message),
            }
        }
    }
}

/// `path`, with the format's extension added when it has another or none.
fn with_extension(path: &Path, format: Format) -> PathBuf {
    if Format::of_path(path) == Some(format) {
        path.to_path_buf()
    } else {
        let mut s = path.as_os_str().to_os_string();
        s.push(".");
        s.push(format.extension());
        PathBuf::from(s)
    }
}
