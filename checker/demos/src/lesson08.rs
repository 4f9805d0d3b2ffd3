//! Lesson 8, apply it: Longley by the normal equations (lesson 6) and by the
//! learner's Householder QR, each against NIST's certified coefficients; the
//! diabetes regression through QR; and the figures (a reflection onto an axis,
//! the zeros appearing column by column).

use std::fmt::Write;
use std::path::Path;

use vocab::{LinalgError, Matrix, Qr};

use crate::Output;
use crate::data::Longley;
use crate::lesson05::digits;
use crate::lesson06::{Split, split};
use crate::reference::{kappa2, nalgebra_lstsq, refused, to_nalgebra};
use crate::svg::{self, Panel};

/// A learner's least-squares solver: `x` minimising ‖b − Ax‖₂.
pub type LeastSquares = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// `householder(x)`: the learner's `(v, β)` with `(I − β v vᵀ) x = α e₀`.
pub type Reflector = fn(&[f64]) -> Result<(Vec<f64>, f64), LinalgError>;

/// The learner's functions the demo runs (lesson 8, and lesson 6's solver).
#[derive(Clone, Copy)]
pub struct Functions {
    pub householder: Reflector,
    pub householder_qr: fn(&Matrix) -> Result<Qr, LinalgError>,
    pub lstsq_qr: LeastSquares,
    pub lstsq_normal: LeastSquares,
}

fn expect_len(what: &str, v: &[f64], n: usize) -> Result<(), String> {
    crate::expect_len(what, v, n)
}

/// ‖M‖_F.
fn frobenius(m: &Matrix) -> f64 {
    m.as_slice().iter().map(|x| x * x).sum::<f64>().sqrt()
}

// ---------------------------------------------------------------- Longley

/// Longley by both routes, with the quality of the learner's factorization.
#[derive(Debug, Clone)]
pub struct LongleyRoutes {
    pub kappa: f64,
    /// lesson 6's `lstsq_normal`, or its refusal.
    pub normal: Result<Vec<f64>, String>,
    pub qr: Vec<f64>,
    /// ‖A − QR‖_F / ‖A‖_F and ‖QᵀQ − I‖_F of the learner's `householder_qr`.
    pub backward: f64,
    pub orthogonality: f64,
}

/// `(‖A − QR‖_F / ‖A‖_F, ‖QᵀQ − I‖_F)`.
pub fn quality(a: &Matrix, qr: &Qr) -> (f64, f64) {
    let (m, n) = a.shape();
    let rebuilt = qr.reconstruct();
    let diff = Matrix::from_fn(m, n, |i, j| a[(i, j)] - rebuilt[(i, j)]);
    let k = qr.q.ncols();
    let gram = Matrix::from_fn(k, k, |i, j| {
        let dot: f64 = (0..m).map(|r| qr.q[(r, i)] * qr.q[(r, j)]).sum();
        dot - if i == j { 1.0 } else { 0.0 }
    });
    (frobenius(&diff) / frobenius(a), frobenius(&gram))
}

pub fn longley_routes(f: &Functions, longley: &Longley) -> Result<LongleyRoutes, String> {
    let a = longley.design();
    let kappa = kappa2(&to_nalgebra(&a));
    let normal = (f.lstsq_normal)(&a, &longley.y).map_err(|e| e.to_string());
    if let Ok(x) = &normal {
        expect_len("lstsq_normal", x, 7)?;
    }
    let qr = (f.lstsq_qr)(&a, &longley.y).map_err(|e| refused("lstsq_qr", &e))?;
    expect_len("lstsq_qr", &qr, 7)?;
    let factors = (f.householder_qr)(&a).map_err(|e| refused("householder_qr", &e))?;
    if factors.q.shape() != (16, 7) || factors.r.shape() != (7, 7) {
        return Err("your `householder_qr` returned factors of the wrong shape for a 16 × 7 matrix".into());
    }
    let (backward, orthogonality) = quality(&a, &factors);
    Ok(LongleyRoutes { kappa, normal, qr, backward, orthogonality })
}

// ---------------------------------------------------------------- diabetes

/// The diabetes regression (demo 6's split) through QR.
#[derive(Debug, Clone)]
pub struct DiabetesQr {
    pub names: Vec<String>,
    pub qr: Vec<f64>,
    pub normal: Vec<f64>,
    pub reference: Vec<f64>,
    pub r2_test: f64,
}

fn with_intercept(x: &Matrix) -> Matrix {
    Matrix::from_fn(x.nrows(), x.ncols() + 1, |i, j| if j == 0 { 1.0 } else { x[(i, j - 1)] })
}

/// `1 − SS_res / SS_tot`.
fn r_squared(y: &[f64], fitted: &[f64]) -> f64 {
    let mean = y.iter().sum::<f64>() / y.len() as f64;
    let res: f64 = y.iter().zip(fitted).map(|(a, b)| (a - b).powi(2)).sum();
    let tot: f64 = y.iter().map(|a| (a - mean).powi(2)).sum();
    1.0 - res / tot
}

pub fn diabetes_qr(f: &Functions, s: &Split) -> Result<DiabetesQr, String> {
    let design = with_intercept(&s.x_train);
    let n = design.ncols();
    let qr = (f.lstsq_qr)(&design, &s.y_train).map_err(|e| refused("lstsq_qr", &e))?;
    expect_len("lstsq_qr", &qr, n)?;
    let normal = (f.lstsq_normal)(&design, &s.y_train).map_err(|e| refused("lstsq_normal", &e))?;
    expect_len("lstsq_normal", &normal, n)?;
    let reference = nalgebra_lstsq(&design, &s.y_train);
    let test = with_intercept(&s.x_test);
    let fitted: Vec<f64> = (0..test.nrows()).map(|i| (0..n).map(|j| test[(i, j)] * qr[j]).sum()).collect();
    let names = std::iter::once("intercept".to_string()).chain(s.names.iter().cloned()).collect();
    Ok(DiabetesQr { names, qr, normal, reference, r2_test: r_squared(&s.y_test, &fitted) })
}

// ---------------------------------------------------------------- the report

pub fn report(longley: &Longley, l: &LongleyRoutes, d: &DiabetesQr) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "Lesson 8: QR decomposition — apply it\n");
    let _ = writeln!(
        t,
        "Longley (NIST StRD): TOTEMP on an intercept and six predictors, 16 years; κ₂(A) = {:.2e}.",
        l.kappa
    );
    let _ = writeln!(t, "Correct digits against the certified coefficients:");
    let _ =
        writeln!(t, "  {:<10} {:>24} {:>9} {:>24} {:>9}", "", "normal equations (l. 6)", "digits", "your QR", "digits");
    let names: Vec<&str> = std::iter::once("intercept").chain(longley.names.iter().map(String::as_str)).collect();
    for (j, name) in names.iter().enumerate() {
        let exact = longley.certified[j];
        let (normal, normal_digits) = match &l.normal {
            Ok(x) => (format!("{:.15e}", x[j]), format!("{:.1}", digits(x[j], exact))),
            Err(_) => ("refused".to_string(), "-".to_string()),
        };
        let _ = writeln!(
            t,
            "  {name:<10} {normal:>24} {normal_digits:>9} {:>24.15e} {:>9.1}",
            l.qr[j],
            digits(l.qr[j], exact)
        );
    }
    if let Err(e) = &l.normal {
        let _ = writeln!(t, "  (your lstsq_normal refused: {e})");
    }
    let _ = writeln!(
        t,
        "  your householder_qr of A: ‖A − QR‖_F/‖A‖_F = {:.1e}, ‖QᵀQ − I‖_F = {:.1e}",
        l.backward, l.orthogonality
    );
    let _ = writeln!(t, "\nDiabetes (demo 6's split: 354 patients to fit, every fifth held out), with an intercept:");
    let _ = writeln!(t, "  {:<10} {:>14} {:>7} {:>14} {:>7}", "", "your QR", "digits", "normal eq.", "digits");
    for j in 0..d.qr.len() {
        let _ = writeln!(
            t,
            "  {:<10} {:>14.6} {:>7.1} {:>14.6} {:>7.1}",
            d.names[j],
            d.qr[j],
            digits(d.qr[j], d.reference[j]),
            d.normal[j],
            digits(d.normal[j], d.reference[j])
        );
    }
    let _ = writeln!(t, "  (digits: agreement with nalgebra's QR solution)");
    let _ = writeln!(t, "  R² on the held-out patients with your QR coefficients: {:.4}", d.r2_test);
    t
}

/// `cargo learn demo 8`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let longley = Longley::load(data)?;
    let routes = longley_routes(f, &longley)?;
    let diabetes = diabetes_qr(f, &split(data)?)?;
    let figures = vec![("householder_reflection.svg", reflection_figure(f)?), ("qr_zeros.svg", zeros_figure(f)?)];
    Ok(Output { text: report(&longley, &routes, &diabetes), figures })
}

// ---------------------------------------------------------------- figures

/// The vector the reflection figure reflects.
pub const REFLECTED: [f64; 2] = [3.0, 4.0];

/// x = (3, 4), the mirror (the line orthogonal to v), Hx = αe₀ on the axis,
/// and, faintly, the other mirror that would send x to +‖x‖e₀.
fn reflection_figure(f: &Functions) -> Result<String, String> {
    let x = REFLECTED;
    let (v, beta) = (f.householder)(&x).map_err(|e| refused("householder", &e))?;
    expect_len("householder", &v, 2)?;
    // Hx = x − β (v·x) v.
    let vx = v[0] * x[0] + v[1] * x[1];
    let hx = [x[0] - beta * vx * v[0], x[1] - beta * vx * v[1]];
    let norm = (x[0] * x[0] + x[1] * x[1]).sqrt();
    let mut p = Panel::square("A Householder reflection sends x to the axis", 460.0, (-6.0, 6.0), (-6.0, 6.0));
    p.axes("", "", 2.0, 2.0);
    p.legend(&[("x", svg::BLACK), ("H x", svg::GREEN), ("mirror ⟂ v", svg::BLUE), ("the other mirror", svg::GREY)]);
    // A mirror is the line through 0 orthogonal to its normal w: direction (−w₁, w₀).
    let mirror = |w: [f64; 2], colour: &str, p: &mut Panel| {
        let len = (w[0] * w[0] + w[1] * w[1]).sqrt();
        let d = [-w[1] / len * 5.8, w[0] / len * 5.8];
        p.line([-d[0], -d[1]], d, colour, true);
    };
    mirror([v[0], v[1]], svg::BLUE, &mut p);
    mirror([x[0] - norm, x[1]], svg::GREY, &mut p);
    p.arrow([0.0, 0.0], [v[0] * 2.0, v[1] * 2.0], svg::BLUE, false);
    p.text([v[0] * 2.0, v[1] * 2.0], 6.0, 4.0, "v (scaled)", svg::BLUE);
    p.arrow([0.0, 0.0], x, svg::BLACK, false);
    p.text(x, 6.0, 0.0, "x", svg::BLACK);
    p.arrow([0.0, 0.0], hx, svg::GREEN, false);
    p.text(hx, -10.0, 18.0, &format!("H x = ({:.0}, {:.0})", hx[0], hx[1].abs()).replace('-', "−"), svg::GREEN);
    p.point([norm, 0.0], 4.0, svg::GREY, 0.8);
    p.text([norm, 0.0], -8.0, 18.0, "+‖x‖e₀", svg::GREY);
    Ok(svg::figure(&[p]))
}

/// The matrix of the zeros figure (5 × 3).
pub fn zeros_example() -> Matrix {
    Matrix::from_rows(&[
        vec![2.0, -1.0, 3.0],
        vec![1.0, 4.0, 1.0],
        vec![-2.0, 1.0, 0.5],
        vec![1.0, 2.0, -1.0],
        vec![3.0, 1.5, 2.0],
    ])
}

/// The working matrix after each reflection, computed with the learner's
/// `householder` on the trailing column, applied to the trailing block.
pub fn reflection_steps(f: &Functions, a: &Matrix) -> Result<Vec<Matrix>, String> {
    let (m, n) = a.shape();
    let mut w = a.clone();
    let mut steps = vec![w.clone()];
    for k in 0..n.min(m - 1) {
        let x: Vec<f64> = (k..m).map(|i| w[(i, k)]).collect();
        let (v, beta) = (f.householder)(&x).map_err(|e| refused("householder", &e))?;
        expect_len("householder", &v, m - k)?;
        for j in k..n {
            let s: f64 = (k..m).map(|i| v[i - k] * w[(i, j)]).sum();
            for i in k..m {
                w[(i, j)] -= beta * s * v[i - k];
            }
        }
        steps.push(w.clone());
    }
    Ok(steps)
}

fn zeros_figure(f: &Functions) -> Result<String, String> {
    let a = zeros_example();
    let (m, n) = a.shape();
    let steps = reflection_steps(f, &a)?;
    let scale = frobenius(&a);
    let mut panels = Vec::new();
    for (s, w) in steps.iter().enumerate() {
        let title = if s == 0 { "A".to_string() } else { format!("after H{}", ["₀", "₁", "₂"][s - 1]) };
        let mut p = Panel::new(&title, 150.0, 220.0, (-0.2, n as f64 + 0.2), (-0.2, m as f64 + 0.2));
        for i in 0..m {
            for j in 0..n {
                let active = s > 0 && i + 1 >= s && j + 1 >= s;
                let (x, y) = (j as f64, (m - 1 - i) as f64);
                p.rect((x, x + 1.0), (y, y + 1.0), if active { "#dcebf7" } else { "#ffffff" });
                let zero = w[(i, j)].abs() <= 1e-14 * scale;
                let new_zero = s > 0 && zero && j == s - 1;
                let colour = if new_zero { svg::RED } else { svg::BLACK };
                p.label([x + 0.5, y + 0.5], if zero { "0" } else { "×" }, colour);
            }
        }
        panels.push(p);
    }
    Ok(svg::figure(&panels))
}
