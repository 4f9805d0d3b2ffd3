//! One module per subcommand.

pub mod bench;
pub mod cohort;
pub mod demo;
pub mod hint;
pub mod list;
pub mod reset;
pub mod run;
pub mod solution;
pub mod verify;
pub mod whoami;

use crate::course::{Course, Exercise};
use crate::progress::{Saved, Store};
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

/// Save the progress, telling the learner when it could not be saved, or
/// when an older file was upgraded.
pub fn save(store: &mut Store) -> anyhow::Result<()> {
    match store.save()? {
        Saved::Written => {}
        Saved::Refused => {
            eprintln!("{}", render::yellow("(progress not recorded: progress.toml is unreadable, see above)"))
        }
        Saved::Upgraded { from, backup } => eprintln!(
            "{}",
            render::dim(&format!(
                "(progress.toml upgraded from format {from} to {}; the old file is kept in {})",
                crate::progress::FORMAT_VERSION,
                backup.display()
            ))
        ),
    }
    Ok(())
}
