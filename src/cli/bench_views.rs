//! `bench-views`: the manager's views driven headlessly through the whole app, as
//! PRODUCT.md defines frame CPU time (building the UI and tessellating it; no
//! rasterising). Figures are printed, never asserted.

use std::time::{Duration, Instant};

use eframe::egui;
use serde::Serialize;

use super::{Cli, EXIT_INPUT, EXIT_OK, EXIT_USAGE};
use crate::access::MANAGER_PIN_ENV;
use crate::app::{AppConfig, Screen, TurnaroundApp, UiSettings};
use crate::audio::Audio;
use crate::engine::Step;
use crate::progress::{FsStore, MemoryStore};
use crate::ui::Command;
use crate::ui::manager::Tab;

#[derive(Debug, Serialize)]
pub(super) struct ViewFigures {
    pub(super) view: String,
    pub(super) frames: usize,
    pub(super) median_ms: f64,
    pub(super) mean_ms: f64,
    pub(super) p95_ms: f64,
    pub(super) max_ms: f64,
    /// Triangles' vertices in the last frame: evidence that the view was really drawn.
    pub(super) vertices: usize,
}

#[derive(Debug, Serialize)]
struct Figures {
    trainees: usize,
    attempts: usize,
    unlock_ms: f64,
    views: Vec<ViewFigures>,
    /// The trainee's screens: start, library, My progress of the busiest trainee, and
    /// play and debrief of a long generated conversation.
    trainee_views: Vec<ViewFigures>,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The whole app as the benchmarks drive it: default settings, no sound.
pub(super) fn bench_app(
    data_dir: std::path::PathBuf,
    trainer_scenarios: std::path::PathBuf,
    store: Box<dyn crate::progress::ProgressStore>,
) -> TurnaroundApp {
    TurnaroundApp::with_parts(
        AppConfig {
            data_dir,
            trainer_scenarios,
            measure_startup: None,
            measure_manager_pin: None,
        },
        UiSettings::default(),
        store,
        Audio::silent("benchmarks run without sound"),
    )
}

/// Times `frames` frames of the app at the window's size when it opens.
pub(super) fn time_frames(
    ctx: &egui::Context,
    app: &mut TurnaroundApp,
    frames: usize,
    view: String,
) -> ViewFigures {
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            crate::app::WINDOW_SIZE.into(),
        )),
        ..Default::default()
    };
    // Warm up: the first frames lay out fonts and settle the layout.
    for _ in 0..5 {
        let out = ctx.run_ui(input(), |ui| app.frame_ui(ui));
        let _ = ctx.tessellate(out.shapes, out.pixels_per_point);
    }
    let mut vertices = 0;
    let mut times: Vec<Duration> = (0..frames)
        .map(|_| {
            let start = Instant::now();
            let out = ctx.run_ui(input(), |ui| app.frame_ui(ui));
            let primitives = ctx.tessellate(out.shapes, out.pixels_per_point);
            let elapsed = start.elapsed();
            vertices = primitives
                .iter()
                .map(|p| match &p.primitive {
                    egui::epaint::Primitive::Mesh(m) => m.vertices.len(),
                    egui::epaint::Primitive::Callback(_) => 0,
                })
                .sum();
            elapsed
        })
        .collect();
    times.sort();
    let mean = times.iter().map(|d| ms(*d)).sum::<f64>() / times.len().max(1) as f64;
    let p95 = times
        .get((times.len() * 95 / 100).min(times.len().saturating_sub(1)))
        .map_or(0.0, |d| ms(*d));
    let median = super::bench_engine::median(&times.iter().map(|d| ms(*d)).collect::<Vec<_>>());
    ViewFigures {
        view,
        frames,
        median_ms: median,
        mean_ms: mean,
        p95_ms: p95,
        max_ms: times.last().map_or(0.0, |d| ms(*d)),
        vertices,
    }
}

/// Runs the benchmark; prints a table or JSON.
pub fn run(cli: &Cli, frames: usize, json: bool) -> i32 {
    if frames == 0 {
        eprintln!("error: --frames must be at least 1");
        return EXIT_USAGE;
    }
    let data_dir = cli.data_dir();
    let mut app = bench_app(
        data_dir.clone(),
        cli.trainer_scenarios(),
        Box::new(FsStore::new(&data_dir)),
    );
    let Some(pin) = super::manage::pin_from(MANAGER_PIN_ENV, "Manager PIN: ") else {
        eprintln!("error: the manager PIN is needed: type it when asked, or set {MANAGER_PIN_ENV}");
        return EXIT_USAGE;
    };
    let start = Instant::now();
    app.apply(Command::OpenManager);
    app.apply(Command::SubmitPin { pin, confirm: None });
    app.wait_for_roster();
    let unlock = start.elapsed();
    if !matches!(app.screen, Screen::Manager(_)) {
        eprintln!("error: the manager area did not open (no manager PIN set, or a wrong one)");
        return EXIT_INPUT;
    }
    let Some(roster) = app.roster.clone() else {
        eprintln!(
            "error: the trainee list was not read: {}",
            app.notices.join("; ")
        );
        return EXIT_INPUT;
    };
    let attempts: usize = roster.rows.iter().map(Vec::len).sum();
    let ctx = egui::Context::default();
    crate::ui::style::apply(&ctx, crate::ui::style::Theme::Dark);
    let mut views = vec![time_frames(&ctx, &mut app, frames, "trainee list".into())];
    if let Some((i, rows)) = roster.rows.iter().enumerate().max_by_key(|(_, r)| r.len()) {
        app.apply(Command::ManagerOpenTrainee(Some(
            roster.trainees[i].id.clone(),
        )));
        let label = format!("trainee detail ({} attempts)", rows.len());
        views.push(time_frames(&ctx, &mut app, frames, label));
        app.apply(Command::ManagerOpenTrainee(None));
    }
    // The Audit tab reads the log when opened, as the app does.
    app.apply(Command::OpenAudit);
    // The trainee list was timed above.
    for tab in Tab::ALL.into_iter().filter(|t| *t != Tab::Trainees) {
        if let Screen::Manager(view) = &mut app.screen {
            view.tab = tab;
        }
        views.push(time_frames(&ctx, &mut app, frames, tab.label()));
    }
    let busiest = roster
        .rows
        .iter()
        .enumerate()
        .max_by_key(|(_, r)| r.len())
        .map(|(i, r)| (roster.trainees[i].id.clone(), r.len()));
    let trainee_views = match trainee_screens(cli, &ctx, frames, busiest) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INPUT;
        }
    };
    let figures = Figures {
        trainees: roster.trainees.len(),
        attempts,
        unlock_ms: ms(unlock),
        views,
        trainee_views,
    };
    if json {
        println!("{}", serde_json::to_string(&figures).unwrap_or_default());
        return EXIT_OK;
    }
    println!(
        "{} trainees, {} attempts; unlocking the manager area (PIN check and every trainee's rows): {:.0} ms",
        figures.trainees, figures.attempts, figures.unlock_ms
    );
    println!(
        "{:<36} {:>7} {:>9} {:>9} {:>9} {:>9} {:>9}",
        "frame CPU time", "frames", "median ms", "mean ms", "p95 ms", "max ms", "vertices"
    );
    for v in figures.views.iter().chain(&figures.trainee_views) {
        println!(
            "{:<36} {:>7} {:>9.2} {:>9.2} {:>9.2} {:>9.2} {:>9}",
            v.view, v.frames, v.median_ms, v.mean_ms, v.p95_ms, v.max_ms, v.vertices
        );
    }
    EXIT_OK
}

/// Nodes in the generated scenario played for a long transcript.
const LONG_SCENARIO_NODES: usize = 401;

/// Times the trainee's screens: start and library over the data dir's trainees, My
/// progress of the trainee with the most attempts, then a long generated conversation
/// played in a store of its own (so the data dir gains no attempt) and its debrief.
fn trainee_screens(
    cli: &Cli,
    ctx: &egui::Context,
    frames: usize,
    busiest: Option<(String, usize)>,
) -> Result<Vec<ViewFigures>, String> {
    let data_dir = cli.data_dir();
    let mut views = Vec::new();
    let mut app = bench_app(
        data_dir.clone(),
        cli.trainer_scenarios(),
        Box::new(FsStore::new(&data_dir)),
    );
    let trainees = app.trainees.len();
    views.push(time_frames(
        ctx,
        &mut app,
        frames,
        format!("start ({trainees} trainees)"),
    ));
    if let Some((id, attempts)) = busiest {
        app.apply(Command::SelectTrainee(id));
        if !matches!(app.screen, Screen::Library) {
            return Err("the busiest trainee could not be chosen (a trainee PIN?)".into());
        }
        views.push(time_frames(ctx, &mut app, frames, "library".into()));
        app.apply(Command::OpenMyProgress);
        views.push(time_frames(
            ctx,
            &mut app,
            frames,
            format!("my progress ({attempts} attempts)"),
        ));
    }

    // A long conversation, in a folder and a store of its own.
    let dir = tempfile::tempdir().map_err(|e| format!("cannot make a temporary folder: {e}"))?;
    let scenarios = dir.path().join("scenarios");
    std::fs::create_dir_all(&scenarios)
        .and_then(|()| {
            std::fs::write(
                scenarios.join("long.ron"),
                crate::generate::scenario_text(LONG_SCENARIO_NODES, 3),
            )
        })
        .map_err(|e| format!("cannot write the long scenario: {e}"))?;
    let mut app = bench_app(
        dir.path().join("data"),
        scenarios,
        Box::new(MemoryStore::default()),
    );
    app.apply(Command::CreateTrainee("Bench".into()));
    app.apply(Command::StartScenario(format!(
        "generated-{LONG_SCENARIO_NODES}-3"
    )));
    // Always the reply that leads one turn on, so the conversation is as long as it gets.
    let onward = |app: &TurnaroundApp| {
        let session = app.session.as_ref()?;
        let Step::Choose(prompt) = session.step() else {
            return None;
        };
        prompt
            .options
            .iter()
            .position(|o| o.starts_with("Reply 0/"))
    };
    let mut turns = 0;
    while let Some(pick) = onward(&app) {
        // Leave the last few turns for the debrief.
        if turns >= 150 {
            break;
        }
        app.apply(Command::Choose(pick));
        turns += 1;
    }
    let entries = app.session.as_ref().map_or(0, |s| s.transcript().len());
    if turns < 150 {
        return Err(format!("the long conversation ended after {turns} turns"));
    }
    views.push(time_frames(
        ctx,
        &mut app,
        frames,
        format!("play ({entries}-line transcript)"),
    ));
    while let Some(pick) = onward(&app) {
        app.apply(Command::Choose(pick));
    }
    if !matches!(app.screen, Screen::Debrief(_)) {
        return Err("the long conversation did not reach its debrief".into());
    }
    views.push(time_frames(
        ctx,
        &mut app,
        frames,
        "debrief (long conversation)".into(),
    ));
    app.apply(Command::OpenPracticePad);
    views.push(time_frames(ctx, &mut app, frames, "practice pad".into()));

    // A built-in scenario with typed turns, each answered with the turn's model answer,
    // so the transcript and the debrief show scored replies with their evidence.
    app.apply(Command::StartScenario(TYPED_SCENARIO.into()));
    let mut typed = 0;
    while let Some(session) = app.session.as_ref() {
        let command = match session.step() {
            Step::Choose(_) => Command::Choose(0),
            Step::Write(prompt) => match session.scenario().node(&prompt.node) {
                Some(crate::scenario::Node::FreeText(turn)) => {
                    typed += 1;
                    Command::Send(turn.model.clone())
                }
                _ => break,
            },
            Step::Customer(_) | Step::Finished(_) => break,
        };
        app.apply(command);
    }
    if typed == 0 || !matches!(app.screen, Screen::Debrief(_)) {
        return Err(format!(
            "{TYPED_SCENARIO} did not play to its debrief with typed replies"
        ));
    }
    views.push(time_frames(
        ctx,
        &mut app,
        frames,
        match typed {
            1 => "debrief (a typed reply with its evidence)".to_string(),
            n => format!("debrief ({n} typed replies with their evidence)"),
        },
    ));
    Ok(views)
}

/// A built-in scenario with typed turns, for the screens that show scored replies.
const TYPED_SCENARIO: &str = "restaurant-wine-unavailable";
