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
    v.iter().map(|x| x.abs()).sum()
}

/// The Euclidean norm $\lVert v \rVert_2 = \sqrt{\sum_i v_i^2}$, without overflow or underflow.
///
/// - Must give an accurate answer whenever the answer itself is a finite
///   number: for $v = 2^{600}\,(3, 4)$ it is $2^{600} \cdot 5$, not infinity, and
///   for $v = 2^{-600}\,(3, 4)$ it is $2^{-600} \cdot 5$, not zero.
/// - Example: $\lVert (3, -4) \rVert_2 = 5$.
pub fn norm_l2(v: &[f64]) -> f64 {
    // Scale by the largest magnitude m so every (v_i/m)^2 lies in [0, 1]:
    // ‖v‖ = m·sqrt(Σ (v_i/m)^2). Nothing can overflow, and the largest term is 1.
    let m = norm_inf(v);
    if m == 0.0 {
        return 0.0;
    }
    let mut sum = 0.0;
    for x in v {
        let t = x / m;
        sum += t * t;
    }
    m * sum.sqrt()
}

/// The max-norm $\lVert v \rVert_\infty = \max_i |v_i|$.
///
/// - The empty vector has norm `0.0`.
/// - Example: $\lVert (3, -4) \rVert_\infty = 4$.
pub fn norm_inf(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m: f64, x| m.max(x.abs()))
}

/// The $p$-norm $\lVert v \rVert_p = \left(\sum_i |v_i|^p\right)^{1/p}$ for $p \ge 1$.
///
/// - `p == f64::INFINITY` gives [`norm_inf`].
/// - Like [`norm_l2`], it must not overflow or underflow when the answer is a
///   finite number (scale by the largest $|v_i|$ first).
/// - Example: $\lVert (3, -4) \rVert_3 = (27 + 64)^{1/3} \approx 4.498$.
pub fn norm_p(v: &[f64], p: f64) -> f64 {
    let m = norm_inf(v);
    if p.is_infinite() || m == 0.0 {
        return m;
    }
    // The same scaling as norm_l2: every |v_i|/m is at most 1, so its p-th power is too.
    let sum: f64 = v.iter().map(|x| (x.abs() / m).powf(p)).sum();
    m * sum.powf(1.0 / p)
}
