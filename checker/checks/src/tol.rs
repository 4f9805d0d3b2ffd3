//! Tolerances: one place for every bound a check compares against.
//!
//! Bounds are normwise and a priori: `C · (size factor) · u · (scale)`, with
//! `u = 2⁻⁵³` the unit roundoff and `C = 10`. The size factor is the number of
//! rounding errors a textbook algorithm commits (n for a sum of n terms), the
//! scale is the size of the quantities that were added up (Σ|aᵢbᵢ| for a dot
//! product, ‖a‖ for a projection of a), and, from lesson 5 on, a condition
//! number multiplies the bound where the exercise's accuracy depends on it.
//! `C = 10` leaves room for every correct algorithm measured in `checking.md`
//! (largest error/bound ratio 3.0) while the wrong ones miss by orders of
//! magnitude.

use crate::harness::Miss;

/// Unit roundoff of `f64`: the largest relative error of one rounding.
pub const U: f64 = f64::EPSILON / 2.0;

/// The safety factor on every a-priori bound.
pub const C: f64 = 10.0;

/// `C · n · u`: the relative accuracy of a computation with about n roundings.
pub fn gamma(n: usize) -> f64 {
    C * n.max(1) as f64 * U
}

/// The Euclidean norm, scaled so it neither overflows nor underflows. This is
/// the checker's own measuring stick, not the learner's.
pub fn norm2(v: &[f64]) -> f64 {
    let m = v.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
    if m == 0.0 || !m.is_finite() {
        return m;
    }
    m * v.iter().map(|x| (x / m) * (x / m)).sum::<f64>().sqrt()
}

/// ‖a − b‖₂ for two vectors of the same length.
pub fn distance(a: &[f64], b: &[f64]) -> f64 {
    let d: Vec<f64> = a.iter().zip(b).map(|(x, y)| x - y).collect();
    norm2(&d)
}

/// Pass when `error ≤ bound`; otherwise a miss saying `message` that prints both numbers.
///
/// NaN errors never pass (`NaN ≤ x` is false), which is what we want.
pub fn within(error: f64, bound: f64, message: &str) -> Result<(), Miss> {
    if error <= bound {
        Ok(())
    } else {
        Err(Miss::new(message).bound(format!("measured {error:.2e}, allowed ≤ {bound:.2e}")))
    }
}

/// The relative distance ‖a − b‖ / ‖b‖ (or the absolute one when b = 0).
pub fn relative_error(a: &[f64], b: &[f64]) -> f64 {
    let scale = norm2(b);
    let d = distance(a, b);
    if scale == 0.0 { d } else { d / scale }
}

/// Every entry is a finite number.
pub fn all_finite(v: &[f64]) -> bool {
    v.iter().all(|x| x.is_finite())
}

/// `x · 2^e`, exactly (power-of-two scaling only moves the exponent).
pub fn scale2(x: f64, e: i32) -> f64 {
    // Apply in steps so that large |e| never overflows the factor itself.
    let mut y = x;
    let mut e = e;
    while e > 500 {
        y *= 2f64.powi(500);
        e -= 500;
    }
    while e < -500 {
        y *= 2f64.powi(-500);
        e += 500;
    }
    y * 2f64.powi(e)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norm2_survives_huge_and_tiny_entries() {
        assert_eq!(norm2(&[3.0, 4.0]), 5.0);
        let big = scale2(3.0, 1000);
        assert!((norm2(&[big, scale2(4.0, 1000)]) / scale2(5.0, 1000) - 1.0).abs() < 1e-15);
        assert!(norm2(&[scale2(3.0, -1060), scale2(4.0, -1060)]) > 0.0);
    }

    #[test]
    fn within_rejects_nan_and_reports_both_numbers() {
        assert!(within(1e-16, 1e-15, "x").is_ok());
        let miss = within(f64::NAN, 1.0, "x").unwrap_err();
        assert!(miss.bound.contains("NaN"), "{}", miss.bound);
        let miss = within(2e-3, 1e-15, "too far").unwrap_err();
        assert_eq!(miss.message, "too far");
        assert!(miss.bound.contains("2.00e-3") && miss.bound.contains("1.00e-15"), "{}", miss.bound);
    }

    #[test]
    fn scale2_is_exact() {
        assert_eq!(scale2(3.0, 600), 3.0 * 2f64.powi(300) * 2f64.powi(300));
        assert_eq!(scale2(scale2(7.0, -700), 700), 7.0);
    }
}
