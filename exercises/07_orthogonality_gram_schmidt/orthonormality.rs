//! Lesson 7, exercise 1: how far a basis is from orthonormal, $\lVert Q^\top Q - I \rVert_F$.
//!
//! The columns $q_0, \dots, q_{k-1}$ of $Q$ are *orthonormal* when each has length
//! 1 and any two are perpendicular: $q_i \cdot q_j = 1$ if $i = j$ and $0$
//! otherwise. Entry $(i, j)$ of $Q^\top Q$ is exactly $q_i \cdot q_j$, so the
//! whole definition fits in one equation, $Q^\top Q = I_k$.
//!
//! In floating point no computed basis is exactly orthonormal. The question
//! is by how much it misses, and the answer this lesson measures everything
//! with is the Frobenius norm of the miss:
//! $\lVert Q^\top Q - I_k \rVert_F = \sqrt{\sum_{i,j} \bigl(q_i \cdot q_j - \delta_{ij}\bigr)^2}$.
//! About $10^{-16}$ (a few units of rounding $u = 2^{-53}$) is as good as it
//! gets; $10^{-8}$ means the basis is good to eight digits; near $1$ the
//! columns are not orthogonal at all.

use vocab::Matrix;

use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;

/// The loss of orthonormality $\lVert Q^\top Q - I_k \rVert_F$ of the columns
/// of an $m \times k$ matrix $Q$.
///
/// - Entry $(i, j)$ of $Q^\top Q - I_k$ is $q_i \cdot q_j - 1$ on the diagonal
///   ($i = j$) and $q_i \cdot q_j$ off it; the Frobenius norm is the 2-norm of
///   all $k^2$ entries taken as one long vector. Use your lesson-2 `dot` for
///   the column dot products and your `norm_l2` for the norm.
/// - `0.0` when $k = 0$ (no columns: $Q^\top Q$ is $0 \times 0$), whatever $m$
///   is. Any shape is allowed, also $k > m$ (then the loss is at least
///   $\sqrt{k - m}$: more than $m$ vectors of $\mathbb{R}^m$ are never orthonormal).
/// - It does not change when the columns are reordered, nor when $Q$ is
///   replaced by $UQ$ with $U$ orthogonal, and for orthonormal columns scaled
///   by $c$ it is $|c^2 - 1| \sqrt{k}$.
/// - Example: $Q$ with columns $(1, 0, 0)$ and $(1, 1, 0)/\sqrt{2}$ has
///   $q_0 \cdot q_1 = 1/\sqrt{2}$ and unit lengths, so
///   $Q^\top Q - I = \begin{pmatrix} 0 & 1/\sqrt{2} \\ 1/\sqrt{2} & 0 \end{pmatrix}$
///   and the loss is $\sqrt{1/2 + 1/2} = 1$.
pub fn orthonormality_loss(q: &Matrix) -> f64 {
    // TODO: push dot(q_i, q_j), minus 1 when i == j, for every pair (i, j) of columns; return your norm_l2 of those k² numbers.
    todo!("lesson 07: orthonormality_loss")
}
