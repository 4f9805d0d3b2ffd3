//! Lesson 5, exercise 3: the LU factorization $PA = LU$, with partial pivoting.
//!
//! Gaussian elimination does the same work whatever $b$ is, so do it once and
//! keep the record: the multipliers $m_{ik}$ go into a unit lower triangular
//! $L$, the eliminated matrix is the upper triangular $U$, and the row swaps
//! are a permutation $P$. Then $PA = LU$, and every later system $Ax = b$
//! costs two triangular solves, about $2n^2$ flops instead of $2n^3/3$.
//! That is how `numpy.linalg.solve`, MATLAB's backslash and LAPACK's `gesv`
//! work, and how determinants and inverses are computed in practice.
//!
//! The swaps need care: when rows $k$ and $p$ of the working matrix change
//! places, the multipliers already stored in rows $k$ and $p$ of $L$ (columns
//! $0, \dots, k-1$) belong to those rows, so they change places too.

use vocab::{LinalgError, Lu, Matrix};

/// The factorization $PA = LU$ of a square matrix by Gaussian elimination with
/// partial pivoting.
///
/// - Returns `Lu { perm, l, u }`: `perm[i]` is the row of $A$ that became row
///   $i$ of $PA$, so $(PA)_{ij} = a_{\text{perm}[i],\,j}$; `l` is unit lower
///   triangular and `u` upper triangular, both $n \times n$.
/// - Exactly triangular: `l` has `1.0` on its diagonal and `0.0` above it,
///   `u` has `0.0` below its diagonal (store the zeros, do not compute them).
/// - Partial pivoting: the pivot of column $k$ is the entry of largest
///   $|u_{ik}|$, $i \ge k$ (any one of equal largest entries will do), so
///   every multiplier has $|\ell_{ik}| \le 1$.
/// - A singular matrix is factored too. When every candidate of column $k$ is
///   exactly `0.0`, there is nothing to eliminate: take no pivot step (no swap,
///   multipliers 0) and go on with column $k + 1$, leaving $u_{kk} = 0$. Then
///   $\det A = \pm \prod u_{kk} = 0$, as it should be.
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square. The
///   $0 \times 0$ matrix has the empty factorization (`perm` empty, `l` and `u`
///   $0 \times 0$).
/// - Example: $A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$: the pivot of
///   column 0 is 3, so `perm = [1, 0]`, $\ell_{10} = 1/3$, and
///   $L = \begin{pmatrix} 1 & 0 \\ 1/3 & 1 \end{pmatrix}$,
///   $U = \begin{pmatrix} 3 & 4 \\ 0 & 2/3 \end{pmatrix}$.
pub fn lu(a: &Matrix) -> Result<Lu, LinalgError> {
    let (rows, cols) = a.shape();
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    let n = rows;
    let mut u = a.clone();
    let mut l = Matrix::identity(n);
    let mut perm: Vec<usize> = (0..n).collect();
    for k in 0..n {
        // Partial pivoting: the largest |entry| of column k on or below the diagonal.
        let mut p = k;
        for i in k + 1..n {
            if u[(i, k)].abs() > u[(p, k)].abs() {
                p = i;
            }
        }
        if u[(p, k)] == 0.0 {
            // Column k is already 0 below the diagonal: no step, and u_kk stays 0.
            continue;
        }
        if p != k {
            u.swap_rows(k, p);
            perm.swap(k, p);
            // The multipliers found so far travel with their rows.
            for j in 0..k {
                let t = l[(k, j)];
                l[(k, j)] = l[(p, j)];
                l[(p, j)] = t;
            }
        }
        // Row i loses m times the pivot row. The pivot row is copied once per step
        // so that each row below is updated as one slice: a plain loop over
        // contiguous memory, which the compiler turns into vector instructions.
        let pivot = u.row(k)[k..].to_vec();
        for i in k + 1..n {
            let row = &mut u.row_mut(i)[k..];
            let m = row[0] / pivot[0];
            l[(i, k)] = m;
            for (x, p) in row[1..].iter_mut().zip(&pivot[1..]) {
                *x -= m * p;
            }
            // Exactly 0 by construction; computing it would leave rounding noise.
            row[0] = 0.0;
        }
    }
    Ok(Lu { perm, l, u })
}
