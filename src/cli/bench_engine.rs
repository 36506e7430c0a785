//! `bench-engine`: the scenario core on a generated 10,000-node scenario. Loading and
//! validating it, and stepping random playthroughs through it. Figures are printed,
//! never asserted.
//!
//! Instructions per step come from callgrind, which counts the same on a busy machine as
//! on an idle one. `step_once` is never inlined so that callgrind can count it alone:
//!
//! ```text
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='turnaround::cli::bench_engine::step_once' \
//!     target/release/turnaround bench-engine --steps 20000 --loads 0 --json
//! ```
//!
//! The total `Ir` divided by the `steps` printed is the instructions per step.

use std::sync::Arc;
use std::time::{Duration, Instant};

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};
use serde::Serialize;

use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE};
use crate::engine::{Session, Step};
use crate::library::{self, Checks};
use crate::scenario::{Scenario, SourceFile};

#[derive(Debug, Serialize)]
struct Figures {
    nodes: usize,
    /// Parse and validate, as the app loads a scenario: median and every run, in ms.
    load_validate_ms: f64,
    load_validate_runs: Vec<f64>,
    /// The same with the recovery lints, as `validate` and the trainer area check it.
    load_validate_lints_ms: f64,
    load_validate_lints_runs: Vec<f64>,
    /// Load + validate of the same file with one warning, which has to be located.
    load_validate_warning_ms: f64,
    load_validate_warning_runs: Vec<f64>,
    playthroughs: usize,
    steps: usize,
    /// Mean time of one step (a customer line passed or a reply picked), median of
    /// `rounds` rounds.
    step_ns: f64,
    step_ns_rounds: Vec<f64>,
    /// The mean length of a playthrough in steps.
    steps_per_playthrough: f64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The middle value (the mean of the two middle ones for an even count).
pub(super) fn median(values: &[f64]) -> f64 {
    let mut v = values.to_vec();
    v.sort_by(f64::total_cmp);
    match v.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => v[n / 2],
        n => (v[n / 2 - 1] + v[n / 2]) / 2.0,
    }
}

/// One step of a random playthrough: pass a customer line, or pick a reply at random.
/// Returns false once the conversation is over.
#[inline(never)]
pub fn step_once(session: &mut Session, rng: &mut ChaCha8Rng, now_ms: u64) -> bool {
    let result = match session.step() {
        Step::Customer(_) => session.proceed(now_ms).map(|_| ()),
        Step::Choose(prompt) => {
            let pick = rng.random_range(0..prompt.options.len());
            session.choose(pick, now_ms).map(|_| ())
        }
        // Generated scenarios have no typed turns; nothing else to step.
        Step::Write(_) | Step::Finished(_) => return false,
    };
    result.is_ok() && !matches!(session.step(), Step::Finished(_))
}

/// Plays random playthroughs until `steps` steps were taken. Returns (playthroughs,
/// steps, time spent stepping).
fn play(scenario: &Arc<Scenario>, steps: usize, seed: u64) -> (usize, usize, Duration) {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let (mut playthroughs, mut taken, mut spent) = (0, 0, Duration::ZERO);
    while taken < steps {
        let Ok(mut session) = Session::start(Arc::clone(scenario), rng.random(), 0) else {
            break;
        };
        playthroughs += 1;
        let started = Instant::now();
        let mut now = 0;
        loop {
            now += 1_000;
            taken += 1;
            if !step_once(&mut session, &mut rng, now) {
                break;
            }
        }
        spent += started.elapsed();
        std::hint::black_box(session.transcript().len());
    }
    (playthroughs, taken, spent)
}

/// Runs the benchmark; prints a table or JSON.
pub fn run(nodes: usize, loads: usize, steps: usize, rounds: usize, json: bool) -> i32 {
    if nodes < 5 || rounds == 0 {
        eprintln!("error: give at least 5 nodes and 1 round");
        return EXIT_USAGE;
    }
    let text = crate::generate::scenario_text(nodes, 1);
    // The same file with one node nothing links to: a warning, which the validator must
    // locate in the text (a clean file never needs that).
    let warned = text.replacen(
        "Ending(id: \"end_good\"",
        "Line(id: \"unlinked\", say: \"Hello?\", emotion: Neutral, next: \"end_ok\"),\n        Ending(id: \"end_good\"",
        1,
    );
    let check_text = |text: &str, checks| {
        let start = Instant::now();
        let checked =
            library::check_with(SourceFile::new("large.ron", text.to_string()), None, checks);
        (ms(start.elapsed()), checked)
    };
    let check = |checks| check_text(&text, checks);
    let (_, checked) = check(Checks::PlayOnly);
    let Some(scenario) = checked.scenario else {
        eprintln!("error: the generated scenario did not validate:");
        for d in checked.diagnostics.iter().take(5) {
            eprintln!("  {d}");
        }
        return EXIT_INPUT;
    };
    let load_validate_runs: Vec<f64> = (0..loads).map(|_| check(Checks::PlayOnly).0).collect();
    let load_validate_lints_runs: Vec<f64> = (0..loads).map(|_| check(Checks::Full).0).collect();
    let (_, once) = check_text(&warned, Checks::PlayOnly);
    if once.scenario.is_none() || once.diagnostics.len() != 1 {
        eprintln!(
            "error: the scenario with one warning gave {} diagnostics",
            once.diagnostics.len()
        );
        return EXIT_INPUT;
    }
    let warned_runs: Vec<f64> = (0..loads)
        .map(|_| check_text(&warned, Checks::PlayOnly).0)
        .collect();

    let scenario = Arc::new(scenario);
    let mut step_ns_rounds = Vec::new();
    let (mut playthroughs, mut taken) = (0, 0);
    for round in 0..rounds {
        let (p, s, spent) = play(&scenario, steps, round as u64);
        playthroughs += p;
        taken += s;
        step_ns_rounds.push(spent.as_secs_f64() * 1e9 / s.max(1) as f64);
    }
    let figures = Figures {
        nodes: scenario.nodes.len(),
        load_validate_ms: median(&load_validate_runs),
        load_validate_runs,
        load_validate_lints_ms: median(&load_validate_lints_runs),
        load_validate_lints_runs,
        load_validate_warning_ms: median(&warned_runs),
        load_validate_warning_runs: warned_runs,
        playthroughs,
        steps: taken,
        step_ns: median(&step_ns_rounds),
        step_ns_rounds,
        steps_per_playthrough: taken as f64 / playthroughs.max(1) as f64,
    };
    if json {
        println!(
            "{}",
            serde_json::to_string(&figures).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
        );
    } else {
        println!("Engine, one generated scenario of {} nodes:", figures.nodes);
        if loads > 0 {
            println!(
                "  load + validate (as the app loads it)  {:>9.1} ms median of {loads}",
                figures.load_validate_ms
            );
            println!(
                "  the same with one warning to locate    {:>9.1} ms median of {loads}",
                figures.load_validate_warning_ms
            );
            println!(
                "  load + validate + recovery lints       {:>9.1} ms median of {loads}",
                figures.load_validate_lints_ms
            );
        }
        println!(
            "  one step of a random playthrough       {:>9.0} ns median of {rounds} rounds ({} steps, {} playthroughs, {:.0} steps each)",
            figures.step_ns, figures.steps, figures.playthroughs, figures.steps_per_playthrough
        );
    }
    EXIT_OK
}
