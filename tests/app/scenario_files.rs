//! The scenario file format as users meet it: every shipped example loads and
//! round-trips; every bad file is refused with a message naming the file, the
//! field and the problem; saves are atomic and keep a backup.

use std::path::{Path, PathBuf};

use bulwark::scenario::{self, LoadErrorKind};

use crate::common::{self, minimal_file, root, test_file};

fn examples() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("saves"))
        .expect("saves/ exists")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.to_string_lossy().ends_with(scenario::EXTENSION))
        .collect();
    files.sort();
    files
}

#[test]
fn the_seven_examples_ship() {
    let names: Vec<String> = examples()
        .iter()
        .map(|p| {
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    for expected in [
        "armed-neutrality",
        "nato-membership",
        "us-bilateral-28-point",
        "anglo-french-guarantee",
        "coalition-guarantee",
        "budapest-assurances",
        "eastern-flank-today",
    ] {
        assert!(
            names.iter().any(|n| n.starts_with(expected)),
            "saves/ has no {expected} example: {names:?}"
        );
    }
}

#[test]
fn every_example_loads_saves_and_reloads_equal() {
    let dir = common::temp_dir();
    for file in examples() {
        let loaded = scenario::load_file(&file).unwrap_or_else(|e| panic!("{e}"));
        assert!(
            !loaded.meta.notes.trim().is_empty(),
            "{} has no notes",
            file.display()
        );
        let copy = dir.path().join(file.file_name().expect("name"));
        scenario::save_file(&copy, &loaded).expect("save");
        let reloaded = scenario::load_file(&copy).expect("reload");
        assert_eq!(
            loaded,
            reloaded,
            "{} changed on a round trip",
            file.display()
        );
    }
}

/// Whether every field of `old` is in `new` with the same value (objects may
/// gain fields; arrays keep their length and order).
fn keeps_every_field(
    old: &serde_json::Value,
    new: &serde_json::Value,
    path: &str,
) -> Result<(), String> {
    use serde_json::Value;
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => a.iter().try_for_each(|(k, v)| {
            let Some(w) = b.get(k) else {
                return Err(format!("{path}.{k} is gone"));
            };
            if k == "format_version" {
                return Ok(());
            }
            keeps_every_field(v, w, &format!("{path}.{k}"))
        }),
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => a
            .iter()
            .zip(b)
            .enumerate()
            .try_for_each(|(i, (v, w))| keeps_every_field(v, w, &format!("{path}[{i}]"))),
        (Value::Number(a), Value::Number(b)) if a.as_f64() == b.as_f64() => Ok(()),
        _ if old == new => Ok(()),
        _ => Err(format!("{path}: {old} became {new}")),
    }
}

#[test]
fn every_older_file_migrates_keeping_every_field_and_assesses() {
    for version in 1..scenario::FORMAT_VERSION {
        let dir = common::test_file(&format!("fixtures/v{version}"));
        let mut files: Vec<_> = std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("the version-{version} examples: {e}"))
            .map(|e| e.expect("entry").path())
            .collect();
        files.sort();
        assert_eq!(
            files.len(),
            7,
            "the seven examples as version {version} shipped them"
        );
        for file in files {
            let text = std::fs::read_to_string(&file).expect("read");
            let old: serde_json::Value = serde_json::from_str(&text).expect("JSON");
            assert_eq!(old["format_version"], version, "{}", file.display());
            let migrated = scenario::load_file(&file).unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(migrated.format_version, scenario::FORMAT_VERSION);
            let new = serde_json::to_value(&migrated).expect("serialise");
            keeps_every_field(&old, &new, "").unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let assessment = bulwark::model::assess_with(&migrated, 500, 1);
            assert!(!assessment.states.is_empty(), "{}", file.display());
        }
    }
}

#[test]
fn every_example_is_baked_into_the_binary() {
    let baked: Vec<&str> = bulwark::assets::examples().map(|(n, _)| n).collect();
    assert_eq!(baked.len(), examples().len());
}

/// Each bad file and a part of the message it must give (besides its name).
const BAD_FILES: &[(&str, &str)] = &[
    ("truncated", "ends early at line"),
    ("empty", "is empty"),
    ("whitespace-only", "is empty"),
    ("not-json", "is not valid JSON"),
    ("binary", "is not a text file"),
    ("array-not-object", "not an object"),
    ("missing-version", "format_version: is missing"),
    (
        "version-not-number",
        "format_version: \"one\" is not a whole number",
    ),
    (
        "newer-version",
        "format_version: 99 is newer than this Bulwark understands",
    ),
    ("version-zero", "format_version: 0 is not a version"),
    (
        "wrong-type-horizon",
        "horizon_years: invalid type: string \"ten\", expected f64",
    ),
    (
        "wrong-type-troops",
        "adversary.theatre_troops: invalid type: sequence",
    ),
    (
        "unknown-field",
        "meta.colour: unknown field `colour`, expected one of `title`",
    ),
    (
        "unknown-enum",
        "arrangements[1].guarantors[0].formality: unknown variant `pinky_promise`",
    ),
    ("missing-field", "arrangements[1]: missing field `kind`"),
    (
        "credibility-out-of-range",
        "arrangements[1].guarantors[0].credibility: 1.7 is outside 0 to 1",
    ),
    (
        "negative-troops",
        "adversary.theatre_troops: -5 is outside 0 to",
    ),
    (
        "defence-lines-over-all",
        "axes[0].defence_lines: the lines' shares add up to 1.300",
    ),
    (
        "defence-share-over-100",
        "states[0].overrides.defence_pct_gdp: 140 is outside 0 to 100",
    ),
    (
        "unknown-guarantor",
        "arrangements[1].guarantors[0].state: 'ATL' is not one of the scenario's states",
    ),
    (
        "unknown-protected",
        "arrangements[0].protected_states[0]: 'XXX' is not one of the scenario's states",
    ),
    (
        "unknown-adversary",
        "adversary.state: 'ZZZ' is not one of the scenario's states",
    ),
    (
        "duplicate-state",
        "states[3].id: 'UKR' appears more than once",
    ),
    (
        "duplicate-arrangement",
        "arrangements[1].id: 'neutral' appears more than once",
    ),
    (
        "duplicate-guarantor",
        "arrangements[1].guarantors[1].state: 'USA' appears more than once",
    ),
    (
        "adversary-guarantor",
        "arrangements[1].guarantors[0].state: 'RUS' is the adversary",
    ),
    ("no-states", "states: is empty"),
    (
        "custom-state-missing-figures",
        "states[3].overrides: 'XYZ' is not in the reference table, so it must give defence_pct_gdp",
    ),
    (
        "assumption-out-of-order",
        "assumptions.pact_reliability: low 0.7, likely 0.5, high 0.9 are not in order",
    ),
    (
        "unknown-assumption",
        "assumptions.luck: is not a known assumption",
    ),
    ("huge-number", "number out of range"),
    ("deeply-nested", "recursion limit exceeded"),
    (
        "bad-date",
        "meta.date: '30/11/2025' is not a date of the form YYYY-MM-DD",
    ),
    (
        "force-cap-without-limit",
        "arrangements[1].restraints[0].limit: is missing",
    ),
    ("zero-samples", "simulation.samples: 0 is outside 1 to"),
    ("empty-title", "meta.title: is empty"),
    ("impossible-date", "meta.date: '2025-02-31' is not a date"),
    (
        "unknown-highlight",
        "slides[0].content.highlight[0]: 'XXX' is not a state Bulwark knows",
    ),
    (
        "latitude-out-of-range",
        "map_view.center.lat: 123 is outside -90 to 90",
    ),
    (
        "duplicate-key",
        "format_version: \"format_version\" appears twice in this object",
    ),
    (
        "control-in-id",
        "arrangements[1].id: holds the invisible character U+000A",
    ),
    (
        "bidi-in-title",
        "meta.title: holds the invisible character U+202E",
    ),
    // A long value is cut in its message, not repeated whole.
    ("long-date", "meta.date: 'xxxx"),
    ("long-date", "(5039 characters in all)"),
    ("long-key", "(5005 characters in all): unknown field"),
    // An area drawn on the map needs three points, each on the globe.
    (
        "area-too-few-points",
        "adversary.demands[0].area: has 2 points; an area needs at least three",
    ),
    (
        "area-too-few-points",
        "arrangements[1].scope_area[1].lat: 95 is outside -90 to 90",
    ),
    // A timeline step names what is in the scenario, and waits do not loop.
    (
        "timeline-unknown-arrangement",
        "timeline.steps[0].change.arrangement: 'no_such_guarantee' is not the id of an arrangement",
    ),
    (
        "timeline-waits-in-a-loop",
        "timeline.steps[1].after: step 'b' waits on itself",
    ),
    // Problems beyond the first hundred are counted, not listed.
    (
        "many-problems",
        "the first 100 problems are listed, and 50 more",
    ),
];

#[test]
fn every_bad_file_gives_its_message() {
    let dir = test_file("bad");
    for (name, expected) in BAD_FILES {
        let path = dir.join(format!("{name}{}", scenario::EXTENSION));
        let err = scenario::load_file(&path).expect_err(name);
        let text = err.to_string();
        assert!(
            text.contains(&path.display().to_string()),
            "{name}: the message does not name the file: {text}"
        );
        assert!(
            text.contains(expected),
            "{name}: expected `{expected}` in: {text}"
        );
    }
}

#[test]
fn the_bad_corpus_is_all_covered() {
    let count = std::fs::read_dir(test_file("bad")).expect("dir").count();
    let named: std::collections::BTreeSet<&str> = BAD_FILES.iter().map(|(name, _)| *name).collect();
    assert_eq!(count, named.len(), "each bad file has an expected message");
}

#[test]
fn a_newer_version_is_refused_as_such() {
    let err =
        scenario::load_file(&test_file("bad/newer-version.bulwark.json")).expect_err("refused");
    assert_eq!(err.kind, LoadErrorKind::NewerVersion);
}

#[test]
fn an_oversized_file_is_refused_before_parsing() {
    let dir = common::temp_dir();
    let path = dir.path().join("huge.bulwark.json");
    let file = std::fs::File::create(&path).expect("create");
    file.set_len(scenario::MAX_FILE_BYTES + 1).expect("grow");
    let err = scenario::load_file(&path).expect_err("refused");
    assert_eq!(err.kind, LoadErrorKind::TooLarge);
    assert!(err.to_string().contains("over 16 MiB are refused"), "{err}");
}

#[test]
fn all_problems_are_reported_at_once() {
    let text = std::fs::read_to_string(minimal_file()).expect("read");
    let text = text
        .replace("\"horizon_years\": 10", "\"horizon_years\": 99")
        .replace("\"theatre_troops\": 600000", "\"theatre_troops\": -1");
    let err = scenario::from_bytes("two-problems.json", text.as_bytes()).expect_err("bad");
    assert_eq!(err.problems.len(), 2, "{err}");
}

#[test]
fn the_migration_mechanism_upgrades_step_by_step() {
    fn rename_title(mut v: serde_json::Value) -> Result<serde_json::Value, String> {
        let title = v["meta"]["name"].take();
        v["meta"]["title"] = title;
        if let Some(meta) = v["meta"].as_object_mut() {
            meta.remove("name");
        }
        Ok(v)
    }
    let old = serde_json::json!({"format_version": 1, "meta": {"name": "Old"}});
    let steps: &[bulwark::scenario::Migration] = &[rename_title];
    let new = scenario::migrate_with(old, 1, steps).expect("migrates");
    assert_eq!(new["meta"]["title"], "Old");
    assert_eq!(new["format_version"], 2);
    let current = serde_json::json!({"format_version": 2, "meta": {"title": "New"}});
    assert_eq!(
        scenario::migrate_with(current.clone(), 2, steps),
        Ok(current)
    );
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed =
        std::fs::read_to_string(root().join("docs/scenario.schema.json")).unwrap_or_default();
    assert!(
        committed == scenario::schema_json(),
        "docs/scenario.schema.json is out of date: run `cargo run -- schema > docs/scenario.schema.json`"
    );
}

fn minimal() -> scenario::Scenario {
    scenario::load_file(&minimal_file()).expect("valid")
}

#[test]
fn saving_keeps_the_previous_version_as_a_backup() {
    let dir = common::temp_dir();
    let path = dir.path().join("s.bulwark.json");
    let mut s = minimal();
    scenario::save_file(&path, &s).expect("first save");
    s.meta.title = "Second".into();
    scenario::save_file(&path, &s).expect("second save");
    let backup = scenario::load_file(&scenario::backup_path(&path)).expect("backup loads");
    assert_eq!(backup.meta.title, "Bad-file base");
    assert_eq!(
        scenario::load_file(&path).expect("new").meta.title,
        "Second"
    );
    assert_eq!(leftovers(dir.path()), 0, "no temporary files left behind");
}

#[test]
fn a_save_that_fails_part_way_leaves_the_old_file_intact() {
    let dir = common::temp_dir();
    let path = dir.path().join("s.bulwark.json");
    let s = minimal();
    scenario::save_file(&path, &s).expect("first save");
    let before = std::fs::read(&path).expect("read");
    // The backup's place is taken by a folder: the new version has been written
    // to a temporary file when the save fails.
    std::fs::create_dir(scenario::backup_path(&path)).expect("block the backup");
    let mut changed = s.clone();
    changed.meta.title = "Changed".into();
    let err = scenario::save_file(&path, &changed).expect_err("must fail");
    assert!(err.to_string().contains("backup"), "{err}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    assert_eq!(leftovers(dir.path()), 0, "the temporary file is removed");
}

#[test]
fn saving_onto_a_folder_or_into_a_missing_folder_says_why() {
    let dir = common::temp_dir();
    let err = scenario::save_file(dir.path(), &minimal()).expect_err("folder");
    assert!(err.to_string().contains("is a folder"), "{err}");
    let err = scenario::save_file(&dir.path().join("no/such/x.bulwark.json"), &minimal())
        .expect_err("missing folder");
    assert!(err.to_string().contains("does not exist"), "{err}");
}

fn leftovers(dir: &Path) -> usize {
    std::fs::read_dir(dir)
        .expect("dir")
        .filter(|e| {
            e.as_ref()
                .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        })
        .count()
}

#[test]
fn the_reference_table_has_every_figure_for_its_states() {
    let reference = scenario::reference::Reference::get();
    assert!(reference.states().len() >= 20);
    for state in reference.states() {
        let entry = scenario::StateEntry {
            id: state.id.clone(),
            overrides: Default::default(),
        };
        let resolved = scenario::reference::resolve(&entry)
            .unwrap_or_else(|missing| panic!("{}: missing {missing:?}", state.id));
        assert!(resolved.gdp_usd_bn > 0.0, "{}", state.id);
        for field in ["gdp_usd_bn", "defence_pct_gdp", "active_troops"] {
            assert!(
                state.sources.contains_key(field),
                "{}: no source for {field}",
                state.id
            );
        }
    }
    assert_eq!(reference.nato_since("FIN"), Some(2023));
    assert_eq!(reference.nato_since("TUR"), Some(1952));
    assert_eq!(reference.nato_since("UKR"), None);
}

#[cfg(unix)]
#[test]
fn an_export_never_writes_through_a_link_already_in_its_folder() {
    let dir = common::temp_dir();
    let elsewhere = dir.path().join("shell-start-up-file");
    std::fs::write(&elsewhere, "original").expect("written");
    let link = dir.path().join("handout.md");
    std::os::unix::fs::symlink(&elsewhere, &link).expect("a link");
    // Before: the export followed the link and overwrote the file it points to.
    let refused = scenario::write_export(&link, b"# exported").expect_err("refused");
    assert!(
        refused.to_string().contains("a link is already there"),
        "{refused}"
    );
    assert_eq!(
        std::fs::read_to_string(&elsewhere).expect("read"),
        "original"
    );
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("there")
            .file_type()
            .is_symlink()
    );
    // A regular file there is replaced, as before.
    let plain = dir.path().join("slide-01.png");
    std::fs::write(&plain, "old").expect("written");
    scenario::write_export(&plain, b"new").expect("replaced");
    assert_eq!(std::fs::read(&plain).expect("read"), b"new");
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::metadata(path).expect("there").permissions().mode() & 0o777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt as _;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).expect("chmod");
}

#[cfg(unix)]
#[test]
fn saving_keeps_a_private_file_private() {
    let dir = common::temp_dir();
    let path = dir.path().join("s.bulwark.json");
    scenario::save_file(&path, &minimal()).expect("first save");
    set_mode(&path, 0o600);
    scenario::save_file(&path, &minimal()).expect("second save");
    // Before: the new file got the default mode, 644.
    assert_eq!(mode(&path), 0o600);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_replaced_only_when_asked_and_stays_read_only() {
    let dir = common::temp_dir();
    let path = dir.path().join("s.bulwark.json");
    scenario::save_file(&path, &minimal()).expect("first save");
    set_mode(&path, 0o444);
    let before = std::fs::read(&path).expect("read");
    let mut changed = minimal();
    changed.meta.title = "Changed".into();
    // Before: overwritten without a word.
    let refused = scenario::save_file(&path, &changed).expect_err("read-only");
    assert!(refused.read_only, "{refused}");
    assert!(refused.to_string().contains("read-only"), "{refused}");
    assert_eq!(std::fs::read(&path).expect("read"), before);
    scenario::save_file_with(&path, &changed, true).expect("replaced when asked");
    assert_eq!(
        scenario::load_file(&path).expect("loads").meta.title,
        "Changed"
    );
    assert_eq!(mode(&path), 0o444, "still read-only");
}

#[cfg(unix)]
#[test]
fn a_linked_scenario_is_saved_to_its_target_and_the_link_kept() {
    let dir = common::temp_dir();
    let target = dir.path().join("real.bulwark.json");
    scenario::save_file(&target, &minimal()).expect("first save");
    let link = dir.path().join("link.bulwark.json");
    std::os::unix::fs::symlink(&target, &link).expect("a link");
    let mut changed = minimal();
    changed.meta.title = "Through the link".into();
    let saved = scenario::save_file(&link, &changed).expect("saved");
    // Before: the link was replaced by a regular file and its target kept
    // the old content.
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("there")
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        scenario::load_file(&target).expect("loads").meta.title,
        "Through the link"
    );
    assert!(
        saved.notes.iter().any(|n| n.contains("is a link")),
        "{:?}",
        saved.notes
    );
}

#[cfg(unix)]
#[test]
fn a_save_says_when_other_hard_links_keep_the_old_version() {
    let dir = common::temp_dir();
    let path = dir.path().join("s.bulwark.json");
    scenario::save_file(&path, &minimal()).expect("first save");
    std::fs::hard_link(&path, dir.path().join("other-name.bulwark.json")).expect("a hard link");
    let saved = scenario::save_file(&path, &minimal()).expect("saved");
    assert!(
        saved.notes.iter().any(|n| n.contains("1 other hard link")),
        "{:?}",
        saved.notes
    );
}

#[test]
fn a_scenario_that_would_not_open_again_is_saved_and_the_save_says_why() {
    let dir = common::temp_dir();
    let path = dir.path().join("s.bulwark.json");
    let mut s = minimal();
    s.horizon_years = -3.0;
    let saved = scenario::save_file(&path, &s).expect("saved all the same");
    assert!(
        saved
            .notes
            .iter()
            .any(|n| n.contains("will not open again") && n.contains("horizon_years")),
        "{:?}",
        saved.notes
    );
    assert!(scenario::load_file(&path).is_err(), "as it says");
    let fine = scenario::save_file(&path, &minimal()).expect("saved");
    assert!(fine.notes.is_empty(), "{:?}", fine.notes);
}

#[cfg(target_os = "linux")]
#[test]
fn a_save_removes_temporary_files_left_by_a_killed_bulwark() {
    let dir = common::temp_dir();
    let path = dir.path().join("s.bulwark.json");
    // A process id above the largest Linux hands out: certainly not running.
    let stale = dir.path().join(".s.bulwark.json.4194305-3.tmp");
    std::fs::write(&stale, "half a save").expect("written");
    let unrelated = dir.path().join(".notes.txt.4194305-3.tmp");
    std::fs::write(&unrelated, "not ours to remove").expect("written");
    scenario::save_file(&path, &minimal()).expect("saved");
    // Before: such files were never removed.
    assert!(!stale.exists(), "the stale temporary file is removed");
    assert!(unrelated.exists(), "another file's temporary is left alone");
}

#[test]
fn a_byte_order_mark_is_read_past_and_not_written_back() {
    let dir = common::temp_dir();
    let path = dir.path().join("notepad.bulwark.json");
    let mut bytes = "\u{FEFF}".as_bytes().to_vec();
    bytes.extend(std::fs::read(minimal_file()).expect("read"));
    std::fs::write(&path, &bytes).expect("written");
    // Before: refused as "expected value at line 1 column 1".
    let loaded = scenario::load_file(&path).expect("loads");
    scenario::save_file(&path, &loaded).expect("saved");
    assert!(
        !std::fs::read(&path)
            .expect("read")
            .starts_with("\u{FEFF}".as_bytes())
    );
}

#[test]
fn a_million_character_value_is_cut_short_in_its_message() {
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(minimal_file()).expect("read"))
            .expect("json");
    value["meta"]["date"] = serde_json::Value::String("9".repeat(1_048_576));
    let text = serde_json::to_string(&value).expect("json");
    let err =
        scenario::from_bytes("long-date.bulwark.json", text.as_bytes()).expect_err("bad date");
    let message = err.to_string();
    // Before: the whole megabyte was repeated in the message.
    assert!(message.len() < 1_000, "{} bytes", message.len());
    assert!(
        message.contains("(1048578 characters in all)") || message.contains("characters in all"),
        "{message}"
    );
    // A 5 MB unknown key: cut short too.
    let key = "k".repeat(5_000_000);
    let text = format!(r#"{{"format_version": 1, "{key}": 1}}"#);
    let err = scenario::from_bytes("long-key.bulwark.json", text.as_bytes()).expect_err("unknown");
    assert!(err.to_string().len() < 1_000);
}

#[test]
fn a_file_with_thousands_of_problems_lists_the_first_hundred_and_counts_the_rest() {
    let mut value: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(minimal_file()).expect("read"))
            .expect("json");
    let bad: Vec<serde_json::Value> = (0..250).map(|_| serde_json::json!({"id": "UKR"})).collect();
    value["states"].as_array_mut().expect("a list").extend(bad);
    let text = serde_json::to_string(&value).expect("json");
    let err = scenario::from_bytes("many.bulwark.json", text.as_bytes()).expect_err("duplicates");
    assert!(err.problems.len() > 200, "{}", err.problems.len());
    let lines = err.lines();
    assert_eq!(lines.len(), scenario::MAX_PROBLEM_LINES + 1);
    let last = lines.last().expect("a last line");
    assert!(
        last.contains("the first 100 problems are listed, and"),
        "{last}"
    );
}

#[test]
fn every_parameter_of_the_catalogue_is_in_the_model_documentation() {
    let text = std::fs::read_to_string(root().join("docs/MODEL.md")).expect("docs/MODEL.md");
    for parameter in bulwark::scenario::parameters::CATALOGUE {
        let row = format!("| `{}` | {} |", parameter.key, parameter.label);
        assert!(
            text.contains(&row),
            "docs/MODEL.md has no row for {}",
            parameter.key
        );
    }
}
