//! `cargo learn verify`: check many exercises; text, JSON or JUnit out.
//! Read-only: it never writes the progress file (CI runs it on clean clones).
//! `--lesson N` narrows it to lessons, so a CI job can grade lesson by lesson.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Result, bail};
use report::{ExerciseReport, Status};

use crate::board;
use crate::check::{self, Settings};
use crate::cli::Format;
use crate::compile::Target;
use crate::course::Course;
use crate::formats::{self, Row};
use crate::progress::Store;
use crate::render;

/// What to check, and how to print it.
#[derive(Debug, Clone)]
pub struct Options {
    /// Also the exercises of locked lessons.
    pub all: bool,
    /// The reference solutions instead of the learner's code.
    pub solutions: bool,
    pub format: Format,
    /// Only these lessons (empty: every lesson).
    pub lessons: Vec<u32>,
}

pub fn run(course: &Course, options: Options, limit: Duration) -> Result<ExitCode> {
    let Options { all, solutions, format, lessons } = options;
    for &n in &lessons {
        if course.exercises_of(n).next().is_none() {
            let known: Vec<String> = course
                .lessons
                .iter()
                .filter(|l| course.exercises_of(l.number).next().is_some())
                .map(|l| l.number.to_string())
                .collect();
            bail!("lesson {n} has no exercises to verify (lessons with exercises: {})", known.join(", "));
        }
    }
    let store = Store::open(&course.root);
    if format == Format::Text {
        super::warn_unreadable(&store);
    }
    let target = if solutions { Target::Solutions } else { Target::Exercises };
    let color = format == Format::Text && render::use_color();
    let settings = Settings { target, time_limit: limit, color };
    let runner = check::prepare(course, &settings)?;
    let mut rows = Vec::new();
    for e in course.exercises.iter().filter(|e| lessons.is_empty() || lessons.contains(&e.lesson)) {
        let checked = all || solutions || board::lesson_unlocked(course, &store, e.lesson);
        let (report, seconds) = if checked {
            let outcome = check::check(course, &runner, e, &settings)?;
            (outcome.report, outcome.elapsed.as_secs_f64())
        } else {
            let message = format!("lesson {} is locked until the lessons before it are done", e.lesson);
            (ExerciseReport::bare(&e.id, Status::Locked, message), 0.0)
        };
        if format == Format::Text {
            print!("{}", line(&report, &check::display_path(course, e)));
        }
        rows.push(Row { lesson: e.lesson, report, seconds });
    }
    let target_name = if solutions { "solutions" } else { "exercises" };
    match format {
        Format::Text => print!("{}", summary(&rows)),
        Format::Json => println!("{}", formats::json(course, target_name, &rows)),
        Format::Junit => println!("{}", formats::junit(course, target_name, &rows)),
    }
    Ok(crate::exit(rows.iter().all(|r| r.report.status == Status::Passed)))
}

/// One exercise in text mode: the verdict, and for a failure its first property.
fn line(report: &ExerciseReport, file: &str) -> String {
    let mut s = format!("{:<20} {}\n", report.id, render::status_word(report.status));
    if report.status != Status::Passed && report.status != Status::Locked && report.status != Status::NotImplemented {
        let detail = render::report(report, file, "");
        for l in detail.lines().skip(1) {
            if l.trim().is_empty() {
                s.push('\n');
            } else {
                s.push_str(&format!("    {l}\n"));
            }
        }
    }
    s
}

fn summary(rows: &[Row]) -> String {
    let count = |s: Status| rows.iter().filter(|r| r.report.status == s).count();
    format!(
        "\n{} passed, {} failed, {} not implemented, {} locked, {} other (of {}).\n",
        count(Status::Passed),
        count(Status::Failed),
        count(Status::NotImplemented),
        count(Status::Locked),
        rows.len()
            - count(Status::Passed)
            - count(Status::Failed)
            - count(Status::NotImplemented)
            - count(Status::Locked),
        rows.len()
    )
}
