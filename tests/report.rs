//! The manager's figures: a trainee's overview and the cohort, from hand-made rows.

use turnaround::engine::DimensionScores;
use turnaround::progress::{AttemptHeader, AttemptKind, AttemptRow, Trainee};
use turnaround::report::{self, iso_utc};
use turnaround::scenario::Outcome;

fn row(
    trainee: &str,
    scenario: &str,
    finished_ms: u64,
    overall: f64,
    turns: &[(&str, u8)],
) -> AttemptRow {
    AttemptRow {
        key: format!("{finished_ms}.ron"),
        about: AttemptHeader {
            trainee: trainee.into(),
            scenario_id: scenario.into(),
            scenario_version: "v".into(),
            kind: AttemptKind::Assessment,
            seed: 1,
            started_ms: finished_ms - 1000,
            language: None,
        },
        finished_ms,
        scores: DimensionScores {
            active_listening: overall + 10.0,
            ownership: overall,
            exceeding_expectations: overall - 10.0,
        },
        overall,
        passed: overall >= 70.0,
        outcome: if overall >= 70.0 {
            Outcome::Advocate
        } else {
            Outcome::Lost
        },
        loyalty: overall,
        loyalty_baseline: 70.0,
        turns: turns.iter().map(|(n, s)| (n.to_string(), *s)).collect(),
    }
}

fn trainee(id: &str) -> Trainee {
    Trainee {
        format: turnaround::progress::FORMAT_VERSION,
        id: id.into(),
        name: id.to_uppercase(),
        created_ms: 0,
        pin: None,
    }
}

#[test]
fn an_overview_counts_assessments_and_keeps_practice_apart() {
    let mut practice = row("a", "s1", 5_000, 10.0, &[]);
    practice.about.kind = AttemptKind::Practice;
    let rows = vec![
        row("a", "s1", 1_000, 80.0, &[]),
        row("a", "s2", 2_000, 40.0, &[]),
        row("a", "s1", 3_000, 60.0, &[]),
        practice,
    ];
    let o = report::overview(&trainee("a"), &rows);
    assert_eq!((o.attempts, o.practice), (3, 1));
    assert_eq!(
        o.latest.map(|s| s.overall),
        Some(60.0),
        "latest assessment, not practice"
    );
    assert_eq!(o.average.map(|s| s.overall), Some(60.0));
    assert_eq!(o.average.map(|s| s.active_listening), Some(70.0));
    assert_eq!(o.last_active_ms, Some(5_000), "practice counts as activity");
    assert_eq!(o.scenarios_passed, 0, "s1's latest (60) did not pass");
}

#[test]
fn the_cohort_finds_the_turns_most_trainees_get_wrong() {
    let a = vec![
        row("a", "s1", 1_000, 80.0, &[("t1", 90), ("t2", 30)]),
        row("a", "s1", 2_000, 50.0, &[("t1", 20), ("t2", 40)]),
    ];
    let b = vec![row("b", "s1", 1_500, 75.0, &[("t1", 80), ("t2", 45)])];
    let c = vec![row("c", "s2", 1_600, 20.0, &[("x", 10)])];
    let cohort = report::cohort([a.as_slice(), b.as_slice(), c.as_slice()]);
    assert_eq!(cohort.scenarios.len(), 2);
    let s1 = &cohort.scenarios[0];
    assert_eq!((s1.attempts, s1.trainees, s1.passed), (3, 2, 2));
    assert_eq!(s1.outcomes, [1, 0, 2]);
    assert!((s1.average.overall - 205.0 / 3.0).abs() < 1e-9);
    // t2: both trainees average below 50; t1: a averages 55, b 80, so nobody is wrong.
    let first = &cohort.hard_turns[0];
    assert_eq!(
        (first.scenario_id.as_str(), first.node.as_str()),
        ("s1", "t2")
    );
    assert_eq!((first.wrong, first.reached), (2, 2));
    assert!((first.mean_score - 115.0 / 3.0).abs() < 1e-9);
    assert!(cohort.hard_turns.iter().all(|t| t.node != "t1"));
    assert_eq!(cohort.hard_turns.len(), 2, "t2 and x");
}

#[test]
fn timestamps_are_iso_8601_utc() {
    assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
    assert_eq!(iso_utc(951_782_400_000), "2000-02-29T00:00:00Z");
    assert_eq!(iso_utc(1_795_364_948_426), "2026-11-22T16:29:08Z");
}

#[test]
fn csv_cells_that_look_like_formulas_are_defused() {
    use turnaround::progress::{MemoryStore, ProgressStore};
    let mut store = MemoryStore::default();
    let library = turnaround::library::Library::load(None);
    let spec = turnaround::demo::DemoSpec {
        trainees: 1,
        attempts: 1,
        seed: 2,
        now_ms: 1_790_000_000_000,
    };
    turnaround::demo::generate(&mut store, &library, &spec, &mut |_| {}).expect("demo");
    let mut t = store.trainees().expect("trainees")[0].clone();
    t.name = "=HYPERLINK(\"http://x\")".into();
    store.update_trainee(&t).expect("rename");
    for kind in [report::CsvKind::Attempts, report::CsvKind::Turns] {
        let mut out = Vec::new();
        let rows = report::write_csv(
            &mut store,
            std::slice::from_ref(&t),
            kind,
            &mut out,
            |_, _| true,
        )
        .expect("csv");
        assert!(rows > 0);
        let text = String::from_utf8(out).expect("utf-8");
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(!text.contains(",=HYPERLINK"), "{text}");
        assert!(!text.contains(",\"=HYPERLINK"), "{text}");
    }
}

#[test]
fn history_marks_where_a_scenario_was_edited_between_a_trainees_attempts() {
    let at = |scenario: &str, version: &str, ms: u64| {
        let mut r = row("t", scenario, ms, 60.0, &[]);
        r.about.scenario_version = version.into();
        r
    };
    let rows = [
        at("hotel", "a1", 10_000),
        at("bank", "b1", 20_000),
        at("hotel", "a1", 30_000),
        at("hotel", "a2", 40_000), // edited since the last hotel attempt
        at("bank", "b1", 50_000),
        at("bank", "b2", 60_000), // edited
        at("hotel", "a2", 70_000),
    ];
    assert_eq!(
        report::version_changes(&rows),
        vec![false, false, false, true, false, true, false]
    );
}
