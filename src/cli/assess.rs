//! `bulwark assess` and `bulwark backtest`: the engine's results as text, JSON or CSV.

use std::io::Write;
use std::path::PathBuf;

use super::Format;
use crate::kit::format::percent;
use crate::model::{self, Assessment, Options, StateAssessment, export};

/// Assesses each file and prints the results; exit code 1 if any file is bad.
pub fn run(
    files: &[PathBuf],
    (samples, seed, at_month): (Option<u32>, Option<u64>, f64),
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let (done, bad) = super::each_scenario(files, err, |scenario| {
        let options = Options {
            samples: samples.unwrap_or(scenario.simulation.samples),
            seed: seed.unwrap_or(scenario.simulation.seed),
            tornado: true,
            at_month,
        };
        model::within_budget(scenario, options.samples)?;
        Ok(model::assess_with_options(scenario, options))
    });
    let _ = match format {
        Format::Text => done.iter().try_for_each(|(f, a)| text(out, f, a)),
        Format::Csv => out.write_all(export::to_csv(&done).as_bytes()),
        Format::Json => out.write_all(export::to_json(&done).as_bytes()),
    };
    super::files_exit_code(bad, files.len(), err)
}

fn text(out: &mut dyn Write, file: &str, a: &Assessment) -> std::io::Result<()> {
    writeln!(out, "{file}: {}", a.title)?;
    writeln!(
        out,
        "  {} draws, seed {}, horizon {} years",
        a.samples, a.seed, a.horizon_years
    )?;
    if let Some(month) = a.at_month {
        writeln!(
            out,
            "  as the settlement stands at month {month} of its timeline (over time: the whole horizon)"
        )?;
    }
    for state in &a.states {
        state_text(out, state)?;
    }
    Ok(())
}

fn state_text(out: &mut dyn Write, state: &StateAssessment) -> std::io::Result<()> {
    let d = &state.decision;
    let c = &d.chance_of_attack;
    writeln!(
        out,
        "  {} ({}) under {}",
        state.name,
        state.state,
        list(&state.arrangements)
    )?;
    writeln!(
        out,
        "    chance of attack: {} (90% range {} to {}); yearly {} at likely values",
        percent(c.mean),
        percent(c.p5),
        percent(c.p95),
        percent(d.annual_hazard)
    )?;
    writeln!(
        out,
        "    credibility: {} (90% range {} to {})",
        percent(state.credibility.arrangement.mean),
        percent(state.credibility.arrangement.p5),
        percent(state.credibility.arrangement.p95)
    )?;
    for g in &state.credibility.guarantors {
        writeln!(
            out,
            "      {} ({}): {}",
            g.state,
            g.arrangement,
            percent(g.credibility.mean)
        )?;
    }
    writeln!(
        out,
        "    denial: success {} alone, {} with guarantors, {} expected; motive {} (grievance {})",
        percent(d.success_alone),
        percent(d.success_helped),
        percent(d.expected_success),
        percent(d.motive),
        percent(d.grievance)
    )?;
    for k in &state.campaign {
        let days = k
            .days_to_objective
            .as_ref()
            .map_or("held in every draw".to_string(), |x| {
                format!(
                    "objective in {} (median, when it falls)",
                    crate::kit::format::duration_days(x.p50)
                )
            });
        writeln!(
            out,
            "      axis {}: {:.0} km, ratio {:.2}:1, fait accompli {}, held {}; {}",
            k.name,
            k.distance_km,
            k.force_ratio_day0,
            percent(k.fait_accompli),
            percent(k.held),
            days
        )?;
        for m in &k.marks {
            let what = m.kind.noun();
            writeln!(out, "        {what} {} at {:.0} km", m.name, m.km)?;
        }
    }
    writeln!(
        out,
        "    punishment: {} (war {}, nuclear {}, sanctions {})",
        percent(state.punishment.expected.mean),
        percent(state.punishment.war_term),
        percent(state.punishment.nuclear_term),
        percent(state.punishment.sanctions_term)
    )?;
    writeln!(
        out,
        "    burden: {:.2}% of GDP a year (${:.1}bn); restraint {:.2}, escalation risk {}",
        state.burden.total_pct_gdp,
        state.burden.total_usd_bn,
        state.restraint.index,
        percent(state.restraint.escalation_risk.mean)
    )?;
    writeln!(
        out,
        "    acceptability: adversary {}, protected state {}",
        percent(state.acceptability.adversary.mean),
        percent(state.acceptability.protected_state)
    )?;
    let met = crate::plots::readings::demands_met(&state.acceptability.demands);
    if !met.is_empty() {
        writeln!(out, "      demands met: {met}")?;
    }
    for b in &state.break_even {
        let be = b
            .break_even_credibility
            .map_or("never (worse even at 100%)".to_string(), percent);
        writeln!(
            out,
            "    vs {}: {} attack chance {} vs {}; break-even credibility {}",
            b.baseline,
            b.arrangement,
            percent(b.chance_of_attack),
            percent(b.baseline_chance_of_attack),
            be
        )?;
    }
    over_time_text(out, state)?;
    for t in state.tornado.iter().take(5) {
        writeln!(
            out,
            "    swing {}: {} to {}",
            t.label,
            percent(t.attack_at_low),
            percent(t.attack_at_high)
        )?;
    }
    Ok(())
}

/// The chance by period and cumulated, the steps and the windows.
fn over_time_text(out: &mut dyn Write, state: &StateAssessment) -> std::io::Result<()> {
    let shown: Vec<String> = state
        .by_period
        .iter()
        .map(|p| percent(p.chance_of_attack.mean))
        .collect();
    if let Some(last) = state.cumulative.last() {
        let c = last.chance_of_attack;
        writeln!(
            out,
            "    over time: by period {}; by month {:.0}: {} (90% range {} to {})",
            shown.join(", "),
            last.end_month,
            percent(c.mean),
            percent(c.p5),
            percent(c.p95)
        )?;
    }
    for s in &state.steps {
        writeln!(
            out,
            "      month {}: {}; acceptance adversary {} -> {}, protected state {} -> {}",
            s.month,
            s.name,
            percent(s.adversary[0]),
            percent(s.adversary[1]),
            percent(s.protected_state[0]),
            percent(s.protected_state[1])
        )?;
    }
    for w in &state.windows {
        let kind = match w.kind {
            model::WindowKind::Vulnerability => "window of vulnerability",
            model::WindowKind::CommitmentProblem => "commitment problem",
        };
        writeln!(
            out,
            "      {kind}, months {} to {}: {}",
            w.start_month, w.end_month, w.reason
        )?;
    }
    Ok(())
}

fn list(ids: &[String]) -> String {
    if ids.is_empty() {
        "no arrangement".into()
    } else {
        ids.join(", ")
    }
}

/// Runs the backtest and prints each case and the AUC.
pub fn backtest(samples: u32, seed: u64, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match crate::backtest::run(samples, seed) {
        Ok(report) => {
            for r in &report.cases {
                let _ = writeln!(
                    out,
                    "{:<62} chance of attack {:>6}   {}",
                    r.title,
                    percent(r.chance_of_attack),
                    if r.case.attacked {
                        "attacked"
                    } else {
                        "not attacked"
                    }
                );
            }
            let _ = writeln!(
                out,
                "ROC AUC: {:.3} ({} cases)",
                report.auc,
                report.cases.len()
            );
            for line in crate::model::backtest::calibration_text(&report.calibration) {
                let _ = writeln!(out, "{line}");
            }
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            return 1;
        }
    }
    campaign_backtest(samples, seed, out, err)
}

/// Runs the campaign backtest and prints each campaign against history.
fn campaign_backtest(samples: u32, seed: u64, out: &mut dyn Write, err: &mut dyn Write) -> i32 {
    match crate::backtest::run_campaigns(samples, seed) {
        Ok(report) => {
            let _ = writeln!(
                out,
                "\nCampaigns: days to the objective, model (median) against history"
            );
            for r in &report.cases {
                let model = match (r.model_days, r.held) {
                    (_, held) if held >= 0.5 => format!("held in {}", percent(held)),
                    (Some(days), _) => format!("{days:.1} days"),
                    (None, _) => "held".into(),
                };
                let history = r
                    .case
                    .days
                    .map_or("held".to_string(), |d| format!("{d} days"));
                let verdict = match (r.case.scored, r.matches) {
                    (false, _) => "not scored",
                    (true, true) => "matches",
                    (true, false) => "MISSES",
                };
                let _ = writeln!(
                    out,
                    "{:<62} model {:>14}   history {:>9}   {verdict}",
                    r.title, model, history
                );
            }
            let _ = writeln!(out, "{}", report.summary());
            0
        }
        Err(e) => {
            let _ = writeln!(err, "{e}");
            1
        }
    }
}
