//! My progress: a trainee's best and latest results, the trend on each dimension,
//! streaks, and what to practise next.

use eframe::egui;
use egui_plot::{Line, Plot, PlotPoints};

use super::Command;
use super::labels;
use super::pin::password_row;
use super::style::{dimension_colour, dimension_line_style, dimension_mark, score_colour};
use crate::library::Library;
use crate::progress::ProgressSummary;
use crate::scenario::Dimension;
use crate::standards::Readiness;
use crate::tr;

/// Readiness for the floor, as a state in words, with what is still to pass.
pub fn readiness_ui(ui: &mut egui::Ui, readiness: &Readiness) {
    egui::Frame::group(ui.style())
        .inner_margin(10.0)
        .show(ui, |ui| {
            let colour = match readiness {
                Readiness::Ready => score_colour(ui, 100.0),
                Readiness::NotYet { .. } => score_colour(ui, 55.0),
                Readiness::NothingRequired => ui.visuals().weak_text_color(),
            };
            ui.label(
                egui::RichText::new(labels::readiness(readiness))
                    .strong()
                    .size(18.0)
                    .color(colour),
            );
            match readiness {
                Readiness::Ready => {
                    ui.label(tr!("my-progress-ready"));
                }
                Readiness::NotYet { to_pass, .. } => {
                    ui.label(tr!("my-progress-to-pass", scenarios = to_pass.join(", ")));
                }
                Readiness::NothingRequired => {
                    ui.label(tr!("my-progress-nothing-required"));
                }
            }
        });
}

/// The screen's own state: the profile PIN being typed.
#[derive(Debug, Default)]
pub struct MyProgressView {
    /// The PIN set now, when changing it.
    pub current: String,
    pub pin: String,
    pub confirm: String,
    /// The result of the last PIN change.
    pub pin_message: Option<String>,
}

impl MyProgressView {
    /// Draws the summary.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        summary: &ProgressSummary,
        library: &Library,
        has_pin: bool,
        readiness: Option<&Readiness>,
    ) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading(tr!("my-progress-title"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr!("trainee-back-to-library")).clicked() {
                    command = Some(Command::BackToLibrary);
                }
            });
        });
        if let Some(c) = self.pin_ui(ui, has_pin) {
            command = Some(c);
        }
        if let Some(readiness) = readiness {
            readiness_ui(ui, readiness);
        }
        if summary.attempts == 0 {
            ui.label(tr!("my-progress-no-attempts"));
            return command;
        }
        let title = |id: &str| {
            library.get(id).map_or(id.to_string(), |e| {
                e.scenario
                    .title_in(crate::i18n::current().code())
                    .to_string()
            })
        };
        egui::ScrollArea::vertical()
            .auto_shrink([false; 2])
            .show(ui, |ui| {
                ui.set_max_width(ui.available_width() - 18.0);
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        egui::RichText::new(tr!("my-progress-attempts", count = summary.attempts))
                            .strong(),
                    );
                    ui.separator();
                    ui.label(tr!(
                        "my-progress-streak",
                        days = summary.current_streak,
                        longest = summary.longest_streak
                    ));
                });
                if let (Some(weakest), Some(next)) = (summary.weakest, &summary.suggestion) {
                    egui::Frame::group(ui.style())
                        .inner_margin(10.0)
                        .show(ui, |ui| {
                            ui.label(egui::RichText::new(tr!("my-progress-next")).strong());
                            ui.label(tr!(
                                "my-progress-weakest",
                                dimension = labels::dimension(weakest).to_lowercase(),
                                title = title(next)
                            ));
                            if ui
                                .button(tr!("my-progress-practise", title = title(next)))
                                .clicked()
                            {
                                command = Some(Command::StartPractice(next.clone()));
                            }
                        });
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    ui.label(egui::RichText::new(tr!("my-progress-trend")).strong());
                    for d in Dimension::ALL {
                        ui.colored_label(
                            dimension_colour(ui, d),
                            format!("{} {}", dimension_mark(d), labels::dimension(d)),
                        );
                    }
                });
                let colours = Dimension::ALL.map(|d| dimension_colour(ui, d));
                Plot::new("trend")
                    .height(220.0)
                    .include_y(0.0)
                    .include_y(100.0)
                    .allow_drag(false)
                    .allow_zoom(false)
                    .allow_scroll(false)
                    .x_axis_label(tr!("my-progress-axis-attempt"))
                    .y_axis_label(tr!("my-progress-axis-score"))
                    .show(ui, |plot| {
                        for d in Dimension::ALL {
                            let points: Vec<[f64; 2]> = summary
                                .trend
                                .iter()
                                .enumerate()
                                .map(|(i, p)| [(i + 1) as f64, p.scores[d.index()]])
                                .collect();
                            plot.line(
                                Line::new(labels::dimension(d), PlotPoints::from(points))
                                    .color(colours[d.index()])
                                    .style(dimension_line_style(d))
                                    .width(2.0),
                            );
                        }
                    });
                ui.add_space(8.0);
                ui.label(egui::RichText::new(tr!("my-progress-by-scenario")).strong());
                egui::Grid::new("per_scenario")
                    .striped(true)
                    .num_columns(4)
                    .spacing([24.0, 6.0])
                    .show(ui, |ui| {
                        for h in [
                            tr!("my-progress-col-scenario"),
                            tr!("my-progress-col-attempts"),
                            tr!("my-progress-col-best"),
                            tr!("my-progress-col-latest"),
                        ] {
                            ui.label(egui::RichText::new(h).strong());
                        }
                        ui.end_row();
                        for (id, r) in &summary.per_scenario {
                            ui.label(title(id));
                            ui.label(r.attempts.to_string());
                            ui.label(
                                egui::RichText::new(format!("{:.0}", r.best_overall))
                                    .color(score_colour(ui, r.best_overall)),
                            );
                            ui.label(
                                egui::RichText::new(tr!(
                                    "my-progress-latest",
                                    score = format!("{:.0}", r.latest_overall),
                                    passed = if r.latest_passed { "yes" } else { "no" }
                                ))
                                .color(score_colour(ui, r.latest_overall)),
                            );
                            ui.end_row();
                        }
                    });
            });
        command
    }

    /// A trainee may protect their profile with a PIN (or change it).
    fn pin_ui(&mut self, ui: &mut egui::Ui, has_pin: bool) -> Option<Command> {
        let mut command = None;
        let heading = if has_pin {
            tr!("my-progress-change-pin")
        } else {
            tr!("my-progress-protect")
        };
        egui::CollapsingHeader::new(heading)
            .default_open(self.pin_message.is_some())
            .show(ui, |ui| {
                ui.label(tr!("my-progress-pin-explain"));
                let mut enter = false;
                egui::Grid::new("own_pin").num_columns(2).show(ui, |ui| {
                    if has_pin {
                        enter |= password_row(
                            ui,
                            &tr!("my-progress-current-pin"),
                            &mut self.current,
                            140.0,
                        )
                        .1;
                    }
                    enter |= password_row(ui, &tr!("my-progress-new-pin"), &mut self.pin, 140.0).1;
                    enter |=
                        password_row(ui, &tr!("my-progress-pin-again"), &mut self.confirm, 140.0).1;
                });
                if ui.button(tr!("my-progress-save-pin")).clicked() || enter {
                    if self.pin == self.confirm {
                        command = Some(Command::SetOwnPin {
                            current: self.current.clone(),
                            pin: self.pin.clone(),
                        });
                    } else {
                        self.pin_message = Some(tr!("my-progress-pins-differ"));
                    }
                    self.current.clear();
                    self.pin.clear();
                    self.confirm.clear();
                }
                if let Some(m) = &self.pin_message {
                    ui.label(m);
                }
            });
        command
    }
}
