//! Lesson 12, apply it: PCA with the learner's functions on iris, wine (raw
//! and standardized) and digits; ridge through the learner's SVD on the
//! diabetes data beside lesson 6's normal-equations ridge; and the learner's
//! linear layer trained on digits, on all 64 pixels and on 20 principal
//! components, judged on held-out images that no fitted step has seen. The
//! figures: iris on two components, explained-variance curves, the first
//! components of digits as images, the training loss.

use std::fmt::Write;
use std::path::Path;

use vocab::{Layer, LinalgError, Matrix, Pca, Svd};

use crate::Output;
use crate::data::{Digits, Iris, Wine};
use crate::lesson06::{LAMBDAS, RidgeFn, Standardizer, split};
use crate::reference::refused;
use crate::svg::{self, Panel};

/// `standardize(x)`: the learner's `(Z, means, standard deviations)`.
pub type StandardizeFn = fn(&Matrix) -> Result<(Matrix, Vec<f64>, Vec<f64>), LinalgError>;

/// `train(layer, x, labels, η, steps)`: the learner's `(trained layer, loss history)`.
pub type TrainFn = fn(&Layer, &Matrix, &[usize], f64, usize) -> Result<(Layer, Vec<f64>), LinalgError>;

/// The learner's functions the demo runs (lesson 12, lesson 11's SVD and lesson 6's ridge).
#[derive(Clone, Copy)]
pub struct Functions {
    pub standardize: StandardizeFn,
    pub pca: fn(&Matrix, usize) -> Result<Pca, LinalgError>,
    pub project: fn(&Pca, &Matrix) -> Result<Matrix, LinalgError>,
    pub jacobi_svd: fn(&Matrix) -> Result<Svd, LinalgError>,
    pub filter_factors: fn(&[f64], f64) -> Vec<f64>,
    pub ridge_svd: RidgeFn,
    /// Lesson 6's `ridge`, by the normal equations.
    pub ridge: RidgeFn,
    pub forward: fn(&Layer, &Matrix) -> Result<Matrix, LinalgError>,
    pub train: TrainFn,
}

fn expect_len(what: &str, v: &[f64], n: usize) -> Result<(), String> {
    crate::expect_len(what, v, n)
}

fn expect_shape(what: &str, m: &Matrix, shape: (usize, usize)) -> Result<(), String> {
    if m.shape() != shape {
        return Err(format!(
            "your `{what}` returned a {} × {} matrix where a {} × {} one was expected",
            m.nrows(),
            m.ncols(),
            shape.0,
            shape.1
        ));
    }
    if let Some(x) = m.as_slice().iter().find(|x| !x.is_finite()) {
        return Err(format!("your `{what}` returned {x}, where every number should be finite"));
    }
    Ok(())
}

// ---------------------------------------------------------------- PCA

/// The learner's PCA of `data` with `k` components, its shapes checked.
pub fn learner_pca(f: &Functions, data: &Matrix, k: usize) -> Result<Pca, String> {
    let d = data.ncols();
    let p = (f.pca)(data, k).map_err(|e| refused("pca", &e))?;
    expect_len("pca", &p.mean, d)?;
    expect_shape("pca", &p.components, (k, d))?;
    expect_len("pca", &p.explained_variance, k)?;
    expect_len("pca", &p.explained_variance_ratio, k)?;
    Ok(p)
}

/// The learner's scores of `data` on the components of `p`.
fn learner_project(f: &Functions, p: &Pca, data: &Matrix) -> Result<Matrix, String> {
    let z = (f.project)(p, data).map_err(|e| refused("project", &e))?;
    expect_shape("project", &z, (data.nrows(), p.components.nrows()))?;
    Ok(z)
}

/// The learner's standardization of `data`.
fn learner_standardize(f: &Functions, data: &Matrix) -> Result<(Matrix, Scaling), String> {
    let (z, mean, sd) = (f.standardize)(data).map_err(|e| refused("standardize", &e))?;
    expect_shape("standardize", &z, data.shape())?;
    expect_len("standardize", &mean, data.ncols())?;
    expect_len("standardize", &sd, data.ncols())?;
    Ok((z, Scaling { mean, sd }))
}

/// Means and standard deviations fitted on one dataset, applied to another.
#[derive(Debug, Clone)]
pub struct Scaling {
    pub mean: Vec<f64>,
    pub sd: Vec<f64>,
}

impl Scaling {
    /// `(x − mean)/sd`; a column that was constant where it was fitted
    /// (sd = 0) carries no information there and becomes 0 everywhere.
    pub fn apply(&self, x: &Matrix) -> Matrix {
        Matrix::from_fn(x.nrows(), x.ncols(), |i, j| {
            if self.sd[j] > 0.0 { (x[(i, j)] - self.mean[j]) / self.sd[j] } else { 0.0 }
        })
    }
}

/// The PCAs the demo reports, every one with all its components.
#[derive(Debug, Clone)]
pub struct Analyses {
    pub iris: Pca,
    /// The iris flowers' scores on all four components, and their species.
    pub iris_scores: Matrix,
    pub iris_labels: Vec<usize>,
    pub species: Vec<String>,
    pub wine_raw: Pca,
    pub wine_standardized: Pca,
    pub wine_names: Vec<String>,
    pub digits: Pca,
    /// Pixels with the same value in every image.
    pub constant_pixels: usize,
}

pub fn analyses(f: &Functions, data: &Path) -> Result<Analyses, String> {
    let iris = Iris::load(data)?;
    let iris_pca = learner_pca(f, &iris.features, 4)?;
    let iris_scores = learner_project(f, &iris_pca, &iris.features)?;
    let wine = Wine::load(data)?;
    let d = wine.features.ncols();
    let wine_raw = learner_pca(f, &wine.features, d)?;
    let (z, _) = learner_standardize(f, &wine.features)?;
    let wine_standardized = learner_pca(f, &z, d)?;
    let digits = Digits::load(data)?;
    let digits_pca = learner_pca(f, &digits.pixels, digits.pixels.ncols())?;
    let constant_pixels = (0..digits.pixels.ncols())
        .filter(|&j| {
            let column = digits.pixels.column(j);
            column.iter().all(|&x| x == column[0])
        })
        .count();
    Ok(Analyses {
        iris: iris_pca,
        iris_scores,
        iris_labels: iris.labels,
        species: iris.species,
        wine_raw,
        wine_standardized,
        wine_names: wine.feature_names,
        digits: digits_pca,
        constant_pixels,
    })
}

/// The number of leading components whose ratios add up to at least `share`.
pub fn components_for(ratios: &[f64], share: f64) -> usize {
    let mut total = 0.0;
    for (i, r) in ratios.iter().enumerate() {
        total += r;
        if total >= share {
            return i + 1;
        }
    }
    ratios.len()
}

// ---------------------------------------------------------------- ridge

/// Ridge on demo 6's standardized diabetes training data, two ways.
#[derive(Debug, Clone)]
pub struct RidgeComparison {
    /// The learner's singular values of the standardized training design.
    pub s: Vec<f64>,
    pub runs: Vec<RidgeRow>,
}

#[derive(Debug, Clone)]
pub struct RidgeRow {
    pub lambda: f64,
    /// The learner's `filter_factors(s, λ)`.
    pub factors: Vec<f64>,
    /// The learner's `ridge_svd` and lesson 6 `ridge`.
    pub svd: Vec<f64>,
    pub normal: Vec<f64>,
}

impl RidgeRow {
    /// max |β_svd − β_normal|.
    pub fn gap(&self) -> f64 {
        self.svd.iter().zip(&self.normal).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max)
    }
}

/// The standardized training design (demo 6's split and scaling) and the centred target.
pub fn diabetes_design(data: &Path) -> Result<(Matrix, Vec<f64>), String> {
    let s = split(data)?;
    let z = Standardizer::fit(&s.x_train).apply(&s.x_train);
    let mean = s.y_train.iter().sum::<f64>() / s.y_train.len() as f64;
    Ok((z, s.y_train.iter().map(|y| y - mean).collect()))
}

pub fn ridge(f: &Functions, data: &Path) -> Result<RidgeComparison, String> {
    let (z, y) = diabetes_design(data)?;
    let p = z.ncols();
    let svd = (f.jacobi_svd)(&z).map_err(|e| refused("jacobi_svd", &e))?;
    expect_len("jacobi_svd", &svd.s, p)?;
    let mut runs = Vec::new();
    for &lambda in &LAMBDAS {
        let factors = (f.filter_factors)(&svd.s, lambda);
        expect_len("filter_factors", &factors, p)?;
        let by_svd = (f.ridge_svd)(&z, &y, lambda).map_err(|e| refused("ridge_svd", &e))?;
        expect_len("ridge_svd", &by_svd, p)?;
        let normal = (f.ridge)(&z, &y, lambda).map_err(|e| refused("ridge", &e))?;
        expect_len("ridge", &normal, p)?;
        runs.push(RidgeRow { lambda, factors, svd: by_svd, normal });
    }
    Ok(RidgeComparison { s: svd.s, runs })
}

// ---------------------------------------------------------------- the classifier

/// Every fifth image (4, 9, 14, …) is held out, as in demo 6.
pub fn held_out(i: usize) -> bool {
    i % 5 == 4
}

/// The largest difference between the two ridge routes, relative to the
/// largest coefficient, that the report calls agreement.
pub const RIDGE_AGREEMENT: f64 = 1e-9;

/// The number of principal components of the second classifier.
pub const COMPONENTS: usize = 20;
/// Gradient-descent steps and learning rate of both classifiers.
pub const STEPS: usize = 60;
pub const LEARNING_RATE: f64 = 1.0;

/// The digits split into a training part and a held-out part, in their file order.
#[derive(Debug, Clone)]
pub struct DigitsSplit {
    pub x_train: Matrix,
    pub y_train: Vec<usize>,
    pub x_test: Matrix,
    pub y_test: Vec<usize>,
}

pub fn digits_split(data: &Path) -> Result<DigitsSplit, String> {
    let digits = Digits::load(data)?;
    let (test, train): (Vec<usize>, Vec<usize>) = (0..digits.labels.len()).partition(|&i| held_out(i));
    let rows = |idx: &[usize]| Matrix::from_fn(idx.len(), 64, |i, j| digits.pixels[(idx[i], j)]);
    let labels = |idx: &[usize]| idx.iter().map(|&i| digits.labels[i]).collect::<Vec<_>>();
    Ok(DigitsSplit { x_train: rows(&train), y_train: labels(&train), x_test: rows(&test), y_test: labels(&test) })
}

/// One classifier: its features, its training and its scores.
#[derive(Debug, Clone)]
pub struct Classifier {
    pub name: &'static str,
    /// The features the layer sees, training and held-out parts.
    pub x_train: Matrix,
    pub x_test: Matrix,
    pub layer: Layer,
    /// The learner's loss history, `STEPS + 1` entries.
    pub history: Vec<f64>,
    pub test_loss: f64,
    pub train_accuracy: f64,
    pub test_accuracy: f64,
}

/// The mean cross-entropy of `logits` for `labels`, by log-sum-exp.
pub fn mean_cross_entropy(logits: &Matrix, labels: &[usize]) -> f64 {
    let total: f64 = (0..logits.nrows())
        .map(|i| {
            let row = logits.row(i);
            let top = row.iter().fold(f64::NEG_INFINITY, |m, &z| m.max(z));
            top + row.iter().map(|z| (z - top).exp()).sum::<f64>().ln() - row[labels[i]]
        })
        .sum();
    total / logits.nrows() as f64
}

/// The class with the largest logit in each row (the first one on a tie).
pub fn predictions(logits: &Matrix) -> Vec<usize> {
    (0..logits.nrows())
        .map(|i| {
            let row = logits.row(i);
            (0..row.len()).fold(0, |best, c| if row[c] > row[best] { c } else { best })
        })
        .collect()
}

fn accuracy(predicted: &[usize], labels: &[usize]) -> f64 {
    predicted.iter().zip(labels).filter(|(p, l)| p == l).count() as f64 / labels.len() as f64
}

fn learner_logits(f: &Functions, layer: &Layer, x: &Matrix) -> Result<Matrix, String> {
    let z = (f.forward)(layer, x).map_err(|e| refused("forward", &e))?;
    expect_shape("forward", &z, (x.nrows(), layer.bias.len()))?;
    Ok(z)
}

/// Train a layer from W = 0, b = 0 on `x_train` and score it on both parts.
pub fn classify(
    f: &Functions,
    name: &'static str,
    x_train: Matrix,
    x_test: Matrix,
    s: &DigitsSplit,
) -> Result<Classifier, String> {
    let start = Layer { weights: Matrix::zeros(10, x_train.ncols()), bias: vec![0.0; 10] };
    let (layer, history) =
        (f.train)(&start, &x_train, &s.y_train, LEARNING_RATE, STEPS).map_err(|e| refused("train", &e))?;
    expect_len("train", &history, STEPS + 1)?;
    expect_shape("train", &layer.weights, start.weights.shape())?;
    expect_len("train", &layer.bias, 10)?;
    let train_logits = learner_logits(f, &layer, &x_train)?;
    let test_logits = learner_logits(f, &layer, &x_test)?;
    Ok(Classifier {
        name,
        test_loss: mean_cross_entropy(&test_logits, &s.y_test),
        train_accuracy: accuracy(&predictions(&train_logits), &s.y_train),
        test_accuracy: accuracy(&predictions(&test_logits), &s.y_test),
        x_train,
        x_test,
        layer,
        history,
    })
}

/// Both classifiers. Every fitted step (means, deviations, components) sees
/// the training part only; the held-out part is transformed with them.
#[derive(Debug, Clone)]
pub struct Classifiers {
    pub split: DigitsSplit,
    /// The share of the training variance the components keep.
    pub kept: f64,
    pub pixels: Classifier,
    pub components: Classifier,
}

pub fn classifiers(f: &Functions, data: &Path) -> Result<Classifiers, String> {
    let s = digits_split(data)?;
    // All 64 pixels, standardized with the training means and deviations.
    let (z_train, scaling) = learner_standardize(f, &s.x_train)?;
    let pixels = classify(f, "64 standardized pixels", z_train, scaling.apply(&s.x_test), &s)?;
    // 20 principal components of the training pixels, scores standardized the same way.
    let p = learner_pca(f, &s.x_train, COMPONENTS)?;
    let kept = p.explained_variance_ratio.iter().sum();
    let scores_train = learner_project(f, &p, &s.x_train)?;
    let scores_test = learner_project(f, &p, &s.x_test)?;
    let (w_train, scaling) = learner_standardize(f, &scores_train)?;
    let components = classify(f, "20 principal components", w_train, scaling.apply(&scores_test), &s)?;
    Ok(Classifiers { split: s, kept, pixels, components })
}

// ---------------------------------------------------------------- the report

pub struct Results {
    pub analyses: Analyses,
    pub ridge: RidgeComparison,
    pub classifiers: Classifiers,
}

pub fn results(f: &Functions, data: &Path) -> Result<Results, String> {
    Ok(Results { analyses: analyses(f, data)?, ridge: ridge(f, data)?, classifiers: classifiers(f, data)? })
}

/// The first `count` ratios and their running sum, as two aligned rows.
fn ratio_rows(t: &mut String, ratios: &[f64], count: usize) {
    let count = count.min(ratios.len());
    let head: String = (1..=count).map(|i| format!("{i:>8}")).collect();
    let _ = writeln!(t, "    {:<12}{head}", "component");
    let shares: String = ratios[..count].iter().map(|r| format!("{r:>8.4}")).collect();
    let _ = writeln!(t, "    {:<12}{shares}", "ratio");
    let sums: String = ratios[..count]
        .iter()
        .scan(0.0, |acc, r| {
            *acc += r;
            Some(format!("{acc:>8.4}"))
        })
        .collect();
    let _ = writeln!(t, "    {:<12}{sums}", "cumulative");
}

pub fn report(r: &Results) -> String {
    let mut t = String::new();
    let a = &r.analyses;
    let _ = writeln!(t, "Lesson 12: PCA, low rank and the capstone — apply it\n");
    let _ = writeln!(t, "PCA with your pca (the SVD of the centred data by your jacobi_svd): the share of the");
    let _ = writeln!(t, "variance σᵢ²/Σσⱼ² along each principal component.\n");
    let _ = writeln!(t, "  Iris, 150 flowers × 4 measurements (all in cm):");
    ratio_rows(&mut t, &a.iris.explained_variance_ratio, 4);
    let v: Vec<String> = a.iris.explained_variance.iter().map(|x| format!("{x:.4}")).collect();
    let _ = writeln!(t, "    variances σᵢ²/(n − 1): {} (cm²)", v.join(", "));
    let _ = writeln!(t, "\n  Wine, 178 wines × 13 measurements in their own units, raw:");
    ratio_rows(&mut t, &a.wine_raw.explained_variance_ratio, 5);
    let first = a.wine_raw.components.row(0);
    let j = (0..first.len()).fold(0, |b, j| if first[j].abs() > first[b].abs() { j } else { b });
    let _ = writeln!(
        t,
        "    component 1 points along {} (loading {:.4}): the column with the largest numbers wins",
        a.wine_names[j],
        first[j].abs()
    );
    let _ = writeln!(t, "  the same wines standardized (your standardize: every column with variance 1):");
    ratio_rows(&mut t, &a.wine_standardized.explained_variance_ratio, 5);
    let ws = &a.wine_standardized.explained_variance_ratio;
    let _ = writeln!(
        t,
        "    {} components for 80% of the variance, {} for 90%, {} for 95%",
        components_for(ws, 0.8),
        components_for(ws, 0.9),
        components_for(ws, 0.95)
    );
    let _ = writeln!(t, "\n  Digits, 1797 images × 64 pixels:");
    let dr = &a.digits.explained_variance_ratio;
    ratio_rows(&mut t, dr, 8);
    let _ = writeln!(
        t,
        "    {} components for 80% of the variance, {} for 90%, {} for 95%; {} pixels never vary",
        components_for(dr, 0.8),
        components_for(dr, 0.9),
        components_for(dr, 0.95),
        a.constant_pixels
    );

    let g = &r.ridge;
    let _ =
        writeln!(t, "\nRidge through the SVD on diabetes (demo 6: the 354 training patients, features standardized,");
    let _ = writeln!(t, "y centred), your ridge_svd beside your lesson-6 ridge (normal equations):");
    let s: Vec<String> = g.s.iter().map(|x| format!("{x:.2}")).collect();
    let _ = writeln!(t, "  singular values of the 354 × 10 design: {}", s.join(", "));
    let _ = writeln!(t, "  {:>8} {:>9} {:>10} {:>10} {:>22}", "λ", "‖β‖₂", "f₁", "f₁₀", "max |svd − normal|");
    for run in &g.runs {
        let norm = run.svd.iter().map(|b| b * b).sum::<f64>().sqrt();
        let last = run.factors.len() - 1;
        let _ = writeln!(
            t,
            "  {:>8} {:>9.2} {:>10.6} {:>10.6} {:>22.1e}",
            run.lambda,
            norm,
            run.factors[0],
            run.factors[last],
            run.gap()
        );
    }
    let _ = writeln!(t, "  (filter factors fᵢ = σᵢ²/(σᵢ² + λ), your filter_factors: λ shrinks the smallest σ first)");
    // Relative to the size of the solution; κ₂(ZᵀZ) ≈ 5·10² leaves both routes 12 digits or more.
    let (worst_lambda, worst) = g
        .runs
        .iter()
        .map(|run| (run.lambda, run.gap() / run.normal.iter().fold(0.0, |m: f64, b| m.max(b.abs()))))
        .fold((0.0, 0.0), |w, x| if x.1 > w.1 { x } else { w });
    if worst <= RIDGE_AGREEMENT {
        let _ = writeln!(t, "  The two routes agree at every λ, to {worst:.0e} of the largest coefficient or better.");
    } else {
        let _ = writeln!(
            t,
            "  The two routes DISAGREE at λ = {worst_lambda} ({worst:.1e} of the largest coefficient): compare your\n  \
             ridge_svd with x = Σ fᵢ (uᵢᵀb/σᵢ) vᵢ, term by term."
        );
    }

    let c = &r.classifiers;
    let _ = writeln!(t, "\nA linear layer on the digits: logits Z = XWᵀ + b, softmax cross-entropy, your train.");
    let _ = writeln!(
        t,
        "  {} images to train on, {} held out (every fifth). The standardization and the PCA are",
        c.split.y_train.len(),
        c.split.y_test.len()
    );
    let _ = writeln!(t, "  fitted on the training images only; the held-out images are transformed with the training");
    let _ = writeln!(t, "  means, deviations and components, so nothing about them leaks into the model.");
    let _ = writeln!(
        t,
        "  W = 0 and b = 0 at the start (loss ln 10 = {:.4}; the loss is convex, so no random start is needed),",
        10f64.ln()
    );
    let _ = writeln!(t, "  {STEPS} full-batch gradient-descent steps with η = {LEARNING_RATE}.");
    let head = format!("  {:<26} {:>7}   {:^21}   {:^21}", "", "", "mean cross-entropy", "accuracy");
    let _ = writeln!(t, "{}", head.trim_end());
    let _ = writeln!(
        t,
        "  {:<26} {:>7}   {:>10} {:>10}   {:>10} {:>10}",
        "features", "inputs", "training", "held out", "training", "held out"
    );
    for k in [&c.pixels, &c.components] {
        let _ = writeln!(
            t,
            "  {:<26} {:>7}   {:>10.4} {:>10.4}   {:>9.1}% {:>9.1}%",
            k.name,
            k.x_train.ncols(),
            k.history[STEPS],
            k.test_loss,
            100.0 * k.train_accuracy,
            100.0 * k.test_accuracy
        );
    }
    let _ = writeln!(
        t,
        "  ({COMPONENTS} components keep {:.1}% of the training variance with {:.0}% of the inputs)",
        100.0 * c.kept,
        100.0 * COMPONENTS as f64 / 64.0
    );
    for k in [&c.pixels, &c.components] {
        if let Some(step) = k.history.windows(2).position(|w| w[1] > w[0]) {
            let _ = writeln!(
                t,
                "  With the {}, the training loss ROSE at step {}: does your gradient_step subtract η times the gradient,\n  \
                 and does your gradients divide by the number of images?",
                k.name,
                step + 1
            );
        }
    }
    t
}

/// The report and the figures of [`results`].
pub fn present(r: &Results) -> Output {
    let figures = vec![
        ("pca_iris.svg", iris_figure(&r.analyses)),
        ("explained_variance.svg", variance_figure(&r.analyses)),
        ("digits_components.svg", components_figure(&r.analyses.digits)),
        ("training_loss.svg", loss_figure(&r.classifiers)),
    ];
    Output { text: report(r), figures }
}

/// What `cargo learn demo 12` prints before it starts: three SVDs and two
/// trainings take a while in a debug build.
pub const WORKING: &str =
    "PCA of iris, wine and digits, ridge on diabetes, two linear layers trained on digits (up to half a minute)…\n";

/// Run each of the learner's functions once on tiny inputs, so that a
/// missing one is reported before the long computation starts.
pub fn probe(f: &Functions) -> Result<(), String> {
    let x = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 5.0], vec![4.0, 4.0]]);
    let y = [1.0, 0.0, 2.0];
    learner_standardize(f, &x)?;
    let p = learner_pca(f, &x, 1)?;
    learner_project(f, &p, &x)?;
    let svd = (f.jacobi_svd)(&x).map_err(|e| refused("jacobi_svd", &e))?;
    expect_len("filter_factors", &(f.filter_factors)(&svd.s, 1.0), svd.s.len())?;
    expect_len("ridge_svd", &(f.ridge_svd)(&x, &y, 1.0).map_err(|e| refused("ridge_svd", &e))?, 2)?;
    expect_len("ridge", &(f.ridge)(&x, &y, 1.0).map_err(|e| refused("ridge", &e))?, 2)?;
    let layer = Layer { weights: Matrix::zeros(2, 2), bias: vec![0.0; 2] };
    learner_logits(f, &layer, &x)?;
    (f.train)(&layer, &x, &[0, 1, 1], 0.1, 1).map_err(|e| refused("train", &e))?;
    Ok(())
}

/// `cargo learn demo 12`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    Ok(present(&results(f, data)?))
}

// ---------------------------------------------------------------- figures

fn percent(r: f64) -> String {
    format!("{:.1}%", 100.0 * r)
}

/// The iris flowers on their first two principal components, by species.
fn iris_figure(a: &Analyses) -> String {
    let s = &a.iris_scores;
    let (mut lo, mut hi) = ([f64::INFINITY; 2], [f64::NEG_INFINITY; 2]);
    for i in 0..s.nrows() {
        for c in 0..2 {
            lo[c] = lo[c].min(s[(i, c)]);
            hi[c] = hi[c].max(s[(i, c)]);
        }
    }
    let r = &a.iris.explained_variance_ratio;
    let title = "Iris on its first two principal components";
    let mut p = Panel::square(title, 560.0, (lo[0] - 0.3, hi[0] + 0.3), (lo[1] - 0.3, hi[1] + 0.3));
    p.axes(
        &format!("component 1 ({} of the variance), cm", percent(r[0])),
        &format!("component 2 ({}), cm", percent(r[1])),
        1.0,
        1.0,
    );
    let colours = [svg::BLUE, svg::ORANGE, svg::GREEN];
    let legend: Vec<(&str, &str)> = a.species.iter().map(String::as_str).zip(colours).collect();
    p.legend(&legend);
    for i in 0..s.nrows() {
        p.point([s[(i, 0)], s[(i, 1)]], 3.5, colours[a.iris_labels[i] % 3], 0.75);
    }
    svg::figure(&[p])
}

/// Cumulative explained variance against the number of components: wine raw
/// and standardized; digits.
fn variance_figure(a: &Analyses) -> String {
    let cumulative = |ratios: &[f64]| -> Vec<[f64; 2]> {
        let mut acc = 0.0;
        std::iter::once([0.0, 0.0])
            .chain(ratios.iter().enumerate().map(|(i, r)| {
                acc += r;
                [(i + 1) as f64, acc]
            }))
            .collect()
    };
    let mut wine = Panel::new("Wine: cumulative explained variance", 460.0, 380.0, (0.0, 13.0), (0.0, 1.05));
    wine.axes("number of components", "share of the variance", 1.0, 0.2);
    wine.legend(&[("raw", svg::RED), ("standardized", svg::BLUE)]);
    for (pca, colour) in [(&a.wine_raw, svg::RED), (&a.wine_standardized, svg::BLUE)] {
        let points = cumulative(&pca.explained_variance_ratio);
        wine.curve(&points, colour);
        for at in &points[1..] {
            wine.point(*at, 3.0, colour, 1.0);
        }
    }
    let mut digits = Panel::new("Digits: explained variance", 520.0, 380.0, (0.0, 64.0), (0.0, 1.05));
    digits.axes("number of components", "share of the variance", 8.0, 0.2);
    digits.legend(&[("cumulative", svg::BLUE), ("each component", svg::ORANGE), ("90%", svg::GREY)]);
    let r = &a.digits.explained_variance_ratio;
    digits.line([0.0, 0.9], [64.0, 0.9], svg::GREY, true);
    let k90 = components_for(r, 0.9) as f64;
    digits.line([k90, 0.0], [k90, 0.9], svg::GREY, true);
    digits.text([k90, 0.0], 4.0, -6.0, &format!("{k90}"), svg::GREY);
    digits.curve(&cumulative(r), svg::BLUE);
    let each: Vec<[f64; 2]> = r.iter().enumerate().map(|(i, x)| [(i + 1) as f64, *x]).collect();
    digits.curve(&each, svg::ORANGE);
    svg::figure(&[wine, digits])
}

/// A colour between blue (−1), white (0) and red (+1).
fn diverging(t: f64) -> String {
    let t = t.clamp(-1.0, 1.0);
    let (r, g, b) =
        if t >= 0.0 { (1.0, 1.0 - 0.75 * t, 1.0 - 0.85 * t) } else { (1.0 + 0.9 * t, 1.0 + 0.6 * t, 1.0 + 0.3 * t) };
    let byte = |x: f64| (255.0 * x).round() as u8;
    format!("#{:02x}{:02x}{:02x}", byte(r), byte(g), byte(b))
}

/// The mean digit and the first seven components, each as an 8 × 8 image
/// (components in blue for negative and red for positive weights).
fn components_figure(p: &Pca) -> String {
    let mut panels = Vec::new();
    let image = |title: &str, caption: &str, colour: &dyn Fn(f64) -> String, values: &[f64]| {
        // A square plot area: the panel adds 68 px across and 94 px down.
        let mut panel = Panel::new(title, 180.0, 206.0, (0.0, 8.0), (0.0, 8.0));
        for (k, &v) in values.iter().enumerate() {
            let (row, col) = (k / 8, k % 8);
            let (x, y) = (col as f64, (7 - row) as f64);
            panel.rect((x, x + 1.0), (y, y + 1.0), &colour(v));
        }
        panel.text([0.0, 0.0], 0.0, 18.0, caption, svg::BLACK);
        panel
    };
    let top = p.mean.iter().fold(0.0, |m: f64, v| m.max(*v));
    let gray = |v: f64| {
        let level = (255.0 * (1.0 - v / top)).round() as u8;
        format!("#{level:02x}{level:02x}{level:02x}")
    };
    panels.push(image("the mean digit", &format!("white 0, black {top:.1}"), &gray, &p.mean));
    for c in 0..7.min(p.components.nrows()) {
        let row = p.components.row(c);
        let scale = row.iter().fold(0.0, |m: f64, v| m.max(v.abs()));
        let colour = move |v: f64| diverging(v / scale);
        let caption = format!("{} of the variance", percent(p.explained_variance_ratio[c]));
        panels.push(image(&format!("component {}", c + 1), &caption, &colour, row));
    }
    svg::figure(&panels)
}

/// The training loss of both classifiers against the step.
fn loss_figure(c: &Classifiers) -> String {
    let top = c.pixels.history[0].max(c.components.history[0]);
    let mut p = Panel::new(
        "Training loss of the linear layer on the digits",
        620.0,
        400.0,
        (0.0, STEPS as f64),
        (0.0, (top * 1.05 * 2.0).ceil() / 2.0),
    );
    p.axes("gradient-descent step", "mean cross-entropy (training images)", 10.0, 0.5);
    p.legend(&[(c.pixels.name, svg::BLUE), (c.components.name, svg::ORANGE)]);
    for (k, colour) in [(&c.pixels, svg::BLUE), (&c.components, svg::ORANGE)] {
        let points: Vec<[f64; 2]> = k.history.iter().enumerate().map(|(i, l)| [i as f64, *l]).collect();
        p.curve(&points, colour);
        p.point([STEPS as f64, k.test_loss], 4.0, colour, 1.0);
    }
    p.text([STEPS as f64, c.pixels.test_loss.max(c.components.test_loss)], -70.0, -10.0, "held out", svg::BLACK);
    svg::figure(&[p])
}
