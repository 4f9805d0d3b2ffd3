//! Lesson 4, exercise 1: the reduced row echelon form, by Gauss–Jordan elimination.
//!
//! Row operations (swap two rows, scale a row, add a multiple of one row to
//! another) are invertible, so they change neither the row space nor the null
//! space of $A$. Gauss–Jordan elimination uses them to bring $A$ to its reduced
//! row echelon form $R$, which is unique: every question of this lesson (rank,
//! bases of the four subspaces) is read off $R$ and its pivot columns.
//!
//! In floating point, "is this entry zero?" needs a tolerance: elimination on a
//! singular matrix leaves rounding noise of size about $\varepsilon \lVert A \rVert$
//! where exact arithmetic leaves 0.

use vocab::Matrix;

/// The reduced row echelon form $R$ of `a` and its pivot columns, by
/// Gauss–Jordan elimination with partial pivoting.
///
/// - Returns `(r, pivots)`. `r` is $m \times n$ like `a`; `pivots` lists the pivot
///   columns in increasing order, and row `i` of `r` has its leading 1 in column
///   `pivots[i]`. The rank is `pivots.len()`.
/// - Reduced form, exactly: each pivot is `1.0`, every other entry of a pivot
///   column is `0.0`, every entry left of a row's pivot is `0.0`, and the rows
///   below the last pivot are all `0.0`.
/// - Partial pivoting: for column $j$, the pivot is the entry of largest
///   $|r_{ij}|$ in the matrix as reduced so far, among the rows that have no
///   pivot yet (any one of equal largest entries will do).
/// - Tolerance: an entry counts as zero when $|x| \le \mathrm{tol}$, with
///   $\mathrm{tol} = 1000 \cdot \max(m, n) \cdot \varepsilon \cdot \lVert A \rVert_\infty$,
///   where $\varepsilon$ is `f64::EPSILON` and $\lVert A \rVert_\infty$ is the
///   largest absolute row sum of `a`. When no remaining entry of a column
///   exceeds `tol`, that column has no pivot, and its remaining entries are set
///   to exactly `0.0`. The tolerance scales with $A$, so $2^{40} A$ and
///   $2^{-40} A$ have the same pivots as $A$.
/// - The checks never pass an empty matrix ($m, n \ge 1$).
/// - Example: $A = \begin{pmatrix} 1 & 2 & 3 \\ 2 & 4 & 7 \end{pmatrix}$ gives
///   $R = \begin{pmatrix} 1 & 2 & 0 \\ 0 & 0 & 1 \end{pmatrix}$ and pivots `[0, 2]`:
///   column 1 is twice column 0.
pub fn rref(a: &Matrix) -> (Matrix, Vec<usize>) {
    let (m, n) = a.shape();
    // The tolerance is relative to the size of A: a fixed 1e-10 would call every
    // entry of 1e-12·A zero, and keep the rounding noise of 1e8·A as pivots.
    // max(m, n)·ε·‖A‖∞ (MATLAB's default for `rref`) is about the noise of one
    // elimination step, but noise adds up over the steps and grows after small
    // pivots: the rank-3 integer matrix with rows (-12, -1, 5, 1, -10, 5),
    // (-1, 9, 13, 6, -5, 9), (4, -8, -13, 5, 8, -3), (-3, -12, -15, -6, 3, -9)
    // leaves a last candidate of 1.1e-13, 1.7 times that rule. So allow a
    // thousand times more. Real pivots of the small integer matrices in the
    // checks are above 1e-5·‖A‖∞: the gap is wide on both sides.
    let norm_inf = a.rows().map(|row| row.iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max);
    let tol = 1000.0 * m.max(n) as f64 * f64::EPSILON * norm_inf;

    let mut r = a.clone();
    let mut pivots = Vec::new();
    for j in 0..n {
        // Rows 0..row already hold pivots; the next pivot goes into row `row`.
        let row = pivots.len();
        if row == m {
            break;
        }
        // Partial pivoting: the largest |entry| of column j among the rows without a pivot yet.
        // A small pivot would mean large multipliers, and they magnify rounding errors.
        let mut p = row;
        for i in row + 1..m {
            if r[(i, j)].abs() > r[(p, j)].abs() {
                p = i;
            }
        }
        if r[(p, j)].abs() <= tol {
            // No pivot in this column: what is left of it is rounding noise.
            for i in row..m {
                r[(i, j)] = 0.0;
            }
            continue;
        }
        r.swap_rows(row, p);
        // Scale the pivot row so that the pivot is 1 (x / x is exactly 1.0).
        let pivot = r[(row, j)];
        for x in r.row_mut(row) {
            *x /= pivot;
        }
        // Eliminate column j from every other row, above and below the pivot.
        // Entries left of column j in the pivot row are already 0, so start at j.
        for i in (0..m).filter(|&i| i != row) {
            let factor = r[(i, j)];
            for k in j + 1..n {
                let v = r[(row, k)];
                r[(i, k)] -= factor * v;
            }
            r[(i, j)] = 0.0;
        }
        pivots.push(j);
    }
    (r, pivots)
}
