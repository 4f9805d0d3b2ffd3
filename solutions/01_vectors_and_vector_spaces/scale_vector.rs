//! Lesson 1, exercise 2: scaling a vector.
//!
//! Multiplying by a number $c$ stretches the arrow by $|c|$ and, when $c < 0$,
//! turns it around. Together with addition, this is all a vector space needs.

/// The scalar multiple $c\,v$: $(c\,v)_i = c\,v_i$.
///
/// - The result has the length of `v`; `c` may be negative or zero.
/// - Example: $-2 \cdot (1, -3) = (-2, 6)$.
pub fn scale(c: f64, v: &[f64]) -> Vec<f64> {
    v.iter().map(|vi| c * vi).collect()
}
