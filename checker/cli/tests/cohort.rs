//! `cargo learn cohort`, end to end: learners' repositories and progress
//! files made in a temporary folder, the report read in its three formats,
//! every kind of bad input (malformed, truncated, wrong version, hand-edited,
//! missing, a name with HTML or control characters, 500 learners), the HTML
//! page in a real headless browser, and `--reverify` on honest, stale,
//! broken and hostile learner code.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use common::{Run, Session};
use eigenlings::progress::{ExerciseRecord, Progress, Standing, git_blob_sha1};

/// The instructor's workbook: a fresh clone; nothing is built until `--reverify` asks.
fn sandbox() -> Session {
    common::shared("cohort", |_| {})
}

/// A folder of learner repositories, removed when dropped.
struct Class {
    dir: tempfile::TempDir,
}

impl Class {
    fn new() -> Self {
        Self { dir: tempfile::tempdir().expect("a temporary folder") }
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// A learner repository `name/` with `progress.toml` (when given) and exercise files.
    fn repo(&self, name: &str, progress: Option<&str>, files: &[(&Path, &str)]) -> PathBuf {
        let root = self.path(name);
        std::fs::create_dir_all(root.join("exercises")).unwrap();
        if let Some(text) = progress {
            std::fs::write(root.join("progress.toml"), text).unwrap();
        }
        for (rel, text) in files {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        root
    }
}

/// A progress file as `cargo learn` writes it: `done` solved in `runs` checks each
/// (with the hash of `source`), `working` in progress with failing property `stuck_on`.
fn progress(name: &str, done: &[(&str, u32, &str)], working: &[(&str, u32, &str)]) -> String {
    let mut p = Progress::default();
    p.learner.name = name.to_string();
    p.learner.email = format!("{}@example.org", name.to_lowercase().replace(' ', "."));
    p.learner.from = "git config".into();
    for (id, runs, source) in done {
        p.exercises.insert(
            id.to_string(),
            ExerciseRecord {
                status: Standing::Done,
                first_run: Some("2026-02-01T09:00:00Z".into()),
                solved: Some("2026-02-01T09:30:00Z".into()),
                runs: *runs,
                runs_to_solve: Some(*runs),
                source_sha1: Some(git_blob_sha1(source.as_bytes())),
                ..ExerciseRecord::default()
            },
        );
    }
    for (id, runs, property) in working {
        let mut rec = ExerciseRecord {
            first_run: Some("2026-02-02T09:00:00Z".into()),
            runs: *runs,
            last_failed_property: Some(property.to_string()),
            ..ExerciseRecord::default()
        };
        rec.failed_properties.insert(property.to_string(), *runs);
        rec.next_hint("2026-02-02T09:10:00Z");
        p.exercises.insert(id.to_string(), rec);
    }
    toml::to_string(&p).expect("progress encodes")
}

fn cohort(s: &Session, args: &[&str]) -> Run {
    let mut all = vec!["cohort"];
    all.extend_from_slice(args);
    s.cli(&all)
}

/// Every line of stdout that mentions `needle`.
fn lines_with<'a>(out: &'a Run, needle: &str) -> Vec<&'a str> {
    out.stdout.lines().filter(|l| l.contains(needle)).collect()
}

#[test]
fn healthy_learners_get_a_table_positions_and_the_hardest_exercises_and_exit_0() {
    let s = sandbox();
    let class = Class::new();
    class.repo(
        "ada",
        Some(&progress(
            "Ada Lovelace",
            &[("add_vectors", 2, "a"), ("scale_vector", 5, "b")],
            &[("linear_combination", 9, "is_linear")],
        )),
        &[],
    );
    class.repo("alan", Some(&progress("Alan Turing", &[], &[("add_vectors", 4, "sub_undoes_add")])), &[]);
    // Given as a folder of learners.
    let out = cohort(&s, &[class.dir.path().to_str().unwrap()]);
    out.assert_code(0);
    let header = format!("2 learner(s), {} exercises", s.course.exercises.len());
    out.assert_stdout_has(&[header.as_str(), "Where learners are now", "Properties that failed most often"]);
    let ada = lines_with(&out, "Ada Lovelace");
    assert!(ada[0].contains("2/5") && ada[0].contains("linear_combination (lesson 1)"), "{}", out.stdout);
    assert!(lines_with(&out, "Alan Turing")[0].contains("add_vectors (lesson 1)"), "{}", out.stdout);
    assert!(lines_with(&out, "linear_combination · is_linear")[0].contains("9 failing checks"), "{}", out.stdout);
    // The exercise with the most checks comes first.
    let hardest = out.stdout.split("took the most checks").nth(1).unwrap();
    let order: Vec<&str> = hardest.lines().skip(2).take(3).map(|l| l.split_whitespace().next().unwrap_or("")).collect();
    assert_eq!(order, ["linear_combination", "add_vectors", "scale_vector"], "{}", out.stdout);
    assert!(!out.stdout.contains("\nNeeds attention\n"), "{}", out.stdout);
}

/// Every kind of bad input, each reported against its learner, the report still produced.
#[test]
fn bad_inputs_are_reported_per_learner_and_nothing_is_executed() {
    let s = sandbox();
    let class = Class::new();
    let good = progress("Grace Hopper", &[("add_vectors", 3, "x")], &[]);
    class.repo("grace", Some(&good), &[]);
    class.repo("malformed", Some("format_version = 2\n[exercises.add_vectors\nstatus = \"done\"\n"), &[]);
    class.repo("truncated", Some(&good[..good.len() / 2]), &[]);
    class.repo("empty", Some(""), &[]);
    class.repo("future", Some("format_version = 9\n[learner]\nname = \"From The Future\"\n"), &[]);
    class.repo(
        "handedited",
        Some("format_version = 2\n[learner]\nname = \"Hand Edit\"\n[exercises.add_vectors]\nstatus = \"done\"\nruns = 0\n\
              [exercises.scale_vector]\nstatus = \"done\"\nruns = 2\nruns_to_solve = 9\nsolved = \"2026-01-01T00:00:00Z\"\n"),
        &[],
    );
    class.repo("binary", None, &[(Path::new("progress.toml"), "format_version = 2\n\u{0}\u{1}")]);
    std::fs::write(class.path("binary/progress.toml"), [0xff, 0xfe, 0x00, 0x41]).unwrap();
    class.repo("noprogress", None, &[]);
    class.repo(
        "markup",
        Some("format_version = 2\n[learner]\nname = \"<script>alert(1)</script>\\u001b[2J\\u202Eevil\"\nemail = \"=HYPERLINK(\\\"x\\\")\"\n"),
        &[],
    );
    // A build script that would leave a mark if anything ran it.
    let marker = class.path("PWNED");
    class.repo(
        "hostile",
        Some(&progress("Hostile", &[("add_vectors", 1, "x")], &[])),
        &[(Path::new("exercises/build.rs"), &format!("fn main() {{ std::fs::write({marker:?}, \"\").unwrap(); }}"))],
    );
    let v1 = class.path("v1.toml");
    std::fs::write(&v1, "format_version = 1\nlearner = \"Vera One <v1@example.org>\"\n[exercises.add_vectors]\nstatus = \"pending\"\nruns = 2\n[exercises.gone_from_the_course]\nstatus = \"done\"\nruns = 1\n").unwrap();
    let missing = class.path("nobody-here");
    let depth = 100_000;
    class.repo("nested", Some(&format!("format_version = 2\nx = {}{}\n", "[".repeat(depth), "]".repeat(depth))), &[]);

    let mut args: Vec<String> = [
        "grace",
        "malformed",
        "truncated",
        "empty",
        "future",
        "handedited",
        "binary",
        "noprogress",
        "markup",
        "hostile",
        "nested",
    ]
    .iter()
    .map(|n| class.path(n).display().to_string())
    .collect();
    args.push(v1.display().to_string());
    args.push(missing.display().to_string());
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = cohort(&s, &refs);
    out.assert_code(1);
    out.assert_stdout_has(&["13 learner(s)", "\nNeeds attention\n"]);
    let attention = out.stdout.split("\nNeeds attention\n").nth(1).unwrap();
    let problem = |folder: &str, needle: &str| {
        let line = attention
            .lines()
            .find(|l| l.contains(&format!("/{folder})")))
            .unwrap_or_else(|| panic!("no problem reported for {folder}:\n{}", out.stdout));
        assert!(line.contains(needle), "{folder}: expected {needle:?} in {line:?}\n{}", out.stdout);
    };
    problem("malformed", "not valid progress TOML (line 2");
    problem("truncated", "cannot be used");
    problem("empty", "no format_version");
    problem("future", "format_version 9, written by a newer eigenlings");
    problem("handedited", "looks hand-edited");
    problem("handedited", "`add_vectors` is done with no recorded check");
    problem("handedited", "`scale_vector` took more checks to solve than it was ever checked");
    problem("binary", "not UTF-8");
    problem("noprogress", "no progress.toml");
    problem("markup", "control or invisible characters");
    problem("nobody-here", "does not exist");
    problem("nested", "max recursion depth");
    // Fine but worth knowing: an old format and ids the course no longer has.
    let notes = out.stdout.split("\nNotes\n").nth(1).unwrap_or_else(|| panic!("no notes:\n{}", out.stdout));
    assert!(notes.contains("Vera One") && notes.contains("format version 1"), "{notes}");
    assert!(notes.contains("gone_from_the_course"), "{notes}");
    // The good learner is still in the table, with their lesson.
    assert!(lines_with(&out, "Grace Hopper")[0].contains("1/5"), "{}", out.stdout);
    // No control character reaches the terminal.
    assert!(!out.stdout.contains('\u{1b}') && !out.stdout.contains('\u{202E}'), "{:?}", out.stdout);
    assert!(out.stdout.contains("<script>alert(1)</script>�[2J�evil"), "{}", out.stdout);
    // Nothing ran and nothing was built: no build script, no scratch workbook.
    assert!(!marker.exists(), "a learner's build.rs ran");
    assert!(!s.path("target/eigenlings/reverify").exists(), "cohort without --reverify built something");
    // No input file was changed.
    assert_eq!(
        std::fs::read_to_string(class.path("malformed/progress.toml")).unwrap(),
        "format_version = 2\n[exercises.add_vectors\nstatus = \"done\"\n"
    );
    assert!(std::fs::read_to_string(&v1).unwrap().starts_with("format_version = 1"));

    // The same cohort as CSV: one row per learner and exercise, formulas defused.
    let csv = cohort(&s, &[&["--format", "csv"][..], &refs].concat());
    csv.assert_code(1);
    let mut reader = csv::Reader::from_reader(csv.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, eigenlings::cohort::csv::COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("a CSV row")).collect();
    assert_eq!(rows.len(), 13 * s.course.exercises.len(), "one row per learner and exercise");
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let markup = rows.iter().find(|r| r[column("path")].ends_with("/markup")).unwrap();
    assert_eq!(&markup[column("email")], "'=HYPERLINK(\"x\")", "a formula is defused");
    let unreadable = rows.iter().find(|r| r[column("path")].ends_with("/future")).unwrap();
    assert_eq!(&unreadable[column("state")], "unknown");
    assert!(unreadable[column("problems")].contains("newer eigenlings"));
    let grace = rows
        .iter()
        .find(|r| &r[column("learner")] == "Grace Hopper" && &r[column("exercise")] == "add_vectors")
        .unwrap();
    assert_eq!((&grace[column("state")], &grace[column("runs_to_solve")]), ("done", "3"));
}

#[test]
fn five_hundred_generated_learners_are_each_reported_in_every_format() {
    let s = sandbox();
    let class = Class::new();
    let ids: Vec<String> = s.course.exercises.iter().map(|e| e.id.clone()).collect();
    for i in 0..500usize {
        let name = format!("learner-{i:03}");
        let text = match i % 50 {
            7 => "format_version = 2\n[exercises.x".to_string(),
            13 => String::new(),
            _ => {
                let solved = i % ids.len();
                let done: Vec<(&str, u32, &str)> =
                    ids[..solved].iter().map(|id| (id.as_str(), 1 + (i % 7) as u32, "x")).collect();
                let working: Vec<(&str, u32, &str)> =
                    vec![(ids[solved].as_str(), 1 + (i % 13) as u32, "some_property")];
                progress(&format!("Learner {i:03}"), &done, &working)
            }
        };
        let dir = class.path(&name);
        std::fs::create_dir_all(&dir).unwrap();
        if i % 50 != 21 {
            std::fs::write(dir.join("progress.toml"), text).unwrap();
        }
    }
    let folder = class.dir.path().to_str().unwrap();
    let text = cohort(&s, &[folder]);
    text.assert_code(1);
    text.assert_stdout_has(&["500 learner(s)"]);
    for i in 0..500 {
        let name = if [7, 13, 21].contains(&(i % 50)) { format!("learner-{i:03}") } else { format!("Learner {i:03}") };
        assert!(text.stdout.contains(&name), "{name} is missing from the report");
    }
    assert_eq!(lines_with(&text, "cannot be used").len(), 20, "10 malformed and 10 empty files:\n{}", text.stdout);
    assert_eq!(lines_with(&text, "no progress.toml").len(), 10);
    let csv = cohort(&s, &["--format", "csv", folder]);
    assert_eq!(csv.stdout.lines().count(), 1 + 500 * ids.len());
    let html = cohort(&s, &["--format", "html", folder]);
    assert_eq!(html.stdout.matches("<details class=\"learner\"").count(), 500);
    assert_eq!(html.stdout.matches("<td class=\"cell ").count(), 500 * ids.len());
    eprintln!(
        "[e2e] 500 learners: text {:.2} s, csv {:.2} s, html {:.2} s",
        text.elapsed.as_secs_f64(),
        csv.elapsed.as_secs_f64(),
        html.elapsed.as_secs_f64()
    );
}

/// The headless browser for the page test: `$EIGENLINGS_BROWSER`, or Chromium
/// or Chrome on the PATH. Without one the test is skipped with a message,
/// unless `EIGENLINGS_REQUIRE_BROWSER` is set (CI sets it, and installs Chromium).
fn browser() -> Option<PathBuf> {
    if let Some(b) = std::env::var_os("EIGENLINGS_BROWSER") {
        return Some(PathBuf::from(b));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
        if let Some(found) = std::env::split_paths(&path).map(|d| d.join(name)).find(|p| p.is_file()) {
            return Some(found);
        }
    }
    if std::env::var_os("EIGENLINGS_REQUIRE_BROWSER").is_some() {
        panic!("EIGENLINGS_REQUIRE_BROWSER is set but no browser was found (install Debian's `chromium`)");
    }
    eprintln!(
        "SKIPPED the_html_page_loads_in_a_headless_browser_and_its_heatmap_renders: no chromium or chrome on the \
         PATH (apt-get install chromium, or set EIGENLINGS_BROWSER; set EIGENLINGS_REQUIRE_BROWSER to make this an error)"
    );
    None
}

/// Run the browser headless on `page` with `args`; its stdout.
fn headless(browser: &Path, profile: &Path, page: &Path, args: &[String]) -> Run {
    let mut cmd = std::process::Command::new(browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-extensions",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--force-color-profile=srgb",
    ])
    .arg(format!("--user-data-dir={}", profile.display()))
    .args(args)
    .arg(format!("file://{}", page.display()));
    let run = common::run(cmd, Duration::from_secs(180));
    assert_eq!(run.code, Some(0), "the browser failed:\n{}", run.transcript());
    run
}

#[test]
fn the_html_page_loads_in_a_headless_browser_and_its_heatmap_renders() {
    let Some(browser) = browser() else { return };
    let s = sandbox();
    let class = Class::new();
    class.repo(
        "ada",
        Some(&progress(
            "Ada Lovelace",
            &[("add_vectors", 2, "a"), ("scale_vector", 12, "b")],
            &[("linear_combination", 9, "is_linear")],
        )),
        &[],
    );
    class.repo(
        "alan",
        Some(&progress("Alan Turing", &[("add_vectors", 1, "a")], &[("scale_vector", 3, "scales")])),
        &[],
    );
    class.repo(
        "mallory",
        Some(&progress(
            "<script>alert(1)</script><img src=x onerror=alert(2)>",
            &[],
            &[("add_vectors", 30, "</td><script>")],
        )),
        &[],
    );
    class.repo("broken", Some("format_version = 2\n[exercises"), &[]);
    let out = cohort(&s, &["--format", "html", class.dir.path().to_str().unwrap()]);
    out.assert_code(1);
    let html = &out.stdout;
    assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
    for forbidden in ["<script", "<img", "<link", "<iframe", "http://", "https://", "url(", "@import"] {
        assert!(!html.to_lowercase().contains(forbidden), "the page contains {forbidden:?}");
    }
    let page = class.path("report.html");
    std::fs::write(&page, html).unwrap();
    let profile = class.path("browser-profile");

    // The DOM as the browser built it.
    let dom = headless(&browser, &profile, &page, &["--dump-dom".to_string()]).stdout;
    let learners = 4;
    assert_eq!(dom.matches("class=\"cell ").count(), learners * s.course.exercises.len(), "heatmap cells:\n{dom}");
    assert!(dom.contains("id=\"heatmap\""), "{dom}");
    assert_eq!(dom.matches("class=\"cell done").count(), 3, "Ada's two and Alan's one, and none for others:\n{dom}");
    assert!(
        dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"),
        "the name is shown escaped:\n{dom}"
    );
    for element in ["<script", "<img"] {
        assert!(!dom.contains(element), "a learner's markup became an element {element}:\n{dom}");
    }
    assert_eq!(dom.matches("<details class=\"learner\"").count(), learners);

    // What a person sees: a screenshot, with the heatmap's colours on it.
    let shot = class.path("report.png");
    let (width, height) = (1280u32, 1000u32);
    headless(
        &browser,
        &profile,
        &page,
        &[format!("--screenshot={}", shot.display()), format!("--window-size={width},{height}")],
    );
    let bytes = std::fs::read(&shot).expect("the browser wrote a screenshot");
    assert!(bytes.len() > 20_000, "a {} byte screenshot is too small to show the page", bytes.len());
    let keep = common::target_dir().join("cohort-report.png");
    let _ = std::fs::write(&keep, &bytes);
    eprintln!("[e2e] cohort page screenshot: {}", keep.display());
    let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
    let mut reader = decoder.read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a PNG size")];
    let info = reader.next_frame(&mut pixels).expect("a PNG frame");
    assert_eq!((info.width, info.height), (width, height));
    let channels = info.color_type.samples();
    let rgb: Vec<[u8; 3]> = pixels[..info.buffer_size()].chunks(channels).map(|p| [p[0], p[1], p[2]]).collect();
    let count = |hex: &str| {
        let want = [1, 3, 5].map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap());
        rgb.iter().filter(|p| p.iter().zip(want).all(|(a, b)| a.abs_diff(b) <= 3)).count()
    };
    use eigenlings::cohort::html::{DONE_COLORS, PROGRESS_COLORS, bucket};
    // Ada's 2-check and Alan's 1-check add_vectors; Ada's 12-check scale_vector; Mallory's 30 checks in progress.
    for (what, color) in [
        ("a done cell with few checks", DONE_COLORS[bucket(1)]),
        ("a done cell with many checks", DONE_COLORS[bucket(12)]),
        ("a cell stuck for 30 checks", PROGRESS_COLORS[bucket(30)]),
    ] {
        assert!(count(color) >= 100, "{what} ({color}) is not on the screenshot ({} pixels)", count(color));
    }
    let mut distinct: Vec<[u8; 3]> = rgb.clone();
    distinct.sort_unstable();
    distinct.dedup();
    assert!(distinct.len() > 50, "the screenshot has only {} colours", distinct.len());
}

#[test]
fn reverify_confirms_honest_claims_and_flags_stale_broken_and_hostile_code() {
    let s = sandbox();
    let class = Class::new();
    let (add, scale) = (s.solution_text("add_vectors"), s.solution_text("scale_vector"));
    let (add_file, scale_file) = (s.exercise_file("add_vectors"), s.exercise_file("scale_vector"));
    let claims = |name: &str| progress(name, &[("add_vectors", 2, &add), ("scale_vector", 3, &scale)], &[]);

    class.repo("honest", Some(&claims("Honest")), &[(&add_file, &add), (&scale_file, &scale)]);
    // Claims add_vectors, but the file is the stub again.
    let stub = s.exercise_text("add_vectors");
    class.repo("stale", Some(&progress("Stale", &[("add_vectors", 2, &add)], &[])), &[(&add_file, &stub)]);
    // scale_vector does not compile: add_vectors is still checked.
    let no_compile = common::with_body(&scale, "scale", "    v.iter().map(|vi| c * vi).collect::<Vec<f64>>() + 1");
    class.repo("broken", Some(&claims("Broken")), &[(&add_file, &add), (&scale_file, &no_compile)]);
    // A hang, code that reads the environment and writes files, a build script and a manifest of its own.
    let marker = class.path("BUILD-SCRIPT-RAN");
    let hang = common::with_body(&add, "add", "    loop {\n        std::hint::black_box(u);\n    }");
    let sneaky = common::with_body(
        &scale,
        "scale",
        "    if std::env::var_os(\"EIGENLINGS_TEST_SECRET\").is_some() {\n        return Vec::new();\n    }\n    \
         let _ = std::fs::write(\"escaped.txt\", \"x\");\n    v.iter().map(|vi| c * vi).collect()",
    );
    class.repo(
        "hostile",
        Some(&claims("Hostile")),
        &[
            (&add_file, &hang),
            (&scale_file, &sneaky),
            (Path::new("exercises/build.rs"), &format!("fn main() {{ std::fs::write({marker:?}, \"\").unwrap(); }}")),
            (Path::new("exercises/Cargo.toml"), "[package]\nname = \"exercises\"\nversion = \"0.1.0\"\nedition = \"2024\"\nbuild = \"build.rs\"\n[lib]\npath = \"lib.rs\"\n"),
        ],
    );
    let file_only = class.path("file-only.toml");
    std::fs::write(&file_only, claims("File Only")).unwrap();

    let folders: Vec<String> =
        ["honest", "stale", "broken", "hostile"].iter().map(|n| class.path(n).display().to_string()).collect();
    let mut args: Vec<&str> = vec!["--time-limit", "10", "cohort", "--reverify", "--learner-time-limit", "120"];
    args.extend(folders.iter().map(String::as_str));
    args.push(file_only.to_str().unwrap());
    let mut cmd = s.command(&args);
    cmd.env("EIGENLINGS_TEST_SECRET", "hunter2");
    let out = common::run(cmd, common::CLI_TIMEOUT);
    out.assert_code(1);
    eprintln!("[e2e] reverify of 5 learners: {:.1} s\n{}", out.elapsed.as_secs_f64(), out.stderr);
    let section = out
        .stdout
        .split("Re-verification (")
        .nth(1)
        .unwrap_or_else(|| panic!("no re-verification:\n{}", out.transcript()));
    let block = |name: &str| -> String {
        let start = section.find(&format!("  {name} (")).unwrap_or_else(|| panic!("no {name}:\n{section}"));
        let rest = &section[start + 2..];
        let end = rest.find("\n  ").map_or(rest.len(), |i| i);
        let mut block = rest[..end].to_string();
        for line in rest[end..].lines().skip(1).take_while(|l| l.starts_with("      ")) {
            block.push('\n');
            block.push_str(line);
        }
        block
    };
    let honest = block("Honest");
    assert!(honest.contains("2 confirmed, 0 flagged"), "{honest}\n{}", out.transcript());
    let stale = block("Stale");
    assert!(stale.contains("0 confirmed, 1 flagged"), "{stale}");
    assert!(stale.contains("✗ add_vectors: does not pass now: not_implemented; edited since it was solved"), "{stale}");
    let broken = block("Broken");
    assert!(broken.contains("1 confirmed, 1 flagged"), "{broken}");
    assert!(broken.contains("✗ scale_vector: does not pass now: compile_error"), "{broken}");
    let hostile = block("Hostile");
    assert!(hostile.contains("0 confirmed, 2 flagged"), "{hostile}");
    assert!(hostile.contains("✗ add_vectors: does not pass now: timed_out; edited since it was solved"), "{hostile}");
    // It passes (so its environment was empty: no secret), but it is not the source that was
    // recorded as solved, and it reaches for files and the environment.
    assert!(hostile.contains("✗ scale_vector: confirmed; edited since it was solved; uses env, fs"), "{hostile}");
    assert!(hostile.contains("exercises/build.rs ignored"), "{hostile}");
    assert!(hostile.contains("exercises/Cargo.toml differs from the workbook's and is ignored"), "{hostile}");
    assert!(block("File Only").contains("not re-verified: given as a progress file"), "{section}");
    assert!(!marker.exists(), "the learner's build script ran");
    for place in [s.root().to_path_buf(), class.path("hostile"), class.path("hostile/exercises")] {
        assert!(!place.join("escaped.txt").exists(), "learner code wrote into {}", place.display());
    }
    // The learners' repositories are read, never written.
    assert_eq!(std::fs::read_to_string(class.path("stale").join(&add_file)).unwrap(), stub);

    // CSV carries the verdicts and whether the source still matches its hash.
    let out = cohort(&s, &["--reverify", "--format", "csv", &folders[0], &folders[1]]);
    out.assert_code(1);
    let mut reader = csv::Reader::from_reader(out.stdout.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    let row = |learner: &str, id: &str| {
        rows.iter().find(|r| &r[column("learner")] == learner && &r[column("exercise")] == id).unwrap().clone()
    };
    assert_eq!(&row("Honest", "scale_vector")[column("reverify")], "confirmed");
    assert_eq!(&row("Honest", "scale_vector")[column("source_matches")], "yes");
    assert_eq!(&row("Stale", "add_vectors")[column("source_matches")], "no");
    assert!(
        row("Stale", "add_vectors")[column("reverify_detail")].contains("Not implemented"),
        "{:?}",
        row("Stale", "add_vectors")
    );
    assert_eq!(&row("Stale", "scale_vector")[column("reverify")], "", "not claimed, not run");
}
