//! Lesson 6, exercise 5: the coefficient of determination $R^2$.
//!
//! How much of the variation of $y$ does a model explain? Compare its squared
//! errors with those of the laziest model, the constant $\bar y$ (the mean):
//!
//! $$R^2 = 1 - \frac{SS_\text{res}}{SS_\text{tot}}, \qquad
//! SS_\text{res} = \sum_i (y_i - \hat y_i)^2, \qquad
//! SS_\text{tot} = \sum_i (y_i - \bar y)^2.$$
//!
//! $R^2 = 1$ is a perfect fit and $R^2 = 0$ is no better than the mean. On
//! the data a least-squares fit with an intercept was fitted to, $R^2$ lies in
//! $[0, 1]$, because that fit is at least as good as the best constant. On
//! held-out data there is no such guarantee: a model that predicts worse than
//! the mean has a negative $R^2$, and that is the number to report, not a bug.

use vocab::LinalgError;

/// $R^2 = 1 - SS_\text{res} / SS_\text{tot}$ of the predictions `y_hat` for
/// the observed `y`.
///
/// - `y` and `y_hat` have the same length $m \ge 1$. The result is at most 1
///   and may be negative (predictions worse than the mean of `y`).
/// - Compute the mean first and then $SS_\text{tot} = \sum (y_i - \bar y)^2$
///   (two passes): the one-pass shortcut $\sum y_i^2 - m \bar y^2$ subtracts
///   two huge numbers when $y$ has a large offset, and can lose every digit.
/// - `Err(LinalgError::DimensionMismatch { expected: y.len(), found: y_hat.len() })`
///   when the lengths differ; then `Err(LinalgError::Empty)` when both are
///   empty; then `Err(LinalgError::ZeroVector)` when every $y_i$ is the same
///   number: $y - \bar y$ is the zero vector, $SS_\text{tot} = 0$, and there is
///   no variation to explain. Test that the entries of `y` are all equal, not
///   that the computed $SS_\text{tot}$ is `0.0`: the mean of $(0.1, 0.1, 0.1)$
///   rounds to `0.10000000000000002`, which leaves a tiny positive
///   $SS_\text{tot}$ and a huge negative $R^2$.
/// - Example: $y = (1, 2, 4)$ and $\hat y = (5/6, 7/3, 23/6)$, the fitted
///   line of the previous exercise: $SS_\text{res} = 1/6$, $\bar y = 7/3$,
///   $SS_\text{tot} = 14/3$, so $R^2 = 1 - 1/28 \approx 0.9643$.
pub fn r_squared(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    if y_hat.len() != y.len() {
        return Err(LinalgError::DimensionMismatch { expected: y.len(), found: y_hat.len() });
    }
    let Some(&first) = y.first() else {
        return Err(LinalgError::Empty);
    };
    // Decide "constant" on the data, exactly: the computed SS_tot need not be 0.0.
    if y.iter().all(|&v| v == first) {
        return Err(LinalgError::ZeroVector);
    }
    let mean = y.iter().sum::<f64>() / y.len() as f64;
    let mut ss_res = 0.0;
    let mut ss_tot = 0.0;
    for (&yi, &fi) in y.iter().zip(y_hat) {
        ss_res += (yi - fi) * (yi - fi);
        // Deviations from the mean, not Σy² − mȳ²: no cancellation of large numbers.
        ss_tot += (yi - mean) * (yi - mean);
    }
    Ok(1.0 - ss_res / ss_tot)
}
