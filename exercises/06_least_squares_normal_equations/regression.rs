//! Lesson 6, exercise 4: linear regression with an intercept.
//!
//! Linear regression models a target $y$ as an affine function of $p$
//! features, $y \approx \beta_0 + \beta_1 x_1 + \dots + \beta_p x_p$, and
//! picks the coefficients that minimise the sum of squared errors over the
//! $m$ samples. That is a least-squares problem with the *design matrix*
//! $[\mathbf{1} \mid X]$: a column of ones, whose coefficient is the
//! intercept $\beta_0$, in front of the $m \times p$ data matrix $X$ (one row
//! per sample). Without the column of ones the fitted line is forced through
//! the origin, and a target measured around 5000 is then fitted badly by any
//! slope.
//!
//! With an intercept, the residuals add up to zero (they are orthogonal to
//! the column of ones), so the fitted values have the mean of $y$.

use vocab::{LinalgError, Matrix};

use crate::l02::dot_product::dot;
use crate::l06::least_squares::lstsq_normal;

/// The least-squares coefficients $[\beta_0, \beta_1, \dots, \beta_p]$ of
/// $y \approx \beta_0 + X\beta$, intercept first.
///
/// - `x` is $m \times p$ (one row per sample, one column per feature) and `y`
///   has length $m$; the result has length $p + 1$. With $p = 0$ features the
///   only coefficient is the intercept, the mean of $y$.
/// - Build the $m \times (p + 1)$ design matrix $[\mathbf{1} \mid X]$ (column 0
///   all ones, column $j + 1$ column $j$ of `x`) and solve with your
///   `lstsq_normal`.
/// - The errors are those of your `lstsq_normal`:
///   `Err(LinalgError::DimensionMismatch { expected: x.nrows(), found: y.len() })`
///   for a `y` of the wrong length, `Err(LinalgError::NotPositiveDefinite { .. })`
///   when the design matrix has dependent columns (for example $m \le p$, or a
///   constant feature, which repeats the column of ones) and Cholesky's pivot
///   comes out $\le 0$; rounding may leave a tiny positive pivot instead, as
///   for `lstsq_normal`.
/// - Example: the samples $x = 0, 1, 2$ (a $3 \times 1$ matrix) with
///   $y = (1, 2, 4)$ give $[5/6, 3/2] \approx [0.8333, 1.5]$: the line
///   $y = 0.8333 + 1.5x$.
pub fn fit_linear(x: &Matrix, y: &[f64]) -> Result<Vec<f64>, LinalgError> {
    // TODO: put a column of ones in front of x and call your lstsq_normal.
    todo!("lesson 06: fit_linear")
}

/// The predictions $\hat y_i = \beta_0 + \sum_{j=1}^{p} \beta_j x_{ij}$ of the
/// model with `coefficients` $[\beta_0, \beta_1, \dots, \beta_p]$ (intercept
/// first, as [`fit_linear`] returns them), one per row of `x`.
///
/// - `x` is $m \times p$; the result has length $m$ (empty when $m = 0$).
/// - `Err(LinalgError::DimensionMismatch { expected, found })` when
///   `coefficients.len() != x.ncols() + 1`, with `expected: x.ncols() + 1`
///   and `found: coefficients.len()`.
/// - Example: `coefficients` $[0.5, 2]$ and the rows $(3), (-1)$ give
///   $[0.5 + 2 \cdot 3,\ 0.5 - 2] = [6.5, -1.5]$.
pub fn predict(coefficients: &[f64], x: &Matrix) -> Result<Vec<f64>, LinalgError> {
    // TODO: check that there are p + 1 coefficients, then coefficients[0] + row · coefficients[1..] for each row.
    todo!("lesson 06: predict")
}
