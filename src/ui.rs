//! The screens. Each view is a struct holding only its own UI state, with
//! `fn ui(&mut self, ui, ...)` that draws domain data passed in and returns a `Command`
//! for the app to carry out. Views never write files, play sounds or change a session.

pub mod core_words;
pub mod debrief;
pub mod evidence;
pub mod graph;
pub mod labels;
pub mod library;
pub mod manager;
pub mod my_progress;
pub mod pin;
pub mod play;
pub mod portrait;
pub mod practice;
pub mod start;
pub mod style;
pub mod trainer;

/// What a view asks the app to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    /// Sign in as this trainee (by id).
    SelectTrainee(String),
    /// Create a trainee with this name and sign in.
    CreateTrainee(String),
    /// Back to the start screen.
    SwitchTrainee,
    /// Start an assessment of this scenario (by id).
    StartScenario(String),
    /// Start a practice attempt at this scenario (by id).
    StartPractice(String),
    /// Practice: back to the trainee's turn at this index, to answer it again.
    Rewind(usize),
    /// Practice: a hint for the current turn.
    Hint,
    /// Say the customer's last line again.
    ReplayLine,
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
    /// Open the manager area (asks for the manager PIN, or to set one).
    OpenManager,
    /// A PIN typed at the gate; `confirm` when choosing a new one.
    SubmitPin {
        pin: String,
        confirm: Option<String>,
    },
    /// Leave the PIN gate without unlocking.
    CancelPin,
    /// Lock the manager area and go back to the start screen.
    LeaveManager,
    /// Open a trainee's detail (by id), or back to the list with `None`.
    ManagerOpenTrainee(Option<String>),
    /// Open an attempt of the trainee in detail (by key), or close it with `None`.
    ManagerOpenAttempt(Option<String>),
    /// Export a CSV to this file, in the background.
    StartExport {
        kind: crate::report::CsvKind,
        path: std::path::PathBuf,
    },
    CancelExport,
    /// Set or replace a role's PIN (in the manager area); changing the manager PIN needs
    /// the current one.
    ChangePin {
        role: crate::access::Role,
        current: String,
        pin: String,
    },
    /// Reset the manager PIN with the recovery code.
    RecoverPin {
        code: String,
        pin: String,
        confirm: String,
    },
    /// The person has noted the recovery code shown once.
    RecoveryCodeKept,
    /// Back up the whole data dir into this archive, in the background.
    StartBackup(std::path::PathBuf),
    /// Restore this archive over the data dir (already confirmed), in the background.
    StartRestore(std::path::PathBuf),
    /// Delete a trainee and every record of theirs (already confirmed), by id.
    DeleteTrainee(String),
    /// Read the audit log again, for the Audit tab.
    OpenAudit,
    /// Require every trainee to have a PIN, or not.
    RequireTraineePins(bool),
    /// Save the manager's standard: default pass mark and floor, required scenarios.
    SaveStandards(crate::standards::Standards),
    /// The signed-in trainee sets or changes their own PIN.
    SetOwnPin {
        current: String,
        pin: String,
    },
    /// The manager clears a trainee's forgotten PIN (by id).
    ClearTraineePin(String),
    /// Open the trainer area (asks for the trainer or manager PIN).
    OpenTrainer,
    /// Lock the trainer area and go back to the start screen.
    LeaveTrainer,
    /// Write a new scenario from the template into the trainer's folder.
    NewScenario,
    /// Open a scenario file in the system's default editor.
    OpenInEditor(std::path::PathBuf),
    /// Copy a built-in scenario (by id) into the trainer's folder, to edit.
    CopyToEdit(String),
    /// Read the library again now.
    ReloadLibrary,
    /// Start a playtest of a scenario (by id) at a node (by id).
    PlaytestStart {
        scenario: String,
        node: String,
    },
    PlaytestProceed,
    PlaytestChoose(usize),
    PlaytestSend(String),
    /// Undo the playtest's last step.
    PlaytestBack,
    PlaytestStop,
    /// Save the LRS settings; `password: None` keeps the saved one.
    SaveLrs {
        endpoint: String,
        username: String,
        password: Option<String>,
        home_page: String,
        send_practice: bool,
    },
    /// Send what waits in the LRS outbox now.
    LrsSendNow,
}
