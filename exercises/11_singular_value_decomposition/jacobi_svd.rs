//! Lesson 11, exercise 2: an accurate SVD by one-sided Jacobi.
//!
//! The route through $A^\top A$ (exercise 1) squares the condition number:
//! a singular value below $\sqrt u\,\sigma_1 \approx 10^{-8}\sigma_1$ drowns
//! in the rounding of $A^\top A$. One-sided Jacobi (Hestenes, 1958) never
//! forms $A^\top A$. It rotates pairs of COLUMNS of $A$ until all of them are
//! mutually orthogonal:
//! $$A J_1 J_2 \cdots J_N = B, \qquad b_i^\top b_j = 0 \ (i \ne j).$$
//! Then $B = U\Sigma$ with $\sigma_j = \lVert b_j \rVert$ and
//! $u_j = b_j / \sigma_j$, and $V = J_1 \cdots J_N$ is orthogonal, so
//! $A = U \Sigma V^\top$.
//!
//! One rotation: for columns $a_p, a_q$ with $\alpha = \lVert a_p \rVert^2$,
//! $\beta = \lVert a_q \rVert^2$, $\gamma = a_p^\top a_q$, the rotation
//! $(a_p, a_q) \leftarrow (c\,a_p - s\,a_q,\ s\,a_p + c\,a_q)$ makes them
//! orthogonal when $t = s/c$ solves $t^2 + 2\zeta t - 1 = 0$,
//! $\zeta = (\beta - \alpha)/(2\gamma)$: take the smaller root
//! $t = \operatorname{sign}(\zeta)/(|\zeta| + \sqrt{1 + \zeta^2})$, then
//! $c = 1/\sqrt{1 + t^2}$, $s = ct$. This is the two-sided Jacobi rotation of
//! the $2 \times 2$ block of $A^\top A$, computed without forming it. A
//! rotation spoils the orthogonality of $a_p, a_q$ with the other columns,
//! but the off-diagonal mass of $A^\top A$ drops by $2\gamma^2$ each time,
//! and sweeps over all pairs converge, quadratically at the end.
//!
//! Why it is accurate: every step is an orthogonal map applied to the data
//! itself, and the stopping test is RELATIVE,
//! $|a_p^\top a_q| \le \epsilon\,\lVert a_p \rVert \lVert a_q \rVert$, so a
//! column of norm $10^{-10}$ is made orthogonal to the others as carefully as
//! a column of norm 1. Singular values come out with a small relative error
//! whenever $A = BD$ with $D$ diagonal and $B$ well conditioned (graded
//! columns), where any method that starts by bidiagonalizing may lose them
//! (Demmel and Veselić, *SIAM J. Matrix Anal. Appl.* 13, 1992).
//!
//! Cost: one sweep of the $n(n-1)/2$ pairs costs about $n^2(6m + 3n)$ flops
//! (a dot product, a rotation of two columns with their norms, a rotation of
//! two rows of $V^\top$); a few sweeps are typical, each cheaper than the
//! one before as more pairs pass the test. LAPACK's `dgesvj` is this method
//! with refinements, and `dgejsv` adds preconditioning by QR to cut the
//! sweeps (Drmač and Veselić, 2008).
//!
//! Storage: `Matrix` is row-major, so a column of $A$ is strided. We work on
//! $G = A^\top$, whose ROWS are the columns of $A$: each rotation then
//! touches two contiguous slices, which the compiler turns into vector
//! instructions. $V^\top$ is accumulated the same way, by rows.

use vocab::{LinalgError, Matrix, Svd};

use crate::l02::vector_norms::norm_l2;

/// The most sweeps before giving up. The convergence is quadratic in the end,
/// and no finite matrix of this course comes near it; non-finite input (NaN)
/// reaches it.
const MAX_SWEEPS: usize = 80;

/// The thin singular value decomposition $A = U \Sigma V^\top$ of an
/// $m \times n$ matrix of any shape, by one-sided Jacobi rotations.
///
/// - With $k = \min(m, n)$: `u` is $m \times k$ with orthonormal columns,
///   `s` has length $k$, NON-INCREASING and $\ge 0$, `vt` is $k \times n$
///   with orthonormal rows, and $A \approx U \Sigma V^\top$
///   (`Svd::reconstruct`).
/// - Tall or square ($m \ge n$): rotate the columns of $A$ (rows of
///   $G = A^\top$, so that they are contiguous) until
///   $|g_p^\top g_q| \le \epsilon \lVert g_p \rVert \lVert g_q \rVert$ for
///   every pair, with $\epsilon = \sqrt m\,$`f64::EPSILON` ($\sqrt n\,$`f64::EPSILON`
///   when wide: the length of the vectors rotated); accumulate the rotations in
///   the rows of $V^\top$. Then $\sigma_j = \lVert g_j \rVert$ (your
///   `norm_l2`), $u_j = g_j / \sigma_j$, sorted by $\sigma$.
/// - Wide ($m < n$): the same on $A^\top$, whose columns are the rows of
///   $A$; $A^\top = U' \Sigma V'^\top$ gives $A = V' \Sigma U'^\top$.
/// - A column that ends exactly zero ($\sigma_j = 0$: a zero column, the
///   zero matrix) has no direction to normalise: its $u_j$ is completed to an
///   orthonormal set (the unit vector $e_i$ least covered by the columns so
///   far, projected out twice and normalised), so $U^\top U = I$ always.
/// - `Err(LinalgError::Empty)` when $A$ has no entries;
///   `Err(LinalgError::NotConverged { iterations, residual })` when 80
///   sweeps do not reach the test (only non-finite input does that), with
///   `residual` the largest $|g_p^\top g_q| / (\lVert g_p \rVert \lVert g_q \rVert)$
///   of the last sweep.
/// - Example: $A$ with rows $(3, 0), (4, 5)$: its columns $(3, 4)$ and
///   $(0, 5)$ are rotated to orthogonal columns of norms $\sqrt{45}$ and
///   $\sqrt 5$, so $\Sigma = \operatorname{diag}(3\sqrt 5, \sqrt 5)$.
pub fn jacobi_svd(a: &Matrix) -> Result<Svd, LinalgError> {
    // TODO: columns into the rows of g = Aᵀ (rows of A when wide); rotate pairs until |g_p·g_q| ≤ √len·ε·‖g_p‖‖g_q‖, rotating the rows of Vᵀ too; σ_j = norm_l2(g_j), sorted; cap the sweeps.
    todo!("lesson 11: jacobi_svd")
}
