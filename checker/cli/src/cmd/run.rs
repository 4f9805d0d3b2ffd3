//! `cargo learn run [EXERCISE]`: check one exercise once and record it.

use std::process::ExitCode;
use std::time::Duration;

use anyhow::Result;
use report::Status;

use crate::board;
use crate::check::{self, Settings};
use crate::compile::Target;
use crate::course::Course;
use crate::progress::Store;
use crate::render;

pub fn run(course: &Course, id: Option<&str>, limit: Duration) -> Result<ExitCode> {
    let mut store = Store::open(&course.root);
    super::warn_unreadable(&store);
    let Some(e) = super::chosen(course, &store, id)? else {
        println!("{}", render::green("Every exercise available so far is done. Well done!"));
        return Ok(ExitCode::SUCCESS);
    };
    if !board::lesson_unlocked(course, &store, e.lesson) {
        println!(
            "`{}` is in lesson {}, which unlocks when every exercise before it is done \
             (later lessons run on your earlier code). `cargo learn list` shows where you are.",
            e.id, e.lesson
        );
        return Ok(crate::exit(false));
    }
    let settings = Settings { target: Target::Exercises, time_limit: limit, color: render::use_color() };
    let outcome = check::build_and_check(course, e, &settings)?;
    print!("{}", render::report(&outcome.report, &check::display_path(course, e), &outcome.printed));
    let lesson_was_open: Vec<bool> =
        course.lessons.iter().map(|l| board::lesson_unlocked(course, &store, l.number)).collect();
    check::record(&mut store, course, e, &outcome.report);
    super::save(&mut store)?;
    let passed = outcome.report.status == Status::Passed;
    if passed {
        print!("{}", after_pass(course, &store, &lesson_was_open));
    }
    Ok(crate::exit(passed))
}

/// What comes next after a pass: the next exercise, a newly unlocked lesson, or the end.
pub fn after_pass(course: &Course, store: &Store, lesson_was_open: &[bool]) -> String {
    let mut out = String::new();
    for (i, lesson) in course.lessons.iter().enumerate() {
        if !lesson_was_open.get(i).copied().unwrap_or(true) && board::lesson_unlocked(course, store, lesson.number) {
            out.push_str(&format!(
                "\n{} Lesson {} is unlocked: {}\n",
                render::green("🔓"),
                lesson.number,
                render::bold(&lesson.title)
            ));
            out.push_str(&readme_opening(course, lesson));
        }
    }
    match board::current(course, store) {
        Some(next) => {
            out.push_str(&format!("\nNext: {} ({})\n", render::bold(&next.id), check::display_path(course, next)))
        }
        None if board::all_done(course, store) => {
            out.push_str(&format!("\n{}\n", render::green("You have finished every exercise of the workbook.")));
        }
        None => out.push_str("\nEvery exercise available so far is done; more lessons are coming.\n"),
    }
    out
}

/// The first paragraph of a lesson's README (after its title), dimmed.
pub fn readme_opening(course: &Course, lesson: &crate::course::Lesson) -> String {
    let Ok(text) = std::fs::read_to_string(course.readme_path(lesson)) else { return String::new() };
    let paragraph: Vec<&str> = text
        .lines()
        .skip_while(|l| l.starts_with('#') || l.trim().is_empty())
        .take_while(|l| !l.trim().is_empty())
        .take(6)
        .collect();
    if paragraph.is_empty() {
        return String::new();
    }
    format!(
        "{}\n{}\n",
        render::dim(&paragraph.join("\n")),
        render::dim(&format!("(read more in {})", course.relative(&course.readme_path(lesson)).display()))
    )
}
