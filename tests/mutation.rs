//! 10,000 mutated variants of the shipped scenarios (truncated, bytes flipped, deeply
//! nested, huge strings, wrong types, non-UTF-8, ranges deleted or repeated). Each must
//! give a clean error or a valid load, never a panic; a variant that loads is also
//! played a little (`fuzzing::scenario`, which the fuzz target runs too).

use rand::rngs::ChaCha8Rng;
use rand::{RngExt, SeedableRng};

const MUTANTS: usize = 10_000;

fn shipped() -> Vec<(String, Vec<u8>)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios");
    let mut out: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .expect("scenarios")
        .flatten()
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect();
    out.sort();
    out
}

/// One mutation of `bytes`, chosen by `rng`; returns the kind's name.
fn mutate(rng: &mut ChaCha8Rng, bytes: &mut Vec<u8>) -> &'static str {
    let len = bytes.len().max(1);
    let at = rng.random_range(0..len).min(bytes.len());
    match rng.random_range(0..10u32) {
        0 => {
            bytes.truncate(at);
            "truncated"
        }
        1 => {
            for _ in 0..rng.random_range(1..8) {
                let i = rng.random_range(0..len).min(bytes.len().saturating_sub(1));
                if let Some(b) = bytes.get_mut(i) {
                    *b ^= 1 << rng.random_range(0..8);
                }
            }
            "bits flipped"
        }
        2 => {
            let end = (at + rng.random_range(1..400)).min(bytes.len());
            bytes.drain(at..end);
            "range deleted"
        }
        3 => {
            let end = (at + rng.random_range(1..400)).min(bytes.len());
            let copy: Vec<u8> = bytes[at..end].to_vec();
            let to = rng.random_range(0..=bytes.len());
            bytes.splice(to..to, copy);
            "range repeated"
        }
        4 => {
            let open = [b'(', b'[', b'{'][rng.random_range(0..3)];
            let depth = rng.random_range(10..20_000);
            bytes.splice(at..at, std::iter::repeat_n(open, depth));
            "deeply nested"
        }
        5 => {
            // Huge strings are slow to make; most are large, a few are enormous.
            let size = if rng.random_bool(0.02) {
                rng.random_range(1_000_000..5_000_000)
            } else {
                rng.random_range(1_000..60_000)
            };
            let mut s = vec![b'"'];
            s.extend(std::iter::repeat_n(b'x', size));
            s.push(b'"');
            bytes.splice(at..at, s);
            "huge string"
        }
        6 => {
            // A value of the wrong type where a number, a string or a word was.
            let text = String::from_utf8_lossy(bytes).into_owned();
            let replacement = [
                "\"text\"", "42", "-7", "true", "[]", "()", "Some(1)", "1e999", "\"\"",
            ][rng.random_range(0..9)];
            let starts: Vec<usize> = text.match_indices(": ").map(|(i, _)| i + 2).collect();
            if let Some(&start) = starts.get(rng.random_range(0..starts.len().max(1))) {
                let end = text[start..]
                    .find([',', '\n'])
                    .map_or(text.len(), |e| start + e);
                let mut t = text;
                t.replace_range(start..end, replacement);
                *bytes = t.into_bytes();
            }
            "wrong type"
        }
        7 => {
            let junk = [0xFF, 0xC0, 0x80, 0xFE, 0xED, 0xA0];
            for _ in 0..rng.random_range(1..5) {
                let i = rng.random_range(0..=bytes.len());
                bytes.insert(i, junk[rng.random_range(0..junk.len())]);
            }
            "not UTF-8"
        }
        8 => {
            // An id or link renamed, so graphs break in new ways.
            let text = String::from_utf8_lossy(bytes).into_owned();
            let from = ["next: \"", "id: \"", "at_least: "][rng.random_range(0..3)];
            let to = ["next: \"x", "id: \"t1", "at_least: 9"][rng.random_range(0..3)];
            *bytes = text.replacen(from, to, rng.random_range(1..4)).into_bytes();
            "ids and links renamed"
        }
        _ => {
            let n = rng.random_range(0..5);
            for _ in 0..n {
                let i = rng.random_range(0..=bytes.len());
                let c = b"()[]{},:\"\\ \n0a-_"[rng.random_range(0..16)];
                bytes.insert(i, c);
            }
            "punctuation sprinkled"
        }
    }
}

#[test]
fn ten_thousand_mutated_scenarios_load_cleanly_or_fail_cleanly() {
    let originals = shipped();
    assert!(originals.len() >= 8);
    let mut rng = ChaCha8Rng::seed_from_u64(20_261_122);
    let mut loaded = 0;
    let mut refused = 0;
    let mut panics = Vec::new();
    let mut kinds = std::collections::BTreeMap::<&str, usize>::new();
    for n in 0..MUTANTS {
        let (name, original) = &originals[n % originals.len()];
        let mut bytes = original.clone();
        let mut what = Vec::new();
        for _ in 0..rng.random_range(1..4) {
            what.push(mutate(&mut rng, &mut bytes));
        }
        for w in &what {
            *kinds.entry(w).or_default() += 1;
        }
        // Loads, validates and renders the diagnostics; plays a mutant that loads.
        let result = std::panic::catch_unwind(|| turnaround::fuzzing::scenario(&bytes));
        match result {
            Ok(true) => loaded += 1,
            Ok(false) => refused += 1,
            Err(_) => panics.push(format!("mutant {n} of {name}: {what:?}")),
        }
    }
    println!(
        "{MUTANTS} mutants: {loaded} loaded and played, {refused} refused cleanly; kinds {kinds:?}"
    );
    assert!(
        panics.is_empty(),
        "{} panics:\n{}",
        panics.len(),
        panics.join("\n")
    );
    assert_eq!(loaded + refused, MUTANTS);
    assert!(
        refused > MUTANTS / 2,
        "most mutants are broken files: {refused}"
    );
    assert!(
        loaded > 0,
        "some mutants still load (comments, whitespace): {loaded}"
    );
}
