//! Lesson 10, exercise 2: shifted inverse iteration.
//!
//! The power method finds the eigenvalue of largest modulus, slowly when the
//! next one is close. Apply it to $(A - \sigma I)^{-1}$ instead: its
//! eigenvalues are $1/(\lambda_i - \sigma)$, with the same eigenvectors, so
//! the dominant one belongs to the eigenvalue of $A$ *nearest the shift*
//! $\sigma$, and the rate is $|\lambda_i - \sigma| / |\lambda_j - \sigma|$
//! ($\lambda_i$ the nearest, $\lambda_j$ the second nearest): as small as
//! you like when $\sigma$ is a good guess. That is what shifts buy.
//!
//! Never form the inverse. Factor $A - \sigma I = P^\top L U$ once with your
//! lesson-5 `lu` ($2n^3/3$ flops) and solve with `lu_solve` at every step
//! ($2n^2$ flops). The closer $\sigma$ is to an eigenvalue, the more
//! ill-conditioned $A - \sigma I$ is, and the less accurate each solve; this
//! does no harm: the error of the solve lies mostly along the eigenvector
//! wanted, and only the direction of the solution is kept (Parlett, *The
//! Symmetric Eigenvalue Problem*, §4.3).

use vocab::{LinalgError, Matrix};

use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;
use crate::l05::lu::lu;
use crate::l05::lu_solve::lu_solve;
use crate::l09::rayleigh::rayleigh_quotient;

/// The eigenpair of `a` whose eigenvalue is nearest `shift`, by inverse
/// iteration from `x0`: `(lambda, v, iterations)`, `v` a unit vector.
///
/// - Factor $A - \sigma I$ ONCE with your lesson-5 `lu`, before the loop.
///   Step $k = 1, 2, \dots$: $y$ = your `lu_solve` of $x$, then
///   $x' = y / \lVert y \rVert$ and $\theta = x^\top y$ (the Rayleigh quotient
///   of $(A - \sigma I)^{-1}$, whose sign says whether $y$ flipped). Stop as
///   soon as $\lVert x' - \mathrm{sign}(\theta)\, x \rVert \le$ `tol`, as in
///   your `power_iteration`.
/// - Start from $x = x_0 / \lVert x_0 \rVert$. Return
///   $\lambda = x'^\top A x'$ (your lesson-9 `rayleigh_quotient` of $A$ at
///   the returned unit vector $x'$), $x'$, and the number of steps $k$.
/// - At most `max_iter` steps, then
///   `Err(LinalgError::NotConverged { iterations: max_iter, residual })` with
///   the last $\lVert x' - \mathrm{sign}(\theta) x \rVert$ (infinity when
///   `max_iter` is 0). Two eigenvalues equally near $\sigma$ end there.
/// - `Err(LinalgError::NotSquare { rows, cols })`,
///   `Err(LinalgError::DimensionMismatch { expected: n, found: x0.len() })`,
///   `Err(LinalgError::ZeroVector)` for a zero `x0`; when $A - \sigma I$ is
///   exactly singular (the shift *is* an eigenvalue, exactly),
///   `lu_solve`'s `Err(LinalgError::Singular { column })` is passed on.
/// - Example: $A = \mathrm{diag}(1, 2, 4)$, $\sigma = 2.1$: the components
///   along $e_0$ and $e_2$ shrink by $0.1/1.1$ and $0.1/1.9$ per step, more
///   than a digit, and from
///   $x_0 = (1, 1, 1)$ the method returns $\lambda \approx 2$,
///   $v \approx \pm(0, 1, 0)$.
pub fn inverse_iteration(
    a: &Matrix,
    shift: f64,
    x0: &[f64],
    max_iter: usize,
    tol: f64,
) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    let (rows, cols) = a.shape();
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    let n = rows;
    if x0.len() != n {
        return Err(LinalgError::DimensionMismatch { expected: n, found: x0.len() });
    }
    let norm = norm_l2(x0);
    if norm == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    // A − σI, factored once: every step is then two triangular solves.
    let shifted = Matrix::from_fn(n, n, |i, j| if i == j { a[(i, j)] - shift } else { a[(i, j)] });
    let factors = lu(&shifted)?;
    let mut x: Vec<f64> = x0.iter().map(|xi| xi / norm).collect();
    let mut residual = f64::INFINITY;
    for k in 1..=max_iter {
        let y = lu_solve(&factors, &x)?;
        let ny = norm_l2(&y);
        if ny == 0.0 || !ny.is_finite() {
            // Only a NaN or infinite entry gets here: nothing sensible to iterate on.
            return Err(LinalgError::NotConverged { iterations: k, residual: f64::NAN });
        }
        let next: Vec<f64> = y.iter().map(|yi| yi / ny).collect();
        let sign = if dot(&x, &y) < 0.0 { -1.0 } else { 1.0 };
        residual = norm_l2(&next.iter().zip(&x).map(|(p, q)| p - sign * q).collect::<Vec<f64>>());
        if residual <= tol {
            // The Rayleigh quotient of A itself at the unit vector found.
            let lambda = rayleigh_quotient(a, &next)?;
            return Ok((lambda, next, k));
        }
        x = next;
    }
    Err(LinalgError::NotConverged { iterations: max_iter, residual })
}
