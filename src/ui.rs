//! The screens. Each view is a struct holding only its own UI state, with
//! `fn ui(&mut self, ui, ...)` that draws domain data passed in and returns a `Command`
//! for the app to carry out. Views never write files, play sounds or change a session.

pub mod debrief;
pub mod evidence;
pub mod library;
pub mod my_progress;
pub mod play;
pub mod practice;
pub mod start;
pub mod style;

/// What a view asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Sign in as this trainee (by id).
    SelectTrainee(String),
    /// Create a trainee with this name and sign in.
    CreateTrainee(String),
    /// Back to the start screen.
    SwitchTrainee,
    /// Start an attempt at this scenario (by id).
    StartScenario(String),
    /// Pick the reply shown at this position.
    Choose(usize),
    /// Hand in a typed reply.
    Send(String),
    /// Open the practice pad.
    OpenPracticePad,
    /// Open My progress.
    OpenMyProgress,
    /// Give up the attempt in progress (already confirmed).
    Abandon,
    /// Play the same scenario again.
    Retry,
    /// Back to the library.
    BackToLibrary,
    /// Carry on with the attempt that was cut off.
    Resume,
    /// Throw away the attempt that was cut off.
    DiscardResume,
}
