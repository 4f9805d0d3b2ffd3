//! Lesson 10, exercise 1: the power method.
//!
//! Multiply a vector by $A$ again and again. Write $x_0 = \sum_i c_i v_i$ in
//! the eigenvectors of $A$ (assume it has a basis of them, with
//! $|\lambda_0| > |\lambda_1| \ge \dots$, and that $c_0 \ne 0$). Then
//! $$A^k x_0 = \lambda_0^k \Big( c_0 v_0 + \sum_{i \ge 1} c_i
//! \big(\tfrac{\lambda_i}{\lambda_0}\big)^k v_i \Big),$$
//! and every term but the first dies like $|\lambda_1 / \lambda_0|^k$: the
//! direction of $A^k x_0$ turns towards the dominant eigenvector $v_0$,
//! gaining $-\log_{10} |\lambda_1/\lambda_0|$ digits per step. A gap ratio
//! of $0.5$ gives a digit every $3.3$ steps; a ratio of $0.99$ needs 229
//! steps per digit. Normalising each iterate changes nothing but the
//! length, and keeps it from overflowing.
//!
//! The eigenvalue comes from the Rayleigh quotient (lesson 9)
//! $x^\top A x / x^\top x$, which keeps the sign: when the dominant eigenvalue
//! is $-5$, the iterates flip direction at every step and
//! $\lVert A x \rVert \to 5$, but $x^\top A x \to -5$. For a symmetric $A$
//! it is also twice as accurate as the vector: an error $\varepsilon$ in the
//! direction gives an error of order $\varepsilon^2$ in the quotient.
//!
//! Google's PageRank is this method, on a matrix with billions of columns:
//! one product with a sparse matrix per step, nothing else.

use vocab::{LinalgError, Matrix};

use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;
use crate::l03::matrix_vector::mat_vec_rows;

/// One step of the power method from `x`: `(next, lambda)` with
/// $\text{next} = Ax / \lVert Ax \rVert_2$ and
/// $\lambda = x^\top A x / x^\top x$, the Rayleigh quotient of `x`.
///
/// - One product $y = Ax$ (your lesson-3 `mat_vec_rows`) serves both:
///   $\lambda = x^\top y / x^\top x$, and `next` is $y$ normalised.
/// - `x` need not be a unit vector. $\lambda$ keeps its sign: never use
///   $\lVert Ax \rVert$ or $|x^\top A x|$ for it.
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: n, found: x.len() })`
///   when `x` does not have length $n$; `Err(LinalgError::ZeroVector)` when
///   `x` is zero or $Ax = 0$ (there is no direction to return).
/// - Example: $A = \mathrm{diag}(-5, 1)$, $x = (1, 1)$: $Ax = (-5, 1)$,
///   $\lambda = (-5 + 1)/2 = -2$, $\text{next} = (-5, 1)/\sqrt{26}$.
pub fn power_step(a: &Matrix, x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    let (rows, cols) = a.shape();
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    if x.len() != rows {
        return Err(LinalgError::DimensionMismatch { expected: rows, found: x.len() });
    }
    let xx = dot(x, x);
    if xx == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    let y = mat_vec_rows(a, x)?;
    // The Rayleigh quotient, sign and all, from the same product.
    let lambda = dot(x, &y) / xx;
    let norm = norm_l2(&y);
    if norm == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    Ok((y.iter().map(|yi| yi / norm).collect(), lambda))
}

/// The dominant eigenpair of `a` by the power method from `x0`:
/// `(lambda, v, iterations)`, with `v` a unit vector, $Av \approx \lambda v$,
/// and `iterations` the number of [`power_step`]s taken.
///
/// - Start from $x = x_0 / \lVert x_0 \rVert$. Step $k = 1, 2, \dots$: your
///   [`power_step`] gives $(x', \lambda)$. Stop as soon as
///   $\lVert x' - \mathrm{sign}(\lambda)\, x \rVert_2 \le$ `tol`
///   (with $\mathrm{sign}(0) = +1$) and return $(\lambda, x', k)$; else go on
///   from $x'$. The sign is there because a negative dominant eigenvalue
///   flips the iterate at every step: $x' \approx -x$, not $x$.
/// - That test is the relative residual in disguise: for a unit $x$,
///   $x' - \mathrm{sign}(\lambda) x \approx (Ax - \lambda x)/|\lambda|$.
/// - `lambda` keeps its sign: a matrix whose dominant eigenvalue is $-5$
///   gives $-5$, not $5$.
/// - At most `max_iter` steps; when the test has not passed by then,
///   `Err(LinalgError::NotConverged { iterations: max_iter, residual })` with
///   the last $\lVert x' - \mathrm{sign}(\lambda) x \rVert$ (infinity when
///   `max_iter` is 0). This happens when $|\lambda_0| = |\lambda_1|$
///   ($\pm$ pairs, complex pairs) or when the gap is too small for the budget.
/// - Errors of [`power_step`] (shapes, a zero `x0`, $Ax = 0$) are passed on.
/// - Example: $A = \mathrm{diag}(2, 1)$, $x_0 = (1, 1)$: the iterates are
///   $(2^k, 1)$ normalised, the error halves at every step, and with
///   `tol = 1e-10` the method returns $\lambda \approx 2$ and
///   $v \approx (1, 0)$ after 34 steps.
pub fn power_iteration(
    a: &Matrix,
    x0: &[f64],
    max_iter: usize,
    tol: f64,
) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    let (rows, cols) = a.shape();
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    if x0.len() != rows {
        return Err(LinalgError::DimensionMismatch { expected: rows, found: x0.len() });
    }
    let norm = norm_l2(x0);
    if norm == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    let mut x: Vec<f64> = x0.iter().map(|xi| xi / norm).collect();
    let mut residual = f64::INFINITY;
    for k in 1..=max_iter {
        let (next, lambda) = power_step(a, &x)?;
        // A negative λ flips the iterate: compare with sign(λ)·x.
        let sign = if lambda < 0.0 { -1.0 } else { 1.0 };
        residual = norm_l2(&next.iter().zip(&x).map(|(p, q)| p - sign * q).collect::<Vec<f64>>());
        if residual <= tol {
            return Ok((lambda, next, k));
        }
        x = next;
    }
    Err(LinalgError::NotConverged { iterations: max_iter, residual })
}
