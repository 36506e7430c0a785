//! Generated scenarios for benchmarks: as many nodes as asked, valid, with branches.
//! Deterministic from the seed. Not content for trainees.

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

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
            "        Line(id: \"l{i}\", say: \"Line {i}: I am still waiting for this to be sorted.\", emotion: Frustrated, next: \"c{i}\"),\n"
        ));
        out.push_str(&format!("        Choice(id: \"c{i}\", choices: [\n"));
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
                "            (text: \"Reply {k} at {i}: I'm sorry, I'll sort it now.\", levels: (active_listening: {lv}, ownership: {lv}, exceeding_expectations: {lv}), feedback: \"Feedback {k}.\", mood: {mood}, next: \"{next}\"),\n"
            ));
        }
        out.push_str("        ], model: \"I'm sorry; I'll sort it now, myself.\"),\n");
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
