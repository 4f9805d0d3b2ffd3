//! Lesson 4, exercise 7: the four fundamental subspaces together.
//!
//! For an $m \times n$ matrix of rank $r$:
//!
//! | subspace | lives in | dimension |
//! |---|---|---|
//! | column space $C(A)$ | $\mathbb{R}^m$ | $r$ |
//! | null space $N(A)$ | $\mathbb{R}^n$ | $n - r$ |
//! | row space $C(A^\top)$ | $\mathbb{R}^n$ | $r$ |
//! | left null space $N(A^\top)$ | $\mathbb{R}^m$ | $m - r$ |
//!
//! The row space and the null space are orthogonal complements in
//! $\mathbb{R}^n$ (each row dotted with a null vector gives 0), and the column
//! space and the left null space are orthogonal complements in $\mathbb{R}^m$.

use vocab::Matrix;

use crate::l04::column_space::column_space;
use crate::l04::left_null_space::left_null_space;
use crate::l04::null_space::null_space;
use crate::l04::row_space::row_space;

/// The dimensions of the four fundamental subspaces of `a`, counted from your own bases.
///
/// - Order: `[dim C(A), dim N(A), dim C(Aᵀ), dim N(Aᵀ)]`, which is
///   $[r, n - r, r, m - r]$ for an $m \times n$ matrix of rank $r$.
/// - Count the basis vectors your four functions return (the columns of each
///   basis matrix); the checks also test that your bases are orthogonal where
///   the theory says so.
/// - Example: the $3 \times 2$ matrix $\begin{pmatrix} 1 & 2 \\ 2 & 4 \\ 3 & 6 \end{pmatrix}$
///   gives `[1, 1, 1, 2]`.
pub fn subspace_dimensions(a: &Matrix) -> [usize; 4] {
    // TODO: count the columns (ncols) of your four bases, in the order C(A), N(A), C(Aᵀ), N(Aᵀ).
    todo!("lesson 04: subspace_dimensions")
}
