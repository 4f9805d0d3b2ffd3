//! Lesson 3, exercise 5: determinants of 2×2 and 3×3 matrices.
//!
//! $\det A$ is the factor by which $A$ scales areas (in the plane) or volumes
//! (in space), with a sign: negative when $A$ flips the orientation, like a
//! reflection, and zero when $A$ squashes everything into a line or a plane,
//! which is exactly when $A$ is singular (not invertible). For a 2×2 matrix
//! it is lesson 1's signed area of the two columns. For a 3×3 matrix, expand
//! along the first row: each entry times the determinant of the 2×2 minor
//! left when its row and column are deleted, with the signs $+, -, +$.
//! Because areas scale one map after another, $\det(AB) = \det A \det B$.
//!
//! The expansion of an $n \times n$ determinant has $n!$ terms; lesson 5
//! gets it from an LU factorization in about $2n^3/3$ flops instead.

use vocab::{LinalgError, Matrix};

use crate::l01::independence_2d::signed_area;

/// The determinant of a 2×2 matrix, $\det A = a_{00} a_{11} - a_{01} a_{10}$.
///
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: 2, found: n })` when it
///   is $n \times n$ with $n \ne 2$.
/// - Example: rows $(2, 1), (1, 3)$ give $6 - 1 = 5$: the unit square becomes
///   a parallelogram of area 5. Rows $(1, 2), (2, 4)$ give 0.
pub fn det2(a: &Matrix) -> Result<f64, LinalgError> {
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    if a.nrows() != 2 {
        return Err(LinalgError::DimensionMismatch { expected: 2, found: a.nrows() });
    }
    // The signed area of the parallelogram spanned by the two columns, which
    // are the images of e_0 and e_1 (lesson 1).
    Ok(signed_area([a[(0, 0)], a[(1, 0)]], [a[(0, 1)], a[(1, 1)]]))
}

/// The determinant of a 3×3 matrix by cofactor expansion along the first row:
/// $\det A = a_{00} \det M_{00} - a_{01} \det M_{01} + a_{02} \det M_{02}$,
/// where the minor $M_{0j}$ is the 2×2 matrix left after deleting row 0 and
/// column $j$.
///
/// - `Err(LinalgError::NotSquare { rows, cols })` when `a` is not square;
///   `Err(LinalgError::DimensionMismatch { expected: 3, found: n })` when it
///   is $n \times n$ with $n \ne 3$.
/// - Example: the diagonal matrix with $2, 3, 4$ on the diagonal has
///   determinant 24 (each axis is stretched); rows $(1, 2, 3), (4, 5, 6),
///   (7, 8, 9)$ give 0, since row 2 is twice row 1 minus row 0.
pub fn det3(a: &Matrix) -> Result<f64, LinalgError> {
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    if a.nrows() != 3 {
        return Err(LinalgError::DimensionMismatch { expected: 3, found: a.nrows() });
    }
    let mut det = 0.0;
    let mut sign = 1.0;
    for j in 0..3 {
        // The minor M_0j: rows 1 and 2, every column except j.
        let kept: Vec<usize> = (0..3).filter(|&c| c != j).collect();
        let minor = Matrix::from_fn(2, 2, |r, c| a[(r + 1, kept[c])]);
        det += sign * a[(0, j)] * det2(&minor)?;
        // The checkerboard of signs: +, −, + along the first row.
        sign = -sign;
    }
    Ok(det)
}
