//! Bakes `assets/` and `saves/` into the binary so Bulwark runs from anywhere:
//! writes `$OUT_DIR/embedded.rs` with one `include_bytes!` per file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    let mut code = String::new();
    for (name, dir) in [("ASSETS", "assets"), ("SAVES", "saves")] {
        let base = root.join(dir);
        println!("cargo:rerun-if-changed={}", base.display());
        let mut files = Vec::new();
        collect_files(&base, &mut files);
        files.sort();
        writeln!(code, "/// Files under `{dir}/`, by path relative to it.").ok();
        writeln!(code, "pub static {name}: &[(&str, &[u8])] = &[").ok();
        for file in files {
            println!("cargo:rerun-if-changed={}", file.display());
            let rel = file.strip_prefix(&base).expect("under base");
            let rel = rel.to_string_lossy().replace('\\', "/");
            writeln!(
                code,
                "    ({rel:?}, include_bytes!({:?})),",
                file.display().to_string()
            )
            .ok();
        }
        writeln!(code, "];").ok();
    }
    std::fs::write(out.join("embedded.rs"), code).expect("write embedded.rs");
}

/// Every regular file under `dir`, recursively (hidden files skipped).
fn collect_files(dir: &Path, files: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect_files(&path, files);
        } else {
            files.push(path);
        }
    }
}
