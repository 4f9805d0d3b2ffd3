//! The bench's inputs: the shapes for each size, and reproducible random matrices.

use vocab::Matrix;

use crate::Subject;

/// The shapes a bench runs, in order: n×n for every size, then 4n×n where the
/// factorization takes tall matrices.
pub fn shapes(subject: &Subject, sizes: &[usize]) -> Vec<(usize, usize)> {
    let mut shapes: Vec<(usize, usize)> = sizes.iter().map(|&n| (n, n)).collect();
    if subject.has_tall_inputs() {
        shapes.extend(sizes.iter().map(|&n| (4 * n, n)));
    }
    shapes
}

/// An m×n matrix with entries uniform in [−1, 1) (symmetrized when the subject
/// needs it), the same on every run: seeded by the shape.
pub fn matrix(subject: &Subject, m: usize, n: usize) -> Matrix {
    let mut state = 0x5eed_0000_u64 ^ ((m as u64) << 32) ^ n as u64;
    let b = Matrix::from_fn(m, n, |_, _| uniform(&mut state));
    if subject.needs_symmetric_input() { Matrix::from_fn(n, n, |i, j| (b[(i, j)] + b[(j, i)]) / 2.0) } else { b }
}

/// SplitMix64, mapped to [−1, 1).
fn uniform(state: &mut u64) -> f64 {
    *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    2.0 * ((z >> 11) as f64 / (1u64 << 53) as f64) - 1.0
}
