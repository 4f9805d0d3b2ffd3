//! `cargo learn`: parse the command line, run it, print an error once.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = eigenlings::cli::Cli::parse();
    match eigenlings::run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(eigenlings::EXIT_TOOL_ERROR)
        }
    }
}
