//! Entry points for robustness testing: the fuzz targets in `fuzz/`, the mutation test,
//! and the regression test that replays every input the fuzzers ever crashed on all call
//! these. Each takes arbitrary bytes and must never panic or hang.

use std::sync::{Arc, OnceLock};

use crate::engine::{Session, Step, TextAssessment};
use crate::scoring::{ReplyInput, Scorer};

fn scorer() -> &'static Scorer {
    static SCORER: OnceLock<Scorer> = OnceLock::new();
    SCORER.get_or_init(Scorer::default)
}

/// Loads and validates bytes as a scenario file, renders the diagnostics, and plays a
/// scenario that loads a little way. Returns whether it loaded.
pub fn scenario(data: &[u8]) -> bool {
    let checked = crate::library::check_bytes("fuzz.ron", data.to_vec(), None);
    let rendered = crate::scenario::render(&checked.source, &checked.diagnostics);
    std::hint::black_box(rendered);
    let Some(s) = checked.scenario else {
        return false;
    };
    let _ = crate::scenario::version_hash(&s);
    let seed = u64::from(data.first().copied().unwrap_or(0));
    play(Arc::new(s), seed);
    true
}

/// Plays a scenario: the first choice each time, a plain typed reply, at most 60 steps.
fn play(scenario: Arc<crate::scenario::Scenario>, seed: u64) {
    let Ok(mut s) = Session::start(scenario, seed, 0) else {
        return;
    };
    for t in 1..60u64 {
        let ok = match s.step().clone() {
            Step::Customer(_) => s.proceed(t * 1000).is_ok(),
            Step::Choose(_) => s.choose(0, t * 1000).is_ok(),
            Step::Write(p) => {
                let reply = "I'm so sorry, that's on us. I'll fix it today.";
                let a = scorer().assess(&ReplyInput {
                    customer: &p.customer_said,
                    reply,
                    hints: None,
                });
                s.write(reply, TextAssessment::from_scorer(&a), t * 1000)
                    .is_ok()
            }
            Step::Finished(_) => false,
        };
        if !ok {
            break;
        }
    }
}

/// Scores bytes as a reply: everything before the first newline is the customer's line.
pub fn reply(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (customer, reply) = text.split_once('\n').unwrap_or(("", &text));
    let a = scorer().assess(&ReplyInput {
        customer,
        reply,
        hints: None,
    });
    for e in &a.evidence {
        // Evidence spans must be byte offsets inside the reply, on character boundaries.
        assert!(
            reply.get(e.start..e.end).is_some(),
            "evidence {}..{} outside the reply",
            e.start,
            e.end
        );
    }
    std::hint::black_box((a.tip(), a.feedback()));
}

/// Reads bytes as each kind of progress file, and derives everything the app derives
/// from an attempt that parses.
pub fn progress(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let _ = crate::progress::parse_profile(&text);
    let _ = crate::progress::parse_in_progress(&text);
    if let Ok(a) = crate::progress::parse_attempt(&text) {
        let row = crate::progress::AttemptRow::of(&a, "fuzz.ron");
        let turns = crate::progress::AttemptTurns::of(&a, "fuzz.ron");
        let cohort = crate::report::cohort([std::slice::from_ref(&row)]);
        let summary = crate::progress::summarise(std::slice::from_ref(&a), &["x"], 0);
        std::hint::black_box((turns, cohort, summary));
    }
}
