//! Checks for lesson 6: least squares and the normal equations.
//!
//! A least-squares solution is judged twice. Backward, without any condition
//! number: the normal equations must hold up to the rounding of forming and
//! factoring AᵀA, ‖Aᵀ(b − Ax̂)‖ ≤ η·(‖A‖²‖x̂‖ + ‖A‖‖b‖), which also says
//! that the residual is orthogonal to the columns. Forward, against
//! nalgebra's Householder QR, with the error the normal equations are
//! allowed: κ₂(A)² times rounding. The inputs are built from their singular
//! values (A = U·diag(σ)·Vᵀ with random reflectors), so the ill-conditioned
//! problems where the method matters are generated on purpose, next to small
//! integer problems, problems with b in C(A) or b ⟂ C(A), and scaled ones.
//!
//! Cholesky factors are judged by invariants only (lower triangular, positive
//! diagonal, LLᵀ = A entry by entry); refusals against the exact pivots of
//! integer matrices, computed in rational arithmetic, so the expected column
//! never depends on rounding. Ridge is compared with nalgebra's Cholesky solve
//! of the same system, R² with its exact value.

use nalgebra::{DMatrix, DVector};
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{LinalgError, Matrix};

use crate::cases::{Case, Spec, always_valid, build_scaled};
use crate::compare::vector_close;
use crate::convert::{matrix_of, ours, rows_matrix};
use crate::exact::{self, Rational};
use crate::harness::{Checker, Fixed, Miss, accepted, call, refused};
use crate::subspace::{self, to_dmatrix};
use crate::{draw, ls_cases, pretty, tol};

// ---------------------------------------------------------------- helpers

fn dvec(x: &[f64]) -> DVector<f64> {
    DVector::from_column_slice(x)
}

/// ‖A‖_F.
fn frobenius(a: &Matrix) -> f64 {
    tol::norm2(a.as_slice())
}

/// `got` has length `n` and only finite entries.
fn finite_of_length(function: &str, got: &[f64], n: usize, want: &[f64]) -> Result<(), Miss> {
    if got.len() != n {
        return Err(Miss::new(format!(
            "`{function}` returned a vector of length {}, but the answer has length {n}",
            got.len()
        ))
        .output(pretty::vector(got))
        .expected(pretty::vector(want)));
    }
    if !tol::all_finite(got) {
        return Err(Miss::new(format!("`{function}` returned NaN or infinity where the answer is finite"))
            .output(pretty::vector(got))
            .expected(pretty::vector(want)));
    }
    Ok(())
}

/// The entry of `got` that misses its bound by the largest factor: index, error, bound.
fn worst_entry(got: &[f64], want: &[f64], bound: &[f64]) -> Option<(usize, f64, f64)> {
    let mut worst: Option<(usize, f64, f64, f64)> = None;
    for (k, ((g, w), b)) in got.iter().zip(want).zip(bound).enumerate() {
        let err = (g - w).abs();
        if err <= *b && g.is_finite() {
            continue;
        }
        let ratio = if err.is_nan() || *b == 0.0 { f64::INFINITY } else { err / b };
        if worst.is_none_or(|(_, _, _, r)| ratio > r) {
            worst = Some((k, err, *b, ratio));
        }
    }
    worst.map(|(k, err, b, _)| (k, err, b))
}

/// |gotᵢ − wantᵢ| ≤ boundᵢ for every entry (lengths already agree).
fn entries_close(function: &str, got: &[f64], want: &[f64], bound: &[f64]) -> Result<(), Miss> {
    let Some((i, err, b)) = worst_entry(got, want, bound) else { return Ok(()) };
    Err(Miss::new(format!("`{function}` is off by {} in entry {i}", pretty::number(err)))
        .output(pretty::vector(got))
        .expected(pretty::vector(want))
        .bound(format!("|yours − answer| in entry {i} = {err:.2e}, allowed ≤ {b:.2e}")))
}

/// A number in [0, 1) from the runner's random stream.
fn unit(rng: &mut TestRng) -> f64 {
    draw::int(rng, 0, 999_999) / 1e6
}

/// The reflector I − 2vvᵀ/(vᵀv) for a random nonzero integer v in [−3, 3]ᵖ.
fn reflector(rng: &mut TestRng, p: usize) -> DMatrix<f64> {
    loop {
        let v = DVector::from_vec((0..p).map(|_| draw::int(rng, -3, 3)).collect());
        let vv = v.dot(&v);
        if vv > 0.0 {
            return DMatrix::identity(p, p) - (&v * v.transpose()) * (2.0 / vv);
        }
    }
}

/// A random orthogonal p×p matrix: the product of two reflectors.
fn orthogonal(rng: &mut TestRng, p: usize) -> DMatrix<f64> {
    reflector(rng, p) * reflector(rng, p)
}

/// n values from 10 down to 10·10^(−log_kappa): the first and the last fixed,
/// the others log-uniform in between, so their ratio is 10^log_kappa.
fn spread(rng: &mut TestRng, n: usize, log_kappa: f64) -> Vec<f64> {
    (0..n)
        .map(|i| {
            let t = if i == 0 || n == 1 {
                0.0
            } else if i == n - 1 {
                1.0
            } else {
                unit(rng)
            };
            10.0 * 10f64.powf(-log_kappa * t)
        })
        .collect()
}

/// An m×n matrix (m ≥ n) with singular values `spread(n, log_kappa)`: U·Σ·Vᵀ.
fn with_condition(rng: &mut TestRng, m: usize, n: usize, log_kappa: f64) -> DMatrix<f64> {
    let (u, v) = (orthogonal(rng, m), orthogonal(rng, n));
    let s = spread(rng, n, log_kappa);
    let sigma = DMatrix::from_fn(m, n, |i, j| if i == j { s[i] } else { 0.0 });
    u * sigma * v.transpose()
}

fn ints_vec(rng: &mut TestRng, n: usize, lo: i64, hi: i64) -> Vec<f64> {
    (0..n).map(|_| draw::int(rng, lo, hi)).collect()
}

// ---------------------------------------------------------------- inputs: least-squares problems

/// Condition numbers above this are outside the generated problems: the
/// normal equations would square them past 10¹², where Cholesky of a
/// computed AᵀA may stop (Higham, Thm 10.7) and the forward bound says nothing.
const KAPPA_LS: f64 = 1e6;

/// m ≥ n ≥ 1, finite, independent columns with κ₂(A) ≤ [`KAPPA_LS`].
fn full_column_rank(c: &Case) -> bool {
    ls_cases::full_column_rank(c, KAPPA_LS)
}

/// A least-squares problem with independent columns.
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

/// Any A (m×n, n may be 0) and b of length m, in the same storage.
static LS_ANY: Spec = Spec { min_cols: 1, valid: always_valid, ..LS };

fn ls_case(spec: &'static Spec, a: &Matrix, b: &[f64], scalars: Vec<f64>) -> Case {
    let rows = (0..a.nrows()).map(|i| [vec![b[i]], a.row(i).to_vec()].concat()).collect();
    Case::new(spec, rows, scalars, 0)
}

fn ls_rows(a: &DMatrix<f64>, b: &DVector<f64>) -> Vec<Vec<f64>> {
    (0..a.nrows()).map(|i| std::iter::once(b[i]).chain(a.row(i).iter().copied()).collect()).collect()
}

/// Sizes of a generated problem: n ∈ 1..=4, m ∈ n..=8, square one time in six.
fn tall_shape(rng: &mut TestRng) -> (usize, usize) {
    let n = draw::size(rng, 1, 4);
    let m = if draw::chance(rng, 1, 6) { n } else { draw::size(rng, n, 8) };
    (m, n)
}

/// A right-hand side of one of three kinds: b = A·x₀ (zero residual), b ⟂
/// C(A) (the answer is x = 0), or A·x₀ plus a part orthogonal to C(A).
fn right_hand_side(rng: &mut TestRng, a: &DMatrix<f64>) -> DVector<f64> {
    let (m, n) = a.shape();
    let x0 = dvec(&ints_vec(rng, n, -5, 5));
    let in_range = a * x0;
    let kind = draw::size(rng, 0, 2);
    if m == n || kind == 0 {
        return in_range;
    }
    let w = dvec(&ints_vec(rng, m, -9, 9));
    let q = a.clone().qr().q();
    let perp = &w - &q * (q.transpose() * &w);
    if kind == 1 { perp } else { in_range + perp }
}

/// A = U·Σ·Vᵀ with κ₂(A) = 10^t, t uniform in [0, max_log_kappa], b of any
/// of the three kinds, times 2^e with e from `exps` one time in three.
fn random_conditioned(rng: &mut TestRng, max_log_kappa: f64, exps: &[i32]) -> Case {
    loop {
        let (m, n) = tall_shape(rng);
        let log_kappa = max_log_kappa * unit(rng);
        let a = with_condition(rng, m, n, log_kappa);
        let b = right_hand_side(rng, &a);
        let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
        let case = Case::new(&LS, ls_rows(&a, &b), vec![], exp);
        if full_column_rank(&case) {
            return case;
        }
    }
}

/// Integer A and b in [−9, 9] with independent columns: readable, and exact
/// where the arithmetic allows.
fn random_integer_ls(rng: &mut TestRng) -> Case {
    loop {
        let (m, n) = tall_shape(rng);
        let rows = (0..m).map(|_| ints_vec(rng, n + 1, -9, 9)).collect();
        let case = Case::new(&LS, rows, vec![], 0);
        if full_column_rank(&case) {
            return case;
        }
    }
}

/// What the checker knows about a least-squares problem.
struct LsTruth {
    /// The solution by nalgebra's Householder QR, R x = Qᵀ b.
    x: Vec<f64>,
    kappa: f64,
    norm_2: f64,
}

fn ls_truth(a: &Matrix, b: &[f64]) -> LsTruth {
    let d = to_dmatrix(a);
    let qr = d.clone().qr();
    let qtb = qr.q().transpose() * dvec(b);
    let x = qr.r().solve_upper_triangular(&qtb).map_or_else(|| vec![f64::NAN; a.ncols()], |x| x.as_slice().to_vec());
    let s = subspace::singular_values(&d);
    let (top, bottom) = (s.first().copied().unwrap_or(0.0), s.last().copied().unwrap_or(0.0));
    LsTruth { x, kappa: top / bottom, norm_2: top }
}

/// The backward test of a least-squares solution x̂, κ-free: the normal
/// equations hold up to rounding, ‖Aᵀ(b − Ax̂)‖ ≤ η·((‖A‖_F² + λ)‖x̂‖ + ‖A‖_F‖b‖),
/// with λ the ridge shift (0 for least squares); `want` is the reference
/// solution, shown with the failure.
fn normal_equations_hold(
    function: &str,
    (a, b, lambda): (&Matrix, &[f64], f64),
    x: &[f64],
    want: &[f64],
) -> Result<(), Miss> {
    let (m, n) = a.shape();
    let d = to_dmatrix(a);
    let xv = dvec(x);
    let r = dvec(b) - &d * &xv;
    let gradient = d.transpose() * &r - &xv * lambda;
    let fro = frobenius(a);
    let size = (fro * fro + lambda) * tol::norm2(x) + fro * tol::norm2(b);
    let err = tol::norm2(gradient.as_slice());
    let rel = if err == 0.0 { 0.0 } else { err / size };
    let (equation, lhs) = if lambda == 0.0 {
        ("AᵀA x = Aᵀb", "Aᵀ(b − Ax)")
    } else {
        ("(AᵀA + λI) x = Aᵀb", "Aᵀ(b − Ax) − λx")
    };
    tol::within(rel, tol::normal_equations(m, n), "").map_err(|e| {
        Miss::new(format!(
            "`{function}` does not solve the normal equations {equation}: {lhs} = {} is not zero{}",
            pretty::vector(gradient.as_slice()),
            if lambda == 0.0 { " (the residual is not orthogonal to the columns of A)" } else { "" }
        ))
        .output(format!("x = {}", pretty::vector(x)))
        .expected(format!("x = {} (nalgebra), with {lhs} = 0 up to rounding", pretty::vector(want)))
        .bound(format!("‖{lhs}‖ / ((‖A‖_F² + λ)‖x‖ + ‖A‖_F‖b‖) {}", e.bound))
    })
}

/// The forward test: x̂ against nalgebra's QR solution, with the accuracy the
/// normal equations can reach, κ₂(A)² times rounding.
fn close_to_least_squares(function: &str, got: &[f64], t: &LsTruth, b: &[f64], m: usize) -> Result<(), Miss> {
    let n = t.x.len();
    let scale = tol::norm2(&t.x) + tol::norm2(b) / t.norm_2;
    let bound = tol::least_squares(m, n, t.kappa) * scale;
    vector_close(function, got, &t.x, bound).map_err(|e| Miss {
        message: format!(
            "{} from the least-squares solution (nalgebra's Householder QR); with κ₂(A) = {:.2e} the normal \
             equations may lose κ² of accuracy, but not this much",
            e.message, t.kappa
        ),
        ..e
    })
}

// ---------------------------------------------------------------- normal_equations

/// The functions of exercise `normal_equations`.
pub struct NormalEquations {
    pub gram: fn(&Matrix) -> Matrix,
    pub at_b: fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>,
}

fn show_a(c: &Case) -> String {
    format!("{}{}", pretty::named_matrices(&[("A", &rows_matrix(&c.inputs()))]), c.scale_note())
}

fn literal_a(c: &Case) -> String {
    pretty::matrix_literal("a", &rows_matrix(&c.inputs()))
}

/// One matrix, stored row by row.
static SINGLE: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_a,
    literal: literal_a,
    valid: always_valid,
};

fn single(rows: &[&[f64]]) -> Case {
    Case::new(&SINGLE, rows.iter().map(|r| r.to_vec()).collect(), vec![], 0)
}

/// Mostly an integer in [−9, 9], sometimes a third or a tenth of one (inexact).
fn entry(rng: &mut TestRng) -> f64 {
    let k = draw::int(rng, -9, 9);
    if draw::chance(rng, 1, 3) { k / draw::pick(rng, &[3.0, 10.0]) } else { k }
}

fn random_single(rng: &mut TestRng) -> Case {
    let (m, n) = (draw::size(rng, 1, 6), draw::size(rng, 1, 5));
    let rows = (0..m).map(|_| (0..n).map(|_| entry(rng)).collect()).collect();
    Case::new(&SINGLE, rows, vec![], draw::exponent(rng, &[-200, -40, 40, 200]))
}

fn random_any_ls(rng: &mut TestRng) -> Case {
    let (m, n) = (draw::size(rng, 1, 6), draw::size(rng, 1, 5));
    let rows = (0..m).map(|_| (0..=n).map(|_| entry(rng)).collect()).collect();
    Case::new(&LS_ANY, rows, vec![], draw::exponent(rng, &[-200, -40, 40, 200]))
}

fn check_gram_entries(g: fn(&Matrix) -> Matrix, a: &Matrix) -> Result<(), Miss> {
    let d = to_dmatrix(a);
    let want = d.transpose() * &d;
    let size = d.abs().transpose() * d.abs();
    let got = call("gram", || g(a))?;
    let (m, n) = a.shape();
    if got.shape() != (n, n) {
        let hint = if got.shape() == (m, m) && m != n {
            " (that is the shape of AAᵀ: dot the columns, not the rows)"
        } else {
            ""
        };
        return Err(Miss::new(format!(
            "`gram` returned a {}×{} matrix, but AᵀA is n×n = {n}×{n}{hint}",
            got.nrows(),
            got.ncols()
        ))
        .output(got.to_string())
        .expected(ours(&want).to_string()));
    }
    let bound: Vec<f64> = size.transpose().iter().map(|s| tol::gamma(m) * s).collect();
    let want_rows: Vec<f64> = want.transpose().iter().copied().collect();
    let Some((k, err, b)) = worst_entry(got.as_slice(), &want_rows, &bound) else { return Ok(()) };
    let (i, j) = (k / n, k % n);
    Err(Miss::new(format!(
        "entry ({i}, {j}) of `gram` is off by {}: it must be column {i} of A dotted with column {j}",
        pretty::number(err)
    ))
    .output(got.to_string())
    .expected(ours(&want).to_string())
    .bound(format!("|yours − answer| at ({i}, {j}) = {err:.2e}, allowed ≤ {b:.2e}")))
}

fn check_gram_symmetric(g: fn(&Matrix) -> Matrix, a: &Matrix) -> Result<(), Miss> {
    let got = call("gram", || g(a))?;
    let n = a.ncols();
    if got.shape() != (n, n) {
        return check_gram_entries(g, a);
    }
    for i in 0..n {
        for j in i + 1..n {
            if got[(i, j)].to_bits() != got[(j, i)].to_bits() {
                return Err(Miss::new(format!(
                    "`gram` is not exactly symmetric: entry ({i}, {j}) is {} but entry ({j}, {i}) is {}; compute \
                     the entries with i ≤ j once and copy each to (j, i)",
                    pretty::number_literal(got[(i, j)]),
                    pretty::number_literal(got[(j, i)])
                ))
                .output(got.to_string())
                .expected("a matrix with g[(i, j)] == g[(j, i)], bit for bit"));
            }
        }
    }
    Ok(())
}

fn check_at_b(f: fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>, a: &Matrix, b: &[f64]) -> Result<(), Miss> {
    let d = to_dmatrix(a);
    let want = d.transpose() * dvec(b);
    let got = accepted("at_b", call("at_b", || f(a, b))?, || pretty::vector(want.as_slice()))?;
    if got.len() != a.ncols() {
        return Err(Miss::new(format!(
            "`at_b` returned a vector of length {}, but Aᵀb has one entry per column of A, {}",
            got.len(),
            a.ncols()
        ))
        .output(pretty::vector(&got))
        .expected(pretty::vector(want.as_slice())));
    }
    let size = d.abs().transpose() * dvec(b).abs();
    let bound: Vec<f64> = size.iter().map(|s| tol::gamma(a.nrows()) * s).collect();
    entries_close("at_b", &got, want.as_slice(), &bound)
        .map_err(|e| Miss { message: format!("{}: entry j is column j of A dotted with b", e.message), ..e })
}

/// `gram` is AᵀA, exactly symmetric; `at_b` is Aᵀb and refuses a b of the wrong length.
pub fn normal_equations(f: &NormalEquations) -> ExerciseReport {
    let mut c = Checker::new("normal_equations");
    let one = Matrix::identity(1);
    c.probe("gram", || (f.gram)(&one));
    c.probe("at_b", || (f.at_b)(&one, &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let g = f.gram;
    let gram_examples = || {
        vec![
            single(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]]),
            single(&[&[3.0]]),
            single(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]]),
            single(&[&[0.0, 0.0], &[0.0, 0.0]]),
            single(&[&[1.0, 2.0, 3.0]]),
            single(&[&[1.0], &[2.0], &[2.0]]),
            single(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0], &[7.0, 8.0]]),
            single(&[&[0.5, -1.0 / 3.0], &[0.1, 2.0], &[-0.7, 0.3]]),
        ]
    };
    c.examples(
        "gram_examples",
        "rows (1,0), (1,1), (1,2) give AᵀA with rows (3,3), (3,5); 1×1, identity, zero, one row (an outer \
         product), one column (a squared length), tall",
        gram_examples(),
        |case: &Case| {
            let a = rows_matrix(&case.inputs());
            check_gram_entries(g, &a)?;
            check_gram_symmetric(g, &a)
        },
    );
    let empty = |a: Matrix| {
        Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
            check_gram_entries(g, &a)
        })
    };
    c.fixed(
        "gram_empty_shapes",
        "a 0×3 matrix has the 3×3 zero Gram matrix (empty sums); a 2×0 matrix the 0×0 one",
        vec![empty(Matrix::zeros(0, 3)), empty(Matrix::zeros(2, 0))],
    );
    c.property(
        "gram_entries_are_column_dots",
        "gram(A) is n×n and entry (i, j) is column i of A dotted with column j",
        random_single,
        |case: &Case| check_gram_entries(g, &rows_matrix(&case.inputs())),
    );
    c.property(
        "gram_is_exactly_symmetric",
        "gram(A)[(i, j)] and gram(A)[(j, i)] are the same number, bit for bit",
        random_single,
        |case: &Case| check_gram_symmetric(g, &rows_matrix(&case.inputs())),
    );
    let at_b = f.at_b;
    let check = move |case: &Case| {
        let (a, b) = ls_cases::parts(case);
        check_at_b(at_b, &a, &b)
    };
    let ex = |a: &[&[f64]], b: &[f64]| ls_case(&LS_ANY, &matrix_of(a), b, vec![]);
    c.examples(
        "at_b_examples",
        "rows (1,0), (1,1), (1,2) and b = (1, 2, 4) give Aᵀb = (7, 10); identity, one column, one row, wide",
        vec![
            ex(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]], &[1.0, 2.0, 4.0]),
            ex(&[&[1.0, 0.0], &[0.0, 1.0]], &[3.0, -2.0]),
            ex(&[&[1.0], &[1.0], &[1.0]], &[2.0, 3.0, 7.0]),
            ex(&[&[1.0, 2.0, 3.0]], &[2.0]),
            ex(&[&[2.0, 0.0, -1.0], &[1.0, 3.0, 0.5]], &[1.0, -1.0]),
        ],
        check,
    );
    c.property(
        "at_b_entries_are_column_dots",
        "entry j of at_b(A, b) is column j of A dotted with b",
        random_any_ls,
        check,
    );
    let refuses = |a: Matrix, b: Vec<f64>| {
        let show = format!("{}\nb = {}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&b));
        let literal = format!("{}\nlet b = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&b));
        Fixed::new(show, literal, move || {
            let got = call("at_b", || at_b(&a, &b))?;
            let want = LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() };
            refused("at_b", &got, &want, |v| pretty::vector(v))
        })
    };
    c.fixed(
        "at_b_refuses_wrong_length",
        "b needs one entry per row of A: otherwise Err(DimensionMismatch { expected: rows, found: b.len() })",
        vec![
            refuses(matrix_of(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]]), vec![1.0, 2.0]),
            refuses(matrix_of(&[&[1.0, 2.0]]), vec![1.0, 2.0]),
            refuses(matrix_of(&[&[1.0], &[2.0]]), vec![]),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- inputs: symmetric matrices

/// The largest n of a generated symmetric matrix. Stored in one POOL×POOL
/// block with the size n as a scalar, so that shrinking n removes the last
/// row and the last column together and keeps the matrix square.
const POOL: usize = 6;

fn block_n(c: &Case) -> usize {
    c.scalar(0) as usize
}

/// The symmetric matrix whose lower triangle is the stored one (× 2^exp).
fn sym_from_lower(c: &Case) -> Vec<Vec<f64>> {
    let n = block_n(c);
    let b = &c.rows[0];
    (0..n).map(|i| (0..n).map(|j| tol::scale2(b[i.max(j) * POOL + i.min(j)], c.exp)).collect()).collect()
}

/// The stored block as it is, both triangles (× 2^exp).
fn as_stored(c: &Case) -> Vec<Vec<f64>> {
    let n = block_n(c);
    let b = &c.rows[0];
    (0..n).map(|i| (0..n).map(|j| tol::scale2(b[i * POOL + j], c.exp)).collect()).collect()
}

fn show_sym(c: &Case) -> String {
    let a = rows_matrix(&c.inputs());
    format!("{}{}", pretty::named_matrices(&[("A", &a)]), c.scale_note())
}

fn show_junk(c: &Case) -> String {
    let a = rows_matrix(&c.inputs());
    format!(
        "{}{}\n   (A is not symmetric: Cholesky takes it to be the symmetric matrix with A's lower triangle, and \
         never reads the entries above the diagonal)",
        pretty::named_matrices(&[("A", &a)]),
        c.scale_note()
    )
}

fn literal_sym(c: &Case) -> String {
    pretty::matrix_literal("a", &rows_matrix(&c.inputs()))
}

fn sym_rows(c: &Case) -> Vec<Vec<f64>> {
    sym_from_lower(c)
}

/// Positive definite with κ₂ ≤ 10¹¹: Cholesky of it completes in floating
/// point (Higham, Thm 10.7, needs κ₂ below about 4·10¹² for n ≤ 6).
fn spd(c: &Case) -> bool {
    let n = block_n(c);
    if n == 0 || n > POOL {
        return false;
    }
    let a = rows_matrix(&sym_rows(c));
    if !tol::all_finite(a.as_slice()) {
        return false;
    }
    let d = to_dmatrix(&a);
    d.clone().cholesky().is_some() && subspace::condition(&d) <= 1e11
}

/// The first non-positive pivot, when the matrix is an integer one whose
/// exact pivots stay clear of zero: `Some(k)`.
fn indefinite(c: &Case) -> bool {
    block_n(c) >= 1 && block_n(c) <= POOL && c.exp == 0 && first_bad_pivot(&sym_rows(c)).is_some()
}

static SPD: Spec = Spec {
    min_rows: 1,
    min_cols: POOL * POOL,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[1.0],
    build: sym_rows,
    show: show_sym,
    literal: literal_sym,
    valid: spd,
};

static INDEFINITE: Spec = Spec { valid: indefinite, ..SPD };

static JUNK: Spec = Spec { build: as_stored, show: show_junk, ..SPD };

fn block_of(a: &Matrix) -> Vec<f64> {
    let mut b = vec![0.0; POOL * POOL];
    for i in 0..a.nrows() {
        for j in 0..a.ncols() {
            b[i * POOL + j] = a[(i, j)];
        }
    }
    b
}

fn sym_case(spec: &'static Spec, a: &Matrix, exp: i32) -> Case {
    Case::new(spec, vec![block_of(a)], vec![a.nrows() as f64], exp)
}

/// The exact pivots d_k = a_kk − Σ ℓ_kj² of symmetric elimination, up to and
/// including the first one that is not positive.
fn exact_pivots(a: &[Vec<f64>]) -> Option<Vec<Rational>> {
    let n = a.len();
    let mut w: Vec<Vec<Rational>> = Vec::with_capacity(n);
    for row in a {
        w.push(row.iter().map(|&x| exact::from_f64(x)).collect::<Option<Vec<_>>>()?);
    }
    let mut pivots = Vec::new();
    for k in 0..n {
        let p = w[k][k];
        pivots.push(p);
        if !p.greater(Rational::ZERO) {
            break;
        }
        let pivot_row = w[k].clone();
        for row in &mut w[k + 1..] {
            let f = row[k] / p;
            for (x, &y) in row.iter_mut().zip(&pivot_row).skip(k + 1) {
                *x = *x - f * y;
            }
        }
    }
    Some(pivots)
}

/// The column of the first non-positive exact pivot, when every pivot before
/// it is clearly positive and it is clearly negative (at least 10⁻⁶·max|a_ij|
/// away from 0), so that rounding cannot move it; `None` otherwise.
fn first_bad_pivot(a: &[Vec<f64>]) -> Option<usize> {
    let pivots = exact_pivots(a)?;
    let largest = a.iter().flatten().fold(0.0_f64, |m, x| m.max(x.abs()));
    let gap = 1e-6 * largest;
    let (last, before) = pivots.split_last()?;
    let clear = before.iter().all(|p| p.to_f64() >= gap) && last.to_f64() <= -gap;
    clear.then_some(pivots.len() - 1)
}

/// A = L·D·Lᵀ with L unit lower triangular (entries in [−2, 2]) and
/// integer D: the exact pivots of A are the entries of D.
fn ldlt(rng: &mut TestRng, d: &[f64]) -> Matrix {
    let n = d.len();
    let l = Matrix::from_fn(n, n, |i, j| {
        if i == j {
            1.0
        } else if i > j {
            draw::int(rng, -2, 2)
        } else {
            0.0
        }
    });
    Matrix::from_fn(n, n, |i, j| (0..n).map(|k| l[(i, k)] * d[k] * l[(j, k)]).sum())
}

/// An integer SPD matrix L·D·Lᵀ with D in 1..=9, n ∈ 1..=6, × 2^e from `exps`.
fn random_spd(rng: &mut TestRng, exps: &[i32]) -> Case {
    let n = draw::size(rng, 1, POOL);
    let d = ints_vec(rng, n, 1, 9);
    let a = ldlt(rng, &d);
    let exp = if exps.is_empty() { 0 } else { draw::pick(rng, exps) };
    sym_case(&SPD, &a, exp)
}

/// Q·Λ·Qᵀ with κ₂ = 10^t, t uniform in [0, 10].
fn random_ill_conditioned_spd(rng: &mut TestRng) -> Case {
    loop {
        let n = draw::size(rng, 1, POOL);
        let q = orthogonal(rng, n);
        let log_kappa = 10.0 * unit(rng);
        let s = spread(rng, n, log_kappa);
        let a = &q * DMatrix::from_diagonal(&dvec(&s)) * q.transpose();
        let case = sym_case(&SPD, &ours(&a), 0);
        if spd(&case) {
            return case;
        }
    }
}

/// L·D·Lᵀ whose pivot k is negative, the ones before positive, the ones after anything.
fn random_indefinite(rng: &mut TestRng) -> Case {
    loop {
        let n = draw::size(rng, 1, POOL);
        let k = draw::size(rng, 0, n - 1);
        let d: Vec<f64> = (0..n)
            .map(|i| match i.cmp(&k) {
                std::cmp::Ordering::Less => draw::int(rng, 1, 9),
                std::cmp::Ordering::Equal => draw::int(rng, -9, -1),
                std::cmp::Ordering::Greater => draw::int(rng, -9, 9),
            })
            .collect();
        let case = sym_case(&INDEFINITE, &ldlt(rng, &d), 0);
        if indefinite(&case) {
            return case;
        }
    }
}

/// An SPD integer matrix with integers in [−20, 20] above the diagonal that
/// have nothing to do with the ones below.
fn random_junk(rng: &mut TestRng) -> Case {
    let case = random_spd(rng, &[]);
    let n = block_n(&case);
    let mut block = case.rows[0].clone();
    for i in 0..n {
        for j in i + 1..n {
            block[i * POOL + j] = draw::int(rng, -20, 20);
        }
    }
    Case::new(&JUNK, vec![block], case.scalars, 0)
}

// ---------------------------------------------------------------- cholesky

/// The signature of `cholesky`.
pub type CholeskyFn = fn(&Matrix) -> Result<Matrix, LinalgError>;

/// `l` is the Cholesky factor of the symmetric `want`: n×n, finite, exactly
/// 0 above the diagonal, positive diagonal, and |LLᵀ − A| ≤ η·|L||Lᵀ|
/// entry by entry (Higham, Thm 10.3).
fn check_factor(l: &Matrix, want: &Matrix) -> Result<(), Miss> {
    let n = want.nrows();
    let expected = || {
        to_dmatrix(want)
            .cholesky()
            .map_or_else(|| "a lower triangular L with LLᵀ = A".to_string(), |ch| ours(&ch.l()).to_string())
    };
    let miss = |message: String| Miss::new(message).output(format!("L =\n{l}")).expected(expected());
    if l.shape() != (n, n) {
        return Err(miss(format!("`cholesky` returned a {}×{} matrix; L is n×n = {n}×{n}", l.nrows(), l.ncols())));
    }
    if !tol::all_finite(l.as_slice()) {
        return Err(miss("`cholesky` returned NaN or infinity in L".into()));
    }
    for i in 0..n {
        for j in i + 1..n {
            if l[(i, j)] != 0.0 {
                return Err(miss(format!(
                    "L is not lower triangular: entry ({i}, {j}) above the diagonal is {}; set every entry above \
                     the diagonal to 0.0 (did you return Lᵀ?)",
                    pretty::number(l[(i, j)])
                )));
            }
        }
    }
    if let Some(j) = (0..n).find(|&j| l[(j, j)] <= 0.0) {
        return Err(miss(format!(
            "diagonal entry ({j}, {j}) of L is {}, but the Cholesky factor has a positive diagonal (the square root \
             of the pivot)",
            pretty::number(l[(j, j)])
        )));
    }
    let dl = to_dmatrix(l);
    let product = &dl * dl.transpose();
    let size = dl.abs() * dl.abs().transpose();
    let bound: Vec<f64> = size.transpose().iter().map(|s| tol::cholesky(n) * s).collect();
    let got: Vec<f64> = product.transpose().iter().copied().collect();
    if let Some((k, err, b)) = worst_entry(&got, want.as_slice(), &bound) {
        let (i, j) = (k / n, k % n);
        return Err(miss(format!(
            "LLᵀ ≠ A: entry ({i}, {j}) of LLᵀ is {}, but a_{i}{j} is {}",
            pretty::number(got[k]),
            pretty::number(want[(i, j)])
        ))
        .bound(format!("|LLᵀ − A| at ({i}, {j}) = {err:.2e}, allowed ≤ {b:.2e} (rounding of size |L||Lᵀ|)")));
    }
    Ok(())
}

fn check_spd(f: CholeskyFn, c: &Case) -> Result<(), Miss> {
    let input = rows_matrix(&c.inputs());
    let want = Matrix::from_rows(&sym_from_lower(c));
    let got = call("cholesky", || f(&input))?;
    let l = accepted("cholesky", got, || {
        to_dmatrix(&want).cholesky().map_or_else(|| "L".to_string(), |ch| ours(&ch.l()).to_string())
    })
    .map_err(|e| Miss { message: format!("{} (A is symmetric positive definite)", e.message), ..e })?;
    check_factor(&l, &want)
}

fn pivots_text(a: &[Vec<f64>]) -> String {
    exact_pivots(a).map_or_else(String::new, |p| {
        let shown: Vec<String> = p.iter().map(|x| format!("{x:?}")).collect();
        format!(" (the exact pivots are {})", shown.join(", "))
    })
}

fn check_indefinite(f: CholeskyFn, c: &Case) -> Result<(), Miss> {
    let a = Matrix::from_rows(&sym_from_lower(c));
    let Some(k) = first_bad_pivot(&sym_from_lower(c)) else { return Ok(()) };
    let got = call("cholesky", || f(&a))?;
    let want = LinalgError::NotPositiveDefinite { column: k };
    if got.as_ref().err() == Some(&want) {
        return Ok(());
    }
    let why = match &got {
        Ok(_) => format!(
            "`cholesky` returned a factor, but A is not positive definite: the pivot of column {k} is negative{}",
            pivots_text(&sym_from_lower(c))
        ),
        Err(LinalgError::NotPositiveDefinite { column }) => format!(
            "`cholesky` refused A at column {column}, but the first pivot that is not positive is in column \
             {k}{}",
            pivots_text(&sym_from_lower(c))
        ),
        Err(_) => "`cholesky` must refuse this matrix with the documented error".to_string(),
    };
    Err(Miss::new(why).output(pretty::result(&got, |l| format!("L =\n{l}"))).expected(format!("Err({want:?})")))
}

/// `cholesky` factors SPD matrices of every conditioning and scale, reads
/// only the lower triangle, and refuses the rest at the right column.
pub fn cholesky(f: CholeskyFn) -> ExerciseReport {
    let mut c = Checker::new("cholesky");
    c.probe("cholesky", || f(&Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let sym = |rows: &[&[f64]]| sym_case(&SPD, &matrix_of(rows), 0);
    c.examples(
        "textbook_examples",
        "rows (4,2,2), (2,5,3), (2,3,6) give L with rows (2,0,0), (1,2,0), (1,1,2); [4] gives [2]; identity; \
         diag(9, 4, 1); the Gram matrix (3,3), (3,5)",
        vec![
            sym(&[&[4.0, 2.0, 2.0], &[2.0, 5.0, 3.0], &[2.0, 3.0, 6.0]]),
            sym(&[&[4.0]]),
            sym(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]]),
            sym(&[&[9.0, 0.0, 0.0], &[0.0, 4.0, 0.0], &[0.0, 0.0, 1.0]]),
            sym(&[&[3.0, 3.0], &[3.0, 5.0]]),
            sym(&[&[2.0, -1.0, 0.0], &[-1.0, 2.0, -1.0], &[0.0, -1.0, 2.0]]),
        ],
        |case| check_spd(f, case),
    );
    c.fixed(
        "empty_matrix",
        "the 0×0 matrix has the 0×0 factor",
        vec![Fixed::new("A = [ 0×0 empty matrix ]", "let a = Matrix::zeros(0, 0);", || {
            let got = call("cholesky", || f(&Matrix::zeros(0, 0)))?;
            let l = accepted("cholesky", got, || "Matrix::zeros(0, 0)".into())?;
            check_factor(&l, &Matrix::zeros(0, 0))
        })],
    );
    c.property(
        "factors_positive_definite_matrices",
        "A = L·D·Lᵀ with integer entries and D > 0: L is lower triangular with a positive diagonal and LLᵀ = A",
        |rng| random_spd(rng, &[]),
        |case| check_spd(f, case),
    );
    c.property(
        "ill_conditioned_matrices",
        "A = Q·Λ·Qᵀ with κ₂(A) up to 10¹⁰: still LLᵀ = A up to rounding of size |L||Lᵀ| (no pivoting needed)",
        random_ill_conditioned_spd,
        |case| check_spd(f, case),
    );
    c.property(
        "any_scale",
        "2^±40·A and 2^±600·A factor like A: no fixed tolerance on the pivots",
        |rng| random_spd(rng, &[-600, -40, 40, 600]),
        |case| check_spd(f, case),
    );
    c.property(
        "reads_only_the_lower_triangle",
        "the entries above the diagonal are ignored: L factors the symmetric matrix with A's lower triangle",
        random_junk,
        |case| check_spd(f, case),
    );
    c.property(
        "refuses_indefinite_matrices",
        "A = L·D·Lᵀ with a negative entry in D: Err(NotPositiveDefinite { column: k }) at the first pivot that is \
         not positive",
        random_indefinite,
        |case| check_indefinite(f, case),
    );
    let refuses = |a: Matrix, want: LinalgError| {
        Fixed::new(pretty::named_matrices(&[("A", &a)]), pretty::matrix_literal("a", &a), move || {
            let got = call("cholesky", || f(&a))?;
            refused("cholesky", &got, &want, |l| format!("L =\n{l}"))
        })
    };
    let npd = |column| LinalgError::NotPositiveDefinite { column };
    c.fixed(
        "refuses_what_has_no_factor",
        "not square: Err(NotSquare); a pivot ≤ 0, NaN or infinite: Err(NotPositiveDefinite { column }) at its \
         column, also when the pivot is exactly 0 (positive semidefinite)",
        vec![
            refuses(matrix_of(&[&[1.0, 2.0, 3.0], &[2.0, 5.0, 6.0]]), LinalgError::NotSquare { rows: 2, cols: 3 }),
            refuses(matrix_of(&[&[-1.0]]), npd(0)),
            refuses(matrix_of(&[&[0.0]]), npd(0)),
            refuses(matrix_of(&[&[1.0, 2.0], &[2.0, 1.0]]), npd(1)),
            refuses(matrix_of(&[&[1.0, 1.0], &[1.0, 1.0]]), npd(1)),
            refuses(matrix_of(&[&[4.0, 2.0, 2.0], &[2.0, 1.0, 3.0], &[2.0, 3.0, 6.0]]), npd(1)),
            refuses(matrix_of(&[&[4.0, 2.0, 2.0], &[2.0, 5.0, 3.0], &[2.0, 3.0, -6.0]]), npd(2)),
            refuses(matrix_of(&[&[f64::NAN]]), npd(0)),
            refuses(matrix_of(&[&[1.0, 0.0], &[0.0, f64::INFINITY]]), npd(1)),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- least_squares

/// The signature of `lstsq_normal`.
pub type LstsqFn = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

fn solve_ls(function: &str, f: LstsqFn, a: &Matrix, b: &[f64], t: &LsTruth) -> Result<Vec<f64>, Miss> {
    let got = accepted(function, call(function, || f(a, b))?, || pretty::vector(&t.x))
        .map_err(|e| Miss { message: format!("{} (the columns of A are independent)", e.message), ..e })?;
    finite_of_length(function, &got, a.ncols(), &t.x)?;
    Ok(got)
}

/// Solve once, then judge backward (the normal equations hold, κ-free) and/or
/// forward (against nalgebra's QR, κ²·rounding).
fn check_lstsq(f: LstsqFn, c: &Case, backward: bool, forward: bool) -> Result<(), Miss> {
    let (a, b) = ls_cases::parts(c);
    let t = ls_truth(&a, &b);
    let x = solve_ls("lstsq_normal", f, &a, &b, &t)?;
    if backward {
        normal_equations_hold("lstsq_normal", (&a, &b, 0.0), &x, &t.x)?;
    }
    if forward {
        close_to_least_squares("lstsq_normal", &x, &t, &b, a.nrows())?;
    }
    Ok(())
}

/// `lstsq_normal` solves the normal equations (backward, κ-free) and agrees
/// with nalgebra's QR up to κ²·rounding; dependent columns surface as the
/// Cholesky error where the arithmetic is exact.
pub fn least_squares(f: LstsqFn) -> ExerciseReport {
    let mut c = Checker::new("least_squares");
    c.probe("lstsq_normal", || f(&Matrix::identity(1), &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let ex = |a: &[&[f64]], b: &[f64]| ls_case(&LS, &matrix_of(a), b, vec![]);
    c.examples(
        "textbook_examples",
        "the line through (0,1), (1,2), (2,4): x = (5/6, 3/2); a square system; one column of ones (the mean); \
         b in C(A) (zero residual); b ⟂ C(A) (x = 0); 1×1",
        vec![
            ex(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]], &[1.0, 2.0, 4.0]),
            ex(&[&[2.0, 1.0], &[1.0, 3.0]], &[3.0, 5.0]),
            ex(&[&[1.0], &[1.0], &[1.0], &[1.0]], &[2.0, 3.0, 7.0, 4.0]),
            ex(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0]], &[5.0, 11.0, 17.0]),
            ex(&[&[1.0, 0.0], &[0.0, 1.0], &[0.0, 0.0]], &[0.0, 0.0, 5.0]),
            ex(&[&[1.0, 1.0], &[1.0, -1.0], &[1.0, 1.0], &[1.0, -1.0]], &[1.0, 1.0, -1.0, -1.0]),
            ex(&[&[4.0]], &[2.0]),
        ],
        |case| check_lstsq(f, case, true, true),
    );
    c.property(
        "residual_orthogonal_to_columns",
        "Aᵀ(b − Ax̂) = 0 up to rounding of size ‖A‖²‖x̂‖ + ‖A‖‖b‖: x̂ solves the normal equations, so the \
         residual is orthogonal to every column of A (integer A and b, m = n included)",
        random_integer_ls,
        |case| check_lstsq(f, case, true, false),
    );
    c.property(
        "matches_nalgebra_qr",
        "x̂ is nalgebra's least-squares solution (Householder QR), up to κ₂(A)² times rounding",
        random_integer_ls,
        |case| check_lstsq(f, case, false, true),
    );
    c.property(
        "ill_conditioned_problems",
        "A = U·Σ·Vᵀ with κ₂(A) up to 10⁵, b in C(A), b ⟂ C(A) or neither: the normal equations still hold up to \
         rounding (whatever κ), and x̂ is within κ₂(A)² times rounding of nalgebra's QR solution",
        |rng| random_conditioned(rng, 5.0, &[]),
        |case| check_lstsq(f, case, true, true),
    );
    c.property(
        "scaled_problems",
        "2^±40 and 2^±100 times A and b: the same x̂",
        |rng| random_conditioned(rng, 3.0, &[-100, -40, 40, 100]),
        |case| check_lstsq(f, case, true, true),
    );
    let refuses = |a: Matrix, b: Vec<f64>, want: LinalgError| {
        let show = format!("{}\nb = {}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&b));
        let literal = format!("{}\nlet b = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&b));
        Fixed::new(show, literal, move || {
            let got = call("lstsq_normal", || f(&a, &b))?;
            refused("lstsq_normal", &got, &want, |v| pretty::vector(v))
        })
    };
    let npd = |column| LinalgError::NotPositiveDefinite { column };
    c.fixed(
        "refuses_bad_input",
        "b of the wrong length: Err(DimensionMismatch { expected: rows, found: b.len() }); dependent columns \
         (exact arithmetic): your Cholesky's Err(NotPositiveDefinite { column })",
        vec![
            refuses(matrix_of(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]]), vec![1.0, 2.0], {
                LinalgError::DimensionMismatch { expected: 3, found: 2 }
            }),
            refuses(matrix_of(&[&[1.0, 2.0]]), vec![1.0], npd(1)),
            refuses(matrix_of(&[&[1.0, 2.0], &[0.0, 0.0]]), vec![1.0, 1.0], npd(1)),
            refuses(matrix_of(&[&[1.0, 0.0], &[1.0, 0.0], &[1.0, 0.0]]), vec![1.0, 2.0, 3.0], npd(1)),
            refuses(matrix_of(&[&[1.0, 1.0, 2.0], &[0.0, 0.0, 1.0], &[0.0, 0.0, 1.0]]), vec![1.0, 2.0, 3.0], npd(1)),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- linear_regression

/// The functions of exercise `linear_regression`.
pub struct LinearRegression {
    pub fit_linear: fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>,
    pub predict: fn(&[f64], &Matrix) -> Result<Vec<f64>, LinalgError>,
}

/// Stored row i: `[y_i, x_i1, …, x_ip]`; scalars: offsets added to every x
/// and to every y (shrinking moves them toward 0).
fn reg_parts(c: &Case) -> (Matrix, Vec<f64>) {
    let (ox, oy) = (c.scalar(0), c.scalar(1));
    let p = c.rows.first().map_or(0, |r| r.len() - 1);
    let at = |v: f64| tol::scale2(v, c.exp);
    let x = Matrix::from_fn(c.rows.len(), p, |i, j| at(c.rows[i][j + 1] + ox));
    let y = c.rows.iter().map(|r| at(r[0] + oy)).collect();
    (x, y)
}

fn design(x: &Matrix) -> Matrix {
    Matrix::from_fn(x.nrows(), x.ncols() + 1, |i, j| if j == 0 { 1.0 } else { x[(i, j - 1)] })
}

fn show_reg(c: &Case) -> String {
    let (x, y) = reg_parts(c);
    format!("{}\ny = {}{}", pretty::named_matrices(&[("X", &x)]), pretty::vector(&y), c.scale_note())
}

fn literal_reg(c: &Case) -> String {
    let (x, y) = reg_parts(c);
    format!("{}\nlet y = {};", pretty::matrix_literal("x", &x), pretty::vector_literal(&y))
}

/// m ≥ p + 1 and [1 | X] has independent columns with κ₂ ≤ [`KAPPA_LS`].
fn well_posed_regression(c: &Case) -> bool {
    let (x, y) = reg_parts(c);
    x.nrows() > x.ncols()
        && tol::all_finite(x.as_slice())
        && tol::all_finite(&y)
        && subspace::condition(&to_dmatrix(&design(&x))) <= KAPPA_LS
}

static REGRESSION: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[0.0, 0.0],
    build: build_scaled,
    show: show_reg,
    literal: literal_reg,
    valid: well_posed_regression,
};

fn reg_case(x: &Matrix, y: &[f64]) -> Case {
    let rows = (0..x.nrows()).map(|i| [vec![y[i]], x.row(i).to_vec()].concat()).collect();
    Case::new(&REGRESSION, rows, vec![0.0, 0.0], 0)
}

/// y = β₀ + Xβ + noise, integers: p ∈ 1..=3, m ∈ p+2..=8, β₀ in [−20, 20];
/// with offsets (X around `x_offset`, y around `y_offset`) when given.
fn random_regression(rng: &mut TestRng, offsets: &[(f64, f64)]) -> Case {
    loop {
        let p = draw::size(rng, 1, 3);
        let m = draw::size(rng, p + 2, 8);
        let beta = ints_vec(rng, p, -5, 5);
        let beta0 = draw::int(rng, -20, 20);
        let rows = (0..m)
            .map(|_| {
                let x = ints_vec(rng, p, -9, 9);
                let y = beta0 + x.iter().zip(&beta).map(|(a, b)| a * b).sum::<f64>() + draw::int(rng, -3, 3);
                [vec![y], x].concat()
            })
            .collect();
        let (ox, oy) = if offsets.is_empty() { (0.0, 0.0) } else { draw::pick(rng, offsets) };
        let case = Case::new(&REGRESSION, rows, vec![ox, oy], 0);
        if well_posed_regression(&case) {
            return case;
        }
    }
}

fn check_fit(fit: fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>, c: &Case) -> Result<(), Miss> {
    let (x, y) = reg_parts(c);
    let d = design(&x);
    let t = ls_truth(&d, &y);
    let got = accepted("fit_linear", call("fit_linear", || fit(&x, &y))?, || pretty::vector(&t.x))?;
    if got.len() == x.ncols() {
        return Err(Miss::new(format!(
            "`fit_linear` returned {} coefficients, but a model with an intercept has p + 1 = {}: the intercept \
             first, then one per feature",
            got.len(),
            x.ncols() + 1
        ))
        .output(pretty::vector(&got))
        .expected(pretty::vector(&t.x)));
    }
    finite_of_length("fit_linear", &got, x.ncols() + 1, &t.x)?;
    close_to_least_squares("fit_linear", &got, &t, &y, d.nrows()).map_err(|e| Miss {
        message: format!(
            "{}. The answer is [intercept, β₁, …, β_p], the least-squares solution with the design matrix [1 | X]",
            e.message
        ),
        ..e
    })
}

fn check_residual_sum(fit: fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>, c: &Case) -> Result<(), Miss> {
    let (x, y) = reg_parts(c);
    let d = design(&x);
    let t = ls_truth(&d, &y);
    let got = accepted("fit_linear", call("fit_linear", || fit(&x, &y))?, || pretty::vector(&t.x))?;
    finite_of_length("fit_linear", &got, x.ncols() + 1, &t.x)?;
    let r = dvec(&y) - to_dmatrix(&d) * dvec(&got);
    let sum: f64 = r.iter().sum();
    let fro = frobenius(&d);
    let size = fro * fro * tol::norm2(&got) + fro * tol::norm2(&y);
    let rel = if sum == 0.0 { 0.0 } else { sum.abs() / size };
    tol::within(rel, tol::normal_equations(d.nrows(), d.ncols()), "").map_err(|e| {
        Miss::new(format!(
            "the residuals y − ŷ add up to {}, not 0: a model with an intercept fits the mean of y exactly (is the \
             column of ones in the design matrix?)",
            pretty::number(sum)
        ))
        .output(format!("coefficients = {}\nresiduals = {}", pretty::vector(&got), pretty::vector(r.as_slice())))
        .expected(format!("coefficients = {}, residuals adding up to 0", pretty::vector(&t.x)))
        .bound(format!("|Σ rᵢ| / (‖D‖_F²‖c‖ + ‖D‖_F‖y‖) {}", e.bound))
    })
}

/// Stored row 0: the coefficients `[β₀, β₁, …, β_p]`; row i ≥ 1: `[unused, x_i1, …, x_ip]`.
fn pred_parts(c: &Case) -> (Vec<f64>, Matrix) {
    let rows = c.inputs();
    let coefficients = rows[0].clone();
    let p = coefficients.len() - 1;
    (coefficients, Matrix::from_fn(rows.len() - 1, p, |i, j| rows[i + 1][j + 1]))
}

fn show_pred(c: &Case) -> String {
    let (coefficients, x) = pred_parts(c);
    format!(
        "coefficients = {}\n{}{}",
        pretty::vector(&coefficients),
        pretty::named_matrices(&[("X", &x)]),
        c.scale_note()
    )
}

fn literal_pred(c: &Case) -> String {
    let (coefficients, x) = pred_parts(c);
    format!("let coefficients = {};\n{}", pretty::vector_literal(&coefficients), pretty::matrix_literal("x", &x))
}

static PREDICT: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[],
    build: build_scaled,
    show: show_pred,
    literal: literal_pred,
    valid: always_valid,
};

fn pred_case(coefficients: &[f64], x: &Matrix) -> Case {
    let mut rows = vec![coefficients.to_vec()];
    rows.extend((0..x.nrows()).map(|i| [vec![0.0], x.row(i).to_vec()].concat()));
    Case::new(&PREDICT, rows, vec![], 0)
}

fn check_predict(predict: fn(&[f64], &Matrix) -> Result<Vec<f64>, LinalgError>, c: &Case) -> Result<(), Miss> {
    let (coefficients, x) = pred_parts(c);
    let p = x.ncols();
    let (beta0, beta) = (coefficients[0], &coefficients[1..]);
    let xb = to_dmatrix(&x) * dvec(beta);
    let want: Vec<f64> = xb.iter().map(|v| beta0 + v).collect();
    let size = to_dmatrix(&x).abs() * dvec(beta).abs();
    let bound: Vec<f64> = size.iter().map(|s| tol::gamma(p + 1) * (beta0.abs() + s)).collect();
    let got = accepted("predict", call("predict", || predict(&coefficients, &x))?, || pretty::vector(&want))?;
    finite_of_length("predict", &got, x.nrows(), &want)?;
    entries_close("predict", &got, &want, &bound).map_err(|e| Miss {
        message: format!("{}: prediction i is β₀ + Σⱼ βⱼ·x_ij, with β₀ = coefficients[0]", e.message),
        ..e
    })
}

/// `fit_linear` is least squares on [1 | X], intercept first (also with large
/// offsets); its residuals add up to 0; `predict` is β₀ + Xβ; both refuse
/// inputs of the wrong length.
pub fn linear_regression(f: &LinearRegression) -> ExerciseReport {
    let mut c = Checker::new("linear_regression");
    let x1 = Matrix::from_rows(&[vec![0.0], vec![1.0]]);
    c.probe("fit_linear", || (f.fit_linear)(&x1, &[1.0, 2.0]));
    c.probe("predict", || (f.predict)(&[1.0, 1.0], &x1));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (fit, predict) = (f.fit_linear, f.predict);
    let ex = |x: &[&[f64]], y: &[f64]| reg_case(&matrix_of(x), y);
    let fit_examples = || {
        vec![
            ex(&[&[0.0], &[1.0], &[2.0]], &[1.0, 2.0, 4.0]),
            ex(&[&[1.0], &[2.0], &[3.0], &[4.0]], &[5.0, 7.0, 9.0, 11.0]),
            ex(&[&[1.0, 0.0], &[0.0, 1.0], &[1.0, 1.0], &[2.0, 1.0]], &[4.0, 1.0, 5.0, 7.0]),
            ex(&[&[1000.0], &[1001.0], &[1002.0], &[1003.0]], &[5001.0, 5003.0, 5004.0, 5007.0]),
            reg_case(&Matrix::zeros(3, 0), &[2.0, 3.0, 7.0]),
        ]
    };
    c.examples(
        "fit_examples",
        "x = 0, 1, 2 and y = (1, 2, 4) give [5/6, 3/2]; an exact line y = 3 + 2x; two features; x around 1000 \
         and y around 5000; no features at all (the intercept is the mean)",
        fit_examples(),
        |case| check_fit(fit, case),
    );
    c.property(
        "least_squares_with_intercept",
        "fit_linear(X, y) is the least-squares solution with the design matrix [1 | X], intercept first",
        |rng| random_regression(rng, &[]),
        |case| check_fit(fit, case),
    );
    c.property(
        "intercept_absorbs_offsets",
        "X around 100 or 1000 and y around 500 or 5000: the intercept takes the offset, the slopes stay",
        |rng| random_regression(rng, &[(100.0, 500.0), (1000.0, 5000.0), (0.0, 5000.0), (1000.0, 0.0)]),
        |case| check_fit(fit, case),
    );
    c.property(
        "residuals_add_up_to_zero",
        "with an intercept the residuals y − ŷ add up to 0: the fit gets the mean of y right",
        |rng| random_regression(rng, &[(0.0, 0.0), (0.0, 500.0), (100.0, 500.0)]),
        |case| check_residual_sum(fit, case),
    );
    let pex = |coefficients: &[f64], x: &[&[f64]]| pred_case(coefficients, &matrix_of(x));
    c.examples(
        "predict_examples",
        "[0.5, 2] on the rows (3), (−1) gives [6.5, −1.5]; two features; no features (every prediction is β₀); \
         no rows (no predictions)",
        vec![
            pex(&[0.5, 2.0], &[&[3.0], &[-1.0]]),
            pex(&[1.0, 2.0, -1.0], &[&[1.0, 1.0], &[0.0, 3.0], &[2.0, 0.0]]),
            pred_case(&[4.0], &Matrix::zeros(3, 0)),
            pred_case(&[1.0, 2.0, 3.0], &Matrix::zeros(0, 2)),
        ],
        |case| check_predict(predict, case),
    );
    c.property(
        "predict_is_intercept_plus_x_beta",
        "predict(c, X)_i = c₀ + Σⱼ c_j·x_ij, one prediction per row of X",
        |rng| {
            let (m, p) = (draw::size(rng, 1, 6), draw::size(rng, 0, 4));
            let mut rows = vec![(0..=p).map(|_| draw::int(rng, -9, 9) / draw::pick(rng, &[1.0, 2.0])).collect()];
            rows.extend((0..m).map(|_| [vec![0.0], ints_vec(rng, p, -9, 9)].concat()));
            Case::new(&PREDICT, rows, vec![], draw::exponent(rng, &[-40, 40]))
        },
        |case| check_predict(predict, case),
    );
    let refuses_fit = |x: Matrix, y: Vec<f64>| {
        let show = format!("{}\ny = {}", pretty::named_matrices(&[("X", &x)]), pretty::vector(&y));
        let literal = format!("{}\nlet y = {};", pretty::matrix_literal("x", &x), pretty::vector_literal(&y));
        Fixed::new(show, literal, move || {
            let got = call("fit_linear", || fit(&x, &y))?;
            let want = LinalgError::DimensionMismatch { expected: x.nrows(), found: y.len() };
            refused("fit_linear", &got, &want, |v| pretty::vector(v))
        })
    };
    let refuses_predict = |coefficients: Vec<f64>, x: Matrix| {
        let show =
            format!("coefficients = {}\n{}", pretty::vector(&coefficients), pretty::named_matrices(&[("X", &x)]));
        let literal = format!(
            "let coefficients = {};\n{}",
            pretty::vector_literal(&coefficients),
            pretty::matrix_literal("x", &x)
        );
        Fixed::new(show, literal, move || {
            let got = call("predict", || predict(&coefficients, &x))?;
            let want = LinalgError::DimensionMismatch { expected: x.ncols() + 1, found: coefficients.len() };
            refused("predict", &got, &want, |v| pretty::vector(v))
        })
    };
    let x3 = matrix_of(&[&[0.0], &[1.0], &[2.0]]);
    c.fixed(
        "refuses_wrong_lengths",
        "fit_linear: y needs one value per row of X, else Err(DimensionMismatch { expected: rows, found: y.len() }); \
         predict: p + 1 coefficients for p features, else Err(DimensionMismatch { expected: p + 1, found })",
        vec![
            refuses_fit(x3.clone(), vec![1.0, 2.0]),
            refuses_predict(vec![2.0], x3.clone()),
            refuses_predict(vec![1.0, 2.0, 3.0], x3),
            refuses_predict(vec![1.0, 2.0], matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]])),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- r_squared

/// The signature of `r_squared`.
pub type RSquaredFn = fn(&[f64], &[f64]) -> Result<f64, LinalgError>;

/// Stored row i: `[y_i, ŷ_i]`; scalar: an offset added to both (R² does not
/// change, the arithmetic gets harder), then × 2^exp.
fn r2_parts(c: &Case) -> (Vec<f64>, Vec<f64>) {
    let o = c.scalar(0);
    let at = |v: f64| tol::scale2(v + o, c.exp);
    (c.rows.iter().map(|r| at(r[0])).collect(), c.rows.iter().map(|r| at(r[1])).collect())
}

fn show_r2(c: &Case) -> String {
    let (y, y_hat) = r2_parts(c);
    format!("{}{}", pretty::named_vectors(&["y", "y_hat"], &[y, y_hat]), c.scale_note())
}

fn literal_r2(c: &Case) -> String {
    let (y, y_hat) = r2_parts(c);
    pretty::named_literals(&["y", "y_hat"], &[y, y_hat])
}

/// Two samples at least, and y not constant.
fn varying_y(c: &Case) -> bool {
    c.rows.len() >= 2 && c.rows.iter().any(|r| r[0] != c.rows[0][0])
}

static R2: Spec = Spec {
    min_rows: 2,
    min_cols: 2,
    aligned: true,
    fixed_cols: 2,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_r2,
    literal: literal_r2,
    valid: varying_y,
};

fn r2_case(y: &[f64], y_hat: &[f64], offset: f64) -> Case {
    Case::new(&R2, y.iter().zip(y_hat).map(|(a, b)| vec![*a, *b]).collect(), vec![offset], 0)
}

/// R² of the stored values, exactly (the offset and the scale do not change
/// it), and q = SS_res/SS_tot.
fn exact_r2(c: &Case) -> (f64, f64) {
    let rat = |v: f64| exact::from_f64(v).expect("lesson 6 stores integers and halves for R²");
    let m = Rational::int(c.rows.len() as i64);
    let mut sum = Rational::ZERO;
    let mut sum_sq = Rational::ZERO;
    let mut ss_res = Rational::ZERO;
    for r in &c.rows {
        let (y, f) = (rat(r[0]), rat(r[1]));
        sum = sum + y;
        sum_sq = sum_sq + y * y;
        ss_res = ss_res + (y - f) * (y - f);
    }
    let ss_tot = sum_sq - sum * sum / m;
    let q = ss_res / ss_tot;
    ((Rational::ONE - q).to_f64(), q.to_f64())
}

fn check_r2(f: RSquaredFn, c: &Case) -> Result<(), Miss> {
    let (y, y_hat) = r2_parts(c);
    let (want, q) = exact_r2(c);
    let got = accepted("r_squared", call("r_squared", || f(&y, &y_hat))?, || pretty::number(want))?;
    // The mean's rounding error e enters SS_tot only as m·e² (Σ(yᵢ − ȳ) = 0).
    let m = y.len();
    let largest = y.iter().fold(0.0_f64, |s, v| s.max(v.abs()));
    let mean = y.iter().sum::<f64>() / m as f64;
    let ss_tot: f64 = y.iter().map(|v| (v - mean) * (v - mean)).sum();
    let e = tol::gamma(m) * largest;
    let bound = tol::r_squared(m) * (1.0 + q) + 2.0 * q * m as f64 * e * e / ss_tot;
    let err = (got - want).abs();
    if err <= bound && got.is_finite() {
        return Ok(());
    }
    let hint = if (got - q).abs() <= bound.max(1e-12) && (want - q).abs() > bound {
        " (that is SS_res/SS_tot: R² is 1 minus it)"
    } else if got >= 0.0 && want < 0.0 {
        " (R² is negative when the predictions are worse than the mean of y: do not clamp it)"
    } else {
        ""
    };
    Err(Miss::new(format!("`r_squared` is off by {}{hint}", pretty::number(err)))
        .output(pretty::number(got))
        .expected(format!("{} = 1 − SS_res/SS_tot, with SS_res/SS_tot = {}", pretty::number(want), pretty::number(q)))
        .bound(format!("|yours − answer| = {err:.2e}, allowed ≤ {bound:.2e}")))
}

/// Integer y (sometimes halves) and predictions near it or anywhere, m ∈ 2..=8.
fn random_r2(rng: &mut TestRng, offsets: &[f64], exps: &[i32]) -> Case {
    loop {
        let m = draw::size(rng, 2, 8);
        let half = draw::chance(rng, 1, 3);
        let value = |rng: &mut TestRng| draw::int(rng, -20, 20) / if half { 2.0 } else { 1.0 };
        let y: Vec<f64> = (0..m).map(|_| value(rng)).collect();
        let near = draw::chance(rng, 2, 3);
        let y_hat: Vec<f64> = y.iter().map(|&v| if near { v + draw::int(rng, -3, 3) } else { value(rng) }).collect();
        let offset = if offsets.is_empty() { 0.0 } else { draw::pick(rng, offsets) };
        let mut case = r2_case(&y, &y_hat, offset);
        case.exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
        if varying_y(&case) {
            return case;
        }
    }
}

/// `r_squared` is 1 − SS_res/SS_tot, also with large offsets, may be
/// negative, and refuses mismatched, empty and constant inputs.
pub fn r_squared(f: RSquaredFn) -> ExerciseReport {
    let mut c = Checker::new("r_squared");
    c.probe("r_squared", || f(&[1.0, 2.0], &[1.0, 2.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    c.examples(
        "textbook_examples",
        "y = (6, 12, 24) with ŷ = (5, 14, 23), the lesson's line fit times 6: 27/28; a perfect fit: 1; ŷ = the \
         mean of y: 0; ŷ = y reversed: −3 (worse than the mean); two samples",
        vec![
            r2_case(&[6.0, 12.0, 24.0], &[5.0, 14.0, 23.0], 0.0),
            r2_case(&[1.0, 2.0, 4.0], &[1.0, 2.0, 4.0], 0.0),
            r2_case(&[1.0, 2.0, 6.0], &[3.0, 3.0, 3.0], 0.0),
            r2_case(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0], 0.0),
            r2_case(&[0.0, 1.0], &[0.5, 0.5], 0.0),
        ],
        |case| check_r2(f, case),
    );
    c.property(
        "matches_the_definition",
        "r_squared(y, ŷ) = 1 − Σ(yᵢ − ŷᵢ)² / Σ(yᵢ − ȳ)², for good and for bad predictions, × 2^±40 or 2^±100",
        |rng| random_r2(rng, &[], &[-100, -40, 40, 100]),
        |case| check_r2(f, case),
    );
    c.property(
        "large_offsets",
        "y and ŷ around 10⁶, 10⁷ or 10⁸: subtract the mean first, Σy² − m·ȳ² loses every digit",
        |rng| random_r2(rng, &[1e6, 1e7, 1e8], &[]),
        |case| check_r2(f, case),
    );
    let refuses = |y: Vec<f64>, y_hat: Vec<f64>, want: LinalgError| {
        let vectors = [y.clone(), y_hat.clone()];
        let (show, literal) =
            (pretty::named_vectors(&["y", "y_hat"], &vectors), pretty::named_literals(&["y", "y_hat"], &vectors));
        Fixed::new(show, literal, move || {
            let got = call("r_squared", || f(&y, &y_hat))?;
            refused("r_squared", &got, &want, |v| pretty::number(*v))
        })
    };
    c.fixed(
        "refuses_what_has_no_r_squared",
        "lengths differ: Err(DimensionMismatch { expected: y.len(), found: y_hat.len() }); both empty: Err(Empty); \
         every yᵢ equal (SS_tot = 0): Err(ZeroVector), decided on y itself",
        vec![
            refuses(vec![1.0, 2.0, 3.0], vec![1.0, 2.0], LinalgError::DimensionMismatch { expected: 3, found: 2 }),
            refuses(vec![], vec![], LinalgError::Empty),
            refuses(vec![3.0, 3.0, 3.0], vec![1.0, 2.0, 3.0], LinalgError::ZeroVector),
            refuses(vec![0.1, 0.1, 0.1], vec![0.1, 0.2, 0.0], LinalgError::ZeroVector),
            refuses(vec![5.0], vec![4.0], LinalgError::ZeroVector),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- residuals

/// The signature of `residual`.
pub type ResidualFn = fn(&Matrix, &[f64], &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The functions of exercise `residuals`.
pub struct Residuals {
    pub residual: ResidualFn,
    pub orthogonality: fn(&Matrix, &[f64]) -> Result<f64, LinalgError>,
}

/// Stored row 0: `[unused, x_0, …, x_{n−1}]`; row i ≥ 1: `[b_i, a_i0, …]`.
fn res_parts(c: &Case) -> (Matrix, Vec<f64>, Vec<f64>) {
    let rows = c.inputs();
    let x = rows[0][1..].to_vec();
    let eq = &rows[1..];
    (Matrix::from_fn(eq.len(), x.len(), |i, j| eq[i][j + 1]), x, eq.iter().map(|r| r[0]).collect())
}

fn show_res(c: &Case) -> String {
    let (a, x, b) = res_parts(c);
    format!(
        "{}\nx = {}\nb = {}{}",
        pretty::named_matrices(&[("A", &a)]),
        pretty::vector(&x),
        pretty::vector(&b),
        c.scale_note()
    )
}

fn literal_res(c: &Case) -> String {
    let (a, x, b) = res_parts(c);
    format!(
        "{}\nlet x = {};\nlet b = {};",
        pretty::matrix_literal("a", &a),
        pretty::vector_literal(&x),
        pretty::vector_literal(&b)
    )
}

static RESIDUAL: Spec = Spec {
    min_rows: 2,
    min_cols: 1,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[],
    build: build_scaled,
    show: show_res,
    literal: literal_res,
    valid: always_valid,
};

fn res_case(a: &Matrix, x: &[f64], b: &[f64]) -> Case {
    let mut rows = vec![[vec![0.0], x.to_vec()].concat()];
    rows.extend((0..a.nrows()).map(|i| [vec![b[i]], a.row(i).to_vec()].concat()));
    Case::new(&RESIDUAL, rows, vec![], 0)
}

fn check_residual(residual: ResidualFn, c: &Case) -> Result<(), Miss> {
    let (a, x, b) = res_parts(c);
    let d = to_dmatrix(&a);
    let want = dvec(&b) - &d * dvec(&x);
    let size = dvec(&b).abs() + d.abs() * dvec(&x).abs();
    let bound: Vec<f64> = size.iter().map(|s| tol::gamma(x.len() + 1) * s).collect();
    let got = accepted("residual", call("residual", || residual(&a, &x, &b))?, || pretty::vector(want.as_slice()))?;
    finite_of_length("residual", &got, a.nrows(), want.as_slice())?;
    let flipped = got.iter().zip(want.iter()).all(|(g, w)| (g + w).abs() <= 1e-9 * (1.0 + w.abs()))
        && want.iter().any(|w| *w != 0.0);
    entries_close("residual", &got, want.as_slice(), &bound).map_err(|e| Miss {
        message: if flipped {
            format!("{}: that is Ax − b; the residual is r = b − Ax", e.message)
        } else {
            format!("{}: the residual is r = b − Ax", e.message)
        },
        ..e
    })
}

/// Stored row i: `[r_i, a_i0, …]`; the exponent scales A, scalar 0 is the
/// exponent of r (independent scales).
fn orth_parts(c: &Case) -> (Matrix, Vec<f64>) {
    let n = c.rows.first().map_or(0, |r| r.len() - 1);
    let e_r = c.scalar(0) as i32;
    let a = Matrix::from_fn(c.rows.len(), n, |i, j| tol::scale2(c.rows[i][j + 1], c.exp));
    (a, c.rows.iter().map(|r| tol::scale2(r[0], e_r)).collect())
}

fn show_orth(c: &Case) -> String {
    let (a, r) = orth_parts(c);
    let mut note = String::new();
    if c.exp != 0 {
        note += &format!("\n   (A's stored values × 2^{})", c.exp);
    }
    if c.scalar(0) != 0.0 {
        note += &format!("\n   (r's stored values × 2^{})", c.scalar(0));
    }
    format!("{}\nr = {}{note}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&r))
}

fn literal_orth(c: &Case) -> String {
    let (a, r) = orth_parts(c);
    format!("{}\nlet r = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&r))
}

static ORTHOGONALITY: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_orth,
    literal: literal_orth,
    valid: always_valid,
};

fn orth_case(a: &Matrix, r: &[f64]) -> Case {
    let rows = (0..a.nrows()).map(|i| [vec![r[i]], a.row(i).to_vec()].concat()).collect();
    Case::new(&ORTHOGONALITY, rows, vec![0.0], 0)
}

/// max_j |cos(a_j, r)|, computed on unit vectors so that no scale overflows;
/// a zero column or a zero r counts 0. Also the column where it is reached.
fn largest_cosine(a: &Matrix, r: &[f64]) -> (f64, usize) {
    let nr = tol::norm2(r);
    let mut best = (0.0, 0);
    if nr == 0.0 {
        return best;
    }
    for j in 0..a.ncols() {
        let col = a.column(j);
        let nc = tol::norm2(&col);
        if nc == 0.0 {
            continue;
        }
        let cos: f64 = col.iter().zip(r).map(|(x, y)| (x / nc) * (y / nr)).sum();
        if cos.abs() > best.0 {
            best = (cos.abs(), j);
        }
    }
    best
}

fn check_orthogonality(orthogonality: fn(&Matrix, &[f64]) -> Result<f64, LinalgError>, c: &Case) -> Result<(), Miss> {
    let (a, r) = orth_parts(c);
    let (want, j) = largest_cosine(&a, &r);
    let got = accepted("orthogonality", call("orthogonality", || orthogonality(&a, &r))?, || pretty::number(want))?;
    let bound = tol::gamma(a.nrows() + 4);
    let err = (got - want).abs();
    if err <= bound && got.is_finite() {
        return Ok(());
    }
    let what = if want == 0.0 && (tol::norm2(&r) == 0.0 || a.ncols() == 0) {
        "a zero residual (or no columns) has no direction and counts as orthogonal: the answer is 0".to_string()
    } else {
        format!("the answer is the largest |cos θ_j| = |a_jᵀr| / (‖a_j‖‖r‖), reached at column {j}")
    };
    Err(Miss::new(format!("`orthogonality` is off by {}: {what}", pretty::number(err)))
        .output(pretty::number(got))
        .expected(pretty::number(want))
        .bound(format!("|yours − answer| = {err:.2e}, allowed ≤ {bound:.2e}")))
}

/// A (m×n, entries l03-style) with r anywhere, or r a least-squares residual
/// of integers (nearly orthogonal), or r along a column (cosine ±1).
fn random_orth(rng: &mut TestRng, exps: &[i32]) -> Case {
    let (m, n) = (draw::size(rng, 1, 6), draw::size(rng, 1, 4));
    let a = DMatrix::from_fn(m, n, |_, _| entry(rng));
    let kind = draw::size(rng, 0, 2);
    let r: DVector<f64> = match kind {
        0 => dvec(&(0..m).map(|_| entry(rng)).collect::<Vec<_>>()),
        1 => {
            let w = dvec(&ints_vec(rng, m, -9, 9));
            let q = a.clone().qr().q();
            &w - &q * (q.transpose() * &w)
        }
        _ => a.column(draw::size(rng, 0, n - 1)) * draw::int(rng, -3, 3),
    };
    let mut case = orth_case(&ours(&a), r.as_slice());
    if !exps.is_empty() {
        case.exp = draw::pick(rng, exps);
        case.scalars[0] = f64::from(draw::pick(rng, exps));
    }
    case
}

/// `residual` is b − Ax; `orthogonality` is the largest |cosine| between r
/// and a column, at every scale; both refuse inputs of the wrong length.
pub fn residuals(f: &Residuals) -> ExerciseReport {
    let mut c = Checker::new("residuals");
    let one = Matrix::identity(1);
    c.probe("residual", || (f.residual)(&one, &[1.0], &[1.0]));
    c.probe("orthogonality", || (f.orthogonality)(&one, &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let (residual, orthogonality) = (f.residual, f.orthogonality);
    let line = matrix_of(&[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]]);
    c.examples(
        "residual_examples",
        "the line fit at x = (5/6, 3/2) leaves (1/6, −1/3, 1/6); at x = (1, 1) it leaves (0, 0, 1); an exact fit \
         leaves 0; no unknowns leave b",
        vec![
            res_case(&line, &[5.0 / 6.0, 1.5], &[1.0, 2.0, 4.0]),
            res_case(&line, &[1.0, 1.0], &[1.0, 2.0, 4.0]),
            res_case(&line, &[1.0, 2.0], &[1.0, 3.0, 5.0]),
            res_case(&Matrix::zeros(2, 0), &[], &[3.0, -1.0]),
        ],
        |case| check_residual(residual, case),
    );
    c.property(
        "residual_is_b_minus_ax",
        "residual(A, x, b) = b − Ax, entry by entry (the sign matters: not Ax − b)",
        |rng| {
            let (m, n) = (draw::size(rng, 1, 6), draw::size(rng, 1, 5));
            let mut rows = vec![[vec![0.0], (0..n).map(|_| entry(rng)).collect()].concat()];
            rows.extend((0..m).map(|_| (0..=n).map(|_| entry(rng)).collect::<Vec<f64>>()));
            Case::new(&RESIDUAL, rows, vec![], draw::exponent(rng, &[-200, -40, 40, 200]))
        },
        |case| check_residual(residual, case),
    );
    let s3 = 1.0 / 3.0;
    c.examples(
        "orthogonality_examples",
        "the least-squares residual (1/6, −1/3, 1/6) of the line fit: about 0; r = (0, 0, 1): 2/√5 ≈ 0.8944; \
         r = 0: 0; a zero column counts 0; r along a column: 1",
        vec![
            orth_case(&line, &[1.0 / 6.0, -s3, 1.0 / 6.0]),
            orth_case(&line, &[0.0, 0.0, 1.0]),
            orth_case(&line, &[0.0, 0.0, 0.0]),
            orth_case(&matrix_of(&[&[0.0, 1.0], &[0.0, 2.0], &[0.0, 3.0]]), &[1.0, 0.0, 0.0]),
            orth_case(&line, &[0.0, -1.0, -2.0]),
            orth_case(&Matrix::zeros(2, 0), &[1.0, 1.0]),
        ],
        |case| check_orthogonality(orthogonality, case),
    );
    c.property(
        "largest_cosine",
        "orthogonality(A, r) = max_j |a_jᵀr| / (‖a_j‖‖r‖): for any r, for least-squares residuals (near 0) and \
         for r along a column (1)",
        |rng| random_orth(rng, &[]),
        |case| check_orthogonality(orthogonality, case),
    );
    c.property(
        "any_scale",
        "A and r scaled independently by 2^±200 or 2^±600: the cosines do not change (use norms that do not \
         overflow)",
        |rng| random_orth(rng, &[-600, -200, 200, 600]),
        |case| check_orthogonality(orthogonality, case),
    );
    let refuses_residual = |a: Matrix, x: Vec<f64>, b: Vec<f64>, want: LinalgError| {
        let show =
            format!("{}\nx = {}\nb = {}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&x), pretty::vector(&b));
        let literal = format!(
            "{}\nlet x = {};\nlet b = {};",
            pretty::matrix_literal("a", &a),
            pretty::vector_literal(&x),
            pretty::vector_literal(&b)
        );
        Fixed::new(show, literal, move || {
            let got = call("residual", || residual(&a, &x, &b))?;
            refused("residual", &got, &want, |v| pretty::vector(v))
        })
    };
    let refuses_orth = |a: Matrix, r: Vec<f64>| {
        let show = format!("{}\nr = {}", pretty::named_matrices(&[("A", &a)]), pretty::vector(&r));
        let literal = format!("{}\nlet r = {};", pretty::matrix_literal("a", &a), pretty::vector_literal(&r));
        Fixed::new(show, literal, move || {
            let got = call("orthogonality", || orthogonality(&a, &r))?;
            let want = LinalgError::DimensionMismatch { expected: a.nrows(), found: r.len() };
            refused("orthogonality", &got, &want, |v| pretty::number(*v))
        })
    };
    let mismatch = |expected, found| LinalgError::DimensionMismatch { expected, found };
    c.fixed(
        "refuse_wrong_lengths",
        "x needs one entry per column, b and r one per row: Err(DimensionMismatch { expected, found })",
        vec![
            refuses_residual(line.clone(), vec![1.0], vec![1.0, 2.0, 4.0], mismatch(2, 1)),
            refuses_residual(line.clone(), vec![1.0, 1.0], vec![1.0, 2.0], mismatch(3, 2)),
            refuses_orth(line.clone(), vec![1.0, 2.0]),
            refuses_orth(line, vec![1.0, 2.0, 3.0, 4.0]),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- ridge

/// The signature of `ridge`.
pub type RidgeFn = fn(&Matrix, &[f64], f64) -> Result<Vec<f64>, LinalgError>;

/// A, b as in [`LS`]; λ = scalar 0 × 2^(2·exp), so that scaling A and b by
/// 2^exp scales the whole problem and leaves x alone.
fn ridge_parts(c: &Case) -> (Matrix, Vec<f64>, f64) {
    let (a, b) = ls_cases::parts(c);
    (a, b, tol::scale2(c.scalar(0), 2 * c.exp))
}

fn show_ridge(c: &Case) -> String {
    let (a, b, lambda) = ridge_parts(c);
    format!(
        "{}\nb = {}\nλ = {}{}",
        pretty::named_matrices(&[("A", &a)]),
        pretty::vector(&b),
        pretty::number(lambda),
        if c.exp == 0 {
            String::new()
        } else {
            format!("   (A and b: stored values × 2^{}; λ × 2^{})", c.exp, 2 * c.exp)
        }
    )
}

fn literal_ridge(c: &Case) -> String {
    let (a, b, lambda) = ridge_parts(c);
    format!(
        "{}\nlet b = {};\nlet lambda = {};",
        pretty::matrix_literal("a", &a),
        pretty::vector_literal(&b),
        pretty::number_literal(lambda)
    )
}

/// What the checker knows about a ridge problem: nalgebra's Cholesky solve
/// of (AᵀA + λI)x = Aᵀb, κ₂ and ‖·‖₂ of AᵀA + λI (from A's singular values).
struct RidgeTruth {
    x: Vec<f64>,
    kappa: f64,
    norm: f64,
}

fn ridge_truth(a: &Matrix, b: &[f64], lambda: f64) -> Option<RidgeTruth> {
    let (m, n) = a.shape();
    let d = to_dmatrix(a);
    let s = subspace::singular_values(&d);
    let top = s.first().copied().unwrap_or(0.0);
    let bottom = if m >= n { s.last().copied().unwrap_or(0.0) } else { 0.0 };
    let (norm, low) = (top * top + lambda, bottom * bottom + lambda);
    let system = d.transpose() * &d + DMatrix::identity(n, n) * lambda;
    let x = nalgebra::Cholesky::new(system)?.solve(&(d.transpose() * dvec(b)));
    Some(RidgeTruth { x: x.as_slice().to_vec(), kappa: norm / low, norm })
}

/// λ ≥ 0, n ≥ 1, finite, and AᵀA + λI positive definite with κ₂ ≤ 10¹⁰.
fn well_posed_ridge(c: &Case) -> bool {
    let (a, b, lambda) = ridge_parts(c);
    a.nrows() >= 1
        && a.ncols() >= 1
        && lambda >= 0.0
        && lambda.is_finite()
        && tol::all_finite(a.as_slice())
        && tol::all_finite(&b)
        && ridge_truth(&a, &b, lambda).is_some_and(|t| t.kappa <= 1e10 && tol::all_finite(&t.x))
}

static RIDGE: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_ridge,
    literal: literal_ridge,
    valid: well_posed_ridge,
};

/// Integer A of any shape (wide and rank-deficient too) and b, with λ in
/// {0.25, 0.5, 2, 3, 10, 50}; or a conditioned tall A (κ₂ up to 10⁵, σ₁ = 10)
/// with λ from 100 = σ₁² down to 10⁻⁶. Times 2^e from `exps` one time in three.
fn random_ridge(rng: &mut TestRng, exps: &[i32]) -> Case {
    loop {
        let case = if draw::chance(rng, 1, 2) {
            let (m, n) = (draw::size(rng, 1, 6), draw::size(rng, 1, 5));
            let rows = (0..m).map(|_| ints_vec(rng, n + 1, -9, 9)).collect();
            let lambda = draw::pick(rng, &[0.25, 0.5, 2.0, 3.0, 10.0, 50.0]);
            Case::new(&RIDGE, rows, vec![lambda], 0)
        } else {
            let ls = random_conditioned(rng, 5.0, &[]);
            let lambda = draw::pick(rng, &[100.0, 10.0, 1.0, 0.1, 0.01, 1e-3, 1e-4, 1e-6]);
            Case::new(&RIDGE, ls.rows, vec![lambda], 0)
        };
        let exp = if exps.is_empty() { 0 } else { draw::exponent(rng, exps) };
        let case = Case { exp, ..case };
        if well_posed_ridge(&case) {
            return case;
        }
    }
}

fn solve_ridge(f: RidgeFn, a: &Matrix, b: &[f64], lambda: f64, want: &[f64]) -> Result<Vec<f64>, Miss> {
    let got = accepted("ridge", call("ridge", || f(a, b, lambda))?, || pretty::vector(want))
        .map_err(|e| Miss { message: format!("{} (AᵀA + λI is positive definite here)", e.message), ..e })?;
    finite_of_length("ridge", &got, a.ncols(), want)?;
    Ok(got)
}

fn ridge_forward(function: &str, got: &[f64], t: &RidgeTruth, a: &Matrix, b: &[f64]) -> Result<(), Miss> {
    let (m, n) = a.shape();
    let scale = tol::norm2(&t.x) + frobenius(a) * tol::norm2(b) / t.norm;
    let bound = tol::ridge(m, n, t.kappa) * scale;
    vector_close(function, got, &t.x, bound).map_err(|e| Miss {
        message: format!(
            "{} from the solution of (AᵀA + λI)x = Aᵀb (nalgebra's Cholesky solve); add λ to the diagonal only, \
             and λ itself, not λ²",
            e.message
        ),
        ..e
    })
}

fn check_ridge(f: RidgeFn, c: &Case) -> Result<(), Miss> {
    let (a, b, lambda) = ridge_parts(c);
    let Some(t) = ridge_truth(&a, &b, lambda) else { return Ok(()) };
    let got = solve_ridge(f, &a, &b, lambda, &t.x)?;
    ridge_forward("ridge", &got, &t, &a, &b)
}

/// With λ = 0 (and independent columns), ridge is least squares: judged
/// against nalgebra's QR solution like `lstsq_normal`.
fn check_ridge_zero(f: RidgeFn, c: &Case) -> Result<(), Miss> {
    let (a, b, lambda) = ridge_parts(c);
    let t = ls_truth(&a, &b);
    let got = solve_ridge(f, &a, &b, lambda, &t.x)?;
    close_to_least_squares("ridge", &got, &t, &b, a.nrows())
}

fn check_ridge_backward(f: RidgeFn, c: &Case) -> Result<(), Miss> {
    let (a, b, lambda) = ridge_parts(c);
    let Some(t) = ridge_truth(&a, &b, lambda) else { return Ok(()) };
    let got = solve_ridge(f, &a, &b, lambda, &t.x)?;
    normal_equations_hold("ridge", (&a, &b, lambda), &got, &t.x)
}

/// ‖x(4λ)‖ ≤ ‖x(λ)‖, with the slack of both forward errors.
fn check_shrinks(f: RidgeFn, c: &Case) -> Result<(), Miss> {
    let (a, b, lambda) = ridge_parts(c);
    let (Some(t1), Some(t4)) = (ridge_truth(&a, &b, lambda), ridge_truth(&a, &b, 4.0 * lambda)) else {
        return Ok(());
    };
    let x1 = solve_ridge(f, &a, &b, lambda, &t1.x)?;
    let x4 = solve_ridge(f, &a, &b, 4.0 * lambda, &t4.x)?;
    let (m, n) = a.shape();
    let slack =
        |t: &RidgeTruth| tol::ridge(m, n, t.kappa) * (tol::norm2(&t.x) + frobenius(&a) * tol::norm2(&b) / t.norm);
    let (n1, n4) = (tol::norm2(&x1), tol::norm2(&x4));
    tol::within(n4 - n1, slack(&t1) + slack(&t4), "").map_err(|e| {
        Miss::new(format!(
            "a larger penalty made the coefficients longer: ‖x(λ)‖ = {}, but ‖x(4λ)‖ = {}; more penalty never \
             lengthens the ridge solution",
            pretty::number(n1),
            pretty::number(n4)
        ))
        .output(format!("x(λ) = {}\nx(4λ) = {}", pretty::vector(&x1), pretty::vector(&x4)))
        .expected(format!("x(λ) = {}\nx(4λ) = {}", pretty::vector(&t1.x), pretty::vector(&t4.x)))
        .bound(format!("‖x(4λ)‖ − ‖x(λ)‖ {}", e.bound))
    })
}

/// `ridge` solves (AᵀA + λI)x = Aᵀb for any shape of A, agrees with
/// nalgebra's Cholesky solve and with least squares at λ = 0, shrinks as λ
/// grows, and refuses what Cholesky refuses.
pub fn ridge(f: RidgeFn) -> ExerciseReport {
    let mut c = Checker::new("ridge");
    c.probe("ridge", || f(&Matrix::identity(1), &[1.0], 1.0));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let ex = |a: &[&[f64]], b: &[f64], lambda: f64| ls_case(&RIDGE, &matrix_of(a), b, vec![lambda]);
    let line: &[&[f64]] = &[&[1.0, 0.0], &[1.0, 1.0], &[1.0, 2.0]];
    c.examples(
        "textbook_examples",
        "the line fit with λ = 1: (4/5, 19/15); with λ = 0: least squares (5/6, 3/2); a 1×2 problem, which least \
         squares cannot solve, with λ = 1: (2/3, 2/3); A = I, λ = 3: b/4; a repeated column with λ = 0.5",
        vec![
            ex(line, &[1.0, 2.0, 4.0], 1.0),
            ex(line, &[1.0, 2.0, 4.0], 0.0),
            ex(&[&[1.0, 1.0]], &[2.0], 1.0),
            ex(&[&[1.0, 0.0], &[0.0, 1.0]], &[4.0, -8.0], 3.0),
            ex(&[&[1.0, 1.0], &[2.0, 2.0], &[3.0, 3.0]], &[1.0, 2.0, 2.0], 0.5),
        ],
        |case| check_ridge(f, case),
    );
    c.property(
        "matches_nalgebra_cholesky",
        "ridge(A, b, λ) solves (AᵀA + λI)x = Aᵀb (nalgebra's Cholesky solve) up to κ₂(AᵀA + λI) times rounding; \
         A tall, square, wide or rank-deficient; × 2^±40",
        |rng| random_ridge(rng, &[-40, 40]),
        |case| check_ridge(f, case),
    );
    c.property(
        "penalised_normal_equations_hold",
        "Aᵀ(b − Ax) − λx = 0 up to rounding of size (‖A‖² + λ)‖x‖ + ‖A‖‖b‖, whatever the conditioning",
        |rng| random_ridge(rng, &[]),
        |case| check_ridge_backward(f, case),
    );
    c.property(
        "lambda_zero_is_least_squares",
        "with λ = 0, ridge is least squares: nalgebra's QR solution up to κ₂(A)² times rounding",
        |rng| {
            let ls = random_conditioned(rng, 4.0, &[]);
            Case::new(&RIDGE, ls.rows, vec![0.0], 0)
        },
        |case| check_ridge_zero(f, case),
    );
    c.property(
        "coefficients_shrink_as_lambda_grows",
        "‖x(4λ)‖ ≤ ‖x(λ)‖: a larger penalty never makes the solution longer",
        |rng| {
            let case = random_ridge(rng, &[]);
            let lambda = if case.scalar(0) == 0.0 { 1.0 } else { case.scalar(0) };
            Case { scalars: vec![lambda], ..case }
        },
        |case| check_shrinks(f, case),
    );
    let refuses = |a: Matrix, b: Vec<f64>, lambda: f64, want: LinalgError| {
        let show = format!(
            "{}\nb = {}\nλ = {}",
            pretty::named_matrices(&[("A", &a)]),
            pretty::vector(&b),
            pretty::number(lambda)
        );
        let literal = format!(
            "{}\nlet b = {};\nlet lambda = {};",
            pretty::matrix_literal("a", &a),
            pretty::vector_literal(&b),
            pretty::number_literal(lambda)
        );
        Fixed::new(show, literal, move || {
            let got = call("ridge", || f(&a, &b, lambda))?;
            refused("ridge", &got, &want, |v| pretty::vector(v))
        })
    };
    let npd0 = LinalgError::NotPositiveDefinite { column: 0 };
    let line = matrix_of(line);
    c.fixed(
        "refuses_bad_input",
        "b of the wrong length: Err(DimensionMismatch { expected: rows, found }); λ NaN or infinite, or so \
         negative that AᵀA + λI is not positive definite: your Cholesky's Err(NotPositiveDefinite { column: 0 })",
        vec![
            refuses(line.clone(), vec![1.0, 2.0], 1.0, LinalgError::DimensionMismatch { expected: 3, found: 2 }),
            refuses(line.clone(), vec![1.0, 2.0, 4.0], f64::NAN, npd0.clone()),
            refuses(line, vec![1.0, 2.0, 4.0], f64::INFINITY, npd0.clone()),
            refuses(Matrix::identity(2), vec![1.0, 1.0], -2.0, npd0),
        ],
    );
    c.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::test_runner::RngAlgorithm;
    use solutions::l06 as sol;

    fn rng() -> TestRng {
        TestRng::from_seed(RngAlgorithm::ChaCha, &[6; 32])
    }

    /// The largest error/bound ratios of the reference solutions, without the
    /// safety factor C, over many generated inputs: the numbers quoted in
    /// `tol.rs`. `cargo test -p eigenlings-checks calibrate -- --ignored --nocapture`
    #[test]
    #[ignore = "prints the calibration of the lesson-6 tolerances; slow in debug builds"]
    fn calibrate() {
        let mut rng = rng();
        let cases = 20_000;
        let (mut back, mut fwd, mut chol, mut rid, mut r2, mut reg) =
            (0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64, 0.0_f64);
        for k in 0..cases {
            let case = match k % 3 {
                0 => random_integer_ls(&mut rng),
                1 => random_conditioned(&mut rng, 5.0, &[]),
                _ => random_conditioned(&mut rng, 3.0, &[-100, -40, 40, 100]),
            };
            let (a, b) = ls_cases::parts(&case);
            let (m, n) = a.shape();
            let t = ls_truth(&a, &b);
            let x = sol::least_squares::lstsq_normal(&a, &b).unwrap();
            let d = to_dmatrix(&a);
            let g = d.transpose() * (dvec(&b) - &d * dvec(&x));
            let fro = frobenius(&a);
            let size = fro * fro * tol::norm2(&x) + fro * tol::norm2(&b);
            back = back.max(tol::norm2(g.as_slice()) / size / (tol::normal_equations(m, n) / tol::C));
            let scale = tol::norm2(&t.x) + tol::norm2(&b) / t.norm_2;
            fwd = fwd.max(tol::distance(&x, &t.x) / (tol::least_squares(m, n, t.kappa) / tol::C * scale));

            let sym = match k % 3 {
                0 => random_spd(&mut rng, &[]),
                1 => random_ill_conditioned_spd(&mut rng),
                _ => random_spd(&mut rng, &[-600, -40, 40, 600]),
            };
            let want = Matrix::from_rows(&sym_from_lower(&sym));
            let l = sol::cholesky::cholesky(&want).unwrap();
            let dl = to_dmatrix(&l);
            let p = &dl * dl.transpose();
            let s = dl.abs() * dl.abs().transpose();
            let nn = want.nrows();
            for i in 0..nn {
                for j in 0..nn {
                    let e = (p[(i, j)] - want[(i, j)]).abs();
                    if e > 0.0 {
                        chol = chol.max(e / (s[(i, j)] * tol::cholesky(nn) / tol::C));
                    }
                }
            }

            let rc = random_ridge(&mut rng, &[-40, 40]);
            let (a, b, lambda) = ridge_parts(&rc);
            let t = ridge_truth(&a, &b, lambda).unwrap();
            let x = sol::ridge::ridge(&a, &b, lambda).unwrap();
            let (m, n) = a.shape();
            let scale = tol::norm2(&t.x) + frobenius(&a) * tol::norm2(&b) / t.norm;
            rid = rid.max(tol::distance(&x, &t.x) / (tol::ridge(m, n, t.kappa) / tol::C * scale));

            let rq = random_r2(&mut rng, if k % 2 == 0 { &[1e6, 1e7, 1e8] } else { &[] }, &[-100, -40, 40, 100]);
            let (y, y_hat) = r2_parts(&rq);
            let (want, q) = exact_r2(&rq);
            let got = sol::r_squared::r_squared(&y, &y_hat).unwrap();
            let mm = y.len();
            let largest = y.iter().fold(0.0_f64, |s, v| s.max(v.abs()));
            let mean = y.iter().sum::<f64>() / mm as f64;
            let ss_tot: f64 = y.iter().map(|v| (v - mean) * (v - mean)).sum();
            let e = tol::gamma(mm) * largest;
            let bound = tol::r_squared(mm) * (1.0 + q) / tol::C + 2.0 * q * mm as f64 * e * e / ss_tot;
            r2 = r2.max((got - want).abs() / bound);

            let rr = random_regression(&mut rng, &[(100.0, 500.0), (1000.0, 5000.0)]);
            let (xr, yr) = reg_parts(&rr);
            let dd = design(&xr);
            let t = ls_truth(&dd, &yr);
            let c = sol::regression::fit_linear(&xr, &yr).unwrap();
            let scale = tol::norm2(&t.x) + tol::norm2(&yr) / t.norm_2;
            reg = reg
                .max(tol::distance(&c, &t.x) / (tol::least_squares(dd.nrows(), dd.ncols(), t.kappa) / tol::C * scale));
        }
        println!("lesson 6 calibration over {cases} cases of each generator (error / bound without C):");
        println!("  normal equations, backward: {back:.3}");
        println!("  least squares, forward:     {fwd:.3}");
        println!("  cholesky, entry by entry:   {chol:.3}");
        println!("  ridge, forward:             {rid:.3}");
        println!("  r_squared:                  {r2:.3}");
        println!("  regression, forward:        {reg:.3}");
    }
}
