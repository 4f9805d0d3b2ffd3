//! Lesson 11, apply it: the camera image compressed to ranks 5, 20 and 50
//! with the learner's SVD, each error checked against Eckart–Young with the
//! learner's singular values and with nalgebra's; the reconstructions written
//! as PGM files; and the figures (the unit circle through V ᵀ, Σ and U, the
//! singular values of the image, the image at several ranks).

use std::fmt::Write;
use std::path::Path;

use nalgebra::DMatrix;
use vocab::{LinalgError, Matrix, Svd};

use crate::Output;
use crate::data::{Gray, pgm_bytes, to_byte, write_bytes};
use crate::lesson05::digits;
use crate::reference::refused;
use crate::svg::{self, Panel};

/// `jacobi_svd(a)`: the learner's thin SVD `A = U Σ Vᵀ`.
pub type SvdFn = fn(&Matrix) -> Result<Svd, LinalgError>;

/// The learner's lesson 11 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub jacobi_svd: SvdFn,
    /// `truncate(svd, k)`: `U_k Σ_k V_kᵀ`, the first k terms σᵢ uᵢ vᵢᵀ.
    pub truncate: fn(&Svd, usize) -> Matrix,
    /// `eckart_young_error(s, k)`: `√(σ²_{k+1} + … )`, the norm of the dropped values.
    pub eckart_young_error: fn(&[f64], usize) -> f64,
}

/// The image the demo compresses, in `data/`.
pub const CAMERA: &str = "camera_256.pgm";

/// How many digits the measured error and Eckart–Young's prediction must
/// share for the report to say the theorem holds (a correct SVD gives 13 or more).
pub const AGREEMENT: f64 = 8.0;

/// The ranks the demo compresses to.
pub const RANKS: [usize; 3] = [5, 20, 50];

/// The learner's SVD of `a`, with its shape and its singular values checked
/// (thin: U m×k, k values non-increasing and ≥ 0, Vᵀ k×n, k = min(m, n)), so
/// that every later step can trust them.
pub fn learner_svd(f: &Functions, a: &Matrix) -> Result<Svd, String> {
    let (m, n) = a.shape();
    let k = m.min(n);
    let svd = (f.jacobi_svd)(a).map_err(|e| refused("jacobi_svd", &e))?;
    if svd.u.shape() != (m, k) || svd.s.len() != k || svd.vt.shape() != (k, n) {
        return Err(format!(
            "your `jacobi_svd` of a {m} × {n} matrix returned U {} × {}, {} singular values and Vᵀ {} × {}; \
             the thin SVD has U {m} × {k}, {k} values and Vᵀ {k} × {n}",
            svd.u.nrows(),
            svd.u.ncols(),
            svd.s.len(),
            svd.vt.nrows(),
            svd.vt.ncols()
        ));
    }
    crate::expect_len("jacobi_svd", &svd.s, k)?;
    if let Some(x) = svd.u.as_slice().iter().chain(svd.vt.as_slice()).find(|x| !x.is_finite()) {
        return Err(format!("your `jacobi_svd` returned {x} in U or Vᵀ, where every number should be finite"));
    }
    if let Some(i) = svd.s.iter().position(|&s| s < 0.0) {
        return Err(format!(
            "your `jacobi_svd` returned σ{i} = {:e} < 0; singular values are never negative",
            svd.s[i]
        ));
    }
    if let Some(i) = (1..k).find(|&i| svd.s[i] > svd.s[i - 1]) {
        return Err(format!(
            "your `jacobi_svd` returned σ{} = {:e} before σ{i} = {:e}: the singular values should come largest first",
            i - 1,
            svd.s[i - 1],
            svd.s[i]
        ));
    }
    Ok(svd)
}

/// ‖M‖_F.
fn frobenius(m: &Matrix) -> f64 {
    m.as_slice().iter().map(|x| x * x).sum::<f64>().sqrt()
}

/// ‖MᵀM − I‖_F for a matrix with orthonormal columns (rows of `m` summed as outer products).
fn orthonormality(m: &Matrix) -> f64 {
    let k = m.ncols();
    let mut gram = vec![0.0; k * k];
    for row in m.rows() {
        for (i, &a) in row.iter().enumerate() {
            for (g, &b) in gram[i * k..(i + 1) * k].iter_mut().zip(row) {
                *g += a * b;
            }
        }
    }
    (0..k * k)
        .map(|ij| {
            let d = gram[ij] - if ij / k == ij % k { 1.0 } else { 0.0 };
            d * d
        })
        .sum::<f64>()
        .sqrt()
}

/// `U Σ Vᵀ` from all the terms, summed row by row (the demo's own, to judge the learner's SVD).
fn rebuild(svd: &Svd) -> Matrix {
    let (m, n) = (svd.u.nrows(), svd.vt.ncols());
    let mut a = vec![0.0; m * n];
    for i in 0..m {
        let row = &mut a[i * n..(i + 1) * n];
        for l in 0..svd.s.len() {
            let c = svd.u[(i, l)] * svd.s[l];
            for (x, &v) in row.iter_mut().zip(svd.vt.row(l)) {
                *x += c * v;
            }
        }
    }
    Matrix::from_row_slice(m, n, &a)
}

/// The learner's rank-k truncation, with its shape and entries checked.
fn learner_truncate(f: &Functions, svd: &Svd, k: usize) -> Result<Matrix, String> {
    let (m, n) = (svd.u.nrows(), svd.vt.ncols());
    let a = (f.truncate)(svd, k);
    if a.shape() != (m, n) {
        return Err(format!(
            "your `truncate` of the SVD of a {m} × {n} matrix returned a {} × {} matrix",
            a.nrows(),
            a.ncols()
        ));
    }
    if let Some(x) = a.as_slice().iter().find(|x| !x.is_finite()) {
        return Err(format!("your `truncate` returned {x}, where every number should be finite"));
    }
    Ok(a)
}

/// The learner's `eckart_young_error`, checked to be a finite number ≥ 0.
fn learner_tail(f: &Functions, s: &[f64], k: usize) -> Result<f64, String> {
    let e = (f.eckart_young_error)(s, k);
    if !(e.is_finite() && e >= 0.0) {
        return Err(format!("your `eckart_young_error` returned {e} for k = {k}; a norm is finite and ≥ 0"));
    }
    Ok(e)
}

/// The camera image and the learner's SVD of it.
#[derive(Debug, Clone)]
pub struct Camera {
    pub image: Matrix,
    pub svd: Svd,
    /// nalgebra's `singular_values()` of the image (values only).
    pub reference: Vec<f64>,
    /// ‖A − UΣVᵀ‖_F / ‖A‖_F, ‖UᵀU − I‖_F and ‖VᵀV − I‖_F of the learner's SVD.
    pub backward: f64,
    pub orthogonality_u: f64,
    pub orthogonality_v: f64,
}

pub fn camera(f: &Functions, data: &Path) -> Result<Camera, String> {
    let image = Gray::load(data, CAMERA)?.pixels;
    let svd = learner_svd(f, &image)?;
    let na = DMatrix::from_row_slice(image.nrows(), image.ncols(), image.as_slice());
    let reference = na.singular_values().as_slice().to_vec();
    let rebuilt = rebuild(&svd);
    let diff = Matrix::from_fn(image.nrows(), image.ncols(), |i, j| image[(i, j)] - rebuilt[(i, j)]);
    let backward = frobenius(&diff) / frobenius(&image);
    let vt = &svd.vt;
    let v = Matrix::from_fn(vt.ncols(), vt.nrows(), |i, j| vt[(j, i)]);
    Ok(Camera {
        backward,
        orthogonality_u: orthonormality(&svd.u),
        orthogonality_v: orthonormality(&v),
        image,
        svd,
        reference,
    })
}

/// One compression of the image to rank `k`.
#[derive(Debug, Clone)]
pub struct Compression {
    pub k: usize,
    /// What U_k, Σ_k and V_k take to store, against the m·n pixels: k(m + n + 1)/(mn).
    pub storage: f64,
    /// ‖A − A_k‖_F / ‖A‖_F, measured on the reconstruction.
    pub error: f64,
    /// Eckart–Young's value √(Σ_{i>k} σᵢ²) / ‖A‖_F, with the learner's σ and with nalgebra's.
    pub predicted: f64,
    pub predicted_reference: f64,
    /// Peak signal-to-noise ratio of the written image against the original, in dB.
    pub psnr: f64,
    /// Pixels of A_k outside 0..=255, clipped when written.
    pub clipped: usize,
    pub image: Matrix,
}

pub fn compress(f: &Functions, c: &Camera, k: usize) -> Result<Compression, String> {
    let a = &c.image;
    let (m, n) = a.shape();
    let image = learner_truncate(f, &c.svd, k)?;
    let norm = frobenius(a);
    let diff = Matrix::from_fn(m, n, |i, j| a[(i, j)] - image[(i, j)]);
    let written: f64 =
        a.as_slice().iter().zip(image.as_slice()).map(|(&x, &y)| (x - f64::from(to_byte(y))).powi(2)).sum();
    let psnr = 10.0 * (255.0 * 255.0 / (written / (m * n) as f64)).log10();
    Ok(Compression {
        k,
        storage: (k * (m + n + 1)) as f64 / (m * n) as f64,
        error: frobenius(&diff) / norm,
        predicted: learner_tail(f, &c.svd.s, k)? / norm,
        predicted_reference: learner_tail(f, &c.reference, k)? / norm,
        psnr,
        clipped: image.as_slice().iter().filter(|&&x| !(-0.5..255.5).contains(&x)).count(),
        image,
    })
}

/// The file name of the rank-`k` reconstruction in the output folder.
pub fn pgm_name(k: usize) -> String {
    format!("camera_rank_{k:02}.pgm")
}

// ---------------------------------------------------------------- the report

pub fn report(c: &Camera, runs: &[Compression]) -> String {
    let mut t = String::new();
    let (m, n) = c.image.shape();
    let s = &c.svd.s;
    let _ = writeln!(t, "Lesson 11: The singular value decomposition — apply it\n");
    let _ = writeln!(
        t,
        "The camera image (data/{CAMERA}): {m} × {n} pixels, gray levels 0 to 255, ‖A‖_F = {:.1}.",
        frobenius(&c.image)
    );
    let gap = s.iter().zip(&c.reference).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
    let _ = writeln!(
        t,
        "Your jacobi_svd: {} singular values, σ₁ = {:.1}, σ_{} = {:.2e}, so κ₂(A) = σ₁/σ_{} = {:.1e}",
        s.len(),
        s[0],
        s.len(),
        s[s.len() - 1],
        s.len(),
        s[0] / s[s.len() - 1]
    );
    let _ = writeln!(
        t,
        "  largest gap to nalgebra's singular values: {:.1e} · σ₁;  ‖A − UΣVᵀ‖_F/‖A‖_F = {:.1e}",
        gap / c.reference[0],
        c.backward
    );
    let _ = writeln!(t, "  ‖UᵀU − I‖_F = {:.1e},  ‖VᵀV − I‖_F = {:.1e}", c.orthogonality_u, c.orthogonality_v);
    let first: Vec<String> = s.iter().take(10).map(|x| format!("{x:.0}")).collect();
    let _ = writeln!(t, "  the first ten: {}", first.join(", "));
    let _ = writeln!(t, "\nThe best rank-k approximation A_k = σ₁u₁v₁ᵀ + … + σ_k u_k v_kᵀ (your truncate), stored as");
    let _ = writeln!(
        t,
        "U_k, σ₁…σ_k and V_k. Eckart–Young: ‖A − A_k‖_F = √(σ²_{{k+1}} + … + σ²_{n}) (your eckart_young_error),"
    );
    let _ = writeln!(t, "and no matrix of rank k is closer to A.");
    let _ = writeln!(
        t,
        "  {:>3} {:>8}  {:>18}  {:>25}  {:>25}",
        "", "", "measured", "Eckart–Young, your σ", "nalgebra's σ"
    );
    let _ = writeln!(
        t,
        "  {:>3} {:>8}  {:>18}  {:>16} {:>8}  {:>16} {:>8}  {:>8}",
        "k", "storage", "‖A − A_k‖_F/‖A‖_F", "√Σσ²/‖A‖_F", "digits", "√Σσ²/‖A‖_F", "digits", "PSNR"
    );
    for r in runs {
        let _ = writeln!(
            t,
            "  {:>3} {:>7.1}%  {:>18.6}  {:>16.6} {:>8.1}  {:>16.6} {:>8.1}  {:>5.1} dB",
            r.k,
            100.0 * r.storage,
            r.error,
            r.predicted,
            digits(r.predicted, r.error),
            r.predicted_reference,
            digits(r.predicted_reference, r.error),
            r.psnr
        );
    }
    let _ = writeln!(
        t,
        "  (storage: k(m + n + 1)/(mn) of the {} pixels; digits: agreement with the measured error;",
        m * n
    );
    let _ = writeln!(t, "   PSNR: 10 log₁₀(255² / mean squared error) of the written 8-bit image)");
    // A correct truncate and eckart_young_error agree to 13 digits or more here.
    let worst = runs
        .iter()
        .map(|r| (r.k, digits(r.predicted, r.error).min(digits(r.predicted_reference, r.error))))
        .fold((0, f64::INFINITY), |w, x| if x.1 < w.1 { x } else { w });
    if worst.1 >= AGREEMENT {
        let _ = writeln!(t, "  Eckart–Young holds at every rank, to {:.0} digits or more.", worst.1.floor());
    } else {
        let _ = writeln!(
            t,
            "  The measured error and Eckart–Young DISAGREE at rank {} ({:.1} digits): does your truncate keep\n  \
             exactly the first k terms, and does your eckart_young_error sum the dropped σ² from σ_{{k+1}} on?",
            worst.0, worst.1
        );
    }
    let clipped: Vec<String> = runs.iter().map(|r| format!("{} at rank {}", r.clipped, r.k)).collect();
    let _ = writeln!(t, "\nWritten to the output folder, with pixels outside 0..255 clipped ({}):", clipped.join(", "));
    let names: Vec<String> = runs.iter().map(|r| pgm_name(r.k)).collect();
    let _ = writeln!(t, "  {}", names.join(", "));
    t
}

/// What demo 11 produces: the report and figures, and the reconstructed
/// images as `(file name, PGM bytes)` for the output folder (not committed).
pub struct Demo {
    pub output: Output,
    pub images: Vec<(String, Vec<u8>)>,
}

impl Demo {
    /// Print the report, write the figures and the images into `out`.
    pub fn emit(&self, out: &Path) -> Result<(), String> {
        self.output.emit(out)?;
        for (name, bytes) in &self.images {
            write_bytes(out, name, bytes)?;
        }
        Ok(())
    }
}

/// The camera image, the learner's SVD of it, and the three compressions.
#[derive(Debug, Clone)]
pub struct Results {
    pub camera: Camera,
    pub runs: Vec<Compression>,
}

/// The computation of demo 11 (the SVD of the camera image takes the most time).
pub fn results(f: &Functions, data: &Path) -> Result<Results, String> {
    let camera = camera(f, data)?;
    let runs = RANKS.iter().map(|&k| compress(f, &camera, k)).collect::<Result<_, _>>()?;
    Ok(Results { camera, runs })
}

/// What `cargo learn demo 11` prints before it starts: the SVD takes a while
/// in a debug build.
pub const WORKING: &str =
    "Computing the SVD of the 256 × 256 camera image with your jacobi_svd (up to half a minute)…\n";

/// Run each of the learner's functions once on a 2 × 2 matrix, so that a
/// missing one is reported before the long computation starts.
pub fn probe(f: &Functions) -> Result<(), String> {
    let a = Matrix::from_rows(&[CIRCLE_MATRIX[0].to_vec(), CIRCLE_MATRIX[1].to_vec()]);
    let svd = learner_svd(f, &a)?;
    learner_truncate(f, &svd, 1)?;
    learner_tail(f, &svd.s, 1)?;
    Ok(())
}

/// The report, the figures and the images of [`results`].
pub fn present(f: &Functions, r: &Results) -> Result<Demo, String> {
    let figures = vec![
        ("svd_circle.svg", circle_figure(f)?),
        ("camera_spectrum.svg", spectrum_figure(f, &r.camera)?),
        ("camera_ranks.svg", ranks_figure(&r.camera, &r.runs)),
    ];
    let images = r.runs.iter().map(|c| (pgm_name(c.k), pgm_bytes(&c.image))).collect();
    Ok(Demo { output: Output { text: report(&r.camera, &r.runs), figures }, images })
}

/// `cargo learn demo 11`.
pub fn demo(f: &Functions, data: &Path) -> Result<Demo, String> {
    present(f, &results(f, data)?)
}

// ---------------------------------------------------------------- figures

/// The 2 × 2 matrix of the circle figure.
pub const CIRCLE_MATRIX: [[f64; 2]; 2] = [[1.5, 1.0], [-0.5, 1.2]];

/// Four panels: x on the unit circle, Vᵀx (a rotation or reflection), ΣVᵀx
/// (a stretch along the axes), UΣVᵀx = Ax (a rotation or reflection), with v₁
/// and v₂ followed to σ₁u₁ and σ₂u₂, and the point (1, 0) followed in grey.
fn circle_figure(f: &Functions) -> Result<String, String> {
    let a = Matrix::from_rows(&[CIRCLE_MATRIX[0].to_vec(), CIRCLE_MATRIX[1].to_vec()]);
    let svd = learner_svd(f, &a)?;
    let (u, s, vt) = (&svd.u, &svd.s, &svd.vt);
    let apply = |m: &dyn Fn(usize, usize) -> f64, x: [f64; 2]| {
        [m(0, 0) * x[0] + m(0, 1) * x[1], m(1, 0) * x[0] + m(1, 1) * x[1]]
    };
    let vt_m = |i: usize, j: usize| vt[(i, j)];
    let sigma = |i: usize, j: usize| if i == j { s[i] } else { 0.0 };
    let u_m = |i: usize, j: usize| u[(i, j)];
    // The stages x ↦ Vᵀx ↦ ΣVᵀx ↦ UΣVᵀx.
    let stage = |k: usize, x: [f64; 2]| {
        let mut y = x;
        if k >= 1 {
            y = apply(&vt_m, y);
        }
        if k >= 2 {
            y = apply(&sigma, y);
        }
        if k >= 3 {
            y = apply(&u_m, y);
        }
        y
    };
    let circle: Vec<[f64; 2]> = (0..96).map(|d| (d as f64 * 3.75).to_radians()).map(|t| [t.cos(), t.sin()]).collect();
    let v = [[vt[(0, 0)], vt[(0, 1)]], [vt[(1, 0)], vt[(1, 1)]]];
    // An orthogonal 2 × 2 matrix turns the plane (det = 1) or reflects it (det = −1).
    let turn = |det: f64| if det > 0.0 { "rotated" } else { "reflected" };
    let (det_vt, det_u) =
        (vt[(0, 0)] * vt[(1, 1)] - vt[(0, 1)] * vt[(1, 0)], u[(0, 0)] * u[(1, 1)] - u[(0, 1)] * u[(1, 0)]);
    let titles = [
        "x on the unit circle".to_string(),
        format!("Vᵀx: {}", turn(det_vt)),
        "ΣVᵀx: stretched".to_string(),
        format!("UΣVᵀx = Ax: {}", turn(det_u)),
    ];
    let labels = [["v₁", "v₂"], ["e₁", "e₂"], ["σ₁e₁", "σ₂e₂"], ["σ₁u₁", "σ₂u₂"]];
    let r = s[0] * 1.15;
    let mut panels = Vec::new();
    for k in 0..4 {
        let mut p = Panel::square(&titles[k], 260.0, (-r, r), (-r, r));
        p.axes("", "", 1.0, 1.0);
        if k == 0 {
            p.legend(&[("first", svg::BLUE), ("second", svg::ORANGE), ("(1, 0)", svg::GREY)]);
        }
        let curve: Vec<[f64; 2]> = circle.iter().map(|&x| stage(k, x)).collect();
        p.polygon(&curve, svg::BLACK);
        for (j, colour) in [svg::BLUE, svg::ORANGE].into_iter().enumerate() {
            let tip = stage(k, v[j]);
            p.arrow([0.0, 0.0], tip, colour, false);
            p.text(tip, 4.0, -4.0, labels[k][j], colour);
        }
        let e = stage(k, [1.0, 0.0]);
        p.arrow([0.0, 0.0], e, svg::GREY, true);
        panels.push(p);
    }
    Ok(svg::figure(&panels))
}

/// The singular values of the image on a log scale, and the relative error
/// of the best rank-k approximation against the storage it needs.
fn spectrum_figure(f: &Functions, c: &Camera) -> Result<String, String> {
    let s = &c.svd.s;
    let n = s.len() as f64;
    let (m_rows, n_cols) = c.image.shape();
    let floor = -2.5;
    let logs: Vec<[f64; 2]> = s.iter().enumerate().map(|(i, &x)| [(i + 1) as f64, x.log10().max(floor)]).collect();
    let top = (s[0].log10() + 0.3).ceil();
    let mut left = Panel::new("Singular values of the camera image", 480.0, 380.0, (0.0, n), (floor, top));
    left.axes("i", "log₁₀ σᵢ", 32.0, 1.0);
    left.legend(&[("your σᵢ", svg::BLUE), ("k = 5, 20, 50", svg::GREY)]);
    for &k in &RANKS {
        left.line([k as f64, floor], [k as f64, top], svg::GREY, true);
    }
    left.curve(&logs, svg::BLUE);
    let norm = frobenius(&c.image);
    let errors: Vec<[f64; 2]> =
        (0..=s.len()).map(|k| learner_tail(f, s, k).map(|e| [k as f64, e / norm])).collect::<Result<_, _>>()?;
    let storage = |k: f64| k * (m_rows + n_cols + 1) as f64 / (m_rows * n_cols) as f64;
    let mut right = Panel::new("Error and storage of the rank-k image", 480.0, 380.0, (0.0, n), (0.0, 1.0));
    right.axes("k", "fraction", 32.0, 0.2);
    right.legend(&[("‖A − A_k‖_F / ‖A‖_F", svg::RED), ("storage k(m+n+1)/(mn)", svg::GREEN)]);
    right.curve(&errors, svg::RED);
    let cap = (m_rows * n_cols) as f64 / (m_rows + n_cols + 1) as f64;
    right.curve(&[[0.0, 0.0], [cap.min(n), storage(cap.min(n))]], svg::GREEN);
    for &k in &RANKS {
        let e = errors[k][1];
        right.point([k as f64, e], 3.5, svg::RED, 1.0);
        right.text([k as f64, e], 6.0, -6.0, &format!("k = {k}"), svg::BLACK);
    }
    Ok(svg::figure(&[left, right]))
}

/// The image shown at half resolution (2 × 2 means): the bytes of a
/// `(m/2) × (n/2)` grayscale image.
fn half(a: &Matrix) -> (usize, usize, Vec<u8>) {
    let (m, n) = (a.nrows() / 2, a.ncols() / 2);
    let mut out = Vec::with_capacity(m * n);
    for i in 0..m {
        for j in 0..n {
            let sum = a[(2 * i, 2 * j)] + a[(2 * i + 1, 2 * j)] + a[(2 * i, 2 * j + 1)] + a[(2 * i + 1, 2 * j + 1)];
            out.push(to_byte(sum / 4.0));
        }
    }
    (n, m, out)
}

/// The original and the three reconstructions side by side, at half
/// resolution so that the figure stays small enough to commit.
fn ranks_figure(c: &Camera, runs: &[Compression]) -> String {
    let mut panels = Vec::new();
    let mut show = |title: &str, caption: &str, a: &Matrix| {
        let mut p = Panel::new(title, 276.0, 302.0, (0.0, 1.0), (0.0, 1.0));
        let (w, h, bytes) = half(a);
        p.image((0.0, 1.0), (0.0, 1.0), w, h, &bytes);
        p.text([0.0, 0.0], 0.0, 18.0, caption, svg::BLACK);
        panels.push(p);
    };
    show("the original", "rank 256, all 65536 pixels", &c.image);
    for r in runs {
        let caption = format!("{:.1}% of the storage, error {:.3}", 100.0 * r.storage, r.error);
        show(&format!("rank {}", r.k), &caption, &r.image);
    }
    svg::figure(&panels)
}
