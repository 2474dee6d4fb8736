//! The layers of `src/` (README's layout table): a module may import only the
//! layers below it, the engine and the document never egui. Read from the
//! source, so a new import that points upwards fails here.

use std::path::{Path, PathBuf};

/// The top-level modules from the bottom up: each may import only those of a
/// lower rank (and itself).
const RANKS: &[(&str, u8)] = &[
    ("assets", 0),
    ("scenario", 1),
    ("model", 2),
    ("backtest", 3),
    ("kit", 3),
    ("plots", 4),
    ("map", 4),
    ("present", 5),
    ("ui", 6),
    ("cli", 7),
];

/// Crates the document and the engine must never use.
const VIEW_CRATES: &[&str] = &["egui", "eframe", "egui_plot", "egui_commonmark", "rfd"];

fn rank(module: &str) -> Option<u8> {
    RANKS.iter().find(|(m, _)| *m == module).map(|(_, r)| *r)
}

/// Every `.rs` file under `dir`.
fn sources(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

/// The top-level module a file of `src/` belongs to.
fn module_of(src: &Path, file: &Path) -> Option<String> {
    let first = file.strip_prefix(src).ok()?.components().next()?;
    let name = first.as_os_str().to_str()?;
    Some(name.trim_end_matches(".rs").to_owned())
}

/// The code of a file without its comments (doc comments may name any layer).
fn code(text: &str) -> String {
    text.lines()
        .map(|l| match l.find("//") {
            Some(i) => &l[..i],
            None => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// `crate::NAME` paths in `code`, as module names (`use crate::{a, b}` too).
fn crate_references(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let end = group.find('}').unwrap_or(group.len());
            for item in group[..end].split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                out.push(name);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

/// Whether `code` uses the crate `name` (`use name::`, `name::` in a path).
fn uses_crate(code: &str, name: &str) -> bool {
    code.match_indices(&format!("{name}::")).any(|(i, _)| {
        let before = code[..i].chars().next_back();
        !before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':')
    })
}

#[test]
fn no_module_imports_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut wrong = Vec::new();
    let files = sources(&src);
    assert!(files.len() > 50, "the sources are found ({})", files.len());
    for file in files {
        let Some(module) = module_of(&src, &file) else {
            continue;
        };
        let Some(own) = rank(&module) else {
            // lib.rs and main.rs sit above every layer.
            assert!(
                ["lib", "main"].contains(&module.as_str()),
                "{module} is not in the layer table of this test and README"
            );
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("a source file");
        let code = code(&text);
        for name in crate_references(&code) {
            let Some(theirs) = rank(&name) else { continue };
            if name != module && theirs >= own {
                wrong.push(format!(
                    "{}: {module} imports crate::{name}",
                    file.display()
                ));
            }
        }
        if ["scenario", "model"].contains(&module.as_str()) {
            for krate in VIEW_CRATES {
                if uses_crate(&code, krate) {
                    wrong.push(format!("{}: {module} uses {krate}", file.display()));
                }
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports against the layers:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn the_layer_check_sees_what_it_should() {
    assert_eq!(
        crate_references("use crate::{kit::theme, model};\nlet x = crate::ui::Command::New;"),
        ["kit", "model", "ui"]
    );
    assert!(uses_crate("use egui::Ui;", "egui"));
    assert!(!uses_crate("use bulwark_egui::Ui;", "egui"));
    assert!(!uses_crate("let a = my_egui::x;", "egui"));
    assert_eq!(code("let a = 1; // crate::ui"), "let a = 1; ");
}

/// A file's module path inside the crate, e.g. `ui::app::files` for
/// `src/ui/app/files.rs` and `ui::app` for `src/ui/app/mod.rs`.
fn module_path(src: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(src).unwrap_or(file).with_extension("");
    let parts: Vec<&str> = relative
        .components()
        .filter_map(|c| c.as_os_str().to_str())
        .filter(|p| *p != "mod")
        .collect();
    parts.join("::")
}

/// The paths written after each `prefix` in `code` (`prefix` not part of a
/// longer path), a `{…}` group giving one path per item.
fn paths_after(code: &str, prefix: &str) -> Vec<String> {
    let ident = |rest: &str| -> String {
        rest.chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
            .collect::<String>()
            .trim_end_matches(':')
            .to_owned()
    };
    let mut out = Vec::new();
    for (i, _) in code.match_indices(prefix) {
        let before = code[..i].chars().next_back();
        if before.is_some_and(|c| c == ':' || c == '_' || c.is_alphanumeric()) {
            continue;
        }
        let rest = &code[i + prefix.len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let end = group.find('}').unwrap_or(group.len());
                out.extend(group[..end].split(',').map(|item| ident(item.trim())));
            }
            None => out.push(ident(rest)),
        }
    }
    out.retain(|p| !p.is_empty());
    out
}

/// The module paths `code` of `module` refers to, from `crate::…` and
/// `super::…` paths (resolved to modules by the caller).
fn module_references(code: &str, module: &str) -> Vec<String> {
    // `super` of `a::b` is `a` (a `mod.rs` file is its folder's module).
    let mut parent: Vec<&str> = module.split("::").collect();
    parent.pop();
    let mut out = paths_after(code, "crate::");
    for path in paths_after(code, "super::") {
        let mut full = parent.clone();
        full.push(&path);
        out.push(full.join("::"));
    }
    out
}

#[test]
fn no_two_modules_import_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let files = sources(&src);
    let modules: Vec<String> = files.iter().map(|f| module_path(&src, f)).collect();
    // The longest module that a path names (`kit::theme::NATO` → `kit::theme`).
    let resolve = |path: &str| -> Option<String> {
        let parts: Vec<&str> = path.split("::").collect();
        (1..=parts.len())
            .rev()
            .map(|k| parts[..k].join("::"))
            .find(|candidate| modules.contains(candidate))
    };
    let mut imports: Vec<(String, String)> = Vec::new();
    for (file, module) in files.iter().zip(&modules) {
        let text = std::fs::read_to_string(file).expect("a source file");
        for path in module_references(&code(&text), module) {
            if let Some(target) = resolve(&path)
                && target != *module
            {
                imports.push((module.clone(), target));
            }
        }
    }
    let related =
        |a: &str, b: &str| a.starts_with(&format!("{b}::")) || b.starts_with(&format!("{a}::"));
    let mut cycles: Vec<String> = imports
        .iter()
        .filter(|(a, b)| a < b && !related(a, b) && imports.contains(&(b.clone(), a.clone())))
        .map(|(a, b)| format!("{a} <-> {b}"))
        .collect();
    cycles.dedup();
    assert!(
        cycles.is_empty(),
        "modules importing each other:\n{}",
        cycles.join("\n")
    );
}

#[test]
fn the_cycle_check_reads_paths_as_modules() {
    let src = Path::new("/x/src");
    assert_eq!(
        module_path(src, Path::new("/x/src/ui/app/mod.rs")),
        "ui::app"
    );
    assert_eq!(
        module_path(src, Path::new("/x/src/ui/app/files.rs")),
        "ui::app::files"
    );
    assert_eq!(
        module_references(
            "use super::{a, files::Kind}; super::files::x(); crate::kit::theme::NATO",
            "ui::app::exporting"
        ),
        [
            "kit::theme::NATO",
            "ui::app::a",
            "ui::app::files::Kind",
            "ui::app::files::x"
        ]
    );
}
