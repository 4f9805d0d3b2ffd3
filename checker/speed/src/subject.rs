//! What can be benchmarked: one of the learner's factorizations, with the
//! nalgebra routine it is compared with and how both are judged.

use nalgebra::DMatrix;
use vocab::{LinalgError, Lu, Matrix, Qr, Svd, SymEig};

use crate::Measure;
use crate::quality::{self, Quality};
use crate::timing;

/// A learner's factorization (or the reference one), by kind.
#[derive(Clone, Copy)]
pub enum Subject {
    /// Lesson 5's `lu`: PA = LU with partial pivoting.
    Lu(fn(&Matrix) -> Result<Lu, LinalgError>),
    /// Lesson 8's `householder_qr`: thin A = QR.
    HouseholderQr(fn(&Matrix) -> Result<Qr, LinalgError>),
    /// Lesson 10's `symmetric_eigen`: A = VΛVᵀ.
    SymmetricEigen(fn(&Matrix) -> Result<SymEig, LinalgError>),
    /// Lesson 11's `jacobi_svd`: thin A = UΣVᵀ.
    JacobiSvd(fn(&Matrix) -> Result<Svd, LinalgError>),
}

/// nalgebra's iterative solvers get this many iterations before giving up
/// (never the unbounded constructors: see checking.md).
const NALGEBRA_MAX_ITERATIONS: usize = 10_000;

impl Subject {
    /// The exercise id the bench is named after.
    pub fn exercise(&self) -> &'static str {
        match self {
            Subject::Lu(_) => "lu_decomposition",
            Subject::HouseholderQr(_) => "householder_qr",
            Subject::SymmetricEigen(_) => "symmetric_eigen",
            Subject::JacobiSvd(_) => "jacobi_svd",
        }
    }

    /// What the nalgebra side runs, for the table's heading.
    pub fn counterpart(&self) -> &'static str {
        match self {
            Subject::Lu(_) => "nalgebra LU::new, then unpack() into P, L, U",
            Subject::HouseholderQr(_) => "nalgebra QR::new, then q() and r()",
            Subject::SymmetricEigen(_) => "nalgebra SymmetricEigen::try_new (values and vectors)",
            Subject::JacobiSvd(_) => "nalgebra SVD::try_new with U and Vᵀ (timed only, never a reference)",
        }
    }

    /// The operation count of the algorithm, for the table's footer.
    pub fn expected_cost(&self) -> &'static str {
        match self {
            Subject::Lu(_) => "2n³/3 flops: time should grow like n³",
            Subject::HouseholderQr(_) => "2mn² − 2n³/3 flops for R, about as many again for the thin Q: n³ growth",
            Subject::SymmetricEigen(_) => "4n³/3 to tridiagonalize, about 6n³ more for the vectors: n³ growth",
            Subject::JacobiSvd(_) => "about n²(6m + 3n) flops per sweep, several sweeps: n³ growth",
        }
    }

    /// Whether the bench also runs tall 4n × n inputs.
    pub fn has_tall_inputs(&self) -> bool {
        matches!(self, Subject::HouseholderQr(_) | Subject::JacobiSvd(_))
    }

    /// Whether the inputs must be symmetric.
    pub fn needs_symmetric_input(&self) -> bool {
        matches!(self, Subject::SymmetricEigen(_))
    }

    /// Time the learner's function on `a` and judge its result.
    pub fn measure_yours(&self, a: &Matrix, budget: std::time::Duration) -> Result<Measure, String> {
        let name = self.exercise();
        let refused =
            |e: &LinalgError| format!("your `{name}` refused a random {}×{} matrix: {e}", a.nrows(), a.ncols());
        match *self {
            Subject::Lu(f) => timing::measure(budget, || f(a), |r| quality::lu(a, r.as_ref().map_err(refused)?)),
            Subject::HouseholderQr(f) => {
                timing::measure(budget, || f(a), |r| quality::qr(a, r.as_ref().map_err(refused)?))
            }
            Subject::SymmetricEigen(f) => {
                timing::measure(budget, || f(a), |r| quality::symmetric_eigen(a, r.as_ref().map_err(refused)?))
            }
            Subject::JacobiSvd(f) => {
                timing::measure(budget, || f(a), |r| quality::svd(a, r.as_ref().map_err(refused)?))
            }
        }
        .map_err(|message| {
            format!("{message}\n(the bench times only functions that pass their checks: `cargo learn run {name}`)")
        })
    }

    /// Time nalgebra's counterpart on `a` and judge its result the same way.
    pub fn measure_nalgebra(&self, a: &Matrix, budget: std::time::Duration) -> Result<Measure, String> {
        let d = DMatrix::from_row_slice(a.nrows(), a.ncols(), a.as_slice());
        let eps = f64::EPSILON;
        let out: Result<Measure, String> = match self {
            Subject::Lu(_) => timing::measure(
                budget,
                || nalgebra::LU::new(d.clone()).unpack(),
                |(p, l, u)| {
                    let mut pa = d.clone();
                    p.permute_rows(&mut pa);
                    Ok(Quality { backward: quality::relative_gap(&pa, &(l * u), &d), orthogonality: None })
                },
            ),
            Subject::HouseholderQr(_) => timing::measure(
                budget,
                || {
                    let qr = nalgebra::QR::new(d.clone());
                    (qr.q(), qr.r())
                },
                |(q, r)| Ok(quality::orthogonal_factor(&d, &(q * r), &[q])),
            ),
            Subject::SymmetricEigen(_) => timing::measure(
                budget,
                || nalgebra::SymmetricEigen::try_new(d.clone(), eps, NALGEBRA_MAX_ITERATIONS),
                |e| {
                    let e = e.as_ref().ok_or("nalgebra's SymmetricEigen did not converge")?;
                    let v = &e.eigenvectors;
                    let rebuilt = v * DMatrix::from_diagonal(&e.eigenvalues) * v.transpose();
                    Ok(quality::orthogonal_factor(&d, &rebuilt, &[v]))
                },
            ),
            Subject::JacobiSvd(_) => timing::measure(
                budget,
                || nalgebra::SVD::try_new(d.clone(), true, true, eps, NALGEBRA_MAX_ITERATIONS),
                |s| {
                    let s = s.as_ref().ok_or("nalgebra's SVD did not converge")?;
                    let (Some(u), Some(vt)) = (&s.u, &s.v_t) else {
                        return Err("nalgebra's SVD gave no vectors".into());
                    };
                    let rebuilt = u * DMatrix::from_diagonal(&s.singular_values) * vt;
                    Ok(quality::orthogonal_factor(&d, &rebuilt, &[u, &vt.transpose()]))
                },
            ),
        };
        out
    }
}
