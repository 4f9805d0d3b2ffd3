//! Lesson 5, apply it: a tiny pivot without and with row swaps, the Longley
//! normal equations solved with the learner's LU and compared with NIST's
//! certified coefficients, and the digits lost on Hilbert matrices against
//! the learner's condition estimate; the elimination steps of a 3×3 matrix
//! and the digits against κ drawn as figures.

use std::fmt::Write;
use std::path::Path;

use vocab::{LinalgError, Lu, Matrix};

use crate::Output;
use crate::data::Longley;
use crate::reference::refused;
use crate::svg::{self, Panel};

/// `x` with `A x = b`.
pub type Solve = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The learner's lesson 5 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub solve: Solve,
    pub lu: fn(&Matrix) -> Result<Lu, LinalgError>,
    pub lu_solve: fn(&Lu, &[f64]) -> Result<Vec<f64>, LinalgError>,
    pub cond_1_estimate: fn(&Matrix) -> Result<f64, LinalgError>,
}

/// How many correct significant digits `x` has as an approximation of `exact`:
/// `−log10(|x − exact| / |exact|)`, between 0 and 16.
pub fn digits(x: f64, exact: f64) -> f64 {
    if x == exact {
        return 16.0;
    }
    let relative = (x - exact).abs() / exact.abs();
    if relative.is_finite() { (-relative.log10()).clamp(0.0, 16.0) } else { 0.0 }
}

/// The same for vectors, with the ∞-norm: `−log10(‖x − exact‖∞ / ‖exact‖∞)`.
pub fn digits_vec(x: &[f64], exact: &[f64]) -> f64 {
    let error = x.iter().zip(exact).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    let size = exact.iter().fold(0.0, |m: f64, b| m.max(b.abs()));
    if error == 0.0 { 16.0 } else { (-(error / size).log10()).clamp(0.0, 16.0) }
}

// ---------------------------------------------------------- the tiny pivot

/// The tiny pivot of the lesson: `δ = 1e-15`.
pub const DELTA: f64 = 1e-15;

/// The system `[[δ, 1], [1, 1]] x = (1, 2)` three ways.
#[derive(Debug, Clone)]
pub struct TinyPivot {
    /// The exact solution of the stored system, rounded once.
    pub exact: [f64; 2],
    /// Elimination without row swaps.
    pub naive: Vec<f64>,
    /// The learner's `solve`, with partial pivoting.
    pub pivoted: Vec<f64>,
}

/// Gaussian elimination without row exchanges, then back substitution: the
/// textbook method that divides by whatever is on the diagonal.
pub fn naive_solve(a: &Matrix, b: &[f64]) -> Vec<f64> {
    let n = a.nrows();
    let (mut u, mut y) = (a.clone(), b.to_vec());
    for k in 0..n {
        for i in k + 1..n {
            let factor = u[(i, k)] / u[(k, k)];
            for j in k..n {
                u[(i, j)] -= factor * u[(k, j)];
            }
            y[i] -= factor * y[k];
        }
    }
    let mut x = vec![0.0; n];
    for i in (0..n).rev() {
        let s: f64 = (i + 1..n).map(|j| u[(i, j)] * x[j]).sum();
        x[i] = (y[i] - s) / u[(i, i)];
    }
    x
}

pub fn tiny_pivot(f: &Functions) -> Result<TinyPivot, String> {
    let a = Matrix::from_rows(&[vec![DELTA, 1.0], vec![1.0, 1.0]]);
    let b = [1.0, 2.0];
    // Cramer's rule on the stored δ: x₀ = 1/(1 − δ), x₁ = (1 − 2δ)/(1 − δ) = 1 − δ/(1 − δ),
    // each with one or two roundings.
    let exact = [1.0 / (1.0 - DELTA), 1.0 - DELTA / (1.0 - DELTA)];
    let pivoted = (f.solve)(&a, &b).map_err(|e| refused("solve", &e))?;
    crate::expect_len("solve", &pivoted, 2)?;
    Ok(TinyPivot { exact, naive: naive_solve(&a, &b), pivoted })
}

// ---------------------------------------------------------------- Longley

/// The normal equations of Longley's regression, solved with the learner's LU.
#[derive(Debug, Clone)]
pub struct LongleyFit {
    /// `AᵀA` (7 × 7) and `Aᵀy`, formed by the demo with plain loops.
    pub gram: Matrix,
    pub rhs: Vec<f64>,
    /// The learner's solution and condition estimate of `AᵀA`.
    pub x: Vec<f64>,
    pub cond: f64,
}

/// `AᵀA` and `Aᵀb`, summed in the textbook order.
pub fn normal_equations(a: &Matrix, b: &[f64]) -> (Matrix, Vec<f64>) {
    let (m, n) = a.shape();
    let gram = Matrix::from_fn(n, n, |i, j| (0..m).map(|k| a[(k, i)] * a[(k, j)]).sum());
    let rhs = (0..n).map(|i| (0..m).map(|k| a[(k, i)] * b[k]).sum()).collect();
    (gram, rhs)
}

pub fn longley_fit(f: &Functions, longley: &Longley) -> Result<LongleyFit, String> {
    let (gram, rhs) = normal_equations(&longley.design(), &longley.y);
    let factors = (f.lu)(&gram).map_err(|e| refused("lu", &e))?;
    let x = (f.lu_solve)(&factors, &rhs).map_err(|e| refused("lu_solve", &e))?;
    crate::expect_len("lu_solve", &x, 7)?;
    let cond = (f.cond_1_estimate)(&gram).map_err(|e| refused("cond_1_estimate", &e))?;
    Ok(LongleyFit { gram, rhs, x, cond })
}

// ---------------------------------------------------------------- Hilbert

/// The sizes of the Hilbert matrices the demo solves.
pub const HILBERT_SIZES: std::ops::RangeInclusive<usize> = 2..=12;

/// `H_ij = 1 / (i + j + 1)`.
pub fn hilbert(n: usize) -> Matrix {
    Matrix::from_fn(n, n, |i, j| 1.0 / (i + j + 1) as f64)
}

/// One Hilbert system `H x = H·1`, solved with the learner's `solve`.
#[derive(Debug, Clone)]
pub struct HilbertRun {
    pub n: usize,
    /// The learner's estimate of `κ₁(H)`.
    pub cond: f64,
    /// Correct digits of the learner's `x` against the vector of ones.
    pub digits: f64,
}

pub fn hilbert_runs(f: &Functions) -> Result<Vec<HilbertRun>, String> {
    HILBERT_SIZES
        .map(|n| {
            let h = hilbert(n);
            let b: Vec<f64> = (0..n).map(|i| (0..n).map(|j| h[(i, j)]).sum()).collect();
            let x = (f.solve)(&h, &b).map_err(|e| refused("solve", &e))?;
            if x.len() != n {
                return Err(format!("your `solve` returned {} numbers for a {n} × {n} system", x.len()));
            }
            let cond = (f.cond_1_estimate)(&h).map_err(|e| refused("cond_1_estimate", &e))?;
            Ok(HilbertRun { n, cond, digits: digits_vec(&x, &vec![1.0; n]) })
        })
        .collect()
}

// ---------------------------------------------------------------- the report

fn pair(x: &[f64]) -> String {
    format!("({:.16}, {:.16})", x[0], x[1])
}

pub fn report(tiny: &TinyPivot, longley: &Longley, fit: &LongleyFit, hilbert: &[HilbertRun]) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "A tiny pivot: [[1e-15, 1], [1, 1]] x = (1, 2)");
    let _ = writeln!(t, "  exact solution, rounded        x = {}", pair(&tiny.exact));
    let _ = writeln!(
        t,
        "  elimination without row swaps  x = {}   {:.1} correct digits in x₀",
        pair(&tiny.naive),
        digits(tiny.naive[0], tiny.exact[0])
    );
    let _ = writeln!(
        t,
        "  your solve (partial pivoting)  x = {}   {:.1} correct digits in x₀\n",
        pair(&tiny.pivoted),
        digits(tiny.pivoted[0], tiny.exact[0])
    );
    let _ = writeln!(
        t,
        "Longley (NIST StRD): TOTEMP on an intercept and {}: {} years.",
        longley.names.join(", "),
        longley.predictors.nrows()
    );
    let _ = writeln!(t, "The 7 × 7 normal equations AᵀA x = Aᵀy, with your lu and lu_solve:");
    let _ = writeln!(t, "  your cond_1_estimate(AᵀA) = {:.2e}", fit.cond);
    let _ = writeln!(t, "  {:<10} {:>24} {:>24} {:>7}", "", "yours", "certified", "digits");
    let names: Vec<&str> = std::iter::once("intercept").chain(longley.names.iter().map(String::as_str)).collect();
    for (j, name) in names.iter().enumerate() {
        let _ = writeln!(
            t,
            "  {name:<10} {:>24.15e} {:>24.15e} {:>7.1}",
            fit.x[j],
            longley.certified[j],
            digits(fit.x[j], longley.certified[j])
        );
    }
    let _ = writeln!(
        t,
        "  (u · κ₁ = {:.1e}: the rule of thumb says about {:.0} digits can survive)\n",
        f64::EPSILON / 2.0 * fit.cond,
        (16.0 - fit.cond.log10()).max(0.0)
    );
    let _ = writeln!(t, "Hilbert matrices H x = H·(1, …, 1), with your solve and cond_1_estimate:");
    let _ = writeln!(t, "  {:>3} {:>10} {:>15}", "n", "κ₁(H)", "correct digits");
    for run in hilbert {
        let _ = writeln!(t, "  {:>3} {:>10.2e} {:>15.1}", run.n, run.cond, run.digits);
    }
    t
}

/// `cargo learn demo 5`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let tiny = tiny_pivot(f)?;
    let longley = Longley::load(data)?;
    let fit = longley_fit(f, &longley)?;
    let hilbert = hilbert_runs(f)?;
    let text = report(&tiny, &longley, &fit, &hilbert);
    Ok(Output {
        text,
        figures: vec![
            ("elimination_steps.svg", elimination_figure(f)?),
            ("digits_vs_kappa.svg", digits_figure(&hilbert)),
        ],
    })
}

// ---------------------------------------------------------------- figures

/// The 3 × 3 matrix whose elimination the first figure shows.
pub fn elimination_example() -> Matrix {
    Matrix::from_rows(&[vec![2.0, 1.0, 2.0], vec![1.0, 3.0, 2.0], vec![4.0, 7.0, 1.0]])
}

/// One state of `PA = LU` by elimination: the working matrix with the
/// multipliers stored where they made zeros (compact LU storage).
#[derive(Debug, Clone)]
pub struct LuStep {
    pub caption: String,
    pub work: Matrix,
    /// The order of A's rows in `work`.
    pub perm: Vec<usize>,
    /// The pivot of this step.
    pub pivot: Option<(usize, usize)>,
    /// The columns left of which entries are multipliers, row by row: entry
    /// `(i, j)` is a multiplier when `j < i` and `j < done`.
    pub done: usize,
}

/// Elimination with partial pivoting on `a`, each swap and each cleared
/// column a step (the algorithm of the lesson, replayed here to draw it; the
/// final factors are checked against the learner's `lu`).
pub fn lu_steps(a: &Matrix) -> Vec<LuStep> {
    let n = a.nrows();
    let mut work = a.clone();
    let mut perm: Vec<usize> = (0..n).collect();
    let mut steps =
        vec![LuStep { caption: "start: A".into(), work: work.clone(), perm: perm.clone(), pivot: None, done: 0 }];
    for k in 0..n.saturating_sub(1) {
        let p = (k..n).fold(k, |best, i| if work[(i, k)].abs() > work[(best, k)].abs() { i } else { best });
        if p != k {
            work.swap_rows(p, k);
            perm.swap(p, k);
            let caption = format!("swap rows {k} and {p}");
            steps.push(LuStep { caption, work: work.clone(), perm: perm.clone(), pivot: Some((k, k)), done: k });
        }
        if work[(k, k)] == 0.0 {
            continue;
        }
        for i in k + 1..n {
            let factor = work[(i, k)] / work[(k, k)];
            for j in k + 1..n {
                work[(i, j)] -= factor * work[(k, j)];
            }
            work[(i, k)] = factor;
        }
        let caption = format!("clear column {k}");
        steps.push(LuStep { caption, work: work.clone(), perm: perm.clone(), pivot: Some((k, k)), done: k + 1 });
    }
    steps
}

/// A matrix entry as the figure prints it: at most three decimals, `−` for minus.
fn number(x: f64) -> String {
    let s = format!("{:.3}", x + 0.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_string() } else { s.replace('-', "−") }
}

fn elimination_figure(f: &Functions) -> Result<String, String> {
    let a = elimination_example();
    let steps = lu_steps(&a);
    let last = &steps[steps.len() - 1];
    let n = a.nrows();
    let theirs = (f.lu)(&a).map_err(|e| refused("lu", &e))?;
    let l = Matrix::from_fn(n, n, |i, j| {
        if i == j {
            1.0
        } else if j < i {
            last.work[(i, j)]
        } else {
            0.0
        }
    });
    let u = Matrix::from_fn(n, n, |i, j| if j >= i { last.work[(i, j)] } else { 0.0 });
    let close = |x: &Matrix, y: &Matrix| {
        x.shape() == y.shape() && x.as_slice().iter().zip(y.as_slice()).all(|(p, q)| (p - q).abs() <= 1e-12)
    };
    if theirs.perm != last.perm || !close(&theirs.l, &l) || !close(&theirs.u, &u) {
        return Err(format!(
            "your `lu` of the lesson's 3 × 3 example differs from the lesson's steps:\nyours: perm {:?}\nL =\n{}\nU =\n{}\nexpected: perm {:?}\nL =\n{l}\nU =\n{u}",
            theirs.perm, theirs.l, theirs.u, last.perm
        ));
    }
    let mut panels: Vec<Panel> = steps
        .iter()
        .enumerate()
        .map(|(s, step)| {
            let mut p = Panel::new(&format!("{s}: {}", step.caption), 190.0, 200.0, (-0.2, 3.2), (-0.2, 3.2));
            for i in 0..n {
                for j in 0..n {
                    let (x, y) = (j as f64, 2.0 - i as f64);
                    cell(&mut p, (x, y), step.work[(i, j)], j < i && j < step.done);
                }
            }
            if let Some((i, j)) = step.pivot {
                p.ring([j as f64 + 0.5, 2.5 - i as f64], 16.0, svg::RED);
            }
            p
        })
        .collect();
    let rows: Vec<String> = last.perm.iter().map(|r| r.to_string()).collect();
    let steps_done = steps.len();
    let titles = [format!("{steps_done}: L, with PA = LU"), format!("U; PA: rows {} of A", rows.join(", "))];
    for (title, factor, lower) in [(&titles[0], &l, true), (&titles[1], &u, false)] {
        let mut p = Panel::new(title, 190.0, 200.0, (-0.2, 3.2), (-0.2, 3.2));
        for i in 0..n {
            for j in 0..n {
                cell(&mut p, (j as f64, 2.0 - i as f64), factor[(i, j)], lower && j < i);
            }
        }
        panels.push(p);
    }
    Ok(svg::figure(&panels))
}

/// One cell of a matrix drawn as a grid: multipliers (entries of L) in blue
/// on a blue background, everything else in black.
fn cell(p: &mut Panel, (x, y): (f64, f64), value: f64, multiplier: bool) {
    p.rect((x, x + 1.0), (y, y + 1.0), if multiplier { "#dcebf7" } else { "#ffffff" });
    let colour = if multiplier { svg::BLUE } else { svg::BLACK };
    p.label([x + 0.5, y + 0.5], &number(value), colour);
}

fn digits_figure(runs: &[HilbertRun]) -> String {
    let mut p = Panel::new("Hilbert matrices: correct digits against κ₁", 560.0, 400.0, (0.0, 18.0), (0.0, 16.5));
    p.axes("log₁₀ κ₁(H), your estimate", "correct digits of x", 2.0, 2.0);
    p.legend(&[("your solve", svg::BLUE), ("16 − log₁₀ κ", svg::GREY)]);
    p.line([0.0, 16.0], [16.0, 0.0], svg::GREY, true);
    for run in runs {
        let at = [run.cond.log10(), run.digits];
        p.point(at, 5.0, svg::BLUE, 1.0);
        p.text(at, 6.0, -6.0, &format!("n = {}", run.n), svg::BLACK);
    }
    svg::figure(&[p])
}
