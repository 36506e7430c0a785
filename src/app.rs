//! The desktop app: owns the library, the progress store, the session in progress,
//! sound and settings; draws the current screen and carries out the commands views
//! return. The rules stay in the core; the views stay thin.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use eframe::egui;
use serde::{Deserialize, Serialize};

use crate::access::{self, Access, Role};
use crate::audio::{Audio, Cue};
use crate::engine::{Entry, Session, Step};
use crate::library::{self, Library, Origin};
use crate::progress::{
    self, AttemptKind, AttemptRecord, InProgress, ProgressStore, ScenarioResults, Trainee,
};
use crate::report::{CsvKind, Roster};
use crate::tr;
use crate::ui::Command;
use crate::ui::debrief::DebriefView;
use crate::ui::library::LibraryView;
use crate::ui::manager::{ExportStatus, LrsData, ManagerData, ManagerView};
use crate::ui::my_progress::MyProgressView;
use crate::ui::pin::{Gate, Mode, PinView, RecoveryCodeView};
use crate::ui::play::PlayContext;
use crate::ui::play::PlayView;
use crate::ui::practice::PracticeView;
use crate::ui::start::StartView;
use crate::ui::style::{self, Theme};
use crate::ui::trainer::{Counts, TrainerData, TrainerView};

/// Settings kept between runs through eframe's storage (never trainee progress).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct UiSettings {
    pub theme: Theme,
    /// 0.0-1.0.
    pub volume: f32,
    pub muted: bool,
    /// Show how long the customer has been waiting, in assessments.
    #[serde(default)]
    pub show_wait: bool,
    /// The interface's language.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// Text size (egui's zoom factor): Ctrl + and Ctrl - change it, Ctrl 0 resets it.
    #[serde(default = "default_text_scale")]
    pub text_scale: f32,
}

fn default_text_scale() -> f32 {
    1.0
}

impl Default for UiSettings {
    fn default() -> Self {
        Self {
            theme: Theme::Dark,
            volume: 0.8,
            muted: false,
            show_wait: false,
            lang: crate::i18n::Lang::English,
            text_scale: 1.0,
        }
    }
}

/// Where the app reads and writes, and how it was started.
#[derive(Debug, Clone)]
pub struct AppConfig {
    pub data_dir: PathBuf,
    pub trainer_scenarios: PathBuf,
    /// With `--measure-startup`: when `main()` began; the app prints the time to its first
    /// presented frame and closes.
    pub measure_startup: Option<Instant>,
    /// With `--measure-manager`: the manager PIN. The first frame unlocks the manager
    /// area as a person would, and the time to its trainee list being presented is printed.
    pub measure_manager_pin: Option<String>,
}

/// Which screen is showing, with that screen's own state.
#[derive(Debug)]
pub enum Screen {
    Start(StartView),
    Library,
    Play(PlayView),
    Debrief(DebriefView),
    Practice(PracticeView),
    MyProgress(MyProgressView),
    /// A PIN is asked for before the manager area or a protected profile.
    Pin(PinView),
    /// A new recovery code, shown once before the manager area opens.
    RecoveryCode(RecoveryCodeView),
    Manager(ManagerView),
    Trainer(TrainerView),
}

/// Long work (an export, a backup, a restore) running on its own thread.
struct Job {
    /// What is shown beside the progress bar: "Exporting turns".
    what: String,
    /// What `done` and `total` count: "trainees", "files".
    unit: &'static str,
    done: Arc<std::sync::atomic::AtomicUsize>,
    total: Arc<std::sync::atomic::AtomicUsize>,
    cancel: Arc<std::sync::atomic::AtomicBool>,
    /// The message to show when it ends well, or why it failed.
    handle: std::thread::JoinHandle<Result<String, String>>,
    started: Instant,
    /// Reload the store, the PINs and the roster afterwards (a restore replaced them).
    reload: bool,
}

/// The reply scorer, compiled from its lexicon on first use: the first typed reply, the
/// practice pad or a playtest. Compiling the lexicon's phrases took about 3 ms, which the
/// start screen (which scores nothing) no longer waits for.
struct LazyScorer {
    lexicon: crate::scoring::Lexicon,
    scorer: std::cell::OnceCell<crate::scoring::Scorer>,
}

impl LazyScorer {
    fn new(lexicon: crate::scoring::Lexicon) -> LazyScorer {
        LazyScorer {
            lexicon,
            scorer: std::cell::OnceCell::new(),
        }
    }

    fn get(&self) -> &crate::scoring::Scorer {
        self.scorer
            .get_or_init(|| crate::scoring::Scorer::new(&self.lexicon))
    }
}

/// Every trainee's rows being read on a thread as the manager area opens: at scale, or
/// with a cold disk, that read takes long enough to freeze the window.
struct RosterLoad {
    done: Arc<std::sync::atomic::AtomicUsize>,
    total: Arc<std::sync::atomic::AtomicUsize>,
    cancel: Arc<std::sync::atomic::AtomicBool>,
    handle: RosterThread,
}

/// A roster read: the roster or why not, with what the reading store set aside or
/// skipped (told whatever became of the read).
type RosterThread = std::thread::JoinHandle<(Result<Roster, String>, Vec<String>)>;

/// What a roster read's thread handed back; a thread that panicked read nothing.
fn joined(handle: RosterThread) -> (Result<Roster, String>, Vec<String>) {
    handle
        .join()
        .unwrap_or_else(|_| (Err(tr!("app-read-thread-stopped")), Vec::new()))
}

/// The running app.
pub struct TurnaroundApp {
    config: AppConfig,
    pub library: Library,
    scorer: LazyScorer,
    store: Box<dyn ProgressStore>,
    pub trainees: Vec<Trainee>,
    pub trainee: Option<Trainee>,
    pub results: BTreeMap<String, ScenarioResults>,
    /// The signed-in trainee's progress, derived from their attempts.
    pub summary: Option<progress::ProgressSummary>,
    pub settings: UiSettings,
    audio: Audio,
    pub screen: Screen,
    library_view: LibraryView,
    pub session: Option<Session>,
    /// Wall-clock start of the attempt in progress, unix ms.
    attempt_started_ms: u64,
    /// The session clock at `clock`'s start: a resumed attempt carries on from its
    /// last reply's time.
    clock_base: u64,
    clock: Instant,
    /// The session clock when the attempt in progress started.
    session_start_ms: u64,
    /// The signed-in trainee's attempt that was cut off, offered for resuming.
    pub unfinished: Option<InProgress>,
    /// Transcript entries already announced with a cue or clip.
    announced: usize,
    /// The clip of the customer's last line, for *Replay*.
    last_clip: Option<PathBuf>,
    /// The customer's face, on the play screen and in the debrief.
    pub portrait: crate::ui::portrait::Portrait,
    /// How the last reply landed, shown on the face at the next frame.
    pending_reaction: Option<crate::ui::portrait::Reaction>,
    /// Practice: the hint asked for on the current turn.
    pub hint: Option<Vec<crate::engine::HintLine>>,
    /// The manager's standard: default pass mark and floor, required scenarios.
    pub standards: crate::standards::Standards,
    /// The signed-in trainee's readiness for the floor.
    pub readiness: Option<crate::standards::Readiness>,
    /// Each trainee's readiness in the roster, by id.
    roster_readiness: std::collections::HashMap<String, crate::standards::Readiness>,
    /// The result of the last save of the standard, for the manager to read.
    standards_message: Option<String>,
    /// Messages for the person, shown until dismissed.
    pub notices: Vec<String>,
    frames: u64,
    style_applied: Option<Theme>,
    /// The saved text size was set on the context.
    zoom_applied: bool,
    /// The PINs; a damaged access file keeps the gated areas locked (the reason is here).
    access: Result<Access, String>,
    /// The manager's data, loaded when the manager area is unlocked.
    pub roster: Option<Roster>,
    roster_load: Option<RosterLoad>,
    /// Reads the manager cancelled, kept until they stop for what they set aside.
    cancelled_reads: Vec<RosterThread>,
    /// The frame in which the last roster read ended, well or not (`--measure-manager`
    /// reports the frame after it).
    roster_read_frame: Option<u64>,
    /// The attempt opened in the manager's trainee detail.
    pub manager_attempt: Option<AttemptRecord>,
    pub export: ExportStatus,
    /// The audit log, newest first, as last read for the Audit tab.
    pub audit_entries: Vec<crate::audit::AuditEntry>,
    job: Option<Job>,
    /// The trainer's playtest, when one is running.
    pub playtest: Option<crate::authoring::Playtest>,
    /// How often trainees took each choice, for the trainer's heat-map.
    pub counts: Counts,
    counts_job: Option<std::thread::JoinHandle<Result<Counted, String>>>,
    /// Where the playtest's scenario came from, so a reload never swaps in another file
    /// with the same id (the built-in one, when the trainer's override breaks).
    playtest_origin: Option<Origin>,
    /// What the last trainer action or reload did, for the trainer to read.
    pub trainer_message: Option<String>,
    /// The trainer folder's stamp when the library was last read.
    library_stamp: u64,
    last_poll: Instant,
    /// How many times the library was read again, so each reload shows.
    reloads: u32,
    /// The LRS settings and outbox as last read, for the manager's LRS tab.
    pub lrs: LrsData,
    lrs_job: Option<std::thread::JoinHandle<Result<crate::lrs::Sent, crate::lrs::LrsError>>>,
    /// When the background sender next tries, and how long it waits after a failure.
    lrs_next_try: Instant,
    lrs_backoff: std::time::Duration,
    /// Wrong credentials: no automatic tries until the settings change or Send now.
    lrs_paused: bool,
    /// The first send of this run also queues attempts that missed the outbox.
    lrs_reconciled: bool,
    /// When the outbox was last counted (the terminal may queue attempts too).
    lrs_counted: Instant,
}

/// The first wait after a failed send; it doubles up to `LRS_MAX_BACKOFF`.
const LRS_FIRST_BACKOFF: std::time::Duration = std::time::Duration::from_secs(5);
const LRS_MAX_BACKOFF: std::time::Duration = std::time::Duration::from_secs(300);

type CountsByScenario = std::collections::HashMap<String, crate::authoring::ChoiceCounts>;

/// The heat-map's counts, with what reading the store set aside or skipped on the way.
struct Counted {
    counts: CountsByScenario,
    notices: Vec<String>,
}

/// How often the trainer's folder is checked for saved changes.
pub const RELOAD_POLL: std::time::Duration = std::time::Duration::from_millis(400);

fn unix_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

impl TurnaroundApp {
    /// The app as eframe creates it: settings from storage, the real store and sound.
    pub fn new(cc: &eframe::CreationContext<'_>, config: AppConfig) -> Self {
        let settings: UiSettings = cc
            .storage
            .and_then(|s| eframe::get_value(s, eframe::APP_KEY))
            .unwrap_or_default();
        let ctx = cc.egui_ctx.clone();
        let audio = Audio::open(settings.volume, settings.muted, move || {
            ctx.request_repaint()
        });
        let store = Box::new(progress::FsStore::new(&config.data_dir));
        // The style is set before the first frame, so that frame is laid out once, in
        // the sizes it is shown in.
        style::apply(&cc.egui_ctx, settings.theme);
        cc.egui_ctx
            .set_zoom_factor(clamp_text_scale(settings.text_scale));
        let mut app = Self::with_parts(config, settings, store, audio);
        app.style_applied = Some(app.settings.theme);
        app
    }

    /// The app from explicit parts, as tests build it.
    pub fn with_parts(
        config: AppConfig,
        settings: UiSettings,
        mut store: Box<dyn ProgressStore>,
        audio: Audio,
    ) -> Self {
        // The UI thread speaks the person's language.
        crate::i18n::set(settings.lang);
        let library_stamp = library::folder_stamp(&config.trainer_scenarios);
        // The lints are for trainers: the trainer area reads the library again with them.
        let library =
            Library::load_with(Some(&config.trainer_scenarios), library::Checks::PlayOnly);
        let mut notices = Vec::new();
        let (lexicon, problem) = library::load_lexicon(&config.data_dir);
        notices.extend(problem);
        let scorer = LazyScorer::new(lexicon);
        if let Some(n) = &audio.notice {
            notices.push(n.clone());
        }
        let trainees = store.trainees().unwrap_or_else(|e| {
            notices.push(tr!("app-read-profiles-failed", error = e.to_string()));
            Vec::new()
        });
        let access = Access::load(&config.data_dir).map_err(|e| e.to_string());
        let standards = crate::standards::Standards::load(&config.data_dir).unwrap_or_else(|e| {
            notices.push(e.to_string());
            crate::standards::Standards::default()
        });
        if let Err(e) = &access {
            notices.push(e.clone());
        }
        let mut app = Self {
            access,
            roster: None,
            roster_load: None,
            cancelled_reads: Vec::new(),
            roster_read_frame: None,
            manager_attempt: None,
            export: ExportStatus::Idle,
            audit_entries: Vec::new(),
            job: None,
            playtest: None,
            counts: Counts::Loading,
            counts_job: None,
            playtest_origin: None,
            trainer_message: None,
            library_stamp,
            last_poll: Instant::now(),
            reloads: 0,
            lrs: LrsData::default(),
            lrs_job: None,
            lrs_next_try: Instant::now(),
            lrs_backoff: std::time::Duration::ZERO,
            lrs_paused: false,
            lrs_reconciled: false,
            lrs_counted: Instant::now(),
            config,
            library,
            scorer,
            store,
            trainees,
            trainee: None,
            results: BTreeMap::new(),
            summary: None,
            settings,
            audio,
            screen: Screen::Start(StartView::default()),
            library_view: LibraryView::default(),
            session: None,
            attempt_started_ms: 0,
            clock_base: 0,
            clock: Instant::now(),
            session_start_ms: 0,
            unfinished: None,
            announced: 0,
            last_clip: None,
            portrait: crate::ui::portrait::Portrait::default(),
            pending_reaction: None,
            hint: None,
            standards,
            readiness: None,
            roster_readiness: std::collections::HashMap::new(),
            standards_message: None,
            notices,
            frames: 0,
            style_applied: None,
            zoom_applied: false,
        };
        app.report_store_problems();
        app.refresh_lrs();
        app
    }

    /// Reads the LRS settings (without the password) and the outbox's counts again.
    fn refresh_lrs(&mut self) {
        match crate::lrs::load_config(&self.config.data_dir) {
            Ok(config) => {
                self.lrs.config = config.map(|mut c| {
                    c.password.clear();
                    c
                });
                self.lrs.problem = None;
            }
            Err(e) => {
                self.lrs.config = None;
                self.lrs.problem = Some(e.to_string());
            }
        }
        self.lrs.status = crate::lrs::Outbox::new(&self.config.data_dir).status();
    }

    /// The background sender: starts a send when statements wait and the next try is
    /// due, and after a failure waits 5 s, doubling to 5 min.
    fn poll_lrs(&mut self, ctx: &egui::Context) {
        if self
            .lrs_job
            .as_ref()
            .is_some_and(std::thread::JoinHandle::is_finished)
            && let Some(job) = self.lrs_job.take()
        {
            let result = job.join();
            self.lrs.sending = false;
            match result {
                Ok(Ok(sent)) => {
                    self.lrs_backoff = std::time::Duration::ZERO;
                    if sent.attempts > 0 {
                        self.lrs.message = Some(tr!(
                            "app-lrs-sent",
                            statements = sent.statements,
                            attempts = sent.attempts
                        ));
                    }
                }
                Ok(Err(e)) => {
                    self.lrs_backoff =
                        (self.lrs_backoff * 2).clamp(LRS_FIRST_BACKOFF, LRS_MAX_BACKOFF);
                    if !e.is_transient() {
                        self.lrs_backoff = LRS_MAX_BACKOFF;
                    }
                    // Retrying a refused password could lock the LRS account.
                    self.lrs_paused = matches!(e, crate::lrs::LrsError::Credentials { .. });
                    self.lrs_next_try = Instant::now() + self.lrs_backoff;
                    // The outbox's state says why, with when; no second copy here.
                    self.lrs.message = None;
                }
                Err(_) => {
                    self.lrs_backoff = LRS_MAX_BACKOFF;
                    self.lrs_next_try = Instant::now() + self.lrs_backoff;
                    self.lrs.message = Some(tr!("app-lrs-send-stopped"));
                }
            }
            self.refresh_lrs();
            self.lrs_counted = Instant::now();
        }
        if self.lrs_job.is_some() {
            // Picks the result up as soon as the thread ends, even with nobody at the
            // keyboard.
            ctx.request_repaint_after(std::time::Duration::from_millis(200));
            return;
        }
        if self.lrs_counted.elapsed() >= std::time::Duration::from_secs(30) {
            self.refresh_lrs();
            self.lrs_counted = Instant::now();
        }
        let first = !self.lrs_reconciled && self.lrs.config.is_some();
        let waiting = self.lrs.status.pending_attempts > 0 && self.lrs.config.is_some();
        if !(waiting || first) || self.lrs_paused {
            self.lrs.next_try_s = None;
            return;
        }
        let now = Instant::now();
        if now >= self.lrs_next_try {
            self.send_lrs_now();
        } else {
            let wait = self.lrs_next_try - now;
            self.lrs.next_try_s = Some(wait.as_secs() + 1);
            // Count down on the LRS tab; elsewhere, wake only when the try is due.
            let tick = if matches!(self.screen, Screen::Manager(_)) {
                wait.min(std::time::Duration::from_secs(1))
            } else {
                wait
            };
            ctx.request_repaint_after(tick);
        }
    }

    /// Sends the outbox on a thread.
    fn send_lrs_now(&mut self) {
        if self.lrs_job.is_some() {
            return;
        }
        let data_dir = self.config.data_dir.clone();
        self.lrs.sending = true;
        self.lrs.next_try_s = None;
        let reconcile = !self.lrs_reconciled;
        self.lrs_reconciled = true;
        let lang = crate::i18n::current();
        self.lrs_job = Some(std::thread::spawn(move || {
            crate::i18n::set(lang);
            if reconcile {
                // What a crash kept out of the outbox goes too; a failure here is
                // reported by the send itself if the store cannot be read.
                let _ = crate::lrs::reconcile(&data_dir);
            }
            let config = crate::lrs::load_config(&data_dir)?.ok_or_else(|| {
                crate::lrs::LrsError::NotConfigured(crate::lrs::config_path(&data_dir))
            })?;
            crate::lrs::Outbox::new(&data_dir).flush(&config, unix_ms())
        }));
    }

    fn now_ms(&self) -> u64 {
        self.clock_base + self.clock.elapsed().as_millis() as u64
    }

    /// Looks for the signed-in trainee's cut-off attempt.
    fn load_unfinished(&mut self) {
        self.unfinished = None;
        let Some(t) = &self.trainee else { return };
        match self.store.in_progress(&t.id) {
            Ok(found) => {
                self.unfinished =
                    found.filter(|ip| self.library.get(&ip.about.scenario_id).is_some())
            }
            Err(e) => self
                .notices
                .push(tr!("app-unfinished-read-failed", error = e.to_string())),
        }
    }

    /// Remembers the attempt in progress after every reply, so a crash loses nothing.
    fn remember(&mut self) {
        let (Some(session), Some(t)) = (&self.session, &self.trainee) else {
            return;
        };
        if matches!(session.step(), Step::Finished(_)) {
            return;
        }
        let version = self
            .library
            .get(&session.scenario().id)
            .map(|e| e.version().to_string())
            .unwrap_or_default();
        let unfinished = InProgress {
            format: progress::FORMAT_VERSION,
            about: progress::AttemptHeader {
                trainee: t.id.clone(),
                scenario_id: session.scenario().id.clone(),
                scenario_version: version,
                kind: kind_of(session),
                seed: session.seed(),
                started_ms: self.attempt_started_ms,
                language: session.scenario().language().map(str::to_string),
            },
            session_start_ms: self.session_start_ms,
            inputs: session.inputs().to_vec(),
        };
        if let Err(e) = self.store.save_in_progress(&unfinished) {
            self.notices
                .push(tr!("app-unfinished-save-failed", error = e.to_string()));
        }
    }

    fn forget_unfinished(&mut self) {
        self.unfinished = None;
        if let Some(t) = &self.trainee
            && let Err(e) = self.store.clear_in_progress(&t.id)
        {
            self.notices
                .push(tr!("app-unfinished-clear-failed", error = e.to_string()));
        }
    }

    fn resume(&mut self) {
        let Some(ip) = self.unfinished.take() else {
            return;
        };
        let Some(entry) = self.library.get(&ip.about.scenario_id) else {
            return;
        };
        if entry.version() != ip.about.scenario_version {
            self.notices.push(tr!(
                "app-resume-changed",
                title = entry.scenario.title_in(self.settings.lang.code())
            ));
            self.forget_unfinished();
            return;
        }
        let options = self.options(ip.about.kind == AttemptKind::Practice);
        // The same copy it was played in: a typed turn may have been offered as choices.
        let scenario = match &ip.about.language {
            None => Some(Arc::clone(&entry.scenario)),
            Some(code) => entry.scenario.localized(code).map(Arc::new),
        };
        let Some(scenario) = scenario else {
            self.notices.push(tr!(
                "app-resume-translation-gone",
                title = entry.scenario.title.as_str()
            ));
            self.forget_unfinished();
            return;
        };
        match Session::replay_with(
            scenario,
            ip.about.seed,
            ip.session_start_ms,
            &ip.inputs,
            options,
        ) {
            Ok(session) => {
                self.announced = session.transcript().len();
                self.session = Some(session);
                self.hint = None;
                self.pending_reaction = None;
                self.last_clip = self.last_line_clip();
                self.attempt_started_ms = ip.about.started_ms;
                self.session_start_ms = ip.session_start_ms;
                self.clock_base = ip.last_ms();
                self.clock = Instant::now();
                self.screen = Screen::Play(PlayView::default());
            }
            Err(e) => {
                self.notices
                    .push(tr!("app-resume-failed", error = e.to_string()));
                self.forget_unfinished();
            }
        }
    }

    fn refresh_results(&mut self) {
        let Some(t) = &self.trainee else {
            self.results.clear();
            self.summary = None;
            self.readiness = None;
            return;
        };
        match self.store.attempts(&t.id) {
            Ok(attempts) => {
                let ids: Vec<&str> = self
                    .library
                    .entries
                    .iter()
                    .map(|e| e.scenario.id.as_str())
                    .collect();
                let summary = progress::summarise(&attempts, &ids, unix_ms());
                self.results = summary.per_scenario.clone();
                self.summary = Some(summary);
                let required = self.requirements();
                self.readiness = Some(crate::standards::readiness(
                    &required,
                    attempts.iter().map(|a| crate::standards::AttemptResult {
                        scenario_id: &a.about.scenario_id,
                        kind: a.about.kind,
                        overall: a.debrief.overall,
                        scores: &a.debrief.scores,
                    }),
                ));
            }
            Err(e) => self
                .notices
                .push(tr!("app-attempts-read-failed", error = e.to_string())),
        }
    }

    /// Carries out a view's command.
    pub fn apply(&mut self, command: Command) {
        match command {
            Command::SelectTrainee(id) => {
                let Some(t) = self.trainees.iter().find(|t| t.id == id).cloned() else {
                    return;
                };
                let gate = Gate::Trainee {
                    id: t.id.clone(),
                    name: t.name.clone(),
                };
                if t.pin.is_some() {
                    self.screen = Screen::Pin(PinView::new(gate, Mode::Enter));
                } else if self.trainee_pins_required() {
                    self.screen = Screen::Pin(PinView::new(gate, Mode::Choose));
                } else {
                    self.sign_in(t);
                }
            }
            Command::CreateTrainee(name) => match self.store.add_trainee(&name, unix_ms()) {
                Ok(t) => {
                    self.trainees = self.store.trainees().unwrap_or_else(|_| vec![t.clone()]);
                    if self.trainee_pins_required() {
                        let gate = Gate::Trainee {
                            id: t.id.clone(),
                            name: t.name.clone(),
                        };
                        self.screen = Screen::Pin(PinView::new(gate, Mode::Choose));
                    } else {
                        self.sign_in(t);
                    }
                }
                Err(e) => self
                    .notices
                    .push(tr!("app-profile-create-failed", error = e.to_string())),
            },
            Command::SwitchTrainee => {
                self.trainee = None;
                self.session = None;
                self.screen = Screen::Start(StartView::default());
            }
            Command::StartScenario(id) => self.start(&id, false),
            Command::StartPractice(id) => self.start(&id, true),
            Command::Rewind(turn) => self.rewind(turn),
            Command::Hint => {
                let now = self.now_ms();
                if let Some(session) = self.session.as_mut() {
                    match session.take_hint(now) {
                        Ok(hint) => {
                            self.hint = Some(hint);
                            self.remember();
                        }
                        Err(e) => self.notices.push(e.to_string()),
                    }
                }
            }
            Command::ReplayLine => {
                if let Some(clip) = self.last_clip.clone() {
                    self.audio.clip(&clip);
                } else {
                    self.audio.cue(Cue::CustomerLine);
                }
            }
            Command::Choose(i) => self.choose(i),
            Command::Send(text) => self.send(&text),
            Command::OpenPracticePad => self.screen = Screen::Practice(PracticeView::default()),
            Command::OpenMyProgress => self.screen = Screen::MyProgress(MyProgressView::default()),
            Command::Abandon => {
                self.session = None;
                self.forget_unfinished();
                self.screen = Screen::Library;
            }
            Command::Resume => self.resume(),
            Command::DiscardResume => self.forget_unfinished(),
            Command::Retry => {
                if let Some(s) = self.session.as_ref() {
                    let (id, practice) = (s.scenario().id.clone(), s.options().practice);
                    self.start(&id, practice);
                }
            }
            Command::BackToLibrary => {
                self.session = None;
                self.screen = Screen::Library;
            }
            Command::OpenManager => match &self.access {
                Ok(a) => {
                    let mode = if a.is_set(Role::Manager) {
                        Mode::Enter
                    } else {
                        Mode::Choose
                    };
                    self.screen = Screen::Pin(PinView::new(Gate::Manager, mode));
                }
                Err(e) => self.notices.push(e.clone()),
            },
            Command::SubmitPin { pin, confirm } => self.submit_pin(&pin, confirm.as_deref()),
            Command::CancelPin => self.screen = Screen::Start(StartView::default()),
            Command::LeaveManager => {
                self.cancel_roster();
                self.roster = None;
                self.manager_attempt = None;
                self.screen = Screen::Start(StartView::default());
            }
            Command::ManagerOpenTrainee(id) => {
                self.manager_attempt = None;
                if let Screen::Manager(view) = &mut self.screen {
                    view.detail = id;
                    view.confirm_delete = false;
                }
            }
            Command::ManagerOpenAttempt(key) => self.open_attempt(key),
            Command::StartExport { kind, path } => self.start_export(kind, path),
            Command::CancelExport => {
                if let Some(job) = &self.job {
                    job.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
                }
            }
            Command::ChangePin { role, current, pin } => {
                let now = unix_ms();
                let message = match &mut self.access {
                    Ok(a) => {
                        let result = match role {
                            Role::Manager => a.change_manager_pin(&current, &pin, now),
                            Role::Trainer => a.set_trainer_pin(&pin, now),
                        };
                        match result {
                            Ok(()) => match role {
                                Role::Manager => tr!("app-manager-pin-saved"),
                                Role::Trainer => tr!("app-trainer-pin-saved"),
                            },
                            Err(e) => tr!(
                                "app-not-saved",
                                error = crate::ui::core_words::pin_message(&e.to_string())
                            ),
                        }
                    }
                    Err(e) => e.clone(),
                };
                if let Screen::Manager(view) = &mut self.screen {
                    view.settings_message = Some(message);
                }
            }
            Command::RecoverPin { code, pin, confirm } => {
                if pin != confirm {
                    self.refuse_pin(&tr!("app-pins-differ"));
                    return;
                }
                let result = match &mut self.access {
                    Ok(a) => a.reset_with_recovery_code(&code, &pin, unix_ms()),
                    Err(e) => Err(access::AccessError::Refused(e.clone())),
                };
                match result {
                    Ok(fresh) => {
                        self.screen = Screen::RecoveryCode(RecoveryCodeView { code: fresh })
                    }
                    Err(e) => self.refuse_pin(&sentence(&e.to_string())),
                }
            }
            Command::RecoveryCodeKept => self.unlock_manager(),
            Command::StartBackup(path) => self.start_backup(path),
            Command::StartRestore(path) => self.start_restore(path),
            Command::DeleteTrainee(id) => self.delete_trainee(&id),
            Command::ClearTraineePin(id) => {
                if let Some(mut t) = self.trainees.iter().find(|t| t.id == id).cloned() {
                    t.pin = None;
                    match self.store.update_trainee(&t) {
                        Ok(()) => {
                            if let Ok(a) = &mut self.access {
                                let _ = a.forget_trainee(&t.id);
                            }
                            let _ = crate::audit::AuditLog::new(&self.config.data_dir).record(
                                unix_ms(),
                                "manager",
                                "cleared a trainee's PIN",
                            );
                            self.notices
                                .push(tr!("app-trainee-pin-cleared", name = t.name.as_str()));
                        }
                        Err(e) => self
                            .notices
                            .push(tr!("app-pin-clear-failed", error = e.to_string())),
                    }
                    self.trainees = self.store.trainees().unwrap_or_default();
                    if let Some(r) = &mut self.roster
                        && let Some(x) = r.trainees.iter_mut().find(|x| x.id == id)
                    {
                        x.pin = None;
                    }
                }
            }
            Command::OpenAudit => {
                let (entries, bad) = crate::audit::AuditLog::new(&self.config.data_dir).entries();
                self.audit_entries = entries;
                if bad > 0 {
                    self.notices
                        .push(format!("{bad} lines of the audit log could not be read."));
                }
            }
            Command::SaveStandards(standards) => {
                match standards.save(&self.config.data_dir, unix_ms()) {
                    Ok(()) => {
                        let what = format!(
                            "set the default pass mark to {} and the floor to {}, with {}",
                            standards.default_pass_mark,
                            standards.default_floor,
                            match &standards.required {
                                None => "every scenario required".to_string(),
                                Some(r) => format!("{} scenarios required", r.len()),
                            }
                        );
                        let _ = crate::audit::AuditLog::new(&self.config.data_dir).record(
                            unix_ms(),
                            "manager",
                            &what,
                        );
                        self.standards = standards;
                        self.standards_message = Some(tr!("app-standards-saved"));
                        if let Some(roster) = &self.roster {
                            self.roster_readiness = self.readiness_of(roster);
                        }
                        self.refresh_results();
                    }
                    Err(e) => {
                        self.standards_message =
                            Some(tr!("app-not-saved-bare", error = e.to_string()))
                    }
                }
            }
            Command::RequireTraineePins(required) => {
                if let Ok(a) = &mut self.access {
                    match a.require_trainee_pins(required) {
                        Ok(()) => {
                            let what = if required {
                                "required a PIN of every trainee"
                            } else {
                                "made trainee PINs optional"
                            };
                            let _ = crate::audit::AuditLog::new(&self.config.data_dir).record(
                                unix_ms(),
                                "manager",
                                what,
                            );
                        }
                        Err(e) => self
                            .notices
                            .push(tr!("app-setting-save-failed", error = e.to_string())),
                    }
                }
            }
            Command::OpenTrainer => match &self.access {
                Ok(a) if a.is_set(Role::Manager) || a.is_set(Role::Trainer) => {
                    self.screen = Screen::Pin(PinView::new(Gate::Trainer, Mode::Enter));
                }
                Ok(_) => self.notices.push(tr!("app-no-pin-yet")),
                Err(e) => self.notices.push(e.clone()),
            },
            Command::LeaveTrainer => {
                self.playtest = None;
                self.trainer_message = None;
                self.screen = Screen::Start(StartView::default());
            }
            Command::NewScenario => self.new_scenario(),
            Command::OpenInEditor(path) => self.open_in_editor(&path),
            Command::CopyToEdit(id) => self.copy_to_edit(&id),
            Command::ReloadLibrary => self.reload_library(),
            Command::PlaytestStart { scenario, node } => {
                let Some(entry) = self.library.get(&scenario) else {
                    return;
                };
                match crate::authoring::Playtest::start(Arc::clone(&entry.scenario), &node) {
                    Ok(p) => {
                        self.playtest = Some(p);
                        self.playtest_origin = Some(entry.origin.clone());
                        if let Screen::Trainer(view) = &mut self.screen {
                            view.tab = crate::ui::trainer::TrainerTab::Playtest;
                        }
                    }
                    Err(e) => {
                        self.trainer_message =
                            Some(tr!("app-playtest-failed", error = e.to_string()))
                    }
                }
            }
            Command::PlaytestProceed => self.playtest_step(|p, _| p.proceed()),
            Command::PlaytestChoose(i) => self.playtest_step(|p, _| p.choose(i)),
            Command::PlaytestSend(text) => self.playtest_step(|p, scorer| {
                let said = match p.session.step() {
                    Step::Write(w) => w.customer_said.clone(),
                    _ => String::new(),
                };
                let hints = match p.session.scenario().node(p.node()) {
                    Some(crate::scenario::Node::FreeText(t)) => Some(t.hints.clone()),
                    _ => None,
                };
                let assessment = scorer.assess(&crate::scoring::ReplyInput {
                    customer: &said,
                    reply: &text,
                    hints: hints.as_ref(),
                });
                p.write(
                    &text,
                    crate::engine::TextAssessment::from_scorer(&assessment),
                )
            }),
            Command::PlaytestBack => {
                if let Some(p) = &mut self.playtest {
                    p.back();
                }
            }
            Command::PlaytestStop => self.playtest = None,
            Command::SaveLrs {
                endpoint,
                username,
                password,
                home_page,
                send_practice,
            } => self.save_lrs(endpoint, username, password, home_page, send_practice),
            Command::LrsSendNow => {
                self.lrs_next_try = Instant::now();
                self.lrs_paused = false;
                self.send_lrs_now();
            }
            Command::SetOwnPin { current, pin } => {
                let message = self.change_own_pin(&current, &pin);
                if let Screen::MyProgress(view) = &mut self.screen {
                    view.pin_message = Some(message);
                }
            }
        }
    }

    fn trainee_pins_required(&self) -> bool {
        self.access
            .as_ref()
            .is_ok_and(|a| a.file.trainee_pins_required)
    }

    fn sign_in(&mut self, t: Trainee) {
        self.trainee = Some(t);
        self.refresh_results();
        self.load_unfinished();
        self.screen = Screen::Library;
    }

    /// Changes the signed-in trainee's PIN; one that is set is needed to change it.
    fn change_own_pin(&mut self, current: &str, pin: &str) -> String {
        let Some(t) = self.trainee.clone() else {
            return tr!("app-nobody-signed-in");
        };
        if let Some(hash) = &t.pin {
            let verdict = match &mut self.access {
                Ok(a) => a.try_trainee(&t.id, current, hash, unix_ms()),
                Err(_) if access::verify_pin(current, hash) => access::Verdict::Open,
                Err(_) => access::Verdict::Wrong { wait_ms: 0 },
            };
            if let Some(why) = verdict.message() {
                return tr!(
                    "app-current-pin-wrong",
                    why = crate::ui::core_words::pin_message(&why)
                );
            }
        }
        self.set_own_pin(pin)
    }

    /// Stores a new PIN on the signed-in trainee's profile; the message to show.
    fn set_own_pin(&mut self, pin: &str) -> String {
        let Some(mut t) = self.trainee.clone() else {
            return tr!("app-nobody-signed-in");
        };
        let hash = match access::hash_pin(pin) {
            Ok(h) => h,
            Err(e) => return tr!("app-not-saved", error = e.to_string()),
        };
        t.pin = Some(hash);
        match self.store.update_trainee(&t) {
            Ok(()) => {
                self.trainees = self.store.trainees().unwrap_or_default();
                self.trainee = Some(t);
                tr!("app-own-pin-saved")
            }
            Err(e) => tr!("app-not-saved", error = e.to_string()),
        }
    }

    /// Handles a PIN typed at the gate showing now.
    fn submit_pin(&mut self, pin: &str, confirm: Option<&str>) {
        let Screen::Pin(view) = &self.screen else {
            return;
        };
        let gate = view.gate.clone();
        // Only a gate that asks for a new PIN may set one.
        if confirm.is_some() != (view.mode == Mode::Choose) {
            return;
        }
        if let Some(confirm) = confirm
            && confirm != pin
        {
            self.refuse_pin(&tr!("app-pins-differ"));
            return;
        }
        let now = unix_ms();
        match gate {
            Gate::Manager => match &mut self.access {
                Err(e) => {
                    let e = e.clone();
                    self.refuse_pin(&e);
                }
                Ok(a) if confirm.is_some() => match a.set_first_manager_pin(pin, now) {
                    Ok(code) => self.screen = Screen::RecoveryCode(RecoveryCodeView { code }),
                    Err(e) => self.refuse_pin(&sentence(&e.to_string())),
                },
                Ok(a) => match a.try_role(Role::Manager, pin, now).message() {
                    None => self.unlock_manager(),
                    Some(why) => self.refuse_pin(&why),
                },
            },
            Gate::Trainer => match &mut self.access {
                Err(e) => {
                    let e = e.clone();
                    self.refuse_pin(&e);
                }
                Ok(a) => match a.try_role(Role::Trainer, pin, now).message() {
                    None => self.unlock_trainer(),
                    Some(why) => self.refuse_pin(&why),
                },
            },
            Gate::Trainee { ref id, .. } => {
                let Some(t) = self.trainees.iter().find(|t| &t.id == id).cloned() else {
                    return;
                };
                if confirm.is_some() {
                    // Read the profile afresh: another instance may have set a PIN since.
                    let fresh = self.store.trainees().unwrap_or_default();
                    if fresh.iter().any(|x| x.id == t.id && x.pin.is_some()) {
                        self.trainees = fresh;
                        self.screen = Screen::Pin(PinView::new(gate, Mode::Enter));
                        self.refuse_pin(&tr!("app-profile-has-pin"));
                        return;
                    }
                    self.trainee = Some(t);
                    let message = self.set_own_pin(pin);
                    match self.trainee.clone() {
                        Some(t) if t.pin.is_some() => self.sign_in(t),
                        _ => {
                            self.trainee = None;
                            self.refuse_pin(&message);
                        }
                    }
                    return;
                }
                let Some(hash) = t.pin.clone() else {
                    return;
                };
                let verdict = match &mut self.access {
                    Ok(a) => a.try_trainee(&t.id, pin, &hash, now),
                    // Without a readable access file there is nowhere to count tries.
                    Err(_) if access::verify_pin(pin, &hash) => access::Verdict::Open,
                    Err(_) => access::Verdict::Wrong { wait_ms: 0 },
                };
                match verdict.message() {
                    None => self.sign_in(t),
                    Some(why) => self.refuse_pin(&why),
                }
            }
        }
    }

    fn refuse_pin(&mut self, why: &str) {
        if let Screen::Pin(view) = &mut self.screen {
            view.error = Some(why.to_string());
        }
    }

    /// Opens the manager area and reads every trainee's rows for its trainee list.
    fn unlock_manager(&mut self) {
        self.trainee = None;
        self.session = None;
        self.refresh_lrs();
        self.screen = Screen::Manager(ManagerView::default());
        self.read_roster();
    }

    /// Reads every trainee's rows again: on a thread, with progress shown, when the store
    /// can be read from one, and in place otherwise.
    fn read_roster(&mut self) {
        self.roster = None;
        self.cancel_roster();
        // A cancelled read stops before its next trainee; let it finish first, so two
        // readers never set the same damaged file aside at once.
        self.finish_cancelled_reads(true);
        let Some(mut reader) = self.store.reader() else {
            let loaded = Roster::load(self.store.as_mut()).map_err(|e| e.to_string());
            self.roster_loaded(loaded, Vec::new());
            return;
        };
        let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let total = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (d, t, c) = (Arc::clone(&done), Arc::clone(&total), Arc::clone(&cancel));
        let lang = crate::i18n::current();
        let spawned = std::thread::Builder::new()
            .name("roster".into())
            .spawn(move || {
                use std::sync::atomic::Ordering;
                crate::i18n::set(lang);
                let roster = Roster::load_counting(reader.as_mut(), &mut |i, n| {
                    d.store(i, Ordering::Relaxed);
                    t.store(n, Ordering::Relaxed);
                    !c.load(Ordering::Relaxed)
                })
                .map_err(|e| e.to_string());
                // What it set aside is told whatever became of the read.
                (roster, store_notices(reader.as_ref()))
            });
        match spawned {
            Ok(handle) => {
                self.roster_load = Some(RosterLoad {
                    done,
                    total,
                    cancel,
                    handle,
                });
            }
            Err(e) => self.roster_loaded(
                Err(tr!("app-read-cannot-start", error = e.to_string())),
                Vec::new(),
            ),
        }
    }

    /// Takes the roster once its thread is done; returns (done, total) while it reads.
    fn poll_roster(&mut self) -> Option<(usize, usize)> {
        use std::sync::atomic::Ordering;
        self.finish_cancelled_reads(false);
        let load = self.roster_load.as_ref()?;
        if !load.handle.is_finished() {
            return Some((
                load.done.load(Ordering::Relaxed),
                load.total.load(Ordering::Relaxed),
            ));
        }
        self.wait_for_roster();
        None
    }

    /// Waits until the manager's roster has been read. The window only calls this once
    /// the read is done; a benchmark calls it to wait.
    pub fn wait_for_roster(&mut self) {
        if let Some(load) = self.roster_load.take() {
            let (result, notices) = joined(load.handle);
            self.roster_loaded(result, notices);
        }
    }

    /// Shows the loaded roster, or goes back to the start with why it failed; tells
    /// what the read set aside either way.
    fn roster_loaded(&mut self, result: Result<Roster, String>, set_aside: Vec<String>) {
        self.roster_read_frame = Some(self.frames);
        match result {
            Ok(roster) => {
                self.roster_readiness = self.readiness_of(&roster);
                self.roster = Some(roster);
            }
            Err(e) => {
                self.notices
                    .push(tr!("app-records-read-failed", error = e.to_string()));
                self.screen = Screen::Start(StartView::default());
            }
        }
        self.notify(set_aside);
        self.report_store_problems();
    }

    /// Stops reading the roster (the manager left before it was done). The read is kept
    /// until it stops, for what it set aside.
    fn cancel_roster(&mut self) {
        if let Some(load) = self.roster_load.take() {
            load.cancel
                .store(true, std::sync::atomic::Ordering::Relaxed);
            self.cancelled_reads.push(load.handle);
        }
    }

    /// Collects what stopped reads set aside: those done, or all of them with `wait`.
    fn finish_cancelled_reads(&mut self, wait: bool) {
        let (done, running): (Vec<_>, Vec<_>) = std::mem::take(&mut self.cancelled_reads)
            .into_iter()
            .partition(|h| wait || h.is_finished());
        self.cancelled_reads = running;
        for handle in done {
            let (_, notices) = joined(handle);
            self.notify(notices);
        }
    }

    /// Adds notices not already shown.
    fn notify(&mut self, notices: impl IntoIterator<Item = String>) {
        for n in notices {
            if !self.notices.contains(&n) {
                self.notices.push(n);
            }
        }
    }

    /// Saves the LRS settings, keeping the saved password unless a new one was typed.
    fn save_lrs(
        &mut self,
        endpoint: String,
        username: String,
        password: Option<String>,
        home_page: String,
        send_practice: bool,
    ) {
        let data_dir = self.config.data_dir.clone();
        let old = crate::lrs::load_config(&data_dir).ok().flatten();
        let Some(password) = password.or_else(|| old.as_ref().map(|c| c.password.clone())) else {
            self.lrs.message = Some(tr!("app-lrs-password-needed"));
            return;
        };
        let config = crate::lrs::LrsConfig {
            endpoint,
            username,
            password,
            home_page,
            send_practice,
            since_ms: old.as_ref().map_or(unix_ms(), |c| c.since_ms),
            iri_base: old.map_or(crate::xapi::DEFAULT_IRI_BASE.to_string(), |c| c.iri_base),
        };
        self.lrs.message = Some(match crate::lrs::save_config(&data_dir, &config) {
            Ok(()) => {
                let _ = crate::audit::AuditLog::new(&data_dir).record(
                    unix_ms(),
                    "manager",
                    &format!("set the LRS to {}", config.statements_url()),
                );
                self.lrs_next_try = Instant::now();
                self.lrs_backoff = std::time::Duration::ZERO;
                self.lrs_paused = false;
                tr!("app-lrs-saved", url = config.statements_url())
            }
            Err(e) => tr!("app-not-saved-bare", error = e.to_string()),
        });
        self.refresh_lrs();
    }

    /// Opens the trainer area and starts counting trainees' choices for the heat-map.
    fn unlock_trainer(&mut self) {
        self.trainee = None;
        self.session = None;
        self.screen = Screen::Trainer(TrainerView::default());
        self.reload_library();
        self.trainer_message = None;
    }

    /// Counts every trainee's choices per scenario on a thread.
    fn count_choices(&mut self) {
        let data_dir = self.config.data_dir.clone();
        let scenarios: Vec<Arc<crate::scenario::Scenario>> = self
            .library
            .entries
            .iter()
            .map(|e| Arc::clone(&e.scenario))
            .collect();
        self.counts = Counts::Loading;
        let lang = crate::i18n::current();
        self.counts_job = Some(std::thread::spawn(move || {
            crate::i18n::set(lang);
            let mut store = progress::FsStore::new(&data_dir);
            let trainees = store.trainees().map_err(|e| e.to_string())?;
            // One trainee's replies at a time: at 100,000 attempts they would not all fit
            // in memory comfortably.
            let mut counts: CountsByScenario = scenarios
                .iter()
                .map(|s| (s.id.clone(), crate::authoring::ChoiceCounts::default()))
                .collect();
            for t in &trainees {
                let turns = store.turns(&t.id).map_err(|e| e.to_string())?;
                for s in &scenarios {
                    if let Some(c) = counts.get_mut(&s.id) {
                        c.merge(crate::authoring::choice_counts(s, &turns));
                    }
                }
            }
            // Reading may set a damaged file aside; the person hears of it as anywhere.
            let notices = store_notices(&store);
            Ok(Counted { counts, notices })
        }));
    }

    fn poll_counts(&mut self) {
        if self
            .counts_job
            .as_ref()
            .is_some_and(std::thread::JoinHandle::is_finished)
            && let Some(job) = self.counts_job.take()
        {
            self.counts = match job.join() {
                Ok(Ok(counted)) => {
                    for n in counted.notices {
                        if !self.notices.contains(&n) {
                            self.notices.push(n);
                        }
                    }
                    Counts::Ready(counted.counts)
                }
                Ok(Err(e)) => Counts::Failed(e),
                Err(_) => Counts::Failed(tr!("app-count-stopped")),
            };
        }
    }

    /// Checks the trainer's folder for saved changes, at most every `RELOAD_POLL`.
    fn poll_library(&mut self) {
        if self.last_poll.elapsed() < RELOAD_POLL {
            return;
        }
        self.last_poll = Instant::now();
        if library::folder_stamp(&self.config.trainer_scenarios) != self.library_stamp {
            self.reload_library();
        }
    }

    /// Reads the library again; a running playtest follows its scenario's new version.
    pub fn reload_library(&mut self) {
        self.library_stamp = library::folder_stamp(&self.config.trainer_scenarios);
        let checks = if matches!(self.screen, Screen::Trainer(_)) {
            library::Checks::Full
        } else {
            library::Checks::PlayOnly
        };
        self.library = Library::load_with(Some(&self.config.trainer_scenarios), checks);
        self.reloads += 1;
        let mut message = tr!(
            "app-library-reloaded",
            reload = self.reloads,
            playable = self.library.entries.len(),
            errors = self.library.problems.len()
        );
        if let Some(p) = &mut self.playtest {
            let id = p.session.scenario().id.clone();
            // The same file, or none: never another file that shares the id.
            let same = self
                .library
                .get(&id)
                .filter(|e| Some(&e.origin) == self.playtest_origin.as_ref());
            match same {
                Some(entry)
                    if entry.version() != crate::scenario::version_hash(p.session.scenario()) =>
                {
                    use crate::authoring::Followed;
                    match p.follow(Arc::clone(&entry.scenario)) {
                        Ok(Followed::Replayed) => {
                            message.push(' ');
                            message.push_str(&tr!("app-playtest-replayed"));
                        }
                        Ok(Followed::KeptNode(n)) => {
                            message.push(' ');
                            message.push_str(&tr!("app-playtest-kept-node", node = n));
                        }
                        Ok(Followed::Restarted(n)) => {
                            message.push(' ');
                            message.push_str(&tr!("app-playtest-restarted", node = n));
                        }
                        Err(e) => {
                            message.push(' ');
                            message
                                .push_str(&tr!("app-playtest-stopped-now", error = e.to_string()));
                            self.playtest = None;
                        }
                    }
                }
                Some(_) => {}
                None => {
                    message.push(' ');
                    message.push_str(&tr!("app-playtest-scenario-errors"));
                }
            }
        }
        self.trainer_message = Some(message);
        if matches!(self.screen, Screen::Trainer(_)) {
            self.count_choices();
        }
        // The required scenarios may have changed with the library.
        self.refresh_results();
        if let Some(roster) = &self.roster {
            self.roster_readiness = self.readiness_of(roster);
        }
    }

    /// One playtest step; a step the session refuses is reported, not fatal.
    fn playtest_step(
        &mut self,
        step: impl FnOnce(
            &mut crate::authoring::Playtest,
            &crate::scoring::Scorer,
        ) -> Result<(), crate::engine::EngineError>,
    ) {
        if let Some(p) = &mut self.playtest
            && let Err(e) = step(p, self.scorer.get())
        {
            self.trainer_message = Some(tr!("app-playtest-stopped", error = e.to_string()));
        }
    }

    /// Writes a new scenario from the template and shows it.
    fn new_scenario(&mut self) {
        let dir = self.config.trainer_scenarios.clone();
        let library = &self.library;
        let id = crate::authoring::new_scenario_id(|id| {
            library.get(id).is_some() || dir.join(format!("{id}.ron")).exists()
        });
        let path = dir.join(format!("{id}.ron"));
        let written = crate::paths::create_private_dir(&dir)
            .and_then(|()| write_new(&path, &crate::authoring::template(&id)));
        match written {
            Ok(()) => {
                self.reload_library();
                self.trainer_message = Some(tr!(
                    "app-scenario-written",
                    path = path.display().to_string()
                ));
                if let Screen::Trainer(view) = &mut self.screen {
                    view.pick(&self.library, &id);
                }
            }
            Err(e) => {
                self.trainer_message = Some(tr!(
                    "app-write-failed",
                    path = path.display().to_string(),
                    error = e.to_string()
                ))
            }
        }
    }

    /// Copies a built-in scenario into the trainer's folder, where it overrides the
    /// built-in one; an existing file there is never overwritten.
    fn copy_to_edit(&mut self, id: &str) {
        // Parsing is enough to read a built-in's id; validating and linting every
        // built-in again to find one file was not.
        let Some((name, text)) = library::builtin_files().iter().find(|(_, text)| {
            crate::scenario::parse(&crate::scenario::SourceFile::new("", *text))
                .is_ok_and(|s| s.id == id)
        }) else {
            return;
        };
        let dir = self.config.trainer_scenarios.clone();
        let path = dir.join(name);
        let written = crate::paths::create_private_dir(&dir).and_then(|()| write_new(&path, text));
        match written {
            Ok(()) => {
                self.reload_library();
                self.trainer_message = Some(tr!(
                    "app-scenario-copied",
                    path = path.display().to_string()
                ));
                if let Screen::Trainer(view) = &mut self.screen {
                    view.pick(&self.library, id);
                }
            }
            Err(e) => {
                self.trainer_message = Some(tr!(
                    "app-write-failed",
                    path = path.display().to_string(),
                    error = e.to_string()
                ))
            }
        }
    }

    /// Opens a file in the system's default editor, without waiting for it.
    fn open_in_editor(&mut self, path: &Path) {
        let opener = if cfg!(target_os = "macos") {
            "open"
        } else if cfg!(windows) {
            "explorer"
        } else {
            "xdg-open"
        };
        self.trainer_message = Some(
            match std::process::Command::new(opener)
                .arg(path)
                .stdin(std::process::Stdio::null())
                .stdout(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .spawn()
            {
                Ok(mut child) => {
                    // Reaped on its own thread, so no finished opener lingers as a zombie.
                    std::thread::spawn(move || child.wait());
                    tr!("app-opened-in-editor", path = path.display().to_string())
                }
                Err(e) => tr!(
                    "app-open-failed",
                    opener = opener,
                    path = path.display().to_string(),
                    error = e.to_string()
                ),
            },
        );
    }

    /// Notices for files set aside or left untouched that have not been reported yet.
    fn report_store_problems(&mut self) {
        self.notify(store_notices(self.store.as_ref()));
    }

    fn open_attempt(&mut self, key: Option<String>) {
        self.manager_attempt = None;
        let (Some(key), Screen::Manager(view)) = (key, &self.screen) else {
            return;
        };
        let Some(trainee) = view.detail.clone() else {
            return;
        };
        match self.store.attempt(&trainee, &key) {
            Ok(Some(a)) => self.manager_attempt = Some(a),
            Ok(None) => self.notices.push(tr!("app-attempt-unreadable")),
            Err(e) => self
                .notices
                .push(tr!("app-attempt-read-failed", error = e.to_string())),
        }
        self.report_store_problems();
    }

    /// Runs `work` on its own thread with a progress bar; `poll_job` reports on it.
    fn start_job(
        &mut self,
        what: String,
        unit: &'static str,
        reload: bool,
        work: impl FnOnce(&dyn Fn(usize, usize) -> bool) -> Result<String, String> + Send + 'static,
    ) {
        if self.job.is_some() {
            return;
        }
        let done = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let total = Arc::new(std::sync::atomic::AtomicUsize::new(0));
        let cancel = Arc::new(std::sync::atomic::AtomicBool::new(false));
        let (d, t, c) = (Arc::clone(&done), Arc::clone(&total), Arc::clone(&cancel));
        // The job's messages are read in the person's language.
        let lang = crate::i18n::current();
        let handle = std::thread::spawn(move || {
            crate::i18n::set(lang);
            use std::sync::atomic::Ordering;
            let progress = move |n: usize, of: usize| {
                d.store(n, Ordering::Relaxed);
                t.store(of, Ordering::Relaxed);
                !c.load(Ordering::Relaxed)
            };
            work(&progress)
        });
        self.export = ExportStatus::Running {
            what: what.clone(),
            unit,
            done: 0,
            total: 0,
        };
        self.job = Some(Job {
            what,
            unit,
            done,
            total,
            cancel,
            handle,
            started: Instant::now(),
            reload,
        });
    }

    /// Starts writing a CSV on its own thread.
    fn start_export(&mut self, kind: CsvKind, path: PathBuf) {
        let Some(roster) = &self.roster else { return };
        let trainees = roster.trainees.clone();
        let data_dir = self.config.data_dir.clone();
        let what = match kind {
            CsvKind::Attempts => "attempts",
            CsvKind::Turns => "turns",
        };
        let title = match kind {
            CsvKind::Attempts => tr!("app-exporting-attempts"),
            CsvKind::Turns => tr!("app-exporting-turns"),
        };
        let audit = crate::audit::AuditLog::new(&data_dir);
        self.start_job(title, "trainees", false, move |progress| {
            let dir = path.parent().unwrap_or(Path::new(".")).to_path_buf();
            let fail = |e: &dyn std::fmt::Display| tr!("app-export-failed", error = e.to_string());
            std::fs::create_dir_all(&dir).map_err(|e| fail(&e))?;
            // Write beside the target and rename at the end: never a half-written CSV.
            let tmp = tempfile::NamedTempFile::new_in(&dir).map_err(|e| fail(&e))?;
            let mut store = progress::FsStore::new(&data_dir);
            let rows = crate::report::write_csv(
                &mut store,
                &trainees,
                kind,
                std::io::BufWriter::new(tmp.as_file()),
                progress,
            )
            .map_err(|e| match e {
                crate::report::ExportError::Cancelled => {
                    tr!("app-export-cancelled")
                }
                e => fail(&e),
            })?;
            tmp.persist(&path).map_err(|e| fail(&e.error))?;
            let _ = audit.record(
                unix_ms(),
                "manager",
                &format!(
                    "exported the {what} CSV ({rows} rows) to {}",
                    path.display()
                ),
            );
            Ok(tr!(
                "app-exported",
                rows = rows,
                path = path.display().to_string()
            ))
        });
    }

    /// Backs the whole data dir up into one archive, on its own thread.
    fn start_backup(&mut self, path: PathBuf) {
        let data_dir = self.config.data_dir.clone();
        self.start_job(tr!("app-backing-up"), "files", false, move |progress| {
            let manifest = crate::backup::create(&data_dir, &path, unix_ms(), progress)
                .map_err(|e| tr!("app-backup-failed", error = e.to_string()))?;
            let _ = crate::audit::AuditLog::new(&data_dir).record(
                unix_ms(),
                "manager",
                &format!(
                    "backed up {} files to {}",
                    manifest.files.len(),
                    path.display()
                ),
            );
            Ok(tr!(
                "app-backed-up",
                files = manifest.files.len(),
                path = path.display().to_string()
            ))
        });
    }

    /// Restores an archive over the data dir, on its own thread; the current data is
    /// moved aside first, and everything is reloaded afterwards.
    fn start_restore(&mut self, path: PathBuf) {
        let data_dir = self.config.data_dir.clone();
        self.start_job(tr!("app-restoring"), "files", true, move |_| {
            let restored = crate::backup::restore(&path, &data_dir, unix_ms())
                .map_err(|e| tr!("app-restore-failed", error = e.to_string()))?;
            let _ = crate::audit::AuditLog::new(&data_dir).record(
                unix_ms(),
                "manager",
                &format!("restored {} files from {}", restored.files, path.display()),
            );
            Ok(match restored.moved_aside {
                Some(aside) => tr!(
                    "app-restored-kept",
                    files = restored.files,
                    path = path.display().to_string(),
                    aside = aside.display().to_string()
                ),
                None => tr!(
                    "app-restored",
                    files = restored.files,
                    path = path.display().to_string()
                ),
            })
        });
    }

    /// Updates the running job's progress, and its result once the thread ends.
    pub fn poll_export(&mut self) {
        use std::sync::atomic::Ordering;
        let Some(job) = &self.job else { return };
        if !job.handle.is_finished() {
            self.export = ExportStatus::Running {
                what: job.what.clone(),
                unit: job.unit,
                done: job.done.load(Ordering::Relaxed),
                total: job.total.load(Ordering::Relaxed),
            };
            return;
        }
        let Some(job) = self.job.take() else {
            return;
        };
        self.export = match job.handle.join() {
            Ok(Ok(message)) => ExportStatus::Finished(tr!(
                "app-job-finished",
                message = message,
                seconds = format!("{:.1}", job.started.elapsed().as_secs_f64())
            )),
            Ok(Err(message)) => ExportStatus::Failed(message),
            Err(_) => ExportStatus::Failed(tr!("app-job-stopped", what = job.what.as_str())),
        };
        if job.reload {
            self.reload_data();
        }
    }

    /// Deletes a trainee for good: their folder, and what the PIN file keeps about them.
    /// The audit log records that a trainee was deleted, not who.
    fn delete_trainee(&mut self, id: &str) {
        match self.store.delete_trainee(id) {
            Ok(attempts) => {
                if let Ok(a) = &mut self.access {
                    let _ = a.forget_trainee(id);
                }
                let _ = crate::audit::AuditLog::new(&self.config.data_dir).record(
                    unix_ms(),
                    "manager",
                    &format!("deleted a trainee and their {attempts} attempts"),
                );
                self.notices
                    .push(tr!("app-trainee-deleted", attempts = attempts));
            }
            Err(e) => self
                .notices
                .push(tr!("app-delete-failed", error = e.to_string())),
        }
        self.reload_data();
    }

    /// Reads the store, the PINs and the roster again (after a restore replaced them).
    fn reload_data(&mut self) {
        self.library = Library::load_with(
            Some(&self.config.trainer_scenarios),
            library::Checks::PlayOnly,
        );
        let (lexicon, problem) = library::load_lexicon(&self.config.data_dir);
        self.notices.extend(problem);
        self.scorer = LazyScorer::new(lexicon);
        self.store = Box::new(progress::FsStore::new(&self.config.data_dir));
        self.access = Access::load(&self.config.data_dir).map_err(|e| e.to_string());
        // A restore brings its own standard.
        self.standards =
            crate::standards::Standards::load(&self.config.data_dir).unwrap_or_else(|e| {
                self.notices.push(e.to_string());
                crate::standards::Standards::default()
            });
        self.trainees = self.store.trainees().unwrap_or_default();
        self.refresh_results();
        self.manager_attempt = None;
        if let Screen::Manager(view) = &mut self.screen {
            view.detail = None;
            self.read_roster();
        } else {
            self.roster = None;
        }
    }

    /// Every trainee's readiness in `roster`, by id.
    fn readiness_of(
        &self,
        roster: &Roster,
    ) -> std::collections::HashMap<String, crate::standards::Readiness> {
        let required = self.requirements();
        roster
            .trainees
            .iter()
            .zip(&roster.rows)
            .map(|(t, rows)| {
                let results = rows.iter().map(|r| crate::standards::AttemptResult {
                    scenario_id: &r.about.scenario_id,
                    kind: r.about.kind,
                    overall: r.overall,
                    scores: &r.scores,
                });
                (
                    t.id.clone(),
                    crate::standards::readiness(&required, results),
                )
            })
            .collect()
    }

    /// The scenarios of the library required for readiness, and their standard.
    fn requirements(&self) -> Vec<crate::standards::Requirement> {
        self.standards
            .required_of(self.library.entries.iter().map(|e| &*e.scenario))
    }

    /// How a new or resumed attempt is played, by the manager's standard.
    fn options(&self, practice: bool) -> crate::engine::Options {
        crate::engine::Options {
            practice,
            default_pass_mark: self.standards.default_pass_mark,
            default_floor: self.standards.default_floor,
        }
    }

    fn start(&mut self, id: &str, practice: bool) {
        let options = self.options(practice);
        let Some(entry) = self.library.get(id) else {
            self.notices.push(tr!("app-scenario-gone", id = id));
            return;
        };
        let seed = unix_ms() ^ u64::from(std::process::id()).rotate_left(32);
        let now = self.now_ms();
        // In the person's language when the scenario is translated into it.
        let lang = self.settings.lang.code();
        let scenario = match lang {
            "en" => None,
            code => entry.scenario.localized(code),
        }
        .map_or_else(|| Arc::clone(&entry.scenario), Arc::new);
        match Session::start_with(scenario, seed, now, options) {
            Ok(session) => {
                self.session = Some(session);
                self.hint = None;
                self.last_clip = None;
                self.session_start_ms = now;
                self.attempt_started_ms = unix_ms();
                // A new attempt replaces any cut-off one.
                self.unfinished = None;
                self.announced = 0;
                self.screen = Screen::Play(PlayView::default());
                self.advance();
            }
            Err(e) => self
                .notices
                .push(tr!("app-start-failed", id = id, error = e.to_string())),
        }
    }

    fn choose(&mut self, shown_at: usize) {
        let now = self.now_ms();
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let replied = session.choose(shown_at, now).map(reaction);
        self.after_reply(replied);
    }

    /// After a reply: the face reacts and the conversation goes on, or why it could not.
    fn after_reply(
        &mut self,
        replied: Result<Option<crate::ui::portrait::Reaction>, crate::engine::EngineError>,
    ) {
        match replied {
            Ok(r) => self.pending_reaction = r,
            Err(e) => {
                self.notices.push(e.to_string());
                return;
            }
        }
        self.hint = None;
        self.advance();
    }

    /// Practice: back to an earlier turn of the conversation.
    fn rewind(&mut self, turn: usize) {
        let now = self.now_ms();
        let Some(session) = self.session.as_mut() else {
            return;
        };
        if let Err(e) = session.rewind(turn, now) {
            self.notices.push(e.to_string());
            return;
        }
        // Nothing new to say: the customer's lines up to that turn were heard.
        self.announced = session.transcript().len();
        self.hint = None;
        self.pending_reaction = None;
        self.last_clip = self.last_line_clip();
        if let Screen::Play(view) = &mut self.screen {
            view.draft.clear();
        }
        self.remember();
    }

    fn send(&mut self, text: &str) {
        let now = self.now_ms();
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let Step::Write(prompt) = session.step() else {
            return;
        };
        // The scorer reads the original's hint words (it reads English), never a
        // translation's.
        let original = self
            .library
            .get(&session.scenario().id)
            .map(|e| Arc::clone(&e.scenario));
        let hints = match original
            .as_deref()
            .unwrap_or(session.scenario())
            .node(&prompt.node)
        {
            Some(crate::scenario::Node::FreeText(t)) => Some(t.hints.clone()),
            _ => None,
        };
        let assessment = self.scorer.get().assess(&crate::scoring::ReplyInput {
            customer: &prompt.customer_said,
            reply: text,
            hints: hints.as_ref(),
        });
        if let Some(n) = &assessment.notice {
            self.notices.push(n.clone());
        }
        if !assessment.supported {
            // Not scored as nonsense: nothing is recorded, and the words stay to edit.
            if let Screen::Play(view) = &mut self.screen {
                view.draft = text.to_string();
            }
            return;
        }
        let Some(session) = self.session.as_mut() else {
            return;
        };
        let replied = session
            .write(
                text,
                crate::engine::TextAssessment::from_scorer(&assessment),
                now,
            )
            .map(reaction);
        self.after_reply(replied);
    }

    /// Moves past customer lines (announcing each), and records a finished attempt.
    fn advance(&mut self) {
        let now = self.now_ms();
        let Some(session) = self.session.as_mut() else {
            return;
        };
        while let Step::Customer(_) = session.step() {
            if session.proceed(now).is_err() {
                break;
            }
        }
        // Announce what the customer said since last time: the line's own clip, or the
        // voice clip made for it, or a cue.
        let new_lines: Vec<(String, Option<String>)> = session.transcript()[self.announced..]
            .iter()
            .filter_map(|e| match e {
                Entry::Customer { line, .. } => Some((line.node.clone(), line.audio.clone())),
                Entry::Trainee(_) => None,
            })
            .collect();
        self.announced = session.transcript().len();
        let finished = matches!(session.step(), Step::Finished(_));
        let id = session.scenario().id.clone();
        for (node, clip) in &new_lines {
            let path = self.clip_for(&id, node, clip.as_deref());
            match &path {
                Some(path) => self.audio.clip(path),
                None => self.audio.cue(Cue::CustomerLine),
            }
            self.last_clip = path;
        }
        if finished {
            self.audio.cue(Cue::Ending);
            self.finish();
            self.forget_unfinished();
        } else {
            self.remember();
        }
    }

    fn assets_dir(&self, scenario_id: &str) -> Option<PathBuf> {
        match &self.library.get(scenario_id)?.origin {
            // The repository's assets, or an `assets` folder beside the program.
            Origin::BuiltIn => [
                Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets")),
                std::env::current_exe()
                    .ok()
                    .and_then(|exe| exe.parent().map(|d| d.join("assets"))),
            ]
            .into_iter()
            .flatten()
            .find(|dir| dir.is_dir()),
            Origin::Trainer(path) => library::assets_for(path),
        }
    }

    /// The clip a customer line plays: its own `audio`, or for a built-in scenario the
    /// voice clip made for it; `None` when there is no such file (a cue plays instead).
    /// Generated voices speak the built-in words only: a trainer's file that overrides
    /// a built-in id says other things.
    fn clip_for(&self, scenario_id: &str, node: &str, own: Option<&str>) -> Option<PathBuf> {
        // The clips speak the original's words; a translated conversation gets cues.
        if self
            .session
            .as_ref()
            .is_some_and(|s| s.scenario().language().is_some())
        {
            return None;
        }
        let built_in = self
            .library
            .get(scenario_id)
            .is_some_and(|e| e.origin == Origin::BuiltIn);
        let clip = match own {
            Some(clip) => clip.to_string(),
            None if built_in => crate::voice::clip_path(scenario_id, node),
            None => return None,
        };
        Some(self.assets_dir(scenario_id)?.join(clip)).filter(|p| p.is_file())
    }

    /// The clip of the customer's last line in the conversation as it stands, for
    /// *Replay line* after a rewind or a resume.
    fn last_line_clip(&self) -> Option<PathBuf> {
        let session = self.session.as_ref()?;
        let line = crate::engine::last_customer_line(session.transcript())?;
        self.clip_for(&session.scenario().id, &line.node, line.audio.as_deref())
    }

    fn finish(&mut self) {
        let (Some(session), Some(trainee)) = (&self.session, &self.trainee) else {
            return;
        };
        let version = self.library.get(&session.scenario().id).map_or_else(
            || crate::scenario::version_hash(session.scenario()),
            |e| e.version().to_string(),
        );
        let kind = kind_of(session);
        let Some(record) = AttemptRecord::from_session(
            session,
            &trainee.id,
            &version,
            kind,
            self.attempt_started_ms,
            unix_ms(),
        ) else {
            return;
        };
        if let Err(e) = self.store.save_attempt(&record) {
            self.notices
                .push(tr!("app-attempt-save-failed", error = e.to_string()));
        } else {
            // Kept on this computer first; the LRS copy waits in the outbox.
            // Statements describe the original (English) activity, whatever language it
            // was played in; the attempt itself says which.
            let original = self
                .library
                .get(&session.scenario().id)
                .map_or(&**session.scenario(), |e| &*e.scenario);
            match crate::lrs::record(&self.config.data_dir, &record, Some(original)) {
                Ok(true) => {
                    self.lrs_next_try = Instant::now();
                    self.lrs.status = crate::lrs::Outbox::new(&self.config.data_dir).status();
                }
                Ok(false) => {}
                Err(e) => self
                    .notices
                    .push(tr!("app-lrs-queue-failed", error = e.to_string())),
            }
        }
        self.refresh_results();
        self.screen = Screen::Debrief(DebriefView);
    }

    /// Theme, text size, language and sound: the settings menu in the top bar.
    fn settings_menu(&mut self, ui: &mut egui::Ui) {
        ui.label(egui::RichText::new(tr!("app-theme")).strong());
        for theme in Theme::ALL {
            ui.radio_value(&mut self.settings.theme, theme, theme.label());
        }
        ui.separator();
        ui.label(egui::RichText::new(tr!("app-text-size")).strong());
        ui.horizontal(|ui| {
            let scale = ui.ctx().zoom_factor();
            if ui
                .button(tr!("app-text-smaller"))
                .on_hover_text(tr!("app-text-smaller-keys"))
                .clicked()
            {
                set_text_scale(ui.ctx(), scale - 0.1);
            }
            ui.label(format!("{:.0}%", scale * 100.0));
            if ui
                .button(tr!("app-text-larger"))
                .on_hover_text(tr!("app-text-larger-keys"))
                .clicked()
            {
                set_text_scale(ui.ctx(), scale + 0.1);
            }
            if ui.button(tr!("app-text-reset")).clicked() {
                set_text_scale(ui.ctx(), 1.0);
            }
        });
        ui.separator();
        // Radio buttons, not a drop-down: a drop-down inside a menu closes the menu.
        ui.label(egui::RichText::new(tr!("app-language")).strong());
        for lang in crate::i18n::Lang::ALL {
            ui.radio_value(&mut self.settings.lang, lang, lang.native_name());
        }
        ui.separator();
        let label = ui.label(egui::RichText::new(tr!("app-volume")).strong());
        ui.add(egui::Slider::new(&mut self.settings.volume, 0.0..=1.0).show_value(false))
            .labelled_by(label.id);
        ui.checkbox(&mut self.settings.muted, tr!("app-mute"));
    }

    fn top_bar(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                // The left part wraps onto a second row rather than run under
                // *Preferences* at large text sizes.
                let left = egui::vec2((ui.available_width() - 150.0).max(100.0), 0.0);
                let layout = egui::Layout::left_to_right(egui::Align::Center).with_main_wrap(true);
                ui.allocate_ui_with_layout(left, layout, |ui| {
                    ui.label(egui::RichText::new("Turnaround").strong());
                    if let Some(t) = &self.trainee {
                        ui.separator();
                        ui.label(tr!("app-trainee", name = t.name.as_str()));
                        if !matches!(self.screen, Screen::Play(_)) {
                            if ui.button(tr!("app-switch-trainee")).clicked() {
                                command = Some(Command::SwitchTrainee);
                            }
                            if matches!(
                                self.screen,
                                Screen::Debrief(_) | Screen::Practice(_) | Screen::MyProgress(_)
                            ) && ui.button(tr!("app-library")).clicked()
                            {
                                command = Some(Command::BackToLibrary);
                            }
                            if matches!(self.screen, Screen::Library)
                                && ui
                                    .button(tr!("app-practice-pad"))
                                    .on_hover_text(tr!("app-practice-pad-hover"))
                                    .clicked()
                            {
                                command = Some(Command::OpenPracticePad);
                            }
                            if matches!(self.screen, Screen::Library)
                                && ui.button(tr!("app-my-progress")).clicked()
                            {
                                command = Some(Command::OpenMyProgress);
                            }
                        }
                    }
                });
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.menu_button(tr!("app-settings"), |ui| self.settings_menu(ui));
                    self.audio.volume = self.settings.volume;
                    self.audio.muted = self.settings.muted;
                });
            });
            let mut dismiss = None;
            for (i, notice) in self.notices.iter().enumerate() {
                ui.horizontal(|ui| {
                    // Stored as the core said it (so repeats are recognised), shown
                    // in the person's language.
                    ui.colored_label(
                        ui.visuals().warn_fg_color,
                        crate::ui::core_words::notice(notice),
                    );
                    if ui.small_button(tr!("app-dismiss")).clicked() {
                        dismiss = Some(i);
                    }
                });
            }
            if let Some(i) = dismiss {
                self.notices.remove(i);
            }
        });
        command
    }
}

impl eframe::App for TurnaroundApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if let Some(started) = self.config.measure_startup {
            if self.frames == 1
                && let Some(pin) = self.config.measure_manager_pin.clone()
            {
                self.apply(Command::OpenManager);
                self.apply(Command::SubmitPin { pin, confirm: None });
            }
            // The frame that drew what is measured: the first, or the one in which the
            // manager's list (read on a thread) was drawn or its read failed, or the
            // first when no read started (a wrong PIN).
            let drew = match &self.config.measure_manager_pin {
                None => Some(1),
                Some(_) => self
                    .roster_read_frame
                    .or(self.roster_load.is_none().then_some(1)),
            };
            // That frame was presented before the next `ui` call began.
            if drew.is_some_and(|f| self.frames == f + 1) {
                let what = match (&self.config.measure_manager_pin, &self.roster) {
                    (None, _) => "first frame",
                    (Some(_), Some(_)) => "manager list",
                    (Some(_), None) => "manager list NOT reached (wrong PIN?); first frame",
                };
                crate::measure::report_first_frame(what, started);
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
            ui.ctx().request_repaint();
        }
        self.frame_ui(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

impl TurnaroundApp {
    /// One frame of the whole app: what `eframe` calls each frame, and what the view
    /// benchmark drives headlessly.
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        if self.style_applied != Some(self.settings.theme) {
            style::apply(ui.ctx(), self.settings.theme);
            self.style_applied = Some(self.settings.theme);
        }
        // Text size: the settings' value on the first frame, then whatever Ctrl +/- or the
        // settings menu make it, kept in the settings (saved with them).
        let zoom = ui.ctx().zoom_factor();
        if !self.zoom_applied {
            self.zoom_applied = true;
            self.settings.text_scale = clamp_text_scale(self.settings.text_scale);
            if (zoom - self.settings.text_scale).abs() > 0.001 {
                ui.ctx().set_zoom_factor(self.settings.text_scale);
            }
        } else if (zoom - self.settings.text_scale).abs() > 0.001 {
            // egui's own Ctrl +/- go further than is readable; keep within bounds.
            let kept = clamp_text_scale(zoom);
            if (kept - zoom).abs() > 0.001 {
                ui.ctx().set_zoom_factor(kept);
            }
            self.settings.text_scale = kept;
        }
        if crate::i18n::current() != self.settings.lang {
            crate::i18n::set(self.settings.lang);
        }
        let sound = self.audio.notices();
        self.notify(sound);
        self.poll_export();
        let roster_progress = self.poll_roster();
        if roster_progress.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        self.poll_counts();
        self.poll_lrs(ui.ctx());
        if matches!(self.screen, Screen::Trainer(_) | Screen::Library) {
            self.poll_library();
        }
        if matches!(self.screen, Screen::Trainer(_)) {
            ui.ctx().request_repaint_after(RELOAD_POLL);
        }
        if self.job.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
        let mut command = self.top_bar(ui);
        let now_ms = self.now_ms();
        if let Some(reaction) = self.pending_reaction.take() {
            self.portrait.react(reaction, ui.input(|i| i.time));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let c = match &mut self.screen {
                Screen::Start(view) => view.ui(ui, &self.trainees),
                Screen::Library => {
                    let unfinished = self
                        .unfinished
                        .as_ref()
                        .and_then(|u| self.library.get(&u.about.scenario_id))
                        .map(|e| e.scenario.title_in(self.settings.lang.code()));
                    self.library_view
                        .ui(ui, &self.library, &self.results, unfinished)
                }
                Screen::Play(view) => match &self.session {
                    Some(session) => view.ui(
                        ui,
                        PlayContext {
                            session,
                            portrait: &mut self.portrait,
                            now_ms,
                            show_wait: &mut self.settings.show_wait,
                            hint: self.hint.as_deref(),
                        },
                    ),
                    None => Some(Command::BackToLibrary),
                },
                Screen::Debrief(view) => match &self.session {
                    Some(session) => match session.step() {
                        Step::Finished(d) => view.ui(
                            ui,
                            session.scenario(),
                            d,
                            session.transcript(),
                            &mut self.portrait,
                            session.options().practice,
                        ),
                        _ => None,
                    },
                    None => Some(Command::BackToLibrary),
                },
                Screen::Practice(view) => view.ui(ui, &self.library, self.scorer.get()),
                Screen::MyProgress(view) => match &self.summary {
                    Some(summary) => view.ui(
                        ui,
                        summary,
                        &self.library,
                        self.trainee.as_ref().is_some_and(|t| t.pin.is_some()),
                        self.readiness.as_ref(),
                    ),
                    None => Some(Command::BackToLibrary),
                },
                Screen::Pin(view) => view.ui(ui),
                Screen::RecoveryCode(view) => view.ui(ui),
                Screen::Manager(view) => match &self.roster {
                    Some(roster) => view.ui(
                        ui,
                        &ManagerData {
                            roster,
                            library: &self.library,
                            attempt: self.manager_attempt.as_ref(),
                            export: &self.export,
                            audit: &self.audit_entries,
                            trainee_pins_required: self
                                .access
                                .as_ref()
                                .is_ok_and(|a| a.file.trainee_pins_required),
                            trainer_pin_set: self
                                .access
                                .as_ref()
                                .is_ok_and(|a| a.is_set(Role::Trainer)),
                            lrs: &self.lrs,
                            standards: &self.standards,
                            standards_message: self.standards_message.as_deref(),
                            readiness: &self.roster_readiness,
                        },
                    ),
                    None => match roster_progress {
                        Some((done, total)) => crate::ui::manager::loading_ui(ui, done, total),
                        None => Some(Command::LeaveManager),
                    },
                },
                Screen::Trainer(view) => view.ui(
                    ui,
                    &TrainerData {
                        library: &self.library,
                        folder: &self.config.trainer_scenarios,
                        counts: &self.counts,
                        playtest: self.playtest.as_ref(),
                        message: self.trainer_message.as_deref(),
                    },
                ),
            };
            if c.is_some() {
                command = c;
            }
        });
        // Escape goes back to the library from the screens reached from it, unless it
        // is closing something else first (a text field, a menu, a dialog).
        if command.is_none()
            && matches!(
                self.screen,
                Screen::Debrief(_) | Screen::MyProgress(_) | Screen::Practice(_)
            )
            && !ui.ctx().egui_wants_keyboard_input()
            && !ui.ctx().any_popup_open()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            command = Some(Command::BackToLibrary);
        }
        if let Some(c) = command {
            self.apply(c);
        }
    }
}

/// The window's size when it first opens (logical points); the bare-window example opens
/// at the same size, so the two are compared like for like.
pub const WINDOW_SIZE: [f32; 2] = [1100.0, 760.0];

/// Opens the desktop window; returns when it closes.
pub fn run(config: AppConfig) -> eframe::Result {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Turnaround")
            .with_inner_size(WINDOW_SIZE)
            .with_min_inner_size([720.0, 520.0]),
        persistence_path: Some(config.data_dir.join("ui-state")),
        ..Default::default()
    };
    eframe::run_native(
        "Turnaround",
        options,
        Box::new(move |cc| Ok(Box::new(TurnaroundApp::new(cc, config)))),
    )
}

/// Sets the text size, within 50% and 300%, in tenths.
fn set_text_scale(ctx: &egui::Context, scale: f32) {
    ctx.set_zoom_factor(clamp_text_scale(scale));
}

/// A text size within 50% and 300%, in tenths; a damaged setting gives 100%.
fn clamp_text_scale(scale: f32) -> f32 {
    if scale.is_finite() {
        (scale.clamp(0.5, 3.0) * 10.0).round() / 10.0
    } else {
        1.0
    }
}

/// A message as a sentence: a full stop added unless it has one.
fn sentence(message: &str) -> String {
    if message.ends_with('.') {
        message.to_string()
    } else {
        format!("{message}.")
    }
}

/// The kind of attempt a session is.
fn kind_of(session: &Session) -> AttemptKind {
    if session.options().practice {
        AttemptKind::Practice
    } else {
        AttemptKind::Assessment
    }
}

/// How a reply landed, by what it did to the customer's mood.
fn reaction(turn: &crate::engine::TurnRecord) -> Option<crate::ui::portrait::Reaction> {
    let moved = turn.mood_after - turn.mood_before;
    if moved >= 2.0 {
        Some(crate::ui::portrait::Reaction::Good)
    } else if moved <= -2.0 {
        Some(crate::ui::portrait::Reaction::Bad)
    } else {
        None
    }
}

/// What a store set aside or left unread, as the notices a person reads.
fn store_notices(store: &dyn ProgressStore) -> Vec<String> {
    let aside = store.set_aside().iter().map(|s| {
        tr!(
            "app-file-set-aside",
            original = s.original.display().to_string(),
            moved = s.moved_to.display().to_string(),
            reason = s.reason.to_string()
        )
    });
    let skipped = store.skipped().iter().map(|s| {
        tr!(
            "app-file-skipped",
            path = s.path.display().to_string(),
            reason = s.reason.to_string()
        )
    });
    aside.chain(skipped).collect()
}

/// Writes a file that must not exist yet, owner-only.
fn write_new(path: &Path, text: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)?.write_all(text.as_bytes())
}
