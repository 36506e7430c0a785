//! The core's English said in the interface's language (`ui::core_words`): every fixed
//! phrase the scorer writes on the project's labelled replies has Spanish words, English
//! comes back word for word, the trainee's quoted words are kept, what is not known
//! passes through, and the tables still match the core's source.

use turnaround::access::{Access, AccessError, Verdict};
use turnaround::i18n::{self, Lang};
use turnaround::library::Library;
use turnaround::scenario::{Dimension, Hints, Node};
use turnaround::scoring::{Assessment, ReplyInput, Scorer};
use turnaround::ui::{core_words, labels};

use crate::util::{data, root};

/// One reply scored: the reply and what the scorer made of it.
struct Scored {
    reply: String,
    assessment: Assessment,
}

fn labelled(path: &std::path::Path) -> Vec<(String, String)> {
    crate::scoring::read_items(&path.to_path_buf())
        .into_iter()
        .map(|i| (i.customer, i.reply))
        .collect()
}

/// The project's labelled replies (and the shared dev set, when it is there), each
/// built-in typed turn answered with its model, its fixes, its delights and its forbidden
/// promises, and replies that bring out the rest: questions, notices.
fn corpus() -> Vec<Scored> {
    let scorer = Scorer::default();
    let score = |customer: &str, reply: &str, hints: Option<&Hints>| Scored {
        reply: reply.to_string(),
        assessment: scorer.assess(&ReplyInput {
            customer,
            reply,
            hints,
        }),
    };
    let mut out = Vec::new();
    let mut sets = vec![
        data("scoring/labelled.jsonl"),
        data("scoring/labelled-2.jsonl"),
    ];
    let shared = root().join("../shared/scoring/dev.jsonl");
    if shared.exists() {
        sets.push(shared);
    }
    for set in &sets {
        for (customer, reply) in labelled(set) {
            out.push(score(&customer, &reply, None));
        }
    }
    let library = Library::load(None);
    assert!(!library.entries.is_empty(), "the built-in scenarios load");
    for entry in &library.entries {
        let s = &entry.scenario;
        for node in &s.nodes {
            let Node::FreeText(turn) = node else {
                continue;
            };
            let customer = s
                .nodes
                .iter()
                .find_map(|n| match n {
                    Node::Line(l) if l.next == turn.id => Some(l.say.as_str()),
                    _ => None,
                })
                .unwrap_or_default();
            let h = Some(&turn.hints);
            out.push(score(customer, &turn.model, h));
            for fix in &turn.hints.fix {
                out.push(score(customer, &format!("I'm sorry. I'll {fix} today."), h));
            }
            for delight in &turn.hints.delight {
                out.push(score(customer, &format!("We would love to {delight}."), h));
            }
            for promise in &turn.hints.forbidden {
                out.push(score(customer, &format!("I promise {promise}."), h));
            }
        }
    }
    let customer = "You charged me twice and I've been on hold for an hour.";
    for reply in [
        "What happened exactly? What did the bank say? What would help most? How are you getting on?",
        "Calm down, it's only a small charge, sorry but our system does that.",
        "",
        "🙂🙂 !!",
        "Lo siento muchísimo, vamos a arreglarlo hoy mismo sin falta, te lo prometo.",
        &"I'm sorry you were charged twice. ".repeat(400),
    ] {
        out.push(score(customer, reply, None));
    }
    out
}

/// What the Spanish still holds of the core's English, once the trainee's own words
/// (every piece of evidence's text) are set aside: the English phrases found in it.
fn english_left(spanish: &str, assessment: &Assessment) -> Vec<&'static str> {
    let mut rest = spanish.to_string();
    let mut quotes: Vec<&str> = assessment
        .evidence
        .iter()
        .map(|e| e.text.as_str())
        .collect();
    quotes.sort_by_key(|q| std::cmp::Reverse(q.len()));
    for q in quotes {
        rest = rest.replace(q, "");
    }
    let phrases = core_words::REASONS
        .iter()
        .chain(core_words::TIPS)
        .chain(core_words::FIXES)
        .chain([&core_words::TOP_MARKS, &core_words::NOTHING_FOUND])
        .map(|(english, _)| *english)
        .chain(Dimension::ALL.map(Dimension::label))
        .chain(["you lost points for"]);
    phrases.filter(|p| rest.contains(p)).collect()
}

/// Everything the scorer wrote about one reply, with its language-neutral part.
fn core_sentences(a: &Assessment) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&str, String)> = a
        .evidence
        .iter()
        .map(|e| ("reason", e.reason.clone()))
        .collect();
    out.push(("tip", a.tip()));
    out.push(("feedback", a.feedback()));
    if let Some(n) = &a.notice {
        out.push(("notice", n.clone()));
    }
    out
}

fn said(kind: &str, english: &str) -> String {
    match kind {
        "reason" => core_words::evidence_reason(english),
        "tip" => core_words::tip(english),
        "feedback" => core_words::feedback(english),
        _ => core_words::scorer_notice(english),
    }
}

#[test]
fn every_phrase_the_scorer_writes_on_the_labelled_replies_is_said_in_spanish() {
    let corpus = corpus();
    assert!(
        corpus.len() > 250,
        "the labelled sets are read: {}",
        corpus.len()
    );
    i18n::set(Lang::Spanish);
    let mut untranslated = Vec::new();
    for s in &corpus {
        for (kind, english) in core_sentences(&s.assessment) {
            let spanish = said(kind, &english);
            let left = english_left(&spanish, &s.assessment);
            if spanish == english || !left.is_empty() {
                untranslated.push(format!("{kind} {english:?} -> {spanish:?} ({left:?})"));
            }
        }
    }
    i18n::set(Lang::English);
    assert!(
        untranslated.is_empty(),
        "{} sentences keep the core's English, e.g.:\n{}",
        untranslated.len(),
        untranslated[..untranslated.len().min(10)].join("\n")
    );
}

#[test]
fn the_labelled_replies_bring_out_every_phrase_in_the_tables() {
    // So the test above saw each table entry in use, and the tables hold nothing stale.
    let corpus = corpus();
    let seen = |phrase: &str| {
        corpus.iter().any(|s| {
            s.assessment.evidence.iter().any(|e| {
                e.reason == phrase
                    || e.reason.starts_with(&format!("{phrase}: '"))
                    || e.reason.starts_with(&format!("{phrase} ("))
            })
        })
    };
    let unseen: Vec<&str> = core_words::REASONS
        .iter()
        .map(|(p, _)| *p)
        .filter(|p| !seen(p))
        .collect();
    assert!(unseen.is_empty(), "never written on the corpus: {unseen:?}");
    let notices: Vec<String> = corpus
        .iter()
        .filter_map(|s| s.assessment.notice.clone())
        .collect();
    for shape in core_words::SCORER_NOTICES {
        let head = shape.english.split('{').next().unwrap_or_default();
        assert!(
            notices.iter().any(|n| n.starts_with(head)),
            "never written on the corpus: {:?}",
            shape.english
        );
    }
}

#[test]
fn english_comes_back_word_for_word() {
    i18n::set(Lang::English);
    for s in corpus() {
        for (kind, english) in core_sentences(&s.assessment) {
            assert_eq!(said(kind, &english), english, "{kind} for {:?}", s.reply);
        }
    }
    for (tip, _) in core_words::TIPS {
        for d in Dimension::ALL {
            let english = format!("{}: {tip}", d.label());
            assert_eq!(core_words::tip(&english), english);
        }
    }
    for (fix, _) in core_words::FIXES {
        let english = format!("Ownership: you lost points for excuse: 'the till was down'. {fix}");
        assert_eq!(core_words::tip(&english), english);
    }
    for (english, _) in [core_words::TOP_MARKS, core_words::NOTHING_FOUND] {
        assert_eq!(core_words::tip(english), english);
        assert_eq!(core_words::feedback(english), english);
    }
    for message in pin_messages() {
        assert_eq!(core_words::pin_message(&message), message);
        let stopped = format!("{message}.");
        assert_eq!(core_words::pin_message(&stopped), stopped);
    }
    for notice in sound_notices() {
        assert_eq!(core_words::sound_notice(&notice), notice);
        assert_eq!(core_words::notice(&notice), notice);
    }
}

#[test]
fn spanish_keeps_the_trainees_words_as_typed() {
    i18n::set(Lang::Spanish);
    assert_eq!(
        core_words::evidence_reason("apologised: 'I'm so sorry'"),
        "te disculpaste: «I'm so sorry»"
    );
    assert_eq!(
        core_words::evidence_reason("too many questions at once (3)"),
        "demasiadas preguntas a la vez (3)"
    );
    // Quotes that hold apostrophes and "; " still split where the reasons do.
    assert_eq!(
        core_words::feedback("Excuse: 'it's busy; sorry'; apologised: 'I'm sorry'."),
        "Excusa: «it's busy; sorry»; te disculpaste: «I'm sorry»."
    );
    assert_eq!(
        core_words::tip(
            "Ownership: you lost points for hedged apology: 'sorry if you feel'. Apologise for what happened, not for how they feel or \"any inconvenience\"."
        ),
        "Responsabilidad: perdiste puntos — disculpa a medias: «sorry if you feel». Discúlpate por lo que pasó, no por cómo se siente ni por «cualquier molestia»."
    );
    assert_eq!(
        core_words::tip(
            "Active listening: Give the customer's key facts back in your own words before anything else."
        ),
        format!(
            "{}: Antes que nada, devuelve al cliente los datos clave con tus propias palabras.",
            labels::dimension(Dimension::ActiveListening)
        )
    );
    assert_eq!(
        core_words::scorer_notice(
            "Only the first 8192 characters of this 9000-character reply were scored."
        ),
        "Solo se han puntuado los primeros 8192 caracteres de esta respuesta de 9000."
    );
    i18n::set(Lang::English);
}

/// Every PIN refusal the core writes, as the PIN screen gets it.
fn pin_messages() -> Vec<String> {
    let mut out: Vec<String> = [
        Verdict::Wrong { wait_ms: 0 },
        Verdict::Wrong { wait_ms: 5_000 },
        Verdict::Locked { wait_ms: 7_000 },
        Verdict::Unavailable("the access file is locked".into()),
    ]
    .iter()
    .filter_map(Verdict::message)
    .collect();
    out.push(AccessError::BadPin.to_string());
    out.push(AccessError::AlreadySet("trainer").to_string());
    let dir = tempfile::tempdir().expect("a temp dir");
    let mut access = Access::load(dir.path()).expect("a fresh access file");
    access
        .set_first_manager_pin("2468", 1_000)
        .expect("the first manager PIN");
    for attempt in 0..5 {
        match access.reset_with_recovery_code("NOT-THE-CODE", "1357", 2_000 + attempt) {
            Err(e) => out.push(e.to_string()),
            Ok(_) => panic!("a wrong recovery code is refused"),
        }
        if let Err(e) = access.change_manager_pin("0000", "1357", 3_000 + attempt) {
            out.push(e.to_string());
        }
    }
    out.sort();
    out.dedup();
    out
}

/// The sound notices as `audio.rs` writes them (the sound thread cannot be made to fail
/// here; `the_tables_match_the_cores_source` ties these shapes to that file).
fn sound_notices() -> Vec<String> {
    let e = "no default output device";
    vec![
        format!("No sound device ({e}); Turnaround will run silently."),
        format!("Sound could not start ({e}); Turnaround will run silently."),
        format!("Could not play a voice clip: {e}"),
    ]
}

#[test]
fn pin_and_sound_messages_are_said_in_spanish() {
    let messages = pin_messages();
    assert!(
        messages.iter().any(|m| m.contains("recovery code"))
            && messages.iter().any(|m| m.contains("Too many wrong tries"))
            && messages
                .iter()
                .any(|m| m.starts_with("the current manager PIN")),
        "the refusals are all there: {messages:?}"
    );
    i18n::set(Lang::Spanish);
    for message in &messages {
        let spanish = core_words::pin_message(message);
        assert_ne!(&spanish, message, "not said in Spanish");
        assert!(
            !["right", "tries", "digits", "already", "current"]
                .iter()
                .any(|w| spanish.contains(w)),
            "{message:?} -> {spanish:?}"
        );
    }
    assert_eq!(
        core_words::pin_message("Too many wrong tries. Wait 7 s, then try again."),
        "Demasiados intentos fallidos. Espera 7 s y vuelve a intentarlo."
    );
    // The app adds a full stop to an error that already has one: it is kept.
    assert_eq!(
        core_words::pin_message("That recovery code is not right.."),
        "Ese código de recuperación no es correcto.."
    );
    assert_eq!(
        core_words::pin_message("a PIN is 4-12 digits."),
        "un PIN tiene de 4 a 12 dígitos."
    );
    for notice in sound_notices() {
        let spanish = core_words::sound_notice(&notice);
        assert_ne!(spanish, notice);
        assert!(
            spanish.contains("no default output device"),
            "the system's words are kept: {spanish:?}"
        );
        assert_eq!(core_words::notice(&notice), spanish);
    }
    i18n::set(Lang::English);
}

#[test]
fn what_is_not_known_passes_through_unchanged() {
    let unknown = [
        "",
        "made a joke: 'knock knock'",
        "restated: 'the quote never closes",
        "restated (not a number)",
        "too many questions at once (3",
        "Ownership: you lost points for made a joke: 'x'. Aim for the rubric's next level.",
        "Ownership: an unheard-of tip.",
        "Made a joke; apologised: 'sorry'.",
        "The PIN cannot be checked",
        "Only the first many characters of this 9000-character reply were scored.",
        "Sound exploded.",
        "ééé 🙂 '",
    ];
    for lang in Lang::ALL {
        i18n::set(lang);
        for s in unknown {
            assert_eq!(core_words::evidence_reason(s), s, "{lang:?}");
            assert_eq!(core_words::feedback(s), s, "{lang:?}");
            assert_eq!(core_words::scorer_notice(s), s, "{lang:?}");
            assert_eq!(core_words::pin_message(s), s, "{lang:?}");
            assert_eq!(core_words::sound_notice(s), s, "{lang:?}");
            assert_eq!(core_words::notice(s), s, "{lang:?}");
            if s != "Ownership: you lost points for made a joke: 'x'. Aim for the rubric's next level."
            {
                assert_eq!(core_words::tip(s), s, "{lang:?}");
            }
        }
    }
    // A tip around a reason it does not know: the rest is said, the reason kept whole.
    i18n::set(Lang::Spanish);
    let tip = core_words::tip(
        "Ownership: you lost points for made a joke: 'x'. Aim for the rubric's next level.",
    );
    assert!(tip.contains("made a joke: 'x'"), "{tip}");
    assert!(tip.starts_with("Responsabilidad: "), "{tip}");
    i18n::set(Lang::English);
}

#[test]
fn every_message_the_tables_name_is_defined_in_both_languages() {
    let keys: Vec<&str> = core_words::REASONS
        .iter()
        .chain(core_words::TIPS)
        .chain(core_words::FIXES)
        .chain([&core_words::TOP_MARKS, &core_words::NOTHING_FOUND])
        .map(|(_, key)| *key)
        .chain(
            core_words::SCORER_NOTICES
                .iter()
                .chain(core_words::PIN_MESSAGES)
                .chain(core_words::SOUND_NOTICES)
                .map(|s| s.key),
        )
        .chain([
            "core-reason-quoted",
            "core-reason-counted",
            "core-tip",
            "core-tip-lost-points",
        ])
        .collect();
    for lang in Lang::ALL {
        let defined = i18n::keys(lang);
        let missing: Vec<&&str> = keys
            .iter()
            .filter(|k| !defined.iter().any(|d| d == *k))
            .collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
    // A shape's holes are its message's variables.
    for shape in core_words::SCORER_NOTICES
        .iter()
        .chain(core_words::PIN_MESSAGES)
        .chain(core_words::SOUND_NOTICES)
    {
        let mut holes: Vec<String> = shape
            .english
            .split('{')
            .skip(1)
            .filter_map(|h| h.split_once('}').map(|(name, _)| name.to_string()))
            .collect();
        holes.sort();
        assert_eq!(
            i18n::variables(Lang::English, shape.key),
            holes,
            "{}",
            shape.key
        );
    }
}

#[test]
fn the_tables_match_the_cores_source() {
    // The core's string literals, with `\"` read as `"`.
    let source = |file: &str| {
        std::fs::read_to_string(root().join("src").join(file))
            .expect("the core's source")
            .replace("\\\"", "\"")
    };
    let scoring = source("scoring.rs");
    for (phrase, _) in core_words::REASONS {
        assert!(
            [
                format!("\"{phrase}\""),
                format!("\"{phrase}: '"),
                format!("\"{phrase} ("),
            ]
            .iter()
            .any(|p| scoring.contains(p.as_str())),
            "src/scoring.rs no longer writes {phrase:?}"
        );
    }
    for (text, _) in core_words::TIPS
        .iter()
        .chain(core_words::FIXES)
        .chain([&core_words::TOP_MARKS, &core_words::NOTHING_FOUND])
    {
        assert!(
            scoring.contains(&format!("\"{text}\"")),
            "src/scoring.rs no longer writes {text:?}"
        );
    }
    assert!(scoring.contains("\"{}: you lost points for {}. {}\""));
    assert!(scoring.contains("format!(\"{}: {tip}\""));
    // Shapes: the words between the holes. The recovery code's refusals are the PIN's,
    // with the words swapped (`Access::reset_with_recovery_code`).
    let access = source("access.rs");
    assert!(access.contains("message.replace(\"PIN\", \"recovery code\")"));
    for (file, shapes) in [
        ("scoring.rs", core_words::SCORER_NOTICES),
        ("access.rs", core_words::PIN_MESSAGES),
        ("audio.rs", core_words::SOUND_NOTICES),
    ] {
        let text = source(file);
        for shape in shapes {
            let english = shape.english.replace("recovery code", "PIN");
            for part in english
                .split('{')
                .map(|p| p.split_once('}').map_or(p, |(_, rest)| rest))
                .filter(|p| !p.is_empty())
            {
                assert!(
                    text.contains(part),
                    "src/{file} no longer writes {part:?} ({})",
                    shape.key
                );
            }
        }
    }
}
