//! Lesson 3, exercise 6: the trace.
//!
//! The trace is the sum of the diagonal, $\operatorname{tr} A = \sum_i a_{ii}$.
//! It looks too plain to matter, but it is the sum of the eigenvalues
//! (lesson 9), it does not change under a change of basis, and
//! $\operatorname{tr}(AB) = \operatorname{tr}(BA)$ even when $AB$ and $BA$ do
//! not have the same size. In ML, the total variance of a dataset is the
//! trace of its covariance matrix (lesson 12), and
//! $\lVert A \rVert_F^2 = \operatorname{tr}(A^\top A)$.

use vocab::{LinalgError, Matrix};

/// The trace $\operatorname{tr} A = \sum_{i=0}^{n-1} a_{ii}$ of a square matrix.
///
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square; the
///   trace of the $0 \times 0$ matrix is `0.0`.
/// - Example: rows $(2, 1), (1, 3)$ have trace $2 + 3 = 5$.
pub fn trace(a: &Matrix) -> Result<f64, LinalgError> {
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    Ok((0..a.nrows()).map(|i| a[(i, i)]).sum())
}
