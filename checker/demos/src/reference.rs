//! What the demos compare the learner's results with: nalgebra's answers to
//! the questions that have a unique answer, and the message for a refusal.

use nalgebra::{DMatrix, DVector};
use vocab::{LinalgError, Matrix};

/// The message when a learner's function refuses a demo's input.
pub fn refused(what: &str, e: &LinalgError) -> String {
    format!("your `{what}` refused the demo's input: {e}")
}

/// The same matrix as an nalgebra `DMatrix`.
pub fn to_nalgebra(a: &Matrix) -> DMatrix<f64> {
    DMatrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(i, j)])
}

/// `κ₂ = σ_max / σ_min` from nalgebra's singular values (values only: see
/// `checking.md`); infinite when the smallest one is 0.
pub fn kappa2(a: &DMatrix<f64>) -> f64 {
    let s = a.singular_values();
    s.max() / s.min()
}

/// nalgebra's least-squares solution by Householder QR: `R x = Qᵀ b`.
pub fn nalgebra_lstsq(a: &Matrix, b: &[f64]) -> Vec<f64> {
    let qr = to_nalgebra(a).qr();
    let qtb = qr.q().transpose() * DVector::from_column_slice(b);
    let x = qr.r().solve_upper_triangular(&qtb).expect("a full-rank design matrix");
    x.as_slice().to_vec()
}
