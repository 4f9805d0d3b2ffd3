//! Checks for lesson 12: PCA, low rank and the capstone.
//!
//! Centering, standardizing and the covariance matrix are compared entry by
//! entry with the checker's own two-pass computation (and nalgebra's product),
//! within the rounding of a mean and of a sum of n products; the inputs carry
//! large offsets (10⁶ next to spreads of 1), where the one-pass formula
//! Σx² − n·x̄² cancels every digit, and constant columns, whose standard
//! deviation must be exactly 0.
//!
//! A PCA is not unique: each component may change sign, and components with
//! equal variances may rotate in their plane. So it is judged by what is
//! unique: the mean, the explained variances σᵢ²/(n − 1) against nalgebra's
//! `singular_values()` of the centred data (never its SVD with vectors), the
//! ratios, orthonormal components, and the subspace of the first k components
//! through its orthogonal projector CᵀC, against the projector of the top-k
//! eigenvectors of XcᵀXc (nalgebra's `try_symmetric_eigen`, capped), within a
//! bound that grows as the gap λ_k − λ_{k+1} closes. Scores and
//! reconstructions are checked against products with given components, and
//! the round trip loses exactly the discarded variance Σ_{i>k} σᵢ².
//!
//! Ridge through the SVD is compared with nalgebra's Cholesky solve of
//! (AᵀA + λI)x = Aᵀb, within κ₂(AᵀA + λI) times rounding. Softmax and the
//! cross-entropy loss are compared with the checker's log-sum-exp, on logits
//! up to 10³ where the unshifted formulas overflow. The gradient of the
//! linear layer is compared with central finite differences of the checker's
//! own loss, with a step and a tolerance chosen from the curvature (third
//! derivatives of the loss) and the rounding of the loss; training is replayed
//! with the checker's gradient and must lower the loss on separable data.

use nalgebra::{DMatrix, DVector};
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{Layer, LinalgError, Matrix, Pca};

use crate::cases::{Case, Spec, build_scaled};
use crate::compare::vector_close;
use crate::convert::{frobenius, matrix_of, ours, rows_matrix};
use crate::harness::{Checker, Fixed, Miss, accepted, call, refused};
use crate::subspace::{self, to_dmatrix};
use crate::{draw, ls_cases, pretty, tol};

// ---------------------------------------------------------------- helpers

fn dvec(x: &[f64]) -> DVector<f64> {
    DVector::from_column_slice(x)
}

#[allow(clippy::ptr_arg)]
fn show_vec(v: &Vec<f64>) -> String {
    pretty::vector(v)
}

fn show_matrix(m: &Matrix) -> String {
    pretty::named_matrices(&[("", m)]).trim_start().to_string()
}

/// The column means, by the checker: a plain sum divided by n.
fn means(x: &DMatrix<f64>) -> Vec<f64> {
    let n = x.nrows() as f64;
    (0..x.ncols()).map(|j| x.column(j).iter().sum::<f64>() / n).collect()
}

/// The largest |x_ij| of each column.
fn column_max(x: &DMatrix<f64>) -> Vec<f64> {
    (0..x.ncols()).map(|j| x.column(j).iter().fold(0.0_f64, |m, t| m.max(t.abs()))).collect()
}

/// X − 1x̄ᵀ with the checker's means.
fn centred(x: &DMatrix<f64>) -> DMatrix<f64> {
    let mu = means(x);
    DMatrix::from_fn(x.nrows(), x.ncols(), |i, j| x[(i, j)] - mu[j])
}

/// An entry of `got` against `want` beyond its own bound: (i, j, err, bound).
fn worst(got: &Matrix, want: &DMatrix<f64>, bound: impl Fn(usize, usize) -> f64) -> Option<(usize, usize, f64, f64)> {
    for i in 0..want.nrows() {
        for j in 0..want.ncols() {
            let err = (got[(i, j)] - want[(i, j)]).abs();
            let b = bound(i, j);
            if tol::misses(err, b) {
                return Some((i, j, err, b));
            }
        }
    }
    None
}

fn shape_miss(function: &str, what: &str, got: (usize, usize), want: (usize, usize)) -> Option<Miss> {
    (got != want).then(|| {
        Miss::new(format!(
            "`{function}` returned {what} of shape {}×{}, but it is {}×{} here",
            got.0, got.1, want.0, want.1
        ))
    })
}

fn finite_matrix(function: &str, what: &str, m: &Matrix) -> Result<(), Miss> {
    if tol::all_finite(m.as_slice()) {
        Ok(())
    } else {
        Err(Miss::new(format!("`{function}` returned NaN or infinity in {what}")).output(show_matrix(m)))
    }
}

// ---------------------------------------------------------------- data: inputs

fn show_x(c: &Case) -> String {
    let k = if c.scalars.is_empty() { String::new() } else { format!("\nk = {}", pretty::number(c.scalar(0))) };
    format!("{}{k}{}", pretty::named_matrices(&[("X", &rows_matrix(&c.inputs()))]), c.scale_note())
}

fn literal_x(c: &Case) -> String {
    let k = if c.scalars.is_empty() { String::new() } else { format!("\nlet k = {};", c.scalar(0)) };
    format!("{}{k}", pretty::matrix_literal("x", &rows_matrix(&c.inputs())))
}

fn dims(c: &Case) -> (usize, usize) {
    (c.rows.len(), c.rows.first().map_or(0, Vec::len))
}

fn one_row_or_more(c: &Case) -> bool {
    dims(c).0 >= 1 && dims(c).1 >= 1
}

fn two_rows_or_more(c: &Case) -> bool {
    dims(c).0 >= 2 && dims(c).1 >= 1
}

/// n ≥ 2, d ≥ 1 and an integer k in 0..=min(n, d).
fn k_fits(c: &Case) -> bool {
    let (n, d) = dims(c);
    let k = c.scalar(0);
    two_rows_or_more(c) && k >= 0.0 && k.fract() == 0.0 && k as usize <= n.min(d)
}

/// k in 1..=min(n, d), for the projection exercise.
fn k_positive(c: &Case) -> bool {
    k_fits(c) && c.scalar(0) >= 1.0
}

static DATA1: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_x,
    literal: literal_x,
    valid: one_row_or_more,
};

static DATA2: Spec = Spec { min_rows: 2, valid: two_rows_or_more, ..DATA1 };

static DATA_K: Spec = Spec { min_rows: 2, scalar_floor: &[0.0], valid: k_fits, ..DATA1 };

static DATA_K1: Spec = Spec { min_rows: 2, scalar_floor: &[1.0], valid: k_positive, ..DATA1 };

/// n ∈ n_min..=8 samples, d ∈ 1..=5 features; each column integers (or
/// thirds and tenths) around an offset (0, ±10³ or ±10⁶) with a spread of
/// 10^s, s ∈ {−2, 0, 2}; one column in six constant.
fn random_data(rng: &mut TestRng, spec: &'static Spec, n_min: usize, exps: &[i32]) -> Case {
    let n = draw::size(rng, n_min, 8);
    let d = draw::size(rng, 1, 5);
    let mut columns = Vec::new();
    for _ in 0..d {
        let offset = draw::pick(rng, &[0.0, 0.0, 1e3, -1e3, 1e6]);
        let spread = draw::pick(rng, &[1.0, 1.0, 0.01, 100.0]);
        let constant = draw::chance(rng, 1, 6);
        let c0 = draw::entry(rng);
        columns
            .push((0..n).map(|_| offset + spread * if constant { c0 } else { draw::entry(rng) }).collect::<Vec<_>>());
    }
    let rows = (0..n).map(|i| columns.iter().map(|c| c[i]).collect()).collect();
    let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
    Case::new(spec, rows, vec![], exp)
}

/// X = 1μᵀ + U·diag(σ)·Vᵀ with U orthonormal and orthogonal to 1 (so the
/// centred data is exactly the product, up to rounding) and σ spread over
/// 10^t, t uniform in [0, max_log_kappa]: n ∈ 3..=8, d ∈ 1..=5, the mean entries up to 10³.
fn spectrum_data(rng: &mut TestRng, spec: &'static Spec, max_log_kappa: f64) -> Case {
    let log_kappa = max_log_kappa * draw::unit(rng);
    let n = draw::size(rng, 3, 8);
    let d = draw::size(rng, 1, 5);
    let p = (n - 1).min(d);
    // Columns of a random matrix, centred, orthonormalised: orthogonal to 1.
    let g = DMatrix::from_fn(n, p, |_, _| 2.0 * draw::unit(rng) - 1.0);
    let u = centred(&g).qr().q();
    let v = draw::orthogonal(rng, d);
    let s = draw::spread(rng, p, log_kappa);
    let mu: Vec<f64> = (0..d).map(|_| draw::int(rng, -1000, 1000) * draw::pick(rng, &[0.0, 1.0])).collect();
    let core = &u * DMatrix::from_fn(p, p, |i, j| if i == j { s[i] } else { 0.0 }) * v.columns(0, p).transpose();
    let x = DMatrix::from_fn(n, d, |i, j| core[(i, j)] + mu[j]);
    Case::new(spec, ours(&x).to_rows(), vec![], 0)
}

fn with_k(rng: &mut TestRng, case: Case, spec: &'static Spec, k_min: usize) -> Case {
    let (n, d) = dims(&case);
    let k = draw::size(rng, k_min, n.min(d).max(k_min)) as f64;
    Case { scalars: vec![k], spec, ..case }
}

fn data_case(spec: &'static Spec, rows: &[&[f64]], scalars: Vec<f64>) -> Case {
    Case::new(spec, matrix_of(rows).to_rows(), scalars, 0)
}

// ---------------------------------------------------------------- centering

/// The signature of `center`.
pub type CenterFn = fn(&Matrix) -> Result<(Matrix, Vec<f64>), LinalgError>;
/// The signature of `standardize`.
pub type StandardizeFn = fn(&Matrix) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError>;

/// The functions of exercise `centering`.
pub struct Centering {
    pub center: CenterFn,
    pub standardize: StandardizeFn,
}

fn expected_center(x: &DMatrix<f64>) -> String {
    format!("means {}, centred data\n{}", pretty::vector(&means(x)), ours(&centred(x)))
}

fn check_means(function: &str, got: &[f64], x: &DMatrix<f64>) -> Result<(), Miss> {
    let n = x.nrows();
    let want = means(x);
    let big = column_max(x);
    for j in 0..want.len() {
        let err = (got[j] - want[j]).abs();
        let bound = tol::mean(n) * big[j];
        if tol::misses(err, bound) {
            return Err(Miss::new(format!(
                "`{function}`: the mean of column {j} is off: it is the average of that column, Σᵢ x_ij / n (one mean per \
                 column, not per row)"
            ))
            .output(format!("means {}", pretty::vector(got)))
            .expected(format!("means {}", pretty::vector(&want)))
            .bound(format!("|yours − mean| = {err:.2e}, allowed ≤ {bound:.2e} (rounding of a sum of {n} entries)")));
        }
    }
    Ok(())
}

fn check_center(f: CenterFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let x = to_dmatrix(&a);
    let (n, d) = a.shape();
    let (xc, mean) = accepted("center", call("center", || f(&a))?, || expected_center(&x))?;
    let out = || format!("means {}, centred data\n{}", pretty::vector(&mean), xc);
    if mean.len() != d {
        return Err(Miss::new(format!(
            "`center` returned {} means, but there is one per column (feature), {d}",
            mean.len()
        ))
        .output(out())
        .expected(expected_center(&x)));
    }
    if let Some(m) = shape_miss("center", "the centred data", xc.shape(), (n, d)) {
        return Err(m.output(out()).expected(expected_center(&x)));
    }
    check_means("center", &mean, &x).map_err(|m| m.output(out()))?;
    let want = centred(&x);
    let big = column_max(&x);
    if let Some((i, j, err, bound)) = worst(&xc, &want, |_, j| 2.0 * tol::mean(n) * big[j]) {
        return Err(Miss::new(format!(
            "entry ({i}, {j}) of the centred data is not x_ij − mean_j: subtract each column's mean from that column"
        ))
        .output(out())
        .expected(expected_center(&x))
        .bound(format!("|yours − (x_ij − x̄_j)| = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

/// The checker's sample standard deviations (n − 1), 0 for a constant column.
fn stds(x: &DMatrix<f64>) -> Vec<f64> {
    let xc = centred(x);
    let n = x.nrows();
    (0..x.ncols())
        .map(|j| {
            let col: Vec<f64> = x.column(j).iter().copied().collect();
            if col.iter().all(|&t| t == col[0]) {
                0.0
            } else {
                tol::norm2(xc.column(j).as_slice()) / ((n - 1) as f64).sqrt()
            }
        })
        .collect()
}

fn expected_standardize(x: &DMatrix<f64>) -> String {
    let s = stds(x);
    let xc = centred(x);
    let z = DMatrix::from_fn(x.nrows(), x.ncols(), |i, j| if s[j] == 0.0 { 0.0 } else { xc[(i, j)] / s[j] });
    format!(
        "means {}, standard deviations (n − 1) {}, Z =\n{}",
        pretty::vector(&means(x)),
        pretty::vector(&s),
        ours(&z)
    )
}

fn check_standardize(f: StandardizeFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let x = to_dmatrix(&a);
    let (n, d) = a.shape();
    let expected = || expected_standardize(&x);
    let (z, mean, std) = accepted("standardize", call("standardize", || f(&a))?, expected)?;
    let out = || format!("means {}, standard deviations {}, Z =\n{}", pretty::vector(&mean), pretty::vector(&std), z);
    if mean.len() != d || std.len() != d {
        return Err(Miss::new(format!(
            "`standardize` returned {} means and {} standard deviations, but there is one of each per column, {d}",
            mean.len(),
            std.len()
        ))
        .output(out())
        .expected(expected()));
    }
    if let Some(m) = shape_miss("standardize", "Z", z.shape(), (n, d)) {
        return Err(m.output(out()).expected(expected()));
    }
    if !tol::all_finite(z.as_slice()) || !tol::all_finite(&std) {
        return Err(Miss::new(
            "`standardize` returned NaN or infinity (a constant column has standard deviation 0: leave its Z column \
             at 0 instead of dividing)",
        )
        .output(out())
        .expected(expected()));
    }
    check_means("standardize", &mean, &x).map_err(|m| m.output(out()))?;
    let want_s = stds(&x);
    let big = column_max(&x);
    let eta = tol::standardized(n);
    for j in 0..d {
        if want_s[j] == 0.0 {
            if std[j] != 0.0 || (0..n).any(|i| z[(i, j)] != 0.0) {
                return Err(Miss::new(format!(
                    "column {j} is constant: its standard deviation is exactly 0 and its column of Z exact zeros. \
                     Decide \"constant\" on the data (every entry equal), not on a computed standard deviation, which \
                     rounding can leave slightly above 0"
                ))
                .output(out())
                .expected(expected()));
            }
            continue;
        }
        let err = (std[j] - want_s[j]).abs();
        let bound = eta * (want_s[j] + big[j]);
        if tol::misses(err, bound) {
            let ratio = std[j] / want_s[j];
            let why = if (ratio * ratio - (n - 1) as f64 / n as f64).abs() < 1e-6 {
                " (you divided by n; the sample standard deviation divides by n − 1)"
            } else {
                ""
            };
            return Err(Miss::new(format!(
                "the standard deviation of column {j} is off{why}: s_j = √(Σᵢ (x_ij − x̄_j)² / (n − 1))"
            ))
            .output(out())
            .expected(expected())
            .bound(format!("|yours − s_j| = {err:.2e}, allowed ≤ {bound:.2e}")));
        }
    }
    let xc = centred(&x);
    let want_z = DMatrix::from_fn(n, d, |i, j| if want_s[j] == 0.0 { 0.0 } else { xc[(i, j)] / want_s[j] });
    let bound = |i: usize, j: usize| {
        if want_s[j] == 0.0 { 0.0 } else { eta * (want_z[(i, j)].abs() + big[j] / want_s[j]) }
    };
    if let Some((i, j, err, b)) = worst(&z, &want_z, bound) {
        return Err(Miss::new(format!("entry ({i}, {j}) of Z is not (x_ij − x̄_j) / s_j"))
            .output(out())
            .expected(expected())
            .bound(format!("|yours − z_ij| = {err:.2e}, allowed ≤ {b:.2e}")));
    }
    Ok(())
}

fn refuses_matrix<T: 'static>(
    function: &'static str,
    run: impl Fn(&Matrix) -> Result<T, LinalgError> + 'static,
    a: Matrix,
    want: LinalgError,
    show: fn(&T) -> String,
) -> Fixed<'static> {
    Fixed::new(pretty::named_matrices(&[("X", &a)]), pretty::matrix_literal("x", &a), move || {
        let got = call(function, || run(&a))?;
        refused(function, &got, &want, show)
    })
}

/// `center` subtracts each column's mean; `standardize` also divides by the
/// sample standard deviation (n − 1), and handles constant columns exactly.
pub fn centering(f: &Centering) -> ExerciseReport {
    let mut c = Checker::new("centering");
    let a = matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]]);
    c.probe("center", || (f.center)(&a));
    c.probe("standardize", || (f.standardize)(&a));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (center, standardize) = (f.center, f.standardize);
    c.examples(
        "center_examples",
        "rows (1, 2), (3, 4), (5, 0): means (3, 2); one row (centres to zeros); a constant column; an offset of 10⁸",
        vec![
            data_case(&DATA1, &[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 0.0]], vec![]),
            data_case(&DATA1, &[&[4.0, -1.0, 7.0]], vec![]),
            data_case(&DATA1, &[&[2.0, 1.0], &[2.0, 5.0], &[2.0, -3.0]], vec![]),
            data_case(&DATA1, &[&[1e8 + 1.0], &[1e8 - 1.0], &[1e8 + 3.0]], vec![]),
        ],
        |case| check_center(center, case),
    );
    c.property(
        "center_random",
        "n ≥ 1 samples with offsets up to 10⁶ and spreads from 10⁻² to 10²: the column means, and x_ij − x̄_j",
        |rng| random_data(rng, &DATA1, 1, &[-40, 40]),
        |case| check_center(center, case),
    );
    c.examples(
        "standardize_examples",
        "columns (1, 2, 3) → (−1, 0, 1) with s = 1 and (2, 4, 9) with s = √13; a constant column (0.7, 0.7, 0.7) gives \
         s = 0 and zeros; two rows",
        vec![
            data_case(&DATA2, &[&[1.0, 2.0], &[2.0, 4.0], &[3.0, 9.0]], vec![]),
            data_case(&DATA2, &[&[0.7, 1.0], &[0.7, 2.0], &[0.7, 4.0]], vec![]),
            data_case(&DATA2, &[&[3.0, 5.0], &[-1.0, 5.0]], vec![]),
        ],
        |case| check_standardize(standardize, case),
    );
    c.property(
        "standardize_random",
        "n ≥ 2 samples, offsets and spreads, constant columns: means, sample standard deviations (n − 1) and Z",
        |rng| random_data(rng, &DATA2, 2, &[-40, 40]),
        |case| check_standardize(standardize, case),
    );
    let show3 = |t: &(Matrix, Vec<f64>, Vec<f64>)| format!("(Z, {}, {})", pretty::vector(&t.1), pretty::vector(&t.2));
    let show2 = |t: &(Matrix, Vec<f64>)| format!("(Xc, {})", pretty::vector(&t.1));
    c.fixed(
        "refuses",
        "no rows: Err(Empty) from both; a single row: standardize gives Err(DimensionMismatch { expected: 2, found: 1 })",
        vec![
            refuses_matrix("center", center, Matrix::zeros(0, 2), LinalgError::Empty, show2),
            refuses_matrix("standardize", standardize, Matrix::zeros(0, 2), LinalgError::Empty, show3),
            refuses_matrix(
                "standardize",
                standardize,
                matrix_of(&[&[1.0, 2.0]]),
                LinalgError::DimensionMismatch { expected: 2, found: 1 },
                show3,
            ),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- covariance

/// The signature of `covariance`.
pub type CovarianceFn = fn(&Matrix) -> Result<Matrix, LinalgError>;

fn reference_covariance(x: &DMatrix<f64>) -> DMatrix<f64> {
    let xc = centred(x);
    (xc.transpose() * &xc) / (x.nrows() - 1) as f64
}

fn check_covariance(f: CovarianceFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let x = to_dmatrix(&a);
    let (n, d) = a.shape();
    let want = reference_covariance(&x);
    let expected = || format!("XcᵀXc / (n − 1) =\n{}", ours(&want));
    let got = accepted("covariance", call("covariance", || f(&a))?, expected)?;
    let out = || got.to_string();
    if let Some(m) = shape_miss("covariance", "the covariance matrix", got.shape(), (d, d)) {
        return Err(Miss { message: format!("{} (one row and column per feature)", m.message), ..m }
            .output(out())
            .expected(expected()));
    }
    finite_matrix("covariance", "the covariance matrix", &got)?;
    // Entry (j, k): errors of the centred entries (γ·max|x|) times the other
    // column, plus the rounding of the sum of n products.
    let xc = centred(&x);
    let big = column_max(&x);
    let eta = tol::covariance(n);
    let bound = |j: usize, k: usize| covariance_bound(&xc, &big, eta, j, k);
    for j in 0..d {
        for k in j + 1..d {
            let err = (got[(j, k)] - got[(k, j)]).abs();
            let b = bound(j, k);
            if tol::misses(err, b) {
                return Err(Miss::new(format!(
                    "the covariance matrix is not symmetric: entries ({j}, {k}) and ({k}, {j}) differ (both are \
                     cov(x_{j}, x_{k}); fill both triangles)"
                ))
                .output(out())
                .expected(expected())
                .bound(format!("|Σ_jk − Σ_kj| = {err:.2e}, allowed ≤ {b:.2e}")));
            }
        }
    }
    if let Some((j, k, err, b)) = worst(&got, &want, bound) {
        let ratio = got[(j, k)] / want[(j, k)];
        let why = if (ratio - (n - 1) as f64 / n as f64).abs() < 1e-9 {
            " (you divided by n; the sample covariance divides by n − 1)"
        } else {
            " (centre the data first, then Σᵢ (x_ij − x̄_j)(x_ik − x̄_k) / (n − 1); the one-pass Σx_ij·x_ik − n·x̄_j·x̄_k \
             cancels when the means are large)"
        };
        return Err(Miss::new(format!("entry ({j}, {k}) is not the sample covariance of columns {j} and {k}{why}"))
            .output(out())
            .expected(expected())
            .bound(format!("|yours − Σ_jk| = {err:.2e}, allowed ≤ {b:.2e}")));
    }
    Ok(())
}

/// The rounding allowed to Σ_jk: to first order `covariance(n)`·Σᵢ(|x̃_ij||x̃_ik|
/// plus |x̃_ij|M_k plus M_j|x̃_ik|); to second order, both centred entries off
/// by their mean's error 2·`mean(n)`·M (a constant column centres to exact
/// zeros for one mean and to ±u·M for another).
fn covariance_bound(xc: &DMatrix<f64>, big: &[f64], eta: f64, j: usize, k: usize) -> f64 {
    let n = xc.nrows();
    let first: f64 = (0..n)
        .map(|i| xc[(i, j)].abs() * xc[(i, k)].abs() + xc[(i, j)].abs() * big[k] + big[j] * xc[(i, k)].abs())
        .sum();
    let e = 2.0 * tol::mean(n);
    (eta * first + n as f64 * e * e * big[j] * big[k]) / (n - 1) as f64
}

/// `covariance` is XcᵀXc/(n − 1), symmetric, accurate even for data with large
/// means, and refuses fewer than two samples.
pub fn covariance(f: CovarianceFn) -> ExerciseReport {
    let mut c = Checker::new("covariance");
    c.probe("covariance", || f(&matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples(
        "examples",
        "rows (1, 2), (3, 4), (5, 0): Σ has rows (4, −2), (−2, 4); one feature (the variance); a constant column; \
         two samples; means of 10⁸",
        vec![
            data_case(&DATA2, &[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 0.0]], vec![]),
            data_case(&DATA2, &[&[1.0], &[2.0], &[4.0], &[7.0]], vec![]),
            data_case(&DATA2, &[&[2.0, 1.0], &[2.0, 5.0], &[2.0, -3.0]], vec![]),
            data_case(&DATA2, &[&[1.0, 2.0, 3.0], &[4.0, 6.0, 8.0]], vec![]),
            data_case(&DATA2, &[&[1e8 + 1.0, 5.0], &[1e8 - 1.0, 6.0], &[1e8 + 3.0, 4.0]], vec![]),
        ],
        |case| check_covariance(f, case),
    );
    c.property(
        "matches_nalgebra",
        "n ≥ 2 samples with offsets up to 10⁶ and spreads from 10⁻² to 10²: every entry is XcᵀXc/(n − 1) up to \
         rounding, and Σ is symmetric",
        |rng| random_data(rng, &DATA2, 2, &[-40, 40]),
        |case| check_covariance(f, case),
    );
    c.fixed(
        "refuses",
        "no rows: Err(Empty); a single row: Err(DimensionMismatch { expected: 2, found: 1 })",
        vec![
            refuses_matrix("covariance", f, Matrix::zeros(0, 3), LinalgError::Empty, show_matrix),
            refuses_matrix(
                "covariance",
                f,
                matrix_of(&[&[1.0, 2.0, 3.0]]),
                LinalgError::DimensionMismatch { expected: 2, found: 1 },
                show_matrix,
            ),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- pca

/// The signature of `pca`.
pub type PcaFn = fn(&Matrix, usize) -> Result<Pca, LinalgError>;

/// What the checker knows about the centred data.
struct PcaTruth {
    /// σ of the checker's centred data, from `singular_values()`, all min(n, d).
    s: Vec<f64>,
    /// ‖X‖_F of the data as given (its offsets are what centering rounds).
    norm_f: f64,
    /// The top eigenvectors of XcᵀXc by nalgebra's capped symmetric eigen,
    /// as columns, in order of decreasing eigenvalue (None if it did not converge).
    vectors: Option<DMatrix<f64>>,
}

fn pca_truth(x: &DMatrix<f64>) -> PcaTruth {
    let xc = centred(x);
    let s = subspace::singular_values(&xc);
    let g = xc.transpose() * &xc;
    let vectors = g.try_symmetric_eigen(f64::EPSILON, 10_000).map(|e| {
        let mut order: Vec<usize> = (0..e.eigenvalues.len()).collect();
        order.sort_by(|&i, &j| e.eigenvalues[j].total_cmp(&e.eigenvalues[i]));
        DMatrix::from_fn(x.ncols(), x.ncols(), |i, j| e.eigenvectors[(i, order[j])])
    });
    PcaTruth { s, norm_f: frobenius(x), vectors }
}

fn show_pca(p: &Pca) -> String {
    format!(
        "mean {}\ncomponents =\n{}\nexplained_variance {}\nexplained_variance_ratio {}",
        pretty::vector(&p.mean),
        p.components,
        pretty::vector(&p.explained_variance),
        pretty::vector(&p.explained_variance_ratio)
    )
}

fn expected_pca(x: &DMatrix<f64>, t: &PcaTruth, k: usize) -> String {
    let n = x.nrows();
    let total: f64 = t.s.iter().map(|s| s * s).sum();
    let ev: Vec<f64> = t.s[..k].iter().map(|s| s * s / (n - 1) as f64).collect();
    let ratio: Vec<f64> = t.s[..k].iter().map(|s| if total > 0.0 { s * s / total } else { 0.0 }).collect();
    let comps = t
        .vectors
        .as_ref()
        .map_or(String::new(), |v| format!("\ncomponents (up to sign) =\n{}", ours(&v.columns(0, k).transpose())));
    format!(
        "mean {}{comps}\nexplained_variance σᵢ²/(n − 1) = {}\nexplained_variance_ratio σᵢ²/Σσⱼ² = {}",
        pretty::vector(&means(x)),
        pretty::vector(&ev),
        pretty::vector(&ratio)
    )
}

fn check_pca(f: PcaFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let x = to_dmatrix(&a);
    let (n, d) = a.shape();
    let k = c.scalar(0) as usize;
    let t = pca_truth(&x);
    let expected = || expected_pca(&x, &t, k);
    let p = accepted("pca", call("pca", || f(&a, k))?, expected)?;
    let miss = |message: String| Miss::new(message).output(show_pca(&p)).expected(expected());
    if p.mean.len() != d
        || p.components.shape() != (k, d)
        || p.explained_variance.len() != k
        || p.explained_variance_ratio.len() != k
    {
        return Err(miss(format!(
            "wrong shapes: for {n} samples of {d} features and k = {k}, mean has {d} entries, components is {k}×{d} \
             (one component per ROW: the first k rows of Vᵀ), and the two variance vectors have {k} entries"
        )));
    }
    if !tol::all_finite(&p.mean)
        || !tol::all_finite(p.components.as_slice())
        || !tol::all_finite(&p.explained_variance)
        || !tol::all_finite(&p.explained_variance_ratio)
    {
        return Err(miss("`pca` returned NaN or infinity (data without variance has ratios 0, not 0/0)".into()));
    }
    check_means("pca", &p.mean, &x).map_err(|m| m.output(show_pca(&p)))?;
    // Orthonormal rows.
    let comp = to_dmatrix(&p.components);
    let orth = frobenius(&(&comp * comp.transpose() - DMatrix::identity(k, k)));
    let bound = tol::pca_orthonormality(n, d);
    if tol::misses(orth, bound) {
        return Err(miss(
            "the components are not orthonormal: CCᵀ ≠ I (rows of Vᵀ are unit vectors, mutually \
                         orthogonal)"
                .into(),
        )
        .bound(format!("‖CCᵀ − I‖_F = {orth:.2e}, allowed ≤ {bound:.2e}")));
    }
    // Explained variances against σᵢ²/(n − 1): a perturbation E of the
    // centred data moves each σ by at most ‖E‖ (Weyl).
    let eta = tol::pca_values(n, d);
    let e_sigma = eta * t.norm_f;
    let s1 = t.s.first().copied().unwrap_or(0.0);
    let e_square = 2.0 * e_sigma * (s1 + e_sigma);
    for i in 0..k {
        let want = t.s[i] * t.s[i] / (n - 1) as f64;
        let got = p.explained_variance[i];
        let err = (got - want).abs();
        let b = e_square / (n - 1) as f64;
        if tol::misses(err, b) {
            let why = if (got - t.s[i] / (n - 1) as f64).abs() <= b {
                " (that is σᵢ/(n − 1): square the singular value)"
            } else if (got - t.s[i] * t.s[i] / n as f64).abs() <= b {
                " (you divided by n; the variance divides by n − 1)"
            } else {
                " (σᵢ of the CENTRED data: subtract the column means before the SVD)"
            };
            return Err(miss(format!("explained_variance[{i}] is not σᵢ²/(n − 1){why}"))
                .bound(format!("|yours − σᵢ²/(n − 1)| = {err:.2e}, allowed ≤ {b:.2e}")));
        }
    }
    let total: f64 = t.s.iter().map(|s| s * s).sum();
    for i in 0..k {
        let got = p.explained_variance_ratio[i];
        let (want, b) = if total > 0.0 {
            let r = t.s[i] * t.s[i] / total;
            (r, (e_square + r * t.s.len() as f64 * e_square) / total)
        } else {
            (0.0, 0.0)
        };
        let err = (got - want).abs();
        if tol::misses(err, b) {
            return Err(miss(format!(
                "explained_variance_ratio[{i}] is not σᵢ²/Σⱼσⱼ², the sum over ALL {} singular values (not only the k \
                 kept)",
                t.s.len()
            ))
            .bound(format!("|yours − ratio| = {err:.2e}, allowed ≤ {b:.2e}")));
        }
    }
    // The subspace of the first k components, when it is determined.
    if let Some(v) = &t.vectors
        && k > 0
        && k < d
    {
        let lk = t.s[k - 1] * t.s[k - 1];
        let lk1 = t.s.get(k).map_or(0.0, |s| s * s);
        let gap = lk - lk1;
        let bound = tol::pca_subspace(n, d) * t.norm_f * t.norm_f / gap;
        if gap > 0.0 && bound < 1.0 {
            let vk = v.columns(0, k).into_owned();
            let want = &vk * vk.transpose();
            let mine = comp.transpose() * &comp;
            let err = frobenius(&(&mine - &want));
            if tol::misses(err, bound) {
                return Err(miss(format!(
                    "the first {k} components do not span the directions of largest variance: their projector CᵀC \
                     differs from that of the top {k} eigenvectors of XcᵀXc (signs do not matter; the subspace does)"
                ))
                .bound(format!(
                    "‖CᵀC − P‖_F = {err:.2e}, allowed ≤ {bound:.2e} (∝ ‖X‖_F²/(λ_k − λ_k+1), λ_k − λ_k+1 = {gap:.2e})"
                )));
            }
        }
    }
    Ok(())
}

fn refuses_pca(f: PcaFn, a: Matrix, k: usize, want: LinalgError) -> Fixed<'static> {
    let show = format!("{}\nk = {k}", pretty::named_matrices(&[("X", &a)]));
    let literal = format!("{}\nlet k = {k};", pretty::matrix_literal("x", &a));
    Fixed::new(show, literal, move || {
        let got = call("pca", || f(&a, k))?;
        refused("pca", &got, &want, show_pca)
    })
}

/// `pca` centres, factors the centred data with the learner's SVD, and
/// returns the mean, orthonormal components spanning the top-k subspace, the
/// explained variances σᵢ²/(n − 1) and their ratios.
pub fn pca(f: PcaFn) -> ExerciseReport {
    let mut c = Checker::new("pca");
    c.probe("pca", || f(&matrix_of(&[&[2.0, 0.0], &[0.0, 1.0], &[-2.0, 0.0]]), 1));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let diamond: &[&[f64]] = &[&[2.0, 0.0], &[0.0, 1.0], &[-2.0, 0.0], &[0.0, -1.0]];
    c.examples(
        "examples",
        "rows (2, 0), (0, 1), (−2, 0), (0, −1): component ±(1, 0), variance 8/3, ratio 0.8; k = 0, 1, 2; shifted by \
         a mean; more features than samples; every row the same (ratios 0)",
        vec![
            data_case(&DATA_K, diamond, vec![1.0]),
            data_case(&DATA_K, diamond, vec![2.0]),
            data_case(&DATA_K, diamond, vec![0.0]),
            data_case(&DATA_K, &[&[12.0, -3.0], &[10.0, -2.0], &[8.0, -3.0], &[10.0, -4.0]], vec![1.0]),
            data_case(&DATA_K, &[&[1.0, 2.0, 3.0, 4.0], &[2.0, 0.0, 1.0, 1.0], &[0.0, 1.0, 5.0, 2.0]], vec![2.0]),
            data_case(&DATA_K, &[&[3.0, 1.0], &[3.0, 1.0], &[3.0, 1.0]], vec![1.0]),
        ],
        |case| check_pca(f, case),
    );
    c.property(
        "random_data",
        "integer data with offsets up to 10⁶, any k ≤ min(n, d): mean, orthonormal components, variances σᵢ²/(n − 1) \
         of the centred data, ratios, and the top-k subspace",
        |rng| {
            let case = random_data(rng, &DATA_K, 2, &[]);
            with_k(rng, case, &DATA_K, 0)
        },
        |case| check_pca(f, case),
    );
    c.property(
        "known_spectrum",
        "X = 1μᵀ + U·diag(σ)·Vᵀ with σ spread over up to 10⁶: the variances and the subspace of the first k \
         components (through projectors, so signs never matter)",
        |rng| {
            let case = spectrum_data(rng, &DATA_K, 6.0);
            with_k(rng, case, &DATA_K, 1)
        },
        |case| check_pca(f, case),
    );
    c.fixed(
        "refuses",
        "no rows or no columns: Err(Empty); one row: Err(DimensionMismatch { expected: 2, found: 1 }); k > min(n, d): \
         Err(DimensionMismatch { expected: min(n, d), found: k })",
        vec![
            refuses_pca(f, Matrix::zeros(0, 2), 0, LinalgError::Empty),
            refuses_pca(f, Matrix::zeros(3, 0), 0, LinalgError::Empty),
            refuses_pca(f, matrix_of(&[&[1.0, 2.0]]), 1, LinalgError::DimensionMismatch { expected: 2, found: 1 }),
            refuses_pca(
                f,
                matrix_of(&[&[1.0, 2.0], &[3.0, 5.0], &[0.0, 1.0]]),
                3,
                LinalgError::DimensionMismatch { expected: 2, found: 3 },
            ),
            refuses_pca(
                f,
                matrix_of(&[&[1.0, 2.0, 3.0], &[3.0, 5.0, 7.0]]),
                3,
                LinalgError::DimensionMismatch { expected: 2, found: 3 },
            ),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- pca_projection

/// The signature of `project` and `reconstruct`.
pub type PcaMapFn = fn(&Pca, &Matrix) -> Result<Matrix, LinalgError>;

/// The functions of exercise `pca_projection`.
pub struct PcaProjection {
    pub project: PcaMapFn,
    pub reconstruct: PcaMapFn,
}

/// The checker's PCA of the data: the mean and the top-k eigenvectors of
/// XcᵀXc as rows (orthonormal to rounding), with their variances.
fn fitted(x: &DMatrix<f64>, k: usize) -> Option<Pca> {
    let t = pca_truth(x);
    let v = t.vectors?;
    let n = x.nrows();
    let total: f64 = t.s.iter().map(|s| s * s).sum();
    Some(Pca {
        mean: means(x),
        components: ours(&v.columns(0, k).transpose()),
        explained_variance: t.s[..k].iter().map(|s| s * s / (n - 1) as f64).collect(),
        explained_variance_ratio: t.s[..k].iter().map(|s| if total > 0.0 { s * s / total } else { 0.0 }).collect(),
    })
}

/// (X − 1x̄ᵀ)Cᵀ by nalgebra, and its entrywise rounding bound.
fn reference_scores(p: &Pca, x: &DMatrix<f64>) -> (DMatrix<f64>, DMatrix<f64>) {
    let d = p.mean.len();
    let comp = to_dmatrix(&p.components);
    let xc = DMatrix::from_fn(x.nrows(), d, |i, j| x[(i, j)] - p.mean[j]);
    let abs = DMatrix::from_fn(x.nrows(), d, |i, j| x[(i, j)].abs() + p.mean[j].abs());
    let bound = (abs * comp.abs().transpose()) * tol::scores(d);
    (xc * comp.transpose(), bound)
}

fn check_scores(f: PcaMapFn, p: &Pca, a: &Matrix, which: &str) -> Result<(), Miss> {
    let x = to_dmatrix(a);
    let (want, bound) = reference_scores(p, &x);
    let expected = || format!("(X − 1x̄ᵀ)Cᵀ with the PCA's mean x̄ =\n{}", ours(&want));
    let got = accepted("project", call("project", || f(p, a))?, expected)?;
    let note = format!("\n(PCA given: {})", show_pca(p).replace('\n', "; "));
    if let Some(m) = shape_miss("project", "scores", got.shape(), want.shape()) {
        return Err(Miss { message: format!("{} (one row per sample, one column per component)", m.message), ..m }
            .output(got.to_string())
            .expected(expected() + &note));
    }
    if let Some((i, j, err, b)) = worst(&got, &want, |i, j| bound[(i, j)]) {
        return Err(Miss::new(format!(
            "score ({i}, {j}) of {which} is not (x_i − x̄)·c_{j}: subtract the PCA's mean (the TRAINING mean, not the \
             mean of the rows you are given), then multiply by Cᵀ"
        ))
        .output(got.to_string())
        .expected(expected() + &note)
        .bound(format!("|yours − score| = {err:.2e}, allowed ≤ {b:.2e}")));
    }
    Ok(())
}

fn check_reconstruct(f: PcaMapFn, p: &Pca, z: &DMatrix<f64>) -> Result<(), Miss> {
    let comp = to_dmatrix(&p.components);
    let k = comp.nrows();
    let zc = z * &comp;
    let want = DMatrix::from_fn(zc.nrows(), zc.ncols(), |i, j| zc[(i, j)] + p.mean[j]);
    let size = z.abs() * comp.abs();
    let zm = ours(z);
    let expected = || format!("Z C + 1x̄ᵀ =\n{}", ours(&want));
    let got = accepted("reconstruct", call("reconstruct", || f(p, &zm))?, expected)?;
    let note = format!("\nscores Z =\n{zm}\n(PCA given: {})", show_pca(p).replace('\n', "; "));
    if let Some(m) = shape_miss("reconstruct", "the reconstruction", got.shape(), want.shape()) {
        return Err(m.output(got.to_string()).expected(expected() + &note));
    }
    let bound = |i: usize, j: usize| tol::scores(k) * (size[(i, j)] + p.mean[j].abs());
    if let Some((i, j, err, b)) = worst(&got, &want, bound) {
        return Err(Miss::new(format!(
            "entry ({i}, {j}) of the reconstruction is not x̄_{j} + Σ_l z_il·c_lj: combine the components with the \
             scores, then add the mean back"
        ))
        .output(got.to_string())
        .expected(expected() + &note)
        .bound(format!("|yours − x̂_ij| = {err:.2e}, allowed ≤ {b:.2e}")));
    }
    Ok(())
}

/// ‖X − reconstruct(project(X))‖_F² = Σ_{i>k} σᵢ², the discarded variance
/// (times n − 1).
fn check_round_trip(f: &PcaProjection, p: &Pca, a: &Matrix) -> Result<(), Miss> {
    let x = to_dmatrix(a);
    let (n, d) = a.shape();
    let k = p.components.nrows();
    let t = pca_truth(&x);
    let z = accepted("project", call("project", || (f.project)(p, a))?, String::new)?;
    let back = accepted("reconstruct", call("reconstruct", || (f.reconstruct)(p, &z))?, String::new)?;
    if back.shape() != (n, d) {
        return Err(Miss::new("reconstruct(project(X)) does not have the shape of X").output(back.to_string()));
    }
    let lost = frobenius(&(&x - to_dmatrix(&back)));
    let discarded: f64 = t.s.iter().skip(k).map(|s| s * s).sum();
    let eta = tol::pca_values(n, d) * t.norm_f;
    // The checker's components are off by the angle θ ≤ η‖X‖²/(λ_k − λ_k+1),
    // which adds at most sin²θ·σ₁² to the loss.
    let gap = t.s[k - 1] * t.s[k - 1] - t.s.get(k).map_or(0.0, |s| s * s);
    let s1 = t.s[0];
    let sin = if gap > 0.0 { (tol::pca_subspace(n, d) * t.norm_f * t.norm_f / gap).min(1.0) } else { 1.0 };
    let bound = eta * (2.0 * discarded.sqrt() + eta) + sin * sin * s1 * s1;
    let err = (lost * lost - discarded).abs();
    if tol::misses(err, bound) {
        return Err(Miss::new(format!(
            "the round trip X → scores → X̂ loses {:.6e} (‖X − X̂‖_F²), but keeping {k} components loses exactly the \
             discarded Σ_(i>k) σᵢ² = {discarded:.6e}",
            lost * lost
        ))
        .output(format!("X̂ =\n{back}"))
        .expected(format!("σ of the centred data: {}", pretty::vector(&t.s)))
        .bound(format!("|‖X − X̂‖² − Σ_(i>k) σᵢ²| = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

fn check_projection(f: &PcaProjection, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let k = c.scalar(0) as usize;
    let Some(p) = fitted(&to_dmatrix(&a), k) else { return Ok(()) };
    check_scores(f.project, &p, &a, "the training data")?;
    // One sample alone: its own mean is itself, the PCA's is not.
    let first = Matrix::from_rows(&[a.row(0).to_vec()]);
    check_scores(f.project, &p, &first, "the first sample, projected alone")?;
    let (z, _) = reference_scores(&p, &to_dmatrix(&a));
    check_reconstruct(f.reconstruct, &p, &z)?;
    check_round_trip(f, &p, &a)
}

/// `project` gives (X − 1x̄ᵀ)Cᵀ with the PCA's mean, `reconstruct` Z C + 1x̄ᵀ,
/// and the round trip loses exactly the discarded variance.
pub fn pca_projection(f: &PcaProjection) -> ExerciseReport {
    let mut c = Checker::new("pca_projection");
    let p = Pca {
        mean: vec![1.0, 1.0],
        components: matrix_of(&[&[0.6, 0.8]]),
        explained_variance: vec![1.0],
        explained_variance_ratio: vec![1.0],
    };
    c.probe("project", || (f.project)(&p, &matrix_of(&[&[4.0, 5.0]])));
    c.probe("reconstruct", || (f.reconstruct)(&p, &matrix_of(&[&[5.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let fixed_pca = p.clone();
    let project = f.project;
    let reconstruct = f.reconstruct;
    c.fixed(
        "textbook_example",
        "mean (1, 1), component (0.6, 0.8): the sample (4, 5) has the score 5, and the score 5 reconstructs (4, 5)",
        vec![Fixed::new("mean (1, 1), C = [0.6 0.8], X = [4 5]", "", move || {
            check_scores(project, &fixed_pca, &matrix_of(&[&[4.0, 5.0]]), "the sample (4, 5)")?;
            check_reconstruct(reconstruct, &fixed_pca, &DMatrix::from_element(1, 1, 5.0))
        })],
    );
    c.examples(
        "examples",
        "a diamond around 0 and one shifted by (10, −3), k = 1 and 2; more features than samples",
        vec![
            data_case(&DATA_K1, &[&[2.0, 0.0], &[0.0, 1.0], &[-2.0, 0.0], &[0.0, -1.0]], vec![1.0]),
            data_case(&DATA_K1, &[&[12.0, -3.0], &[10.0, -2.0], &[8.0, -3.0], &[10.0, -4.0]], vec![1.0]),
            data_case(&DATA_K1, &[&[12.0, -3.0], &[10.0, -2.0], &[8.0, -3.0], &[10.0, -4.0]], vec![2.0]),
            data_case(&DATA_K1, &[&[1.0, 2.0, 3.0, 4.0], &[2.0, 0.0, 1.0, 1.0], &[0.0, 1.0, 5.0, 2.0]], vec![2.0]),
        ],
        |case| check_projection(f, case),
    );
    c.property(
        "random_data",
        "integer data with offsets, k ≥ 1 components fitted by the checker: scores of the data and of one sample \
         alone, reconstruction, and the round trip loses Σ_(i>k) σᵢ²",
        |rng| {
            let case = random_data(rng, &DATA_K1, 2, &[]);
            with_k(rng, case, &DATA_K1, 1)
        },
        |case| check_projection(f, case),
    );
    c.property(
        "known_spectrum",
        "X = 1μᵀ + U·diag(σ)·Vᵀ, σ spread over up to 10⁶: the same properties",
        |rng| {
            let case = spectrum_data(rng, &DATA_K1, 6.0);
            with_k(rng, case, &DATA_K1, 1)
        },
        |case| check_projection(f, case),
    );
    let p2 = p.clone();
    c.fixed(
        "refuses",
        "data with the wrong number of columns: Err(DimensionMismatch { expected: mean.len(), found: ncols }); scores \
         with the wrong number of columns: Err(DimensionMismatch { expected: components.nrows(), found: ncols })",
        vec![
            Fixed::new("mean (1, 1), C = [0.6 0.8], X = [4 5 6]", "", move || {
                let got = call("project", || project(&p, &matrix_of(&[&[4.0, 5.0, 6.0]])))?;
                refused("project", &got, &LinalgError::DimensionMismatch { expected: 2, found: 3 }, show_matrix)
            }),
            Fixed::new("mean (1, 1), C = [0.6 0.8], Z = [5 1]", "", move || {
                let got = call("reconstruct", || reconstruct(&p2, &matrix_of(&[&[5.0, 1.0]])))?;
                refused("reconstruct", &got, &LinalgError::DimensionMismatch { expected: 1, found: 2 }, show_matrix)
            }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- ridge_svd

/// The signature of `filter_factors`.
pub type FilterFn = fn(&[f64], f64) -> Vec<f64>;
/// The signature of `ridge_svd` (and of lesson 6's `ridge`).
pub type RidgeFn = fn(&Matrix, &[f64], f64) -> Result<Vec<f64>, LinalgError>;

/// The functions of exercise `ridge_svd`.
pub struct RidgeSvd {
    pub filter_factors: FilterFn,
    pub ridge_svd: RidgeFn,
}

fn show_filter(c: &Case) -> String {
    format!("s = {}\nλ = {}", pretty::vector(&c.rows[0]), pretty::number(c.scalar(0)))
}

fn literal_filter(c: &Case) -> String {
    format!("let s = {};\nlet lambda = {};", pretty::vector_literal(&c.rows[0]), pretty::number_literal(c.scalar(0)))
}

fn filter_valid(c: &Case) -> bool {
    c.rows.len() == 1 && c.rows[0].iter().all(|s| *s >= 0.0) && c.scalar(0) >= 0.0
}

static FILTER: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_filter,
    literal: literal_filter,
    valid: filter_valid,
};

fn check_filter(f: FilterFn, c: &Case) -> Result<(), Miss> {
    let s = &c.rows[0];
    let lambda = c.scalar(0);
    let want: Vec<f64> = s.iter().map(|x| if x * x + lambda == 0.0 { 0.0 } else { x * x / (x * x + lambda) }).collect();
    let got = call("filter_factors", || f(s, lambda))?;
    // Absolute: fᵢ ∈ [0, 1], and 1 − λ/(σ² + λ) is as good an answer as σ²/(σ² + λ).
    let bound = tol::gamma(2 * s.len() + 6) * tol::norm2(&want).max(1.0);
    vector_close("filter_factors", &got, &want, bound).map_err(|e| Miss {
        message: format!(
            "{}: fᵢ = σᵢ²/(σᵢ² + λ), with σᵢ SQUARED, and 0 where σᵢ² + λ = 0 (σᵢ = 0 with λ = 0)",
            e.message
        ),
        ..e
    })
}

fn random_filter(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 6);
    let s: Vec<f64> = (0..n).map(|_| draw::int(rng, 0, 9) * draw::pick(rng, &[1.0, 0.1, 10.0])).collect();
    let lambda = draw::pick(rng, &[0.0, 0.01, 0.5, 1.0, 2.0, 10.0, 100.0]);
    Case::new(&FILTER, vec![s], vec![lambda], 0)
}

fn show_ridge(c: &Case) -> String {
    format!("{}\nλ = {}", ls_cases::show(c), pretty::number(c.scalar(0)))
}

fn literal_ridge(c: &Case) -> String {
    format!("{}\nlet lambda = {};", ls_cases::literal(c), pretty::number_literal(c.scalar(0)))
}

/// m, n ≥ 1, finite, λ > 0 (so AᵀA + λI is positive definite).
fn ridge_valid(c: &Case) -> bool {
    let (a, b) = ls_cases::parts(c);
    a.nrows() >= 1 && a.ncols() >= 1 && tol::all_finite(a.as_slice()) && tol::all_finite(&b) && c.scalar(0) > 0.0
}

static RIDGE: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_ridge,
    literal: literal_ridge,
    valid: ridge_valid,
};

/// λ = 0 allowed (hand-picked examples only).
static RIDGE0: Spec = Spec { valid: ls_valid_any, ..RIDGE };

fn ls_valid_any(c: &Case) -> bool {
    let (a, _) = ls_cases::parts(c);
    a.nrows() >= 1 && a.ncols() >= 1
}

fn ridge_case(spec: &'static Spec, a: &Matrix, b: &[f64], lambda: f64) -> Case {
    let rows = (0..a.nrows()).map(|i| [vec![b[i]], a.row(i).to_vec()].concat()).collect();
    Case::new(spec, rows, vec![lambda], 0)
}

struct RidgeTruth {
    x: Vec<f64>,
    kappa: f64,
    norm_m: f64,
}

/// nalgebra's Cholesky solve of (AᵀA + λI)x = Aᵀb, with κ₂ and ‖·‖₂ of the
/// shifted matrix from the singular values of A.
fn ridge_truth(a: &Matrix, b: &[f64], lambda: f64) -> Option<RidgeTruth> {
    let d = to_dmatrix(a);
    let n = d.ncols();
    let m = d.transpose() * &d + DMatrix::identity(n, n) * lambda;
    let x = m.cholesky()?.solve(&(d.transpose() * dvec(b)));
    let s = subspace::singular_values(&d);
    let top = s.first().copied().unwrap_or(0.0);
    let bottom = if s.len() == n { s[n - 1] } else { 0.0 };
    Some(RidgeTruth {
        x: x.as_slice().to_vec(),
        kappa: (top * top + lambda) / (bottom * bottom + lambda),
        norm_m: top * top + lambda,
    })
}

fn check_ridge(f: RidgeFn, c: &Case) -> Result<(), Miss> {
    let (a, b) = ls_cases::parts(c);
    let lambda = c.scalar(0);
    let (m, n) = a.shape();
    let Some(t) = ridge_truth(&a, &b, lambda) else { return Ok(()) };
    let got = accepted("ridge_svd", call("ridge_svd", || f(&a, &b, lambda))?, || pretty::vector(&t.x))?;
    let scale = tol::norm2(&t.x) + frobenius(&to_dmatrix(&a)) * tol::norm2(&b) / t.norm_m;
    let bound = tol::ridge_svd(m, n, t.kappa) * scale;
    vector_close("ridge_svd", &got, &t.x, bound).map_err(|e| Miss {
        message: format!(
            "{} from the ridge solution (nalgebra's Cholesky solve of (AᵀA + λI)x = Aᵀb, κ₂ = {:.2e}): x = Σᵢ \
             σᵢ/(σᵢ² + λ)·(uᵢ·b)·vᵢ, λ added to σᵢ², not to σᵢ",
            e.message, t.kappa
        ),
        ..e
    })
}

/// Exact answers with λ = 0: a square solve, and the minimum-norm solution
/// when a singular value is exactly 0.
fn check_ridge_exact(f: RidgeFn, c: &Case, want: &[f64]) -> Result<(), Miss> {
    let (a, b) = ls_cases::parts(c);
    let lambda = c.scalar(0);
    let got = accepted("ridge_svd", call("ridge_svd", || f(&a, &b, lambda))?, || pretty::vector(want))?;
    let scale = tol::norm2(want) + tol::norm2(&b);
    vector_close("ridge_svd", &got, want, tol::gamma(64) * scale.max(1.0)).map_err(|e| Miss {
        message: format!(
            "{} (with λ = 0, a term with σᵢ = 0 is left out: the minimum-norm least-squares solution A⁺b)",
            e.message
        ),
        ..e
    })
}

/// Integer A and b, or A = U·Σ·Vᵀ with κ₂(A) up to 10⁸; λ from 10⁻⁶ to 10²
/// (relative to σ₁² for the conditioned ones); tall, square and wide.
fn random_ridge(rng: &mut TestRng) -> Case {
    loop {
        let (m, n) = (draw::size(rng, 1, 7), draw::size(rng, 1, 5));
        let case = if draw::chance(rng, 1, 2) {
            let rows = (0..m).map(|_| (0..=n).map(|_| draw::int(rng, -9, 9)).collect()).collect();
            let lambda = draw::pick(rng, &[0.25, 0.5, 1.0, 2.0, 10.0, 50.0]);
            Case::new(&RIDGE, rows, vec![lambda], 0)
        } else {
            let log_kappa = 8.0 * draw::unit(rng);
            let a = draw::with_condition(rng, m, n, log_kappa);
            let b: Vec<f64> = (0..m).map(|_| draw::int(rng, -9, 9)).collect();
            let lambda = 100.0 * draw::pick(rng, &[1.0, 1e-2, 1e-4, 1e-6, 1e-8]);
            ridge_case(&RIDGE, &ours(&a), &b, lambda)
        };
        if ridge_valid(&case) {
            return case;
        }
    }
}

/// `filter_factors` is σ²/(σ² + λ); `ridge_svd` agrees with nalgebra's
/// solve of the shifted normal equations within κ₂ times rounding, gives the
/// minimum-norm solution at λ = 0, and refuses what its SVD refuses.
pub fn ridge_svd(f: &RidgeSvd) -> ExerciseReport {
    let mut c = Checker::new("ridge_svd");
    c.probe("filter_factors", || (f.filter_factors)(&[2.0, 1.0], 1.0));
    c.probe("ridge_svd", || (f.ridge_svd)(&Matrix::identity(1), &[1.0], 1.0));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (filter, ridge) = (f.filter_factors, f.ridge_svd);
    c.examples(
        "filter_examples",
        "σ = (2, 1), λ = 1: (4/5, 1/2); λ = 0: ones; σ = 0 and λ = 0: 0; σ = 0, λ = 1: 0",
        vec![
            Case::new(&FILTER, vec![vec![2.0, 1.0]], vec![1.0], 0),
            Case::new(&FILTER, vec![vec![3.0, 0.5]], vec![0.0], 0),
            Case::new(&FILTER, vec![vec![1.0, 0.0]], vec![0.0], 0),
            Case::new(&FILTER, vec![vec![0.0, 10.0]], vec![1.0], 0),
        ],
        |case| check_filter(filter, case),
    );
    c.property("filter_random", "σ ≥ 0 and λ ≥ 0: fᵢ = σᵢ²/(σᵢ² + λ)", random_filter, |case| {
        check_filter(filter, case)
    });
    let ex = |a: &[&[f64]], b: &[f64], lambda: f64| ridge_case(&RIDGE, &matrix_of(a), b, lambda);
    c.examples(
        "ridge_examples",
        "the line through (0, 1), (1, 2), (2, 4) with λ = 1: x ≈ (0.8, 1.2667), lesson 6's answer; a wide system; \
         one column; a huge λ",
        vec![
            ex(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]], &[1.0, 2.0, 4.0], 1.0),
            ex(&[&[1.0, 2.0, 3.0]], &[6.0], 0.5),
            ex(&[&[1.0], &[2.0], &[2.0]], &[3.0, 0.0, 1.0], 2.0),
            ex(&[&[1.0, 1.0], &[1.0, 1.0]], &[2.0, 2.0], 1.0),
            ex(&[&[3.0, 1.0], &[4.0, 2.0]], &[1.0, 1.0], 1e6),
        ],
        |case| check_ridge(ridge, case),
    );
    let ex0 = |a: &[&[f64]], b: &[f64]| ridge_case(&RIDGE0, &matrix_of(a), b, 0.0);
    let exact: Vec<(Case, Vec<f64>)> = vec![
        (ex0(&[&[2.0, 1.0], &[1.0, 3.0]], &[3.0, 5.0]), vec![0.8, 1.4]),
        (ex0(&[&[1.0, 1.0], &[1.0, 1.0]], &[2.0, 2.0]), vec![1.0, 1.0]),
        (ex0(&[&[1.0, 0.0], &[0.0, 0.0]], &[3.0, 4.0]), vec![3.0, 0.0]),
        (ex0(&[&[0.0, 0.0], &[0.0, 0.0]], &[1.0, 2.0]), vec![0.0, 0.0]),
    ];
    c.fixed(
        "lambda_zero",
        "λ = 0: a square system (x = (0.8, 1.4)); dependent columns (1, 1), (1, 1) and b = (2, 2): the minimum-norm \
         x = (1, 1); a zero column; the zero matrix (x = 0): no division by σ = 0",
        exact
            .into_iter()
            .map(|(case, want)| Fixed::new(case.show(), case.literal(), move || check_ridge_exact(ridge, &case, &want)))
            .collect(),
    );
    c.property(
        "matches_nalgebra",
        "integer problems and A = U·Σ·Vᵀ with κ₂(A) up to 10⁸, any shape, λ from 10⁻⁶σ₁² to 100: x within κ₂(AᵀA + \
         λI) times rounding of the solution of (AᵀA + λI)x = Aᵀb",
        random_ridge,
        |case| check_ridge(ridge, case),
    );
    let refuses = |a: Matrix, b: Vec<f64>, want: LinalgError| {
        let show = format!("{}\nb = {}\nλ = 1", pretty::named_matrices(&[("A", &a)]), pretty::vector(&b));
        Fixed::new(show, "", move || {
            let got = call("ridge_svd", || ridge(&a, &b, 1.0))?;
            refused("ridge_svd", &got, &want, show_vec)
        })
    };
    c.fixed(
        "refuses",
        "b of the wrong length: Err(DimensionMismatch { expected: rows, found: b.len() }); no rows or no columns: \
         your jacobi_svd's Err(Empty)",
        vec![
            refuses(
                matrix_of(&[&[1.0, 0.0], &[0.0, 1.0]]),
                vec![1.0],
                LinalgError::DimensionMismatch { expected: 2, found: 1 },
            ),
            refuses(Matrix::zeros(2, 0), vec![1.0, 2.0], LinalgError::Empty),
            refuses(Matrix::zeros(0, 2), vec![], LinalgError::Empty),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- softmax_cross_entropy

/// The signature of `softmax`.
pub type SoftmaxFn = fn(&Matrix) -> Matrix;
/// The signature of `cross_entropy`.
pub type LossFn = fn(&Matrix, &[usize]) -> Result<f64, LinalgError>;

/// The functions of exercise `softmax_cross_entropy`.
pub struct SoftmaxCrossEntropy {
    pub softmax: SoftmaxFn,
    pub cross_entropy: LossFn,
}

/// Rows `[y_i, z_i0, …]`: the label first, then the logits.
fn logit_parts(c: &Case) -> (Matrix, Vec<usize>) {
    let rows = c.inputs();
    let k = rows.first().map_or(0, |r| r.len() - 1);
    let z = Matrix::from_fn(rows.len(), k, |i, j| rows[i][j + 1]);
    (z, c.rows.iter().map(|r| r[0] as usize).collect())
}

fn show_logits(c: &Case) -> String {
    let (z, y) = logit_parts(c);
    format!("{}\nlabels = {:?}{}", pretty::named_matrices(&[("Z", &z)]), y, c.scale_note())
}

fn literal_logits(c: &Case) -> String {
    let (z, y) = logit_parts(c);
    format!("{}\nlet labels = {:?};", pretty::matrix_literal("logits", &z), y)
}

fn labels_valid(c: &Case) -> bool {
    let k = c.rows.first().map_or(0, |r| r.len().saturating_sub(1));
    !c.rows.is_empty() && k >= 1 && c.rows.iter().all(|r| r[0] >= 0.0 && r[0].fract() == 0.0 && (r[0] as usize) < k)
}

/// Labels are stored unscaled: only the logits carry the 2^e.
fn build_logits(c: &Case) -> Vec<Vec<f64>> {
    c.rows
        .iter()
        .map(|r| std::iter::once(r[0]).chain(r[1..].iter().map(|&t| tol::scale2(t, c.exp))).collect())
        .collect()
}

static LOGITS: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[],
    build: build_logits,
    show: show_logits,
    literal: literal_logits,
    valid: labels_valid,
};

fn logit_case(z: &[&[f64]], y: &[usize]) -> Case {
    let rows = z.iter().zip(y).map(|(r, &l)| std::iter::once(l as f64).chain(r.iter().copied()).collect()).collect();
    Case::new(&LOGITS, rows, vec![], 0)
}

/// Logits: small integers, or integers times 100..1000 (where e^z overflows);
/// n ∈ 1..=6, k ∈ 1..=5.
fn random_logits(rng: &mut TestRng, huge: bool) -> Case {
    let n = draw::size(rng, 1, 6);
    let k = draw::size(rng, 1, 5);
    let scale = if huge { draw::pick(rng, &[100.0, 300.0, 1000.0]) } else { 1.0 };
    let offset = if huge { draw::pick(rng, &[0.0, 1000.0, -1000.0]) } else { 0.0 };
    let rows = (0..n)
        .map(|_| {
            let y = draw::size(rng, 0, k - 1) as f64;
            std::iter::once(y).chain((0..k).map(|_| offset + scale * draw::entry(rng))).collect()
        })
        .collect();
    Case::new(&LOGITS, rows, vec![], 0)
}

/// The checker's log-sum-exp of a row.
fn lse(row: &[f64]) -> f64 {
    let m = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    m + row.iter().map(|z| (z - m).exp()).sum::<f64>().ln()
}

fn reference_softmax(z: &Matrix) -> DMatrix<f64> {
    DMatrix::from_fn(z.nrows(), z.ncols(), |i, j| {
        let row = z.row(i);
        (row[j] - lse(row)).exp()
    })
}

/// The mean loss, and the per-row rounding scale max|z_i| + 1 averaged.
fn reference_loss(z: &Matrix, y: &[usize]) -> (f64, f64) {
    let n = z.nrows() as f64;
    let loss = (0..z.nrows()).map(|i| lse(z.row(i)) - z.row(i)[y[i]]).sum::<f64>() / n;
    let size = (0..z.nrows()).map(|i| z.row(i).iter().fold(1.0_f64, |m, t| m.max(t.abs()))).sum::<f64>() / n;
    (loss, size)
}

fn check_softmax(f: SoftmaxFn, c: &Case) -> Result<(), Miss> {
    let (z, _) = logit_parts(c);
    let (n, k) = z.shape();
    let want = reference_softmax(&z);
    let expected = || ours(&want).to_string();
    let got = call("softmax", || f(&z))?;
    if let Some(m) = shape_miss("softmax", "probabilities", got.shape(), (n, k)) {
        return Err(m.output(got.to_string()).expected(expected()));
    }
    if !tol::all_finite(got.as_slice()) {
        return Err(Miss::new(
            "`softmax` returned NaN or infinity: e^z overflows for z > 709. Subtract the row's largest logit before \
             exponentiating (it cancels in the quotient)",
        )
        .output(got.to_string())
        .expected(expected()));
    }
    let eta = tol::softmax(k);
    let big: Vec<f64> = (0..n).map(|i| z.row(i).iter().fold(1.0_f64, |m, t| m.max(t.abs()))).collect();
    let bound = |i: usize, j: usize| eta * big[i] * want[(i, j)] + f64::MIN_POSITIVE;
    if let Some((i, j, err, b)) = worst(&got, &want, bound) {
        return Err(Miss::new(format!(
            "probability ({i}, {j}) is not e^(z_ij) / Σ_c e^(z_ic): softmax acts on each ROW (one sample, one logit \
             per class), and its rows add up to 1"
        ))
        .output(got.to_string())
        .expected(expected())
        .bound(format!("|yours − p_ij| = {err:.2e}, allowed ≤ {b:.2e} (relative, ∝ max|z|·rounding)")));
    }
    Ok(())
}

fn check_loss(f: LossFn, c: &Case) -> Result<(), Miss> {
    let (z, y) = logit_parts(c);
    let k = z.ncols();
    let (want, size) = reference_loss(&z, &y);
    let got = accepted("cross_entropy", call("cross_entropy", || f(&z, &y))?, || pretty::number(want))?;
    let bound = tol::softmax(k) * size;
    let err = (got - want).abs();
    if tol::misses(err, bound) || !got.is_finite() {
        let n = z.nrows() as f64;
        let why = if !got.is_finite() {
            " (ln of a probability that underflowed to 0, or e^z that overflowed: use lse(z) = m + ln Σ e^(z − m), m \
             the row's largest logit)"
        } else if (got - n * want).abs() <= bound * n {
            " (that is the sum over the rows: the loss is their MEAN)"
        } else {
            ""
        };
        return Err(Miss::new(format!("`cross_entropy` is not the mean of lse(zᵢ) − z_(i, yᵢ){why}"))
            .output(pretty::number(got))
            .expected(pretty::number(want))
            .bound(format!("|yours − loss| = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

/// `softmax` is the row-wise softmax and `cross_entropy` the mean loss, both
/// finite and accurate for logits of size 10³.
pub fn softmax_cross_entropy(f: &SoftmaxCrossEntropy) -> ExerciseReport {
    let mut c = Checker::new("softmax_cross_entropy");
    let z = matrix_of(&[&[0.0, 0.0]]);
    c.probe("softmax", || (f.softmax)(&z));
    c.probe("cross_entropy", || (f.cross_entropy)(&z, &[0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (softmax, loss) = (f.softmax, f.cross_entropy);
    let examples = || {
        vec![
            logit_case(&[&[0.0, 0.0]], &[0]),
            logit_case(&[&[1000.0, 1000.0 + 3f64.ln()]], &[1]),
            logit_case(&[&[1000.0, 0.0], &[0.0, 1000.0]], &[0, 0]),
            logit_case(&[&[-1000.0, -1001.0, -1002.0]], &[2]),
            logit_case(&[&[5.0]], &[0]),
            logit_case(&[&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]], &[2, 2]),
        ]
    };
    c.examples(
        "softmax_examples",
        "(0, 0) → (1/2, 1/2); (1000, 1000 + ln 3) → (1/4, 3/4); logits of ±1000; one class; two rows",
        examples(),
        |case| check_softmax(softmax, case),
    );
    c.property(
        "softmax_random",
        "small logits: each row is e^z / Σ e^z",
        |rng| random_logits(rng, false),
        |case| check_softmax(softmax, case),
    );
    c.property(
        "softmax_huge_logits",
        "logits up to ±10⁴: finite, no NaN (the unshifted e^z overflows), and accurate",
        |rng| random_logits(rng, true),
        |case| check_softmax(softmax, case),
    );
    c.examples(
        "loss_examples",
        "(0, 0) with label 0: ln 2; the rows (1000, 0), (0, 1000) with labels (0, 0): 500; logits of −1000; one class \
         (loss 0)",
        examples(),
        |case| check_loss(loss, case),
    );
    c.property(
        "loss_random",
        "small logits: the mean over rows of lse(zᵢ) − z_(i, yᵢ)",
        |rng| random_logits(rng, false),
        |case| check_loss(loss, case),
    );
    c.property(
        "loss_huge_logits",
        "logits up to ±10⁴: the loss is finite and accurate (ln of an underflowed probability is −∞)",
        |rng| random_logits(rng, true),
        |case| check_loss(loss, case),
    );
    let refuses = |z: Matrix, y: Vec<usize>, want: LinalgError| {
        let show = format!("{}\nlabels = {y:?}", pretty::named_matrices(&[("Z", &z)]));
        Fixed::new(show, "", move || {
            let got = call("cross_entropy", || loss(&z, &y))?;
            refused("cross_entropy", &got, &want, |v| pretty::number(*v))
        })
    };
    c.fixed(
        "loss_refuses",
        "labels of the wrong length: Err(DimensionMismatch { expected: rows, found: labels.len() }); no rows: \
         Err(Empty); a label ≥ k: Err(DimensionMismatch { expected: k, found: label })",
        vec![
            refuses(matrix_of(&[&[1.0, 2.0]]), vec![0, 1], LinalgError::DimensionMismatch { expected: 1, found: 2 }),
            refuses(Matrix::zeros(0, 2), vec![], LinalgError::Empty),
            refuses(
                matrix_of(&[&[1.0, 2.0], &[0.0, 0.0]]),
                vec![1, 2],
                LinalgError::DimensionMismatch { expected: 2, found: 2 },
            ),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- linear_layer

/// The signature of `forward`.
pub type ForwardFn = fn(&Layer, &Matrix) -> Result<Matrix, LinalgError>;
/// The signature of `gradients`.
pub type GradientsFn = fn(&Layer, &Matrix, &[usize]) -> Result<Layer, LinalgError>;
/// The signature of `gradient_step`.
pub type StepFn = fn(&Layer, &Layer, f64) -> Layer;
/// The signature of `train`.
pub type TrainFn = fn(&Layer, &Matrix, &[usize], f64, usize) -> Result<(Layer, Vec<f64>), LinalgError>;

/// The functions of exercise `linear_layer`.
pub struct LinearLayer {
    pub forward: ForwardFn,
    pub gradients: GradientsFn,
    pub gradient_step: StepFn,
    pub train: TrainFn,
}

/// The first k rows are `[b_c, w_c…]`, the others `[y_i, x_i…]`; k = scalar 0.
fn layer_parts(c: &Case) -> (Layer, Matrix, Vec<usize>) {
    let rows = c.inputs();
    let k = c.scalar(0) as usize;
    let d = rows[0].len() - 1;
    let weights = Matrix::from_fn(k, d, |i, j| rows[i][j + 1]);
    let bias = rows[..k].iter().map(|r| r[0]).collect();
    let x = Matrix::from_fn(rows.len() - k, d, |i, j| rows[k + i][j + 1]);
    let y = c.rows[k..].iter().map(|r| r[0] as usize).collect();
    (Layer { weights, bias }, x, y)
}

fn show_layer(l: &Layer) -> String {
    format!("W =\n{}\nb = {}", l.weights, pretty::vector(&l.bias))
}

fn show_layer_case(c: &Case) -> String {
    let (l, x, y) = layer_parts(c);
    format!("{}\n{}\nlabels = {y:?}", show_layer(&l), pretty::named_matrices(&[("X", &x)]))
}

fn literal_layer_case(c: &Case) -> String {
    let (l, x, y) = layer_parts(c);
    format!(
        "let layer = Layer {{ weights: {:?}, bias: vec!{} }};\n{}\nlet labels = {y:?};",
        l.weights,
        pretty::vector_literal(&l.bias),
        pretty::matrix_literal("x", &x)
    )
}

fn layer_valid(c: &Case) -> bool {
    let k = c.scalar(0);
    if k < 1.0 || k.fract() != 0.0 || c.rows.len() <= k as usize || c.rows[0].len() < 2 {
        return false;
    }
    c.rows[k as usize..].iter().all(|r| r[0] >= 0.0 && r[0].fract() == 0.0 && r[0] < k)
}

/// Only the entries after the first column carry the 2^e (weights and inputs).
fn build_layer(c: &Case) -> Vec<Vec<f64>> {
    c.rows
        .iter()
        .map(|r| std::iter::once(r[0]).chain(r[1..].iter().map(|&t| tol::scale2(t, c.exp))).collect())
        .collect()
}

static LAYER: Spec = Spec {
    min_rows: 2,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[1.0],
    build: build_layer,
    show: show_layer_case,
    literal: literal_layer_case,
    valid: layer_valid,
};

fn layer_case(w: &[&[f64]], b: &[f64], x: &[&[f64]], y: &[usize]) -> Case {
    let mut rows: Vec<Vec<f64>> =
        w.iter().zip(b).map(|(r, &bc)| std::iter::once(bc).chain(r.iter().copied()).collect()).collect();
    rows.extend(x.iter().zip(y).map(|(r, &l)| std::iter::once(l as f64).chain(r.iter().copied()).collect()));
    Case::new(&LAYER, rows, vec![w.len() as f64], 0)
}

/// k ∈ 1..=4 classes, d ∈ 1..=4 inputs, n ∈ 1..=6 samples; weights and bias
/// small (tenths), inputs from [`entry`]. With `separable`, the labels are
/// the argmax of a random linear map of the inputs.
fn random_layer(rng: &mut TestRng, separable: bool) -> Case {
    let k = draw::size(rng, if separable { 2 } else { 1 }, 4);
    let d = draw::size(rng, 1, 4);
    let n = draw::size(rng, if separable { 4 } else { 1 }, 6);
    let mut rows: Vec<Vec<f64>> = (0..k).map(|_| (0..=d).map(|_| draw::int(rng, -5, 5) / 10.0).collect()).collect();
    if separable {
        rows.iter_mut().flatten().for_each(|t| *t = 0.0);
    }
    let truth: Vec<Vec<f64>> = (0..k).map(|_| (0..d).map(|_| draw::int(rng, -3, 3)).collect()).collect();
    for _ in 0..n {
        let x: Vec<f64> = (0..d).map(|_| draw::entry(rng)).collect();
        let y = if separable {
            let scores: Vec<f64> = truth.iter().map(|t| t.iter().zip(&x).map(|(a, b)| a * b).sum()).collect();
            (0..k).max_by(|&i, &j| scores[i].total_cmp(&scores[j])).unwrap_or(0)
        } else {
            draw::size(rng, 0, k - 1)
        };
        rows.push(std::iter::once(y as f64).chain(x).collect());
    }
    Case::new(&LAYER, rows, vec![k as f64], 0)
}

/// Logits Z = XWᵀ + 1bᵀ by the checker, and |X||W|ᵀ + |b| for the rounding bound.
fn reference_logits(l: &Layer, x: &Matrix) -> (DMatrix<f64>, DMatrix<f64>) {
    // Plain loops: this runs for every finite difference, and nalgebra's
    // generic code is slow in a debug build.
    let (n, d, k) = (x.nrows(), x.ncols(), l.bias.len());
    let mut z = DMatrix::zeros(n, k);
    let mut size = DMatrix::zeros(n, k);
    for i in 0..n {
        let xi = x.row(i);
        for c in 0..k {
            let w = l.weights.row(c);
            let (mut s, mut a) = (0.0, 0.0);
            for t in 0..d {
                s += xi[t] * w[t];
                a += (xi[t] * w[t]).abs();
            }
            z[(i, c)] = s + l.bias[c];
            size[(i, c)] = a + l.bias[c].abs();
        }
    }
    (z, size)
}

fn loss_of(l: &Layer, x: &Matrix, y: &[usize]) -> f64 {
    reference_loss(&ours(&reference_logits(l, x).0), y).0
}

/// The checker's gradient: G = (P − Y)/n, GᵀX and the column sums of G.
fn reference_gradient(l: &Layer, x: &Matrix, y: &[usize]) -> Layer {
    let z = ours(&reference_logits(l, x).0);
    let mut g = reference_softmax(&z);
    let n = x.nrows() as f64;
    for (i, &yi) in y.iter().enumerate() {
        g[(i, yi)] -= 1.0;
    }
    g /= n;
    let w = g.transpose() * to_dmatrix(x);
    Layer { weights: ours(&w), bias: (0..g.ncols()).map(|c| g.column(c).sum()).collect() }
}

fn check_forward(f: ForwardFn, c: &Case) -> Result<(), Miss> {
    let (l, x, _) = layer_parts(c);
    let (want, size) = reference_logits(&l, &x);
    let expected = || format!("XWᵀ + 1bᵀ =\n{}", ours(&want));
    let got = accepted("forward", call("forward", || f(&l, &x))?, expected)?;
    if let Some(m) = shape_miss("forward", "logits", got.shape(), want.shape()) {
        return Err(Miss { message: format!("{} (one row per sample, one column per output)", m.message), ..m }
            .output(got.to_string())
            .expected(expected()));
    }
    let eta = tol::gamma(l.weights.ncols() + 2);
    if let Some((i, j, err, b)) = worst(&got, &want, |i, j| eta * size[(i, j)]) {
        return Err(Miss::new(format!("logit ({i}, {j}) is not w_{j}·x_{i} + b_{j}"))
            .output(got.to_string())
            .expected(expected())
            .bound(format!("|yours − z_ij| = {err:.2e}, allowed ≤ {b:.2e}")));
    }
    Ok(())
}

/// One parameter's central difference: class `class`, input column `column`
/// (`column == d` for the bias), the quotient `fd`, its step `h`, and the bound
/// on |∂L/∂θ − fd| (with C).
struct Slope {
    class: usize,
    column: usize,
    fd: f64,
    h: f64,
    bound: f64,
}

/// Central differences (L(θ + h) − L(θ − h))/2h of the checker's loss for every
/// weight and bias, each with the step and bound explained at `check_gradients`.
fn difference_quotients(l: &Layer, x: &Matrix, y: &[usize]) -> Vec<Slope> {
    let (k, d) = l.weights.shape();
    let (_, size) = reference_loss(&ours(&reference_logits(l, x).0), y);
    let delta = tol::finite_difference_noise(d, k) * (size + 1.0);
    let xmax = x.as_slice().iter().fold(0.0_f64, |m, t| m.max(t.abs()));
    let mut slopes = Vec::with_capacity(k * (d + 1));
    // Parameters: (c, j) for weights, (c, d) for the bias.
    for class in 0..k {
        for column in 0..=d {
            let scale = if column < d { xmax.max(f64::MIN_POSITIVE) } else { 1.0 };
            let curvature = scale * scale * scale;
            let h = (delta / curvature).cbrt();
            let shifted = |t: f64| {
                let mut m = l.clone();
                if column < d {
                    m.weights[(class, column)] += t;
                } else {
                    m.bias[class] += t;
                }
                loss_of(&m, x, y)
            };
            let fd = (shifted(h) - shifted(-h)) / (2.0 * h);
            let bound = tol::C * (h * h * curvature / 60.0 + 2.0 * delta / h);
            slopes.push(Slope { class, column, fd, h, bound });
        }
    }
    slopes
}

/// The gradient against central differences of the checker's loss. Per
/// parameter θ with the inputs' size X = max|x| (1 for a bias), the
/// difference quotient errs by at most h²·X³·L‴/6 (truncation, |∂³L/∂z³| ≤
/// 1/(6√3) < 0.1 per logit) plus 2δ/h (rounding, δ the error of one loss);
/// h = (δ/X³)^(1/3) balances them.
fn check_gradients(f: GradientsFn, c: &Case) -> Result<(), Miss> {
    let (l, x, y) = layer_parts(c);
    let (k, d) = l.weights.shape();
    let want = reference_gradient(&l, &x, &y);
    let expected = || show_layer(&want);
    let got = accepted("gradients", call("gradients", || f(&l, &x, &y))?, expected)?;
    if got.weights.shape() != (k, d) || got.bias.len() != k {
        return Err(Miss::new(format!(
            "the gradient has the shapes of the layer: weights {k}×{d} (GᵀX, not XᵀG) and bias of length {k}"
        ))
        .output(show_layer(&got))
        .expected(expected()));
    }
    if !tol::all_finite(got.weights.as_slice()) || !tol::all_finite(&got.bias) {
        return Err(Miss::new("`gradients` returned NaN or infinity").output(show_layer(&got)).expected(expected()));
    }
    for Slope { class: cc, column: j, fd, h, bound } in difference_quotients(&l, &x, &y) {
        let mine = if j < d { got.weights[(cc, j)] } else { got.bias[cc] };
        let err = (mine - fd).abs();
        if tol::misses(err, bound) {
            let what = if j < d { format!("∂L/∂W_({cc}, {j})") } else { format!("∂L/∂b_{cc}") };
            let n = x.nrows() as f64;
            let why = if (mine - n * fd).abs() <= bound * n {
                " (n times too large: the loss is a MEAN, so G = (P − Y)/n)"
            } else if (mine + fd).abs() <= bound {
                " (the sign is flipped: G = P − Y, predictions minus targets)"
            } else {
                ""
            };
            return Err(Miss::new(format!(
                "{what} is not the slope of the loss{why}: central differences (L(θ + h) − L(θ − h))/2h with h = \
                 {h:.1e} give {}",
                pretty::number(fd)
            ))
            .output(show_layer(&got))
            .expected(expected())
            .bound(format!(
                "|yours − difference quotient| = {err:.2e}, allowed ≤ {bound:.2e} (h²·curvature + rounding/h)"
            )));
        }
    }
    Ok(())
}

fn check_step(f: StepFn, c: &Case) -> Result<(), Miss> {
    let (l, x, y) = layer_parts(c);
    let g = reference_gradient(&l, &x, &y);
    let eta = 0.5;
    let want = Layer {
        weights: Matrix::from_fn(l.weights.nrows(), l.weights.ncols(), |i, j| {
            l.weights[(i, j)] - eta * g.weights[(i, j)]
        }),
        bias: l.bias.iter().zip(&g.bias).map(|(b, gb)| b - eta * gb).collect(),
    };
    let got = call("gradient_step", || f(&l, &g, eta))?;
    // One product and one subtraction per entry.
    let close =
        |a: f64, p: f64, q: f64| !tol::misses((a - (p - eta * q)).abs(), tol::gamma(3) * (p.abs() + eta * q.abs()));
    let bad = got.weights.shape() != want.weights.shape()
        || got.bias.len() != want.bias.len()
        || (0..want.weights.nrows()).any(|i| {
            (0..want.weights.ncols()).any(|j| !close(got.weights[(i, j)], l.weights[(i, j)], g.weights[(i, j)]))
        })
        || (0..want.bias.len()).any(|c| !close(got.bias[c], l.bias[c], g.bias[c]));
    if bad {
        return Err(Miss::new("`gradient_step` is not W − η·∇W, b − η·∇b (step AGAINST the gradient, scaled by η)")
            .output(show_layer(&got))
            .expected(format!("with η = 0.5 and the gradient\n{}\n→\n{}", show_layer(&g), show_layer(&want))));
    }
    Ok(())
}

/// Steps and learning rate of the training checks: η = 1/max(‖xᵢ‖² + 1)
/// makes each step lower the loss (the Hessian is at most
/// max(‖xᵢ‖² + 1) in norm, Böhning's bound ½(I − 11ᵀ/k)).
const STEPS: usize = 30;

/// Steps of the replayed training: enough for every loss of the history to
/// be checked, few enough to keep the check fast.
const REPLAY_STEPS: usize = 10;

fn learning_rate(x: &Matrix) -> f64 {
    let big = x.rows().map(|r| r.iter().map(|t| t * t).sum::<f64>() + 1.0).fold(1.0_f64, f64::max);
    1.0 / big
}

fn check_train(f: TrainFn, c: &Case) -> Result<(), Miss> {
    let (l, x, y) = layer_parts(c);
    let eta = learning_rate(&x);
    // The checker's replay.
    let mut replay = l.clone();
    let mut want = vec![loss_of(&replay, &x, &y)];
    for _ in 0..REPLAY_STEPS {
        let g = reference_gradient(&replay, &x, &y);
        replay = Layer {
            weights: Matrix::from_fn(replay.weights.nrows(), replay.weights.ncols(), |i, j| {
                replay.weights[(i, j)] - eta * g.weights[(i, j)]
            }),
            bias: replay.bias.iter().zip(&g.bias).map(|(b, gb)| b - eta * gb).collect(),
        };
        want.push(loss_of(&replay, &x, &y));
    }
    let expected = || format!("losses {}\nfinal layer\n{}", pretty::vector(&want), show_layer(&replay));
    let (trained, history) = accepted("train", call("train", || f(&l, &x, &y, eta, REPLAY_STEPS))?, expected)?;
    let out = || format!("losses {}\nfinal layer\n{}", pretty::vector(&history), show_layer(&trained));
    let note = format!(" (η = {}, {REPLAY_STEPS} steps)", pretty::number(eta));
    if history.len() != REPLAY_STEPS + 1 {
        return Err(Miss::new(format!(
            "the history has {} losses, but {REPLAY_STEPS} steps give {}: the loss before the first step and after each step{note}",
            history.len(),
            REPLAY_STEPS + 1
        ))
        .output(out())
        .expected(expected()));
    }
    let scale = want[0].abs() + 1.0;
    let bound = tol::training(REPLAY_STEPS) * scale;
    for t in 0..=REPLAY_STEPS {
        let err = (history[t] - want[t]).abs();
        if tol::misses(err, bound) {
            return Err(Miss::new(format!(
                "loss {t} of the history is not the loss after {t} gradient-descent steps{note}"
            ))
            .output(out())
            .expected(expected())
            .bound(format!("|yours − replay| = {err:.2e}, allowed ≤ {bound:.2e}")));
        }
    }
    let far =
        |a: &[f64], b: &[f64]| a.len() != b.len() || a.iter().zip(b).any(|(p, q)| tol::misses((p - q).abs(), bound));
    if trained.weights.shape() != replay.weights.shape()
        || far(trained.weights.as_slice(), replay.weights.as_slice())
        || far(&trained.bias, &replay.bias)
    {
        return Err(Miss::new(format!("the trained layer is not the layer after {REPLAY_STEPS} steps{note}"))
            .output(out())
            .expected(expected()));
    }
    Ok(())
}

/// On separable data, training lowers the loss, step after step.
fn check_training_lowers_loss(f: TrainFn, c: &Case) -> Result<(), Miss> {
    let (l, x, y) = layer_parts(c);
    let eta = learning_rate(&x);
    let (_, history) = accepted("train", call("train", || f(&l, &x, &y, eta, STEPS))?, String::new)?;
    let slack = tol::training(STEPS) * (history.first().map_or(0.0, |h| h.abs()) + 1.0);
    let rising = history.windows(2).position(|w| tol::misses(w[1] - w[0], slack));
    let first = history.first().copied().unwrap_or(f64::NAN);
    let last = history.last().copied().unwrap_or(f64::NAN);
    if rising.is_some() || last.is_nan() || last >= 0.95 * first {
        return Err(Miss::new(format!(
            "training with η = {} for {STEPS} steps must lower the loss at every step and by at least 5% overall on \
             separable data{}",
            pretty::number(eta),
            rising.map_or(String::new(), |t| format!(" (it rose at step {})", t + 1))
        ))
        .output(format!("losses {}", pretty::vector(&history))));
    }
    Ok(())
}

/// `forward` is XWᵀ + 1bᵀ, `gradients` matches central finite differences of
/// the loss, `gradient_step` steps against it, and `train` is the replayed
/// gradient descent, lowering the loss on separable data.
pub fn linear_layer(f: &LinearLayer) -> ExerciseReport {
    let mut c = Checker::new("linear_layer");
    let l = Layer { weights: matrix_of(&[&[1.0, 0.0], &[1.0, -1.0]]), bias: vec![0.0, 2.0] };
    let x = matrix_of(&[&[3.0, 1.0]]);
    c.probe("forward", || (f.forward)(&l, &x));
    c.probe("gradients", || (f.gradients)(&l, &x, &[0]));
    c.probe("gradient_step", || (f.gradient_step)(&l, &l, 0.5));
    c.probe("train", || (f.train)(&l, &x, &[0], 0.1, 1));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let examples = || {
        vec![
            layer_case(&[&[1.0, 0.0], &[1.0, -1.0]], &[0.0, 2.0], &[&[3.0, 1.0]], &[0]),
            layer_case(&[&[0.0], &[0.0]], &[0.0, 0.0], &[&[2.0]], &[0]),
            layer_case(&[&[0.5, -0.5, 0.0]], &[0.1], &[&[1.0, 2.0, 3.0], &[0.0, 1.0, -1.0]], &[0, 0]),
            layer_case(
                &[&[0.1, 0.2], &[-0.3, 0.0], &[0.0, 0.4]],
                &[0.0, 0.1, -0.1],
                &[&[1.0, 2.0], &[-1.0, 0.5], &[3.0, -2.0], &[0.0, 1.0]],
                &[0, 2, 1, 1],
            ),
        ]
    };
    let (forward, gradients, step, train) = (f.forward, f.gradients, f.gradient_step, f.train);
    c.examples(
        "forward_examples",
        "W with rows (1, 0), (1, −1), b = (0, 2), x = (3, 1): logits (3, 4); one output; several samples",
        examples(),
        |case| check_forward(forward, case),
    );
    c.property(
        "forward_random",
        "Z = XWᵀ + 1bᵀ up to the rounding of d products per entry, also × 2^±40",
        |rng| {
            let case = random_layer(rng, false);
            Case { exp: draw::exponent(rng, &[-40, 40]), ..case }
        },
        |case| check_forward(forward, case),
    );
    c.examples(
        "gradient_examples",
        "W = 0, b = 0, x = (2) of class 0: ∇W = (−1, 1)ᵀ, ∇b = (−1/2, 1/2); the others against finite differences",
        examples(),
        |case| check_gradients(gradients, case),
    );
    c.property(
        "gradient_matches_finite_differences",
        "every ∂L/∂W_cj and ∂L/∂b_c within the error of a central difference (h²·curvature + rounding/h) of the mean \
         cross-entropy",
        |rng| random_layer(rng, false),
        |case| check_gradients(gradients, case),
    );
    c.property(
        "gradient_step",
        "W − η∇W and b − η∇b with η = 0.5",
        |rng| random_layer(rng, false),
        |case| check_step(step, case),
    );
    c.property(
        "train_replays_gradient_descent",
        "10 steps with η = 1/max(‖xᵢ‖² + 1): the history has 11 losses, each the loss after t steps, and the final \
         layer is the replay's",
        |rng| random_layer(rng, false),
        |case| check_train(train, case),
    );
    c.property(
        "training_lowers_the_loss",
        "separable data (labels from a linear rule), zero initial layer: the loss falls at every step and by 5% or \
         more in 30 steps",
        |rng| random_layer(rng, true),
        |case| check_training_lowers_loss(train, case),
    );
    let l2 = l.clone();
    c.fixed(
        "refuses",
        "samples of the wrong length: Err(DimensionMismatch { expected: d, found: x.ncols() }); labels of the wrong \
         length: Err(DimensionMismatch { expected: n, found: labels.len() }); a label ≥ k: Err(DimensionMismatch { \
         expected: k, found: label })",
        vec![
            Fixed::new("W 2×2, x = [1 2 3]", "", move || {
                let got = call("forward", || forward(&l, &matrix_of(&[&[1.0, 2.0, 3.0]])))?;
                refused("forward", &got, &LinalgError::DimensionMismatch { expected: 2, found: 3 }, show_matrix)
            }),
            Fixed::new("W 2×2, x = [3 1], labels = [0, 1]", "", {
                let l = l2.clone();
                move || {
                    let got = call("gradients", || gradients(&l, &matrix_of(&[&[3.0, 1.0]]), &[0, 1]))?;
                    refused("gradients", &got, &LinalgError::DimensionMismatch { expected: 1, found: 2 }, show_layer)
                }
            }),
            Fixed::new("W 2×2, x = [3 1], labels = [2]", "", move || {
                let got = call("gradients", || gradients(&l2, &matrix_of(&[&[3.0, 1.0]]), &[2]))?;
                refused("gradients", &got, &LinalgError::DimensionMismatch { expected: 2, found: 2 }, show_layer)
            }),
        ],
    );
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::RngAlgorithm;
    use solutions::l12 as sol;

    fn rng() -> TestRng {
        TestRng::from_seed(RngAlgorithm::ChaCha, &[12; 32])
    }

    /// The largest error/bound ratios of the reference solutions, without the
    /// safety factor C: the numbers quoted in `tol.rs`.
    /// `cargo test -p eigenlings-checks l12::tests::calibrate --release -- --ignored --nocapture`
    #[test]
    #[ignore = "prints the calibration of the lesson-12 tolerances; slow in debug builds"]
    fn calibrate() {
        let mut rng = rng();
        let cases: usize = std::env::var("L12_CASES").ok().and_then(|s| s.parse().ok()).unwrap_or(20_000);
        let mut worst = [0.0_f64; 10];
        let mut note = |k: usize, err: f64, bound: f64| {
            if err > 0.0 && bound > 0.0 {
                worst[k] = worst[k].max(err / (bound / tol::C));
            }
        };
        for _ in 0..cases {
            // Centering and covariance.
            let case = random_data(&mut rng, &DATA2, 2, &[-40, 40]);
            let a = rows_matrix(&case.inputs());
            let x = to_dmatrix(&a);
            let n = a.nrows();
            let (xc, mean) = sol::center::center(&a).unwrap();
            let want = means(&x);
            let big = column_max(&x);
            let cw = centred(&x);
            for j in 0..a.ncols() {
                note(0, (mean[j] - want[j]).abs(), tol::mean(n) * big[j]);
                for i in 0..n {
                    note(0, (xc[(i, j)] - cw[(i, j)]).abs(), 2.0 * tol::mean(n) * big[j]);
                }
            }
            let (z, _, s) = sol::center::standardize(&a).unwrap();
            let ws = stds(&x);
            for j in 0..a.ncols() {
                if ws[j] > 0.0 {
                    note(1, (s[j] - ws[j]).abs(), tol::standardized(n) * (ws[j] + big[j]));
                    for i in 0..n {
                        let zw = cw[(i, j)] / ws[j];
                        note(1, (z[(i, j)] - zw).abs(), tol::standardized(n) * (zw.abs() + big[j] / ws[j]));
                    }
                }
            }
            let cov = sol::covariance::covariance(&a).unwrap();
            let rc = reference_covariance(&x);
            for j in 0..a.ncols() {
                for k in 0..a.ncols() {
                    note(2, (cov[(j, k)] - rc[(j, k)]).abs(), covariance_bound(&cw, &big, tol::covariance(n), j, k));
                }
            }
            // PCA.
            let case = if draw::chance(&mut rng, 1, 2) {
                random_data(&mut rng, &DATA_K, 2, &[])
            } else {
                spectrum_data(&mut rng, &DATA_K, 6.0)
            };
            let case = with_k(&mut rng, case, &DATA_K, 1);
            let a = rows_matrix(&case.inputs());
            let x = to_dmatrix(&a);
            let (n, d) = a.shape();
            let k = case.scalar(0) as usize;
            let p = sol::pca::pca(&a, k).unwrap();
            let t = pca_truth(&x);
            let comp = to_dmatrix(&p.components);
            let o = frobenius(&(&comp * comp.transpose() - DMatrix::identity(k, k)));
            note(3, o, tol::pca_orthonormality(n, d));
            let e = tol::pca_values(n, d) * t.norm_f;
            let e2 = 2.0 * e * (t.s[0] + e);
            for i in 0..k {
                note(4, (p.explained_variance[i] - t.s[i] * t.s[i] / (n - 1) as f64).abs(), e2 / (n - 1) as f64);
            }
            if let Some(v) = &t.vectors
                && k < d
            {
                let gap = t.s[k - 1] * t.s[k - 1] - t.s.get(k).map_or(0.0, |s| s * s);
                let bound = tol::pca_subspace(n, d) * t.norm_f * t.norm_f / gap;
                if gap > 0.0 && bound < 1.0 {
                    let vk = v.columns(0, k).into_owned();
                    note(5, frobenius(&(comp.transpose() * &comp - &vk * vk.transpose())), bound);
                }
            }
            // Projection.
            if let Some(p) = fitted(&x, k) {
                let (want, bound) = reference_scores(&p, &x);
                let got = sol::project::project(&p, &a).unwrap();
                for i in 0..n {
                    for j in 0..k {
                        note(6, (got[(i, j)] - want[(i, j)]).abs(), bound[(i, j)]);
                    }
                }
            }
            // Ridge.
            let case = random_ridge(&mut rng);
            let (a, b) = ls_cases::parts(&case);
            let lambda = case.scalar(0);
            if let Some(t) = ridge_truth(&a, &b, lambda) {
                let got = sol::ridge_svd::ridge_svd(&a, &b, lambda).unwrap();
                let scale = tol::norm2(&t.x) + frobenius(&to_dmatrix(&a)) * tol::norm2(&b) / t.norm_m;
                note(7, tol::distance(&got, &t.x), tol::ridge_svd(a.nrows(), a.ncols(), t.kappa) * scale);
            }
            // Softmax and loss.
            let huge = draw::chance(&mut rng, 1, 2);
            let case = random_logits(&mut rng, huge);
            let (z, y) = logit_parts(&case);
            let kk = z.ncols();
            let p = sol::softmax::softmax(&z);
            let want = reference_softmax(&z);
            for i in 0..z.nrows() {
                let big = z.row(i).iter().fold(1.0_f64, |m, t| m.max(t.abs()));
                for j in 0..kk {
                    note(
                        8,
                        (p[(i, j)] - want[(i, j)]).abs(),
                        tol::softmax(kk) * big * want[(i, j)] + f64::MIN_POSITIVE,
                    );
                }
            }
            let (lw, size) = reference_loss(&z, &y);
            note(8, (sol::softmax::cross_entropy(&z, &y).unwrap() - lw).abs(), tol::softmax(kk) * size);
            // Gradient against finite differences.
            let case = random_layer(&mut rng, false);
            let (l, x, y) = layer_parts(&case);
            let d = l.weights.ncols();
            let g = sol::linear_layer::gradients(&l, &x, &y).unwrap();
            for Slope { class: cc, column: j, fd, bound, .. } in difference_quotients(&l, &x, &y) {
                let mine = if j < d { g.weights[(cc, j)] } else { g.bias[cc] };
                note(9, (mine - fd).abs(), bound);
            }
        }
        let names = [
            "center: means and entries",
            "standardize: s and Z",
            "covariance entries",
            "pca orthonormality",
            "pca explained variance",
            "pca subspace",
            "project scores",
            "ridge_svd forward",
            "softmax and loss",
            "gradient vs finite differences",
        ];
        println!("lesson 12 calibration over {cases} cases of each generator (error / bound without C):");
        for (name, w) in names.iter().zip(worst) {
            println!("  {name:<34} {w:.3}");
        }
    }
}
