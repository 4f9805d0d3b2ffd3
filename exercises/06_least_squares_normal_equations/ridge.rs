//! Lesson 6, exercise 7: ridge regression, $(A^\top A + \lambda I)x = A^\top b$.
//!
//! Ridge regression minimises $\lVert Ax - b \rVert_2^2 + \lambda \lVert x \rVert_2^2$:
//! the squared error plus a penalty on large coefficients. Setting the
//! gradient to zero gives the normal equations with $\lambda$ added to the
//! diagonal, $(A^\top A + \lambda I)\, x = A^\top b$.
//!
//! The shift does two things. For $\lambda > 0$ the matrix is positive
//! definite whatever $A$ is (its eigenvalues are $\sigma_i^2 + \lambda \ge
//! \lambda$), so ridge has a unique solution even with dependent columns or
//! more features than samples, and Cholesky succeeds (in floating point, as
//! long as $\lambda$ is not lost in the rounding of $A^\top A$). And it caps
//! the condition number at $(\sigma_1^2 + \lambda)/\lambda$: ridge trades a
//! little bias for a lot less sensitivity to noise. As $\lambda$ grows, the
//! norm of the coefficients shrinks toward 0; as $\lambda \to 0$ they approach
//! the least-squares solution (the shortest one, when there are several).
//!
//! In practice the features are centred (and usually scaled) and $y$ is
//! centred first, so that the intercept, which should not be penalised, drops
//! out; this function leaves that to the caller.

use vocab::{LinalgError, Matrix};

use crate::l03::transpose::transpose;
use crate::l05::triangular::{back_substitution, forward_substitution};
use crate::l06::cholesky::cholesky;
use crate::l06::normal_equations::{at_b, gram};

/// The ridge solution $x_\lambda$ of $(A^\top A + \lambda I)\,x = A^\top b$,
/// by Cholesky and two triangular solves, like your `lstsq_normal`.
///
/// - `a` is $m \times n$ (any shape, wide too, when $\lambda > 0$), `b` has
///   length $m$, $\lambda \ge 0$; the result has length $n$. With
///   $\lambda = 0$ it is the least-squares solution.
/// - Add $\lambda$ to the diagonal of your `gram(a)` only, not to every entry,
///   and add $\lambda$, not $\lambda^2$. No intercept: every coefficient is
///   penalised (centre the data first if there is an intercept).
/// - `Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() })`
///   for a `b` of the wrong length.
/// - $\lambda$ is not checked. A negative $\lambda$ solves the shifted system
///   as long as $A^\top A + \lambda I$ stays positive definite, and gives your
///   Cholesky's `Err(LinalgError::NotPositiveDefinite { column })` when it
///   does not (for $A = I$ and $\lambda = -2$: `column: 0`). A NaN or
///   infinite $\lambda$ gives `Err(LinalgError::NotPositiveDefinite { column: 0 })`,
///   since the first pivot is then not a positive finite number.
/// - Example: $A$ with rows $(1, 0), (1, 1), (1, 2)$, $b = (1, 2, 4)$ and
///   $\lambda = 1$: $A^\top A + I$ has rows $(4, 3), (3, 6)$, and
///   $x = (4/5, 19/15) \approx (0.8, 1.2667)$, where least squares gives
///   $(0.8333, 1.5)$.
pub fn ridge(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    // TODO: your at_b, your gram with λ added to its diagonal, your cholesky, then the two triangular solves.
    todo!("lesson 06: ridge")
}
