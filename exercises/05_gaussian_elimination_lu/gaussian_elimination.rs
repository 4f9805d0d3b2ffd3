//! Lesson 5, exercise 2: solving $Ax = b$ by Gaussian elimination with partial pivoting.
//!
//! Elimination turns a square system $Ax = b$ into a triangular one with the
//! same solution. Column by column, it subtracts multiples of the pivot row
//! from the rows below, until $A$ has become an upper triangular $U$ and $b$
//! has become $c$; then back substitution (exercise 1) solves $Ux = c$. Row
//! operations done to both sides never change the solution.
//!
//! The pivot is the entry that the rows below are divided by. Textbooks take
//! the first non-zero one; a computer must not. With
//! $A = \begin{pmatrix} 10^{-15} & 1 \\ 1 & 1 \end{pmatrix}$ the first pivot
//! $10^{-15}$ makes a multiplier of $10^{15}$, the second row becomes
//! $(0,\ 1 - 10^{15})$, and the rounding error hidden in that huge number
//! swamps the answer. *Partial pivoting* swaps the row with the largest
//! $|a_{ik}|$ into the pivot position first, so every multiplier has
//! $|m| \le 1$ and rounding errors stay the size of the numbers involved.

use vocab::{LinalgError, Matrix};

use crate::l05::triangular::back_substitution;

/// The solution $x$ of $Ax = b$ for a square `a`, by Gaussian elimination
/// with partial pivoting on copies of `a` and `b`, then your
/// [`back_substitution`].
///
/// - For each column $k = 0, 1, \dots$: the pivot row is the row $p \ge k$
///   with the largest $|a_{pk}|$ (any one of equal largest entries); swap rows
///   $p$ and $k$ of the matrix *and* of the right-hand side, then for each row
///   $i > k$ subtract $m = a_{ik} / a_{kk}$ times row $k$ from row $i$, and
///   $m\,c_k$ from $c_i$.
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: n, found: b.len() })` when
///   `b` does not have length $n$;
///   `Err(LinalgError::Singular { column: k })` when every candidate
///   $|a_{ik}|$, $i \ge k$, of column $k$ is exactly `0.0`: then $A$ is
///   singular. (When rounding leaves a tiny non-zero pivot instead, the
///   answer is huge; the condition number of the last exercise says how far
///   to trust it.)
/// - The $0 \times 0$ system has the empty solution.
/// - Example: $A = \begin{pmatrix} 0 & 1 \\ 2 & 1 \end{pmatrix}$,
///   $b = (1, 4)$: swap the rows (the pivot of column 0 is 2), giving
///   $2x_0 + x_1 = 4$, $x_1 = 1$; back substitution gives $x = (1.5, 1)$.
pub fn solve(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    // TODO: check the shapes; on copies of A and b, per column k: swap in the row with the largest |a_ik| (i ≥ k; Singular if it is 0.0), eliminate below; then your back_substitution.
    todo!("lesson 05: solve")
}
