//! Lesson 4, exercise 3: a basis of the column space.
//!
//! The column space $C(A) = \{ Ax \}$ is everything $A$ can reach: $Ax = b$ has
//! a solution exactly when $b \in C(A)$. Row operations change the columns, so
//! they change $C(A)$, but they keep every linear relation between the columns:
//! if column 2 of $R$ is column 0 plus column 1, so is column 2 of $A$. Hence
//! the pivot columns of $R$ say which columns of $A$ form a basis.

use vocab::Matrix;

use crate::l04::rref::rref;

/// A basis of the column space $C(A) \subseteq \mathbb{R}^m$: the pivot columns of `a` itself.
///
/// - Returned as an $m \times r$ matrix ($r$ the rank) whose columns are the
///   basis vectors: column `k` is column `pivots[k]` of `a`, pivots in
///   increasing order. Rank 0 gives `Matrix::zeros(m, 0)`.
/// - Take the columns of $A$, not of $R$: the pivot columns of $R$ are
///   $e_0, \dots, e_{r-1}$, a basis of a different space unless $r = m$.
/// - Example: $A = \begin{pmatrix} 1 & 2 & 3 \\ 2 & 4 & 7 \end{pmatrix}$ has pivots
///   `[0, 2]`, so the basis is the columns $(1, 2)$ and $(3, 7)$.
pub fn column_space(a: &Matrix) -> Matrix {
    let (_, pivots) = rref(a);
    // `from_fn` keeps the m rows even when there are no pivots, where
    // `Matrix::from_columns(&[])` would give a 0×0 matrix.
    Matrix::from_fn(a.nrows(), pivots.len(), |i, k| a[(i, pivots[k])])
}
