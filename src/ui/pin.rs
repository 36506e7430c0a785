//! The PIN gate: enter a PIN, or choose one the first time (typed twice).

use eframe::egui;

use super::Command;

/// Whose PIN is asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gate {
    Manager,
    /// A trainee's own PIN, by id and display name.
    Trainee {
        id: String,
        name: String,
    },
}

/// The gate's own state: what is typed, and the last refusal.
#[derive(Debug)]
pub struct PinView {
    pub gate: Gate,
    /// Choosing a new PIN (typed twice) rather than entering one.
    pub choosing: bool,
    pub pin: String,
    pub confirm: String,
    /// Why the last try was refused.
    pub error: Option<String>,
    /// The PIN field has been given focus once (then the person decides).
    focused: bool,
}

impl PinView {
    pub fn new(gate: Gate, choosing: bool) -> PinView {
        PinView {
            gate,
            choosing,
            pin: String::new(),
            confirm: String::new(),
            error: None,
            focused: false,
        }
    }

    /// Draws the form; Enter submits.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Command> {
        let mut command = None;
        let (heading, explain) = match (&self.gate, self.choosing) {
            (Gate::Manager, true) => (
                "Set the manager PIN".to_string(),
                "No manager PIN has been set on this computer yet. Choose one (4-12 digits); it opens the manager's views and the trainer area.".to_string(),
            ),
            (Gate::Manager, false) => (
                "Manager area".to_string(),
                "Trainees' records are private. Enter the manager PIN to see them.".to_string(),
            ),
            (Gate::Trainee { name, .. }, true) => (
                format!("Choose a PIN, {name}"),
                "Your manager asks every trainee to protect their profile with a PIN (4-12 digits).".to_string(),
            ),
            (Gate::Trainee { name, .. }, false) => (
                format!("Welcome back, {name}"),
                "This profile has a PIN. Enter it to continue.".to_string(),
            ),
        };
        ui.vertical_centered(|ui| {
            ui.add_space(60.0);
            ui.heading(heading);
            ui.add_space(6.0);
            ui.label(explain);
            ui.add_space(16.0);
        });
        let mut enter = false;
        let indent = ((ui.available_width() - 380.0) / 2.0).max(0.0);
        ui.horizontal(|ui| {
            ui.add_space(indent);
            ui.vertical(|ui| {
                egui::Grid::new("pin_form")
                    .num_columns(2)
                    .spacing([12.0, 10.0])
                    .show(ui, |ui| {
                        let label = ui.label(if self.choosing { "New PIN:" } else { "PIN:" });
                        let field = ui
                            .add(
                                egui::TextEdit::singleline(&mut self.pin)
                                    .password(true)
                                    .desired_width(160.0),
                            )
                            .labelled_by(label.id);
                        if !self.focused {
                            field.request_focus();
                            self.focused = true;
                        }
                        enter |=
                            field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                        ui.end_row();
                        if self.choosing {
                            let label = ui.label("The same PIN again:");
                            let field = ui
                                .add(
                                    egui::TextEdit::singleline(&mut self.confirm)
                                        .password(true)
                                        .desired_width(160.0),
                                )
                                .labelled_by(label.id);
                            enter |=
                                field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                            ui.end_row();
                        }
                    });
                if let Some(e) = &self.error {
                    ui.colored_label(ui.visuals().error_fg_color, e);
                }
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    let label = if self.choosing { "Set PIN" } else { "Unlock" };
                    if ui.button(label).clicked() || enter {
                        command = Some(Command::SubmitPin {
                            pin: self.pin.clone(),
                            confirm: self.choosing.then(|| self.confirm.clone()),
                        });
                        self.pin.clear();
                        self.focused = false;
                        self.confirm.clear();
                    }
                    if ui.button("Cancel").clicked()
                        || ui.input(|i| i.key_pressed(egui::Key::Escape))
                    {
                        command = Some(Command::CancelPin);
                    }
                });
            });
        });
        command
    }
}
