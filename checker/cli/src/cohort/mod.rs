//! The cohort report: many learners' progress files (or repositories) read
//! side by side. This module owns the model the other parts share: a
//! [`Learner`] as read, and the state of one of their exercises or lessons.
//!
//! `load` reads and checks what learners committed (executing nothing),
//! `stats` aggregates, `text`/`csv`/`html` render, and `reverify` (only
//! when asked) re-runs the checks on each learner's own code.

pub mod csv;
pub mod html;
pub mod load;
pub mod reverify;
pub mod scan;
pub mod scratch;
pub mod stats;
pub mod text;

use std::path::PathBuf;

use crate::course::{Course, Exercise};
use crate::progress::{ExerciseRecord, Progress};

/// One learner, as read from what they committed.
#[derive(Debug, Clone)]
pub struct Learner {
    /// Position in the report (1, 2, …): a stable anchor for pages.
    pub number: usize,
    /// Where they were read from, as given (printable).
    pub path: String,
    /// Who they are: the name in their progress file, else the e-mail, else the folder or file name (printable).
    pub name: String,
    /// Their e-mail, if recorded (printable).
    pub email: String,
    /// Their repository folder, when it was given (whose `exercises/` `--reverify` builds).
    pub repo: Option<PathBuf>,
    /// Their progress, when it could be read.
    pub progress: Option<Progress>,
    /// What needs the instructor's attention (an unreadable file, a hand edit, …).
    pub problems: Vec<String>,
    /// What is worth knowing but is fine (an upgraded format, ids the course no longer has).
    pub notes: Vec<String>,
    /// What re-verification found, when it was asked for.
    pub reverified: Option<reverify::Reverified>,
}

impl Learner {
    /// The record of one exercise, if any.
    pub fn record(&self, id: &str) -> Option<&ExerciseRecord> {
        self.progress.as_ref()?.exercises.get(id)
    }

    /// Whether the instructor should look at this learner.
    pub fn needs_attention(&self) -> bool {
        !self.problems.is_empty() || self.reverified.as_ref().is_some_and(|r| r.flagged() > 0)
    }
}

/// Where a learner stands on one exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell {
    Done,
    /// Checked or hinted at least once, not (or no longer) passing.
    InProgress,
    NotStarted,
    /// The progress file could not be read.
    Unknown,
}

impl Cell {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::InProgress => "in_progress",
            Self::NotStarted => "not_started",
            Self::Unknown => "unknown",
        }
    }
}

/// Where `learner` stands on exercise `id`.
pub fn cell(learner: &Learner, id: &str) -> Cell {
    let Some(progress) = &learner.progress else { return Cell::Unknown };
    match progress.exercises.get(id) {
        Some(r) if r.status == crate::progress::Standing::Done => Cell::Done,
        Some(r) if r.runs > 0 || r.hints_seen > 0 || r.first_run.is_some() => Cell::InProgress,
        _ => Cell::NotStarted,
    }
}

/// Where a learner stands on a lesson.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LessonCell {
    Done,
    /// Some activity: this many of that many exercises done.
    Partial(usize, usize),
    NotStarted,
    Unknown,
}

/// Where `learner` stands on lesson `number`.
pub fn lesson_cell(course: &Course, learner: &Learner, number: u32) -> LessonCell {
    let cells: Vec<Cell> = course.exercises_of(number).map(|e| cell(learner, &e.id)).collect();
    let done = cells.iter().filter(|c| **c == Cell::Done).count();
    if cells.contains(&Cell::Unknown) {
        LessonCell::Unknown
    } else if done == cells.len() {
        LessonCell::Done
    } else if cells.iter().any(|c| *c != Cell::NotStarted) {
        LessonCell::Partial(done, cells.len())
    } else {
        LessonCell::NotStarted
    }
}

/// Where a learner is now.
#[derive(Debug, Clone, Copy)]
pub enum Position<'c> {
    /// Working on this exercise (the one `cargo learn` would show them).
    At(&'c Exercise),
    /// Every exercise of the course is done.
    Finished,
    /// Every exercise available is done; more lessons are coming.
    Waiting,
    Unknown,
}

/// The exercise `cargo learn` would show this learner.
pub fn position<'c>(course: &'c Course, learner: &Learner) -> Position<'c> {
    let Some(progress) = &learner.progress else { return Position::Unknown };
    match crate::board::current(course, progress) {
        Some(e) => Position::At(e),
        None if crate::board::all_done(course, progress) => Position::Finished,
        None => Position::Waiting,
    }
}

impl Position<'_> {
    /// `dot_product (lesson 2)`, `finished`, …
    pub fn describe(&self) -> String {
        match self {
            Self::At(e) => format!("{} (lesson {})", e.id, e.lesson),
            Self::Finished => "finished".into(),
            Self::Waiting => "all available done".into(),
            Self::Unknown => "unknown".into(),
        }
    }
}

/// The lessons that have exercises (the report's columns).
pub fn lessons_with_exercises(course: &Course) -> Vec<&crate::course::Lesson> {
    course.lessons.iter().filter(|l| course.exercises_of(l.number).next().is_some()).collect()
}
