//! GeoJSON (issue #20, item 3): the geography exported for a GIS and read
//! back, on the command line and in the app.

use bulwark::scenario;
use bulwark::ui::commands::Command;

use crate::common::{self, bulwark};

const DRAWN: &str = r#"{"type": "FeatureCollection", "features": [
  {"type": "Feature", "properties": {"name": "Minsk → Vilnius (drawn in QGIS)", "defender": "LTU"},
   "geometry": {"type": "LineString", "coordinates": [[27.56, 53.9], [26.1, 54.3], [25.28, 54.69]]}}]}"#;

/// `bulwark import-geojson FILE GEOJSON`, run.
fn import(file: &std::path::Path, geojson: &std::path::Path) -> std::process::Output {
    bulwark()
        .arg("import-geojson")
        .arg(file)
        .arg(geojson)
        .output()
        .expect("runs")
}

#[test]
fn the_command_line_exports_the_geography_and_imports_a_line_drawn_in_a_gis() {
    let dir = common::temp_dir();
    let (_keep, file) = common::copied(
        &common::saved("eastern-flank-today.bulwark.json"),
        "flank.bulwark.json",
    );
    let out = dir.path().join("flank.geojson");
    let run = bulwark()
        .arg("export-geojson")
        .arg(&file)
        .arg("--out")
        .arg(&out)
        .output()
        .expect("runs");
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("written")).expect("JSON");
    assert_eq!(json["type"], "FeatureCollection");
    let axes = json["features"]
        .as_array()
        .expect("features")
        .iter()
        .filter(|f| f["properties"]["bulwark"] == "axis")
        .count();
    assert_eq!(axes, 4, "one LineString per axis");
    let drawn = dir.path().join("drawn.geojson");
    std::fs::write(&drawn, DRAWN).expect("written");
    let run = import(&file, &drawn);
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(stdout.contains("1 axes added"), "{stdout}");
    let after = scenario::load_file(&file).expect("still a valid file");
    assert_eq!(after.axes.len(), 5);
    assert!(
        file.with_file_name("flank.bulwark.json.bak").exists(),
        "the previous file kept"
    );
    // Bad GeoJSON: a clear message naming the file, and the scenario untouched.
    std::fs::write(&drawn, "{\"type\": \"Feature\"").expect("written");
    let run = import(&file, &drawn);
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(run.status.code(), Some(1));
    assert!(
        stderr.contains("drawn.geojson") && stderr.contains("is not valid GeoJSON"),
        "{stderr}"
    );
    assert_eq!(
        scenario::load_file(&file).expect("loads").axes.len(),
        5,
        "nothing changed"
    );
}

#[test]
fn the_app_imports_a_line_drawn_in_a_gis_as_an_axis_undoably() {
    let dir = common::temp_dir();
    let drawn = dir.path().join("drawn.geojson");
    std::fs::write(&drawn, DRAWN).expect("written");
    let mut h = common::app(common::WINDOW);
    h.run();
    h.state_mut().queue(Command::OpenExample(
        "eastern-flank-today.bulwark.json".into(),
    ));
    h.run();
    let before = h.state().doc().scenario().axes.len();
    h.state_mut()
        .queue(Command::ImportGeographyFrom(drawn.clone()));
    h.run();
    let axes = &h.state().doc().scenario().axes;
    assert_eq!(axes.len(), before + 1);
    assert_eq!(axes[before].name, "Minsk → Vilnius (drawn in QGIS)");
    assert!(
        h.state().message().contains("1 axes added"),
        "{}",
        h.state().message()
    );
    h.state_mut().queue(Command::Undo);
    h.run();
    assert_eq!(
        h.state().doc().scenario().axes.len(),
        before,
        "one undo takes it back"
    );
    // And the export writes what a GIS reads.
    let out = dir.path().join("out.geojson");
    h.state_mut().queue(Command::ExportGeographyTo(out.clone()));
    h.run();
    let text = std::fs::read_to_string(&out).expect("written");
    let (back, _) =
        scenario::geography::import(h.state().doc().scenario(), "out", &text).expect("reads back");
    assert_eq!(&back, h.state().doc().scenario(), "the same geography");
}
