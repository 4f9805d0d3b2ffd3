//! Lesson 9, exercise 3: the Rayleigh quotient.
//!
//! If $v$ is an eigenvector, $\lambda$ can be read off it: $Av = \lambda v$
//! gives $v^\top A v = \lambda\, v^\top v$. For any $x \ne 0$,
//! $$\rho(x) = \frac{x^\top A x}{x^\top x}$$
//! is the number $\mu$ that makes $\lVert Ax - \mu x \rVert$ smallest (the
//! least-squares solution of $x\mu \approx Ax$, lesson 6), the best
//! eigenvalue estimate that $x$ offers. For a symmetric matrix it is better
//! still: when $x$ is within an angle $\varepsilon$ of an eigenvector,
//! $\rho(x)$ is within $O(\varepsilon^2)$ of its eigenvalue, because $\rho$
//! is stationary at eigenvectors. And it lies between the smallest
//! and the largest eigenvalue: the largest eigenvalue is the maximum of
//! $\rho$ over all $x \ne 0$ (Rayleigh, Courant–Fischer). The power method
//! of lesson 10 estimates its eigenvalue this way, sign included.

use vocab::{LinalgError, Matrix};

use crate::l01::scale_vector::scale;
use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;
use crate::l03::matrix_vector::mat_vec_rows;

/// The Rayleigh quotient $\rho(x) = x^\top A x / x^\top x$.
///
/// - `a` is $n \times n$, `x` has length $n$. $A$ need not be symmetric
///   ($x^\top A x = x^\top A^\top x$, so only the symmetric part of $A$
///   counts).
/// - Normalise first: $u = x / \lVert x \rVert_2$ (your lesson-2 `norm_l2` and
///   lesson-1 `scale`), then $\rho = u \cdot (Au)$ (your `dot` and
///   `mat_vec_rows`). The checks pass $x$ near $2^{\pm 600}$, where
///   $x^\top x$ itself overflows to ∞ or underflows to 0.
/// - The result does not change when $x$ is scaled; it has the sign of the
///   eigenvalue when $x$ is an eigenvector ($\rho(v) = \lambda$).
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: n, found: x.len() })`
///   when the length is wrong; `Err(LinalgError::ZeroVector)` when every
///   entry of `x` is 0 (the empty vector included).
/// - Example: rows $(2, 1), (1, 2)$ and $x = (1, 0)$: $x^\top A x = 2$,
///   $x^\top x = 1$, $\rho = 2$, between the eigenvalues 1 and 3. With
///   $x = (1, 1)$, an eigenvector: $\rho = 6/2 = 3$.
pub fn rayleigh_quotient(a: &Matrix, x: &[f64]) -> Result<f64, LinalgError> {
    // TODO: refuse bad shapes and x = 0; u = x / norm_l2(x); return dot(u, A·u).
    todo!("lesson 09: rayleigh_quotient")
}
