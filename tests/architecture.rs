//! The core stays free of the GUI and sound: `scenario`, `engine`, `scoring`,
//! `progress`, `report`, `access`, `audit`, `backup`, `fuzzing` and `generate` must not
//! import egui, eframe or rodio.

use std::path::Path;

use crate::util::root;

const CORE: &[&str] = &[
    "scenario",
    "engine",
    "scoring",
    "progress",
    "report",
    "access",
    "audit",
    "backup",
    "fuzzing",
    "generate",
    "fasthash",
    "lint",
    "authoring",
    "xapi",
    "lrs",
    "voice",
    "standards",
];
const FORBIDDEN: &[&str] = &[
    "egui",
    "eframe",
    "rodio",
    "egui_plot",
    "crate::ui",
    "crate::audio",
    "crate::app",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }
}

#[test]
fn core_modules_import_no_gui_or_sound_crate() {
    let src = root().join("src");
    let mut files = Vec::new();
    for module in CORE {
        let file = src.join(format!("{module}.rs"));
        if file.exists() {
            files.push(file);
        }
        rust_files(&src.join(module), &mut files);
    }
    assert!(
        files.len() >= 6,
        "expected the core's files, found {files:?}"
    );
    let mut offences = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("read");
        for (line, code) in forbidden_uses(&text) {
            offences.push(format!("{}:{line}: {code}", file.display()));
        }
    }
    assert!(
        offences.is_empty(),
        "the core must not touch the GUI or sound:\n{}",
        offences.join("\n")
    );
}

/// The (1-based line, text) of each line whose code names a forbidden crate or module.
fn forbidden_uses(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        let hit = FORBIDDEN.iter().any(|word| {
            code.match_indices(word).any(|(i, _)| {
                let before = code[..i].chars().next_back();
                let after = code[i + word.len()..].chars().next();
                before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
                    && after.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
            })
        });
        if hit {
            found.push((n + 1, line.trim().to_string()));
        }
    }
    found
}

#[test]
fn the_check_catches_imports_and_ignores_comments_and_lookalikes() {
    let sample =
        "use eframe::egui;\n// egui in a comment\nlet eguified = 1;\nfn f(ui: &mut egui::Ui) {}\n";
    let lines: Vec<usize> = forbidden_uses(sample).into_iter().map(|(l, _)| l).collect();
    assert_eq!(lines, vec![1, 4]);
}
