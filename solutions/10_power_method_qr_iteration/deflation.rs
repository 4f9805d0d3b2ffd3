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
    let (rows, cols) = a.shape();
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    if v.len() != rows {
        return Err(LinalgError::DimensionMismatch { expected: rows, found: v.len() });
    }
    let vv = dot(v, v);
    if vv == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    // λ v vᵀ / vᵀv: the rank-one piece of A along v.
    let f = lambda / vv;
    Ok(Matrix::from_fn(rows, cols, |i, j| a[(i, j)] - f * v[i] * v[j]))
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
    let (lambda0, v0, _) = power_iteration(a, x0, max_iter, tol)?;
    let b = deflate(a, lambda0, &v0)?;
    let (lambda1, v1, _) = power_iteration(&b, x0, max_iter, tol)?;
    Ok(((lambda0, v0), (lambda1, v1)))
}
