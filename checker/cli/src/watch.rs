//! Watch mode: check the current exercise on every save, advance when it
//! passes, announce a newly unlocked lesson, and answer keys (hint, list,
//! re-run, quit). Every source of events feeds one channel, and one loop
//! handles them in order: a save that arrives during a check waits in the
//! channel and is handled right after it, never dropped.

mod events;
mod keys;

use std::collections::{BTreeSet, HashMap};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Duration;

use anyhow::Result;
use report::Status;

use crate::board;
use crate::check::{self, Settings};
use crate::cmd;
use crate::compile::Target;
use crate::course::{Course, Exercise};
use crate::progress::Store;
use crate::render;

/// Everything the loop reacts to.
pub enum Event {
    /// Files under `exercises/` were written (already debounced).
    Changed(Vec<PathBuf>),
    /// A key was pressed.
    Key(u8),
    /// The file watcher reported an error.
    WatchError(String),
}

/// Run watch mode until the learner quits.
pub fn run(course: &Course, limit: Duration, poll: bool) -> Result<ExitCode> {
    let mut course = course.clone();
    // Events carry canonical paths; compare against a canonical root.
    if let Ok(root) = course.root.canonicalize() {
        course.root = root;
    }
    let (tx, rx) = mpsc::channel();
    let _watcher = events::start(&course.root.join("exercises"), tx.clone(), poll)?;
    let _keys = keys::start(tx);
    let mut w = Watch { course: &course, store: Store::open(&course.root), limit, seen: HashMap::new() };
    for e in &course.exercises {
        w.seen.insert(e.id.clone(), w.content_hash(e));
    }
    cmd::warn_unreadable(&w.store);
    w.show_current()?;
    // An event taken off the channel while coalescing saves, handled next.
    let mut next: Option<Event> = None;
    while let Some(event) = next.take().or_else(|| rx.recv().ok()) {
        match event {
            Event::Changed(mut paths) => {
                // Coalesce the saves already queued into one round of checks;
                // the first other event (a key) waits its turn, never dropped.
                while let Ok(more) = rx.try_recv() {
                    match more {
                        Event::Changed(more) => paths.extend(more),
                        other => {
                            next = Some(other);
                            break;
                        }
                    }
                }
                w.on_change(&paths)?;
            }
            Event::Key(b'q' | 3 | 4) => break,
            Event::Key(b'h') => w.hint()?,
            Event::Key(b'l') => {
                print!("\n{}", cmd::list::table(&course, &w.store));
                w.prompt();
            }
            Event::Key(b'r' | b'\n') => w.show_current()?,
            Event::Key(_) => {}
            Event::WatchError(e) => {
                println!("{} the file watcher reported: {e}", render::yellow("warning:"));
                w.prompt();
            }
        }
    }
    println!("\nBye! Your progress is in progress.toml (commit it with your work).");
    Ok(ExitCode::SUCCESS)
}

struct Watch<'c> {
    course: &'c Course,
    store: Store,
    limit: Duration,
    /// The content of each exercise file when last looked at. File events
    /// also fire when a file is only read (by the compiler, an editor, a
    /// backup tool), so a check runs only when the content really changed.
    seen: HashMap<String, Option<String>>,
}

impl Watch<'_> {
    fn content_hash(&self, e: &Exercise) -> Option<String> {
        std::fs::read(self.course.exercise_path(e)).ok().map(|b| crate::progress::git_blob_sha1(&b))
    }

    fn settings(&self) -> Settings {
        Settings { target: Target::Exercises, time_limit: self.limit, color: render::use_color() }
    }

    /// Check the current exercise and show where things stand.
    fn show_current(&mut self) -> Result<()> {
        match board::current(self.course, &self.store) {
            Some(e) => {
                let e = e.clone();
                self.check_and_report(&e, true)?;
            }
            None => {
                clear_screen();
                println!("{}", render::green("Every exercise available so far is done. Well done!"));
                self.prompt();
            }
        }
        Ok(())
    }

    /// Check every exercise whose file changed, then what builds on it.
    fn on_change(&mut self, paths: &[PathBuf]) -> Result<()> {
        let changed: Vec<Exercise> = self
            .course
            .exercises
            .iter()
            .filter(|e| paths.iter().any(|p| check::is_file_of(self.course, e, p)))
            .cloned()
            .collect();
        let changed: Vec<Exercise> = changed
            .into_iter()
            .filter(|e| {
                let now = self.content_hash(e);
                self.seen.insert(e.id.clone(), now.clone()) != Some(now)
            })
            .collect();
        if changed.is_empty() {
            return Ok(());
        }
        let mut first = true;
        let mut dependents = BTreeSet::new();
        for e in &changed {
            if !board::lesson_unlocked(self.course, &self.store, e.lesson) {
                println!(
                    "{}",
                    render::dim(&format!(
                        "{} saved, but lesson {} is locked until the lessons before it are done; \
                         save it again once it unlocks to check it.",
                        e.id, e.lesson
                    ))
                );
                continue;
            }
            self.check_and_report(e, first)?;
            first = false;
            for d in self.course.dependents(&e.id) {
                if self.store.is_done(&d.id) && !changed.iter().any(|c| c.id == d.id) {
                    dependents.insert(d.id.clone());
                }
            }
        }
        // Later exercises run on this one: make sure the solved ones still pass.
        for id in dependents {
            let Ok(d) = self.course.exercise(&id) else { continue };
            let d = d.clone();
            println!("{}", render::dim(&format!("re-checking {}, which builds on what you changed…", d.id)));
            self.check_and_report(&d, false)?;
        }
        Ok(())
    }

    fn check_and_report(&mut self, e: &Exercise, clear: bool) -> Result<()> {
        if clear {
            clear_screen();
        }
        if self.store.progress.exercises.is_empty() {
            print!("{}", self.welcome(e));
        }
        println!("{}", render::dim(&format!("checking {}…", e.id)));
        let _ = std::io::stdout().flush();
        let open_before: Vec<bool> =
            self.course.lessons.iter().map(|l| board::lesson_unlocked(self.course, &self.store, l.number)).collect();
        let outcome = check::build_and_check(self.course, e, &self.settings())?;
        print!("{}", render::report(&outcome.report, &check::display_path(self.course, e), &outcome.printed));
        let change = check::record(&mut self.store, self.course, e, &outcome.report);
        cmd::save(&mut self.store)?;
        if outcome.report.status == Status::Passed {
            print!("{}", cmd::run::after_pass(self.course, &self.store, &open_before));
        } else if change == Some(false) {
            println!(
                "\n{}",
                render::yellow(&format!("{} was done, but does not pass any more: it is pending again.", e.id))
            );
        }
        self.prompt();
        Ok(())
    }

    /// Shown once, before the very first check of a new workbook.
    fn welcome(&self, first: &Exercise) -> String {
        let lesson = self.course.lesson(first.lesson);
        let opening = lesson.map(|l| cmd::run::readme_opening(self.course, l)).unwrap_or_default();
        format!(
            "{}\n\n{}\nYour first exercise is {}. Open it in your editor, replace each `todo!()` with \
             your code, and save: the verdict appears here.\n\n",
            render::bold("Welcome to eigenlings: linear algebra for machine learning, from scratch."),
            opening,
            render::bold(&check::display_path(self.course, first)),
        )
    }

    fn hint(&mut self) -> Result<()> {
        let Some(e) = board::current(self.course, &self.store) else { return Ok(()) };
        let e = e.clone();
        let level = self.store.record(&e.id).next_hint(&crate::progress::now());
        println!("\n{}", render::bold(&format!("Hints for {} ({level} of 3)", e.id)));
        print!("{}", cmd::hint::hints_text(&e.hints, level));
        cmd::save(&mut self.store)?;
        self.prompt();
        Ok(())
    }

    fn prompt(&self) {
        let current = board::current(self.course, &self.store)
            .map(|e| format!("watching {}", check::display_path(self.course, e)))
            .unwrap_or_else(|| "watching exercises/".to_string());
        println!("\n{}", render::dim(&format!("{current}  ·  h hint  ·  l list  ·  r re-check  ·  q quit")));
        let _ = std::io::stdout().flush();
    }
}

fn clear_screen() {
    if std::io::stdout().is_terminal() {
        print!("\x1b[2J\x1b[H");
    }
}
