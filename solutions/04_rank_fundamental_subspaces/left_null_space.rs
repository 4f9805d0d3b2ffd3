//! Lesson 4, exercise 6: a basis of the left null space.
//!
//! The left null space $N(A^\top) = \{ y : A^\top y = 0 \}$, equivalently
//! $y^\top A = 0$, holds the combinations of the rows of $A$ that give the zero
//! row. It is the fourth fundamental subspace, and the null space of $A^\top$,
//! so your `null_space` computes it once you transpose.

use vocab::Matrix;

use crate::l04::null_space::null_space;

/// A basis of the left null space $N(A^\top) \subseteq \mathbb{R}^m$: your null space of $A^\top$.
///
/// - Returned as an $m \times (m - r)$ matrix whose columns are the basis
///   vectors. Full row rank gives `Matrix::zeros(m, 0)`.
/// - $A^\top$ is the $n \times m$ matrix with entry $(i, j)$ equal to $a_{ji}$.
/// - Example: $A = \begin{pmatrix} 1 & 2 \\ 2 & 4 \\ 3 & 6 \end{pmatrix}$ has rank 1,
///   so the left null space has dimension 2; the basis $(-2, 1, 0)$, $(-3, 0, 1)$
///   says row 1 = 2·row 0 and row 2 = 3·row 0.
pub fn left_null_space(a: &Matrix) -> Matrix {
    let transpose = Matrix::from_fn(a.ncols(), a.nrows(), |i, j| a[(j, i)]);
    null_space(&transpose)
}
