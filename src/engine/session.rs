//! One attempt at a scenario, as a state machine that says what happens next.
//!
//! The session owns the conversation's state and its transcript. Time comes in as
//! milliseconds from the caller's clock and randomness from the attempt's seed, so the
//! same seed and the same inputs always give the same attempt. It never reads a clock,
//! draws a window, plays a sound or writes a file.

use std::sync::Arc;

use rand::SeedableRng;
use rand::rngs::ChaCha8Rng;
use rand::seq::SliceRandom;
use serde::{Deserialize, Serialize};
use thiserror::Error;

use super::rules::{self, Feelings, Temperament};
use crate::scenario::{
    DEFAULT_FLOOR, DEFAULT_PASS_MARK, Dimension, Emotion, Levels, Node, Outcome, Scenario, Trap,
};
use crate::scoring::Evidence;

/// What the trainee faces next. Views draw it; only the session changes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    /// The customer says a line; call `proceed` to go on.
    Customer(CustomerLine),
    /// Pick one of these replies with `choose`.
    Choose(ChoicePrompt),
    /// Type a reply and hand it in with `write`.
    Write(WritePrompt),
    /// The conversation is over.
    Finished(Box<Debrief>),
}

impl Step {
    fn name(&self) -> &'static str {
        match self {
            Step::Customer(_) => "a customer line",
            Step::Choose(_) => "a choice",
            Step::Write(_) => "a typed reply",
            Step::Finished(_) => "nothing (the conversation is over)",
        }
    }
}

/// A line the customer says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CustomerLine {
    pub node: String,
    pub text: String,
    pub emotion: Emotion,
    /// The clip to play, relative to the library's assets folder.
    pub audio: Option<String>,
}

/// Replies on offer, in this attempt's shuffled order.
#[derive(Debug, Clone, PartialEq)]
pub struct ChoicePrompt {
    pub node: String,
    pub prompt: Option<String>,
    /// The replies as shown: position 0 is the first one the trainee sees.
    pub options: Vec<String>,
}

/// A free-text turn waiting for the trainee's words.
#[derive(Debug, Clone, PartialEq)]
pub struct WritePrompt {
    pub node: String,
    pub prompt: Option<String>,
    /// What the customer last said, for the scorer and the practice pad.
    pub customer_said: String,
}

/// The judgement of a typed reply, made by the caller's scorer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextAssessment {
    pub levels: Levels,
    /// 0-100 per dimension, indexed by `Dimension::index`.
    pub scores: [f64; 3],
    /// One sentence of feedback for the trainee.
    pub feedback: String,
    /// The spans of the reply that earned or cost points.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// One tip for the weakest dimension.
    #[serde(default)]
    pub tip: Option<String>,
}

impl TextAssessment {
    /// The session's view of a scorer's assessment.
    pub fn from_scorer(a: &crate::scoring::Assessment) -> TextAssessment {
        TextAssessment {
            levels: a.levels,
            scores: a.scores,
            feedback: a.feedback(),
            evidence: a.evidence.clone(),
            tip: Some(a.tip()),
        }
    }
}

/// What the trainee said on a turn.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Reply {
    /// An authored choice: its index in the file and the position it was shown at.
    Choice {
        index: usize,
        shown_at: usize,
        text: String,
        trap: Option<Trap>,
    },
    /// Typed words.
    Text { text: String },
}

impl Reply {
    /// The words the trainee gave.
    pub fn text(&self) -> &str {
        match self {
            Reply::Choice { text, .. } | Reply::Text { text } => text,
        }
    }
}

/// One trainee turn as it happened.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TurnRecord {
    pub node: String,
    pub reply: Reply,
    pub levels: Levels,
    /// 0-100 per dimension, indexed by `Dimension::index`.
    pub scores: [f64; 3],
    pub feedback: String,
    /// For a typed reply: the spans that earned or cost points.
    #[serde(default)]
    pub evidence: Vec<Evidence>,
    /// For a typed reply: one tip for the weakest dimension.
    #[serde(default)]
    pub tip: Option<String>,
    /// What an excellent reply would have said.
    pub model: String,
    /// Milliseconds from the turn being shown to the reply.
    pub response_ms: u64,
    /// Mood lost to a slow reply (already included in `mood_after`).
    pub slow_penalty: f64,
    pub mood_before: f64,
    pub mood_after: f64,
    pub loyalty_after: f64,
}

/// One entry of the transcript.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Entry {
    Customer { line: CustomerLine, at_ms: u64 },
    Trainee(TurnRecord),
}

/// What the customer said last in a transcript: their current line, for the face, the
/// announcement and *Replay line*.
pub fn last_customer_line(transcript: &[Entry]) -> Option<&CustomerLine> {
    transcript.iter().rev().find_map(|e| match e {
        Entry::Customer { line, .. } => Some(line),
        Entry::Trainee(_) => None,
    })
}

/// The three dimension scores, 0-100, in `Dimension::ALL` order.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct DimensionScores {
    pub active_listening: f64,
    pub ownership: f64,
    pub exceeding_expectations: f64,
}

impl DimensionScores {
    /// From an array indexed by `Dimension::index`.
    pub fn from_array(a: [f64; 3]) -> Self {
        Self {
            active_listening: a[0],
            ownership: a[1],
            exceeding_expectations: a[2],
        }
    }

    /// The score on one dimension.
    pub fn get(&self, d: Dimension) -> f64 {
        match d {
            Dimension::ActiveListening => self.active_listening,
            Dimension::Ownership => self.ownership,
            Dimension::ExceedingExpectations => self.exceeding_expectations,
        }
    }

    /// The overall score: the mean of the three.
    pub fn overall(&self) -> f64 {
        (self.active_listening + self.ownership + self.exceeding_expectations) / 3.0
    }
}

/// How the attempt went, computed when the conversation ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    pub scenario_id: String,
    pub seed: u64,
    pub ending: String,
    pub scores: DimensionScores,
    pub overall: f64,
    pub pass_mark: u8,
    pub floor: u8,
    pub passed: bool,
    pub outcome: Outcome,
    /// What the ending's author meant to happen.
    pub intended: Outcome,
    pub loyalty: f64,
    pub starting_loyalty: f64,
    pub loyalty_baseline: f64,
    pub recovery_threshold: f64,
    /// Mood at the start and after each reply.
    pub mood_track: Vec<f64>,
    /// Practice only: how often the trainee went back to an earlier turn.
    #[serde(default)]
    pub rewinds: u32,
    /// Practice only: how many hints the trainee asked for.
    #[serde(default)]
    pub hints: u32,
}

/// One line of a practice hint: what it says comes from the rubric and the turn's own
/// content; the interface words it in the person's language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HintLine {
    /// Restate what happened and name the feeling.
    Listen,
    /// Apologise, blame nobody, commit to a next step with a time.
    Own,
    /// A reply on offer falls into these traps (not saying which).
    Traps(Vec<Trap>),
    /// The best reply on offer stands out on this dimension.
    Strongest(Dimension),
    /// The facts a typed reply should restate.
    Facts(Vec<String>),
    /// Fixes the customer would take.
    Fix(Vec<String>),
    /// Phrases to avoid.
    Avoid(Vec<String>),
    /// Fix it fully, then add something unexpected.
    Exceed,
}

/// How an attempt is played: the mode, and the standard for a scenario that sets none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Practice: the trainee may go back to an earlier turn and ask for hints, and a slow
    /// reply costs no mood. An assessment allows neither, and slowness counts.
    pub practice: bool,
    /// The pass mark for a scenario that sets none.
    pub default_pass_mark: u8,
    /// The floor for a scenario that sets none.
    pub default_floor: u8,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            practice: false,
            default_pass_mark: DEFAULT_PASS_MARK,
            default_floor: DEFAULT_FLOOR,
        }
    }
}

impl Options {
    /// Practice with the product's default standard.
    pub fn practice() -> Options {
        Options {
            practice: true,
            ..Options::default()
        }
    }
}

/// A call the session cannot take in its current state.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum EngineError {
    #[error("the session expected {expected}, but it is waiting for {actual}")]
    WrongStep {
        expected: &'static str,
        actual: &'static str,
    },
    #[error("there is no reply {picked}; pick 1-{offered}")]
    NoSuchChoice { picked: usize, offered: usize },
    #[error("node `{0}` does not exist in this scenario")]
    MissingNode(String),
    #[error("this scenario has no nodes")]
    Empty,
    #[error("{0} is for practice only; an assessment allows none")]
    PracticeOnly(&'static str),
    #[error("there is no turn {turn} to go back to (the conversation has {turns} so far)")]
    NoSuchTurn { turn: usize, turns: usize },
}

/// One input the trainee gave, as stored to replay an attempt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Input {
    /// `proceed` after a customer line.
    Proceed { at_ms: u64 },
    /// `choose` by shown position.
    Choose { shown_at: usize, at_ms: u64 },
    /// `write` with the scorer's judgement.
    Write {
        text: String,
        assessment: TextAssessment,
        at_ms: u64,
    },
    /// Practice: back to the trainee's turn `turn` (0-based, among the turns of the
    /// conversation as it stood), to answer it again.
    Rewind { turn: usize, at_ms: u64 },
    /// Practice: a hint asked for on the current turn.
    Hint { at_ms: u64 },
}

impl Input {
    /// When the input was given, on the session clock.
    pub fn at_ms(&self) -> u64 {
        match self {
            Input::Proceed { at_ms }
            | Input::Choose { at_ms, .. }
            | Input::Write { at_ms, .. }
            | Input::Rewind { at_ms, .. }
            | Input::Hint { at_ms } => *at_ms,
        }
    }

    /// A reply to the customer: a choice or typed words.
    fn is_reply(&self) -> bool {
        matches!(self, Input::Choose { .. } | Input::Write { .. })
    }
}

/// A conversation in progress.
#[derive(Debug, Clone)]
pub struct Session {
    scenario: Arc<Scenario>,
    seed: u64,
    options: Options,
    /// The session clock at the start, to rebuild the conversation on a rewind.
    started_ms: u64,
    /// Turns presented so far; with the seed it fixes each turn's choice order.
    turns_shown: u64,
    temperament: Temperament,
    feelings: Feelings,
    step: Step,
    /// For a choice step, the authored index behind each shown position.
    order: Vec<usize>,
    shown_at_ms: u64,
    last_customer_line: String,
    transcript: Vec<Entry>,
    /// Every input, rewinds and hints included: what is stored and replayed.
    inputs: Vec<Input>,
    /// The inputs behind the conversation as it stands now: no rewinds, no hints, and
    /// nothing a rewind took back.
    live: Vec<Input>,
    mood_track: Vec<f64>,
    rewinds: u32,
    hints: u32,
}

impl Session {
    /// Starts an assessment at `now_ms`; the seed fixes choice order and temperament.
    pub fn start(scenario: Arc<Scenario>, seed: u64, now_ms: u64) -> Result<Self, EngineError> {
        Session::start_with(scenario, seed, now_ms, Options::default())
    }

    /// Starts an attempt played by `options`.
    pub fn start_with(
        scenario: Arc<Scenario>,
        seed: u64,
        now_ms: u64,
        options: Options,
    ) -> Result<Self, EngineError> {
        let start = scenario.start.clone();
        let mut session = Session::start_at(scenario, seed, &start, now_ms)?;
        session.options = options;
        Ok(session)
    }

    /// Starts at any node, as a trainer's playtest does, with mood and loyalty as they
    /// are at the real start.
    pub fn start_at(
        scenario: Arc<Scenario>,
        seed: u64,
        start: &str,
        now_ms: u64,
    ) -> Result<Self, EngineError> {
        if scenario.nodes.is_empty() {
            return Err(EngineError::Empty);
        }
        let temperament = Temperament::from_seed(seed);
        let feelings = Feelings::start(&scenario.customer, temperament);
        let mut session = Session {
            scenario,
            seed,
            options: Options::default(),
            started_ms: now_ms,
            turns_shown: 0,
            temperament,
            feelings,
            step: Step::Finished(Box::new(placeholder_debrief())),
            order: Vec::new(),
            shown_at_ms: now_ms,
            last_customer_line: String::new(),
            transcript: Vec::new(),
            inputs: Vec::new(),
            live: Vec::new(),
            mood_track: vec![feelings.mood],
            rewinds: 0,
            hints: 0,
        };
        session.enter(start, now_ms)?;
        Ok(session)
    }

    /// Replays an assessment's stored inputs; with the same scenario and seed this
    /// reproduces the attempt.
    pub fn replay(
        scenario: Arc<Scenario>,
        seed: u64,
        started_ms: u64,
        inputs: &[Input],
    ) -> Result<Self, EngineError> {
        Session::replay_with(scenario, seed, started_ms, inputs, Options::default())
    }

    /// Replays stored inputs of an attempt played by `options`.
    pub fn replay_with(
        scenario: Arc<Scenario>,
        seed: u64,
        started_ms: u64,
        inputs: &[Input],
        options: Options,
    ) -> Result<Self, EngineError> {
        let mut session = Session::start_with(scenario, seed, started_ms, options)?;
        for input in inputs {
            session.apply(input)?;
        }
        Ok(session)
    }

    /// Gives one stored input again, as `replay` does.
    pub fn apply(&mut self, input: &Input) -> Result<(), EngineError> {
        match input {
            Input::Proceed { at_ms } => {
                self.proceed(*at_ms)?;
            }
            Input::Choose { shown_at, at_ms } => {
                self.choose(*shown_at, *at_ms)?;
            }
            Input::Write {
                text,
                assessment,
                at_ms,
            } => {
                self.write(text, assessment.clone(), *at_ms)?;
            }
            Input::Rewind { turn, at_ms } => {
                self.rewind(*turn, *at_ms)?;
            }
            Input::Hint { at_ms } => {
                self.take_hint(*at_ms)?;
            }
        }
        Ok(())
    }

    /// How this attempt is played.
    pub fn options(&self) -> Options {
        self.options
    }

    /// The session clock when the current step was shown: the customer has been waiting
    /// since then.
    pub fn shown_at_ms(&self) -> u64 {
        self.shown_at_ms
    }

    /// The mood a reply given at `now_ms` would lose to slowness, before its content
    /// counts: what the customer's patience is costing right now (none in practice).
    pub fn pending_slow_penalty(&self, now_ms: u64) -> f64 {
        if self.options.practice || !matches!(self.step, Step::Choose(_) | Step::Write(_)) {
            return 0.0;
        }
        rules::slow_penalty(
            now_ms.saturating_sub(self.shown_at_ms),
            self.scenario.customer.patience,
        )
    }

    /// The trainee's turns in the conversation as it stands: what `rewind` can go back to.
    pub fn turns_taken(&self) -> usize {
        self.live.iter().filter(|i| i.is_reply()).count()
    }

    /// Practice: goes back to the trainee's turn `turn` (0-based) to answer it again.
    /// The conversation is rebuilt from the same seed and the inputs before that turn,
    /// so the customer is exactly as they were; the rewind itself stays in `inputs`.
    pub fn rewind(&mut self, turn: usize, now_ms: u64) -> Result<&Step, EngineError> {
        if !self.options.practice {
            return Err(EngineError::PracticeOnly("going back to an earlier turn"));
        }
        let Some(cut) = self
            .live
            .iter()
            .enumerate()
            .filter(|(_, i)| i.is_reply())
            .nth(turn)
            .map(|(at, _)| at)
        else {
            return Err(EngineError::NoSuchTurn {
                turn: turn + 1,
                turns: self.turns_taken(),
            });
        };
        let mut again = Session::start_with(
            Arc::clone(&self.scenario),
            self.seed,
            self.started_ms,
            self.options,
        )?;
        for input in &self.live[..cut] {
            match input {
                // An earlier rewind: the turn asked again was shown from then.
                Input::Rewind { at_ms, .. } => {
                    again.shown_at_ms = *at_ms;
                    again.live.push(input.clone());
                }
                _ => again.apply(input)?,
            }
        }
        again.inputs = std::mem::take(&mut self.inputs);
        again.inputs.push(Input::Rewind {
            turn,
            at_ms: now_ms,
        });
        // Kept in the live inputs too, so that a later rewind rebuilds this turn's
        // response time from when it was asked again.
        again.live.push(Input::Rewind {
            turn,
            at_ms: now_ms,
        });
        again.rewinds = self.rewinds + 1;
        again.hints = self.hints;
        // The turn asked again starts now.
        again.shown_at_ms = now_ms;
        *self = again;
        Ok(&self.step)
    }

    /// Practice: a hint for the current turn, recorded as asked for.
    pub fn take_hint(&mut self, now_ms: u64) -> Result<Vec<HintLine>, EngineError> {
        if !self.options.practice {
            return Err(EngineError::PracticeOnly("a hint"));
        }
        let hint = self
            .hint()
            .ok_or_else(|| self.wrong_step("a choice or a typed reply"))?;
        // Asking again on the same turn shows the same hint and counts once.
        let asked = self
            .inputs
            .iter()
            .rev()
            .take_while(|i| !i.is_reply() && !matches!(i, Input::Rewind { .. }))
            .any(|i| matches!(i, Input::Hint { .. }));
        if !asked {
            self.inputs.push(Input::Hint { at_ms: now_ms });
            self.hints += 1;
        }
        Ok(hint)
    }

    /// What a hint for the current turn says, without recording it: the rubric's
    /// reminder, and what this turn's own content gives away without giving the answer.
    /// `None` when the trainee has nothing to answer.
    pub fn hint(&self) -> Option<Vec<HintLine>> {
        let node = match &self.step {
            Step::Choose(p) => self.scenario.node(&p.node)?,
            Step::Write(p) => self.scenario.node(&p.node)?,
            Step::Customer(_) | Step::Finished(_) => return None,
        };
        let mut lines = vec![HintLine::Listen, HintLine::Own];
        match node {
            Node::Choice(turn) => {
                let mut traps: Vec<Trap> = turn.choices.iter().filter_map(|c| c.trap).collect();
                traps.sort_by_key(|t| Trap::ALL.iter().position(|x| x == t));
                traps.dedup();
                if !traps.is_empty() {
                    lines.push(HintLine::Traps(traps));
                }
                let best =
                    turn.choices.iter().map(|c| c.levels).max_by_key(|l| {
                        l.active_listening + l.ownership + l.exceeding_expectations
                    });
                if let Some(best) = best {
                    // Said only when one dimension stands out.
                    let top = Dimension::ALL.map(|d| best.get(d)).into_iter().max();
                    let strongest: Vec<Dimension> = Dimension::ALL
                        .into_iter()
                        .filter(|d| Some(best.get(*d)) == top)
                        .collect();
                    if let [only] = strongest[..] {
                        lines.push(HintLine::Strongest(only));
                    }
                }
            }
            Node::FreeText(turn) => {
                let facts: Vec<String> = turn.hints.facts.iter().map(|f| f.fact.clone()).collect();
                if !facts.is_empty() {
                    lines.push(HintLine::Facts(facts));
                }
                if !turn.hints.fix.is_empty() {
                    lines.push(HintLine::Fix(turn.hints.fix.clone()));
                }
                if !turn.hints.forbidden.is_empty() {
                    lines.push(HintLine::Avoid(turn.hints.forbidden.clone()));
                }
            }
            Node::Line(_) | Node::Ending(_) => {}
        }
        lines.push(HintLine::Exceed);
        Some(lines)
    }

    /// What the trainee faces now.
    pub fn step(&self) -> &Step {
        &self.step
    }

    /// The scenario being played.
    pub fn scenario(&self) -> &Arc<Scenario> {
        &self.scenario
    }

    /// The attempt's seed.
    pub fn seed(&self) -> u64 {
        self.seed
    }

    /// This attempt's customer temperament.
    pub fn temperament(&self) -> Temperament {
        self.temperament
    }

    /// Current mood, 0-100.
    pub fn mood(&self) -> f64 {
        self.feelings.mood
    }

    /// Current loyalty, 0-100.
    pub fn loyalty(&self) -> f64 {
        self.feelings.loyalty
    }

    /// Everything said so far.
    pub fn transcript(&self) -> &[Entry] {
        &self.transcript
    }

    /// Every input so far, enough to replay the attempt.
    pub fn inputs(&self) -> &[Input] {
        &self.inputs
    }

    /// On a choice step, the authored position of the reply shown at each position.
    pub fn shown_order(&self) -> &[usize] {
        match self.step {
            Step::Choose(_) => &self.order,
            _ => &[],
        }
    }

    /// Mood at the start and after each reply.
    pub fn mood_track(&self) -> &[f64] {
        &self.mood_track
    }

    /// Moves past a customer line.
    pub fn proceed(&mut self, now_ms: u64) -> Result<&Step, EngineError> {
        let Step::Customer(line) = &self.step else {
            return Err(self.wrong_step("a customer line"));
        };
        let next = match self.scenario.node(&line.node) {
            Some(Node::Line(l)) => l.next.clone(),
            _ => return Err(EngineError::MissingNode(line.node.clone())),
        };
        self.record(Input::Proceed { at_ms: now_ms });
        self.enter(&next, now_ms)?;
        Ok(&self.step)
    }

    /// Picks the reply shown at position `shown_at` (0-based). Returns the turn as recorded.
    pub fn choose(&mut self, shown_at: usize, now_ms: u64) -> Result<&TurnRecord, EngineError> {
        let Step::Choose(prompt) = &self.step else {
            return Err(self.wrong_step("a choice"));
        };
        let node_id = prompt.node.clone();
        let Some(&index) = self.order.get(shown_at) else {
            return Err(EngineError::NoSuchChoice {
                picked: shown_at + 1,
                offered: self.order.len(),
            });
        };
        let scenario = Arc::clone(&self.scenario);
        let Some(Node::Choice(turn)) = scenario.node(&node_id) else {
            return Err(EngineError::MissingNode(node_id));
        };
        let Some(choice) = turn.choices.get(index) else {
            return Err(EngineError::MissingNode(node_id));
        };
        self.record(Input::Choose {
            shown_at,
            at_ms: now_ms,
        });
        let record = self.record_turn(
            &node_id,
            Reply::Choice {
                index,
                shown_at,
                text: choice.text.clone(),
                trap: choice.trap,
            },
            choice.levels,
            rules::choice_scores(&choice.levels),
            choice.feedback.clone(),
            turn.model.clone(),
            f64::from(choice.mood),
            now_ms,
        );
        self.enter(&choice.next, now_ms)?;
        Ok(record_ref(&self.transcript, record))
    }

    /// Hands in a typed reply with the scorer's judgement of it.
    pub fn write(
        &mut self,
        text: &str,
        assessment: TextAssessment,
        now_ms: u64,
    ) -> Result<&TurnRecord, EngineError> {
        let Step::Write(prompt) = &self.step else {
            return Err(self.wrong_step("a typed reply"));
        };
        let node_id = prompt.node.clone();
        let scenario = Arc::clone(&self.scenario);
        let Some(Node::FreeText(turn)) = scenario.node(&node_id) else {
            return Err(EngineError::MissingNode(node_id));
        };
        let overall = assessment.scores.iter().sum::<f64>() / 3.0;
        let next = pick_branch(turn, overall)
            .ok_or_else(|| EngineError::MissingNode(format!("{node_id} (no branches)")))?
            .to_string();
        self.record(Input::Write {
            text: text.to_string(),
            assessment: assessment.clone(),
            at_ms: now_ms,
        });
        let record = self.record_turn(
            &node_id,
            Reply::Text {
                text: text.to_string(),
            },
            assessment.levels,
            assessment.scores,
            assessment.feedback,
            turn.model.clone(),
            rules::text_mood_delta(overall),
            now_ms,
        );
        if let Some(Entry::Trainee(t)) = self.transcript.get_mut(record) {
            t.evidence = assessment.evidence;
            t.tip = assessment.tip;
        }
        self.enter(&next, now_ms)?;
        Ok(record_ref(&self.transcript, record))
    }

    fn record(&mut self, input: Input) {
        self.live.push(input.clone());
        self.inputs.push(input);
    }

    fn wrong_step(&self, expected: &'static str) -> EngineError {
        EngineError::WrongStep {
            expected,
            actual: self.step.name(),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn record_turn(
        &mut self,
        node: &str,
        reply: Reply,
        levels: Levels,
        scores: [f64; 3],
        feedback: String,
        model: String,
        authored_delta: f64,
        now_ms: u64,
    ) -> usize {
        let response_ms = now_ms.saturating_sub(self.shown_at_ms);
        let slow_penalty = if self.options.practice {
            0.0
        } else {
            rules::slow_penalty(response_ms, self.scenario.customer.patience)
        };
        let before = self.feelings;
        let delta = self.temperament.feel(authored_delta) - slow_penalty;
        self.feelings = before.moved(delta);
        self.mood_track.push(self.feelings.mood);
        self.transcript.push(Entry::Trainee(TurnRecord {
            node: node.to_string(),
            reply,
            levels,
            scores,
            feedback,
            evidence: Vec::new(),
            tip: None,
            model,
            response_ms,
            slow_penalty,
            mood_before: before.mood,
            mood_after: self.feelings.mood,
            loyalty_after: self.feelings.loyalty,
        }));
        self.transcript.len() - 1
    }

    /// Moves to node `id` and works out the step it presents.
    fn enter(&mut self, id: &str, now_ms: u64) -> Result<(), EngineError> {
        let scenario = Arc::clone(&self.scenario);
        let node = scenario
            .node(id)
            .ok_or_else(|| EngineError::MissingNode(id.to_string()))?;
        self.shown_at_ms = now_ms;
        self.step = match node {
            Node::Line(line) => {
                let said = CustomerLine {
                    node: line.id.clone(),
                    text: line.say.clone(),
                    emotion: line.emotion,
                    audio: line.audio.clone(),
                };
                self.say(said.clone(), now_ms);
                Step::Customer(said)
            }
            Node::Choice(turn) => {
                let mut order: Vec<usize> = (0..turn.choices.len()).collect();
                // A fresh stream per turn: the order depends on the seed and the turn's
                // position only, never on how many random numbers came before.
                let mut rng = ChaCha8Rng::seed_from_u64(
                    self.seed ^ self.turns_shown.wrapping_mul(0x9e37_79b9_7f4a_7c15),
                );
                self.turns_shown += 1;
                order.shuffle(&mut rng);
                let options = order
                    .iter()
                    .map(|&i| turn.choices[i].text.clone())
                    .collect();
                self.order = order;
                Step::Choose(ChoicePrompt {
                    node: turn.id.clone(),
                    prompt: turn.prompt.clone(),
                    options,
                })
            }
            Node::FreeText(turn) => {
                self.turns_shown += 1;
                Step::Write(WritePrompt {
                    node: turn.id.clone(),
                    prompt: turn.prompt.clone(),
                    customer_said: self.last_customer_line.clone(),
                })
            }
            Node::Ending(ending) => {
                self.say(
                    CustomerLine {
                        node: ending.id.clone(),
                        text: ending.say.clone(),
                        emotion: ending.emotion,
                        audio: ending.audio.clone(),
                    },
                    now_ms,
                );
                Step::Finished(Box::new(self.debrief(&ending.id, ending.intends)))
            }
        };
        Ok(())
    }

    fn say(&mut self, line: CustomerLine, now_ms: u64) {
        self.last_customer_line = line.text.clone();
        self.transcript.push(Entry::Customer {
            line,
            at_ms: now_ms,
        });
    }

    fn debrief(&self, ending: &str, intended: Outcome) -> Debrief {
        let turns: Vec<&TurnRecord> = self
            .transcript
            .iter()
            .filter_map(|e| match e {
                Entry::Trainee(t) => Some(t),
                Entry::Customer { .. } => None,
            })
            .collect();
        let mut sums = [0.0; 3];
        for t in &turns {
            for (sum, s) in sums.iter_mut().zip(t.scores) {
                *sum += s;
            }
        }
        let n = turns.len().max(1) as f64;
        let scores = DimensionScores::from_array(sums.map(|s| s / n));
        let overall = scores.overall();
        let s = &self.scenario;
        let pass_mark = s.pass_mark.unwrap_or(self.options.default_pass_mark);
        let floor = s.floor.unwrap_or(self.options.default_floor);
        let passed = overall >= f64::from(pass_mark)
            && Dimension::ALL
                .iter()
                .all(|d| scores.get(*d) >= f64::from(floor));
        Debrief {
            scenario_id: s.id.clone(),
            seed: self.seed,
            ending: ending.to_string(),
            scores,
            overall,
            pass_mark,
            floor,
            passed: passed && !turns.is_empty(),
            outcome: Outcome::from_loyalty(self.feelings.loyalty, &s.customer),
            intended,
            loyalty: self.feelings.loyalty,
            starting_loyalty: f64::from(s.customer.starting_loyalty()),
            loyalty_baseline: f64::from(s.customer.loyalty_baseline),
            recovery_threshold: f64::from(s.customer.recovery_threshold()),
            mood_track: self.mood_track.clone(),
            rewinds: self.rewinds,
            hints: self.hints,
        }
    }
}

fn record_ref(transcript: &[Entry], index: usize) -> &TurnRecord {
    match &transcript[index] {
        Entry::Trainee(t) => t,
        // `record_turn` just pushed a trainee entry at `index`.
        Entry::Customer { .. } => unreachable!("record_turn returns the index of a turn"),
    }
}

/// The branch a typed reply's overall score leads to: the highest threshold it reaches,
/// or the lowest branch when it reaches none.
pub fn pick_branch(turn: &crate::scenario::FreeTextTurn, overall: f64) -> Option<&str> {
    let mut branches: Vec<_> = turn.branches.iter().collect();
    branches.sort_by_key(|b| std::cmp::Reverse(b.at_least));
    branches
        .iter()
        .find(|b| overall >= f64::from(b.at_least))
        .or(branches.last())
        .map(|b| b.next.as_str())
}

fn placeholder_debrief() -> Debrief {
    Debrief {
        scenario_id: String::new(),
        seed: 0,
        ending: String::new(),
        scores: DimensionScores::from_array([0.0; 3]),
        overall: 0.0,
        pass_mark: 0,
        floor: 0,
        passed: false,
        outcome: Outcome::Lost,
        intended: Outcome::Lost,
        loyalty: 0.0,
        starting_loyalty: 0.0,
        loyalty_baseline: 0.0,
        recovery_threshold: 0.0,
        mood_track: Vec::new(),
        rewinds: 0,
        hints: 0,
    }
}
