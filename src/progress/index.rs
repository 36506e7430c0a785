//! Per-trainee caches derived from the attempt files, so the manager's views and exports
//! need not parse every transcript:
//!
//! - `index.jsonl`: one `AttemptRow` per attempt (scores, outcome, turn marks);
//! - `turns.jsonl`: one `AttemptTurns` per attempt (each reply, for the turns CSV).
//!
//! Each is JSON lines after a version header. Saving an attempt appends one line (cheap,
//! no rewrite). Reading checks the cache against the folder's listing: lines for new
//! files are derived from the files, lines for vanished files are dropped, and lines that
//! do not parse (a torn append, two writers interleaving) are re-derived; then the cache
//! is rewritten whole, atomically. A cache can always be deleted: it is rebuilt.

use std::collections::HashMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::{AttemptHeader, AttemptKind, AttemptRecord};
use crate::engine::{DimensionScores, Entry, Reply};
use crate::scenario::Outcome;
use crate::scoring::Effect;

/// One attempt, without its transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRow {
    /// The attempt's key within the trainee's attempts: its file name.
    pub key: String,
    /// Who, what, the seed and the start, as in the attempt file.
    pub about: AttemptHeader,
    /// Unix milliseconds.
    pub finished_ms: u64,
    pub scores: DimensionScores,
    pub overall: f64,
    pub passed: bool,
    pub outcome: Outcome,
    pub loyalty: f64,
    pub loyalty_baseline: f64,
    /// Each trainee turn: the node and the turn's mean score over the three dimensions.
    pub turns: Vec<(String, u8)>,
}

impl AttemptRow {
    /// The row of a stored attempt under `key`.
    pub fn of(attempt: &AttemptRecord, key: &str) -> AttemptRow {
        let d = &attempt.debrief;
        AttemptRow {
            key: key.to_string(),
            about: attempt.about.clone(),
            finished_ms: attempt.finished_ms,
            scores: d.scores,
            overall: d.overall,
            passed: d.passed,
            outcome: d.outcome,
            loyalty: d.loyalty,
            loyalty_baseline: d.loyalty_baseline,
            turns: trainee_turns(attempt)
                .map(|t| {
                    let mean = t.scores.iter().sum::<f64>() / 3.0;
                    (t.node.clone(), mean.round().clamp(0.0, 100.0) as u8)
                })
                .collect(),
        }
    }
}

fn trainee_turns(a: &AttemptRecord) -> impl Iterator<Item = &crate::engine::TurnRecord> {
    a.transcript.iter().filter_map(|e| match e {
        Entry::Trainee(t) => Some(t),
        Entry::Customer { .. } => None,
    })
}

/// One reply, as the turns export writes it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnRow {
    pub node: String,
    /// `choice` or `typed`.
    pub reply_kind: String,
    pub reply: String,
    /// 0-4, in `Dimension::ALL` order.
    pub levels: [u8; 3],
    /// 0-100, in `Dimension::ALL` order.
    pub scores: [f64; 3],
    pub response_ms: u64,
    /// `+ reason: "words"` items joined by `; `.
    pub evidence: String,
}

/// An attempt's replies, for the turns export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptTurns {
    pub key: String,
    pub scenario_id: String,
    pub kind: AttemptKind,
    pub finished_ms: u64,
    pub turns: Vec<TurnRow>,
}

impl AttemptTurns {
    /// The replies of a stored attempt under `key`.
    pub fn of(attempt: &AttemptRecord, key: &str) -> AttemptTurns {
        AttemptTurns {
            key: key.to_string(),
            scenario_id: attempt.about.scenario_id.clone(),
            kind: attempt.about.kind,
            finished_ms: attempt.finished_ms,
            turns: trainee_turns(attempt)
                .map(|t| {
                    let (reply_kind, reply) = match &t.reply {
                        Reply::Choice { text, .. } => ("choice", text.clone()),
                        Reply::Text { text } => ("typed", text.clone()),
                    };
                    let evidence: Vec<String> = t
                        .evidence
                        .iter()
                        .map(|e| {
                            let sign = match e.effect {
                                Effect::Plus => '+',
                                Effect::Minus => '-',
                            };
                            format!("{sign} {}: \"{}\"", e.reason, e.text)
                        })
                        .collect();
                    TurnRow {
                        node: t.node.clone(),
                        reply_kind: reply_kind.into(),
                        reply,
                        levels: [
                            t.levels.active_listening,
                            t.levels.ownership,
                            t.levels.exceeding_expectations,
                        ],
                        scores: t.scores,
                        response_ms: t.response_ms,
                        evidence: evidence.join("; "),
                    }
                })
                .collect(),
        }
    }
}

/// A cache kept beside a trainee's attempts: one line per attempt.
pub(super) trait Cached: Serialize + DeserializeOwned {
    /// The file in the trainee's folder.
    const FILE: &'static str;
    /// Bumped when the line's shape changes; a cache of another version is rebuilt.
    const VERSION: u32;
    fn derive(attempt: &AttemptRecord, key: &str) -> Self;
    fn key(&self) -> &str;
    fn finished_ms(&self) -> u64;
}

impl Cached for AttemptRow {
    const FILE: &'static str = "index.jsonl";
    /// 2: the header as one `about` record.
    const VERSION: u32 = 2;
    fn derive(attempt: &AttemptRecord, key: &str) -> Self {
        AttemptRow::of(attempt, key)
    }
    fn key(&self) -> &str {
        &self.key
    }
    fn finished_ms(&self) -> u64 {
        self.finished_ms
    }
}

impl Cached for AttemptTurns {
    const FILE: &'static str = "turns.jsonl";
    const VERSION: u32 = 1;
    fn derive(attempt: &AttemptRecord, key: &str) -> Self {
        AttemptTurns::of(attempt, key)
    }
    fn key(&self) -> &str {
        &self.key
    }
    fn finished_ms(&self) -> u64 {
        self.finished_ms
    }
}

#[derive(Serialize, Deserialize)]
struct Header {
    cache: String,
    version: u32,
}

fn header<T: Cached>() -> String {
    let h = Header {
        cache: T::FILE.to_string(),
        version: T::VERSION,
    };
    serde_json::to_string(&h).unwrap_or_default()
}

/// The cache's entries by key, and whether it needs rewriting (bad or repeated lines).
/// Missing, unreadable or of another version: empty and dirty.
pub(super) fn load<T: Cached>(path: &Path) -> (HashMap<String, T>, bool) {
    let Ok(text) = fs::read_to_string(path) else {
        return (HashMap::new(), true);
    };
    let mut lines = text.lines();
    let current = lines
        .next()
        .and_then(|l| serde_json::from_str::<Header>(l).ok())
        .is_some_and(|h| h.cache == T::FILE && h.version == T::VERSION);
    if !current {
        return (HashMap::new(), true);
    }
    let mut dirty = false;
    let mut out = HashMap::new();
    for line in lines {
        match serde_json::from_str::<T>(line) {
            Ok(entry) => {
                if out.insert(entry.key().to_string(), entry).is_some() {
                    dirty = true;
                }
            }
            Err(_) => dirty = true,
        }
    }
    (out, dirty)
}

/// Rewrites the cache whole, atomically.
pub(super) fn save<T: Cached>(path: &Path, entries: &[T]) -> std::io::Result<()> {
    let mut out = header::<T>();
    out.push('\n');
    for e in entries {
        out.push_str(&serde_json::to_string(e).map_err(std::io::Error::other)?);
        out.push('\n');
    }
    super::write_atomic(path, out.as_bytes())
}

/// Appends one entry to an existing cache with a single write; a cache that does not
/// exist yet is created only for a trainee's first attempt (otherwise the next read
/// builds it from every file).
pub(super) fn append<T: Cached>(
    path: &Path,
    entry: &T,
    first_attempt: bool,
) -> std::io::Result<()> {
    let mut line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
    line.push('\n');
    if !path.exists() {
        if !first_attempt {
            return Ok(());
        }
        let mut whole = header::<T>();
        whole.push('\n');
        whole.push_str(&line);
        return super::write_atomic(path, whole.as_bytes());
    }
    fs::OpenOptions::new()
        .append(true)
        .open(path)?
        .write_all(line.as_bytes())
}

/// The attempt files in a trainee's attempts folder, sorted; none when it does not exist.
pub(super) fn attempt_files(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(e),
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "ron"))
        .collect();
    files.sort();
    Ok(files)
}
