//! The watchdog: reports an input on which learner code does not return.
//!
//! Before each case the harness registers what is running (property and
//! input). A thread polls every 20 ms; when one case runs past the limit it
//! writes a `timed_out` report naming the property and the input, then exits
//! the process with code 124. Exiting is deliberate: a call that never returns
//! cannot be stopped from inside, and shrinking further would leave one spinning
//! thread per attempt. The supervisor (the CLI) still has its own wall-clock
//! limit for the cases the watchdog cannot see.

use std::path::PathBuf;
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

use report::{ExerciseReport, Failure, PropertyReport, Status};

/// Exit code of a runner stopped by the watchdog (the convention of `timeout(1)`).
pub const EXIT_TIMED_OUT: i32 = 124;

struct InFlight {
    started: Instant,
    property: String,
    description: String,
    input: String,
    input_literal: String,
}

struct Armed {
    exercise: String,
    report_path: PathBuf,
    limit: Duration,
}

static IN_FLIGHT: Mutex<Option<InFlight>> = Mutex::new(None);
static ARMED: OnceLock<Armed> = OnceLock::new();

/// Start watching: any single case running longer than `limit` ends the process.
/// Without a call to `arm` (as in the crate's own tests) nothing is watched.
pub fn arm(exercise: &str, report_path: PathBuf, limit: Duration) {
    let armed = Armed { exercise: exercise.to_string(), report_path, limit };
    if ARMED.set(armed).is_err() {
        return;
    }
    std::thread::spawn(|| {
        loop {
            std::thread::sleep(Duration::from_millis(20));
            check_once();
        }
    });
}

fn check_once() {
    let Some(armed) = ARMED.get() else { return };
    let Ok(slot) = IN_FLIGHT.lock() else { return };
    let Some(flight) = slot.as_ref() else { return };
    if flight.started.elapsed() < armed.limit {
        return;
    }
    let seconds = armed.limit.as_secs_f64();
    let report = ExerciseReport {
        id: armed.exercise.clone(),
        status: Status::TimedOut,
        message: Some(format!(
            "Your code did not return within {seconds:.0} s on one input (property `{}`). \
             Look for a loop whose condition never becomes false, or a recursion without a base case.",
            flight.property
        )),
        properties: vec![PropertyReport {
            name: flight.property.clone(),
            description: flight.description.clone(),
            status: Status::TimedOut,
            failure: Some(Failure {
                message: format!("no answer after {seconds:.0} s"),
                input: flight.input.clone(),
                input_literal: flight.input_literal.clone(),
                output: "(still running when it was stopped)".to_string(),
                expected: "an answer within a few milliseconds".to_string(),
                bound: format!("time limit {seconds:.0} s"),
            }),
        }],
    };
    if let Ok(json) = serde_json::to_string(&report) {
        // Best effort: if the report cannot be written the supervisor still sees exit code 124.
        let _ = std::fs::write(&armed.report_path, json);
    }
    std::process::exit(EXIT_TIMED_OUT);
}

/// Marks one case as running until dropped.
pub struct CaseGuard(());

impl Drop for CaseGuard {
    fn drop(&mut self) {
        if let Ok(mut slot) = IN_FLIGHT.lock() {
            *slot = None;
        }
    }
}

/// Register the case about to run. The strings are only built when armed.
pub fn enter(property: &str, description: &str, input: impl FnOnce() -> (String, String)) -> CaseGuard {
    if ARMED.get().is_some() {
        let (input, input_literal) = input();
        if let Ok(mut slot) = IN_FLIGHT.lock() {
            *slot = Some(InFlight {
                started: Instant::now(),
                property: property.to_string(),
                description: description.to_string(),
                input,
                input_literal,
            });
        }
    }
    CaseGuard(())
}
