//! Random draws for generators: small integers, lengths, scales. All
//! randomness comes from proptest's runner, so a fixed seed fixes every input.

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
