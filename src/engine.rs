//! Playing a scenario: the session state machine and the rules it follows.
//!
//! Sans-IO: no clock, no files, no GUI, no sound. Callers pass the time in and draw
//! the steps the session emits.

pub mod rules;
mod session;

pub use session::{
    ChoicePrompt, CustomerLine, Debrief, DimensionScores, EngineError, Entry, HintLine, Input,
    Options, Reply, Session, Step, TextAssessment, TurnRecord, WritePrompt, last_customer_line,
    pick_branch,
};
