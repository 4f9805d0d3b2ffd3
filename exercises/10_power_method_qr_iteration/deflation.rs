//! Lesson 10, exercise 3: deflation.
//!
//! The power method finds one eigenpair. To find the next, remove the one
//! found. For a symmetric $A = \sum_i \lambda_i v_i v_i^\top$ (orthonormal
//! $v_i$, the spectral theorem), Hotelling's deflation
//! $$B = A - \lambda_0 v_0 v_0^\top$$
//! has the same eigenvectors, with $\lambda_0$ replaced by $0$: $B v_0 = 0$
//! and $B v_i = \lambda_i v_i$ for $i \ge 1$ (because $v_0^\top v_i = 0$).
//! The power method on $B$ then converges to $(\lambda_1, v_1)$, at the rate
//! $|\lambda_2/\lambda_1|$.
//!
//! The errors add up: $v_0$ and $\lambda_0$ are only as accurate as the
//! tolerance that produced them, and $B$ inherits their error, so each
//! further deflation is a little less accurate than the one before. Fine for
//! the top two or three eigenpairs; for all of them, QR iteration (the next
//! exercises) works on all the eigenvalues at once. For a non-symmetric $A$
//! the eigenvectors are not orthogonal and this $B$ changes the other
//! eigenvectors too (Wielandt's deflation handles that case).

use vocab::{LinalgError, Matrix};

use crate::l02::dot_product::dot;
use crate::l10::power_iteration::power_iteration;

/// Hotelling's deflation: $B = A - \lambda\, \hat v \hat v^\top$ with
/// $\hat v = v / \lVert v \rVert$.
///
/// - Normalise `v` first (it need not be a unit vector): entry $(i, j)$ of
///   $B$ is $a_{ij} - \lambda v_i v_j / v^\top v$.
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: n, found: v.len() })`;
///   `Err(LinalgError::ZeroVector)` when `v` is zero.
/// - Example: $A$ with rows $(2, 1), (1, 2)$, $\lambda = 3$, $v = (1, 1)$:
///   $B = A - 1.5 \begin{pmatrix} 1 & 1 \\ 1 & 1 \end{pmatrix}$ has rows
///   $(0.5, -0.5), (-0.5, 0.5)$, whose eigenvalues are $1$ (along
///   $(1, -1)$) and $0$ (along $v$).
pub fn deflate(a: &Matrix, lambda: f64, v: &[f64]) -> Result<Matrix, LinalgError> {
    // TODO: refuse bad input and v = 0; entry (i, j) = a_ij − λ·v_i·v_j / vᵀv.
    todo!("lesson 10: deflate")
}

/// The two dominant eigenpairs of a symmetric `a`: your `power_iteration`
/// from `x0` gives $(\lambda_0, v_0)$, your [`deflate`] removes it, and
/// `power_iteration` on the deflated matrix, from `x0` again, gives
/// $(\lambda_1, v_1)$. Returns `((lambda0, v0), (lambda1, v1))`.
///
/// - Both runs with the same `max_iter` and `tol`; any error of
///   `power_iteration` (`NotConverged` among them) is passed on.
/// - Meant for symmetric `a` with $|\lambda_0| > |\lambda_1| > |\lambda_2|$;
///   then $v_1$ is an eigenvector of $A$ itself, orthogonal to $v_0$.
/// - Example: $A = \mathrm{diag}(3, -2, 1)$, $x_0 = (1, 1, 1)$: the pairs are
///   $(3, \pm e_0)$ and $(-2, \pm e_1)$.
#[allow(clippy::type_complexity)]
pub fn top_two_eigenpairs(
    a: &Matrix,
    x0: &[f64],
    max_iter: usize,
    tol: f64,
) -> Result<((f64, Vec<f64>), (f64, Vec<f64>)), LinalgError> {
    // TODO: your power_iteration, your deflate with that pair, your power_iteration again on the deflated matrix.
    todo!("lesson 10: top_two_eigenpairs")
}
