//! Lesson 3, exercise 1: a matrix times a vector, read two ways.
//!
//! An $m \times n$ matrix $A$ is a function from $\mathbb{R}^n$ to
//! $\mathbb{R}^m$: it sends $x$ to $Ax$. Read row by row, entry $i$ of $Ax$ is
//! the dot product of row $i$ with $x$, how far $x$ points along that row.
//! Read column by column, $Ax = x_0 a_0 + x_1 a_1 + \dots + x_{n-1} a_{n-1}$ is
//! the linear combination of the columns $a_j$ with the coefficients $x_j$.
//! Since $A e_j = a_j$, the columns are where the basis vectors go, and
//! linearity, $A(x + y) = Ax + Ay$ and $A(cx) = c\,Ax$, does the rest. A layer
//! of a neural network, $h = Wx + b$, starts with this product.

use vocab::{LinalgError, Matrix};

use crate::l01::linear_combination::linear_combination;
use crate::l02::dot_product::dot;

/// The product $Ax$, row view: $(Ax)_i = \text{row}_i(A) \cdot x = \sum_{j} a_{ij} x_j$.
///
/// - `a` is $m \times n$, `x` has length $n$, the result has length $m$. An
///   $m \times 0$ matrix times the empty vector is the zero vector of length $m$.
/// - `Err(LinalgError::DimensionMismatch { expected, found })` when
///   `x.len() != a.ncols()`, with `expected: a.ncols()` and `found: x.len()`.
/// - Example: $A$ with rows $(2, 1)$ and $(0, 1.5)$, $x = (3, 2)$:
///   $Ax = (2 \cdot 3 + 1 \cdot 2,\ 0 \cdot 3 + 1.5 \cdot 2) = (8, 3)$.
pub fn mat_vec_rows(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    // Check the length first: `dot` zips the two slices and would silently
    // stop at the shorter one.
    if x.len() != a.ncols() {
        return Err(LinalgError::DimensionMismatch { expected: a.ncols(), found: x.len() });
    }
    Ok(a.rows().map(|row| dot(row, x)).collect())
}

/// The product $Ax$, column view: $Ax = \sum_{j} x_j\, a_j$, the linear
/// combination of the columns $a_j$ of `a` with the coefficients `x`.
///
/// - The same shapes, the same error and, up to rounding, the same result as
///   [`mat_vec_rows`].
/// - Column $j$ is $A e_j$, the image of the $j$-th basis vector.
/// - Example: the same $A$ and $x = (3, 2)$:
///   $Ax = 3 \cdot (2, 0) + 2 \cdot (1, 1.5) = (8, 3)$.
pub fn mat_vec_columns(a: &Matrix, x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    if x.len() != a.ncols() {
        return Err(LinalgError::DimensionMismatch { expected: a.ncols(), found: x.len() });
    }
    // With no columns there is nothing to combine and the answer is the zero
    // vector of length m; `linear_combination` refuses an empty list, because
    // on its own it cannot know that length.
    if a.ncols() == 0 {
        return Ok(vec![0.0; a.nrows()]);
    }
    let columns: Vec<Vec<f64>> = (0..a.ncols()).map(|j| a.column(j)).collect();
    linear_combination(x, &columns)
}
