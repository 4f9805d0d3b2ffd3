//! Lesson 12, exercise 5: ridge regression through the SVD.
//!
//! Lesson 6 solved ridge regression, $\min_x \lVert Ax - b \rVert^2 +
//! \lambda \lVert x \rVert^2$, from the shifted normal equations
//! $(A^\top A + \lambda I)x = A^\top b$. The thin SVD $A = U S V^\top$ turns
//! them into independent scalar equations, one per singular value:
//! $A^\top A + \lambda I = V(S^2 + \lambda I)V^\top$ on the span of the
//! $v_i$, where $A^\top b = V S U^\top b$ and the solution lie, so
//!
//! $$x_\lambda = V \operatorname{diag}\!\Big(\frac{\sigma_i}{\sigma_i^2 + \lambda}\Big) U^\top b
//! = \sum_i \frac{\sigma_i^2}{\sigma_i^2 + \lambda} \cdot \frac{u_i^\top b}{\sigma_i}\, v_i .$$
//!
//! The least-squares solution is the sum of the terms $(u_i^\top b/\sigma_i)
//! v_i$; ridge multiplies term $i$ by the *filter factor*
//! $f_i = \sigma_i^2 / (\sigma_i^2 + \lambda) \in [0, 1)$. A direction with
//! $\sigma_i^2 \gg \lambda$ keeps its term ($f_i \approx 1$); one with
//! $\sigma_i^2 \ll \lambda$, where noise in $b$ would be divided by a tiny
//! $\sigma_i$, is damped ($f_i \approx \sigma_i^2/\lambda$). That is what
//! "shrinkage" means, direction by direction, and why ridge tames nearly
//! dependent columns.
//!
//! One SVD serves every $\lambda$: the path of solutions over a grid of
//! $\lambda$ costs one factorization and $O(mn)$ per value, where lesson 6
//! factors $A^\top A + \lambda I$ again for each. And no $A^\top A$ is
//! formed: the condition number is not squared, and $\lambda = 0$ gives the
//! least-squares solution of minimum norm even for dependent columns.

use vocab::{LinalgError, Matrix, Svd};

use crate::l02::dot_product::dot;
use crate::l11::jacobi_svd::jacobi_svd;

/// The filter factors $f_i = \sigma_i^2 / (\sigma_i^2 + \lambda)$ of ridge
/// regression with the singular values `s`.
///
/// - One factor per singular value, in the same order; with $\lambda > 0$
///   each lies in $[0, 1)$, and it is 1 for $\lambda = 0$ and $\sigma_i > 0$.
/// - $\sigma_i^2$, not $\sigma_i$: the shift $\lambda$ is added to the
///   eigenvalues $\sigma_i^2$ of $A^\top A$.
/// - A term with $\sigma_i^2 + \lambda = 0$ ($\sigma_i = 0$ and $\lambda = 0$)
///   has the factor 0: that direction carries no information about $x$.
/// - Example: $\sigma = (2, 1)$, $\lambda = 1$: $f = (4/5, 1/2)$.
pub fn filter_factors(s: &[f64], lambda: f64) -> Vec<f64> {
    // TODO: σ²/(σ² + λ) for each σ, 0 where σ² + λ == 0.
    todo!("lesson 12: filter_factors")
}

/// The ridge solution $x_\lambda = V \operatorname{diag}(\sigma_i / (\sigma_i^2 +
/// \lambda))\, U^\top b$ of $\min_x \lVert Ax - b \rVert_2^2 + \lambda
/// \lVert x \rVert_2^2$, from your `jacobi_svd` of $A$.
///
/// - The conventions of lesson 6's `ridge`: `a` is $m \times n$ of any shape,
///   `b` has length $m$, $\lambda \ge 0$, the result has length $n$; no
///   intercept (every coefficient is penalised: centre the data first). For
///   $\lambda > 0$ both functions solve the same equations and agree up to
///   rounding.
/// - $c_i = u_i^\top b$ (your `dot` with column $i$ of $U$), then
///   $x = \sum_i \frac{\sigma_i}{\sigma_i^2 + \lambda} c_i v_i$, with $v_i$ row
///   $i$ of `vt`. Add $\lambda$ to $\sigma_i^2$, not to $\sigma_i$.
/// - A term with $\sigma_i^2 + \lambda = 0$ is left out (its coefficient is 0,
///   as in [`filter_factors`]). So $\lambda = 0$ gives the minimum-norm
///   least-squares solution $A^+ b$ when the zero singular values come out
///   exactly 0 (a zero or a repeated column), instead of a division by zero;
///   one that comes out as rounding noise is divided by (lesson 11's
///   `lstsq_pinv` has the cutoff for that).
/// - `Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() })`
///   for a `b` of the wrong length (checked first); your `jacobi_svd`'s errors
///   (`Empty` for no rows or no columns, `NotConverged`) pass through.
/// - Example: $A$ with rows $(1, 0), (1, 1), (1, 2)$, $b = (1, 2, 4)$ and
///   $\lambda = 1$: $x \approx (0.8, 1.2667)$, lesson 6's answer.
pub fn ridge_svd(a: &Matrix, b: &[f64], lambda: f64) -> Result<Vec<f64>, LinalgError> {
    // TODO: check b's length; your jacobi_svd; for each σᵢ with σᵢ² + λ ≠ 0: x += σᵢ/(σᵢ² + λ)·(uᵢ·b)·(row i of vt).
    todo!("lesson 12: ridge_svd")
}
