//! Mutation suite for lesson 11 (`checking.md` §5): for every exercise,
//! plausible wrong implementations (mutants) must fail the check on the
//! property named in the table, and different but correct implementations
//! (variants: other signs of the singular vectors, another stopping constant,
//! the accurate SVD where the AᵀA route is asked for) must pass. The route
//! through AᵀA submitted for the accurate SVD is a mutant: right in exact
//! arithmetic, it loses the singular values below √u·σ₁.
//!
//! Run with `--nocapture` to see every row with its counterexample.

use checks::l11::{self, LowRank, PseudoInverse, RankCondition};
use report::ExerciseReport;
use vocab::{LinalgError, Matrix, Svd};

use solutions::l06::least_squares::lstsq_normal;
use solutions::l06::normal_equations::gram;
use solutions::l10::symmetric_eigen::symmetric_eigen;
use solutions::l11 as sol;

mod judge;
use judge::{Kill, Pass, judge};

type SvdFn = fn(&Matrix) -> Result<Svd, LinalgError>;

fn transpose(a: &Matrix) -> Matrix {
    Matrix::from_fn(a.ncols(), a.nrows(), |i, j| a[(j, i)])
}

fn product(a: &Matrix, b: &Matrix) -> Matrix {
    Matrix::from_fn(a.nrows(), b.ncols(), |i, j| (0..a.ncols()).map(|k| a[(i, k)] * b[(k, j)]).sum())
}

// ---------------------------------------------------------------- a configurable one-sided Jacobi

#[derive(Clone, Copy)]
struct Jacobi {
    /// Stop on |γ| ≤ ε·‖a_p‖‖a_q‖ (true) or on |γ| ≤ ε·‖A‖_F² (false).
    relative: bool,
    /// ε as a multiple of f64::EPSILON·√m.
    eps_factor: f64,
    sweeps: usize,
    sort: bool,
    /// Negate every singular vector pair (another correct sign choice).
    flip: bool,
}

const GOOD: Jacobi = Jacobi { relative: true, eps_factor: 1.0, sweeps: 80, sort: true, flip: false };

/// One-sided Jacobi on the columns of A (tall) or of Aᵀ (wide), plain loops.
fn jacobi(a: &Matrix, cfg: Jacobi) -> Result<Svd, LinalgError> {
    let (m, n) = a.shape();
    if a.is_empty() {
        return Err(LinalgError::Empty);
    }
    if m < n {
        let Svd { u, s, vt } = jacobi(&transpose(a), cfg)?;
        return Ok(Svd { u: transpose(&vt), s, vt: transpose(&u) });
    }
    let mut cols: Vec<Vec<f64>> = (0..n).map(|j| a.column(j)).collect();
    let mut v: Vec<Vec<f64>> = (0..n).map(|j| (0..n).map(|i| if i == j { 1.0 } else { 0.0 }).collect()).collect();
    let dot = |x: &[f64], y: &[f64]| x.iter().zip(y).map(|(p, q)| p * q).sum::<f64>();
    let eps = cfg.eps_factor * f64::EPSILON * (m as f64).sqrt();
    let total: f64 = cols.iter().map(|c| dot(c, c)).sum();
    for _ in 0..cfg.sweeps {
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let (alpha, beta, gamma) = (dot(&cols[p], &cols[p]), dot(&cols[q], &cols[q]), dot(&cols[p], &cols[q]));
                let small = if cfg.relative { eps * alpha.sqrt() * beta.sqrt() } else { eps * total };
                if alpha == 0.0 || beta == 0.0 || gamma.abs() <= small {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + zeta.hypot(1.0));
                let c = 1.0 / t.hypot(1.0);
                let s = c * t;
                for w in [&mut cols, &mut v] {
                    for i in 0..w[p].len() {
                        let (x, y) = (w[p][i], w[q][i]);
                        w[p][i] = c * x - s * y;
                        w[q][i] = s * x + c * y;
                    }
                }
            }
        }
        if !rotated {
            break;
        }
    }
    let sigma: Vec<f64> = cols.iter().map(|c| dot(c, c).sqrt()).collect();
    let mut order: Vec<usize> = (0..n).collect();
    if cfg.sort {
        order.sort_by(|&i, &j| sigma[j].total_cmp(&sigma[i]));
    }
    let sign = if cfg.flip { -1.0 } else { 1.0 };
    // Zero columns: complete with the reference's rule (axis least covered, projected twice).
    let mut units: Vec<Vec<f64>> = Vec::new();
    for &j in &order {
        if sigma[j] > 0.0 {
            units.push(cols[j].iter().map(|x| sign * x / sigma[j]).collect());
        } else {
            let left = |i: usize| 1.0 - units.iter().map(|b| b[i] * b[i]).sum::<f64>();
            let best = (0..m).max_by(|&i, &j| left(i).total_cmp(&left(j))).unwrap_or(0);
            let mut x = vec![0.0; m];
            x[best] = 1.0;
            for _ in 0..2 {
                for b in &units {
                    let c = dot(b, &x);
                    x.iter_mut().zip(b).for_each(|(xi, bi)| *xi -= c * bi);
                }
            }
            let norm = dot(&x, &x).sqrt();
            units.push(x.iter().map(|t| t / norm).collect());
        }
    }
    let u = Matrix::from_fn(m, n, |i, j| units[j][i]);
    let vt = Matrix::from_fn(n, n, |i, j| sign * v[order[i]][j]);
    Ok(Svd { u, s: order.iter().map(|&j| sigma[j]).collect(), vt })
}

fn j_good(a: &Matrix) -> Result<Svd, LinalgError> {
    jacobi(a, GOOD)
}

fn j_flipped(a: &Matrix) -> Result<Svd, LinalgError> {
    jacobi(a, Jacobi { flip: true, eps_factor: 4.0, ..GOOD })
}

/// Bug: stop when |γ| ≤ ε·‖A‖_F², absolute: small columns are never made orthogonal.
fn j_absolute(a: &Matrix) -> Result<Svd, LinalgError> {
    jacobi(a, Jacobi { relative: false, ..GOOD })
}

/// Bug: one sweep only.
fn j_one_sweep(a: &Matrix) -> Result<Svd, LinalgError> {
    jacobi(a, Jacobi { sweeps: 1, ..GOOD })
}

/// Bug: the singular values left in column order.
fn j_unsorted(a: &Matrix) -> Result<Svd, LinalgError> {
    jacobi(a, Jacobi { sort: false, ..GOOD })
}

// ---------------------------------------------------------------- the route through AᵀA

/// The AᵀA route with its defects switched on one at a time.
#[derive(Clone, Copy)]
struct ViaEigen {
    clamp: bool,
    sqrt: bool,
    ascending: bool,
    normalise: bool,
}

const TEXTBOOK: ViaEigen = ViaEigen { clamp: true, sqrt: true, ascending: false, normalise: true };

fn via_eigen(a: &Matrix, cfg: ViaEigen) -> Result<Svd, LinalgError> {
    let (m, n) = a.shape();
    if a.is_empty() {
        return Err(LinalgError::Empty);
    }
    if m < n {
        let Svd { u, s, vt } = via_eigen(&transpose(a), cfg)?;
        return Ok(Svd { u: transpose(&vt), s, vt: transpose(&u) });
    }
    let eig = symmetric_eigen(&gram(a))?;
    let mut idx: Vec<usize> = (0..n).collect();
    if cfg.ascending {
        idx.reverse();
    }
    let lam: Vec<f64> = idx.iter().map(|&j| eig.values[j]).collect();
    let v = Matrix::from_fn(n, n, |i, j| eig.vectors[(i, idx[j])]);
    let s: Vec<f64> = lam
        .iter()
        .map(|&l| {
            let l = if cfg.clamp { l.max(0.0) } else { l };
            if cfg.sqrt { l.sqrt() } else { l }
        })
        .collect();
    let top = eig.values[0].max(0.0);
    let tau = m.max(n) as f64 * f64::EPSILON * top;
    let av = product(a, &v);
    let mut units: Vec<Vec<f64>> = Vec::new();
    for j in 0..n {
        if lam[j] > tau {
            let d = if cfg.normalise { s[j] } else { 1.0 };
            units.push((0..m).map(|i| av[(i, j)] / d).collect());
        } else {
            let left = |i: usize| 1.0 - units.iter().map(|b| b[i] * b[i]).sum::<f64>();
            let best = (0..m).max_by(|&i, &j| left(i).total_cmp(&left(j))).unwrap_or(0);
            let mut x = vec![0.0; m];
            x[best] = 1.0;
            for _ in 0..2 {
                for b in &units {
                    let c: f64 = b.iter().zip(&x).map(|(p, q)| p * q).sum();
                    x.iter_mut().zip(b).for_each(|(xi, bi)| *xi -= c * bi);
                }
            }
            let norm = x.iter().map(|t| t * t).sum::<f64>().sqrt();
            units.push(x.iter().map(|t| t / norm).collect());
        }
    }
    Ok(Svd { u: Matrix::from_fn(m, n, |i, j| units[j][i]), s, vt: transpose(&v) })
}

fn e_no_clamp(a: &Matrix) -> Result<Svd, LinalgError> {
    via_eigen(a, ViaEigen { clamp: false, ..TEXTBOOK })
}

fn e_no_sqrt(a: &Matrix) -> Result<Svd, LinalgError> {
    via_eigen(a, ViaEigen { sqrt: false, ..TEXTBOOK })
}

fn e_ascending(a: &Matrix) -> Result<Svd, LinalgError> {
    via_eigen(a, ViaEigen { ascending: true, ..TEXTBOOK })
}

fn e_unnormalised(a: &Matrix) -> Result<Svd, LinalgError> {
    via_eigen(a, ViaEigen { normalise: false, ..TEXTBOOK })
}

// ---------------------------------------------------------------- svd_via_eigen

#[test]
fn svd_via_eigen() {
    let check = l11::svd_via_eigen;
    judge(
        "svd_via_eigen",
        vec![
            ("reference", check(sol::svd_via_eigen::svd_via_eigen), Pass),
            ("the textbook route, plain loops", check(|a| via_eigen(a, TEXTBOOK)), Pass),
            ("an accurate SVD (Jacobi), other signs", check(j_flipped), Pass),
            ("no clamp: √ of a tiny negative eigenvalue", check(e_no_clamp), Kill("rank_deficient", 64)),
            ("eigenvalues for singular values (no √)", check(e_no_sqrt), Kill("examples", 4)),
            ("ascending order", check(e_ascending), Kill("examples", 4)),
            ("u_j = Av_j, not divided by σ_j", check(e_unnormalised), Kill("examples", 4)),
        ],
    );
}

// ---------------------------------------------------------------- jacobi_svd

#[test]
fn jacobi_svd() {
    let check = l11::jacobi_svd;
    judge(
        "jacobi_svd",
        vec![
            ("reference", check(sol::jacobi_svd::jacobi_svd), Pass),
            ("plain loops, one column per Vec", check(j_good), Pass),
            ("other signs, ε four times larger", check(j_flipped), Pass),
            ("the route through AᵀA", check(sol::svd_via_eigen::svd_via_eigen as SvdFn), Kill("ill_conditioned", 64)),
            ("absolute stopping test ε·‖A‖²", check(j_absolute), Kill("examples", 9)),
            ("one sweep", check(j_one_sweep), Kill("random_matrices", 64)),
            ("unsorted singular values", check(j_unsorted), Kill("examples", 4)),
        ],
    );
}

// ---------------------------------------------------------------- pseudo_inverse

type Pinv = fn(&Matrix) -> Result<Matrix, LinalgError>;
type Lstsq = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

fn check_pinv(pseudo_inverse: Pinv, lstsq_pinv: Lstsq) -> ExerciseReport {
    l11::pseudo_inverse(&PseudoInverse { pseudo_inverse, lstsq_pinv })
}

/// A⁺ = VΣ⁺Uᵀ with σ kept when `keep(σ, σ₁, m, n)`; `transposed` builds UΣ⁺Vᵀ instead.
fn pinv_with(a: &Matrix, keep: fn(f64, f64, usize, usize) -> bool, transposed: bool) -> Result<Matrix, LinalgError> {
    let (m, n) = a.shape();
    let Svd { u, s, vt } = sol::jacobi_svd::jacobi_svd(a)?;
    let w: Vec<f64> = s.iter().map(|&x| if keep(x, s[0], m, n) { 1.0 / x } else { 0.0 }).collect();
    if transposed {
        return Ok(Matrix::from_fn(m, n, |i, l| (0..w.len()).map(|j| u[(i, j)] * w[j] * vt[(j, l)]).sum()));
    }
    Ok(Matrix::from_fn(n, m, |i, l| (0..w.len()).map(|j| vt[(j, i)] * w[j] * u[(l, j)]).sum()))
}

fn p_relative_1e13(a: &Matrix) -> Result<Matrix, LinalgError> {
    pinv_with(a, |x, top, _, _| x > 1e-13 * top, false)
}

/// Bug: every nonzero σ inverted, rounding noise included.
fn p_no_cutoff(a: &Matrix) -> Result<Matrix, LinalgError> {
    pinv_with(a, |x, _, _, _| x != 0.0, false)
}

/// Bug: an absolute cutoff, blind to the scale of A.
fn p_absolute(a: &Matrix) -> Result<Matrix, LinalgError> {
    pinv_with(a, |x, _, _, _| x > 1e-10, false)
}

/// Bug: UΣ⁺Vᵀ, the shape of A instead of Aᵀ.
fn p_transposed(a: &Matrix) -> Result<Matrix, LinalgError> {
    pinv_with(a, |x, top, m, n| x > m.max(n) as f64 * f64::EPSILON * top, true)
}

/// Variant: x = A⁺b through the explicit pseudo-inverse.
fn l_through_pinv(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if b.len() != a.nrows() {
        return Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() });
    }
    let x = sol::pseudo_inverse::pseudo_inverse(a)?;
    Ok((0..x.nrows()).map(|i| (0..x.ncols()).map(|l| x[(i, l)] * b[l]).sum()).collect())
}

/// Bug: the normal equations (lesson 6): Singular on dependent columns, κ² otherwise.
fn l_normal(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    lstsq_normal(a, b)
}

/// Bug: every nonzero σ inverted in least squares too.
fn l_no_cutoff(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if b.len() != a.nrows() {
        return Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() });
    }
    let x = p_no_cutoff(a)?;
    Ok((0..x.nrows()).map(|i| (0..x.ncols()).map(|l| x[(i, l)] * b[l]).sum()).collect())
}

#[test]
fn pseudo_inverse() {
    let (p, l): (Pinv, Lstsq) = (sol::pseudo_inverse::pseudo_inverse, sol::pseudo_inverse::lstsq_pinv);
    judge(
        "pseudo_inverse",
        vec![
            ("reference", check_pinv(p, l), Pass),
            ("cutoff 1e-13·σ₁; x through A⁺", check_pinv(p_relative_1e13, l_through_pinv), Pass),
            ("no cutoff: 1/σ of rounding noise", check_pinv(p_no_cutoff, l), Kill("penrose", 64)),
            ("absolute cutoff 1e-10", check_pinv(p_absolute, l), Kill("penrose", 64)),
            ("UΣ⁺Vᵀ (transposed)", check_pinv(p_transposed, l), Kill("examples", 4)),
            ("least squares by the normal equations", check_pinv(p, l_normal), Kill("least_squares", 64)),
            ("least squares without a cutoff", check_pinv(p, l_no_cutoff), Kill("least_squares", 64)),
        ],
    );
}

// ---------------------------------------------------------------- low_rank

type Truncate = fn(&Svd, usize) -> Matrix;
type LowRankFn = fn(&Matrix, usize) -> Result<Matrix, LinalgError>;
type Ey = fn(&[f64], usize) -> f64;

fn check_lr(truncate: Truncate, low_rank: LowRankFn, eckart_young_error: Ey) -> ExerciseReport {
    l11::low_rank(&LowRank { truncate, low_rank, eckart_young_error })
}

fn layers(svd: &Svd, js: impl Iterator<Item = usize> + Clone) -> Matrix {
    Matrix::from_fn(svd.u.nrows(), svd.vt.ncols(), |i, l| {
        js.clone().map(|j| svd.u[(i, j)] * svd.s[j] * svd.vt[(j, l)]).sum()
    })
}

/// Bug: keeps the k SMALLEST singular values.
fn t_smallest(svd: &Svd, k: usize) -> Matrix {
    let p = svd.s.len();
    layers(svd, p.saturating_sub(k)..p)
}

/// Bug: off by one, k − 1 layers.
fn t_off_by_one(svd: &Svd, k: usize) -> Matrix {
    layers(svd, 0..k.saturating_sub(1).min(svd.s.len()))
}

/// Variant: A minus the dropped layers.
fn lr_subtract(a: &Matrix, k: usize) -> Result<Matrix, LinalgError> {
    let svd = sol::jacobi_svd::jacobi_svd(a)?;
    let dropped = layers(&svd, k.min(svd.s.len())..svd.s.len());
    Ok(Matrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(i, j)] - dropped[(i, j)]))
}

/// Bug: the SVD through AᵀA, which loses the small σ and their vectors.
fn lr_via_eigen(a: &Matrix, k: usize) -> Result<Matrix, LinalgError> {
    Ok(sol::low_rank::truncate(&sol::svd_via_eigen::svd_via_eigen(a)?, k))
}

/// Bug: the smallest values kept in low_rank too.
fn lr_smallest(a: &Matrix, k: usize) -> Result<Matrix, LinalgError> {
    Ok(t_smallest(&sol::jacobi_svd::jacobi_svd(a)?, k))
}

/// Bug: the kept values summed instead of the dropped ones.
fn ey_kept(s: &[f64], k: usize) -> f64 {
    s[..k.min(s.len())].iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Bug: squares summed without scaling: overflow at 2^600.
fn ey_naive(s: &[f64], k: usize) -> f64 {
    s.iter().skip(k).map(|x| x * x).sum::<f64>().sqrt()
}

/// Bug: the sum of the dropped values, not of their squares.
fn ey_sum(s: &[f64], k: usize) -> f64 {
    s.iter().skip(k).sum()
}

/// Variant: a running hypot.
fn ey_hypot(s: &[f64], k: usize) -> f64 {
    s.iter().skip(k).fold(0.0, |acc: f64, &x| acc.hypot(x))
}

#[test]
fn low_rank() {
    let (t, l, e): (Truncate, LowRankFn, Ey) =
        (sol::low_rank::truncate, sol::low_rank::low_rank, sol::low_rank::eckart_young_error);
    judge(
        "low_rank",
        vec![
            ("reference", check_lr(t, l, e), Pass),
            ("A minus the dropped layers; running hypot", check_lr(t, lr_subtract, ey_hypot), Pass),
            ("truncate keeps the smallest σ", check_lr(t_smallest, l, e), Kill("truncate", 16)),
            ("truncate keeps k − 1 layers", check_lr(t_off_by_one, l, e), Kill("truncate", 16)),
            ("low_rank keeps the smallest σ", check_lr(t, lr_smallest, e), Kill("low_rank_examples", 8)),
            ("low_rank through AᵀA", check_lr(t, lr_via_eigen, e), Kill("eckart_young", 64)),
            ("error of the kept values", check_lr(t, l, ey_kept), Kill("error_from_values", 4)),
            ("error without scaling (overflow)", check_lr(t, l, ey_naive), Kill("error_from_values", 4)),
            ("error as a plain sum", check_lr(t, l, ey_sum), Kill("error_from_values", 4)),
        ],
    );
}

// ---------------------------------------------------------------- rank_condition

type Rank = fn(&Matrix) -> Result<usize, LinalgError>;
type Cond = fn(&Matrix) -> Result<f64, LinalgError>;

fn check_rc(numerical_rank: Rank, cond_2: Cond) -> ExerciseReport {
    l11::rank_condition(&RankCondition { numerical_rank, cond_2 })
}

fn rank_with(a: &Matrix, svd: SvdFn, above: fn(f64, f64, usize, usize) -> bool) -> Result<usize, LinalgError> {
    let (m, n) = a.shape();
    let s = svd(a)?.s;
    Ok(s.iter().filter(|&&x| above(x, s[0], m, n)).count())
}

fn r_1e12(a: &Matrix) -> Result<usize, LinalgError> {
    rank_with(a, sol::jacobi_svd::jacobi_svd, |x, top, _, _| x > 1e-12 * top)
}

/// Bug: `s[j] != 0.0`.
fn r_exact_zero(a: &Matrix) -> Result<usize, LinalgError> {
    rank_with(a, sol::jacobi_svd::jacobi_svd, |x, _, _, _| x != 0.0)
}

/// Bug: an absolute tolerance.
fn r_absolute(a: &Matrix) -> Result<usize, LinalgError> {
    rank_with(a, sol::jacobi_svd::jacobi_svd, |x, _, _, _| x > 1e-10)
}

/// Bug: the singular values from AᵀA (noise at √u·σ₁).
fn r_via_eigen(a: &Matrix) -> Result<usize, LinalgError> {
    rank_with(a, sol::svd_via_eigen::svd_via_eigen, |x, top, m, n| x > m.max(n) as f64 * f64::EPSILON * top)
}

/// Variant: σ₁ times 1/σ_min, ∞ by a 1e-12 relative test.
fn c_variant(a: &Matrix) -> Result<f64, LinalgError> {
    let s = sol::jacobi_svd::jacobi_svd(a)?.s;
    let low = s[s.len() - 1];
    Ok(if low <= 1e-12 * s[0] { f64::INFINITY } else { s[0] * (1.0 / low) })
}

/// Bug: σ₁/σ_min without the rank test (1e16 instead of ∞).
fn c_no_infinity(a: &Matrix) -> Result<f64, LinalgError> {
    let s = sol::jacobi_svd::jacobi_svd(a)?.s;
    Ok(s[0] / s[s.len() - 1])
}

/// Bug: σ₁ over the smallest NONZERO singular value.
fn c_smallest_nonzero(a: &Matrix) -> Result<f64, LinalgError> {
    let s = sol::jacobi_svd::jacobi_svd(a)?.s;
    let tol = a.nrows().max(a.ncols()) as f64 * f64::EPSILON * s[0];
    Ok(s.iter().rev().find(|&&x| x > tol).map_or(f64::INFINITY, |&low| s[0] / low))
}

/// Bug: σ_min/σ₁, upside down.
fn c_inverted(a: &Matrix) -> Result<f64, LinalgError> {
    let k = sol::rank_condition::cond_2(a)?;
    Ok(if k.is_infinite() { k } else { 1.0 / k })
}

#[test]
fn rank_condition() {
    let (r, c): (Rank, Cond) = (sol::rank_condition::numerical_rank, sol::rank_condition::cond_2);
    judge(
        "rank_condition",
        vec![
            ("reference", check_rc(r, c), Pass),
            ("tolerance 1e-12·σ₁; σ₁·(1/σ_min)", check_rc(r_1e12, c_variant), Pass),
            ("rank: s[j] != 0.0", check_rc(r_exact_zero, c), Kill("rank_examples", 9)),
            ("rank: absolute tolerance 1e-10", check_rc(r_absolute, c), Kill("rank", 64)),
            ("rank from the AᵀA route", check_rc(r_via_eigen, c), Kill("rank", 64)),
            ("cond: σ₁/σ_min without ∞", check_rc(r, c_no_infinity), Kill("cond_examples", 9)),
            ("cond: smallest nonzero σ", check_rc(r, c_smallest_nonzero), Kill("cond_examples", 9)),
            ("cond: σ_min/σ₁", check_rc(r, c_inverted), Kill("cond_examples", 9)),
        ],
    );
}
