//! The manager's standard: the pass mark and floor for scenarios that set none, and the
//! scenarios a trainee must pass in assessment to be ready for the floor.
//!
//! Kept in `<data dir>/standards.ron`. Readiness is derived from the attempts each time,
//! judged by the standard in force now, so raising a pass mark is felt at once and no
//! attempt file is ever rewritten.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::engine::DimensionScores;
use crate::progress::AttemptKind;
use crate::scenario::{DEFAULT_FLOOR, DEFAULT_PASS_MARK, Dimension, Scenario};

/// The file under the data dir.
pub const FILE: &str = "standards.ron";

const FORMAT: u32 = 1;

/// The manager's standard.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Standards {
    pub format: u32,
    /// The overall score (0-100) to pass a scenario that sets no pass mark of its own.
    pub default_pass_mark: u8,
    /// The score (0-100) every dimension must reach, for a scenario that sets no floor.
    pub default_floor: u8,
    /// Ids of the scenarios to pass for readiness; `None` means every scenario in the
    /// library.
    #[serde(default)]
    pub required: Option<BTreeSet<String>>,
}

impl Default for Standards {
    fn default() -> Standards {
        Standards {
            format: FORMAT,
            default_pass_mark: DEFAULT_PASS_MARK,
            default_floor: DEFAULT_FLOOR,
            required: None,
        }
    }
}

/// What went wrong reading or writing the standard.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum StandardsError {
    #[error(
        "{path}:{line}:{col}: {message}; the defaults (pass mark {DEFAULT_PASS_MARK}, floor {DEFAULT_FLOOR}) are used until the manager saves new ones, and the file is kept"
    )]
    Parse {
        path: PathBuf,
        line: usize,
        col: usize,
        message: String,
    },
    #[error("{0}")]
    Invalid(String),
    #[error("{path}: {message}")]
    Io { path: PathBuf, message: String },
}

impl Standards {
    /// The standard in `data_dir`; the defaults when there is none.
    pub fn load(data_dir: &Path) -> Result<Standards, StandardsError> {
        let path = data_dir.join(FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Standards::default()),
            Err(e) => {
                return Err(StandardsError::Io {
                    path,
                    message: e.to_string(),
                });
            }
        };
        let standards: Standards = ron::from_str(&text).map_err(|e| StandardsError::Parse {
            path: path.clone(),
            line: e.span.start.line,
            col: e.span.start.col,
            message: e.code.to_string(),
        })?;
        standards.problem().map_or(Ok(standards), |m| {
            Err(StandardsError::Invalid(format!(
                "{}: {m}; the defaults (pass mark {DEFAULT_PASS_MARK}, floor {DEFAULT_FLOOR}) are used until the manager saves new ones, and the file is kept",
                path.display()
            )))
        })
    }

    /// Writes the standard, owner-only. A file that cannot be read as a standard is
    /// first kept aside as `standards.ron.broken-<unix ms>`, never overwritten.
    pub fn save(&self, data_dir: &Path, now_ms: u64) -> Result<(), StandardsError> {
        if let Some(m) = self.problem() {
            return Err(StandardsError::Invalid(m));
        }
        let path = data_dir.join(FILE);
        let io = |e: std::io::Error| StandardsError::Io {
            path: path.clone(),
            message: e.to_string(),
        };
        if path.exists()
            && matches!(
                Standards::load(data_dir),
                Err(StandardsError::Parse { .. } | StandardsError::Invalid(_))
            )
        {
            let aside = data_dir.join(format!("{FILE}.broken-{now_ms}"));
            std::fs::rename(&path, aside).map_err(io)?;
        }
        let text = ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default())
            .map_err(|e| StandardsError::Invalid(e.to_string()))?;
        crate::paths::create_private_dir(data_dir).map_err(io)?;
        crate::progress::write_atomic(&path, text.as_bytes()).map_err(io)
    }

    /// Why this standard cannot be used, if it cannot.
    pub fn problem(&self) -> Option<String> {
        if self.format != FORMAT {
            return Some(format!(
                "format {} is not known (this version reads format {FORMAT})",
                self.format
            ));
        }
        if self.default_pass_mark > 100 || self.default_floor > 100 {
            return Some("the pass mark and the floor are scores from 0 to 100".into());
        }
        None
    }

    /// The pass mark and floor in force for `scenario`: its own, or this standard's.
    pub fn for_scenario(&self, scenario: &Scenario) -> (u8, u8) {
        (
            scenario.pass_mark.unwrap_or(self.default_pass_mark),
            scenario.floor.unwrap_or(self.default_floor),
        )
    }

    /// Is `id` required for readiness?
    pub fn requires(&self, id: &str) -> bool {
        self.required.as_ref().is_none_or(|r| r.contains(id))
    }

    /// The scenarios of `library` required for readiness, with the pass mark and floor
    /// each is judged by.
    /// A required id that is not in the library (deleted, or now with errors) stays
    /// required: nobody is ready until it is back or no longer required.
    pub fn required_of<'a>(
        &self,
        library: impl IntoIterator<Item = &'a Scenario>,
    ) -> Vec<Requirement> {
        let mut found = BTreeSet::new();
        let mut out: Vec<Requirement> = library
            .into_iter()
            .filter(|s| self.requires(&s.id))
            .map(|s| {
                found.insert(s.id.clone());
                let (pass_mark, floor) = self.for_scenario(s);
                Requirement {
                    id: s.id.clone(),
                    title: s.title.clone(),
                    pass_mark,
                    floor,
                }
            })
            .collect();
        if let Some(required) = &self.required {
            out.extend(
                required
                    .iter()
                    .filter(|id| !found.contains(*id))
                    .map(|id| Requirement {
                        id: id.clone(),
                        title: format!("{id} (not in the library)"),
                        // Nothing passes a scenario that is not there: no score reaches 255.
                        pass_mark: u8::MAX,
                        floor: u8::MAX,
                    }),
            );
        }
        out
    }
}

/// A scenario to pass for readiness, and the standard it is judged by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Requirement {
    pub id: String,
    pub title: String,
    pub pass_mark: u8,
    pub floor: u8,
}

impl Requirement {
    /// Do these scores pass by this requirement's standard?
    pub fn passes(&self, overall: f64, scores: &DimensionScores) -> bool {
        overall >= f64::from(self.pass_mark)
            && Dimension::ALL
                .iter()
                .all(|d| scores.get(*d) >= f64::from(self.floor))
    }
}

/// One finished attempt, as readiness needs it.
#[derive(Debug, Clone, Copy)]
pub struct AttemptResult<'a> {
    pub scenario_id: &'a str,
    pub kind: AttemptKind,
    pub overall: f64,
    pub scores: &'a DimensionScores,
}

/// Is a trainee ready for the floor?
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Readiness {
    /// Every required scenario passed in assessment.
    Ready,
    /// Titles of the required scenarios passed and still to pass.
    NotYet {
        passed: Vec<String>,
        to_pass: Vec<String>,
    },
    /// Nothing is required: the library is empty or the manager required nothing.
    NothingRequired,
}

impl Readiness {
    /// A short state a person reads, never colour alone.
    pub fn label(&self) -> String {
        match self {
            Readiness::Ready => "Ready for the floor".into(),
            Readiness::NotYet { passed, to_pass } => format!(
                "Not yet: {} of {} passed",
                passed.len(),
                passed.len() + to_pass.len()
            ),
            Readiness::NothingRequired => "No scenarios required".into(),
        }
    }
}

/// Readiness from a trainee's finished attempts: each requirement is met by any
/// assessment of that scenario that passes by the standard in force now. Practice never
/// counts.
pub fn readiness<'a>(
    required: &[Requirement],
    attempts: impl IntoIterator<Item = AttemptResult<'a>>,
) -> Readiness {
    if required.is_empty() {
        return Readiness::NothingRequired;
    }
    let mut met = vec![false; required.len()];
    for a in attempts {
        if a.kind != AttemptKind::Assessment {
            continue;
        }
        if let Some(i) = required.iter().position(|r| r.id == a.scenario_id)
            && required[i].passes(a.overall, a.scores)
        {
            met[i] = true;
        }
    }
    if met.iter().all(|m| *m) {
        return Readiness::Ready;
    }
    let (passed, to_pass): (Vec<_>, Vec<_>) = required.iter().zip(&met).partition(|(_, m)| **m);
    Readiness::NotYet {
        passed: passed.into_iter().map(|(r, _)| r.title.clone()).collect(),
        to_pass: to_pass.into_iter().map(|(r, _)| r.title.clone()).collect(),
    }
}
