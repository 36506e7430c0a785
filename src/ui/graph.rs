//! The trainer's graph view: a scenario's nodes laid out left to right, with pan and
//! zoom, endings coloured by outcome (and named, so colour never carries it alone),
//! unreachable and dead-end nodes marked, and how often trainees took each choice.
//!
//! The layout comes from the core (`scenario::graph::layout`); this only draws it.

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Stroke, Vec2};
use egui::epaint::{CubicBezierShape, Shape};

use crate::authoring::ChoiceCounts;
use crate::scenario::graph::{Graph, Layout};
use crate::scenario::{Node, Outcome, Scenario};
use crate::tr;
use crate::ui::labels;

const NODE_W: f32 = 150.0;
const NODE_H: f32 = 48.0;
const COLUMN: f32 = 195.0;
const ROW: f32 = 66.0;
const MIN_ZOOM: f32 = 0.1;
const MAX_ZOOM: f32 = 2.5;

/// Pan and zoom, kept between frames.
#[derive(Debug, Clone, PartialEq)]
pub struct GraphView {
    pub pan: Vec2,
    pub zoom: f32,
    /// Fit the graph into view at the next frame: `Readable` keeps text legible (a wide
    /// graph then pans), `All` shows every node.
    pub fit: Option<Fit>,
    /// Centre this node at the next frame.
    pub focus: Option<usize>,
}

impl Default for GraphView {
    fn default() -> Self {
        GraphView {
            pan: Vec2::splat(16.0),
            zoom: 1.0,
            fit: Some(Fit::Readable),
            focus: None,
        }
    }
}

/// How much of the graph a fit shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    Readable,
    All,
}

/// Below this zoom node text is not drawn.
const TEXT_ZOOM: f32 = 0.45;

/// What the graph is drawn from.
pub struct GraphInput<'a> {
    pub scenario: &'a Scenario,
    pub graph: &'a Graph,
    pub layout: &'a Layout,
    pub counts: Option<&'a ChoiceCounts>,
    pub selected: Option<usize>,
}

/// The colour an ending's outcome is drawn in.
pub fn outcome_colour(outcome: Outcome, dark: bool) -> Color32 {
    match (outcome, dark) {
        (Outcome::Lost, true) => Color32::from_rgb(120, 40, 40),
        (Outcome::Lost, false) => Color32::from_rgb(245, 200, 200),
        (Outcome::Recovered, true) => Color32::from_rgb(115, 90, 25),
        (Outcome::Recovered, false) => Color32::from_rgb(245, 225, 170),
        (Outcome::Advocate, true) => Color32::from_rgb(35, 100, 55),
        (Outcome::Advocate, false) => Color32::from_rgb(190, 235, 200),
    }
}

fn kind_colour(node: &Node, dark: bool) -> Color32 {
    match (node, dark) {
        (Node::Ending(e), _) => outcome_colour(e.intends, dark),
        (Node::Line(_), true) => Color32::from_rgb(55, 58, 64),
        (Node::Line(_), false) => Color32::from_rgb(232, 232, 236),
        (Node::Choice(_), true) => Color32::from_rgb(35, 65, 110),
        (Node::Choice(_), false) => Color32::from_rgb(205, 222, 245),
        (Node::FreeText(_), true) => Color32::from_rgb(75, 50, 105),
        (Node::FreeText(_), false) => Color32::from_rgb(228, 212, 245),
    }
}

/// The second line of a node's box: its kind and anything wrong with it.
fn caption(node: &Node, graph: &Graph, i: usize) -> String {
    let kind = match node {
        Node::Line(l) => tr!("graph-line", emotion = labels::emotion(l.emotion)),
        Node::Choice(c) => tr!("graph-choice", replies = c.choices.len()),
        Node::FreeText(_) => tr!("graph-typed-reply"),
        Node::Ending(e) => tr!("graph-ending", outcome = labels::outcome(e.intends)),
    };
    if !graph.reachable[i] {
        tr!("graph-unreachable", kind = kind)
    } else if graph.is_dead_end(i) {
        tr!("graph-dead-end", kind = kind)
    } else {
        kind
    }
}

/// The point at `t` (0-1) along a cubic Bézier curve.
fn bezier_at(p: &[Pos2; 4], t: f32) -> Pos2 {
    let u = 1.0 - t;
    let v = p[0].to_vec2() * (u * u * u)
        + p[1].to_vec2() * (3.0 * u * u * t)
        + p[2].to_vec2() * (3.0 * u * t * t)
        + p[3].to_vec2() * (t * t * t);
    v.to_pos2()
}

impl GraphView {
    fn world(layout: &Layout, i: usize) -> Pos2 {
        let (c, r) = layout.cells[i];
        Pos2::new(c as f32 * COLUMN, r as f32 * ROW)
    }

    fn fit_to(&mut self, layout: &Layout, rect: Rect, fit: Fit) {
        let width = (layout.columns.max(1) as f32 - 1.0) * COLUMN + NODE_W + 32.0;
        let height = (layout.rows.max(1) as f32 - 1.0) * ROW + NODE_H + 32.0;
        self.zoom = (rect.width() / width)
            .min(rect.height() / height)
            .clamp(MIN_ZOOM, 1.0);
        if fit == Fit::Readable {
            self.zoom = self.zoom.max(0.85);
        }
        self.pan = Vec2::splat(16.0 * self.zoom);
    }

    /// Zooms by `factor` keeping the point `at` (in screen space) still.
    fn zoom_about(&mut self, factor: f32, at: Pos2, rect: Rect) {
        let new_zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let world = (at - rect.min - self.pan) / self.zoom;
        self.pan = at - rect.min - world * new_zoom;
        self.zoom = new_zoom;
    }

    /// The zoom and fit buttons, with the legend.
    pub fn toolbar(&mut self, ui: &mut egui::Ui) {
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(tr!("graph-zoom-in"))
                .on_hover_text(tr!("graph-zoom-in-hover"))
                .clicked()
            {
                self.zoom = (self.zoom * 1.25).min(MAX_ZOOM);
            }
            if ui
                .button(tr!("graph-zoom-out"))
                .on_hover_text(tr!("graph-zoom-out-hover"))
                .clicked()
            {
                self.zoom = (self.zoom / 1.25).max(MIN_ZOOM);
            }
            if ui
                .button(tr!("graph-fit"))
                .on_hover_text(tr!("graph-fit-hover"))
                .clicked()
            {
                self.fit = Some(Fit::All);
            }
            ui.separator();
            let dark = ui.visuals().dark_mode;
            for outcome in Outcome::ALL {
                let (rect, _) = ui.allocate_exact_size(Vec2::splat(14.0), Sense::hover());
                ui.painter()
                    .rect_filled(rect, 3.0, outcome_colour(outcome, dark));
                ui.label(tr!("graph-ending", outcome = labels::outcome(outcome)));
            }
            ui.label(tr!("graph-legend"));
        });
    }

    /// Draws the graph in the space left; returns the node clicked, if any.
    pub fn ui(&mut self, ui: &mut egui::Ui, input: &GraphInput<'_>) -> Option<usize> {
        let rect = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(rect, Sense::click_and_drag());
        response.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Figure,
                true,
                tr!("graph-described", nodes = input.scenario.nodes.len()),
            )
        });
        if let Some(fit) = self.fit.take() {
            self.fit_to(input.layout, rect, fit);
        }
        if let Some(i) = self.focus.take()
            && i < input.layout.cells.len()
        {
            let centre = Self::world(input.layout, i) + Vec2::new(NODE_W, NODE_H) / 2.0;
            self.pan = rect.size() / 2.0 - centre.to_vec2() * self.zoom;
        }
        if response.dragged() {
            self.pan += response.drag_delta();
        }
        if response.hovered() {
            let (zoom, scroll, pointer, keys) = ui.input(|i| {
                (
                    i.zoom_delta(),
                    i.smooth_scroll_delta(),
                    i.pointer.hover_pos(),
                    (
                        i.key_pressed(egui::Key::Plus) || i.key_pressed(egui::Key::Equals),
                        i.key_pressed(egui::Key::Minus),
                        i.key_pressed(egui::Key::Num0),
                    ),
                )
            });
            let at = pointer.unwrap_or(rect.center());
            if zoom != 1.0 {
                self.zoom_about(zoom, at, rect);
            } else {
                self.pan += scroll;
            }
            if keys.0 {
                self.zoom_about(1.25, rect.center(), rect);
            }
            if keys.1 {
                self.zoom_about(0.8, rect.center(), rect);
            }
            if keys.2 {
                self.fit = Some(Fit::All);
            }
        }
        let painter = ui.painter_at(rect);
        let visuals = ui.visuals().clone();
        painter.rect_filled(rect, 0.0, visuals.extreme_bg_color);
        let to_screen = |p: Pos2| rect.min + self.pan + p.to_vec2() * self.zoom;
        let boxes: Vec<Rect> = (0..input.scenario.nodes.len())
            .map(|i| {
                Rect::from_min_size(
                    to_screen(Self::world(input.layout, i)),
                    Vec2::new(NODE_W, NODE_H) * self.zoom,
                )
            })
            .collect();
        let edge_colour = visuals.weak_text_color();
        let heat_colour = if visuals.dark_mode {
            Color32::from_rgb(255, 160, 60)
        } else {
            Color32::from_rgb(210, 90, 0)
        };
        let show_text = self.zoom >= TEXT_ZOOM;
        for (i, node) in input.scenario.nodes.iter().enumerate() {
            let shares = match node {
                Node::Choice(turn) => input.counts.and_then(|c| c.shares(&turn.id)),
                _ => None,
            };
            // Replies that lead to the same node share one arrow, with their shares summed.
            let mut links: Vec<(usize, Option<f32>)> = Vec::new();
            for (k, target) in node.links().iter().enumerate() {
                let Some(&j) = input.graph.index.get(*target) else {
                    continue;
                };
                let share = shares.as_ref().and_then(|(s, _)| s.get(k).copied());
                match links.iter_mut().find(|(t, _)| *t == j) {
                    Some((_, total)) => *total = total.zip(share).map(|(a, b)| a + b),
                    None => links.push((j, share)),
                }
            }
            for (j, share) in links {
                let (a, b) = (boxes[i], boxes[j]);
                if !rect.intersects(a.union(b)) {
                    continue;
                }
                let (width, colour) = match share {
                    Some(s) => (1.0 + 7.0 * s, heat_colour),
                    None => (1.2, edge_colour),
                };
                let stroke = Stroke::new(width * self.zoom.max(0.5), colour);
                let from = a.right_center();
                let to = b.left_center();
                let points = if b.min.x > a.max.x {
                    let dx = (to.x - from.x) * 0.5;
                    [from, from + Vec2::new(dx, 0.0), to - Vec2::new(dx, 0.0), to]
                } else {
                    // Back or same-column links loop underneath.
                    let drop = Vec2::new(0.0, NODE_H * self.zoom);
                    let (from, to) = (a.center_bottom(), b.center_bottom());
                    [from, from + drop * 1.5, to + drop * 1.5, to]
                };
                painter.add(CubicBezierShape::from_points_stroke(
                    points,
                    false,
                    Color32::TRANSPARENT,
                    stroke,
                ));
                // An arrow head where the link arrives.
                let tip = points[3];
                let dir = (points[3] - points[2]).normalized();
                let side = Vec2::new(-dir.y, dir.x) * 5.0 * self.zoom;
                let back = tip - dir * 9.0 * self.zoom;
                painter.add(Shape::convex_polygon(
                    vec![tip, back + side, back - side],
                    colour,
                    Stroke::NONE,
                ));
                if let (Some(s), true) = (share, self.zoom >= 0.6) {
                    // Near the arriving end, where a fan of replies has spread apart, on a
                    // patch of background so the arrows never hide it.
                    let at = bezier_at(&points, 0.8);
                    let galley = painter.layout_no_wrap(
                        tr!("graph-share", percent = format!("{:.0}", s * 100.0)),
                        egui::FontId::proportional(12.0 * self.zoom.min(1.2)),
                        visuals.text_color(),
                    );
                    let label = egui::Align2::CENTER_CENTER.anchor_size(at, galley.size());
                    painter.rect_filled(label.expand(2.0), 3.0, visuals.extreme_bg_color);
                    painter.galley(label.min, galley, Color32::PLACEHOLDER);
                }
            }
        }
        let mut clicked = None;
        let pointer = response
            .clicked()
            .then(|| response.interact_pointer_pos())
            .flatten();
        for (i, node) in input.scenario.nodes.iter().enumerate() {
            let b = boxes[i];
            if pointer.is_some_and(|p| b.contains(p)) {
                clicked = Some(i);
            }
            if !rect.intersects(b) {
                continue;
            }
            let reachable = input.graph.reachable[i];
            let fill = if reachable {
                kind_colour(node, visuals.dark_mode)
            } else {
                visuals.faint_bg_color
            };
            painter.rect_filled(b, 6.0 * self.zoom, fill);
            let outline = if input.selected == Some(i) {
                Stroke::new(3.0, visuals.selection.stroke.color)
            } else if input.graph.is_dead_end(i) {
                Stroke::new(2.5, Color32::from_rgb(220, 50, 50))
            } else {
                Stroke::new(1.0, visuals.widgets.noninteractive.bg_stroke.color)
            };
            if reachable || input.selected == Some(i) {
                painter.rect_stroke(b, 6.0 * self.zoom, outline, egui::StrokeKind::Inside);
            } else {
                let corners = [
                    b.left_top(),
                    b.right_top(),
                    b.right_bottom(),
                    b.left_bottom(),
                    b.left_top(),
                ];
                painter.extend(Shape::dashed_line(
                    &corners,
                    Stroke::new(1.5, visuals.text_color()),
                    6.0,
                    4.0,
                ));
            }
            if show_text {
                let size = 16.0 * self.zoom.min(1.3);
                let id = painter.layout_no_wrap(
                    node.id().to_string(),
                    egui::FontId::proportional(size),
                    visuals.strong_text_color(),
                );
                let cap = painter.layout_no_wrap(
                    caption(node, input.graph, i),
                    egui::FontId::proportional(size * 0.85),
                    visuals.text_color(),
                );
                let pad = 8.0 * self.zoom;
                let clip = b.shrink(pad * 0.5);
                let text = painter.with_clip_rect(clip.intersect(rect));
                text.galley(b.min + Vec2::new(pad, pad * 0.8), id, Color32::PLACEHOLDER);
                text.galley(
                    b.min + Vec2::new(pad, b.height() * 0.52),
                    cap,
                    Color32::PLACEHOLDER,
                );
            }
        }
        clicked
    }
}
