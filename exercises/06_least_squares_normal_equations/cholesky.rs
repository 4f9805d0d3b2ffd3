//! Lesson 6, exercise 2: the Cholesky factorization $A = LL^\top$.
//!
//! A symmetric positive definite matrix (such as a Gram matrix $A^\top A$
//! with independent columns) is the product $LL^\top$ of a lower triangular
//! $L$ with a positive diagonal and its transpose, and this $L$ is unique.
//! Reading off entry $(i, j)$, $i \ge j$, of $LL^\top = A$ gives
//! $a_{ij} = \sum_{k \le j} \ell_{ik} \ell_{jk}$, which can be solved for one
//! new entry at a time, column by column:
//!
//! $$\ell_{jj} = \sqrt{a_{jj} - \sum_{k<j} \ell_{jk}^2}, \qquad
//! \ell_{ij} = \Bigl(a_{ij} - \sum_{k<j} \ell_{ik}\ell_{jk}\Bigr) / \ell_{jj}
//! \quad (i > j).$$
//!
//! It is Gaussian elimination that uses the symmetry: about $n^3/3$ flops,
//! half the cost of LU, and no pivoting, because the pivots of a positive
//! definite matrix are positive and $\ell_{ij}^2 \le a_{ii}$ keeps every entry
//! bounded. The quantity under the square root is the pivot; when it is not
//! positive, the matrix is not positive definite, so Cholesky is also the
//! cheapest test of positive definiteness.

use vocab::{LinalgError, Matrix};

use crate::l02::dot_product::dot;

/// The Cholesky factor $L$ of a symmetric positive definite $A$: lower
/// triangular with a positive diagonal, and $LL^\top = A$.
///
/// - `a` is $n \times n$, and only its lower triangle (diagonal included) is
///   read: $A$ is taken to be symmetric, and whatever lies above the diagonal
///   is ignored.
/// - The result is $n \times n$ with exact `0.0` above the diagonal and
///   $\ell_{jj} > 0$. The $0 \times 0$ matrix has the $0 \times 0$ factor.
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square.
/// - `Err(LinalgError::NotPositiveDefinite { column: j })` at the first
///   column $j$ whose pivot $d_j = a_{jj} - \sum_{k<j} \ell_{jk}^2$ is not a
///   positive finite number ($d_j \le 0$, NaN or infinite): $A$ is not
///   positive definite (or not finite), and $\sqrt{d_j}$ would be NaN, 0 or
///   infinite. No tolerance: a tiny positive pivot is accepted.
/// - Example: rows $(4, 2, 2), (2, 5, 3), (2, 3, 6)$ give $L$ with rows
///   $(2, 0, 0), (1, 2, 0), (1, 1, 2)$. Rows $(1, 2), (2, 1)$ are refused with
///   `column: 1`: the pivot there is $1 - 2^2 = -3$.
pub fn cholesky(a: &Matrix) -> Result<Matrix, LinalgError> {
    // TODO: column by column: pivot d = a_jj − Σ l_jk², refuse d ≤ 0 or not finite, l_jj = √d, l_ij = (a_ij − Σ l_ik·l_jk) / l_jj.
    todo!("lesson 06: cholesky")
}
