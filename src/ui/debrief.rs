//! Debrief: scores, pass or fail, the outcome against the baseline, the mood chart and
//! the transcript with feedback and model answers.

use eframe::egui;
use egui_plot::{HLine, Legend, Line, Plot, PlotPoints};

use super::Command;
use super::labels;
use super::play::{feedback, reply_text};
use super::style::score_colour;
use crate::engine::{Debrief, Entry};
use crate::scenario::{Dimension, Outcome, Scenario};
use crate::tr;

/// The debrief screen has no state of its own.
#[derive(Debug, Default)]
pub struct DebriefView;

impl DebriefView {
    /// Draws a finished attempt.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        scenario: &Scenario,
        debrief: &Debrief,
        transcript: &[Entry],
        portrait: &mut super::portrait::Portrait,
        practice: bool,
    ) -> Option<Command> {
        let mut command = None;
        egui::ScrollArea::vertical()
            .auto_shrink([false; 2])
            .show(ui, |ui| {
                // Keep text clear of the scroll bar.
                ui.set_max_width(ui.available_width() - 18.0);
                ui.horizontal(|ui| {
                    ui.heading(tr!("debrief-title", title = scenario.title.as_str()));
                    ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                        if ui.button(tr!("trainee-back-to-library")).clicked() {
                            command = Some(Command::BackToLibrary);
                        }
                        if ui.button(tr!("debrief-retry")).clicked() {
                            command = Some(Command::Retry);
                        }
                    });
                });
                if practice {
                    ui.label(tr!(
                        "debrief-practice-note",
                        rewinds = debrief.rewinds,
                        hints = debrief.hints
                    ));
                }
                ui.add_space(8.0);
                ui.horizontal_top(|ui| {
                    let emotion = crate::engine::last_customer_line(transcript)
                        .map_or(crate::scenario::Emotion::Neutral, |l| l.emotion);
                    let mood = debrief.mood_track.last().copied().unwrap_or(50.0);
                    let customer = &scenario.customer;
                    ui.vertical(|ui| {
                        portrait.ui(ui, &customer.look, &customer.name, emotion, mood, 150.0);
                        ui.label(tr!(
                            "debrief-customer-at-end",
                            name = customer.name.as_str(),
                            emotion = labels::emotion(emotion)
                        ));
                    });
                    ui.columns(2, |cols| {
                        left_aligned(&mut cols[0], |ui| scores(ui, debrief));
                        left_aligned(&mut cols[1], |ui| outcome(ui, scenario, debrief));
                    });
                });
                ui.add_space(8.0);
                ui.label(egui::RichText::new(tr!("debrief-mood-chart")).strong());
                let points: Vec<[f64; 2]> = debrief
                    .mood_track
                    .iter()
                    .enumerate()
                    .map(|(i, m)| [i as f64, *m])
                    .collect();
                Plot::new("mood_chart")
                    .legend(Legend::default())
                    .height(180.0)
                    .include_y(0.0)
                    .include_y(100.0)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .x_axis_label(tr!("debrief-axis-reply"))
                    .y_axis_label(tr!("debrief-axis-mood"))
                    .show(ui, |plot| {
                        plot.line(
                            Line::new(tr!("debrief-mood-line"), PlotPoints::from(points))
                                .width(2.5),
                        );
                        plot.hline(HLine::new(
                            tr!("debrief-starting-mood"),
                            debrief.mood_track.first().copied().unwrap_or(0.0),
                        ));
                    });
                ui.add_space(8.0);
                ui.heading(tr!("debrief-transcript"));
                transcript_ui(ui, &scenario.customer.name, transcript);
            });
        command
    }
}

/// The transcript with each reply's feedback beside a model answer.
pub fn transcript_ui(ui: &mut egui::Ui, customer: &str, transcript: &[Entry]) {
    for entry in transcript {
        match entry {
            Entry::Customer { line, .. } => {
                ui.horizontal_wrapped(|ui| {
                    ui.label(egui::RichText::new(tr!("trainee-speaker", name = customer)).strong());
                    ui.label(&line.text);
                });
            }
            Entry::Trainee(turn) => {
                ui.columns(2, |cols| {
                    left_aligned(&mut cols[0], |ui| {
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            ui.label(egui::RichText::new(tr!("debrief-you-said")).strong());
                            reply_text(ui, turn);
                            feedback(ui, turn);
                        });
                    });
                    left_aligned(&mut cols[1], |ui| {
                        egui::Frame::group(ui.style()).show(ui, |ui| {
                            ui.label(egui::RichText::new(tr!("debrief-model-answer")).strong());
                            ui.label(&turn.model);
                        });
                    });
                });
            }
        }
        ui.add_space(4.0);
    }
}

fn scores(ui: &mut egui::Ui, d: &Debrief) {
    egui::Grid::new("scores")
        .num_columns(2)
        .spacing([24.0, 8.0])
        .show(ui, |ui| {
            for dim in Dimension::ALL {
                let s = d.scores.get(dim);
                ui.label(labels::dimension(dim));
                ui.label(
                    egui::RichText::new(format!("{s:.0}"))
                        .strong()
                        .color(score_colour(ui, s)),
                );
                ui.end_row();
            }
            ui.label(egui::RichText::new(tr!("debrief-overall")).strong());
            ui.label(
                egui::RichText::new(format!("{:.0}", d.overall))
                    .heading()
                    .color(score_colour(ui, d.overall)),
            );
            ui.end_row();
        });
    ui.label(
        egui::RichText::new(tr!(
            "debrief-verdict",
            passed = if d.passed { "yes" } else { "no" },
            pass_mark = d.pass_mark,
            floor = d.floor
        ))
        .strong()
        .color(score_colour(ui, if d.passed { 100.0 } else { 0.0 })),
    );
}

fn outcome(ui: &mut egui::Ui, scenario: &Scenario, d: &Debrief) {
    let (headline, colour) = match d.outcome {
        Outcome::Advocate => (tr!("debrief-advocate"), 100.0),
        Outcome::Recovered => (tr!("debrief-recovered"), 60.0),
        Outcome::Lost => (tr!("debrief-lost"), 0.0),
    };
    ui.label(
        egui::RichText::new(headline)
            .heading()
            .color(score_colour(ui, colour)),
    );
    ui.label(tr!(
        "debrief-loyalty",
        name = scenario.customer.name.as_str(),
        loyalty = format!("{:.0}", d.loyalty),
        baseline = format!("{:.0}", d.loyalty_baseline),
        start = format!("{:.0}", d.starting_loyalty),
        threshold = format!("{:.0}", d.recovery_threshold)
    ));
    ui.add(egui::ProgressBar::new((d.loyalty / 100.0) as f32).fill(score_colour(ui, colour)))
        .on_hover_text(tr!(
            "debrief-loyalty-hover",
            loyalty = format!("{:.0}", d.loyalty)
        ));
    if d.outcome != d.intended {
        ui.label(
            egui::RichText::new(tr!(
                "debrief-intended",
                intended = labels::outcome(d.intended)
            ))
            .small(),
        );
    }
}

/// Lays out a column's content top-down and left-aligned (columns justify by default,
/// which spreads words of wrapped text across the line).
fn left_aligned(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui)) {
    ui.with_layout(egui::Layout::top_down(egui::Align::Min), add);
}
