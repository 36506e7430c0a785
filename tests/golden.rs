//! Golden transcripts: the best and the worst path through every shipped scenario, at a
//! fixed seed and a fixed reply time. `UPDATE_GOLDEN=1` rewrites them for review.

use std::fmt::Write;
use std::sync::Arc;

use turnaround::engine::{Entry, Reply, Session, Step, TextAssessment};
use turnaround::library;
use turnaround::scenario::{Choice, Dimension, Node, Scenario};
use turnaround::scoring::{ReplyInput, Scorer};

use crate::util::{data, golden};

const SEED: u64 = 42;
/// What the worst path types at every free-text turn.
const WORST_TYPED: &str =
    "Sorry for any inconvenience, but that's company policy and there's nothing I can do.";
const REPLY_MS: u64 = 8_000;

fn level_sum(c: &Choice) -> u32 {
    Dimension::ALL
        .iter()
        .map(|d| u32::from(c.levels.get(*d)))
        .sum()
}

/// Plays to the end, at each turn picking the option `better` prefers.
fn play(scenario: &Arc<Scenario>, best: bool) -> Session {
    let mut s = Session::start(Arc::clone(scenario), SEED, 0).expect("start");
    let mut now = 0;
    for _ in 0..500 {
        now += REPLY_MS;
        match s.step().clone() {
            Step::Customer(_) => {
                s.proceed(now).expect("proceed");
            }
            Step::Choose(p) => {
                let Some(Node::Choice(turn)) = scenario.node(&p.node) else {
                    panic!("choice node")
                };
                let key = |shown: &String| {
                    let c = turn
                        .choices
                        .iter()
                        .find(|c| &c.text == shown)
                        .expect("shown choice exists");
                    (level_sum(c), c.mood)
                };
                let pick = (0..p.options.len())
                    .max_by_key(|&i| {
                        let (sum, mood) = key(&p.options[i]);
                        if best {
                            (sum as i64, mood as i64)
                        } else {
                            (-(sum as i64), -(mood as i64))
                        }
                    })
                    .expect("options");
                s.choose(pick, now).expect("choose");
            }
            Step::Write(p) => {
                // The best path types the turn's model answer; the worst, a classic
                // brush-off. Both are judged by the real scorer.
                let Some(Node::FreeText(turn)) = scenario.node(&p.node) else {
                    panic!("free-text node")
                };
                let reply = if best {
                    turn.model.clone()
                } else {
                    WORST_TYPED.to_string()
                };
                let a = Scorer::default().assess(&ReplyInput {
                    customer: &p.customer_said,
                    reply: &reply,
                    hints: Some(&turn.hints),
                });
                s.write(&reply, TextAssessment::from_scorer(&a), now)
                    .expect("write");
            }
            Step::Finished(_) => return s,
        }
    }
    panic!("{}: no ending after 500 steps", scenario.id)
}

/// The transcript as a person reads it.
pub fn render(scenario: &Scenario, s: &Session) -> String {
    let mut out = String::new();
    let name = &scenario.customer.name;
    for entry in s.transcript() {
        match entry {
            Entry::Customer { line, .. } => {
                let _ = writeln!(out, "{name} ({}): {}", line.emotion.label(), line.text);
            }
            Entry::Trainee(t) => {
                let trap = match &t.reply {
                    Reply::Choice {
                        trap: Some(trap), ..
                    } => format!(" [trap: {}]", trap.label()),
                    _ => String::new(),
                };
                let _ = writeln!(out, "  You: {}{trap}", t.reply.text());
                let _ = writeln!(
                    out,
                    "    levels AL {} / OW {} / EE {}; mood {:.1} -> {:.1}, loyalty {:.1}",
                    t.levels.active_listening,
                    t.levels.ownership,
                    t.levels.exceeding_expectations,
                    t.mood_before,
                    t.mood_after,
                    t.loyalty_after
                );
                let _ = writeln!(out, "    why: {}", t.feedback);
            }
        }
    }
    if let Step::Finished(d) = s.step() {
        let _ = writeln!(
            out,
            "== ending {} (intends {}): outcome {}, loyalty {:.1}; AL {:.1} OW {:.1} EE {:.1} overall {:.1} {}",
            d.ending,
            d.intended.label(),
            d.outcome.label(),
            d.loyalty,
            d.scores.active_listening,
            d.scores.ownership,
            d.scores.exceeding_expectations,
            d.overall,
            if d.passed { "PASS" } else { "FAIL" }
        );
    }
    out
}

#[test]
fn best_and_worst_paths_through_every_shipped_scenario() {
    let checked = library::check_builtins();
    assert!(
        checked.len() >= 8,
        "expected the eight shipped scenarios, found {}",
        checked.len()
    );
    for c in checked {
        let scenario = Arc::new(
            c.scenario
                .unwrap_or_else(|| panic!("{} has errors", c.source.name)),
        );
        for (best, label) in [(true, "best"), (false, "worst")] {
            let session = play(&scenario, best);
            let text = render(&scenario, &session);
            golden(&data(&format!("golden/{}-{label}.txt", scenario.id)), &text);
        }
        let best = play(&scenario, true);
        let worst = play(&scenario, false);
        let (Step::Finished(b), Step::Finished(w)) = (best.step(), worst.step()) else {
            unreachable!()
        };
        assert!(
            b.overall > w.overall,
            "{}: best path must outscore worst",
            scenario.id
        );
        assert!(
            b.passed,
            "{}: the best path should pass (overall {:.1})",
            scenario.id, b.overall
        );
        assert!(!w.passed, "{}: the worst path should fail", scenario.id);
    }
}

/// The same two paths through every shipped translation: the localized copy the app
/// plays, with typed turns offered as choices where the scorer cannot read the language.
#[test]
fn best_and_worst_paths_through_every_shipped_translation() {
    let mut played = 0;
    for c in library::check_builtins() {
        let original = c
            .scenario
            .unwrap_or_else(|| panic!("{} has errors", c.source.name));
        for language in original.translated_languages() {
            let scenario = Arc::new(original.localized(language).expect("translated"));
            played += 1;
            let mut overall = Vec::new();
            for (best, label) in [(true, "best"), (false, "worst")] {
                let session = play(&scenario, best);
                let text = render(&scenario, &session);
                golden(
                    &data(&format!("golden/{}.{language}-{label}.txt", scenario.id)),
                    &text,
                );
                let Step::Finished(d) = session.step() else {
                    unreachable!()
                };
                overall.push((d.overall, d.passed));
            }
            let [(best, best_passed), (worst, worst_passed)] = overall[..] else {
                unreachable!()
            };
            assert!(best > worst, "{} in {language}", scenario.id);
            assert!(
                best_passed,
                "{} in {language}: the best path passes",
                scenario.id
            );
            assert!(
                !worst_passed,
                "{} in {language}: the worst path fails",
                scenario.id
            );
        }
    }
    assert!(played >= 2, "at least two shipped scenarios are translated");
}
