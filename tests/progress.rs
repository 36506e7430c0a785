//! The progress store: attempts round-trip, are never overwritten, and a damaged file is
//! set aside and reported while everything else still loads.

use std::sync::Arc;

use turnaround::engine::{Session, Step};
use turnaround::progress::{
    self, AttemptHeader, AttemptKind, AttemptRecord, AttemptRow, FsStore, MemoryStore,
    ProgressStore, StoreError,
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
                    about: AttemptHeader {
                        trainee: trainee.to_string(),
                        scenario_id: scenario.id.clone(),
                        scenario_version: turnaround::scenario::version_hash(&scenario),
                        kind: AttemptKind::Assessment,
                        seed: 9,
                        started_ms: 1,
                        language: None,
                    },
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
    a.about.scenario_id = "alpha".into();
    b.about.scenario_id = "beta".into();
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
    let text = "(format: 99, trainee: \"someone\", outcome: Some(Glowing), new_field: [1, 2, 3])";
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
        skipped[0].reason.contains("newer Turnaround (format 99"),
        "{:?}",
        skipped[0]
    );
}

/// A copy of a data dir written by Turnaround with format 1 (a finished attempt, an
/// unfinished one and a profile), migrated in a temporary folder.
fn version_1_data() -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().expect("tempdir");
    let id = "c3e73772-10d4-459d-9989-d2d3f661ed31";
    let from = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/progress-v1/trainees")
        .join(id);
    let to = dir.path().join("trainees").join(id);
    std::fs::create_dir_all(to.join("attempts")).expect("mkdir");
    for f in ["profile.ron", "in-progress.ron"] {
        std::fs::copy(from.join(f), to.join(f)).expect("copy");
    }
    let name = "1795364948426-hotel-noisy-room-7.ron";
    std::fs::copy(
        from.join("attempts").join(name),
        to.join("attempts").join(name),
    )
    .expect("copy");
    (dir, id.to_string())
}

#[test]
fn files_from_format_1_are_migrated_on_read_and_left_as_they_were() {
    let (dir, id) = version_1_data();
    let attempt_file = dir
        .path()
        .join("trainees")
        .join(&id)
        .join("attempts/1795364948426-hotel-noisy-room-7.ron");
    let before = std::fs::read_to_string(&attempt_file).expect("read");
    assert!(before.contains("format: 1"), "the fixture is format 1");

    let mut store = FsStore::new(dir.path());
    let trainees = store.trainees().expect("trainees");
    assert_eq!(trainees.len(), 1);
    assert_eq!(trainees[0].name, "Ana Lima");
    assert_eq!(trainees[0].format, progress::FORMAT_VERSION);
    assert_eq!(trainees[0].pin, None);

    let attempts = store.attempts(&id).expect("attempts");
    assert_eq!(attempts.len(), 1);
    let a = &attempts[0];
    assert_eq!(a.format, progress::FORMAT_VERSION);
    assert_eq!(a.about.trainee, id);
    assert_eq!(a.about.scenario_id, "hotel-noisy-room");
    assert_eq!(a.about.scenario_version, "4b9916406afb976e");
    assert_eq!(a.about.seed, 7);
    assert_eq!(a.about.kind, AttemptKind::Assessment);
    assert_eq!(a.about.started_ms, 1_795_364_948_421);
    assert_eq!(a.finished_ms, 1_795_364_948_426);
    assert!(!a.transcript.is_empty() && !a.inputs.is_empty());
    assert_eq!(
        a.debrief.overall.round(),
        36.0,
        "the debrief came across whole"
    );

    let unfinished = store.in_progress(&id).expect("read").expect("there is one");
    assert_eq!(unfinished.about.scenario_id, "hotel-noisy-room");
    assert_eq!(unfinished.about.seed, 7);
    assert_eq!(unfinished.inputs.len(), 4);

    assert!(store.set_aside().is_empty() && store.skipped().is_empty());
    assert_eq!(
        std::fs::read_to_string(&attempt_file).expect("read"),
        before,
        "a finished attempt is never rewritten, not even to migrate it"
    );
}

#[test]
fn the_caches_follow_the_attempt_files_and_are_rebuilt_when_damaged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut store = FsStore::new(dir.path());
    let t = store.add_trainee("Ro", 5).expect("add");
    let folder = dir.path().join("trainees").join(&t.id);
    let a = attempt(&t.id, 1_000, 0);
    let b = attempt(&t.id, 2_000, 1);
    let c = attempt(&t.id, 3_000, 0);
    store.save_attempt(&a).expect("save");
    let index = folder.join("index.jsonl");
    let turns = folder.join("turns.jsonl");
    assert!(
        index.is_file() && turns.is_file(),
        "the first save starts both caches"
    );
    assert_eq!(
        store.rows(&t.id).expect("rows"),
        vec![AttemptRow::of(&a, &a.file_name())]
    );

    // Another process saves: one line is appended to each cache, nothing rewritten.
    let before = std::fs::read_to_string(&index).expect("read");
    FsStore::new(dir.path()).save_attempt(&b).expect("save");
    let after = std::fs::read_to_string(&index).expect("read");
    assert!(after.starts_with(&before) && after.lines().count() == before.lines().count() + 1);
    let rows = FsStore::new(dir.path()).rows(&t.id).expect("rows");
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1].overall, b.debrief.overall);
    assert_eq!(rows[1].turns.len(), b.debrief.mood_track.len() - 1);

    // A torn append (a crash mid-line) and a file the caches never heard of: both are
    // derived again from the attempt files.
    std::fs::OpenOptions::new()
        .append(true)
        .open(&index)
        .and_then(|mut f| std::io::Write::write_all(&mut f, b"{\"key\":\"tor"))
        .expect("append");
    std::fs::write(
        folder.join("attempts").join(c.file_name()),
        ron::ser::to_string(&c).expect("ron"),
    )
    .expect("write");
    let mut again = FsStore::new(dir.path());
    let rows = again.rows(&t.id).expect("rows");
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2], AttemptRow::of(&c, &c.file_name()));
    assert!(again.set_aside().is_empty(), "a cache is never set aside");
    assert!(
        !std::fs::read_to_string(&index)
            .expect("read")
            .contains("\"tor"),
        "the cache was rewritten clean"
    );
    let per_attempt = again.turns(&t.id).expect("turns");
    assert_eq!(per_attempt.len(), 3);
    assert_eq!(per_attempt[2].turns.len(), rows[2].turns.len());

    // A file that vanishes leaves the caches; a deleted cache is rebuilt.
    std::fs::remove_file(folder.join("attempts").join(a.file_name())).expect("remove");
    std::fs::remove_file(&turns).expect("remove");
    let mut again = FsStore::new(dir.path());
    assert_eq!(again.rows(&t.id).expect("rows").len(), 2);
    assert_eq!(again.turns(&t.id).expect("turns").len(), 2);
    assert!(turns.is_file(), "rebuilt");

    // Rows and the full attempt agree, through the key.
    let full = again
        .attempt(&t.id, &rows[1].key)
        .expect("read")
        .expect("found");
    assert_eq!(full, b);
    assert_eq!(again.attempt(&t.id, "../profile.ron").expect("read"), None);
}
