//! What managers read: each trainee's overview, the cohort per scenario, the turns most
//! trainees get wrong, and the CSV exports. Derived from the store's attempt rows (and,
//! for per-turn CSV, the full attempts); no GUI and no terminal here.
//!
//! Only assessment attempts count for averages, latest results and the cohort; practice
//! attempts are counted and exported, flagged as practice (PRODUCT.md).

use std::collections::{BTreeMap, BTreeSet};
use std::io::Write;

use serde::Serialize;

use crate::progress::{AttemptKind, AttemptRow, AttemptTurns, ProgressStore, StoreError, Trainee};
use crate::scenario::{Dimension, Outcome};

/// A turn's mean score below this counts as getting it wrong.
pub const WRONG_BELOW: u8 = 50;

/// Scores on the three dimensions and overall, 0-100.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Scores {
    pub active_listening: f64,
    pub ownership: f64,
    pub exceeding_expectations: f64,
    pub overall: f64,
}

impl Scores {
    fn of(row: &AttemptRow) -> Scores {
        Scores {
            active_listening: row.scores.active_listening,
            ownership: row.scores.ownership,
            exceeding_expectations: row.scores.exceeding_expectations,
            overall: row.overall,
        }
    }

    /// A dimension's score, or overall for `None`.
    pub fn get(&self, d: Option<Dimension>) -> f64 {
        match d {
            Some(Dimension::ActiveListening) => self.active_listening,
            Some(Dimension::Ownership) => self.ownership,
            Some(Dimension::ExceedingExpectations) => self.exceeding_expectations,
            None => self.overall,
        }
    }

    fn mean<'a>(rows: impl Iterator<Item = &'a AttemptRow>) -> Option<Scores> {
        let mut sum = [0.0; 4];
        let mut n = 0.0;
        for r in rows {
            let s = Scores::of(r);
            for (i, v) in [
                s.active_listening,
                s.ownership,
                s.exceeding_expectations,
                s.overall,
            ]
            .into_iter()
            .enumerate()
            {
                sum[i] += v;
            }
            n += 1.0;
        }
        (n > 0.0).then(|| Scores {
            active_listening: sum[0] / n,
            ownership: sum[1] / n,
            exceeding_expectations: sum[2] / n,
            overall: sum[3] / n,
        })
    }
}

/// One line of the manager's trainee list.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TraineeOverview {
    pub id: String,
    pub name: String,
    /// Assessment attempts.
    pub attempts: usize,
    pub practice: usize,
    pub latest: Option<Scores>,
    pub average: Option<Scores>,
    /// Unix ms of the last finished attempt of any kind.
    pub last_active_ms: Option<u64>,
    /// Scenarios whose latest assessment passed.
    pub scenarios_passed: usize,
}

/// A trainee's overview from their rows (oldest first).
pub fn overview(trainee: &Trainee, rows: &[AttemptRow]) -> TraineeOverview {
    let assessed = || {
        rows.iter()
            .filter(|r| r.about.kind == AttemptKind::Assessment)
    };
    let mut latest_pass: BTreeMap<&str, bool> = BTreeMap::new();
    for r in assessed() {
        latest_pass.insert(&r.about.scenario_id, r.passed);
    }
    TraineeOverview {
        id: trainee.id.clone(),
        name: trainee.name.clone(),
        attempts: assessed().count(),
        practice: rows.len() - assessed().count(),
        latest: assessed().next_back().map(Scores::of),
        average: Scores::mean(assessed()),
        last_active_ms: rows.iter().map(|r| r.finished_ms).max(),
        scenarios_passed: latest_pass.values().filter(|p| **p).count(),
    }
}

/// One scenario across the cohort.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScenarioCohort {
    pub scenario_id: String,
    pub attempts: usize,
    pub trainees: usize,
    pub average: Scores,
    /// Attempts ending lost, recovered and advocate.
    pub outcomes: [usize; 3],
    pub passed: usize,
}

/// A turn and how many trainees get it wrong.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HardTurn {
    pub scenario_id: String,
    pub node: String,
    /// Trainees who reached this turn in an assessment.
    pub reached: usize,
    /// Of those, the ones whose mean score on it is below `WRONG_BELOW`.
    pub wrong: usize,
    /// The mean turn score over every attempt that reached it.
    pub mean_score: f64,
}

impl HardTurn {
    /// The share of trainees who reached it and got it wrong, 0-1.
    pub fn wrong_share(&self) -> f64 {
        self.wrong as f64 / self.reached.max(1) as f64
    }
}

/// The cohort view's data.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Cohort {
    pub scenarios: Vec<ScenarioCohort>,
    /// Most trainees wrong first, then by share of those who reached the turn.
    pub hard_turns: Vec<HardTurn>,
}

/// The cohort from every trainee's rows.
pub fn cohort<'a>(all: impl IntoIterator<Item = &'a [AttemptRow]>) -> Cohort {
    #[derive(Default)]
    struct Acc {
        rows: Vec<AttemptRow>,
        trainees: BTreeSet<String>,
    }
    let mut per_scenario: BTreeMap<String, Acc> = BTreeMap::new();
    // (scenario, node) -> trainee -> (sum, n)
    let mut turns: BTreeMap<(String, String), BTreeMap<String, (f64, usize)>> = BTreeMap::new();
    for rows in all {
        for r in rows
            .iter()
            .filter(|r| r.about.kind == AttemptKind::Assessment)
        {
            let acc = per_scenario.entry(r.about.scenario_id.clone()).or_default();
            acc.rows.push(r.clone());
            acc.trainees.insert(r.about.trainee.clone());
            for (node, score) in &r.turns {
                let t = turns
                    .entry((r.about.scenario_id.clone(), node.clone()))
                    .or_default()
                    .entry(r.about.trainee.clone())
                    .or_default();
                t.0 += f64::from(*score);
                t.1 += 1;
            }
        }
    }
    let scenarios = per_scenario
        .into_iter()
        .filter_map(|(id, acc)| {
            let mut outcomes = [0; 3];
            for r in &acc.rows {
                let i = Outcome::ALL
                    .iter()
                    .position(|o| *o == r.outcome)
                    .unwrap_or(0);
                outcomes[i] += 1;
            }
            Some(ScenarioCohort {
                scenario_id: id,
                attempts: acc.rows.len(),
                trainees: acc.trainees.len(),
                average: Scores::mean(acc.rows.iter())?,
                outcomes,
                passed: acc.rows.iter().filter(|r| r.passed).count(),
            })
        })
        .collect();
    let mut hard_turns: Vec<HardTurn> = turns
        .into_iter()
        .map(|((scenario_id, node), by_trainee)| {
            let (sum, n) = by_trainee
                .values()
                .fold((0.0, 0), |(s, n), (ts, tn)| (s + ts, n + tn));
            HardTurn {
                scenario_id,
                node,
                reached: by_trainee.len(),
                wrong: by_trainee
                    .values()
                    .filter(|(s, n)| s / (*n as f64) < f64::from(WRONG_BELOW))
                    .count(),
                mean_score: sum / n.max(1) as f64,
            }
        })
        .filter(|t| t.wrong > 0)
        .collect();
    hard_turns.sort_by(|a, b| {
        b.wrong
            .cmp(&a.wrong)
            .then(b.wrong_share().total_cmp(&a.wrong_share()))
            .then(a.mean_score.total_cmp(&b.mean_score))
    });
    Cohort {
        scenarios,
        hard_turns,
    }
}

/// For each row (oldest first), whether its scenario was edited since the trainee's
/// previous attempt at the same scenario: its version hash differs from that attempt's.
/// A trainee's first attempt at a scenario is never marked.
pub fn version_changes<'a>(rows: impl IntoIterator<Item = &'a AttemptRow>) -> Vec<bool> {
    let mut last: BTreeMap<&str, &str> = BTreeMap::new();
    rows.into_iter()
        .map(|r| {
            let before = last.insert(&r.about.scenario_id, &r.about.scenario_version);
            before.is_some_and(|v| v != r.about.scenario_version)
        })
        .collect()
}

/// Unix ms as an ISO 8601 UTC timestamp (seconds), as spreadsheets read it.
pub fn iso_utc(ms: u64) -> String {
    let secs = ms / 1000;
    let (days, rem) = ((secs / 86_400) as i64, secs % 86_400);
    // Howard Hinnant's civil_from_days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

/// The attempts CSV's columns, in order (documented in docs/reports.md).
pub const ATTEMPT_COLUMNS: [&str; 18] = [
    "trainee_id",
    "trainee_name",
    "scenario_id",
    "scenario_version",
    "kind",
    "seed",
    "started_utc",
    "finished_utc",
    "duration_s",
    "active_listening",
    "ownership",
    "exceeding_expectations",
    "overall",
    "passed",
    "outcome",
    "loyalty",
    "loyalty_baseline",
    "turns",
];

/// The turns CSV's columns, in order.
pub const TURN_COLUMNS: [&str; 17] = [
    "trainee_id",
    "trainee_name",
    "scenario_id",
    "attempt_finished_utc",
    "kind",
    "turn",
    "node",
    "reply_kind",
    "reply",
    "active_listening_level",
    "ownership_level",
    "exceeding_expectations_level",
    "active_listening",
    "ownership",
    "exceeding_expectations",
    "response_ms",
    "evidence",
];

fn kind_label(kind: AttemptKind) -> &'static str {
    match kind {
        AttemptKind::Assessment => "assessment",
        AttemptKind::Practice => "practice",
    }
}

fn outcome_label(o: Outcome) -> &'static str {
    match o {
        Outcome::Lost => "lost",
        Outcome::Recovered => "recovered",
        Outcome::Advocate => "advocate",
    }
}

/// What an export failed on.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("could not write the CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("the export was cancelled")]
    Cancelled,
}

/// Which CSV to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvKind {
    /// One row per attempt.
    Attempts,
    /// One row per trainee turn.
    Turns,
}

/// Writes a CSV of `trainees`' attempts to `out`. `progress(done, total)` is called after
/// each trainee; returning false cancels. Names appear here and in views only.
pub fn write_csv<W: Write>(
    store: &mut dyn ProgressStore,
    trainees: &[Trainee],
    kind: CsvKind,
    out: W,
    mut progress: impl FnMut(usize, usize) -> bool,
) -> Result<usize, ExportError> {
    let mut csv = csv::Writer::from_writer(out);
    let mut rows_written = 0;
    match kind {
        CsvKind::Attempts => csv.write_record(ATTEMPT_COLUMNS)?,
        CsvKind::Turns => csv.write_record(TURN_COLUMNS)?,
    }
    for (i, t) in trainees.iter().enumerate() {
        match kind {
            CsvKind::Attempts => {
                for r in store.rows(&t.id)? {
                    csv.write_record(attempt_record(t, &r))?;
                    rows_written += 1;
                }
            }
            CsvKind::Turns => {
                for a in store.turns(&t.id)? {
                    rows_written += write_turns(&mut csv, t, &a)?;
                }
            }
        }
        if !progress(i + 1, trainees.len()) {
            return Err(ExportError::Cancelled);
        }
    }
    csv.flush().map_err(csv::Error::from)?;
    Ok(rows_written)
}

/// A text cell as spreadsheets will read it: one that starts like a formula (`=`, `+`,
/// `-`, `@`, a tab or a return) gets a leading `'`, so a typed reply can never run as a
/// formula on the manager's computer.
fn text_cell(s: &str) -> String {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{s}")
    } else {
        s.to_string()
    }
}

fn attempt_record(t: &Trainee, r: &AttemptRow) -> Vec<String> {
    vec![
        t.id.clone(),
        text_cell(&t.name),
        text_cell(&r.about.scenario_id),
        r.about.scenario_version.clone(),
        kind_label(r.about.kind).into(),
        r.about.seed.to_string(),
        iso_utc(r.about.started_ms),
        iso_utc(r.finished_ms),
        (r.finished_ms.saturating_sub(r.about.started_ms) / 1000).to_string(),
        format!("{:.1}", r.scores.active_listening),
        format!("{:.1}", r.scores.ownership),
        format!("{:.1}", r.scores.exceeding_expectations),
        format!("{:.1}", r.overall),
        r.passed.to_string(),
        outcome_label(r.outcome).into(),
        format!("{:.1}", r.loyalty),
        format!("{:.1}", r.loyalty_baseline),
        r.turns.len().to_string(),
    ]
}

fn write_turns<W: Write>(
    csv: &mut csv::Writer<W>,
    t: &Trainee,
    a: &AttemptTurns,
) -> Result<usize, csv::Error> {
    let finished = iso_utc(a.finished_ms);
    for (n, turn) in a.turns.iter().enumerate() {
        csv.write_record([
            t.id.as_str(),
            &text_cell(&t.name),
            &text_cell(&a.scenario_id),
            &finished,
            kind_label(a.kind),
            &(n + 1).to_string(),
            &text_cell(&turn.node),
            turn.reply_kind.as_str(),
            &text_cell(&turn.reply),
            &turn.levels[0].to_string(),
            &turn.levels[1].to_string(),
            &turn.levels[2].to_string(),
            &format!("{:.1}", turn.scores[0]),
            &format!("{:.1}", turn.scores[1]),
            &format!("{:.1}", turn.scores[2]),
            &turn.response_ms.to_string(),
            &text_cell(&turn.evidence),
        ])?;
    }
    Ok(a.turns.len())
}
/// Everything the manager's views show, loaded once when the manager area opens.
#[derive(Debug, Clone, Default)]
pub struct Roster {
    /// Sorted by name; `rows` and `overviews` follow the same order.
    pub trainees: Vec<Trainee>,
    pub rows: Vec<Vec<AttemptRow>>,
    pub overviews: Vec<TraineeOverview>,
    pub cohort: Cohort,
}

impl Roster {
    /// Reads every trainee's rows (from the index, so fast at scale).
    pub fn load(store: &mut dyn ProgressStore) -> Result<Roster, StoreError> {
        Roster::load_counting(store, &mut |_, _| true)
    }

    /// `load`, telling `progress` how many trainees are read out of how many before each
    /// one; it stops with `StoreError::Cancelled` when `progress` returns false.
    pub fn load_counting(
        store: &mut dyn ProgressStore,
        progress: &mut dyn FnMut(usize, usize) -> bool,
    ) -> Result<Roster, StoreError> {
        let trainees = store.trainees()?;
        let mut rows = Vec::with_capacity(trainees.len());
        let mut overviews = Vec::with_capacity(trainees.len());
        for (i, t) in trainees.iter().enumerate() {
            if !progress(i, trainees.len()) {
                return Err(StoreError::Cancelled);
            }
            let r = store.rows(&t.id)?;
            overviews.push(overview(t, &r));
            rows.push(r);
        }
        let cohort = cohort(rows.iter().map(Vec::as_slice));
        Ok(Roster {
            trainees,
            rows,
            overviews,
            cohort,
        })
    }

    /// The position of a trainee by id.
    pub fn position(&self, id: &str) -> Option<usize> {
        self.trainees.iter().position(|t| t.id == id)
    }
}
