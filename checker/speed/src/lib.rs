//! `cargo learn bench`: times one of the learner's factorizations against
//! nalgebra's on growing sizes, in one run, and measures how accurate both are.
//!
//! A [`Subject`] is the learner's function (or the reference solution); [`run`]
//! generates the inputs, times both implementations, and returns a [`Report`]
//! that the CLI prints as a table and [`plot::svg`] draws on log axes.
//! Nothing here asserts anything about time: timings are reported, never judged.

pub mod fit;
pub mod inputs;
pub mod plot;
pub mod quality;
pub mod subject;
pub mod timing;

pub use report::bench::{Measure, Report, Row};
pub use subject::Subject;

/// How to run a bench: the sizes and the time to spend on each measurement.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The sizes n; each gives an n×n input and, where it applies, a tall 4n×n one.
    pub sizes: Vec<usize>,
    /// Keep repeating one measurement until this much time has been spent (at least 3 runs).
    pub budget: std::time::Duration,
}

impl Plan {
    /// The default plan of `cargo learn bench`: n = 32, 64, 128, 256.
    pub fn standard() -> Plan {
        Plan { sizes: vec![32, 64, 128, 256], budget: std::time::Duration::from_millis(300) }
    }
}

/// Progress for the CLI's bar: `(measurements done, measurements in all, what runs next)`.
pub type Progress<'a> = &'a mut dyn FnMut(usize, usize, &str);

/// Run the bench of `subject` following `plan`.
///
/// `Err` carries a plain-language sentence when the learner's function refuses
/// an input, returns the wrong shape or non-finite numbers; a panic is left to
/// the caller (the runner catches it and reports it like a check does).
pub fn run(subject: &Subject, plan: &Plan, progress: Progress) -> Result<Report, String> {
    let shapes = inputs::shapes(subject, &plan.sizes);
    let total = 2 * shapes.len();
    let mut rows = Vec::with_capacity(shapes.len());
    for (i, &(m, n)) in shapes.iter().enumerate() {
        let a = inputs::matrix(subject, m, n);
        progress(2 * i, total, &format!("{m}×{n}, yours"));
        let yours = subject.measure_yours(&a, plan.budget)?;
        progress(2 * i + 1, total, &format!("{m}×{n}, nalgebra"));
        let nalgebra = subject.measure_nalgebra(&a, plan.budget)?;
        rows.push(Row { rows: m, cols: n, yours, nalgebra });
    }
    progress(total, total, "done");
    let square = |pick: fn(&Row) -> f64| -> Vec<(f64, f64)> {
        rows.iter().filter(|r| r.is_square()).map(|r| (r.cols as f64, pick(r))).collect()
    };
    Ok(Report {
        exercise: subject.exercise().to_string(),
        counterpart: subject.counterpart().to_string(),
        expected: subject.expected_cost().to_string(),
        exponent_yours: fit::exponent(&square(|r| r.yours.seconds)),
        exponent_nalgebra: fit::exponent(&square(|r| r.nalgebra.seconds)),
        rows,
    })
}
