//! Lesson 3, exercise 7: one map after another.
//!
//! A chain of linear maps (the layers of a network without activations, a
//! sequence of geometric transformations) can be run one map at a time, or
//! collapsed into a single matrix first. Both give the same answer because
//! $A(Bx) = (AB)x$: applying $B$ and then $A$ is applying $AB$. Mind the
//! order: the map applied first stands on the right. Collapsing costs a few
//! matrix products once, and then one matrix–vector product per input; it is
//! also why stacking linear layers without a nonlinearity between them is no
//! more expressive than a single layer.

use vocab::{LinalgError, Matrix};

use crate::l03::matrix_product::mat_mul;
use crate::l03::matrix_vector::mat_vec_rows;

/// Apply `maps[0]` to `x`, then `maps[1]` to the result, and so on:
/// $M_{k-1}(\cdots M_1(M_0 x))$.
///
/// - `maps[i]` is $d_{i+1} \times d_i$ and `x` has length $d_0$; the result has
///   length $d_k$. With no maps the result is `x` itself: doing nothing is the
///   identity map.
/// - `Err(LinalgError::DimensionMismatch { expected, found })` at the first map
///   `i` that does not fit, with `expected: maps[i].ncols()` and `found`: the
///   length of the vector reaching it (`x.len()` for `i = 0`). Your
///   `mat_vec_rows` reports exactly this.
/// - Example: `maps = [shear(1.0), rotation(PI / 4)]`, $x = (1, 1)$: the shear
///   gives $(2, 1)$, the rotation by 45° then gives $(0.7071, 2.1213)$.
pub fn apply_in_turn(maps: &[Matrix], x: &[f64]) -> Result<Vec<f64>, LinalgError> {
    let mut y = x.to_vec();
    for m in maps {
        y = mat_vec_rows(m, &y)?;
    }
    Ok(y)
}

/// The single matrix that does the same as [`apply_in_turn`]: the product
/// $M_{k-1} \cdots M_1 M_0$, with the first map on the right.
///
/// - `compose(maps)` times `x` equals `apply_in_turn(maps, x)`, up to rounding.
/// - `Err(LinalgError::Empty)` when `maps` is empty: the identity would be
///   the answer, but of unknown size.
/// - `Err(LinalgError::DimensionMismatch { expected, found })` at the first
///   `i` where the chain breaks, with `expected: maps[i].ncols()` and
///   `found: maps[i - 1].nrows()`.
/// - Example: `[shear(1.0), rotation(PI / 4)]` composes to
///   `rotation(PI / 4)` times `shear(1.0)`, with rows $(0.7071, 0)$ and
///   $(0.7071, 1.4142)$.
pub fn compose(maps: &[Matrix]) -> Result<Matrix, LinalgError> {
    let Some(first) = maps.first() else {
        return Err(LinalgError::Empty);
    };
    let mut product = first.clone();
    for m in &maps[1..] {
        // The next map goes on the left: it acts after everything so far.
        product = mat_mul(m, &product)?;
    }
    Ok(product)
}
