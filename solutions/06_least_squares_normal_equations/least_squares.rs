//! Lesson 6, exercise 3: least squares by the normal equations.
//!
//! The $x$ that minimises $\lVert Ax - b \rVert_2$ solves
//! $A^\top A\, x = A^\top b$. When the columns of $A$ are independent,
//! $A^\top A$ is symmetric positive definite, so Cholesky factors it,
//! $A^\top A = LL^\top$, and two triangular solves finish the job:
//! $Lz = A^\top b$, then $L^\top x = z$. The cost is about $mn^2 + n^3/3$
//! flops, and $A$ is read only once, which is why this is the method of choice
//! when $m \gg n$ and $A$ is well conditioned.
//!
//! The price is accuracy. $\kappa_2(A^\top A) = \kappa_2(A)^2$: the normal
//! equations square the condition number, so with $\kappa_2(A) = 10^5$ the
//! solution can lose about 10 of its 16 digits, where a method that works on
//! $A$ itself (QR, lesson 8) loses about 5 when the residual is small. When
//! $\kappa_2(A)^2$ reaches $1/u \approx 10^{16}$ ($u = 2^{-53}$), the computed
//! $A^\top A$ may not even be positive definite any more, and Cholesky stops.

use vocab::{LinalgError, Matrix};

use crate::l03::transpose::transpose;
use crate::l05::triangular::{back_substitution, forward_substitution};
use crate::l06::cholesky::cholesky;
use crate::l06::normal_equations::{at_b, gram};

/// The least-squares solution $\hat x = \arg\min_x \lVert Ax - b \rVert_2$,
/// from the normal equations $A^\top A\, \hat x = A^\top b$ solved by
/// Cholesky: $A^\top A = LL^\top$, $Lz = A^\top b$, $L^\top \hat x = z$.
///
/// - `a` is $m \times n$ with independent columns (so $m \ge n$), `b` has
///   length $m$; the result has length $n$. When $m = n$ this is the solution
///   of $Ax = b$.
/// - Use your `gram`, `at_b` and `cholesky`, your lesson-3 `transpose`, and
///   your lesson-5 `forward_substitution` and `back_substitution`.
/// - `Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() })`
///   when `b` has the wrong length (your `at_b` reports it).
/// - Dependent columns, for instance $m < n$, make $A^\top A$ singular; this
///   surfaces as your Cholesky's `Err(LinalgError::NotPositiveDefinite { column })`
///   when the pivot comes out $\le 0$. That is certain only when the
///   arithmetic is exact: rounding may leave a tiny positive pivot instead
///   and a meaningless $\hat x$. The checks pass such inputs only where the
///   arithmetic is exact, such as $A$ with the single row $(1, 2)$.
/// - Example: fitting a line $c_0 + c_1 t$ to the points $(0, 1), (1, 2),
///   (2, 4)$ is $A$ with rows $(1, 0), (1, 1), (1, 2)$ and $b = (1, 2, 4)$:
///   $A^\top A$ has rows $(3, 3), (3, 5)$, $A^\top b = (7, 10)$, and
///   $\hat x = (5/6, 3/2) \approx (0.8333, 1.5)$.
pub fn lstsq_normal(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    // Aᵀb first: it refuses a b of the wrong length before any other work.
    let atb = at_b(a, b)?;
    // AᵀA is symmetric positive definite when the columns are independent,
    // so Cholesky needs no pivoting; a pivot ≤ 0 means they are not.
    let l = cholesky(&gram(a))?;
    // LLᵀx = Aᵀb in two triangular solves: Lz = Aᵀb, then Lᵀx = z. Transpose
    // L for the second one: back substitution reads the upper triangle only.
    let z = forward_substitution(&l, &atb)?;
    back_substitution(&transpose(&l), &z)
}
