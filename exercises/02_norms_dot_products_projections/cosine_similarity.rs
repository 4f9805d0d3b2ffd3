//! Lesson 2, exercise 4: cosine similarity and the angle between two vectors.
//!
//! From $a \cdot b = \lVert a \rVert \lVert b \rVert \cos\theta$, the cosine of
//! the angle is the dot product of the two unit vectors. Search engines,
//! recommenders and retrieval for language models rank by it, because it
//! ignores length (a long document and a short one on the same topic score 1).

use vocab::LinalgError;

use crate::l01::scale_vector::scale;
use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;

/// The cosine similarity $\cos\theta = \dfrac{a \cdot b}{\lVert a \rVert_2 \lVert b \rVert_2}$.
///
/// - The result is always in $[-1, 1]$: clamp it, since rounding can give
///   `1.0000000000000002` for parallel vectors.
/// - `Err(LinalgError::ZeroVector)` when `a` or `b` is zero (no direction).
/// - Must not overflow: for $a = b = 2^{600}\,(1, 1)$ the answer is 1, although
///   $a \cdot b$ itself is infinite in `f64`. Normalise first.
/// - Example: $(1, 0)$ and $(1, 1)$ give $1/\sqrt{2} \approx 0.7071$.
pub fn cosine_similarity(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    // TODO: refuse zero vectors, dot the two unit vectors, clamp to [-1, 1].
    todo!("lesson 02: cosine_similarity")
}

/// The angle $\theta = \arccos(\cos\theta) \in [0, \pi]$ between `a` and `b`, in radians.
///
/// - `Err(LinalgError::ZeroVector)` when `a` or `b` is zero.
/// - Example: $(1, 0)$ and $(-1, 1)$ make an angle of $3\pi/4$ (135°).
pub fn angle_between(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    // TODO: arccos of your cosine similarity.
    todo!("lesson 02: angle_between")
}
