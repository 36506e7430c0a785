//! The session state machine: order of calls, the rules, and exact replay by seed.

use std::sync::Arc;

use turnaround::engine::{EngineError, Entry, Session, Step, TextAssessment};
use turnaround::library;
use turnaround::scenario::{Levels, Outcome, Scenario, SourceFile};

use crate::util::data;

pub fn fixture(name: &str) -> Arc<Scenario> {
    let text = std::fs::read_to_string(data(&format!("fixtures/{name}.ron"))).expect("fixture");
    let checked = library::check(SourceFile::new(name, text), None);
    Arc::new(checked.scenario.expect("fixture is valid"))
}

/// Plays by always picking the shown option whose text contains `pick` at each turn.
fn play_picking(scenario: &Arc<Scenario>, seed: u64, picks: &[&str], reply_ms: u64) -> Session {
    let mut s = Session::start(Arc::clone(scenario), seed, 0).expect("start");
    let mut now = 0;
    let mut picks = picks.iter();
    loop {
        now += reply_ms;
        match s.step().clone() {
            Step::Customer(_) => {
                s.proceed(now).expect("proceed");
            }
            Step::Choose(p) => {
                let want = picks.next().expect("a pick per turn");
                let at = p
                    .options
                    .iter()
                    .position(|o| o.contains(want))
                    .expect("option on offer");
                s.choose(at, now).expect("choose");
            }
            Step::Write(_) => panic!("fixture has no free text"),
            Step::Finished(_) => return s,
        }
    }
}

fn debrief(s: &Session) -> turnaround::engine::Debrief {
    match s.step() {
        Step::Finished(d) => (**d).clone(),
        other => panic!("not finished: {other:?}"),
    }
}

#[test]
fn best_route_scores_and_produces_an_advocate() {
    let s = play_picking(&fixture("valid"), 7, &["Cold soup", "piping hot"], 1000);
    let d = debrief(&s);
    assert_eq!(d.ending, "end_good");
    // t1: 2,4,1 and t2: 1,2,2 → (2+1)/2*25 = 37.5, (4+2)/2*25 = 75, (1+2)/2*25 = 37.5
    assert_eq!(d.scores.active_listening, 37.5);
    assert_eq!(d.scores.ownership, 75.0);
    assert_eq!(d.scores.exceeding_expectations, 37.5);
    assert_eq!(d.overall, 50.0);
    assert!(!d.passed, "50 is below the pass mark of 70");
    assert_eq!(d.outcome, Outcome::Advocate);
    // Loyalty starts at 60 - 20 and follows two +20 replies.
    assert_eq!(d.starting_loyalty, 40.0);
    assert_eq!(d.loyalty, 80.0);
    assert_eq!(d.mood_track.len(), 3);
}

#[test]
fn worst_route_loses_the_customer() {
    let s = play_picking(&fixture("valid"), 7, &["eat it faster", "Calm down"], 1000);
    let d = debrief(&s);
    assert_eq!(d.ending, "end_bad");
    assert_eq!(d.overall, 0.0);
    assert_eq!(d.outcome, Outcome::Lost);
    assert!(d.loyalty < d.recovery_threshold);
}

#[test]
fn slow_replies_cost_mood() {
    let scenario = fixture("valid");
    let quick = play_picking(&scenario, 3, &["Cold soup", "I think"], 1_000);
    let slow = play_picking(&scenario, 3, &["Cold soup", "I think"], 31_000);
    let turns = |s: &Session| -> Vec<f64> {
        s.transcript()
            .iter()
            .filter_map(|e| match e {
                Entry::Trainee(t) => Some(t.slow_penalty),
                _ => None,
            })
            .collect()
    };
    assert_eq!(turns(&quick), vec![0.0, 0.0]);
    // Each reply comes 31 s after its turn was shown, against a patience of 30 s.
    assert_eq!(turns(&slow), vec![5.0, 5.0]);
    let very_slow = play_picking(&scenario, 3, &["Cold soup", "I think"], 65_000);
    assert_eq!(turns(&very_slow), vec![10.0, 10.0]);
    assert!(slow.mood() < quick.mood());
}

#[test]
fn calls_in_the_wrong_order_are_typed_errors() {
    let mut s = Session::start(fixture("valid"), 1, 0).expect("start");
    assert!(matches!(s.step(), Step::Customer(_)));
    assert!(matches!(s.choose(0, 1), Err(EngineError::WrongStep { .. })));
    s.proceed(1).expect("proceed");
    assert!(matches!(s.proceed(2), Err(EngineError::WrongStep { .. })));
    assert_eq!(
        s.choose(9, 3).map(|_| ()),
        Err(EngineError::NoSuchChoice {
            picked: 10,
            offered: 2
        })
    );
    let assessment = TextAssessment {
        levels: Levels::default(),
        scores: [0.0; 3],
        feedback: String::new(),
        evidence: Vec::new(),
        tip: None,
    };
    assert!(matches!(
        s.write("hi", assessment, 4),
        Err(EngineError::WrongStep { .. })
    ));
}

#[test]
fn the_seed_shuffles_choice_order() {
    let scenario = fixture("valid");
    let mut orders = std::collections::BTreeSet::new();
    for seed in 0..40 {
        let mut s = Session::start(Arc::clone(&scenario), seed, 0).expect("start");
        s.proceed(1).expect("proceed");
        // The owning reply (authored first) leads on to the second turn.
        let owning = crate::util::shown_position(&s, 0);
        s.choose(owning, 2).expect("choose");
        s.proceed(3).expect("proceed");
        if let Step::Choose(p) = s.step() {
            orders.insert(p.options.clone());
        }
    }
    assert!(
        orders.len() >= 4,
        "three options should appear in several orders, saw {}",
        orders.len()
    );
}

#[test]
fn replaying_the_inputs_with_the_seed_reproduces_the_attempt() {
    let scenario = fixture("valid");
    for seed in [0, 1, 99, u64::MAX] {
        let played = play_picking(&scenario, seed, &["Cold soup", "I think"], 7_777);
        let replayed =
            Session::replay(Arc::clone(&scenario), seed, 0, played.inputs()).expect("replay");
        assert_eq!(played.transcript(), replayed.transcript());
        assert_eq!(debrief(&played), debrief(&replayed));
        assert_eq!(played.temperament(), replayed.temperament());
    }
}

#[test]
fn typed_replies_branch_on_score_and_move_mood() {
    let scenario = fixture("free-text");
    let run = |score: f64| {
        let mut s = Session::start(Arc::clone(&scenario), 5, 0).expect("start");
        s.proceed(1).expect("proceed");
        s.choose(0, 2).expect("choose");
        s.proceed(3).expect("proceed");
        let Step::Write(p) = s.step() else {
            panic!("expected a free-text turn")
        };
        assert!(p.customer_said.contains("Navy"));
        let before = s.mood();
        let a = TextAssessment {
            levels: Levels::default(),
            scores: [score; 3],
            feedback: "f".into(),
            evidence: Vec::new(),
            tip: None,
        };
        s.write("my reply", a, 4).expect("write");
        let Step::Finished(d) = s.step() else {
            panic!("expected the end")
        };
        (d.ending.clone(), s.mood() - before)
    };
    let (high, up) = run(90.0);
    let (mid, _) = run(50.0);
    let (low, down) = run(10.0);
    assert_eq!(
        (high.as_str(), mid.as_str(), low.as_str()),
        ("end_good", "end_ok", "end_bad")
    );
    assert!(
        up > 0.0 && down < 0.0,
        "good replies lift mood, bad ones sink it: {up} {down}"
    );
}
