//! The command line, as clap types. Each flag's help is its doc comment.

use clap::{Parser, Subcommand, ValueEnum};

/// eigenlings: linear algebra for machine learning, from scratch, in Rust.
///
/// Without a command, starts watch mode: it shows the current exercise,
/// re-checks it every time you save, and moves on when it passes.
#[derive(Debug, Parser)]
#[command(name = "cargo learn", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,

    /// Watch mode: poll the files every second instead of waiting for file
    /// events (for file systems without inotify: network drives, some containers, WSL).
    #[arg(long, global = true)]
    pub poll: bool,

    /// Wall-clock limit for checking one exercise, in seconds.
    #[arg(long, global = true, default_value_t = 20, value_name = "SECONDS")]
    pub time_limit: u64,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Watch mode (the default): check the current exercise on every save.
    Watch,
    /// Every lesson and exercise with its state: done, current, pending, locked.
    List,
    /// Check one exercise once (default: the current one). Exit 0 when it passes.
    Run {
        /// The exercise id, as `cargo learn list` shows it.
        exercise: Option<String>,
    },
    /// Show the next hint for an exercise (idea, then step, then pitfall).
    Hint {
        /// The exercise id (default: the current one).
        exercise: Option<String>,
    },
    /// Show the worked reference solution of an exercise you have solved.
    Solution {
        /// The exercise id.
        exercise: String,
    },
    /// Put the original stub back into an exercise file (your version is backed up).
    Reset {
        /// The exercise id.
        exercise: String,
        /// Do not ask for confirmation.
        #[arg(long, short)]
        yes: bool,
    },
    /// Check many exercises at once; exit 0 only when all of them pass.
    Verify {
        /// Check every exercise, also those in locked lessons.
        #[arg(long)]
        all: bool,
        /// Check the reference solutions instead of your code.
        #[arg(long)]
        solutions: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Run a lesson's "apply it" section: your code on real data, with figures.
    Demo {
        /// The lesson number (1–12).
        lesson: u32,
        /// Run the reference solutions instead of your code.
        #[arg(long)]
        solutions: bool,
    },
}

/// How `verify` prints its results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// One JSON object: exercises with their properties, then a summary.
    Json,
    /// JUnit XML, for CI systems.
    Junit,
}
