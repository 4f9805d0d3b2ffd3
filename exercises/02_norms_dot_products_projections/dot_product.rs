//! Lesson 2, exercise 1: the dot product.
//!
//! $a \cdot b = \sum_i a_i b_i = \lVert a \rVert\,\lVert b \rVert \cos\theta$ measures
//! how much two vectors point the same way. Every later lesson is built on it:
//! a matrix–vector product is a list of dot products.

/// The dot product $a \cdot b = \sum_{i=0}^{n-1} a_i b_i$.
///
/// - `a` and `b` have the same length (the checks never pass different
///   lengths); the dot product of two empty vectors is `0.0`.
/// - Example: $(1, 2, 3) \cdot (4, 5, 6) = 4 + 10 + 18 = 32$.
pub fn dot(a: &[f64], b: &[f64]) -> f64 {
    // TODO: sum a_i·b_i over all i.
    todo!("lesson 02: dot")
}
