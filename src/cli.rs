//! The terminal front end: `validate` and `play`, with PRODUCT.md's exit codes
//! (0 ok, 1 the input had errors, 2 usage error).
//!
//! It parses arguments, reads the real clock and stdin, and prints; the rules live in
//! `scenario` and `engine`.

use std::io::{self, BufRead, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

mod bench_authoring;
mod bench_engine;
mod bench_views;
mod lrs;
mod manage;
mod voice_lines;

use clap::{Parser, Subcommand, ValueEnum};
use serde::Serialize;

use crate::engine::{Debrief, EngineError, Entry, Reply, Session, Step, TextAssessment};
use crate::library::{self, Checked, Library};
use crate::paths;
use crate::progress::ProgressStore;
use crate::scenario::{self, Dimension, Scenario};

/// Exit code: everything was fine.
pub const EXIT_OK: i32 = 0;
/// Exit code: the input had errors.
pub const EXIT_INPUT: i32 = 1;
/// Exit code: the command was used wrongly.
pub const EXIT_USAGE: i32 = 2;

/// Turnaround: practise customer service recovery with upset customers.
#[derive(Debug, Parser)]
#[command(name = "turnaround", version, about)]
pub struct Cli {
    /// Where progress, settings and the trainer's scenarios live.
    #[arg(long, global = true, env = paths::DATA_DIR_ENV, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    /// The trainer's scenario folder (default: <data dir>/scenarios).
    #[arg(long, global = true, value_name = "DIR")]
    pub scenarios: Option<PathBuf>,
    /// Open the start screen, print `first frame: N ms` (from the start of main) and exit.
    #[arg(long)]
    pub measure_startup: bool,
    /// Open the app, unlock the manager area with TURNAROUND_MANAGER_PIN, print
    /// `manager list: N ms` (from the start of main to the list presented) and exit.
    #[arg(long)]
    pub measure_manager: bool,
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// What to do; with none, the desktop app opens.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check scenario files; with no PATH, the whole library. Folders are searched recursively.
    Validate {
        paths: Vec<PathBuf>,
        /// Exit 1 when there are warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Print the diagnostics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Score typed replies: one JSON object per input line ({"id", "customer", "reply",
    /// optional "hints"}), one JSON line out per line in. FILE or - for stdin.
    Score {
        input: String,
        /// Output is always JSON lines; accepted for symmetry with other commands.
        #[arg(long)]
        json: bool,
    },
    /// Measure the reply scorer's speed on a JSON-lines file of replies (as `score` reads).
    Bench {
        file: PathBuf,
        /// How long to keep scoring, in seconds.
        #[arg(long, default_value_t = 3.0)]
        seconds: f64,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure the manager's views headlessly: time to unlock (load every trainee's rows)
    /// and the app's CPU time per frame (UI and tessellation) on the trainee list, the
    /// busiest trainee's detail and the cohort. Needs the manager PIN.
    BenchViews {
        /// Frames to time per view.
        #[arg(long, default_value_t = 200)]
        frames: usize,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure what a trainer waits for: validating (with the recovery lints) a folder of
    /// generated scenarios, one large scenario, and the CPU time per frame of the
    /// trainer's graph of a large scenario, driven headlessly.
    BenchAuthoring {
        /// Generated scenarios to validate.
        #[arg(long, default_value_t = 1000)]
        count: usize,
        /// Nodes in each of them.
        #[arg(long, default_value_t = 30)]
        nodes: usize,
        /// Nodes in the one large scenario.
        #[arg(long, default_value_t = 10_000)]
        large: usize,
        /// Nodes in the scenario whose graph is drawn.
        #[arg(long, default_value_t = 500)]
        graph: usize,
        /// Frames to time per view.
        #[arg(long, default_value_t = 200)]
        frames: usize,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Measure the scenario core on one generated scenario: load + validate (with and
    /// without the recovery lints) and the time per step of random playthroughs.
    /// Instructions per step: run it under callgrind (docs/performance.md).
    BenchEngine {
        /// Nodes in the generated scenario.
        #[arg(long, default_value_t = 10_000)]
        nodes: usize,
        /// Times to load and validate it (0 to skip, as under callgrind).
        #[arg(long, default_value_t = 11)]
        loads: usize,
        /// Steps per round of random playthroughs.
        #[arg(long, default_value_t = 200_000)]
        steps: usize,
        /// Rounds of playthroughs; the median round is reported.
        #[arg(long, default_value_t = 5)]
        rounds: usize,
        /// Print the figures as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every customer line of the built-in scenarios with the espeak-ng voice that says
    /// it and its clip's path under assets/, for `.ci/voices` (docs/voices.md).
    #[command(hide = true)]
    VoiceLines {
        /// One JSON object per line.
        #[arg(long)]
        json: bool,
    },
    /// Fill the data dir with made-up trainees and attempts, for demos and scale tests.
    DemoData {
        /// How many trainees.
        #[arg(long, default_value_t = 20)]
        trainees: usize,
        /// How many attempts in all.
        #[arg(long, default_value_t = 500)]
        attempts: usize,
        /// Fixes every choice, so the same seed makes the same data.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Every trainee's summary and the cohort per scenario (needs the manager PIN, from a
    /// prompt or TURNAROUND_MANAGER_PIN). Columns: docs/reports.md.
    Report {
        /// One row per attempt as CSV on stdout.
        #[arg(long)]
        csv: bool,
        /// With --csv: one row per trainee turn instead.
        #[arg(long)]
        turns: bool,
        /// Only this trainee (name or id).
        #[arg(long, value_name = "NAME")]
        trainee: Option<String>,
        /// Print the summary as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Send attempts to a Learning Record Store (xAPI): see what waits, send it now,
    /// export every statement, or set the LRS up. See docs/xapi.md.
    Lrs {
        #[command(subcommand)]
        action: LrsAction,
    },
    /// Set the manager or trainer PIN (the first time freely; later, with the manager PIN).
    /// The new PIN is asked for, or read from TURNAROUND_NEW_PIN.
    SetPin {
        #[arg(value_enum)]
        role: PinRole,
        /// Reset a forgotten manager PIN with the recovery code (asked for, or read from
        /// TURNAROUND_RECOVERY_CODE).
        #[arg(long)]
        recovery: bool,
    },
    /// Back up the whole data dir into one archive with checksums (needs the manager PIN).
    Backup { file: PathBuf },
    /// Restore a backup: every checksum is checked first, and the current data dir is moved
    /// aside, never deleted (needs the current manager PIN when one is set).
    Restore { file: PathBuf },
    /// Delete a trainee (name or id) and every record of theirs (needs the manager PIN).
    DeleteTrainee {
        trainee: String,
        /// Confirms: this cannot be undone.
        #[arg(long)]
        yes: bool,
    },
    /// Play a scenario in the terminal: a choice turn reads a number, a free-text turn a line.
    Play {
        /// A scenario file, or the id of a library scenario.
        scenario: String,
        /// The trainee's name.
        #[arg(long, default_value = "terminal")]
        trainee: String,
        /// The attempt's seed (default: from the clock).
        #[arg(long)]
        seed: Option<u64>,
        /// A practice attempt, which does not count towards passing.
        #[arg(long)]
        practice: bool,
        /// Print the finished attempt as JSON on stdout (prompts go to stderr).
        #[arg(long)]
        json: bool,
    },
}

/// What `turnaround lrs` does.
#[derive(Debug, Subcommand)]
pub enum LrsAction {
    /// How many statements wait in the outbox, how many were sent, the last send.
    Status {
        #[arg(long)]
        json: bool,
    },
    /// Send everything waiting now; exit 1 when the LRS could not take it (nothing is lost).
    Flush {
        #[arg(long)]
        json: bool,
    },
    /// Write every statement, sent or waiting, to FILE as JSON lines (needs the manager PIN).
    Export { file: PathBuf },
    /// Set the LRS up (needs the manager PIN). The password is asked for, or read from
    /// TURNAROUND_LRS_PASSWORD.
    Configure {
        /// The xAPI endpoint, e.g. https://lrs.example.org/xAPI/
        #[arg(long)]
        endpoint: String,
        #[arg(long)]
        username: String,
        /// The organisation's home page, for each trainee's account.
        #[arg(long)]
        home_page: String,
        /// Send practice attempts too.
        #[arg(long)]
        send_practice: bool,
        /// The base of Turnaround's own IRIs.
        #[arg(long)]
        iri_base: Option<String>,
    },
}

/// A role with a PIN, as the CLI names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PinRole {
    Manager,
    Trainer,
}

impl Cli {
    /// The data dir in force.
    pub fn data_dir(&self) -> PathBuf {
        paths::data_dir(self.data_dir.as_deref())
    }

    /// The trainer's scenario folder in force.
    pub fn trainer_scenarios(&self) -> PathBuf {
        paths::trainer_scenarios(&self.data_dir(), self.scenarios.as_deref())
    }
}

/// Runs a subcommand and returns the process exit code.
pub fn run(cli: &Cli, command: &Command) -> i32 {
    match command {
        Command::Validate {
            paths,
            deny_warnings,
            json,
        } => validate(cli, paths, *deny_warnings, *json),
        Command::Score { input, .. } => score(cli, input),
        Command::Bench {
            file,
            seconds,
            json,
        } => bench(file, *seconds, *json),
        Command::DemoData {
            trainees,
            attempts,
            seed,
        } => demo_data(cli, *trainees, *attempts, *seed),
        Command::VoiceLines { json } => voice_lines::run(*json),
        Command::BenchViews { frames, json } => bench_views::run(cli, *frames, *json),
        Command::BenchAuthoring {
            count,
            nodes,
            large,
            graph,
            frames,
            json,
        } => bench_authoring::run(cli, *count, *nodes, *large, *graph, *frames, *json),
        Command::BenchEngine {
            nodes,
            loads,
            steps,
            rounds,
            json,
        } => bench_engine::run(*nodes, *loads, *steps, *rounds, *json),
        Command::Report {
            csv,
            turns,
            trainee,
            json,
        } => manage::report(
            cli,
            trainee.as_deref(),
            manage::ReportOptions {
                csv: *csv,
                turns: *turns,
                json: *json,
            },
        ),
        Command::Lrs { action } => match action {
            LrsAction::Status { json } => lrs::status(cli, *json),
            LrsAction::Flush { json } => lrs::flush(cli, *json),
            LrsAction::Export { file } => lrs::export(cli, file),
            LrsAction::Configure {
                endpoint,
                username,
                home_page,
                send_practice,
                iri_base,
            } => lrs::configure(
                cli,
                &lrs::Settings {
                    endpoint,
                    username,
                    home_page,
                    send_practice: *send_practice,
                    iri_base: iri_base.as_deref(),
                },
            ),
        },
        Command::SetPin { role, recovery } => manage::set_pin(
            cli,
            match role {
                PinRole::Manager => crate::access::Role::Manager,
                PinRole::Trainer => crate::access::Role::Trainer,
            },
            *recovery,
        ),
        Command::Backup { file } => manage::backup(cli, file),
        Command::Restore { file } => manage::restore(cli, file),
        Command::DeleteTrainee { trainee, yes } => manage::delete_trainee(cli, trainee, *yes),
        Command::Play {
            scenario,
            trainee,
            seed,
            practice,
            json,
        } => {
            // The manager's default pass mark and floor, as the app plays by them.
            let standards = match crate::standards::Standards::load(&cli.data_dir()) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("warning: {e}");
                    crate::standards::Standards::default()
                }
            };
            let options = PlayOptions {
                trainee: trainee.clone(),
                seed: seed.unwrap_or_else(clock_seed),
                practice: *practice,
                json: *json,
                default_pass_mark: standards.default_pass_mark,
                default_floor: standards.default_floor,
            };
            play(cli, scenario, &options)
        }
    }
}

fn unix_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

fn clock_seed() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64)
}

fn validate(cli: &Cli, paths: &[PathBuf], deny_warnings: bool, json: bool) -> i32 {
    let mut checked: Vec<Checked> = Vec::new();
    if paths.is_empty() {
        checked.extend(library::check_builtins());
        let trainer = cli.trainer_scenarios();
        checked.extend(library::check_files(&library::ron_files(&trainer)));
    } else {
        for path in paths {
            if !path.exists() {
                eprintln!("error: {} does not exist", path.display());
                return EXIT_USAGE;
            }
            checked.extend(library::check_files(&library::ron_files(path)));
        }
    }
    let errors: usize = checked
        .iter()
        .map(|c| c.diagnostics.iter().filter(|d| d.is_error()).count())
        .sum();
    let warnings: usize = checked
        .iter()
        .map(|c| c.diagnostics.iter().filter(|d| !d.is_error()).count())
        .sum();
    if json {
        #[derive(Serialize)]
        struct FileReport<'a> {
            file: &'a str,
            ok: bool,
            diagnostics: &'a [scenario::Diagnostic],
        }
        let reports: Vec<FileReport> = checked
            .iter()
            .map(|c| FileReport {
                file: &c.source.name,
                ok: !c.has_errors(),
                diagnostics: &c.diagnostics,
            })
            .collect();
        println!(
            "{}",
            serde_json::to_string_pretty(&reports).unwrap_or_default()
        );
    } else {
        for c in &checked {
            if !c.diagnostics.is_empty() {
                print!("{}", scenario::render(&c.source, &c.diagnostics));
            }
        }
        println!(
            "{} file{} checked: {errors} error{}, {warnings} warning{}",
            checked.len(),
            plural(checked.len()),
            plural(errors),
            plural(warnings)
        );
    }
    if errors > 0 || (deny_warnings && warnings > 0) || checked.is_empty() {
        if checked.is_empty() {
            eprintln!("error: no .ron scenario files found");
        }
        EXIT_INPUT
    } else {
        EXIT_OK
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// Invalid answers in a row before `play` gives up, so piped garbage cannot loop forever.
pub const MAX_INVALID_ANSWERS: usize = 20;

/// How a terminal attempt is played.
#[derive(Debug, Clone)]
pub struct PlayOptions {
    pub trainee: String,
    pub seed: u64,
    /// Practice: slowness costs no mood (the terminal offers no rewinds or hints).
    pub practice: bool,
    pub json: bool,
    /// The manager's pass mark and floor for a scenario that sets none.
    pub default_pass_mark: u8,
    pub default_floor: u8,
}

/// The attempt as `play --json` prints it.
#[derive(Debug, Serialize)]
pub struct AttemptReport<'a> {
    pub trainee: &'a str,
    /// The trainee's opaque id in the progress store.
    pub trainee_id: Option<&'a str>,
    pub scenario_id: &'a str,
    pub scenario_version: String,
    pub seed: u64,
    pub practice: bool,
    pub transcript: &'a [Entry],
    pub debrief: Option<&'a Debrief>,
}

fn resolve(cli: &Cli, wanted: &str) -> Result<Arc<Scenario>, i32> {
    let path = Path::new(wanted);
    if path.is_file() {
        let checked = library::check_file(path);
        if let Some(s) = checked.scenario {
            return Ok(Arc::new(s));
        }
        eprint!(
            "{}",
            scenario::render(&checked.source, &checked.diagnostics)
        );
        return Err(EXIT_INPUT);
    }
    let library = Library::load(Some(&cli.trainer_scenarios()));
    if let Some(entry) = library.get(wanted) {
        return Ok(Arc::clone(&entry.scenario));
    }
    let ids: Vec<&str> = library
        .entries
        .iter()
        .map(|e| e.scenario.id.as_str())
        .collect();
    eprintln!("error: `{wanted}` is neither a scenario file nor a library scenario id");
    if let Some(near) = scenario::did_you_mean(wanted, ids.iter().copied()) {
        eprintln!("help: did you mean `{near}`?");
    } else {
        eprintln!("help: library ids are: {}", ids.join(", "));
    }
    Err(EXIT_USAGE)
}

/// The environment variable `play` reads a protected trainee's PIN from.
pub const TRAINEE_PIN_ENV: &str = "TURNAROUND_TRAINEE_PIN";

/// A trainee whose profile has a PIN can only be played as with that PIN (from
/// `TURNAROUND_TRAINEE_PIN`), counted against the same lockout as the app's.
fn trainee_pin_ok(cli: &Cli, name: &str) -> Result<(), String> {
    let mut store = crate::progress::FsStore::new(&cli.data_dir());
    let wanted = name.trim().to_lowercase();
    let found = store
        .trainees()
        .map_err(|e| e.to_string())?
        .into_iter()
        .find(|t| t.name.to_lowercase() == wanted);
    let Some((t, hash)) = found.and_then(|t| t.pin.clone().map(|h| (t, h))) else {
        return Ok(());
    };
    let pin = std::env::var(TRAINEE_PIN_ENV).unwrap_or_default();
    let mut access = crate::access::Access::load(&cli.data_dir()).map_err(|e| e.to_string())?;
    match access.try_trainee(&t.id, &pin, &hash, unix_ms()).message() {
        None => Ok(()),
        Some(why) => Err(format!(
            "{}'s profile has a PIN; set {TRAINEE_PIN_ENV} to it to play as them. {why}",
            t.name
        )),
    }
}

fn play(cli: &Cli, wanted: &str, options: &PlayOptions) -> i32 {
    let scenario = match resolve(cli, wanted) {
        Ok(s) => s,
        Err(code) => return code,
    };
    if let Err(message) = trainee_pin_ok(cli, &options.trainee) {
        eprintln!("error: {message}");
        return EXIT_INPUT;
    }
    let stdin = io::stdin();
    let mut input = stdin.lock();
    let stdout = io::stdout();
    // With --json the conversation goes to stderr so stdout carries only the attempt.
    let mut out: Box<dyn Write> = if options.json {
        Box::new(io::stderr())
    } else {
        Box::new(stdout.lock())
    };
    let (lexicon, problem) = library::load_lexicon(&cli.data_dir());
    if let Some(p) = problem {
        eprintln!("warning: {p}");
    }
    let scorer = crate::scoring::Scorer::new(&lexicon);
    let started_ms = unix_ms();
    match play_session(
        Arc::clone(&scenario),
        options,
        &scorer,
        &mut input,
        &mut out,
    ) {
        Ok(session) => {
            let debrief = match session.step() {
                Step::Finished(d) => Some(d.as_ref()),
                _ => None,
            };
            // Record it like the app does, under the trainee with this name.
            let kind = if options.practice {
                crate::progress::AttemptKind::Practice
            } else {
                crate::progress::AttemptKind::Assessment
            };
            let mut store = crate::progress::FsStore::new(&cli.data_dir());
            let saved = store
                .trainee_named(&options.trainee, started_ms)
                .and_then(|t| {
                    let version = scenario::version_hash(&scenario);
                    match crate::progress::AttemptRecord::from_session(
                        &session,
                        &t.id,
                        &version,
                        kind,
                        started_ms,
                        unix_ms(),
                    ) {
                        Some(record) => store.save_attempt(&record).map(|()| {
                            // The attempt is kept; the LRS copy waits in the outbox.
                            match crate::lrs::record(&cli.data_dir(), &record, Some(&scenario)) {
                                Ok(true) => eprintln!(
                                    "Its statements wait in the LRS outbox: `turnaround lrs flush` sends them."
                                ),
                                Ok(false) => {}
                                Err(e) => eprintln!("warning: {e}"),
                            }
                            Some(t)
                        }),
                        None => Ok(None),
                    }
                });
            let trainee_id = match saved {
                Ok(t) => {
                    if let (Some(_), false) = (&t, options.json) {
                        println!("Recorded as an attempt by {}.", options.trainee.trim());
                    }
                    t.map(|t| t.id)
                }
                Err(e) => {
                    eprintln!("error: the attempt could not be recorded: {e}");
                    return EXIT_INPUT;
                }
            };
            if options.json {
                let report = AttemptReport {
                    trainee: &options.trainee,
                    trainee_id: trainee_id.as_deref(),
                    scenario_id: &scenario.id,
                    scenario_version: scenario::version_hash(&scenario),
                    seed: options.seed,
                    practice: options.practice,
                    transcript: session.transcript(),
                    debrief,
                };
                drop(out);
                println!(
                    "{}",
                    serde_json::to_string_pretty(&report).unwrap_or_default()
                );
            }
            if debrief.is_some() {
                EXIT_OK
            } else {
                EXIT_INPUT
            }
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INPUT
        }
    }
}

/// Why a terminal attempt stopped early.
#[derive(Debug, thiserror::Error)]
pub enum PlayError {
    #[error("input ended before the conversation did")]
    InputEnded,
    #[error("{0} answers in a row were not a choice number; stopping")]
    TooManyInvalid(usize),
    #[error("reading input: {0}")]
    Io(#[from] io::Error),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// Plays a whole attempt, reading replies from `input` and writing the conversation to
/// `out`. Returns the finished session.
pub fn play_session(
    scenario: Arc<Scenario>,
    options: &PlayOptions,
    scorer: &crate::scoring::Scorer,
    input: &mut dyn BufRead,
    out: &mut dyn Write,
) -> Result<Session, PlayError> {
    let clock = Instant::now();
    let now = || clock.elapsed().as_millis() as u64;
    let c = &scenario.customer;
    writeln!(
        out,
        "== {} ({}, {}) ==",
        scenario.title,
        scenario.industry,
        scenario.difficulty.label()
    )?;
    writeln!(out, "{}", c.problem)?;
    writeln!(out, "{} wants: {}", c.name, c.wants)?;
    writeln!(out)?;
    let mut session = Session::start_with(
        Arc::clone(&scenario),
        options.seed,
        now(),
        crate::engine::Options {
            practice: options.practice,
            default_pass_mark: options.default_pass_mark,
            default_floor: options.default_floor,
        },
    )?;
    let mut line = String::new();
    loop {
        match session.step().clone() {
            Step::Customer(said) => {
                writeln!(out, "{} ({}): {}", c.name, said.emotion.label(), said.text)?;
                session.proceed(now())?;
            }
            Step::Choose(prompt) => {
                writeln!(out)?;
                if let Some(p) = &prompt.prompt {
                    writeln!(out, "[{p}]")?;
                }
                for (i, option) in prompt.options.iter().enumerate() {
                    writeln!(out, "  {}. {option}", i + 1)?;
                }
                let mut invalid = 0;
                let picked = loop {
                    if invalid == MAX_INVALID_ANSWERS {
                        return Err(PlayError::TooManyInvalid(invalid));
                    }
                    write!(out, "Your reply (1-{}): ", prompt.options.len())?;
                    out.flush()?;
                    line.clear();
                    if input.read_line(&mut line)? == 0 {
                        return Err(PlayError::InputEnded);
                    }
                    match line.trim().parse::<usize>() {
                        Ok(n) if (1..=prompt.options.len()).contains(&n) => break n - 1,
                        _ => {
                            invalid += 1;
                            writeln!(
                                out,
                                "Please type a number from 1 to {}.",
                                prompt.options.len()
                            )?;
                        }
                    }
                };
                let turn = session.choose(picked, now())?;
                writeln!(out, "You: {}", turn.reply.text())?;
                writeln!(out, "   {}", levels_line(&turn.levels))?;
                if let Reply::Choice {
                    trap: Some(trap), ..
                } = &turn.reply
                {
                    writeln!(out, "   Trap: {}", trap.label())?;
                }
                writeln!(out, "   {}", turn.feedback)?;
                writeln!(out)?;
            }
            Step::Write(prompt) => {
                writeln!(out)?;
                if let Some(p) = &prompt.prompt {
                    writeln!(out, "[{p}]")?;
                }
                let reply = loop {
                    write!(out, "Type your reply (one line): ")?;
                    out.flush()?;
                    line.clear();
                    if input.read_line(&mut line)? == 0 {
                        return Err(PlayError::InputEnded);
                    }
                    if !line.trim().is_empty() {
                        break line.trim().to_string();
                    }
                };
                let hints = match scenario.node(&prompt.node) {
                    Some(crate::scenario::Node::FreeText(t)) => Some(&t.hints),
                    _ => None,
                };
                let assessment = scorer.assess(&crate::scoring::ReplyInput {
                    customer: &prompt.customer_said,
                    reply: &reply,
                    hints,
                });
                let turn =
                    session.write(&reply, TextAssessment::from_scorer(&assessment), now())?;
                writeln!(out, "You: {}", turn.reply.text())?;
                writeln!(out, "   {}", levels_line(&turn.levels))?;
                for e in &turn.evidence {
                    let sign = match e.effect {
                        crate::scoring::Effect::Plus => '+',
                        crate::scoring::Effect::Minus => '-',
                    };
                    writeln!(out, "   {sign} {}", e.reason)?;
                }
                if let Some(notice) = &assessment.notice {
                    writeln!(out, "   Note: {notice}")?;
                }
                if let Some(tip) = &turn.tip {
                    writeln!(out, "   Tip: {tip}")?;
                }
                writeln!(out)?;
            }
            Step::Finished(debrief) => {
                let ending = session.transcript().iter().rev().find_map(|e| match e {
                    Entry::Customer { line, .. } => Some(line.text.clone()),
                    Entry::Trainee(_) => None,
                });
                if let Some(text) = ending {
                    writeln!(out, "{}: {text}", c.name)?;
                }
                writeln!(out)?;
                write_debrief(out, &debrief)?;
                return Ok(session);
            }
        }
    }
}

fn levels_line(levels: &scenario::Levels) -> String {
    Dimension::ALL
        .iter()
        .map(|d| format!("{} {}/4", d.label(), levels.get(*d)))
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Prints the outcome and the three scores.
pub fn write_debrief(out: &mut dyn Write, d: &Debrief) -> io::Result<()> {
    writeln!(out, "== Debrief ==")?;
    writeln!(
        out,
        "Outcome: {} (loyalty {:.0}; lost below {:.0}, advocate above {:.0}; started at {:.0})",
        d.outcome.label(),
        d.loyalty,
        d.recovery_threshold,
        d.loyalty_baseline,
        d.starting_loyalty
    )?;
    for dim in Dimension::ALL {
        writeln!(out, "{:<24}{:>4.0}", dim.label(), d.scores.get(dim))?;
    }
    writeln!(
        out,
        "{:<24}{:>4.0}  {} (pass mark {}, floor {})",
        "Overall",
        d.overall,
        if d.passed { "PASS" } else { "FAIL" },
        d.pass_mark,
        d.floor
    )
}

/// One line of `score` input.
#[derive(Debug, serde::Deserialize)]
struct ScoreLine {
    #[serde(default)]
    id: serde_json::Value,
    customer: String,
    reply: String,
    #[serde(default)]
    hints: Option<scenario::Hints>,
}

/// Scores JSON lines from a file or stdin; exits 1 when any line was bad.
fn score(cli: &Cli, input: &str) -> i32 {
    let (lexicon, problem) = library::load_lexicon(&cli.data_dir());
    if let Some(p) = problem {
        eprintln!("warning: {p}");
    }
    let scorer = crate::scoring::Scorer::new(&lexicon);
    let reader: Box<dyn BufRead> = if input == "-" {
        Box::new(io::BufReader::new(io::stdin()))
    } else {
        match std::fs::File::open(input) {
            Ok(f) => Box::new(io::BufReader::new(f)),
            Err(e) => {
                eprintln!("error: cannot open {input}: {e}");
                return EXIT_USAGE;
            }
        }
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let mut bad = 0;
    for (n, line) in reader.lines().enumerate() {
        let line = match line {
            Ok(l) => l,
            Err(e) => {
                bad += 1;
                let _ = writeln!(
                    out,
                    "{}",
                    serde_json::json!({"id": null, "line": n + 1, "error": format!("unreadable line: {e}")})
                );
                continue;
            }
        };
        if line.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<ScoreLine>(&line) {
            Ok(item) => {
                let a = scorer.assess(&crate::scoring::ReplyInput {
                    customer: &item.customer,
                    reply: &item.reply,
                    hints: item.hints.as_ref(),
                });
                let by_dim = |f: &dyn Fn(Dimension) -> serde_json::Value| -> serde_json::Value {
                    serde_json::json!({
                        "active_listening": f(Dimension::ActiveListening),
                        "ownership": f(Dimension::Ownership),
                        "exceeding_expectations": f(Dimension::ExceedingExpectations),
                    })
                };
                let mut v = serde_json::json!({
                    "id": item.id,
                    "levels": by_dim(&|d| a.levels.get(d).into()),
                    "scores": by_dim(&|d| (a.scores[d.index()].round() as i64).into()),
                    "evidence": a.evidence,
                    "supported": a.supported,
                });
                if let Some(notice) = &a.notice {
                    v["notice"] = notice.clone().into();
                }
                v
            }
            Err(e) => {
                bad += 1;
                let id = serde_json::from_str::<serde_json::Value>(&line)
                    .ok()
                    .and_then(|v| v.get("id").cloned())
                    .unwrap_or_default();
                serde_json::json!({"id": id, "line": n + 1, "error": format!("expected {{\"customer\": ..., \"reply\": ...}}: {e}")})
            }
        };
        let _ = writeln!(out, "{result}");
    }
    if bad > 0 { EXIT_INPUT } else { EXIT_OK }
}

/// Scores every reply in `file` over and over for `seconds` and reports the rate.
fn bench(file: &Path, seconds: f64, json: bool) -> i32 {
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: cannot read {}: {e}", file.display());
            return EXIT_USAGE;
        }
    };
    let items: Vec<ScoreLine> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    if items.is_empty() {
        eprintln!(
            "error: {} has no lines with \"customer\" and \"reply\"",
            file.display()
        );
        return EXIT_INPUT;
    }
    let scorer = crate::scoring::Scorer::default();
    let started = Instant::now();
    let mut scored = 0u64;
    let mut checksum = 0u64;
    // Rounds of the whole set; the median round is reported, so a moment of noise on a
    // shared machine moves one round, not the figure.
    let mut rounds = Vec::new();
    while started.elapsed().as_secs_f64() < seconds.max(0.1) {
        let round = Instant::now();
        for item in &items {
            let a = scorer.assess(&crate::scoring::ReplyInput {
                customer: &item.customer,
                reply: &item.reply,
                hints: item.hints.as_ref(),
            });
            checksum += u64::from(a.levels.active_listening);
            scored += 1;
        }
        rounds.push(round.elapsed().as_secs_f64() * 1e6 / items.len() as f64);
    }
    let elapsed = started.elapsed().as_secs_f64();
    let micros = bench_engine::median(&rounds);
    let per_second = 1e6 / micros;
    // The first round met the set's words before the per-thread stem cache had them.
    let first_round = rounds.first().copied().unwrap_or(f64::NAN);
    let worst = long_replies(&items)
        .into_iter()
        .map(|(name, reply)| {
            let customer = &items[0].customer;
            let runs: Vec<f64> = (0..101)
                .map(|_| {
                    let start = Instant::now();
                    let a = scorer.assess(&crate::scoring::ReplyInput {
                        customer,
                        reply: &reply,
                        hints: None,
                    });
                    std::hint::black_box(a);
                    start.elapsed().as_secs_f64() * 1e6
                })
                .collect();
            (name, reply.len(), bench_engine::median(&runs))
        })
        .collect::<Vec<_>>();
    if json {
        let worst: Vec<_> = worst
            .iter()
            .map(|(name, bytes, us)| serde_json::json!({"reply": name, "bytes": bytes, "microseconds": us}))
            .collect();
        println!(
            "{}",
            serde_json::json!({"replies": scored, "distinct": items.len(), "rounds": rounds.len(), "seconds": elapsed, "replies_per_second": per_second, "microseconds_per_reply": micros, "first_round_microseconds_per_reply": first_round, "checksum": checksum, "long_replies": worst})
        );
    } else {
        println!(
            "{scored} replies in {elapsed:.2} s: {micros:.1} µs per reply, {per_second:.0} replies/s (median of {} rounds over {} distinct replies)",
            rounds.len(),
            items.len()
        );
        println!(
            "first round, before the stem cache knew the set's words: {first_round:.1} µs per reply"
        );
        for (name, bytes, us) in &worst {
            println!("{name} ({bytes} bytes): {us:.0} µs (median of 101)");
        }
    }
    EXIT_OK
}

/// The size of the long replies `bench` times.
const LONG_REPLY_BYTES: usize = 10 * 1024;

/// Three 10 KB replies built from the set, for the scorer's worst case: the set's replies
/// one after another; every long word misspelt (so each is compared with the lexicon);
/// and the set's words with no sentence break at all.
fn long_replies(items: &[ScoreLine]) -> Vec<(&'static str, String)> {
    let fill = |piece: &dyn Fn(usize) -> String| {
        let mut out = String::new();
        let mut i = 0;
        while out.len() < LONG_REPLY_BYTES {
            out.push_str(&piece(i));
            i += 1;
        }
        let mut end = LONG_REPLY_BYTES;
        while !out.is_char_boundary(end) {
            end -= 1;
        }
        out.truncate(end);
        out
    };
    let words: Vec<&str> = items
        .iter()
        .flat_map(|i| i.reply.split_whitespace())
        .collect();
    let long: Vec<String> = words
        .iter()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().count() >= 7)
        .map(|w| {
            let mut chars: Vec<char> = w.chars().collect();
            let last = chars.len() - 1;
            chars[last] = if chars[last] == 'q' { 'x' } else { 'q' };
            chars.into_iter().collect()
        })
        .collect();
    let mut out = vec![(
        "10 KB of the set's replies",
        fill(&|i| format!("{} ", items[i % items.len()].reply)),
    )];
    // A set of blank replies has no words to build the other two from.
    if !words.is_empty() {
        out.push((
            "10 KB of one sentence",
            fill(&|i| {
                format!(
                    "{} ",
                    words[i % words.len()].trim_end_matches(['.', '!', '?', ';'])
                )
            }),
        ));
    }
    if !long.is_empty() {
        out.push((
            "10 KB of misspelt long words",
            fill(&|i| {
                let sep = if i % 12 == 11 { ". " } else { " " };
                format!("{}{sep}", long[i % long.len()])
            }),
        ));
    }
    out
}

/// Writes made-up trainees and attempts, reporting progress on stderr.
fn demo_data(cli: &Cli, trainees: usize, attempts: usize, seed: u64) -> i32 {
    let library = Library::load(Some(&cli.trainer_scenarios()));
    if library.entries.is_empty() || trainees == 0 {
        eprintln!("error: demo data needs at least one scenario and one trainee");
        return EXIT_USAGE;
    }
    let mut store = crate::progress::FsStore::new(&cli.data_dir());
    let spec = crate::demo::DemoSpec {
        trainees,
        attempts,
        seed,
        now_ms: unix_ms(),
    };
    let result = crate::demo::generate(&mut store, &library, &spec, &mut |n| {
        if n % 100 == 0 || n == attempts {
            eprintln!("demo data: {n} of {attempts} attempts written");
        }
    });
    match result {
        Ok(()) => {
            println!(
                "Wrote {trainees} trainees and {attempts} attempts to {}",
                cli.data_dir().display()
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INPUT
        }
    }
}
