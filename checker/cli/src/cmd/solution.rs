//! `cargo learn solution EXERCISE`: the worked solution, once solved.

use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::course::Course;
use crate::progress::{self, Store};
use crate::render;

pub fn run(course: &Course, id: &str) -> Result<ExitCode> {
    let mut store = Store::open(&course.root);
    super::warn_unreadable(&store);
    let e = course.exercise(id)?;
    if !store.is_done(&e.id) {
        println!(
            "The worked solution of `{id}` is shown once your own code passes: solving it yourself is the \
             point. Stuck? `cargo learn hint {id}` gives the next hint."
        );
        return Ok(crate::exit(false));
    }
    let path = course.solution_path(e);
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
    println!("{}", render::bold(&format!("Worked solution: {}", course.relative(&path).display())));
    println!(
        "{}\n",
        render::dim(&format!(
            "Yours: {}   (one correct possibility, not the only one)",
            crate::check::display_path(course, e)
        ))
    );
    println!("{text}");
    let rec = store.record(&e.id);
    if rec.solution_viewed.is_none() {
        rec.solution_viewed = Some(progress::now());
        // Shown only once solved today; recorded so that a report never has to guess.
        rec.solution_viewed_before_solving = rec.solved.is_none();
    }
    super::save(&mut store)?;
    Ok(ExitCode::SUCCESS)
}
