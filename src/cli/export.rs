//! `bulwark export-slides`, `export-plot` and `export-map`: decks, figures and
//! maps written without a window, as PNG, SVG or PDF.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::present::print::{self, DeckParts, Format, PageSize, Style};
use crate::scenario::PlotKind;

use super::{load_or_report, report_export, shown};

/// How `export-slides` writes a deck.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum DeckFormat {
    /// A folder of 1920×1080 PNG images and handout.md.
    Png,
    /// One PDF.
    Pdf,
}

/// A format named on the command line.
pub fn parse_format(text: &str) -> Result<Format, String> {
    Format::parse(text)
}

/// A page size named on the command line.
pub fn parse_page_size(text: &str) -> Result<PageSize, String> {
    PageSize::parse(text)
}

/// The format asked for, else the one `path`'s extension names, else `fallback`.
fn format_for(asked: Option<Format>, path: &Path, fallback: Format) -> Format {
    asked.or_else(|| Format::of_path(path)).unwrap_or(fallback)
}

/// The style `--mono` asks for.
fn style(mono: bool) -> Style {
    if mono {
        Style::Monochrome
    } else {
        Style::Colour
    }
}

/// `export-plot`.
pub fn plot(
    file: &Path,
    plot: PlotKind,
    (format, size, mono): (Option<Format>, PageSize, bool),
    path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(scenario) = load_or_report(file, err) else {
        return 1;
    };
    let assessment = crate::model::assess(&scenario);
    let figures = crate::present::slide::Figures {
        assessment: Some(&assessment),
        trade_off: &[],
    };
    let format = format_for(format, path, Format::Png);
    let outcome = print::export_plot(&scenario, figures, plot, (format, size, style(mono)), path);
    report_export(file, outcome, out, err)
}

/// `export-map`.
pub fn map(
    file: &Path,
    (format, size, mono): (Option<Format>, PageSize, bool),
    path: &Path,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(scenario) = load_or_report(file, err) else {
        return 1;
    };
    let format = format_for(format, path, Format::Pdf);
    let outcome = print::export_map(&scenario, (format, size, style(mono)), path);
    report_export(file, outcome, out, err)
}

/// `export-slides`.
pub fn slides(
    file: &Path,
    format: DeckFormat,
    path: Option<&Path>,
    parts: DeckParts,
    load_images: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    if format == DeckFormat::Png && (parts.notes || parts.handout) {
        let _ = writeln!(
            err,
            "{}: --notes and --handout need --format pdf (a PNG export always writes handout.md)",
            shown(file)
        );
        return 2;
    }
    let Some(scenario) = load_or_report(file, err) else {
        return 1;
    };
    let images = if load_images {
        let (images, problems) = crate::present::export::load_deck_images(&scenario, file.parent());
        for problem in problems {
            let _ = writeln!(err, "{}: warning: {problem}", shown(file));
        }
        images
    } else {
        Default::default()
    };
    let outcome = write_deck(&scenario, file, (format, path, parts), images, err);
    report_export(file, outcome, out, err)
}

/// Writes the deck as asked, with progress on `err` (so that the output
/// stays the result); the message or the problem.
fn write_deck(
    scenario: &crate::scenario::Scenario,
    file: &Path,
    (format, path, parts): (DeckFormat, Option<&Path>, DeckParts),
    images: std::sync::Arc<crate::kit::note_images::NoteImages>,
    err: &mut dyn Write,
) -> Result<String, String> {
    let name = shown(file);
    let progress_to = std::cell::RefCell::new(err);
    let report = |done: usize, all: usize, what: &str| {
        if done > 0 {
            let mut e = progress_to.borrow_mut();
            let _ = writeln!(e, "{name}: {what} {done} of {all} written");
        }
    };
    match format {
        DeckFormat::Png => {
            let dir = path
                .map(Path::to_path_buf)
                .unwrap_or_else(|| crate::present::export::default_folder(file));
            let progress = |done, all| report(done, all, "slide");
            crate::present::export::export_slides(scenario, &dir, images, &progress)
                .map(|n| format!("{n} slides and handout.md written to {}", dir.display()))
        }
        DeckFormat::Pdf => {
            let target = path
                .map(Path::to_path_buf)
                .unwrap_or_else(|| default_pdf(file));
            let progress = |done, all| report(done, all, "page");
            print::export_slides_pdf(scenario, &target, images, parts, &progress)
                .map(|n| format!("{n} pages written to {} (PDF)", target.display()))
        }
    }
}

/// The default PDF of a scenario file's deck: `NAME-slides.pdf` beside it.
pub fn default_pdf(file: &Path) -> PathBuf {
    let mut name = crate::present::export::default_folder(file).into_os_string();
    name.push(".pdf");
    PathBuf::from(name)
}
