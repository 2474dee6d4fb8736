//! Snapshot and interaction tests of the map widget (egui_kittest): the whole map,
//! the Baltics close up, a hover and a click, a pan and a layer toggle.

use bulwark::map::MapState;
use bulwark::map::widget::VIEW_EDIT_GROUP;
use bulwark::scenario::{self, GeoPoint, Scenario};
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use crate::common::AppFonts;

struct State {
    map: MapState,
    scenario: Scenario,
    last_group: Option<Option<u64>>,
}

fn demo() -> Scenario {
    scenario::from_bytes(
        "map-demo.bulwark.json",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/map-demo.bulwark.json"
        )),
    )
    .expect("the fixture is valid")
}

fn harness(scenario: Scenario) -> Harness<'static, State> {
    harness_drawing(scenario, vec2(1100.0, 760.0), |ui, state| {
        let out = state.map.show(ui, &state.scenario);
        if let Some((view, group)) = out.edit {
            state.scenario.map_view = view;
            state.last_group = Some(group);
        }
    })
}

/// A harness of `size` drawing `scenario` with `draw`, after its first frame.
fn harness_drawing(
    scenario: Scenario,
    size: egui::Vec2,
    draw: impl FnMut(&mut egui::Ui, &mut State) + 'static,
) -> Harness<'static, State> {
    let state = State {
        map: MapState::default(),
        scenario,
        last_group: None,
    };
    let mut harness = Harness::builder()
        .with_size(size)
        .build_ui_state(draw, state);
    harness.run();
    harness
}

#[test]
fn whole_map() {
    let mut h = harness(demo());
    // London, Paris and Moscow are all on screen at zoom 1.
    let rect = h.state().map.geo_to_screen(0.0, 0.0).map(|_| ());
    assert!(rect.is_some());
    for (lon, lat) in [(-0.13, 51.51), (2.35, 48.86), (37.62, 55.76)] {
        let p = h.state().map.geo_to_screen(lon, lat).expect("drawn");
        assert!(
            p.x > 0.0 && p.x < 1100.0 && p.y > 30.0 && p.y < 760.0,
            "{p:?}"
        );
    }
    h.snapshot("map_europe");
}

#[test]
fn baltics_close_up() {
    let mut s = demo();
    s.map_view.center = GeoPoint {
        lon: 24.5,
        lat: 57.0,
    };
    s.map_view.zoom = 3.2;
    let mut h = harness(s);
    h.snapshot("map_baltics");
}

#[test]
fn hover_shows_the_country() {
    let mut h = harness(demo());
    // South-west Poland, clear of the ties that cross the country.
    let silesia = h.state().map.geo_to_screen(17.0, 51.0).expect("drawn");
    h.hover_at(silesia);
    h.run_steps(6);
    assert_eq!(h.state().map.hovered.as_deref(), Some("POL"));
    assert!(h.query_by_label("Poland").is_some(), "the country's card");
    h.snapshot("map_hover_poland");
}

#[test]
fn click_selects_a_country() {
    let mut s = demo();
    s.map_view.center = GeoPoint {
        lon: 24.0,
        lat: 55.5,
    };
    s.map_view.zoom = 2.5;
    let mut h = harness(s);
    let lithuania = h.state().map.geo_to_screen(24.0, 55.4).expect("drawn");
    h.hover_at(lithuania);
    h.run();
    h.drag_at(lithuania);
    h.run();
    h.drop_at(lithuania);
    h.run();
    assert_eq!(h.state().map.selected.as_deref(), Some("LTU"));
    h.snapshot("map_click_lithuania");
}

/// The hover card at (lon, lat) on the demo map: the labels it shows.
fn card_at(lon: f64, lat: f64) -> Harness<'static, State> {
    // The app's fonts, for the arrows of an axis's card.
    let mut fonts = AppFonts::default();
    let mut h = harness_drawing(demo(), vec2(1100.0, 760.0), move |ui, state| {
        if fonts.ready(ui.ctx()) {
            state.map.show(ui, &state.scenario);
        }
    });
    h.run();
    let at = h.state().map.geo_to_screen(lon, lat).expect("drawn");
    h.hover_at(at);
    h.run_steps(6);
    h
}

#[test]
fn the_held_area_an_axis_and_the_suwalki_gap_have_cards_of_their_own() {
    // Donetsk, behind the line of contact: held by Russia, not "Ukraine".
    let h = card_at(37.8, 48.0);
    assert!(h.query_by_label("Held by Russia").is_some());
    assert!(h.query_by_label("Protected state").is_none());
    // Kyiv, on Ukraine's side.
    let h = card_at(30.5, 50.45);
    assert!(h.query_by_label("Held by Russia").is_none());
    // The middle of an axis.
    let axis = demo().axes[0].clone();
    let mid = bulwark::map::projection::intermediate(
        [axis.start.point.lon, axis.start.point.lat],
        [axis.objective.point.lon, axis.objective.point.lat],
        0.5,
    );
    let mut h = card_at(mid[0], mid[1]);
    assert!(h.query_by_label(&axis.name).is_some(), "{}", axis.name);
    assert!(h.query_by_label_contains("Axis of advance into").is_some());
    assert!(h.query_by_label("Not assessed yet").is_some());
    // Once assessed, the card says how the objective fares.
    let assessment = bulwark::model::assess_with(&demo(), 300, 1);
    h.state_mut().map.set_figures(Some(&assessment));
    h.run_steps(3);
    assert!(h.query_by_label("Not assessed yet").is_none());
    assert!(
        h.query_by_label_contains("Objective falls in").is_some()
            || h.query_by_label("The objective holds in most draws")
                .is_some()
    );
    // The Suwałki gap.
    let h = card_at(23.15, 54.15);
    assert!(h.query_by_label("Suwałki gap").is_some());
}

#[test]
fn a_tie_has_a_card_naming_who_guarantees_whom_and_how() {
    let mut h = card_at(30.5, 50.45);
    let scenario = demo();
    let (a, g) = scenario
        .arrangements
        .iter()
        .enumerate()
        .find_map(|(ai, a)| (!a.guarantors.is_empty()).then_some((ai, 0)))
        .expect("a guarantor");
    let line = h.state().map.tie_line(a, g).expect("the tie is drawn");
    h.hover_at(line[line.len() / 2]);
    h.run_steps(6);
    let arrangement = &scenario.arrangements[a];
    assert!(
        h.query_by_label(&format!("Under {}", arrangement.name))
            .is_some(),
        "the arrangement"
    );
    assert!(
        h.query_by_label_contains(" guarantees Ukraine").is_some(),
        "who guarantees whom"
    );
    assert!(
        h.query_by_label("Protected state").is_none(),
        "not the country's card"
    );
}

#[test]
fn double_click_zooms_to_a_country_and_selects_it() {
    let state = State {
        map: MapState::default(),
        scenario: demo(),
        last_group: None,
    };
    // Steps of 1/20 s, so that two clicks fall within egui's double-click
    // delay (0.3 s); the default step is a quarter of a second.
    let mut h = Harness::builder()
        .with_size(vec2(1100.0, 760.0))
        .with_step_dt(0.05)
        .build_ui_state(
            |ui, state: &mut State| {
                let out = state.map.show(ui, &state.scenario);
                if let Some((view, _)) = out.edit {
                    state.scenario.map_view = view;
                }
            },
            state,
        );
    h.run();
    let zoom = h.state().map.view().1;
    let poland = h.state().map.geo_to_screen(19.5, 52.0).expect("drawn");
    h.hover_at(poland);
    h.step();
    for pressed in [true, false, true, false] {
        h.event(egui::Event::PointerButton {
            pos: poland,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.step();
    }
    h.run_steps(60);
    assert_eq!(h.state().map.selected.as_deref(), Some("POL"));
    assert!(
        h.state().map.view().1 > zoom * 1.5,
        "zoomed in to Poland: {zoom} to {}",
        h.state().map.view().1
    );
}

#[test]
fn drag_pans_and_saves_the_view_as_one_undo_group() {
    let mut h = harness(demo());
    let start = h.state().map.geo_to_screen(25.0, 54.0).expect("drawn");
    h.hover_at(start);
    h.drag_at(start);
    h.run();
    for i in 1..=5 {
        h.hover_at(start + vec2(-20.0 * i as f32, 0.0));
        h.run();
    }
    h.drop_at(start + vec2(-100.0, 0.0));
    h.run();
    let view = &h.state().scenario.map_view;
    assert!(view.center.lon > 26.0, "panned east: {:?}", view.center);
    assert_eq!(h.state().last_group, Some(Some(VIEW_EDIT_GROUP)));
}

#[test]
fn layer_toggle_is_saved_in_the_scenario() {
    let mut h = harness(demo());
    assert!(!h.state().scenario.map_view.layers.graticule);
    h.get_by_label_contains("Layers (5 of 6)").click();
    h.run();
    h.get_by_label("Graticule").click();
    h.run();
    assert!(h.state().scenario.map_view.layers.graticule);
    assert_eq!(h.state().last_group, Some(None));
    assert!(h.query_by_label_contains("Layers (6 of 6)").is_some());
}

#[test]
fn ruler_measures_great_circle_distance() {
    let mut s = demo();
    s.map_view.center = GeoPoint {
        lon: 25.0,
        lat: 52.0,
    };
    s.map_view.zoom = 2.0;
    let mut h = harness(s);
    h.state_mut().map.tool = bulwark::map::widget::Tool::Ruler;
    for (lon, lat) in [(21.01, 52.23), (30.52, 50.45)] {
        let p = h.state().map.geo_to_screen(lon, lat).expect("drawn");
        h.hover_at(p);
        h.run();
        h.drag_at(p);
        h.run();
        h.drop_at(p);
        h.run();
    }
    // Warsaw–Kyiv ≈ 690 km (within a pixel's worth of the clicked points).
    let km = h.state().map.ruler_km().expect("two points");
    assert!((km - 690.0).abs() < 15.0, "{km}");
    h.snapshot("map_ruler_warsaw_kyiv");
}

#[test]
fn an_edited_document_recolours_the_map() {
    let mut h = harness(demo());
    // Southern Belarus and central Russia, away from labels, dots and ties.
    let belarus = h.state().map.geo_to_screen(28.0, 52.2).expect("drawn");
    let russia = h.state().map.geo_to_screen(40.0, 53.0).expect("drawn");
    let pixels = |h: &mut Harness<'static, State>| {
        let image = h.render().expect("rendered");
        [belarus, russia].map(|p| *image.get_pixel(p.x.round() as u32, p.y.round() as u32))
    };
    let [belarus_before, adversary] = pixels(&mut h);
    // Belarus becomes the adversary: the next frame shows it in the colour
    // Russia had, and Russia in another.
    h.state_mut().scenario.adversary.state = "BLR".to_owned();
    h.run();
    let [belarus_after, russia_after] = pixels(&mut h);
    assert_ne!(belarus_before, adversary);
    assert_eq!(
        belarus_after, adversary,
        "Belarus in the adversary's colour"
    );
    assert_ne!(russia_after, adversary, "Russia no longer the adversary");
}

/// The boxes drawn over the map (title, legend, scale bar: filled in the
/// panel colour) and every text drawn on it, in the last frame.
fn boxes_and_texts(h: &Harness<'static, State>) -> (Vec<egui::Rect>, Vec<(String, egui::Rect)>) {
    let (mut boxes, mut texts) = (Vec::new(), Vec::new());
    for clipped in &h.output().shapes {
        match &clipped.shape {
            egui::Shape::Rect(r) if r.fill == bulwark::kit::theme::MAP_PANEL => boxes.push(r.rect),
            egui::Shape::Text(t) => {
                texts.push((t.galley.text().to_owned(), t.visual_bounding_rect()))
            }
            _ => {}
        }
    }
    (boxes, texts)
}

#[test]
fn labels_keep_clear_of_the_title_box_legend_and_scale_bar() {
    // The map at twice its ink, as on a slide, where labels are big enough to
    // reach the boxes; and the workspace map.
    for ink in [2.0, 1.0] {
        let mut scenario = demo();
        scenario.map_view.center = GeoPoint {
            lon: 24.0,
            lat: 52.0,
        };
        scenario.map_view.zoom = 2.0;
        // With the engine's figures, as in the app: the legend has no note
        // that the ties' widths are not known yet.
        let assessment = bulwark::model::assess(&scenario);
        let h = harness_drawing(scenario, vec2(1500.0, 700.0), move |ui, state| {
            if state.map.credibility.is_empty() {
                state.map.set_figures(Some(&assessment));
            }
            // The map's text reaches egui as text shapes only with its
            // overlay not kept tessellated.
            bulwark::kit::retained::set_enabled(ui.ctx(), false);
            let view = state.scenario.map_view.clone();
            state.map.show_static(ui, &state.scenario, &view, &[], ink);
        });
        let (boxes, texts) = boxes_and_texts(&h);
        assert_eq!(boxes.len(), 3, "title box, legend, scale bar");
        let outside: Vec<_> = texts
            .iter()
            .filter(|(_, r)| !boxes.iter().any(|b| b.contains_rect(*r)))
            .collect();
        assert!(outside.len() > 10, "the map's labels");
        // Force markers' arrival days are included: a pledged unit's day goes
        // to the left of its marker when a box lies to the right (at 2× ink
        // the legend does, beside Dnipro).
        assert!(
            outside.iter().any(|(t, _)| t.starts_with("D+")),
            "ink {ink}: the pledged unit's arrival day is shown"
        );
        let under: Vec<_> = outside
            .iter()
            .filter(|(_, r)| boxes.iter().any(|b| b.intersects(*r)))
            .map(|(t, _)| t.clone())
            .collect();
        assert!(under.is_empty(), "ink {ink}: labels under a box: {under:?}");
    }
}

#[test]
fn force_markers_do_not_overlap_each_other_or_the_labels() {
    // The largest example's Baltic forces: battlegroups and pledged brigades
    // at Tallinn, Tapa, Riga, Ādaži, Rukla and Vilnius, a few dozen kilometres
    // apart, at the zoom it opens with.
    let scenario = scenario::from_bytes(
        "eastern-flank-today.bulwark.json",
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/saves/eastern-flank-today.bulwark.json"
        )),
    )
    .expect("the example is valid");
    let mut fonts = AppFonts::default();
    let h = harness_drawing(scenario, vec2(1100.0, 760.0), move |ui, state| {
        // The app's fonts (ā, →) take effect from the next frame.
        if !fonts.ready(ui.ctx()) {
            return;
        }
        bulwark::kit::retained::set_enabled(ui.ctx(), false);
        let view = state.scenario.map_view.clone();
        state.map.show_static(ui, &state.scenario, &view, &[], 1.0);
    });
    let markers: Vec<egui::Rect> = bulwark::scenario::placing::every_unit(&h.state().scenario)
        .filter_map(|(id, _)| h.state().map.marker_of(id))
        .collect();
    assert!(markers.len() >= 6, "the Baltic markers: {markers:?}");
    for (i, a) in markers.iter().enumerate() {
        for b in &markers[i + 1..] {
            assert!(
                !a.shrink(1.0).intersects(*b),
                "markers overlap: {a:?} {b:?}"
            );
        }
    }
    let (_, texts) = boxes_and_texts(&h);
    let cities = [
        "Tallinn",
        "Riga",
        "Vilnius",
        "ESTONIA",
        "LATVIA",
        "LITHUANIA",
    ];
    let crossed: Vec<_> = texts
        .iter()
        .filter(|(t, r)| cities.contains(&t.as_str()) && markers.iter().any(|m| m.intersects(*r)))
        .map(|(t, _)| t.clone())
        .collect();
    assert!(crossed.is_empty(), "labels under markers: {crossed:?}");
}

#[test]
fn the_legend_shows_the_held_area_in_its_colour_on_the_map() {
    let mut h = harness(demo());
    // Inside the held area of Zaporizhzhia oblast, away from labels and dots.
    let held = h.state().map.geo_to_screen(35.9, 47.1).expect("drawn");
    let image = h.render().expect("rendered");
    let on_map = *image.get_pixel(held.x.round() as u32, held.y.round() as u32);
    // The legend sits at the top right; its swatch is the same colour.
    let (w, _) = image.dimensions();
    let near = |a: &image::Rgba<u8>| {
        a.0.iter()
            .zip(on_map.0.iter())
            .all(|(x, y)| x.abs_diff(*y) <= 2)
    };
    let swatch = (w - 300..w)
        .flat_map(|x| (40..360).map(move |y| (x, y)))
        .filter(|&(x, y)| near(image.get_pixel(x, y)))
        .count();
    assert!(
        swatch > 40,
        "{swatch} legend pixels in the map's {on_map:?}"
    );
}

#[test]
fn a_marking_runs_across_the_top_and_the_bottom_of_the_map_and_the_boxes_keep_clear() {
    let mut scenario = demo();
    scenario.meta.marking = "UNCLASSIFIED — FOR TRAINING".into();
    let size = vec2(1100.0, 700.0);
    let h = harness_drawing(scenario, size, move |ui, state| {
        bulwark::kit::retained::set_enabled(ui.ctx(), false);
        let _ = state.map.show(ui, &state.scenario);
    });
    let (boxes, texts) = boxes_and_texts(&h);
    let banners: Vec<egui::Rect> = texts
        .iter()
        .filter(|(t, _)| t == "UNCLASSIFIED — FOR TRAINING")
        .map(|(_, r)| *r)
        .collect();
    assert_eq!(banners.len(), 2, "top and bottom");
    let top = banners[0].top().min(banners[1].top());
    let bottom = banners[0].bottom().max(banners[1].bottom());
    // The workspace map starts under its toolbar.
    assert!(bottom > size.y - 20.0, "{banners:?}");
    for b in &boxes {
        assert!(
            b.top() > top + 14.0 && b.bottom() < size.y - 18.0,
            "the title, legend and scale bar clear of the banners: {b:?}"
        );
    }
    let as_of = texts.iter().any(|(t, _)| t.contains("as of 2025-11-27"));
    assert!(as_of, "the title box says which date the map is as of");
}
