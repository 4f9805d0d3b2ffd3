//! Lesson 10, exercise 5: QR iteration.
//!
//! Factor $A_0 = A$ as $Q_0 R_0$, multiply the factors back in the other
//! order, $A_1 = R_0 Q_0$, and repeat. Since $R_0 = Q_0^\top A_0$,
//! $A_1 = Q_0^\top A_0 Q_0$: every $A_k$ is similar to $A$, with the same
//! eigenvalues. And, when the eigenvalues are real with distinct moduli, the
//! $A_k$ become upper triangular, eigenvalues on the diagonal, in order of
//! decreasing modulus.
//!
//! Why: $\hat Q_k = Q_0 Q_1 \cdots Q_{k-1}$ is the $Q$ of the QR
//! factorization of $A^k$ (induction: $A^k = \hat Q_k \hat R_k$). So the
//! first column of $\hat Q_k$ is the power method on $e_0$, the first two
//! span the power method on a plane, and so on: QR iteration is the power
//! method run on all the columns at once, kept orthonormal by the QR
//! factorization ("simultaneous iteration"). Entry $(i, j)$ below the
//! diagonal shrinks like $|\lambda_i / \lambda_j|^k$; the subdiagonal entry
//! $(i+1, i)$ like $|\lambda_{i+1}/\lambda_i|^k$, the gap ratio of the
//! power method again.
//!
//! Unshifted, this is as slow as the power method with the worst gap, and it
//! costs $O(n^3)$ per step. The next exercise fixes both.

use vocab::{LinalgError, Matrix};

use crate::l02::vector_norms::norm_l2;
use crate::l03::matrix_product::mat_mul;
use crate::l08::householder_qr::householder_qr;

/// One step of QR iteration: $A = QR$ by your lesson-8 `householder_qr`,
/// then return $RQ$ (not $QR$, which is $A$ again).
///
/// - $RQ = Q^\top A Q$ has the eigenvalues of $A$.
/// - `Err(LinalgError::Empty)` for the $0 \times 0$ matrix;
///   `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square.
/// - Example: $A$ with rows $(2, 1), (1, 2)$: $Q$ has rows
///   $(-2, -1)/\sqrt 5, (-1, 2)/\sqrt 5$ and $R$ rows
///   $(-\sqrt 5, -4/\sqrt 5), (0, 3/\sqrt 5)$, so $RQ$ has rows
///   $(2.8, -0.6), (-0.6, 1.2)$: trace $4$ kept, the off-diagonal shrunk
///   from $1$ to $0.6 = 3 \cdot 1/5$.
pub fn qr_step(a: &Matrix) -> Result<Matrix, LinalgError> {
    // TODO: refuse Empty / NotSquare; your householder_qr, then your mat_mul(R, Q).
    todo!("lesson 10: qr_step")
}

/// The eigenvalues of `a` by unshifted QR iteration: `(values, iterations)`.
///
/// - Repeat your [`qr_step`] until every entry below the diagonal is small,
///   $\max_{i > j} |a_{ij}| \le$ `tol` $\cdot \lVert A \rVert_F$ (the
///   Frobenius norm of the *original* `a`); test before each step, so an
///   upper triangular `a` takes 0 steps. `iterations` is the number of
///   steps taken.
/// - `values` is the diagonal of the final matrix, top to bottom: for real
///   eigenvalues of distinct moduli, that is the order of decreasing
///   $|\lambda|$ (the checks compare the values as a set).
/// - At most `max_iter` steps, then
///   `Err(LinalgError::NotConverged { iterations: max_iter, residual })`
///   with the last $\max_{i > j} |a_{ij}|$. Two eigenvalues of the same
///   modulus (a $\pm$ pair, a complex pair) end there: those entries never
///   shrink.
/// - `Err(LinalgError::Empty)`, `Err(LinalgError::NotSquare { .. })` as for
///   [`qr_step`].
/// - Example: $A$ with rows $(2, 1), (1, 2)$ (eigenvalues 3 and 1): the
///   off-diagonal entry shrinks by the gap ratio $1/3$ at every step (in
///   the long run), so `tol = 1e-12` takes about 25 steps and gives
///   $\approx (3, 1)$.
pub fn qr_iteration(a: &Matrix, max_iter: usize, tol: f64) -> Result<(Vec<f64>, usize), LinalgError> {
    // TODO: test max_{i>j} |a_ij| ≤ tol·‖A‖_F before each step; your qr_step until it holds; NotConverged at max_iter; return the diagonal and the step count.
    todo!("lesson 10: qr_iteration")
}
