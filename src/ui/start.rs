//! Start: pick your trainee profile, or create one.

use eframe::egui;

use super::Command;
use crate::progress::Trainee;
use crate::tr;

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
            // The product's name, the same in every language.
            ui.heading("Turnaround");
            ui.label(tr!("start-tagline"));
            ui.add_space(24.0);
        });
        ui.columns(2, |cols| {
            let ui = &mut cols[0];
            ui.heading(tr!("start-who"));
            if trainees.is_empty() {
                ui.label(tr!("start-no-trainees"));
            }
            if trainees.len() > 8 {
                ui.horizontal(|ui| {
                    let label = ui.label(tr!("start-find"));
                    ui.add(
                        egui::TextEdit::singleline(&mut self.find)
                            .hint_text(tr!("start-find-hint"))
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
                ui.label(tr!("start-nobody-called", name = self.find.trim()));
            }
            // Names as rows, framed on hover and focus: under software rendering a frame
            // round every name cost about 20 ms of painting on each frame of this screen.
            // Once a frame, not once a name: the list can be long.
            let hover = tr!("start-continue-as");
            egui::ScrollArea::vertical()
                .id_salt("trainees")
                .show(ui, |ui| {
                    for t in shown {
                        if name_row(ui, &t.name, &t.id, &hover).clicked() {
                            command = Some(Command::SelectTrainee(t.id.clone()));
                        }
                    }
                });
            let ui = &mut cols[1];
            ui.heading(tr!("start-new-trainee"));
            let label = ui.label(tr!("start-your-name"));
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.new_name)
                    .hint_text(tr!("start-your-name-hint"))
                    .desired_width(260.0),
            );
            let field = field.labelled_by(label.id);
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let ready = !self.new_name.trim().is_empty();
            let clicked = ui
                .add_enabled(ready, egui::Button::new(tr!("start-create")))
                .clicked();
            if ready && (clicked || enter) {
                command = Some(Command::CreateTrainee(self.new_name.trim().to_string()));
                self.new_name.clear();
            }
            ui.add_space(32.0);
            ui.heading(tr!("start-managers"));
            ui.label(tr!("start-managers-explain"));
            if ui
                .button(tr!("start-manager-area"))
                .on_hover_text(tr!("start-manager-area-hover"))
                .clicked()
            {
                command = Some(Command::OpenManager);
            }
            ui.add_space(16.0);
            ui.heading(tr!("start-trainers"));
            ui.label(tr!("start-trainers-explain"));
            if ui
                .button(tr!("start-trainer-area"))
                .on_hover_text(tr!("start-trainer-area-hover"))
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
/// into sight. `hover` is the row's tooltip, in the person's language.
fn name_row(ui: &mut egui::Ui, name: &str, key: &str, hover: &str) -> egui::Response {
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
    response.on_hover_text(hover)
}
