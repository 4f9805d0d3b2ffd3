//! The command-line contract, end to end (product.md, "The command line"):
//! `verify` in its three formats, `list`, `hint`, `solution`, `reset`, `run`
//! with the progress file it writes, a corrupt progress file, and exit codes
//! 0 (all good), 1 (something not passed), 2 (the tool could not run).

mod common;

use common::{Session, exercise_json};
use eigenlings::progress::git_blob_sha1;

/// A fresh clone: every exercise a stub, no progress file.
fn sandbox() -> Session {
    common::shared("commands", |s| s.prebuild(&["run-exercises", "run-solutions"]))
}

fn ids(s: &Session) -> Vec<String> {
    s.course.exercises.iter().map(|e| e.id.clone()).collect()
}

fn statuses(doc: &serde_json::Value) -> Vec<(String, String)> {
    doc["exercises"]
        .as_array()
        .expect("an exercises array")
        .iter()
        .map(|e| (e["id"].as_str().unwrap_or("?").to_string(), e["status"].as_str().unwrap_or("?").to_string()))
        .collect()
}

#[test]
fn verify_all_solutions_passes_every_exercise_and_exits_0() {
    let s = sandbox();
    let out = s.cli(&["verify", "--all", "--solutions", "--format", "json"]);
    out.assert_code(0);
    let doc = out.json();
    assert_eq!(doc["target"], "solutions");
    let got = statuses(&doc);
    let want: Vec<(String, String)> = ids(&s).into_iter().map(|id| (id, "passed".to_string())).collect();
    assert_eq!(got, want, "{doc:#}");
    assert_eq!(doc["summary"]["passed"], want.len(), "{doc:#}");
    assert_eq!(doc["summary"]["total"], want.len(), "{doc:#}");
    for e in doc["exercises"].as_array().unwrap() {
        assert!(!e["properties"].as_array().unwrap().is_empty(), "a passing exercise lists its properties: {e:#}");
    }
    // Checking the solutions never touches the learner's progress.
    assert!(s.progress().is_none(), "verify wrote progress.toml");
}

#[test]
fn verify_all_on_the_stubs_is_not_implemented_everywhere_and_exits_1() {
    let s = sandbox();
    let out = s.cli(&["verify", "--all", "--format", "json"]);
    out.assert_code(1);
    let doc = out.json();
    assert_eq!(doc["target"], "exercises");
    let want: Vec<(String, String)> = ids(&s).into_iter().map(|id| (id, "not_implemented".to_string())).collect();
    assert_eq!(statuses(&doc), want, "{doc:#}");
    assert_eq!(doc["summary"]["not_implemented"], want.len());
    for e in doc["exercises"].as_array().unwrap() {
        assert!(e["message"].as_str().unwrap_or("").starts_with("Not implemented yet"), "{e:#}");
        assert!(e["lesson"].is_u64(), "{e:#}");
    }
    assert!(s.progress().is_none(), "verify is read-only, it wrote progress.toml");
}

#[test]
fn verify_without_all_checks_only_unlocked_lessons() {
    let s = sandbox();
    let out = s.cli(&["verify", "--format", "json"]);
    out.assert_code(1);
    let doc = out.json();
    for e in &s.course.exercises {
        let want = if e.lesson == 1 { "not_implemented" } else { "locked" };
        assert_eq!(exercise_json(&doc, &e.id)["status"], want, "{doc:#}");
    }
}

#[test]
fn verify_junit_is_well_formed_xml_with_one_testcase_per_exercise() {
    let s = sandbox();
    let out = s.cli(&["verify", "--format", "junit"]);
    out.assert_code(1);
    let xml =
        roxmltree::Document::parse(&out.stdout).unwrap_or_else(|e| panic!("not well-formed XML: {e}\n{}", out.stdout));
    let root = xml.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some(s.course.exercises.len().to_string().as_str()), "{}", out.stdout);
    let cases: Vec<roxmltree::Node> = root.descendants().filter(|n| n.has_tag_name("testcase")).collect();
    let names: Vec<&str> = cases.iter().map(|c| c.attribute("name").unwrap_or("?")).collect();
    assert_eq!(names, ids(&s), "one testcase per exercise, in course order");
    for (case, e) in cases.iter().zip(&s.course.exercises) {
        let child = |tag: &str| case.children().find(|n| n.has_tag_name(tag));
        assert_eq!(case.attribute("classname"), Some(format!("eigenlings.lesson{:02}", e.lesson).as_str()));
        assert!(case.attribute("time").is_some_and(|t| t.parse::<f64>().is_ok()), "{e:?}");
        if e.lesson == 1 {
            let failure = child("failure").unwrap_or_else(|| panic!("{} has no <failure>:\n{}", e.id, out.stdout));
            assert_eq!(failure.attribute("type"), Some("not_implemented"));
            assert!(failure.attribute("message").is_some_and(|m| m.contains("Not implemented yet")));
        } else {
            assert!(child("skipped").is_some(), "{} (locked) should be skipped:\n{}", e.id, out.stdout);
        }
    }
}

#[test]
fn list_shows_every_lesson_with_its_state_and_follows_progress() {
    let mut s = sandbox();
    let out = s.cli(&["list"]);
    out.assert_code(0);
    let row = |out: &common::Run, id: &str| -> String {
        out.stdout
            .lines()
            .find(|l| l.split_whitespace().nth(1) == Some(id))
            .unwrap_or_else(|| panic!("no row for {id}:\n{}", out.stdout))
            .to_string()
    };
    assert!(row(&out, "add_vectors").ends_with("current"), "{}", out.stdout);
    assert!(row(&out, "scale_vector").ends_with("pending"), "{}", out.stdout);
    assert!(row(&out, "dot_product").ends_with("locked"), "{}", out.stdout);
    for lesson in &s.course.lessons {
        assert!(out.stdout.contains(&lesson.title), "lesson {} missing:\n{}", lesson.number, out.stdout);
    }
    out.assert_stdout_has(&[
        "locked until lesson 1 is done",
        &format!("0 of {} exercises done.", s.course.exercises.len()),
    ]);

    s.write_exercise("add_vectors", s.solution_text("add_vectors"));
    s.cli(&["run", "add_vectors"]).assert_code(0);
    let out = s.cli(&["list"]);
    out.assert_code(0);
    assert!(row(&out, "add_vectors").ends_with("done"), "{}", out.stdout);
    assert!(row(&out, "scale_vector").ends_with("current"), "{}", out.stdout);
    out.assert_stdout_has(&["1/5 done", &format!("1 of {} exercises done.", s.course.exercises.len())]);
}

#[test]
fn hint_gives_three_levels_then_stays_at_three_and_records_them() {
    let s = sandbox();
    let hints = s.exercise("add_vectors").hints.clone();
    for (i, level) in [1, 2, 3, 3].into_iter().enumerate() {
        // No exercise named: the current one.
        let out = s.cli(&["hint"]);
        out.assert_code(0).assert_stdout_has(&[&format!("Hints for add_vectors ({level} of 3)")]);
        for (h, hint) in hints.iter().enumerate() {
            assert_eq!(
                out.stdout.contains(hint.as_str()),
                h < level,
                "call {}: hint {} shown?\n{}",
                i + 1,
                h + 1,
                out.stdout
            );
        }
        assert_eq!(out.stdout.contains("again for the next one"), level < 3, "{}", out.stdout);
        let rec = s.progress_of("add_vectors");
        assert_eq!(rec["hints_seen"].as_integer(), Some(level as i64), "hints_seen after call {}", i + 1);
        let times = rec["hint_times"].as_array().expect("hint_times");
        assert_eq!(times.len(), level, "one time per level shown: {rec}");
        assert!(times.iter().all(|t| t.as_str().is_some_and(|t| t.ends_with('Z'))), "{rec}");
    }
    // Hints for another exercise are counted on their own.
    s.cli(&["hint", "scale_vector"]).assert_code(0).assert_stdout_has(&["Hints for scale_vector (1 of 3)"]);
    assert_eq!(s.progress_of("scale_vector")["hints_seen"].as_integer(), Some(1));
    assert_eq!(s.progress_of("add_vectors")["hints_seen"].as_integer(), Some(3));
}

#[test]
fn solution_is_refused_before_solving_and_shown_after() {
    let mut s = sandbox();
    let out = s.cli(&["solution", "add_vectors"]);
    out.assert_code(1).assert_stdout_has(&["shown once your own code passes", "cargo learn hint add_vectors"]);
    let solution = s.solution_text("add_vectors");
    assert!(!out.stdout.contains(solution.trim()), "the solution leaked:\n{}", out.stdout);

    s.write_exercise("add_vectors", &solution);
    s.cli(&["run", "add_vectors"]).assert_code(0);
    let out = s.cli(&["solution", "add_vectors"]);
    out.assert_code(0).assert_stdout_has(&["Worked solution", solution.trim()]);
    let rec = s.progress_of("add_vectors");
    assert!(rec.get("solution_viewed").is_some_and(|v| v.is_str()), "{rec}");
    assert!(rec["solution_viewed"].as_str() >= rec["solved"].as_str(), "viewed after solving: {rec}");
    assert!(rec.get("solution_viewed_before_solving").is_none(), "{rec}");
}

#[test]
fn reset_restores_the_stub_byte_for_byte_and_backs_up_the_learners_version() {
    let mut s = sandbox();
    let e = s.exercise("add_vectors").clone();
    assert_eq!(
        e.stub_sha1.len(),
        40,
        "info.toml has no stub_sha1 for `{}`: reset cannot find the stub. Fill it in (python3 checker/tools/make_stubs.py).",
        e.id
    );
    let file = s.exercise_file(&e.id);
    let stub = common::git(s.root(), &["cat-file", "blob", &e.stub_sha1]);
    assert_eq!(git_blob_sha1(&stub), e.stub_sha1);
    assert_eq!(std::fs::read(s.path(&file)).unwrap(), stub, "the sandbox starts from the stub");

    // Solve it, then start over.
    let mine = s.solution_text("add_vectors") + "\n// my own notes\n";
    s.write_exercise(&e.id, &mine);
    s.cli(&["run", &e.id]).assert_code(0);

    // Not at a terminal and without --yes: refused, nothing changed.
    let out = s.cli(&["reset", &e.id]);
    out.assert_code(2);
    assert!(out.stderr.contains("--yes"), "{}", out.transcript());
    assert_eq!(std::fs::read_to_string(s.path(&file)).unwrap(), mine);

    let out = s.cli(&["reset", &e.id, "--yes"]);
    out.assert_code(0).assert_stdout_has(&["is back to the original stub", "Your version is saved in"]);
    assert_eq!(std::fs::read(s.path(&file)).unwrap(), stub, "reset must restore the stub byte for byte");
    let backups = s.path("target/eigenlings/backups");
    let saved: Vec<String> = std::fs::read_dir(&backups)
        .expect("a backups folder")
        .filter_map(|f| std::fs::read_to_string(f.ok()?.path()).ok())
        .collect();
    assert!(saved.contains(&mine), "the learner's version is not among the backups in {}", backups.display());
    assert_eq!(s.progress_of(&e.id)["status"].as_str(), Some("pending"));
    let _ = std::fs::remove_dir_all(&backups);

    // A deleted file comes back too (the missing-file verdict recommends exactly this).
    s.remove(&file);
    s.cli(&["reset", &e.id, "--yes"]).assert_code(0);
    assert_eq!(std::fs::read(s.path(&file)).unwrap(), stub);
}

#[test]
fn pasting_the_solution_passes_and_progress_records_it() {
    let mut s = sandbox();
    // The first try, on the stub.
    let out = s.cli(&["run"]);
    out.assert_code(1).assert_stdout_has(&["add_vectors", "not implemented yet"]);
    let rec = s.progress_of("add_vectors");
    assert_eq!(rec["status"].as_str(), Some("pending"), "{rec}");
    assert_eq!(rec["runs"].as_integer(), Some(1), "{rec}");

    let solution = s.solution_text("add_vectors");
    s.write_exercise("add_vectors", &solution);
    let out = s.cli(&["run", "add_vectors"]);
    out.assert_code(0).assert_stdout_has(&["✓ passed", "Next: scale_vector"]);
    let rec = s.progress_of("add_vectors");
    assert_eq!(rec["status"].as_str(), Some("done"), "{rec}");
    assert_eq!(rec["runs"].as_integer(), Some(2), "{rec}");
    assert_eq!(rec["runs_to_solve"].as_integer(), Some(2), "{rec}");
    assert_eq!(rec["source_sha1"].as_str(), Some(git_blob_sha1(solution.as_bytes()).as_str()), "{rec}");
    assert!(rec["first_run"].is_str() && rec["solved"].is_str(), "{rec}");
    let progress = s.progress().unwrap();
    assert_eq!(progress["format_version"].as_integer(), Some(2));
    let learner = progress["learner"].as_table().expect("a [learner] table");
    assert_eq!(learner["name"].as_str(), Some("eigenlings e2e"), "{progress}");
    assert_eq!(learner["email"].as_str(), Some("e2e@example.invalid"), "{progress}");
    assert_eq!(learner["from"].as_str(), Some("git config"), "{progress}");
    // The failing first try is counted against the property that failed (none: not implemented).
    assert!(rec.get("failed_properties").is_none(), "{rec}");

    // Passing again keeps the first solve.
    s.cli(&["run", "add_vectors"]).assert_code(0);
    let again = s.progress_of("add_vectors");
    assert_eq!(again["runs"].as_integer(), Some(3));
    assert_eq!(again["runs_to_solve"].as_integer(), Some(2));
    assert_eq!(again["solved"], rec["solved"]);
}

#[test]
fn a_corrupt_progress_file_is_reported_and_kept_and_run_still_checks() {
    let mut s = sandbox();
    let corrupt = "format_version = 1\n[exercises.add_vectors\nstatus = \"done\"\n<<<<<<< merge conflict\n";
    s.write("progress.toml", corrupt);

    let out = s.cli(&["run", "add_vectors"]);
    out.assert_code(1).assert_stdout_has(&["add_vectors", "not implemented yet"]);
    assert!(out.stderr.contains("progress.toml cannot be used"), "{}", out.transcript());
    assert!(out.stderr.contains("left exactly as it is"), "{}", out.transcript());
    assert!(out.stderr.contains("progress not recorded"), "{}", out.transcript());
    assert_eq!(std::fs::read_to_string(s.path("progress.toml")).unwrap(), corrupt);

    s.write_exercise("add_vectors", s.solution_text("add_vectors"));
    let out = s.cli(&["run", "add_vectors"]);
    out.assert_code(0).assert_stdout_has(&["✓ passed"]);
    assert_eq!(
        std::fs::read_to_string(s.path("progress.toml")).unwrap(),
        corrupt,
        "a corrupt file is never overwritten"
    );

    let out = s.cli(&["list"]);
    out.assert_code(0);
    assert!(out.stderr.contains("progress.toml cannot be used"), "{}", out.transcript());
    assert_eq!(std::fs::read_to_string(s.path("progress.toml")).unwrap(), corrupt);
}

#[test]
fn an_unknown_exercise_is_a_usage_error_with_exit_code_2() {
    let s = sandbox();
    for args in [&["run", "no_such_exercise"][..], &["hint", "no_such_exercise"], &["solution", "no_such_exercise"]] {
        let out = s.cli(args);
        out.assert_code(2);
        assert!(out.stderr.contains("there is no exercise `no_such_exercise`"), "{}", out.transcript());
    }
}

#[test]
fn a_locked_exercise_is_not_run_and_says_why() {
    let s = sandbox();
    let out = s.cli(&["run", "dot_product"]);
    out.assert_code(1).assert_stdout_has(&["`dot_product` is in lesson 2", "cargo learn list"]);
}

#[test]
fn outside_a_workbook_the_cli_says_so_and_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = std::process::Command::new(common::CLI);
    cmd.arg("list").current_dir(dir.path());
    let out = common::run(cmd, std::time::Duration::from_secs(60));
    out.assert_code(2);
    assert!(out.stderr.contains("not an eigenlings workbook"), "{}", out.transcript());
}

#[test]
fn demo_runs_on_the_solutions_and_writes_figures_and_on_stubs_says_what_is_missing() {
    let s = sandbox();
    let out = s.cli(&["demo", "2", "--solutions"]);
    out.assert_code(0).assert_stdout_has(&["Leave-one-out", "euclidean", "k = 5", "Figures:", "iris_neighbours.svg"]);
    let figures = s.path("target/eigenlings/demo/lesson-02");
    for name in ["unit_balls.svg", "projection.svg", "iris_neighbours.svg"] {
        let svg = std::fs::read_to_string(figures.join(name)).unwrap_or_default();
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"), "{name} is not a whole SVG document");
    }
    // On the shipped stubs the demo cannot run; it says why and exits 1.
    let out = s.cli(&["demo", "1"]);
    out.assert_code(1);
    assert!(out.transcript().contains("not written yet"), "{}", out.transcript());
    // A lesson without a demo, or without a number, is a usage problem.
    s.cli(&["demo", "13"]).assert_code(2);
}

#[test]
fn whoami_shows_the_identity_sets_it_once_and_refuses_control_characters() {
    let mut s = sandbox();
    let out = s.cli(&["whoami"]);
    out.assert_code(0).assert_stdout_has(&["No name is recorded yet", "eigenlings e2e <e2e@example.invalid>"]);
    assert!(s.progress().is_none(), "showing the identity writes nothing");

    let out = s.cli(&["whoami", "--name", "Ada <Lovelace>", "--email", "ada@example.org"]);
    out.assert_code(0).assert_stdout_has(&["Recorded: Ada <Lovelace> <ada@example.org>", "Commit progress.toml"]);
    let learner = s.progress().unwrap()["learner"].as_table().cloned().expect("a [learner] table");
    assert_eq!(learner["name"].as_str(), Some("Ada <Lovelace>"));
    assert_eq!(learner["email"].as_str(), Some("ada@example.org"));
    assert_eq!(learner["from"].as_str(), Some("cargo learn whoami"));

    // Later writes keep it (git config is not asked again).
    s.cli(&["hint", "add_vectors"]).assert_code(0);
    assert_eq!(s.progress().unwrap()["learner"]["name"].as_str(), Some("Ada <Lovelace>"));
    s.cli(&["whoami"])
        .assert_code(0)
        .assert_stdout_has(&["You are Ada <Lovelace> <ada@example.org> (from cargo learn whoami)"]);

    for (args, why) in [
        (&["whoami", "--name", "Eve\u{1b}[2J"][..], "control"),
        (&["whoami", "--email", "not-an-address"], "does not look like an e-mail"),
        (&["whoami", "--name", "   "], "empty"),
    ] {
        let before = std::fs::read(s.path("progress.toml")).unwrap();
        let out = s.cli(args);
        out.assert_code(2);
        assert!(out.stderr.contains(why), "{}", out.transcript());
        assert_eq!(std::fs::read(s.path("progress.toml")).unwrap(), before, "a refused name changes nothing");
    }

    // An unreadable progress file is never overwritten to record a name.
    s.write("progress.toml", "format_version = 2\n[learner\n");
    let out = s.cli(&["whoami", "--name", "Ada"]);
    out.assert_code(2);
    assert!(out.stderr.contains("cannot be used"), "{}", out.transcript());
    assert_eq!(std::fs::read_to_string(s.path("progress.toml")).unwrap(), "format_version = 2\n[learner\n");
}

#[test]
fn a_version_1_progress_file_is_read_upgraded_on_the_next_write_and_backed_up() {
    let mut s = sandbox();
    let v1 = "format_version = 1\nlearner = \"Old Timer <old@example.org>\"\n\n\
              [exercises.add_vectors]\nstatus = \"pending\"\nfirst_run = \"2026-01-01T10:00:00Z\"\nruns = 4\nhints_seen = 1\n\n\
              [exercises.retired_exercise]\nstatus = \"done\"\nruns = 2\n";
    s.write("progress.toml", v1);
    // Reading it changes nothing.
    s.cli(&["list"]).assert_code(0);
    assert_eq!(std::fs::read_to_string(s.path("progress.toml")).unwrap(), v1);

    let out = s.cli(&["hint", "add_vectors"]);
    out.assert_code(0).assert_stdout_has(&["Hints for add_vectors (2 of 3)"]);
    assert!(out.stderr.contains("upgraded from format 1 to 2"), "{}", out.transcript());
    let progress = s.progress().unwrap();
    assert_eq!(progress["format_version"].as_integer(), Some(2));
    assert_eq!(progress["learner"]["name"].as_str(), Some("Old Timer"));
    assert_eq!(progress["learner"]["email"].as_str(), Some("old@example.org"));
    let rec = s.progress_of("add_vectors");
    assert_eq!((rec["runs"].as_integer(), rec["hints_seen"].as_integer()), (Some(4), Some(2)), "{rec}");
    assert_eq!(rec["first_run"].as_str(), Some("2026-01-01T10:00:00Z"));
    assert!(progress["exercises"].get("retired_exercise").is_some(), "unknown ids are kept: {progress}");
    let backups = s.path("target/eigenlings/backups");
    let kept: Vec<String> = std::fs::read_dir(&backups)
        .expect("a backups folder")
        .filter_map(|f| std::fs::read_to_string(f.ok()?.path()).ok())
        .collect();
    assert!(kept.contains(&v1.to_string()), "the version 1 file is backed up byte for byte in {}", backups.display());
    let _ = std::fs::remove_dir_all(&backups);
}

#[test]
fn verify_lesson_narrows_to_one_lesson_and_json_sums_up_each_lesson() {
    let s = sandbox();
    let out = s.cli(&["verify", "--all", "--solutions", "--lesson", "2", "--format", "json"]);
    out.assert_code(0);
    let doc = out.json();
    let want: Vec<String> = s.course.exercises_of(2).map(|e| e.id.clone()).collect();
    let got: Vec<String> = statuses(&doc).into_iter().map(|(id, _)| id).collect();
    assert_eq!(got, want, "{doc:#}");
    let lessons = doc["lessons"].as_array().expect("a lessons array");
    assert_eq!(lessons.len(), 1, "{doc:#}");
    assert_eq!(lessons[0]["lesson"], 2);
    assert_eq!(lessons[0]["passed"], want.len());
    assert_eq!(lessons[0]["total"], want.len());
    assert_eq!(lessons[0]["complete"], true);

    // The learner's stubs: lesson 1 is graded 0 of 5, and the exit code says so.
    let out = s.cli(&["verify", "--all", "--lesson", "1", "--format", "json"]);
    out.assert_code(1);
    let doc = out.json();
    assert_eq!(doc["lessons"][0]["passed"], 0, "{doc:#}");
    assert_eq!(doc["lessons"][0]["complete"], false, "{doc:#}");

    // A lesson without exercises is a usage error (13: every lesson of the
    // course has exercises once the workbook is complete).
    let out = s.cli(&["verify", "--lesson", "13"]);
    out.assert_code(2);
    assert!(out.stderr.contains("lesson 13 has no exercises"), "{}", out.transcript());
}
