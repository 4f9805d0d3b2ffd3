//! Least-squares problems as generated cases: each stored row is
//! `[b_i, a_i0, …, a_i(n−1)]`, so shrinking drops an equation (a row) or an
//! unknown (a column of A; b is never dropped). Shared by lessons 6 and 8.

use vocab::Matrix;

use crate::cases::Case;
use crate::subspace::{self, to_dmatrix};
use crate::{pretty, tol};

/// `(A, b)` from the stored rows.
pub fn parts(c: &Case) -> (Matrix, Vec<f64>) {
    let rows = c.inputs();
    let n = rows.first().map_or(0, |r| r.len() - 1);
    (Matrix::from_fn(rows.len(), n, |i, j| rows[i][j + 1]), rows.iter().map(|r| r[0]).collect())
}

pub fn show(c: &Case) -> String {
    let (a, b) = parts(c);
    format!("{}\nb = {}{}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&b), c.scale_note())
}

pub fn literal(c: &Case) -> String {
    let (a, b) = parts(c);
    format!("{}\nlet b = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&b))
}

/// m ≥ n ≥ 1, finite, independent columns with κ₂(A) ≤ `kappa_max`.
pub fn full_column_rank(c: &Case, kappa_max: f64) -> bool {
    let (a, b) = parts(c);
    let (m, n) = a.shape();
    m >= n
        && n >= 1
        && tol::all_finite(a.as_slice())
        && tol::all_finite(&b)
        && subspace::condition(&to_dmatrix(&a)) <= kappa_max
}
