//! Mutation suite for lesson 1 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small shrunk counterexample, and different but correct
//! implementations (variants) must pass.
//!
//! Each exercise is one table: `(name, report, expectation)`. A mutant that
//! survives means the check misses an input family or an invariant; a variant
//! that fails means the check is unfair. Run with `--nocapture` to see every
//! row with its counterexample.

use checks::l01::{self, AddVectors, Independence};
use report::ExerciseReport;
use vocab::{LinalgError, Matrix};

use solutions::l01 as sol;

mod judge;
use judge::{Kill, Pass, entries, judge};

#[test]
fn the_entry_counter_counts_numbers_in_brackets_only() {
    assert_eq!(entries("u = [1, -2.5]\nv = [3, 4]   (stored values × 2^600)"), 4);
    assert_eq!(entries("c = 3\nv = []"), 0);
    assert_eq!(entries("data (2×2) =\n[ 1 2 ]\n[ 3 4 ]"), 4);
    assert_eq!(entries("coeffs  = [1, 2]\nvectors = [[1.0], [2.0], [3.0]]"), 5);
    assert_eq!(entries("data (2×0) =\n[ 2×0 empty matrix ]"), 0);
    assert_eq!(entries("a = [NaN, -inf, 1.2346e-5]"), 3);
}

// ---------------------------------------------------------------- add_vectors

/// Bug: the loop bound stops one short (`0..n - 1`), so the last coordinate is lost.
fn add_off_by_one(u: &[f64], v: &[f64]) -> Vec<f64> {
    let mut out = Vec::new();
    for i in 0..u.len().saturating_sub(1) {
        out.push(u[i] + v[i]);
    }
    out
}

/// Bug: works in `f32`, which overflows at 2^600 and underflows at 2^−600.
fn add_in_f32(u: &[f64], v: &[f64]) -> Vec<f64> {
    u.iter().zip(v).map(|(a, b)| f64::from(*a as f32 + *b as f32)).collect()
}

/// Bug: the operands are swapped, v − u instead of u − v.
fn sub_swapped(u: &[f64], v: &[f64]) -> Vec<f64> {
    v.iter().zip(u).map(|(a, b)| a - b).collect()
}

/// Bug: takes the absolute difference |uᵢ − vᵢ| (thinking of a distance).
fn sub_abs(u: &[f64], v: &[f64]) -> Vec<f64> {
    u.iter().zip(v).map(|(a, b)| (a - b).abs()).collect()
}

/// Variant: an index loop with `push`.
fn add_indexed(u: &[f64], v: &[f64]) -> Vec<f64> {
    let mut out = Vec::with_capacity(u.len());
    for i in 0..u.len() {
        out.push(u[i] + v[i]);
    }
    out
}

/// Variant: u + (−1)·v, which is exact (negation never rounds).
fn sub_via_negation(u: &[f64], v: &[f64]) -> Vec<f64> {
    let minus_v: Vec<f64> = v.iter().map(|x| -x).collect();
    u.iter().zip(&minus_v).map(|(a, b)| b + a).collect()
}

fn check_add(add: fn(&[f64], &[f64]) -> Vec<f64>, sub: fn(&[f64], &[f64]) -> Vec<f64>) -> ExerciseReport {
    l01::add_vectors(&AddVectors { add, sub })
}

#[test]
fn add_vectors() {
    let (add, sub) = (sol::add_vectors::add as fn(&[f64], &[f64]) -> Vec<f64>, sol::add_vectors::sub as _);
    judge(
        "add_vectors",
        vec![
            ("reference", check_add(add, sub), Pass),
            ("index loop; sub as u + (−v)", check_add(add_indexed, sub_via_negation), Pass),
            ("add drops the last coordinate", check_add(add_off_by_one, sub), Kill("add_is_coordinatewise", 2)),
            ("add in f32 (2^±600 leave its range)", check_add(add_in_f32, sub), Kill("add_is_coordinatewise", 2)),
            ("sub returns v − u", check_add(add, sub_swapped), Kill("sub_is_coordinatewise", 2)),
            ("sub returns |u − v|", check_add(add, sub_abs), Kill("sub_is_coordinatewise", 2)),
        ],
    );
}

// ---------------------------------------------------------------- scale_vector

/// Bug: the sign of c is lost (`c.abs()`).
fn scale_abs(c: f64, v: &[f64]) -> Vec<f64> {
    v.iter().map(|x| c.abs() * x).collect()
}

/// Bug: the loop starts at 1, so the first coordinate is copied unscaled.
#[allow(clippy::needless_range_loop)] // an index loop, as the learner wrote it
fn scale_skips_first(c: f64, v: &[f64]) -> Vec<f64> {
    let mut out = v.to_vec();
    for i in 1..out.len() {
        out[i] *= c;
    }
    out
}

/// Bug: divides by c instead of multiplying.
fn scale_divides(c: f64, v: &[f64]) -> Vec<f64> {
    v.iter().map(|x| x / c).collect()
}

/// Bug: works in `f32`, which overflows at 2^600.
fn scale_in_f32(c: f64, v: &[f64]) -> Vec<f64> {
    v.iter().map(|x| f64::from(c as f32 * *x as f32)).collect()
}

/// Variant: scales a copy in place, `x * c` (multiplication commutes exactly).
fn scale_in_place(c: f64, v: &[f64]) -> Vec<f64> {
    let mut out = v.to_vec();
    for x in &mut out {
        *x *= c;
    }
    out
}

#[test]
fn scale_vector() {
    let property = "scale_multiplies_every_coordinate";
    judge(
        "scale_vector",
        vec![
            ("reference", l01::scale_vector(sol::scale_vector::scale), Pass),
            ("in place, x * c", l01::scale_vector(scale_in_place), Pass),
            ("sign of c lost", l01::scale_vector(scale_abs), Kill(property, 1)),
            ("first coordinate unscaled", l01::scale_vector(scale_skips_first), Kill(property, 1)),
            ("divides by c", l01::scale_vector(scale_divides), Kill(property, 1)),
            ("f32 arithmetic", l01::scale_vector(scale_in_f32), Kill(property, 1)),
        ],
    );
}

// ---------------------------------------------------------------- linear_combination

type LinComb = fn(&[f64], &[Vec<f64>]) -> Result<Vec<f64>, LinalgError>;

/// The reference's validation, shared by the mutants that only get the sum wrong.
fn validate(coeffs: &[f64], vectors: &[Vec<f64>]) -> Result<usize, LinalgError> {
    let n = vectors.first().ok_or(LinalgError::Empty)?.len();
    if coeffs.len() != vectors.len() {
        return Err(LinalgError::DimensionMismatch { expected: vectors.len(), found: coeffs.len() });
    }
    if let Some(v) = vectors.iter().find(|v| v.len() != n) {
        return Err(LinalgError::DimensionMismatch { expected: n, found: v.len() });
    }
    Ok(n)
}

/// Bug: the loop over the vectors stops one short, the last term is missing.
fn lincomb_skips_last(coeffs: &[f64], vectors: &[Vec<f64>]) -> Result<Vec<f64>, LinalgError> {
    let n = validate(coeffs, vectors)?;
    let mut acc = vec![0.0; n];
    for i in 0..vectors.len() - 1 {
        for j in 0..n {
            acc[j] += coeffs[i] * vectors[i][j];
        }
    }
    Ok(acc)
}

/// Bug: the accumulator starts as v₁ instead of 0, so v₁ is counted once too often.
fn lincomb_starts_at_first(coeffs: &[f64], vectors: &[Vec<f64>]) -> Result<Vec<f64>, LinalgError> {
    validate(coeffs, vectors)?;
    let mut acc = vectors[0].clone();
    for (c, v) in coeffs.iter().zip(vectors) {
        for (a, x) in acc.iter_mut().zip(v) {
            *a += c * x;
        }
    }
    Ok(acc)
}

/// Bug: no check of the number of coefficients; `zip` silently drops the extra vectors.
fn lincomb_no_count_check(coeffs: &[f64], vectors: &[Vec<f64>]) -> Result<Vec<f64>, LinalgError> {
    let n = vectors.first().ok_or(LinalgError::Empty)?.len();
    let mut acc = vec![0.0; n];
    for (c, v) in coeffs.iter().zip(vectors) {
        if v.len() != n {
            return Err(LinalgError::DimensionMismatch { expected: n, found: v.len() });
        }
        for (a, x) in acc.iter_mut().zip(v) {
            *a += c * x;
        }
    }
    Ok(acc)
}

/// Bug: `expected` and `found` swapped in the count error.
fn lincomb_error_fields_swapped(coeffs: &[f64], vectors: &[Vec<f64>]) -> Result<Vec<f64>, LinalgError> {
    if coeffs.len() != vectors.len() && !vectors.is_empty() {
        return Err(LinalgError::DimensionMismatch { expected: coeffs.len(), found: vectors.len() });
    }
    sol::linear_combination::linear_combination(coeffs, vectors)
}

/// Bug: no vectors gives `Ok(vec![])` instead of `Err(Empty)`.
fn lincomb_empty_ok(coeffs: &[f64], vectors: &[Vec<f64>]) -> Result<Vec<f64>, LinalgError> {
    if vectors.is_empty() {
        return Ok(Vec::new());
    }
    sol::linear_combination::linear_combination(coeffs, vectors)
}

/// Variant: coordinate by coordinate, summing the terms in reverse order with
/// fused multiply–adds, and checking the lengths before the count.
fn lincomb_by_coordinate(coeffs: &[f64], vectors: &[Vec<f64>]) -> Result<Vec<f64>, LinalgError> {
    let n = vectors.first().ok_or(LinalgError::Empty)?.len();
    if let Some(v) = vectors.iter().find(|v| v.len() != n) {
        return Err(LinalgError::DimensionMismatch { expected: n, found: v.len() });
    }
    if coeffs.len() != vectors.len() {
        return Err(LinalgError::DimensionMismatch { expected: vectors.len(), found: coeffs.len() });
    }
    Ok((0..n).map(|j| (0..vectors.len()).rev().fold(0.0, |acc, i| coeffs[i].mul_add(vectors[i][j], acc))).collect())
}

#[test]
fn linear_combination() {
    let check = |f: LinComb| l01::linear_combination(f);
    let sum = "equals_the_sum_of_scaled_vectors";
    judge(
        "linear_combination",
        vec![
            ("reference", check(sol::linear_combination::linear_combination), Pass),
            ("by coordinate, reversed, fma, lengths checked first", check(lincomb_by_coordinate), Pass),
            ("last vector skipped", check(lincomb_skips_last), Kill(sum, 2)),
            ("accumulator starts at v₁", check(lincomb_starts_at_first), Kill(sum, 2)),
            ("coefficient count unchecked", check(lincomb_no_count_check), Kill("refuses_bad_sizes", 5)),
            ("expected/found swapped", check(lincomb_error_fields_swapped), Kill("refuses_bad_sizes", 5)),
            ("no vectors gives Ok([])", check(lincomb_empty_ok), Kill("refuses_bad_sizes", 0)),
        ],
    );
}

// ---------------------------------------------------------------- independence_2d

/// Bug: the orientation is reversed, a₁b₀ − a₀b₁.
fn area_reversed(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[1] * b[0] - a[0] * b[1]
}

/// Bug: a plus instead of a minus, a₀b₁ + a₁b₀.
fn area_plus(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0] * b[1] + a[1] * b[0]
}

/// Bug: `!= 0.0`, no tolerance: a rounded multiple has a tiny non-zero area.
fn independent_exact_zero(a: [f64; 2], b: [f64; 2]) -> bool {
    sol::independence_2d::signed_area(a, b) != 0.0
}

/// Bug: an absolute tolerance, wrong as soon as the vectors are scaled.
fn independent_absolute(a: [f64; 2], b: [f64; 2]) -> bool {
    sol::independence_2d::signed_area(a, b).abs() > 1e-10
}

/// Bug: `>=` instead of `>`: exactly parallel vectors (area 0 ≥ 0) count as independent.
fn independent_ge(a: [f64; 2], b: [f64; 2]) -> bool {
    let size = (a[0] * b[1]).abs() + (a[1] * b[0]).abs();
    sol::independence_2d::signed_area(a, b).abs() >= 1e-10 * size
}

/// Variant: the area with one rounding (fused multiply–add).
fn area_fma(a: [f64; 2], b: [f64; 2]) -> f64 {
    a[0].mul_add(b[1], -(a[1] * b[0]))
}

/// Variant: the contract's rule, written as "not dependent".
#[allow(clippy::neg_cmp_op_on_partial_ord)] // the point of the variant
fn independent_not_dependent(a: [f64; 2], b: [f64; 2]) -> bool {
    let area = area_fma(a, b);
    let size = (a[0] * b[1]).abs() + (a[1] * b[0]).abs();
    !(area.abs() <= 1e-10 * size)
}

/// Variant: the same rule after scaling each vector by a power of two near its
/// largest entry (exact, and the rule is scale-invariant), so nothing underflows.
fn independent_rescaled(a: [f64; 2], b: [f64; 2]) -> bool {
    let unit = |v: [f64; 2]| {
        let m = v[0].abs().max(v[1].abs());
        if m == 0.0 {
            return v;
        }
        let s = 2f64.powi(-(m.log2().floor() as i32));
        [v[0] * s, v[1] * s]
    };
    sol::independence_2d::are_independent_2d(unit(a), unit(b))
}

fn check_indep(
    signed_area: fn([f64; 2], [f64; 2]) -> f64,
    are_independent_2d: fn([f64; 2], [f64; 2]) -> bool,
) -> ExerciseReport {
    l01::independence_2d(&Independence { signed_area, are_independent_2d })
}

#[test]
fn independence_2d() {
    let area = sol::independence_2d::signed_area as fn([f64; 2], [f64; 2]) -> f64;
    let indep = sol::independence_2d::are_independent_2d as fn([f64; 2], [f64; 2]) -> bool;
    judge(
        "independence_2d",
        vec![
            ("reference", check_indep(area, indep), Pass),
            ("fma area, rule as `!(… <= …)`", check_indep(area_fma, independent_not_dependent), Pass),
            ("rule applied to rescaled vectors", check_indep(area, independent_rescaled), Pass),
            ("area with reversed orientation", check_indep(area_reversed, indep), Kill("area_is_the_determinant", 4)),
            ("area a₀b₁ + a₁b₀", check_indep(area_plus, indep), Kill("area_is_the_determinant", 4)),
            ("area != 0.0", check_indep(area, independent_exact_zero), Kill("rounded_multiples_are_dependent", 4)),
            ("absolute tolerance 1e-10", check_indep(area, independent_absolute), Kill("independence_at_any_scale", 4)),
            ("`>=` instead of `>`", check_indep(area, independent_ge), Kill("independence_at_any_scale", 4)),
        ],
    );
}

// ---------------------------------------------------------------- mean_vector

type Mean = fn(&Matrix) -> Result<Vec<f64>, LinalgError>;

fn column_sums(data: &Matrix, rows: usize) -> Vec<f64> {
    let mut sum = vec![0.0; data.ncols()];
    for row in data.rows().take(rows) {
        for (s, x) in sum.iter_mut().zip(row) {
            *s += x;
        }
    }
    sum
}

/// Bug: divides by m − 1 (the sample-variance habit).
fn mean_m_minus_one(data: &Matrix) -> Result<Vec<f64>, LinalgError> {
    if data.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    let m = data.nrows() as f64;
    Ok(column_sums(data, data.nrows()).iter().map(|s| s / (m - 1.0)).collect())
}

/// Bug: the mean of each row (a transposed result).
fn mean_of_rows(data: &Matrix) -> Result<Vec<f64>, LinalgError> {
    if data.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    Ok(data.rows().map(|r| r.iter().sum::<f64>() / r.len() as f64).collect())
}

/// Bug: the loop over the rows stops one short (divides by m all the same).
fn mean_skips_last_row(data: &Matrix) -> Result<Vec<f64>, LinalgError> {
    if data.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    let m = data.nrows();
    Ok(column_sums(data, m - 1).iter().map(|s| s / m as f64).collect())
}

/// Bug: no rows gives `Ok` (a vector of 0/0 = NaN) instead of `Err(Empty)`.
fn mean_no_empty_error(data: &Matrix) -> Result<Vec<f64>, LinalgError> {
    let m = data.nrows() as f64;
    Ok(column_sums(data, data.nrows()).iter().map(|s| s / m).collect())
}

/// Bug: `data.is_empty()` (no entries) instead of "no rows": a dataset with rows
/// but no columns is refused, although its mean is the empty vector.
fn mean_is_empty_test(data: &Matrix) -> Result<Vec<f64>, LinalgError> {
    if data.is_empty() {
        return Err(LinalgError::Empty);
    }
    sol::mean_vector::mean_vector(data)
}

/// Variant: Welford's running mean, x̄ ← x̄ + (x − x̄)/k.
fn mean_welford(data: &Matrix) -> Result<Vec<f64>, LinalgError> {
    if data.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    let mut mean = vec![0.0; data.ncols()];
    for (k, row) in data.rows().enumerate() {
        for (m, x) in mean.iter_mut().zip(row) {
            *m += (x - *m) / (k + 1) as f64;
        }
    }
    Ok(mean)
}

/// Variant: column by column, each sample divided by m before it is added, last row first.
fn mean_prescaled(data: &Matrix) -> Result<Vec<f64>, LinalgError> {
    if data.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    let m = data.nrows() as f64;
    Ok((0..data.ncols()).map(|j| data.column(j).iter().rev().map(|x| x / m).sum()).collect())
}

#[test]
fn mean_vector() {
    let check = |f: Mean| l01::mean_vector(f);
    let col = "mean_of_each_column";
    judge(
        "mean_vector",
        vec![
            ("reference", check(sol::mean_vector::mean_vector), Pass),
            ("Welford running mean", check(mean_welford), Pass),
            ("divide first, reversed sum", check(mean_prescaled), Pass),
            ("divides by m − 1", check(mean_m_minus_one), Kill(col, 2)),
            ("means of the rows", check(mean_of_rows), Kill(col, 2)),
            ("last row skipped", check(mean_skips_last_row), Kill(col, 2)),
            ("no error without rows", check(mean_no_empty_error), Kill("refuses_empty_data", 0)),
            ("`is_empty()` refuses m×0", check(mean_is_empty_test), Kill("textbook_examples", 0)),
        ],
    );
}
