//! What editing on the map by pointer shares: the edit a tool hands the app
//! (a whole new document, applied as one undoable step or merged into a
//! drag's), and where a point clicked or dropped lands: the place it names
//! and the state it lies in.

use crate::kit::palette;
use crate::scenario::{GeoPoint, Place, Scenario};

use super::frame::Frame;

use super::geodata::Geodata;
use super::labels::country_name;
use super::places::CITIES;
use super::projection::distance_km;

/// A place within this distance of a city takes the city's name, km.
const CITY_SNAP_KM: f64 = 35.0;

/// An edit made on the map by pointer: the new document, its undo group and what to say
/// on the status line.
pub struct MapEdit {
    /// The document after the change.
    pub scenario: Scenario,
    /// Undo group (`Some` while dragging, so one drag is one step).
    pub group: Option<u64>,
    /// A message for the status line, if any.
    pub report: Option<String>,
}

/// A place at `geo` (lon, lat): named after the nearest city within
/// [`CITY_SNAP_KM`] (and put on it), else by its coordinates.
pub fn place_at(geo: [f64; 2]) -> Place {
    let nearest = CITIES
        .iter()
        .map(|c| (c, distance_km(geo, [c.lon, c.lat])))
        .filter(|(_, km)| *km <= CITY_SNAP_KM)
        .min_by(|a, b| a.1.total_cmp(&b.1));
    match nearest {
        Some((city, _)) => Place {
            name: city.name.into(),
            point: GeoPoint {
                lon: city.lon,
                lat: city.lat,
            },
        },
        None => {
            let round = |v: f64| (v * 1e3).round() / 1e3;
            let (lon, lat) = (round(geo[0]), round(geo[1]));
            let ns = if lat >= 0.0 { 'N' } else { 'S' };
            let ew = if lon >= 0.0 { 'E' } else { 'W' };
            Place {
                name: format!("{:.2}° {ns}, {:.2}° {ew}", lat.abs(), lon.abs()),
                point: GeoPoint { lon, lat },
            }
        }
    }
}

/// What is being put on the map, for the words of a refusal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Putting {
    /// An axis's objective, which lies in the state attacked.
    Objective,
    /// A guarantor's unit, which stands in a state of the scenario.
    Unit,
}

/// The state a point at `geo` lies in, if it is one of the scenario's states
/// other than the adversary; else why not, for the status line.
pub fn state_at(scenario: &Scenario, geo: [f64; 2], putting: Putting) -> Result<String, String> {
    let (thing, fix) = match putting {
        Putting::Objective => ("The objective", "put it in the state it would attack"),
        Putting::Unit => (
            "A guarantor's unit",
            "drop it in a state it would defend or stand in",
        ),
    };
    let Some(country) = Geodata::get().country_at(geo[0], geo[1]) else {
        return Err(format!("{thing} cannot be at sea: {fix}"));
    };
    let name = country_name(country.id, country.name);
    if country.id == scenario.adversary.state {
        return Err(format!("{thing} cannot be in {name}, the adversary: {fix}"));
    }
    if !scenario.states.iter().any(|s| s.id == country.id) {
        return Err(format!(
            "{thing} cannot be in {name}, which is not a state of this scenario: add it in the \
             States tab, or {fix}"
        ));
    }
    Ok(country.id.to_owned())
}

/// Says what a drawing tool's next click does: a box at the foot of the
/// map, above the line's source note and the scale bar, wrapped to fit.
pub(super) fn tool_hint(painter: &egui::Painter, frame: &Frame, text: &str) {
    let room = frame.rect.width() - frame.px(60.0);
    let galley = painter.layout(text.to_owned(), frame.font(13.0), palette::MAP_TEXT, room);
    let at = egui::pos2(
        frame.rect.center().x - galley.size().x / 2.0,
        frame.rect.bottom() - frame.px(64.0) - galley.size().y,
    );
    let back = egui::Rect::from_min_size(at, galley.size()).expand(frame.px(5.0));
    painter.rect_filled(back, frame.px(4.0), palette::MAP_PANEL);
    painter.galley(at, galley, palette::MAP_TEXT);
}

/// A first point clicked, waiting for the next: a dot, and a dashed line
/// from it to the pointer.
pub(super) fn rubber_band(
    painter: &egui::Painter,
    frame: &Frame,
    from: egui::Pos2,
    pointer: Option<egui::Pos2>,
) {
    painter.circle_filled(from, frame.px(5.0), palette::MAP_TOOL);
    if let Some(p) = pointer {
        painter.add(egui::Shape::dashed_line(
            &[from, p],
            frame.stroke(2.0, palette::MAP_TOOL),
            frame.px(8.0),
            frame.px(5.0),
        ));
    }
}

/// A handle taken hold of by pointer across frames (an axis's end, a vertex
/// of the line, a unit's marker), and a count of drags that gives each its
/// own undo group: the frames of one drag merge into one undo step.
pub(super) struct Grab<T> {
    held: Option<T>,
    drags: u64,
}

impl<T> Default for Grab<T> {
    fn default() -> Self {
        Self {
            held: None,
            drags: 0,
        }
    }
}

impl<T: Copy> Grab<T> {
    /// Takes hold of the handle `hit` finds where a drag starts; lets go
    /// where it stops (after the caller has seen the last frame of it).
    pub(super) fn update(
        &mut self,
        ui: &egui::Ui,
        response: &egui::Response,
        hit: impl Fn(egui::Pos2) -> Option<T>,
    ) {
        if response.drag_started()
            && let Some(origin) = ui.input(|i| i.pointer.press_origin())
        {
            self.held = hit(origin);
            if self.held.is_some() {
                self.drags += 1;
            }
        }
    }

    /// The handle held, if any.
    pub(super) fn held(&self) -> Option<T> {
        self.held
    }

    /// Lets go of the handle.
    pub(super) fn release(&mut self) {
        self.held = None;
    }

    /// The undo group of the drag under way: `base` plus its count.
    pub(super) fn group(&self, base: u64) -> Option<u64> {
        Some(base + self.drags)
    }
}

/// The context menu of a drawing tool that removes what was right-clicked
/// (an axis, a point of the line, an area): the thing under the pointer is
/// remembered at the right-click, the menu offers its removal (or says what
/// to right-click), and the thing is given back when its button is pressed.
pub(super) struct RemoveMenu<T> {
    target: Option<T>,
}

impl<T> Default for RemoveMenu<T> {
    fn default() -> Self {
        Self { target: None }
    }
}

impl<T: Copy> RemoveMenu<T> {
    /// Forgets what was right-clicked.
    pub(super) fn clear(&mut self) {
        self.target = None;
    }

    /// Handles the right-click and the menu for this frame: `hit` finds what
    /// lies under a point, `button` words its removal (none: it is gone), and
    /// `hint` says what to right-click. What to remove, when its button is
    /// pressed.
    pub(super) fn show(
        &mut self,
        response: &egui::Response,
        hit: impl Fn(egui::Pos2) -> Option<T>,
        button: impl Fn(T) -> Option<String>,
        hint: &str,
    ) -> Option<T> {
        if response.secondary_clicked() {
            self.target = response.interact_pointer_pos().and_then(&hit);
        }
        let mut removed = None;
        response.context_menu(|ui| match self.target.and_then(|t| Some((t, button(t)?))) {
            Some((target, label)) => {
                if ui.button(label).clicked() {
                    removed = Some(target);
                    ui.close();
                }
            }
            None => {
                ui.label(hint);
            }
        });
        if removed.is_some() {
            self.target = None;
        }
        removed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_near_a_city_takes_its_name_and_elsewhere_its_coordinates() {
        let kharkiv = place_at([36.3, 50.0]);
        assert_eq!(kharkiv.name, "Kharkiv");
        let field = place_at([33.123_456, 49.5]);
        assert_eq!(field.name, "49.50° N, 33.12° E");
        assert_eq!(field.point.lon, 33.123);
    }

    #[test]
    fn an_objective_must_lie_in_a_state_of_the_scenario_other_than_the_adversary() {
        let bytes = crate::assets::example("armed-neutrality.bulwark.json").expect("example");
        let s = crate::scenario::from_bytes("x", bytes).expect("loads");
        assert_eq!(
            state_at(&s, [30.5, 50.45], Putting::Objective).as_deref(),
            Ok("UKR")
        );
        let moscow = state_at(&s, [37.6, 55.75], Putting::Objective).expect_err("Moscow");
        assert!(
            moscow.contains("Russia") && moscow.contains("adversary"),
            "{moscow}"
        );
        let sea = state_at(&s, [34.0, 43.5], Putting::Unit).expect_err("the Black Sea");
        assert!(sea.contains("at sea"), "{sea}");
    }
}
