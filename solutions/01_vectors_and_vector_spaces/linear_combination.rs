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
    let Some(first) = vectors.first() else {
        return Err(LinalgError::Empty);
    };
    if coeffs.len() != vectors.len() {
        return Err(LinalgError::DimensionMismatch { expected: vectors.len(), found: coeffs.len() });
    }
    let n = first.len();
    // Start from the zero vector and add one scaled vector at a time, exactly
    // as the sum is written: acc = c_1 v_1, then acc + c_2 v_2, and so on.
    let mut acc = vec![0.0; n];
    for (c, v) in coeffs.iter().zip(vectors) {
        if v.len() != n {
            return Err(LinalgError::DimensionMismatch { expected: n, found: v.len() });
        }
        acc = add(&acc, &scale(*c, v));
    }
    Ok(acc)
}
