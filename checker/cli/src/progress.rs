//! The learner's progress: one small, human-readable TOML file, meant to be
//! committed. Writes are atomic; a file that cannot be read is reported and
//! kept as it is, never silently replaced.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

/// The file name, at the repository root.
pub const FILE_NAME: &str = "progress.toml";

/// The `format_version` this tool writes.
pub const FORMAT_VERSION: u32 = 1;

const HEADER: &str = "# eigenlings progress, written by `cargo learn`. Commit it with your work:
# it is how your instructor (and you, on another machine) sees where you are.
# Safe to read; edit by hand only if you know what you are doing.
";

/// Where one exercise stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Not passed (yet, or not any more).
    #[default]
    Pending,
    /// Passed its checks.
    Done,
}

/// The record of one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct ExerciseRecord {
    #[serde(default)]
    pub status: Standing,
    /// When it was first checked (RFC 3339, UTC).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_run: Option<String>,
    /// When it first passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solved: Option<String>,
    /// How many times it was checked.
    #[serde(default)]
    pub runs: u32,
    /// How many checks it took to pass the first time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub runs_to_solve: Option<u32>,
    /// How many hint levels were shown (0–3).
    #[serde(default)]
    pub hints_seen: u32,
    /// When the worked solution was first shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub solution_viewed: Option<String>,
    /// Whether it was shown before the exercise was solved.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub solution_viewed_before_solving: bool,
    /// SHA-1 (git blob hash) of the exercise file when it last passed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_sha1: Option<String>,
    /// The property that failed at the last check, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_failed_property: Option<String>,
    /// Fields written by a newer eigenlings, kept untouched.
    #[serde(flatten)]
    pub other: toml::Table,
}

/// The whole progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub format_version: u32,
    /// Who this is (from `git config user.name` / `user.email` when first written).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub learner: String,
    /// Every exercise ever recorded, by id. Ids the course no longer has are kept.
    #[serde(default)]
    pub exercises: BTreeMap<String, ExerciseRecord>,
    /// Fields written by a newer eigenlings, kept untouched.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl Default for Progress {
    fn default() -> Self {
        Self {
            format_version: FORMAT_VERSION,
            learner: String::new(),
            exercises: BTreeMap::new(),
            other: toml::Table::new(),
        }
    }
}

/// Why the progress file could not be used. The file itself is left alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub path: PathBuf,
    pub reason: String,
}

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} cannot be used ({}).\nIt has been left exactly as it is, and nothing will be written to it. \
             Your checks still run. To go on recording progress, fix the file (git diff / git checkout {} \
             may help) or move it away, and eigenlings starts a new one.",
            self.path.display(),
            self.reason,
            FILE_NAME
        )
    }
}

/// The progress file of a workbook, and whether it may be written.
#[derive(Debug, Clone)]
pub struct Store {
    path: PathBuf,
    pub progress: Progress,
    /// Set when the file exists but cannot be used: progress is then kept in
    /// memory only, and the file is never overwritten.
    pub unreadable: Option<Unreadable>,
}

impl Store {
    /// Read the progress file in `root`. A missing file is a fresh start; a
    /// file that cannot be parsed, or has a newer format, is reported in
    /// `unreadable` and left alone.
    pub fn open(root: &Path) -> Self {
        let path = root.join(FILE_NAME);
        let unreadable = |reason: String| Self {
            path: path.clone(),
            progress: Progress::default(),
            unreadable: Some(Unreadable { path: path.clone(), reason }),
        };
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Self { path, progress: Progress::default(), unreadable: None };
            }
            Err(e) => return unreadable(format!("it cannot be read: {e}")),
        };
        match toml::from_str::<Progress>(&text) {
            Ok(p) if p.format_version > FORMAT_VERSION => unreadable(format!(
                "it has format_version {}, written by a newer eigenlings; this one writes version {FORMAT_VERSION}",
                p.format_version
            )),
            Ok(p) if p.format_version == 0 => {
                unreadable("format_version 0 is not a version eigenlings ever wrote".into())
            }
            Ok(p) => Self { path, progress: p, unreadable: None },
            Err(e) => unreadable(format!("it is not valid progress TOML: {}", e.message())),
        }
    }

    /// The record of one exercise, created on first use.
    pub fn record(&mut self, id: &str) -> &mut ExerciseRecord {
        self.progress.exercises.entry(id.to_string()).or_default()
    }

    /// Whether an exercise is done.
    pub fn is_done(&self, id: &str) -> bool {
        self.progress.exercises.get(id).is_some_and(|r| r.status == Standing::Done)
    }

    /// Write the file atomically (a temporary file, then a rename), unless it
    /// was unreadable when opened. Returns whether it was written.
    pub fn save(&mut self) -> Result<bool> {
        if self.unreadable.is_some() {
            return Ok(false);
        }
        if self.progress.learner.is_empty() {
            self.progress.learner = learner_identity();
        }
        let body = toml::to_string(&self.progress).context("cannot encode the progress")?;
        let tmp = self.path.with_extension("toml.tmp");
        std::fs::write(&tmp, format!("{HEADER}\n{body}")).with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &self.path).with_context(|| format!("cannot replace {}", self.path.display()))?;
        Ok(true)
    }
}

/// "Name <email>" from git config, or empty when git knows nothing.
fn learner_identity() -> String {
    let get = |key: &str| {
        std::process::Command::new("git")
            .args(["config", "--get", key])
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_default()
    };
    let (name, email) = (get("user.name"), get("user.email"));
    match (name.is_empty(), email.is_empty()) {
        (false, false) => format!("{name} <{email}>"),
        (false, true) => name,
        (true, false) => format!("<{email}>"),
        (true, true) => String::new(),
    }
}

/// Now, as RFC 3339 in UTC with seconds.
pub fn now() -> String {
    humantime::format_rfc3339_seconds(SystemTime::now()).to_string()
}

/// Git's blob hash of a file's bytes (`git hash-object`).
pub fn git_blob_sha1(bytes: &[u8]) -> String {
    let mut h = sha1_smol::Sha1::new();
    h.update(format!("blob {}\0", bytes.len()).as_bytes());
    h.update(bytes);
    h.digest().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_root(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("eigenlings-progress-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_missing_file_is_a_fresh_start_and_saves_round_trip() {
        let root = temp_root("fresh");
        let mut store = Store::open(&root);
        assert!(store.unreadable.is_none());
        store.record("dot_product").runs = 3;
        store.record("dot_product").status = Standing::Done;
        assert!(store.save().unwrap());
        let again = Store::open(&root);
        assert!(again.is_done("dot_product"));
        assert_eq!(again.progress.exercises["dot_product"].runs, 3);
    }

    #[test]
    fn a_corrupt_file_is_reported_and_never_overwritten() {
        let root = temp_root("corrupt");
        std::fs::write(root.join(FILE_NAME), "format_version = 1\n[exercises.dot\nruns = ").unwrap();
        let mut store = Store::open(&root);
        let why = store.unreadable.clone().expect("reported");
        assert!(why.to_string().contains("left exactly as it is"), "{why}");
        store.record("dot").runs = 1;
        assert!(!store.save().unwrap());
        assert_eq!(
            std::fs::read_to_string(root.join(FILE_NAME)).unwrap(),
            "format_version = 1\n[exercises.dot\nruns = "
        );
    }

    #[test]
    fn newer_versions_are_left_alone_and_unknown_ids_and_fields_survive() {
        let root = temp_root("newer");
        std::fs::write(root.join(FILE_NAME), "format_version = 2\n").unwrap();
        assert!(Store::open(&root).unreadable.unwrap().reason.contains("newer"));
        std::fs::write(
            root.join(FILE_NAME),
            "format_version = 1\nfuture = 5\n[exercises.gone_exercise]\nstatus = \"done\"\nmood = \"happy\"\n",
        )
        .unwrap();
        let mut store = Store::open(&root);
        assert!(store.unreadable.is_none());
        store.save().unwrap();
        let text = std::fs::read_to_string(root.join(FILE_NAME)).unwrap();
        assert!(
            text.contains("gone_exercise") && text.contains("mood = \"happy\"") && text.contains("future = 5"),
            "{text}"
        );
    }

    #[test]
    fn blob_hash_matches_git() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(git_blob_sha1(b"hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
    }
}
