//! `bulwark new`: a new scenario from a template, without a window.

use std::io::Write;
use std::path::Path;

use std::sync::OnceLock;

use crate::scenario::{self, ArrangementKind, new_case, templates};

/// An arrangement type as `bulwark new --template` takes it: the file's
/// name for it in kebab case (`nato-membership`), its template's name as help.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Template(pub ArrangementKind);

/// Every template with its name on the command line.
fn named() -> &'static [(Template, String)] {
    static NAMED: OnceLock<Vec<(Template, String)>> = OnceLock::new();
    NAMED.get_or_init(|| {
        templates::KINDS
            .iter()
            .map(|kind| (Template(*kind), templates::kind_id(*kind).replace('_', "-")))
            .collect()
    })
}

impl clap::ValueEnum for Template {
    fn value_variants<'a>() -> &'a [Self] {
        static ALL: OnceLock<Vec<Template>> = OnceLock::new();
        ALL.get_or_init(|| named().iter().map(|(t, _)| *t).collect())
    }

    fn to_possible_value(&self) -> Option<clap::builder::PossibleValue> {
        let (_, id) = named().iter().find(|(t, _)| t == self)?;
        Some(clap::builder::PossibleValue::new(id.as_str()).help(templates::kind_name(self.0)))
    }
}

/// Builds the scenario and writes it to `file` (never over an existing file
/// unless `force`), or to `out` when there is no file; returns the exit code.
pub fn run(
    template: Template,
    protect: &str,
    adversary: Option<&str>,
    file: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let adversary = adversary.unwrap_or_else(|| new_case::default_adversary(protect));
    let scenario = match new_case::new_case(template.0, protect, adversary, &new_case::today()) {
        Ok(s) => s,
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 2;
        }
    };
    let text = scenario::to_json(&scenario);
    let Some(file) = file else {
        let _ = out.write_all(text.as_bytes());
        return 0;
    };
    if file.exists() && !force {
        let _ = writeln!(
            err,
            "{}: already exists; left as it is (add --force to replace it)",
            file.display()
        );
        return 1;
    }
    match scenario::write_atomic(file, text.as_bytes(), false) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "{}: new scenario \"{}\" ({} {} of advance{})",
                file.display(),
                scenario.meta.title,
                scenario.axes.len(),
                if scenario.axes.len() == 1 {
                    "axis"
                } else {
                    "axes"
                },
                if scenario.axes.is_empty() {
                    ": the engine's default axis until you add some"
                } else {
                    ""
                }
            );
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}
