//! Lesson 9, exercise 4: matrix powers through diagonalization.
//!
//! When $A$ has $n$ independent eigenvectors, put them in the columns of $S$
//! and the eigenvalues on the diagonal of $D$: $AS = SD$, so
//! $$A = S D S^{-1}, \qquad A^k = S D S^{-1} S D S^{-1} \cdots = S D^k S^{-1}.$$
//! In the eigenvector basis $A$ just stretches each coordinate by its
//! eigenvalue, and $k$ steps stretch it by $\lambda^k$: powers, and every
//! function of $A$ built from them (the exponential of a linear ODE, the
//! $k$-step transition matrix of a Markov chain), are read off the
//! eigenvalues. For large $k$ the largest $|\lambda|$ wins, which is why
//! repeated multiplication finds the dominant eigenvector (lesson 10).
//!
//! As in lesson 5, $S^{-1}$ is never formed. The product $B = SD^k$ only
//! scales the columns of $S$; then $A^k = B S^{-1}$ means $A^k S = B$, and
//! transposed, $S^\top (A^k)^\top = B^\top$: row $i$ of $A^k$ solves
//! $S^\top y = $ row $i$ of $B$, one LU factorization of $S$ and one
//! transposed solve per row. How accurate the result is depends on
//! $\kappa(S)$: with nearly parallel eigenvectors, small rounding errors in
//! $S^{-1}$ are amplified, and a matrix that is not diagonalizable at all
//! (rows $(1, 1), (0, 1)$) has no such $S$.

use vocab::{LinalgError, Matrix};

use crate::l05::lu::lu;
use crate::l05::lu_solve::lu_solve_transpose;

/// $A^k = S D^k S^{-1}$ from the eigenvectors $S$ (columns) and eigenvalues
/// $d$ of $A$, with $D = \operatorname{diag}(d)$, without forming $S^{-1}$.
///
/// - `s` is $n \times n$ with independent columns, `d` has length $n$
///   (column $j$ of $S$ belongs to $d_j$), $k \ge 0$. The result is
///   $n \times n$; $k = 0$ gives $I$ (up to rounding), with $0^0 = 1$.
/// - Steps: $B = S D^k$ (column $j$ of $S$ times $d_j^k$, `d[j].powf(f64::from(k))`, exact
///   for small integers and correctly signed for negative $d_j$);
///   your lesson-5 `lu` of $S$; row $i$ of the result is your
///   `lu_solve_transpose` of that factorization with row $i$ of $B$ (it
///   solves $S^\top y = b$).
/// - `Err(LinalgError::NotSquare { rows, cols })` when `s` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: n, found: d.len() })`
///   when `d` has the wrong length; `Err(LinalgError::Singular { column })`
///   from your LU solve when $S$ is singular (exactly zero pivot).
/// - Example: $S$ with rows $(1, 1), (1, -1)$ and $d = (3, 1)$ describe
///   $A$ with rows $(2, 1), (1, 2)$. With $k = 2$: $B = SD^2$ has rows
///   $(9, 1), (9, -1)$, and $A^2 = BS^{-1}$ has rows $(5, 4), (4, 5)$, which
///   is $A \cdot A$.
pub fn power_by_diagonalization(s: &Matrix, d: &[f64], k: u32) -> Result<Matrix, LinalgError> {
    // TODO: check the shapes; B = S with column j times d_j^k; your lu(s); row i of the result = your lu_solve_transpose(&f, row i of B).
    todo!("lesson 09: power_by_diagonalization")
}
