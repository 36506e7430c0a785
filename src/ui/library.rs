//! Library: scenario cards with filters and search.

use std::collections::BTreeMap;

use eframe::egui;

use super::Command;
use super::style::score_colour;
use crate::library::{Library, LibraryEntry, Origin};
use crate::progress::ScenarioResults;
use crate::scenario::Difficulty;

/// The library screen's own state: filters and search.
#[derive(Debug, Default)]
pub struct LibraryView {
    pub search: String,
    pub industry: Option<String>,
    pub difficulty: Option<Difficulty>,
}

impl LibraryView {
    /// True when `entry` passes the filters and the search.
    pub fn shows(&self, entry: &LibraryEntry) -> bool {
        let s = &entry.scenario;
        let query = self.search.trim().to_lowercase();
        self.industry.as_ref().is_none_or(|i| *i == s.industry)
            && self.difficulty.is_none_or(|d| d == s.difficulty)
            && (query.is_empty()
                || [&s.title, &s.industry, &s.summary, &s.customer.name]
                    .iter()
                    .any(|t| t.to_lowercase().contains(&query)))
    }

    /// Draws the filters and the cards.
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        library: &Library,
        results: &BTreeMap<String, ScenarioResults>,
        unfinished: Option<&str>,
    ) -> Option<Command> {
        let mut command = None;
        if let Some(title) = unfinished {
            egui::Frame::group(ui.style())
                .inner_margin(10.0)
                .show(ui, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(
                            egui::RichText::new(format!(
                                "You stopped part-way through \"{title}\"."
                            ))
                            .strong(),
                        );
                        if ui.button("Resume attempt").clicked() {
                            command = Some(Command::Resume);
                        }
                        if ui.button("Discard it").clicked() {
                            command = Some(Command::DiscardResume);
                        }
                    });
                });
            ui.add_space(6.0);
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label("Search:");
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text("title, industry, customer…")
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            egui::ComboBox::from_label("Industry")
                .selected_text(
                    self.industry
                        .clone()
                        .unwrap_or_else(|| "All industries".into()),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.industry, None, "All industries");
                    for i in library.industries() {
                        ui.selectable_value(&mut self.industry, Some(i.to_string()), i);
                    }
                });
            egui::ComboBox::from_label("Difficulty")
                .selected_text(self.difficulty.map_or("Any difficulty", Difficulty::label))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.difficulty, None, "Any difficulty");
                    for d in Difficulty::ALL {
                        ui.selectable_value(&mut self.difficulty, Some(d), d.label());
                    }
                });
            if (self.industry.is_some() || self.difficulty.is_some() || !self.search.is_empty())
                && ui.button("Clear filters").clicked()
            {
                *self = LibraryView::default();
            }
        });
        if !library.problems.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                format!(
                    "{} scenario file(s) in the trainer's folder have errors and are not shown; run `turnaround validate` to see them.",
                    library.problems.len()
                ),
            );
        }
        ui.label(
            egui::RichText::new(
                "Play is an assessment: it counts towards your pass and readiness. Practise lets you go back to any turn and ask for hints, and does not count.",
            )
            .small(),
        );
        ui.separator();
        let shown: Vec<&LibraryEntry> = library.entries.iter().filter(|e| self.shows(e)).collect();
        if library.entries.is_empty() {
            ui.label("The library is empty. Scenarios appear here once a trainer adds them.");
            return None;
        }
        if shown.is_empty() {
            ui.label("No scenario matches these filters.");
            return None;
        }
        egui::ScrollArea::vertical()
            .auto_shrink([false; 2])
            .show(ui, |ui| {
                let width = ui.available_width();
                let columns = ((width / 380.0).floor() as usize).clamp(1, 3);
                // Each card adds its margins and stroke (26) to this width; leave room for spacing.
                let card_width = (width - 10.0 * (columns as f32 - 1.0)) / columns as f32 - 30.0;
                for row in shown.chunks(columns) {
                    ui.horizontal_top(|ui| {
                        for entry in row {
                            if let Some(c) =
                                card(ui, entry, results.get(&entry.scenario.id), card_width)
                            {
                                command = Some(c);
                            }
                        }
                    });
                    ui.add_space(8.0);
                }
            });
        command
    }
}

fn card(
    ui: &mut egui::Ui,
    entry: &LibraryEntry,
    results: Option<&ScenarioResults>,
    width: f32,
) -> Option<Command> {
    let s = &entry.scenario;
    let mut command = None;
    egui::Frame::group(ui.style())
        .inner_margin(12.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(width);
            ui.set_min_height(170.0);
            ui.vertical(|ui| {
                ui.label(egui::RichText::new(&s.title).heading().size(19.0));
                ui.label(
                    egui::RichText::new(format!(
                        "{} · {} · {} min",
                        s.industry,
                        s.difficulty.label(),
                        s.minutes
                    ))
                    .weak(),
                );
                if entry.overrides_builtin {
                    ui.label(
                        egui::RichText::new("Trainer's version: overrides the built-in scenario")
                            .color(ui.visuals().warn_fg_color)
                            .small(),
                    );
                } else if matches!(entry.origin, Origin::Trainer(_)) {
                    ui.label(egui::RichText::new("From the trainer's folder").small());
                }
                ui.label(&s.summary);
                ui.horizontal(|ui| match results {
                    Some(r) => {
                        ui.label(
                            egui::RichText::new(format!("Best {:.0}", r.best_overall))
                                .strong()
                                .color(score_colour(ui, r.best_overall)),
                        );
                        let verdict = if r.latest_passed {
                            "passed"
                        } else {
                            "not passed"
                        };
                        ui.label(
                            egui::RichText::new(format!(
                                "Latest {:.0} ({verdict})",
                                r.latest_overall
                            ))
                            .color(score_colour(ui, r.latest_overall)),
                        );
                    }
                    None => {
                        ui.label(egui::RichText::new("No assessment yet").weak());
                    }
                });
                if ui
                    .button(format!("Play {}", s.title))
                    .on_hover_text(format!(
                        "An assessment: it counts towards your pass and readiness. {} wants: {}",
                        s.customer.name, s.customer.wants
                    ))
                    .clicked()
                {
                    command = Some(Command::StartScenario(s.id.clone()));
                }
                if ui
                    .button(format!("Practise {}", s.title))
                    .on_hover_text(
                        "Practice: go back to any turn, ask for hints, no time pressure. It does not count.",
                    )
                    .clicked()
                {
                    command = Some(Command::StartPractice(s.id.clone()));
                }
            });
        });
    command
}
