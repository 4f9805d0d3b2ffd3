//! Lesson 11, exercise 5: numerical rank and the 2-norm condition number.
//!
//! In exact arithmetic the rank is the number of nonzero singular values.
//! In floating point a matrix of rank 2 comes back with a third singular
//! value of about $10^{-16}\sigma_1$, not $0$: the question "is it zero?"
//! needs a tolerance. The SVD is the right place to ask it, because a
//! singular value is the DISTANCE to the nearest matrix of lower rank
//! ($\sigma_{k+1} = \min_{\operatorname{rank} B \le k} \lVert A - B \rVert_2$,
//! Eckart–Young): when $\sigma_{k+1}$ is below what rounding has already
//! changed in $A$, about $\max(m, n)\,\epsilon\,\sigma_1$, the data cannot
//! tell $A$ from a matrix of rank $k$. Lesson 4's RREF decided each pivot
//! on its own; here one number per direction decides.
//!
//! The 2-norm condition number is
//! $\kappa_2(A) = \sigma_1 / \sigma_{\min}$ with
//! $\sigma_{\min} = \sigma_{\min(m, n)}$: how much a relative change of the
//! data can be amplified in the solution of $Ax = b$ or of a least-squares
//! problem (lessons 5 to 8). It is $\infty$ when $A$ is numerically rank
//! deficient, and $1$ exactly for matrices with orthonormal columns.

use vocab::{LinalgError, Matrix};

use crate::l11::jacobi_svd::jacobi_svd;

/// The numerical rank: the number of singular values above
/// $\max(m, n)\,\epsilon\,\sigma_1$ ($\epsilon$ = `f64::EPSILON`), from your
/// `jacobi_svd`.
///
/// - The zero matrix has rank $0$ (the tolerance is $0$, and nothing is
///   above it).
/// - Never `s[j] != 0.0`: rounding leaves about $10^{-16}\sigma_1$ where
///   exact arithmetic has $0$.
/// - `Err(LinalgError::Empty)` when $A$ has no entries.
/// - Example: $A$ with rows $(1, 2), (2, 4)$: $\sigma = (5, 0)$ (the second
///   one computed as $0$ or about $10^{-16}$), rank $1$.
pub fn numerical_rank(a: &Matrix) -> Result<usize, LinalgError> {
    let (m, n) = a.shape();
    let s = jacobi_svd(a)?.s;
    // Relative to σ₁ = s[0]: the rank of 10⁻²⁰·A is the rank of A.
    let tol = m.max(n) as f64 * f64::EPSILON * s[0];
    Ok(s.iter().filter(|&&x| x > tol).count())
}

/// The 2-norm condition number $\kappa_2(A) = \sigma_1 / \sigma_{\min(m,n)}$,
/// from your `jacobi_svd`.
///
/// - `f64::INFINITY` when $A$ is numerically rank deficient (your
///   `numerical_rank` rule: fewer than $\min(m, n)$ singular values above
///   the tolerance), the zero matrix included.
/// - At least $1$; exactly $1$ in exact arithmetic for orthonormal columns.
/// - `Err(LinalgError::Empty)` when $A$ has no entries.
/// - Example: $\operatorname{diag}(10, 0.1)$ has $\kappa_2 = 100$; rows
///   $(1, 2), (2, 4)$ give $\infty$.
pub fn cond_2(a: &Matrix) -> Result<f64, LinalgError> {
    let (m, n) = a.shape();
    let s = jacobi_svd(a)?.s;
    // The same rule as numerical_rank: rank deficient means infinitely ill conditioned.
    let tol = m.max(n) as f64 * f64::EPSILON * s[0];
    if s.iter().filter(|&&x| x > tol).count() < s.len() {
        return Ok(f64::INFINITY);
    }
    Ok(s[0] / s[s.len() - 1])
}
