//! Lesson 10, exercise 6: QR iteration with shifts and deflation.
//!
//! Three changes turn the slow iteration of the previous exercise into the
//! algorithm every library runs (LAPACK's `dhseqr`, numpy's `eigvals`).
//!
//! 1. Hessenberg first: your `hessenberg` gives $H = Q^\top A Q$, and a QR
//!    step keeps the Hessenberg form ($RQ$ of a Hessenberg matrix is
//!    Hessenberg). Only the $n - 1$ subdiagonal entries need to vanish.
//! 2. Shifts: a step on $H - \mu I$, then $+\mu I$ back:
//!    $H' = RQ + \mu I = Q^\top H Q$, still similar to $H$. The bottom
//!    subdiagonal entry now shrinks like $|\lambda_n - \mu| /
//!    |\lambda_{n-1} - \mu|$: with $\mu$ near $\lambda_n$ that is nearly 0.
//!    Wilkinson's shift, the eigenvalue of the trailing $2 \times 2$ block
//!    nearest its last diagonal entry, makes it converge quadratically
//!    (each step doubles the digits; cubically for symmetric matrices).
//! 3. Deflation: once $|h_{i+1,i}|$ is negligible next to its diagonal
//!    neighbours, set it to zero. $H$ is then block upper triangular, its
//!    eigenvalues are those of the two diagonal blocks, and the work goes on
//!    with the smaller blocks. Two or three steps per eigenvalue is typical.
//!
//! A real matrix may have complex eigenvalues, in conjugate pairs; real
//! arithmetic cannot converge to them, and a $2 \times 2$ block with a
//! complex pair stays on the diagonal (the real Schur form). This exercise
//! stops with an error there; LAPACK keeps the block and solves it.

use vocab::{LinalgError, Matrix};

use crate::l10::hessenberg::hessenberg;
use crate::l10::qr_iteration::qr_step;

/// The most shifted steps per eigenvalue before giving up.
const STEPS_PER_EIGENVALUE: usize = 30;

/// True when $h_{i+1,i}$ is negligible next to $|h_{ii}| + |h_{i+1,i+1}|$.
fn negligible(h: &Matrix, i: usize) -> bool {
    let sub = h[(i + 1, i)].abs();
    sub <= f64::EPSILON / 2.0 * (h[(i, i)].abs() + h[(i + 1, i + 1)].abs()) || sub < f64::MIN_POSITIVE
}

/// The eigenvalues of the $2 \times 2$ block with rows $(a, b), (c, d)$, or
/// `None` when they are complex: $\tfrac{a + d}{2} \pm \sqrt{(\tfrac{a - d}{2})^2 + bc}$.
fn eigenvalues_2x2(a: f64, b: f64, c: f64, d: f64) -> Option<(f64, f64)> {
    let half = (a - d) / 2.0;
    let disc = half * half + b * c;
    if disc < 0.0 {
        return None;
    }
    let mid = (a + d) / 2.0;
    Some((mid + disc.sqrt(), mid - disc.sqrt()))
}

/// All eigenvalues of a real square matrix whose eigenvalues are real, by
/// shifted QR iteration on its Hessenberg form with deflation, in
/// NON-INCREASING order.
///
/// - Reduce with your `hessenberg` (only $H$ is needed). Then, while the
///   active block (rows and columns $l..=h$) has more than one row:
///   set every negligible subdiagonal entry to zero,
///   $|h_{i+1,i}| \le u\,(|h_{ii}| + |h_{i+1,i+1}|)$ with $u = 2^{-53}$;
///   if $h_{h,h-1} = 0$, $h_{hh}$ is an eigenvalue: shrink the block from
///   below; else let $l$ be the top of the unreduced block that ends at $h$
///   and take one shifted step on it.
/// - The shifted step on the block $B$: $\mu$ = the eigenvalue of $B$'s
///   trailing $2 \times 2$ block nearer its last diagonal entry (Wilkinson;
///   when that $2 \times 2$ has complex eigenvalues, $\mu$ = its last
///   diagonal entry), then $B \leftarrow$ your `qr_step`$(B - \mu I) + \mu I$.
///   Put exact zeros back below $B$'s subdiagonal (rounding leaves
///   $u \lVert B \rVert$ there). Blocks above and right of $B$ change with a
///   real similarity, but not the eigenvalues: leave them as they are.
/// - A complex pair: when the unreduced block is $2 \times 2$ with complex
///   eigenvalues, stop with
///   `Err(LinalgError::NotConverged { iterations, residual })`, `residual` its
///   subdiagonal entry. The same error after $30n$ shifted steps in all.
/// - `Err(LinalgError::Empty)` for the $0 \times 0$ matrix;
///   `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square.
/// - Example: $A$ with rows $(4, 1), (2, 3)$ (eigenvalues 5 and 2): the
///   Wilkinson shift of the whole matrix is the exact eigenvalue $2$, one
///   step deflates, and the result is $[5, 2]$ to rounding.
pub fn shifted_qr_eigenvalues(a: &Matrix) -> Result<Vec<f64>, LinalgError> {
    let (_, mut h) = hessenberg(a)?;
    let n = h.nrows();
    let budget = STEPS_PER_EIGENVALUE * n;
    let mut steps = 0;
    let mut values = Vec::with_capacity(n);
    let mut hi = n - 1;
    while hi > 0 {
        for i in 0..hi {
            if negligible(&h, i) {
                h[(i + 1, i)] = 0.0;
            }
        }
        if h[(hi, hi - 1)] == 0.0 {
            values.push(h[(hi, hi)]);
            hi -= 1;
            continue;
        }
        let mut lo = hi - 1;
        while lo > 0 && h[(lo, lo - 1)] != 0.0 {
            lo -= 1;
        }
        let pair = eigenvalues_2x2(h[(hi - 1, hi - 1)], h[(hi - 1, hi)], h[(hi, hi - 1)], h[(hi, hi)]);
        if pair.is_none() && lo == hi - 1 {
            // A 2×2 block with a complex pair: no real eigenvalue to converge to.
            return Err(LinalgError::NotConverged { iterations: steps, residual: h[(hi, hi - 1)].abs() });
        }
        if steps == budget {
            return Err(LinalgError::NotConverged { iterations: steps, residual: h[(hi, hi - 1)].abs() });
        }
        steps += 1;
        // Wilkinson's shift, or the Rayleigh shift h_hh when the 2×2 is complex.
        let last = h[(hi, hi)];
        let mu = match pair {
            Some((p, q)) => {
                if (p - last).abs() <= (q - last).abs() {
                    p
                } else {
                    q
                }
            }
            None => last,
        };
        // One shifted step on the active block, as a matrix of its own.
        let m = hi - lo + 1;
        let block = Matrix::from_fn(m, m, |i, j| h[(lo + i, lo + j)] - if i == j { mu } else { 0.0 });
        let stepped = qr_step(&block)?;
        for i in 0..m {
            for j in 0..m {
                h[(lo + i, lo + j)] = if i > j + 1 {
                    0.0
                } else if i == j {
                    stepped[(i, j)] + mu
                } else {
                    stepped[(i, j)]
                };
            }
        }
    }
    values.push(h[(0, 0)]);
    values.sort_by(|x, y| y.total_cmp(x));
    Ok(values)
}
