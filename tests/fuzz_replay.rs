//! Replays every input the fuzzers ever crashed on (`fuzz/regressions/<target>/`), and the
//! seed corpora they start from, through the same entry points the fuzz targets call.

use std::path::{Path, PathBuf};

fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|e| e.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    out.retain(|p| p.is_file() && p.file_name().is_some_and(|n| n != "README.md"));
    out.sort();
    out
}

fn replay(target: &str, inputs: &[PathBuf], run: fn(&[u8])) -> usize {
    let mut panics = Vec::new();
    for input in inputs {
        let bytes = std::fs::read(input).expect("read");
        if std::panic::catch_unwind(|| run(&bytes)).is_err() {
            panics.push(input.display().to_string());
        }
    }
    assert!(panics.is_empty(), "{target} still panics on: {panics:?}");
    inputs.len()
}

#[test]
fn every_crash_input_ever_found_and_every_seed_runs_clean() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let regressions = root.join("fuzz/regressions");
    let mut scenario_inputs = files(&regressions.join("scenario"));
    scenario_inputs.extend(files(&root.join("scenarios")));
    scenario_inputs.extend(files(&root.join("tests/data/fixtures")));
    let mut progress_inputs = files(&regressions.join("progress"));
    let v1 = root.join("tests/data/progress-v1/trainees/c3e73772-10d4-459d-9989-d2d3f661ed31");
    progress_inputs.extend(files(&v1));
    progress_inputs.extend(files(&v1.join("attempts")));
    let reply_inputs = files(&regressions.join("reply"));

    let n = replay("scenario", &scenario_inputs, |b| {
        turnaround::fuzzing::scenario(b);
    }) + replay("progress", &progress_inputs, turnaround::fuzzing::progress)
        + replay("reply", &reply_inputs, turnaround::fuzzing::reply);
    assert!(n >= 20, "the seeds alone are more than this: {n}");

    // The labelled replies are the reply fuzzer's seeds.
    let labelled = std::fs::read_to_string(root.join("tests/data/scoring/labelled.jsonl"))
        .expect("labelled replies");
    for line in labelled.lines().take(200) {
        let v: serde_json::Value = serde_json::from_str(line).expect("json");
        let input = format!(
            "{}\n{}",
            v["customer"].as_str().unwrap_or(""),
            v["reply"].as_str().unwrap_or("")
        );
        turnaround::fuzzing::reply(input.as_bytes());
    }
}
