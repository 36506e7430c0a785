//! `bench-authoring`: what a trainer waits for. Validating (with the recovery lints) a
//! folder of generated scenarios, one large scenario, and the CPU time per frame of the
//! trainer's graph of a large scenario, driven headlessly through the whole app.
//! Figures are printed, never asserted.

use std::time::{Duration, Instant};

use eframe::egui;
use serde::Serialize;

use super::bench_views::{ViewFigures, bench_app, time_frames};
use super::{EXIT_INPUT, EXIT_OK, EXIT_USAGE};
use crate::app::Screen;
use crate::library;
use crate::progress::MemoryStore;
use crate::ui::graph::Fit;
use crate::ui::trainer::TrainerView;

#[derive(Debug, Serialize)]
struct Figures {
    scenarios: usize,
    nodes_each: usize,
    /// Load and validate every file without the lints, as the app's library loads them.
    folder_play_ms: f64,
    /// Load and validate (with lints) every file, on all cores as `validate` does.
    folder_ms: f64,
    /// The same, one file after another on one core.
    folder_one_core_ms: f64,
    warnings: usize,
    large_nodes: usize,
    large_ms: f64,
    graph_nodes: usize,
    frames: Vec<ViewFigures>,
    /// Counting every trainee's choices for the heat-map, over the data dir's attempts.
    heat_attempts: usize,
    heat_ms: f64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Runs the benchmark; prints a table or JSON.
pub fn run(
    cli: &super::Cli,
    count: usize,
    nodes: usize,
    large: usize,
    graph: usize,
    frames: usize,
    json: bool,
) -> i32 {
    if count == 0 || frames == 0 || nodes < 5 || graph < 5 || large < 5 {
        eprintln!("error: give at least 1 scenario and frame, and 5 nodes per scenario");
        return EXIT_USAGE;
    }
    let dir = match tempfile::tempdir() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: cannot make a temporary folder: {e}");
            return EXIT_INPUT;
        }
    };
    let folder = dir.path().join("scenarios");
    let written = std::fs::create_dir_all(&folder).and_then(|()| {
        (0..count).try_for_each(|seed| {
            std::fs::write(
                folder.join(format!("generated-{seed:04}.ron")),
                crate::generate::scenario_text(nodes, seed as u64),
            )
        })
    });
    if let Err(e) = written {
        eprintln!("error: cannot write the generated scenarios: {e}");
        return EXIT_INPUT;
    }
    let paths = library::ron_files(&folder);
    // Warm the page cache and the lint scorer, so neither run pays for them alone.
    let _ = library::check_files(&paths[..paths.len().min(4)]);
    let start = Instant::now();
    let played = library::check_files_with(&paths, library::Checks::PlayOnly);
    let folder_play_ms = ms(start.elapsed());
    let start = Instant::now();
    let checked = library::check_files(&paths);
    let folder_ms = ms(start.elapsed());
    let start = Instant::now();
    let one_core: Vec<_> = paths.iter().map(|p| library::check_file(p)).collect();
    let folder_one_core_ms = ms(start.elapsed());
    let errors = checked.iter().filter(|c| c.has_errors()).count();
    if errors > 0 || one_core.len() != checked.len() || played.len() != checked.len() {
        eprintln!("error: {errors} generated scenarios did not validate");
        return EXIT_INPUT;
    }
    let warnings = checked.iter().map(|c| c.diagnostics.len()).sum();

    let text = crate::generate::scenario_text(large, 1);
    let start = Instant::now();
    let big = library::check(crate::scenario::SourceFile::new("large.ron", text), None);
    let large_ms = ms(start.elapsed());
    let Some(large_nodes) = big.scenario.as_ref().map(|s| s.nodes.len()) else {
        eprintln!("error: the large scenario did not validate:");
        for d in big.diagnostics.iter().take(5) {
            eprintln!("  {d}");
        }
        return EXIT_INPUT;
    };

    // The graph of one large scenario in the trainer area.
    let trainer = dir.path().join("trainer");
    let graph_text = crate::generate::scenario_text(graph, 2);
    if let Err(e) = std::fs::create_dir_all(&trainer)
        .and_then(|()| std::fs::write(trainer.join("graph.ron"), graph_text))
    {
        eprintln!("error: cannot write the graph scenario: {e}");
        return EXIT_INPUT;
    }
    let mut app = bench_app(
        dir.path().join("data"),
        trainer,
        Box::new(MemoryStore::default()),
    );
    let id = format!("generated-{graph}-2");
    let Some(entry) = app.library.get(&id) else {
        eprintln!("error: the graph scenario did not load");
        return EXIT_INPUT;
    };
    let graph_nodes = entry.scenario.nodes.len();
    let ctx = egui::Context::default();
    crate::ui::style::apply(&ctx, crate::ui::style::Theme::Dark);
    let mut figures = Vec::new();
    for (fit, label) in [
        (Fit::All, "whole graph in view"),
        (Fit::Readable, "readable zoom, panned"),
    ] {
        let mut view = TrainerView::default();
        view.pick(&app.library, &id);
        view.graph.fit = Some(fit);
        app.screen = Screen::Trainer(view);
        figures.push(time_frames(
            &ctx,
            &mut app,
            frames,
            format!("graph, {label}"),
        ));
    }
    // The heat-map's count, as the trainer area runs it on its thread.
    let library = crate::library::Library::load(Some(&cli.trainer_scenarios()));
    let start = Instant::now();
    let mut store = crate::progress::FsStore::new(&cli.data_dir());
    let mut counted = 0;
    for t in crate::progress::ProgressStore::trainees(&mut store).unwrap_or_default() {
        let turns = crate::progress::ProgressStore::turns(&mut store, &t.id).unwrap_or_default();
        for e in &library.entries {
            counted += crate::authoring::choice_counts(&e.scenario, &turns).attempts;
        }
    }
    let heat_ms = ms(start.elapsed());
    let figures = Figures {
        heat_attempts: counted,
        heat_ms,
        scenarios: count,
        nodes_each: nodes,
        folder_play_ms,
        folder_ms,
        folder_one_core_ms,
        warnings,
        large_nodes,
        large_ms,
        graph_nodes,
        frames: figures,
    };
    if json {
        println!("{}", serde_json::to_string(&figures).unwrap_or_default());
        return EXIT_OK;
    }
    println!(
        "load and validate {} generated scenarios of {} nodes: {:.0} ms",
        figures.scenarios, figures.nodes_each, figures.folder_play_ms
    );
    println!(
        "validate {} generated scenarios of {} nodes (with the recovery lints): {:.0} ms on all cores, {:.0} ms on one ({} warnings)",
        figures.scenarios,
        figures.nodes_each,
        figures.folder_ms,
        figures.folder_one_core_ms,
        figures.warnings
    );
    println!(
        "load and validate one {}-node scenario: {:.0} ms",
        figures.large_nodes, figures.large_ms
    );
    println!(
        "{:<40} {:>7} {:>9} {:>9} {:>9}",
        format!("frame CPU time, {}-node graph", figures.graph_nodes),
        "frames",
        "mean ms",
        "p95 ms",
        "vertices"
    );
    for f in &figures.frames {
        println!(
            "{:<40} {:>7} {:>9.2} {:>9.2} {:>9}",
            f.view, f.frames, f.mean_ms, f.p95_ms, f.vertices
        );
    }
    println!(
        "heat-map: counting the choices of {} attempts in the data dir: {:.0} ms",
        figures.heat_attempts, figures.heat_ms
    );
    EXIT_OK
}
