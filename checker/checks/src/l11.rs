//! Checks for lesson 11: the singular value decomposition.
//!
//! U and V are not unique (signs, and any rotation inside a repeated singular
//! value), so an SVD is judged by what makes it one: the thin shapes, s
//! non-negative and non-increasing, UᵀU = I, VᵀV = I and A = UΣVᵀ up to
//! rounding. Together these determine the factorization up to those
//! freedoms, and only the singular values, which are unique, are compared
//! with nalgebra, through `singular_values()` (the path without vectors:
//! nalgebra's SVD with vectors is wrong on some inputs, `checking.md` §1.2).
//!
//! The two SVD exercises get different tolerances, and that is the lesson:
//! the route through AᵀA is judged with bounds that grow with κ², the
//! accurate SVD with bounds of a backward-stable method, C·max(m, n)·u·σ₁ for
//! every singular value whatever κ₂. The generators build A = U·Σ·Vᵀ with κ₂
//! up to 10¹⁰ (`draw::with_condition`), where σ_min lies below √u·σ₁ and the
//! AᵀA route loses it entirely; and column-graded matrices A = Q·D (Q with
//! orthonormal columns, D diagonal from 1 down to 10⁻¹²), whose singular
//! values are |d_j| to a relative ±‖QᵀQ − I‖ (Ostrowski), so even the
//! smallest is checked to a few units of RELATIVE rounding: what one-sided
//! Jacobi promises (Demmel and Veselić, 1992).
//!
//! The pseudo-inverse is judged by the four Moore–Penrose conditions, which
//! define it, and least squares through it against the minimum-norm
//! solution computed from an exact full-rank factorization A = C·R (C the
//! pivot columns of A, R the rows of its exact RREF). The best rank-k
//! approximation by rank ≤ k and the Eckart–Young error
//! ‖A − A_k‖_F = (Σ_{j ≥ k} σ_j²)^½, which together determine A_k whenever
//! σ_k > σ_{k+1}. The numerical rank against the exact rank of integer
//! matrices whose nonzero singular values are far above the tolerance, the
//! condition number against σ₁/σ_min from nalgebra.

use nalgebra::{DMatrix, DVector};
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{LinalgError, Matrix, Svd};

use crate::cases::{Case, Spec, build_scaled};
use crate::compare::{scalar_close, vector_close};
use crate::convert::{frobenius, matrix_of, ours, rows_matrix};
use crate::harness::{Checker, Fixed, Miss, accepted, call, refused};
use crate::subspace::{self, to_dmatrix};
use crate::{draw, exact, pretty, tol};

// ---------------------------------------------------------------- helpers

fn show_svd(svd: &Svd) -> String {
    format!("U =\n{}\ns = {}\nVᵀ =\n{}", svd.u, pretty::vector(&svd.s), svd.vt)
}

#[allow(clippy::ptr_arg)]
fn show_vec(v: &Vec<f64>) -> String {
    pretty::vector(v)
}

/// nalgebra's singular values of the unscaled matrix, non-increasing.
fn truth_values(a: &Matrix) -> Vec<f64> {
    subspace::singular_values(&to_dmatrix(a))
}

// ---------------------------------------------------------------- inputs

fn show_a(c: &Case) -> String {
    let k = c.scalars.first().map(|k| format!("\nk = {}", k.round() as usize)).unwrap_or_default();
    format!("{}{}{k}", pretty::named_matrices(&[("A", &rows_matrix(&c.inputs()))]), c.scale_note())
}

fn literal_a(c: &Case) -> String {
    let k = c.scalars.first().map(|k| format!("\nlet k = {};", k.round() as usize)).unwrap_or_default();
    format!("{}{k}", pretty::matrix_literal("a", &rows_matrix(&c.inputs())))
}

fn dims(c: &Case) -> (usize, usize) {
    (c.rows.len(), c.rows.first().map_or(0, Vec::len))
}

/// m, n ≥ 1.
fn nonempty(c: &Case) -> bool {
    let (m, n) = dims(c);
    m >= 1 && n >= 1
}

static ANY: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_a,
    literal: literal_a,
    valid: nonempty,
};

/// A matrix and a rank k (scalar 0, shrinking toward 0).
static WITH_K: Spec = Spec { scalar_floor: &[0.0], ..ANY };

fn matrix_case(a: &Matrix, exp: i32) -> Case {
    Case::new(&ANY, a.to_rows(), vec![], exp)
}

/// m, n ∈ 1..=7, tall, square or wide.
fn shape(rng: &mut TestRng) -> (usize, usize) {
    (draw::size(rng, 1, 7), draw::size(rng, 1, 7))
}

/// Entries from [`draw::entry`], times 2^e from `exps` one time in three.
fn random_matrix(rng: &mut TestRng, exps: &[i32]) -> Case {
    let (m, n) = shape(rng);
    let a = Matrix::from_fn(m, n, |_, _| draw::entry(rng));
    let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
    matrix_case(&a, exp)
}

/// A = U·Σ·Vᵀ with κ₂(A) = 10^t, t uniform in [lo, hi].
fn random_conditioned(rng: &mut TestRng, lo: f64, hi: f64) -> Case {
    let (m, n) = shape(rng);
    let (m, n) = if m.min(n) == 1 { (m.max(2), n.max(2)) } else { (m, n) };
    let log_kappa = lo + (hi - lo) * draw::unit(rng);
    matrix_case(&ours(&draw::with_condition(rng, m, n, log_kappa)), 0)
}

/// Dependent columns or rows, integers: a zero column, a repeated column, a
/// product X·Y of lower rank (entries in [−2, 2]), or the zero matrix.
fn random_rank_deficient(rng: &mut TestRng) -> Case {
    let (m, n) = shape(rng);
    let mut a = Matrix::from_fn(m, n, |_, _| draw::int(rng, -9, 9));
    match draw::size(rng, 0, 5) {
        0 => {
            let j = draw::size(rng, 0, n - 1);
            (0..m).for_each(|i| a[(i, j)] = 0.0);
        }
        1 if n >= 2 => {
            let (from, to) = (draw::size(rng, 0, n - 1), draw::size(rng, 0, n - 1));
            let to = if to == from { (from + 1) % n } else { to };
            (0..m).for_each(|i| a[(i, to)] = a[(i, from)]);
        }
        5 => a = Matrix::zeros(m, n),
        _ if m.min(n) >= 2 => {
            let r = draw::size(rng, 1, m.min(n) - 1);
            let x = Matrix::from_fn(m, r, |_, _| draw::int(rng, -2, 2));
            let y = Matrix::from_fn(r, n, |_, _| draw::int(rng, -2, 2));
            a = Matrix::from_fn(m, n, |i, j| (0..r).map(|k| x[(i, k)] * y[(k, j)]).sum());
        }
        _ => {}
    }
    matrix_case(&a, 0)
}

/// Column-graded A = Q·D, tall or square: Q with orthonormal columns (from
/// nalgebra's QR of a random matrix), D diagonal with |d_j| from 1 down to
/// 10^−t (t ∈ 4..=12), in random order. Its singular values are the |d_j|.
fn random_graded(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 2, 6);
    let m = draw::size(rng, n, 8);
    let t = draw::size(rng, 4, 12) as f64;
    let q = draw::orthogonal(rng, m);
    let mut d = draw::spread(rng, n, t);
    // Random order of the columns: the grading need not follow the columns.
    for i in (1..n).rev() {
        d.swap(i, draw::size(rng, 0, i));
    }
    let a = Matrix::from_fn(m, n, |i, j| q[(i, j)] * d[j] / 10.0);
    matrix_case(&a, 0)
}

/// The singular values of a `random_graded` matrix: its column norms,
/// which are the |d_j| to a relative ‖QᵀQ − I‖ (Ostrowski), sorted.
fn graded_values(a: &Matrix) -> Vec<f64> {
    let mut s: Vec<f64> = (0..a.ncols()).map(|j| tol::norm2(&a.column(j))).collect();
    s.sort_by(|x, y| y.total_cmp(x));
    s
}

// ---------------------------------------------------------------- the SVD judge

/// Which exercise an SVD is judged for.
#[derive(Clone, Copy, PartialEq)]
enum Route {
    /// The textbook construction through AᵀA: bounds grow with κ².
    ViaEigen,
    /// A backward-stable SVD: no κ in the bounds.
    Accurate,
}

/// The signature of `svd_via_eigen` and `jacobi_svd`.
pub type SvdFn = fn(&Matrix) -> Result<Svd, LinalgError>;

fn expected_svd(base: &Matrix, exp: i32) -> String {
    let (m, n) = base.shape();
    let k = m.min(n);
    let s: Vec<f64> = truth_values(base).iter().map(|&x| tol::scale2(x, exp)).collect();
    format!(
        "U {m}×{k} with orthonormal columns, s of length {k} non-increasing ≥ 0, Vᵀ {k}×{n} with orthonormal rows, \
         UΣVᵀ = A; nalgebra's singular values: {}",
        pretty::vector(&s)
    )
}

/// κ of the singular values the AᵀA route divides by: σ₁ over the smallest
/// of the learner's σ_j with σ_j² > max(m, n)·ε·σ₁² (the contract's τ).
fn kept_kappa(s: &[f64], m: usize, n: usize) -> f64 {
    let top = s.first().copied().unwrap_or(0.0);
    let tau = m.max(n) as f64 * f64::EPSILON * top * top;
    s.iter().rev().find(|&&x| x * x > tau).map_or(1.0, |&low| top / low)
}

/// Shapes, finite, s ≥ 0 and non-increasing, UᵀU = I, VᵀV = I, A = UΣVᵀ.
fn check_factors(function: &str, c: &Case, svd: &Svd, route: Route) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let (m, n) = a.shape();
    let k = m.min(n);
    let expected = || expected_svd(&rows_matrix(&c.rows), c.exp);
    let miss = |message: String| Miss::new(message).output(show_svd(svd)).expected(expected());
    if svd.u.shape() != (m, k) || svd.s.len() != k || svd.vt.shape() != (k, n) {
        return Err(miss(format!(
            "`{function}` returned U {}×{}, s of length {} and Vᵀ {}×{}, but the thin SVD of a {m}×{n} matrix has U \
             {m}×{k}, s of length {k} and Vᵀ {k}×{n} (k = min(m, n))",
            svd.u.nrows(),
            svd.u.ncols(),
            svd.s.len(),
            svd.vt.nrows(),
            svd.vt.ncols()
        )));
    }
    if !tol::all_finite(svd.u.as_slice()) || !tol::all_finite(&svd.s) || !tol::all_finite(svd.vt.as_slice()) {
        return Err(miss(format!(
            "`{function}` returned NaN or infinity (a square root of a tiny negative eigenvalue? a division by a \
             zero σ?)"
        )));
    }
    let d = to_dmatrix(&a);
    let top = svd.s.first().copied().unwrap_or(0.0);
    // Order and sign get the same slack as the values (checking.md §3).
    let slack = match route {
        Route::Accurate => tol::svd_values(m, n) * top,
        Route::ViaEigen => tol::svd_via_eigen_values(m, n).sqrt() * top,
    };
    if let Some(j) = svd.s.iter().position(|&x| x < -slack) {
        return Err(miss(format!("s[{j}] = {} is negative: singular values are ≥ 0", pretty::number(svd.s[j]))));
    }
    if let Some(j) = svd.s.windows(2).position(|w| w[1] > w[0] + slack) {
        return Err(miss(format!(
            "s is not non-increasing: s[{}] = {} > s[{j}] = {} (sort the singular values, largest first, and \
             permute U's columns and Vᵀ's rows with them)",
            j + 1,
            pretty::number(svd.s[j + 1]),
            pretty::number(svd.s[j])
        ))
        .bound(format!("s[{}] − s[{j}] = {:.2e}, allowed ≤ {slack:.2e}", j + 1, svd.s[j + 1] - svd.s[j])));
    }
    let kappa = kept_kappa(&svd.s, m, n);
    let orth_bound = match route {
        Route::Accurate => tol::svd_orthogonality(m, n),
        Route::ViaEigen => tol::svd_via_eigen_orthogonality(m, n, kappa),
    };
    let u = to_dmatrix(&svd.u);
    let orth = frobenius(&(u.transpose() * &u - DMatrix::identity(k, k)));
    if tol::misses(orth, orth_bound) {
        return Err(miss(format!(
            "the columns of U are not orthonormal: UᵀU − I is not 0{}",
            match route {
                Route::Accurate => " (the bound has no κ in it: an accurate SVD keeps U orthonormal whatever κ₂(A))",
                Route::ViaEigen => " (is each u_j divided by its σ_j? are the u_j of tiny σ completed?)",
            }
        ))
        .bound(format!("‖UᵀU − I‖_F = {orth:.2e}, allowed ≤ {orth_bound:.2e}")));
    }
    let vt = to_dmatrix(&svd.vt);
    let orth = frobenius(&(&vt * vt.transpose() - DMatrix::identity(k, k)));
    if tol::misses(orth, orth_bound) {
        return Err(miss("the rows of Vᵀ are not orthonormal: VᵀV − I is not 0".to_string())
            .bound(format!("‖VᵀV − I‖_F = {orth:.2e}, allowed ≤ {orth_bound:.2e}")));
    }
    let us = DMatrix::from_fn(m, k, |i, j| svd.u[(i, j)] * svd.s[j]);
    let err = frobenius(&(&d - us * &vt));
    let size = frobenius(&d);
    let bound = match route {
        Route::Accurate => tol::svd_backward(m, n) * size,
        Route::ViaEigen => tol::svd_via_eigen_backward(m, n, kappa) * size,
    };
    if tol::misses(err, bound) {
        return Err(miss("UΣVᵀ ≠ A: the product of your factors is not A".to_string())
            .bound(format!("‖A − UΣVᵀ‖_F = {err:.2e}, allowed ≤ {bound:.2e} (relative to ‖A‖_F = {size:.2e})")));
    }
    Ok(())
}

/// The singular values against nalgebra's `singular_values()` of the
/// unscaled matrix, the learner's scaled back exactly by 2^−exp.
fn check_values(function: &str, c: &Case, svd: &Svd, route: Route) -> Result<(), Miss> {
    let base = rows_matrix(&c.rows);
    let (m, n) = base.shape();
    let want = truth_values(&base);
    let got: Vec<f64> = svd.s.iter().map(|&x| tol::scale2(x, -c.exp)).collect();
    let top = want.first().copied().unwrap_or(0.0);
    for (j, (&g, &w)) in got.iter().zip(&want).enumerate() {
        let (err, bound, what) = match route {
            Route::Accurate => ((g - w).abs(), tol::svd_values(m, n) * top, "|σ̂ − σ|"),
            Route::ViaEigen => ((g * g - w * w).abs(), tol::svd_via_eigen_values(m, n) * top * top, "|σ̂² − σ²|"),
        };
        if tol::misses(err, bound) {
            let kappa = if w > 0.0 { top / w } else { f64::INFINITY };
            return Err(Miss::new(format!(
                "`{function}`: singular value s[{j}] is wrong{}",
                match route {
                    Route::Accurate => format!(
                        " (σ₁/σ_{j} = {kappa:.1e}): an accurate SVD gets every σ to within rounding of σ₁; the route \
                         through AᵀA loses the σ below √u·σ₁ ≈ 1e-8·σ₁"
                    ),
                    Route::ViaEigen => String::new(),
                }
            ))
            .output(format!("s (unscaled) = {}", pretty::vector(&got)))
            .expected(format!("nalgebra's singular values = {}", pretty::vector(&want)))
            .bound(format!("{what} = {err:.2e}, allowed ≤ {bound:.2e}")));
        }
    }
    Ok(())
}

/// Relative accuracy on a column-graded matrix: every σ̂_j within a few
/// units of rounding of σ_j itself, not of σ₁.
fn check_relative(function: &str, c: &Case, svd: &Svd) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let (m, n) = a.shape();
    let want = graded_values(&a);
    for (j, (&g, &w)) in svd.s.iter().zip(&want).enumerate() {
        let err = (g - w).abs();
        let bound = tol::svd_relative(m, n) * w;
        if tol::misses(err, bound) {
            return Err(Miss::new(format!(
                "`{function}`: s[{j}] is not accurate RELATIVE to itself. This A = Q·D has orthonormal Q and graded \
                 D, so its singular values are its column norms, and one-sided Jacobi (a relative stopping test) \
                 finds even the smallest to a few units of rounding"
            ))
            .output(format!("s = {}", pretty::vector(&svd.s)))
            .expected(format!("the column norms of A, sorted = {}", pretty::vector(&want)))
            .bound(format!("|σ̂ − σ| = {err:.2e}, allowed ≤ {bound:.2e} (= {:.1e}·σ)", tol::svd_relative(m, n))));
        }
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Judge {
    /// Factors and values.
    Values,
    /// Factors and relative accuracy on a graded matrix.
    Relative,
}

fn check_svd(function: &str, f: SvdFn, c: &Case, route: Route, judge: Judge) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let svd =
        accepted(function, call(function, || f(&a))?, || expected_svd(&rows_matrix(&c.rows), c.exp)).map_err(|e| {
            Miss {
                message: format!("{} (every matrix with at least one row and one column has an SVD)", e.message),
                ..e
            }
        })?;
    check_factors(function, c, &svd, route)?;
    match judge {
        Judge::Values => check_values(function, c, &svd, route),
        Judge::Relative => check_relative(function, c, &svd),
    }
}

/// The hand-picked inputs: the lesson's examples and the edge cases.
fn svd_examples() -> Vec<Case> {
    let v: Vec<Matrix> = vec![
        matrix_of(&[&[3.0, 0.0], &[4.0, 5.0]]),
        matrix_of(&[&[5.0]]),
        matrix_of(&[&[-2.0]]),
        matrix_of(&[&[0.0]]),
        matrix_of(&[&[3.0], &[4.0]]),
        matrix_of(&[&[3.0, 4.0]]),
        Matrix::identity(3),
        matrix_of(&[&[1.0, 0.0], &[0.0, 3.0]]),
        matrix_of(&[&[2.0, 0.0, 0.0], &[0.0, -5.0, 0.0], &[0.0, 0.0, 1.0]]),
        matrix_of(&[&[1.0, 2.0], &[2.0, 4.0]]),
        matrix_of(&[&[1.0, 1.0, 1.0], &[1.0, 1.0, 1.0], &[1.0, 1.0, 1.0]]),
        matrix_of(&[&[1.0, 1.0, 1.0, 1.0, 1.0], &[1.0, 1.0, 1.0, 1.0, 1.0], &[1.0, 1.0, 1.0, 1.0, 1.0]]),
        matrix_of(&[&[1.0, 2.0, 2.0], &[2.0, -1.0, -1.0], &[2.0, 1.0, -1.0]]),
        matrix_of(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]]),
        matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]),
        matrix_of(&[&[0.0, 1.0], &[0.0, 2.0], &[0.0, 3.0]]),
        Matrix::zeros(2, 3),
        Matrix::zeros(3, 2),
    ];
    v.iter().map(|a| matrix_case(a, 0)).collect()
}

const SVD_EXAMPLES: &str = "rows (3, 0), (4, 5) (σ = 3√5, √5); 1×1 (also 0 and negative); one column; one row; the \
                            identity; diagonal (already an SVD, up to order and signs); rank one; all ones, square and \
                            wide (nalgebra's SVD with vectors gets that one wrong); a line's design matrix; a zero \
                            column; the zero matrix";

fn refuses_svd(function: &'static str, f: SvdFn, a: Matrix) -> Fixed<'static> {
    Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
        let got = call(function, || f(&a))?;
        refused(function, &got, &LinalgError::Empty, show_svd)
    })
}

fn svd_refusals(c: &mut Checker, function: &'static str, f: SvdFn) {
    c.fixed(
        "refuses_empty",
        "no rows or no columns: Err(Empty)",
        vec![
            refuses_svd(function, f, Matrix::zeros(0, 0)),
            refuses_svd(function, f, Matrix::zeros(0, 3)),
            refuses_svd(function, f, Matrix::zeros(2, 0)),
        ],
    );
}

// ---------------------------------------------------------------- svd_via_eigen

/// `svd_via_eigen` is an SVD (shapes, order, orthonormal factors, A = UΣVᵀ)
/// with the κ²-sized bounds of the route through AᵀA.
pub fn svd_via_eigen(f: SvdFn) -> ExerciseReport {
    const NAME: &str = "svd_via_eigen";
    let mut c = Checker::new(NAME);
    let a = matrix_of(&[&[3.0, 0.0], &[4.0, 5.0]]);
    c.probe(NAME, || f(&a));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples("examples", SVD_EXAMPLES, svd_examples(), |case| {
        check_svd(NAME, f, case, Route::ViaEigen, Judge::Values)
    });
    c.property(
        "random_matrices",
        "any m×n (tall, square, wide), × 2^±40 one time in three: an SVD, with σ² within κ²-sized rounding of \
         nalgebra's σ²",
        |rng| random_matrix(rng, &[-40, 40]),
        |case| check_svd(NAME, f, case, Route::ViaEigen, Judge::Values),
    );
    c.property(
        "rank_deficient",
        "a zero column, a repeated column, low rank, the zero matrix: eigenvalues of AᵀA that should be 0 come out \
         as ±1e-16·λ₁; clamp them before the square root, and complete the u_j you cannot divide by σ_j",
        random_rank_deficient,
        |case| check_svd(NAME, f, case, Route::ViaEigen, Judge::Values),
    );
    c.property(
        "conditioned",
        "A = U·Σ·Vᵀ with κ₂ up to 10⁴: an SVD within the κ²-sized bounds of this route",
        |rng| random_conditioned(rng, 0.0, 4.0),
        |case| check_svd(NAME, f, case, Route::ViaEigen, Judge::Values),
    );
    svd_refusals(&mut c, NAME, f);
    c.finish()
}

// ---------------------------------------------------------------- jacobi_svd

/// `jacobi_svd` is an accurate SVD: the same invariants with bounds free of
/// κ, every σ within rounding of σ₁ even at κ₂ = 10¹⁰, and the small σ of a
/// column-graded matrix to a few units of relative rounding.
pub fn jacobi_svd(f: SvdFn) -> ExerciseReport {
    const NAME: &str = "jacobi_svd";
    let mut c = Checker::new(NAME);
    let a = matrix_of(&[&[3.0, 0.0], &[4.0, 5.0]]);
    c.probe(NAME, || f(&a));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples("examples", SVD_EXAMPLES, svd_examples(), |case| {
        check_svd(NAME, f, case, Route::Accurate, Judge::Values)
    });
    c.property(
        "random_matrices",
        "any m×n (tall, square, wide), × 2^±40 one time in three: UᵀU = I, VᵀV = I, A = UΣVᵀ to rounding, and σ \
         within C·max(m, n)·u·σ₁ of nalgebra's",
        |rng| random_matrix(rng, &[-40, 40]),
        |case| check_svd(NAME, f, case, Route::Accurate, Judge::Values),
    );
    c.property(
        "rank_deficient",
        "a zero column, a repeated column, low rank, the zero matrix: an exactly zero column has no direction, so \
         complete its u_j to keep UᵀU = I",
        random_rank_deficient,
        |case| check_svd(NAME, f, case, Route::Accurate, Judge::Values),
    );
    c.property(
        "ill_conditioned",
        "A = U·Σ·Vᵀ with κ₂ from 10⁸ to 10¹⁰: every σ to within rounding of σ₁, with no κ in the bounds (the route \
         through AᵀA loses σ_min here: its error is about u·σ₁²/σ_min)",
        |rng| random_conditioned(rng, 8.0, 10.0),
        |case| check_svd(NAME, f, case, Route::Accurate, Judge::Values),
    );
    c.property(
        "graded_relative",
        "A = Q·D, Q with orthonormal columns, D from 1 down to 10⁻¹² in random order: each σ_j to a few units of \
         rounding RELATIVE to σ_j (a stopping test relative to the column norms does this)",
        random_graded,
        |case| check_svd(NAME, f, case, Route::Accurate, Judge::Relative),
    );
    svd_refusals(&mut c, NAME, f);
    c.finish()
}

// ---------------------------------------------------------------- pseudo_inverse

/// The signature of `pseudo_inverse`.
pub type PinvFn = fn(&Matrix) -> Result<Matrix, LinalgError>;
/// The signature of `lstsq_pinv`.
pub type LstsqFn = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The functions of exercise `pseudo_inverse`.
pub struct PseudoInverse {
    pub pseudo_inverse: PinvFn,
    pub lstsq_pinv: LstsqFn,
}

/// The exact full-rank factorization A = C·R of an integer (or dyadic)
/// matrix: C = the pivot columns of A, R = the nonzero rows of its RREF;
/// `None` for inexact entries, where the generators promise full rank.
fn full_rank_factors(a: &Matrix) -> (DMatrix<f64>, DMatrix<f64>) {
    let (m, n) = a.shape();
    let d = to_dmatrix(a);
    if let Some(q) = exact::rationals(&a.to_rows()) {
        let e = exact::rref(&q, n);
        let r = e.rank();
        let rows = e.to_f64();
        let c = DMatrix::from_fn(m, r, |i, k| a[(i, e.pivots[k])]);
        let rr = DMatrix::from_fn(r, n, |k, j| rows[k][j]);
        return (c, rr);
    }
    if m >= n { (d, DMatrix::identity(n, n)) } else { (DMatrix::identity(m, m), d) }
}

/// The minimum-norm least-squares solution from A = C·R: y = argmin ‖Cy − b‖
/// (QR of C, independent columns), then the shortest x with Rx = y
/// (x = Q·T⁻ᵀ·y from Rᵀ = QT, independent rows).
fn min_norm_solution(c: &DMatrix<f64>, r: &DMatrix<f64>, b: &[f64]) -> Vec<f64> {
    let n = r.ncols();
    if c.ncols() == 0 {
        return vec![0.0; n];
    }
    let qr = c.clone().qr();
    let y = qr.r().solve_upper_triangular(&(qr.q().transpose() * DVector::from_column_slice(b)));
    let qr2 = r.transpose().qr();
    let z = y.and_then(|y| qr2.r().transpose().solve_lower_triangular(&y));
    z.map_or_else(|| vec![f64::NAN; n], |z| (qr2.q() * z).as_slice().to_vec())
}

/// κ of the nonzero part: σ₁/σ_r over the values above numpy's cutoff.
fn kappa_r(s: &[f64], m: usize, n: usize) -> f64 {
    let top = s.first().copied().unwrap_or(0.0);
    let cutoff = tol::rank_cutoff(m, n, top);
    s.iter().rev().find(|&&x| x > cutoff).map_or(1.0, |&low| top / low)
}

fn check_penrose(function: &str, c: &Case, f: PinvFn) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let (m, n) = a.shape();
    let x = accepted(function, call(function, || f(&a))?, || format!("an {n}×{m} matrix"))?;
    let miss = |message: String| Miss::new(message).output(format!("A⁺ =\n{x}"));
    if x.shape() != (n, m) {
        return Err(miss(format!(
            "`{function}` returned a {}×{} matrix; the pseudo-inverse of an {m}×{n} matrix is {n}×{m}",
            x.nrows(),
            x.ncols()
        )));
    }
    if !tol::all_finite(x.as_slice()) {
        return Err(miss(format!("`{function}` returned NaN or infinity (a division by a zero σ?)")));
    }
    let d = to_dmatrix(&a);
    let p = to_dmatrix(&x);
    let kappa = kappa_r(&subspace::singular_values(&d), m, n);
    let bound = tol::pseudo_inverse(m, n, kappa);
    let (na, nx) = (frobenius(&d), frobenius(&p));
    let conditions = [
        ("AXA = A", frobenius(&(&d * &p * &d - &d)), na, "‖AXA − A‖_F / ‖A‖_F"),
        ("XAX = X", frobenius(&(&p * &d * &p - &p)), nx, "‖XAX − X‖_F / ‖X‖_F"),
        ("(AX)ᵀ = AX", frobenius(&((&d * &p).transpose() - &d * &p)), 1.0, "‖(AX)ᵀ − AX‖_F"),
        ("(XA)ᵀ = XA", frobenius(&((&p * &d).transpose() - &p * &d)), 1.0, "‖(XA)ᵀ − XA‖_F"),
    ];
    for (name, err, scale, what) in conditions {
        let rel = if scale > 0.0 { err / scale } else { err };
        if tol::misses(rel, bound) {
            return Err(miss(format!(
                "the Moore–Penrose condition {name} fails for X = your A⁺ (κ of the nonzero singular values = \
                 {kappa:.1e}){}",
                if name == "XAX = X" {
                    ": did you invert a singular value that is only rounding noise? Use the cutoff max(m, n)·ε·σ₁"
                } else {
                    ""
                }
            ))
            .bound(format!("{what} = {rel:.2e}, allowed ≤ {bound:.2e}")));
        }
    }
    Ok(())
}

fn check_lstsq(function: &str, c: &Case, f: LstsqFn) -> Result<(), Miss> {
    let rows = c.inputs();
    let (m, n1) = dims(c);
    let a = Matrix::from_fn(m, n1 - 1, |i, j| rows[i][j + 1]);
    let b: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    let (cf, rf) = full_rank_factors(&a);
    let want = min_norm_solution(&cf, &rf, &b);
    let got = accepted(function, call(function, || f(&a, &b))?, || pretty::vector(&want))?;
    let d = to_dmatrix(&a);
    let s = subspace::singular_values(&d);
    let kappa = kappa_r(&s, a.nrows(), a.ncols());
    let top = s.first().copied().unwrap_or(0.0);
    let residual = tol::norm2((DVector::from_column_slice(&b) - &d * DVector::from_column_slice(&want)).as_slice());
    let scale = if top > 0.0 { 2.0 * tol::norm2(&want) + (kappa + 1.0) * residual / top } else { 0.0 };
    let bound = tol::pinv_lstsq(a.nrows(), a.ncols(), kappa) * scale;
    vector_close(function, &got, &want, bound).map_err(|e| Miss {
        message: format!(
            "{}: the minimum-norm least-squares solution (κ of the nonzero singular values = {kappa:.1e})",
            e.message
        ),
        ..e
    })
}

fn show_ls(c: &Case) -> String {
    let rows = c.inputs();
    let (m, n1) = dims(c);
    let a = Matrix::from_fn(m, n1.saturating_sub(1), |i, j| rows[i][j + 1]);
    let b: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    format!("{}\nb = {}{}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&b), c.scale_note())
}

fn literal_ls(c: &Case) -> String {
    let rows = c.inputs();
    let (m, n1) = dims(c);
    let a = Matrix::from_fn(m, n1.saturating_sub(1), |i, j| rows[i][j + 1]);
    let b: Vec<f64> = rows.iter().map(|r| r[0]).collect();
    format!("{}\nlet b = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&b))
}

/// At least one unknown besides b.
fn ls_valid(c: &Case) -> bool {
    let (m, n1) = dims(c);
    m >= 1 && n1 >= 2
}

/// Stored rows `[b_i, a_i0, …]`: b is never dropped by shrinking.
static LS: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[],
    build: build_scaled,
    show: show_ls,
    literal: literal_ls,
    valid: ls_valid,
};

fn ls_case(a: &Matrix, b: &[f64]) -> Case {
    let rows = (0..a.nrows()).map(|i| std::iter::once(b[i]).chain(a.row(i).iter().copied()).collect()).collect();
    Case::new(&LS, rows, vec![], 0)
}

fn random_ls(rng: &mut TestRng) -> Case {
    let case = match draw::size(rng, 0, 2) {
        0 => {
            // Integers: the exact factorization then knows the rank.
            let (m, n) = shape(rng);
            matrix_case(&Matrix::from_fn(m, n, |_, _| draw::int(rng, -9, 9)), 0)
        }
        1 => random_rank_deficient(rng),
        _ => random_conditioned(rng, 0.0, 6.0),
    };
    let a = rows_matrix(&case.rows);
    let b: Vec<f64> = (0..a.nrows()).map(|_| draw::int(rng, -9, 9)).collect();
    ls_case(&a, &b)
}

fn random_pinv(rng: &mut TestRng) -> Case {
    match draw::size(rng, 0, 2) {
        0 => random_matrix(rng, &[-40, 40]),
        1 => random_rank_deficient(rng),
        _ => random_conditioned(rng, 0.0, 6.0),
    }
}

/// `pseudo_inverse` satisfies the four Moore–Penrose conditions (which
/// define A⁺) on full-rank, rank-deficient and ill-conditioned matrices, and
/// `lstsq_pinv` returns the minimum-norm least-squares solution.
pub fn pseudo_inverse(f: &PseudoInverse) -> ExerciseReport {
    const PINV: &str = "pseudo_inverse";
    const LSTSQ: &str = "lstsq_pinv";
    let mut c = Checker::new("pseudo_inverse");
    let a = matrix_of(&[&[3.0, 4.0]]);
    c.probe(PINV, || (f.pseudo_inverse)(&a));
    c.probe(LSTSQ, || (f.lstsq_pinv)(&a, &[5.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let pinv = f.pseudo_inverse;
    let lstsq = f.lstsq_pinv;
    // Known pseudo-inverses, entry by entry.
    let known: Vec<(Matrix, Matrix)> = vec![
        (matrix_of(&[&[3.0, 4.0]]), matrix_of(&[&[0.12], &[0.16]])),
        (matrix_of(&[&[1.0, 1.0], &[1.0, 1.0]]), matrix_of(&[&[0.25, 0.25], &[0.25, 0.25]])),
        (matrix_of(&[&[2.0, 0.0], &[0.0, 0.0]]), matrix_of(&[&[0.5, 0.0], &[0.0, 0.0]])),
        (Matrix::zeros(2, 3), Matrix::zeros(3, 2)),
        (matrix_of(&[&[4.0]]), matrix_of(&[&[0.25]])),
        (matrix_of(&[&[1.0], &[1.0]]), matrix_of(&[&[0.5, 0.5]])),
        (Matrix::identity(3), Matrix::identity(3)),
    ];
    c.fixed(
        "examples",
        "the row (3, 4) (A⁺ is the column (0.12, 0.16)); all ones 2×2 (A⁺ = ones/4); diag(2, 0) (the zero σ is \
         not inverted); the zero matrix (A⁺ = 0ᵀ); 1×1; a column; the identity",
        known
            .into_iter()
            .map(|(a, want)| {
                Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
                    let got = accepted(PINV, call(PINV, || pinv(&a))?, || want.to_string())?;
                    let ok = got.shape() == want.shape()
                        && got.as_slice().iter().zip(want.as_slice()).all(|(g, w)| (g - w).abs() <= 1e-14);
                    if ok {
                        Ok(())
                    } else {
                        Err(Miss::new(format!("`{PINV}` returned the wrong pseudo-inverse"))
                            .output(got.to_string())
                            .expected(want.to_string()))
                    }
                })
            })
            .collect(),
    );
    c.property(
        "penrose",
        "AXA = A, XAX = X, AX and XA symmetric for X = your A⁺ (they define A⁺): integer matrices × 2^±40, \
         rank-deficient ones (where 1/σ of a rounding-noise σ puts 1e16 into A⁺) and κ₂ up to 10⁶",
        random_pinv,
        |case| check_penrose(PINV, case, pinv),
    );
    c.property(
        "least_squares",
        "x = A⁺b against the minimum-norm least-squares solution from an exact full-rank factorization A = C·R \
         (any shape, any rank), within the perturbation bound of the problem",
        random_ls,
        |case| check_lstsq(LSTSQ, case, lstsq),
    );
    c.fixed(
        "refuses",
        "b of the wrong length: Err(DimensionMismatch { expected: rows, found: b.len() }); no rows or no columns: \
         Err(Empty)",
        vec![
            Fixed::new("A = [ 1 2 ]\nb = [1, 2]", "let a = Matrix::from_rows(&[vec![1.0, 2.0]]);", move || {
                let a = matrix_of(&[&[1.0, 2.0]]);
                let got = call(LSTSQ, || lstsq(&a, &[1.0, 2.0]))?;
                refused(LSTSQ, &got, &LinalgError::DimensionMismatch { expected: 1, found: 2 }, show_vec)
            }),
            Fixed::new("A = [ 0×0 empty matrix ]", "let a = Matrix::zeros(0, 0);", move || {
                let got = call(PINV, || pinv(&Matrix::zeros(0, 0)))?;
                refused(PINV, &got, &LinalgError::Empty, |m| m.to_string())
            }),
            Fixed::new("A = [ 0×2 empty matrix ]\nb = []", "let a = Matrix::zeros(0, 2);", move || {
                let got = call(LSTSQ, || lstsq(&Matrix::zeros(0, 2), &[]))?;
                refused(LSTSQ, &got, &LinalgError::Empty, show_vec)
            }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- low_rank

/// The signature of `truncate`.
pub type TruncateFn = fn(&Svd, usize) -> Matrix;
/// The signature of `low_rank`.
pub type LowRankFn = fn(&Matrix, usize) -> Result<Matrix, LinalgError>;
/// The signature of `eckart_young_error`.
pub type EyFn = fn(&[f64], usize) -> f64;

/// The functions of exercise `low_rank`.
pub struct LowRank {
    pub truncate: TruncateFn,
    pub low_rank: LowRankFn,
    pub eckart_young_error: EyFn,
}

fn k_of(c: &Case) -> usize {
    c.scalars[0].max(0.0).round() as usize
}

/// A matrix and k ∈ 0..=min(m, n) + 1.
fn random_low_rank(rng: &mut TestRng) -> Case {
    let case = match draw::size(rng, 0, 3) {
        0 | 1 => random_matrix(rng, &[]),
        2 => random_rank_deficient(rng),
        _ => random_conditioned(rng, 0.0, 8.0),
    };
    let (m, n) = dims(&case);
    let k = draw::size(rng, 0, m.min(n) + 1) as f64;
    Case::new(&WITH_K, case.rows, vec![k], 0)
}

/// The orthonormal DCT-II basis: p columns of length len (p ≤ len).
fn dct(len: usize, p: usize) -> Matrix {
    Matrix::from_fn(len, p, |i, j| {
        let w = if j == 0 { (1.0 / len as f64).sqrt() } else { (2.0 / len as f64).sqrt() };
        w * (std::f64::consts::PI * (i as f64 + 0.5) * j as f64 / len as f64).cos()
    })
}

/// The SVD a `truncate` case stands for: s = the stored row, U and V the
/// first columns of DCT bases of sizes p + extra.
fn truncate_svd(c: &Case) -> Svd {
    let s = c.rows[0].clone();
    let p = s.len();
    let (m, n) = (p + c.scalars[1].max(0.0).round() as usize, p + c.scalars[2].max(0.0).round() as usize);
    let u = dct(m, p);
    let v = dct(n, p);
    let vt = Matrix::from_fn(p, n, |i, j| v[(j, i)]);
    Svd { u, s, vt }
}

fn show_truncate(c: &Case) -> String {
    let svd = truncate_svd(c);
    format!("{}\nk = {}", show_svd(&svd), k_of(c))
}

fn literal_truncate(c: &Case) -> String {
    let svd = truncate_svd(c);
    format!(
        "let svd = Svd {{ u: {:?}, s: vec!{}, vt: {:?} }};\nlet k = {};",
        svd.u,
        pretty::vector_literal(&svd.s),
        svd.vt,
        k_of(c)
    )
}

/// s non-increasing and ≥ 0 (the contract of an SVD).
fn sorted_s(c: &Case) -> bool {
    c.rows.len() == 1
        && !c.rows[0].is_empty()
        && c.rows[0].windows(2).all(|w| w[0] >= w[1])
        && c.rows[0].iter().all(|&x| x >= 0.0)
}

static TRUNCATE: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0, 0.0, 0.0],
    build: build_scaled,
    show: show_truncate,
    literal: literal_truncate,
    valid: sorted_s,
};

fn random_truncate(rng: &mut TestRng) -> Case {
    let p = draw::size(rng, 1, 5);
    let mut s: Vec<f64> = (0..p).map(|_| draw::int(rng, 0, 9)).collect();
    s.sort_by(|x, y| y.total_cmp(x));
    let k = draw::size(rng, 0, p + 1) as f64;
    Case::new(&TRUNCATE, vec![s], vec![k, draw::int(rng, 0, 2), draw::int(rng, 0, 2)], 0)
}

fn check_truncate(f: TruncateFn, c: &Case) -> Result<(), Miss> {
    let svd = truncate_svd(c);
    let k = k_of(c);
    let (m, n) = (svd.u.nrows(), svd.vt.ncols());
    let kk = k.min(svd.s.len());
    let want = Matrix::from_fn(m, n, |i, l| (0..kk).map(|j| svd.u[(i, j)] * svd.s[j] * svd.vt[(j, l)]).sum());
    let got = call("truncate", || f(&svd, k))?;
    if got.shape() != (m, n) {
        return Err(Miss::new(format!(
            "`truncate` returned a {}×{} matrix; A_k has the shape of UΣVᵀ, {m}×{n}",
            got.nrows(),
            got.ncols()
        ))
        .output(got.to_string())
        .expected(want.to_string()));
    }
    let size: f64 = svd.s.iter().sum::<f64>().max(f64::MIN_POSITIVE);
    let err = tol::distance(got.as_slice(), want.as_slice());
    let bound = tol::gamma(4 * svd.s.len() + 4) * size;
    if tol::misses(err, bound) {
        return Err(Miss::new(format!(
            "`truncate(svd, {k})` is not Σ_{{j<{kk}}} σ_j u_j v_jᵀ: keep the FIRST k (largest) singular values, \
             columns of U and rows of Vᵀ"
        ))
        .output(got.to_string())
        .expected(want.to_string())
        .bound(format!("‖yours − A_k‖_F = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

fn check_low_rank(f: LowRankFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let (m, n) = a.shape();
    let k = k_of(c);
    let s = truth_values(&a);
    let optimal = tol::norm2(&s[k.min(s.len())..]);
    let got = accepted("low_rank", call("low_rank", || f(&a, k))?, || {
        format!("an {m}×{n} matrix of rank ≤ {k} at distance {optimal:.6e} from A")
    })?;
    if got.shape() != (m, n) {
        return Err(Miss::new(format!(
            "`low_rank` returned a {}×{} matrix; A_k has the shape of A, {m}×{n}",
            got.nrows(),
            got.ncols()
        ))
        .output(got.to_string()));
    }
    if !tol::all_finite(got.as_slice()) {
        return Err(Miss::new("`low_rank` returned NaN or infinity").output(got.to_string()));
    }
    let top = s.first().copied().unwrap_or(0.0);
    let norm_f = tol::norm2(&s);
    let bound = tol::low_rank(m, n) * norm_f;
    // Rank ≤ k: σ_{k+1}(A_k) at rounding size.
    let sk = subspace::singular_values(&to_dmatrix(&got));
    if let Some(&extra) = sk.get(k)
        && tol::misses(extra, bound.max(tol::rank_cutoff(m, n, top)))
    {
        return Err(Miss::new(format!(
            "your A_k has rank more than k = {k}: its singular value σ_{} is {} (keep exactly the first k layers \
             σ_j u_j v_jᵀ)",
            k + 1,
            pretty::number(extra)
        ))
        .output(got.to_string())
        .bound(format!(
            "σ_{}(A_k) = {extra:.2e}, allowed ≤ {:.2e}",
            k + 1,
            bound.max(tol::rank_cutoff(m, n, top))
        )));
    }
    // Eckart–Young: the distance is the optimal one.
    let d = to_dmatrix(&a) - to_dmatrix(&got);
    let err = frobenius(&d);
    if tol::misses((err - optimal).abs(), bound) {
        return Err(Miss::new(format!(
            "‖A − A_k‖_F is not the Eckart–Young minimum √(σ²_{} + ⋯): the best rank-{k} approximation keeps the \
             LARGEST singular values",
            k + 1
        ))
        .output(got.to_string())
        .expected(format!("a matrix of rank ≤ {k} at distance {} from A", pretty::number(optimal)))
        .bound(format!("|‖A − A_k‖_F − optimum| = {:.2e}, allowed ≤ {bound:.2e}", (err - optimal).abs())));
    }
    Ok(())
}

fn show_ey(c: &Case) -> String {
    format!("s = {}{}\nk = {}", pretty::vector(&c.input(0)), c.scale_note(), k_of(c))
}

fn literal_ey(c: &Case) -> String {
    format!("let s = {};\nlet k = {};", pretty::vector_literal(&c.input(0)), k_of(c))
}

static EY: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_ey,
    literal: literal_ey,
    valid: sorted_s,
};

fn random_ey(rng: &mut TestRng) -> Case {
    let p = draw::size(rng, 1, 7);
    let mut s: Vec<f64> = (0..p).map(|_| draw::int(rng, 0, 9)).collect();
    s.sort_by(|x, y| y.total_cmp(x));
    let k = draw::size(rng, 0, p + 1) as f64;
    Case::new(&EY, vec![s], vec![k], draw::exponent(rng, &[-600, 600]))
}

fn check_ey(f: EyFn, c: &Case) -> Result<(), Miss> {
    let s = c.input(0);
    let k = k_of(c);
    let want = tol::norm2(&s[k.min(s.len())..]);
    let got = call("eckart_young_error", || f(&s, k))?;
    scalar_close("eckart_young_error", got, want, tol::gamma(s.len() + 2) * want)
}

/// `truncate` keeps the first k layers of an SVD; `low_rank` is the best
/// rank-k approximation (rank ≤ k and the Eckart–Young distance);
/// `eckart_young_error` reads that distance off the singular values.
pub fn low_rank(f: &LowRank) -> ExerciseReport {
    let mut c = Checker::new("low_rank");
    let svd = Svd { u: Matrix::identity(2), s: vec![3.0, 1.0], vt: Matrix::identity(2) };
    c.probe("truncate", || (f.truncate)(&svd, 1));
    let a = matrix_of(&[&[3.0, 0.0], &[0.0, 1.0]]);
    c.probe("low_rank", || (f.low_rank)(&a, 1));
    c.probe("eckart_young_error", || (f.eckart_young_error)(&[3.0, 2.0, 1.0], 1));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (tr, lr, ey) = (f.truncate, f.low_rank, f.eckart_young_error);
    c.property(
        "truncate",
        "Σ_{j<k} σ_j u_j v_jᵀ for an SVD with orthonormal DCT columns, k from 0 to past the end (k ≥ len keeps \
         every layer)",
        random_truncate,
        move |case| check_truncate(tr, case),
    );
    c.examples(
        "low_rank_examples",
        "diag(3, 1) at k = 1 (error 1); all ones at k = 1 (exact); a rank-one matrix at k = 0 (zeros); k past \
         min(m, n) (A itself); the zero matrix",
        vec![
            Case::new(&WITH_K, vec![vec![3.0, 0.0], vec![0.0, 1.0]], vec![1.0], 0),
            Case::new(&WITH_K, vec![vec![1.0; 3]; 3], vec![1.0], 0),
            Case::new(&WITH_K, vec![vec![1.0, 2.0], vec![2.0, 4.0]], vec![0.0], 0),
            Case::new(&WITH_K, vec![vec![1.0, 2.0, 3.0], vec![4.0, 5.0, 6.0]], vec![3.0], 0),
            Case::new(&WITH_K, vec![vec![0.0, 0.0], vec![0.0, 0.0]], vec![1.0], 0),
        ],
        move |case| check_low_rank(lr, case),
    );
    c.property(
        "eckart_young",
        "any m×n, rank-deficient and κ₂ up to 10⁸, k from 0 to min(m, n) + 1: rank(A_k) ≤ k and ‖A − A_k‖_F = \
         √(Σ_{j ≥ k} σ_j²), nalgebra's σ (no matrix of rank ≤ k is closer; equality pins A_k down when σ_k > σ_{k+1})",
        random_low_rank,
        move |case| check_low_rank(lr, case),
    );
    c.property(
        "error_from_values",
        "√(Σ_{j ≥ k} s_j²) for non-increasing s, k from 0 to past the end, × 2^±600 (no overflow: scale, or your \
         norm_l2)",
        random_ey,
        move |case| check_ey(ey, case),
    );
    c.fixed(
        "refuses_empty",
        "no rows or no columns: Err(Empty)",
        vec![Fixed::new("A = [ 0×2 empty matrix ]\nk = 1", "let a = Matrix::zeros(0, 2);", move || {
            let got = call("low_rank", || lr(&Matrix::zeros(0, 2), 1))?;
            refused("low_rank", &got, &LinalgError::Empty, |m| m.to_string())
        })],
    );
    c.finish()
}

// ---------------------------------------------------------------- rank_condition

/// The signature of `numerical_rank`.
pub type RankFn = fn(&Matrix) -> Result<usize, LinalgError>;
/// The signature of `cond_2`.
pub type CondFn = fn(&Matrix) -> Result<f64, LinalgError>;

/// The functions of exercise `rank_condition`.
pub struct RankCondition {
    pub numerical_rank: RankFn,
    pub cond_2: CondFn,
}

/// The exact rank of an integer (or dyadic) matrix; for the conditioned
/// generator (inexact entries, κ₂ ≤ 10¹⁰) the full rank min(m, n).
fn exact_rank(a: &Matrix) -> usize {
    match exact::rationals(&a.to_rows()) {
        Some(q) => exact::rref(&q, a.ncols()).rank(),
        None => a.nrows().min(a.ncols()),
    }
}

fn random_rank(rng: &mut TestRng) -> Case {
    match draw::size(rng, 0, 3) {
        0 => {
            let (m, n) = shape(rng);
            let a = Matrix::from_fn(m, n, |_, _| draw::int(rng, -9, 9));
            matrix_case(&a, draw::exponent(rng, &[-70, -40, 40]))
        }
        1 | 2 => {
            let case = random_rank_deficient(rng);
            Case { exp: draw::exponent(rng, &[-70, -40, 40]), ..case }
        }
        _ => random_conditioned(rng, 0.0, 10.0),
    }
}

fn check_rank(f: RankFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let want = exact_rank(&rows_matrix(&c.rows));
    let got = accepted("numerical_rank", call("numerical_rank", || f(&a))?, || want.to_string())?;
    if got == want {
        return Ok(());
    }
    let s = truth_values(&a);
    Err(Miss::new(format!(
        "`numerical_rank` returned {got}, the rank is {want}: count the σ above max(m, n)·ε·σ₁ (rounding leaves \
         about 1e-16·σ₁ where exact arithmetic has 0; never compare with 0.0)"
    ))
    .output(got.to_string())
    .expected(format!("{want} (nalgebra's singular values: {})", pretty::vector(&s))))
}

fn check_cond(f: CondFn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let (m, n) = a.shape();
    let full = exact_rank(&rows_matrix(&c.rows)) == m.min(n);
    let s = truth_values(&a);
    let want = if full { s[0] / s[s.len() - 1] } else { f64::INFINITY };
    let got = accepted("cond_2", call("cond_2", || f(&a))?, || pretty::number(want))?;
    if !full {
        if got == f64::INFINITY {
            return Ok(());
        }
        return Err(Miss::new(
            "`cond_2` must be ∞ for a rank-deficient matrix (numerical rank below min(m, n)); σ_min is rounding \
             noise here, and σ₁/σ_min a meaningless 1e16",
        )
        .output(pretty::number(got))
        .expected("f64::INFINITY"));
    }
    scalar_close("cond_2", got, want, tol::cond_2(m, n, want) * want).map_err(|e| Miss {
        message: format!("{} (κ₂ = σ₁/σ_min, σ_min the LAST of the min(m, n) singular values)", e.message),
        ..e
    })
}

/// `numerical_rank` is the exact rank on integer matrices (nonzero σ far
/// above the tolerance, zero σ at rounding size), also scaled by 2^−70;
/// `cond_2` is σ₁/σ_min within κ·rounding, ∞ when rank deficient.
pub fn rank_condition(f: &RankCondition) -> ExerciseReport {
    let mut c = Checker::new("rank_condition");
    let a = matrix_of(&[&[1.0, 2.0], &[2.0, 4.0]]);
    c.probe("numerical_rank", || (f.numerical_rank)(&a));
    c.probe("cond_2", || (f.cond_2)(&a));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (rank, cond) = (f.numerical_rank, f.cond_2);
    let examples = || {
        vec![
            matrix_case(&matrix_of(&[&[1.0, 2.0], &[2.0, 4.0]]), 0),
            matrix_case(&matrix_of(&[&[10.0, 0.0], &[0.0, 0.1]]), 0),
            matrix_case(&Matrix::identity(3), 0),
            matrix_case(&Matrix::zeros(2, 3), 0),
            matrix_case(&matrix_of(&[&[0.6, 0.8], &[-0.8, 0.6]]), 0),
            matrix_case(&matrix_of(&[&[1.0, 1.0, 1.0], &[1.0, 1.0, 1.0]]), 0),
            matrix_case(&matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0], &[7.0, 8.0, 9.0]]), 0),
            matrix_case(&matrix_of(&[&[5.0]]), 0),
            matrix_case(&matrix_of(&[&[3.0], &[4.0]]), 0),
        ]
    };
    const EXAMPLES: &str = "rows (1, 2), (2, 4) (rank 1, κ = ∞); diag(10, 0.1) (κ = 100); the identity; the zero \
                            matrix (rank 0); a rotation (κ = 1); all ones 2×3; 1..9 (rank 2: its third σ is about \
                            1e-16, not 0); 1×1; one column";
    c.examples("rank_examples", EXAMPLES, examples(), move |case| check_rank(rank, case));
    c.property(
        "rank",
        "integer matrices, full rank or with dependent columns (exact rank by fraction-free elimination), × 2^−70 \
         to 2^40, and κ₂ up to 10¹⁰ (full rank): the exact rank",
        random_rank,
        move |case| check_rank(rank, case),
    );
    c.examples("cond_examples", EXAMPLES, examples(), move |case| check_cond(cond, case));
    c.property(
        "cond",
        "integer matrices (∞ when rank deficient) and κ₂ up to 10¹⁰: σ₁/σ_min within κ·rounding of nalgebra's",
        random_rank,
        move |case| check_cond(cond, case),
    );
    c.fixed(
        "refuses_empty",
        "no rows or no columns: Err(Empty)",
        vec![
            Fixed::new("A = [ 0×2 empty matrix ]", "let a = Matrix::zeros(0, 2);", move || {
                let got = call("numerical_rank", || rank(&Matrix::zeros(0, 2)))?;
                refused("numerical_rank", &got, &LinalgError::Empty, |r| r.to_string())
            }),
            Fixed::new("A = [ 2×0 empty matrix ]", "let a = Matrix::zeros(2, 0);", move || {
                let got = call("cond_2", || cond(&Matrix::zeros(2, 0)))?;
                refused("cond_2", &got, &LinalgError::Empty, |x| pretty::number(*x))
            }),
        ],
    );
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::{RngAlgorithm, TestRng};

    /// The generators deliver what they promise.
    #[test]
    fn generators_keep_their_promises() {
        let mut rng = TestRng::from_seed(RngAlgorithm::ChaCha, &[11; 32]);
        for _ in 0..200 {
            let c = random_graded(&mut rng);
            let a = rows_matrix(&c.rows);
            let want = truth_values(&a);
            let got = graded_values(&a);
            for (g, w) in got.iter().zip(&want) {
                // nalgebra is only accurate relative to σ₁: compare at that scale.
                assert!((g - w).abs() <= 1e-14 * want[0], "{got:?} vs {want:?}");
            }
            let c = random_rank_deficient(&mut rng);
            let a = rows_matrix(&c.rows);
            let r = exact_rank(&a);
            assert_eq!(r, subspace::numerical_rank(&to_dmatrix(&a)), "{a}");
        }
    }

    fn rng() -> TestRng {
        TestRng::from_seed(RngAlgorithm::ChaCha, &[111; 32])
    }

    fn svd_parts(svd: &Svd) -> (DMatrix<f64>, DMatrix<f64>) {
        (to_dmatrix(&svd.u), to_dmatrix(&svd.vt))
    }

    /// The largest error/bound ratios of the reference solutions, without the
    /// safety factor C, over many generated inputs: the numbers quoted in
    /// `tol.rs`. `cargo test -p eigenlings-checks l11::tests::calibrate --release -- --ignored --nocapture`
    #[test]
    #[ignore = "prints the calibration of the lesson-11 tolerances; slow in debug builds"]
    fn calibrate() {
        use solutions::l11 as sol;
        let mut rng = rng();
        let cases = 3000;
        let mut worst = [0.0_f64; 13];
        let mut note = |k: usize, err: f64, bound: f64| {
            if err > 0.0 {
                worst[k] = worst[k].max(err / (bound / tol::C));
            }
        };
        let mut rank_misses = 0;
        for k in 0..cases {
            // Accurate SVD.
            let case = match k % 3 {
                0 => random_matrix(&mut rng, &[-40, 40]),
                1 => random_rank_deficient(&mut rng),
                _ => random_conditioned(&mut rng, 8.0, 10.0),
            };
            let a = rows_matrix(&case.inputs());
            let (m, n) = a.shape();
            let kk = m.min(n);
            let svd = sol::jacobi_svd::jacobi_svd(&a).unwrap();
            let want = truth_values(&a);
            let top = want[0];
            for (g, w) in svd.s.iter().zip(&want) {
                note(0, (g - w).abs(), tol::svd_values(m, n) * top);
            }
            let (u, vt) = svd_parts(&svd);
            note(1, frobenius(&(u.transpose() * &u - DMatrix::identity(kk, kk))), tol::svd_orthogonality(m, n));
            note(1, frobenius(&(&vt * vt.transpose() - DMatrix::identity(kk, kk))), tol::svd_orthogonality(m, n));
            let d = to_dmatrix(&a);
            let us = DMatrix::from_fn(m, kk, |i, j| svd.u[(i, j)] * svd.s[j]);
            note(2, frobenius(&(&d - us * &vt)), tol::svd_backward(m, n) * frobenius(&d));
            // Ranks and condition numbers.
            let case = random_rank(&mut rng);
            let a = rows_matrix(&case.inputs());
            let (m, n) = a.shape();
            let r = sol::rank_condition::numerical_rank(&a).unwrap();
            let want_r = exact_rank(&rows_matrix(&case.rows));
            if r != want_r {
                rank_misses += 1;
            }
            let s = sol::jacobi_svd::jacobi_svd(&a).unwrap().s;
            let cutoff = m.max(n) as f64 * f64::EPSILON * s[0];
            // Zero σ against the cutoff (ratio < 1 needed), nonzero ones (ratio > 1).
            for (j, &x) in s.iter().enumerate() {
                if j >= want_r && cutoff > 0.0 {
                    note(11, x, cutoff * tol::C);
                }
            }
            if want_r == m.min(n) {
                let t = truth_values(&a);
                let want = t[0] / t[t.len() - 1];
                let got = sol::rank_condition::cond_2(&a).unwrap();
                note(10, (got - want).abs(), tol::cond_2(m, n, want) * want);
            }
            // Relative accuracy on graded matrices.
            let case = random_graded(&mut rng);
            let a = rows_matrix(&case.inputs());
            let (m, n) = a.shape();
            let want = graded_values(&a);
            let svd = sol::jacobi_svd::jacobi_svd(&a).unwrap();
            for (g, w) in svd.s.iter().zip(&want) {
                note(3, (g - w).abs(), tol::svd_relative(m, n) * w);
            }
            // The route through AᵀA.
            let case = match k % 3 {
                0 => random_matrix(&mut rng, &[-40, 40]),
                1 => random_rank_deficient(&mut rng),
                _ => random_conditioned(&mut rng, 0.0, 4.0),
            };
            let a = rows_matrix(&case.inputs());
            let (m, n) = a.shape();
            let kk = m.min(n);
            let svd = sol::svd_via_eigen::svd_via_eigen(&a).unwrap();
            let want = truth_values(&a);
            let top = want[0];
            for (g, w) in svd.s.iter().zip(&want) {
                note(4, (g * g - w * w).abs(), tol::svd_via_eigen_values(m, n) * top * top);
            }
            let kappa = kept_kappa(&svd.s, m, n);
            let (u, vt) = svd_parts(&svd);
            let ob = tol::svd_via_eigen_orthogonality(m, n, kappa);
            note(5, frobenius(&(u.transpose() * &u - DMatrix::identity(kk, kk))), ob);
            note(5, frobenius(&(&vt * vt.transpose() - DMatrix::identity(kk, kk))), ob);
            let d = to_dmatrix(&a);
            let us = DMatrix::from_fn(m, kk, |i, j| svd.u[(i, j)] * svd.s[j]);
            note(6, frobenius(&(&d - us * &vt)), tol::svd_via_eigen_backward(m, n, kappa) * frobenius(&d));
            // Noise eigenvalues against τ (must stay well below 1·C here).
            let tau = m.max(n) as f64 * f64::EPSILON * top * top;
            let exact = exact_rank(&rows_matrix(&case.rows));
            for &x in svd.s.iter().skip(exact) {
                if tau > 0.0 && matches!(k % 3, 1) {
                    note(12, x * x, tau * tol::C);
                }
            }
            // Pseudo-inverse.
            let case = random_pinv(&mut rng);
            let a = rows_matrix(&case.inputs());
            let (m, n) = a.shape();
            let x = sol::pseudo_inverse::pseudo_inverse(&a).unwrap();
            let d = to_dmatrix(&a);
            let p = to_dmatrix(&x);
            let kappa = kappa_r(&subspace::singular_values(&d), m, n);
            let bound = tol::pseudo_inverse(m, n, kappa);
            let (na, nx) = (frobenius(&d).max(f64::MIN_POSITIVE), frobenius(&p).max(f64::MIN_POSITIVE));
            note(7, frobenius(&(&d * &p * &d - &d)) / na, bound);
            note(7, frobenius(&(&p * &d * &p - &p)) / nx, bound);
            note(7, frobenius(&((&d * &p).transpose() - &d * &p)), bound);
            note(7, frobenius(&((&p * &d).transpose() - &p * &d)), bound);
            let case = random_ls(&mut rng);
            let rows = case.inputs();
            let (m, n1) = dims(&case);
            let a = Matrix::from_fn(m, n1 - 1, |i, j| rows[i][j + 1]);
            let b: Vec<f64> = rows.iter().map(|r| r[0]).collect();
            let (cf, rf) = full_rank_factors(&a);
            let want = min_norm_solution(&cf, &rf, &b);
            let got = sol::pseudo_inverse::lstsq_pinv(&a, &b).unwrap();
            let d = to_dmatrix(&a);
            let s = subspace::singular_values(&d);
            let kappa = kappa_r(&s, a.nrows(), a.ncols());
            let top = s[0];
            let residual =
                tol::norm2((DVector::from_column_slice(&b) - &d * DVector::from_column_slice(&want)).as_slice());
            if top > 0.0 {
                let scale = 2.0 * tol::norm2(&want) + (kappa + 1.0) * residual / top;
                note(8, tol::distance(&got, &want), tol::pinv_lstsq(a.nrows(), a.ncols(), kappa) * scale);
            }
            // Low rank.
            let case = random_low_rank(&mut rng);
            let a = rows_matrix(&case.inputs());
            let (m, n) = a.shape();
            let kr = k_of(&case);
            let s = truth_values(&a);
            let optimal = tol::norm2(&s[kr.min(s.len())..]);
            let got = sol::low_rank::low_rank(&a, kr).unwrap();
            let bound = tol::low_rank(m, n) * tol::norm2(&s);
            let err = frobenius(&(to_dmatrix(&a) - to_dmatrix(&got)));
            note(9, (err - optimal).abs(), bound);
            if let Some(&extra) = subspace::singular_values(&to_dmatrix(&got)).get(kr) {
                note(9, extra, bound);
            }
        }
        let names = [
            "jacobi σ vs nalgebra (abs, σ₁)",
            "jacobi ‖UᵀU − I‖, ‖VᵀV − I‖",
            "jacobi ‖A − UΣVᵀ‖/‖A‖",
            "jacobi σ relative (graded)",
            "via AᵀA |σ̂² − σ²|/σ₁²",
            "via AᵀA orthogonality (κ²)",
            "via AᵀA backward",
            "Penrose conditions",
            "lstsq_pinv forward",
            "low rank: EY distance, rank",
            "cond_2 relative",
            "jacobi zero σ / rank cutoff",
            "via AᵀA noise σ² / τ",
        ];
        println!("lesson 11 calibration over {cases} cases of each generator (error / bound without C):");
        for (name, w) in names.iter().zip(worst) {
            println!("  {name:<34} {w:.3}");
        }
        println!("  numerical_rank misses: {rank_misses}");
        assert_eq!(rank_misses, 0);
    }
}
