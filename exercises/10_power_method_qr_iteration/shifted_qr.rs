//! Lesson 10, exercise 6: QR iteration with shifts and deflation.
//!
//! Three changes turn the slow iteration of the previous exercise into the
//! algorithm every library runs (LAPACK's `dhseqr`, numpy's `eigvals`).
//!
//! 1. Hessenberg first: your `hessenberg` gives $H = Q^\top A Q$, and a QR
//!    step keeps the Hessenberg form ($RQ$ of a Hessenberg matrix is
//!    Hessenberg). Only the $n - 1$ subdiagonal entries need to vanish.
//! 2. Shifts: a step on $H - \mu I$, then $+\mu I$ back:
//!    $H' = RQ + \mu I = Q^\top H Q$, still similar to $H$. The bottom
//!    subdiagonal entry now shrinks like $|\lambda_a - \mu| /
//!    |\lambda_b - \mu|$, $\lambda_a$ the eigenvalue nearest $\mu$ and
//!    $\lambda_b$ the next nearest: with $\mu$ near $\lambda_a$, nearly 0.
//!    Wilkinson's shift, the eigenvalue of the trailing $2 \times 2$ block
//!    nearest its last diagonal entry, makes it converge quadratically
//!    (each step doubles the digits; cubically for symmetric matrices).
//! 3. Deflation: once $|h_{i+1,i}|$ is negligible next to its diagonal
//!    neighbours, set it to zero. $H$ is then block upper triangular, its
//!    eigenvalues are those of the two diagonal blocks, and the work goes on
//!    with the smaller blocks. Two or three steps per eigenvalue is typical.
//!
//! A real matrix may have complex eigenvalues, in conjugate pairs; real
//! arithmetic cannot converge to them, and a $2 \times 2$ block with a
//! complex pair stays on the diagonal (the real Schur form). This exercise
//! stops with an error there; LAPACK keeps the block and solves it.

use vocab::{LinalgError, Matrix};

use crate::l02::vector_norms::norm_l2;
use crate::l10::hessenberg::hessenberg;
use crate::l10::qr_iteration::qr_step;

/// All eigenvalues of a real square matrix whose eigenvalues are real, by
/// shifted QR iteration on its Hessenberg form with deflation, in
/// NON-INCREASING order.
///
/// - Reduce with your `hessenberg` (only $H$ is needed). Then, while the
///   active block (rows and columns $l..=h$) has more than one row:
///   set every negligible subdiagonal entry to zero,
///   $|h_{i+1,i}| \le u\,(|h_{ii}| + |h_{i+1,i+1}|)$ with $u = 2^{-53}$, or
///   $|h_{i+1,i}| \le u \lVert A \rVert_F$ (the first test alone never
///   fires between two tiny diagonal entries, e.g. a double eigenvalue 0);
///   if $h_{h,h-1} = 0$, $h_{hh}$ is an eigenvalue: shrink the block from
///   below; else let $l$ be the top of the unreduced block that ends at $h$
///   and take one shifted step on it.
/// - The shifted step on the block $B$: $\mu$ = the eigenvalue of $B$'s
///   trailing $2 \times 2$ block nearer its last diagonal entry (Wilkinson;
///   when that $2 \times 2$ has complex eigenvalues, $\mu$ = its last
///   diagonal entry), then $B \leftarrow$ your `qr_step`$(B - \mu I) + \mu I$.
///   Every 10th step without a deflation, use LAPACK's exceptional shift
///   $\mu = h_{hh} + 0.75\,(|h_{h,h-1}| + |h_{h-1,h-2}|)$ instead: a fixed
///   rule of shifts can cycle forever on some matrices.
///   Put exact zeros back below $B$'s subdiagonal (rounding leaves
///   $u \lVert B \rVert$ there). Blocks above and right of $B$ change with a
///   real similarity, but not the eigenvalues: leave them as they are.
/// - An unreduced $2 \times 2$ block needs no more steps: its eigenvalues
///   are $\tfrac{a + d}{2} \pm \sqrt{\delta}$, $\delta = (\tfrac{a - d}{2})^2 + bc$
///   for rows $(a, b), (c, d)$. When $\delta < 0$ they are a complex pair:
///   stop with `Err(LinalgError::NotConverged { iterations, residual })`,
///   `residual` the block's subdiagonal entry. (A $\delta$ below zero by less
///   than $u \lVert A \rVert_F^2$ is rounding on a double real eigenvalue:
///   count it as $0$.) The same error after $30n$ shifted steps in all.
/// - `Err(LinalgError::Empty)` for the $0 \times 0$ matrix;
///   `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square.
/// - Example: $A$ with rows $(4, 1), (2, 3)$ (eigenvalues 5 and 2): the
///   whole matrix is one unreduced $2 \times 2$ block, so no QR step is
///   taken: $3.5 \pm \sqrt{0.25 + 2}$ gives $[5, 2]$ exactly.
pub fn shifted_qr_eigenvalues(a: &Matrix) -> Result<Vec<f64>, LinalgError> {
    // TODO: your hessenberg; deflate negligible subdiagonals, 2×2 blocks directly (complex → NotConverged), else a Wilkinson-shifted qr_step on the active block; budget 30n; sort non-increasing.
    todo!("lesson 10: shifted_qr_eigenvalues")
}
