//! Lesson 1, exercise 5: the mean of a dataset is a vector.
//!
//! A dataset with $m$ samples and $n$ features is a matrix whose rows are
//! vectors in $\mathbb{R}^n$. Their mean $\bar{x} = \frac{1}{m}\sum_i x_i$ is a
//! linear combination with every coefficient $1/m$: the centre of mass of the
//! cloud, and the first thing PCA subtracts.

use vocab::{LinalgError, Matrix};

use crate::l01::add_vectors::add;
use crate::l01::scale_vector::scale;

/// The mean of the rows of `data`: $\bar{x}_j = \frac{1}{m} \sum_{i=0}^{m-1} x_{ij}$.
///
/// - Rows are samples, columns are features; the result has one entry per
///   column (a matrix with 0 columns has the empty mean).
/// - `Err(LinalgError::Empty)` when `data` has no rows.
/// - Example: rows $(1, 2), (3, 4), (5, 0)$ have mean $(3, 2)$.
pub fn mean_vector(data: &Matrix) -> Result<Vec<f64>, LinalgError> {
    // TODO: add up the rows with your add, then scale by 1/m.
    todo!("lesson 01: mean_vector")
}
