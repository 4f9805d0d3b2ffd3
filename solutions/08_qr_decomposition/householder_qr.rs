//! Lesson 8, exercise 2: QR by Householder reflections.
//!
//! Reflect column 0 of $A$ onto the first axis with $H_0$; then column 1 of
//! $H_0 A$, from the diagonal down, with a reflector $H_1$ that leaves row 0
//! alone; and so on. After $n$ steps
//! $H_{n-1} \cdots H_1 H_0 A = R$ is upper triangular: the zeros appear column
//! by column, and a reflector never touches the zeros made before it. Each
//! $H_k$ is symmetric and orthogonal, so $A = H_0 H_1 \cdots H_{n-1} R = QR$.
//!
//! Why this is the method of choice: every step multiplies by an orthogonal
//! matrix, which does not enlarge the errors already made, so the computed
//! $\hat R$ is the exact $R$ of a matrix $A + \Delta A$ with
//! $\lVert \Delta A \rVert \le c\,mn\,u\,\lVert A \rVert$, and the computed
//! $\hat Q$ is orthogonal to working precision, $\lVert \hat Q^\top \hat Q - I
//! \rVert \le c\sqrt n\,mn\,u$, however ill-conditioned $A$ is (Higham,
//! *Accuracy and Stability of Numerical Algorithms*, ch. 19). Gram–Schmidt
//! cannot promise the second: its $Q$ loses orthogonality in proportion to
//! $\kappa_2(A)$.
//!
//! Cost, never forming an $H_k$: applying $H_k$ to the trailing
//! $(m-k) \times (n-k)$ block costs $4(m-k)(n-k)$ flops, in all
//! $2mn^2 - 2n^3/3$ for $R$. $Q$ is accumulated afterwards from the stored
//! vectors, *backwards*: $Q = H_0(H_1(\cdots(H_{n-1} E)))$, starting from the
//! first columns $E$ of the identity. In that order $H_k$ only meets rows and
//! columns $k$ onwards (the columns before $k$ are still columns of the
//! identity, zero from row $k$ down), another $2mn^2 - 2n^3/3$ for the thin
//! $Q$, $4(m^2n - mn^2 + n^3/3)$ for the full one.

use vocab::{LinalgError, Matrix, Qr};

use crate::l08::householder::{apply_householder, householder};

/// The thin QR factorization $A = QR$ of an $m \times n$ matrix with
/// $m \ge n$, by Householder reflections: $Q$ is $m \times n$ with
/// orthonormal columns ($Q^\top Q = I_n$), $R$ is $n \times n$ upper
/// triangular.
///
/// - For $k = 0, 1, \dots, n-1$: take your `householder` of the part of
///   column $k$ on and below the diagonal, apply it with your
///   `apply_householder` to rows $k..m$ and columns $k..n$, and keep $v$ and
///   $\beta$. Store exact `0.0` below the diagonal of $R$.
/// - Then $Q = H_0 H_1 \cdots H_{n-1}$ times the first $n$ columns of $I_m$,
///   applied backwards ($H_{n-1}$ first), each $H_k$ to rows and columns
///   $k$ onwards. Never build an $m \times m$ matrix $H_k$.
/// - Signs: the diagonal of $R$ comes out as the $\alpha$ of each step, often
///   negative. That is fine: $QR$ is unique only up to the signs of the
///   columns of $Q$ and the matching rows of $R$, and the checks compare $R$
///   after making its diagonal non-negative.
/// - Rank-deficient $A$ is factored too: a column that is already zero on and
///   below the diagonal gets $\beta = 0$ ($H = I$) and leaves a zero on the
///   diagonal of $R$. Do not refuse it.
/// - `Err(LinalgError::Empty)` when $A$ has no rows or no columns (checked
///   first); `Err(LinalgError::DimensionMismatch { expected: m, found: n })`
///   when $n > m$ (use [`householder_qr_full`] for wide matrices).
/// - Example: $A$ with rows $(3, 1), (4, 2)$: $H_0$ is the reflector of
///   $(3, 4)$ ($v = (1, 0.5)$, $\beta = 1.6$), which turns $A$ into rows
///   $(-5, -2.2), (0, 0.4)$; step 1 sees the single entry $0.4$ and does
///   nothing. So $R$ has rows $(-5, -2.2), (0, 0.4)$, and $Q = H_0$ has rows
///   $(-0.6, -0.8), (-0.8, 0.6)$.
pub fn householder_qr(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    if n > m {
        return Err(LinalgError::DimensionMismatch { expected: m, found: n });
    }
    let mut r = a.clone();
    let mut reflectors = Vec::with_capacity(n);
    for k in 0..n {
        // Column k from the diagonal down, reflected onto the axis e_k.
        let x: Vec<f64> = (k..m).map(|i| r[(i, k)]).collect();
        let (v, beta) = householder(&x)?;
        // H_k acts on rows k..m; columns before k are zero there already.
        apply_householder(&v, beta, &mut r, k, k);
        // Zero by construction: store exact zeros, not the rounding noise.
        for i in k + 1..m {
            r[(i, k)] = 0.0;
        }
        reflectors.push((v, beta));
    }
    // Q = H_0 ⋯ H_{n−1} [I_n; 0], applied from the last reflector back to the first.
    let mut q = Matrix::from_fn(m, n, |i, j| if i == j { 1.0 } else { 0.0 });
    for (k, (v, beta)) in reflectors.iter().enumerate().rev() {
        apply_householder(v, *beta, &mut q, k, k);
    }
    // The rows of R below n are zero: the thin R is its top n×n block.
    Ok(Qr { q, r: Matrix::from_fn(n, n, |i, j| r[(i, j)]) })
}

/// The full QR factorization $A = QR$ of an $m \times n$ matrix of any
/// shape, by Householder reflections: $Q$ is $m \times m$ orthogonal, $R$ is
/// $m \times n$ upper trapezoidal ($r_{ij} = 0$ for $i > j$).
///
/// - The same steps as [`householder_qr`], for $k = 0, \dots,
///   \min(m, n) - 1$ (a step on a single entry does nothing), keeping all
///   $m$ rows of $R$; then $Q = H_0 \cdots H_{p-1} I_m$, applied backwards,
///   each $H_k$ to rows and columns $k$ onwards.
/// - When $m > n$, the first $n$ columns of $Q$ span the column space of $A$
///   (if its columns are independent) and the last $m - n$ its orthogonal
///   complement; the bottom $m - n$ rows of $R$ are zero.
/// - When $m < n$, $R = [R_1\ R_2]$ with $R_1$ square upper triangular.
/// - `Err(LinalgError::Empty)` when $A$ has no rows or no columns.
/// - Example: $A$ with the single column $(3, 4)$: $Q = H_0$ with rows
///   $(-0.6, -0.8), (-0.8, 0.6)$, and $R = (-5, 0)$ as a column.
pub fn householder_qr_full(a: &Matrix) -> Result<Qr, LinalgError> {
    let (m, n) = a.shape();
    if m == 0 || n == 0 {
        return Err(LinalgError::Empty);
    }
    let steps = m.min(n);
    let mut r = a.clone();
    let mut reflectors = Vec::with_capacity(steps);
    for k in 0..steps {
        let x: Vec<f64> = (k..m).map(|i| r[(i, k)]).collect();
        let (v, beta) = householder(&x)?;
        apply_householder(&v, beta, &mut r, k, k);
        for i in k + 1..m {
            r[(i, k)] = 0.0;
        }
        reflectors.push((v, beta));
    }
    // Q = H_0 ⋯ H_{p−1} I_m, backwards: H_k meets only rows and columns k onwards.
    let mut q = Matrix::identity(m);
    for (k, (v, beta)) in reflectors.iter().enumerate().rev() {
        apply_householder(v, *beta, &mut q, k, k);
    }
    Ok(Qr { q, r })
}
