//! Sending attempts to a Learning Record Store, offline-first.
//!
//! Every finished attempt that should go to the LRS is written as xAPI statements to an
//! on-disk outbox first (`<data dir>/lrs/outbox/`, one file per attempt, written
//! atomically and never rewritten: a statement is frozen, timestamp included, when it is
//! written). Sending posts everything pending, in batches; a file moves to `lrs/sent/`
//! only once the LRS has accepted it. Ids are stable, so a batch re-sent after a crash
//! or a lost answer is identical and the LRS stores nothing twice.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use thiserror::Error;

use crate::progress::{AttemptKind, AttemptRecord, write_atomic};
use crate::scenario::Scenario;
use crate::xapi::{self, Identity};

/// The most statements sent in one request.
pub const BATCH: usize = 500;

/// Where the LRS is and who Turnaround is to it: `<data dir>/lrs.ron`, owner-only.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LrsConfig {
    /// The xAPI endpoint, ending before `statements`: `https://lrs.example.org/xAPI/`.
    pub endpoint: String,
    pub username: String,
    pub password: String,
    /// The organisation's home page, for each trainee's `account`.
    pub home_page: String,
    /// Send practice attempts too (assessments always go).
    #[serde(default)]
    pub send_practice: bool,
    /// The base of Turnaround's own IRIs.
    #[serde(default = "default_iri_base")]
    pub iri_base: String,
    /// Attempts finished from this time (unix ms) on go to the LRS: set when the LRS is
    /// first set up, so older history is not sent unasked.
    #[serde(default)]
    pub since_ms: u64,
}

fn default_iri_base() -> String {
    xapi::DEFAULT_IRI_BASE.to_string()
}

impl std::fmt::Debug for LrsConfig {
    /// Never shows the password, so it cannot reach a log or a panic message.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LrsConfig")
            .field("endpoint", &self.endpoint)
            .field("username", &self.username)
            .field("password", &"(hidden)")
            .field("home_page", &self.home_page)
            .field("send_practice", &self.send_practice)
            .field("iri_base", &self.iri_base)
            .field("since_ms", &self.since_ms)
            .finish()
    }
}

impl LrsConfig {
    fn identity(&self) -> Identity {
        Identity {
            home_page: self.home_page.clone(),
            iri_base: self.iri_base.clone(),
        }
    }

    /// The statements resource.
    pub fn statements_url(&self) -> String {
        format!("{}/statements", self.endpoint.trim_end_matches('/'))
    }

    /// What is wrong with these settings, if anything: the endpoint must be https (plain
    /// http only to this computer, since the password would cross the network in
    /// clear) and carry no credentials of its own; the home page and IRI base must be
    /// absolute http(s) addresses.
    pub fn problem(&self) -> Option<String> {
        let endpoint = self.endpoint.trim();
        let local = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
            .iter()
            .any(|p| {
                endpoint
                    .strip_prefix(p)
                    .is_some_and(|r| r.is_empty() || r.starts_with([':', '/']))
            });
        if !endpoint.starts_with("https://") && !local {
            return Some(format!(
                "the endpoint `{endpoint}` must start with https:// (plain http:// is allowed only for this computer: the password would cross the network in clear)"
            ));
        }
        let authority = endpoint
            .split("://")
            .nth(1)
            .unwrap_or("")
            .split('/')
            .next()
            .unwrap_or("");
        if authority.contains('@') {
            return Some(
                "the endpoint must not carry a username or password of its own; use the fields for them"
                    .into(),
            );
        }
        if self.username.trim().is_empty() || self.password.is_empty() {
            return Some("the username and password are needed".into());
        }
        for (what, value) in [("home page", &self.home_page), ("IRI base", &self.iri_base)] {
            let v = value.trim();
            let rest = v
                .strip_prefix("https://")
                .or_else(|| v.strip_prefix("http://"));
            if rest.is_none_or(|r| r.is_empty() || r.contains(char::is_whitespace)) {
                return Some(format!(
                    "the {what} `{v}` must be an absolute http:// or https:// address"
                ));
            }
        }
        None
    }
}

/// Why statements could not be kept or sent. The outbox is never emptied by a failure.
#[derive(Debug, Error)]
pub enum LrsError {
    #[error("no LRS is configured: set it up in the Manager area's LRS tab, or write {0}")]
    NotConfigured(PathBuf),
    #[error("{path}: {message}")]
    Config { path: PathBuf, message: String },
    #[error(
        "cannot reach the LRS at {url}: {message}. The statements stay in the outbox and are sent later"
    )]
    Unreachable { url: String, message: String },
    #[error(
        "the LRS refused the username or password (HTTP {status}); fix them in the LRS settings. The statements stay in the outbox"
    )]
    Credentials { status: u16 },
    #[error("the LRS rejected the statements (HTTP {status}): {detail}. They stay in the outbox")]
    Rejected { status: u16, detail: String },
    #[error(
        "the LRS failed (HTTP {status}): {detail}. The statements stay in the outbox and are tried again"
    )]
    Server { status: u16, detail: String },
    #[error(
        "the LRS answered with a redirect (HTTP {status}) to {location}; set the endpoint to where it points. The statements stay in the outbox"
    )]
    Redirected { status: u16, location: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl LrsError {
    /// True when trying again later may work (the LRS down or failing), false when a
    /// person must change something first.
    pub fn is_transient(&self) -> bool {
        matches!(self, LrsError::Unreachable { .. } | LrsError::Server { .. })
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> LrsError + '_ {
    move |source| LrsError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The configuration file's path.
pub fn config_path(data_dir: &Path) -> PathBuf {
    data_dir.join("lrs.ron")
}

/// The configuration, or `None` when no LRS is set up.
pub fn load_config(data_dir: &Path) -> Result<Option<LrsConfig>, LrsError> {
    let path = config_path(data_dir);
    let text = match fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(io(&path)(e)),
    };
    // The parser's own message may quote a value, and this file holds the password:
    // say where, never what.
    ron::from_str(&text).map(Some).map_err(|e| LrsError::Config {
        path: path.clone(),
        message: format!(
            "line {}, column {}: not valid LRS settings (see docs/xapi.md for the fields); the file was left as it is",
            e.span.start.line, e.span.start.col
        ),
    })
}

/// Writes the configuration, owner-only (it holds the password).
pub fn save_config(data_dir: &Path, config: &LrsConfig) -> Result<(), LrsError> {
    let path = config_path(data_dir);
    if let Some(message) = config.problem() {
        return Err(LrsError::Config { path, message });
    }
    let text =
        ron::ser::to_string_pretty(config, ron::ser::PrettyConfig::default()).map_err(|e| {
            LrsError::Config {
                path: path.clone(),
                message: e.to_string(),
            }
        })?;
    write_atomic(&path, text.as_bytes()).map_err(io(&path))
}

/// What the outbox holds, and how the last send went.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Status {
    pub pending_attempts: usize,
    pub pending_statements: usize,
    pub sent_attempts: usize,
    /// Attempts the LRS refused even alone, kept in `lrs/rejected/` with the reason.
    #[serde(default)]
    pub rejected_attempts: usize,
    /// Unix ms of the last send that delivered everything pending.
    pub last_success_ms: Option<u64>,
    /// Unix ms and message of the last failure, when it came after the last success.
    pub last_error: Option<(u64, String)>,
}

/// The outbox under `<data dir>/lrs`.
#[derive(Debug, Clone)]
pub struct Outbox {
    root: PathBuf,
}

/// What one send delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sent {
    pub attempts: usize,
    pub statements: usize,
}

impl Outbox {
    pub fn new(data_dir: &Path) -> Outbox {
        Outbox {
            root: data_dir.join("lrs"),
        }
    }

    fn outbox(&self) -> PathBuf {
        self.root.join("outbox")
    }

    fn sent(&self) -> PathBuf {
        self.root.join("sent")
    }

    fn rejected(&self) -> PathBuf {
        self.root.join("rejected")
    }

    /// Moves a pending file aside into `rejected/`, with why in a `.reason.txt` beside it,
    /// so it never blocks the attempts after it. Nothing is deleted.
    fn set_aside(&self, file: &Path, why: &str) -> Result<(), LrsError> {
        crate::paths::create_private_dir(&self.rejected()).map_err(io(&self.rejected()))?;
        let name = file.file_name().unwrap_or_default();
        let to = self.rejected().join(name);
        let reason = to.with_extension("reason.txt");
        write_atomic(&reason, why.as_bytes()).map_err(io(&reason))?;
        match fs::rename(file, &to) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io(file)(e)),
        }
    }

    fn files(dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = fs::read_dir(dir)
            .map(|entries| {
                entries
                    .filter_map(Result::ok)
                    .map(|e| e.path())
                    .filter(|p| p.extension().is_some_and(|x| x == "json"))
                    .collect()
            })
            .unwrap_or_default();
        files.sort();
        files
    }

    /// Writes an attempt's statements, unless they are already written (pending or
    /// sent): once frozen, never rewritten. Returns whether it wrote.
    pub fn put(&self, name: &str, statements: &[Value]) -> Result<bool, LrsError> {
        let file = format!("{name}.json");
        let (pending, sent) = (self.outbox().join(&file), self.sent().join(&file));
        if pending.exists() || sent.exists() || self.rejected().join(&file).exists() {
            return Ok(false);
        }
        crate::paths::create_private_dir(&self.outbox()).map_err(io(&self.outbox()))?;
        let bytes = serde_json::to_vec(statements).map_err(|e| LrsError::Io {
            path: pending.clone(),
            source: std::io::Error::other(e),
        })?;
        write_atomic(&pending, &bytes).map_err(io(&pending))?;
        Ok(true)
    }

    /// Every pending file with its statements. A file that vanished meanwhile (another
    /// send moved it) is skipped; one that is not a list of statements is set aside into
    /// `rejected/`, never left to block the rest.
    fn pending(&self) -> Result<Vec<(PathBuf, Vec<Value>)>, LrsError> {
        let mut out = Vec::new();
        for path in Self::files(&self.outbox()) {
            let bytes = match fs::read(&path) {
                Ok(b) => b,
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
                Err(e) => return Err(io(&path)(e)),
            };
            match serde_json::from_slice::<Vec<Value>>(&bytes) {
                Ok(statements) => out.push((path, statements)),
                Err(e) => self.set_aside(&path, &format!("not a list of statements: {e}"))?,
            }
        }
        Ok(out)
    }

    /// Sends everything pending, in batches of whole attempts, oldest first. Each
    /// batch's files move to `sent/` once the LRS accepted it; a failure stops the send
    /// and leaves the rest pending.
    pub fn flush(&self, config: &LrsConfig, now_ms: u64) -> Result<Sent, LrsError> {
        // One sender at a time (the app's and the terminal's): the second waits, then
        // finds the first one's files already sent.
        crate::paths::create_private_dir(&self.root).map_err(io(&self.root))?;
        let lock_path = self.root.join("send.lock");
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let lock = options.open(&lock_path).map_err(io(&lock_path))?;
        lock.lock().map_err(io(&lock_path))?;
        let result = self.flush_inner(config);
        let mut state = self.read_state();
        match &result {
            Ok(_) => {
                state.last_success_ms = Some(now_ms);
                state.last_error = None;
            }
            Err(e) => state.last_error = Some((now_ms, e.to_string())),
        }
        self.write_state(&state);
        let _ = lock.unlock();
        result
    }

    fn flush_inner(&self, config: &LrsConfig) -> Result<Sent, LrsError> {
        let pending = self.pending()?;
        let mut sent = Sent {
            attempts: 0,
            statements: 0,
        };
        let mut i = 0;
        while i < pending.len() {
            // Whole attempts only, up to BATCH statements (one attempt may exceed it).
            let start = i;
            let mut size = 0;
            while i < pending.len() && (i == start || size + pending[i].1.len() <= BATCH) {
                size += pending[i].1.len();
                i += 1;
            }
            let group = &pending[start..i];
            match self.send_group(config, group) {
                Ok(()) => {
                    sent.attempts += group.len();
                    sent.statements += size;
                }
                // Refused as a whole: one attempt at a time, so one bad attempt is set
                // aside and the rest still go.
                Err(LrsError::Rejected { .. }) if group.len() > 1 => {
                    for one in group {
                        match self.send_group(config, std::slice::from_ref(one)) {
                            Ok(()) => {
                                sent.attempts += 1;
                                sent.statements += one.1.len();
                            }
                            Err(e @ LrsError::Rejected { .. }) => {
                                self.set_aside(&one.0, &e.to_string())?;
                            }
                            Err(e) => return Err(e),
                        }
                    }
                }
                Err(e @ LrsError::Rejected { .. }) => {
                    self.set_aside(&group[0].0, &e.to_string())?
                }
                Err(e) => return Err(e),
            }
        }
        Ok(sent)
    }

    /// Posts some attempts' statements as one request; once accepted, moves their files
    /// to `sent/`.
    fn send_group(
        &self,
        config: &LrsConfig,
        group: &[(PathBuf, Vec<Value>)],
    ) -> Result<(), LrsError> {
        let batch: Vec<&Value> = group.iter().flat_map(|(_, s)| s.iter()).collect();
        post(config, &batch)?;
        crate::paths::create_private_dir(&self.sent()).map_err(io(&self.sent()))?;
        for (file, _) in group {
            let to = self.sent().join(file.file_name().unwrap_or_default());
            match fs::rename(file, &to) {
                Ok(()) => {}
                // Moved already (a send that was cut off and repeated): sent is sent.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && to.exists() => {}
                Err(e) => return Err(io(file)(e)),
            }
        }
        Ok(())
    }

    /// The outbox's counts and the last send's result.
    pub fn status(&self) -> Status {
        let state = self.read_state();
        let pending = Self::files(&self.outbox());
        let pending_statements = pending
            .iter()
            .filter_map(|p| fs::read(p).ok())
            .filter_map(|b| serde_json::from_slice::<Vec<Value>>(&b).ok())
            .map(|s| s.len())
            .sum();
        Status {
            pending_attempts: pending.len(),
            pending_statements,
            sent_attempts: Self::files(&self.sent()).len(),
            rejected_attempts: Self::files(&self.rejected()).len(),
            last_success_ms: state.last_success_ms,
            last_error: state.last_error,
        }
    }

    /// Writes every statement, sent and pending, one JSON object a line, oldest attempt
    /// first. Returns how many.
    pub fn export(&self, out: &mut dyn std::io::Write) -> Result<usize, LrsError> {
        let mut files = Self::files(&self.sent());
        files.extend(Self::files(&self.outbox()));
        files.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
        let mut n = 0;
        for path in files {
            let bytes = fs::read(&path).map_err(io(&path))?;
            let statements: Vec<Value> =
                serde_json::from_slice(&bytes).map_err(|e| LrsError::Io {
                    path: path.clone(),
                    source: std::io::Error::other(e),
                })?;
            for s in statements {
                writeln!(out, "{s}").map_err(io(&path))?;
                n += 1;
            }
        }
        Ok(n)
    }

    fn state_path(&self) -> PathBuf {
        self.root.join("state.json")
    }

    fn read_state(&self) -> Status {
        fs::read(self.state_path())
            .ok()
            .and_then(|b| serde_json::from_slice(&b).ok())
            .unwrap_or_default()
    }

    fn write_state(&self, state: &Status) {
        if crate::paths::create_private_dir(&self.root).is_ok()
            && let Ok(bytes) = serde_json::to_vec(state)
        {
            let _ = write_atomic(&self.state_path(), &bytes);
        }
    }
}

/// "1 statement", "2 statements": a count with its noun.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The outbox file name for an attempt: sortable by start, unique per attempt.
pub fn file_name(attempt: &AttemptRecord) -> String {
    file_name_of(&attempt.about)
}

fn file_name_of(about: &crate::progress::AttemptHeader) -> String {
    format!("{:013}-{}", about.started_ms, xapi::registration_of(about))
}

/// Queues every stored attempt that should be in the outbox and is in none of its
/// folders: one saved just before the app was killed, say, or while `lrs.ron` could
/// not be read. Returns how many it queued.
pub fn reconcile(data_dir: &Path) -> Result<usize, LrsError> {
    use crate::progress::ProgressStore;
    let Some(config) = load_config(data_dir)? else {
        return Ok(0);
    };
    let outbox = Outbox::new(data_dir);
    let known: std::collections::BTreeSet<String> =
        [outbox.outbox(), outbox.sent(), outbox.rejected()]
            .iter()
            .flat_map(|dir| Outbox::files(dir))
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .collect();
    let mut store = crate::progress::FsStore::new(data_dir);
    let store_error = |e: crate::progress::StoreError| LrsError::Io {
        path: data_dir.join("trainees"),
        source: std::io::Error::other(e.to_string()),
    };
    let mut queued = 0;
    for t in store.trainees().map_err(store_error)? {
        for row in store.rows(&t.id).map_err(store_error)? {
            let wanted = row.finished_ms >= config.since_ms
                && (row.about.kind == AttemptKind::Assessment || config.send_practice);
            if !wanted || known.contains(&file_name_of(&row.about)) {
                continue;
            }
            let Some(attempt) = store.attempt(&t.id, &row.key).map_err(store_error)? else {
                continue;
            };
            let statements = xapi::statements(&attempt, None, &config.identity());
            if outbox.put(&file_name(&attempt), &statements)? {
                queued += 1;
            }
        }
    }
    Ok(queued)
}

/// Puts a finished attempt's statements in the outbox when an LRS is configured and the
/// attempt should go there. Returns whether it did.
pub fn record(
    data_dir: &Path,
    attempt: &AttemptRecord,
    scenario: Option<&Scenario>,
) -> Result<bool, LrsError> {
    let Some(config) = load_config(data_dir)? else {
        return Ok(false);
    };
    if attempt.about.kind == AttemptKind::Practice && !config.send_practice {
        return Ok(false);
    }
    if attempt.finished_ms < config.since_ms {
        return Ok(false);
    }
    let statements = xapi::statements(attempt, scenario, &config.identity());
    Outbox::new(data_dir).put(&file_name(attempt), &statements)
}

fn basic_auth(username: &str, password: &str) -> String {
    use base64::Engine;
    let token = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
    format!("Basic {token}")
}

/// POSTs one batch; Ok when the LRS stored it, or already had every statement in it.
fn post(config: &LrsConfig, batch: &[&Value]) -> Result<(), LrsError> {
    let url = config.statements_url();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_global(Some(Duration::from_secs(30)))
        .http_status_as_error(false)
        // A redirect would turn the POST into a GET that "succeeds" without storing
        // anything: report it instead.
        .max_redirects(0)
        .build()
        .into();
    let body = serde_json::to_string(batch).map_err(|e| LrsError::Rejected {
        status: 0,
        detail: format!("the statements could not be written as JSON: {e}"),
    })?;
    let mut response = agent
        .post(&url)
        .header("X-Experience-API-Version", xapi::XAPI_VERSION)
        .header(
            "Authorization",
            &basic_auth(&config.username, &config.password),
        )
        .header("Content-Type", "application/json")
        .send(body.as_str())
        .map_err(|e| LrsError::Unreachable {
            url: url.clone(),
            message: e.to_string(),
        })?;
    let status = response.status().as_u16();
    let mut detail = || {
        let text = response.body_mut().read_to_string().unwrap_or_default();
        let text: String = text.chars().take(300).collect();
        if text.is_empty() {
            "no details given".to_string()
        } else {
            text
        }
    };
    match status {
        // 200 answers with the stored ids: anything else is not an LRS storing them.
        200 => {
            let text = response.body_mut().read_to_string().unwrap_or_default();
            match serde_json::from_str::<Vec<String>>(&text) {
                Ok(_) => Ok(()),
                Err(_) => Err(LrsError::Rejected {
                    status,
                    detail: "the answer was not a list of statement ids, so this is not an xAPI statements resource; check the endpoint".into(),
                }),
            }
        }
        201..=299 => Ok(()),
        300..=399 => Err(LrsError::Redirected {
            status,
            location: response
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("an address it did not give")
                .to_string(),
        }),
        401 | 403 => Err(LrsError::Credentials { status }),
        408 | 429 | 500..=599 => Err(LrsError::Server {
            status,
            detail: detail(),
        }),
        _ => Err(LrsError::Rejected {
            status,
            detail: detail(),
        }),
    }
}
