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
    // TODO: tol = 1000·max(m, n)·ε·‖A‖∞; per column: largest |entry| among rows without a pivot, swap, divide, eliminate.
    todo!("lesson 04: rref")
}
