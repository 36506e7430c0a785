//! The manager's terminal commands: `report` (a summary table, CSV or JSON) and
//! `set-pin`. Reading other trainees' data asks for the manager PIN, from
//! `TURNAROUND_MANAGER_PIN` or a prompt (PRODUCT.md).

use std::io::{self, BufRead, Write};

use super::{Cli, EXIT_INPUT, EXIT_OK, EXIT_USAGE};
use crate::access::{self, Access, Role};
use crate::progress::{FsStore, ProgressStore, Trainee};
use crate::report::{self, CsvKind};

/// The environment variable `set-pin` reads the new PIN from, instead of prompting.
pub const NEW_PIN_ENV: &str = "TURNAROUND_NEW_PIN";

/// The environment variable `set-pin manager --recovery` reads the code from.
pub const RECOVERY_CODE_ENV: &str = "TURNAROUND_RECOVERY_CODE";

/// Reads one line from stdin after a prompt on stderr; `None` at end of input. At a
/// terminal the typing is not echoed (PINs and codes are secrets).
fn prompt(question: &str) -> Option<String> {
    use std::io::IsTerminal;
    eprint!("{question}");
    let _ = io::stderr().flush();
    let hide = io::stdin().is_terminal();
    let stty = |arg: &str| {
        let _ = std::process::Command::new("stty")
            .arg(arg)
            .stdin(std::process::Stdio::inherit())
            .status();
    };
    if hide {
        stty("-echo");
    }
    let mut line = String::new();
    let read = io::stdin().lock().read_line(&mut line);
    if hide {
        stty("echo");
        eprintln!();
    }
    match read {
        Ok(0) | Err(_) => None,
        Ok(_) => Some(line.trim().to_string()),
    }
}

/// The PIN from `env`, else asked for.
pub(super) fn pin_from(env: &str, question: &str) -> Option<String> {
    std::env::var(env)
        .ok()
        .filter(|p| !p.is_empty())
        .or_else(|| prompt(question))
}

fn unix_ms() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as u64)
}

/// The manager PIN, asked for or from the environment.
fn manager_pin() -> Result<String, (String, i32)> {
    pin_from(access::MANAGER_PIN_ENV, "Manager PIN: ").ok_or_else(|| {
        (
            format!(
                "the manager PIN is needed: type it when asked, or set {}",
                access::MANAGER_PIN_ENV
            ),
            EXIT_USAGE,
        )
    })
}

/// Checks the manager PIN, counting wrong tries like the app; on refusal, the message
/// and exit code.
pub(super) fn require_manager(access: &mut Access) -> Result<(), (String, i32)> {
    if !access.is_set(Role::Manager) {
        return Err((
            "no manager PIN is set yet: set one with `turnaround set-pin manager` or in the app's Manager area".into(),
            EXIT_INPUT,
        ));
    }
    let pin = manager_pin()?;
    match access.try_role(Role::Manager, &pin, unix_ms()).message() {
        None => Ok(()),
        Some(why) if why.starts_with("That PIN") => {
            Err((format!("wrong manager PIN. {why}"), EXIT_INPUT))
        }
        Some(why) => Err((why, EXIT_INPUT)),
    }
}

pub(super) fn load_access(cli: &Cli) -> Result<Access, i32> {
    Access::load(&cli.data_dir()).map_err(|e| {
        eprintln!("error: {e}");
        EXIT_INPUT
    })
}

fn new_pin(role: Role) -> Result<String, i32> {
    pin_from(
        NEW_PIN_ENV,
        &format!("New {} PIN (4-12 digits): ", role.label()),
    )
    .ok_or_else(|| {
        eprintln!("error: no PIN given (type it when asked, or set {NEW_PIN_ENV})");
        EXIT_USAGE
    })
}

fn access_error(e: &access::AccessError) -> i32 {
    eprintln!("error: {e}");
    match e {
        access::AccessError::BadPin => EXIT_USAGE,
        _ => EXIT_INPUT,
    }
}

/// `set-pin ROLE`: the first manager PIN freely (printing its recovery code once); after
/// that, a change needs the manager PIN, or for the manager PIN, `--recovery`'s code.
pub fn set_pin(cli: &Cli, role: Role, recovery: bool) -> i32 {
    let Ok(mut access) = load_access(cli) else {
        return EXIT_INPUT;
    };
    let now = unix_ms();
    if recovery {
        if role != Role::Manager {
            eprintln!("error: --recovery resets the manager PIN only");
            return EXIT_USAGE;
        }
        let Some(code) = pin_from(RECOVERY_CODE_ENV, "Recovery code: ") else {
            eprintln!(
                "error: no recovery code given (type it when asked, or set {RECOVERY_CODE_ENV})"
            );
            return EXIT_USAGE;
        };
        let pin = match new_pin(role) {
            Ok(p) => p,
            Err(code) => return code,
        };
        return match access.reset_with_recovery_code(&code, &pin, now) {
            Ok(fresh) => {
                println!(
                    "The manager PIN is reset. Your new recovery code (the old one no longer works; it is shown only now):"
                );
                println!("{fresh}");
                EXIT_OK
            }
            Err(e) => access_error(&e),
        };
    }
    if role == Role::Manager && !access.is_set(Role::Manager) {
        let pin = match new_pin(role) {
            Ok(p) => p,
            Err(code) => return code,
        };
        return match access.set_first_manager_pin(&pin, now) {
            Ok(code) => {
                println!(
                    "The manager PIN is set. Your recovery code (shown only now; it resets a forgotten PIN):"
                );
                println!("{code}");
                EXIT_OK
            }
            Err(e) => access_error(&e),
        };
    }
    // Every later change needs the manager: the current manager PIN.
    if access.is_set(Role::Manager) {
        let current = match manager_pin() {
            Ok(p) => p,
            Err((message, code)) => {
                eprintln!("error: {message}");
                return code;
            }
        };
        let pin = match new_pin(role) {
            Ok(p) => p,
            Err(code) => return code,
        };
        let result = match role {
            Role::Manager => access.change_manager_pin(&current, &pin, now),
            Role::Trainer => match access.try_role(Role::Manager, &current, now).message() {
                None => access.set_trainer_pin(&pin, now),
                Some(why) => Err(access::AccessError::Refused(format!(
                    "the manager PIN: {why}"
                ))),
            },
        };
        return match result {
            Ok(()) => {
                println!("The {} PIN is set.", role.label());
                EXIT_OK
            }
            Err(e) => access_error(&e),
        };
    }
    // No manager yet: the trainer PIN may be set freely the first time only.
    if access.is_set(Role::Trainer) {
        eprintln!(
            "error: the trainer PIN is set; set the manager PIN first, then change it with that"
        );
        return EXIT_INPUT;
    }
    let pin = match new_pin(role) {
        Ok(p) => p,
        Err(code) => return code,
    };
    match access.set_trainer_pin(&pin, now) {
        Ok(()) => {
            println!("The trainer PIN is set.");
            EXIT_OK
        }
        Err(e) => access_error(&e),
    }
}

/// What `report` prints.
#[derive(Debug, Clone, Copy)]
pub struct ReportOptions {
    pub csv: bool,
    pub turns: bool,
    pub json: bool,
}

/// `report`: after the manager PIN, every trainee's summary, or CSV, or JSON.
pub fn report(cli: &Cli, only: Option<&str>, options: ReportOptions) -> i32 {
    if options.turns && !options.csv {
        eprintln!("error: --turns goes with --csv (one row per turn)");
        return EXIT_USAGE;
    }
    let Ok(mut access) = load_access(cli) else {
        return EXIT_INPUT;
    };
    if let Err((message, code)) = require_manager(&mut access) {
        eprintln!("error: {message}");
        return code;
    }
    let mut store = FsStore::new(&cli.data_dir());
    let mut trainees = match store.trainees() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INPUT;
        }
    };
    if let Some(name) = only {
        let wanted = name.trim().to_lowercase();
        trainees.retain(|t| t.name.to_lowercase() == wanted || t.id == name);
        if trainees.is_empty() {
            eprintln!("error: no trainee called `{name}`");
            return EXIT_INPUT;
        }
    }
    let code = if options.csv {
        csv(&mut store, &trainees, options.turns)
    } else {
        summary(&mut store, &trainees, options.json)
    };
    for s in store.set_aside() {
        eprintln!(
            "warning: a damaged file was set aside: {} -> {} ({})",
            s.original.display(),
            s.moved_to.display(),
            s.reason
        );
    }
    for s in store.skipped() {
        eprintln!("warning: not loaded: {} ({})", s.path.display(), s.reason);
    }
    code
}

fn csv(store: &mut FsStore, trainees: &[Trainee], turns: bool) -> i32 {
    let kind = if turns {
        CsvKind::Turns
    } else {
        CsvKind::Attempts
    };
    let stdout = io::stdout().lock();
    let result = report::write_csv(store, trainees, kind, io::BufWriter::new(stdout), |_, _| {
        true
    });
    match result {
        Ok(_) => EXIT_OK,
        // `report --csv | head` closes the pipe early; that is the reader's choice.
        Err(report::ExportError::Csv(e)) if matches!(e.kind(), csv::ErrorKind::Io(io) if io.kind() == io::ErrorKind::BrokenPipe) => {
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INPUT
        }
    }
}

fn summary(store: &mut FsStore, trainees: &[Trainee], json: bool) -> i32 {
    let mut overviews = Vec::new();
    let mut all_rows = Vec::new();
    for t in trainees {
        match store.rows(&t.id) {
            Ok(rows) => {
                overviews.push(report::overview(t, &rows));
                all_rows.push(rows);
            }
            Err(e) => {
                eprintln!("error: {e}");
                return EXIT_INPUT;
            }
        }
    }
    let cohort = report::cohort(all_rows.iter().map(Vec::as_slice));
    if json {
        let value = serde_json::json!({ "trainees": overviews, "cohort": cohort });
        println!("{value}");
        return EXIT_OK;
    }
    if overviews.is_empty() {
        println!("No trainees yet.");
        return EXIT_OK;
    }
    println!(
        "{:<24} {:>8} {:>8} {:>6} {:>6} {:>6} {:>7} {:>7} {:>6}  {:<10}",
        "Trainee",
        "Attempts",
        "Practice",
        "AL",
        "OW",
        "EE",
        "Latest",
        "Average",
        "Passed",
        "Last active"
    );
    let score = |s: Option<f64>| s.map_or_else(|| "-".to_string(), |v| format!("{v:.0}"));
    for o in &overviews {
        let latest = o.latest;
        println!(
            "{:<24} {:>8} {:>8} {:>6} {:>6} {:>6} {:>7} {:>7} {:>6}  {:<10}",
            truncate(&o.name, 24),
            o.attempts,
            o.practice,
            score(latest.map(|s| s.active_listening)),
            score(latest.map(|s| s.ownership)),
            score(latest.map(|s| s.exceeding_expectations)),
            score(latest.map(|s| s.overall)),
            score(o.average.map(|s| s.overall)),
            o.scenarios_passed,
            o.last_active_ms.map_or_else(
                || "never".to_string(),
                |ms| report::iso_utc(ms)[..10].to_string()
            ),
        );
    }
    println!("\nAL, OW, EE: the latest assessment's active listening, ownership and exceeding");
    println!("expectations; Passed: scenarios whose latest assessment passed.");
    if !cohort.scenarios.is_empty() {
        println!(
            "\n{:<36} {:>8} {:>8} {:>6} {:>6} {:>6} {:>7}  {:<}",
            "Scenario",
            "Attempts",
            "Trainees",
            "AL",
            "OW",
            "EE",
            "Overall",
            "Lost/Recovered/Advocate"
        );
        for s in &cohort.scenarios {
            println!(
                "{:<36} {:>8} {:>8} {:>6.0} {:>6.0} {:>6.0} {:>7.0}  {}/{}/{}",
                truncate(&s.scenario_id, 36),
                s.attempts,
                s.trainees,
                s.average.active_listening,
                s.average.ownership,
                s.average.exceeding_expectations,
                s.average.overall,
                s.outcomes[0],
                s.outcomes[1],
                s.outcomes[2]
            );
        }
    }
    EXIT_OK
}

fn truncate(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let cut: String = s.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}

/// Asks for the manager PIN when one is set; on refusal, prints why and gives the code.
pub(super) fn manager_gate(cli: &Cli, need_pin_set: bool) -> Result<Access, i32> {
    let mut access = load_access(cli)?;
    if !access.is_set(Role::Manager) && !need_pin_set {
        return Ok(access);
    }
    require_manager(&mut access).map_err(|(message, code)| {
        eprintln!("error: {message}");
        code
    })?;
    Ok(access)
}

/// `backup FILE`: the whole data dir in one archive, after the manager PIN.
pub fn backup(cli: &Cli, file: &std::path::Path) -> i32 {
    if manager_gate(cli, true).is_err() {
        return EXIT_INPUT;
    }
    let data_dir = cli.data_dir();
    match crate::backup::create(&data_dir, file, unix_ms(), |_, _| true) {
        Ok(m) => {
            let _ = crate::audit::AuditLog::new(&data_dir).record(
                unix_ms(),
                "cli",
                &format!("backed up {} files to {}", m.files.len(), file.display()),
            );
            println!("Backed up {} files to {}", m.files.len(), file.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INPUT
        }
    }
}

/// `restore FILE`: checks every checksum, moves the current data dir aside, restores.
/// Needs the current manager PIN when one is set.
pub fn restore(cli: &Cli, file: &std::path::Path) -> i32 {
    if let Err(code) = manager_gate(cli, false) {
        return code;
    }
    let data_dir = cli.data_dir();
    match crate::backup::restore(file, &data_dir, unix_ms()) {
        Ok(r) => {
            let _ = crate::audit::AuditLog::new(&data_dir).record(
                unix_ms(),
                "cli",
                &format!("restored {} files from {}", r.files, file.display()),
            );
            println!("Restored {} files from {}.", r.files, file.display());
            if let Some(aside) = r.moved_aside {
                println!("The data that was there is kept in {}", aside.display());
            }
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INPUT
        }
    }
}

/// `delete-trainee NAME --yes`: removes a trainee and every record of theirs.
pub fn delete_trainee(cli: &Cli, who: &str, yes: bool) -> i32 {
    if !yes {
        eprintln!("error: deleting a trainee cannot be undone; add --yes to confirm");
        return EXIT_USAGE;
    }
    let mut access = match manager_gate(cli, true) {
        Ok(a) => a,
        Err(code) => return code,
    };
    let data_dir = cli.data_dir();
    let mut store = FsStore::new(&data_dir);
    let wanted = who.trim().to_lowercase();
    let found: Vec<Trainee> = match store.trainees() {
        Ok(t) => t
            .into_iter()
            .filter(|t| t.name.to_lowercase() == wanted || t.id == who)
            .collect(),
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INPUT;
        }
    };
    let [t] = found.as_slice() else {
        eprintln!(
            "error: {} trainees match `{who}`; give the id instead",
            found.len()
        );
        return EXIT_INPUT;
    };
    match store.delete_trainee(&t.id) {
        Ok(attempts) => {
            let _ = access.forget_trainee(&t.id);
            let _ = crate::audit::AuditLog::new(&data_dir).record(
                unix_ms(),
                "cli",
                &format!("deleted a trainee and their {attempts} attempts"),
            );
            println!("Deleted the trainee and their {attempts} attempts.");
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INPUT
        }
    }
}
