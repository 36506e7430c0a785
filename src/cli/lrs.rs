//! `lrs status | flush | export FILE | configure`: the Learning Record Store outbox from
//! the terminal. Status and flush show no trainee's data; export and configure need the
//! manager PIN.

use std::path::Path;

use super::manage::{manager_gate, pin_from};
use super::{Cli, EXIT_INPUT, EXIT_OK, EXIT_USAGE, unix_ms};
use crate::lrs::{self, LrsConfig, Outbox};

/// Where `configure` reads the LRS password from when it is not typed.
pub const LRS_PASSWORD_ENV: &str = "TURNAROUND_LRS_PASSWORD";

fn day_time(ms: Option<u64>) -> String {
    ms.map_or("never".into(), crate::report::iso_utc)
}

/// `lrs status`: what is waiting, what was sent, and how the last send went.
pub fn status(cli: &Cli, json: bool) -> i32 {
    let data_dir = cli.data_dir();
    let config = match lrs::load_config(&data_dir) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INPUT;
        }
    };
    let status = Outbox::new(&data_dir).status();
    if json {
        println!(
            "{}",
            serde_json::json!({
                "configured": config.is_some(),
                "endpoint": config.as_ref().map(|c| c.statements_url()),
                "status": status,
            })
        );
        return EXIT_OK;
    }
    match &config {
        Some(c) => println!("LRS: {} as {}", c.statements_url(), c.username),
        None => println!(
            "No LRS is configured ({} does not exist); attempts are kept only on this computer.",
            lrs::config_path(&data_dir).display()
        ),
    }
    println!(
        "Waiting to be sent: {} from {}. Sent: {}.",
        lrs::count(status.pending_statements, "statement"),
        lrs::count(status.pending_attempts, "attempt"),
        lrs::count(status.sent_attempts, "attempt")
    );
    if status.rejected_attempts > 0 {
        println!(
            "Set aside: {} the LRS refused, kept with the reason in {}.",
            lrs::count(status.rejected_attempts, "attempt"),
            data_dir.join("lrs/rejected").display()
        );
    }
    println!("Last successful send: {}", day_time(status.last_success_ms));
    if let Some((at, message)) = &status.last_error {
        println!("Last failure ({}): {message}", crate::report::iso_utc(*at));
    }
    EXIT_OK
}

/// `lrs flush`: sends everything waiting now. Exit 1 when the LRS could not take it.
pub fn flush(cli: &Cli, json: bool) -> i32 {
    let data_dir = cli.data_dir();
    let config = match lrs::load_config(&data_dir) {
        Ok(Some(c)) => c,
        Ok(None) => {
            eprintln!(
                "error: {}",
                lrs::LrsError::NotConfigured(lrs::config_path(&data_dir))
            );
            return EXIT_INPUT;
        }
        Err(e) => {
            eprintln!("error: {e}");
            return EXIT_INPUT;
        }
    };
    // First queue any stored attempt that missed the outbox (a crash between the two).
    match lrs::reconcile(&data_dir) {
        Ok(0) => {}
        Ok(n) => eprintln!(
            "Queued {} that had not reached the outbox.",
            lrs::count(n, "attempt")
        ),
        Err(e) => eprintln!("warning: {e}"),
    }
    match Outbox::new(&data_dir).flush(&config, unix_ms()) {
        Ok(sent) => {
            if json {
                println!(
                    "{}",
                    serde_json::json!({"attempts": sent.attempts, "statements": sent.statements})
                );
            } else {
                println!(
                    "Sent {} from {} to {}",
                    lrs::count(sent.statements, "statement"),
                    lrs::count(sent.attempts, "attempt"),
                    config.statements_url()
                );
            }
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INPUT
        }
    }
}

/// `lrs export FILE.jsonl`: every statement, sent or waiting, one a line.
pub fn export(cli: &Cli, file: &Path) -> i32 {
    if manager_gate(cli, true).is_err() {
        return EXIT_INPUT;
    }
    let data_dir = cli.data_dir();
    let dir = file
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let result = tempfile::NamedTempFile::new_in(dir)
        .map_err(|e| e.to_string())
        .and_then(|tmp| {
            let mut out = std::io::BufWriter::new(tmp.as_file());
            let n = Outbox::new(&data_dir)
                .export(&mut out)
                .map_err(|e| e.to_string())?;
            std::io::Write::flush(&mut out).map_err(|e| e.to_string())?;
            drop(out);
            tmp.persist(file).map_err(|e| e.error.to_string())?;
            Ok(n)
        });
    match result {
        Ok(n) => {
            let _ = crate::audit::AuditLog::new(&data_dir).record(
                unix_ms(),
                "cli",
                &format!("exported {n} xAPI statements to {}", file.display()),
            );
            println!("Wrote {n} statements to {}", file.display());
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", file.display());
            EXIT_INPUT
        }
    }
}

/// The settings `configure` takes.
pub struct Settings<'a> {
    pub endpoint: &'a str,
    pub username: &'a str,
    pub home_page: &'a str,
    pub send_practice: bool,
    pub iri_base: Option<&'a str>,
}

/// `lrs configure`: writes `lrs.ron` (owner-only), after the manager PIN. The password
/// is asked for, or read from TURNAROUND_LRS_PASSWORD; it is never printed.
pub fn configure(cli: &Cli, s: &Settings<'_>) -> i32 {
    if manager_gate(cli, true).is_err() {
        return EXIT_INPUT;
    }
    let Some(password) = pin_from(LRS_PASSWORD_ENV, "LRS password: ") else {
        eprintln!("error: no password given (type it when asked, or set {LRS_PASSWORD_ENV})");
        return EXIT_USAGE;
    };
    let data_dir = cli.data_dir();
    let old = lrs::load_config(&data_dir).ok().flatten();
    let config = LrsConfig {
        since_ms: old.as_ref().map_or(unix_ms(), |c| c.since_ms),
        endpoint: s.endpoint.trim().to_string(),
        username: s.username.trim().to_string(),
        password,
        home_page: s.home_page.trim().to_string(),
        send_practice: s.send_practice,
        iri_base: s
            .iri_base
            .map_or(crate::xapi::DEFAULT_IRI_BASE.to_string(), str::to_string),
    };
    match lrs::save_config(&data_dir, &config) {
        Ok(()) => {
            let _ = crate::audit::AuditLog::new(&data_dir).record(
                unix_ms(),
                "cli",
                &format!("set the LRS to {}", config.statements_url()),
            );
            println!(
                "Attempts will be sent to {} as {}",
                config.statements_url(),
                config.username
            );
            EXIT_OK
        }
        Err(e) => {
            eprintln!("error: {e}");
            EXIT_INPUT
        }
    }
}
