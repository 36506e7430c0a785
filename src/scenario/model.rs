//! The scenario as a trainer writes it: plain data, deserialised from RON.
//!
//! This file owns the shape of the format and nothing else. It never reads files (see
//! `load`) and never judges content (see `validate`); every field here has a documented
//! meaning in `docs/scenario-format.md`.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// The format version this build reads and writes.
pub const FORMAT_VERSION: u32 = 1;

/// The pass mark used when a scenario does not set one (PRODUCT.md).
pub const DEFAULT_PASS_MARK: u8 = 70;

/// The per-dimension floor used when a scenario does not set one (PRODUCT.md).
pub const DEFAULT_FLOOR: u8 = 50;

/// The highest level a reply can earn on a dimension.
pub const MAX_LEVEL: u8 = 4;

/// One role-play: an upset customer, what went wrong, and the conversation graph.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// The version of the file format, so old files can be migrated rather than misread.
    pub format: u32,
    /// Stable id; attempts and overrides refer to it, so it never changes once shipped.
    pub id: String,
    pub title: String,
    pub industry: String,
    /// One line for the library card.
    pub summary: String,
    pub difficulty: Difficulty,
    /// The estimated time to play, for the library card.
    pub minutes: u32,
    /// The overall score (0-100) needed to pass; `DEFAULT_PASS_MARK` when absent.
    #[serde(default)]
    pub pass_mark: Option<u8>,
    /// The score (0-100) every dimension must reach to pass; `DEFAULT_FLOOR` when absent.
    #[serde(default)]
    pub floor: Option<u8>,
    pub customer: Customer,
    /// The id of the first node.
    pub start: String,
    pub nodes: Vec<Node>,
    /// The scenario's texts in other languages, by language code (`"es"`), under the
    /// same node ids. Not part of the content version: translating a scenario does not
    /// change what an attempt is scored against (PRODUCT.md). See `Scenario::localized`.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub translations: BTreeMap<String, Translation>,
    /// Node positions by id, built on the first look-up. Not part of the format.
    #[serde(skip)]
    index: NodeIndex,
    /// Set on a copy made by `Scenario::localized`; `None` on a scenario as written.
    /// Not part of the format.
    #[serde(skip)]
    pub(super) localization: Option<Localization>,
}

/// What a localized copy remembers about how it was made.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Localization {
    /// The language code of the translation applied.
    pub(super) language: String,
    /// The original's content version, which the copy keeps (PRODUCT.md).
    pub(super) version: String,
    /// Typed turns that became choice turns because the scorer cannot read `language`.
    pub(super) typed_as_choices: std::collections::BTreeSet<String>,
}

/// Where each node id first appears in `Scenario::nodes`, so a look-up in a 10,000-node
/// scenario costs one hash instead of a scan. It is a cache, built once: every hit is
/// checked against the node it points at, and a miss falls back to a scan, so a node
/// list changed after the first look-up still finds a node with the id (though not
/// always the first, should a duplicate id have been put before it). Nothing changes
/// the nodes of a loaded scenario today.
#[derive(Debug, Default, Clone)]
struct NodeIndex(std::sync::OnceLock<crate::fasthash::FastMap<String, usize>>);

impl PartialEq for NodeIndex {
    /// Scenarios are equal by their content; the cache never makes them differ.
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Scenario {
    /// The pass mark in force for this scenario.
    pub fn pass_mark(&self) -> u8 {
        self.pass_mark.unwrap_or(DEFAULT_PASS_MARK)
    }

    /// The floor in force for this scenario.
    pub fn floor(&self) -> u8 {
        self.floor.unwrap_or(DEFAULT_FLOOR)
    }

    /// Looks a node up by id.
    pub fn node(&self, id: &str) -> Option<&Node> {
        let index = self.index.0.get_or_init(|| {
            let mut index = crate::fasthash::FastMap::default();
            for (i, n) in self.nodes.iter().enumerate() {
                index.entry(n.id().to_string()).or_insert(i);
            }
            index
        });
        match index.get(id).and_then(|&i| self.nodes.get(i)) {
            Some(n) if n.id() == id => Some(n),
            _ => self.nodes.iter().find(|n| n.id() == id),
        }
    }
}

/// How hard a scenario is, as shown on the library card.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Difficulty {
    Beginner,
    Intermediate,
    Advanced,
}

impl Difficulty {
    /// Every difficulty, easiest first.
    pub const ALL: [Difficulty; 3] = [
        Difficulty::Beginner,
        Difficulty::Intermediate,
        Difficulty::Advanced,
    ];

    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Difficulty::Beginner => "Beginner",
            Difficulty::Intermediate => "Intermediate",
            Difficulty::Advanced => "Advanced",
        }
    }
}

/// The upset customer and the damage the failure did.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Customer {
    pub name: String,
    /// A few parameters for the drawn portrait.
    pub look: Look,
    /// What went wrong, in the narrator's words (shown before play starts).
    pub problem: String,
    /// What the customer wants out of this conversation.
    pub wants: String,
    /// Mood at the start, 0 (furious) to 100 (delighted).
    pub mood: u8,
    /// Seconds the customer waits for a reply before getting more annoyed.
    pub patience: u32,
    /// Loyalty (0-100) this customer had before anything went wrong.
    pub loyalty_baseline: u8,
    /// How much loyalty the failure cost; play starts at `loyalty_baseline - damage`.
    pub damage: u8,
    /// Loyalty below which the customer is lost. Defaults to halfway between the
    /// starting loyalty and the baseline.
    #[serde(default)]
    pub recovery_threshold: Option<u8>,
}

impl Customer {
    /// Loyalty at the first line: the baseline minus the failure's damage.
    pub fn starting_loyalty(&self) -> u8 {
        self.loyalty_baseline.saturating_sub(self.damage)
    }

    /// The loyalty a trainee must reach for the customer to count as recovered.
    pub fn recovery_threshold(&self) -> u8 {
        self.recovery_threshold
            .unwrap_or_else(|| self.loyalty_baseline.saturating_sub(self.damage / 2))
    }
}

/// Portrait parameters. Kept few on purpose: trainers pick, they do not draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Look {
    /// 0 (lightest) to 5 (darkest).
    pub skin: u8,
    pub hair: Hair,
    pub hair_colour: HairColour,
    #[serde(default)]
    pub glasses: bool,
    pub age: AgeGroup,
}

/// Hair styles the portrait can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Hair {
    Short,
    Long,
    Curly,
    Bun,
    Bald,
}

/// Hair colours the portrait can draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HairColour {
    Black,
    Brown,
    Blonde,
    Red,
    Grey,
}

/// A rough age for the portrait.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AgeGroup {
    Young,
    Middle,
    Senior,
}

/// How the customer sounds and looks while saying a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Emotion {
    Furious,
    Angry,
    Frustrated,
    Upset,
    Anxious,
    Sceptical,
    Neutral,
    Calmer,
    Relieved,
    Pleased,
    Delighted,
}

impl Emotion {
    /// Every emotion, from the angriest to the happiest.
    pub const ALL: [Emotion; 11] = [
        Emotion::Furious,
        Emotion::Angry,
        Emotion::Frustrated,
        Emotion::Upset,
        Emotion::Anxious,
        Emotion::Sceptical,
        Emotion::Neutral,
        Emotion::Calmer,
        Emotion::Relieved,
        Emotion::Pleased,
        Emotion::Delighted,
    ];

    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Emotion::Furious => "furious",
            Emotion::Angry => "angry",
            Emotion::Frustrated => "frustrated",
            Emotion::Upset => "upset",
            Emotion::Anxious => "anxious",
            Emotion::Sceptical => "sceptical",
            Emotion::Neutral => "neutral",
            Emotion::Calmer => "calmer",
            Emotion::Relieved => "relieved",
            Emotion::Pleased => "pleased",
            Emotion::Delighted => "delighted",
        }
    }
}

/// A node in the conversation graph. Every node has a stable id.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Node {
    /// The customer speaks, then the conversation moves on to `next`.
    Line(Line),
    /// The trainee picks one of 2-4 authored replies.
    Choice(ChoiceTurn),
    /// The trainee types a reply, which the scorer judges.
    FreeText(FreeTextTurn),
    /// The conversation ends with the customer's last words.
    Ending(Ending),
}

impl Node {
    /// The node's stable id.
    pub fn id(&self) -> &str {
        match self {
            Node::Line(n) => &n.id,
            Node::Choice(n) => &n.id,
            Node::FreeText(n) => &n.id,
            Node::Ending(n) => &n.id,
        }
    }

    /// True for nodes where the trainee replies.
    pub fn is_turn(&self) -> bool {
        matches!(self, Node::Choice(_) | Node::FreeText(_))
    }

    /// The ids this node can lead to, in authored order: a typed turn's branches, then
    /// the choices it offers instead of typing in a language the scorer cannot read.
    pub fn links(&self) -> Vec<&str> {
        match self {
            Node::Line(n) => vec![n.next.as_str()],
            Node::Choice(n) => n.choices.iter().map(|c| c.next.as_str()).collect(),
            Node::FreeText(n) => n
                .branches
                .iter()
                .map(|b| b.next.as_str())
                .chain(n.choices.iter().map(|c| c.next.as_str()))
                .collect(),
            Node::Ending(_) => Vec::new(),
        }
    }

    /// The kind of node, as a trainer calls it in the file.
    pub fn kind(&self) -> &'static str {
        match self {
            Node::Line(_) => "Line",
            Node::Choice(_) => "Choice",
            Node::FreeText(_) => "FreeText",
            Node::Ending(_) => "Ending",
        }
    }
}

/// The customer says something.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Line {
    pub id: String,
    pub say: String,
    pub emotion: Emotion,
    /// A voice clip, relative to the scenario's `assets/` folder.
    #[serde(default)]
    pub audio: Option<String>,
    pub next: String,
}

/// A turn where the trainee picks one authored reply.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceTurn {
    pub id: String,
    /// An optional nudge shown above the choices ("The customer is waiting.").
    #[serde(default)]
    pub prompt: Option<String>,
    pub choices: Vec<Choice>,
    /// What an excellent reply would have said, shown in the debrief.
    #[serde(default)]
    pub model: String,
}

impl ChoiceTurn {
    /// Of the replies shown (by text), the position of the one with the highest level
    /// sum: the best authored answer on offer.
    pub fn best_of(&self, shown: &[String]) -> Option<usize> {
        (0..shown.len()).max_by_key(|&i| {
            self.choices
                .iter()
                .find(|c| c.text == shown[i])
                .map_or(0, |c| {
                    u32::from(c.levels.active_listening)
                        + u32::from(c.levels.ownership)
                        + u32::from(c.levels.exceeding_expectations)
                })
        })
    }
}

/// One authored reply to pick.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    pub text: String,
    pub levels: Levels,
    /// Why this reply earned its levels, in a sentence the trainee reads.
    pub feedback: String,
    /// How much the customer's mood moves (negative calms nothing).
    pub mood: i32,
    pub next: String,
    /// The mistake this reply makes, when it is a realistic wrong answer.
    #[serde(default)]
    pub trap: Option<Trap>,
}

/// A turn where the trainee types what they would really say.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FreeTextTurn {
    pub id: String,
    #[serde(default)]
    pub prompt: Option<String>,
    /// What the scorer may use to judge this reply beyond its generic rules.
    #[serde(default)]
    pub hints: Hints,
    /// Where to go, by the reply's overall score: the first branch whose `at_least` the
    /// score reaches, checked from the highest threshold down.
    pub branches: Vec<Branch>,
    pub model: String,
    /// Replies offered instead of typing when the scorer cannot read the language the
    /// scenario is played in (see `Scenario::localized`); 2-4 when given. Original
    /// content, so they are part of the version; left out of the canonical form when
    /// empty, so adding the field changed no existing scenario's version.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Choice>,
}

/// Turn-specific knowledge for the scorer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Hints {
    /// The facts the customer stated, each with the words that also count as restating it.
    #[serde(default)]
    pub facts: Vec<Fact>,
    /// The fix the customer expects.
    #[serde(default)]
    pub fix: Vec<String>,
    /// Extras that would delight this customer.
    #[serde(default)]
    pub delight: Vec<String>,
    /// Promises staff must not make.
    #[serde(default)]
    pub forbidden: Vec<String>,
}

/// A fact the customer stated, and other ways of saying it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact {
    pub fact: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
}

/// One language's texts for a scenario, under the original's node ids. Every field may be
/// left out or empty: a missing text falls back to the original's (and the validator
/// warns). Levels, moods, links and ids are never translated, so scores stay comparable.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Translation {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// The customer's `problem`. The customer's name is never translated.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub problem: String,
    /// The customer's `wants`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub wants: String,
    /// Each node's texts, by node id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub texts: BTreeMap<String, NodeTexts>,
}

/// One node's texts in another language. Which fields apply depends on the node: a
/// `Line` or `Ending` has `say`; a `Choice` turn has `prompt`, `choices` and `model`; a
/// `FreeText` turn has `prompt`, `model`, `hints` and its fallback `choices`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NodeTexts {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub say: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub prompt: String,
    /// The node's choices' texts, in the original's order and number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<ChoiceTexts>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub model: String,
    /// The words the practice hint shows for a typed turn.
    #[serde(default, skip_serializing_if = "HintTexts::is_empty")]
    pub hints: HintTexts,
}

/// A choice's words in another language.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceTexts {
    #[serde(default)]
    pub text: String,
    #[serde(default)]
    pub feedback: String,
}

/// A typed turn's hint words in another language, each list in the original's order and
/// number. Fact synonyms and delights are scorer vocabulary, which stays English.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HintTexts {
    /// Each fact's `fact`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub facts: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub fix: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forbidden: Vec<String>,
}

impl HintTexts {
    /// True when no hint word is translated.
    pub fn is_empty(&self) -> bool {
        self.facts.is_empty() && self.fix.is_empty() && self.forbidden.is_empty()
    }
}

/// A free-text branch: replies scoring at least `at_least` (0-100) go to `next`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Branch {
    pub at_least: u8,
    pub next: String,
}

/// The end of the conversation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Ending {
    pub id: String,
    /// The customer's last words.
    pub say: String,
    pub emotion: Emotion,
    #[serde(default)]
    pub audio: Option<String>,
    /// The outcome the author means this ending to have. The real outcome is computed
    /// from loyalty; the validator warns when no route here can produce this one.
    pub intends: Outcome,
}

/// Levels 0-4 on the three dimensions of service recovery.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Levels {
    pub active_listening: u8,
    pub ownership: u8,
    pub exceeding_expectations: u8,
}

impl Levels {
    /// The level on one dimension.
    pub fn get(&self, dimension: Dimension) -> u8 {
        match dimension {
            Dimension::ActiveListening => self.active_listening,
            Dimension::Ownership => self.ownership,
            Dimension::ExceedingExpectations => self.exceeding_expectations,
        }
    }
}

/// The three things every reply is judged on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    ActiveListening,
    Ownership,
    ExceedingExpectations,
}

impl Dimension {
    /// All three, in the order they are always shown.
    pub const ALL: [Dimension; 3] = [
        Dimension::ActiveListening,
        Dimension::Ownership,
        Dimension::ExceedingExpectations,
    ];

    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Dimension::ActiveListening => "Active listening",
            Dimension::Ownership => "Ownership",
            Dimension::ExceedingExpectations => "Exceeding expectations",
        }
    }

    /// Position in `ALL`, for arrays indexed by dimension.
    pub fn index(self) -> usize {
        self as usize
    }
}

/// How the customer leaves, computed from final loyalty.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// Below the recovery threshold: the customer is gone.
    Lost,
    /// Back between the threshold and the baseline.
    Recovered,
    /// Above the baseline: the service recovery paradox achieved.
    Advocate,
}

impl Outcome {
    /// Every outcome, worst first.
    pub const ALL: [Outcome; 3] = [Outcome::Lost, Outcome::Recovered, Outcome::Advocate];

    /// The outcome that a final loyalty produces for this customer (PRODUCT.md).
    pub fn from_loyalty(loyalty: f64, customer: &Customer) -> Outcome {
        if loyalty < f64::from(customer.recovery_threshold()) {
            Outcome::Lost
        } else if loyalty <= f64::from(customer.loyalty_baseline) {
            Outcome::Recovered
        } else {
            Outcome::Advocate
        }
    }

    /// The label a person reads.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Lost => "Lost",
            Outcome::Recovered => "Recovered",
            Outcome::Advocate => "Advocate",
        }
    }
}

/// The realistic mistakes that wrong answers are built on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Trap {
    /// "I'm sorry, but..."
    UndercutApology,
    /// "That's our policy."
    HidesBehindPolicy,
    /// Onto the customer, a colleague or a supplier.
    BlameShift,
    /// Compensation with no apology.
    OfferWithoutApology,
    /// Repeating the customer's words back verbatim.
    Parroting,
    /// "Calm down."
    TonePolicing,
    /// "It's only a small thing."
    Minimising,
    /// Promising what staff cannot deliver.
    OverPromising,
}

impl Trap {
    /// Every trap, in the order the docs list them.
    pub const ALL: [Trap; 8] = [
        Trap::UndercutApology,
        Trap::HidesBehindPolicy,
        Trap::BlameShift,
        Trap::OfferWithoutApology,
        Trap::Parroting,
        Trap::TonePolicing,
        Trap::Minimising,
        Trap::OverPromising,
    ];

    /// The plain-language name a trainee reads in feedback.
    pub fn label(self) -> &'static str {
        match self {
            Trap::UndercutApology => "Undercut apology",
            Trap::HidesBehindPolicy => "Hides behind policy",
            Trap::BlameShift => "Blame shift",
            Trap::OfferWithoutApology => "Offer without apology",
            Trap::Parroting => "Parroting",
            Trap::TonePolicing => "Tone policing",
            Trap::Minimising => "Minimising",
            Trap::OverPromising => "Over-promising",
        }
    }
}
