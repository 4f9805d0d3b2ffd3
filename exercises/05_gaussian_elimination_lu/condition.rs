//! Lesson 5, exercise 7: how far to trust a solution, the condition number
//! $\kappa_1(A) = \lVert A \rVert_1 \lVert A^{-1} \rVert_1$, estimated without
//! computing $A^{-1}$.
//!
//! Partial pivoting makes elimination *backward stable* in practice: the
//! computed $x$ solves a system $(A + E)x = b$ with $\lVert E \rVert$ typically
//! about $n\,u\, \lVert A \rVert$, $u \approx 1.1 \cdot 10^{-16}$ (the
//! worst case grows with the growth factor). How far that $x$ is from
//! the true solution depends on the matrix, not on the algorithm: the relative
//! error can be $\kappa(A)$ times larger. With $\kappa = 10^{10}$, expect about
//! six correct digits out of sixteen, whatever backward-stable solver you use.
//!
//! $\lVert A \rVert_1$, the largest absolute column sum, is cheap. Computing
//! $A^{-1}$ for its norm would cost three times as much as the factorization.
//! Hager's method (1984), with Higham's refinements (LAPACK's `xLACN2`,
//! behind `gecon` and MATLAB's `rcond`), instead *estimates*
//! $\lVert A^{-1} \rVert_1 = \max_{\lVert x \rVert_1 = 1} \lVert A^{-1} x \rVert_1$
//! by a few solves with $A$ and $A^\top$. Each candidate $\lVert A^{-1} x \rVert_1 /
//! \lVert x \rVert_1$ is a true lower bound, and the search is usually exact
//! after two or three steps.

use vocab::{LinalgError, Matrix};

use crate::l05::lu::lu;
use crate::l05::lu_solve::{lu_solve, lu_solve_transpose};

/// $\lVert A \rVert_1 = \max_j \sum_i |a_{ij}|$, the largest absolute column sum.
///
/// - It is the largest factor by which $A$ stretches the 1-norm of a vector:
///   $\lVert Ax \rVert_1 \le \lVert A \rVert_1 \lVert x \rVert_1$, with equality for
///   $x = e_j$, $j$ the heaviest column.
/// - Any shape; `0.0` for a matrix without columns (or rows).
/// - Example: rows $(1, -2)$ and $(3, 4)$: the column sums are $4$ and $6$, so
///   $\lVert A \rVert_1 = 6$ (the row sums, $3$ and $7$, would give the
///   $\infty$-norm instead).
pub fn norm_1(a: &Matrix) -> f64 {
    // TODO: add up |a_ij| down each column; return the largest sum (0.0 without columns).
    todo!("lesson 05: norm_1")
}

/// An estimate of $\kappa_1(A) = \lVert A \rVert_1 \lVert A^{-1} \rVert_1$: your
/// [`norm_1`] of `a` times Hager's estimate of $\lVert A^{-1} \rVert_1$, with
/// one factorization by your `lu` and solves by your `lu_solve` ($A^{-1}x$) and
/// `lu_solve_transpose` ($A^{-\top}x$).
///
/// The estimate of $\lVert A^{-1} \rVert_1$ ($n \ge 2$; for $n = 1$ it is
/// $|1/a_{00}|$, exactly):
/// 1. $x = (1/n, \dots, 1/n)$; $y = A^{-1} x$; $\text{est} = \lVert y \rVert_1$.
/// 2. $\xi = \operatorname{sign}(y)$ (with $\operatorname{sign}(0) = 1$),
///    $z = A^{-\top} \xi$, $j$ = the index of the largest $|z_j|$.
/// 3. Repeat at most 4 times (5 solves with $A$ so far): $y = A^{-1} e_j$.
///    Stop if $\lVert y \rVert_1 \le \text{est}$ (no progress). Otherwise
///    $\text{est} = \lVert y \rVert_1$; stop if $\operatorname{sign}(y) = \xi$
///    (the same sign vector again: converged); otherwise
///    $\xi = \operatorname{sign}(y)$, $z = A^{-\top} \xi$, and stop if the
///    largest $|z_j|$ is at the same $j$ as before (or ties with it); else
///    take the new $j$.
/// 4. Higham's safeguard for matrices that fool the search: with
///    $x_i = (-1)^i \bigl(1 + i/(n-1)\bigr)$, $\text{est} = \max\bigl(\text{est},\
///    2\lVert A^{-1} x \rVert_1 / (3n)\bigr)$.
///
/// - Every candidate is a ratio $\lVert A^{-1} x \rVert_1 / \lVert x \rVert_1$, so
///   the result never exceeds $\kappa_1(A)$ (up to rounding), and it is usually
///   equal to it. The checks also ask that it be no smaller than
///   $\kappa_1(A) / 30$.
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::Singular { column: k })` when $A$ is singular (an exact
///   zero $u_{kk}$ in its LU factorization: $\kappa_1 = \infty$). The checks
///   never pass an empty matrix.
/// - Example: $A = \operatorname{diag}(1, 10^{-3})$ has $\lVert A \rVert_1 = 1$
///   and $\lVert A^{-1} \rVert_1 = 1000$: step 1 finds $y = (0.5, 500)$,
///   step 2 points at $j = 1$, step 3 finds $\lVert A^{-1} e_1 \rVert_1 = 1000$,
///   and the estimate is exactly $\kappa_1 = 1000$.
pub fn cond_1_estimate(a: &Matrix) -> Result<f64, LinalgError> {
    // TODO: your lu; Hager's steps 1–4 from the doc with your lu_solve and lu_solve_transpose; times your norm_1(a).
    todo!("lesson 05: cond_1_estimate")
}
