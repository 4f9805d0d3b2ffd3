//! The "apply it" sections of the lessons: each demo runs the learner's own
//! functions (passed in as `fn` pointers) on a real dataset from `data/`,
//! prints what a practitioner would look at, and writes the lesson's figures.

use std::path::PathBuf;

/// Where a demo reads its data and writes its figures.
#[derive(Debug, Clone)]
pub struct Args {
    /// The repository's `data/` folder.
    pub data: PathBuf,
    /// Where to write figures (created if missing).
    pub out: PathBuf,
}
