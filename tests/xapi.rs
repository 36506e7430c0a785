//! An attempt as xAPI statements: stable, ordered, and what docs/xapi.md says.

use std::sync::Arc;

use serde_json::Value;
use turnaround::engine::{Session, Step};
use turnaround::library;
use turnaround::progress::{AttemptKind, AttemptRecord};
use turnaround::scenario::{Scenario, SourceFile};
use turnaround::xapi::{self, Identity};

use crate::util::data;

fn scenario() -> Arc<Scenario> {
    let text = std::fs::read_to_string(data("fixtures/free-text.ron")).expect("read");
    Arc::new(
        library::check(SourceFile::new("free-text.ron", text), None)
            .scenario
            .expect("valid"),
    )
}

/// Plays the fixture with the first reply shown and a typed model answer.
fn attempt(kind: AttemptKind) -> AttemptRecord {
    let s = scenario();
    let mut session = Session::start(Arc::clone(&s), 5, 0).expect("start");
    let scorer = turnaround::scoring::Scorer::default();
    let mut t = 0;
    loop {
        t += 4_000;
        match session.step().clone() {
            Step::Customer(_) => {
                session.proceed(t).expect("proceed");
            }
            Step::Choose(_) => {
                session.choose(0, t).expect("choose");
            }
            Step::Write(w) => {
                let reply =
                    "I'm so sorry, that's our mistake. I'll find your navy suit myself by 6 pm.";
                let a = scorer.assess(&turnaround::scoring::ReplyInput {
                    customer: &w.customer_said,
                    reply,
                    hints: None,
                });
                session
                    .write(
                        reply,
                        turnaround::engine::TextAssessment::from_scorer(&a),
                        t,
                    )
                    .expect("write");
            }
            Step::Finished(_) => break,
        }
    }
    AttemptRecord::from_session(
        &session,
        "trainee-1",
        "v1",
        kind,
        1_790_000_000_000,
        1_790_000_060_000,
    )
    .expect("finished")
}

/// LRS settings for tests: `endpoint`, `password`, everything else ordinary.
pub(crate) fn lrs_settings(endpoint: &str, password: &str) -> turnaround::lrs::LrsConfig {
    turnaround::lrs::LrsConfig {
        endpoint: endpoint.into(),
        username: "turnaround".into(),
        password: password.into(),
        home_page: "https://training.example.org".into(),
        send_practice: false,
        iri_base: xapi::DEFAULT_IRI_BASE.into(),
        since_ms: 0,
    }
}

fn who() -> Identity {
    Identity {
        home_page: "https://training.example.org".into(),
        iri_base: "https://lrs.example.org/xapi/".into(),
    }
}

#[test]
fn statements_follow_the_attempt_lifecycle_with_one_answered_per_turn() {
    let a = attempt(AttemptKind::Assessment);
    let s = scenario();
    let st = xapi::statements(&a, Some(&s), &who());
    let verbs: Vec<&str> = st
        .iter()
        .map(|s| s["verb"]["display"]["en-US"].as_str().unwrap_or_default())
        .collect();
    let turns = a
        .transcript
        .iter()
        .filter(|e| matches!(e, turnaround::engine::Entry::Trainee(_)))
        .count();
    assert_eq!(verbs.len(), turns + 4);
    assert_eq!(verbs[0], "initialized");
    assert!(verbs[1..=turns].iter().all(|v| *v == "answered"));
    assert_eq!(verbs[turns + 1], "completed");
    assert_eq!(
        verbs[turns + 2],
        if a.debrief.passed { "passed" } else { "failed" }
    );
    assert_eq!(verbs[turns + 3], "terminated");

    let kinds: Vec<&str> = st[1..=turns]
        .iter()
        .map(|s| {
            s["object"]["definition"]["interactionType"]
                .as_str()
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(kinds, ["choice", "long-fill-in"]);
    let typed = &st[2]["result"];
    assert!(
        typed["response"]
            .as_str()
            .is_some_and(|r| r.contains("navy suit"))
    );
    assert!(
        typed["extensions"]["https://lrs.example.org/xapi/extensions/level/ownership"].is_u64()
    );
    let choice = &st[1]["object"]["definition"];
    assert_eq!(choice["choices"].as_array().map(Vec::len), Some(3));

    // Timestamps never go backwards, and stay inside the attempt.
    let times: Vec<&str> = st.iter().filter_map(|s| s["timestamp"].as_str()).collect();
    assert!(times.windows(2).all(|w| w[0] <= w[1]), "{times:?}");
    assert!(times[0].ends_with('Z') && times[0].contains('.'));

    let result = &st[turns + 2]["result"];
    assert_eq!(result["success"], Value::Bool(a.debrief.passed));
    assert!(
        (result["score"]["scaled"].as_f64().expect("scaled") - a.debrief.overall / 100.0).abs()
            < 1e-9
    );
    let mastery = "https://w3id.org/xapi/cmi5/context/extensions/masteryscore";
    assert_eq!(
        st[turns + 2]["context"]["extensions"][mastery].as_f64(),
        Some(0.7),
        "on the judging statement"
    );
    assert!(st[0]["context"]["extensions"][mastery].is_null());
    // The scenario is a turn's parent, and the lifecycle statements' object.
    let simulation = "http://adlnet.gov/expapi/activities/simulation";
    assert_eq!(
        st[1]["context"]["contextActivities"]["parent"][0]["definition"]["type"],
        simulation
    );
    assert_eq!(st[0]["object"]["definition"]["type"], simulation);
    assert!(st[0]["context"]["contextActivities"].is_null());
    let registration = &st[0]["context"]["registration"];
    assert!(
        st.iter()
            .all(|s| &s["context"]["registration"] == registration)
    );
}

#[test]
fn the_same_attempt_always_gives_the_same_statements_and_ids() {
    let a = attempt(AttemptKind::Assessment);
    let s = scenario();
    let once = xapi::statements(&a, Some(&s), &who());
    let again = xapi::statements(&a, Some(&s), &who());
    assert_eq!(once, again, "frozen: ids and timestamps included");
    let mut ids: Vec<&str> = once.iter().filter_map(|s| s["id"].as_str()).collect();
    assert!(ids.iter().all(|id| uuid::Uuid::parse_str(id).is_ok()));
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), once.len(), "every statement its own id");
    // Another attempt (another start) has other ids and another registration.
    let mut b = a.clone();
    b.about.started_ms += 1;
    let other = xapi::statements(&b, Some(&s), &who());
    assert_ne!(other[0]["id"], once[0]["id"]);
    assert_ne!(xapi::registration(&a), xapi::registration(&b));
}

#[test]
fn practice_goes_to_the_outbox_only_when_the_manager_turns_it_on() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut practice = attempt(AttemptKind::Practice);
    practice.about.started_ms += 7; // another attempt than the assessment below
    assert!(
        !turnaround::lrs::record(dir.path(), &practice, None).expect("no LRS: nothing"),
        "no LRS configured: nothing is queued"
    );
    let mut config = lrs_settings("http://127.0.0.1:9/xAPI/", "secret-value");
    assert!(
        !format!("{config:?}").contains("secret-value"),
        "never in a log"
    );
    turnaround::lrs::save_config(dir.path(), &config).expect("save");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join("lrs.ron"))
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "owner-only: it holds the password");
    }
    assert!(!turnaround::lrs::record(dir.path(), &practice, None).expect("record"));
    assert!(
        turnaround::lrs::record(dir.path(), &attempt(AttemptKind::Assessment), None)
            .expect("record")
    );
    config.send_practice = true;
    turnaround::lrs::save_config(dir.path(), &config).expect("save");
    assert!(turnaround::lrs::record(dir.path(), &practice, None).expect("record"));
    // Written once: recording the same attempt again never rewrites it.
    assert!(!turnaround::lrs::record(dir.path(), &practice, None).expect("record"));
    assert_eq!(
        turnaround::lrs::Outbox::new(dir.path())
            .status()
            .pending_attempts,
        2
    );
}

#[test]
fn settings_that_would_leak_the_password_or_make_invalid_statements_are_refused() {
    let good = lrs_settings("https://lrs.example.org/xAPI/", "p");
    assert_eq!(good.problem(), None);
    let with = |f: &dyn Fn(&mut turnaround::lrs::LrsConfig)| {
        let mut c = good.clone();
        f(&mut c);
        c.problem()
    };
    assert!(
        with(&|c| c.endpoint = "http://lrs.example.org/xAPI/".into())
            .is_some_and(|m| m.contains("https://"))
    );
    assert_eq!(
        with(&|c| c.endpoint = "http://127.0.0.1:8000/xAPI/".into()),
        None
    );
    assert_eq!(
        with(&|c| c.endpoint = "http://localhost/xAPI/".into()),
        None
    );
    assert!(with(&|c| c.endpoint = "http://localhost.evil.example/".into()).is_some());
    assert!(with(&|c| c.endpoint = "https://u:p@lrs.example.org/".into()).is_some());
    assert!(with(&|c| c.home_page = "training".into()).is_some());
    assert!(with(&|c| c.iri_base = "".into()).is_some());
    let dir = tempfile::tempdir().expect("tempdir");
    let mut bad = good.clone();
    bad.endpoint = "http://lrs.example.org/".into();
    assert!(turnaround::lrs::save_config(dir.path(), &bad).is_err());
    assert!(!dir.path().join("lrs.ron").exists(), "nothing written");

    // A hand-written file with a mistake: the error says where, never the password.
    std::fs::write(
        dir.path().join("lrs.ron"),
        "(endpoint: \"https://lrs.example.org/\", username: \"u\", password: 918273645, home_page: \"https://x.example\")",
    )
    .expect("write");
    let e = turnaround::lrs::load_config(dir.path()).expect_err("not valid");
    assert!(!e.to_string().contains("918273645"), "{e}");
    assert!(e.to_string().contains("line 1"), "{e}");
}

#[test]
fn ids_with_spaces_still_make_valid_iris() {
    let mut a = attempt(AttemptKind::Assessment);
    a.about.scenario_id = "wine list/draft".into();
    let st = xapi::statements(&a, None, &who());
    let id = st[0]["object"]["id"].as_str().expect("id");
    assert!(id.ends_with("/scenarios/wine%20list%2Fdraft"), "{id}");
}

#[test]
fn an_attempt_saved_but_never_queued_is_queued_by_the_next_send() {
    use turnaround::progress::ProgressStore;
    let dir = tempfile::tempdir().expect("tempdir");
    turnaround::lrs::save_config(dir.path(), &lrs_settings("http://127.0.0.1:9/xAPI/", "p"))
        .expect("save");
    // Saved as the app saves it, then the process died before queueing it.
    let mut store = turnaround::progress::FsStore::new(dir.path());
    let t = store.add_trainee("Ada", 1).expect("trainee");
    let mut a = attempt(AttemptKind::Assessment);
    a.about.trainee = t.id.clone();
    store.save_attempt(&a).expect("save");
    assert_eq!(
        turnaround::lrs::reconcile(dir.path()).expect("reconcile"),
        1
    );
    assert_eq!(
        turnaround::lrs::reconcile(dir.path()).expect("again"),
        0,
        "once"
    );
    assert_eq!(
        turnaround::lrs::Outbox::new(dir.path())
            .status()
            .pending_attempts,
        1
    );
}
