//! Drawing a scored typed reply: the trainee's own words with the evidence highlighted,
//! the reasons, and the tip.

use eframe::egui::{self, Color32, text::LayoutJob};

use super::core_words;
use crate::scoring::{Effect, Evidence};
use crate::tr;

/// The reply with every span that earned points tinted green and every span that cost
/// points tinted red (red wins where they overlap).
pub fn highlighted(ui: &egui::Ui, reply: &str, evidence: &[Evidence]) -> LayoutJob {
    let dark = ui.visuals().dark_mode;
    let (plus, minus) = if dark {
        (
            Color32::from_rgb(30, 90, 45),
            Color32::from_rgb(120, 35, 35),
        )
    } else {
        (
            Color32::from_rgb(190, 235, 195),
            Color32::from_rgb(250, 200, 200),
        )
    };
    // Each byte's effect: 0 none, 1 plus, 2 minus.
    let mut marks = vec![0u8; reply.len()];
    for e in evidence {
        let mark = match e.effect {
            Effect::Plus => 1,
            Effect::Minus => 2,
        };
        for m in marks.iter_mut().take(e.end.min(reply.len())).skip(e.start) {
            *m = (*m).max(mark);
        }
    }
    let font = egui::TextStyle::Body.resolve(ui.style());
    let colour = ui.visuals().text_color();
    let mut job = LayoutJob::default();
    let mut start = 0;
    while start < reply.len() {
        let mark = marks[start];
        let mut end = start + 1;
        while end < reply.len() && (marks[end] == mark || !reply.is_char_boundary(end)) {
            end += 1;
        }
        let mut format = egui::TextFormat::simple(font.clone(), colour);
        format.background = match mark {
            1 => plus,
            2 => minus,
            _ => Color32::TRANSPARENT,
        };
        if reply.is_char_boundary(start) && reply.is_char_boundary(end) {
            job.append(&reply[start..end], 0.0, format);
        }
        start = end;
    }
    job.wrap.max_width = ui.available_width();
    job
}

/// The reasons, one line each, marked + or − (the sign, not only the colour, says which),
/// in the person's language.
pub fn reasons(ui: &mut egui::Ui, evidence: &[Evidence]) {
    for e in evidence {
        let reason = core_words::evidence_reason(&e.reason);
        let reason = reason.as_str();
        let (line, colour) = match e.effect {
            Effect::Plus => (
                tr!("evidence-plus", reason = reason),
                super::style::score_colour(ui, 100.0),
            ),
            Effect::Minus => (
                tr!("evidence-minus", reason = reason),
                super::style::score_colour(ui, 0.0),
            ),
        };
        ui.label(egui::RichText::new(line).color(colour).small());
    }
}
