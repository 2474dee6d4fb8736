//! Building a case on the map by pointer, through the whole app: an axis
//! drawn, its end dragged, each change undone, an axis removed from its
//! context menu.

use egui::Pos2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use bulwark::scenario::placing::UnitRef;
use bulwark::ui::{BulwarkApp, Command};

use crate::common::{self, WINDOW};

/// Where a point (lon, lat) is on the workspace map in the last frame.
fn on_map(h: &Harness<'_, BulwarkApp>, lon: f64, lat: f64) -> Pos2 {
    h.state()
        .views()
        .map
        .geo_to_screen(lon, lat)
        .expect("the map is shown")
}

/// A click of the primary button at `at`.
fn click_at(h: &mut Harness<'_, BulwarkApp>, at: Pos2) {
    h.hover_at(at);
    h.run();
    h.drag_at(at);
    h.run();
    h.drop_at(at);
    h.run();
}

/// A click of the secondary button at `at` (a context menu).
fn right_click(h: &mut Harness<'_, BulwarkApp>, at: Pos2) {
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Secondary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
}

use crate::common::drag;

fn axes(h: &Harness<'_, BulwarkApp>) -> Vec<bulwark::scenario::Axis> {
    h.state().doc().scenario().axes.clone()
}

fn undo(h: &mut Harness<'_, BulwarkApp>) {
    h.state_mut().queue(Command::Undo);
    h.run();
}

/// The app on the default example with the Draw axes tool, a start clicked
/// in Russia east of Kharkiv, and the axes before it.
fn axis_begun_in_russia() -> (Harness<'static, BulwarkApp>, Vec<bulwark::scenario::Axis>) {
    let mut h = common::app(WINDOW);
    h.run();
    let before = axes(&h);
    h.get_by_label("Draw axes").click();
    h.run();
    let start = on_map(&h, 38.4, 50.9);
    click_at(&mut h, start);
    (h, before)
}

#[test]
fn an_axis_is_drawn_moved_and_removed_on_the_map_each_step_undoable() {
    let (mut h, before) = axis_begun_in_russia();
    // The objective near Sumy, no city of the map's, so named by its
    // coordinates.
    assert_eq!(
        axes(&h).len(),
        before.len(),
        "one click only begins an axis"
    );
    let sumy = on_map(&h, 34.8, 50.9);
    click_at(&mut h, sumy);
    let drawn = axes(&h);
    assert_eq!(
        drawn.len(),
        before.len() + 1,
        "the second click makes the axis"
    );
    let axis = drawn.last().expect("the new axis");
    assert_eq!(axis.defender, "UKR", "into the state the objective lies in");
    assert!(
        axis.objective.name.ends_with("° E"),
        "{}",
        axis.objective.name
    );
    assert!(
        h.state().message().contains("Added the axis"),
        "{}",
        h.state().message()
    );

    // Drag the objective to Lviv, whose name it takes: one undo step.
    let objective = on_map(&h, axis.objective.point.lon, axis.objective.point.lat);
    let lviv = on_map(&h, 24.1, 49.8);
    drag(&mut h, objective, lviv);
    let moved = axes(&h);
    let last = moved.last().expect("the axis");
    assert_eq!(last.objective.name, "Lviv", "{:?}", last.objective);
    assert!(last.name.ends_with("→ Lviv"), "{}", last.name);
    assert_eq!(
        moved.len(),
        drawn.len(),
        "the drag moved the end, not the map"
    );

    undo(&mut h);
    assert_eq!(axes(&h), drawn, "one undo takes back the whole drag");
    undo(&mut h);
    assert_eq!(axes(&h), before, "another takes back the axis");
    h.state_mut().queue(Command::Redo);
    h.run();
    assert_eq!(axes(&h), drawn);

    // Right-click the objective: its menu removes the axis.
    let end = on_map(&h, axis.objective.point.lon, axis.objective.point.lat);
    right_click(&mut h, end);
    h.get_by_label_contains("Remove axis").click();
    h.run();
    assert_eq!(axes(&h), before);
    assert!(h.state().message().contains("Removed the axis"));
}

#[test]
fn an_objective_outside_the_scenarios_states_makes_no_axis_and_says_why() {
    let (mut h, before) = axis_begun_in_russia();
    // Moscow is the adversary's own.
    let moscow = on_map(&h, 37.62, 55.76);
    click_at(&mut h, moscow);
    assert_eq!(axes(&h), before);
    assert!(
        h.state().message().contains("the adversary"),
        "{}",
        h.state().message()
    );
}

/// The coalition example open in the app, on the Select tool.
fn coalition() -> Harness<'static, BulwarkApp> {
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenExample(
        "coalition-guarantee.bulwark.json".into(),
    ));
    h.run();
    h.run();
    h
}

/// The UK contingent, the coalition example's first unit.
const UK: UnitRef = UnitRef {
    arrangement: 0,
    guarantor: 0,
    force: 0,
};

fn uk_unit(h: &Harness<'_, BulwarkApp>) -> bulwark::scenario::ForceCommitment {
    UK.get(h.state().doc().scenario())
        .expect("the UK unit")
        .clone()
}

#[test]
fn a_unit_is_dragged_to_a_place_and_the_move_undone() {
    let mut h = coalition();
    let before = uk_unit(&h);
    assert_eq!(before.stationed_in, "UKR");
    let marker = h
        .state()
        .views()
        .map
        .marker_of(UK)
        .expect("the UK marker is drawn");
    // Dropped a little off Lviv: it snaps onto the city and takes its name.
    let lviv = on_map(&h, 24.2, 49.75);
    drag(&mut h, marker.center(), lviv);
    let moved = uk_unit(&h);
    let at = moved.position.expect("a position");
    assert!(
        (at.lon - 24.03).abs() < 0.05 && (at.lat - 49.84).abs() < 0.05,
        "{at:?}"
    );
    assert_eq!(moved.stationed_in, "UKR");
    let message = h.state().message();
    assert!(message.contains("to Lviv, Ukraine"), "{message}");
    let view = h.state().doc().scenario().map_view.clone();
    assert!(h.state().doc().is_dirty());

    // The marker now stands at Lviv on the map.
    let now = h.state().views().map.marker_of(UK).expect("drawn");
    let lviv_dot = on_map(&h, 24.03, 49.84);
    assert!(
        now.center().distance(lviv_dot) < 60.0,
        "{now:?} vs {lviv_dot:?}"
    );
    assert_eq!(
        h.state().doc().scenario().map_view,
        view,
        "the drag moved the unit, not the map"
    );

    undo(&mut h);
    assert_eq!(uk_unit(&h), before, "one undo takes back the move");
}

#[test]
fn a_unit_dropped_in_the_adversary_or_at_sea_stays_and_the_status_line_says_why() {
    let mut h = coalition();
    let before = uk_unit(&h);
    for (lon, lat, why) in [(36.0, 52.5, "the adversary"), (33.5, 43.8, "at sea")] {
        let marker = h.state().views().map.marker_of(UK).expect("drawn");
        let to = on_map(&h, lon, lat);
        drag(&mut h, marker.center(), to);
        assert_eq!(uk_unit(&h), before);
        let message = h.state().message();
        assert!(message.contains(why), "{message}");
    }
}

fn line(h: &Harness<'_, BulwarkApp>) -> bulwark::scenario::SettlementLine {
    h.state().doc().scenario().settlement_line.clone()
}

#[test]
fn the_line_of_control_is_edited_by_pointer_each_step_undoable() {
    use bulwark::scenario::lines::line_of_contact_2025;
    use bulwark::scenario::{GeoPoint, LinePreset};
    let mut h = common::app(WINDOW);
    h.state_mut()
        .queue(Command::OpenExample("armed-neutrality.bulwark.json".into()));
    h.run();
    h.run();
    let before = line(&h);
    assert_eq!(before.preset, LinePreset::LineOfContact2025);
    h.get_by_label("Edit line").click();
    h.run();

    // Drag Pokrovsk's vertex 60 km west: the preset becomes a custom line.
    let preset = line_of_contact_2025();
    let (i, (lon, lat)) = preset
        .iter()
        .copied()
        .enumerate()
        .find(|(_, (lon, _))| (*lon - 37.10).abs() < 1e-9)
        .expect("Pokrovsk");
    let (from, to) = (on_map(&h, lon, lat), on_map(&h, lon - 0.8, lat));
    drag(&mut h, from, to);
    let moved = line(&h);
    assert_eq!(moved.preset, LinePreset::Custom);
    assert_eq!(moved.custom.len(), preset.len());
    assert!(
        (moved.custom[i].lon - (lon - 0.8)).abs() < 0.05,
        "{:?}",
        moved.custom[i]
    );

    // A click on the line between two vertices adds one there.
    // On the longest segment on screen, clear of both its vertices.
    let on_screen = |h: &Harness<'_, BulwarkApp>, (a, b): &(GeoPoint, GeoPoint)| {
        let mid = on_map(h, (a.lon + b.lon) / 2.0, (a.lat + b.lat) / 2.0);
        (420.0..1100.0).contains(&mid.x) && (160.0..880.0).contains(&mid.y)
    };
    let (a, b) = moved
        .custom
        .windows(2)
        .map(|w| (w[0], w[1]))
        .filter(|pair| on_screen(&h, pair))
        .max_by(|x, y| {
            let len = |(a, b): &(GeoPoint, GeoPoint)| {
                on_map(&h, a.lon, a.lat).distance(on_map(&h, b.lon, b.lat))
            };
            len(x).total_cmp(&len(y))
        })
        .expect("segments");
    let mid = on_map(&h, (a.lon + b.lon) / 2.0, (a.lat + b.lat) / 2.0);
    click_at(&mut h, mid);
    let added = line(&h);
    assert_eq!(added.custom.len(), preset.len() + 1, "a vertex added");

    // Right-click a vertex: its menu deletes it.
    let v = added.custom[3];
    let at = on_map(&h, v.lon, v.lat);
    right_click(&mut h, at);
    h.get_by_label("Delete this point of the line").click();
    h.run();
    let deleted = line(&h);
    assert_eq!(deleted.custom.len(), preset.len());
    assert!(!deleted.custom.contains(&v));

    for expected in [&added, &moved, &before] {
        undo(&mut h);
        assert_eq!(line(&h), *expected, "each step undone in turn");
    }
}

/// Draws an area with the Draw area tool through the corners (lon, lat) and
/// closes it on the first.
fn draw_area(h: &mut Harness<'_, BulwarkApp>, corners: &[(f64, f64)]) {
    h.get_by_label("Draw area").click();
    h.run();
    for &(lon, lat) in corners.iter().chain(corners.first()) {
        let at = on_map(h, lon, lat);
        click_at(h, at);
    }
}

/// Around Kharkiv, inside Ukraine.
const AROUND_KHARKIV: [(f64, f64); 4] = [(35.3, 50.4), (37.0, 50.4), (37.0, 49.4), (35.3, 49.4)];

#[test]
fn an_area_drawn_becomes_a_territorial_demand_with_its_share_and_is_undone() {
    let mut h = common::app(WINDOW);
    h.run();
    let before = h.state().doc().scenario().adversary.demands.clone();
    draw_area(&mut h, &AROUND_KHARKIV);
    assert_eq!(
        h.state().doc().scenario().adversary.demands,
        before,
        "nothing until the area is named"
    );
    h.get_by_label("Territory Russia demands").click();
    h.run();
    let demands = h.state().doc().scenario().adversary.demands.clone();
    assert_eq!(demands.len(), before.len() + 1);
    let d = demands.last().expect("the new demand");
    assert_eq!(d.kind, bulwark::scenario::DemandKind::Territory);
    assert_eq!(d.area.len(), 4);
    assert_eq!(d.region.as_deref(), Some("Area around Kharkiv"));
    // About 1.7° by 1° at 50° N, some 13,000 km² of Ukraine's 600,000.
    let share = d.share.expect("a share");
    assert!((0.01..0.05).contains(&share), "{share}");
    assert!(h.state().message().contains("Area around Kharkiv"));
    undo(&mut h);
    assert_eq!(h.state().doc().scenario().adversary.demands, before);
}

#[test]
fn an_area_drawn_becomes_a_guarantees_scope_and_its_outline_is_removed() {
    let mut h = common::app(WINDOW);
    h.run();
    draw_area(&mut h, &AROUND_KHARKIV);
    h.get_by_label_contains("What “Bilateral US guarantee")
        .click();
    h.run();
    let scope = h.state().doc().scenario().arrangements[0]
        .scope_area
        .clone();
    assert_eq!(scope.len(), 4, "the first arrangement covers the area");

    // Right-click inside it: its menu removes the outline.
    let inside = on_map(&h, 36.2, 49.9);
    right_click(&mut h, inside);
    h.get_by_label_contains("Remove the outline").click();
    h.run();
    assert!(
        h.state().doc().scenario().arrangements[0]
            .scope_area
            .is_empty()
    );
}

#[test]
fn a_state_made_protected_is_offered_its_standard_axes() {
    let mut h = common::app(WINDOW);
    h.run();
    h.get_by_label("Arrangements").click();
    h.run();
    let into_poland =
        |h: &Harness<'_, BulwarkApp>| axes(h).iter().filter(|a| a.defender == "POL").count();
    assert_eq!(into_poland(&h), 0);
    assert!(
        h.query_by_label_contains("Poland's standard axes")
            .is_none()
    );
    h.get_by_label("Poland").click();
    h.run();
    h.get_by_label_contains("Add Poland's standard axes")
        .click();
    h.run();
    assert!(
        into_poland(&h) >= 1,
        "the theatre library's axes into Poland"
    );
    assert!(
        h.query_by_label_contains("Poland's standard axes")
            .is_none(),
        "offered only while Poland has no axis"
    );
}

#[test]
fn a_ceding_line_nudged_on_the_map_still_reads_the_territory_as_ceded() {
    use bulwark::scenario::LinePreset;
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenExample(
        "us-bilateral-28-point.bulwark.json".into(),
    ));
    h.run();
    common::run_assessment(&mut h);
    let ceded = "Demands met: neutrality 100.0%, territory 100.0%";
    assert!(
        h.query_by_label_contains(ceded).is_some(),
        "before the edit"
    );
    h.get_by_label("Edit line").click();
    h.run();
    // The line's northern vertex, at the Russian border, 20 km east.
    let (lon, lat) = bulwark::scenario::lines::cede_donetsk_luhansk()[0];
    let (from, to) = (on_map(&h, lon, lat), on_map(&h, lon + 0.3, lat));
    drag(&mut h, from, to);
    assert_eq!(line(&h).preset, LinePreset::Custom);
    common::run_assessment(&mut h);
    assert!(
        h.query_by_label_contains(ceded).is_some(),
        "a vertex moved at the border took back the ceded Donbas"
    );
}

#[test]
fn a_defence_line_is_dragged_along_its_axis_on_the_map_and_the_move_undone() {
    // The eastern flank with a line half-way from Narva to Tallinn.
    let name = "eastern-flank-today.bulwark.json";
    let bytes = bulwark::assets::example(name).expect("the example");
    let mut s = bulwark::scenario::from_bytes(name, bytes).expect("loads");
    bulwark::scenario::axes::add_defence_line(&mut s.axes[0]);
    let dir = common::temp_dir();
    let file = dir.path().join("flank-with-a-line.bulwark.json");
    std::fs::write(&file, serde_json::to_string(&s).expect("JSON")).expect("written");
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenPath(file));
    h.run();
    h.run();
    let before = axes(&h);
    let axis = before[0].clone();
    assert_eq!(axis.defence_lines.len(), 1, "the file opened");
    h.get_by_label("Draw axes").click();
    h.run();
    // From half-way to three quarters of the way to Tallinn.
    let along = |t: f64| {
        let (a, b) = (axis.start.point, axis.objective.point);
        on_map(&h, a.lon + t * (b.lon - a.lon), a.lat + t * (b.lat - a.lat))
    };
    let (from, to) = (along(0.5), along(0.75));
    drag(&mut h, from, to);
    let moved = axes(&h);
    let share = |a: &bulwark::scenario::Axis| {
        bulwark::scenario::axes::along_route(a, a.defence_lines[0].point).0
    };
    assert!(
        (share(&moved[0]) - 0.75).abs() < 0.05,
        "{}",
        share(&moved[0])
    );
    assert_eq!(
        (moved[0].start.clone(), moved[0].objective.clone()),
        (axis.start.clone(), axis.objective.clone()),
        "the line moved, not the axis's ends"
    );
    assert_eq!(moved.len(), before.len(), "no axis drawn by the drag");
    undo(&mut h);
    assert_eq!(axes(&h), before, "one undo takes back the whole drag");
}
