//! Lesson 7, exercise 3: modified Gram–Schmidt.
//!
//! The same factorization $A = QR$, the same flops, one word changed:
//! *modified* Gram–Schmidt subtracts the projections one at a time, and
//! computes each coefficient from the vector as it is **now**, with the
//! earlier projections already removed:
//!
//! $$v \leftarrow a_k; \qquad \text{for } j = 0, \dots, k-1:\quad
//! r_{jk} = q_j \cdot v, \quad v \leftarrow v - r_{jk} q_j.$$
//!
//! In exact arithmetic $q_j \cdot v = q_j \cdot a_k$, because the part of $v$
//! already removed is orthogonal to $q_j$, so nothing changes. In floating
//! point, each step also removes the component along $q_j$ that the rounding
//! errors of the earlier steps put there, instead of leaving it in. The loss
//! of orthogonality drops from $u\,\kappa_2(A)^2$ to $u\,\kappa_2(A)$ (Björck,
//! 1967): about $10^{-8}$ instead of complete at $\kappa_2(A) = 10^8$.
//!
//! With one or two columns the two algorithms do the same arithmetic
//! ($r_{01} = q_0 \cdot a_1$ either way); they part at the third column.

use vocab::{LinalgError, Matrix, Qr};

use crate::l01::add_vectors::sub;
use crate::l01::scale_vector::scale;
use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;

/// The thin QR factorization $A = QR$ of an $m \times n$ matrix ($m \ge n$)
/// by modified Gram–Schmidt: for $k = 0, 1, \dots, n - 1$, start from
/// $v = a_k$; for $j = 0, \dots, k - 1$ in order, $r_{jk} = q_j \cdot v$ (the
/// **updated** $v$) and $v \leftarrow v - r_{jk} q_j$; then
/// $r_{kk} = \lVert v \rVert_2$ and $q_k = v / r_{kk}$.
///
/// - The same contract as your `classical_gram_schmidt`: `Qr { q, r }` with
///   `q` $m \times n$ with orthonormal columns, `r` $n \times n$ upper
///   triangular with a positive diagonal and exact `0.0` below it, $A = QR$.
///   The checks allow a loss of orthogonality of about $u\,\kappa_2(A)$ times
///   a size factor, which the classical algorithm exceeds by far when
///   $\kappa_2(A)$ is large.
/// - The same errors: `Empty` (no rows or no columns),
///   `DimensionMismatch { expected: rows, found: cols }` when $n > m$, and
///   `Singular { column: k }` at the first $k$ with
///   $r_{kk} \le 10^{-10} \lVert a_k \rVert_2$ (compared with the norm of the
///   original column $a_k$).
/// - The loop can also run the other way round (row-oriented MGS): as soon as
///   $q_j$ is known, subtract its projection from every later column. The
///   arithmetic is the same.
/// - Example: $A$ with rows $(1, 1), (1, 0), (0, 1)$ gives the $Q$ and $R$ of
///   the classical example. With a third column the two can differ: for
///   $A$ with rows $(1, 1, 1), (\varepsilon, 0, 0), (0, \varepsilon, 0),
///   (0, 0, \varepsilon)$ and $\varepsilon = 10^{-8}$ (Läuchli's matrix,
///   $1 + \varepsilon^2$ rounds to 1), classical Gram–Schmidt returns
///   $q_1 \cdot q_2 \approx 0.5$ (a loss $\lVert Q^\top Q - I \rVert_F
///   \approx 0.71$), modified a loss of about $1.2 \cdot 10^{-8}$.
pub fn modified_gram_schmidt(a: &Matrix) -> Result<Qr, LinalgError> {
    // TODO: as classical_gram_schmidt, but r_jk = q_j·v, with v updated right after each coefficient.
    todo!("lesson 07: modified_gram_schmidt")
}
