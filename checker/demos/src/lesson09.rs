//! Lesson 9, apply it: a random walk on Zachary's karate club, whose
//! stationary distribution (by the learner's Markov solver) is compared with
//! the closed form strength / (2 · total weight) and with nalgebra; and the
//! figures (a 2×2 map with its eigenvectors on the image of the unit circle,
//! the walk's distribution converging to π).

use std::fmt::Write;
use std::path::Path;

use nalgebra::{DMatrix, DVector, SymmetricEigen};
use vocab::{Eigenvalues2, LinalgError, Matrix, SymEig};

use crate::Output;
use crate::data::Graph;
use crate::lesson10::ranking;
use crate::reference::refused;
use crate::svg::{self, Panel};

/// The learner's lesson 9 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub eigenvalues_2x2: fn(&Matrix) -> Result<Eigenvalues2, LinalgError>,
    pub eigen_residual: fn(&Matrix, f64, &[f64]) -> Result<f64, LinalgError>,
    pub symmetric_eigen_2x2: fn(&Matrix) -> Result<SymEig, LinalgError>,
    /// π with πP = π and Σπ = 1, for a row-stochastic P.
    pub stationary_distribution: fn(&Matrix) -> Result<Vec<f64>, LinalgError>,
}

fn expect_len(what: &str, v: &[f64], n: usize) -> Result<(), String> {
    crate::expect_len(what, v, n)
}

// ---------------------------------------------------------------- the walk

/// `P = D⁻¹W`: from node i the walk moves to j with probability w_ij / s_i.
pub fn transition(g: &Graph) -> Matrix {
    let s = g.strengths();
    Matrix::from_fn(g.len(), g.len(), |i, j| g.weights[(i, j)] / s[i])
}

/// `μP`: one step of the walk's distribution.
pub fn step(mu: &[f64], p: &Matrix) -> Vec<f64> {
    (0..p.ncols()).map(|j| (0..p.nrows()).map(|i| mu[i] * p[(i, j)]).sum()).collect()
}

/// The total-variation distance ½ Σ |μ_i − ν_i|.
pub fn total_variation(mu: &[f64], nu: &[f64]) -> f64 {
    0.5 * mu.iter().zip(nu).map(|(a, b)| (a - b).abs()).sum::<f64>()
}

fn max_difference(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

/// nalgebra's π: LU on `(Pᵀ − I) π = 0` with its last equation replaced by Σπ = 1.
pub fn nalgebra_stationary(p: &Matrix) -> Vec<f64> {
    let n = p.nrows();
    let a = DMatrix::from_fn(n, n, |i, j| if i == n - 1 { 1.0 } else { p[(j, i)] - f64::from(i == j) });
    let b = DVector::from_fn(n, |i, _| f64::from(i == n - 1));
    a.lu().solve(&b).expect("an irreducible chain has a unique π").as_slice().to_vec()
}

/// The eigenvalues of P by nalgebra, largest first: P = D^{-1/2} S D^{1/2}
/// with S = D^{-1/2} W D^{-1/2} symmetric, so they are real; through
/// `try_new` with an iteration cap (see `checking.md`).
pub fn walk_eigenvalues(g: &Graph) -> Vec<f64> {
    let s = g.strengths();
    let n = g.len();
    let sym = DMatrix::from_fn(n, n, |i, j| g.weights[(i, j)] / (s[i] * s[j]).sqrt());
    let eig = SymmetricEigen::try_new(sym, 1e-15, 10_000).expect("a 34 × 34 symmetric matrix converges");
    let mut values = eig.eigenvalues.as_slice().to_vec();
    values.sort_by(|a, b| b.total_cmp(a));
    values
}

/// The walk and its stationary distribution, three ways.
#[derive(Debug, Clone)]
pub struct Walk {
    pub strengths: Vec<f64>,
    /// Half the sum of the strengths: the total weight of the edges.
    pub total: f64,
    /// The learner's π.
    pub pi: Vec<f64>,
    /// strength / (2 · total).
    pub closed_form: Vec<f64>,
    pub nalgebra: Vec<f64>,
    /// ‖πP − π‖₁ of the learner's π.
    pub residual: f64,
    /// The eigenvalues of P, largest first (nalgebra).
    pub eigenvalues: Vec<f64>,
}

impl Walk {
    /// max |λ| over the eigenvalues other than 1: the factor by which the
    /// distance to π shrinks per step, in the long run.
    pub fn rate(&self) -> f64 {
        self.eigenvalues[1].abs().max(self.eigenvalues[self.eigenvalues.len() - 1].abs())
    }
}

pub fn walk(f: &Functions, g: &Graph) -> Result<Walk, String> {
    let n = g.len();
    let p = transition(g);
    let pi = (f.stationary_distribution)(&p).map_err(|e| refused("stationary_distribution", &e))?;
    expect_len("stationary_distribution", &pi, n)?;
    let strengths = g.strengths();
    let total = strengths.iter().sum::<f64>() / 2.0;
    let closed_form = strengths.iter().map(|s| s / (2.0 * total)).collect();
    let moved = step(&pi, &p);
    let residual = moved.iter().zip(&pi).map(|(a, b)| (a - b).abs()).sum();
    Ok(Walk {
        strengths,
        total,
        pi,
        closed_form,
        nalgebra: nalgebra_stationary(&p),
        residual,
        eigenvalues: walk_eigenvalues(g),
    })
}

/// The members the report follows from a single start.
pub const STARTS: [usize; 2] = [0, 16];

/// The steps at which the report prints the distance to π.
pub const REPORTED_STEPS: [usize; 6] = [1, 5, 10, 50, 100, 200];

/// The distance to π after 0, 1, …, `steps` steps from a walk started at `start`.
pub fn distances(g: &Graph, pi: &[f64], start: usize, steps: usize) -> Vec<f64> {
    let p = transition(g);
    let mut mu: Vec<f64> = (0..g.len()).map(|i| f64::from(i == start)).collect();
    let mut out = vec![total_variation(&mu, pi)];
    for _ in 0..steps {
        mu = step(&mu, &p);
        out.push(total_variation(&mu, pi));
    }
    out
}

// ---------------------------------------------------------------- the report

fn member(i: usize) -> String {
    let role = match i {
        0 => " (the instructor)",
        33 => " (the administrator)",
        _ => "",
    };
    format!("{i}{role}")
}

pub fn report(g: &Graph, w: &Walk, maps: &[Map; 2]) -> String {
    let n = g.len();
    let mut t = String::new();
    let _ = writeln!(t, "Lesson 9: Eigenvalues and eigenvectors — apply it\n");
    let _ =
        writeln!(t, "Zachary's karate club: {n} members, {} friendships weighted by the number of contexts", g.edges);
    let _ = writeln!(t, "in which the two met (total weight {}). A random walk moves from a member to a", w.total);
    let _ = writeln!(t, "friend with probability proportional to the weight: P = D⁻¹W, every row sums to 1.\n");
    let _ = writeln!(t, "Stationary distribution π (πP = π, Σπ = 1) by your stationary_distribution:");
    let _ = writeln!(t, "  {:<30} = {:.1e}", "‖πP − π‖₁", w.residual);
    let _ = writeln!(
        t,
        "  {:<30} = {:.1e}   (the closed form on an undirected graph)",
        format!("max |π − strength/(2·{})|", w.total),
        max_difference(&w.pi, &w.closed_form)
    );
    let _ = writeln!(
        t,
        "  {:<30} = {:.1e}   (LU on Pᵀπ = π with Σπ = 1)",
        "max |π − nalgebra|",
        max_difference(&w.pi, &w.nalgebra)
    );
    let _ = writeln!(t, "\nThe members the walk visits most (strength: the sum of a member's weights):");
    let closed = format!("strength/{}", 2.0 * w.total);
    let _ = writeln!(
        t,
        "  {:>4} {:<22} {:<8} {:>8} {:>10} {:>12} {:>10}",
        "rank", "member", "club", "strength", "your π", closed, "nalgebra"
    );
    let groups = ranking(&w.pi);
    let mut rank = 1;
    for group in &groups {
        if rank > 6 {
            break;
        }
        for &i in group {
            let _ = writeln!(
                t,
                "  {:>3}{} {:<22} {:<8} {:>8} {:>10.6} {:>12.6} {:>10.6}",
                rank,
                if group.len() > 1 { "=" } else { " " },
                member(i),
                g.names[i],
                w.strengths[i],
                w.pi[i],
                w.closed_form[i],
                w.nalgebra[i]
            );
        }
        rank += group.len();
    }
    let least = groups.last().expect("34 members");
    let names: Vec<String> = least.iter().map(|i| i.to_string()).collect();
    let names = match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        _ => names.join(""),
    };
    let _ = writeln!(
        t,
        "  … and the least visited, member{} {}: π = {:.6} (strength {}).",
        if least.len() > 1 { "s" } else { "" },
        names,
        w.pi[least[0]],
        w.strengths[least[0]]
    );
    let _ = writeln!(t, "  (= marks a tie: equal strengths, equal π; their order is arbitrary)");
    let _ = writeln!(t, "\nFrom a single member, the distribution after k steps approaches π:");
    let _ = write!(t, "  {:<30}", "distance to π (TV) at k =");
    for k in REPORTED_STEPS {
        let _ = write!(t, " {k:>8}");
    }
    let _ = writeln!(t);
    for start in STARTS {
        let d = distances(g, &w.pi, start, *REPORTED_STEPS.last().expect("steps"));
        let _ = write!(t, "  {:<30}", format!("from member {}", member(start)));
        for k in REPORTED_STEPS {
            let _ = write!(t, " {:>8.1e}", d[k]);
        }
        let _ = writeln!(t);
    }
    let _ = writeln!(
        t,
        "  P's eigenvalues (nalgebra): 1, then {:.4}, …, {:.4}: the distance shrinks by about",
        w.eigenvalues[1],
        w.eigenvalues[n - 1]
    );
    let _ = writeln!(t, "  {:.4} per step once the other directions have died out.", w.rate());
    let _ = writeln!(t, "\nThe maps of the figure eigenvectors_on_circle.svg:");
    let how = ["your eigenvalues_2x2, vectors spanning the null space of A − λI", "your symmetric_eigen_2x2"];
    for (map, how) in maps.iter().zip(how) {
        let [(l1, _), (l2, _)] = map.pairs;
        let _ = writeln!(t, "  {} ({how}):", map.title);
        let _ = writeln!(
            t,
            "    λ = {} and {}, eigen_residual {:.1e} and {:.1e}, the eigenvectors {:.1}° apart",
            trim(l1),
            trim(l2),
            map.residuals[0],
            map.residuals[1],
            map.angle()
        );
    }
    t
}

/// `cargo learn demo 9`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let g = Graph::karate(data)?;
    let w = walk(f, &g)?;
    let maps = maps(f)?;
    let figures =
        vec![("eigenvectors_on_circle.svg", circle_figure(&maps)), ("walk_convergence.svg", walk_figure(&g, &w))];
    Ok(Output { text: report(&g, &w, &maps), figures })
}

// ---------------------------------------------------------------- figures

/// The two maps of the circle figure: one with eigenvectors at an angle, one
/// symmetric (the spectral theorem: orthogonal eigenvectors, the ellipse's axes).
pub fn circle_maps() -> [(&'static str, Matrix); 2] {
    [
        ("A = [[1, 1], [0.5, 1.5]]", Matrix::from_rows(&[vec![1.0, 1.0], vec![0.5, 1.5]])),
        ("S = [[2, 1], [1, 2]], symmetric", Matrix::from_rows(&[vec![2.0, 1.0], vec![1.0, 2.0]])),
    ]
}

/// A unit vector spanning the null space of the singular 2×2 `A − λI`: of
/// the two candidates orthogonal to a row, the longer one.
pub fn null_vector(a: &Matrix, lambda: f64) -> [f64; 2] {
    let rows = [[a[(0, 0)] - lambda, a[(0, 1)]], [a[(1, 0)], a[(1, 1)] - lambda]];
    let [x, y] = if rows[0][0].hypot(rows[0][1]) >= rows[1][0].hypot(rows[1][1]) { rows[0] } else { rows[1] };
    let norm = x.hypot(y);
    if norm == 0.0 { [1.0, 0.0] } else { [-y / norm, x / norm] }
}

/// One map of the circle figure with its eigenpairs, larger eigenvalue first.
#[derive(Debug, Clone)]
pub struct Map {
    pub title: &'static str,
    pub a: Matrix,
    pub pairs: [(f64, [f64; 2]); 2],
    /// The learner's `eigen_residual` of each pair.
    pub residuals: [f64; 2],
}

impl Map {
    /// The angle between the two eigen-directions, in degrees (0 to 90).
    pub fn angle(&self) -> f64 {
        let [(_, u), (_, v)] = self.pairs;
        (u[0] * v[0] + u[1] * v[1]).abs().min(1.0).acos().to_degrees()
    }
}

/// The two maps: `A` with the learner's `eigenvalues_2x2` and the null
/// vectors of A − λI; `S` with the learner's `symmetric_eigen_2x2`.
pub fn maps(f: &Functions) -> Result<[Map; 2], String> {
    let [(title_a, a), (title_s, s)] = circle_maps();
    let (l1, l2) = match (f.eigenvalues_2x2)(&a).map_err(|e| refused("eigenvalues_2x2", &e))? {
        Eigenvalues2::Real(l1, l2) => (l1, l2),
        Eigenvalues2::Complex { re, im } => {
            return Err(format!(
                "your `eigenvalues_2x2` found the complex pair {re} ± {im}i for {title_a}, whose eigenvalues are 2 and 0.5"
            ));
        }
    };
    let general = [(l1, null_vector(&a, l1)), (l2, null_vector(&a, l2))];
    let eig = (f.symmetric_eigen_2x2)(&s).map_err(|e| refused("symmetric_eigen_2x2", &e))?;
    expect_len("symmetric_eigen_2x2", &eig.values, 2)?;
    if eig.vectors.shape() != (2, 2) {
        return Err("your `symmetric_eigen_2x2` returned eigenvectors that are not a 2 × 2 matrix".into());
    }
    let column = |j: usize| [eig.vectors[(0, j)], eig.vectors[(1, j)]];
    let symmetric = [(eig.values[0], column(0)), (eig.values[1], column(1))];
    let mut out = Vec::new();
    for (title, m, pairs) in [(title_a, a, general), (title_s, s, symmetric)] {
        let mut residuals = [0.0; 2];
        for (k, (lambda, v)) in pairs.iter().enumerate() {
            residuals[k] = (f.eigen_residual)(&m, *lambda, v).map_err(|e| refused("eigen_residual", &e))?;
        }
        out.push(Map { title, a: m, pairs, residuals });
    }
    Ok(out.try_into().expect("two maps"))
}

fn apply(a: &Matrix, x: [f64; 2]) -> [f64; 2] {
    [a[(0, 0)] * x[0] + a[(0, 1)] * x[1], a[(1, 0)] * x[0] + a[(1, 1)] * x[1]]
}

fn circle_figure(maps: &[Map; 2]) -> String {
    let mut panels = Vec::new();
    for map in maps {
        let a = &map.a;
        let mut p = Panel::square(map.title, 420.0, (-3.2, 3.2), (-3.2, 3.2));
        p.axes("", "", 1.0, 1.0);
        p.legend(&[("unit circle", svg::GREY), ("its image", svg::BLUE), ("v", svg::BLACK), ("A v = λ v", svg::RED)]);
        let angles: Vec<f64> = (0..96).map(|k| k as f64 * std::f64::consts::TAU / 96.0).collect();
        let circle: Vec<[f64; 2]> = angles.iter().map(|t| [t.cos(), t.sin()]).collect();
        let image: Vec<[f64; 2]> = circle.iter().map(|&x| apply(a, x)).collect();
        // Where sixteen points of the circle go: thin lines from x to Ax.
        for k in (0..96).step_by(6) {
            p.line(circle[k], image[k], svg::GREY, true);
        }
        p.polygon(&circle, svg::GREY);
        p.polygon(&image, svg::BLUE);
        for (k, (lambda, v)) in map.pairs.iter().enumerate() {
            // An eigenvector's sign is arbitrary: draw the one pointing right.
            let v = &if v[0] < 0.0 || (v[0] == 0.0 && v[1] < 0.0) { [-v[0], -v[1]] } else { *v };
            let reach = 3.1;
            p.line([-reach * v[0], -reach * v[1]], [reach * v[0], reach * v[1]], svg::RED, true);
            // The longer arrow first, so that the shorter one stays visible on top.
            let av = apply(a, *v);
            let tip = if lambda.abs() >= 1.0 { av } else { *v };
            if lambda.abs() >= 1.0 {
                p.arrow([0.0, 0.0], av, svg::RED, false);
                p.arrow([0.0, 0.0], *v, svg::BLACK, false);
            } else {
                p.arrow([0.0, 0.0], *v, svg::BLACK, false);
                p.arrow([0.0, 0.0], av, svg::RED, false);
            }
            let label = format!("λ{} = {}", ["₁", "₂"][k], trim(*lambda));
            p.text(tip, 8.0, if k == 0 { -6.0 } else { 16.0 }, &label, svg::RED);
        }
        panels.push(p);
    }
    svg::figure(&panels)
}

/// A number with at most 4 decimals and no trailing zeros.
fn trim(x: f64) -> String {
    let s = format!("{x:.4}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('-', "−")
}

/// Steps drawn in the convergence figure.
pub const FIGURE_STEPS: usize = 300;

/// The floor of the log axis.
const FLOOR: f64 = -17.0;

fn walk_figure(g: &Graph, w: &Walk) -> String {
    let steps = FIGURE_STEPS as f64;
    let mut p = Panel::new("The random walk's distribution approaching π", 620.0, 420.0, (0.0, steps), (FLOOR, 0.5));
    p.axes("step k", "log₁₀ distance to π (total variation)", 50.0, 2.0);
    let colours = [svg::BLUE, svg::ORANGE];
    let mut legend: Vec<(String, &str)> =
        STARTS.iter().zip(colours).map(|(&s, c)| (format!("from member {s}"), c)).collect();
    legend.push((format!("{:.4}ᵏ (second eigenvalue)", w.rate()), svg::GREY));
    let legend: Vec<(&str, &str)> = legend.iter().map(|(n, c)| (n.as_str(), *c)).collect();
    p.legend(&legend);
    for (start, colour) in STARTS.iter().zip(colours) {
        let d = distances(g, &w.pi, *start, FIGURE_STEPS);
        let points: Vec<[f64; 2]> = d
            .iter()
            .enumerate()
            .map(|(k, x)| [k as f64, if *x > 0.0 { x.log10().max(FLOOR) } else { FLOOR }])
            .collect();
        p.curve(&points, colour);
    }
    // The predicted rate |λ|ᵏ, drawn a decade above the first start's curve
    // (through its distance at step 20), from there until it leaves the plot.
    let d = distances(g, &w.pi, STARTS[0], 20);
    let (anchor, slope) = (d[20].log10() + 1.0, w.rate().log10());
    let end = (20.0 + (FLOOR - anchor) / slope).min(steps);
    p.line([20.0, anchor], [end, anchor + (end - 20.0) * slope], svg::GREY, true);
    svg::figure(&[p])
}
