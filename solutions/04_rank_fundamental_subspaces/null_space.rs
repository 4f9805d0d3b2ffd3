//! Lesson 4, exercise 5: a basis of the null space.
//!
//! The null space $N(A) = \{ x : Ax = 0 \}$ is what $A$ crushes to zero: inputs
//! that differ by a null vector give the same output. $Rx = 0$ has the same
//! solutions as $Ax = 0$, and in $Rx = 0$ each pivot variable is fixed by the
//! free variables: row $i$ reads $x_{p_i} + \sum_{f \text{ free}} r_{i f} x_f = 0$.
//! Setting one free variable to 1 and the others to 0 gives one "special
//! solution" per free column, and together they are a basis.

use vocab::Matrix;

use crate::l04::rref::rref;

/// A basis of the null space $N(A) \subseteq \mathbb{R}^n$: one special solution per free column.
///
/// - Returned as an $n \times (n - r)$ matrix whose columns are the basis
///   vectors, free columns in increasing order. Full column rank gives
///   `Matrix::zeros(n, 0)`.
/// - The special solution $x$ of free column $f$ has $x_f = 1$, $x_g = 0$ for
///   every other free column $g$, and $x_{p_i} = -r_{i f}$ for the pivot column
///   $p_i$ of row $i$ of $R$. Mind the minus sign: $x_{p_i}$ moves to the other
///   side of the equation.
/// - Example: $A = \begin{pmatrix} 1 & 2 \\ 2 & 4 \end{pmatrix}$ has
///   $R = \begin{pmatrix} 1 & 2 \\ 0 & 0 \end{pmatrix}$ and free column 1, so the
///   basis is the single vector $(-2, 1)$.
pub fn null_space(a: &Matrix) -> Matrix {
    let n = a.ncols();
    let (r, pivots) = rref(a);
    let free: Vec<usize> = (0..n).filter(|j| !pivots.contains(j)).collect();
    let mut basis = Matrix::zeros(n, free.len());
    for (k, &f) in free.iter().enumerate() {
        basis[(f, k)] = 1.0;
        for (i, &p) in pivots.iter().enumerate() {
            basis[(p, k)] = -r[(i, f)];
        }
    }
    basis
}
