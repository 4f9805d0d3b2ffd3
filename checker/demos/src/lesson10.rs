//! Lesson 10, apply it: PageRank with damping 0.85 on the karate club and on
//! the painters' links by the learner's power iteration, against a direct
//! solve with the learner's LU and with nalgebra; and the figures (the power
//! method for several gap ratios, the subdiagonal of QR iteration vanishing).

use std::fmt::Write;
use std::path::Path;

use nalgebra::{DMatrix, DVector};
use vocab::{LinalgError, Lu, Matrix};

use crate::Output;
use crate::data::Graph;
use crate::reference::{refused, to_nalgebra};
use crate::svg::{self, Panel};

/// Power iteration from `x0` with at most `max_iter` steps and tolerance
/// `tol`: `(λ, unit v, iterations)`.
pub type PowerIteration = fn(&Matrix, &[f64], usize, f64) -> Result<(f64, Vec<f64>, usize), LinalgError>;

/// One step of the power method from `x`: the next unit vector and the
/// Rayleigh quotient of `x`.
pub type PowerStep = fn(&Matrix, &[f64]) -> Result<(Vec<f64>, f64), LinalgError>;

/// The learner's functions the demo runs (lesson 10, and lesson 5's LU).
#[derive(Clone, Copy)]
pub struct Functions {
    pub power_iteration: PowerIteration,
    pub power_step: PowerStep,
    /// The Hessenberg form `(q, h)` with `A = Q H Qᵀ`.
    pub hessenberg: fn(&Matrix) -> Result<(Matrix, Matrix), LinalgError>,
    /// One unshifted QR step: `A = QR ↦ RQ`.
    pub qr_step: fn(&Matrix) -> Result<Matrix, LinalgError>,
    pub lu: fn(&Matrix) -> Result<Lu, LinalgError>,
    pub lu_solve: fn(&Lu, &[f64]) -> Result<Vec<f64>, LinalgError>,
}

fn expect_len(what: &str, v: &[f64], n: usize) -> Result<(), String> {
    crate::expect_len(what, v, n)
}

fn max_difference(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

// ---------------------------------------------------------------- PageRank

/// The damping factor: the probability of following a link.
pub const ALPHA: f64 = 0.85;

/// The power iteration's budget and tolerance in the demo.
pub const MAX_ITER: usize = 1000;
pub const TOL: f64 = 1e-12;

/// The column-stochastic link matrix: `M_ij` = the probability of moving
/// from j to i, `w_ji / s_j`; a node without outgoing links (dangling) is
/// given links to every node, its column `1/n`.
pub fn link_matrix(g: &Graph) -> Matrix {
    let n = g.len();
    let s = g.strengths();
    Matrix::from_fn(n, n, |i, j| if s[j] > 0.0 { g.weights[(j, i)] / s[j] } else { 1.0 / n as f64 })
}

/// The Google matrix `G = α M + (1 − α)/n · 11ᵀ`.
pub fn google(m: &Matrix) -> Matrix {
    let n = m.nrows();
    Matrix::from_fn(n, n, |i, j| ALPHA * m[(i, j)] + (1.0 - ALPHA) / n as f64)
}

/// `I − α M` and the right-hand side `(1 − α)/n · 1` of the direct solve.
pub fn direct_system(m: &Matrix) -> (Matrix, Vec<f64>) {
    let n = m.nrows();
    let a = Matrix::from_fn(n, n, |i, j| f64::from(i == j) - ALPHA * m[(i, j)]);
    (a, vec![(1.0 - ALPHA) / n as f64; n])
}

/// nalgebra's LU on the direct system.
pub fn nalgebra_pagerank(m: &Matrix) -> Vec<f64> {
    let (a, b) = direct_system(m);
    to_nalgebra(&a).lu().solve(&DVector::from_column_slice(&b)).expect("I − αM is nonsingular").as_slice().to_vec()
}

/// PageRank on one graph, three ways.
#[derive(Debug, Clone)]
pub struct PageRank {
    /// The learner's power iteration on G, scaled to sum 1.
    pub power: Vec<f64>,
    /// The eigenvalue the power iteration reported (1 in exact arithmetic).
    pub value: f64,
    pub iterations: usize,
    /// The direct solve with the learner's LU.
    pub lu: Vec<f64>,
    pub nalgebra: Vec<f64>,
    /// Nodes without outgoing links.
    pub dangling: Vec<usize>,
}

pub fn pagerank(f: &Functions, g: &Graph) -> Result<PageRank, String> {
    let n = g.len();
    let m = link_matrix(g);
    let start = vec![1.0 / n as f64; n];
    let (value, vector, iterations) =
        (f.power_iteration)(&google(&m), &start, MAX_ITER, TOL).map_err(|e| refused("power_iteration", &e))?;
    expect_len("power_iteration", &vector, n)?;
    // An eigenvector is known up to a factor: scale it to sum 1 (this also
    // fixes its sign; the Perron vector has all its entries of one sign).
    let sum: f64 = vector.iter().sum();
    if sum.abs() < 1e-300 || !value.is_finite() {
        return Err("your `power_iteration` returned a vector whose entries sum to 0: not PageRank's".into());
    }
    let power: Vec<f64> = vector.iter().map(|x| x / sum).collect();
    let (a, b) = direct_system(&m);
    let factors = (f.lu)(&a).map_err(|e| refused("lu", &e))?;
    let lu = (f.lu_solve)(&factors, &b).map_err(|e| refused("lu_solve", &e))?;
    expect_len("lu_solve", &lu, n)?;
    let dangling = (0..n).filter(|&j| g.strengths()[j] == 0.0).collect();
    Ok(PageRank { power, value, iterations, lu, nalgebra: nalgebra_pagerank(&m), dangling })
}

/// Scores closer than this (relative to the largest) are a tie: the painters'
/// two tied scores agree to rounding, the closest distinct ones differ by 1e-3.
pub const TIE: f64 = 1e-9;

/// The ranking: groups of nodes with equal scores, best first; within a
/// group, by node id.
pub fn ranking(scores: &[f64]) -> Vec<Vec<usize>> {
    let top = scores.iter().fold(0.0, |m: f64, x| m.max(x.abs()));
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&a, &b| scores[b].total_cmp(&scores[a]).then(a.cmp(&b)));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for i in order {
        match groups.last_mut() {
            Some(g) if (scores[g[0]] - scores[i]).abs() <= TIE * top => g.push(i),
            _ => groups.push(vec![i]),
        }
        if let Some(g) = groups.last_mut() {
            g.sort_unstable();
        }
    }
    groups
}

// ---------------------------------------------------------------- the report

fn member(g: &Graph, i: usize) -> String {
    let role = match i {
        0 => " (instructor)",
        33 => " (administrator)",
        _ => "",
    };
    format!("member {i}{role}, {}", g.names[i])
}

fn agreement(t: &mut String, r: &PageRank) {
    let _ = writeln!(
        t,
        "  your power_iteration on G: eigenvalue {:.12}, {} iterations (tolerance {TOL:.0e})",
        r.value, r.iterations
    );
    let _ = writeln!(
        t,
        "  max difference from the direct solve: by your LU {:.1e}, by nalgebra's {:.1e} (the two: {:.1e})",
        max_difference(&r.power, &r.lu),
        max_difference(&r.power, &r.nalgebra),
        max_difference(&r.lu, &r.nalgebra)
    );
}

/// `rank. label  score  extra` lines for the groups of the ranking, `=` marking ties.
fn table(t: &mut String, groups: &[Vec<usize>], scores: &[f64], label: &dyn Fn(usize) -> String, limit: usize) {
    let mut rank = 1;
    for group in groups {
        if rank > limit {
            break;
        }
        let mark = if group.len() > 1 { "=" } else { " " };
        for &i in group {
            let _ = writeln!(t, "  {:>3}{mark} {:<40} {:>9.6}", rank, label(i), scores[i]);
        }
        rank += group.len();
    }
}

pub fn report(karate: &Graph, k: &PageRank, painters: &Graph, p: &PageRank) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "Lesson 10: The power method and QR iteration — apply it\n");
    let _ = writeln!(t, "PageRank, damping α = {ALPHA}: a surfer follows a link with probability α (in proportion");
    let _ = writeln!(t, "to its weight) and otherwise jumps to a node chosen at random. PageRank is the eigenvector");
    let _ = writeln!(t, "of G = αM + (1 − α)/n·11ᵀ for the eigenvalue 1, scaled to sum 1; the direct solve is");
    let _ = writeln!(t, "(I − αM) x = (1 − α)/n·1, with your lesson-5 LU and with nalgebra's.\n");

    let strengths = karate.strengths();
    let total: f64 = strengths.iter().sum();
    let _ = writeln!(t, "Karate club ({} members, weighted friendships):", karate.len());
    agreement(&mut t, k);
    let _ = writeln!(t, "  {:>4} {:<40} {:>9} {:>11}", "rank", "", "PageRank", "walk's π");
    let groups = ranking(&k.power);
    let mut rank = 1;
    for group in groups.iter().take(6) {
        for &i in group {
            let _ = writeln!(
                t,
                "  {:>3}{} {:<40} {:>9.6} {:>11.6}",
                rank,
                if group.len() > 1 { "=" } else { " " },
                member(karate, i),
                k.power[i],
                strengths[i] / total
            );
        }
        rank += group.len();
    }
    let _ = writeln!(t, "  (walk's π: lesson 9's strength/(2·total weight), PageRank with α = 1; the jumps");
    let _ = writeln!(t, "  flatten it: the hubs lose a little to everyone else)\n");

    let _ =
        writeln!(t, "Painters ({} painters, {} links between their Wikipedia pages):", painters.len(), painters.edges);
    if p.dangling.is_empty() {
        let _ = writeln!(t, "  every painter links to another, so there is no dangling node (a page without links");
        let _ = writeln!(t, "  would get a column of 1/n: the surfer jumps anywhere from it).");
    } else {
        let names: Vec<&str> = p.dangling.iter().map(|&i| painters.names[i].as_str()).collect();
        let _ = writeln!(t, "  dangling nodes (no links out), given a column of 1/n: {}", names.join(", "));
    }
    agreement(&mut t, p);
    let groups = ranking(&p.power);
    let _ = writeln!(t, "  {:>4} {:<40} {:>9}", "rank", "", "PageRank");
    table(&mut t, &groups, &p.power, &|i| painters.names[i].clone(), painters.len());
    for group in groups.iter().filter(|g| g.len() > 1) {
        let names: Vec<&str> = group.iter().map(|&i| painters.names[i].as_str()).collect();
        let _ = writeln!(t, "  {} tie exactly: {}", names.join(" and "), why_tie(painters, group, &p.power));
        let _ = writeln!(t, "  their order is arbitrary (a ranking that swaps them is as right).");
    }
    t
}

/// Why two nodes tie, when the reason is the one in the painters' graph:
/// each is linked to only by the other.
fn why_tie(g: &Graph, group: &[usize], scores: &[f64]) -> String {
    if let [a, b] = *group {
        let n = g.len();
        let only = |i: usize, j: usize| (0..n).all(|k| (g.weights[(k, i)] != 0.0) == (k == j));
        let d = g.strengths();
        if only(a, b) && only(b, a) && d[a] == d[b] {
            let x = (1.0 - ALPHA) / n as f64 / (1.0 - ALPHA / d[a]);
            return format!(
                "each is linked to only by the other,\n  which links to {} pages, so both scores solve x = (1 − α)/n + α x/{}: x = {x:.6}",
                d[a], d[a]
            );
        }
    }
    format!("both have PageRank {:.6}", scores[group[0]])
}

/// `cargo learn demo 10`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let karate = Graph::karate(data)?;
    let painters = Graph::painters(data)?;
    let k = pagerank(f, &karate)?;
    let p = pagerank(f, &painters)?;
    let figures = vec![("power_method_gaps.svg", power_figure(f)?), ("qr_subdiagonal.svg", qr_figure(f)?)];
    Ok(Output { text: report(&karate, &k, &painters, &p), figures })
}

// ---------------------------------------------------------------- matrices of known spectrum

/// The fixed, well-conditioned, non-orthogonal basis of the figures' matrices.
fn basis(n: usize) -> DMatrix<f64> {
    DMatrix::from_fn(n, n, |i, j| if i == j { 1.0 } else { 0.6 * (((3 * i + 5 * j) % 7) as f64 / 7.0 - 0.4) })
}

/// `S diag(d) S⁻¹`: a non-symmetric matrix whose eigenvalues are exactly `d`
/// (to rounding), with eigenvectors the columns of S.
pub fn with_spectrum(d: &[f64]) -> Matrix {
    let n = d.len();
    let s = basis(n);
    let inverse = s.clone().try_inverse().expect("the basis is well conditioned");
    let a = &s * DMatrix::from_diagonal(&DVector::from_column_slice(d)) * inverse;
    Matrix::from_fn(n, n, |i, j| a[(i, j)])
}

/// The gap ratios |λ₂/λ₁| of the power-method figure.
pub const GAP_RATIOS: [f64; 4] = [0.2, 0.5, 0.8, 0.95];

/// The spectrum for a ratio r: λ₁ = 2, λ₂ = 2r, then smaller ones.
pub fn gap_spectrum(r: f64) -> [f64; 4] {
    [2.0, 2.0 * r, -r, 0.5 * r]
}

/// Iterations drawn in the figures.
pub const POWER_STEPS: usize = 60;
pub const QR_STEPS: usize = 50;

/// |λ̂_k − λ₁| / |λ₁| for k = 0, …, POWER_STEPS − 1, where λ̂_k is the
/// Rayleigh quotient of x_k that the learner's `power_step` returns while
/// computing x_{k+1}, from x₀ = (1, 1, 1, 1)/2.
pub fn power_errors(f: &Functions, r: f64) -> Result<Vec<f64>, String> {
    let d = gap_spectrum(r);
    let a = with_spectrum(&d);
    let mut x = vec![0.5; 4];
    let mut errors = Vec::new();
    for _ in 0..POWER_STEPS {
        let (next, estimate) = (f.power_step)(&a, &x).map_err(|e| refused("power_step", &e))?;
        expect_len("power_step", &next, 4)?;
        if !estimate.is_finite() {
            return Err(format!("your `power_step` returned the estimate {estimate}"));
        }
        errors.push((estimate - d[0]).abs() / d[0]);
        x = next;
    }
    Ok(errors)
}

/// The floor of the log axes: an error of exactly 0 is drawn there.
const FLOOR: f64 = -16.5;

fn log_points(values: &[f64], first: usize) -> Vec<[f64; 2]> {
    values
        .iter()
        .enumerate()
        .map(|(k, v)| [(k + first) as f64, if *v > 0.0 { v.log10().max(FLOOR) } else { FLOOR }])
        .collect()
}

/// A grey guide of slope `slope` (decades per step), a decade above `at`.
fn guide(p: &mut Panel, at: [f64; 2], slope: f64, steps: f64) {
    let y = at[1] + 1.0;
    p.polyline(&[[0.0, y - at[0] * slope], [steps, y + (steps - at[0]) * slope]], svg::GREY);
}

fn power_figure(f: &Functions) -> Result<String, String> {
    let steps = POWER_STEPS as f64;
    let mut p = Panel::new(
        "The power method: the error shrinks like rᵏ, r = |λ₂/λ₁|",
        620.0,
        440.0,
        (0.0, steps),
        (FLOOR, 0.5),
    );
    p.axes("iteration k", "log₁₀ |λ̂ₖ − λ₁| / |λ₁|", 10.0, 2.0);
    let names: Vec<String> = GAP_RATIOS.iter().map(|r| format!("r = {r}")).collect();
    let mut legend: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(svg::SERIES).collect();
    legend.push(("rᵏ, a decade higher", svg::GREY));
    p.legend(&legend);
    for (r, colour) in GAP_RATIOS.iter().zip(svg::SERIES) {
        let errors = power_errors(f, *r)?;
        let points = until_floor(log_points(&errors, 0));
        guide(&mut p, points[9.min(points.len() - 1)], r.log10(), steps);
        p.curve(&points, colour);
    }
    Ok(svg::figure(&[p]))
}

/// The points up to the first one below 10⁻¹⁵: after that, what is left is rounding.
fn until_floor(points: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
    let end = points.iter().position(|q| q[1] <= -15.0).map_or(points.len(), |k| k + 1);
    points[..end].to_vec()
}

/// The spectrum of the QR figure: consecutive ratios 5/6, 3/5, 1/2, 1/3.
pub const QR_SPECTRUM: [f64; 5] = [6.0, 5.0, 3.0, 1.5, 0.5];

/// |h_{k+1,k}| for k = 0..n−1, at iterations 0, 1, …, QR_STEPS of the
/// learner's `qr_step` from the learner's Hessenberg form of the matrix.
pub fn subdiagonals(f: &Functions) -> Result<Vec<Vec<f64>>, String> {
    let n = QR_SPECTRUM.len();
    let a = with_spectrum(&QR_SPECTRUM);
    let (_, mut h) = (f.hessenberg)(&a).map_err(|e| refused("hessenberg", &e))?;
    let mut out = Vec::new();
    for step in 0..=QR_STEPS {
        if h.shape() != (n, n) {
            return Err(format!("your `qr_step` returned a {}×{} matrix for a {n}×{n} one", h.nrows(), h.ncols()));
        }
        let sub: Vec<f64> = (0..n - 1).map(|k| h[(k + 1, k)].abs()).collect();
        expect_len(if step == 0 { "hessenberg" } else { "qr_step" }, &sub, n - 1)?;
        out.push(sub);
        if step < QR_STEPS {
            h = (f.qr_step)(&h).map_err(|e| refused("qr_step", &e))?;
        }
    }
    Ok(out)
}

fn qr_figure(f: &Functions) -> Result<String, String> {
    let history = subdiagonals(f)?;
    let steps = QR_STEPS as f64;
    let mut p =
        Panel::new("QR iteration: the subdiagonal vanishes, entry by entry", 620.0, 440.0, (0.0, steps), (FLOOR, 1.0));
    p.axes("QR step m", "log₁₀ |hₖ₊₁,ₖ|", 10.0, 2.0);
    let sub = ["₀", "₁", "₂", "₃", "₄"];
    let names: Vec<String> = (0..QR_SPECTRUM.len() - 1)
        .map(|k| format!("h{}{} ({}/{})", sub[k + 1], sub[k], trim(QR_SPECTRUM[k + 1]), trim(QR_SPECTRUM[k])))
        .collect();
    let mut legend: Vec<(&str, &str)> = names.iter().map(String::as_str).zip(svg::SERIES).collect();
    legend.push(("(λₖ₊₁/λₖ)ᵐ, a decade higher", svg::GREY));
    p.legend(&legend);
    for (k, colour) in svg::SERIES.iter().enumerate() {
        let values: Vec<f64> = history.iter().map(|h| h[k]).collect();
        let points = until_floor(log_points(&values, 0));
        guide(&mut p, points[10.min(points.len() - 1)], (QR_SPECTRUM[k + 1] / QR_SPECTRUM[k]).log10(), steps);
        p.curve(&points, colour);
    }
    Ok(svg::figure(&[p]))
}

/// A number with at most 4 decimals and no trailing zeros.
fn trim(x: f64) -> String {
    let s = format!("{x:.4}");
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}
