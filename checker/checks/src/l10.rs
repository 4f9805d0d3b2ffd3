//! Checks for lesson 10: the power method and QR iteration.
//!
//! Eigenvalues are judged against exactly known ones: the generators plant a
//! spectrum d in A = S·diag(d)·S⁻¹ (S with κ₂(S) ≤ 100, from its singular
//! values) or, for symmetric A, A = Q·diag(d)·Qᵀ (Q the orthogonal factor of
//! a random matrix, A symmetrised exactly). The input that is stored and
//! shrunk is (S or the matrix behind Q, d, x₀), so a shrunk counterexample
//! still has its eigenvalues exactly d. The bound on an eigenvalue grows with
//! κ₂(S)²: once for the rounding in forming A (κ₂(S)·u·‖D‖) and once for the
//! eigenvalue condition number (≤ κ₂(S)). Iterative methods with a stopping
//! tolerance add that tolerance divided by 1 − (gap ratio).
//!
//! Eigenvectors are never compared with a reference (their sign and, for
//! repeated eigenvalues, their basis are free): a vector is judged by its
//! residual ‖Av − λv‖, its length, and for the symmetric solver by VᵀV ≈ I
//! and A ≈ VΛVᵀ. Hessenberg form by its exact zeros, QᵀQ ≈ I and
//! A ≈ QHQᵀ; one QR step by its diagonal and the moduli of its entries
//! against the checker's RQ (unique up to a diagonal sign similarity D·M·D
//! when A is nonsingular). nalgebra's eigen-solver is used only through
//! `SymmetricEigen::try_new` with an iteration cap, for integer symmetric
//! matrices whose spectrum is not planted.
//!
//! Every learner call that iterates is given a budget (`MAX_ITER`), and
//! inputs that cannot converge (a ± pair, a complex pair, a shift halfway
//! between two eigenvalues) must come back as `NotConverged`; a learner loop
//! that ignores its budget is stopped by the watchdog and reported with its
//! input.

use nalgebra::DMatrix;
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{LinalgError, Matrix, SymEig};

use crate::cases::{Case, Spec, build_scaled};
use crate::convert::{frobenius, matrix_of, ours, rows_matrix};
use crate::harness::{Checker, Fixed, Miss, accepted, call, refused};
use crate::subspace::{self, to_dmatrix};
use crate::{draw, pretty, tol};

// ---------------------------------------------------------------- signatures

/// `power_step`.
pub type PowerStepFn = fn(&Matrix, &[f64]) -> Result<(Vec<f64>, f64), LinalgError>;
/// `power_iteration`.
pub type PowerFn = fn(&Matrix, &[f64], usize, f64) -> Result<(f64, Vec<f64>, usize), LinalgError>;
/// `inverse_iteration`.
pub type InverseFn = fn(&Matrix, f64, &[f64], usize, f64) -> Result<(f64, Vec<f64>, usize), LinalgError>;
/// `deflate`.
pub type DeflateFn = fn(&Matrix, f64, &[f64]) -> Result<Matrix, LinalgError>;
/// Two eigenpairs, as `top_two_eigenpairs` returns them.
pub type Pairs = ((f64, Vec<f64>), (f64, Vec<f64>));
/// `top_two_eigenpairs`.
pub type TopTwoFn = fn(&Matrix, &[f64], usize, f64) -> Result<Pairs, LinalgError>;
/// `hessenberg`.
pub type HessenbergFn = fn(&Matrix) -> Result<(Matrix, Matrix), LinalgError>;
/// `qr_step`.
pub type StepFn = fn(&Matrix) -> Result<Matrix, LinalgError>;
/// `qr_iteration`.
pub type QrIterFn = fn(&Matrix, usize, f64) -> Result<(Vec<f64>, usize), LinalgError>;
/// `shifted_qr_eigenvalues`.
pub type ValuesFn = fn(&Matrix) -> Result<Vec<f64>, LinalgError>;
/// `symmetric_eigen`.
pub type SymEigFn = fn(&Matrix) -> Result<SymEig, LinalgError>;

/// The functions of exercise `power_iteration`.
pub struct PowerIteration {
    pub power_step: PowerStepFn,
    pub power_iteration: PowerFn,
}

/// The functions of exercise `deflation`.
pub struct Deflation {
    pub deflate: DeflateFn,
    pub top_two_eigenpairs: TopTwoFn,
}

/// The functions of exercise `qr_iteration`.
pub struct QrIteration {
    pub qr_step: StepFn,
    pub qr_iteration: QrIterFn,
}

/// The stopping tolerance the checks pass to every iterative method.
pub const TOL: f64 = 1e-10;
/// The iteration budget the checks pass: far more than any generated input
/// needs (the slowest, gap ratio 0.8 with κ₂(S) up to 32, takes about 150 steps).
pub const MAX_ITER: usize = 10_000;
/// The budget passed where convergence is impossible: the answer must be
/// `NotConverged { iterations: SHORT_BUDGET, .. }`, quickly.
pub const SHORT_BUDGET: usize = 60;
/// The largest κ₂(S) of a planted similarity.
const KAPPA_MAX: f64 = 100.0;
/// The largest gap ratio |λ₁/λ₀| (or |λ_near − σ|/|λ_next − σ| for a shift) generated.
const RATIO_MAX: f64 = 0.8;
/// A starting vector must have at least this share of its length along the
/// eigenvectors the method has to find (otherwise the budget could run out on
/// a start that is nearly orthogonal to them, which is not the learner's fault).
const COMPONENT_MIN: f64 = 0.05;

// ---------------------------------------------------------------- helpers

/// Ax by the checker.
fn times(a: &Matrix, x: &[f64]) -> Vec<f64> {
    (0..a.nrows()).map(|i| a.row(i).iter().zip(x).map(|(p, q)| p * q).sum()).collect()
}

/// ‖Av − λv‖₂.
fn residual(a: &Matrix, lambda: f64, v: &[f64]) -> f64 {
    let av = times(a, v);
    let r: Vec<f64> = av.iter().zip(v).map(|(p, q)| p - lambda * q).collect();
    tol::norm2(&r)
}

fn sorted_down(v: &[f64]) -> Vec<f64> {
    let mut s = v.to_vec();
    s.sort_by(|x, y| y.total_cmp(x));
    s
}

fn max_abs(v: &[f64]) -> f64 {
    v.iter().fold(0.0_f64, |m, x| m.max(x.abs()))
}

#[allow(clippy::ptr_arg)]
fn show_vec(v: &Vec<f64>) -> String {
    pretty::vector(v)
}

fn show_pair(p: &(f64, Vec<f64>, usize)) -> String {
    format!("(λ = {}, v = {}, iterations = {})", pretty::number(p.0), pretty::vector(&p.1), p.2)
}

// ---------------------------------------------------------------- planted spectra: inputs

/// A case with a planted spectrum stores n + 2 rows of length n: S (or the
/// matrix whose orthogonal factor is Q), then d, then x₀; scalar 0, when
/// there is one, is a shift.
struct Planted {
    a: Matrix,
    /// Eigenvectors: the columns of S (general) or of Q (symmetric).
    vectors: DMatrix<f64>,
    d: Vec<f64>,
    x0: Vec<f64>,
    /// κ₂(S); 1 for symmetric matrices.
    kappa: f64,
}

fn is_symmetric_spec(spec: &'static Spec) -> bool {
    [&DOMINANT_SYM, &TOP_TWO_SYM, &NEAREST_SYM, &SPECTRUM_SYM].iter().any(|s| std::ptr::eq(spec, *s))
}

fn planted_shape(c: &Case) -> Option<usize> {
    let n = c.rows.first().map_or(0, Vec::len);
    (n >= 1 && c.rows.len() == n + 2 && c.rows.iter().all(|r| r.len() == n)).then_some(n)
}

/// Built planted cases by (spec address, stored bits).
type PlantedCache = std::collections::HashMap<(usize, Vec<u64>), Option<std::rc::Rc<Planted>>>;

thread_local! {
    /// The last planted matrices built, by spec and stored bits: a case is
    /// built for its validity test, its printing (the watchdog records every
    /// input) and its check, and nalgebra's generic code runs unoptimised in
    /// this crate's debug build.
    static PLANTED: std::cell::RefCell<PlantedCache> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

fn planted(c: &Case) -> Option<std::rc::Rc<Planted>> {
    let key = (
        std::ptr::from_ref(c.spec) as usize,
        c.rows.iter().flatten().chain(&c.scalars).map(|x| x.to_bits()).chain([c.rows.len() as u64]).collect(),
    );
    if let Some(hit) = PLANTED.with(|m| m.borrow().get(&key).cloned()) {
        return hit;
    }
    let built = build_planted_uncached(c).map(std::rc::Rc::new);
    PLANTED.with(|m| {
        let mut m = m.borrow_mut();
        if m.len() > 4096 {
            m.clear();
        }
        m.insert(key, built.clone());
    });
    built
}

fn build_planted_uncached(c: &Case) -> Option<Planted> {
    let n = planted_shape(c)?;
    let g = DMatrix::from_fn(n, n, |i, j| c.rows[i][j]);
    let d = c.rows[n].clone();
    let x0 = c.rows[n + 1].clone();
    let dd = DMatrix::from_diagonal(&nalgebra::DVector::from_column_slice(&d));
    if is_symmetric_spec(c.spec) {
        let q = g.qr().q();
        let a = &q * dd * q.transpose();
        let a = Matrix::from_fn(n, n, |i, j| if i <= j { a[(i, j)] } else { a[(j, i)] });
        Some(Planted { a, vectors: q, d, x0, kappa: 1.0 })
    } else {
        let kappa = subspace::condition(&g);
        if kappa.is_nan() || kappa > KAPPA_MAX {
            return None;
        }
        let inv = g.clone().try_inverse()?;
        let a = &g * dd * inv;
        Some(Planted { a: ours(&a), vectors: g, d, x0, kappa })
    }
}

fn build_planted(c: &Case) -> Vec<Vec<f64>> {
    match planted(c) {
        Some(p) => {
            let mut rows = p.a.to_rows();
            rows.push(p.x0.clone());
            rows
        }
        None => c.rows.clone(),
    }
}

/// How much of x₀ lies along eigenvector j: |c_j|·‖s_j‖/‖x₀‖ with x₀ = S·c.
fn component(p: &Planted, j: usize) -> f64 {
    let n = p.d.len();
    let Some(inv) = p.vectors.clone().try_inverse() else { return 0.0 };
    let x = nalgebra::DVector::from_column_slice(&p.x0);
    let c = inv * &x;
    let col = p.vectors.column(j);
    c[j].abs() * col.norm() / x.norm().max(f64::MIN_POSITIVE) * if n == 0 { 0.0 } else { 1.0 }
}

/// Index of the eigenvalue of largest modulus, and |λ₁/λ₀| (the next largest).
fn dominance(d: &[f64]) -> (usize, f64) {
    let mut idx: Vec<usize> = (0..d.len()).collect();
    idx.sort_by(|&i, &j| d[j].abs().total_cmp(&d[i].abs()));
    let ratio = if d.len() < 2 { 0.0 } else { d[idx[1]].abs() / d[idx[0]].abs() };
    (idx[0], ratio)
}

/// Index of the eigenvalue nearest `shift`, and |λ_near − σ|/|λ_next − σ|.
fn nearest(d: &[f64], shift: f64) -> (usize, f64) {
    let mut idx: Vec<usize> = (0..d.len()).collect();
    idx.sort_by(|&i, &j| (d[i] - shift).abs().total_cmp(&(d[j] - shift).abs()));
    let ratio = if d.len() < 2 { 0.0 } else { (d[idx[0]] - shift).abs() / (d[idx[1]] - shift).abs() };
    (idx[0], ratio)
}

fn valid_dominant(c: &Case) -> bool {
    let Some(p) = planted(c) else { return false };
    let (j, ratio) = dominance(&p.d);
    p.d[j] != 0.0 && ratio <= RATIO_MAX && component(&p, j) >= COMPONENT_MIN
}

fn valid_top_two(c: &Case) -> bool {
    let Some(p) = planted(c) else { return false };
    if p.d.len() < 2 {
        return false;
    }
    let mut m: Vec<f64> = p.d.iter().map(|x| x.abs()).collect();
    m.sort_by(|x, y| y.total_cmp(x));
    let separated = m[0] > 0.0 && m[1] > 0.0 && m[1] / m[0] <= RATIO_MAX && (m.len() < 3 || m[2] / m[1] <= RATIO_MAX);
    let (j0, _) = dominance(&p.d);
    let j1 = (0..p.d.len()).filter(|&i| i != j0).max_by(|&i, &k| p.d[i].abs().total_cmp(&p.d[k].abs()));
    separated && component(&p, j0) >= COMPONENT_MIN && j1.is_some_and(|j| component(&p, j) >= COMPONENT_MIN)
}

fn valid_nearest(c: &Case) -> bool {
    let Some(p) = planted(c) else { return false };
    let Some(&shift) = c.scalars.first() else { return false };
    let (j, ratio) = nearest(&p.d, shift);
    ratio <= 0.5 && (p.d[j] - shift).abs() > 0.0 && component(&p, j) >= COMPONENT_MIN
}

fn valid_separated(c: &Case) -> bool {
    let Some(p) = planted(c) else { return false };
    let mut m: Vec<f64> = p.d.iter().map(|x| x.abs()).collect();
    m.sort_by(|x, y| y.total_cmp(x));
    m.windows(2).all(|w| w[0] > 0.0 && w[1] / w[0] <= RATIO_MAX)
}

fn valid_any(c: &Case) -> bool {
    planted(c).is_some_and(|p| tol::all_finite(p.a.as_slice()))
}

fn show_planted(c: &Case, with_x0: bool) -> String {
    let Some(p) = planted(c) else { return format!("(stored rows {:?})", c.rows) };
    let how = if is_symmetric_spec(c.spec) {
        "A = Q·diag(d)·Qᵀ, Q orthogonal".to_string()
    } else {
        format!("A = S·diag(d)·S⁻¹, κ₂(S) = {:.1}", p.kappa)
    };
    let mut s = format!(
        "{}\n(built as {how}; exact eigenvalues d = {})",
        pretty::named_matrices(&[("A", &p.a)]),
        pretty::vector(&p.d)
    );
    if with_x0 {
        s.push_str(&format!("\nx0 = {}", pretty::vector(&p.x0)));
    }
    if let Some(&shift) = c.scalars.first() {
        s.push_str(&format!("\nshift = {}", pretty::number(shift)));
    }
    s
}

fn literal_planted(c: &Case, with_x0: bool) -> String {
    let Some(p) = planted(c) else { return String::new() };
    let mut s = pretty::matrix_literal("a", &p.a);
    if with_x0 {
        s.push_str(&format!("\nlet x0 = {};", pretty::vector_literal(&p.x0)));
    }
    if let Some(&shift) = c.scalars.first() {
        s.push_str(&format!("\nlet shift = {};", pretty::number_literal(shift)));
    }
    s
}

fn show_with_x0(c: &Case) -> String {
    show_planted(c, true)
}
fn literal_with_x0(c: &Case) -> String {
    literal_planted(c, true)
}
fn show_matrix_only(c: &Case) -> String {
    show_planted(c, false)
}
fn literal_matrix_only(c: &Case) -> String {
    literal_planted(c, false)
}

macro_rules! planted_spec {
    ($name:ident, $valid:expr, $show:expr, $literal:expr) => {
        static $name: Spec = Spec {
            min_rows: 3,
            min_cols: 1,
            aligned: true,
            fixed_cols: 0,
            scalar_floor: &[],
            build: build_planted,
            show: $show,
            literal: $literal,
            valid: $valid,
        };
    };
}

planted_spec!(DOMINANT_GEN, valid_dominant, show_with_x0, literal_with_x0);
planted_spec!(DOMINANT_SYM, valid_dominant, show_with_x0, literal_with_x0);
planted_spec!(TOP_TWO_SYM, valid_top_two, show_with_x0, literal_with_x0);
planted_spec!(NEAREST_GEN, valid_nearest, show_with_x0, literal_with_x0);
planted_spec!(NEAREST_SYM, valid_nearest, show_with_x0, literal_with_x0);
planted_spec!(SEPARATED_GEN, valid_separated, show_matrix_only, literal_matrix_only);
planted_spec!(REAL_GEN, valid_any, show_matrix_only, literal_matrix_only);
planted_spec!(SPECTRUM_SYM, valid_any, show_matrix_only, literal_matrix_only);

/// Moduli strictly decreasing with ratios ≤ 0.8 from 9 or 8 down (the last
/// may be 0), random signs, in random order: e.g. (−9, 7, 5, −4, 3).
fn separated_values(rng: &mut TestRng, n: usize) -> Vec<f64> {
    let mut m = vec![draw::int(rng, 8, 9)];
    while m.len() < n {
        let prev = *m.last().unwrap_or(&9.0);
        let top = (RATIO_MAX * prev).floor();
        let next = if top < 1.0 { 0.0 } else { (top - draw::int(rng, 0, 1)).max(1.0) };
        m.push(if prev == 0.0 { break } else { next });
    }
    let mut d: Vec<f64> = m.iter().map(|x| x * draw::pick(rng, &[1.0, -1.0])).collect();
    shuffle(rng, &mut d);
    d
}

fn shuffle(rng: &mut TestRng, v: &mut [f64]) {
    for i in (1..v.len()).rev() {
        let j = draw::size(rng, 0, i);
        v.swap(i, j);
    }
}

/// Any real spectrum: integers, thirds and tenths, one time in three with a
/// repeated value or a ± pair.
fn real_values(rng: &mut TestRng, n: usize) -> Vec<f64> {
    let mut d: Vec<f64> = (0..n).map(|_| draw::entry(rng)).collect();
    if n >= 2 {
        match draw::size(rng, 0, 5) {
            0 => d[1] = d[0],
            1 => d[1] = -d[0],
            _ => {}
        }
    }
    shuffle(rng, &mut d);
    d
}

/// The matrix behind the eigenvectors: S with κ₂(S) ≤ 31.6 for a general
/// matrix, uniform entries (its Q is then a random orthogonal matrix) for a
/// symmetric one.
fn basis(rng: &mut TestRng, n: usize, symmetric: bool) -> Vec<Vec<f64>> {
    if symmetric {
        (0..n).map(|_| (0..n).map(|_| 2.0 * draw::unit(rng) - 1.0).collect()).collect()
    } else {
        let log_kappa = 1.5 * draw::unit(rng);
        let s = draw::with_condition(rng, n, n, log_kappa);
        (0..n).map(|i| (0..n).map(|j| s[(i, j)]).collect()).collect()
    }
}

/// A planted case from `spec`, n in `sizes`, eigenvalues from `values`,
/// shift (when `shifted`) near a random eigenvalue; drawn again until valid.
fn planted_case(
    rng: &mut TestRng,
    spec: &'static Spec,
    sizes: (usize, usize),
    values: fn(&mut TestRng, usize) -> Vec<f64>,
    shifted: bool,
) -> Case {
    loop {
        let n = draw::size(rng, sizes.0, sizes.1);
        let mut rows = basis(rng, n, is_symmetric_spec(spec));
        let d = values(rng, n);
        let x0: Vec<f64> = loop {
            let x = draw::ints(rng, n);
            if x.iter().any(|t| *t != 0.0) {
                break x;
            }
        };
        let scalars = if shifted {
            let j = draw::size(rng, 0, n - 1);
            let gap = d.iter().enumerate().filter(|(i, _)| *i != j).map(|(_, x)| (x - d[j]).abs()).fold(1.0, f64::min);
            let fraction = draw::pick(rng, &[0.3, 0.1, 0.01, 1e-6, 1e-10]);
            vec![d[j] + draw::pick(rng, &[1.0, -1.0]) * fraction * gap]
        } else {
            vec![]
        };
        rows.push(d);
        rows.push(x0);
        let case = Case::new(spec, rows, scalars, 0);
        if (spec.valid)(&case) {
            return case;
        }
    }
}

/// Eigenvalues from −9..9, distinct (for inverse iteration).
fn distinct_values(rng: &mut TestRng, n: usize) -> Vec<f64> {
    loop {
        let d: Vec<f64> = (0..n).map(|_| draw::entry(rng)).collect();
        let s = sorted_down(&d);
        if s.windows(2).all(|w| w[0] - w[1] >= 0.1) {
            return d;
        }
    }
}

/// Any values; one time in four a power-method spectrum: integers of
/// distinct largest modulus.
fn dominant_values(rng: &mut TestRng, n: usize) -> Vec<f64> {
    if draw::chance(rng, 1, 2) { separated_values(rng, n) } else { draw::ints(rng, n) }
}

/// Symmetric spectra with structure: clusters (d and d + 10⁻⁹), repeated
/// values, zeros, negatives, or any.
fn symmetric_values(rng: &mut TestRng, n: usize) -> Vec<f64> {
    let mut d = real_values(rng, n);
    if n >= 3 && draw::chance(rng, 1, 4) {
        d[2] = d[0] + 1e-9;
    }
    if draw::chance(rng, 1, 8) {
        d.iter_mut().for_each(|x| *x = 0.0);
    }
    d
}

// ---------------------------------------------------------------- judging eigenpairs

/// One returned eigenpair (λ, v) against the planted spectrum: v finite and
/// of unit length, λ within `bound` of `want`, residual ‖Av − λv‖ within
/// `bound` too.
fn check_pair(function: &str, p: &Planted, lambda: f64, v: &[f64], want: f64, bound: f64) -> Result<(), Miss> {
    let n = p.d.len();
    let shown = || format!("λ = {}, v = {}", pretty::number(lambda), pretty::vector(v));
    let miss = |m: String| {
        Miss::new(m)
            .output(shown())
            .expected(format!("λ = {} (exact), v a unit eigenvector for it", pretty::number(want)))
    };
    if v.len() != n {
        return Err(miss(format!("`{function}` returned v of length {}, but A is {n}×{n}", v.len())));
    }
    if !lambda.is_finite() || !tol::all_finite(v) {
        return Err(miss(format!("`{function}` returned NaN or infinity")));
    }
    let len = tol::norm2(v);
    let unit = tol::unit_length(n);
    if tol::misses((len - 1.0).abs(), unit) {
        return Err(miss(format!("`{function}` must return a unit vector; ‖v‖ = {}", pretty::number(len)))
            .bound(format!("|‖v‖ − 1| = {:.2e}, allowed ≤ {unit:.2e}", (len - 1.0).abs())));
    }
    let err = (lambda - want).abs();
    if tol::misses(err, bound) {
        let hint = if (lambda + want).abs() <= bound && want != 0.0 {
            " (that is −λ: the sign was lost; use the Rayleigh quotient xᵀAx/xᵀx, not ‖Ax‖ or |xᵀAx|)"
        } else {
            ""
        };
        return Err(miss(format!("the eigenvalue is not the one planted in A{hint}"))
            .bound(format!("|λ − λ_exact| = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    let r = residual(&p.a, lambda, v);
    if tol::misses(r, bound) {
        return Err(miss("(λ, v) is not an eigenpair: Av is not λv".to_string())
            .bound(format!("‖Av − λv‖ = {r:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

// ---------------------------------------------------------------- power_iteration

fn tiny_power_case() -> Matrix {
    matrix_of(&[&[2.0, 0.0], &[0.0, 1.0]])
}

/// `power_step` on (A, x) against the checker's own Ax/‖Ax‖ and xᵀAx/xᵀx.
fn check_power_step(f: PowerStepFn, a: &Matrix, x: &[f64]) -> Result<(), Miss> {
    let n = a.nrows();
    let y = times(a, x);
    let ny = tol::norm2(&y);
    let nx = tol::norm2(x);
    let want_next: Vec<f64> = y.iter().map(|t| t / ny).collect();
    let want_lambda = x.iter().zip(&y).map(|(p, q)| (p / nx) * (q / nx)).sum::<f64>();
    let expected = || format!("(next = {}, λ = {})", pretty::vector(&want_next), pretty::number(want_lambda));
    let (next, lambda) = accepted("power_step", call("power_step", || f(a, x))?, expected)?;
    let shown = format!("(next = {}, λ = {})", pretty::vector(&next), pretty::number(lambda));
    let miss = |m: String| Miss::new(m).output(shown.clone()).expected(expected());
    if next.len() != n || !tol::all_finite(&next) || !lambda.is_finite() {
        return Err(miss("`power_step` must return a finite vector of length n and a finite λ".to_string()));
    }
    let norm_a = frobenius(&to_dmatrix(a));
    let bound = tol::power_step(n) * norm_a;
    let err = (lambda - want_lambda).abs();
    if tol::misses(err, bound) {
        let hint = if (lambda.abs() - want_lambda.abs()).abs() <= bound || (lambda - ny / nx).abs() <= bound {
            " (the sign is lost: λ is the Rayleigh quotient xᵀAx / xᵀx, not ‖Ax‖ and not its absolute value)"
        } else {
            " (λ is the Rayleigh quotient of the x you were given, xᵀAx / xᵀx)"
        };
        return Err(miss(format!("λ is not the Rayleigh quotient of x{hint}"))
            .bound(format!("|λ − xᵀAx/xᵀx| = {err:.2e}, allowed ≤ {bound:.2e} (rounding, ∝ ‖A‖_F)")));
    }
    let err = tol::distance(&next, &want_next);
    let bound = tol::power_step(n) * norm_a * nx / ny;
    if tol::misses(err, bound) {
        return Err(miss("next is not Ax/‖Ax‖".to_string())
            .bound(format!("‖next − Ax/‖Ax‖‖ = {err:.2e}, allowed ≤ {bound:.2e} (rounding, ∝ ‖A‖_F‖x‖/‖Ax‖)")));
    }
    Ok(())
}

fn show_a_x(c: &Case) -> String {
    let rows = c.inputs();
    let n = rows.len() - 1;
    format!("{}\nx = {}", pretty::named_matrices(&[("A", &rows_matrix(&rows[..n]))]), pretty::vector(&rows[n]))
}

fn literal_a_x(c: &Case) -> String {
    let rows = c.inputs();
    let n = rows.len() - 1;
    format!("{}\nlet x = {};", pretty::matrix_literal("a", &rows_matrix(&rows[..n])), pretty::vector_literal(&rows[n]))
}

/// n + 1 rows of length n: A, then x, with Ax ≠ 0.
fn valid_step(c: &Case) -> bool {
    let n = c.rows.first().map_or(0, Vec::len);
    if n == 0 || c.rows.len() != n + 1 {
        return false;
    }
    let rows = c.inputs();
    let a = rows_matrix(&rows[..n]);
    tol::norm2(&times(&a, &rows[n])) > 0.0
}

static STEP: Spec = Spec {
    min_rows: 2,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_a_x,
    literal: literal_a_x,
    valid: valid_step,
};

fn random_step(rng: &mut TestRng) -> Case {
    loop {
        let n = draw::size(rng, 1, 6);
        let rows: Vec<Vec<f64>> = (0..=n).map(|_| (0..n).map(|_| draw::entry(rng)).collect()).collect();
        let case = Case::new(&STEP, rows, vec![], 0);
        if valid_step(&case) {
            return case;
        }
    }
}

fn step_case(a: &Matrix, x: &[f64]) -> Case {
    let mut rows = a.to_rows();
    rows.push(x.to_vec());
    Case::new(&STEP, rows, vec![], 0)
}

fn split_step(c: &Case) -> (Matrix, Vec<f64>) {
    let rows = c.inputs();
    let n = rows.len() - 1;
    (rows_matrix(&rows[..n]), rows[n].clone())
}

/// The bound on λ and on ‖Av − λv‖ for a method stopped at `TOL` with gap ratio `ratio`.
fn iterative_bound(p: &Planted, ratio: f64) -> f64 {
    tol::eig_iterative(p.d.len(), p.kappa, TOL, ratio) * max_abs(&p.d)
}

fn check_power_iteration(f: PowerFn, c: &Case) -> Result<(), Miss> {
    let p = planted(c).ok_or_else(|| Miss::new("the checker could not build this input"))?;
    let (j, ratio) = dominance(&p.d);
    let want = p.d[j];
    let expected = || format!("(λ = {} (exact), a unit eigenvector, the number of steps)", pretty::number(want));
    let got = call("power_iteration", || f(&p.a, &p.x0, MAX_ITER, TOL))?;
    let (lambda, v, k) = accepted("power_iteration", got, expected).map_err(|m| Miss {
        message: format!("{} (the gap ratio is {ratio:.2}: {MAX_ITER} steps are far more than enough)", m.message),
        ..m
    })?;
    if k == 0 || k > MAX_ITER {
        return Err(Miss::new(format!(
            "`power_iteration` reported {k} iterations; it takes between 1 and max_iter = {MAX_ITER} steps"
        ))
        .output(show_pair(&(lambda, v.clone(), k))));
    }
    check_pair("power_iteration", &p, lambda, &v, want, iterative_bound(&p, ratio))
}

fn power_budget(f: PowerFn, a: Matrix, x0: Vec<f64>) -> Fixed<'static> {
    let show = format!(
        "{}\nx0 = {}\nmax_iter = {SHORT_BUDGET}, tol = {TOL:e}",
        pretty::named_matrices(&[("A", &a)]),
        pretty::vector(&x0)
    );
    let literal = format!("{}\nlet x0 = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&x0));
    Fixed::new(show, literal, move || {
        let got = call("power_iteration", || f(&a, &x0, SHORT_BUDGET, TOL))?;
        match got {
            Err(LinalgError::NotConverged { iterations, .. }) if iterations == SHORT_BUDGET => Ok(()),
            other => Err(Miss::new(format!(
                "two eigenvalues of the same largest modulus: the direction never settles, so `power_iteration` must \
                 stop at max_iter = {SHORT_BUDGET} with NotConverged"
            ))
            .output(pretty::result(&other, show_pair))
            .expected(format!("Err(NotConverged {{ iterations: {SHORT_BUDGET}, residual: … }})"))),
        }
    })
}

fn refuses_power(f: PowerFn, a: Matrix, x0: Vec<f64>, want: LinalgError) -> Fixed<'static> {
    let show = format!("{}\nx0 = {}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&x0));
    let literal = format!("{}\nlet x0 = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&x0));
    Fixed::new(show, literal, move || {
        let got = call("power_iteration", || f(&a, &x0, MAX_ITER, TOL))?;
        refused("power_iteration", &got, &want, show_pair)
    })
}

fn refuses_step(f: PowerStepFn, a: Matrix, x: Vec<f64>, want: LinalgError) -> Fixed<'static> {
    let show = format!("{}\nx = {}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&x));
    let literal = format!("{}\nlet x = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&x));
    Fixed::new(show, literal, move || {
        let got = call("power_step", || f(&a, &x))?;
        refused("power_step", &got, &want, |(v, l): &(Vec<f64>, f64)| {
            format!("({}, {})", pretty::vector(v), pretty::number(*l))
        })
    })
}

/// Fixed planted cases: diagonal matrices and the contract's examples.
fn planted_fixed(spec: &'static Spec, g: &[&[f64]], d: &[f64], x0: &[f64], shift: Option<f64>) -> Case {
    let mut rows: Vec<Vec<f64>> = g.iter().map(|r| r.to_vec()).collect();
    rows.push(d.to_vec());
    rows.push(x0.to_vec());
    Case::new(spec, rows, shift.into_iter().collect(), 0)
}

const I2: [&[f64]; 2] = [&[1.0, 0.0], &[0.0, 1.0]];
const I3: [&[f64]; 3] = [&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]];

/// `power_step` is one product, a normalisation and the Rayleigh quotient
/// with its sign; `power_iteration` finds the planted dominant eigenvalue,
/// sign included, with a unit eigenvector, and stops at its budget when the
/// dominant modulus is shared.
pub fn power_iteration(f: &PowerIteration) -> ExerciseReport {
    let mut c = Checker::new("power_iteration");
    let a = tiny_power_case();
    c.probe("power_step", || (f.power_step)(&a, &[1.0, 1.0]));
    c.probe("power_iteration", || (f.power_iteration)(&a, &[1.0, 1.0], 100, 1e-6));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let step = f.power_step;
    c.examples(
        "step_examples",
        "diag(−5, 1) from (1, 1): next = (−5, 1)/√26 and λ = −2 (the sign kept); x not of unit length; a 1×1; a \
         rotation (λ = 0 from xᵀAx = 0)",
        vec![
            step_case(&matrix_of(&[&[-5.0, 0.0], &[0.0, 1.0]]), &[1.0, 1.0]),
            step_case(&matrix_of(&[&[2.0, 1.0], &[1.0, 2.0]]), &[3.0, 0.0]),
            step_case(&matrix_of(&[&[-7.0]]), &[2.0]),
            step_case(&matrix_of(&[&[0.0, -1.0], &[1.0, 0.0]]), &[1.0, 2.0]),
        ],
        move |case| {
            let (a, x) = split_step(case);
            check_power_step(step, &a, &x)
        },
    );
    c.property(
        "step_random",
        "any square A and x with Ax ≠ 0: next = Ax/‖Ax‖, λ = xᵀAx/xᵀx with its sign",
        random_step,
        move |case| {
            let (a, x) = split_step(case);
            check_power_step(step, &a, &x)
        },
    );
    c.fixed(
        "step_refuses",
        "not square: NotSquare; x of the wrong length: DimensionMismatch { expected: n, found: x.len() }; x = 0 or \
         Ax = 0: ZeroVector",
        vec![
            refuses_step(
                step,
                matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]),
                vec![1.0, 1.0],
                LinalgError::NotSquare { rows: 2, cols: 3 },
            ),
            refuses_step(
                step,
                matrix_of(&I2),
                vec![1.0, 1.0, 1.0],
                LinalgError::DimensionMismatch { expected: 2, found: 3 },
            ),
            refuses_step(step, matrix_of(&I2), vec![0.0, 0.0], LinalgError::ZeroVector),
            refuses_step(step, matrix_of(&[&[1.0, 1.0], &[1.0, 1.0]]), vec![1.0, -1.0], LinalgError::ZeroVector),
        ],
    );
    let it = f.power_iteration;
    c.examples(
        "examples",
        "diag(2, 1) from (1, 1) gives 2 with v = ±e₀; diag(−5, 1, 2) gives −5, not 5 (the sign); a 1×1; a symmetric \
         2×2 with eigenvalues 3 and 1",
        vec![
            planted_fixed(&DOMINANT_SYM, &I2, &[2.0, 1.0], &[1.0, 1.0], None),
            planted_fixed(&DOMINANT_SYM, &I3, &[-5.0, 1.0, 2.0], &[1.0, 1.0, 1.0], None),
            planted_fixed(&DOMINANT_SYM, &[&[1.0]], &[-4.0], &[3.0], None),
            planted_fixed(&DOMINANT_SYM, &[&[1.0, 1.0], &[-1.0, 1.0]], &[3.0, 1.0], &[1.0, 0.0], None),
        ],
        move |case| check_power_iteration(it, case),
    );
    c.property(
        "general_matrices",
        "A = S·diag(d)·S⁻¹ (κ₂(S) ≤ 32), n ≤ 6, gap ratio |λ₁/λ₀| ≤ 0.8, dominant eigenvalue of either sign: λ \
         within the tolerance of the exact one, v a unit eigenvector",
        |rng| planted_case(rng, &DOMINANT_GEN, (1, 6), dominant_values, false),
        move |case| check_power_iteration(it, case),
    );
    c.property(
        "symmetric_matrices",
        "A = Q·diag(d)·Qᵀ, n ≤ 6, gap ratio ≤ 0.8: the same, and with a negative dominant eigenvalue λ stays \
         negative",
        |rng| planted_case(rng, &DOMINANT_SYM, (1, 6), dominant_values, false),
        move |case| check_power_iteration(it, case),
    );
    c.fixed(
        "stops_at_max_iter",
        "eigenvalues 3 and −3 (or a rotation, complex ±i): no dominant direction, so Err(NotConverged { iterations: \
         max_iter, .. }) at max_iter, never an endless loop and never Ok",
        vec![
            power_budget(it, matrix_of(&[&[3.0, 0.0, 0.0], &[0.0, -3.0, 0.0], &[0.0, 0.0, 1.0]]), vec![1.0, 1.0, 1.0]),
            power_budget(it, matrix_of(&[&[0.0, -1.0], &[1.0, 0.0]]), vec![1.0, 0.5]),
        ],
    );
    c.fixed(
        "refuses",
        "not square: NotSquare; x0 of the wrong length: DimensionMismatch; x0 = 0: ZeroVector",
        vec![
            refuses_power(it, matrix_of(&[&[1.0, 2.0]]), vec![1.0], LinalgError::NotSquare { rows: 1, cols: 2 }),
            refuses_power(it, matrix_of(&I2), vec![1.0], LinalgError::DimensionMismatch { expected: 2, found: 1 }),
            refuses_power(it, matrix_of(&I2), vec![0.0, 0.0], LinalgError::ZeroVector),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- inverse_iteration

fn check_inverse(f: InverseFn, c: &Case) -> Result<(), Miss> {
    let p = planted(c).ok_or_else(|| Miss::new("the checker could not build this input"))?;
    let shift = c.scalars[0];
    let (j, ratio) = nearest(&p.d, shift);
    let want = p.d[j];
    let expected =
        || format!("(λ = {} (the eigenvalue nearest the shift), a unit eigenvector, steps)", pretty::number(want));
    let got = call("inverse_iteration", || f(&p.a, shift, &p.x0, MAX_ITER, TOL))?;
    let (lambda, v, k) = accepted("inverse_iteration", got, expected)?;
    if k == 0 || k > MAX_ITER {
        return Err(Miss::new(format!(
            "`inverse_iteration` reported {k} iterations; it takes between 1 and max_iter = {MAX_ITER}"
        ))
        .output(show_pair(&(lambda, v.clone(), k))));
    }
    check_pair("inverse_iteration", &p, lambda, &v, want, iterative_bound(&p, ratio))
}

fn inverse_fixed(
    f: InverseFn,
    a: Matrix,
    shift: f64,
    x0: Vec<f64>,
    budget: usize,
    check: fn(PairResult) -> Result<(), Miss>,
) -> Fixed<'static> {
    let show = format!(
        "{}\nshift = {}\nx0 = {}\nmax_iter = {budget}",
        pretty::named_matrices(&[("A", &a)]),
        pretty::number(shift),
        pretty::vector(&x0)
    );
    let literal = format!(
        "{}\nlet shift = {};\nlet x0 = {};",
        pretty::matrix_literal("a", &a),
        pretty::number_literal(shift),
        pretty::vector_literal(&x0)
    );
    Fixed::new(show, literal, move || check(call("inverse_iteration", || f(&a, shift, &x0, budget, TOL))?))
}

/// What `power_iteration` and `inverse_iteration` return.
type PairResult = Result<(f64, Vec<f64>, usize), LinalgError>;

fn equidistant(got: PairResult) -> Result<(), Miss> {
    match got {
        Err(LinalgError::NotConverged { iterations, .. }) if iterations == SHORT_BUDGET => Ok(()),
        other => Err(Miss::new(format!(
            "the shift 2 is exactly halfway between the eigenvalues 1 and 3: neither wins, so `inverse_iteration` must \
             stop at max_iter = {SHORT_BUDGET} with NotConverged"
        ))
        .output(pretty::result(&other, show_pair))
        .expected(format!("Err(NotConverged {{ iterations: {SHORT_BUDGET}, .. }})"))),
    }
}

/// Shifted inverse iteration finds the planted eigenvalue nearest the shift
/// (also when the shift is within 10⁻¹⁰ of it and A − σI is nearly
/// singular), with a unit eigenvector, and gives up at its budget when two
/// eigenvalues are equally near.
pub fn inverse_iteration(f: InverseFn) -> ExerciseReport {
    let mut c = Checker::new("inverse_iteration");
    let a = tiny_power_case();
    c.probe("inverse_iteration", || f(&a, 1.9, &[1.0, 1.0], 100, 1e-6));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples(
        "examples",
        "diag(1, 2, 4) with shift 2.1 gives 2; shift 0.9 gives 1 (not the dominant 4); shift 100 gives 4; a 1×1",
        vec![
            planted_fixed(&NEAREST_SYM, &I3, &[1.0, 2.0, 4.0], &[1.0, 1.0, 1.0], Some(2.1)),
            planted_fixed(&NEAREST_SYM, &I3, &[1.0, 2.0, 4.0], &[1.0, 1.0, 1.0], Some(0.9)),
            planted_fixed(&NEAREST_SYM, &I3, &[1.0, 2.0, 4.0], &[1.0, 1.0, 1.0], Some(100.0)),
            planted_fixed(&NEAREST_SYM, &[&[1.0]], &[-3.0], &[2.0], Some(0.0)),
        ],
        move |case| check_inverse(f, case),
    );
    c.property(
        "general_matrices",
        "A = S·diag(d)·S⁻¹ (κ₂(S) ≤ 32), distinct eigenvalues, a shift at 0.3 to 10⁻¹⁰ of the gap from one of \
         them: that one is found, with a unit eigenvector",
        |rng| planted_case(rng, &NEAREST_GEN, (1, 6), distinct_values, true),
        move |case| check_inverse(f, case),
    );
    c.property(
        "symmetric_matrices",
        "A = Q·diag(d)·Qᵀ, the same shifts: the eigenvalue nearest the shift, whichever its place in the spectrum",
        |rng| planted_case(rng, &NEAREST_SYM, (1, 6), distinct_values, true),
        move |case| check_inverse(f, case),
    );
    c.fixed(
        "stops_at_max_iter",
        "diag(1, 3, 10) with shift 2, halfway between 1 and 3: Err(NotConverged { iterations: max_iter, .. })",
        vec![inverse_fixed(
            f,
            matrix_of(&[&[1.0, 0.0, 0.0], &[0.0, 3.0, 0.0], &[0.0, 0.0, 10.0]]),
            2.0,
            vec![1.0, 1.0, 1.0],
            SHORT_BUDGET,
            equidistant,
        )],
    );
    c.fixed(
        "refuses",
        "not square: NotSquare; x0 of the wrong length: DimensionMismatch; x0 = 0: ZeroVector; a shift that is \
         exactly an eigenvalue of a diagonal matrix: Singular from lu_solve",
        vec![
            inverse_fixed(f, matrix_of(&[&[1.0, 2.0]]), 0.5, vec![1.0], MAX_ITER, |g| {
                refused("inverse_iteration", &g, &LinalgError::NotSquare { rows: 1, cols: 2 }, show_pair)
            }),
            inverse_fixed(f, matrix_of(&I2), 0.5, vec![1.0, 1.0, 1.0], MAX_ITER, |g| {
                refused("inverse_iteration", &g, &LinalgError::DimensionMismatch { expected: 2, found: 3 }, show_pair)
            }),
            inverse_fixed(f, matrix_of(&I2), 0.5, vec![0.0, 0.0], MAX_ITER, |g| {
                refused("inverse_iteration", &g, &LinalgError::ZeroVector, show_pair)
            }),
            inverse_fixed(f, matrix_of(&[&[2.0, 0.0], &[0.0, 5.0]]), 5.0, vec![1.0, 1.0], MAX_ITER, |g| match g {
                Err(LinalgError::Singular { .. }) => Ok(()),
                other => Err(Miss::new("A − 5I is exactly singular: `lu_solve` refuses it, and so must you")
                    .output(pretty::result(&other, show_pair))
                    .expected("Err(Singular { column: 1 })")),
            }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- deflation

fn show_deflate(c: &Case) -> String {
    let rows = c.inputs();
    let n = rows.len() - 1;
    format!(
        "{}\nλ = {}\nv = {}",
        pretty::named_matrices(&[("A", &rows_matrix(&rows[..n]))]),
        pretty::number(c.scalars[0]),
        pretty::vector(&rows[n])
    )
}

fn literal_deflate(c: &Case) -> String {
    let rows = c.inputs();
    let n = rows.len() - 1;
    format!(
        "{}\nlet lambda = {};\nlet v = {};",
        pretty::matrix_literal("a", &rows_matrix(&rows[..n])),
        pretty::number_literal(c.scalars[0]),
        pretty::vector_literal(&rows[n])
    )
}

fn valid_deflate(c: &Case) -> bool {
    let n = c.rows.first().map_or(0, Vec::len);
    n >= 1 && c.rows.len() == n + 1 && c.rows[n].iter().any(|t| *t != 0.0) && c.scalars.len() == 1
}

static DEFLATE: Spec = Spec {
    min_rows: 2,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_deflate,
    literal: literal_deflate,
    valid: valid_deflate,
};

fn random_deflate(rng: &mut TestRng) -> Case {
    loop {
        let n = draw::size(rng, 1, 6);
        let rows: Vec<Vec<f64>> = (0..=n).map(|_| (0..n).map(|_| draw::entry(rng)).collect()).collect();
        let case = Case::new(&DEFLATE, rows, vec![draw::entry(rng)], 0);
        if valid_deflate(&case) {
            return case;
        }
    }
}

fn check_deflate(f: DeflateFn, c: &Case) -> Result<(), Miss> {
    let rows = c.inputs();
    let n = rows.len() - 1;
    let a = rows_matrix(&rows[..n]);
    let v = &rows[n];
    let lambda = c.scalars[0];
    let vv: f64 = v.iter().map(|t| t * t).sum();
    let want = Matrix::from_fn(n, n, |i, j| a[(i, j)] - lambda * v[i] * v[j] / vv);
    let b = accepted("deflate", call("deflate", || f(&a, lambda, v))?, || want.to_string())?;
    let miss = |m: String| Miss::new(m).output(b.to_string()).expected(format!("A − λ·vvᵀ/vᵀv =\n{want}"));
    if b.shape() != (n, n) {
        return Err(miss(format!("`deflate` returned a {}×{} matrix for a {n}×{n} A", b.nrows(), b.ncols())));
    }
    for i in 0..n {
        for j in 0..n {
            let size = a[(i, j)].abs() + (lambda * v[i] * v[j] / vv).abs();
            let bound = tol::deflate(n) * size;
            let err = (b[(i, j)] - want[(i, j)]).abs();
            if tol::misses(err, bound) {
                return Err(miss(format!(
                    "entry ({i}, {j}) is not a_ij − λ·v_i·v_j/vᵀv (normalise v: it need not be a unit vector)"
                ))
                .bound(format!("error {err:.2e}, allowed ≤ {bound:.2e}")));
            }
        }
    }
    Ok(())
}

fn check_top_two(f: TopTwoFn, c: &Case) -> Result<(), Miss> {
    let p = planted(c).ok_or_else(|| Miss::new("the checker could not build this input"))?;
    let mut idx: Vec<usize> = (0..p.d.len()).collect();
    idx.sort_by(|&i, &j| p.d[j].abs().total_cmp(&p.d[i].abs()));
    let (w0, w1) = (p.d[idx[0]], p.d[idx[1]]);
    let r0 = p.d[idx[1]].abs() / p.d[idx[0]].abs();
    let r1 = if idx.len() > 2 { p.d[idx[2]].abs() / p.d[idx[1]].abs() } else { 0.0 };
    let expected =
        || format!("λ₀ = {}, λ₁ = {} (exact), with unit eigenvectors", pretty::number(w0), pretty::number(w1));
    let got = call("top_two_eigenpairs", || f(&p.a, &p.x0, MAX_ITER, TOL))?;
    let ((l0, v0), (l1, v1)) = accepted("top_two_eigenpairs", got, expected)?;
    // The second pair inherits the error of the first through the deflated matrix.
    let bound0 = iterative_bound(&p, r0);
    let bound1 = iterative_bound(&p, r0.max(r1)) * 4.0;
    check_pair("top_two_eigenpairs (first pair)", &p, l0, &v0, w0, bound0)?;
    check_pair("top_two_eigenpairs (second pair)", &p, l1, &v1, w1, bound1)
}

fn refuses_deflate(f: DeflateFn, a: Matrix, lambda: f64, v: Vec<f64>, want: LinalgError) -> Fixed<'static> {
    let show =
        format!("{}\nλ = {}\nv = {}", pretty::named_matrices(&[("A", &a)]), pretty::number(lambda), pretty::vector(&v));
    let literal = format!("{}\nlet v = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&v));
    Fixed::new(show, literal, move || {
        let got = call("deflate", || f(&a, lambda, &v))?;
        refused("deflate", &got, &want, |m: &Matrix| m.to_string())
    })
}

/// `deflate` is A − λ·vvᵀ/vᵀv entry by entry; `top_two_eigenpairs` finds
/// the two planted eigenvalues of largest modulus of a symmetric matrix,
/// with their signs, and unit eigenvectors.
pub fn deflation(f: &Deflation) -> ExerciseReport {
    let mut c = Checker::new("deflation");
    let a = tiny_power_case();
    c.probe("deflate", || (f.deflate)(&a, 2.0, &[1.0, 0.0]));
    c.probe("top_two_eigenpairs", || (f.top_two_eigenpairs)(&a, &[1.0, 1.0], 100, 1e-6));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let d = f.deflate;
    c.examples(
        "deflate_examples",
        "rows (2, 1), (1, 2), λ = 3, v = (1, 1) (not a unit vector) give rows (0.5, −0.5), (−0.5, 0.5); λ = 0 \
         changes nothing; a 1×1",
        vec![
            Case::new(&DEFLATE, vec![vec![2.0, 1.0], vec![1.0, 2.0], vec![1.0, 1.0]], vec![3.0], 0),
            Case::new(&DEFLATE, vec![vec![2.0, 1.0], vec![1.0, 2.0], vec![1.0, 1.0]], vec![0.0], 0),
            Case::new(&DEFLATE, vec![vec![4.0], vec![-2.0]], vec![4.0], 0),
        ],
        move |case| check_deflate(d, case),
    );
    c.property(
        "deflate_random",
        "any A, λ and nonzero v: B = A − λ·vvᵀ/vᵀv, entry by entry",
        random_deflate,
        move |case| check_deflate(d, case),
    );
    c.fixed(
        "deflate_refuses",
        "not square: NotSquare; v of the wrong length: DimensionMismatch; v = 0: ZeroVector",
        vec![
            refuses_deflate(d, matrix_of(&[&[1.0, 2.0]]), 1.0, vec![1.0], LinalgError::NotSquare { rows: 1, cols: 2 }),
            refuses_deflate(
                d,
                matrix_of(&I2),
                1.0,
                vec![1.0],
                LinalgError::DimensionMismatch { expected: 2, found: 1 },
            ),
            refuses_deflate(d, matrix_of(&I2), 1.0, vec![0.0, 0.0], LinalgError::ZeroVector),
        ],
    );
    let t = f.top_two_eigenpairs;
    c.examples(
        "top_two_examples",
        "diag(3, −2, 1) gives (3, ±e₀) and (−2, ±e₁); rows (2, 1), (1, 2) give 3 and 1",
        vec![
            planted_fixed(&TOP_TWO_SYM, &I3, &[3.0, -2.0, 1.0], &[1.0, 1.0, 1.0], None),
            planted_fixed(&TOP_TWO_SYM, &[&[1.0, 1.0], &[-1.0, 1.0]], &[3.0, 1.0], &[1.0, 0.0], None),
        ],
        move |case| check_top_two(t, case),
    );
    c.property(
        "top_two_symmetric",
        "A = Q·diag(d)·Qᵀ, n from 2 to 6, |λ₁/λ₀| and |λ₂/λ₁| ≤ 0.8: both eigenvalues with their signs, unit \
         eigenvectors, residuals within the tolerance",
        |rng| planted_case(rng, &TOP_TWO_SYM, (2, 6), separated_values, false),
        move |case| check_top_two(t, case),
    );
    c.finish()
}

// ---------------------------------------------------------------- square matrices: inputs

fn show_a(c: &Case) -> String {
    pretty::named_matrices(&[("A", &rows_matrix(&c.inputs()))])
}

fn literal_a(c: &Case) -> String {
    pretty::matrix_literal("a", &rows_matrix(&c.inputs()))
}

fn square(c: &Case) -> bool {
    let n = c.rows.first().map_or(0, Vec::len);
    n >= 1 && c.rows.len() == n
}

static SQUARE: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_a,
    literal: literal_a,
    valid: square,
};

fn square_case(a: &Matrix) -> Case {
    Case::new(&SQUARE, a.to_rows(), vec![], 0)
}

/// n ≤ 7; entries from `entry`; one time in four symmetric, one in six
/// already Hessenberg or triangular.
fn random_square(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 7);
    let kind = draw::size(rng, 0, 11);
    let mut a = Matrix::from_fn(n, n, |_, _| draw::entry(rng));
    match kind {
        0..=2 => a = Matrix::from_fn(n, n, |i, j| if i <= j { a[(i, j)] } else { a[(j, i)] }),
        3 => a = Matrix::from_fn(n, n, |i, j| if i > j + 1 { 0.0 } else { a[(i, j)] }),
        4 => a = Matrix::from_fn(n, n, |i, j| if i > j { 0.0 } else { a[(i, j)] }),
        _ => {}
    }
    square_case(&a)
}

fn refuses_matrix<T: 'static>(
    function: &'static str,
    f: fn(&Matrix) -> Result<T, LinalgError>,
    a: Matrix,
    want: LinalgError,
    show: fn(&T) -> String,
) -> Fixed<'static> {
    Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
        let got = call(function, || f(&a))?;
        refused(function, &got, &want, show)
    })
}

fn refusals<T: 'static>(
    function: &'static str,
    f: fn(&Matrix) -> Result<T, LinalgError>,
    show: fn(&T) -> String,
) -> Vec<Fixed<'static>> {
    vec![
        refuses_matrix(function, f, Matrix::zeros(0, 0), LinalgError::Empty, show),
        refuses_matrix(
            function,
            f,
            matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]),
            LinalgError::NotSquare { rows: 2, cols: 3 },
            show,
        ),
    ]
}

// ---------------------------------------------------------------- hessenberg

fn show_qh(qh: &(Matrix, Matrix)) -> String {
    format!("Q =\n{}\nH =\n{}", qh.0, qh.1)
}

fn check_hessenberg(f: HessenbergFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let n = a.nrows();
    let expected = "Q orthogonal, H upper Hessenberg (exact zeros below the subdiagonal), A = QHQᵀ";
    let (q, h) = accepted("hessenberg", call("hessenberg", || f(&a))?, || expected.to_string())?;
    let miss = |m: String| Miss::new(m).output(show_qh(&(q.clone(), h.clone()))).expected(expected);
    if q.shape() != (n, n) || h.shape() != (n, n) {
        return Err(miss(format!(
            "Q is {}×{} and H {}×{}; both are {n}×{n}",
            q.nrows(),
            q.ncols(),
            h.nrows(),
            h.ncols()
        )));
    }
    if !tol::all_finite(q.as_slice()) || !tol::all_finite(h.as_slice()) {
        return Err(miss("`hessenberg` returned NaN or infinity".to_string()));
    }
    for j in 0..n {
        for i in j + 2..n {
            if h[(i, j)] != 0.0 {
                return Err(miss(format!(
                    "H is not upper Hessenberg: entry ({i}, {j}), below the subdiagonal, is {}; store exact zeros there",
                    pretty::number(h[(i, j)])
                )));
            }
        }
    }
    let qd = to_dmatrix(&q);
    let orth = frobenius(&(qd.transpose() * &qd - DMatrix::identity(n, n)));
    let bound = tol::hessenberg(n);
    if tol::misses(orth, bound) {
        return Err(miss("Q is not orthogonal: QᵀQ ≠ I".to_string())
            .bound(format!("‖QᵀQ − I‖_F = {orth:.2e}, allowed ≤ {bound:.2e}")));
    }
    let ad = to_dmatrix(&a);
    let size = frobenius(&ad);
    let err = frobenius(&(&ad - &qd * to_dmatrix(&h) * qd.transpose()));
    let bound = tol::hessenberg(n) * size;
    if tol::misses(err, bound) {
        return Err(miss(
            "A ≠ QHQᵀ: H must be similar to A (apply each reflector from the left AND from the right), and Q the \
             product H₀H₁⋯ of the reflectors"
                .to_string(),
        )
        .bound(format!("‖A − QHQᵀ‖_F = {err:.2e}, allowed ≤ {bound:.2e} (rounding, ∝ ‖A‖_F = {size:.2e})")));
    }
    let symmetric = (0..n).all(|i| (0..n).all(|j| a[(i, j)] == a[(j, i)]));
    if symmetric {
        let above =
            (0..n).flat_map(|i| (i + 2..n).map(move |j| (i, j))).map(|(i, j)| h[(i, j)].abs()).fold(0.0, f64::max);
        if tol::misses(above, bound) {
            return Err(miss("A is symmetric, so H must be tridiagonal: the entries above the superdiagonal are rounding noise at most".to_string())
                .bound(format!("largest |h_ij|, j > i + 1: {above:.2e}, allowed ≤ {bound:.2e}")));
        }
    }
    Ok(())
}

/// Reduction to Hessenberg form: H with exact zeros below the subdiagonal,
/// Q orthogonal, A = QHQᵀ to rounding, tridiagonal for symmetric A.
pub fn hessenberg(f: HessenbergFn) -> ExerciseReport {
    let mut c = Checker::new("hessenberg");
    let a = matrix_of(&[&[1.0, 3.0, 4.0], &[3.0, 1.0, 0.0], &[4.0, 0.0, 1.0]]);
    c.probe("hessenberg", || f(&a));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples(
        "examples",
        "rows (1, 3, 4), (3, 1, 0), (4, 0, 1); 1×1 and 2×2 (Hessenberg already); the identity; a zero column below \
         the diagonal (β = 0); an upper triangular matrix",
        vec![
            square_case(&a),
            square_case(&matrix_of(&[&[5.0]])),
            square_case(&matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]])),
            square_case(&Matrix::identity(4)),
            square_case(&matrix_of(&[&[1.0, 2.0, 3.0], &[0.0, 4.0, 5.0], &[0.0, 0.0, 6.0]])),
            square_case(&matrix_of(&[
                &[1.0, 2.0, 3.0, 4.0],
                &[2.0, 0.0, 1.0, 0.0],
                &[0.0, 5.0, 6.0, 7.0],
                &[0.0, 8.0, 9.0, 1.0],
            ])),
        ],
        move |case| check_hessenberg(f, case),
    );
    c.property(
        "random_matrices",
        "any n×n up to 7×7 (a quarter symmetric, some Hessenberg or triangular already): exact zeros below the \
         subdiagonal, QᵀQ = I and A = QHQᵀ to rounding, H tridiagonal when A is symmetric",
        random_square,
        move |case| check_hessenberg(f, case),
    );
    c.property(
        "larger",
        "symmetric and general matrices from 8×8 to 16×16",
        |rng| {
            let n = draw::size(rng, 8, 16);
            let sym = draw::chance(rng, 1, 2);
            let a = Matrix::from_fn(n, n, |_, _| draw::entry(rng));
            let a = if sym { Matrix::from_fn(n, n, |i, j| if i <= j { a[(i, j)] } else { a[(j, i)] }) } else { a };
            square_case(&a)
        },
        move |case| check_hessenberg(f, case),
    );
    c.fixed("refuses", "0×0: Empty; not square: NotSquare", refusals("hessenberg", f, show_qh));
    c.finish()
}

// ---------------------------------------------------------------- qr_iteration

fn check_qr_step(f: StepFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let n = a.nrows();
    let ad = to_dmatrix(&a);
    let qr = ad.clone().qr();
    let want = qr.r() * qr.q();
    let expected = || format!("RQ (one of them; the others are D·RQ·D for a diagonal D of ±1) =\n{}", ours(&want));
    let m = accepted("qr_step", call("qr_step", || f(&a))?, expected)?;
    let miss = |msg: String| Miss::new(msg).output(m.to_string()).expected(expected());
    if m.shape() != (n, n) || !tol::all_finite(m.as_slice()) {
        return Err(miss(format!("`qr_step` must return a finite {n}×{n} matrix")));
    }
    let kappa = subspace::condition(&ad);
    let size = frobenius(&ad);
    let bound = tol::qr_step(n, kappa.min(1e8)) * size;
    // The trace, ‖·‖_F and (for κ small enough that Q and R are determined)
    // the diagonal and the moduli of the entries are those of RQ.
    let (tr, tr_want) = ((0..n).map(|i| m[(i, i)]).sum::<f64>(), (0..n).map(|i| a[(i, i)]).sum::<f64>());
    if tol::misses((tr - tr_want).abs(), bound) {
        return Err(miss("the trace changed: RQ = QᵀAQ is similar to A and has its trace".to_string())
            .bound(format!("|trace − trace(A)| = {:.2e}, allowed ≤ {bound:.2e}", (tr - tr_want).abs())));
    }
    if kappa > 1e8 {
        return Ok(());
    }
    let dd = to_dmatrix(&m);
    let diag = (0..n).map(|i| (dd[(i, i)] - want[(i, i)]).powi(2)).sum::<f64>().sqrt();
    if tol::misses(diag, bound) {
        let hint = if frobenius(&(&dd - &ad)) <= bound {
            " (you returned A itself: that is Q·R; the step is R·Q)"
        } else {
            ""
        };
        return Err(miss(format!("the diagonal is not that of RQ{hint}"))
            .bound(format!("‖diag − diag(RQ)‖ = {diag:.2e}, allowed ≤ {bound:.2e} (κ₂(A) = {kappa:.1e})")));
    }
    let moduli = DMatrix::from_fn(n, n, |i, j| dd[(i, j)].abs() - want[(i, j)].abs());
    let err = frobenius(&moduli);
    if tol::misses(err, bound) {
        return Err(miss(
            "the entries of RQ are unique up to the signs of a diagonal similarity D·RQ·D; yours differ".to_string(),
        )
        .bound(format!("‖|M| − |RQ|‖_F = {err:.2e}, allowed ≤ {bound:.2e} (κ₂(A) = {kappa:.1e})")));
    }
    Ok(())
}

fn check_qr_iteration(f: QrIterFn, c: &Case) -> Result<(), Miss> {
    let p = planted(c).ok_or_else(|| Miss::new("the checker could not build this input"))?;
    let want = sorted_down(&p.d);
    let mut m: Vec<f64> = p.d.iter().map(|x| x.abs()).collect();
    m.sort_by(|x, y| y.total_cmp(x));
    let ratio = m.windows(2).map(|w| w[1] / w[0]).fold(0.0, f64::max);
    let expected = || format!("the eigenvalues {} (exact; any order) and the number of steps", pretty::vector(&want));
    let got = call("qr_iteration", || f(&p.a, MAX_ITER, TOL))?;
    let (values, k) = accepted("qr_iteration", got, expected).map_err(|e| Miss {
        message: format!("{} (the moduli are separated by ratios ≤ {ratio:.2}: QR iteration converges)", e.message),
        ..e
    })?;
    let shown = format!("({}, {k})", pretty::vector(&values));
    if values.len() != want.len() || !tol::all_finite(&values) {
        return Err(Miss::new("`qr_iteration` must return n finite eigenvalues").output(shown).expected(expected()));
    }
    if k > MAX_ITER {
        return Err(Miss::new(format!("{k} iterations reported, more than max_iter = {MAX_ITER}")).output(shown));
    }
    let got = sorted_down(&values);
    let bound = tol::eig_iterative(want.len(), p.kappa, TOL, ratio) * max_abs(&p.d);
    let err = got.iter().zip(&want).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
    if tol::misses(err, bound) {
        return Err(Miss::new("the eigenvalues are not the ones planted in A (iterate until everything below the diagonal is below tol·‖A‖_F)")
            .output(shown)
            .expected(expected())
            .bound(format!("largest |λ − λ_exact| = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

fn qr_budget(f: QrIterFn, a: Matrix) -> Fixed<'static> {
    let show = format!("{}\nmax_iter = {SHORT_BUDGET}", pretty::named_matrices(&[("A", &a)]));
    Fixed::new(show, pretty::matrix_literal("a", &a), move || {
        let got = call("qr_iteration", || f(&a, SHORT_BUDGET, TOL))?;
        match got {
            Err(LinalgError::NotConverged { iterations, .. }) if iterations == SHORT_BUDGET => Ok(()),
            other => Err(Miss::new(format!(
                "eigenvalues of equal modulus (2 and −2, or ±i): the entries below the diagonal never shrink, so \
                 `qr_iteration` must stop at max_iter = {SHORT_BUDGET} with NotConverged"
            ))
            .output(pretty::result(&other, |(v, k): &(Vec<f64>, usize)| format!("({}, {k})", pretty::vector(v))))
            .expected(format!("Err(NotConverged {{ iterations: {SHORT_BUDGET}, .. }})"))),
        }
    })
}

fn qr_zero_steps(f: QrIterFn) -> Fixed<'static> {
    let a = matrix_of(&[&[3.0, 1.0, 2.0], &[0.0, -2.0, 5.0], &[0.0, 0.0, 1.0]]);
    Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
        let got = call("qr_iteration", || f(&a, MAX_ITER, TOL))?;
        match &got {
            Ok((v, 0)) if *v == vec![3.0, -2.0, 1.0] => Ok(()),
            _ => {
                Err(Miss::new("A is upper triangular already: test before stepping, take 0 steps, return its diagonal")
                    .output(pretty::result(&got, |(v, k): &(Vec<f64>, usize)| format!("({}, {k})", pretty::vector(v))))
                    .expected("Ok(([3, -2, 1], 0))"))
            }
        }
    })
}

/// One QR step is RQ (diagonal and entry moduli against the checker's,
/// trace kept); QR iteration finds the planted eigenvalues when their
/// moduli are separated and stops at its budget when they are not.
pub fn qr_iteration(f: &QrIteration) -> ExerciseReport {
    let mut c = Checker::new("qr_iteration");
    let a = matrix_of(&[&[2.0, 1.0], &[1.0, 2.0]]);
    c.probe("qr_step", || (f.qr_step)(&a));
    c.probe("qr_iteration", || (f.qr_iteration)(&a, 100, 1e-6));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let step = f.qr_step;
    c.examples(
        "step_examples",
        "rows (2, 1), (1, 2) give rows (2.8, −0.6), (−0.6, 1.2) (up to the signs of the off-diagonal); 1×1; a \
         non-symmetric 3×3",
        vec![
            square_case(&a),
            square_case(&matrix_of(&[&[-3.0]])),
            square_case(&matrix_of(&[&[4.0, 1.0, 0.0], &[2.0, 3.0, 1.0], &[1.0, 0.0, 5.0]])),
        ],
        move |case| check_qr_step(step, case),
    );
    c.property(
        "step_random",
        "any n×n up to 7×7: the trace kept, and (κ₂(A) ≤ 10⁸) the diagonal and the moduli of the entries of RQ",
        random_square,
        move |case| check_qr_step(step, case),
    );
    c.fixed("step_refuses", "0×0: Empty; not square: NotSquare", refusals("qr_step", step, |m: &Matrix| m.to_string()));
    let it = f.qr_iteration;
    c.examples(
        "examples",
        "rows (2, 1), (1, 2) give 3 and 1; diag(1, −4, 2) (diagonal already: 0 steps would do); a 1×1",
        vec![
            planted_fixed(&SEPARATED_GEN, &I2, &[3.0, 1.0], &[1.0, 1.0], None),
            planted_fixed(&SEPARATED_GEN, &I3, &[1.0, -4.0, 2.0], &[1.0, 1.0, 1.0], None),
            planted_fixed(&SEPARATED_GEN, &[&[2.0]], &[7.0], &[1.0], None),
        ],
        move |case| check_qr_iteration(it, case),
    );
    c.property(
        "general_matrices",
        "A = S·diag(d)·S⁻¹ (κ₂(S) ≤ 32), n ≤ 5, moduli separated by ratios ≤ 0.8: the planted eigenvalues within \
         the tolerance",
        |rng| planted_case(rng, &SEPARATED_GEN, (1, 5), separated_values, false),
        move |case| check_qr_iteration(it, case),
    );
    c.fixed(
        "stops_at_max_iter",
        "rows (0, 2), (2, 0) (eigenvalues ±2) and a rotation by 90° (±i): Err(NotConverged { iterations: max_iter, \
         .. })",
        vec![
            qr_budget(it, matrix_of(&[&[0.0, 2.0], &[2.0, 0.0]])),
            qr_budget(it, matrix_of(&[&[0.0, -1.0], &[1.0, 0.0]])),
        ],
    );
    c.fixed("zero_steps", "an upper triangular A: 0 steps, its diagonal", vec![qr_zero_steps(it)]);
    let refuse = |a: Matrix, want: LinalgError| {
        Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
            let got = call("qr_iteration", || it(&a, MAX_ITER, TOL))?;
            refused("qr_iteration", &got, &want, |(v, k): &(Vec<f64>, usize)| format!("({}, {k})", pretty::vector(v)))
        })
    };
    c.fixed(
        "refuses",
        "0×0: Empty; not square: NotSquare",
        vec![
            refuse(Matrix::zeros(0, 0), LinalgError::Empty),
            refuse(matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]), LinalgError::NotSquare { rows: 2, cols: 3 }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- larger matrices: one seed

/// A larger planted case is stored as one row (seed, n) and drawn from its
/// own random stream: shrinking moves the seed and never has to test
/// hundreds of single-entry changes of a 20×20 matrix.
fn seeded(c: &Case, spec: &'static Spec, values: fn(&mut TestRng, usize) -> Vec<f64>) -> Option<Case> {
    let row = c.rows.first()?;
    let (seed, n) = (*row.first()?, *row.get(1)?);
    if row.len() != 2 || seed < 0.0 || seed.fract() != 0.0 || !(9.0..=20.0).contains(&n) || n.fract() != 0.0 {
        return None;
    }
    let mut bytes = [0u8; 32];
    bytes[..8].copy_from_slice(&(seed as u64).to_le_bytes());
    let mut rng = TestRng::from_seed(proptest::test_runner::RngAlgorithm::ChaCha, &bytes);
    Some(planted_case(&mut rng, spec, (n as usize, n as usize), values, false))
}

fn seeded_sym(c: &Case) -> Option<Case> {
    seeded(c, &SPECTRUM_SYM, symmetric_values)
}

fn seeded_gen(c: &Case) -> Option<Case> {
    seeded(c, &REAL_GEN, real_values)
}

fn show_seeded(c: &Case) -> String {
    let inner = if std::ptr::eq(c.spec, &LARGER_SYM) { seeded_sym(c) } else { seeded_gen(c) };
    inner.map_or_else(|| format!("(seed row {:?})", c.rows), |i| i.show())
}

fn literal_seeded(c: &Case) -> String {
    let inner = if std::ptr::eq(c.spec, &LARGER_SYM) { seeded_sym(c) } else { seeded_gen(c) };
    inner.map_or_else(String::new, |i| i.literal())
}

fn valid_seeded_sym(c: &Case) -> bool {
    seeded_sym(c).is_some()
}

fn valid_seeded_gen(c: &Case) -> bool {
    seeded_gen(c).is_some()
}

static LARGER_SYM: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_seeded,
    literal: literal_seeded,
    valid: valid_seeded_sym,
};

static LARGER_GEN: Spec = Spec { valid: valid_seeded_gen, ..LARGER_SYM };

fn seed_case(rng: &mut TestRng, spec: &'static Spec, sizes: (usize, usize)) -> Case {
    let seed = draw::int(rng, 0, 1_000_000);
    let n = draw::size(rng, sizes.0, sizes.1) as f64;
    Case::new(spec, vec![vec![seed, n]], vec![], 0)
}

// ---------------------------------------------------------------- shifted_qr

/// Integer symmetric matrices, n ≤ 8, one time in four with a repeated row
/// pattern (eigenvalue 0 repeated): their spectrum is not planted.
fn random_integer_symmetric(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 8);
    let a = Matrix::from_fn(n, n, |_, _| draw::int(rng, -9, 9));
    let mut s = Matrix::from_fn(n, n, |i, j| if i <= j { a[(i, j)] } else { a[(j, i)] });
    if n >= 3 && draw::chance(rng, 1, 4) {
        // Rank one plus a multiple of I: n − 1 equal eigenvalues.
        let v: Vec<f64> = (0..n).map(|_| draw::int(rng, -3, 3)).collect();
        let shift = draw::int(rng, -5, 5);
        s = Matrix::from_fn(n, n, |i, j| v[i] * v[j] + if i == j { shift } else { 0.0 });
    }
    square_case(&s)
}

/// nalgebra's eigenvalues of a symmetric matrix, non-increasing, through
/// `try_new` with an iteration cap; `None` if it does not converge.
fn nalgebra_symmetric_values(a: &Matrix) -> Option<Vec<f64>> {
    let e = nalgebra::SymmetricEigen::try_new(to_dmatrix(a), f64::EPSILON, 10_000)?;
    Some(sorted_down(e.eigenvalues.as_slice()))
}

fn check_values(function: &str, got: &[f64], want: &[f64], bound: f64) -> Result<(), Miss> {
    let shown = pretty::vector(got);
    let expected = || format!("{} (non-increasing)", pretty::vector(want));
    if got.len() != want.len() || !tol::all_finite(got) {
        return Err(Miss::new(format!("`{function}` must return n = {} finite eigenvalues", want.len()))
            .output(shown)
            .expected(expected()));
    }
    if let Some(i) = (1..got.len()).find(|&i| got[i - 1] < got[i]) {
        return Err(Miss::new(format!(
            "the eigenvalues must be in non-increasing order: entry {} = {} is below entry {i} = {} (sort them)",
            i - 1,
            pretty::number(got[i - 1]),
            pretty::number(got[i])
        ))
        .output(shown)
        .expected(expected()));
    }
    let err = got.iter().zip(want).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
    if tol::misses(err, bound) {
        return Err(Miss::new("the eigenvalues are not those of A".to_string())
            .output(shown)
            .expected(expected())
            .bound(format!("largest |λ − λ_exact| = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

fn check_shifted_planted(f: ValuesFn, c: &Case) -> Result<(), Miss> {
    let p = planted(c).ok_or_else(|| Miss::new("the checker could not build this input"))?;
    let want = sorted_down(&p.d);
    let got =
        accepted("shifted_qr_eigenvalues", call("shifted_qr_eigenvalues", || f(&p.a))?, || pretty::vector(&want))?;
    check_values("shifted_qr_eigenvalues", &got, &want, tol::eig_planted(want.len(), p.kappa) * max_abs(&p.d))
}

fn check_against_nalgebra(
    function: &'static str,
    values: impl Fn(&Matrix) -> Result<Vec<f64>, Miss>,
    c: &Case,
) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let Some(want) = nalgebra_symmetric_values(&a) else { return Ok(()) };
    let got = values(&a)?;
    let bound = tol::eig_planted(a.nrows(), 1.0) * frobenius(&to_dmatrix(&a));
    check_values(function, &got, &want, bound)
}

fn complex_pair(f: ValuesFn, a: Matrix) -> Fixed<'static> {
    Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
        let got = call("shifted_qr_eigenvalues", || f(&a))?;
        match got {
            Err(LinalgError::NotConverged { .. }) => Ok(()),
            other => Err(Miss::new("A has a complex pair of eigenvalues: real QR iteration cannot find them; return Err(NotConverged { .. })")
                .output(pretty::result(&other, show_vec))
                .expected("Err(NotConverged { iterations, residual })")),
        }
    })
}

/// Shifted QR with deflation finds every planted real eigenvalue (repeated
/// ones and ± pairs included), sorted, agrees with nalgebra on integer
/// symmetric matrices, and refuses complex pairs with `NotConverged`.
pub fn shifted_qr(f: ValuesFn) -> ExerciseReport {
    let mut c = Checker::new("shifted_qr");
    let a = matrix_of(&[&[4.0, 1.0], &[2.0, 3.0]]);
    c.probe("shifted_qr_eigenvalues", || f(&a));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples(
        "examples",
        "rows (4, 1), (2, 3) give [5, 2]; diag(1, 3, 2) gives [3, 2, 1]; 3, −3 and 1 (a ± pair, where unshifted QR \
         stalls); the identity; a 1×1",
        vec![
            planted_fixed(&REAL_GEN, &[&[1.0, 1.0], &[1.0, -2.0]], &[5.0, 2.0], &[1.0, 1.0], None),
            planted_fixed(&REAL_GEN, &I3, &[1.0, 3.0, 2.0], &[1.0, 1.0, 1.0], None),
            planted_fixed(
                &REAL_GEN,
                &[&[1.0, 2.0, 0.0], &[0.0, 1.0, 1.0], &[1.0, 0.0, 1.0]],
                &[3.0, -3.0, 1.0],
                &[1.0, 1.0, 1.0],
                None,
            ),
            planted_fixed(&REAL_GEN, &I3, &[1.0, 1.0, 1.0], &[1.0, 1.0, 1.0], None),
            planted_fixed(&REAL_GEN, &[&[1.0]], &[-2.5], &[1.0], None),
        ],
        move |case| check_shifted_planted(f, case),
    );
    c.property(
        "general_matrices",
        "A = S·diag(d)·S⁻¹ (κ₂(S) ≤ 32), n ≤ 6, any real d (repeated values and ± pairs included): the planted \
         eigenvalues, non-increasing",
        |rng| planted_case(rng, &REAL_GEN, (1, 6), real_values, false),
        move |case| check_shifted_planted(f, case),
    );
    c.property(
        "larger",
        "the same from 9×9 to 12×12: deflation in the middle of the matrix",
        |rng| seed_case(rng, &LARGER_GEN, (9, 12)),
        move |case| match seeded_gen(case) {
            Some(inner) => check_shifted_planted(f, &inner),
            None => Err(Miss::new("the checker could not build this input")),
        },
    );
    c.property(
        "symmetric_integers",
        "integer symmetric matrices (some with an eigenvalue repeated n − 1 times): nalgebra's eigenvalues \
         (SymmetricEigen::try_new, capped), non-increasing",
        random_integer_symmetric,
        move |case| {
            check_against_nalgebra(
                "shifted_qr_eigenvalues",
                |a| {
                    accepted("shifted_qr_eigenvalues", call("shifted_qr_eigenvalues", || f(a))?, || {
                        "the eigenvalues".to_string()
                    })
                },
                case,
            )
        },
    );
    c.fixed(
        "complex_pairs",
        "a rotation by 90° (±i) and a 3×3 with eigenvalues 2 and 1 ± 2i: Err(NotConverged { .. }), not a made-up \
         real answer and not an endless loop",
        vec![
            complex_pair(f, matrix_of(&[&[0.0, -1.0], &[1.0, 0.0]])),
            complex_pair(f, matrix_of(&[&[1.0, -2.0, 0.0], &[2.0, 1.0, 0.0], &[1.0, 1.0, 2.0]])),
        ],
    );
    c.fixed("refuses", "0×0: Empty; not square: NotSquare", refusals("shifted_qr_eigenvalues", f, show_vec));
    c.finish()
}

// ---------------------------------------------------------------- symmetric_eigen

fn show_symeig(e: &SymEig) -> String {
    format!("values = {}\nvectors =\n{}", pretty::vector(&e.values), e.vectors)
}

/// The invariants of a symmetric eigen-decomposition: shapes, order,
/// VᵀV = I, A = VΛVᵀ, each column an eigenvector; and the values against
/// `want` (exact or nalgebra's) when given.
fn check_symeig(f: SymEigFn, a: &Matrix, want: Option<(&[f64], f64)>) -> Result<(), Miss> {
    let n = a.nrows();
    let expected = || match want {
        Some((w, _)) => format!(
            "values {} (non-increasing), orthonormal eigenvectors in the columns of an {n}×{n} matrix",
            pretty::vector(w)
        ),
        None => "non-increasing values, orthonormal eigenvectors".to_string(),
    };
    let e = accepted("symmetric_eigen", call("symmetric_eigen", || f(a))?, expected)?;
    let miss = |m: String| Miss::new(m).output(show_symeig(&e)).expected(expected());
    if e.values.len() != n || e.vectors.shape() != (n, n) {
        return Err(miss(format!(
            "{} values and a {}×{} matrix of vectors; an {n}×{n} A has {n} of each",
            e.values.len(),
            e.vectors.nrows(),
            e.vectors.ncols()
        )));
    }
    if !tol::all_finite(&e.values) || !tol::all_finite(e.vectors.as_slice()) {
        return Err(miss("`symmetric_eigen` returned NaN or infinity".to_string()));
    }
    if let Some(i) = (1..n).find(|&i| e.values[i - 1] < e.values[i]) {
        return Err(miss(format!(
            "the values must be non-increasing: values[{}] = {} < values[{i}] = {} (sort them, and move the columns of \
             vectors with them)",
            i - 1,
            pretty::number(e.values[i - 1]),
            pretty::number(e.values[i])
        )));
    }
    let ad = to_dmatrix(a);
    let size = frobenius(&ad);
    if let Some((w, bound)) = want {
        let err = e.values.iter().zip(w).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
        if tol::misses(err, bound) {
            return Err(miss("the eigenvalues are not those of A".to_string())
                .bound(format!("largest |λ − λ_exact| = {err:.2e}, allowed ≤ {bound:.2e}")));
        }
    }
    let v = to_dmatrix(&e.vectors);
    let orth = frobenius(&(v.transpose() * &v - DMatrix::identity(n, n)));
    let bound = tol::sym_orthogonality(n);
    if tol::misses(orth, bound) {
        return Err(miss("the eigenvectors (the COLUMNS of vectors) are not orthonormal: VᵀV ≠ I".to_string())
            .bound(format!("‖VᵀV − I‖_F = {orth:.2e}, allowed ≤ {bound:.2e}")));
    }
    let bound = tol::sym_backward(n) * size;
    for j in 0..n {
        let r = residual(a, e.values[j], &e.vectors.column(j));
        if tol::misses(r, bound) {
            return Err(miss(format!(
                "column {j} of vectors is not an eigenvector for values[{j}] (is it a row? were the columns moved with \
                 the sorted values?)"
            ))
            .bound(format!(
                "‖Av_{j} − λ_{j}v_{j}‖ = {r:.2e}, allowed ≤ {bound:.2e} (rounding, ∝ ‖A‖_F = {size:.2e})"
            )));
        }
    }
    let lambda = DMatrix::from_diagonal(&nalgebra::DVector::from_column_slice(&e.values));
    let err = frobenius(&(&ad - &v * lambda * v.transpose()));
    if tol::misses(err, bound) {
        return Err(miss("A ≠ VΛVᵀ".to_string()).bound(format!("‖A − VΛVᵀ‖_F = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

fn check_symeig_planted(f: SymEigFn, c: &Case) -> Result<(), Miss> {
    let p = planted(c).ok_or_else(|| Miss::new("the checker could not build this input"))?;
    let want = sorted_down(&p.d);
    let bound = tol::eig_planted(want.len(), 1.0) * max_abs(&p.d);
    check_symeig(f, &p.a, Some((&want, bound)))
}

/// The symmetric eigen-solver: non-increasing values equal to the planted
/// ones (or nalgebra's), orthonormal eigenvectors in the columns, A = VΛVᵀ,
/// on clusters, repeated and zero eigenvalues, and sizes up to 40.
pub fn symmetric_eigen(f: SymEigFn) -> ExerciseReport {
    let mut c = Checker::new("symmetric_eigen");
    let a = matrix_of(&[&[2.0, 1.0], &[1.0, 2.0]]);
    c.probe("symmetric_eigen", || f(&a));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples(
        "examples",
        "rows (2, 1), (1, 2) give [3, 1]; diag(1, 3, 2) gives [3, 2, 1] with the columns moved along; −I (all equal); \
         the zero matrix; a 1×1; a tridiagonal matrix; eigenvalues of both signs",
        vec![
            planted_fixed(&SPECTRUM_SYM, &[&[1.0, 1.0], &[-1.0, 1.0]], &[3.0, 1.0], &[1.0, 1.0], None),
            planted_fixed(&SPECTRUM_SYM, &I3, &[1.0, 3.0, 2.0], &[1.0, 1.0, 1.0], None),
            planted_fixed(&SPECTRUM_SYM, &I3, &[-1.0, -1.0, -1.0], &[1.0, 1.0, 1.0], None),
            planted_fixed(&SPECTRUM_SYM, &I3, &[0.0, 0.0, 0.0], &[1.0, 1.0, 1.0], None),
            planted_fixed(&SPECTRUM_SYM, &[&[1.0]], &[-7.0], &[1.0], None),
            planted_fixed(
                &SPECTRUM_SYM,
                &[&[2.0, 1.0, 0.0], &[1.0, 2.0, 1.0], &[0.0, 1.0, 2.0]],
                &[5.0, -4.0, 0.5],
                &[1.0, 1.0, 1.0],
                None,
            ),
        ],
        move |case| check_symeig_planted(f, case),
    );
    c.property(
        "planted_spectra",
        "A = Q·diag(d)·Qᵀ, n ≤ 8, d with clusters (λ and λ + 10⁻⁹), repeated values, zeros, both signs: the exact \
         eigenvalues non-increasing, VᵀV = I, A = VΛVᵀ, Av_j = λ_j·v_j",
        |rng| planted_case(rng, &SPECTRUM_SYM, (1, 8), symmetric_values, false),
        move |case| check_symeig_planted(f, case),
    );
    c.property(
        "symmetric_integers",
        "integer symmetric matrices (some with an eigenvalue repeated n − 1 times): nalgebra's eigenvalues \
         (SymmetricEigen::try_new, capped), and the same invariants",
        random_integer_symmetric,
        move |case| {
            let a = rows_matrix(&case.inputs());
            match nalgebra_symmetric_values(&a) {
                Some(w) => {
                    let bound = tol::eig_planted(a.nrows(), 1.0) * frobenius(&to_dmatrix(&a));
                    check_symeig(f, &a, Some((&w, bound)))
                }
                None => check_symeig(f, &a, None),
            }
        },
    );
    c.property(
        "larger",
        "A = Q·diag(d)·Qᵀ from 9×9 to 20×20",
        |rng| seed_case(rng, &LARGER_SYM, (9, 20)),
        move |case| match seeded_sym(case) {
            Some(inner) => check_symeig_planted(f, &inner),
            None => Err(Miss::new("the checker could not build this input")),
        },
    );
    c.fixed("refuses", "0×0: Empty; not square: NotSquare", refusals("symmetric_eigen", f, show_symeig));
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::{RngAlgorithm, TestRng};
    use solutions::l10 as sol;

    fn rng() -> TestRng {
        TestRng::from_seed(RngAlgorithm::ChaCha, &[10; 32])
    }

    /// Print the largest error/bound ratio (without `C`) of the reference
    /// solutions on every lesson-10 generator, for the calibration note in
    /// `tol.rs`. `cargo test -p eigenlings-checks l10::tests::calibrate --release -- --ignored --nocapture`
    #[test]
    #[ignore = "prints the calibration of the lesson-10 tolerances; slow in debug builds"]
    fn calibrate() {
        let mut rng = rng();
        let cases = 20_000;
        let mut worst = [0.0_f64; 12];
        let mut note = |k: usize, err: f64, bound: f64| {
            if err > 0.0 {
                worst[k] = worst[k].max(err / (bound / tol::C));
            }
        };
        for _ in 0..cases {
            // power_step
            let case = random_step(&mut rng);
            let (a, x) = split_step(&case);
            let (next, lambda) = sol::power_iteration::power_step(&a, &x).unwrap();
            let y = times(&a, &x);
            let (ny, nx) = (tol::norm2(&y), tol::norm2(&x));
            let want = x.iter().zip(&y).map(|(p, q)| (p / nx) * (q / nx)).sum::<f64>();
            let na = frobenius(&to_dmatrix(&a));
            note(0, (lambda - want).abs(), tol::power_step(a.nrows()) * na);
            let wn: Vec<f64> = y.iter().map(|t| t / ny).collect();
            note(0, tol::distance(&next, &wn), tol::power_step(a.nrows()) * na * nx / ny);
            // power_iteration
            for spec in [&DOMINANT_GEN, &DOMINANT_SYM] {
                let case = planted_case(&mut rng, spec, (1, 6), dominant_values, false);
                let p = planted(&case).unwrap();
                let (j, ratio) = dominance(&p.d);
                let (l, v, _) = sol::power_iteration::power_iteration(&p.a, &p.x0, MAX_ITER, TOL).unwrap();
                let b = iterative_bound(&p, ratio);
                note(1, (l - p.d[j]).abs(), b);
                note(2, residual(&p.a, l, &v), b);
            }
            // inverse_iteration
            for spec in [&NEAREST_GEN, &NEAREST_SYM] {
                let case = planted_case(&mut rng, spec, (1, 6), distinct_values, true);
                let p = planted(&case).unwrap();
                let (j, ratio) = nearest(&p.d, case.scalars[0]);
                let (l, v, _) =
                    sol::inverse_iteration::inverse_iteration(&p.a, case.scalars[0], &p.x0, MAX_ITER, TOL).unwrap();
                let b = iterative_bound(&p, ratio);
                note(3, (l - p.d[j]).abs(), b);
                note(3, residual(&p.a, l, &v), b);
            }
            // deflation
            let case = planted_case(&mut rng, &TOP_TWO_SYM, (2, 6), separated_values, false);
            let p = planted(&case).unwrap();
            let mut idx: Vec<usize> = (0..p.d.len()).collect();
            idx.sort_by(|&i, &j| p.d[j].abs().total_cmp(&p.d[i].abs()));
            let r0 = p.d[idx[1]].abs() / p.d[idx[0]].abs();
            let r1 = if idx.len() > 2 { p.d[idx[2]].abs() / p.d[idx[1]].abs() } else { 0.0 };
            let ((_, _), (l1, v1)) = sol::deflation::top_two_eigenpairs(&p.a, &p.x0, MAX_ITER, TOL).unwrap();
            let b = iterative_bound(&p, r0.max(r1)) * 4.0;
            note(4, (l1 - p.d[idx[1]]).abs(), b);
            note(4, residual(&p.a, l1, &v1), b);
            // hessenberg
            let case = random_square(&mut rng);
            let a = rows_matrix(&case.inputs());
            let n = a.nrows();
            let (q, h) = sol::hessenberg::hessenberg(&a).unwrap();
            let qd = to_dmatrix(&q);
            note(5, frobenius(&(qd.transpose() * &qd - DMatrix::identity(n, n))), tol::hessenberg(n));
            let ad = to_dmatrix(&a);
            note(5, frobenius(&(&ad - &qd * to_dmatrix(&h) * qd.transpose())), tol::hessenberg(n) * frobenius(&ad));
            // qr_step
            let m = to_dmatrix(&sol::qr_iteration::qr_step(&a).unwrap());
            let kappa = subspace::condition(&ad);
            if kappa <= 1e8 {
                let qr = ad.clone().qr();
                let want = qr.r() * qr.q();
                let b = tol::qr_step(n, kappa) * frobenius(&ad);
                note(6, frobenius(&DMatrix::from_fn(n, n, |i, j| m[(i, j)].abs() - want[(i, j)].abs())), b);
            }
            // qr_iteration
            let case = planted_case(&mut rng, &SEPARATED_GEN, (1, 5), separated_values, false);
            let p = planted(&case).unwrap();
            let mut mods: Vec<f64> = p.d.iter().map(|x| x.abs()).collect();
            mods.sort_by(|x, y| y.total_cmp(x));
            let ratio = mods.windows(2).map(|w| w[1] / w[0]).fold(0.0, f64::max);
            let (vals, _) = sol::qr_iteration::qr_iteration(&p.a, MAX_ITER, TOL).unwrap();
            let err = sorted_down(&vals).iter().zip(sorted_down(&p.d)).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
            note(7, err, tol::eig_iterative(p.d.len(), p.kappa, TOL, ratio) * max_abs(&p.d));
            // shifted_qr
            let case = planted_case(&mut rng, &REAL_GEN, (1, 16), real_values, false);
            let p = planted(&case).unwrap();
            let vals = match sol::shifted_qr::shifted_qr_eigenvalues(&p.a) {
                Ok(v) => v,
                Err(e) => panic!("{e:?}\n{}\n{:?} {}", p.a, p.d, p.kappa),
            };
            let err = vals.iter().zip(sorted_down(&p.d)).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
            note(8, err, tol::eig_planted(p.d.len(), p.kappa) * max_abs(&p.d));
            // symmetric_eigen
            let case = planted_case(&mut rng, &SPECTRUM_SYM, (1, 40), symmetric_values, false);
            let p = planted(&case).unwrap();
            let n = p.d.len();
            let e = sol::symmetric_eigen::symmetric_eigen(&p.a).unwrap();
            let err = e.values.iter().zip(sorted_down(&p.d)).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max);
            note(9, err, tol::eig_planted(n, 1.0) * max_abs(&p.d));
            let v = to_dmatrix(&e.vectors);
            note(10, frobenius(&(v.transpose() * &v - DMatrix::identity(n, n))), tol::sym_orthogonality(n));
            let ad = to_dmatrix(&p.a);
            let lam = DMatrix::from_diagonal(&nalgebra::DVector::from_column_slice(&e.values));
            note(11, frobenius(&(&ad - &v * lam * v.transpose())), tol::sym_backward(n) * frobenius(&ad));
            for j in 0..n {
                note(11, residual(&p.a, e.values[j], &e.vectors.column(j)), tol::sym_backward(n) * frobenius(&ad));
            }
        }
        let names = [
            "power_step",
            "power λ",
            "power residual",
            "inverse",
            "deflation 2nd pair",
            "hessenberg",
            "qr_step",
            "qr_iteration",
            "shifted_qr",
            "symmetric values",
            "symmetric VᵀV",
            "symmetric backward/residual",
        ];
        for (name, w) in names.iter().zip(worst) {
            println!("{name:>28}: {w:.3}");
        }
    }
}
