//! The customer's portrait: a flat illustration drawn with egui's painter from the
//! scenario's `Look`, whose face follows the current line's emotion and the mood, and
//! which nods or shakes its head when a reply lands well or badly.
//!
//! It owns only its transient reaction; the emotion, the mood and the look are passed in
//! each frame. It never reads a session, loads an image or plays a sound.

use std::f32::consts::{PI, TAU};

use eframe::egui::{self, Color32, Pos2, Rect, Sense, Stroke, Vec2};
use egui::epaint::{BandPoint, BandShape, Shape};

use super::labels;
use crate::scenario::{AgeGroup, Emotion, Hair, HairColour, Look};
use crate::tr;

/// How long a change of expression takes, in seconds.
const EASE_SECS: f32 = 0.4;
/// How long a reaction to a reply shows, in seconds.
pub const REACTION_SECS: f64 = 1.1;
/// The portrait is designed on a 200 × 200 grid and scaled to the size asked for.
const GRID: f32 = 200.0;
/// The figure is drawn this much larger than the grid, about the backdrop's centre, so
/// the face fills the frame.
const ZOOM: f32 = 1.15;
/// The round backdrop's radius, on the grid.
const BACKDROP: f32 = 98.0;

/// A face's pose, as a few continuous muscles. Each is animated on its own, so a change
/// of emotion morphs the face rather than swapping it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Expression {
    /// -1: inner ends pulled down (anger) … 1: inner ends pulled up (worry, sadness).
    pub brow_tilt: f32,
    /// -1: brows lowered … 1: brows raised.
    pub brow_raise: f32,
    /// 0: level … 1: one brow cocked (doubt).
    pub brow_asymmetry: f32,
    /// 0: closed … 1: relaxed … 1.3: wide, white showing.
    pub eye_open: f32,
    /// 0: lower lids relaxed … 1: pushed up by the cheeks (smiling eyes).
    pub squint: f32,
    /// -1: deep frown … 1: broad smile.
    pub mouth_curve: f32,
    /// 0: lips together … 1: wide open.
    pub mouth_open: f32,
    /// -1 … 1: one corner of the mouth higher than the other (a wry, doubtful mouth).
    pub mouth_skew: f32,
    /// 0 … 1: red in the face.
    pub flush: f32,
    /// 0 … 1: a tear on the cheek.
    pub tear: f32,
}

impl Expression {
    const NEUTRAL: Expression = Expression {
        brow_tilt: 0.0,
        brow_raise: 0.0,
        brow_asymmetry: 0.0,
        eye_open: 1.0,
        squint: 0.0,
        mouth_curve: 0.0,
        mouth_open: 0.0,
        mouth_skew: 0.0,
        flush: 0.0,
        tear: 0.0,
    };

    /// Every muscle with a stable name, for animating each one under its own id.
    fn muscles_mut(&mut self) -> [(&'static str, &mut f32); 10] {
        [
            ("brow_tilt", &mut self.brow_tilt),
            ("brow_raise", &mut self.brow_raise),
            ("brow_asymmetry", &mut self.brow_asymmetry),
            ("eye_open", &mut self.eye_open),
            ("squint", &mut self.squint),
            ("mouth_curve", &mut self.mouth_curve),
            ("mouth_open", &mut self.mouth_open),
            ("mouth_skew", &mut self.mouth_skew),
            ("flush", &mut self.flush),
            ("tear", &mut self.tear),
        ]
    }

    /// Keeps every muscle in its range.
    fn clamped(mut self) -> Expression {
        self.brow_tilt = self.brow_tilt.clamp(-1.0, 1.0);
        self.brow_raise = self.brow_raise.clamp(-1.0, 1.0);
        self.brow_asymmetry = self.brow_asymmetry.clamp(0.0, 1.0);
        self.eye_open = self.eye_open.clamp(0.0, 1.3);
        self.squint = self.squint.clamp(0.0, 1.0);
        self.mouth_curve = self.mouth_curve.clamp(-1.0, 1.0);
        self.mouth_open = self.mouth_open.clamp(0.0, 1.0);
        self.mouth_skew = self.mouth_skew.clamp(-1.0, 1.0);
        self.flush = self.flush.clamp(0.0, 1.0);
        self.tear = self.tear.clamp(0.0, 1.0);
        self
    }
}

/// The face for a line said with this emotion at this mood (0-100). The emotion sets the
/// pose; the mood nudges it, so a neutral line from a customer at the end of their tether
/// still looks strained, and from a happy one, warm.
pub fn expression(emotion: Emotion, mood: f64) -> Expression {
    let n = Expression::NEUTRAL;
    let pose = match emotion {
        Emotion::Furious => Expression {
            brow_tilt: -1.0,
            brow_raise: -0.7,
            eye_open: 1.05,
            mouth_curve: -0.85,
            mouth_open: 0.55,
            flush: 1.0,
            ..n
        },
        Emotion::Angry => Expression {
            brow_tilt: -0.85,
            brow_raise: -0.5,
            eye_open: 0.8,
            mouth_curve: -0.7,
            mouth_open: 0.12,
            flush: 0.6,
            ..n
        },
        Emotion::Frustrated => Expression {
            brow_tilt: -0.55,
            brow_raise: -0.3,
            eye_open: 0.72,
            mouth_curve: -0.5,
            mouth_skew: 0.25,
            flush: 0.3,
            ..n
        },
        Emotion::Upset => Expression {
            brow_tilt: 0.9,
            brow_raise: 0.15,
            eye_open: 0.7,
            mouth_curve: -0.62,
            mouth_open: 0.08,
            flush: 0.15,
            tear: 1.0,
            ..n
        },
        Emotion::Anxious => Expression {
            brow_tilt: 0.75,
            brow_raise: 0.6,
            eye_open: 1.3,
            mouth_curve: -0.3,
            mouth_open: 0.2,
            ..n
        },
        Emotion::Sceptical => Expression {
            brow_tilt: -0.15,
            brow_asymmetry: 1.0,
            eye_open: 0.7,
            squint: 0.25,
            mouth_curve: -0.15,
            mouth_skew: 0.8,
            ..n
        },
        Emotion::Neutral => n,
        Emotion::Calmer => Expression {
            brow_tilt: 0.2,
            brow_raise: 0.05,
            eye_open: 0.88,
            mouth_curve: 0.25,
            ..n
        },
        Emotion::Relieved => Expression {
            brow_tilt: 0.45,
            brow_raise: 0.25,
            eye_open: 0.42,
            squint: 0.15,
            mouth_curve: 0.5,
            ..n
        },
        Emotion::Pleased => Expression {
            brow_tilt: 0.1,
            brow_raise: 0.3,
            eye_open: 0.95,
            squint: 0.45,
            mouth_curve: 0.72,
            mouth_open: 0.15,
            ..n
        },
        Emotion::Delighted => Expression {
            brow_tilt: 0.2,
            brow_raise: 0.75,
            eye_open: 1.0,
            squint: 1.0,
            mouth_curve: 1.0,
            mouth_open: 0.7,
            ..n
        },
    };
    // -1 at mood 0, 0 at 50, 1 at 100; an unknown mood counts as even.
    let m = if mood.is_finite() {
        ((mood - 50.0) / 50.0).clamp(-1.0, 1.0) as f32
    } else {
        0.0
    };
    let low = (-m).max(0.0);
    let high = m.max(0.0);
    Expression {
        mouth_curve: pose.mouth_curve + 0.25 * m,
        brow_raise: pose.brow_raise - 0.2 * low + 0.1 * high,
        flush: pose.flush + 0.3 * low,
        squint: pose.squint + 0.2 * high,
        ..pose
    }
    .clamped()
}

/// How a reply landed, for the portrait's reaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reaction {
    /// A nod, a brief smile and a green ring with a tick.
    Good,
    /// A head shake, a frown and flush, and a red ring with a cross.
    Bad,
}

/// The customer's face. Holds only the reaction in progress; everything else is drawn
/// from the arguments to [`Portrait::ui`].
#[derive(Debug, Clone, PartialEq)]
pub struct Portrait {
    id: egui::Id,
    reaction: Option<(Reaction, f64)>,
}

impl Default for Portrait {
    fn default() -> Self {
        Portrait::new("customer portrait")
    }
}

impl Portrait {
    /// A portrait whose animations are kept under this salt; two portraits shown at
    /// once need different salts.
    pub fn new(id_salt: impl std::hash::Hash + std::fmt::Debug) -> Self {
        Portrait {
            id: egui::Id::unique(id_salt),
            reaction: None,
        }
    }

    /// Starts a reaction at `now` (`ui.input(|i| i.time)`), replacing any in progress.
    pub fn react(&mut self, reaction: Reaction, now: f64) {
        self.reaction = Some((reaction, now));
    }

    /// The reaction showing at `now` and how far through it is (0 to 1), if any.
    pub fn reaction_at(&self, now: f64) -> Option<(Reaction, f32)> {
        let (reaction, start) = self.reaction?;
        let t = (now - start) / REACTION_SECS;
        (0.0..1.0).contains(&t).then_some((reaction, t as f32))
    }

    /// Draws the portrait in a `size` square. Screen readers hear "<name> looks <emotion>".
    pub fn ui(
        &mut self,
        ui: &mut egui::Ui,
        look: &Look,
        name: &str,
        emotion: Emotion,
        mood: f64,
        size: f32,
    ) -> egui::Response {
        let (rect, response) = ui.allocate_exact_size(Vec2::splat(size), Sense::hover());
        let label = describe(name, emotion);
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &label));

        let now = ui.input(|i| i.time);
        let reacting = self.reaction_at(now);
        if reacting.is_none() {
            self.reaction = None;
        } else {
            ui.ctx().request_repaint();
        }
        let mut face = expression(emotion, mood);
        for (muscle, value) in face.muscles_mut() {
            *value = ui
                .ctx()
                .animate_value_with_time(self.id.with(muscle), *value, EASE_SECS);
        }
        if ui.is_rect_visible(rect) {
            let canvas = Canvas {
                painter: ui.painter().clone(),
                rect,
                u: size / GRID,
                offset: Vec2::ZERO,
            };
            paint(&canvas, look, name, face, reacting, ui.visuals().dark_mode);
        }
        response
    }
}

/// What a screen reader announces for the portrait, in the person's language.
pub fn describe(name: &str, emotion: Emotion) -> String {
    tr!(
        "portrait-looks",
        name = name,
        emotion = labels::emotion(emotion)
    )
}

/// A painter on the 200 × 200 design grid, with an offset for moving parts.
struct Canvas {
    painter: egui::Painter,
    rect: Rect,
    u: f32,
    offset: Vec2,
}

impl Canvas {
    fn shifted(&self, by: Vec2) -> Canvas {
        Canvas {
            painter: self.painter.clone(),
            rect: self.rect,
            u: self.u,
            offset: self.offset + by,
        }
    }

    fn at(&self, x: f32, y: f32) -> Pos2 {
        let centre = Vec2::splat(GRID / 2.0);
        let p = centre + (Vec2::new(x, y) + self.offset - centre) * ZOOM;
        self.rect.min + p * self.u
    }

    fn ellipse(&self, centre: (f32, f32), radius: (f32, f32), colour: Color32) {
        self.painter.add(Shape::ellipse_filled(
            self.at(centre.0, centre.1),
            Vec2::new(radius.0, radius.1) * self.u * ZOOM,
            colour,
        ));
    }

    fn circle_stroke(&self, centre: (f32, f32), radius: f32, width: f32, colour: Color32) {
        self.painter.circle_stroke(
            self.at(centre.0, centre.1),
            radius * self.u * ZOOM,
            Stroke::new(width * self.u * ZOOM, colour),
        );
    }

    /// Fills the region between `top(x)` and `bottom(x)` for x in `x0..=x1` (design units);
    /// where the two cross, nothing is drawn. Any shape with one vertical span per x.
    fn band(&self, x0: f32, x1: f32, colour: Color32, span: impl Fn(f32) -> (f32, f32)) {
        let steps = 48;
        let mut points = Vec::with_capacity(steps + 1);
        for i in 0..=steps {
            let x = x0 + (x1 - x0) * i as f32 / steps as f32;
            let (top, bottom) = span(x);
            if top < bottom {
                let a = self.at(x, top);
                let b = self.at(x, bottom);
                points.push(BandPoint::new(a.x, a.y..=b.y));
            }
        }
        if points.len() >= 2 {
            self.painter.add(BandShape::filled(points, colour));
        }
    }

    /// A stroked polyline through `f(t)` for t in 0..=1.
    fn curve(&self, width: f32, colour: Color32, f: impl Fn(f32) -> (f32, f32)) {
        let steps = 16;
        let points = (0..=steps)
            .map(|i| {
                let (x, y) = f(i as f32 / steps as f32);
                self.at(x, y)
            })
            .collect();
        self.painter.add(Shape::line(
            points,
            Stroke::new(width * self.u * ZOOM, colour),
        ));
    }
}

/// Upper half of an ellipse's height at `x`, 0 outside it.
fn half_height(x: f32, cx: f32, rx: f32, ry: f32) -> f32 {
    let s = ((x - cx) / rx).clamp(-1.0, 1.0);
    ry * (1.0 - s * s).max(0.0).sqrt()
}

fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let t = t.clamp(0.0, 1.0);
    let f = |x: u8, y: u8| (x as f32 + (y as f32 - x as f32) * t).round() as u8;
    Color32::from_rgba_unmultiplied(
        f(a.r(), b.r()),
        f(a.g(), b.g()),
        f(a.b(), b.b()),
        f(a.a(), b.a()),
    )
}

fn with_alpha(c: Color32, alpha: f32) -> Color32 {
    Color32::from_rgba_unmultiplied(
        c.r(),
        c.g(),
        c.b(),
        (alpha.clamp(0.0, 1.0) * 255.0).round() as u8,
    )
}

fn skin_tone(skin: u8) -> Color32 {
    match skin {
        0 => Color32::from_rgb(255, 226, 204),
        1 => Color32::from_rgb(243, 201, 168),
        2 => Color32::from_rgb(226, 173, 130),
        3 => Color32::from_rgb(196, 136, 94),
        4 => Color32::from_rgb(142, 92, 62),
        _ => Color32::from_rgb(98, 62, 42),
    }
}

fn hair_tone(colour: HairColour) -> Color32 {
    match colour {
        HairColour::Black => Color32::from_rgb(38, 34, 38),
        HairColour::Brown => Color32::from_rgb(104, 66, 40),
        HairColour::Blonde => Color32::from_rgb(226, 186, 110),
        HairColour::Red => Color32::from_rgb(176, 80, 40),
        HairColour::Grey => Color32::from_rgb(178, 178, 182),
    }
}

/// A shirt colour from the name, so each customer keeps theirs.
fn shirt_tone(name: &str) -> Color32 {
    const SHIRTS: [Color32; 6] = [
        Color32::from_rgb(66, 110, 168),
        Color32::from_rgb(168, 78, 78),
        Color32::from_rgb(70, 134, 104),
        Color32::from_rgb(122, 90, 156),
        Color32::from_rgb(196, 138, 52),
        Color32::from_rgb(84, 98, 116),
    ];
    // FNV-1a: stable across runs and platforms.
    let hash = name.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    SHIRTS[hash as usize % SHIRTS.len()]
}

const CX: f32 = 100.0;
const HEAD_Y: f32 = 90.0;
const HEAD_RX: f32 = 35.0;
const HEAD_TOP: f32 = 43.0;
const HEAD_BOTTOM: f32 = 45.0;
const EYE_Y: f32 = 91.0;
const EYE_DX: f32 = 14.0;
const MOUTH_Y: f32 = 116.0;

fn paint(
    canvas: &Canvas,
    look: &Look,
    name: &str,
    face: Expression,
    reacting: Option<(Reaction, f32)>,
    dark: bool,
) {
    // The reaction: motion first (so colour is never the only sign), then the pulse.
    let mut face = face;
    let mut head = Vec2::ZERO;
    let mut features = Vec2::ZERO;
    if let Some((reaction, t)) = reacting {
        let fade = 1.0 - t;
        let pulse = (PI * t).sin();
        match reaction {
            Reaction::Good => {
                head.y = 5.0 * (TAU * 2.0 * t).sin() * fade;
                features.y = 0.6 * head.y;
                face.mouth_curve += 0.45 * pulse;
                face.squint += 0.35 * pulse;
                face.brow_raise += 0.3 * pulse;
            }
            Reaction::Bad => {
                head.x = 6.0 * (TAU * 3.0 * t).sin() * fade;
                features.x = 0.5 * head.x;
                face.mouth_curve -= 0.55 * pulse;
                face.brow_tilt -= 0.5 * pulse;
                face.brow_raise -= 0.3 * pulse;
                face.flush += 0.45 * pulse;
            }
        }
        face = face.clamped();
    }

    let backdrop = if dark {
        Color32::from_rgb(58, 68, 84)
    } else {
        Color32::from_rgb(210, 224, 238)
    };
    let r = BACKDROP / ZOOM;
    canvas.ellipse((CX, 100.0), (r, r), backdrop);

    let skin = mix(
        skin_tone(look.skin),
        Color32::from_rgb(214, 64, 56),
        0.22 * face.flush,
    );
    let shade = mix(skin, Color32::BLACK, 0.16);
    let mut hair = hair_tone(look.hair_colour);
    if look.age == AgeGroup::Senior && look.hair_colour != HairColour::Grey {
        hair = mix(hair, hair_tone(HairColour::Grey), 0.3);
    }

    paint_body(canvas, name, skin, shade);
    let head_canvas = canvas.shifted(head);
    paint_back_hair(&head_canvas, look, hair);
    paint_head(&head_canvas, skin, shade);
    let face_canvas = head_canvas.shifted(features);
    paint_age(&face_canvas, look.age, shade);
    paint_eyes(&face_canvas, face, skin);
    paint_cheeks(&face_canvas, face, look.skin);
    paint_nose(&face_canvas, shade);
    paint_mouth(&face_canvas, face, skin);
    paint_front_hair(&head_canvas, look, hair);
    if look.glasses {
        paint_glasses(&face_canvas);
    }
    paint_brows(&face_canvas, face, look, hair);
    paint_tear(&face_canvas, face.tear);
    if let Some((reaction, t)) = reacting {
        paint_reaction(canvas, reaction, t, dark);
    }
}

fn paint_body(canvas: &Canvas, name: &str, skin: Color32, shade: Color32) {
    // Neck, then shoulders cut off by the round backdrop, with a V at the collar.
    canvas.band(CX - 12.0, CX + 12.0, skin, |_| (120.0, 172.0));
    canvas.band(CX - 12.0, CX + 12.0, shade, |x| {
        let s = (x - CX) / 12.0;
        (120.0, 134.0 + 6.0 * (1.0 - s * s))
    });
    let shirt = shirt_tone(name);
    let r = BACKDROP / ZOOM;
    let backdrop_bottom = |x: f32| 100.0 + half_height(x, CX, r, r);
    canvas.band(CX - r, CX + r, shirt, |x| {
        let shoulders = 206.0 - half_height(x, CX, 84.0, 46.0);
        let shoulders = if (x - CX).abs() <= 84.0 {
            shoulders
        } else {
            f32::INFINITY
        };
        let collar = 174.0 - 1.3 * (x - CX).abs();
        (shoulders.max(collar), backdrop_bottom(x))
    });
    let seam = mix(shirt, Color32::BLACK, 0.25);
    canvas.curve(2.0, seam, |t| {
        let x = CX - 16.0 + 32.0 * t;
        let collar = 174.0 - 1.3 * (x - CX).abs();
        let shoulders = 206.0 - half_height(x, CX, 84.0, 46.0);
        (x, collar.max(shoulders))
    });
}

fn paint_head(canvas: &Canvas, skin: Color32, shade: Color32) {
    for side in [-1.0, 1.0] {
        canvas.ellipse((CX + side * 35.0, 95.0), (6.5, 9.0), skin);
        canvas.ellipse((CX + side * 35.5, 95.5), (3.0, 5.0), shade);
    }
    canvas.band(CX - HEAD_RX, CX + HEAD_RX, skin, |x| {
        let s = ((x - CX) / HEAD_RX).clamp(-1.0, 1.0);
        let top = HEAD_Y - HEAD_TOP * (1.0 - s * s).sqrt();
        // A little squarer at the jaw than an ellipse, tapering to the chin.
        let bottom = HEAD_Y + HEAD_BOTTOM * (1.0 - s.abs().powf(2.4)).powf(0.62);
        (top, bottom)
    });
}

fn paint_age(canvas: &Canvas, age: AgeGroup, shade: Color32) {
    let (alpha, lines) = match age {
        AgeGroup::Young => return,
        AgeGroup::Middle => (0.22, false),
        AgeGroup::Senior => (0.6, true),
    };
    let line = with_alpha(shade, alpha);
    let w = 1.3;
    // Smile lines from the nose to the mouth corners.
    for side in [-1.0, 1.0] {
        canvas.curve(w, line, |t| {
            (CX + side * (9.0 + 7.0 * t - 2.0 * t * t), 105.0 + 11.0 * t)
        });
    }
    if lines {
        for y in [64.0, 69.5] {
            canvas.curve(w, line, |t| {
                let x = CX - 12.0 + 24.0 * t;
                (x, y - 1.5 * (PI * t).sin())
            });
        }
        for side in [-1.0, 1.0] {
            for dy in [-2.5, 2.5] {
                let x0 = CX + side * (EYE_DX + 9.0);
                canvas.curve(1.1, line, |t| (x0 + side * 4.0 * t, EYE_Y + dy * (0.6 + t)));
            }
        }
    }
}

fn paint_eyes(canvas: &Canvas, face: Expression, skin: Color32) {
    let ink = Color32::from_rgb(44, 34, 34);
    let wide = ((face.eye_open - 1.0) / 0.3).clamp(0.0, 1.0);
    let open = face.eye_open.min(1.0);
    for side in [-1.0, 1.0] {
        let ex = CX + side * EYE_DX;
        let (rx, ry) = (4.6 + 0.8 * wide, 5.6 + 1.2 * wide);
        if wide > 0.0 {
            canvas.ellipse(
                (ex, EYE_Y),
                (rx + 2.6, ry + 2.2),
                with_alpha(Color32::WHITE, wide),
            );
        }
        canvas.ellipse((ex, EYE_Y), (rx, ry), ink);
        canvas.ellipse(
            (ex + 1.4, EYE_Y - 2.0),
            (1.4, 1.4),
            with_alpha(Color32::WHITE, 0.9),
        );
        // The lids, in skin, cover what is not showing. The upper lid slants with the
        // brows: in at the nose for anger, down at the temples for sadness.
        let inner_drop = (-face.brow_tilt).max(0.0) * 3.2;
        let outer_drop = face.brow_tilt.max(0.0) * 2.4;
        let lid = |x: f32| {
            let toward_outer = ((x - ex) * side / rx * 0.5 + 0.5).clamp(0.0, 1.0);
            EYE_Y - ry
                + (1.0 - open) * 2.0 * ry
                + inner_drop * (1.0 - toward_outer)
                + outer_drop * toward_outer
        };
        let lower = |x: f32| {
            let s = ((x - ex) / (rx + 1.0)).clamp(-1.0, 1.0);
            EYE_Y + ry + 0.5 - face.squint * 1.65 * ry * (1.0 - s * s)
        };
        let (x0, x1) = (ex - rx - 1.5, ex + rx + 1.5);
        canvas.band(x0, x1, skin, |x| (EYE_Y - ry - 3.0, lid(x)));
        canvas.band(x0, x1, skin, |x| (lower(x), EYE_Y + ry + 3.0));
        let lid_line = 1.0 - open;
        if lid_line > 0.05 {
            canvas.curve(1.6, with_alpha(ink, lid_line * 2.0), |t| {
                let x = ex - rx - 0.8 + (2.0 * rx + 1.6) * t;
                (x, lid(x))
            });
        }
    }
}

fn paint_brows(canvas: &Canvas, face: Expression, look: &Look, hair: Color32) {
    // Fair brows are drawn darker than the hair, or they vanish on fair skin.
    let colour = match look.hair_colour {
        HairColour::Blonde => mix(hair, Color32::from_rgb(90, 60, 30), 0.6),
        HairColour::Grey => mix(hair, Color32::BLACK, 0.3),
        _ => mix(hair, Color32::BLACK, 0.35),
    };
    for side in [-1.0_f32, 1.0] {
        let inner_x = CX + side * 5.5;
        let outer_x = CX + side * 22.0;
        // The doubting brow is the one on the viewer's right; the other drops a little.
        let cock = if side > 0.0 {
            -7.0 * face.brow_asymmetry
        } else {
            1.5 * face.brow_asymmetry
        };
        let base = 79.0 - 5.0 * face.brow_raise + cock;
        let inner_y = base - 5.0 * face.brow_tilt + 1.5;
        let outer_y = base + 2.0 * face.brow_tilt;
        let arch = 2.0 + 2.5 * face.brow_asymmetry * side.max(0.0);
        let (x0, x1) = if side < 0.0 {
            (outer_x, inner_x)
        } else {
            (inner_x, outer_x)
        };
        canvas.band(x0, x1, colour, |x| {
            let t = ((x - inner_x) / (outer_x - inner_x)).clamp(0.0, 1.0);
            let y = inner_y + (outer_y - inner_y) * t - arch * (PI * t).sin();
            let thick = 4.2 - 2.0 * t;
            (y - thick / 2.0, y + thick / 2.0)
        });
    }
}

fn paint_nose(canvas: &Canvas, shade: Color32) {
    canvas.curve(2.0, with_alpha(shade, 0.9), |t| {
        let a = PI * (0.15 + 0.7 * t);
        (CX - 4.5 * a.cos(), 103.0 + 2.5 * a.sin())
    });
}

fn paint_cheeks(canvas: &Canvas, face: Expression, skin: u8) {
    let warmth = (face.flush * 0.55).max(face.mouth_curve.max(0.0) * 0.3);
    if warmth <= 0.01 {
        return;
    }
    let red = if skin >= 4 {
        Color32::from_rgb(190, 60, 60)
    } else {
        Color32::from_rgb(235, 100, 100)
    };
    for side in [-1.0, 1.0] {
        canvas.ellipse(
            (CX + side * 21.0, 106.0),
            (7.5, 4.8),
            with_alpha(red, warmth),
        );
    }
}

fn paint_mouth(canvas: &Canvas, face: Expression, skin: Color32) {
    let half = 11.0 + 3.5 * face.mouth_curve.max(0.0) + 2.0 * face.mouth_open;
    let curve = face.mouth_curve;
    let upper = |x: f32| {
        let s = (x - CX) / half;
        MOUTH_Y - 6.0 * curve * s * s + 2.0 * curve - 4.0 * face.mouth_skew * s
    };
    // Open: a smile drops the lower lip into a D, a shout into an O-ish gape.
    let opening = face.mouth_open * (7.0 + 6.0 * curve.max(0.0) + 3.0 * (-curve).max(0.0));
    let lower = |x: f32| {
        let s = (x - CX) / half;
        let bulge = (1.0 - s * s).max(0.0);
        upper(x) + 2.6 * bulge.sqrt().max(0.35) + opening * bulge
    };
    let lips = mix(skin, Color32::from_rgb(80, 20, 30), 0.65);
    let inside = Color32::from_rgb(74, 24, 32);
    if face.mouth_open < 0.08 {
        canvas.band(CX - half, CX + half, lips, |x| (upper(x), lower(x)));
        return;
    }
    canvas.band(CX - half, CX + half, inside, |x| (upper(x), lower(x)));
    let teeth_depth = (opening * 0.4).min(4.0);
    canvas.band(
        CX - half * 0.8,
        CX + half * 0.8,
        Color32::from_rgb(248, 246, 240),
        |x| (upper(x) + 0.6, (upper(x) + teeth_depth).min(lower(x) - 1.0)),
    );
    canvas.curve(2.2, lips, |t| {
        let x = CX - half + 2.0 * half * t;
        (x, upper(x))
    });
    canvas.curve(2.2, lips, |t| {
        let x = CX - half + 2.0 * half * t;
        (x, lower(x))
    });
}

fn paint_tear(canvas: &Canvas, tear: f32) {
    if tear <= 0.02 {
        return;
    }
    let colour = with_alpha(Color32::from_rgb(110, 176, 240), tear);
    let (x, y) = (CX - EYE_DX - 4.0, EYE_Y + 11.0 + 3.0 * tear);
    canvas.ellipse((x, y), (2.6, 3.2), colour);
    canvas.painter.add(Shape::convex_polygon(
        vec![
            canvas.at(x, y - 7.0),
            canvas.at(x + 2.5, y - 1.0),
            canvas.at(x - 2.5, y - 1.0),
        ],
        colour,
        Stroke::NONE,
    ));
}

fn paint_glasses(canvas: &Canvas) {
    let frame = Color32::from_rgb(44, 44, 52);
    let lens = with_alpha(Color32::WHITE, 0.12);
    for side in [-1.0, 1.0] {
        let c = (CX + side * EYE_DX, EYE_Y);
        canvas.ellipse(c, (10.5, 9.0), lens);
        canvas.painter.add(Shape::ellipse_stroke(
            canvas.at(c.0, c.1),
            Vec2::new(10.5, 9.0) * canvas.u * ZOOM,
            Stroke::new(2.2 * canvas.u * ZOOM, frame),
        ));
        canvas.curve(2.0, frame, |t| {
            (CX + side * (EYE_DX + 10.5 + 10.0 * t), EYE_Y - 2.0 + t)
        });
    }
    canvas.curve(2.0, frame, |t| {
        (CX - 3.5 + 7.0 * t, EYE_Y - 1.0 - 1.5 * (PI * t).sin())
    });
}

fn paint_back_hair(canvas: &Canvas, look: &Look, hair: Color32) {
    match look.hair {
        Hair::Long => canvas.band(CX - 44.0, CX + 44.0, hair, |x| {
            let s = ((x - CX) / 44.0).clamp(-1.0, 1.0);
            let top = 88.0 - 48.0 * (1.0 - s * s).sqrt();
            (top, 150.0 - 12.0 * s.powi(6))
        }),
        Hair::Curly => {
            for i in 0..14 {
                let a = PI * (0.92 + 1.16 * i as f32 / 13.0);
                let (x, y) = (CX + 42.0 * a.cos(), 86.0 + 44.0 * a.sin());
                canvas.ellipse((x, y), (11.0, 11.0), hair);
            }
        }
        Hair::Bun => {
            canvas.ellipse((CX, 40.0), (14.0, 13.0), hair);
        }
        // What is left at the sides, peeking out behind the head.
        Hair::Bald if look.age != AgeGroup::Young => {
            for side in [-1.0, 1.0] {
                canvas.ellipse((CX + side * 32.0, 87.0), (8.0, 12.0), hair);
            }
        }
        Hair::Short | Hair::Bald => {}
    }
}

fn paint_front_hair(canvas: &Canvas, look: &Look, hair: Color32) {
    let cap = |hairline: &dyn Fn(f32) -> f32, rx: f32, ry: f32, cy: f32| {
        canvas.band(CX - rx, CX + rx, hair, |x| {
            let h = half_height(x, CX, rx, ry);
            (cy - h, (cy + h).min(hairline(x)))
        });
    };
    match look.hair {
        Hair::Short => cap(
            &|x: f32| {
                // Swept to one side, down to the sideburns.
                let d = (x - CX) / 36.0;
                58.0 + 6.0 * d + 28.0 * d.abs().powi(4)
            },
            39.0,
            47.0,
            88.0,
        ),
        Hair::Long => cap(
            &|x: f32| 55.0 + 40.0 * ((x - CX).abs() / 38.0).powf(1.6),
            40.0,
            48.0,
            88.0,
        ),
        Hair::Bun => cap(
            &|x: f32| 54.0 + 34.0 * ((x - CX).abs() / 37.0).powi(3),
            38.0,
            45.0,
            89.0,
        ),
        Hair::Curly => {
            cap(
                &|x: f32| 60.0 + 30.0 * ((x - CX).abs() / 37.0).powi(3),
                40.0,
                47.0,
                88.0,
            );
            for i in 0..7 {
                let x = CX - 27.0 + 9.0 * i as f32;
                let y = 60.0 + 30.0 * ((x - CX).abs() / 37.0).powi(3) - 1.0;
                canvas.ellipse((x, y), (6.0, 5.0), hair);
            }
        }
        Hair::Bald => {
            let shine = with_alpha(Color32::WHITE, 0.18);
            canvas.ellipse((CX - 12.0, 56.0), (9.0, 5.0), shine);
        }
    }
}

fn paint_reaction(canvas: &Canvas, reaction: Reaction, t: f32, dark: bool) {
    let fade = 1.0 - t;
    let pulse = (PI * t).sin();
    // Deeper on a light theme, so the ring and the badge's white mark keep their contrast.
    let colour = match (reaction, dark) {
        (Reaction::Good, true) => Color32::from_rgb(70, 190, 110),
        (Reaction::Good, false) => Color32::from_rgb(30, 145, 70),
        (Reaction::Bad, true) => Color32::from_rgb(226, 78, 68),
        (Reaction::Bad, false) => Color32::from_rgb(200, 50, 45),
    };
    for (grow, alpha) in [(0.0, 0.9), (3.0, 0.45), (6.0, 0.2)] {
        canvas.circle_stroke(
            (CX, 100.0),
            (BACKDROP - 1.5 - grow * pulse) / ZOOM,
            3.0,
            with_alpha(colour, alpha * fade),
        );
    }
    // A badge with a tick or a cross, popping in: the shape says it as well as the colour.
    let pop = (t * 5.0).min(1.0);
    let r = 15.0 * (0.6 + 0.4 * pop);
    let (bx, by) = (158.0, 158.0);
    canvas.ellipse((bx, by), (r, r), with_alpha(colour, fade.sqrt()));
    let ink = with_alpha(Color32::WHITE, fade.sqrt());
    let k = r / 15.0;
    match reaction {
        Reaction::Good => canvas.curve(3.2, ink, |s| {
            if s < 0.35 {
                let u = s / 0.35;
                (bx - 7.0 * k + 5.0 * k * u, by + 5.0 * k * u - 1.0 * k)
            } else {
                let u = (s - 0.35) / 0.65;
                (bx - 2.0 * k + 10.0 * k * u, by + 4.0 * k - 11.0 * k * u)
            }
        }),
        Reaction::Bad => {
            for dir in [-1.0, 1.0] {
                canvas.curve(3.2, ink, |s| {
                    let d = 6.0 * k * (2.0 * s - 1.0);
                    (bx + d, by + dir * d)
                });
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [Emotion; 11] = Emotion::ALL;

    #[test]
    fn furious_lowers_the_brows_inward_and_frowns() {
        let f = expression(Emotion::Furious, 50.0);
        assert!(f.brow_tilt < -0.8, "{f:?}");
        assert!(f.brow_raise < -0.3, "{f:?}");
        assert!(f.mouth_curve < -0.6, "{f:?}");
        assert!(f.flush > 0.8, "{f:?}");
    }

    #[test]
    fn delighted_smiles_broadly_with_smiling_eyes() {
        let d = expression(Emotion::Delighted, 50.0);
        assert!(d.mouth_curve > 0.9, "{d:?}");
        assert!(d.mouth_open > 0.4, "{d:?}");
        assert!(d.squint > 0.8, "{d:?}");
        assert!(d.brow_raise > 0.5, "{d:?}");
    }

    #[test]
    fn sceptical_cocks_one_brow_and_twists_the_mouth() {
        let s = expression(Emotion::Sceptical, 50.0);
        assert!(s.brow_asymmetry > 0.8, "{s:?}");
        assert!(s.mouth_skew.abs() > 0.5, "{s:?}");
        for other in ALL.into_iter().filter(|e| *e != Emotion::Sceptical) {
            assert!(
                expression(other, 50.0).brow_asymmetry < 0.2,
                "{other:?} should keep its brows level"
            );
        }
    }

    #[test]
    fn upset_and_angry_differ_in_the_brows() {
        let upset = expression(Emotion::Upset, 50.0);
        let angry = expression(Emotion::Angry, 50.0);
        assert!(upset.brow_tilt > 0.5 && angry.brow_tilt < -0.5);
        assert!(upset.tear > 0.5 && angry.tear == 0.0);
    }

    #[test]
    fn the_smile_grows_from_angry_to_delighted_at_any_mood() {
        let order = [
            Emotion::Furious,
            Emotion::Angry,
            Emotion::Upset,
            Emotion::Neutral,
            Emotion::Calmer,
            Emotion::Relieved,
            Emotion::Pleased,
            Emotion::Delighted,
        ];
        for mood in [0.0, 25.0, 50.0, 75.0, 100.0] {
            let smiles: Vec<f32> = order
                .iter()
                .map(|e| expression(*e, mood).mouth_curve)
                .collect();
            for (pair, names) in smiles.windows(2).zip(order.windows(2)) {
                assert!(
                    pair[0] < pair[1],
                    "at mood {mood}: {:?} {} !< {:?} {}",
                    names[0],
                    pair[0],
                    names[1],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn a_low_mood_darkens_a_neutral_line_and_a_high_one_warms_it() {
        let low = expression(Emotion::Neutral, 10.0);
        let even = expression(Emotion::Neutral, 50.0);
        let high = expression(Emotion::Neutral, 90.0);
        assert!(low.mouth_curve < even.mouth_curve && even.mouth_curve < high.mouth_curve);
        assert!(low.flush > even.flush);
        assert_eq!(even, Expression::NEUTRAL);
    }

    #[test]
    fn every_muscle_stays_in_range_even_for_odd_moods() {
        for emotion in ALL {
            for mood in [-20.0, 0.0, 33.0, 100.0, 250.0, f64::NAN] {
                let e = expression(emotion, mood);
                assert_eq!(e, e.clamped(), "{emotion:?} at {mood}");
                assert!(
                    e.clone().muscles_mut().iter().all(|(_, v)| v.is_finite()),
                    "{emotion:?} at {mood}"
                );
            }
        }
    }

    #[test]
    fn a_reaction_shows_for_about_a_second_then_ends() {
        let mut p = Portrait::default();
        assert_eq!(p.reaction_at(0.0), None);
        p.react(Reaction::Bad, 10.0);
        assert_eq!(p.reaction_at(9.9), None, "not before it starts");
        assert_eq!(p.reaction_at(10.0), Some((Reaction::Bad, 0.0)));
        let (r, t) = p.reaction_at(10.55).expect("halfway");
        assert_eq!(r, Reaction::Bad);
        assert!((t - 0.5).abs() < 0.01);
        assert_eq!(p.reaction_at(10.0 + REACTION_SECS + 0.01), None, "over");
        p.react(Reaction::Good, 11.0);
        assert_eq!(p.reaction_at(11.2).map(|(r, _)| r), Some(Reaction::Good));
    }

    #[test]
    fn the_label_names_the_customer_and_the_emotion() {
        assert_eq!(
            describe("Dana Reyes", Emotion::Angry),
            "Dana Reyes looks angry"
        );
        assert_eq!(describe("Dana", Emotion::Relieved), "Dana looks relieved");
    }
}
