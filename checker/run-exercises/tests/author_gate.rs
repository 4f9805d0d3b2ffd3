//! The author gate, part 2: `info.toml` agrees with the files and the checker,
//! and every stub as shipped reports "not implemented yet".
//!
//! A learner's own edits must not make `cargo test` fail, so a stub is only
//! judged while it is pristine: its git blob hash equals `stub_sha1` in
//! `info.toml`. With `EIGENLINGS_AUTHOR=1` (set by `.ci/run`) every stub must
//! be pristine, so an author who edits a stub is told to refresh the hash
//! (`python3 checker/tools/make_stubs.py`).

use std::path::{Path, PathBuf};

use eigenlings::course::Course;
use report::Status;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("workspace root")
}

fn course() -> Course {
    Course::load(&root()).expect("info.toml is valid")
}

fn git_blob_sha1(bytes: &[u8]) -> String {
    let mut h = sha1_smol::Sha1::new();
    h.update(format!("blob {}\0", bytes.len()).as_bytes());
    h.update(bytes);
    h.digest().to_string()
}

fn author_mode() -> bool {
    std::env::var_os("EIGENLINGS_AUTHOR").is_some_and(|v| v == "1")
}

#[test]
fn info_toml_lists_exactly_the_checked_exercises_in_order() {
    let course = course();
    let table: Vec<&str> = runner::course!(exercises).exercises.iter().map(|e| e.id).collect();
    let info: Vec<&str> = course.exercises.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(info, table, "info.toml and checker/runner/src/table.rs must list the same exercises in the same order");
}

#[test]
fn every_exercise_has_its_stub_its_solution_and_a_readme() {
    let course = course();
    for e in &course.exercises {
        let stub = course.exercise_path(e);
        let solution = course.solution_path(e);
        assert!(stub.is_file(), "{} is missing", stub.display());
        assert!(solution.is_file(), "{} is missing", solution.display());
        assert!(e.stub_sha1.len() == 40, "{}: stub_sha1 is not set in info.toml", e.id);
    }
    for lesson in &course.lessons {
        assert!(course.readme_path(lesson).is_file(), "lesson {} has no README", lesson.number);
    }
}

#[test]
fn every_hint_is_written_and_every_lesson_with_exercises_has_its_answers() {
    let course = course();
    for e in &course.exercises {
        for (level, hint) in ["idea", "step", "pitfall"].iter().zip(&e.hints) {
            assert!(
                hint.len() >= 40 && !hint.to_lowercase().starts_with("todo"),
                "{}: the {level} hint is a placeholder: {hint:?}",
                e.id
            );
        }
        let answers = course.solution_path(e).with_file_name("ANSWERS.md");
        assert!(answers.is_file(), "{} is missing (worked answers to the README's questions)", answers.display());
    }
}

#[test]
fn every_stub_guides_the_learner_with_a_todo() {
    let course = course();
    for e in &course.exercises {
        let path = course.exercise_path(e);
        let text = std::fs::read(&path).unwrap();
        if git_blob_sha1(&text) != e.stub_sha1 {
            continue;
        }
        let text = String::from_utf8(text).unwrap();
        assert!(text.contains("// TODO:"), "{}: a stub needs a `// TODO:` line", path.display());
        assert!(text.contains("todo!(\""), "{}: a stub needs a `todo!(\"…\")`", path.display());
        assert!(text.starts_with("//!"), "{}: a stub starts with a `//!` header", path.display());
    }
}

#[test]
fn every_pristine_stub_reports_not_implemented() {
    let course = course();
    let table = runner::course!(exercises);
    let mut judged = 0;
    for e in &course.exercises {
        let path = course.exercise_path(e);
        let pristine = std::fs::read(&path).map(|b| git_blob_sha1(&b) == e.stub_sha1).unwrap_or(false);
        if !pristine {
            assert!(
                !author_mode(),
                "{} is not the shipped stub (its blob hash differs from stub_sha1). If you changed the stub on \
                 purpose, run `python3 checker/tools/make_stubs.py` to refresh info.toml.",
                path.display()
            );
            eprintln!("note: {} has been edited; the stub check skips it", path.display());
            continue;
        }
        let entry = table.exercises.iter().find(|x| x.id == e.id).expect("in the table");
        let report = (entry.check)();
        assert_eq!(
            report.status,
            Status::NotImplemented,
            "{}: the stub must report not_implemented, got {report:#?}",
            e.id
        );
        judged += 1;
    }
    if author_mode() {
        assert_eq!(judged, course.exercises.len());
    }
}
