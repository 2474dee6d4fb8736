//! The right panel: the assessment of the active scenario. Headline figures per
//! protected state with a plain-language reading, and the plots: distribution of
//! the chance of attack, tornado, campaign, burden over the years, the
//! acceptability-versus-deterrence trade-off of every open scenario, and the
//! break-even credibility.

use std::sync::Arc;

use egui::{RichText, Ui};

use crate::kit::choices::Choice;
use crate::model::Assessment;
use crate::plots::{self, PANEL_PLOTS, PlotKind, TradeOffPoint};

use super::assessment_runner::RunState;
use super::commands::Command;
use super::sensitivity_view::SensitivityView;
use super::sweep_view::SweepView;
use super::voi_view::VoiView;
use crate::kit::lazy;
use crate::kit::theme;

/// Editing state of the panel.
pub struct PanelState {
    /// The plot shown (one of [`PANEL_PLOTS`]).
    pub plot: PlotKind,
    /// The size a plot is exported at (an index into
    /// `present::export::FIGURE_SIZES`).
    figure_size: usize,
    /// The global sensitivity shown under the tornado.
    pub sensitivity: SensitivityView,
    /// The sweep shown under the global sensitivity.
    pub sweep: SweepView,
    /// The value of information shown under the sweep.
    pub voi: VoiView,
}

impl Default for PanelState {
    fn default() -> Self {
        Self {
            plot: PlotKind::AttackDistribution,
            figure_size: 0,
            sensitivity: SensitivityView::default(),
            sweep: SweepView::default(),
            voi: VoiView::default(),
        }
    }
}

impl PanelState {
    /// The size a plot is exported at, pixels.
    pub fn figure_size(&self) -> [u32; 2] {
        let sizes = crate::present::export::FIGURE_SIZES;
        sizes.get(self.figure_size).unwrap_or(&sizes[0]).1
    }
}

/// How far a run in flight has got, with a button to stop it; the command,
/// when the button is clicked.
fn progress(ui: &mut Ui, run: &RunState) -> Option<Command> {
    let (fraction, done, all) = run.progress?;
    let mut command = None;
    ui.horizontal(|ui| {
        let text = format!(
            "{} of {} draws",
            crate::kit::format::thousands(done as f64),
            crate::kit::format::thousands(all as f64)
        );
        ui.add(
            egui::ProgressBar::new(fraction as f32)
                .desired_width(ui.available_width() - 60.0)
                .text(text),
        );
        if ui
            .button(Command::StopAssessment.label())
            .on_hover_text(Command::StopAssessment.tooltip())
            .clicked()
        {
            command = Some(Command::StopAssessment);
        }
    });
    command
}

/// The document the panel shows: its id, revision and scenario.
pub type Shown<'a> = (u64, u64, &'a crate::scenario::Scenario);

/// Draws the panel; returns the command given in it (show a plot, export
/// it, assess again…), if any.
pub fn show(
    ui: &mut Ui,
    state: &mut PanelState,
    run: &RunState,
    trade_off: &[TradeOffPoint],
    (doc, revision, scenario): Shown<'_>,
) -> Option<Command> {
    let mut command = None;
    ui.horizontal(|ui| {
        ui.heading("Assessment");
        if run.running {
            ui.spinner();
            ui.weak("updating…");
        }
    });
    if let Some(given) = progress(ui, run) {
        command = Some(given);
    }
    if run.stopped && (run.result.is_none() || run.stale) {
        let text = if run.result.is_none() {
            "Stopped before it finished: no figures for this version."
        } else {
            "Stopped before it finished: the figures below are for the previous version."
        };
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(text).color(theme::warning_text(ui)));
            if ui
                .button(Command::AssessAgain.label())
                .on_hover_text(Command::AssessAgain.tooltip())
                .clicked()
            {
                command = Some(Command::AssessAgain);
            }
        });
        if run.result.is_none() {
            return command;
        }
    }
    if let Some(why) = &run.refused {
        ui.label(RichText::new(format!("Not assessed: {why}.")).color(theme::warning_text(ui)));
        return command;
    }
    let Some(assessment) = &run.result else {
        ui.label("Assessing the scenario…");
        return command;
    };
    if run.stale && !run.stopped {
        ui.label(
            RichText::new("Figures below are for the previous version; updating.")
                .color(theme::warning_text(ui)),
        );
    }
    ui.weak(format!(
        "{} draws, seed {}, horizon {} years",
        assessment.samples, assessment.seed, assessment.horizon_years
    ));
    if assessment.states.is_empty() {
        ui.label("No protected state: add an arrangement in the Arrangements tab.");
        return command;
    }
    egui::ScrollArea::vertical()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            // What the headlines show: this result (its address while the
            // panel holds it, and figures that differ between results).
            let result = (
                Arc::as_ptr(assessment) as usize,
                assessment.seed,
                assessment.samples,
            );
            for (i, s) in assessment.states.iter().enumerate() {
                let shown = (result, s.decision.chance_of_attack.mean.to_bits());
                lazy::section(ui, ("headline", i), lazy::key(&shown), |ui| {
                    plots::headline::figures(ui, assessment, s);
                });
                ui.add_space(4.0);
            }
            ui.separator();
            ui.horizontal_wrapped(|ui| {
                for plot in PANEL_PLOTS {
                    let shown = ui
                        .selectable_label(state.plot == plot, plot.short_label())
                        .on_hover_text(plot.help());
                    if shown.clicked() {
                        command = Some(Command::ShowPlot(plot));
                    }
                }
            });
            // The export on a row of its own, so that it never widens the panel.
            ui.horizontal_wrapped(|ui| {
                let button = ui
                    .small_button(Command::ExportPlot(state.plot).label())
                    .on_hover_text(format!(
                        "Save the {} plot as a PNG figure for a report, where you choose: light, \
                         titled, with the scenario and the source of its figures",
                        state.plot.short_label().to_lowercase()
                    ));
                if button.clicked() {
                    command = Some(Command::ExportPlot(state.plot));
                }
                figure_size(ui, state);
            });
            // The trade-off plot shows every open scenario's point.
            let plot = state.plot;
            let points: Vec<_> = trade_off
                .iter()
                .map(|p| {
                    let (a, d) = (p.acceptability.to_bits(), p.deterrence.to_bits());
                    (&p.title, a, d, p.active)
                })
                .collect();
            let shown = (result, plot, points);
            lazy::section(ui, "panel_plot", lazy::key(&shown), |ui| {
                if let Some(given) = plot_block(ui, plot, assessment, trade_off) {
                    command = Some(given);
                }
            });
            if plot == PlotKind::Tornado {
                state.sensitivity.show(ui, (doc, revision), scenario);
                state.sweep.show(ui, (doc, revision), scenario);
                state.voi.show(ui, (doc, revision), scenario);
            }
        });
    command
}

/// The chosen plot of the first protected state, with its export menu; the
/// command the menu gave, if any.
fn plot_block(
    ui: &mut Ui,
    plot: PlotKind,
    assessment: &Assessment,
    trade_off: &[TradeOffPoint],
) -> Option<Command> {
    let first = &assessment.states[0];
    let plot_area = plots::draw(ui, plot, assessment, first, trade_off, 220.0, true)?;
    let mut command = None;
    plot_area.context_menu(|ui| {
        if ui.button(Command::ExportPlot(plot).label()).clicked() {
            command = Some(Command::ExportPlot(plot));
        }
    });
    command
}

/// The size a plot is exported at, from the figure sizes.
fn figure_size(ui: &mut Ui, state: &mut PanelState) {
    let sizes = crate::present::export::FIGURE_SIZES;
    let shown = sizes.get(state.figure_size).unwrap_or(&sizes[0]).0;
    let label = ui.weak("size");
    egui::ComboBox::from_id_salt("figure_size")
        .selected_text(shown.split(" (").next().unwrap_or(shown))
        .show_ui(ui, |ui| {
            for (i, (name, _)) in sizes.iter().enumerate() {
                ui.selectable_value(&mut state.figure_size, i, *name);
            }
        })
        .response
        .labelled_by(label.id)
        .on_hover_text("The size in pixels a plot is exported at");
}
