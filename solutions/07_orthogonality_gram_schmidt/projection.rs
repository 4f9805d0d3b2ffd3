//! Lesson 7, exercise 5: projecting onto a subspace with an orthonormal basis.
//!
//! The projection of $b$ onto the column space of a general $A$ needs the
//! normal equations of lesson 6: $p = A (A^\top A)^{-1} A^\top b$. With an
//! orthonormal basis $Q$ the Gram matrix is $Q^\top Q = I$, the inverse
//! disappears, and what is left is a sum of lesson 2's projections onto single
//! lines:
//!
//! $$p = Q Q^\top b = \sum_j (q_j \cdot b)\, q_j.$$
//!
//! The coordinates of $p$ in the basis are plain dot products,
//! $c_j = q_j \cdot b$; no system is solved, and nothing is squared. The
//! residual $b - p$ is orthogonal to every $q_j$, and $p$ is the point of
//! $C(Q)$ closest to $b$. The matrix $P = QQ^\top$ is the orthogonal projector
//! onto $C(Q)$: symmetric, $P^2 = P$, and the same for every orthonormal basis
//! of the subspace, which is why the checks compare subspaces through it.

use vocab::{LinalgError, Matrix};

use crate::l01::add_vectors::add;
use crate::l01::scale_vector::scale;
use crate::l02::dot_product::dot;

/// The orthogonal projection $p = Q(Q^\top b) = \sum_j (q_j \cdot b)\, q_j$ of
/// `b` onto the column space of `q`, whose columns are orthonormal.
///
/// - `q` is $m \times k$ with orthonormal columns ($Q^\top Q = I$; the
///   function trusts this and does not check it), `b` has length $m$, and so
///   does the result. Use your lesson-2 `dot` and your lesson-1 `scale` and
///   `add`.
/// - $k = 0$ (no columns, the zero subspace) gives the zero vector of length
///   $m$.
/// - `Err(LinalgError::DimensionMismatch { expected: q.nrows(), found: b.len() })`
///   when `b` does not have length $m$.
/// - $p$ is in $C(Q)$, $b - p$ is orthogonal to every column of $Q$, and
///   projecting $p$ again changes nothing.
/// - Example: $Q$ with columns $(1, 1, 0)/\sqrt 2$ and $(1, -1, 2)/\sqrt 6$
///   (an orthonormal basis of the plane spanned by $(1, 1, 0)$ and
///   $(1, 0, 1)$) and $b = (1, 2, 3)$: the coordinates are $3/\sqrt 2$ and
///   $5/\sqrt 6$, and $p = \tfrac32 (1, 1, 0) + \tfrac56 (1, -1, 2) =
///   (7/3, 2/3, 5/3) \approx (2.3333, 0.6667, 1.6667)$; the residual is
///   $(-4/3, 4/3, 4/3)$.
pub fn project_onto_subspace(q: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let m = q.nrows();
    if b.len() != m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: b.len() });
    }
    let mut p = vec![0.0; m];
    for j in 0..q.ncols() {
        let q_j = q.column(j);
        // The coordinate along q_j is a dot product: Q is orthonormal, so
        // there is no Gram matrix to invert.
        let c_j = dot(&q_j, b);
        p = add(&p, &scale(c_j, &q_j));
    }
    Ok(p)
}
