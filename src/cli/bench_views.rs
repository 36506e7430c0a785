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
use crate::progress::FsStore;
use crate::ui::Command;
use crate::ui::manager::Tab;

#[derive(Debug, Serialize)]
pub(super) struct ViewFigures {
    pub(super) view: String,
    pub(super) frames: usize,
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
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Times `frames` frames of the app at the window's default size.
pub(super) fn time_frames(
    ctx: &egui::Context,
    app: &mut TurnaroundApp,
    frames: usize,
    view: String,
) -> ViewFigures {
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1100.0, 760.0),
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
    ViewFigures {
        view,
        frames,
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
    let config = AppConfig {
        data_dir: data_dir.clone(),
        trainer_scenarios: cli.trainer_scenarios(),
        measure_startup: None,
        measure_manager_pin: None,
    };
    let mut app = TurnaroundApp::with_parts(
        config,
        UiSettings::default(),
        Box::new(FsStore::new(&data_dir)),
        Audio::silent("benchmarks run without sound"),
    );
    let Some(pin) = super::manage::pin_from(MANAGER_PIN_ENV, "Manager PIN: ") else {
        eprintln!("error: the manager PIN is needed: type it when asked, or set {MANAGER_PIN_ENV}");
        return EXIT_USAGE;
    };
    let start = Instant::now();
    app.apply(Command::OpenManager);
    app.apply(Command::SubmitPin { pin, confirm: None });
    let unlock = start.elapsed();
    if !matches!(app.screen, Screen::Manager(_)) {
        eprintln!("error: the manager area did not open (no manager PIN set, or a wrong one)");
        return EXIT_INPUT;
    }
    let Some(roster) = app.roster.clone() else {
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
    if let Screen::Manager(view) = &mut app.screen {
        view.tab = Tab::Cohort;
    }
    views.push(time_frames(&ctx, &mut app, frames, "cohort".into()));
    let figures = Figures {
        trainees: roster.trainees.len(),
        attempts,
        unlock_ms: ms(unlock),
        views,
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
        "{:<36} {:>7} {:>9} {:>9} {:>9} {:>9}",
        "frame CPU time", "frames", "mean ms", "p95 ms", "max ms", "vertices"
    );
    for v in &figures.views {
        println!(
            "{:<36} {:>7} {:>9.2} {:>9.2} {:>9.2} {:>9}",
            v.view, v.frames, v.mean_ms, v.p95_ms, v.max_ms, v.vertices
        );
    }
    EXIT_OK
}
