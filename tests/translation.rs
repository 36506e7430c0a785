//! Scenario translations: localized copies, the version hash, typed turns offered as
//! choices where the scorer cannot read the language, and what validation reports.

use std::collections::BTreeSet;
use std::sync::Arc;

use turnaround::engine::{Reply, Session, Step};
use turnaround::library;
use turnaround::scenario::{self, Diagnostic, Node, Scenario, Severity, SourceFile};

use crate::util::data;

fn fixture_text(name: &str) -> String {
    std::fs::read_to_string(data(&format!("fixtures/{name}.ron"))).expect("fixture")
}

/// Parses and validates `text`; the scenario (it must have no errors) and every problem.
#[track_caller]
fn load(text: &str) -> (Scenario, Vec<Diagnostic>) {
    let checked = library::check(SourceFile::new("t.ron", text), None);
    let diagnostics = checked.diagnostics.clone();
    let scenario = checked
        .scenario
        .unwrap_or_else(|| panic!("has errors: {diagnostics:#?}"));
    (scenario, diagnostics)
}

/// The problems validating `text` finds (errors included).
fn problems(text: &str) -> Vec<Diagnostic> {
    library::check(SourceFile::new("t.ron", text), None).diagnostics
}

#[track_caller]
fn edited(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "the fixture has {from:?}");
    text.replacen(from, to, 1)
}

#[track_caller]
fn has(found: &[Diagnostic], severity: Severity, needle: &str) -> Diagnostic {
    found
        .iter()
        .find(|d| d.severity == severity && d.message.contains(needle))
        .cloned()
        .unwrap_or_else(|| panic!("no {severity:?} containing {needle:?} in {found:#?}"))
}

fn translated() -> Scenario {
    load(&fixture_text("translated")).0
}

#[test]
fn a_localized_copy_has_the_translated_words_and_the_same_ids_levels_and_links() {
    let original = translated();
    let es = original.localized("es").expect("es");
    assert_eq!(es.language(), Some("es"));
    assert_eq!(original.language(), None);
    assert_eq!(es.title, "El traje de boda perdido");
    assert!(es.customer.problem.starts_with("Tomasz dejó"));
    assert_eq!(es.customer.name, original.customer.name, "names stay");
    assert_eq!(es.id, original.id);
    assert!(es.translations.is_empty());
    let ids = |s: &Scenario| {
        s.nodes
            .iter()
            .map(|n| n.id().to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&es), ids(&original));
    // The same places to go from each node. (A typed turn that offers its choices leads
    // where they lead, which the original's branches also lead to here.)
    let links = |s: &Scenario| {
        s.nodes
            .iter()
            .map(|n| {
                n.links()
                    .into_iter()
                    .map(str::to_string)
                    .collect::<BTreeSet<_>>()
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(links(&es), links(&original));
    let (Some(Node::Choice(en_t1)), Some(Node::Choice(es_t1))) =
        (original.node("t1"), es.node("t1"))
    else {
        panic!("t1 is a choice turn in both")
    };
    assert!(es_t1.choices[2].text.starts_with("La chica de los sábados"));
    assert!(es_t1.choices[1].feedback.contains("«pero»"));
    assert_eq!(
        es_t1.prompt.as_deref(),
        Some("Tomasz está en el mostrador, con el resguardo en la mano.")
    );
    for (a, b) in en_t1.choices.iter().zip(&es_t1.choices) {
        assert_eq!(
            (a.levels, a.mood, &a.next, a.trap),
            (b.levels, b.mood, &b.next, b.trap)
        );
        assert_ne!(a.text, b.text);
    }
    let Some(Node::Line(open)) = es.node("open") else {
        panic!("open is a line")
    };
    assert!(open.say.starts_with("Su ayudante"));
}

#[test]
fn the_library_card_reads_the_title_and_summary_without_a_copy() {
    let s = translated();
    assert_eq!(s.title_in("es"), "El traje de boda perdido");
    assert!(s.summary_in("es").starts_with("El traje de un cliente"));
    assert_eq!(s.title_in("fr"), s.title, "no translation: the original");
    let untitled = load(&edited(
        &fixture_text("translated"),
        "            title: \"El traje de boda perdido\",\n",
        "",
    ))
    .0;
    assert_eq!(
        untitled.title_in("es"),
        untitled.title,
        "no translated title: the original"
    );
}

#[test]
fn localized_is_none_without_that_exact_language() {
    let s = translated();
    assert!(s.localized("fr").is_none());
    assert!(s.localized("").is_none());
    assert!(s.localized("es-MX").is_none(), "codes are matched exactly");
    assert_eq!(s.translated_languages().collect::<Vec<_>>(), ["es"]);
}

#[test]
fn in_a_language_the_scorer_cannot_read_a_typed_turn_with_choices_becomes_a_choice_turn() {
    let original = translated();
    assert!(!original.offers_choices_instead_of_typing("t2"));
    let es = original.localized("es").expect("es");
    assert!(es.offers_choices_instead_of_typing("t2"));
    assert!(
        !es.offers_choices_instead_of_typing("t1"),
        "t1 was always a choice turn"
    );
    let Some(Node::FreeText(typed)) = original.node("t2") else {
        panic!("t2 is typed in the original")
    };
    let Some(Node::Choice(offered)) = es.node("t2") else {
        panic!("t2 offers choices in Spanish")
    };
    assert_eq!(
        offered.prompt.as_deref(),
        Some("Todavía no lo ha encontrado. Escriba lo que dice.")
    );
    assert!(offered.model.starts_with("Un tres piezas azul marino"));
    assert_eq!(offered.choices.len(), typed.choices.len());
    for (a, b) in typed.choices.iter().zip(&offered.choices) {
        assert_eq!(
            (a.levels, a.mood, &a.next, a.trap),
            (b.levels, b.mood, &b.next, b.trap)
        );
    }
    assert!(offered.choices[2].text.starts_with("No se preocupe"));
}

#[test]
fn in_a_language_the_scorer_reads_typed_turns_stay_typed() {
    let text = edited(&fixture_text("translated"), "\"es\": (", "\"en-GB\": (");
    let (s, found) = load(&text);
    // The one thing said: the interface offers no `en-GB` to pick it.
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("not a language the interface offers")
    );
    let gb = s.localized("en-GB").expect("en-GB");
    assert!(matches!(gb.node("t2"), Some(Node::FreeText(_))));
    assert!(!gb.offers_choices_instead_of_typing("t2"));
    assert!(turnaround::scoring::reads_language("en"));
    assert!(turnaround::scoring::reads_language("EN-us"));
    assert!(!turnaround::scoring::reads_language("es"));
}

#[test]
fn a_typed_turn_without_choices_stays_typed_and_gets_the_translated_hint_words() {
    // The docs' example has no fallback choices; give it a Spanish translation of t2.
    let text = edited(
        &fixture_text("free-text"),
        "    ],\n)",
        r#"    ],
    translations: {
        "es": (
            texts: {
                "t2": (
                    hints: (
                        facts: ["tres piezas azul marino", "nada que ponerse"],
                        fix: ["encontrar el traje", "un traje de sustitución para mañana"],
                        forbidden: ["prometer que el traje aparecerá"],
                    ),
                ),
            },
        ),
    },
)"#,
    );
    let (s, found) = load(&text);
    let warning = has(
        &found,
        Severity::Warning,
        "in `es` this typed turn `t2` cannot be scored",
    );
    assert_eq!(warning.node.as_deref(), Some("t2"));
    assert!(warning.message.contains("add `choices`"));
    let es = s.localized("es").expect("es");
    let Some(Node::FreeText(t2)) = es.node("t2") else {
        panic!("t2 stays typed: it has nothing to offer instead")
    };
    assert!(!es.offers_choices_instead_of_typing("t2"));
    assert_eq!(t2.hints.facts[0].fact, "tres piezas azul marino");
    assert_eq!(
        t2.hints.facts[0].synonyms,
        ["navy suit", "three-piece suit"],
        "synonyms are scorer words and stay"
    );
    assert_eq!(t2.hints.fix[1], "un traje de sustitución para mañana");
    assert_eq!(t2.hints.forbidden[0], "prometer que el traje aparecerá");
    assert!(
        t2.model.starts_with("A navy"),
        "an untranslated text keeps the original's"
    );
    let Some(Node::Line(open)) = es.node("open") else {
        panic!("a line")
    };
    assert!(open.say.starts_with("Your assistant"));
    has(
        &found,
        Severity::Warning,
        "translation `es` lacks node `open`",
    );
    has(&found, Severity::Warning, "translation `es` lacks `title`");
    has(
        &found,
        Severity::Warning,
        "translation `es` lacks node `t2`'s `model`",
    );
}

#[test]
fn the_version_ignores_translations() {
    let text = fixture_text("translated");
    let with = translated();
    let start = text.find("    translations: {").expect("translations");
    let without = format!("{})\n", &text[..start]);
    let (without, _) = load(&without);
    assert!(without.translations.is_empty());
    assert_eq!(
        scenario::version_hash(&with),
        scenario::version_hash(&without)
    );
    // Retranslating, reformatting and re-commenting change nothing either.
    let retranslated = edited(&text, "El traje de boda perdido", "El traje perdido");
    let reformatted = edited(
        &text,
        "            title: \"El",
        "  // a comment\n title:\"El",
    );
    for changed in [retranslated, reformatted] {
        assert_eq!(
            scenario::version_hash(&load(&changed).0),
            scenario::version_hash(&with)
        );
    }
    // The original's words do count.
    let reworded = edited(&text, "Navy, three-piece.", "Navy, two-piece.");
    assert_ne!(
        scenario::version_hash(&load(&reworded).0),
        scenario::version_hash(&with)
    );
}

#[test]
fn the_version_covers_a_typed_turns_fallback_choices() {
    let text = fixture_text("translated");
    let base = scenario::version_hash(&translated());
    for (from, to) in [
        (
            "Don't worry, it'll turn up.",
            "Don't worry, it will turn up.",
        ),
        (
            "mood: 3,\n                    next: \"end_ok\"",
            "mood: 4,\n                    next: \"end_ok\"",
        ),
        (
            "trap: Some(OverPromising),\n                ),\n            ],\n        ),",
            "trap: Some(Minimising),\n                ),\n            ],\n        ),",
        ),
    ] {
        let changed = load(&edited(&text, from, to)).0;
        assert_ne!(scenario::version_hash(&changed), base, "{from:?} -> {to:?}");
    }
}

#[test]
fn a_localized_copy_keeps_its_originals_version() {
    let s = translated();
    let es = s.localized("es").expect("es");
    assert_ne!(es, s);
    assert_eq!(scenario::version_hash(&es), scenario::version_hash(&s));
}

#[test]
fn files_without_the_new_fields_keep_the_version_they_had() {
    // Computed by the build before `translations` and fallback `choices` existed: both
    // are left out of the canonical form when empty, so no shipped version moved.
    let (valid, _) = load(&fixture_text("valid"));
    assert_eq!(scenario::version_hash(&valid), "bc12971f1e24ee7d");
}

#[test]
fn a_spanish_attempt_offers_choices_at_the_typed_turn_and_scores_them_like_the_original() {
    let es = Arc::new(translated().localized("es").expect("es"));
    let mut s = Session::start(Arc::clone(&es), 3, 0).expect("start");
    let mut now = 0;
    let mut offered_at_t2 = None;
    loop {
        now += 5_000;
        match s.step().clone() {
            Step::Customer(line) => {
                assert!(!line.text.is_empty());
                s.proceed(now).expect("proceed");
            }
            Step::Choose(p) => {
                if p.node == "t2" {
                    offered_at_t2 = Some(p.options.clone());
                    assert!(
                        s.hint().is_some(),
                        "a hint is on offer at the offered choices"
                    );
                }
                // The strongest reply: the one authored first in both turns.
                let at = crate::util::shown_position(&s, 0);
                s.choose(at, now).expect("choose");
            }
            Step::Write(p) => panic!("{} should offer choices in Spanish", p.node),
            Step::Finished(d) => {
                assert_eq!(d.ending, "end_good");
                break;
            }
        }
    }
    let options = offered_at_t2.expect("t2 was reached");
    assert!(
        options
            .iter()
            .any(|o| o.starts_with("Lo siento, es error nuestro"))
    );
    let record = s
        .transcript()
        .iter()
        .find_map(|e| match e {
            turnaround::engine::Entry::Trainee(t) if t.node == "t2" => Some(t.clone()),
            _ => None,
        })
        .expect("t2 answered");
    assert!(matches!(record.reply, Reply::Choice { index: 0, .. }));
    assert_eq!(
        (
            record.levels.active_listening,
            record.levels.ownership,
            record.levels.exceeding_expectations
        ),
        (3, 4, 4),
        "the authored levels, as in any language"
    );
}

#[test]
fn fallback_choices_are_validated_like_any_choices() {
    let text = fixture_text("free-text");
    let with_one = edited(
        &text,
        "            model: \"A navy three-piece,",
        r#"            choices: [
                (
                    text: "",
                    levels: (active_listening: 5, ownership: 1, exceeding_expectations: 1),
                    feedback: "Only one.",
                    mood: 0,
                    next: "end_okk",
                ),
            ],
            model: "A navy three-piece,"#,
    );
    let found = problems(&with_one);
    has(
        &found,
        Severity::Error,
        "free-text turn `t2` offers 1 choices instead of typing; expected 2-4",
    );
    has(&found, Severity::Error, "active_listening level is 5");
    has(&found, Severity::Warning, "`text` is empty");
    let link = has(&found, Severity::Error, "`t2` links to `end_okk`");
    assert_eq!(link.help.as_deref(), Some("did you mean `end_ok`?"));
}

#[test]
fn a_translation_key_that_is_not_a_language_code_is_a_warning() {
    let text = edited(&fixture_text("translated"), "\"es\": (", "\"Spanish\": (");
    let found = problems(&text);
    let d = has(
        &found,
        Severity::Warning,
        "translation key `Spanish` is not a language code",
    );
    assert_eq!(
        d.line,
        text[..text.find("\"Spanish\"").expect("key")]
            .lines()
            .count()
    );
}

#[test]
fn a_translation_the_interface_cannot_pick_is_a_warning() {
    let text = edited(&fixture_text("translated"), "\"es\": (", "\"es-ES\": (");
    has(
        &problems(&text),
        Severity::Warning,
        "translation `es-ES` is not a language the interface offers (`en`, `es`)",
    );
    // The interface's own code draws no such warning.
    let fine = problems(&fixture_text("translated"));
    assert!(
        !fine
            .iter()
            .any(|d| d.message.contains("not a language the interface offers")),
        "{fine:?}"
    );
}

#[test]
fn a_translated_text_the_node_cannot_have_is_an_error() {
    let text = fixture_text("translated");
    let with_say = edited(
        &text,
        "prompt: \"Tomasz está en el mostrador",
        "say: \"Hola.\",\n                    prompt: \"Tomasz está en el mostrador",
    );
    let d = has(
        &problems(&with_say),
        Severity::Error,
        "gives node `t1` a `say`, but a Choice node has none",
    );
    assert_eq!(d.node.as_deref(), Some("t1"));
    let prompt_for_none = edited(
        &fixture_text("valid"),
        "    ],\n)",
        "    ],\n    translations: { \"es\": (texts: { \"t2\": (prompt: \"¿Y bien?\") }) },\n)",
    );
    has(
        &problems(&prompt_for_none),
        Severity::Error,
        "gives node `t2` a `prompt`, but the original has none",
    );
}

#[test]
fn a_scenario_without_translations_reports_nothing_about_them() {
    for name in ["valid", "free-text"] {
        let (s, found) = load(&fixture_text(name));
        assert!(
            found.iter().all(|d| !d.message.contains("translation")),
            "{found:#?}"
        );
        assert!(s.localized("es").is_none());
    }
}
