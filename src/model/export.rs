//! Assessments as CSV and JSON text, with stable column and field names
//! (documented in `docs/ASSESS-JSON.md`). Used by `bulwark assess` and by the
//! app's File → Export assessment; the callers write the text where they want.

use serde::Serialize;

use super::result::Assessment;

/// One file's assessment in the JSON output.
#[derive(Serialize)]
struct FileAssessment<'a> {
    file: &'a str,
    assessment: &'a Assessment,
}

/// The assessments as a pretty-printed JSON list of `{file, assessment}`.
pub fn to_json(done: &[(String, Assessment)]) -> String {
    let list: Vec<FileAssessment> = done
        .iter()
        .map(|(file, assessment)| FileAssessment { file, assessment })
        .collect();
    let mut value = serde_json::to_value(&list).unwrap_or_default();
    unsigned_zeros(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// A result per file as JSON (`bulwark sensitivity` and `bulwark voi`
/// `--format json`): a list of `{file, states}`, each state as `T`
/// serialises (see `docs/ASSESS-JSON.md`).
pub fn states_to_json<T: Serialize>(files: &[(String, Vec<T>)]) -> String {
    let list: Vec<serde_json::Value> = files
        .iter()
        .map(|(file, states)| serde_json::json!({ "file": file, "states": states }))
        .collect();
    let mut value = serde_json::Value::Array(list);
    unsigned_zeros(&mut value);
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}

/// Column names of the sensitivity CSV, in order.
pub const SENSITIVITY_COLUMNS: &[&str] = &[
    "file",
    "state",
    "output",
    "parameter",
    "first",
    "first_low",
    "first_high",
    "total",
    "total_low",
    "total_high",
];

/// The global sensitivity as CSV: one row per file, state, output and
/// parameter, parameters by total effect, largest first.
pub fn sensitivity_to_csv(files: &[(String, Vec<super::sobol::StateSensitivity>)]) -> String {
    let mut text = SENSITIVITY_COLUMNS.join(",");
    text.push('\n');
    for (file, states) in files {
        for state in states {
            for output in &state.outputs {
                for p in &output.parameters {
                    let (f, t) = (p.index.first, p.index.total);
                    let cells = [
                        quote(file),
                        quote(&state.state),
                        output.output.clone(),
                        p.parameter.clone(),
                    ];
                    let figures = [f.estimate, f.low, f.high, t.estimate, t.low, t.high].map(num);
                    text.push_str(&[cells.join(","), figures.join(",")].join(","));
                    text.push('\n');
                }
            }
        }
    }
    text
}

/// Writes every `-0.0` in `value` as `0.0`: a sum of nothing in Rust is
/// `-0.0` (no compensation, for one), which reads as a negative figure.
fn unsigned_zeros(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Number(n) if n.as_f64() == Some(0.0) && n.is_f64() => {
            *n = serde_json::Number::from_f64(0.0).unwrap_or_else(|| 0.into());
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(unsigned_zeros),
        serde_json::Value::Object(fields) => fields.values_mut().for_each(unsigned_zeros),
        _ => {}
    }
}

/// Column names of the CSV output, in order.
pub const CSV_COLUMNS: &[&str] = &[
    "file",
    "state",
    "arrangements",
    "chance_of_attack_mean",
    "chance_of_attack_p5",
    "chance_of_attack_p50",
    "chance_of_attack_p95",
    "credibility_mean",
    "punishment_mean",
    "expected_success",
    "fait_accompli_max",
    "burden_pct_gdp",
    "restraint_index",
    "escalation_risk_mean",
    "adversary_accepts_mean",
    "protected_accepts",
    "cumulative_mean",
    "cumulative_p5",
    "cumulative_p95",
    "by_period_mean",
    "windows",
];

/// The assessments as CSV: a header, then one row per file and protected state.
pub fn to_csv(done: &[(String, Assessment)]) -> String {
    let mut lines = vec![CSV_COLUMNS.join(",")];
    for (file, assessment) in done {
        for assessed in &assessment.states {
            let fait = assessed
                .campaign
                .iter()
                .map(|campaign| campaign.fait_accompli)
                .fold(0.0, f64::max);
            let attack = &assessed.decision.chance_of_attack;
            let cumulative = assessed
                .cumulative
                .last()
                .map(|c| c.chance_of_attack)
                .unwrap_or_default();
            // Lists in one cell each, `;`-separated, so a row stays a state.
            let by_period: Vec<String> = assessed
                .by_period
                .iter()
                .map(|p| num(p.chance_of_attack.mean))
                .collect();
            let by_period = by_period.join(";");
            let windows: Vec<String> = assessed
                .windows
                .iter()
                .map(|w| format!("{} {}-{}", w.kind.name(), w.start_month, w.end_month))
                .collect();
            let windows = windows.join(";");
            let row = [
                quote(file),
                quote(&assessed.state),
                quote(&assessed.arrangements.join(";")),
                num(attack.mean),
                num(attack.p5),
                num(attack.p50),
                num(attack.p95),
                num(assessed.credibility.arrangement.mean),
                num(assessed.punishment.expected.mean),
                num(assessed.decision.expected_success),
                num(fait),
                num(assessed.burden.total_pct_gdp),
                num(assessed.restraint.index),
                num(assessed.restraint.escalation_risk.mean),
                num(assessed.acceptability.adversary.mean),
                num(assessed.acceptability.protected_state),
                num(cumulative.mean),
                num(cumulative.p5),
                num(cumulative.p95),
                quote(&by_period),
                quote(&windows),
            ];
            lines.push(row.join(","));
        }
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

fn quote(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_owned()
    }
}

fn num(x: f64) -> String {
    // `+ 0.0` turns `-0.0` into `0.0`, which would print as "-0.0000".
    format!("{:.4}", x + 0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_has_a_header_and_a_row_per_protected_state() {
        let bytes = crate::assets::example("eastern-flank-today.bulwark.json").expect("example");
        let scenario = crate::scenario::from_bytes("e", bytes).expect("valid");
        let assessment = crate::model::assess_with(&scenario, 100, 1);
        let text = to_csv(&[("e, flank".into(), assessment.clone())]);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0].split(',').count(), CSV_COLUMNS.len());
        assert_eq!(lines.len(), 1 + assessment.states.len());
        assert!(
            lines[1].starts_with("\"e, flank\","),
            "names with commas are quoted"
        );
        let json: serde_json::Value =
            serde_json::from_str(&to_json(&[("e".into(), assessment)])).expect("json");
        assert_eq!(json[0]["file"], "e");
    }

    #[test]
    fn no_figure_reads_as_negative_zero() {
        let bytes = crate::assets::example("armed-neutrality.bulwark.json").expect("example");
        let scenario = crate::scenario::from_bytes("n", bytes).expect("valid");
        let assessment = crate::model::assess_with(&scenario, 100, 1);
        // No arrangement pays compensation: an empty sum, -0.0 in Rust.
        let done = [("n".to_string(), assessment)];
        assert!(!to_json(&done).contains("-0.0"), "{}", to_json(&done));
        assert!(!to_csv(&done).contains("-0.0"));
    }
}
