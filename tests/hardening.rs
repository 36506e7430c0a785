//! Guarding the data: owner-only permissions, backup and restore with checksums, and
//! deleting a trainee for good.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use turnaround::access::Access;
use turnaround::backup;
use turnaround::progress::{FsStore, ProgressStore};

/// A data dir with made-up trainees and attempts, a manager PIN (2468) and an audit log.
fn data(trainees: usize, attempts: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let library = turnaround::library::Library::load(None);
    let mut store = FsStore::new(dir.path());
    let spec = turnaround::demo::DemoSpec {
        trainees,
        attempts,
        seed: 9,
        now_ms: 1_790_000_000_000,
    };
    turnaround::demo::generate(&mut store, &library, &spec, &mut |_| {}).expect("demo");
    Access::load(dir.path())
        .expect("access")
        .set_first_manager_pin("2468", 1)
        .expect("pin");
    dir
}

/// Every file under `dir`: relative path to bytes.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).expect("read dir").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let rel = p.strip_prefix(dir).expect("inside").to_path_buf();
                out.insert(rel, std::fs::read(&p).expect("read"));
            }
        }
    }
    out
}

#[cfg(unix)]
#[test]
fn the_data_dir_and_everything_in_it_are_owner_only() {
    use std::os::unix::fs::PermissionsExt;
    let parent = tempfile::tempdir().expect("tempdir");
    let dir = parent.path().join("data");
    let library = turnaround::library::Library::load(None);
    let mut store = FsStore::new(&dir);
    let spec = turnaround::demo::DemoSpec {
        trainees: 2,
        attempts: 4,
        seed: 1,
        now_ms: 1_790_000_000_000,
    };
    turnaround::demo::generate(&mut store, &library, &spec, &mut |_| {}).expect("demo");
    let id = store.trainees().expect("trainees")[0].id.clone();
    store.rows(&id).expect("rows");
    Access::load(&dir)
        .expect("access")
        .set_first_manager_pin("2468", 1)
        .expect("pin");

    let mut checked = 0;
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        let mode = std::fs::metadata(&d).expect("meta").permissions().mode() & 0o777;
        assert_eq!(mode, 0o700, "{} is {mode:o}", d.display());
        for e in std::fs::read_dir(&d).expect("read").flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                let mode = std::fs::metadata(&p).expect("meta").permissions().mode() & 0o777;
                assert_eq!(mode, 0o600, "{} is {mode:o}", p.display());
                checked += 1;
            }
        }
    }
    assert!(
        checked >= 8,
        "profiles, attempts, caches, the lock, PINs, audit: {checked}"
    );
}

#[test]
fn a_backup_restores_to_identical_data_and_keeps_what_was_there() {
    let dir = data(3, 9);
    let before = tree(dir.path());
    let out = tempfile::tempdir().expect("tempdir");
    let archive = out.path().join("b.trbk");
    let mut calls = 0;
    let manifest = backup::create(dir.path(), &archive, 5, |_, _| {
        calls += 1;
        true
    })
    .expect("backup");
    assert_eq!(manifest.files.len(), calls, "progress after every file");
    assert!(manifest.files.iter().all(|f| f.path != "trainees/.lock"));

    // Into a place with no data yet.
    let fresh = out.path().join("fresh");
    let r = backup::restore(&archive, &fresh, 6).expect("restore");
    assert_eq!(r.moved_aside, None);
    let mut expected = before.clone();
    expected.remove(Path::new("trainees/.lock"));
    assert_eq!(tree(&fresh), expected, "identical, file for file");

    // Over existing data: that data is moved aside, whole.
    std::fs::write(fresh.join("audit.jsonl"), b"changed since").expect("write");
    let changed = tree(&fresh);
    let r = backup::restore(&archive, &fresh, 7).expect("restore");
    let aside = r.moved_aside.expect("moved aside");
    assert_eq!(tree(&aside), changed, "the data that was there is kept");
    assert_eq!(tree(&fresh), expected);
}

#[test]
fn a_backup_with_one_byte_changed_is_refused_and_nothing_is_touched() {
    let dir = data(2, 4);
    let out = tempfile::tempdir().expect("tempdir");
    let archive = out.path().join("b.trbk");
    backup::create(dir.path(), &archive, 5, |_, _| true).expect("backup");
    let target = out.path().join("data");
    backup::restore(&archive, &target, 6).expect("restore");
    let before = tree(&target);

    let bytes = std::fs::read(&archive).expect("read");
    // Flip one byte in the middle of the files, then one in the manifest.
    for at in [bytes.len() / 3, bytes.len() - 120] {
        let mut damaged = bytes.clone();
        damaged[at] ^= 0x20;
        std::fs::write(&archive, &damaged).expect("write");
        let err = backup::restore(&archive, &target, 7).expect_err("refused");
        assert!(err.to_string().contains("damaged"), "{err}");
        assert_eq!(tree(&target), before, "nothing was touched");
        let leftovers: Vec<_> = std::fs::read_dir(out.path())
            .expect("read")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains("restoring") || n.contains("before-restore"))
            .collect();
        assert!(leftovers.is_empty(), "{leftovers:?}");
    }
    std::fs::write(&archive, b"not a backup at all").expect("write");
    assert!(matches!(
        backup::restore(&archive, &target, 8),
        Err(backup::BackupError::NotABackup(_))
    ));
}

#[test]
fn deleting_a_trainee_leaves_no_trace_of_them_in_the_data_dir() {
    let dir = data(3, 12);
    let mut store = FsStore::new(dir.path());
    let trainees = store.trainees().expect("trainees");
    let gone = trainees[1].clone();
    let kept = trainees[0].clone();
    // Leave traces everywhere a trainee can appear: caches, a wrong PIN try.
    store.rows(&gone.id).expect("rows");
    store.turns(&gone.id).expect("turns");
    let mut access = Access::load(dir.path()).expect("access");
    let hash = turnaround::access::hash_pin("1357").expect("hash");
    access.try_trainee(&gone.id, "0000", &hash, 10);
    let kept_attempts = store.attempts(&kept.id).expect("attempts").len();

    let out = Command::new(env!("CARGO_BIN_EXE_turnaround"))
        .args(["delete-trainee", &gone.name, "--yes"])
        .env("TURNAROUND_DATA_DIR", dir.path())
        .env("TURNAROUND_MANAGER_PIN", "2468")
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    for (path, bytes) in tree(dir.path()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(!text.contains(&gone.name), "{} names them", path.display());
        assert!(
            !text.contains(&gone.id),
            "{} holds their id",
            path.display()
        );
    }
    let mut store = FsStore::new(dir.path());
    assert_eq!(store.trainees().expect("trainees").len(), 2);
    assert_eq!(
        store.attempts(&kept.id).expect("attempts").len(),
        kept_attempts
    );
    let (entries, _) = turnaround::audit::AuditLog::new(dir.path()).entries();
    assert!(
        entries[0].action.starts_with("deleted a trainee and their"),
        "{:?}",
        entries[0]
    );

    let again = Command::new(env!("CARGO_BIN_EXE_turnaround"))
        .args(["delete-trainee", &kept.name])
        .env("TURNAROUND_DATA_DIR", dir.path())
        .env("TURNAROUND_MANAGER_PIN", "2468")
        .output()
        .expect("run");
    assert_eq!(again.status.code(), Some(2), "no --yes, no deletion");
    assert_eq!(FsStore::new(dir.path()).trainees().expect("t").len(), 2);
}

#[test]
fn the_backup_commands_need_the_manager_pin() {
    let dir = data(1, 2);
    let out = tempfile::tempdir().expect("tempdir");
    let archive = out.path().join("b.trbk");
    let run = |args: &[&str], pin: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_turnaround"));
        c.args(args)
            .env("TURNAROUND_DATA_DIR", dir.path())
            .env_remove("TURNAROUND_MANAGER_PIN")
            .stdin(std::process::Stdio::null());
        if let Some(pin) = pin {
            c.env("TURNAROUND_MANAGER_PIN", pin);
        }
        c.output().expect("run")
    };
    let path = archive.to_str().expect("utf-8");
    assert_eq!(run(&["backup", path], Some("1111")).status.code(), Some(1));
    assert!(!archive.exists(), "no backup without the right PIN");
    assert_eq!(run(&["backup", path], Some("2468")).status.code(), Some(0));
    assert!(archive.exists());
    let restored = run(&["restore", path], Some("2468"));
    assert_eq!(restored.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&restored.stdout).contains("kept in"));
}

#[test]
fn limits_give_clear_errors_that_name_the_file() {
    use turnaround::library;
    use turnaround::scenario::{MAX_NESTING, MAX_NODES, MAX_SCENARIO_BYTES};
    let dir = tempfile::tempdir().expect("tempdir");

    // Too big: refused from its size, without reading it.
    let big = dir.path().join("big.ron");
    let f = std::fs::File::create(&big).expect("create");
    f.set_len(MAX_SCENARIO_BYTES as u64 + 1).expect("sparse");
    let c = library::check_file(&big);
    assert!(
        c.diagnostics[0].message.contains("may be at most"),
        "{:?}",
        c.diagnostics
    );
    assert!(c.source.name.ends_with("big.ron"));

    // Too deep: the strict schema refuses nesting it does not expect, and the parser's
    // recursion limit backs it up; either way a located error, never a stack overflow.
    for open in ["(", "[", "{"] {
        let depth = MAX_NESTING * 1000;
        let deep = format!("(format: 1, nodes: {}", open.repeat(depth));
        let c = library::check_bytes("deep.ron", deep.into_bytes(), None);
        assert!(c.scenario.is_none());
        assert!(c.diagnostics[0].is_error());
        let shown = turnaround::scenario::render(&c.source, &c.diagnostics);
        assert!(shown.contains("deep.ron:1:"), "{shown}");
    }

    // Too many nodes: short lines, many more than the limit, well under the size limit.
    let text = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/fixtures/valid.ron"),
    )
    .expect("fixture");
    let start = text.find("nodes: [").expect("nodes") + "nodes: [".len();
    let lines: String = (0..=MAX_NODES)
        .map(|i| format!("Line(id: \"n{i}\", say: \"x\", emotion: Neutral, next: \"open\"),\n"))
        .collect();
    let many = format!("{}{lines}{}", &text[..start], &text[start..]);
    assert!(many.len() < MAX_SCENARIO_BYTES);
    let c = library::check_bytes("many.ron", many.into_bytes(), None);
    assert!(
        c.diagnostics[0]
            .message
            .contains(&format!("at most {MAX_NODES}")),
        "{:?}",
        c.diagnostics[0].message
    );

    // Not UTF-8, in the contents and in the name.
    let c = library::check_bytes("latin1.ron", b"(title: \"caf\xe9\")".to_vec(), None);
    assert!(c.diagnostics[0].message.contains("not UTF-8"));
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let odd = dir
            .path()
            .join(std::ffi::OsStr::from_bytes(b"bad-\xff-name.ron"));
        std::fs::write(&odd, b"(not: a scenario)").expect("write");
        let c = library::check_file(&odd);
        assert!(c.source.name.contains("bad-"), "named: {}", c.source.name);
        assert!(c.scenario.is_none());
        let lib = library::Library::load(Some(dir.path()));
        assert!(lib.entries.len() >= 9, "the built-in scenarios still load");
        assert_eq!(
            lib.problems.len(),
            2,
            "the oversized file and the oddly named one are each reported"
        );
    }
}

#[test]
fn an_oversized_progress_file_is_left_alone_and_reported() {
    let dir = data(1, 1);
    let mut store = FsStore::new(dir.path());
    let t = store.trainees().expect("trainees")[0].clone();
    let huge = dir
        .path()
        .join("trainees")
        .join(&t.id)
        .join("attempts")
        .join("0000000000002-x-1.ron");
    let f = std::fs::File::create(&huge).expect("create");
    f.set_len(turnaround::progress::MAX_FILE_BYTES + 1)
        .expect("sparse");
    let mut store = FsStore::new(dir.path());
    assert_eq!(store.attempts(&t.id).expect("attempts").len(), 1);
    assert!(huge.exists(), "left where it is");
    assert!(store.set_aside().is_empty());
    assert!(store.skipped()[0].reason.contains("at most"));
}

#[test]
fn a_crafted_manifest_with_impossible_sizes_is_refused_not_trusted() {
    let out = tempfile::tempdir().expect("tempdir");
    let archive = out.path().join("crafted.trbk");
    let magic = "turnaround-backup 1\n";
    let manifest = format!(
        "{{\"created_ms\":1,\"files\":[{{\"path\":\"a\",\"bytes\":{},\"blake3\":\"00\"}},{{\"path\":\"b\",\"bytes\":{},\"blake3\":\"00\"}}]}}",
        u64::MAX,
        magic.len() + 1
    );
    let trailer = format!(
        "{:016x} {}\n",
        magic.len(),
        blake3::hash(manifest.as_bytes()).to_hex()
    );
    std::fs::write(&archive, format!("{magic}{manifest}{trailer}")).expect("write");
    let err = backup::verify(&archive).expect_err("refused");
    assert!(err.to_string().contains("sizes do not add up"), "{err}");
}

#[test]
fn a_trainee_with_a_pin_cannot_be_played_as_from_the_terminal_without_it() {
    let dir = data(1, 1);
    let mut store = FsStore::new(dir.path());
    let mut t = store.trainees().expect("trainees")[0].clone();
    t.pin = Some(turnaround::access::hash_pin("8642").expect("hash"));
    store.update_trainee(&t).expect("update");
    let before = store.attempts(&t.id).expect("attempts").len();
    let play = |pin: Option<&str>| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_turnaround"));
        c.args([
            "play",
            "restaurant-wine-unavailable",
            "--trainee",
            &t.name,
            "--seed",
            "3",
        ])
        .env("TURNAROUND_DATA_DIR", dir.path())
        .env_remove("TURNAROUND_TRAINEE_PIN")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped());
        if let Some(pin) = pin {
            c.env("TURNAROUND_TRAINEE_PIN", pin);
        }
        let mut child = c.spawn().expect("run");
        let _ = std::io::Write::write_all(
            &mut child.stdin.take().expect("stdin"),
            "1\nI'm so sorry, I'll fix it now.\n".repeat(20).as_bytes(),
        );
        child.wait_with_output().expect("wait")
    };
    let refused = play(None);
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("has a PIN"));
    assert_eq!(
        FsStore::new(dir.path()).attempts(&t.id).expect("a").len(),
        before
    );
    let allowed = play(Some("8642"));
    assert_eq!(
        allowed.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&allowed.stderr)
    );
    assert_eq!(
        FsStore::new(dir.path()).attempts(&t.id).expect("a").len(),
        before + 1
    );
}

#[test]
fn a_scenario_with_thousands_of_nodes_loads_and_validates_in_one_pass() {
    // Validation used to look every node up from the start of the text and copy every
    // route: about 49 s for 10,000 nodes in a release build, effectively a hang. This
    // is not a timing assertion; a regression to that shape makes this test crawl.
    let text = turnaround::generate::scenario_text(6_000, 7);
    let c = turnaround::library::check_bytes("generated.ron", text.into_bytes(), None);
    let errors: Vec<&str> = c
        .diagnostics
        .iter()
        .filter(|d| d.is_error())
        .map(|d| d.message.as_str())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    let s = c.scenario.expect("loads");
    assert!(s.nodes.len() >= 5_990);
    let outcomes = turnaround::engine::rules::reachable_outcomes(&s);
    assert!(outcomes.contains_key("end_good") && outcomes.contains_key("end_ok"));
}
