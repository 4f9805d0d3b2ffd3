//! Checks for lesson 8: QR decomposition.
//!
//! QR factors are not unique (a column of Q and the matching row of R may
//! change sign together), so they are judged by what makes them a QR
//! factorization: the shapes (thin or full), R exactly upper triangular,
//! QᵀQ = I and A = QR up to rounding. The orthogonality bound is the one a
//! backward-stable method meets, C·mn·u, with no condition number in it:
//! that is what tells Householder and Givens from Gram–Schmidt, whose Q loses
//! orthogonality in proportion to κ₂(A), and the generators build matrices
//! with κ₂ up to 10¹² from their singular values (A = U·Σ·Vᵀ, U and V from
//! nalgebra's QR of random matrices). Only what is unique is compared with
//! nalgebra: R once the signs of its rows are matched (unique when the
//! leading columns are independent; the tolerance grows with their κ₂), and
//! the column space through orthogonal projectors. The reference is computed
//! on the unscaled matrix, so the 2^±600 inputs are compared too.
//!
//! A reflector is judged by H = I − βvvᵀ orthogonal, Hx = αe₀ with
//! |α| = ‖x‖, v₀ = 1, and the sign of α opposite to x₀ (the contract: the
//! sign that avoids cancellation), on inputs where x lies almost along e₀;
//! applying it, by the block it changes and the entries it must not touch. A
//! rotation by c² + s² = 1 and G·(a, b) = (r, 0), also at 10^±301. Least
//! squares through QR is compared with nalgebra's solution within the
//! perturbation bound of the problem itself, (κ₂ + κ₂²‖r‖/(‖A‖₂‖x‖)) times
//! rounding: the normal equations, which lose κ₂², fail it on
//! ill-conditioned problems with small residuals.

use nalgebra::{DMatrix, DVector};
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{LinalgError, Matrix, Qr};

use crate::cases::{Case, Spec, always_valid, build_scaled};
use crate::compare::vector_close;
use crate::convert::{frobenius, matrix_of, ours, rows_matrix};
use crate::harness::{Checker, Fixed, Miss, accepted, call, refused};
use crate::subspace::{self, to_dmatrix};
use crate::{draw, ls_cases, pretty, tol};

// ---------------------------------------------------------------- helpers

fn dvec(x: &[f64]) -> DVector<f64> {
    DVector::from_column_slice(x)
}

fn ints_vec(rng: &mut TestRng, n: usize, lo: i64, hi: i64) -> Vec<f64> {
    (0..n).map(|_| draw::int(rng, lo, hi)).collect()
}

/// For `pretty::result` on a `Result<Vec<f64>, _>`.
#[allow(clippy::ptr_arg)]
fn show_vec(v: &Vec<f64>) -> String {
    pretty::vector(v)
}

fn show_qr(qr: &Qr) -> String {
    format!("Q =\n{}\nR =\n{}", qr.q, qr.r)
}

// ---------------------------------------------------------------- householder: inputs

/// The signature of `householder`.
pub type ReflectorFn = fn(&[f64]) -> Result<(Vec<f64>, f64), LinalgError>;
/// The signature of `apply_householder`.
pub type ApplyFn = fn(&[f64], f64, &mut Matrix, usize, usize);

/// The functions of exercise `householder`.
pub struct Householder {
    pub householder: ReflectorFn,
    pub apply_householder: ApplyFn,
}

fn show_x(c: &Case) -> String {
    format!("x = {}{}", pretty::vector(&c.input(0)), c.scale_note())
}

fn literal_x(c: &Case) -> String {
    format!("let x = {};", pretty::vector_literal(&c.input(0)))
}

/// One vector x, stored as a single row (× 2^exp).
static VECTOR: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_x,
    literal: literal_x,
    valid: always_valid,
};

fn vector_case(x: &[f64]) -> Case {
    Case::new(&VECTOR, vec![x.to_vec()], vec![], 0)
}

/// x of length 1..=8 with entries from [`entry`]; a quarter of them with
/// x₀ = 0 or with a zero tail, times 2^e from `exps` one time in three.
fn random_x(rng: &mut TestRng, exps: &[i32]) -> Case {
    let n = draw::size(rng, 1, 8);
    let mut x: Vec<f64> = (0..n).map(|_| draw::entry(rng)).collect();
    match draw::size(rng, 0, 7) {
        0 => x[0] = 0.0,
        1 => x.iter_mut().skip(1).for_each(|t| *t = 0.0),
        _ => {}
    }
    let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
    Case::new(&VECTOR, vec![x], vec![], exp)
}

/// x almost along e₀: x₀ = ±1..9, the other entries integers times 10^−k,
/// k ∈ 3..=12. This is where α with the sign of x₀ cancels.
fn dominant_x(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 2, 6);
    let k = draw::size(rng, 3, 12) as i32;
    let x0 = draw::int(rng, 1, 9) * draw::pick(rng, &[1.0, -1.0]);
    let mut x = vec![x0];
    loop {
        x.truncate(1);
        x.extend((1..n).map(|_| draw::int(rng, -9, 9) * 10f64.powi(-k)));
        if x[1..].iter().any(|t| *t != 0.0) {
            return vector_case(&x);
        }
    }
}

/// The checker's own reflector, with the contract's sign: the "expected" of messages.
fn reference_reflector(x: &[f64]) -> (Vec<f64>, f64) {
    let mut v = vec![0.0; x.len()];
    v[0] = 1.0;
    if x[1..].iter().all(|t| *t == 0.0) {
        return (v, 0.0);
    }
    let norm = tol::norm2(x);
    let alpha = if x[0] >= 0.0 { -norm } else { norm };
    let v0 = x[0] - alpha;
    for i in 1..x.len() {
        v[i] = x[i] / v0;
    }
    let vv: f64 = v.iter().map(|t| t * t).sum();
    (v, 2.0 / vv)
}

fn show_reflector(v: &[f64], beta: f64) -> String {
    format!("v = {}, β = {}", pretty::vector(v), pretty::number(beta))
}

/// Hx = x − β·(vᵀx)·v, by the checker.
fn reflect(v: &[f64], beta: f64, x: &[f64]) -> Vec<f64> {
    let s: f64 = v.iter().zip(x).map(|(a, b)| a * b).sum();
    x.iter().zip(v).map(|(xi, vi)| xi - beta * s * vi).collect()
}

/// Which properties of a reflector one check looks at.
#[derive(Clone, Copy)]
struct Aspects {
    orthogonal: bool,
    image: bool,
    sign: bool,
}

const ALL: Aspects = Aspects { orthogonal: true, image: true, sign: true };

fn check_reflector(f: ReflectorFn, x: &[f64], what: Aspects) -> Result<(), Miss> {
    let m = x.len();
    let (want_v, want_beta) = reference_reflector(x);
    let expected = || show_reflector(&want_v, want_beta);
    let (v, beta) = accepted("householder", call("householder", || f(x))?, expected)?;
    let miss = |message: String| Miss::new(message).output(show_reflector(&v, beta)).expected(expected());
    if v.len() != m {
        return Err(miss(format!("`householder` returned v of length {}, but v has the length of x, {m}", v.len())));
    }
    let on_axis = x[1..].iter().all(|t| *t == 0.0);
    if !tol::all_finite(&v) || !beta.is_finite() {
        let why =
            if on_axis { " (x has nothing below its first entry: return v = e₀ and β = 0, H = I)" } else { "" };
        return Err(miss(format!("`householder` returned NaN or infinity{why}")));
    }
    if v[0] != 1.0 {
        return Err(miss(format!(
            "v[0] is {}, but the convention is v₀ = 1 exactly: divide x − αe₀ by its first entry x₀ − α, and set \
             v[0] = 1.0",
            pretty::number(v[0])
        )));
    }
    if what.orthogonal {
        let vv: f64 = v.iter().map(|t| t * t).sum();
        // HᵀH − I = β(β·vᵀv − 2)·vvᵀ, whose Frobenius norm is |β|·|β·vᵀv − 2|·vᵀv.
        let err = beta.abs() * (beta * vv - 2.0).abs() * vv;
        let bound = tol::reflector_orthogonality(m);
        if tol::misses(err, bound) {
            return Err(miss(format!(
                "H = I − βvvᵀ is not orthogonal: β·vᵀv = {}, but HᵀH = I needs β = 2/vᵀv = {} (or β = 0, H = I)",
                pretty::number(beta * vv),
                pretty::number(2.0 / vv)
            ))
            .bound(format!("‖HᵀH − I‖_F = |β|·|β·vᵀv − 2|·vᵀv = {err:.2e}, allowed ≤ {bound:.2e}")));
        }
    }
    let y = reflect(&v, beta, x);
    let norm = tol::norm2(x);
    if what.image {
        let bound = tol::reflector_image(m) * norm;
        let off = tol::norm2(&y[1..]);
        if tol::misses(off, bound) {
            return Err(miss(format!(
                "Hx = {} is not on the first axis: its entries after the first must be 0",
                pretty::vector(&y)
            ))
            .bound(format!(
                "‖(Hx)₁..‖ = {off:.2e}, allowed ≤ {bound:.2e} (rounding, relative to ‖x‖ = {})",
                pretty::number(norm)
            )));
        }
        let err = (y[0].abs() - norm).abs();
        if tol::misses(err, bound) {
            return Err(miss(format!(
                "Hx = αe₀ needs |α| = ‖x‖ = {}, but (Hx)₀ = {}",
                pretty::number(norm),
                pretty::number(y[0])
            ))
            .bound(format!("| |α| − ‖x‖ | = {err:.2e}, allowed ≤ {bound:.2e}")));
        }
    }
    // Compare signs, not the product y₀·x₀, which underflows to −0 at 2^−600.
    let opposite = (y[0] < 0.0 && x[0] > 0.0) || (y[0] > 0.0 && x[0] < 0.0);
    if what.sign && x[0] != 0.0 && !on_axis && !opposite {
        return Err(miss(format!(
            "Hx = α·e₀ with α = {}, which has the sign of x₀ = {}: the contract takes α = −sign(x₀)‖x‖, so that \
             v₀ = x₀ − α adds two numbers of the same sign and never cancels",
            pretty::number(y[0]),
            pretty::number(x[0])
        )));
    }
    Ok(())
}

// ---------------------------------------------------------------- apply_householder: inputs

/// Stored row i: `[v_(i − row0) (0 above row0), a_i0, …]`; scalars: row0,
/// col0, β.
fn apply_parts(c: &Case) -> (Vec<f64>, f64, Matrix, usize, usize) {
    let (row0, col0, beta) = (c.scalar(0) as usize, c.scalar(1) as usize, c.scalar(2));
    let n = c.rows.first().map_or(0, |r| r.len() - 1);
    let a = Matrix::from_fn(c.rows.len(), n, |i, j| c.rows[i][j + 1]);
    let v = c.rows[row0.min(c.rows.len())..].iter().map(|r| r[0]).collect();
    (v, beta, a, row0, col0)
}

fn show_apply(c: &Case) -> String {
    let (v, beta, a, row0, col0) = apply_parts(c);
    format!(
        "{}\nv = {}, β = {}, row0 = {row0}, col0 = {col0}   (the block: rows {row0}..{}, columns {col0}..{})",
        pretty::named_matrices(&[("A", &a)]),
        pretty::vector(&v),
        pretty::number(beta),
        row0 + v.len(),
        a.ncols()
    )
}

fn literal_apply(c: &Case) -> String {
    let (v, beta, a, row0, col0) = apply_parts(c);
    format!(
        "{}\nlet v = {};\nlet beta = {};\nlet (row0, col0) = ({row0}, {col0});",
        pretty::matrix_literal("mut a", &a),
        pretty::vector_literal(&v),
        pretty::number_literal(beta)
    )
}

/// row0 < m and col0 < n (a nonempty block), both whole numbers.
fn apply_valid(c: &Case) -> bool {
    let m = c.rows.len();
    let n = c.rows.first().map_or(0, |r| r.len().saturating_sub(1));
    let (r0, c0) = (c.scalar(0), c.scalar(1));
    r0.fract() == 0.0 && c0.fract() == 0.0 && (r0 as usize) < m && (c0 as usize) < n && c.scalar(2).is_finite()
}

static APPLY: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[0.0, 0.0, 0.0],
    build: build_scaled,
    show: show_apply,
    literal: literal_apply,
    valid: apply_valid,
};

fn apply_case(a: &Matrix, v: &[f64], beta: f64, row0: usize, col0: usize) -> Case {
    let rows = (0..a.nrows())
        .map(|i| {
            let vi = if i >= row0 { v[i - row0] } else { 0.0 };
            [vec![vi], a.row(i).to_vec()].concat()
        })
        .collect();
    Case::new(&APPLY, rows, vec![row0 as f64, col0 as f64, beta], 0)
}

/// A random block of a random integer matrix; v the checker's reflector of a
/// random x (β = 2/vᵀv) or random integers with β from a list.
fn random_apply(rng: &mut TestRng) -> Case {
    let (m, n) = (draw::size(rng, 1, 6), draw::size(rng, 1, 5));
    let a = Matrix::from_fn(m, n, |_, _| draw::int(rng, -9, 9));
    let (row0, col0) = (draw::size(rng, 0, m - 1), draw::size(rng, 0, n - 1));
    let p = m - row0;
    let (v, beta) = if draw::chance(rng, 1, 2) {
        let x: Vec<f64> = (0..p).map(|_| draw::entry(rng)).collect();
        reference_reflector(&x)
    } else {
        let v = ints_vec(rng, p, -3, 3);
        let vv: f64 = v.iter().map(|t| t * t).sum();
        let beta = if vv == 0.0 { 1.0 } else { draw::pick(rng, &[2.0 / vv, 1.0, 0.5, -1.0, 3.0]) };
        (v, beta)
    };
    apply_case(&a, &v, beta, row0, col0)
}

#[derive(Clone, Copy, PartialEq)]
enum Part {
    Block,
    Rest,
}

fn check_apply(f: ApplyFn, c: &Case, part: Part) -> Result<(), Miss> {
    let (v, beta, a, row0, col0) = apply_parts(c);
    let (m, n) = a.shape();
    let p = v.len();
    // The checker's B − βv(vᵀB) on the block, and the size of what was added up.
    let mut want = a.clone();
    let mut size = Matrix::zeros(m, n);
    for j in col0..n {
        let w: f64 = (0..p).map(|i| v[i] * a[(row0 + i, j)]).sum();
        let w_abs: f64 = (0..p).map(|i| (v[i] * a[(row0 + i, j)]).abs()).sum();
        for i in 0..p {
            want[(row0 + i, j)] = a[(row0 + i, j)] - beta * v[i] * w;
            size[(row0 + i, j)] = a[(row0 + i, j)].abs() + (beta * v[i]).abs() * w_abs;
        }
    }
    let mut got = a.clone();
    call("apply_householder", || f(&v, beta, &mut got, row0, col0))?;
    let miss =
        |message: String| Miss::new(message).output(format!("A after the call =\n{got}")).expected(want.to_string());
    if got.shape() != (m, n) {
        return Err(miss(format!("`apply_householder` changed the shape of A to {}×{}", got.nrows(), got.ncols())));
    }
    let in_block = |i: usize, j: usize| i >= row0 && i < row0 + p && j >= col0;
    for i in 0..m {
        for j in 0..n {
            let (g, w) = (got[(i, j)], want[(i, j)]);
            if in_block(i, j) {
                let bound = tol::reflector_apply(p) * size[(i, j)];
                if part == Part::Block && tol::misses((g - w).abs(), bound) {
                    return Err(miss(format!(
                        "entry ({i}, {j}) of the block is {}, but H·B has {} there: column j of the block becomes \
                         b − β·(vᵀb)·v",
                        pretty::number(g),
                        pretty::number(w)
                    ))
                    .bound(format!("|yours − answer| = {:.2e}, allowed ≤ {bound:.2e}", (g - w).abs())));
                }
            } else if part == Part::Rest && g.to_bits() != w.to_bits() {
                return Err(miss(format!(
                    "`apply_householder` changed entry ({i}, {j}) from {} to {}, but it is outside the block (rows \
                     {row0}..{}, columns {col0}..{n}) and must stay as it was",
                    pretty::number(w),
                    pretty::number(g),
                    row0 + p
                )));
            }
        }
    }
    Ok(())
}

// ---------------------------------------------------------------- householder

/// `householder` returns v with v₀ = 1 and β making H orthogonal, maps x onto
/// αe₀ with the cancellation-free sign, at every scale; `apply_householder`
/// is H times the block and leaves everything else alone.
pub fn householder(f: &Householder) -> ExerciseReport {
    let mut c = Checker::new("householder");
    c.probe("householder", || (f.householder)(&[3.0, 4.0]));
    c.probe("apply_householder", || {
        let mut a = Matrix::identity(2);
        (f.apply_householder)(&[1.0, 0.5], 1.6, &mut a, 0, 0);
        a
    });
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let h = f.householder;
    c.examples(
        "textbook_examples",
        "x = (3, 4) gives v = (1, 0.5), β = 1.6, Hx = (−5, 0); (2, −1, 2) and (−1, 2, 2); length 1; x already on the \
         axis (β = 0 or a reflection); x = 0 (H = I); x₀ = 0",
        vec![
            vector_case(&[3.0, 4.0]),
            vector_case(&[2.0, -1.0, 2.0]),
            vector_case(&[-1.0, 2.0, 2.0]),
            vector_case(&[1.0]),
            vector_case(&[-2.0]),
            vector_case(&[0.0]),
            vector_case(&[5.0, 0.0, 0.0]),
            vector_case(&[-5.0, 0.0]),
            vector_case(&[0.0, 0.0, 0.0]),
            vector_case(&[0.0, 3.0]),
            vector_case(&[0.0, -1.0, 2.0]),
        ],
        |case| check_reflector(h, &case.input(0), ALL),
    );
    c.fixed(
        "empty_vector",
        "the empty vector has no reflector: Err(Empty)",
        vec![Fixed::new("x = []", "let x: [f64; 0] = [];", move || {
            let got = call("householder", || h(&[]))?;
            refused("householder", &got, &LinalgError::Empty, |(v, beta)| show_reflector(v, *beta))
        })],
    );
    c.property(
        "reflector_is_orthogonal",
        "H = I − βvvᵀ is orthogonal: β = 2/vᵀv (or β = 0 when there is nothing to reflect), and v₀ = 1",
        |rng| random_x(rng, &[]),
        |case| check_reflector(h, &case.input(0), Aspects { orthogonal: true, image: false, sign: false }),
    );
    c.property(
        "reflects_onto_the_axis",
        "Hx = αe₀ with |α| = ‖x‖: every entry of Hx after the first is 0 up to rounding relative to ‖x‖",
        |rng| random_x(rng, &[]),
        |case| check_reflector(h, &case.input(0), Aspects { orthogonal: false, image: true, sign: false }),
    );
    c.property(
        "nearly_on_the_axis",
        "x almost along e₀, such as (1, 10⁻⁹): still Hx = αe₀ to full accuracy (with α of the sign of x₀, \
         x₀ − α cancels and loses every digit)",
        dominant_x,
        |case| check_reflector(h, &case.input(0), Aspects { orthogonal: true, image: true, sign: false }),
    );
    c.property(
        "sign_avoids_cancellation",
        "α = −sign(x₀)‖x‖: (Hx)₀ has the sign opposite to x₀ whenever x₀ ≠ 0 and x is not on the axis already",
        |rng| random_x(rng, &[]),
        |case| check_reflector(h, &case.input(0), Aspects { orthogonal: false, image: false, sign: true }),
    );
    c.property(
        "any_scale",
        "2^±40·x and 2^±600·x: the same v and β (use your norm_l2, which scales, not √Σxᵢ²)",
        |rng| random_x(rng, &[-600, -40, 40, 600]),
        |case| check_reflector(h, &case.input(0), ALL),
    );
    let ap = f.apply_householder;
    let a2 = matrix_of(&[&[3.0, 1.0], &[4.0, 2.0]]);
    let a3 = matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0], &[7.0, 8.0, 9.0]]);
    c.examples(
        "apply_examples",
        "v = (1, 0.5), β = 1.6 on rows (3, 1), (4, 2) gives rows (−5, −2.2), (0, 0.4); β = 0 changes nothing; a \
         block that starts at row 1 or column 1; a single entry",
        vec![
            apply_case(&a2, &[1.0, 0.5], 1.6, 0, 0),
            apply_case(&a2, &[1.0, 0.5], 1.6, 0, 1),
            apply_case(&a2, &[1.0, 0.5], 0.0, 0, 0),
            apply_case(&a3, &[1.0, -1.0], 1.0, 1, 0),
            apply_case(&a3, &[1.0, 2.0], 0.4, 1, 2),
            apply_case(&a3, &[1.0], 2.0, 2, 2),
        ],
        |case| {
            check_apply(ap, case, Part::Block)?;
            check_apply(ap, case, Part::Rest)
        },
    );
    c.property(
        "apply_is_h_times_the_block",
        "the block (rows row0..row0 + v.len(), columns col0..) becomes (I − βvvᵀ) times the block, for any v and β",
        random_apply,
        |case| check_apply(ap, case, Part::Block),
    );
    c.property(
        "apply_leaves_the_rest_alone",
        "every entry outside the block, the rows above row0 and the columns before col0, stays exactly as it was",
        random_apply,
        |case| check_apply(ap, case, Part::Rest),
    );
    c.finish()
}

// ---------------------------------------------------------------- QR: inputs

/// The signature of `householder_qr`, `householder_qr_full` and `givens_qr`.
pub type QrFn = fn(&Matrix) -> Result<Qr, LinalgError>;

/// The functions of exercise `householder_qr`.
pub struct HouseholderQr {
    pub householder_qr: QrFn,
    pub householder_qr_full: QrFn,
}

fn show_a(c: &Case) -> String {
    format!("{}{}", pretty::named_matrices(&[("A", &rows_matrix(&c.inputs()))]), c.scale_note())
}

fn literal_a(c: &Case) -> String {
    pretty::matrix_literal("a", &rows_matrix(&c.inputs()))
}

fn dims(c: &Case) -> (usize, usize) {
    (c.rows.len(), c.rows.first().map_or(0, Vec::len))
}

/// m ≥ n ≥ 1: a matrix the thin factorization accepts.
fn tall(c: &Case) -> bool {
    let (m, n) = dims(c);
    m >= n && n >= 1
}

/// m, n ≥ 1.
fn nonempty(c: &Case) -> bool {
    let (m, n) = dims(c);
    m >= 1 && n >= 1
}

static TALL: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_a,
    literal: literal_a,
    valid: tall,
};

static ANY: Spec = Spec { valid: nonempty, ..TALL };

fn matrix_case(spec: &'static Spec, a: &Matrix, exp: i32) -> Case {
    Case::new(spec, a.to_rows(), vec![], exp)
}

/// Sizes: tall (n ∈ 1..=5, m ∈ n..=8, square one time in five) or any (m, n ∈ 1..=7).
fn shape(rng: &mut TestRng, spec: &'static Spec) -> (usize, usize) {
    if std::ptr::eq(spec, &TALL) {
        let n = draw::size(rng, 1, 5);
        let m = if draw::chance(rng, 1, 5) { n } else { draw::size(rng, n, 8) };
        (m, n)
    } else {
        (draw::size(rng, 1, 7), draw::size(rng, 1, 7))
    }
}

/// Entries from [`entry`]; one time in six already upper triangular (every
/// column zero below the diagonal, so reflectors and rotations have nothing to
/// do), one time in six nearly so (integers times 10^−k below the diagonal,
/// k ∈ 4..=12, where a reflector with the wrong sign cancels), times 2^e from
/// `exps` one time in three.
fn random_matrix(rng: &mut TestRng, spec: &'static Spec, exps: &[i32]) -> Case {
    let (m, n) = shape(rng, spec);
    let kind = draw::size(rng, 0, 5);
    let k = draw::size(rng, 4, 12) as i32;
    let a = Matrix::from_fn(m, n, |i, j| match kind {
        0 if i > j => 0.0,
        1 if i > j => draw::int(rng, -9, 9) * 10f64.powi(-k),
        _ => draw::entry(rng),
    });
    let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
    matrix_case(spec, &a, exp)
}

/// A = U·Σ·Vᵀ with κ₂(A) = 10^t, t uniform in [0, max_log_kappa].
fn random_conditioned(rng: &mut TestRng, spec: &'static Spec, max_log_kappa: f64) -> Case {
    let (m, n) = shape(rng, spec);
    let log_kappa = max_log_kappa * draw::unit(rng);
    let a = draw::with_condition(rng, m, n, log_kappa);
    matrix_case(spec, &ours(&a), 0)
}

/// Dependent columns: a zero column, a repeated column, a product X·Y of
/// lower rank (small integers), or the zero matrix.
fn random_rank_deficient(rng: &mut TestRng, spec: &'static Spec) -> Case {
    let (m, n) = shape(rng, spec);
    let mut a = Matrix::from_fn(m, n, |_, _| draw::int(rng, -9, 9));
    match draw::size(rng, 0, 3) {
        0 => {
            let j = draw::size(rng, 0, n - 1);
            (0..m).for_each(|i| a[(i, j)] = 0.0);
        }
        1 if n >= 2 => {
            let (from, to) = (draw::size(rng, 0, n - 1), draw::size(rng, 0, n - 1));
            let to = if to == from { (from + 1) % n } else { to };
            (0..m).for_each(|i| a[(i, to)] = a[(i, from)]);
        }
        2 if m.min(n) >= 2 => {
            let r = draw::size(rng, 1, m.min(n) - 1);
            let x = Matrix::from_fn(m, r, |_, _| draw::int(rng, -2, 2));
            let y = Matrix::from_fn(r, n, |_, _| draw::int(rng, -2, 2));
            a = Matrix::from_fn(m, n, |i, j| (0..r).map(|k| x[(i, k)] * y[(k, j)]).sum());
        }
        _ => a = Matrix::zeros(m, n),
    }
    matrix_case(spec, &a, 0)
}

// ---------------------------------------------------------------- QR: the judge

#[derive(Clone, Copy, PartialEq)]
enum Form {
    /// Q m×n, R n×n (m ≥ n).
    Thin,
    /// Q m×m, R m×n.
    Full,
}

/// What nalgebra says about the unscaled matrix: the leading p = min(m, n)
/// columns, their κ₂, and its R (p×n, diagonal ≥ 0).
struct QrTruth {
    kappa: f64,
    r: DMatrix<f64>,
    projector: DMatrix<f64>,
    norm_f: f64,
}

/// Leading columns more dependent than this are not compared with nalgebra:
/// R is no longer determined by A.
const KAPPA_UNIQUE: f64 = 1e13;

fn qr_truth(base: &Matrix) -> QrTruth {
    let d = to_dmatrix(base);
    let p = d.nrows().min(d.ncols());
    let lead = d.columns(0, p).into_owned();
    let kappa = subspace::condition(&lead);
    let projector = if kappa <= KAPPA_UNIQUE { subspace::projector(&lead) } else { DMatrix::zeros(0, 0) };
    QrTruth { kappa, r: d.clone().qr().r(), projector, norm_f: frobenius(&d) }
}

fn expected_qr(base: &Matrix, exp: i32, form: Form) -> String {
    let (m, n) = base.shape();
    let r = ours(&to_dmatrix(base).qr().r());
    let r = Matrix::from_fn(r.nrows(), r.ncols(), |i, j| tol::scale2(r[(i, j)], exp));
    let shapes = match form {
        Form::Thin => format!("Q {m}×{n} with orthonormal columns, R {n}×{n} upper triangular"),
        Form::Full => format!("Q {m}×{m} orthogonal, R {m}×{n} upper triangular"),
    };
    format!("{shapes}, QR = A; nalgebra's R (diagonal ≥ 0; yours may differ in the signs of its rows):\n{r}")
}

/// The invariants: shapes, finite, R exactly upper triangular, QᵀQ = I and
/// A = QR up to rounding, none of them depending on κ₂(A).
fn check_factors(function: &str, c: &Case, qr: &Qr, form: Form) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let (m, n) = a.shape();
    let expected = || expected_qr(&rows_matrix(&c.rows), c.exp, form);
    let miss = |message: String| Miss::new(message).output(show_qr(qr)).expected(expected());
    let (want_q, want_r) = match form {
        Form::Thin => ((m, n), (n, n)),
        Form::Full => ((m, m), (m, n)),
    };
    if qr.q.shape() != want_q || qr.r.shape() != want_r {
        let hint = match form {
            Form::Thin if qr.q.shape() == (m, m) && m != n => {
                " (that is the full factorization: the thin one keeps the first n columns of Q and the top n rows of R)"
            }
            Form::Full if qr.q.shape() == (m, n) && m != n => {
                " (that is the thin factorization: the full one keeps all m columns of Q and all m rows of R)"
            }
            _ => "",
        };
        return Err(miss(format!(
            "`{function}` returned Q {}×{} and R {}×{}, but for a {m}×{n} matrix Q is {}×{} and R is {}×{}{hint}",
            qr.q.nrows(),
            qr.q.ncols(),
            qr.r.nrows(),
            qr.r.ncols(),
            want_q.0,
            want_q.1,
            want_r.0,
            want_r.1
        )));
    }
    if !tol::all_finite(qr.q.as_slice()) || !tol::all_finite(qr.r.as_slice()) {
        return Err(miss(format!("`{function}` returned NaN or infinity in Q or R")));
    }
    for j in 0..qr.r.ncols() {
        for i in j + 1..qr.r.nrows() {
            if qr.r[(i, j)] != 0.0 {
                return Err(miss(format!(
                    "R is not upper triangular: entry ({i}, {j}) below the diagonal is {}; store exact zeros there \
                     (did you transform the whole trailing block, and not return Rᵀ?)",
                    pretty::number(qr.r[(i, j)])
                )));
            }
        }
    }
    let q = to_dmatrix(&qr.q);
    let k = q.ncols();
    let gram = q.transpose() * &q - DMatrix::identity(k, k);
    let orth = frobenius(&gram);
    let bound = tol::qr_orthogonality(m, n);
    if tol::misses(orth, bound) {
        let kappa = subspace::condition(&to_dmatrix(&rows_matrix(&c.rows)).columns(0, m.min(n)).into_owned());
        return Err(miss(format!(
            "Q is not orthogonal to working precision: QᵀQ − I is not 0 (κ₂ of A's leading columns = {:.1e}). \
             Reflections and rotations keep Q orthogonal to rounding whatever κ₂(A) is; Gram–Schmidt loses \
             orthogonality in proportion to κ₂",
            kappa
        ))
        .bound(format!("‖QᵀQ − I‖_F = {orth:.2e}, allowed ≤ {bound:.2e}")));
    }
    let d = to_dmatrix(&a);
    let rebuilt = &q * to_dmatrix(&qr.r);
    let err = frobenius(&(&d - &rebuilt));
    let size = frobenius(&d);
    let bound = tol::qr_backward(m, n) * size;
    if tol::misses(err, bound) {
        return Err(miss("QR ≠ A: the product of your factors is not A".to_string()).bound(format!(
            "‖A − QR‖_F = {err:.2e}, allowed ≤ {bound:.2e} (rounding, relative to ‖A‖_F = {size:.2e})"
        )));
    }
    Ok(())
}

/// Against nalgebra, where A determines them: R once the signs of its rows
/// are matched, and the span of the first p columns of Q. Computed on the
/// unscaled matrix, with the learner's R scaled back (exactly, by 2^−exp).
fn check_unique_parts(function: &str, c: &Case, qr: &Qr, form: Form) -> Result<(), Miss> {
    let base = rows_matrix(&c.rows);
    let (m, n) = base.shape();
    let t = qr_truth(&base);
    if tol::misses(t.kappa, KAPPA_UNIQUE) {
        return Ok(());
    }
    let p = m.min(n);
    let mine = DMatrix::from_fn(p, n, |i, j| tol::scale2(qr.r[(i, j)], -c.exp));
    // Row signs: R is unique up to them. Pick each row's sign to match.
    let mut signed = mine.clone();
    for i in 0..p {
        let plus = (0..n).map(|j| (mine[(i, j)] - t.r[(i, j)]).powi(2)).sum::<f64>();
        let minus = (0..n).map(|j| (mine[(i, j)] + t.r[(i, j)]).powi(2)).sum::<f64>();
        if minus < plus {
            signed.row_mut(i).neg_mut();
        }
    }
    let err = frobenius(&(&signed - &t.r));
    let bound = tol::qr_r_factor(m, n, t.kappa) * t.norm_f;
    if tol::misses(err, bound) {
        return Err(Miss::new(format!(
            "R differs from nalgebra's R by more than the signs of its rows; with independent leading columns \
             (κ₂ = {:.1e}) R is unique up to those signs. `{function}` must factor A itself",
            t.kappa
        ))
        .output(format!("R with its rows' signs matched to nalgebra's, unscaled =\n{}", ours(&signed)))
        .expected(format!("nalgebra's R =\n{}", ours(&t.r)))
        .bound(format!("‖D·R − R_nalgebra‖_F = {err:.2e}, allowed ≤ {bound:.2e} (∝ κ₂·rounding·‖A‖_F)")));
    }
    if form == Form::Full && p == m {
        return Ok(());
    }
    let q = to_dmatrix(&qr.q).columns(0, p).into_owned();
    let mine = &q * q.transpose();
    let err = frobenius(&(&mine - &t.projector));
    let bound = tol::qr_column_space(m, n, t.kappa);
    if tol::misses(err, bound) {
        return Err(Miss::new(format!(
            "the first {p} columns of Q do not span the column space of A (their projector differs from \
             nalgebra's)"
        ))
        .output(show_qr(qr))
        .expected(expected_qr(&base, c.exp, form))
        .bound(format!("‖QQᵀ − P_A‖_F = {err:.2e}, allowed ≤ {bound:.2e}")));
    }
    Ok(())
}

fn check_qr(function: &str, f: QrFn, c: &Case, form: Form, unique: bool) -> Result<(), Miss> {
    let a = rows_matrix(&c.inputs());
    let qr = accepted(function, call(function, || f(&a))?, || expected_qr(&rows_matrix(&c.rows), c.exp, form))
        .map_err(|e| Miss {
            message: format!(
                "{} (every matrix with at least one row and one column has a QR factorization)",
                e.message
            ),
            ..e
        })?;
    check_factors(function, c, &qr, form)?;
    if unique {
        check_unique_parts(function, c, &qr, form)?;
    }
    Ok(())
}

/// The hand-picked inputs: the lesson's examples and the edge cases.
fn qr_examples(spec: &'static Spec) -> Vec<Case> {
    let mut v: Vec<Matrix> = vec![
        matrix_of(&[&[3.0, 1.0], &[4.0, 2.0]]),
        matrix_of(&[&[3.0], &[4.0]]),
        matrix_of(&[&[5.0]]),
        matrix_of(&[&[-2.0]]),
        matrix_of(&[&[0.0]]),
        Matrix::identity(3),
        matrix_of(&[&[1.0, 1.0, 0.0], &[1.0, 0.0, 1.0], &[0.0, 1.0, 1.0], &[1.0, 1.0, 1.0]]),
        matrix_of(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]]),
        matrix_of(&[&[2.0, 1.0, 3.0], &[0.0, -3.0, 1.0], &[0.0, 0.0, 4.0]]),
        matrix_of(&[&[-2.0, 1.0], &[0.0, 3.0], &[0.0, 0.0]]),
        matrix_of(&[&[1.0, 0.0], &[1.0, 0.0], &[1.0, 0.0]]),
        matrix_of(&[&[0.0, 1.0], &[0.0, 2.0], &[0.0, 3.0]]),
        Matrix::zeros(2, 2),
        matrix_of(&[&[1.0, 1.0, 1.0], &[1.0, 1.0, 1.0], &[1.0, 1.0, 1.0]]),
    ];
    if !std::ptr::eq(spec, &TALL) {
        v.extend([
            matrix_of(&[&[1.0, 2.0, 3.0]]),
            matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]),
            matrix_of(&[&[0.0, 0.0, 1.0], &[0.0, 0.0, 2.0]]),
        ]);
    }
    v.iter().map(|a| matrix_case(spec, a, 0)).collect()
}

const EXAMPLES: &str = "rows (3, 1), (4, 2) give R with rows (∓5, ∓2.2), (0, ±0.4); one column; 1×1; the identity; a \
                        4×3 textbook matrix; a line's design matrix; already upper triangular (nothing to zero); a \
                        zero column; the zero matrix; all ones (rank one)";

fn refuses_qr(function: &'static str, f: QrFn, a: Matrix, want: LinalgError) -> Fixed<'static> {
    Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
        let got = call(function, || f(&a))?;
        refused(function, &got, &want, show_qr)
    })
}

/// The properties every full factorization (Householder's and Givens') must have.
fn full_properties(c: &mut Checker, function: &'static str, f: QrFn, prefix: &str) {
    c.examples(
        &format!("{prefix}examples"),
        &format!("{EXAMPLES}; wide matrices (R is m×n, upper trapezoidal)"),
        qr_examples(&ANY),
        |case| check_qr(function, f, case, Form::Full, true),
    );
    c.property(
        &format!("{prefix}random_matrices"),
        "any m×n: Q m×m orthogonal, R m×n upper triangular, QR = A, and R is nalgebra's up to the signs of its rows; \
         × 2^±40 and 2^±600 too",
        |rng| random_matrix(rng, &ANY, &[-600, -40, 40, 600]),
        |case| check_qr(function, f, case, Form::Full, true),
    );
    c.property(
        &format!("{prefix}orthogonal_whatever_the_conditioning"),
        "A = U·Σ·Vᵀ with κ₂ up to 10¹²: ‖QᵀQ − I‖ and ‖A − QR‖/‖A‖ stay at rounding size, with no κ₂ in the bound",
        |rng| random_conditioned(rng, &ANY, 12.0),
        |case| check_qr(function, f, case, Form::Full, true),
    );
    c.property(
        &format!("{prefix}rank_deficient"),
        "dependent columns (a zero column, a repeated one, low rank, zero): QR still exists; don't refuse it",
        |rng| random_rank_deficient(rng, &ANY),
        |case| check_qr(function, f, case, Form::Full, false),
    );
    c.fixed(
        &format!("{prefix}refuses_empty"),
        "no rows or no columns: Err(Empty)",
        vec![
            refuses_qr(function, f, Matrix::zeros(0, 0), LinalgError::Empty),
            refuses_qr(function, f, Matrix::zeros(0, 3), LinalgError::Empty),
            refuses_qr(function, f, Matrix::zeros(2, 0), LinalgError::Empty),
        ],
    );
}

// ---------------------------------------------------------------- householder_qr

/// `householder_qr` (thin) and `householder_qr_full` are QR factorizations
/// that keep Q orthogonal to rounding whatever the conditioning, agree with
/// nalgebra's R up to row signs, factor rank-deficient matrices, and refuse
/// what has no factorization of their kind.
pub fn householder_qr(f: &HouseholderQr) -> ExerciseReport {
    let mut c = Checker::new("householder_qr");
    let a = matrix_of(&[&[3.0, 1.0], &[4.0, 2.0]]);
    c.probe("householder_qr", || (f.householder_qr)(&a));
    c.probe("householder_qr_full", || (f.householder_qr_full)(&a));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let thin = f.householder_qr;
    let name = "householder_qr";
    c.examples("thin_examples", EXAMPLES, qr_examples(&TALL), move |case| check_qr(name, thin, case, Form::Thin, true));
    c.property(
        "thin_random_matrices",
        "m ≥ n: Q m×n with orthonormal columns, R n×n upper triangular, QR = A; R is nalgebra's up to the signs of \
         its rows, and Q spans the column space of A",
        |rng| random_matrix(rng, &TALL, &[-40, 40]),
        move |case| check_qr(name, thin, case, Form::Thin, true),
    );
    c.property(
        "thin_orthogonal_whatever_the_conditioning",
        "A = U·Σ·Vᵀ with κ₂ up to 10¹²: ‖QᵀQ − I‖ and ‖A − QR‖/‖A‖ stay at rounding size, with no κ₂ in the bound \
         (Gram–Schmidt's Q fails here)",
        |rng| random_conditioned(rng, &TALL, 12.0),
        move |case| check_qr(name, thin, case, Form::Thin, true),
    );
    c.property(
        "thin_rank_deficient",
        "dependent columns (a zero column, a repeated one, low rank, zero): QR still exists, with zeros or tiny \
         numbers on the diagonal of R; don't refuse it",
        |rng| random_rank_deficient(rng, &TALL),
        move |case| check_qr(name, thin, case, Form::Thin, false),
    );
    c.property(
        "thin_any_scale",
        "2^±600·A factors like A: no overflow or underflow in the norms",
        |rng| {
            let case = random_matrix(rng, &TALL, &[]);
            Case { exp: draw::pick(rng, &[-600, 600]), ..case }
        },
        move |case| check_qr(name, thin, case, Form::Thin, true),
    );
    c.fixed(
        "thin_refuses",
        "no rows or no columns: Err(Empty); more columns than rows: Err(DimensionMismatch { expected: rows, found: \
         cols }), the thin factorization needs m ≥ n",
        vec![
            refuses_qr(
                name,
                thin,
                matrix_of(&[&[1.0, 2.0, 3.0]]),
                LinalgError::DimensionMismatch { expected: 1, found: 3 },
            ),
            refuses_qr(
                name,
                thin,
                matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]),
                LinalgError::DimensionMismatch { expected: 2, found: 3 },
            ),
            refuses_qr(name, thin, Matrix::zeros(0, 0), LinalgError::Empty),
            refuses_qr(name, thin, Matrix::zeros(0, 3), LinalgError::Empty),
            refuses_qr(name, thin, Matrix::zeros(2, 0), LinalgError::Empty),
        ],
    );
    full_properties(&mut c, "householder_qr_full", f.householder_qr_full, "full_");
    c.finish()
}

// ---------------------------------------------------------------- givens

/// The signature of `givens`.
pub type GivensFn = fn(f64, f64) -> (f64, f64, f64);

fn pair(c: &Case) -> (f64, f64) {
    let x = c.input(0);
    (x[0], x[1])
}

fn show_pair(c: &Case) -> String {
    let (a, b) = pair(c);
    format!("a = {}, b = {}{}", pretty::number(a), pretty::number(b), c.scale_note())
}

fn literal_pair(c: &Case) -> String {
    let (a, b) = pair(c);
    format!("let (a, b) = ({}, {});", pretty::number_literal(a), pretty::number_literal(b))
}

/// (a, b), stored as one row of two (× 2^exp).
static PAIR: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 2,
    scalar_floor: &[],
    build: build_scaled,
    show: show_pair,
    literal: literal_pair,
    valid: always_valid,
};

fn pair_case(a: f64, b: f64, exp: i32) -> Case {
    Case::new(&PAIR, vec![vec![a, b]], vec![], exp)
}

fn show_rotation((c, s, r): (f64, f64, f64)) -> String {
    format!("(c, s, r) = ({}, {}, {})", pretty::number(c), pretty::number(s), pretty::number(r))
}

fn check_givens(g: GivensFn, a: f64, b: f64) -> Result<(), Miss> {
    let h = a.hypot(b);
    let want = if b == 0.0 { (1.0, 0.0, a) } else { (a / h, b / h, h) };
    let got = call("givens", || g(a, b))?;
    let (c, s, r) = got;
    let miss = |message: String| Miss::new(message).output(show_rotation(got)).expected(show_rotation(want));
    if !(c.is_finite() && s.is_finite() && r.is_finite()) {
        return Err(miss(
            "`givens` returned NaN or infinity: compute √(a² + b²) with `hypot` (a² overflows near 1e300 and \
             underflows to 0 near 1e-300)"
                .into(),
        ));
    }
    if b == 0.0 {
        if c == 1.0 && s == 0.0 && r == a {
            return Ok(());
        }
        return Err(miss("with b = 0 there is nothing to rotate: return exactly (1, 0, a), the identity".into()));
    }
    let unit = (c * c + s * s - 1.0).abs();
    let bound = tol::givens_unit();
    if tol::misses(unit, bound) {
        return Err(miss(format!(
            "c² + s² = {} is not 1: G is a rotation only when c = a/r and s = b/r with r = ±√(a² + b²)",
            pretty::number(c * c + s * s)
        ))
        .bound(format!("|c² + s² − 1| = {unit:.2e}, allowed ≤ {bound:.2e}")));
    }
    let bound = tol::givens_entries() * h;
    let second = -s * a + c * b;
    if tol::misses(second.abs(), bound) {
        return Err(miss(format!(
            "G·(a, b) has second entry −s·a + c·b = {}, not 0: the rotation [[c, s], [−s, c]] zeroes b when c = a/r \
             and s = b/r",
            pretty::number(second)
        ))
        .bound(format!("|−s·a + c·b| = {:.2e}, allowed ≤ {bound:.2e}", second.abs())));
    }
    let first = c * a + s * b;
    if !((first - r).abs() <= bound && (r.abs() - h).abs() <= bound) {
        return Err(miss(format!(
            "G·(a, b) = ({}, 0), so r must be c·a + s·b, with |r| = √(a² + b²) = {}",
            pretty::number(first),
            pretty::number(h)
        ))
        .bound(format!(
            "|c·a + s·b − r| = {:.2e} and ||r| − √(a² + b²)| = {:.2e}, allowed ≤ {bound:.2e}",
            (first - r).abs(),
            (r.abs() - h).abs()
        )));
    }
    Ok(())
}

fn random_pair(rng: &mut TestRng, exps: &[i32]) -> Case {
    let (a, b) = (draw::entry(rng), draw::entry(rng));
    let b = if b == 0.0 { 1.0 } else { b };
    let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
    pair_case(a, b, exp)
}

/// `givens` returns a rotation (c² + s² = 1) that maps (a, b) to (r, 0),
/// the identity when b = 0, and no NaN at 10^±301.
pub fn givens(g: GivensFn) -> ExerciseReport {
    let mut c = Checker::new("givens");
    c.probe("givens", || g(3.0, 4.0));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = move |case: &Case| {
        let (a, b) = pair(case);
        check_givens(g, a, b)
    };
    c.examples(
        "textbook_examples",
        "(3, 4) gives (0.6, 0.8, 5); (−3, 4); (0, 2) and (0, −2) (a quarter turn); (1, 1); b = 0 gives exactly \
         (1, 0, a), also for a = −5 and a = 0",
        vec![
            pair_case(3.0, 4.0, 0),
            pair_case(-3.0, 4.0, 0),
            pair_case(4.0, -3.0, 0),
            pair_case(0.0, 2.0, 0),
            pair_case(0.0, -2.0, 0),
            pair_case(1.0, 1.0, 0),
            pair_case(5.0, 0.0, 0),
            pair_case(-5.0, 0.0, 0),
            pair_case(0.0, 0.0, 0),
        ],
        check,
    );
    c.property(
        "rotation_zeroes_b",
        "c² + s² = 1, −s·a + c·b = 0 and c·a + s·b = r with |r| = √(a² + b²), up to rounding",
        |rng| random_pair(rng, &[]),
        check,
    );
    c.property(
        "b_zero_is_the_identity",
        "givens(a, 0) is exactly (1, 0, a), whatever the sign of a",
        |rng| pair_case(draw::int(rng, -9, 9) / draw::pick(rng, &[1.0, 3.0]), 0.0, draw::exponent(rng, &[-40, 40])),
        check,
    );
    c.property(
        "huge_and_tiny",
        "a and b near 10^±301 (2^±1000) or 10^±180: no overflow or underflow (a² is infinite or 0 there)",
        |rng| random_pair(rng, &[-1000, -600, 600, 1000]),
        check,
    );
    c.fixed(
        "mixed_scales",
        "a = 10³⁰⁰ with b = 10⁻³⁰⁰ and the other way round, and 10⁻³⁰⁰ with itself",
        [(1e300, 1e-300), (1e-300, 1e300), (1e-300, 1e-300), (-1e300, 1e300)]
            .into_iter()
            .map(|(a, b)| {
                Fixed::new(format!("a = {a:e}, b = {b:e}"), format!("let (a, b) = ({a:e}, {b:e});"), move || {
                    check_givens(g, a, b)
                })
            })
            .collect(),
    );
    c.finish()
}

// ---------------------------------------------------------------- givens_qr

/// `givens_qr` is a full QR factorization with the same guarantees as
/// Householder's: Q orthogonal to rounding whatever the conditioning.
pub fn givens_qr(f: QrFn) -> ExerciseReport {
    let mut c = Checker::new("givens_qr");
    c.probe("givens_qr", || f(&matrix_of(&[&[3.0, 1.0], &[4.0, 2.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    full_properties(&mut c, "givens_qr", f, "");
    c.property(
        "any_scale",
        "2^±600·A factors like A: no overflow or underflow in the rotations",
        |rng| {
            let case = random_matrix(rng, &ANY, &[]);
            Case { exp: draw::pick(rng, &[-600, 600]), ..case }
        },
        move |case| check_qr("givens_qr", f, case, Form::Full, true),
    );
    c.finish()
}

// ---------------------------------------------------------------- least_squares_qr

/// The signature of `lstsq_qr`.
pub type LstsqFn = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// Generated problems keep κ₂(A) at most this, so that κ₂·η stays small and
/// the first-order perturbation bound holds.
const KAPPA_LS: f64 = 1e10;

/// m ≥ n ≥ 1, finite, independent columns with κ₂(A) ≤ [`KAPPA_LS`].
fn full_column_rank(c: &Case) -> bool {
    ls_cases::full_column_rank(c, KAPPA_LS)
}

static LS: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[],
    build: build_scaled,
    show: ls_cases::show,
    literal: ls_cases::literal,
    valid: full_column_rank,
};

fn ls_case(a: &Matrix, b: &[f64]) -> Case {
    let rows = (0..a.nrows()).map(|i| [vec![b[i]], a.row(i).to_vec()].concat()).collect();
    Case::new(&LS, rows, vec![], 0)
}

fn ls_rows(a: &DMatrix<f64>, b: &DVector<f64>) -> Vec<Vec<f64>> {
    (0..a.nrows()).map(|i| std::iter::once(b[i]).chain(a.row(i).iter().copied()).collect()).collect()
}

/// The kinds of right-hand side: b = A·x₀ (zero residual), b ⟂ C(A) (x = 0),
/// or A·x₀ plus a part orthogonal to C(A).
#[derive(Clone, Copy)]
enum Rhs {
    InRange,
    Orthogonal,
    Both,
}

fn right_hand_side(rng: &mut TestRng, a: &DMatrix<f64>, kind: Rhs) -> DVector<f64> {
    let (m, n) = a.shape();
    let x0 = dvec(&ints_vec(rng, n, -5, 5));
    let in_range = a * x0;
    if m == n || matches!(kind, Rhs::InRange) {
        return in_range;
    }
    let w = dvec(&ints_vec(rng, m, -9, 9));
    let q = a.clone().qr().q();
    let perp = &w - &q * (q.transpose() * &w);
    if matches!(kind, Rhs::Orthogonal) { perp } else { in_range + perp }
}

/// A = U·Σ·Vᵀ with κ₂ = 10^t, t uniform in [0, max_log_kappa]; n ∈ 1..=4,
/// m ∈ n..=8; b of one of `kinds`; × 2^e from `exps` one time in three.
fn random_conditioned_ls(rng: &mut TestRng, max_log_kappa: f64, kinds: &[Rhs], exps: &[i32]) -> Case {
    loop {
        let n = draw::size(rng, 1, 4);
        let m = if draw::chance(rng, 1, 6) { n } else { draw::size(rng, n, 8) };
        let log_kappa = max_log_kappa * draw::unit(rng);
        let a = draw::with_condition(rng, m, n, log_kappa);
        let kind = draw::pick(rng, kinds);
        let b = right_hand_side(rng, &a, kind);
        let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
        let case = Case::new(&LS, ls_rows(&a, &b), vec![], exp);
        if full_column_rank(&case) {
            return case;
        }
    }
}

/// Integer A and b in [−9, 9] with independent columns.
fn random_integer_ls(rng: &mut TestRng) -> Case {
    loop {
        let n = draw::size(rng, 1, 4);
        let m = if draw::chance(rng, 1, 6) { n } else { draw::size(rng, n, 8) };
        let rows = (0..m).map(|_| ints_vec(rng, n + 1, -9, 9)).collect();
        let case = Case::new(&LS, rows, vec![], 0);
        if full_column_rank(&case) {
            return case;
        }
    }
}

/// What the checker knows about a least-squares problem.
struct LsTruth {
    /// nalgebra's Householder QR solution, R x = Qᵀ b.
    x: Vec<f64>,
    kappa: f64,
    /// ‖A‖₂ = σ₁.
    norm_2: f64,
    /// ‖b − A x‖₂.
    residual: f64,
}

fn ls_truth(a: &Matrix, b: &[f64]) -> LsTruth {
    let d = to_dmatrix(a);
    let qr = d.clone().qr();
    let qtb = qr.q().transpose() * dvec(b);
    let x = qr.r().solve_upper_triangular(&qtb).map_or_else(|| vec![f64::NAN; a.ncols()], |x| x.as_slice().to_vec());
    let s = subspace::singular_values(&d);
    let (top, bottom) = (s.first().copied().unwrap_or(0.0), s.last().copied().unwrap_or(0.0));
    let r = dvec(b) - &d * dvec(&x);
    LsTruth { x, kappa: top / bottom, norm_2: top, residual: tol::norm2(r.as_slice()) }
}

fn solve_ls(f: LstsqFn, a: &Matrix, b: &[f64], want: &[f64]) -> Result<Vec<f64>, Miss> {
    let got = accepted("lstsq_qr", call("lstsq_qr", || f(a, b))?, || pretty::vector(want))
        .map_err(|e| Miss { message: format!("{} (the columns of A are independent)", e.message), ..e })?;
    if got.len() != a.ncols() {
        return Err(Miss::new(format!(
            "`lstsq_qr` returned {} numbers, but x has one entry per column of A, {}",
            got.len(),
            a.ncols()
        ))
        .output(pretty::vector(&got))
        .expected(pretty::vector(want)));
    }
    if !tol::all_finite(&got) {
        return Err(Miss::new("`lstsq_qr` returned NaN or infinity where the answer is finite")
            .output(pretty::vector(&got))
            .expected(pretty::vector(want)));
    }
    Ok(got)
}

/// x̂ against nalgebra's solution, within the perturbation bound of the
/// least-squares problem for a backward-stable method:
/// ‖x̂ − x‖ ≤ η·κ₂·(2‖x‖ + (κ₂ + 1)‖r‖/‖A‖₂) (Higham, Thm 20.1).
fn check_forward(f: LstsqFn, c: &Case) -> Result<(), Miss> {
    let (a, b) = ls_cases::parts(c);
    let (m, n) = a.shape();
    let t = ls_truth(&a, &b);
    let got = solve_ls(f, &a, &b, &t.x)?;
    let scale = 2.0 * tol::norm2(&t.x) + (t.kappa + 1.0) * t.residual / t.norm_2;
    let bound = tol::lstsq_qr(m, n, t.kappa) * scale;
    vector_close("lstsq_qr", &got, &t.x, bound).map_err(|e| Miss {
        message: format!(
            "{} from the least-squares solution (nalgebra's Householder QR). With κ₂(A) = {:.2e} and ‖r‖/(‖A‖‖x‖) \
             = {:.1e}, a backward-stable method is within κ₂ + κ₂²‖r‖/(‖A‖‖x‖) times rounding; the normal \
             equations lose κ₂² whatever the residual",
            e.message,
            t.kappa,
            t.residual / (t.norm_2 * tol::norm2(&t.x)).max(f64::MIN_POSITIVE)
        ),
        ..e
    })
}

/// κ-free: Aᵀ(b − Ax̂) = 0 up to rounding of size ‖A‖_F(‖A‖_F‖x̂‖ + ‖b‖).
fn check_residual_orthogonal(f: LstsqFn, c: &Case) -> Result<(), Miss> {
    let (a, b) = ls_cases::parts(c);
    let (m, n) = a.shape();
    let t = ls_truth(&a, &b);
    let x = solve_ls(f, &a, &b, &t.x)?;
    let d = to_dmatrix(&a);
    let r = dvec(&b) - &d * dvec(&x);
    let g = d.transpose() * &r;
    let fro = frobenius(&d);
    let size = fro * (fro * tol::norm2(&x) + tol::norm2(&b));
    let err = tol::norm2(g.as_slice());
    let bound = tol::lstsq_qr_residual(m, n) * size;
    if err <= bound {
        return Ok(());
    }
    Err(Miss::new(format!(
        "the residual b − Ax̂ is not orthogonal to the columns of A: Aᵀ(b − Ax̂) = {} is not zero",
        pretty::vector(g.as_slice())
    ))
    .output(format!("x = {}", pretty::vector(&x)))
    .expected(format!("x = {} (nalgebra), with Aᵀ(b − Ax) = 0 up to rounding", pretty::vector(&t.x)))
    .bound(format!("‖Aᵀ(b − Ax̂)‖ = {err:.2e}, allowed ≤ {bound:.2e} (rounding of size ‖A‖_F(‖A‖_F‖x̂‖ + ‖b‖))")))
}

/// `lstsq_qr` is the least-squares solution to the accuracy of a backward-stable
/// method (κ₂, not κ₂², when the residual is small), and refuses what its
/// building blocks refuse.
pub fn least_squares_qr(f: LstsqFn) -> ExerciseReport {
    let mut c = Checker::new("least_squares_qr");
    c.probe("lstsq_qr", || f(&Matrix::identity(1), &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let ex = |a: &[&[f64]], b: &[f64]| ls_case(&matrix_of(a), b);
    c.examples(
        "textbook_examples",
        "the line through (0,1), (1,2), (2,4): x = (5/6, 3/2); a square system; one column (the mean); b in C(A); \
         b ⟂ C(A) (x = 0); 1×1; already triangular",
        vec![
            ex(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]], &[1.0, 2.0, 4.0]),
            ex(&[&[2.0, 1.0], &[1.0, 3.0]], &[3.0, 5.0]),
            ex(&[&[1.0], &[1.0], &[1.0], &[1.0]], &[2.0, 3.0, 7.0, 4.0]),
            ex(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0]], &[5.0, 11.0, 17.0]),
            ex(&[&[1.0, 0.0], &[0.0, 1.0], &[0.0, 0.0]], &[0.0, 0.0, 5.0]),
            ex(&[&[1.0, 1.0], &[1.0, -1.0], &[1.0, 1.0], &[1.0, -1.0]], &[1.0, 1.0, -1.0, -1.0]),
            ex(&[&[4.0]], &[2.0]),
            ex(&[&[2.0, 1.0], &[0.0, -3.0], &[0.0, 0.0]], &[4.0, 3.0, 1.0]),
        ],
        |case| {
            check_forward(f, case)?;
            check_residual_orthogonal(f, case)
        },
    );
    c.property(
        "residual_orthogonal_to_columns",
        "Aᵀ(b − Ax̂) = 0 up to rounding of size ‖A‖(‖A‖‖x̂‖ + ‖b‖), whatever κ₂(A) (integer A and b)",
        random_integer_ls,
        |case| check_residual_orthogonal(f, case),
    );
    c.property(
        "matches_nalgebra",
        "x̂ is nalgebra's least-squares solution up to (κ₂ + κ₂²‖r‖/(‖A‖‖x‖)) times rounding (integer A and b)",
        random_integer_ls,
        |case| check_forward(f, case),
    );
    c.property(
        "ill_conditioned_small_residual",
        "A = U·Σ·Vᵀ with κ₂ up to 10¹⁰ and b = A·x₀: x̂ is within κ₂ times rounding of the solution (the normal \
         equations, which square κ₂, fail here)",
        |rng| random_conditioned_ls(rng, 10.0, &[Rhs::InRange], &[]),
        |case| check_forward(f, case),
    );
    c.property(
        "ill_conditioned_any_residual",
        "κ₂ up to 10¹⁰, b in C(A), b ⟂ C(A) or neither: x̂ within (κ₂ + κ₂²‖r‖/(‖A‖‖x‖)) times rounding",
        |rng| random_conditioned_ls(rng, 10.0, &[Rhs::InRange, Rhs::Orthogonal, Rhs::Both], &[]),
        |case| check_forward(f, case),
    );
    c.property(
        "scaled_problems",
        "2^±40 and 2^±100 times A and b: the same x̂",
        |rng| random_conditioned_ls(rng, 4.0, &[Rhs::InRange, Rhs::Orthogonal, Rhs::Both], &[-100, -40, 40, 100]),
        |case| check_forward(f, case),
    );
    let refuses = |a: Matrix, b: Vec<f64>, want: LinalgError| {
        let show = format!("{}\nb = {}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&b));
        let literal = format!("{}\nlet b = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&b));
        Fixed::new(show, literal, move || {
            let got = call("lstsq_qr", || f(&a, &b))?;
            refused("lstsq_qr", &got, &want, show_vec)
        })
    };
    let mismatch = |expected, found| LinalgError::DimensionMismatch { expected, found };
    let singular = |column| LinalgError::Singular { column };
    c.fixed(
        "refuses_bad_input",
        "b of the wrong length: Err(DimensionMismatch { expected: rows, found: b.len() }); a zero column: your back \
         substitution's Err(Singular { column }); more columns than rows, or none: your householder_qr's errors",
        vec![
            refuses(matrix_of(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]]), vec![1.0, 2.0], mismatch(3, 2)),
            refuses(matrix_of(&[&[1.0, 0.0], &[1.0, 0.0], &[1.0, 0.0]]), vec![1.0, 2.0, 3.0], singular(1)),
            refuses(matrix_of(&[&[0.0, 1.0], &[0.0, 2.0], &[0.0, 3.0]]), vec![1.0, 2.0, 3.0], singular(0)),
            refuses(matrix_of(&[&[1.0, 2.0], &[0.0, 0.0]]), vec![1.0, 1.0], singular(1)),
            refuses(matrix_of(&[&[1.0, 2.0]]), vec![1.0], mismatch(1, 2)),
            refuses(Matrix::zeros(0, 2), vec![], LinalgError::Empty),
            refuses(Matrix::zeros(2, 0), vec![1.0, 2.0], LinalgError::Empty),
        ],
    );
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::RngAlgorithm;
    use solutions::l08 as sol;

    fn rng() -> TestRng {
        TestRng::from_seed(RngAlgorithm::ChaCha, &[8; 32])
    }

    /// The largest error/bound ratios of the reference solutions, without the
    /// safety factor C, over many generated inputs: the numbers quoted in
    /// `tol.rs`. `cargo test -p eigenlings-checks l08::tests::calibrate --release -- --ignored --nocapture`
    #[test]
    #[ignore = "prints the calibration of the lesson-8 tolerances; slow in debug builds"]
    fn calibrate() {
        let mut rng = rng();
        let cases = 20_000;
        let mut worst = [0.0_f64; 11];
        let mut note = |k: usize, err: f64, bound: f64| {
            if err > 0.0 {
                worst[k] = worst[k].max(err / (bound / tol::C));
            }
        };
        for k in 0..cases {
            // Reflectors.
            let case = if k % 2 == 0 { random_x(&mut rng, &[-600, 40, 600]) } else { dominant_x(&mut rng) };
            let x = case.input(0);
            let (v, beta) = sol::householder::householder(&x).unwrap();
            let vv: f64 = v.iter().map(|t| t * t).sum();
            note(0, beta.abs() * (beta * vv - 2.0).abs() * vv, tol::reflector_orthogonality(x.len()));
            let y = reflect(&v, beta, &x);
            let norm = tol::norm2(&x);
            let bound = tol::reflector_image(x.len()) * norm;
            note(1, tol::norm2(&y[1..]).max((y[0].abs() - norm).abs()), bound);
            // Applying a reflector.
            let case = random_apply(&mut rng);
            let (v, beta, a, row0, col0) = apply_parts(&case);
            let mut got = a.clone();
            sol::householder::apply_householder(&v, beta, &mut got, row0, col0);
            for j in col0..a.ncols() {
                let w: f64 = (0..v.len()).map(|i| v[i] * a[(row0 + i, j)]).sum();
                let w_abs: f64 = (0..v.len()).map(|i| (v[i] * a[(row0 + i, j)]).abs()).sum();
                for i in 0..v.len() {
                    let want = a[(row0 + i, j)] - beta * v[i] * w;
                    let size = a[(row0 + i, j)].abs() + (beta * v[i]).abs() * w_abs;
                    note(2, (got[(row0 + i, j)] - want).abs(), tol::reflector_apply(v.len()) * size);
                }
            }
            // QR, thin and full, Householder and Givens.
            let spec: &'static Spec = if k % 2 == 0 { &TALL } else { &ANY };
            let case = match k % 3 {
                0 => random_matrix(&mut rng, spec, &[-40, 40]),
                1 => random_conditioned(&mut rng, spec, 12.0),
                _ => random_rank_deficient(&mut rng, spec),
            };
            let a = rows_matrix(&case.inputs());
            let (m, n) = a.shape();
            let qrs: Vec<Qr> = if m >= n {
                vec![
                    sol::householder_qr::householder_qr(&a).unwrap(),
                    sol::householder_qr::householder_qr_full(&a).unwrap(),
                    sol::givens_qr::givens_qr(&a).unwrap(),
                ]
            } else {
                vec![sol::householder_qr::householder_qr_full(&a).unwrap(), sol::givens_qr::givens_qr(&a).unwrap()]
            };
            let t = qr_truth(&a);
            for qr in &qrs {
                let q = to_dmatrix(&qr.q);
                let kq = q.ncols();
                note(3, frobenius(&(q.transpose() * &q - DMatrix::identity(kq, kq))), tol::qr_orthogonality(m, n));
                let d = to_dmatrix(&a);
                let err = frobenius(&(&d - &q * to_dmatrix(&qr.r)));
                note(4, err, tol::qr_backward(m, n) * frobenius(&d));
                if t.kappa <= KAPPA_UNIQUE {
                    let p = m.min(n);
                    let mine = DMatrix::from_fn(p, n, |i, j| qr.r[(i, j)]);
                    let mut signed = mine.clone();
                    for i in 0..p {
                        let plus = (0..n).map(|j| (mine[(i, j)] - t.r[(i, j)]).powi(2)).sum::<f64>();
                        let minus = (0..n).map(|j| (mine[(i, j)] + t.r[(i, j)]).powi(2)).sum::<f64>();
                        if minus < plus {
                            signed.row_mut(i).neg_mut();
                        }
                    }
                    note(5, frobenius(&(&signed - &t.r)), tol::qr_r_factor(m, n, t.kappa) * t.norm_f);
                    if p < m {
                        let qp = q.columns(0, p).into_owned();
                        note(6, frobenius(&(&qp * qp.transpose() - &t.projector)), tol::qr_column_space(m, n, t.kappa));
                    }
                }
            }
            // Givens.
            let case = random_pair(&mut rng, &[-1000, -600, 600, 1000]);
            let (a, b) = pair(&case);
            let (cc, s, r) = sol::givens::givens(a, b);
            let h = a.hypot(b);
            note(7, (cc * cc + s * s - 1.0).abs(), tol::givens_unit());
            let e = (-s * a + cc * b).abs().max((cc * a + s * b - r).abs()).max((r.abs() - h).abs());
            note(8, e, tol::givens_entries() * h);
            // Least squares.
            let case = match k % 3 {
                0 => random_integer_ls(&mut rng),
                1 => random_conditioned_ls(&mut rng, 10.0, &[Rhs::InRange, Rhs::Orthogonal, Rhs::Both], &[]),
                _ => random_conditioned_ls(&mut rng, 4.0, &[Rhs::Both], &[-100, -40, 40, 100]),
            };
            let (a, b) = ls_cases::parts(&case);
            let (m, n) = a.shape();
            let t = ls_truth(&a, &b);
            let x = sol::least_squares_qr::lstsq_qr(&a, &b).unwrap();
            let scale = 2.0 * tol::norm2(&t.x) + (t.kappa + 1.0) * t.residual / t.norm_2;
            note(9, tol::distance(&x, &t.x), tol::lstsq_qr(m, n, t.kappa) * scale);
            let d = to_dmatrix(&a);
            let g = d.transpose() * (dvec(&b) - &d * dvec(&x));
            let fro = frobenius(&d);
            note(
                10,
                tol::norm2(g.as_slice()),
                tol::lstsq_qr_residual(m, n) * fro * (fro * tol::norm2(&x) + tol::norm2(&b)),
            );
        }
        let names = [
            "reflector orthogonality",
            "reflector image Hx = αe₀",
            "apply_householder, entrywise",
            "QR orthogonality ‖QᵀQ − I‖",
            "QR backward ‖A − QR‖/‖A‖",
            "R against nalgebra",
            "column space projector",
            "givens c² + s² = 1",
            "givens entries",
            "lstsq_qr forward",
            "lstsq_qr residual orthogonality",
        ];
        println!("lesson 8 calibration over {cases} cases of each generator (error / bound without C):");
        for (name, w) in names.iter().zip(worst) {
            println!("  {name:<34} {w:.3}");
        }
    }
}
