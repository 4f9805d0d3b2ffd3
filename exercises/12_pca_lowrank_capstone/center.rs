//! Lesson 12, exercise 1: centering and standardizing a dataset.
//!
//! PCA, covariance and ridge regression all look at how the data *varies*,
//! not where it sits, so the first step is to move the cloud of samples to
//! the origin: subtract the mean of each column (your lesson-1
//! `mean_vector`). The centred columns add up to zero, and the columns of
//! every later matrix are measured from the centre of the data.
//!
//! Centering keeps the units. When the features are measured in different
//! units (grams of alcohol next to milligrams of proline in the wine data),
//! the feature with the largest numbers dominates every direction of
//! variance, whatever it means. *Standardizing* divides each centred column by
//! its standard deviation, so that every feature has variance 1 and counts
//! the same. The sample standard deviation divides by $n - 1$, not $n$:
//! the deviations from the *computed* mean are a little smaller than those
//! from the true one, and $n - 1$ corrects the bias of the variance (Bessel's
//! correction). It is the convention of the covariance matrix and of PCA's
//! explained variance in this lesson, so the three agree: the covariance
//! matrix of standardized data is the correlation matrix, with ones on its
//! diagonal. (scikit-learn's `StandardScaler` divides by $n$; its
//! standardized columns have sample variance $n/(n-1)$, a difference that
//! does not change any direction.)
//!
//! Fit the mean and the standard deviation on the training data only, and
//! apply *those* numbers to new data: a test set standardized with its own
//! statistics has seen itself.

use vocab::{LinalgError, Matrix};

use crate::l01::mean_vector::mean_vector;
use crate::l02::vector_norms::norm_l2;

/// The centred data $X_c = X - \mathbf{1}\bar x^\top$ and the column means
/// $\bar x$: entry $(i, j)$ of $X_c$ is $x_{ij} - \bar x_j$.
///
/// - `data` is $n \times d$, rows are samples, columns are features; the
///   result is the $n \times d$ matrix $X_c$, whose columns add up to zero (up
///   to rounding), and the $d$ means, from your `mean_vector`.
/// - `Err(LinalgError::Empty)` when `data` has no rows (your `mean_vector`'s
///   error). A matrix with rows but no columns gives an $n \times 0$ matrix
///   and no means.
/// - Example: rows $(1, 2), (3, 4), (5, 0)$ have means $(3, 2)$ and centre to
///   rows $(-2, 0), (0, 2), (2, -2)$.
pub fn center(data: &Matrix) -> Result<(Matrix, Vec<f64>), LinalgError> {
    // TODO: your mean_vector of data, then subtract mean[j] from every entry of column j.
    todo!("lesson 12: center")
}

/// The standardized data $Z$, the column means $\bar x$ and the sample
/// standard deviations $s$: $z_{ij} = (x_{ij} - \bar x_j) / s_j$ with
/// $s_j = \sqrt{\sum_i (x_{ij} - \bar x_j)^2 / (n - 1)}$.
///
/// - `data` is $n \times d$ with $n \ge 2$; the result is $Z$ ($n \times d$,
///   every column with mean 0 and sample variance 1), the $d$ means and the
///   $d$ standard deviations, in that order.
/// - Divide by $n - 1$ (the sample standard deviation), not by $n$. Compute
///   $s_j$ as your lesson-2 `norm_l2` of the centred column over
///   $\sqrt{n - 1}$: it does not overflow where the squares would.
/// - A constant column (every entry the same number) has $s_j = 0$: return
///   0 as its standard deviation and a column of exact zeros in $Z$ (there is
///   no variation to scale, and dividing would give NaN). Decide "constant" on
///   the data itself, not on the computed $s_j$: the mean of
///   $(0.7, 0.7, 0.7)$ rounds to `0.6999999999999998`, which leaves a tiny
///   nonzero $s_j$ and turns rounding noise into values of size 1.
/// - `Err(LinalgError::Empty)` when `data` has no rows;
///   `Err(LinalgError::DimensionMismatch { expected: 2, found: 1 })` for a
///   single row: a sample standard deviation needs two samples.
/// - Example: the column $(1, 2, 3)$ has mean 2 and $s = 1$, so $z = (-1, 0,
///   1)$; the column $(2, 4, 9)$ has mean 5 and
///   $s = \sqrt{(9 + 1 + 16)/2} = \sqrt{13} \approx 3.6056$.
pub fn standardize(data: &Matrix) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError> {
    // TODO: your center; refuse n < 2; per column: all entries equal → s = 0 and a zero column, else s = norm_l2(centred column)/√(n − 1) and divide.
    todo!("lesson 12: standardize")
}
