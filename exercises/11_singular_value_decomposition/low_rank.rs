//! Lesson 11, exercise 4: the best rank-k approximation.
//!
//! The SVD writes $A$ as a sum of rank-one layers, largest first:
//! $$A = \sum_{j=1}^{r} \sigma_j u_j v_j^\top.$$
//! Keeping the first $k$ layers gives $A_k = U_k \Sigma_k V_k^\top$, and the
//! Eckart–Young theorem (1936; Mirsky 1960 for every unitarily invariant
//! norm) says no matrix of rank at most $k$ is closer to $A$:
//! $$\min_{\operatorname{rank} B \le k} \lVert A - B \rVert_F
//! = \lVert A - A_k \rVert_F = \sqrt{\sigma_{k+1}^2 + \dots + \sigma_r^2},
//! \qquad \min_{\operatorname{rank} B \le k} \lVert A - B \rVert_2
//! = \sigma_{k+1}.$$
//! The error of the best approximation is read off the spectrum without
//! building anything. The dropped layers are orthogonal to the kept ones
//! (their $u$'s and $v$'s are), which is why their squared norms add up.
//!
//! Storage: $A_k$ is $k(m + n + 1)$ numbers instead of $mn$. A $256 \times
//! 256$ image at rank 20 is 10 260 numbers instead of 65 536.
//! The same truncation is PCA (lesson 12), latent semantic analysis,
//! low-rank adapters (LoRA) for fine-tuning, and the compression of
//! weight matrices.

use vocab::{LinalgError, Matrix, Svd};

use crate::l02::vector_norms::norm_l2;
use crate::l11::jacobi_svd::jacobi_svd;

/// $A_k = \sum_{j < k} \sigma_j u_j v_j^\top$ from an SVD already computed:
/// the first $k$ columns of `u`, entries of `s`, rows of `vt`.
///
/// - The result has the shape of $U \Sigma V^\top$ (`u.nrows()` ×
///   `vt.ncols()`). $k = 0$ gives the zero matrix; $k$ at or above
///   `s.len()` keeps every layer, $U \Sigma V^\top$ itself.
/// - Keep the LARGEST singular values: `s` is non-increasing, so they are
///   the first $k$.
/// - Example: $U = V = I_2$, $s = (3, 1)$, $k = 1$: rows $(3, 0), (0, 0)$.
pub fn truncate(svd: &Svd, k: usize) -> Matrix {
    // TODO: k = min(k, s.len()); entry (i, l) = Σ_{j<k} u[(i, j)]·s[j]·vt[(j, l)].
    todo!("lesson 11: truncate")
}

/// The best approximation of rank at most $k$ of $A$ (Eckart–Young): your
/// `jacobi_svd`, then [`truncate`].
///
/// - Same shape as `a`; $k = 0$ gives zeros, $k \ge \min(m, n)$ gives $A$
///   back up to rounding.
/// - `Err(LinalgError::Empty)` when $A$ has no entries.
/// - Example: $A$ with rows $(3, 0), (0, 1)$ and $k = 1$: rows
///   $(3, 0), (0, 0)$, with error $\lVert A - A_1 \rVert_F = 1 = \sigma_2$.
pub fn low_rank(a: &Matrix, k: usize) -> Result<Matrix, LinalgError> {
    // TODO: your jacobi_svd, then your truncate.
    todo!("lesson 11: low_rank")
}

/// The Eckart–Young error $\lVert A - A_k \rVert_F = \sqrt{\sum_{j \ge k}
/// \sigma_j^2}$ (indices from 0), read off the singular values alone.
///
/// - $k \ge$ `s.len()` gives $0$; $k = 0$ gives $\lVert A \rVert_F$. Use
///   your `norm_l2` of `s[k..]`: it does not overflow for huge $\sigma$.
/// - Sum the SMALL values: the dropped ones are `s[k..]`.
/// - Example: $s = (3, 2, 1)$, $k = 1$: $\sqrt{4 + 1} = \sqrt 5$.
pub fn eckart_young_error(s: &[f64], k: usize) -> f64 {
    // TODO: your norm_l2 of s[k..] (empty when k ≥ s.len()).
    todo!("lesson 11: eckart_young_error")
}
