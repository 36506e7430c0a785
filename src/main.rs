//! The `turnaround` binary: the terminal commands, or the desktop app when none is given.

use clap::Parser;
use turnaround::cli::{self, Cli};

fn main() {
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
            eprintln!("the desktop app is not built yet; try `turnaround --help`");
            cli::EXIT_USAGE
        }
    };
    std::process::exit(code);
}
