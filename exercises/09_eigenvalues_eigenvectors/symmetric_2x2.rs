//! Lesson 9, exercise 5: the spectral theorem for a symmetric 2×2 matrix.
//!
//! A symmetric matrix has real eigenvalues and orthonormal eigenvectors: $A =
//! V\Lambda V^\top$ with $V^\top V = I$ (the spectral theorem). Geometrically,
//! $A$ stretches the plane along two perpendicular axes; the unit circle
//! becomes an ellipse whose axes are the eigenvectors. For eigenvalues
//! $\lambda \ne \mu$ the orthogonality is one line:
//! $\lambda\, v^\top w = (Av)^\top w = v^\top A w = \mu\, v^\top w$, so
//! $v^\top w = 0$.
//!
//! In two dimensions $V$ is a rotation by an angle $\theta$, and finding it is
//! one step of Jacobi's method (1846), which lesson 11 repeats for the SVD.
//! With $A$ = rows $(a, b), (b, c)$ and $J$ = rows $(\cos\theta, \sin\theta),
//! (-\sin\theta, \cos\theta)$, the off-diagonal entry of $J^\top A J$ vanishes
//! when $t = \tan\theta$ solves $t^2 + 2\tau t - 1 = 0$ with
//! $\tau = (c - a)/(2b)$. Of its two roots take the smaller one,
//! $$t = \frac{\operatorname{sign}(\tau)}{|\tau| + \sqrt{1 + \tau^2}},$$
//! which adds two positive numbers ($-\tau + \sqrt{1 + \tau^2}$, the same root
//! written the school way, cancels when $\tau \gg 1$, that is when $b$ is tiny)
//! and keeps $|\theta| \le 45°$. Then $\cos\theta = 1/\sqrt{1 + t^2}$,
//! $\sin\theta = t\cos\theta$, and the eigenvalues are $a - tb$ and $c + tb$:
//! no eigenvalue is subtracted from a diagonal entry, so even when $b$ is
//! $10^{-300}$, or the eigenvalues agree to the last digit, the eigenvectors
//! come out orthonormal to working precision.

use vocab::{LinalgError, Matrix, SymEig};

/// The eigen-decomposition $A = V \Lambda V^\top$ of a symmetric 2×2 matrix
/// by one Jacobi rotation.
///
/// - Returns `SymEig { values, vectors }`: `values` $= (\lambda_0, \lambda_1)$
///   with $\lambda_0 \ge \lambda_1$, and column $j$ of the 2×2 `vectors` a unit
///   eigenvector of $\lambda_j$; the columns are orthonormal. Either sign of a
///   column is fine.
/// - $b = a_{01} = 0$: $A$ is diagonal already; the eigenvectors are $e_0$ and
///   $e_1$ (in the order of the sorted values). Otherwise, with $a = a_{00}$,
///   $c = a_{11}$: $\tau = (c - a)/(2b)$, $t = \operatorname{sign}(\tau) /
///   (|\tau| + \sqrt{1 + \tau^2})$ with sign(0) = +1 and the root as
///   `1.0_f64.hypot(tau)` (no overflow for huge $\tau$), $\cos\theta = 1 /
///   \sqrt{1 + t^2}$, $\sin\theta = t\cos\theta$. Eigenvalue $a - tb$ has the
///   eigenvector $(\cos\theta, -\sin\theta)$, eigenvalue $c + tb$ has
///   $(\sin\theta, \cos\theta)$; swap the two pairs if needed so the larger
///   value comes first.
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square,
///   `Err(LinalgError::DimensionMismatch { expected: 2, found: n })` when it is
///   $n \times n$ with $n \ne 2$, and
///   `Err(LinalgError::NotSymmetric { row: 0, col: 1 })` when
///   $a_{01} \ne a_{10}$ (exactly: a symmetric matrix is stored symmetric).
/// - Example: rows $(2, 1), (1, 2)$: $\tau = 0$, $t = 1$,
///   $\cos\theta = \sin\theta = 1/\sqrt 2$; values $2 - 1 = 1$ with
///   $(1, -1)/\sqrt 2$ and $2 + 1 = 3$ with $(1, 1)/\sqrt 2$; sorted: values
///   $(3, 1)$, vectors with columns $(1, 1)/\sqrt 2$ and $(1, -1)/\sqrt 2$.
pub fn symmetric_eigen_2x2(a: &Matrix) -> Result<SymEig, LinalgError> {
    // TODO: check shape and a01 == a10; b == 0 → diagonal; else τ = (c − a)/(2b), t = sign(τ)/(|τ| + hypot(1, τ)), cs = 1/hypot(1, t), sn = t·cs; pairs (a − tb, (cs, −sn)) and (c + tb, (sn, cs)), larger first.
    todo!("lesson 09: symmetric_eigen_2x2")
}
