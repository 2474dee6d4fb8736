//! Vector exports (issue #20, items 1 and 2): the deck as one PDF with real
//! text, the map for print and the plots as SVG and PDF, on the command line
//! and in the app.

use std::path::{Path, PathBuf};

use bulwark::present::print::{DeckParts, HANDOUT_SLIDES_PER_PAGE};
use bulwark::scenario::{self, Scenario};
use bulwark::ui::commands::Command;
use egui_kittest::kittest::Queryable;

use crate::common::{self, bulwark};

/// Runs a CLI command in the process: exit code, output and errors.
fn run(command: &bulwark::cli::Command) -> (i32, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = bulwark::cli::run(command, &mut out, &mut err);
    (
        code,
        String::from_utf8_lossy(&out).into_owned(),
        String::from_utf8_lossy(&err).into_owned(),
    )
}

/// The text of each page of the PDF at `path`, its words joined by single
/// spaces.
fn pdf_pages(path: &Path) -> Vec<String> {
    let doc = lopdf::Document::load(path).expect("a PDF");
    let pages = doc.get_pages();
    pages
        .keys()
        .map(|&n| {
            let text = doc.extract_text(&[n]).expect("its text");
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// Whether the PDF embeds a TrueType font program and holds no raster image.
fn fonts_embedded_and_no_images(path: &Path) -> (bool, bool) {
    let doc = lopdf::Document::load(path).expect("a PDF");
    let mut font_file = false;
    let mut image = false;
    for object in doc.objects.values() {
        let dict = match object {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        font_file |= dict.has(b"FontFile2");
        image |= dict
            .get(b"Subtype")
            .and_then(|s| s.as_name())
            .is_ok_and(|n| n == b"Image");
    }
    (font_file, !image)
}

fn export_deck(file: PathBuf, out: &Path, parts: DeckParts) -> (i32, String, String) {
    run(&bulwark::cli::Command::ExportSlides {
        file,
        format: bulwark::cli::DeckFormat::Pdf,
        out: Some(out.to_path_buf()),
        notes: parts.notes,
        handout: parts.handout,
        images: false,
    })
}

#[test]
fn a_deck_as_pdf_holds_every_slide_title_and_its_notes_as_text() {
    let dir = common::temp_dir();
    let file = common::saved("us-bilateral-28-point.bulwark.json");
    let deck = bulwark::present::deck(&scenario::load_file(&file).expect("loads"));
    let out = dir.path().join("deck.pdf");
    let parts = DeckParts {
        notes: true,
        handout: true,
    };
    let (code, stdout, err) = export_deck(file.clone(), &out, parts);
    assert_eq!(code, 0, "{err}");
    let n = deck.len();
    let handout = n.div_ceil(HANDOUT_SLIDES_PER_PAGE);
    let all = 2 * n + handout;
    assert!(stdout.contains(&format!("{all} pages written")), "{stdout}");
    assert!(
        err.contains(&format!("page {all} of {all} written")),
        "the progress: {err}"
    );
    let pages = pdf_pages(&out);
    assert_eq!(pages.len(), all, "slides, notes pages and the handout");
    for (i, slide) in deck.iter().enumerate() {
        assert!(
            pages[i].contains(&slide.title),
            "slide {} holds its title '{}' as text: {}",
            i + 1,
            slide.title,
            pages[i]
        );
        let notes = &pages[n + i];
        assert!(
            notes.contains(&format!("Slide {} of {n}", i + 1)),
            "{notes}"
        );
        let first_words: String = slide
            .notes
            .split_whitespace()
            .take(4)
            .collect::<Vec<_>>()
            .join(" ");
        assert!(
            notes.contains(&first_words),
            "the notes page holds the notes '{first_words}': {notes}"
        );
    }
    assert!(pages[2 * n].contains(&deck[0].title), "the handout");
    assert!(pages[2 * n].contains("Handout, page 1 of"));
    let (fonts, vector) = fonts_embedded_and_no_images(&out);
    assert!(fonts, "the font is embedded");
    assert!(vector, "maps and plots are paths, not pictures");

    // Without the options, the slides alone.
    let (code, _, err) = export_deck(file, &out, DeckParts::default());
    assert_eq!(code, 0, "{err}");
    assert_eq!(pdf_pages(&out).len(), n);
}

#[test]
fn notes_pages_and_a_handout_need_the_pdf_format() {
    let dir = common::temp_dir();
    let (code, _, err) = run(&bulwark::cli::Command::ExportSlides {
        file: common::saved("us-bilateral-28-point.bulwark.json"),
        format: bulwark::cli::DeckFormat::Png,
        out: Some(dir.path().join("deck")),
        notes: true,
        handout: false,
        images: false,
    });
    assert_eq!(code, 2);
    assert!(
        err.contains("--notes and --handout need --format pdf"),
        "{err}"
    );
    assert!(!dir.path().join("deck").exists(), "nothing written");
}

/// The SVG of the map of `scenario`, exported on A4 landscape.
fn map_svg(scenario: &Scenario) -> String {
    let dir = common::temp_dir();
    let file = dir.path().join("map.bulwark.json");
    scenario::save_file(&file, scenario).expect("test set-up");
    let out = dir.path().join("map.svg");
    let (code, stdout, err) = run(&bulwark::cli::Command::ExportMap {
        file,
        out: out.clone(),
        format: None,
        size: bulwark::present::print::PageSize::parse("a4-landscape").expect("a size"),
        mono: false,
    });
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("as SVG (A4 landscape)"), "{stdout}");
    std::fs::read_to_string(out).expect("written")
}

/// The paths drawn in `colour` (`#rrggbb`) as a stroke.
fn stroked_paths(svg: &roxmltree::Document<'_>, colour: &str) -> usize {
    svg.descendants()
        .filter(|n| n.has_tag_name("path") && n.attribute("stroke") == Some(colour))
        .count()
}

fn hex(c: egui::Color32) -> String {
    format!("#{:02x}{:02x}{:02x}", c.r(), c.g(), c.b())
}

#[test]
fn the_map_as_svg_parses_and_has_a_path_for_each_axis() {
    let scenario = common::baked("eastern-flank-today.bulwark.json");
    let text = map_svg(&scenario);
    let svg = roxmltree::Document::parse(&text).expect("the SVG parses as XML");
    let root = svg.root_element();
    assert_eq!(root.attribute("width"), Some("297mm"));
    assert_eq!(root.attribute("height"), Some("210mm"));
    let words: Vec<&str> = svg
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(words.contains(&"Tallinn"), "labels are text: {words:?}");
    assert!(
        words
            .iter()
            .any(|w| w.contains("Axis of advance (modelled)")),
        "the legend"
    );
    let axis = hex(bulwark::kit::palette::MAP_AXIS);
    let with_axes = stroked_paths(&svg, &axis);

    let mut without = scenario.clone();
    without.axes.clear();
    let text = map_svg(&without);
    let svg = roxmltree::Document::parse(&text).expect("the SVG parses as XML");
    // The legend's swatch goes with the axes: it lists what the map shows.
    assert_eq!(
        with_axes - stroked_paths(&svg, &axis),
        scenario.axes.len() + 1,
        "one path for each axis, and the legend's"
    );
}

#[test]
fn a_plot_exports_as_pdf_and_svg_with_its_title_and_source() {
    let dir = common::temp_dir();
    let file = common::saved("nato-membership.bulwark.json");
    for name in ["tornado.pdf", "tornado.svg"] {
        let out = dir.path().join(name);
        let run = bulwark()
            .args(["export-plot", "--plot", "tornado", "--size", "a4-landscape"])
            .arg("--out")
            .arg(&out)
            .arg(&file)
            .output()
            .expect("runs");
        assert_eq!(
            run.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&run.stderr)
        );
        let text = if name.ends_with(".pdf") {
            pdf_pages(&out).join(" ")
        } else {
            let svg = std::fs::read_to_string(&out).expect("written");
            let doc = roxmltree::Document::parse(&svg).expect("parses");
            doc.descendants()
                .filter(|n| n.has_tag_name("text"))
                .filter_map(|n| n.text())
                .collect::<Vec<_>>()
                .join(" ")
        };
        assert!(text.contains("What drives the result"), "{name}: {text}");
        assert!(
            text.contains("Source: Bulwark assessment"),
            "{name}: {text}"
        );
    }
    // A size or format that is not one: a clear message, nothing written.
    for (args, says) in [
        (["--size", "a5"], "unknown size 'a5'"),
        (["--format", "gif"], "unknown format 'gif'"),
    ] {
        let run = bulwark()
            .args(["export-plot", "--plot", "tornado"])
            .args(args)
            .arg("--out")
            .arg(dir.path().join("x.pdf"))
            .arg(&file)
            .output()
            .expect("runs");
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{stderr}");
        assert!(stderr.contains(says), "{stderr}");
        assert!(!dir.path().join("x.pdf").exists());
    }
}

#[test]
fn hostile_text_is_escaped_in_the_svg() {
    let mut scenario = common::baked("eastern-flank-today.bulwark.json");
    scenario.meta.title = "A <script>alert(1)</script> & \"quotes\"".into();
    scenario.meta.marking = "SECRET]]> <!-- --> <![CDATA[ x".into();
    let text = map_svg(&scenario);
    let svg = roxmltree::Document::parse(&text).expect("still parses as XML");
    assert!(!text.contains("<script>"));
    let texts: Vec<&str> = svg
        .descendants()
        .filter(|n| n.has_tag_name("text"))
        .filter_map(|n| n.text())
        .collect();
    assert!(
        texts
            .iter()
            .any(|t| t.contains("<script>alert(1)</script>")),
        "the title reads as written: {texts:?}"
    );
}

#[test]
fn the_app_exports_the_deck_as_pdf_with_notes_pages_where_the_user_chooses() {
    let dir = common::temp_dir();
    let mut h = common::app(common::WINDOW);
    h.run();
    h.state_mut().queue(Command::OpenExample(
        "us-bilateral-28-point.bulwark.json".into(),
    ));
    h.run();
    let slides = bulwark::present::deck(h.state().doc().scenario()).len();
    h.state_mut().queue(Command::ExportSlidesPdf);
    h.run();
    assert!(h.query_by_label("Export the slides as one PDF").is_some());
    h.get_by_label("Add notes pages (each slide above its notes)")
        .click();
    h.run();
    let chosen = dir.path().join("briefing");
    common::type_path(&mut h, &chosen);
    h.get_by_label("Export").click();
    h.run();
    for _ in 0..600 {
        if !h.state().exporting_slides() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
        h.run();
    }
    let written = dir.path().join("briefing.pdf");
    assert!(
        h.state().message().contains("Exported") && h.state().message().contains("briefing.pdf"),
        "{}",
        h.state().message()
    );
    assert_eq!(
        pdf_pages(&written).len(),
        2 * slides,
        "the slides and a notes page for each"
    );
}

#[test]
fn the_monochrome_map_is_greys_with_each_kind_of_country_its_own() {
    let dir = common::temp_dir();
    let out = dir.path().join("mono.svg");
    let (code, stdout, err) = run(&bulwark::cli::Command::ExportMap {
        file: common::saved("eastern-flank-today.bulwark.json"),
        out: out.clone(),
        format: None,
        size: bulwark::present::print::PageSize::parse("a3-portrait").expect("a size"),
        mono: true,
    });
    assert_eq!(code, 0, "{err}");
    assert!(stdout.contains("monochrome"), "{stdout}");
    let text = std::fs::read_to_string(&out).expect("written");
    let svg = roxmltree::Document::parse(&text).expect("parses");
    let mut colours = std::collections::BTreeSet::new();
    for node in svg.descendants() {
        for name in ["fill", "stroke"] {
            if let Some(c) = node.attribute(name).filter(|c| c.starts_with('#')) {
                colours.insert(c.to_owned());
            }
        }
    }
    assert!(colours.len() > 5, "{colours:?}");
    for c in &colours {
        assert!(c[1..3] == c[3..5] && c[3..5] == c[5..7], "not a grey: {c}");
    }
    // The roles keep greys of their own, so the legend still keys them.
    use bulwark::map::Role;
    let greys: std::collections::BTreeSet<_> = [
        Role::Nato,
        Role::Protected,
        Role::Guarantor,
        Role::Adversary,
    ]
    .iter()
    .map(|r| bulwark::map::print_grey(r.fill()).r())
    .collect();
    assert_eq!(greys.len(), 4);
}
