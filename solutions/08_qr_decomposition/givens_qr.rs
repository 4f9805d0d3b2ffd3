//! Lesson 8, exercise 4: QR by Givens rotations.
//!
//! The same factorization as Householder's, one zero at a time. In column
//! $j$, a rotation of rows $m-2$ and $m-1$ zeroes the bottom entry, a
//! rotation of rows $m-3$ and $m-2$ the one above it, and so on up to row
//! $j + 1$: the entries below the diagonal disappear from the bottom up.
//! Rows $i-1$ and $i$ both hold zeros in the columns before $j$, so no
//! rotation refills a zero made earlier. After all columns,
//! $G_N \cdots G_2 G_1 A = R$, and $A = QR$ with $Q = G_1^\top G_2^\top
//! \cdots G_N^\top$, accumulated by applying each $G^\top$ to two columns of
//! $Q$ as it is used.
//!
//! A dense $m \times n$ matrix needs about $mn - n^2/2$ rotations and
//! $3n^2(m - n/3)$ flops for $R$, half as much again as Householder's
//! $2n^2(m - n/3)$, and the rotations are as stable as the reflections
//! (Higham, ch. 19). Givens wins when most entries below the diagonal are
//! zero already: then a rotation is needed only where a nonzero sits.

use vocab::{LinalgError, Matrix, Qr};

use crate::l08::givens::givens;

/// The full QR factorization $A = QR$ of an $m \times n$ matrix of any
/// shape, by Givens rotations: $Q$ is $m \times m$ orthogonal, $R$ is
/// $m \times n$ upper trapezoidal ($r_{ij} = 0$ for $i > j$).
///
/// - Start from $R = A$ and $Q = I_m$. For each column $j$, for
///   $i = m-1$ down to $j+1$: $(c, s, \rho)$ = your `givens(r[i-1][j],
///   r[i][j])`; rotate rows $i-1$ and $i$ of $R$,
///   $(x, y) \mapsto (cx + sy,\ -sx + cy)$ in every column from $j$ on,
///   storing $\rho$ and an exact `0.0` in column $j$; and rotate columns
///   $i-1$ and $i$ of $Q$ the same way, $(x, y) \mapsto (cx + sy,\ -sx + cy)$
///   in every row, which multiplies $Q$ by $G^\top$ on the right.
/// - An entry that is zero already needs no rotation (your `givens` returns
///   the identity for it).
/// - Signs: the diagonal of $R$ may come out negative; the checks compare
///   $R$ after making its diagonal non-negative.
/// - `Err(LinalgError::Empty)` when $A$ has no rows or no columns.
/// - Example: $A$ with rows $(3, 1), (4, 2)$ needs one rotation,
///   `givens(3, 4)` $= (0.6, 0.8, 5)$: $R$ has rows $(5, 2.2), (0, 0.4)$
///   and $Q = G^\top$ has rows $(0.6, -0.8), (0.8, 0.6)$. Householder gives
///   the same $R$ up to the sign of row 0.
pub fn givens_qr(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    let mut r = a.clone();
    let mut q = Matrix::identity(m);
    for j in 0..n {
        // Bottom up: zero r[i][j] against the row just above it.
        for i in (j + 1..m).rev() {
            if r[(i, j)] == 0.0 {
                continue;
            }
            let (c, s, rho) = givens(r[(i - 1, j)], r[(i, j)]);
            r[(i - 1, j)] = rho;
            r[(i, j)] = 0.0;
            // The rest of rows i−1 and i; the columns before j hold zeros in both.
            for k in j + 1..n {
                let (x, y) = (r[(i - 1, k)], r[(i, k)]);
                r[(i - 1, k)] = c * x + s * y;
                r[(i, k)] = -s * x + c * y;
            }
            // Q ← Q Gᵀ keeps A = QR: columns i−1 and i of Q mix the same way.
            for k in 0..m {
                let (x, y) = (q[(k, i - 1)], q[(k, i)]);
                q[(k, i - 1)] = c * x + s * y;
                q[(k, i)] = -s * x + c * y;
            }
        }
    }
    Ok(Qr { q, r })
}
