//! The course map: `info.toml` read, validated, and resolved to file paths.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use serde::Deserialize;

/// The `format_version` of `info.toml` this tool understands.
pub const INFO_FORMAT_VERSION: u32 = 1;

/// `info.toml` as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct InfoFile {
    format_version: u32,
    lessons: Vec<Lesson>,
    #[serde(default)]
    exercises: Vec<Exercise>,
}

/// One lesson: a numbered folder with a title.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    pub number: u32,
    /// The folder name inside `exercises/` and `solutions/`.
    pub dir: String,
    pub title: String,
}

/// One exercise: a file in a lesson folder, with hints and dependencies.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub lesson: u32,
    pub file: String,
    #[serde(default)]
    pub builds_on: Vec<String>,
    pub hints: Vec<String>,
    /// Git's blob hash of the shipped stub.
    #[serde(default)]
    pub stub_sha1: String,
}

/// The validated course, rooted at the repository.
#[derive(Debug, Clone)]
pub struct Course {
    pub root: PathBuf,
    pub lessons: Vec<Lesson>,
    pub exercises: Vec<Exercise>,
}

impl Course {
    /// Read and validate `info.toml` in `root`.
    pub fn load(root: &Path) -> Result<Self> {
        let path = root.join("info.toml");
        let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        Self::parse(root, &text).with_context(|| format!("{} is not a valid course map", path.display()))
    }

    /// Parse and validate the text of `info.toml`.
    pub fn parse(root: &Path, text: &str) -> Result<Self> {
        let info: InfoFile = toml::from_str(text)?;
        if info.format_version != INFO_FORMAT_VERSION {
            bail!(
                "format_version {} is not supported (this eigenlings reads version {INFO_FORMAT_VERSION}): update the workbook",
                info.format_version
            );
        }
        let course = Self { root: root.to_path_buf(), lessons: info.lessons, exercises: info.exercises };
        course.validate()?;
        Ok(course)
    }

    fn validate(&self) -> Result<()> {
        for (i, lesson) in self.lessons.iter().enumerate() {
            if lesson.number as usize != i + 1 {
                bail!("lessons must be numbered 1, 2, 3, … in order; found {} at position {}", lesson.number, i + 1);
            }
        }
        let mut seen: Vec<&str> = Vec::new();
        let mut last_lesson = 0;
        for e in &self.exercises {
            if e.id.is_empty() || !e.id.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_') {
                bail!("exercise id `{}` must be snake_case", e.id);
            }
            if seen.contains(&e.id.as_str()) {
                bail!("exercise id `{}` appears twice", e.id);
            }
            if self.lesson(e.lesson).is_none() {
                bail!("exercise `{}` names lesson {}, which does not exist", e.id, e.lesson);
            }
            if e.lesson < last_lesson {
                bail!(
                    "exercise `{}` (lesson {}) comes after lesson {}: keep exercises in lesson order",
                    e.id,
                    e.lesson,
                    last_lesson
                );
            }
            last_lesson = e.lesson;
            if e.hints.len() != 3 || e.hints.iter().any(|h| h.trim().is_empty()) {
                bail!("exercise `{}` needs exactly three non-empty hints (idea, step, pitfall)", e.id);
            }
            for dep in &e.builds_on {
                if !seen.contains(&dep.as_str()) {
                    bail!("exercise `{}` builds on `{dep}`, which is not an earlier exercise", e.id);
                }
            }
            seen.push(&e.id);
        }
        Ok(())
    }

    pub fn lesson(&self, number: u32) -> Option<&Lesson> {
        self.lessons.iter().find(|l| l.number == number)
    }

    /// The exercise with this id, or an error that lists what exists.
    pub fn exercise(&self, id: &str) -> Result<&Exercise> {
        self.exercises
            .iter()
            .find(|e| e.id == id)
            .with_context(|| format!("there is no exercise `{id}`; `cargo learn list` shows them all"))
    }

    /// The exercises of one lesson, in order.
    pub fn exercises_of(&self, lesson: u32) -> impl Iterator<Item = &Exercise> {
        self.exercises.iter().filter(move |e| e.lesson == lesson)
    }

    /// `exercises/NN_topic/file.rs`.
    pub fn exercise_path(&self, e: &Exercise) -> PathBuf {
        self.root.join("exercises").join(self.dir_of(e)).join(&e.file)
    }

    /// `solutions/NN_topic/file.rs`.
    pub fn solution_path(&self, e: &Exercise) -> PathBuf {
        self.root.join("solutions").join(self.dir_of(e)).join(&e.file)
    }

    /// `exercises/NN_topic/README.md`.
    pub fn readme_path(&self, lesson: &Lesson) -> PathBuf {
        self.root.join("exercises").join(&lesson.dir).join("README.md")
    }

    fn dir_of(&self, e: &Exercise) -> &str {
        self.lesson(e.lesson).map_or("", |l| l.dir.as_str())
    }

    /// The path relative to the repository root, for messages.
    pub fn relative<'a>(&self, path: &'a Path) -> &'a Path {
        path.strip_prefix(&self.root).unwrap_or(path)
    }

    /// Exercises that build on `id`, directly or through others.
    pub fn dependents(&self, id: &str) -> Vec<&Exercise> {
        let mut found: Vec<&str> = vec![id];
        let mut out = Vec::new();
        for e in &self.exercises {
            if e.builds_on.iter().any(|d| found.contains(&d.as_str())) {
                found.push(&e.id);
                out.push(e);
            }
        }
        out
    }
}

/// The repository root: the nearest folder upward that holds `info.toml`.
pub fn find_root() -> Result<PathBuf> {
    let cwd = std::env::current_dir().context("cannot read the current directory")?;
    for dir in cwd.ancestors() {
        if dir.join("info.toml").is_file() && dir.join("exercises").is_dir() {
            return Ok(dir.to_path_buf());
        }
    }
    bail!("{NOT_IN_WORKBOOK}")
}

const NOT_IN_WORKBOOK: &str =
    "this is not an eigenlings workbook (no info.toml with an exercises/ folder here or above).
Run `cargo learn` from inside the cloned repository.";

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Result<Course> {
        Course::parse(Path::new("/w"), text)
    }

    const LESSONS: &str = "format_version = 1\n[[lessons]]\nnumber = 1\ndir = \"01_a\"\ntitle = \"A\"\n";

    fn exercise(id: &str, deps: &str) -> String {
        format!(
            "[[exercises]]\nid = \"{id}\"\nlesson = 1\nfile = \"{id}.rs\"\nbuilds_on = [{deps}]\nhints = [\"i\", \"s\", \"p\"]\n"
        )
    }

    #[test]
    fn a_valid_map_resolves_paths_and_dependents() {
        let c = parse(&format!("{LESSONS}{}{}", exercise("a", ""), exercise("b", "\"a\""))).unwrap();
        assert_eq!(c.exercise_path(c.exercise("b").unwrap()), Path::new("/w/exercises/01_a/b.rs"));
        assert_eq!(c.dependents("a").len(), 1);
    }

    #[test]
    fn forward_dependencies_duplicates_and_missing_hints_are_refused() {
        let forward = parse(&format!("{LESSONS}{}{}", exercise("a", "\"b\""), exercise("b", ""))).unwrap_err();
        assert!(format!("{forward:#}").contains("not an earlier exercise"), "{forward:#}");
        let twice = parse(&format!("{LESSONS}{}{}", exercise("a", ""), exercise("a", ""))).unwrap_err();
        assert!(format!("{twice:#}").contains("twice"));
        let hints = parse(&format!("{LESSONS}{}", exercise("a", "").replace("\"s\", ", ""))).unwrap_err();
        assert!(format!("{hints:#}").contains("three"));
        let version = parse(&LESSONS.replace("= 1\n[[", "= 9\n[[")).unwrap_err();
        assert!(format!("{version:#}").contains("not supported"));
    }
}
