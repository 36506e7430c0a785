//! Trainee progress: profiles and finished attempts, behind a store trait.
//!
//! A finished attempt is an immutable fact: one file per attempt in the trainee's folder,
//! written atomically (temp file, fsync, rename, fsync the folder) and never rewritten.
//! Summaries such as best and latest results are derived from those files. A file that
//! cannot be read is moved aside with a timestamp and reported, never overwritten.
//! This module has no GUI and no sound; only `FsStore` touches the disk.

mod index;
mod migrate;
mod summary;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::engine::{Debrief, Entry, Input};

pub use index::{AttemptRow, AttemptTurns, TurnRow};
pub use summary::{ProgressSummary, TrendPoint, summarise};

/// The attempt and profile file-format version. Files of every older version still load:
/// `migrate` turns them into this one when they are read (and never rewrites them).
///
/// - 1: attempts and unfinished attempts repeat the header fields at top level.
/// - 2: those fields live in one `about` header; profiles may carry a PIN hash.
pub const FORMAT_VERSION: u32 = 2;

/// A trainee profile. Files use the opaque id; only views show the name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Trainee {
    pub format: u32,
    /// A UUID.
    pub id: String,
    pub name: String,
    /// Unix milliseconds.
    pub created_ms: u64,
    /// The trainee's own PIN, as a salted argon2 hash (PHC string), if they set one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pin: Option<String>,
}

/// Whether an attempt counts (PRODUCT.md).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttemptKind {
    /// Counts for pass and readiness.
    Assessment,
    /// Stored and flagged; does not count.
    Practice,
}

/// Who attempted what, when, and with which seed: shared by finished and unfinished
/// attempts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttemptHeader {
    /// The trainee's id.
    pub trainee: String,
    pub scenario_id: String,
    /// The scenario's content version hash when the attempt started.
    pub scenario_version: String,
    pub kind: AttemptKind,
    pub seed: u64,
    /// Unix milliseconds.
    pub started_ms: u64,
    /// The language of the scenario's translation the attempt was played in; absent for
    /// the original. Replaying needs the same copy: a typed turn may have been offered
    /// as choices there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// One finished attempt, as stored.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AttemptRecord {
    pub format: u32,
    pub about: AttemptHeader,
    /// Unix milliseconds.
    pub finished_ms: u64,
    pub transcript: Vec<Entry>,
    /// Enough to replay the attempt with its seed.
    pub inputs: Vec<Input>,
    pub debrief: Debrief,
}

impl AttemptRecord {
    /// The record of a finished session; `None` while it is still going.
    pub fn from_session(
        session: &crate::engine::Session,
        trainee: &str,
        scenario_version: &str,
        kind: AttemptKind,
        started_ms: u64,
        finished_ms: u64,
    ) -> Option<AttemptRecord> {
        let crate::engine::Step::Finished(debrief) = session.step() else {
            return None;
        };
        Some(AttemptRecord {
            format: FORMAT_VERSION,
            about: AttemptHeader {
                trainee: trainee.to_string(),
                scenario_id: session.scenario().id.clone(),
                scenario_version: scenario_version.to_string(),
                kind,
                seed: session.seed(),
                started_ms,
                language: session.scenario().language().map(str::to_string),
            },
            finished_ms,
            transcript: session.transcript().to_vec(),
            inputs: session.inputs().to_vec(),
            debrief: (**debrief).clone(),
        })
    }

    /// The attempt's file name: sortable by time, unique per trainee.
    pub fn file_name(&self) -> String {
        format!(
            "{:013}-{}-{}.ron",
            self.finished_ms,
            sanitize(&self.about.scenario_id),
            self.about.seed
        )
    }
}

fn sanitize(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// An attempt cut off before its ending (app closed, power lost): enough to replay it
/// with its seed and carry on where it stopped. Rewritten after every reply; removed
/// when the attempt finishes or is abandoned.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InProgress {
    pub format: u32,
    pub about: AttemptHeader,
    /// The session clock at the start, for replaying the inputs' times.
    pub session_start_ms: u64,
    pub inputs: Vec<Input>,
}

impl InProgress {
    /// The session clock of the last input (or the start), to carry on from.
    pub fn last_ms(&self) -> u64 {
        self.inputs
            .iter()
            .map(Input::at_ms)
            .max()
            .unwrap_or(self.session_start_ms)
    }
}

/// Best and latest results on one scenario, derived from attempts.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ScenarioResults {
    pub best_overall: f64,
    pub latest_overall: f64,
    pub latest_passed: bool,
    pub attempts: usize,
}

/// Best and latest per scenario id, from a trainee's assessments: practice does not
/// count.
pub fn results_by_scenario(attempts: &[AttemptRecord]) -> BTreeMap<String, ScenarioResults> {
    let mut sorted: Vec<&AttemptRecord> = attempts
        .iter()
        .filter(|a| a.about.kind == AttemptKind::Assessment)
        .collect();
    sorted.sort_by_key(|a| a.finished_ms);
    let mut out: BTreeMap<String, ScenarioResults> = BTreeMap::new();
    for a in sorted {
        let overall = a.debrief.overall;
        out.entry(a.about.scenario_id.clone())
            .and_modify(|r| {
                r.best_overall = r.best_overall.max(overall);
                r.latest_overall = overall;
                r.latest_passed = a.debrief.passed;
                r.attempts += 1;
            })
            .or_insert(ScenarioResults {
                best_overall: overall,
                latest_overall: overall,
                latest_passed: a.debrief.passed,
                attempts: 1,
            });
    }
    out
}

/// What went wrong with the store.
#[derive(Debug, Error)]
pub enum StoreError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("a trainee needs a name")]
    EmptyName,
    #[error("no trainee with id {0}")]
    NoSuchTrainee(String),
    #[error("stopped before the end")]
    Cancelled,
}

/// A file left where it is and not loaded: written by a newer Turnaround, or
/// unreadable for now (permissions). Nothing is wrong with its contents as far as we know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: PathBuf,
    pub reason: String,
}

/// A file that could not be read and was moved aside.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetAside {
    pub original: PathBuf,
    pub moved_to: PathBuf,
    pub reason: String,
}

/// Where trainee profiles and attempts are kept.
pub trait ProgressStore {
    /// Every trainee, sorted by name.
    fn trainees(&mut self) -> Result<Vec<Trainee>, StoreError>;
    /// The trainee with this display name (ignoring case), created when there is none.
    fn trainee_named(&mut self, name: &str, now_ms: u64) -> Result<Trainee, StoreError> {
        let wanted = name.trim().to_lowercase();
        match self
            .trainees()?
            .into_iter()
            .find(|t| t.name.to_lowercase() == wanted)
        {
            Some(t) => Ok(t),
            None => self.add_trainee(name, now_ms),
        }
    }
    /// Creates a profile with a fresh id.
    fn add_trainee(&mut self, name: &str, now_ms: u64) -> Result<Trainee, StoreError>;
    /// Stores a finished attempt; never overwrites an existing one.
    fn save_attempt(&mut self, attempt: &AttemptRecord) -> Result<(), StoreError>;
    /// A trainee's attempts, oldest first.
    fn attempts(&mut self, trainee_id: &str) -> Result<Vec<AttemptRecord>, StoreError>;
    /// A trainee's attempts without their transcripts, oldest first: what lists and
    /// charts need, fast even with thousands of attempts.
    fn rows(&mut self, trainee_id: &str) -> Result<Vec<AttemptRow>, StoreError> {
        Ok(self
            .attempts(trainee_id)?
            .iter()
            .map(|a| AttemptRow::of(a, &a.file_name()))
            .collect())
    }
    /// A trainee's replies per attempt, oldest first: what the turns export needs.
    fn turns(&mut self, trainee_id: &str) -> Result<Vec<AttemptTurns>, StoreError> {
        Ok(self
            .attempts(trainee_id)?
            .iter()
            .map(|a| AttemptTurns::of(a, &a.file_name()))
            .collect())
    }
    /// One attempt in full, by its row's key.
    fn attempt(
        &mut self,
        trainee_id: &str,
        key: &str,
    ) -> Result<Option<AttemptRecord>, StoreError> {
        Ok(self
            .attempts(trainee_id)?
            .into_iter()
            .find(|a| a.file_name() == key))
    }
    /// Replaces a trainee's profile (a new name or PIN); the id stays.
    fn update_trainee(&mut self, trainee: &Trainee) -> Result<(), StoreError>;
    /// Removes a trainee and every record of theirs; returns how many attempts went.
    fn delete_trainee(&mut self, trainee_id: &str) -> Result<usize, StoreError>;
    /// Files moved aside since the store was opened.
    fn set_aside(&self) -> &[SetAside];
    /// Files left untouched and not loaded since the store was opened.
    fn skipped(&self) -> &[Skipped] {
        &[]
    }
    /// Remembers an unfinished attempt, replacing the trainee's previous one.
    fn save_in_progress(&mut self, attempt: &InProgress) -> Result<(), StoreError>;
    /// The trainee's unfinished attempt, if any.
    fn in_progress(&mut self, trainee_id: &str) -> Result<Option<InProgress>, StoreError>;
    /// Forgets the trainee's unfinished attempt.
    fn clear_in_progress(&mut self, trainee_id: &str) -> Result<(), StoreError>;
    /// A second handle on the same records that another thread can read through, for
    /// long reads that must not hold up the window; `None` when the store cannot give one
    /// (then the read happens in place).
    fn reader(&self) -> Option<Box<dyn ProgressStore + Send>> {
        None
    }
}

/// Trainees in the order people look for them: by name, ignoring case (id breaks ties).
fn sort_by_name(trainees: &mut [Trainee]) {
    trainees.sort_by(|a, b| {
        a.name
            .to_lowercase()
            .cmp(&b.name.to_lowercase())
            .then(a.id.cmp(&b.id))
    });
}

fn new_trainee(name: &str, now_ms: u64) -> Result<Trainee, StoreError> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::EmptyName);
    }
    Ok(Trainee {
        format: FORMAT_VERSION,
        id: uuid::Uuid::new_v4().to_string(),
        name: name.to_string(),
        created_ms: now_ms,
        pin: None,
    })
}

/// The in-memory twin, for tests.
#[derive(Debug, Default)]
pub struct MemoryStore {
    trainees: Vec<Trainee>,
    attempts: Vec<AttemptRecord>,
    unfinished: BTreeMap<String, InProgress>,
}

impl ProgressStore for MemoryStore {
    fn trainees(&mut self) -> Result<Vec<Trainee>, StoreError> {
        let mut t = self.trainees.clone();
        sort_by_name(&mut t);
        Ok(t)
    }

    fn add_trainee(&mut self, name: &str, now_ms: u64) -> Result<Trainee, StoreError> {
        let t = new_trainee(name, now_ms)?;
        self.trainees.push(t.clone());
        Ok(t)
    }

    fn update_trainee(&mut self, trainee: &Trainee) -> Result<(), StoreError> {
        match self.trainees.iter_mut().find(|t| t.id == trainee.id) {
            Some(t) => {
                *t = trainee.clone();
                Ok(())
            }
            None => Err(StoreError::NoSuchTrainee(trainee.id.clone())),
        }
    }

    fn delete_trainee(&mut self, trainee_id: &str) -> Result<usize, StoreError> {
        if !self.trainees.iter().any(|t| t.id == trainee_id) {
            return Err(StoreError::NoSuchTrainee(trainee_id.to_string()));
        }
        self.trainees.retain(|t| t.id != trainee_id);
        let before = self.attempts.len();
        self.attempts.retain(|a| a.about.trainee != trainee_id);
        self.unfinished.remove(trainee_id);
        Ok(before - self.attempts.len())
    }

    fn save_attempt(&mut self, attempt: &AttemptRecord) -> Result<(), StoreError> {
        if !self.trainees.iter().any(|t| t.id == attempt.about.trainee) {
            return Err(StoreError::NoSuchTrainee(attempt.about.trainee.clone()));
        }
        self.attempts.push(attempt.clone());
        Ok(())
    }

    fn attempts(&mut self, trainee_id: &str) -> Result<Vec<AttemptRecord>, StoreError> {
        let mut a: Vec<_> = self
            .attempts
            .iter()
            .filter(|a| a.about.trainee == trainee_id)
            .cloned()
            .collect();
        a.sort_by_key(|a| a.finished_ms);
        Ok(a)
    }

    fn set_aside(&self) -> &[SetAside] {
        &[]
    }

    fn save_in_progress(&mut self, attempt: &InProgress) -> Result<(), StoreError> {
        self.unfinished
            .insert(attempt.about.trainee.clone(), attempt.clone());
        Ok(())
    }

    fn in_progress(&mut self, trainee_id: &str) -> Result<Option<InProgress>, StoreError> {
        Ok(self.unfinished.get(trainee_id).cloned())
    }

    fn clear_in_progress(&mut self, trainee_id: &str) -> Result<(), StoreError> {
        self.unfinished.remove(trainee_id);
        Ok(())
    }
}

/// The store on disk: `<data dir>/trainees/<id>/profile.ron` and
/// `<data dir>/trainees/<id>/attempts/<finished>-<scenario>-<seed>.ron`.
#[derive(Debug)]
pub struct FsStore {
    root: PathBuf,
    set_aside: Vec<SetAside>,
    skipped: Vec<Skipped>,
}

impl FsStore {
    /// A store under `data_dir` (created on first write).
    pub fn new(data_dir: &Path) -> FsStore {
        FsStore {
            root: data_dir.join("trainees"),
            set_aside: Vec::new(),
            skipped: Vec::new(),
        }
    }

    fn io(path: &Path) -> impl FnOnce(std::io::Error) -> StoreError + '_ {
        move |source| StoreError::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    /// Reads a RON file of any format up to this one, migrating older ones; a file that
    /// does not parse is moved aside and reported.
    fn read<T: migrate::Stored>(&mut self, path: &Path) -> Option<T> {
        // A file far bigger than any attempt is not read into memory: it is left where it
        // is and reported (it may be someone's data; it is certainly not ours).
        if let Ok(meta) = fs::metadata(path)
            && meta.len() > MAX_FILE_BYTES
        {
            self.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: format!(
                    "it is {} bytes; a progress file is at most {MAX_FILE_BYTES} bytes",
                    meta.len()
                ),
            });
            return None;
        }
        let text = match fs::read_to_string(path) {
            Ok(t) => t,
            // Bytes that are not text are damage; anything else (permissions, a
            // vanished disk) is not the file's fault, so leave it where it is.
            Err(e) if e.kind() == std::io::ErrorKind::InvalidData => {
                self.move_aside(path, format!("not text: {e}"));
                return None;
            }
            Err(e) => {
                self.skipped.push(Skipped {
                    path: path.to_path_buf(),
                    reason: format!("cannot read it: {e}"),
                });
                return None;
            }
        };
        // A newer Turnaround's file is not damaged: never move it, just leave it out.
        let format = migrate::format_of(&text);
        if format > FORMAT_VERSION {
            self.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: format!(
                    "written by a newer Turnaround (format {format}; this one reads {FORMAT_VERSION})"
                ),
            });
            return None;
        }
        match T::parse(&text) {
            Ok(v) => Some(v),
            Err(e) => {
                self.move_aside(path, e.to_string());
                None
            }
        }
    }

    /// A cache's entries for a trainee, brought up to date with the attempt files.
    fn cached<T: index::Cached>(&mut self, trainee_id: &str) -> Result<Vec<T>, StoreError> {
        let folder = self.root.join(trainee_id);
        let dir = folder.join("attempts");
        let files = index::attempt_files(&dir).map_err(Self::io(&dir))?;
        let path = folder.join(T::FILE);
        let (mut cached, mut dirty) = index::load::<T>(&path);
        let mut entries = Vec::with_capacity(files.len());
        for file in &files {
            let key = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if let Some(entry) = cached.remove(&key) {
                entries.push(entry);
            } else if let Some(a) = self.read::<AttemptRecord>(file) {
                entries.push(T::derive(&a, &key));
                dirty = true;
            }
        }
        // Entries left over are for files that vanished or were set aside.
        dirty |= !cached.is_empty();
        entries.sort_by(|a, b| {
            a.finished_ms()
                .cmp(&b.finished_ms())
                .then_with(|| a.key().cmp(b.key()))
        });
        // Never write a cache for a trainee who is gone (deleted while this was reading).
        if dirty && !files.is_empty() && folder.join("profile.ron").is_file() {
            // A cache: failing to write it costs time on the next read, never an attempt.
            let _ = index::save(&path, &entries);
        }
        Ok(entries)
    }

    /// Moves a damaged file aside with a timestamp, so it is kept but never overwritten.
    fn move_aside(&mut self, path: &Path, reason: String) {
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis());
        let moved_to = path.with_extension(format!("ron.corrupt-{stamp}"));
        if fs::rename(path, &moved_to).is_ok() {
            self.set_aside.push(SetAside {
                original: path.to_path_buf(),
                moved_to,
                reason,
            });
        } else {
            self.skipped.push(Skipped {
                path: path.to_path_buf(),
                reason: format!("damaged ({reason}), and it could not be moved aside"),
            });
        }
    }
}

/// Writes `bytes` to `path` so that a crash leaves the old state or the new, never a torn
/// file: a temp file in the same folder, fsync, rename, fsync the folder. The file is
/// owner-only (the temp file is created 0600), and so are any folders it creates.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    crate::paths::create_private_dir(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    fs::File::open(dir)?.sync_all()?;
    Ok(())
}

fn to_ron<T: Serialize>(value: &T) -> String {
    ron::ser::to_string_pretty(value, ron::ser::PrettyConfig::default()).unwrap_or_default()
}

impl ProgressStore for FsStore {
    fn reader(&self) -> Option<Box<dyn ProgressStore + Send>> {
        Some(Box::new(FsStore {
            root: self.root.clone(),
            set_aside: Vec::new(),
            skipped: Vec::new(),
        }))
    }

    fn trainee_named(&mut self, name: &str, now_ms: u64) -> Result<Trainee, StoreError> {
        // Two processes asking for a new name at once must not both create it: hold an
        // exclusive lock on the trainees folder's lock file while looking and creating.
        crate::paths::create_private_dir(&self.root).map_err(Self::io(&self.root))?;
        let lock_path = self.root.join(".lock");
        let mut options = fs::OpenOptions::new();
        options.create(true).truncate(false).write(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let lock = options.open(&lock_path).map_err(Self::io(&lock_path))?;
        lock.lock().map_err(Self::io(&lock_path))?;
        let wanted = name.trim().to_lowercase();
        let found = self
            .trainees()?
            .into_iter()
            .find(|t| t.name.to_lowercase() == wanted);
        let result = match found {
            Some(t) => Ok(t),
            None => self.add_trainee(name, now_ms),
        };
        // Closing the file releases the lock; say so rather than rely on it silently.
        let _ = lock.unlock();
        result
    }

    fn trainees(&mut self) -> Result<Vec<Trainee>, StoreError> {
        let entries = match fs::read_dir(&self.root) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(Self::io(&self.root)(e)),
        };
        let mut dirs: Vec<PathBuf> = Vec::new();
        for e in entries.filter_map(Result::ok) {
            let name = e.file_name().to_string_lossy().into_owned();
            let path = e.path();
            if !path.is_dir() {
                continue;
            }
            if name.starts_with(".deleting-") {
                // A deletion cut off by a crash: finish it.
                let _ = fs::remove_dir_all(&path);
            } else if !name.starts_with('.') {
                dirs.push(path);
            }
        }
        dirs.sort();
        let mut out = Vec::new();
        for dir in dirs {
            let profile = dir.join("profile.ron");
            if profile.is_file()
                && let Some(t) = self.read::<Trainee>(&profile)
            {
                out.push(t);
            }
        }
        sort_by_name(&mut out);
        Ok(out)
    }

    fn add_trainee(&mut self, name: &str, now_ms: u64) -> Result<Trainee, StoreError> {
        let t = new_trainee(name, now_ms)?;
        let path = self.root.join(&t.id).join("profile.ron");
        write_atomic(&path, to_ron(&t).as_bytes()).map_err(Self::io(&path))?;
        Ok(t)
    }

    fn save_attempt(&mut self, attempt: &AttemptRecord) -> Result<(), StoreError> {
        let dir = self.root.join(&attempt.about.trainee);
        if !dir.join("profile.ron").is_file() {
            return Err(StoreError::NoSuchTrainee(attempt.about.trainee.clone()));
        }
        let attempts = dir.join("attempts");
        let mut path = attempts.join(attempt.file_name());
        // Never rewrite a fact: a clash (same millisecond, scenario and seed) gets a suffix.
        let mut n = 1;
        while path.exists() {
            path = attempts.join(format!(
                "{}-{n}.ron",
                attempt.file_name().trim_end_matches(".ron")
            ));
            n += 1;
        }
        write_atomic(&path, to_ron(attempt).as_bytes()).map_err(Self::io(&path))?;
        // Keep the caches current with one appended line each. They are derived data:
        // a failure here is repaired by the next read, so it does not fail the save.
        let key = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let first = index::attempt_files(&attempts).is_ok_and(|f| f.len() == 1);
        let row = AttemptRow::of(attempt, &key);
        let _ = index::append(&dir.join(<AttemptRow as index::Cached>::FILE), &row, first);
        let turns = AttemptTurns::of(attempt, &key);
        let _ = index::append(
            &dir.join(<AttemptTurns as index::Cached>::FILE),
            &turns,
            first,
        );
        Ok(())
    }

    fn delete_trainee(&mut self, trainee_id: &str) -> Result<usize, StoreError> {
        let folder = self.root.join(trainee_id);
        if trainee_id.is_empty()
            || trainee_id.contains(['/', '\\', '.'])
            || !folder.join("profile.ron").is_file()
        {
            return Err(StoreError::NoSuchTrainee(trainee_id.to_string()));
        }
        let attempts = index::attempt_files(&folder.join("attempts"))
            .map(|f| f.len())
            .unwrap_or(0);
        // Rename first (atomic), so a crash part-way never leaves half a trainee listed;
        // `trainees` finishes any deletion it finds.
        let doomed = self.root.join(format!(".deleting-{trainee_id}"));
        fs::rename(&folder, &doomed).map_err(Self::io(&folder))?;
        // Once renamed the trainee is gone from every list; if removing fails now, the
        // next `trainees` call finishes it.
        let _ = fs::remove_dir_all(&doomed);
        Ok(attempts)
    }

    fn update_trainee(&mut self, trainee: &Trainee) -> Result<(), StoreError> {
        let path = self.root.join(&trainee.id).join("profile.ron");
        if !path.is_file() {
            return Err(StoreError::NoSuchTrainee(trainee.id.clone()));
        }
        write_atomic(&path, to_ron(trainee).as_bytes()).map_err(Self::io(&path))
    }

    fn attempts(&mut self, trainee_id: &str) -> Result<Vec<AttemptRecord>, StoreError> {
        let dir = self.root.join(trainee_id).join("attempts");
        let files = index::attempt_files(&dir).map_err(Self::io(&dir))?;
        let mut out: Vec<AttemptRecord> = files.iter().filter_map(|f| self.read(f)).collect();
        out.sort_by_key(|a| a.finished_ms);
        Ok(out)
    }

    fn rows(&mut self, trainee_id: &str) -> Result<Vec<AttemptRow>, StoreError> {
        self.cached(trainee_id)
    }

    fn turns(&mut self, trainee_id: &str) -> Result<Vec<AttemptTurns>, StoreError> {
        self.cached(trainee_id)
    }

    fn attempt(
        &mut self,
        trainee_id: &str,
        key: &str,
    ) -> Result<Option<AttemptRecord>, StoreError> {
        // Keys are file names; anything with a path in it is not one of ours.
        if key.contains(['/', '\\']) || key.starts_with('.') {
            return Ok(None);
        }
        let path = self.root.join(trainee_id).join("attempts").join(key);
        if !path.is_file() {
            return Ok(None);
        }
        Ok(self.read(&path))
    }

    fn set_aside(&self) -> &[SetAside] {
        &self.set_aside
    }

    fn skipped(&self) -> &[Skipped] {
        &self.skipped
    }

    fn save_in_progress(&mut self, attempt: &InProgress) -> Result<(), StoreError> {
        let path = self.root.join(&attempt.about.trainee).join(IN_PROGRESS);
        write_atomic(&path, to_ron(attempt).as_bytes()).map_err(Self::io(&path))
    }

    fn in_progress(&mut self, trainee_id: &str) -> Result<Option<InProgress>, StoreError> {
        let path = self.root.join(trainee_id).join(IN_PROGRESS);
        if !path.is_file() {
            return Ok(None);
        }
        Ok(self.read(&path))
    }

    fn clear_in_progress(&mut self, trainee_id: &str) -> Result<(), StoreError> {
        let path = self.root.join(trainee_id).join(IN_PROGRESS);
        match fs::remove_file(&path) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(Self::io(&path)(e)),
        }
    }
}

/// Parses a finished attempt's file text, of any format up to this one.
pub fn parse_attempt(text: &str) -> Result<AttemptRecord, ron::error::SpannedError> {
    <AttemptRecord as migrate::Stored>::parse(text)
}

/// Parses an unfinished attempt's file text, of any format up to this one.
pub fn parse_in_progress(text: &str) -> Result<InProgress, ron::error::SpannedError> {
    <InProgress as migrate::Stored>::parse(text)
}

/// Parses a profile's file text, of any format up to this one.
pub fn parse_profile(text: &str) -> Result<Trainee, ron::error::SpannedError> {
    <Trainee as migrate::Stored>::parse(text)
}

/// The largest progress file read. A long attempt is about 30 KB.
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// The file name of a trainee's unfinished attempt.
const IN_PROGRESS: &str = "in-progress.ron";
