//! The timeline strip under the map: the horizon from the ceasefire, each
//! step a marker at the month it is taken (drag it to move the step), the
//! assessment's windows of vulnerability and commitment problems shaded, and
//! a scrubber that sets the month the map and the assessment show (drag or
//! click anywhere on the strip; ← and → step a month, with Shift a year).

use egui::{Color32, Pos2, Rect, Sense, Stroke, Ui, vec2};

use crate::kit::{palette, steps};
use crate::model::{Assessment, WindowKind};
use crate::scenario::{Scenario, timeline};
use crate::ui::commands::Command;

/// The strip's height, points.
pub const HEIGHT: f32 = 98.0;

/// Rows of step labels above the track.
const LABEL_ROWS: usize = 3;

/// Side margin of the track, points.
const MARGIN: f32 = 16.0;

/// What the user did on the strip this frame.
#[derive(Default)]
pub struct StripOutput {
    /// Month shown and step moves, as commands.
    pub commands: Vec<Command>,
    /// The step (index in the timeline) the user clicked, to open in the
    /// Timeline tab.
    pub opened: Option<usize>,
}

/// The months across the track: where a month lies, and which month a point is.
struct Track {
    left: f32,
    right: f32,
    months: f64,
}

impl Track {
    fn x(&self, month: f64) -> f32 {
        self.left + (self.right - self.left) * (month / self.months).clamp(0.0, 1.0) as f32
    }

    fn month(&self, x: f32) -> f64 {
        let share = ((x - self.left) / (self.right - self.left).max(1.0)).clamp(0.0, 1.0);
        (f64::from(share) * self.months).round()
    }
}

/// Draws the strip for `scenario` (which has a timeline) showing `month`;
/// `assessment` gives the windows to shade.
pub fn show(
    ui: &mut Ui,
    scenario: &Scenario,
    month: f64,
    assessment: Option<&Assessment>,
) -> StripOutput {
    let mut out = StripOutput::default();
    let (rect, _) = ui.allocate_exact_size(vec2(ui.available_width(), HEIGHT), Sense::hover());
    let track = Track {
        left: rect.left() + MARGIN,
        right: rect.right() - MARGIN,
        months: (scenario.horizon_years * 12.0).max(1.0),
    };
    let y = rect.top() + 72.0;
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    painter.text(
        Pos2::new(rect.left() + 4.0, rect.top() + 2.0),
        egui::Align2::LEFT_TOP,
        format!("Timeline: showing {}", steps::month(month)),
        egui::FontId::proportional(13.0),
        text,
    );
    key(&painter, rect, text);
    let scrub = scrubber(ui, rect, &track, month, &mut out);
    windows(ui, &painter, &track, y, assessment, &scrub);
    ticks(&painter, &track, y, weak);
    markers(ui, scenario, &track, y, &mut out);
    let x = track.x(month);
    let stroke = Stroke::new(2.0, text);
    painter.line_segment(
        [Pos2::new(x, rect.top() + 20.0), Pos2::new(x, y + 10.0)],
        stroke,
    );
    painter.add(egui::Shape::convex_polygon(
        vec![
            Pos2::new(x - 6.0, rect.top() + 18.0),
            Pos2::new(x + 6.0, rect.top() + 18.0),
            Pos2::new(x, rect.top() + 26.0),
        ],
        text,
        Stroke::NONE,
    ));
    out
}

/// The whole strip as the scrubber: a click or drag sets the month shown,
/// and with the keyboard focus ← and → step it. Named for screen readers.
fn scrubber(
    ui: &mut Ui,
    rect: Rect,
    track: &Track,
    month: f64,
    out: &mut StripOutput,
) -> egui::Response {
    let id = ui.scope_id().with("timeline_scrubber");
    let response = ui.interact(rect, id, Sense::click_and_drag());
    let label = format!("Month shown: {}", steps::month(month));
    response.widget_info(|| egui::WidgetInfo::slider(true, month, label.clone()));
    if (response.clicked() || response.dragged())
        && let Some(p) = response.interact_pointer_pos()
    {
        let m = track.month(p.x);
        if m != month {
            out.commands.push(Command::ShowMonth(m));
        }
    }
    if response.has_focus() {
        let (left, right, shift) = ui.input(|i| {
            (
                i.key_pressed(egui::Key::ArrowLeft),
                i.key_pressed(egui::Key::ArrowRight),
                i.modifiers.shift,
            )
        });
        let by = if shift { 12.0 } else { 1.0 };
        let to = month + by * (f64::from(u8::from(right)) - f64::from(u8::from(left)));
        if to != month {
            out.commands
                .push(Command::ShowMonth(to.clamp(0.0, track.months)));
        }
    }
    response
}

/// What the shading means, at the right of the strip's heading.
fn key(painter: &egui::Painter, rect: Rect, text: Color32) {
    let font = egui::FontId::proportional(11.0);
    let mut right = rect.right() - 4.0;
    for (label, colour) in [
        ("commitment problem", palette::PROTECTED),
        ("window of vulnerability", palette::WARNING),
    ] {
        let galley = painter.layout_no_wrap(label.to_owned(), font.clone(), text);
        let left = right - galley.size().x;
        painter.galley(Pos2::new(left, rect.top() + 3.0), galley, text);
        let swatch = Rect::from_min_size(Pos2::new(left - 16.0, rect.top() + 5.0), vec2(12.0, 9.0));
        painter.rect_filled(swatch, 1.0, colour.gamma_multiply(0.55));
        right = swatch.left() - 12.0;
    }
}

/// The year ticks along the track, labelled below it.
fn ticks(painter: &egui::Painter, track: &Track, y: f32, colour: Color32) {
    painter.line_segment(
        [Pos2::new(track.left, y), Pos2::new(track.right, y)],
        Stroke::new(1.5, colour),
    );
    let years = (track.months / 12.0).ceil() as i64;
    let every = if years > 20 { 5 } else { 1 };
    for year in (0..=years).step_by(every) {
        let x = track.x(year as f64 * 12.0);
        painter.line_segment(
            [Pos2::new(x, y - 4.0), Pos2::new(x, y + 4.0)],
            Stroke::new(1.0, colour),
        );
        let label = if year == 0 {
            "ceasefire".to_owned()
        } else {
            format!("{year} y")
        };
        // The first label starts at its tick, so the strip's edge does not cut it.
        let (at, align) = if year == 0 {
            (x - 4.0, egui::Align2::LEFT_TOP)
        } else {
            (x, egui::Align2::CENTER_TOP)
        };
        painter.text(
            Pos2::new(at, y + 8.0),
            align,
            label,
            egui::FontId::proportional(11.0),
            colour,
        );
    }
}

/// The assessment's windows, shaded on the track (vulnerability above,
/// commitment problems below), their reasons on hover.
fn windows(
    ui: &Ui,
    painter: &egui::Painter,
    track: &Track,
    y: f32,
    assessment: Option<&Assessment>,
    strip: &egui::Response,
) {
    let Some(assessment) = assessment else { return };
    let mut reasons = Vec::new();
    let pointer = ui.input(|i| i.pointer.hover_pos());
    for state in &assessment.states {
        for w in &state.windows {
            let (top, bottom, colour) = match w.kind {
                WindowKind::Vulnerability => (y - 9.0, y, palette::WARNING),
                WindowKind::CommitmentProblem => (y, y + 6.0, palette::PROTECTED),
            };
            let band =
                Rect::from_x_y_ranges(track.x(w.start_month)..=track.x(w.end_month), top..=bottom);
            painter.rect_filled(band, 1.0, colour.gamma_multiply(0.55));
            if pointer.is_some_and(|p| band.expand2(vec2(0.0, 4.0)).contains(p)) {
                reasons.push(format!("{}: {}", state.name, w.reason));
            }
        }
    }
    if !reasons.is_empty() && strip.hovered() {
        strip.clone().on_hover_text_at_pointer(reasons.join("\n"));
    }
}

/// The steps as markers at the month each is taken, labelled above the
/// track (alternating rows where labels would touch); a marker is dragged to
/// move its step and clicked to open it.
fn markers(ui: &mut Ui, scenario: &Scenario, track: &Track, y: f32, out: &mut StripOutput) {
    let order = timeline::in_order(&scenario.timeline.steps);
    // Where each row of labels is free from (labels go in the first row
    // with room; a label with none is left to the marker's tooltip).
    let mut free_from = [f32::NEG_INFINITY; LABEL_ROWS];
    for (taken, step) in order {
        let Some(index) = scenario
            .timeline
            .steps
            .iter()
            .position(|s| std::ptr::eq(s, step))
        else {
            continue;
        };
        let x = track.x(taken);
        let centre = Pos2::new(x, y);
        let id = ui.scope_id().with(("timeline_step", &step.id));
        let response = ui.interact(
            Rect::from_center_size(centre, vec2(16.0, 16.0)),
            id,
            Sense::click_and_drag(),
        );
        let name = step.name.clone();
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Step: {name}"))
        });
        let colour = steps::colour(&step.change);
        let size = if response.hovered() || response.dragged() {
            8.0
        } else {
            6.5
        };
        let painter = ui.painter();
        let outline = Stroke::new(1.0, ui.visuals().text_color());
        painter.add(steps::marker(centre, size, colour, outline));
        let font = egui::FontId::proportional(11.0);
        let label: String = if step.name.chars().count() > 24 {
            step.name
                .chars()
                .take(23)
                .chain(std::iter::once('…'))
                .collect()
        } else {
            step.name.clone()
        };
        let galley = painter.layout_no_wrap(label, font, ui.visuals().text_color());
        // A label starts at its marker and reads to the right (to the left
        // near the strip's right end).
        let width = galley.size().x;
        let left = if x + width > track.right + MARGIN - 2.0 {
            x - width
        } else {
            x - 3.0
        };
        if let Some(row) = free_from.iter().position(|free| left > *free + 6.0) {
            free_from[row] = left + width;
            let top = y - 22.0 - 13.0 * row as f32;
            painter.galley(Pos2::new(left, top), galley, ui.visuals().text_color());
        }
        let waits = step
            .after
            .as_ref()
            .map(|a| format!("\nWaits on '{a}': taken at {}", steps::month(taken)))
            .unwrap_or_default();
        let response = response.on_hover_text(format!(
            "{}\n{}\nAt {}{waits}\n\nDrag to move the step; click to edit it in the Timeline tab.",
            step.name,
            steps::describe(scenario, step),
            steps::month(step.month),
        ));
        if response.dragged()
            && let Some(p) = response.interact_pointer_pos()
        {
            let month = track.month(p.x);
            if month != step.month {
                let mut draft = scenario.clone();
                draft.timeline.steps[index].month = month;
                out.commands.push(Command::Edit {
                    scenario: Box::new(draft),
                    group: Some(id.value()),
                });
                out.commands.push(Command::ShowMonth(month));
            }
        }
        if response.clicked() {
            out.opened = Some(index);
            out.commands.push(Command::ShowMonth(taken));
        }
    }
}
