//! The progress store under real processes: several writers at once, and processes
//! killed with SIGKILL in the middle of saving.

use std::process::{Command, Stdio};
use std::time::Duration;

use turnaround::progress::{FsStore, ProgressStore};

use crate::util::data;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_turnaround"))
}

#[test]
fn several_processes_playing_at_once_lose_nothing_and_share_one_trainee() {
    let dir = tempfile::tempdir().expect("tempdir");
    let fixture = data("fixtures/valid.ron");
    let children: Vec<_> = (0..4)
        .map(|i| {
            let mut child = bin()
                .args([
                    "play",
                    fixture.to_str().expect("utf-8"),
                    "--trainee",
                    "Pat Doyle",
                    "--seed",
                    &i.to_string(),
                ])
                .env("TURNAROUND_DATA_DIR", dir.path())
                .stdin(Stdio::piped())
                .stdout(Stdio::null())
                .stderr(Stdio::piped())
                .spawn()
                .expect("spawn");
            use std::io::Write;
            let _ = child.stdin.take().expect("stdin").write_all(b"1\n1\n");
            child
        })
        .collect();
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let mut store = FsStore::new(dir.path());
    let trainees = store.trainees().expect("trainees");
    assert_eq!(
        trainees.len(),
        1,
        "one trainee, however many processes asked for the name: {trainees:?}"
    );
    assert_eq!(
        store.attempts(&trainees[0].id).expect("attempts").len(),
        4,
        "every process's attempt is kept"
    );
    assert!(store.set_aside().is_empty());
}

#[test]
fn killing_a_writer_mid_save_never_leaves_a_torn_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let logs = tempfile::tempdir().expect("tempdir");
    // The writer reports "demo data: N of ..." after every 100th attempt it has saved:
    // those attempts were acknowledged, so they must all be there after the kills.
    let mut acknowledged = 0;
    for round in 0..6u64 {
        let log_path = logs.path().join(format!("round-{round}.log"));
        let log = std::fs::File::create(&log_path).expect("log");
        let mut child = bin()
            .args([
                "demo-data",
                "--trainees",
                "3",
                "--attempts",
                "1000000",
                "--seed",
                &round.to_string(),
            ])
            .env("TURNAROUND_DATA_DIR", dir.path())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .expect("spawn");
        // Let it write until it has acknowledged some attempts (however slow the machine
        // is), a little more each round, then kill it without warning (SIGKILL on Unix).
        let deadline = std::time::Instant::now() + Duration::from_secs(120);
        while !std::fs::read_to_string(&log_path)
            .unwrap_or_default()
            .contains("demo data: ")
        {
            assert!(
                std::time::Instant::now() < deadline,
                "the writer acknowledged nothing in 120 s"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        std::thread::sleep(Duration::from_millis(round * 60));
        child.kill().expect("kill");
        let _ = child.wait();
        let said = std::fs::read_to_string(&log_path).expect("read log");
        acknowledged += said
            .lines()
            .filter_map(|l| l.strip_prefix("demo data: "))
            .filter_map(|l| l.split(' ').next()?.parse::<usize>().ok())
            .max()
            .unwrap_or(0);
    }
    let mut store = FsStore::new(dir.path());
    let trainees = store.trainees().expect("trainees");
    assert_eq!(
        trainees.len(),
        3,
        "the same three trainees every round, never a half-written duplicate"
    );
    let mut total = 0;
    for t in &trainees {
        let on_disk = store.attempts(&t.id).expect("attempts").len();
        assert_eq!(
            store.rows(&t.id).expect("rows").len(),
            on_disk,
            "the index caught up with every attempt despite the kills"
        );
        total += on_disk;
    }
    assert!(
        acknowledged > 0,
        "the writers reported saved attempts before they were killed"
    );
    assert!(
        total >= acknowledged,
        "every acknowledged attempt survived: {total} on disk, {acknowledged} acknowledged"
    );
    assert!(
        store.set_aside().is_empty(),
        "no file was torn: {:?}",
        store.set_aside()
    );
}
