//! Mutation suite for lesson 12 (`checking.md` §5): for every exercise,
//! plausible wrong implementations (mutants) must fail the check on the
//! property named in the table, with a small counterexample, and different
//! but correct implementations (variants: components with flipped signs, PCA
//! from the eigenvectors of the covariance matrix, another stable softmax,
//! gradients as a sum of outer products) must pass. The classic mistakes of
//! the lesson are here: no centering, n instead of n − 1, σ instead of σ²,
//! the one-pass covariance, λ added to σ, a gradient without its 1/n or
//! transposed, softmax without the shift, a reconstruction without the mean.
//!
//! Run with `--nocapture` to see every row with its counterexample.

use checks::l12::{self, Centering, LinearLayer, PcaProjection, RidgeSvd, SoftmaxCrossEntropy};
use vocab::{Layer, LinalgError, Matrix, Pca, Svd};

use solutions::l01::mean_vector::mean_vector;
use solutions::l02::dot_product::dot;
use solutions::l03::matrix_product::mat_mul;
use solutions::l03::transpose::transpose;
use solutions::l06::normal_equations::gram;
use solutions::l10::symmetric_eigen::symmetric_eigen;
use solutions::l11::jacobi_svd::jacobi_svd;
use solutions::l12 as sol;

mod judge;
use judge::{Kill, Pass, judge};

type CenterFn = fn(&Matrix) -> Result<(Matrix, Vec<f64>), LinalgError>;
type StandardizeFn = fn(&Matrix) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError>;
type CovFn = fn(&Matrix) -> Result<Matrix, LinalgError>;
type PcaFn = fn(&Matrix, usize) -> Result<Pca, LinalgError>;
type MapFn = fn(&Pca, &Matrix) -> Result<Matrix, LinalgError>;
type FilterFn = fn(&[f64], f64) -> Vec<f64>;
type RidgeFn = fn(&Matrix, &[f64], f64) -> Result<Vec<f64>, LinalgError>;
type SoftmaxFn = fn(&Matrix) -> Matrix;
type LossFn = fn(&Matrix, &[usize]) -> Result<f64, LinalgError>;
type GradFn = fn(&Layer, &Matrix, &[usize]) -> Result<Layer, LinalgError>;
type TrainFn = fn(&Layer, &Matrix, &[usize], f64, usize) -> Result<(Layer, Vec<f64>), LinalgError>;

fn map(a: &Matrix, f: impl Fn(usize, usize, f64) -> f64) -> Matrix {
    Matrix::from_fn(a.nrows(), a.ncols(), |i, j| f(i, j, a[(i, j)]))
}

fn two_rows(n: usize) -> Result<(), LinalgError> {
    if n < 2 { Err(LinalgError::DimensionMismatch { expected: 2, found: n }) } else { Ok(()) }
}

// ---------------------------------------------------------------- centering

/// Variant: the means by Kahan's compensated sum.
fn c_kahan(data: &Matrix) -> Result<(Matrix, Vec<f64>), LinalgError> {
    if data.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    let n = data.nrows() as f64;
    let mean: Vec<f64> = (0..data.ncols())
        .map(|j| {
            let (mut s, mut comp) = (0.0_f64, 0.0_f64);
            for x in data.column(j) {
                let y = x - comp;
                let t = s + y;
                comp = (t - s) - y;
                s = t;
            }
            s / n
        })
        .collect();
    Ok((map(data, |_, j, x| x - mean[j]), mean))
}

/// Bug: the data returned as it is.
fn c_no_centering(data: &Matrix) -> Result<(Matrix, Vec<f64>), LinalgError> {
    let mean = mean_vector(data)?;
    Ok((data.clone(), mean))
}

/// Bug: the mean of each row (one per sample), subtracted from the rows.
fn c_row_means(data: &Matrix) -> Result<(Matrix, Vec<f64>), LinalgError> {
    if data.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    let mean: Vec<f64> = data.rows().map(|r| r.iter().sum::<f64>() / r.len() as f64).collect();
    Ok((map(data, |i, _, x| x - mean[i]), mean))
}

/// Bug: the means divided by n − 1.
fn c_bessel_mean(data: &Matrix) -> Result<(Matrix, Vec<f64>), LinalgError> {
    if data.nrows() < 2 {
        return sol::center::center(data);
    }
    let n = data.nrows() as f64;
    let mean: Vec<f64> = (0..data.ncols()).map(|j| data.column(j).iter().sum::<f64>() / (n - 1.0)).collect();
    Ok((map(data, |_, j, x| x - mean[j]), mean))
}

/// Standardizing with a chosen divisor and constant-column rule.
fn std_with(
    data: &Matrix,
    divisor: fn(usize) -> f64,
    constant_on_s: bool,
    centre: bool,
) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError> {
    let (xc, mean) = sol::center::center(data)?;
    two_rows(data.nrows())?;
    let (n, d) = data.shape();
    let mut s = vec![0.0; d];
    let mut z = Matrix::zeros(n, d);
    for j in 0..d {
        let col = data.column(j);
        let constant = if constant_on_s { false } else { col.iter().all(|&x| x == col[0]) };
        if constant {
            continue;
        }
        s[j] = (xc.column(j).iter().map(|x| x * x).sum::<f64>() / divisor(n)).sqrt();
        if constant_on_s && s[j] == 0.0 {
            continue;
        }
        for i in 0..n {
            z[(i, j)] = if centre { xc[(i, j)] } else { data[(i, j)] } / s[j];
        }
    }
    Ok((z, mean, s))
}

/// Variant: the two-pass variance as Σ(x − x̄)²/(n − 1), square root at the end.
fn s_two_pass(data: &Matrix) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError> {
    std_with(data, |n| (n - 1) as f64, false, true)
}

/// Bug: divided by n (the population standard deviation).
fn s_over_n(data: &Matrix) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError> {
    std_with(data, |n| n as f64, false, true)
}

/// Bug: "constant" decided by the computed s being 0.0.
fn s_constant_on_s(data: &Matrix) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError> {
    std_with(data, |n| (n - 1) as f64, true, true)
}

/// Bug: the raw data divided by s, not the centred data.
fn s_uncentred(data: &Matrix) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError> {
    std_with(data, |n| (n - 1) as f64, false, false)
}

fn centering(center: CenterFn, standardize: StandardizeFn) -> report::ExerciseReport {
    l12::centering(&Centering { center, standardize })
}

#[test]
fn centering_table() {
    let (c, s) = (sol::center::center as CenterFn, sol::center::standardize as StandardizeFn);
    judge(
        "centering",
        vec![
            ("reference", centering(c, s), Pass),
            ("Kahan means, two-pass variance", centering(c_kahan, s_two_pass), Pass),
            ("no centering", centering(c_no_centering, s), Kill("center_examples", 6)),
            ("row means", centering(c_row_means, s), Kill("center_examples", 6)),
            ("means over n − 1", centering(c_bessel_mean, s), Kill("center_examples", 6)),
            ("standard deviation over n", centering(c, s_over_n), Kill("standardize_examples", 6)),
            ("constant decided on s == 0", centering(c, s_constant_on_s), Kill("standardize_examples", 6)),
            ("raw data over s", centering(c, s_uncentred), Kill("standardize_examples", 6)),
        ],
    );
}

// ---------------------------------------------------------------- covariance

/// Variant: your transpose and matrix product, XcᵀXc, then / (n − 1).
fn cov_mat_mul(data: &Matrix) -> Result<Matrix, LinalgError> {
    let (xc, _) = sol::center::center(data)?;
    two_rows(data.nrows())?;
    let g = mat_mul(&transpose(&xc), &xc)?;
    let n = data.nrows() as f64;
    Ok(map(&g, |_, _, x| x / (n - 1.0)))
}

/// Bug: divided by n.
fn cov_over_n(data: &Matrix) -> Result<Matrix, LinalgError> {
    let (xc, _) = sol::center::center(data)?;
    two_rows(data.nrows())?;
    let n = data.nrows() as f64;
    Ok(map(&gram(&xc), |_, _, x| x / n))
}

/// Bug: the raw data, XᵀX/(n − 1).
fn cov_uncentred(data: &Matrix) -> Result<Matrix, LinalgError> {
    two_rows(data.nrows())?;
    let n = data.nrows() as f64;
    Ok(map(&gram(data), |_, _, x| x / (n - 1.0)))
}

/// Bug: the one-pass formula (Σx_j x_k − n x̄_j x̄_k)/(n − 1).
fn cov_one_pass(data: &Matrix) -> Result<Matrix, LinalgError> {
    let mean = mean_vector(data)?;
    two_rows(data.nrows())?;
    let n = data.nrows() as f64;
    Ok(map(&gram(data), |j, k, x| (x - n * mean[j] * mean[k]) / (n - 1.0)))
}

/// Bug: only the upper triangle filled.
fn cov_upper(data: &Matrix) -> Result<Matrix, LinalgError> {
    let full = sol::covariance::covariance(data)?;
    Ok(map(&full, |j, k, x| if j <= k { x } else { 0.0 }))
}

#[test]
fn covariance() {
    let check = l12::covariance;
    judge(
        "covariance",
        vec![
            ("reference", check(sol::covariance::covariance as CovFn), Pass),
            ("XcᵀXc by mat_mul", check(cov_mat_mul), Pass),
            ("over n", check(cov_over_n), Kill("examples", 6)),
            ("not centred", check(cov_uncentred), Kill("examples", 6)),
            ("one pass", check(cov_one_pass), Kill("examples", 6)),
            ("upper triangle only", check(cov_upper), Kill("examples", 6)),
        ],
    );
}

// ---------------------------------------------------------------- pca

/// The reference PCA with its fields changed by `f`.
fn pca_then(data: &Matrix, k: usize, f: impl Fn(&mut Pca, &Matrix)) -> Result<Pca, LinalgError> {
    let mut p = sol::pca::pca(data, k)?;
    f(&mut p, data);
    Ok(p)
}

/// Variant: every component's sign flipped.
fn pca_flipped(data: &Matrix, k: usize) -> Result<Pca, LinalgError> {
    pca_then(data, k, |p, _| p.components = map(&p.components, |_, _, x| -x))
}

/// Variant: the eigenvectors of the covariance matrix (lesson 10's symmetric
/// eigen-solver), eigenvalues clamped at 0.
fn pca_eigen(data: &Matrix, k: usize) -> Result<Pca, LinalgError> {
    let (n, d) = data.shape();
    if n == 0 || d == 0 {
        return Err(LinalgError::Empty);
    }
    two_rows(n)?;
    if k > n.min(d) {
        return Err(LinalgError::DimensionMismatch { expected: n.min(d), found: k });
    }
    let mean = mean_vector(data)?;
    let e = symmetric_eigen(&sol::covariance::covariance(data)?)?;
    let values: Vec<f64> = e.values.iter().map(|v| v.max(0.0)).collect();
    let total: f64 = values.iter().sum();
    Ok(Pca {
        mean,
        components: Matrix::from_fn(k, d, |i, j| e.vectors[(j, i)]),
        explained_variance: values[..k].to_vec(),
        explained_variance_ratio: values[..k].iter().map(|v| if total > 0.0 { v / total } else { 0.0 }).collect(),
    })
}

/// The SVD route with a chosen data matrix, variance and ratio.
fn pca_with(
    data: &Matrix,
    k: usize,
    centre: bool,
    variance: fn(f64, usize) -> f64,
    kept_only: bool,
) -> Result<Pca, LinalgError> {
    let (n, d) = data.shape();
    if n == 0 || d == 0 {
        return Err(LinalgError::Empty);
    }
    two_rows(n)?;
    if k > n.min(d) {
        return Err(LinalgError::DimensionMismatch { expected: n.min(d), found: k });
    }
    let (xc, mean) = sol::center::center(data)?;
    let Svd { s, vt, .. } = jacobi_svd(if centre { &xc } else { data })?;
    let squares: Vec<f64> = s.iter().map(|x| x * x).collect();
    let total: f64 = if kept_only { squares[..k].iter().sum() } else { squares.iter().sum() };
    Ok(Pca {
        mean,
        components: Matrix::from_fn(k, d, |i, j| vt[(i, j)]),
        explained_variance: s[..k].iter().map(|&x| variance(x, n)).collect(),
        explained_variance_ratio: squares[..k].iter().map(|x| if total > 0.0 { x / total } else { 0.0 }).collect(),
    })
}

fn pca_uncentred(data: &Matrix, k: usize) -> Result<Pca, LinalgError> {
    pca_with(data, k, false, |s, n| s * s / (n - 1) as f64, false)
}

fn pca_over_n(data: &Matrix, k: usize) -> Result<Pca, LinalgError> {
    pca_with(data, k, true, |s, n| s * s / n as f64, false)
}

fn pca_sigma(data: &Matrix, k: usize) -> Result<Pca, LinalgError> {
    pca_with(data, k, true, |s, n| s / (n - 1) as f64, false)
}

fn pca_kept_ratio(data: &Matrix, k: usize) -> Result<Pca, LinalgError> {
    pca_with(data, k, true, |s, n| s * s / (n - 1) as f64, true)
}

/// Bug: the columns of U as components (one entry per sample, not per feature).
fn pca_u(data: &Matrix, k: usize) -> Result<Pca, LinalgError> {
    let (xc, _) = sol::center::center(data)?;
    let Svd { u, .. } = jacobi_svd(&xc)?;
    pca_then(data, k, |p, _| p.components = Matrix::from_fn(k, u.nrows(), |i, j| u[(j, i)]))
}

#[test]
fn pca() {
    let check = l12::pca;
    judge(
        "pca",
        vec![
            ("reference", check(sol::pca::pca as PcaFn), Pass),
            ("signs flipped", check(pca_flipped), Pass),
            ("eigenvectors of the covariance", check(pca_eigen), Pass),
            ("not centred", check(pca_uncentred), Kill("examples", 12)),
            ("variance over n", check(pca_over_n), Kill("examples", 12)),
            ("σ instead of σ²", check(pca_sigma), Kill("examples", 12)),
            ("ratio over the kept values", check(pca_kept_ratio), Kill("examples", 12)),
            ("columns of U", check(pca_u), Kill("examples", 12)),
        ],
    );
}

// ---------------------------------------------------------------- pca_projection

/// Variant: scores as dot products, reconstruction as a loop.
fn p_dots(pca: &Pca, data: &Matrix) -> Result<Matrix, LinalgError> {
    if data.ncols() != pca.mean.len() {
        return Err(LinalgError::DimensionMismatch { expected: pca.mean.len(), found: data.ncols() });
    }
    Ok(Matrix::from_fn(data.nrows(), pca.components.nrows(), |i, l| {
        let x: Vec<f64> = data.row(i).iter().zip(&pca.mean).map(|(a, m)| a - m).collect();
        dot(&x, pca.components.row(l))
    }))
}

fn r_loop(pca: &Pca, scores: &Matrix) -> Result<Matrix, LinalgError> {
    let k = pca.components.nrows();
    if scores.ncols() != k {
        return Err(LinalgError::DimensionMismatch { expected: k, found: scores.ncols() });
    }
    Ok(Matrix::from_fn(scores.nrows(), pca.mean.len(), |i, j| {
        pca.mean[j] + (0..k).map(|l| scores[(i, l)] * pca.components[(l, j)]).sum::<f64>()
    }))
}

/// Bug: the mean not subtracted.
fn p_no_mean(pca: &Pca, data: &Matrix) -> Result<Matrix, LinalgError> {
    mat_mul(data, &transpose(&pca.components))
}

/// Bug: the mean of the rows given, not the PCA's.
fn p_own_mean(pca: &Pca, data: &Matrix) -> Result<Matrix, LinalgError> {
    let (xc, _) = sol::center::center(data)?;
    mat_mul(&xc, &transpose(&pca.components))
}

/// Bug: the mean not added back.
fn r_no_mean(pca: &Pca, scores: &Matrix) -> Result<Matrix, LinalgError> {
    mat_mul(scores, &pca.components)
}

/// Bug: the mean subtracted instead of added.
fn r_minus_mean(pca: &Pca, scores: &Matrix) -> Result<Matrix, LinalgError> {
    let back = mat_mul(scores, &pca.components)?;
    Ok(map(&back, |_, j, x| x - pca.mean[j]))
}

fn projection(project: MapFn, reconstruct: MapFn) -> report::ExerciseReport {
    l12::pca_projection(&PcaProjection { project, reconstruct })
}

#[test]
fn pca_projection() {
    let (p, r) = (sol::project::project as MapFn, sol::project::reconstruct as MapFn);
    let ex = "textbook_example";
    judge(
        "pca_projection",
        vec![
            ("reference", projection(p, r), Pass),
            ("dot products and loops", projection(p_dots, r_loop), Pass),
            ("scores without the mean", projection(p_no_mean, r), Kill(ex, 6)),
            ("scores with the rows' own mean", projection(p_own_mean, r), Kill(ex, 6)),
            ("reconstruction without the mean", projection(p, r_no_mean), Kill(ex, 6)),
            ("mean subtracted again", projection(p, r_minus_mean), Kill(ex, 6)),
        ],
    );
}

// ---------------------------------------------------------------- ridge_svd

/// Ridge from the SVD with a chosen coefficient σ, λ, uᵢ·b → coefficient of vᵢ.
fn ridge_with(
    a: &Matrix,
    b: &[f64],
    lambda: f64,
    coefficient: fn(f64, f64, f64) -> f64,
) -> Result<Vec<f64>, LinalgError> {
    if b.len() != a.nrows() {
        return Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() });
    }
    let Svd { u, s, vt } = jacobi_svd(a)?;
    let mut x = vec![0.0; a.ncols()];
    for (i, &sigma) in s.iter().enumerate() {
        let c = coefficient(sigma, lambda, dot(&u.column(i), b));
        for (xj, v) in x.iter_mut().zip(vt.row(i)) {
            *xj += c * v;
        }
    }
    Ok(x)
}

/// Variant: the filter factor times the least-squares coefficient, fᵢ·(uᵢ·b)/σᵢ.
fn r_filtered(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    ridge_with(a, b, lambda, |s, l, c| if s > 0.0 { s * s / (s * s + l) * c / s } else { 0.0 })
}

/// Bug: λ added to σ: σ/(σ + λ)·(uᵢ·b)/σ.
fn r_sigma_plus(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    ridge_with(a, b, lambda, |s, l, c| if s + l == 0.0 { 0.0 } else { c / (s + l) })
}

/// Bug: the filter factor alone, without the 1/σᵢ of least squares.
fn r_factor_only(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    ridge_with(a, b, lambda, |s, l, c| if s * s + l == 0.0 { 0.0 } else { s * s / (s * s + l) * c })
}

/// Bug: λ² added.
fn r_lambda_squared(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    ridge_with(a, b, lambda, |s, l, c| if s * s + l * l == 0.0 { 0.0 } else { s / (s * s + l * l) * c })
}

/// Bug: no guard for σ = λ = 0 (0/0 is NaN).
fn r_unguarded(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    ridge_with(a, b, lambda, |s, l, c| s / (s * s + l) * c)
}

/// Bug: lesson 6's normal equations, which have no answer at λ = 0 for dependent columns.
fn r_normal(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    solutions::l06::ridge::ridge(a, b, lambda)
}

/// Bug: σ/(σ + λ).
fn f_sigma(s: &[f64], lambda: f64) -> Vec<f64> {
    s.iter().map(|&x| if x + lambda == 0.0 { 0.0 } else { x / (x + lambda) }).collect()
}

/// Bug: 0/0 left as NaN.
fn f_unguarded(s: &[f64], lambda: f64) -> Vec<f64> {
    s.iter().map(|&x| x * x / (x * x + lambda)).collect()
}

/// Bug: 1/(σ² + λ).
fn f_inverse(s: &[f64], lambda: f64) -> Vec<f64> {
    s.iter().map(|&x| if x * x + lambda == 0.0 { 0.0 } else { 1.0 / (x * x + lambda) }).collect()
}

/// Variant: 1 − λ/(σ² + λ).
fn f_complement(s: &[f64], lambda: f64) -> Vec<f64> {
    s.iter().map(|&x| if x * x + lambda == 0.0 { 0.0 } else { 1.0 - lambda / (x * x + lambda) }).collect()
}

fn ridge(filter_factors: FilterFn, ridge_svd: RidgeFn) -> report::ExerciseReport {
    l12::ridge_svd(&RidgeSvd { filter_factors, ridge_svd })
}

#[test]
fn ridge_svd() {
    let (f, r) = (sol::ridge_svd::filter_factors as FilterFn, sol::ridge_svd::ridge_svd as RidgeFn);
    judge(
        "ridge_svd",
        vec![
            ("reference", ridge(f, r), Pass),
            ("1 − λ/(σ² + λ), fᵢ·cᵢ/σᵢ", ridge(f_complement, r_filtered), Pass),
            ("filter σ/(σ + λ)", ridge(f_sigma, r), Kill("filter_examples", 3)),
            ("filter 0/0", ridge(f_unguarded, r), Kill("filter_examples", 3)),
            ("filter 1/(σ² + λ)", ridge(f_inverse, r), Kill("filter_examples", 3)),
            ("λ added to σ", ridge(f, r_sigma_plus), Kill("ridge_examples", 9)),
            ("filter factor without 1/σ", ridge(f, r_factor_only), Kill("ridge_examples", 9)),
            ("λ²", ridge(f, r_lambda_squared), Kill("ridge_examples", 9)),
            ("0/0 at λ = 0", ridge(f, r_unguarded), Kill("lambda_zero", 9)),
            ("lesson 6's normal equations", ridge(f, r_normal), Kill("lambda_zero", 9)),
        ],
    );
}

// ---------------------------------------------------------------- softmax_cross_entropy

/// Variant: p = exp(z − lse(z)), the log-softmax route.
fn sm_log(z: &Matrix) -> Matrix {
    Matrix::from_fn(z.nrows(), z.ncols(), |i, j| {
        let row = z.row(i);
        let m = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let lse = m + row.iter().map(|t| (t - m).exp()).sum::<f64>().ln();
        (row[j] - lse).exp()
    })
}

/// Variant: the loss through ln(1 + Σ_(j≠argmax) e^(z_j − m)) with `ln_1p`.
fn ce_ln1p(z: &Matrix, y: &[usize]) -> Result<f64, LinalgError> {
    sol::softmax::cross_entropy(z, y)?;
    let mut total = 0.0;
    for (i, &yi) in y.iter().enumerate() {
        let row = z.row(i);
        let top = (0..row.len()).max_by(|&a, &b| row[a].total_cmp(&row[b])).unwrap_or(0);
        let rest: f64 = (0..row.len()).filter(|&j| j != top).map(|j| (row[j] - row[top]).exp()).sum();
        total += row[top] + rest.ln_1p() - row[yi];
    }
    Ok(total / y.len() as f64)
}

/// Bug: e^z without the shift.
fn sm_unshifted(z: &Matrix) -> Matrix {
    Matrix::from_fn(z.nrows(), z.ncols(), |i, j| {
        let row = z.row(i);
        row[j].exp() / row.iter().map(|t| t.exp()).sum::<f64>()
    })
}

/// Bug: normalised down the columns.
fn sm_columns(z: &Matrix) -> Matrix {
    transpose(&sol::softmax::softmax(&transpose(z)))
}

/// Bug: −ln of the softmax (−∞ once a probability underflows).
fn ce_log_of_softmax(z: &Matrix, y: &[usize]) -> Result<f64, LinalgError> {
    sol::softmax::cross_entropy(z, y)?;
    let p = sol::softmax::softmax(z);
    Ok(y.iter().enumerate().map(|(i, &yi)| -p[(i, yi)].ln()).sum::<f64>() / y.len() as f64)
}

/// Bug: the sum over the rows.
fn ce_sum(z: &Matrix, y: &[usize]) -> Result<f64, LinalgError> {
    Ok(sol::softmax::cross_entropy(z, y)? * y.len() as f64)
}

/// Bug: the shift not added back: ln Σ e^(z − m) − z_y.
fn ce_no_m(z: &Matrix, y: &[usize]) -> Result<f64, LinalgError> {
    sol::softmax::cross_entropy(z, y)?;
    let mut total = 0.0;
    for (i, &yi) in y.iter().enumerate() {
        let row = z.row(i);
        let m = row.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        total += row.iter().map(|t| (t - m).exp()).sum::<f64>().ln() - row[yi];
    }
    Ok(total / y.len() as f64)
}

fn softmax(softmax: SoftmaxFn, cross_entropy: LossFn) -> report::ExerciseReport {
    l12::softmax_cross_entropy(&SoftmaxCrossEntropy { softmax, cross_entropy })
}

#[test]
fn softmax_cross_entropy() {
    let (s, l) = (sol::softmax::softmax as SoftmaxFn, sol::softmax::cross_entropy as LossFn);
    judge(
        "softmax_cross_entropy",
        vec![
            ("reference", softmax(s, l), Pass),
            ("log-softmax route, ln_1p loss", softmax(sm_log, ce_ln1p), Pass),
            ("softmax without the shift", softmax(sm_unshifted, l), Kill("softmax_examples", 6)),
            ("softmax down the columns", softmax(sm_columns, l), Kill("softmax_examples", 6)),
            ("−ln of the softmax", softmax(s, ce_log_of_softmax), Kill("loss_examples", 6)),
            ("sum, not mean", softmax(s, ce_sum), Kill("loss_examples", 6)),
            ("shift not added back", softmax(s, ce_no_m), Kill("loss_examples", 6)),
        ],
    );
}

// ---------------------------------------------------------------- linear_layer

/// Variant: the gradient as a sum of outer products (pᵢ − yᵢ)xᵢᵀ / n.
fn g_outer(layer: &Layer, x: &Matrix, y: &[usize]) -> Result<Layer, LinalgError> {
    let z = sol::linear_layer::forward(layer, x)?;
    sol::softmax::cross_entropy(&z, y)?;
    let p = sol::softmax::softmax(&z);
    let (k, d) = layer.weights.shape();
    let n = x.nrows() as f64;
    let mut w = Matrix::zeros(k, d);
    let mut b = vec![0.0; k];
    for (i, &yi) in y.iter().enumerate() {
        for c in 0..k {
            let e = p[(i, c)] - if c == yi { 1.0 } else { 0.0 };
            b[c] += e / n;
            for j in 0..d {
                w[(c, j)] += e * x[(i, j)] / n;
            }
        }
    }
    Ok(Layer { weights: w, bias: b })
}

/// The reference gradient changed by `f`.
fn g_then(layer: &Layer, x: &Matrix, y: &[usize], f: impl Fn(&mut Layer, usize)) -> Result<Layer, LinalgError> {
    let mut g = sol::linear_layer::gradients(layer, x, y)?;
    f(&mut g, x.nrows());
    Ok(g)
}

/// Bug: the sum, not the mean (no 1/n).
fn g_no_mean(layer: &Layer, x: &Matrix, y: &[usize]) -> Result<Layer, LinalgError> {
    g_then(layer, x, y, |g, n| {
        g.weights = map(&g.weights, |_, _, t| t * n as f64);
        g.bias.iter_mut().for_each(|t| *t *= n as f64);
    })
}

/// Bug: XᵀG, the transpose.
fn g_transposed(layer: &Layer, x: &Matrix, y: &[usize]) -> Result<Layer, LinalgError> {
    g_then(layer, x, y, |g, _| g.weights = transpose(&g.weights))
}

/// Bug: the bias' gradient left at zero (the bias treated as a constant).
fn g_bias_zero(layer: &Layer, x: &Matrix, y: &[usize]) -> Result<Layer, LinalgError> {
    g_then(layer, x, y, |g, _| g.bias.iter_mut().for_each(|t| *t = 0.0))
}

/// Bug: a step up the gradient.
fn step_up(layer: &Layer, gradient: &Layer, learning_rate: f64) -> Layer {
    sol::linear_layer::gradient_step(layer, gradient, -learning_rate)
}

/// Bug: the history without the loss before the first step.
fn t_no_initial(
    layer: &Layer,
    x: &Matrix,
    y: &[usize],
    lr: f64,
    steps: usize,
) -> Result<(Layer, Vec<f64>), LinalgError> {
    let (l, mut h) = sol::linear_layer::train(layer, x, y, lr, steps)?;
    h.remove(0);
    Ok((l, h))
}

/// Bug: the layer returned untrained.
fn t_untrained(
    layer: &Layer,
    x: &Matrix,
    y: &[usize],
    lr: f64,
    steps: usize,
) -> Result<(Layer, Vec<f64>), LinalgError> {
    let (_, h) = sol::linear_layer::train(layer, x, y, lr, steps)?;
    Ok((layer.clone(), h))
}

/// Bug: the logits without the bias.
fn fw_no_bias(layer: &Layer, x: &Matrix) -> Result<Matrix, LinalgError> {
    mat_mul(x, &transpose(&layer.weights))
}

fn layer(
    forward: fn(&Layer, &Matrix) -> Result<Matrix, LinalgError>,
    gradients: GradFn,
    gradient_step: fn(&Layer, &Layer, f64) -> Layer,
    train: TrainFn,
) -> report::ExerciseReport {
    l12::linear_layer(&LinearLayer { forward, gradients, gradient_step, train })
}

#[test]
fn linear_layer() {
    use sol::linear_layer as ll;
    let (f, g, s, t) = (
        ll::forward as fn(&Layer, &Matrix) -> Result<Matrix, LinalgError>,
        ll::gradients as GradFn,
        ll::gradient_step as fn(&Layer, &Layer, f64) -> Layer,
        ll::train as TrainFn,
    );
    let gx = "gradient_examples";
    let tr = "train_replays_gradient_descent";
    judge(
        "linear_layer",
        vec![
            ("reference", layer(f, g, s, t), Pass),
            ("gradient as outer products", layer(f, g_outer, s, t), Pass),
            ("logits without the bias", layer(fw_no_bias, g, s, t), Kill("forward_examples", 12)),
            ("gradient without 1/n", layer(f, g_no_mean, s, t), Kill(gx, 24)),
            ("gradient transposed", layer(f, g_transposed, s, t), Kill(gx, 24)),
            ("bias gradient zero", layer(f, g_bias_zero, s, t), Kill(gx, 24)),
            ("step up the gradient", layer(f, g, step_up, t), Kill("gradient_step", 12)),
            ("history without the first loss", layer(f, g, s, t_no_initial), Kill(tr, 12)),
            ("layer returned untrained", layer(f, g, s, t_untrained), Kill(tr, 12)),
        ],
    );
}
