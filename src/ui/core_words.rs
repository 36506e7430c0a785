//! The interface's words for sentences the core writes in English: the reply scorer's
//! evidence reasons, tip, feedback and notices (`scoring`), the PIN refusals (`access`)
//! and the sound notices (`audio`). The core keeps its English, which `turnaround score`
//! prints as documented JSON and the records store; the views translate here, as they
//! draw, so a change of language shows at once, old records included.
//!
//! Each function reads the core's sentence against tables of the exact fixed phrases the
//! core writes (each table names the code it mirrors) and says it again through a message
//! in `assets/i18n/<language>/core.ftl`. What the trainee typed, quoted inside a reason,
//! and what the system said, inside a notice, are kept as they are. A sentence that
//! matches nothing comes back unchanged: never a panic, never a lost word.
//! `tests/core_words.rs` keeps the tables true to the core. Nothing here may change what
//! the core writes.

use crate::i18n::{self, FluentArgs};
use crate::scenario::Dimension;
use crate::ui::labels;

/// The scorer's evidence phrases, each with its message. From `src/scoring.rs`: the
/// `note_hits` calls in `Judge::listening`, `Judge::ownership` and
/// `Judge::exceeding_level`; the `format!`s in the `note` closures of `listening`,
/// `hinted_facts`, `parroting`, `open_questions`, `ownership`, `forbidden` and
/// `exceeding_level`; and `blame_reason`. A reason is a phrase, then `: '<the reply's
/// words>'` or ` (<a count>)`.
pub const REASONS: &[(&str, &str)] = &[
    // Active listening.
    ("restated", "core-reason-restated"),
    ("restated a fact", "core-reason-restated-fact"),
    ("named the feeling or impact", "core-reason-named-feeling"),
    ("checked understanding", "core-reason-checked-understanding"),
    ("asked an open question", "core-reason-open-question"),
    (
        "too many questions at once",
        "core-reason-too-many-questions",
    ),
    (
        "generic acknowledgement",
        "core-reason-generic-acknowledgement",
    ),
    ("dismissive", "core-reason-dismissive"),
    ("argued with the customer", "core-reason-argued"),
    (
        "changed the subject to a sale",
        "core-reason-changed-subject",
    ),
    (
        "repeated the customer's words verbatim",
        "core-reason-repeated-verbatim",
    ),
    // Ownership.
    ("blame shifted to policy", "core-reason-blame-policy"),
    ("blame shifted to the system", "core-reason-blame-system"),
    (
        "blame shifted to the customer",
        "core-reason-blame-customer",
    ),
    ("blame shifted to a supplier", "core-reason-blame-supplier"),
    (
        "blame shifted to another department",
        "core-reason-blame-department",
    ),
    (
        "blame shifted to a colleague",
        "core-reason-blame-colleague",
    ),
    ("denied responsibility", "core-reason-denied-responsibility"),
    ("hedged apology", "core-reason-hedged-apology"),
    ("apology undercut by 'but'", "core-reason-apology-undercut"),
    ("apologised", "core-reason-apologised"),
    ("excuse", "core-reason-excuse"),
    (
        "accepted responsibility",
        "core-reason-accepted-responsibility",
    ),
    ("hedged commitment", "core-reason-hedged-commitment"),
    ("committed to act", "core-reason-committed"),
    ("put a time or a name on it", "core-reason-time-or-name"),
    ("over-promised", "core-reason-over-promised"),
    (
        "promised what staff must not",
        "core-reason-forbidden-promise",
    ),
    // Exceeding expectations.
    ("refused help", "core-reason-refused-help"),
    ("fixed the problem", "core-reason-fixed"),
    ("vague help", "core-reason-vague-help"),
    ("goodwill gesture", "core-reason-goodwill-gesture"),
    ("tailored extra", "core-reason-tailored-extra"),
    ("unexpected personal touch", "core-reason-personal-touch"),
    ("prevention for next time", "core-reason-prevention"),
    ("upsell, not a remedy", "core-reason-upsell"),
    ("offered the fix they expect", "core-reason-expected-fix"),
    (
        "offered something made for them",
        "core-reason-made-for-them",
    ),
];

/// `Assessment::tip` when every level is top and nothing cost points.
pub const TOP_MARKS: (&str, &str) = (
    "Top marks on all three: listening, ownership and going beyond. Keep replies like this one.",
    "core-tip-top-marks",
);

/// The tips of `Assessment::tip` for the weakest dimension's level, when nothing there
/// cost points; the tip reads `<dimension>: <tip>`.
pub const TIPS: &[(&str, &str)] = &[
    (
        "Give the customer's key facts back in your own words before anything else.",
        "core-tip-listening-facts",
    ),
    (
        "Restate what happened and name how it left them feeling, in your own words.",
        "core-tip-listening-feeling",
    ),
    (
        "Check you have understood: ask one open question, such as \"Have I got that right?\"",
        "core-tip-listening-check",
    ),
    (
        "Say sorry with no \"but\", and say plainly that it was your mistake.",
        "core-tip-ownership-apology",
    ),
    (
        "Add a concrete next step that you will take yourself: \"I'll ...\".",
        "core-tip-ownership-step",
    ),
    (
        "Put a time or a name on your promise: \"I'll call you myself by 5 pm.\"",
        "core-tip-ownership-time",
    ),
    (
        "Fix the problem fully, then add a goodwill gesture.",
        "core-tip-exceeding-gesture",
    ),
    (
        "Swap the standard voucher for something made for this customer.",
        "core-tip-exceeding-tailored",
    ),
    (
        "Add a personal touch or a follow-up: a call to check, a note, or a change so it never happens again.",
        "core-tip-exceeding-personal",
    ),
];

/// What `fix_for` in `src/scoring.rs` advises after a reason that cost points; the tip
/// reads `<dimension>: you lost points for <reason>. <fix>`.
pub const FIXES: &[(&str, &str)] = &[
    (
        "Whoever's fault it was inside the company, to the customer it is yours: own it.",
        "core-fix-blame",
    ),
    (
        "Apologise for what happened, not for how they feel or \"any inconvenience\".",
        "core-fix-hedged-apology",
    ),
    (
        "Drop the \"but\" and the excuse; a plain apology lands better.",
        "core-fix-undercut",
    ),
    (
        "Let the customer's feelings stand; acknowledge them instead of correcting them.",
        "core-fix-dismissive",
    ),
    (
        "Paraphrase in your own words rather than repeating theirs.",
        "core-fix-repeated",
    ),
    (
        "Offer what you can do, even if it is not what they asked for.",
        "core-fix-refused",
    ),
    (
        "Solve their problem before anything else; never sell to an upset customer.",
        "core-fix-upsell",
    ),
    ("Ask one open question at a time.", "core-fix-questions"),
    (
        "Promise only what you can personally make happen.",
        "core-fix-promised",
    ),
    (
        "Replace \"I'll try\" with a concrete step and a time.",
        "core-fix-vague",
    ),
    ("Aim for the rubric's next level.", "core-fix-next-level"),
];

/// `Assessment::feedback` when nothing earned or cost points and there is no notice.
pub const NOTHING_FOUND: (&str, &str) = (
    "Nothing in this reply listens, owns the problem or fixes it.",
    "core-feedback-nothing",
);

/// A sentence with holes: `{name}` stands for words the core puts in, passed to the
/// message as the variable `name`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// The core's English, with `{name}` for each hole.
    pub english: &'static str,
    /// The message that says it, with a variable for each hole.
    pub key: &'static str,
}

const fn shape(english: &'static str, key: &'static str) -> Shape {
    Shape { english, key }
}

/// The scorer's notices: `Scorer::assess` in `src/scoring.rs` (the empty reply, no
/// words, not English, and a reply cut to `MAX_SCORED_BYTES`).
pub const SCORER_NOTICES: &[Shape] = &[
    shape(
        "The reply is empty: there is nothing to score.",
        "core-notice-empty",
    ),
    shape(
        "The reply has no words to score (only symbols or emoji).",
        "core-notice-no-words",
    ),
    shape(
        "This reply does not look like English, the only language the scorer reads, so it was not scored.",
        "core-notice-not-english",
    ),
    shape(
        "Only the first {shown} characters of this {total}-character reply were scored.",
        "core-notice-cut",
    ),
];

/// The PIN refusals: `Verdict::message` in `src/access.rs`; the same with "recovery code"
/// for "PIN" (`Access::reset_with_recovery_code`); the current manager PIN refused
/// (`Access::change_manager_pin`); and the `AccessError`s the PIN screen shows
/// (`BadPin`, `AlreadySet`).
pub const PIN_MESSAGES: &[Shape] = &[
    shape("That PIN is not right.", "core-pin-wrong"),
    shape(
        "That PIN is not right. Too many wrong tries: wait {seconds} s before the next one.",
        "core-pin-wrong-wait",
    ),
    shape(
        "Too many wrong tries. Wait {seconds} s, then try again.",
        "core-pin-locked",
    ),
    shape(
        "The PIN cannot be checked now: {why}",
        "core-pin-unavailable",
    ),
    shape("That recovery code is not right.", "core-code-wrong"),
    shape(
        "That recovery code is not right. Too many wrong tries: wait {seconds} s before the next one.",
        "core-code-wrong-wait",
    ),
    shape(
        "The recovery code cannot be checked now: {why}",
        "core-code-unavailable",
    ),
    shape(
        "the current manager PIN: {message}",
        "core-pin-current-manager",
    ),
    shape("a PIN is {min}-{max} digits", "core-pin-digits"),
    shape(
        "the {role} PIN is already set; only the manager can change it",
        "core-pin-already-set",
    ),
];

/// The sound notices: `Audio::open` in `src/audio.rs`.
pub const SOUND_NOTICES: &[Shape] = &[
    shape(
        "No sound device ({error}); Turnaround will run silently.",
        "core-sound-no-device",
    ),
    shape(
        "Sound could not start ({error}); Turnaround will run silently.",
        "core-sound-not-started",
    ),
    shape(
        "Could not play a voice clip: {error}",
        "core-sound-clip-failed",
    ),
];

/// Holes whose words must be a number.
const NUMBERS: &[&str] = &["shown", "total", "seconds", "min", "max"];

/// A reason's words after its phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tail<'a> {
    None,
    /// `: '<words>'`: the reply's own words.
    Quote(&'a str),
    /// ` (<n>)`.
    Count(&'a str),
}

/// One evidence reason, read.
#[derive(Debug, Clone, Copy)]
struct Reason<'a> {
    key: &'static str,
    tail: Tail<'a>,
}

impl Reason<'_> {
    fn say(&self) -> String {
        let phrase = i18n::t(self.key);
        match self.tail {
            Tail::None => phrase,
            Tail::Quote(words) => say(
                "core-reason-quoted",
                &[("phrase", &phrase), ("words", words)],
            ),
            Tail::Count(n) => say("core-reason-counted", &[("phrase", &phrase), ("count", n)]),
        }
    }
}

/// The message `key` with string arguments, in the language in force.
fn say(key: &str, args: &[(&str, &str)]) -> String {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        fluent.set(*name, *value);
    }
    i18n::t_with(key, Some(&fluent))
}

fn number(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// The phrases `s` starts with, longest first ("restated a fact" before "restated").
fn phrases_at(s: &str) -> Vec<(&'static str, &'static str)> {
    let mut found: Vec<(&str, &str)> = REASONS
        .iter()
        .copied()
        .filter(|(p, _)| s.starts_with(p))
        .collect();
    found.sort_by_key(|(p, _)| std::cmp::Reverse(p.len()));
    found
}

/// `s` as exactly one reason.
fn read_reason(s: &str) -> Option<Reason<'_>> {
    phrases_at(s).into_iter().find_map(|(p, key)| {
        let rest = &s[p.len()..];
        let tail = if rest.is_empty() {
            Tail::None
        } else if let Some(quoted) = rest.strip_prefix(": '")
            && let Some(words) = quoted.strip_suffix('\'')
        {
            Tail::Quote(words)
        } else if let Some(n) = rest
            .strip_prefix(" (")
            .and_then(|r| r.strip_suffix(')'))
            .filter(|n| number(n))
        {
            Tail::Count(n)
        } else {
            return None;
        };
        Some(Reason { key, tail })
    })
}

/// The ways a reason's tail can end in `rest` (what follows its phrase): the tail, and
/// what is left after it. A quote may hold apostrophes, so each one is a candidate end.
fn tails(rest: &str) -> Vec<(Tail<'_>, &str)> {
    let mut out = vec![(Tail::None, rest)];
    if let Some(quoted) = rest.strip_prefix(": '") {
        out.extend(
            quoted
                .match_indices('\'')
                .map(|(i, _)| (Tail::Quote(&quoted[..i]), &quoted[i + 1..])),
        );
    }
    if let Some(counted) = rest.strip_prefix(" (")
        && let Some(end) = counted.find(')')
        && number(&counted[..end])
    {
        out.push((Tail::Count(&counted[..end]), &counted[end + 1..]));
    }
    out
}

/// `s` as reasons joined by "; ", as `Assessment::feedback` joins them (at most three).
fn read_reasons(s: &str, room: usize) -> Option<Vec<Reason<'_>>> {
    if room == 0 {
        return None;
    }
    for (phrase, key) in phrases_at(s) {
        let rest = &s[phrase.len()..];
        for (tail, after) in tails(rest) {
            let reason = Reason { key, tail };
            if after.is_empty() {
                return Some(vec![reason]);
            }
            if let Some(next) = after.strip_prefix("; ")
                && let Some(mut more) = read_reasons(next, room - 1)
            {
                more.insert(0, reason);
                return Some(more);
            }
        }
    }
    None
}

/// The words in `s` where `shape`'s holes are, when `s` has that shape.
fn read_shape<'s>(shape: &Shape, s: &'s str) -> Option<Vec<(&'static str, &'s str)>> {
    // Literal parts and hole names, alternating: "No sound device (", "error", "); ...".
    let mut literals = Vec::new();
    let mut holes = Vec::new();
    let mut rest = shape.english;
    while let Some(open) = rest.find('{') {
        let close = open + rest[open..].find('}')?;
        literals.push(&rest[..open]);
        holes.push(&rest[open + 1..close]);
        rest = &rest[close + 1..];
    }
    literals.push(rest);
    let (first, others) = literals.split_first()?;
    let mut s = s.strip_prefix(first)?;
    let mut found = Vec::new();
    for (i, (hole, literal)) in holes.iter().zip(others).enumerate() {
        let last = i + 1 == holes.len();
        let at = if last {
            s.len().checked_sub(literal.len())?
        } else {
            s.find(literal)?
        };
        let (words, after) = s.split_at_checked(at)?;
        if !after.starts_with(literal) || (NUMBERS.contains(hole) && !number(words)) {
            return None;
        }
        found.push((*hole, words));
        s = &after[literal.len()..];
    }
    s.is_empty().then_some(found)
}

/// `s` said through the first of `shapes` it has, with `inner` applied to the words in
/// the `message` hole (a message inside a message).
fn say_shape(shapes: &[Shape], s: &str, inner: impl Fn(&str) -> String) -> Option<String> {
    shapes.iter().find_map(|shape| {
        let holes = read_shape(shape, s)?;
        let inner_said: Vec<(&str, String)> = holes
            .iter()
            .map(|(name, words)| {
                let said = if *name == "message" {
                    inner(words)
                } else {
                    (*words).to_string()
                };
                (*name, said)
            })
            .collect();
        let args: Vec<(&str, &str)> = inner_said.iter().map(|(n, w)| (*n, w.as_str())).collect();
        Some(say(shape.key, &args))
    })
}

/// One piece of evidence's reason, in the interface's language; the trainee's quoted
/// words stay as they typed them.
pub fn evidence_reason(reason: &str) -> String {
    read_reason(reason).map_or_else(|| reason.to_string(), |r| r.say())
}

/// `Assessment::tip` in the interface's language.
pub fn tip(tip: &str) -> String {
    read_tip(tip).unwrap_or_else(|| tip.to_string())
}

fn read_tip(tip: &str) -> Option<String> {
    if tip == TOP_MARKS.0 {
        return Some(i18n::t(TOP_MARKS.1));
    }
    let (dimension, rest) = Dimension::ALL.iter().find_map(|d| {
        let rest = tip.strip_prefix(d.label())?.strip_prefix(": ")?;
        Some((*d, rest))
    })?;
    let dimension = labels::dimension(dimension);
    if let Some((_, key)) = TIPS.iter().find(|(english, _)| *english == rest) {
        return Some(say(
            "core-tip",
            &[("dimension", &dimension), ("tip", &i18n::t(key))],
        ));
    }
    let lost = rest.strip_prefix("you lost points for ")?;
    FIXES.iter().find_map(|(fix, key)| {
        let reason = lost.strip_suffix(fix)?.strip_suffix(". ")?;
        Some(say(
            "core-tip-lost-points",
            &[
                ("dimension", &dimension),
                ("reason", &evidence_reason(reason)),
                ("fix", &i18n::t(key)),
            ],
        ))
    })
}

/// `Assessment::feedback` (a typed reply's one sentence) in the interface's language.
pub fn feedback(feedback: &str) -> String {
    read_feedback(feedback).unwrap_or_else(|| feedback.to_string())
}

fn read_feedback(feedback: &str) -> Option<String> {
    if feedback == NOTHING_FOUND.0 {
        return Some(i18n::t(NOTHING_FOUND.1));
    }
    if let Some(notice) = say_shape(SCORER_NOTICES, feedback, str::to_string) {
        return Some(notice);
    }
    // The reasons, joined by "; ", the first capitalised, and a full stop.
    let joined = feedback.strip_suffix('.')?;
    let mut chars = joined.chars();
    let first = chars.next()?;
    let joined = format!("{}{}", first.to_lowercase(), chars.as_str());
    let reasons = read_reasons(&joined, 3)?;
    let said: Vec<String> = reasons.iter().map(Reason::say).collect();
    Some(capitalised(&said.join("; ")) + ".")
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |c| {
        c.to_uppercase().collect::<String>() + chars.as_str()
    })
}

/// A notice of the reply scorer (`Assessment::notice`) in the interface's language.
pub fn scorer_notice(notice: &str) -> String {
    say_shape(SCORER_NOTICES, notice, str::to_string).unwrap_or_else(|| notice.to_string())
}

/// A PIN refusal (`Verdict::message`, and the PIN errors the PIN screen shows) in the
/// interface's language. The app may add a full stop to an error; that is kept.
pub fn pin_message(message: &str) -> String {
    read_pin(message)
        .or_else(|| {
            let bare = message.strip_suffix('.')?;
            Some(read_pin(bare)? + ".")
        })
        .unwrap_or_else(|| message.to_string())
}

fn read_pin(message: &str) -> Option<String> {
    say_shape(PIN_MESSAGES, message, pin_message)
}

/// A sound notice (`Audio`) in the interface's language; the system's own error stays
/// as it said it.
pub fn sound_notice(notice: &str) -> String {
    say_shape(SOUND_NOTICES, notice, str::to_string).unwrap_or_else(|| notice.to_string())
}

/// Any notice the app shows in its notice bar that the core wrote: a scorer or a sound
/// notice, in the interface's language; anything else unchanged.
pub fn notice(notice: &str) -> String {
    say_shape(SCORER_NOTICES, notice, str::to_string)
        .or_else(|| say_shape(SOUND_NOTICES, notice, str::to_string))
        .unwrap_or_else(|| notice.to_string())
}
