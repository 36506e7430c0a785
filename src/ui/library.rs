//! Library: scenario cards with filters and search.

use std::collections::BTreeMap;

use eframe::egui;

use super::Command;
use super::labels;
use super::style::score_colour;
use crate::library::{Library, LibraryEntry, Origin};
use crate::progress::ScenarioResults;
use crate::scenario::Difficulty;
use crate::tr;

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
                || [
                    s.title.as_str(),
                    s.title_in(crate::i18n::current().code()),
                    &s.industry,
                    &s.summary,
                    s.summary_in(crate::i18n::current().code()),
                    &s.customer.name,
                ]
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
                            egui::RichText::new(tr!("library-stopped", title = title)).strong(),
                        );
                        if ui.button(tr!("library-resume")).clicked() {
                            command = Some(Command::Resume);
                        }
                        if ui.button(tr!("library-discard")).clicked() {
                            command = Some(Command::DiscardResume);
                        }
                    });
                });
            ui.add_space(6.0);
        }
        ui.horizontal_wrapped(|ui| {
            let label = ui.label(tr!("library-search"));
            ui.add(
                egui::TextEdit::singleline(&mut self.search)
                    .hint_text(tr!("library-search-hint"))
                    .desired_width(220.0),
            )
            .labelled_by(label.id);
            egui::ComboBox::from_label(tr!("library-industry"))
                .selected_text(
                    self.industry
                        .clone()
                        .unwrap_or_else(|| tr!("library-all-industries")),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.industry, None, tr!("library-all-industries"));
                    for i in library.industries() {
                        ui.selectable_value(&mut self.industry, Some(i.to_string()), i);
                    }
                });
            egui::ComboBox::from_label(tr!("library-difficulty"))
                .selected_text(
                    self.difficulty
                        .map_or_else(|| tr!("library-any-difficulty"), labels::difficulty),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.difficulty, None, tr!("library-any-difficulty"));
                    for d in Difficulty::ALL {
                        ui.selectable_value(&mut self.difficulty, Some(d), labels::difficulty(d));
                    }
                });
            if (self.industry.is_some() || self.difficulty.is_some() || !self.search.is_empty())
                && ui.button(tr!("library-clear-filters")).clicked()
            {
                *self = LibraryView::default();
            }
        });
        if !library.problems.is_empty() {
            ui.colored_label(
                ui.visuals().warn_fg_color,
                tr!("library-problems", count = library.problems.len()),
            );
        }
        ui.label(egui::RichText::new(tr!("library-modes")).small());
        ui.separator();
        let shown: Vec<&LibraryEntry> = library.entries.iter().filter(|e| self.shows(e)).collect();
        if library.entries.is_empty() {
            ui.label(tr!("library-empty"));
            return None;
        }
        if shown.is_empty() {
            ui.label(tr!("library-no-match"));
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
    // The card in the person's language when the scenario is translated into it.
    let lang = crate::i18n::current().code();
    let (title, summary) = (s.title_in(lang), s.summary_in(lang));
    let mut command = None;
    egui::Frame::group(ui.style())
        .inner_margin(12.0)
        .corner_radius(8.0)
        .show(ui, |ui| {
            ui.set_width(width);
            ui.set_min_height(170.0);
            ui.vertical(|ui| {
                ui.label(egui::RichText::new(title).heading().size(19.0));
                ui.label(
                    egui::RichText::new(tr!(
                        "library-card-meta",
                        industry = s.industry.as_str(),
                        difficulty = labels::difficulty(s.difficulty),
                        minutes = s.minutes
                    ))
                    .weak(),
                );
                if entry.overrides_builtin {
                    ui.label(
                        egui::RichText::new(tr!("library-overrides"))
                            .color(ui.visuals().warn_fg_color)
                            .small(),
                    );
                } else if matches!(entry.origin, Origin::Trainer(_)) {
                    ui.label(egui::RichText::new(tr!("library-from-trainer")).small());
                }
                ui.label(summary);
                ui.horizontal(|ui| match results {
                    Some(r) => {
                        ui.label(
                            egui::RichText::new(tr!(
                                "library-best",
                                score = format!("{:.0}", r.best_overall)
                            ))
                            .strong()
                            .color(score_colour(ui, r.best_overall)),
                        );
                        ui.label(
                            egui::RichText::new(tr!(
                                "library-latest",
                                score = format!("{:.0}", r.latest_overall),
                                passed = if r.latest_passed { "yes" } else { "no" }
                            ))
                            .color(score_colour(ui, r.latest_overall)),
                        );
                    }
                    None => {
                        ui.label(egui::RichText::new(tr!("library-no-assessment")).weak());
                    }
                });
                if ui
                    .button(tr!("library-play", title = title))
                    .on_hover_text(tr!(
                        "library-play-hover",
                        name = s.customer.name.as_str(),
                        wants = s.customer.wants.as_str()
                    ))
                    .clicked()
                {
                    command = Some(Command::StartScenario(s.id.clone()));
                }
                if ui
                    .button(tr!("library-practise", title = title))
                    .on_hover_text(tr!("library-practise-hover"))
                    .clicked()
                {
                    command = Some(Command::StartPractice(s.id.clone()));
                }
            });
        });
    command
}
