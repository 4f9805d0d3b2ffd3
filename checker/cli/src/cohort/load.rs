//! Reading a cohort: each PATH given is a learner's repository, a progress
//! file, or a folder of either; each learner's progress file is read and
//! checked for signs of hand editing. Nothing here executes learner code,
//! and nothing a learner wrote stops the report: every problem is recorded
//! against that learner.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::course::Course;
use crate::identity;
use crate::progress::{self, ExerciseRecord, FILE_NAME, Progress, Standing};

use super::Learner;

/// Longest name shown, in characters (a longer one is cut, with `…`).
pub const MAX_NAME_CHARS: usize = 60;

/// What one PATH turned out to be.
#[derive(Debug, Clone, PartialEq)]
enum Source {
    Repo(PathBuf),
    File(PathBuf),
    Missing(PathBuf, String),
}

/// Read every learner the paths name, in the order given (a folder's
/// entries sorted by name). The same repository given twice is read once.
pub fn load(course: &Course, paths: &[PathBuf]) -> Vec<Learner> {
    let mut seen = HashSet::new();
    let mut learners = Vec::new();
    for source in paths.iter().flat_map(|p| expand(p)) {
        let key = match &source {
            Source::Repo(p) | Source::File(p) => p.canonicalize().unwrap_or_else(|_| p.clone()),
            Source::Missing(p, _) => p.clone(),
        };
        if !seen.insert(key) {
            continue;
        }
        let mut learner = read(course, &source);
        learner.number = learners.len() + 1;
        learners.push(learner);
    }
    learners
}

/// A learner's repository has a progress file, an `exercises/` folder, a
/// `.git`, or an `info.toml`; any other folder holds learners (its
/// sub-folders as repositories, its `*.toml` files as progress files).
fn expand(path: &Path) -> Vec<Source> {
    let Ok(meta) = std::fs::metadata(path) else {
        return vec![Source::Missing(path.to_path_buf(), "it does not exist".into())];
    };
    if meta.is_file() {
        return vec![Source::File(path.to_path_buf())];
    }
    if is_repo(path) {
        return vec![Source::Repo(path.to_path_buf())];
    }
    let mut entries: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(read) => read.flatten().map(|e| e.path()).collect(),
        Err(e) => return vec![Source::Missing(path.to_path_buf(), format!("it cannot be read: {e}"))],
    };
    entries.sort();
    let found: Vec<Source> = entries
        .into_iter()
        .filter(|p| !p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')))
        .filter_map(|p| {
            if p.is_dir() {
                Some(Source::Repo(p))
            } else if p.extension().is_some_and(|x| x == "toml") {
                Some(Source::File(p))
            } else {
                None
            }
        })
        .collect();
    if found.is_empty() {
        return vec![Source::Missing(
            path.to_path_buf(),
            "it is a folder with no progress file, no exercises/ and no learner repositories in it".into(),
        )];
    }
    found
}

fn is_repo(dir: &Path) -> bool {
    [FILE_NAME, "exercises", ".git", "info.toml"].iter().any(|name| dir.join(name).exists())
}

/// One learner from one source.
fn read(course: &Course, source: &Source) -> Learner {
    let (shown, file, repo) = match source {
        Source::Repo(dir) => (dir.as_path(), dir.join(FILE_NAME), Some(dir.clone())),
        Source::File(file) => (file.as_path(), file.clone(), None),
        Source::Missing(path, _) => (path.as_path(), path.clone(), None),
    };
    let fallback = shown
        .file_name()
        .map(|n| n.to_string_lossy().trim_end_matches(".toml").to_string())
        .unwrap_or_else(|| shown.display().to_string());
    let mut learner = Learner {
        number: 0,
        path: identity::printable(&shown.display().to_string()),
        name: String::new(),
        email: String::new(),
        repo,
        progress: None,
        problems: Vec::new(),
        notes: Vec::new(),
        reverified: None,
    };
    match source {
        Source::Missing(_, why) => learner.problems.push(why.clone()),
        _ => match progress::read(&file) {
            Ok(None) => learner
                .problems
                .push(format!("no {FILE_NAME}: not started, or the file was not committed (`git add {FILE_NAME}`)")),
            Err(why) => learner.problems.push(format!("{FILE_NAME} cannot be used: {why}")),
            Ok(Some(parsed)) => {
                if let Some(v) = parsed.migrated_from {
                    learner.notes.push(format!(
                        "{FILE_NAME} is format version {v} (read as version {}; their next check upgrades it)",
                        progress::FORMAT_VERSION
                    ));
                }
                check_records(course, &parsed.progress, &mut learner);
                learner.progress = Some(parsed.progress);
            }
        },
    }
    let (name, email) = match &learner.progress {
        Some(p) => (p.learner.name.clone(), p.learner.email.clone()),
        None => (String::new(), String::new()),
    };
    if name.chars().chain(email.chars()).any(identity::is_hidden) {
        learner.problems.push("their name or e-mail contains control or invisible characters (shown as �)".into());
    }
    learner.email = cut(&identity::printable(email.trim()), MAX_NAME_CHARS);
    learner.name = match name.trim() {
        "" if !learner.email.is_empty() => learner.email.clone(),
        "" => cut(&identity::printable(&fallback), MAX_NAME_CHARS),
        name => cut(&identity::printable(name), MAX_NAME_CHARS),
    };
    learner
}

/// At most `max` characters, with `…` when cut.
pub fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// Records the course does not know are kept and noted; records that no
/// `cargo learn` could have written are problems ("looks hand-edited").
fn check_records(course: &Course, progress: &Progress, learner: &mut Learner) {
    let unknown: Vec<String> = progress
        .exercises
        .keys()
        .filter(|id| course.exercises.iter().all(|e| &e.id != *id))
        .map(|id| cut(&identity::printable(id), 40))
        .collect();
    if !unknown.is_empty() {
        let shown: Vec<&str> = unknown.iter().take(5).map(String::as_str).collect();
        let more = if unknown.len() > 5 { format!(" and {} more", unknown.len() - 5) } else { String::new() };
        learner.notes.push(format!(
            "{} exercise id(s) this course does not have, kept and ignored: {}{more}",
            unknown.len(),
            shown.join(", ")
        ));
    }
    let mut odd = Vec::new();
    for e in &course.exercises {
        if let Some(rec) = progress.exercises.get(&e.id) {
            odd.extend(oddities(rec).into_iter().map(|why| format!("`{}` {why}", e.id)));
        }
    }
    if !odd.is_empty() {
        let more = if odd.len() > 3 { format!(" (and {} more)", odd.len() - 3) } else { String::new() };
        learner.problems.push(format!(
            "{FILE_NAME} looks hand-edited: {}{more}",
            odd.iter().take(3).cloned().collect::<Vec<_>>().join("; ")
        ));
    }
}

/// What no run of `cargo learn` writes.
fn oddities(rec: &ExerciseRecord) -> Vec<String> {
    let mut odd = Vec::new();
    let time = |field: &str, value: &Option<String>, odd: &mut Vec<String>| {
        let parsed = value.as_deref().map(humantime::parse_rfc3339_weak);
        if let Some(Err(_)) = parsed {
            odd.push(format!("has a {field} that is not a time"));
        }
        parsed.and_then(Result::ok)
    };
    let first = time("first_run", &rec.first_run, &mut odd);
    let solved = time("solved", &rec.solved, &mut odd);
    if rec.status == Standing::Done && rec.runs == 0 {
        odd.push("is done with no recorded check".into());
    }
    if rec.status == Standing::Done && rec.solved.is_none() {
        odd.push("is done with no solved time".into());
    }
    if rec.runs_to_solve.is_some_and(|n| n > rec.runs || n == 0) {
        odd.push("took more checks to solve than it was ever checked".into());
    }
    if let (Some(first), Some(solved)) = (first, solved)
        && solved < first
    {
        odd.push("was solved before it was first checked".into());
    }
    if rec.hints_seen > 3 {
        odd.push(format!("has hint level {} (there are 3)", rec.hints_seen));
    }
    if rec.source_sha1.as_deref().is_some_and(|h| h.len() != 40 || !h.chars().all(|c| c.is_ascii_hexdigit())) {
        odd.push("has a source hash that is not a SHA-1".into());
    }
    odd
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_edits_no_tool_would_write_are_named() {
        let rec = ExerciseRecord {
            status: Standing::Done,
            runs: 0,
            first_run: Some("yesterday".into()),
            hints_seen: 7,
            ..ExerciseRecord::default()
        };
        let odd = oddities(&rec).join("; ");
        for needle in ["not a time", "no recorded check", "no solved time", "hint level 7"] {
            assert!(odd.contains(needle), "{needle}: {odd}");
        }
        let honest = ExerciseRecord {
            status: Standing::Done,
            runs: 3,
            runs_to_solve: Some(2),
            first_run: Some("2026-01-01T10:00:00Z".into()),
            solved: Some("2026-01-01T10:05:00Z".into()),
            source_sha1: Some("ce013625030ba8dba906f756967f9e9ca394464a".into()),
            ..ExerciseRecord::default()
        };
        assert!(oddities(&honest).is_empty(), "{:?}", oddities(&honest));
        let backwards = ExerciseRecord { solved: Some("2025-01-01T00:00:00Z".into()), ..honest };
        assert!(oddities(&backwards).join("").contains("before it was first checked"));
    }

    #[test]
    fn long_names_are_cut_with_an_ellipsis() {
        assert_eq!(cut("abcdef", 4), "abc…");
        assert_eq!(cut("abc", 4), "abc");
    }
}
