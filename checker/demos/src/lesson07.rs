//! Lesson 7, apply it: how orthogonal the learner's three Gram–Schmidts keep
//! Q on Hilbert matrices and on the Longley design matrix, and the figures
//! (the steps on three vectors of ℝ³; the loss of orthogonality against κ).

use std::fmt::Write;
use std::path::Path;

use nalgebra::DMatrix;
use vocab::{LinalgError, Matrix, Qr};

use crate::data::Longley;
use crate::lesson05::{HILBERT_SIZES, hilbert};
use crate::reference::{kappa2, refused, to_nalgebra};
use crate::space::{Vec3, disc, project, scaled};
use crate::svg::{self, Panel};
use crate::{Output, Random};

/// A learner's thin QR by Gram–Schmidt.
pub type GramSchmidt = fn(&Matrix) -> Result<Qr, LinalgError>;

/// The learner's lesson 7 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub orthonormality_loss: fn(&Matrix) -> f64,
    pub classical: GramSchmidt,
    pub modified: GramSchmidt,
    pub twice: GramSchmidt,
}

/// The unit roundoff of `f64`, u = 2⁻⁵³.
pub const U: f64 = f64::EPSILON / 2.0;

/// The three variants, in the order the report and the figure show them.
pub const VARIANTS: [&str; 3] = ["classical", "modified", "twice"];

fn variants(f: &Functions) -> [GramSchmidt; 3] {
    [f.classical, f.modified, f.twice]
}

/// What one variant did with one matrix: its loss ‖QᵀQ − I‖_F (by the
/// learner's `orthonormality_loss`), or the column it refused.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Outcome {
    Loss(f64),
    Refused(usize),
}

fn run(f: &Functions, which: usize, a: &Matrix) -> Result<Outcome, String> {
    let name = ["classical_gram_schmidt", "modified_gram_schmidt", "gram_schmidt_twice"][which];
    match (variants(f)[which])(a) {
        Ok(qr) => {
            if qr.q.shape() != a.shape() {
                return Err(format!(
                    "your `{name}` returned a {}×{} Q for a {}×{} matrix (thin Q: the shape of A)",
                    qr.q.nrows(),
                    qr.q.ncols(),
                    a.nrows(),
                    a.ncols()
                ));
            }
            Ok(Outcome::Loss((f.orthonormality_loss)(&qr.q)))
        }
        Err(LinalgError::Singular { column }) => Ok(Outcome::Refused(column)),
        Err(e) => Err(refused(name, &e)),
    }
}

/// One matrix and what the three variants made of it.
#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub kappa: f64,
    pub outcomes: [Outcome; 3],
}

fn row(f: &Functions, label: String, a: &Matrix) -> Result<Row, String> {
    let kappa = kappa2(&to_nalgebra(a));
    let outcomes = [run(f, 0, a)?, run(f, 1, a)?, run(f, 2, a)?];
    Ok(Row { label, kappa, outcomes })
}

pub fn hilbert_rows(f: &Functions) -> Result<Vec<Row>, String> {
    HILBERT_SIZES.map(|n| row(f, n.to_string(), &hilbert(n))).collect()
}

/// Longley's design matrix as stored, and with every column scaled to unit
/// length (Gram–Schmidt does not care about column scales; κ₂ does).
pub fn longley_rows(f: &Functions, longley: &Longley) -> Result<[Row; 2], String> {
    let a = longley.design();
    let norms: Vec<f64> = (0..a.ncols()).map(|j| a.column(j).iter().map(|x| x * x).sum::<f64>().sqrt()).collect();
    let unit = Matrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(i, j)] / norms[j]);
    Ok([row(f, "as stored".into(), &a)?, row(f, "unit columns".into(), &unit)?])
}

// ---------------------------------------------------------------- test matrices of chosen κ

/// A matrix with orthonormal columns, from nalgebra's QR of a random one.
fn random_orthonormal(rng: &mut Random, m: usize, n: usize) -> DMatrix<f64> {
    let g = DMatrix::from_fn(m, n, |_, _| rng.uniform(-1.0, 1.0));
    g.qr().q()
}

/// An m × n matrix `U diag(σ) Vᵀ` with σ spread geometrically from 1 down to
/// 1/κ, so that κ₂ = κ (to rounding).
pub(crate) fn with_condition(rng: &mut Random, m: usize, n: usize, kappa: f64) -> Matrix {
    let u = random_orthonormal(rng, m, n);
    let v = random_orthonormal(rng, n, n);
    let sigma = DMatrix::from_fn(n, n, |i, j| if i == j { kappa.powf(-(i as f64) / (n - 1) as f64) } else { 0.0 });
    let a = u * sigma * v.transpose();
    Matrix::from_fn(m, n, |i, j| a[(i, j)])
}

/// The sweep of the loss figure: 30 × 10 matrices with log₁₀ κ = 0, ½, …, 16.
pub fn sweep(f: &Functions) -> Result<Vec<Row>, String> {
    let mut rng = Random::new(7);
    (0..=32)
        .map(|k| {
            let kappa = 10f64.powf(k as f64 / 2.0);
            row(f, format!("{:.1}", k as f64 / 2.0), &with_condition(&mut rng, 30, 10, kappa))
        })
        .collect()
}

// ---------------------------------------------------------------- the report

fn cell(o: Outcome) -> String {
    match o {
        Outcome::Loss(x) => format!("{x:.1e}"),
        Outcome::Refused(k) => format!("refused ({k})"),
    }
}

fn table(t: &mut String, first: &str, rows: &[Row]) {
    let _ = writeln!(t, "  {first:>12} {:>9} {:>13} {:>13} {:>13}", "κ₂", "classical", "modified", "twice");
    for r in rows {
        let [c, m, w] = r.outcomes.map(cell);
        let kappa = if r.kappa.is_finite() && r.kappa * U < 1.0 { format!("{:.1e}", r.kappa) } else { "> 1/u".into() };
        let _ = writeln!(t, "  {:>12} {kappa:>9} {c:>13} {m:>13} {w:>13}", r.label);
    }
}

pub fn report(hilbert: &[Row], longley: &[Row; 2]) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "Lesson 7: Orthogonality and Gram–Schmidt — apply it\n");
    let _ =
        writeln!(t, "How far each of your Gram–Schmidts is from orthonormal, ‖QᵀQ − I‖_F (your orthonormality_loss);");
    let _ = writeln!(t, "\"refused (k)\": your code found column k numerically dependent on the earlier ones.\n");
    let _ = writeln!(t, "Hilbert matrices H_ij = 1/(i + j + 1):");
    table(&mut t, "n", hilbert);
    let _ = writeln!(t, "\nLongley (NIST StRD): the 16 × 7 design matrix, an intercept and six predictors:");
    table(&mut t, "", longley);
    let _ = writeln!(t, "  (Gram–Schmidt is blind to the scale of each column: the κ₂ that counts is the second one)");
    let _ =
        writeln!(t, "\nFor scale, u = 2⁻⁵³ = {U:.1e}; the theory says classical ≈ u·κ², modified ≈ u·κ, twice ≈ u.");
    t
}

/// `cargo learn demo 7`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let hilbert = hilbert_rows(f)?;
    let longley = longley_rows(f, &Longley::load(data)?)?;
    let figures =
        vec![("gram_schmidt_steps.svg", steps_figure(f)?), ("orthogonality_loss.svg", loss_figure(&sweep(f)?))];
    Ok(Output { text: report(&hilbert, &longley), figures })
}

// ---------------------------------------------------------------- figures

/// The three vectors of the steps figure, as the columns of A.
pub const STEP_VECTORS: [Vec3; 3] = [[0.0, 1.5, 0.2], [-1.4, 0.6, 0.3], [0.5, 0.6, 1.4]];

fn column3(m: &Matrix, j: usize) -> Vec3 {
    [m[(0, j)], m[(1, j)], m[(2, j)]]
}

/// Three panels: each step subtracts the projections onto the q's found so
/// far, then normalises. Drawn from the learner's classical Gram–Schmidt:
/// the projection of a_k onto q_j is r_jk q_j.
fn steps_figure(f: &Functions) -> Result<String, String> {
    let a = Matrix::from_fn(3, 3, |i, j| STEP_VECTORS[j][i]);
    let qr = (f.classical)(&a).map_err(|e| refused("classical_gram_schmidt", &e))?;
    if qr.q.shape() != (3, 3) || qr.r.shape() != (3, 3) {
        return Err("your `classical_gram_schmidt` returned factors of the wrong shape for a 3 × 3 matrix".into());
    }
    let q: Vec<Vec3> = (0..3).map(|j| column3(&qr.q, j)).collect();
    let r = &qr.r;
    let titles = ["1: q₀ = a₀ / ‖a₀‖", "2: a₁ minus its part along q₀", "3: a₂ minus its part in span(q₀, q₁)"];
    let mut panels = Vec::new();
    for k in 0..3 {
        let mut p = Panel::new(titles[k], 380.0, 260.0, (-1.2, 1.8), (-0.6, 1.3));
        if k == 2 {
            p.area(&disc(q[0], q[1], 1.1), svg::BLUE, 0.12);
        }
        for (j, qj) in q.iter().enumerate().take(k) {
            p.arrow([0.0, 0.0], project(*qj), svg::BLUE, false);
            p.text(project(*qj), 4.0, -4.0, &format!("q{}", sub(j)), svg::BLUE);
        }
        let ak = STEP_VECTORS[k];
        p.arrow([0.0, 0.0], project(ak), svg::BLACK, false);
        p.text(project(ak), 4.0, -4.0, &format!("a{}", sub(k)), svg::BLACK);
        // The part of a_k in span(q_0, …, q_{k−1}): Σ r_jk q_j.
        let along = (0..k).fold([0.0; 3], |s, j| {
            let t = scaled(q[j], r[(j, k)]);
            [s[0] + t[0], s[1] + t[1], s[2] + t[2]]
        });
        if k > 0 {
            p.arrow([0.0, 0.0], project(along), svg::GREY, true);
            p.arrow(project(along), project(ak), svg::RED, true);
            p.text(project(along), 4.0, 14.0, "projection", svg::GREY);
        }
        p.arrow([0.0, 0.0], project(q[k]), svg::GREEN, false);
        p.text(project(q[k]), 4.0, 14.0, &format!("q{}", sub(k)), svg::GREEN);
        panels.push(p);
    }
    Ok(svg::figure(&panels))
}

/// Subscript digits for the labels (vectors are numbered from 0, as in the code).
fn sub(j: usize) -> &'static str {
    ["₀", "₁", "₂"][j]
}

/// The floor of the log axis: a loss of exactly 0 is drawn there.
const FLOOR: f64 = -17.0;

fn loss_figure(rows: &[Row]) -> String {
    let mut p =
        Panel::new("Loss of orthogonality on 30 × 10 matrices of chosen κ", 620.0, 440.0, (0.0, 16.0), (FLOOR, 2.5));
    p.axes("log₁₀ κ₂(A)", "log₁₀ ‖QᵀQ − I‖_F", 2.0, 2.0);
    let colours = [svg::RED, svg::BLUE, svg::GREEN];
    let mut legend: Vec<(&str, &str)> = VARIANTS.iter().zip(colours).map(|(n, c)| (*n, c)).collect();
    legend.push(("u·κ and u·κ²", svg::GREY));
    legend.push(("× refused", svg::BLACK));
    p.legend(&legend);
    let log_u = U.log10();
    p.line([0.0, log_u], [16.0, log_u + 16.0], svg::GREY, true);
    p.line([0.0, log_u], [(2.0 - log_u) / 2.0, 2.0], svg::GREY, true);
    for (v, colour) in colours.iter().enumerate() {
        let points: Vec<[f64; 2]> = rows
            .iter()
            .filter_map(|r| match r.outcomes[v] {
                Outcome::Loss(x) => Some([r.kappa.log10(), x.log10().clamp(FLOOR, 2.0)]),
                Outcome::Refused(_) => None,
            })
            .collect();
        p.polyline(&points, colour);
        for at in &points {
            p.point(*at, 3.0, colour, 1.0);
        }
        // A refusal (the variant called a column dependent) as a cross at the top.
        for r in rows.iter().filter(|r| matches!(r.outcomes[v], Outcome::Refused(_))) {
            p.cross([r.kappa.log10(), 2.2 - 0.4 * v as f64], 4.0, colour);
        }
    }
    svg::figure(&[p])
}
