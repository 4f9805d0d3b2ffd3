//! Watch mode end to end, in a real terminal: `cargo learn` runs in a tmux
//! pane, the test saves exercise files as an editor would and presses keys,
//! and reads what the learner sees.
//!
//! tmux is needed (`apt-get install tmux`; `.ci/run` installs it). Without it
//! the test is skipped, except under CI (`CI` set), where it fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use common::Sandbox;

/// How long to wait for one thing to appear: a check after a save is a
/// build and a run, well under a second here, seconds on a busy machine.
const WAIT: Duration = Duration::from_secs(120);

/// A tmux server of our own (its own socket), ended when dropped.
struct Tmux {
    socket: String,
    /// The socket file, removed with the server.
    socket_path: Option<PathBuf>,
    log: PathBuf,
    /// How far into the (cleaned) log the test has read.
    mark: usize,
}

impl Tmux {
    fn cmd(&self) -> Command {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket, "-f", "/dev/null"]);
        cmd
    }

    #[track_caller]
    fn tmux(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).output().expect("run tmux");
        assert!(out.status.success(), "tmux {args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Start `program` in a pane, recording everything it writes to the terminal.
    fn start(sandbox: &Sandbox, program: &str) -> Self {
        let log = sandbox.path("target/watch-pane.log");
        std::fs::create_dir_all(log.parent().unwrap()).unwrap();
        static SERVERS: AtomicUsize = AtomicUsize::new(0);
        let socket = format!("eigenlings-e2e-{}-{}", std::process::id(), SERVERS.fetch_add(1, Ordering::SeqCst));
        let mut t = Self { socket, socket_path: None, log, mark: 0 };
        // The pane waits for a first Enter, so that recording starts before
        // the CLI does, and says how the CLI ended (tmux itself may be slow
        // to reap the process and report its status).
        let shell = format!("read _ && {program}; echo \"[exit status $?]\"");
        let mut cmd = t.cmd();
        cmd.args(["new-session", "-d", "-s", "learn", "-x", "160", "-y", "50", "-c"])
            .arg(sandbox.root())
            .args(["sh", "-c", &shell]);
        // A new tmux server passes its own environment on to the pane.
        for (key, value) in common::cli_env() {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        cmd.env("TERM", "xterm-256color");
        let out = cmd.output().expect("start tmux");
        assert!(out.status.success(), "tmux new-session: {}", String::from_utf8_lossy(&out.stderr));
        t.socket_path = Some(PathBuf::from(t.tmux(&["display-message", "-p", "#{socket_path}"]).trim()));
        t.tmux(&["set-option", "-t", "learn", "remain-on-exit", "on"]);
        t.tmux(&["pipe-pane", "-t", "learn", "-o", &format!("cat >> '{}'", t.log.display())]);
        t.keys(&["Enter"]);
        t
    }

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "learn"];
        args.extend(keys);
        self.tmux(&args);
    }

    /// The pane's output so far, without terminal escapes.
    fn text(&self) -> String {
        let raw = std::fs::read(&self.log).unwrap_or_default();
        strip_escapes(&String::from_utf8_lossy(&raw))
    }

    /// Press keys the way a learner does: after a short pause, once the
    /// output asked for has appeared.
    ///
    /// The pause works around a bug in the watch loop (see
    /// `a_key_pressed_during_a_check_is_not_lost`): a key that arrives
    /// right behind a file event is dropped, and every build makes file
    /// events (rustc opens the exercise files).
    fn press(&self, keys: &[&str]) {
        std::thread::sleep(Duration::from_millis(300));
        self.keys(keys);
    }

    /// Wait until each of `needles` appears, in this order, after what was
    /// already read; then move past them.
    #[track_caller]
    fn expect(&mut self, needles: &[&str]) {
        self.expect_within(needles, WAIT);
    }

    #[track_caller]
    fn expect_within(&mut self, needles: &[&str], wait: Duration) {
        let started = Instant::now();
        loop {
            let text = self.text();
            let mut at = self.mark.min(text.len());
            let mut missing = None;
            for n in needles {
                match text[at..].find(n) {
                    Some(i) => at += i + n.len(),
                    None => {
                        missing = Some(*n);
                        break;
                    }
                }
            }
            match missing {
                None => {
                    self.mark = at;
                    return;
                }
                Some(n) if started.elapsed() > wait => {
                    let screen = self.cmd().args(["capture-pane", "-p", "-t", "learn"]).output().map(|o| o.stdout);
                    panic!(
                        "waited {wait:?} for {n:?} (of {needles:?}).\n--- output after the last match ---\n{}\n--- screen ---\n{}",
                        &text[self.mark.min(text.len())..],
                        String::from_utf8_lossy(&screen.unwrap_or_default())
                    );
                }
                Some(_) => std::thread::sleep(Duration::from_millis(50)),
            }
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.cmd().arg("kill-server").output();
        if let Some(path) = &self.socket_path {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// The text without CSI sequences (colour, clear screen) and carriage returns.
fn strip_escapes(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\x1b' => {
                if chars.peek() == Some(&'[') {
                    chars.next();
                    for c in chars.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                } else {
                    chars.next();
                }
            }
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

fn tmux_available() -> bool {
    Command::new("tmux").arg("-V").output().is_ok_and(|o| o.status.success())
}

/// Save as many editors do: write a temporary file beside it, then rename it over.
fn save_by_rename(path: &Path, text: &str) {
    let tmp = path.with_extension("rs.swp-e2e");
    std::fs::write(&tmp, text).unwrap();
    std::fs::rename(&tmp, path).unwrap();
}

/// The first line of a lesson README's opening paragraph, as watch mode quotes it.
fn readme_first_line(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().find(|l| !l.starts_with('#') && !l.trim().is_empty()).map(str::to_string)
}

/// A fresh sandbox with `cargo learn` (watch mode) started in a tmux pane;
/// `None` when tmux is not installed (outside CI).
fn start_watch() -> Option<(MutexGuard<'static, ()>, common::TargetLock, Sandbox, Tmux)> {
    // One at a time: each test's timing stays that of a learner's machine.
    static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());
    let turn = ONE_AT_A_TIME.lock().unwrap_or_else(|p| p.into_inner());
    if !tmux_available() {
        assert!(std::env::var_os("CI").is_none(), "tmux is not installed: CI must install it for the watch-mode tests");
        eprintln!("[e2e] tmux is not installed: watch-mode test skipped");
        return None;
    }
    let s = Sandbox::new("watch");
    let target = common::lock_target();
    s.prebuild(&["run-exercises"]);
    let t = Tmux::start(&s, &format!("'{}' --time-limit 30", common::CLI));
    Some((turn, target, s, t))
}

/// Learner code that is slow on its first call: it leaves `marker` behind
/// (so the test knows the check is running), sleeps 1.5 s (under the
/// watchdog's 2 s), then does `rest`.
fn slow_first_call(marker: &Path, rest: &str) -> String {
    format!(
        r#"    static STARTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    if !STARTED.swap(true, std::sync::atomic::Ordering::SeqCst) {{
        std::fs::write({marker:?}, "").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1500));
    }}
{rest}"#
    )
}

#[track_caller]
fn wait_for_file(path: &Path) {
    let waiting = Instant::now();
    while !path.exists() {
        assert!(waiting.elapsed() < WAIT, "{} never appeared: the slow check did not start", path.display());
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn watch_mode_checks_on_save_advances_unlocks_and_quits() {
    let Some((_turn, _target, s, mut t)) = start_watch() else { return };
    let file = |id: &str| s.path(s.exercise_file(id));
    let started = Instant::now();

    // The first verdict, on the first stub.
    t.expect(&[
        "checking add_vectors",
        "add_vectors",
        "not implemented yet",
        "watching exercises/01_vectors_and_vector_spaces/add_vectors.rs",
    ]);

    // Solve it: checked on save, and on to the next exercise.
    std::fs::write(file("add_vectors"), s.solution_text("add_vectors")).unwrap();
    t.expect(&[
        "checking add_vectors",
        "✓ passed",
        "Next: scale_vector",
        "watching exercises/01_vectors_and_vector_spaces/scale_vector.rs",
    ]);

    // A hint for the current exercise.
    t.press(&["h"]);
    let hint = s.exercise("scale_vector").hints[0].clone();
    t.expect(&["Hints for scale_vector (1 of 3)", &hint]);

    // l lists where things stand.
    t.press(&["l"]);
    t.expect(&["✓ add_vectors", "done", "▶ scale_vector", "current", "locked until lesson 1 is done"]);

    // A save during a check is queued, not dropped: the first version (slow on
    // its first call, then wrong) is still running when the solution is saved.
    let marker = s.path("target/slow-check-started");
    let slow =
        common::with_body(&s.exercise_text("scale_vector"), "scale", &slow_first_call(&marker, "    v.to_vec()"));
    std::fs::write(file("scale_vector"), slow).unwrap();
    wait_for_file(&marker);
    std::fs::write(file("scale_vector"), s.solution_text("scale_vector")).unwrap();
    t.expect(&["scale_vector", "✗ failed", "checking scale_vector", "✓ passed", "Next: linear_combination"]);

    // Break a solved exercise: it is pending again, and current again.
    let broken = common::replace_once(&s.solution_text("add_vectors"), "ui + vi", "ui - vi");
    std::fs::write(file("add_vectors"), broken).unwrap();
    t.expect(&["add_vectors", "✗ failed", "add_vectors was done, but does not pass any more: it is pending again."]);
    t.expect(&["watching exercises/01_vectors_and_vector_spaces/add_vectors.rs"]);
    // Bad code does not stop the watcher: a compile error, then a panic, then the fix.
    let typo = common::replace_once(&s.solution_text("add_vectors"), "ui + vi", "ui + vi +");
    std::fs::write(file("add_vectors"), typo).unwrap();
    t.expect(&["does not compile"]);
    let panics = common::replace_once(
        &s.solution_text("add_vectors"),
        "ui + vi",
        "ui + if ui.is_finite() { panic!(\"boom {ui}\") } else { vi }",
    );
    std::fs::write(file("add_vectors"), panics).unwrap();
    t.expect(&["add_vectors", "✗ failed", "boom"]);
    std::fs::write(file("add_vectors"), s.solution_text("add_vectors")).unwrap();
    t.expect(&["add_vectors", "✓ passed", "Next: linear_combination"]);

    // The rest of lesson 1, saved the way editors do (temporary file, rename).
    save_by_rename(&file("linear_combination"), &s.solution_text("linear_combination"));
    t.expect(&["linear_combination", "✓ passed", "Next: independence_2d"]);
    save_by_rename(&file("independence_2d"), &s.solution_text("independence_2d"));
    t.expect(&["independence_2d", "✓ passed", "Next: mean_vector"]);
    // A save in a lesson that is still locked is noticed, not checked.
    let early = s.exercise_text("dot_product").replace("// TODO: sum", "// TODO (started early): sum");
    std::fs::write(file("dot_product"), early).unwrap();
    t.expect(&["dot_product saved, but lesson 2 is locked"]);
    save_by_rename(&file("mean_vector"), &s.solution_text("mean_vector"));
    let lesson2 = s.course.lesson(2).unwrap().clone();
    t.expect(&["mean_vector", "✓ passed", &format!("Lesson 2 is unlocked: {}", lesson2.title)]);
    match readme_first_line(&s.course.readme_path(&lesson2)) {
        Some(line) => t.expect(&[line.trim(), "(read more in exercises/02_norms_dot_products_projections/README.md)"]),
        None => eprintln!("[e2e] lesson 2 has no README yet: its opening lines cannot be shown"),
    }
    t.expect(&["Next: dot_product", "watching exercises/02_norms_dot_products_projections/dot_product.rs"]);

    // q quits, cleanly.
    t.press(&["q"]);
    t.expect(&["Bye! Your progress is in progress.toml"]);
    t.expect(&["[exit status 0]"]);
    eprintln!("[e2e] watch scenario took {:.1} s", started.elapsed().as_secs_f64());
    if let Some(keep) = std::env::var_os("EIGENLINGS_E2E_KEEP_LOG") {
        std::fs::write(keep, t.text()).unwrap();
    }

    // What the session left in the progress file.
    for e in s.course.exercises_of(1) {
        assert_eq!(s.progress_of(&e.id)["status"].as_str(), Some("done"), "{}", e.id);
    }
    assert_eq!(s.progress_of("scale_vector")["hints_seen"].as_integer(), Some(1));
    assert_eq!(s.progress_of("add_vectors")["runs_to_solve"].as_integer(), Some(2));
}

/// Keys pressed while a check runs wait their turn like saves do. Every build
/// makes file events (rustc opens the exercise files, and inotify reports
/// opens), so a key often lands in the event channel right behind a file
/// event; the loop in `watch::run` that coalesces queued saves must keep it.
#[test]
fn a_key_pressed_during_a_check_is_not_lost() {
    let Some((_turn, _target, s, mut t)) = start_watch() else { return };
    t.expect(&["add_vectors", "not implemented yet", "q quit"]);
    let marker = s.path("target/slow-check-started");
    let slow = common::with_body(
        &s.solution_text("add_vectors"),
        "add",
        &slow_first_call(&marker, "    u.iter().zip(v).map(|(ui, vi)| ui + vi).collect()"),
    );
    std::fs::write(s.path(s.exercise_file("add_vectors")), slow).unwrap();
    wait_for_file(&marker);
    // While it runs: the editor touches another file (a file event, no
    // change of content), then the learner asks for a hint.
    let other = s.path(s.exercise_file("mean_vector"));
    std::fs::write(&other, std::fs::read(&other).unwrap()).unwrap();
    std::thread::sleep(Duration::from_millis(300));
    t.keys(&["h"]);
    t.expect(&["add_vectors", "✓ passed", "Next: scale_vector"]);
    t.expect_within(&["Hints for"], Duration::from_secs(15));
    t.press(&["q"]);
    t.expect(&["[exit status 0]"]);
}
