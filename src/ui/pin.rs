//! The PIN gate: enter a PIN, choose one the first time (typed twice), or reset the
//! manager PIN with the recovery code. Also the one-time display of a recovery code.

use eframe::egui;

use super::Command;
use crate::tr;

/// Whose PIN is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    Manager,
    /// The trainer area: the trainer PIN or the manager PIN opens it.
    Trainer,
    /// A trainee's own PIN, by id and display name.
    Trainee {
        id: String,
        name: String,
    },
}

/// What the gate asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The PIN that is set.
    Enter,
    /// A new PIN, typed twice.
    Choose,
    /// The manager's recovery code and a new PIN, typed twice.
    Recover,
}

/// The gate's own state: what is typed, and the last refusal.
#[derive(Debug)]
pub struct PinView {
    pub gate: Gate,
    pub mode: Mode,
    pub code: String,
    pub pin: String,
    pub confirm: String,
    /// Why the last try was refused.
    pub error: Option<String>,
    /// The first field has been given focus once (then the person decides).
    focused: bool,
}

impl PinView {
    pub fn new(gate: Gate, mode: Mode) -> PinView {
        PinView {
            gate,
            mode,
            code: String::new(),
            pin: String::new(),
            confirm: String::new(),
            error: None,
            focused: false,
        }
    }

    fn texts(&self) -> (String, String) {
        match (&self.gate, self.mode) {
            (Gate::Manager, Mode::Choose) => (
                tr!("pin-manager-choose-title"),
                tr!("pin-manager-choose-explain"),
            ),
            (Gate::Manager, Mode::Enter) => (tr!("pin-manager-title"), tr!("pin-manager-explain")),
            (Gate::Trainer, _) => (tr!("pin-trainer-title"), tr!("pin-trainer-explain")),
            (_, Mode::Recover) => (tr!("pin-recover-title"), tr!("pin-recover-explain")),
            (Gate::Trainee { name, .. }, Mode::Choose) => (
                tr!("pin-trainee-choose-title", name = name.as_str()),
                tr!("pin-trainee-choose-explain"),
            ),
            (Gate::Trainee { name, .. }, Mode::Enter) => (
                tr!("pin-trainee-title", name = name.as_str()),
                tr!("pin-trainee-explain"),
            ),
        }
    }

    /// A labelled field (the recovery code shows as typed; PINs do not); true when Enter
    /// was pressed in it. The first field drawn gets focus once.
    fn field(&mut self, ui: &mut egui::Ui, label: &str, which: u8) -> bool {
        let (field, enter) = match which {
            0 => {
                let label = ui.label(label);
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.code).desired_width(220.0))
                    .labelled_by(label.id);
                ui.end_row();
                let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                (field, enter)
            }
            1 => password_row(ui, label, &mut self.pin, 220.0),
            _ => password_row(ui, label, &mut self.confirm, 220.0),
        };
        if !self.focused {
            field.request_focus();
            self.focused = true;
        }
        enter
    }

    /// Draws the form; Enter submits, Escape cancels.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        let (heading, explain) = self.texts();
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.heading(heading);
            ui.add_space(6.0);
            ui.label(explain);
            ui.add_space(16.0);
        });
        let indent = ((ui.available_width() - 420.0) / 2.0).max(0.0);
        ui.horizontal(|ui| {
            ui.add_space(indent);
            ui.vertical(|ui| {
                let mut enter = false;
                egui::Grid::new("pin_form")
                    .num_columns(2)
                    .spacing([12.0, 10.0])
                    .show(ui, |ui| match self.mode {
                        Mode::Enter => enter |= self.field(ui, &tr!("pin-pin"), 1),
                        Mode::Choose => {
                            enter |= self.field(ui, &tr!("pin-new"), 1);
                            enter |= self.field(ui, &tr!("pin-again"), 2);
                        }
                        Mode::Recover => {
                            enter |= self.field(ui, &tr!("pin-recovery-code"), 0);
                            enter |= self.field(ui, &tr!("pin-new"), 1);
                            enter |= self.field(ui, &tr!("pin-again"), 2);
                        }
                    });
                if let Some(e) = &self.error {
                    let said = super::core_words::pin_message(e);
                    ui.colored_label(ui.visuals().error_fg_color, said);
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let label = match self.mode {
                        Mode::Enter => tr!("pin-unlock"),
                        Mode::Choose => tr!("pin-set"),
                        Mode::Recover => tr!("pin-reset"),
                    };
                    if ui.button(label).clicked() || enter {
                        command = Some(match self.mode {
                            Mode::Recover => Command::RecoverPin {
                                code: self.code.clone(),
                                pin: self.pin.clone(),
                                confirm: self.confirm.clone(),
                            },
                            Mode::Choose => Command::SubmitPin {
                                pin: self.pin.clone(),
                                confirm: Some(self.confirm.clone()),
                            },
                            Mode::Enter => Command::SubmitPin {
                                pin: self.pin.clone(),
                                confirm: None,
                            },
                        });
                        self.code.clear();
                        self.pin.clear();
                        self.confirm.clear();
                        self.focused = false;
                    }
                    if ui.button(tr!("pin-cancel")).clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        command = Some(Command::CancelPin);
                    }
                    if self.gate == Gate::Manager
                        && self.mode == Mode::Enter
                        && ui
                            .button(tr!("pin-forgot"))
                            .on_hover_text(tr!("pin-forgot-hover"))
                            .clicked()
                    {
                        self.mode = Mode::Recover;
                        self.error = None;
                        self.focused = false;
                    }
                });
            });
        });
        command
    }
}

/// One row of a two-column grid: a label and a password field named by it. Returns the
/// field, and whether Enter was pressed in it.
pub fn password_row(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    width: f32,
) -> (egui::Response, bool) {
    let label = ui.label(label);
    let field = ui
        .add(
            egui::TextEdit::singleline(text)
                .password(true)
                .desired_width(width),
        )
        .labelled_by(label.id);
    ui.end_row();
    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    (field, enter)
}

/// Shows a new recovery code once, until the person says they have kept it.
#[derive(Debug)]
pub struct RecoveryCodeView {
    pub code: String,
}

impl RecoveryCodeView {
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.heading(tr!("pin-code-title"));
            ui.add_space(6.0);
            ui.label(tr!("pin-code-explain"));
            ui.add_space(16.0);
            ui.label(
                egui::RichText::new(&self.code)
                    .monospace()
                    .size(28.0)
                    .strong(),
            );
            ui.add_space(16.0);
            if ui.button(tr!("pin-code-kept")).clicked() {
                command = Some(Command::RecoveryCodeKept);
            }
        });
        command
    }
}
