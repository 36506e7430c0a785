//! The per-trainee index: one row per attempt with everything but the transcript, so the
//! manager's views open without parsing every attempt file. It is a cache derived from
//! the attempt files: checked against the folder's listing on every read, extended with
//! new files, pruned of vanished ones, and rebuilt from scratch when it cannot be read.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::{AttemptKind, AttemptRecord};
use crate::engine::{DimensionScores, Entry};
use crate::scenario::Outcome;

/// The index file's own version; an index of another version is rebuilt.
const INDEX_VERSION: u32 = 1;

/// The index file in each trainee's folder.
pub(super) const INDEX_FILE: &str = "index.json";

/// One attempt, without its transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRow {
    /// The attempt's key within the trainee's attempts: its file name.
    pub key: String,
    pub trainee: String,
    pub scenario_id: String,
    pub scenario_version: String,
    pub kind: AttemptKind,
    pub seed: u64,
    /// Unix milliseconds.
    pub started_ms: u64,
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
            trainee: attempt.about.trainee.clone(),
            scenario_id: attempt.about.scenario_id.clone(),
            scenario_version: attempt.about.scenario_version.clone(),
            kind: attempt.about.kind,
            seed: attempt.about.seed,
            started_ms: attempt.about.started_ms,
            finished_ms: attempt.finished_ms,
            scores: d.scores,
            overall: d.overall,
            passed: d.passed,
            outcome: d.outcome,
            loyalty: d.loyalty,
            loyalty_baseline: d.loyalty_baseline,
            turns: attempt
                .transcript
                .iter()
                .filter_map(|e| match e {
                    Entry::Trainee(t) => {
                        let mean = t.scores.iter().sum::<f64>() / 3.0;
                        Some((t.node.clone(), mean.round().clamp(0.0, 100.0) as u8))
                    }
                    Entry::Customer { .. } => None,
                })
                .collect(),
        }
    }
}

#[derive(Serialize, Deserialize)]
struct IndexFile {
    version: u32,
    rows: Vec<AttemptRow>,
}

/// The index as last written, by key; empty when missing, unreadable or of another version.
pub(super) fn load(path: &Path) -> HashMap<String, AttemptRow> {
    let Ok(bytes) = fs::read(path) else {
        return HashMap::new();
    };
    match serde_json::from_slice::<IndexFile>(&bytes) {
        Ok(f) if f.version == INDEX_VERSION => {
            f.rows.into_iter().map(|r| (r.key.clone(), r)).collect()
        }
        _ => HashMap::new(),
    }
}

/// Writes the index atomically. It is a cache: a failure costs time, never data.
pub(super) fn save(path: &Path, rows: &[AttemptRow]) -> std::io::Result<()> {
    let file = IndexFile {
        version: INDEX_VERSION,
        rows: rows.to_vec(),
    };
    let bytes = serde_json::to_vec(&file).map_err(std::io::Error::other)?;
    super::write_atomic(path, &bytes)
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
