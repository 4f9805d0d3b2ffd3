//! The supervisor: runs one check in a runner process with a wall-clock
//! limit and capped output, and maps every way it can end to a verdict.
//!
//! | how the runner ended            | verdict           |
//! | ------------------------------- | ----------------- |
//! | exit 0 / 1 / 2 with a report    | the report's own  |
//! | exit 124 (the watchdog)         | `timed_out`, with the input that hung |
//! | killed at the wall-clock limit  | `timed_out`       |
//! | a signal (stack overflow, abort)| `crashed`, with the reason in words |
//! | any other exit without a report | `crashed`         |

use std::io::Read;
use std::os::unix::process::CommandExt;
use std::path::Path;
use std::process::{Child, Command, ExitStatus, Stdio};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use report::{ExerciseReport, Status};

/// Most bytes of the learner's printed output kept per stream; the rest is counted and dropped.
pub const OUTPUT_CAP: usize = 16 * 1024;

/// Runner exit codes (see `checker/runner`).
const EXIT_USAGE: i32 = 3;
const EXIT_WATCHDOG: i32 = 124;

/// What one check produced.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub report: ExerciseReport,
    /// What the learner's code printed (stdout, then stderr), capped.
    pub printed: String,
    pub elapsed: Duration,
}

/// A stream read to the end in a thread, keeping the first `cap` bytes.
pub(crate) fn capture(stream: Option<impl Read + Send + 'static>, cap: usize) -> JoinHandle<(Vec<u8>, u64)> {
    std::thread::spawn(move || {
        let mut kept = Vec::new();
        let mut dropped = 0u64;
        let Some(mut stream) = stream else { return (kept, dropped) };
        let mut buf = [0u8; 8192];
        loop {
            match stream.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let room = cap.saturating_sub(kept.len()).min(n);
                    kept.extend_from_slice(&buf[..room]);
                    dropped += (n - room) as u64;
                }
            }
        }
        (kept, dropped)
    })
}

fn text_of((mut kept, mut dropped): (Vec<u8>, u64)) -> String {
    // When output was cut, cut it at the end of a whole line.
    if dropped > 0
        && let Some(end) = kept.iter().rposition(|&b| b == b'\n')
    {
        dropped += (kept.len() - end - 1) as u64;
        kept.truncate(end + 1);
    }
    let mut s = String::from_utf8_lossy(&kept).into_owned();
    if dropped > 0 {
        s.push_str(&format!("\n… {dropped} more bytes of output were not kept"));
    }
    s
}

/// Check exercise `id` with the runner at `runner`, within `limit`.
pub fn check(runner: &Path, id: &str, report_dir: &Path, limit: Duration) -> Result<Outcome> {
    check_in(runner, id, report_dir, limit, None)
}

/// [`check`], for code that is not the user's own (re-verifying a learner's):
/// with `jail`, the runner starts in that folder with an empty environment
/// (no tokens or paths of the person running it), and `HOME` pointing there.
pub fn check_in(runner: &Path, id: &str, report_dir: &Path, limit: Duration, jail: Option<&Path>) -> Result<Outcome> {
    std::fs::create_dir_all(report_dir).with_context(|| format!("cannot create {}", report_dir.display()))?;
    let report_path = report_dir.join(format!("{id}-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&report_path);
    let started = Instant::now();
    let mut command = Command::new(runner);
    if let Some(dir) = jail {
        command.env_clear().env("PATH", "/usr/bin:/bin").env("HOME", dir).current_dir(dir);
    }
    let mut child = command
        .args(["check", id, "--report"])
        // The runtime's backtraces (an allocation failure prints one) are not the learner's output.
        .env("RUST_BACKTRACE", "0")
        .arg(&report_path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        // Its own process group, so that anything it starts is stopped with it.
        .process_group(0)
        .spawn()
        .with_context(|| format!("cannot start the runner {}", runner.display()))?;
    let out = capture(child.stdout.take(), OUTPUT_CAP);
    let err = capture(child.stderr.take(), OUTPUT_CAP);
    let status = wait(&mut child, limit)?;
    let elapsed = started.elapsed();
    let stdout = text_of(out.join().unwrap_or_default());
    let stderr = text_of(err.join().unwrap_or_default());
    let written =
        std::fs::read_to_string(&report_path).ok().and_then(|t| serde_json::from_str::<ExerciseReport>(&t).ok());
    let _ = std::fs::remove_file(&report_path);
    let report = match status {
        None => ExerciseReport::bare(
            id,
            Status::TimedOut,
            format!(
                "The check did not finish within {} s and was stopped. Something in your code takes far too \
                 long: a loop that never ends, or an algorithm much slower than it should be.",
                limit.as_secs()
            ),
        ),
        Some(s) if s.code() == Some(EXIT_USAGE) => bail!("the runner refused the request: {}", stderr.trim()),
        Some(s) => match written {
            Some(report) => report,
            None if s.code() == Some(EXIT_WATCHDOG) => {
                ExerciseReport::bare(id, Status::TimedOut, "Your code did not return on one input and was stopped.")
            }
            None => ExerciseReport::bare(id, Status::Crashed, crash_reason(s, &stderr)),
        },
    };
    let mut printed = stdout;
    let learner_stderr = strip_crash_noise(&stderr);
    if !learner_stderr.trim().is_empty() {
        if !printed.is_empty() && !printed.ends_with('\n') {
            printed.push('\n');
        }
        printed.push_str(&learner_stderr);
    }
    Ok(Outcome { report, printed, elapsed })
}

/// Wait for the child; `None` when it had to be killed at the limit.
pub(crate) fn wait(child: &mut Child, limit: Duration) -> Result<Option<ExitStatus>> {
    let deadline = Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().context("cannot wait for the runner")? {
            return Ok(Some(status));
        }
        if Instant::now() >= deadline {
            kill_group(child);
            return Ok(None);
        }
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Stop the runner and every process in its group (it is the group's leader).
fn kill_group(child: &mut Child) {
    use nix::sys::signal::{Signal, killpg};
    use nix::unistd::Pid;
    if let Ok(pid) = i32::try_from(child.id()) {
        let _ = killpg(Pid::from_raw(pid), Signal::SIGKILL);
    }
    let _ = child.kill();
    let _ = child.wait();
}

/// The crash, in words a learner can act on.
fn crash_reason(status: ExitStatus, stderr: &str) -> String {
    use std::os::unix::process::ExitStatusExt;
    if stderr.contains("has overflowed its stack") {
        return "Your code overflowed the stack: a function kept calling itself without reaching a base \
                case (unbounded recursion), or put a huge array on the stack."
            .to_string();
    }
    if let Some(line) = stderr.lines().find(|l| l.contains("memory allocation of")) {
        return format!(
            "Your code tried to allocate more memory than the checks allow ({}). Look for a vector whose \
             length comes from a wrong formula or a loop that keeps pushing.",
            line.trim()
        );
    }
    match (status.signal(), status.code()) {
        (Some(9), _) => {
            "The check process was killed (signal 9), most likely because it used too much memory.".to_string()
        }
        (Some(sig), _) => format!("The check process crashed (signal {sig}). Its last words:\n{}", tail(stderr)),
        (None, Some(code)) => format!(
            "The check process exited with code {code} without a report: does your code call \
             `std::process::exit`? Its last words:\n{}",
            tail(stderr)
        ),
        (None, None) => "The check process ended without a report.".to_string(),
    }
}

fn tail(s: &str) -> String {
    let lines: Vec<&str> = s.lines().collect();
    lines[lines.len().saturating_sub(5)..].join("\n")
}

/// The runtime's own crash lines are explained in the verdict; keep only what the learner printed.
fn strip_crash_noise(stderr: &str) -> String {
    let mut in_backtrace = false;
    stderr
        .lines()
        .filter(|l| {
            if *l == "stack backtrace:" {
                in_backtrace = true;
                return false;
            }
            if in_backtrace {
                let t = l.trim_start();
                let frame = t.split_once(": ").is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit()));
                if frame || t.starts_with("at ") || t.starts_with("note: Some details are omitted") {
                    return false;
                }
                in_backtrace = false;
            }
            !l.contains("has overflowed its stack")
                && !l.starts_with("fatal runtime error")
                && !l.contains("memory allocation of")
                && !l.starts_with("note: run with `RUST_BACKTRACE=1`")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cut_output_ends_at_a_whole_line_and_counts_what_was_dropped() {
        let text = text_of((b"line one\nline tw".to_vec(), 10));
        assert_eq!(text, "line one\n\n… 17 more bytes of output were not kept");
        assert_eq!(text_of((b"all of it".to_vec(), 0)), "all of it");
    }

    #[test]
    fn runtime_noise_is_dropped_and_the_learners_lines_are_kept() {
        let stderr = "i = 3\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow\n\
                      stack backtrace:\n   0: foo\n             at src/x.rs:1\nafter";
        assert_eq!(strip_crash_noise(stderr), "i = 3\nafter");
    }
}
