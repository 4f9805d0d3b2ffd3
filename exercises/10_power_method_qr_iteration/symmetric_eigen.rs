//! Lesson 10, exercise 7: the symmetric eigen-solver.
//!
//! Everything of this lesson, put together for the case that matters most in
//! machine learning: covariance matrices, Gram matrices, Hessians and graph
//! Laplacians are symmetric, and a symmetric matrix has real eigenvalues and
//! an orthonormal basis of eigenvectors, $A = V \Lambda V^\top$ (the spectral
//! theorem of lesson 9). Lessons 11 and 12 (the SVD, PCA) run on this solver.
//!
//! 1. Reduce $A$ to Hessenberg form with your `hessenberg`: $A = Q T Q^\top$.
//!    For symmetric $A$ the form is symmetric, so $T$ is *tridiagonal*: a
//!    diagonal $d$ and one off-diagonal $e$, $2n - 1$ numbers.
//! 2. Run Wilkinson-shifted QR steps on $T$. On a tridiagonal matrix a QR
//!    step is a chain of $n - 1$ Givens rotations (your lesson-8 `givens`)
//!    that chase a "bulge" down the diagonal: $O(n)$ flops per step instead of
//!    $O(n^3)$. Each rotation $G$ replaces $T$ by $G T G^\top$ and is
//!    recorded in the eigenvectors.
//! 3. Deflate: when $|e_i|$ is negligible next to $|d_i| + |d_{i+1}|$, set
//!    it to zero; the matrix splits and the bottom eigenvalue is found. The
//!    Wilkinson shift makes $e_{h-1}$ converge cubically for symmetric
//!    matrices: two or three steps per eigenvalue in practice.
//!
//! The eigenvectors are $V = Q\, G_1^\top G_2^\top \cdots$. Keeping $V^\top$
//! instead, a rotation of coordinates $k, k+1$ mixes two *rows* of
//! $V^\top$, which are contiguous in a row-major `Matrix`: $6n$ flops on
//! two slices, no $n \times n$ product anywhere in the loop. The whole
//! solver costs $O(n^3)$: about $14n^3/3$ for the reduction and $Q$, and
//! about $6n^3$ for the rotations, the same algorithm as LAPACK's `dsteqr`.

use vocab::{LinalgError, Matrix, SymEig};

use crate::l08::givens::givens;
use crate::l10::hessenberg::hessenberg;

/// All eigenvalues and orthonormal eigenvectors of a symmetric matrix:
/// `SymEig { values, vectors }` with $A \approx V \Lambda V^\top$.
///
/// - `values` in NON-INCREASING order ($\lambda_0 \ge \lambda_1 \ge \dots$),
///   and column $j$ of the $n \times n$ `vectors` a unit eigenvector for
///   `values[j]`; the columns are orthonormal ($V^\top V = I$ to working
///   precision). Sort the values and move the columns along with them.
/// - The algorithm (the checks cannot see it, the benchmark can): your
///   `hessenberg` gives $A = Q T Q^\top$ with $T$ tridiagonal; then
///   Wilkinson-shifted QR steps on $T$'s diagonal and off-diagonal, each a
///   chain of your lesson-8 `givens` rotations chasing a bulge, each
///   rotation also applied to two rows of $V^\top$ (start from $Q^\top$);
///   set an off-diagonal entry to zero when it is negligible next to its two
///   diagonal neighbours, and work on the bottom unreduced block. $O(n^3)$ in
///   all: no dense matrix product inside the loop.
/// - `a` should be symmetric; the solver works on its symmetric part
///   $(A + A^\top)/2$, which is $A$ itself when it is symmetric.
/// - A budget of 30 QR steps per eigenvalue ($30n$ in all); at the budget,
///   `Err(LinalgError::NotConverged { iterations, residual })` with the
///   off-diagonal entry that would not vanish (a NaN in `a` ends there too).
/// - `Err(LinalgError::Empty)` for the $0 \times 0$ matrix;
///   `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square.
/// - Example: $A$ with rows $(2, 1), (1, 2)$ has `values = [3, 1]`, with
///   eigenvectors $\pm(1, 1)/\sqrt 2$ and $\pm(1, -1)/\sqrt 2$ (either sign).
pub fn symmetric_eigen(a: &Matrix) -> Result<SymEig, LinalgError> {
    // TODO: your hessenberg of (A + Aᵀ)/2 → d, e, Vᵀ = Qᵀ; Wilkinson-shifted implicit QR steps with your givens, rotating rows of Vᵀ; deflate; budget 30n; sort with the vectors.
    todo!("lesson 10: symmetric_eigen")
}
