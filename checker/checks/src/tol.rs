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

/// `err` is NaN or above `bound`: a NaN error never passes.
pub fn misses(err: f64, bound: f64) -> bool {
    err.is_nan() || err > bound
}

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

/// Least squares by the normal equations, judged backward and without a
/// condition number: ‖Aᵀ(b − Ax̂)‖ ≤ `normal_equations(m, n)` ·
/// ((‖A‖_F² + λ)‖x̂‖ + ‖A‖_F‖b‖), λ the ridge shift (0 for least squares) and
/// the left side Aᵀ(b − Ax̂) − λx̂ for ridge. Forming AᵀA and Aᵀb
/// commits γ_m-sized errors relative to |A|ᵀ|A| and |A|ᵀ|b|, Cholesky and the two
/// triangular solves γ_{3n+1}·|L||Lᵀ| (Higham, Thm 10.4), and ‖|L||Lᵀ|‖_F ≤
/// ‖L‖_F² = tr(AᵀA) = ‖A‖_F²; evaluating Aᵀ(b − Ax̂) here adds as much again.
/// So x̂ solves a nearby system exactly, however ill-conditioned A is
/// (`checking.md`, §3); κ₂(A)² appears only in the forward error. Measured on
/// 20 000 problems of the lesson-6 generators (κ₂ up to 10⁵, scales 2^±100):
/// at most 0.19 of the bound without `C`.
pub fn normal_equations(m: usize, n: usize) -> f64 {
    gamma(2 * m + 4 * n + 2)
}

/// The forward error of least squares by the normal equations against a QR
/// solution x: ‖x̂ − x‖ ≤ `least_squares(m, n, κ)` · (‖x‖ + ‖b‖/‖A‖₂), with
/// κ = κ₂(A). From the backward error above, ‖x̂ − x‖ ≤ ‖(AᵀA)⁻¹‖ · η ·
/// (‖A‖_F²‖x̂‖ + ‖A‖_F‖b‖), and ‖(AᵀA)⁻¹‖₂ = κ²/‖A‖₂², ‖A‖_F² ≤ n‖A‖₂²: the
/// normal equations square the condition number (Higham, §20.4). The QR
/// reference is more accurate (u·κ + u·κ²‖r‖/(‖A‖‖x‖)) and fits in the same
/// bound. Measured on the same 20 000 problems: at most 0.34 of the bound
/// without `C`.
pub fn least_squares(m: usize, n: usize, kappa: f64) -> f64 {
    gamma(2 * m + 4 * n + 2) * n.max(1) as f64 * kappa * kappa
}

/// Cholesky, entry by entry: |LLᵀ − A| ≤ `cholesky(n)` · |L||Lᵀ| (Higham,
/// Thm 10.3: γ_{n+1} for every order of the inner products), twice, because
/// the checker's own product LLᵀ rounds as much. Measured on 20 000 matrices of
/// the lesson-6 generators (κ₂ up to 10¹⁰, scales 2^±600): at most 0.50 of the
/// bound without `C`.
pub fn cholesky(n: usize) -> f64 {
    2.0 * gamma(n + 1)
}

/// Ridge against nalgebra's Cholesky solve of M x = Aᵀb, M = AᵀA + λI:
/// ‖x̂ − x‖ ≤ `ridge(m, n, κ)` · (‖x‖ + ‖A‖_F‖b‖/‖M‖₂) with κ = κ₂(M) =
/// (σ₁² + λ)/(σ_n² + λ). The backward error of `normal_equations` times
/// ‖M⁻¹‖₂ = κ/‖M‖₂, with ‖A‖_F² + λ ≤ n‖M‖₂, for both solutions. Measured on
/// 20 000 problems of the lesson-6 generators (any shape, κ₂(M) up to 10¹⁰):
/// at most 0.01 of the bound without `C`.
pub fn ridge(m: usize, n: usize, kappa: f64) -> f64 {
    2.0 * gamma(2 * m + 4 * n + 2) * n.max(1) as f64 * kappa
}

/// R² = 1 − q, q = SS_res/SS_tot, against its exact value: |R̂² − R²| ≤
/// `r_squared(m)` · (1 + q), plus the second-order term 2q·m·e²/SS_tot of a
/// rounded mean (e = γ_m·max|yᵢ|; Σ(yᵢ − ȳ) = 0 kills the first-order term),
/// which the check adds itself. Two sums of m squares, their quotient and the
/// final subtraction. Measured on 20 000 inputs of the lesson-6 generators
/// (offsets up to 10⁸, scales 2^±100): at most 0.19 of the bound without `C`.
pub fn r_squared(m: usize) -> f64 {
    gamma(2 * m + 8)
}

// ---------------------------------------------------------------- lesson 5
//
// Calibration (`measure_tolerance_ratios` in `l05.rs`, 20 000 draws of each
// lesson-5 generator, reference solutions): the largest error/bound ratio is
// 0.017 for the triangular solves, 0.043 for PA = LU, 0.017 for `lu_solve`,
// 0.011 for `solve` and 0.003 for `det`, so a correct program has 20× room or
// more, and the mutants of `mutants_l05.rs` miss by orders of magnitude.

/// A triangular solve, equation by equation: `|b − Tx| ≤ 2·γ(n + 1)·(|T||x| + |b|)`.
/// Substitution solves `(T + ΔT)x = b` with `|ΔT| ≤ γₙ|T|` whatever the loop
/// order (Higham, Thm 8.5), and the checker's own residual commits as much
/// again.
pub fn triangular_residual(n: usize) -> f64 {
    2.0 * gamma(n + 1)
}

/// The growth factor allowed to partial pivoting: `|uᵢⱼ| ≤ 2ⁿ⁻¹·max|aᵢⱼ|`
/// whatever the tie rule (Wilkinson), reached by Wilkinson's matrix.
pub fn growth_bound(n: usize) -> f64 {
    2f64.powi(n.max(1) as i32 - 1)
}

/// The multipliers of partial pivoting: `|ℓᵢⱼ| ≤ 1 + 4u`. A quotient of a
/// smaller by a larger number is at most 1 exactly; the slack admits
/// `u_ik · (1/u_kk)`.
pub fn multiplier_bound() -> f64 {
    1.0 + 4.0 * U
}

/// `PA = LU` entry by entry, with the learner's own factors:
/// `|PA − LU| ≤ 2·γ(n)·|L||U|` (Higham, Thm 9.3, plus the checker's product).
/// Growth in U raises the bound with it, so only the |ℓᵢⱼ| ≤ 1 test judges
/// the pivoting.
pub fn lu_backward(n: usize) -> f64 {
    2.0 * gamma(n)
}

/// Two triangular solves with given factors, equation by equation:
/// `|Pb − LUx| ≤ 2·γ(2n)·(|L||U||x| + |Pb|)` (Higham, Thm 9.4: the solves
/// commit `2γₙ + γₙ²`, the checker's residual as much again).
pub fn lu_solve_residual(n: usize) -> f64 {
    2.0 * gamma(2 * n)
}

/// The normwise backward error of a solve by elimination with partial
/// pivoting, when the checker cannot see the factors:
/// `‖b − Ax‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞) ≤ γ(3n) · 2n² · 2ⁿ⁻¹`. Higham's Thm 9.4
/// gives `γ₃ₙ‖|L||U|‖∞`, and with `|ℓᵢⱼ| ≤ 1` and the growth bound,
/// `‖|L||U|‖∞ ≤ n²·2ⁿ⁻¹·‖A‖∞`. Lax for n = 8 (2·10⁻¹⁰), but without
/// pivoting the tiny-pivot inputs miss it by eight orders of magnitude or more.
pub fn solve_backward(n: usize) -> f64 {
    gamma(3 * n) * 2.0 * (n * n) as f64 * growth_bound(n)
}

/// The backward error of a determinant from LU, as a 2-norm relative to
/// `max|aᵢⱼ|`: `‖ΔA‖₂ ≤ ‖ΔA‖_F ≤ γₙ‖|L||U|‖_F ≤ γ(n)·n²·2ⁿ⁻¹·max|aᵢⱼ|`.
/// The check turns it into a bound on the determinant with the singular values
/// of A (Ipsen and Rehman, SIAM J. Matrix Anal. Appl. 30, 2008).
pub fn det_backward(n: usize) -> f64 {
    gamma(n) * (n * n) as f64 * growth_bound(n)
}

/// How far above κ₁ a condition estimate may land through rounding: every
/// solve has a relative forward error of at most κ times its backward error,
/// and the checker's κ₁ (from nalgebra's inverse) as much again.
pub fn cond_estimate_slack(n: usize, kappa: f64) -> f64 {
    2.0 * solve_backward(n) * kappa
}

/// An estimate of κ₁ by Hager's method must be at least κ₁ divided by this.
/// Measured with the reference (`measure_cond_estimate_factor` in
/// `l05.rs`): over 100 000 invertible matrices of the lesson-5 generators
/// (n ≤ 8, every family, 2^±40), the estimate was exact for 90.6% of them and
/// never below κ₁/6.8; on other families (random triangular, graded) the worst
/// seen was κ₁/10.4. 30
/// leaves a margin of 3 over every measurement, while an estimate without the
/// ‖A‖₁ factor misses by 2⁴⁰ on the scaled inputs.
pub const COND_ESTIMATE_FACTOR: f64 = 30.0;

// ---------------------------------------------------------------- lesson 7
//
// Calibration (`calibrate_l07` in `l07.rs`, 20 000 draws of each lesson-7
// generator, reference solutions; error / bound without C): A = QR at most
// 0.83 for all three Gram–Schmidt algorithms; ‖QᵀQ − I‖_F 0.78 (classical,
// κ₂ ≤ 10⁵), 1.00 (modified, κ₂ ≤ 10⁸) and 1.06 (twice, κ₂ ≤ 10⁸); unit
// columns 0.80; span 1.17; R 0.39; projection 0.73; complement 0.47;
// orthonormality_loss 0.009. The largest ratios come from the smallest
// inputs (a 2×1 A with κ₂ = 1), which is why the size factor is m(n + 2)
// rather than mn: the normalisation rounds as much as the projections. The
// wrong algorithm misses by orders of magnitude: classical Gram–Schmidt
// submitted as modified, 1.5·10⁻⁵ against 1.0·10⁻⁷ (4×4, κ₂ = 3.8·10⁶) and
// 0.71 against 3.9·10⁻⁶ (Läuchli's matrix); modified submitted as twice,
// 8.2·10⁻¹² against 8.9·10⁻¹⁵ (2×2, κ₂ = 1.5·10⁵).
//
// The exercises refuse a column as dependent when r_kk ≤ 10⁻¹⁰·‖a_k‖. The
// smallest r_kk/‖a_k‖ of the accepted inputs (κ₂ ≤ 10⁸, all three
// algorithms, the classical one too) is 2.0·10⁻⁸, at least 1/κ₂ as theory
// says; the largest remainder of an exactly dependent column next to columns
// with κ₂ ≤ 100 is 7.1·10⁻¹⁵ (classical), 1.2·10⁻¹⁵ (modified) and
// 3.1·10⁻¹⁶ (twice). 10⁻¹⁰ leaves a factor 200 on one side and 14 000 on
// the other; m·u (10⁻¹⁵) would let the classical algorithm normalise noise.

/// `orthonormality_loss` against the checker's ‖QᵀQ − I‖_F:
/// `|got − want| ≤ orthonormality(m, k) · (‖Q‖_F² + want)`. Each entry
/// q_i·q_j is a dot product of length m, off by γ_m·|q_i|·|q_j|, so
/// ‖ΔG‖_F ≤ γ_m·‖Q‖_F²; the norm of the k² entries adds γ_{k²} relative to
/// the result; the checker's own computation as much again.
pub fn orthonormality(m: usize, k: usize) -> f64 {
    2.0 * gamma(m + k * k)
}

/// `‖A − QR‖_F ≤ gram_schmidt_backward(m, n) · ‖A‖_F` for every Gram–Schmidt:
/// column k is a_k = Σ_j r_jk q_j + v_k up to the roundings of k subtractions
/// of length-m vectors and of the normalisation, whatever the loss of
/// orthogonality (Björck, 1967, for MGS; Giraud et al., 2005, for CGS), plus
/// the checker's own product.
pub fn gram_schmidt_backward(m: usize, n: usize) -> f64 {
    gamma(m * n)
}

/// Classical Gram–Schmidt: `‖QᵀQ − I‖_F ≤ C·m(n + 2)·u·κ₂(A)²` (Giraud, Langou,
/// Rozložník and van den Eshof, Numer. Math. 101, 2005, for u·κ₂² well below
/// 1; the checks stop at κ₂ = 10⁵).
pub fn gram_schmidt_classical(m: usize, n: usize, kappa: f64) -> f64 {
    gamma(m * (n + 2)) * kappa * kappa
}

/// Modified Gram–Schmidt: `‖QᵀQ − I‖_F ≤ C·m(n + 2)·u·κ₂(A)` (Björck, 1967).
/// The classical algorithm exceeds it by a factor of up to κ₂(A).
pub fn gram_schmidt_modified(m: usize, n: usize, kappa: f64) -> f64 {
    gamma(m * (n + 2)) * kappa
}

/// Classical Gram–Schmidt twice: `‖QᵀQ − I‖_F ≤ C·m(n + 2)·u`, whatever κ₂(A) as
/// long as u·κ₂(A) is well below 1 (Giraud et al., 2005: "twice is enough").
pub fn gram_schmidt_twice(m: usize, n: usize) -> f64 {
    gamma(m * (n + 2))
}

/// The span of Q against C(A): `‖QQᵀ − P‖_F ≤ 2C·m(n + 2)·u·κ₂(A)²`, P from
/// nalgebra's QR. Loose enough for the classical algorithm (its Q is off
/// orthonormal by u·κ², which QQᵀ inherits); checked on κ₂ ≤ 10³ only.
pub fn gram_schmidt_span(m: usize, n: usize, kappa: f64) -> f64 {
    gamma(2 * m * (n + 2)) * kappa * kappa
}

/// R against nalgebra's R (signs normalised), relative to ‖A‖_F:
/// `‖R̂ − R‖_F ≤ C·m(n + 2)·u·κ₂(A)·‖A‖_F`. Both are exact R factors of matrices
/// within rounding of A, and R moves by at most about κ₂(A) times a relative
/// perturbation of A (Sun, BIT 31, 1991: perturbation bounds for QR).
pub fn gram_schmidt_r(m: usize, n: usize, kappa: f64) -> f64 {
    gamma(m * (n + 2)) * kappa
}

/// `project_onto_subspace` against P·b: `‖p̂ − Pb‖ ≤ projection(m, k)·‖b‖`.
/// k coordinates q_j·b, each off by γ_m‖b‖, combined into a sum of k vectors;
/// the reference commits as much, and Q itself is orthonormal only to rounding.
pub fn projection(m: usize, k: usize) -> f64 {
    2.0 * gamma(2 * (m + k + 1)) * (k.max(1) as f64).sqrt()
}

/// The orthogonal complement C of an m×k Q: each of ‖CᵀC − I‖_F, ‖QᵀC‖_F and
/// ‖QQᵀ + CCᵀ − I‖_F is at most `complement(m)`. Every column is a remainder
/// of length ≥ 1/√m after two projections onto at most m vectors.
pub fn complement(m: usize) -> f64 {
    gamma(4 * m * (m + 1))
}

/// The length of a column of Q: `|‖q_j‖ − 1| ≤ unit_length(m)`. The norm of
/// v_j and the division by it, m + 2 roundings.
pub fn unit_length(m: usize) -> f64 {
    gamma(m + 2)
}

// ---------------------------------------------------------------- lesson 8
//
// Calibration (`calibrate` in `l08.rs`: 20 000 draws of each lesson-8
// generator, reference solutions; Householder thin and full and Givens QR on
// every matrix): the largest error/bound ratio without `C` is 0.50 for the
// reflector (orthogonality and Hx = αe₀), 0.00 for `apply_householder` (the
// checker sums in the reference's order), 0.94 for ‖QᵀQ − I‖ and 1.00 for
// ‖A − QR‖ (1.02 and 1.07 with another seed; always a 2×1 to 6×1 matrix),
// 0.25 for R against nalgebra, 0.78 for the column space, 0.67 and 0.46 for
// Givens, 0.76 for the least-squares forward error and 0.37 for its residual
// orthogonality. So a correct program has about 10× room, and more on all but
// the smallest matrices. The mutants of `mutants_l08.rs` miss by far more:
// modified Gram–Schmidt's ‖QᵀQ − I‖ is 67× the bound on a shrunk 2×2 with
// κ₂ = 6·10³ (about κ₂·u, so 10⁶× at κ₂ = 10¹⁰); the normal equations, 15×
// on a 3×3 with κ₂ = 8·10⁴ and a zero residual (they lose κ₂²·u).

/// A reflector H = I − βvvᵀ is orthogonal when β·vᵀv = 2:
/// ‖HᵀH − I‖_F = |β|·|β·vᵀv − 2|·vᵀv ≤ `reflector_orthogonality(m)` for
/// x of length m. A correct β = 2/vᵀv is off by the rounding of one sum of
/// m squares and one division, and the checker's vᵀv by as much again.
pub fn reflector_orthogonality(m: usize) -> f64 {
    gamma(2 * m + 4)
}

/// Hx = αe₀: ‖(Hx)₁..‖ and ||α| − ‖x‖| are at most
/// `reflector_image(m)`·‖x‖. The learner's v and β carry a few roundings
/// each (‖x‖, x₀ − α of same-sign numbers, one division per entry, vᵀv), and
/// the checker's x − β(vᵀx)v adds a sum of m products. With α of the wrong
/// sign, x₀ − α cancels and the error grows like u‖x‖²/|x₀ − α|.
pub fn reflector_image(m: usize) -> f64 {
    gamma(4 * m + 8)
}

/// B − βv(vᵀB), entry by entry: |ŷ − y| ≤ `reflector_apply(p)`·(|b_ij| +
/// |βv_i|·Σ_k |v_k b_kj|) for a block of p rows (a sum of p products, one
/// product and one subtraction; Higham, ch. 3).
pub fn reflector_apply(p: usize) -> f64 {
    gamma(p + 2)
}

/// A = QR for Householder or Givens QR: ‖A − Q̂R̂‖_F ≤ `qr_backward(m, n)`·‖A‖_F.
/// Higham, Thm 19.4 and 19.10: R̂ is the exact R of A + ΔA with
/// ‖Δa_j‖ ≤ γ̃_{mn}‖a_j‖, γ̃ₖ = c·k·u for a small constant c, and Q̂ is within
/// √n·γ̃_{mn} of an orthogonal matrix. Measured, c ≈ 2 plus a fixed few
/// roundings (the norm, the division) that dominate on 2×1 matrices: hence
/// 2mn + 4. No condition number: that is what a backward-stable method
/// promises.
pub fn qr_backward(m: usize, n: usize) -> f64 {
    gamma(2 * m * n + 4)
}

/// Q̂ orthogonal to working precision: ‖Q̂ᵀQ̂ − I‖_F ≤ `qr_orthogonality(m, n)`,
/// whatever κ₂(A) (Higham, Thm 19.4). Modified Gram–Schmidt reaches only
/// about κ₂(A)·u (Björck 1967, Higham Thm 19.13) and classical Gram–Schmidt
/// κ₂(A)²·u, so on the κ₂ = 10⁸..10¹² inputs they miss this by 10⁶ or more.
pub fn qr_orthogonality(m: usize, n: usize) -> f64 {
    gamma(2 * m * n + 4)
}

/// R against nalgebra's, once the signs of its rows are matched:
/// ‖D·R̂ − R‖_F ≤ `qr_r_factor(m, n, κ)`·‖A‖_F, with κ = κ₂ of A's leading
/// min(m, n) columns. R is unique when they are independent, and moves by
/// at most about √2·κ₂·‖ΔA‖_F when A does (J.-G. Sun, BIT 31, 1991, to first
/// order); both factorizations carry a backward error of `qr_backward`.
pub fn qr_r_factor(m: usize, n: usize, kappa: f64) -> f64 {
    2.0 * std::f64::consts::SQRT_2 * qr_backward(m, n) * kappa
}

/// The span of the first p = min(m, n) columns of Q̂ against the column
/// space of A: ‖Q̂Q̂ᵀ − P_A‖_F ≤ `qr_column_space(m, n, κ)`. A subspace
/// moves by about ‖ΔA‖/σ_p under a perturbation ΔA (Wedin), and
/// ‖ΔA‖_F ≤ √n·γ·‖A‖₂ for both factorizations.
pub fn qr_column_space(m: usize, n: usize, kappa: f64) -> f64 {
    2.0 * qr_backward(m, n) * (n as f64).sqrt() * kappa
}

/// A Givens rotation: |c² + s² − 1| ≤ `givens_unit()`. c = a/r and s = b/r
/// carry the rounding of r (`hypot` is correctly rounded to within an ulp)
/// and of one division each.
pub fn givens_unit() -> f64 {
    gamma(6)
}

/// A Givens rotation's action: |−s·a + c·b|, |c·a + s·b − r| and
/// ||r| − √(a² + b²)| are at most `givens_entries()`·√(a² + b²).
pub fn givens_entries() -> f64 {
    gamma(6)
}

/// Least squares by a backward-stable QR against nalgebra's:
/// ‖x̂ − x‖ ≤ `lstsq_qr(m, n, κ)`·(2‖x‖ + (κ + 1)‖r‖/‖A‖₂), κ = κ₂(A).
/// Householder least squares solves a problem with ‖ΔA‖_F ≤ γ̃_{mn}‖A‖_F ≤
/// √n·γ̃_{mn}‖A‖₂ and ‖Δb‖ ≤ γ̃_{mn}‖b‖ (Higham, Thm 20.3), which moves the
/// solution by at most κε(2‖x‖ + (κ + 1)‖r‖/‖A‖₂) (Higham, Thm 20.1), for
/// the learner and for nalgebra. With a small residual this is κ·u; the
/// normal equations lose κ²·u.
pub fn lstsq_qr(m: usize, n: usize, kappa: f64) -> f64 {
    2.0 * gamma(m * n) * (n as f64).sqrt() * kappa
}

/// κ-free: ‖Aᵀ(b − Ax̂)‖ ≤ `lstsq_qr_residual(m, n)`·‖A‖_F(‖A‖_F‖x̂‖ + ‖b‖).
/// x̂ is the exact solution for A + ΔA and b + Δb (Higham, Thm 20.3), so
/// Aᵀr̂ = O(‖ΔA‖‖r̂‖ + ‖A‖‖Δb‖ + ‖A‖‖ΔA‖‖x̂‖), and ‖r̂‖ ≤ ‖b‖ + ‖A‖‖x̂‖;
/// the checker's own residual adds γ_n(‖A‖‖x̂‖ + ‖b‖).
pub fn lstsq_qr_residual(m: usize, n: usize) -> f64 {
    2.0 * gamma(m * n + n)
}

// ---------------------------------------------------------------- lesson 9
//
// Measured: the largest error/bound ratio of the reference solutions with the
// bound taken without C (so 1.0 would be "exactly at the bound with C = 1";
// the checks allow 10), over 5 000 cases of each generator,
// `cargo test -p eigenlings-checks --lib calibrate_l09 -- --ignored --nocapture`.
// Errors are measured against double-double (Dot2, TwoSum, FMA) evaluations
// where the checker's own f64 reference would share the reference solution's
// roundings (2×2 eigenvalues, residual, Rayleigh quotient):
//
//   eigenvalues_2x2 exact (relative)  0.432    rayleigh_quotient        0.529
//   eigenvalues_2x2 sum and product   0.152    power ‖XS − SDᵏ‖         0.108
//   eigen_residual                    0.366    power against nalgebra   0.066
//   symmetric 2×2 ‖VᵀV − I‖           0.707    symmetric ‖A − VΛVᵀ‖     0.300
//   markov Σπ and ‖Pᵀπ − π‖           0.200    markov against nalgebra  0.025
//
// so correct code stays 14× (‖VᵀV − I‖) to 400× below the bounds, while the
// mutants of `mutants_l09.rs` miss them by orders of magnitude (the school
// formula by about |λ₁/λ₂| ulps, 10⁵ to 10¹⁴ on the `no_cancellation` inputs;
// B·inv(S) by up to κ₂(S) = 10⁸ in the residual).

/// Eigenvalues of an integer 2×2 matrix (×2^e) against the exact ones:
/// |λ̂ − λ| ≤ `eig2_exact()`·|λ|, each eigenvalue on its own (the small one
/// too), real and imaginary parts separately. With integer entries, t, det
/// and Δ = t²/4 − det are exact in floating point, so a method without
/// cancellation commits a square root, one addition and one division:
/// about 3 roundings; the checker's reference as many. The school formula
/// t/2 − √Δ loses |λ₁/λ₂| units in the last place of the small root.
pub fn eig2_exact() -> f64 {
    gamma(4)
}

/// The invariants λ₁ + λ₂ = tr A and λ₁λ₂ = det A (2re = tr A and
/// re² + im² = det A for a complex pair), for any 2×2 A:
/// |λ₁ + λ₂ − t| ≤ `eig2_invariants()`·(|λ₁| + |λ₂| + |a₀₀| + |a₁₁| + M/|λ₁|)
/// and |λ₁λ₂ − det| ≤ `eig2_invariants()`·(|λ₁λ₂| + M), with
/// M = |a₀₀a₁₁| + |a₀₁a₁₀| + (t/2)², the size of what Δ and det add up. An
/// error ε in Δ moves λ₁ by ε/(2√Δ) but λ₁ + d/λ₁ only by ε/|λ₁|.
pub fn eig2_invariants() -> f64 {
    gamma(8)
}

/// The eigenpair residual ‖Av − λv‖/‖v‖ against the checker's:
/// |ρ̂ − ρ| ≤ `eigen_residual(n)`·(‖|A||v|‖ + |λ|‖v‖)/‖v‖ (n products and
/// sums per entry, one subtraction, two norms and a division).
pub fn eigen_residual(n: usize) -> f64 {
    gamma(n + 6)
}

/// The Rayleigh quotient against the checker's u·Au, u = x/‖x‖:
/// |ρ̂ − ρ| ≤ `rayleigh(n)`·Σ|uᵢ aᵢⱼ uⱼ| (two sums of n terms, the
/// normalisation's roundings).
pub fn rayleigh(n: usize) -> f64 {
    gamma(2 * n + 6)
}

/// Aᵏ = S·Dᵏ·S⁻¹ by LU solves with Sᵀ, backward: ‖X̂S − SDᵏ‖_F ≤
/// `diag_power_residual(n)`·(‖X̂‖_F‖S‖_F + ‖SDᵏ‖_F). Each row of X̂ solves
/// (S + ΔS)ᵀy = b with |ΔS| ≤ γ_{3n}|L||U| (Higham, Thm 9.4), and partial
/// pivoting keeps |L||U| near |S| on these inputs; dᵏ itself is within a
/// few ulps (`powf`).
pub fn diag_power_residual(n: usize) -> f64 {
    gamma(3 * n + 4)
}

/// The same against nalgebra's (SDᵏ)·S⁻¹: ‖X̂ − X‖_F ≤
/// `diag_power_forward(n)`·κ₂(S)·(‖X‖_F + ‖SDᵏ‖_F‖S⁻¹‖₂): the backward error
/// of the solves times ‖S⁻¹‖, for the learner and for nalgebra.
pub fn diag_power_forward(n: usize) -> f64 {
    2.0 * gamma(3 * n + 4)
}

/// Symmetric 2×2 by a Jacobi rotation: ‖VᵀV − I‖_F ≤ `sym2_orthogonality()`
/// (c = 1/√(1 + t²) and s = tc: a few roundings each).
pub fn sym2_orthogonality() -> f64 {
    gamma(8)
}

/// ‖A − VΛVᵀ‖_F ≤ `sym2_backward()`·‖A‖_F; and, by Weyl's theorem, each
/// eigenvalue within `sym2_backward()`·‖A‖_F of nalgebra's (which carries
/// the same kind of error).
pub fn sym2_backward() -> f64 {
    gamma(16)
}

/// Eigenvector directions against nalgebra's: ‖vvᵀ − wwᵀ‖_F ≤
/// `sym2_vectors()`·‖A‖_F/gap (Davis–Kahan: a perturbation E turns an
/// eigenvector by at most ‖E‖/gap), gap = λ₀ − λ₁.
pub fn sym2_vectors() -> f64 {
    4.0 * gamma(16)
}

/// Stationary distribution: |Σπ̂ − 1| ≤ `markov_sum(n)` and
/// ‖Pᵀπ̂ − π̂‖ ≤ `markov_sum(n)`·(‖P‖_F + √n)‖π̂‖: the LU solve of
/// M = Pᵀ − I (last row replaced by ones) is backward stable,
/// ‖Mπ̂ − e‖ ≤ γ_{3n}·ρ·‖M‖‖π̂‖, with growth ρ small here.
pub fn markov_sum(n: usize) -> f64 {
    gamma(3 * n + 4)
}

/// π̂ against nalgebra's LU solution of the same system:
/// ‖π̂ − π‖ ≤ `markov_forward(n)`·κ₂(M)·‖π‖.
pub fn markov_forward(n: usize) -> f64 {
    2.0 * gamma(3 * n + 4) * (n as f64).sqrt()
}

// ---------------------------------------------------------------- lesson 10
//
// Calibration (`calibrate` in `l10.rs`: 20 000 draws of each lesson-10
// generator, reference solutions, release build): the largest error/bound
// ratio without `C` is 0.60 for `power_step`, 0.13 for the power method's
// eigenvalue and 0.25 for its residual (gap ratios up to 0.8, κ₂(S) up to
// 32, stopped at 10⁻¹⁰), 0.26 for inverse iteration, 0.10 for the second
// pair after deflation, 0.28 for the Hessenberg reduction, 0.18 for one QR
// step against nalgebra's RQ, 0.15 for unshifted QR iteration, 0.53 for
// shifted QR (n up to 16, repeated eigenvalues and ± pairs), and 0.74, 0.66
// and 0.70 for the symmetric solver's values, VᵀV and A − VΛVᵀ (n up to
// 40, clusters 10⁻⁹ apart, repeated and zero eigenvalues). So a correct
// program has at least 13× room. The mutants of `mutants_l10.rs` miss by
// orders of magnitude: a fixed 20 power steps leave errors of 0.8²⁰ ≈ 10⁻²,
// the sign lost is an error of 2|λ|, A ← QR never converges.

/// One power step: |λ̂ − xᵀAx/xᵀx| ≤ `power_step(n)`·‖A‖_F for a unit x
/// (a product Ax of n terms per entry, two dot products and a norm), and
/// ‖x̂' − Ax/‖Ax‖‖ ≤ `power_step(n)`·‖A‖_F·‖x‖/‖Ax‖ (the error of Ax relative
/// to its own size grows as Ax shrinks by cancellation).
pub fn power_step(n: usize) -> f64 {
    gamma(2 * n + 4)
}

/// An eigenvalue (and a residual ‖Av − λv‖) from a method stopped at the
/// tolerance `tol` on ‖x' − sign·x‖, with gap ratio `ratio` < 1 and
/// A = S·diag(d)·S⁻¹: `eig_iterative(n, κ₂(S), tol, ratio)`·max|d|. The
/// stopping test bounds the step, and the error still to go is the step
/// divided by 1 − ratio; in the eigenvector basis that is stretched by κ₂(S),
/// and once more by κ₂(S) in the Rayleigh quotient of a non-normal matrix.
/// The rounding in forming A adds κ₂(S)²·(n² + 4n)·u.
pub fn eig_iterative(n: usize, kappa: f64, tol: f64, ratio: f64) -> f64 {
    C * kappa * kappa * (tol / (1.0 - ratio) + (n * n + 4 * n) as f64 * U)
}

/// Hotelling's deflation entry by entry: |b̂_ij − b_ij| ≤
/// `deflate(n)`·(|a_ij| + |λ v_i v_j|/vᵀv): vᵀv is a sum of n squares, then
/// a product, a division and a subtraction.
pub fn deflate(n: usize) -> f64 {
    gamma(n + 6)
}

/// Hessenberg reduction by reflectors: ‖Q̂ᵀQ̂ − I‖_F and ‖A − Q̂ĤQ̂ᵀ‖_F/‖A‖_F
/// at most `hessenberg(n)`, the bound of a backward-stable sequence of n − 2
/// two-sided reflections (Higham, Thm 19.4 applied from both sides), and
/// the bound on the entries above the superdiagonal when A is symmetric.
pub fn hessenberg(n: usize) -> f64 {
    gamma(4 * n * n + 4)
}

/// One QR step against the checker's RQ: the diagonal and the moduli of the
/// entries within `qr_step(n, κ)`·‖A‖_F. Q and R move by about κ₂(A) times
/// the backward error of either factorization (`qr_r_factor`).
pub fn qr_step(n: usize, kappa: f64) -> f64 {
    4.0 * qr_backward(n, n) * kappa
}

/// All eigenvalues of a planted A = S·diag(d)·S⁻¹ by a backward-stable
/// method (shifted QR, the symmetric solver): |λ̂ − d| ≤
/// `eig_planted(n, κ₂(S))`·max|d|. Forming A costs κ₂(S)·γ‖D‖, the solver's
/// backward error is γ(n²)‖A‖_F ≤ γ(n²)·√n·κ₂(S)‖D‖, and an eigenvalue moves
/// by at most κ₂(S) times the perturbation (Bauer–Fike); symmetric: κ₂ = 1.
pub fn eig_planted(n: usize, kappa: f64) -> f64 {
    gamma(n * n + 4 * n) * kappa * kappa * (n as f64).sqrt()
}

/// The symmetric solver's eigenvectors: ‖V̂ᵀV̂ − I‖_F ≤ `sym_orthogonality(n)`
/// (products of reflectors and rotations, each orthogonal to rounding).
pub fn sym_orthogonality(n: usize) -> f64 {
    gamma(n * n + 4 * n)
}

/// The symmetric solver's backward error: ‖A − V̂Λ̂V̂ᵀ‖_F and every
/// ‖Av̂_j − λ̂_j v̂_j‖ at most `sym_backward(n)`·‖A‖_F.
pub fn sym_backward(n: usize) -> f64 {
    gamma(n * n + 4 * n)
}

// ---------------------------------------------------------------- lesson 12
//
// Calibration (`calibrate` in `l12.rs`: 20 000 draws of each lesson-12
// generator, reference solutions; error / bound without C): 0.38 for the
// means and centred entries, 0.14 for standardizing, 0.07 for the covariance
// entries, 0.17 for the orthonormality of the components, 0.18 for the
// explained variances, 0.15 for the top-k subspace, 0.09 for ridge through
// the SVD against nalgebra's Cholesky solve, 0.28 for softmax and the loss
// (logits up to 10⁴), 0.05 for the gradient against central differences;
// scores are bit-identical to the checker's product. So a correct program has
// 25× room or more. The mutants of `mutants_l12.rs` miss by far more: a
// variance over n instead of n − 1 is off by a factor (n − 1)/n, the one-pass
// covariance by u·x̄² (10⁻⁴ for means of 10⁶), an unshifted softmax is NaN.

/// A column mean and a centred entry against the checker's Σx/n:
/// |x̄̂_j − x̄_j| ≤ `mean(n)`·max_i |x_ij| (a sum of n terms and a division;
/// the checker's own mean as much again, hence twice this for x_ij − x̄_j).
pub fn mean(n: usize) -> f64 {
    gamma(n + 2)
}

/// A sample standard deviation and a standardized entry:
/// |ŝ_j − s_j| ≤ `standardized(n)`·(s_j + max_i|x_ij|) and
/// |ẑ_ij − z_ij| ≤ `standardized(n)`·(|z_ij| + max_i|x_ij|/s_j). The centred
/// entries carry the mean's error, γ·max|x|, which dominates when the offset
/// is large next to the spread; the norm, the square root and the division
/// add a few roundings.
pub fn standardized(n: usize) -> f64 {
    gamma(4 * n + 8)
}

/// A covariance entry: |Σ̂_jk − Σ_jk| ≤ `covariance(n)`·Σᵢ(|x̃_ij||x̃_ik| +
/// |x̃_ij|M_k + M_j|x̃_ik|)/(n − 1), x̃ the centred data and M_j = max_i|x_ij|:
/// each centred entry is off by γ·M_j (the mean), and the sum of n products
/// rounds by γ_n (Higham, §3.1); the checker's own product as much again.
pub fn covariance(n: usize) -> f64 {
    2.0 * gamma(n + 4)
}

/// PCA components orthonormal: ‖CCᵀ − I‖_F ≤ `pca_orthonormality(n, d)`. The
/// rows of Vᵀ from a Jacobi SVD are accumulated rotations, orthogonal to
/// working precision (a few sweeps of d rotations each, Demmel and Veselić,
/// 1992).
pub fn pca_orthonormality(n: usize, d: usize) -> f64 {
    gamma(4 * d * (d + n) + 8)
}

/// PCA explained variances: the centred data is rounded by γ·‖X‖_F (the
/// means) and the SVD is backward stable, so each σᵢ moves by at most
/// `pca_values(n, d)`·‖X‖_F (Weyl), and σᵢ² by 2e(σ₁ + e).
pub fn pca_values(n: usize, d: usize) -> f64 {
    gamma(4 * n * d + 8)
}

/// The subspace of the first k components: ‖CᵀC − P_k‖_F ≤
/// `pca_subspace(n, d)`·‖X‖_F²/(σ_k² − σ_(k+1)²). A perturbation E of the
/// data turns the top-k right singular subspace by about ‖E‖/(σ_k − σ_(k+1))
/// (Wedin), ≤ 2‖E‖σ₁/(σ_k² − σ_(k+1)²); the checker's reference, the
/// eigenvectors of XcᵀXc, turns by γ‖X‖²/(λ_k − λ_(k+1)) (Davis–Kahan).
pub fn pca_subspace(n: usize, d: usize) -> f64 {
    gamma(8 * n * d + 16)
}

/// Scores and reconstructions, entry by entry: |ẑ − z| ≤ `scores(p)`·(|X −
/// x̄|)|C|ᵀ for a sum of p products and a subtraction; the checker's
/// product as much again.
pub fn scores(p: usize) -> f64 {
    2.0 * gamma(p + 2)
}

/// Ridge through the SVD against nalgebra's Cholesky solve of M x = Aᵀb,
/// M = AᵀA + λI: ‖x̂ − x‖ ≤ `ridge_svd(m, n, κ)`·(‖x‖ + ‖A‖_F‖b‖/‖M‖₂), κ =
/// κ₂(M). The SVD is backward stable (‖ΔA‖ ≤ γ_mn‖A‖), which moves the
/// solution by ‖M⁻¹‖·‖ΔA‖(‖b‖ + 2‖A‖‖x‖) ≤ κ·ε·(‖x‖ + ‖b‖‖A‖/‖M‖) up to
/// constants, and the reference errs like lesson 6's `ridge` bound.
pub fn ridge_svd(m: usize, n: usize, kappa: f64) -> f64 {
    2.0 * gamma(2 * m * n + 4 * m + 4 * n) * (n.max(1) as f64).sqrt() * kappa
}

/// Softmax entries, relative: |p̂ − p| ≤ `softmax(k)`·max(1, max|z|)·p, and
/// the loss: |L̂ − L| ≤ `softmax(k)`·mean_i max(1, max_j|z_ij|). Subtracting
/// the shift rounds each z − m by u·|z|, which exp turns into a relative
/// error; a sum of k exponentials, a logarithm and a division add a few more.
pub fn softmax(k: usize) -> f64 {
    gamma(2 * k + 8)
}

/// The rounding δ of one evaluation of the mean loss of a linear layer with
/// d inputs and k outputs, relative to mean_i max(1, max|z_i|) + 1, WITHOUT
/// the safety factor (the check puts C on the whole finite-difference
/// bound): d products per logit, then `softmax(k)`'s roundings.
pub fn finite_difference_noise(d: usize, k: usize) -> f64 {
    (2 * (d + k) + 16) as f64 * U
}

/// Training replayed by the checker: each loss of the history within
/// `training(steps)`·(|L₀| + 1) of the replay's. Gradient descent with
/// η ≤ 1/L is non-expansive, so the roundings of each step (γ_d in the
/// gradient) add up rather than grow.
pub fn training(steps: usize) -> f64 {
    gamma(64 * (steps + 1))
}

// ---------------------------------------------------------------- lesson 11
//
// Calibration (`l11::tests::calibrate`, 3000 cases of each generator, the
// reference solutions, the route through AᵀA on lesson 10's symmetric_eigen):
// the largest error/bound ratios WITHOUT `C` are 0.85 for the accurate σ
// against nalgebra (κ₂ up to 10¹⁰ included), 0.53 for ‖UᵀU − I‖ and
// ‖VᵀV − I‖, 0.29 for ‖A − UΣVᵀ‖, 0.12 for the relative accuracy on graded
// matrices; for the route through AᵀA 1.07 for σ², 0.40 for orthogonality,
// 0.47 for the reconstruction; 0.58 for the Penrose conditions, 0.17 for
// least squares through A⁺, 0.33 for Eckart–Young and the rank of A_k, 0.16
// for κ₂. So a correct program has 9× to 80× room. The rank decisions have
// a gap on both sides: the largest computed "zero" σ is 0.06 of the rank
// tolerance max(m, n)·ε·σ₁, and the noise eigenvalues of AᵀA stay below 0.16
// of the contract's τ = max(m, n)·ε·σ₁². The mutants of `mutants_l11.rs` miss
// by far more: the route through AᵀA submitted as the accurate SVD rebuilds A
// to 2e-10..8e-9 against an allowed 7.5e-14 and misses σ_min by 3e3..2e5 times
// the bound (spot check on 8×4 matrices with κ₂ from 1e8 to 9e9, with lesson
// 10's solver), and is 5e13× off the relative bound on graded matrices.

/// An accurate SVD's singular values against nalgebra's `singular_values()`:
/// |σ̂_j − σ_j| ≤ `svd_values(m, n)`·σ₁ (Weyl: |σ_j(A + E) − σ_j(A)| ≤ ‖E‖₂,
/// and a backward-stable SVD has ‖E‖₂ ≲ c·max(m, n)·u·‖A‖₂; nalgebra's own
/// values were within 3·m·u·σ₁ of exactly known ones, `checking.md`). No κ:
/// the route through AᵀA misses it by up to u·σ₁²/σ_min (measured 3e3..2e5×
/// the bound at κ₂ = 1e8..9e9).
pub fn svd_values(m: usize, n: usize) -> f64 {
    gamma(4 * m.max(n))
}

/// ‖ÛᵀÛ − I‖_F and ‖V̂ᵀV̂ − I‖_F for an accurate SVD: orthogonal to working
/// precision whatever κ₂. One-sided Jacobi stops when every cosine between
/// columns is below √m·u, and accumulates V by rotations.
pub fn svd_orthogonality(m: usize, n: usize) -> f64 {
    gamma(2 * m * n + 4)
}

/// ‖A − ÛΣ̂V̂ᵀ‖_F ≤ `svd_backward(m, n)`·‖A‖_F for an accurate SVD (backward
/// stable: each rotation is applied to the data itself).
pub fn svd_backward(m: usize, n: usize) -> f64 {
    gamma(2 * m * n + 4)
}

/// Relative accuracy on a column-graded A = Q·D (Q orthonormal columns):
/// |σ̂_j − σ_j| ≤ `svd_relative(m, n)`·σ_j. One-sided Jacobi perturbs each
/// column relative to its own norm (Demmel and Veselić 1992, Thm 4.2:
/// relative error ≲ c·sweeps·n·u·κ₂(B) with A = B·D, κ₂(B) ≈ 1 here), and
/// the reference (column norms) is within ‖QᵀQ − I‖ ≈ m·u of the σ_j.
pub fn svd_relative(m: usize, n: usize) -> f64 {
    gamma(4 * m * n)
}

/// The route through AᵀA: |σ̂_j² − σ_j²| ≤ `svd_via_eigen_values(m, n)`·σ₁².
/// Forming AᵀA costs m·u·σ₁² per entry and a backward-stable eigensolver adds
/// n·u·‖AᵀA‖ (Weyl), so the eigenvalues σ_j² are accurate relative to σ₁², and
/// σ_j itself only to u·κ_j² relative.
pub fn svd_via_eigen_values(m: usize, n: usize) -> f64 {
    gamma(2 * m.max(n) * m.min(n) + 4)
}

/// The route through AᵀA: ‖ÛᵀÛ − I‖_F, ‖V̂ᵀV̂ − I‖_F ≤
/// `svd_via_eigen_orthogonality(m, n, κ)`, with κ = σ₁/σ_r over the σ_j the
/// learner divided by (σ_j² above τ = max(m, n)·ε·σ₁²): u_iᵀu_j =
/// v_iᵀ(AᵀA)v_j/(σ_iσ_j) carries the eigensolver's error n·u·σ₁² divided by
/// σ_iσ_j ≥ σ_r².
pub fn svd_via_eigen_orthogonality(m: usize, n: usize, kappa: f64) -> f64 {
    gamma(2 * m * n + 4) * kappa * kappa
}

/// The route through AᵀA: ‖A − ÛΣ̂V̂ᵀ‖_F ≤ `svd_via_eigen_backward(m, n, κ)`·‖A‖_F.
/// The u_j of σ_j² > τ give Av_jv_jᵀ up to the orthogonality error above; the
/// others (completed) drop layers of size at most √τ each: k of them cost
/// at most 2√(k·max(m, n)·ε)·σ₁.
pub fn svd_via_eigen_backward(m: usize, n: usize, kappa: f64) -> f64 {
    let k = m.min(n) as f64;
    svd_via_eigen_orthogonality(m, n, kappa) + 4.0 * (k * m.max(n) as f64 * f64::EPSILON).sqrt()
}

/// The four Moore–Penrose conditions for X = Â⁺, each relative to ‖A‖_F,
/// ‖X‖_F or 1: ≤ `pseudo_inverse(m, n, κ_r)`, κ_r = σ₁/σ_r over the nonzero
/// singular values. X is the exact pseudo-inverse of a matrix within
/// c·mn·u·‖A‖ of A, and A⁺ moves by about κ_r²·‖ΔA‖/‖A‖ relative (Wedin), which
/// XAX − X and the symmetry of XA feel; AXA − A and AX only κ_r.
pub fn pseudo_inverse(m: usize, n: usize, kappa: f64) -> f64 {
    gamma(2 * m * n + 4) * kappa * kappa
}

/// Least squares through A⁺ against the minimum-norm solution:
/// ‖x̂ − x‖ ≤ `pinv_lstsq(m, n, κ_r)`·(2‖x‖ + (κ_r + 1)‖r‖/σ₁), the
/// perturbation bound of the problem restricted to the nonzero singular
/// values (Higham, Thm 20.1, with κ_r for κ), as in `lstsq_qr`.
pub fn pinv_lstsq(m: usize, n: usize, kappa: f64) -> f64 {
    2.0 * gamma(2 * m * n + 4) * (n as f64).sqrt() * kappa
}

/// Best rank-k approximation: |‖A − Â_k‖_F − (Σ_{j≥k} σ_j²)^½| and
/// σ_{k+1}(Â_k) ≤ `low_rank(m, n)`·‖A‖_F: the SVD's backward error, plus the
/// rounding of the k layers added up.
pub fn low_rank(m: usize, n: usize) -> f64 {
    gamma(2 * m * n + 4)
}

/// κ₂ = σ₁/σ_min against nalgebra's: relative error ≤ `cond_2(m, n, κ)`, as
/// σ_min is known to `svd_values(m, n)`·σ₁ on both sides.
pub fn cond_2(m: usize, n: usize, kappa: f64) -> f64 {
    2.0 * svd_values(m, n) * kappa
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
