//! Checks for lesson 9: eigenvalues and eigenvectors.
//!
//! Eigenvectors are not unique (any nonzero multiple, any basis of an
//! eigenspace), so vectors are judged by residuals, orthonormality,
//! A ≈ VΛVᵀ and, where the gap allows, by the projector vvᵀ; only
//! eigenvalues, powers Aᵏ and stationary distributions are compared with a
//! reference. Exact references come from generators: S unimodular (integer,
//! det ±1, so S⁻¹ is an integer matrix too) and A = S·diag(d)·S⁻¹ with
//! integer d, or a rotation-scaling block (a, −b; b, a) for the complex pair
//! a ± ib. Such an A is an integer matrix whose eigenvalues are known
//! exactly, and for a 2×2 integer matrix trace, determinant and discriminant
//! are exact in floating point: each eigenvalue, the tiny one included, is
//! then judged to a few units in its last place, which is what tells the
//! stable formula from the school one. The rest is compared with nalgebra
//! (symmetric eigenvalues through `SymmetricEigen::try_new` with an
//! iteration cap, LU solves), within bounds scaled by size, norm,
//! eigenvalue gap and κ₂ (see `tol.rs`, lesson 9).

use nalgebra::{DMatrix, DVector, SymmetricEigen};
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{Eigenvalues2, LinalgError, Matrix, SymEig};

use crate::cases::{Case, Spec, build_scaled};
use crate::compare::scalar_close;
use crate::convert::{frobenius, matrix_of, ours, rows_matrix};
use crate::harness::{Checker, Fixed, Miss, accepted, call, refused};
use crate::subspace::{self, to_dmatrix};
use crate::{draw, pretty, tol};

// ---------------------------------------------------------------- helpers

fn refuses_with<T: 'static>(
    function: &'static str,
    show: String,
    literal: String,
    run: impl Fn() -> Result<T, LinalgError> + 'static,
    want: LinalgError,
    show_ok: fn(&T) -> String,
) -> Fixed<'static> {
    Fixed::new(show, literal, move || {
        let got = call(function, &run)?;
        refused(function, &got, &want, show_ok)
    })
}

/// A = S·diag(d)·S⁻¹ with S unimodular (entries of L and U in [−r, r]):
/// an integer matrix with eigenvalues exactly d, eigenvectors the columns of S.
fn similar(rng: &mut TestRng, d: &[f64], r: i64) -> (DMatrix<f64>, DMatrix<f64>) {
    let n = d.len();
    let s = draw::unimodular(rng, n, r);
    let inv = draw::integer_inverse(&s);
    let a = &s * DMatrix::from_diagonal(&DVector::from_column_slice(d)) * inv;
    (a, s)
}

/// n distinct nonzero integers in [−9, 9], moduli separated by at least 1.
fn separated(rng: &mut TestRng, n: usize) -> Vec<f64> {
    loop {
        let d: Vec<f64> = (0..n).map(|_| draw::int(rng, -9, 9)).collect();
        let ok = d.iter().all(|x| *x != 0.0) && (0..n).all(|i| (0..i).all(|j| (d[i].abs() - d[j].abs()).abs() >= 1.0));
        if ok {
            return d;
        }
    }
}

// ---------------------------------------------------------------- eigenvalues_2x2

/// The signature of `eigenvalues_2x2`.
pub type Eig2Fn = fn(&Matrix) -> Result<Eigenvalues2, LinalgError>;

fn show_a(c: &Case) -> String {
    format!("{}{}", pretty::named_matrices(&[("A", &rows_matrix(&c.inputs()))]), c.scale_note())
}

fn literal_a(c: &Case) -> String {
    pretty::matrix_literal("a", &rows_matrix(&c.inputs()))
}

fn two_by_two(c: &Case) -> bool {
    c.rows.len() == 2 && c.rows.iter().all(|r| r.len() == 2) && c.rows.iter().flatten().all(|x| x.is_finite())
}

/// Integer entries small enough that t, det and t² − 4det are exact in f64.
fn exact_2x2(c: &Case) -> bool {
    two_by_two(c) && integer_truth(&rows_matrix(&c.rows)).is_some()
}

/// Any finite 2×2 (× 2^exp).
static MAT2: Spec = Spec {
    min_rows: 2,
    min_cols: 2,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_a,
    literal: literal_a,
    valid: two_by_two,
};

/// An integer 2×2 (× 2^exp) with exactly known eigenvalues.
static INT2: Spec = Spec { valid: exact_2x2, ..MAT2 };

fn show_eig2(e: &Eigenvalues2) -> String {
    match *e {
        Eigenvalues2::Real(a, b) => format!("Real({}, {})", pretty::number(a), pretty::number(b)),
        Eigenvalues2::Complex { re, im } => {
            format!("Complex {{ re: {}, im: {} }}", pretty::number(re), pretty::number(im))
        }
    }
}

/// The eigenvalues of an integer 2×2 matrix, each to about 1.5 ulp: t, det
/// and D = t² − 4det in i128 (exact), then √D (correctly rounded), the
/// larger root by an addition of like signs, the smaller by Vieta.
fn integer_truth(a: &Matrix) -> Option<Eigenvalues2> {
    let e: Vec<f64> = a.as_slice().to_vec();
    if e.len() != 4 || e.iter().any(|x| x.fract() != 0.0 || x.abs() > 2f64.powi(24)) {
        return None;
    }
    let [p, q, r, s] = [e[0] as i128, e[1] as i128, e[2] as i128, e[3] as i128];
    let t = p + s;
    let det = p * s - q * r;
    let disc = t * t - 4 * det;
    let limit = 1i128 << 52;
    if disc.abs() >= limit || t.abs() >= limit || det.abs() >= limit {
        return None;
    }
    if disc < 0 {
        return Some(Eigenvalues2::Complex { re: t as f64 / 2.0, im: ((-disc) as f64).sqrt() / 2.0 });
    }
    let root = (disc as f64).sqrt();
    let big = (t as f64 + if t < 0 { -root } else { root }) / 2.0;
    let small = if big == 0.0 { 0.0 } else { det as f64 / big };
    Some(if big >= small { Eigenvalues2::Real(big, small) } else { Eigenvalues2::Real(small, big) })
}

fn scale_eig2(e: Eigenvalues2, exp: i32) -> Eigenvalues2 {
    match e {
        Eigenvalues2::Real(a, b) => Eigenvalues2::Real(tol::scale2(a, exp), tol::scale2(b, exp)),
        Eigenvalues2::Complex { re, im } => {
            Eigenvalues2::Complex { re: tol::scale2(re, exp), im: tol::scale2(im, exp) }
        }
    }
}

fn eig2_finite(got: &Eigenvalues2) -> bool {
    match *got {
        Eigenvalues2::Real(a, b) => a.is_finite() && b.is_finite(),
        Eigenvalues2::Complex { re, im } => re.is_finite() && im.is_finite(),
    }
}

/// The conventions every answer must follow: finite, l1 ≥ l2, im > 0.
fn check_eig2_form(got: &Eigenvalues2, expected: &str) -> Result<(), Miss> {
    let miss = |m: String| Miss::new(m).output(show_eig2(got)).expected(expected.to_string());
    if !eig2_finite(got) {
        return Err(miss(
            "`eigenvalues_2x2` returned NaN or infinity (when λ₁ = 0, t = d = 0 and both eigenvalues are 0: don't \
             compute d/λ₁ = 0/0)"
                .into(),
        ));
    }
    match *got {
        Eigenvalues2::Real(a, b) if a < b => Err(miss(format!(
            "Real({}, {}) has the smaller eigenvalue first: the convention is Real(l1, l2) with l1 ≥ l2",
            pretty::number(a),
            pretty::number(b)
        ))),
        Eigenvalues2::Complex { im, .. } if im <= 0.0 => Err(miss(format!(
            "Complex {{ im: {} }}: the pair is re ± i·im with im > 0 (a zero imaginary part is a real double root)",
            pretty::number(im)
        ))),
        _ => Ok(()),
    }
}

/// Each eigenvalue within `eig2_exact()` relative of the exact one.
fn check_eig2_exact(f: Eig2Fn, c: &Case) -> Result<(), Miss> {
    let base = rows_matrix(&c.rows);
    let want = scale_eig2(integer_truth(&base).expect("an exact case"), c.exp);
    let a = rows_matrix(&c.inputs());
    let expected = show_eig2(&want);
    let got = accepted("eigenvalues_2x2", call("eigenvalues_2x2", || f(&a))?, || expected.clone())?;
    check_eig2_form(&got, &expected)?;
    let miss = |m: String| Miss::new(m).output(show_eig2(&got)).expected(expected.clone());
    let pairs: Vec<(&str, f64, f64)> = match (got, want) {
        (Eigenvalues2::Real(a1, a2), Eigenvalues2::Real(b1, b2)) => vec![("λ₁", a1, b1), ("λ₂", a2, b2)],
        (Eigenvalues2::Complex { re, im }, Eigenvalues2::Complex { re: r2, im: i2 }) => {
            vec![("re", re, r2), ("im", im, i2)]
        }
        (Eigenvalues2::Real(..), _) => {
            return Err(miss(
                "the eigenvalues are a complex pair (Δ = (t/2)² − d < 0), but `eigenvalues_2x2` returned Real".into(),
            ));
        }
        _ => {
            return Err(miss(
                "the eigenvalues are real (Δ = (t/2)² − d ≥ 0), but `eigenvalues_2x2` returned Complex".into(),
            ));
        }
    };
    for (name, g, w) in pairs {
        let err = (g - w).abs();
        let bound = tol::eig2_exact() * w.abs();
        if tol::misses(err, bound) {
            return Err(miss(format!(
                "{name} = {} is off by {} (the exact value is {}): with integer entries t, d and Δ are exact, so only \
                 a formula that cancels (t/2 − √Δ for the smaller root, or t − λ₁) loses digits",
                pretty::number(g),
                pretty::number(err),
                pretty::number(w)
            ))
            .bound(format!("|{name} − exact| = {err:.2e}, allowed ≤ {bound:.2e} (a few units in the last place)")));
        }
    }
    Ok(())
}

/// Sum and product against trace and determinant, for any 2×2.
fn check_eig2_invariants(f: Eig2Fn, c: &Case) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let (p, q, r, s) = (a[(0, 0)], a[(0, 1)], a[(1, 0)], a[(1, 1)]);
    let t = p + s;
    let det = p * s - q * r;
    let half = t / 2.0;
    let m = (p * s).abs() + (q * r).abs() + half * half;
    let disc = half * half - det;
    let expected =
        format!("eigenvalues with sum tr A = {} and product det A = {}", pretty::number(t), pretty::number(det));
    let got = accepted("eigenvalues_2x2", call("eigenvalues_2x2", || f(&a))?, || expected.clone())?;
    check_eig2_form(&got, &expected)?;
    let miss = |msg: String| Miss::new(msg).output(show_eig2(&got)).expected(expected.clone());
    let g = tol::eig2_invariants();
    // The checker's own Δ carries an error of about u·m: only outside that is the kind decided.
    let clear = 4.0 * g * m;
    match got {
        Eigenvalues2::Real(l1, l2) => {
            if disc < -clear {
                return Err(miss(format!(
                    "Δ = (t/2)² − d = {} < 0, so the eigenvalues are a complex pair, but `eigenvalues_2x2` returned Real",
                    pretty::number(disc)
                )));
            }
            let sum_err = (l1 + l2 - t).abs();
            let sum_bound =
                g * (l1.abs() + l2.abs() + p.abs() + s.abs() + m / l1.abs().max(l2.abs()).max(f64::MIN_POSITIVE));
            if tol::misses(sum_err, sum_bound) {
                return Err(miss(format!("λ₁ + λ₂ = {} is not tr A = {}", pretty::number(l1 + l2), pretty::number(t)))
                    .bound(format!("|λ₁ + λ₂ − tr A| = {sum_err:.2e}, allowed ≤ {sum_bound:.2e}")));
            }
            let prod_err = (l1 * l2 - det).abs();
            let prod_bound = g * ((l1 * l2).abs() + m);
            if tol::misses(prod_err, prod_bound) {
                return Err(miss(format!(
                    "λ₁·λ₂ = {} is not det A = {}",
                    pretty::number(l1 * l2),
                    pretty::number(det)
                ))
                .bound(format!("|λ₁λ₂ − det A| = {prod_err:.2e}, allowed ≤ {prod_bound:.2e}")));
            }
        }
        Eigenvalues2::Complex { re, im } => {
            if disc > clear {
                return Err(miss(format!(
                    "Δ = (t/2)² − d = {} > 0, so the eigenvalues are real, but `eigenvalues_2x2` returned Complex",
                    pretty::number(disc)
                )));
            }
            let sum_err = (2.0 * re - t).abs();
            let sum_bound = g * (p.abs() + s.abs());
            if tol::misses(sum_err, sum_bound) {
                return Err(miss(format!(
                    "re = {} is not tr A / 2 = {}: the pair re ± i·im adds up to the trace",
                    pretty::number(re),
                    pretty::number(half)
                ))
                .bound(format!("|2re − tr A| = {sum_err:.2e}, allowed ≤ {sum_bound:.2e}")));
            }
            let prod = re * re + im * im;
            let prod_err = (prod - det).abs();
            let prod_bound = g * (prod + m);
            if tol::misses(prod_err, prod_bound) {
                return Err(miss(format!(
                    "re² + im² = {} is not det A = {}: (re + i·im)(re − i·im) is the determinant (im = √(−Δ), not −Δ)",
                    pretty::number(prod),
                    pretty::number(det)
                ))
                .bound(format!("|re² + im² − det A| = {prod_err:.2e}, allowed ≤ {prod_bound:.2e}")));
            }
        }
    }
    Ok(())
}

fn mat2_case(spec: &'static Spec, a: &DMatrix<f64>, exp: i32) -> Case {
    Case::new(spec, ours(a).to_rows(), vec![], exp)
}

/// Integer A = S·diag(d)·S⁻¹ (real, distinct or double) or S·(a, −b; b, a)·S⁻¹
/// (the pair a ± ib), S 2×2 unimodular.
fn random_exact_2x2(rng: &mut TestRng, exps: &[i32]) -> Case {
    loop {
        let s = draw::unimodular(rng, 2, 2);
        let inv = draw::integer_inverse(&s);
        let block = match draw::size(rng, 0, 5) {
            0 | 1 => {
                let (a, b) = (draw::int(rng, -6, 6), draw::int(rng, 1, 6) * draw::pick(rng, &[1.0, -1.0]));
                DMatrix::from_row_slice(2, 2, &[a, -b, b, a])
            }
            2 => {
                let x = draw::int(rng, -9, 9);
                DMatrix::from_row_slice(2, 2, &[x, 0.0, 0.0, x])
            }
            _ => DMatrix::from_row_slice(2, 2, &[draw::int(rng, -9, 9), 0.0, 0.0, draw::int(rng, -9, 9)]),
        };
        let a = &s * block * inv;
        let exp = if exps.is_empty() { 0 } else { draw::pick(rng, exps) };
        let case = mat2_case(&INT2, &a, exp);
        if exact_2x2(&case) {
            return case;
        }
    }
}

/// Integer A = S·C·S⁻¹ with C = (t, −d; 1, 0), the companion matrix of
/// λ² − tλ + d: |t| = m·10^k (k ∈ 3..=7), 1 ≤ |d| ≤ 9. The eigenvalues are
/// irrational (t² − 4d is almost never a square) and the small one, about
/// d/t, is where the school formula t/2 − √Δ cancels.
fn random_cancelling_2x2(rng: &mut TestRng) -> Case {
    loop {
        let t = draw::int(rng, 1, 3) * 10f64.powi(draw::size(rng, 3, 7) as i32) * draw::pick(rng, &[1.0, -1.0]);
        let d = draw::int(rng, 1, 9) * draw::pick(rng, &[1.0, -1.0]);
        let s = draw::unimodular(rng, 2, 1);
        let inv = draw::integer_inverse(&s);
        let a = &s * DMatrix::from_row_slice(2, 2, &[t, -d, 1.0, 0.0]) * inv;
        let case = mat2_case(&INT2, &a, 0);
        if exact_2x2(&case) {
            return case;
        }
    }
}

/// Any 2×2 with entries from `draw::entry`, × 2^e one time in three.
fn random_2x2(rng: &mut TestRng, exps: &[i32]) -> Case {
    let a = DMatrix::from_fn(2, 2, |_, _| draw::entry(rng));
    mat2_case(&MAT2, &a, if exps.is_empty() { 0 } else { draw::exponent(rng, exps) })
}

/// `eigenvalues_2x2` returns the two roots of λ² − tλ + d, real (larger
/// first) or a complex pair (im > 0), each to a few ulps when the entries
/// are integers (no cancellation), with sum tr A and product det A always.
pub fn eigenvalues_2x2(f: Eig2Fn) -> ExerciseReport {
    let mut c = Checker::new("eigenvalues_2x2");
    c.probe("eigenvalues_2x2", || f(&matrix_of(&[&[2.0, 1.0], &[1.0, 2.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let ex = |rows: &[&[f64]]| Case::new(&INT2, matrix_of(rows).to_rows(), vec![], 0);
    c.examples(
        "textbook_examples",
        "rows (2, 1), (1, 2): Real(3, 1); the rotation by 90°: ±i; a shear (double eigenvalue 1); the zero matrix; \
         a nilpotent (0, 1; 0, 0); diagonal (2, −3); negative trace; (10⁷, 1; −1, 0), whose small eigenvalue \
         ≈ 10⁻⁷ cancels in the school formula",
        vec![
            ex(&[&[2.0, 1.0], &[1.0, 2.0]]),
            ex(&[&[0.0, -1.0], &[1.0, 0.0]]),
            ex(&[&[1.0, 1.0], &[0.0, 1.0]]),
            ex(&[&[0.0, 0.0], &[0.0, 0.0]]),
            ex(&[&[0.0, 1.0], &[0.0, 0.0]]),
            ex(&[&[2.0, 0.0], &[0.0, -3.0]]),
            ex(&[&[-3.0, 1.0], &[0.0, -5.0]]),
            ex(&[&[1.0, 2.0], &[-2.0, 1.0]]),
            ex(&[&[1e7, 1.0], &[-1.0, 0.0]]),
            ex(&[&[4.0, -2.0], &[1.0, 1.0]]),
        ],
        |case| check_eig2_exact(f, case),
    );
    c.property(
        "sum_and_product",
        "any 2×2 (entries k, k/3, k/10, × 2^±200 sometimes): λ₁ + λ₂ = tr A and λ₁λ₂ = det A (2re = tr A and \
         re² + im² = det A for a pair), l1 ≥ l2, im > 0",
        |rng| random_2x2(rng, &[-200, 200]),
        |case| check_eig2_invariants(f, case),
    );
    c.property(
        "exact_eigenvalues",
        "integer A = S·diag(d)·S⁻¹ or S·(a, −b; b, a)·S⁻¹ (S unimodular): each eigenvalue within a few ulps of the \
         exact d or a ± ib",
        |rng| random_exact_2x2(rng, &[]),
        |case| check_eig2_exact(f, case),
    );
    c.property(
        "no_cancellation",
        "integer A with characteristic polynomial λ² − tλ + d, |t| = m·10^k (k = 3..7), |d| ≤ 9: the small \
         eigenvalue ≈ d/t too within a few ulps (the school formula t/2 − √Δ keeps only a few of its digits)",
        random_cancelling_2x2,
        |case| check_eig2_exact(f, case),
    );
    c.property(
        "scaled_matrices",
        "the exact cases × 2^±200 and 2^±40: the eigenvalues scale with A (no absolute threshold like |Δ| < 1e-12)",
        |rng| random_exact_2x2(rng, &[-200, -40, 40, 200]),
        |case| check_eig2_exact(f, case),
    );
    let refuses = |a: Matrix, want: LinalgError| {
        let (show, literal) = (pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a));
        refuses_with("eigenvalues_2x2", show, literal, move || f(&a), want, show_eig2)
    };
    c.fixed(
        "refuses_other_shapes",
        "not square: Err(NotSquare { rows, cols }); n×n with n ≠ 2: Err(DimensionMismatch { expected: 2, found: n })",
        vec![
            refuses(Matrix::zeros(2, 3), LinalgError::NotSquare { rows: 2, cols: 3 }),
            refuses(Matrix::identity(3), LinalgError::DimensionMismatch { expected: 2, found: 3 }),
            refuses(Matrix::identity(1), LinalgError::DimensionMismatch { expected: 2, found: 1 }),
            refuses(Matrix::zeros(0, 0), LinalgError::DimensionMismatch { expected: 2, found: 0 }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- (A, v) cases

/// Stored row i: `[v_i, a_i0, …]`; v (not A) × 2^exp; scalar 0: λ (eigen_residual).
fn av_parts(c: &Case) -> (Matrix, Vec<f64>) {
    let n = c.rows.first().map_or(0, |r| r.len() - 1);
    let a = Matrix::from_fn(c.rows.len(), n, |i, j| c.rows[i][j + 1]);
    let v = c.rows.iter().map(|r| tol::scale2(r[0], c.exp)).collect();
    (a, v)
}

fn build_av(c: &Case) -> Vec<Vec<f64>> {
    c.rows.clone()
}

fn lambda_note(c: &Case) -> String {
    c.scalars.first().map_or(String::new(), |l| format!("\nλ = {}", pretty::number(*l)))
}

fn show_av(c: &Case) -> String {
    let (a, v) = av_parts(c);
    let name = if c.scalars.is_empty() { "x" } else { "v" };
    let note = if c.exp == 0 { String::new() } else { format!("   (stored values × 2^{})", c.exp) };
    format!("{}\n{name} = {}{note}{}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&v), lambda_note(c))
}

fn literal_av(c: &Case) -> String {
    let (a, v) = av_parts(c);
    let name = if c.scalars.is_empty() { "x" } else { "v" };
    let lambda = c.scalars.first().map_or(String::new(), |l| format!("\nlet lambda = {};", pretty::number_literal(*l)));
    format!("{}\nlet {name} = {};{lambda}", pretty::matrix_literal("a", &a), pretty::vector_literal(&v))
}

/// Square A (n ≥ 1), v ≠ 0, all finite.
fn av_valid(c: &Case) -> bool {
    let n = c.rows.len();
    n >= 1
        && c.rows.iter().all(|r| r.len() == n + 1 && r.iter().all(|x| x.is_finite()))
        && c.rows.iter().any(|r| r[0] != 0.0)
        && c.scalars.iter().all(|x| x.is_finite())
}

static AV: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[0.0],
    build: build_av,
    show: show_av,
    literal: literal_av,
    valid: av_valid,
};

fn av_case(a: &Matrix, v: &[f64], lambda: Option<f64>, exp: i32) -> Case {
    let rows = (0..a.nrows()).map(|i| [vec![v[i]], a.row(i).to_vec()].concat()).collect();
    Case::new(&AV, rows, lambda.into_iter().collect(), exp)
}

/// An exact eigenpair: integer A = S·diag(d)·S⁻¹, v = column j of S, λ = d_j.
fn random_eigenpair(rng: &mut TestRng, with_lambda: bool, exps: &[i32]) -> Case {
    let n = draw::size(rng, 1, 4);
    let d = separated(rng, n);
    let (a, s) = similar(rng, &d, 1);
    let j = draw::size(rng, 0, n - 1);
    let v: Vec<f64> = s.column(j).iter().copied().collect();
    let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
    av_case(&ours(&a), &v, with_lambda.then_some(d[j]), exp)
}

/// Any square A (n ∈ 1..=5), any v ≠ 0, λ from the same draws.
fn random_av(rng: &mut TestRng, with_lambda: bool, exps: &[i32]) -> Case {
    let n = draw::size(rng, 1, 5);
    let a = Matrix::from_fn(n, n, |_, _| draw::entry(rng));
    let mut v: Vec<f64> = (0..n).map(|_| draw::entry(rng)).collect();
    if v.iter().all(|x| *x == 0.0) {
        v[0] = 1.0;
    }
    let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
    av_case(&a, &v, with_lambda.then(|| draw::entry(rng)), exp)
}

/// Symmetric A (n ∈ 1..=5) and any x ≠ 0.
fn random_symmetric_av(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 5);
    let mut a = Matrix::zeros(n, n);
    for i in 0..n {
        for j in i..n {
            let x = draw::entry(rng);
            a[(i, j)] = x;
            a[(j, i)] = x;
        }
    }
    let mut x: Vec<f64> = (0..n).map(|_| draw::entry(rng)).collect();
    if x.iter().all(|t| *t == 0.0) {
        x[0] = 1.0;
    }
    av_case(&a, &x, None, 0)
}

// ---------------------------------------------------------------- eigen_residual

/// The signature of `eigen_residual`.
pub type ResidualFn = fn(&Matrix, f64, &[f64]) -> Result<f64, LinalgError>;

/// ‖Av − λv‖/‖v‖ by the checker, and the size of what it added up.
fn residual_truth(a: &Matrix, lambda: f64, v: &[f64]) -> (f64, f64) {
    let n = v.len();
    let r: Vec<f64> = (0..n).map(|i| (0..n).map(|j| a[(i, j)] * v[j]).sum::<f64>() - lambda * v[i]).collect();
    let size: Vec<f64> = (0..n).map(|i| (0..n).map(|j| (a[(i, j)] * v[j]).abs()).sum::<f64>()).collect();
    let nv = tol::norm2(v);
    (tol::norm2(&r) / nv, (tol::norm2(&size) + lambda.abs() * nv) / nv)
}

fn check_residual(f: ResidualFn, c: &Case) -> Result<(), Miss> {
    let (a, v) = av_parts(c);
    let lambda = c.scalar(0);
    let (want, size) = residual_truth(&a, lambda, &v);
    let got = accepted("eigen_residual", call("eigen_residual", || f(&a, lambda, &v))?, || pretty::number(want))?;
    let bound = tol::eigen_residual(v.len()) * size;
    scalar_close("eigen_residual", got, want, bound).map_err(|e| Miss {
        message: format!(
            "{}: the residual is ‖Av − λv‖₂ / ‖v‖₂ (2-norms, divided by the length of v, so that scaling v changes \
             nothing)",
            e.message
        ),
        ..e
    })
}

/// `eigen_residual` is ‖Av − λv‖₂/‖v‖₂: 0 on exact eigenpairs, unchanged when
/// v is scaled, and refuses a zero v.
pub fn eigen_residual(f: ResidualFn) -> ExerciseReport {
    let mut c = Checker::new("eigen_residual");
    c.probe("eigen_residual", || f(&Matrix::identity(1), 1.0, &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let sym = matrix_of(&[&[2.0, 1.0], &[1.0, 2.0]]);
    let shear = matrix_of(&[&[1.0, 1.0], &[0.0, 1.0]]);
    c.examples(
        "textbook_examples",
        "rows (2, 1), (1, 2) with λ = 3, v = (1, 1): 0; with λ = 2: 1; the shear (1, 1; 0, 1) with λ = 1 and (1, 0): \
         0, and with (0, 1): 1; 1×1; a negative eigenvalue; v = (5, 5): the same as (1, 1)",
        vec![
            av_case(&sym, &[1.0, 1.0], Some(3.0), 0),
            av_case(&sym, &[1.0, 1.0], Some(2.0), 0),
            av_case(&sym, &[1.0, -1.0], Some(1.0), 0),
            av_case(&shear, &[1.0, 0.0], Some(1.0), 0),
            av_case(&shear, &[0.0, 1.0], Some(1.0), 0),
            av_case(&matrix_of(&[&[4.0]]), &[2.0], Some(1.0), 0),
            av_case(&matrix_of(&[&[0.0, 1.0], &[1.0, 0.0]]), &[1.0, -1.0], Some(-1.0), 0),
            av_case(&sym, &[5.0, 5.0], Some(2.0), 0),
        ],
        |case| check_residual(f, case),
    );
    c.property(
        "exact_eigenpairs",
        "integer A = S·diag(d)·S⁻¹, v = column j of S, λ = d_j: the residual is 0 (up to rounding)",
        |rng| random_eigenpair(rng, true, &[]),
        |case| check_residual(f, case),
    );
    c.property(
        "matches_direct_computation",
        "any square A, λ and v ≠ 0: ‖Av − λv‖₂/‖v‖₂ as the checker computes it, up to rounding",
        |rng| random_av(rng, true, &[]),
        |case| check_residual(f, case),
    );
    c.property(
        "scaled_v",
        "v × 2^±40 and 2^±600 (where ‖v‖² overflows or underflows): the same residual",
        |rng| {
            let mut case =
                if draw::chance(rng, 1, 2) { random_av(rng, true, &[]) } else { random_eigenpair(rng, true, &[]) };
            case.exp = draw::pick(rng, &[-600, -40, 40, 600]);
            case
        },
        |case| check_residual(f, case),
    );
    let refuses = |a: Matrix, lambda: f64, v: Vec<f64>, want: LinalgError| {
        let show = format!(
            "{}\nλ = {}\nv = {}",
            pretty::named_matrices(&[("A", &a)]),
            pretty::number(lambda),
            pretty::vector(&v)
        );
        let literal = format!(
            "{}\nlet lambda = {};\nlet v = {};",
            pretty::matrix_literal("a", &a),
            pretty::number_literal(lambda),
            pretty::vector_literal(&v)
        );
        refuses_with("eigen_residual", show, literal, move || f(&a, lambda, &v), want, |x: &f64| pretty::number(*x))
    };
    c.fixed(
        "refuses_bad_input",
        "v = 0: Err(ZeroVector) (never an eigenvector); v of the wrong length: Err(DimensionMismatch { expected: n, \
         found: v.len() }); A not square: Err(NotSquare { rows, cols })",
        vec![
            refuses(sym.clone(), 3.0, vec![0.0, 0.0], LinalgError::ZeroVector),
            refuses(Matrix::zeros(0, 0), 1.0, vec![], LinalgError::ZeroVector),
            refuses(sym.clone(), 3.0, vec![1.0, 1.0, 1.0], LinalgError::DimensionMismatch { expected: 2, found: 3 }),
            refuses(Matrix::zeros(2, 3), 1.0, vec![1.0, 1.0, 1.0], LinalgError::NotSquare { rows: 2, cols: 3 }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- rayleigh_quotient

/// The signature of `rayleigh_quotient`.
pub type RayleighFn = fn(&Matrix, &[f64]) -> Result<f64, LinalgError>;

/// u·Au with u = x/‖x‖, by the checker, and Σ|uᵢaᵢⱼuⱼ|.
fn rayleigh_truth(a: &Matrix, x: &[f64]) -> (f64, f64) {
    let nx = tol::norm2(x);
    let u: Vec<f64> = x.iter().map(|t| t / nx).collect();
    let n = u.len();
    let (mut rho, mut size) = (0.0, 0.0);
    for i in 0..n {
        for j in 0..n {
            rho += u[i] * a[(i, j)] * u[j];
            size += (u[i] * a[(i, j)] * u[j]).abs();
        }
    }
    (rho, size)
}

fn get_rayleigh(f: RayleighFn, a: &Matrix, x: &[f64], want: f64) -> Result<f64, Miss> {
    accepted("rayleigh_quotient", call("rayleigh_quotient", || f(a, x))?, || pretty::number(want))
}

fn check_rayleigh(f: RayleighFn, c: &Case) -> Result<(), Miss> {
    let (a, x) = av_parts(c);
    let (want, size) = rayleigh_truth(&a, &x);
    let got = get_rayleigh(f, &a, &x, want)?;
    let bound = tol::rayleigh(x.len()) * size;
    scalar_close("rayleigh_quotient", got, want, bound).map_err(|e| Miss {
        message: format!(
            "{}: ρ(x) = xᵀAx / xᵀx, which does not change when x is scaled (normalise x first: xᵀx overflows at \
             2^600)",
            e.message
        ),
        ..e
    })
}

/// λ_min − tol ≤ ρ ≤ λ_max + tol for symmetric A (nalgebra's eigenvalues).
fn check_rayleigh_range(f: RayleighFn, c: &Case) -> Result<(), Miss> {
    let (a, x) = av_parts(c);
    let (want, size) = rayleigh_truth(&a, &x);
    let d = to_dmatrix(&a);
    let Some(eig) = SymmetricEigen::try_new(d.clone(), 1e-15, 10_000) else {
        return Ok(()); // nalgebra did not converge: no reference, nothing to judge.
    };
    let lo = eig.eigenvalues.min();
    let hi = eig.eigenvalues.max();
    let got = get_rayleigh(f, &a, &x, want)?;
    let slack = tol::rayleigh(x.len()) * (size + frobenius(&d));
    if got.is_nan() || got < lo - slack || got > hi + slack {
        return Err(Miss::new(format!(
            "ρ(x) = {} is outside [λ_min, λ_max] = [{}, {}]: for a symmetric A the Rayleigh quotient is a weighted \
             average of the eigenvalues",
            pretty::number(got),
            pretty::number(lo),
            pretty::number(hi)
        ))
        .output(pretty::number(got))
        .expected(pretty::number(want))
        .bound(format!("allowed [{:.6e}, {:.6e}]", lo - slack, hi + slack)));
    }
    Ok(())
}

/// `rayleigh_quotient` is xᵀAx/xᵀx: the eigenvalue (sign included) at an
/// eigenvector, between the extreme eigenvalues of a symmetric A, unchanged
/// when x is scaled (also at 2^±600), and refuses a zero x.
pub fn rayleigh_quotient(f: RayleighFn) -> ExerciseReport {
    let mut c = Checker::new("rayleigh_quotient");
    c.probe("rayleigh_quotient", || f(&Matrix::identity(1), &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let sym = matrix_of(&[&[2.0, 1.0], &[1.0, 2.0]]);
    c.examples(
        "textbook_examples",
        "rows (2, 1), (1, 2): x = (1, 0) gives 2, x = (1, 1) gives 3, x = (1, −1) gives 1, x = (3, 3) gives 3; a \
         negative eigenvalue; 1×1; a non-symmetric A (only its symmetric part counts)",
        vec![
            av_case(&sym, &[1.0, 0.0], None, 0),
            av_case(&sym, &[1.0, 1.0], None, 0),
            av_case(&sym, &[1.0, -1.0], None, 0),
            av_case(&sym, &[3.0, 3.0], None, 0),
            av_case(&matrix_of(&[&[0.0, 1.0], &[1.0, 0.0]]), &[1.0, -1.0], None, 0),
            av_case(&matrix_of(&[&[-7.0]]), &[2.0], None, 0),
            av_case(&matrix_of(&[&[1.0, 4.0], &[0.0, 1.0]]), &[1.0, 1.0], None, 0),
        ],
        |case| check_rayleigh(f, case),
    );
    c.property(
        "eigenvector_gives_eigenvalue",
        "integer A = S·diag(d)·S⁻¹ and x = column j of S: ρ(x) = d_j, sign included",
        |rng| random_eigenpair(rng, false, &[]),
        |case| check_rayleigh(f, case),
    );
    c.property(
        "between_extreme_eigenvalues",
        "symmetric A: λ_min ≤ ρ(x) ≤ λ_max (nalgebra's eigenvalues)",
        random_symmetric_av,
        |case| check_rayleigh_range(f, case),
    );
    c.property(
        "matches_direct_computation",
        "any square A and x ≠ 0: xᵀAx / xᵀx as the checker computes it, up to rounding",
        |rng| random_av(rng, false, &[]),
        |case| check_rayleigh(f, case),
    );
    c.property(
        "scaled_x",
        "x × 2^±40 and 2^±600 (xᵀx overflows to ∞ or underflows to 0 there): the same quotient",
        |rng| {
            let mut case =
                if draw::chance(rng, 1, 2) { random_av(rng, false, &[]) } else { random_eigenpair(rng, false, &[]) };
            case.exp = draw::pick(rng, &[-600, -40, 40, 600]);
            case
        },
        |case| check_rayleigh(f, case),
    );
    let refuses = |a: Matrix, x: Vec<f64>, want: LinalgError| {
        let show = format!("{}\nx = {}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&x));
        let literal = format!("{}\nlet x = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&x));
        refuses_with("rayleigh_quotient", show, literal, move || f(&a, &x), want, |x: &f64| pretty::number(*x))
    };
    c.fixed(
        "refuses_bad_input",
        "x = 0: Err(ZeroVector); x of the wrong length: Err(DimensionMismatch { expected: n, found: x.len() }); A \
         not square: Err(NotSquare { rows, cols })",
        vec![
            refuses(sym.clone(), vec![0.0, 0.0], LinalgError::ZeroVector),
            refuses(Matrix::zeros(0, 0), vec![], LinalgError::ZeroVector),
            refuses(sym.clone(), vec![1.0], LinalgError::DimensionMismatch { expected: 2, found: 1 }),
            refuses(Matrix::zeros(3, 2), vec![1.0, 1.0], LinalgError::NotSquare { rows: 3, cols: 2 }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- diagonalization

/// The signature of `power_by_diagonalization`.
pub type PowerFn = fn(&Matrix, &[f64], u32) -> Result<Matrix, LinalgError>;

/// Stored row i: `[d_i, s_i0, …]`; scalar 0: k.
fn sdk_parts(c: &Case) -> (Matrix, Vec<f64>, u32) {
    let n = c.rows.first().map_or(0, |r| r.len() - 1);
    let s = Matrix::from_fn(c.rows.len(), n, |i, j| c.rows[i][j + 1]);
    (s, c.rows.iter().map(|r| r[0]).collect(), c.scalar(0) as u32)
}

fn show_sdk(c: &Case) -> String {
    let (s, d, k) = sdk_parts(c);
    format!("{}\nd = {}\nk = {k}", pretty::named_matrices(&[("S", &s)]), pretty::vector(&d))
}

fn literal_sdk(c: &Case) -> String {
    let (s, d, k) = sdk_parts(c);
    format!("{}\nlet d = {};\nlet k = {k};", pretty::matrix_literal("s", &s), pretty::vector_literal(&d))
}

/// Square S (n ≥ 1) with κ₂(S) ≤ 10¹⁰, 0 ≤ k ≤ 12 whole, finite.
fn sdk_valid(c: &Case) -> bool {
    let n = c.rows.len();
    let k = c.scalars.first().copied().unwrap_or(-1.0);
    if n == 0 || !c.rows.iter().all(|r| r.len() == n + 1 && tol::all_finite(r)) || !(0.0..=12.0).contains(&k) {
        return false;
    }
    let (s, d, _) = sdk_parts(c);
    k.fract() == 0.0 && subspace::condition(&to_dmatrix(&s)) <= 1e10 && d.iter().all(|x| x.abs() <= 20.0)
}

static SDK: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_sdk,
    literal: literal_sdk,
    valid: sdk_valid,
};

fn sdk_case(s: &Matrix, d: &[f64], k: u32) -> Case {
    let rows = (0..s.nrows()).map(|i| [vec![d[i]], s.row(i).to_vec()].concat()).collect();
    Case::new(&SDK, rows, vec![f64::from(k)], 0)
}

/// What the checker knows: X = (S·Dᵏ)·S⁻¹ (nalgebra), SDᵏ, κ₂(S), ‖S⁻¹‖₂.
struct PowerTruth {
    x: DMatrix<f64>,
    b: DMatrix<f64>,
    kappa: f64,
    inv_norm: f64,
}

fn power_truth(s: &Matrix, d: &[f64], k: u32) -> PowerTruth {
    let sd = to_dmatrix(s);
    let n = d.len();
    let dk: Vec<f64> = d.iter().map(|x| x.powf(f64::from(k))).collect();
    let b = DMatrix::from_fn(n, n, |i, j| sd[(i, j)] * dk[j]);
    let inv = sd.clone().lu().try_inverse().unwrap_or_else(|| DMatrix::from_element(n, n, f64::NAN));
    let sv = subspace::singular_values(&sd);
    let (top, bottom) = (sv.first().copied().unwrap_or(1.0), sv.last().copied().unwrap_or(1.0));
    PowerTruth { x: &b * inv, b, kappa: top / bottom, inv_norm: 1.0 / bottom }
}

fn check_power(f: PowerFn, c: &Case) -> Result<(), Miss> {
    let (s, d, k) = sdk_parts(c);
    let n = d.len();
    let t = power_truth(&s, &d, k);
    let expected = || format!("Aᵏ = S·Dᵏ·S⁻¹ (nalgebra):\n{}", ours(&t.x));
    let got = accepted("power_by_diagonalization", call("power_by_diagonalization", || f(&s, &d, k))?, expected)?;
    let miss = |m: String| Miss::new(m).output(got.to_string()).expected(expected());
    if got.shape() != (n, n) {
        return Err(miss(format!("the result is {}×{}, but Aᵏ is {n}×{n}", got.nrows(), got.ncols())));
    }
    if !tol::all_finite(got.as_slice()) {
        return Err(miss("`power_by_diagonalization` returned NaN or infinity".into()));
    }
    let x = to_dmatrix(&got);
    let sd = to_dmatrix(&s);
    // Invariant: Aᵏ·S = S·Dᵏ, the eigenvectors are stretched by dᵏ.
    let res = frobenius(&(&x * &sd - &t.b));
    let bound = tol::diag_power_residual(n) * (frobenius(&x) * frobenius(&sd) + frobenius(&t.b));
    if tol::misses(res, bound) {
        return Err(miss(
            "Aᵏ·S ≠ S·Dᵏ: the result does not stretch column j of S by d_jᵏ (row i of Aᵏ solves Sᵀy = row i of \
             S·Dᵏ, a transposed solve)"
                .into(),
        )
        .bound(format!("‖Aᵏ·S − S·Dᵏ‖_F = {res:.2e}, allowed ≤ {bound:.2e} (rounding of the solves)")));
    }
    let err = frobenius(&(&x - &t.x));
    let bound = tol::diag_power_forward(n) * t.kappa * (frobenius(&t.x) + frobenius(&t.b) * t.inv_norm);
    if tol::misses(err, bound) {
        return Err(miss(format!("the result is off by {} from S·Dᵏ·S⁻¹ (nalgebra's)", pretty::number(err)))
            .bound(format!("‖yours − nalgebra's‖_F = {err:.2e}, allowed ≤ {bound:.2e} (κ₂(S) = {:.2e})", t.kappa)));
    }
    Ok(())
}

/// Integer S unimodular, integer d in [−3, 3], k ∈ 0..=8.
fn random_integer_power(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 4);
    let d: Vec<f64> = (0..n).map(|_| draw::int(rng, -3, 3)).collect();
    let s = draw::unimodular(rng, n, 1);
    sdk_case(&ours(&s), &d, draw::size(rng, 0, 8) as u32)
}

/// S with κ₂ = 10^t (t ≤ 8), d from `draw::entry`, k ∈ 0..=10.
fn random_conditioned_power(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 5);
    let log_kappa = 8.0 * draw::unit(rng);
    let s = draw::with_condition(rng, n, n, log_kappa);
    let d: Vec<f64> = (0..n).map(|_| draw::entry(rng)).collect();
    sdk_case(&ours(&s), &d, draw::size(rng, 0, 10) as u32)
}

/// `power_by_diagonalization` returns S·Dᵏ·S⁻¹: it stretches the columns of
/// S by dᵏ, agrees with nalgebra within κ₂(S) times rounding, and passes the
/// LU's refusals on.
pub fn diagonalization(f: PowerFn) -> ExerciseReport {
    let mut c = Checker::new("diagonalization");
    c.probe("power_by_diagonalization", || f(&Matrix::identity(1), &[2.0], 1));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let s = matrix_of(&[&[1.0, 1.0], &[1.0, -1.0]]);
    c.examples(
        "textbook_examples",
        "S = (1, 1; 1, −1), d = (3, 1): k = 2 gives (5, 4; 4, 5), k = 1 gives A = (2, 1; 1, 2), k = 0 gives I; a \
         negative eigenvalue to an odd power; a zero eigenvalue (0⁰ = 1); 1×1; S = I; a shear-like S",
        vec![
            sdk_case(&s, &[3.0, 1.0], 2),
            sdk_case(&s, &[3.0, 1.0], 1),
            sdk_case(&s, &[3.0, 1.0], 0),
            sdk_case(&s, &[-2.0, 1.0], 3),
            sdk_case(&s, &[0.0, 2.0], 0),
            sdk_case(&s, &[0.0, 2.0], 4),
            sdk_case(&matrix_of(&[&[2.0]]), &[3.0], 3),
            sdk_case(&Matrix::identity(3), &[1.0, -1.0, 2.0], 5),
            sdk_case(&matrix_of(&[&[1.0, 2.0], &[0.0, 1.0]]), &[2.0, 3.0], 3),
        ],
        |case| check_power(f, case),
    );
    c.property(
        "integer_powers",
        "S unimodular (integer, det ±1), d integers in [−3, 3], k ≤ 8: Aᵏ·S = S·Dᵏ and Aᵏ = S·Dᵏ·S⁻¹",
        random_integer_power,
        |case| check_power(f, case),
    );
    c.property(
        "conditioned_eigenvectors",
        "S with κ₂(S) up to 10⁸: Aᵏ·S = S·Dᵏ to rounding, and within κ₂(S) times rounding of nalgebra's S·Dᵏ·S⁻¹",
        random_conditioned_power,
        |case| check_power(f, case),
    );
    let refuses = |s: Matrix, d: Vec<f64>, k: u32, want: LinalgError| {
        let show = format!("{}\nd = {}\nk = {k}", pretty::named_matrices(&[("S", &s)]), pretty::vector(&d));
        let literal =
            format!("{}\nlet d = {};\nlet k = {k};", pretty::matrix_literal("s", &s), pretty::vector_literal(&d));
        refuses_with("power_by_diagonalization", show, literal, move || f(&s, &d, k), want, |m: &Matrix| m.to_string())
    };
    c.fixed(
        "refuses_bad_input",
        "S not square: Err(NotSquare); d of the wrong length: Err(DimensionMismatch { expected: n, found: d.len() }); \
         S singular (dependent eigenvectors): your LU solve's Err(Singular { column })",
        vec![
            refuses(Matrix::zeros(2, 3), vec![1.0, 2.0], 1, LinalgError::NotSquare { rows: 2, cols: 3 }),
            refuses(s.clone(), vec![1.0, 2.0, 3.0], 1, LinalgError::DimensionMismatch { expected: 2, found: 3 }),
            refuses(matrix_of(&[&[1.0, 2.0], &[2.0, 4.0]]), vec![1.0, 2.0], 2, LinalgError::Singular { column: 1 }),
            refuses(Matrix::zeros(2, 2), vec![1.0, 2.0], 2, LinalgError::Singular { column: 0 }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- symmetric_2x2

/// The signature of `symmetric_eigen_2x2`.
pub type Sym2Fn = fn(&Matrix) -> Result<SymEig, LinalgError>;

/// Stored as one row `[a, b, c]` for A = (a, b; b, c), × 2^exp.
fn sym_matrix(c: &Case) -> Matrix {
    let x = c.input(0);
    matrix_of(&[&[x[0], x[1]], &[x[1], x[2]]])
}

fn show_sym(c: &Case) -> String {
    format!("{}{}", pretty::named_matrices(&[("A", &sym_matrix(c))]), c.scale_note())
}

fn literal_sym(c: &Case) -> String {
    pretty::matrix_literal("a", &sym_matrix(c))
}

fn sym_valid(c: &Case) -> bool {
    c.rows.len() == 1 && c.rows[0].len() == 3 && tol::all_finite(&c.rows[0])
}

static SYM2: Spec = Spec {
    min_rows: 1,
    min_cols: 3,
    aligned: true,
    fixed_cols: 3,
    scalar_floor: &[],
    build: build_scaled,
    show: show_sym,
    literal: literal_sym,
    valid: sym_valid,
};

fn sym_case(a: f64, b: f64, c: f64, exp: i32) -> Case {
    Case::new(&SYM2, vec![vec![a, b, c]], vec![], exp)
}

fn show_symeig(e: &SymEig) -> String {
    format!("values = {}\nvectors =\n{}", pretty::vector(&e.values), e.vectors)
}

fn check_sym2(f: Sym2Fn, c: &Case) -> Result<(), Miss> {
    let base = sym_matrix(&Case { exp: 0, ..c.clone() });
    let a = sym_matrix(c);
    // nalgebra on the unscaled matrix, values scaled back exactly.
    let eig = SymmetricEigen::try_new(to_dmatrix(&base), 1e-15, 10_000);
    let Some(eig) = eig else { return Ok(()) };
    let mut order: Vec<usize> = vec![0, 1];
    order.sort_by(|&i, &j| eig.eigenvalues[j].total_cmp(&eig.eigenvalues[i]));
    let want: Vec<f64> = order.iter().map(|&i| tol::scale2(eig.eigenvalues[i], c.exp)).collect();
    let want_vectors: Vec<Vec<f64>> =
        order.iter().map(|&i| eig.eigenvectors.column(i).iter().copied().collect()).collect();
    let expected = || {
        format!(
            "values = {} (nalgebra), orthonormal eigenvectors (either sign), e.g.\n{}",
            pretty::vector(&want),
            Matrix::from_columns(&want_vectors)
        )
    };
    let got = accepted("symmetric_eigen_2x2", call("symmetric_eigen_2x2", || f(&a))?, expected)?;
    let miss = |m: String| Miss::new(m).output(show_symeig(&got)).expected(expected());
    if got.values.len() != 2 || got.vectors.shape() != (2, 2) {
        return Err(miss(format!(
            "`symmetric_eigen_2x2` returned {} values and a {}×{} `vectors`: a 2×2 matrix has 2 eigenvalues and 2 \
             eigenvectors, the columns of a 2×2 matrix",
            got.values.len(),
            got.vectors.nrows(),
            got.vectors.ncols()
        )));
    }
    if !tol::all_finite(&got.values) || !tol::all_finite(got.vectors.as_slice()) {
        return Err(miss(
            "`symmetric_eigen_2x2` returned NaN or infinity (b = 0, a diagonal matrix, needs its own case: τ = \
             (c − a)/(2b) divides by zero)"
                .into(),
        ));
    }
    if got.values[0] < got.values[1] {
        return Err(miss("the values must be in non-increasing order: λ₀ ≥ λ₁ (swap the pairs)".into()));
    }
    let v = to_dmatrix(&got.vectors);
    let orth = frobenius(&(v.transpose() * &v - DMatrix::identity(2, 2)));
    let bound = tol::sym2_orthogonality();
    if tol::misses(orth, bound) {
        return Err(miss(
            "the eigenvectors are not orthonormal (VᵀV ≠ I): for a symmetric matrix they are perpendicular unit \
             vectors, the columns of a rotation"
                .into(),
        )
        .bound(format!("‖VᵀV − I‖_F = {orth:.2e}, allowed ≤ {bound:.2e}")));
    }
    let norm = tol::norm2(a.as_slice());
    let lam = DMatrix::from_diagonal(&DVector::from_column_slice(&got.values));
    let back = frobenius(&(to_dmatrix(&a) - &v * lam * v.transpose()));
    let bound = tol::sym2_backward() * norm;
    if tol::misses(back, bound) {
        return Err(miss(
            "A ≠ VΛVᵀ: column j of `vectors` must be the eigenvector of values[j] (columns, not rows)".into(),
        )
        .bound(format!("‖A − VΛVᵀ‖_F = {back:.2e}, allowed ≤ {bound:.2e}·… (‖A‖_F = {norm:.2e})")));
    }
    for (i, w) in want.iter().enumerate() {
        let err = (got.values[i] - w).abs();
        if tol::misses(err, bound) {
            return Err(miss(format!("values[{i}] is off by {} from nalgebra's", pretty::number(err))).bound(format!(
                "|λ̂ − λ| = {err:.2e}, allowed ≤ {bound:.2e} (Weyl: ‖ΔA‖ moves no eigenvalue further)"
            )));
        }
    }
    let gap = want[0] - want[1];
    if gap > 0.0 {
        let bound = tol::sym2_vectors() * norm / gap;
        for (i, wv) in want_vectors.iter().enumerate() {
            let w = DVector::from_column_slice(wv);
            let g = v.column(i).into_owned();
            let err = frobenius(&(&g * g.transpose() - &w * w.transpose()));
            if tol::misses(err, bound) {
                return Err(miss(format!(
                    "eigenvector {i} points in the wrong direction (compared as vvᵀ, sign-free)"
                ))
                .bound(format!("‖vvᵀ − wwᵀ‖_F = {err:.2e}, allowed ≤ {bound:.2e} (‖A‖/gap)")));
            }
        }
    }
    Ok(())
}

fn random_sym(rng: &mut TestRng, exps: &[i32]) -> Case {
    let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
    sym_case(draw::entry(rng), draw::entry(rng), draw::entry(rng), exp)
}

/// b = k·10^−j, j ∈ 4..=300, equal diagonal entries one time in two.
fn tiny_off_diagonal(rng: &mut TestRng) -> Case {
    let a = draw::entry(rng);
    let c = if draw::chance(rng, 1, 2) { a } else { draw::entry(rng) };
    let b = draw::int(rng, 1, 9) * draw::pick(rng, &[1.0, -1.0]) * 10f64.powi(-(draw::size(rng, 4, 300) as i32));
    sym_case(a, b, c, 0)
}

/// `symmetric_eigen_2x2` returns orthonormal eigenvectors and non-increasing
/// eigenvalues with A = VΛVᵀ, also when b is tiny or the diagonal entries
/// agree, and refuses a non-symmetric matrix.
pub fn symmetric_2x2(f: Sym2Fn) -> ExerciseReport {
    let mut c = Checker::new("symmetric_2x2");
    c.probe("symmetric_eigen_2x2", || f(&matrix_of(&[&[2.0, 1.0], &[1.0, 2.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples(
        "textbook_examples",
        "rows (2, 1), (1, 2): values (3, 1) with (1, 1)/√2 and (1, −1)/√2; diagonal, in either order; the identity \
         and the zero matrix (b = 0, equal diagonal); (0, 1; 1, 0); negative eigenvalues; b = 10⁻¹⁷ with equal \
         diagonal entries; b = 10⁻³⁰⁰",
        vec![
            sym_case(2.0, 1.0, 2.0, 0),
            sym_case(3.0, 0.0, 1.0, 0),
            sym_case(1.0, 0.0, 3.0, 0),
            sym_case(1.0, 0.0, 1.0, 0),
            sym_case(0.0, 0.0, 0.0, 0),
            sym_case(0.0, 1.0, 0.0, 0),
            sym_case(-2.0, 3.0, -5.0, 0),
            sym_case(1.0, 1e-17, 1.0, 0),
            sym_case(2.0, 1e-300, 1.0, 0),
            sym_case(4.0, -2.0, 1.0, 0),
        ],
        |case| check_sym2(f, case),
    );
    c.property(
        "random_symmetric",
        "any symmetric 2×2: values non-increasing and nalgebra's, VᵀV = I, A = VΛVᵀ, eigenvector directions",
        |rng| random_sym(rng, &[]),
        |case| check_sym2(f, case),
    );
    c.property(
        "tiny_off_diagonal",
        "b = k·10^−j (j up to 300), equal diagonal entries half the time: still orthonormal, still A = VΛVᵀ (the \
         school root −τ + √(1 + τ²) cancels; eigenvectors from (b, λ − a) lose orthogonality)",
        tiny_off_diagonal,
        |case| check_sym2(f, case),
    );
    c.property(
        "scaled_matrices",
        "A × 2^±500 (τ² and b² overflow or underflow there): the same eigenvectors, values scaled",
        |rng| random_sym(rng, &[-500, 500]),
        |case| check_sym2(f, case),
    );
    let refuses = |a: Matrix, want: LinalgError| {
        let (show, literal) = (pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a));
        refuses_with("symmetric_eigen_2x2", show, literal, move || f(&a), want, show_symeig)
    };
    c.fixed(
        "refuses_bad_input",
        "a01 ≠ a10: Err(NotSymmetric { row: 0, col: 1 }); not square: Err(NotSquare); n×n with n ≠ 2: \
         Err(DimensionMismatch { expected: 2, found: n })",
        vec![
            refuses(matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]]), LinalgError::NotSymmetric { row: 0, col: 1 }),
            refuses(matrix_of(&[&[1.0, 1.0], &[1.0 + 1e-15, 1.0]]), LinalgError::NotSymmetric { row: 0, col: 1 }),
            refuses(Matrix::zeros(2, 3), LinalgError::NotSquare { rows: 2, cols: 3 }),
            refuses(Matrix::identity(3), LinalgError::DimensionMismatch { expected: 2, found: 3 }),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- markov_stationary

/// The signature of `stationary_distribution`.
pub type MarkovFn = fn(&Matrix) -> Result<Vec<f64>, LinalgError>;

/// Stored rows are nonnegative weights; P is each row divided by its sum.
fn transition(c: &Case) -> Matrix {
    let w = rows_matrix(&c.rows);
    Matrix::from_fn(w.nrows(), w.ncols(), |i, j| w[(i, j)] / w.row(i).iter().sum::<f64>())
}

fn build_p(c: &Case) -> Vec<Vec<f64>> {
    transition(c).to_rows()
}

fn show_p(c: &Case) -> String {
    pretty::named_matrices(&[("P", &transition(c))])
}

fn literal_p(c: &Case) -> String {
    pretty::matrix_literal("p", &transition(c))
}

/// M = Pᵀ − I with its last row replaced by ones.
fn markov_system(p: &Matrix) -> DMatrix<f64> {
    let n = p.nrows();
    DMatrix::from_fn(n, n, |i, j| if i == n - 1 { 1.0 } else { p[(j, i)] - if i == j { 1.0 } else { 0.0 } })
}

/// Square, weights ≥ 0 with positive row sums, and a unique stationary
/// distribution (κ₂(M) ≤ 10⁸).
fn markov_valid(c: &Case) -> bool {
    let n = c.rows.len();
    if n == 0 || !c.rows.iter().all(|r| r.len() == n && r.iter().all(|x| x.is_finite() && *x >= 0.0)) {
        return false;
    }
    if c.rows.iter().any(|r| r.iter().sum::<f64>() <= 0.0) {
        return false;
    }
    subspace::condition(&markov_system(&transition(c))) <= 1e8
}

static CHAIN: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_p,
    show: show_p,
    literal: literal_p,
    valid: markov_valid,
};

fn chain_case(w: &[&[f64]]) -> Case {
    Case::new(&CHAIN, w.iter().map(|r| r.to_vec()).collect(), vec![], 0)
}

fn check_markov(f: MarkovFn, c: &Case) -> Result<(), Miss> {
    let p = transition(c);
    let n = p.nrows();
    let m = markov_system(&p);
    let mut e = DVector::zeros(n);
    e[n - 1] = 1.0;
    let want: Vec<f64> = m.clone().lu().solve(&e).map_or_else(|| vec![f64::NAN; n], |x| x.as_slice().to_vec());
    let kappa = subspace::condition(&m);
    let got =
        accepted("stationary_distribution", call("stationary_distribution", || f(&p))?, || pretty::vector(&want))?;
    let miss = |msg: String| Miss::new(msg).output(pretty::vector(&got)).expected(pretty::vector(&want));
    if got.len() != n {
        return Err(miss(format!("π has {} entries, but the chain has {n} states", got.len())));
    }
    if !tol::all_finite(&got) {
        return Err(miss("`stationary_distribution` returned NaN or infinity".into()));
    }
    let g = tol::markov_sum(n);
    let sum: f64 = got.iter().sum();
    if tol::misses((sum - 1.0).abs(), g) {
        return Err(miss(format!("Σπ = {}, but a distribution sums to 1", pretty::number(sum)))
            .bound(format!("|Σπ − 1| = {:.2e}, allowed ≤ {g:.2e}", (sum - 1.0).abs())));
    }
    let pd = to_dmatrix(&p);
    let pi = DVector::from_column_slice(&got);
    let res = tol::norm2((pd.transpose() * &pi - &pi).as_slice());
    let bound = g * (frobenius(&pd) + (n as f64).sqrt()) * tol::norm2(&got);
    if tol::misses(res, bound) {
        return Err(miss(
            "πᵀP ≠ πᵀ: π is not stationary (it is the eigenvector of Pᵀ, not of P, for the eigenvalue 1)".into(),
        )
        .bound(format!("‖Pᵀπ − π‖ = {res:.2e}, allowed ≤ {bound:.2e}")));
    }
    let err = tol::distance(&got, &want);
    let bound = tol::markov_forward(n) * kappa * tol::norm2(&want);
    if tol::misses(err, bound) {
        return Err(miss(format!("π is off by {} from the solution (nalgebra's LU)", pretty::number(err)))
            .bound(format!("‖π − π_ref‖ = {err:.2e}, allowed ≤ {bound:.2e} (κ₂(M) = {kappa:.2e})")));
    }
    Ok(())
}

/// Dense weights (integers 0..9, a positive diagonal or a cycle so the
/// chain is irreducible) or a random walk on a random connected graph.
fn random_chain(rng: &mut TestRng) -> Case {
    loop {
        let n = draw::size(rng, 1, 7);
        let mut w = vec![vec![0.0; n]; n];
        if draw::chance(rng, 1, 2) {
            for (i, row) in w.iter_mut().enumerate() {
                for x in row.iter_mut() {
                    *x = if draw::chance(rng, 1, 3) { 0.0 } else { draw::int(rng, 1, 9) };
                }
                row[(i + 1) % n] += 1.0;
            }
        } else {
            // A spanning tree plus extra edges, unit weights: πᵢ = deg(i)/2m.
            let tree: Vec<(usize, usize)> = (1..n).map(|i| (i, draw::size(rng, 0, i - 1))).collect();
            for (i, j) in tree {
                w[i][j] = 1.0;
                w[j][i] = 1.0;
            }
            for _ in 0..draw::size(rng, 0, n) {
                let (i, j) = (draw::size(rng, 0, n - 1), draw::size(rng, 0, n - 1));
                if i != j {
                    w[i][j] = 1.0;
                    w[j][i] = 1.0;
                }
            }
            if n == 1 {
                w[0][0] = 1.0;
            }
        }
        let case = Case::new(&CHAIN, w, vec![], 0);
        if markov_valid(&case) {
            return case;
        }
    }
}

/// Slowly mixing: two dense blocks joined by weak links (weights 1 against 10^k).
fn random_sticky_chain(rng: &mut TestRng) -> Case {
    loop {
        let n = draw::size(rng, 2, 6);
        let half = n / 2;
        let strong = 10f64.powi(draw::size(rng, 1, 5) as i32);
        let w: Vec<Vec<f64>> = (0..n)
            .map(|i| {
                (0..n)
                    .map(
                        |j| if (i < half) == (j < half) { strong * draw::int(rng, 1, 3) } else { draw::int(rng, 0, 1) },
                    )
                    .collect()
            })
            .collect();
        let case = Case::new(&CHAIN, w, vec![], 0);
        if markov_valid(&case) {
            return case;
        }
    }
}

/// `stationary_distribution` returns π with πᵀP = πᵀ and Σπ = 1 (nalgebra's
/// solution of the same system within κ₂ times rounding), refuses what is
/// not a transition matrix, and reports a chain whose π is not unique.
pub fn markov_stationary(f: MarkovFn) -> ExerciseReport {
    let mut c = Checker::new("markov_stationary");
    c.probe("stationary_distribution", || f(&matrix_of(&[&[0.5, 0.5], &[0.5, 0.5]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples(
        "textbook_examples",
        "rows (0.9, 0.1), (0.5, 0.5): π = (5/6, 1/6); 1×1; a doubly stochastic P (uniform π); the periodic swap \
         (0, 1; 1, 0): (½, ½); a transient state (π₀ = 0); a random walk on a path (degree / 2m); a cycle",
        vec![
            chain_case(&[&[0.9, 0.1], &[0.5, 0.5]]),
            chain_case(&[&[1.0]]),
            chain_case(&[&[1.0, 2.0, 3.0], &[3.0, 1.0, 2.0], &[2.0, 3.0, 1.0]]),
            chain_case(&[&[0.0, 1.0], &[1.0, 0.0]]),
            chain_case(&[&[1.0, 1.0, 0.0], &[0.0, 1.0, 1.0], &[0.0, 1.0, 1.0]]),
            chain_case(&[&[0.0, 1.0, 0.0, 0.0], &[1.0, 0.0, 1.0, 0.0], &[0.0, 1.0, 0.0, 1.0], &[0.0, 0.0, 1.0, 0.0]]),
            chain_case(&[&[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0], &[1.0, 0.0, 0.0]]),
            chain_case(&[&[0.2, 0.8], &[0.7, 0.3]]),
        ],
        |case| check_markov(f, case),
    );
    c.property(
        "random_chains",
        "dense chains and random walks on connected graphs (n ≤ 7): Σπ = 1, πᵀP = πᵀ, and π is nalgebra's solution",
        random_chain,
        |case| check_markov(f, case),
    );
    c.property(
        "slowly_mixing_chains",
        "two groups of states joined by links 10 to 10⁵ times weaker: the same, within κ₂(M) times rounding (a \
         fixed number of steps of πᵀ ← πᵀP has not converged there)",
        random_sticky_chain,
        |case| check_markov(f, case),
    );
    let refuses = |p: Matrix, want: LinalgError| {
        let (show, literal) = (pretty::named_matrices(&[("P", &p)]), pretty::matrix_literal("p", &p));
        refuses_with("stationary_distribution", show, literal, move || f(&p), want, |v: &Vec<f64>| pretty::vector(v))
    };
    c.fixed(
        "refuses_non_stochastic",
        "a row summing to 0.9 or 1.1, a negative entry, NaN: Err(NotStochastic { row }) for the first bad row; \
         not square: Err(NotSquare); 0×0: Err(Empty)",
        vec![
            refuses(matrix_of(&[&[0.5, 0.5], &[0.5, 0.4]]), LinalgError::NotStochastic { row: 1 }),
            refuses(matrix_of(&[&[0.6, 0.5], &[0.5, 0.5]]), LinalgError::NotStochastic { row: 0 }),
            refuses(matrix_of(&[&[1.5, -0.5], &[0.5, 0.5]]), LinalgError::NotStochastic { row: 0 }),
            refuses(matrix_of(&[&[0.5, 0.5], &[f64::NAN, 0.5]]), LinalgError::NotStochastic { row: 1 }),
            refuses(Matrix::zeros(2, 3), LinalgError::NotSquare { rows: 2, cols: 3 }),
            refuses(Matrix::zeros(0, 0), LinalgError::Empty),
        ],
    );
    let singular = |p: Matrix| {
        let (show, literal) = (pretty::named_matrices(&[("P", &p)]), pretty::matrix_literal("p", &p));
        Fixed::new(show, literal, move || {
            let got = call("stationary_distribution", || f(&p))?;
            if matches!(got, Err(LinalgError::Singular { .. })) {
                return Ok(());
            }
            Err(Miss::new(
                "this chain has more than one stationary distribution (two groups of states that never reach each \
                 other), so the system stays singular: report Err(Singular { column }) when a pivot is ≤ 1e-10",
            )
            .output(pretty::result(&got, |v| pretty::vector(v)))
            .expected("Err(Singular { column: k })"))
        })
    };
    let third = 1.0 / 3.0;
    c.fixed(
        "reports_non_unique",
        "the identity (every distribution is stationary) and chains with two closed groups: Err(Singular { column })",
        vec![
            singular(Matrix::identity(2)),
            singular(Matrix::identity(3)),
            singular(matrix_of(&[
                &[third, 1.0 - third, 0.0, 0.0],
                &[1.0 - third, third, 0.0, 0.0],
                &[0.0, 0.0, 0.3, 0.7],
                &[0.0, 0.0, 0.6, 0.4],
            ])),
            singular(matrix_of(&[&[0.1, 0.9, 0.0], &[0.7, 0.3, 0.0], &[0.0, 0.0, 1.0]])),
            // Rounding leaves a pivot of 7e-17 here, not an exact 0.
            singular(matrix_of(&[
                &[2.0 / 11.0, 8.0 / 11.0, 1.0 / 11.0, 0.0],
                &[7.0 / 15.0, 7.0 / 15.0, 1.0 / 15.0, 0.0],
                &[8.0 / 17.0, 5.0 / 17.0, 4.0 / 17.0, 0.0],
                &[0.0, 0.0, 0.0, 1.0],
            ])),
            singular(matrix_of(&[
                &[0.2, 0.3, 0.5, 0.0],
                &[0.0, 1.0, 0.0, 0.0],
                &[0.1, 0.1, 0.1, 0.7],
                &[0.0, 0.0, 0.0, 1.0],
            ])),
        ],
    );
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::RngAlgorithm;
    use solutions::l09 as sol;

    fn rng() -> TestRng {
        TestRng::from_seed(RngAlgorithm::ChaCha, &[9; 32])
    }

    fn note(worst: &mut f64, err: f64, bound: f64) {
        if err > 0.0 {
            *worst = worst.max(err / (bound / tol::C));
        }
    }

    /// a·b as an unevaluated sum hi + lo (exact, by a fused multiply-add).
    fn two_prod(a: f64, b: f64) -> (f64, f64) {
        let p = a * b;
        (p, a.mul_add(b, -p))
    }

    /// a + b as hi + lo, exactly (Knuth's TwoSum).
    fn two_sum(a: f64, b: f64) -> (f64, f64) {
        let s = a + b;
        let bb = s - a;
        (s, (a - (s - bb)) + (b - bb))
    }

    /// Σ terms·terms' to about u² relative (Ogita–Rump–Oishi's Dot2).
    fn dot2(pairs: impl Iterator<Item = (f64, f64)>) -> f64 {
        let (mut s, mut c) = (0.0, 0.0);
        for (a, b) in pairs {
            let (p, pe) = two_prod(a, b);
            let (t, te) = two_sum(s, p);
            s = t;
            c += pe + te;
        }
        s + c
    }

    /// The eigenvalues of an integer 2×2 (unscaled) as hi + lo pairs, to
    /// about u²: (λ₁, λ₂) or (re, im).
    fn accurate_eigenvalues(a: &Matrix) -> ([f64; 2], [f64; 2]) {
        let e = a.as_slice();
        let [p, q, r, s] = [e[0] as i128, e[1] as i128, e[2] as i128, e[3] as i128];
        let (t, det) = (p + s, p * s - q * r);
        let disc = t * t - 4 * det;
        let d = disc.abs() as f64;
        let root = d.sqrt();
        // √D = root + δ with δ = (D − root²)/(2·root).
        let delta = if root == 0.0 { 0.0 } else { (-root).mul_add(root, d) / (2.0 * root) };
        if disc < 0 {
            return ([t as f64 / 2.0, root / 2.0], [0.0, delta / 2.0]);
        }
        let sign = if t < 0 { -1.0 } else { 1.0 };
        let (h, l) = two_sum(t as f64, sign * root);
        let (h1, l1) = (h / 2.0, (l + sign * delta) / 2.0);
        if h1 == 0.0 {
            return ([0.0, 0.0], [0.0, 0.0]);
        }
        // λ₂ = det/λ₁: q + (det − q·h1 − q·l1)/h1.
        let det = det as f64;
        let q2 = det / h1;
        let l2 = ((-q2).mul_add(h1, det) - q2 * l1) / h1;
        if h1 + l1 >= q2 + l2 { ([h1, q2], [l1, l2]) } else { ([q2, h1], [l2, l1]) }
    }

    fn accurate_residual(a: &Matrix, lambda: f64, v: &[f64]) -> f64 {
        let n = v.len();
        let r: Vec<f64> =
            (0..n).map(|i| dot2((0..n).map(|j| (a[(i, j)], v[j])).chain(std::iter::once((-lambda, v[i]))))).collect();
        tol::norm2(&r) / tol::norm2(v)
    }

    fn accurate_rayleigh(a: &Matrix, x: &[f64]) -> f64 {
        let n = x.len();
        let m = x.iter().fold(0.0_f64, |m, t| m.max(t.abs()));
        let u: Vec<f64> = x.iter().map(|t| t / m).collect(); // exact only for powers of two; the ratio is what counts
        let ax: Vec<f64> = (0..n).map(|i| dot2((0..n).map(|j| (a[(i, j)], u[j])))).collect();
        let num = dot2(u.iter().copied().zip(ax.iter().copied()));
        let den = dot2(u.iter().map(|t| (*t, *t)));
        num / den
    }

    /// The largest error/bound ratios of the reference solutions, without the
    /// safety factor C, over many generated inputs: the numbers quoted in
    /// `tol.rs`. `cargo test -p eigenlings-checks --lib calibrate_l09 -- --ignored --nocapture`
    #[test]
    #[ignore = "prints the calibration of the lesson-9 tolerances; slow in debug builds"]
    fn calibrate_l09() {
        let mut rng = rng();
        let cases = 5_000;
        let mut w = [0.0_f64; 10];
        for k in 0..cases {
            // Exact 2×2 eigenvalues, against a double-double evaluation of the roots.
            let case =
                if k % 2 == 0 { random_exact_2x2(&mut rng, &[-200, 40]) } else { random_cancelling_2x2(&mut rng) };
            let (hi, lo) = accurate_eigenvalues(&rows_matrix(&case.rows));
            let got = sol::characteristic::eigenvalues_2x2(&rows_matrix(&case.inputs())).unwrap();
            let got = match scale_eig2(got, -case.exp) {
                Eigenvalues2::Real(a, b) | Eigenvalues2::Complex { re: a, im: b } => [a, b],
            };
            for i in 0..2 {
                note(&mut w[0], ((got[i] - hi[i]) - lo[i]).abs(), tol::eig2_exact() * hi[i].abs());
            }
            // Invariants on any 2×2.
            let case = random_2x2(&mut rng, &[-200, 200]);
            let a = rows_matrix(&case.inputs());
            let (p, q, r, s) = (a[(0, 0)], a[(0, 1)], a[(1, 0)], a[(1, 1)]);
            let (t, det) = (p + s, p * s - q * r);
            let m = (p * s).abs() + (q * r).abs() + t * t / 4.0;
            match sol::characteristic::eigenvalues_2x2(&a).unwrap() {
                Eigenvalues2::Real(l1, l2) => {
                    let lm = l1.abs().max(l2.abs()).max(f64::MIN_POSITIVE);
                    note(
                        &mut w[1],
                        (l1 + l2 - t).abs(),
                        tol::eig2_invariants() * (l1.abs() + l2.abs() + p.abs() + s.abs() + m / lm),
                    );
                    note(&mut w[1], (l1 * l2 - det).abs(), tol::eig2_invariants() * ((l1 * l2).abs() + m));
                }
                Eigenvalues2::Complex { re, im } => {
                    note(&mut w[1], (2.0 * re - t).abs(), tol::eig2_invariants() * (p.abs() + s.abs()));
                    note(&mut w[1], (re * re + im * im - det).abs(), tol::eig2_invariants() * (re * re + im * im + m));
                }
            }
            // Residual and Rayleigh quotient.
            let mut case = random_av(&mut rng, true, &[]);
            case.exp = draw::pick(&mut rng, &[0, -600, 600]);
            let (a, v) = av_parts(&case);
            let (_, size) = residual_truth(&a, case.scalar(0), &v);
            let want = accurate_residual(&a, case.scalar(0), &v);
            let got = sol::residual::eigen_residual(&a, case.scalar(0), &v).unwrap();
            note(&mut w[2], (got - want).abs(), tol::eigen_residual(v.len()) * size);
            let (_, size) = rayleigh_truth(&a, &v);
            let want = accurate_rayleigh(&a, &v);
            let got = sol::rayleigh::rayleigh_quotient(&a, &v).unwrap();
            note(&mut w[3], (got - want).abs(), tol::rayleigh(v.len()) * size);
            // Powers.
            let case = if k % 2 == 0 { random_integer_power(&mut rng) } else { random_conditioned_power(&mut rng) };
            let (s, d, kk) = sdk_parts(&case);
            let n = d.len();
            let t = power_truth(&s, &d, kk);
            let x = to_dmatrix(&sol::diagonalization::power_by_diagonalization(&s, &d, kk).unwrap());
            let sd = to_dmatrix(&s);
            note(
                &mut w[4],
                frobenius(&(&x * &sd - &t.b)),
                tol::diag_power_residual(n) * (frobenius(&x) * frobenius(&sd) + frobenius(&t.b)),
            );
            note(
                &mut w[5],
                frobenius(&(&x - &t.x)),
                tol::diag_power_forward(n) * t.kappa * (frobenius(&t.x) + frobenius(&t.b) * t.inv_norm),
            );
            // Symmetric 2×2.
            let case = match k % 3 {
                0 => random_sym(&mut rng, &[]),
                1 => tiny_off_diagonal(&mut rng),
                _ => random_sym(&mut rng, &[-500, 500]),
            };
            let a = sym_matrix(&case);
            let e = sol::symmetric_2x2::symmetric_eigen_2x2(&a).unwrap();
            let v = to_dmatrix(&e.vectors);
            note(&mut w[6], frobenius(&(v.transpose() * &v - DMatrix::identity(2, 2))), tol::sym2_orthogonality());
            let lam = DMatrix::from_diagonal(&DVector::from_column_slice(&e.values));
            note(
                &mut w[7],
                frobenius(&(to_dmatrix(&a) - &v * lam * v.transpose())),
                tol::sym2_backward() * tol::norm2(a.as_slice()),
            );
            // Markov.
            let case = if k % 2 == 0 { random_chain(&mut rng) } else { random_sticky_chain(&mut rng) };
            let p = transition(&case);
            let n = p.nrows();
            let pi = sol::markov::stationary_distribution(&p).unwrap();
            let g = tol::markov_sum(n);
            note(&mut w[8], (pi.iter().sum::<f64>() - 1.0).abs(), g);
            let pd = to_dmatrix(&p);
            let pv = DVector::from_column_slice(&pi);
            note(
                &mut w[8],
                tol::norm2((pd.transpose() * &pv - &pv).as_slice()),
                g * (frobenius(&pd) + (n as f64).sqrt()) * tol::norm2(&pi),
            );
            let m = markov_system(&p);
            let mut e = DVector::zeros(n);
            e[n - 1] = 1.0;
            let want = m.clone().lu().solve(&e).unwrap();
            note(
                &mut w[9],
                tol::distance(&pi, want.as_slice()),
                tol::markov_forward(n) * subspace::condition(&m) * want.norm(),
            );
        }
        let names = [
            "eigenvalues_2x2 exact (relative)",
            "eigenvalues_2x2 sum and product",
            "eigen_residual",
            "rayleigh_quotient",
            "power: ‖XS − SDᵏ‖",
            "power: against nalgebra",
            "symmetric 2×2 ‖VᵀV − I‖",
            "symmetric 2×2 ‖A − VΛVᵀ‖",
            "markov Σπ and ‖Pᵀπ − π‖",
            "markov against nalgebra",
        ];
        println!("lesson 9 calibration over {cases} cases of each generator (error / bound without C):");
        for (name, x) in names.iter().zip(w) {
            println!("  {name:<34} {x:.3}");
        }
    }
}
