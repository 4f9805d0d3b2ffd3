//! Lesson 7, exercise 4: re-orthogonalisation, classical Gram–Schmidt twice.
//!
//! Modified Gram–Schmidt still loses orthogonality in proportion to
//! $\kappa_2(A)$. The cure is to orthogonalise again. After one classical
//! pass, $w = a_k - \sum_{j<k} (q_j \cdot a_k)\, q_j$ is orthogonal to the
//! earlier $q_j$ except for the rounding errors of the subtraction, about
//! $u \lVert a_k \rVert$: small next to $a_k$, but not next to $w$ when
//! $a_k$ nearly lies in their span. A second classical pass, with
//! coefficients computed from $w$, removes them. It starts from a vector that
//! is already nearly orthogonal, so it has nothing large to cancel, and what
//! it leaves is orthogonal to rounding. "Twice is enough" (Kahan's words, in
//! Parlett's book; proved for CGS2 by Giraud, Langou, Rozložník and van den
//! Eshof, 2005): as long as $u\,\kappa_2(A)$ is well below 1, the loss of
//! orthogonality is of the order of $u$, whatever $\kappa_2(A)$ is.
//!
//! It costs twice the flops of one pass, about $4mn^2$, but each pass is a
//! product with $Q^\top$ followed by one with $Q$, which computers do fast
//! (matrix–vector products instead of a chain of dependent dot products).
//! That is why CGS2, or CGS with a second pass when it is needed, is a
//! common choice in practice, for instance in Arnoldi and GMRES codes.

use vocab::{LinalgError, Matrix, Qr};

use crate::l01::add_vectors::sub;
use crate::l01::scale_vector::scale;
use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;

/// The thin QR factorization $A = QR$ of an $m \times n$ matrix ($m \ge n$)
/// by classical Gram–Schmidt with re-orthogonalisation (CGS2): for
/// $k = 0, 1, \dots, n - 1$,
/// 1. first pass: $s_j = q_j \cdot a_k$ for all $j < k$, then
///    $w = a_k - \sum_{j<k} s_j q_j$;
/// 2. second pass: $t_j = q_j \cdot w$ for all $j < k$ (the coefficients come
///    from $w$, the result of the first pass), then
///    $v = w - \sum_{j<k} t_j q_j$;
/// 3. $r_{jk} = s_j + t_j$ (both passes removed a part of $a_k$ along
///    $q_j$, so $a_k = \sum_{j<k} (s_j + t_j)\, q_j + v$),
///    $r_{kk} = \lVert v \rVert_2$, $q_k = v / r_{kk}$.
///
/// - The same contract as your `classical_gram_schmidt`: `Qr { q, r }` with
///   `q` $m \times n$, `r` $n \times n$ upper triangular with a positive
///   diagonal and exact `0.0` below it, $A = QR$, but now
///   $\lVert Q^\top Q - I \rVert$ is at the level of rounding, a small
///   multiple of $u$, for every $A$ with $\kappa_2(A)$ up to $10^8$ (the
///   checks allow $10\, m(n + 2)\, u$).
/// - The same errors: `Empty`, `DimensionMismatch { expected: rows, found:
///   cols }` when $n > m$, and `Singular { column: k }` at the first $k$ with
///   $r_{kk} \le 10^{-10} \lVert a_k \rVert_2$, tested after the second pass.
/// - Example: $A$ with rows $(1, 1), (1, 0), (0, 1)$: the first pass gives the
///   classical $w = (\tfrac12, -\tfrac12, 1)$, which is already orthogonal to
///   $q_0 = (1, 1, 0)/\sqrt 2$, so $t_0 = 0$ (up to rounding) and $Q$, $R$ are
///   those of the classical example: $r_{01} = 1/\sqrt 2 + 0$,
///   $r_{11} = \sqrt{3/2}$.
pub fn gram_schmidt_twice(a: &Matrix) -> Result<Qr, LinalgError> {
    // TODO: per column, two classical passes (coefficients from v as it was when the pass began), r_jk += each coefficient; then r_kk, the dependence test and q_k.
    todo!("lesson 07: gram_schmidt_twice")
}
