//! Lesson 6, exercise 1: the Gram matrix $A^\top A$ and the vector $A^\top b$.
//!
//! When $Ax = b$ has more equations than unknowns ($A$ is $m \times n$ with
//! $m > n$), there is usually no exact solution, and least squares asks for
//! the $x$ that makes the residual $r = b - Ax$ as short as possible. The best
//! $x$ leaves a residual orthogonal to every column of $A$,
//! $A^\top (b - Ax) = 0$, which is the $n \times n$ system of the *normal
//! equations* $A^\top A\, x = A^\top b$.
//!
//! Entry $(i, j)$ of the Gram matrix $A^\top A$ is column $i$ of $A$ dotted
//! with column $j$, and entry $j$ of $A^\top b$ is column $j$ dotted with $b$:
//! however tall the problem, it is summed up by $n^2 + n$ dot products of
//! length $m$. Using the symmetry, forming $A^\top A$ costs about $mn^2$ flops,
//! the bulk of the work when $m \gg n$.

use vocab::{LinalgError, Matrix};

use crate::l02::dot_product::dot;

/// The Gram matrix $G = A^\top A$, with $g_{ij} = a_i \cdot a_j$: column $i$
/// of $A$ dotted with column $j$.
///
/// - `a` is $m \times n$; the result is $n \times n$. With $m = 0$ it is the
///   $n \times n$ zero matrix (every entry is an empty sum).
/// - Exactly symmetric: compute the entries with $i \le j$ and copy each one
///   to $(j, i)$, so that $g_{ij}$ and $g_{ji}$ are the same number.
/// - $G$ is positive semidefinite, $x^\top G x = \lVert Ax \rVert_2^2 \ge 0$,
///   and positive definite exactly when the columns of $A$ are independent.
/// - Example: $A$ with rows $(1, 0), (1, 1), (1, 2)$ (a column of ones and
///   the times 0, 1, 2) gives $G$ with rows $(3, 3), (3, 5)$.
pub fn gram(a: &Matrix) -> Matrix {
    let n = a.ncols();
    // Copy each column once: a row of `a` is a slice, a column is not.
    let columns: Vec<Vec<f64>> = (0..n).map(|j| a.column(j)).collect();
    let mut g = Matrix::zeros(n, n);
    for i in 0..n {
        for j in i..n {
            // One dot product per pair, mirrored: half the work, and symmetric
            // to the last bit, which Cholesky (it reads one triangle) relies on.
            let gij = dot(&columns[i], &columns[j]);
            g[(i, j)] = gij;
            g[(j, i)] = gij;
        }
    }
    g
}

/// The vector $A^\top b$: entry $j$ is column $j$ of $A$ dotted with $b$.
///
/// - `a` is $m \times n$ and `b` has length $m$; the result has length $n$.
/// - `Err(LinalgError::DimensionMismatch { expected, found })` when
///   `b.len() != a.nrows()`, with `expected: a.nrows()` and `found: b.len()`.
/// - Example: the same $A$ and $b = (1, 2, 4)$ give
///   $A^\top b = (1 + 2 + 4,\ 0 + 2 + 8) = (7, 10)$.
pub fn at_b(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    // Check the length first: `dot` zips the two slices and would silently
    // stop at the shorter one.
    if b.len() != a.nrows() {
        return Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() });
    }
    Ok((0..a.ncols()).map(|j| dot(&a.column(j), b)).collect())
}
