//! Lesson 8, exercise 5: least squares through QR.
//!
//! With the thin factorization $A = QR$, $\lVert Ax - b \rVert$ splits into
//! the part of $b$ in the column space of $A$, where $Q^\top$ keeps lengths,
//! and the part orthogonal to it, which no $x$ can reach:
//! $\lVert Ax - b \rVert^2 = \lVert Rx - Q^\top b \rVert^2 +
//! \lVert (I - QQ^\top) b \rVert^2$. So the least-squares solution solves the
//! square triangular system $Rx = Q^\top b$, by back substitution.
//!
//! No $A^\top A$ is formed. The normal equations square the condition
//! number, so their solution can be wrong in the digits beyond $u\kappa^2$;
//! Householder QR solves a problem within $c\,mn\,u$ of the given one, and
//! the least-squares problem itself amplifies that by about
//! $\kappa + \kappa^2 \lVert r \rVert / (\lVert A \rVert \lVert x \rVert)$
//! (Higham, ch. 20). When the residual $r = b - Ax$ is small (a model that
//! fits well), that is $u\kappa$ instead of $u\kappa^2$: with
//! $\kappa = 10^7$, about 9 correct digits instead of 2. The price, when
//! $m \gg n$: $2mn^2$ flops for $R$ against $mn^2$ for $A^\top A$, and as
//! much again to form the thin $Q$, as this exercise does; applying the
//! stored reflectors to $b$ directly, as LAPACK's `gels` does, skips that.

use vocab::{LinalgError, Matrix, Qr};

use crate::l02::dot_product::dot;
use crate::l05::triangular::back_substitution;
use crate::l08::householder_qr::householder_qr;

/// The least-squares solution $\hat x = \arg\min_x \lVert Ax - b \rVert_2$
/// through the thin QR factorization: $A = QR$, then $R\hat x = Q^\top b$.
///
/// - `a` is $m \times n$ with $m \ge n$, `b` has length $m$; the result has
///   length $n$. When $m = n$ this is the solution of $Ax = b$.
/// - Use your `householder_qr`; entry $j$ of $c = Q^\top b$ is column $j$ of
///   $Q$ dotted with $b$ (your lesson-2 `dot`); finish with your lesson-5
///   `back_substitution(&r, &c)`.
/// - `Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() })`
///   when `b` has the wrong length (checked first); your `householder_qr`'s
///   errors for an empty or a wide $A$.
/// - Dependent columns: when the factorization leaves an exact zero on the
///   diagonal of $R$ (a zero column, for instance), your back substitution's
///   `Err(LinalgError::Singular { column })` passes through. Nearly
///   dependent columns give a tiny diagonal entry and a huge $\hat x$, the
///   right answer to a problem that is ill posed.
/// - Example: the line through $(0, 1), (1, 2), (2, 4)$, $A$ with rows
///   $(1, 0), (1, 1), (1, 2)$ and $b = (1, 2, 4)$: $r_{00} = -\sqrt 3$,
///   $r_{01} = -\sqrt 3$, $|r_{11}| = \sqrt 2$, and $\hat x = (5/6, 3/2)$, the
///   solution of the normal equations of lesson 6.
pub fn lstsq_qr(a: &Matrix, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    // TODO: check b's length; your householder_qr; c_j = dot(column j of Q, b); your back_substitution(&r, &c).
    todo!("lesson 08: lstsq_qr")
}
