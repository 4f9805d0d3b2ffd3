//! Lesson 7, exercise 2: classical Gram–Schmidt, the thin factorization $A = QR$.
//!
//! Gram–Schmidt turns independent columns $a_0, \dots, a_{n-1}$ into
//! orthonormal ones $q_0, \dots, q_{n-1}$, one at a time, so that the first
//! $k + 1$ of each span the same space for every $k$. Step $k$ removes from
//! $a_k$ its projections onto the $q_j$ found so far (lesson 2's projection;
//! with $q_j \cdot q_j = 1$ there is nothing to divide by) and normalises what
//! is left:
//!
//! $$v_k = a_k - \sum_{j<k} (q_j \cdot a_k)\, q_j, \qquad q_k = v_k / \lVert v_k \rVert.$$
//!
//! Keep the numbers, $r_{jk} = q_j \cdot a_k$ and $r_{kk} = \lVert v_k \rVert$,
//! and step $k$ says $a_k = r_{0k} q_0 + \dots + r_{kk} q_k$: column $k$ of
//! $A = QR$, with $R$ upper triangular. This is the *thin* QR factorization
//! ($Q$ is $m \times n$, $R$ is $n \times n$), and with $r_{kk} > 0$ it is
//! unique. It costs about $2mn^2$ flops.
//!
//! *Classical* means that every coefficient $r_{jk}$ is computed from the
//! original column $a_k$, so all of them could be computed at once, as
//! $Q^\top a_k$. That is exact in exact arithmetic and fragile in floating
//! point: when $a_k$ is nearly in the span of the earlier columns, $v_k$ is a
//! small difference of large vectors, and the rounding errors of the
//! subtraction, of size $u \lVert a_k \rVert$, become large relative errors
//! of $q_k$, leaning towards the earlier $q_j$. The loss of orthogonality
//! $\lVert Q^\top Q - I \rVert$ grows like $u\,\kappa_2(A)^2$ (Giraud, Langou,
//! Rozložník and van den Eshof, 2005): about $10^{-8}$ for $\kappa_2(A) = 10^4$, and
//! complete for $\kappa_2(A) = 10^8$. $A = QR$ still holds to rounding.

use vocab::{LinalgError, Matrix, Qr};

use crate::l01::add_vectors::sub;
use crate::l01::scale_vector::scale;
use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;

/// The thin QR factorization $A = QR$ of an $m \times n$ matrix ($m \ge n$)
/// by classical Gram–Schmidt: for $k = 0, 1, \dots, n - 1$,
/// $r_{jk} = q_j \cdot a_k$ for $j < k$ (the **original** column $a_k$),
/// $v_k = a_k - \sum_{j<k} r_{jk} q_j$, $r_{kk} = \lVert v_k \rVert_2$,
/// $q_k = v_k / r_{kk}$.
///
/// - Returns `Qr { q, r }`: `q` is $m \times n$ with orthonormal columns (up
///   to the loss of orthogonality of the classical algorithm), `r` is
///   $n \times n$ upper triangular with a **positive** diagonal and exact
///   `0.0` below it (those entries are never computed), and $A = QR$.
/// - Use your lesson-2 `dot` and `norm_l2` (it does not overflow: the checks
///   scale $A$ by up to $2^{\pm 600}$) and your lesson-1 `sub` and `scale`.
/// - `Err(LinalgError::Empty)` when `a` has no rows or no columns.
/// - `Err(LinalgError::DimensionMismatch { expected: rows, found: cols })`
///   when $n > m$: more than $m$ vectors of $\mathbb{R}^m$ are never
///   independent.
/// - `Err(LinalgError::Singular { column: k })` at the first column $k$ that
///   is numerically a combination of the columns before it:
///   $r_{kk} \le 10^{-10} \lVert a_k \rVert_2$. The ratio
///   $r_{kk} / \lVert a_k \rVert$ is the sine of the angle between $a_k$ and
///   the span of $a_0, \dots, a_{k-1}$, and it is at least
///   $1/\kappa_2(A)$, so every $A$ with $\kappa_2(A)$ up to $10^{8}$ is
///   factored. A zero column ($0 \le 0$), a repeated column or an exact
///   combination of earlier ones is refused: what is left of it is rounding
///   noise. Compare with `<=`, not `== 0.0`: the noise is rarely exactly 0.
/// - Example: $A$ with rows $(1, 1), (1, 0), (0, 1)$: $r_{00} = \sqrt 2$,
///   $q_0 = (1, 1, 0)/\sqrt 2$; $r_{01} = q_0 \cdot a_1 = 1/\sqrt 2$,
///   $v_1 = (1, 0, 1) - \tfrac12 (1, 1, 0) = (\tfrac12, -\tfrac12, 1)$,
///   $r_{11} = \sqrt{3/2}$, $q_1 = (1, -1, 2)/\sqrt 6$. So
///   $R = \begin{pmatrix} \sqrt 2 & 1/\sqrt 2 \\ 0 & \sqrt{3/2} \end{pmatrix}
///   \approx \begin{pmatrix} 1.4142 & 0.7071 \\ 0 & 1.2247 \end{pmatrix}$.
pub fn classical_gram_schmidt(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let mut qs: Vec<Vec<f64>> = Vec::with_capacity(n);
    let mut r = Matrix::zeros(n, n);
    for k in 0..n {
        let a_k = a.column(k);
        let mut v = a_k.clone();
        for (j, q_j) in qs.iter().enumerate() {
            // Classical: the coefficient comes from the original column a_k,
            // whatever has already been subtracted from v.
            let r_jk = dot(q_j, &a_k);
            r[(j, k)] = r_jk;
            v = sub(&v, &scale(r_jk, q_j));
        }
        let r_kk = norm_l2(&v);
        // What is left of a_k, relative to a_k: the sine of its angle to the
        // earlier columns. Below 1e-10 it is rounding noise, not a direction;
        // `<=` also refuses a zero column, where both sides are 0.
        if r_kk <= 1e-10 * norm_l2(&a_k) {
            return Err(LinalgError::Singular { column: k });
        }
        r[(k, k)] = r_kk;
        qs.push(scale(1.0 / r_kk, &v));
    }
    Ok(Qr { q: Matrix::from_columns(&qs), r })
}
