//! Practice and assessment: rewinds and hints, what each mode allows, the manager's
//! standard and readiness.

use std::sync::Arc;

use turnaround::engine::{EngineError, Entry, HintLine, Input, Options, Session, Step};
use turnaround::progress::AttemptKind;
use turnaround::standards::{AttemptResult, Readiness, Standards, StandardsError};

use crate::engine::fixture;

/// The shown position of the option containing `text`.
fn position(s: &Session, text: &str) -> usize {
    match s.step() {
        Step::Choose(p) => p
            .options
            .iter()
            .position(|o| o.contains(text))
            .expect("option on offer"),
        other => panic!("not a choice: {other:?}"),
    }
}

fn to_choice(s: &mut Session, now: u64) {
    while let Step::Customer(_) = s.step() {
        s.proceed(now).expect("proceed");
    }
}

#[test]
fn a_practice_rewind_answers_a_turn_again_and_is_recorded() {
    let scenario = fixture("valid");
    let mut s =
        Session::start_with(Arc::clone(&scenario), 9, 0, Options::practice()).expect("test setup");
    to_choice(&mut s, 1_000);
    let first_order = match s.step() {
        Step::Choose(p) => p.options.clone(),
        _ => unreachable!(),
    };
    let mood_at_turn_one = s.mood();
    s.choose(position(&s, "eat it faster"), 2_000)
        .expect("test setup");
    assert!(
        matches!(s.step(), Step::Finished(_)),
        "the bad reply ends it"
    );
    assert_eq!(s.turns_taken(), 1);

    s.rewind(0, 3_000).expect("back to turn 1");
    // Exactly as it was: the same choices in the same order, the same mood.
    match s.step() {
        Step::Choose(p) => assert_eq!(p.options, first_order),
        other => panic!("expected turn 1 again, got {other:?}"),
    }
    assert_eq!(s.mood(), mood_at_turn_one);
    assert_eq!(s.turns_taken(), 0);
    assert!(
        !s.transcript()
            .iter()
            .any(|e| matches!(e, Entry::Trainee(_))),
        "the abandoned reply is gone from the conversation"
    );

    s.choose(position(&s, "Cold soup is no good"), 4_000)
        .expect("test setup");
    to_choice(&mut s, 5_000);
    let hint = s.take_hint(5_500).expect("a hint in practice");
    assert!(hint.contains(&HintLine::Own), "{hint:?}");
    s.choose(position(&s, "piping hot"), 6_000)
        .expect("test setup");
    let Step::Finished(d) = s.step() else {
        panic!("finished")
    };
    assert_eq!(d.ending, "end_good");
    assert_eq!((d.rewinds, d.hints), (1, 1));
    assert!(
        s.inputs().iter().any(|i| matches!(
            i,
            Input::Rewind {
                turn: 0,
                at_ms: 3_000
            }
        )),
        "the rewind is in the stored inputs"
    );

    // The stored inputs replay to the same attempt, rewind and all.
    let again =
        Session::replay_with(scenario, 9, 0, s.inputs(), Options::practice()).expect("test setup");
    assert_eq!(again.step(), s.step());
    assert_eq!(again.transcript(), s.transcript());
}

#[test]
fn an_assessment_allows_no_rewind_and_no_hint() {
    let mut s = Session::start(fixture("valid"), 9, 0).expect("test setup");
    to_choice(&mut s, 1_000);
    assert!(s.hint().is_some(), "what a hint would say is known");
    assert!(matches!(
        s.take_hint(1_500),
        Err(EngineError::PracticeOnly(_))
    ));
    s.choose(position(&s, "Cold soup is no good"), 2_000)
        .expect("test setup");
    assert!(matches!(
        s.rewind(0, 3_000),
        Err(EngineError::PracticeOnly(_))
    ));
    assert!(
        !s.inputs()
            .iter()
            .any(|i| matches!(i, Input::Rewind { .. } | Input::Hint { .. })),
        "nothing refused was recorded"
    );
}

#[test]
fn a_rewind_past_the_conversation_is_refused() {
    let mut s =
        Session::start_with(fixture("valid"), 9, 0, Options::practice()).expect("test setup");
    to_choice(&mut s, 1_000);
    assert_eq!(
        s.rewind(0, 2_000).expect_err("refused"),
        EngineError::NoSuchTurn { turn: 1, turns: 0 }
    );
}

#[test]
fn slowness_costs_mood_in_an_assessment_but_not_in_practice() {
    let scenario = fixture("valid");
    // Patience is 30 s; this reply takes 95 s.
    let mut moods = Vec::new();
    for options in [Options::default(), Options::practice()] {
        let mut s = Session::start_with(Arc::clone(&scenario), 3, 0, options).expect("test setup");
        to_choice(&mut s, 0);
        let pending = s.pending_slow_penalty(95_000);
        let turn = s
            .choose(position(&s, "Cold soup is no good"), 95_000)
            .expect("test setup");
        assert_eq!(turn.slow_penalty, pending);
        moods.push((pending, turn.mood_after));
    }
    assert!(moods[0].0 > 0.0, "the wait costs mood in an assessment");
    assert_eq!(moods[1].0, 0.0, "and nothing in practice");
    assert!(moods[0].1 < moods[1].1);
}

#[test]
fn the_managers_default_pass_mark_decides_a_pass() {
    let scenario = fixture("valid");
    // The best route scores 50 overall (see tests/engine.rs), with every dimension at 37.5+.
    let mut verdicts = Vec::new();
    for pass_mark in [70, 50] {
        let options = Options {
            default_pass_mark: pass_mark,
            default_floor: 30,
            ..Options::default()
        };
        let mut s = Session::start_with(Arc::clone(&scenario), 7, 0, options).expect("test setup");
        to_choice(&mut s, 1_000);
        s.choose(position(&s, "Cold soup is no good"), 2_000)
            .expect("test setup");
        to_choice(&mut s, 3_000);
        s.choose(position(&s, "piping hot"), 4_000)
            .expect("test setup");
        let Step::Finished(d) = s.step() else {
            panic!("finished")
        };
        assert_eq!(d.overall, 50.0);
        assert_eq!((d.pass_mark, d.floor), (pass_mark, 30));
        verdicts.push(d.passed);
    }
    assert_eq!(verdicts, [false, true]);
}

fn passed_assessment<'a>(
    id: &'a str,
    scores: &'a turnaround::engine::DimensionScores,
) -> AttemptResult<'a> {
    AttemptResult {
        scenario_id: id,
        kind: AttemptKind::Assessment,
        overall: 90.0,
        scores,
    }
}

fn scores(overall: f64) -> turnaround::engine::DimensionScores {
    turnaround::engine::DimensionScores::from_array([overall; 3])
}

#[test]
fn readiness_needs_every_required_scenario_passed_in_an_assessment() {
    let library = [fixture("valid"), fixture("free-text")];
    let mut standards = Standards::default();
    let required = standards.required_of(library.iter().map(|s| &**s));
    assert_eq!(required.len(), 2);
    let (a, b) = (&library[0].id, &library[1].id);
    let high = scores(90.0);
    let low = scores(60.0);
    let practice_pass = AttemptResult {
        scenario_id: a,
        kind: AttemptKind::Practice,
        overall: 90.0,
        scores: &high,
    };
    let assessed = |id| passed_assessment(id, &high);
    // Practice never counts.
    assert_eq!(
        turnaround::standards::readiness(&required, [practice_pass]),
        Readiness::NotYet {
            passed: vec![],
            to_pass: vec![library[0].title.clone(), library[1].title.clone()]
        }
    );
    let one = [assessed(a)];
    assert!(matches!(
        turnaround::standards::readiness(&required, one),
        Readiness::NotYet { ref passed, .. } if passed.len() == 1
    ));
    let both = [assessed(a), assessed(b)];
    assert_eq!(
        turnaround::standards::readiness(&required, both),
        Readiness::Ready
    );

    // A 60 passes "valid" (which sets no pass mark) only once the default is 60 or
    // lower; "free-text" keeps its own pass mark of 70.
    let sixties = [a, b].map(|id| AttemptResult {
        scenario_id: id,
        kind: AttemptKind::Assessment,
        overall: 60.0,
        scores: &low,
    });
    let passed =
        |required: &[turnaround::standards::Requirement]| match turnaround::standards::readiness(
            required, sixties,
        ) {
            Readiness::NotYet { passed, .. } => passed,
            other => panic!("{other:?}"),
        };
    assert!(passed(&required).is_empty());
    standards.default_pass_mark = 60;
    let required = standards.required_of(library.iter().map(|s| &**s));
    assert_eq!(passed(&required), [library[0].title.clone()]);

    // Requiring only one scenario.
    standards.default_pass_mark = 70;
    standards.required = Some([a.clone()].into());
    let required = standards.required_of(library.iter().map(|s| &**s));
    assert_eq!(
        turnaround::standards::readiness(&required, [assessed(a)]),
        Readiness::Ready
    );
    standards.required = Some(Default::default());
    let required = standards.required_of(library.iter().map(|s| &**s));
    assert_eq!(
        turnaround::standards::readiness(&required, []),
        Readiness::NothingRequired
    );
}

#[test]
fn a_broken_standards_file_is_reported_by_line_and_kept_when_saving() {
    let dir = tempfile::tempdir().expect("test setup");
    assert_eq!(
        Standards::load(dir.path()).expect("test setup"),
        Standards::default()
    );
    let path = dir.path().join(turnaround::standards::FILE);
    std::fs::write(&path, "(\n  format: 1,\n  default_pass_mark: \"high\",\n)")
        .expect("test setup");
    let err = Standards::load(dir.path()).expect_err("refused");
    let StandardsError::Parse { line, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(*line, 3, "{err}");
    assert!(err.to_string().contains("standards.ron:3:"), "{err}");

    let mut mine = Standards {
        default_pass_mark: 80,
        ..Standards::default()
    };
    mine.save(dir.path(), 1234).expect("test setup");
    assert_eq!(Standards::load(dir.path()).expect("test setup"), mine);
    let kept =
        std::fs::read_to_string(dir.path().join("standards.ron.broken-1234")).expect("test setup");
    assert!(kept.contains("\"high\""), "the broken file was kept aside");

    mine.default_floor = 101;
    assert!(matches!(
        mine.save(dir.path(), 1),
        Err(StandardsError::Invalid(_))
    ));
}

/// A data dir with the "Cold soup" fixture in the trainer's folder and a standard that
/// its best route (50 overall, every dimension 37.5 or more) passes, requiring it alone.
fn soup_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("test setup");
    let scenarios = dir.path().join("scenarios");
    std::fs::create_dir_all(&scenarios).expect("test setup");
    std::fs::copy(
        crate::util::data("fixtures/valid.ron"),
        scenarios.join("valid.ron"),
    )
    .expect("test setup");
    let standards = Standards {
        default_pass_mark: 50,
        default_floor: 30,
        required: Some(["fixture-valid".to_string()].into()),
        ..Standards::default()
    };
    standards.save(dir.path(), 1).expect("test setup");
    dir
}

type App = egui_kittest::Harness<'static, turnaround::app::TurnaroundApp>;

/// Clicks the shown reply containing `text`, as a person would.
fn pick(h: &mut App, text: &str) {
    use egui_kittest::kittest::Queryable;
    let label = {
        let s = h.state().session.as_ref().expect("playing");
        let Step::Choose(p) = s.step() else {
            panic!("not a choice: {:?}", s.step())
        };
        let i = p
            .options
            .iter()
            .position(|o| o.contains(text))
            .expect("offered");
        format!("{}. {}", i + 1, p.options[i])
    };
    h.get_by_label(&label).click();
    h.run();
}

fn readiness(h: &App) -> Option<Readiness> {
    h.state().readiness.clone()
}

#[test]
fn kittest_a_practice_rewind_with_a_hint() {
    use egui_kittest::kittest::Queryable;
    use turnaround::app::Screen;
    let dir = soup_dir();
    let mut h = crate::app::app(dir.path());
    crate::app::sign_up(&mut h, "Grace Hopper");
    h.get_by_label("Practise Cold soup").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Play(_)));
    h.get_by_label("Practice");
    pick(&mut h, "Cold soup is no good");
    pick(&mut h, "on its way, I think");
    assert!(
        matches!(h.state().screen, Screen::Debrief(_)),
        "a vague reply ends it"
    );

    // From the debrief there is no going back; play again and rewind before the end.
    h.get_by_label("Retry").click();
    h.run();
    h.get_by_label("Practice");
    pick(&mut h, "Cold soup is no good");
    h.get_by_label("Hint").click();
    h.run();
    assert!(
        h.query_by_label_contains("Own it: a sincere apology")
            .is_some(),
        "the hint is shown"
    );
    h.get_by_label("Go back to turn 1").click();
    h.run();
    let turns = h.state().session.as_ref().map(Session::turns_taken);
    assert_eq!(turns, Some(0), "back at turn 1");
    assert!(
        h.query_by_label_contains("Own it: a sincere apology")
            .is_none()
    );
    pick(&mut h, "Cold soup is no good");
    pick(&mut h, "piping hot");
    assert!(matches!(h.state().screen, Screen::Debrief(_)));
    h.get_by_label_contains("You went back 1 time and asked for 1 hint");

    // Stored as practice, with the rewind; and practice never makes anyone ready.
    let mut store = turnaround::progress::FsStore::new(dir.path());
    let id = h.state().trainee.as_ref().expect("test setup").id.clone();
    let attempts =
        turnaround::progress::ProgressStore::attempts(&mut store, &id).expect("test setup");
    assert_eq!(attempts.len(), 2);
    let last = attempts
        .iter()
        .max_by_key(|a| a.finished_ms)
        .expect("test setup");
    assert_eq!(last.about.kind, AttemptKind::Practice);
    assert!(last.debrief.passed, "it would pass");
    assert!(
        last.inputs
            .iter()
            .any(|i| matches!(i, Input::Rewind { turn: 0, .. })),
        "the rewind is recorded"
    );
    assert!(matches!(readiness(&h), Some(Readiness::NotYet { .. })));
}

#[test]
fn kittest_an_assessment_that_passes_makes_the_trainee_ready() {
    use egui_kittest::kittest::Queryable;
    use turnaround::app::Screen;
    let dir = soup_dir();
    let mut h = crate::app::app(dir.path());
    crate::app::sign_up(&mut h, "Katherine Johnson");
    h.get_by_label("My progress").click();
    h.run();
    h.get_by_label_contains("Not yet: 0 of 1 passed");
    h.get_by_label("Back to library").click();
    h.run();

    h.get_by_label("Play Cold soup").click();
    h.run();
    h.get_by_label("Assessment");
    assert!(
        h.query_by_label("Hint").is_none(),
        "no hints in an assessment"
    );
    pick(&mut h, "Cold soup is no good");
    assert!(
        h.query_by_label("Go back to turn 1").is_none(),
        "no going back in an assessment"
    );
    pick(&mut h, "piping hot");
    assert!(matches!(h.state().screen, Screen::Debrief(_)));
    let passed = h.state().session.as_ref().and_then(|s| match s.step() {
        Step::Finished(d) => Some((d.passed, d.pass_mark)),
        _ => None,
    });
    assert_eq!(passed, Some((true, 50)), "passed by the manager's default");
    assert_eq!(readiness(&h), Some(Readiness::Ready));
    h.get_by_label("Back to library").click();
    h.run();
    h.get_by_label("My progress").click();
    h.run();
    h.get_by_label_contains("Ready for the floor");
}

#[test]
fn a_second_rewind_keeps_each_turns_response_time_and_a_hint_counts_once() {
    let scenario = fixture("valid");
    let mut s =
        Session::start_with(Arc::clone(&scenario), 5, 0, Options::practice()).expect("start");
    to_choice(&mut s, 0);
    s.choose(position(&s, "Cold soup is no good"), 1_000)
        .expect("turn 1");
    to_choice(&mut s, 1_000);
    s.choose(position(&s, "on its way, I think"), 2_000)
        .expect("turn 2");
    // Back to turn 1 at 10 s, answered at 13 s.
    s.rewind(0, 10_000).expect("back to turn 1");
    s.choose(position(&s, "Cold soup is no good"), 13_000)
        .expect("turn 1 again");
    to_choice(&mut s, 13_000);
    // Twice on one turn: one hint.
    let first = s.take_hint(14_000).expect("hint");
    let again = s.take_hint(15_000).expect("the same hint");
    assert_eq!(first, again);
    s.choose(position(&s, "on its way, I think"), 16_000)
        .expect("turn 2, vague again");
    // Back to turn 2 at 20 s: turn 1 keeps its 3 s, not the time since the start.
    s.rewind(1, 20_000).expect("back to turn 2");
    let response = |s: &Session, n: usize| {
        s.transcript()
            .iter()
            .filter_map(|e| match e {
                Entry::Trainee(t) => Some(t.response_ms),
                Entry::Customer { .. } => None,
            })
            .nth(n)
    };
    assert_eq!(response(&s, 0), Some(3_000));
    s.choose(position(&s, "piping hot"), 26_000)
        .expect("turn 2 again");
    assert_eq!(response(&s, 1), Some(6_000));
    let Step::Finished(d) = s.step() else {
        panic!("finished")
    };
    assert_eq!((d.rewinds, d.hints), (2, 1));
    let replayed =
        Session::replay_with(scenario, 5, 0, s.inputs(), Options::practice()).expect("replay");
    assert_eq!(replayed.inputs(), s.inputs());
    assert_eq!(replayed.transcript(), s.transcript());
    assert_eq!(replayed.step(), s.step());
}

#[test]
fn kittest_a_practice_attempt_with_a_rewind_resumes_as_practice() {
    use egui_kittest::kittest::Queryable;
    use turnaround::app::Screen;
    let dir = soup_dir();
    {
        let mut h = crate::app::app(dir.path());
        crate::app::sign_up(&mut h, "Mary Jackson");
        h.get_by_label("Practise Cold soup").click();
        h.run();
        pick(&mut h, "Cold soup is no good");
        h.get_by_label("Go back to turn 1").click();
        h.run();
        pick(&mut h, "Cold soup is no good");
        // The app closes here, mid-conversation.
    }
    let mut h = crate::app::app(dir.path());
    h.get_by_label("Mary Jackson").click();
    h.run();
    h.get_by_label("Resume attempt").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Play(_)));
    h.get_by_label("Practice");
    let s = h.state().session.as_ref().expect("resumed");
    assert!(s.options().practice, "resumed as practice");
    assert_eq!(s.turns_taken(), 1);
    assert!(
        s.inputs()
            .iter()
            .any(|i| matches!(i, Input::Rewind { turn: 0, .. }))
    );
    assert!(h.query_by_label("Go back to turn 1").is_some());
}
