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

fn app(dir: &std::path::Path) -> Harness<'static, TurnaroundApp> {
    let dir = dir.to_path_buf();
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_eframe(move |_cc| {
            TurnaroundApp::with_parts(
                AppConfig {
                    data_dir: dir.clone(),
                    trainer_scenarios: dir.join("scenarios"),
                    measure_startup: None,
                },
                UiSettings::default(),
                Box::new(FsStore::new(&dir)),
                Audio::silent("tests run without sound"),
            )
        });
    harness.run();
    harness
}

/// Focuses the text field labelled `label` and types `text`, as a person would.
fn type_into(h: &mut Harness<'static, TurnaroundApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

#[test]
fn a_trainee_creates_a_profile_filters_plays_by_keyboard_and_retries() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());

    // Start: create a trainee.
    h.get_by_label("No trainees yet. Create your profile on the right to begin.");
    type_into(&mut h, "Your name:", "Ada Lovelace");
    h.get_by_label("Create profile").click();
    h.run();
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
        assert!(presses < 40, "no ending after 40 key presses");
        h.key_press(egui::Key::Num1);
        h.run();
        presses += 1;
    }
    assert!(matches!(h.state().screen, Screen::Debrief(_)));
    let turns = h.state().session.as_ref().map(|s| {
        s.transcript()
            .iter()
            .filter(|e| matches!(e, turnaround::engine::Entry::Trainee(_)))
            .count()
    });
    assert_eq!(turns, Some(presses), "every key press answered one turn");

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
    type_into(&mut h, "Your name:", "Bo");
    h.get_by_label("Create profile").click();
    h.run();
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
        type_into(&mut h, "Your name:", "Cy");
        h.get_by_label("Create profile").click();
        h.run();
        h.get_by_label("Play The anniversary Rioja").click();
        h.run();
        while matches!(h.state().screen, Screen::Play(_)) {
            h.key_press(egui::Key::Num2);
            h.run();
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
    let unplayed = h.query_all_by_label("Not played yet").count();
    assert_eq!(
        unplayed,
        h.state().library.entries.len() - 1,
        "every other card says so"
    );
}
