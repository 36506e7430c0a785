//! Themes and text sizes shared by every screen.

use eframe::egui;
use serde::{Deserialize, Serialize};

/// The colour theme a person picked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Dark,
    Light,
    /// White on black, yellow for focus and selection, thick outlines.
    HighContrast,
}

impl Theme {
    /// Every theme, in the order the settings list them.
    pub const ALL: [Theme; 3] = [Theme::Dark, Theme::Light, Theme::HighContrast];

    /// The label a person reads, in their language.
    pub fn label(self) -> String {
        match self {
            Theme::Dark => crate::tr!("theme-dark"),
            Theme::Light => crate::tr!("theme-light"),
            Theme::HighContrast => crate::tr!("theme-high-contrast"),
        }
    }
}

/// The high-contrast look: white text on black, every widget outlined, a thick yellow
/// outline for hover and keyboard focus, white on deep blue for what is selected.
pub fn high_contrast() -> egui::Visuals {
    use egui::{Color32, Stroke};
    let mut v = egui::Visuals::dark();
    let yellow = Color32::from_rgb(255, 221, 0);
    v.panel_fill = Color32::BLACK;
    v.window_fill = Color32::BLACK;
    v.extreme_bg_color = Color32::BLACK;
    v.faint_bg_color = Color32::from_gray(24);
    v.code_bg_color = Color32::from_gray(24);
    v.window_stroke = Stroke::new(2.0, Color32::WHITE);
    v.hyperlink_color = Color32::from_rgb(120, 220, 255);
    v.warn_fg_color = yellow;
    v.error_fg_color = Color32::from_rgb(255, 120, 120);
    // Selected items: white text on deep blue; a focused text field: a yellow outline.
    v.selection.bg_fill = Color32::from_rgb(0, 60, 160);
    v.selection.stroke = Stroke::new(2.0, yellow);
    let w = &mut v.widgets;
    w.noninteractive.bg_fill = Color32::BLACK;
    w.noninteractive.bg_stroke = Stroke::new(1.0, Color32::WHITE);
    w.noninteractive.fg_stroke = Stroke::new(1.0, Color32::WHITE);
    for (state, fill) in [
        (&mut w.inactive, Color32::BLACK),
        (&mut w.hovered, Color32::from_gray(40)),
        (&mut w.active, Color32::from_gray(60)),
        (&mut w.open, Color32::from_gray(40)),
    ] {
        state.bg_fill = fill;
        state.weak_bg_fill = fill;
        state.fg_stroke = Stroke::new(1.5, Color32::WHITE);
        state.bg_stroke = Stroke::new(1.5, Color32::WHITE);
    }
    // Hover and keyboard focus: a thick yellow outline.
    w.hovered.bg_stroke = Stroke::new(3.0, yellow);
    w.active.bg_stroke = Stroke::new(3.0, yellow);
    w.open.bg_stroke = Stroke::new(3.0, yellow);
    v
}

/// Applies the theme and readable text sizes.
pub fn apply(ctx: &egui::Context, theme: Theme) {
    ctx.set_theme(match theme {
        Theme::Dark | Theme::HighContrast => egui::Theme::Dark,
        Theme::Light => egui::Theme::Light,
    });
    ctx.set_visuals_of(
        egui::Theme::Dark,
        if theme == Theme::HighContrast {
            high_contrast()
        } else {
            egui::Visuals::dark()
        },
    );
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
/// Each dimension's line is drawn differently too (solid, dashed, dotted), so the lines
/// are told apart without colour.
pub fn dimension_line_style(d: crate::scenario::Dimension) -> egui_plot::LineStyle {
    use crate::scenario::Dimension;
    match d {
        Dimension::ActiveListening => egui_plot::LineStyle::Solid,
        Dimension::Ownership => egui_plot::LineStyle::dashed_loose(),
        Dimension::ExceedingExpectations => egui_plot::LineStyle::dotted_dense(),
    }
}

/// The key's mark for a dimension's line, matching `dimension_line_style`.
pub fn dimension_mark(d: crate::scenario::Dimension) -> &'static str {
    use crate::scenario::Dimension;
    match d {
        Dimension::ActiveListening => "———",
        Dimension::Ownership => "– – –",
        Dimension::ExceedingExpectations => "· · · ·",
    }
}

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
