//! Themes and text sizes shared by every screen.

use eframe::egui;
use serde::{Deserialize, Serialize};

/// The colour theme a person picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Dark,
    Light,
}

impl Theme {
    /// The other theme.
    pub fn toggled(self) -> Theme {
        match self {
            Theme::Dark => Theme::Light,
            Theme::Light => Theme::Dark,
        }
    }

    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Dark => "Dark",
            Theme::Light => "Light",
        }
    }
}

/// Applies the theme and readable text sizes.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::Dark => egui::Theme::Dark,
        Theme::Light => egui::Theme::Light,
    });
    ctx.all_styles_mut(|style| {
        use egui::{FontFamily, FontId, TextStyle};
        style.text_styles = [
            (
                TextStyle::Heading,
                FontId::new(24.0, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(16.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(16.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Small,
                FontId::new(13.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(15.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(10.0, 8.0);
        style.spacing.button_padding = egui::vec2(10.0, 6.0);
    });
}

/// Green for good, amber for middling, red for poor: a 0-100 score's colour.
pub fn score_colour(ui: &egui::Ui, score: f64) -> egui::Color32 {
    let dark = ui.visuals().dark_mode;
    match (score >= 70.0, score >= 50.0, dark) {
        (true, _, true) => egui::Color32::from_rgb(110, 200, 120),
        (true, _, false) => egui::Color32::from_rgb(20, 120, 40),
        (false, true, true) => egui::Color32::from_rgb(230, 190, 90),
        (false, true, false) => egui::Color32::from_rgb(150, 100, 0),
        (false, false, true) => egui::Color32::from_rgb(240, 110, 100),
        (false, false, false) => egui::Color32::from_rgb(170, 30, 30),
    }
}

/// Each dimension's line colour in charts, readable on both themes and distinct from the
/// green, amber and red of scores.
pub fn dimension_colour(ui: &egui::Ui, d: crate::scenario::Dimension) -> egui::Color32 {
    use crate::scenario::Dimension;
    match (d, ui.visuals().dark_mode) {
        (Dimension::ActiveListening, true) => egui::Color32::from_rgb(100, 170, 255),
        (Dimension::ActiveListening, false) => egui::Color32::from_rgb(20, 90, 200),
        (Dimension::Ownership, true) => egui::Color32::from_rgb(240, 150, 60),
        (Dimension::Ownership, false) => egui::Color32::from_rgb(190, 90, 0),
        (Dimension::ExceedingExpectations, true) => egui::Color32::from_rgb(200, 130, 240),
        (Dimension::ExceedingExpectations, false) => egui::Color32::from_rgb(130, 50, 180),
    }
}
