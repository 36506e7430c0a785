//! The `turnaround` binary's subcommands, run as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::util::data;

fn turnaround(args: &[&str], stdin: &str) -> Output {
    let dir = tempfile::tempdir().expect("tempdir");
    turnaround_in(dir.path(), args, stdin)
}

/// Runs the binary with `dir` as its data dir.
fn turnaround_in(dir: &std::path::Path, args: &[&str], stdin: &str) -> Output {
    turnaround_env(dir, args, stdin, &[])
}

/// As `turnaround_in`, with extra environment variables (and no PINs inherited).
pub(crate) fn turnaround_env(
    dir: &std::path::Path,
    args: &[&str],
    stdin: &str,
    env: &[(&str, &str)],
) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_turnaround"))
        .args(args)
        .env("TURNAROUND_DATA_DIR", dir)
        .env_remove("TURNAROUND_MANAGER_PIN")
        .env_remove("TURNAROUND_NEW_PIN")
        .envs(env.iter().copied())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run turnaround");
    // The child may stop reading early (an ending reached); a broken pipe is fine.
    let _ = child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin.as_bytes());
    child.wait_with_output().expect("wait")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

#[test]
fn validate_the_library_is_clean() {
    let out = turnaround(&["validate", "--deny-warnings"], "");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    assert!(text(&out.stdout).contains("0 errors, 0 warnings"));
}

#[test]
fn validate_a_broken_file_exits_1_with_file_line_col() {
    let path = data("fixtures/broken-link.ron");
    let out = turnaround(&["validate", path.to_str().expect("utf-8 path")], "");
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("broken-link.ron:60:27"), "{stdout}");
    assert!(stdout.contains("did you mean `end_ok`?"), "{stdout}");
}

#[test]
fn validate_warnings_exit_0_unless_denied() {
    let path = data("fixtures/unreachable.ron");
    let p = path.to_str().expect("utf-8 path");
    assert_eq!(turnaround(&["validate", p], "").status.code(), Some(0));
    assert_eq!(
        turnaround(&["validate", "--deny-warnings", p], "")
            .status
            .code(),
        Some(1)
    );
}

#[test]
fn validate_searches_folders_and_reports_json() {
    let dir = data("fixtures");
    let out = turnaround(
        &["validate", "--json", dir.to_str().expect("utf-8 path")],
        "",
    );
    assert_eq!(
        out.status.code(),
        Some(1),
        "the folder holds broken fixtures"
    );
    let reports: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let files = reports.as_array().expect("array");
    assert!(
        files.len() >= 14,
        "every fixture is found, got {}",
        files.len()
    );
    assert!(
        files.iter().any(
            |f| f["file"].as_str().is_some_and(|n| n.ends_with("valid.ron")) && f["ok"] == true
        )
    );
}

#[test]
fn validate_a_missing_path_is_a_usage_error() {
    assert_eq!(
        turnaround(&["validate", "/no/such/place.ron"], "")
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        turnaround(&["validate", "--no-such-flag"], "")
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn piping_yes_1_reaches_an_ending_in_every_shipped_scenario() {
    for (name, _) in turnaround::library::builtin_files() {
        let id = name.trim_end_matches(".ron");
        let out = turnaround(&["play", id, "--seed", "3"], &"1\n".repeat(200));
        let stdout = text(&out.stdout);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{id}: {stdout}{}",
            text(&out.stderr)
        );
        assert!(stdout.contains("Outcome: "), "{id}: {stdout}");
        for label in [
            "Active listening",
            "Ownership",
            "Exceeding expectations",
            "Overall",
        ] {
            assert!(stdout.contains(label), "{id}: no {label} score");
        }
    }
}

#[test]
fn play_json_prints_the_attempt_and_the_same_seed_replays_it() {
    let path = data("fixtures/valid.ron");
    let p = path.to_str().expect("utf-8 path");
    let a = turnaround(&["play", p, "--seed", "11", "--json"], "2\n1\n");
    assert_eq!(a.status.code(), Some(0), "{}", text(&a.stderr));
    let json: serde_json::Value = serde_json::from_slice(&a.stdout).expect("json on stdout");
    assert_eq!(json["scenario_id"], "fixture-valid");
    assert_eq!(json["seed"], 11);
    assert!(json["debrief"]["outcome"].is_string());
    let b = turnaround(&["play", p, "--seed", "11", "--json"], "2\n1\n");
    let again: serde_json::Value = serde_json::from_slice(&b.stdout).expect("json");
    // Same seed and same keys: same replies in the same order (times differ by the clock).
    let replies = |v: &serde_json::Value| -> Vec<String> {
        v["transcript"]
            .as_array()
            .expect("transcript")
            .iter()
            .filter_map(|e| {
                e["Trainee"]["reply"]["Choice"]["text"]
                    .as_str()
                    .map(String::from)
            })
            .collect()
    };
    assert_eq!(replies(&json), replies(&again));
    assert_eq!(replies(&json).len(), 2);
}

#[test]
fn play_rejects_bad_input_and_asks_again() {
    let path = data("fixtures/valid.ron");
    let out = turnaround(
        &["play", path.to_str().expect("utf-8 path"), "--seed", "1"],
        "zero\n9\n1\n1\n",
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert_eq!(
        stdout.matches("Please type a number from 1 to 2.").count(),
        2,
        "{stdout}"
    );
}

#[test]
fn play_with_input_ending_early_exits_1() {
    let path = data("fixtures/valid.ron");
    // Input ends at the first turn (any reply there could finish this small scenario).
    let out = turnaround(&["play", path.to_str().expect("utf-8 path")], "");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("input ended"));
}

#[test]
fn play_an_unknown_id_suggests_one() {
    let out = turnaround(&["play", "hotel-noisy-rom"], "");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("did you mean `hotel-noisy-room`?"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn play_gives_up_on_endless_invalid_answers() {
    let path = data("fixtures/valid.ron");
    let out = turnaround(
        &["play", path.to_str().expect("utf-8 path")],
        &"4\n".repeat(100),
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).contains("20 answers in a row"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn score_prints_one_json_line_per_input_line_and_reports_bad_lines() {
    let input = concat!(
        r#"{"id": "a", "customer": "You charged me twice.", "reply": "I'm so sorry, that's our mistake. I'll refund it by 5 pm."}"#,
        "\n",
        "not json\n",
        r#"{"id": 7, "customer": "x"}"#,
        "\n",
        r#"{"customer": "It broke.", "reply": "Calm down."}"#,
        "\n"
    );
    let out = turnaround(&["score", "-"], input);
    assert_eq!(out.status.code(), Some(1), "bad lines make the exit code 1");
    let lines: Vec<serde_json::Value> = text(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("json line"))
        .collect();
    assert_eq!(lines.len(), 4, "one line out per line in");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["levels"]["ownership"], 4);
    assert!(
        lines[0]["scores"]["ownership"]
            .as_i64()
            .is_some_and(|s| (88..=100).contains(&s))
    );
    let ev = lines[0]["evidence"].as_array().expect("evidence");
    assert!(
        ev.iter()
            .all(|e| ["+", "-"].contains(&e["effect"].as_str().unwrap_or(""))
                && e["reason"].is_string()
                && e["start"].is_u64())
    );
    assert!(lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], 7);
    assert!(
        lines[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("reply"))
    );
    assert_eq!(lines[3]["levels"]["active_listening"], 0);
    assert_eq!(lines[3]["supported"], true);
}

#[test]
fn play_records_the_attempt_under_the_named_trainee() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = data("fixtures/valid.ron");
    let p = path.to_str().expect("utf-8 path");
    let out = turnaround_in(
        dir.path(),
        &["play", p, "--seed", "2", "--trainee", "Kim Lee"],
        "1\n1\n",
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Recorded as an attempt by Kim Lee."));
    let again = turnaround_in(
        dir.path(),
        &[
            "play",
            p,
            "--seed",
            "3",
            "--trainee",
            "kim lee",
            "--practice",
            "--json",
        ],
        "2\n2\n",
    );
    let json: serde_json::Value = serde_json::from_slice(&again.stdout).expect("json");
    let id = json["trainee_id"].as_str().expect("trainee id").to_string();
    use turnaround::progress::{AttemptKind, FsStore, ProgressStore};
    let mut store = FsStore::new(dir.path());
    let trainees = store.trainees().expect("trainees");
    assert_eq!(
        trainees.len(),
        1,
        "the same name (any case) is the same trainee"
    );
    assert_eq!(trainees[0].id, id);
    let attempts = store.attempts(&id).expect("attempts");
    assert_eq!(attempts.len(), 2);
    assert_eq!(attempts[0].about.kind, AttemptKind::Assessment);
    assert_eq!(attempts[1].about.kind, AttemptKind::Practice);
    assert_eq!(attempts[1].about.seed, 3);
}

#[test]
fn report_asks_for_the_manager_pin_and_writes_the_csvs() {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = turnaround_in(
        dir.path(),
        &["demo-data", "--trainees", "3", "--attempts", "24"],
        "",
    );
    assert_eq!(made.status.code(), Some(0), "{}", text(&made.stderr));

    let none_set = turnaround_in(dir.path(), &["report"], "");
    assert_eq!(none_set.status.code(), Some(1));
    assert!(text(&none_set.stderr).contains("no manager PIN is set yet"));

    let set = turnaround_env(
        dir.path(),
        &["set-pin", "manager"],
        "",
        &[("TURNAROUND_NEW_PIN", "2468")],
    );
    assert_eq!(set.status.code(), Some(0), "{}", text(&set.stderr));
    let again = turnaround_env(
        dir.path(),
        &["set-pin", "manager"],
        "",
        &[("TURNAROUND_NEW_PIN", "1111")],
    );
    assert_eq!(
        again.status.code(),
        Some(2),
        "changing it needs the current PIN"
    );

    let no_pin = turnaround_in(dir.path(), &["report"], "");
    assert_eq!(no_pin.status.code(), Some(2), "no PIN given at the prompt");
    assert!(
        text(&no_pin.stdout).is_empty(),
        "nothing is shown without the PIN"
    );
    let wrong = turnaround_in(dir.path(), &["report"], "1357\n");
    assert_eq!(wrong.status.code(), Some(1));
    assert!(text(&wrong.stderr).contains("wrong manager PIN"));
    assert!(text(&wrong.stdout).is_empty());

    let table = turnaround_in(dir.path(), &["report"], "2468\n");
    assert_eq!(table.status.code(), Some(0), "{}", text(&table.stderr));
    let table = text(&table.stdout);
    assert!(table.starts_with("Trainee"), "{table}");
    assert!(table.contains("Aisha Adeyemi"), "{table}");

    let pin = [("TURNAROUND_MANAGER_PIN", "2468")];
    let csv_out = turnaround_env(dir.path(), &["report", "--csv"], "", &pin);
    assert_eq!(csv_out.status.code(), Some(0), "{}", text(&csv_out.stderr));
    let mut reader = csv::Reader::from_reader(csv_out.stdout.as_slice());
    let headers = reader.headers().expect("headers").clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>(),
        turnaround::report::ATTEMPT_COLUMNS
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    assert_eq!(rows.len(), 24, "one row per attempt");
    let turns_expected: usize = rows
        .iter()
        .map(|r| r[17].parse::<usize>().expect("turns"))
        .sum();

    let turns = turnaround_env(dir.path(), &["report", "--csv", "--turns"], "", &pin);
    assert_eq!(turns.status.code(), Some(0), "{}", text(&turns.stderr));
    let mut reader = csv::Reader::from_reader(turns.stdout.as_slice());
    assert_eq!(
        reader
            .headers()
            .expect("headers")
            .iter()
            .collect::<Vec<_>>(),
        turnaround::report::TURN_COLUMNS
    );
    assert_eq!(reader.records().count(), turns_expected, "one row per turn");

    let json = turnaround_env(dir.path(), &["report", "--json"], "", &pin);
    let value: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(value["trainees"].as_array().map(Vec::len), Some(3));
    assert!(
        value["cohort"]["scenarios"]
            .as_array()
            .is_some_and(|s| !s.is_empty())
    );

    let usage = turnaround_env(dir.path(), &["report", "--turns"], "", &pin);
    assert_eq!(usage.status.code(), Some(2), "--turns needs --csv");
}

#[test]
fn a_reader_that_stops_early_ends_the_command_quietly() {
    let dir = tempfile::tempdir().expect("tempdir");
    let made = turnaround_in(
        dir.path(),
        &["demo-data", "--trainees", "30", "--attempts", "60"],
        "",
    );
    assert_eq!(made.status.code(), Some(0));
    let set = turnaround_env(
        dir.path(),
        &["set-pin", "manager"],
        "",
        &[("TURNAROUND_NEW_PIN", "2468")],
    );
    assert_eq!(set.status.code(), Some(0));
    for args in [&["report"][..], &["report", "--csv", "--turns"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_turnaround"))
            .args(args)
            .env("TURNAROUND_DATA_DIR", dir.path())
            .env("TURNAROUND_MANAGER_PIN", "2468")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run");
        // Close the pipe before the command has loaded anything: its first write fails.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait");
        let err = text(&out.stderr);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
}
