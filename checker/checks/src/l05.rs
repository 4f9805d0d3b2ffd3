//! Checks for lesson 5: Gaussian elimination and LU.
//!
//! Invariants first. An LU factorization is judged by what makes it one, never
//! against nalgebra's factors (ties in the pivot search make P and U differ
//! between correct programs): `perm` a permutation, L exactly unit lower
//! triangular with |ℓᵢⱼ| ≤ 1, U exactly upper triangular, and PA = LU up to
//! γ·|L||U|, entry by entry, with the learner's own factors, so pivot growth
//! is allowed for. Solvers are judged by their residuals, which a backward
//! stable algorithm keeps at rounding size whatever the conditioning. nalgebra
//! is used only for quantities that are unique, through paths that cannot
//! hang: the determinant (the exact one, for integer matrices), the singular
//! values that scale its tolerance (`try_svd` with a sweep limit), A⁻¹ for κ₁,
//! and the solutions printed as "expected". The factorizations handed to
//! `lu_solve` are the checker's own.
//!
//! The generators include the inputs where pivoting matters (a zero or tiny
//! (0, 0) entry, permuted triangular matrices, rows scaled by 10⁻³ to 10⁻⁹),
//! entries from {−2, …, 2} for exact ties, thirds and tenths, singular
//! matrices for `lu` and `det`, and 2^±40 scalings. Square inputs are stored
//! as the rows of the augmented matrix [A | b], so the shrinker deletes an
//! unknown together with its equation.

use nalgebra::{DMatrix, DVector};
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{LinalgError, Lu, Matrix};

use crate::cases::{Case, Spec, build_scaled};
use crate::convert::{matrix_of, ours};
use crate::harness::{Checker, Fixed, Miss, call, refused};
use crate::{draw, pretty, tol};

// ---------------------------------------------------------------- matrices

fn na(a: &Matrix) -> DMatrix<f64> {
    DMatrix::from_row_slice(a.nrows(), a.ncols(), a.as_slice())
}

/// The largest |entry| (NaN if there is one).
fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0, |m: f64, x| if x.is_nan() || m.is_nan() { f64::NAN } else { m.max(x.abs()) })
}

/// ‖A‖∞, the largest absolute row sum.
fn norm_inf_matrix(a: &Matrix) -> f64 {
    a.rows().map(|r| r.iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max)
}

/// ‖A‖₁, the largest absolute column sum (the checker's own).
fn norm_1_matrix(a: &DMatrix<f64>) -> f64 {
    (0..a.ncols()).map(|j| a.column(j).iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max)
}

/// Singular values, largest first, from nalgebra's values-only path with a
/// bounded number of sweeps (`singular_values()` has no bound, and no check
/// may hang); `None` if it does not converge.
fn singular_values(a: &Matrix) -> Option<Vec<f64>> {
    if a.nrows() == 0 || a.ncols() == 0 {
        return Some(Vec::new());
    }
    let svd = na(a).try_svd(false, false, f64::EPSILON, 10_000)?;
    let mut s: Vec<f64> = svd.singular_values.iter().copied().collect();
    s.sort_by(|x, y| y.total_cmp(x));
    Some(s)
}

/// κ₁(A) = ‖A‖₁‖A⁻¹‖₁ by the checker, with A⁻¹ from nalgebra's LU (which
/// cannot hang); `None` when nalgebra finds A singular.
fn kappa_1(a: &Matrix) -> Option<f64> {
    let d = na(a);
    let inv = d.clone().try_inverse()?;
    let kappa = norm_1_matrix(&d) * norm_1_matrix(&inv);
    kappa.is_finite().then_some(kappa)
}

/// Generated systems keep κ₁(A) at most this: far below the 1/u ≈ 10¹⁶ where
/// a correct elimination could meet an exact zero pivot, so refusing one of
/// them as singular is a bug, and forward errors stay meaningful.
const KAPPA_MAX: f64 = 1e8;

fn invertible(a: &Matrix) -> bool {
    a.nrows() > 0 && kappa_1(a).is_some_and(|k| k <= KAPPA_MAX)
}

/// "(A is invertible, κ₁ = 21)", for messages.
fn invertible_note(a: &Matrix) -> String {
    kappa_1(a).map_or_else(String::new, |k| format!(" (A is invertible, κ₁ = {})", pretty::number(k)))
}

/// P·A for `perm` (row i of PA is row perm[i] of A).
fn permuted(a: &Matrix, perm: &[usize]) -> Matrix {
    Matrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(perm[i], j)])
}

/// L·U and |L|·|U| by the checker, in plain loops.
fn product_and_size(l: &Matrix, u: &Matrix) -> (Matrix, Matrix) {
    let n = l.nrows();
    let mut lu = Matrix::zeros(n, n);
    let mut size = Matrix::zeros(n, n);
    for i in 0..n {
        for j in 0..n {
            for k in 0..n {
                lu[(i, j)] += l[(i, k)] * u[(k, j)];
                size[(i, j)] += (l[(i, k)] * u[(k, j)]).abs();
            }
        }
    }
    (lu, size)
}

/// The checker's own PA = LU by partial pivoting (first largest entry on
/// ties, a zero column skipped): the factorization handed to `lu_solve`, and
/// an example of a correct answer in messages about `lu`.
fn reference_lu(a: &Matrix) -> Lu {
    let n = a.nrows();
    let (mut l, mut u, mut perm) = (Matrix::identity(n), a.clone(), (0..n).collect::<Vec<_>>());
    for k in 0..n {
        let p = (k..n).fold(k, |p, i| if u[(i, k)].abs() > u[(p, k)].abs() { i } else { p });
        if u[(p, k)] == 0.0 {
            continue;
        }
        u.swap_rows(k, p);
        perm.swap(k, p);
        for j in 0..k {
            let t = l[(k, j)];
            l[(k, j)] = l[(p, j)];
            l[(p, j)] = t;
        }
        for i in k + 1..n {
            let m = u[(i, k)] / u[(k, k)];
            l[(i, k)] = m;
            for j in k + 1..n {
                let v = u[(k, j)];
                u[(i, j)] -= m * v;
            }
            u[(i, k)] = 0.0;
        }
    }
    Lu { perm, l, u }
}

fn show_lu(f: &Lu) -> String {
    format!("perm = {:?}\nL =\n{}\nU =\n{}", f.perm, f.l, f.u)
}

fn literal_lu(f: &Lu) -> String {
    format!("let f = Lu {{ perm: vec!{:?}, l: {:?}, u: {:?} }};", f.perm, f.l, f.u)
}

// ---------------------------------------------------------------- outcomes

/// A learner's `Ok` value, or a miss saying a valid input was refused.
fn accepted<T>(function: &str, got: Result<T, LinalgError>, why: &str) -> Result<T, Miss> {
    got.map_err(|e| {
        Miss::new(format!("`{function}` returned an error for a valid input{why}"))
            .output(format!("Err({e:?})"))
            .expected("Ok(…)")
    })
}

/// Passes when `got` is `Err(Singular { column: k })` for one of the allowed `columns`.
fn refused_singular<T>(
    function: &str,
    got: &Result<T, LinalgError>,
    columns: &[usize],
    why: &str,
    show: impl Fn(&T) -> String,
) -> Result<(), Miss> {
    if let Err(LinalgError::Singular { column }) = got
        && columns.contains(column)
    {
        return Ok(());
    }
    let want = match columns {
        [k] => format!("Err(Singular {{ column: {k} }})"),
        _ => format!("Err(Singular {{ column: k }}) with k one of {columns:?}"),
    };
    Err(Miss::new(format!("`{function}` must report a singular matrix: {why}"))
        .output(pretty::result(got, show))
        .expected(want))
}

/// For `pretty::result` on a `Result<Vec<f64>, _>`.
#[allow(clippy::ptr_arg)]
fn show_vec(v: &Vec<f64>) -> String {
    pretty::vector(v)
}

fn show_matrix(m: &Matrix) -> String {
    format!("{}×{} matrix\n{m}", m.nrows(), m.ncols())
}

/// The entry of `err` that exceeds its `bound` by the largest factor (NaN
/// counts as infinitely far): index, error, bound.
fn worst(err: &[f64], bound: &[f64]) -> Option<(usize, f64, f64)> {
    let mut found: Option<(usize, f64, f64, f64)> = None;
    for (k, (&e, &b)) in err.iter().zip(bound).enumerate() {
        if e <= b {
            continue;
        }
        let ratio = if e.is_nan() || b == 0.0 { f64::INFINITY } else { e / b };
        if found.is_none_or(|(_, _, _, r)| ratio > r) {
            found = Some((k, e, b, ratio));
        }
    }
    found.map(|(k, e, b, _)| (k, e, b))
}

// ---------------------------------------------------------------- inputs

/// The largest n of generated matrices.
const MAX_N: usize = 8;

/// Stored rows are the rows of [A | extra columns]: A is the leading square.
fn split(rows: &[Vec<f64>]) -> (Matrix, Matrix) {
    let n = rows.len();
    let width = rows.first().map_or(0, Vec::len);
    let a = Matrix::from_fn(n, n.min(width), |i, j| rows[i][j]);
    let rest = Matrix::from_fn(n, width.saturating_sub(n), |i, j| rows[i][n + j]);
    (a, rest)
}

fn a_of(c: &Case) -> Matrix {
    split(&c.inputs()).0
}

fn system_of(c: &Case) -> (Matrix, Vec<f64>) {
    let (a, rest) = split(&c.inputs());
    (a, rest.column(0))
}

fn many_of(c: &Case) -> (Matrix, Matrix) {
    split(&c.inputs())
}

/// Every stored row has n + `extra` entries, n = the number of rows ≥ 1.
fn shaped(c: &Case, extra: usize) -> bool {
    !c.rows.is_empty() && c.rows.iter().all(|r| r.len() == c.rows.len() + extra)
}

fn valid_square(c: &Case) -> bool {
    shaped(c, 0)
}

fn valid_invertible(c: &Case) -> bool {
    shaped(c, 0) && invertible(&a_of(c))
}

fn valid_system(c: &Case) -> bool {
    shaped(c, 1) && invertible(&a_of(c))
}

fn valid_many(c: &Case) -> bool {
    let n = c.rows.len();
    n >= 1 && c.rows.iter().all(|r| r.len() == c.rows[0].len()) && c.rows[0].len() > n && invertible(&a_of(c))
}

fn valid_triangular(c: &Case) -> bool {
    shaped(c, 1) && (0..c.rows.len()).all(|k| c.rows[k][k] != 0.0)
}

fn show_a(c: &Case) -> String {
    let a = a_of(c);
    format!("A ({}×{}) =\n{a}{}", a.nrows(), a.ncols(), c.scale_note())
}

fn literal_a(c: &Case) -> String {
    format!("let a = {:?};", a_of(c))
}

fn show_system(c: &Case) -> String {
    let (a, b) = system_of(c);
    format!("A ({}×{}) =\n{a}\nb = {}{}", a.nrows(), a.ncols(), pretty::vector(&b), c.scale_note())
}

fn literal_system(c: &Case) -> String {
    let (a, b) = system_of(c);
    format!("let a = {a:?};\nlet b = {};", pretty::vector_literal(&b))
}

fn show_lower(c: &Case) -> String {
    let (t, b) = system_of(c);
    format!(
        "L ({}×{}) =\n{t}\nb = {}{}\n   (only the lower triangle of L counts: the entries above its diagonal are noise to ignore)",
        t.nrows(),
        t.ncols(),
        pretty::vector(&b),
        c.scale_note()
    )
}

fn show_upper(c: &Case) -> String {
    let (t, b) = system_of(c);
    format!(
        "U ({}×{}) =\n{t}\nb = {}{}\n   (only the upper triangle of U counts: the entries below its diagonal are noise to ignore)",
        t.nrows(),
        t.ncols(),
        pretty::vector(&b),
        c.scale_note()
    )
}

fn literal_lower(c: &Case) -> String {
    let (t, b) = system_of(c);
    format!("let l = {t:?};\nlet b = {};", pretty::vector_literal(&b))
}

fn literal_upper(c: &Case) -> String {
    let (t, b) = system_of(c);
    format!("let u = {t:?};\nlet b = {};", pretty::vector_literal(&b))
}

/// A system handed to `lu_solve`: A and b, and the factorization the checker made.
fn show_factored(c: &Case) -> String {
    let (a, b) = system_of(c);
    format!(
        "A ({}×{}) =\n{a}\nb = {}{}\nfactored by the checker, PA = LU:\n{}",
        a.nrows(),
        a.ncols(),
        pretty::vector(&b),
        c.scale_note(),
        show_lu(&reference_lu(&a))
    )
}

fn literal_factored(c: &Case) -> String {
    let (a, b) = system_of(c);
    format!("{}\nlet b = {};", literal_lu(&reference_lu(&a)), pretty::vector_literal(&b))
}

fn show_factored_many(c: &Case) -> String {
    let (a, b) = many_of(c);
    format!(
        "A ({}×{}) =\n{a}\nB ({}×{}) =\n{b}{}\nfactored by the checker, PA = LU:\n{}",
        a.nrows(),
        a.ncols(),
        b.nrows(),
        b.ncols(),
        c.scale_note(),
        show_lu(&reference_lu(&a))
    )
}

fn literal_factored_many(c: &Case) -> String {
    let (a, b) = many_of(c);
    format!("{}\nlet b = {b:?};", literal_lu(&reference_lu(&a)))
}

const fn spec(show: fn(&Case) -> String, literal: fn(&Case) -> String, valid: fn(&Case) -> bool) -> Spec {
    Spec {
        min_rows: 1,
        min_cols: 1,
        aligned: true,
        fixed_cols: 0,
        scalar_floor: &[],
        build: build_scaled,
        show,
        literal,
        valid,
    }
}

/// Any square matrix (lu, det).
static SQUARE: Spec = spec(show_a, literal_a, valid_square);
/// An invertible square matrix, κ₁ ≤ KAPPA_MAX (inverse, condition number).
static INVERTIBLE: Spec = spec(show_a, literal_a, valid_invertible);
/// [A | b] with A invertible (solve).
static SYSTEM: Spec = spec(show_system, literal_system, valid_system);
/// [A | b], handed to `lu_solve` and `lu_solve_transpose` as the checker's factorization of A.
static FACTORED: Spec = spec(show_factored, literal_factored, valid_system);
/// [A | B], handed to `lu_solve_many` as the checker's factorization of A.
static FACTORED_MANY: Spec = spec(show_factored_many, literal_factored_many, valid_many);
/// [L | b], L with a non-zero diagonal; its upper triangle is noise.
static LOWER: Spec = spec(show_lower, literal_lower, valid_triangular);
/// [U | b], U with a non-zero diagonal; its lower triangle is noise.
static UPPER: Spec = spec(show_upper, literal_upper, valid_triangular);

/// A hand-picked input: the rows of A, and the extra columns (b, or B) beside them.
fn augmented(spec: &'static Spec, a: &[&[f64]], extra: &[&[f64]], exp: i32) -> Case {
    let rows = a.iter().enumerate().map(|(i, r)| [r.to_vec(), extra.get(i).map_or(vec![], |e| e.to_vec())].concat());
    Case::new(spec, rows.collect(), vec![], exp)
}

fn square(spec: &'static Spec, a: &[&[f64]]) -> Case {
    augmented(spec, a, &[], 0)
}

/// A·x = b with b given as one vector.
fn system(spec: &'static Spec, a: &[&[f64]], b: &[f64]) -> Case {
    let b: Vec<[f64; 1]> = b.iter().map(|&x| [x]).collect();
    let extra: Vec<&[f64]> = b.iter().map(|x| x.as_slice()).collect();
    augmented(spec, a, &extra, 0)
}

/// The kinds of square matrices the generators draw.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Family {
    /// Integers in [−9, 9].
    Integers,
    /// Integers in [−2, 2]: many exact ties between pivot candidates.
    Ties,
    /// Thirds and tenths: inexact in binary, so every step rounds.
    Fractions,
    /// Integers with a zero or tiny (≈ 10⁻¹⁵) (0, 0) entry: the first pivot
    /// candidate is useless, and only the largest one is safe.
    TinyPivot,
    /// P·T with T triangular: without a row search, elimination meets zeros.
    PermutedTriangular,
    /// Integers with rows scaled by 10⁻³, 10⁻⁶ or 10⁻⁹: the pivot order
    /// changes, and a small row is a bad pivot row. (Scaled up instead, the
    /// entries would shrink one unit at a time.)
    ScaledRows,
    /// X·Y with inner dimension below n: singular.
    RankDeficient,
}

/// The families of invertible inputs (some draws are singular and are redrawn).
const REGULAR: &[Family] = &[
    Family::Integers,
    Family::Ties,
    Family::Fractions,
    Family::TinyPivot,
    Family::PermutedTriangular,
    Family::ScaledRows,
];

/// The families where partial pivoting decides the outcome.
const PIVOTING: &[Family] = &[Family::TinyPivot, Family::PermutedTriangular, Family::ScaledRows];

fn shuffle(rng: &mut TestRng, n: usize) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        p.swap(i, draw::size(rng, 0, i));
    }
    p
}

fn nonzero(rng: &mut TestRng, lo: i64, hi: i64) -> f64 {
    let k = draw::int(rng, lo, hi);
    if k == 0.0 { 1.0 } else { k }
}

/// An n×n matrix of `family`, row by row.
fn draw_square(rng: &mut TestRng, n: usize, family: Family) -> Vec<Vec<f64>> {
    let mut a: Vec<Vec<f64>> = (0..n).map(|_| draw::ints(rng, n)).collect();
    match family {
        Family::Integers => {}
        Family::Ties => {
            a = (0..n).map(|_| (0..n).map(|_| draw::int(rng, -2, 2)).collect()).collect();
        }
        Family::Fractions => {
            for x in a.iter_mut().flatten() {
                *x /= draw::pick(rng, &[1.0, 3.0, 10.0]);
            }
        }
        Family::TinyPivot => {
            a[0][0] = draw::pick(rng, &[0.0, 1e-15, -1e-15, 3e-14, 2f64.powi(-50), -(2f64.powi(-45))]);
        }
        Family::PermutedTriangular => {
            let lower = draw::chance(rng, 1, 2);
            let t: Vec<Vec<f64>> = (0..n)
                .map(|i| {
                    (0..n)
                        .map(|j| {
                            if i == j {
                                nonzero(rng, -9, 9)
                            } else if (j < i) == lower {
                                draw::int(rng, -9, 9)
                            } else {
                                0.0
                            }
                        })
                        .collect()
                })
                .collect();
            let p = shuffle(rng, n);
            a = p.iter().map(|&i| t[i].clone()).collect();
        }
        Family::ScaledRows => {
            for row in &mut a {
                let s = draw::pick(rng, &[1.0, 1.0, 1e-3, 1e-6, 1e-9]);
                for x in row.iter_mut() {
                    *x *= s;
                }
            }
        }
        Family::RankDeficient => {
            let r = if n == 1 || draw::chance(rng, 1, 8) { 0 } else { draw::size(rng, 1, n - 1) };
            let x: Vec<Vec<f64>> = (0..n).map(|_| (0..r).map(|_| draw::int(rng, -3, 3)).collect()).collect();
            let y: Vec<Vec<f64>> = (0..r).map(|_| (0..n).map(|_| draw::int(rng, -3, 3)).collect()).collect();
            a = (0..n).map(|i| (0..n).map(|j| (0..r).map(|k| x[i][k] * y[k][j]).sum()).collect()).collect();
        }
    }
    a
}

fn size(rng: &mut TestRng) -> usize {
    draw::size(rng, 1, MAX_N)
}

fn exponent(rng: &mut TestRng) -> i32 {
    if draw::chance(rng, 1, 5) { draw::pick(rng, &[-40, 40]) } else { 0 }
}

/// A square matrix of one of `families` (any, singular or not).
fn random_square(rng: &mut TestRng, families: &[Family]) -> Case {
    let n = size(rng);
    let family = draw::pick(rng, families);
    Case::new(&SQUARE, draw_square(rng, n, family), vec![], exponent(rng))
}

/// An invertible matrix of one of `families` (κ₁ ≤ KAPPA_MAX), with `extra`
/// integer columns beside it, stored for `spec`.
fn random_invertible(rng: &mut TestRng, families: &[Family], spec: &'static Spec, extra: usize) -> Case {
    let n = size(rng);
    let family = draw::pick(rng, families);
    let mut a = draw_square(rng, n, family);
    for _ in 0..100 {
        if invertible(&Matrix::from_rows(&a)) {
            break;
        }
        a = draw_square(rng, n, family);
    }
    if !invertible(&Matrix::from_rows(&a)) {
        // Practically unreachable: the identity is invertible.
        a = Matrix::identity(n).to_rows();
    }
    for row in &mut a {
        row.extend(draw::ints(rng, extra));
    }
    Case::new(spec, a, vec![], exponent(rng))
}

/// A triangular system: a non-zero diagonal (integers, quarters, tenths, or a
/// tiny 2^−30), entries in the triangle, and noise in the other triangle.
fn random_triangular(rng: &mut TestRng, lower: bool) -> Case {
    let n = size(rng);
    let noisy = draw::chance(rng, 3, 4);
    let rows = (0..n)
        .map(|i| {
            let mut row: Vec<f64> = (0..n)
                .map(|j| {
                    if i == j {
                        let d = nonzero(rng, -9, 9);
                        match draw::size(rng, 0, 9) {
                            0 => d * 2f64.powi(-30),
                            1..=3 => d / 4.0,
                            4..=5 => d / 10.0,
                            _ => d,
                        }
                    } else if (j < i) == lower {
                        draw::int(rng, -9, 9) / draw::pick(rng, &[1.0, 1.0, 3.0])
                    } else if noisy {
                        draw::int(rng, -9, 9)
                    } else {
                        0.0
                    }
                })
                .collect();
            row.push(draw::int(rng, -9, 9));
            row
        })
        .collect();
    Case::new(if lower { &LOWER } else { &UPPER }, rows, vec![], exponent(rng))
}

// ---------------------------------------------------------------- hand-picked matrices

/// Wilkinson's matrix: 1 on the diagonal and in the last column, −1 below the
/// diagonal. Partial pivoting doubles the last column at every step, the
/// largest growth it can have: u_nn = 2^(n−1).
fn wilkinson(n: usize) -> Vec<Vec<f64>> {
    (0..n)
        .map(|i| {
            (0..n)
                .map(|j| {
                    if j == n - 1 || i == j {
                        1.0
                    } else if j < i {
                        -1.0
                    } else {
                        0.0
                    }
                })
                .collect()
        })
        .collect()
}

/// The invertible matrices every exercise of the lesson must get right.
fn textbook_matrices() -> Vec<Vec<Vec<f64>>> {
    let tiny = 1e-15;
    let m = |rows: &[&[f64]]| rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>();
    vec![
        m(&[&[1.0, 2.0], &[3.0, 4.0]]),
        m(&[&[2.0, 1.0, 1.0], &[4.0, -6.0, 0.0], &[-2.0, 7.0, 2.0]]),
        m(&[&[5.0]]),
        m(&[&[-0.5]]),
        Matrix::identity(3).to_rows(),
        // A swap is needed: the (0, 0) entry is zero.
        m(&[&[0.0, 1.0], &[1.0, 0.0]]),
        m(&[&[0.0, 1.0], &[2.0, 1.0]]),
        // A 3-cycle: swaps are their own inverse, this permutation is not.
        m(&[&[0.0, 0.0, 1.0], &[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0]]),
        // The tiny first pivot of the lesson: without a swap, the answer is lost.
        m(&[&[tiny, 1.0], &[1.0, 1.0]]),
        m(&[&[tiny, 1.0, 1.0], &[1.0, 2.0, 0.0], &[1.0, 0.0, 3.0]]),
        // Exact ties between pivot candidates.
        m(&[&[1.0, 1.0], &[1.0, -1.0]]),
        m(&[&[1.0, 2.0, 1.0], &[-1.0, 1.0, 2.0], &[1.0, -2.0, 3.0]]),
        // A second swap after multipliers are stored: the rows of L must follow it (the second matrix is
        // `checking.md`'s counterexample for that bug).
        m(&[&[1.0, 2.0, 0.0], &[2.0, 1.0, 3.0], &[4.0, 0.0, 1.0]]),
        m(&[&[0.0, 1.0, 0.0], &[1.0, 0.0, 0.0], &[1.0, 0.0, 1.0]]),
        m(&[&[1.0, 1.0, 1.0, 1.0], &[2.0, 3.0, 1.0, 5.0], &[4.0, 1.0, 9.0, 2.0], &[8.0, 2.0, 3.0, 7.0]]),
        wilkinson(6),
    ]
}

/// Singular matrices whose elimination meets an exact zero column whatever
/// the tie rule (every multiplier is exact), with that column.
fn singular_matrices() -> Vec<(Vec<Vec<f64>>, usize)> {
    let m = |rows: &[&[f64]]| rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>();
    vec![
        (m(&[&[0.0]]), 0),
        (m(&[&[1.0, 2.0], &[2.0, 4.0]]), 1),
        (m(&[&[0.0, 0.0], &[0.0, 1.0]]), 0),
        (m(&[&[0.0, 3.0], &[0.0, 1.0]]), 0),
        (m(&[&[0.0, 0.0], &[0.0, 0.0]]), 0),
        (m(&[&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0], &[1.0, 0.0, 1.0]]), 2),
        (m(&[&[2.0, 1.0, 0.0], &[4.0, 2.0, 0.0], &[1.0, 1.0, 1.0]]), 2),
    ]
}

fn rows_ref(rows: &[Vec<f64>]) -> Vec<&[f64]> {
    rows.iter().map(Vec::as_slice).collect()
}

// ---------------------------------------------------------------- triangular_solve

/// The signature of `forward_substitution` and `back_substitution`.
pub type TriangularFn = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The functions of exercise `triangular_solve`.
pub struct Triangular {
    pub forward_substitution: TriangularFn,
    pub back_substitution: TriangularFn,
}

/// Whether entry (i, j) belongs to the triangle that is read.
fn in_triangle(lower: bool, i: usize, j: usize) -> bool {
    if lower { j <= i } else { j >= i }
}

/// `x` solves the triangular system: |b − Tx| ≤ `tol::triangular_residual(n)`·(|T||x| + |b|),
/// entry by entry, with only the triangle of T.
fn check_triangular_solution(name: &str, t: &Matrix, b: &[f64], x: &[f64], lower: bool) -> Result<(), Miss> {
    let n = b.len();
    let output = pretty::vector(x);
    if x.len() != n {
        return Err(Miss::new(format!("`{name}` returned {} unknowns, but the system has {n}", x.len())).output(output));
    }
    if !tol::all_finite(x) {
        return Err(Miss::new(format!("`{name}` returned NaN or infinity, but every diagonal entry is non-zero"))
            .output(output));
    }
    let mut err = vec![0.0; n];
    let mut bound = vec![0.0; n];
    // The same residual with the whole matrix, and with a unit diagonal: two
    // mistakes worth naming in the message.
    let mut err_full = vec![0.0; n];
    let mut err_unit = vec![0.0; n];
    for i in 0..n {
        let (mut r, mut s, mut full) = (b[i], b[i].abs(), b[i]);
        for j in 0..n {
            full -= t[(i, j)] * x[j];
            if in_triangle(lower, i, j) {
                r -= t[(i, j)] * x[j];
                s += (t[(i, j)] * x[j]).abs();
            }
        }
        err[i] = r.abs();
        bound[i] = tol::triangular_residual(n) * s;
        err_full[i] = full.abs();
        err_unit[i] = (r + t[(i, i)] * x[i] - x[i]).abs();
    }
    let Some((i, e, bd)) = worst(&err, &bound) else { return Ok(()) };
    // The solution, for the message: nalgebra's substitution on the triangle alone.
    let triangle = DMatrix::from_fn(n, n, |i, j| if in_triangle(lower, i, j) { t[(i, j)] } else { 0.0 });
    let rhs = DVector::from_column_slice(b);
    let want = if lower { triangle.solve_lower_triangular(&rhs) } else { triangle.solve_upper_triangular(&rhs) };
    let (t_name, other) = if lower { ("L", "above") } else { ("U", "below") };
    let hint = if worst(&err_full, &bound).is_none() {
        format!(
            " Your x solves the system with the whole matrix: the entries {other} the diagonal are not part of \
             {t_name} and must be ignored."
        )
    } else if worst(&err_unit, &bound).is_none() {
        format!(
            " Your x solves the system with 1s on the diagonal: divide by the diagonal entry, which is not 1 \
             here ({t_name}_{i}{i} = {}).",
            pretty::number(t[(i, i)])
        )
    } else {
        String::new()
    };
    Err(Miss::new(format!("x does not solve {t_name}x = b: equation {i} is off by {}.{hint}", pretty::number(e)))
        .output(output)
        .expected(want.map_or_else(String::new, |w| pretty::vector(w.as_slice())))
        .bound(format!("|b_{i} − ({t_name}x)_{i}| = {e:.2e}, allowed ≤ {bd:.2e}")))
}

fn check_triangular(name: &'static str, g: TriangularFn, lower: bool) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let (t, b) = system_of(case);
        let got = call(name, || g(&t, &b))?;
        let x = accepted(name, got, " (every diagonal entry is non-zero, so the system has one solution)")?;
        check_triangular_solution(name, &t, &b, &x, lower)
    }
}

/// Both substitutions solve their systems to rounding size, read only their
/// own triangle, divide by the diagonal, and refuse an exact zero on it.
pub fn triangular_solve(f: &Triangular) -> ExerciseReport {
    let mut c = Checker::new("triangular_solve");
    let one = matrix_of(&[&[2.0]]);
    c.probe("forward_substitution", || (f.forward_substitution)(&one, &[1.0]));
    c.probe("back_substitution", || (f.back_substitution)(&one, &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (fwd, back) = (f.forward_substitution, f.back_substitution);
    let tiny = 1e-12;
    c.examples(
        "forward_examples",
        "L with rows (2, 0), (1, 4) and b = (4, 10) gives x = (2, 2); 1×1, identity, a negative and a tiny \
         diagonal, and noise above the diagonal",
        vec![
            system(&LOWER, &[&[2.0, 0.0], &[1.0, 4.0]], &[4.0, 10.0]),
            system(&LOWER, &[&[-3.0]], &[6.0]),
            system(&LOWER, &[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]], &[1.0, -2.0, 3.0]),
            system(&LOWER, &[&[2.0, 7.0, 7.0], &[1.0, -0.5, 7.0], &[3.0, 1.0, 0.25]], &[2.0, 1.0, 0.0]),
            system(&LOWER, &[&[tiny, 0.0], &[1.0, 1.0]], &[1.0, 1.0]),
        ],
        check_triangular("forward_substitution", fwd, true),
    );
    c.examples(
        "back_examples",
        "U with rows (2, 1), (0, 4) and b = (4, 8) gives x = (1, 2); 1×1, identity, a negative and a tiny \
         diagonal, and noise below the diagonal",
        vec![
            system(&UPPER, &[&[2.0, 1.0], &[0.0, 4.0]], &[4.0, 8.0]),
            system(&UPPER, &[&[-3.0]], &[6.0]),
            system(&UPPER, &[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]], &[1.0, -2.0, 3.0]),
            system(&UPPER, &[&[0.25, 1.0, 3.0], &[7.0, -0.5, 1.0], &[7.0, 7.0, 2.0]], &[0.0, 1.0, 2.0]),
            system(&UPPER, &[&[1.0, 1.0], &[0.0, tiny]], &[1.0, 1.0]),
        ],
        check_triangular("back_substitution", back, false),
    );
    c.property(
        "forward_substitution_solves",
        "for lower triangular L with any non-zero diagonal, |b − Lx| is rounding-sized in every equation \
         (entries above the diagonal are noise to ignore)",
        |rng| random_triangular(rng, true),
        check_triangular("forward_substitution", fwd, true),
    );
    c.property(
        "back_substitution_solves",
        "for upper triangular U with any non-zero diagonal, |b − Ux| is rounding-sized in every equation \
         (entries below the diagonal are noise to ignore)",
        |rng| random_triangular(rng, false),
        check_triangular("back_substitution", back, false),
    );
    let refuse = |t: Matrix, b: Vec<f64>, want: Option<LinalgError>| {
        let show = format!("T ({}×{}) =\n{t}\nb = {}", t.nrows(), t.ncols(), pretty::vector(&b));
        let literal = format!("let t = {t:?};\nlet b = {};", pretty::vector_literal(&b));
        Fixed::new(show, literal, move || {
            for (name, g) in [("forward_substitution", fwd), ("back_substitution", back)] {
                let got = call(name, || g(&t, &b))?;
                match &want {
                    Some(e) => refused(name, &got, e, show_vec)?,
                    None => {
                        let zeros: Vec<usize> = (0..t.nrows()).filter(|&k| t[(k, k)] == 0.0).collect();
                        refused_singular(
                            name,
                            &got,
                            &zeros,
                            "a zero on the diagonal, so no solution or many",
                            show_vec,
                        )?;
                    }
                }
            }
            Ok(())
        })
    };
    c.fixed(
        "refuses_zero_diagonal_and_wrong_shapes",
        "an exact 0.0 on the diagonal gives Err(Singular { column: k }); a non-square matrix NotSquare; a b of \
         the wrong length DimensionMismatch { expected: n, found: b.len() }",
        vec![
            refuse(matrix_of(&[&[0.0]]), vec![1.0], None),
            refuse(matrix_of(&[&[2.0, 0.0], &[1.0, 0.0]]), vec![1.0, 1.0], None),
            refuse(matrix_of(&[&[0.0, 0.0, 0.0], &[1.0, 2.0, 0.0], &[1.0, 1.0, 3.0]]), vec![1.0, 1.0, 1.0], None),
            refuse(
                matrix_of(&[&[1.0, 2.0, 3.0], &[0.0, 1.0, 4.0]]),
                vec![1.0, 1.0],
                Some(LinalgError::NotSquare { rows: 2, cols: 3 }),
            ),
            refuse(
                matrix_of(&[&[1.0, 0.0], &[0.0, 1.0]]),
                vec![1.0, 1.0, 1.0],
                Some(LinalgError::DimensionMismatch { expected: 2, found: 3 }),
            ),
        ],
    );
    c.fixed(
        "empty_system",
        "the 0×0 system has the empty solution",
        vec![Fixed::new(
            "T = [ 0×0 empty matrix ]\nb = []",
            "let t = Matrix::zeros(0, 0);\nlet b: [f64; 0] = [];",
            move || {
                let t = Matrix::zeros(0, 0);
                for (name, g) in [("forward_substitution", fwd), ("back_substitution", back)] {
                    let got = call(name, || g(&t, &[]))?;
                    if got != Ok(vec![]) {
                        return Err(Miss::new(format!("`{name}` must return the empty solution"))
                            .output(pretty::result(&got, show_vec))
                            .expected("Ok([])"));
                    }
                }
                Ok(())
            },
        )],
    );
    c.finish()
}

// ---------------------------------------------------------------- gaussian_elimination

/// The signature of `solve`.
pub type SolveFn = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The normwise backward error ‖b − Ax‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞) against
/// `tol::solve_backward(n)`. `name` is the function whose answer `x` is.
fn check_backward_error(name: &str, a: &Matrix, b: &[f64], x: &[f64]) -> Result<(), Miss> {
    let n = b.len();
    let output = pretty::vector(x);
    if x.len() != n {
        return Err(Miss::new(format!("`{name}` returned {} unknowns, but the system has {n}", x.len())).output(output));
    }
    if !tol::all_finite(x) {
        return Err(Miss::new(format!(
            "`{name}` returned NaN or infinity for an invertible A (a division by a zero pivot? partial pivoting \
             takes the largest candidate of the column)"
        ))
        .output(output));
    }
    let r: Vec<f64> = (0..n).map(|i| b[i] - (0..n).map(|j| a[(i, j)] * x[j]).sum::<f64>()).collect();
    let scale = norm_inf_matrix(a) * max_abs(x) + max_abs(b);
    let backward = if scale == 0.0 { max_abs(&r) } else { max_abs(&r) / scale };
    let want = na(a).lu().solve(&DVector::from_column_slice(b));
    tol::within(backward, tol::solve_backward(n), "").map_err(|e| {
        let mut m = Miss::new(format!(
            "Ax is not b: the residual b − Ax = {} is far above rounding size (without partial pivoting, a tiny \
             pivot makes huge multipliers, and rounding errors grow with them)",
            pretty::vector(&r)
        ))
        .output(output)
        .bound(format!("backward error ‖b − Ax‖∞ / (‖A‖∞‖x‖∞ + ‖b‖∞) {}", e.bound));
        if let Some(w) = want {
            m = m.expected(pretty::vector(w.as_slice()));
        }
        m
    })
}

fn check_solve(f: SolveFn) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let (a, b) = system_of(case);
        let got = call("solve", || f(&a, &b))?;
        let x = accepted("solve", got, &invertible_note(&a))?;
        check_backward_error("solve", &a, &b, &x)
    }
}

/// `solve` is backward stable on invertible systems, pivoting included, and
/// reports singular and malformed inputs.
pub fn gaussian_elimination(solve: SolveFn) -> ExerciseReport {
    let mut c = Checker::new("gaussian_elimination");
    c.probe("solve", || solve(&Matrix::identity(1), &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let examples = textbook_matrices()
        .into_iter()
        .map(|a| {
            let n = a.len();
            let b: Vec<f64> = (0..n).map(|i| (i as f64 + 1.0) * if i % 2 == 0 { 1.0 } else { -1.0 }).collect();
            system(&SYSTEM, &rows_ref(&a), &b)
        })
        .collect();
    c.examples(
        "textbook_examples",
        "rows (0, 1), (2, 1) with b = (1, 4) need a swap; 1×1, identity, a 3-cycle, exact ties, the tiny pivot \
         [[1e-15, 1], [1, 1]], and Wilkinson's matrix, whose pivots grow to 32",
        examples,
        check_solve(solve),
    );
    c.property(
        "backward_stable",
        "for invertible A (integers, ties, fractions, scaled rows, 2^±40), the backward error \
         ‖b − Ax‖ / (‖A‖‖x‖ + ‖b‖) is rounding-sized",
        |rng| random_invertible(rng, REGULAR, &SYSTEM, 1),
        check_solve(solve),
    );
    c.property(
        "needs_partial_pivoting",
        "a zero or tiny (0, 0) entry, a permuted triangular matrix, rows scaled by 10^−k: the largest candidate \
         is the only safe pivot",
        |rng| random_invertible(rng, PIVOTING, &SYSTEM, 1),
        check_solve(solve),
    );
    let refuse = |a: Vec<Vec<f64>>, b: Vec<f64>, want: LinalgError| {
        let a = Matrix::from_rows(&a);
        let show = format!("A ({}×{}) =\n{a}\nb = {}", a.nrows(), a.ncols(), pretty::vector(&b));
        let literal = format!("let a = {a:?};\nlet b = {};", pretty::vector_literal(&b));
        Fixed::new(show, literal, move || {
            let got = call("solve", || solve(&a, &b))?;
            refused("solve", &got, &want, show_vec)
        })
    };
    let mut refusals: Vec<Fixed> = singular_matrices()
        .into_iter()
        .map(|(a, k)| {
            let b = vec![1.0; a.len()];
            refuse(a, b, LinalgError::Singular { column: k })
        })
        .collect();
    refusals.push(refuse(vec![vec![1.0, 2.0, 3.0]], vec![1.0], LinalgError::NotSquare { rows: 1, cols: 3 }));
    refusals.push(refuse(
        vec![vec![1.0, 2.0], vec![3.0, 4.0]],
        vec![1.0],
        LinalgError::DimensionMismatch { expected: 2, found: 1 },
    ));
    c.fixed(
        "refuses_singular_and_wrong_shapes",
        "Err(Singular { column: k }) at the first column whose candidates are all exactly 0 (rows (1, 2), (2, 4) \
         give column 1); NotSquare; DimensionMismatch { expected: n, found: b.len() }",
        refusals,
    );
    c.finish()
}

// ---------------------------------------------------------------- lu_decomposition

/// The signature of `lu`.
pub type LuFn = fn(&Matrix) -> Result<Lu, LinalgError>;

/// Everything that makes `f` a partial-pivoting factorization of `a`.
fn check_factorization(f: &Lu, a: &Matrix) -> Result<(), Miss> {
    let n = a.nrows();
    let output = show_lu(f);
    let example = format!("a partial-pivoting factorization, such as\n{}", show_lu(&reference_lu(a)));
    let miss = |message: String| Miss::new(message).output(output.clone()).expected(example.clone());
    if f.perm.len() != n || f.l.shape() != (n, n) || f.u.shape() != (n, n) {
        return Err(miss(format!(
            "the factors have the wrong sizes: perm has {} entries, L is {}×{}, U is {}×{}; A is {n}×{n}",
            f.perm.len(),
            f.l.nrows(),
            f.l.ncols(),
            f.u.nrows(),
            f.u.ncols()
        ))
        .expected(format!("perm of length {n}, L and U {n}×{n}")));
    }
    let mut seen = vec![false; n];
    for &p in &f.perm {
        if p >= n || seen[p] {
            return Err(miss(format!(
                "perm = {:?} is not a permutation of 0..{n}: every row of A appears exactly once in PA",
                f.perm
            )));
        }
        seen[p] = true;
    }
    if !tol::all_finite(f.l.as_slice()) || !tol::all_finite(f.u.as_slice()) {
        return Err(miss(
            "L or U holds NaN or infinity: was there a division by a zero pivot? (take the largest candidate of \
             the column, and when every candidate is exactly 0, skip the column)"
                .into(),
        ));
    }
    for i in 0..n {
        if f.l[(i, i)] != 1.0 {
            return Err(miss(format!(
                "l_{i}{i} = {}, but L is unit lower triangular: its diagonal is exactly 1",
                pretty::number_literal(f.l[(i, i)])
            )));
        }
        if let Some(j) = (i + 1..n).find(|&j| f.l[(i, j)] != 0.0) {
            return Err(miss(format!(
                "l_{i}{j} = {} is above the diagonal of L, where L is exactly 0",
                pretty::number_literal(f.l[(i, j)])
            )));
        }
        if let Some(j) = (0..i).find(|&j| f.u[(i, j)] != 0.0) {
            return Err(miss(format!(
                "u_{i}{j} = {} is below the diagonal of U, where U is exactly 0 (store the 0.0 instead of computing \
                 it: the subtraction leaves rounding noise)",
                pretty::number_literal(f.u[(i, j)])
            )));
        }
    }
    let mut largest = (0, 0, 0.0_f64);
    for i in 0..n {
        for j in 0..i {
            if f.l[(i, j)].abs() > largest.2 {
                largest = (i, j, f.l[(i, j)].abs());
            }
        }
    }
    let (i, j, m) = largest;
    tol::within(m, tol::multiplier_bound(), "").map_err(|e| {
        miss(format!(
            "|l_{i}{j}| = {} > 1: the pivot of column {j} was not the largest candidate (partial pivoting takes the \
             entry of column {j} with the largest |u_k{j}|, k ≥ {j}, so every multiplier has |l| ≤ 1)",
            pretty::number(m)
        ))
        .bound(format!("|l_ij| {}", e.bound))
    })?;
    // PA = LU, entry by entry, relative to |L||U|.
    let pa = permuted(a, &f.perm);
    let (lu, size) = product_and_size(&f.l, &f.u);
    let err: Vec<f64> = pa.as_slice().iter().zip(lu.as_slice()).map(|(x, y)| (x - y).abs()).collect();
    let bound: Vec<f64> = size.as_slice().iter().map(|s| tol::lu_backward(n) * s).collect();
    if let Some((k, e, b)) = worst(&err, &bound) {
        let (i, j) = (k / n, k % n);
        return Err(miss(format!(
            "PA ≠ LU: entry ({i}, {j}) of PA is {}, of LU {} (when rows k and p swap, the multipliers already in \
             rows k and p of L swap too, and perm records the swap)",
            pretty::number(pa[(i, j)]),
            pretty::number(lu[(i, j)])
        ))
        .expected(format!("LU = PA =\n{pa}"))
        .bound(format!("|PA − LU| at ({i}, {j}) = {e:.2e}, allowed ≤ {b:.2e} (γ·(|L||U|)_ij)")));
    }
    Ok(())
}

fn check_lu(f: LuFn) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let a = a_of(case);
        let got = call("lu", || f(&a))?;
        let factors = accepted(
            "lu",
            got,
            " (lu factors every square matrix, singular ones too: a column whose candidates are all exactly 0 gets \
             no pivot step)",
        )?;
        check_factorization(&factors, &a)
    }
}

/// `lu` returns a partial-pivoting factorization: a permutation, exactly
/// triangular factors, |ℓᵢⱼ| ≤ 1, PA = LU to rounding; singular matrices too.
pub fn lu_decomposition(f: LuFn) -> ExerciseReport {
    let mut c = Checker::new("lu_decomposition");
    c.probe("lu", || f(&Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let mut examples: Vec<Case> = textbook_matrices().iter().map(|a| square(&SQUARE, &rows_ref(a))).collect();
    examples.push(square(&SQUARE, &rows_ref(&wilkinson(8))));
    examples.push(augmented(&SQUARE, &[&[1.0, 2.0], &[3.0, 4.0]], &[], 40));
    examples.push(augmented(&SQUARE, &[&[1.0, 2.0], &[3.0, 4.0]], &[], -40));
    c.examples(
        "textbook_examples",
        "rows (1, 2), (3, 4) give perm [1, 0] and l_10 = 1/3; 1×1, identity, a zero or 10⁻¹⁵ (0, 0) entry, a \
         3-cycle, exact ties, Wilkinson's matrix (u_nn = 2^(n−1)), 2^±40·A",
        examples,
        check_lu(f),
    );
    c.examples(
        "singular_matrices",
        "singular matrices are factored too: rows (1, 2), (2, 4); the zero matrix; a zero first column; \
         u_kk = 0 where a column has no pivot",
        singular_matrices().iter().map(|(a, _)| square(&SQUARE, &rows_ref(a))).collect(),
        check_lu(f),
    );
    c.property(
        "factors_random_matrices",
        "integers, ties, fractions, 2^±40: perm is a permutation, L unit lower, U upper, |l_ij| ≤ 1, PA = LU",
        |rng| random_square(rng, &[Family::Integers, Family::Ties, Family::Fractions]),
        check_lu(f),
    );
    c.property(
        "needs_partial_pivoting",
        "a zero or tiny (0, 0) entry, permuted triangular matrices, rows scaled by 10^−k: the largest candidate \
         is the pivot, and the rows of L follow every swap",
        |rng| random_square(rng, PIVOTING),
        check_lu(f),
    );
    c.property(
        "rank_deficient",
        "X·Y of rank below n: lu still returns PA = LU, with a zero on the diagonal of U where a column has no pivot",
        |rng| random_square(rng, &[Family::RankDeficient]),
        check_lu(f),
    );
    let shapes = vec![
        Fixed::new(
            "A = [ 2×3 matrix ]\n[ 1 2 3 ]\n[ 4 5 6 ]",
            "let a = Matrix::from_rows(&[vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]]);",
            move || {
                let a = matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]);
                let got = call("lu", || f(&a))?;
                refused("lu", &got, &LinalgError::NotSquare { rows: 2, cols: 3 }, show_lu)
            },
        ),
        Fixed::new("A = [ 0×0 empty matrix ]", "let a = Matrix::zeros(0, 0);", move || {
            let a = Matrix::zeros(0, 0);
            let got = call("lu", || f(&a))?;
            let want = Lu { perm: vec![], l: Matrix::zeros(0, 0), u: Matrix::zeros(0, 0) };
            if got.as_ref() == Ok(&want) {
                return Ok(());
            }
            Err(Miss::new("the 0×0 matrix has the empty factorization")
                .output(pretty::result(&got, show_lu))
                .expected(show_lu(&want)))
        }),
    ];
    c.fixed(
        "non_square_and_empty",
        "a non-square matrix gives Err(NotSquare { rows, cols }); the 0×0 matrix the empty factorization",
        shapes,
    );
    c.finish()
}

// ---------------------------------------------------------------- lu_solve

/// The signature of `lu_solve` and `lu_solve_transpose`.
pub type LuSolveFn = fn(&Lu, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The signature of `lu_solve_many`.
pub type LuSolveManyFn = fn(&Lu, &Matrix) -> Result<Matrix, LinalgError>;

/// The functions of exercise `lu_solve`.
pub struct LuSolve {
    pub lu_solve: LuSolveFn,
    pub lu_solve_many: LuSolveManyFn,
    pub lu_solve_transpose: LuSolveFn,
}

/// `x` solves L U x = P b (or, transposed, Uᵀ Lᵀ P x = b), entry by entry up to
/// `tol::lu_solve_residual(n)`·(|L||U||x| + |b|): two triangular solves commit
/// that much (Higham, Thm 9.4), whatever order their loops run in.
fn check_factored_solution(name: &str, f: &Lu, b: &[f64], x: &[f64], transposed: bool) -> Result<(), Miss> {
    let n = b.len();
    let output = pretty::vector(x);
    if x.len() != n {
        return Err(Miss::new(format!("`{name}` returned {} unknowns, but the system has {n}", x.len())).output(output));
    }
    if !tol::all_finite(x) {
        return Err(
            Miss::new(format!("`{name}` returned NaN or infinity, but U has no zero on its diagonal")).output(output)
        );
    }
    let (lu, size) = product_and_size(&f.l, &f.u);
    let mut err = vec![0.0; n];
    let mut bound = vec![0.0; n];
    if transposed {
        // Aᵀ = (PᵀLU)ᵀ = (LU)ᵀP, so Aᵀx = (LU)ᵀ(Px) with (Px)_i = x[perm[i]].
        let px: Vec<f64> = f.perm.iter().map(|&r| x[r]).collect();
        for i in 0..n {
            let r = b[i] - (0..n).map(|k| lu[(k, i)] * px[k]).sum::<f64>();
            err[i] = r.abs();
            bound[i] =
                tol::lu_solve_residual(n) * ((0..n).map(|k| size[(k, i)] * px[k].abs()).sum::<f64>() + b[i].abs());
        }
    } else {
        for i in 0..n {
            let pb = b[f.perm[i]];
            let r = pb - (0..n).map(|k| lu[(i, k)] * x[k]).sum::<f64>();
            err[i] = r.abs();
            bound[i] = tol::lu_solve_residual(n) * ((0..n).map(|k| size[(i, k)] * x[k].abs()).sum::<f64>() + pb.abs());
        }
    }
    let Some((i, e, bd)) = worst(&err, &bound) else { return Ok(()) };
    let (system, hint) = if transposed {
        (
            "Aᵀx = b (Aᵀ = UᵀLᵀP)",
            "solve Uᵀz = b (lower triangular), then Lᵀw = z (upper triangular), then put w_i into x[perm[i]]",
        )
    } else {
        ("Ax = b (LUx = Pb)", "equation i of LUx = Pb has the right-hand side b[perm[i]]; then Ly = Pb, then Ux = y")
    };
    let row =
        if transposed { format!("equation {i}") } else { format!("equation {i} of LUx = Pb (row {} of A)", f.perm[i]) };
    Err(Miss::new(format!("x does not solve {system}: {row} is off by {} ({hint})", pretty::number(e)))
        .output(output)
        .bound(format!("|residual_{i}| = {e:.2e}, allowed ≤ {bd:.2e}")))
}

fn check_lu_solve(name: &'static str, g: LuSolveFn, transposed: bool) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let (a, b) = system_of(case);
        let f = reference_lu(&a);
        let got = call(name, || g(&f, &b))?;
        let x = accepted(name, got, " (U has no zero on its diagonal)")?;
        check_factored_solution(name, &f, &b, &x, transposed)
    }
}

fn check_lu_solve_many(g: LuSolveManyFn) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let (a, b) = many_of(case);
        let f = reference_lu(&a);
        let got = call("lu_solve_many", || g(&f, &b))?;
        let x = accepted("lu_solve_many", got, " (U has no zero on its diagonal)")?;
        if x.shape() != b.shape() {
            return Err(Miss::new(format!(
                "`lu_solve_many` returned a {}×{} matrix; X has the shape of B, {}×{}",
                x.nrows(),
                x.ncols(),
                b.nrows(),
                b.ncols()
            ))
            .output(show_matrix(&x)));
        }
        for j in 0..b.ncols() {
            check_factored_solution("lu_solve_many", &f, &b.column(j), &x.column(j), false).map_err(|m| Miss {
                message: format!("column {j} of X: {}", m.message),
                output: show_matrix(&x),
                ..m
            })?;
        }
        Ok(())
    }
}

/// A hand-written factorization (not from any matrix), for the fixed inputs.
fn hand_lu(perm: &[usize], l: &[&[f64]], u: &[&[f64]]) -> Lu {
    Lu { perm: perm.to_vec(), l: matrix_of(l), u: matrix_of(u) }
}

/// The three solves work with any factorization, for one or many right-hand
/// sides and for the transpose, and report a zero on U's diagonal.
pub fn lu_solve(f: &LuSolve) -> ExerciseReport {
    let mut c = Checker::new("lu_solve");
    let one = hand_lu(&[0], &[&[1.0]], &[&[2.0]]);
    c.probe("lu_solve", || (f.lu_solve)(&one, &[1.0]));
    c.probe("lu_solve_many", || (f.lu_solve_many)(&one, &Matrix::identity(1)));
    c.probe("lu_solve_transpose", || (f.lu_solve_transpose)(&one, &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (solve, many, transpose) = (f.lu_solve, f.lu_solve_many, f.lu_solve_transpose);
    let examples = || {
        textbook_matrices()
            .into_iter()
            .map(|a| {
                let n = a.len();
                let b: Vec<f64> = (0..n).map(|i| (2 * i + 1) as f64 * if i % 3 == 1 { -1.0 } else { 1.0 }).collect();
                system(&FACTORED, &rows_ref(&a), &b)
            })
            .collect::<Vec<_>>()
    };
    c.examples(
        "lu_solve_examples",
        "the factorization of rows (1, 2), (3, 4) with b = (5, 11) gives x = (1, 2); swaps, a 3-cycle, exact \
         ties, the tiny pivot, Wilkinson's matrix",
        examples(),
        check_lu_solve("lu_solve", solve, false),
    );
    c.examples(
        "lu_solve_transpose_examples",
        "Aᵀx = b with the factorization of A: rows (1, 2), (3, 4) and b = (7, 10) give x = (1, 2); the same \
         matrices as above",
        examples(),
        check_lu_solve("lu_solve_transpose", transpose, true),
    );
    c.property(
        "lu_solve_residual",
        "for the factorization of an invertible A, x solves LUx = Pb to rounding size, equation by equation",
        |rng| random_invertible(rng, REGULAR, &FACTORED, 1),
        check_lu_solve("lu_solve", solve, false),
    );
    c.property(
        "lu_solve_many_columns",
        "for B with 1 to 3 columns, column j of X solves Ax = column j of B",
        |rng| {
            let k = draw::size(rng, 1, 3);
            random_invertible(rng, REGULAR, &FACTORED_MANY, k)
        },
        check_lu_solve_many(many),
    );
    c.property(
        "lu_solve_transpose_residual",
        "for the factorization of an invertible A, x solves Aᵀx = UᵀLᵀPx = b to rounding size",
        |rng| random_invertible(rng, REGULAR, &FACTORED, 1),
        check_lu_solve("lu_solve_transpose", transpose, true),
    );
    // A factorization with a 3-cycle (not from any matrix of the generators), and one with u_11 = 0.
    let cycle = || {
        hand_lu(
            &[2, 0, 1],
            &[&[1.0, 0.0, 0.0], &[0.5, 1.0, 0.0], &[-0.25, 0.5, 1.0]],
            &[&[4.0, 1.0, 2.0], &[0.0, 2.0, 1.0], &[0.0, 0.0, -1.0]],
        )
    };
    let singular = || hand_lu(&[1, 0], &[&[1.0, 0.0], &[0.5, 1.0]], &[&[2.0, 4.0], &[0.0, 0.0]]);
    let fixed_input =
        |f: &Lu, b: &str| (format!("{}\nb = {b}", show_lu(f)), format!("{}\nlet b = {b};", literal_lu(f)));
    let mut fixed = Vec::new();
    {
        let (show, literal) = fixed_input(&cycle(), "[1.0, 2.0, 3.0]");
        fixed.push(Fixed::new(show, literal, move || {
            let f = cycle();
            let b = [1.0, 2.0, 3.0];
            for (name, g, t) in [("lu_solve", solve, false), ("lu_solve_transpose", transpose, true)] {
                let x = accepted(name, call(name, || g(&f, &b))?, "")?;
                check_factored_solution(name, &f, &b, &x, t)?;
            }
            Ok(())
        }));
    }
    {
        let (show, literal) = fixed_input(&singular(), "[1.0, 1.0]");
        fixed.push(Fixed::new(show, literal, move || {
            let f = singular();
            let why = "u_11 = 0";
            refused_singular("lu_solve", &call("lu_solve", || solve(&f, &[1.0, 1.0]))?, &[1], why, show_vec)?;
            refused_singular(
                "lu_solve_transpose",
                &call("lu_solve_transpose", || transpose(&f, &[1.0, 1.0]))?,
                &[1],
                why,
                show_vec,
            )?;
            let b = Matrix::identity(2);
            refused_singular("lu_solve_many", &call("lu_solve_many", || many(&f, &b))?, &[1], why, show_matrix)
        }));
    }
    {
        let (show, literal) = fixed_input(&cycle(), "[1.0, 2.0]");
        fixed.push(Fixed::new(show, literal, move || {
            let f = cycle();
            let want = LinalgError::DimensionMismatch { expected: 3, found: 2 };
            refused("lu_solve", &call("lu_solve", || solve(&f, &[1.0, 2.0]))?, &want, show_vec)?;
            refused(
                "lu_solve_transpose",
                &call("lu_solve_transpose", || transpose(&f, &[1.0, 2.0]))?,
                &want,
                show_vec,
            )?;
            let b = Matrix::zeros(2, 1);
            refused("lu_solve_many", &call("lu_solve_many", || many(&f, &b))?, &want, show_matrix)
        }));
    }
    {
        let (show, literal) = fixed_input(&cycle(), "Matrix::zeros(3, 0)");
        fixed.push(Fixed::new(show, literal, move || {
            let f = cycle();
            let got = call("lu_solve_many", || many(&f, &Matrix::zeros(3, 0)))?;
            if got.as_ref().map(Matrix::shape) == Ok((3, 0)) {
                return Ok(());
            }
            Err(Miss::new("a B with no columns gives an X with no columns, and still n rows")
                .output(pretty::result(&got, show_matrix))
                .expected("Ok(Matrix::zeros(3, 0))"))
        }));
    }
    c.fixed(
        "hand_made_factors",
        "a 3-cycle perm = [2, 0, 1]; a zero u_11 gives Err(Singular { column: 1 }) in all three; a b with the \
         wrong length DimensionMismatch { expected: n, found }; a B with no columns an n×0 X",
        fixed,
    );
    c.finish()
}

// ---------------------------------------------------------------- determinant_lu

/// The signature of `det`.
pub type DetFn = fn(&Matrix) -> Result<f64, LinalgError>;

/// det of an integer matrix, exactly, by fraction-free (Bareiss) elimination
/// in i128: every intermediate is a minor, below Hadamard's bound. `None` when
/// an entry is not an integer or a product would overflow.
fn exact_det(rows: &[Vec<f64>]) -> Option<f64> {
    let ints = crate::exact::integers(rows)?;
    let n = ints.len();
    let mut m: Vec<Vec<i128>> = ints.iter().map(|r| r.iter().map(|&x| i128::from(x)).collect()).collect();
    let mut sign = 1;
    let mut prev: i128 = 1;
    for k in 0..n {
        let Some(p) = (k..n).find(|&i| m[i][k] != 0) else { return Some(0.0) };
        if p != k {
            m.swap(p, k);
            sign = -sign;
        }
        for i in k + 1..n {
            for j in k + 1..n {
                let v = m[i][j].checked_mul(m[k][k])?.checked_sub(m[i][k].checked_mul(m[k][j])?)?;
                m[i][j] = v / prev;
            }
            m[i][k] = 0;
        }
        prev = m[k][k];
    }
    Some(sign as f64 * if n == 0 { 1.0 } else { m[n - 1][n - 1] as f64 })
}

/// The elementary symmetric functions e_0 … e_n of `s`.
fn elementary_symmetric(s: &[f64]) -> Vec<f64> {
    let mut e = vec![0.0; s.len() + 1];
    e[0] = 1.0;
    for (k, &x) in s.iter().enumerate() {
        for j in (1..=k + 1).rev() {
            e[j] += x * e[j - 1];
        }
    }
    e
}

/// The determinant of A and how far a correct LU determinant may be from it:
/// |det(A + E) − det(A)| ≤ Σₖ e_(n−k)(σ) ‖E‖₂ᵏ (Ipsen and Rehman, 2008), with
/// ‖E‖₂ bounded by `tol::det_backward(n)`·max|aᵢⱼ|, plus the rounding of the
/// product itself. For a singular A this is ≈ ‖E‖·σ₁⋯σₙ₋₁, not 0.
fn reference_det(case: &Case) -> (f64, f64) {
    let a = a_of(case);
    let n = a.nrows();
    let exact = exact_det(&case.rows).map(|d| tol::scale2(d, case.exp * n as i32));
    let want = exact.unwrap_or_else(|| na(&a).determinant());
    // nalgebra's determinant is itself an LU determinant: allow its error as well.
    let eps = tol::det_backward(n) * max_abs(a.as_slice()) * if exact.is_some() { 1.0 } else { 2.0 };
    // Without converged singular values, bound each of them by ‖A‖_F.
    let sigma = singular_values(&a).unwrap_or_else(|| vec![tol::norm2(a.as_slice()); n]);
    let mut e = elementary_symmetric(&sigma);
    e.reverse();
    // e[k] is now e_(n−k)(σ): the coefficient of ‖E‖ᵏ.
    let perturbation: f64 = (1..=n).map(|k| e[k] * eps.powi(k as i32)).sum();
    (want, perturbation + tol::gamma(n) * want.abs())
}

fn check_det(f: DetFn) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let a = a_of(case);
        let (want, bound) = reference_det(case);
        let got = call("det", || f(&a))?;
        let got = accepted("det", got, " (a singular matrix has determinant 0, not an error)")?;
        let err = (got - want).abs();
        if err <= bound && got.is_finite() {
            return Ok(());
        }
        let message = if (got + want).abs() <= bound && want != 0.0 {
            "the determinant has the wrong sign: det P is +1 for an even number of pairs out of order in perm, −1 \
             for an odd number"
                .to_string()
        } else if !got.is_finite() {
            format!("`det` returned {got} where the determinant is a finite number")
        } else {
            format!(
                "`det` is off by {} (sign of the permutation times the product of U's diagonal)",
                pretty::number(err)
            )
        };
        Err(Miss::new(message)
            .output(pretty::number(got))
            .expected(pretty::number(want))
            .bound(format!("|yours − det A| = {err:.2e}, allowed ≤ {bound:.2e}")))
    }
}

/// `det` matches the determinant (exact for integer matrices) within what an
/// LU factorization may perturb it, is exactly 0 for exactly singular inputs,
/// and refuses non-square matrices.
pub fn determinant_lu(f: DetFn) -> ExerciseReport {
    let mut c = Checker::new("determinant_lu");
    c.probe("det", || f(&Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let mut examples: Vec<Case> = textbook_matrices().iter().map(|a| square(&SQUARE, &rows_ref(a))).collect();
    examples.push(square(
        &SQUARE,
        &[&[0.0, 1.0, 0.0, 0.0], &[0.0, 0.0, 1.0, 0.0], &[0.0, 0.0, 0.0, 1.0], &[1.0, 0.0, 0.0, 0.0]],
    ));
    examples.push(augmented(&SQUARE, &[&[1.0, 2.0], &[3.0, 4.0]], &[], 40));
    c.examples(
        "textbook_examples",
        "rows (1, 2), (3, 4) give −2; 1×1, identity, a swap (−1), a 3-cycle (+1), a 4-cycle (−1), the tiny pivot, \
         Wilkinson's matrix (2^5), 2^40·A (2^80 times as much)",
        examples,
        check_det(f),
    );
    c.fixed(
        "singular_is_zero",
        "a singular matrix whose elimination meets an exact zero column has determinant exactly 0.0, not an error",
        singular_matrices()
            .into_iter()
            .map(|(a, _)| {
                let a = Matrix::from_rows(&a);
                Fixed::new(format!("A ({}×{}) =\n{a}", a.nrows(), a.ncols()), format!("let a = {a:?};"), move || {
                    let got = call("det", || f(&a))?;
                    if got == Ok(0.0) {
                        return Ok(());
                    }
                    Err(Miss::new(
                        "a singular matrix has determinant 0: your lu leaves u_kk = 0 where a column has no pivot",
                    )
                    .output(pretty::result(&got, |d| pretty::number(*d)))
                    .expected("Ok(0.0)"))
                })
            })
            .collect(),
    );
    c.property(
        "matches_the_determinant",
        "integers, ties, fractions, tiny pivots, scaled rows, 2^±40: det agrees with the exact determinant up to \
         what rounding in LU can change it",
        |rng| random_square(rng, REGULAR),
        check_det(f),
    );
    c.property(
        "sign_of_the_permutation",
        "P·T with T triangular: det = sign(P)·t_00·t_11⋯, and the sign is −1 for an odd number of pairs out of order",
        |rng| random_square(rng, &[Family::PermutedTriangular]),
        check_det(f),
    );
    c.property(
        "singular_matrices",
        "X·Y of rank below n: the determinant is 0, or rounding-sized",
        |rng| random_square(rng, &[Family::RankDeficient]),
        check_det(f),
    );
    c.fixed(
        "non_square_and_empty",
        "a non-square matrix gives Err(NotSquare { rows, cols }); the 0×0 matrix has determinant 1 (the empty product)",
        vec![
            Fixed::new(
                "A = [ 3×2 matrix ]\n[ 1 2 ]\n[ 3 4 ]\n[ 5 6 ]",
                "let a = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 6.0]]);",
                move || {
                    let a = matrix_of(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0]]);
                    let got = call("det", || f(&a))?;
                    refused("det", &got, &LinalgError::NotSquare { rows: 3, cols: 2 }, |d| pretty::number(*d))
                },
            ),
            Fixed::new("A = [ 0×0 empty matrix ]", "let a = Matrix::zeros(0, 0);", move || {
                let got = call("det", || f(&Matrix::zeros(0, 0)))?;
                if got == Ok(1.0) {
                    return Ok(());
                }
                Err(Miss::new("the determinant of the 0×0 matrix is 1, the empty product")
                    .output(pretty::result(&got, |d| pretty::number(*d)))
                    .expected("Ok(1.0)"))
            }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- inverse_lu

/// The signature of `inverse`.
pub type InverseFn = fn(&Matrix) -> Result<Matrix, LinalgError>;

fn check_inverse(f: InverseFn) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let a = a_of(case);
        let n = a.nrows();
        let got = call("inverse", || f(&a))?;
        let x = accepted("inverse", got, &invertible_note(&a))?;
        let want = na(&a).try_inverse().map(|d| ours(&d));
        let miss = |message: String| {
            let m = Miss::new(message).output(show_matrix(&x));
            match &want {
                Some(w) => m.expected(w.to_string()),
                None => m,
            }
        };
        if x.shape() != (n, n) {
            return Err(miss(format!("`inverse` returned a {}×{} matrix; A⁻¹ is {n}×{n}", x.nrows(), x.ncols())));
        }
        if !tol::all_finite(x.as_slice()) {
            return Err(miss("`inverse` returned NaN or infinity for an invertible A".into()));
        }
        // Column j must solve A x = e_j, to the backward error of a solve.
        let residual = |x: &Matrix, j: usize| -> f64 {
            let col = x.column(j);
            let r: Vec<f64> = (0..n)
                .map(|i| (if i == j { 1.0 } else { 0.0 }) - (0..n).map(|k| a[(i, k)] * col[k]).sum::<f64>())
                .collect();
            max_abs(&r) / (norm_inf_matrix(&a) * max_abs(&col) + 1.0)
        };
        for j in 0..n {
            let backward = residual(&x, j);
            if let Err(e) = tol::within(backward, tol::solve_backward(n), "") {
                let xt = Matrix::from_fn(n, n, |i, k| x[(k, i)]);
                let transposed = (0..n).all(|k| residual(&xt, k) <= tol::solve_backward(n));
                let hint = if transposed {
                    " Your matrix is the transpose of A⁻¹: column j of A⁻¹ solves Ax = e_j, so it must go into column \
                     j, not row j."
                } else {
                    ""
                };
                return Err(miss(format!("A·X ≠ I: column {j} of X does not solve Ax = e_{j}.{hint}"))
                    .bound(format!("backward error ‖e_j − A x_j‖∞ / (‖A‖∞‖x_j‖∞ + 1) {}", e.bound)));
            }
        }
        Ok(())
    }
}

/// `inverse` gives X with AX = I to the backward error of n solves, and
/// reports singular and non-square inputs.
pub fn inverse_lu(f: InverseFn) -> ExerciseReport {
    let mut c = Checker::new("inverse_lu");
    c.probe("inverse", || f(&Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let mut examples: Vec<Case> = textbook_matrices().iter().map(|a| square(&INVERTIBLE, &rows_ref(a))).collect();
    examples.push(augmented(&INVERTIBLE, &[&[1.0, 2.0], &[3.0, 4.0]], &[], -40));
    c.examples(
        "textbook_examples",
        "rows (1, 2), (3, 4) give rows (−2, 1), (1.5, −0.5); 1×1, identity, swaps, a 3-cycle, exact ties, the tiny \
         pivot, Wilkinson's matrix, 2^−40·A",
        examples,
        check_inverse(f),
    );
    c.property(
        "a_times_inverse_is_identity",
        "for invertible A (integers, ties, fractions, tiny pivots, permuted triangular, scaled rows, 2^±40), each \
         column of X solves Ax = e_j to rounding size",
        |rng| random_invertible(rng, REGULAR, &INVERTIBLE, 0),
        check_inverse(f),
    );
    let mut fixed: Vec<Fixed> = singular_matrices()
        .into_iter()
        .map(|(a, _)| {
            let a = Matrix::from_rows(&a);
            Fixed::new(format!("A ({}×{}) =\n{a}", a.nrows(), a.ncols()), format!("let a = {a:?};"), move || {
                let got = call("inverse", || f(&a))?;
                let columns: Vec<usize> = (0..a.nrows()).collect();
                refused_singular("inverse", &got, &columns, "A has no inverse", show_matrix)
            })
        })
        .collect();
    fixed.push(Fixed::new(
        "A = [ 1×2 matrix ]\n[ 1 2 ]",
        "let a = Matrix::from_rows(&[vec![1.0, 2.0]]);",
        move || {
            let got = call("inverse", || f(&matrix_of(&[&[1.0, 2.0]])))?;
            refused("inverse", &got, &LinalgError::NotSquare { rows: 1, cols: 2 }, show_matrix)
        },
    ));
    fixed.push(Fixed::new("A = [ 0×0 empty matrix ]", "let a = Matrix::zeros(0, 0);", move || {
        let got = call("inverse", || f(&Matrix::zeros(0, 0)))?;
        if got.as_ref().map(Matrix::shape) == Ok((0, 0)) {
            return Ok(());
        }
        Err(Miss::new("the 0×0 matrix is its own inverse")
            .output(pretty::result(&got, show_matrix))
            .expected("Ok(Matrix::zeros(0, 0))"))
    }));
    c.fixed(
        "refuses_singular_and_non_square",
        "a singular matrix gives Err(Singular { column: k }); a non-square one NotSquare; the 0×0 matrix is its own \
         inverse",
        fixed,
    );
    c.finish()
}

// ---------------------------------------------------------------- condition_number

/// The functions of exercise `condition_number`.
pub struct Condition {
    pub norm_1: fn(&Matrix) -> f64,
    pub cond_1_estimate: fn(&Matrix) -> Result<f64, LinalgError>,
}

fn any_of(c: &Case) -> Matrix {
    let rows = c.inputs();
    let width = rows.first().map_or(0, Vec::len);
    Matrix::from_fn(rows.len(), width, |i, j| rows[i][j])
}

fn show_any(c: &Case) -> String {
    let a = any_of(c);
    format!("A ({}×{}) =\n{a}{}", a.nrows(), a.ncols(), c.scale_note())
}

fn literal_any(c: &Case) -> String {
    format!("let a = {:?};", any_of(c))
}

/// Any m×n matrix for `norm_1`: stored as is.
static ANY: Spec = spec(show_any, literal_any, crate::cases::always_valid);

fn random_any(rng: &mut TestRng) -> Case {
    let (m, n) = (size(rng), size(rng));
    let rows =
        (0..m).map(|_| draw::ints(rng, n).into_iter().map(|x| x / draw::pick(rng, &[1.0, 3.0])).collect()).collect();
    Case::new(&ANY, rows, vec![], exponent(rng))
}

fn check_norm_1(f: fn(&Matrix) -> f64) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let a = any_of(case);
        let want = norm_1_matrix(&na(&a));
        let got = call("norm_1", || f(&a))?;
        let bound = tol::gamma(a.nrows()) * want;
        let err = (got - want).abs();
        if err <= bound && got.is_finite() {
            return Ok(());
        }
        let row_sums = norm_inf_matrix(&a);
        let hint = if (got - row_sums).abs() <= bound {
            " (that is the largest row sum, the ∞-norm: ‖A‖₁ sums each column)"
        } else {
            ""
        };
        Err(Miss::new(format!("‖A‖₁ is the largest absolute column sum{hint}"))
            .output(pretty::number(got))
            .expected(pretty::number(want))
            .bound(format!("|yours − ‖A‖₁| = {err:.2e}, allowed ≤ {bound:.2e}")))
    }
}

/// The estimate is a lower bound of κ₁ (up to rounding) and no more than
/// `tol::COND_ESTIMATE_FACTOR` below it.
fn check_cond(
    f: fn(&Matrix) -> Result<f64, LinalgError>,
    upper: bool,
    lower: bool,
) -> impl Fn(&Case) -> Result<(), Miss> {
    move |case: &Case| {
        let a = a_of(case);
        let n = a.nrows();
        let Some(kappa) = kappa_1(&a) else { return Ok(()) };
        let got = call("cond_1_estimate", || f(&a))?;
        let est = accepted("cond_1_estimate", got, &format!(" (A is invertible, κ₁ = {})", pretty::number(kappa)))?;
        let miss = |message: String| {
            Miss::new(message)
                .output(pretty::number(est))
                .expected(format!("κ₁(A) = ‖A‖₁‖A⁻¹‖₁ = {}", pretty::number(kappa)))
        };
        if !est.is_finite() {
            return Err(miss("the estimate is not a finite number, but A is invertible".into()));
        }
        if upper {
            let bound = kappa * (1.0 + tol::cond_estimate_slack(n, kappa));
            tol::within(est, bound, "").map_err(|e| {
                miss(
                    "the estimate is larger than κ₁(A): every candidate ‖A⁻¹x‖₁/‖x‖₁ is at most ‖A⁻¹‖₁, and ‖A‖₁ is \
                     the largest column sum (not the row sum: that would be the ∞-norm)"
                        .into(),
                )
                .bound(format!("estimate {}", e.bound))
            })?;
        }
        if lower {
            let bound = kappa / tol::COND_ESTIMATE_FACTOR;
            if est < bound || est.is_nan() {
                return Err(miss(format!(
                    "the estimate is more than {} times smaller than κ₁(A): is ‖A‖₁ multiplied in, and does the \
                     search move to the columns e_j that z = A⁻ᵀ·sign(y) points at?",
                    tol::COND_ESTIMATE_FACTOR
                ))
                .bound(format!("measured {est:.3e}, allowed ≥ κ₁ / {} = {bound:.3e}", tol::COND_ESTIMATE_FACTOR)));
            }
        }
        Ok(())
    }
}

/// `norm_1` is the largest column sum; `cond_1_estimate` stays between κ₁/c
/// and κ₁ on invertible matrices, at every scale, and refuses singular ones.
pub fn condition_number(f: &Condition) -> ExerciseReport {
    let mut c = Checker::new("condition_number");
    let one = matrix_of(&[&[2.0]]);
    c.probe("norm_1", || (f.norm_1)(&one));
    c.probe("cond_1_estimate", || (f.cond_1_estimate)(&one));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (norm_1, cond) = (f.norm_1, f.cond_1_estimate);
    let any = |rows: &[&[f64]]| Case::new(&ANY, rows.iter().map(|r| r.to_vec()).collect(), vec![], 0);
    c.examples(
        "norm_1_examples",
        "rows (1, −2), (3, 4) give 6 (column sums 4 and 6); 1×1, zeros, one row, one column",
        vec![
            any(&[&[1.0, -2.0], &[3.0, 4.0]]),
            any(&[&[-7.0]]),
            any(&[&[0.0, 0.0], &[0.0, 0.0]]),
            any(&[&[1.0, -2.0, 3.0]]),
            any(&[&[1.0], &[-2.0], &[3.0]]),
            any(&[&[1.0, 1.0, 1.0], &[0.0, 5.0, 0.0]]),
        ],
        check_norm_1(norm_1),
    );
    c.property(
        "norm_1_is_largest_column_sum",
        "for m×n matrices, ‖A‖₁ = max over columns j of Σᵢ |a_ij|",
        random_any,
        check_norm_1(norm_1),
    );
    let mut examples: Vec<Case> = textbook_matrices().iter().map(|a| square(&INVERTIBLE, &rows_ref(a))).collect();
    examples.push(square(&INVERTIBLE, &[&[1.0, 0.0], &[0.0, 1e-3]]));
    examples.push(augmented(&INVERTIBLE, &[&[1.0, 2.0], &[3.0, 4.0]], &[], 40));
    examples.push(augmented(&INVERTIBLE, &[&[1.0, 2.0], &[3.0, 4.0]], &[], -40));
    c.examples(
        "cond_examples",
        "κ₁ of rows (1, 2), (3, 4) is 6·3.5 = 21; diag(1, 10⁻³) gives 1000; identity and permutations 1; the tiny \
         pivot; 2^±40·A has the κ₁ of A",
        examples,
        check_cond(cond, true, true),
    );
    c.property(
        "estimate_at_most_kappa",
        "every candidate is ‖A‖₁‖A⁻¹x‖₁/‖x‖₁ ≤ κ₁(A): the estimate never exceeds κ₁ (up to rounding)",
        |rng| random_invertible(rng, REGULAR, &INVERTIBLE, 0),
        check_cond(cond, true, false),
    );
    c.property(
        "estimate_close_to_kappa",
        &format!(
            "the estimate is at least κ₁(A)/{} (it is usually exact), at every scale 2^±40",
            tol::COND_ESTIMATE_FACTOR
        ),
        |rng| random_invertible(rng, REGULAR, &INVERTIBLE, 0),
        check_cond(cond, false, true),
    );
    let mut fixed: Vec<Fixed> = singular_matrices()
        .into_iter()
        .map(|(a, _)| {
            let a = Matrix::from_rows(&a);
            Fixed::new(format!("A ({}×{}) =\n{a}", a.nrows(), a.ncols()), format!("let a = {a:?};"), move || {
                let got = call("cond_1_estimate", || cond(&a))?;
                let columns: Vec<usize> = (0..a.nrows()).collect();
                refused_singular("cond_1_estimate", &got, &columns, "κ₁ is infinite", |x| pretty::number(*x))
            })
        })
        .collect();
    fixed.push(Fixed::new(
        "A = [ 2×3 matrix ]\n[ 1 2 3 ]\n[ 4 5 6 ]",
        "let a = Matrix::from_rows(&[vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]]);",
        move || {
            let got = call("cond_1_estimate", || cond(&matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]])))?;
            refused("cond_1_estimate", &got, &LinalgError::NotSquare { rows: 2, cols: 3 }, |x| pretty::number(*x))
        },
    ));
    c.fixed(
        "refuses_singular_and_non_square",
        "a singular matrix (an exact zero u_kk) gives Err(Singular { column: k }); a non-square one NotSquare",
        fixed,
    );
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_lu_factors_pa() {
        let a = matrix_of(&[&[0.0, 0.0, 1.0], &[1.0, 0.0, 0.0], &[0.0, 2.0, 0.0]]);
        let f = reference_lu(&a);
        assert_eq!(f.perm, vec![1, 2, 0]);
        assert_eq!(f.reconstruct(), permuted(&a, &f.perm));
    }

    #[test]
    fn exact_determinants() {
        assert_eq!(exact_det(&[vec![1.0, 2.0], vec![3.0, 4.0]]), Some(-2.0));
        assert_eq!(exact_det(&[vec![0.0, 1.0], vec![1.0, 0.0]]), Some(-1.0));
        assert_eq!(exact_det(&[vec![1.0, 2.0], vec![2.0, 4.0]]), Some(0.0));
        assert_eq!(exact_det(&wilkinson(6)), Some(32.0));
        assert_eq!(exact_det(&[vec![0.5]]), None);
        assert_eq!(elementary_symmetric(&[1.0, 2.0, 3.0]), vec![1.0, 6.0, 11.0, 6.0]);
    }

    #[test]
    fn square_inputs_shrink_by_deleting_an_unknown_with_its_equation() {
        let case =
            augmented(&SYSTEM, &[&[2.0, 1.0, 0.0], &[1.0, 3.0, 1.0], &[0.0, 1.0, 4.0]], &[&[1.0], &[2.0], &[3.0]], 0);
        let smaller: Vec<Vec<Vec<f64>>> =
            crate::shrink::candidates(&case).into_iter().filter(|c| c.rows.len() == 2).map(|c| c.rows).collect();
        assert!(smaller.contains(&vec![vec![2.0, 0.0, 1.0], vec![0.0, 4.0, 3.0]]), "{smaller:?}");
        assert!(smaller.iter().all(|rows| rows.iter().all(|r| r.len() == 3)));
    }

    /// How close the reference solutions come to each tolerance: the largest
    /// error/bound ratio over the generators. Run with
    /// `cargo test -p eigenlings-checks --lib l05 -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, about a minute in a debug build"]
    fn measure_tolerance_ratios() {
        use solutions::l05 as sol;
        let mut rng = TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &[7; 32]);
        let mut worst = [0.0_f64; 6];
        let ratio = |err: f64, bound: f64| {
            if bound > 0.0 {
                err / bound
            } else if err > 0.0 {
                f64::INFINITY
            } else {
                0.0
            }
        };
        for _ in 0..20_000 {
            for (k, lower) in [(0, true), (1, false)] {
                let (t, b) = system_of(&random_triangular(&mut rng, lower));
                let g = if lower { sol::triangular::forward_substitution } else { sol::triangular::back_substitution };
                let x = g(&t, &b).unwrap();
                let n = b.len();
                for i in 0..n {
                    let (mut r, mut size) = (b[i], b[i].abs());
                    for j in (0..n).filter(|&j| in_triangle(lower, i, j)) {
                        r -= t[(i, j)] * x[j];
                        size += (t[(i, j)] * x[j]).abs();
                    }
                    worst[k] = worst[k].max(ratio(r.abs(), tol::triangular_residual(n) * size));
                }
            }
            let families = [REGULAR, &[Family::RankDeficient]].concat();
            let a = a_of(&random_square(&mut rng, &families));
            let f = sol::lu::lu(&a).unwrap();
            let (lu, size) = product_and_size(&f.l, &f.u);
            let pa = permuted(&a, &f.perm);
            for k in 0..a.nrows() * a.nrows() {
                let err = (pa.as_slice()[k] - lu.as_slice()[k]).abs();
                worst[2] = worst[2].max(ratio(err, tol::lu_backward(a.nrows()) * size.as_slice()[k]));
            }
            let case = random_invertible(&mut rng, REGULAR, &FACTORED, 1);
            let (a, b) = system_of(&case);
            let n = b.len();
            let f = reference_lu(&a);
            let x = sol::lu_solve::lu_solve(&f, &b).unwrap();
            let (lu, size) = product_and_size(&f.l, &f.u);
            for i in 0..n {
                let pb = b[f.perm[i]];
                let r = pb - (0..n).map(|k| lu[(i, k)] * x[k]).sum::<f64>();
                let s = (0..n).map(|k| size[(i, k)] * x[k].abs()).sum::<f64>() + pb.abs();
                worst[3] = worst[3].max(ratio(r.abs(), tol::lu_solve_residual(n) * s));
            }
            let x = sol::gaussian_elimination::solve(&a, &b).unwrap();
            let r: Vec<f64> = (0..n).map(|i| b[i] - (0..n).map(|j| a[(i, j)] * x[j]).sum::<f64>()).collect();
            let backward = max_abs(&r) / (norm_inf_matrix(&a) * max_abs(&x) + max_abs(&b));
            worst[4] = worst[4].max(backward / tol::solve_backward(n));
            let case = random_square(&mut rng, REGULAR);
            let (want, bound) = reference_det(&case);
            let got = sol::determinant::det(&a_of(&case)).unwrap();
            worst[5] = worst[5].max(ratio((got - want).abs(), bound));
        }
        println!(
            "largest error/bound: forward {:.3}, back {:.3}, PA = LU {:.3}, lu_solve {:.3}, solve {:.2e}, det {:.2e}",
            worst[0], worst[1], worst[2], worst[3], worst[4], worst[5]
        );
    }

    /// The measurement behind `tol::COND_ESTIMATE_FACTOR`: κ₁ / estimate of
    /// the reference over the checker's own generators. Run with
    /// `cargo test -p eigenlings-checks --lib l05 -- --ignored --nocapture`.
    #[test]
    #[ignore = "a measurement, about a minute in a debug build"]
    fn measure_cond_estimate_factor() {
        use proptest::test_runner::{Config, RngAlgorithm, TestRunner};
        let mut worst = 1.0_f64;
        let mut total = 0usize;
        let mut exact = 0usize;
        for seed in 0..40u64 {
            let mut seed_bytes = [0u8; 32];
            seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
            let config = Config { rng_algorithm: RngAlgorithm::ChaCha, ..Config::default() };
            let mut runner = TestRunner::new_with_rng(config, TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes));
            for _ in 0..2500 {
                let case = random_invertible(runner.rng(), REGULAR, &INVERTIBLE, 0);
                let a = a_of(&case);
                let (Some(kappa), Ok(est)) = (kappa_1(&a), solutions::l05::condition::cond_1_estimate(&a)) else {
                    continue;
                };
                total += 1;
                let ratio = kappa / est;
                if ratio <= 1.0 + 1e-6 {
                    exact += 1;
                }
                if ratio > worst {
                    worst = ratio;
                    println!("ratio {ratio:.3} on\n{}", show_a(&case));
                }
            }
        }
        println!("{total} matrices: estimate exact in {exact}, worst κ₁/estimate {worst:.3}");
    }
}
