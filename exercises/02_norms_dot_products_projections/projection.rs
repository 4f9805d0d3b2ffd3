//! Lesson 2, exercise 5: projecting one vector onto another.
//!
//! The projection of $a$ onto the line through $b$ is the point of that line
//! closest to $a$: $\operatorname{proj}_b a = \dfrac{a \cdot b}{b \cdot b}\, b$.
//! What is left over, $r = a - \operatorname{proj}_b a$, is orthogonal to $b$.
//! Least squares (lesson 6), Gram–Schmidt (lesson 7) and PCA (lesson 12) are
//! this one idea, repeated.

use vocab::LinalgError;

use crate::l01::add_vectors::sub;
use crate::l01::scale_vector::scale;
use crate::l02::dot_product::dot;

/// The projection $\operatorname{proj}_b a = \dfrac{a \cdot b}{b \cdot b}\, b$ of `a` onto the line through `b`.
///
/// - `Err(LinalgError::ZeroVector)` when `b` is zero (there is no line).
/// - Projecting twice changes nothing: $\operatorname{proj}_b(\operatorname{proj}_b a) = \operatorname{proj}_b a$.
/// - Example: $a = (3, 3)$, $b = (4, 1)$: $\frac{15}{17}(4, 1) \approx (3.529, 0.882)$.
pub fn project_onto(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    // TODO: refuse b = 0, then scale b by (a·b)/(b·b).
    todo!("lesson 02: project_onto")
}

/// The residual $r = a - \operatorname{proj}_b a$, the part of `a` orthogonal to `b`.
///
/// - `Err(LinalgError::ZeroVector)` when `b` is zero.
/// - $r \cdot b = 0$ up to rounding, and $\operatorname{proj}_b a + r = a$.
/// - Example: $a = (3, 3)$, $b = (4, 1)$: $r \approx (-0.529, 2.118)$.
pub fn residual(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    // TODO: a minus its projection onto b.
    todo!("lesson 02: residual")
}
