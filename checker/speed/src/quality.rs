//! Backward errors: how far a factorization is from the matrix it factors,
//! and how far its orthogonal factors are from orthonormal columns.
//!
//! The products are formed with nalgebra: quality is measured once per input,
//! outside the timed calls, so its speed does not matter; its accuracy does.

use nalgebra::DMatrix;
use vocab::{Lu, Matrix, Qr, Svd, SymEig};

/// The accuracy of one factorization.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    /// ‖A − reconstruction‖_F / ‖A‖_F.
    pub backward: f64,
    /// ‖QᵀQ − I‖_F, the largest over the orthogonal factors; `None` without one.
    pub orthogonality: Option<f64>,
}

fn to_nalgebra(m: &Matrix) -> DMatrix<f64> {
    DMatrix::from_row_slice(m.nrows(), m.ncols(), m.as_slice())
}

/// ‖x − y‖_F / ‖reference‖_F.
pub fn relative_gap(x: &DMatrix<f64>, y: &DMatrix<f64>, reference: &DMatrix<f64>) -> f64 {
    (x - y).norm() / reference.norm()
}

/// ‖QᵀQ − I‖_F for a matrix with orthonormal columns.
pub fn orthogonality(q: &DMatrix<f64>) -> f64 {
    (q.transpose() * q - DMatrix::identity(q.ncols(), q.ncols())).norm()
}

/// The backward error of `rebuilt` against `a`, with the worst orthogonality of `factors`.
pub fn orthogonal_factor(a: &DMatrix<f64>, rebuilt: &DMatrix<f64>, factors: &[&DMatrix<f64>]) -> Quality {
    let worst = factors.iter().map(|q| orthogonality(q)).fold(0.0, f64::max);
    Quality { backward: relative_gap(a, rebuilt, a), orthogonality: Some(worst) }
}

/// A plain-language complaint when `m` is not `rows × cols` or holds a non-finite number.
fn expect(name: &str, m: &Matrix, rows: usize, cols: usize) -> Result<DMatrix<f64>, String> {
    if m.shape() != (rows, cols) {
        return Err(format!("your `{name}` has shape {}×{} where {rows}×{cols} was expected", m.nrows(), m.ncols()));
    }
    if m.as_slice().iter().any(|x| !x.is_finite()) {
        return Err(format!("your `{name}` holds a NaN or an infinity"));
    }
    Ok(to_nalgebra(m))
}

/// PA = LU: ‖PA − LU‖_F / ‖A‖_F.
pub fn lu(a: &Matrix, f: &Lu) -> Result<Quality, String> {
    let n = a.nrows();
    let l = expect("l", &f.l, n, n)?;
    let u = expect("u", &f.u, n, n)?;
    let mut seen = vec![false; n];
    if f.perm.len() != n || f.perm.iter().any(|&p| p >= n || std::mem::replace(&mut seen[p], true)) {
        return Err(format!("your `perm` is not a permutation of 0..{n}"));
    }
    let a = to_nalgebra(a);
    let pa = DMatrix::from_fn(n, n, |i, j| a[(f.perm[i], j)]);
    Ok(Quality { backward: relative_gap(&pa, &(l * u), &a), orthogonality: None })
}

/// Thin A = QR.
pub fn qr(a: &Matrix, f: &Qr) -> Result<Quality, String> {
    let (m, n) = a.shape();
    let q = expect("q", &f.q, m, n)?;
    let r = expect("r", &f.r, n, n)?;
    Ok(orthogonal_factor(&to_nalgebra(a), &(&q * r), &[&q]))
}

/// A = VΛVᵀ.
pub fn symmetric_eigen(a: &Matrix, f: &SymEig) -> Result<Quality, String> {
    let n = a.nrows();
    let v = expect("vectors", &f.vectors, n, n)?;
    if f.values.len() != n || f.values.iter().any(|x| !x.is_finite()) {
        return Err(format!("your `values` should be {n} finite numbers"));
    }
    let rebuilt = &v * DMatrix::from_diagonal(&nalgebra::DVector::from_column_slice(&f.values)) * v.transpose();
    Ok(orthogonal_factor(&to_nalgebra(a), &rebuilt, &[&v]))
}

/// Thin A = UΣVᵀ.
pub fn svd(a: &Matrix, f: &Svd) -> Result<Quality, String> {
    let (m, n) = a.shape();
    let k = m.min(n);
    let u = expect("u", &f.u, m, k)?;
    let vt = expect("vt", &f.vt, k, n)?;
    if f.s.len() != k || f.s.iter().any(|x| !x.is_finite()) {
        return Err(format!("your `s` should be {k} finite numbers"));
    }
    let rebuilt = &u * DMatrix::from_diagonal(&nalgebra::DVector::from_column_slice(&f.s)) * &vt;
    Ok(orthogonal_factor(&to_nalgebra(a), &rebuilt, &[&u, &vt.transpose()]))
}
