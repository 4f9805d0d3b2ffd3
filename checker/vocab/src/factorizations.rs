//! Result structs named after the factorizations, each with `reconstruct()`.
//!
//! `reconstruct()` multiplies the factors back together with plain loops. It is
//! a convenience for checks and messages, not a shortcut: lessons ask for the
//! factors, and the checks judge them by their own properties.

use crate::Matrix;

/// The plain textbook product, used only to rebuild factorizations.
fn product(a: &Matrix, b: &Matrix) -> Matrix {
    assert_eq!(a.ncols(), b.nrows(), "reconstruct: factor shapes {:?} and {:?} do not chain", a.shape(), b.shape());
    Matrix::from_fn(a.nrows(), b.ncols(), |i, j| (0..a.ncols()).map(|k| a[(i, k)] * b[(k, j)]).sum())
}

/// $PA = LU$ with partial pivoting.
///
/// - `perm[i]` is the row of $A$ that becomes row `i` of $PA$.
/// - `l` is unit lower triangular ($\ell_{ii} = 1$), `u` is upper triangular.
#[derive(Debug, Clone, PartialEq)]
pub struct Lu {
    pub perm: Vec<usize>,
    pub l: Matrix,
    pub u: Matrix,
}

impl Lu {
    /// $LU$, which should equal $PA$.
    pub fn reconstruct(&self) -> Matrix {
        product(&self.l, &self.u)
    }
}

/// $A = QR$: `q` has orthonormal columns, `r` is upper triangular.
#[derive(Debug, Clone, PartialEq)]
pub struct Qr {
    pub q: Matrix,
    pub r: Matrix,
}

impl Qr {
    /// $QR$, which should equal $A$.
    pub fn reconstruct(&self) -> Matrix {
        product(&self.q, &self.r)
    }
}

/// $A = U \Sigma V^\top$: singular values `s` non-increasing and non-negative,
/// `u` and `vt` with orthonormal columns and rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Svd {
    pub u: Matrix,
    pub s: Vec<f64>,
    pub vt: Matrix,
}

impl Svd {
    /// $U \Sigma V^\top$, which should equal $A$.
    pub fn reconstruct(&self) -> Matrix {
        let us = Matrix::from_fn(self.u.nrows(), self.s.len(), |i, j| self.u[(i, j)] * self.s[j]);
        product(&us, &self.vt)
    }
}

/// $A = V \Lambda V^\top$ for symmetric $A$: eigenvalues `values` in
/// non-increasing order, orthonormal eigenvectors in the columns of `vectors`.
#[derive(Debug, Clone, PartialEq)]
pub struct SymEig {
    pub values: Vec<f64>,
    pub vectors: Matrix,
}

impl SymEig {
    /// $V \Lambda V^\top$, which should equal $A$.
    pub fn reconstruct(&self) -> Matrix {
        let v = &self.vectors;
        let vl = Matrix::from_fn(v.nrows(), self.values.len(), |i, j| v[(i, j)] * self.values[j]);
        let vt = Matrix::from_fn(v.ncols(), v.nrows(), |i, j| v[(j, i)]);
        product(&vl, &vt)
    }
}

/// The two eigenvalues of a real 2×2 matrix: two real numbers or a
/// complex-conjugate pair.
///
/// - `Real(l1, l2)` with `l1 >= l2` (equal for a double eigenvalue).
/// - `Complex { re, im }` stands for the pair $re \pm i \cdot im$, with
///   `im > 0`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Eigenvalues2 {
    /// Two real eigenvalues, the larger first.
    Real(f64, f64),
    /// The complex-conjugate pair re ± i·im, im > 0.
    Complex { re: f64, im: f64 },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reconstruct_multiplies_the_factors() {
        let lu = Lu {
            perm: vec![1, 0],
            l: Matrix::from_rows(&[vec![1.0, 0.0], vec![0.5, 1.0]]),
            u: Matrix::from_rows(&[vec![2.0, 4.0], vec![0.0, 1.0]]),
        };
        assert_eq!(lu.reconstruct(), Matrix::from_rows(&[vec![2.0, 4.0], vec![1.0, 3.0]]));
        let svd = Svd { u: Matrix::identity(2), s: vec![3.0, 1.0], vt: Matrix::identity(2) };
        assert_eq!(svd.reconstruct(), Matrix::from_rows(&[vec![3.0, 0.0], vec![0.0, 1.0]]));
        let eig = SymEig { values: vec![2.0], vectors: Matrix::from_rows(&[vec![1.0]]) };
        assert_eq!(eig.reconstruct(), Matrix::from_rows(&[vec![2.0]]));
        let qr = Qr { q: Matrix::identity(1), r: Matrix::from_rows(&[vec![5.0]]) };
        assert_eq!(qr.reconstruct()[(0, 0)], 5.0);
    }
}
