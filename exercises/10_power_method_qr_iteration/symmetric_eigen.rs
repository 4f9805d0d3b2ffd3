//! Lesson 10: all eigenvalues and eigenvectors of a symmetric matrix.
//!
//! PLACEHOLDER stub on the lessons-11-12 branch: lesson 10's generated stub
//! replaces this file at merge.

use vocab::{LinalgError, Matrix, SymEig};

/// All eigenvalues and orthonormal eigenvectors of a symmetric matrix:
/// $A = V \Lambda V^\top$.
///
/// - `values` holds the $n$ eigenvalues in NON-INCREASING order;
///   `vectors` is $n \times n$ with orthonormal columns, column $j$ the
///   eigenvector of `values[j]`, so $A \approx V \Lambda V^\top$ and
///   $V^\top V \approx I$.
/// - `Err(LinalgError::Empty)` when $A$ has no entries;
///   `Err(LinalgError::NotSquare { rows, cols })` when it is not square;
///   `Err(LinalgError::NotConverged { iterations, residual })` when the
///   iteration budget runs out.
pub fn symmetric_eigen(a: &Matrix) -> Result<SymEig, LinalgError> {
    // TODO: lesson 10 (tridiagonalize, then shifted QR iteration); sort the values non-increasing.
    todo!("lesson 10: symmetric_eigen")
}
