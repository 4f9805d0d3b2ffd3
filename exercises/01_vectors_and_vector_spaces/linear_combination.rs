//! Lesson 1, exercise 3: linear combinations, built from your own `add` and `scale`.
//!
//! Every vector in the span of $v_1, \dots, v_k$ is some
//! $c_1 v_1 + \dots + c_k v_k$. A linear model's prediction is exactly this:
//! weights times features, summed.

use vocab::LinalgError;

use crate::l01::add_vectors::add;
use crate::l01::scale_vector::scale;

/// The linear combination $\sum_{i=1}^{k} c_i v_i$ of the vectors with the coefficients.
///
/// - `coeffs[i]` multiplies `vectors[i]`; all vectors have the same length $n$
///   and so does the result.
/// - `Err(LinalgError::Empty)` when there are no vectors (the length of the
///   answer would be unknown).
/// - `Err(LinalgError::DimensionMismatch { expected, found })` when
///   `coeffs.len() != vectors.len()` (expected: the number of vectors, found:
///   the number of coefficients), or when vector `i` has a length `found`
///   different from the first vector's length `expected`.
/// - Example: $2\,(1, 0) + 3\,(0, 1) = (2, 3)$.
pub fn linear_combination(coeffs: &[f64], vectors: &[Vec<f64>]) -> Result<Vec<f64>, LinalgError> {
    // TODO: check the sizes, then add up scale(c_i, v_i) with your own add and scale.
    todo!("lesson 01: linear_combination")
}
