//! Lesson 8, exercise 1: the Householder reflector.
//!
//! A reflection through the hyperplane orthogonal to a vector $v$ is the
//! matrix $H = I - \beta v v^\top$ with $\beta = 2 / v^\top v$. It is
//! symmetric, and orthogonal because $H^\top H = I + \beta(\beta v^\top v -
//! 2)\, v v^\top = I$: it keeps lengths and angles, so it keeps rounding
//! errors the size they were. Given any $x$, the choice $v = x - \alpha e_0$
//! with $|\alpha| = \lVert x \rVert_2$ reflects $x$ onto the first axis,
//! $Hx = \alpha e_0$: one reflector zeroes every entry of $x$ but the first.
//! QR factorization (the next exercise) is nothing more than one such
//! reflector per column.
//!
//! Either sign of $\alpha$ works on paper; in floating point one of them is a
//! trap. When $x$ points almost along $e_0$, $x_0 - \alpha$ with
//! $\alpha = +\mathrm{sign}(x_0)\lVert x \rVert$ subtracts two nearly equal
//! numbers and loses every digit: for $x = (1, 10^{-9})$ it is exactly 0.
//! Taking $\alpha = -\mathrm{sign}(x_0) \lVert x \rVert$ makes
//! $v_0 = x_0 + \mathrm{sign}(x_0)\lVert x \rVert$ a sum of two numbers of the
//! same sign, which is always accurate. That is LAPACK's choice (`dlarfg`),
//! and this exercise's.
//!
//! Applying $H$ to a matrix never needs $H$ itself: $HB = B - \beta v
//! (v^\top B)$ is a row vector $w = v^\top B$ and a rank-one update, about
//! $4pq$ flops for a $p \times q$ block instead of $2p^2q$ for the product.

use vocab::{LinalgError, Matrix};

use crate::l02::dot_product::dot;
use crate::l02::vector_norms::norm_l2;

/// The Householder reflector of $x$: $(v, \beta)$ such that
/// $H = I - \beta v v^\top$ is orthogonal and $Hx = \alpha e_0$, with
/// $\alpha = -\mathrm{sign}(x_0)\,\lVert x \rVert_2$ and $\mathrm{sign}(0) = +1$.
///
/// - LAPACK's normalisation: $v_0 = 1$ exactly (set `v[0] = 1.0`), so $v$
///   is $x - \alpha e_0$ divided by its first entry $v_0 = x_0 - \alpha$,
///   and then $\beta = 2 / v^\top v$. `v` has the length of `x`.
/// - The sign: $\alpha$ has the sign opposite to $x_0$, so that
///   $x_0 - \alpha = x_0 + \mathrm{sign}(x_0)\lVert x \rVert$ adds two numbers
///   of the same sign and never cancels. When $x_0 = 0$ there is nothing to
///   cancel and the checks accept either sign.
/// - When $x_1 = \dots = x_{n-1} = 0$ already (a vector of length 1, the zero
///   vector), there is nothing to reflect: return $v = e_0 = (1, 0, \dots, 0)$
///   and $\beta = 0$, so $H = I$ and $Hx = x$ ($\alpha = x_0$ here, not
///   $-\mathrm{sign}(x_0)\lVert x \rVert$). LAPACK's `dlarfg` does the same.
///   (Reflecting anyway, $\beta = 2$ with $v = e_0$, is also correct: it
///   only flips the sign of $x_0$. The zero vector needs this branch:
///   $x_0 - \alpha = 0$ there, and dividing by it gives NaN.)
/// - No overflow: compute $\lVert x \rVert$ with your lesson-2 `norm_l2`
///   (it scales), and note that $|v_i| \le 1$, so $v^\top v \le 2$ and
///   $\beta \in [1, 2]$ whatever the size of $x$.
/// - `Err(LinalgError::Empty)` when `x` is empty.
/// - Example: $x = (3, 4)$: $\lVert x \rVert = 5$, $\alpha = -5$,
///   $x - \alpha e_0 = (8, 4)$, so $v = (1, 0.5)$ and
///   $\beta = 2 / 1.25 = 1.6$; indeed $Hx = x - 1.6 \cdot (v^\top x)\, v =
///   (3, 4) - 8 \cdot (1, 0.5) = (-5, 0)$.
pub fn householder(x: &[f64]) -> Result<(Vec<f64>, f64), LinalgError> {
    if x.is_empty() {
        return Err(LinalgError::Empty);
    }
    let mut v = vec![0.0; x.len()];
    v[0] = 1.0;
    // Nothing below the first entry: x is on the axis already, H = I.
    if x[1..].iter().all(|&xi| xi == 0.0) {
        return Ok((v, 0.0));
    }
    // α = −sign(x₀)‖x‖, with sign(0) = +1; `norm_l2` cannot overflow.
    let norm = norm_l2(x);
    let alpha = if x[0] >= 0.0 { -norm } else { norm };
    // v₀ = x₀ − α = x₀ + sign(x₀)‖x‖: two numbers of the same sign, no cancellation.
    let v0 = x[0] - alpha;
    for i in 1..x.len() {
        // |v₀| ≥ ‖x‖ ≥ |xᵢ|, so every |vᵢ| ≤ 1.
        v[i] = x[i] / v0;
    }
    // H is orthogonal exactly when β = 2/vᵀv (vᵀv ∈ [1, 2] here).
    let beta = 2.0 / dot(&v, &v);
    Ok((v, beta))
}

/// Apply the reflector $H = I - \beta v v^\top$ to a block of `a` in place:
/// the block of rows `row0 .. row0 + v.len()` and columns `col0 ..`
/// (to the last column) becomes $H$ times itself; every other entry of `a`
/// is left exactly as it was.
///
/// - Never form $H$: for each column $b$ of the block, $Hb = b - \beta
///   (v^\top b)\, v$. First the row vector $w = v^\top B$ (one number per
///   column), then $B \leftarrow B - \beta v w$: about $4pq$ flops for a
///   $p \times q$ block.
/// - Any $v$ and $\beta$ (not only those from [`householder`]); $\beta = 0$
///   leaves `a` as it is.
/// - The caller keeps `row0 + v.len() <= a.nrows()` and
///   `col0 <= a.ncols()` (the checks pass nothing else).
/// - Example: $v = (1, 0.5)$, $\beta = 1.6$ (the reflector of $(3, 4)$),
///   `row0 = 0`, `col0 = 0`, on $A$ with rows $(3, 1), (4, 2)$: column 0
///   becomes $(-5, 0)$, column 1 has $v^\top b = 2$ and becomes
///   $(1, 2) - 3.2\,(1, 0.5) = (-2.2, 0.4)$.
pub fn apply_householder(v: &[f64], beta: f64, a: &mut Matrix, row0: usize, col0: usize) {
    if beta == 0.0 {
        return;
    }
    let cols = a.ncols();
    // w = vᵀB, accumulated row by row (a row of `a` is a slice).
    let mut w = vec![0.0; cols - col0];
    for (i, vi) in v.iter().enumerate() {
        for (wj, aij) in w.iter_mut().zip(&a.row(row0 + i)[col0..]) {
            *wj += vi * aij;
        }
    }
    // B ← B − β v w: row i loses β·vᵢ times w.
    for (i, vi) in v.iter().enumerate() {
        let f = beta * vi;
        for (aij, wj) in a.row_mut(row0 + i)[col0..].iter_mut().zip(&w) {
            *aij -= f * wj;
        }
    }
}
