//! The Axes tab: the axes of advance into the protected states — where an
//! attack would go, how far, over what ground, with what share of each side's
//! forces, and, across water or by air, how fast the attacker lands.

use egui::Ui;

use crate::kit::widgets::{self, EditTracker};
use crate::scenario::{
    Axis, Crossing, DefenceLine, GeoPoint, Place, RiverCrossing, Scenario, axes,
};

use super::{part_warnings, state_options};

/// Draws the tab; `warnings` are the document's consistency warnings, each
/// shown in the section of the axis it is about.
pub fn show(
    ui: &mut Ui,
    ed: &mut EditTracker,
    scenario: &mut Scenario,
    warnings: &[crate::scenario::Problem],
) {
    ui.weak(
        "Each axis is a route an attack could take into a protected state. A state with no axis \
         gets one default axis from the adversary's capital to its own.",
    );
    let options = state_options(scenario);
    let mut remove = None;
    for (i, axis) in scenario.axes.iter_mut().enumerate() {
        ui.push_id(("axis", i), |ui| {
            let defender = options
                .iter()
                .find(|(id, _)| *id == axis.defender)
                .map_or(axis.defender.as_str(), |(_, name)| name.as_str());
            egui::CollapsingHeader::new(format!("{} (into {defender})", axis.name))
                .id_salt(("axis_header", i))
                .default_open(i == 0)
                .show(ui, |ui| {
                    part_warnings(ui, warnings, &format!("axes[{i}]"));
                    details(ui, ed, axis, &options);
                    if ui
                        .button("Remove axis")
                        .on_hover_text("Remove this axis; units that fought on it are spread over the others (Undo brings it back)")
                        .clicked()
                    {
                        remove = Some(i);
                    }
                });
        });
    }
    if let Some(i) = remove {
        axes::remove_axis(scenario, i);
        ed.group = None;
    }
    ui.horizontal(|ui| {
        add(ui, scenario, &options);
        add_standard(ui, scenario);
    });
}

/// The "Add a standard axis" menu: the theatre library's axes into the
/// scenario's states that it lacks, each with its source as the tooltip.
fn add_standard(ui: &mut Ui, scenario: &mut Scenario) {
    let missing = axes::standard_axes_missing(scenario);
    ui.add_enabled_ui(!missing.is_empty(), |ui| {
        ui.menu_button("Add a standard axis", |ui| {
            for standard in missing {
                let into =
                    crate::scenario::reference::state_name(scenario, &standard.axis.defender);
                let item = ui
                    .button(format!("{} (into {into})", standard.axis.name))
                    .on_hover_text(&standard.source);
                if item.clicked() {
                    axes::add_standard_axis(scenario, standard);
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text("An axis of the theatre library, with its source")
        .on_disabled_hover_text("Every standard axis into these states is already here");
    });
}

/// The "Add axis" menu: one entry per state of the scenario but the adversary.
fn add(ui: &mut Ui, scenario: &mut Scenario, options: &[(String, String)]) {
    let targets: Vec<&(String, String)> = options
        .iter()
        .filter(|(id, _)| *id != scenario.adversary.state)
        .collect();
    ui.add_enabled_ui(!targets.is_empty(), |ui| {
        ui.menu_button("Add axis", |ui| {
            for (id, name) in targets {
                if ui.button(format!("Into {name}")).clicked() {
                    axes::add_axis(scenario, id);
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text(
            "A new axis from the adversary's capital to the state's; then move its ends",
        );
    });
}

/// The fields of one axis.
fn details(ui: &mut Ui, ed: &mut EditTracker, axis: &mut Axis, options: &[(String, String)]) {
    widgets::text(ui, ed, "Name", &mut axis.name, "Name shown on the map");
    widgets::state_choice(
        ui,
        ed,
        "Into",
        &mut axis.defender,
        options,
        "The state whose territory is attacked along this axis",
    );
    place(
        ui,
        ed,
        "Start",
        &mut axis.start,
        "Where the advance starts (across water or by air: where it lands)",
    );
    place(
        ui,
        ed,
        "Objective",
        &mut axis.objective,
        "The objective whose fall would be a fait accompli",
    );
    let km = crate::scenario::axes::route_km(axis);
    ui.weak(format!("Route: {km:.0} km"));
    widgets::number(
        ui,
        ed,
        "Route factor",
        &mut axis.route_factor,
        1.0..=5.0,
        "×",
        "Road distance over the straight-line distance (roads wind): 1 to 5",
    );
    widgets::number(
        ui,
        ed,
        "Terrain",
        &mut axis.terrain,
        0.0..=1.0,
        "",
        "How much the ground slows an advance: 0 impassable, 1 open plain",
    );
    widgets::number(
        ui,
        ed,
        "Adversary's share",
        &mut axis.adversary_share,
        0.0..=1.0,
        "",
        "Share of the adversary's theatre forces on this axis",
    );
    widgets::number(
        ui,
        ed,
        "Defender's share",
        &mut axis.defender_share,
        0.0..=1.0,
        "",
        "Share of the defender's forces that can reach this axis in time",
    );
    widgets::choice(ui, ed, "Crossing", &mut axis.crossing);
    if axis.crossing != Crossing::Land {
        lift(ui, ed, axis);
    }
    river_crossings(ui, ed, axis);
    defence_lines(ui, ed, axis);
}

/// The river crossings on an axis's route: each one's name, place and
/// bridges, with buttons to add and remove them.
fn river_crossings(ui: &mut Ui, ed: &mut EditTracker, axis: &mut Axis) {
    let heading = if axis.river_crossings.is_empty() {
        "River crossings: none"
    } else {
        "River crossings"
    };
    ui.label(heading).on_hover_text(
        "Rivers the route crosses: at one whose bridges are blown the attack halts for the \
         bridging time while only its assault crossing fights on the far bank",
    );
    let kms: Vec<f64> = axis
        .river_crossings
        .iter()
        .map(|r| axes::km_along(axis, r.point))
        .collect();
    if marks(ui, ed, &mut axis.river_crossings, &kms, river_crossing) {
        ed.group = None;
    }
    let add = ui
        .button("Add river crossing")
        .on_hover_text("A crossing half-way along the axis; then move it onto the river");
    if add.clicked() {
        axes::add_river_crossing(axis);
        ed.group = None;
    }
}

/// The fields of each mark on an axis's route (river crossings, defence
/// lines), indented, `row` drawing one with what it needs to know (its km
/// along the route, …) and saying whether its Remove button was clicked;
/// true when one was removed.
fn marks<T, C: Copy>(
    ui: &mut Ui,
    ed: &mut EditTracker,
    items: &mut Vec<T>,
    kms: &[C],
    row: fn(&mut Ui, &mut EditTracker, &mut T, C) -> bool,
) -> bool {
    let mut remove = None;
    for (i, (item, km)) in items.iter_mut().zip(kms).enumerate() {
        ui.push_id(("mark", i), |ui| {
            ui.indent("mark_fields", |ui| {
                if row(ui, ed, item, *km) {
                    remove = Some(i);
                }
            });
        });
    }
    if let Some(i) = remove {
        items.remove(i);
    }
    remove.is_some()
}

/// One river crossing's fields; true when its Remove button was clicked.
fn river_crossing(ui: &mut Ui, ed: &mut EditTracker, river: &mut RiverCrossing, km: f64) -> bool {
    widgets::text(
        ui,
        ed,
        "River",
        &mut river.name,
        "The river and the crossing, e.g. \"Irpin at the Romanivka bridge\"",
    );
    position(ui, ed, &mut river.point, " of the crossing");
    ui.weak(format!("{km:.0} km along the route"));
    widgets::choice(ui, ed, "Bridges", &mut river.bridges);
    ui.button("Remove crossing")
        .on_hover_text("Remove this river crossing (Undo brings it back)")
        .clicked()
}

/// The lines the defence holds behind the axis's front: each one's name,
/// place and share of the defence, with buttons to add and remove them.
fn defence_lines(ui: &mut Ui, ed: &mut EditTracker, axis: &mut Axis) {
    let held: f64 = axis.defence_lines.iter().map(|l| l.share).sum();
    let heading = if axis.defence_lines.is_empty() {
        "Defence lines: none (the whole defence at the front)".to_owned()
    } else {
        format!(
            "Defence lines: {:.0}% of the defence behind the front",
            100.0 * held
        )
    };
    ui.label(heading).on_hover_text(
        "Lines the defence holds behind the front: the share of the defender's own active \
         forces on this axis standing on each line joins the fight only when the attack \
         reaches it (defence in depth, met in turn); the rest stand at the front",
    );
    // Each line's km, and the most it can hold with the others as they are,
    // so the shares never add up to more than all of the defence.
    let kms: Vec<(f64, f64)> = axis
        .defence_lines
        .iter()
        .map(|l| {
            let room = (1.0 - (held - l.share)).clamp(0.0, 1.0);
            (axes::km_along(axis, l.point), room)
        })
        .collect();
    if marks(ui, ed, &mut axis.defence_lines, &kms, defence_line) {
        ed.group = None;
    }
    let add = ui
        .button("Add defence line")
        .on_hover_text("A line half-way along the axis; then move it and set its share");
    if add.clicked() {
        axes::add_defence_line(axis);
        ed.group = None;
    }
}

/// One defence line's fields; true when its Remove button was clicked.
fn defence_line(
    ui: &mut Ui,
    ed: &mut EditTracker,
    line: &mut DefenceLine,
    (km, room): (f64, f64),
) -> bool {
    widgets::text(
        ui,
        ed,
        "Line",
        &mut line.name,
        "The line and who holds it, e.g. \"Jebel Libni (3rd Infantry Division)\"",
    );
    position(
        ui,
        ed,
        &mut line.point,
        " of where the route meets the line",
    );
    ui.weak(format!("{km:.0} km along the route"));
    widgets::number(
        ui,
        ed,
        "Share of the defence",
        &mut line.share,
        0.0..=room,
        "",
        "Share of the defender's own active forces on this axis standing on this line; the lines' shares add up to at most 1 (this one can hold what the others leave)",
    );
    ui.button("Remove line")
        .on_hover_text("Remove this defence line (Undo brings it back)")
        .clicked()
}

/// A place's name and position.
fn place(ui: &mut Ui, ed: &mut EditTracker, label: &str, place: &mut Place, tip: &str) {
    ui.push_id(label, |ui| {
        widgets::text(ui, ed, label, &mut place.name, tip);
        position(ui, ed, &mut place.point, "");
    });
}

/// A point's longitude and latitude on one row; `of` ends their tooltips.
fn position(ui: &mut Ui, ed: &mut EditTracker, point: &mut GeoPoint, of: &str) {
    ui.horizontal(|ui| {
        let east = format!("Degrees east{of}");
        let north = format!("Degrees north{of}");
        widgets::number(
            ui,
            ed,
            "Longitude",
            &mut point.lon,
            -180.0..=180.0,
            "°",
            &east,
        );
        widgets::number(
            ui,
            ed,
            "Latitude",
            &mut point.lat,
            -90.0..=90.0,
            "°",
            &north,
        );
    });
}

/// The lift of an axis across water or by air.
fn lift(ui: &mut Ui, ed: &mut EditTracker, axis: &mut Axis) {
    let per_day = "Troops landed each day after the first wave; unticked: all at once";
    widgets::optional_number(
        ui,
        ed,
        ("Lift a day", per_day),
        ("Lift per day", per_day),
        &mut axis.lift_per_day,
        (2000.0, 0.0..=1.0e8, " troops"),
    );
    let wave = "Troops landed in the first wave; unticked: one day's lift";
    widgets::optional_number(
        ui,
        ed,
        ("Own first wave", wave),
        ("First wave", wave),
        &mut axis.lift_first_wave,
        (1000.0, 0.0..=1.0e8, " troops"),
    );
    let landing = "When the first wave lands, in days from the start of the attack (the crossing); unticked: day 0";
    widgets::optional_number(
        ui,
        ed,
        ("Lands later", landing),
        ("Landing day", landing),
        &mut axis.landing_day,
        (0.25, 0.0..=365.0, " days"),
    );
}
