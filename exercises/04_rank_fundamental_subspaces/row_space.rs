//! Lesson 4, exercise 4: a basis of the row space.
//!
//! The row space $C(A^\top)$ is spanned by the rows of $A$. Row operations
//! replace rows by combinations of rows and can be undone, so $R$ has the same
//! row space as $A$, and its nonzero rows are independent: each has a 1 where
//! the others have 0.

use vocab::Matrix;

use crate::l04::rref::rref;

/// A basis of the row space $C(A^\top) \subseteq \mathbb{R}^n$: the nonzero rows of the RREF.
///
/// - Returned as an $n \times r$ matrix whose columns are the basis vectors
///   (every basis in this lesson is the columns of a matrix): column `i` is row
///   `i` of $R$. Rank 0 gives `Matrix::zeros(n, 0)`.
/// - Its dimension is the rank again: row rank equals column rank.
/// - Example: $A = \begin{pmatrix} 1 & 2 & 3 \\ 2 & 4 & 7 \end{pmatrix}$ has
///   $R = \begin{pmatrix} 1 & 2 & 0 \\ 0 & 0 & 1 \end{pmatrix}$, so the basis is
///   $(1, 2, 0)$ and $(0, 0, 1)$, the $3 \times 2$ matrix $R^\top$.
pub fn row_space(a: &Matrix) -> Matrix {
    // TODO: the first rank rows of R, each one a column of an n×r matrix.
    todo!("lesson 04: row_space")
}
