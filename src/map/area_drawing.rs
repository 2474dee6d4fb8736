//! The map's "Draw area" tool: click the corners of an area, then the first
//! corner again (or double-click) to close it, and say what it is — territory
//! the adversary demands (its share of the state it lies in worked out from
//! the map) or the area a guarantee covers. Right-click inside an area to
//! remove its outline. Each change is one undo step.

use egui::{Color32, Pos2, Rect, Response, Shape, Ui};

use crate::kit::palette;
use crate::scenario::areas::{
    AreaOf, add_demanded_area, area_label, contains, drawn_areas, remove_area,
};
use crate::scenario::{GeoPoint, Scenario, reference};

use super::editing::{MapEdit, RemoveMenu, tool_hint};
use super::frame::Frame;
use super::geodata::Geodata;
use super::held_area::{country_land, projected};
use super::places::CITIES;

/// How close to the first corner a click closes the area, points.
const CLOSE_PX: f32 = 10.0;

/// The tool's state between frames.
#[derive(Default)]
pub(super) struct AreaDrawing {
    /// The corners clicked so far.
    corners: Vec<GeoPoint>,
    /// A closed area waiting to be told what it is, and where to ask.
    closed: Option<(Vec<GeoPoint>, Pos2)>,
    /// The context menu removing the area right-clicked.
    menu: RemoveMenu<AreaOf>,
}

impl AreaDrawing {
    /// Forgets an area half drawn or waiting (another tab, another tool).
    pub(super) fn cancel(&mut self) {
        self.corners.clear();
        self.closed = None;
        self.menu.clear();
    }

    /// Handles the pointer on the map for this frame, and asks what a closed
    /// area is.
    pub(super) fn input(
        &mut self,
        ui: &Ui,
        response: &Response,
        frame: &Frame,
        scenario: &Scenario,
    ) -> Option<MapEdit> {
        if ui.input(|i| i.key_pressed(egui::Key::Escape)) {
            self.cancel();
        }
        if self.closed.is_none()
            && response.clicked()
            && let Some(pos) = response.interact_pointer_pos()
        {
            self.click(frame, pos, response.double_clicked());
        }
        let removed = self.menu.show(
            response,
            |pos| {
                let [lon, lat] = frame.to_geo(pos);
                drawn_areas(scenario)
                    .find(|(_, ring)| contains(ring, GeoPoint { lon, lat }))
                    .map(|(area, _)| area)
            },
            |area| {
                Some(format!(
                    "Remove the outline “{}”",
                    area_label(scenario, area)
                ))
            },
            "Right-click inside an area drawn on the map to remove it",
        );
        if let Some(area) = removed {
            let mut draft = scenario.clone();
            remove_area(&mut draft, area);
            return Some(MapEdit {
                scenario: draft,
                group: None,
                report: Some("Removed the area's outline (Undo brings it back)".into()),
            });
        }
        self.ask(ui, scenario)
    }

    /// A click: a corner, or on the first corner (or a double click) the
    /// area closed.
    fn click(&mut self, frame: &Frame, pos: Pos2, double: bool) {
        let on_first = self.corners.first().is_some_and(|first| {
            frame.geo_to_screen(first.lon, first.lat).distance(pos) <= frame.px(CLOSE_PX)
        });
        if (on_first || double) && self.corners.len() >= 3 {
            // A double click's first click added a corner where it closes.
            if double {
                self.corners.pop();
            }
            if self.corners.len() >= 3 {
                // Asked beside the area, to the right of its corners.
                let right = self
                    .corners
                    .iter()
                    .map(|p| frame.geo_to_screen(p.lon, p.lat))
                    .fold(Rect::NOTHING, |r, p| r.union(Rect::from_pos(p)));
                let at = right.right_top() + frame.offset(16.0, 0.0);
                self.closed = Some((std::mem::take(&mut self.corners), at));
            }
            return;
        }
        let [lon, lat] = frame.to_geo(pos);
        self.corners.push(GeoPoint { lon, lat });
    }

    /// Asks what a closed area is, beside where it was closed: a demand,
    /// the scope of one of the arrangements with guarantors, or nothing.
    fn ask(&mut self, ui: &Ui, scenario: &Scenario) -> Option<MapEdit> {
        let (ring, at) = self.closed.clone()?;
        let adversary = reference::state_name(scenario, &scenario.adversary.state);
        let mut chosen = None;
        let mut cancel = false;
        egui::Window::new("What is this area?")
            .fixed_pos(at)
            .collapsible(false)
            .resizable(false)
            .show(ui.ctx(), |ui| {
                if ui
                    .button(format!("Territory {adversary} demands"))
                    .on_hover_text("A territorial demand of the adversary: its share of the state it lies in is worked out from the map; set its weight in the Adversary tab")
                    .clicked()
                {
                    chosen = Some(None);
                }
                for (i, a) in scenario.arrangements.iter().enumerate() {
                    if a.guarantors.is_empty() {
                        continue;
                    }
                    if ui
                        .button(format!("What “{}” covers", a.name))
                        .on_hover_text("The guarantee's scope: an attack whose objective lies outside the area brings no intervention under it")
                        .clicked()
                    {
                        chosen = Some(Some(i));
                    }
                }
                cancel = ui.button("Cancel").clicked();
            });
        if cancel {
            self.closed = None;
            return None;
        }
        let choice = chosen?;
        self.closed = None;
        let mut draft = scenario.clone();
        let report = match choice {
            Some(i) => {
                draft.arrangements[i].scope_area = ring;
                format!(
                    "“{}” now covers the area drawn: attacks whose objective lies outside it bring no intervention under it",
                    scenario.arrangements[i].name
                )
            }
            None => demand_for(&mut draft, ring),
        };
        Some(MapEdit {
            scenario: draft,
            group: None,
            report: Some(report),
        })
    }

    /// Says what the next click does.
    pub(super) fn hint(&self, painter: &egui::Painter, frame: &Frame) {
        let text = match self.corners.len() {
            _ if self.closed.is_some() => "Say what the area is, or Cancel",
            0 => "New area: click its first corner · right-click inside an area to remove it",
            1 | 2 => "Click the next corner (Esc cancels)",
            _ => "Click the next corner, or the first one to close the area (Esc cancels)",
        };
        tool_hint(painter, frame, text);
    }

    /// Paints the area being drawn: its corners, its sides and the side to
    /// the pointer.
    pub(super) fn paint(&self, painter: &egui::Painter, frame: &Frame, pointer: Option<Pos2>) {
        let ring: &[GeoPoint] = match &self.closed {
            Some((ring, _)) => ring,
            None => &self.corners,
        };
        let mut points: Vec<Pos2> = ring
            .iter()
            .map(|p| frame.geo_to_screen(p.lon, p.lat))
            .collect();
        if self.closed.is_some() {
            points.extend(points.first().copied());
        } else if let Some(p) = pointer.filter(|_| !points.is_empty()) {
            points.push(p);
        }
        let stroke = frame.stroke(2.0, palette::MAP_TOOL);
        painter.extend(Shape::dashed_line(
            &points,
            stroke,
            frame.px(8.0),
            frame.px(5.0),
        ));
        for p in ring.iter().map(|p| frame.geo_to_screen(p.lon, p.lat)) {
            painter.circle(p, frame.px(4.5), Color32::from_white_alpha(170), stroke);
        }
    }
}

/// Adds the territorial demand of an area drawn, named after a city near
/// its middle, with its share of the state it mostly lies in; says so.
fn demand_for(scenario: &mut Scenario, ring: Vec<GeoPoint>) -> String {
    let n = ring.len() as f64;
    let (lon, lat) = ring
        .iter()
        .fold((0.0, 0.0), |(x, y), p| (x + p.lon / n, y + p.lat / n));
    // Named after the city inside it nearest its middle.
    let middle = GeoPoint { lon, lat };
    let city = CITIES
        .iter()
        .map(|c| GeoPoint {
            lon: c.lon,
            lat: c.lat,
        })
        .zip(CITIES)
        .filter(|(at, _)| contains(&ring, *at))
        .min_by(|a, b| a.0.distance_km(middle).total_cmp(&b.0.distance_km(middle)));
    let region = match city {
        Some((_, city)) => format!("Area around {}", city.name),
        None => format!("Area {}", scenario.adversary.demands.len() + 1),
    };
    let (state, share) = share_of_state(scenario, &ring).unwrap_or_default();
    add_demanded_area(scenario, ring, &region, share);
    let of = if state.is_empty() {
        "no state of the scenario".to_owned()
    } else {
        reference::state_name(scenario, &state)
    };
    format!(
        "Added the demand “{region}”: {:.1} % of {of}; its weight (0.5, assumed) is in the Adversary tab",
        100.0 * share
    )
}

/// The scenario's state (not the adversary) the area covers most of, and
/// the share of that state's land it covers.
fn share_of_state(scenario: &Scenario, ring: &[GeoPoint]) -> Option<(String, f64)> {
    use geo::{Area, BooleanOps};
    let lonlat: Vec<(f64, f64)> = ring.iter().map(|p| (p.lon, p.lat)).collect();
    let area = geo::MultiPolygon(vec![projected(&lonlat)]);
    let data = Geodata::get();
    scenario
        .states
        .iter()
        .filter(|s| s.id != scenario.adversary.state)
        .filter_map(|s| {
            let land = country_land(data.country(&s.id)?);
            let inside = land.intersection(&area).unsigned_area();
            let whole = land.unsigned_area();
            (inside > 0.0 && whole > 0.0).then(|| (s.id.clone(), inside, inside / whole))
        })
        .max_by(|a, b| a.1.total_cmp(&b.1))
        .map(|(id, _, share)| (id, share))
}
