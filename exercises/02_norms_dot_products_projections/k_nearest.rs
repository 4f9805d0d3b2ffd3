//! Lesson 2, exercise 6: the k nearest neighbours of a point.
//!
//! The simplest classifier there is: to label a new point, look at the
//! labelled points closest to it. Everything depends on what "close" means,
//! which is why you pass the distance in.

use vocab::Matrix;

/// The indices of the `k` rows of `data` closest to `query`, nearest first.
///
/// - `distance` measures closeness (pass your `euclidean`, `manhattan`, …).
/// - Order: increasing distance; rows at exactly the same distance keep their
///   row order (the smaller index first).
/// - Returns `min(k, data.nrows())` indices; `k == 0` or no rows give an empty vector.
/// - Example: rows $(0, 0), (5, 5), (1, 0)$, query $(0.9, 0)$, $k = 2$ give `[2, 0]`.
pub fn k_nearest(data: &Matrix, query: &[f64], k: usize, distance: fn(&[f64], &[f64]) -> f64) -> Vec<usize> {
    // TODO: score every row by its distance to the query, sort, keep the first k indices.
    todo!("lesson 02: k_nearest")
}
