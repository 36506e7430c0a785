//! The trainer's side of the core: a playtest that can start anywhere and step back,
//! the template behind "New scenario", and how often trainees took each choice.
//!
//! Sans-IO like the rest of the core: the app reads and writes the files.

use std::collections::HashMap;
use std::sync::Arc;

use crate::engine::{EngineError, Input, Session, Step, TextAssessment};
use crate::progress::AttemptTurns;
use crate::scenario::{Node, Scenario};

/// The seed every playtest uses, so a trainer sees the same choice order each time.
pub const PLAYTEST_SEED: u64 = 7;

/// Reply time a playtest records for every reply: well inside any patience, so the
/// customer never loses mood to the trainer reading the screen.
const PLAYTEST_STEP_MS: u64 = 1_000;

/// A trainer's playtest: a session started at any node, that can step back and can
/// follow the file when it is edited.
#[derive(Debug, Clone)]
pub struct Playtest {
    /// Where this playtest started.
    pub from: String,
    pub session: Session,
    /// The session before each reply, latest last.
    history: Vec<Session>,
}

/// What happened to a playtest when its scenario changed on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Followed {
    /// Every reply replayed on the new version: the playtest is where it was.
    Replayed,
    /// The replies no longer fit, but the current node still exists: the playtest
    /// carries on from there, with mood and loyalty as at the start.
    KeptNode(String),
    /// The current node is gone: the playtest started again from this node.
    Restarted(String),
}

impl Playtest {
    /// Starts at `node` (any node of the scenario).
    pub fn start(scenario: Arc<Scenario>, node: &str) -> Result<Playtest, EngineError> {
        Ok(Playtest {
            from: node.to_string(),
            session: Session::start_at(scenario, PLAYTEST_SEED, node, 0)?,
            history: Vec::new(),
        })
    }

    fn clock(&self) -> u64 {
        (self.session.inputs().len() as u64 + 1) * PLAYTEST_STEP_MS
    }

    /// The id of the node showing now.
    pub fn node(&self) -> &str {
        step_node(self.session.step())
    }

    /// How many replies can be stepped back.
    pub fn depth(&self) -> usize {
        self.history.len()
    }

    /// Moves past a customer line.
    pub fn proceed(&mut self) -> Result<(), EngineError> {
        let before = self.session.clone();
        let now = self.clock();
        self.session.proceed(now)?;
        self.history.push(before);
        Ok(())
    }

    /// Picks the reply shown at `shown_at`.
    pub fn choose(&mut self, shown_at: usize) -> Result<(), EngineError> {
        let before = self.session.clone();
        let now = self.clock();
        self.session.choose(shown_at, now)?;
        self.history.push(before);
        Ok(())
    }

    /// Hands in a typed reply with the scorer's judgement.
    pub fn write(&mut self, text: &str, assessment: TextAssessment) -> Result<(), EngineError> {
        let before = self.session.clone();
        let now = self.clock();
        self.session.write(text, assessment, now)?;
        self.history.push(before);
        Ok(())
    }

    /// Undoes the last step; false when there is nothing to undo.
    pub fn back(&mut self) -> bool {
        match self.history.pop() {
            Some(previous) => {
                self.session = previous;
                true
            }
            None => false,
        }
    }

    /// Moves this playtest onto a new version of its scenario, keeping its place where
    /// that place still exists.
    pub fn follow(&mut self, scenario: Arc<Scenario>) -> Result<Followed, EngineError> {
        let here = self.node().to_string();
        let inputs = self.session.inputs().to_vec();
        if scenario.node(&self.from).is_some()
            && let Ok(replayed) = replay(Arc::clone(&scenario), &self.from, &inputs)
            && replayed.last().map(|s| step_node(s.step())) == Some(here.as_str())
        {
            let mut sessions = replayed;
            self.session = sessions.pop().unwrap_or_else(|| self.session.clone());
            self.history = sessions;
            return Ok(Followed::Replayed);
        }
        if scenario.node(&here).is_some() {
            // Restart still goes back to where the trainer began, when that remains.
            let from = if scenario.node(&self.from).is_some() {
                self.from.clone()
            } else {
                here.clone()
            };
            *self = Playtest::start(scenario, &here)?;
            self.from = from;
            return Ok(Followed::KeptNode(here));
        }
        let from = if scenario.node(&self.from).is_some() {
            self.from.clone()
        } else {
            scenario.start.clone()
        };
        *self = Playtest::start(scenario, &from)?;
        Ok(Followed::Restarted(from))
    }
}

/// Every session of a replay from `from`: the start, then one after each input.
fn replay(
    scenario: Arc<Scenario>,
    from: &str,
    inputs: &[Input],
) -> Result<Vec<Session>, EngineError> {
    let mut session = Session::start_at(scenario, PLAYTEST_SEED, from, 0)?;
    let mut all = Vec::with_capacity(inputs.len() + 1);
    for input in inputs {
        all.push(session.clone());
        session.apply(input)?;
    }
    all.push(session);
    Ok(all)
}

/// The node a step shows: the line's, the turn's, or the ending's.
pub fn step_node(step: &Step) -> &str {
    match step {
        Step::Customer(line) => &line.node,
        Step::Choose(prompt) => &prompt.node,
        Step::Write(prompt) => &prompt.node,
        Step::Finished(debrief) => &debrief.ending,
    }
}

/// How often trainees took each authored choice of one scenario.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ChoiceCounts {
    /// By choice-turn id: a count per authored choice, in file order.
    pub by_turn: HashMap<String, Vec<u32>>,
    /// Attempts at this scenario that were counted.
    pub attempts: usize,
}

impl ChoiceCounts {
    /// Adds another count of the same scenario (another trainee's, say).
    pub fn merge(&mut self, other: ChoiceCounts) {
        self.attempts += other.attempts;
        for (turn, counts) in other.by_turn {
            let mine = self.by_turn.entry(turn).or_default();
            if mine.len() < counts.len() {
                mine.resize(counts.len(), 0);
            }
            for (m, c) in mine.iter_mut().zip(counts) {
                *m += c;
            }
        }
    }

    /// Each choice's share of the turn's picks, 0-1, and the turn's total; `None` when
    /// nobody has answered the turn yet.
    pub fn shares(&self, turn: &str) -> Option<(Vec<f32>, u32)> {
        let counts = self.by_turn.get(turn)?;
        let total: u32 = counts.iter().sum();
        (total > 0).then(|| {
            (
                counts.iter().map(|&c| c as f32 / total as f32).collect(),
                total,
            )
        })
    }
}

/// Counts the picks in stored attempts' turns. A choice is matched by its turn and its
/// text, so picks made on an older version count where the reply is unchanged.
pub fn choice_counts<'a>(
    scenario: &Scenario,
    attempts: impl IntoIterator<Item = &'a AttemptTurns>,
) -> ChoiceCounts {
    let mut by_text: HashMap<(&str, &str), (usize, usize)> = HashMap::new();
    let mut by_turn: HashMap<String, Vec<u32>> = HashMap::new();
    for node in &scenario.nodes {
        if let Node::Choice(turn) = node {
            by_turn.insert(turn.id.clone(), vec![0; turn.choices.len()]);
            for (i, c) in turn.choices.iter().enumerate() {
                by_text.insert((turn.id.as_str(), c.text.as_str()), (i, turn.choices.len()));
            }
            // A reply picked in a translation counts for the same choice.
            for translation in scenario.translations.values() {
                let Some(texts) = translation.texts.get(&turn.id) else {
                    continue;
                };
                for (i, c) in texts.choices.iter().enumerate().take(turn.choices.len()) {
                    if !c.text.is_empty() {
                        by_text
                            .insert((turn.id.as_str(), c.text.as_str()), (i, turn.choices.len()));
                    }
                }
            }
        }
    }
    let mut attempts_counted = 0;
    for attempt in attempts {
        if attempt.scenario_id != scenario.id {
            continue;
        }
        attempts_counted += 1;
        for row in &attempt.turns {
            if row.reply_kind != "choice" {
                continue;
            }
            if let Some(&(i, _)) = by_text.get(&(row.node.as_str(), row.reply.as_str()))
                && let Some(count) = by_turn.get_mut(&row.node).and_then(|c| c.get_mut(i))
            {
                *count += 1;
            }
        }
    }
    ChoiceCounts {
        by_turn,
        attempts: attempts_counted,
    }
}

/// A file name and id for a new scenario that `taken` says are free: `new-scenario`,
/// then `new-scenario-2` and so on.
pub fn new_scenario_id(taken: impl Fn(&str) -> bool) -> String {
    let mut n = 1;
    loop {
        let id = if n == 1 {
            "new-scenario".to_string()
        } else {
            format!("new-scenario-{n}")
        };
        if !taken(&id) {
            return id;
        }
        n += 1;
    }
}

/// A valid, commented scenario to start from, with this id.
pub fn template(id: &str) -> String {
    TEMPLATE.replace("new-scenario", id)
}

const TEMPLATE: &str = include_str!("../assets/templates/new-scenario.ron");
