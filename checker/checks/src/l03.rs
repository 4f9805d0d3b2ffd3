//! Checks for lesson 3: matrices as transformations.
//!
//! Products are compared entry by entry: the rounding error of a sum of n
//! products is at most about n·u times the same sum taken in absolute values,
//! so entry (i, j) of AB gets the bound γ(n)·(|A||B|)ᵢⱼ. That bound holds for
//! every summation order, so loop order and fused multiply–adds never matter.

use nalgebra::{DMatrix, DVector, Rotation2};
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{LinalgError, Matrix};

use crate::cases::{Case, Spec, always_valid, build_scaled};
use crate::convert::{matrix_of, ours, rows_matrix};
use crate::harness::{Checker, Fixed, Miss, accepted, call, refused};
use crate::{draw, pretty, tol};

// ---------------------------------------------------------------- comparing

fn na(a: &Matrix) -> DMatrix<f64> {
    DMatrix::from_row_slice(a.nrows(), a.ncols(), a.as_slice())
}

/// |A|, entry by entry.
fn abs(a: &Matrix) -> DMatrix<f64> {
    na(a).abs()
}

fn abs_vec(x: &[f64]) -> DVector<f64> {
    DVector::from_iterator(x.len(), x.iter().map(|v| v.abs()))
}

/// The entry of `got` that misses its bound by the largest factor (NaN and
/// infinity count as missing by an infinite factor): index, error, bound.
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

fn off_by(function: &str, where_: &str, got: f64, err: f64) -> String {
    if got.is_finite() {
        format!("`{function}` is off by {} in {where_}", pretty::number(err))
    } else {
        format!("`{function}` returned {got} in {where_}, where the answer is a finite number")
    }
}

/// `got` has the length of `want`, and |gotᵢ − wantᵢ| ≤ boundᵢ for every entry.
fn entries_close(function: &str, got: &[f64], want: &[f64], bound: &[f64]) -> Result<(), Miss> {
    if got.len() != want.len() {
        return Err(Miss::new(format!(
            "`{function}` returned a vector of length {}, but the answer has length {}",
            got.len(),
            want.len()
        ))
        .output(pretty::vector(got))
        .expected(pretty::vector(want)));
    }
    let Some((i, err, b)) = worst_entry(got, want, bound) else { return Ok(()) };
    Err(Miss::new(off_by(function, &format!("entry {i}"), got[i], err))
        .output(pretty::vector(got))
        .expected(pretty::vector(want))
        .bound(format!("|yours − answer| in entry {i} = {err:.2e}, allowed ≤ {b:.2e}")))
}

/// `got` has the shape of `want`, and |gotᵢⱼ − wantᵢⱼ| ≤ boundᵢⱼ for every entry.
fn matrix_close(function: &str, got: &Matrix, want: &DMatrix<f64>, bound: &DMatrix<f64>) -> Result<(), Miss> {
    let (want, bound) = (ours(want), ours(bound));
    if got.shape() != want.shape() {
        return Err(Miss::new(format!(
            "`{function}` returned a {}×{} matrix, but the answer is {}×{}",
            got.nrows(),
            got.ncols(),
            want.nrows(),
            want.ncols()
        ))
        .output(got.to_string())
        .expected(want.to_string()));
    }
    let Some((k, err, b)) = worst_entry(got.as_slice(), want.as_slice(), bound.as_slice()) else { return Ok(()) };
    let (i, j) = (k / want.ncols(), k % want.ncols());
    Err(Miss::new(off_by(function, &format!("entry ({i}, {j})"), got.as_slice()[k], err))
        .output(got.to_string())
        .expected(want.to_string())
        .bound(format!("|yours − answer| at ({i}, {j}) = {err:.2e}, allowed ≤ {b:.2e}")))
}

/// The largest |entry| of a matrix (0 for an empty one; NaN stays NaN).
fn max_abs(a: &DMatrix<f64>) -> f64 {
    a.iter().fold(0.0, |m: f64, x| if x.is_nan() || m.is_nan() { f64::NAN } else { m.max(x.abs()) })
}

/// Named matrices, one after another: `A (2×3) =` and the rows below.
fn show_named(named: &[(&str, &Matrix)]) -> String {
    let parts: Vec<String> = named.iter().map(|(n, m)| format!("{n} ({}×{}) =\n{m}", m.nrows(), m.ncols())).collect();
    parts.join("\n")
}

/// `let a = Matrix::from_rows(...);` lines; `maps[0]` becomes `map0`.
fn literal_named(named: &[(&str, &Matrix)]) -> String {
    let parts: Vec<String> =
        named.iter().map(|(n, m)| format!("let {} = {m:?};", n.to_lowercase().replace(['[', ']'], ""))).collect();
    parts.join("\n")
}

// ---------------------------------------------------------------- inputs: one matrix

/// An entry for a generated matrix: mostly an integer in [-9, 9], sometimes
/// a third or a tenth of one (inexact in binary, so rounding happens).
fn entry(rng: &mut TestRng) -> f64 {
    let k = draw::int(rng, -9, 9);
    if draw::chance(rng, 1, 4) { k / draw::pick(rng, &[3.0, 10.0]) } else { k }
}

fn entries(rng: &mut TestRng, n: usize) -> Vec<f64> {
    (0..n).map(|_| entry(rng)).collect()
}

fn show_a(c: &Case) -> String {
    format!("{}{}", show_named(&[("A", &rows_matrix(&c.inputs()))]), c.scale_note())
}

fn literal_a(c: &Case) -> String {
    literal_named(&[("A", &rows_matrix(&c.inputs()))])
}

/// One matrix, stored row by row: shrinking drops any row or column.
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

fn single(a: &[&[f64]]) -> Case {
    Case::new(&SINGLE, a.iter().map(|r| r.to_vec()).collect(), vec![], 0)
}

fn random_single(rng: &mut TestRng) -> Case {
    let (m, n) = (draw::size(rng, 1, 5), draw::size(rng, 1, 5));
    let rows = (0..m).map(|_| entries(rng, n)).collect();
    Case::new(&SINGLE, rows, vec![], draw::exponent(rng, &[-200, -40, 40, 200]))
}

// ---------------------------------------------------------------- inputs: several matrices

/// The largest side of a generated matrix in a pooled input.
///
/// Inputs with several matrices whose sizes are tied together (A is m×n and
/// B is n×p) store each matrix in its own POOL×POOL block, one stored row per
/// block, and keep the sizes as scalars. Matrix k is the top-left corner of
/// block k. Shrinking a size then removes the last row or column from every
/// matrix that shares it, so the shapes always fit, and the counterexample
/// comes out as small as the bug allows.
const POOL: usize = 5;

/// Matrix `rows × cols` from block `k`, × 2^exp.
fn cut(c: &Case, k: usize, rows: usize, cols: usize) -> Matrix {
    Matrix::from_fn(rows, cols, |i, j| tol::scale2(c.rows[k][i * POOL + j], c.exp))
}

fn dim(c: &Case, k: usize) -> usize {
    c.scalar(k) as usize
}

/// Block for `m`: its entries at the top left, zeros elsewhere.
fn block(m: &Matrix) -> Vec<f64> {
    let mut b = vec![0.0; POOL * POOL];
    for i in 0..m.nrows() {
        for j in 0..m.ncols() {
            b[i * POOL + j] = m[(i, j)];
        }
    }
    b
}

/// A pooled case from actual matrices (hand-picked examples).
fn pooled(spec: &'static Spec, dims: &[usize], mats: &[&Matrix]) -> Case {
    let scalars = dims.iter().map(|&d| d as f64).collect();
    Case::new(spec, mats.iter().map(|m| block(m)).collect(), scalars, 0)
}

/// A random block with a `rows × cols` corner of entries.
fn random_block(rng: &mut TestRng, rows: usize, cols: usize) -> Vec<f64> {
    let mut b = vec![0.0; POOL * POOL];
    for i in 0..rows {
        for j in 0..cols {
            b[i * POOL + j] = entry(rng);
        }
    }
    b
}

const fn pooled_spec(
    show: fn(&Case) -> String,
    literal: fn(&Case) -> String,
    blocks: usize,
    floor: &'static [f64],
) -> Spec {
    Spec {
        min_rows: blocks,
        min_cols: POOL * POOL,
        aligned: true,
        fixed_cols: 0,
        scalar_floor: floor,
        build: build_scaled,
        show,
        literal,
        valid: always_valid,
    }
}

/// A (m×n) and B (n×p); scalars m, n, p.
fn product_parts(c: &Case) -> (Matrix, Matrix) {
    let (m, n, p) = (dim(c, 0), dim(c, 1), dim(c, 2));
    (cut(c, 0, m, n), cut(c, 1, n, p))
}

fn show_product(c: &Case) -> String {
    let (a, b) = product_parts(c);
    format!("{}{}", show_named(&[("A", &a), ("B", &b)]), c.scale_note())
}

fn literal_product(c: &Case) -> String {
    let (a, b) = product_parts(c);
    literal_named(&[("A", &a), ("B", &b)])
}

static PRODUCT: Spec = pooled_spec(show_product, literal_product, 2, &[1.0, 1.0, 1.0]);

fn product_case(a: &Matrix, b: &Matrix) -> Case {
    pooled(&PRODUCT, &[a.nrows(), a.ncols(), b.ncols()], &[a, b])
}

fn random_product(rng: &mut TestRng) -> Case {
    let (m, n, p) = (draw::size(rng, 1, POOL), draw::size(rng, 1, POOL), draw::size(rng, 1, POOL));
    let rows = vec![random_block(rng, m, n), random_block(rng, n, p)];
    let dims = vec![m as f64, n as f64, p as f64];
    Case::new(&PRODUCT, rows, dims, draw::exponent(rng, &[-200, -40, 40, 200]))
}

/// A (m×n), B (n×p), C (p×q); scalars m, n, p, q.
fn triple_parts(c: &Case) -> (Matrix, Matrix, Matrix) {
    let (m, n, p, q) = (dim(c, 0), dim(c, 1), dim(c, 2), dim(c, 3));
    (cut(c, 0, m, n), cut(c, 1, n, p), cut(c, 2, p, q))
}

fn show_triple(c: &Case) -> String {
    let (a, b, cc) = triple_parts(c);
    format!("{}{}", show_named(&[("A", &a), ("B", &b), ("C", &cc)]), c.scale_note())
}

fn literal_triple(c: &Case) -> String {
    let (a, b, cc) = triple_parts(c);
    literal_named(&[("A", &a), ("B", &b), ("C", &cc)])
}

static TRIPLE: Spec = pooled_spec(show_triple, literal_triple, 3, &[1.0, 1.0, 1.0, 1.0]);

fn random_triple(rng: &mut TestRng) -> Case {
    let d: Vec<usize> = (0..4).map(|_| draw::size(rng, 1, 4)).collect();
    let rows = vec![random_block(rng, d[0], d[1]), random_block(rng, d[1], d[2]), random_block(rng, d[2], d[3])];
    let dims = d.iter().map(|&x| x as f64).collect();
    Case::new(&TRIPLE, rows, dims, draw::exponent(rng, &[-100, -40, 40, 100]))
}

/// One square matrix (n×n); scalar n.
fn square_part(c: &Case) -> Matrix {
    cut(c, 0, dim(c, 0), dim(c, 0))
}

fn show_square(c: &Case) -> String {
    format!("{}{}", show_named(&[("A", &square_part(c))]), c.scale_note())
}

fn literal_square(c: &Case) -> String {
    literal_named(&[("A", &square_part(c))])
}

static SQUARE: Spec = pooled_spec(show_square, literal_square, 1, &[1.0]);

fn square_case(a: &Matrix) -> Case {
    pooled(&SQUARE, &[a.nrows()], &[a])
}

/// A (m×n) and B (n×m), so that both AB and BA exist; scalars m, n.
fn swap_parts(c: &Case) -> (Matrix, Matrix) {
    let (m, n) = (dim(c, 0), dim(c, 1));
    (cut(c, 0, m, n), cut(c, 1, n, m))
}

fn show_swap(c: &Case) -> String {
    let (a, b) = swap_parts(c);
    format!("{}{}", show_named(&[("A", &a), ("B", &b)]), c.scale_note())
}

fn literal_swap(c: &Case) -> String {
    let (a, b) = swap_parts(c);
    literal_named(&[("A", &a), ("B", &b)])
}

static SWAP_PAIR: Spec = pooled_spec(show_swap, literal_swap, 2, &[1.0, 1.0]);

/// Most chains have up to this many maps.
const MAX_MAPS: usize = 3;

/// Block 0 holds x (its first d₀ entries), blocks 1..=3 the maps; scalars
/// k (how many maps), then d₀, d₁, d₂, d₃: maps[i] is d_{i+1} × d_i.
fn chain_parts(c: &Case) -> (Vec<Matrix>, Vec<f64>) {
    let k = dim(c, 0);
    let maps = (0..k).map(|i| cut(c, i + 1, dim(c, i + 2), dim(c, i + 1))).collect();
    let x = cut(c, 0, 1, dim(c, 1)).row(0).to_vec();
    (maps, x)
}

/// `map 0`, `map 1`, …: the shown names of maps[0], maps[1], … (brackets
/// would read as entries of a vector).
fn map_names(k: usize) -> Vec<String> {
    (0..k).map(|i| format!("map {i}")).collect()
}

fn show_maps(maps: &[Matrix]) -> String {
    if maps.is_empty() {
        return "maps = [] (no maps)".to_string();
    }
    let names = map_names(maps.len());
    let named: Vec<(&str, &Matrix)> = names.iter().map(String::as_str).zip(maps).collect();
    format!("{}\n(map 0 acts first)", show_named(&named))
}

fn literal_maps(maps: &[Matrix]) -> String {
    let list: Vec<String> = maps.iter().map(|m| format!("    {m:?},")).collect();
    if list.is_empty() {
        return "let maps: Vec<Matrix> = vec![];".to_string();
    }
    format!("let maps = vec![\n{}\n];", list.join("\n"))
}

fn show_chain(c: &Case) -> String {
    let (maps, x) = chain_parts(c);
    format!("{}\nx = {}{}", show_maps(&maps), pretty::vector(&x), c.scale_note())
}

fn literal_chain(c: &Case) -> String {
    let (maps, x) = chain_parts(c);
    format!("{}\nlet x = {};", literal_maps(&maps), pretty::vector_literal(&x))
}

/// The same storage as [`CHAIN`], shown without x (for `compose`, which never sees it).
fn show_chain_maps(c: &Case) -> String {
    format!("{}{}", show_maps(&chain_parts(c).0), c.scale_note())
}

fn literal_chain_maps(c: &Case) -> String {
    literal_maps(&chain_parts(c).0)
}

static CHAIN: Spec = pooled_spec(show_chain, literal_chain, MAX_MAPS + 1, &[1.0, 1.0, 1.0, 1.0, 1.0]);
static CHAIN_MAPS: Spec = Spec { show: show_chain_maps, literal: literal_chain_maps, ..CHAIN };

/// A chain from actual maps and x (hand-picked examples); unused sizes are 1.
fn chain_case(maps: &[&Matrix], x: &[f64]) -> Case {
    let mut dims = vec![maps.len() as f64, x.len() as f64];
    dims.extend(maps.iter().map(|m| m.nrows() as f64));
    dims.resize(MAX_MAPS + 2, 1.0);
    let mut rows = vec![block(&Matrix::from_rows(&[x.to_vec()]))];
    rows.extend(maps.iter().map(|m| block(m)));
    rows.resize(MAX_MAPS + 1, vec![0.0; POOL * POOL]);
    Case::new(&CHAIN, rows, dims, 0)
}

fn random_maps(rng: &mut TestRng) -> Case {
    Case { spec: &CHAIN_MAPS, ..random_chain(rng) }
}

fn random_chain(rng: &mut TestRng) -> Case {
    let k = draw::size(rng, 1, MAX_MAPS);
    let d: Vec<usize> = (0..=MAX_MAPS).map(|_| draw::size(rng, 1, 4)).collect();
    let mut rows = vec![random_block(rng, 1, d[0])];
    for i in 0..MAX_MAPS {
        rows.push(if i < k { random_block(rng, d[i + 1], d[i]) } else { vec![0.0; POOL * POOL] });
    }
    let mut dims = vec![k as f64];
    dims.extend(d.iter().map(|&x| x as f64));
    Case::new(&CHAIN, rows, dims, draw::exponent(rng, &[-40, 40, 100]))
}

// ---------------------------------------------------------------- matrix_vector

/// The signature of `mat_vec_rows` and `mat_vec_columns`.
pub type MatVecFn = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The functions of exercise `matrix_vector`.
pub struct MatrixVector {
    pub mat_vec_rows: MatVecFn,
    pub mat_vec_columns: MatVecFn,
}

/// Stored rows: x, then the rows of A, all of length n; so shrinking drops a
/// column of A together with its entry of x, or a row of A.
fn mv_parts(c: &Case) -> (Matrix, Vec<f64>) {
    let rows = c.inputs();
    let x = rows[0].clone();
    // From the shape, so that A keeps its n columns even when it has no rows.
    (Matrix::from_fn(rows.len() - 1, x.len(), |i, j| rows[i + 1][j]), x)
}

fn show_mv(c: &Case) -> String {
    let (a, x) = mv_parts(c);
    format!("{}\nx = {}{}", show_named(&[("A", &a)]), pretty::vector(&x), c.scale_note())
}

fn literal_mv(c: &Case) -> String {
    let (a, x) = mv_parts(c);
    format!("{}\nlet x = {};", literal_named(&[("A", &a)]), pretty::vector_literal(&x))
}

static MAT_VEC: Spec = Spec {
    min_rows: 2,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_mv,
    literal: literal_mv,
    valid: always_valid,
};

fn mv_case(a: &[&[f64]], x: &[f64]) -> Case {
    let mut rows = vec![x.to_vec()];
    rows.extend(a.iter().map(|r| r.to_vec()));
    Case::new(&MAT_VEC, rows, vec![], 0)
}

fn random_mv(rng: &mut TestRng) -> Case {
    let (m, n) = (draw::size(rng, 1, 5), draw::size(rng, 1, 5));
    let rows = (0..=m).map(|_| entries(rng, n)).collect();
    Case::new(&MAT_VEC, rows, vec![], draw::exponent(rng, &[-200, -40, 40, 200]))
}

/// Stored rows: A only; scalar j, the basis vector e_j that is multiplied.
fn basis_parts(c: &Case) -> (Matrix, Vec<f64>, usize) {
    let a = rows_matrix(&c.inputs());
    let j = dim(c, 0);
    let e = (0..a.ncols()).map(|k| if k == j { 1.0 } else { 0.0 }).collect();
    (a, e, j)
}

fn show_basis(c: &Case) -> String {
    let (a, e, j) = basis_parts(c);
    format!("{}\nx = e_{j} = {}{}", show_named(&[("A", &a)]), pretty::vector(&e), c.scale_note())
}

fn literal_basis(c: &Case) -> String {
    let (a, e, _) = basis_parts(c);
    format!("{}\nlet x = {};", literal_named(&[("A", &a)]), pretty::vector_literal(&e))
}

fn basis_valid(c: &Case) -> bool {
    c.rows.first().is_some_and(|r| dim(c, 0) < r.len())
}

static BASIS: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_basis,
    literal: literal_basis,
    valid: basis_valid,
};

/// Stored rows: x, y, then the rows of A; scalar c.
fn linear_parts(c: &Case) -> (Matrix, Vec<f64>, Vec<f64>, f64) {
    let rows = c.inputs();
    (rows_matrix(&rows[2..]), rows[0].clone(), rows[1].clone(), c.scalar(0))
}

fn show_linear(c: &Case) -> String {
    let (a, x, y, k) = linear_parts(c);
    format!(
        "{}\nx = {}\ny = {}\nc = {}{}",
        show_named(&[("A", &a)]),
        pretty::vector(&x),
        pretty::vector(&y),
        pretty::number(k),
        c.scale_note()
    )
}

fn literal_linear(c: &Case) -> String {
    let (a, x, y, k) = linear_parts(c);
    format!(
        "{}\nlet x = {};\nlet y = {};\nlet c = {};",
        literal_named(&[("A", &a)]),
        pretty::vector_literal(&x),
        pretty::vector_literal(&y),
        pretty::number_literal(k)
    )
}

static LINEAR: Spec = Spec {
    min_rows: 3,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_linear,
    literal: literal_linear,
    valid: always_valid,
};

/// Ax by nalgebra, and the bound γ(n)·|A||x| on each entry.
fn reference_mv(a: &Matrix, x: &[f64]) -> (Vec<f64>, Vec<f64>) {
    let want = na(a) * DVector::from_column_slice(x);
    let size = abs(a) * abs_vec(x);
    let bound = size.iter().map(|s| tol::gamma(x.len()) * s).collect();
    (want.as_slice().to_vec(), bound)
}

/// Both views compute Ax; they agree with each other, send e_j to column j,
/// are linear, and refuse a vector of the wrong length.
pub fn matrix_vector(f: &MatrixVector) -> ExerciseReport {
    let mut c = Checker::new("matrix_vector");
    let one = Matrix::identity(1);
    c.probe("mat_vec_rows", || (f.mat_vec_rows)(&one, &[1.0]));
    c.probe("mat_vec_columns", || (f.mat_vec_columns)(&one, &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let views: [(&'static str, MatVecFn); 2] =
        [("mat_vec_rows", f.mat_vec_rows), ("mat_vec_columns", f.mat_vec_columns)];
    let check_view = |name: &'static str, g: MatVecFn| {
        move |case: &Case| {
            let (a, x) = mv_parts(case);
            let got = call(name, || g(&a, &x))?;
            let (want, bound) = reference_mv(&a, &x);
            let got = accepted(name, got, || pretty::vector(&want))?;
            entries_close(name, &got, &want, &bound)
        }
    };
    let examples = || {
        vec![
            mv_case(&[&[2.0, 1.0], &[0.0, 1.5]], &[3.0, 2.0]),
            mv_case(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]], &[1.0, -2.0, 3.0]),
            mv_case(&[&[0.0, 0.0, 0.0], &[0.0, 0.0, 0.0]], &[4.0, 5.0, 6.0]),
            mv_case(&[&[-3.0]], &[2.0]),
            // Rank one: every row is a multiple of (2, −1), so Ax = u·((2, −1)·x).
            mv_case(&[&[2.0, -1.0], &[4.0, -2.0], &[6.0, -3.0]], &[1.0, 1.0]),
            mv_case(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]], &[1.0, 0.0, -1.0]),
            // No columns: A (2×0) times the empty vector is the zero vector of length 2.
            mv_case(&[&[], &[]], &[]),
            // No rows: A (0×2) times x is the empty vector.
            mv_case(&[], &[1.0, 2.0]),
        ]
    };
    let (rows_fn, cols_fn) = (f.mat_vec_rows, f.mat_vec_columns);
    c.examples(
        "row_view_examples",
        "rows (2, 1), (0, 1.5) times (3, 2) is (8, 3); identity, zeros, rank one, wide, and shapes with a 0",
        examples(),
        check_view("mat_vec_rows", rows_fn),
    );
    c.examples(
        "column_view_examples",
        "3·(2, 0) + 2·(1, 1.5) = (8, 3); the same examples, by columns",
        examples(),
        check_view("mat_vec_columns", cols_fn),
    );
    c.property(
        "row_view_dot_products",
        "entry i of mat_vec_rows(A, x) is row i of A dotted with x",
        random_mv,
        check_view("mat_vec_rows", rows_fn),
    );
    c.property(
        "column_view_combination",
        "mat_vec_columns(A, x) is x₀·(column 0) + x₁·(column 1) + …",
        random_mv,
        check_view("mat_vec_columns", cols_fn),
    );
    c.property(
        "columns_are_images_of_basis_vectors",
        "A·e_j is column j of A, in both views: the columns are where the basis vectors go",
        |rng| {
            let case = random_single(rng);
            let j = draw::size(rng, 0, case.rows[0].len() - 1) as f64;
            Case::new(&BASIS, case.rows, vec![j], case.exp)
        },
        |case: &Case| {
            let (a, e, j) = basis_parts(case);
            for (name, g) in views {
                let got = call(name, || g(&a, &e))?;
                let (want, bound) = reference_mv(&a, &e);
                let got = accepted(name, got, || pretty::vector(&want))?;
                entries_close(name, &got, &want, &bound)
                    .map_err(|m| Miss { message: format!("{}: A·e_{j} must be column {j} of A", m.message), ..m })?;
            }
            Ok(())
        },
    );
    c.property(
        "row_and_column_views_agree",
        "mat_vec_rows(A, x) and mat_vec_columns(A, x) are the same vector, up to rounding",
        random_mv,
        |case: &Case| {
            let (a, x) = mv_parts(case);
            let (want, bound) = reference_mv(&a, &x);
            let by_rows =
                accepted("mat_vec_rows", call("mat_vec_rows", || rows_fn(&a, &x))?, || pretty::vector(&want))?;
            let by_cols =
                accepted("mat_vec_columns", call("mat_vec_columns", || cols_fn(&a, &x))?, || pretty::vector(&want))?;
            let twice: Vec<f64> = bound.iter().map(|b| 2.0 * b).collect();
            entries_close("mat_vec_columns", &by_cols, &by_rows, &twice).map_err(|m| Miss {
                message: format!("the two views disagree: {}", m.message),
                expected: format!("{} (from mat_vec_rows)", m.expected),
                ..m
            })
        },
    );
    c.property(
        "linear_in_x",
        "A(x + y) = Ax + Ay and A(c·x) = c·(Ax), in both views: that is what makes A a linear map",
        |rng| {
            let (m, n) = (draw::size(rng, 1, 4), draw::size(rng, 1, 4));
            let rows = (0..m + 2).map(|_| draw::ints(rng, n)).collect();
            let k = draw::int(rng, -9, 9) / draw::pick(rng, &[1.0, 2.0]);
            Case::new(&LINEAR, rows, vec![k], draw::exponent(rng, &[-40, 40]))
        },
        |case: &Case| {
            let (a, x, y, k) = linear_parts(case);
            let n = x.len();
            let sum: Vec<f64> = x.iter().zip(&y).map(|(p, q)| p + q).collect();
            let scaled: Vec<f64> = x.iter().map(|p| k * p).collect();
            let size_sum = abs(&a) * (abs_vec(&x) + abs_vec(&y));
            let size_x = abs(&a) * abs_vec(&x);
            for (name, g) in views {
                let run = |v: &[f64]| -> Result<Vec<f64>, Miss> {
                    let got = call(name, || g(&a, v))?;
                    accepted(name, got, || pretty::vector(&reference_mv(&a, v).0))
                };
                let (ax, ay, a_sum, a_scaled) = (run(&x)?, run(&y)?, run(&sum)?, run(&scaled)?);
                let added: Vec<f64> = ax.iter().zip(&ay).map(|(p, q)| p + q).collect();
                let bound: Vec<f64> = size_sum.iter().map(|s| 2.0 * tol::gamma(n + 1) * s).collect();
                entries_close(name, &a_sum, &added, &bound).map_err(|m| Miss {
                    message: format!("A(x + y) ≠ Ax + Ay: {}", m.message),
                    expected: format!("Ax + Ay = {}", m.expected),
                    ..m
                })?;
                let times: Vec<f64> = ax.iter().map(|p| k * p).collect();
                let bound: Vec<f64> = size_x.iter().map(|s| 2.0 * tol::gamma(n + 1) * k.abs() * s).collect();
                entries_close(name, &a_scaled, &times, &bound).map_err(|m| Miss {
                    message: format!("A(c·x) ≠ c·(Ax): {}", m.message),
                    expected: format!("c·(Ax) = {}", m.expected),
                    ..m
                })?;
            }
            Ok(())
        },
    );
    let refuses = |a: Matrix, x: Vec<f64>| {
        let show = format!("{}\nx = {}", show_named(&[("A", &a)]), pretty::vector(&x));
        let literal = format!("{}\nlet x = {};", literal_named(&[("A", &a)]), pretty::vector_literal(&x));
        Fixed::new(show, literal, move || {
            let want = LinalgError::DimensionMismatch { expected: a.ncols(), found: x.len() };
            for (name, g) in views {
                let got = call(name, || g(&a, &x))?;
                refused(name, &got, &want, |v| pretty::vector(v))?;
            }
            Ok(())
        })
    };
    c.fixed(
        "refuses_wrong_lengths",
        "x must have one entry per column of A: otherwise Err(DimensionMismatch { expected: columns, found: x.len() })",
        vec![
            refuses(matrix_of(&[&[1.0, 2.0]]), vec![1.0]),
            refuses(matrix_of(&[&[1.0], &[2.0]]), vec![1.0, 2.0]),
            refuses(matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]]), vec![]),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- matrix_product

/// The signature of `mat_mul`.
pub type MatMulFn = fn(&Matrix, &Matrix) -> Result<Matrix, LinalgError>;

/// AB by nalgebra, and the bound γ(n)·(|A||B|)ᵢⱼ on each entry.
fn reference_product(a: &Matrix, b: &Matrix) -> (DMatrix<f64>, DMatrix<f64>) {
    (na(a) * na(b), (abs(a) * abs(b)) * tol::gamma(a.ncols()))
}

/// `mat_mul` agrees with nalgebra entry by entry, is associative, leaves A
/// alone when multiplied by I, and refuses mismatched inner sizes.
pub fn matrix_product(mat_mul: MatMulFn) -> ExerciseReport {
    let mut c = Checker::new("matrix_product");
    c.probe("mat_mul", || mat_mul(&Matrix::identity(1), &Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let product = |a: &Matrix, b: &Matrix| -> Result<Matrix, Miss> {
        let got = call("mat_mul", || mat_mul(a, b))?;
        accepted("mat_mul", got, || ours(&(na(a) * na(b))).to_string())
    };
    let check = |case: &Case| {
        let (a, b) = product_parts(case);
        let got = product(&a, &b)?;
        let (want, bound) = reference_product(&a, &b);
        matrix_close("mat_mul", &got, &want, &bound)
    };
    let (s, h) = (std::f64::consts::FRAC_1_SQRT_2, 0.0);
    let ab = |a: &[&[f64]], b: &[&[f64]]| product_case(&matrix_of(a), &matrix_of(b));
    c.examples(
        "textbook_examples",
        "rows (1,2), (3,4) times (0,1), (1,0) swaps the columns, the other way round the rows; \
         a 90° rotation R and S = diag(2, 1) give RS ≠ SR; outer and inner products; tall times wide",
        vec![
            ab(&[&[1.0, 2.0], &[3.0, 4.0]], &[&[0.0, 1.0], &[1.0, 0.0]]),
            ab(&[&[0.0, 1.0], &[1.0, 0.0]], &[&[1.0, 2.0], &[3.0, 4.0]]),
            ab(&[&[0.0, -1.0], &[1.0, 0.0]], &[&[2.0, 0.0], &[0.0, 1.0]]),
            ab(&[&[2.0, 0.0], &[0.0, 1.0]], &[&[0.0, -1.0], &[1.0, 0.0]]),
            ab(&[&[3.0]], &[&[4.0]]),
            ab(&[&[1.0], &[2.0], &[3.0]], &[&[4.0, 5.0]]),
            ab(&[&[1.0, 2.0, 3.0]], &[&[4.0], &[5.0], &[6.0]]),
            ab(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0]], &[&[1.0, 0.0, -1.0], &[2.0, 1.0, 0.0]]),
            ab(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]], &[&[1.0, 0.0], &[0.0, 1.0], &[1.0, 1.0]]),
            ab(&[&[s, -s], &[s, s]], &[&[1.0, 1.0], &[h, 1.0]]),
        ],
        check,
    );
    c.examples(
        "empty_shapes",
        "(2×0)·(0×3) is the 2×3 zero matrix; (2×3)·(3×0) is 2×0; (0×2)·(2×2) is 0×2",
        vec![
            product_case(&Matrix::zeros(2, 0), &Matrix::zeros(0, 3)),
            product_case(&matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]), &Matrix::zeros(3, 0)),
            product_case(&Matrix::zeros(0, 2), &matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]])),
        ],
        check,
    );
    c.property(
        "entries_are_row_times_column",
        "entry (i, j) of AB is row i of A dotted with column j of B",
        random_product,
        check,
    );
    c.property("identity_changes_nothing", "I·A = A and A·I = A", random_single, |case: &Case| {
        let a = rows_matrix(&case.inputs());
        let (m, n) = a.shape();
        let exact = DMatrix::zeros(m, n);
        let left = product(&Matrix::identity(m), &a)?;
        matrix_close("mat_mul", &left, &na(&a), &exact)
            .map_err(|e| Miss { message: format!("I·A ≠ A: {}", e.message), ..e })?;
        let right = product(&a, &Matrix::identity(n))?;
        matrix_close("mat_mul", &right, &na(&a), &exact)
            .map_err(|e| Miss { message: format!("A·I ≠ A: {}", e.message), ..e })
    });
    c.property(
        "associative",
        "(AB)C = A(BC) up to rounding: both are the map 'C, then B, then A'",
        random_triple,
        |case: &Case| {
            let (a, b, cc) = triple_parts(case);
            // The two inner products must be right before the outer ones mean anything.
            let inner = |x: &Matrix, y: &Matrix| -> Result<Matrix, Miss> {
                let got = product(x, y)?;
                let (want, bound) = reference_product(x, y);
                matrix_close("mat_mul", &got, &want, &bound)?;
                Ok(got)
            };
            let (ab, bc) = (inner(&a, &b)?, inner(&b, &cc)?);
            let (left, right) = (product(&ab, &cc)?, product(&a, &bc)?);
            let size = abs(&a) * abs(&b) * abs(&cc);
            let bound = size * (2.0 * tol::gamma(b.nrows() + b.ncols()));
            matrix_close("mat_mul", &left, &na(&right), &bound).map_err(|m| Miss {
                message: format!("(AB)C and A(BC) differ: {}", m.message),
                output: format!("(AB)C =\n{}", m.output),
                expected: format!("A(BC) =\n{}", m.expected),
                ..m
            })
        },
    );
    let refuses = |a: Matrix, b: Matrix| {
        let named = [("A", &a), ("B", &b)];
        let (show, literal) = (show_named(&named), literal_named(&named));
        Fixed::new(show, literal, move || {
            let got = call("mat_mul", || mat_mul(&a, &b))?;
            let want = LinalgError::DimensionMismatch { expected: a.ncols(), found: b.nrows() };
            refused("mat_mul", &got, &want, |m| m.to_string())
        })
    };
    c.fixed(
        "refuses_mismatched_sizes",
        "A·B needs as many columns in A as rows in B: otherwise Err(DimensionMismatch { expected: A's columns, found: B's rows })",
        vec![
            refuses(matrix_of(&[&[1.0, 2.0]]), matrix_of(&[&[3.0, 4.0]])),
            refuses(matrix_of(&[&[1.0, 2.0, 3.0]]), matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]])),
            refuses(Matrix::zeros(1, 0), matrix_of(&[&[5.0]])),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- transpose

/// The transpose moves entries exactly: the answer is exact.
fn check_transposed(got: &Matrix, a: &Matrix) -> Result<(), Miss> {
    let want = na(a).transpose();
    let exact = DMatrix::zeros(want.nrows(), want.ncols());
    matrix_close("transpose", got, &want, &exact)
}

/// `transpose` swaps rows and columns exactly, is its own inverse, and
/// reverses products.
pub fn transpose(transpose: fn(&Matrix) -> Matrix) -> ExerciseReport {
    let mut c = Checker::new("transpose");
    c.probe("transpose", || transpose(&Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| {
        let a = rows_matrix(&case.inputs());
        let got = call("transpose", || transpose(&a))?;
        check_transposed(&got, &a)
    };
    c.examples(
        "textbook_examples",
        "rows (1,2,3), (4,5,6) become (1,4), (2,5), (3,6); a row becomes a column; a symmetric matrix stays",
        vec![
            single(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]),
            single(&[&[7.0]]),
            single(&[&[1.0, 2.0, 3.0]]),
            single(&[&[1.0], &[2.0], &[3.0]]),
            single(&[&[1.0, 2.0], &[2.0, 5.0]]),
            single(&[&[0.5, -1.0], &[3.0, 0.25]]),
        ],
        check,
    );
    let empty = |a: Matrix| {
        let named = [("A", &a)];
        Fixed::new(show_named(&named), literal_named(&named), move || {
            let got = call("transpose", || transpose(&a))?;
            check_transposed(&got, &a)
        })
    };
    c.fixed(
        "empty_shapes",
        "the transpose of a 0×3 matrix is 3×0, of a 2×0 matrix 0×2",
        vec![empty(Matrix::zeros(0, 3)), empty(Matrix::zeros(2, 0))],
    );
    c.property(
        "swaps_rows_and_columns",
        "transpose(A) is n×m when A is m×n, and its entry (i, j) is entry (j, i) of A",
        random_single,
        check,
    );
    c.property(
        "transposing_twice_gives_a_back",
        "transpose(transpose(A)) = A, exactly",
        random_single,
        |case: &Case| {
            let a = rows_matrix(&case.inputs());
            let once = call("transpose", || transpose(&a))?;
            let twice = call("transpose", || transpose(&once))?;
            let exact = DMatrix::zeros(a.nrows(), a.ncols());
            matrix_close("transpose", &twice, &na(&a), &exact)
                .map_err(|m| Miss { message: format!("transposing twice did not give A back: {}", m.message), ..m })
        },
    );
    c.property("transpose_of_a_product", "(AB)ᵀ = BᵀAᵀ: the order reverses", random_product, |case: &Case| {
        let (a, b) = product_parts(case);
        let ab = ours(&(na(&a) * na(&b)));
        let (abt, at, bt) = (
            call("transpose", || transpose(&ab))?,
            call("transpose", || transpose(&a))?,
            call("transpose", || transpose(&b))?,
        );
        check_transposed(&at, &a)?;
        check_transposed(&bt, &b)?;
        let want = na(&bt) * na(&at);
        let bound = (abs(&a) * abs(&b)).transpose() * (2.0 * tol::gamma(a.ncols()));
        matrix_close("transpose", &abt, &want, &bound)
            .map_err(|m| Miss { message: format!("(AB)ᵀ ≠ BᵀAᵀ: {}", m.message), ..m })
    });
    c.finish()
}

// ---------------------------------------------------------------- maps_2d

/// The functions of exercise `maps_2d`.
pub struct Maps2d {
    pub rotation: fn(f64) -> Matrix,
    pub reflection: fn(f64) -> Matrix,
    pub shear: fn(f64) -> Matrix,
}

fn show_theta(c: &Case) -> String {
    format!("θ = {} (radians)", pretty::number(c.scalar(0)))
}

fn literal_theta(c: &Case) -> String {
    format!("let theta = {};", pretty::number_literal(c.scalar(0)))
}

/// One angle θ in radians, no vectors.
static ANGLE: Spec = Spec {
    min_rows: 0,
    min_cols: 0,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_theta,
    literal: literal_theta,
    valid: always_valid,
};

fn show_k(c: &Case) -> String {
    format!("k = {}", pretty::number(c.scalar(0)))
}

fn literal_k(c: &Case) -> String {
    format!("let k = {};", pretty::number_literal(c.scalar(0)))
}

/// One shear factor k.
static FACTOR: Spec = Spec { show: show_k, literal: literal_k, ..ANGLE };

fn factor(k: f64) -> Case {
    Case::new(&FACTOR, vec![], vec![k], 0)
}

fn angle(theta: f64) -> Case {
    Case::new(&ANGLE, vec![], vec![theta], 0)
}

/// An angle in (−8, 8): whole radians plus eighths, so shrinking ends at a
/// whole number of radians such as θ = 1.
fn random_angle(rng: &mut TestRng) -> Case {
    angle(draw::int(rng, -7, 7) + draw::int(rng, 0, 7) / 8.0)
}

/// The learner's matrix, which must be 2×2.
fn two_by_two(function: &str, m: &Matrix) -> Result<DMatrix<f64>, Miss> {
    if m.shape() == (2, 2) {
        return Ok(na(m));
    }
    Err(Miss::new(format!("`{function}` must return a 2×2 matrix, not {}×{}", m.nrows(), m.ncols()))
        .output(m.to_string())
        .expected("a 2×2 matrix"))
}

/// The accuracy of a map built from sin and cos: a few roundings of numbers ≤ 1.
fn trig_tol(m: &DMatrix<f64>) -> f64 {
    tol::gamma(4) * (1.0 + max_abs(m))
}

/// ‖QᵀQ − I‖ (largest entry) is small: Q keeps lengths and angles.
fn orthogonal(function: &str, q: &DMatrix<f64>) -> Result<(), Miss> {
    let err = max_abs(&(q.transpose() * q - DMatrix::identity(2, 2)));
    tol::within(err, trig_tol(q) * (1.0 + max_abs(q)), &format!("`{function}` is not orthogonal: QᵀQ ≠ I"))
        .map_err(|m| m.output(ours(q).to_string()).expected("a matrix with QᵀQ = I: unit columns at right angles"))
}

/// det Q is `want` (±1).
fn determinant_is(function: &str, q: &DMatrix<f64>, want: f64) -> Result<(), Miss> {
    let det = q[(0, 0)] * q[(1, 1)] - q[(0, 1)] * q[(1, 0)];
    let size = (q[(0, 0)] * q[(1, 1)]).abs() + (q[(0, 1)] * q[(1, 0)]).abs();
    tol::within((det - want).abs(), tol::gamma(4) * (1.0 + size), &format!("`{function}` has the wrong determinant"))
        .map_err(|m| {
            m.output(format!("{}\n(det = {})", ours(q), pretty::number(det))).expected(format!("det = {want}"))
        })
}

/// Rotations agree with nalgebra's (counter-clockwise) and are orthogonal
/// with det 1; reflections keep their line, flip its normal, are orthogonal,
/// involutive and have det −1; shears are [[1, k], [0, 1]] with det 1.
pub fn maps_2d(f: &Maps2d) -> ExerciseReport {
    let mut c = Checker::new("maps_2d");
    c.probe("rotation", || (f.rotation)(0.5));
    c.probe("reflection", || (f.reflection)(0.5));
    c.probe("shear", || (f.shear)(0.5));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    use std::f64::consts::{FRAC_PI_2, FRAC_PI_4, FRAC_PI_6, PI};
    let rotation = |case: &Case| two_by_two("rotation", &call("rotation", || (f.rotation)(case.scalar(0)))?);
    let reflection = |case: &Case| two_by_two("reflection", &call("reflection", || (f.reflection)(case.scalar(0)))?);
    let check_rotation = |case: &Case| {
        let r = rotation(case)?;
        let theta = case.scalar(0);
        let want = Rotation2::new(theta).into_inner();
        let want = DMatrix::from_fn(2, 2, |i, j| want[(i, j)]);
        let bound = DMatrix::from_element(2, 2, trig_tol(&want));
        matrix_close("rotation", &ours(&r), &want, &bound).map_err(|m| Miss {
            message: format!(
                "{}: the columns must be R e₀ = (cos θ, sin θ) and R e₁ = (−sin θ, cos θ), turning counter-clockwise",
                m.message
            ),
            ..m
        })
    };
    let angles = || vec![angle(0.0), angle(FRAC_PI_2), angle(PI), angle(FRAC_PI_4), angle(-FRAC_PI_6), angle(1.0)];
    c.examples(
        "rotation_examples",
        "R(0) = I, R(π/2) sends (1, 0) to (0, 1), R(π) = −I, and 45°, −30°, 1 radian",
        angles(),
        check_rotation,
    );
    c.property(
        "rotation_turns_counter_clockwise",
        "R(θ) sends e₀ to (cos θ, sin θ) and e₁ to (−sin θ, cos θ), θ in radians",
        random_angle,
        check_rotation,
    );
    c.property(
        "rotation_is_orthogonal",
        "R(θ)ᵀR(θ) = I: a rotation keeps lengths and angles",
        random_angle,
        |case| orthogonal("rotation", &rotation(case)?),
    );
    c.property("rotation_det_is_one", "det R(θ) = 1: a rotation keeps areas and orientation", random_angle, |case| {
        determinant_is("rotation", &rotation(case)?, 1.0)
    });
    let check_reflection_formula = |case: &Case| {
        let m = reflection(case)?;
        let (s, co) = (2.0 * case.scalar(0)).sin_cos();
        let want = DMatrix::from_row_slice(2, 2, &[co, s, s, -co]);
        let bound = DMatrix::from_element(2, 2, trig_tol(&want));
        matrix_close("reflection", &ours(&m), &want, &bound)
    };
    c.examples(
        "reflection_examples",
        "F(0) flips y, F(π/4) swaps the coordinates, F(π/2) flips x; also −30°, 60°, 1 radian",
        vec![angle(0.0), angle(FRAC_PI_4), angle(FRAC_PI_2), angle(-FRAC_PI_6), angle(PI / 3.0), angle(1.0)],
        check_reflection_formula,
    );
    c.property(
        "reflection_keeps_its_line",
        "F(θ) keeps d = (cos θ, sin θ) and flips the normal n = (−sin θ, cos θ): F d = d, F n = −n",
        random_angle,
        |case| {
            let m = reflection(case)?;
            let (s, co) = case.scalar(0).sin_cos();
            let (d, n) = (DVector::from_vec(vec![co, s]), DVector::from_vec(vec![-s, co]));
            let bound = trig_tol(&m) * 2.0;
            let fd = &m * &d;
            tol::within(
                max_abs(&DMatrix::from_column_slice(2, 1, (&fd - &d).as_slice())),
                bound,
                "F d ≠ d: the line at angle θ moved",
            )
            .map_err(|e| {
                e.output(format!("{}\nF d = {}", ours(&m), pretty::vector(fd.as_slice())))
                    .expected(format!("F d = d = {}", pretty::vector(d.as_slice())))
            })?;
            let fn_ = &m * &n;
            tol::within(
                max_abs(&DMatrix::from_column_slice(2, 1, (&fn_ + &n).as_slice())),
                bound,
                "F n ≠ −n: the normal to the line did not flip",
            )
            .map_err(|e| {
                e.output(format!("{}\nF n = {}", ours(&m), pretty::vector(fn_.as_slice())))
                    .expected(format!("F n = −n = {}", pretty::vector((-&n).as_slice())))
            })
        },
    );
    c.property("reflection_is_orthogonal", "F(θ)ᵀF(θ) = I: a reflection keeps lengths", random_angle, |case| {
        orthogonal("reflection", &reflection(case)?)
    });
    c.property("reflection_is_involutive", "F(θ)·F(θ) = I: reflecting twice changes nothing", random_angle, |case| {
        let m = reflection(case)?;
        let err = max_abs(&(&m * &m - DMatrix::identity(2, 2)));
        tol::within(err, trig_tol(&m) * (1.0 + max_abs(&m)), "F·F ≠ I: reflecting twice did not give every point back")
            .map_err(|e| e.output(format!("F =\n{}\nF·F =\n{}", ours(&m), ours(&(&m * &m)))).expected("F·F = I"))
    });
    c.property(
        "reflection_det_is_minus_one",
        "det F(θ) = −1: a reflection keeps areas but reverses orientation",
        random_angle,
        |case| determinant_is("reflection", &reflection(case)?, -1.0),
    );
    let check_shear = |case: &Case| {
        let k = case.scalar(0);
        let m = two_by_two("shear", &call("shear", || (f.shear)(k))?)?;
        let want = DMatrix::from_row_slice(2, 2, &[1.0, k, 0.0, 1.0]);
        matrix_close("shear", &ours(&m), &want, &DMatrix::zeros(2, 2)).map_err(|e| Miss {
            message: format!("{}: the shear keeps e₀ = (1, 0) and sends e₁ to (k, 1)", e.message),
            ..e
        })
    };
    c.examples(
        "shear_examples",
        "shear(0) = I, shear(1) has rows (1, 1), (0, 1), shear(−2.5) has rows (1, −2.5), (0, 1)",
        vec![factor(0.0), factor(1.0), factor(-2.5)],
        check_shear,
    );
    c.property(
        "shear_slides_along_x",
        "shear(k) keeps e₀ and sends e₁ to (k, 1): rows (1, k) and (0, 1)",
        |rng| factor(draw::int(rng, -9, 9) / draw::pick(rng, &[1.0, 2.0, 4.0])),
        check_shear,
    );
    c.property(
        "shear_det_is_one",
        "det shear(k) = 1: a shear keeps areas",
        |rng| factor(draw::int(rng, -9, 9) / draw::pick(rng, &[1.0, 2.0, 4.0])),
        |case| determinant_is("shear", &two_by_two("shear", &call("shear", || (f.shear)(case.scalar(0)))?)?, 1.0),
    );
    c.finish()
}

// ---------------------------------------------------------------- determinant_small

/// The signature of `det2` and `det3`.
pub type DetFn = fn(&Matrix) -> Result<f64, LinalgError>;

/// The functions of exercise `determinant_small`.
pub struct Determinants {
    pub det2: DetFn,
    pub det3: DetFn,
}

/// Σ over permutations σ of Π|a_{iσ(i)}|: every expansion of det A adds up
/// these n! products, so n·u times their size bounds its rounding error.
fn permanent_abs(a: &Matrix) -> f64 {
    fn go(a: &Matrix, row: usize, used: &mut Vec<bool>) -> f64 {
        if row == a.nrows() {
            return 1.0;
        }
        let mut sum = 0.0;
        for j in 0..a.ncols() {
            if !used[j] {
                used[j] = true;
                sum += a[(row, j)].abs() * go(a, row + 1, used);
                used[j] = false;
            }
        }
        sum
    }
    go(a, 0, &mut vec![false; a.ncols()])
}

/// Stored rows: one n×n matrix (n fixed by the spec).
static DET2: Spec = Spec { min_rows: 2, min_cols: 2, ..SINGLE };
static DET3: Spec = Spec { min_rows: 3, min_cols: 3, ..SINGLE };

fn pair_parts(c: &Case) -> (Matrix, Matrix) {
    let rows = c.inputs();
    let n = rows.len() / 2;
    (rows_matrix(&rows[..n]), rows_matrix(&rows[n..]))
}

fn show_pair(c: &Case) -> String {
    let (a, b) = pair_parts(c);
    format!("{}{}", show_named(&[("A", &a), ("B", &b)]), c.scale_note())
}

fn literal_pair(c: &Case) -> String {
    let (a, b) = pair_parts(c);
    literal_named(&[("A", &a), ("B", &b)])
}

/// Stored rows: A's n rows, then B's.
static DET2_PAIR: Spec = Spec { min_rows: 4, min_cols: 2, show: show_pair, literal: literal_pair, ..SINGLE };
static DET3_PAIR: Spec = Spec { min_rows: 6, min_cols: 3, show: show_pair, literal: literal_pair, ..SINGLE };

/// An n×n integer matrix; one in four is singular (a row is a combination of
/// two others, or repeated), one in eight triangular.
fn random_det_rows(rng: &mut TestRng, n: usize) -> Vec<Vec<f64>> {
    let mut rows: Vec<Vec<f64>> = (0..n).map(|_| draw::ints(rng, n)).collect();
    if draw::chance(rng, 1, 4) {
        let k = draw::int(rng, -2, 2);
        let last: Vec<f64> = if n == 2 {
            rows[0].iter().map(|x| k * x).collect()
        } else {
            (0..n).map(|j| rows[0][j] + k * rows[1][j]).collect()
        };
        rows[n - 1] = last;
    } else if draw::chance(rng, 1, 7) {
        for (i, r) in rows.iter_mut().enumerate() {
            r[..i].fill(0.0);
        }
    }
    rows
}

/// det(A) and det(B) both from the learner, and det(AB) of the exact product.
pub fn determinant_small(f: &Determinants) -> ExerciseReport {
    let mut c = Checker::new("determinant_small");
    c.probe("det2", || (f.det2)(&Matrix::identity(2)));
    c.probe("det3", || (f.det3)(&Matrix::identity(3)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let det = |name: &'static str, g: DetFn, a: &Matrix| -> Result<f64, Miss> {
        let got = call(name, || g(a))?;
        accepted(name, got, || pretty::number(na(a).determinant()))
    };
    let check_det = |name: &'static str, g: DetFn| {
        move |case: &Case| {
            let a = rows_matrix(&case.inputs());
            let got = det(name, g, &a)?;
            let want = na(&a).determinant();
            let bound = tol::gamma(2 * a.nrows()) * permanent_abs(&a);
            let err = (got - want).abs();
            if err <= bound && got.is_finite() {
                return Ok(());
            }
            Err(Miss::new(off_by(name, "the determinant", got, err))
                .output(pretty::number(got))
                .expected(pretty::number(want))
                .bound(format!("|yours − answer| = {err:.2e}, allowed ≤ {bound:.2e}")))
        }
    };
    let check_product = |name: &'static str, g: DetFn| {
        move |case: &Case| {
            let (a, b) = pair_parts(case);
            let ab = ours(&(na(&a) * na(&b)));
            let (da, db, dab) = (det(name, g, &a)?, det(name, g, &b)?, det(name, g, &ab)?);
            let bound = tol::gamma(2 * a.nrows() + 1) * (permanent_abs(&ab) + permanent_abs(&a) * permanent_abs(&b));
            let err = (dab - da * db).abs();
            tol::within(err, bound, "det(AB) ≠ det(A)·det(B): areas must scale one map after the other").map_err(|m| {
                m.output(format!(
                    "det(A) = {}, det(B) = {}, det(AB) = {}, with AB =\n{ab}",
                    pretty::number(da),
                    pretty::number(db),
                    pretty::number(dab)
                ))
                .expected(format!("det(AB) = det(A)·det(B) = {}", pretty::number(da * db)))
            })
        }
    };
    let two = |rows: &[&[f64]]| Case::new(&DET2, rows.iter().map(|r| r.to_vec()).collect(), vec![], 0);
    let three = |rows: &[&[f64]]| Case::new(&DET3, rows.iter().map(|r| r.to_vec()).collect(), vec![], 0);
    let s = std::f64::consts::FRAC_1_SQRT_2;
    c.examples(
        "det2_examples",
        "rows (2,1), (1,3): area 5; I: 1; a reflection: −1; rows (1,2), (2,4): 0; a 45° rotation: 1",
        vec![
            two(&[&[2.0, 1.0], &[1.0, 3.0]]),
            two(&[&[1.0, 0.0], &[0.0, 1.0]]),
            two(&[&[1.0, 0.0], &[0.0, -1.0]]),
            two(&[&[1.0, 2.0], &[2.0, 4.0]]),
            two(&[&[0.0, 1.0], &[1.0, 0.0]]),
            two(&[&[s, -s], &[s, s]]),
        ],
        check_det("det2", f.det2),
    );
    c.examples(
        "det3_examples",
        "diag(2, 3, 4): 24; rows (1,2,3), (4,5,6), (7,8,9): 0; I: 1; a cyclic permutation: 1; a swap: −1; triangular",
        vec![
            three(&[&[2.0, 0.0, 0.0], &[0.0, 3.0, 0.0], &[0.0, 0.0, 4.0]]),
            three(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0], &[7.0, 8.0, 9.0]]),
            three(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]]),
            three(&[&[0.0, 0.0, 1.0], &[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0]]),
            three(&[&[0.0, 1.0, 0.0], &[1.0, 0.0, 0.0], &[0.0, 0.0, 1.0]]),
            three(&[&[2.0, 7.0, -1.0], &[0.0, 3.0, 5.0], &[0.0, 0.0, -4.0]]),
            three(&[&[2.0, -1.0, 0.0], &[1.0, 3.0, 2.0], &[0.0, 1.0, 1.0]]),
        ],
        check_det("det3", f.det3),
    );
    c.property(
        "det2_is_signed_area",
        "det2(A) = a₀₀a₁₁ − a₀₁a₁₀, the signed area of the image of the unit square",
        |rng| Case::new(&DET2, random_det_rows(rng, 2), vec![], draw::exponent(rng, &[-200, -40, 40, 200])),
        check_det("det2", f.det2),
    );
    c.property(
        "det3_is_signed_volume",
        "det3(A) = a₀₀·det M₀₀ − a₀₁·det M₀₁ + a₀₂·det M₀₂, the signed volume of the image of the unit cube",
        |rng| Case::new(&DET3, random_det_rows(rng, 3), vec![], draw::exponent(rng, &[-100, -40, 40, 100])),
        check_det("det3", f.det3),
    );
    let random_pair = |n: usize, spec: &'static Spec| {
        move |rng: &mut TestRng| {
            let mut rows = random_det_rows(rng, n);
            rows.extend(random_det_rows(rng, n));
            Case::new(spec, rows, vec![], draw::exponent(rng, &[-40, 40]))
        }
    };
    c.property(
        "det2_of_a_product",
        "det2(AB) = det2(A)·det2(B)",
        random_pair(2, &DET2_PAIR),
        check_product("det2", f.det2),
    );
    c.property(
        "det3_of_a_product",
        "det3(AB) = det3(A)·det3(B)",
        random_pair(3, &DET3_PAIR),
        check_product("det3", f.det3),
    );
    let refuses = |name: &'static str, g: DetFn, a: Matrix, want: LinalgError| {
        let named = [("A", &a)];
        Fixed::new(format!("{name} of\n{}", show_named(&named)), literal_named(&named), move || {
            let got = call(name, || g(&a))?;
            refused(name, &got, &want, |d| pretty::number(*d))
        })
    };
    let mismatch = |expected, found| LinalgError::DimensionMismatch { expected, found };
    let not_square = |rows, cols| LinalgError::NotSquare { rows, cols };
    c.fixed(
        "refuses_wrong_shapes",
        "a non-square matrix has no determinant: Err(NotSquare); det2 of a 3×3, det3 of a 2×2: Err(DimensionMismatch)",
        vec![
            refuses("det2", f.det2, matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]), not_square(2, 3)),
            refuses("det2", f.det2, Matrix::identity(3), mismatch(2, 3)),
            refuses("det2", f.det2, matrix_of(&[&[5.0]]), mismatch(2, 1)),
            refuses("det3", f.det3, Matrix::identity(2), mismatch(3, 2)),
            refuses("det3", f.det3, matrix_of(&[&[1.0, 2.0], &[3.0, 4.0], &[5.0, 6.0]]), not_square(3, 2)),
            refuses("det3", f.det3, Matrix::zeros(0, 0), mismatch(3, 0)),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- trace

/// `trace` is the sum of the diagonal, tr(AB) = tr(BA), and non-square
/// matrices are refused.
pub fn trace(trace: fn(&Matrix) -> Result<f64, LinalgError>) -> ExerciseReport {
    let mut c = Checker::new("trace");
    c.probe("trace", || trace(&Matrix::identity(1)));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let run = |a: &Matrix| -> Result<f64, Miss> {
        let got = call("trace", || trace(a))?;
        accepted("trace", got, || pretty::number(na(a).trace()))
    };
    let check = |case: &Case| {
        let a = square_part(case);
        let got = run(&a)?;
        let want = na(&a).trace();
        let size: f64 = (0..a.nrows()).map(|i| a[(i, i)].abs()).sum();
        let bound = tol::gamma(a.nrows()) * size;
        let err = (got - want).abs();
        if err <= bound && got.is_finite() {
            return Ok(());
        }
        Err(Miss::new(off_by("trace", "the trace", got, err))
            .output(pretty::number(got))
            .expected(format!("{} (the diagonal adds up to it)", pretty::number(want)))
            .bound(format!("|yours − answer| = {err:.2e}, allowed ≤ {bound:.2e}")))
    };
    let sq = |rows: &[&[f64]]| square_case(&matrix_of(rows));
    c.examples(
        "textbook_examples",
        "rows (2,1), (1,3): 5; the 3×3 identity: 3; the 0×0 matrix: 0; an anti-diagonal matrix: 0",
        vec![
            sq(&[&[2.0, 1.0], &[1.0, 3.0]]),
            sq(&[&[1.0, 0.0, 0.0], &[0.0, 1.0, 0.0], &[0.0, 0.0, 1.0]]),
            sq(&[&[-4.0]]),
            square_case(&Matrix::zeros(0, 0)),
            sq(&[&[0.0, 1.0], &[1.0, 0.0]]),
            sq(&[&[1.5, 9.0, 9.0], &[9.0, -2.0, 9.0], &[9.0, 9.0, 0.25]]),
        ],
        check,
    );
    c.property(
        "sum_of_the_diagonal",
        "tr A = a₀₀ + a₁₁ + … + a_{n−1,n−1}",
        |rng| {
            let n = draw::size(rng, 1, POOL);
            Case::new(
                &SQUARE,
                vec![random_block(rng, n, n)],
                vec![n as f64],
                draw::exponent(rng, &[-200, -40, 40, 200]),
            )
        },
        check,
    );
    c.property(
        "trace_of_ab_is_trace_of_ba",
        "tr(AB) = tr(BA) for A m×n and B n×m, although AB is m×m and BA is n×n",
        |rng| {
            let (m, n) = (draw::size(rng, 1, 4), draw::size(rng, 1, 4));
            let rows = vec![random_block(rng, m, n), random_block(rng, n, m)];
            Case::new(&SWAP_PAIR, rows, vec![m as f64, n as f64], draw::exponent(rng, &[-40, 40, 200]))
        },
        |case: &Case| {
            let (a, b) = swap_parts(case);
            let (ab, ba) = (ours(&(na(&a) * na(&b))), ours(&(na(&b) * na(&a))));
            let (t_ab, t_ba) = (run(&ab)?, run(&ba)?);
            // Σᵢₖ |aᵢₖ bₖᵢ| bounds both sums and their rounding.
            let size: f64 =
                (0..a.nrows()).map(|i| (0..a.ncols()).map(|k| (a[(i, k)] * b[(k, i)]).abs()).sum::<f64>()).sum();
            let bound = 2.0 * tol::gamma(a.nrows() + a.ncols()) * size;
            tol::within((t_ab - t_ba).abs(), bound, "tr(AB) ≠ tr(BA)").map_err(|m| {
                m.output(format!(
                    "tr(AB) = {}, tr(BA) = {}, with AB =\n{ab}\nand BA =\n{ba}",
                    pretty::number(t_ab),
                    pretty::number(t_ba)
                ))
                .expected(format!("both equal to {}", pretty::number(na(&ab).trace())))
            })
        },
    );
    let refuses = |a: Matrix| {
        let named = [("A", &a)];
        Fixed::new(show_named(&named), literal_named(&named), move || {
            let got = call("trace", || trace(&a))?;
            refused("trace", &got, &LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() }, |t| pretty::number(*t))
        })
    };
    c.fixed(
        "refuses_non_square",
        "only a square matrix has a trace: Err(NotSquare { rows, cols }) otherwise",
        vec![
            refuses(matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]])),
            refuses(matrix_of(&[&[1.0], &[2.0]])),
            refuses(Matrix::zeros(1, 0)),
        ],
    );
    c.finish()
}

// ---------------------------------------------------------------- composition

/// The signature of `apply_in_turn`.
pub type ApplyInTurnFn = fn(&[Matrix], &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The signature of `compose`.
pub type ComposeFn = fn(&[Matrix]) -> Result<Matrix, LinalgError>;

/// The functions of exercise `composition`.
pub struct Composition {
    pub apply_in_turn: ApplyInTurnFn,
    pub compose: ComposeFn,
}

/// M_{k−1}⋯M_0 by nalgebra and |M_{k−1}|⋯|M_0|, the size of what is summed.
fn reference_chain(maps: &[Matrix]) -> (DMatrix<f64>, DMatrix<f64>) {
    let n = maps[0].ncols();
    let (mut p, mut size) = (DMatrix::identity(n, n), DMatrix::identity(n, n));
    for m in maps {
        p = na(m) * p;
        size = abs(m) * size;
    }
    (p, size)
}

/// γ of every size the chain sums over.
fn chain_gamma(maps: &[Matrix]) -> f64 {
    tol::gamma(maps.iter().map(Matrix::ncols).sum::<usize>() + 1)
}

/// `apply_in_turn` applies maps[0] first; `compose` is maps[k−1]⋯maps[0];
/// the composed matrix does what the maps do in turn.
pub fn composition(f: &Composition) -> ExerciseReport {
    let mut c = Checker::new("composition");
    let one = [Matrix::identity(1)];
    c.probe("apply_in_turn", || (f.apply_in_turn)(&one, &[1.0]));
    c.probe("compose", || (f.compose)(&one));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let apply = |maps: &[Matrix], x: &[f64]| -> Result<Vec<f64>, Miss> {
        let got = call("apply_in_turn", || (f.apply_in_turn)(maps, x))?;
        accepted("apply_in_turn", got, || {
            let y = maps.iter().fold(DVector::from_column_slice(x), |y, m| na(m) * y);
            pretty::vector(y.as_slice())
        })
    };
    let compose = |maps: &[Matrix]| -> Result<Matrix, Miss> {
        let got = call("compose", || (f.compose)(maps))?;
        accepted("compose", got, || ours(&reference_chain(maps).0).to_string())
    };
    let check_apply = |case: &Case| {
        let (maps, x) = chain_parts(case);
        let got = apply(&maps, &x)?;
        if maps.is_empty() {
            return entries_close("apply_in_turn", &got, &x, &vec![0.0; x.len()]);
        }
        let (p, size) = reference_chain(&maps);
        let want = &p * DVector::from_column_slice(&x);
        let bound = (size * abs_vec(&x)) * chain_gamma(&maps);
        entries_close("apply_in_turn", &got, want.as_slice(), bound.as_slice())
    };
    let check_compose = |case: &Case| {
        let (maps, _) = chain_parts(case);
        let got = compose(&maps)?;
        let (want, size) = reference_chain(&maps);
        matrix_close("compose", &got, &want, &(size * chain_gamma(&maps)))
    };
    let s = std::f64::consts::FRAC_1_SQRT_2;
    let shear = matrix_of(&[&[1.0, 1.0], &[0.0, 1.0]]);
    let r45 = matrix_of(&[&[s, -s], &[s, s]]);
    let r90 = matrix_of(&[&[0.0, -1.0], &[1.0, 0.0]]);
    let stretch = matrix_of(&[&[2.0, 0.0], &[0.0, 1.0]]);
    let tall = matrix_of(&[&[1.0, 0.0], &[0.0, 1.0], &[1.0, 1.0]]);
    let wide = matrix_of(&[&[1.0, 2.0, 3.0]]);
    let examples = || {
        vec![
            chain_case(&[&shear, &r45], &[1.0, 1.0]),
            chain_case(&[&r90, &stretch], &[1.0, 0.0]),
            chain_case(&[&stretch, &r90], &[1.0, 0.0]),
            chain_case(&[&matrix_of(&[&[2.0, 1.0], &[0.0, 1.5]])], &[3.0, 2.0]),
            chain_case(&[&tall, &wide], &[2.0, -1.0]),
            chain_case(&[&r90, &r90, &r90], &[1.0, 2.0]),
        ]
    };
    let mut apply_examples = examples();
    apply_examples.push(chain_case(&[], &[4.0, -5.0]));
    c.examples(
        "apply_examples",
        "shear then rotate (1, 1) by 45°: (0.7071, 2.1213); rotate then stretch ≠ stretch then rotate; \
         a 3×2 then a 1×3 map; no maps leave x as it is",
        apply_examples,
        check_apply,
    );
    c.examples(
        "compose_examples",
        "the same chains as one matrix: [shear, R45] composes to R45·shear, the first map on the right",
        examples().into_iter().map(|case| Case { spec: &CHAIN_MAPS, ..case }).collect(),
        check_compose,
    );
    c.property(
        "applies_each_map_in_turn",
        "apply_in_turn(maps, x) = maps[k−1](⋯maps[1](maps[0] x)): the first map acts first",
        random_chain,
        check_apply,
    );
    c.property(
        "compose_is_the_product",
        "compose(maps) = maps[k−1]⋯maps[1]·maps[0]: the first map stands on the right",
        random_maps,
        check_compose,
    );
    c.property(
        "composed_matrix_does_the_same",
        "compose(maps)·x = apply_in_turn(maps, x): applying B then A is applying AB",
        random_chain,
        |case: &Case| {
            let (maps, x) = chain_parts(case);
            let (whole, in_turn) = (compose(&maps)?, apply(&maps, &x)?);
            let (p, size) = reference_chain(&maps);
            if whole.shape() != p.shape() {
                return check_compose(case);
            }
            let once = na(&whole) * DVector::from_column_slice(&x);
            let bound = (size * abs_vec(&x)) * (2.0 * chain_gamma(&maps));
            entries_close("apply_in_turn", &in_turn, once.as_slice(), bound.as_slice()).map_err(|m| Miss {
                message: format!("compose(maps)·x ≠ apply_in_turn(maps, x): {}", m.message),
                expected: format!("compose(maps)·x = {}", m.expected),
                ..m
            })
        },
    );
    let refuses_apply = |maps: Vec<Matrix>, x: Vec<f64>, want: LinalgError| {
        // Shown from the matrices themselves: a broken chain does not fit the pooled storage.
        let show = format!("apply_in_turn on\n{}\nx = {}", show_maps(&maps), pretty::vector(&x));
        let literal = format!("{}\nlet x = {};", literal_maps(&maps), pretty::vector_literal(&x));
        Fixed::new(show, literal, move || {
            let got = call("apply_in_turn", || (f.apply_in_turn)(&maps, &x))?;
            refused("apply_in_turn", &got, &want, |v| pretty::vector(v))
        })
    };
    let refuses_compose = |maps: Vec<Matrix>, want: LinalgError| {
        Fixed::new(format!("compose on\n{}", show_maps(&maps)), literal_maps(&maps), move || {
            let got = call("compose", || (f.compose)(&maps))?;
            refused("compose", &got, &want, |m| m.to_string())
        })
    };
    let mismatch = |expected, found| LinalgError::DimensionMismatch { expected, found };
    let m23 = matrix_of(&[&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]]);
    let m22 = matrix_of(&[&[1.0, 2.0], &[3.0, 4.0]]);
    c.fixed(
        "refuses_broken_chains",
        "each map must take the output of the one before: Err(DimensionMismatch { expected: its columns, \
         found: the length arriving }); compose of no maps: Err(Empty)",
        vec![
            refuses_apply(vec![m23.clone()], vec![1.0, 2.0], mismatch(3, 2)),
            refuses_apply(vec![m22.clone(), m23.clone()], vec![1.0, 2.0], mismatch(3, 2)),
            refuses_compose(vec![m22.clone(), m23.clone()], mismatch(3, 2)),
            refuses_compose(vec![], LinalgError::Empty),
        ],
    );
    c.finish()
}
