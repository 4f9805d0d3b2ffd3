//! Lesson 12, exercise 4: projecting onto the principal components, and back.
//!
//! With $k$ orthonormal components $C$ ($k \times d$, one per row), a sample
//! $x$ has the *scores* $z = C(x - \bar x)$: its coordinates along each
//! component, measured from the mean. For a whole dataset, one sample per
//! row, that is $Z = (X - \mathbf{1}\bar x^\top) C^\top$, an $n \times k$
//! matrix: $k$ numbers per sample instead of $d$. This is the
//! dimensionality reduction of PCA: two scores per iris flower to plot it,
//! twenty per digit instead of 64 pixels to feed a classifier.
//!
//! Going back, $\hat x = \bar x + C^\top z$ is the point of the $k$-dimensional
//! affine subspace through the mean that is closest to $x$: $C^\top C$ is the
//! orthogonal projector onto the span of the components (lesson 7). Nothing
//! is lost along the kept components; what is lost is the part of
//! $x - \bar x$ orthogonal to them. Summed over the data,
//! $\lVert X_c - Z C \rVert_F^2 = \sum_{i > k} \sigma_i^2$, the singular values
//! that were dropped: by Eckart–Young (lesson 11) no other $k$-dimensional
//! subspace loses less.

use vocab::{LinalgError, Matrix, Pca};

use crate::l03::matrix_product::mat_mul;
use crate::l03::transpose::transpose;

/// The scores $Z = (X - \mathbf{1}\bar x^\top)\, C^\top$ of the rows of
/// `data` on the components of `pca`.
///
/// - `data` is $m \times d$, any number of rows (the training data or new
///   samples), with the $d$ columns the PCA was fitted on; the result is
///   $m \times k$: row $i$ holds the $k$ coordinates of sample $i$ along the
///   components.
/// - Subtract `pca.mean` (the *training* mean, not the mean of `data`), then
///   multiply by the transpose of `pca.components` with your lesson-3
///   `mat_mul` and `transpose`.
/// - `Err(LinalgError::DimensionMismatch { expected: pca.mean.len(), found:
///   data.ncols() })` when the number of columns differs.
/// - Example: mean $(1, 1)$ and the single component $(0.6, 0.8)$: the sample
///   $(4, 5)$ has the score $0.6 \cdot 3 + 0.8 \cdot 4 = 5$.
pub fn project(pca: &Pca, data: &Matrix) -> Result<Matrix, LinalgError> {
    // TODO: check data.ncols() against pca.mean.len(); subtract pca.mean from every row; your mat_mul with your transpose of pca.components.
    todo!("lesson 12: project")
}

/// The reconstruction $\hat X = Z C + \mathbf{1}\bar x^\top$ from the scores
/// `scores` ($m \times k$) on the components of `pca`.
///
/// - The result is $m \times d$: row $i$ is the mean plus the combination of
///   the components with the scores of sample $i$. Reconstructing the
///   scores of your `project` gives the projection of each sample onto the
///   affine subspace of the components; with all $\min(n, d)$ components of
///   data with $n > d$, the data itself (up to rounding).
/// - Multiply with your `mat_mul`, then add the mean back to every row:
///   without it the reconstruction sits at the origin, not on the data.
/// - `Err(LinalgError::DimensionMismatch { expected: pca.components.nrows(),
///   found: scores.ncols() })` when the scores have the wrong number of
///   columns.
/// - Example: mean $(1, 1)$, the component $(0.6, 0.8)$ and the score 5 give
///   $(1 + 3, 1 + 4) = (4, 5)$.
pub fn reconstruct(pca: &Pca, scores: &Matrix) -> Result<Matrix, LinalgError> {
    // TODO: check scores.ncols() against pca.components.nrows(); your mat_mul(scores, components), then add pca.mean to every row.
    todo!("lesson 12: reconstruct")
}
