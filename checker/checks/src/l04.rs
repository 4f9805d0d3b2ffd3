//! Checks for lesson 4: rank and the four fundamental subspaces.
//!
//! Every input is an integer matrix, possibly times an exact power of two, so
//! the checker knows its rank, pivot columns and reduced row echelon form
//! exactly (`exact`), with no tolerance of its own to argue about. A learner's
//! basis is judged as a subspace (`subspace`), never entry by entry: the right
//! number of vectors in the right space, each vector inside the subspace, the
//! vectors independent, and the same orthogonal projector as the true subspace.

use nalgebra::DMatrix;
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::Matrix;

use crate::cases::{Case, Spec, always_valid, build_scaled};
use crate::exact::{self, ExactRref};
use crate::harness::{Checker, Miss, call};
use crate::subspace::{self, to_dmatrix};
use crate::{draw, pretty, tol};

// ---------------------------------------------------------------- inputs

fn matrix(c: &Case) -> Matrix {
    let rows = c.inputs();
    let n = rows.first().map_or(0, Vec::len);
    Matrix::from_fn(rows.len(), n, |i, j| rows[i][j])
}

fn show_a(c: &Case) -> String {
    let a = matrix(c);
    let note = if c.exp == 0 { String::new() } else { format!("\n   (integers × 2^{})", c.exp) };
    format!("A ({}×{}) =\n{a}{note}", a.nrows(), a.ncols())
}

fn literal_a(c: &Case) -> String {
    format!("let a = {:?};", matrix(c))
}

/// A matrix: integer entries (or dyadic fractions such as 2^−30), so the exact
/// answer is known, times 2^exp.
static MATRIX: Spec = Spec {
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

/// The factors of a product case. Stored row i is `[tag, v_1, …, v_r]`: tag 0
/// makes v a row of X, tag 1 a column of Y (a row of Yᵀ). All rows have the
/// same length, so the shrinker's moves stay meaningful: dropping a row drops
/// a row or a column of A, dropping a coordinate lowers the inner dimension r
/// (a column of X and a row of Y at once), and moving entries toward zero
/// shrinks X and Y. A = X·Y stays rank-deficient while it shrinks, where
/// shrinking A's own entries would make it full rank at the first step.
fn factors(c: &Case) -> (Vec<&[f64]>, Vec<&[f64]>) {
    let x = c.rows.iter().filter(|r| r[0] == 0.0).map(|r| &r[1..]).collect();
    let y = c.rows.iter().filter(|r| r[0] != 0.0).map(|r| &r[1..]).collect();
    (x, y)
}

/// A = X·Y, before the power-of-two scale (integers, computed exactly).
fn product(c: &Case) -> Vec<Vec<f64>> {
    let (x, y) = factors(c);
    x.iter().map(|xi| y.iter().map(|yj| xi.iter().zip(*yj).map(|(a, b)| a * b).sum()).collect()).collect()
}

fn build_product(c: &Case) -> Vec<Vec<f64>> {
    product(c).iter().map(|r| r.iter().map(|&v| tol::scale2(v, c.exp)).collect()).collect()
}

fn valid_product(c: &Case) -> bool {
    c.rows.iter().all(|r| r[0] == 0.0 || r[0] == 1.0)
        && c.rows.iter().any(|r| r[0] == 0.0)
        && c.rows.iter().any(|r| r[0] == 1.0)
}

fn show_product(c: &Case) -> String {
    let inner = c.rows.first().map_or(0, |r| r.len() - 1);
    format!(
        "{}
   (A = X·Y with inner dimension {inner}, so rank A ≤ {inner})",
        show_a(c)
    )
}

/// A = X·Y, stored as its factors (see [`factors`]), times 2^exp.
static PRODUCT: Spec = Spec {
    min_rows: 2,
    min_cols: 1,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[],
    build: build_product,
    show: show_product,
    literal: literal_a,
    valid: valid_product,
};

fn scaled(rows: &[&[f64]], exp: i32) -> Case {
    Case::new(&MATRIX, rows.iter().map(|r| r.to_vec()).collect(), vec![], exp)
}

fn case(rows: &[&[f64]]) -> Case {
    scaled(rows, 0)
}

/// Hand-picked matrices: the notebook's examples and the edge cases every
/// elimination must get right.
fn textbook_cases() -> Vec<Case> {
    vec![
        case(&[&[1.0, 2.0, 3.0], &[2.0, 4.0, 7.0]]),
        case(&[&[1.0, 2.0], &[2.0, 4.0]]),
        case(&[&[1.0, 2.0], &[3.0, 4.0]]),
        case(&[&[1.0, 2.0, 3.0], &[2.0, 4.0, 6.0], &[1.0, 0.0, 1.0]]),
        case(&[&[1.0, 0.0, 2.0, 1.0], &[0.0, 1.0, 1.0, 3.0]]),
        case(&[&[0.0, 0.0, 0.0], &[0.0, 0.0, 0.0]]),
        case(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]]),
        case(&[&[5.0]]),
        case(&[&[0.0]]),
        case(&[&[1.0, -2.0, 3.0]]),
        case(&[&[2.0], &[4.0], &[-1.0]]),
        case(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0], &[7.0, 8.0]]),
        // Duplicated columns, and a column that is the sum of two others.
        case(&[&[1.0, 1.0, 2.0], &[3.0, 3.0, 4.0], &[5.0, 5.0, 6.0]]),
        case(&[&[1.0, 0.0, 1.0], &[0.0, 1.0, 1.0], &[1.0, 1.0, 2.0]]),
        // A pivot is needed: the top-left entry is zero.
        case(&[&[0.0, 1.0], &[1.0, 0.0]]),
        case(&[&[0.0, 0.0, 1.0], &[1.0, 2.0, 3.0], &[2.0, 4.0, 7.0]]),
    ]
}

/// Rank-deficient matrices whose elimination is inexact (multipliers like 1/7),
/// scaled by 2^±27 (about 10^±8) and 2^±40: the rank must not change.
fn scaled_cases() -> Vec<Case> {
    let m3: &[&[f64]] = &[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0], &[7.0, 8.0, 9.0]];
    let m2: &[&[f64]] = &[&[1.0, 2.0], &[2.0, 4.0]];
    vec![
        scaled(m3, 27),
        scaled(m3, -27),
        scaled(m3, 40),
        scaled(m3, -40),
        scaled(m2, -40),
        scaled(&[&[1.0, 2.0], &[3.0, 4.0]], -40),
    ]
}

/// Matrices whose first pivot candidate is tiny (2^−30) but not negligible: the
/// first nonzero entry is a bad pivot, the largest one a good pivot.
fn tiny_pivot_cases() -> Vec<Case> {
    let tiny = 2f64.powi(-30);
    vec![
        case(&[&[tiny, 1.0, 1.0], &[1.0, 1.0, 2.0]]),
        case(&[&[tiny, 1.0, 2.0, 1.0], &[1.0, 3.0, 1.0, 2.0], &[2.0, 1.0, 1.0, 5.0]]),
    ]
}

/// `p × q` integers in [−3, 3] of full rank min(p, q), drawn until one is.
fn full_rank_ints(rng: &mut TestRng, p: usize, q: usize) -> Vec<Vec<i64>> {
    for _ in 0..200 {
        let x: Vec<Vec<i64>> = (0..p).map(|_| (0..q).map(|_| draw::int(rng, -3, 3) as i64).collect()).collect();
        if exact::rank(&x, q) == p.min(q) {
            return x;
        }
    }
    // Practically unreachable; the identity pattern has full rank.
    (0..p).map(|i| (0..q).map(|j| i64::from(i == j)).collect()).collect()
}

/// A = X·Y with X (m×r) and Y (r×n) of full rank r, entries of X and Y in
/// [−3, 3]: rank exactly r. m, n ∈ 1..=6; r = 0 in one draw in 32, otherwise
/// uniform in 1..=min(m, n).
fn random_rank_r(rng: &mut TestRng, exponents: &[i32]) -> Case {
    // One row or one column in about one draw in six; otherwise 2..=6.
    let mut dim = || if draw::chance(rng, 1, 12) { 1 } else { draw::size(rng, 2, 6) };
    let (m, n) = (dim(), dim());
    let r = if draw::chance(rng, 1, 32) { 0 } else { draw::size(rng, 1, m.min(n)) };
    let x = full_rank_ints(rng, m, r);
    let y = full_rank_ints(rng, r, n);
    let tagged = |tag: f64, v: Vec<f64>| [vec![tag], v].concat();
    let rows = x
        .iter()
        .map(|xi| tagged(0.0, xi.iter().map(|&v| v as f64).collect()))
        .chain((0..n).map(|j| tagged(1.0, (0..r).map(|k| y[k][j] as f64).collect())))
        .collect();
    let exp = if exponents.is_empty() { 0 } else { draw::pick(rng, exponents) };
    Case::new(&PRODUCT, rows, vec![], exp)
}

// ---------------------------------------------------------------- the truth

/// The stored numbers of a case as exact fractions. The actual input is them
/// times 2^exp, which changes neither the RREF nor any of the four subspaces.
fn stored(c: &Case) -> Vec<Vec<exact::Rational>> {
    let values = if std::ptr::eq(c.spec, &PRODUCT) { product(c) } else { c.rows.clone() };
    exact::rationals(&values).expect("lesson 4 stores integers and dyadic fractions only")
}

/// What the checker knows exactly about one input.
struct Truth {
    a: Matrix,
    exact: ExactRref,
    /// Orthogonal projectors onto C(A) (m×m) and C(Aᵀ) (n×n); the null spaces
    /// are their complements.
    p_col: DMatrix<f64>,
    p_row: DMatrix<f64>,
    /// κ₂ of the pivot columns of A: how much a correct elimination may
    /// amplify its rounding errors (the RREF's entries solve a system with them).
    kappa: f64,
}

impl Truth {
    fn new(c: &Case) -> Self {
        let a = matrix(c);
        let (m, n) = a.shape();
        let exact = exact::rref(&stored(c), n);
        let r = exact.rank();
        let rref = exact.to_f64();
        let p_row = subspace::projector(&DMatrix::from_fn(n, r, |j, i| rref[i][j]));
        let pivot_columns = DMatrix::from_fn(m, r, |i, k| a[(i, exact.pivots[k])]);
        let p_col = subspace::projector(&pivot_columns);
        let kappa = subspace::condition(&pivot_columns);
        Self { a, exact, p_col, p_row, kappa }
    }

    fn rank(&self) -> usize {
        self.exact.rank()
    }

    fn rref_matrix(&self) -> Matrix {
        Matrix::from_rows(&self.exact.to_f64())
    }

    /// The exact null-space basis of Aᵀ, from the transposed integers.
    fn left_null_basis(&self, c: &Case) -> Vec<Vec<f64>> {
        let stored = stored(c);
        let m = self.a.nrows();
        let t: Vec<Vec<_>> = (0..self.a.ncols()).map(|j| (0..m).map(|i| stored[i][j]).collect()).collect();
        exact::rref(&t, m).null_basis(m)
    }
}

fn columns_matrix(p: usize, columns: &[Vec<f64>]) -> Matrix {
    Matrix::from_fn(p, columns.len(), |i, j| columns[j][i])
}

fn show_matrix(m: &Matrix) -> String {
    format!("{}×{} matrix\n{m}", m.nrows(), m.ncols())
}

// ---------------------------------------------------------------- rref

/// The signature of `rref`.
pub type RrefFn = fn(&Matrix) -> (Matrix, Vec<usize>);

fn check_rref(f: RrefFn, c: &Case) -> Result<(), Miss> {
    let t = Truth::new(c);
    let (m, n) = t.a.shape();
    let rank = t.rank();
    let (r, pivots) = call("rref", || f(&t.a))?;
    let output = format!("R =\n{r}\npivots = {pivots:?}");
    let expected = format!("R =\n{}\npivots = {:?}", t.rref_matrix(), t.exact.pivots);
    let miss = |message: String| Miss::new(message).output(output.clone()).expected(expected.clone());
    if r.shape() != (m, n) {
        return Err(miss(format!(
            "`rref` returned a {}×{} matrix; R has the shape of A, {m}×{n}",
            r.nrows(),
            r.ncols()
        )));
    }
    if !tol::all_finite(r.as_slice()) {
        return Err(miss("`rref` returned NaN or infinity".into()));
    }
    if pivots.windows(2).any(|w| w[0] >= w[1]) || pivots.iter().any(|&p| p >= n) {
        return Err(miss(format!("the pivots must be column indices below {n}, in increasing order")));
    }
    if pivots.len() > rank {
        return Err(miss(format!(
            "`rref` found {} pivots, but A has rank {rank}: a column whose remaining entries are only rounding \
             noise was taken as a pivot (compare |x| with the tolerance relative to ‖A‖, never with 0.0)",
            pivots.len()
        )));
    }
    if pivots.len() < rank {
        return Err(miss(format!(
            "`rref` found {} pivots, but A has rank {rank}: a column with a real pivot was skipped (look at every \
             row without a pivot, and use a tolerance relative to ‖A‖, not a fixed number)",
            pivots.len()
        )));
    }
    if pivots != t.exact.pivots {
        return Err(miss(
            "the pivot columns are wrong: each pivot is the first column that is independent of the \
                         columns before it"
                .into(),
        ));
    }
    // The reduced form, exactly as the contract says.
    for (i, &p) in pivots.iter().enumerate() {
        if r[(i, p)] != 1.0 {
            return Err(miss(format!(
                "the pivot of row {i} (column {p}) is {}, not exactly 1: divide the whole pivot row by the pivot",
                pretty::number_literal(r[(i, p)])
            )));
        }
        if let Some(k) = (0..m).find(|&k| k != i && r[(k, p)] != 0.0) {
            return Err(miss(format!(
                "entry ({k}, {p}) is {}, but a pivot column is 0 outside its pivot row: eliminate above and below \
                 every pivot, and store exact zeros",
                pretty::number_literal(r[(k, p)])
            )));
        }
        if let Some(j) = (0..p).find(|&j| r[(i, j)] != 0.0) {
            return Err(miss(format!(
                "entry ({i}, {j}), left of the pivot of row {i}, is {}, not 0",
                pretty::number_literal(r[(i, j)])
            )));
        }
    }
    if let Some(i) = (rank..m).find(|&i| r.row(i).iter().any(|&x| x != 0.0)) {
        return Err(miss(format!(
            "row {i} is below the last pivot, so it must be exactly zero, but it is {}: when a column has no \
             pivot, set its remaining entries to 0.0",
            pretty::vector(r.row(i))
        )));
    }
    // Then the entries themselves, against the exact RREF.
    let want = t.exact.to_f64();
    let (mut err, mut at) = (0.0, (0, 0));
    for i in 0..m {
        for j in 0..n {
            let e = (r[(i, j)] - want[i][j]).abs();
            if e > err || e.is_nan() {
                (err, at) = (e, (i, j));
            }
        }
    }
    let size = want.iter().flatten().fold(1.0_f64, |s, x| s.max(x.abs()));
    let bound = tol::rref_entries(m, n, t.kappa) * size;
    let (i, j) = at;
    tol::within(err, bound, "").map_err(|e| {
        miss(format!(
            "R differs from the exact reduced row echelon form of A: entry ({i}, {j}) is {}, the exact value is {} \
             (rounding errors grew: is the pivot the largest entry of its column?)",
            pretty::number_literal(r[(i, j)]),
            pretty::number_literal(want[i][j])
        ))
        .bound(format!("max |yours − exact| {}", e.bound))
    })
}

/// `rref` returns the exact RREF's pivots and structure, with entries accurate
/// to what partial pivoting guarantees.
pub fn rref(f: RrefFn) -> ExerciseReport {
    let mut c = Checker::new("rref");
    c.probe("rref", || f(&Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 4.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| check_rref(f, case);
    c.examples(
        "textbook_examples",
        "the notebook's matrices, zero, identity, 1×1, one row, one column, tall, wide, duplicated columns, \
         and a zero top-left entry (a row swap is needed)",
        textbook_cases(),
        check,
    );
    c.examples(
        "needs_partial_pivoting",
        "a tiny first pivot candidate (2^−30) below a column of ordinary entries: the largest entry is the pivot",
        tiny_pivot_cases(),
        check,
    );
    c.examples(
        "scale_does_not_change_pivots",
        "2^±27·A (about 10^±8) and 2^±40·A have the pivots of A: the tolerance is relative",
        scaled_cases(),
        check,
    );
    c.property(
        "rank_r_products",
        "A = X·Y with X m×r, Y r×n of rank r: exactly r pivots, in the exact pivot columns, and the exact RREF",
        |rng| random_rank_r(rng, &[]),
        check,
    );
    c.property(
        "scaled_products",
        "the same matrices times 2^±27 or 2^±40: the same pivots and the same R",
        |rng| random_rank_r(rng, &[-40, -27, 27, 40]),
        check,
    );
    c.finish()
}

// ---------------------------------------------------------------- rank

/// The functions of exercise `rank`.
pub struct Rank {
    pub rank: fn(&Matrix) -> usize,
    pub nullity: fn(&Matrix) -> usize,
}

fn check_rank(f: &Rank, c: &Case) -> Result<(), Miss> {
    let t = Truth::new(c);
    let n = t.a.ncols();
    let want = t.rank();
    let got = call("rank", || (f.rank)(&t.a))?;
    if got != want {
        return Err(Miss::new(format!("`rank` returned {got}, but A has rank {want}"))
            .output(got.to_string())
            .expected(format!("{want} (pivot columns {:?})", t.exact.pivots)));
    }
    let got = call("nullity", || (f.nullity)(&t.a))?;
    if got != n - want {
        return Err(Miss::new(format!(
            "`nullity` returned {got}, but the null space has dimension n − rank = {n} − {want} = {}",
            n - want
        ))
        .output(got.to_string())
        .expected((n - want).to_string()));
    }
    Ok(())
}

/// `rank` and `nullity` agree with the exact rank, at every scale.
pub fn rank(f: &Rank) -> ExerciseReport {
    let mut c = Checker::new("rank");
    let one = Matrix::from_rows(&[vec![1.0, 2.0]]);
    c.probe("rank", || (f.rank)(&one));
    c.probe("nullity", || (f.nullity)(&one));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| check_rank(f, case);
    c.examples(
        "textbook_examples",
        "rank 1, 2 and 2 for the notebook's matrices; zero, identity, 1×1, one row, one column, tall, wide",
        textbook_cases(),
        check,
    );
    c.examples("scale_does_not_change_rank", "rank(2^±27·A) = rank(2^±40·A) = rank(A)", scaled_cases(), check);
    c.property(
        "rank_r_products",
        "A = X·Y with X m×r, Y r×n of rank r has rank r and nullity n − r",
        |rng| random_rank_r(rng, &[]),
        check,
    );
    c.property(
        "scaled_products",
        "the same matrices times 2^±27 or 2^±40 keep their rank",
        |rng| random_rank_r(rng, &[-40, -27, 27, 40]),
        check,
    );
    c.finish()
}

// ---------------------------------------------------------------- bases

/// The signature of the four basis functions.
pub type BasisFn = fn(&Matrix) -> Matrix;

/// What one basis must span, and how to tell.
struct Target {
    function: &'static str,
    /// "the null space N(A)".
    subspace: &'static str,
    /// The vectors live in ℝ^ambient.
    ambient: usize,
    dim: usize,
    /// Where the dimension comes from, e.g. "n − rank = 4 − 2".
    dim_note: String,
    projector: DMatrix<f64>,
    /// A correct basis, for the message.
    example: Matrix,
    /// For a null space, the matrix M with M·v = 0; for a span, `None`.
    kernel_of: Option<DMatrix<f64>>,
    kappa: f64,
}

fn check_basis(got: &Matrix, t: &Target) -> Result<(), Miss> {
    let (p, k, f) = (t.ambient, t.dim, t.function);
    let output = show_matrix(got);
    let expected = format!("a {p}×{k} matrix whose columns are a basis of {}, such as\n{}", t.subspace, t.example);
    let miss = |message: String| Miss::new(message).output(output.clone()).expected(expected.clone());
    if got.nrows() != p {
        if got.nrows() == k && got.ncols() == p && k > 0 {
            return Err(miss(format!(
                "`{f}` returned the basis vectors as rows ({k}×{p}); put them in the columns of a {p}×{k} matrix"
            )));
        }
        let empty = if k == 0 { format!(" (no vectors: `Matrix::zeros({p}, 0)`)") } else { String::new() };
        return Err(miss(format!(
            "`{f}` returned a {}×{} matrix, but the vectors of {} have {p} entries, so the basis needs {p} rows, \
             one column per vector{empty}",
            got.nrows(),
            got.ncols(),
            t.subspace
        )));
    }
    if got.ncols() != k {
        return Err(miss(format!(
            "`{f}` returned {} vectors, but {} has dimension {k} ({})",
            got.ncols(),
            t.subspace,
            t.dim_note
        )));
    }
    if !tol::all_finite(got.as_slice()) {
        return Err(miss(format!("`{f}` returned NaN or infinity")));
    }
    if k == 0 {
        return Ok(());
    }
    let b = to_dmatrix(got);
    let kappa_b = subspace::condition(&b);
    for j in 0..k {
        let v = got.column(j);
        let nv = tol::norm2(&v);
        if nv == 0.0 {
            return Err(miss(format!("vector {j} (column {j}) is zero, and a basis never contains the zero vector")));
        }
        match &t.kernel_of {
            Some(mat) => {
                // ‖M v‖ relative to ‖M‖‖v‖: rounding, not a wrong vector, is allowed.
                let mv = mat * nalgebra::DVector::from_column_slice(&v);
                let size = subspace::norm2(mat) * nv;
                let rel = if size == 0.0 { 0.0 } else { tol::norm2(mv.as_slice()) / size };
                let name = if t.function == "null_space" { "A" } else { "Aᵀ" };
                tol::within(rel, tol::kernel_residual(mat.nrows(), mat.ncols()), "").map_err(|e| {
                    miss(format!(
                        "vector {j} (column {j}) is not in {}: {name}·v = {} is not zero",
                        t.subspace,
                        pretty::vector(mv.as_slice())
                    ))
                    .bound(format!("‖{name}·v‖ / (‖{name}‖‖v‖) {}", e.bound))
                })?;
            }
            None => {
                let dist = subspace::relative_distance(&t.projector, &v);
                tol::within(dist, tol::subspace(p, t.kappa, 1.0), "").map_err(|e| {
                    miss(format!("vector {j} (column {j}) is not in {}", t.subspace))
                        .bound(format!("distance from the subspace / ‖v‖ {}", e.bound))
                })?;
            }
        }
    }
    let r = subspace::numerical_rank(&b);
    if r < k {
        let s = subspace::singular_values(&b);
        return Err(miss(format!(
            "the {k} vectors are not independent (they span a space of dimension {r} only): a basis has no \
             redundant vector; is one of them repeated?"
        ))
        .bound(format!("singular values of the basis: {}", pretty::vector(&s))));
    }
    let distance = subspace::norm2(&(subspace::projector(&b) - &t.projector));
    tol::within(distance, tol::subspace(p, t.kappa, kappa_b), "").map_err(|e| {
        miss(format!("the vectors span a different subspace than {}", t.subspace))
            .bound(format!("‖P_yours − P‖₂ {}", e.bound))
    })
}

fn column_target(t: &Truth) -> Target {
    let (m, _) = t.a.shape();
    let r = t.rank();
    let example = Matrix::from_fn(m, r, |i, k| t.a[(i, t.exact.pivots[k])]);
    Target {
        function: "column_space",
        subspace: "the column space C(A)",
        ambient: m,
        dim: r,
        dim_note: format!("the rank of A; pivot columns {:?}", t.exact.pivots),
        projector: t.p_col.clone(),
        example,
        kernel_of: None,
        kappa: t.kappa,
    }
}

fn row_target(t: &Truth) -> Target {
    let (_, n) = t.a.shape();
    let r = t.rank();
    let rref = t.exact.to_f64();
    Target {
        function: "row_space",
        subspace: "the row space C(Aᵀ)",
        ambient: n,
        dim: r,
        dim_note: "the rank of A, the number of nonzero rows of R".into(),
        projector: t.p_row.clone(),
        example: Matrix::from_fn(n, r, |j, i| rref[i][j]),
        kernel_of: None,
        kappa: t.kappa,
    }
}

fn null_target(t: &Truth) -> Target {
    let (_, n) = t.a.shape();
    let r = t.rank();
    Target {
        function: "null_space",
        subspace: "the null space N(A)",
        ambient: n,
        dim: n - r,
        dim_note: format!("n − rank = {n} − {r}"),
        projector: subspace::complement(&t.p_row),
        example: columns_matrix(n, &t.exact.null_basis(n)),
        kernel_of: Some(to_dmatrix(&t.a)),
        kappa: t.kappa,
    }
}

fn left_null_target(t: &Truth, c: &Case) -> Target {
    let (m, _) = t.a.shape();
    let r = t.rank();
    Target {
        function: "left_null_space",
        subspace: "the left null space N(Aᵀ)",
        ambient: m,
        dim: m - r,
        dim_note: format!("m − rank = {m} − {r}"),
        projector: subspace::complement(&t.p_col),
        example: columns_matrix(m, &t.left_null_basis(c)),
        kernel_of: Some(to_dmatrix(&t.a).transpose()),
        kappa: t.kappa,
    }
}

/// The common shape of the four basis exercises: examples, then generated
/// matrices of every rank, then the same scaled.
fn basis_exercise(
    id: &str,
    function: &'static str,
    f: BasisFn,
    target: fn(&Truth, &Case) -> Target,
    what: &str,
) -> ExerciseReport {
    let mut c = Checker::new(id);
    c.probe(function, || f(&Matrix::from_rows(&[vec![1.0, 2.0], vec![2.0, 4.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| {
        let truth = Truth::new(case);
        let got = call(function, || f(&truth.a))?;
        check_basis(&got, &target(&truth, case))
    };
    c.examples(
        "textbook_examples",
        &format!("{what} of the notebook's matrices, zero, identity, 1×1, one row, one column, tall, wide"),
        textbook_cases(),
        check,
    );
    c.examples(
        "scale_does_not_change_the_subspace",
        &format!("{what} of 2^±27·A and 2^±40·A is that of A"),
        scaled_cases(),
        check,
    );
    c.property(
        "rank_r_products",
        &format!("A = X·Y of rank r: {what} has the right dimension, independent vectors, and the exact projector"),
        |rng| random_rank_r(rng, &[]),
        check,
    );
    c.property(
        "scaled_products",
        &format!("the same matrices times 2^±27 or 2^±40: {what} does not change"),
        |rng| random_rank_r(rng, &[-40, -27, 27, 40]),
        check,
    );
    c.finish()
}

/// `column_space` spans C(A) with r independent columns.
pub fn column_space(f: BasisFn) -> ExerciseReport {
    basis_exercise("column_space", "column_space", f, |t, _| column_target(t), "the column space")
}

/// `row_space` spans C(Aᵀ) with r independent vectors.
pub fn row_space(f: BasisFn) -> ExerciseReport {
    basis_exercise("row_space", "row_space", f, |t, _| row_target(t), "the row space")
}

/// `null_space` spans N(A) with n − r independent vectors, each with A·v = 0.
pub fn null_space(f: BasisFn) -> ExerciseReport {
    basis_exercise("null_space", "null_space", f, |t, _| null_target(t), "the null space")
}

/// `left_null_space` spans N(Aᵀ) with m − r independent vectors, each with Aᵀ·v = 0.
pub fn left_null_space(f: BasisFn) -> ExerciseReport {
    basis_exercise("left_null_space", "left_null_space", f, left_null_target, "the left null space")
}

// ---------------------------------------------------------------- four_subspaces

/// The functions of exercise `four_subspaces`: the dimensions, and the four
/// bases they are counted from (whose orthogonality is checked too).
pub struct FourSubspaces {
    pub column_space: BasisFn,
    pub null_space: BasisFn,
    pub row_space: BasisFn,
    pub left_null_space: BasisFn,
    pub subspace_dimensions: fn(&Matrix) -> [usize; 4],
}

fn check_dimensions(f: &FourSubspaces, c: &Case) -> Result<(), Miss> {
    let t = Truth::new(c);
    let (m, n) = t.a.shape();
    let r = t.rank();
    let got = call("subspace_dimensions", || (f.subspace_dimensions)(&t.a))?;
    let want = [r, n - r, r, m - r];
    let miss = |message: String| {
        Miss::new(message).output(format!("{got:?}")).expected(format!("{want:?} = [r, n − r, r, m − r], r = {r}"))
    };
    let [col, null, row, left] = got;
    if col + null != n {
        return Err(miss(format!(
            "rank–nullity fails: dim C(A) + dim N(A) = {col} + {null} = {}, but A has n = {n} columns",
            col + null
        )));
    }
    if row + left != m {
        return Err(miss(format!(
            "rank–nullity for Aᵀ fails: dim C(Aᵀ) + dim N(Aᵀ) = {row} + {left} = {}, but A has m = {m} rows",
            row + left
        )));
    }
    if col != row {
        return Err(miss(format!("dim C(A) = {col} but dim C(Aᵀ) = {row}: row rank and column rank are equal")));
    }
    if got != want {
        return Err(miss(format!("the dimensions are not those of a rank-{r} matrix")));
    }
    Ok(())
}

/// ‖Bᵀ N‖₂ relative to ‖B‖₂‖N‖₂, for two of the learner's bases that must be orthogonal.
fn check_orthogonal(
    c: &Case,
    (fb, name_b, rows_b): (BasisFn, &str, bool),
    (fn_, name_n, _): (BasisFn, &str, bool),
    label: &str,
) -> Result<(), Miss> {
    let t = Truth::new(c);
    let (m, n) = t.a.shape();
    let p = if rows_b { n } else { m };
    let b = call(name_b, || fb(&t.a))?;
    let nb = call(name_n, || fn_(&t.a))?;
    for (name, got) in [(name_b, &b), (name_n, &nb)] {
        if got.nrows() != p || !tol::all_finite(got.as_slice()) {
            return Err(Miss::new(format!(
                "`{name}` returned a {}×{} matrix (or NaN) where a basis of vectors in ℝ^{p} is needed: solve its \
                 exercise first",
                got.nrows(),
                got.ncols()
            ))
            .output(show_matrix(got)));
        }
    }
    if b.ncols() == 0 || nb.ncols() == 0 {
        return Ok(());
    }
    let (bd, nd) = (to_dmatrix(&b), to_dmatrix(&nb));
    let product = bd.transpose() * &nd;
    let rel = subspace::norm2(&product) / (subspace::norm2(&bd) * subspace::norm2(&nd));
    // Each basis may be off its subspace by the rounding a correct elimination
    // commits (tol::subspace), so their products may be that far from 0.
    let bound = tol::subspace(p, t.kappa, subspace::condition(&bd) * subspace::condition(&nd));
    tol::within(rel, bound, "").map_err(|e| {
        Miss::new(format!("{label}: your bases are not orthogonal (every dot product must be 0)"))
            .output(format!("{name_b} =\n{b}\n{name_n} =\n{nb}\nproducts Bᵀ·N =\n{}", show_dm(&product)))
            .expected("Bᵀ·N = 0")
            .bound(format!("‖Bᵀ·N‖ / (‖B‖‖N‖) {}", e.bound))
    })
}

fn show_dm(d: &DMatrix<f64>) -> String {
    Matrix::from_fn(d.nrows(), d.ncols(), |i, j| d[(i, j)]).to_string()
}

/// The dimensions obey rank–nullity and match the exact rank; the learner's
/// row space ⟂ null space and column space ⟂ left null space.
pub fn four_subspaces(f: &FourSubspaces) -> ExerciseReport {
    let mut c = Checker::new("four_subspaces");
    let one = Matrix::from_rows(&[vec![1.0, 2.0], vec![2.0, 4.0]]);
    c.probe("subspace_dimensions", || (f.subspace_dimensions)(&one));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| check_dimensions(f, case);
    c.examples(
        "textbook_examples",
        "[r, n − r, r, m − r] for the notebook's matrices, zero, identity, 1×1, one row, one column, tall, wide",
        textbook_cases(),
        check,
    );
    c.property(
        "rank_nullity",
        "dim C(A) + dim N(A) = n, dim C(Aᵀ) + dim N(Aᵀ) = m, dim C(A) = dim C(Aᵀ) = rank",
        |rng| random_rank_r(rng, &[-40, 0, 0, 0, 27]),
        check,
    );
    let row = (f.row_space, "row_space", true);
    let null = (f.null_space, "null_space", true);
    let col = (f.column_space, "column_space", false);
    let left = (f.left_null_space, "left_null_space", false);
    c.property(
        "row_space_orthogonal_to_null_space",
        "every vector of your row-space basis is orthogonal to every vector of your null-space basis",
        |rng| random_rank_r(rng, &[]),
        |case| check_orthogonal(case, row, null, "row space ⟂ null space"),
    );
    c.property(
        "column_space_orthogonal_to_left_null_space",
        "every vector of your column-space basis is orthogonal to every vector of your left-null-space basis",
        |rng| random_rank_r(rng, &[]),
        |case| check_orthogonal(case, col, left, "column space ⟂ left null space"),
    );
    c.finish()
}
