//! Lesson 5, exercise 5: the determinant from an LU factorization.
//!
//! The cofactor expansion of lesson 3 has $n!$ terms: $20! \approx 2.4 \cdot
//! 10^{18}$. LU gets the determinant in $2n^3/3$ flops instead, from two
//! facts: $\det(PA) = \det P \det A$ with $\det P = \pm 1$, and the
//! determinant of a triangular matrix is the product of its diagonal. Since
//! $\det L = 1$,
//! $$\det A = \det P \cdot \prod_k u_{kk}.$$
//! $\det P$ is the *sign* of the permutation: $+1$ when it is made of an even
//! number of swaps, $-1$ for an odd number. It is $(-1)^s$ with $s$ the number
//! of pairs $i < j$ that the permutation puts out of order
//! (`perm[i] > perm[j]`): every swap of two neighbours changes $s$ by one.

use vocab::{LinalgError, Matrix};

use crate::l05::lu::lu;

/// $\det A$ for a square `a`, from your [`lu`]: the sign of the permutation
/// times the product of the diagonal of $U$.
///
/// - A singular matrix has determinant `0.0` (your `lu` leaves a $u_{kk} = 0$),
///   not an error. (When rounding leaves a tiny $u_{kk}$ instead of 0, the
///   determinant is tiny, not 0.)
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square. The
///   $0 \times 0$ matrix has determinant 1, the empty product.
/// - Example: $A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$ has
///   `perm = [1, 0]` (one swap, sign $-1$) and $U$ with diagonal $3, 2/3$:
///   $\det A = -1 \cdot 3 \cdot 2/3 = -2$.
pub fn det(a: &Matrix) -> Result<f64, LinalgError> {
    let f = lu(a)?;
    let n = f.perm.len();
    // The sign of the permutation: −1 for every pair that it puts out of order.
    let mut sign = 1.0;
    for i in 0..n {
        for j in i + 1..n {
            if f.perm[i] > f.perm[j] {
                sign = -sign;
            }
        }
    }
    let mut product = sign;
    for k in 0..n {
        product *= f.u[(k, k)];
    }
    Ok(product)
}
