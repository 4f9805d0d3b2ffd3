//! `cargo learn hint [EXERCISE]`: the next hint level (idea → step → pitfall).

use std::process::ExitCode;

use anyhow::Result;

use crate::course::Course;
use crate::progress::{self, Store};
use crate::render;

const LEVELS: [&str; 3] = ["idea", "step", "pitfall"];

pub fn run(course: &Course, id: Option<&str>) -> Result<ExitCode> {
    let mut store = Store::open(&course.root);
    super::warn_unreadable(&store);
    let Some(e) = super::chosen(course, &store, id)? else {
        println!("Every unlocked exercise is done: no hint needed.");
        return Ok(ExitCode::SUCCESS);
    };
    let level = store.record(&e.id).next_hint(&progress::now());
    println!("{}\n", render::bold(&format!("Hints for {} ({} of 3)", e.id, level)));
    print!("{}", hints_text(&e.hints, level));
    if level < 3 {
        println!("\n{}", render::dim("Run `cargo learn hint` again for the next one."));
    }
    super::save(&mut store)?;
    Ok(ExitCode::SUCCESS)
}

/// Hints 1..=level, labelled.
pub fn hints_text(hints: &[String], level: u32) -> String {
    hints
        .iter()
        .zip(LEVELS)
        .take(level as usize)
        .enumerate()
        .map(|(i, (h, name))| format!("{}. {}: {}\n", i + 1, render::bold(name), h))
        .collect()
}
