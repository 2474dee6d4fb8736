//! The app shell driven as a user would: edit a field, undo it, see the unsaved
//! marker, be asked before discarding changes, open a bad file and read the error.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

use bulwark::ui::app::StartOptions;
use bulwark::ui::{BulwarkApp, Command};

use crate::common::{self, WINDOW};

fn title(h: &Harness<'_, BulwarkApp>) -> String {
    h.state().doc().scenario().meta.title.clone()
}

fn click_menu(h: &mut Harness<'_, BulwarkApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    h.run();
    // Of the items whose label holds `item`, the shortest ("New" beside
    // "New from a template…"; a label also holds the shortcut).
    let label = |node: &egui_kittest::Node<'_>| {
        use egui_kittest::kittest::NodeT;
        node.accesskit_node().label().unwrap_or_default()
    };
    h.query_all_by_label_contains(item)
        .min_by_key(|node| label(node).len())
        .expect("a menu item")
        .click();
    h.run();
}

#[test]
fn editing_a_field_marks_the_document_and_undo_restores_it() {
    let mut h = common::app(WINDOW);
    let original = title(&h);
    assert!(!h.state().window_title().starts_with('•'));
    h.get_by_label("Title").click();
    h.run();
    h.key_press(egui::Key::End);
    h.run();
    h.get_by_label("Title").type_text(" (edited)");
    h.run();
    assert_eq!(title(&h), format!("{original} (edited)"));
    assert!(
        h.state().window_title().starts_with("• "),
        "{}",
        h.state().window_title()
    );
    assert!(h.query_by_label("• Unsaved changes").is_some());

    click_menu(&mut h, "Edit", "Undo");
    assert_eq!(title(&h), original, "the whole typed text is one undo step");
    assert!(!h.state().doc().is_dirty());
    assert!(h.query_by_label("• Unsaved changes").is_none());

    click_menu(&mut h, "Edit", "Redo");
    assert_eq!(title(&h), format!("{original} (edited)"));
}

#[test]
fn new_opens_a_tab_and_closing_an_unsaved_tab_asks_first() {
    let mut h = common::app(WINDOW);
    h.get_by_label("Author").click();
    h.run();
    h.get_by_label("Author").type_text("Analyst");
    h.run();
    let edited = title(&h);

    click_menu(&mut h, "File", "New");
    assert_eq!(
        h.state().tabs().count(),
        2,
        "New opens a second tab; nothing is discarded"
    );
    assert_eq!(title(&h), "Untitled scenario");
    h.state_mut().queue(Command::CloseTab(0));
    h.run();
    assert!(
        h.query_by_label("Unsaved changes").is_some(),
        "the question is shown"
    );
    assert_eq!(title(&h), edited, "the tab in question is shown");
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(h.state().tabs().count(), 2, "Cancel keeps the tab");
    assert!(h.state().doc().is_dirty());

    h.state_mut().queue(Command::CloseTab(0));
    h.run();
    h.get_by_label("Discard").click();
    h.run();
    assert_eq!(h.state().tabs().count(), 1);
    assert_eq!(title(&h), "Untitled scenario");
}

#[test]
fn quitting_with_unsaved_work_asks_first() {
    let mut h = common::app(WINDOW);
    h.get_by_label("Author").click();
    h.run();
    h.get_by_label("Author").type_text("Analyst");
    h.run();
    h.state_mut().queue(Command::Quit);
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_some());
    assert!(!h.state().is_closing());
    h.get_by_label("Discard").click();
    h.run();
    assert!(h.state().is_closing());
}

#[test]
fn five_scenarios_compare_with_their_results_and_the_user_chooses_which() {
    let mut h = common::app(WINDOW);
    let names = [
        "armed-neutrality.bulwark.json",
        "nato-membership.bulwark.json",
        "budapest-assurances.bulwark.json",
        "coalition-guarantee.bulwark.json",
        "anglo-french-guarantee.bulwark.json",
    ];
    for name in names {
        h.state_mut().queue(Command::OpenExample(name.into()));
        h.run();
    }
    assert_eq!(
        h.state().tabs().count(),
        5,
        "the untouched start-up example was replaced"
    );
    h.get_by_label("Compare").click();
    common::run_assessment(&mut h);
    assert!(h.query_by_label("Compare scenarios").is_some());
    assert!(
        h.query_by_label("Chance of attack").is_some(),
        "results are compared"
    );
    assert!(
        h.query_by_label("Credibility (a guarantor fights)")
            .is_some()
    );
    assert!(
        h.query_by_label("Guarantors").is_some(),
        "differing inputs are listed"
    );
    let differences = || h.query_all_by_label_contains(" pts)").count();
    let all_five = differences();
    assert!(
        all_five >= 4,
        "each scenario after the first shows its difference: {all_five}"
    );
    // Untick the last one: its column goes.
    let last = h
        .state()
        .tabs()
        .get(4)
        .expect("a fifth tab")
        .scenario()
        .meta
        .title
        .clone();
    // The scenario's tick box, above the plot whose legend names it too.
    h.query_all_by_role_and_label(egui::accesskit::Role::CheckBox, &last)
        .next()
        .expect("its tick box")
        .click();
    h.run();
    let four = h.query_all_by_label_contains(" pts)").count();
    assert!(
        four < all_five,
        "{four} differences with four, {all_five} with five"
    );
    // The scenario's tick box, above the plot whose legend names it too.
    h.query_all_by_role_and_label(egui::accesskit::Role::CheckBox, &last)
        .next()
        .expect("its tick box")
        .click();
    // The grid settles its rows' heights over a frame or two.
    h.run_steps(3);
    h.snapshot("compare");
}

#[test]
fn shortcut_ctrl_n_on_a_clean_document_starts_a_new_one() {
    let mut h = common::app(WINDOW);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::N);
    h.run();
    assert_eq!(title(&h), "Untitled scenario");
}

#[test]
fn opening_a_bad_file_shows_which_field_is_wrong_and_keeps_the_document() {
    let mut h = common::app(WINDOW);
    let before = title(&h);
    let bad = common::test_file("bad/credibility-out-of-range.bulwark.json");
    h.state_mut().queue(Command::OpenPath(bad));
    h.run();
    assert!(
        h.query_by_label_contains(
            "arrangements[1].guarantors[0].credibility: 1.7 is outside 0 to 1"
        )
        .is_some()
    );
    h.get_by_label("OK").click();
    h.run();
    assert_eq!(title(&h), before, "the open document is untouched");
    assert!(h.state().error().is_none());
}

#[test]
fn saving_clears_the_marker_and_remembers_the_file() {
    let mut h = common::app(WINDOW);
    let dir = common::temp_dir();
    let path = dir.path().join("mine.bulwark.json");
    h.get_by_label("Author").click();
    h.run();
    h.get_by_label("Author").type_text("Analyst");
    h.run();
    h.state_mut().queue(Command::SaveTo(path.clone()));
    h.run();
    assert!(!h.state().doc().is_dirty());
    assert!(h.state().window_title().starts_with("mine.bulwark.json"));
    let saved = bulwark::scenario::load_file(&path).expect("saved file loads");
    assert!(saved.meta.author.ends_with("Analyst"));
    assert_eq!(
        h.state().settings().recent.first().map(|p| p.file_name()),
        Some(path.file_name())
    );
}

#[test]
fn examples_menu_opens_every_example() {
    let mut h = common::app(WINDOW);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Examples").hover();
    h.run();
    for (name, _) in bulwark::ui::app::example_titles() {
        h.state_mut().queue(Command::OpenExample(name.clone()));
        h.run();
        assert!(
            h.state().error().is_none(),
            "{name}: {:?}",
            h.state().error()
        );
        assert_eq!(h.state().doc().name(), *name);
    }
}

#[test]
fn snapshot_of_the_empty_shell() {
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::New);
    h.run();
    h.snapshot("empty_shell");
}

#[test]
fn an_arrangement_built_from_a_template_is_one_undo_step() {
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::New);
    h.run();
    h.get_by_label("Arrangements").click();
    h.run();
    h.get_by_label("Add from template").click();
    h.run();
    h.get_by_label("NATO membership (Article 5)").click();
    h.run();
    let s = h.state().doc().scenario().clone();
    assert_eq!(s.arrangements.len(), 1);
    let nato = &s.arrangements[0];
    assert_eq!(nato.protected_states, vec!["UKR".to_owned()]);
    assert!(nato.guarantors.iter().any(|g| g.state == "USA"));
    assert!(
        s.states.iter().any(|e| e.id == "USA"),
        "guarantor states are added"
    );
    assert!(bulwark::scenario::validate(&s).is_empty());
    click_menu(&mut h, "Edit", "Undo");
    assert!(h.state().doc().scenario().arrangements.is_empty());
}

#[test]
fn changing_a_guarantors_formality_edits_the_document() {
    let mut h = common::app(WINDOW);
    h.get_by_label("Arrangements").click();
    h.run();
    let before = h.state().doc().scenario().arrangements[0].guarantors[0].formality;
    h.get_by_label("Formality").click();
    h.run();
    h.get_by_label("Ratified treaty").click();
    h.run();
    let after = h.state().doc().scenario().arrangements[0].guarantors[0].formality;
    assert_ne!(before, after);
    assert_eq!(after, bulwark::scenario::Formality::RatifiedTreaty);
    assert!(h.state().doc().is_dirty());
}

#[test]
fn snapshots_of_the_editing_tabs() {
    let mut h = common::app(WINDOW);
    for (tab, name) in [
        ("Arrangements", "editor_arrangements"),
        ("Forces & economies", "editor_states"),
        ("Adversary", "editor_adversary"),
        ("Axes", "editor_axes"),
        ("Assumptions", "editor_assumptions"),
    ] {
        // The tab, not a map layer of the same name.
        h.get_by(|n| {
            n.label().as_deref() == Some(tab) && n.role() != egui::accesskit::Role::CheckBox
        })
        .click();
        h.run();
        h.snapshot(name);
    }
}

#[test]
fn saving_over_a_file_changed_by_someone_else_asks_first() {
    let (_dir, path) = common::copied(&common::minimal_file(), "shared.bulwark.json");
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenPath(path.clone()));
    h.run();
    // A colleague saves their own version meanwhile.
    let theirs = std::fs::read_to_string(&path)
        .expect("read")
        .replace("Bad-file base", "Colleague's version");
    std::fs::write(&path, &theirs).expect("write");
    h.get_by_label("Author").click();
    h.run();
    h.get_by_label("Author").type_text(" and me");
    h.run();
    h.state_mut().queue(Command::Save);
    h.run();
    assert!(h.query_by_label("File changed on disk").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert_eq!(
        std::fs::read_to_string(&path).expect("read"),
        theirs,
        "their file is kept"
    );
    assert!(h.state().doc().is_dirty(), "my edit is kept too");

    h.state_mut().queue(Command::Save);
    h.run();
    h.get_by_label("Overwrite").click();
    h.run();
    assert!(!h.state().doc().is_dirty());
    let backup = std::fs::read_to_string(bulwark::scenario::backup_path(&path)).expect("backup");
    assert_eq!(backup, theirs, "their version is kept as the backup");
}

/// Runs the assessment of every open document to completion, then a frame.
fn assessed(h: &mut Harness<'_, BulwarkApp>) -> bulwark::model::Assessment {
    common::run_assessment(h);
    let status = h.state().assessment();
    assert!(!status.stale, "the result is for the current version");
    (*status.result.expect("assessed")).clone()
}

fn shown_pct(x: f64) -> String {
    format!("{:.1}%", 100.0 * x)
}

#[test]
fn changing_formality_changes_the_credibility_shown_and_undo_restores_it() {
    let mut h = common::app(WINDOW);
    let before = assessed(&mut h).states[0].credibility.arrangement.mean;
    assert!(
        h.query_all_by_label_contains(&shown_pct(before))
            .next()
            .is_some()
    );
    h.get_by_label("Arrangements").click();
    h.run();
    h.get_by_label("Formality").click();
    h.run();
    h.get_by_label("Political declaration").click();
    let after = assessed(&mut h).states[0].credibility.arrangement.mean;
    assert!(
        after < before,
        "a declaration is less credible than an agreement: {after} vs {before}"
    );
    assert!(
        h.query_all_by_label_contains(&shown_pct(after))
            .next()
            .is_some(),
        "the new figure is shown"
    );
    click_menu(&mut h, "Edit", "Undo");
    let undone = assessed(&mut h).states[0].credibility.arrangement.mean;
    assert_eq!(undone, before);
}

#[test]
fn adding_a_void_clause_raises_the_chance_of_attack() {
    let mut h = common::app(WINDOW);
    h.state_mut()
        .queue(Command::OpenExample("nato-membership.bulwark.json".into()));
    let before = assessed(&mut h).states[0].decision.chance_of_attack.mean;
    h.get_by_label("Arrangements").click();
    h.run();
    h.get_by_label("Void clauses").scroll_to_me();
    h.run();
    h.get_by_label("Add void clause").click();
    h.run();
    h.get_by_label("Provokes the attack").click();
    let after = assessed(&mut h).states[0].decision.chance_of_attack.mean;
    assert!(
        h.state().doc().scenario().arrangements[0]
            .void_clauses
            .len()
            == 1,
        "the clause was added"
    );
    assert!(
        after > before,
        "a void clause makes attack more likely: {after} vs {before}"
    );
}

#[test]
fn snapshot_of_the_assessment_panel() {
    let mut h = common::app(WINDOW);
    assessed(&mut h);
    h.snapshot("assessment_panel");
}

#[test]
fn the_assessment_exports_as_csv_and_json_next_to_the_scenario() {
    let (dir, path) = common::copied(
        &common::saved("armed-neutrality.bulwark.json"),
        "mine.bulwark.json",
    );
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenPath(path));
    let a = assessed(&mut h);
    click_menu(&mut h, "File", "Export assessment (CSV)");
    h.state_mut()
        .queue(Command::ExportAssessment { csv: false });
    h.run();
    let slug = "armed-neutrality-ukraine-on-its-own";
    let csv = std::fs::read_to_string(dir.path().join(format!("{slug}-assessment.csv")))
        .expect("CSV written");
    assert!(csv.starts_with("file,state,arrangements,chance_of_attack_mean"));
    assert!(csv.contains(&format!(
        "{:.4}",
        a.states[0].decision.chance_of_attack.mean
    )));
    let json = std::fs::read_to_string(dir.path().join(format!("{slug}-assessment.json")))
        .expect("JSON written");
    let v: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(v[0]["assessment"]["states"][0]["state"], "UKR");
}

/// The eastern-flank example copied into a folder of its own and opened
/// from there (so exports go beside it).
fn flank_from_a_file() -> (tempfile::TempDir, Harness<'static, BulwarkApp>) {
    let (dir, path) = common::copied(
        &common::saved("eastern-flank-today.bulwark.json"),
        "flank.bulwark.json",
    );
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenPath(path));
    h.run();
    (dir, h)
}

#[test]
fn the_map_exports_as_a_png_next_to_the_scenario() {
    let (dir, mut h) = flank_from_a_file();
    click_menu(&mut h, "File", "Export map image");
    h.run_steps(6);
    let png = dir.path().join("nato-s-eastern-flank-today-map.png");
    let image = image::open(&png).unwrap_or_else(|e| {
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .collect();
        panic!("no map image ({e}); the folder has {names:?}")
    });
    assert!(
        image.width() > 400 && image.height() > 300,
        "{}×{}",
        image.width(),
        image.height()
    );
    assert!(
        h.state().message().contains("Exported the map"),
        "{}",
        h.state().message()
    );
}

/// Opens and reads a PNG, saying what the folder holds when it is missing.
fn read_png(path: &std::path::Path) -> image::RgbaImage {
    match image::open(path) {
        Ok(image) => image.to_rgba8(),
        Err(e) => {
            let folder = path.parent().expect("folder");
            let names: Vec<_> = std::fs::read_dir(folder)
                .expect("dir")
                .map(|e| e.expect("entry").file_name())
                .collect();
            panic!(
                "no image at {} ({e}); the folder has {names:?}",
                path.display()
            )
        }
    }
}

/// How many different colours an image has (a blank capture has one or two).
fn colours(image: &image::RgbaImage) -> usize {
    let mut seen: Vec<[u8; 4]> = image.pixels().map(|p| p.0).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

#[test]
fn a_plot_exports_as_a_png_where_the_user_chooses() {
    let (dir, path) = common::copied(
        &common::saved("nato-membership.bulwark.json"),
        "nato.bulwark.json",
    );
    // No desktop portal answers in a test: ask for typed paths, as the app does
    // when the system dialog returns nothing.
    let mut h = common::app_with(
        WINDOW,
        StartOptions {
            typed_paths_only: true,
            ..common::inline()
        },
    );
    h.state_mut().queue(Command::OpenPath(path));
    assessed(&mut h);

    // The button beside the plots: choose another name, without an extension.
    h.get_by_label("Export plot…").click();
    h.run();
    assert!(
        h.query_by_label("Export the plot as a figure (PNG, SVG or PDF)")
            .is_some()
    );
    let chosen = dir.path().join("chance of attack");
    common::type_path(&mut h, &chosen);
    h.get_by_label("Export").click();
    finish_plot_export(&mut h);
    let image = read_png(&dir.path().join("chance of attack.png"));
    assert_eq!(
        image.dimensions(),
        (1600, 900),
        "a figure at the size chosen, not a screen grab"
    );
    assert!(colours(&image) > 20, "the image shows the plot");
    // Light: the figure's corner is the slides' white, not the dark theme.
    assert_eq!(image.get_pixel(2, 2).0, [255, 255, 255, 255]);
    assert!(
        h.state().message().contains("Exported Chance of attack"),
        "{}",
        h.state().message()
    );

    // The File menu exports the plot on show, by default next to the scenario.
    h.get_by_label("Tornado").click();
    h.run();
    // At another size, chosen beside the plots.
    h.get_by_label("size").click();
    h.run();
    h.get_by_label("1200 × 800 (report column)").click();
    h.run();
    click_menu(&mut h, "File", "Export tornado plot…");
    h.get_by_label("Export").click();
    finish_plot_export(&mut h);
    let tornado = read_png(
        &dir.path()
            .join("nato-membership-ukraine-under-article-5-tornado.png"),
    );
    assert_eq!(tornado.dimensions(), (1200, 800));
    assert!(colours(&tornado) > 20);
}

/// Runs frames until the plot export on its thread has finished.
fn finish_plot_export(h: &mut Harness<'_, BulwarkApp>) {
    h.run();
    for _ in 0..600 {
        if !h.state().exporting_plot() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run();
    }
    assert!(!h.state().exporting_plot(), "the export finishes");
}

#[test]
fn looking_at_every_tab_never_changes_a_file() {
    // Figures a file may hold (it validates) but the editor would not offer:
    // 20 million troops, 50 draws, a seed too large for a floating-point number.
    let example = common::saved("us-bilateral-28-point.bulwark.json");
    let mut s = bulwark::scenario::load_file(&example).expect("example");
    s.adversary.theatre_troops = 2.0e7;
    s.simulation.samples = 50;
    s.simulation.seed = (1 << 60) + 1;
    assert!(bulwark::scenario::validate(&s).is_empty());
    let dir = common::temp_dir();
    let path = dir.path().join("wide.bulwark.json");
    bulwark::scenario::save_file(&path, &s).expect("save");
    let loaded = bulwark::scenario::load_file(&path).expect("load");

    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenPath(path));
    h.run();
    for tab in [
        "Scenario",
        "Arrangements",
        "Forces & economies",
        "Adversary",
        "Assumptions",
        "Slides",
    ] {
        h.get_by_label(tab).click();
        h.run();
        assert!(!h.state().doc().is_dirty(), "showing {tab} edited the file");
    }
    assert_eq!(*h.state().doc().scenario(), loaded);
}

#[test]
fn a_click_is_carried_out_in_the_frame_that_saw_it() {
    let mut h = common::app(WINDOW);
    let panel_shown = h.state().settings().show_left;
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Editing panel").click();
    // One frame: the click is read, and the command it gave is carried out at
    // the end of that same frame (it used to wait for the next one).
    h.step();
    assert_ne!(h.state().settings().show_left, panel_shown);
}

#[test]
fn dialog_answers_are_commands() {
    let mut h = common::app(WINDOW);
    let mut edited = h.state().doc().scenario().clone();
    edited.meta.title = "Changed".into();
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(edited),
        group: None,
    });
    h.state_mut().queue(Command::CloseTab(0));
    h.run();
    assert!(
        h.state().question().is_some(),
        "asked about the unsaved change"
    );
    assert!(h.query_by_label("Discard").is_some());
    // The same answer as the Cancel button, given as a command.
    h.state_mut().queue(Command::AnswerUnsaved(
        bulwark::ui::commands::UnsavedChoice::Cancel,
    ));
    h.run();
    assert!(h.state().question().is_none());
    assert_eq!(title(&h), "Changed", "nothing was discarded");
    h.state_mut().queue(Command::About);
    h.run();
    assert!(h.state().about_open());
    h.get_by_label("Close").click();
    h.run();
    assert!(
        !h.state().about_open(),
        "the About window's Close is a command"
    );
}

#[cfg(unix)]
#[test]
fn saving_over_a_read_only_file_asks_first() {
    use std::os::unix::fs::PermissionsExt as _;
    let (_dir, path) = common::copied(&common::minimal_file(), "read-only.bulwark.json");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o444)).expect("chmod");
    let mut h = common::app_with(
        WINDOW,
        StartOptions {
            file: Some(path.clone()),
            ..common::inline()
        },
    );
    let mut edited = h.state().doc().scenario().clone();
    edited.meta.title = "Edited".into();
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(edited),
        group: None,
    });
    h.state_mut().queue(Command::Save);
    h.run();
    // Before: the read-only file was replaced without a word.
    assert!(h.query_by_label_contains("is read-only").is_some());
    assert!(h.state().doc().is_dirty(), "not saved yet");
    h.get_by_label("Replace it").click();
    h.run();
    assert!(!h.state().doc().is_dirty(), "{:?}", h.state().error());
    let saved = bulwark::scenario::load_file(&path).expect("loads");
    assert_eq!(saved.meta.title, "Edited");
    let mode = std::fs::metadata(&path)
        .expect("there")
        .permissions()
        .mode()
        & 0o777;
    assert_eq!(mode, 0o444, "still read-only");
}

#[test]
fn a_scenario_too_large_to_assess_says_so_in_the_panel() {
    let mut h = common::app(WINDOW);
    let mut huge = h.state().doc().scenario().clone();
    huge.simulation.samples = 1_000_000;
    let copies: Vec<_> = (0..30)
        .flat_map(|copy| {
            huge.axes.clone().into_iter().map(move |mut axis| {
                axis.id = format!("{}-{copy}", axis.id);
                axis
            })
        })
        .collect();
    huge.axes.extend(copies);
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(huge),
        group: None,
    });
    h.run();
    // Before: the app ran the assessment for minutes on both cores.
    assert!(
        h.query_by_label_contains("Not assessed: this assessment is too large")
            .is_some()
    );
    assert!(h.state().assessment().refused.is_some());
    assert!(!h.state().assessment().running);
}

#[test]
fn an_image_in_the_notes_is_not_loaded_but_named() {
    let mut h = common::app(WINDOW);
    let mut edited = h.state().doc().scenario().clone();
    edited.meta.notes = "A map: ![the front](file:///dev/zero)\n".into();
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(edited),
        group: None,
    });
    h.run();
    // Before: the file was read as soon as the notes were shown (from
    // /dev/zero, without end).
    h.get_by_label_contains("Image not loaded: file:///dev/zero")
        .click();
    h.run();
    // Loading asks first, naming the file, and then refuses what is not a
    // regular file, without reading it.
    assert!(h.query_by_label_contains("Load this image").is_some());
    h.get_by_label("Load image").click();
    h.run();
    let error = h.state().error().unwrap_or_default().to_string();
    assert!(
        error.contains("/dev/zero") && error.contains("not a file"),
        "{error}"
    );
}

/// A scenario whose notes show `image`, saved beside a PNG of `width` ×
/// `height` as `map.png`, opened in the app.
fn scenario_with_image(
    width: u32,
    height: u32,
) -> (tempfile::TempDir, Harness<'static, BulwarkApp>) {
    let dir = common::temp_dir();
    let png = image::RgbaImage::from_pixel(width, height, image::Rgba([30, 90, 200, 255]));
    png.save(dir.path().join("map.png")).expect("test set-up");
    let mut scenario = common::baked("eastern-flank-today.bulwark.json");
    scenario.meta.notes = "The front:\n\n![the front](map.png)\n".into();
    let file = dir.path().join("front.bulwark.json");
    bulwark::scenario::save_file(&file, &scenario).expect("test set-up");
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenPath(file));
    h.run();
    (dir, h)
}

#[test]
fn an_image_loads_from_its_file_only_after_a_click_and_a_yes() {
    let (dir, mut h) = scenario_with_image(64, 32);
    h.run();
    let placeholder = "Image not loaded: map.png";
    h.get_by_label_contains(placeholder).click();
    h.run();
    let file = dir.path().join("map.png").display().to_string();
    assert!(
        h.query_by_label_contains(&file).is_some(),
        "the question names the file"
    );
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.query_by_label_contains(placeholder).is_some(),
        "not loaded"
    );
    h.get_by_label_contains(placeholder).click();
    h.run();
    h.get_by_label("Load image").click();
    h.run();
    h.run();
    assert_eq!(h.state().error(), None);
    assert!(
        h.state().message().contains("64 × 32 pixels"),
        "{}",
        h.state().message()
    );
    assert!(
        h.query_by_label_contains(placeholder).is_none(),
        "the image is shown in its place"
    );
    let shown = h.render().expect("a frame");
    let blue = shown
        .pixels()
        .filter(|p| p.0[0] < 50 && (60..120).contains(&p.0[1]) && p.0[2] > 170)
        .count();
    assert!(blue >= 64 * 32 / 2, "the image is drawn ({blue} pixels)");
}

#[test]
fn a_wide_image_is_scaled_to_the_texture_limit_rather_than_crashing() {
    // Before: a 307-byte PNG of 9000 × 10 pixels panicked the app (a texture
    // above the graphics card's limit of 8192).
    let (_dir, mut h) = scenario_with_image(9000, 10);
    h.run();
    h.get_by_label_contains("Image not loaded: map.png").click();
    h.run();
    h.get_by_label("Load image").click();
    h.run();
    h.run();
    let limit = h.ctx.input(|i| i.max_texture_side);
    assert!(
        h.state().message().contains(&format!("{limit} × ")),
        "{} (limit {limit})",
        h.state().message()
    );
}

#[test]
fn a_link_shows_its_address_with_hidden_characters_written_out() {
    let mut h = common::app(WINDOW);
    let mut edited = h.state().doc().scenario().clone();
    // U+202E turns the text around: "moc.elgoog//:sptth" would read as another address.
    edited.meta.notes = "[the source](https://evil.example/\u{202E}moc.elgoog)\n".into();
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(edited),
        group: None,
    });
    h.run();
    h.get_by_label("the source").click();
    h.run();
    assert!(
        h.query_by_label_contains("https://evil.example/\\u{202E}moc.elgoog")
            .is_some(),
        "the override is written out in the question"
    );
}

#[test]
fn a_long_assessment_shows_its_progress_and_can_be_stopped() {
    let mut h = common::app_with(WINDOW, StartOptions::default());
    let mut long = h.state().doc().scenario().clone();
    long.simulation.samples = 1_000_000;
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(long),
        group: None,
    });
    // The bar shows once the run has gone on for a moment (the example's
    // first run may still be finishing before it).
    let started = std::time::Instant::now();
    while h.query_by_label_contains("of 1,000,000 draws").is_none()
        && started.elapsed() < std::time::Duration::from_secs(20)
    {
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.step();
    }
    assert!(
        h.query_by_label_contains("of 1,000,000 draws").is_some(),
        "the progress bar counts the draws"
    );
    h.get_by_label("Stop").click();
    h.step();
    h.step();
    assert!(h.state().assessment().stopped);
    assert!(!h.state().assessment().running);
    assert!(
        h.query_by_label_contains("Stopped before it finished")
            .is_some()
    );
    h.get_by_label("Assess again").click();
    h.step();
    h.step();
    assert!(h.state().assessment().running, "it runs again");
    h.state_mut().queue(Command::StopAssessment);
    h.step();
}

#[test]
fn the_historical_backtests_open_from_the_help_menu() {
    let mut h = common::app(WINDOW);
    h.get_by_label("Help").click();
    h.run();
    h.get_by_label("Historical backtests").click();
    // A spinner while the cases run off the UI thread.
    h.step();
    h.state_mut().finish_backtests();
    h.run();
    assert!(
        h.query_by_label_contains("scored campaigns within a factor of two of history")
            .is_some()
    );
    assert!(h.query_all_by_label_contains("ROC AUC").next().is_some());
    // How far to trust the chance of attack.
    assert!(
        h.query_by_label_contains("95% bootstrap interval")
            .is_some()
    );
    assert!(
        h.query_by_label_contains("with any one case left out")
            .is_some()
    );
    assert!(h.query_by_label_contains("Brier score").is_some());
    assert!(h.query_by_label_contains("= reliability").is_some());
    h.get_by_label("Reliability diagram").scroll_to_me();
    h.run();
    h.snapshot("backtest_calibration");
    for case in ["Barbarossa 1941", "Winter War 1939-40", "Kyiv 2022"] {
        assert!(h.query_by_label_contains(case).is_some(), "{case} listed");
    }
    assert!(
        !h.query_all_by_label("matches")
            .collect::<Vec<_>>()
            .is_empty()
    );
    h.state_mut().queue(Command::CloseBacktest);
    h.run();
    assert!(
        h.query_all_by_label_contains("ROC AUC").next().is_none(),
        "closed"
    );
}

#[test]
fn a_units_kind_is_edited_in_the_arrangements_tab_and_undone() {
    // Tall enough that the new unit's row is on screen.
    let mut h = common::app(egui::vec2(1600.0, 3000.0));
    h.get_by_label("Arrangements").click();
    h.run();
    h.get_by_label("Add unit").click();
    h.run();
    let forces = |h: &Harness<'_, BulwarkApp>| {
        h.state().doc().scenario().arrangements[0].guarantors[0]
            .forces
            .clone()
    };
    let added = forces(&h).len() - 1;
    assert_eq!(
        forces(&h)[added].kind,
        bulwark::scenario::UnitKind::Mechanised
    );
    h.get_all_by_label("Kind")
        .last()
        .expect("the new unit's kind")
        .click();
    h.run();
    h.get_by_label("Armoured").click();
    h.run();
    assert_eq!(
        forces(&h)[added].kind,
        bulwark::scenario::UnitKind::Armoured
    );
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(
        forces(&h)[added].kind,
        bulwark::scenario::UnitKind::Mechanised
    );
}

#[test]
fn a_consistency_warning_shows_in_the_editing_panel_and_the_file_stays_valid() {
    let mut h = common::app(WINDOW);
    let mut odd = h.state().doc().scenario().clone();
    odd.axes[0].objective = odd.axes[0].start.clone();
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(odd),
        group: None,
    });
    h.run();
    assert!(h.query_by_label("1 warning").is_some());
    assert!(
        h.query_by_label_contains("axes[0].objective: is 0.0 km from the start")
            .is_some()
    );
    assert!(h.state().assessment().result.is_some(), "still assessed");
    // Beside the field too: in the axis's own section of the Axes tab.
    h.get_by(|n| {
        n.label().as_deref() == Some("Axes") && n.role() != egui::accesskit::Role::CheckBox
    })
    .click();
    h.run();
    assert!(
        h.query_by_label_contains("⚠ objective: is 0.0 km from the start")
            .is_some(),
        "the warning in the axis's section"
    );
}

#[test]
fn a_commitment_can_wait_for_a_guarantor_under_another_arrangement() {
    let name = "czechoslovakia-1938.bulwark.json";
    let bytes = bulwark::assets::asset(&format!("backtest/{name}")).expect("a shipped case");
    let case = bulwark::scenario::from_bytes(name, bytes).expect("loads");
    let soviet = case.arrangements[1].name.clone();
    let mut h = common::app(egui::vec2(1600.0, 3000.0));
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(case),
        group: None,
    });
    h.run();
    h.get_by_label("Arrangements").click();
    h.run();
    h.get_by_label("Arrangement").click();
    h.run();
    h.get_by_label(&soviet).click();
    h.run();
    // The Soviet treaty waits for France, whose treaty is another arrangement.
    let chosen = h.get_by_label("Acts only if");
    assert_eq!(chosen.value().as_deref(), Some("France (1938)"));
}

/// A tall window with the example `name` and its Axes tab open; also gives
/// how many axes it has.
fn axes_tab_of(name: &str) -> (Harness<'static, BulwarkApp>, usize) {
    let mut h = common::app(egui::vec2(1600.0, 3000.0));
    let case = common::baked(name);
    let before = case.axes.len();
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(case),
        group: None,
    });
    h.run();
    // The tab, not the map's layer of the same name.
    h.get_by(|n| {
        n.label().as_deref() == Some("Axes") && n.role() != egui::accesskit::Role::CheckBox
    })
    .click();
    h.run();
    (h, before)
}

#[test]
fn an_axis_is_added_edited_to_land_by_air_and_removed_in_the_axes_tab_undoably() {
    let (mut h, before) = axes_tab_of("armed-neutrality.bulwark.json");
    h.get_by_label("Add axis").click();
    h.run();
    h.get_by_label("Into Ukraine").click();
    h.run();
    let axes = &h.state().doc().scenario().axes;
    assert_eq!(axes.len(), before + 1);
    assert_eq!(axes[before].name, "Moscow → Kyiv");
    // The new axis is the last one, folded: open it, then cross by air.
    h.get_by_label_contains("Moscow → Kyiv (into Ukraine)")
        .click();
    h.run();
    h.get_all_by_label("Crossing")
        .last()
        .expect("a crossing")
        .click();
    h.run();
    h.get_by_label("By air").click();
    h.run();
    assert_eq!(
        h.state().doc().scenario().axes[before].crossing,
        bulwark::scenario::Crossing::Air
    );
    h.get_by_label("Lift a day").click();
    h.run();
    assert_eq!(
        h.state().doc().scenario().axes[before].lift_per_day,
        Some(2000.0)
    );
    h.get_all_by_label("Remove axis")
        .last()
        .expect("a button")
        .click();
    h.run();
    assert_eq!(h.state().doc().scenario().axes.len(), before);
    // Undo the removal, then the lift.
    for _ in 0..2 {
        h.state_mut().queue(Command::Undo);
        h.run();
    }
    let axes = &h.state().doc().scenario().axes;
    assert_eq!(axes.len(), before + 1, "undo brings the axis back");
    assert_eq!(axes[before].crossing, bulwark::scenario::Crossing::Air);
    assert_eq!(axes[before].lift_per_day, None);
}

#[test]
fn a_river_crossing_with_blown_bridges_is_added_in_the_axes_tab_and_slows_the_campaign() {
    let (mut h, _) = axes_tab_of("armed-neutrality.bulwark.json");
    let before = assessed(&mut h).states[0].campaign[0].clone();
    // The first axis is open: add a crossing half-way along it.
    h.get_by_label("Add river crossing").click();
    h.run();
    let crossings = &h.state().doc().scenario().axes[0].river_crossings;
    assert_eq!(crossings.len(), 1);
    assert_eq!(crossings[0].bridges, None, "the engine decides, at first");
    assert!(h.query_by_label_contains("km along the route").is_some());
    h.get_by_label("Bridges").click();
    h.run();
    h.get_by_label("Blown").click();
    h.run();
    let crossing = &h.state().doc().scenario().axes[0].river_crossings[0];
    assert_eq!(crossing.bridges, Some(bulwark::scenario::Bridges::Blown));
    let after = assessed(&mut h).states[0].campaign[0].clone();
    // Halted at the river, the attack takes the objective less often or later.
    let median = |c: &bulwark::model::Campaign| c.days_to_objective.as_ref().map(|d| d.p50);
    assert!(
        after.held > before.held || median(&after) > median(&before),
        "held {} -> {}, median {:?} -> {:?}",
        before.held,
        after.held,
        median(&before),
        median(&after)
    );
    // Removed, and undone.
    h.get_by_label("Remove crossing").click();
    h.run();
    assert!(
        h.state().doc().scenario().axes[0]
            .river_crossings
            .is_empty()
    );
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(h.state().doc().scenario().axes[0].river_crossings.len(), 1);
}

#[test]
fn a_defence_line_is_added_in_the_axes_tab_and_changes_the_campaign() {
    let (mut h, _) = axes_tab_of("armed-neutrality.bulwark.json");
    let before = assessed(&mut h).states[0].campaign[0].clone();
    assert!(
        h.query_by_label_contains("Defence lines: none").is_some(),
        "the whole defence at the front"
    );
    h.get_by_label("Add defence line").click();
    h.run();
    let lines = &h.state().doc().scenario().axes[0].defence_lines;
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0].share, 0.25, "a quarter of the defence, at first");
    assert!(
        h.query_by_label_contains("25% of the defence behind the front")
            .is_some()
    );
    assert!(h.query_by_label_contains("km along the route").is_some());
    // A quarter of the defence met only half-way: the campaign changes.
    let after = assessed(&mut h).states[0].campaign[0].clone();
    let median = |c: &bulwark::model::Campaign| c.days_to_objective.as_ref().map(|d| d.p50);
    assert!(
        after.held != before.held || median(&after) != median(&before),
        "held {} -> {}, median {:?} -> {:?}",
        before.held,
        after.held,
        median(&before),
        median(&after)
    );
    // A second line; typed past what the first leaves, it holds the rest.
    h.get_by_label("Add defence line").click();
    h.run();
    let share = h.get_all_by_label("Share of the defence").nth(1);
    share.expect("the second line's share").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.run();
    h.get_all_by_label("Share of the defence")
        .nth(1)
        .expect("its field")
        .type_text("0.9");
    h.key_press(egui::Key::Enter);
    h.run();
    let lines = &h.state().doc().scenario().axes[0].defence_lines;
    assert_eq!(lines[1].share, 0.75, "all the first leaves, no more");
    assert!(bulwark::scenario::validate(h.state().doc().scenario()).is_empty());
    // Removed, and undone.
    h.get_all_by_label("Remove line")
        .last()
        .expect("a button")
        .click();
    h.run();
    h.get_by_label("Remove line").click();
    h.run();
    assert!(h.state().doc().scenario().axes[0].defence_lines.is_empty());
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(h.state().doc().scenario().axes[0].defence_lines.len(), 1);
}

#[test]
fn the_new_scenario_dialog_builds_a_realistic_case_with_a_sensible_assessment() {
    let mut h = common::app(WINDOW);
    click_menu(&mut h, "File", "New from a template");
    assert!(h.query_by_label("New scenario from a template").is_some());
    h.get_by_label("Protected state").click();
    h.run();
    // (A state the list shows without scrolling.)
    h.get_by_label("Poland").click();
    h.run();
    h.get_by_label("Arrangement type").click();
    h.run();
    h.get_by_label("NATO membership (Article 5)").click();
    h.run();
    // What it will start from is shown before it is built.
    assert!(
        h.query_by_label_contains("Axes of advance: Hrodna → Suwałki gap")
            .is_some()
    );
    h.get_by_label("Create").click();
    h.run();
    assert_eq!(title(&h), "NATO membership (Article 5): Poland");
    let s = h.state().doc().scenario().clone();
    assert_eq!(s.axes[0].id, "suwalki_gap");
    // Poland does not guarantee itself under NATO's template.
    assert!(
        s.arrangements[0]
            .guarantors
            .iter()
            .all(|g| g.state != "POL")
    );
    assert_eq!(s.adversary.state, "RUS");
    let a = assessed(&mut h);
    let poland = &a.states[0];
    assert!(
        (0.02..0.6).contains(&poland.decision.chance_of_attack.mean),
        "{:?}",
        poland.decision.chance_of_attack
    );
    // Russia's stated demands are in: NATO membership is not all it wants.
    assert!(poland.acceptability.adversary.mean < 0.9);
}

#[test]
fn the_new_scenario_dialog_cancels_without_a_new_tab() {
    let mut h = common::app(WINDOW);
    let before = title(&h);
    h.key_press_modifiers(
        egui::Modifiers::COMMAND | egui::Modifiers::SHIFT,
        egui::Key::N,
    );
    h.run();
    assert!(h.query_by_label("New scenario from a template").is_some());
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.state().question().is_none());
    assert_eq!(title(&h), before);
    assert_eq!(h.state().tabs().count(), 1);
}

#[test]
fn a_standard_axis_is_offered_for_a_protected_state_without_one_and_added_undoably() {
    let (mut h, before) = axes_tab_of("eastern-flank-today.bulwark.json");
    h.get_by_label("Add a standard axis").click();
    h.run();
    h.get_by_label("Vyborg → Helsinki (into Finland)").click();
    h.run();
    let axes = &h.state().doc().scenario().axes;
    assert_eq!(axes.len(), before + 1);
    assert_eq!(axes[before].id, "vyborg_helsinki");
    // Offered once: the menu has nothing left to add.
    let menu = h.get_by_label("Add a standard axis");
    assert!(egui_kittest::kittest::NodeT::accesskit_node(&menu).is_disabled());
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(h.state().doc().scenario().axes.len(), before);
}

#[test]
fn armed_neutrality_reads_as_self_reliance_not_in_guarantor_words() {
    let mut h = common::app(WINDOW);
    h.state_mut()
        .queue(Command::OpenExample("armed-neutrality.bulwark.json".into()));
    assessed(&mut h);
    h.run();
    assert!(
        h.query_by_label("No guarantor: the state relies on its own forces alone.")
            .is_some()
    );
    assert!(h.query_by_label_contains("Guarantors would").is_none());
}

#[test]
fn the_same_example_opened_twice_gets_two_tab_names() {
    let mut h = common::app(WINDOW);
    for _ in 0..2 {
        h.state_mut()
            .queue(Command::OpenExample("nato-membership.bulwark.json".into()));
        h.run();
    }
    let title = "NATO membership: Ukraine under Article 5";
    assert!(h.query_all_by_label(title).next().is_some());
    assert!(h.query_by_label(&format!("{title} (2)")).is_some());
}

#[test]
fn break_even_names_the_arrangement_and_says_its_figures_are_at_likely_values() {
    let mut h = common::app(WINDOW);
    h.state_mut()
        .queue(Command::OpenExample("nato-membership.bulwark.json".into()));
    assessed(&mut h);
    h.get_by_label("Break-even").click();
    h.run();
    let name = h.state().doc().scenario().arrangements[0].name.clone();
    assert!(h.query_all_by_label(&name).next().is_some(), "{name}");
    assert!(h.query_by_label("nato").is_none(), "not the raw id");
    assert!(
        h.query_by_label_contains("At the most likely values")
            .is_some()
    );
}

#[test]
fn the_tab_limit_is_a_limit_not_something_gone_wrong() {
    let mut h = common::app(WINDOW);
    for _ in 0..13 {
        h.state_mut()
            .queue(Command::OpenExample("armed-neutrality.bulwark.json".into()));
        h.run();
    }
    assert_eq!(h.state().tabs().count(), bulwark::ui::tabs::MAX_TABS);
    assert!(h.query_by_label("Too many scenarios open").is_some());
    assert!(h.query_by_label("Something went wrong").is_none());
    h.get_by_label("OK").click();
    h.run();
    assert!(h.state().error().is_none());
}

#[test]
fn undo_and_redo_say_what_they_undo() {
    let mut h = common::app(WINDOW);
    let mut edited = h.state().doc().scenario().clone();
    edited.axes[0].terrain = 0.5;
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(edited),
        group: None,
    });
    h.run();
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(h.state().message(), "Undone: an edit of the axes");
    h.state_mut().queue(Command::Redo);
    h.run();
    assert_eq!(h.state().message(), "Redone: an edit of the axes");
    h.state_mut().queue(Command::Redo);
    h.run();
    assert_eq!(h.state().message(), "Nothing to redo");
}

#[test]
fn panning_the_map_does_not_mark_the_document_changed_but_a_layer_does() {
    let mut h = common::app(WINDOW);
    h.state_mut()
        .queue(Command::OpenExample("nato-membership.bulwark.json".into()));
    h.run();
    let mut panned = h.state().doc().scenario().clone();
    panned.map_view.center.lon += 3.0;
    panned.map_view.zoom *= 1.5;
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(panned.clone()),
        group: None,
    });
    h.run();
    assert!(!h.state().doc().is_dirty(), "a new view is not a change");
    panned.map_view.layers.graticule ^= true;
    h.state_mut().queue(Command::Edit {
        scenario: Box::new(panned),
        group: None,
    });
    h.run();
    assert!(h.state().doc().is_dirty(), "a layer shown is");
}

#[test]
fn the_typed_path_field_has_the_keyboard_and_the_map_and_shortcuts_do_not() {
    let mut h = common::app(WINDOW);
    let zoom = h.state().doc().scenario().map_view.zoom;
    h.state_mut().queue(Command::OpenTypedPath);
    h.run();
    h.run();
    // Typed at once, without clicking the field: it reaches the field, not
    // the map ("-" zooms the map out when nothing has the keyboard).
    h.event(egui::Event::Text("~/a-b".into()));
    h.run();
    match h.state().question() {
        Some(bulwark::ui::app::Question::TypedPath { text, .. }) => assert_eq!(text, "~/a-b"),
        other => panic!("the typed-path dialog: {}", other.is_some()),
    }
    assert_eq!(h.state().doc().scenario().map_view.zoom, zoom);
    // Ctrl+O does not stack a second dialog over it.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::O);
    h.run();
    assert!(matches!(
        h.state().question(),
        Some(bulwark::ui::app::Question::TypedPath { text, .. }) if text == "~/a-b"
    ));
}

/// Where the middle of Poland is on the map in the last frame.
fn poland_on_screen(h: &Harness<'_, BulwarkApp>) -> egui::Pos2 {
    h.state()
        .views()
        .map
        .geo_to_screen(19.5, 52.0)
        .expect("the map is shown")
}

#[test]
fn the_exported_map_leaves_out_the_pointers_marks() {
    let (dir, mut h) = flank_from_a_file();
    let png = dir.path().join("nato-s-eastern-flank-today-map.png");
    let export = |h: &mut Harness<'_, BulwarkApp>| {
        h.state_mut().queue(Command::ExportMapImage);
        h.run_steps(6);
        let image = read_png(&png);
        std::fs::remove_file(&png).expect("removed");
        image
    };
    let plain = export(&mut h);
    // The pointer over a country outlines it and shows its card on screen.
    let poland = poland_on_screen(&h);
    h.event(egui::Event::PointerMoved(poland));
    h.run_steps(3);
    assert!(
        h.state().views().map.hovered.is_some(),
        "a country under the pointer"
    );
    let hovered = export(&mut h);
    // Only the harness's pointer sprite may differ (about 150 pixels); the
    // outline of Poland and its card would be thousands.
    let differing = plain
        .pixels()
        .zip(hovered.pixels())
        .filter(|(a, b)| a != b)
        .count();
    assert_eq!(plain.dimensions(), hovered.dimensions());
    assert!(differing < 500, "{differing} pixels differ");
}

#[test]
fn the_selection_does_not_carry_over_to_another_tab() {
    let mut h = common::app(WINDOW);
    for name in [
        "nato-membership.bulwark.json",
        "eastern-flank-today.bulwark.json",
    ] {
        h.state_mut().queue(Command::OpenExample(name.into()));
        h.run();
    }
    let poland = poland_on_screen(&h);
    h.event(egui::Event::PointerMoved(poland));
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: poland,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
        h.run();
    }
    h.run();
    assert!(h.state().views().map.selected.is_some(), "Poland selected");
    h.state_mut().queue(Command::SwitchTab(0));
    h.run();
    assert!(h.state().views().map.selected.is_none());
}

#[test]
fn exports_of_an_unsaved_scenario_ask_where_instead_of_using_the_working_folder() {
    use bulwark::ui::app::Question;
    let mut h = common::app(WINDOW);
    common::run_assessment(&mut h);
    assert!(
        h.state().doc().path().is_none(),
        "the start-up example has no file"
    );
    for command in [
        Command::ExportMapImage,
        Command::ExportAssessment { csv: true },
        Command::ExportSlides,
    ] {
        h.state_mut().queue(command.clone());
        h.run();
        match h.state().question() {
            Some(Question::TypedPath { text, .. }) => {
                assert!(text.starts_with("~/"), "{command:?} suggests {text}");
            }
            other => panic!("{command:?} asks where: {}", other.is_some()),
        }
        h.state_mut().queue(Command::AnswerTypedPath(false));
        h.run();
    }
    // The answer is where the file goes.
    let dir = common::temp_dir();
    let csv = dir.path().join("figures.csv");
    h.state_mut().queue(Command::ExportAssessment { csv: true });
    h.run();
    h.state_mut()
        .queue(Command::TypePath(csv.display().to_string()));
    h.state_mut().queue(Command::AnswerTypedPath(true));
    h.run();
    let text = std::fs::read_to_string(&csv).expect("written where asked");
    assert!(
        text.contains("chance_of_attack"),
        "{}",
        &text[..text.len().min(200)]
    );
    assert!(
        h.state().message().contains("figures.csv"),
        "{}",
        h.state().message()
    );
}

#[test]
fn ticking_override_credibility_does_not_widen_the_editing_panel() {
    let mut h = common::app(WINDOW);
    h.get_by_label("Arrangements").click();
    h.run();
    let kyiv = |h: &Harness<'_, BulwarkApp>| {
        h.state()
            .views()
            .map
            .geo_to_screen(30.5, 50.45)
            .expect("the map is shown")
    };
    let before = kyiv(&h);
    h.query_all_by_label("Override credibility")
        .next()
        .expect("a guarantor's override box")
        .click();
    h.run_steps(4);
    assert!(
        h.query_all_by_label("Credibility").next().is_some(),
        "the slider shows"
    );
    let after = kyiv(&h);
    assert!(
        (after.x - before.x).abs() < 1.0,
        "the map moved from {before:?} to {after:?}: the panel widened"
    );
}

#[test]
fn the_campaign_plot_is_scaled_to_the_ground_taken_and_says_when_attacks_stall() {
    let mut h = common::app(WINDOW);
    h.state_mut().queue(Command::OpenExample(
        "anglo-french-guarantee.bulwark.json".into(),
    ));
    assessed(&mut h);
    h.get_by_label("Campaign").click();
    h.run();
    // Every axis stalls within a few tens of km of objectives 59–278 km away.
    assert!(
        h.query_by_label_contains("the attack stalls within")
            .is_some_and(|n| format!("{n:?}").contains("off the scale")),
        "the caption says the attacks stall short of their objectives"
    );
    assert!(
        h.query_by_label_contains("Belarus → Kyiv: 278 km")
            .is_some(),
        "each axis keyed below with its distance"
    );
}

#[test]
fn the_trade_off_figure_plots_every_open_scenario_as_on_screen() {
    use bulwark::scenario::PlotKind;
    let dir = common::temp_dir();
    let export = |h: &mut Harness<'_, BulwarkApp>, name: &str| {
        let path = dir.path().join(name);
        h.state_mut().queue(Command::ExportPlotTo(
            PlotKind::AcceptabilityDeterrence,
            path.clone(),
        ));
        finish_plot_export(h);
        read_png(&path)
    };
    let mut h = common::app(WINDOW);
    // The untouched default tab gives way to the first example opened.
    h.state_mut()
        .queue(Command::OpenExample("armed-neutrality.bulwark.json".into()));
    assessed(&mut h);
    let alone = export(&mut h, "alone.png");
    h.state_mut()
        .queue(Command::OpenExample("nato-membership.bulwark.json".into()));
    assessed(&mut h);
    h.state_mut().queue(Command::SwitchTab(0));
    assessed(&mut h);
    assert_eq!(h.state().tabs().count(), 2);
    let both = export(&mut h, "both.png");
    assert_eq!(both.dimensions(), alone.dimensions());
    assert_ne!(
        both.as_raw(),
        alone.as_raw(),
        "the second open scenario's point and key line are in the figure"
    );
}
