//! The runner: a small process that links one implementation of the course
//! (the learner's `exercises` or the reference `solutions`) with the checks,
//! checks one exercise or runs one demo, and writes a JSON report.
//!
//! The CLI never links learner code: it spawns this process and supervises
//! it (wall-clock limit, crashes, output cap). Inside, a watchdog reports an
//! input that hangs, and an address-space limit turns a runaway allocation
//! into a clean "crashed" verdict instead of a machine that swaps.
//!
//! Usage (internal, the CLI's contract with the runner):
//!
//! ```text
//! run-exercises list
//! run-exercises check EXERCISE --report FILE [--case-limit-ms N]
//! run-exercises demo LESSON --data DIR --out DIR
//! run-exercises bench EXERCISE --report FILE --svg FILE [--sizes 32,64,128,256] [--budget-ms N]
//! ```
//!
//! `bench` prints `progress DONE TOTAL LABEL` lines on stderr for the CLI's bar.
//!
//! Exit codes: 0 passed, 1 failed, 2 not implemented, 3 bad usage,
//! 124 stopped by the watchdog. A crash shows as a signal.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use report::{ExerciseReport, Status};

mod bench;
mod table;

/// The bench crate, re-exported for the course table (`$crate::speed::Subject`).
pub use speed;

/// One exercise: its id and its check, bound to one implementation.
pub struct Exercise {
    pub id: &'static str,
    pub check: fn() -> ExerciseReport,
}

/// One lesson's demo, bound to one implementation.
pub struct Demo {
    pub lesson: u32,
    pub run: fn(&demos::Args) -> Result<(), String>,
}

/// The whole course as one implementation provides it.
pub struct Course {
    pub exercises: &'static [Exercise],
    pub demos: &'static [Demo],
    /// The factorizations `cargo learn bench` can time, one per exercise.
    pub benches: &'static [speed::Subject],
}

/// Exit code: every property held.
pub const EXIT_PASSED: u8 = 0;
/// Exit code: a property failed.
pub const EXIT_FAILED: u8 = 1;
/// Exit code: a function still calls `todo!()`.
pub const EXIT_NOT_IMPLEMENTED: u8 = 2;
/// Exit code: the runner was called wrongly.
pub const EXIT_USAGE: u8 = 3;

/// Default time one generated case may take before the watchdog reports it.
const CASE_LIMIT: Duration = Duration::from_secs(2);

/// Address space the runner may use. Checks need a few hundred MiB at most;
/// a learner's `vec![0.0; 1 << 34]` fails cleanly instead of exhausting memory.
const MEMORY_LIMIT_BYTES: u64 = 4 << 30;

/// The runner's entry point, called by `run-exercises` and `run-solutions`.
pub fn main(course: &Course) -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("list") => {
            for e in course.exercises {
                println!("{}", e.id);
            }
            ExitCode::SUCCESS
        }
        Some("check") => check(course, &args[1..]),
        Some("demo") => demo(course, &args[1..]),
        Some("bench") => bench::run(course, &args[1..]),
        _ => usage(
            "expected `list`, `check EXERCISE --report FILE`, `demo LESSON --data DIR --out DIR` or `bench EXERCISE …`",
        ),
    }
}

pub(crate) fn usage(message: &str) -> ExitCode {
    eprintln!("runner: {message}");
    ExitCode::from(EXIT_USAGE)
}

/// The value after `--name`, if present.
pub(crate) fn option<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn check(course: &Course, args: &[String]) -> ExitCode {
    let Some(id) = args.first() else { return usage("check: which exercise?") };
    let Some(report_path) = option(args, "--report") else { return usage("check: --report FILE is required") };
    let Some(exercise) = course.exercises.iter().find(|e| e.id == id) else {
        return usage(&format!("check: no exercise `{id}`"));
    };
    let limit =
        option(args, "--case-limit-ms").and_then(|ms| ms.parse().ok()).map_or(CASE_LIMIT, Duration::from_millis);
    // Best effort: where the limit cannot be set, the CLI's supervisor still protects the machine.
    let _ = rlimit::setrlimit(rlimit::Resource::AS, MEMORY_LIMIT_BYTES, MEMORY_LIMIT_BYTES);
    checks::watchdog::arm(id, PathBuf::from(report_path), limit);
    let report = (exercise.check)();
    let json = match serde_json::to_string(&report) {
        Ok(json) => json,
        Err(e) => return usage(&format!("could not encode the report: {e}")),
    };
    if let Err(e) = std::fs::write(report_path, json) {
        return usage(&format!("could not write {report_path}: {e}"));
    }
    ExitCode::from(match report.status {
        Status::Passed => EXIT_PASSED,
        Status::NotImplemented => EXIT_NOT_IMPLEMENTED,
        _ => EXIT_FAILED,
    })
}

fn demo(course: &Course, args: &[String]) -> ExitCode {
    let Some(lesson) = args.first().and_then(|l| l.parse::<u32>().ok()) else {
        return usage("demo: which lesson (a number)?");
    };
    let (Some(data), Some(out)) = (option(args, "--data"), option(args, "--out")) else {
        return usage("demo: --data DIR and --out DIR are required");
    };
    let Some(d) = course.demos.iter().find(|d| d.lesson == lesson) else {
        return usage(&format!("demo: lesson {lesson} has no demo yet"));
    };
    let args = demos::Args { data: PathBuf::from(data), out: PathBuf::from(out) };
    match checks::guard::call(|| (d.run)(&args)) {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(message)) => {
            eprintln!("{message}");
            ExitCode::from(EXIT_FAILED)
        }
        Err(p) if p.is_not_implemented() => {
            eprintln!("The demo needs a function you have not written yet: {}", p.message);
            ExitCode::from(EXIT_NOT_IMPLEMENTED)
        }
        Err(p) => {
            eprintln!("Your code {}", p.describe());
            ExitCode::from(EXIT_FAILED)
        }
    }
}

/// Run every exercise's check in this process (for the author gate in `cargo test`).
pub fn check_all_in_process(course: &Course) -> Vec<ExerciseReport> {
    course.exercises.iter().map(|e| (e.check)()).collect()
}
