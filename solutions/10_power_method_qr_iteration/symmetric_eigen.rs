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
    let (rows, cols) = a.shape();
    if rows == 0 && cols == 0 {
        return Err(LinalgError::Empty);
    }
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    let n = rows;
    // The symmetric part: exactly A when A is symmetric.
    let sym = Matrix::from_fn(n, n, |i, j| 0.5 * (a[(i, j)] + a[(j, i)]));
    // A = Q T Qᵀ with T tridiagonal (up to rounding above the superdiagonal, which we drop).
    let (q, t) = hessenberg(&sym)?;
    let mut d: Vec<f64> = (0..n).map(|i| t[(i, i)]).collect();
    let mut e: Vec<f64> = (0..n.saturating_sub(1)).map(|i| t[(i + 1, i)]).collect();
    // Vᵀ = Qᵀ to start with: each rotation then mixes two contiguous rows.
    // (kept as a flat row-major buffer, so that two rows can be borrowed at once).
    let mut vt: Vec<f64> = (0..n * n).map(|ij| q[(ij % n, ij / n)]).collect();

    // LAPACK's budget: 30 QR steps per eigenvalue (two or three are the rule).
    let budget = 30 * n;
    // e between d_i and d_j can be set to zero: below the rounding unit
    // relative to its two neighbours (or subnormal).
    let negligible =
        |e: f64, di: f64, dj: f64| e.abs() <= f64::EPSILON / 2.0 * (di.abs() + dj.abs()) || e.abs() < f64::MIN_POSITIVE;
    let mut steps = 0;
    let mut h = n - 1;
    while h > 0 {
        // Deflate at the bottom: λ = d[h] is found when e[h−1] vanishes.
        if negligible(e[h - 1], d[h - 1], d[h]) {
            e[h - 1] = 0.0;
            h -= 1;
            continue;
        }
        // The unreduced block l..=h: walk up to the next negligible e.
        let mut l = h - 1;
        while l > 0 && !negligible(e[l - 1], d[l - 1], d[l]) {
            l -= 1;
        }
        if l > 0 {
            e[l - 1] = 0.0;
        }
        if steps == budget {
            return Err(LinalgError::NotConverged { iterations: steps, residual: e[h - 1].abs() });
        }
        steps += 1;
        // Wilkinson shift: the eigenvalue of the trailing 2×2 closer to d[h].
        let delta = (d[h - 1] - d[h]) / 2.0;
        let b = e[h - 1];
        let sign = if delta >= 0.0 { 1.0 } else { -1.0 };
        let mu = d[h] - b * (b / (delta + sign * delta.hypot(b)));
        // Implicit QR step: the first rotation is that of T − μI's first column,
        // the rest chase the bulge it makes down to row h.
        let mut x = d[l] - mu;
        let mut z = e[l];
        for k in l..h {
            let (c, s, r) = givens(x, z);
            if k > l {
                // This rotation zeroes the bulge at (k+1, k−1) against e[k−1].
                e[k - 1] = r;
            }
            // T ← G T Gᵀ on rows and columns k, k+1.
            let (p, m, qq) = (d[k], e[k], d[k + 1]);
            d[k] = c * c * p + 2.0 * c * s * m + s * s * qq;
            d[k + 1] = s * s * p - 2.0 * c * s * m + c * c * qq;
            e[k] = c * s * (qq - p) + (c * c - s * s) * m;
            if k + 1 < h {
                // Row k+2 meets the rotation too: the bulge moves to (k+2, k).
                z = s * e[k + 1];
                e[k + 1] *= c;
            }
            x = e[k];
            // Vᵀ ← G Vᵀ: rows k and k+1, two contiguous slices side by side.
            let (top, bottom) = vt[k * n..(k + 2) * n].split_at_mut(n);
            for (x, y) in top.iter_mut().zip(bottom.iter_mut()) {
                let (xk, yk) = (*x, *y);
                *x = c * xk + s * yk;
                *y = c * yk - s * xk;
            }
        }
    }

    // Sort non-increasing and take the matching rows of Vᵀ as columns of V.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| d[j].total_cmp(&d[i]));
    let values = order.iter().map(|&i| d[i]).collect();
    let vectors = Matrix::from_fn(n, n, |i, j| vt[order[j] * n + i]);
    Ok(SymEig { values, vectors })
}
