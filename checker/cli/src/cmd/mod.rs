//! One module per subcommand.

pub mod demo;
pub mod hint;
pub mod list;
pub mod reset;
pub mod run;
pub mod solution;
pub mod verify;

use crate::course::{Course, Exercise};
use crate::progress::Store;
use crate::render;

/// The exercise named on the command line, or the current one.
pub fn chosen<'c>(course: &'c Course, store: &Store, id: Option<&str>) -> anyhow::Result<Option<&'c Exercise>> {
    match id {
        Some(id) => course.exercise(id).map(Some),
        None => Ok(crate::board::current(course, store)),
    }
}

/// Print the warning about an unreadable progress file, if there is one.
pub fn warn_unreadable(store: &Store) {
    if let Some(why) = &store.unreadable {
        eprintln!("{} {why}\n", render::yellow("warning:"));
    }
}

/// Save the progress, telling the learner when it could not be saved.
pub fn save(store: &mut Store) -> anyhow::Result<()> {
    if !store.save()? {
        eprintln!("{}", render::yellow("(progress not recorded: progress.toml is unreadable, see above)"));
    }
    Ok(())
}
