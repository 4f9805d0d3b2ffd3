//! Lesson 6, exercise 6: the residual, and how orthogonal it is.
//!
//! The residual $r = b - A\hat x$ is what the model leaves unexplained. At
//! the least-squares solution, $A\hat x$ is the orthogonal projection of $b$
//! onto the column space $C(A)$ (lesson 2 projected onto one vector; this is
//! the same picture with several), so $r$ is orthogonal to every column:
//! $A^\top r = 0$, which is the normal equations again. Any other $x$ leaves
//! a residual with a component along $C(A)$ that a better $x$ would remove.
//!
//! In floating point $A^\top r$ is never exactly 0, and its size depends on
//! the scale of $A$ and $r$. The cosine of the angle between $r$ and each
//! column does not. A small value says that $\hat x$ nearly solves the
//! normal equations (a small backward error), not that $\hat x$ is accurate:
//! on an ill-conditioned $A$ the normal equations can lose most of their
//! digits and still leave a residual orthogonal to about $10^{-16}$.

use vocab::{LinalgError, Matrix};

use crate::l01::add_vectors::sub;
use crate::l02::cosine_similarity::cosine_similarity;
use crate::l03::matrix_vector::mat_vec_rows;

/// The residual $r = b - Ax$.
///
/// - `a` is $m \times n$, `x` has length $n$, `b` has length $m$; the result
///   has length $m$. Mind the sign: $b - Ax$, not $Ax - b$.
/// - `Err(LinalgError::DimensionMismatch { expected: a.ncols(), found: x.len() })`
///   when `x` has the wrong length (your `mat_vec_rows` reports it), and
///   `Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() })`
///   when `b` has.
/// - Example: $A$ with rows $(1, 0), (1, 1), (1, 2)$, $b = (1, 2, 4)$ and
///   the least-squares $x = (5/6, 3/2)$ leave $r = (1/6, -1/3, 1/6)$; the
///   guess $x = (1, 1)$ leaves $r = (0, 0, 1)$.
pub fn residual(a: &Matrix, x: &[f64], b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let ax = mat_vec_rows(a, x)?;
    if b.len() != ax.len() {
        return Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: b.len() });
    }
    Ok(sub(b, &ax))
}

/// How far `r` is from being orthogonal to the columns of `a`: the largest
/// $\lvert \cos\theta_j \rvert = \dfrac{\lvert a_j^\top r \rvert}{\lVert a_j \rVert_2 \lVert r \rVert_2}$
/// over the columns $a_j$.
///
/// - A number in $[0, 1]$: 0 when $r$ is orthogonal to every column (an exact
///   least-squares residual), 1 when it is parallel to one of them. It does
///   not change when $A$ or $r$ is scaled.
/// - A zero column, or a zero residual, has no direction and counts as
///   orthogonal (cosine 0): an exact fit, $r = 0$, gives 0, and so does a
///   matrix with no columns. Must not overflow or underflow: use your
///   lesson-2 `cosine_similarity`.
/// - `Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: r.len() })`
///   when `r` has the wrong length.
/// - Example: for the $A$ above, $r = (1/6, -1/3, 1/6)$ gives 0 (up to about
///   $10^{-16}$); $r = (0, 0, 1)$ gives $\max(1/\sqrt 3, 2/\sqrt 5) \approx 0.8944$.
pub fn orthogonality(a: &Matrix, r: &[f64]) -> Result<f64, LinalgError> {
    if r.len() != a.nrows() {
        return Err(LinalgError::DimensionMismatch { expected: a.nrows(), found: r.len() });
    }
    let mut worst: f64 = 0.0;
    for j in 0..a.ncols() {
        // cosine_similarity refuses a zero vector (no direction): that column,
        // or the whole residual, is orthogonal to everything, so it adds nothing.
        if let Ok(cos) = cosine_similarity(&a.column(j), r) {
            worst = worst.max(cos.abs());
        }
    }
    Ok(worst)
}
