//! Working in Spanish: the interface, a translated scenario whose typed turns are offered
//! as choices (the reply scorer reads English only), and the attempt recorded with its
//! language so that it resumes in the same copy.

use egui_kittest::kittest::Queryable;
use turnaround::app::{Screen, UiSettings};
use turnaround::engine::Step;
use turnaround::i18n::Lang;
use turnaround::progress::{FsStore, ProgressStore};

use crate::app::{app_with, best_key, type_into};

const ID: &str = "restaurant-wine-unavailable";

#[test]
fn a_spanish_assessment_offers_choices_at_typed_turns_and_records_its_language() {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = UiSettings {
        lang: Lang::Spanish,
        ..UiSettings::default()
    };
    let mut h = app_with(dir.path(), settings);
    h.get_by_label("¿Quién va a practicar?");
    type_into(&mut h, "Tu nombre:", "Lucía Fernández");
    h.get_by_label("Crear perfil").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Library));

    let title = {
        let entry = h.state().library.get(ID).expect("built in");
        assert!(entry.scenario.translated_languages().any(|l| l == "es"));
        entry.scenario.title_in("es").to_string()
    };
    assert_ne!(
        title,
        h.state().library.get(ID).expect("built in").scenario.title
    );
    type_into(&mut h, "Buscar:", &title);
    h.get_by_label(&format!("Evaluarme: {title}")).click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Play(_)));

    let original_typed: Vec<String> = h
        .state()
        .library
        .get(ID)
        .expect("built in")
        .scenario
        .nodes
        .iter()
        .filter_map(|n| match n {
            turnaround::scenario::Node::FreeText(t) => Some(t.id.clone()),
            _ => None,
        })
        .collect();
    assert!(!original_typed.is_empty(), "the original has typed turns");
    let mut offered_instead = 0;
    let mut turns = 0;
    while matches!(h.state().screen, Screen::Play(_)) {
        assert!(turns < 40, "no ending after 40 turns");
        let step = h.state().session.as_ref().map(|s| s.step().clone());
        match step {
            Some(Step::Choose(p)) => {
                if original_typed.contains(&p.node) {
                    offered_instead += 1;
                    h.get_by_label_contains("solo se puntúan en inglés");
                }
                // The best reply on offer, to reach every turn of the way to the end.
                let key = best_key(&h);
                h.key_press(key);
            }
            other => panic!("in Spanish every turn here is a choice: {other:?}"),
        }
        h.run();
        turns += 1;
    }
    assert!(offered_instead > 0, "a typed turn was offered as choices");
    assert!(matches!(h.state().screen, Screen::Debrief(_)));

    let mut store = FsStore::new(dir.path());
    let id = h.state().trainee.as_ref().expect("signed in").id.clone();
    let attempts = store.attempts(&id).expect("attempts");
    assert_eq!(attempts.len(), 1);
    let a = &attempts[0];
    assert_eq!(a.about.language.as_deref(), Some("es"));
    assert_eq!(
        a.about.scenario_version,
        h.state().library.get(ID).expect("built in").version(),
        "the original's version: scores stay comparable"
    );
}

#[test]
fn a_spanish_attempt_cut_off_part_way_resumes_in_spanish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let settings = UiSettings {
        lang: Lang::Spanish,
        ..UiSettings::default()
    };
    let title;
    {
        let mut h = app_with(dir.path(), settings.clone());
        type_into(&mut h, "Tu nombre:", "Lucía Fernández");
        h.get_by_label("Crear perfil").click();
        h.run();
        title = h
            .state()
            .library
            .get(ID)
            .expect("built in")
            .scenario
            .title_in("es")
            .to_string();
        type_into(&mut h, "Buscar:", &title);
        h.get_by_label(&format!("Practicar: {title}")).click();
        h.run();
        // Good replies past the first turn that was typed in the original (offered as
        // choices here), then the app closes part-way.
        let typed_in_original = |h: &crate::app::App, node: &str| {
            matches!(
                h.state()
                    .library
                    .get(ID)
                    .and_then(|e| e.scenario.node(node)),
                Some(turnaround::scenario::Node::FreeText(_))
            )
        };
        let mut past_typed = false;
        for _ in 0..10 {
            let node = match h.state().session.as_ref().map(|s| s.step().clone()) {
                Some(turnaround::engine::Step::Choose(p)) => p.node,
                other => panic!("a choice in Spanish: {other:?}"),
            };
            let key = best_key(&h);
            h.key_press(key);
            h.run();
            if typed_in_original(&h, &node) {
                past_typed = true;
                break;
            }
        }
        assert!(
            past_typed,
            "a typed turn was answered by choice before closing"
        );
        assert!(matches!(h.state().screen, Screen::Play(_)), "still playing");
    }
    let mut h = app_with(dir.path(), settings);
    h.get_by_label("Lucía Fernández").click();
    h.run();
    h.get_by_label("Reanudar el intento").click();
    h.run();
    assert!(matches!(h.state().screen, Screen::Play(_)), "resumed");
    let s = h.state().session.as_ref().expect("a session");
    assert_eq!(s.scenario().language(), Some("es"));
    assert!(s.options().practice);
    h.get_by_label(&title);
}

#[test]
fn a_typed_reply_the_scorer_cannot_read_is_not_scored_and_its_words_are_kept() {
    use crate::app::{REPLY_LABEL, app, sign_up, to_first_typed_turn};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut h = app(dir.path());
    sign_up(&mut h, "Ada Lovelace");
    type_into(&mut h, "Search:", "Rioja");
    h.get_by_label("Play The anniversary Rioja").click();
    h.run();
    to_first_typed_turn(&mut h);
    let turns = h.state().session.as_ref().map(|s| s.turns_taken());
    let reply = "Lo siento muchísimo, el error es nuestro y lo arreglo yo ahora mismo.";
    type_into(&mut h, REPLY_LABEL, reply);
    h.key_press(eframe::egui::Key::Enter);
    h.run();
    let s = h.state().session.as_ref().expect("still playing");
    assert!(matches!(s.step(), Step::Write(_)), "the same typed turn");
    assert_eq!(Some(s.turns_taken()), turns, "nothing was recorded");
    assert!(
        h.state().notices.iter().any(|n| n.contains("English")),
        "it says why: {:?}",
        h.state().notices
    );
    let Screen::Play(view) = &h.state().screen else {
        panic!("playing")
    };
    assert_eq!(view.draft, reply, "the words are kept to edit");
}
