//! Embeds the repository's `scenarios/*.ron` into the binary, so an installed build has
//! its built-in library wherever it runs.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("scenarios");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "ron"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut out = String::from(
        "/// Built-in scenarios: (file name, text).\npub const BUILTIN: &[(&str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_name().expect("a file").to_string_lossy();
        writeln!(
            out,
            "    ({name:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let dest =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("builtin_scenarios.rs");
    fs::write(dest, out).expect("write builtin_scenarios.rs");
    embed_messages();
}

/// Embeds `assets/i18n/<language>/*.ftl`, the interface's words in each language.
fn embed_messages() {
    let dir = Path::new(&env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"))
        .join("assets")
        .join("i18n");
    println!("cargo:rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    for lang in fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .filter_map(Result::ok)
    {
        let lang_dir = lang.path();
        if !lang_dir.is_dir() {
            continue;
        }
        println!("cargo:rerun-if-changed={}", lang_dir.display());
        for f in fs::read_dir(&lang_dir)
            .into_iter()
            .flatten()
            .filter_map(Result::ok)
        {
            let path = f.path();
            if path.extension().is_some_and(|x| x == "ftl") {
                files.push(path);
            }
        }
    }
    files.sort();
    let mut out = String::from(
        "/// The interface's message files: (language code, file name, text).\nconst FILES: &[(&str, &str, &str)] = &[\n",
    );
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let lang = f
            .parent()
            .and_then(Path::file_name)
            .expect("a language folder")
            .to_string_lossy();
        let name = f.file_name().expect("a file").to_string_lossy();
        writeln!(
            out,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            f.display().to_string()
        )
        .expect("write to string");
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("i18n_files.rs");
    fs::write(dest, out).expect("write i18n_files.rs");
}
