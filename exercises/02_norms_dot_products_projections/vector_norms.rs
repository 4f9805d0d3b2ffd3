//! Lesson 2, exercise 2: norms, the sizes of a vector.
//!
//! $\lVert v \rVert_1 = \sum |v_i|$ (taxicab), $\lVert v \rVert_2 = \sqrt{\sum v_i^2}$
//! (length), $\lVert v \rVert_\infty = \max |v_i|$ (largest coordinate), and in
//! general $\lVert v \rVert_p = (\sum |v_i|^p)^{1/p}$ for $p \ge 1$.
//!
//! Squaring is where floating point bites: $(10^{200})^2$ overflows to
//! infinity and $(10^{-200})^2$ underflows to zero, although the norms of such
//! vectors are ordinary numbers. Dividing by the largest $|v_i|$ first keeps
//! every term in $[0, 1]$; the reference BLAS routine `dnrm2` long did the same.

/// The 1-norm $\lVert v \rVert_1 = \sum_i |v_i|$.
///
/// - The empty vector has norm `0.0`.
/// - Example: $\lVert (3, -4) \rVert_1 = 7$.
pub fn norm_l1(v: &[f64]) -> f64 {
    // TODO: sum the absolute values.
    todo!("lesson 02: norm_l1")
}

/// The Euclidean norm $\lVert v \rVert_2 = \sqrt{\sum_i v_i^2}$, without overflow or underflow.
///
/// - Must give an accurate answer whenever the answer itself is a finite
///   number: for $v = 2^{600}\,(3, 4)$ it is $2^{600} \cdot 5$, not infinity, and
///   for $v = 2^{-600}\,(3, 4)$ it is $2^{-600} \cdot 5$, not zero.
/// - Example: $\lVert (3, -4) \rVert_2 = 5$.
pub fn norm_l2(v: &[f64]) -> f64 {
    // TODO: divide by the largest |v_i| before squaring, multiply back after the square root.
    todo!("lesson 02: norm_l2")
}

/// The max-norm $\lVert v \rVert_\infty = \max_i |v_i|$.
///
/// - The empty vector has norm `0.0`.
/// - Example: $\lVert (3, -4) \rVert_\infty = 4$.
pub fn norm_inf(v: &[f64]) -> f64 {
    // TODO: the largest absolute value (0 for the empty vector).
    todo!("lesson 02: norm_inf")
}

/// The $p$-norm $\lVert v \rVert_p = \left(\sum_i |v_i|^p\right)^{1/p}$ for $p \ge 1$.
///
/// - `p == f64::INFINITY` gives [`norm_inf`].
/// - Like [`norm_l2`], it must not overflow or underflow when the answer is a
///   finite number (scale by the largest $|v_i|$ first).
/// - Example: $\lVert (3, -4) \rVert_3 = (27 + 64)^{1/3} \approx 4.498$.
pub fn norm_p(v: &[f64], p: f64) -> f64 {
    // TODO: the same scaling as norm_l2, with powers p and 1/p.
    todo!("lesson 02: norm_p")
}
