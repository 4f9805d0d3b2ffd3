//! Lesson 5, exercise 6: the inverse, from one LU factorization.
//!
//! $A^{-1}$ is the matrix $X$ with $AX = I$: column $j$ of $X$ solves
//! $Ax = e_j$. So factor $A$ once and solve for the $n$ columns of the
//! identity: $2n^3/3$ flops for the factorization and $2n^2$ for each column,
//! $8n^3/3$ in all.
//!
//! You will rarely need it: to solve $Ax = b$, `lu_solve` is faster and more
//! accurate than forming $A^{-1} b$. The inverse is for when its entries
//! themselves mean something, as in the covariance of regression
//! coefficients, $\sigma^2 (X^\top X)^{-1}$.

use vocab::{LinalgError, Matrix};

use crate::l05::lu::lu;
use crate::l05::lu_solve::lu_solve_many;

/// $A^{-1}$ for a square, invertible `a`: your [`lu`], then your
/// [`lu_solve_many`] with the identity as right-hand side.
///
/// - Column $j$ of the result solves $Ax = e_j$, so $AA^{-1} = I$ (up to
///   rounding).
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::Singular { column: k })` when some $u_{kk}$ of its LU
///   factorization is exactly `0.0`. The $0 \times 0$ matrix is its own
///   inverse.
/// - Example: $A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$ has
///   $A^{-1} = \begin{pmatrix} -2 & 1 \\ 1.5 & -0.5 \end{pmatrix}$ (not its
///   transpose: row 0 of $A^{-1}$ times column 0 of $A$ is $-2 + 3 = 1$).
pub fn inverse(a: &Matrix) -> Result<Matrix, LinalgError> {
    // TODO: your lu, then your lu_solve_many with the n×n identity.
    todo!("lesson 05: inverse")
}
