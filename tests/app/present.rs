//! Presentation mode driven as a briefer would: F5, the slide keys of common
//! slide software, a typed slide number, blackout, the presenter view with the
//! notes, Esc restoring the layout; snapshots of a map and a plot slide; and the
//! offscreen export of a deck.

use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use bulwark::present::Screen;
use bulwark::ui::{BulwarkApp, Command};

use crate::common::{self, WINDOW};

/// The default example has three slides: a map, a plot, a text.
fn presenting() -> Harness<'static, BulwarkApp> {
    let mut h = common::app(WINDOW);
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().presentation().is_some(), "F5 starts presenting");
    h
}

fn slide(h: &Harness<'_, BulwarkApp>) -> usize {
    h.state()
        .presentation()
        .map(|p| p.slide)
        .unwrap_or(usize::MAX)
}

fn press(h: &mut Harness<'_, BulwarkApp>, key: Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn f5_hides_the_editing_panels_and_esc_restores_them() {
    let mut h = common::app(WINDOW);
    assert!(h.query_by_label("Title").is_some());
    h.key_press(Key::F5);
    h.run();
    assert!(h.state().presentation().is_some());
    assert!(h.query_by_label("Title").is_none(), "editing panel hidden");
    assert!(h.query_by_label("File").is_none(), "menu bar hidden");
    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none());
    assert!(h.query_by_label("Title").is_some(), "editing panel back");
    assert!(h.query_by_label("File").is_some());
}

#[test]
fn leaving_restores_a_layout_with_a_hidden_panel_exactly() {
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::ToggleLeftPanel);
    h.run();
    let before = h.state().settings().clone();
    let zoom = h.ctx.zoom_factor();
    h.get_by_label("Present").click();
    h.run();
    assert!(
        h.state().presentation().is_some(),
        "the Present button starts"
    );
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none());
    assert_eq!(
        *h.state().settings(),
        before,
        "panels and theme as they were"
    );
    assert_eq!(h.ctx.zoom_factor(), zoom);
    assert!(
        h.query_by_label("Title").is_none(),
        "the left panel stays hidden"
    );
}

#[test]
fn every_next_key_advances() {
    for key in [
        Key::ArrowRight,
        Key::ArrowDown,
        Key::Space,
        Key::PageDown,
        Key::Enter,
    ] {
        let mut h = presenting();
        press(&mut h, key);
        assert_eq!(slide(&h), 1, "{key:?}");
    }
}

#[test]
fn every_previous_key_goes_back() {
    for key in [Key::ArrowLeft, Key::ArrowUp, Key::PageUp, Key::Backspace] {
        let mut h = presenting();
        press(&mut h, Key::End);
        assert_eq!(slide(&h), 2);
        press(&mut h, key);
        assert_eq!(slide(&h), 1, "{key:?}");
    }
}

#[test]
fn home_end_and_a_typed_number() {
    let mut h = presenting();
    press(&mut h, Key::End);
    assert_eq!(slide(&h), 2);
    press(&mut h, Key::Home);
    assert_eq!(slide(&h), 0);
    press(&mut h, Key::Num2);
    assert_eq!(slide(&h), 0, "a digit alone does not move");
    press(&mut h, Key::Enter);
    assert_eq!(
        slide(&h),
        1,
        "2 then Enter jumps to slide 2, not to the next"
    );
    press(&mut h, Key::Num3);
    press(&mut h, Key::Enter);
    assert_eq!(slide(&h), 2);
}

#[test]
fn blackout_and_whiteout() {
    let mut h = presenting();
    let screen = |h: &Harness<'_, BulwarkApp>| h.state().presentation().map(|p| p.screen);
    press(&mut h, Key::B);
    assert_eq!(screen(&h), Some(Screen::Black));
    press(&mut h, Key::B);
    assert_eq!(screen(&h), Some(Screen::Slide));
    press(&mut h, Key::W);
    assert_eq!(screen(&h), Some(Screen::White));
    press(&mut h, Key::L);
    assert!(h.state().presentation().is_some_and(|p| p.laser));
}

#[test]
fn presenter_view_shows_the_notes_of_the_current_slide() {
    let mut h = presenting();
    press(&mut h, Key::S);
    assert!(h.state().presentation().is_some_and(|p| p.presenter_view));
    assert!(
        h.query_by_label_contains("One guarantee tie, Washington to Kyiv")
            .is_some(),
        "notes of slide 1"
    );
    assert!(h.query_by_label_contains("Elapsed").is_some(), "timer");
    h.get_by_label("Next slide").click();
    h.run();
    assert_eq!(slide(&h), 1, "the presenter view's buttons work");
    assert!(
        h.query_by_label_contains("The essay's core dispute as a number")
            .is_some(),
        "notes follow the slide"
    );
    h.get_by_label("End presentation").click();
    h.run();
    assert!(h.state().presentation().is_none());
}

#[test]
fn snapshot_map_and_plot_slides() {
    let mut h = common::app(egui::vec2(1280.0, 720.0));
    h.key_press(Key::F5);
    h.run();
    h.snapshot("present_map_slide");
    press(&mut h, Key::PageDown);
    h.snapshot("present_plot_slide");
}

/// Each text painted in the last frame with its font size (a map label is
/// painted five times: four halo copies and the text).
fn texts(h: &Harness<'_, BulwarkApp>) -> Vec<(String, f32)> {
    fn walk(shape: &egui::Shape, out: &mut Vec<(String, f32)>) {
        match shape {
            egui::Shape::Vec(shapes) => shapes.iter().for_each(|s| walk(s, out)),
            egui::Shape::Text(t) => {
                for section in &t.galley.job.sections {
                    out.push((t.galley.text().to_owned(), section.format.font_id.size));
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}

/// The sizes of `text` in the last frame, each once.
fn sizes_of(texts: &[(String, f32)], text: &str) -> Vec<f32> {
    let mut sizes: Vec<f32> = texts
        .iter()
        .filter(|(t, _)| t == text)
        .map(|(_, s)| *s)
        .collect();
    sizes.dedup();
    sizes
}

/// The sizes of the country names on the map (painted in capitals), each once.
fn country_label_sizes(texts: &[(String, f32)]) -> Vec<f32> {
    let mut sizes: Vec<f32> = texts
        .iter()
        .filter(|(t, _)| t.len() > 3 && t.chars().all(|c| c.is_ascii_uppercase() || c == ' '))
        .map(|(_, s)| *s)
        .collect();
    sizes.sort_by(f32::total_cmp);
    sizes.dedup();
    sizes
}

#[test]
fn a_map_slide_draws_the_maps_labels_larger_than_the_workspace_map() {
    let mut workspace = common::app(WINDOW);
    // The map's text reaches egui as text shapes only with its overlay not
    // kept tessellated.
    bulwark::kit::retained::set_enabled(&workspace.ctx, false);
    workspace.run();
    let scenario = workspace.state().doc().scenario().clone();
    let title = scenario.meta.title.clone();
    let subtitle = format!("NATO's eastern flank · as of {}", scenario.meta.date);
    let on_workspace = texts(&workspace);
    // The title is also in the editing panel and the tab; the map's title box
    // draws it at 17.
    assert!(sizes_of(&on_workspace, &title).contains(&17.0), "title box");
    assert_eq!(sizes_of(&on_workspace, &subtitle), vec![11.5]);
    assert_eq!(
        country_label_sizes(&on_workspace),
        vec![11.0],
        "the workspace map's country names as before"
    );

    let mut h = common::app(egui::vec2(1920.0, 1080.0));
    bulwark::kit::retained::set_enabled(&h.ctx, false);
    h.key_press(Key::F5);
    h.run();
    assert_eq!(slide(&h), 0, "the map slide");
    let on_slide = texts(&h);
    // About 2× at 1920×1080 (`theme::SLIDE_MAP_INK`); 1× if the slide's scale
    // did not reach the map's ink.
    let room = |size: f32, workspace: f32| (1.6..2.4).contains(&(size / workspace));
    let names = country_label_sizes(&on_slide);
    assert!(
        !names.is_empty() && names.iter().all(|s| room(*s, 11.0)),
        "country names on the slide: {names:?}"
    );
    let title_sizes = sizes_of(&on_slide, &title);
    assert!(
        title_sizes.iter().any(|s| room(*s, 17.0)),
        "title box: {title_sizes:?}"
    );
    let subtitle_sizes = sizes_of(&on_slide, &subtitle);
    assert!(
        subtitle_sizes.len() == 1 && room(subtitle_sizes[0], 11.5),
        "{subtitle_sizes:?}"
    );
}

/// `bulwark export-slides FILE --out DIR/deck`, run in the process: its
/// exit code, its error stream and the folder it wrote.
fn export_deck(
    dir: &tempfile::TempDir,
    file: std::path::PathBuf,
) -> (i32, String, std::path::PathBuf) {
    let out_dir = dir.path().join("deck");
    let command = bulwark::cli::Command::ExportSlides {
        file,
        format: bulwark::cli::DeckFormat::Png,
        out: Some(out_dir.clone()),
        notes: false,
        handout: false,
        images: false,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = bulwark::cli::run(&command, &mut out, &mut err);
    (code, String::from_utf8_lossy(&err).into_owned(), out_dir)
}

#[test]
fn export_slides_writes_pngs_and_a_handout() {
    let dir = common::temp_dir();
    let file = common::saved("us-bilateral-28-point.bulwark.json");
    let (code, err, out_dir) = export_deck(&dir, file);
    assert_eq!(code, 0, "{err}");
    for n in 1..=3 {
        let png = out_dir.join(format!("slide-{n:02}.png"));
        let image = image::open(&png).expect("a PNG");
        assert_eq!((image.width(), image.height()), (1920, 1080));
    }
    let handout = std::fs::read_to_string(out_dir.join("handout.md")).expect("handout");
    assert!(handout.contains("## 2. How credible must Washington be?"));
    assert!(handout.contains("![Slide 1: The 28-point settlement](slide-01.png)"));
    assert!(handout.contains("Stress that the text was a leaked draft"));
}

/// Skipping hidden shapes and copying big plain fills (what makes offscreen
/// slides fast on a software renderer) must not change the picture: each of
/// the largest example's slides comes out the same drawn either way.
#[test]
fn fast_offscreen_slides_draw_the_same_picture_as_drawing_every_shape() {
    use bulwark::present::export::SlideRenderer;
    let scenario = common::baked("eastern-flank-today.bulwark.json");
    let assessment = bulwark::model::assess(&scenario);
    let slides = bulwark::present::deck(&scenario);
    let (Ok(mut fast), Ok(exact)) = (SlideRenderer::new(), SlideRenderer::new()) else {
        panic!("no software renderer: install mesa-vulkan-drivers");
    };
    let mut exact = exact.without_culling();
    for (i, slide) in slides.iter().enumerate() {
        let draw = |r: &mut SlideRenderer| {
            r.render(&scenario, Some(&assessment), slide, [1920, 1080])
                .expect("rendered")
        };
        let (a, b) = (draw(&mut fast), draw(&mut exact));
        let differing = a
            .pixels()
            .zip(b.pixels())
            .filter(|(p, q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > 1))
            .count();
        assert_eq!(
            differing,
            0,
            "slide {} differs in {differing} pixels",
            i + 1
        );
    }
}

/// Exports a one-slide deck whose text shows `map.png` (a blue square beside
/// the file) and `/dev/zero`; returns the slide, the handout and the warnings.
fn export_deck_with_images(images: bool) -> (image::RgbaImage, String, String) {
    let dir = common::temp_dir();
    image::RgbaImage::from_pixel(400, 400, image::Rgba([0, 0, 255, 255]))
        .save(dir.path().join("map.png"))
        .expect("test set-up");
    let mut scenario = common::baked("eastern-flank-today.bulwark.json");
    scenario.slides = vec![bulwark::scenario::Slide {
        title: "The front".into(),
        content: bulwark::scenario::SlideContent::Text {
            markdown: "![the front](map.png)\n\n![zero](/dev/zero)\n".into(),
        },
        notes: "Point at ![the front](map.png).".into(),
    }];
    let file = dir.path().join("front.bulwark.json");
    bulwark::scenario::save_file(&file, &scenario).expect("test set-up");
    let out_dir = dir.path().join("deck");
    let command = bulwark::cli::Command::ExportSlides {
        file,
        format: bulwark::cli::DeckFormat::Png,
        out: Some(out_dir.clone()),
        notes: false,
        handout: false,
        images,
    };
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = bulwark::cli::run(&command, &mut out, &mut err);
    let err = String::from_utf8_lossy(&err).to_string();
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("slide 1 of 1 written"), "the progress: {err}");
    // The warnings, without the progress lines.
    let err: String = err
        .lines()
        .filter(|l| !l.ends_with(" written"))
        .map(|l| format!("{l}\n"))
        .collect();
    let slide = image::open(out_dir.join("slide-01.png"))
        .expect("test set-up")
        .to_rgba8();
    let _ = slide.save(format!("/tmp/slide-images-{images}.png"));
    let handout = std::fs::read_to_string(out_dir.join("handout.md")).expect("test set-up");
    (slide, handout, err)
}

fn blue_pixels(image: &image::RgbaImage) -> usize {
    image
        .pixels()
        .filter(|p| p.0[0] < 20 && p.0[1] < 20 && p.0[2] > 235)
        .count()
}

#[test]
fn export_slides_draws_note_images_only_when_asked_and_within_limits() {
    // Before: the images were read from the disk while the slides were drawn.
    let (slide, handout, err) = export_deck_with_images(false);
    assert_eq!(blue_pixels(&slide), 0, "a placeholder, not the image");
    assert!(err.is_empty(), "{err}");
    assert!(
        !handout.contains("![the front") && !handout.contains("![zero"),
        "the handout's viewer loads nothing: {handout}"
    );
    assert!(handout.contains("*(Image: map\\.png)*"), "{handout}");

    let (slide, _, err) = export_deck_with_images(true);
    assert!(blue_pixels(&slide) > 100_000, "the image is drawn: {err}");
    assert!(
        err.contains("warning: image '/dev/zero' not loaded") && err.contains("not a file"),
        "{err}"
    );
}

fn slide_titles(h: &Harness<'_, BulwarkApp>) -> Vec<String> {
    h.state()
        .doc()
        .scenario()
        .slides
        .iter()
        .map(|s| s.title.clone())
        .collect()
}

#[test]
fn deck_editor_adds_reorders_edits_and_deletes_undoably() {
    let mut h = common::app(WINDOW);
    h.get_by_label("Slides").click();
    h.run();
    let original = slide_titles(&h);
    assert_eq!(original.len(), 3);
    h.get_by_label("Add text").click();
    h.run();
    let titles = slide_titles(&h);
    assert_eq!(titles.len(), 4);
    assert_eq!(titles[1], "New slide", "added after the selected slide");
    assert!(h.state().doc().is_dirty());

    h.get_by_label("Slide title").click();
    h.run();
    h.key_press(egui::Key::End);
    h.get_by_label("Slide title").type_text(": the stakes");
    h.run();
    assert_eq!(slide_titles(&h)[1], "New slide: the stakes");

    h.get_by_label("Move up").click();
    h.run();
    assert_eq!(slide_titles(&h)[0], "New slide: the stakes");
    h.get_by_label("Delete slide").click();
    h.run();
    assert_eq!(slide_titles(&h), original);

    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(
        slide_titles(&h)[0],
        "New slide: the stakes",
        "undo brings it back"
    );
    for _ in 0..2 {
        h.state_mut().queue(Command::Undo);
        h.run();
    }
    assert_eq!(
        slide_titles(&h)[1],
        "New slide",
        "the typed title was one undo step"
    );
}

#[test]
fn a_generated_deck_is_saved_only_once_edited() {
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::New);
    h.run();
    h.get_by_label("Slides").click();
    h.run();
    assert!(h.state().doc().scenario().slides.is_empty());
    assert!(
        !h.state().doc().is_dirty(),
        "showing the generated deck changes nothing"
    );
    h.get_by_label("Add comparison").click();
    h.run();
    let slides = &h.state().doc().scenario().slides;
    assert_eq!(slides.len(), 4, "the generated three plus the new one");
    assert!(h.state().doc().is_dirty());
}

#[test]
fn file_menu_exports_the_slides_to_a_typed_folder() {
    let dir = common::temp_dir();
    let out_dir = dir.path().join("from-menu");
    let mut h = common::app(WINDOW);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export slides…").click();
    h.run();
    assert!(h.query_by_label_contains("Export the slides").is_some());
    h.state_mut()
        .queue(Command::TypePath(out_dir.display().to_string()));
    h.run();
    h.get_by_label("Export").click();
    h.run();
    for _ in 0..300 {
        if !h.state().exporting_slides() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
        h.run();
    }
    assert!(!h.state().exporting_slides(), "the export finishes");
    assert!(h.state().error().is_none(), "{:?}", h.state().error());
    assert!(out_dir.join("slide-03.png").is_file());
    assert!(out_dir.join("handout.md").is_file());
    assert!(h.state().message().contains("Exported 3 slides"));
}

#[test]
fn what_if_popover_edits_the_scenario_undoably_while_presenting() {
    let mut h = presenting();
    press(&mut h, Key::Q);
    assert!(h.query_by_label("Adversary theatre troops").is_some());
    let credibility = |h: &Harness<'_, BulwarkApp>| {
        h.state().doc().scenario().arrangements[0].guarantors[0].credibility
    };
    assert_eq!(credibility(&h), None);
    h.get_by_label("Override credibility of United States")
        .click();
    h.run();
    assert_eq!(credibility(&h), Some(0.5), "the edit went through");
    assert!(h.state().presentation().is_some(), "still presenting");
    // The same editor as the arrangements tab's: a slider and a typed field
    // in percent.
    assert_eq!(
        h.query_all_by_label("Credibility of United States").count(),
        2,
        "slider and field"
    );

    press(&mut h, Key::Escape);
    let p = h.state().presentation().map(|p| p.what_if);
    assert_eq!(p, Some(false), "Esc closes the popover first");
    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none());
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(credibility(&h), None, "the what-if edit is undoable");
}

/// The caption lines under the map on the slide shown (the map slide's figures).
fn map_caption(h: &Harness<'_, BulwarkApp>) -> String {
    use egui_kittest::kittest::NodeT as _;
    ["Days to the objective", "Chance each guarantor fights"]
        .into_iter()
        .flat_map(|start| h.query_all_by_label_contains(start))
        .filter_map(|node| node.accesskit_node().value())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn map_slides_show_the_engines_figures_and_a_what_if_changes_them() {
    let mut h = presenting();
    let before = map_caption(&h);
    assert!(
        before.contains("Chance each guarantor fights: United States"),
        "{before}"
    );
    assert!(before.contains("Belarus → Kyiv held"), "{before}");

    // A "what if" from the room: the adversary masses three times the troops.
    let mut scenario = h.state().doc().scenario().clone();
    scenario.adversary.theatre_troops *= 3.0;
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(scenario),
        group: None,
    });
    h.run();
    assert!(h.state().presentation().is_some(), "still presenting");
    let after = map_caption(&h);
    assert_ne!(after, before, "the map slide follows the what-if");
    assert!(
        after.contains(" days"),
        "objectives now fall, with a time to objective: {after}"
    );
}

#[test]
fn the_map_is_fed_the_engines_time_to_objective_and_credibility() {
    let file = common::saved("us-bilateral-28-point.bulwark.json");
    let mut scenario = bulwark::scenario::load_file(&file).expect("the example loads");
    scenario.adversary.theatre_troops *= 3.0;
    let assessment = bulwark::model::assess(&scenario);
    let mut map = bulwark::map::MapState::default();
    map.set_figures(Some(&assessment));
    assert!(
        map.credibility.keys().any(|(_, state)| state == "USA"),
        "the US tie is weighted by the engine's credibility"
    );
    assert!(!map.axis_days.is_empty(), "axes show a time to objective");
    for days in map.axis_days.values() {
        assert!(*days > 0.0 && *days < 365.0, "{days}");
    }
    map.set_figures(None);
    assert!(map.axis_days.is_empty() && map.credibility.is_empty());
}

fn screen(name: &str, x: i32, has_window: bool) -> bulwark::present::monitor::Monitor {
    bulwark::present::monitor::Monitor {
        name: name.into(),
        size: [1920, 1080],
        position: [x, 0],
        scale: 1.0,
        has_window,
    }
}

/// Chooses `label` in View → Present on.
fn choose_present_on(h: &mut Harness<'_, BulwarkApp>, label: &str) {
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Present on").click();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

/// The window commands sent in the frame that handled F5.
fn press_f5_and_take_window_commands(h: &mut Harness<'_, BulwarkApp>) -> Vec<String> {
    h.key_down(Key::F5);
    h.step();
    let commands = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .map(|v| v.commands.iter().map(|c| format!("{c:?}")).collect())
        .unwrap_or_default();
    h.key_up(Key::F5);
    h.run();
    commands
}

#[test]
fn present_on_the_other_screen_opens_the_presenter_view_on_this_one() {
    use bulwark::present::monitor::PresentOn;
    let mut h = common::app(WINDOW);
    h.state_mut().screens_changed(vec![
        screen("eDP-1", 0, true),
        screen("HDMI-1", 1920, false),
    ]);
    choose_present_on(&mut h, "The other screen");
    assert_eq!(h.state().settings().present_on, PresentOn::OtherScreen);

    let commands = press_f5_and_take_window_commands(&mut h);
    assert!(
        commands.iter().any(|c| c == "SetMonitor(1)"),
        "full screen on the projector: {commands:?}"
    );
    assert!(
        h.state().presentation().is_some_and(|p| p.presenter_view),
        "the presenter view opens at once"
    );
    assert!(h.query_by_label("Speaker notes").is_some());
    assert!(h.state().message().contains("Presenting on HDMI-1"));
    press(&mut h, Key::Escape);
    assert!(h.state().presentation().is_none());
}

#[test]
fn a_screen_chosen_by_name_and_a_single_screen() {
    use bulwark::present::monitor::PresentOn;
    let mut h = common::app(WINDOW);
    h.state_mut().screens_changed(vec![
        screen("eDP-1", 0, true),
        screen("HDMI-1", 1920, false),
    ]);
    choose_present_on(&mut h, "HDMI-1 — 1920×1080");
    assert_eq!(
        h.state().settings().present_on,
        PresentOn::Named("HDMI-1".into())
    );

    // At the venue the projector is unplugged: one screen, which gets the slides.
    h.state_mut()
        .screens_changed(vec![screen("eDP-1", 0, true)]);
    let commands = press_f5_and_take_window_commands(&mut h);
    assert!(
        commands.iter().any(|c| c == "Fullscreen(true)"),
        "full screen where the window is: {commands:?}"
    );
    let p = h.state().presentation();
    assert!(
        p.is_some_and(|p| !p.presenter_view),
        "no notes on the only screen"
    );
    assert!(h.state().message().contains("HDMI-1 is not connected"));
}

#[test]
fn the_comparison_slide_shows_the_engines_figures() {
    use bulwark::present::draw_comparison_slide;
    let scenario = common::baked("coalition-guarantee.bulwark.json");
    let assessment = bulwark::model::assess(&scenario);
    let alone = assessment.states[0].break_even[0].clone();
    let shown = scenario.clone();
    let h = Harness::builder()
        .with_size(egui::vec2(1280.0, 500.0))
        .build_ui(move |ui| draw_comparison_slide(ui, &shown, Some(&assessment)));
    assert!(h.query_by_label("Chance of attack").is_some());
    let figure = format!("{:.1}%", 100.0 * alone.chance_of_attack);
    assert!(h.query_by_label(&figure).is_some(), "{figure} shown");
    assert!(
        h.query_by_label_contains("appear here").is_none(),
        "no placeholder"
    );
    // Before the first result: the layout, and a word that it is coming.
    let h = Harness::builder()
        .with_size(egui::vec2(1280.0, 500.0))
        .build_ui(move |ui| draw_comparison_slide(ui, &scenario, None));
    assert!(h.query_by_label("The assessment is running…").is_some());
}

/// The coalition example's trade-off slide in a harness of `size`, with
/// the open scenarios' `points` (none: as an export has it).
fn trade_off_slide(
    size: egui::Vec2,
    points: Vec<bulwark::plots::TradeOffPoint>,
) -> Harness<'static> {
    let scenario = common::baked("coalition-guarantee.bulwark.json");
    let assessment = bulwark::model::assess_with(&scenario, 500, 1);
    let mut fonts = common::AppFonts::default();
    let mut h = Harness::builder().with_size(size).build_ui(move |ui| {
        // The caption's arrows are in the app's fonts, from the next frame.
        if !fonts.ready(ui.ctx()) {
            return;
        }
        bulwark::present::draw_plot_slide(
            ui,
            &scenario,
            bulwark::present::slide::Figures {
                assessment: Some(&assessment),
                trade_off: &points,
            },
            bulwark::plots::PlotKind::AcceptabilityDeterrence,
            None,
        )
    });
    h.run();
    h
}

#[test]
fn the_trade_off_slide_shows_this_scenarios_point() {
    let h = trade_off_slide(egui::vec2(1280.0, 560.0), Vec::new());
    // It used to be drawn with no point at all.
    assert!(h.query_by_label_contains("(this scenario)").is_some());
    assert!(h.query_by_label_contains("Open other scenarios").is_some());
}

#[test]
fn the_trade_off_slide_names_every_open_scenario() {
    let points = (0..9)
        .map(|i| bulwark::plots::TradeOffPoint {
            title: format!("Scenario {}", i + 1),
            acceptability: 0.1 * i as f64,
            deterrence: 0.9 - 0.05 * i as f64,
            active: i == 0,
        })
        .collect();
    let mut h = trade_off_slide(egui::vec2(1280.0, 720.0), points);
    assert!(h.query_by_label_contains("The 9 open scenarios").is_some());
    assert!(h.query_by_label_contains("Open other scenarios").is_none());
    for i in 1..=9 {
        let mine = if i == 1 { " (this scenario)" } else { "" };
        assert!(
            h.query_by_label_contains(&format!("Scenario {i}{mine}:"))
                .is_some(),
            "scenario {i} is in the key"
        );
    }
    h.snapshot("slide_trade_off_nine");
}

#[test]
fn with_the_presenter_view_open_the_what_if_controls_are_in_it_not_before_the_room() {
    let mut h = presenting();
    press(&mut h, Key::S);
    press(&mut h, Key::Q);
    let notes = h.get_by_label("Speaker notes").rect();
    let troops = h.get_by_label("Adversary theatre troops").rect();
    assert!(
        troops.left() >= notes.left() - 1.0 && troops.bottom() <= notes.top(),
        "in the presenter view's column, above its notes: {troops:?} vs {notes:?}"
    );
    assert_eq!(
        h.query_all_by_label("What if…").count(),
        1,
        "no popover over the slide as well"
    );
    h.get_by_label("Override credibility of United States")
        .click();
    h.run();
    assert_eq!(
        h.state().doc().scenario().arrangements[0].guarantors[0].credibility,
        Some(0.5),
        "the edit goes through from the presenter view"
    );
}

#[test]
fn every_exported_slide_carries_the_marking_at_its_top_and_bottom() {
    let dir = common::temp_dir();
    let mut scenario = common::baked("armed-neutrality.bulwark.json");
    scenario.meta.marking = "UNCLASSIFIED — FOR TRAINING".into();
    scenario.slides.truncate(2);
    let file = dir.path().join("marked.bulwark.json");
    bulwark::scenario::save_file(&file, &scenario).expect("test set-up");
    let (code, err, out_dir) = export_deck(&dir, file);
    assert_eq!(code, 0, "{err}");
    for name in ["slide-01.png", "slide-02.png"] {
        let slide = image::open(out_dir.join(name)).expect("written").to_rgba8();
        let dark_row = |y: u32| {
            (0..slide.width())
                .filter(|x| slide.get_pixel(*x, y).0[..3].iter().all(|c| *c < 60))
                .count() as f64
                / f64::from(slide.width())
        };
        assert!(dark_row(4) > 0.8, "{name}: a banner at the top");
        assert!(
            dark_row(slide.height() - 5) > 0.8,
            "{name}: and at the bottom"
        );
    }
}
