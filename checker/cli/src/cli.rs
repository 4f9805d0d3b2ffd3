//! The command line, as clap types. Each flag's help is its doc comment.

use std::path::PathBuf;

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
        /// Only this lesson (repeat for several): one grading step per lesson in CI.
        #[arg(long, value_name = "N")]
        lesson: Vec<u32>,
    },
    /// Show the name your progress file carries, or set it (your instructor sees it).
    Whoami {
        /// Your name, as your instructor should see it.
        #[arg(long)]
        name: Option<String>,
        /// Your e-mail address.
        #[arg(long)]
        email: Option<String>,
    },
    /// Instructor report over many learners: where each one is, where the cohort is stuck.
    Cohort {
        /// Learner repositories, progress files, or folders holding either.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CohortFormat::Text)]
        format: CohortFormat,
        /// Re-run the checks on each learner's own exercise files (their code runs on this
        /// machine, one process per exercise, with time and memory limits).
        #[arg(long)]
        reverify: bool,
        /// With --reverify: wall-clock limit for compiling one learner's code, in seconds.
        #[arg(long, default_value_t = 120, value_name = "SECONDS")]
        build_time_limit: u64,
        /// With --reverify: the most time one learner may take (build and every check), in seconds.
        #[arg(long, default_value_t = 300, value_name = "SECONDS")]
        learner_time_limit: u64,
    },
    /// Time your factorization against nalgebra's on growing sizes (optimized build),
    /// with both backward errors, the growth exponent and a plot.
    Bench {
        /// The exercise: lu_decomposition, householder_qr, symmetric_eigen or jacobi_svd.
        exercise: String,
        /// Time the reference solution instead of your code.
        #[arg(long)]
        solutions: bool,
        /// The sizes n: each gives an n×n input, and a 4n×n one where the factorization takes tall matrices.
        #[arg(long, value_delimiter = ',', default_values_t = [32, 64, 128, 256], value_name = "N,N,…")]
        sizes: Vec<usize>,
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

/// How `cohort` prints its report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CohortFormat {
    /// Tables for a terminal.
    Text,
    /// One row per learner and exercise, for a spreadsheet.
    Csv,
    /// One self-contained page: no network, no scripts.
    Html,
}
