//! Where the learner stands: which lessons are unlocked, which exercise is
//! current, and the state of each, from the course map and the progress.

use crate::course::{Course, Exercise};
use crate::progress::{Progress, Store};

/// Anything that knows which exercises are done: a learner's [`Store`], or a
/// [`Progress`] read from someone else's repository (the cohort report).
pub trait Done {
    fn is_done(&self, id: &str) -> bool;
}

impl Done for Store {
    fn is_done(&self, id: &str) -> bool {
        Store::is_done(self, id)
    }
}

impl Done for Progress {
    fn is_done(&self, id: &str) -> bool {
        Progress::is_done(self, id)
    }
}

/// The state `cargo learn list` shows for an exercise.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Done,
    Current,
    Pending,
    Locked,
}

impl State {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Done => "done",
            Self::Current => "current",
            Self::Pending => "pending",
            Self::Locked => "locked",
        }
    }
}

/// A lesson is unlocked when it has exercises and every exercise of every
/// earlier lesson is done. (Breaking an earlier exercise locks later lessons
/// again until it passes: later lessons run on it.)
pub fn lesson_unlocked(course: &Course, store: &impl Done, lesson: u32) -> bool {
    course.exercises_of(lesson).next().is_some()
        && course.exercises.iter().filter(|e| e.lesson < lesson).all(|e| store.is_done(&e.id))
}

/// The first exercise, in course order, that is not done and is unlocked.
pub fn current<'c>(course: &'c Course, store: &impl Done) -> Option<&'c Exercise> {
    course.exercises.iter().find(|e| !store.is_done(&e.id) && lesson_unlocked(course, store, e.lesson))
}

/// The state of one exercise.
pub fn state(course: &Course, store: &impl Done, e: &Exercise) -> State {
    if store.is_done(&e.id) {
        State::Done
    } else if !lesson_unlocked(course, store, e.lesson) {
        State::Locked
    } else if current(course, store).is_some_and(|c| c.id == e.id) {
        State::Current
    } else {
        State::Pending
    }
}

/// Whether the whole course (every exercise that exists) is done.
pub fn all_done(course: &Course, store: &impl Done) -> bool {
    course.exercises.iter().all(|e| store.is_done(&e.id))
}
