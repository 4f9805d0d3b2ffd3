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

/// The cutoff below which a singular value counts as zero when the checker
/// decides the rank of a learner's `p × k` basis: `C · max(p, k) · u · σ₁`,
/// numpy's `matrix_rank` rule with the safety factor. A repeated vector gives
/// σ_k ≈ u·σ₁ or exactly 0; the column-space bases of lesson 4 have σ_k/σ₁ ≥
/// 9.6·10⁻⁵ (20 000 generated matrices), ten orders of magnitude above it.
pub fn rank_cutoff(p: usize, k: usize, sigma_max: f64) -> f64 {
    gamma(p.max(k)) * sigma_max
}

/// RREF entries against the exact ones, relative to max(1, max|r_ij|):
/// `C · m · n · u · κ`, with κ = κ₂ of the pivot columns of A. The entries of a
/// free column are the coefficients that combine the pivot columns into it, so
/// they are the solution of a system with the pivot columns, and inherit its
/// condition number (Higham, ch. 9, for elimination with partial pivoting).
/// Measured on 20 000 matrices of the lesson-4 generator, the reference stays
/// below 0.17 of the bound without `C`, i.e. below 0.02 of the bound.
pub fn rref_entries(m: usize, n: usize, kappa: f64) -> f64 {
    gamma(m * n) * kappa
}

/// A vector v claimed to lie in the null space of an `m × n` matrix M:
/// `‖M v‖ ≤ C · m · n · u · ‖M‖‖v‖`. A basis computed by a backward-stable
/// elimination has a residual of rounding size, whatever the conditioning
/// (`checking.md`, §3: 0.09 of the bound; 0.20 of it without `C` on 20 000
/// matrices of the lesson-4 generator).
pub fn kernel_residual(m: usize, n: usize) -> f64 {
    gamma(m * n)
}

/// Two subspaces of ℝᵖ, one spanned by a computed basis, one exact: the
/// distance ‖P̂ − P‖₂ between their orthogonal projectors (the sine of the
/// largest angle between them) is at most `C · p² · u · κ · κ_B`, with κ the
/// condition number of the problem (κ₂ of the pivot columns) and κ_B that of
/// the computed basis, whose own rounding errors are amplified by it (Wedin's
/// theorem: a perturbation E moves a subspace by about ‖E‖/σ_min). Measured
/// on 20 000 matrices of the lesson-4 generator: at most 2.9 without `C` (null
/// spaces; 0.5 for row spaces), the 3.0 that `checking.md` §0 budgets for.
pub fn subspace(p: usize, kappa: f64, kappa_basis: f64) -> f64 {
    gamma(p * p) * kappa * kappa_basis
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
