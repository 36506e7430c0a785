//! A trainee's progress, derived from their attempt files: best and latest per
//! scenario, the trend on each dimension, streaks, and what to practise next.
//!
//! Pure: it takes attempts and returns numbers. Days are UTC calendar days.

use std::collections::{BTreeMap, BTreeSet};

use crate::scenario::Dimension;

use super::{AttemptRecord, ScenarioResults, results_by_scenario};

/// Milliseconds in a day.
const DAY_MS: u64 = 24 * 60 * 60 * 1000;

/// One point of the trend: an attempt's finish time and its three scores.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendPoint {
    pub finished_ms: u64,
    pub scores: [f64; 3],
}

/// Everything "My progress" shows.
#[derive(Debug, Clone, PartialEq)]
pub struct ProgressSummary {
    pub attempts: usize,
    pub per_scenario: BTreeMap<String, ScenarioResults>,
    /// Oldest first.
    pub trend: Vec<TrendPoint>,
    /// Days in a row, up to today or yesterday, with at least one attempt.
    pub current_streak: u32,
    pub longest_streak: u32,
    /// The dimension with the lowest mean over the last few attempts.
    pub weakest: Option<Dimension>,
    /// The scenario to practise next, by id.
    pub suggestion: Option<String>,
}

/// How many recent attempts decide the weakest dimension.
const RECENT: usize = 5;

/// Summarises `attempts` as of `now_ms`. `scenario_ids` are the library's, in the order
/// to suggest them when nothing has been played.
pub fn summarise(
    attempts: &[AttemptRecord],
    scenario_ids: &[&str],
    now_ms: u64,
) -> ProgressSummary {
    let mut sorted: Vec<&AttemptRecord> = attempts.iter().collect();
    sorted.sort_by_key(|a| a.finished_ms);
    let trend: Vec<TrendPoint> = sorted
        .iter()
        .map(|a| TrendPoint {
            finished_ms: a.finished_ms,
            scores: Dimension::ALL.map(|d| a.debrief.scores.get(d)),
        })
        .collect();
    let days: BTreeSet<u64> = sorted.iter().map(|a| a.finished_ms / DAY_MS).collect();
    let (current_streak, longest_streak) = streaks(&days, now_ms / DAY_MS);
    let recent = &trend[trend.len().saturating_sub(RECENT)..];
    let weakest = (!recent.is_empty()).then(|| {
        let mean = |d: Dimension| {
            recent.iter().map(|p| p.scores[d.index()]).sum::<f64>() / recent.len() as f64
        };
        Dimension::ALL
            .into_iter()
            .min_by(|a, b| mean(*a).total_cmp(&mean(*b)))
            .unwrap_or(Dimension::ActiveListening)
    });
    let suggestion = suggest(&sorted, scenario_ids, weakest);
    ProgressSummary {
        attempts: attempts.len(),
        per_scenario: results_by_scenario(attempts),
        trend,
        current_streak,
        longest_streak,
        weakest,
        suggestion,
    }
}

/// The current and the longest run of consecutive days.
fn streaks(days: &BTreeSet<u64>, today: u64) -> (u32, u32) {
    let mut longest = 0;
    let mut run = 0;
    let mut previous: Option<u64> = None;
    for &d in days {
        run = if previous.is_some_and(|p| p + 1 == d) {
            run + 1
        } else {
            1
        };
        longest = longest.max(run);
        previous = Some(d);
    }
    let current = match previous {
        Some(last) if last == today || last + 1 == today => run,
        _ => 0,
    };
    (current, longest)
}

/// The scenario whose latest attempt scored lowest on the weakest dimension; before
/// anything is played, the first scenario in the library's order.
fn suggest(
    sorted: &[&AttemptRecord],
    scenario_ids: &[&str],
    weakest: Option<Dimension>,
) -> Option<String> {
    let Some(d) = weakest else {
        return scenario_ids.first().map(|s| (*s).to_string());
    };
    let mut latest: BTreeMap<&str, f64> = BTreeMap::new();
    for a in sorted {
        if scenario_ids.contains(&a.about.scenario_id.as_str()) {
            latest.insert(a.about.scenario_id.as_str(), a.debrief.scores.get(d));
        }
    }
    // A scenario never tried trains every dimension; try those once scores are good.
    let unplayed = scenario_ids.iter().find(|id| !latest.contains_key(*id));
    let lowest = latest.iter().min_by(|a, b| a.1.total_cmp(b.1));
    match (lowest, unplayed) {
        (Some((_, score)), Some(fresh)) if *score >= 75.0 => Some((*fresh).to_string()),
        (Some((id, _)), _) => Some((*id).to_string()),
        (None, fresh) => fresh.map(|s| (*s).to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streaks_count_consecutive_days_up_to_today_or_yesterday() {
        let days: BTreeSet<u64> = [1, 2, 3, 7, 8].into_iter().collect();
        assert_eq!(streaks(&days, 8), (2, 3));
        assert_eq!(streaks(&days, 9), (2, 3), "yesterday still counts");
        assert_eq!(streaks(&days, 10), (0, 3), "a missed day ends the streak");
        assert_eq!(streaks(&BTreeSet::new(), 5), (0, 0));
    }
}
