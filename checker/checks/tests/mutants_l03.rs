//! Mutation suite for lesson 3 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small shrunk counterexample, and different but correct
//! implementations (variants) must pass.
//!
//! Each exercise is one table: `(name, report, expectation)`. Run with
//! `--nocapture` to see every row with its counterexample.

use checks::l03::{self, Composition, Determinants, Maps2d, MatrixVector};
use report::ExerciseReport;
use vocab::{LinalgError, Matrix};

use solutions::l02::dot_product::dot;
use solutions::l03 as sol;

mod judge;
use judge::{Kill, Pass, judge};

fn mismatch(expected: usize, found: usize) -> LinalgError {
    LinalgError::DimensionMismatch { expected, found }
}

fn check_len(a: &Matrix, x: &[f64]) -> Result<(), LinalgError> {
    if x.len() == a.ncols() { Ok(()) } else { Err(mismatch(a.ncols(), x.len())) }
}

// ---------------------------------------------------------------- matrix_vector

type MatVec = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// Bug: the row view dots the columns with x (computes Aᵀx, cut to fit by `zip`).
fn rows_uses_columns(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    Ok((0..a.ncols()).map(|j| dot(&a.column(j), x)).collect())
}

/// Bug: the inner loop stops one short, the last column is never used.
fn rows_off_by_one(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    let n = a.ncols().saturating_sub(1);
    Ok(a.rows().map(|row| dot(&row[..n], &x[..n])).collect())
}

/// Bug: i and j swapped when reading A, `a[(j, i)]`.
fn rows_swapped_indices(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    Ok((0..a.nrows()).map(|i| (0..a.ncols()).map(|j| a[(j, i)] * x[j]).sum()).collect())
}

/// Bug: no length check; `dot` zips and silently drops the extra entries.
fn rows_unchecked(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    Ok(a.rows().map(|row| dot(row, x)).collect())
}

/// Bug: column j weighted by x_{n−1−j}, the coefficients reversed.
fn columns_reversed_coefficients(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    let n = a.ncols();
    let mut y = vec![0.0; a.nrows()];
    for j in 0..n {
        for (yi, aij) in y.iter_mut().zip(a.column(j)) {
            *yi += x[n - 1 - j] * aij;
        }
    }
    Ok(y)
}

/// Bug: the sum starts from column 0 instead of from zeros, so it is counted twice.
fn columns_start_from_first(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    if a.ncols() == 0 {
        return Ok(vec![0.0; a.nrows()]);
    }
    let mut y = a.column(0);
    for (j, xj) in x.iter().enumerate() {
        for (yi, aij) in y.iter_mut().zip(a.column(j)) {
            *yi += xj * aij;
        }
    }
    Ok(y)
}

/// Bug: the "columns" taken are the rows of A (the column view of Aᵀ).
fn columns_are_rows(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    let mut y = vec![0.0; a.ncols()];
    for (row, xi) in a.rows().zip(x) {
        for (yj, aij) in y.iter_mut().zip(row) {
            *yj += xi * aij;
        }
    }
    Ok(y)
}

/// Bug: the column view forgets the m×0 case and passes an empty list to
/// `linear_combination`, which refuses it.
fn columns_no_empty_case(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    let columns: Vec<Vec<f64>> = (0..a.ncols()).map(|j| a.column(j)).collect();
    solutions::l01::linear_combination::linear_combination(x, &columns)
}

/// Variant: explicit index loops, each row summed from the last column to the first.
fn rows_reversed_sum(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    Ok((0..a.nrows()).map(|i| (0..a.ncols()).rev().map(|j| a[(i, j)] * x[j]).sum()).collect())
}

/// Variant: the row view with fused multiply–adds.
fn rows_fma(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    Ok(a.rows().map(|row| row.iter().zip(x).fold(0.0, |s, (p, q)| p.mul_add(*q, s))).collect())
}

/// Variant: the column view as one saxpy loop over the stored rows, no helper.
fn columns_saxpy(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, x)?;
    let mut y = vec![0.0; a.nrows()];
    for (j, xj) in x.iter().enumerate() {
        for (i, yi) in y.iter_mut().enumerate() {
            *yi += xj * a[(i, j)];
        }
    }
    Ok(y)
}

fn check_mv(mat_vec_rows: MatVec, mat_vec_columns: MatVec) -> ExerciseReport {
    l03::matrix_vector(&MatrixVector { mat_vec_rows, mat_vec_columns })
}

#[test]
fn matrix_vector() {
    let (r, c): (MatVec, MatVec) = (sol::matrix_vector::mat_vec_rows, sol::matrix_vector::mat_vec_columns);
    let (rows, cols) = ("row_view_dot_products", "column_view_combination");
    judge(
        "matrix_vector",
        vec![
            ("reference", check_mv(r, c), Pass),
            ("rows summed backwards; saxpy columns", check_mv(rows_reversed_sum, columns_saxpy), Pass),
            ("rows with fma", check_mv(rows_fma, c), Pass),
            ("row view dots the columns", check_mv(rows_uses_columns, c), Kill(rows, 4)),
            ("row view skips the last column", check_mv(rows_off_by_one, c), Kill(rows, 2)),
            ("row view reads a[(j, i)]", check_mv(rows_swapped_indices, c), Kill(rows, 4)),
            ("no length check", check_mv(rows_unchecked, c), Kill("refuses_wrong_lengths", 3)),
            ("coefficients reversed", check_mv(r, columns_reversed_coefficients), Kill(cols, 4)),
            ("sum starts from column 0", check_mv(r, columns_start_from_first), Kill(cols, 2)),
            ("column view of Aᵀ", check_mv(r, columns_are_rows), Kill(cols, 4)),
            ("m×0 refused", check_mv(r, columns_no_empty_case), Kill("column_view_examples", 0)),
        ],
    );
}

// ---------------------------------------------------------------- matrix_product

type MatMul = fn(&Matrix, &Matrix) -> Result<Matrix, LinalgError>;

fn check_inner(a: &Matrix, b: &Matrix) -> Result<(), LinalgError> {
    if a.ncols() == b.nrows() { Ok(()) } else { Err(mismatch(a.ncols(), b.nrows())) }
}

/// Bug: returns (AB)ᵀ, the loops of the result in the wrong order.
fn mul_transposed(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    check_inner(a, b)?;
    Ok(Matrix::from_fn(b.ncols(), a.nrows(), |j, i| dot(a.row(i), &b.column(j))))
}

/// Bug: B read as `b[(j, k)]`, i.e. A·Bᵀ where it happens to fit.
fn mul_swapped_b(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    check_inner(a, b)?;
    Ok(Matrix::from_fn(a.nrows(), b.ncols(), |i, j| (0..a.ncols()).map(|k| a[(i, k)] * b[(j, k)]).sum()))
}

/// Bug: the k loop stops one short.
fn mul_off_by_one(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    check_inner(a, b)?;
    let n = a.ncols().saturating_sub(1);
    Ok(Matrix::from_fn(a.nrows(), b.ncols(), |i, j| (0..n).map(|k| a[(i, k)] * b[(k, j)]).sum()))
}

/// Bug: BA instead of AB.
fn mul_wrong_order(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    sol::matrix_product::mat_mul(b, a)
}

/// Bug: no size check; `dot` zips rows and columns of different lengths.
fn mul_unchecked(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    Ok(Matrix::from_fn(a.nrows(), b.ncols(), |i, j| dot(a.row(i), &b.column(j))))
}

/// Bug: accumulates in `f32`.
fn mul_f32(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    check_inner(a, b)?;
    Ok(Matrix::from_fn(a.nrows(), b.ncols(), |i, j| {
        f64::from((0..a.ncols()).map(|k| a[(i, k)] as f32 * b[(k, j)] as f32).sum::<f32>())
    }))
}

/// Variant: the i-k-j loop order, adding a_ik times row k of B to row i of C.
fn mul_ikj(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    check_inner(a, b)?;
    let mut c = Matrix::zeros(a.nrows(), b.ncols());
    for i in 0..a.nrows() {
        for k in 0..a.ncols() {
            let aik = a[(i, k)];
            for (cij, bkj) in c.row_mut(i).iter_mut().zip(b.row(k)) {
                *cij += aik * bkj;
            }
        }
    }
    Ok(c)
}

/// Variant: column by column, column j of AB = A·(column j of B), k summed backwards with fma.
fn mul_by_columns(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    check_inner(a, b)?;
    let mut c = Matrix::zeros(a.nrows(), b.ncols());
    for j in 0..b.ncols() {
        let bj = b.column(j);
        for i in 0..a.nrows() {
            c[(i, j)] = (0..a.ncols()).rev().fold(0.0, |s, k| a[(i, k)].mul_add(bj[k], s));
        }
    }
    Ok(c)
}

#[test]
fn matrix_product() {
    let entries = "entries_are_row_times_column";
    judge(
        "matrix_product",
        vec![
            ("reference", l03::matrix_product(sol::matrix_product::mat_mul), Pass),
            ("i-k-j loop order", l03::matrix_product(mul_ikj), Pass),
            ("by columns, backwards, fma", l03::matrix_product(mul_by_columns), Pass),
            ("(AB)ᵀ returned", l03::matrix_product(mul_transposed), Kill(entries, 3)),
            ("b[(j, k)] for b[(k, j)]", l03::matrix_product(mul_swapped_b), Kill(entries, 3)),
            ("k loop one short", l03::matrix_product(mul_off_by_one), Kill(entries, 2)),
            ("BA instead of AB", l03::matrix_product(mul_wrong_order), Kill(entries, 3)),
            ("no size check", l03::matrix_product(mul_unchecked as MatMul), Kill("refuses_mismatched_sizes", 4)),
            ("f32 accumulator", l03::matrix_product(mul_f32), Kill(entries, 2)),
        ],
    );
}

// ---------------------------------------------------------------- transpose

/// Bug: A returned unchanged.
fn transpose_clone(a: &Matrix) -> Matrix {
    a.clone()
}

/// Bug: the indices swapped but the shape kept (works for square matrices only).
fn transpose_keeps_shape(a: &Matrix) -> Matrix {
    Matrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(j, i)])
}

/// Bug: a quarter turn instead, `a[(m − 1 − j, i)]`: the rows come out reversed.
fn transpose_rotates(a: &Matrix) -> Matrix {
    let m = a.nrows();
    Matrix::from_fn(a.ncols(), m, |i, j| a[(m - 1 - j, i)])
}

/// Bug: only the leading square block is copied, the rest stays 0.
fn transpose_square_part(a: &Matrix) -> Matrix {
    let mut t = Matrix::zeros(a.ncols(), a.nrows());
    for i in 0..a.nrows().min(a.ncols()) {
        for j in 0..a.nrows().min(a.ncols()) {
            t[(j, i)] = a[(i, j)];
        }
    }
    t
}

/// Bug: the rows become the columns, but `from_columns(&[])` is 0×0, so a 0×n
/// matrix loses its shape.
fn transpose_from_columns(a: &Matrix) -> Matrix {
    Matrix::from_columns(&a.to_rows())
}

/// Variant: zeros of the new shape, filled by walking the rows of A.
fn transpose_fill(a: &Matrix) -> Matrix {
    let mut t = Matrix::zeros(a.ncols(), a.nrows());
    for (i, row) in a.rows().enumerate() {
        for (j, x) in row.iter().enumerate() {
            t[(j, i)] = *x;
        }
    }
    t
}

#[test]
fn transpose() {
    let swaps = "swaps_rows_and_columns";
    judge(
        "transpose",
        vec![
            ("reference", l03::transpose(sol::transpose::transpose), Pass),
            ("filled row by row", l03::transpose(transpose_fill), Pass),
            ("A unchanged", l03::transpose(transpose_clone), Kill(swaps, 2)),
            ("shape not swapped", l03::transpose(transpose_keeps_shape), Kill(swaps, 2)),
            ("quarter turn", l03::transpose(transpose_rotates), Kill(swaps, 2)),
            ("square part only", l03::transpose(transpose_square_part), Kill(swaps, 2)),
            ("from_columns of the rows", l03::transpose(transpose_from_columns), Kill("empty_shapes", 0)),
        ],
    );
}

// ---------------------------------------------------------------- maps_2d

fn m2(a: f64, b: f64, c: f64, d: f64) -> Matrix {
    Matrix::from_rows(&[vec![a, b], vec![c, d]])
}

/// Bug: clockwise, the sines on the wrong side.
fn rotation_clockwise(t: f64) -> Matrix {
    m2(t.cos(), t.sin(), -t.sin(), t.cos())
}

/// Bug: the angle read as degrees.
fn rotation_degrees(t: f64) -> Matrix {
    sol::maps_2d::rotation(t.to_radians())
}

/// Bug: the minus sign forgotten: rows (cos θ, sin θ), (sin θ, cos θ).
fn rotation_no_minus(t: f64) -> Matrix {
    m2(t.cos(), t.sin(), t.sin(), t.cos())
}

/// Bug: θ instead of 2θ, which reflects across the line at θ/2.
fn reflection_half_angle(t: f64) -> Matrix {
    m2(t.cos(), t.sin(), t.sin(), -t.cos())
}

/// Bug: the rotation by 2θ instead of the reflection.
fn reflection_rotates(t: f64) -> Matrix {
    sol::maps_2d::rotation(2.0 * t)
}

/// Bug: across the normal instead of the line (the whole matrix negated).
fn reflection_across_normal(t: f64) -> Matrix {
    let (s, c) = (2.0 * t).sin_cos();
    m2(-c, -s, -s, c)
}

/// Bug: the minus sign of the last entry lost.
fn reflection_no_minus(t: f64) -> Matrix {
    let (s, c) = (2.0 * t).sin_cos();
    m2(c, s, s, c)
}

/// Bug: a vertical shear, k in the bottom-left corner.
fn shear_vertical(k: f64) -> Matrix {
    m2(1.0, 0.0, k, 1.0)
}

/// Bug: k on both off-diagonal entries (not area-preserving).
fn shear_symmetric(k: f64) -> Matrix {
    m2(1.0, k, k, 1.0)
}

/// Variant: the rotation from separate `cos` and `sin` calls.
fn rotation_separate(t: f64) -> Matrix {
    m2(t.cos(), -t.sin(), t.sin(), t.cos())
}

/// Variant: the reflection as 2ddᵀ − I.
fn reflection_householder(t: f64) -> Matrix {
    let (s, c) = t.sin_cos();
    m2(2.0 * c * c - 1.0, 2.0 * s * c, 2.0 * s * c, 2.0 * s * s - 1.0)
}

/// Variant: the reflection as R(θ)·diag(1, −1)·R(−θ): turn the line onto the x-axis, flip y, turn back.
fn reflection_conjugated(t: f64) -> Matrix {
    let mul = sol::matrix_product::mat_mul;
    let flip = m2(1.0, 0.0, 0.0, -1.0);
    let back = mul(&flip, &sol::maps_2d::rotation(-t)).expect("2×2");
    mul(&sol::maps_2d::rotation(t), &back).expect("2×2")
}

type Map = fn(f64) -> Matrix;

fn check_maps(rotation: Map, reflection: Map, shear: Map) -> ExerciseReport {
    l03::maps_2d(&Maps2d { rotation, reflection, shear })
}

#[test]
fn maps_2d() {
    let (r, f, s): (Map, Map, Map) = (sol::maps_2d::rotation, sol::maps_2d::reflection, sol::maps_2d::shear);
    let ccw = "rotation_turns_counter_clockwise";
    judge(
        "maps_2d",
        vec![
            ("reference", check_maps(r, f, s), Pass),
            ("separate cos and sin; 2ddᵀ − I", check_maps(rotation_separate, reflection_householder, s), Pass),
            ("R(θ)·diag(1, −1)·R(−θ)", check_maps(r, reflection_conjugated, s), Pass),
            ("clockwise rotation", check_maps(rotation_clockwise, f, s), Kill(ccw, 0)),
            ("degrees", check_maps(rotation_degrees, f, s), Kill(ccw, 0)),
            ("rotation without the minus", check_maps(rotation_no_minus, f, s), Kill("rotation_is_orthogonal", 0)),
            ("θ instead of 2θ", check_maps(r, reflection_half_angle, s), Kill("reflection_keeps_its_line", 0)),
            ("rotation by 2θ", check_maps(r, reflection_rotates, s), Kill("reflection_det_is_minus_one", 0)),
            ("across the normal", check_maps(r, reflection_across_normal, s), Kill("reflection_keeps_its_line", 0)),
            (
                "reflection without the minus",
                check_maps(r, reflection_no_minus, s),
                Kill("reflection_is_orthogonal", 0),
            ),
            ("vertical shear", check_maps(r, f, shear_vertical), Kill("shear_slides_along_x", 0)),
            ("symmetric shear", check_maps(r, f, shear_symmetric), Kill("shear_det_is_one", 0)),
        ],
    );
}

// ---------------------------------------------------------------- determinant_small

type Det = fn(&Matrix) -> Result<f64, LinalgError>;

fn check_square(a: &Matrix, n: usize) -> Result<(), LinalgError> {
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    if a.nrows() != n { Err(mismatch(n, a.nrows())) } else { Ok(()) }
}

/// Bug: a plus sign, ad + bc.
fn det2_plus(a: &Matrix) -> Result<f64, LinalgError> {
    check_square(a, 2)?;
    Ok(a[(0, 0)] * a[(1, 1)] + a[(0, 1)] * a[(1, 0)])
}

/// Bug: the two products subtracted the other way round, bc − ad.
fn det2_flipped(a: &Matrix) -> Result<f64, LinalgError> {
    check_square(a, 2)?;
    Ok(a[(0, 1)] * a[(1, 0)] - a[(0, 0)] * a[(1, 1)])
}

/// Bug: no shape check: reads the top-left 2×2 corner of anything (panics on smaller).
fn det2_unchecked(a: &Matrix) -> Result<f64, LinalgError> {
    Ok(a[(0, 0)] * a[(1, 1)] - a[(0, 1)] * a[(1, 0)])
}

fn minor(a: &Matrix, skip_row: usize, j: usize) -> Matrix {
    let rows: Vec<usize> = (0..3).filter(|&r| r != skip_row).collect();
    let cols: Vec<usize> = (0..3).filter(|&c| c != j).collect();
    Matrix::from_fn(2, 2, |r, c| a[(rows[r], cols[c])])
}

fn expand(a: &Matrix, signs: [f64; 3], skip_row: usize) -> Result<f64, LinalgError> {
    check_square(a, 3)?;
    let d2 = sol::determinant_small::det2;
    Ok((0..3).map(|j| signs[j] * a[(0, j)] * d2(&minor(a, skip_row, j)).expect("2×2")).sum())
}

/// Bug: every cofactor with a plus sign.
fn det3_all_plus(a: &Matrix) -> Result<f64, LinalgError> {
    expand(a, [1.0, 1.0, 1.0], 0)
}

/// Bug: the signs −, +, −.
fn det3_signs_flipped(a: &Matrix) -> Result<f64, LinalgError> {
    expand(a, [-1.0, 1.0, -1.0], 0)
}

/// Bug: the minors keep rows 0 and 1 (deleting row 2 instead of row 0).
fn det3_wrong_minor_rows(a: &Matrix) -> Result<f64, LinalgError> {
    expand(a, [1.0, -1.0, 1.0], 2)
}

/// Bug: Sarrus with the three "down" diagonals only.
fn det3_half_sarrus(a: &Matrix) -> Result<f64, LinalgError> {
    check_square(a, 3)?;
    Ok((0..3).map(|j| a[(0, j)] * a[(1, (j + 1) % 3)] * a[(2, (j + 2) % 3)]).sum())
}

/// Bug: the 0×0 case forgotten in the checks: `a[(0, 0)]` panics before any error.
fn det3_unchecked(a: &Matrix) -> Result<f64, LinalgError> {
    if a.nrows() != 3 || a.ncols() != 3 {
        let _ = a[(2, 2)];
    }
    sol::determinant_small::det3(a)
}

/// Variant: the rule of Sarrus.
fn det3_sarrus(a: &Matrix) -> Result<f64, LinalgError> {
    check_square(a, 3)?;
    let e = |i, j| a[(i, j)];
    Ok(e(0, 0) * e(1, 1) * e(2, 2) + e(0, 1) * e(1, 2) * e(2, 0) + e(0, 2) * e(1, 0) * e(2, 1)
        - e(0, 2) * e(1, 1) * e(2, 0)
        - e(0, 0) * e(1, 2) * e(2, 1)
        - e(0, 1) * e(1, 0) * e(2, 2))
}

/// Variant: cyclic cofactors, a₀ⱼ(a₁,ⱼ₊₁a₂,ⱼ₊₂ − a₁,ⱼ₊₂a₂,ⱼ₊₁), all with a plus sign.
fn det3_cyclic(a: &Matrix) -> Result<f64, LinalgError> {
    check_square(a, 3)?;
    Ok((0..3)
        .map(|j| {
            let (p, q) = ((j + 1) % 3, (j + 2) % 3);
            a[(0, j)] * (a[(1, p)] * a[(2, q)] - a[(1, q)] * a[(2, p)])
        })
        .sum())
}

/// Variant: expansion down the first column (det Aᵀ = det A).
fn det3_by_column(a: &Matrix) -> Result<f64, LinalgError> {
    check_square(a, 3)?;
    let t = sol::transpose::transpose(a);
    sol::determinant_small::det3(&t)
}

/// Variant: det2 with a fused multiply–add and its rounding error added back (Kahan).
fn det2_kahan(a: &Matrix) -> Result<f64, LinalgError> {
    check_square(a, 2)?;
    let w = a[(0, 1)] * a[(1, 0)];
    let e = (-a[(0, 1)]).mul_add(a[(1, 0)], w);
    Ok(a[(0, 0)].mul_add(a[(1, 1)], -w) + e)
}

fn check_det(det2: Det, det3: Det) -> ExerciseReport {
    l03::determinant_small(&Determinants { det2, det3 })
}

#[test]
fn determinant_small() {
    let (d2, d3): (Det, Det) = (sol::determinant_small::det2, sol::determinant_small::det3);
    let (area, volume) = ("det2_is_signed_area", "det3_is_signed_volume");
    judge(
        "determinant_small",
        vec![
            ("reference", check_det(d2, d3), Pass),
            ("Kahan det2; Sarrus det3", check_det(det2_kahan, det3_sarrus), Pass),
            ("cyclic cofactors", check_det(d2, det3_cyclic), Pass),
            ("down the first column", check_det(d2, det3_by_column), Pass),
            ("ad + bc", check_det(det2_plus, d3), Kill(area, 4)),
            ("bc − ad", check_det(det2_flipped, d3), Kill(area, 4)),
            ("det2 without shape checks", check_det(det2_unchecked, d3), Kill("refuses_wrong_shapes", 6)),
            ("cofactor signs + + +", check_det(d2, det3_all_plus), Kill(volume, 9)),
            ("cofactor signs − + −", check_det(d2, det3_signs_flipped), Kill(volume, 9)),
            ("minors from the wrong rows", check_det(d2, det3_wrong_minor_rows), Kill(volume, 9)),
            ("half of Sarrus", check_det(d2, det3_half_sarrus), Kill(volume, 9)),
            ("det3 panics on the wrong shape", check_det(d2, det3_unchecked), Kill("refuses_wrong_shapes", 6)),
        ],
    );
}

// ---------------------------------------------------------------- trace

type Trace = fn(&Matrix) -> Result<f64, LinalgError>;

fn square(a: &Matrix) -> Result<usize, LinalgError> {
    if a.is_square() { Ok(a.nrows()) } else { Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() }) }
}

/// Bug: the anti-diagonal, a[(i, n − 1 − i)].
fn trace_anti_diagonal(a: &Matrix) -> Result<f64, LinalgError> {
    let n = square(a)?;
    Ok((0..n).map(|i| a[(i, n - 1 - i)]).sum())
}

/// Bug: the last diagonal entry left out.
fn trace_off_by_one(a: &Matrix) -> Result<f64, LinalgError> {
    let n = square(a)?;
    Ok((0..n.saturating_sub(1)).map(|i| a[(i, i)]).sum())
}

/// Bug: every entry added up.
fn trace_all_entries(a: &Matrix) -> Result<f64, LinalgError> {
    square(a)?;
    Ok(a.as_slice().iter().sum())
}

/// Bug: the product of the diagonal (that is the determinant of a triangular matrix).
fn trace_product(a: &Matrix) -> Result<f64, LinalgError> {
    let n = square(a)?;
    Ok((0..n).map(|i| a[(i, i)]).product())
}

/// Bug: no square check; adds the first min(m, n) diagonal entries.
fn trace_unchecked(a: &Matrix) -> Result<f64, LinalgError> {
    Ok((0..a.nrows().min(a.ncols())).map(|i| a[(i, i)]).sum())
}

/// Variant: from the last diagonal entry to the first, through the rows.
fn trace_reversed(a: &Matrix) -> Result<f64, LinalgError> {
    let n = square(a)?;
    Ok((0..n).rev().map(|i| a.row(i)[i]).sum())
}

/// Variant: every (n+1)-th stored entry, Kahan-summed.
fn trace_strided_kahan(a: &Matrix) -> Result<f64, LinalgError> {
    let n = square(a)?;
    let (mut sum, mut carry) = (0.0_f64, 0.0_f64);
    for x in a.as_slice().iter().step_by(n + 1) {
        let y = x - carry;
        let t = sum + y;
        carry = (t - sum) - y;
        sum = t;
    }
    Ok(sum)
}

#[test]
fn trace() {
    let sum = "sum_of_the_diagonal";
    judge(
        "trace",
        vec![
            ("reference", l03::trace(sol::trace::trace), Pass),
            ("backwards through the rows", l03::trace(trace_reversed), Pass),
            ("strided, Kahan-summed", l03::trace(trace_strided_kahan), Pass),
            ("anti-diagonal", l03::trace(trace_anti_diagonal), Kill(sum, 4)),
            ("last entry left out", l03::trace(trace_off_by_one), Kill(sum, 1)),
            ("all entries", l03::trace(trace_all_entries), Kill(sum, 4)),
            ("product of the diagonal", l03::trace(trace_product), Kill(sum, 4)),
            ("no square check", l03::trace(trace_unchecked as Trace), Kill("refuses_non_square", 6)),
        ],
    );
}

// ---------------------------------------------------------------- composition

type Apply = fn(&[Matrix], &[f64]) -> Result<Vec<f64>, LinalgError>;
type Compose = fn(&[Matrix]) -> Result<Matrix, LinalgError>;

/// Bug: the product built in the wrong order, maps[0]·maps[1]⋯.
fn compose_wrong_order(maps: &[Matrix]) -> Result<Matrix, LinalgError> {
    let first = maps.first().ok_or(LinalgError::Empty)?;
    let mut p = first.clone();
    for m in &maps[1..] {
        p = sol::matrix_product::mat_mul(&p, m)?;
    }
    Ok(p)
}

/// Bug: the last map is left out.
fn compose_skips_last(maps: &[Matrix]) -> Result<Matrix, LinalgError> {
    let first = maps.first().ok_or(LinalgError::Empty)?;
    let mut p = first.clone();
    for m in &maps[1..maps.len() - 1] {
        p = sol::matrix_product::mat_mul(m, &p)?;
    }
    Ok(p)
}

/// Bug: no maps give a 0×0 "identity" instead of an error.
fn compose_empty_ok(maps: &[Matrix]) -> Result<Matrix, LinalgError> {
    if maps.is_empty() {
        return Ok(Matrix::zeros(0, 0));
    }
    sol::composition::compose(maps)
}

/// Bug: the maps applied from the last to the first.
fn apply_reversed(maps: &[Matrix], x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let mut y = x.to_vec();
    for m in maps.iter().rev() {
        y = sol::matrix_vector::mat_vec_rows(m, &y)?;
    }
    Ok(y)
}

/// Bug: each map applied to x itself; only the last result is kept.
fn apply_each_to_x(maps: &[Matrix], x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let mut y = x.to_vec();
    for m in maps {
        y = sol::matrix_vector::mat_vec_rows(m, x)?;
    }
    Ok(y)
}

/// Bug: with no size checks; `dot` silently cuts vectors to fit.
fn apply_unchecked(maps: &[Matrix], x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let mut y = x.to_vec();
    for m in maps {
        y = m.rows().map(|row| dot(row, &y)).collect();
    }
    Ok(y)
}

/// Variant: the links checked first, then the product accumulated from the
/// other end, maps[k−1]·maps[k−2]⋯ by multiplying on the right.
fn compose_from_the_left(maps: &[Matrix]) -> Result<Matrix, LinalgError> {
    let last = maps.last().ok_or(LinalgError::Empty)?;
    for i in 1..maps.len() {
        if maps[i].ncols() != maps[i - 1].nrows() {
            return Err(mismatch(maps[i].ncols(), maps[i - 1].nrows()));
        }
    }
    let mut p = last.clone();
    for m in maps[..maps.len() - 1].iter().rev() {
        p = sol::matrix_product::mat_mul(&p, m)?;
    }
    Ok(p)
}

/// Variant: apply_in_turn through compose, then one matrix–vector product by columns.
fn apply_via_compose(maps: &[Matrix], x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if maps.is_empty() {
        return Ok(x.to_vec());
    }
    if maps[0].ncols() != x.len() {
        return Err(mismatch(maps[0].ncols(), x.len()));
    }
    let whole = sol::composition::compose(maps)?;
    sol::matrix_vector::mat_vec_columns(&whole, x)
}

fn check_comp(apply_in_turn: Apply, compose: Compose) -> ExerciseReport {
    l03::composition(&Composition { apply_in_turn, compose })
}

#[test]
fn composition() {
    let (a, c): (Apply, Compose) = (sol::composition::apply_in_turn, sol::composition::compose);
    let (turn, product) = ("applies_each_map_in_turn", "compose_is_the_product");
    judge(
        "composition",
        vec![
            ("reference", check_comp(a, c), Pass),
            ("via compose; product from the other end", check_comp(apply_via_compose, compose_from_the_left), Pass),
            ("product in the wrong order", check_comp(a, compose_wrong_order), Kill(product, 3)),
            ("last map left out", check_comp(a, compose_skips_last), Kill(product, 1)),
            ("no maps compose to 0×0", check_comp(a, compose_empty_ok), Kill("refuses_broken_chains", 0)),
            ("maps applied last first", check_comp(apply_reversed, c), Kill(turn, 5)),
            ("every map applied to x", check_comp(apply_each_to_x, c), Kill(turn, 5)),
            ("no size checks", check_comp(apply_unchecked, c), Kill("refuses_broken_chains", 8)),
        ],
    );
}
