//! Mutation suite for lesson 5 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small shrunk counterexample, and different but correct
//! implementations (variants: another tie rule, another loop order, another
//! way to get the sign of a permutation) must pass.
//!
//! Run with `--nocapture` to see every row with its counterexample.

use checks::l05::{self, Condition, LuSolve, Triangular};
use report::ExerciseReport;
use vocab::{LinalgError, Lu, Matrix};

use solutions::l05 as sol;

mod judge;
use judge::{Kill, Pass, judge};

fn not_square(a: &Matrix) -> Result<(), LinalgError> {
    if a.is_square() { Ok(()) } else { Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() }) }
}

fn check_len(n: usize, found: usize) -> Result<(), LinalgError> {
    if n == found { Ok(()) } else { Err(LinalgError::DimensionMismatch { expected: n, found }) }
}

fn transpose(a: &Matrix) -> Matrix {
    Matrix::from_fn(a.ncols(), a.nrows(), |i, j| a[(j, i)])
}

// ---------------------------------------------------------------- a configurable substitution

#[derive(Clone, Copy, PartialEq)]
enum Loops {
    /// Row by row: x_i from the dot product of row i with the known x (the reference).
    Rows,
    /// Column by column: once x_j is known, take its multiples out of the rest of b.
    Columns,
}

#[derive(Clone, Copy)]
struct Sub {
    loops: Loops,
    /// Divide by the diagonal (false: assume it is 1).
    divide: bool,
    /// Refuse a zero diagonal entry before solving (false: divide by it).
    check_zero: bool,
    /// Refuse |t_kk| below 1e-10 as if it were 0.
    absolute_tol: bool,
    /// Read t[(j, i)] instead of t[(i, j)]: the other triangle, transposed.
    swapped_indices: bool,
    /// The inner sum stops one term short.
    short_sum: bool,
    /// Report the zero met last in the solving order (from the bottom for back substitution).
    lazy_zero_check: bool,
}

const SUB: Sub = Sub {
    loops: Loops::Rows,
    divide: true,
    check_zero: true,
    absolute_tol: false,
    swapped_indices: false,
    short_sum: false,
    lazy_zero_check: false,
};

fn substitute(t: &Matrix, b: &[f64], lower: bool, cfg: Sub) -> Result<Vec<f64>, LinalgError> {
    not_square(t)?;
    let n = t.nrows();
    check_len(n, b.len())?;
    let at = |i: usize, j: usize| if cfg.swapped_indices { t[(j, i)] } else { t[(i, j)] };
    let zero = |k: usize| if cfg.absolute_tol { t[(k, k)].abs() < 1e-10 } else { t[(k, k)] == 0.0 };
    if cfg.check_zero
        && !cfg.lazy_zero_check
        && let Some(k) = (0..n).find(|&k| zero(k))
    {
        return Err(LinalgError::Singular { column: k });
    }
    let order: Vec<usize> = if lower { (0..n).collect() } else { (0..n).rev().collect() };
    let mut x = vec![0.0; n];
    match cfg.loops {
        Loops::Rows => {
            for &i in &order {
                if cfg.check_zero && cfg.lazy_zero_check && zero(i) {
                    return Err(LinalgError::Singular { column: i });
                }
                let known: Vec<usize> = if lower { (0..i).collect() } else { (i + 1..n).collect() };
                let terms = if cfg.short_sum { known.len().saturating_sub(1) } else { known.len() };
                let mut s = b[i];
                for &j in &known[..terms] {
                    s -= at(i, j) * x[j];
                }
                x[i] = if cfg.divide { s / at(i, i) } else { s };
            }
        }
        Loops::Columns => {
            let mut c = b.to_vec();
            for &j in &order {
                if cfg.check_zero && cfg.lazy_zero_check && zero(j) {
                    return Err(LinalgError::Singular { column: j });
                }
                x[j] = if cfg.divide { c[j] / at(j, j) } else { c[j] };
                let rest: Vec<usize> = if lower { (j + 1..n).collect() } else { (0..j).collect() };
                for i in rest {
                    c[i] -= at(i, j) * x[j];
                }
            }
        }
    }
    Ok(x)
}

type Solve = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

fn check_triangular(forward_substitution: Solve, back_substitution: Solve) -> ExerciseReport {
    l05::triangular_solve(&Triangular { forward_substitution, back_substitution })
}

// ---------------------------------------------------------------- triangular_solve

/// Variant: column-oriented forward substitution.
fn fwd_columns(l: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    substitute(l, b, true, Sub { loops: Loops::Columns, ..SUB })
}

/// Variant: column-oriented back substitution that reports the zero it meets first, from the bottom.
fn back_columns_lazy(u: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    substitute(u, b, false, Sub { loops: Loops::Columns, lazy_zero_check: true, ..SUB })
}

/// Bug: assumes a unit diagonal (right for the L of LU, wrong for any other L).
fn fwd_unit_diagonal(l: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    substitute(l, b, true, Sub { divide: false, ..SUB })
}

/// Bug: the inner loop stops one short, `0..i - 1`.
fn fwd_short_sum(l: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    substitute(l, b, true, Sub { short_sum: true, ..SUB })
}

/// Bug: reads `l[(j, i)]`, the transposed (upper) triangle.
fn fwd_swapped_indices(l: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    substitute(l, b, true, Sub { swapped_indices: true, ..SUB })
}

/// Bug: no test for a zero diagonal; divides by it.
fn fwd_unchecked(l: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    substitute(l, b, true, Sub { check_zero: false, ..SUB })
}

/// Bug: refuses any |l_kk| < 1e-10, which is a valid, tiny pivot.
fn fwd_absolute_tol(l: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    substitute(l, b, true, Sub { absolute_tol: true, ..SUB })
}

/// Bug: back substitution with a short inner sum.
fn back_short_sum(u: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    substitute(u, b, false, Sub { short_sum: true, ..SUB })
}

/// Bug: back substitution runs top-down, as if U were lower triangular.
fn back_top_down(u: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let t = transpose(u);
    substitute(&t, b, true, Sub { swapped_indices: true, ..SUB })
}

/// Bug: the outer loop skips the last unknown, `(0..n - 1).rev()`.
fn back_skips_last(u: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let mut x = sol::triangular::back_substitution(u, b)?;
    if let Some(last) = x.last_mut() {
        *last = 0.0;
    }
    // Recompute the rest from the wrong last value.
    let n = x.len();
    for i in (0..n.saturating_sub(1)).rev() {
        let s: f64 = (i + 1..n).map(|j| u[(i, j)] * x[j]).sum();
        x[i] = (b[i] - s) / u[(i, i)];
    }
    Ok(x)
}

#[test]
fn triangular_solve() {
    let (f, b) = (sol::triangular::forward_substitution as Solve, sol::triangular::back_substitution as Solve);
    let fwd = "forward_substitution_solves";
    let back = "back_substitution_solves";
    judge(
        "triangular_solve",
        vec![
            ("reference", check_triangular(f, b), Pass),
            ("column-oriented loops; lazy zero check", check_triangular(fwd_columns, back_columns_lazy), Pass),
            ("forward: unit diagonal assumed", check_triangular(fwd_unit_diagonal, b), Kill(fwd, 2)),
            ("forward: inner sum one short", check_triangular(fwd_short_sum, b), Kill(fwd, 6)),
            ("forward: reads l[(j, i)]", check_triangular(fwd_swapped_indices, b), Kill(fwd, 6)),
            (
                "forward: no zero check",
                check_triangular(fwd_unchecked, b),
                Kill("refuses_zero_diagonal_and_wrong_shapes", 2),
            ),
            ("forward: |l_kk| < 1e-10 refused", check_triangular(fwd_absolute_tol, b), Kill("forward_examples", 6)),
            ("back: inner sum one short", check_triangular(f, back_short_sum), Kill(back, 6)),
            ("back: top-down", check_triangular(f, back_top_down), Kill(back, 6)),
            ("back: last unknown skipped", check_triangular(f, back_skips_last), Kill(back, 2)),
        ],
    );
}

// ---------------------------------------------------------------- a configurable elimination

#[derive(Clone, Copy, PartialEq)]
enum Pivot {
    /// The largest |candidate|, the first one on ties (the reference).
    Largest,
    /// The largest |candidate|, the last one on ties.
    LargestLast,
    /// The first non-zero candidate (the textbook's hand rule).
    FirstNonzero,
    /// The largest signed value, not the largest magnitude.
    LargestSigned,
    /// No search: the diagonal entry.
    None,
}

#[derive(Clone, Copy)]
struct Elim {
    pivot: Pivot,
    /// Swap the rows of L's computed part along with U's (columns 0..k).
    swap_l: bool,
    /// Swap whole rows of L, diagonal included.
    swap_l_whole: bool,
    /// Return the inverse permutation.
    inverse_perm: bool,
    /// Store 0.0 below U's diagonal (false: compute u_ik − m·u_kk).
    zero_below: bool,
    /// Skip a column whose candidates are all 0.0 (false: divide anyway).
    skip_zero_column: bool,
    /// Return Err(Singular) for a zero column instead of factoring on.
    refuse_singular: bool,
    /// The elimination skips the last row.
    skip_last_row: bool,
    /// The multiplier as u_ik · (1/u_kk).
    reciprocal: bool,
}

const ELIM: Elim = Elim {
    pivot: Pivot::Largest,
    swap_l: true,
    swap_l_whole: false,
    inverse_perm: false,
    zero_below: true,
    skip_zero_column: true,
    refuse_singular: false,
    skip_last_row: false,
    reciprocal: false,
};

fn choose(u: &Matrix, k: usize, rule: Pivot) -> usize {
    let n = u.nrows();
    match rule {
        Pivot::Largest => (k..n).fold(k, |p, i| if u[(i, k)].abs() > u[(p, k)].abs() { i } else { p }),
        Pivot::LargestLast => (k..n).fold(k, |p, i| if u[(i, k)].abs() >= u[(p, k)].abs() { i } else { p }),
        Pivot::FirstNonzero => (k..n).find(|&i| u[(i, k)] != 0.0).unwrap_or(k),
        Pivot::LargestSigned => (k..n).fold(k, |p, i| if u[(i, k)] > u[(p, k)] { i } else { p }),
        Pivot::None => k,
    }
}

fn factor(a: &Matrix, cfg: Elim) -> Result<Lu, LinalgError> {
    not_square(a)?;
    let n = a.nrows();
    let mut u = a.clone();
    let mut l = Matrix::identity(n);
    let mut perm: Vec<usize> = (0..n).collect();
    for k in 0..n {
        let p = choose(&u, k, cfg.pivot);
        if u[(p, k)] == 0.0 {
            if cfg.refuse_singular {
                return Err(LinalgError::Singular { column: k });
            }
            if cfg.skip_zero_column {
                continue;
            }
        }
        if p != k {
            u.swap_rows(k, p);
            perm.swap(k, p);
            if cfg.swap_l_whole {
                l.swap_rows(k, p);
            } else if cfg.swap_l {
                for j in 0..k {
                    let t = l[(k, j)];
                    l[(k, j)] = l[(p, j)];
                    l[(p, j)] = t;
                }
            }
        }
        let last = if cfg.skip_last_row { n.saturating_sub(1) } else { n };
        let r = 1.0 / u[(k, k)];
        for i in k + 1..last {
            let m = if cfg.reciprocal { u[(i, k)] * r } else { u[(i, k)] / u[(k, k)] };
            l[(i, k)] = m;
            for j in k + 1..n {
                let v = u[(k, j)];
                u[(i, j)] -= m * v;
            }
            if cfg.zero_below {
                u[(i, k)] = 0.0;
            } else {
                let v = u[(k, k)];
                u[(i, k)] -= m * v;
            }
        }
    }
    if cfg.inverse_perm {
        let mut inv = vec![0; n];
        for (i, &p) in perm.iter().enumerate() {
            inv[p] = i;
        }
        perm = inv;
    }
    Ok(Lu { perm, l, u })
}

// ---------------------------------------------------------------- gaussian_elimination

/// Elimination on [A | b] with `cfg`'s pivot rule, then back substitution.
fn eliminate(
    a: &Matrix,
    b: &[f64],
    pivot: Pivot,
    swap_b: bool,
    guard: fn(f64) -> bool,
) -> Result<Vec<f64>, LinalgError> {
    not_square(a)?;
    let n = a.nrows();
    check_len(n, b.len())?;
    let mut u = a.clone();
    let mut c = b.to_vec();
    for k in 0..n {
        let p = choose(&u, k, pivot);
        if guard(u[(p, k)]) {
            return Err(LinalgError::Singular { column: k });
        }
        u.swap_rows(k, p);
        if swap_b {
            c.swap(k, p);
        }
        for i in k + 1..n {
            let m = u[(i, k)] / u[(k, k)];
            for j in k..n {
                let v = u[(k, j)];
                u[(i, j)] -= m * v;
            }
            c[i] -= m * c[k];
        }
    }
    sol::triangular::back_substitution(&u, &c)
}

fn exact_zero(x: f64) -> bool {
    x == 0.0
}

fn below_1e_10(x: f64) -> bool {
    x.abs() < 1e-10
}

fn never(_: f64) -> bool {
    false
}

/// Variant: the last largest candidate on ties.
fn solve_ties_last(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    eliminate(a, b, Pivot::LargestLast, true, exact_zero)
}

/// Variant: LU first, then the two triangular solves.
fn solve_by_lu(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(a.nrows(), b.len())?;
    let f = sol::lu::lu(a)?;
    sol::lu_solve::lu_solve(&f, b)
}

/// Bug: no pivot search.
fn solve_no_pivoting(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    eliminate(a, b, Pivot::None, true, exact_zero)
}

/// Bug: the first non-zero candidate is the pivot.
fn solve_first_nonzero(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    eliminate(a, b, Pivot::FirstNonzero, true, exact_zero)
}

/// Bug: the largest signed value is the pivot.
fn solve_largest_signed(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    eliminate(a, b, Pivot::LargestSigned, true, exact_zero)
}

/// Bug: the rows of A are swapped, the entries of b are not.
fn solve_b_not_swapped(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    eliminate(a, b, Pivot::Largest, false, exact_zero)
}

/// Bug: a pivot below 1e-10 counts as zero, whatever the scale of A.
fn solve_absolute_tol(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    eliminate(a, b, Pivot::Largest, true, below_1e_10)
}

/// Bug: never reports a singular matrix; divides by the zero pivot.
fn solve_unchecked(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let x = eliminate(a, b, Pivot::Largest, true, never);
    // The reference back substitution would still refuse the zero: hide that too.
    x.or_else(|_| Ok(vec![f64::NAN; b.len()]))
}

/// Bug: the elimination skips the last row.
fn solve_skips_last_row(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    not_square(a)?;
    check_len(a.nrows(), b.len())?;
    let f = factor(a, Elim { skip_last_row: true, ..ELIM })?;
    let pb: Vec<f64> = f.perm.iter().map(|&r| b[r]).collect();
    let y = sol::triangular::forward_substitution(&f.l, &pb)?;
    sol::triangular::back_substitution(&f.u, &y)
}

#[test]
fn gaussian_elimination() {
    let check = l05::gaussian_elimination;
    let pivoting = "needs_partial_pivoting";
    judge(
        "gaussian_elimination",
        vec![
            ("reference", check(sol::gaussian_elimination::solve), Pass),
            ("ties: last largest candidate", check(solve_ties_last), Pass),
            ("LU, then two triangular solves", check(solve_by_lu), Pass),
            ("no pivoting", check(solve_no_pivoting), Kill(pivoting, 6)),
            ("first non-zero pivot", check(solve_first_nonzero), Kill(pivoting, 6)),
            ("largest signed pivot", check(solve_largest_signed), Kill(pivoting, 6)),
            ("b not swapped", check(solve_b_not_swapped), Kill("textbook_examples", 6)),
            ("pivot < 1e-10 counts as zero", check(solve_absolute_tol), Kill("backward_stable", 2)),
            ("singular never reported", check(solve_unchecked), Kill("refuses_singular_and_wrong_shapes", 2)),
            ("last row not eliminated", check(solve_skips_last_row), Kill("backward_stable", 6)),
        ],
    );
}

// ---------------------------------------------------------------- lu_decomposition

/// Variant: the last largest candidate on ties.
fn lu_ties_last(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { pivot: Pivot::LargestLast, ..ELIM })
}

/// Variant: multipliers as u_ik · (1/u_kk).
fn lu_reciprocal(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { reciprocal: true, ..ELIM })
}

/// Variant: LAPACK's layout, L stored in place below U's diagonal: swapping
/// whole rows of the working matrix carries the multipliers along.
fn lu_in_place(a: &Matrix) -> Result<Lu, LinalgError> {
    not_square(a)?;
    let n = a.nrows();
    let mut w = a.clone();
    let mut perm: Vec<usize> = (0..n).collect();
    for k in 0..n {
        let p = choose(&w, k, Pivot::Largest);
        if w[(p, k)] == 0.0 {
            continue;
        }
        w.swap_rows(k, p);
        perm.swap(k, p);
        for i in k + 1..n {
            w[(i, k)] /= w[(k, k)];
            for j in k + 1..n {
                let v = w[(i, k)] * w[(k, j)];
                w[(i, j)] -= v;
            }
        }
    }
    let l = Matrix::from_fn(n, n, |i, j| {
        if i == j {
            1.0
        } else if j < i {
            w[(i, j)]
        } else {
            0.0
        }
    });
    let u = Matrix::from_fn(n, n, |i, j| if j >= i { w[(i, j)] } else { 0.0 });
    Ok(Lu { perm, l, u })
}

fn lu_no_pivoting(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { pivot: Pivot::None, ..ELIM })
}

fn lu_first_nonzero(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { pivot: Pivot::FirstNonzero, ..ELIM })
}

fn lu_largest_signed(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { pivot: Pivot::LargestSigned, ..ELIM })
}

fn lu_l_not_swapped(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { swap_l: false, ..ELIM })
}

fn lu_l_whole_rows_swapped(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { swap_l_whole: true, ..ELIM })
}

fn lu_inverse_perm(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { inverse_perm: true, ..ELIM })
}

fn lu_noise_below(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { zero_below: false, ..ELIM })
}

fn lu_refuses_singular(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { refuse_singular: true, ..ELIM })
}

fn lu_divides_by_zero(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { skip_zero_column: false, ..ELIM })
}

fn lu_skips_last_row(a: &Matrix) -> Result<Lu, LinalgError> {
    factor(a, Elim { skip_last_row: true, ..ELIM })
}

#[test]
fn lu_decomposition() {
    let check = l05::lu_decomposition;
    let pivoting = "needs_partial_pivoting";
    let random = "factors_random_matrices";
    judge(
        "lu_decomposition",
        vec![
            ("reference", check(sol::lu::lu), Pass),
            ("ties: last largest candidate", check(lu_ties_last), Pass),
            ("multipliers by reciprocal", check(lu_reciprocal), Pass),
            ("L in place, whole rows swapped", check(lu_in_place), Pass),
            ("no pivoting", check(lu_no_pivoting), Kill(pivoting, 4)),
            ("first non-zero pivot", check(lu_first_nonzero), Kill(pivoting, 4)),
            ("largest signed pivot", check(lu_largest_signed), Kill(pivoting, 4)),
            ("rows of L not swapped", check(lu_l_not_swapped), Kill(pivoting, 9)),
            ("whole rows of L swapped", check(lu_l_whole_rows_swapped), Kill(pivoting, 4)),
            ("inverse permutation returned", check(lu_inverse_perm), Kill(pivoting, 9)),
            ("U below the diagonal computed", check(lu_noise_below), Kill(random, 9)),
            ("singular matrix refused", check(lu_refuses_singular), Kill("rank_deficient", 9)),
            ("zero column divided by", check(lu_divides_by_zero), Kill("rank_deficient", 16)),
            ("last row not eliminated", check(lu_skips_last_row), Kill(random, 4)),
        ],
    );
}

// ---------------------------------------------------------------- lu_solve

type FSolve = fn(&Lu, &[f64]) -> Result<Vec<f64>, LinalgError>;
type FMany = fn(&Lu, &Matrix) -> Result<Matrix, LinalgError>;

fn check_lu_solve(lu_solve: FSolve, lu_solve_many: FMany, lu_solve_transpose: FSolve) -> ExerciseReport {
    l05::lu_solve(&LuSolve { lu_solve, lu_solve_many, lu_solve_transpose })
}

/// Variant: forward substitution without the division, since L has a unit diagonal.
fn ls_unit_forward(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(f.u.nrows(), b.len())?;
    let pb: Vec<f64> = f.perm.iter().map(|&r| b[r]).collect();
    let y = substitute(&f.l, &pb, true, Sub { divide: false, ..SUB })?;
    sol::triangular::back_substitution(&f.u, &y)
}

/// Variant: all columns at once, column-oriented loops over the whole block.
fn many_block(f: &Lu, b: &Matrix) -> Result<Matrix, LinalgError> {
    let n = f.u.nrows();
    check_len(n, b.nrows())?;
    if let Some(k) = (0..n).find(|&k| f.u[(k, k)] == 0.0) {
        return Err(LinalgError::Singular { column: k });
    }
    let mut x = Matrix::from_fn(n, b.ncols(), |i, j| b[(f.perm[i], j)]);
    for k in 0..n {
        for i in k + 1..n {
            for j in 0..b.ncols() {
                let v = f.l[(i, k)] * x[(k, j)];
                x[(i, j)] -= v;
            }
        }
    }
    for k in (0..n).rev() {
        for j in 0..b.ncols() {
            x[(k, j)] /= f.u[(k, k)];
        }
        for i in 0..k {
            for j in 0..b.ncols() {
                let v = f.u[(i, k)] * x[(k, j)];
                x[(i, j)] -= v;
            }
        }
    }
    Ok(x)
}

/// Variant: the transposed solve by column-oriented loops, without building Uᵀ and Lᵀ.
fn lst_columns(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let n = f.u.nrows();
    check_len(n, b.len())?;
    // Uᵀ is lower triangular with entries u[(j, i)]: read U with swapped indices.
    let z = substitute(&f.u, b, true, Sub { loops: Loops::Columns, swapped_indices: true, ..SUB })?;
    let w = substitute(&f.l, &z, false, Sub { loops: Loops::Columns, swapped_indices: true, ..SUB })?;
    let mut x = vec![0.0; n];
    for i in 0..n {
        x[f.perm[i]] = w[i];
    }
    Ok(x)
}

/// Bug: b is not permuted.
fn ls_no_perm(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(f.u.nrows(), b.len())?;
    let y = sol::triangular::forward_substitution(&f.l, b)?;
    sol::triangular::back_substitution(&f.u, &y)
}

/// Bug: b permuted the other way, pb[perm[i]] = b[i] (the same for swaps, not for 3-cycles).
fn ls_inverse_perm(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(f.u.nrows(), b.len())?;
    let mut pb = vec![0.0; b.len()];
    for (i, &r) in f.perm.iter().enumerate() {
        pb[r] = b[i];
    }
    let y = sol::triangular::forward_substitution(&f.l, &pb)?;
    sol::triangular::back_substitution(&f.u, &y)
}

/// Bug: U first, then L.
fn ls_wrong_order(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(f.u.nrows(), b.len())?;
    let pb: Vec<f64> = f.perm.iter().map(|&r| b[r]).collect();
    let y = sol::triangular::back_substitution(&f.u, &pb)?;
    sol::triangular::forward_substitution(&f.l, &y)
}

/// Bug: the solution is permuted at the end instead of b at the start.
fn ls_permutes_x(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    check_len(f.u.nrows(), b.len())?;
    let y = sol::triangular::forward_substitution(&f.l, b)?;
    let x = sol::triangular::back_substitution(&f.u, &y)?;
    Ok(f.perm.iter().map(|&r| x[r]).collect())
}

/// Bug: the columns of X built with `Matrix::from_columns`, which is 0×0 for no columns.
fn many_from_columns(f: &Lu, b: &Matrix) -> Result<Matrix, LinalgError> {
    check_len(f.u.nrows(), b.nrows())?;
    let cols: Result<Vec<Vec<f64>>, LinalgError> =
        (0..b.ncols()).map(|j| sol::lu_solve::lu_solve(f, &b.column(j))).collect();
    Ok(Matrix::from_columns(&cols?))
}

/// Bug: each solution written into a row of X (X is transposed).
fn many_rows(f: &Lu, b: &Matrix) -> Result<Matrix, LinalgError> {
    let x = sol::lu_solve::lu_solve_many(f, b)?;
    Ok(if x.nrows() == x.ncols() { transpose(&x) } else { x })
}

/// Bug: the transposed solve forgets the permutation.
fn lst_no_perm(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let n = f.u.nrows();
    check_len(n, b.len())?;
    let z = sol::triangular::forward_substitution(&transpose(&f.u), b)?;
    sol::triangular::back_substitution(&transpose(&f.l), &z)
}

/// Bug: the transposed solve undoes the permutation the wrong way, x[i] = w[perm[i]].
fn lst_perm_wrong_way(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let w = lst_no_perm(f, b)?;
    Ok(f.perm.iter().map(|&r| w[r]).collect())
}

/// Bug: "transposed" solve that solves Ax = b instead.
fn lst_not_transposed(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    sol::lu_solve::lu_solve(f, b)
}

/// The printed input of an `lu_solve` case holds A and b and the factorization
/// the checker made (perm, L, U): a 2×2 system counts 16 entries, a 3×3 one 33.
#[test]
fn lu_solve() {
    let (s, m, t) = (
        sol::lu_solve::lu_solve as FSolve,
        sol::lu_solve::lu_solve_many as FMany,
        sol::lu_solve::lu_solve_transpose as FSolve,
    );
    let one = "lu_solve_residual";
    let tr = "lu_solve_transpose_residual";
    judge(
        "lu_solve",
        vec![
            ("reference", check_lu_solve(s, m, t), Pass),
            (
                "unit-diagonal forward; block solve; column loops",
                check_lu_solve(ls_unit_forward, many_block, lst_columns),
                Pass,
            ),
            ("b not permuted", check_lu_solve(ls_no_perm, m, t), Kill(one, 16)),
            ("b permuted the other way", check_lu_solve(ls_inverse_perm, m, t), Kill(one, 33)),
            ("U before L", check_lu_solve(ls_wrong_order, m, t), Kill(one, 16)),
            ("x permuted instead of b", check_lu_solve(ls_permutes_x, m, t), Kill(one, 16)),
            ("X by from_columns", check_lu_solve(s, many_from_columns, t), Kill("hand_made_factors", 21)),
            ("X transposed", check_lu_solve(s, many_rows, t), Kill("lu_solve_many_columns", 18)),
            ("transpose: no permutation", check_lu_solve(s, m, lst_no_perm), Kill(tr, 16)),
            ("transpose: permuted the wrong way", check_lu_solve(s, m, lst_perm_wrong_way), Kill(tr, 33)),
            ("transpose: solves Ax = b", check_lu_solve(s, m, lst_not_transposed), Kill(tr, 16)),
        ],
    );
}

// ---------------------------------------------------------------- determinant_lu

fn product_of_diagonal(u: &Matrix) -> f64 {
    (0..u.nrows()).map(|k| u[(k, k)]).product()
}

/// Variant: the sign by sorting a copy of perm with swaps, one sign flip per swap.
fn det_by_swaps(a: &Matrix) -> Result<f64, LinalgError> {
    let f = sol::lu::lu(a)?;
    let mut p = f.perm.clone();
    let mut sign = 1.0;
    for i in 0..p.len() {
        while p[i] != i {
            let j = p[i];
            p.swap(i, j);
            sign = -sign;
        }
    }
    Ok(sign * product_of_diagonal(&f.u))
}

/// Variant: the sign from the cycles, (−1)^(n − number of cycles), on the last-max-ties LU.
fn det_by_cycles(a: &Matrix) -> Result<f64, LinalgError> {
    let f = lu_ties_last(a)?;
    let n = f.perm.len();
    let mut seen = vec![false; n];
    let mut cycles = 0;
    for start in 0..n {
        if !seen[start] {
            cycles += 1;
            let mut i = start;
            while !seen[i] {
                seen[i] = true;
                i = f.perm[i];
            }
        }
    }
    let sign = if (n - cycles) % 2 == 0 { 1.0 } else { -1.0 };
    Ok(sign * product_of_diagonal(&f.u))
}

/// Bug: the sign of the permutation is left out.
fn det_no_sign(a: &Matrix) -> Result<f64, LinalgError> {
    Ok(product_of_diagonal(&sol::lu::lu(a)?.u))
}

/// Bug: the sign is (−1) to the number of rows that moved.
fn det_displaced_rows(a: &Matrix) -> Result<f64, LinalgError> {
    let f = sol::lu::lu(a)?;
    let moved = f.perm.iter().enumerate().filter(|&(i, &p)| i != p).count();
    Ok(if moved % 2 == 0 { 1.0 } else { -1.0 } * product_of_diagonal(&f.u))
}

/// The sign of a permutation: −1 for every pair out of order.
fn perm_sign(perm: &[usize]) -> f64 {
    let mut sign = 1.0;
    for i in 0..perm.len() {
        for j in i + 1..perm.len() {
            if perm[i] > perm[j] {
                sign = -sign;
            }
        }
    }
    sign
}

/// Bug: the product stops before the last diagonal entry, `0..n - 1`.
fn det_off_by_one(a: &Matrix) -> Result<f64, LinalgError> {
    let f = sol::lu::lu(a)?;
    let n = f.u.nrows();
    Ok(perm_sign(&f.perm) * (0..n.saturating_sub(1)).map(|k| f.u[(k, k)]).product::<f64>())
}

/// Bug: the absolute value.
fn det_abs(a: &Matrix) -> Result<f64, LinalgError> {
    Ok(sol::determinant::det(a)?.abs())
}

/// Bug: a singular matrix is refused.
fn det_refuses_singular(a: &Matrix) -> Result<f64, LinalgError> {
    let d = sol::determinant::det(a)?;
    if d == 0.0 { Err(LinalgError::Singular { column: 0 }) } else { Ok(d) }
}

#[test]
fn determinant_lu() {
    let check = l05::determinant_lu;
    let sign = "sign_of_the_permutation";
    judge(
        "determinant_lu",
        vec![
            ("reference", check(sol::determinant::det), Pass),
            ("sign by sorting perm with swaps", check(det_by_swaps), Pass),
            ("sign by cycles, ties last", check(det_by_cycles), Pass),
            ("no sign", check(det_no_sign), Kill(sign, 16)),
            ("sign from the rows that moved", check(det_displaced_rows), Kill(sign, 4)),
            ("last u_kk left out", check(det_off_by_one), Kill("matches_the_determinant", 1)),
            ("absolute value", check(det_abs), Kill(sign, 4)),
            ("singular refused", check(det_refuses_singular), Kill("singular_is_zero", 1)),
        ],
    );
}

// ---------------------------------------------------------------- inverse_lu

/// Variant: Gauss–Jordan on [A | I] with partial pivoting.
fn inverse_gauss_jordan(a: &Matrix) -> Result<Matrix, LinalgError> {
    not_square(a)?;
    let n = a.nrows();
    let mut w = Matrix::from_fn(n, 2 * n, |i, j| {
        if j < n {
            a[(i, j)]
        } else if j - n == i {
            1.0
        } else {
            0.0
        }
    });
    for k in 0..n {
        let p = (k..n).fold(k, |p, i| if w[(i, k)].abs() > w[(p, k)].abs() { i } else { p });
        if w[(p, k)] == 0.0 {
            return Err(LinalgError::Singular { column: k });
        }
        w.swap_rows(k, p);
        let pivot = w[(k, k)];
        for x in w.row_mut(k) {
            *x /= pivot;
        }
        for i in (0..n).filter(|&i| i != k) {
            let m = w[(i, k)];
            for j in 0..2 * n {
                let v = w[(k, j)];
                w[(i, j)] -= m * v;
            }
        }
    }
    Ok(Matrix::from_fn(n, n, |i, j| w[(i, n + j)]))
}

/// Variant: one `lu_solve` per column of the identity, with the last-max-ties LU.
fn inverse_columns(a: &Matrix) -> Result<Matrix, LinalgError> {
    let f = lu_ties_last(a)?;
    let n = a.nrows();
    let mut x = Matrix::zeros(n, n);
    for j in 0..n {
        let e: Vec<f64> = (0..n).map(|i| if i == j { 1.0 } else { 0.0 }).collect();
        let col = sol::lu_solve::lu_solve(&f, &e)?;
        for i in 0..n {
            x[(i, j)] = col[i];
        }
    }
    Ok(x)
}

/// Bug: the solutions are written into rows: the transpose of A⁻¹.
fn inverse_transposed(a: &Matrix) -> Result<Matrix, LinalgError> {
    Ok(transpose(&sol::inverse::inverse(a)?))
}

/// Bug: P is left out: U⁻¹L⁻¹ = (PA)⁻¹.
fn inverse_no_perm(a: &Matrix) -> Result<Matrix, LinalgError> {
    let mut f = sol::lu::lu(a)?;
    f.perm = (0..a.nrows()).collect();
    sol::lu_solve::lu_solve_many(&f, &Matrix::identity(a.nrows()))
}

/// Bug: no zero check in the solves; a singular A gives infinities.
fn inverse_unchecked(a: &Matrix) -> Result<Matrix, LinalgError> {
    match sol::inverse::inverse(a) {
        Err(LinalgError::Singular { .. }) => Ok(Matrix::from_fn(a.nrows(), a.ncols(), |_, _| f64::INFINITY)),
        other => other,
    }
}

/// Bug: L⁻¹ and U⁻¹ in the wrong order: L⁻¹U⁻¹P.
fn inverse_wrong_order(a: &Matrix) -> Result<Matrix, LinalgError> {
    let f = sol::lu::lu(a)?;
    let n = a.nrows();
    let ident = Matrix::identity(n);
    let cols: Result<Vec<Vec<f64>>, LinalgError> = (0..n)
        .map(|j| {
            let e: Vec<f64> = f.perm.iter().map(|&r| ident[(r, j)]).collect();
            let y = sol::triangular::back_substitution(&f.u, &e)?;
            sol::triangular::forward_substitution(&f.l, &y)
        })
        .collect();
    let cols = cols?;
    Ok(Matrix::from_fn(n, n, |i, j| cols[j][i]))
}

#[test]
fn inverse_lu() {
    let check = l05::inverse_lu;
    let prop = "a_times_inverse_is_identity";
    judge(
        "inverse_lu",
        vec![
            ("reference", check(sol::inverse::inverse), Pass),
            ("Gauss–Jordan on [A | I]", check(inverse_gauss_jordan), Pass),
            ("column by column, ties last", check(inverse_columns), Pass),
            ("transposed", check(inverse_transposed), Kill(prop, 4)),
            ("P left out", check(inverse_no_perm), Kill(prop, 4)),
            ("singular not refused", check(inverse_unchecked), Kill("refuses_singular_and_non_square", 1)),
            ("L⁻¹ and U⁻¹ swapped", check(inverse_wrong_order), Kill(prop, 4)),
        ],
    );
}

// ---------------------------------------------------------------- condition_number

fn sum_abs(v: &[f64]) -> f64 {
    v.iter().map(|x| x.abs()).sum()
}

fn sign(v: &[f64]) -> Vec<f64> {
    v.iter().map(|&x| if x >= 0.0 { 1.0 } else { -1.0 }).collect()
}

/// x ↦ A⁻¹x or x ↦ A⁻ᵀx, through one factorization.
type Apply<'a> = dyn Fn(&[f64]) -> Result<Vec<f64>, LinalgError> + 'a;

/// Hager's original method (Higham's Algorithm 15.1 form): climb while
/// ‖z‖∞ > zᵀx, at most 5 steps, no alternative vector; `solve` and
/// `solve_t` apply A⁻¹ and A⁻ᵀ.
fn hager(n: usize, solve: &Apply, solve_t: &Apply) -> Result<f64, LinalgError> {
    let mut x = vec![1.0 / n as f64; n];
    let mut est = 0.0_f64;
    for _ in 0..5 {
        let y = solve(&x)?;
        est = est.max(sum_abs(&y));
        let z = solve_t(&sign(&y))?;
        let j = (0..n).fold(0, |j, i| if z[i].abs() > z[j].abs() { i } else { j });
        let ztx: f64 = z.iter().zip(&x).map(|(a, b)| a * b).sum();
        if z[j].abs() <= ztx {
            break;
        }
        x = vec![0.0; n];
        x[j] = 1.0;
    }
    Ok(est)
}

/// Variant: Hager's original method, without Higham's refinements.
fn cond_plain_hager(a: &Matrix) -> Result<f64, LinalgError> {
    let f = sol::lu::lu(a)?;
    let est = hager(a.nrows(), &|x| sol::lu_solve::lu_solve(&f, x), &|x| sol::lu_solve::lu_solve_transpose(&f, x))?;
    Ok(sol::condition::norm_1(a) * est)
}

/// Variant: the exact κ₁ from the whole inverse.
fn cond_exact(a: &Matrix) -> Result<f64, LinalgError> {
    Ok(sol::condition::norm_1(a) * sol::condition::norm_1(&sol::inverse::inverse(a)?))
}

/// Variant: norm_1 by a running maximum over column sums written with iterators.
fn norm_1_iter(a: &Matrix) -> f64 {
    (0..a.ncols()).map(|j| a.column(j).iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max)
}

/// Bug: ‖A‖₁ computed as the largest row sum (the ∞-norm).
fn norm_1_rows(a: &Matrix) -> f64 {
    a.rows().map(|r| r.iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max)
}

/// Bug: the Frobenius norm.
fn norm_1_frobenius(a: &Matrix) -> f64 {
    a.as_slice().iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// Bug: the estimate of ‖A⁻¹‖₁ without the ‖A‖₁ factor.
fn cond_missing_norm(a: &Matrix) -> Result<f64, LinalgError> {
    let n1 = sol::condition::norm_1(a);
    Ok(sol::condition::cond_1_estimate(a)? / n1)
}

/// Bug: κ∞ instead of κ₁: ‖A‖∞ times the same search with the roles of A and Aᵀ swapped.
fn cond_inf_norm(a: &Matrix) -> Result<f64, LinalgError> {
    let f = sol::lu::lu(a)?;
    let est = hager(a.nrows(), &|x| sol::lu_solve::lu_solve_transpose(&f, x), &|x| sol::lu_solve::lu_solve(&f, x))?;
    Ok(norm_1_rows(a) * est)
}

/// Bug: a singular matrix gives +∞ instead of an error.
fn cond_infinite(a: &Matrix) -> Result<f64, LinalgError> {
    match sol::condition::cond_1_estimate(a) {
        Err(LinalgError::Singular { .. }) => Ok(f64::INFINITY),
        other => other,
    }
}

/// Bug: only the first step, ‖A‖₁·‖A⁻¹(1/n, …, 1/n)‖₁.
fn cond_first_step(a: &Matrix) -> Result<f64, LinalgError> {
    let f = sol::lu::lu(a)?;
    let n = a.nrows();
    let y = sol::lu_solve::lu_solve(&f, &vec![1.0 / n as f64; n])?;
    Ok(sol::condition::norm_1(a) * sum_abs(&y))
}

type Norm = fn(&Matrix) -> f64;
type Cond = fn(&Matrix) -> Result<f64, LinalgError>;

fn check_condition(norm_1: Norm, cond_1_estimate: Cond) -> ExerciseReport {
    l05::condition_number(&Condition { norm_1, cond_1_estimate })
}

#[test]
fn condition_number() {
    let (n, c) = (sol::condition::norm_1 as Norm, sol::condition::cond_1_estimate as Cond);
    let close = "estimate_close_to_kappa";
    judge(
        "condition_number",
        vec![
            ("reference", check_condition(n, c), Pass),
            ("Hager without Higham's refinements", check_condition(n, cond_plain_hager), Pass),
            ("exact κ₁ from the inverse; iterator norm", check_condition(norm_1_iter, cond_exact), Pass),
            ("norm_1 sums rows", check_condition(norm_1_rows, c), Kill("norm_1_is_largest_column_sum", 2)),
            ("norm_1 is Frobenius", check_condition(norm_1_frobenius, c), Kill("norm_1_is_largest_column_sum", 2)),
            ("‖A‖₁ factor missing", check_condition(n, cond_missing_norm), Kill(close, 1)),
            ("κ∞ instead of κ₁", check_condition(n, cond_inf_norm), Kill("estimate_at_most_kappa", 9)),
            ("singular gives +∞", check_condition(n, cond_infinite), Kill("refuses_singular_and_non_square", 1)),
            ("first step only", check_condition(n, cond_first_step), Kill(close, 9)),
        ],
    );
}
