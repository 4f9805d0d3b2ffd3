//! Lesson 1, exercise 4: are two vectors in the plane independent?
//!
//! Two vectors $a, b \in \mathbb{R}^2$ span a parallelogram whose signed area
//! is $\det[a\;b] = a_0 b_1 - a_1 b_0$. They are dependent (one is a multiple of
//! the other, or one is zero) exactly when that area is zero. In floating point
//! "zero" needs a tolerance, and the tolerance must be relative: the computed
//! area carries a rounding error proportional to $|a_0 b_1| + |a_1 b_0|$, not
//! to 1.

/// The signed area $\det[a\;b] = a_0 b_1 - a_1 b_0$ of the parallelogram spanned by `a` and `b`.
///
/// - Positive when turning from $a$ to $b$ is counter-clockwise, negative when
///   it is clockwise, zero when they are parallel.
/// - Example: `signed_area([2.0, 1.0], [-1.0, 1.0]) == 3.0`, and swapping the
///   arguments gives `-3.0`.
pub fn signed_area(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[1] - a[1] * b[0]
}

/// Whether `a` and `b` are linearly independent, i.e. span the whole plane.
///
/// - Rule (the checks rely on it): they are **dependent** when
///   $|\det[a\;b]| \le 10^{-10}\,(|a_0 b_1| + |a_1 b_0|)$, independent otherwise.
///   The right-hand side is the size of the two products that were subtracted,
///   so the rule does not change when both vectors are scaled, and a zero
///   vector (both sides zero) counts as dependent.
/// - Example: `[1.0, 2.0]` and `[0.1, 0.2]` are dependent, although the
///   computed area is not exactly `0.0`; `[1e-20, 0.0]` and `[0.0, 1e-20]`
///   are independent, although the area is only `1e-40`.
/// - The rule is evaluated in `f64`: when the products themselves underflow
///   (entries below about `1e-154`), both sides are 0 and the pair counts as
///   dependent. The checks stay within `2^±500`, where nothing underflows.
pub fn are_independent_2d(a: [f64; 2], b: [f64; 2]) -> bool {
    // Use the learner's own signed area, then compare it with the size of the
    // terms it came from, never with an absolute number like 1e-9.
    let area = signed_area(a, b);
    let size = (a[0] * b[1]).abs() + (a[1] * b[0]).abs();
    area.abs() > 1e-10 * size
}
