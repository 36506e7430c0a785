//! The interface's words for the core's values (dimensions, emotions, traps, outcomes,
//! difficulties, readiness, hints), in the person's language. The core keeps English
//! labels for the terminal and exports; views use these.

use crate::engine::HintLine;
use crate::scenario::{Difficulty, Dimension, Emotion, Outcome, Trap};
use crate::standards::Readiness;
use crate::tr;

/// "Active listening", "Escucha activa", ...
pub fn dimension(d: Dimension) -> String {
    match d {
        Dimension::ActiveListening => tr!("dimension-active-listening"),
        Dimension::Ownership => tr!("dimension-ownership"),
        Dimension::ExceedingExpectations => tr!("dimension-exceeding-expectations"),
    }
}

/// "angry", "enfadado", ... (lower case, to follow other words).
pub fn emotion(e: Emotion) -> String {
    match e {
        Emotion::Furious => tr!("emotion-furious"),
        Emotion::Angry => tr!("emotion-angry"),
        Emotion::Frustrated => tr!("emotion-frustrated"),
        Emotion::Upset => tr!("emotion-upset"),
        Emotion::Anxious => tr!("emotion-anxious"),
        Emotion::Sceptical => tr!("emotion-sceptical"),
        Emotion::Neutral => tr!("emotion-neutral"),
        Emotion::Calmer => tr!("emotion-calmer"),
        Emotion::Relieved => tr!("emotion-relieved"),
        Emotion::Pleased => tr!("emotion-pleased"),
        Emotion::Delighted => tr!("emotion-delighted"),
    }
}

/// A trap's name.
pub fn trap(t: Trap) -> String {
    match t {
        Trap::UndercutApology => tr!("trap-undercut-apology"),
        Trap::HidesBehindPolicy => tr!("trap-hides-behind-policy"),
        Trap::BlameShift => tr!("trap-blame-shift"),
        Trap::OfferWithoutApology => tr!("trap-offer-without-apology"),
        Trap::Parroting => tr!("trap-parroting"),
        Trap::TonePolicing => tr!("trap-tone-policing"),
        Trap::Minimising => tr!("trap-minimising"),
        Trap::OverPromising => tr!("trap-over-promising"),
    }
}

/// An outcome's name.
pub fn outcome(o: Outcome) -> String {
    match o {
        Outcome::Lost => tr!("outcome-lost"),
        Outcome::Recovered => tr!("outcome-recovered"),
        Outcome::Advocate => tr!("outcome-advocate"),
    }
}

/// A difficulty's name.
pub fn difficulty(d: Difficulty) -> String {
    match d {
        Difficulty::Beginner => tr!("difficulty-beginner"),
        Difficulty::Intermediate => tr!("difficulty-intermediate"),
        Difficulty::Advanced => tr!("difficulty-advanced"),
    }
}

/// Readiness as a short state in words.
pub fn readiness(r: &Readiness) -> String {
    match r {
        Readiness::Ready => tr!("readiness-ready"),
        Readiness::NotYet { passed, to_pass } => tr!(
            "readiness-not-yet",
            passed = passed.len(),
            total = passed.len() + to_pass.len()
        ),
        Readiness::NothingRequired => tr!("readiness-nothing-required"),
    }
}

/// One line of a practice hint.
pub fn hint(line: &HintLine) -> String {
    match line {
        HintLine::Listen => tr!("hint-listen"),
        HintLine::Own => tr!("hint-own"),
        HintLine::Traps(traps) => {
            let names: Vec<String> = traps.iter().map(|t| trap(*t).to_lowercase()).collect();
            tr!("hint-traps", traps = names.join(", "))
        }
        HintLine::Strongest(d) => tr!("hint-strongest", dimension = dimension(*d).to_lowercase()),
        HintLine::Facts(facts) => tr!("hint-facts", facts = facts.join("; ")),
        HintLine::Fix(fixes) => tr!("hint-fix", fixes = fixes.join("; ")),
        HintLine::Avoid(phrases) => tr!("hint-avoid", phrases = phrases.join("; ")),
        HintLine::Exceed => tr!("hint-exceed"),
    }
}
