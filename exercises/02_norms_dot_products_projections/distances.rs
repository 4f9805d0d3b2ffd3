//! Lesson 2, exercise 3: distances between points, from your own `sub` and norms.
//!
//! The distance between $a$ and $b$ is the size of the arrow between them,
//! $d(a, b) = \lVert a - b \rVert$. Each norm gives its own geometry: the
//! Euclidean ruler, the taxicab (Manhattan) grid, and the chessboard
//! (Chebyshev) king's moves.

use crate::l01::add_vectors::sub;
use crate::l02::vector_norms::{norm_inf, norm_l1, norm_l2};

/// The Euclidean distance $\lVert a - b \rVert_2$.
///
/// - Same lengths; must not overflow when the answer is finite (use your
///   scaled `norm_l2`).
/// - Example: the distance from $(0, 0)$ to $(3, 4)$ is 5.
pub fn euclidean(a: &[f64], b: &[f64]) -> f64 {
    // TODO: the 2-norm of a − b, with your own sub and norm_l2.
    todo!("lesson 02: euclidean")
}

/// The Manhattan distance $\lVert a - b \rVert_1 = \sum_i |a_i - b_i|$.
///
/// - Example: from $(0, 0)$ to $(3, 4)$ it is 7.
pub fn manhattan(a: &[f64], b: &[f64]) -> f64 {
    // TODO: the 1-norm of a − b.
    todo!("lesson 02: manhattan")
}

/// The Chebyshev distance $\lVert a - b \rVert_\infty = \max_i |a_i - b_i|$.
///
/// - Example: from $(0, 0)$ to $(3, 4)$ it is 4.
pub fn chebyshev(a: &[f64], b: &[f64]) -> f64 {
    // TODO: the ∞-norm of a − b.
    todo!("lesson 02: chebyshev")
}
