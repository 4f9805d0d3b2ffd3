//! Checking exercises end to end: make sure the file is there, build the
//! runner, run the check under the supervisor, and record the result.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use report::{ExerciseReport, Status};

use crate::compile::{self, Built, Target};
use crate::course::{Course, Exercise};
use crate::progress::{self, Standing, Store};
use crate::supervisor::{self, Outcome};

/// How checks are run.
#[derive(Debug, Clone)]
pub struct Settings {
    pub target: Target,
    pub time_limit: Duration,
    /// Colour in compiler messages.
    pub color: bool,
}

/// A built runner, or the reason there is none.
pub enum Runner {
    Ready(PathBuf),
    CompileError { rendered: String, files: Vec<String> },
}

/// Build the runner once for a batch of checks.
pub fn prepare(course: &Course, settings: &Settings) -> Result<Runner> {
    Ok(match compile::build(&course.root, settings.target, settings.color)? {
        Built::Runner(path) => Runner::Ready(path),
        Built::CompileError { rendered, files } => Runner::CompileError { rendered, files },
    })
}

/// Check one exercise with a prepared runner.
pub fn check(course: &Course, runner: &Runner, e: &Exercise, settings: &Settings) -> Result<Outcome> {
    if settings.target == Target::Exercises
        && let Some(report) = missing_file(course, e)
    {
        return Ok(Outcome { report, printed: String::new(), elapsed: Duration::ZERO });
    }
    match runner {
        Runner::CompileError { rendered, files } => Ok(Outcome {
            report: compile_error(course, e, rendered, files),
            printed: String::new(),
            elapsed: Duration::ZERO,
        }),
        Runner::Ready(path) => {
            let reports = course.root.join("target").join("eigenlings").join("reports");
            supervisor::check(path, &e.id, &reports, settings.time_limit)
        }
    }
}

/// Build and check one exercise.
pub fn build_and_check(course: &Course, e: &Exercise, settings: &Settings) -> Result<Outcome> {
    // A missing file needs no build to be reported (`check` reports it).
    let runner = if settings.target == Target::Exercises && !course.exercise_path(e).is_file() {
        Runner::CompileError { rendered: String::new(), files: Vec::new() }
    } else {
        prepare(course, settings)?
    };
    check(course, &runner, e, settings)
}

fn missing_file(course: &Course, e: &Exercise) -> Option<ExerciseReport> {
    let path = course.exercise_path(e);
    if path.is_file() {
        return None;
    }
    Some(ExerciseReport::bare(
        &e.id,
        Status::CompileError,
        format!(
            "{} is missing (deleted or renamed?). Nothing can be checked until it is back: `cargo learn reset {}` \
             restores the original stub, or `git checkout -- {}` your last committed version.",
            course.relative(&path).display(),
            e.id,
            course.relative(&path).display()
        ),
    ))
}

fn compile_error(course: &Course, e: &Exercise, rendered: &str, files: &[String]) -> ExerciseReport {
    let own = course.relative(&course.exercise_path(e)).display().to_string();
    let elsewhere: Vec<&String> = files.iter().filter(|f| !f.ends_with(&own)).collect();
    let mut message = String::new();
    if files.iter().any(|f| f.ends_with(&own)) {
        message.push_str(&format!("{own} does not compile yet:\n\n"));
    } else if !elsewhere.is_empty() {
        let list: Vec<&str> = elsewhere.iter().map(|f| f.as_str()).collect();
        message.push_str(&format!(
            "The workbook does not compile because of {} (every exercise lives in one crate, so one \
             compile error stops all checks):\n\n",
            list.join(", ")
        ));
    }
    message.push_str(rendered.trim_end());
    ExerciseReport::bare(&e.id, Status::CompileError, message)
}

/// Record one check of `e` in the progress. Returns whether the exercise
/// went from not done to done (`Some(true)`), from done to failing
/// (`Some(false)`), or kept its standing (`None`).
pub fn record(store: &mut Store, course: &Course, e: &Exercise, report: &ExerciseReport) -> Option<bool> {
    let source = std::fs::read(course.exercise_path(e)).ok();
    let now = progress::now();
    let rec = store.record(&e.id);
    rec.runs += 1;
    if rec.first_run.is_none() {
        rec.first_run = Some(now.clone());
    }
    let was_done = rec.status == Standing::Done;
    rec.last_failed_property = report.first_failure().map(|p| p.name.clone());
    if let Some(name) = &rec.last_failed_property {
        *rec.failed_properties.entry(name.clone()).or_default() += 1;
    }
    if report.status == Status::Passed {
        rec.status = Standing::Done;
        if rec.solved.is_none() {
            rec.solved = Some(now);
            rec.runs_to_solve = Some(rec.runs);
        }
        rec.source_sha1 = source.as_deref().map(progress::git_blob_sha1);
        (!was_done).then_some(true)
    } else {
        rec.status = Standing::Pending;
        was_done.then_some(false)
    }
}

/// The path of an exercise file relative to the root, for headings.
pub fn display_path(course: &Course, e: &Exercise) -> String {
    course.relative(&course.exercise_path(e)).display().to_string()
}

/// Whether a file path (from a file event) is this exercise's file.
pub fn is_file_of(course: &Course, e: &Exercise, path: &Path) -> bool {
    path.ends_with(course.relative(&course.exercise_path(e)))
}
