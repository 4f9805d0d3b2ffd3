//! Lesson 7, exercise 6: the orthogonal complement of a subspace.
//!
//! The orthogonal complement of $C(Q) \subseteq \mathbb{R}^m$ is every vector
//! orthogonal to all of $C(Q)$. When $Q$ has $k$ orthonormal columns it has
//! dimension $m - k$, and an orthonormal basis $C$ of it completes $Q$ to an
//! orthonormal basis $[Q \;|\; C]$ of all of $\mathbb{R}^m$:
//!
//! $$QQ^\top + CC^\top = I_m,$$
//!
//! the two projectors add up to the identity: every $b$ splits into its
//! projection onto $C(Q)$ and a part orthogonal to it. Lesson 4 found
//! orthogonal complements as null spaces ($N(A) \perp C(A^\top)$); here they
//! come out orthonormal.
//!
//! Gram–Schmidt finds a basis if you feed it vectors that together span
//! $\mathbb{R}^m$: the standard basis $e_0, \dots, e_{m-1}$. Orthogonalise
//! them against $Q$ and against the vectors found so far, and keep what is
//! left. But only $m - k$ of the $m$ vectors are needed: as the basis grows,
//! the others end up in its span, or nearly, and their remainders are
//! rounding noise, which normalised is a random direction. The cure is a
//! choice: at every step, among the $e_i$ not used yet, take the one whose
//! remainder is **longest**. Its length is at least $1/\sqrt m$, so nothing
//! small is ever normalised: after $t$ steps the squared remainders of all
//! the $e_i$ add up to the trace of the projector onto what is still
//! missing, $m - k - t \ge 1$, the $t$ used ones contribute 0, and the
//! largest of the other $m - t$ is at least $(m - k - t)/(m - t) \ge 1/m$.
//! This is Gram–Schmidt with column pivoting, the idea behind rank-revealing
//! QR.

use vocab::{LinalgError, Matrix};

use crate::l01::add_vectors::sub;
use crate::l01::scale_vector::scale;
use crate::l02::vector_norms::norm_l2;
use crate::l07::projection::project_onto_subspace;

/// An orthonormal basis of the orthogonal complement of $C(Q)$: an
/// $m \times (m - k)$ matrix $C$ with orthonormal columns, $Q^\top C = 0$ and
/// $QQ^\top + CC^\top = I_m$, for an $m \times k$ `q` with orthonormal
/// columns ($k \le m$).
///
/// The algorithm: keep a basis $B$, at first the columns of $Q$. Then
/// $m - k$ times:
/// 1. for every $e_i$ not used yet, its remainder after Gram–Schmidt twice
///    against $B$: $w = e_i - BB^\top e_i$, then $w \leftarrow w - BB^\top w$
///    (two calls of your `project_onto_subspace`, each followed by your
///    `sub`);
/// 2. take the $e_i$ whose remainder $w$ is longest (`norm_l2`; the first on
///    ties), mark it used, and append $w / \lVert w \rVert$ to $B$ and to
///    the result.
///
/// - The second projection is the re-orthogonalisation of exercise 4: it
///   removes what rounding left along $B$, which matters as $B$ grows.
/// - $k = 0$ gives an orthonormal basis of all of $\mathbb{R}^m$ (with this
///   algorithm, the identity); $k = m$ gives an $m \times 0$ matrix; a
///   $0 \times 0$ `q` gives the $0 \times 0$ matrix.
/// - `Err(LinalgError::DimensionMismatch { expected: rows, found: cols })`
///   when $k > m$: $k$ orthonormal vectors need $k \le m$.
/// - The basis is not unique (any rotation of it within the complement will
///   do); the checks test the three properties above, not the entries.
/// - Example: $Q$ with the single column $(1, 1, 0)/\sqrt 2$. The remainders
///   of $e_0, e_1, e_2$ are $(\tfrac12, -\tfrac12, 0)$,
///   $(-\tfrac12, \tfrac12, 0)$ and $(0, 0, 1)$: the longest is $e_2$'s, so
///   $c_0 = (0, 0, 1)$. Against $q_0$ and $c_0$, $e_0$ leaves
///   $(\tfrac12, -\tfrac12, 0)$ and $e_1$ its opposite, equally long; the
///   first wins, and $c_1 = (1, -1, 0)/\sqrt 2$.
pub fn orthogonal_complement(q: &Matrix) -> Result<Matrix, LinalgError> {
    let (m, k) = q.shape();
    if k > m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: k });
    }
    let mut basis: Vec<Vec<f64>> = (0..k).map(|j| q.column(j)).collect();
    let mut found: Vec<Vec<f64>> = Vec::with_capacity(m - k);
    let mut used = vec![false; m];
    for _ in k..m {
        let b = Matrix::from_fn(m, basis.len(), |i, j| basis[j][i]);
        // The longest remainder so far: (index, remainder, its length).
        let mut best: Option<(usize, Vec<f64>, f64)> = None;
        for i in (0..m).filter(|&i| !used[i]) {
            let mut e_i = vec![0.0; m];
            e_i[i] = 1.0;
            // Gram–Schmidt twice: the second pass removes what the rounding
            // of the first left along the basis.
            let w = sub(&e_i, &project_onto_subspace(&b, &e_i)?);
            let w = sub(&w, &project_onto_subspace(&b, &w)?);
            let length = norm_l2(&w);
            if best.as_ref().is_none_or(|(_, _, longest)| length > *longest) {
                best = Some((i, w, length));
            }
        }
        // Fewer than m − k of the m vectors e_i are used, so there is a best one.
        let Some((i, w, length)) = best else { break };
        used[i] = true;
        // The longest remainder has length ≥ 1/√m: safe to normalise.
        let c = scale(1.0 / length, &w);
        basis.push(c.clone());
        found.push(c);
    }
    Ok(Matrix::from_fn(m, found.len(), |i, j| found[j][i]))
}
