//! Result structs of the fitted models of lesson 12: a principal component
//! analysis and a linear layer. Containers only, like the factorizations.

use crate::Matrix;

/// A principal component analysis fitted to a dataset with $n$ samples (rows)
/// and $d$ features (columns), keeping $k$ components.
///
/// - `mean`: the column means $\bar x$ (length $d$), subtracted before
///   projecting and added back after reconstructing.
/// - `components`: $k \times d$, the first $k$ right singular vectors of the
///   centred data as rows (orthonormal rows, $CC^\top = I_k$). Each row is
///   unique only up to its sign.
/// - `explained_variance`: $\sigma_i^2 / (n - 1)$ for $i < k$, non-increasing:
///   the variance of the data along each component (the eigenvalues of the
///   covariance matrix).
/// - `explained_variance_ratio`: $\sigma_i^2 / \sum_j \sigma_j^2$ for $i < k$,
///   the share of the total variance each component carries.
#[derive(Debug, Clone, PartialEq)]
pub struct Pca {
    pub mean: Vec<f64>,
    pub components: Matrix,
    pub explained_variance: Vec<f64>,
    pub explained_variance_ratio: Vec<f64>,
}

/// A linear layer with $d$ inputs and $k$ outputs: logits $z = Wx + b$ for one
/// sample $x$, $Z = XW^\top + \mathbf{1}b^\top$ for a batch $X$ (one sample per
/// row).
///
/// - `weights`: $W$, $k \times d$ (row $c$ holds the weights of output $c$).
/// - `bias`: $b$, length $k$.
///
/// The gradient of a loss with respect to the parameters has the same shapes,
/// so it is a `Layer` too.
#[derive(Debug, Clone, PartialEq)]
pub struct Layer {
    pub weights: Matrix,
    pub bias: Vec<f64>,
}
