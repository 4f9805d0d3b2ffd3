//! The learner's progress: one small, human-readable TOML file, meant to be
//! committed. Owns its format (fields, `format_version`, the migration from
//! older versions), reading it strictly, and writing it atomically. A file
//! that cannot be read is reported and kept as it is, never silently replaced.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};

use crate::identity::{self, Identity};

/// The file name, at the repository root.
pub const FILE_NAME: &str = "progress.toml";

/// The `format_version` this tool writes. Version 1 (no per-level hint
/// times, no per-property failure counts, the learner as one string) is read
/// and upgraded on the next write; its file is backed up first.
pub const FORMAT_VERSION: u32 = 2;

/// Larger than any real progress file (a full course is a few KiB): refused unread.
pub const MAX_FILE_BYTES: u64 = 1024 * 1024;

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
    /// The highest hint level shown (0–3: idea, step, pitfall).
    #[serde(default)]
    pub hints_seen: u32,
    /// When each hint level was first shown: `hint_times[0]` for the idea, … (version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hint_times: Vec<String>,
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
    /// For each property, how many checks it was the first to fail (version 2).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub failed_properties: BTreeMap<String, u32>,
    /// Fields written by a newer eigenlings, kept untouched.
    #[serde(flatten)]
    pub other: toml::Table,
}

impl ExerciseRecord {
    /// Show the next hint level (at most 3), recording when each level was
    /// first shown. Returns the level now shown.
    pub fn next_hint(&mut self, now: &str) -> u32 {
        let level = (self.hints_seen + 1).min(3);
        self.hints_seen = level;
        while self.hint_times.len() < level as usize {
            self.hint_times.push(now.to_string());
        }
        level
    }
}

/// The whole progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Progress {
    pub format_version: u32,
    /// Who this is: from `git config` when first written, or `cargo learn whoami`.
    #[serde(default, skip_serializing_if = "Identity::is_empty")]
    pub learner: Identity,
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
            learner: Identity::default(),
            exercises: BTreeMap::new(),
            other: toml::Table::new(),
        }
    }
}

impl Progress {
    /// Whether an exercise is done.
    pub fn is_done(&self, id: &str) -> bool {
        self.exercises.get(id).is_some_and(|r| r.status == Standing::Done)
    }
}

/// A progress file read successfully.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub progress: Progress,
    /// The version the file had when it was older than [`FORMAT_VERSION`].
    pub migrated_from: Option<u32>,
}

/// Parse the text of a progress file: any version this tool knows, upgraded
/// to the current one in memory. The error is a reason in plain words.
pub fn parse(text: &str) -> std::result::Result<Parsed, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| toml_reason(text, &e))?;
    let version = match table.get("format_version") {
        None => return Err("it has no format_version line (truncated, or not a progress file?)".into()),
        Some(toml::Value::Integer(v)) => *v,
        Some(other) => return Err(format!("its format_version is {other}, not a whole number")),
    };
    let migrated_from = match version {
        v if v == FORMAT_VERSION as i64 => None,
        1 => Some(1),
        v if v > FORMAT_VERSION as i64 => {
            return Err(format!(
                "it has format_version {v}, written by a newer eigenlings; this one reads versions 1 to {FORMAT_VERSION}"
            ));
        }
        v => return Err(format!("format_version {v} is not a version eigenlings ever wrote")),
    };
    let progress = match migrated_from {
        None => toml::from_str::<Progress>(text).map_err(|e| toml_reason(text, &e))?,
        Some(_) => {
            let upgraded = toml::to_string(&migrate_v1(table)).map_err(|e| e.to_string())?;
            toml::from_str::<Progress>(&upgraded).map_err(|e| format!("{} (in the version 1 file)", e.message()))?
        }
    };
    Ok(Parsed { progress, migrated_from })
}

/// Version 1 → 2: the learner was one string, "Name <email>".
fn migrate_v1(mut table: toml::Table) -> toml::Table {
    table.insert("format_version".into(), toml::Value::Integer(FORMAT_VERSION as i64));
    if let Some(toml::Value::String(who)) = table.get("learner").cloned() {
        let id = Identity::from_v1(&who);
        match toml::Value::try_from(&id) {
            Ok(v) if !id.is_empty() => table.insert("learner".into(), v),
            _ => table.remove("learner"),
        };
    }
    table
}

/// A TOML error as one line: the line number and what was wrong.
fn toml_reason(text: &str, e: &toml::de::Error) -> String {
    let line = e.span().and_then(|s| text.get(..s.start)).map(|before| before.matches('\n').count() + 1);
    match line {
        Some(line) => format!("it is not valid progress TOML (line {line}: {})", e.message().trim()),
        None => format!("it is not valid progress TOML ({})", e.message().trim()),
    }
}

/// Read a progress file from disk: `Ok(None)` when there is none, `Err` with
/// a reason when it exists but cannot be used.
pub fn read(path: &Path) -> std::result::Result<Option<Parsed>, String> {
    match std::fs::metadata(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(format!("it cannot be read: {e}")),
        Ok(m) if !m.is_file() => return Err("it is not a regular file".into()),
        Ok(m) if m.len() > MAX_FILE_BYTES => {
            return Err(format!("it is {} bytes, far larger than any progress file", m.len()));
        }
        Ok(_) => {}
    }
    let bytes = std::fs::read(path).map_err(|e| format!("it cannot be read: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|_| "it is not UTF-8 text".to_string())?;
    parse(&text).map(Some)
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
    /// The older version the file was upgraded from, until it is next written.
    pub migrated_from: Option<u32>,
}

/// What [`Store::save`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Saved {
    /// Written.
    Written,
    /// Written in the current format; the older file was copied to this backup first.
    Upgraded { from: u32, backup: PathBuf },
    /// Not written: the file was unreadable when opened.
    Refused,
}

impl Store {
    /// Read the progress file in `root`. A missing file is a fresh start; a
    /// file that cannot be parsed, or has a newer format, is reported in
    /// `unreadable` and left alone; an older format is upgraded in memory.
    pub fn open(root: &Path) -> Self {
        let path = root.join(FILE_NAME);
        match read(&path) {
            Ok(None) => Self { path, progress: Progress::default(), unreadable: None, migrated_from: None },
            Ok(Some(parsed)) => {
                Self { path, progress: parsed.progress, unreadable: None, migrated_from: parsed.migrated_from }
            }
            Err(reason) => Self {
                path: path.clone(),
                progress: Progress::default(),
                unreadable: Some(Unreadable { path, reason }),
                migrated_from: None,
            },
        }
    }

    /// The record of one exercise, created on first use.
    pub fn record(&mut self, id: &str) -> &mut ExerciseRecord {
        self.progress.exercises.entry(id.to_string()).or_default()
    }

    /// Whether an exercise is done.
    pub fn is_done(&self, id: &str) -> bool {
        self.progress.is_done(id)
    }

    /// Write the file atomically (a temporary file, then a rename), unless it
    /// was unreadable when opened. A file in an older format is copied to
    /// `target/eigenlings/backups/` before it is replaced.
    pub fn save(&mut self) -> Result<Saved> {
        if self.unreadable.is_some() {
            return Ok(Saved::Refused);
        }
        if self.progress.learner.is_empty() {
            self.progress.learner = identity::from_git();
        }
        let mut saved = Saved::Written;
        if let Some(from) = self.migrated_from {
            let root = self.path.parent().unwrap_or(Path::new("."));
            let dir = root.join("target").join("eigenlings").join("backups");
            std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
            let backup = dir.join(format!("progress-v{from}-{}.toml", now().replace(':', "-")));
            std::fs::copy(&self.path, &backup)
                .with_context(|| format!("cannot back up {} to {}", self.path.display(), backup.display()))?;
            saved = Saved::Upgraded { from, backup };
        }
        self.progress.format_version = FORMAT_VERSION;
        let body = toml::to_string(&self.progress).context("cannot encode the progress")?;
        let tmp = self.path.with_extension("toml.tmp");
        std::fs::write(&tmp, format!("{HEADER}\n{body}")).with_context(|| format!("cannot write {}", tmp.display()))?;
        std::fs::rename(&tmp, &self.path).with_context(|| format!("cannot replace {}", self.path.display()))?;
        self.migrated_from = None;
        Ok(saved)
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
        store.record("dot_product").failed_properties.insert("sum_of_products".into(), 2);
        assert_eq!(store.record("dot_product").next_hint("2026-01-01T00:00:00Z"), 1);
        assert_eq!(store.save().unwrap(), Saved::Written);
        let again = Store::open(&root);
        assert!(again.is_done("dot_product"));
        let rec = &again.progress.exercises["dot_product"];
        assert_eq!((rec.runs, rec.hints_seen, rec.failed_properties["sum_of_products"]), (3, 1, 2));
        assert_eq!(rec.hint_times, ["2026-01-01T00:00:00Z"]);
        assert_eq!(again.progress.format_version, FORMAT_VERSION);
    }

    #[test]
    fn hint_levels_stop_at_three_and_keep_their_first_times() {
        let mut rec = ExerciseRecord::default();
        let levels: Vec<u32> = ["t1", "t2", "t3", "t4"].iter().map(|t| rec.next_hint(t)).collect();
        assert_eq!(levels, [1, 2, 3, 3]);
        assert_eq!(rec.hint_times, ["t1", "t2", "t3"]);
    }

    #[test]
    fn a_corrupt_file_is_reported_and_never_overwritten() {
        let root = temp_root("corrupt");
        std::fs::write(root.join(FILE_NAME), "format_version = 2\n[exercises.dot\nruns = ").unwrap();
        let mut store = Store::open(&root);
        let why = store.unreadable.clone().expect("reported");
        assert!(why.to_string().contains("left exactly as it is"), "{why}");
        assert!(why.reason.contains("line 2"), "{why}");
        store.record("dot").runs = 1;
        assert_eq!(store.save().unwrap(), Saved::Refused);
        assert_eq!(
            std::fs::read_to_string(root.join(FILE_NAME)).unwrap(),
            "format_version = 2\n[exercises.dot\nruns = "
        );
    }

    #[test]
    fn truncated_wrong_version_and_wrong_types_each_have_a_reason() {
        let reason = |text: &str| parse(text).unwrap_err();
        assert!(reason("").contains("no format_version"));
        assert!(reason("format_version = \"two\"").contains("not a whole number"));
        assert!(reason("format_version = 0").contains("not a version eigenlings ever wrote"));
        assert!(reason("format_version = 3").contains("newer eigenlings"));
        let typed = reason("format_version = 2\n[exercises.dot]\nruns = -3\n");
        assert!(typed.contains("line 3"), "{typed}");
    }

    #[test]
    fn newer_versions_are_left_alone_and_unknown_ids_and_fields_survive() {
        let root = temp_root("newer");
        std::fs::write(root.join(FILE_NAME), "format_version = 3\n").unwrap();
        assert!(Store::open(&root).unreadable.unwrap().reason.contains("newer"));
        std::fs::write(
            root.join(FILE_NAME),
            "format_version = 2\nfuture = 5\n[exercises.gone_exercise]\nstatus = \"done\"\nmood = \"happy\"\n",
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
    fn a_version_1_file_is_upgraded_on_write_and_backed_up_first() {
        let root = temp_root("v1");
        let v1 = "format_version = 1\nlearner = \"Ada Lovelace <ada@example.org>\"\n\
                  [exercises.add_vectors]\nstatus = \"done\"\nruns = 4\nruns_to_solve = 3\nhints_seen = 2\n";
        std::fs::write(root.join(FILE_NAME), v1).unwrap();
        let mut store = Store::open(&root);
        assert!(store.unreadable.is_none());
        assert_eq!(store.migrated_from, Some(1));
        assert_eq!(store.progress.learner.name, "Ada Lovelace");
        assert_eq!(store.progress.learner.email, "ada@example.org");
        assert!(store.is_done("add_vectors"));
        let Saved::Upgraded { from: 1, backup } = store.save().unwrap() else { panic!("not upgraded") };
        assert_eq!(std::fs::read_to_string(backup).unwrap(), v1, "the backup is the old file, byte for byte");
        let text = std::fs::read_to_string(root.join(FILE_NAME)).unwrap();
        let again = parse(&text).unwrap();
        assert_eq!(again.migrated_from, None);
        assert_eq!(again.progress.exercises["add_vectors"].runs_to_solve, Some(3));
        assert_eq!(again.progress.learner.name, "Ada Lovelace");
        assert_eq!(store.save().unwrap(), Saved::Written, "upgraded once");
    }

    #[test]
    fn blob_hash_matches_git() {
        // `printf 'hello\n' | git hash-object --stdin`
        assert_eq!(git_blob_sha1(b"hello\n"), "ce013625030ba8dba906f756967f9e9ca394464a");
    }
}
