//! Small conversions every lesson's checks use: nalgebra results back into the
//! course's `Matrix`, matrices from row literals, and the Frobenius norm.

use nalgebra::DMatrix;
use vocab::Matrix;

use crate::tol;

/// A nalgebra matrix as the course's `Matrix` (for messages and for the learner's functions).
pub fn ours(a: &DMatrix<f64>) -> Matrix {
    Matrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(i, j)])
}

/// A matrix from row literals: `matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]])`.
pub fn matrix_of(rows: &[&[f64]]) -> Matrix {
    Matrix::from_rows(&rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>())
}

/// A matrix from rows held as vectors (all of the first row's length).
pub fn rows_matrix(rows: &[Vec<f64>]) -> Matrix {
    let n = rows.first().map_or(0, Vec::len);
    Matrix::from_fn(rows.len(), n, |i, j| rows[i][j])
}

/// ‖A‖_F, without overflow.
pub fn frobenius(a: &DMatrix<f64>) -> f64 {
    tol::norm2(a.as_slice())
}
