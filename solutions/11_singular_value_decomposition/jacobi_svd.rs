//! Lesson 11, exercise 2: an accurate SVD by one-sided Jacobi.
//!
//! The route through $A^\top A$ (exercise 1) squares the condition number:
//! a singular value below $\sqrt u\,\sigma_1 \approx 10^{-8}\sigma_1$ drowns
//! in the rounding of $A^\top A$. One-sided Jacobi (Hestenes, 1958) never
//! forms $A^\top A$. It rotates pairs of COLUMNS of $A$ until all of them are
//! mutually orthogonal:
//! $$A J_1 J_2 \cdots J_N = B, \qquad b_i^\top b_j = 0 \ (i \ne j).$$
//! Then $B = U\Sigma$ with $\sigma_j = \lVert b_j \rVert$ and
//! $u_j = b_j / \sigma_j$, and $V = J_1 \cdots J_N$ is orthogonal, so
//! $A = U \Sigma V^\top$.
//!
//! One rotation: for columns $a_p, a_q$ with $\alpha = \lVert a_p \rVert^2$,
//! $\beta = \lVert a_q \rVert^2$, $\gamma = a_p^\top a_q$, the rotation
//! $(a_p, a_q) \leftarrow (c\,a_p - s\,a_q,\ s\,a_p + c\,a_q)$ makes them
//! orthogonal when $t = s/c$ solves $t^2 + 2\zeta t - 1 = 0$,
//! $\zeta = (\beta - \alpha)/(2\gamma)$: take the smaller root
//! $t = \operatorname{sign}(\zeta)/(|\zeta| + \sqrt{1 + \zeta^2})$, then
//! $c = 1/\sqrt{1 + t^2}$, $s = ct$. This is the two-sided Jacobi rotation of
//! the $2 \times 2$ block of $A^\top A$, computed without forming it. A
//! rotation spoils the orthogonality of $a_p, a_q$ with the other columns,
//! but the off-diagonal mass of $A^\top A$ drops by $2\gamma^2$ each time,
//! and sweeps over all pairs converge, quadratically at the end.
//!
//! Why it is accurate: every step is an orthogonal map applied to the data
//! itself, and the stopping test is RELATIVE,
//! $|a_p^\top a_q| \le \epsilon\,\lVert a_p \rVert \lVert a_q \rVert$, so a
//! column of norm $10^{-10}$ is made orthogonal to the others as carefully as
//! a column of norm 1. Singular values come out with a small relative error
//! whenever $A = BD$ with $D$ diagonal and $B$ well conditioned (graded
//! columns), where any method that starts by bidiagonalizing may lose them
//! (Demmel and Veselić, *SIAM J. Matrix Anal. Appl.* 13, 1992).
//!
//! Cost: one sweep of the $n(n-1)/2$ pairs costs about $n^2(6m + 3n)$ flops
//! (a dot product, a rotation of two columns with their norms, a rotation of
//! two rows of $V^\top$); a few sweeps are typical, each cheaper than the
//! one before as more pairs pass the test. LAPACK's `dgesvj` is this method
//! with refinements, and `dgejsv` adds preconditioning by QR to cut the
//! sweeps (Drmač and Veselić, 2008).
//!
//! Storage: `Matrix` is row-major, so a column of $A$ is strided. We work on
//! $G = A^\top$, whose ROWS are the columns of $A$: each rotation then
//! touches two contiguous slices, which the compiler turns into vector
//! instructions. $V^\top$ is accumulated the same way, by rows.

use vocab::{LinalgError, Matrix, Svd};

use crate::l02::vector_norms::norm_l2;

/// The most sweeps before giving up. The convergence is quadratic in the end,
/// and no finite matrix of this course comes near it; non-finite input (NaN)
/// reaches it.
const MAX_SWEEPS: usize = 80;

/// The thin singular value decomposition $A = U \Sigma V^\top$ of an
/// $m \times n$ matrix of any shape, by one-sided Jacobi rotations.
///
/// - With $k = \min(m, n)$: `u` is $m \times k$ with orthonormal columns,
///   `s` has length $k$, NON-INCREASING and $\ge 0$, `vt` is $k \times n$
///   with orthonormal rows, and $A \approx U \Sigma V^\top$
///   (`Svd::reconstruct`).
/// - Tall or square ($m \ge n$): rotate the columns of $A$ (rows of
///   $G = A^\top$, so that they are contiguous) until
///   $|g_p^\top g_q| \le \epsilon \lVert g_p \rVert \lVert g_q \rVert$ for
///   every pair, with $\epsilon = \sqrt m\,$`f64::EPSILON` ($\sqrt n\,$`f64::EPSILON`
///   when wide: the length of the vectors rotated); accumulate the rotations in
///   the rows of $V^\top$. Then $\sigma_j = \lVert g_j \rVert$ (your
///   `norm_l2`), $u_j = g_j / \sigma_j$, sorted by $\sigma$.
/// - Wide ($m < n$): the same on $A^\top$, whose columns are the rows of
///   $A$; $A^\top = U' \Sigma V'^\top$ gives $A = V' \Sigma U'^\top$.
/// - A column that ends exactly zero ($\sigma_j = 0$: a zero column, the
///   zero matrix) has no direction to normalise: its $u_j$ is completed to an
///   orthonormal set (the unit vector $e_i$ least covered by the columns so
///   far, projected out twice and normalised), so $U^\top U = I$ always.
/// - `Err(LinalgError::Empty)` when $A$ has no entries;
///   `Err(LinalgError::NotConverged { iterations, residual })` when 80
///   sweeps do not reach the test (only non-finite input does that), with
///   `residual` the largest $|g_p^\top g_q| / (\lVert g_p \rVert \lVert g_q \rVert)$
///   of the last sweep.
/// - Example: $A$ with rows $(3, 0), (4, 5)$: its columns $(3, 4)$ and
///   $(0, 5)$ are rotated to orthogonal columns of norms $\sqrt{45}$ and
///   $\sqrt 5$, so $\Sigma = \operatorname{diag}(3\sqrt 5, \sqrt 5)$.
pub fn jacobi_svd(a: &Matrix) -> Result<Svd, LinalgError> {
    // The steps, as nested functions (they belong to this exercise alone).

    /// Rotate the `k` rows (each `len` long) of the row-major `g` until they are
    /// mutually orthogonal in the relative sense; return the accumulated
    /// rotations as a row-major k×k matrix whose row j is column j of V, and
    /// the squared row norms the iteration saw.
    fn orthogonalize_rows(g: &mut [f64], k: usize, len: usize) -> Result<(Vec<f64>, Vec<f64>), LinalgError> {
        let mut wt: Vec<f64> = (0..k * k).map(|x| if x / k == x % k { 1.0 } else { 0.0 }).collect();
        // Rounding alone makes the computed cosine of two orthogonal vectors about
        // √len·u: a smaller ε would rotate forever on noise.
        let eps = f64::EPSILON * (len as f64).sqrt();
        let mut norms: Vec<f64> = (0..k).map(|j| dot(&g[j * len..(j + 1) * len], &g[j * len..(j + 1) * len])).collect();
        let mut worst = 0.0f64;
        for sweep in 1..=MAX_SWEEPS {
            let mut rotated = false;
            worst = 0.0;
            for p in 0..k {
                for q in p + 1..k {
                    let (alpha, beta) = (norms[p], norms[q]);
                    // A zero column is orthogonal to everything already.
                    if alpha == 0.0 || beta == 0.0 {
                        continue;
                    }
                    let (gp, gq) = two_rows(g, len, p, q);
                    let gamma = dot(gp, gq);
                    let cosine = gamma.abs() / (alpha.sqrt() * beta.sqrt());
                    // Written so that NaN rotates (and ends at the cap), never "converges".
                    if cosine <= eps {
                        continue;
                    }
                    worst = worst.max(cosine);
                    rotated = true;
                    let zeta = (beta - alpha) / (2.0 * gamma);
                    let t = if zeta >= 0.0 { 1.0 / (zeta + zeta.hypot(1.0)) } else { -1.0 / (-zeta + zeta.hypot(1.0)) };
                    let c = 1.0 / t.hypot(1.0);
                    let s = c * t;
                    // Rotate and recompute both squared norms in the same pass
                    // (the update α − tγ drifts after many rotations).
                    let (np, nq) = rotate_with_norms(gp, gq, c, s);
                    norms[p] = np;
                    norms[q] = nq;
                    let (vp, vq) = two_rows(&mut wt, k, p, q);
                    rotate(vp, vq, c, s);
                }
            }
            if !rotated {
                return Ok((wt, norms));
            }
            if sweep == MAX_SWEEPS {
                break;
            }
        }
        Err(LinalgError::NotConverged { iterations: MAX_SWEEPS, residual: worst })
    }

    /// Rows p < q of a row-major matrix with rows of length `len`, both mutable.
    fn two_rows(g: &mut [f64], len: usize, p: usize, q: usize) -> (&mut [f64], &mut [f64]) {
        let (head, tail) = g.split_at_mut(q * len);
        (&mut head[p * len..(p + 1) * len], &mut tail[..len])
    }

    /// A dot product with four running sums: the same rounding bound as one
    /// sum, and independent additions the processor can overlap.
    fn dot(x: &[f64], y: &[f64]) -> f64 {
        let mut acc = [0.0; 4];
        let (xc, yc) = (x.chunks_exact(4), y.chunks_exact(4));
        let (xr, yr) = (xc.remainder(), yc.remainder());
        for (a, b) in xc.zip(yc) {
            for l in 0..4 {
                acc[l] += a[l] * b[l];
            }
        }
        let tail: f64 = xr.iter().zip(yr).map(|(a, b)| a * b).sum();
        (acc[0] + acc[1]) + (acc[2] + acc[3]) + tail
    }

    /// (x, y) ← (c·x − s·y, s·x + c·y).
    fn rotate(x: &mut [f64], y: &mut [f64], c: f64, s: f64) {
        for (a, b) in x.iter_mut().zip(y.iter_mut()) {
            let (u, v) = (*a, *b);
            *a = c * u - s * v;
            *b = s * u + c * v;
        }
    }

    /// [`rotate`], returning the squared norms of the new x and y.
    fn rotate_with_norms(x: &mut [f64], y: &mut [f64], c: f64, s: f64) -> (f64, f64) {
        let (mut nx, mut ny) = ([0.0; 4], [0.0; 4]);
        let mut xc = x.chunks_exact_mut(4);
        let mut yc = y.chunks_exact_mut(4);
        for (a, b) in (&mut xc).zip(&mut yc) {
            for l in 0..4 {
                let (u, v) = (a[l], b[l]);
                a[l] = c * u - s * v;
                b[l] = s * u + c * v;
                nx[l] += a[l] * a[l];
                ny[l] += b[l] * b[l];
            }
        }
        let (mut tx, mut ty) = (0.0, 0.0);
        for (a, b) in xc.into_remainder().iter_mut().zip(yc.into_remainder().iter_mut()) {
            let (u, v) = (*a, *b);
            *a = c * u - s * v;
            *b = s * u + c * v;
            tx += *a * *a;
            ty += *b * *b;
        }
        ((nx[0] + nx[1]) + (nx[2] + nx[3]) + tx, (ny[0] + ny[1]) + (ny[2] + ny[3]) + ty)
    }

    /// A unit vector of length `len` orthogonal to the orthonormal `basis`: the
    /// axis e_i with the largest remainder 1 − Σ_l b_l[i]² (at least
    /// (len − r)/len, so never 0 while r < len), projected out twice, normalised.
    fn completion(basis: &[Vec<f64>], len: usize) -> Vec<f64> {
        let left = |i: usize| 1.0 - basis.iter().map(|b| b[i] * b[i]).sum::<f64>();
        let best = (0..len).max_by(|&i, &j| left(i).total_cmp(&left(j))).unwrap_or(0);
        let mut x = vec![0.0; len];
        x[best] = 1.0;
        // Twice is enough (lesson 7): the second pass removes what the first left.
        for _ in 0..2 {
            for b in basis {
                let c = dot(b, &x);
                x.iter_mut().zip(b).for_each(|(xi, bi)| *xi -= c * bi);
            }
        }
        let norm = norm_l2(&x);
        x.iter_mut().for_each(|xi| *xi /= norm);
        x
    }

    let (m, n) = a.shape();
    if a.is_empty() {
        return Err(LinalgError::Empty);
    }
    let tall = m >= n;
    // The k vectors to orthogonalize, each of length len, one per row of g:
    // the columns of A when it is tall, its rows (the columns of Aᵀ) when wide.
    let (k, len) = if tall { (n, m) } else { (m, n) };
    let mut g: Vec<f64> = if tall {
        let mut t = vec![0.0; n * m];
        for (i, row) in a.rows().enumerate() {
            for (j, &x) in row.iter().enumerate() {
                t[j * m + i] = x;
            }
        }
        t
    } else {
        a.as_slice().to_vec()
    };
    // Scale by a power of two (exact) so the largest entry is in [1, 2):
    // the squared norms below can then neither overflow nor underflow early.
    let big = g.iter().fold(0.0f64, |acc, x| acc.max(x.abs()));
    let scale = if big > 0.0 && big.is_finite() { 2f64.powi(-(big.log2().floor() as i32)) } else { 1.0 };
    if scale != 1.0 {
        g.iter_mut().for_each(|x| *x *= scale);
    }
    let (wt, norms) = orthogonalize_rows(&mut g, k, len)?;

    // σ_j = ‖g_j‖, sorted non-increasing (total_cmp: a total order even with NaN).
    // A row whose squared norm is 0 (exactly zero, or below 1e-154 after the
    // scaling, where the square underflows) was never rotated: it counts as
    // zero, and its u_j is completed below.
    let sigma: Vec<f64> =
        (0..k).map(|j| if norms[j] == 0.0 { 0.0 } else { norm_l2(&g[j * len..(j + 1) * len]) }).collect();
    let mut order: Vec<usize> = (0..k).collect();
    order.sort_by(|&i, &j| sigma[j].total_cmp(&sigma[i]));
    // Unit vectors g_j/σ_j; the exact zeros (at the end after sorting) are completed.
    let mut units: Vec<Vec<f64>> = Vec::with_capacity(k);
    for &j in &order {
        if sigma[j] > 0.0 {
            units.push(g[j * len..(j + 1) * len].iter().map(|x| x / sigma[j]).collect());
        } else {
            let e = completion(&units, len);
            units.push(e);
        }
    }
    let s: Vec<f64> = order.iter().map(|&j| sigma[j] / scale).collect();
    // Row j of wt is column j of V (the rotations accumulated, V = J₁J₂⋯).
    if tall {
        // A = UΣVᵀ: u_j = g_j/σ_j (length m), vt row j = wt row j.
        let u = Matrix::from_fn(m, k, |i, j| units[j][i]);
        let vt = Matrix::from_fn(k, n, |i, j| wt[order[i] * k + j]);
        Ok(Svd { u, s, vt })
    } else {
        // Aᵀ = U'ΣV'ᵀ with U' = the unit rows, so A = V'ΣU'ᵀ: u = V', vt = U'ᵀ.
        let u = Matrix::from_fn(m, k, |i, j| wt[order[j] * k + i]);
        let vt = Matrix::from_fn(k, n, |i, j| units[i][j]);
        Ok(Svd { u, s, vt })
    }
}
