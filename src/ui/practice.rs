//! The practice pad: answer any customer line from any scenario and watch the scoring
//! update as you type. Nothing here is recorded.

use eframe::egui;

use super::Command;
use super::core_words;
use super::evidence::{highlighted, reasons};
use super::play::levels_row;
use crate::library::Library;
use crate::scenario::{Hints, Node};
use crate::scoring::{Assessment, ReplyInput, Scorer};
use crate::tr;

/// The practice pad's own state.
#[derive(Debug, Default)]
pub struct PracticeView {
    /// The chosen scenario's id.
    pub scenario: Option<String>,
    /// The chosen customer line, by position among the scenario's lines.
    pub line: usize,
    pub draft: String,
    /// The last text scored, with its assessment, so typing re-scores only on change.
    scored: Option<(String, String, usize, Assessment)>,
}

/// A customer line to answer, with the hints of the typed turn that follows it.
struct Prompt<'a> {
    text: &'a str,
    hints: Option<&'a Hints>,
}

impl PracticeView {
    /// Draws the pad; scores the draft when it changed.
    pub fn ui(&mut self, ui: &mut egui::Ui, library: &Library, scorer: &Scorer) -> Option<Command> {
        let mut command = None;
        ui.horizontal(|ui| {
            ui.heading(tr!("practice-title"));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(tr!("trainee-back-to-library")).clicked() {
                    command = Some(Command::BackToLibrary);
                }
            });
        });
        ui.label(tr!("practice-explain"));
        if library.entries.is_empty() {
            ui.label(tr!("practice-empty"));
            return command;
        }
        let id = self
            .scenario
            .clone()
            .unwrap_or_else(|| library.entries[0].scenario.id.clone());
        let Some(entry) = library.get(&id).or(library.entries.first()) else {
            return command;
        };
        let scenario = &entry.scenario;
        // Every customer line, each with the hints of a typed turn it leads straight into.
        let lines: Vec<Prompt<'_>> = scenario
            .nodes
            .iter()
            .filter_map(|n| match n {
                Node::Line(l) => Some(Prompt {
                    text: l.say.as_str(),
                    hints: match scenario.node(&l.next) {
                        Some(Node::FreeText(t)) => Some(&t.hints),
                        _ => None,
                    },
                }),
                _ => None,
            })
            .collect();
        ui.horizontal_wrapped(|ui| {
            let mut chosen = scenario.id.clone();
            egui::ComboBox::from_label(tr!("practice-scenario"))
                .selected_text(scenario.title.as_str())
                .show_ui(ui, |ui| {
                    for e in &library.entries {
                        ui.selectable_value(
                            &mut chosen,
                            e.scenario.id.clone(),
                            e.scenario.title.as_str(),
                        );
                    }
                });
            if chosen != scenario.id {
                self.scenario = Some(chosen);
                self.line = 0;
            } else if self.scenario.is_none() {
                self.scenario = Some(chosen);
            }
            let count = lines.len().max(1);
            self.line = self.line.min(count - 1);
            egui::ComboBox::from_label(tr!("practice-line"))
                .selected_text(tr!(
                    "practice-line-of",
                    line = self.line + 1,
                    count = lines.len()
                ))
                .show_ui(ui, |ui| {
                    for (i, l) in lines.iter().enumerate() {
                        let short: String = l.text.chars().take(70).collect();
                        ui.selectable_value(&mut self.line, i, format!("{}. {short}…", i + 1));
                    }
                });
        });
        let Some(prompt) = lines.get(self.line) else {
            ui.label(tr!("practice-no-lines"));
            return command;
        };
        ui.add_space(6.0);
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.label(
                egui::RichText::new(tr!("practice-says", name = scenario.customer.name.as_str()))
                    .strong(),
            );
            ui.label(prompt.text);
            if prompt.hints.is_some() {
                ui.label(egui::RichText::new(tr!("practice-leads-to-typed")).small());
            }
        });
        let label = ui.label(egui::RichText::new(tr!("practice-reply")).strong());
        ui.add(
            egui::TextEdit::multiline(&mut self.draft)
                .hint_text(tr!("practice-reply-hint"))
                .desired_rows(4)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(label.id);
        let fresh = match &self.scored {
            Some((text, sid, line, _)) => {
                *text != self.draft || *sid != scenario.id || *line != self.line
            }
            None => true,
        };
        if fresh {
            let a = scorer.assess(&ReplyInput {
                customer: prompt.text,
                reply: &self.draft,
                hints: prompt.hints,
            });
            self.scored = Some((self.draft.clone(), scenario.id.clone(), self.line, a));
        }
        if let Some((text, _, _, a)) = &self.scored {
            if text.trim().is_empty() {
                ui.label(tr!("practice-start-typing"));
                return command;
            }
            ui.add_space(6.0);
            levels_row(ui, &a.levels);
            ui.label(tr!(
                "practice-scores",
                listening = format!("{:.0}", a.scores[0]),
                ownership = format!("{:.0}", a.scores[1]),
                exceeding = format!("{:.0}", a.scores[2]),
                overall = format!("{:.0}", a.overall())
            ));
            if let Some(n) = &a.notice {
                ui.colored_label(ui.visuals().warn_fg_color, core_words::scorer_notice(n));
            }
            let job = highlighted(ui, text, &a.evidence);
            ui.label(job);
            reasons(ui, &a.evidence);
            // A reply in a language the scorer does not read was not scored: no tip.
            if a.supported {
                let tip = core_words::tip(&a.tip());
                ui.label(egui::RichText::new(tr!("trainee-tip", tip = tip)).strong());
            }
        }
        command
    }
}
