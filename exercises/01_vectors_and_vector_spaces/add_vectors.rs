//! Lesson 1, exercise 1: adding and subtracting vectors, coordinate by coordinate.
//!
//! A vector in $\mathbb{R}^n$ is a list of $n$ numbers. Geometrically it is an
//! arrow from the origin; adding two arrows puts the second at the tip of the
//! first (tip to tail). Algebraically both pictures say the same thing: add
//! the coordinates one by one.

/// The sum $u + v$, coordinate by coordinate: $(u + v)_i = u_i + v_i$.
///
/// - `u` and `v` have the same length $n$ (the checks never pass different
///   lengths); the result has length $n$ too.
/// - Example: $(1, 3) + (3, -1) = (4, 2)$.
pub fn add(u: &[f64], v: &[f64]) -> Vec<f64> {
    // TODO: add the coordinates one by one (zip the two slices).
    todo!("lesson 01: add")
}

/// The difference $u - v$, coordinate by coordinate: $(u - v)_i = u_i - v_i$.
///
/// - Same lengths as [`add`]. The order matters: $u - v$ is the arrow from the
///   tip of $v$ to the tip of $u$.
/// - Example: $(4, 2) - (3, -1) = (1, 3)$.
pub fn sub(u: &[f64], v: &[f64]) -> Vec<f64> {
    // TODO: subtract the coordinates one by one; keep the order u - v.
    todo!("lesson 01: sub")
}
