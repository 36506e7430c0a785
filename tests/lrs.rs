//! Learning records sent to a real LRS: Ralph, from PyPI, on loopback with its
//! filesystem backend. `.ci/setup test` installs it into `target/lrs-venv`; each test
//! starts its own server (with its own folder and port) and stops it at the end, even
//! when the test fails. Under `CI=true` a missing or broken Ralph fails these tests;
//! elsewhere they say so and skip.
//!
//! Ralph's filesystem backend stores one write per target file, so each test sends to a
//! fresh server and everything waiting goes in one request, as the outbox sends it.

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use turnaround::lrs::{self, Outbox};

use crate::cli::turnaround_env;
use crate::util::{data, root};

const USER: &str = "turnaround";
const SECRET: &str = "correct-horse";

/// The `ralph` command: `TURNAROUND_RALPH`, or the one `.ci/setup test` installs.
fn ralph_binary() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("TURNAROUND_RALPH") {
        return Some(PathBuf::from(p));
    }
    let p = root().join("target/lrs-venv/bin/ralph");
    p.is_file().then_some(p)
}

/// Ralph's binary, or `None` (and a clear line) outside CI when it is not installed.
fn ralph_or_skip(test: &str) -> Option<PathBuf> {
    match ralph_binary() {
        Some(p) => Some(p),
        None if std::env::var("CI").is_ok_and(|v| v == "true") => panic!(
            "Ralph is not installed (target/lrs-venv/bin/ralph); `bash .ci/setup test` installs it"
        ),
        None => {
            eprintln!(
                "SKIPPED {test}: Ralph is not installed; run `bash .ci/setup test` (CI=true makes this a failure)"
            );
            None
        }
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("a free port")
}

/// A Ralph server on loopback, stopped when dropped.
struct Ralph {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    child: Option<Child>,
}

impl Ralph {
    /// Makes the credentials and starts the server in `dir` on `port`.
    fn start(bin: &Path, dir: &Path, port: u16) -> Ralph {
        let mut r = Ralph {
            bin: bin.to_path_buf(),
            dir: dir.to_path_buf(),
            port,
            child: None,
        };
        let app = dir.join("app");
        if !app.join("auth.json").exists() {
            std::fs::create_dir_all(&app).expect("app dir");
            let out = r
                .command()
                .args(["auth", "-u", USER, "-p", SECRET, "-s", "all"])
                .args(["-M", "mailto:trainers@example.org", "-w"])
                .output()
                .expect("run ralph auth");
            assert!(
                out.status.success(),
                "ralph auth failed: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        r.run();
        r
    }

    fn command(&self) -> Command {
        let mut c = Command::new(&self.bin);
        c.env("RALPH_APP_DIR", self.dir.join("app"))
            .env("RALPH_RUNSERVER_BACKEND", "fs")
            // uvicorn watches its working folder for reloads: give it an empty one.
            .current_dir(self.dir.join("cwd"));
        let _ = std::fs::create_dir_all(self.dir.join("cwd"));
        c
    }

    fn url(&self) -> String {
        format!("http://127.0.0.1:{}/xAPI/", self.port)
    }

    /// Starts the server and waits until it answers.
    fn run(&mut self) {
        let fs = self.dir.join("fs");
        std::fs::create_dir_all(&fs).expect("fs dir");
        let log = std::fs::File::create(self.dir.join("server.log")).expect("log");
        let mut command = self.command();
        command
            .args(["runserver", "-b", "fs", "--fs-default-directory-path"])
            .arg(&fs)
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string()])
            .stdout(Stdio::null())
            .stderr(log);
        #[cfg(unix)]
        {
            // Its own process group, so stopping it also stops uvicorn's worker.
            use std::os::unix::process::CommandExt;
            command.process_group(0);
        }
        self.child = Some(command.spawn().expect("start ralph runserver"));
        let deadline = Instant::now() + Duration::from_secs(60);
        loop {
            if let Ok(statements) = self.try_statements() {
                let _ = statements;
                return;
            }
            if let Some(Ok(Some(status))) = self.child.as_mut().map(Child::try_wait) {
                panic!(
                    "ralph runserver exited ({status}):\n{}",
                    std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
                );
            }
            assert!(
                Instant::now() < deadline,
                "ralph did not answer within 60 s:\n{}",
                std::fs::read_to_string(self.dir.join("server.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(250));
        }
    }

    /// Stops the server and waits until its port is closed.
    fn stop(&mut self) {
        let Some(mut child) = self.child.take() else {
            return;
        };
        // The whole process group: uvicorn's reloader and its worker.
        let pid = child.id();
        let group = |signal: &str| {
            #[cfg(unix)]
            {
                let _ = Command::new("kill")
                    .args([signal, "--", &format!("-{pid}")])
                    .status();
            }
        };
        group("-TERM");
        let deadline = Instant::now() + Duration::from_secs(15);
        while child.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
        group("-KILL");
        let _ = child.kill();
        let _ = child.wait();
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", self.port)).is_ok() && Instant::now() < deadline {
            std::thread::sleep(Duration::from_millis(100));
        }
    }

    /// Stops the server and checks its port is closed.
    fn stop_checked(&mut self) {
        self.stop();
        assert!(
            TcpStream::connect(("127.0.0.1", self.port)).is_err(),
            "the LRS on port {} is still answering after it was stopped",
            self.port
        );
    }

    fn try_statements(&self) -> Result<Vec<Value>, String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(Duration::from_secs(5)))
            .http_status_as_error(false)
            .build()
            .into();
        use base64::Engine;
        let auth = base64::engine::general_purpose::STANDARD.encode(format!("{USER}:{SECRET}"));
        let mut response = agent
            .get(&format!("{}statements?limit=1000", self.url()))
            .header("X-Experience-API-Version", "1.0.3")
            .header("Authorization", &format!("Basic {auth}"))
            .call()
            .map_err(|e| e.to_string())?;
        if response.status().as_u16() != 200 {
            return Err(format!("HTTP {}", response.status()));
        }
        let body: Value = serde_json::from_str(
            &response
                .body_mut()
                .read_to_string()
                .map_err(|e| e.to_string())?,
        )
        .map_err(|e| e.to_string())?;
        Ok(body["statements"].as_array().cloned().unwrap_or_default())
    }

    /// Every statement the LRS holds.
    fn statements(&self) -> Vec<Value> {
        self.try_statements().expect("read the LRS's statements")
    }
}

impl Drop for Ralph {
    fn drop(&mut self) {
        self.stop();
    }
}

fn configure(data_dir: &Path, endpoint: &str, password: &str) {
    lrs::save_config(data_dir, &crate::xapi::lrs_settings(endpoint, password))
        .expect("save the LRS settings");
}

/// Plays the small fixture to its end in the terminal, as `trainee`, with `seed`.
fn play(data_dir: &Path, trainee: &str, seed: &str) {
    let fixture = data("fixtures/valid.ron");
    let out = turnaround_env(
        data_dir,
        &[
            "play",
            fixture.to_str().expect("utf-8"),
            "--trainee",
            trainee,
            "--seed",
            seed,
        ],
        "1\n1\n1\n1\n",
        &[],
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn lrs_cli(data_dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = turnaround_env(data_dir, args, "", &[]);
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// The statements waiting in (or sent from) one folder of the outbox.
fn files(data_dir: &Path, folder: &str) -> Vec<PathBuf> {
    let mut f: Vec<PathBuf> = std::fs::read_dir(data_dir.join("lrs").join(folder))
        .map(|e| e.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    f.sort();
    f
}

fn verbs(statements: &[Value]) -> Vec<String> {
    statements
        .iter()
        .map(|s| {
            s["verb"]["id"]
                .as_str()
                .unwrap_or_default()
                .rsplit('/')
                .next()
                .unwrap_or_default()
                .to_string()
        })
        .collect()
}

#[test]
fn an_attempts_statements_arrive_and_the_lrs_accepts_them() {
    let Some(bin) = ralph_or_skip("an_attempts_statements_arrive_and_the_lrs_accepts_them") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let ralph = Ralph::start(&bin, &tmp.path().join("ralph"), port);
    let data_dir = tmp.path().join("data");
    configure(&data_dir, &ralph.url(), SECRET);
    play(&data_dir, "Ada Lovelace", "3");
    let pending = files(&data_dir, "outbox");
    assert_eq!(pending.len(), 1, "the attempt waits in the outbox first");
    let written: Vec<Value> =
        serde_json::from_slice(&std::fs::read(&pending[0]).expect("read")).expect("json");

    let (code, stdout, stderr) = lrs_cli(&data_dir, &["lrs", "flush"]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(stdout.contains(&format!(
        "Sent {} statements from 1 attempt to",
        written.len()
    )));
    assert!(files(&data_dir, "outbox").is_empty());
    assert_eq!(files(&data_dir, "sent").len(), 1);

    let stored = ralph.statements();
    assert_eq!(stored.len(), written.len(), "every statement, once");
    // The LRS returns newest first; put them in the order they happened.
    let mut stored = stored;
    stored.sort_by_key(|s| {
        written
            .iter()
            .position(|w| w["id"] == s["id"])
            .expect("a statement Turnaround wrote")
    });
    let v = verbs(&stored);
    assert_eq!(v.first().map(String::as_str), Some("initialized"));
    assert_eq!(v.last().map(String::as_str), Some("terminated"));
    assert_eq!(v[v.len() - 3], "completed");
    assert!(v[v.len() - 2] == "passed" || v[v.len() - 2] == "failed");
    let answered: Vec<&Value> = stored
        .iter()
        .filter(|s| s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered")
        .collect();
    assert!(!answered.is_empty(), "one answered per turn");
    let registration = &stored[0]["context"]["registration"];
    for s in &stored {
        assert_eq!(&s["context"]["registration"], registration);
        let answered = s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/answered";
        let scenario = if answered {
            &s["context"]["contextActivities"]["parent"][0]
        } else {
            &s["object"]
        };
        assert_eq!(
            scenario["definition"]["type"],
            "http://adlnet.gov/expapi/activities/simulation"
        );
        assert_eq!(
            s["actor"]["account"]["homePage"],
            "https://training.example.org"
        );
    }
    for a in answered {
        let def = &a["object"]["definition"];
        assert_eq!(
            def["type"],
            "http://adlnet.gov/expapi/activities/cmi.interaction"
        );
        assert_eq!(def["interactionType"], "choice");
        assert!(
            a["result"]["response"]
                .as_str()
                .is_some_and(|r| r.starts_with("choice-"))
        );
    }

    // Stopped at the end: its port is closed.
    let mut ralph = ralph;
    ralph.stop_checked();
    assert!(
        TcpStream::connect(("127.0.0.1", port)).is_err(),
        "the LRS was stopped"
    );
}

#[test]
fn with_the_lrs_down_nothing_is_lost_and_everything_arrives_exactly_once() {
    let Some(bin) =
        ralph_or_skip("with_the_lrs_down_nothing_is_lost_and_everything_arrives_exactly_once")
    else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let port = free_port();
    let mut ralph = Ralph::start(&bin, &tmp.path().join("ralph"), port);
    let data_dir = tmp.path().join("data");
    configure(&data_dir, &ralph.url(), SECRET);

    // The LRS goes down; two trainees finish attempts meanwhile.
    ralph.stop_checked();
    play(&data_dir, "Ada Lovelace", "1");
    play(&data_dir, "Grace Hopper", "2");
    let (code, _, stderr) = lrs_cli(&data_dir, &["lrs", "flush"]);
    assert_eq!(code, Some(1));
    assert!(stderr.contains("cannot reach the LRS"), "{stderr}");
    assert!(stderr.contains("stay in the outbox"), "{stderr}");
    assert_eq!(files(&data_dir, "outbox").len(), 2, "nothing lost");
    let (_, status, _) = lrs_cli(&data_dir, &["lrs", "status", "--json"]);
    let status: Value = serde_json::from_str(&status).expect("json");
    assert_eq!(status["status"]["pending_attempts"], 2);
    assert!(status["status"]["last_error"].is_array());

    // Back up: everything goes, once.
    ralph.run();
    let (code, stdout, stderr) = lrs_cli(&data_dir, &["lrs", "flush"]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    let expected: usize = files(&data_dir, "sent")
        .iter()
        .map(|p| {
            serde_json::from_slice::<Vec<Value>>(&std::fs::read(p).expect("read"))
                .expect("json")
                .len()
        })
        .sum();
    let stored = ralph.statements();
    assert_eq!(stored.len(), expected);
    let mut ids: Vec<&str> = stored.iter().filter_map(|s| s["id"].as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), expected, "no statement twice");

    // The app closed after the LRS took them but before it noted so: the files are
    // still pending, and sending them again changes nothing.
    for p in files(&data_dir, "sent") {
        let back = data_dir
            .join("lrs/outbox")
            .join(p.file_name().expect("name"));
        std::fs::rename(&p, back).expect("move back");
    }
    let (code, stdout, stderr) = lrs_cli(&data_dir, &["lrs", "flush"]);
    assert_eq!(
        code,
        Some(0),
        "an identical re-send is accepted: {stdout}{stderr}"
    );
    assert_eq!(ralph.statements().len(), expected, "and stored once");
}

#[test]
fn wrong_credentials_give_a_clear_error_and_keep_the_outbox() {
    let Some(bin) = ralph_or_skip("wrong_credentials_give_a_clear_error_and_keep_the_outbox")
    else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let ralph = Ralph::start(&bin, &tmp.path().join("ralph"), free_port());
    let data_dir = tmp.path().join("data");
    configure(&data_dir, &ralph.url(), "not-the-password");
    play(&data_dir, "Ada Lovelace", "4");
    let (code, _, stderr) = lrs_cli(&data_dir, &["lrs", "flush"]);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("refused the username or password (HTTP 401)"),
        "{stderr}"
    );
    assert!(
        !stderr.contains("not-the-password"),
        "the password is never shown"
    );
    assert_eq!(files(&data_dir, "outbox").len(), 1, "the outbox is kept");
    assert!(ralph.statements().is_empty());
    let status = Outbox::new(&data_dir).status();
    assert!(status.last_error.is_some_and(|(_, m)| m.contains("401")));
}

#[test]
fn the_app_sends_a_finished_attempt_in_the_background_and_the_manager_sees_it() {
    use crate::app::{answer, app, sign_up};
    use eframe::egui;
    use egui_kittest::kittest::Queryable;
    let Some(bin) = ralph_or_skip("the_app_sends_a_finished_attempt_in_the_background") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let ralph = Ralph::start(&bin, &tmp.path().join("ralph"), free_port());
    let data_dir = tmp.path().join("data");
    std::fs::create_dir_all(&data_dir).expect("data dir");
    configure(&data_dir, &ralph.url(), SECRET);
    turnaround::access::Access::load(&data_dir)
        .expect("access")
        .set_first_pin(turnaround::access::Role::Manager, "2468")
        .expect("pin");

    let mut h = app(&data_dir);
    sign_up(&mut h, "Ada Lovelace");
    h.get_by_label("Play The anniversary Rioja").click();
    h.run();
    while matches!(h.state().screen, turnaround::app::Screen::Play(_)) {
        assert!(answer(&mut h, egui::Key::Num1));
    }
    // Sent in the background: the window keeps drawing while it goes.
    let deadline = Instant::now() + Duration::from_secs(30);
    while h.state().lrs.status.sent_attempts == 0 {
        assert!(
            Instant::now() < deadline,
            "not sent within 30 s: {:?}",
            h.state().lrs
        );
        std::thread::sleep(Duration::from_millis(100));
        h.step();
    }
    assert_eq!(h.state().lrs.status.pending_attempts, 0);
    let stored = ralph.statements();
    assert!(stored.len() >= 5, "{} statements", stored.len());
    assert!(stored.iter().all(|s| {
        s["object"]["id"]
            .as_str()
            .is_some_and(|id| id.contains("/scenarios/restaurant-wine-unavailable"))
    }));

    // The manager's LRS tab shows the sync state and never the password.
    h.get_by_label("Back to library").click();
    h.run();
    h.get_by_label("Switch trainee").click();
    h.run();
    h.get_by_label("Manager area").click();
    h.run();
    crate::app::type_into(&mut h, "PIN:", "2468");
    h.key_press(egui::Key::Enter);
    h.run();
    crate::manager::until_list(&mut h);
    h.get_by_label("LRS").click();
    h.run();
    h.get_by_label_contains("Sent: 1 attempt.");
    // The password is in lrs.ron only: not in what the app holds, the audit log or the
    // outbox's state.
    assert!(!format!("{:?}", h.state().lrs).contains(SECRET));
    for file in ["audit.jsonl", "lrs/state.json"] {
        let text = std::fs::read_to_string(data_dir.join(file)).unwrap_or_default();
        assert!(!text.contains(SECRET), "{file} holds the password");
    }
    assert!(
        std::fs::read_to_string(data_dir.join("lrs.ron"))
            .expect("settings")
            .contains(SECRET)
    );
}

#[test]
fn a_bad_attempt_is_set_aside_and_never_blocks_the_others() {
    let Some(bin) = ralph_or_skip("a_bad_attempt_is_set_aside_and_never_blocks_the_others") else {
        return;
    };
    let tmp = tempfile::tempdir().expect("tempdir");
    let ralph = Ralph::start(&bin, &tmp.path().join("ralph"), free_port());
    let data_dir = tmp.path().join("data");
    configure(&data_dir, &ralph.url(), SECRET);
    play(&data_dir, "Ada Lovelace", "6");
    assert_eq!(files(&data_dir, "outbox").len(), 1);
    let outbox = data_dir.join("lrs/outbox");
    // Older than the good one, so they come first: a damaged file, and a statement
    // the LRS refuses (no actor).
    std::fs::write(outbox.join("0000000000001-damaged.json"), b"[{\"id\": ").expect("write");
    std::fs::write(
        outbox.join("0000000000002-refused.json"),
        br#"[{"id": "6a0c6f0e-6b1e-4e7e-9b1a-2c2c2c2c2c2c", "verb": {"id": "http://adlnet.gov/expapi/verbs/answered"}, "object": {"id": "https://x.example/a"}}]"#,
    )
    .expect("write");
    let (code, stdout, stderr) = lrs_cli(&data_dir, &["lrs", "flush"]);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(files(&data_dir, "outbox").is_empty());
    assert_eq!(files(&data_dir, "sent").len(), 1, "the good attempt went");
    let rejected = files(&data_dir, "rejected");
    assert_eq!(
        rejected
            .iter()
            .filter(|p| p.extension().is_some_and(|x| x == "json"))
            .count(),
        2,
        "both set aside, nothing deleted: {rejected:?}"
    );
    let reason =
        std::fs::read_to_string(data_dir.join("lrs/rejected/0000000000002-refused.reason.txt"))
            .expect("a reason beside it");
    assert!(reason.contains("HTTP 4"), "{reason}");
    assert!(!ralph.statements().is_empty());
    assert_eq!(Outbox::new(&data_dir).status().rejected_attempts, 2);
}
