//! The desktop app driven through its accessibility tree with egui_kittest, as a
//! trainee would use it: create a profile, filter the library, play with the keyboard,
//! read the debrief, retry.

use eframe::egui::{self, accesskit::Role};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use turnaround::app::{AppConfig, Screen, TurnaroundApp, UiSettings};
use turnaround::audio::Audio;
use turnaround::engine::Step;
use turnaround::progress::{FsStore, ProgressStore};

/// The app under test.
pub(crate) type App = Harness<'static, TurnaroundApp>;

pub(crate) fn app(dir: &std::path::Path) -> Harness<'static, TurnaroundApp> {
    app_with(dir, UiSettings::default())
}

/// The app on `dir` with these settings, as eframe would restore them.
pub(crate) fn app_with(
    dir: &std::path::Path,
    settings: UiSettings,
) -> Harness<'static, TurnaroundApp> {
    let dir = dir.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        // The customer's face eases into each expression and reacts for about a second.
        .with_max_steps(120)
        .build_eframe(move |_cc| {
            TurnaroundApp::with_parts(
                AppConfig {
                    data_dir: dir.clone(),
                    trainer_scenarios: dir.join("scenarios"),
                    measure_startup: None,
                    measure_manager_pin: None,
                },
                settings.clone(),
                Box::new(FsStore::new(&dir)),
                Audio::silent("tests run without sound"),
            )
        });
    harness.run();
    harness
}

/// The role of the field labelled `label`: replies are multi-line.
fn role(label: &str) -> Role {
    if label.starts_with("Your reply") {
        Role::MultilineTextInput
    } else if label.contains("PIN") {
        Role::PasswordInput
    } else {
        Role::TextInput
    }
}

/// Focuses the text field labelled `label` and types `text`, as a person would.
pub(crate) fn type_into(h: &mut Harness<'static, TurnaroundApp>, label: &str, text: &str) {
    h.get_by_role_and_label(role(label), label).focus();
    h.run();
    h.get_by_role_and_label(role(label), label).type_text(text);
    h.run();
}

/// Creates a trainee from the start screen, as a person would.
pub(crate) fn sign_up(h: &mut Harness<'static, TurnaroundApp>, name: &str) {
    type_into(h, "Your name:", name);
    h.get_by_label("Create profile").click();
    h.run();
}

/// The typed reply used wherever a flow meets a free-text turn.
const TYPED: &str = "I'm so sorry, that's our mistake. I'll sort it out myself by 5 pm today.";

/// Answers the current turn: a number key for a choice, typing and Enter for a typed
/// turn. Returns false when there was no turn to answer.
pub(crate) fn answer(h: &mut Harness<'static, TurnaroundApp>, key: egui::Key) -> bool {
    let step = h.state().session.as_ref().map(|s| s.step().clone());
    match step {
        Some(Step::Choose(_)) => h.key_press(key),
        Some(Step::Write(_)) => {
            type_into(h, REPLY_LABEL, TYPED);
            h.key_press(egui::Key::Enter);
        }
        _ => return false,
    }
    h.run();
    true
}

pub(crate) const REPLY_LABEL: &str = "Your reply (Enter sends, Shift+Enter adds a line):";

#[test]
fn a_trainee_creates_a_profile_filters_plays_by_keyboard_and_retries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());

    // Start: create a trainee.
    h.get_by_label("No trainees yet. Create your profile on the right to begin.");
    sign_up(&mut h, "Ada Lovelace");
    assert!(matches!(h.state().screen, Screen::Library));
    assert_eq!(
        h.state().trainee.as_ref().map(|t| t.name.as_str()),
        Some("Ada Lovelace")
    );

    // Library: filter by difficulty, then search.
    h.get_by_role_and_label(Role::ComboBox, "Difficulty")
        .click();
    h.run();
    h.get_by_label("Advanced").click();
    h.run();
    assert!(h.query_by_label("Play Bumped before the funeral").is_some());
    assert!(
        h.query_by_label("Play The anniversary Rioja").is_none(),
        "a Beginner scenario is filtered out"
    );
    type_into(&mut h, "Search:", "funeral");
    assert!(
        h.query_by_label("Play The bill that nearly doubled")
            .is_none(),
        "search narrows the list"
    );
    h.get_by_label("Play Bumped before the funeral").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Play(_)));

    // Play to an ending with the keyboard only.
    let mut presses = 0;
    while matches!(h.state().screen, Screen::Play(_)) {
        assert!(presses < 40, "no ending after 40 turns");
        assert!(answer(&mut h, egui::Key::Num1), "a turn to answer");
        presses += 1;
    }
    assert!(matches!(h.state().screen, Screen::Debrief(_)));
    let turns = h.state().session.as_ref().map(|s| {
        s.transcript()
            .iter()
            .filter(|e| matches!(e, turnaround::engine::Entry::Trainee(_)))
            .count()
    });
    assert_eq!(
        turns,
        Some(presses),
        "every key press or Enter answered one turn"
    );

    // Debrief: scores, pass or fail, and the outcome.
    for label in [
        "Active listening",
        "Ownership",
        "Exceeding expectations",
        "Overall",
    ] {
        assert!(
            !h.query_all_by_label(label).collect::<Vec<_>>().is_empty(),
            "debrief shows {label}"
        );
    }
    let outcome = ["Advocate: ", "Recovered: ", "Lost: "]
        .iter()
        .filter(|o| h.query_by_label_contains(o).is_some())
        .count();
    assert_eq!(outcome, 1, "exactly one outcome headline");
    assert!(h.query_by_label_contains("pass mark 70").is_some());
    let Some(session) = &h.state().session else {
        panic!("session kept for the debrief")
    };
    let Step::Finished(d) = session.step() else {
        panic!("finished")
    };
    let overall = format!("{:.0}", d.overall);
    assert!(
        h.query_all_by_label(&overall).next().is_some(),
        "overall score {overall} is shown"
    );

    // The attempt was stored and the library card shows it.
    let mut store = FsStore::new(dir.path());
    let trainee = store.trainees().expect("trainees")[0].clone();
    assert_eq!(store.attempts(&trainee.id).expect("attempts").len(), 1);

    // Retry starts the same scenario again.
    h.get_by_label("Retry").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Play(_)));
    let id = h.state().session.as_ref().map(|s| s.scenario().id.clone());
    assert_eq!(id.as_deref(), Some("airline-bumped-passenger"));
}

#[test]
fn abandoning_asks_first_and_saves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    sign_up(&mut h, "Bo");
    h.get_by_label("Play The anniversary Rioja").click();
    h.run();
    h.get_by_label("Abandon attempt").click();
    h.run();
    h.get_by_label("Keep playing").click();
    h.run();
    assert!(
        matches!(h.state().screen, Screen::Play(_)),
        "keep playing stays"
    );
    h.get_by_label("Abandon attempt").click();
    h.run();
    h.get_by_label("Yes, abandon").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Library));
    let mut store = FsStore::new(dir.path());
    let trainee = store.trainees().expect("trainees")[0].clone();
    assert!(store.attempts(&trainee.id).expect("attempts").is_empty());
}

#[test]
fn profiles_persist_and_the_best_result_shows_on_the_card() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut h = app(dir.path());
        sign_up(&mut h, "Cy");
        h.get_by_label("Play The anniversary Rioja").click();
        h.run();
        while matches!(h.state().screen, Screen::Play(_)) {
            assert!(answer(&mut h, egui::Key::Num2));
        }
    }
    let mut h = app(dir.path());
    h.get_by_label("Cy").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Library));
    let best = h
        .state()
        .results
        .get("restaurant-wine-unavailable")
        .map(|r| r.best_overall);
    let best = best.expect("the earlier attempt is loaded");
    assert!(
        h.query_by_label(&format!("Best {best:.0}")).is_some(),
        "card shows best {best:.0}"
    );
    let unplayed = h.query_all_by_label("No assessment yet").count();
    assert_eq!(
        unplayed,
        h.state().library.entries.len() - 1,
        "every other card says so"
    );
}

/// The number key of the best authored reply on offer (by the sum of its levels).
pub(crate) fn best_key(h: &Harness<'static, TurnaroundApp>) -> egui::Key {
    let session = h.state().session.as_ref().expect("session");
    let Step::Choose(p) = session.step() else {
        panic!("not a choice")
    };
    let Some(turnaround::scenario::Node::Choice(turn)) = session.scenario().node(&p.node) else {
        panic!("choice node")
    };
    let best = turn.best_of(&p.options).expect("options");
    [
        egui::Key::Num1,
        egui::Key::Num2,
        egui::Key::Num3,
        egui::Key::Num4,
    ][best]
}

/// Plays the best replies until the first typed turn; panics if none comes.
pub(crate) fn to_first_typed_turn(h: &mut Harness<'static, TurnaroundApp>) {
    for _ in 0..20 {
        match h.state().session.as_ref().map(|s| s.step()) {
            Some(Step::Write(_)) => return,
            Some(Step::Choose(_)) => {
                let key = best_key(h);
                h.key_press(key);
                h.run();
            }
            other => panic!("no typed turn reached: {other:?}"),
        }
    }
    panic!("no typed turn within 20 turns");
}

#[test]
fn a_typed_reply_is_sent_with_enter_and_shows_its_evidence_and_a_tip() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    sign_up(&mut h, "Di");
    h.get_by_label("Play The anniversary Rioja").click();
    h.run();
    to_first_typed_turn(&mut h);
    type_into(&mut h, REPLY_LABEL, "I'm so sorry, that's our mistake.");
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::Enter);
    h.run();
    assert!(
        matches!(
            h.state().session.as_ref().map(|s| s.step()),
            Some(Step::Write(_))
        ),
        "Shift+Enter does not send"
    );
    h.get_by_role_and_label(Role::MultilineTextInput, REPLY_LABEL)
        .type_text("I'll bring a bottle from our sister restaurant by 9 pm.");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    let session = h.state().session.as_ref().expect("session");
    let typed = session
        .transcript()
        .iter()
        .rev()
        .find_map(|e| match e {
            turnaround::engine::Entry::Trainee(t) => Some(t.clone()),
            _ => None,
        })
        .expect("a turn");
    assert!(
        typed.reply.text().contains("mistake.\nI'll bring"),
        "one reply over two lines: {:?}",
        typed.reply.text()
    );
    assert!(!typed.evidence.is_empty());
    assert!(
        h.query_by_label_contains("+ apologised").is_some(),
        "the reasons are shown"
    );
    assert!(
        h.query_by_label_contains("Tip: ").is_some(),
        "a tip is shown"
    );
}

#[test]
fn the_practice_pad_scores_as_you_type() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    sign_up(&mut h, "Eli");
    h.get_by_label("Practice pad").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Practice(_)));
    assert!(
        h.query_by_label("Start typing to see your scores.")
            .is_some()
    );
    type_into(&mut h, "Your reply:", "Calm down, it's company policy.");
    assert!(h.query_by_label("Active listening 0/4").is_some());
    assert!(h.query_by_label("Ownership 0/4").is_some());
    h.get_by_role_and_label(Role::MultilineTextInput, "Your reply:")
        .type_text(" Sorry.");
    h.run();
    assert!(
        h.query_by_label_contains("blame shifted to policy")
            .is_some(),
        "evidence updates as you type"
    );
    h.get_by_label("Back to library").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Library));
}

#[test]
fn an_attempt_cut_off_by_closing_the_app_can_be_resumed_where_it_stopped() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (transcript, step) = {
        let mut h = app(dir.path());
        sign_up(&mut h, "Flo");
        h.get_by_label("Play The anniversary Rioja").click();
        h.run();
        let key = best_key(&h);
        h.key_press(key);
        h.run();
        let session = h.state().session.as_ref().expect("playing");
        (session.transcript().to_vec(), session.step().clone())
        // The harness is dropped here: the app closes mid-attempt.
    };
    let mut h = app(dir.path());
    h.get_by_label("Flo").click();
    h.run();
    assert!(
        h.query_by_label_contains("You stopped part-way through")
            .is_some()
    );
    h.get_by_label("Resume attempt").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Play(_)));
    let session = h.state().session.as_ref().expect("resumed");
    assert_eq!(
        session.transcript(),
        transcript.as_slice(),
        "the same conversation so far"
    );
    assert_eq!(session.step(), &step, "the same turn waiting");
    // Carry on to the end; the finished attempt is stored and the bookmark is gone.
    while matches!(h.state().screen, Screen::Play(_)) {
        assert!(answer(&mut h, egui::Key::Num1));
    }
    let mut store = FsStore::new(dir.path());
    let trainee = store.trainees().expect("trainees")[0].clone();
    assert_eq!(store.attempts(&trainee.id).expect("attempts").len(), 1);
    assert!(store.in_progress(&trainee.id).expect("read").is_none());
}

#[test]
fn a_cut_off_attempt_can_be_discarded() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let mut h = app(dir.path());
        sign_up(&mut h, "Gil");
        h.get_by_label("Play The anniversary Rioja").click();
        h.run();
    }
    let mut h = app(dir.path());
    h.get_by_label("Gil").click();
    h.run();
    h.get_by_label("Discard it").click();
    h.run();
    assert!(
        h.query_by_label_contains("You stopped part-way through")
            .is_none()
    );
    let mut store = FsStore::new(dir.path());
    let trainee = store.trainees().expect("trainees")[0].clone();
    assert!(store.in_progress(&trainee.id).expect("read").is_none());
}

#[test]
fn a_finished_scenario_shows_up_in_my_progress() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    sign_up(&mut h, "Hal");
    h.get_by_label("My progress").click();
    h.run();
    assert!(
        h.query_by_label_contains("No attempts yet").is_some(),
        "a clear empty state"
    );
    h.get_by_label("Back to library").click();
    h.run();
    h.get_by_label("Play The anniversary Rioja").click();
    h.run();
    while matches!(h.state().screen, Screen::Play(_)) {
        assert!(answer(&mut h, egui::Key::Num1));
    }
    h.get_by_label("Back to library").click();
    h.run();
    h.get_by_label("My progress").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::MyProgress(_)));
    assert!(h.query_by_label("1 attempt").is_some());
    assert!(
        h.query_by_label("The anniversary Rioja").is_some(),
        "the scenario is listed"
    );
    assert!(h.query_by_label_contains("Streak: 1 day").is_some());
    assert!(
        h.query_by_label_contains("Your weakest dimension lately is")
            .is_some()
    );
}
