//! Mutation suite for lesson 2 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small shrunk counterexample, and different but correct
//! implementations (variants) must pass.
//!
//! Each exercise is one table: `(name, report, expectation)`. A mutant that
//! survives means the check misses an input family or an invariant; a variant
//! that fails means the check is unfair. Run with `--nocapture` to see every
//! row with its counterexample.

use checks::l02::{self, Cosine, Distances, Norms, Projection};
use report::ExerciseReport;
use vocab::{LinalgError, Matrix};

use solutions::l02 as sol;

mod judge;
use judge::{Kill, Pass, judge};

// ---------------------------------------------------------------- dot_product

/// Bug: the loop bound stops one short (`0..n - 1`), the last product is lost.
fn dot_off_by_one(a: &[f64], b: &[f64]) -> f64 {
    let mut sum = 0.0;
    for i in 0..a.len().saturating_sub(1) {
        sum += a[i] * b[i];
    }
    sum
}

/// Bug: accumulates in `f32`, which overflows at 2^500 and loses everything at 2^−500.
fn dot_in_f32(a: &[f64], b: &[f64]) -> f64 {
    let mut sum = 0.0_f32;
    for (x, y) in a.iter().zip(b) {
        sum += *x as f32 * *y as f32;
    }
    f64::from(sum)
}

/// Bug: adds |aᵢbᵢ|, so the signs are lost.
fn dot_abs(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x * y).abs()).sum()
}

/// Bug: a typo, aᵢ·aᵢ: the squared length of a.
fn dot_a_twice(a: &[f64], _b: &[f64]) -> f64 {
    a.iter().map(|x| x * x).sum()
}

/// Variant: the sum from the last coordinate to the first.
fn dot_reversed(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).rev().map(|(x, y)| x * y).sum()
}

/// Variant: pairwise (recursive halving) summation.
fn dot_pairwise(a: &[f64], b: &[f64]) -> f64 {
    match a.len() {
        0 => 0.0,
        1 => a[0] * b[0],
        n => dot_pairwise(&a[..n / 2], &b[..n / 2]) + dot_pairwise(&a[n / 2..], &b[n / 2..]),
    }
}

/// Variant: Kahan's compensated sum of fused multiply–adds.
fn dot_kahan(a: &[f64], b: &[f64]) -> f64 {
    let (mut sum, mut carry) = (0.0_f64, 0.0_f64);
    for (x, y) in a.iter().zip(b) {
        let term = x.mul_add(*y, -carry);
        let next = sum + term;
        carry = (next - sum) - term;
        sum = next;
    }
    sum
}

#[test]
fn dot_product() {
    let sum = "sum_of_products";
    judge(
        "dot_product",
        vec![
            ("reference", l02::dot_product(sol::dot_product::dot), Pass),
            ("reversed order", l02::dot_product(dot_reversed), Pass),
            ("pairwise summation", l02::dot_product(dot_pairwise), Pass),
            ("Kahan summation with fma", l02::dot_product(dot_kahan), Pass),
            ("last product skipped", l02::dot_product(dot_off_by_one), Kill(sum, 2)),
            ("f32 accumulator", l02::dot_product(dot_in_f32), Kill(sum, 2)),
            ("|aᵢbᵢ| summed", l02::dot_product(dot_abs), Kill(sum, 2)),
            ("aᵢ·aᵢ typo", l02::dot_product(dot_a_twice), Kill(sum, 2)),
        ],
    );
}

// ---------------------------------------------------------------- vector_norms

/// Bug: Σvᵢ, the absolute value forgotten.
fn l1_no_abs(v: &[f64]) -> f64 {
    v.iter().sum()
}

/// Bug: the naive √(Σvᵢ²): vᵢ² overflows at 2^600 and underflows at 2^−600.
fn l2_naive(v: &[f64]) -> f64 {
    v.iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Bug: scales by m = max|vᵢ| but forgets to multiply back by m.
fn l2_scale_not_undone(v: &[f64]) -> f64 {
    let m = sol::vector_norms::norm_inf(v);
    if m == 0.0 {
        return 0.0;
    }
    v.iter().map(|x| (x / m) * (x / m)).sum::<f64>().sqrt()
}

/// Bug: scales by m = max|vᵢ| without the `m == 0` guard: 0/0 = NaN for a zero vector.
fn l2_no_zero_guard(v: &[f64]) -> f64 {
    let m = sol::vector_norms::norm_inf(v);
    m * v.iter().map(|x| (x / m) * (x / m)).sum::<f64>().sqrt()
}

/// Bug: max vᵢ instead of max |vᵢ|.
fn inf_no_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m: f64, x| m.max(*x))
}

/// Bug: the naive (Σ|vᵢ|^p)^(1/p), no scaling: overflows and underflows.
fn p_naive(v: &[f64], p: f64) -> f64 {
    v.iter().map(|x| x.abs().powf(p)).sum::<f64>().powf(1.0 / p)
}

/// Bug: the p-th root forgotten, m·Σ(|vᵢ|/m)^p.
fn p_no_root(v: &[f64], p: f64) -> f64 {
    let m = sol::vector_norms::norm_inf(v);
    if p.is_infinite() || m == 0.0 {
        return m;
    }
    m * v.iter().map(|x| (x.abs() / m).powf(p)).sum::<f64>()
}

/// Variant: Σ|vᵢ| from the last coordinate to the first.
fn l1_reversed(v: &[f64]) -> f64 {
    v.iter().rev().map(|x| x.abs()).sum()
}

/// Variant: a running `hypot`, which never overflows.
fn l2_hypot(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |acc: f64, x| acc.hypot(*x))
}

/// Variant: scaled by the power of two nearest below max|vᵢ| (exact scaling).
fn l2_power_of_two(v: &[f64]) -> f64 {
    let m = v.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
    if m == 0.0 {
        return 0.0;
    }
    let e = m.log2().floor() as i32;
    let down = |x: f64| x * 2f64.powi(-e / 2) * 2f64.powi(-(e - e / 2));
    let up = 2f64.powi(e / 2) * 2f64.powi(e - e / 2);
    v.iter().map(|&x| down(x) * down(x)).sum::<f64>().sqrt() * up
}

/// Variant: max via `f64::max` on the absolute values.
fn inf_iter(v: &[f64]) -> f64 {
    v.iter().map(|x| x.abs()).fold(0.0, f64::max)
}

/// Variant: no special case for p = ∞: the scaled formula gives it anyway,
/// since (|vᵢ|/m)^∞ is 1 for the largest entries and 0 for the others, and c^(1/∞) = 1.
fn p_no_infinity_branch(v: &[f64], p: f64) -> f64 {
    let m = sol::vector_norms::norm_inf(v);
    if m == 0.0 {
        return 0.0;
    }
    m * v.iter().map(|x| (x.abs() / m).powf(p)).sum::<f64>().powf(1.0 / p)
}

/// Variant: special cases p = 1 and p = 2 delegate to the dedicated norms.
fn p_dispatch(v: &[f64], p: f64) -> f64 {
    if p == 1.0 {
        sol::vector_norms::norm_l1(v)
    } else if p == 2.0 {
        sol::vector_norms::norm_l2(v)
    } else {
        sol::vector_norms::norm_p(v, p)
    }
}

type Norm = fn(&[f64]) -> f64;
type NormP = fn(&[f64], f64) -> f64;

fn check_norms(norm_l1: Norm, norm_l2: Norm, norm_inf: Norm, norm_p: NormP) -> ExerciseReport {
    l02::vector_norms(&Norms { norm_l1, norm_l2, norm_inf, norm_p })
}

#[test]
fn vector_norms() {
    let (l1, l2, inf): (Norm, Norm, Norm) =
        (sol::vector_norms::norm_l1, sol::vector_norms::norm_l2, sol::vector_norms::norm_inf);
    let p: NormP = sol::vector_norms::norm_p;
    judge(
        "vector_norms",
        vec![
            ("reference", check_norms(l1, l2, inf, p), Pass),
            ("reversed l1, hypot l2, max fold", check_norms(l1_reversed, l2_hypot, inf_iter, p), Pass),
            ("l2 scaled by a power of two", check_norms(l1, l2_power_of_two, inf, p), Pass),
            ("p = ∞ without a branch", check_norms(l1, l2, inf, p_no_infinity_branch), Pass),
            ("p = 1, 2 delegated", check_norms(l1, l2, inf, p_dispatch), Pass),
            ("l1 without abs", check_norms(l1_no_abs, l2, inf, p), Kill("l1_sums_absolute_values", 1)),
            ("l2 naive √Σvᵢ²", check_norms(l1, l2_naive, inf, p), Kill("l2_never_overflows", 1)),
            ("l2 scale not undone", check_norms(l1, l2_scale_not_undone, inf, p), Kill("l2_never_overflows", 1)),
            ("l2 without m = 0 guard", check_norms(l1, l2_no_zero_guard, inf, p), Kill("textbook_examples_l2", 2)),
            ("inf without abs", check_norms(l1, l2, inf_no_abs, p), Kill("inf_is_largest_magnitude", 1)),
            ("p-norm naive", check_norms(l1, l2, inf, p_naive), Kill("p_norm_for_any_p", 1)),
            ("p-norm without the root", check_norms(l1, l2, inf, p_no_root), Kill("p_norm_for_any_p", 2)),
        ],
    );
}

// ---------------------------------------------------------------- distances

/// Bug: the naive √Σ(aᵢ − bᵢ)², which overflows at 2^600.
fn euclidean_naive(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum::<f64>().sqrt()
}

/// Bug: the square root forgotten (the squared distance).
fn euclidean_squared(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// Bug: |Σ(aᵢ − bᵢ)|, the absolute value outside the sum.
fn manhattan_abs_outside(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| x - y).sum::<f64>().abs()
}

/// Bug: max(aᵢ − bᵢ), the absolute value forgotten.
fn chebyshev_no_abs(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).fold(0.0, |m: f64, (x, y)| m.max(x - y))
}

/// Bug: the smallest coordinate difference instead of the largest.
fn chebyshev_min(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(f64::INFINITY, f64::min)
}

/// Variant: b − a instead of a − b (every distance is symmetric), with a running `hypot`.
fn euclidean_hypot_swapped(a: &[f64], b: &[f64]) -> f64 {
    b.iter().zip(a).fold(0.0, |acc: f64, (x, y)| acc.hypot(x - y))
}

/// Variant: b − a, summed from the end.
fn manhattan_swapped(a: &[f64], b: &[f64]) -> f64 {
    b.iter().zip(a).rev().map(|(x, y)| (x - y).abs()).sum()
}

/// Variant: `max_by` with `total_cmp`, 0 for empty vectors.
fn chebyshev_max_by(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).max_by(f64::total_cmp).unwrap_or(0.0)
}

type Dist = fn(&[f64], &[f64]) -> f64;

fn check_dist(euclidean: Dist, manhattan: Dist, chebyshev: Dist) -> ExerciseReport {
    l02::distances(&Distances { euclidean, manhattan, chebyshev })
}

#[test]
fn distances() {
    let (e, m, c): (Dist, Dist, Dist) =
        (sol::distances::euclidean, sol::distances::manhattan, sol::distances::chebyshev);
    judge(
        "distances",
        vec![
            ("reference", check_dist(e, m, c), Pass),
            ("b − a, hypot, max_by", check_dist(euclidean_hypot_swapped, manhattan_swapped, chebyshev_max_by), Pass),
            ("euclidean naive", check_dist(euclidean_naive, m, c), Kill("euclidean_is_l2_of_difference", 2)),
            ("euclidean squared", check_dist(euclidean_squared, m, c), Kill("euclidean_is_l2_of_difference", 2)),
            ("manhattan |Σ|", check_dist(e, manhattan_abs_outside, c), Kill("manhattan_is_l1_of_difference", 4)),
            ("chebyshev without abs", check_dist(e, m, chebyshev_no_abs), Kill("chebyshev_is_max_of_difference", 2)),
            ("chebyshev min", check_dist(e, m, chebyshev_min), Kill("chebyshev_is_max_of_difference", 4)),
        ],
    );
}

// ---------------------------------------------------------------- cosine_similarity

type Angle = fn(&[f64], &[f64]) -> Result<f64, LinalgError>;

fn nonzero(a: &[f64], b: &[f64]) -> Result<(), LinalgError> {
    let zero = |v: &[f64]| v.iter().all(|&x| x == 0.0);
    if zero(a) || zero(b) { Err(LinalgError::ZeroVector) } else { Ok(()) }
}

/// Bug: a·b / (‖a‖‖b‖) with good norms, but the raw dot product overflows at 2^600.
fn cos_dot_first(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    nonzero(a, b)?;
    let (na, nb) = (sol::vector_norms::norm_l2(a), sol::vector_norms::norm_l2(b));
    Ok((sol::dot_product::dot(a, b) / (na * nb)).clamp(-1.0, 1.0))
}

/// Bug: a·b / √((a·a)(b·b)): squares overflow at 2^600 and underflow at 2^−600.
fn cos_sqrt_of_dots(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    let dot = sol::dot_product::dot;
    let (aa, bb) = (dot(a, a), dot(b, b));
    if aa == 0.0 || bb == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    Ok((dot(a, b) / (aa * bb).sqrt()).clamp(-1.0, 1.0))
}

/// Bug: no clamp, so parallel vectors can give 1.0000000000000002.
fn cos_unclamped(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    nonzero(a, b)?;
    let (na, nb) = (sol::vector_norms::norm_l2(a), sol::vector_norms::norm_l2(b));
    let unit = |v: &[f64], n: f64| v.iter().map(|x| x / n).collect::<Vec<f64>>();
    Ok(sol::dot_product::dot(&unit(a, na), &unit(b, nb)))
}

/// Bug: no zero-vector error: 0/0 comes back as `Ok(NaN)`.
fn cos_no_zero_error(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    let (na, nb) = (sol::vector_norms::norm_l2(a), sol::vector_norms::norm_l2(b));
    let unit = |v: &[f64], n: f64| v.iter().map(|x| x / n).collect::<Vec<f64>>();
    Ok(sol::dot_product::dot(&unit(a, na), &unit(b, nb)).clamp(-1.0, 1.0))
}

/// Bug: the angle in degrees.
fn angle_degrees(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    Ok(sol::cosine_similarity::cosine_similarity(a, b)?.acos().to_degrees())
}

/// Bug: arccos of an unclamped cosine: NaN for parallel vectors.
fn angle_unclamped(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    Ok(cos_unclamped(a, b)?.acos())
}

/// Variant: divide each vector by its largest |entry| first (nothing can
/// overflow after that), then the textbook formula, clamped.
fn cos_prescaled(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    nonzero(a, b)?;
    let shrink = |v: &[f64]| {
        let m = v.iter().fold(0.0_f64, |m, x| m.max(x.abs()));
        v.iter().map(|x| x / m).collect::<Vec<f64>>()
    };
    let (a, b) = (shrink(a), shrink(b));
    let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(p, q)| p * q).sum::<f64>();
    Ok((dot(&a, &b) / (dot(&a, &a).sqrt() * dot(&b, &b).sqrt())).clamp(-1.0, 1.0))
}

/// Bug: the angle recomputes a·b / (‖a‖‖b‖) itself instead of reusing the
/// safe cosine: clamped, but a·b overflows at 2^600 (NaN survives the clamp).
fn angle_own_formula(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    nonzero(a, b)?;
    let (na, nb) = (sol::vector_norms::norm_l2(a), sol::vector_norms::norm_l2(b));
    Ok((sol::dot_product::dot(a, b) / (na * nb)).clamp(-1.0, 1.0).acos())
}

/// Variant: Kahan's formula θ = 2·atan2(‖â − b̂‖, ‖â + b̂‖), accurate near 0 and π.
fn angle_kahan(a: &[f64], b: &[f64]) -> Result<f64, LinalgError> {
    nonzero(a, b)?;
    let norm = sol::vector_norms::norm_l2;
    let (na, nb) = (norm(a), norm(b));
    let diff: Vec<f64> = a.iter().zip(b).map(|(x, y)| x / na - y / nb).collect();
    let sum: Vec<f64> = a.iter().zip(b).map(|(x, y)| x / na + y / nb).collect();
    Ok(2.0 * norm(&diff).atan2(norm(&sum)))
}

fn check_cos(cosine_similarity: Angle, angle_between: Angle) -> ExerciseReport {
    l02::cosine_similarity(&Cosine { cosine_similarity, angle_between })
}

#[test]
fn cosine_similarity() {
    let (cos, angle): (Angle, Angle) =
        (sol::cosine_similarity::cosine_similarity, sol::cosine_similarity::angle_between);
    let scale = "cosine_at_any_scale";
    judge(
        "cosine_similarity",
        vec![
            ("reference", check_cos(cos, angle), Pass),
            ("prescaled by max|entry|", check_cos(cos_prescaled, angle), Pass),
            ("angle by Kahan's atan2 formula", check_cos(cos, angle_kahan), Pass),
            ("a·b overflows before dividing", check_cos(cos_dot_first, angle), Kill(scale, 2)),
            ("√((a·a)(b·b))", check_cos(cos_sqrt_of_dots, angle), Kill(scale, 2)),
            ("no clamp", check_cos(cos_unclamped, angle), Kill("parallel_vectors_stay_in_range", 6)),
            ("no zero-vector error", check_cos(cos_no_zero_error, angle), Kill("refuses_zero_vectors", 4)),
            ("angle in degrees", check_cos(cos, angle_degrees), Kill("angle_in_radians", 2)),
            ("arccos without clamp", check_cos(cos, angle_unclamped), Kill("angle_of_parallel_vectors", 6)),
            ("angle from its own unscaled formula", check_cos(cos, angle_own_formula), Kill("angle_in_radians", 2)),
        ],
    );
}

// ---------------------------------------------------------------- projection

type Proj = fn(&[f64], &[f64]) -> Result<Vec<f64>, LinalgError>;

fn dot(a: &[f64], b: &[f64]) -> f64 {
    sol::dot_product::dot(a, b)
}

/// Bug: the roles swapped, b projected onto a: (a·b / a·a)·a.
fn proj_swapped(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let aa = dot(a, a);
    if dot(b, b) == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    Ok(a.iter().map(|x| dot(a, b) / aa * x).collect())
}

/// Bug: divides by ‖b‖ instead of b·b = ‖b‖² (a missing normalisation).
fn proj_over_norm(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let nb = sol::vector_norms::norm_l2(b);
    if nb == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    Ok(b.iter().map(|x| dot(a, b) / nb * x).collect())
}

/// Bug: an absolute tolerance, b·b < 1e-12, refuses short but non-zero vectors.
fn proj_absolute_zero_test(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let bb = dot(b, b);
    if bb < 1e-12 {
        return Err(LinalgError::ZeroVector);
    }
    Ok(b.iter().map(|x| dot(a, b) / bb * x).collect())
}

/// Bug: no zero test, b = 0 gives `Ok` of NaNs.
fn proj_no_zero_error(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let bb = dot(b, b);
    Ok(b.iter().map(|x| dot(a, b) / bb * x).collect())
}

/// Bug: the residual with the wrong sign, proj − a.
fn residual_flipped(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let p = sol::projection::project_onto(a, b)?;
    Ok(p.iter().zip(a).map(|(p, x)| p - x).collect())
}

/// Bug: the coefficient applied to a instead of b: (a·b / b·b)·a.
fn proj_scales_a(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let bb = dot(b, b);
    if bb == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    Ok(a.iter().map(|x| dot(a, b) / bb * x).collect())
}

/// Variant: through the unit vector û = b/‖b‖: (a·û)·û.
fn proj_unit(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let nb = sol::vector_norms::norm_l2(b);
    if nb == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    let u: Vec<f64> = b.iter().map(|x| x / nb).collect();
    let t = dot(a, &u);
    Ok(u.iter().map(|x| t * x).collect())
}

/// Variant: the residual coordinate by coordinate, aᵢ − t·bᵢ with fma.
fn residual_direct(a: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let bb = dot(b, b);
    if bb == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    let t = dot(a, b) / bb;
    Ok(a.iter().zip(b).map(|(x, y)| (-t).mul_add(*y, *x)).collect())
}

fn check_proj(project_onto: Proj, residual: Proj) -> ExerciseReport {
    l02::projection(&Projection { project_onto, residual })
}

#[test]
fn projection() {
    let (p, r): (Proj, Proj) = (sol::projection::project_onto, sol::projection::residual);
    let formula = "projection_formula";
    judge(
        "projection",
        vec![
            ("reference", check_proj(p, r), Pass),
            ("through the unit vector; direct residual", check_proj(proj_unit, residual_direct), Pass),
            ("b projected onto a", check_proj(proj_swapped, r), Kill(formula, 2)),
            ("divides by ‖b‖", check_proj(proj_over_norm, r), Kill(formula, 2)),
            ("coefficient times a", check_proj(proj_scales_a, r), Kill(formula, 4)),
            ("absolute zero test", check_proj(proj_absolute_zero_test, r), Kill(formula, 2)),
            ("no zero-b error", check_proj(proj_no_zero_error, r), Kill("refuses_zero_b", 4)),
            ("residual proj − a", check_proj(p, residual_flipped), Kill("residual_is_orthogonal", 4)),
        ],
    );
}

// ---------------------------------------------------------------- k_nearest

type Knn = fn(&Matrix, &[f64], usize, fn(&[f64], &[f64]) -> f64) -> Vec<usize>;

fn scored(data: &Matrix, query: &[f64], distance: fn(&[f64], &[f64]) -> f64) -> Vec<(f64, usize)> {
    data.rows().enumerate().map(|(i, row)| (distance(row, query), i)).collect()
}

/// Bug: ties broken the other way, larger index first.
fn knn_ties_reversed(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let mut s = scored(data, query, distance);
    s.sort_by(|x, y| x.0.total_cmp(&y.0).then(y.1.cmp(&x.1)));
    s.into_iter().take(k).map(|(_, i)| i).collect()
}

/// Bug: sorted in decreasing order, the farthest first.
fn knn_farthest(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let mut s = scored(data, query, distance);
    s.sort_by(|x, y| y.0.total_cmp(&x.0));
    s.into_iter().take(k).map(|(_, i)| i).collect()
}

/// Bug: `[..k]` panics when k exceeds the number of rows.
fn knn_slice(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let mut s = scored(data, query, distance);
    s.sort_by(|x, y| x.0.total_cmp(&y.0));
    s[..k].iter().map(|&(_, i)| i).collect()
}

/// Bug: the right k rows, but returned in row order instead of nearest first.
fn knn_index_order(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let mut s = scored(data, query, distance);
    s.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut out: Vec<usize> = s.into_iter().take(k).map(|(_, i)| i).collect();
    out.sort_unstable();
    out
}

/// Bug: repeated arg-min with `<=`, so the last of equal distances wins.
fn knn_argmin_le(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let s = scored(data, query, distance);
    let mut taken = vec![false; s.len()];
    let mut out = Vec::new();
    for _ in 0..k.min(s.len()) {
        let mut best: Option<usize> = None;
        for i in (0..s.len()).filter(|&i| !taken[i]) {
            if best.is_none_or(|b| s[i].0 <= s[b].0) {
                best = Some(i);
            }
        }
        let b = best.expect("an untaken row remains");
        taken[b] = true;
        out.push(b);
    }
    out
}

/// Bug: skips rows at distance 0 (assuming such a row is the query itself).
fn knn_skips_zero(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let mut s: Vec<(f64, usize)> = scored(data, query, distance).into_iter().filter(|&(d, _)| d > 0.0).collect();
    s.sort_by(|x, y| x.0.total_cmp(&y.0));
    s.into_iter().take(k).map(|(_, i)| i).collect()
}

/// Bug: an unstable sort on the distance alone, so nothing fixes the order of ties.
fn knn_unstable(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let mut s = scored(data, query, distance);
    s.sort_unstable_by(|x, y| x.0.total_cmp(&y.0));
    s.into_iter().take(k).map(|(_, i)| i).collect()
}

/// Variant: an unstable sort with an explicit index tiebreak.
fn knn_explicit_tiebreak(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let d: Vec<f64> = data.rows().map(|row| distance(query, row)).collect();
    let mut idx: Vec<usize> = (0..data.nrows()).collect();
    idx.sort_unstable_by(|&i, &j| d[i].partial_cmp(&d[j]).expect("no NaN").then(i.cmp(&j)));
    idx.truncate(k);
    idx
}

/// Variant: repeated arg-min with a strict `<`, so the first of equal distances wins.
fn knn_argmin_lt(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    let s = scored(data, query, distance);
    let mut taken = vec![false; s.len()];
    let mut out = Vec::new();
    while out.len() < k.min(s.len()) {
        let mut best: Option<usize> = None;
        for i in (0..s.len()).filter(|&i| !taken[i]) {
            if best.is_none_or(|b| s[i].0 < s[b].0) {
                best = Some(i);
            }
        }
        let b = best.expect("an untaken row remains");
        taken[b] = true;
        out.push(b);
    }
    out
}

#[test]
fn k_nearest() {
    let check = |f: Knn| l02::k_nearest(f);
    let ties = "nearest_first_ties_by_index";
    judge(
        "k_nearest",
        vec![
            ("reference", check(sol::k_nearest::k_nearest), Pass),
            ("sort_unstable with explicit index tiebreak", check(knn_explicit_tiebreak), Pass),
            ("repeated arg-min, strict <", check(knn_argmin_lt), Pass),
            ("ties: larger index first", check(knn_ties_reversed), Kill("ties_keep_row_order", 3)),
            ("farthest first", check(knn_farthest), Kill(ties, 4)),
            ("[..k] panics for k > rows", check(knn_slice), Kill(ties, 4)),
            ("nearest k in row order", check(knn_index_order), Kill(ties, 4)),
            ("repeated arg-min, <=", check(knn_argmin_le), Kill("ties_keep_row_order", 3)),
            ("rows at distance 0 skipped", check(knn_skips_zero), Kill(ties, 2)),
            // Not small, and cannot be: std's unstable sort keeps ties in order up to
            // 32 elements (rustc 1.95), so 34 rows (17 mirrored pairs) plus the query is the least.
            ("sort_unstable on distance only", check(knn_unstable), Kill("ties_in_a_large_dataset", 35)),
        ],
    );
}
