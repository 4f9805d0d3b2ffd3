//! Comparing subspaces, never bases: a subspace has many bases (scaled,
//! permuted, rotated), but exactly one orthogonal projector.
//!
//! A learner's basis `B` (the columns of a `p × k` matrix) is judged in the
//! order a reader would: the right number of vectors in the right space, no
//! NaN, each vector inside the subspace, the vectors independent, and finally
//! the projector `P_B = Q Qᵀ` (Q from nalgebra's QR of B) close to the true
//! projector. nalgebra's QR and `singular_values()` are the reliable paths
//! (`checking.md` §1.2); its SVD with vectors is never used.

use nalgebra::DMatrix;
use vocab::Matrix;

use crate::tol;

/// The workbook's matrix as an nalgebra matrix (same shape, same entries).
pub fn to_dmatrix(a: &Matrix) -> DMatrix<f64> {
    DMatrix::from_row_slice(a.nrows(), a.ncols(), a.as_slice())
}

/// The matrix whose columns are `columns`, each of length `p` (also when there are none).
pub fn from_columns(p: usize, columns: &[Vec<f64>]) -> DMatrix<f64> {
    DMatrix::from_fn(p, columns.len(), |i, j| columns[j][i])
}

/// Singular values in decreasing order, from the values-only path; empty for an empty matrix.
pub fn singular_values(b: &DMatrix<f64>) -> Vec<f64> {
    if b.is_empty() {
        return Vec::new();
    }
    let mut s: Vec<f64> = b.singular_values().iter().copied().collect();
    s.sort_by(|x, y| y.total_cmp(x));
    s
}

/// The numerical rank of `b`: singular values above [`tol::rank_cutoff`].
pub fn numerical_rank(b: &DMatrix<f64>) -> usize {
    let s = singular_values(b);
    let Some(&top) = s.first() else { return 0 };
    let cutoff = tol::rank_cutoff(b.nrows(), b.ncols(), top);
    s.iter().filter(|&&x| x > cutoff).count()
}

/// κ₂ of a matrix of full column rank, σ₁/σ_k; 1 for a matrix without columns.
pub fn condition(b: &DMatrix<f64>) -> f64 {
    let s = singular_values(b);
    match (s.first(), s.last()) {
        (Some(&top), Some(&bottom)) if b.ncols() <= b.nrows() => top / bottom,
        (Some(_), Some(_)) => f64::INFINITY,
        _ => 1.0,
    }
}

/// The orthogonal projector onto the span of the columns of `b`, which must be
/// independent: `Q Qᵀ` with `Q` from nalgebra's Householder QR.
pub fn projector(b: &DMatrix<f64>) -> DMatrix<f64> {
    let p = b.nrows();
    if b.ncols() == 0 {
        return DMatrix::zeros(p, p);
    }
    let q = b.clone().qr().q();
    &q * q.transpose()
}

/// `I − P`: the projector onto the orthogonal complement.
pub fn complement(projector: &DMatrix<f64>) -> DMatrix<f64> {
    DMatrix::identity(projector.nrows(), projector.ncols()) - projector
}

/// The spectral norm ‖M‖₂ (the largest singular value); 0 for an empty matrix.
pub fn norm2(m: &DMatrix<f64>) -> f64 {
    singular_values(m).first().copied().unwrap_or(0.0)
}

/// The distance of `v` from the subspace with projector `p`, relative to ‖v‖: ‖(I − P)v‖ / ‖v‖ ∈ [0, 1].
pub fn relative_distance(p: &DMatrix<f64>, v: &[f64]) -> f64 {
    let x = nalgebra::DVector::from_column_slice(v);
    let off = &x - p * &x;
    let nv = tol::norm2(v);
    if nv == 0.0 { 0.0 } else { tol::norm2(off.as_slice()) / nv }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_basis_of_a_plane_has_the_same_projector() {
        let b1 = from_columns(3, &[vec![1.0, 0.0, 0.0], vec![0.0, 1.0, 0.0]]);
        let b2 = from_columns(3, &[vec![2.0, 2.0, 0.0], vec![-3.0, 1.0, 0.0]]);
        assert!(norm2(&(projector(&b1) - projector(&b2))) < 1e-15);
        let line = from_columns(3, &[vec![0.0, 0.0, 5.0]]);
        assert!((norm2(&(projector(&b1) - projector(&line))) - 1.0).abs() < 1e-15);
        assert_eq!(numerical_rank(&from_columns(2, &[vec![1.0, 2.0], vec![2.0, 4.0]])), 1);
        assert_eq!(relative_distance(&projector(&b1), &[0.0, 0.0, 3.0]), 1.0);
    }
}
