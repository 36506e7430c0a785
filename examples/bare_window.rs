//! A bare eframe window measured exactly as `turnaround --measure-startup` measures the
//! app: from the start of `main()` to the first presented frame. The difference between
//! the two is what Turnaround itself adds to start-up. It prints its peak resident memory
//! after that frame too, as the app does.
//!
//! It opens at the size Turnaround's window opens at, so the two are compared like for
//! like, and never at a size restored from an earlier run. `--eframe-default-size` opens
//! it at eframe's default size instead.
//!
//! eframe restores a window size it finds in its storage even with `persist_window`
//! off, and the storage of an app called "bare" outlives every run; a stale 800×600
//! found there made this window paint a smaller first frame than the app's. So each run
//! has a storage file of its own, fresh and removed afterwards.
//!
//! `cargo run --release --example bare_window [-- --eframe-default-size]`

use std::time::Instant;

use eframe::egui;

struct Bare {
    started: Instant,
    frames: u64,
}

impl eframe::App for Bare {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        if self.frames == 2 {
            turnaround::measure::report_first_frame("first frame", self.started);
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        ui.ctx().request_repaint();
        egui::CentralPanel::default().show(ui, |ui| ui.label("bare"));
    }
}

fn main() -> eframe::Result {
    let started = Instant::now();
    // Always at the size asked for: eframe would otherwise restore whatever size an
    // earlier run of this example was left at.
    let storage =
        std::env::temp_dir().join(format!("turnaround-bare-window-{}.ron", std::process::id()));
    let _ = std::fs::remove_file(&storage);
    let mut options = eframe::NativeOptions {
        persist_window: false,
        persistence_path: Some(storage.clone()),
        ..Default::default()
    };
    if !std::env::args().any(|a| a == "--eframe-default-size") {
        options.viewport = options
            .viewport
            .with_inner_size(turnaround::app::WINDOW_SIZE);
    }
    let result = eframe::run_native(
        "bare",
        options,
        Box::new(move |_cc| Ok(Box::new(Bare { started, frames: 0 }))),
    );
    let _ = std::fs::remove_file(&storage);
    result
}
