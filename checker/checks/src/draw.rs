//! Random draws for generators: small integers, lengths, scales. All
//! randomness comes from proptest's runner, so a fixed seed fixes every input.

use nalgebra::DMatrix;
use proptest::prelude::Rng;
use proptest::test_runner::TestRng;

/// An integer in `lo..=hi`, as `f64`.
pub fn int(rng: &mut TestRng, lo: i64, hi: i64) -> f64 {
    (lo + (rng.next_u64() % (hi - lo + 1) as u64) as i64) as f64
}

/// A size in `lo..=hi`.
pub fn size(rng: &mut TestRng, lo: usize, hi: usize) -> usize {
    lo + (rng.next_u64() % (hi - lo + 1) as u64) as usize
}

/// `n` integers in [-9, 9]: exact in floating point, easy to read.
pub fn ints(rng: &mut TestRng, n: usize) -> Vec<f64> {
    (0..n).map(|_| int(rng, -9, 9)).collect()
}

/// One of `choices`, uniformly.
pub fn pick<T: Copy>(rng: &mut TestRng, choices: &[T]) -> T {
    choices[(rng.next_u64() % choices.len() as u64) as usize]
}

/// True with probability `num/den`.
pub fn chance(rng: &mut TestRng, num: u64, den: u64) -> bool {
    rng.next_u64() % den < num
}

/// A power-of-two exponent: mostly 0, sometimes a moderate or an extreme scale
/// (2^±600 makes squares overflow or underflow, which is the point).
pub fn exponent(rng: &mut TestRng, extremes: &[i32]) -> i32 {
    if chance(rng, 2, 3) { 0 } else { pick(rng, extremes) }
}

/// A number in [0, 1) from the runner's random stream.
pub fn unit(rng: &mut TestRng) -> f64 {
    int(rng, 0, 999_999) / 1e6
}

/// Mostly an integer in [−9, 9], sometimes a third or a tenth of one (inexact).
pub fn entry(rng: &mut TestRng) -> f64 {
    let k = int(rng, -9, 9);
    if chance(rng, 1, 3) { k / pick(rng, &[3.0, 10.0]) } else { k }
}

/// A random orthogonal p×p matrix: the Q of nalgebra's QR of a matrix with
/// entries uniform in [−1, 1) (a generator, not a reference).
pub fn orthogonal(rng: &mut TestRng, p: usize) -> DMatrix<f64> {
    let g = DMatrix::from_fn(p, p, |_, _| 2.0 * unit(rng) - 1.0);
    g.qr().q()
}

/// n values from 10 down to 10·10^(−log_kappa): the first and the last fixed,
/// the others log-uniform in between, so their ratio is 10^log_kappa.
pub fn spread(rng: &mut TestRng, n: usize, log_kappa: f64) -> Vec<f64> {
    (0..n)
        .map(|i| {
            let t = if i == 0 || n == 1 {
                0.0
            } else if i == n - 1 {
                1.0
            } else {
                unit(rng)
            };
            10.0 * 10f64.powf(-log_kappa * t)
        })
        .collect()
}

/// An m×n matrix with min(m, n) singular values `spread(…, log_kappa)`: U·Σ·Vᵀ
/// with random orthogonal U and V, so κ₂ = 10^log_kappa (to rounding).
pub fn with_condition(rng: &mut TestRng, m: usize, n: usize, log_kappa: f64) -> DMatrix<f64> {
    let (u, v) = (orthogonal(rng, m), orthogonal(rng, n));
    let s = spread(rng, m.min(n), log_kappa);
    let sigma = DMatrix::from_fn(m, n, |i, j| if i == j { s[i] } else { 0.0 });
    u * sigma * v.transpose()
}

/// A random n×n integer matrix with determinant ±1: a row permutation of
/// L·U, L unit lower and U unit upper triangular with entries in [−r, r].
/// Its inverse has integer entries too ([`integer_inverse`]), so
/// S·diag(d)·S⁻¹ with integer d is an integer matrix whose eigenvalues are
/// exactly d (lessons 9 and 10).
pub fn unimodular(rng: &mut TestRng, n: usize, r: i64) -> DMatrix<f64> {
    let l = DMatrix::from_fn(n, n, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Equal => 1.0,
        std::cmp::Ordering::Greater => int(rng, -r, r),
        std::cmp::Ordering::Less => 0.0,
    });
    let u = DMatrix::from_fn(n, n, |i, j| match i.cmp(&j) {
        std::cmp::Ordering::Equal => 1.0,
        std::cmp::Ordering::Less => int(rng, -r, r),
        std::cmp::Ordering::Greater => 0.0,
    });
    let mut perm: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        perm.swap(i, size(rng, 0, i));
    }
    let lu = l * u;
    DMatrix::from_fn(n, n, |i, j| lu[(perm[i], j)])
}

/// The exact inverse of a [`unimodular`] matrix (nalgebra's inverse rounded to
/// integers, then verified: S·S⁻¹ = I exactly).
pub fn integer_inverse(s: &DMatrix<f64>) -> DMatrix<f64> {
    let inv = s.clone().try_inverse().expect("a unimodular matrix is invertible").map(f64::round);
    let n = s.nrows();
    assert_eq!(s * &inv, DMatrix::identity(n, n), "integer_inverse: S is not unimodular");
    inv
}
