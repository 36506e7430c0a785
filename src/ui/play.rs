//! Play: the conversation as a chat, the mood meter, the choices, and feedback.

use eframe::egui;

use super::Command;
use super::style::score_colour;
use crate::engine::{Entry, Reply, Session, Step, TurnRecord};
use crate::scenario::{Dimension, Levels};

/// The play screen's own state.
#[derive(Debug, Default)]
pub struct PlayView {
    /// The abandon confirmation is open.
    pub confirm_abandon: bool,
    /// The typed reply being written.
    pub draft: String,
}

/// The keys that pick the first four shown replies.
pub const CHOICE_KEYS: [egui::Key; 4] = [
    egui::Key::Num1,
    egui::Key::Num2,
    egui::Key::Num3,
    egui::Key::Num4,
];

impl PlayView {
    /// Draws the attempt in progress.
    pub fn ui(&mut self, ui: &mut egui::Ui, session: &Session) -> Option<Command> {
        let mut command = None;
        let scenario = session.scenario();
        let customer = &scenario.customer;

        egui::Panel::top("play_header").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(&scenario.title);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button("Abandon attempt").clicked() {
                        self.confirm_abandon = true;
                    }
                });
            });
            ui.horizontal(|ui| {
                let emotion = session.transcript().iter().rev().find_map(|e| match e {
                    Entry::Customer { line, .. } => Some(line.emotion.label()),
                    Entry::Trainee(_) => None,
                });
                ui.label(egui::RichText::new(&customer.name).strong());
                if let Some(emotion) = emotion {
                    ui.label(format!("({emotion})"));
                }
                let mood = session.mood();
                ui.label(format!("Mood {mood:.0} / 100"));
                ui.add(
                    egui::ProgressBar::new((mood / 100.0) as f32)
                        .desired_width(220.0)
                        .fill(score_colour(ui, mood)),
                )
                .on_hover_text("How the customer feels right now: 0 furious, 100 delighted");
            });
            ui.add_space(4.0);
        });

        let step = session.step();
        egui::Panel::bottom("play_choices").show(ui, |ui| {
            ui.add_space(6.0);
            if let Step::Choose(prompt) = step {
                if let Some(p) = &prompt.prompt {
                    ui.label(egui::RichText::new(p).italics());
                }
                ui.label(egui::RichText::new("Your reply (press 1-4 or click):").strong());
                for (i, option) in prompt.options.iter().enumerate() {
                    let button = egui::Button::new(format!("{}. {option}", i + 1))
                        .wrap()
                        .min_size(egui::vec2(ui.available_width(), 36.0));
                    if ui.add(button).clicked() {
                        command = Some(Command::Choose(i));
                    }
                }
                if !self.confirm_abandon {
                    for (i, key) in CHOICE_KEYS.iter().enumerate().take(prompt.options.len()) {
                        if ui.input(|input| input.key_pressed(*key)) {
                            command = Some(Command::Choose(i));
                        }
                    }
                }
            } else if let Step::Write(prompt) = step {
                if let Some(p) = &prompt.prompt {
                    ui.label(egui::RichText::new(p).italics());
                }
                let (field, enter) = reply_field(ui, &mut self.draft);
                if !self.confirm_abandon && !field.has_focus() && self.draft.is_empty() {
                    field.request_focus();
                }
                let ready = !self.draft.trim().is_empty();
                let send = ui
                    .add_enabled(ready, egui::Button::new("Send reply"))
                    .clicked();
                if ready && (send || enter) {
                    command = Some(Command::Send(self.draft.trim().to_string()));
                    self.draft.clear();
                }
            }
            ui.add_space(6.0);
        });

        egui::CentralPanel::default().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .stick_to_bottom(true)
                .auto_shrink([false; 2])
                .show(ui, |ui| {
                    for entry in session.transcript() {
                        chat_entry(ui, &customer.name, entry);
                    }
                });
        });

        if self.confirm_abandon {
            let modal =
                egui::Modal::new(egui::Id::unique("confirm_abandon")).show(ui.ctx(), |ui| {
                    ui.heading("Abandon this attempt?");
                    ui.label("It will not be saved or scored.");
                    ui.horizontal(|ui| {
                        if ui.button("Yes, abandon").clicked() {
                            command = Some(Command::Abandon);
                        }
                        if ui.button("Keep playing").clicked() {
                            self.confirm_abandon = false;
                        }
                    });
                });
            if modal.should_close() {
                self.confirm_abandon = false;
            }
        }
        command
    }
}

fn chat_entry(ui: &mut egui::Ui, customer: &str, entry: &Entry) {
    match entry {
        Entry::Customer { line, .. } => {
            ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(format!("{customer}:")).strong());
                ui.label(&line.text);
            });
            ui.add_space(6.0);
        }
        Entry::Trainee(turn) => {
            egui::Frame::new()
                .fill(ui.visuals().faint_bg_color)
                .inner_margin(8.0)
                .corner_radius(6.0)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new("You:").strong());
                    reply_text(ui, turn);
                    feedback(ui, turn);
                });
            ui.add_space(8.0);
        }
    }
}

/// The typed-reply field, in play and in the trainer's playtest: Enter sends and
/// Shift+Enter adds a line. Returns the field and whether Enter was pressed in it.
pub fn reply_field(ui: &mut egui::Ui, text: &mut String) -> (egui::Response, bool) {
    let label = ui
        .label(egui::RichText::new("Your reply (Enter sends, Shift+Enter adds a line):").strong());
    let field = ui
        .add(
            egui::TextEdit::multiline(text)
                .hint_text("Type what you would really say to the customer")
                .desired_rows(3)
                .desired_width(f32::INFINITY)
                .return_key(egui::KeyboardShortcut::new(
                    egui::Modifiers::SHIFT,
                    egui::Key::Enter,
                )),
        )
        .labelled_by(label.id);
    let enter =
        field.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter) && !i.modifiers.shift);
    (field, enter)
}

/// The reply's words; a typed reply has its evidence highlighted.
pub fn reply_text(ui: &mut egui::Ui, turn: &TurnRecord) {
    match &turn.reply {
        Reply::Text { text } => {
            let job = super::evidence::highlighted(ui, text, &turn.evidence);
            ui.label(job);
        }
        Reply::Choice { text, .. } => {
            ui.label(text);
        }
    }
}

/// The levels and the why for one reply.
pub fn feedback(ui: &mut egui::Ui, turn: &TurnRecord) {
    levels_row(ui, &turn.levels);
    super::evidence::reasons(ui, &turn.evidence);
    if let Some(tip) = &turn.tip {
        ui.label(egui::RichText::new(format!("Tip: {tip}")).strong());
    }
    if let Reply::Choice {
        trap: Some(trap), ..
    } = &turn.reply
    {
        ui.label(
            egui::RichText::new(format!("Trap: {}", trap.label()))
                .color(ui.visuals().warn_fg_color),
        );
    }
    ui.label(egui::RichText::new(&turn.feedback).italics());
    if turn.slow_penalty > 0.0 {
        ui.label(
            egui::RichText::new(format!(
                "Slow reply: the customer waited {:.0} s (mood -{:.0}).",
                turn.response_ms as f64 / 1000.0,
                turn.slow_penalty
            ))
            .small(),
        );
    }
}

/// The three levels as coloured chips.
pub fn levels_row(ui: &mut egui::Ui, levels: &Levels) {
    ui.horizontal_wrapped(|ui| {
        for d in Dimension::ALL {
            let level = levels.get(d);
            ui.label(
                egui::RichText::new(format!("{} {level}/4", d.label()))
                    .color(score_colour(ui, f64::from(level) * 25.0))
                    .strong(),
            );
        }
    });
}
