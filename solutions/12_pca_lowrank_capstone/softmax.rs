//! Lesson 12, exercise 6: softmax and the cross-entropy loss, computed stably.
//!
//! A classifier with $k$ classes outputs $k$ real numbers per sample, the
//! *logits* $z_0, \dots, z_{k-1}$. Softmax turns them into probabilities,
//!
//! $$p_c = \frac{e^{z_c}}{\sum_j e^{z_j}},$$
//!
//! positive and adding up to 1, larger for larger logits. The cross-entropy
//! loss of a sample whose true class is $y$ is $-\ln p_y$: 0 when the model
//! is certain and right, large when it is confident and wrong. Averaged over
//! the $n$ samples of a batch, it is the loss a classifier is trained to
//! minimise.
//!
//! Written as it stands, this overflows: $e^{z}$ is infinite for $z > 709.8$,
//! and logits of a few hundred are ordinary once a model is confident, or
//! once the inputs are not scaled. Softmax does not change when the same
//! number is subtracted from every logit ($e^{z_c - m} / \sum_j e^{z_j - m}$,
//! the factor $e^{-m}$ cancels), so subtract $m = \max_j z_j$ first: the
//! largest exponent is then $e^0 = 1$, nothing overflows, and the sum is at
//! least 1, so nothing divides by zero. For the loss, never take the
//! logarithm of a computed probability, which may have underflowed to 0:
//! use $-\ln p_y = \ln \sum_j e^{z_j} - z_y$ with the *log-sum-exp*
//!
//! $$\operatorname{lse}(z) = m + \ln \sum_j e^{z_j - m}, \qquad m = \max_j z_j,$$
//!
//! which is accurate for logits of any size.

use vocab::{LinalgError, Matrix};

/// The softmax of each row of `logits`: $p_{ic} = e^{z_{ic} - m_i} / \sum_j
/// e^{z_{ij} - m_i}$ with $m_i = \max_j z_{ij}$.
///
/// - `logits` is $n \times k$ (one row per sample, one column per class);
///   the result has the same shape, every entry in $[0, 1]$ and every row
///   adding up to 1 (up to rounding). A matrix with no rows or no columns
///   gives the same empty shape.
/// - Subtract the row's maximum before exponentiating: finite logits of any
///   size then give finite probabilities, never NaN.
/// - Example: the row $(1000, 1000 + \ln 3)$ gives $(0.25, 0.75)$; computed
///   as $e^{1000} / (e^{1000} + e^{1000 + \ln 3})$ it is $\infty/\infty$ = NaN.
pub fn softmax(logits: &Matrix) -> Matrix {
    let (n, k) = logits.shape();
    let mut p = Matrix::zeros(n, k);
    for i in 0..n {
        let row = logits.row(i);
        // The shift that makes the largest exponent e⁰ = 1.
        let m = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let exps: Vec<f64> = row.iter().map(|z| (z - m).exp()).collect();
        let total: f64 = exps.iter().sum();
        for (c, e) in exps.iter().enumerate() {
            p[(i, c)] = e / total;
        }
    }
    p
}

/// The mean cross-entropy loss $\frac1n \sum_i \big(\operatorname{lse}(z_i) -
/// z_{i, y_i}\big)$ of the logits $z_i$ (row $i$ of `logits`) for the true
/// classes $y_i$ = `labels[i]`.
///
/// - `logits` is $n \times k$ and `labels` has $n$ entries in $0..k$; the
///   result is a number $\ge 0$ (up to rounding): the average over the rows,
///   not the sum.
/// - Compute $\operatorname{lse}(z_i) = m_i + \ln \sum_j e^{z_{ij} - m_i}$ with
///   $m_i = \max_j z_{ij}$, not $\ln$ of your `softmax`: a probability that
///   underflowed to 0 has the logarithm $-\infty$. The loss of logits around
///   $10^3$ is then finite and accurate (the checks use such logits).
/// - Errors, in this order: `Err(LinalgError::DimensionMismatch { expected:
///   logits.nrows(), found: labels.len() })` when the lengths differ;
///   `Err(LinalgError::Empty)` for no rows; `Err(LinalgError::DimensionMismatch
///   { expected: logits.ncols(), found: y })` for the first label $y \ge k$
///   (labels are class indices, $0 \le y < k$).
/// - Example: logits $(0, 0)$ with label 0 give $\ln 2 \approx 0.6931$; the
///   rows $(1000, 0)$ and $(0, 1000)$ with labels $(0, 0)$ give
///   $(1000 + 2\ln(1 + e^{-1000}))/2 \approx 500$.
pub fn cross_entropy(logits: &Matrix, labels: &[usize]) -> Result<f64, LinalgError> {
    let (n, k) = logits.shape();
    if labels.len() != n {
        return Err(LinalgError::DimensionMismatch { expected: n, found: labels.len() });
    }
    if n == 0 {
        return Err(LinalgError::Empty);
    }
    if let Some(&bad) = labels.iter().find(|&&y| y >= k) {
        return Err(LinalgError::DimensionMismatch { expected: k, found: bad });
    }
    let mut total = 0.0;
    for (i, &y) in labels.iter().enumerate() {
        let row = logits.row(i);
        let m = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        // log-sum-exp: every exponent ≤ 0, and the sum ≥ 1, so the logarithm is finite.
        let lse = m + row.iter().map(|z| (z - m).exp()).sum::<f64>().ln();
        total += lse - row[y];
    }
    Ok(total / n as f64)
}
