//! Lesson 3, apply it: the forward pass of a dense layer, `Y = X Wᵀ + b`, on a
//! batch of handwritten digits with the learner's transpose and product,
//! compared entry by entry with nalgebra; the lesson's figures drawn with the
//! learner's matrix–vector product and constructors.

use std::fmt::Write;
use std::path::Path;

use vocab::{LinalgError, Matrix};

use crate::data::Digits;
use crate::svg::{self, Panel};
use crate::{Output, Random, expect_len};

/// `A x` for a matrix and a vector.
pub type MatVec = fn(&Matrix, &[f64]) -> Result<Vec<f64>, LinalgError>;
/// `A B` for two matrices.
pub type MatMul = fn(&Matrix, &Matrix) -> Result<Matrix, LinalgError>;

/// The learner's lesson 3 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub mat_vec: MatVec,
    pub mat_mul: MatMul,
    pub transpose: fn(&Matrix) -> Matrix,
    pub det2: fn(&Matrix) -> Result<f64, LinalgError>,
    pub rotation: fn(f64) -> Matrix,
    pub shear: fn(f64) -> Matrix,
    pub reflection: fn(f64) -> Matrix,
}

/// How many images the batch holds, and how many outputs the layer has.
pub const BATCH: usize = 256;
pub const OUTPUTS: usize = 10;

/// The layer's output and the same computation by nalgebra.
#[derive(Debug, Clone)]
pub struct Layer {
    /// `X Wᵀ + b`, by the learner's functions: `BATCH × OUTPUTS`.
    pub y: Matrix,
    /// The same by nalgebra.
    pub reference: Matrix,
    /// For each entry, the rounding bound `γ_64 Σ_k |x_ik| |w_jk| + u |b_j|`; its largest value.
    pub bound: f64,
}

/// The batch `X` (pixels scaled to [0, 1]), the weights `W` and the bias `b`.
pub fn inputs(digits: &Digits) -> (Matrix, Matrix, Vec<f64>) {
    let x = Matrix::from_fn(BATCH, 64, |i, j| digits.pixels[(i, j)] / 16.0);
    let mut random = Random::new(3);
    // Small random weights, as a layer starts its training: uniform in ±1/√64.
    let w = Matrix::from_fn(OUTPUTS, 64, |_, _| random.uniform(-0.125, 0.125));
    let b = (0..OUTPUTS).map(|_| random.uniform(-0.1, 0.1)).collect();
    (x, w, b)
}

/// The forward pass with the learner's `transpose` and `mat_mul`, then the bias
/// added to every row.
pub fn forward(f: &Functions, digits: &Digits) -> Result<Layer, String> {
    let (x, w, b) = inputs(digits);
    let wt = (f.transpose)(&w);
    if (wt.nrows(), wt.ncols()) != (64, OUTPUTS) {
        return Err(format!("your `transpose` of a 10 × 64 matrix is {} × {}", wt.nrows(), wt.ncols()));
    }
    let xw =
        (f.mat_mul)(&x, &wt).map_err(|e| format!("your `mat_mul` refused X ({BATCH} × 64) times Wᵀ (64 × 10): {e}"))?;
    if (xw.nrows(), xw.ncols()) != (BATCH, OUTPUTS) {
        return Err(format!("your `mat_mul` of {BATCH} × 64 by 64 × 10 is {} × {}", xw.nrows(), xw.ncols()));
    }
    for i in 0..BATCH {
        expect_len("mat_mul", xw.row(i), OUTPUTS)?;
    }
    let y = Matrix::from_fn(BATCH, OUTPUTS, |i, j| xw[(i, j)] + b[j]);
    let nx = nalgebra::DMatrix::from_fn(BATCH, 64, |i, j| x[(i, j)]);
    let nw = nalgebra::DMatrix::from_fn(OUTPUTS, 64, |i, j| w[(i, j)]);
    let nb = nalgebra::RowDVector::from_fn(OUTPUTS, |_, j| b[j]);
    let mut ny = &nx * nw.transpose();
    for mut row in ny.row_iter_mut() {
        row += &nb;
    }
    let reference = Matrix::from_fn(BATCH, OUTPUTS, |i, j| ny[(i, j)]);
    let u = f64::EPSILON / 2.0;
    let gamma = 64.0 * u / (1.0 - 64.0 * u);
    let mut bound: f64 = 0.0;
    for i in 0..BATCH {
        for j in 0..OUTPUTS {
            let size: f64 = (0..64).map(|k| (x[(i, k)] * w[(j, k)]).abs()).sum();
            bound = bound.max(2.0 * gamma * size + 2.0 * u * b[j].abs());
        }
    }
    Ok(Layer { y, reference, bound })
}

/// The printed report.
pub fn report(digits: &Digits, layer: &Layer) -> String {
    let mut t = String::new();
    let _ = writeln!(
        t,
        "Digits: {} images of 8 × 8 pixels. The batch: the first {BATCH}, one image per row of X\n\
         ({BATCH} × 64, pixel values / 16). A dense layer with {OUTPUTS} outputs: W is {OUTPUTS} × 64 and b has\n\
         {OUTPUTS} entries, small fixed pseudo-random numbers as at the start of training.\n",
        digits.pixels.nrows()
    );
    let y = &layer.y;
    let checksum: f64 = (0..y.nrows()).flat_map(|i| y.row(i).to_vec()).sum();
    let gap = (0..y.nrows())
        .flat_map(|i| (0..y.ncols()).map(move |j| (i, j)))
        .map(|(i, j)| (y[(i, j)] - layer.reference[(i, j)]).abs())
        .fold(0.0, f64::max);
    let _ = writeln!(t, "Y = X Wᵀ + b, with your transpose and mat_mul:   {} × {}", y.nrows(), y.ncols());
    let _ = writeln!(t, "checksum (the sum of all entries of Y):          {checksum:.10}");
    let _ = writeln!(t, "largest difference from nalgebra's X Wᵀ + b:     {gap:.1e}");
    let _ = writeln!(t, "rounding bound for that difference:              {:.1e}", layer.bound);
    let verdict = if gap <= layer.bound { "within the bound" } else { "OUTSIDE the bound: look at your product" };
    let _ = writeln!(t, "→ {verdict}\n");
    let _ = writeln!(t, "The first three images and their {OUTPUTS} outputs (untrained, so not yet meaningful):");
    for i in 0..3 {
        let outputs: Vec<String> = y.row(i).iter().map(|v| format!("{v:>6.2}")).collect();
        let _ = writeln!(t, "  a {}: {}", digits.labels[i], outputs.join(""));
    }
    t
}

/// The lesson's figures, drawn with the learner's functions.
pub fn figures(f: &Functions) -> Result<Vec<(&'static str, String)>, String> {
    Ok(vec![
        ("grid_and_circle.svg", grid_and_circle(f)?),
        ("composition.svg", composition(f)?),
        ("orientation.svg", orientation(f)?),
    ])
}

/// `cargo learn demo 3`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let digits = Digits::load(data)?;
    let layer = forward(f, &digits)?;
    Ok(Output { text: report(&digits, &layer), figures: figures(f)? })
}

/// `A x` for a point of the plane, by the learner's product.
fn apply(f: &Functions, a: &Matrix, p: [f64; 2]) -> Result<[f64; 2], String> {
    let v = (f.mat_vec)(a, &p).map_err(|e| format!("your `mat_vec` refused a 2 × 2 matrix and a point: {e}"))?;
    expect_len("mat_vec", &v, 2)?;
    Ok([v[0], v[1]])
}

/// `A_k ⋯ A_2 A_1 x`: the maps applied in turn, each by the learner's product.
fn apply_all(f: &Functions, maps: &[&Matrix], p: [f64; 2]) -> Result<[f64; 2], String> {
    maps.iter().try_fold(p, |q, a| apply(f, a, q))
}

/// The unit grid, the unit circle and the basis vectors, moved by the maps in turn.
fn draw_maps(f: &Functions, p: &mut Panel, maps: &[&Matrix], colour: &str) -> Result<(), String> {
    let a = |q| apply_all(f, maps, q);
    for k in -2..=2 {
        let k = k as f64;
        for (from, to) in [([k, -2.0], [k, 2.0]), ([-2.0, k], [2.0, k])] {
            let line: Vec<[f64; 2]> = (0..=20)
                .map(|s| {
                    let t = s as f64 / 20.0;
                    a([from[0] + t * (to[0] - from[0]), from[1] + t * (to[1] - from[1])])
                })
                .collect::<Result<_, _>>()?;
            p.polyline(&line, "#cccccc");
        }
    }
    let circle: Vec<[f64; 2]> = (0..360)
        .map(|d| a([(d as f64).to_radians().cos(), (d as f64).to_radians().sin()]))
        .collect::<Result<_, _>>()?;
    p.polygon(&circle, colour);
    p.arrow([0.0, 0.0], a([1.0, 0.0])?, svg::BLUE, false);
    p.arrow([0.0, 0.0], a([0.0, 1.0])?, svg::ORANGE, false);
    Ok(())
}

/// A 2 × 2 matrix as `[[a, b], [c, d]]`; entries within 1e-12 of an integer
/// print as that integer, so a rotation by 90° shows its 0s, not 6e-17.
fn matrix_label(a: &Matrix) -> String {
    let e = |i, j| {
        let v: f64 = a[(i, j)];
        let near = v.round();
        let text = if (v - near).abs() <= 1e-12 { format!("{:.0}", near + 0.0) } else { format!("{v:.2}") };
        text.replace('-', "−")
    };
    format!("[[{}, {}], [{}, {}]]", e(0, 0), e(0, 1), e(1, 0), e(1, 1))
}

/// The unit grid and circle, and their images under A = [[2, 1], [0.5, 1.5]].
fn grid_and_circle(f: &Functions) -> Result<String, String> {
    let a = Matrix::from_rows(&[vec![2.0, 1.0], vec![0.5, 1.5]]);
    let det = (f.det2)(&a).map_err(|e| format!("your `det2` refused a 2 × 2 matrix: {e}"))?;
    let mut before = Panel::square("Before: the unit grid and circle", 400.0, (-3.5, 3.5), (-3.5, 3.5));
    before.axes("", "", 1.0, 1.0);
    draw_maps(f, &mut before, &[], svg::GREEN)?;
    let title = format!("After A = {}: det {det}", matrix_label(&a));
    let mut after = Panel::square(&title, 400.0, (-3.5, 3.5), (-3.5, 3.5));
    after.axes("", "", 1.0, 1.0);
    draw_maps(f, &mut after, &[&a], svg::GREEN)?;
    Ok(svg::figure(&[before, after]))
}

/// x, then B x (a shear), then A (B x) (a rotation), and (A B) x in one step.
fn composition(f: &Functions) -> Result<String, String> {
    let b = (f.shear)(1.0);
    let a = (f.rotation)(std::f64::consts::FRAC_PI_2);
    let ab = (f.mat_mul)(&a, &b).map_err(|e| format!("your `mat_mul` refused two 2 × 2 matrices: {e}"))?;
    let steps: [(String, Vec<&Matrix>, &str); 4] = [
        ("x: the unit grid".to_string(), vec![], svg::GREEN),
        (format!("B x, B = shear {}", matrix_label(&b)), vec![&b], svg::GREEN),
        (format!("A (B x), A = rotation {}", matrix_label(&a)), vec![&b, &a], svg::GREEN),
        (format!("(A B) x in one step, A B = {}", matrix_label(&ab)), vec![&ab], svg::PURPLE),
    ];
    let mut panels = Vec::new();
    for (title, maps, colour) in steps {
        let mut p = Panel::square(&title, 360.0, (-3.0, 3.0), (-3.0, 3.0));
        p.axes("", "", 1.0, 1.0);
        draw_maps(f, &mut p, &maps, colour)?;
        panels.push(p);
    }
    Ok(svg::figure(&panels))
}

/// A letter F before and after a reflection: the determinant's sign is the orientation.
fn orientation(f: &Functions) -> Result<String, String> {
    let letter = [
        [0.0, 0.0],
        [0.0, 2.0],
        [1.2, 2.0],
        [1.2, 1.6],
        [0.4, 1.6],
        [0.4, 1.2],
        [1.0, 1.2],
        [1.0, 0.8],
        [0.4, 0.8],
        [0.4, 0.0],
    ];
    let maps = [
        ("the identity", Matrix::identity(2)),
        ("a rotation by 60°", (f.rotation)(std::f64::consts::FRAC_PI_3)),
        ("a reflection across the 60° line", (f.reflection)(std::f64::consts::FRAC_PI_3)),
    ];
    let mut panels = Vec::new();
    for (name, m) in maps {
        let det = (f.det2)(&m).map_err(|e| format!("your `det2` refused a 2 × 2 matrix: {e}"))?;
        let title = format!("{name}: det {det:.2}").replace('-', "−");
        let mut p = Panel::square(&title, 340.0, (-2.5, 2.5), (-2.5, 2.5));
        p.axes("", "", 1.0, 1.0);
        let image: Vec<[f64; 2]> = letter.iter().map(|&q| apply(f, &m, q)).collect::<Result<_, _>>()?;
        p.polygon(&image, if det < 0.0 { svg::RED } else { svg::BLUE });
        p.arrow([0.0, 0.0], apply(f, &m, [1.0, 0.0])?, svg::BLUE, false);
        p.arrow([0.0, 0.0], apply(f, &m, [0.0, 1.0])?, svg::ORANGE, false);
        panels.push(p);
    }
    Ok(svg::figure(&panels))
}
