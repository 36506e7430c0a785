//! The scenario library: the built-in scenarios embedded at build time, plus the
//! trainer's folder on disk, where a file with a built-in's id overrides it.
//!
//! This is the edge where scenario files are read from disk; parsing and judging them
//! is `scenario`'s work. It never writes.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::scenario::{self, Diagnostic, Scenario, Severity, SourceFile};

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_scenarios.rs"));
}

/// The built-in scenarios as (file name, text), in file-name order.
pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
    builtin::BUILTIN
}

/// Where a library scenario came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// Shipped inside the binary.
    BuiltIn,
    /// A file in the trainer's folder.
    Trainer(PathBuf),
}

/// One playable scenario in the library.
#[derive(Debug, Clone)]
pub struct LibraryEntry {
    pub scenario: Arc<Scenario>,
    pub origin: Origin,
    /// True when a trainer's file replaces the built-in scenario with the same id.
    pub overrides_builtin: bool,
    /// The content version hash, worked out when first asked for (see `version`).
    version: std::sync::OnceLock<String>,
    /// Warnings the validator raised (and the lints, when loaded with `Checks::Full`);
    /// the scenario still plays.
    pub warnings: Vec<Diagnostic>,
}

impl LibraryEntry {
    /// The content version hash. Serialising a scenario to its canonical form to hash it
    /// cost more than parsing and validating it, and the start screen needs no version:
    /// playing, recording and the trainer's views ask for it.
    pub fn version(&self) -> &str {
        self.version
            .get_or_init(|| scenario::version_hash(&self.scenario))
    }
}

/// A file that could not join the library, with why.
#[derive(Debug, Clone)]
pub struct FileProblem {
    pub source: SourceFile,
    pub diagnostics: Vec<Diagnostic>,
}

/// The library a trainee picks from.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Sorted by title, then id.
    pub entries: Vec<LibraryEntry>,
    /// Files with errors, which are left out of `entries`.
    pub problems: Vec<FileProblem>,
}

/// The outcome of checking one file: the scenario when it has no errors, and every
/// diagnostic either way.
#[derive(Debug, Clone)]
pub struct Checked {
    pub source: SourceFile,
    pub scenario: Option<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    /// True when any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// How much checking a file gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checks {
    /// Everything, the recovery lints included: what `validate` and the trainer see.
    Full,
    /// What playing needs (parse and validate, no lints): the trainee's library loads
    /// this at start-up, where rating every model answer would slow the first frame.
    PlayOnly,
}

/// Checks many files, spread over the machine's cores; results in the order given.
pub fn check_files(paths: &[PathBuf]) -> Vec<Checked> {
    check_files_with(paths, Checks::Full)
}

/// `check_files` with the checks chosen.
pub fn check_files_with(paths: &[PathBuf], checks: Checks) -> Vec<Checked> {
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(paths.len().max(1));
    if threads <= 1 {
        return paths.iter().map(|p| check_file_with(p, checks)).collect();
    }
    let chunk = paths.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = paths
            .chunks(chunk)
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|p| check_file_with(p, checks))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

/// Parses and validates one file's text; `assets` is where its audio clips are looked up.
pub fn check(source: SourceFile, assets: Option<&Path>) -> Checked {
    check_with(source, assets, Checks::Full)
}

/// `check` with the checks chosen.
pub fn check_with(source: SourceFile, assets: Option<&Path>, checks: Checks) -> Checked {
    match scenario::parse(&source) {
        Err(d) => Checked {
            source,
            scenario: None,
            diagnostics: vec![*d],
        },
        Ok(s) => {
            let exists = |clip: &str| assets.is_some_and(|dir| dir.join(clip).is_file());
            let mut diagnostics = scenario::validate(&s, &source, &exists);
            let ok = !diagnostics.iter().any(Diagnostic::is_error);
            // The craft lints judge content, which only means something once it plays.
            if ok && checks == Checks::Full {
                diagnostics.extend(crate::lint::lint(&s, &source, lint_scorer()));
                diagnostics.sort_by_key(|d| (d.span.start, d.severity));
            }
            Checked {
                source,
                scenario: ok.then_some(s),
                diagnostics,
            }
        }
    }
}

/// The scorer the lints rate model answers with: the built-in lexicon, built once.
fn lint_scorer() -> &'static crate::scoring::Scorer {
    static SCORER: std::sync::OnceLock<crate::scoring::Scorer> = std::sync::OnceLock::new();
    SCORER.get_or_init(crate::scoring::Scorer::default)
}

/// Reads and checks one file on disk. An unreadable file is reported, not fatal.
pub fn check_file(path: &Path) -> Checked {
    check_file_with(path, Checks::Full)
}

/// `check_file` with the checks chosen.
pub fn check_file_with(path: &Path, checks: Checks) -> Checked {
    let name = path.display().to_string();
    let failed = |message: String| {
        let source = SourceFile::new(name.clone(), String::new());
        let diagnostic = Diagnostic::new(Severity::Error, &source, 0..0, message);
        Checked {
            source,
            scenario: None,
            diagnostics: vec![diagnostic],
        }
    };
    // Look at the size before reading, so a huge file is never loaded into memory.
    if let Ok(meta) = fs::metadata(path)
        && meta.len() > scenario::MAX_SCENARIO_BYTES as u64
    {
        return failed(format!(
            "file is {} bytes; a scenario may be at most {} bytes",
            meta.len(),
            scenario::MAX_SCENARIO_BYTES
        ));
    }
    match fs::read(path) {
        Ok(bytes) => check_bytes_with(&name, bytes, assets_for(path).as_deref(), checks),
        Err(e) => failed(format!("cannot read the file: {e}")),
    }
}

/// Checks a file's bytes: too big or not UTF-8 is a located error naming the file.
pub fn check_bytes(name: &str, bytes: Vec<u8>, assets: Option<&Path>) -> Checked {
    check_bytes_with(name, bytes, assets, Checks::Full)
}

fn check_bytes_with(name: &str, bytes: Vec<u8>, assets: Option<&Path>, checks: Checks) -> Checked {
    let failed = |message: String| {
        let source = SourceFile::new(name.to_string(), String::new());
        let diagnostic = Diagnostic::new(Severity::Error, &source, 0..0, message);
        Checked {
            source,
            scenario: None,
            diagnostics: vec![diagnostic],
        }
    };
    if bytes.len() > scenario::MAX_SCENARIO_BYTES {
        return failed(format!(
            "file is {} bytes; a scenario may be at most {} bytes",
            bytes.len(),
            scenario::MAX_SCENARIO_BYTES
        ));
    }
    match String::from_utf8(bytes) {
        Ok(text) => check_with(SourceFile::new(name.to_string(), text), assets, checks),
        Err(e) => failed(format!(
            "the file is not UTF-8 text (invalid byte at offset {}); expected a RON text file",
            e.utf8_error().valid_up_to()
        )),
    }
}

/// The `assets/` folder for a scenario file: the nearest one beside the file or in the
/// folder above it (so `scenarios/x.ron` finds the repository's `assets/`).
pub fn assets_for(path: &Path) -> Option<PathBuf> {
    path.ancestors()
        .skip(1)
        .take(2)
        .map(|dir| dir.join("assets"))
        .find(|dir| dir.is_dir())
}

/// The built-in scenarios' assets: the repository's `assets/` when it is present.
fn builtin_assets() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")
}

/// Checks every built-in file.
pub fn check_builtins() -> Vec<Checked> {
    check_builtins_with(Checks::Full)
}

fn check_builtins_with(checks: Checks) -> Vec<Checked> {
    let assets = builtin_assets();
    builtin_files()
        .iter()
        .map(|(name, text)| {
            check_with(
                SourceFile::new(format!("scenarios/{name}"), *text),
                Some(&assets),
                checks,
            )
        })
        .collect()
}

/// Every `.ron` file under `path` (or `path` itself), sorted, searching folders recursively.
pub fn ron_files(path: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    collect(path, &mut found, 0);
    found.sort();
    found
}

fn collect(path: &Path, found: &mut Vec<PathBuf>, depth: usize) {
    // Deep enough for any real layout; stops a symlink loop from recursing forever.
    const MAX_DEPTH: usize = 16;
    if path.is_dir() {
        if depth >= MAX_DEPTH {
            return;
        }
        let Ok(entries) = fs::read_dir(path) else {
            return;
        };
        for entry in entries.filter_map(Result::ok) {
            collect(&entry.path(), found, depth + 1);
        }
    } else if path.extension().is_some_and(|x| x == "ron") {
        found.push(path.to_path_buf());
    }
}

/// A stamp of the scenario files under `dir`: their paths, sizes and modification
/// times. It changes when a file is saved, added, renamed or removed, which is what live
/// reload polls for; reading the files themselves waits until it changes.
pub fn folder_stamp(dir: &Path) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    for path in ron_files(dir) {
        path.hash(&mut hasher);
        if let Ok(meta) = fs::metadata(&path) {
            meta.len().hash(&mut hasher);
            meta.modified().ok().hash(&mut hasher);
        }
    }
    hasher.finish()
}

impl Library {
    /// Loads the built-ins and, when given, the trainer's folder (a missing folder is an
    /// empty one).
    pub fn load(trainer_dir: Option<&Path>) -> Library {
        Library::load_with(trainer_dir, Checks::Full)
    }

    /// `load` with the checks chosen.
    pub fn load_with(trainer_dir: Option<&Path>, checks: Checks) -> Library {
        let mut library = Library::default();
        let mut by_id: BTreeMap<String, LibraryEntry> = BTreeMap::new();
        for checked in check_builtins_with(checks) {
            library.admit(checked, Origin::BuiltIn, &mut by_id);
        }
        if let Some(dir) = trainer_dir {
            let paths = ron_files(dir);
            for (path, checked) in paths.iter().zip(check_files_with(&paths, checks)) {
                library.admit(checked, Origin::Trainer(path.clone()), &mut by_id);
            }
        }
        library.entries = by_id.into_values().collect();
        library.entries.sort_by(|a, b| {
            a.scenario
                .title
                .cmp(&b.scenario.title)
                .then_with(|| a.scenario.id.cmp(&b.scenario.id))
        });
        library
    }

    fn admit(
        &mut self,
        checked: Checked,
        origin: Origin,
        by_id: &mut BTreeMap<String, LibraryEntry>,
    ) {
        let Some(scenario) = checked.scenario else {
            self.problems.push(FileProblem {
                source: checked.source,
                diagnostics: checked.diagnostics,
            });
            return;
        };
        // Two of the trainer's files with one id: the first (in path order) stays, and
        // the second is reported rather than silently replacing it.
        if let Some(Origin::Trainer(first)) = by_id.get(&scenario.id).map(|e| &e.origin) {
            let span = crate::scenario::find_value(&checked.source, "id", &scenario.id, 0, 0)
                .unwrap_or(0..0);
            let diagnostic = Diagnostic::new(
                Severity::Error,
                &checked.source,
                span,
                format!(
                    "scenario id `{}` is already used by {}; each file in your folder needs its own id, so this one is left out",
                    scenario.id,
                    first.display()
                ),
            );
            self.problems.push(FileProblem {
                source: checked.source,
                diagnostics: vec![diagnostic],
            });
            return;
        }
        let overrides_builtin = matches!(origin, Origin::Trainer(_))
            && by_id
                .get(&scenario.id)
                .is_some_and(|e| e.origin == Origin::BuiltIn);
        let entry = LibraryEntry {
            version: std::sync::OnceLock::new(),
            scenario: Arc::new(scenario),
            origin,
            overrides_builtin,
            warnings: checked.diagnostics,
        };
        by_id.insert(entry.scenario.id.clone(), entry);
    }

    /// The scenario with this id.
    pub fn get(&self, id: &str) -> Option<&LibraryEntry> {
        self.entries.iter().find(|e| e.scenario.id == id)
    }

    /// Every industry in the library, sorted, once each.
    pub fn industries(&self) -> Vec<&str> {
        let mut all: Vec<&str> = self
            .entries
            .iter()
            .map(|e| e.scenario.industry.as_str())
            .collect();
        all.sort_unstable();
        all.dedup();
        all
    }
}

/// The scorer's lexicon: the built-in English one, plus `<data dir>/lexicons/en.ron` when
/// present. A broken override is reported (with its location) and left out.
pub fn load_lexicon(data_dir: &Path) -> (crate::scoring::Lexicon, Option<String>) {
    let mut lexicon = crate::scoring::Lexicon::builtin();
    let path = data_dir.join("lexicons").join("en.ron");
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return (lexicon, None),
        Err(e) => {
            return (
                lexicon,
                Some(format!(
                    "{}: cannot read the lexicon override: {e}",
                    path.display()
                )),
            );
        }
    };
    match crate::scoring::Lexicon::parse(&text) {
        Ok(extra) => {
            lexicon.extend(extra);
            (lexicon, None)
        }
        Err(e) => (
            lexicon,
            Some(format!(
                "{}:{}:{}: the lexicon override was left out: {}",
                path.display(),
                e.span.start.line,
                e.span.start.col,
                e.code
            )),
        ),
    }
}
