//! Made-up trainees and attempts, for demos, screenshots and scale tests.
//!
//! Seeded: the same seed, library and clock make the same data. Trainees pick the best
//! reply more often as their skill grows, and type replies of mixed quality. It writes
//! only through a `ProgressStore`, so tests can use the in-memory twin.

use std::sync::Arc;

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

use crate::engine::{Session, Step, TextAssessment};
use crate::library::Library;
use crate::progress::{AttemptKind, AttemptRecord, ProgressStore, StoreError};
use crate::scenario::Node;
use crate::scoring::{ReplyInput, Scorer};

/// Typed replies of every quality; the first two are good.
const REPLIES: &[&str] = &[
    "I'm so sorry, that's our mistake. I'll put it right myself by 5 pm today and call you to check it's sorted.",
    "That sounds really frustrating, and it's on us. I'll refund it now and add a voucher for the trouble.",
    "Sorry for any inconvenience, but that's our policy.",
    "I understand. We'll look into it and get back to you.",
    "Please calm down, there's nothing I can do about it.",
    "I'm sorry. I'll sort it out.",
];

const FIRST: &[&str] = &[
    "Aisha", "Ben", "Chloe", "Dev", "Elena", "Femi", "Grace", "Hugo", "Ines", "Jonas", "Kofi",
    "Lena", "Mateo", "Nora", "Omar", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Uma", "Victor",
    "Wen", "Yusuf",
];
const LAST: &[&str] = &[
    "Adeyemi", "Brown", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Haddad", "Ito", "Jones",
    "Kowalski", "Lopez", "Murphy", "Nguyen", "Okafor", "Patel", "Rossi", "Silva", "Tanaka",
    "Walsh",
];

const DAY_MS: u64 = 24 * 3600 * 1000;

/// What to make.
#[derive(Debug, Clone, Copy)]
pub struct DemoSpec {
    pub trainees: usize,
    pub attempts: usize,
    pub seed: u64,
    /// "Now": attempts are spread over the 90 days before it.
    pub now_ms: u64,
}

/// The `i`-th made-up trainee's name.
fn name(i: usize) -> String {
    let suffix = if i >= FIRST.len() * LAST.len() {
        format!(" {i}")
    } else {
        String::new()
    };
    format!(
        "{} {}{suffix}",
        FIRST[i % FIRST.len()],
        LAST[(i / FIRST.len() + i % FIRST.len()) % LAST.len()]
    )
}

/// Writes `spec.trainees` trainees (reusing any with the same names) and `spec.attempts`
/// attempts, calling `progress` with the count written after each one.
pub fn generate(
    store: &mut dyn ProgressStore,
    library: &Library,
    spec: &DemoSpec,
    progress: &mut dyn FnMut(usize),
) -> Result<(), StoreError> {
    if library.entries.is_empty() || spec.trainees == 0 {
        return Ok(());
    }
    let scorer = Scorer::default();
    let mut rng = ChaCha8Rng::seed_from_u64(spec.seed);
    let mut people = Vec::new();
    for i in 0..spec.trainees {
        let t = store.trainee_named(&name(i), spec.now_ms)?;
        people.push((t, rng.random_range(0.2..0.9f64)));
    }
    for n in 0..spec.attempts {
        let (trainee, skill) = &mut people[n % spec.trainees];
        let entry = &library.entries[rng.random_range(0..library.entries.len())];
        // Attempts spread over the last 90 days, oldest first; trainees improve.
        let finished = spec.now_ms.saturating_sub(90 * DAY_MS)
            + (n as u64 * 90 * DAY_MS) / spec.attempts.max(1) as u64;
        *skill = (*skill + 0.01).min(0.95);
        let Ok(mut session) = Session::start(Arc::clone(&entry.scenario), rng.random::<u64>(), 0)
        else {
            continue;
        };
        let mut clock = 0;
        for _ in 0..200 {
            clock += rng.random_range(4_000..40_000u64);
            let failed = match session.step().clone() {
                Step::Customer(_) => session.proceed(clock).is_err(),
                Step::Choose(p) => {
                    let Some(Node::Choice(turn)) = entry.scenario.node(&p.node) else {
                        break;
                    };
                    let best = turn.best_of(&p.options).unwrap_or(0);
                    let pick = if rng.random_bool(*skill) {
                        best
                    } else {
                        rng.random_range(0..p.options.len())
                    };
                    session.choose(pick, clock).is_err()
                }
                Step::Write(p) => {
                    let k = if rng.random_bool(*skill) {
                        rng.random_range(0..2)
                    } else {
                        rng.random_range(0..REPLIES.len())
                    };
                    let a = scorer.assess(&ReplyInput {
                        customer: &p.customer_said,
                        reply: REPLIES[k],
                        hints: None,
                    });
                    session
                        .write(REPLIES[k], TextAssessment::from_scorer(&a), clock)
                        .is_err()
                }
                Step::Finished(_) => true,
            };
            if failed || matches!(session.step(), Step::Finished(_)) {
                break;
            }
        }
        let kind = if rng.random_bool(0.3) {
            AttemptKind::Practice
        } else {
            AttemptKind::Assessment
        };
        let started = finished.saturating_sub(clock);
        if let Some(record) = AttemptRecord::from_session(
            &session,
            &trainee.id,
            entry.version(),
            kind,
            started,
            finished,
        ) {
            store.save_attempt(&record)?;
        }
        progress(n + 1);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::MemoryStore;

    fn run(seed: u64) -> (MemoryStore, Vec<crate::progress::Trainee>) {
        let library = Library::load(None);
        let mut store = MemoryStore::default();
        let spec = DemoSpec {
            trainees: 3,
            attempts: 12,
            seed,
            now_ms: 100 * DAY_MS,
        };
        let mut last = 0;
        generate(&mut store, &library, &spec, &mut |n| last = n).expect("generate");
        assert_eq!(last, 12, "progress reports every attempt");
        let trainees = store.trainees().expect("trainees");
        (store, trainees)
    }

    #[test]
    fn made_up_names_are_all_different() {
        let names: std::collections::BTreeSet<String> = (0..500).map(name).collect();
        assert_eq!(names.len(), 500);
    }

    #[test]
    fn the_same_seed_makes_the_same_attempts() {
        let (mut a, ta) = run(4);
        let (mut b, tb) = run(4);
        assert_eq!(ta.len(), 3);
        let levels = |s: &mut MemoryStore, t: &[crate::progress::Trainee]| -> Vec<f64> {
            t.iter()
                .flat_map(|t| s.attempts(&t.id).expect("attempts"))
                .map(|a| a.debrief.overall)
                .collect()
        };
        let la = levels(&mut a, &ta);
        assert_eq!(
            la.len(),
            12,
            "every attempt reaches an ending and is stored"
        );
        assert_eq!(la, levels(&mut b, &tb));
    }
}
