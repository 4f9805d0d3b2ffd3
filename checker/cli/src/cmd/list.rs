//! `cargo learn list`: every lesson and exercise with its state.

use std::process::ExitCode;

use anyhow::Result;

use crate::board::{self, State};
use crate::course::Course;
use crate::progress::Store;
use crate::render;

pub fn run(course: &Course) -> Result<ExitCode> {
    let store = Store::open(&course.root);
    super::warn_unreadable(&store);
    print!("{}", table(course, &store));
    Ok(ExitCode::SUCCESS)
}

/// The list as text.
pub fn table(course: &Course, store: &Store) -> String {
    let mut out = String::new();
    let width = course.exercises.iter().map(|e| e.id.len()).max().unwrap_or(10);
    for lesson in &course.lessons {
        let exercises: Vec<_> = course.exercises_of(lesson.number).collect();
        let done = exercises.iter().filter(|e| store.is_done(&e.id)).count();
        let heading = format!("Lesson {:>2}  {}", lesson.number, lesson.title);
        if exercises.is_empty() {
            out.push_str(&format!("{}  {}\n", render::dim(&heading), render::dim("(coming in a later release)")));
            continue;
        }
        let note = if board::lesson_unlocked(course, store, lesson.number) {
            format!("{done}/{} done", exercises.len())
        } else {
            format!("locked until lesson {} is done", lesson.number - 1)
        };
        out.push_str(&format!("{}  {}\n", render::bold(&heading), render::dim(&note)));
        for e in exercises {
            let state = board::state(course, store, e);
            let (mark, word) = match state {
                State::Done => (render::green("✓"), render::green(state.as_str())),
                State::Current => (render::yellow("▶"), render::yellow(state.as_str())),
                State::Pending => ("·".to_string(), state.as_str().to_string()),
                State::Locked => (render::dim("-"), render::dim(state.as_str())),
            };
            out.push_str(&format!("  {mark} {:<width$}  {word}\n", e.id));
        }
    }
    let total = course.exercises.len();
    let done = course.exercises.iter().filter(|e| store.is_done(&e.id)).count();
    out.push_str(&format!("\n{done} of {total} exercises done.\n"));
    out
}
