//! The command line: `bulwark [FILE]` opens the app; subcommands work without a
//! window. Each subcommand writes to the given streams and returns the process
//! exit code, so tests can run them in-process.
//!
//! On top of the layers: may import any of them (the engine, the document,
//! the slide export); `main.rs` opens the window through `crate::ui`.

use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::scenario;

mod assess;
mod geography;
mod new;

pub use new::Template;

/// Bulwark: weigh security guarantees for post-war Ukraine and NATO's eastern flank.
#[derive(Debug, Parser)]
#[command(name = "bulwark", version, about, long_about = None)]
pub struct Cli {
    /// A scenario file to open in the app (default: the built-in example).
    pub file: Option<PathBuf>,
    /// Close the window as soon as the first frame is drawn (times start-up).
    #[arg(long)]
    pub exit_after_first_frame: bool,
    /// What to do without opening a window.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Subcommands that work without a window.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files and print every problem; exit code 1 if any file is bad.
    Validate {
        /// Files to check.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the scenario file format.
    Schema,
    /// Rewrite scenario files in the current format, in place, atomically,
    /// keeping the previous version as NAME.bak.
    Upgrade {
        /// Files to rewrite.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Rewrite read-only files too (they stay read-only).
        #[arg(long)]
        force: bool,
    },
    /// Render every slide of a scenario to a 1920×1080 PNG, with a Markdown
    /// handout (handout.md), without opening a window.
    ExportSlides {
        /// The scenario file.
        file: PathBuf,
        /// Folder to write to (default: NAME-slides beside the file).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Draw the images in the notes from files on this computer (relative
        /// addresses from the scenario's folder), within the limits the app
        /// uses; without it they are placeholders naming their address.
        #[arg(long)]
        images: bool,
    },
    /// Write one plot of a scenario's assessment as a PNG figure for a
    /// report, without a window: light background, the plot's name as its
    /// title, and a line naming the scenario and the source of its figures.
    ExportPlot {
        /// The scenario file.
        file: PathBuf,
        /// Which plot: headline, attack_distribution, tornado, campaign,
        /// burden, acceptability_deterrence or break_even.
        #[arg(long, value_parser = parse_plot)]
        plot: crate::scenario::PlotKind,
        /// The PNG file to write.
        #[arg(long)]
        out: PathBuf,
        /// Size in pixels, WIDTHxHEIGHT, each 200 to 8000.
        #[arg(long, default_value = "1600x900", value_parser = parse_size)]
        size: [u32; 2],
    },
    /// Write a scenario's geography as GeoJSON (RFC 7946) for QGIS and other
    /// GIS: axes, river crossings, defence lines, units, the line of control,
    /// drawn areas and guarantee ties, each with its properties.
    ExportGeojson {
        /// The scenario file.
        file: PathBuf,
        /// The GeoJSON file to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Read a GeoJSON file's geography into a scenario: a LineString becomes
    /// an axis (or moves the axis its `id` names), and units, marks, the line
    /// of control and drawn areas move; written back atomically with a .bak.
    ImportGeojson {
        /// The scenario file to change.
        file: PathBuf,
        /// The GeoJSON file to read.
        geojson: PathBuf,
    },
    /// Assess scenario files: chance of attack, credibility, campaign, burden…
    Assess {
        /// Files to assess.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Monte Carlo draws (default: the file's own `simulation.samples`).
        #[arg(long, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        samples: Option<u32>,
        /// Seed (default: the file's own `simulation.seed`).
        #[arg(long)]
        seed: Option<u64>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// For a scenario with a timeline: the month after the ceasefire the
        /// answers describe (the chance by period always covers the horizon).
        #[arg(long, default_value_t = 0.0, value_parser = parse_month)]
        at_month: f64,
    },
    /// Write a new scenario from a template, without a window: the protected
    /// state at peacetime defence spending, the arrangement type's terms, the
    /// adversary's stated demands and the theatre's standard axes of advance
    /// (standard theatres: UKR, EST, LVA, LTU, POL, FIN), each with its source.
    New {
        /// The arrangement type.
        #[arg(long, value_enum)]
        template: Template,
        /// The protected state, by its id in the reference table (e.g. UKR, EST, FIN).
        #[arg(long)]
        protect: String,
        /// The adversary (default: the theatre's, Russia).
        #[arg(long)]
        adversary: Option<String>,
        /// File to write (default: standard output).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Replace the file if it exists (otherwise it is left as it is).
        #[arg(long)]
        force: bool,
    },
    /// Run the historical backtest: each case's chance of attack, what happened,
    /// and the ROC AUC.
    Backtest {
        /// Monte Carlo draws per case.
        #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..=1_000_000))]
        samples: u32,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

/// Output formats of `assess`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Readable summary.
    Text,
    /// The full assessment (see `docs/ASSESS-JSON.md`).
    Json,
    /// One row per protected state.
    Csv,
}

/// Runs a subcommand, writing results to `out` and problems to `err`; returns
/// the exit code.
pub fn run(command: &Command, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match command {
        Command::Validate { files } => validate(files, out, err),
        Command::Schema => {
            let _ = out.write_all(scenario::schema_json().as_bytes());
            0
        }
        Command::Upgrade { files, force } => upgrade(files, *force, out, err),
        Command::Assess {
            files,
            samples,
            seed,
            format,
            at_month,
        } => assess::run(files, (*samples, *seed, *at_month), *format, out, err),
        Command::Backtest { samples, seed } => assess::backtest(*samples, *seed, out, err),
        Command::New {
            template,
            protect,
            adversary,
            out: file,
            force,
        } => new::run(
            *template,
            protect,
            adversary.as_deref(),
            file.as_deref(),
            *force,
            out,
            err,
        ),
        Command::ExportSlides {
            file,
            out: dir,
            images,
        } => export_slides(file, dir.as_deref(), *images, out, err),
        Command::ExportPlot {
            file,
            plot,
            out: path,
            size,
        } => export_plot(file, *plot, *size, path, out, err),
        Command::ExportGeojson { file, out: path } => {
            let outcome = load_or_report(file, err).map(|s| geography::export(&s, path));
            match outcome {
                Some(outcome) => report_export(file, outcome, out, err),
                None => 1,
            }
        }
        Command::ImportGeojson { file, geojson } => geography::import(file, geojson, out, err),
    }
}

/// A plot's name on the command line (its name in the file format).
fn parse_plot(text: &str) -> Result<crate::scenario::PlotKind, String> {
    serde_json::from_value(serde_json::Value::String(text.trim().to_owned())).map_err(|_| {
        "not a plot; the plots are headline, attack_distribution, tornado, campaign, burden, \
         acceptability_deterrence and break_even"
            .to_owned()
    })
}

/// A size in pixels, `WIDTHxHEIGHT`, each 200 to 8000.
fn parse_size(text: &str) -> Result<[u32; 2], String> {
    let bad = || format!("'{text}' is not a size: write WIDTHxHEIGHT in pixels, e.g. 1600x900");
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(bad)?;
    let side = |v: &str| -> Result<u32, String> {
        let n: u32 = v.trim().parse().map_err(|_| bad())?;
        if (200..=8000).contains(&n) {
            Ok(n)
        } else {
            Err(format!("{n} px is outside 200 to 8000"))
        }
    };
    Ok([side(w)?, side(h)?])
}

/// The scenario in `file`, or `None` with every problem written to `err`.
fn load_or_report(file: &std::path::Path, err: &mut dyn Write) -> Option<scenario::Scenario> {
    match scenario::load_file(file) {
        Ok(s) => Some(s),
        Err(e) => {
            for line in e.lines() {
                let _ = writeln!(err, "{line}");
            }
            None
        }
    }
}

/// An export's outcome for the command line: its message on `out` and 0, or
/// the problem (naming the file) on `err` and 1.
fn report_export(
    file: &std::path::Path,
    outcome: Result<String, String>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    match outcome {
        Ok(message) => {
            let _ = writeln!(out, "{}: {message}", shown(file));
            0
        }
        Err(e) => {
            let _ = writeln!(
                err,
                "{}",
                scenario::validate::plain_text(&format!("{}: {e}", file.display()))
            );
            1
        }
    }
}

fn export_plot(
    file: &std::path::Path,
    plot: crate::scenario::PlotKind,
    size: [u32; 2],
    path: &std::path::Path,
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
    let outcome = crate::present::export::export_plot(&scenario, figures, plot, size, path);
    report_export(file, outcome, out, err)
}

fn export_slides(
    file: &std::path::Path,
    dir: Option<&std::path::Path>,
    load_images: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let Some(scenario) = load_or_report(file, err) else {
        return 1;
    };
    let dir = dir
        .map(std::path::Path::to_path_buf)
        .unwrap_or_else(|| crate::present::export::default_folder(file));
    let images = if load_images {
        let (images, problems) = crate::present::export::load_deck_images(&scenario, file.parent());
        for problem in problems {
            let _ = writeln!(err, "{}: warning: {problem}", shown(file));
        }
        images
    } else {
        Default::default()
    };
    // Progress on the error stream, so that the output stays the result.
    let name = shown(file);
    let outcome = {
        let progress_to = std::cell::RefCell::new(&mut *err);
        let progress = |written: usize, all: usize| {
            if written > 0 {
                let mut e = progress_to.borrow_mut();
                let _ = writeln!(e, "{name}: slide {written} of {all} written");
            }
        };
        crate::present::export::export_slides(&scenario, &dir, images, &progress)
            .map(|n| format!("{n} slides and handout.md written to {}", dir.display()))
    };
    report_export(file, outcome, out, err)
}

/// A file's name as printed: characters that could rewrite the terminal are
/// written out (see [`scenario::validate::plain_text`]).
fn shown(file: &std::path::Path) -> String {
    scenario::validate::plain_text(&file.display().to_string())
}

/// "2 of 3 files have problems", "1 of 3 files has problems", "the file has
/// problems".
pub(crate) fn problems_summary(bad: usize, total: usize) -> String {
    match (bad, total) {
        (_, 1) => "the file has problems".into(),
        (1, _) => format!("1 of {total} files has problems"),
        _ => format!("{bad} of {total} files have problems"),
    }
}

/// The format version a file says it is in, if it says.
fn stated_version(file: &std::path::Path) -> Option<u64> {
    let bytes = std::fs::read(file).ok()?;
    let value: serde_json::Value = serde_json::from_slice(&bytes).ok()?;
    value.get("format_version")?.as_u64()
}

fn upgrade(files: &[PathBuf], force: bool, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut failed = 0;
    for file in files {
        let current = u64::from(scenario::FORMAT_VERSION);
        let loaded = scenario::load_file(file);
        // Read again only once the load has held the file to the size limit.
        if loaded.is_ok() && stated_version(file) == Some(current) {
            let _ = writeln!(
                out,
                "{}: already in format version {current}; left as it is",
                shown(file)
            );
            continue;
        }
        let result = loaded.map_err(|e| e.lines()).and_then(|s| {
            scenario::save_file_with(file, &s, force).map_err(|e| {
                let hint = if e.read_only {
                    " (add --force to rewrite it all the same; it stays read-only)"
                } else {
                    ""
                };
                vec![format!("{e}{hint}")]
            })
        });
        match result {
            Ok(saved) => {
                let _ = writeln!(
                    out,
                    "{}: rewritten in format version {} (previous version kept as {})",
                    shown(file),
                    scenario::FORMAT_VERSION,
                    scenario::backup_path(&saved.file).display()
                );
                for note in saved.notes {
                    let _ = writeln!(
                        out,
                        "{}",
                        scenario::validate::plain_text(&format!("{}: {note}", file.display()))
                    );
                }
            }
            Err(lines) => {
                failed += 1;
                for line in lines {
                    let _ = writeln!(err, "{line}");
                }
            }
        }
    }
    i32::from(failed > 0)
}

fn validate(files: &[PathBuf], out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    let mut bad = 0;
    for file in files {
        match scenario::load_file(file) {
            Ok(s) => {
                let _ = writeln!(out, "{}: ok ({})", shown(file), s.meta.title);
                // Warnings leave the file valid and the exit code 0.
                for warning in scenario::warnings::warnings(&s) {
                    let _ = writeln!(
                        err,
                        "{}: warning: {}",
                        shown(file),
                        scenario::validate::plain_text(&warning.to_string())
                    );
                }
            }
            Err(e) => {
                bad += 1;
                for line in e.lines() {
                    let _ = writeln!(err, "{line}");
                }
            }
        }
    }
    if bad > 0 {
        let _ = writeln!(err, "{}", problems_summary(bad, files.len()));
        1
    } else {
        0
    }
}

/// A month after the ceasefire: a finite number from 0 to 600 (50 years, the
/// longest horizon).
fn parse_month(text: &str) -> Result<f64, String> {
    let m: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("'{text}' is not a number of months"))?;
    if m.is_finite() && (0.0..=600.0).contains(&m) {
        Ok(m)
    } else {
        Err(format!("{m} months is outside 0 to 600"))
    }
}
