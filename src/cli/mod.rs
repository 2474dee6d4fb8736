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
mod export;
mod geography;
mod new;
mod sensitivity;
mod sweep;
mod voi;

pub use export::DeckFormat;
pub use new::Template;
pub use sweep::SweepFormat;
pub use voi::VoiFormat;

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
    /// Render every slide of a scenario without opening a window: as
    /// 1920×1080 PNG files with a Markdown handout (handout.md) in a folder,
    /// or as one PDF (16:9 pages, real text, vector map and plots), with
    /// notes pages and a handout if asked for.
    ExportSlides {
        /// The scenario file.
        file: PathBuf,
        /// png: a folder of images; pdf: one document.
        #[arg(long, value_enum, default_value_t = DeckFormat::Png)]
        format: DeckFormat,
        /// Where to write (default: NAME-slides, or NAME-slides.pdf, beside the file).
        #[arg(long)]
        out: Option<PathBuf>,
        /// PDF only: add a notes page for each slide (the slide above, its
        /// speaker notes below).
        #[arg(long)]
        notes: bool,
        /// PDF only: add a handout (three slides a page, each with its notes).
        #[arg(long)]
        handout: bool,
        /// Draw the images in the notes from files on this computer (relative
        /// addresses from the scenario's folder), within the limits the app
        /// uses; without it they are placeholders naming their address.
        #[arg(long)]
        images: bool,
    },
    /// Write one plot of a scenario's assessment as a figure for a report,
    /// without a window: light background, the plot's name as its title,
    /// and a line naming the scenario and the source of its figures.
    ExportPlot {
        /// The scenario file.
        file: PathBuf,
        /// Which plot: headline, attack_distribution, tornado, campaign,
        /// burden, acceptability_deterrence, break_even or over_time.
        #[arg(long, value_parser = parse_plot)]
        plot: crate::scenario::PlotKind,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        /// svg, pdf or png (default: the extension of --out, else png).
        #[arg(long, value_parser = export::parse_format)]
        format: Option<crate::present::print::Format>,
        /// WIDTHxHEIGHT in pixels (each 200 to 8000), or a paper size: a4,
        /// a3 or letter, with -landscape or -portrait.
        #[arg(long, default_value = "1600x900", value_parser = export::parse_page_size)]
        size: crate::present::print::PageSize,
        /// In greys, for a black-and-white printer.
        #[arg(long)]
        mono: bool,
    },
    /// Write the scenario's map view (its centre, zoom and layers) for a
    /// report or a print, without a window: the map with its title box,
    /// legend, scale bar, north arrow, sources line and marking.
    ExportMap {
        /// The scenario file.
        file: PathBuf,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
        /// svg, pdf or png (default: the extension of --out, else pdf).
        #[arg(long, value_parser = export::parse_format)]
        format: Option<crate::present::print::Format>,
        /// A paper size: a4, a3 or letter, with -landscape or -portrait; or
        /// WIDTHxHEIGHT in pixels (each 200 to 8000).
        #[arg(long, default_value = "a4-landscape", value_parser = export::parse_page_size)]
        size: crate::present::print::PageSize,
        /// In greys, for a black-and-white printer: each kind of country its
        /// own grey, keyed in the legend.
        #[arg(long)]
        mono: bool,
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
    /// Global sensitivity: first- and total-order Sobol indices of every
    /// uncertain parameter on each protected state's chance of attack, time
    /// to objective and acceptability to the adversary, with 95 % bootstrap
    /// intervals (Saltelli sampling; see docs/MODEL.md).
    Sensitivity {
        /// Scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Base samples N (the model runs N × (parameters + 2) times).
        #[arg(long, default_value_t = 2048, value_parser = clap::value_parser!(u32).range(16..=200_000))]
        samples: u32,
        /// Seed (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Step one or two parameters over a range and print each protected
    /// state's headline figures at every point (the others keep their
    /// ranges; every point uses the same seed).
    Sweep {
        /// The scenario file.
        file: PathBuf,
        /// KEY=LOW:HIGH:STEPS, e.g. adversary_resolve=0.3:0.9:7; once or twice.
        #[arg(long = "param", required = true)]
        params: Vec<String>,
        /// Monte Carlo draws at each point.
        #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(1..=100_000))]
        samples: u32,
        /// Seed (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = SweepFormat::Csv)]
        format: SweepFormat,
    },
    /// Value of information for each protected state's choice between its
    /// arrangements: the expected value of perfect information (EVPI) and
    /// each parameter's partial value (EVPPI), in the chance of attack avoided.
    Voi {
        /// Scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Draws of the parameters.
        #[arg(long, default_value_t = 2000, value_parser = clap::value_parser!(u32).range(16..=100_000))]
        samples: u32,
        /// Seed (default: the scenario's own).
        #[arg(long)]
        seed: Option<u64>,
        /// Choose between the files' scenarios (each with all its
        /// arrangements) for each state the first protects, rather than
        /// between each file's own arrangements.
        #[arg(long)]
        between: bool,
        /// How an outcome is valued: e.g. deterrence=1,acceptability=0.5,burden=0.05
        /// (burden per percentage point of GDP); default the chance of attack alone.
        #[arg(long)]
        weights: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = VoiFormat::Text)]
        format: VoiFormat,
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
        Command::Sweep {
            file,
            params,
            samples,
            seed,
            format,
        } => sweep::run(file, params, (*samples, *seed), *format, out, err),
        Command::Voi {
            files,
            samples,
            seed,
            between,
            weights,
            format,
        } => voi::run(
            files,
            (*samples as usize, *seed, *between),
            weights.as_deref(),
            *format,
            out,
            err,
        ),
        Command::Sensitivity {
            files,
            samples,
            seed,
            format,
        } => sensitivity::run(files, (*samples as usize, *seed), *format, out, err),
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
            format,
            out: path,
            notes,
            handout,
            images,
        } => export::slides(
            file,
            *format,
            path.as_deref(),
            crate::present::print::DeckParts {
                notes: *notes,
                handout: *handout,
            },
            *images,
            out,
            err,
        ),
        Command::ExportPlot {
            file,
            plot,
            out: path,
            format,
            size,
            mono,
        } => export::plot(file, *plot, (*format, *size, *mono), path, out, err),
        Command::ExportMap {
            file,
            out: path,
            format,
            size,
            mono,
        } => export::map(file, (*format, *size, *mono), path, out, err),
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

/// A file's name as printed: characters that could rewrite the terminal are
/// written out (see [`scenario::validate::plain_text`]).
/// Loads each of `files` and gives it to `each` with its name as shown;
/// prints every file's problems (load errors, or the message `each` returns
/// for a file it cannot use) to `err`. Gives what `each` made of the good
/// files and the count of bad ones.
fn each_scenario<T>(
    files: &[PathBuf],
    err: &mut dyn Write,
    mut each: impl FnMut(&scenario::Scenario) -> Result<T, String>,
) -> (Vec<(String, T)>, usize) {
    let mut bad = 0;
    let mut done = Vec::new();
    for file in files {
        let name = shown(file);
        match scenario::load_file(file) {
            Ok(scenario) => match each(&scenario) {
                Ok(made) => done.push((name, made)),
                Err(why) => {
                    bad += 1;
                    let _ = writeln!(err, "{name}: {why}");
                }
            },
            Err(e) => {
                bad += 1;
                for line in e.lines() {
                    let _ = writeln!(err, "{line}");
                }
            }
        }
    }
    (done, bad)
}

/// The exit code once `bad` of `total` files had problems, saying so on `err`.
fn files_exit_code(bad: usize, total: usize, err: &mut dyn Write) -> i32 {
    if bad == 0 {
        return 0;
    }
    let _ = writeln!(err, "{}", problems_summary(bad, total));
    1
}

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
