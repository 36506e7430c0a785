//! Voices for the customer's lines: which espeak-ng voice, pitch, speed and loudness say
//! each line of a scenario, and where its clip lives under `assets/`.
//!
//! It only derives values from a scenario. It never runs espeak-ng, never reads or writes
//! a file and never plays a sound: `.ci/voices` synthesises the clips from what
//! `turnaround voice-lines --json` prints, and the app plays them. The mapping is
//! described in `docs/voices.md`; a change here changes every committed clip, so
//! regenerate them (`bash .ci/voices`) in the same commit.

use serde::Serialize;

use crate::scenario::{AgeGroup, Customer, Emotion, Node, Scenario};

/// The folder, inside the assets folder, that holds the generated clips.
pub const VOICES_DIR: &str = "voices";

/// The file extension of a generated clip (Ogg Vorbis).
pub const CLIP_EXTENSION: &str = "ogg";

/// Where the generated clip of a customer line lives, relative to the assets folder:
/// `voices/<scenario id>/<node id>.ogg`. Ids never change once shipped, so neither do
/// the paths.
pub fn clip_path(scenario_id: &str, node_id: &str) -> String {
    format!("{VOICES_DIR}/{scenario_id}/{node_id}.{CLIP_EXTENSION}")
}

/// Which set of espeak-ng voice variants a persona speaks with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Register {
    Female,
    Male,
}

/// espeak-ng's female variants used, in the order the name's hash picks from.
const FEMALE_VARIANTS: [&str; 4] = ["f1", "f2", "f3", "f4"];
/// espeak-ng's male variants used, in the order the name's hash picks from.
const MALE_VARIANTS: [&str; 5] = ["m1", "m2", "m3", "m4", "m7"];

/// The pitch (0-99) and speed (words a minute) every persona starts from, before the
/// name's jitter and the age shift.
const BASE_PITCH: i32 = 50;
const BASE_SPEED: i32 = 160;

/// How one customer sounds on a neutral line. Derived from the `Customer` alone, so the
/// same persona always gets the same voice, in every scenario that uses it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Persona {
    pub register: Register,
    /// espeak-ng's language voice: `en-gb` or `en-us`.
    pub accent: &'static str,
    /// espeak-ng's voice variant: `f1`...`f4` or `m1`...`m7`.
    pub variant: &'static str,
    /// Base pitch, 0-99 (espeak-ng's `-p`; 50 is its default).
    pub pitch: u8,
    /// Base speed in words a minute (espeak-ng's `-s`; 175 is its default).
    pub speed: u16,
}

impl Persona {
    /// The voice as espeak-ng's `-v` takes it, e.g. `en-gb+f3`.
    pub fn voice(&self) -> String {
        format!("{}+{}", self.accent, self.variant)
    }
}

/// How one line is said: the persona shifted by the line's emotion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Speech {
    /// espeak-ng's `-v`, e.g. `en-gb+f3`.
    pub voice: String,
    /// espeak-ng's `-p`, 0-99.
    pub pitch: u8,
    /// espeak-ng's `-s`, words a minute, 80-450.
    pub speed: u16,
    /// espeak-ng's `-a`, 0-200 (100 is its default).
    pub amplitude: u8,
    /// espeak-ng's `-g`: extra pause between words, in units of 10 ms.
    pub word_gap: u8,
}

impl Speech {
    /// The espeak-ng options that say a line this way (the text and output go after).
    pub fn espeak_args(&self) -> Vec<String> {
        vec![
            "-v".into(),
            self.voice.clone(),
            "-p".into(),
            self.pitch.to_string(),
            "-s".into(),
            self.speed.to_string(),
            "-a".into(),
            self.amplitude.to_string(),
            "-g".into(),
            self.word_gap.to_string(),
        ]
    }
}

/// A stable 64-bit hash of a name (FNV-1a). The standard library's hasher may change
/// between Rust releases, and a changed hash would change every clip.
fn name_hash(name: &str) -> u64 {
    name.trim().bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// The register the customer's own description implies: the pronouns in `problem` and
/// `wants` ("she", "her"... against "he", "his"...), the majority winning. With no
/// pronouns, or as many of each, the name's hash decides.
fn register(customer: &Customer, hash: u64) -> Register {
    let (mut female, mut male) = (0, 0);
    let text = format!("{} {}", customer.problem, customer.wants).to_lowercase();
    for word in text.split(|c: char| !c.is_alphabetic()) {
        match word {
            "she" | "her" | "hers" | "herself" => female += 1,
            "he" | "him" | "his" | "himself" => male += 1,
            _ => {}
        }
    }
    match female.cmp(&male) {
        std::cmp::Ordering::Greater => Register::Female,
        std::cmp::Ordering::Less => Register::Male,
        std::cmp::Ordering::Equal if hash.is_multiple_of(2) => Register::Female,
        std::cmp::Ordering::Equal => Register::Male,
    }
}

/// The accent the customer's money implies: dollars `en-us`, pounds or euros `en-gb`;
/// with neither, or both, the name's hash decides.
fn accent(customer: &Customer, hash: u64) -> &'static str {
    let text = format!("{} {}", customer.problem, customer.wants);
    let dollars = text.contains('$');
    let pounds = text.contains('£') || text.contains('€');
    match (dollars, pounds) {
        (true, false) => "en-us",
        (false, true) => "en-gb",
        _ if (hash >> 24).is_multiple_of(2) => "en-gb",
        _ => "en-us",
    }
}

/// The persona's voice, derived from the customer: register and accent from the
/// description, the variant and a small jitter of pitch and speed from a hash of the
/// name, and the age group shifting both (the young faster and higher, seniors slower
/// and lower).
pub fn persona(customer: &Customer) -> Persona {
    let hash = name_hash(&customer.name);
    let register = register(customer, hash);
    let variants: &[&'static str] = match register {
        Register::Female => &FEMALE_VARIANTS,
        Register::Male => &MALE_VARIANTS,
    };
    // Each choice reads its own bits of the hash, so they vary independently.
    let variant = variants[((hash >> 8) % variants.len() as u64) as usize];
    let pitch_jitter = ((hash >> 32) % 13) as i32 - 6;
    let speed_jitter = ((hash >> 40) % 17) as i32 - 8;
    let (age_pitch, age_speed) = match customer.look.age {
        AgeGroup::Young => (6, 12),
        AgeGroup::Middle => (0, 0),
        AgeGroup::Senior => (-10, -22),
    };
    Persona {
        register,
        accent: accent(customer, hash),
        variant,
        pitch: clamp_pitch(BASE_PITCH + pitch_jitter + age_pitch),
        speed: clamp_speed(BASE_SPEED + speed_jitter + age_speed),
    }
}

/// How an emotion shifts a persona's voice: (pitch, speed, amplitude, word gap).
/// Amplitude stays at 125 or below: above it espeak-ng's output runs into full scale.
/// Anger is faster and louder; distress higher; scepticism slower with pauses between
/// words; calm slower and softer; relief and delight higher and brighter.
fn emotion_shift(emotion: Emotion) -> (i32, i32, u8, u8) {
    match emotion {
        Emotion::Furious => (4, 30, 125, 0),
        Emotion::Angry => (2, 20, 118, 0),
        Emotion::Frustrated => (0, 10, 110, 0),
        Emotion::Upset => (10, -5, 100, 0),
        Emotion::Anxious => (12, 15, 100, 0),
        Emotion::Sceptical => (-4, -10, 100, 2),
        Emotion::Neutral => (0, 0, 100, 0),
        Emotion::Calmer => (-2, -10, 90, 1),
        Emotion::Relieved => (6, -5, 100, 0),
        Emotion::Pleased => (6, 0, 102, 0),
        Emotion::Delighted => (12, 10, 110, 0),
    }
}

/// How the persona says a line with this emotion.
pub fn speech(persona: &Persona, emotion: Emotion) -> Speech {
    let (pitch, speed, amplitude, word_gap) = emotion_shift(emotion);
    Speech {
        voice: persona.voice(),
        pitch: clamp_pitch(i32::from(persona.pitch) + pitch),
        speed: clamp_speed(i32::from(persona.speed) + speed),
        amplitude,
        word_gap,
    }
}

fn clamp_pitch(p: i32) -> u8 {
    // Clamped into 0..=99, so the conversion cannot fail.
    u8::try_from(p.clamp(0, 99)).unwrap_or(50)
}

fn clamp_speed(s: i32) -> u16 {
    // Clamped into 80..=450, so the conversion cannot fail.
    u16::try_from(s.clamp(80, 450)).unwrap_or(160)
}

/// One thing the customer says: a `Line` or an `Ending`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CustomerLine<'a> {
    pub node: &'a str,
    pub say: &'a str,
    pub emotion: Emotion,
    /// The clip the author named with `audio:`, which the app prefers to a generated one.
    pub audio: Option<&'a str>,
}

/// Every line the customer says in a scenario, in file order: each `Line` and each
/// `Ending`. Each is voiced by a generated clip at `clip_path` when the scenario is a
/// built-in one.
pub fn customer_lines(scenario: &Scenario) -> Vec<CustomerLine<'_>> {
    scenario
        .nodes
        .iter()
        .filter_map(|node| match node {
            Node::Line(l) => Some(CustomerLine {
                node: &l.id,
                say: &l.say,
                emotion: l.emotion,
                audio: l.audio.as_deref(),
            }),
            Node::Ending(e) => Some(CustomerLine {
                node: &e.id,
                say: &e.say,
                emotion: e.emotion,
                audio: e.audio.as_deref(),
            }),
            Node::Choice(_) | Node::FreeText(_) => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::{Hair, HairColour, Look};

    fn customer(name: &str, age: AgeGroup, problem: &str) -> Customer {
        Customer {
            name: name.into(),
            look: Look {
                skin: 2,
                hair: Hair::Short,
                hair_colour: HairColour::Brown,
                glasses: false,
                age,
            },
            problem: problem.into(),
            wants: String::new(),
            mood: 30,
            patience: 60,
            loyalty_baseline: 70,
            damage: 30,
            recovery_threshold: None,
        }
    }

    #[test]
    fn same_customer_same_voice() {
        let c = customer("Ada Byrne", AgeGroup::Middle, "She paid £40.");
        assert_eq!(persona(&c), persona(&c.clone()));
        assert_eq!(
            speech(&persona(&c), Emotion::Angry),
            speech(&persona(&c), Emotion::Angry)
        );
    }

    #[test]
    fn description_sets_register_and_accent() {
        let her = persona(&customer("Sam Lee", AgeGroup::Middle, "She lost her £40."));
        let him = persona(&customer("Sam Lee", AgeGroup::Middle, "He lost his $40."));
        assert_eq!((her.register, her.accent), (Register::Female, "en-gb"));
        assert!(her.variant.starts_with('f'), "{her:?}");
        assert_eq!((him.register, him.accent), (Register::Male, "en-us"));
        assert!(him.variant.starts_with('m'), "{him:?}");
    }

    #[test]
    fn different_personas_differ() {
        let names = ["Ada Byrne", "Bea Cole", "Cai Dunn", "Dee Evans", "Eli Fox"];
        let voices: std::collections::BTreeSet<_> = names
            .iter()
            .map(|n| persona(&customer(n, AgeGroup::Middle, "She called.")))
            .map(|p| (p.voice(), p.pitch, p.speed))
            .collect();
        assert_eq!(voices.len(), names.len(), "{voices:?}");
    }

    #[test]
    fn seniors_slower_and_lower_than_the_young() {
        let young = persona(&customer("Ada Byrne", AgeGroup::Young, ""));
        let senior = persona(&customer("Ada Byrne", AgeGroup::Senior, ""));
        assert!(senior.speed < young.speed && senior.pitch < young.pitch);
    }

    #[test]
    fn anger_is_faster_and_louder_distress_higher() {
        let p = persona(&customer("Ada Byrne", AgeGroup::Middle, ""));
        let neutral = speech(&p, Emotion::Neutral);
        let furious = speech(&p, Emotion::Furious);
        let anxious = speech(&p, Emotion::Anxious);
        assert!(furious.speed > neutral.speed && furious.amplitude > neutral.amplitude);
        assert!(anxious.pitch > neutral.pitch);
        assert_eq!(neutral.espeak_args()[..2], ["-v", &p.voice()]);
    }

    #[test]
    fn clip_path_convention() {
        assert_eq!(
            clip_path("hotel-noisy-room", "open"),
            "voices/hotel-noisy-room/open.ogg"
        );
    }
}
