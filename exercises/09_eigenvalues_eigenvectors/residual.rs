//! Lesson 9, exercise 2: how far a pair $(\lambda, v)$ is from an eigenpair.
//!
//! An eigenvector $v \ne 0$ of $A$ keeps its direction: $Av = \lambda v$. A
//! computed pair never satisfies this exactly, so we measure the residual
//! $r = Av - \lambda v$. Divided by $\lVert v \rVert$ it does not depend on
//! how $v$ is scaled, and it has a clean meaning: $(\lambda, v)$ is an exact
//! eigenpair of $A + E$ for a matrix $E$ with
//! $\lVert E \rVert_2 = \lVert r \rVert / \lVert v \rVert$ (take
//! $E = -r v^\top / v^\top v$). A residual at the level of rounding,
//! $u \lVert A \rVert$, means the pair is as good as any algorithm can
//! deliver: it is a backward error. How close $\lambda$ then is to a true
//! eigenvalue depends on the matrix: within $\lVert r \rVert / \lVert v \rVert$
//! for a symmetric $A$, possibly much further for a non-symmetric one whose
//! eigenvectors are nearly parallel.
//!
//! Every iterative eigen-solver (lesson 10) stops on a test of this kind.

use vocab::{LinalgError, Matrix};

use crate::l01::add_vectors::sub;
use crate::l01::scale_vector::scale;
use crate::l02::vector_norms::norm_l2;
use crate::l03::matrix_vector::mat_vec_rows;

/// The relative eigenpair residual $\lVert Av - \lambda v \rVert_2 / \lVert v \rVert_2$.
///
/// - `a` is $n \times n$, `v` has length $n$. Use your lesson-3
///   `mat_vec_rows`, lesson-1 `sub` and `scale`, and your lesson-2 `norm_l2`
///   (which scales, so $v$ near $10^{\pm 300}$ is fine).
/// - 0 exactly when $Av = \lambda v$ holds exactly; the result does not change
///   when $v$ is multiplied by a nonzero number (up to rounding).
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: n, found: v.len() })`
///   when the length is wrong; `Err(LinalgError::ZeroVector)` when every
///   entry of `v` is 0 (the empty vector included): a zero vector is never
///   an eigenvector.
/// - Example: rows $(2, 1), (1, 2)$, $\lambda = 3$, $v = (1, 1)$: $Av = (3, 3)
///   = 3v$, residual 0. With $\lambda = 2$: $Av - 2v = (1, 1)$, residual
///   $\sqrt 2 / \sqrt 2 = 1$.
pub fn eigen_residual(a: &Matrix, lambda: f64, v: &[f64]) -> Result<f64, LinalgError> {
    // TODO: refuse a non-square a; Av with your mat_vec_rows; ZeroVector if norm_l2(v) == 0; norm_l2(Av − λv) / norm_l2(v).
    todo!("lesson 09: eigen_residual")
}
