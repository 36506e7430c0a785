//! Start: pick your trainee profile, or create one.

use eframe::egui;

use super::Command;
use crate::progress::Trainee;

/// The start screen's own state: the name being typed.
#[derive(Debug, Default)]
pub struct StartView {
    pub new_name: String,
    /// Narrows a long list of profiles.
    pub find: String,
}

impl StartView {
    /// Draws the profiles and the create form.
    pub fn ui(&mut self, ui: &mut egui::Ui, trainees: &[Trainee]) -> Option<Command> {
        let mut command = None;
        ui.vertical_centered(|ui| {
            ui.add_space(40.0);
            ui.heading("Turnaround");
            ui.label("Practise turning an upset customer into a loyal one.");
            ui.add_space(24.0);
        });
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            ui.heading("Who is practising?");
            if trainees.is_empty() {
                ui.label("No trainees yet. Create your profile on the right to begin.");
            }
            if trainees.len() > 8 {
                ui.horizontal(|ui| {
                    let label = ui.label("Find your name:");
                    ui.add(
                        egui::TextEdit::singleline(&mut self.find)
                            .hint_text("type part of it")
                            .desired_width(200.0),
                    )
                    .labelled_by(label.id);
                });
            }
            let wanted = self.find.trim().to_lowercase();
            let shown: Vec<&Trainee> = trainees
                .iter()
                .filter(|t| wanted.is_empty() || t.name.to_lowercase().contains(&wanted))
                .collect();
            if shown.is_empty() && !trainees.is_empty() {
                ui.label(format!(
                    "Nobody called \"{}\" yet. Create the profile on the right.",
                    self.find.trim()
                ));
            }
            // Names as rows, framed on hover and focus: a frame on every name cost about
            // 1.5 ms a frame each under software rendering (docs/performance.md).
            egui::ScrollArea::vertical()
                .id_salt("trainees")
                .show(ui, |ui| {
                    for t in shown {
                        let name = egui::Button::new(&t.name)
                            .frame_when_inactive(false)
                            .min_size(egui::vec2(280.0, 36.0));
                        if ui
                            .add(name)
                            .on_hover_text("Continue as this trainee")
                            .clicked()
                        {
                            command = Some(Command::SelectTrainee(t.id.clone()));
                        }
                    }
                });
            let ui = &mut cols[1];
            ui.heading("New trainee");
            let label = ui.label("Your name:");
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.new_name)
                    .hint_text("e.g. Sam Patel")
                    .desired_width(260.0),
            );
            let field = field.labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let ready = !self.new_name.trim().is_empty();
            let clicked = ui
                .add_enabled(ready, egui::Button::new("Create profile"))
                .clicked();
            if ready && (clicked || enter) {
                command = Some(Command::CreateTrainee(self.new_name.trim().to_string()));
                self.new_name.clear();
            }
            ui.add_space(32.0);
            ui.heading("Managers");
            ui.label("Review every trainee's history, the cohort, and export reports.");
            if ui
                .button("Manager area")
                .on_hover_text("Needs the manager PIN")
                .clicked()
            {
                command = Some(Command::OpenManager);
            }
            ui.add_space(16.0);
            ui.heading("Trainers");
            ui.label("Write scenarios, see their problems and graph, and playtest them.");
            if ui
                .button("Trainer area")
                .on_hover_text("Needs the trainer PIN or the manager PIN")
                .clicked()
            {
                command = Some(Command::OpenTrainer);
            }
        });
        command
    }
}
