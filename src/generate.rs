//! Generated scenarios for benchmarks: as many nodes as asked, valid, with branches.
//! Deterministic from the seed. Not content for trainees.

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

/// Tailored extras the generated model answers pick from.
const EXTRAS: &[&str] = &[
    "send a note with the replacement",
    "waive this month's fee",
    "book you the first slot on Monday",
    "call you next week to check",
    "add a spare part for next time",
];

/// RON text of a valid scenario with about `nodes` nodes: a chain of customer lines and
/// choice turns (three replies each, one of which may skip ahead), ending in three
/// endings.
pub fn scenario_text(nodes: usize, seed: u64) -> String {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let levels = (nodes.saturating_sub(3) / 2).max(1);
    let mut out = String::with_capacity(nodes * 420);
    out.push_str(&format!(
        r#"(
    format: 1,
    id: "generated-{nodes}-{seed}",
    title: "Generated {nodes}",
    industry: "Benchmark",
    summary: "A generated scenario for measuring.",
    difficulty: Intermediate,
    minutes: 5,
    customer: (
        name: "Gen",
        look: (skin: 2, hair: Bun, hair_colour: Grey, age: Senior),
        problem: "Generated.",
        wants: "Generated.",
        mood: 30,
        patience: 30,
        loyalty_baseline: 60,
        damage: 20,
    ),
    start: "l0",
    nodes: [
"#
    ));
    for i in 0..levels {
        let next_line = if i + 1 < levels {
            format!("l{}", i + 1)
        } else {
            "end_ok".to_string()
        };
        let skip = if i + 3 < levels {
            format!("l{}", i + rng.random_range(2..4))
        } else {
            "end_good".to_string()
        };
        out.push_str(&format!(
            "Line(id: \"l{i}\", say: \"Still waiting ({i}).\", emotion: Frustrated, next: \"c{i}\"),\n"
        ));
        out.push_str(&format!("Choice(id: \"c{i}\", choices: [\n"));
        // The last turn's worst reply loses the customer, so every ending is reachable.
        let worst = if i + 1 < levels {
            next_line.as_str()
        } else {
            "end_bad"
        };
        for (k, (next, mood, lv)) in [
            (next_line.as_str(), 4, 3),
            (skip.as_str(), 2, 2),
            (worst, -3, 0),
        ]
        .into_iter()
        .enumerate()
        {
            out.push_str(&format!(
                "(text: \"Reply {k}/{i}: sorry, I'll sort it.\", levels: (active_listening: {lv}, ownership: {lv}, exceeding_expectations: {lv}), feedback: \"Feedback {k}.\", mood: {mood}, next: \"{next}\"),\n"
            ));
        }
        // Model answers differ turn by turn, as real ones do, so nothing downstream can
        // get away with judging one text once.
        let extra = EXTRAS[rng.random_range(0..EXTRAS.len())];
        let hour = rng.random_range(1..7);
        out.push_str(&format!(
            "], model: \"{i} days waiting is exhausting; I'm sorry, we got this wrong. I'll fix it by {hour} pm and {extra}.\"),\n"
        ));
    }
    out.push_str(
        r#"        Ending(id: "end_good", say: "Thank you.", emotion: Delighted, intends: Advocate),
        Ending(id: "end_ok", say: "Fine.", emotion: Neutral, intends: Recovered),
        Ending(id: "end_bad", say: "Never again.", emotion: Furious, intends: Lost),
    ],
)
"#,
    );
    out
}
