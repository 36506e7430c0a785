//! The audit log: what managers did, and refused PINs, as append-only JSON lines in
//! `<data dir>/audit.jsonl`. Entries are never rewritten or removed by Turnaround. They
//! name roles and actions, never a trainee's name or records, so deleting a trainee can
//! be logged without keeping them.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

/// The audit log's file in the data dir.
pub const AUDIT_FILE: &str = "audit.jsonl";

/// One logged event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Unix milliseconds.
    pub at_ms: u64,
    /// Who: `manager`, `trainer`, `trainee`, or `cli` for the terminal.
    pub by: String,
    /// What happened, in a person's words.
    pub action: String,
}

/// The audit log of one data dir.
#[derive(Debug, Clone)]
pub struct AuditLog {
    path: PathBuf,
}

impl AuditLog {
    pub fn new(data_dir: &Path) -> AuditLog {
        AuditLog {
            path: data_dir.join(AUDIT_FILE),
        }
    }

    /// Appends one entry with a single write, synced to disk.
    pub fn record(&self, at_ms: u64, by: &str, action: &str) -> std::io::Result<()> {
        let entry = AuditEntry {
            at_ms,
            by: by.to_string(),
            action: action.to_string(),
        };
        let mut line = serde_json::to_string(&entry).map_err(std::io::Error::other)?;
        line.push('\n');
        if let Some(dir) = self.path.parent() {
            crate::paths::create_private_dir(dir)?;
        }
        let mut options = fs::OpenOptions::new();
        options.create(true).append(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&self.path)?;
        file.write_all(line.as_bytes())?;
        file.sync_all()
    }

    /// Every readable entry, newest first, and how many lines could not be read.
    pub fn entries(&self) -> (Vec<AuditEntry>, usize) {
        let Ok(text) = fs::read_to_string(&self.path) else {
            return (Vec::new(), 0);
        };
        let mut bad = 0;
        let mut out: Vec<AuditEntry> = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .filter_map(|l| {
                let parsed = serde_json::from_str(l).ok();
                if parsed.is_none() {
                    bad += 1;
                }
                parsed
            })
            .collect();
        out.reverse();
        (out, bad)
    }
}
