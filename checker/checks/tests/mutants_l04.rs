//! Mutation suite for lesson 4 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small counterexample, and different but correct
//! implementations (variants: another tie rule, another valid tolerance,
//! another basis of the same subspace) must pass.
//!
//! Run with `--nocapture` to see every row with its counterexample.

use checks::l04::{self, FourSubspaces, Rank};
use report::ExerciseReport;
use vocab::Matrix;

use solutions::l04 as sol;

mod judge;
use judge::{Kill, Pass, judge};

// ---------------------------------------------------------------- a configurable Gauss–Jordan

/// How the pivot row of a column is chosen.
#[derive(Clone, Copy, PartialEq)]
enum Pivoting {
    /// The largest |entry|, the first one on ties (the reference).
    Largest,
    /// The largest |entry|, the last one on ties.
    LargestLast,
    /// The first entry that is not negligible (the notebook's rule).
    FirstNonzero,
    /// No search at all: the entry on the current row, or no pivot.
    Diagonal,
}

/// When an entry counts as zero.
#[derive(Clone, Copy, PartialEq)]
enum Zero {
    /// |x| ≤ 1000·max(m, n)·ε·‖A‖∞ (the reference).
    Relative,
    /// |x| ≤ 1000·max(m, n)·ε·max|a_ij|: another relative rule.
    RelativeMax,
    /// x == 0.0.
    Exact,
    /// |x| ≤ 1e-10, whatever the size of A.
    Absolute,
}

#[derive(Clone, Copy)]
struct Gj {
    pivoting: Pivoting,
    zero: Zero,
    /// Eliminate above the pivot too (reduced form).
    above: bool,
    /// Divide the pivot row by the pivot.
    normalise: bool,
    /// Set the leftover noise of a column without pivot to 0.0.
    clean: bool,
    /// Eliminate below while going forward, then above in a second sweep from the last pivot up.
    two_phase: bool,
}

const GJ: Gj = Gj {
    pivoting: Pivoting::Largest,
    zero: Zero::Relative,
    above: true,
    normalise: true,
    clean: true,
    two_phase: false,
};

fn tolerance(a: &Matrix, zero: Zero) -> f64 {
    let (m, n) = a.shape();
    let norm_inf = a.rows().map(|r| r.iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max);
    let norm_max = a.as_slice().iter().fold(0.0_f64, |s, x| s.max(x.abs()));
    match zero {
        Zero::Relative => 1000.0 * m.max(n) as f64 * f64::EPSILON * norm_inf,
        Zero::RelativeMax => 1000.0 * m.max(n) as f64 * f64::EPSILON * norm_max,
        Zero::Exact => 0.0,
        Zero::Absolute => 1e-10,
    }
}

fn gauss_jordan(a: &Matrix, cfg: Gj) -> (Matrix, Vec<usize>) {
    let (m, n) = a.shape();
    let tol = tolerance(a, cfg.zero);
    let negligible = |x: f64| if cfg.zero == Zero::Exact { x == 0.0 } else { x.abs() <= tol };
    let mut r = a.clone();
    let mut pivots = Vec::new();
    for j in 0..n {
        let row = pivots.len();
        if row == m {
            break;
        }
        let p = match cfg.pivoting {
            Pivoting::Largest => (row..m).fold(row, |p, i| if r[(i, j)].abs() > r[(p, j)].abs() { i } else { p }),
            Pivoting::LargestLast => (row..m).fold(row, |p, i| if r[(i, j)].abs() >= r[(p, j)].abs() { i } else { p }),
            Pivoting::FirstNonzero => (row..m).find(|&i| !negligible(r[(i, j)])).unwrap_or(row),
            Pivoting::Diagonal => row,
        };
        if negligible(r[(p, j)]) {
            if cfg.clean {
                for i in row..m {
                    r[(i, j)] = 0.0;
                }
            }
            continue;
        }
        r.swap_rows(row, p);
        if cfg.normalise {
            let pivot = r[(row, j)];
            for x in r.row_mut(row) {
                *x /= pivot;
            }
        }
        let first = if cfg.above && !cfg.two_phase { 0 } else { row + 1 };
        for i in (first..m).filter(|&i| i != row) {
            let factor = r[(i, j)] / r[(row, j)];
            for k in j + 1..n {
                let v = r[(row, k)];
                r[(i, k)] -= factor * v;
            }
            r[(i, j)] = 0.0;
        }
        pivots.push(j);
    }
    if cfg.two_phase {
        // Back substitution: clear each pivot column above its pivot, last pivot first.
        for (row, &j) in pivots.iter().enumerate().rev() {
            for i in 0..row {
                let factor = r[(i, j)];
                for k in j + 1..n {
                    let v = r[(row, k)];
                    r[(i, k)] -= factor * v;
                }
                r[(i, j)] = 0.0;
            }
        }
    }
    (r, pivots)
}

fn transpose(a: &Matrix) -> Matrix {
    Matrix::from_fn(a.ncols(), a.nrows(), |i, j| a[(j, i)])
}

/// Modified Gram–Schmidt on the columns (they are independent in every use here).
fn orthonormalise(b: &Matrix) -> Matrix {
    let mut cols: Vec<Vec<f64>> = (0..b.ncols()).map(|j| b.column(j)).collect();
    for j in 0..cols.len() {
        for i in 0..j {
            let d: f64 = cols[i].iter().zip(&cols[j]).map(|(x, y)| x * y).sum();
            let qi = cols[i].clone();
            for (x, q) in cols[j].iter_mut().zip(&qi) {
                *x -= d * q;
            }
        }
        let norm = cols[j].iter().map(|x| x * x).sum::<f64>().sqrt();
        for x in &mut cols[j] {
            *x /= norm;
        }
    }
    Matrix::from_fn(b.nrows(), b.ncols(), |i, j| cols[j][i])
}

fn scale_columns(b: &Matrix, c: f64) -> Matrix {
    Matrix::from_fn(b.nrows(), b.ncols(), |i, j| c * b[(i, j)])
}

// ---------------------------------------------------------------- rref

/// Bug: `== 0.0` instead of a tolerance, so rounding noise becomes a pivot.
fn rref_eq_zero(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { zero: Zero::Exact, ..GJ })
}

/// Bug: no pivot search: the entry on the current row is the pivot or there is none.
fn rref_no_pivoting(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { pivoting: Pivoting::Diagonal, ..GJ })
}

/// Bug: the first non-negligible entry is the pivot (the notebook's rule), however small.
fn rref_first_nonzero(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { pivoting: Pivoting::FirstNonzero, ..GJ })
}

/// Bug: a fixed absolute tolerance 1e-10.
fn rref_absolute_tol(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { zero: Zero::Absolute, ..GJ })
}

/// Bug: eliminates below the pivots only (row echelon form, not reduced).
fn rref_not_reduced(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { above: false, ..GJ })
}

/// Bug: the pivot row is not divided by the pivot.
fn rref_not_normalised(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { normalise: false, ..GJ })
}

/// Bug: a column without pivot keeps its rounding noise below the pivot rows.
fn rref_noise_left(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { clean: false, ..GJ })
}

/// Variant: ties go to the last of the largest entries.
fn rref_ties_last(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { pivoting: Pivoting::LargestLast, ..GJ })
}

/// Variant: forward elimination, then a backward sweep above the pivots.
fn rref_two_phase(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { two_phase: true, ..GJ })
}

/// Variant: a tolerance relative to the largest entry instead of the largest row sum.
fn rref_max_entry_tol(a: &Matrix) -> (Matrix, Vec<usize>) {
    gauss_jordan(a, Gj { zero: Zero::RelativeMax, ..GJ })
}

#[test]
fn rref() {
    let products = "rank_r_products";
    judge(
        "rref",
        vec![
            ("reference", l04::rref(sol::rref::rref), Pass),
            ("ties: last largest entry", l04::rref(rref_ties_last), Pass),
            ("two phases: forward, then back substitution", l04::rref(rref_two_phase), Pass),
            ("tolerance relative to max|a_ij|", l04::rref(rref_max_entry_tol), Pass),
            ("== 0.0 instead of a tolerance", l04::rref(rref_eq_zero), Kill(products, 9)),
            ("no pivoting", l04::rref(rref_no_pivoting), Kill(products, 4)),
            ("first nonzero pivot", l04::rref(rref_first_nonzero), Kill("needs_partial_pivoting", 6)),
            ("absolute tolerance 1e-10", l04::rref(rref_absolute_tol), Kill("scaled_products", 2)),
            ("not reduced (below only)", l04::rref(rref_not_reduced), Kill(products, 4)),
            ("pivot row not normalised", l04::rref(rref_not_normalised), Kill(products, 1)),
            ("noise left in free columns", l04::rref(rref_noise_left), Kill(products, 9)),
        ],
    );
}

// ---------------------------------------------------------------- rank

/// Bug: counts the nonzero rows of A itself.
fn rank_nonzero_rows(a: &Matrix) -> usize {
    a.rows().filter(|r| r.iter().any(|&x| x != 0.0)).count()
}

/// Bug: pivots of an elimination that tests `== 0.0`.
fn rank_eq_zero(a: &Matrix) -> usize {
    rref_eq_zero(a).1.len()
}

/// Bug: pivots of an elimination with the absolute tolerance 1e-10.
fn rank_absolute_tol(a: &Matrix) -> usize {
    rref_absolute_tol(a).1.len()
}

/// Bug: assumes full rank.
fn rank_min_dimension(a: &Matrix) -> usize {
    a.nrows().min(a.ncols())
}

/// Bug: the nullity counts rows, m − rank.
fn nullity_rows(a: &Matrix) -> usize {
    a.nrows() - sol::rank::rank(a)
}

/// Variant: the row rank, from the RREF of Aᵀ.
fn rank_of_transpose(a: &Matrix) -> usize {
    sol::rref::rref(&transpose(a)).1.len()
}

/// Variant: the nonzero rows of the RREF.
fn rank_nonzero_rows_of_r(a: &Matrix) -> usize {
    sol::rref::rref(a).0.rows().filter(|r| r.iter().any(|&x| x != 0.0)).count()
}

/// Variant: the nullity as the number of free columns.
fn nullity_free_columns(a: &Matrix) -> usize {
    let pivots = sol::rref::rref(a).1;
    (0..a.ncols()).filter(|j| !pivots.contains(j)).count()
}

type Count = fn(&Matrix) -> usize;

fn check_rank(rank: Count, nullity: Count) -> ExerciseReport {
    l04::rank(&Rank { rank, nullity })
}

#[test]
fn rank() {
    let (r, n): (Count, Count) = (sol::rank::rank, sol::rank::nullity);
    let products = "rank_r_products";
    judge(
        "rank",
        vec![
            ("reference", check_rank(r, n), Pass),
            ("rank of Aᵀ, free columns", check_rank(rank_of_transpose, nullity_free_columns), Pass),
            ("nonzero rows of R", check_rank(rank_nonzero_rows_of_r, n), Pass),
            ("nonzero rows of A", check_rank(rank_nonzero_rows, n), Kill(products, 2)),
            ("== 0.0 instead of a tolerance", check_rank(rank_eq_zero, n), Kill(products, 9)),
            ("absolute tolerance 1e-10", check_rank(rank_absolute_tol, n), Kill("scaled_products", 1)),
            ("min(m, n)", check_rank(rank_min_dimension, n), Kill(products, 1)),
            ("nullity m − rank", check_rank(r, nullity_rows), Kill(products, 2)),
        ],
    );
}

// ---------------------------------------------------------------- column_space

fn pivot_columns(a: &Matrix, pivots: &[usize]) -> Matrix {
    Matrix::from_fn(a.nrows(), pivots.len(), |i, k| a[(i, pivots[k])])
}

/// Bug: the pivot columns of R instead of A.
fn cs_columns_of_r(a: &Matrix) -> Matrix {
    let (r, pivots) = sol::rref::rref(a);
    pivot_columns(&r, &pivots)
}

/// Bug: pivots from an elimination that tests `== 0.0`.
fn cs_eq_zero(a: &Matrix) -> Matrix {
    let pivots = rref_eq_zero(a).1;
    pivot_columns(a, &pivots)
}

/// Bug: the first pivot column is taken twice and the last one dropped.
fn cs_duplicated(a: &Matrix) -> Matrix {
    let mut pivots = sol::rref::rref(a).1;
    if pivots.len() >= 2 {
        let last = pivots.len() - 1;
        pivots[last] = pivots[0];
    }
    pivot_columns(a, &pivots)
}

/// Bug: off by one, the column after each pivot (wrapping around).
fn cs_off_by_one(a: &Matrix) -> Matrix {
    let pivots: Vec<usize> = sol::rref::rref(a).1.iter().map(|p| (p + 1) % a.ncols()).collect();
    pivot_columns(a, &pivots)
}

/// Bug: every column of A.
fn cs_all_columns(a: &Matrix) -> Matrix {
    a.clone()
}

/// Variant: the pivot columns times −2.
fn cs_scaled(a: &Matrix) -> Matrix {
    scale_columns(&sol::column_space::column_space(a), -2.0)
}

/// Variant: the last independent columns (pivots of A with its columns reversed).
fn cs_last_columns(a: &Matrix) -> Matrix {
    let n = a.ncols();
    let reversed = Matrix::from_fn(a.nrows(), n, |i, j| a[(i, n - 1 - j)]);
    let pivots: Vec<usize> = sol::rref::rref(&reversed).1.iter().map(|p| n - 1 - p).collect();
    pivot_columns(a, &pivots)
}

/// Variant: an orthonormal basis (Gram–Schmidt of the pivot columns).
fn cs_orthonormal(a: &Matrix) -> Matrix {
    orthonormalise(&sol::column_space::column_space(a))
}

#[test]
fn column_space() {
    let products = "rank_r_products";
    let check = l04::column_space;
    judge(
        "column_space",
        vec![
            ("reference", check(sol::column_space::column_space), Pass),
            ("pivot columns × −2", check(cs_scaled), Pass),
            ("last independent columns", check(cs_last_columns), Pass),
            ("orthonormalised", check(cs_orthonormal), Pass),
            ("columns of R, not A", check(cs_columns_of_r), Kill(products, 4)),
            ("== 0.0 instead of a tolerance", check(cs_eq_zero), Kill(products, 9)),
            ("a pivot column twice", check(cs_duplicated), Kill(products, 4)),
            ("off by one column", check(cs_off_by_one), Kill(products, 2)),
            ("all columns", check(cs_all_columns), Kill(products, 2)),
        ],
    );
}

// ---------------------------------------------------------------- row_space

/// Bug: the first r rows of A, which may be dependent.
fn rs_first_rows_of_a(a: &Matrix) -> Matrix {
    let r = sol::rank::rank(a);
    Matrix::from_fn(a.ncols(), r, |j, i| a[(i, j)])
}

/// Bug: the rows of R returned as rows (r × n).
fn rs_as_rows(a: &Matrix) -> Matrix {
    let (r, pivots) = sol::rref::rref(a);
    Matrix::from_fn(pivots.len(), a.ncols(), |i, j| r[(i, j)])
}

/// Bug: every row of R, the zero rows too.
fn rs_all_rows(a: &Matrix) -> Matrix {
    transpose(&sol::rref::rref(a).0)
}

/// Bug: the pivot columns of R (vectors of ℝ^m) instead of its rows.
fn rs_columns_of_r(a: &Matrix) -> Matrix {
    let (r, pivots) = sol::rref::rref(a);
    pivot_columns(&r, &pivots)
}

/// Variant: the column space of Aᵀ, i.e. the independent rows of A.
fn rs_independent_rows(a: &Matrix) -> Matrix {
    sol::column_space::column_space(&transpose(a))
}

/// Variant: the rows of R times 3.
fn rs_scaled(a: &Matrix) -> Matrix {
    scale_columns(&sol::row_space::row_space(a), 3.0)
}

#[test]
fn row_space() {
    let products = "rank_r_products";
    let check = l04::row_space;
    judge(
        "row_space",
        vec![
            ("reference", check(sol::row_space::row_space), Pass),
            ("independent rows of A", check(rs_independent_rows), Pass),
            ("rows of R × 3", check(rs_scaled), Pass),
            ("first r rows of A", check(rs_first_rows_of_a), Kill(products, 4)),
            ("vectors as rows", check(rs_as_rows), Kill(products, 2)),
            ("zero rows included", check(rs_all_rows), Kill(products, 2)),
            ("pivot columns of R", check(rs_columns_of_r), Kill(products, 2)),
        ],
    );
}

// ---------------------------------------------------------------- null_space

/// The special solutions from a given elimination, with knobs for the bugs.
fn special_solutions(a: &Matrix, elim: fn(&Matrix) -> (Matrix, Vec<usize>), sign: f64, last: usize) -> Matrix {
    let n = a.ncols();
    let (r, pivots) = elim(a);
    let free: Vec<usize> = (0..n - last).filter(|j| !pivots.contains(j)).collect();
    let mut basis = Matrix::zeros(n, free.len());
    for (k, &f) in free.iter().enumerate() {
        basis[(f, k)] = 1.0;
        for (i, &p) in pivots.iter().enumerate() {
            basis[(p, k)] = sign * r[(i, f)];
        }
    }
    basis
}

/// Bug: the pivot variables get +r_if instead of −r_if.
fn ns_sign_flipped(a: &Matrix) -> Matrix {
    special_solutions(a, sol::rref::rref, 1.0, 0)
}

/// Bug: the free columns stop one short (`0..n - 1`), so the last one is lost.
fn ns_last_free_column_lost(a: &Matrix) -> Matrix {
    special_solutions(a, sol::rref::rref, -1.0, 1)
}

/// Bug: pivots from an elimination that tests `== 0.0`.
fn ns_eq_zero(a: &Matrix) -> Matrix {
    special_solutions(a, rref_eq_zero, -1.0, 0)
}

/// Bug: the first special solution is repeated in place of the last.
fn ns_duplicated(a: &Matrix) -> Matrix {
    let b = sol::null_space::null_space(a);
    let k = b.ncols();
    Matrix::from_fn(b.nrows(), k, |i, j| if j + 1 == k && k >= 2 { b[(i, 0)] } else { b[(i, j)] })
}

/// Bug: reads row p of R (the pivot's column index) instead of row i.
fn ns_row_index_is_column(a: &Matrix) -> Matrix {
    let n = a.ncols();
    let (r, pivots) = sol::rref::rref(a);
    let free: Vec<usize> = (0..n).filter(|j| !pivots.contains(j)).collect();
    let mut basis = Matrix::zeros(n, free.len());
    for (k, &f) in free.iter().enumerate() {
        basis[(f, k)] = 1.0;
        for &p in &pivots {
            basis[(p, k)] = -r[(p.min(a.nrows() - 1), f)];
        }
    }
    basis
}

/// Variant: every special solution times −1 (the free variable is −1).
fn ns_negated(a: &Matrix) -> Matrix {
    scale_columns(&sol::null_space::null_space(a), -1.0)
}

/// Variant: an orthonormal basis.
fn ns_orthonormal(a: &Matrix) -> Matrix {
    orthonormalise(&sol::null_space::null_space(a))
}

/// Variant: free columns in decreasing order.
fn ns_reversed(a: &Matrix) -> Matrix {
    let b = sol::null_space::null_space(a);
    let k = b.ncols();
    Matrix::from_fn(b.nrows(), k, |i, j| b[(i, k - 1 - j)])
}

#[test]
fn null_space() {
    let products = "rank_r_products";
    let check = l04::null_space;
    judge(
        "null_space",
        vec![
            ("reference", check(sol::null_space::null_space), Pass),
            ("negated special solutions", check(ns_negated), Pass),
            ("orthonormalised", check(ns_orthonormal), Pass),
            ("free columns reversed", check(ns_reversed), Pass),
            ("free-variable sign flipped", check(ns_sign_flipped), Kill(products, 2)),
            ("last free column lost", check(ns_last_free_column_lost), Kill(products, 1)),
            ("== 0.0 instead of a tolerance", check(ns_eq_zero), Kill(products, 9)),
            ("a special solution twice", check(ns_duplicated), Kill(products, 3)),
            ("row index = pivot column", check(ns_row_index_is_column), Kill(products, 6)),
        ],
    );
}

// ---------------------------------------------------------------- left_null_space

/// Gauss–Jordan on [A | I], pivots chosen in A's columns only: E with E·A = R.
fn elimination_matrix(a: &Matrix) -> (Matrix, usize) {
    let (m, n) = a.shape();
    let tol = tolerance(a, Zero::Relative);
    let mut w = Matrix::from_fn(m, n + m, |i, j| if j < n { a[(i, j)] } else { f64::from(u8::from(j - n == i)) });
    let mut row = 0;
    for j in 0..n {
        if row == m {
            break;
        }
        let p = (row..m).fold(row, |p, i| if w[(i, j)].abs() > w[(p, j)].abs() { i } else { p });
        if w[(p, j)].abs() <= tol {
            for i in row..m {
                w[(i, j)] = 0.0;
            }
            continue;
        }
        w.swap_rows(row, p);
        let pivot = w[(row, j)];
        for x in w.row_mut(row) {
            *x /= pivot;
        }
        for i in (0..m).filter(|&i| i != row) {
            let factor = w[(i, j)];
            for k in 0..n + m {
                let v = w[(row, k)];
                w[(i, k)] -= factor * v;
            }
        }
        row += 1;
    }
    (Matrix::from_fn(m, m, |i, j| w[(i, n + j)]), row)
}

/// Bug: the null space of A, not of Aᵀ.
fn lns_null_of_a(a: &Matrix) -> Matrix {
    sol::null_space::null_space(a)
}

/// Bug: the first m − r rows of E instead of the last ones.
fn lns_first_rows_of_e(a: &Matrix) -> Matrix {
    let (e, r) = elimination_matrix(a);
    let m = a.nrows();
    Matrix::from_fn(m, m - r, |i, k| e[(k, i)])
}

/// Bug: the first vector repeated in place of the last.
fn lns_duplicated(a: &Matrix) -> Matrix {
    let b = sol::left_null_space::left_null_space(a);
    let k = b.ncols();
    Matrix::from_fn(b.nrows(), k, |i, j| if j + 1 == k && k >= 2 { b[(i, 0)] } else { b[(i, j)] })
}

/// Bug: the vectors returned as rows.
fn lns_as_rows(a: &Matrix) -> Matrix {
    transpose(&sol::left_null_space::left_null_space(a))
}

/// Variant: the last m − r rows of E, where E·A = R.
fn lns_last_rows_of_e(a: &Matrix) -> Matrix {
    let (e, r) = elimination_matrix(a);
    let m = a.nrows();
    Matrix::from_fn(m, m - r, |i, k| e[(r + k, i)])
}

/// Variant: an orthonormal basis.
fn lns_orthonormal(a: &Matrix) -> Matrix {
    orthonormalise(&sol::left_null_space::left_null_space(a))
}

#[test]
fn left_null_space() {
    let products = "rank_r_products";
    let check = l04::left_null_space;
    judge(
        "left_null_space",
        vec![
            ("reference", check(sol::left_null_space::left_null_space), Pass),
            ("last rows of E, where E·A = R", check(lns_last_rows_of_e), Pass),
            ("orthonormalised", check(lns_orthonormal), Pass),
            ("null space of A", check(lns_null_of_a), Kill(products, 2)),
            ("first rows of E", check(lns_first_rows_of_e), Kill(products, 2)),
            ("a vector twice", check(lns_duplicated), Kill(products, 3)),
            ("vectors as rows", check(lns_as_rows), Kill(products, 2)),
        ],
    );
}

// ---------------------------------------------------------------- four_subspaces

type Dims = fn(&Matrix) -> [usize; 4];

/// Bug: the two null-space dimensions swapped, [r, m − r, r, n − r].
fn dims_swapped(a: &Matrix) -> [usize; 4] {
    let [c, n, r, l] = sol::four_subspaces::subspace_dimensions(a);
    [c, l, r, n]
}

/// Bug: counts rows of the basis matrices (the ambient dimension) instead of columns.
fn dims_rows(a: &Matrix) -> [usize; 4] {
    [
        sol::column_space::column_space(a).nrows(),
        sol::null_space::null_space(a).nrows(),
        sol::row_space::row_space(a).nrows(),
        sol::left_null_space::left_null_space(a).nrows(),
    ]
}

/// Bug: the left null space counted as the null space, n − r.
fn dims_left_is_null(a: &Matrix) -> [usize; 4] {
    let [c, n, r, _] = sol::four_subspaces::subspace_dimensions(a);
    [c, n, r, n]
}

/// Variant: straight from the rank, [r, n − r, r, m − r].
fn dims_from_rank(a: &Matrix) -> [usize; 4] {
    let r = sol::rank::rank(a);
    [r, a.ncols() - r, r, a.nrows() - r]
}

fn check_four(subspace_dimensions: Dims, null_space: fn(&Matrix) -> Matrix) -> ExerciseReport {
    l04::four_subspaces(&FourSubspaces {
        column_space: sol::column_space::column_space,
        null_space,
        row_space: sol::row_space::row_space,
        left_null_space: sol::left_null_space::left_null_space,
        subspace_dimensions,
    })
}

#[test]
fn four_subspaces() {
    let dims: Dims = sol::four_subspaces::subspace_dimensions;
    let ns = sol::null_space::null_space;
    let rank_nullity = "rank_nullity";
    judge(
        "four_subspaces",
        vec![
            ("reference", check_four(dims, ns), Pass),
            ("dimensions from the rank", check_four(dims_from_rank, ns), Pass),
            ("null dimensions swapped", check_four(dims_swapped, ns), Kill(rank_nullity, 2)),
            ("rows of the bases counted", check_four(dims_rows, ns), Kill(rank_nullity, 1)),
            ("left null space as n − r", check_four(dims_left_is_null, ns), Kill(rank_nullity, 2)),
            (
                "a null space with the sign flipped",
                check_four(dims, ns_sign_flipped),
                Kill("row_space_orthogonal_to_null_space", 2),
            ),
        ],
    );
}
