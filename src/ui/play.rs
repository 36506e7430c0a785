//! Play: the conversation as a chat, the mood meter, the choices, and feedback.

use eframe::egui;

use super::Command;
use super::labels;
use super::portrait::Portrait;
use super::style::score_colour;
use crate::engine::{Entry, Reply, Session, Step, TurnRecord};
use crate::scenario::{Dimension, Levels};
use crate::tr;

/// The play screen's own state.
#[derive(Debug, Default)]
pub struct PlayView {
    /// The abandon confirmation is open.
    pub confirm_abandon: bool,
    /// The typed reply being written.
    pub draft: String,
    /// The typed turn the reply field was last given focus for: once per turn, so the
    /// keyboard can still leave it.
    pub focused_for: Option<String>,
}

/// What the play screen shows besides the session.
pub struct PlayContext<'a> {
    pub session: &'a Session,
    pub portrait: &'a mut Portrait,
    /// The session clock now.
    pub now_ms: u64,
    /// The setting: show how long the customer has been waiting, in assessments.
    pub show_wait: &'a mut bool,
    /// Practice: the hint asked for on this turn.
    pub hint: Option<&'a [crate::engine::HintLine]>,
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
    pub fn ui(&mut self, ui: &mut egui::Ui, mut cx: PlayContext<'_>) -> Option<Command> {
        let mut command = None;
        let session = cx.session;
        let scenario = session.scenario();
        let customer = &scenario.customer;
        let practice = session.options().practice;

        egui::Panel::top("play_header").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.heading(&scenario.title);
                let (mode, why) = if practice {
                    (tr!("play-practice"), tr!("play-practice-hover"))
                } else {
                    (tr!("play-assessment"), tr!("play-assessment-hover"))
                };
                ui.label(egui::RichText::new(mode).strong())
                    .on_hover_text(why);
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    if ui.button(tr!("play-abandon")).clicked() {
                        self.confirm_abandon = true;
                    }
                });
            });
            ui.add_space(4.0);
        });

        egui::Panel::left("play_customer")
            .resizable(false)
            .exact_size(230.0)
            .show(ui, |ui| {
                if let Some(c) = customer_panel(ui, &mut cx, practice) {
                    command = Some(c);
                }
            });

        let step = session.step();
        egui::Panel::bottom("play_choices").show(ui, |ui| {
            ui.add_space(6.0);
            if let Step::Choose(prompt) = step {
                if let Some(p) = &prompt.prompt {
                    ui.label(egui::RichText::new(p).italics());
                }
                if session
                    .scenario()
                    .offers_choices_instead_of_typing(&prompt.node)
                {
                    ui.label(
                        egui::RichText::new(tr!("play-choices-instead-of-typing"))
                            .color(ui.visuals().warn_fg_color),
                    );
                }
                ui.label(egui::RichText::new(tr!("play-choose")).strong());
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
                if practice
                    && !self.confirm_abandon
                    && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::H))
                {
                    command = Some(Command::Hint);
                }
            } else if let Step::Write(prompt) = step {
                if let Some(p) = &prompt.prompt {
                    ui.label(egui::RichText::new(p).italics());
                }
                let (field, enter) = reply_field(ui, &mut self.draft);
                if !self.confirm_abandon && self.focused_for.as_deref() != Some(&prompt.node) {
                    field.request_focus();
                    self.focused_for = Some(prompt.node.clone());
                }
                let ready = !self.draft.trim().is_empty();
                let send = ui
                    .add_enabled(ready, egui::Button::new(tr!("play-send")))
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
                    let mut turn = 0;
                    let mut newest_line = None;
                    for entry in session.transcript() {
                        if let Some(id) = chat_entry(ui, &customer.name, entry) {
                            newest_line = Some(id);
                        }
                        if let Entry::Trainee(_) = entry {
                            if practice
                                && ui
                                    .small_button(tr!("play-rewind", turn = turn + 1))
                                    .on_hover_text(tr!("play-rewind-hover"))
                                    .clicked()
                            {
                                command = Some(Command::Rewind(turn));
                            }
                            turn += 1;
                            ui.add_space(6.0);
                        }
                    }
                    // A screen reader announces the customer's newest line as it comes.
                    if let Some(id) = newest_line {
                        ui.ctx().accesskit_node_builder(id, |node| {
                            node.set_live(egui::accesskit::Live::Polite);
                        });
                    }
                    if let Some(hint) = cx.hint {
                        egui::Frame::new()
                            .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
                            .inner_margin(8.0)
                            .corner_radius(6.0)
                            .show(ui, |ui| {
                                ui.label(egui::RichText::new(tr!("play-hint-heading")).strong());
                                for line in hint {
                                    ui.label(labels::hint(line));
                                }
                            });
                    }
                });
        });

        if self.confirm_abandon {
            let modal =
                egui::Modal::new(egui::Id::unique("confirm_abandon")).show(ui.ctx(), |ui| {
                    ui.heading(tr!("play-abandon-confirm"));
                    ui.label(tr!("play-abandon-explain"));
                    ui.horizontal(|ui| {
                        if ui.button(tr!("play-abandon-yes")).clicked() {
                            command = Some(Command::Abandon);
                        }
                        if ui.button(tr!("play-abandon-no")).clicked() {
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

/// The customer: the face, the mood, the waiting time, and the line and hint controls.
fn customer_panel(ui: &mut egui::Ui, cx: &mut PlayContext<'_>, practice: bool) -> Option<Command> {
    let session = cx.session;
    let customer = &session.scenario().customer;
    let mut command = None;
    let emotion = crate::engine::last_customer_line(session.transcript())
        .map_or(crate::scenario::Emotion::Neutral, |l| l.emotion);
    // With the waiting time shown, the face feels the wait as the engine will count it.
    let show_wait = *cx.show_wait && !practice;
    let penalty = if show_wait {
        session.pending_slow_penalty(cx.now_ms)
    } else {
        0.0
    };
    let mood = (session.mood() - penalty).max(0.0);
    ui.add_space(8.0);
    ui.vertical_centered(|ui| {
        cx.portrait
            .ui(ui, &customer.look, &customer.name, emotion, mood, 170.0);
        ui.label(egui::RichText::new(&customer.name).strong());
        ui.label(tr!("play-feeling", emotion = labels::emotion(emotion)));
    });
    ui.add_space(6.0);
    ui.label(tr!("play-mood", mood = format!("{:.0}", session.mood())));
    ui.add(
        egui::ProgressBar::new((session.mood() / 100.0) as f32)
            .desired_width(f32::INFINITY)
            .fill(score_colour(ui, session.mood())),
    )
    .on_hover_text(tr!("play-mood-hover"));
    let answering = matches!(session.step(), Step::Choose(_) | Step::Write(_));
    if !practice {
        ui.checkbox(cx.show_wait, tr!("play-show-wait"))
            .on_hover_text(tr!("play-show-wait-hover"));
    }
    if show_wait && answering {
        let waited_s = cx.now_ms.saturating_sub(session.shown_at_ms()) as f64 / 1000.0;
        let patience = f64::from(customer.patience.max(1));
        ui.add_space(6.0);
        ui.label(tr!(
            "play-waiting",
            waited = format!("{waited_s:.0}"),
            patience = format!("{patience:.0}")
        ));
        ui.add(
            egui::ProgressBar::new((waited_s / patience).min(1.0) as f32)
                .desired_width(f32::INFINITY)
                .fill(if waited_s > patience {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().selection.bg_fill
                }),
        );
        if penalty >= 0.5 {
            ui.label(
                egui::RichText::new(tr!("play-wait-cost", penalty = format!("{penalty:.0}")))
                    .color(ui.visuals().warn_fg_color),
            );
        }
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(250));
    }
    ui.add_space(8.0);
    if ui
        .button(tr!("play-replay"))
        .on_hover_text(tr!("play-replay-hover"))
        .clicked()
        || ui.input_mut(|i| i.consume_key(egui::Modifiers::COMMAND, egui::Key::R))
    {
        command = Some(Command::ReplayLine);
    }
    // Once shown, the hint stays until the reply: no second button to press.
    if practice
        && answering
        && cx.hint.is_none()
        && ui
            .button(tr!("play-hint"))
            .on_hover_text(tr!("play-hint-hover"))
            .clicked()
    {
        command = Some(Command::Hint);
    }
    command
}

/// Draws one entry; returns the id of a customer line's words, to announce the newest.
fn chat_entry(ui: &mut egui::Ui, customer: &str, entry: &Entry) -> Option<egui::Id> {
    match entry {
        Entry::Customer { line, .. } => {
            let words = ui.horizontal_wrapped(|ui| {
                ui.label(egui::RichText::new(tr!("trainee-speaker", name = customer)).strong());
                ui.label(&line.text).id
            });
            ui.add_space(6.0);
            Some(words.inner)
        }
        Entry::Trainee(turn) => {
            egui::Frame::new()
                .fill(ui.visuals().faint_bg_color)
                .inner_margin(8.0)
                .corner_radius(6.0)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(tr!("play-you")).strong());
                    reply_text(ui, turn);
                    feedback(ui, turn);
                });
            ui.add_space(8.0);
            None
        }
    }
}

/// The typed-reply field, in play and in the trainer's playtest: Enter sends and
/// Shift+Enter adds a line. Returns the field and whether Enter was pressed in it.
pub fn reply_field(ui: &mut egui::Ui, text: &mut String) -> (egui::Response, bool) {
    let label = ui.label(egui::RichText::new(tr!("play-reply")).strong());
    let field = ui
        .add(
            egui::TextEdit::multiline(text)
                .hint_text(tr!("play-reply-hint"))
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
        let tip = super::core_words::tip(tip);
        ui.label(egui::RichText::new(tr!("trainee-tip", tip = tip)).strong());
    }
    if let Reply::Choice {
        trap: Some(trap), ..
    } = &turn.reply
    {
        ui.label(
            egui::RichText::new(tr!("play-trap", trap = labels::trap(*trap)))
                .color(ui.visuals().warn_fg_color),
        );
    }
    // A typed reply's feedback is the scorer's English; an authored choice's is the
    // scenario's own, already in the language it is played in.
    let said = match &turn.reply {
        Reply::Text { .. } => super::core_words::feedback(&turn.feedback),
        Reply::Choice { .. } => turn.feedback.clone(),
    };
    ui.label(egui::RichText::new(said).italics());
    if turn.slow_penalty > 0.0 {
        ui.label(
            egui::RichText::new(tr!(
                "play-slow-reply",
                waited = format!("{:.0}", turn.response_ms as f64 / 1000.0),
                penalty = format!("{:.0}", turn.slow_penalty)
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
                egui::RichText::new(tr!(
                    "play-level",
                    dimension = labels::dimension(d),
                    level = level
                ))
                .color(score_colour(ui, f64::from(level) * 25.0))
                .strong(),
            );
        }
    });
}
