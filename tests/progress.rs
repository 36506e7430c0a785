//! The progress store: attempts round-trip, are never overwritten, and a damaged file is
//! set aside and reported while everything else still loads.

use std::sync::Arc;

use turnaround::engine::{Session, Step};
use turnaround::progress::{
    self, AttemptKind, AttemptRecord, FsStore, MemoryStore, ProgressStore, StoreError,
};

fn attempt(trainee: &str, finished_ms: u64, pick: usize) -> AttemptRecord {
    let scenario = crate::engine::fixture("valid");
    let mut s = Session::start(Arc::clone(&scenario), 9, 0).expect("start");
    let mut now = 0;
    loop {
        now += 1000;
        match s.step().clone() {
            Step::Customer(_) => {
                s.proceed(now).expect("proceed");
            }
            Step::Choose(p) => {
                s.choose(pick.min(p.options.len() - 1), now)
                    .expect("choose");
            }
            Step::Write(_) => panic!("no free text in the fixture"),
            Step::Finished(d) => {
                return AttemptRecord {
                    format: progress::FORMAT_VERSION,
                    trainee: trainee.to_string(),
                    scenario_id: scenario.id.clone(),
                    scenario_version: turnaround::scenario::version_hash(&scenario),
                    kind: AttemptKind::Assessment,
                    seed: 9,
                    started_ms: 1,
                    finished_ms,
                    transcript: s.transcript().to_vec(),
                    inputs: s.inputs().to_vec(),
                    debrief: *d,
                };
            }
        }
    }
}

#[test]
fn attempts_round_trip_through_the_disk() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = FsStore::new(dir.path());
    let t = store.add_trainee("  Dee  ", 5).expect("add");
    assert_eq!(t.name, "Dee");
    let a = attempt(&t.id, 2_000, 0);
    let b = attempt(&t.id, 1_000, 1);
    store.save_attempt(&a).expect("save a");
    store.save_attempt(&b).expect("save b");
    let mut reopened = FsStore::new(dir.path());
    assert_eq!(reopened.trainees().expect("trainees"), vec![t.clone()]);
    assert_eq!(
        reopened.attempts(&t.id).expect("attempts"),
        vec![b, a],
        "oldest first"
    );
}

#[test]
fn an_attempt_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = FsStore::new(dir.path());
    let t = store.add_trainee("Eve", 5).expect("add");
    let a = attempt(&t.id, 3_000, 0);
    store.save_attempt(&a).expect("first");
    store.save_attempt(&a).expect("second, same name");
    assert_eq!(store.attempts(&t.id).expect("attempts").len(), 2);
}

#[test]
fn a_damaged_attempt_is_set_aside_and_the_rest_still_loads() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = FsStore::new(dir.path());
    let t = store.add_trainee("Fay", 5).expect("add");
    let good = attempt(&t.id, 1_000, 0);
    store.save_attempt(&good).expect("save");
    let bad = dir
        .path()
        .join("trainees")
        .join(&t.id)
        .join("attempts")
        .join("0000000002000-x-1.ron");
    std::fs::write(&bad, "(format: 1, trainee: \"torn").expect("write damage");

    let mut reopened = FsStore::new(dir.path());
    assert_eq!(reopened.attempts(&t.id).expect("attempts"), vec![good]);
    let aside = reopened.set_aside().to_vec();
    assert_eq!(aside.len(), 1);
    assert_eq!(aside[0].original, bad);
    assert!(
        !bad.exists(),
        "the damaged file is moved, not left to be overwritten"
    );
    let kept = std::fs::read_to_string(&aside[0].moved_to).expect("kept aside");
    assert_eq!(
        kept, "(format: 1, trainee: \"torn",
        "its bytes are kept as they were"
    );
}

#[test]
fn the_memory_twin_behaves_like_the_disk() {
    let mut mem = MemoryStore::default();
    assert!(matches!(
        mem.add_trainee("   ", 1),
        Err(StoreError::EmptyName)
    ));
    let t = mem.add_trainee("Gus", 1).expect("add");
    assert!(matches!(
        mem.save_attempt(&attempt("nobody", 1, 0)),
        Err(StoreError::NoSuchTrainee(_))
    ));
    mem.save_attempt(&attempt(&t.id, 2, 0)).expect("save");
    mem.save_attempt(&attempt(&t.id, 1, 1)).expect("save");
    let results = progress::results_by_scenario(&mem.attempts(&t.id).expect("attempts"));
    let r = results.get("fixture-valid").expect("results");
    assert_eq!(r.attempts, 2);
    assert!(r.best_overall >= r.latest_overall);
    assert_eq!(
        r.latest_overall,
        mem.attempts(&t.id).expect("a")[1].debrief.overall,
        "latest is by finish time"
    );
}

#[test]
fn the_summary_suggests_the_scenario_weakest_on_the_weakest_dimension() {
    let mut a = attempt("t", 1_000, 1);
    let mut b = attempt("t", 2_000, 0);
    a.scenario_id = "alpha".into();
    b.scenario_id = "beta".into();
    // Make exceeding expectations the weakest, and lowest on beta.
    a.debrief.scores.exceeding_expectations = 40.0;
    b.debrief.scores.exceeding_expectations = 10.0;
    for r in [&mut a, &mut b] {
        r.debrief.scores.active_listening = 90.0;
        r.debrief.scores.ownership = 90.0;
    }
    let s = progress::summarise(&[b.clone(), a.clone()], &["alpha", "beta", "gamma"], 2_000);
    assert_eq!(s.attempts, 2);
    assert_eq!(s.trend[0].finished_ms, 1_000, "the trend is oldest first");
    assert_eq!(
        s.weakest,
        Some(turnaround::scenario::Dimension::ExceedingExpectations)
    );
    assert_eq!(s.suggestion.as_deref(), Some("beta"));
    assert_eq!(s.current_streak, 1);
    let fresh = progress::summarise(&[], &["alpha", "beta"], 0);
    assert_eq!(
        fresh.suggestion.as_deref(),
        Some("alpha"),
        "before any attempt, the first scenario"
    );
}

#[test]
fn a_file_from_a_newer_version_is_left_untouched_not_set_aside() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = FsStore::new(dir.path());
    let t = store.add_trainee("Ivy", 5).expect("add");
    let good = attempt(&t.id, 1_000, 0);
    store.save_attempt(&good).expect("save");
    let newer = dir
        .path()
        .join("trainees")
        .join(&t.id)
        .join("attempts")
        .join("0000000009000-x-1.ron");
    let text = "(format: 2, trainee: \"someone\", outcome: Some(Glowing), new_field: [1, 2, 3])";
    std::fs::write(&newer, text).expect("write");

    let mut reopened = FsStore::new(dir.path());
    assert_eq!(reopened.attempts(&t.id).expect("attempts"), vec![good]);
    assert!(
        reopened.set_aside().is_empty(),
        "a newer file is not damage"
    );
    assert_eq!(
        std::fs::read_to_string(&newer).expect("still there"),
        text,
        "untouched"
    );
    let skipped = reopened.skipped();
    assert_eq!(skipped.len(), 1);
    assert!(
        skipped[0].reason.contains("newer Turnaround (format 2"),
        "{:?}",
        skipped[0]
    );
}
