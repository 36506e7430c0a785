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
            // Names as rows, framed on hover and focus: under software rendering a frame
            // round every name cost about 20 ms of painting on each frame of this screen.
            egui::ScrollArea::vertical()
                .id_salt("trainees")
                .show(ui, |ui| {
                    for t in shown {
                        if name_row(ui, &t.name, &t.id).clicked() {
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

/// The height of a name in the list of trainees.
const NAME_ROW: f32 = 36.0;

/// One trainee's name as a button, drawn as a row framed on hover and focus. The row
/// keeps one id and its accessible name whether or not it is scrolled into sight, but
/// only a row in sight lays out and paints its text: doing that for every one of 200
/// names was most of the start screen's first frame. A row reached with Tab scrolls
/// into sight.
fn name_row(ui: &mut egui::Ui, name: &str, key: &str) -> egui::Response {
    let size = egui::vec2(ui.available_width().max(280.0), NAME_ROW);
    let (rect, _) = ui.allocate_exact_size(size, egui::Sense::hover());
    let response = ui.interact(
        rect,
        ui.scope_id().with(("trainee", key)),
        egui::Sense::click(),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, name));
    if response.gained_focus() {
        response.scroll_to_me(None);
    }
    if ui.is_rect_visible(rect) {
        let visuals = ui.style().interact(&response);
        if response.hovered() || response.has_focus() {
            ui.painter().rect(
                rect,
                visuals.corner_radius,
                visuals.weak_bg_fill,
                visuals.bg_stroke,
                egui::StrokeKind::Inside,
            );
        }
        ui.painter().text(
            rect.left_center() + egui::vec2(ui.spacing().button_padding.x, 0.0),
            egui::Align2::LEFT_CENTER,
            name,
            egui::TextStyle::Button.resolve(ui.style()),
            visuals.text_color(),
        );
    }
    response.on_hover_text("Continue as this trainee")
}
