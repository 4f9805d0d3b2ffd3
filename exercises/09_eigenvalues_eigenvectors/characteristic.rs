//! Lesson 9, exercise 1: the eigenvalues of a 2×2 matrix from its
//! characteristic polynomial.
//!
//! $\lambda$ is an eigenvalue of $A$ when $A - \lambda I$ is singular, that is
//! when $\det(A - \lambda I) = 0$. For a 2×2 matrix this determinant is the
//! quadratic
//! $$\det(A - \lambda I) = \lambda^2 - t\lambda + d, \qquad
//! t = \operatorname{tr} A = a_{00} + a_{11}, \quad d = \det A,$$
//! so the eigenvalues are its roots, $\lambda = t/2 \pm \sqrt{t^2/4 - d}$: two
//! real numbers when the discriminant $\Delta = t^2/4 - d$ is $\ge 0$, a
//! complex-conjugate pair $t/2 \pm i\sqrt{-\Delta}$ when it is negative (a
//! rotation has no real invariant direction). They add up to the trace and
//! multiply to the determinant.
//!
//! The school formula has a numerical trap. When $|d| \ll t^2$, one root is
//! tiny and $t/2 - \sqrt{t^2/4 - d}$ subtracts two nearly equal numbers: for
//! $t = 10^8$ and $d = 1$ the small root is $10^{-8}$, and the subtraction
//! gets even its first digit wrong ($7.45 \times 10^{-9}$). The fix is to
//! compute only the larger root that way, where both terms have the same sign, and the other
//! from the product: $\lambda_2 = d / \lambda_1$ (Vieta). No digit is lost.
//!
//! Nobody computes the eigenvalues of a large matrix from its characteristic
//! polynomial: the roots of a polynomial can move enormously when its
//! coefficients are rounded (Wilkinson's polynomial), while the eigenvalues
//! of the matrix itself, of a symmetric one at least, do not. Lesson 10
//! computes them with orthogonal transformations instead.

use vocab::{Eigenvalues2, LinalgError, Matrix};

use crate::l03::determinant_small::det2;
use crate::l03::trace::trace;

/// The eigenvalues of a 2×2 matrix, the roots of
/// $\lambda^2 - t\lambda + d$ with $t = \operatorname{tr} A$ (your lesson-3
/// `trace`) and $d = \det A$ (your lesson-3 `det2`), computed without
/// cancellation.
///
/// - Discriminant $\Delta = (t/2)^2 - d$.
/// - $\Delta < 0$: `Eigenvalues2::Complex { re: t / 2, im: √(−Δ) }`, the pair
///   $re \pm i \cdot im$ with `im > 0`.
/// - $\Delta \ge 0$: the larger root in magnitude is
///   $\lambda_1 = t/2 + \operatorname{sign}(t)\sqrt\Delta$ (two terms of the
///   same sign: no cancellation; take sign(0) = +1), the other is
///   $\lambda_2 = d/\lambda_1$. When $\lambda_1 = 0$ (then $t = d = 0$), both
///   are 0: don't divide 0 by 0. Return `Eigenvalues2::Real(l1, l2)` with
///   `l1 >= l2` (swap if needed).
/// - On integer matrices, where $t$, $d$ and $\Delta$ are exact, the checks
///   compare each eigenvalue with the exact one to a few units in its last
///   place, also the tiny one: $t/2 - \sqrt\Delta$ fails there.
///   Entries up to about $10^{150}$ in magnitude ($t^2$ must not overflow).
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square,
///   `Err(LinalgError::DimensionMismatch { expected: 2, found: n })` when it is
///   $n \times n$ with $n \ne 2$ (your `det2`'s errors).
/// - Examples: rows $(2, 1), (1, 2)$: $t = 4$, $d = 3$, $\Delta = 1$,
///   $\lambda_1 = 3$, $\lambda_2 = 3/3 = 1$: `Real(3.0, 1.0)`. The rotation
///   by 90°, rows $(0, -1), (1, 0)$: $t = 0$, $d = 1$, $\Delta = -1$:
///   `Complex { re: 0.0, im: 1.0 }`, the pair $\pm i$.
pub fn eigenvalues_2x2(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    // TODO: d = your det2, t = your trace; Δ = (t/2)² − d; Δ < 0 → Complex { re: t/2, im: √−Δ }; else λ₁ = t/2 + sign(t)·√Δ, λ₂ = d/λ₁ (0 if λ₁ = 0), larger first.
    todo!("lesson 09: eigenvalues_2x2")
}
