//! Mutation suite for lesson 10 (`checking.md` §5): for every exercise,
//! plausible wrong implementations (mutants) must fail the check on the
//! property named in the table, with a small counterexample, and different
//! but correct implementations (variants) must pass. The three bugs the issue
//! names are here: A ← QR instead of RQ (`qr_iteration`), a fixed small
//! iteration count instead of the tolerance (`power_iteration`,
//! `inverse_iteration`, `qr_iteration`), and the sign lost in the eigenvalue
//! estimate (‖Ax‖ or |xᵀAx| for the Rayleigh quotient).
//!
//! Run with `--nocapture` to see every row with its counterexample.

use checks::l10::{self, Deflation, PowerIteration, QrIteration};
use report::ExerciseReport;
use vocab::{LinalgError, Matrix, SymEig};

use solutions::l02::dot_product::dot;
use solutions::l02::vector_norms::norm_l2;
use solutions::l03::matrix_product::mat_mul;
use solutions::l03::matrix_vector::mat_vec_rows;
use solutions::l05::lu::lu;
use solutions::l05::lu_solve::lu_solve;
use solutions::l08::givens::givens;
use solutions::l08::givens_qr::givens_qr;
use solutions::l08::householder::householder;
use solutions::l08::householder_qr::householder_qr;
use solutions::l09::rayleigh::rayleigh_quotient;
use solutions::l10 as sol;

mod judge;
use judge::{Kill, Pass, judge};

type StepFn = fn(&Matrix, &[f64]) -> Result<(Vec<f64>, f64), LinalgError>;
type PowerFn = fn(&Matrix, &[f64], usize, f64) -> Result<(f64, Vec<f64>, usize), LinalgError>;
type DeflateFn = fn(&Matrix, f64, &[f64]) -> Result<Matrix, LinalgError>;
type TopTwoFn = fn(&Matrix, &[f64], usize, f64) -> Result<l10::Pairs, LinalgError>;
type QrStepFn = fn(&Matrix) -> Result<Matrix, LinalgError>;
type QrIterFn = fn(&Matrix, usize, f64) -> Result<(Vec<f64>, usize), LinalgError>;
type SymFn = fn(&Matrix) -> Result<SymEig, LinalgError>;

fn transpose(a: &Matrix) -> Matrix {
    Matrix::from_fn(a.ncols(), a.nrows(), |i, j| a[(j, i)])
}

fn unit(x: &[f64]) -> Vec<f64> {
    let n = norm_l2(x);
    x.iter().map(|t| t / n).collect()
}

fn step_residual(next: &[f64], x: &[f64], s: f64) -> f64 {
    norm_l2(&next.iter().zip(x).map(|(p, q)| p - s * q).collect::<Vec<f64>>())
}

fn sign(x: f64) -> f64 {
    if x < 0.0 { -1.0 } else { 1.0 }
}

// ---------------------------------------------------------------- power_iteration

fn check_power(step: StepFn, it: PowerFn) -> ExerciseReport {
    l10::power_iteration(&PowerIteration { power_step: step, power_iteration: it })
}

/// Bug: λ = ‖Ax‖/‖x‖, the sign lost.
fn step_norm(a: &Matrix, x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    let (next, _) = sol::power_iteration::power_step(a, x)?;
    Ok((next, norm_l2(&mat_vec_rows(a, x)?) / norm_l2(x)))
}

/// Bug: |xᵀAx|/xᵀx.
fn step_abs(a: &Matrix, x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    let (next, lambda) = sol::power_iteration::power_step(a, x)?;
    Ok((next, lambda.abs()))
}

/// Bug: λ = xᵀAx without dividing by xᵀx.
fn step_unnormalised(a: &Matrix, x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    let (next, _) = sol::power_iteration::power_step(a, x)?;
    Ok((next, dot(x, &mat_vec_rows(a, x)?)))
}

/// Variant: the lesson-9 `rayleigh_quotient` (a second product per step).
fn step_rayleigh(a: &Matrix, x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    let (next, _) = sol::power_iteration::power_step(a, x)?;
    Ok((next, rayleigh_quotient(a, x)?))
}

/// Bug: a fixed 20 steps, whatever the tolerance.
fn power_fixed(a: &Matrix, x0: &[f64], max_iter: usize, _tol: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    sol::power_iteration::power_step(a, x0)?;
    let mut x = unit(x0);
    let mut lambda = 0.0;
    let steps = max_iter.min(20);
    for _ in 0..steps {
        let (next, l) = sol::power_iteration::power_step(a, &x)?;
        (x, lambda) = (next, l);
    }
    Ok((lambda, x, steps))
}

/// Bug: the step compared with x, not with sign(λ)·x: a negative dominant
/// eigenvalue never converges.
fn power_no_sign(a: &Matrix, x0: &[f64], max_iter: usize, tol: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    sol::power_iteration::power_step(a, x0)?;
    let mut x = unit(x0);
    let mut residual = f64::INFINITY;
    for k in 1..=max_iter {
        let (next, lambda) = sol::power_iteration::power_step(a, &x)?;
        residual = step_residual(&next, &x, 1.0);
        if residual <= tol {
            return Ok((lambda, next, k));
        }
        x = next;
    }
    Err(LinalgError::NotConverged { iterations: max_iter, residual })
}

/// Bug: |λ| returned.
fn power_abs(a: &Matrix, x0: &[f64], max_iter: usize, tol: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    let (l, v, k) = sol::power_iteration::power_iteration(a, x0, max_iter, tol)?;
    Ok((l.abs(), v, k))
}

/// Bug: the last estimate returned as Ok when the budget runs out.
fn power_ok_at_cap(a: &Matrix, x0: &[f64], max_iter: usize, tol: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    match sol::power_iteration::power_iteration(a, x0, max_iter, tol) {
        Err(LinalgError::NotConverged { .. }) => {
            let (next, lambda) = sol::power_iteration::power_step(a, x0)?;
            Ok((lambda, next, max_iter))
        }
        other => other,
    }
}

/// Variant: stop on the residual ‖Ax − λx‖ ≤ tol·|λ| of the new vector,
/// with its own Rayleigh quotient (one more product per step).
fn power_residual_test(
    a: &Matrix,
    x0: &[f64],
    max_iter: usize,
    tol: f64,
) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    sol::power_iteration::power_step(a, x0)?;
    let mut x = unit(x0);
    let mut residual = f64::INFINITY;
    for k in 1..=max_iter {
        let (next, _) = sol::power_iteration::power_step(a, &x)?;
        let lambda = rayleigh_quotient(a, &next)?;
        let an = mat_vec_rows(a, &next)?;
        residual = norm_l2(&an.iter().zip(&next).map(|(p, q)| p - lambda * q).collect::<Vec<f64>>());
        if residual <= tol * lambda.abs() {
            return Ok((lambda, next, k));
        }
        x = next;
    }
    Err(LinalgError::NotConverged { iterations: max_iter, residual })
}

#[test]
fn power_iteration() {
    let step = sol::power_iteration::power_step;
    let it = sol::power_iteration::power_iteration;
    judge(
        "power_iteration",
        vec![
            ("reference", check_power(step, it), Pass),
            ("step: lesson-9 rayleigh_quotient", check_power(step_rayleigh, it), Pass),
            ("stop on ‖Av − λv‖ ≤ tol·|λ|", check_power(step, power_residual_test), Pass),
            ("step: λ = ‖Ax‖/‖x‖ (sign lost)", check_power(step_norm, it), Kill("step_examples", 12)),
            ("step: λ = |xᵀAx|/xᵀx (sign lost)", check_power(step_abs, it), Kill("step_examples", 12)),
            ("step: xᵀAx not divided by xᵀx", check_power(step_unnormalised, it), Kill("step_examples", 12)),
            ("|λ| returned (sign lost)", check_power(step, power_abs), Kill("examples", 20)),
            ("a fixed 20 steps", check_power(step, power_fixed), Kill("general_matrices", 60)),
            ("step compared with x, not sign(λ)·x", check_power(step, power_no_sign), Kill("examples", 20)),
            ("Ok at the budget", check_power(step, power_ok_at_cap), Kill("stops_at_max_iter", 20)),
        ],
    );
}

// ---------------------------------------------------------------- inverse_iteration

/// The reference loop with a choice of matrix, step count and eigenvalue.
#[allow(clippy::too_many_arguments)]
fn inverse_with(
    a: &Matrix,
    shift: f64,
    x0: &[f64],
    max_iter: usize,
    tol: f64,
    shifted: bool,
    fixed: Option<usize>,
    theta_as_lambda: bool,
) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    let n = a.nrows();
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    if x0.len() != n {
        return Err(LinalgError::DimensionMismatch { expected: n, found: x0.len() });
    }
    if norm_l2(x0) == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    let s = if shifted { shift } else { 0.0 };
    let f = lu(&Matrix::from_fn(n, n, |i, j| a[(i, j)] - if i == j { s } else { 0.0 }))?;
    let mut x = unit(x0);
    let mut residual = f64::INFINITY;
    for k in 1..=max_iter {
        let y = lu_solve(&f, &x)?;
        let next = unit(&y);
        let theta = dot(&x, &y);
        residual = step_residual(&next, &x, sign(theta));
        if fixed.map_or(residual <= tol, |m| k == m) {
            let lambda = if theta_as_lambda { theta } else { rayleigh_quotient(a, &next)? };
            return Ok((lambda, next, k));
        }
        x = next;
    }
    Err(LinalgError::NotConverged { iterations: max_iter, residual })
}

/// Bug: the shift forgotten: A itself factored, so the eigenvalue nearest 0 comes out.
fn inv_unshifted(a: &Matrix, s: f64, x0: &[f64], m: usize, t: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    inverse_with(a, s, x0, m, t, false, None, false)
}

/// Bug: a fixed 3 steps.
fn inv_fixed(a: &Matrix, s: f64, x0: &[f64], m: usize, t: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    inverse_with(a, s, x0, m.min(3), t, true, Some(3), false)
}

/// Bug: θ = xᵀ(A − σI)⁻¹x returned as the eigenvalue (it is 1/(λ − σ)).
fn inv_theta(a: &Matrix, s: f64, x0: &[f64], m: usize, t: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    inverse_with(a, s, x0, m, t, true, None, true)
}

/// Bug: the power method on A − σI (multiplied, not solved), then + σ.
fn inv_multiply(a: &Matrix, s: f64, x0: &[f64], m: usize, t: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    let n = a.nrows();
    let shifted = Matrix::from_fn(n, a.ncols(), |i, j| a[(i, j)] - if i == j { s } else { 0.0 });
    let (l, v, k) = sol::power_iteration::power_iteration(&shifted, x0, m, t)?;
    Ok((l + s, v, k))
}

/// Variant: λ = σ + 1/θ instead of the Rayleigh quotient.
fn inv_sigma_plus(a: &Matrix, s: f64, x0: &[f64], m: usize, t: f64) -> Result<(f64, Vec<f64>, usize), LinalgError> {
    let (_, v, k) = sol::inverse_iteration::inverse_iteration(a, s, x0, m, t)?;
    let n = a.nrows();
    let f = lu(&Matrix::from_fn(n, n, |i, j| a[(i, j)] - if i == j { s } else { 0.0 }))?;
    let theta = dot(&v, &lu_solve(&f, &v)?);
    Ok((s + 1.0 / theta, v, k))
}

#[test]
fn inverse_iteration() {
    let check = l10::inverse_iteration;
    let ex = "examples";
    judge(
        "inverse_iteration",
        vec![
            ("reference", check(sol::inverse_iteration::inverse_iteration), Pass),
            ("λ = σ + 1/θ", check(inv_sigma_plus), Pass),
            ("shift forgotten", check(inv_unshifted), Kill(ex, 20)),
            ("a fixed 3 steps", check(inv_fixed), Kill("general_matrices", 60)),
            ("θ returned as λ", check(inv_theta), Kill(ex, 20)),
            ("power method on A − σI", check(inv_multiply), Kill(ex, 20)),
        ],
    );
}

// ---------------------------------------------------------------- deflation

fn check_defl(d: DeflateFn, t: TopTwoFn) -> ExerciseReport {
    l10::deflation(&Deflation { deflate: d, top_two_eigenpairs: t })
}

/// Bug: v used as if it were a unit vector.
fn defl_unnormalised(a: &Matrix, lambda: f64, v: &[f64]) -> Result<Matrix, LinalgError> {
    sol::deflation::deflate(a, lambda * dot(v, v), v)
}

/// Bug: A + λvvᵀ.
fn defl_plus(a: &Matrix, lambda: f64, v: &[f64]) -> Result<Matrix, LinalgError> {
    sol::deflation::deflate(a, -lambda, v)
}

/// Variant: v normalised first with norm_l2, then λ·v̂v̂ᵀ.
fn defl_normalise_first(a: &Matrix, lambda: f64, v: &[f64]) -> Result<Matrix, LinalgError> {
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    if v.len() != a.nrows() {
        return Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: v.len() });
    }
    if norm_l2(v) == 0.0 {
        return Err(LinalgError::ZeroVector);
    }
    let u = unit(v);
    Ok(Matrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(i, j)] - lambda * u[i] * u[j]))
}

/// Bug: the second eigenvalue as |λ₁|.
fn top_abs(a: &Matrix, x0: &[f64], m: usize, t: f64) -> Result<l10::Pairs, LinalgError> {
    let ((l0, v0), (l1, v1)) = sol::deflation::top_two_eigenpairs(a, x0, m, t)?;
    Ok(((l0, v0), (l1.abs(), v1)))
}

/// Bug: the second pair from the original A again (no deflation).
fn top_no_deflation(a: &Matrix, x0: &[f64], m: usize, t: f64) -> Result<l10::Pairs, LinalgError> {
    let (l0, v0, _) = sol::power_iteration::power_iteration(a, x0, m, t)?;
    let (l1, v1, _) = sol::power_iteration::power_iteration(a, &[x0, &[1.0]].concat()[..x0.len()], m, t)?;
    Ok(((l0, v0), (l1, v1)))
}

/// Variant: the first pair to a tolerance 100 times tighter.
fn top_tighter(a: &Matrix, x0: &[f64], m: usize, t: f64) -> Result<l10::Pairs, LinalgError> {
    let (l0, v0, _) = sol::power_iteration::power_iteration(a, x0, m, t / 100.0)?;
    let b = sol::deflation::deflate(a, l0, &v0)?;
    let (l1, v1, _) = sol::power_iteration::power_iteration(&b, x0, m, t)?;
    Ok(((l0, v0), (l1, v1)))
}

#[test]
fn deflation() {
    let (d, t): (DeflateFn, TopTwoFn) = (sol::deflation::deflate, sol::deflation::top_two_eigenpairs);
    judge(
        "deflation",
        vec![
            ("reference", check_defl(d, t), Pass),
            ("v normalised first", check_defl(defl_normalise_first, t), Pass),
            ("first pair to a tighter tolerance", check_defl(d, top_tighter), Pass),
            ("v not normalised", check_defl(defl_unnormalised, t), Kill("deflate_examples", 12)),
            ("A + λvvᵀ", check_defl(defl_plus, t), Kill("deflate_examples", 12)),
            ("|λ₁| (sign lost)", check_defl(d, top_abs), Kill("top_two_examples", 20)),
            ("no deflation", check_defl(d, top_no_deflation), Kill("top_two_examples", 20)),
        ],
    );
}

// ---------------------------------------------------------------- hessenberg

/// The reference reduction with its pieces switched on and off.
fn hess_with(
    a: &Matrix,
    from_right: bool,
    start: usize,
    zeros: bool,
    q_transposed: bool,
) -> Result<(Matrix, Matrix), LinalgError> {
    let (rows, cols) = a.shape();
    if rows == 0 && cols == 0 {
        return Err(LinalgError::Empty);
    }
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    let n = rows;
    let mut h = a.clone();
    let mut q = Matrix::identity(n);
    for k in 0..n.saturating_sub(1 + start) {
        let x: Vec<f64> = (k + start..n).map(|i| h[(i, k)]).collect();
        let (v, beta) = householder(&x)?;
        let p = Matrix::from_fn(n, n, |i, j| {
            let (vi, vj) = (
                if i >= k + start { v[i - k - start] } else { 0.0 },
                if j >= k + start { v[j - k - start] } else { 0.0 },
            );
            f64::from(u8::from(i == j)) - beta * vi * vj
        });
        h = mat_mul(&p, &h)?;
        if from_right {
            h = mat_mul(&h, &p)?;
        }
        q = mat_mul(&q, &p)?;
        if zeros {
            for i in k + 2..n {
                h[(i, k)] = 0.0;
            }
        }
    }
    Ok((if q_transposed { transpose(&q) } else { q }, h))
}

/// Variant: explicit n×n reflectors and dense products, Q accumulated forwards.
fn hess_explicit(a: &Matrix) -> Result<(Matrix, Matrix), LinalgError> {
    hess_with(a, true, 1, true, false)
}

/// Bug: reflectors applied from the left only (H = QᵀA is not similar to A).
fn hess_left_only(a: &Matrix) -> Result<(Matrix, Matrix), LinalgError> {
    hess_with(a, false, 1, true, false)
}

/// Bug: Qᵀ returned.
fn hess_qt(a: &Matrix) -> Result<(Matrix, Matrix), LinalgError> {
    let (q, h) = sol::hessenberg::hessenberg(a)?;
    Ok((transpose(&q), h))
}

/// Bug: reflectors from the diagonal down (as in QR): the right
/// multiplication fills the column again.
fn hess_from_diagonal(a: &Matrix) -> Result<(Matrix, Matrix), LinalgError> {
    hess_with(a, true, 0, false, false)
}

/// Bug: rounding left below the subdiagonal, no exact zeros.
fn hess_noise(a: &Matrix) -> Result<(Matrix, Matrix), LinalgError> {
    hess_with(a, true, 1, false, false)
}

#[test]
fn hessenberg() {
    let check = l10::hessenberg;
    let ex = "examples";
    judge(
        "hessenberg",
        vec![
            ("reference", check(sol::hessenberg::hessenberg), Pass),
            ("explicit reflectors, dense products", check(hess_explicit), Pass),
            ("left only", check(hess_left_only), Kill(ex, 20)),
            ("Qᵀ returned", check(hess_qt), Kill("random_matrices", 60)),
            ("reflectors from the diagonal", check(hess_from_diagonal), Kill(ex, 20)),
            ("rounding below the subdiagonal", check(hess_noise), Kill("random_matrices", 60)),
        ],
    );
}

// ---------------------------------------------------------------- qr_iteration

fn check_qr(step: QrStepFn, it: QrIterFn) -> ExerciseReport {
    l10::qr_iteration(&QrIteration { qr_step: step, qr_iteration: it })
}

/// Bug: A ← QR (which is A again) instead of RQ.
fn step_qr(a: &Matrix) -> Result<Matrix, LinalgError> {
    if a.is_empty() {
        return Err(LinalgError::Empty);
    }
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    let f = householder_qr(a)?;
    mat_mul(&f.q, &f.r)
}

/// Bug: QᵀR (a plausible mix-up of the factors).
fn step_qt_r(a: &Matrix) -> Result<Matrix, LinalgError> {
    let f = householder_qr(a)?;
    mat_mul(&transpose(&f.q), &f.r)
}

/// Variant: the step with the lesson-8 Givens QR.
fn step_givens(a: &Matrix) -> Result<Matrix, LinalgError> {
    if a.nrows() == 0 && a.ncols() == 0 {
        return Err(LinalgError::Empty);
    }
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    let f = givens_qr(a)?;
    mat_mul(&f.r, &f.q)
}

/// The reference loop with its test and step replaced.
fn qr_iter_with(
    a: &Matrix,
    max_iter: usize,
    tol: f64,
    step: QrStepFn,
    last_only: bool,
    fixed: Option<usize>,
) -> Result<(Vec<f64>, usize), LinalgError> {
    sol::qr_iteration::qr_step(a)?;
    let n = a.nrows();
    let scale = norm_l2(a.as_slice());
    let mut ak = a.clone();
    let mut k = 0;
    loop {
        let off = if last_only {
            if n < 2 { 0.0 } else { ak[(n - 1, n - 2)].abs() }
        } else {
            (0..n).flat_map(|i| (0..i).map(move |j| (i, j))).fold(0.0_f64, |m, (i, j)| m.max(ak[(i, j)].abs()))
        };
        let done = match fixed {
            Some(m) => k == m,
            None => off <= tol * scale,
        };
        if done {
            return Ok(((0..n).map(|i| ak[(i, i)]).collect(), k));
        }
        if k == max_iter {
            return Err(LinalgError::NotConverged { iterations: max_iter, residual: off });
        }
        ak = step(&ak)?;
        k += 1;
    }
}

fn iter_qr_for_rq(a: &Matrix, m: usize, t: f64) -> Result<(Vec<f64>, usize), LinalgError> {
    qr_iter_with(a, m, t, step_qr, false, None)
}

fn iter_fixed(a: &Matrix, m: usize, t: f64) -> Result<(Vec<f64>, usize), LinalgError> {
    qr_iter_with(a, m, t, sol::qr_iteration::qr_step, false, Some(10))
}

fn iter_last_only(a: &Matrix, m: usize, t: f64) -> Result<(Vec<f64>, usize), LinalgError> {
    qr_iter_with(a, m, t, sol::qr_iteration::qr_step, true, None)
}

/// Bug: the diagonal returned as Ok when the budget runs out.
fn iter_ok_at_cap(a: &Matrix, m: usize, t: f64) -> Result<(Vec<f64>, usize), LinalgError> {
    match sol::qr_iteration::qr_iteration(a, m, t) {
        Err(LinalgError::NotConverged { .. }) => Ok(((0..a.nrows()).map(|i| a[(i, i)]).collect(), m)),
        other => other,
    }
}

fn iter_givens(a: &Matrix, m: usize, t: f64) -> Result<(Vec<f64>, usize), LinalgError> {
    qr_iter_with(a, m, t, step_givens, false, None)
}

#[test]
fn qr_iteration() {
    let (step, it): (QrStepFn, QrIterFn) = (sol::qr_iteration::qr_step, sol::qr_iteration::qr_iteration);
    judge(
        "qr_iteration",
        vec![
            ("reference", check_qr(step, it), Pass),
            ("Givens QR in the step", check_qr(step_givens, iter_givens), Pass),
            ("step: A ← QR instead of RQ", check_qr(step_qr, it), Kill("step_examples", 12)),
            ("step: QᵀR", check_qr(step_qt_r, it), Kill("step_examples", 12)),
            ("iteration: A ← QR instead of RQ", check_qr(step, iter_qr_for_rq), Kill("general_matrices", 60)),
            ("iteration: a fixed 10 steps", check_qr(step, iter_fixed), Kill("general_matrices", 60)),
            (
                "iteration: only the last subdiagonal entry tested",
                check_qr(step, iter_last_only),
                Kill("general_matrices", 60),
            ),
            ("iteration: Ok at the budget", check_qr(step, iter_ok_at_cap), Kill("stops_at_max_iter", 12)),
        ],
    );
}

// ---------------------------------------------------------------- shifted_qr

/// The reference algorithm with its pieces switched.
#[derive(Clone, Copy)]
struct Shifted {
    shift: bool,
    unshift: bool,
    sort: bool,
    complex_real_part: bool,
    threshold: f64,
    absolute_test: bool,
}

const REFERENCE: Shifted = Shifted {
    shift: true,
    unshift: true,
    sort: true,
    complex_real_part: false,
    threshold: f64::EPSILON / 2.0,
    absolute_test: false,
};

fn shifted_with(a: &Matrix, how: Shifted) -> Result<Vec<f64>, LinalgError> {
    let (_, mut h) = sol::hessenberg::hessenberg(a)?;
    let n = h.nrows();
    let scale = norm_l2(a.as_slice());
    let budget = 30 * n;
    let mut steps = 0;
    let mut values = Vec::new();
    let mut end = n;
    while end > 0 {
        let hi = end - 1;
        if hi == 0 {
            values.push(h[(0, 0)]);
            break;
        }
        for i in 0..hi {
            let sub = h[(i + 1, i)].abs();
            let size = if how.absolute_test { scale } else { h[(i, i)].abs() + h[(i + 1, i + 1)].abs() };
            if sub <= how.threshold * size || sub < f64::MIN_POSITIVE {
                h[(i + 1, i)] = 0.0;
            }
        }
        if h[(hi, hi - 1)] == 0.0 {
            values.push(h[(hi, hi)]);
            end -= 1;
            continue;
        }
        let mut lo = hi - 1;
        while lo > 0 && h[(lo, lo - 1)] != 0.0 {
            lo -= 1;
        }
        let (p, b, c, d) = (h[(hi - 1, hi - 1)], h[(hi - 1, hi)], h[(hi, hi - 1)], h[(hi, hi)]);
        let half = (p - d) / 2.0;
        let disc = half * half + b * c;
        let pair = if disc < -f64::EPSILON / 2.0 * scale * scale {
            None
        } else {
            Some(((p + d) / 2.0 + disc.max(0.0).sqrt(), (p + d) / 2.0 - disc.max(0.0).sqrt()))
        };
        if lo == hi - 1 {
            match pair {
                Some((x, y)) => {
                    values.extend([x, y]);
                    end -= 2;
                    continue;
                }
                None if how.complex_real_part => {
                    values.extend([(p + d) / 2.0, (p + d) / 2.0]);
                    end -= 2;
                    continue;
                }
                None => return Err(LinalgError::NotConverged { iterations: steps, residual: c.abs() }),
            }
        }
        if steps == budget {
            return Err(LinalgError::NotConverged { iterations: steps, residual: c.abs() });
        }
        steps += 1;
        let mu = match (how.shift, pair) {
            (false, _) => 0.0,
            (true, Some((x, y))) => {
                if (x - d).abs() <= (y - d).abs() {
                    x
                } else {
                    y
                }
            }
            (true, None) => d,
        };
        let m = hi - lo + 1;
        let block = Matrix::from_fn(m, m, |i, j| h[(lo + i, lo + j)] - if i == j { mu } else { 0.0 });
        let stepped = sol::qr_iteration::qr_step(&block)?;
        let back = if how.unshift { mu } else { 0.0 };
        for i in 0..m {
            for j in 0..m {
                h[(lo + i, lo + j)] = if i > j + 1 {
                    0.0
                } else if i == j {
                    stepped[(i, j)] + back
                } else {
                    stepped[(i, j)]
                };
            }
        }
    }
    if how.sort {
        values.sort_by(|x, y| y.total_cmp(x));
    }
    Ok(values)
}

fn sh_no_shift(a: &Matrix) -> Result<Vec<f64>, LinalgError> {
    shifted_with(a, Shifted { shift: false, ..REFERENCE })
}
fn sh_no_unshift(a: &Matrix) -> Result<Vec<f64>, LinalgError> {
    shifted_with(a, Shifted { unshift: false, ..REFERENCE })
}
fn sh_unsorted(a: &Matrix) -> Result<Vec<f64>, LinalgError> {
    shifted_with(a, Shifted { sort: false, ..REFERENCE })
}
fn sh_complex_real(a: &Matrix) -> Result<Vec<f64>, LinalgError> {
    shifted_with(a, Shifted { complex_real_part: true, ..REFERENCE })
}
fn sh_loose(a: &Matrix) -> Result<Vec<f64>, LinalgError> {
    shifted_with(a, Shifted { threshold: 1e-6, ..REFERENCE })
}
/// Variant: deflation when |h_{i+1,i}| ≤ u·‖A‖_F (normwise, also backward stable).
fn sh_absolute(a: &Matrix) -> Result<Vec<f64>, LinalgError> {
    shifted_with(a, Shifted { absolute_test: true, ..REFERENCE })
}

#[test]
fn shifted_qr() {
    let check = l10::shifted_qr;
    let ex = "examples";
    judge(
        "shifted_qr",
        vec![
            ("reference", check(sol::shifted_qr::shifted_qr_eigenvalues), Pass),
            ("normwise deflation test", check(sh_absolute), Pass),
            ("no shift", check(sh_no_shift), Kill("general_matrices", 60)),
            ("shift not added back", check(sh_no_unshift), Kill(ex, 20)),
            ("not sorted", check(sh_unsorted), Kill(ex, 20)),
            ("complex pair as its real part", check(sh_complex_real), Kill("complex_pairs", 12)),
            ("deflation at 10⁻⁶", check(sh_loose), Kill("general_matrices", 60)),
        ],
    );
}

// ---------------------------------------------------------------- symmetric_eigen

/// Cyclic Jacobi: rotations zero one off-diagonal pair at a time, sweeps
/// until the off-diagonal part is negligible. Values and vectors in the
/// order the sweeps leave them.
fn jacobi_unsorted(a: &Matrix) -> Result<(Vec<f64>, Matrix), LinalgError> {
    let (rows, cols) = a.shape();
    if rows == 0 && cols == 0 {
        return Err(LinalgError::Empty);
    }
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    let n = rows;
    let mut m = Matrix::from_fn(n, n, |i, j| 0.5 * (a[(i, j)] + a[(j, i)]));
    let mut v = Matrix::identity(n);
    for sweep in 0..60 {
        let off: f64 = (0..n)
            .flat_map(|i| (0..n).map(move |j| (i, j)))
            .filter(|(i, j)| i != j)
            .map(|(i, j)| m[(i, j)] * m[(i, j)])
            .sum();
        let total: f64 = m.as_slice().iter().map(|x| x * x).sum();
        if off.sqrt() <= n as f64 * f64::EPSILON * total.sqrt() || off == 0.0 {
            break;
        }
        if sweep == 59 {
            return Err(LinalgError::NotConverged { iterations: sweep, residual: off.sqrt() });
        }
        for p in 0..n {
            for q in p + 1..n {
                if m[(p, q)] == 0.0 {
                    continue;
                }
                let tau = (m[(q, q)] - m[(p, p)]) / (2.0 * m[(p, q)]);
                let t = sign(tau) / (tau.abs() + tau.hypot(1.0));
                let c = 1.0 / t.hypot(1.0);
                let s = t * c;
                for k in 0..n {
                    let (x, y) = (m[(k, p)], m[(k, q)]);
                    m[(k, p)] = c * x - s * y;
                    m[(k, q)] = s * x + c * y;
                }
                for k in 0..n {
                    let (x, y) = (m[(p, k)], m[(q, k)]);
                    m[(p, k)] = c * x - s * y;
                    m[(q, k)] = s * x + c * y;
                }
                for k in 0..n {
                    let (x, y) = (v[(k, p)], v[(k, q)]);
                    v[(k, p)] = c * x - s * y;
                    v[(k, q)] = s * x + c * y;
                }
            }
        }
    }
    Ok(((0..n).map(|i| m[(i, i)]).collect(), v))
}

/// Variant: cyclic Jacobi, sorted with the vectors moved along.
fn jacobi(a: &Matrix) -> Result<SymEig, LinalgError> {
    let (d, v) = jacobi_unsorted(a)?;
    let n = d.len();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| d[j].total_cmp(&d[i]));
    Ok(SymEig {
        values: order.iter().map(|&i| d[i]).collect(),
        vectors: Matrix::from_fn(n, n, |i, j| v[(i, order[j])]),
    })
}

/// Bug: the values sorted, the vectors left in the order they came in.
fn sym_vectors_unmoved(a: &Matrix) -> Result<SymEig, LinalgError> {
    let (mut d, v) = jacobi_unsorted(a)?;
    d.sort_by(|x, y| y.total_cmp(x));
    Ok(SymEig { values: d, vectors: v })
}

/// Bug: not sorted (increasing order).
fn sym_increasing(a: &Matrix) -> Result<SymEig, LinalgError> {
    let e = sol::symmetric_eigen::symmetric_eigen(a)?;
    let n = a.nrows();
    Ok(SymEig {
        values: e.values.iter().rev().copied().collect(),
        vectors: Matrix::from_fn(n, n, |i, j| e.vectors[(i, n - 1 - j)]),
    })
}

/// Bug: the eigenvectors in the rows (Vᵀ returned).
fn sym_rows(a: &Matrix) -> Result<SymEig, LinalgError> {
    let e = sol::symmetric_eigen::symmetric_eigen(a)?;
    Ok(SymEig { values: e.values, vectors: transpose(&e.vectors) })
}

/// Bug: |λ| (the sign lost), sorted.
fn sym_abs(a: &Matrix) -> Result<SymEig, LinalgError> {
    let e = sol::symmetric_eigen::symmetric_eigen(a)?;
    let n = a.nrows();
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| e.values[j].abs().total_cmp(&e.values[i].abs()));
    Ok(SymEig {
        values: order.iter().map(|&i| e.values[i].abs()).collect(),
        vectors: Matrix::from_fn(n, n, |i, j| e.vectors[(i, order[j])]),
    })
}

/// Bug: a fixed two QR steps per eigenvalue, then the diagonal as it is.
fn sym_two_steps(a: &Matrix) -> Result<SymEig, LinalgError> {
    let (rows, cols) = a.shape();
    if rows == 0 && cols == 0 {
        return Err(LinalgError::Empty);
    }
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    let n = rows;
    let (q, t) = sol::hessenberg::hessenberg(a)?;
    let mut d: Vec<f64> = (0..n).map(|i| t[(i, i)]).collect();
    let mut e: Vec<f64> = (0..n.saturating_sub(1)).map(|i| t[(i + 1, i)]).collect();
    let mut vt = transpose(&q);
    for h in (1..n).rev() {
        for _ in 0..2 {
            let delta = (d[h - 1] - d[h]) / 2.0;
            let b = e[h - 1];
            if b == 0.0 {
                break;
            }
            let mu = d[h] - b * (b / (delta + sign(delta) * delta.hypot(b)));
            let (mut x, mut z) = (d[0] - mu, e[0]);
            for k in 0..h {
                let (c, s, r) = givens(x, z);
                if k > 0 {
                    e[k - 1] = r;
                }
                let (p, m, qq) = (d[k], e[k], d[k + 1]);
                d[k] = c * c * p + 2.0 * c * s * m + s * s * qq;
                d[k + 1] = s * s * p - 2.0 * c * s * m + c * c * qq;
                e[k] = c * s * (qq - p) + (c * c - s * s) * m;
                if k + 1 < h {
                    z = s * e[k + 1];
                    e[k + 1] *= c;
                }
                x = e[k];
                for j in 0..n {
                    let (y0, y1) = (vt[(k, j)], vt[(k + 1, j)]);
                    vt[(k, j)] = c * y0 + s * y1;
                    vt[(k + 1, j)] = c * y1 - s * y0;
                }
            }
        }
    }
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| d[j].total_cmp(&d[i]));
    Ok(SymEig {
        values: order.iter().map(|&i| d[i]).collect(),
        vectors: Matrix::from_fn(n, n, |i, j| vt[(order[j], i)]),
    })
}

#[test]
fn symmetric_eigen() {
    let check = |f: SymFn| l10::symmetric_eigen(f);
    let ex = "examples";
    judge(
        "symmetric_eigen",
        vec![
            ("reference", check(sol::symmetric_eigen::symmetric_eigen), Pass),
            ("cyclic Jacobi", check(jacobi), Pass),
            ("vectors not moved with the values", check(sym_vectors_unmoved), Kill(ex, 20)),
            ("increasing order", check(sym_increasing), Kill(ex, 20)),
            ("eigenvectors in the rows", check(sym_rows), Kill(ex, 20)),
            ("|λ| (sign lost)", check(sym_abs), Kill(ex, 20)),
            ("a fixed two steps per eigenvalue", check(sym_two_steps), Kill("planted_spectra", 90)),
        ],
    );
}
