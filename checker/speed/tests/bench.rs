//! The bench on tiny sizes: it runs, its numbers are sane, and its accuracy
//! measures can fail. Nothing here depends on how long anything takes.

use std::time::Duration;

use speed::{Plan, Report, Subject};
use vocab::{LinalgError, Lu, Matrix, Qr};

fn tiny() -> Plan {
    Plan { sizes: vec![4, 8, 16], budget: Duration::ZERO }
}

fn bench(subject: Subject) -> Result<Report, String> {
    let mut seen = Vec::new();
    let report =
        speed::run(&subject, &tiny(), &mut |done, total, label: &str| seen.push((done, total, label.to_string())));
    let (last_done, last_total, _) = seen.last().cloned().expect("progress was reported");
    assert!(report.is_err() || last_done == last_total, "progress ends at its total: {seen:?}");
    report
}

fn assert_sane(report: &Report, rows: usize, orthogonal: bool) {
    assert_eq!(report.rows.len(), rows, "{report:#?}");
    for r in &report.rows {
        for m in [&r.yours, &r.nalgebra] {
            assert!(m.seconds > 0.0 && m.seconds.is_finite() && m.runs >= 3, "{r:#?}");
            assert!(m.backward < 1e-13, "backward error {} on {}×{}", m.backward, r.rows, r.cols);
            assert_eq!(m.orthogonality.is_some(), orthogonal);
            assert!(m.orthogonality.unwrap_or(0.0) < 1e-13, "{r:#?}");
        }
        assert!(r.ratio() > 0.0 && r.ratio().is_finite());
    }
    for p in [report.exponent_yours, report.exponent_nalgebra] {
        assert!(p.is_some_and(f64::is_finite), "{report:#?}");
    }
}

#[test]
fn lu_of_the_reference_solution() {
    let report = bench(Subject::Lu(solutions::l05::lu::lu)).unwrap();
    assert_eq!(report.exercise, "lu_decomposition");
    assert_sane(&report, 3, false);
}

#[test]
fn householder_qr_runs_square_and_tall_inputs() {
    let report = bench(Subject::HouseholderQr(solutions::l08::householder_qr::householder_qr)).unwrap();
    assert_sane(&report, 6, true);
    let shapes: Vec<(usize, usize)> = report.rows.iter().map(|r| (r.rows, r.cols)).collect();
    assert_eq!(shapes, [(4, 4), (8, 8), (16, 16), (16, 4), (32, 8), (64, 16)]);
}

#[test]
fn symmetric_eigen_and_jacobi_svd_of_the_reference_solutions() {
    let report = bench(Subject::SymmetricEigen(solutions::l10::symmetric_eigen::symmetric_eigen)).unwrap();
    assert_eq!(report.exercise, "symmetric_eigen");
    assert_sane(&report, 3, true);
    let report = bench(Subject::JacobiSvd(solutions::l11::jacobi_svd::jacobi_svd)).unwrap();
    assert_eq!(report.exercise, "jacobi_svd");
    assert_sane(&report, 6, true);
}

#[test]
fn a_wrong_factorization_shows_in_its_backward_error() {
    // L = I, U = A without pivoting or elimination: PA ≠ LU is not the bench's to judge,
    // but it must show: the backward error is large, not hidden.
    fn no_elimination(a: &Matrix) -> Result<Lu, LinalgError> {
        Ok(Lu { perm: (0..a.nrows()).collect(), l: Matrix::identity(a.nrows()), u: Matrix::identity(a.nrows()) })
    }
    let report = bench(Subject::Lu(no_elimination)).unwrap();
    assert!(report.rows.iter().all(|r| r.yours.backward > 0.1), "{report:#?}");
    fn not_orthogonal(a: &Matrix) -> Result<Qr, LinalgError> {
        let n = a.ncols();
        Ok(Qr { q: Matrix::from_fn(a.nrows(), n, |i, j| a[(i, j)]), r: Matrix::identity(n) })
    }
    let report = bench(Subject::HouseholderQr(not_orthogonal)).unwrap();
    assert!(report.rows.iter().all(|r| r.yours.orthogonality.unwrap() > 0.1), "{report:#?}");
}

#[test]
fn refusals_wrong_shapes_and_nan_are_explained() {
    fn refuses(_: &Matrix) -> Result<Lu, LinalgError> {
        Err(LinalgError::Singular { column: 0 })
    }
    let message = bench(Subject::Lu(refuses)).unwrap_err();
    assert!(message.contains("refused a random 4×4 matrix"), "{message}");
    fn wrong_shape(a: &Matrix) -> Result<Qr, LinalgError> {
        Ok(Qr { q: Matrix::identity(a.nrows()), r: Matrix::identity(a.nrows()) })
    }
    let message = bench(Subject::HouseholderQr(wrong_shape)).unwrap_err();
    assert!(message.contains("shape"), "{message}");
    fn nan(a: &Matrix) -> Result<Lu, LinalgError> {
        Ok(Lu {
            perm: (0..a.nrows()).collect(),
            l: Matrix::identity(a.nrows()),
            u: Matrix::from_fn(a.nrows(), a.nrows(), |_, _| f64::NAN),
        })
    }
    let message = bench(Subject::Lu(nan)).unwrap_err();
    assert!(message.contains("NaN"), "{message}");
}

#[test]
fn the_plot_draws_both_implementations() {
    let report = bench(Subject::HouseholderQr(solutions::l08::householder_qr::householder_qr)).unwrap();
    let svg = speed::plot::svg(&report);
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
    assert!(svg.contains("yours, n×n") && svg.contains("nalgebra, n×n") && svg.contains("dashed: 4n×n"), "{svg}");
}
