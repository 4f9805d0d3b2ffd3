//! What `cargo learn bench` measured: for each input shape, the learner's time
//! and accuracy beside nalgebra's. The runner writes it as JSON; the CLI prints
//! it as a table.

use serde::{Deserialize, Serialize};

/// One implementation on one input: its median time and its accuracy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    /// Median wall-clock time of one call, in seconds.
    pub seconds: f64,
    /// How many calls the median is over.
    pub runs: usize,
    /// ‖A − reconstruction‖_F / ‖A‖_F.
    pub backward: f64,
    /// ‖QᵀQ − I‖_F of the orthogonal factor(s), where there is one.
    pub orthogonality: Option<f64>,
}

/// Both implementations on one input shape.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub rows: usize,
    pub cols: usize,
    pub yours: Measure,
    pub nalgebra: Measure,
}

impl Row {
    /// Your time over nalgebra's: 2.0 means yours takes twice as long.
    pub fn ratio(&self) -> f64 {
        self.yours.seconds / self.nalgebra.seconds
    }

    /// Whether the input is square (the growth exponent is fitted on these).
    pub fn is_square(&self) -> bool {
        self.rows == self.cols
    }
}

/// Everything one bench measured.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// The exercise id, e.g. `lu`.
    pub exercise: String,
    /// What the nalgebra side calls, e.g. `nalgebra::LU::new, then l(), u()`.
    pub counterpart: String,
    /// The operation count the algorithm should follow, e.g. `2n³/3`.
    pub expected: String,
    pub rows: Vec<Row>,
    /// p in time ∝ nᵖ, fitted on the square inputs (`speed::fit::exponent`).
    pub exponent_yours: Option<f64>,
    pub exponent_nalgebra: Option<f64>,
}
