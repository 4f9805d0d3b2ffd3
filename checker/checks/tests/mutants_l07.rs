//! Mutation suite for lesson 7 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small shrunk counterexample, and different but correct
//! implementations (variants: another loop order, another algorithm, a more
//! accurate algorithm than the one asked for) must pass.
//!
//! The three Gram–Schmidt exercises share one check with a different bound on
//! the loss of orthogonality, so the tables also submit each algorithm for
//! the others: the classical algorithm must fail the modified exercise, the
//! modified one the exercise on two passes, and every more accurate algorithm
//! must pass a less demanding exercise.
//!
//! Each exercise is one table: `(name, report, expectation)`. Run with
//! `--nocapture` to see every row with its counterexample.

use checks::l07;
use vocab::{LinalgError, Matrix, Qr};

use solutions::l01::add_vectors::{add, sub};
use solutions::l01::scale_vector::scale;
use solutions::l02::dot_product::dot;
use solutions::l02::projection::project_onto;
use solutions::l02::vector_norms::norm_l2;
use solutions::l07 as sol;

mod judge;
use judge::{Kill, Pass, judge};

fn columns(a: &Matrix) -> Vec<Vec<f64>> {
    (0..a.ncols()).map(|j| a.column(j)).collect()
}

fn mismatch(expected: usize, found: usize) -> LinalgError {
    LinalgError::DimensionMismatch { expected, found }
}

// ---------------------------------------------------------------- orthonormality

type Loss = fn(&Matrix) -> f64;

/// The entries of QᵀQ − I, (i, j) for every pair, and a way to combine them.
fn gram_minus_identity(q: &Matrix) -> Vec<Vec<f64>> {
    let c = columns(q);
    let k = c.len();
    (0..k).map(|i| (0..k).map(|j| dot(&c[i], &c[j]) - if i == j { 1.0 } else { 0.0 }).collect()).collect()
}

/// Variant: the upper triangle once, the off-diagonal entries counted twice.
fn loss_symmetric(q: &Matrix) -> f64 {
    let e = gram_minus_identity(q);
    let mut sum = 0.0;
    for (i, row) in e.iter().enumerate() {
        sum += row[i] * row[i];
        for x in &row[i + 1..] {
            sum += 2.0 * x * x;
        }
    }
    sum.sqrt()
}

/// Variant: the plain square root of the sum of squares (no scaling).
fn loss_plain(q: &Matrix) -> f64 {
    gram_minus_identity(q).iter().flatten().map(|x| x * x).sum::<f64>().sqrt()
}

/// Bug: ‖QᵀQ‖_F, the identity never subtracted.
fn loss_no_identity(q: &Matrix) -> f64 {
    let c = columns(q);
    let all: Vec<f64> = c.iter().flat_map(|x| c.iter().map(move |y| dot(x, y))).collect();
    norm_l2(&all)
}

/// Bug: QQᵀ − I_m, the rows dotted instead of the columns.
fn loss_rows(q: &Matrix) -> f64 {
    let m = q.nrows();
    let all: Vec<f64> =
        (0..m).flat_map(|i| (0..m).map(move |j| dot(q.row(i), q.row(j)) - if i == j { 1.0 } else { 0.0 })).collect();
    norm_l2(&all)
}

/// Bug: only the lengths are measured, √Σ(‖q_i‖² − 1)².
fn loss_diagonal_only(q: &Matrix) -> f64 {
    let e = gram_minus_identity(q);
    norm_l2(&(0..e.len()).map(|i| e[i][i]).collect::<Vec<_>>())
}

/// Bug: the square of the Frobenius norm.
fn loss_squared(q: &Matrix) -> f64 {
    gram_minus_identity(q).iter().flatten().map(|x| x * x).sum()
}

/// Bug: the largest entry instead of the Frobenius norm.
fn loss_max_entry(q: &Matrix) -> f64 {
    gram_minus_identity(q).iter().flatten().fold(0.0, |m: f64, x| m.max(x.abs()))
}

/// Bug: the upper triangle (i ≤ j) only, each off-diagonal entry counted once.
fn loss_upper_only(q: &Matrix) -> f64 {
    let e = gram_minus_identity(q);
    let upper: Vec<f64> = (0..e.len()).flat_map(|i| e[i][i..].to_vec()).collect();
    norm_l2(&upper)
}

#[test]
fn orthonormality() {
    let check = |f: Loss| l07::orthonormality(f);
    let law = "matches_frobenius_norm";
    judge(
        "orthonormality",
        vec![
            ("reference", check(sol::orthonormality::orthonormality_loss), Pass),
            ("upper triangle, off-diagonal doubled", check(loss_symmetric), Pass),
            ("plain square root of the sum of squares", check(loss_plain), Pass),
            ("‖QᵀQ‖ (no −I)", check(loss_no_identity), Kill(law, 2)),
            ("‖QQᵀ − I‖ (rows)", check(loss_rows), Kill(law, 2)),
            ("lengths only", check(loss_diagonal_only), Kill(law, 4)),
            ("squared", check(loss_squared), Kill(law, 2)),
            ("largest entry", check(loss_max_entry), Kill(law, 4)),
            ("upper triangle only", check(loss_upper_only), Kill(law, 4)),
        ],
    );
}

// ---------------------------------------------------------------- Gram–Schmidt

/// Which algorithm a configurable Gram–Schmidt runs.
#[derive(Clone, Copy, PartialEq)]
enum Alg {
    Classical,
    Modified,
    Twice,
    /// Modified Gram–Schmidt, twice per column.
    ModifiedTwice,
}

/// How it goes wrong.
#[derive(Clone, Copy, PartialEq)]
enum Bug {
    None,
    /// v ← v + r_jk q_j.
    WrongSign,
    /// q_k = a_k/‖a_k‖ first, then the projections are subtracted from q_k and it is never normalised again.
    NormaliseFirst,
    /// q_k = v, never normalised (r_kk still ‖v‖).
    NoNormalise,
    /// Returns Rᵀ.
    TransposedR,
    /// Refuses only r_kk == 0.0.
    ExactZero,
    /// Refuses r_kk < 1e-10, an absolute tolerance.
    AbsoluteTolerance,
    /// ‖v‖ as √(v·v), which overflows at 2^600.
    NaiveNorm,
    /// Modified subtraction, but R keeps the classical coefficients q_j·a_k.
    ClassicalR,
    /// Twice: `r_jk = c` in each pass instead of `+=`: the second pass, whose
    /// coefficients are rounding-size, overwrites the first.
    Overwrite,
    /// Twice: the second pass takes its coefficients from a_k again.
    SecondFromA,
    /// R = QᵀA in full at the end (rounding noise below the diagonal).
    FullQtA,
    /// Refuses n > m with Err(Empty).
    WideIsEmpty,
}

fn gs(a: &Matrix, alg: Alg, bug: Bug) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(if bug == Bug::WideIsEmpty { LinalgError::Empty } else { mismatch(m, n) });
    }
    let norm = |v: &[f64]| if bug == Bug::NaiveNorm { dot(v, v).sqrt() } else { norm_l2(v) };
    let passes = if matches!(alg, Alg::Twice | Alg::ModifiedTwice) { 2 } else { 1 };
    let mut qs: Vec<Vec<f64>> = Vec::with_capacity(n);
    let mut r = Matrix::zeros(n, n);
    for k in 0..n {
        let a_k = a.column(k);
        let mut v = if bug == Bug::NormaliseFirst { scale(1.0 / norm(&a_k), &a_k) } else { a_k.clone() };
        for pass in 0..passes {
            let start = v.clone();
            for (j, q_j) in qs.iter().enumerate() {
                let source = match alg {
                    Alg::Modified | Alg::ModifiedTwice => &v,
                    _ if bug == Bug::SecondFromA && pass == 1 => &a_k,
                    _ => &start,
                };
                let c = dot(q_j, source);
                let stored = if bug == Bug::ClassicalR { dot(q_j, &a_k) } else { c };
                if bug == Bug::Overwrite {
                    r[(j, k)] = stored;
                } else {
                    r[(j, k)] += stored;
                }
                v = if bug == Bug::WrongSign { add(&v, &scale(c, q_j)) } else { sub(&v, &scale(c, q_j)) };
            }
        }
        let r_kk = norm(&v);
        let refuse = match bug {
            Bug::ExactZero => r_kk == 0.0,
            Bug::AbsoluteTolerance => r_kk < 1e-10,
            _ => r_kk <= 1e-10 * norm(&a_k),
        };
        if refuse {
            return Err(LinalgError::Singular { column: k });
        }
        r[(k, k)] = r_kk;
        qs.push(match bug {
            Bug::NormaliseFirst | Bug::NoNormalise => v,
            _ => scale(1.0 / r_kk, &v),
        });
    }
    let q = Matrix::from_columns(&qs);
    if bug == Bug::FullQtA {
        r = Matrix::from_fn(n, n, |i, j| dot(&qs[i], &a.column(j)));
    }
    if bug == Bug::TransposedR {
        r = Matrix::from_fn(n, n, |i, j| r[(j, i)]);
    }
    Ok(Qr { q, r })
}

/// Householder QR, thin, with R's diagonal made positive (`positive`) or as
/// the reflectors leave it (negative where a_kk > 0).
fn householder(a: &Matrix, positive: bool) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(mismatch(m, n));
    }
    let mut w = a.clone();
    let mut reflectors = Vec::new();
    for k in 0..n {
        let x: Vec<f64> = (k..m).map(|i| w[(i, k)]).collect();
        let size = norm_l2(&x);
        if size <= 1e-10 * norm_l2(&a.column(k)) {
            return Err(LinalgError::Singular { column: k });
        }
        let alpha = if x[0] >= 0.0 { -size } else { size };
        let mut v = x;
        v[0] -= alpha;
        // A unit v, so that nothing is squared: H = I − 2vvᵀ.
        let v = scale(1.0 / norm_l2(&v), &v);
        for j in k..n {
            let s = 2.0 * (k..m).map(|i| v[i - k] * w[(i, j)]).sum::<f64>();
            for i in k..m {
                w[(i, j)] -= s * v[i - k];
            }
        }
        reflectors.push((k, v));
    }
    // Q = H_0 ⋯ H_(n−1) applied to the first n columns of I.
    let mut q = Matrix::from_fn(m, n, |i, j| if i == j { 1.0 } else { 0.0 });
    for (k, v) in reflectors.iter().rev() {
        for j in 0..n {
            let s = 2.0 * (*k..m).map(|i| v[i - k] * q[(i, j)]).sum::<f64>();
            for i in *k..m {
                q[(i, j)] -= s * v[i - k];
            }
        }
    }
    let mut r = Matrix::from_fn(n, n, |i, j| if j >= i { w[(i, j)] } else { 0.0 });
    if positive {
        for k in 0..n {
            if r[(k, k)] < 0.0 {
                for j in 0..n {
                    r[(k, j)] = -r[(k, j)];
                }
                for i in 0..m {
                    q[(i, k)] = -q[(i, k)];
                }
            }
        }
    }
    Ok(Qr { q, r })
}

/// Variant: row-oriented (right-looking) modified Gram–Schmidt: as soon as
/// q_k is known, its projection leaves every later column.
fn mgs_by_rows(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(mismatch(m, n));
    }
    let mut vs = columns(a);
    let norms: Vec<f64> = vs.iter().map(|v| norm_l2(v)).collect();
    let mut r = Matrix::zeros(n, n);
    for k in 0..n {
        let r_kk = norm_l2(&vs[k]);
        if r_kk <= 1e-10 * norms[k] {
            return Err(LinalgError::Singular { column: k });
        }
        r[(k, k)] = r_kk;
        let q_k: Vec<f64> = vs[k].iter().map(|x| x / r_kk).collect();
        for j in k + 1..n {
            let c = dot(&q_k, &vs[j]);
            r[(k, j)] = c;
            vs[j] = sub(&vs[j], &scale(c, &q_k));
        }
        vs[k] = q_k;
    }
    Ok(Qr { q: Matrix::from_columns(&vs), r })
}

/// Variant: classical, with all coefficients first (Qᵀa_k), then one
/// subtraction of Q·(Qᵀa_k), and q_k = v / r_kk by division.
fn cgs_blocked(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(mismatch(m, n));
    }
    let mut qs: Vec<Vec<f64>> = Vec::new();
    let mut r = Matrix::zeros(n, n);
    for k in 0..n {
        let a_k = a.column(k);
        let coefficients: Vec<f64> = qs.iter().map(|q| dot(q, &a_k)).collect();
        let mut along = vec![0.0; m];
        for (j, (c, q)) in coefficients.iter().zip(&qs).enumerate() {
            r[(j, k)] = *c;
            along = add(&along, &scale(*c, q));
        }
        let v = sub(&a_k, &along);
        let r_kk = norm_l2(&v);
        if r_kk <= 1e-10 * norm_l2(&a_k) {
            return Err(LinalgError::Singular { column: k });
        }
        r[(k, k)] = r_kk;
        qs.push(v.iter().map(|x| x / r_kk).collect());
    }
    Ok(Qr { q: Matrix::from_columns(&qs), r })
}

macro_rules! gs_fns {
    ($($name:ident = $alg:ident, $bug:ident;)*) => {
        $(fn $name(a: &Matrix) -> Result<Qr, LinalgError> { gs(a, Alg::$alg, Bug::$bug) })*
    };
}

gs_fns! {
    cgs = Classical, None;
    mgs = Modified, None;
    cgs2 = Twice, None;
    mgs2 = ModifiedTwice, None;
    cgs_wrong_sign = Classical, WrongSign;
    cgs_normalise_first = Classical, NormaliseFirst;
    cgs_no_normalise = Classical, NoNormalise;
    cgs_transposed_r = Classical, TransposedR;
    cgs_exact_zero = Classical, ExactZero;
    cgs_absolute_tolerance = Classical, AbsoluteTolerance;
    cgs_naive_norm = Classical, NaiveNorm;
    cgs_full_qta = Classical, FullQtA;
    cgs_wide_is_empty = Classical, WideIsEmpty;
    mgs_wrong_sign = Modified, WrongSign;
    mgs_classical_r = Modified, ClassicalR;
    mgs_exact_zero = Modified, ExactZero;
    mgs_transposed_r = Modified, TransposedR;
    cgs2_overwrite = Twice, Overwrite;
    cgs2_second_from_a = Twice, SecondFromA;
    cgs2_no_normalise = Twice, NoNormalise;
    cgs2_exact_zero = Twice, ExactZero;
}

fn householder_positive(a: &Matrix) -> Result<Qr, LinalgError> {
    householder(a, true)
}

fn householder_raw(a: &Matrix) -> Result<Qr, LinalgError> {
    householder(a, false)
}

#[test]
fn classical_gram_schmidt() {
    let check = l07::classical_gram_schmidt;
    let factors = "factors_well_conditioned";
    judge(
        "classical_gram_schmidt",
        vec![
            ("reference", check(sol::classical::classical_gram_schmidt), Pass),
            ("all coefficients first, division by r_kk", check(cgs_blocked), Pass),
            ("modified (more accurate)", check(mgs), Pass),
            ("Householder, diagonal made positive", check(householder_positive), Pass),
            ("v + r·q (wrong sign)", check(cgs_wrong_sign), Kill(factors, 4)),
            ("normalised before subtracting", check(cgs_normalise_first), Kill(factors, 4)),
            ("never normalised", check(cgs_no_normalise), Kill(factors, 1)),
            ("returns Rᵀ", check(cgs_transposed_r), Kill(factors, 4)),
            ("R = QᵀA in full", check(cgs_full_qta), Kill(factors, 6)),
            ("Householder, negative diagonal", check(householder_raw), Kill(factors, 1)),
            ("only r_kk == 0.0 refused", check(cgs_exact_zero), Kill("refuses_dependent_columns", 8)),
            ("absolute tolerance 1e-10", check(cgs_absolute_tolerance), Kill("any_scale", 1)),
            ("√(v·v) overflows", check(cgs_naive_norm), Kill("any_scale", 1)),
            ("wide refused as Empty", check(cgs_wide_is_empty), Kill("refuses_bad_input", 6)),
        ],
    );
}

#[test]
fn modified_gram_schmidt() {
    let check = l07::modified_gram_schmidt;
    let orthogonality = "orthogonality_within_u_kappa";
    judge(
        "modified_gram_schmidt",
        vec![
            ("reference", check(sol::modified::modified_gram_schmidt), Pass),
            ("row-oriented", check(mgs_by_rows), Pass),
            ("twice (more accurate)", check(cgs2), Pass),
            ("Householder, diagonal made positive", check(householder_positive), Pass),
            ("classical submitted", check(cgs), Kill(orthogonality, 20)),
            ("R keeps the classical coefficients", check(mgs_classical_r), Kill(orthogonality, 20)),
            ("v + r·q (wrong sign)", check(mgs_wrong_sign), Kill("factors_well_conditioned", 4)),
            ("returns Rᵀ", check(mgs_transposed_r), Kill("factors_well_conditioned", 4)),
            ("only r_kk == 0.0 refused", check(mgs_exact_zero), Kill("refuses_dependent_columns", 8)),
        ],
    );
}

#[test]
fn gram_schmidt_twice() {
    let check = l07::gram_schmidt_twice;
    let orthogonality = "orthogonal_to_rounding";
    judge(
        "gram_schmidt_twice",
        vec![
            ("reference", check(sol::reorthogonalization::gram_schmidt_twice), Pass),
            ("modified, twice", check(mgs2), Pass),
            ("Householder, diagonal made positive", check(householder_positive), Pass),
            ("one pass (classical)", check(cgs), Kill(orthogonality, 20)),
            ("modified submitted", check(mgs), Kill(orthogonality, 20)),
            ("r_jk = c, not +=, in each pass", check(cgs2_overwrite), Kill("factors_well_conditioned", 4)),
            ("second pass from a_k again", check(cgs2_second_from_a), Kill("factors_well_conditioned", 6)),
            ("never normalised", check(cgs2_no_normalise), Kill("factors_well_conditioned", 1)),
            ("only r_kk == 0.0 refused", check(cgs2_exact_zero), Kill("refuses_dependent_columns", 8)),
        ],
    );
}

// ---------------------------------------------------------------- subspace_projection

type Project = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

fn checked(q: &Matrix, b: &[f64]) -> Result<(), LinalgError> {
    if b.len() != q.nrows() { Err(mismatch(q.nrows(), b.len())) } else { Ok(()) }
}

/// Variant: subtract the projections from b one at a time (modified
/// Gram–Schmidt on b), and return b minus what is left.
fn project_by_subtraction(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    checked(q, b)?;
    let mut v = b.to_vec();
    for q_j in columns(q) {
        v = sub(&v, &scale(dot(&q_j, &v), &q_j));
    }
    Ok(sub(b, &v))
}

/// Variant: lesson 2's projection onto each column, summed (it divides by q_j·q_j ≈ 1).
fn project_by_lines(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    checked(q, b)?;
    let mut p = vec![0.0; b.len()];
    for q_j in columns(q) {
        p = add(&p, &project_onto(b, &q_j).map_err(|_| LinalgError::ZeroVector)?);
    }
    Ok(p)
}

/// Variant: the coordinates c = Qᵀb first, then Q·c row by row.
fn project_by_coordinates(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    checked(q, b)?;
    let c: Vec<f64> = columns(q).iter().map(|q_j| dot(q_j, b)).collect();
    Ok(q.rows().map(|row| dot(row, &c)).collect())
}

/// Bug: returns the coordinates Qᵀb.
fn project_coordinates_only(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    checked(q, b)?;
    Ok(columns(q).iter().map(|q_j| dot(q_j, b)).collect())
}

/// Bug: returns the residual b − QQᵀb.
fn project_residual(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    Ok(sub(b, &sol::projection::project_onto_subspace(q, b)?))
}

/// Bug: only the first column.
fn project_first_column(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    checked(q, b)?;
    Ok(match columns(q).first() {
        Some(q_0) => scale(dot(q_0, b), q_0),
        None => vec![0.0; b.len()],
    })
}

/// Bug: no length check (`dot` zips and stops at the shorter vector).
fn project_unchecked(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let mut p = vec![0.0; q.nrows()];
    for q_j in columns(q) {
        p = add(&p, &scale(dot(&q_j, b), &q_j));
    }
    Ok(p)
}

/// Bug: the sign of every second coordinate flipped (q_j·b written as b·q_j
/// with one operand negated, say).
fn project_alternating_sign(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    checked(q, b)?;
    let mut p = vec![0.0; b.len()];
    for (j, q_j) in columns(q).iter().enumerate() {
        let c = dot(q_j, b) * if j % 2 == 1 { -1.0 } else { 1.0 };
        p = add(&p, &scale(c, q_j));
    }
    Ok(p)
}

#[test]
fn subspace_projection() {
    let check = |f: Project| l07::subspace_projection(f);
    let projector = "matches_projector";
    judge(
        "subspace_projection",
        vec![
            ("reference", check(sol::projection::project_onto_subspace), Pass),
            ("subtract one projection at a time", check(project_by_subtraction), Pass),
            ("lesson 2's projection per column", check(project_by_lines), Pass),
            ("coordinates first, then Q·c", check(project_by_coordinates), Pass),
            ("returns Qᵀb", check(project_coordinates_only), Kill(projector, 3)),
            ("returns the residual", check(project_residual), Kill(projector, 2)),
            ("first column only", check(project_first_column), Kill(projector, 6)),
            ("sign flipped on every second column", check(project_alternating_sign), Kill(projector, 6)),
            ("no length check", check(project_unchecked), Kill("refuses_wrong_length", 8)),
        ],
    );
}

// ---------------------------------------------------------------- orthogonal_complement

type Complement = fn(&Matrix) -> Result<Matrix, LinalgError>;

/// How a configurable complement goes wrong.
#[derive(Clone, Copy, PartialEq)]
enum Pick {
    /// The longest remainder (first on ties), two projections.
    Longest,
    /// The longest remainder, last on ties.
    LongestLastTie,
    /// The longest remainder, one projection only.
    LongestOnePass,
    /// The first e_i whose remainder exceeds 1/(2√m), in order.
    FirstAboveThreshold,
    /// Bug: e_0, e_1, … in order, whatever the remainder.
    InOrder,
    /// Bug: against Q only, not against the vectors already found.
    AgainstQOnly,
    /// Bug: against the vectors found only, not against Q.
    AgainstFoundOnly,
    /// Bug: the remainder is kept unnormalised.
    NoNormalise,
    /// Bug: k > m is not refused.
    NoShapeCheck,
}

fn complement_with(q: &Matrix, pick: Pick) -> Result<Matrix, LinalgError> {
    let (m, k) = q.shape();
    if k > m && pick != Pick::NoShapeCheck {
        return Err(mismatch(m, k));
    }
    let qs = columns(q);
    let mut found: Vec<Vec<f64>> = Vec::new();
    let mut used = vec![false; m];
    let steps = m.saturating_sub(k);
    for _ in 0..steps {
        let basis: Vec<Vec<f64>> = match pick {
            Pick::AgainstQOnly => qs.clone(),
            Pick::AgainstFoundOnly => found.clone(),
            _ => qs.iter().chain(&found).cloned().collect(),
        };
        let b = Matrix::from_fn(m, basis.len(), |i, j| basis[j][i]);
        let passes = if pick == Pick::LongestOnePass { 1 } else { 2 };
        let mut best: Option<(usize, Vec<f64>, f64)> = None;
        for i in (0..m).filter(|&i| !used[i]) {
            let mut w = vec![0.0; m];
            w[i] = 1.0;
            for _ in 0..passes {
                w = sub(&w, &sol::projection::project_onto_subspace(&b, &w)?);
            }
            let length = norm_l2(&w);
            let better = match (&best, pick) {
                (None, _) => true,
                (Some(_), Pick::InOrder) => false,
                (Some((_, _, l)), Pick::FirstAboveThreshold) => {
                    *l <= 0.5 / (m as f64).sqrt() && length > 0.5 / (m as f64).sqrt()
                }
                (Some((_, _, l)), Pick::LongestLastTie) => length >= *l,
                (Some((_, _, l)), _) => length > *l,
            };
            if better {
                best = Some((i, w, length));
            }
        }
        let Some((i, w, length)) = best else { break };
        used[i] = true;
        found.push(if pick == Pick::NoNormalise { w } else { scale(1.0 / length, &w) });
    }
    Ok(Matrix::from_fn(m, found.len(), |i, j| found[j][i]))
}

macro_rules! complement_fns {
    ($($name:ident = $pick:ident;)*) => {
        $(fn $name(q: &Matrix) -> Result<Matrix, LinalgError> { complement_with(q, Pick::$pick) })*
    };
}

complement_fns! {
    complement_last_tie = LongestLastTie;
    complement_one_pass = LongestOnePass;
    complement_threshold = FirstAboveThreshold;
    complement_in_order = InOrder;
    complement_against_q_only = AgainstQOnly;
    complement_against_found_only = AgainstFoundOnly;
    complement_no_normalise = NoNormalise;
    complement_no_shape_check = NoShapeCheck;
}

/// Bug: all m vectors e_i projected and normalised where possible, an m×m result.
fn complement_square(q: &Matrix) -> Result<Matrix, LinalgError> {
    let (m, k) = q.shape();
    if k > m {
        return Err(mismatch(m, k));
    }
    let full = complement_with(&Matrix::zeros(m, 0), Pick::Longest)?;
    let c = complement_with(q, Pick::Longest)?;
    Ok(Matrix::from_fn(m, m, |i, j| if j < c.ncols() { c[(i, j)] } else { full[(i, j)] }))
}

#[test]
fn orthogonal_complement() {
    let check = |f: Complement| l07::orthogonal_complement(f);
    let random = "complements_random_subspaces";
    judge(
        "orthogonal_complement",
        vec![
            ("reference", check(sol::complement::orthogonal_complement), Pass),
            ("longest, last on ties", check(complement_last_tie), Pass),
            ("longest, one projection", check(complement_one_pass), Pass),
            ("first remainder above 1/(2√m)", check(complement_threshold), Pass),
            ("e_i in order", check(complement_in_order), Kill("standard_basis_vectors_in_the_subspace", 2)),
            ("against Q only", check(complement_against_q_only), Kill(random, 3)),
            ("against the found vectors only", check(complement_against_found_only), Kill(random, 2)),
            ("never normalised", check(complement_no_normalise), Kill(random, 2)),
            ("m×m result", check(complement_square), Kill(random, 1)),
            ("k > m not refused", check(complement_no_shape_check), Kill("refuses_too_many_columns", 6)),
        ],
    );
}
