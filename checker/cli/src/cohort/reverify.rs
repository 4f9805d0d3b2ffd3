//! Re-verification (`cohort --reverify`): for each learner, re-run the checks
//! of every exercise their progress file claims as solved, on their own
//! exercise files, and compare each file with the hash recorded when it
//! passed. Each check is one runner process under the supervisor (wall-clock
//! limit, the runner's memory limit, process-group kill, empty environment);
//! each learner has a build limit and an overall time limit. Whatever one
//! learner's code does (not compile, hang, crash, exit, print), the others
//! are still checked and the report is still produced.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::{Duration, Instant};

use anyhow::{Result, bail};
use report::Status;

use crate::course::{Course, Exercise};
use crate::progress::git_blob_sha1;
use crate::supervisor;

use super::Learner;
use super::scan;
use super::scratch::{Build, Scratch};

/// Largest exercise file taken from a learner (a real one is a few KiB).
pub const MAX_SOURCE_BYTES: u64 = 256 * 1024;

/// How long things may take.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// One exercise's check.
    pub check: Duration,
    /// Compiling one learner's code.
    pub build: Duration,
    /// Everything for one learner.
    pub learner: Duration,
}

/// What re-verifying one learner found.
#[derive(Debug, Clone, Default)]
pub struct Reverified {
    /// Why nothing was run, when nothing was.
    pub skipped: Option<String>,
    /// What was ignored or worth knowing (a learner `build.rs`, a changed manifest).
    pub notes: Vec<String>,
    /// One per exercise the progress file claims as solved, in course order.
    pub claims: Vec<Claim>,
    pub seconds: f64,
}

impl Reverified {
    /// Claims that do not hold up.
    pub fn flagged(&self) -> usize {
        self.claims.iter().filter(|c| c.flagged()).count()
    }

    fn skipped(why: impl Into<String>) -> Self {
        Self { skipped: Some(why.into()), ..Self::default() }
    }

    /// One line: `5 confirmed, 2 flagged`, or why nothing ran.
    pub fn summary(&self) -> String {
        if let Some(why) = &self.skipped {
            return format!("not re-verified: {why}");
        }
        let flagged = self.flagged();
        format!("{} confirmed, {flagged} flagged ({:.1} s)", self.claims.len() - flagged, self.seconds)
    }
}

/// One claim ("this exercise is solved") and what re-verification made of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    pub id: String,
    pub verdict: Verdict,
    /// The first failing property, or the reason, in one line.
    pub detail: String,
    pub source: SourceMatch,
    /// Suspicious identifiers in the file (see `scan`).
    pub red_flags: Vec<String>,
}

impl Claim {
    /// Whether the instructor should look: it does not pass now, could not be
    /// checked, was edited since it was solved, or uses what it should not.
    pub fn flagged(&self) -> bool {
        self.verdict != Verdict::Passes || self.source == SourceMatch::Changed || !self.red_flags.is_empty()
    }

    /// `confirmed`, `does not pass now: failed`, … in a few words.
    pub fn words(&self) -> String {
        let mut words = match &self.verdict {
            Verdict::Passes => "confirmed".to_string(),
            Verdict::DoesNotPass(status) => format!("does not pass now: {}", status.as_str()),
            Verdict::Missing => "file missing".to_string(),
            Verdict::NotChecked => "not checked".to_string(),
        };
        if self.source == SourceMatch::Changed {
            words.push_str("; edited since it was solved");
        }
        if !self.red_flags.is_empty() {
            words.push_str(&format!("; uses {}", self.red_flags.join(", ")));
        }
        words
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Its checks pass on the learner's file.
    Passes,
    DoesNotPass(Status),
    /// The learner's file is not there (or is not a plain, small file).
    Missing,
    /// Not run: the learner's time ran out, or cargo could not run.
    NotChecked,
}

/// The learner's file against the hash recorded when it passed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceMatch {
    Same,
    Changed,
    /// No hash recorded, or no file to hash.
    Unknown,
}

/// Re-verify every learner, one after the other. `Err` only when the
/// instructor's own workbook cannot be built (nothing a learner did).
pub fn run(course: &Course, learners: &mut [Learner], limits: &Limits) -> Result<()> {
    let scratch = Scratch::create(course)?;
    eprintln!("Re-verification: building the checker on the workbook's own stubs (the first time: minutes)…");
    match scratch.build(Duration::from_secs(60 * 60), false)? {
        Build::Runner(_) => {}
        Build::CompileError { rendered, .. } => {
            bail!("the workbook's own stubs do not compile in {}:\n{rendered}", scratch.dir.display())
        }
        Build::TimedOut => bail!("building the checker took more than an hour"),
    }
    let total = learners.len();
    for (i, learner) in learners.iter_mut().enumerate() {
        let result = verify(course, &scratch, learner, limits);
        eprintln!("[{}/{total}] {}: {}", i + 1, learner.name, result.summary());
        learner.reverified = Some(result);
    }
    Ok(())
}

/// Re-verify one learner.
pub fn verify(course: &Course, scratch: &Scratch, learner: &Learner, limits: &Limits) -> Reverified {
    let started = Instant::now();
    let Some(progress) = &learner.progress else {
        return Reverified::skipped("no readable progress file, so nothing is claimed");
    };
    let claimed: Vec<&Exercise> = course.exercises.iter().filter(|e| progress.is_done(&e.id)).collect();
    if claimed.is_empty() {
        return Reverified::skipped("no exercise is claimed as solved");
    }
    let Some(repo) = &learner.repo else {
        return Reverified::skipped("given as a progress file; give the repository folder to re-verify its code");
    };
    let mut result = Reverified { notes: ignored_files(course, repo), ..Reverified::default() };
    // The learner's files for what is claimed and what it builds on; stubs for the rest.
    let mut needed: Vec<&Exercise> = Vec::new();
    for e in &claimed {
        for dep in e.builds_on.iter().filter_map(|d| course.exercise(d).ok()).chain([*e]) {
            if !needed.iter().any(|n| n.id == dep.id) {
                needed.push(dep);
            }
        }
    }
    // The learner's bytes (hashed and scanned as they are) and what is built (a file
    // that does not compile is put back to its stub so the other claims can be checked).
    let mut files: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    let mut decided: BTreeMap<String, (Verdict, String)> = BTreeMap::new();
    for e in &needed {
        match read_source(&repo.join(scratch.file_of(e))) {
            Ok(bytes) => {
                files.insert(e.id.clone(), bytes);
            }
            Err(why) => {
                decided.insert(e.id.clone(), (Verdict::Missing, why));
            }
        }
    }
    let deadline = started + limits.learner;
    let runner = build(course, scratch, files.clone(), &mut decided, limits, deadline);
    if let Err(why) = scratch.clear_jail() {
        result.notes.push(format!("{why:#}"));
    }
    for e in &claimed {
        let (verdict, detail) = match (decided.remove(&e.id), &runner) {
            (Some(known), _) => known,
            (None, Err(failed)) => failed.clone(),
            (None, Ok(runner)) => check(scratch, runner, e, limits, deadline),
        };
        let recorded = progress.exercises.get(&e.id).and_then(|r| r.source_sha1.as_deref());
        let (source, red_flags) = match files.get(&e.id) {
            Some(bytes) => (
                match recorded {
                    Some(hash) if hash == git_blob_sha1(bytes) => SourceMatch::Same,
                    Some(_) => SourceMatch::Changed,
                    None => SourceMatch::Unknown,
                },
                scan::red_flags(&String::from_utf8_lossy(bytes)),
            ),
            None => (SourceMatch::Unknown, Vec::new()),
        };
        result.claims.push(Claim { id: e.id.clone(), verdict, detail, source, red_flags });
    }
    result.seconds = started.elapsed().as_secs_f64();
    result
}

/// Time left before `deadline`.
fn left(deadline: Instant) -> Duration {
    deadline.saturating_duration_since(Instant::now())
}

/// Build the learner's files. A compile error confined to some exercise
/// files decides those exercises (`compile_error`) and the build is tried
/// once more with their stubs. `Err` is the verdict for every claim left.
fn build(
    course: &Course,
    scratch: &Scratch,
    mut built: BTreeMap<String, Vec<u8>>,
    decided: &mut BTreeMap<String, (Verdict, String)>,
    limits: &Limits,
    deadline: Instant,
) -> std::result::Result<std::path::PathBuf, (Verdict, String)> {
    for attempt in 0..2 {
        if let Err(why) = scratch.put(&built) {
            return Err((Verdict::NotChecked, format!("{why:#}")));
        }
        let limit = limits.build.min(left(deadline));
        if limit.is_zero() {
            return Err((Verdict::NotChecked, out_of_time(limits)));
        }
        let outcome = match scratch.build(limit, true) {
            Ok(outcome) => outcome,
            Err(why) => return Err((Verdict::NotChecked, first_line(&format!("{why:#}")))),
        };
        match outcome {
            Build::Runner(path) => return Ok(path),
            Build::TimedOut => {
                return Err((
                    Verdict::DoesNotPass(Status::TimedOut),
                    format!("compiling their code took longer than {} s", limit.as_secs()),
                ));
            }
            Build::CompileError { rendered, files } => {
                let broken: Vec<&Exercise> = course
                    .exercises
                    .iter()
                    .filter(|e| built.contains_key(&e.id))
                    .filter(|e| files.iter().any(|f| Path::new(f).ends_with(scratch.file_of(e))))
                    .collect();
                let why = first_line(&rendered);
                if broken.is_empty() || attempt == 1 {
                    return Err((Verdict::DoesNotPass(Status::CompileError), why));
                }
                for e in broken {
                    built.remove(&e.id);
                    decided.insert(
                        e.id.clone(),
                        (
                            Verdict::DoesNotPass(Status::CompileError),
                            format!("{}: {why}", scratch.file_of(e).display()),
                        ),
                    );
                }
            }
        }
    }
    Err((Verdict::DoesNotPass(Status::CompileError), "it does not compile".into()))
}

/// Check one claimed exercise with the learner's runner.
fn check(scratch: &Scratch, runner: &Path, e: &Exercise, limits: &Limits, deadline: Instant) -> (Verdict, String) {
    let limit = limits.check.min(left(deadline));
    if limit < Duration::from_millis(100) {
        return (Verdict::NotChecked, out_of_time(limits));
    }
    match supervisor::check_in(runner, &e.id, &scratch.reports, limit, Some(&scratch.jail)) {
        Err(why) => (Verdict::NotChecked, first_line(&format!("{why:#}"))),
        Ok(outcome) if outcome.report.status == Status::Passed => (Verdict::Passes, String::new()),
        Ok(outcome) => {
            let r = &outcome.report;
            let detail = match r.first_failure() {
                Some(p) => format!("{}: {}", p.name, p.failure.as_ref().map_or("", |f| f.message.as_str())),
                None => first_line(r.message.as_deref().unwrap_or("")),
            };
            (Verdict::DoesNotPass(r.status), detail)
        }
    }
}

fn out_of_time(limits: &Limits) -> String {
    format!("this learner's time limit ({} s) was used up", limits.learner.as_secs())
}

fn first_line(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").to_string()
}

/// A learner's exercise file: a regular file (a symbolic link is not
/// followed) of reasonable size.
fn read_source(path: &Path) -> std::result::Result<Vec<u8>, String> {
    let meta = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Err("their file is missing".into()),
        Err(e) => return Err(format!("their file cannot be read: {e}")),
    };
    if meta.file_type().is_symlink() {
        return Err("their file is a symbolic link (not followed)".into());
    }
    if !meta.is_file() {
        return Err("their file is not a regular file".into());
    }
    if meta.len() > MAX_SOURCE_BYTES {
        return Err(format!("their file is {} bytes, larger than the {MAX_SOURCE_BYTES} taken", meta.len()));
    }
    std::fs::read(path).map_err(|e| format!("their file cannot be read: {e}"))
}

/// What the learner's repository has that re-verification never uses.
fn ignored_files(course: &Course, repo: &Path) -> Vec<String> {
    let mut notes = Vec::new();
    let theirs = repo.join("exercises");
    if !theirs.is_dir() {
        notes.push("the repository has no exercises/ folder".into());
        return notes;
    }
    for name in ["build.rs", "src/build.rs"] {
        if theirs.join(name).exists() {
            notes.push(format!("exercises/{name} ignored: it is never compiled or run"));
        }
    }
    let manifest = std::fs::read(theirs.join("Cargo.toml")).ok();
    let ours = std::fs::read(course.root.join("exercises").join("Cargo.toml")).ok();
    if manifest.is_some() && manifest != ours {
        notes.push(
            "exercises/Cargo.toml differs from the workbook's and is ignored (their exercise files are built \
             with the workbook's manifest: no build script, no other dependency)"
                .into(),
        );
    }
    notes
}
