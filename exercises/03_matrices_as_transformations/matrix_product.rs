//! Lesson 3, exercise 2: the matrix product.
//!
//! Applying $B$ and then $A$ is again a linear map, and its matrix is the
//! product: $A(Bx) = (AB)x$. That is why the product is defined the way it
//! is. Column $j$ of $AB$ is $A$ applied to column $j$ of $B$, and entry
//! $(i, j)$ is row $i$ of $A$ dotted with column $j$ of $B$. An $m \times n$
//! times an $n \times p$ matrix costs $mp$ dot products of length $n$, about
//! $2mnp$ flops: most of the arithmetic in training a neural network is
//! spent here. The order matters: $AB \ne BA$ in general, and when $A$ and
//! $B$ are not square only one of them may be defined.

use vocab::{LinalgError, Matrix};

use crate::l02::dot_product::dot;

/// The product $C = AB$: $c_{ij} = \sum_{k} a_{ik} b_{kj}$, row $i$ of $A$ dotted with column $j$ of $B$.
///
/// - `a` is $m \times n$ and `b` is $n \times p$; the result is $m \times p$.
///   Any of $m, n, p$ may be 0: with $n = 0$ the product is the $m \times p$
///   zero matrix (every entry is an empty sum).
/// - `Err(LinalgError::DimensionMismatch { expected, found })` when the inner
///   sizes differ, with `expected: a.ncols()` and `found: b.nrows()`.
/// - Example: $A$ with rows $(1, 2), (3, 4)$ times $B$ with rows $(0, 1), (1, 0)$
///   gives rows $(2, 1), (4, 3)$: multiplying by this $B$ on the right swaps
///   the columns of $A$, while $BA$, rows $(3, 4), (1, 2)$, swaps its rows.
pub fn mat_mul(a: &Matrix, b: &Matrix) -> Result<Matrix, LinalgError> {
    // TODO: check a.ncols() == b.nrows(), then entry (i, j) is row i of a dotted with column j of b.
    todo!("lesson 03: mat_mul")
}
