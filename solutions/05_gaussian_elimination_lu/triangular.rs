//! Lesson 5, exercise 1: triangular systems, by forward and back substitution.
//!
//! A triangular system is the easy case of $Ax = b$. When $L$ is lower
//! triangular, equation 0 holds one unknown, $\ell_{00} x_0 = b_0$; equation 1
//! holds $x_0$, already known, and one new unknown $x_1$; and so on down:
//! each equation brings exactly one new unknown. Solving them in order is
//! *forward substitution*; for an upper triangular $U$ the same idea runs from
//! the last equation up, *back substitution*. Each costs about $n^2$
//! flops, against $2n^3/3$ for elimination: every later exercise of this
//! lesson reduces $Ax = b$ to two triangular solves.
//!
//! A triangular matrix is invertible exactly when no diagonal entry is zero
//! (its determinant is the product of the diagonal). Like LAPACK's `trtrs`,
//! these functions refuse only an exact `0.0` on the diagonal: a tiny diagonal
//! entry gives a huge answer, which is the right answer to the rounded problem.
//! How far to trust it is the question of the last exercise, the condition
//! number.

use vocab::{LinalgError, Matrix};

/// The solution $x$ of $Lx = b$ for a lower triangular $L$, by forward
/// substitution: $x_i = \bigl(b_i - \sum_{j < i} \ell_{ij} x_j\bigr) / \ell_{ii}$
/// for $i = 0, 1, \dots, n-1$.
///
/// - `l` is $n \times n$; only its lower triangle, diagonal included, is read:
///   the entries above the diagonal are ignored, whatever they hold. The
///   diagonal may hold any non-zero numbers (it is not assumed to be 1).
/// - `Err(LinalgError::NotSquare { rows, cols })` when `l` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: n, found: b.len() })` when
///   `b` does not have length $n$;
///   `Err(LinalgError::Singular { column: k })` when $\ell_{kk}$ is exactly
///   `0.0` (for any such $k$ if there are several; the reference reports the
///   smallest). A tiny non-zero diagonal entry is not an error.
/// - The $0 \times 0$ system has the empty solution.
/// - Example: $L = \begin{pmatrix} 2 & 0 \\ 1 & 4 \end{pmatrix}$, $b = (4, 10)$:
///   $x_0 = 4/2 = 2$, then $x_1 = (10 - 1 \cdot 2)/4 = 2$.
pub fn forward_substitution(l: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let (rows, cols) = l.shape();
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    if b.len() != rows {
        return Err(LinalgError::DimensionMismatch { expected: rows, found: b.len() });
    }
    // A zero on the diagonal makes the matrix singular: refuse it before dividing.
    for k in 0..rows {
        if l[(k, k)] == 0.0 {
            return Err(LinalgError::Singular { column: k });
        }
    }
    let n = b.len();
    let mut x = vec![0.0; n];
    for i in 0..n {
        // Row i of L·x = b: only x_0..x_{i-1} are known, and they are all it needs
        // besides x_i itself. Entries right of the diagonal are never read.
        let mut s = b[i];
        for j in 0..i {
            s -= l[(i, j)] * x[j];
        }
        x[i] = s / l[(i, i)];
    }
    Ok(x)
}

/// The solution $x$ of $Ux = b$ for an upper triangular $U$, by back
/// substitution: $x_i = \bigl(b_i - \sum_{j > i} u_{ij} x_j\bigr) / u_{ii}$
/// for $i = n-1, n-2, \dots, 0$.
///
/// - `u` is $n \times n$; only its upper triangle, diagonal included, is read:
///   the entries below the diagonal are ignored, whatever they hold.
/// - The same errors as [`forward_substitution`]: `NotSquare`,
///   `DimensionMismatch { expected: n, found: b.len() }`, and
///   `Singular { column: k }` when $u_{kk}$ is exactly `0.0` (any such $k$; the
///   reference reports the smallest).
/// - The $0 \times 0$ system has the empty solution.
/// - Example: $U = \begin{pmatrix} 2 & 1 \\ 0 & 4 \end{pmatrix}$, $b = (4, 8)$:
///   $x_1 = 8/4 = 2$, then $x_0 = (4 - 1 \cdot 2)/2 = 1$.
pub fn back_substitution(u: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let (rows, cols) = u.shape();
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    if b.len() != rows {
        return Err(LinalgError::DimensionMismatch { expected: rows, found: b.len() });
    }
    // A zero on the diagonal makes the matrix singular: refuse it before dividing.
    for k in 0..rows {
        if u[(k, k)] == 0.0 {
            return Err(LinalgError::Singular { column: k });
        }
    }
    let n = b.len();
    let mut x = vec![0.0; n];
    // From the last row up: row i needs x_{i+1}..x_{n-1}, found in earlier steps.
    for i in (0..n).rev() {
        let mut s = b[i];
        for j in i + 1..n {
            s -= u[(i, j)] * x[j];
        }
        x[i] = s / u[(i, i)];
    }
    Ok(x)
}
