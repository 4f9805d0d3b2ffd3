//! Lesson 9, exercise 6: the stationary distribution of a Markov chain.
//!
//! A Markov chain on $n$ states moves from state $i$ to state $j$ with
//! probability $p_{ij}$; each row of the transition matrix $P$ is a
//! probability distribution (entries $\ge 0$, summing to 1: $P$ is
//! row-stochastic). A distribution $\pi$ over the states, stored as a
//! vector, becomes $\pi^\top P$ after one step. A stationary distribution
//! does not move: $\pi^\top P = \pi^\top$, that is $P^\top \pi = \pi$. It is an
//! eigenvector of $P^\top$ for the eigenvalue 1, scaled so that its entries
//! add up to 1.
//!
//! Eigenvalue 1 always exists: $P\mathbf 1 = \mathbf 1$ because the rows sum
//! to 1, and $P$ and $P^\top$ have the same eigenvalues. No eigenvalue is
//! larger in modulus (every row of $P$ averages). When the chain is
//! irreducible (every state can reach every other) the eigenvalue 1 is simple
//! and $\pi$ is unique with positive entries (Perron–Frobenius); if moreover
//! it is aperiodic, every starting distribution converges to it. PageRank
//! (lesson 10) is this $\pi$ for a random surfer on the web graph.
//!
//! We find it directly. $(P^\top - I)\pi = 0$ has $n$ equations, but they add
//! up to $0 = 0$ (the columns of $P^\top - I$ sum to 0), so one of them is
//! redundant. Replace the last one by the normalisation
//! $\pi_0 + \dots + \pi_{n-1} = 1$, and solve the square system with your LU
//! factorization. When the chain has two closed classes (two separate
//! stationary distributions), the eigenvalue 1 is double, the system stays
//! singular, and elimination meets a zero pivot.

use vocab::{LinalgError, Matrix};

use crate::l05::lu::lu;
use crate::l05::lu_solve::lu_solve;

/// How far a row sum may be from 1: rows of a matrix computed in floating
/// point (counts divided by a total) sum to 1 only up to rounding.
pub const ROW_SUM_TOLERANCE: f64 = 1e-9;

/// A pivot of the modified system at most this large in magnitude means the
/// system is singular: the chain has more than one stationary distribution.
pub const PIVOT_TOLERANCE: f64 = 1e-10;

/// The stationary distribution $\pi$ of the row-stochastic matrix $P$:
/// $P^\top \pi = \pi$, $\sum_i \pi_i = 1$.
///
/// - Validate first: `Err(LinalgError::Empty)` for the $0 \times 0$ matrix,
///   `Err(LinalgError::NotSquare { rows, cols })` when `p` is not square,
///   `Err(LinalgError::NotStochastic { row: i })` for the first row $i$ with a
///   negative (or NaN) entry or with $|\sum_j p_{ij} - 1| >$
///   [`ROW_SUM_TOLERANCE`] $= 10^{-9}$.
/// - Build $M = P^\top - I$ (entry $(i, j)$ is $p_{ji} - \delta_{ij}$), replace
///   its last row by ones, and solve $M\pi = e_{n-1}$ (0, …, 0, 1) with your
///   lesson-5 `lu` and `lu_solve`.
/// - Before solving, look at the pivots: if some $|u_{kk}| \le$
///   [`PIVOT_TOLERANCE`] $= 10^{-10}$, return
///   `Err(LinalgError::Singular { column: k })` (the first such $k$): the
///   stationary distribution is not unique (the identity, or two separate
///   groups of states that never reach each other). Rounding leaves a tiny
///   nonzero pivot there, not an exact 0.
/// - Transient states (that the chain leaves for good) get $\pi_i = 0$, up to
///   rounding.
/// - Example: rows $(0.9, 0.1), (0.5, 0.5)$. $M$ has rows $(-0.1, 0.5)$ and,
///   after the replacement, $(1, 1)$; $-0.1\pi_0 + 0.5\pi_1 = 0$ and
///   $\pi_0 + \pi_1 = 1$ give $\pi = (5/6, 1/6)$: in the long run the chain
///   spends five sixths of its time in state 0.
pub fn stationary_distribution(p: &Matrix) -> Result<Vec<f64>, LinalgError> {
    let (rows, cols) = p.shape();
    if rows != cols {
        return Err(LinalgError::NotSquare { rows, cols });
    }
    let n = rows;
    if n == 0 {
        return Err(LinalgError::Empty);
    }
    for (i, row) in p.rows().enumerate() {
        let sum: f64 = row.iter().sum();
        // A NaN entry makes the sum NaN too, and NaN > tol is false: test it on its own.
        if row.iter().any(|x| x.is_nan() || *x < 0.0) || (sum - 1.0).abs() > ROW_SUM_TOLERANCE {
            return Err(LinalgError::NotStochastic { row: i });
        }
    }
    // M = Pᵀ − I with its last equation replaced by Σπ = 1.
    let m = Matrix::from_fn(n, n, |i, j| if i == n - 1 { 1.0 } else { p[(j, i)] - if i == j { 1.0 } else { 0.0 } });
    let f = lu(&m)?;
    if let Some(k) = (0..n).find(|&k| f.u[(k, k)].abs() <= PIVOT_TOLERANCE) {
        return Err(LinalgError::Singular { column: k });
    }
    let mut e = vec![0.0; n];
    e[n - 1] = 1.0;
    lu_solve(&f, &e)
}
