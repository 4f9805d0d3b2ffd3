//! Lesson 6, apply it: linear and ridge regression on the diabetes data with
//! the learner's least squares, judged on held-out patients and beside
//! nalgebra; the Longley regression by the normal equations against NIST's
//! certified coefficients; the projection, a fitted line and the ridge path
//! drawn as figures.

use std::fmt::Write;
use std::path::Path;

use nalgebra::{DMatrix, DVector};
use vocab::{LinalgError, Matrix};

use crate::Output;
use crate::data::{Longley, Table};
use crate::lesson05::digits;
pub use crate::reference::nalgebra_lstsq;
use crate::reference::{kappa2, refused, to_nalgebra};
use crate::space::{disc, minus, plus, project, scaled, unit};
use crate::svg::{self, Panel};

/// `residual(a, x, b)`: the learner's `b − A·x`.
pub type ResidualFn = fn(&Matrix, &[f64], &[f64]) -> Result<Vec<f64>, LinalgError>;

/// `ridge(a, b, λ)`: the learner's solution of `(AᵀA + λI)x = Aᵀb`.
pub type RidgeFn = fn(&Matrix, &[f64], f64) -> Result<Vec<f64>, LinalgError>;

/// The learner's lesson 6 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub lstsq_normal: fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>,
    pub fit_linear: fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>,
    pub predict: fn(&[f64], &Matrix) -> Result<Vec<f64>, LinalgError>,
    pub r_squared: fn(&[f64], &[f64]) -> Result<f64, LinalgError>,
    pub residual: ResidualFn,
    pub orthogonality: fn(&Matrix, &[f64]) -> Result<f64, LinalgError>,
    pub ridge: RidgeFn,
}

fn expect_len(what: &str, v: &[f64], n: usize) -> Result<(), String> {
    crate::expect_len(what, v, n)
}

// ---------------------------------------------------------------- the data

/// The diabetes data split once, before any fitting: every fifth patient
/// (rows 4, 9, 14, …) is held out for testing.
#[derive(Debug, Clone)]
pub struct Split {
    pub names: Vec<String>,
    pub x_train: Matrix,
    pub y_train: Vec<f64>,
    pub x_test: Matrix,
    pub y_test: Vec<f64>,
}

pub const FEATURES: [&str; 10] = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];

pub fn split(data: &Path) -> Result<Split, String> {
    let table = Table::load(data, "diabetes.csv")?;
    let x = table.columns(&FEATURES)?.values;
    let y = table.columns(&["y"])?.values.column(0);
    let (train, test): (Vec<usize>, Vec<usize>) = (0..x.nrows()).partition(|i| i % 5 != 4);
    let rows = |idx: &[usize]| Matrix::from_fn(idx.len(), x.ncols(), |i, j| x[(idx[i], j)]);
    let values = |idx: &[usize]| idx.iter().map(|&i| y[i]).collect::<Vec<f64>>();
    Ok(Split {
        names: FEATURES.iter().map(|s| s.to_string()).collect(),
        x_train: rows(&train),
        y_train: values(&train),
        x_test: rows(&test),
        y_test: values(&test),
    })
}

/// Column means and standard deviations of the training part, applied to any
/// part: `(x − mean) / sd`. The test part never influences them.
#[derive(Debug, Clone)]
pub struct Standardizer {
    pub mean: Vec<f64>,
    pub sd: Vec<f64>,
}

impl Standardizer {
    pub fn fit(x: &Matrix) -> Standardizer {
        let (m, n) = x.shape();
        let mean: Vec<f64> = (0..n).map(|j| (0..m).map(|i| x[(i, j)]).sum::<f64>() / m as f64).collect();
        let sd = (0..n)
            .map(|j| ((0..m).map(|i| (x[(i, j)] - mean[j]).powi(2)).sum::<f64>() / (m - 1) as f64).sqrt())
            .collect();
        Standardizer { mean, sd }
    }

    pub fn apply(&self, x: &Matrix) -> Matrix {
        Matrix::from_fn(x.nrows(), x.ncols(), |i, j| (x[(i, j)] - self.mean[j]) / self.sd[j])
    }
}

fn mean(v: &[f64]) -> f64 {
    v.iter().sum::<f64>() / v.len() as f64
}

/// `[1 | x]`.
fn with_intercept(x: &Matrix) -> Matrix {
    Matrix::from_fn(x.nrows(), x.ncols() + 1, |i, j| if j == 0 { 1.0 } else { x[(i, j - 1)] })
}

// ---------------------------------------------------------------- regression

/// Linear regression on the raw features, fitted on the training part.
#[derive(Debug, Clone)]
pub struct Regression {
    /// The learner's `[intercept, β…]` and nalgebra's.
    pub coefficients: Vec<f64>,
    pub reference: Vec<f64>,
    pub r2_train: f64,
    pub r2_test: f64,
    /// The learner's `orthogonality` of the training residual.
    pub orthogonality: f64,
}

pub fn regression(f: &Functions, s: &Split) -> Result<Regression, String> {
    let p = s.x_train.ncols();
    let coefficients = (f.fit_linear)(&s.x_train, &s.y_train).map_err(|e| refused("fit_linear", &e))?;
    expect_len("fit_linear", &coefficients, p + 1)?;
    let fitted = (f.predict)(&coefficients, &s.x_train).map_err(|e| refused("predict", &e))?;
    expect_len("predict", &fitted, s.y_train.len())?;
    let predicted = (f.predict)(&coefficients, &s.x_test).map_err(|e| refused("predict", &e))?;
    expect_len("predict", &predicted, s.y_test.len())?;
    let r2_train = (f.r_squared)(&s.y_train, &fitted).map_err(|e| refused("r_squared", &e))?;
    let r2_test = (f.r_squared)(&s.y_test, &predicted).map_err(|e| refused("r_squared", &e))?;
    let design = with_intercept(&s.x_train);
    let r = (f.residual)(&design, &coefficients, &s.y_train).map_err(|e| refused("residual", &e))?;
    expect_len("residual", &r, s.y_train.len())?;
    let orthogonality = (f.orthogonality)(&design, &r).map_err(|e| refused("orthogonality", &e))?;
    let reference = nalgebra_lstsq(&design, &s.y_train);
    Ok(Regression { coefficients, reference, r2_train, r2_test, orthogonality })
}

/// The values of λ the report compares.
pub const LAMBDAS: [f64; 6] = [0.0, 1.0, 10.0, 100.0, 1000.0, 10000.0];

/// Ridge on the standardized training features and the centred target.
#[derive(Debug, Clone)]
pub struct RidgeRun {
    pub lambda: f64,
    pub beta: Vec<f64>,
    pub r2_test: f64,
    /// The largest difference from nalgebra's Cholesky solve of the same system.
    pub gap: f64,
}

/// Ridge for one λ; predictions are `ȳ_train + z β`.
pub fn ridge_run(f: &Functions, s: &Split, scale: &Standardizer, lambda: f64) -> Result<RidgeRun, String> {
    let z = scale.apply(&s.x_train);
    let y_mean = mean(&s.y_train);
    let yc: Vec<f64> = s.y_train.iter().map(|y| y - y_mean).collect();
    let beta = (f.ridge)(&z, &yc, lambda).map_err(|e| refused("ridge", &e))?;
    expect_len("ridge", &beta, z.ncols())?;
    let zt = scale.apply(&s.x_test);
    let mut intercept_first = vec![y_mean];
    intercept_first.extend(&beta);
    let predicted = (f.predict)(&intercept_first, &zt).map_err(|e| refused("predict", &e))?;
    let r2_test = (f.r_squared)(&s.y_test, &predicted).map_err(|e| refused("r_squared", &e))?;
    let nz = to_nalgebra(&z);
    let system = nz.transpose() * &nz + DMatrix::identity(z.ncols(), z.ncols()) * lambda;
    let reference = system
        .cholesky()
        .expect("ZᵀZ + λI is positive definite")
        .solve(&(nz.transpose() * DVector::from_column_slice(&yc)));
    let gap = beta.iter().zip(reference.iter()).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    Ok(RidgeRun { lambda, beta, r2_test, gap })
}

// ---------------------------------------------------------------- Longley

/// Longley by the normal equations, and the conditioning that decides it.
#[derive(Debug, Clone)]
pub struct LongleyNormal {
    pub kappa: f64,
    pub kappa_gram: f64,
    /// The learner's coefficients, or the learner's refusal.
    pub x: Result<Vec<f64>, String>,
}

pub fn longley_normal(f: &Functions, longley: &Longley) -> LongleyNormal {
    let a = longley.design();
    let na = to_nalgebra(&a);
    let kappa = kappa2(&na);
    let kappa_gram = kappa2(&(na.transpose() * &na));
    let x = (f.lstsq_normal)(&a, &longley.y).map_err(|e| e.to_string());
    LongleyNormal { kappa, kappa_gram, x }
}

// ---------------------------------------------------------------- the report

pub struct Results {
    pub split: Split,
    pub regression: Regression,
    pub ridge: Vec<RidgeRun>,
    pub longley: Longley,
    pub normal: LongleyNormal,
}

pub fn results(f: &Functions, data: &Path) -> Result<Results, String> {
    let split = split(data)?;
    let regression = regression(f, &split)?;
    let scale = Standardizer::fit(&split.x_train);
    let ridge = LAMBDAS.iter().map(|&l| ridge_run(f, &split, &scale, l)).collect::<Result<_, _>>()?;
    let longley = Longley::load(data)?;
    let normal = longley_normal(f, &longley);
    Ok(Results { split, regression, ridge, longley, normal })
}

pub fn report(r: &Results) -> String {
    let mut t = String::new();
    let s = &r.split;
    let _ = writeln!(
        t,
        "Diabetes: {} patients to fit, {} held out (every fifth); 10 raw features and an intercept.",
        s.x_train.nrows(),
        s.x_test.nrows()
    );
    let g = &r.regression;
    let _ = writeln!(t, "  {:<10} {:>14} {:>14} {:>7}", "", "yours", "nalgebra QR", "digits");
    let names: Vec<&str> = std::iter::once("intercept").chain(s.names.iter().map(String::as_str)).collect();
    for (j, name) in names.iter().enumerate() {
        let _ = writeln!(
            t,
            "  {name:<10} {:>14.6} {:>14.6} {:>7.1}",
            g.coefficients[j],
            g.reference[j],
            digits(g.coefficients[j], g.reference[j])
        );
    }
    let _ = writeln!(t, "  R² on the training patients: {:.4}; on the held-out patients: {:.4}", g.r2_train, g.r2_test);
    let _ = writeln!(t, "  the residual against the columns, your orthogonality: {:.1e}\n", g.orthogonality);
    let _ = writeln!(t, "Ridge on the standardized features (means and sds of the training part), centred y:");
    let _ = writeln!(t, "  {:>8} {:>10} {:>12} {:>18}", "λ", "‖β‖₂", "R² held out", "gap to nalgebra");
    for run in &r.ridge {
        let norm = run.beta.iter().map(|b| b * b).sum::<f64>().sqrt();
        let _ = writeln!(t, "  {:>8} {:>10.2} {:>12.4} {:>18.1e}", run.lambda, norm, run.r2_test, run.gap);
    }
    let n = &r.normal;
    let _ = writeln!(t, "\nLongley (NIST StRD) by the normal equations, with your lstsq_normal:");
    let _ = writeln!(t, "  κ₂(A) = {:.2e}, so κ₂(AᵀA) = κ₂(A)² = {:.2e}", n.kappa, n.kappa * n.kappa);
    let _ = writeln!(
        t,
        "  κ₂ of the stored AᵀA, from nalgebra's singular values: {:.2e}{}",
        n.kappa_gram,
        if n.kappa * n.kappa * (f64::EPSILON / 2.0) > 1.0 {
            " (κ₂(A)² is beyond 1/u = 9.0e15: AᵀA is singular to working precision)"
        } else {
            ""
        }
    );
    match &n.x {
        Ok(x) => {
            let names: Vec<&str> =
                std::iter::once("intercept").chain(r.longley.names.iter().map(String::as_str)).collect();
            let _ = writeln!(t, "  {:<10} {:>24} {:>24} {:>7}", "", "yours", "certified", "digits");
            for (j, name) in names.iter().enumerate() {
                let c = r.longley.certified[j];
                let _ = writeln!(t, "  {name:<10} {:>24.15e} {c:>24.15e} {:>7.1}", x[j], digits(x[j], c));
            }
        }
        Err(e) => {
            let _ = writeln!(t, "  your lstsq_normal gave up: {e}");
        }
    }
    let _ = writeln!(t, "  (lesson 8 solves the same problem by QR, without forming AᵀA)");
    t
}

/// `cargo learn demo 6`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let r = results(f, data)?;
    let figures = vec![
        ("projection.svg", projection_figure(f)?),
        ("fitted_line.svg", fitted_line_figure(f, data)?),
        ("ridge_path.svg", ridge_path_figure(f, &r.split)?),
    ];
    Ok(Output { text: report(&r), figures })
}

// ---------------------------------------------------------------- figures

/// b, its projection A x̂ onto the plane C(A), and the residual at a right angle.
fn projection_figure(f: &Functions) -> Result<String, String> {
    let a = Matrix::from_rows(&[vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 1.0]]);
    let b = [1.0, 2.0, -1.0];
    let x = (f.lstsq_normal)(&a, &b).map_err(|e| refused("lstsq_normal", &e))?;
    expect_len("lstsq_normal", &x, 2)?;
    let r = (f.residual)(&a, &x, &b).map_err(|e| refused("residual", &e))?;
    expect_len("residual", &r, 3)?;
    let r3 = [r[0], r[1], r[2]];
    let p = minus(b, r3);
    let (c0, c1) = ([1.0, 0.0, 1.0], [0.0, 1.0, 1.0]);
    let mut panel = Panel::square("b, its projection A x̂ on C(A), and the residual", 460.0, (-3.0, 3.0), (-3.0, 3.0));
    panel.legend(&[("C(A)", svg::BLUE), ("b", svg::BLACK), ("A x̂", svg::GREEN), ("r = b − A x̂", svg::RED)]);
    panel.area(&disc(c0, c1, 2.6), svg::BLUE, 0.15);
    panel.arrow([0.0, 0.0], project(c0), svg::BLUE, false);
    panel.arrow([0.0, 0.0], project(c1), svg::BLUE, false);
    panel.text(project(c0), -16.0, 4.0, "a₀", svg::BLUE);
    panel.text(project(c1), 4.0, -6.0, "a₁", svg::BLUE);
    panel.arrow([0.0, 0.0], project(b), svg::BLACK, false);
    panel.arrow([0.0, 0.0], project(p), svg::GREEN, false);
    panel.arrow(project(p), project(b), svg::RED, true);
    // The right angle at A x̂, between r and the way back to 0 in the plane.
    let (along_r, along_plane) = (scaled(unit(r3), 0.3), scaled(unit(p), -0.3));
    let corner = [plus(p, along_r), plus(plus(p, along_r), along_plane), plus(p, along_plane)];
    panel.polyline(&corner.map(project), svg::RED);
    panel.text(project(b), 6.0, 0.0, "b", svg::BLACK);
    panel.text(project(p), 6.0, 12.0, "A x̂", svg::GREEN);
    Ok(svg::figure(&[panel]))
}

/// y against bmi for every patient, the least-squares line and the residuals.
fn fitted_line_figure(f: &Functions, data: &Path) -> Result<String, String> {
    let table = Table::load(data, "diabetes.csv")?;
    let bmi = table.columns(&["bmi"])?.values;
    let y = table.columns(&["y"])?.values.column(0);
    let c = (f.fit_linear)(&bmi, &y).map_err(|e| refused("fit_linear", &e))?;
    expect_len("fit_linear", &c, 2)?;
    let fitted = (f.predict)(&c, &bmi).map_err(|e| refused("predict", &e))?;
    expect_len("predict", &fitted, y.len())?;
    let title = format!("Diabetes: y ≈ {:.1} + {:.2} · bmi", c[0], c[1]).replace('-', "−");
    let mut p = Panel::new(&title, 560.0, 420.0, (17.0, 43.0), (0.0, 360.0));
    p.axes("bmi (kg/m²)", "disease progression y", 5.0, 50.0);
    p.legend(&[("patients", svg::BLUE), ("least-squares line", svg::BLACK), ("residuals", svg::RED)]);
    for i in 0..y.len() {
        p.line([bmi[(i, 0)], fitted[i]], [bmi[(i, 0)], y[i]], svg::RED, false);
    }
    for i in 0..y.len() {
        p.point([bmi[(i, 0)], y[i]], 2.5, svg::BLUE, 0.7);
    }
    p.line([17.0, c[0] + 17.0 * c[1]], [43.0, c[0] + 43.0 * c[1]], svg::BLACK, false);
    Ok(svg::figure(&[p]))
}

/// The ten standardized coefficients as λ grows from 10⁻² to 10⁵.
fn ridge_path_figure(f: &Functions, s: &Split) -> Result<String, String> {
    let scale = Standardizer::fit(&s.x_train);
    let steps = 57;
    let path: Vec<(f64, Vec<f64>)> = (0..steps)
        .map(|k| {
            let log_lambda = -2.0 + 7.0 * k as f64 / (steps - 1) as f64;
            ridge_run(f, s, &scale, 10f64.powf(log_lambda)).map(|run| (log_lambda, run.beta))
        })
        .collect::<Result<_, _>>()?;
    let top = path.iter().flat_map(|(_, b)| b.iter()).fold(0.0, |m: f64, b| m.max(b.abs()));
    let mut p = Panel::new(
        "Ridge on diabetes: the coefficients shrink as λ grows",
        620.0,
        420.0,
        (-2.0, 5.0),
        (-top * 1.1, top * 1.1),
    );
    p.axes("log₁₀ λ", "coefficient of the standardized feature", 1.0, 10.0);
    let legend: Vec<(&str, &str)> = s.names.iter().zip(svg::PALETTE10).map(|(n, c)| (n.as_str(), c)).collect();
    p.legend(&legend);
    for j in 0..s.names.len() {
        let line: Vec<[f64; 2]> = path.iter().map(|(l, b)| [*l, b[j]]).collect();
        p.curve(&line, svg::PALETTE10[j]);
    }
    Ok(svg::figure(&[p]))
}
