//! Lesson 11, exercise 1: the SVD from the eigendecomposition of $A^\top A$.
//!
//! Every matrix has a singular value decomposition, and the proof is
//! lesson 9's spectral theorem: $A^\top A$ is symmetric and positive semidefinite
//! ($x^\top A^\top A x = \lVert Ax \rVert^2 \ge 0$), so
//! $A^\top A = V \Lambda V^\top$ with orthonormal $V$ and eigenvalues
//! $\lambda_1 \ge \dots \ge \lambda_n \ge 0$. Put
//! $\sigma_j = \sqrt{\lambda_j}$ and, when $\sigma_j > 0$,
//! $u_j = A v_j / \sigma_j$. These $u_j$ are orthonormal:
//! $u_i^\top u_j = v_i^\top A^\top A v_j / (\sigma_i \sigma_j)
//! = \lambda_j v_i^\top v_j / (\sigma_i \sigma_j) = \delta_{ij}$. And
//! $A v_j = \sigma_j u_j$ for every $j$ is $AV = U\Sigma$, that is
//! $A = U \Sigma V^\top$: $V^\top$ rotates, $\Sigma$ stretches the axes,
//! $U$ rotates again.
//!
//! This is a proof, and a poor algorithm. Forming $A^\top A$ squares the
//! condition number: the eigenvalues come back with errors of about
//! $u\,\sigma_1^2$, so a singular value $\sigma_j$ keeps only about
//! $u\,\kappa^2$ relative accuracy ($\kappa = \sigma_1/\sigma_j$), and one
//! below $\sqrt u\,\sigma_1 \approx 10^{-8}\sigma_1$ is lost entirely.
//! Exercise 2 computes the same factors without $A^\top A$.

use vocab::{LinalgError, Matrix, Svd};

use crate::l03::transpose::transpose;
use crate::l06::normal_equations::gram;
use crate::l10::symmetric_eigen::symmetric_eigen;

/// The thin SVD $A = U\Sigma V^\top$ through your `symmetric_eigen` of the
/// Gram matrix: the textbook construction, accurate only when $A$ is well
/// conditioned.
///
/// - Shapes as in every SVD of this lesson: $k = \min(m, n)$, `u` is
///   $m \times k$ with orthonormal columns, `s` has length $k$,
///   non-increasing and $\ge 0$, `vt` is $k \times n$ with orthonormal rows.
/// - Tall or square ($m \ge n$): your `symmetric_eigen` of your lesson-6
///   `gram(a)` $= A^\top A$ gives $V$ and $\lambda_j$ (non-increasing);
///   $\sigma_j = \sqrt{\max(\lambda_j, 0)}$.
/// - CLAMP before the square root: $A^\top A$ is positive semidefinite in
///   exact arithmetic, but a computed eigenvalue that should be $0$ comes
///   out as $\pm$ a few $u\,\lambda_1$, and `(-1e-17_f64).sqrt()` is NaN.
/// - $u_j = A v_j / \sigma_j$ only when $\lambda_j > \tau = \max(m, n)\,
///   \epsilon\,\lambda_1$ ($\epsilon$ = `f64::EPSILON`): below $\tau$ the
///   eigenvalue is rounding noise, $Av_j$ is noise too, and dividing would
///   make a vector of any length in any direction. Those $u_j$ are completed
///   instead: the unit vector $e_i$ least covered by the $u$'s so far, with
///   its components along them removed twice (Gram–Schmidt twice, lesson 7),
///   normalised. $\sigma_j$ keeps its (tiny) value.
/// - Wide ($m < n$): the same with the roles swapped, from the $m \times m$
///   matrix $AA^\top$ (`gram` of your `transpose(a)`): its eigenvectors are
///   $U$, and $v_j = A^\top u_j / \sigma_j$.
/// - `Err(LinalgError::Empty)` when $A$ has no entries; your
///   `symmetric_eigen`'s `NotConverged` passes through.
/// - Example: $A$ with rows $(3, 0), (4, 5)$: $A^\top A$ has rows
///   $(25, 20), (20, 25)$, eigenvalues $45$ and $5$, so
///   $\Sigma = \operatorname{diag}(3\sqrt 5, \sqrt 5)$, with
///   $v_1 = (1, 1)/\sqrt 2$ and $u_1 = Av_1/\sigma_1 = (1, 3)/\sqrt{10}$
///   (up to signs).
pub fn svd_via_eigen(a: &Matrix) -> Result<Svd, LinalgError> {
    /// A unit vector of length `len` orthogonal to the orthonormal `basis`: the
    /// axis e_i with the largest remainder 1 − Σ_l b_l[i]² (at least
    /// (len − r)/len, never 0 while r < len), projected out twice, normalised.
    fn completion(basis: &[Vec<f64>], len: usize) -> Vec<f64> {
        let left = |i: usize| 1.0 - basis.iter().map(|b| b[i] * b[i]).sum::<f64>();
        let best = (0..len).max_by(|&i, &j| left(i).total_cmp(&left(j))).unwrap_or(0);
        let mut x = vec![0.0; len];
        x[best] = 1.0;
        for _ in 0..2 {
            for b in basis {
                let c: f64 = b.iter().zip(&x).map(|(p, q)| p * q).sum();
                x.iter_mut().zip(b).for_each(|(xi, bi)| *xi -= c * bi);
            }
        }
        let norm = x.iter().map(|t| t * t).sum::<f64>().sqrt();
        x.iter_mut().for_each(|xi| *xi /= norm);
        x
    }

    let (m, n) = a.shape();
    if a.is_empty() {
        return Err(LinalgError::Empty);
    }
    if m < n {
        // Aᵀ is tall: Aᵀ = U'ΣV'ᵀ, so A = V'ΣU'ᵀ.
        let Svd { u, s, vt } = svd_via_eigen(&transpose(a))?;
        return Ok(Svd { u: transpose(&vt), s, vt: transpose(&u) });
    }
    // AᵀA = VΛVᵀ, eigenvalues non-increasing (your lesson-10 solver).
    let eig = symmetric_eigen(&gram(a))?;
    let v = eig.vectors;
    // The clamp: an eigenvalue that should be 0 may come out as −1e-17.
    let s: Vec<f64> = eig.values.iter().map(|&l| l.max(0.0).sqrt()).collect();
    // Eigenvalues at or below τ are indistinguishable from rounding of AᵀA.
    let lambda_1 = eig.values[0].max(0.0);
    let tau = m.max(n) as f64 * f64::EPSILON * lambda_1;
    let mut columns: Vec<Vec<f64>> = Vec::with_capacity(n);
    for j in 0..n {
        if eig.values[j] > tau {
            // u_j = A v_j / σ_j.
            columns.push((0..m).map(|i| (0..n).map(|l| a[(i, l)] * v[(l, j)]).sum::<f64>() / s[j]).collect());
        } else {
            let e = completion(&columns, m);
            columns.push(e);
        }
    }
    let u = Matrix::from_fn(m, n, |i, j| columns[j][i]);
    Ok(Svd { u, s, vt: transpose(&v) })
}
