//! Reading files written by older versions of Turnaround. Each stored type parses every
//! format up to `FORMAT_VERSION` and comes out in the current shape. Files are never
//! rewritten by a migration: a finished attempt stays the fact it was when written.

use serde::Deserialize;

use super::{AttemptRecord, FORMAT_VERSION, InProgress, Trainee};
use crate::engine::{Debrief, Entry, Input};

/// A type kept in a file, readable from any format up to the current one.
pub(super) trait Stored: Sized {
    fn parse(text: &str) -> Result<Self, ron::error::SpannedError>;
}

/// The format a file says it has; 0 when it says nothing readable (the real parse then
/// reports what is wrong).
pub(super) fn format_of(text: &str) -> u32 {
    #[derive(Deserialize)]
    struct Version {
        #[serde(default)]
        format: u32,
    }
    ron::from_str::<Version>(text).map_or(0, |v| v.format)
}

impl Stored for Trainee {
    fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        // Format 2 only added the optional PIN hash.
        let mut t: Trainee = ron::from_str(text)?;
        t.format = FORMAT_VERSION;
        Ok(t)
    }
}

/// Format 1: the header fields at top level, where `AttemptHeader` reads them (unknown
/// fields are ignored); these are the rest.
#[derive(Deserialize)]
struct AttemptV1 {
    finished_ms: u64,
    transcript: Vec<Entry>,
    inputs: Vec<Input>,
    debrief: Debrief,
}

/// Format 1 of an unfinished attempt, besides its header.
#[derive(Deserialize)]
struct InProgressV1 {
    session_start_ms: u64,
    inputs: Vec<Input>,
}

impl Stored for AttemptRecord {
    fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        if format_of(text) >= 2 {
            return ron::from_str(text);
        }
        let v1: AttemptV1 = ron::from_str(text)?;
        Ok(AttemptRecord {
            format: FORMAT_VERSION,
            about: ron::from_str(text)?,
            finished_ms: v1.finished_ms,
            transcript: v1.transcript,
            inputs: v1.inputs,
            debrief: v1.debrief,
        })
    }
}

impl Stored for InProgress {
    fn parse(text: &str) -> Result<Self, ron::error::SpannedError> {
        if format_of(text) >= 2 {
            return ron::from_str(text);
        }
        let v1: InProgressV1 = ron::from_str(text)?;
        Ok(InProgress {
            format: FORMAT_VERSION,
            about: ron::from_str(text)?,
            session_start_ms: v1.session_start_ms,
            inputs: v1.inputs,
        })
    }
}
