//! Lesson 1, apply it: the mean iris flower of each species with the learner's
//! `mean_vector`, and the overall mean rebuilt from the species means with the
//! learner's `linear_combination` (weights = group size / total).

use std::fmt::Write;
use std::path::Path;

use vocab::{LinalgError, Matrix};

use crate::data::Iris;
use crate::svg::{self, Panel};
use crate::{Output, Random, expect_len};

/// `linear_combination(coefficients, vectors)`.
pub type Combination = fn(&[f64], &[Vec<f64>]) -> Result<Vec<f64>, LinalgError>;

/// The learner's lesson 1 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub add: fn(&[f64], &[f64]) -> Vec<f64>,
    pub linear_combination: Combination,
    pub signed_area: fn([f64; 2], [f64; 2]) -> f64,
    pub are_independent_2d: fn([f64; 2], [f64; 2]) -> bool,
    pub mean_vector: fn(&Matrix) -> Result<Vec<f64>, LinalgError>,
}

/// The numbers the demo reports.
#[derive(Debug, Clone)]
pub struct Means {
    /// The mean flower of each species, in label order.
    pub species: Vec<Vec<f64>>,
    /// The weight of each species mean: its number of flowers over 150.
    pub weights: Vec<f64>,
    /// `sum_h weights[h] * species[h]`, by the learner's `linear_combination`.
    pub combined: Vec<f64>,
    /// The mean of all flowers, by the learner's `mean_vector`.
    pub overall: Vec<f64>,
}

/// Species means, their weighted combination and the overall mean.
pub fn means(f: &Functions, iris: &Iris) -> Result<Means, String> {
    let n = iris.features.ncols();
    let mut species = Vec::new();
    let mut weights = Vec::new();
    for s in 0..iris.species.len() {
        let rows = iris.species_rows(s);
        let mean =
            (f.mean_vector)(&rows).map_err(|e| format!("your `mean_vector` refused the {}: {e}", iris.species[s]))?;
        expect_len("mean_vector", &mean, n)?;
        weights.push(rows.nrows() as f64 / iris.features.nrows() as f64);
        species.push(mean);
    }
    let combined = (f.linear_combination)(&weights, &species)
        .map_err(|e| format!("your `linear_combination` refused the species means: {e}"))?;
    expect_len("linear_combination", &combined, n)?;
    let overall = (f.mean_vector)(&iris.features).map_err(|e| format!("your `mean_vector` refused the data: {e}"))?;
    expect_len("mean_vector", &overall, n)?;
    Ok(Means { species, weights, combined, overall })
}

/// The printed report.
pub fn report(iris: &Iris, m: &Means) -> String {
    let mut t = String::new();
    let counts: Vec<usize> = (0..iris.species.len()).map(|s| iris.labels.iter().filter(|&&l| l == s).count()).collect();
    let _ = writeln!(
        t,
        "Iris: {} flowers, {} measurements each (cm), {} species ({}).\n",
        iris.features.nrows(),
        iris.features.ncols(),
        iris.species.len(),
        counts.iter().map(|c| c.to_string()).collect::<Vec<_>>().join(", ")
    );
    let header = |t: &mut String| {
        let _ = write!(t, "{:<24}", "");
        for name in &iris.feature_names {
            let _ = write!(t, "{name:>14}");
        }
        t.push('\n');
    };
    let row = |t: &mut String, label: &str, v: &[f64]| {
        let _ = write!(t, "{label:<24}");
        for x in v {
            let _ = write!(t, "{x:>14.3}");
        }
        t.push('\n');
    };
    let _ = writeln!(t, "Mean flower of each species (your mean_vector):");
    header(&mut t);
    for (name, mean) in iris.species.iter().zip(&m.species) {
        row(&mut t, name, mean);
    }
    let weights: Vec<String> =
        m.weights.iter().zip(&counts).map(|(w, c)| format!("{c}/{} = {w:.4}", iris.features.nrows())).collect();
    let _ = writeln!(t, "\nOverall mean, two ways:");
    header(&mut t);
    row(&mut t, "weighted species means", &m.combined);
    row(&mut t, "mean of all flowers", &m.overall);
    let _ = writeln!(t, "(weights {}; your linear_combination)", weights.join(", "));
    let gap = m.combined.iter().zip(&m.overall).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    let size = m.overall.iter().map(|x| x.abs()).fold(0.0, f64::max);
    let _ =
        writeln!(t, "Largest difference between the two: {gap:.1e} (relative to the largest mean: {:.1e})", gap / size);
    t
}

/// The lesson's three figures, drawn with the learner's functions.
pub fn figures(f: &Functions, iris: &Iris, m: &Means) -> Result<Vec<(&'static str, String)>, String> {
    Ok(vec![("tip_to_tail.svg", tip_to_tail(f)?), ("span.svg", span(f)?), ("iris_means.svg", iris_means(iris, m))])
}

/// `cargo learn demo 1`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let iris = Iris::load(data)?;
    let m = means(f, &iris)?;
    Ok(Output { text: report(&iris, &m), figures: figures(f, &iris, &m)? })
}

fn pair(v: &[f64], what: &str) -> Result<[f64; 2], String> {
    expect_len(what, v, 2)?;
    Ok([v[0], v[1]])
}

/// u + w drawn tip to tail, both ways round: the parallelogram of addition.
fn tip_to_tail(f: &Functions) -> Result<String, String> {
    let (u, w) = ([1.0, 3.0], [3.0, -1.0]);
    let sum = pair(&(f.add)(&u, &w), "add")?;
    let other = pair(&(f.add)(&w, &u), "add")?;
    let mut p = Panel::square("Tip to tail: u + w = w + u", 440.0, (-1.0, 6.5), (-2.0, 4.0));
    p.axes("first coordinate", "second coordinate", 1.0, 1.0);
    p.arrow([0.0, 0.0], w, svg::ORANGE, true);
    p.arrow(w, other, svg::BLUE, true);
    p.arrow([0.0, 0.0], u, svg::BLUE, false);
    p.arrow(u, sum, svg::ORANGE, false);
    p.arrow([0.0, 0.0], sum, svg::GREEN, false);
    p.text(u, -30.0, -6.0, "u = (1, 3)", svg::BLUE);
    p.text(w, -10.0, 18.0, "w = (3, −1)", svg::ORANGE);
    p.text(sum, 6.0, 4.0, &format!("u + w = ({}, {})", sum[0], sum[1]), svg::GREEN);
    Ok(svg::figure(&[p]))
}

/// Random combinations of an independent pair fill the plane; of a dependent
/// pair they stay on a line.
fn span(f: &Functions) -> Result<String, String> {
    let pairs = [([2.0, 1.0], [-1.0, 1.0]), ([2.0, 1.0], [3.0, 1.5])];
    let mut panels = Vec::new();
    let mut random = Random::new(1);
    for (a, b) in pairs {
        let area = (f.signed_area)(a, b);
        let verdict = if (f.are_independent_2d)(a, b) { "independent" } else { "dependent" };
        let title = format!("a = ({}, {}), b = ({}, {}): area {area}, {verdict}", a[0], a[1], b[0], b[1]);
        let mut p = Panel::square(&title, 400.0, (-5.0, 5.0), (-5.0, 5.0));
        p.axes("first coordinate", "second coordinate", 1.0, 1.0);
        for _ in 0..400 {
            let c = [random.uniform(-1.5, 1.5), random.uniform(-1.5, 1.5)];
            let x = (f.linear_combination)(&c, &[a.to_vec(), b.to_vec()])
                .map_err(|e| format!("your `linear_combination` refused two vectors of length 2: {e}"))?;
            p.point(pair(&x, "linear_combination")?, 2.0, svg::GREY, 0.6);
        }
        p.arrow([0.0, 0.0], a, svg::BLUE, false);
        p.arrow([0.0, 0.0], b, svg::ORANGE, false);
        p.text(a, 4.0, 14.0, "a", svg::BLUE);
        p.text(b, 4.0, -6.0, "b", svg::ORANGE);
        panels.push(p);
    }
    Ok(svg::figure(&panels))
}

/// Petal length against petal width, by species, with the means marked.
fn iris_means(iris: &Iris, m: &Means) -> String {
    let (x, y) = (2, 3);
    let title = "Iris petals: each species' mean (×) and the overall mean (black)";
    let mut p = Panel::new(title, 560.0, 420.0, (0.5, 7.5), (0.0, 2.75));
    p.axes(&format!("{} (cm)", iris.feature_names[x]), &format!("{} (cm)", iris.feature_names[y]), 1.0, 0.5);
    for i in 0..iris.features.nrows() {
        let row = iris.features.row(i);
        p.point([row[x], row[y]], 3.0, svg::SERIES[iris.labels[i] % svg::SERIES.len()], 0.45);
    }
    for (s, mean) in m.species.iter().enumerate() {
        p.cross([mean[x], mean[y]], 14.0, svg::SERIES[s % svg::SERIES.len()]);
    }
    p.cross([m.overall[x], m.overall[y]], 14.0, svg::BLACK);
    p.text([m.overall[x], m.overall[y]], -95.0, 18.0, "overall mean", svg::BLACK);
    let legend: Vec<(&str, &str)> =
        iris.species.iter().enumerate().map(|(s, name)| (name.as_str(), svg::SERIES[s % svg::SERIES.len()])).collect();
    p.legend(&legend);
    svg::figure(&[p])
}
