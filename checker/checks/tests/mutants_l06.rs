//! Mutation suite for lesson 6 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small shrunk counterexample, and different but correct
//! implementations (variants: another loop order, another algorithm, another
//! way to write the same formula) must pass.
//!
//! Each exercise is one table: `(name, report, expectation)`. Run with
//! `--nocapture` to see every row with its counterexample.

use checks::l06::{self, LinearRegression, NormalEquations, Residuals};
use report::ExerciseReport;
use vocab::{LinalgError, Matrix};

use sol::cholesky::cholesky;
use sol::least_squares::lstsq_normal;
use sol::normal_equations::{at_b, gram};
use solutions::l02::cosine_similarity::cosine_similarity;
use solutions::l02::dot_product::dot;
use solutions::l02::vector_norms::norm_l2;
use solutions::l03::transpose::transpose;
use solutions::l05::inverse::inverse;
use solutions::l05::triangular::{back_substitution, forward_substitution};
use solutions::l06 as sol;

mod judge;
use judge::{Kill, Pass, judge};

fn mismatch(expected: usize, found: usize) -> LinalgError {
    LinalgError::DimensionMismatch { expected, found }
}

fn npd(column: usize) -> LinalgError {
    LinalgError::NotPositiveDefinite { column }
}

fn columns(a: &Matrix) -> Vec<Vec<f64>> {
    (0..a.ncols()).map(|j| a.column(j)).collect()
}

/// Solve LLᵀx = c, the reference way.
fn cholesky_solve(l: &Matrix, c: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let z = forward_substitution(l, c)?;
    back_substitution(&transpose(l), &z)
}

/// Gaussian elimination with partial pivoting on [M | c]: a solver for any
/// nonsingular square system (lesson 5's method, written out here).
fn gauss_solve(m: &Matrix, c: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let n = m.nrows();
    let mut w = Matrix::from_fn(n, n + 1, |i, j| if j < n { m[(i, j)] } else { c[i] });
    for k in 0..n {
        let p = (k..n).fold(k, |p, i| if w[(i, k)].abs() > w[(p, k)].abs() { i } else { p });
        if w[(p, k)] == 0.0 {
            return Err(LinalgError::Singular { column: k });
        }
        w.swap_rows(k, p);
        for i in k + 1..n {
            let f = w[(i, k)] / w[(k, k)];
            for j in k..=n {
                let v = w[(k, j)];
                w[(i, j)] -= f * v;
            }
        }
    }
    let u = Matrix::from_fn(n, n, |i, j| w[(i, j)]);
    let z: Vec<f64> = (0..n).map(|i| w[(i, n)]).collect();
    back_substitution(&u, &z)
}

/// Householder QR least squares (lesson 8's method): R x = Qᵀb without forming AᵀA.
fn householder_lstsq(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let (m, n) = a.shape();
    if b.len() != m {
        return Err(mismatch(m, b.len()));
    }
    let mut r = a.clone();
    let mut y = b.to_vec();
    for k in 0..n {
        let x: Vec<f64> = (k..m).map(|i| r[(i, k)]).collect();
        let norm = norm_l2(&x);
        if norm == 0.0 {
            return Err(LinalgError::Singular { column: k });
        }
        let alpha = if x[0] >= 0.0 { -norm } else { norm };
        let mut v = x;
        v[0] -= alpha;
        let vv = dot(&v, &v);
        if vv == 0.0 {
            continue;
        }
        for j in k..n {
            let s: f64 = (k..m).map(|i| v[i - k] * r[(i, j)]).sum::<f64>() * 2.0 / vv;
            for i in k..m {
                r[(i, j)] -= s * v[i - k];
            }
        }
        let s: f64 = (k..m).map(|i| v[i - k] * y[i]).sum::<f64>() * 2.0 / vv;
        for i in k..m {
            y[i] -= s * v[i - k];
        }
    }
    let top = Matrix::from_fn(n, n, |i, j| if j >= i { r[(i, j)] } else { 0.0 });
    back_substitution(&top, &y[..n])
}

// ---------------------------------------------------------------- normal_equations

type Gram = fn(&Matrix) -> Matrix;
type AtB = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// Bug: AAᵀ, the rows dotted instead of the columns.
fn gram_aat(a: &Matrix) -> Matrix {
    Matrix::from_fn(a.nrows(), a.nrows(), |i, j| dot(a.row(i), a.row(j)))
}

/// Bug: only the upper triangle is filled in; the lower one stays 0.
fn gram_upper_only(a: &Matrix) -> Matrix {
    let c = columns(a);
    Matrix::from_fn(a.ncols(), a.ncols(), |i, j| if i <= j { dot(&c[i], &c[j]) } else { 0.0 })
}

/// Bug: the mirrored loop starts at j = i + 1, so the diagonal stays 0.
fn gram_no_diagonal(a: &Matrix) -> Matrix {
    let c = columns(a);
    Matrix::from_fn(a.ncols(), a.ncols(), |i, j| if i != j { dot(&c[i], &c[j]) } else { 0.0 })
}

/// Bug: the diagonal holds the column sums of |a|, not the squared lengths.
fn gram_diagonal_l1(a: &Matrix) -> Matrix {
    let c = columns(a);
    Matrix::from_fn(
        a.ncols(),
        a.ncols(),
        |i, j| {
            if i == j { c[i].iter().map(|x| x.abs()).sum() } else { dot(&c[i], &c[j]) }
        },
    )
}

/// Variant: every entry computed, no mirroring (the products commute, so it
/// is symmetric to the bit anyway).
fn gram_full(a: &Matrix) -> Matrix {
    let c = columns(a);
    Matrix::from_fn(a.ncols(), a.ncols(), |i, j| dot(&c[i], &c[j]))
}

/// Variant: a sum of outer products of the rows, Σ_k r_kᵀ r_k, upper triangle mirrored.
fn gram_outer_products(a: &Matrix) -> Matrix {
    let n = a.ncols();
    let mut g = Matrix::zeros(n, n);
    for row in a.rows() {
        for i in 0..n {
            for j in i..n {
                g[(i, j)] += row[i] * row[j];
            }
        }
    }
    for i in 0..n {
        for j in 0..i {
            g[(i, j)] = g[(j, i)];
        }
    }
    g
}

/// Bug: no length check; `dot` zips and stops at the shorter vector.
fn at_b_unchecked(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    Ok(columns(a).iter().map(|c| dot(c, b)).collect())
}

/// Bug: the rows dotted with b (Ab, cut to fit by `zip`).
fn at_b_rows(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if b.len() != a.nrows() {
        return Err(mismatch(a.nrows(), b.len()));
    }
    Ok((0..a.ncols()).map(|j| if j < a.nrows() { dot(a.row(j), b) } else { 0.0 }).collect())
}

/// Variant: Aᵀb as the combination Σᵢ bᵢ·(row i).
fn at_b_by_rows(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if b.len() != a.nrows() {
        return Err(mismatch(a.nrows(), b.len()));
    }
    let mut c = vec![0.0; a.ncols()];
    for (row, bi) in a.rows().zip(b) {
        for (cj, aij) in c.iter_mut().zip(row) {
            *cj += bi * aij;
        }
    }
    Ok(c)
}

fn check_ne(gram: Gram, at_b: AtB) -> ExerciseReport {
    l06::normal_equations(&NormalEquations { gram, at_b })
}

#[test]
fn normal_equations() {
    let (g, ab): (Gram, AtB) = (gram, at_b);
    judge(
        "normal_equations",
        vec![
            ("reference", check_ne(g, ab), Pass),
            ("gram: every entry, no mirroring", check_ne(gram_full, ab), Pass),
            ("gram: outer products of the rows", check_ne(gram_outer_products, ab), Pass),
            ("at_b: combination of the rows", check_ne(g, at_b_by_rows), Pass),
            ("gram = AAᵀ", check_ne(gram_aat, ab), Kill("gram_entries_are_column_dots", 2)),
            ("gram: upper triangle only", check_ne(gram_upper_only, ab), Kill("gram_is_exactly_symmetric", 2)),
            ("gram: diagonal left at 0", check_ne(gram_no_diagonal, ab), Kill("gram_entries_are_column_dots", 1)),
            ("gram: diagonal Σ|a|", check_ne(gram_diagonal_l1, ab), Kill("gram_entries_are_column_dots", 1)),
            ("at_b: no length check", check_ne(g, at_b_unchecked), Kill("at_b_refuses_wrong_length", 8)),
            ("at_b: rows of A", check_ne(g, at_b_rows), Kill("at_b_entries_are_column_dots", 3)),
        ],
    );
}

// ---------------------------------------------------------------- cholesky

fn square(a: &Matrix) -> Result<usize, LinalgError> {
    if a.is_square() { Ok(a.nrows()) } else { Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() }) }
}

/// How a configurable column-by-column Cholesky goes wrong.
#[derive(Clone, Copy, PartialEq)]
enum Bug {
    None,
    /// ℓ_jj = d (no square root), ℓ_ij = s / d.
    NoSqrt,
    /// Only `d == 0.0` is refused; the square root of a negative pivot is NaN.
    OnlyExactZero,
    /// No refusal: ℓ_jj = √|d|.
    AbsPivot,
    /// Refuses d < 1e-10, a fixed tolerance.
    AbsoluteTolerance,
    /// Reads a_ji (the upper triangle) for the entries below the diagonal.
    ReadsUpper,
    /// Reports the column after the one whose pivot failed.
    ColumnPlusOne,
    /// The off-diagonal entries forget to subtract Σ ℓ_ik ℓ_jk.
    NoUpdate,
}

fn cholesky_with(a: &Matrix, bug: Bug) -> Result<Matrix, LinalgError> {
    let n = square(a)?;
    let mut l = Matrix::zeros(n, n);
    for j in 0..n {
        let d = a[(j, j)] - dot(&l.row(j)[..j], &l.row(j)[..j]);
        let refuse = match bug {
            Bug::OnlyExactZero => d == 0.0,
            Bug::AbsPivot => false,
            Bug::AbsoluteTolerance => d.is_nan() || d < 1e-10,
            _ => d <= 0.0 || !d.is_finite(),
        };
        if refuse {
            let column = if bug == Bug::ColumnPlusOne { j + 1 } else { j };
            return Err(npd(column));
        }
        let ljj = match bug {
            Bug::NoSqrt => d,
            Bug::AbsPivot => d.abs().sqrt(),
            _ => d.sqrt(),
        };
        l[(j, j)] = ljj;
        for i in j + 1..n {
            let aij = if bug == Bug::ReadsUpper { a[(j, i)] } else { a[(i, j)] };
            let s = if bug == Bug::NoUpdate { aij } else { aij - dot(&l.row(i)[..j], &l.row(j)[..j]) };
            l[(i, j)] = s / ljj;
        }
    }
    Ok(l)
}

fn chol_no_sqrt(a: &Matrix) -> Result<Matrix, LinalgError> {
    cholesky_with(a, Bug::NoSqrt)
}
fn chol_only_exact_zero(a: &Matrix) -> Result<Matrix, LinalgError> {
    cholesky_with(a, Bug::OnlyExactZero)
}
fn chol_abs_pivot(a: &Matrix) -> Result<Matrix, LinalgError> {
    cholesky_with(a, Bug::AbsPivot)
}
fn chol_absolute_tolerance(a: &Matrix) -> Result<Matrix, LinalgError> {
    cholesky_with(a, Bug::AbsoluteTolerance)
}
fn chol_reads_upper(a: &Matrix) -> Result<Matrix, LinalgError> {
    cholesky_with(a, Bug::ReadsUpper)
}
fn chol_column_plus_one(a: &Matrix) -> Result<Matrix, LinalgError> {
    cholesky_with(a, Bug::ColumnPlusOne)
}
fn chol_no_update(a: &Matrix) -> Result<Matrix, LinalgError> {
    cholesky_with(a, Bug::NoUpdate)
}

/// Bug: returns the upper factor Lᵀ (the convention A = RᵀR of some libraries).
fn chol_upper(a: &Matrix) -> Result<Matrix, LinalgError> {
    Ok(transpose(&cholesky_with(a, Bug::None)?))
}

/// Variant: row by row (Cholesky–Banachiewicz): row i, left to right.
fn chol_by_rows(a: &Matrix) -> Result<Matrix, LinalgError> {
    let n = square(a)?;
    let mut l = Matrix::zeros(n, n);
    for i in 0..n {
        for j in 0..i {
            let s = a[(i, j)] - dot(&l.row(i)[..j], &l.row(j)[..j]);
            l[(i, j)] = s / l[(j, j)];
        }
        let d = a[(i, i)] - dot(&l.row(i)[..i], &l.row(i)[..i]);
        if d <= 0.0 || !d.is_finite() {
            return Err(npd(i));
        }
        l[(i, i)] = d.sqrt();
    }
    Ok(l)
}

/// Variant: right-looking (outer products): take column k, then update the
/// rest of the lower triangle of a working copy.
fn chol_outer_product(a: &Matrix) -> Result<Matrix, LinalgError> {
    let n = square(a)?;
    let mut w = Matrix::from_fn(n, n, |i, j| if i >= j { a[(i, j)] } else { 0.0 });
    for k in 0..n {
        let d = w[(k, k)];
        if d <= 0.0 || !d.is_finite() {
            return Err(npd(k));
        }
        let lkk = d.sqrt();
        w[(k, k)] = lkk;
        for i in k + 1..n {
            w[(i, k)] /= lkk;
        }
        for j in k + 1..n {
            for i in j..n {
                let v = w[(i, k)] * w[(j, k)];
                w[(i, j)] -= v;
            }
        }
    }
    Ok(w)
}

#[test]
fn cholesky_factor() {
    let check = l06::cholesky;
    judge(
        "cholesky",
        vec![
            ("reference", check(cholesky), Pass),
            ("by rows (Banachiewicz)", check(chol_by_rows), Pass),
            ("right-looking, outer products", check(chol_outer_product), Pass),
            ("returns Lᵀ", check(chol_upper), Kill("factors_positive_definite_matrices", 4)),
            ("no square root", check(chol_no_sqrt), Kill("factors_positive_definite_matrices", 1)),
            ("off-diagonal not updated", check(chol_no_update), Kill("factors_positive_definite_matrices", 9)),
            ("only d == 0.0 refused", check(chol_only_exact_zero), Kill("refuses_indefinite_matrices", 4)),
            ("√|d|, nothing refused", check(chol_abs_pivot), Kill("refuses_indefinite_matrices", 4)),
            ("fixed tolerance 1e-10", check(chol_absolute_tolerance), Kill("any_scale", 1)),
            ("reads the upper triangle", check(chol_reads_upper), Kill("reads_only_the_lower_triangle", 4)),
            ("column + 1 reported", check(chol_column_plus_one), Kill("refuses_indefinite_matrices", 4)),
        ],
    );
}

// ---------------------------------------------------------------- least_squares

/// Bug: AAᵀ for the Gram matrix (the sizes then fail to fit, or the answer is wrong).
fn ls_aat(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let l = cholesky(&gram_aat(a))?;
    cholesky_solve(&l, &c)
}

/// Bug: L twice: back substitution with L itself, which reads only its diagonal.
fn ls_l_twice(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let l = cholesky(&gram(a))?;
    let z = forward_substitution(&l, &c)?;
    back_substitution(&l, &z)
}

/// Bug: forward substitution with L twice (LLx = c instead of LLᵀx = c).
fn ls_forward_twice(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let l = cholesky(&gram(a))?;
    let z = forward_substitution(&l, &c)?;
    forward_substitution(&l, &z)
}

/// Bug: the two solves in the wrong order: Lᵀz = c, then Lx = z (solves LᵀL x = c).
fn ls_wrong_order(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let l = cholesky(&gram(a))?;
    let z = back_substitution(&transpose(&l), &c)?;
    forward_substitution(&l, &z)
}

/// Bug: drops the extra equations and solves the first n rows exactly.
fn ls_square_part(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let n = c.len();
    let top = Matrix::from_fn(n, n, |i, j| a[(i, j)]);
    gauss_solve(&top, &b[..n])
}

/// Bug (numerically): x = (AᵀA)⁻¹ Aᵀb with an explicit inverse.
fn ls_explicit_inverse(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let inv = inverse(&gram(a))?;
    Ok(inv.rows().map(|row| dot(row, &c)).collect())
}

/// Variant: the normal equations by Gaussian elimination instead of Cholesky.
fn ls_gauss(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    cholesky(&gram(a))?; // the documented refusal of dependent columns
    gauss_solve(&gram(a), &c)
}

/// Variant: Householder QR, which never forms AᵀA (more accurate, and fairly judged).
fn ls_householder(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    at_b(a, b)?;
    cholesky(&gram(a))?; // the documented refusal of dependent columns
    householder_lstsq(a, b)
}

#[test]
fn least_squares() {
    let check = l06::least_squares;
    let ortho = "residual_orthogonal_to_columns";
    judge(
        "least_squares",
        vec![
            ("reference", check(lstsq_normal), Pass),
            ("Gaussian elimination on AᵀA", check(ls_gauss), Pass),
            ("Householder QR", check(ls_householder), Pass),
            ("AAᵀ", check(ls_aat), Kill("textbook_examples", 9)),
            ("L twice, no transpose", check(ls_l_twice), Kill(ortho, 6)),
            ("forward substitution twice", check(ls_forward_twice), Kill(ortho, 6)),
            ("solves in the wrong order", check(ls_wrong_order), Kill(ortho, 6)),
            ("first n equations only", check(ls_square_part), Kill(ortho, 4)),
            ("explicit inverse of AᵀA", check(ls_explicit_inverse), Kill("ill_conditioned_problems", 12)),
        ],
    );
}

// ---------------------------------------------------------------- linear_regression

type Fit = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;
type Predict = fn(&[f64], &Matrix) -> Result<Vec<f64>, LinalgError>;

fn with_ones(x: &Matrix, first: bool) -> Matrix {
    let p = x.ncols();
    Matrix::from_fn(x.nrows(), p + 1, |i, j| {
        let ones_at = if first { 0 } else { p };
        if j == ones_at { 1.0 } else { x[(i, if first { j - 1 } else { j })] }
    })
}

fn column_means(x: &Matrix) -> Vec<f64> {
    (0..x.ncols()).map(|j| x.column(j).iter().sum::<f64>() / x.nrows() as f64).collect()
}

/// Bug: no column of ones; the slopes of a line through the origin, intercept 0.
fn fit_no_intercept(x: &Matrix, y: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let beta = lstsq_normal(x, y)?;
    Ok([vec![0.0], beta].concat())
}

/// Bug: no column of ones and no intercept entry at all (p coefficients).
fn fit_slopes_only(x: &Matrix, y: &[f64]) -> Result<Vec<f64>, LinalgError> {
    lstsq_normal(x, y)
}

/// Bug: the column of ones at the end, so the intercept comes last.
fn fit_intercept_last(x: &Matrix, y: &[f64]) -> Result<Vec<f64>, LinalgError> {
    lstsq_normal(&with_ones(x, false), y)
}

/// Bug: centres X and y, fits the slopes, and reports ȳ as the intercept
/// (forgetting − x̄ᵀβ).
fn fit_centred_mean_intercept(x: &Matrix, y: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if y.len() != x.nrows() {
        return Err(mismatch(x.nrows(), y.len()));
    }
    let means = column_means(x);
    let y_mean = y.iter().sum::<f64>() / y.len() as f64;
    let xc = Matrix::from_fn(x.nrows(), x.ncols(), |i, j| x[(i, j)] - means[j]);
    let yc: Vec<f64> = y.iter().map(|v| v - y_mean).collect();
    let beta = if x.ncols() == 0 { vec![] } else { lstsq_normal(&xc, &yc)? };
    Ok([vec![y_mean], beta].concat())
}

/// Variant: centre, fit the slopes, then β₀ = ȳ − x̄ᵀβ (better conditioned).
fn fit_centred(x: &Matrix, y: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if y.len() != x.nrows() {
        return Err(mismatch(x.nrows(), y.len()));
    }
    let means = column_means(x);
    let y_mean = y.iter().sum::<f64>() / y.len() as f64;
    let xc = Matrix::from_fn(x.nrows(), x.ncols(), |i, j| x[(i, j)] - means[j]);
    let yc: Vec<f64> = y.iter().map(|v| v - y_mean).collect();
    let beta = if x.ncols() == 0 { vec![] } else { lstsq_normal(&xc, &yc)? };
    let intercept = y_mean - dot(&means, &beta);
    Ok([vec![intercept], beta].concat())
}

fn predict_checked(coefficients: &[f64], x: &Matrix) -> Result<(), LinalgError> {
    if coefficients.len() == x.ncols() + 1 { Ok(()) } else { Err(mismatch(x.ncols() + 1, coefficients.len())) }
}

/// Bug: the intercept is dropped, ŷ = Xβ.
fn predict_no_intercept(coefficients: &[f64], x: &Matrix) -> Result<Vec<f64>, LinalgError> {
    predict_checked(coefficients, x)?;
    Ok(x.rows().map(|row| dot(row, &coefficients[1..])).collect())
}

/// Bug: off by one, coefficient j multiplies feature j (β₀ with the first feature).
fn predict_shifted(coefficients: &[f64], x: &Matrix) -> Result<Vec<f64>, LinalgError> {
    predict_checked(coefficients, x)?;
    let p = x.ncols();
    Ok(x.rows().map(|row| dot(row, &coefficients[..p]) + coefficients[p]).collect())
}

/// Bug: no length check, `zip` stops at the shorter one.
fn predict_unchecked(coefficients: &[f64], x: &Matrix) -> Result<Vec<f64>, LinalgError> {
    let (b0, beta) = coefficients.split_first().map_or((0.0, &[][..]), |(b, rest)| (*b, rest));
    Ok(x.rows().map(|row| b0 + dot(row, beta)).collect())
}

/// Variant: the design matrix times the coefficients.
fn predict_design(coefficients: &[f64], x: &Matrix) -> Result<Vec<f64>, LinalgError> {
    predict_checked(coefficients, x)?;
    Ok(with_ones(x, true).rows().map(|row| dot(row, coefficients)).collect())
}

fn check_reg(fit_linear: Fit, predict: Predict) -> ExerciseReport {
    l06::linear_regression(&LinearRegression { fit_linear, predict })
}

#[test]
fn linear_regression() {
    let (fit, pred): (Fit, Predict) = (sol::regression::fit_linear, sol::regression::predict);
    let ls = "least_squares_with_intercept";
    let pred_prop = "predict_is_intercept_plus_x_beta";
    judge(
        "linear_regression",
        vec![
            ("reference", check_reg(fit, pred), Pass),
            ("centred fit, β₀ = ȳ − x̄ᵀβ", check_reg(fit_centred, pred), Pass),
            ("predict with the design matrix", check_reg(fit, predict_design), Pass),
            ("no column of ones, β₀ = 0", check_reg(fit_no_intercept, pred), Kill(ls, 2)),
            ("no intercept at all", check_reg(fit_slopes_only, pred), Kill(ls, 2)),
            ("intercept last", check_reg(fit_intercept_last, pred), Kill(ls, 5)),
            ("centred, β₀ = ȳ", check_reg(fit_centred_mean_intercept, pred), Kill("intercept_absorbs_offsets", 5)),
            ("predict without β₀", check_reg(fit, predict_no_intercept), Kill(pred_prop, 1)),
            ("predict shifted by one", check_reg(fit, predict_shifted), Kill(pred_prop, 3)),
            ("predict: no length check", check_reg(fit, predict_unchecked), Kill("refuses_wrong_lengths", 4)),
        ],
    );
}

// ---------------------------------------------------------------- r_squared

type R2 = fn(&[f64], &[f64]) -> Result<f64, LinalgError>;

fn r2_guard(y: &[f64], y_hat: &[f64]) -> Result<(), LinalgError> {
    if y_hat.len() != y.len() {
        return Err(mismatch(y.len(), y_hat.len()));
    }
    if y.is_empty() {
        return Err(LinalgError::Empty);
    }
    if y.iter().all(|&v| v == y[0]) {
        return Err(LinalgError::ZeroVector);
    }
    Ok(())
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

fn sums(y: &[f64], y_hat: &[f64], centre: f64) -> (f64, f64) {
    let ss_res = y.iter().zip(y_hat).map(|(a, b)| (a - b) * (a - b)).sum();
    let ss_tot = y.iter().map(|a| (a - centre) * (a - centre)).sum();
    (ss_res, ss_tot)
}

/// Bug: SS_res/SS_tot, without the 1 −.
fn r2_no_one_minus(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    r2_guard(y, y_hat)?;
    let (res, tot) = sums(y, y_hat, mean(y));
    Ok(res / tot)
}

/// Bug: the mean of ŷ instead of the mean of y.
fn r2_mean_of_prediction(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    r2_guard(y, y_hat)?;
    let (res, tot) = sums(y, y_hat, mean(y_hat));
    Ok(1.0 - res / tot)
}

/// Bug: the one-pass SS_tot = Σy² − m·ȳ².
fn r2_one_pass(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    r2_guard(y, y_hat)?;
    let m = y.len() as f64;
    let ybar = mean(y);
    let ss_tot = y.iter().map(|a| a * a).sum::<f64>() - m * ybar * ybar;
    let (res, _) = sums(y, y_hat, ybar);
    Ok(1.0 - res / ss_tot)
}

/// Bug: clamps R² to [0, 1].
fn r2_clamped(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    Ok(sol::r_squared::r_squared(y, y_hat)?.clamp(0.0, 1.0))
}

/// Bug: a constant y detected by SS_tot == 0.0 on the computed sum.
fn r2_sstot_zero(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    if y_hat.len() != y.len() {
        return Err(mismatch(y.len(), y_hat.len()));
    }
    if y.is_empty() {
        return Err(LinalgError::Empty);
    }
    let (res, tot) = sums(y, y_hat, mean(y));
    if tot == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    Ok(1.0 - res / tot)
}

/// Bug: the unbiased variance of y (m − 1) against the plain mean squared error (m).
fn r2_mixed_denominators(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    r2_guard(y, y_hat)?;
    let m = y.len() as f64;
    let (res, tot) = sums(y, y_hat, mean(y));
    Ok(1.0 - (res / m) / (tot / (m - 1.0)))
}

/// Variant: 1 − MSE / variance, both divided by m.
fn r2_variance_ratio(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    r2_guard(y, y_hat)?;
    let m = y.len() as f64;
    let (res, tot) = sums(y, y_hat, mean(y));
    Ok(1.0 - (res / m) / (tot / m))
}

/// Variant: the lesson-2 way, 1 − (‖y − ŷ‖ / ‖y − ȳ‖)², with scaled norms.
fn r2_norms(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    r2_guard(y, y_hat)?;
    let ybar = mean(y);
    let d: Vec<f64> = y.iter().zip(y_hat).map(|(a, b)| a - b).collect();
    let c: Vec<f64> = y.iter().map(|a| a - ybar).collect();
    let ratio = norm_l2(&d) / norm_l2(&c);
    Ok(1.0 - ratio * ratio)
}

/// Variant: (SS_tot − SS_res) / SS_tot, the explained share.
fn r2_explained(y: &[f64], y_hat: &[f64]) -> Result<f64, LinalgError> {
    r2_guard(y, y_hat)?;
    let (res, tot) = sums(y, y_hat, mean(y));
    Ok((tot - res) / tot)
}

#[test]
fn r_squared() {
    let check = l06::r_squared;
    let def = "matches_the_definition";
    judge(
        "r_squared",
        vec![
            ("reference", check(sol::r_squared::r_squared as R2), Pass),
            ("1 − MSE / variance", check(r2_variance_ratio), Pass),
            ("1 − (‖y − ŷ‖ / ‖y − ȳ‖)²", check(r2_norms), Pass),
            ("(SS_tot − SS_res) / SS_tot", check(r2_explained), Pass),
            ("SS_res/SS_tot, no 1 −", check(r2_no_one_minus), Kill(def, 4)),
            ("mean of ŷ", check(r2_mean_of_prediction), Kill(def, 4)),
            ("one pass Σy² − mȳ²", check(r2_one_pass), Kill("large_offsets", 6)),
            ("clamped to [0, 1]", check(r2_clamped), Kill(def, 4)),
            ("SS_tot == 0.0", check(r2_sstot_zero), Kill("refuses_what_has_no_r_squared", 6)),
            ("m − 1 against m", check(r2_mixed_denominators), Kill(def, 4)),
        ],
    );
}

// ---------------------------------------------------------------- residuals

type Residual = fn(&Matrix, &[f64], &[f64]) -> Result<Vec<f64>, LinalgError>;
type Ortho = fn(&Matrix, &[f64]) -> Result<f64, LinalgError>;

fn ax(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if x.len() != a.ncols() {
        return Err(mismatch(a.ncols(), x.len()));
    }
    Ok(a.rows().map(|row| dot(row, x)).collect())
}

/// Bug: the sign flipped, Ax − b.
fn residual_flipped(a: &Matrix, x: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let ax = ax(a, x)?;
    if b.len() != ax.len() {
        return Err(mismatch(a.nrows(), b.len()));
    }
    Ok(ax.iter().zip(b).map(|(p, q)| p - q).collect())
}

/// Bug: b's length not checked (`zip` stops at the shorter).
fn residual_unchecked(a: &Matrix, x: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let ax = ax(a, x)?;
    Ok(b.iter().zip(&ax).map(|(p, q)| p - q).collect())
}

/// Variant: b − Σ x_j a_j, by columns.
fn residual_by_columns(a: &Matrix, x: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if x.len() != a.ncols() {
        return Err(mismatch(a.ncols(), x.len()));
    }
    if b.len() != a.nrows() {
        return Err(mismatch(a.nrows(), b.len()));
    }
    let mut r = b.to_vec();
    for (j, xj) in x.iter().enumerate() {
        for (ri, aij) in r.iter_mut().zip(a.column(j)) {
            *ri -= xj * aij;
        }
    }
    Ok(r)
}

fn ortho_guard(a: &Matrix, r: &[f64]) -> Result<(), LinalgError> {
    if r.len() == a.nrows() { Ok(()) } else { Err(mismatch(a.nrows(), r.len())) }
}

/// Bug: max |a_jᵀ r|, not normalised.
fn ortho_unnormalised(a: &Matrix, r: &[f64]) -> Result<f64, LinalgError> {
    ortho_guard(a, r)?;
    Ok(columns(a).iter().map(|c| dot(c, r).abs()).fold(0.0, f64::max))
}

/// Bug: the largest signed cosine, without the absolute value.
fn ortho_signed(a: &Matrix, r: &[f64]) -> Result<f64, LinalgError> {
    ortho_guard(a, r)?;
    Ok(columns(a).iter().filter_map(|c| cosine_similarity(c, r).ok()).fold(0.0, f64::max))
}

/// Bug: only the first column.
fn ortho_first_column(a: &Matrix, r: &[f64]) -> Result<f64, LinalgError> {
    ortho_guard(a, r)?;
    Ok(columns(a).first().and_then(|c| cosine_similarity(c, r).ok()).map_or(0.0, f64::abs))
}

/// Bug: ‖Aᵀr‖ / (‖A‖_F ‖r‖), one normalisation for all the columns.
fn ortho_frobenius(a: &Matrix, r: &[f64]) -> Result<f64, LinalgError> {
    ortho_guard(a, r)?;
    let atr: Vec<f64> = columns(a).iter().map(|c| dot(c, r)).collect();
    let size = norm_l2(a.as_slice()) * norm_l2(r);
    Ok(if size == 0.0 { 0.0 } else { norm_l2(&atr) / size })
}

/// Bug: norms as √(Σx²), which overflow and underflow at 2^±600.
fn ortho_naive_norms(a: &Matrix, r: &[f64]) -> Result<f64, LinalgError> {
    ortho_guard(a, r)?;
    let nr = dot(r, r).sqrt();
    let mut worst: f64 = 0.0;
    for c in columns(a) {
        let nc = dot(&c, &c).sqrt();
        if nc != 0.0 && nr != 0.0 {
            worst = worst.max((dot(&c, r) / (nc * nr)).abs());
        }
    }
    Ok(worst)
}

/// Bug: a zero residual is refused instead of counting as orthogonal.
fn ortho_zero_refused(a: &Matrix, r: &[f64]) -> Result<f64, LinalgError> {
    ortho_guard(a, r)?;
    let mut worst: f64 = 0.0;
    for c in columns(a) {
        match cosine_similarity(&c, r) {
            Ok(cos) => worst = worst.max(cos.abs()),
            Err(e) if norm_l2(r) == 0.0 => return Err(e),
            Err(_) => {}
        }
    }
    Ok(worst)
}

/// Variant: the cosines from unit vectors normalised here, by the scaled norm.
fn ortho_unit_vectors(a: &Matrix, r: &[f64]) -> Result<f64, LinalgError> {
    ortho_guard(a, r)?;
    let nr = norm_l2(r);
    if nr == 0.0 {
        return Ok(0.0);
    }
    let ru: Vec<f64> = r.iter().map(|x| x / nr).collect();
    let mut worst: f64 = 0.0;
    for c in columns(a) {
        let nc = norm_l2(&c);
        if nc > 0.0 {
            let cu: Vec<f64> = c.iter().map(|x| x / nc).collect();
            worst = worst.max(dot(&cu, &ru).abs().min(1.0));
        }
    }
    Ok(worst)
}

fn check_res(residual: Residual, orthogonality: Ortho) -> ExerciseReport {
    l06::residuals(&Residuals { residual, orthogonality })
}

#[test]
fn residuals() {
    let (res, orth): (Residual, Ortho) = (sol::residuals::residual, sol::residuals::orthogonality);
    let cos = "largest_cosine";
    judge(
        "residuals",
        vec![
            ("reference", check_res(res, orth), Pass),
            ("residual by columns", check_res(residual_by_columns, orth), Pass),
            ("cosines of unit vectors", check_res(res, ortho_unit_vectors), Pass),
            ("residual Ax − b", check_res(residual_flipped, orth), Kill("residual_is_b_minus_ax", 1)),
            ("residual: b unchecked", check_res(residual_unchecked, orth), Kill("refuse_wrong_lengths", 10)),
            ("not normalised", check_res(res, ortho_unnormalised), Kill(cos, 2)),
            ("signed cosine", check_res(res, ortho_signed), Kill(cos, 2)),
            ("first column only", check_res(res, ortho_first_column), Kill(cos, 3)),
            ("‖Aᵀr‖ / (‖A‖_F‖r‖)", check_res(res, ortho_frobenius), Kill(cos, 6)),
            ("naive norms", check_res(res, ortho_naive_norms), Kill("any_scale", 2)),
            ("zero residual refused", check_res(res, ortho_zero_refused), Kill("orthogonality_examples", 9)),
        ],
    );
}

// ---------------------------------------------------------------- ridge

type Ridge = fn(&Matrix, &[f64], f64) -> Result<Vec<f64>, LinalgError>;

/// The reference with the shifted Gram matrix built by `shift`.
fn ridge_with(a: &Matrix, b: &[f64], lambda: f64, shift: fn(&mut Matrix, f64)) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let mut g = gram(a);
    shift(&mut g, lambda);
    cholesky_solve(&cholesky(&g)?, &c)
}

fn add_diagonal(g: &mut Matrix, v: f64) {
    for i in 0..g.nrows() {
        g[(i, i)] += v;
    }
}

/// Bug: λ added to every entry of AᵀA.
fn ridge_every_entry(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    ridge_with(a, b, lambda, |g, l| {
        let n = g.ncols();
        for i in 0..g.nrows() {
            for j in 0..n {
                g[(i, j)] += l;
            }
        }
    })
}

/// Bug: λ² on the diagonal.
fn ridge_squared(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    ridge_with(a, b, lambda, |g, l| add_diagonal(g, l * l))
}

/// Bug: λ forgotten (plain least squares).
fn ridge_forgotten(a: &Matrix, b: &[f64], _lambda: f64) -> Result<Vec<f64>, LinalgError> {
    lstsq_normal(a, b)
}

/// Bug: λ/2 on the diagonal (the ½‖x‖² convention mixed in).
fn ridge_half(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    ridge_with(a, b, lambda, |g, l| add_diagonal(g, l / 2.0))
}

/// Bug: L twice, no transpose in the second solve.
fn ridge_l_twice(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let mut g = gram(a);
    add_diagonal(&mut g, lambda);
    let l = cholesky(&g)?;
    let z = forward_substitution(&l, &c)?;
    back_substitution(&l, &z)
}

/// Bug: λ also added to every entry of Aᵀb.
fn ridge_shifted_rhs(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    let c: Vec<f64> = at_b(a, b)?.iter().map(|v| v + lambda).collect();
    let mut g = gram(a);
    add_diagonal(&mut g, lambda);
    cholesky_solve(&cholesky(&g)?, &c)
}

/// Variant: least squares on the augmented problem [A; √λ I] x ≈ [b; 0].
fn ridge_augmented(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    let (m, n) = a.shape();
    if b.len() != m {
        return Err(mismatch(m, b.len()));
    }
    let s = lambda.sqrt();
    let big = Matrix::from_fn(m + n, n, |i, j| {
        if i < m {
            a[(i, j)]
        } else if i - m == j {
            s
        } else {
            0.0
        }
    });
    let rhs: Vec<f64> = b.iter().copied().chain(std::iter::repeat_n(0.0, n)).collect();
    if !lambda.is_finite() || lambda < 0.0 {
        // √λ is NaN or ∞ here: report what Cholesky of AᵀA + λI would.
        let mut g = gram(a);
        add_diagonal(&mut g, lambda);
        cholesky(&g)?;
    }
    lstsq_normal(&big, &rhs)
}

/// Variant: the shifted system solved by Gaussian elimination, after the
/// documented Cholesky refusal.
fn ridge_gauss(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    let c = at_b(a, b)?;
    let mut g = gram(a);
    add_diagonal(&mut g, lambda);
    cholesky(&g)?;
    gauss_solve(&g, &c)
}

#[test]
fn ridge() {
    let check = l06::ridge;
    let m = "matches_nalgebra_cholesky";
    judge(
        "ridge",
        vec![
            ("reference", check(sol::ridge::ridge as Ridge), Pass),
            ("augmented least squares [A; √λ I]", check(ridge_augmented), Pass),
            ("Gaussian elimination", check(ridge_gauss), Pass),
            ("λ on every entry", check(ridge_every_entry), Kill(m, 3)),
            ("λ² on the diagonal", check(ridge_squared), Kill(m, 2)),
            ("λ forgotten", check(ridge_forgotten), Kill("textbook_examples", 9)),
            ("λ/2 on the diagonal", check(ridge_half), Kill(m, 2)),
            ("L twice, no transpose", check(ridge_l_twice), Kill(m, 3)),
            ("λ added to Aᵀb", check(ridge_shifted_rhs), Kill(m, 2)),
        ],
    );
}
