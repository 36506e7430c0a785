//! The `turnaround` binary: the terminal commands, or the desktop app when none is given.

use clap::Parser;
use turnaround::app::{self, AppConfig};
use turnaround::cli::{self, Cli};

/// Lets `turnaround report | head` end quietly when the reader stops reading, as other
/// terminal tools do, instead of panicking on the closed pipe (Rust ignores SIGPIPE).
#[cfg(unix)]
fn default_sigpipe() {
    unsafe extern "C" {
        fn signal(signum: i32, handler: usize) -> usize;
    }
    const SIGPIPE: i32 = 13;
    const SIG_DFL: usize = 0;
    // SAFETY: restores the default disposition of one signal before any thread starts.
    unsafe {
        signal(SIGPIPE, SIG_DFL);
    }
}

fn main() {
    let started = std::time::Instant::now();
    #[cfg(unix)]
    default_sigpipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() {
                cli::EXIT_USAGE
            } else {
                cli::EXIT_OK
            };
            let _ = e.print();
            std::process::exit(code);
        }
    };
    let code = match &cli.command {
        Some(command) => cli::run(&cli, command),
        None => {
            let config = AppConfig {
                data_dir: cli.data_dir(),
                trainer_scenarios: cli.trainer_scenarios(),
                measure_startup: (cli.measure_startup || cli.measure_manager).then_some(started),
                measure_manager_pin: cli.measure_manager.then(|| {
                    std::env::var(turnaround::access::MANAGER_PIN_ENV).unwrap_or_default()
                }),
            };
            match app::run(config) {
                Ok(()) => cli::EXIT_OK,
                Err(e) => {
                    eprintln!("error: cannot open the window: {e}");
                    eprintln!("help: on Debian, `bash .ci/setup run` installs what a window needs");
                    cli::EXIT_INPUT
                }
            }
        }
    };
    std::process::exit(code);
}
