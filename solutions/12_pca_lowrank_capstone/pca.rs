//! Lesson 12, exercise 3: principal component analysis through the SVD.
//!
//! Which directions of feature space does the data vary along most? The
//! variance of the centred data $X_c$ projected on a unit vector $v$ is
//! $\lVert X_c v \rVert^2 / (n - 1)$, and with the thin SVD
//! $X_c = U S V^\top$ it is largest, $\sigma_1^2 / (n - 1)$, for $v = v_1$,
//! the first right singular vector. Among the directions orthogonal to $v_1$,
//! $v_2$ carries the most, and so on: the rows of $V^\top$ are the
//! *principal components*, in order of importance, and
//! $\sigma_i^2 / (n - 1)$ is the variance along component $i$, the $i$-th
//! eigenvalue of the covariance matrix of the previous exercise. Their sum is
//! the total variance $\lVert X_c \rVert_F^2 / (n - 1)$, the trace of the
//! covariance, so $\sigma_i^2 / \sum_j \sigma_j^2$ is the share of the
//! variance component $i$ explains.
//!
//! Why the SVD of $X_c$ and not the eigenvectors of $X_c^\top X_c$: the same
//! components in exact arithmetic, but forming the covariance squares the
//! singular values, and a component whose variance is below about $u$ times
//! the largest drowns in rounding (lesson 11). Your `jacobi_svd` works on $X_c$ itself.
//!
//! Two things PCA does not decide: the sign of each component ($v$ and $-v$
//! span the same line; the scores flip with it), and, when two singular
//! values are equal, which basis of their common plane you get. Only the
//! subspace spanned by the first $k$ components is unique, and only when
//! $\sigma_k > \sigma_{k+1}$. The checks compare those subspaces, through
//! their projectors, never the components themselves.

use vocab::{LinalgError, Matrix, Pca, Svd};

use crate::l11::jacobi_svd::jacobi_svd;
use crate::l12::center::center;

/// The principal component analysis of `data` with `k` components: the
/// column means, the first $k$ rows of $V^\top$ from the SVD of the centred
/// data $X_c = U S V^\top$, the explained variances $\sigma_i^2 / (n - 1)$
/// and the ratios $\sigma_i^2 / \sum_j \sigma_j^2$.
///
/// - `data` is $n \times d$ (rows are samples) with $n \ge 2$ and $d \ge 1$,
///   and $0 \le k \le \min(n, d)$. The result's `mean` has length $d$,
///   `components` is $k \times d$ with orthonormal rows, and the two variance
///   vectors have length $k$, non-increasing (see [`Pca`]).
/// - Centre with your `center`, factor $X_c$ with your lesson-11
///   `jacobi_svd`, and keep the first $k$ rows of its `vt` and the first $k$
///   singular values. The ratios divide by the sum of *all* $\min(n, d)$
///   values $\sigma_j^2$, not only the $k$ kept, so that they add up to 1
///   when $k = \min(n, d)$ and to less when components are dropped.
/// - Divide the variances by $n - 1$, like your `covariance`: then
///   `explained_variance` holds the largest eigenvalues of `covariance(data)`.
/// - Data without any variance (every row the same) has $\sigma_j = 0$ for
///   all $j$: its ratios are 0, not 0/0.
/// - Errors, in this order: `Err(LinalgError::Empty)` for no rows or no
///   columns; `Err(LinalgError::DimensionMismatch { expected: 2, found: 1 })`
///   for a single row; `Err(LinalgError::DimensionMismatch { expected:
///   min(n, d), found: k })` for $k > \min(n, d)$; your `jacobi_svd`'s
///   `NotConverged` passes through.
/// - Example: rows $(2, 0), (0, 1), (-2, 0), (0, -1)$ (mean 0) have
///   $\sigma = (2\sqrt 2, \sqrt 2)$; with $k = 1$ the component is $\pm(1, 0)$,
///   the explained variance $8/3 \approx 2.6667$ and the ratio
///   $8/10 = 0.8$.
pub fn pca(data: &Matrix, k: usize) -> Result<Pca, LinalgError> {
    let (n, d) = data.shape();
    if n == 0 || d == 0 {
        return Err(LinalgError::Empty);
    }
    if n < 2 {
        return Err(LinalgError::DimensionMismatch { expected: 2, found: n });
    }
    if k > n.min(d) {
        return Err(LinalgError::DimensionMismatch { expected: n.min(d), found: k });
    }
    let (centred, mean) = center(data)?;
    // The SVD of the centred data itself: no covariance matrix, no squaring of κ.
    let Svd { s, vt, .. } = jacobi_svd(&centred)?;
    let components = Matrix::from_fn(k, d, |i, j| vt[(i, j)]);
    let squares: Vec<f64> = s.iter().map(|x| x * x).collect();
    let total: f64 = squares.iter().sum();
    let explained_variance = squares[..k].iter().map(|x| x / (n - 1) as f64).collect();
    // No variance at all: every share is 0 rather than 0/0.
    let explained_variance_ratio = squares[..k].iter().map(|x| if total > 0.0 { x / total } else { 0.0 }).collect();
    Ok(Pca { mean, components, explained_variance, explained_variance_ratio })
}
