//! Checks for lesson 7: orthogonality and Gram–Schmidt.
//!
//! A Gram–Schmidt factorization A = QR is judged by what every correct
//! algorithm produces, never by Q's entries against a reference: Q and R have
//! the right shapes, R is exactly upper triangular with a positive diagonal,
//! A = QR up to rounding of size ‖A‖ (κ-free, fair to all three algorithms),
//! the columns of Q have length 1 and span the columns of A (orthogonal
//! projectors against nalgebra's Householder QR), and R, which is unique once
//! its diagonal is positive, agrees with nalgebra's R after sign
//! normalisation up to κ₂(A) times rounding. What tells the algorithms apart
//! is the loss of orthogonality ‖QᵀQ − I‖_F, with a bound specific to each
//! exercise: u·κ₂(A)² for the classical algorithm (checked only where that is
//! well below 1), u·κ₂(A) for the modified one and u for two classical passes.
//! The inputs are built from their singular values (A = U·Σ·Vᵀ with U and V
//! from nalgebra's QR of random matrices) with κ₂(A) up to 10⁸, where the
//! classical algorithm loses orthogonality completely, next to small integer
//! matrices, scaled ones, exactly dependent columns (refused) and the shapes
//! that have no factorization.
//!
//! Projections and complements are judged the same way: against the unique
//! orthogonal projector, with the identities P² = P, Qᵀ(b − Pb) = 0 and
//! QQᵀ + CCᵀ = I.

use nalgebra::{DMatrix, DVector};
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{LinalgError, Matrix, Qr};

use crate::cases::{Case, Spec, build_scaled};
use crate::compare::vector_close;
use crate::convert::{matrix_of, ours, rows_matrix};
use crate::harness::{Checker, Fixed, Miss, accepted, call, refused};
use crate::subspace::{self, to_dmatrix};
use crate::{draw, pretty, tol};

// ---------------------------------------------------------------- helpers

fn show_qr(f: &Qr) -> String {
    pretty::named_matrices(&[("Q", &f.q), ("R", &f.r)])
}

/// ‖M‖_F, without overflow (entries may be 2^600).
fn fro(m: &DMatrix<f64>) -> f64 {
    tol::norm2(m.as_slice())
}

/// ‖QᵀQ − I‖_F, measured by the checker.
fn loss_of(q: &DMatrix<f64>) -> f64 {
    let k = q.ncols();
    fro(&(q.transpose() * q - DMatrix::identity(k, k)))
}

/// Sizes of a generated factorization: n ∈ 1..=6, m ∈ n..=8, square one time in six.
fn tall_shape(rng: &mut TestRng) -> (usize, usize) {
    let n = draw::size(rng, 1, 6);
    let m = if draw::chance(rng, 1, 6) { n } else { draw::size(rng, n, 8) };
    (m, n)
}

fn dmatrix_rows(a: &DMatrix<f64>) -> Vec<Vec<f64>> {
    (0..a.nrows()).map(|i| a.row(i).iter().copied().collect()).collect()
}

/// nalgebra's thin QR of a matrix with independent columns, signs normalised
/// so that the diagonal of R is non-negative: the unique factorization.
fn reference_qr(a: &DMatrix<f64>) -> (DMatrix<f64>, DMatrix<f64>) {
    let qr = a.clone().qr();
    let (mut q, mut r) = (qr.q(), qr.r());
    for i in 0..r.nrows() {
        if r[(i, i)] < 0.0 {
            r.row_mut(i).neg_mut();
            q.column_mut(i).neg_mut();
        }
    }
    (q, r)
}

// ---------------------------------------------------------------- orthonormality

/// The signature of `orthonormality_loss`.
pub type LossFn = fn(&Matrix) -> f64;

fn q_of(c: &Case) -> Matrix {
    rows_matrix(&c.inputs())
}

fn show_q(c: &Case) -> String {
    format!("{}{}", pretty::named_matrices(&[("Q", &q_of(c))]), c.scale_note())
}

fn literal_q(c: &Case) -> String {
    pretty::matrix_literal("q", &q_of(c))
}

fn finite_case(c: &Case) -> bool {
    c.inputs().iter().all(|r| tol::all_finite(r))
}

/// Any matrix, stored row by row (× 2^exp).
static ANY: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_q,
    literal: literal_q,
    valid: finite_case,
};

/// The columns e_i, i in `picks`, with the given signs: exactly orthonormal.
fn signed_columns(m: usize, picks: &[usize], signs: &[f64]) -> DMatrix<f64> {
    DMatrix::from_fn(m, picks.len(), |i, j| if i == picks[j] { signs[j] } else { 0.0 })
}

/// k distinct indices out of 0..m, in random order.
fn distinct(rng: &mut TestRng, m: usize, k: usize) -> Vec<usize> {
    let mut all: Vec<usize> = (0..m).collect();
    for i in 0..k {
        let j = draw::size(rng, i, m - 1);
        all.swap(i, j);
    }
    all.truncate(k);
    all
}

fn random_signed_columns(rng: &mut TestRng, m: usize, k: usize) -> DMatrix<f64> {
    let picks = distinct(rng, m, k);
    let signs: Vec<f64> = (0..k).map(|_| draw::pick(rng, &[1.0, -1.0])).collect();
    signed_columns(m, &picks, &signs)
}

/// An m×k matrix with orthonormal columns (up to rounding), from nalgebra's QR.
fn random_orthonormal(rng: &mut TestRng, m: usize, k: usize) -> DMatrix<f64> {
    draw::orthogonal(rng, m).columns(0, k).into_owned()
}

/// Q's of every kind: orthonormal (from QR, or exact signed columns of I),
/// orthonormal plus a perturbation of size 10⁻¹⁴ to 10⁻¹, general integer
/// matrices (also wide ones), and the Q of classical Gram–Schmidt on an
/// ill-conditioned matrix.
fn random_q(rng: &mut TestRng) -> Case {
    let m = draw::size(rng, 1, 7);
    let k = draw::size(rng, 1, m);
    let q = match draw::size(rng, 0, 4) {
        0 => random_orthonormal(rng, m, k),
        1 => random_signed_columns(rng, m, k),
        2 => {
            let delta = draw::pick(rng, &[1e-14, 1e-10, 1e-6, 1e-2, 1e-1]);
            random_orthonormal(rng, m, k) + DMatrix::from_fn(m, k, |_, _| delta * (2.0 * draw::unit(rng) - 1.0))
        }
        3 => {
            let k = draw::size(rng, 1, m + 2);
            DMatrix::from_fn(m, k, |_, _| draw::entry(rng))
        }
        _ => {
            let log_kappa = 8.0 * draw::unit(rng);
            let a = draw::with_condition(rng, m, k, log_kappa);
            classical_q(&a)
        }
    };
    Case::new(&ANY, dmatrix_rows(&q), vec![], 0)
}

/// The checker's own classical Gram–Schmidt, for inputs whose Q has lost
/// some orthogonality, as a learner's will have.
fn classical_q(a: &DMatrix<f64>) -> DMatrix<f64> {
    let (m, n) = a.shape();
    let mut q = DMatrix::<f64>::zeros(m, n);
    for k in 0..n {
        let ak = a.column(k).into_owned();
        let mut v = ak.clone();
        for j in 0..k {
            let r = q.column(j).dot(&ak);
            v -= q.column(j) * r;
        }
        let norm = v.norm();
        if norm > 0.0 {
            q.set_column(k, &(v / norm));
        }
    }
    q
}

fn check_loss(f: LossFn, q: &Matrix) -> Result<(), Miss> {
    let d = to_dmatrix(q);
    let want = loss_of(&d);
    let got = call("orthonormality_loss", || f(q))?;
    let (m, k) = q.shape();
    let size = fro(&d);
    let bound = tol::orthonormality(m, k) * (size * size + want);
    let err = (got - want).abs();
    if err <= bound && got.is_finite() {
        return Ok(());
    }
    let hint = if (got - fro(&(d.transpose() * &d))).abs() <= bound {
        " (that is ‖QᵀQ‖_F: subtract 1 from the diagonal first)"
    } else if m != k && (got - fro(&(&d * d.transpose() - DMatrix::identity(m, m)))).abs() <= bound {
        " (that is ‖QQᵀ − I‖_F, the m×m matrix: the columns are dotted with each other in QᵀQ, which is k×k)"
    } else if (got - want * want).abs() <= bound * (1.0 + want) {
        " (that is the square: take the square root of the sum of squares)"
    } else {
        ""
    };
    Err(Miss::new(format!(
        "`orthonormality_loss` is off by {}: it must be ‖QᵀQ − I‖_F, the square root of the sum of the squares of \
         q_i·q_j − δ_ij over all pairs (i, j){hint}",
        pretty::number(err)
    ))
    .output(pretty::number(got))
    .expected(pretty::number(want))
    .bound(format!("|yours − answer| = {err:.2e}, allowed ≤ {bound:.2e}")))
}

/// c·Q with Q exactly orthonormal and c = 2^e: the loss is |c² − 1|·√k.
fn scaled_orthonormal(rng: &mut TestRng) -> Case {
    let m = draw::size(rng, 1, 7);
    let k = draw::size(rng, 1, m);
    let q = random_signed_columns(rng, m, k);
    let e = draw::pick(rng, &[-20, -5, -1, 0, 1, 3, 10, 20]);
    Case::new(&ANY, dmatrix_rows(&q), vec![], e)
}

/// `orthonormality_loss` is ‖QᵀQ − I‖_F for any shape, 0 without columns.
pub fn orthonormality(f: LossFn) -> ExerciseReport {
    let mut c = Checker::new("orthonormality");
    c.probe("orthonormality_loss", || f(&Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let s = std::f64::consts::FRAC_1_SQRT_2;
    let ex = |rows: &[&[f64]]| Case::new(&ANY, rows.iter().map(|r| r.to_vec()).collect(), vec![], 0);
    c.examples(
        "textbook_examples",
        "columns (1, 0, 0) and (1, 1, 0)/√2: 1; the identity, a permutation, two columns of I₃: 0; a column of \
         length 2: 3; a repeated unit column: √2; one column (3, 4): 24",
        vec![
            ex(&[&[1.0, s], &[0.0, s], &[0.0, 0.0]]),
            ex(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]]),
            ex(&[&[0.0, 1.0, 0.0], &[0.0, 0.0, -1.0], &[1.0, 0.0, 0.0]]),
            ex(&[&[1.0, 0.0], &[0.0, 0.0], &[0.0, 1.0]]),
            ex(&[&[2.0, 0.0], &[0.0, 1.0]]),
            ex(&[&[s, s], &[s, s]]),
            ex(&[&[3.0], &[4.0]]),
            ex(&[&[0.6, 0.8, 1.0], &[0.8, -0.6, 0.0]]),
        ],
        |case| check_loss(f, &q_of(case)),
    );
    let none = |m: usize| {
        let q = Matrix::zeros(m, 0);
        Fixed::new(pretty::named_matrices(&[("Q", &q)]), format!("let q = Matrix::zeros({m}, 0);"), move || {
            check_loss(f, &q)
        })
    };
    c.fixed(
        "no_columns",
        "a Q without columns (m×0, also 0×0) has QᵀQ − I of size 0×0, so the loss is 0",
        vec![none(0), none(1), none(3)],
    );
    c.property(
        "matches_frobenius_norm",
        "‖QᵀQ − I‖_F for orthonormal Q (from QR, or signed columns of I: 0), orthonormal plus a perturbation of \
         10⁻¹⁴ to 10⁻¹, general and wide integer matrices, and classical Gram–Schmidt's Q of ill-conditioned A",
        random_q,
        |case| check_loss(f, &q_of(case)),
    );
    c.property(
        "scaled_orthonormal_columns",
        "2^e times k orthonormal columns: the loss is |2^2e − 1|·√k exactly (0 for e = 0)",
        scaled_orthonormal,
        |case| check_loss(f, &q_of(case)),
    );
    c.finish()
}

// ---------------------------------------------------------------- Gram–Schmidt: inputs

/// The signature of the three Gram–Schmidt exercises.
pub type GramSchmidtFn = fn(&Matrix) -> Result<Qr, LinalgError>;

/// κ₂(A) of the well-conditioned inputs, where every check applies to every algorithm.
const KAPPA_WELL: f64 = 1e3;
/// κ₂(A) up to which the classical algorithm's loss of orthogonality, about
/// u·κ², is checked: 10⁻⁶ there, still well below 1.
const KAPPA_CLASSICAL: f64 = 1e5;
/// κ₂(A) of the ill-conditioned inputs: u·κ₂² ≈ 1, so the classical
/// algorithm's Q is not orthogonal at all, while the modified one's loss is
/// about 10⁻⁸ and two passes stay at rounding.
const KAPPA_MAX: f64 = 1e8;

fn a_of(c: &Case) -> Matrix {
    rows_matrix(&c.inputs())
}

/// The stored rows, without the 2^exp: the matrix the references are computed from.
fn base_of(c: &Case) -> DMatrix<f64> {
    let n = c.rows.first().map_or(0, Vec::len);
    DMatrix::from_fn(c.rows.len(), n, |i, j| c.rows[i][j])
}

fn show_a(c: &Case) -> String {
    format!("{}{}", pretty::named_matrices(&[("A", &a_of(c))]), c.scale_note())
}

fn literal_a(c: &Case) -> String {
    pretty::matrix_literal("a", &a_of(c))
}

/// m ≥ n ≥ 1, finite (also after scaling), independent columns with κ₂(A) ≤ cap.
fn tall_full_rank(c: &Case, cap: f64) -> bool {
    let base = base_of(c);
    let (m, n) = base.shape();
    m >= n && n >= 1 && finite_case(c) && tol::all_finite(base.as_slice()) && subspace::condition(&base) <= cap
}

fn well_conditioned(c: &Case) -> bool {
    tall_full_rank(c, KAPPA_WELL * 1.001)
}

fn classical_range(c: &Case) -> bool {
    tall_full_rank(c, KAPPA_CLASSICAL * 1.001)
}

fn ill_conditioned(c: &Case) -> bool {
    tall_full_rank(c, KAPPA_MAX * 1.001)
}

static WELL: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_a,
    literal: literal_a,
    valid: well_conditioned,
};

static CLASSICAL_RANGE: Spec = Spec { valid: classical_range, ..WELL };

static ILL: Spec = Spec { valid: ill_conditioned, ..WELL };

fn tall(spec: &'static Spec, rows: &[&[f64]], exp: i32) -> Case {
    Case::new(spec, rows.iter().map(|r| r.to_vec()).collect(), vec![], exp)
}

/// Integer (or third, or tenth) entries, independent columns with κ₂ ≤ 10³.
fn random_integer_tall(rng: &mut TestRng) -> Case {
    loop {
        let (m, n) = tall_shape(rng);
        let rows = (0..m).map(|_| (0..n).map(|_| draw::entry(rng)).collect()).collect();
        let case = Case::new(&WELL, rows, vec![], 0);
        if well_conditioned(&case) {
            return case;
        }
    }
}

/// A = U·Σ·Vᵀ with κ₂(A) = 10^t, t uniform in [0, max_log_kappa], times 2^e
/// with e from `exps` (always, when `exps` is not empty). Valid by
/// construction for a spec whose cap is 10^max_log_kappa (finite, κ₂ exact
/// up to rounding), so the generator does not compute κ₂ again; shrinking
/// does, through the spec.
fn random_conditioned(rng: &mut TestRng, spec: &'static Spec, max_log_kappa: f64, exps: &[i32]) -> Case {
    let (m, n) = tall_shape(rng);
    let log_kappa = max_log_kappa * draw::unit(rng);
    let a = draw::with_condition(rng, m, n, log_kappa);
    let exp = if exps.is_empty() { 0 } else { draw::pick(rng, exps) };
    Case::new(spec, dmatrix_rows(&a), vec![], exp)
}

/// Läuchli's matrix: a row of ones above ε·I₃. With ε = 10⁻⁸, 1 + ε² rounds
/// to 1 and classical Gram–Schmidt returns q₁·q₂ ≈ 1/2; κ₂ ≈ 1.7·10⁸.
fn lauchli(spec: &'static Spec, eps: f64) -> Case {
    tall(spec, &[&[1.0, 1.0, 1.0], &[eps, 0.0, 0.0], &[0.0, eps, 0.0], &[0.0, 0.0, eps]], 0)
}

/// The small matrices every Gram–Schmidt must get right, with their shapes:
/// the textbook 3×2, 1×1 (also negative: the sign convention), one column,
/// the identity, negated and scaled columns of I, square, tall.
fn textbook_cases() -> Vec<Case> {
    vec![
        tall(&WELL, &[&[1.0, 1.0], &[1.0, 0.0], &[0.0, 1.0]], 0),
        tall(&WELL, &[&[3.0]], 0),
        tall(&WELL, &[&[-2.0]], 0),
        tall(&WELL, &[&[0.0], &[-3.0], &[4.0]], 0),
        tall(&WELL, &[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]], 0),
        tall(&WELL, &[&[-1.0, 0.0], &[0.0, -2.0], &[0.0, 0.0]], 0),
        tall(&WELL, &[&[0.0, 1.0], &[-1.0, 0.0]], 0),
        tall(&WELL, &[&[1.0, 2.0], &[3.0, 4.0]], 0),
        tall(&WELL, &[&[2.0, -1.0, 0.0], &[-1.0, 2.0, -1.0], &[0.0, -1.0, 2.0], &[1.0, 1.0, 1.0]], 0),
        tall(&WELL, &[&[1.0, 0.5, 1.0 / 3.0], &[0.5, 1.0 / 3.0, 0.25], &[1.0 / 3.0, 0.25, 0.2]], 0),
    ]
}

// ---------------------------------------------------------------- Gram–Schmidt: judging

/// Which of the three exercises is being checked: the loss of orthogonality
/// each one is allowed.
#[derive(Clone, Copy, PartialEq)]
enum Variant {
    Classical,
    Modified,
    Twice,
}

impl Variant {
    fn function(self) -> &'static str {
        match self {
            Self::Classical => "classical_gram_schmidt",
            Self::Modified => "modified_gram_schmidt",
            Self::Twice => "gram_schmidt_twice",
        }
    }

    fn bound(self, m: usize, n: usize, kappa: f64) -> f64 {
        match self {
            Self::Classical => tol::gram_schmidt_classical(m, n, kappa),
            Self::Modified => tol::gram_schmidt_modified(m, n, kappa),
            Self::Twice => tol::gram_schmidt_twice(m, n),
        }
    }

    fn allowance(self) -> &'static str {
        match self {
            Self::Classical => "10·m(n + 2)·u·κ₂(A)²",
            Self::Modified => "10·m(n + 2)·u·κ₂(A)",
            Self::Twice => "10·m(n + 2)·u",
        }
    }

    fn why(self) -> &'static str {
        match self {
            Self::Classical => {
                "even the classical algorithm keeps the loss of orthogonality below about u·κ₂(A)²; is every \
                 coefficient r_jk = q_j·a_k, and every q_k normalised after the subtraction?"
            }
            Self::Modified => {
                "modified Gram–Schmidt keeps the loss of orthogonality below about u·κ₂(A); the classical \
                 algorithm (coefficients from the original column a_k) loses up to u·κ₂(A)², all of it at \
                 κ₂(A) = 10⁸: take r_jk = q_j·v, with v updated after each subtraction"
            }
            Self::Twice => {
                "two classical passes keep the loss of orthogonality at the level of rounding, whatever κ₂(A) \
                 (up to 10⁸); one pass loses up to u·κ₂(A)², modified Gram–Schmidt up to u·κ₂(A): is the \
                 second pass there, with its coefficients taken from the output of the first?"
            }
        }
    }
}

/// What the checker knows about an input A (as passed, possibly × 2^exp).
struct GsTruth {
    a: Matrix,
    kappa: f64,
    /// nalgebra's Q and R with a non-negative diagonal; R scaled like A.
    q: DMatrix<f64>,
    r: DMatrix<f64>,
}

impl GsTruth {
    /// The orthogonal projector onto C(A).
    fn projector(&self) -> DMatrix<f64> {
        &self.q * self.q.transpose()
    }
}

fn gs_truth(c: &Case) -> GsTruth {
    let base = base_of(c);
    let (q, r) = reference_qr(&base);
    let r = r.map(|x| tol::scale2(x, c.exp));
    GsTruth { a: a_of(c), kappa: subspace::condition(&base), q, r }
}

/// Which checks a property applies, beyond the factorization itself.
#[derive(Clone, Copy)]
struct Judge {
    orthogonality: bool,
    span: bool,
    r_factor: bool,
}

const EVERYTHING: Judge = Judge { orthogonality: true, span: true, r_factor: true };
const NO_SPAN: Judge = Judge { orthogonality: true, span: false, r_factor: true };
const FACTORS_ONLY: Judge = Judge { orthogonality: false, span: false, r_factor: false };

fn expected_qr(t: &GsTruth) -> String {
    format!("{}\n{}", pretty::named_matrices(&[("Q", &ours(&t.q))]), pretty::named_matrices(&[("R", &ours(&t.r))]))
}

fn check_gs(v: Variant, f: GramSchmidtFn, c: &Case, judge: Judge) -> Result<(), Miss> {
    let name = v.function();
    let t = gs_truth(c);
    let (m, n) = t.a.shape();
    let got = call(name, || f(&t.a))?;
    let qr = accepted(name, got, || expected_qr(&t)).map_err(|e| Miss {
        message: format!(
            "{} (the columns of A are independent: κ₂(A) = {:.2e}, so r_kk/‖a_k‖ ≥ 1/κ₂(A) is far above the \
             dependence tolerance)",
            e.message, t.kappa
        ),
        ..e
    })?;
    let miss = |message: String| Miss::new(message).output(show_qr(&qr)).expected(expected_qr(&t));
    if qr.q.shape() != (m, n) || qr.r.shape() != (n, n) {
        let hint = if qr.q.shape() == (m, m) && m != n {
            " (the thin factorization: one column of Q per column of A)"
        } else if qr.q.shape() == (n, m) && m != n {
            " (Q has one column per column of A, each of length m: did you store the q_j as rows?)"
        } else {
            ""
        };
        return Err(miss(format!(
            "`{name}` returned Q {}×{} and R {}×{}; for a {m}×{n} A the thin factorization has Q {m}×{n} and R \
             {n}×{n}{hint}",
            qr.q.nrows(),
            qr.q.ncols(),
            qr.r.nrows(),
            qr.r.ncols()
        )));
    }
    if !tol::all_finite(qr.q.as_slice()) || !tol::all_finite(qr.r.as_slice()) {
        return Err(miss(format!(
            "`{name}` returned NaN or infinity in Q or R (a norm that overflows? use your norm_l2, which scales)"
        )));
    }
    for i in 0..n {
        for j in 0..i {
            if qr.r[(i, j)] != 0.0 {
                return Err(miss(format!(
                    "R is not upper triangular: entry ({i}, {j}) below the diagonal is {}; R has r_jk only for \
                     j ≤ k, and exact 0.0 below the diagonal (did you return Rᵀ?)",
                    pretty::number(qr.r[(i, j)])
                )));
            }
        }
    }
    if let Some(k) = (0..n).find(|&k| qr.r[(k, k)] <= 0.0) {
        return Err(miss(format!(
            "diagonal entry ({k}, {k}) of R is {}, but r_kk = ‖v_k‖, the length of what is left of a_k, is positive \
             (q_k points along v_k)",
            pretty::number(qr.r[(k, k)])
        )));
    }
    let (dq, dr) = (to_dmatrix(&qr.q), to_dmatrix(&qr.r));
    let da = to_dmatrix(&t.a);
    let size = fro(&da);
    let residual = fro(&(&da - &dq * &dr));
    let bound = tol::gram_schmidt_backward(m, n) * size;
    if residual > bound {
        let worst = (0..n)
            .map(|k| (k, tol::norm2((da.column(k) - &dq * dr.column(k)).as_slice())))
            .fold((0, 0.0), |w, x| if x.1 > w.1 { x } else { w });
        return Err(miss(format!(
            "A ≠ QR: column {} of QR differs from a_{} by {}; a_k = r_0k q_0 + … + r_kk q_k must hold for every k \
             (R keeps the coefficients of every projection you subtracted, and r_kk = ‖v_k‖)",
            worst.0,
            worst.0,
            pretty::number(worst.1)
        ))
        .bound(format!("‖A − QR‖_F = {residual:.2e}, allowed ≤ {bound:.2e} (10·mn·u·‖A‖_F)")));
    }
    for j in 0..n {
        let length = tol::norm2(dq.column(j).as_slice());
        let slack = tol::unit_length(m);
        if (length - 1.0).abs() > slack {
            return Err(miss(format!(
                "column {j} of Q has length {}, not 1: normalise q_j = v_j / ‖v_j‖ after the subtraction",
                pretty::number(length)
            ))
            .bound(format!("|‖q_{j}‖ − 1| = {:.2e}, allowed ≤ {slack:.2e}", (length - 1.0).abs())));
        }
    }
    if judge.orthogonality {
        let loss = loss_of(&dq);
        let bound = v.bound(m, n, t.kappa);
        if loss > bound {
            return Err(miss(format!(
                "the columns of Q are not orthogonal enough: ‖QᵀQ − I‖_F = {loss:.2e} with κ₂(A) = {:.2e}; {}",
                t.kappa,
                v.why()
            ))
            .bound(format!("‖QᵀQ − I‖_F = {loss:.2e}, allowed ≤ {bound:.2e} ({})", v.allowance())));
        }
    }
    if judge.span {
        let err = fro(&(&dq * dq.transpose() - t.projector()));
        let bound = tol::gram_schmidt_span(m, n, t.kappa);
        if err > bound {
            return Err(miss(
                "the columns of Q do not span the columns of A: QQᵀ differs from the orthogonal projector onto C(A) \
                 (from nalgebra's QR)"
                    .to_string(),
            )
            .bound(format!("‖QQᵀ − P‖_F = {err:.2e}, allowed ≤ {bound:.2e} (20·m(n + 2)·u·κ₂(A)²)")));
        }
    }
    if judge.r_factor {
        let err = fro(&(&dr - &t.r));
        let bound = tol::gram_schmidt_r(m, n, t.kappa) * size;
        if err > bound {
            let (i, j) = (0..n * n)
                .map(|k| (k / n, k % n))
                .fold((0, 0), |w, x| if (dr[x] - t.r[x]).abs() > (dr[w] - t.r[w]).abs() { x } else { w });
            return Err(miss(format!(
                "R is not the R of A = QR with a positive diagonal (unique; nalgebra's Householder QR with its signs \
                 normalised): entry ({i}, {j}) is {} instead of {}",
                pretty::number(dr[(i, j)]),
                pretty::number(t.r[(i, j)])
            ))
            .bound(format!("‖R − R_ref‖_F = {err:.2e}, allowed ≤ {bound:.2e} (10·m(n + 2)·u·κ₂(A)·‖A‖_F)")));
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- Gram–Schmidt: refusals

/// κ₂ of the independent columns B next to which a dependent column is
/// placed. The remainder of an exactly dependent column is rounding noise
/// amplified by the loss of orthogonality of the q's before it, up to about
/// u·κ₂(B)² for the classical algorithm: with κ₂(B) ≤ 100 that is far below
/// the 10⁻¹⁰ of the exercise text (see `tol.rs`).
const KAPPA_BEFORE: f64 = 100.0;

/// Stored: the independent columns B (m × (n − 1)), row by row; scalars
/// `[p, c_0, c_1, …]`. The input is B with the column Σ_{j<p} c_j b_j inserted
/// at position p: column p depends on the columns before it (it is zero when
/// p = 0 or every c_j = 0).
fn dependent_rows(c: &Case) -> Vec<Vec<f64>> {
    let p = c.scalar(0) as usize;
    c.rows
        .iter()
        .map(|row| {
            let combination: f64 = (0..p).map(|j| c.scalars[1 + j] * row[j]).sum();
            let mut r = row.clone();
            r.insert(p.min(r.len()), combination);
            r.iter().map(|&x| tol::scale2(x, c.exp)).collect()
        })
        .collect()
}

fn dependent_column(c: &Case) -> usize {
    c.scalar(0) as usize
}

fn show_dependent(c: &Case) -> String {
    let p = dependent_column(c);
    let terms: Vec<String> = (0..p).map(|j| format!("{}·a_{j}", pretty::number(c.scalars[1 + j]))).collect::<Vec<_>>();
    let combination = if terms.is_empty() { "0".to_string() } else { terms.join(" + ") };
    format!(
        "{}{}\n   (column {p} = {combination}: it depends on the columns before it)",
        pretty::named_matrices(&[("A", &rows_matrix(&c.inputs()))]),
        c.scale_note()
    )
}

fn literal_dependent(c: &Case) -> String {
    pretty::matrix_literal("a", &rows_matrix(&c.inputs()))
}

fn dependent_valid(c: &Case) -> bool {
    let b = base_of(c);
    let (m, k) = b.shape();
    let p = c.scalar(0);
    k >= 1
        && m > k
        && p >= 0.0
        && p.fract() == 0.0
        && (p as usize) <= k
        && c.scalars.len() > k
        && finite_case(c)
        && subspace::condition(&b) <= KAPPA_BEFORE
}

static DEPENDENT: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: dependent_rows,
    show: show_dependent,
    literal: literal_dependent,
    valid: dependent_valid,
};

/// B with κ₂(B) ≤ 100 (integers, thirds, tenths), a combination of its first
/// p columns with integer coefficients in [−3, 3], p ≥ 1; 2^±40 one time in four.
fn random_dependent(rng: &mut TestRng) -> Case {
    loop {
        let k = draw::size(rng, 1, 5);
        let m = draw::size(rng, k + 1, 8);
        let rows: Vec<Vec<f64>> = (0..m).map(|_| (0..k).map(|_| draw::entry(rng)).collect()).collect();
        let p = draw::size(rng, 1, k);
        let mut scalars = vec![p as f64];
        scalars.extend((0..k).map(|_| draw::int(rng, -3, 3)));
        let exp = if draw::chance(rng, 1, 4) { draw::pick(rng, &[-40, 40]) } else { 0 };
        let case = Case::new(&DEPENDENT, rows, scalars, exp);
        if dependent_valid(&case) {
            return case;
        }
    }
}

fn check_refuses_dependent(v: Variant, f: GramSchmidtFn, c: &Case) -> Result<(), Miss> {
    let name = v.function();
    let a = rows_matrix(&c.inputs());
    let p = dependent_column(c);
    let got = call(name, || f(&a))?;
    let want = LinalgError::Singular { column: p };
    if got.as_ref().err() == Some(&want) {
        return Ok(());
    }
    let why = match &got {
        Ok(_) => format!(
            "`{name}` returned a factorization, but column {p} of A is a combination of the columns before it: what \
             is left of it after the projections is rounding noise, and normalising noise gives a meaningless q_{p}. \
             Refuse with Err(Singular {{ column: {p} }}) when r_kk ≤ 1e-10·‖a_k‖ (with `<=`, not `== 0.0`: the \
             noise is rarely exactly 0)"
        ),
        Err(LinalgError::Singular { column }) => format!(
            "`{name}` refused A at column {column}, but the columns before {p} are independent and column {p} is \
             the first that depends on them"
        ),
        Err(_) => format!("`{name}` must refuse dependent columns with Err(Singular {{ column }})"),
    };
    Err(Miss::new(why).output(pretty::result(&got, show_qr)).expected(format!("Err({want:?})")))
}

fn refusals(v: Variant, f: GramSchmidtFn) -> Vec<Fixed<'static>> {
    let name = v.function();
    let refuses = move |a: Matrix, want: LinalgError| {
        Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
            let got = call(name, || f(&a))?;
            refused(name, &got, &want, show_qr)
        })
    };
    let singular = |column| LinalgError::Singular { column };
    let mismatch = |expected, found| LinalgError::DimensionMismatch { expected, found };
    // a_2 = a_0 + a_1, summed in floating point (0.1 + 0.7 is not 0.8).
    let (a0, a1) = ([0.1, 0.3, 0.5, 0.2], [0.7, -0.2, 0.4, 0.6]);
    let sum = Matrix::from_fn(4, 3, |i, j| [a0[i], a1[i], a0[i] + a1[i]][j]);
    vec![
        refuses(Matrix::zeros(0, 0), LinalgError::Empty),
        refuses(Matrix::zeros(3, 0), LinalgError::Empty),
        refuses(Matrix::zeros(0, 2), LinalgError::Empty),
        refuses(matrix_of(&[&[1.0, 2.0]]), mismatch(1, 2)),
        refuses(matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]), mismatch(2, 3)),
        refuses(matrix_of(&[&[0.0, 1.0], &[0.0, 2.0], &[0.0, 3.0]]), singular(0)),
        refuses(matrix_of(&[&[1.0, 0.0, 2.0], &[2.0, 0.0, 1.0], &[3.0, 0.0, 1.0]]), singular(1)),
        refuses(matrix_of(&[&[0.1, 0.1], &[0.2, 0.2], &[0.3, 0.3]]), singular(1)),
        refuses(sum, singular(2)),
        refuses(matrix_of(&[&[1.0, 2.0, 0.1], &[3.0, 6.0, 0.2], &[5.0, 10.0, 0.3]]), singular(1)),
    ]
}

/// The properties of the three Gram–Schmidt exercises; only the orthogonality
/// bound and the inputs it is checked on differ.
fn gram_schmidt(v: Variant, id: &str, f: GramSchmidtFn) -> ExerciseReport {
    let name = v.function();
    let mut c = Checker::new(id);
    c.probe(name, || f(&Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let mut examples = textbook_cases();
    if v != Variant::Classical {
        examples.push(lauchli(&ILL, 1e-8));
    }
    c.examples(
        "textbook_examples",
        "rows (1, 1), (1, 0), (0, 1) give Q with columns (1, 1, 0)/√2, (1, −1, 2)/√6 and R = [[√2, 1/√2], [0, \
         √(3/2)]]; 1×1 (also −2: R = [2], Q = [−1]), one column, the identity, negated columns of I (R keeps a \
         positive diagonal), square, tall, a Hilbert matrix",
        examples,
        |case| check_gs(v, f, case, EVERYTHING),
    );
    c.property(
        "factors_well_conditioned",
        "integer (or third, or tenth) A with κ₂(A) ≤ 10³, tall or square: Q m×n and R n×n, R upper triangular with \
         a positive diagonal, A = QR, unit columns, QQᵀ the projector onto C(A), R the unique R",
        random_integer_tall,
        |case| check_gs(v, f, case, EVERYTHING),
    );
    match v {
        Variant::Classical => {
            c.property(
                "orthogonality_within_u_kappa_squared",
                "A = U·Σ·Vᵀ with κ₂(A) up to 10⁵: ‖QᵀQ − I‖_F ≤ 10·m(n + 2)·u·κ₂(A)², A = QR, R the unique R",
                |rng| random_conditioned(rng, &CLASSICAL_RANGE, 5.0, &[]),
                |case| check_gs(v, f, case, NO_SPAN),
            );
            let mut hard = vec![lauchli(&ILL, 1e-8), lauchli(&ILL, 1e-7)];
            hard.push(tall(&ILL, &[&[1.0, 1.0], &[1e-8, 0.0], &[0.0, 1e-8]], 0));
            c.examples(
                "lauchli_still_factors",
                "Läuchli's matrix, a row of ones above ε·I (ε = 10⁻⁸, 10⁻⁷): the classical algorithm loses \
                 orthogonality there, but must still factor A = QR with unit columns, without refusing",
                hard,
                |case| check_gs(v, f, case, FACTORS_ONLY),
            );
            c.property(
                "ill_conditioned_still_factors",
                "A = U·Σ·Vᵀ with κ₂(A) up to 10⁸ is not refused, and A = QR with unit columns; orthogonality is not \
                 checked here (u·κ₂(A)² reaches 1)",
                |rng| random_conditioned(rng, &ILL, 8.0, &[]),
                |case| check_gs(v, f, case, FACTORS_ONLY),
            );
        }
        Variant::Modified => c.property(
            "orthogonality_within_u_kappa",
            "A = U·Σ·Vᵀ with κ₂(A) up to 10⁸: ‖QᵀQ − I‖_F ≤ 10·m(n + 2)·u·κ₂(A) (the classical algorithm reaches \
             u·κ₂(A)², about 1 here), A = QR, R the unique R",
            |rng| random_conditioned(rng, &ILL, 8.0, &[]),
            |case| check_gs(v, f, case, NO_SPAN),
        ),
        Variant::Twice => c.property(
            "orthogonal_to_rounding",
            "A = U·Σ·Vᵀ with κ₂(A) up to 10⁸: ‖QᵀQ − I‖_F ≤ 10·m(n + 2)·u whatever κ₂(A) (one pass, or modified \
             Gram–Schmidt, loses u·κ₂(A) or more), A = QR, R the unique R",
            |rng| random_conditioned(rng, &ILL, 8.0, &[]),
            |case| check_gs(v, f, case, NO_SPAN),
        ),
    }
    c.property(
        "any_scale",
        "2^±40 and 2^±600 times A with κ₂(A) ≤ 10³: the same Q, R scaled with A (norms that do not overflow, a \
         relative dependence test)",
        |rng| random_conditioned(rng, &WELL, 3.0, &[-600, -40, 40, 600]),
        |case| check_gs(v, f, case, EVERYTHING),
    );
    c.property(
        "refuses_dependent_columns",
        "a column that is a combination of the columns before it (zero when all coefficients are 0): Err(Singular \
         { column }) at that column, also when rounding leaves a tiny non-zero remainder",
        random_dependent,
        |case| check_refuses_dependent(v, f, case),
    );
    c.fixed(
        "refuses_bad_input",
        "no rows or no columns: Err(Empty); more columns than rows: Err(DimensionMismatch { expected: rows, found: \
         cols }); a zero column, a repeated column, a_2 = a_0 + a_1: Err(Singular { column })",
        refusals(v, f),
    );
    c.finish()
}

/// `classical_gram_schmidt`: A = QR with R the unique R, unit columns, loss of
/// orthogonality within u·κ₂²; refusals.
pub fn classical_gram_schmidt(f: GramSchmidtFn) -> ExerciseReport {
    gram_schmidt(Variant::Classical, "classical_gram_schmidt", f)
}

/// `modified_gram_schmidt`: as classical, with loss of orthogonality within u·κ₂.
pub fn modified_gram_schmidt(f: GramSchmidtFn) -> ExerciseReport {
    gram_schmidt(Variant::Modified, "modified_gram_schmidt", f)
}

/// `gram_schmidt_twice`: as classical, with loss of orthogonality at rounding level.
pub fn gram_schmidt_twice(f: GramSchmidtFn) -> ExerciseReport {
    gram_schmidt(Variant::Twice, "gram_schmidt_twice", f)
}

// ---------------------------------------------------------------- orthonormal bases: inputs

/// Stored row i: `[b_i, x_i0, …, x_i(k−1)]` (for projections; the complement
/// ignores b); scalar 0 says how Q is made from X: 0 = nalgebra's Q of X (X
/// with independent columns), 1 = X itself (X exactly orthonormal, such as
/// signed columns of I). Shrinking drops rows and columns and moves the
/// entries of X toward 0 while Q stays well defined.
fn basis_parts(c: &Case) -> (Matrix, Vec<f64>) {
    let rows = &c.rows;
    let m = rows.len();
    let k = rows.first().map_or(0, |r| r.len() - 1);
    let x = DMatrix::from_fn(m, k, |i, j| rows[i][j + 1]);
    let q = if c.scalar(0) == 1.0 || k == 0 { x } else { x.qr().q().columns(0, k).into_owned() };
    let b = rows.iter().map(|r| tol::scale2(r[0], c.exp)).collect();
    (ours(&q), b)
}

fn show_basis(c: &Case) -> String {
    let (q, b) = basis_parts(c);
    format!("{}\nb = {}{}", pretty::named_matrices(&[("Q", &q)]), pretty::vector(&b), c.scale_note())
}

fn literal_basis(c: &Case) -> String {
    let (q, b) = basis_parts(c);
    format!("{}\nlet b = {};", pretty::matrix_literal("q", &q), pretty::vector_literal(&b))
}

fn show_q_only(c: &Case) -> String {
    pretty::named_matrices(&[("Q", &basis_parts(c).0)])
}

fn literal_q_only(c: &Case) -> String {
    pretty::matrix_literal("q", &basis_parts(c).0)
}

/// X gives an orthonormal Q: independent columns (κ₂ ≤ 10⁶) for the QR mode,
/// exactly XᵀX = I for the exact mode; k ≤ m, finite.
fn basis_valid(c: &Case) -> bool {
    let m = c.rows.len();
    let k = c.rows.first().map_or(0, |r| r.len().saturating_sub(1));
    if m == 0 || k > m || c.rows.iter().any(|r| r.is_empty() || !tol::all_finite(r)) {
        return false;
    }
    let x = DMatrix::from_fn(m, k, |i, j| c.rows[i][j + 1]);
    let b: Vec<f64> = c.rows.iter().map(|r| tol::scale2(r[0], c.exp)).collect();
    if !tol::all_finite(&b) || k == 0 {
        return tol::all_finite(&b);
    }
    if c.scalar(0) == 1.0 {
        x.transpose() * &x == DMatrix::identity(k, k)
    } else {
        c.scalar(0) == 0.0 && subspace::condition(&x) <= 1e6
    }
}

static BASIS: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_basis,
    literal: literal_basis,
    valid: basis_valid,
};

static COMPLEMENT: Spec = Spec { show: show_q_only, literal: literal_q_only, ..BASIS };

fn basis_case(spec: &'static Spec, x: &DMatrix<f64>, exact: bool, b: &[f64], exp: i32) -> Case {
    let rows = (0..x.nrows()).map(|i| std::iter::once(b[i]).chain(x.row(i).iter().copied()).collect()).collect();
    Case::new(spec, rows, vec![if exact { 1.0 } else { 0.0 }], exp)
}

/// Q from nalgebra's QR of an integer X, or signed columns of I (exact), or
/// the QR of X whose first columns are standard basis vectors (so e_i lie in
/// C(Q), nearly or exactly); b of any kind: integer, in C(Q), orthogonal to it.
fn random_basis(rng: &mut TestRng, spec: &'static Spec, kinds: &[usize], k_from: usize) -> Case {
    loop {
        let m = draw::size(rng, 1, 7);
        let k = draw::size(rng, k_from.min(m), m);
        let kind = draw::pick(rng, kinds);
        let (x, exact) = match kind {
            0 => (DMatrix::from_fn(m, k, |_, _| draw::int(rng, -9, 9)), false),
            1 => (random_signed_columns(rng, m, k), true),
            _ => {
                let picks = distinct(rng, m, k);
                let units = draw::size(rng, 0, k);
                let x = DMatrix::from_fn(m, k, |i, j| {
                    if j < units { if i == picks[j] { 1.0 } else { 0.0 } } else { draw::int(rng, -9, 9) }
                });
                (x, false)
            }
        };
        let b_kind = draw::size(rng, 0, 2);
        let w = DVector::from_fn(m, |_, _| draw::int(rng, -9, 9));
        let case = basis_case(spec, &x, exact, w.as_slice(), 0);
        if !basis_valid(&case) {
            continue;
        }
        let (q, _) = basis_parts(&case);
        let dq = to_dmatrix(&q);
        let b = match b_kind {
            0 => w,
            1 => &dq * (dq.transpose() * &w),
            _ => &w - &dq * (dq.transpose() * &w),
        };
        let case = basis_case(spec, &x, exact, b.as_slice(), 0);
        if basis_valid(&case) {
            return case;
        }
    }
}

// ---------------------------------------------------------------- subspace_projection

/// The signature of `project_onto_subspace`.
pub type ProjectFn = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

fn project(f: ProjectFn, q: &Matrix, b: &[f64], want: &[f64]) -> Result<Vec<f64>, Miss> {
    let got = accepted("project_onto_subspace", call("project_onto_subspace", || f(q, b))?, || pretty::vector(want))?;
    if got.len() != b.len() {
        let hint = if got.len() == q.ncols() {
            " (that is the length of the coordinates Qᵀb; the projection is Q(Qᵀb), in ℝᵐ)"
        } else {
            ""
        };
        return Err(Miss::new(format!(
            "`project_onto_subspace` returned a vector of length {}, but the projection of b has length m = {}{hint}",
            got.len(),
            b.len()
        ))
        .output(pretty::vector(&got))
        .expected(pretty::vector(want)));
    }
    Ok(got)
}

fn projection_truth(q: &Matrix, b: &[f64]) -> Vec<f64> {
    let p = subspace::projector(&to_dmatrix(q));
    (p * DVector::from_column_slice(b)).as_slice().to_vec()
}

fn check_projection(f: ProjectFn, c: &Case) -> Result<(), Miss> {
    let (q, b) = basis_parts(c);
    let want = projection_truth(&q, &b);
    let got = project(f, &q, &b, &want)?;
    let bound = tol::projection(q.nrows(), q.ncols()) * tol::norm2(&b);
    vector_close("project_onto_subspace", &got, &want, bound).map_err(|e| Miss {
        message: format!("{}: the projection onto C(Q) is Q(Qᵀb) = Σ_j (q_j·b) q_j", e.message),
        ..e
    })
}

fn check_idempotent(f: ProjectFn, c: &Case) -> Result<(), Miss> {
    let (q, b) = basis_parts(c);
    let want = projection_truth(&q, &b);
    let p = project(f, &q, &b, &want)?;
    let again = project(f, &q, &p, &want)?;
    let bound = 2.0 * tol::projection(q.nrows(), q.ncols()) * tol::norm2(&b);
    vector_close("project_onto_subspace", &again, &p, bound).map_err(|e| Miss {
        message: format!(
            "projecting twice changed the result: p = P·b is already in C(Q), so P·p must be p ({})",
            e.message
        ),
        output: format!("P·b = {}\nP·(P·b) = {}", pretty::vector(&p), pretty::vector(&again)),
        ..e
    })
}

fn check_residual_orthogonal(f: ProjectFn, c: &Case) -> Result<(), Miss> {
    let (q, b) = basis_parts(c);
    let want = projection_truth(&q, &b);
    let p = project(f, &q, &b, &want)?;
    let r: Vec<f64> = b.iter().zip(&p).map(|(x, y)| x - y).collect();
    let qtr = to_dmatrix(&q).transpose() * DVector::from_column_slice(&r);
    let err = tol::norm2(qtr.as_slice());
    let bound = tol::projection(q.nrows(), q.ncols()) * tol::norm2(&b);
    tol::within(err, bound, "").map_err(|e| {
        Miss::new(format!(
            "the residual b − p is not orthogonal to the columns of Q: Qᵀ(b − p) = {}",
            pretty::vector(qtr.as_slice())
        ))
        .output(format!("p = {}", pretty::vector(&p)))
        .expected(format!("p = {}, with Qᵀ(b − p) = 0 up to rounding", pretty::vector(&want)))
        .bound(format!("‖Qᵀ(b − p)‖ {}", e.bound))
    })
}

/// `project_onto_subspace` is Q(Qᵀb): nalgebra's projector, idempotent, with
/// a residual orthogonal to Q; refuses b of the wrong length.
pub fn subspace_projection(f: ProjectFn) -> ExerciseReport {
    let mut c = Checker::new("subspace_projection");
    c.probe("project_onto_subspace", || f(&Matrix::identity(1), &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (s2, s6) = (2f64.sqrt(), 6f64.sqrt());
    let plane = DMatrix::from_row_slice(3, 2, &[1.0 / s2, 1.0 / s6, 1.0 / s2, -1.0 / s6, 0.0, 2.0 / s6]);
    let ex = |x: &DMatrix<f64>, b: &[f64]| basis_case(&BASIS, x, true, b, 0);
    c.examples(
        "textbook_examples",
        "Q with columns (1, 1, 0)/√2, (1, −1, 2)/√6 and b = (1, 2, 3) give p = (7/3, 2/3, 5/3); b in the plane \
         gives b; b ⟂ the plane gives 0; Q = I gives b; one column; Q without columns gives 0",
        vec![
            ex(&plane, &[1.0, 2.0, 3.0]),
            ex(&plane, &[2.0, 0.0, 1.0]),
            ex(&plane, &[-1.0, 1.0, 1.0]),
            ex(&DMatrix::identity(3, 3), &[4.0, -5.0, 6.0]),
            ex(&signed_columns(3, &[1], &[-1.0]), &[4.0, -5.0, 6.0]),
            ex(&DMatrix::from_row_slice(2, 1, &[0.6, 0.8]), &[1.0, 2.0]),
            ex(&DMatrix::zeros(3, 0), &[4.0, -5.0, 6.0]),
            ex(&DMatrix::from_row_slice(1, 1, &[1.0]), &[-3.0]),
        ],
        |case| check_projection(f, case),
    );
    c.property(
        "matches_projector",
        "p = P·b with P the orthogonal projector onto C(Q) (from nalgebra's QR), for Q from QR of integer \
         matrices, signed columns of I, or bases that contain standard basis vectors; b general, in C(Q), or ⟂ C(Q)",
        |rng| random_basis(rng, &BASIS, &[0, 1, 2], 0),
        |case| check_projection(f, case),
    );
    c.property(
        "projecting_twice_changes_nothing",
        "P·(P·b) = P·b: the projection of a vector already in C(Q) is itself",
        |rng| random_basis(rng, &BASIS, &[0, 1, 2], 0),
        |case| check_idempotent(f, case),
    );
    c.property(
        "residual_orthogonal_to_q",
        "Qᵀ(b − p) = 0 up to rounding: what the projection leaves is orthogonal to every column of Q",
        |rng| random_basis(rng, &BASIS, &[0, 1, 2], 0),
        |case| check_residual_orthogonal(f, case),
    );
    let refuses = |q: Matrix, b: Vec<f64>| {
        let show = format!("{}\nb = {}", pretty::named_matrices(&[("Q", &q)]), pretty::vector(&b));
        let literal = format!("{}\nlet b = {};", pretty::matrix_literal("q", &q), pretty::vector_literal(&b));
        Fixed::new(show, literal, move || {
            let got = call("project_onto_subspace", || f(&q, &b))?;
            let want = LinalgError::DimensionMismatch { expected: q.nrows(), found: b.len() };
            refused("project_onto_subspace", &got, &want, |v| pretty::vector(v))
        })
    };
    c.fixed(
        "refuses_wrong_length",
        "b needs one entry per row of Q: otherwise Err(DimensionMismatch { expected: rows, found: b.len() })",
        vec![
            refuses(ours(&plane), vec![1.0, 2.0]),
            refuses(ours(&plane), vec![1.0, 2.0, 3.0, 4.0]),
            refuses(Matrix::identity(2), vec![1.0]),
            refuses(Matrix::zeros(2, 0), vec![]),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- orthogonal_complement

/// The signature of `orthogonal_complement`.
pub type ComplementFn = fn(&Matrix) -> Result<Matrix, LinalgError>;

fn check_complement(f: ComplementFn, q: &Matrix) -> Result<(), Miss> {
    let (m, k) = q.shape();
    let dq = to_dmatrix(q);
    let expected = || {
        let p = subspace::complement(&subspace::projector(&dq));
        format!(
            "an m×(m − k) = {m}×{} matrix C with orthonormal columns and QQᵀ + CCᵀ = I, that is CCᵀ =\n{}",
            m - k,
            ours(&p)
        )
    };
    let got = call("orthogonal_complement", || f(q))?;
    let cm = accepted("orthogonal_complement", got, expected)?;
    let miss = |message: String| Miss::new(message).output(pretty::named_matrices(&[("C", &cm)])).expected(expected());
    if cm.shape() != (m, m - k) {
        return Err(miss(format!(
            "`orthogonal_complement` returned a {}×{} matrix; the complement of a {k}-dimensional subspace of ℝ^{m} \
             has dimension m − k = {}, so C is {m}×{}",
            cm.nrows(),
            cm.ncols(),
            m - k,
            m - k
        )));
    }
    if !tol::all_finite(cm.as_slice()) {
        return Err(miss(
            "`orthogonal_complement` returned NaN or infinity: was a zero remainder normalised? Keep the e_i whose \
             remainder is longest"
                .to_string(),
        ));
    }
    let dc = to_dmatrix(&cm);
    let bound = tol::complement(m);
    let loss = loss_of(&dc);
    if loss > bound {
        return Err(miss(
            "the columns of C are not orthonormal: normalise each remainder, and orthogonalise against the columns \
             already found as well as against Q"
                .to_string(),
        )
        .bound(format!("‖CᵀC − I‖_F = {loss:.2e}, allowed ≤ {bound:.2e}")));
    }
    let cross = fro(&(dq.transpose() * &dc));
    if cross > bound {
        return Err(miss(
            "the columns of C are not orthogonal to the columns of Q: remove from each e_i its projection onto C(Q)"
                .to_string(),
        )
        .bound(format!("‖QᵀC‖_F = {cross:.2e}, allowed ≤ {bound:.2e}")));
    }
    let identity = fro(&(&dq * dq.transpose() + &dc * dc.transpose() - DMatrix::identity(m, m)));
    if identity > bound {
        return Err(miss("QQᵀ + CCᵀ ≠ I: C does not span the whole orthogonal complement".to_string())
            .bound(format!("‖QQᵀ + CCᵀ − I‖_F = {identity:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

/// `orthogonal_complement` completes Q to an orthonormal basis of ℝᵐ, also
/// when standard basis vectors lie in C(Q); k = 0 and k = m; refuses k > m.
pub fn orthogonal_complement(f: ComplementFn) -> ExerciseReport {
    let mut c = Checker::new("orthogonal_complement");
    // A 2×1 Q, so that the probe reaches the projections (with Q = I there is nothing to do).
    c.probe("orthogonal_complement", || f(&matrix_of(&[&[1.0], &[0.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let s = std::f64::consts::FRAC_1_SQRT_2;
    let (s2, s6) = (2f64.sqrt(), 6f64.sqrt());
    let plane = DMatrix::from_row_slice(3, 2, &[1.0 / s2, 1.0 / s6, 1.0 / s2, -1.0 / s6, 0.0, 2.0 / s6]);
    let ex = |x: &DMatrix<f64>| basis_case(&COMPLEMENT, x, true, &vec![0.0; x.nrows()], 0);
    c.examples(
        "textbook_examples",
        "Q = (1, 1, 0)/√2 has a 3×2 complement spanning (0, 0, 1) and (1, −1, 0); Q = e_0 in ℝ² (e_0 is in C(Q): \
         its remainder is 0); the plane of (1, 1, 0) and (1, 0, 1); columns e_0, e_2 of I₄; a rotation of ℝ²",
        vec![
            ex(&DMatrix::from_row_slice(3, 1, &[s, s, 0.0])),
            ex(&signed_columns(2, &[0], &[1.0])),
            ex(&plane),
            ex(&signed_columns(4, &[0, 2], &[1.0, -1.0])),
            ex(&DMatrix::from_row_slice(2, 1, &[0.6, -0.8])),
            ex(&DMatrix::from_row_slice(3, 1, &[0.0, 0.0, 1.0])),
        ],
        |case| check_complement(f, &basis_parts(case).0),
    );
    let whole = |m: usize, k: usize| {
        let q = ours(&DMatrix::identity(m, m).columns(0, k).into_owned());
        Fixed::new(pretty::named_matrices(&[("Q", &q)]), pretty::matrix_literal("q", &q), move || {
            check_complement(f, &q)
        })
    };
    c.fixed(
        "whole_space_and_nothing",
        "Q without columns (k = 0): C is an orthonormal basis of all of ℝᵐ; Q = I (k = m): C is m×0; 0×0 gives 0×0",
        vec![whole(0, 0), whole(1, 0), whole(3, 0), whole(1, 1), whole(4, 4)],
    );
    c.property(
        "complements_random_subspaces",
        "Q from nalgebra's QR of an integer m×k matrix: C is m×(m − k) with orthonormal columns, QᵀC = 0 and \
         QQᵀ + CCᵀ = I",
        |rng| random_basis(rng, &COMPLEMENT, &[0], 0),
        |case| check_complement(f, &basis_parts(case).0),
    );
    c.property(
        "standard_basis_vectors_in_the_subspace",
        "Q made of signed columns of I, or from the QR of a matrix whose first columns are e_i: some e_i lie in \
         C(Q) and leave a zero (or rounding-size) remainder, which must never be normalised",
        |rng| random_basis(rng, &COMPLEMENT, &[1, 2], 1),
        |case| check_complement(f, &basis_parts(case).0),
    );
    let refuses = |q: Matrix| {
        Fixed::new(pretty::named_matrices(&[("Q", &q)]), pretty::matrix_literal("q", &q), move || {
            let got = call("orthogonal_complement", || f(&q))?;
            let want = LinalgError::DimensionMismatch { expected: q.nrows(), found: q.ncols() };
            refused("orthogonal_complement", &got, &want, |c| pretty::named_matrices(&[("C", c)]))
        })
    };
    c.fixed(
        "refuses_too_many_columns",
        "more columns than rows cannot be orthonormal: Err(DimensionMismatch { expected: rows, found: cols })",
        vec![
            refuses(matrix_of(&[&[1.0, 0.0]])),
            refuses(matrix_of(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0]])),
            refuses(Matrix::zeros(0, 1)),
        ],
    );
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::RngAlgorithm;
    use solutions::l07 as sol;

    fn rng() -> TestRng {
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32])
    }

    /// The largest error/bound ratios of the reference solutions, without the
    /// safety factor C, over many generated inputs, and the dependence ratios
    /// r_kk/‖a_k‖ on both sides of the 10⁻¹⁰ tolerance: the numbers quoted in
    /// `tol.rs`. `cargo test -p eigenlings-checks calibrate_l07 -- --ignored --nocapture`
    #[test]
    #[ignore = "prints the calibration of the lesson-7 tolerances; slow in debug builds"]
    fn calibrate_l07() {
        let mut rng = rng();
        let cases = 20_000;
        let algorithms: [(&str, GramSchmidtFn, Variant); 3] = [
            ("classical", sol::classical::classical_gram_schmidt, Variant::Classical),
            ("modified", sol::modified::modified_gram_schmidt, Variant::Modified),
            ("twice", sol::reorthogonalization::gram_schmidt_twice, Variant::Twice),
        ];
        for (label, f, v) in algorithms {
            let (mut back, mut orth, mut span, mut rf, mut unit_len) = (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
            let mut smallest_accepted = f64::INFINITY;
            for k in 0..cases {
                let case = match k % 3 {
                    0 => random_integer_tall(&mut rng),
                    1 if v == Variant::Classical => random_conditioned(&mut rng, &CLASSICAL_RANGE, 5.0, &[]),
                    1 => random_conditioned(&mut rng, &ILL, 8.0, &[]),
                    _ => random_conditioned(&mut rng, &WELL, 3.0, &[-600, -40, 40, 600]),
                };
                let t = gs_truth(&case);
                let (m, n) = t.a.shape();
                let qr = f(&t.a).expect("independent columns");
                let (dq, dr, da) = (to_dmatrix(&qr.q), to_dmatrix(&qr.r), to_dmatrix(&t.a));
                let size = fro(&da);
                back = back.max(fro(&(&da - &dq * &dr)) / (tol::gram_schmidt_backward(m, n) / tol::C * size));
                orth = orth.max(loss_of(&dq) / (v.bound(m, n, t.kappa) / tol::C));
                rf = rf.max(fro(&(&dr - &t.r)) / (tol::gram_schmidt_r(m, n, t.kappa) / tol::C * size));
                for j in 0..n {
                    unit_len = unit_len
                        .max((tol::norm2(dq.column(j).as_slice()) - 1.0).abs() / (tol::unit_length(m) / tol::C));
                    let a_j = t.a.column(j);
                    smallest_accepted = smallest_accepted.min(qr.r[(j, j)] / tol::norm2(&a_j));
                }
                if t.kappa <= KAPPA_WELL {
                    let err = fro(&(&dq * dq.transpose() - t.projector()));
                    span = span.max(err / (tol::gram_schmidt_span(m, n, t.kappa) / tol::C));
                }
            }
            if v == Variant::Classical {
                // The classical algorithm on κ₂ up to 10⁸: still A = QR, unit columns, and no refusal.
                let (mut back8, mut smallest8) = (0.0_f64, f64::INFINITY);
                for _ in 0..cases {
                    let case = random_conditioned(&mut rng, &ILL, 8.0, &[]);
                    let t = gs_truth(&case);
                    let (m, n) = t.a.shape();
                    let qr = f(&t.a).expect("independent columns");
                    let (dq, dr, da) = (to_dmatrix(&qr.q), to_dmatrix(&qr.r), to_dmatrix(&t.a));
                    back8 = back8.max(fro(&(&da - &dq * &dr)) / (tol::gram_schmidt_backward(m, n) / tol::C * fro(&da)));
                    for j in 0..n {
                        smallest8 = smallest8.min(qr.r[(j, j)] / tol::norm2(&t.a.column(j)));
                    }
                }
                println!("  classical on κ ≤ 10⁸: A = QR {back8:.3}, smallest r_kk/‖a_k‖ {smallest8:.2e}");
            }
            // The remainder of a dependent column, relative to its length, just before the test.
            let mut largest_refused = 0.0_f64;
            for _ in 0..cases {
                let case = random_dependent(&mut rng);
                let a = rows_matrix(&case.inputs());
                let p = dependent_column(&case);
                let cols: Vec<Vec<f64>> = (0..p).map(|j| a.column(j)).collect();
                let before = Matrix::from_columns(&cols);
                let q = if p == 0 { Matrix::zeros(a.nrows(), 0) } else { f(&before).expect("independent").q };
                let a_p = a.column(p);
                let remainder = remainder_after(v, &q, &a_p);
                let len = tol::norm2(&a_p);
                if len > 0.0 {
                    largest_refused = largest_refused.max(remainder / len);
                }
            }
            println!("lesson 7 calibration, {label} Gram–Schmidt, over {cases} cases (error / bound without C):");
            println!("  A = QR:             {back:.3}");
            println!("  orthogonality:      {orth:.3}");
            println!("  unit columns:       {unit_len:.3}");
            println!("  span (κ ≤ 10³):     {span:.3}");
            println!("  R vs nalgebra:      {rf:.3}");
            println!(
                "  smallest r_kk/‖a_k‖ accepted (κ ≤ {:.0e}): {smallest_accepted:.2e}",
                match v {
                    Variant::Classical => KAPPA_CLASSICAL,
                    _ => KAPPA_MAX,
                }
            );
            println!("  largest remainder/‖a_p‖ of a dependent column: {largest_refused:.2e}");
        }
        let (mut proj, mut comp, mut loss) = (0.0_f64, 0.0_f64, 0.0_f64);
        for _ in 0..cases {
            let case = random_basis(&mut rng, &BASIS, &[0, 1, 2], 0);
            let (q, b) = basis_parts(&case);
            let want = projection_truth(&q, &b);
            let got = sol::projection::project_onto_subspace(&q, &b).unwrap();
            let scale = tol::projection(q.nrows(), q.ncols()) / tol::C * tol::norm2(&b);
            if scale > 0.0 {
                proj = proj.max(tol::distance(&got, &want) / scale);
            }
            let case = random_basis(&mut rng, &COMPLEMENT, &[0, 1, 2], 0);
            let (q, _) = basis_parts(&case);
            let cm = sol::complement::orthogonal_complement(&q).unwrap();
            let (dq, dc) = (to_dmatrix(&q), to_dmatrix(&cm));
            let m = q.nrows();
            let worst = loss_of(&dc)
                .max(fro(&(dq.transpose() * &dc)))
                .max(fro(&(&dq * dq.transpose() + &dc * dc.transpose() - DMatrix::identity(m, m))));
            comp = comp.max(worst / (tol::complement(m) / tol::C));
            let case = random_q(&mut rng);
            let qq = q_of(&case);
            let d = to_dmatrix(&qq);
            let want = loss_of(&d);
            let got = sol::orthonormality::orthonormality_loss(&qq);
            let size = fro(&d);
            let (m, k) = qq.shape();
            let bound = tol::orthonormality(m, k) / tol::C * (size * size + want);
            loss = loss.max((got - want).abs() / bound);
        }
        println!("  projection:         {proj:.3}");
        println!("  complement:         {comp:.3}");
        println!("  orthonormality:     {loss:.3}");
    }

    /// What is left of a_p after one (classical, modified) or two (twice)
    /// projection passes onto the orthonormal columns q: ‖v‖.
    fn remainder_after(v: Variant, q: &Matrix, a_p: &[f64]) -> f64 {
        let mut w = a_p.to_vec();
        let passes = if v == Variant::Twice { 2 } else { 1 };
        for _ in 0..passes {
            let start = w.clone();
            for j in 0..q.ncols() {
                let qj = q.column(j);
                let source = if v == Variant::Modified { &w } else { &start };
                let c: f64 = qj.iter().zip(source).map(|(x, y)| x * y).sum();
                for (wi, qi) in w.iter_mut().zip(&qj) {
                    *wi -= c * qi;
                }
            }
        }
        tol::norm2(&w)
    }
}
