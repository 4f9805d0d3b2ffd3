//! Test inputs: a few rows of numbers, some named scalars and a power-of-two
//! scale, together with how to print them and how to turn them into the
//! arguments of the function under test.
//!
//! Keeping every input in this one shape lets one shrinker (`shrink`) make
//! every counterexample small: it drops a vector or a coordinate first, then
//! moves the scale to 1 and the entries toward zero.

use std::fmt;

/// How a family of inputs is shaped, shown and shrunk.
pub struct Spec {
    /// Fewest rows (vectors) an input may have.
    pub min_rows: usize,
    /// Fewest columns (coordinates) an input may have.
    pub min_cols: usize,
    /// Whether every row must keep the same length (vectors that are combined).
    pub aligned: bool,
    /// Leading columns that shrinking never deletes (a coefficient stored with its vector).
    pub fixed_cols: usize,
    /// The smallest value of each scalar, which shrinking moves toward.
    pub scalar_floor: &'static [f64],
    /// Turn the stored numbers into the actual inputs (by default: rows × 2^exp).
    pub build: fn(&Case) -> Vec<Vec<f64>>,
    /// Print the actual inputs for a reader, one per line.
    pub show: fn(&Case) -> String,
    /// Print the actual inputs as Rust `let` statements.
    pub literal: fn(&Case) -> String,
    /// Whether a shrink candidate is still a legal input for the exercise.
    pub valid: fn(&Case) -> bool,
}

/// One input: rows of base values, scalars, and an exponent e meaning "× 2^e".
#[derive(Clone)]
pub struct Case {
    pub rows: Vec<Vec<f64>>,
    pub scalars: Vec<f64>,
    pub exp: i32,
    pub spec: &'static Spec,
}

impl Case {
    pub fn new(spec: &'static Spec, rows: Vec<Vec<f64>>, scalars: Vec<f64>, exp: i32) -> Self {
        Self { rows, scalars, exp, spec }
    }

    /// The actual vectors passed to the function under test.
    pub fn inputs(&self) -> Vec<Vec<f64>> {
        (self.spec.build)(self)
    }

    /// Actual vector `i`.
    pub fn input(&self, i: usize) -> Vec<f64> {
        self.inputs().swap_remove(i)
    }

    /// Scalar `i`.
    pub fn scalar(&self, i: usize) -> f64 {
        self.scalars[i]
    }

    pub fn show(&self) -> String {
        (self.spec.show)(self)
    }

    pub fn literal(&self) -> String {
        (self.spec.literal)(self)
    }

    /// Rows × 2^exp, the default `build`.
    pub fn scaled_rows(&self) -> Vec<Vec<f64>> {
        self.rows.iter().map(|r| r.iter().map(|&x| crate::tol::scale2(x, self.exp)).collect()).collect()
    }

    /// "  (every entry × 2^600)" when the input is scaled, for `show`.
    pub fn scale_note(&self) -> String {
        if self.exp == 0 { String::new() } else { format!("   (stored values × 2^{})", self.exp) }
    }
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.show())
    }
}

/// The default `build`: every row × 2^exp.
pub fn build_scaled(case: &Case) -> Vec<Vec<f64>> {
    case.scaled_rows()
}

/// Accept every candidate.
pub fn always_valid(_: &Case) -> bool {
    true
}
