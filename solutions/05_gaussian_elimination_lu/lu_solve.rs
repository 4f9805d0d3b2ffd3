//! Lesson 5, exercise 4: solving with an LU factorization, for one or many
//! right-hand sides, and for the transposed system.
//!
//! With $PA = LU$, the system $Ax = b$ is $LUx = Pb$: reorder $b$ as the rows
//! of $A$ were reordered, solve $Ly = Pb$ by forward substitution, then
//! $Ux = y$ by back substitution. The factorization cost $2n^3/3$ flops
//! once; each right-hand side now costs $2n^2$. Fitting one model to many
//! targets, or computing $A^{-1}$ column by column, reuses one factorization.
//!
//! The same factors solve $A^\top x = b$ as well: $A = P^\top L U$, so
//! $A^\top = U^\top L^\top P$, and $U^\top$ is *lower* triangular, $L^\top$
//! *upper* triangular. The condition-number estimate of the last exercise
//! needs both kinds of solve.

use vocab::{LinalgError, Lu, Matrix};

use crate::l05::triangular::{back_substitution, forward_substitution};

/// The solution $x$ of $Ax = b$, given the factorization `f` of $PA = LU$
/// (from your `lu`): $y$ from $Ly = Pb$ by your [`forward_substitution`],
/// then $x$ from $Ux = y$ by your [`back_substitution`].
///
/// - $(Pb)_i = b_{\text{perm}[i]}$: row $i$ of $PA$ is row `perm[i]` of $A$,
///   so equation $i$ of $LUx = Pb$ has right-hand side `b[perm[i]]`.
/// - `f` may be any factorization with those conventions (the checks hand you
///   their own): use its `perm`, `l` and `u`, nothing else.
/// - `Err(LinalgError::DimensionMismatch { expected: n, found: b.len() })`
///   when `b` does not have length $n$;
///   `Err(LinalgError::Singular { column: k })` when some $u_{kk}$ is exactly
///   `0.0` (as your `back_substitution` reports it).
/// - Example: for $A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$, `lu`
///   gives `perm = [1, 0]`, $L = \begin{pmatrix} 1 & 0 \\ 1/3 & 1 \end{pmatrix}$,
///   $U = \begin{pmatrix} 3 & 4 \\ 0 & 2/3 \end{pmatrix}$. With $b = (5, 11)$:
///   $Pb = (11, 5)$, $y = (11, 5 - 11/3) = (11, 4/3)$, $x = (1, 2)$.
pub fn lu_solve(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let n = f.u.nrows();
    if b.len() != n {
        return Err(LinalgError::DimensionMismatch { expected: n, found: b.len() });
    }
    // Reorder b the way the rows of A were reordered.
    let pb: Vec<f64> = f.perm.iter().map(|&r| b[r]).collect();
    let y = forward_substitution(&f.l, &pb)?;
    back_substitution(&f.u, &y)
}

/// The solution $X$ of $AX = B$, one column at a time with your [`lu_solve`]:
/// column $j$ of $X$ solves $Ax = $ column $j$ of $B$, all with the one
/// factorization `f`.
///
/// - `b` is $n \times k$ and the result is $n \times k$, also when $k = 0$
///   (`Matrix::zeros(n, 0)`).
/// - `Err(LinalgError::DimensionMismatch { expected: n, found: b.nrows() })`
///   when `b` does not have $n$ rows; `Err(LinalgError::Singular { column })`
///   as for [`lu_solve`].
/// - Example: with the factorization of $A$ above and $B = I$, the result is
///   $A^{-1} = \begin{pmatrix} -2 & 1 \\ 1.5 & -0.5 \end{pmatrix}$.
pub fn lu_solve_many(f: &Lu, b: &Matrix) -> Result<Matrix, LinalgError> {
    let n = f.u.nrows();
    if b.nrows() != n {
        return Err(LinalgError::DimensionMismatch { expected: n, found: b.nrows() });
    }
    let mut x = Matrix::zeros(n, b.ncols());
    for j in 0..b.ncols() {
        let column = lu_solve(f, &b.column(j))?;
        for i in 0..n {
            x[(i, j)] = column[i];
        }
    }
    Ok(x)
}

/// The solution $x$ of the transposed system $A^\top x = b$, with the same
/// factorization `f` of $PA = LU$: since $A^\top = U^\top L^\top P$, solve
/// $U^\top z = b$ by your [`forward_substitution`] ($U^\top$ is lower
/// triangular), then $L^\top w = z$ by your [`back_substitution`], and undo
/// the permutation: $Px = w$ means $x_{\text{perm}[i]} = w_i$.
///
/// - The same errors as [`lu_solve`]: `DimensionMismatch` for a `b` of the
///   wrong length, `Singular { column: k }` when $u_{kk}$ is exactly `0.0`.
/// - Example: for $A = \begin{pmatrix} 1 & 2 \\ 3 & 4 \end{pmatrix}$ and
///   $b = (7, 10)$: $U^\top z = b$ gives $z = (7/3, 1)$, $L^\top w = z$ gives
///   $w = (2, 1)$, and $x_1 = w_0$, $x_0 = w_1$: $x = (1, 2)$. Check:
///   $A^\top x = (1 + 6,\ 2 + 8)$.
pub fn lu_solve_transpose(f: &Lu, b: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let n = f.u.nrows();
    if b.len() != n {
        return Err(LinalgError::DimensionMismatch { expected: n, found: b.len() });
    }
    let ut = Matrix::from_fn(n, n, |i, j| f.u[(j, i)]);
    let lt = Matrix::from_fn(n, n, |i, j| f.l[(j, i)]);
    let z = forward_substitution(&ut, b)?;
    let w = back_substitution(&lt, &z)?;
    // Pᵀ undoes the reordering: entry i of w belongs to row perm[i] of A.
    let mut x = vec![0.0; n];
    for i in 0..n {
        x[f.perm[i]] = w[i];
    }
    Ok(x)
}
