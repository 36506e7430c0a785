//! The customer's portrait through the accessibility tree: a screen reader hears who it
//! is and how they look, the announcement follows the emotion, and a reaction to a reply
//! plays out and settles instead of repainting for ever.

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use turnaround::scenario::{AgeGroup, Emotion, Hair, HairColour, Look};
use turnaround::ui::portrait::{Portrait, REACTION_SECS, Reaction};

const EMOTIONS: [Emotion; 11] = Emotion::ALL;

/// What the test shows: one portrait, the line's emotion and mood, and a reaction to
/// start at the next frame (as the play screen would when a reply is scored).
struct Shown {
    portrait: Portrait,
    emotion: Emotion,
    mood: f64,
    react: Option<Reaction>,
}

fn dana() -> Look {
    Look {
        skin: 2,
        hair: Hair::Long,
        hair_colour: HairColour::Brown,
        glasses: true,
        age: AgeGroup::Middle,
    }
}

fn portrait(emotion: Emotion) -> Harness<'static, Shown> {
    Harness::new_ui_state(
        |ui, shown: &mut Shown| {
            if let Some(reaction) = shown.react.take() {
                let now = ui.input(|i| i.time);
                shown.portrait.react(reaction, now);
            }
            shown
                .portrait
                .ui(ui, &dana(), "Dana", shown.emotion, shown.mood, 160.0);
        },
        Shown {
            portrait: Portrait::default(),
            emotion,
            mood: 30.0,
            react: None,
        },
    )
}

#[track_caller]
fn check_announced(h: &Harness<'static, Shown>, emotion: Emotion) {
    h.get_by_label(&format!("Dana looks {}", emotion.label()));
    for other in EMOTIONS.into_iter().filter(|e| *e != emotion) {
        let stale = format!("Dana looks {}", other.label());
        assert!(
            h.query_by_label(&stale).is_none(),
            "{stale:?} still announced while {emotion:?}"
        );
    }
}

#[test]
fn portrait_announces_the_customer_and_follows_each_emotion() {
    let mut h = portrait(Emotion::Neutral);
    h.run();
    check_announced(&h, Emotion::Neutral);
    for emotion in EMOTIONS {
        h.state_mut().emotion = emotion;
        h.run();
        check_announced(&h, emotion);
    }
}

#[test]
fn portrait_reaction_plays_out_then_settles() {
    for reaction in [Reaction::Good, Reaction::Bad] {
        let mut h = portrait(Emotion::Angry);
        h.run();
        h.state_mut().react = Some(reaction);
        h.step();
        let now = h.ctx.input(|i| i.time);
        assert!(
            h.state().portrait.reaction_at(now).is_some(),
            "{reaction:?} showing"
        );
        check_announced(&h, Emotion::Angry);
        // Long enough for the reaction to end; then the portrait must stop asking for
        // frames, or `run` gives up.
        let steps = (REACTION_SECS / 0.25).ceil() as usize + 1;
        h.run_steps(steps);
        h.run();
        let now = h.ctx.input(|i| i.time);
        assert_eq!(h.state().portrait.reaction_at(now), None, "{reaction:?}");
    }
}
