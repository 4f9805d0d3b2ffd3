//! Lesson 3, exercise 3: the transpose.
//!
//! $A^\top$ turns the rows of $A$ into columns: $(A^\top)_{ij} = a_{ji}$, and an
//! $m \times n$ matrix becomes $n \times m$. It is what moves a matrix to the
//! other side of a dot product, $(Ax) \cdot y = x \cdot (A^\top y)$, and it
//! reverses products, $(AB)^\top = B^\top A^\top$ (socks on, shoes on; shoes
//! off, socks off). The gradient of a linear layer is a product with the
//! transpose, and the normal equations of lesson 6 are
//! $A^\top A\, x = A^\top b$.

use vocab::Matrix;

/// The transpose $A^\top$, with $(A^\top)_{ij} = a_{ji}$.
///
/// - `a` is $m \times n$; the result is $n \times m$, also when $m$ or $n$ is
///   0: the transpose of a $0 \times 3$ matrix is $3 \times 0$.
/// - Numbers are only moved, never computed, so the result is exact.
/// - Example: the rows $(1, 2, 3), (4, 5, 6)$ become the rows
///   $(1, 4), (2, 5), (3, 6)$.
pub fn transpose(a: &Matrix) -> Matrix {
    // Entry (i, j) of the result reads entry (j, i) of `a`. Building from the
    // shape, not from a list of rows or columns, keeps empty shapes right.
    Matrix::from_fn(a.ncols(), a.nrows(), |i, j| a[(j, i)])
}
