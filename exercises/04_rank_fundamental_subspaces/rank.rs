//! Lesson 4, exercise 2: rank and nullity.
//!
//! The rank of $A$ is the number of pivots: the number of independent columns,
//! which is also the number of independent rows, and the dimension of the
//! column space. The nullity is the dimension of the null space, one free
//! variable per column without a pivot. Rank–nullity says they share out the
//! $n$ columns: $\operatorname{rank} A + \operatorname{nullity} A = n$.

use vocab::Matrix;

use crate::l04::rref::rref;

/// The rank of `a`: the number of pivots of its reduced row echelon form.
///
/// - $0 \le \operatorname{rank} A \le \min(m, n)$; the zero matrix has rank 0.
/// - Decided with your `rref`'s relative tolerance, so scaling $A$ by $2^{40}$
///   or $2^{-40}$ does not change it.
/// - Example: $\begin{pmatrix} 1 & 2 \\ 2 & 4 \end{pmatrix}$ has rank 1 and
///   $\begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$ has rank 2.
pub fn rank(a: &Matrix) -> usize {
    // TODO: the number of pivot columns your rref finds.
    todo!("lesson 04: rank")
}

/// The nullity of `a`: the dimension $n - \operatorname{rank} A$ of its null space.
///
/// - $n$ is the number of columns: one free variable per column without a pivot.
/// - Example: the $2 \times 4$ matrix $\begin{pmatrix} 1 & 0 & 2 & 1 \\ 0 & 1 & 1 & 3 \end{pmatrix}$
///   has rank 2 and nullity 2.
pub fn nullity(a: &Matrix) -> usize {
    // TODO: the number of columns minus your rank.
    todo!("lesson 04: nullity")
}
