//! The eigenlings CLI: a thin layer over the course map, the progress file,
//! and the runner it supervises. `main` parses arguments and prints errors;
//! everything else starts at [`run`].
//!
//! Exit codes, everywhere: 0 all good, 1 something did not pass, 2 the tool
//! itself could not run (bad setup, unreadable file, cargo failing).

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;

pub mod board;
pub mod check;
pub mod cli;
pub mod cmd;
pub mod cohort;
pub mod compile;
pub mod course;
pub mod formats;
pub mod identity;
pub mod progress;
pub mod render;
pub mod supervisor;
pub mod watch;

/// Exit code: everything asked for passed.
pub const EXIT_OK: u8 = 0;
/// Exit code: something did not pass (failed, not implemented, locked, …).
pub const EXIT_NOT_PASSED: u8 = 1;
/// Exit code: the tool itself could not run.
pub const EXIT_TOOL_ERROR: u8 = 2;

/// Run a parsed command line.
pub fn run(cli: cli::Cli) -> Result<ExitCode> {
    let root = course::find_root()?;
    let course = course::Course::load(&root)?;
    let limit = Duration::from_secs(cli.time_limit.max(1));
    use cli::Command;
    match cli.command.unwrap_or(Command::Watch) {
        Command::Watch => watch::run(&course, limit, cli.poll),
        Command::List => cmd::list::run(&course),
        Command::Run { exercise } => cmd::run::run(&course, exercise.as_deref(), limit),
        Command::Hint { exercise } => cmd::hint::run(&course, exercise.as_deref()),
        Command::Solution { exercise } => cmd::solution::run(&course, &exercise),
        Command::Reset { exercise, yes } => cmd::reset::run(&course, &exercise, yes),
        Command::Verify { all, solutions, format, lesson } => {
            cmd::verify::run(&course, cmd::verify::Options { all, solutions, format, lessons: lesson }, limit)
        }
        Command::Whoami { name, email } => cmd::whoami::run(&course, name.as_deref(), email.as_deref()),
        Command::Cohort { paths, format, reverify, build_time_limit, learner_time_limit } => {
            let limits = reverify.then(|| cohort::reverify::Limits {
                check: limit,
                build: Duration::from_secs(build_time_limit.max(1)),
                learner: Duration::from_secs(learner_time_limit.max(1)),
            });
            cmd::cohort::run(&course, &paths, format, limits)
        }
        Command::Demo { lesson, solutions } => cmd::demo::run(&course, lesson, solutions),
        Command::Bench { exercise, solutions, sizes } => cmd::bench::run(&course, &exercise, solutions, &sizes),
    }
}

/// `ExitCode` from a pass/fail.
pub fn exit(passed: bool) -> ExitCode {
    ExitCode::from(if passed { EXIT_OK } else { EXIT_NOT_PASSED })
}
