//! Lesson 11, exercise 1: the SVD from the eigendecomposition of $A^\top A$.
//!
//! Every matrix has a singular value decomposition, and the proof is
//! lesson 9's spectral theorem: $A^\top A$ is symmetric and positive semidefinite
//! ($x^\top A^\top A x = \lVert Ax \rVert^2 \ge 0$), so
//! $A^\top A = V \Lambda V^\top$ with orthonormal $V$ and eigenvalues
//! $\lambda_1 \ge \dots \ge \lambda_n \ge 0$. Put
//! $\sigma_j = \sqrt{\lambda_j}$ and, when $\sigma_j > 0$,
//! $u_j = A v_j / \sigma_j$. These $u_j$ are orthonormal:
//! $u_i^\top u_j = v_i^\top A^\top A v_j / (\sigma_i \sigma_j)
//! = \lambda_j v_i^\top v_j / (\sigma_i \sigma_j) = \delta_{ij}$. And
//! $A v_j = \sigma_j u_j$ for every $j$ is $AV = U\Sigma$, that is
//! $A = U \Sigma V^\top$: $V^\top$ rotates, $\Sigma$ stretches the axes,
//! $U$ rotates again.
//!
//! This is a proof, and a poor algorithm. Forming $A^\top A$ squares the
//! condition number: the eigenvalues come back with errors of about
//! $u\,\sigma_1^2$, so a singular value $\sigma_j$ keeps only about
//! $u\,\kappa^2$ relative accuracy ($\kappa = \sigma_1/\sigma_j$), and one
//! below $\sqrt u\,\sigma_1 \approx 10^{-8}\sigma_1$ is lost entirely.
//! Exercise 2 computes the same factors without $A^\top A$.

use vocab::{LinalgError, Matrix, Svd};

use crate::l03::transpose::transpose;
use crate::l06::normal_equations::gram;
use crate::l10::symmetric_eigen::symmetric_eigen;

/// The thin SVD $A = U\Sigma V^\top$ through your `symmetric_eigen` of the
/// Gram matrix: the textbook construction, accurate only when $A$ is well
/// conditioned.
///
/// - Shapes as in every SVD of this lesson: $k = \min(m, n)$, `u` is
///   $m \times k$ with orthonormal columns, `s` has length $k$,
///   non-increasing and $\ge 0$, `vt` is $k \times n$ with orthonormal rows.
/// - Tall or square ($m \ge n$): your `symmetric_eigen` of your lesson-6
///   `gram(a)` $= A^\top A$ gives $V$ and $\lambda_j$ (non-increasing);
///   $\sigma_j = \sqrt{\max(\lambda_j, 0)}$.
/// - CLAMP before the square root: $A^\top A$ is positive semidefinite in
///   exact arithmetic, but a computed eigenvalue that should be $0$ comes
///   out as $\pm$ a few $u\,\lambda_1$, and `(-1e-17_f64).sqrt()` is NaN.
/// - $u_j = A v_j / \sigma_j$ only when $\lambda_j > \tau = \max(m, n)\,
///   \epsilon\,\lambda_1$ ($\epsilon$ = `f64::EPSILON`): below $\tau$ the
///   eigenvalue is rounding noise, $Av_j$ is noise too, and dividing would
///   make a vector of any length in any direction. Those $u_j$ are completed
///   instead: the unit vector $e_i$ least covered by the $u$'s so far, with
///   its components along them removed twice (Gram–Schmidt twice, lesson 7),
///   normalised. $\sigma_j$ keeps its (tiny) value.
/// - Wide ($m < n$): the same with the roles swapped, from the $m \times m$
///   matrix $AA^\top$ (`gram` of your `transpose(a)`): its eigenvectors are
///   $U$, and $v_j = A^\top u_j / \sigma_j$.
/// - `Err(LinalgError::Empty)` when $A$ has no entries; your
///   `symmetric_eigen`'s `NotConverged` passes through.
/// - Example: $A$ with rows $(3, 0), (4, 5)$: $A^\top A$ has rows
///   $(25, 20), (20, 25)$, eigenvalues $45$ and $5$, so
///   $\Sigma = \operatorname{diag}(3\sqrt 5, \sqrt 5)$, with
///   $v_1 = (1, 1)/\sqrt 2$ and $u_1 = Av_1/\sigma_1 = (1, 3)/\sqrt{10}$
///   (up to signs).
pub fn svd_via_eigen(a: &Matrix) -> Result<Svd, LinalgError> {
    // TODO: refuse empty; wide: factor the transpose and swap; else your symmetric_eigen of your gram(a), σ = √max(λ, 0), u_j = A v_j/σ_j for λ_j > max(m, n)·ε·λ₁, completed below.
    todo!("lesson 11: svd_via_eigen")
}
