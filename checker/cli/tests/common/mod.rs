//! The sandbox shared by the end-to-end tests: a fresh copy of the workbook in
//! a temporary git repository, with the CLI binary run inside it as a learner
//! would run `cargo learn`.
//!
//! Builds are the cost, so every sandbox builds its runner into one shared
//! target directory (`target/e2e`, or `$EIGENLINGS_E2E_TARGET_DIR`): the
//! dependencies (nalgebra, proptest) compile once for all sandboxes and all
//! runs of the suite. It is not the outer `target/`, so the nested
//! `cargo build` never waits on the lock of the `cargo test` that started it.
//!
//! Each test binary keeps one sandbox ([`shared`]) and runs its tests one at a
//! time in it: a test takes the [`Session`], edits exercise files, runs the
//! CLI, and everything it changed (files and `progress.toml`) is put back
//! when the session ends, even when the test fails. Sandboxes live in
//! `<target_dir>/sandboxes/` (look there after a failure).
//!
//! `cargo test -p eigenlings` runs them all; `EIGENLINGS_E2E_KEEP_LOG=FILE`
//! keeps the watch-mode transcript.

#![allow(dead_code)] // every test binary uses a different part of this module

use std::ffi::OsString;
use std::io::Read;
use std::ops::Deref;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Mutex, MutexGuard, OnceLock};
use std::time::{Duration, Instant};

use eigenlings::course::{Course, Exercise};

/// The CLI under test.
pub const CLI: &str = env!("CARGO_BIN_EXE_eigenlings");

/// Longest any one CLI run may take before the test gives up on it. The
/// first run on a cold shared target directory compiles nalgebra and
/// proptest: minutes on a 2-core machine.
pub const CLI_TIMEOUT: Duration = Duration::from_secs(15 * 60);

/// The workbook this test suite belongs to.
pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..").canonicalize().expect("the workspace root exists")
}

/// The target directory shared by every sandbox.
pub fn target_dir() -> PathBuf {
    std::env::var_os("EIGENLINGS_E2E_TARGET_DIR").map_or_else(|| workspace().join("target").join("e2e"), PathBuf::from)
}

/// A turn at the shared target directory, across processes.
///
/// Two test processes at once (two `cargo test` in one tree, or a runner
/// that starts test binaries in parallel) would build their different
/// sandboxes into the same `run-exercises` executable and run each other's
/// code; so a test holds this (an exclusive file lock) while it builds and
/// runs. In one `cargo test`, the test binaries run one after another and
/// never wait on it.
pub struct TargetLock(std::fs::File);

pub fn lock_target() -> TargetLock {
    let dir = target_dir();
    std::fs::create_dir_all(&dir).expect("create the shared target directory");
    let path = dir.join("eigenlings-e2e.lock");
    let file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .unwrap_or_else(|e| panic!("cannot open {}: {e}", path.display()));
    file.lock().unwrap_or_else(|e| panic!("cannot lock {}: {e}", path.display()));
    TargetLock(file)
}

/// One finished run of the CLI.
#[derive(Debug)]
pub struct Run {
    /// The exit code; `None` when the CLI died of a signal (or was killed at [`CLI_TIMEOUT`]).
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
    pub elapsed: Duration,
}

impl Run {
    /// Everything the CLI printed, for assertion messages.
    pub fn transcript(&self) -> String {
        format!(
            "exit code {:?} after {:.2} s\n--- stdout ---\n{}\n--- stderr ---\n{}",
            self.code,
            self.elapsed.as_secs_f64(),
            self.stdout,
            self.stderr
        )
    }

    /// stdout as JSON (for `verify --format json`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not one JSON document ({e}):\n{}", self.transcript()))
    }

    /// Assert the exit code, with the whole transcript on failure.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(self.code, Some(code), "expected exit code {code}\n{}", self.transcript());
        self
    }

    /// Assert that stdout contains every one of `needles`.
    #[track_caller]
    pub fn assert_stdout_has(&self, needles: &[&str]) -> &Self {
        for n in needles {
            assert!(self.stdout.contains(n), "stdout should contain {n:?}\n{}", self.transcript());
        }
        self
    }

    /// Assert that stdout has, for each `(label, value)`, a line that starts
    /// with the label (after indentation) and contains the value: the rows of
    /// a verdict (`property`, `input`, `yours`, `expected`, …), whatever their alignment.
    #[track_caller]
    pub fn assert_rows(&self, rows: &[(&str, &str)]) -> &Self {
        for (label, value) in rows {
            let found = self.stdout.lines().any(|l| {
                l.trim_start().strip_prefix(label).is_some_and(|rest| rest.starts_with(' ') && rest.contains(value))
            });
            assert!(found, "stdout should have a row `{label} … {value}`\n{}", self.transcript());
        }
        self
    }
}

/// A copy of the workbook in a temporary git repository.
pub struct Sandbox {
    dir: tempfile::TempDir,
    pub course: Course,
}

impl Sandbox {
    /// Copy the workbook: the files git tracks, plus what is not committed
    /// yet under `exercises/`, `solutions/`, `checker/`, `data/` and `.cargo/`.
    /// Exercise files edited in the workspace (someone working through the
    /// workbook there) are put back to their stub, so every sandbox starts
    /// as a fresh clone would. Then `git init` and one commit: `reset` reads
    /// stubs from git.
    pub fn new(name: &str) -> Self {
        let ws = workspace();
        let dir = sandbox_dir(name);
        let root = dir.path();
        let tracked = git(&ws, &["ls-files", "-z"]);
        let mut files: Vec<PathBuf> = tracked
            .split(|b| *b == 0)
            .filter(|p| !p.is_empty())
            .map(|p| PathBuf::from(String::from_utf8_lossy(p).into_owned()))
            .collect();
        for top in ["exercises", "solutions", "checker", "data", ".cargo"] {
            walk(&ws, Path::new(top), &mut files);
        }
        for file in ["info.toml", "Cargo.toml", "Cargo.lock"] {
            files.push(PathBuf::from(file));
        }
        files.sort();
        files.dedup();
        for rel in &files {
            // The learner's own progress and build products are not part of the workbook.
            if rel == Path::new("progress.toml") || rel.starts_with("target") {
                continue;
            }
            let from = ws.join(rel);
            if !from.is_file() {
                continue; // tracked but deleted in the work tree
            }
            let to = root.join(rel);
            std::fs::create_dir_all(to.parent().expect("a parent")).expect("create a folder in the sandbox");
            std::fs::copy(&from, &to).unwrap_or_else(|e| panic!("copy {}: {e}", from.display()));
        }
        let course = Course::load(root).expect("the sandbox has a valid info.toml");
        for e in &course.exercises {
            restore_stub(&ws, &course, e);
        }
        git(root, &["init", "--quiet"]);
        for (key, value) in
            [("user.name", "eigenlings e2e"), ("user.email", "e2e@example.invalid"), ("commit.gpgsign", "false")]
        {
            git(root, &["config", key, value]);
        }
        git(root, &["add", "--all"]);
        git(root, &["commit", "--quiet", "--no-verify", "-m", "the workbook, as cloned"]);
        Self { dir, course }
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// A path inside the sandbox.
    pub fn path(&self, rel: impl AsRef<Path>) -> PathBuf {
        self.root().join(rel)
    }

    pub fn exercise(&self, id: &str) -> &Exercise {
        self.course.exercise(id).unwrap_or_else(|e| panic!("{e:#}"))
    }

    /// `exercises/NN_topic/file.rs` of an exercise, relative to the root.
    pub fn exercise_file(&self, id: &str) -> PathBuf {
        let e = self.exercise(id);
        self.course.relative(&self.course.exercise_path(e)).to_path_buf()
    }

    /// The current text of an exercise file.
    pub fn exercise_text(&self, id: &str) -> String {
        std::fs::read_to_string(self.path(self.exercise_file(id))).expect("the exercise file is readable")
    }

    /// The reference solution of an exercise.
    pub fn solution_text(&self, id: &str) -> String {
        let e = self.exercise(id);
        std::fs::read_to_string(self.course.solution_path(e)).expect("the solution file is readable")
    }

    /// The progress file as TOML, or `None` when there is none.
    pub fn progress(&self) -> Option<toml::Table> {
        let text = std::fs::read_to_string(self.path("progress.toml")).ok()?;
        Some(text.parse().unwrap_or_else(|e| panic!("progress.toml is not TOML ({e}):\n{text}")))
    }

    /// One exercise's record in the progress file.
    #[track_caller]
    pub fn progress_of(&self, id: &str) -> toml::Table {
        let progress = self.progress().expect("progress.toml exists");
        progress
            .get("exercises")
            .and_then(|e| e.get(id))
            .and_then(|r| r.as_table())
            .cloned()
            .unwrap_or_else(|| panic!("progress.toml has no record of {id}:\n{progress}"))
    }

    /// The CLI, ready to run in the sandbox, with a learner's plain environment.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut cmd = Command::new(CLI);
        cmd.args(args).current_dir(self.root());
        for (key, value) in cli_env() {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        cmd
    }

    /// Run the CLI with `args` and wait for it.
    pub fn cli(&self, args: &[&str]) -> Run {
        run(self.command(args), CLI_TIMEOUT)
    }

    /// Build the runners once, so that later runs only pay for what a save costs.
    pub fn prebuild(&self, packages: &[&str]) {
        let started = Instant::now();
        let mut cmd = Command::new(cargo());
        cmd.current_dir(self.root()).args(["build", "--quiet"]);
        for p in packages {
            cmd.args(["--package", p]);
        }
        for (key, value) in cli_env() {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        let out = run(cmd, CLI_TIMEOUT);
        assert_eq!(out.code, Some(0), "the sandbox does not build:\n{}", out.transcript());
        eprintln!("[e2e] built {} in {:.1} s", packages.join(", "), started.elapsed().as_secs_f64());
    }

    /// Mark every exercise of `lesson` done the way a learner does: paste the
    /// reference solutions in and `cargo learn run` each one.
    pub fn solve_lesson(&self, lesson: u32) {
        let ids: Vec<String> = self.course.exercises_of(lesson).map(|e| e.id.clone()).collect();
        for id in ids {
            std::fs::write(self.path(self.exercise_file(&id)), self.solution_text(&id)).expect("write a solution");
            let out = self.cli(&["run", &id]);
            assert_eq!(out.code, Some(0), "the reference solution of {id} does not pass:\n{}", out.transcript());
        }
    }
}

/// A new, empty sandbox folder: `<target_dir>/sandboxes/<pid>-<name>-<random>`.
///
/// The sandbox a test binary shares lives in a `static`, which is never
/// dropped, so its folder outlives the process; it is removed by the next
/// run instead (any sandbox whose process is gone).
fn sandbox_dir(name: &str) -> tempfile::TempDir {
    let parent = target_dir().join("sandboxes");
    std::fs::create_dir_all(&parent).expect("create the sandboxes folder");
    if Path::new("/proc/self").exists() {
        for entry in std::fs::read_dir(&parent).into_iter().flatten().flatten() {
            let file_name = entry.file_name();
            let pid = file_name.to_string_lossy().split('-').next().unwrap_or("").to_string();
            if !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()) && !Path::new("/proc").join(&pid).exists() {
                let _ = std::fs::remove_dir_all(entry.path());
            }
        }
    }
    tempfile::Builder::new()
        .prefix(&format!("{}-{name}-", std::process::id()))
        .tempdir_in(&parent)
        .expect("a sandbox folder")
}

/// A cargo for builds outside the CLI: the one running this test suite.
fn cargo() -> OsString {
    std::env::var_os("CARGO").or_else(|| option_env!("CARGO").map(OsString::from)).unwrap_or_else(|| "cargo".into())
}

/// The environment of every CLI run: the shared target directory, no colour,
/// and nothing from the outer build that would change how the learner's code
/// compiles or what a crash prints.
pub fn cli_env() -> Vec<(&'static str, Option<OsString>)> {
    vec![
        ("CARGO", Some(cargo())),
        ("CARGO_TARGET_DIR", Some(target_dir().into_os_string())),
        ("CARGO_BUILD_TARGET_DIR", None),
        ("NO_COLOR", Some("1".into())),
        ("RUSTFLAGS", None),
        ("CARGO_ENCODED_RUSTFLAGS", None),
        ("RUST_BACKTRACE", None),
        ("RUST_LIB_BACKTRACE", None),
    ]
}

/// Run `cmd` to the end (or kill it, and everything it started, at `timeout`).
pub fn run(mut cmd: Command, timeout: Duration) -> Run {
    use std::os::unix::process::CommandExt;
    cmd.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped()).process_group(0);
    let started = Instant::now();
    let mut child = cmd.spawn().unwrap_or_else(|e| panic!("cannot start {cmd:?}: {e}"));
    let read = |stream: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut s) = stream {
                let _ = s.read_to_end(&mut bytes);
            }
            String::from_utf8_lossy(&bytes).into_owned()
        })
    };
    let out = read(child.stdout.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let err = read(child.stderr.take().map(|s| Box::new(s) as Box<dyn Read + Send>));
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait for the CLI") {
            break Some(status);
        }
        if started.elapsed() > timeout {
            // The CLI leads its own process group: end it and the runner it supervises.
            let _ = Command::new("kill").args(["-KILL", "--", &format!("-{}", child.id())]).status();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    let stdout = out.join().unwrap_or_default();
    let mut stderr = err.join().unwrap_or_default();
    if status.is_none() {
        stderr.push_str(&format!("\n[e2e] killed after {} s", timeout.as_secs()));
    }
    Run { code: status.and_then(|s| s.code()), stdout, stderr, elapsed }
}

/// `git` in `dir`; its stdout, or a panic with its stderr.
pub fn git(dir: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_TERMINAL_PROMPT", "0")
        .output()
        .unwrap_or_else(|e| panic!("cannot run git (the end-to-end tests need it): {e}"));
    assert!(out.status.success(), "git {args:?} in {} failed: {}", dir.display(), String::from_utf8_lossy(&out.stderr));
    out.stdout
}

/// Every file below `root/rel`, as paths relative to `root`.
fn walk(root: &Path, rel: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root.join(rel)) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name == "target" || name == ".git" || name == "__pycache__" {
            continue;
        }
        let child = rel.join(&name);
        match entry.file_type() {
            Ok(t) if t.is_dir() => walk(root, &child, out),
            Ok(t) if t.is_file() => out.push(child),
            _ => {}
        }
    }
}

/// Put an exercise file back to its stub when the workspace copy was edited
/// and git has the stub (`stub_sha1` in info.toml).
fn restore_stub(ws: &Path, course: &Course, e: &Exercise) {
    let path = course.exercise_path(e);
    let current = std::fs::read(&path).ok();
    if e.stub_sha1.len() != 40
        || current.as_deref().map(eigenlings::progress::git_blob_sha1).as_deref() == Some(&e.stub_sha1)
    {
        return;
    }
    let out = Command::new("git").current_dir(ws).args(["cat-file", "blob", &e.stub_sha1]).output();
    if let Some(out) = out.ok().filter(|o| o.status.success()) {
        std::fs::write(&path, out.stdout).expect("write the stub");
        eprintln!("[e2e] {}: the workspace copy differs from its stub; the sandbox uses the stub", e.id);
    }
}

/// The sandbox of this test binary, set up once by `setup`, and taken by one
/// test at a time.
pub fn shared(name: &str, setup: fn(&Sandbox)) -> Session {
    static SANDBOX: OnceLock<Mutex<Sandbox>> = OnceLock::new();
    static SETUP: Mutex<()> = Mutex::new(());
    let guard = SETUP.lock().unwrap_or_else(|p| p.into_inner());
    let cell = SANDBOX.get_or_init(|| {
        let started = Instant::now();
        let sandbox = Sandbox::new(name);
        let turn = lock_target();
        setup(&sandbox);
        drop(turn);
        eprintln!(
            "[e2e] sandbox {name} ready in {:.1} s: {}",
            started.elapsed().as_secs_f64(),
            sandbox.root().display()
        );
        Mutex::new(sandbox)
    });
    drop(guard);
    Session::new(cell.lock().unwrap_or_else(|p| p.into_inner()))
}

/// One test's turn in the shared sandbox. Files written through it, and
/// `progress.toml`, are restored when it is dropped.
pub struct Session {
    sandbox: MutexGuard<'static, Sandbox>,
    saved: Vec<(PathBuf, Option<Vec<u8>>)>,
    _turn: TargetLock,
}

impl Session {
    fn new(sandbox: MutexGuard<'static, Sandbox>) -> Self {
        let mut s = Self { sandbox, saved: Vec::new(), _turn: lock_target() };
        s.remember(Path::new("progress.toml"));
        s
    }

    fn remember(&mut self, rel: &Path) {
        let path = self.sandbox.path(rel);
        if !self.saved.iter().any(|(p, _)| *p == path) {
            let bytes = std::fs::read(&path).ok();
            self.saved.push((path, bytes));
        }
    }

    /// Write a file (relative to the root), to be restored later.
    pub fn write(&mut self, rel: impl AsRef<Path>, text: impl AsRef<[u8]>) {
        let rel = rel.as_ref();
        self.remember(rel);
        std::fs::write(self.sandbox.path(rel), text).expect("write a file in the sandbox");
    }

    /// Delete a file (relative to the root), to be restored later.
    pub fn remove(&mut self, rel: impl AsRef<Path>) {
        let rel = rel.as_ref();
        self.remember(rel);
        std::fs::remove_file(self.sandbox.path(rel)).expect("remove a file in the sandbox");
    }

    /// Replace the exercise file of `id`.
    pub fn write_exercise(&mut self, id: &str, text: impl AsRef<[u8]>) {
        let rel = self.sandbox.exercise_file(id);
        self.write(rel, text);
    }
}

impl Deref for Session {
    type Target = Sandbox;
    fn deref(&self) -> &Sandbox {
        &self.sandbox
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        for (path, bytes) in self.saved.drain(..).rev() {
            match bytes {
                Some(b) => {
                    let _ = std::fs::write(&path, b);
                }
                None => {
                    let _ = std::fs::remove_file(&path);
                }
            }
        }
    }
}

/// `text` with the body of `pub fn NAME(…)` replaced by `body` (one or more
/// lines, indented as in the file). Functions in exercise files are top-level,
/// so a body ends at the first `}` at the start of a line.
#[track_caller]
pub fn with_body(text: &str, function: &str, body: &str) -> String {
    let signature = format!("pub fn {function}(");
    let start = text.find(&signature).unwrap_or_else(|| panic!("no `{signature}` in:\n{text}"));
    let open = start + text[start..].find('{').expect("a function body") + 1;
    let close = open + text[open..].find("\n}").expect("a closing brace at the start of a line");
    format!("{}\n{}{}", &text[..open], body.trim_end_matches('\n'), &text[close..])
}

/// `text` with `from` replaced by `to`, exactly once.
#[track_caller]
pub fn replace_once(text: &str, from: &str, to: &str) -> String {
    assert_eq!(text.matches(from).count(), 1, "expected exactly one {from:?} in:\n{text}");
    text.replacen(from, to, 1)
}

/// The exercise `id` in `verify --format json` output.
#[track_caller]
pub fn exercise_json<'a>(doc: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    doc["exercises"]
        .as_array()
        .and_then(|a| a.iter().find(|e| e["id"] == id))
        .unwrap_or_else(|| panic!("no exercise {id} in {doc:#}"))
}
