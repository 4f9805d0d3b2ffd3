//! Running one exercise's checks: the probe, deterministic examples, generated
//! properties with a fixed seed and shrinking, and the report that comes out.

use proptest::test_runner::{Config, RngAlgorithm, RngSeed, TestCaseError, TestError, TestRng, TestRunner};
use report::{ExerciseReport, Failure, PropertyReport, Status};
use vocab::LinalgError;

use crate::cases::Case;
use crate::guard::{self, Panicked};
use crate::pretty;
use crate::shrink::Cases;
use crate::watchdog;

/// Generated cases per property. Measured: a whole lesson-2 exercise runs in
/// well under 100 ms in a debug build (see README, "Speed").
pub const CASES: u32 = 256;

/// Why one case broke a property, before the input is attached.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Miss {
    pub message: String,
    pub output: String,
    pub expected: String,
    pub bound: String,
}

impl Miss {
    /// A miss described in words.
    pub fn new(message: impl Into<String>) -> Self {
        Self { message: message.into(), ..Self::default() }
    }

    /// What the learner's code returned.
    pub fn output(mut self, output: impl Into<String>) -> Self {
        self.output = output.into();
        self
    }

    /// What a correct answer is or must satisfy.
    pub fn expected(mut self, expected: impl Into<String>) -> Self {
        self.expected = expected.into();
        self
    }

    /// The measured value next to the bound it missed.
    pub fn bound(mut self, bound: impl Into<String>) -> Self {
        self.bound = bound.into();
        self
    }

    /// Fill in the output if it is still empty.
    pub fn or_output(mut self, output: impl FnOnce() -> String) -> Self {
        if self.output.is_empty() {
            self.output = output();
        }
        self
    }

    /// The learner's function panicked.
    pub fn panicked(function: &str, p: &Panicked) -> Self {
        Self::new(format!("`{function}` panicked instead of returning"))
            .output(p.describe())
            .expected("a value (the checks never pass inputs outside the contract)")
    }

    fn into_failure(self, case: &Case) -> Failure {
        Failure {
            message: self.message,
            input: case.show(),
            input_literal: case.literal(),
            output: self.output,
            expected: self.expected,
            bound: self.bound,
        }
    }
}

/// A learner's `Ok` value, or a miss saying valid input was refused.
pub fn accepted<T>(function: &str, got: Result<T, LinalgError>, answer: impl FnOnce() -> String) -> Result<T, Miss> {
    got.map_err(|e| {
        Miss::new(format!("`{function}` returned an error for valid input: {e}"))
            .output(format!("Err({e:?})"))
            .expected(format!("Ok({})", answer()))
    })
}

/// Passes when `got` is exactly the error `want`.
pub fn refused<T>(
    function: &str,
    got: &Result<T, LinalgError>,
    want: &LinalgError,
    show: impl Fn(&T) -> String,
) -> Result<(), Miss> {
    if got.as_ref().err() == Some(want) {
        return Ok(());
    }
    Err(Miss::new(format!("`{function}` must refuse this input with the documented error"))
        .output(pretty::result(got, show))
        .expected(format!("Err({want:?})")))
}

/// Call learner function `name`; a panic becomes a [`Miss`].
pub fn call<R>(name: &str, f: impl FnOnce() -> R) -> Result<R, Miss> {
    guard::call(f).map_err(|p| Miss::panicked(name, &p))
}

/// A hand-written input that does not fit the `Case` shape (an empty list, a
/// contract violation), with its own printing and its own check.
pub struct Fixed<'a> {
    show: String,
    literal: String,
    check: Box<dyn Fn() -> Result<(), Miss> + 'a>,
}

impl<'a> Fixed<'a> {
    pub fn new(show: impl Into<String>, literal: impl Into<String>, check: impl Fn() -> Result<(), Miss> + 'a) -> Self {
        Self { show: show.into(), literal: literal.into(), check: Box::new(check) }
    }
}

/// A check of one exercise in progress.
pub struct Checker {
    id: String,
    missing: Vec<String>,
    properties: Vec<PropertyReport>,
}

impl Checker {
    pub fn new(id: &str) -> Self {
        Self { id: id.to_string(), missing: Vec::new(), properties: Vec::new() }
    }

    /// Call a function once on a fixed input; a `todo!()` marks it missing.
    /// Other panics are left for the properties to report with their input.
    pub fn probe<R>(&mut self, function: &str, f: impl FnOnce() -> R) {
        let description = format!("the first call of `{function}`, on a tiny input, to see whether it is written yet");
        let _running = watchdog::enter("first_call", &description, || {
            (format!("a first call of `{function}` on a tiny fixed input"), String::new())
        });
        if let Err(p) = guard::call(f)
            && p.is_not_implemented()
        {
            // Stubs say `todo!("lesson 01: sub")`: when the `todo!()` reached is
            // another function's, the learner needs to know which one.
            let blocker =
                p.message.rsplit(": ").next().filter(|name| *name != function && p.message.contains("lesson"));
            self.missing.push(match blocker {
                Some(name) => format!("`{function}` (it calls `{name}`, which still calls `todo!()`)"),
                None => format!("`{function}`"),
            });
        }
    }

    /// The report for an exercise whose functions are not all written yet.
    pub fn not_implemented(&self) -> Option<ExerciseReport> {
        if self.missing.is_empty() {
            return None;
        }
        let names = self.missing.join(", ");
        let verb = if self.missing.len() == 1 { "is" } else { "are" };
        Some(ExerciseReport::bare(
            &self.id,
            Status::NotImplemented,
            format!("Not implemented yet: {names} {verb} still to be written (a `todo!()` was reached)."),
        ))
    }

    /// A property checked on a fixed list of hand-picked inputs (edge cases and
    /// textbook examples). The first input that breaks it is reported as is.
    pub fn examples(
        &mut self,
        name: &str,
        description: &str,
        cases: Vec<Case>,
        check: impl Fn(&Case) -> Result<(), Miss>,
    ) {
        let mut failure = None;
        for case in &cases {
            let _running = watchdog::enter(name, description, || (case.show(), case.literal()));
            if let Err(miss) = check(case) {
                failure = Some(miss.into_failure(case));
                break;
            }
        }
        self.record(name, description, failure);
    }

    /// A property checked on hand-written inputs that carry their own check.
    pub fn fixed(&mut self, name: &str, description: &str, inputs: Vec<Fixed<'_>>) {
        let mut failure = None;
        for input in &inputs {
            let _running = watchdog::enter(name, description, || (input.show.clone(), input.literal.clone()));
            if let Err(miss) = (input.check)() {
                failure = Some(Failure {
                    message: miss.message,
                    input: input.show.clone(),
                    input_literal: input.literal.clone(),
                    output: miss.output,
                    expected: miss.expected,
                    bound: miss.bound,
                });
                break;
            }
        }
        self.record(name, description, failure);
    }

    /// A property checked on `CASES` generated inputs with a seed fixed by the
    /// exercise and property names; a failure is shrunk before it is reported.
    pub fn property(
        &mut self,
        name: &str,
        description: &str,
        generate: impl Fn(&mut TestRng) -> Case + 'static,
        check: impl Fn(&Case) -> Result<(), Miss>,
    ) {
        let mut runner = TestRunner::new(config(seed(&self.id, name)));
        let outcome = runner.run(&Cases::new(generate), |case| {
            let _running = watchdog::enter(name, description, || (case.show(), case.literal()));
            check(&case).map_err(|m| TestCaseError::fail(m.message))
        });
        let failure = match outcome {
            Ok(()) => None,
            Err(TestError::Fail(reason, minimal)) => {
                // Run the minimal case again, outside proptest, for the full story.
                let _running = watchdog::enter(name, description, || (minimal.show(), minimal.literal()));
                let miss = check(&minimal).err().unwrap_or_else(|| Miss::new(reason.message().to_string()));
                Some(miss.into_failure(&minimal))
            }
            Err(TestError::Abort(reason)) => Some(Failure {
                message: format!("the checker could not generate inputs: {}", reason.message()),
                ..Failure::default()
            }),
        };
        self.record(name, description, failure);
    }

    fn record(&mut self, name: &str, description: &str, failure: Option<Failure>) {
        let status = if failure.is_some() { Status::Failed } else { Status::Passed };
        self.properties.push(PropertyReport {
            name: name.to_string(),
            description: description.to_string(),
            status,
            failure,
        });
    }

    /// The verdict: passed when every property held.
    pub fn finish(self) -> ExerciseReport {
        if let Some(report) = self.not_implemented() {
            return report;
        }
        let failed = self.properties.iter().filter(|p| p.status != Status::Passed).count();
        let status = if failed == 0 { Status::Passed } else { Status::Failed };
        let message = (failed > 0)
            .then(|| format!("{} of {} properties hold.", self.properties.len() - failed, self.properties.len()));
        ExerciseReport { id: self.id, status, message, properties: self.properties }
    }
}

/// The proptest configuration: fixed seed, ChaCha, no persistence files, and
/// every field set explicitly so `PROPTEST_*` variables cannot change results.
fn config(seed: u64) -> Config {
    Config {
        cases: CASES,
        rng_seed: RngSeed::Fixed(seed),
        rng_algorithm: RngAlgorithm::ChaCha,
        failure_persistence: None,
        max_shrink_iters: 4096,
        max_shrink_time: 10_000,
        max_local_rejects: 65_536,
        max_global_rejects: 4096,
        max_flat_map_regens: 1_000_000,
        verbose: 0,
        source_file: None,
        ..Config::default()
    }
}

/// FNV-1a of "exercise/property": each property gets its own fixed stream.
fn seed(exercise: &str, property: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in exercise.bytes().chain([b'/']).chain(property.bytes()) {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}
