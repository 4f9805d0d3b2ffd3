// PLACEHOLDER: replaced by lesson 10's solver at merge
//! Lesson 10: all eigenvalues and eigenvectors of a symmetric matrix.
//!
//! This file stands in for lesson 10's solver (tridiagonalization with
//! Householder reflectors, then shifted QR iteration with Givens rotations)
//! on the branch where lesson 11 is written: it has the same path, signature
//! and contract, and uses the cyclic Jacobi method, which is short and
//! accurate. Jacobi rotates one pair of rows and columns at a time,
//! $A \leftarrow J^\top A J$, each rotation chosen to zero one off-diagonal
//! pair $a_{pq} = a_{qp}$; the off-diagonal mass
//! $\sum_{i \ne j} a_{ij}^2$ drops by $2a_{pq}^2$ with every rotation, and
//! a sweep over all pairs converges quadratically once it is small
//! (Golub and Van Loan, *Matrix Computations*, §8.5).

use vocab::{LinalgError, Matrix, SymEig};

/// The most sweeps over all pairs before giving up. Jacobi needs 5 to 10 for
/// the matrices of this course; 60 is only reached on non-finite input.
const MAX_SWEEPS: usize = 60;

/// All eigenvalues and orthonormal eigenvectors of a symmetric matrix:
/// $A = V \Lambda V^\top$.
///
/// - `values` holds the $n$ eigenvalues in NON-INCREASING order;
///   `vectors` is $n \times n$ with orthonormal columns, column $j$ the
///   eigenvector of `values[j]`, so $A \approx V \Lambda V^\top$ and
///   $V^\top V \approx I$.
/// - Only the symmetric part $(A + A^\top)/2$ is read; pass a symmetric
///   matrix.
/// - `Err(LinalgError::Empty)` when $A$ has no entries;
///   `Err(LinalgError::NotSquare { rows, cols })` when it is not square;
///   `Err(LinalgError::NotConverged { iterations, residual })` when the
///   iteration budget runs out (non-finite entries, for instance).
/// - Example: $A$ with rows $(2, 1), (1, 2)$ has eigenvalues $3$ and $1$,
///   with eigenvectors $(1, 1)/\sqrt 2$ and $(1, -1)/\sqrt 2$ (up to sign).
pub fn symmetric_eigen(a: &Matrix) -> Result<SymEig, LinalgError> {
    let (rows, cols) = a.shape();
    if a.is_empty() {
        return Err(LinalgError::Empty);
    }
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    let n = rows;
    // Row-major working copy of the symmetric part, and Vᵀ (rows = eigenvectors).
    let mut s: Vec<f64> = (0..n * n).map(|k| 0.5 * (a[(k / n, k % n)] + a[(k % n, k / n)])).collect();
    let mut vt: Vec<f64> = (0..n * n).map(|k| if k / n == k % n { 1.0 } else { 0.0 }).collect();
    let norm = s.iter().map(|x| x * x).sum::<f64>().sqrt();
    let eps = f64::EPSILON;
    // An off-diagonal entry below ε‖A‖_F/n changes no eigenvalue by more than ε‖A‖_F.
    let floor = eps * norm / n as f64;
    let mut converged = false;
    let mut sweeps = 0;
    while sweeps < MAX_SWEEPS {
        sweeps += 1;
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let apq = s[p * n + q];
                let (app, aqq) = (s[p * n + p], s[q * n + q]);
                // Negligible against the diagonal (relative) or against ‖A‖ (absolute).
                if apq.abs() <= eps * (app.abs() * aqq.abs()).sqrt() || apq.abs() <= floor {
                    continue;
                }
                rotated = true;
                // The rotation that zeroes a_pq (Golub–Van Loan, Algorithm 8.5.1):
                // the smaller root t of t² + 2ζt − 1 = 0, so |θ| ≤ π/4.
                let zeta = (aqq - app) / (2.0 * apq);
                let t = if zeta >= 0.0 { 1.0 / (zeta + zeta.hypot(1.0)) } else { -1.0 / (-zeta + zeta.hypot(1.0)) };
                let c = 1.0 / t.hypot(1.0);
                let sn = t * c;
                // Columns p and q of S (S·J), then rows p and q (Jᵀ·S).
                for k in 0..n {
                    let (x, y) = (s[k * n + p], s[k * n + q]);
                    s[k * n + p] = c * x - sn * y;
                    s[k * n + q] = sn * x + c * y;
                }
                rotate_rows(&mut s, n, p, q, c, sn);
                // Exact zeros where the rotation put them, exact symmetry.
                s[p * n + q] = 0.0;
                s[q * n + p] = 0.0;
                // V ← V·J: rows p and q of Vᵀ.
                rotate_rows(&mut vt, n, p, q, c, sn);
            }
        }
        if !rotated {
            converged = true;
            break;
        }
    }
    if !converged {
        let off = (0..n * n).filter(|k| k / n != k % n).map(|k| s[k] * s[k]).sum::<f64>().sqrt();
        return Err(LinalgError::NotConverged { iterations: sweeps, residual: off / norm });
    }
    // Non-increasing order; total_cmp keeps the sort total even with NaN.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&i, &j| s[j * n + j].total_cmp(&s[i * n + i]));
    let values = order.iter().map(|&i| s[i * n + i]).collect();
    let vectors = Matrix::from_fn(n, n, |i, j| vt[order[j] * n + i]);
    Ok(SymEig { values, vectors })
}

/// Rows p < q of the row-major n×n `m` become (c·row_p − s·row_q, s·row_p + c·row_q).
fn rotate_rows(m: &mut [f64], n: usize, p: usize, q: usize, c: f64, s: f64) {
    let (head, tail) = m.split_at_mut(q * n);
    let rp = &mut head[p * n..(p + 1) * n];
    let rq = &mut tail[..n];
    for (x, y) in rp.iter_mut().zip(rq.iter_mut()) {
        let (u, v) = (*x, *y);
        *x = c * u - s * v;
        *y = s * u + c * v;
    }
}
