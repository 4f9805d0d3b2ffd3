//! Lesson 11, exercise 3: the pseudo-inverse and least squares through the SVD.
//!
//! With $A = U \Sigma V^\top$, the map $A$ sends $v_j$ to $\sigma_j u_j$. To
//! undo it as far as possible, send $u_j$ back to $v_j / \sigma_j$ when
//! $\sigma_j > 0$, and send to $0$ what $A$ cannot reach:
//! $$A^+ = V \Sigma^+ U^\top, \qquad
//! \Sigma^+ = \operatorname{diag}(1/\sigma_1, \dots, 1/\sigma_r, 0, \dots, 0).$$
//! This is the Moore–Penrose pseudo-inverse, the unique $X$ with
//! $AXA = A$, $XAX = X$, $(AX)^\top = AX$, $(XA)^\top = XA$. When $A$ is
//! square and invertible, $A^+ = A^{-1}$; when its columns are independent,
//! $A^+ = (A^\top A)^{-1} A^\top$, the matrix of the normal equations.
//!
//! $x = A^+ b$ is the least-squares solution of smallest norm:
//! $\lVert Ax - b \rVert^2 = \lVert \Sigma V^\top x - U^\top b \rVert^2 +
//! \lVert (I - UU^\top) b \rVert^2$; the coordinates $(V^\top x)_j$ with
//! $\sigma_j > 0$ are fixed by $(U^\top b)_j / \sigma_j$, the others are
//! free, and setting them to $0$ makes $x$ shortest. It works when the
//! columns are dependent, where lessons 6 and 8 report `Singular`.
//!
//! The cutoff is the whole numerical question. A singular value that is
//! zero in exact arithmetic comes out as about $u\,\sigma_1$; inverting it
//! puts $10^{16}$ into $A^+$. So $\sigma_j$ counts as zero when
//! $\sigma_j \le \max(m, n)\,\epsilon\,\sigma_1$, the default of numpy's
//! `matrix_rank` and of scipy's `pinv`.

use vocab::{LinalgError, Matrix, Svd};

use crate::l11::jacobi_svd::jacobi_svd;

/// The Moore–Penrose pseudo-inverse $A^+ = V \Sigma^+ U^\top$ ($n \times m$
/// for an $m \times n$ $A$), from your `jacobi_svd`.
///
/// - $\Sigma^+$ inverts every $\sigma_j > \max(m, n)\,\epsilon\,\sigma_1$
///   ($\epsilon$ = `f64::EPSILON`) and puts $0$ for the others, so that
///   rounding noise is never inverted. The zero matrix gives the zero
///   matrix.
/// - Entry $(i, l)$ of $A^+$ is $\sum_j v_{ij}\, u_{lj} / \sigma_j$ over the
///   kept $j$ ($v_{ij}$ is `vt[(j, i)]`).
/// - `Err(LinalgError::Empty)` when $A$ has no entries.
/// - Example: $A$ with the single row $(3, 4)$: $\sigma_1 = 5$,
///   $v_1 = (0.6, 0.8)$, $u_1 = 1$, so $A^+$ is the column $(0.12, 0.16)$;
///   $AA^+ = 1$, and $A^+A$ is the projector onto the direction $(3, 4)$.
pub fn pseudo_inverse(a: &Matrix) -> Result<Matrix, LinalgError> {
    let (m, n) = a.shape();
    let Svd { u, s, vt } = jacobi_svd(a)?;
    // 1/σ_j above the relative cutoff, 0 at or below it (the zero matrix: all 0).
    let cutoff = m.max(n) as f64 * f64::EPSILON * s[0];
    let inv: Vec<f64> = s.iter().map(|&x| if x > cutoff { 1.0 / x } else { 0.0 }).collect();
    // (A⁺)_il = Σ_j v_ij (1/σ_j) u_lj, with v_ij = vt[(j, i)].
    Ok(Matrix::from_fn(n, m, |i, l| inv.iter().enumerate().map(|(j, &w)| vt[(j, i)] * w * u[(l, j)]).sum()))
}

/// The minimum-norm least-squares solution $x = A^+ b = V \Sigma^+ U^\top b$,
/// without forming $A^+$.
///
/// - `a` is $m \times n$ of any shape and rank, `b` has length $m$; the
///   result has length $n$. Among all minimisers of $\lVert Ax - b \rVert$
///   it is the shortest.
/// - Compute $c = U^\top b$, divide $c_j$ by $\sigma_j$ for the kept
///   singular values (the same cutoff as [`pseudo_inverse`]) and set the
///   others to $0$, then $x = V c$.
/// - `Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() })`
///   when `b` has the wrong length (checked first);
///   `Err(LinalgError::Empty)` when $A$ has no entries.
/// - Example: $A$ with rows $(1, 1), (1, 1)$ (dependent columns, where the
///   normal equations fail) and $b = (2, 2)$: every $x$ with
///   $x_0 + x_1 = 2$ fits exactly, and the shortest is $x = (1, 1)$.
pub fn lstsq_pinv(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let (m, n) = a.shape();
    if b.len() != m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: b.len() });
    }
    let Svd { u, s, vt } = jacobi_svd(a)?;
    let cutoff = m.max(n) as f64 * f64::EPSILON * s[0];
    let inv: Vec<f64> = s.iter().map(|&x| if x > cutoff { 1.0 / x } else { 0.0 }).collect();
    // c_j = (u_jᵀ b)/σ_j for the kept σ_j, 0 for the others.
    let c: Vec<f64> = inv.iter().enumerate().map(|(j, &w)| w * (0..m).map(|l| u[(l, j)] * b[l]).sum::<f64>()).collect();
    // x = V c: row j of Vᵀ scaled by c_j, summed.
    Ok((0..n).map(|i| c.iter().enumerate().map(|(j, &cj)| vt[(j, i)] * cj).sum()).collect())
}
