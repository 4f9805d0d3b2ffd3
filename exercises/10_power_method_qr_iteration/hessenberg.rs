//! Lesson 10, exercise 4: reduction to Hessenberg form.
//!
//! No finite sequence of arithmetic operations and root extractions computes
//! the eigenvalues of a general $n \times n$ matrix when $n \ge 5$ (they are
//! the roots of its characteristic polynomial, and Abel and Galois showed
//! that no formula gives those). Every eigenvalue method iterates. What can
//! be done in a finite number of steps is to bring $A$ *close* to triangular by similarity
//! transformations $A \mapsto Q^\top A Q$, which keep the eigenvalues: the
//! *upper Hessenberg* form, zero below the first subdiagonal.
//!
//! A Householder reflector $H_k$ built from column $k$ below the subdiagonal
//! (rows $k+1$ onwards) zeroes rows $k+2, \dots$ of that column when applied
//! from the left. Applied from the right as well (it must be, for a
//! similarity), it mixes columns $k+1$ onwards only, so the zeros of column
//! $k$ survive. Why not reflect from the diagonal down, all the way to a
//! triangle? Because the right multiplication would then mix column $k$ back
//! in and destroy the zeros just made. One subdiagonal is as far as a finite
//! method can go.
//!
//! What it buys: one QR step on a Hessenberg matrix costs $O(n^2)$ flops
//! (with rotations, one per subdiagonal entry) instead of $O(n^3)$, and the
//! form is kept by the step. For a symmetric $A$ the Hessenberg form is
//! symmetric, hence *tridiagonal*, and a QR step costs $O(n)$.
//! The reduction itself costs $10n^3/3$ flops, plus $4n^3/3$ for $Q$.

use vocab::{LinalgError, Matrix};

use crate::l08::householder::{apply_householder, householder};

/// The Hessenberg form of a square matrix: `(q, h)` with $A = Q H Q^\top$,
/// $Q$ orthogonal and $H$ upper Hessenberg ($h_{ij} = 0$ for $i > j + 1$).
///
/// - For $k = 0, 1, \dots, n-3$: your lesson-8 `householder` of column $k$
///   from row $k+1$ down; apply it from the left to rows $k+1..n$ (columns
///   $k..n$, with your `apply_householder`) and from the right to columns
///   $k+1..n$ of every row ($h \leftarrow h - \beta (h v) v^\top$, row by
///   row). Store exact `0.0` below the subdiagonal of column $k$.
/// - $Q = H_0 H_1 \cdots H_{n-3}$: accumulate it backwards from the
///   identity, as in your `householder_qr` ($H_k$ acts on rows and columns
///   $k+1$ onwards). Never form an $n \times n$ reflector.
/// - The $1 \times 1$ and $2 \times 2$ matrices are Hessenberg already:
///   $Q = I$, $H = A$.
/// - When $A$ is symmetric, $H$ is tridiagonal up to rounding (the entries
///   above the superdiagonal are of the order $u \lVert A \rVert$, not
///   zero: store what the arithmetic gives).
/// - `Err(LinalgError::Empty)` for the $0 \times 0$ matrix;
///   `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square.
/// - Example: $A$ with rows $(1, 3, 4), (3, 1, 0), (4, 0, 1)$: the reflector
///   of $(3, 4)$ is $v = (1, 0.5)$, $\beta = 1.6$, so $H$ has rows
///   $(1, -5, 0), (-5, 1, 0), (0, 0, 1)$ and $Q$ rows $(1, 0, 0),
///   (0, -0.6, -0.8), (0, -0.8, 0.6)$.
pub fn hessenberg(a: &Matrix) -> Result<(Matrix, Matrix), LinalgError> {
    // TODO: for k < n − 2: your householder of h[k+1.., k], your apply_householder at (k+1, k), the same reflector on columns k+1.. of every row, zeros below; Q backwards from I.
    todo!("lesson 10: hessenberg")
}
