//! Lesson 12, exercise 2: the covariance matrix.
//!
//! How do two features vary together? Their covariance is the average
//! product of their deviations from the mean,
//! $\operatorname{cov}(x_j, x_k) = \frac{1}{n-1} \sum_i (x_{ij} - \bar x_j)(x_{ik} - \bar x_k)$:
//! positive when they rise together, negative when one rises as the other
//! falls, and $\operatorname{var}(x_j)$ when $j = k$. All $d^2$ of them at
//! once are one matrix product of the centred data with itself,
//!
//! $$\Sigma = \frac{1}{n - 1} X_c^\top X_c,$$
//!
//! the Gram matrix of the centred columns (lesson 6) scaled by $1/(n-1)$. It
//! is symmetric and positive semidefinite, $v^\top \Sigma v = \lVert X_c v
//! \rVert^2 / (n - 1) \ge 0$, and that number is the variance of the data
//! projected on the unit vector $v$. So the direction of largest variance is
//! the eigenvector of $\Sigma$ with the largest eigenvalue (lesson 9), and with
//! the SVD $X_c = U S V^\top$, $\Sigma = V \frac{S^2}{n-1} V^\top$: the
//! eigenvectors of the covariance are the right singular vectors of the
//! centred data, and its eigenvalues are $\sigma_i^2 / (n - 1)$. That is PCA,
//! next exercise.
//!
//! Forming $\Sigma$ squares the singular values, like the normal equations:
//! a direction of small variance, $\sigma_i^2 / \sigma_1^2$ below the unit
//! roundoff, is lost in its rounding. PCA through the SVD of $X_c$ keeps it.

use vocab::{LinalgError, Matrix};

use crate::l06::normal_equations::gram;
use crate::l12::center::center;

/// The sample covariance matrix $\Sigma = X_c^\top X_c / (n - 1)$ of the
/// columns of `data`, $X_c$ the centred data.
///
/// - `data` is $n \times d$ with $n \ge 2$ (rows are samples); the result is
///   $d \times d$, exactly symmetric, with the sample variances on its
///   diagonal.
/// - Centre with your `center`, form $X_c^\top X_c$ with your lesson-6 `gram`
///   (which mirrors one triangle, so $\Sigma$ is symmetric to the last bit),
///   and divide every entry by $n - 1$, not $n$.
/// - `Err(LinalgError::Empty)` when `data` has no rows;
///   `Err(LinalgError::DimensionMismatch { expected: 2, found: 1 })` for a
///   single row.
/// - Example: rows $(1, 2), (3, 4), (5, 0)$ centre to $(-2, 0), (0, 2), (2,
///   -2)$, so $X_c^\top X_c$ has rows $(8, -4), (-4, 8)$ and $\Sigma$ has rows
///   $(4, -2), (-2, 4)$.
pub fn covariance(data: &Matrix) -> Result<Matrix, LinalgError> {
    // TODO: your center; refuse n < 2; your gram of the centred data, every entry divided by n − 1.
    todo!("lesson 12: covariance")
}
