//! Lesson 2, apply it: leave-one-out k-nearest-neighbour classification of
//! the iris flowers with the learner's `k_nearest` and four of the learner's
//! notions of distance; the unit balls and a projection drawn with the
//! learner's norms and `project_onto`.

use std::fmt::Write;
use std::path::Path;

use vocab::{LinalgError, Matrix};

use crate::data::Iris;
use crate::svg::{self, Panel};
use crate::{Output, expect_len};

/// A distance between two vectors of the same length.
pub type Distance = fn(&[f64], &[f64]) -> f64;

/// A norm of one vector.
pub type Norm = fn(&[f64]) -> f64;

/// `project_onto(a, b)` or `residual(a, b)`.
pub type Projection = fn(&[f64], &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The learner's lesson 2 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub norm_l1: Norm,
    pub norm_l2: Norm,
    pub norm_inf: Norm,
    pub project_onto: Projection,
    pub residual: Projection,
    pub k_nearest: fn(&Matrix, &[f64], usize, Distance) -> Vec<usize>,
    /// The distances to compare, with the names the report uses.
    pub distances: [(&'static str, Distance); 4],
}

/// The neighbourhood sizes the report compares.
pub const KS: [usize; 2] = [1, 5];

/// The leave-one-out predictions for one distance and one `k`.
#[derive(Debug, Clone)]
pub struct Run {
    pub distance: &'static str,
    pub k: usize,
    /// The predicted species of each flower, by its `k` nearest among the others.
    pub predicted: Vec<usize>,
}

impl Run {
    /// How many flowers get their own species.
    pub fn correct(&self, labels: &[usize]) -> usize {
        self.predicted.iter().zip(labels).filter(|(p, l)| p == l).count()
    }
}

/// Classify flower `i` by the majority vote of its `k` nearest neighbours
/// among the other flowers (found by `k_nearest` on the data without row `i`).
/// A tied vote goes to the tied species whose member is nearest.
pub fn classify_left_out(
    k_nearest: fn(&Matrix, &[f64], usize, Distance) -> Vec<usize>,
    distance: Distance,
    iris: &Iris,
    i: usize,
    k: usize,
) -> Result<usize, String> {
    let m = iris.features.nrows();
    let others: Vec<Vec<f64>> = (0..m).filter(|&j| j != i).map(|j| iris.features.row(j).to_vec()).collect();
    let nearest = k_nearest(&Matrix::from_rows(&others), iris.features.row(i), k, distance);
    if nearest.len() != k.min(m - 1) {
        return Err(format!("your `k_nearest` returned {} indices for k = {k} and {} rows", nearest.len(), m - 1));
    }
    // Back to indices of the full data: rows after `i` moved up by one.
    let mut votes = vec![0usize; iris.species.len()];
    let mut labels = Vec::with_capacity(k);
    for &j in &nearest {
        if j >= m - 1 {
            return Err(format!("your `k_nearest` returned index {j} for a matrix with {} rows", m - 1));
        }
        let label = iris.labels[if j >= i { j + 1 } else { j }];
        votes[label] += 1;
        labels.push(label);
    }
    let most = votes.iter().copied().max().unwrap_or(0);
    // Neighbours are nearest first, so the first label with the most votes wins ties.
    labels.into_iter().find(|&l| votes[l] == most).ok_or_else(|| "no neighbours to vote".to_string())
}

/// Leave-one-out predictions for every distance and every `k` in [`KS`].
pub fn runs(f: &Functions, iris: &Iris) -> Result<Vec<Run>, String> {
    let mut runs = Vec::new();
    for (name, distance) in f.distances {
        for k in KS {
            let predicted = (0..iris.features.nrows())
                .map(|i| classify_left_out(f.k_nearest, distance, iris, i, k))
                .collect::<Result<Vec<_>, _>>()?;
            runs.push(Run { distance: name, k, predicted });
        }
    }
    Ok(runs)
}

/// The printed report.
pub fn report(iris: &Iris, runs: &[Run]) -> String {
    let m = iris.features.nrows();
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Iris: {m} flowers, {} measurements (cm), {} species.\n\
         Leave-one-out: each flower is classified by a vote of its k nearest\n\
         neighbours among the other {} (your k_nearest; a tied vote goes to the\n\
         species of the nearest).\n",
        iris.features.ncols(),
        iris.species.len(),
        m - 1
    );
    let _ = write!(t, "{:<12}", "distance");
    for k in KS {
        let _ = write!(t, "{:>18}", format!("k = {k}"));
    }
    t.push('\n');
    for chunk in runs.chunks(KS.len()) {
        let _ = write!(t, "{:<12}", chunk[0].distance);
        for run in chunk {
            let c = run.correct(&iris.labels);
            let _ = write!(t, "{:>18}", format!("{c}/{m} = {:.1}%", 100.0 * c as f64 / m as f64));
        }
        t.push('\n');
    }
    if let Some(first) = runs.iter().find(|r| r.k == KS[KS.len() - 1]) {
        let _ = writeln!(t, "\nMisclassified with {}, k = {}:", first.distance, first.k);
        for (i, (&p, &l)) in first.predicted.iter().zip(&iris.labels).enumerate().filter(|(_, (p, l))| p != l) {
            let row = iris.features.row(i).iter().map(|x| format!("{x:.1}")).collect::<Vec<_>>().join(", ");
            let _ = writeln!(t, "  flower {i:>3} ({row}): a {} taken for a {}", iris.species[l], iris.species[p]);
        }
    }
    t
}

/// The lesson's three figures, drawn with the learner's functions.
pub fn figures(f: &Functions, iris: &Iris, runs: &[Run]) -> Result<Vec<(&'static str, String)>, String> {
    Ok(vec![
        ("unit_balls.svg", unit_balls(f)?),
        ("projection.svg", projection(f)?),
        ("iris_neighbours.svg", accuracy(iris, runs)),
    ])
}

/// `cargo learn demo 2`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let iris = Iris::load(data)?;
    let runs = runs(f, &iris)?;
    Ok(Output { text: report(&iris, &runs), figures: figures(f, &iris, &runs)? })
}

/// The unit circles of three norms: each direction scaled to norm 1.
fn unit_balls(f: &Functions) -> Result<String, String> {
    let norms: [(&str, Norm, &str); 3] = [
        ("L1 (diamond)", f.norm_l1, svg::BLUE),
        ("L2 (circle)", f.norm_l2, svg::ORANGE),
        ("L∞ (square)", f.norm_inf, svg::GREEN),
    ];
    let mut p = Panel::square("Unit circles: the points of norm 1", 420.0, (-1.25, 1.25), (-1.25, 1.25));
    p.axes("x", "y", 0.5, 0.5);
    for (name, norm, colour) in norms {
        let mut outline = Vec::new();
        // 360 directions, one per degree; 45° steps land on the corners.
        for deg in 0..360 {
            let angle = (deg as f64).to_radians();
            let d = [angle.cos(), angle.sin()];
            let size = norm(&d);
            if !size.is_finite() || size <= 0.0 {
                return Err(format!("your norm for `{name}` gave {size} for the unit vector ({}, {})", d[0], d[1]));
            }
            outline.push([d[0] / size, d[1] / size]);
        }
        p.polygon(&outline, colour);
    }
    p.legend(&norms.map(|(name, _, colour)| (name, colour)));
    Ok(svg::figure(&[p]))
}

/// a = (3, 3) projected onto the line through b = (4, 1), and the residual.
fn projection(f: &Functions) -> Result<String, String> {
    let (a, b) = ([3.0, 3.0], [4.0, 1.0]);
    let proj = (f.project_onto)(&a, &b).map_err(|e| format!("your `project_onto` refused (3, 3) onto (4, 1): {e}"))?;
    let res = (f.residual)(&a, &b).map_err(|e| format!("your `residual` refused (3, 3) and (4, 1): {e}"))?;
    expect_len("project_onto", &proj, 2)?;
    expect_len("residual", &res, 2)?;
    let (p_, r) = ([proj[0], proj[1]], [res[0], res[1]]);
    let mut p = Panel::square("Projection of a onto the line through b", 440.0, (-0.5, 6.5), (-0.5, 4.0));
    p.axes("first coordinate", "second coordinate", 1.0, 1.0);
    p.line([-0.4, -0.1], [6.0, 1.5], svg::GREY, true);
    p.arrow([0.0, 0.0], a, svg::BLUE, false);
    p.arrow([0.0, 0.0], b, svg::ORANGE, false);
    p.arrow([0.0, 0.0], p_, svg::GREEN, false);
    p.arrow(p_, [p_[0] + r[0], p_[1] + r[1]], svg::RED, true);
    p.text(a, 6.0, 0.0, "a = (3, 3)", svg::BLUE);
    p.text(b, 8.0, 18.0, "b = (4, 1)", svg::ORANGE);
    p.text(p_, -70.0, 26.0, &format!("projection ({:.2}, {:.2})", p_[0], p_[1]), svg::GREEN);
    let mid = [p_[0] + r[0] / 2.0, p_[1] + r[1] / 2.0];
    p.text(mid, 6.0, 0.0, &format!("residual ({:.2}, {:.2})", r[0], r[1]), svg::RED);
    Ok(svg::figure(&[p]))
}

/// Leave-one-out accuracy as grouped bars, one group per distance.
fn accuracy(iris: &Iris, runs: &[Run]) -> String {
    let m = iris.features.nrows() as f64;
    let groups = runs.len() / KS.len();
    let mut p = Panel::new("Leave-one-out k-NN accuracy on iris", 560.0, 360.0, (0.0, groups as f64), (80.0, 100.0));
    p.axes("", "accuracy (%)", 0.0, 5.0);
    for (g, chunk) in runs.chunks(KS.len()).enumerate() {
        p.category(g as f64 + 0.5, chunk[0].distance);
        for (j, run) in chunk.iter().enumerate() {
            let pct = 100.0 * run.correct(&iris.labels) as f64 / m;
            let left = g as f64 + 0.15 + 0.35 * j as f64;
            p.bar((left, left + 0.33), pct, svg::SERIES[j], &format!("{pct:.1}"));
        }
    }
    let legend: Vec<String> = KS.iter().map(|k| format!("k = {k}")).collect();
    let entries: Vec<(&str, &str)> = legend.iter().enumerate().map(|(j, s)| (s.as_str(), svg::SERIES[j])).collect();
    p.legend(&entries);
    svg::figure(&[p])
}
