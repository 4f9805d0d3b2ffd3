//! Mutation suite for lesson 8 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small shrunk counterexample, and different but correct
//! implementations (variants: another sign convention where the contract
//! allows one, another order of rotations, Q formed explicitly, Givens for
//! Householder) must pass. Gram–Schmidt submitted for Householder QR and the
//! normal equations submitted for least squares are mutants here: they are
//! right in exact arithmetic and lose digits in proportion to κ₂ or κ₂².
//!
//! Run with `--nocapture` to see every row with its counterexample.

use checks::l08::{self, Householder, HouseholderQr};
use report::ExerciseReport;
use vocab::{LinalgError, Matrix, Qr};

use sol::givens::givens;
use sol::householder::{apply_householder, householder};
use solutions::l02::dot_product::dot;
use solutions::l02::vector_norms::norm_l2;
use solutions::l05::triangular::back_substitution;
use solutions::l06::least_squares::lstsq_normal;
use solutions::l08 as sol;

mod judge;
use judge::{Kill, Pass, judge};

type Reflector = fn(&[f64]) -> Result<(Vec<f64>, f64), LinalgError>;
type Apply = fn(&[f64], f64, &mut Matrix, usize, usize);
type QrFn = fn(&Matrix) -> Result<Qr, LinalgError>;
type GivensFn = fn(f64, f64) -> (f64, f64, f64);
type Lstsq = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

fn product(a: &Matrix, b: &Matrix) -> Matrix {
    Matrix::from_fn(a.nrows(), b.ncols(), |i, j| (0..a.ncols()).map(|k| a[(i, k)] * b[(k, j)]).sum())
}

fn transpose(a: &Matrix) -> Matrix {
    Matrix::from_fn(a.ncols(), a.nrows(), |i, j| a[(j, i)])
}

fn columns(a: &Matrix) -> Vec<Vec<f64>> {
    (0..a.ncols()).map(|j| a.column(j)).collect()
}

fn e0(n: usize) -> Vec<f64> {
    let mut v = vec![0.0; n];
    v[0] = 1.0;
    v
}

// ---------------------------------------------------------------- householder

/// Bug: α with the sign of x₀, so x₀ − α subtracts two nearly equal numbers.
fn h_wrong_sign(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    if x.is_empty() {
        return Err(LinalgError::Empty);
    }
    if x[1..].iter().all(|t| *t == 0.0) {
        return Ok((e0(x.len()), 0.0));
    }
    let norm = norm_l2(x);
    let alpha = if x[0] >= 0.0 { norm } else { -norm };
    let v0 = x[0] - alpha;
    let mut v: Vec<f64> = x.iter().map(|t| t / v0).collect();
    v[0] = 1.0;
    let beta = 2.0 / dot(&v, &v);
    Ok((v, beta))
}

/// Bug against the contract: Golub and Van Loan's `house`, α = +‖x‖ always,
/// with Parlett's cancellation-free v₀ = −(x₁² + … )/(x₀ + ‖x‖) for x₀ > 0.
/// Stable, but the sign is not the one this exercise asks for.
fn h_parlett(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    if x.is_empty() {
        return Err(LinalgError::Empty);
    }
    let sigma = dot(&x[1..], &x[1..]);
    if sigma == 0.0 {
        return Ok((e0(x.len()), 0.0));
    }
    let norm = norm_l2(x);
    let v0 = if x[0] <= 0.0 { x[0] - norm } else { -sigma / (x[0] + norm) };
    let mut v: Vec<f64> = x.iter().map(|t| t / v0).collect();
    v[0] = 1.0;
    Ok((v.clone(), 2.0 / dot(&v, &v)))
}

/// The reference with β replaced by `beta(vᵀv)`.
fn h_with_beta(x: &[f64], beta: fn(f64) -> f64) -> Result<(Vec<f64>, f64), LinalgError> {
    let (v, b) = householder(x)?;
    if b == 0.0 {
        return Ok((v, 0.0));
    }
    Ok((v.clone(), beta(dot(&v, &v))))
}

/// Bug: β = 1.
fn h_beta_one(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    h_with_beta(x, |_| 1.0)
}

/// Bug: β = 2, the formula for a unit v, but v₀ = 1 makes v longer than 1.
fn h_beta_two(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    h_with_beta(x, |_| 2.0)
}

/// Bug: ‖x‖ as √Σxᵢ², which overflows at 2^600 and underflows at 2^−600.
fn h_naive_norm(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    if x.is_empty() {
        return Err(LinalgError::Empty);
    }
    if x[1..].iter().all(|t| *t == 0.0) {
        return Ok((e0(x.len()), 0.0));
    }
    let norm = dot(x, x).sqrt();
    let alpha = if x[0] >= 0.0 { -norm } else { norm };
    let v0 = x[0] - alpha;
    let mut v: Vec<f64> = x.iter().map(|t| t / v0).collect();
    v[0] = 1.0;
    Ok((v.clone(), 2.0 / dot(&v, &v)))
}

/// Bug: no special case for a zero tail: the zero vector divides 0 by 0.
fn h_no_zero_case(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    if x.is_empty() {
        return Err(LinalgError::Empty);
    }
    let norm = norm_l2(x);
    let alpha = if x[0] >= 0.0 { -norm } else { norm };
    let v0 = x[0] - alpha;
    let mut v: Vec<f64> = x.iter().map(|t| t / v0).collect();
    v[0] = 1.0;
    Ok((v.clone(), 2.0 / dot(&v, &v)))
}

/// Bug: v = x − αe₀ not divided by its first entry (a correct reflector, but v₀ ≠ 1).
fn h_unnormalised(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    if x.is_empty() {
        return Err(LinalgError::Empty);
    }
    if x[1..].iter().all(|t| *t == 0.0) {
        return Ok((e0(x.len()), 0.0));
    }
    let norm = norm_l2(x);
    let alpha = if x[0] >= 0.0 { -norm } else { norm };
    let mut v = x.to_vec();
    v[0] -= alpha;
    Ok((v.clone(), 2.0 / dot(&v, &v)))
}

/// Variant: a zero tail with x₀ ≠ 0 is reflected anyway (β = 2, α = −x₀);
/// only the zero vector gets β = 0.
fn h_reflect_anyway(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    if x.is_empty() {
        return Err(LinalgError::Empty);
    }
    if x.iter().all(|t| *t == 0.0) {
        return Ok((e0(x.len()), 0.0));
    }
    if x[1..].iter().all(|t| *t == 0.0) {
        return Ok((e0(x.len()), 2.0));
    }
    householder(x)
}

/// Variant: LAPACK's closed form β = (x₀ − α)/(−α) = 1 + |x₀|/‖x‖, with ‖x‖ by `hypot`.
fn h_closed_form(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    if x.is_empty() {
        return Err(LinalgError::Empty);
    }
    let tail = norm_l2(&x[1..]);
    if tail == 0.0 {
        return Ok((e0(x.len()), 0.0));
    }
    let norm = x[0].hypot(tail);
    let alpha = -norm.copysign(x[0]);
    let v0 = x[0] - alpha;
    let mut v: Vec<f64> = x.iter().map(|t| t / v0).collect();
    v[0] = 1.0;
    Ok((v, v0 / -alpha))
}

/// Bug: only column col0 of the block is transformed.
fn apply_first_column(v: &[f64], beta: f64, a: &mut Matrix, row0: usize, col0: usize) {
    let s: f64 = v.iter().enumerate().map(|(i, vi)| vi * a[(row0 + i, col0)]).sum();
    for (i, vi) in v.iter().enumerate() {
        a[(row0 + i, col0)] -= beta * s * vi;
    }
}

/// Bug: every column is transformed, also those before col0.
fn apply_all_columns(v: &[f64], beta: f64, a: &mut Matrix, row0: usize, _col0: usize) {
    apply_householder(v, beta, a, row0, 0);
}

/// Bug: β forgotten, B − v(vᵀB).
fn apply_no_beta(v: &[f64], beta: f64, a: &mut Matrix, row0: usize, col0: usize) {
    apply_householder(v, if beta == 0.0 { 0.0 } else { 1.0 }, a, row0, col0);
}

/// Bug: each entry updated as soon as it is read, so the later columns' sums
/// see a half-updated block (here: the rows are updated one by one while w is
/// still being accumulated).
fn apply_in_place_sums(v: &[f64], beta: f64, a: &mut Matrix, row0: usize, col0: usize) {
    let n = a.ncols();
    for j in col0..n {
        let mut s = 0.0;
        for (i, vi) in v.iter().enumerate() {
            s += vi * a[(row0 + i, j)];
            a[(row0 + i, j)] -= beta * vi * s;
        }
    }
}

/// Variant: H formed as a p×p matrix and multiplied into the block.
fn apply_explicit(v: &[f64], beta: f64, a: &mut Matrix, row0: usize, col0: usize) {
    let p = v.len();
    let h = Matrix::from_fn(p, p, |i, j| if i == j { 1.0 } else { 0.0 } - beta * v[i] * v[j]);
    let n = a.ncols();
    let block = Matrix::from_fn(p, n - col0, |i, j| a[(row0 + i, col0 + j)]);
    let hb = product(&h, &block);
    for i in 0..p {
        for j in col0..n {
            a[(row0 + i, j)] = hb[(i, j - col0)];
        }
    }
}

/// Variant: column by column, w_j and then column j.
fn apply_by_columns(v: &[f64], beta: f64, a: &mut Matrix, row0: usize, col0: usize) {
    for j in col0..a.ncols() {
        let s: f64 = v.iter().enumerate().map(|(i, vi)| vi * a[(row0 + i, j)]).sum();
        for (i, vi) in v.iter().enumerate() {
            a[(row0 + i, j)] -= beta * s * vi;
        }
    }
}

fn check_h(householder: Reflector, apply_householder: Apply) -> ExerciseReport {
    l08::householder(&Householder { householder, apply_householder })
}

#[test]
fn householder_reflector() {
    let (h, ap): (Reflector, Apply) = (householder, apply_householder);
    let ex = "textbook_examples";
    judge(
        "householder",
        vec![
            ("reference", check_h(h, ap), Pass),
            ("zero tail reflected anyway (β = 2)", check_h(h_reflect_anyway, ap), Pass),
            ("closed form β = 1 + |x₀|/‖x‖", check_h(h_closed_form, ap), Pass),
            ("apply: H formed explicitly", check_h(h, apply_explicit), Pass),
            ("apply: column by column", check_h(h, apply_by_columns), Pass),
            ("α with the sign of x₀", check_h(h_wrong_sign, ap), Kill("nearly_on_the_axis", 2)),
            ("Parlett's α = +‖x‖ (stable, wrong sign)", check_h(h_parlett, ap), Kill("sign_avoids_cancellation", 2)),
            ("β = 1", check_h(h_beta_one, ap), Kill("reflector_is_orthogonal", 2)),
            ("β = 2", check_h(h_beta_two, ap), Kill("reflector_is_orthogonal", 2)),
            ("‖x‖ as √Σxᵢ²", check_h(h_naive_norm, ap), Kill("any_scale", 2)),
            ("no case for a zero tail", check_h(h_no_zero_case, ap), Kill(ex, 3)),
            ("v₀ ≠ 1", check_h(h_unnormalised, ap), Kill(ex, 2)),
            ("apply: column col0 only", check_h(h, apply_first_column), Kill("apply_is_h_times_the_block", 4)),
            ("apply: every column", check_h(h, apply_all_columns), Kill("apply_leaves_the_rest_alone", 4)),
            ("apply: β forgotten", check_h(h, apply_no_beta), Kill("apply_is_h_times_the_block", 4)),
            ("apply: updated while summing", check_h(h, apply_in_place_sums), Kill("apply_is_h_times_the_block", 4)),
        ],
    );
}

// ---------------------------------------------------------------- householder_qr

/// How a Householder QR is put together.
#[derive(Clone, Copy)]
struct Hqr {
    reflector: Reflector,
    /// Keep all m rows of R and m columns of Q.
    full: bool,
    /// Apply H_k to columns k..n (false: to column k only).
    trailing: bool,
    /// Accumulate Q from the last reflector back (false: from the first).
    backward_q: bool,
    /// Store exact zeros below the diagonal.
    zero_below: bool,
    /// Flip rows of R and columns of Q so the diagonal of R is ≥ 0.
    positive: bool,
    /// Return Rᵀ.
    transpose_r: bool,
    /// One step per column, also past the last row of a wide matrix.
    steps_n: bool,
    /// Q as the product of explicit m×m reflectors.
    explicit_q: bool,
}

const HQR: Hqr = Hqr {
    reflector: householder,
    full: false,
    trailing: true,
    backward_q: true,
    zero_below: true,
    positive: false,
    transpose_r: false,
    steps_n: false,
    explicit_q: false,
};

fn hqr(a: &Matrix, cfg: Hqr) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if !cfg.full && n > m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let steps = if cfg.steps_n { n } else { m.min(n) };
    let mut r = a.clone();
    let mut hs = Vec::new();
    for k in 0..steps {
        let x: Vec<f64> = (k..m).map(|i| r[(i, k)]).collect();
        let (v, beta) = (cfg.reflector)(&x)?;
        if cfg.trailing {
            apply_householder(&v, beta, &mut r, k, k);
        } else {
            apply_first_column(&v, beta, &mut r, k, k);
        }
        if cfg.zero_below {
            for i in k + 1..m {
                r[(i, k)] = 0.0;
            }
        }
        hs.push((v, beta));
    }
    let cols = if cfg.full { m } else { n };
    let mut q = Matrix::from_fn(m, cols, |i, j| if i == j { 1.0 } else { 0.0 });
    if cfg.explicit_q {
        let mut full = Matrix::identity(m);
        for (k, (v, beta)) in hs.iter().enumerate() {
            let h = Matrix::from_fn(m, m, |i, j| {
                let d = if i == j { 1.0 } else { 0.0 };
                if i < k || j < k { d } else { d - beta * v[i - k] * v[j - k] }
            });
            full = product(&full, &h);
        }
        q = Matrix::from_fn(m, cols, |i, j| full[(i, j)]);
    } else if cfg.backward_q {
        for (k, (v, beta)) in hs.iter().enumerate().rev() {
            apply_householder(v, *beta, &mut q, k, 0);
        }
    } else {
        for (k, (v, beta)) in hs.iter().enumerate() {
            apply_householder(v, *beta, &mut q, k, 0);
        }
    }
    let rows = if cfg.full { m } else { n };
    let mut r = Matrix::from_fn(rows, n, |i, j| r[(i, j)]);
    if cfg.positive {
        for i in 0..rows.min(n) {
            if r[(i, i)] < 0.0 {
                r.row_mut(i).iter_mut().for_each(|t| *t = -*t);
                (0..m).for_each(|k| q[(k, i)] = -q[(k, i)]);
            }
        }
    }
    if cfg.transpose_r {
        r = transpose(&r);
    }
    Ok(Qr { q, r })
}

fn thin(a: &Matrix) -> Result<Qr, LinalgError> {
    sol::householder_qr::householder_qr(a)
}

fn full(a: &Matrix) -> Result<Qr, LinalgError> {
    sol::householder_qr::householder_qr_full(a)
}

fn thin_positive(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { positive: true, ..HQR })
}

fn full_positive(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { positive: true, full: true, ..HQR })
}

fn thin_explicit(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { explicit_q: true, ..HQR })
}

fn full_explicit(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { explicit_q: true, full: true, ..HQR })
}

fn thin_reflect_anyway(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { reflector: h_reflect_anyway, ..HQR })
}

fn full_reflect_anyway(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { reflector: h_reflect_anyway, full: true, ..HQR })
}

/// Variant: the thin factorization cut out of the full one.
fn thin_from_full(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if n > m && m > 0 {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let f = full(a)?;
    Ok(Qr { q: Matrix::from_fn(m, n, |i, j| f.q[(i, j)]), r: Matrix::from_fn(n, n, |i, j| f.r[(i, j)]) })
}

/// Variant: Givens rotations for Householder's reflections, thin and full.
fn thin_by_givens(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if n > m && m > 0 {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let f = sol::givens_qr::givens_qr(a)?;
    Ok(Qr { q: Matrix::from_fn(m, n, |i, j| f.q[(i, j)]), r: Matrix::from_fn(n, n, |i, j| f.r[(i, j)]) })
}

/// Gram–Schmidt, thin; `modified` subtracts each projection from the current
/// vector (MGS), otherwise from the original column (CGS).
fn gram_schmidt(a: &Matrix, modified: bool) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let cols = columns(a);
    let mut q: Vec<Vec<f64>> = Vec::new();
    let mut r = Matrix::zeros(n, n);
    for (j, col) in cols.iter().enumerate() {
        let mut w = col.clone();
        for (i, qi) in q.iter().enumerate() {
            let rij = if modified { dot(qi, &w) } else { dot(qi, col) };
            r[(i, j)] = rij;
            w.iter_mut().zip(qi).for_each(|(t, s)| *t -= rij * s);
        }
        let norm = norm_l2(&w);
        r[(j, j)] = norm;
        q.push(w.iter().map(|t| t / norm).collect());
    }
    Ok(Qr { q: Matrix::from_columns(&q), r })
}

fn mgs(a: &Matrix) -> Result<Qr, LinalgError> {
    gram_schmidt(a, true)
}

fn cgs(a: &Matrix) -> Result<Qr, LinalgError> {
    gram_schmidt(a, false)
}

/// Bug: Cholesky QR, R from AᵀA = RᵀR and Q = AR⁻¹: orthogonal to κ₂² only.
fn cholesky_qr(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let g = solutions::l06::normal_equations::gram(a);
    let r = transpose(&solutions::l06::cholesky::cholesky(&g)?);
    // Row i of Q solves Rᵀ qᵢ = (row i of A)ᵀ.
    let rt = transpose(&r);
    let mut q = Matrix::zeros(m, n);
    for i in 0..m {
        let qi = solutions::l05::triangular::forward_substitution(&rt, a.row(i))?;
        q.row_mut(i).copy_from_slice(&qi);
    }
    Ok(Qr { q, r })
}

fn thin_column_only(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { trailing: false, ..HQR })
}

fn thin_forward_q(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { backward_q: false, ..HQR })
}

fn thin_transposed_r(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { transpose_r: true, ..HQR })
}

fn thin_noise_below(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { zero_below: false, ..HQR })
}

fn thin_wrong_sign(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { reflector: h_wrong_sign, ..HQR })
}

/// Bug: a zero column refused as if the matrix had no QR.
fn thin_refuses_zero_column(a: &Matrix) -> Result<Qr, LinalgError> {
    if let Some(j) = (0..a.ncols()).find(|&j| a.column(j).iter().all(|t| *t == 0.0)) {
        return Err(LinalgError::Singular { column: j });
    }
    thin(a)
}

fn full_steps_n(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { full: true, steps_n: true, ..HQR })
}

/// Bug: the full factorization returns the thin one's shapes (m > n).
fn full_is_thin(a: &Matrix) -> Result<Qr, LinalgError> {
    if a.ncols() > a.nrows() { full(a) } else { thin(a) }
}

fn full_forward_q(a: &Matrix) -> Result<Qr, LinalgError> {
    hqr(a, Hqr { full: true, backward_q: false, ..HQR })
}

fn check_hqr(householder_qr: QrFn, householder_qr_full: QrFn) -> ExerciseReport {
    l08::householder_qr(&HouseholderQr { householder_qr, householder_qr_full })
}

#[test]
fn householder_qr() {
    let (t, f): (QrFn, QrFn) = (thin, full);
    let cond = "thin_orthogonal_whatever_the_conditioning";
    let ex = "thin_examples";
    judge(
        "householder_qr",
        vec![
            ("reference", check_hqr(t, f), Pass),
            ("diag(R) ≥ 0", check_hqr(thin_positive, full_positive), Pass),
            ("Q formed from explicit reflectors", check_hqr(thin_explicit, full_explicit), Pass),
            ("zero tails reflected anyway", check_hqr(thin_reflect_anyway, full_reflect_anyway), Pass),
            ("thin cut out of full", check_hqr(thin_from_full, f), Pass),
            ("Givens rotations", check_hqr(thin_by_givens, sol::givens_qr::givens_qr), Pass),
            ("modified Gram–Schmidt", check_hqr(mgs, f), Kill(cond, 30)),
            ("classical Gram–Schmidt", check_hqr(cgs, f), Kill(cond, 30)),
            ("Cholesky QR (AᵀA = RᵀR)", check_hqr(cholesky_qr, f), Kill(cond, 30)),
            ("H applied to column k only", check_hqr(thin_column_only, f), Kill(ex, 12)),
            ("Q accumulated forwards", check_hqr(thin_forward_q, f), Kill(ex, 12)),
            ("Rᵀ returned", check_hqr(thin_transposed_r, f), Kill(ex, 12)),
            ("rounding left below the diagonal", check_hqr(thin_noise_below, f), Kill("thin_random_matrices", 12)),
            ("α with the sign of x₀", check_hqr(thin_wrong_sign, f), Kill("thin_random_matrices", 12)),
            ("zero column refused", check_hqr(thin_refuses_zero_column, f), Kill("thin_rank_deficient", 12)),
            ("full: a step per column of a wide A", check_hqr(t, full_steps_n), Kill("full_examples", 6)),
            ("full: thin shapes", check_hqr(t, full_is_thin), Kill("full_examples", 6)),
            ("full: Q accumulated forwards", check_hqr(t, full_forward_q), Kill("full_examples", 12)),
        ],
    );
}

// ---------------------------------------------------------------- givens

/// Bug: c and s swapped.
fn g_swapped(a: f64, b: f64) -> (f64, f64, f64) {
    let (c, s, r) = givens(a, b);
    (s, c, r)
}

/// Bug: s with the wrong sign (the rotation [[c, −s], [s, c]] mixed in).
fn g_sign(a: f64, b: f64) -> (f64, f64, f64) {
    let (c, s, r) = givens(a, b);
    (c, -s, r)
}

/// Bug: r = √(a² + b²), which overflows and underflows.
fn g_naive(a: f64, b: f64) -> (f64, f64, f64) {
    if b == 0.0 {
        return (1.0, 0.0, a);
    }
    let r = (a * a + b * b).sqrt();
    (a / r, b / r, r)
}

/// Bug: no case for b = 0: (sign(a), 0, |a|), and NaN for a = b = 0.
fn g_no_zero_case(a: f64, b: f64) -> (f64, f64, f64) {
    let r = a.hypot(b);
    (a / r, b / r, r)
}

/// Variant: r with the sign of a (LAPACK's `dlartg`).
fn g_sign_of_a(a: f64, b: f64) -> (f64, f64, f64) {
    if b == 0.0 {
        return (1.0, 0.0, a);
    }
    let r = a.hypot(b).copysign(if a == 0.0 { b } else { a });
    (a / r, b / r, r)
}

/// Variant: Golub and Van Loan's ratios, no square of a large number.
fn g_ratios(a: f64, b: f64) -> (f64, f64, f64) {
    if b == 0.0 {
        return (1.0, 0.0, a);
    }
    if b.abs() > a.abs() {
        let t = a / b;
        let s = 1.0 / (1.0 + t * t).sqrt();
        let c = s * t;
        (c, s, b / s)
    } else {
        let t = b / a;
        let c = 1.0 / (1.0 + t * t).sqrt();
        let s = c * t;
        (c, s, a / c)
    }
}

/// Variant: r from the lesson-2 `norm_l2`, which scales.
fn g_norm_l2(a: f64, b: f64) -> (f64, f64, f64) {
    if b == 0.0 {
        return (1.0, 0.0, a);
    }
    let r = norm_l2(&[a, b]);
    (a / r, b / r, r)
}

#[test]
fn givens_rotation() {
    let check = l08::givens;
    let rot = "rotation_zeroes_b";
    judge(
        "givens",
        vec![
            ("reference", check(givens as GivensFn), Pass),
            ("r with the sign of a", check(g_sign_of_a), Pass),
            ("ratios t = a/b", check(g_ratios), Pass),
            ("norm_l2", check(g_norm_l2), Pass),
            ("c and s swapped", check(g_swapped), Kill(rot, 2)),
            ("s with the wrong sign", check(g_sign), Kill(rot, 2)),
            ("√(a² + b²)", check(g_naive), Kill("huge_and_tiny", 2)),
            ("no case for b = 0", check(g_no_zero_case), Kill("b_zero_is_the_identity", 2)),
        ],
    );
}

// ---------------------------------------------------------------- givens_qr

#[derive(Clone, Copy, PartialEq)]
enum Order {
    /// Column by column, bottom up against the row above (the reference).
    BottomUp,
    /// Column by column, top down against the row above: refills zeros.
    TopDown,
    /// Column by column, each entry against the diagonal row j.
    AgainstDiagonal,
    /// Row by row: row i against rows 0, 1, …, i − 1.
    RowByRow,
}

#[derive(Clone, Copy)]
struct Gqr {
    givens: GivensFn,
    order: Order,
    /// Rotate the whole rows (false: column j only).
    whole_rows: bool,
    /// Q ← Q·Gᵀ (false: Q ← Q·G).
    q_transposed: bool,
    /// Store ρ and an exact 0 in column j (false: compute them like the rest).
    exact_column: bool,
    /// Q as the product of explicit m×m rotations.
    explicit_q: bool,
}

const GQR: Gqr =
    Gqr { givens, order: Order::BottomUp, whole_rows: true, q_transposed: true, exact_column: true, explicit_q: false };

fn gqr(a: &Matrix, cfg: Gqr) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    let mut pairs = Vec::new();
    match cfg.order {
        Order::BottomUp => (0..n).for_each(|j| (j + 1..m).rev().for_each(|i| pairs.push((i - 1, i, j)))),
        Order::TopDown => (0..n).for_each(|j| (j + 1..m).for_each(|i| pairs.push((i - 1, i, j)))),
        Order::AgainstDiagonal => (0..n.min(m)).for_each(|j| (j + 1..m).for_each(|i| pairs.push((j, i, j)))),
        Order::RowByRow => (1..m).for_each(|i| (0..i.min(n)).for_each(|j| pairs.push((j, i, j)))),
    }
    let mut r = a.clone();
    let mut q = Matrix::identity(m);
    for (p, i, j) in pairs {
        if r[(i, j)] == 0.0 {
            continue;
        }
        let (c, s, rho) = (cfg.givens)(r[(p, j)], r[(i, j)]);
        let from = if cfg.exact_column { j + 1 } else { j };
        let to = if cfg.whole_rows { n } else { j + 1 };
        for k in from..to {
            let (x, y) = (r[(p, k)], r[(i, k)]);
            r[(p, k)] = c * x + s * y;
            r[(i, k)] = -s * x + c * y;
        }
        if cfg.exact_column {
            r[(p, j)] = rho;
            r[(i, j)] = 0.0;
        }
        let sq = if cfg.q_transposed { s } else { -s };
        if cfg.explicit_q {
            let gt = Matrix::from_fn(m, m, |x, y| match (x, y) {
                _ if x == p && y == p || x == i && y == i => c,
                _ if x == i && y == p => sq,
                _ if x == p && y == i => -sq,
                _ if x == y => 1.0,
                _ => 0.0,
            });
            q = product(&q, &gt);
        } else {
            for k in 0..m {
                let (x, y) = (q[(k, p)], q[(k, i)]);
                q[(k, p)] = c * x + sq * y;
                q[(k, i)] = -sq * x + c * y;
            }
        }
    }
    Ok(Qr { q, r })
}

fn g_row_by_row(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { order: Order::RowByRow, ..GQR })
}

fn g_against_diagonal(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { order: Order::AgainstDiagonal, ..GQR })
}

fn g_explicit_q(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { explicit_q: true, ..GQR })
}

fn g_with_sign_of_a(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { givens: g_sign_of_a, ..GQR })
}

fn g_top_down(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { order: Order::TopDown, ..GQR })
}

fn g_column_only(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { whole_rows: false, ..GQR })
}

fn g_q_times_g(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { q_transposed: false, ..GQR })
}

fn g_computed_zeros(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { exact_column: false, ..GQR })
}

fn g_on_swapped(a: &Matrix) -> Result<Qr, LinalgError> {
    gqr(a, Gqr { givens: g_swapped, ..GQR })
}

/// Bug: Q never accumulated, the identity returned.
fn g_no_q(a: &Matrix) -> Result<Qr, LinalgError> {
    let f = sol::givens_qr::givens_qr(a)?;
    Ok(Qr { q: Matrix::identity(a.nrows()), r: f.r })
}

#[test]
fn givens_qr() {
    let check = l08::givens_qr;
    let ex = "examples";
    judge(
        "givens_qr",
        vec![
            ("reference", check(sol::givens_qr::givens_qr as QrFn), Pass),
            ("row by row", check(g_row_by_row), Pass),
            ("against the diagonal row", check(g_against_diagonal), Pass),
            ("Q from explicit rotations", check(g_explicit_q), Pass),
            ("r with the sign of a", check(g_with_sign_of_a), Pass),
            ("Householder instead", check(full), Pass),
            ("top down (refills zeros)", check(g_top_down), Kill(ex, 12)),
            ("column j only", check(g_column_only), Kill(ex, 12)),
            ("Q·G instead of Q·Gᵀ", check(g_q_times_g), Kill(ex, 12)),
            ("zeros computed, not stored", check(g_computed_zeros), Kill("random_matrices", 12)),
            ("on a givens with c, s swapped", check(g_on_swapped), Kill(ex, 12)),
            ("Q not accumulated", check(g_no_q), Kill(ex, 12)),
        ],
    );
}

// ---------------------------------------------------------------- least_squares_qr

fn check_len(a: &Matrix, b: &[f64]) -> Result<(), LinalgError> {
    if b.len() == a.nrows() {
        Ok(())
    } else {
        Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() })
    }
}

/// Qᵀb from the thin Q, then R x = Qᵀb with the thin factorization `qr`.
fn ls_with(a: &Matrix, b: &[f64], qr: QrFn) -> Result<Vec<f64>, LinalgError> {
    check_len(a, b)?;
    let (m, n) = a.shape();
    if n > m && m > 0 {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let f = qr(a)?;
    let c: Vec<f64> = (0..n).map(|j| dot(&f.q.column(j), b)).collect();
    let r = Matrix::from_fn(n, n, |i, j| f.r[(i, j)]);
    back_substitution(&r, &c)
}

/// Variant: the full Householder factorization, cut to its first n rows.
fn ls_full(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    ls_with(a, b, full)
}

/// Variant: Givens rotations.
fn ls_givens(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    ls_with(a, b, sol::givens_qr::givens_qr)
}

/// Variant: the reflectors applied to b as they are made, Q never formed.
fn ls_implicit(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, b)?;
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let mut r = a.clone();
    let mut y = Matrix::from_fn(m, 1, |i, _| b[i]);
    for k in 0..n {
        let x: Vec<f64> = (k..m).map(|i| r[(i, k)]).collect();
        let (v, beta) = householder(&x)?;
        apply_householder(&v, beta, &mut r, k, k);
        apply_householder(&v, beta, &mut y, k, 0);
    }
    let top = Matrix::from_fn(n, n, |i, j| if j >= i { r[(i, j)] } else { 0.0 });
    back_substitution(&top, &y.column(0)[..n])
}

/// Bug: the normal equations (lesson 6).
fn ls_normal(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    lstsq_normal(a, b)
}

/// Bug: Q for Qᵀ, c_i = row i of Q dotted with the first n entries of b.
fn ls_q_not_qt(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, b)?;
    let f = thin(a)?;
    let n = a.ncols();
    let c: Vec<f64> = (0..n).map(|i| dot(f.q.row(i), &b[..n])).collect();
    back_substitution(&f.r, &c)
}

/// Bug: the full factorization without cutting: R is m×n, Qᵀb has m entries.
fn ls_untruncated(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, b)?;
    let f = full(a)?;
    let c: Vec<f64> = (0..a.nrows()).map(|j| dot(&f.q.column(j), b)).collect();
    back_substitution(&f.r, &c)
}

/// Bug: back substitution with Rᵀ (which reads only its diagonal).
fn ls_rt(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a, b)?;
    let f = thin(a)?;
    let c: Vec<f64> = (0..a.ncols()).map(|j| dot(&f.q.column(j), b)).collect();
    back_substitution(&transpose(&f.r), &c)
}

/// Bug: modified Gram–Schmidt's Q, then Qᵀb: Q is not orthogonal enough.
fn ls_mgs(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    ls_with(a, b, mgs)
}

/// Bug: b's length not checked (`dot` stops at the shorter vector).
fn ls_unchecked(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let f = thin(a)?;
    let c: Vec<f64> = (0..a.ncols()).map(|j| dot(&f.q.column(j), b)).collect();
    back_substitution(&f.r, &c)
}

#[test]
fn least_squares_qr() {
    let check = l08::least_squares_qr;
    let ex = "textbook_examples";
    let ill = "ill_conditioned_small_residual";
    judge(
        "least_squares_qr",
        vec![
            ("reference", check(sol::least_squares_qr::lstsq_qr as Lstsq), Pass),
            ("full QR, cut", check(ls_full), Pass),
            ("Givens QR", check(ls_givens), Pass),
            ("Qᵀb without forming Q", check(ls_implicit), Pass),
            ("normal equations", check(ls_normal), Kill(ill, 30)),
            ("Q for Qᵀ", check(ls_q_not_qt), Kill(ex, 9)),
            ("full factorization, not cut", check(ls_untruncated), Kill(ex, 9)),
            ("back substitution on Rᵀ", check(ls_rt), Kill(ex, 9)),
            ("modified Gram–Schmidt's Q", check(ls_mgs), Kill(ill, 30)),
            ("b unchecked", check(ls_unchecked), Kill("refuses_bad_input", 9)),
        ],
    );
}
