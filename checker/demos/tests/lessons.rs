//! The demos run on the reference solutions: their numbers against the same
//! computation in nalgebra, their printed text against the transcript in the
//! lesson's README, and their figures against the ones committed next to it.
//!
//! After changing a demo on purpose, `EIGENLINGS_BLESS=1 cargo test -p
//! eigenlings-demos` rewrites the transcripts and figures; review the diff.

use std::path::{Path, PathBuf};

use demos::{
    Output, lesson01, lesson02, lesson03, lesson04, lesson05, lesson06, lesson07, lesson08, lesson09, lesson10,
    lesson11, lesson12,
};
use nalgebra::{DMatrix, DVector};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn lesson_dir(n: u32) -> PathBuf {
    let prefix = format!("{n:02}_");
    std::fs::read_dir(root().join("exercises"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(&prefix))
        .unwrap_or_else(|| panic!("no exercises/{prefix}* folder"))
}

fn bless() -> bool {
    std::env::var_os("EIGENLINGS_BLESS").is_some()
}

const BEGIN: &str = "<!-- demo:begin -->\n";
const END: &str = "<!-- demo:end -->";

/// The README's transcript block must be exactly what the demo prints.
fn assert_transcript(lesson: u32, out: &Output) {
    let path = lesson_dir(lesson).join("README.md");
    let readme = std::fs::read_to_string(&path).unwrap();
    let start = readme.find(BEGIN).expect("README has no <!-- demo:begin --> marker") + BEGIN.len();
    let end = start + readme[start..].find(END).expect("README has no <!-- demo:end --> marker");
    let expected = format!("```text\n{}```\n", out.text);
    if bless() {
        std::fs::write(&path, format!("{}{expected}{}", &readme[..start], &readme[end..])).unwrap();
    } else {
        assert_eq!(
            readme[start..end],
            expected,
            "the transcript in {} is not what `cargo learn demo {lesson}` prints (EIGENLINGS_BLESS=1 updates it)",
            path.display()
        );
    }
}

/// Every figure must be referenced by the README and equal to the committed file.
fn assert_figures(lesson: u32, out: &Output) {
    let dir = lesson_dir(lesson);
    let readme = std::fs::read_to_string(dir.join("README.md")).unwrap();
    for (name, svg) in &out.figures {
        assert!(
            readme.contains(&format!("(figures/{name})")),
            "README of lesson {lesson} does not show figures/{name}"
        );
        let path = dir.join("figures").join(name);
        if bless() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, svg).unwrap();
        } else {
            let committed = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                committed == *svg,
                "{} differs from what the demo draws (EIGENLINGS_BLESS=1 updates it)",
                path.display()
            );
        }
    }
}

fn data() -> PathBuf {
    root().join("data")
}

fn iris_matrix() -> (DMatrix<f64>, Vec<usize>) {
    let iris = demos::data::Iris::load(&data()).unwrap();
    let m = &iris.features;
    (DMatrix::from_fn(m.nrows(), m.ncols(), |i, j| m[(i, j)]), iris.labels)
}

// ---------------------------------------------------------------- lesson 1

const LESSON1: lesson01::Functions = lesson01::Functions {
    add: solutions::l01::add_vectors::add,
    linear_combination: solutions::l01::linear_combination::linear_combination,
    signed_area: solutions::l01::independence_2d::signed_area,
    are_independent_2d: solutions::l01::independence_2d::are_independent_2d,
    mean_vector: solutions::l01::mean_vector::mean_vector,
};

#[test]
fn lesson1_means_agree_with_nalgebra() {
    let iris = demos::data::Iris::load(&data()).unwrap();
    let m = lesson01::means(&LESSON1, &iris).unwrap();
    let (x, labels) = iris_matrix();
    let close = |ours: &[f64], theirs: &[f64]| {
        // Means of at most 150 numbers below 8: a few rounding errors of size 8u.
        ours.len() == theirs.len() && ours.iter().zip(theirs).all(|(a, b)| (a - b).abs() <= 1e-13)
    };
    for s in 0..3 {
        let rows: Vec<usize> = (0..150).filter(|&i| labels[i] == s).collect();
        let mean = x.select_rows(&rows).row_mean();
        assert!(close(&m.species[s], mean.as_slice()), "species {s}: {:?} vs nalgebra {mean}", m.species[s]);
    }
    let overall = x.row_mean();
    assert!(close(&m.overall, overall.as_slice()), "{:?} vs nalgebra {overall}", m.overall);
    assert!(close(&m.combined, overall.as_slice()), "{:?} vs nalgebra {overall}", m.combined);
    assert_eq!(m.weights, vec![50.0 / 150.0; 3]);
}

#[test]
fn lesson1_transcript_and_figures_are_the_committed_ones() {
    let out = lesson01::demo(&LESSON1, &data()).unwrap();
    assert_transcript(1, &out);
    assert_figures(1, &out);
}

// ---------------------------------------------------------------- lesson 2

fn one_minus_cosine(a: &[f64], b: &[f64]) -> f64 {
    solutions::l02::cosine_similarity::cosine_similarity(a, b).map_or(f64::NAN, |c| 1.0 - c)
}

const LESSON2: lesson02::Functions = lesson02::Functions {
    norm_l1: solutions::l02::vector_norms::norm_l1,
    norm_l2: solutions::l02::vector_norms::norm_l2,
    norm_inf: solutions::l02::vector_norms::norm_inf,
    project_onto: solutions::l02::projection::project_onto,
    residual: solutions::l02::projection::residual,
    k_nearest: solutions::l02::k_nearest::k_nearest,
    distances: [
        ("euclidean", solutions::l02::distances::euclidean),
        ("manhattan", solutions::l02::distances::manhattan),
        ("chebyshev", solutions::l02::distances::chebyshev),
        ("1 - cosine", one_minus_cosine),
    ],
};

/// The same leave-one-out vote with nalgebra's norms and a plain sort.
fn nalgebra_correct(x: &DMatrix<f64>, labels: &[usize], distance: &str, k: usize) -> usize {
    let d = |a: DVector<f64>, b: DVector<f64>| match distance {
        "euclidean" => (a - b).norm(),
        "manhattan" => (a - b).lp_norm(1),
        "chebyshev" => (a - b).amax(),
        "1 - cosine" => 1.0 - a.dot(&b) / (a.norm() * b.norm()),
        other => panic!("unknown distance {other}"),
    };
    let row = |i: usize| x.row(i).transpose();
    let mut correct = 0;
    for i in 0..x.nrows() {
        let mut others: Vec<(f64, usize)> =
            (0..x.nrows()).filter(|&j| j != i).map(|j| (d(row(j), row(i)), j)).collect();
        others.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let nearest: Vec<usize> = others[..k].iter().map(|&(_, j)| labels[j]).collect();
        let votes = |l: usize| nearest.iter().filter(|&&n| n == l).count();
        let most = nearest.iter().map(|&l| votes(l)).max().unwrap();
        let winner = nearest.iter().copied().find(|&l| votes(l) == most).unwrap();
        correct += usize::from(winner == labels[i]);
    }
    correct
}

#[test]
fn lesson2_accuracies_agree_with_nalgebra() {
    let iris = demos::data::Iris::load(&data()).unwrap();
    let runs = lesson02::runs(&LESSON2, &iris).unwrap();
    let (x, labels) = iris_matrix();
    assert_eq!(runs.len(), 8);
    for run in &runs {
        let theirs = nalgebra_correct(&x, &labels, run.distance, run.k);
        assert_eq!(run.correct(&labels), theirs, "{} with k = {}", run.distance, run.k);
    }
}

#[test]
fn lesson2_transcript_and_figures_are_the_committed_ones() {
    let out = lesson02::demo(&LESSON2, &data()).unwrap();
    assert_transcript(2, &out);
    assert_figures(2, &out);
}

#[test]
fn a_k_nearest_that_returns_too_few_indices_gets_a_plain_message() {
    fn lazy(_: &vocab::Matrix, _: &[f64], _: usize, _: lesson02::Distance) -> Vec<usize> {
        vec![0]
    }
    let broken = lesson02::Functions { k_nearest: lazy, ..LESSON2 };
    let iris = demos::data::Iris::load(&data()).unwrap();
    let e = lesson02::runs(&broken, &iris).unwrap_err();
    assert!(e.contains("returned 1 indices for k = 5"), "{e}");
}

// ---------------------------------------------------------------- lesson 3

const LESSON3: lesson03::Functions = lesson03::Functions {
    mat_vec: solutions::l03::matrix_vector::mat_vec_rows,
    mat_mul: solutions::l03::matrix_product::mat_mul,
    transpose: solutions::l03::transpose::transpose,
    det2: solutions::l03::determinant_small::det2,
    rotation: solutions::l03::maps_2d::rotation,
    shear: solutions::l03::maps_2d::shear,
    reflection: solutions::l03::maps_2d::reflection,
};

#[test]
fn lesson3_layer_agrees_with_nalgebra_within_the_rounding_bound() {
    let digits = demos::data::Digits::load(&data()).unwrap();
    let layer = lesson03::forward(&LESSON3, &digits).unwrap();
    assert_eq!((layer.y.nrows(), layer.y.ncols()), (lesson03::BATCH, lesson03::OUTPUTS));
    // An independent reference, built here from the inputs with nalgebra.
    let (x, w, b) = lesson03::inputs(&digits);
    let x = DMatrix::from_fn(x.nrows(), x.ncols(), |i, j| x[(i, j)]);
    let w = DMatrix::from_fn(w.nrows(), w.ncols(), |i, j| w[(i, j)]);
    let y = &x * w.transpose();
    for i in 0..y.nrows() {
        for j in 0..y.ncols() {
            let gap = (layer.y[(i, j)] - (y[(i, j)] + b[j])).abs();
            assert!(gap <= layer.bound, "entry ({i}, {j}) differs by {gap:e}, bound {:e}", layer.bound);
        }
    }
    assert!(layer.bound > 0.0 && layer.bound < 1e-13, "bound {:e}", layer.bound);
    assert!(lesson03::report(&digits, &layer).contains("within the bound"));
}

#[test]
fn lesson3_a_wrong_product_is_reported_outside_the_bound() {
    // Sums one term too few: a classic off-by-one in the inner loop.
    fn short(a: &vocab::Matrix, b: &vocab::Matrix) -> Result<vocab::Matrix, vocab::LinalgError> {
        let n = a.ncols();
        Ok(vocab::Matrix::from_fn(a.nrows(), b.ncols(), |i, j| (0..n - 1).map(|k| a[(i, k)] * b[(k, j)]).sum()))
    }
    let broken = lesson03::Functions { mat_mul: short, ..LESSON3 };
    let digits = demos::data::Digits::load(&data()).unwrap();
    let layer = lesson03::forward(&broken, &digits).unwrap();
    assert!(lesson03::report(&digits, &layer).contains("OUTSIDE the bound"));
}

#[test]
fn lesson3_a_product_of_the_wrong_shape_gets_a_plain_message() {
    fn square(a: &vocab::Matrix, _: &vocab::Matrix) -> Result<vocab::Matrix, vocab::LinalgError> {
        Ok(vocab::Matrix::zeros(a.nrows(), a.nrows()))
    }
    let broken = lesson03::Functions { mat_mul: square, ..LESSON3 };
    let digits = demos::data::Digits::load(&data()).unwrap();
    let e = lesson03::forward(&broken, &digits).unwrap_err();
    assert!(e.contains("is 256 × 256"), "{e}");
}

#[test]
fn lesson3_transcript_and_figures_are_the_committed_ones() {
    let out = lesson03::demo(&LESSON3, &data()).unwrap();
    assert_transcript(3, &out);
    assert_figures(3, &out);
}

// ---------------------------------------------------------------- lesson 4

const LESSON4: lesson04::Functions = lesson04::Functions {
    rref: solutions::l04::rref::rref,
    rank: solutions::l04::rank::rank,
    column_space: solutions::l04::column_space::column_space,
    row_space: solutions::l04::row_space::row_space,
    null_space: solutions::l04::null_space::null_space,
    left_null_space: solutions::l04::left_null_space::left_null_space,
};

#[test]
fn lesson4_ranks_agree_with_nalgebra_and_the_relation_is_the_appended_sum() {
    let (longley, diabetes) = lesson04::tables(&data()).unwrap();
    let l = lesson04::examine(&LESSON4, &longley).unwrap();
    assert_eq!((l.rank, l.reference_rank()), (6, 6));
    assert_eq!(l.null_space.ncols(), 0);
    let d = lesson04::examine(&LESSON4, &diabetes).unwrap();
    assert_eq!((d.rank, d.reference_rank()), (10, 10));
    assert_eq!(d.pivots, (0..10).collect::<Vec<_>>());
    // The null vector, scaled so its last entry is 1, is (0, …, −1 at bmi, −1 at bp, …, 1).
    let v = d.null_space.column(0);
    let x = DMatrix::from_fn(442, 11, |i, j| diabetes.values[(i, j)]);
    let nv = DVector::from_fn(11, |j, _| v[j] / v[10]);
    let mut expected = DVector::zeros(11);
    expected[2] = -1.0;
    expected[3] = -1.0;
    expected[10] = 1.0;
    assert!((&nv - &expected).amax() <= 1e-12, "{nv}");
    assert!((&x * &nv).amax() <= 1e-12 * x.amax(), "A v = {}", x * nv);
    assert_eq!(lesson04::relation(&d.names, &v), "bmi+bp = 1.000000 · bmi + 1.000000 · bp");
}

#[test]
fn lesson4_a_rref_that_compares_with_zero_is_caught_on_the_diabetes_data() {
    // `== 0.0` in place of the tolerance: full rank, and no relation found.
    fn exact_rank(a: &vocab::Matrix) -> usize {
        let mut r = a.clone();
        let (m, n) = r.shape();
        let mut k = 0;
        for j in 0..n {
            let Some(p) = (k..m).max_by(|&x, &y| r[(x, j)].abs().total_cmp(&r[(y, j)].abs())) else { break };
            if r[(p, j)] == 0.0 {
                continue;
            }
            r.swap_rows(p, k);
            for i in k + 1..m {
                let factor = r[(i, j)] / r[(k, j)];
                for c in j..n {
                    r[(i, c)] -= factor * r[(k, c)];
                }
            }
            k += 1;
        }
        k
    }
    let broken = lesson04::Functions { rank: exact_rank, ..LESSON4 };
    let (_, diabetes) = lesson04::tables(&data()).unwrap();
    let e = lesson04::examine(&broken, &diabetes).unwrap_err();
    assert!(e.contains("your `rank` says 11"), "{e}");
}

#[test]
fn lesson4_steps_end_at_the_reduced_form_the_readme_shows() {
    let steps = lesson04::elimination_steps(&lesson04::worked_example());
    assert_eq!(steps.len(), 7);
    let last = &steps[6].r;
    assert_eq!(last.to_rows(), vec![vec![1.0, 2.0, 0.0], vec![0.0, 0.0, 1.0], vec![0.0, 0.0, 0.0]]);
    assert_eq!(steps[4].free, Some(1));
}

#[test]
fn lesson4_transcript_and_figures_are_the_committed_ones() {
    let out = lesson04::demo(&LESSON4, &data()).unwrap();
    assert_transcript(4, &out);
    assert_figures(4, &out);
}

// ---------------------------------------------------------------- lesson 5

const LESSON5: lesson05::Functions = lesson05::Functions {
    solve: solutions::l05::gaussian_elimination::solve,
    lu: solutions::l05::lu::lu,
    lu_solve: solutions::l05::lu_solve::lu_solve,
    cond_1_estimate: solutions::l05::condition::cond_1_estimate,
};

fn nalgebra_of(a: &vocab::Matrix) -> DMatrix<f64> {
    DMatrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(i, j)])
}

#[test]
fn longley_certified_values_agree_with_nalgebra_qr() {
    // A guard against a typo in data/longley_certified.csv: Householder QR in
    // double precision keeps about 16 − log10 κ₂(A) ≈ 6 digits here.
    let longley = demos::data::Longley::load(&data()).unwrap();
    let x = lesson06::nalgebra_lstsq(&longley.design(), &longley.y);
    for (j, (&ours, &certified)) in x.iter().zip(&longley.certified).enumerate() {
        let d = lesson05::digits(ours, certified);
        assert!(d >= 6.0, "coefficient {j}: nalgebra {ours:e} vs certified {certified:e}: {d:.1} digits");
    }
}

#[test]
fn lesson5_tiny_pivot_naive_is_wrong_and_pivoting_agrees_with_nalgebra() {
    let tiny = lesson05::tiny_pivot(&LESSON5).unwrap();
    let a = DMatrix::from_row_slice(2, 2, &[lesson05::DELTA, 1.0, 1.0, 1.0]);
    let theirs = a.lu().solve(&DVector::from_column_slice(&[1.0, 2.0])).unwrap();
    for k in 0..2 {
        assert!(lesson05::digits(tiny.pivoted[k], theirs[k]) >= 15.0, "{:?} vs {theirs}", tiny.pivoted);
        assert!(lesson05::digits(tiny.exact[k], theirs[k]) >= 15.0, "{:?} vs {theirs}", tiny.exact);
    }
    assert!(lesson05::digits(tiny.naive[0], tiny.exact[0]) < 3.5, "{:?}", tiny.naive);
}

#[test]
fn lesson5_longley_by_lu_is_backward_stable_and_as_accurate_as_nalgebra_lu() {
    let longley = demos::data::Longley::load(&data()).unwrap();
    let fit = lesson05::longley_fit(&LESSON5, &longley).unwrap();
    let g = nalgebra_of(&fit.gram);
    let c = DVector::from_column_slice(&fit.rhs);
    let x = DVector::from_column_slice(&fit.x);
    // Backward error of a stable solve: ‖G x − c‖∞ ≤ small multiple of n u ‖G‖∞ ‖x‖∞.
    let backward = (&g * &x - &c).amax() / (g.row_iter().map(|r| r.abs().sum()).fold(0.0, f64::max) * x.amax());
    assert!(backward <= 7.0 * 1e-15, "backward error {backward:e}");
    let theirs = g.clone().lu().solve(&c).unwrap();
    for j in 0..7 {
        let (ours, nalgebra) =
            (lesson05::digits(fit.x[j], longley.certified[j]), lesson05::digits(theirs[j], longley.certified[j]));
        assert!((ours - nalgebra).abs() <= 2.0, "coefficient {j}: {ours:.1} digits, nalgebra's LU {nalgebra:.1}");
    }
}

#[test]
fn lesson5_hilbert_estimates_and_digits_agree_with_nalgebra() {
    let runs = lesson05::hilbert_runs(&LESSON5).unwrap();
    for run in &runs {
        let h = nalgebra_of(&lesson05::hilbert(run.n));
        let b = &h * DVector::from_element(run.n, 1.0);
        let x = h.clone().lu().solve(&b).unwrap();
        let theirs = lesson05::digits_vec(x.as_slice(), &vec![1.0; run.n]);
        assert!((run.digits - theirs).abs() <= 2.0, "n = {}: {:.1} digits, nalgebra {theirs:.1}", run.n, run.digits);
        if run.n <= 8 {
            // κ₁ through nalgebra's inverse, accurate to a few digits for κ ≤ 1e11.
            let norm1 = |m: &DMatrix<f64>| m.column_iter().map(|c| c.abs().sum()).fold(0.0, f64::max);
            let kappa = norm1(&h) * norm1(&h.clone().try_inverse().unwrap());
            assert!(run.cond <= kappa * 1.001 && run.cond >= kappa / 3.0, "n = {}: {:e} vs {kappa:e}", run.n, run.cond);
        }
    }
}

#[test]
fn lesson5_transcript_and_figures_are_the_committed_ones() {
    let out = lesson05::demo(&LESSON5, &data()).unwrap();
    assert_transcript(5, &out);
    assert_figures(5, &out);
}

// ---------------------------------------------------------------- lesson 6

const LESSON6: lesson06::Functions = lesson06::Functions {
    lstsq_normal: solutions::l06::least_squares::lstsq_normal,
    fit_linear: solutions::l06::regression::fit_linear,
    predict: solutions::l06::regression::predict,
    r_squared: solutions::l06::r_squared::r_squared,
    residual: solutions::l06::residuals::residual,
    orthogonality: solutions::l06::residuals::orthogonality,
    ridge: solutions::l06::ridge::ridge,
};

#[test]
fn lesson6_regression_and_r_squared_agree_with_nalgebra() {
    let r = lesson06::results(&LESSON6, &data()).unwrap();
    let g = &r.regression;
    for (j, (&ours, &theirs)) in g.coefficients.iter().zip(&g.reference).enumerate() {
        assert!(lesson05::digits(ours, theirs) >= 7.0, "coefficient {j}: {ours} vs nalgebra {theirs}");
    }
    // R² by nalgebra from nalgebra's coefficients.
    let r2 = |x: &vocab::Matrix, y: &[f64]| {
        let design = DMatrix::from_fn(x.nrows(), x.ncols() + 1, |i, j| if j == 0 { 1.0 } else { x[(i, j - 1)] });
        let y = DVector::from_column_slice(y);
        let fitted = design * DVector::from_column_slice(&g.reference);
        let mean = y.mean();
        1.0 - (&y - fitted).norm_squared() / y.map(|v| v - mean).norm_squared()
    };
    assert!((g.r2_train - r2(&r.split.x_train, &r.split.y_train)).abs() <= 1e-9);
    assert!((g.r2_test - r2(&r.split.x_test, &r.split.y_test)).abs() <= 1e-9);
    assert!(g.orthogonality <= 1e-8, "{:e}", g.orthogonality);
    for run in &r.ridge {
        let size = run.beta.iter().fold(0.0, |m: f64, b| m.max(b.abs()));
        assert!(run.gap <= 1e-10 * size.max(1.0), "λ = {}: gap {:e}", run.lambda, run.gap);
    }
}

#[test]
fn lesson6_transcript_and_figures_are_the_committed_ones() {
    let out = lesson06::demo(&LESSON6, &data()).unwrap();
    assert_transcript(6, &out);
    assert_figures(6, &out);
}

// ---------------------------------------------------------------- lesson 7

const LESSON7: lesson07::Functions = lesson07::Functions {
    orthonormality_loss: solutions::l07::orthonormality::orthonormality_loss,
    classical: solutions::l07::classical::classical_gram_schmidt,
    modified: solutions::l07::modified::modified_gram_schmidt,
    twice: solutions::l07::reorthogonalization::gram_schmidt_twice,
};

/// ‖QᵀQ − I‖_F by nalgebra.
fn nalgebra_loss(q: &vocab::Matrix) -> f64 {
    let q = DMatrix::from_fn(q.nrows(), q.ncols(), |i, j| q[(i, j)]);
    (q.transpose() * &q - DMatrix::identity(q.ncols(), q.ncols())).norm()
}

#[test]
fn lesson7_losses_agree_with_nalgebra_and_follow_the_theory() {
    use lesson07::Outcome::Loss;
    // The learner's orthonormality_loss against nalgebra's, on the Hilbert Qs.
    for n in lesson05::HILBERT_SIZES {
        let h = lesson05::hilbert(n);
        for gs in [LESSON7.classical, LESSON7.modified, LESSON7.twice] {
            if let Ok(qr) = gs(&h) {
                let (ours, theirs) = ((LESSON7.orthonormality_loss)(&qr.q), nalgebra_loss(&qr.q));
                assert!((ours - theirs).abs() <= 1e-12 * theirs.max(1e-4), "n = {n}: {ours:e} vs {theirs:e}");
            }
        }
    }
    // On the sweep: twice stays at the level of u, modified below 10·u·κ,
    // and classical is far worse than modified once κ is large.
    let sweep = lesson07::sweep(&LESSON7).unwrap();
    for r in &sweep {
        let [c, m, w] = r.outcomes;
        // Below 10¹⁰ no column is near enough to dependent to be refused
        // (the solutions refuse r_kk ≤ 10⁻¹⁰‖a_k‖).
        if r.kappa < 1e10 {
            assert!(matches!(w, Loss(x) if x <= 1e-14), "twice at κ = {:.1e}: {w:?}", r.kappa);
            assert!(matches!(m, Loss(_)), "modified at κ = {:.1e}: {m:?}", r.kappa);
        }
        if let Loss(x) = m {
            assert!(x <= 10.0 * lesson07::U * r.kappa.max(1.0) * 10.0, "modified at κ = {:.1e}: {x:e}", r.kappa);
        }
        if (1e6..1e8).contains(&r.kappa) {
            let (Loss(cl), Loss(mo)) = (c, m) else { panic!("κ = {:.1e}: {c:?} {m:?}", r.kappa) };
            assert!(cl > 100.0 * mo, "κ = {:.1e}: classical {cl:e}, modified {mo:e}", r.kappa);
        }
    }
}

#[test]
fn lesson7_transcript_and_figures_are_the_committed_ones() {
    let out = lesson07::demo(&LESSON7, &data()).unwrap();
    assert_transcript(7, &out);
    assert_figures(7, &out);
}

// ---------------------------------------------------------------- lesson 8

const LESSON8: lesson08::Functions = lesson08::Functions {
    householder: solutions::l08::householder::householder,
    householder_qr: solutions::l08::householder_qr::householder_qr,
    lstsq_qr: solutions::l08::least_squares_qr::lstsq_qr,
    lstsq_normal: solutions::l06::least_squares::lstsq_normal,
};

#[test]
fn lesson8_longley_by_qr_keeps_the_digits_the_normal_equations_lose() {
    let longley = demos::data::Longley::load(&data()).unwrap();
    let l = lesson08::longley_routes(&LESSON8, &longley).unwrap();
    let reference = lesson06::nalgebra_lstsq(&longley.design(), &longley.y);
    let normal = l.normal.as_ref().unwrap();
    for j in 0..7 {
        let exact = longley.certified[j];
        let (qr, ne) = (lesson05::digits(l.qr[j], exact), lesson05::digits(normal[j], exact));
        // As accurate as nalgebra's Householder QR, and ahead of the normal equations.
        let theirs = lesson05::digits(reference[j], exact);
        assert!(qr >= theirs - 1.0, "coefficient {j}: QR {qr:.1} digits, nalgebra {theirs:.1}");
        assert!(qr >= ne + 2.0, "coefficient {j}: QR {qr:.1} digits, normal equations {ne:.1}");
    }
    assert!(l.backward <= 1e-14 && l.orthogonality <= 1e-14, "{:e} {:e}", l.backward, l.orthogonality);
}

#[test]
fn lesson8_diabetes_by_qr_agrees_with_nalgebra() {
    let s = lesson06::split(&data()).unwrap();
    let d = lesson08::diabetes_qr(&LESSON8, &s).unwrap();
    for j in 0..d.qr.len() {
        assert!(lesson05::digits(d.qr[j], d.reference[j]) >= 11.0, "{}: {} vs {}", d.names[j], d.qr[j], d.reference[j]);
    }
    let r6 = lesson06::results(&LESSON6, &data()).unwrap();
    assert!((d.r2_test - r6.regression.r2_test).abs() <= 1e-9, "{} vs {}", d.r2_test, r6.regression.r2_test);
}

#[test]
fn lesson8_zeros_figure_replays_the_reference_factorization() {
    let a = lesson08::zeros_example();
    let steps = lesson08::reflection_steps(&LESSON8, &a).unwrap();
    let r = solutions::l08::householder_qr::householder_qr(&a).unwrap().r;
    let last = steps.last().unwrap();
    for i in 0..3 {
        for j in 0..3 {
            assert!((last[(i, j)] - r[(i, j)]).abs() <= 1e-12, "R[{i}][{j}]");
        }
    }
}

#[test]
fn lesson8_transcript_and_figures_are_the_committed_ones() {
    let out = lesson08::demo(&LESSON8, &data()).unwrap();
    assert_transcript(8, &out);
    assert_figures(8, &out);
}

// ---------------------------------------------------------------- lesson 9

const LESSON9: lesson09::Functions = lesson09::Functions {
    eigenvalues_2x2: solutions::l09::characteristic::eigenvalues_2x2,
    eigen_residual: solutions::l09::residual::eigen_residual,
    symmetric_eigen_2x2: solutions::l09::symmetric_2x2::symmetric_eigen_2x2,
    stationary_distribution: solutions::l09::markov::stationary_distribution,
};

fn karate() -> demos::data::Graph {
    demos::data::Graph::karate(&data()).unwrap()
}

#[test]
fn lesson9_stationary_distribution_is_strength_over_twice_the_weight_and_agrees_with_nalgebra() {
    let g = karate();
    let w = lesson09::walk(&LESSON9, &g).unwrap();
    // The closed form, from the edge list: s_i / Σ_j s_j (weights are integers, so s is exact).
    let s = g.strengths();
    let total: f64 = s.iter().sum();
    assert_eq!(total, 2.0 * 231.0);
    // nalgebra, by another formulation than the demo's: (Pᵀ − I + 11ᵀ) π = 1 is
    // nonsingular for an irreducible chain and its solution sums to 1.
    let p = lesson09::transition(&g);
    let a = DMatrix::from_fn(34, 34, |i, j| p[(j, i)] - f64::from(i == j) + 1.0);
    let theirs = a.lu().solve(&DVector::from_element(34, 1.0)).unwrap();
    // π is 34 numbers of size ~0.05 from an LU solve, κ₂ ≈ 4e2 for nalgebra's matrix
    // (measured 4.4e-16 between the two): 1e-14 leaves a factor 22.
    for i in 0..34 {
        assert!((w.pi[i] - s[i] / total).abs() <= 1e-14, "member {i}: π = {} vs {}", w.pi[i], s[i] / total);
        assert!((w.pi[i] - theirs[i]).abs() <= 1e-14, "member {i}: π = {} vs nalgebra {}", w.pi[i], theirs[i]);
        assert!((w.nalgebra[i] - theirs[i]).abs() <= 1e-14, "member {i}");
    }
    assert!(w.residual <= 1e-14, "‖πP − π‖₁ = {:e}", w.residual);
    // P's eigenvalues: 1 first; the distance to π decays at the predicted rate
    // (the mean ratio over steps 100 → 200 is 0.889926 against |λ₂| = 0.889926).
    assert!((w.eigenvalues[0] - 1.0).abs() <= 1e-12, "{:?}", w.eigenvalues);
    let d = lesson09::distances(&g, &w.pi, 0, 200);
    let rate = (d[200] / d[100]).powf(0.01);
    assert!((rate - w.rate()).abs() <= 1e-3, "measured {rate} vs |λ₂| = {}", w.rate());
}

#[test]
fn lesson9_the_maps_of_the_figure_have_the_eigenpairs_of_nalgebra() {
    let maps = lesson09::maps(&LESSON9).unwrap();
    for map in &maps {
        let a = DMatrix::from_fn(2, 2, |i, j| map.a[(i, j)]);
        // nalgebra's real Schur form, capped: its diagonal holds the eigenvalues.
        let schur = nalgebra::linalg::Schur::try_new(a.clone(), 1e-15, 1000).unwrap();
        let mut theirs: Vec<f64> = schur.eigenvalues().unwrap().iter().copied().collect();
        theirs.sort_by(|x, y| y.total_cmp(x));
        for (k, (lambda, v)) in map.pairs.iter().enumerate() {
            assert!((lambda - theirs[k]).abs() <= 1e-14, "{}: λ = {lambda} vs nalgebra {}", map.title, theirs[k]);
            let v = DVector::from_column_slice(v);
            let residual = (&a * &v - &v * *lambda).norm() / v.norm();
            assert!(residual <= 1e-15 && map.residuals[k] <= 1e-15, "{}: {residual:e}", map.title);
        }
    }
    assert!((maps[1].angle() - 90.0).abs() <= 1e-12, "symmetric: {}", maps[1].angle());
    // A's eigenvectors (1, 1) and (−2, 1): cos θ = 1/√10.
    assert!((maps[0].angle() - (1.0 / 10f64.sqrt()).acos().to_degrees()).abs() <= 1e-12);
}

#[test]
fn lesson9_a_refusing_or_short_stationary_distribution_gets_a_plain_message() {
    fn refuses(_: &vocab::Matrix) -> Result<Vec<f64>, vocab::LinalgError> {
        Err(vocab::LinalgError::NotStochastic { row: 3 })
    }
    fn short(p: &vocab::Matrix) -> Result<Vec<f64>, vocab::LinalgError> {
        Ok(vec![1.0 / p.nrows() as f64; p.nrows() - 1])
    }
    let e =
        lesson09::walk(&lesson09::Functions { stationary_distribution: refuses, ..LESSON9 }, &karate()).unwrap_err();
    assert!(e.contains("your `stationary_distribution` refused"), "{e}");
    let e = lesson09::walk(&lesson09::Functions { stationary_distribution: short, ..LESSON9 }, &karate()).unwrap_err();
    assert!(e.contains("returned 33 numbers where 34 were expected"), "{e}");
}

#[test]
fn lesson9_transcript_and_figures_are_the_committed_ones() {
    let out = lesson09::demo(&LESSON9, &data()).unwrap();
    assert_transcript(9, &out);
    assert_figures(9, &out);
}

// ---------------------------------------------------------------- lesson 10

const LESSON10: lesson10::Functions = lesson10::Functions {
    power_iteration: solutions::l10::power_iteration::power_iteration,
    power_step: solutions::l10::power_iteration::power_step,
    hessenberg: solutions::l10::hessenberg::hessenberg,
    qr_step: solutions::l10::qr_iteration::qr_step,
    lu: solutions::l05::lu::lu,
    lu_solve: solutions::l05::lu_solve::lu_solve,
};

fn painters() -> demos::data::Graph {
    demos::data::Graph::painters(&data()).unwrap()
}

/// PageRank by nalgebra's QR on (I − αM) x = (1 − α)/n·1, M built here from the edge weights.
fn nalgebra_pagerank_qr(g: &demos::data::Graph) -> Vec<f64> {
    let n = g.len();
    let w = DMatrix::from_fn(n, n, |i, j| g.weights[(i, j)]);
    let out: Vec<f64> = (0..n).map(|j| w.row(j).sum()).collect();
    let m = DMatrix::from_fn(n, n, |i, j| if out[j] > 0.0 { w[(j, i)] / out[j] } else { 1.0 / n as f64 });
    let a = DMatrix::identity(n, n) - m * lesson10::ALPHA;
    let b = DVector::from_element(n, (1.0 - lesson10::ALPHA) / n as f64);
    let qr = a.qr();
    let x = qr.r().solve_upper_triangular(&(qr.q().transpose() * b)).unwrap();
    x.as_slice().to_vec()
}

/// The ranking as a list of sets: tied nodes may come in either order.
fn as_sets(groups: &[Vec<usize>]) -> Vec<std::collections::BTreeSet<usize>> {
    groups.iter().map(|g| g.iter().copied().collect()).collect()
}

#[test]
fn lesson10_pagerank_matches_the_direct_solve_on_both_graphs() {
    for g in [karate(), painters()] {
        let r = lesson10::pagerank(&LESSON10, &g).unwrap();
        let theirs = nalgebra_pagerank_qr(&g);
        // The power iteration stops when successive unit iterates differ by at
        // most 1e-12, and the error left is of that order (measured 5.4e-13 after
        // scaling to sum 1): 1e-10 leaves a factor 200.
        for (i, (name, theirs)) in g.names.iter().zip(&theirs).enumerate() {
            assert!((r.power[i] - theirs).abs() <= 1e-10, "{name}: {} vs nalgebra {theirs}", r.power[i]);
            // The direct solves: κ(I − αM) ≤ (1 + α)/(1 − α) ≈ 12, entries ≤ 0.17
            // (measured 1.1e-16 between the reference LU and nalgebra's QR): 1e-15 leaves a factor 9.
            assert!((r.lu[i] - theirs).abs() <= 1e-15, "{name}: {} vs {theirs}", r.lu[i]);
        }
        assert!((r.value - 1.0).abs() <= 1e-12, "eigenvalue {}", r.value);
        assert!((theirs.iter().sum::<f64>() - 1.0).abs() <= 1e-14);
        // The same ranking, ties as sets.
        assert_eq!(as_sets(&lesson10::ranking(&r.power)), as_sets(&lesson10::ranking(&theirs)));
    }
}

#[test]
fn lesson10_klimt_and_schiele_tie_at_3_over_161_in_either_order() {
    let g = painters();
    let r = lesson10::pagerank(&LESSON10, &g).unwrap();
    assert!(r.dangling.is_empty());
    let groups = lesson10::ranking(&r.power);
    let ties: Vec<&Vec<usize>> = groups.iter().filter(|t| t.len() > 1).collect();
    assert_eq!(ties.len(), 1, "{groups:?}");
    let names: std::collections::BTreeSet<&str> = ties[0].iter().map(|&i| g.names[i].as_str()).collect();
    assert_eq!(names, ["Egon Schiele", "Gustav Klimt"].into_iter().collect());
    // x = (1 − α)/n / (1 − α/2) = 0.15/14/0.575 = 3/161.
    for &i in ties[0] {
        assert!((r.power[i] - 3.0 / 161.0).abs() <= 1e-10 && (r.lu[i] - 3.0 / 161.0).abs() <= 1e-16, "{}", r.power[i]);
    }
    // Swapping the two tied painters in a score vector must not change the printed ranking.
    let mut swapped = r.power.clone();
    let (a, b) = (ties[0][0], ties[0][1]);
    swapped[a] = r.power[b] * (1.0 + 1e-13);
    swapped[b] = r.power[a];
    assert_eq!(lesson10::ranking(&swapped), groups);
}

#[test]
fn lesson10_figures_follow_the_predicted_rates() {
    // The matrices have the spectra they are built with (nalgebra's Schur form, capped).
    for d in [lesson10::gap_spectrum(0.8).to_vec(), lesson10::QR_SPECTRUM.to_vec()] {
        let a = nalgebra_of(&lesson10::with_spectrum(&d));
        let schur = nalgebra::linalg::Schur::try_new(a, 1e-15, 10_000).unwrap();
        let mut theirs: Vec<f64> = schur.eigenvalues().unwrap().iter().copied().collect();
        theirs.sort_by(|x, y| y.total_cmp(x));
        let mut d = d.clone();
        d.sort_by(|x, y| y.total_cmp(x));
        for (x, y) in theirs.iter().zip(&d) {
            assert!((x - y).abs() <= 1e-13, "{theirs:?} vs {d:?}");
        }
    }
    // The power method's error shrinks by r per step (geometric mean over steps 10 → 20,
    // before rounding sets in for the small ratios).
    for r in lesson10::GAP_RATIOS {
        let e = lesson10::power_errors(&LESSON10, r).unwrap();
        let (from, to) = if r < 0.3 { (5, 15) } else { (10, 20) };
        let measured = (e[to] / e[from]).powf(1.0 / (to - from) as f64);
        assert!((measured - r).abs() <= 0.02 * r.max(0.5), "r = {r}: measured {measured}");
    }
    // Each subdiagonal entry of the QR iterates shrinks by λₖ₊₁/λₖ per step.
    let history = lesson10::subdiagonals(&LESSON10).unwrap();
    let d = lesson10::QR_SPECTRUM;
    for k in 0..4 {
        let measured = (history[30][k] / history[20][k]).powf(0.1);
        let ratio = d[k + 1] / d[k];
        assert!((measured - ratio).abs() <= 0.02, "h[{}][{k}]: measured {measured}, predicted {ratio}", k + 1);
    }
}

#[test]
fn lesson10_a_refusing_power_iteration_gets_a_plain_message() {
    fn gives_up(
        _: &vocab::Matrix,
        _: &[f64],
        max_iter: usize,
        _: f64,
    ) -> Result<(f64, Vec<f64>, usize), vocab::LinalgError> {
        Err(vocab::LinalgError::NotConverged { iterations: max_iter, residual: 0.5 })
    }
    let e = lesson10::pagerank(&lesson10::Functions { power_iteration: gives_up, ..LESSON10 }, &karate()).unwrap_err();
    assert!(e.contains("your `power_iteration` refused"), "{e}");
}

#[test]
fn lesson10_transcript_and_figures_are_the_committed_ones() {
    let out = lesson10::demo(&LESSON10, &data()).unwrap();
    assert_transcript(10, &out);
    assert_figures(10, &out);
}

// ---------------------------------------------------------------- lesson 11

const LESSON11: lesson11::Functions = lesson11::Functions {
    jacobi_svd: solutions::l11::jacobi_svd::jacobi_svd,
    truncate: solutions::l11::low_rank::truncate,
    eckart_young_error: solutions::l11::low_rank::eckart_young_error,
};

/// The SVD of the camera image takes seconds in a debug build: computed once.
fn lesson11_results() -> &'static lesson11::Results {
    static RESULTS: std::sync::OnceLock<lesson11::Results> = std::sync::OnceLock::new();
    RESULTS.get_or_init(|| lesson11::results(&LESSON11, &data()).unwrap())
}

#[test]
fn lesson11_singular_values_agree_with_nalgebra_and_errors_with_eckart_young() {
    let r = lesson11_results();
    let c = &r.camera;
    let a = nalgebra_of(&c.image);
    let sigma = a.singular_values();
    let (m, n) = c.image.shape();
    // Weyl: a backward-stable SVD moves each σ by at most ‖E‖₂ ≈ C·max(m, n)·u·σ₁.
    let u = f64::EPSILON / 2.0;
    for (i, (&ours, &theirs)) in c.svd.s.iter().zip(sigma.iter()).enumerate() {
        assert!((ours - theirs).abs() <= 10.0 * m.max(n) as f64 * u * sigma[0], "σ{i}: {ours} vs nalgebra {theirs}");
    }
    assert!(c.backward <= 1e-13 && c.orthogonality_u <= 1e-12 && c.orthogonality_v <= 1e-12, "{c:?}");
    let norm = a.norm();
    let mut last = f64::INFINITY;
    for run in &r.runs {
        // Eckart–Young with nalgebra's σ, summed here: ‖A − A_k‖_F² = Σ_{i>k} σᵢ².
        let dropped = sigma.iter().skip(run.k).map(|s| s * s).sum::<f64>().sqrt() / norm;
        assert!((run.error - dropped).abs() <= 1e-9 * dropped, "k = {}: {} vs {dropped}", run.k, run.error);
        assert!((run.predicted - dropped).abs() <= 1e-9 * dropped, "k = {}: {} vs {dropped}", run.k, run.predicted);
        // The reconstruction itself, by nalgebra from the learner's factors.
        let uk = nalgebra_of(&c.svd.u).columns(0, run.k).into_owned();
        let vtk = nalgebra_of(&c.svd.vt).rows(0, run.k).into_owned();
        let ak = uk * DMatrix::from_diagonal(&DVector::from_column_slice(&c.svd.s[..run.k])) * vtk;
        assert!((&ak - nalgebra_of(&run.image)).amax() <= 1e-9, "k = {}", run.k);
        assert!(((&a - ak).norm() / norm - run.error).abs() <= 1e-12, "k = {}", run.k);
        assert_eq!(run.storage, (run.k * (m + n + 1)) as f64 / (m * n) as f64);
        assert!(run.error < last && run.psnr > 15.0, "k = {}: error {}, PSNR {}", run.k, run.error, run.psnr);
        last = run.error;
    }
}

#[test]
fn lesson11_transcript_figures_and_images() {
    let demo = lesson11::present(&LESSON11, lesson11_results()).unwrap();
    assert_transcript(11, &demo.output);
    assert_figures(11, &demo.output);
    for (name, svg) in &demo.output.figures {
        assert!(svg.len() <= 200_000, "{name} is {} bytes", svg.len());
    }
    let names: Vec<&str> = demo.images.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["camera_rank_05.pgm", "camera_rank_20.pgm", "camera_rank_50.pgm"]);
    for (name, bytes) in &demo.images {
        assert!(bytes.starts_with(b"P5\n256 256\n255\n") && bytes.len() == 15 + 256 * 256, "{name}");
    }
}

#[test]
fn lesson11_a_truncate_with_one_term_too_many_is_reported() {
    fn one_more(svd: &vocab::Svd, k: usize) -> vocab::Matrix {
        solutions::l11::low_rank::truncate(svd, k + 1)
    }
    let broken = lesson11::Functions { truncate: one_more, ..LESSON11 };
    let c = &lesson11_results().camera;
    let run = lesson11::compress(&broken, c, 5).unwrap();
    let text = lesson11::report(c, &[run]);
    assert!(text.contains("DISAGREE at rank 5"), "{text}");
    assert!(lesson11::report(c, &lesson11_results().runs).contains("Eckart–Young holds at every rank"));
}

#[test]
fn lesson11_a_badly_ordered_or_shaped_svd_gets_a_plain_message() {
    fn ascending(a: &vocab::Matrix) -> Result<vocab::Svd, vocab::LinalgError> {
        let mut svd = solutions::l11::jacobi_svd::jacobi_svd(a)?;
        svd.s.reverse();
        Ok(svd)
    }
    fn square_u(a: &vocab::Matrix) -> Result<vocab::Svd, vocab::LinalgError> {
        let svd = solutions::l11::jacobi_svd::jacobi_svd(a)?;
        Ok(vocab::Svd { u: vocab::Matrix::identity(a.nrows()), ..svd })
    }
    let a = vocab::Matrix::from_rows(&[vec![3.0, 0.0], vec![4.0, 5.0], vec![1.0, 1.0]]);
    let e = lesson11::learner_svd(&lesson11::Functions { jacobi_svd: ascending, ..LESSON11 }, &a).unwrap_err();
    assert!(e.contains("largest first"), "{e}");
    let e = lesson11::learner_svd(&lesson11::Functions { jacobi_svd: square_u, ..LESSON11 }, &a).unwrap_err();
    assert!(e.contains("returned U 3 × 3") && e.contains("U 3 × 2"), "{e}");
}

// ---------------------------------------------------------------- lesson 12

const LESSON12: lesson12::Functions = lesson12::Functions {
    standardize: solutions::l12::center::standardize,
    pca: solutions::l12::pca::pca,
    project: solutions::l12::project::project,
    jacobi_svd: solutions::l11::jacobi_svd::jacobi_svd,
    filter_factors: solutions::l12::ridge_svd::filter_factors,
    ridge_svd: solutions::l12::ridge_svd::ridge_svd,
    ridge: solutions::l06::ridge::ridge,
    forward: solutions::l12::linear_layer::forward,
    train: solutions::l12::linear_layer::train,
};

/// Three SVDs and two trainings take seconds in a debug build: computed once.
fn lesson12_results() -> &'static lesson12::Results {
    static RESULTS: std::sync::OnceLock<lesson12::Results> = std::sync::OnceLock::new();
    RESULTS.get_or_init(|| lesson12::results(&LESSON12, &data()).unwrap())
}

/// `X − 1 x̄ᵀ` by nalgebra.
fn centred(x: &DMatrix<f64>) -> DMatrix<f64> {
    let mean = x.row_mean();
    DMatrix::from_fn(x.nrows(), x.ncols(), |i, j| x[(i, j)] - mean[j])
}

/// Explained variances σᵢ²/(n − 1) and ratios from nalgebra's singular values
/// of the centred data, against the learner's, relative to the largest.
fn assert_explained(what: &str, x: &DMatrix<f64>, pca: &vocab::Pca) {
    let s = centred(x).singular_values();
    let n = x.nrows() as f64;
    let total: f64 = s.iter().map(|v| v * v).sum();
    for (i, (&ours, &ratio)) in pca.explained_variance.iter().zip(&pca.explained_variance_ratio).enumerate() {
        let theirs = s[i] * s[i] / (n - 1.0);
        // σ from a backward-stable SVD moves by C·n·u·σ₁, so σ² by about twice that relative to σ₁².
        let bound = 1e-12 * s[0] * s[0] / (n - 1.0);
        assert!((ours - theirs).abs() <= bound, "{what}, component {i}: {ours:e} vs nalgebra {theirs:e}");
        assert!((ratio - s[i] * s[i] / total).abs() <= 1e-12, "{what}, ratio {i}: {ratio} vs {}", s[i] * s[i] / total);
    }
}

/// ‖P − Q‖₂-style distance between the projectors onto the row spaces of two
/// matrices with orthonormal rows (the learner's components, nalgebra's
/// eigenvectors): the largest entry of the difference.
fn projector_gap(a: &DMatrix<f64>, b: &DMatrix<f64>) -> f64 {
    (a.transpose() * a - b.transpose() * b).amax()
}

#[test]
fn lesson12_pca_agrees_with_nalgebra_singular_values_and_eigenvectors() {
    let a = &lesson12_results().analyses;
    let iris = demos::data::Iris::load(&data()).unwrap();
    let wine = demos::data::Wine::load(&data()).unwrap();
    let digits = demos::data::Digits::load(&data()).unwrap();
    assert_explained("iris", &nalgebra_of(&iris.features), &a.iris);
    let w = nalgebra_of(&wine.features);
    assert_explained("wine", &w, &a.wine_raw);
    // Standardized by nalgebra: centred columns over their sample deviations.
    let wc = centred(&w);
    let sd: Vec<f64> =
        (0..wc.ncols()).map(|j| (wc.column(j).norm_squared() / (wc.nrows() as f64 - 1.0)).sqrt()).collect();
    let ws = DMatrix::from_fn(wc.nrows(), wc.ncols(), |i, j| wc[(i, j)] / sd[j]);
    assert_explained("wine standardized", &ws, &a.wine_standardized);
    assert_explained("digits", &nalgebra_of(&digits.pixels), &a.digits);
    // The plane of the iris figure: the top two eigenvectors of the covariance.
    let x = nalgebra_of(&iris.features);
    let cov = centred(&x).transpose() * centred(&x) / 149.0;
    let eig = cov.symmetric_eigen();
    let mut order: Vec<usize> = (0..4).collect();
    order.sort_by(|&i, &j| eig.eigenvalues[j].total_cmp(&eig.eigenvalues[i]));
    let top = DMatrix::from_fn(2, 4, |r, c| eig.eigenvectors[(c, order[r])]);
    let ours = nalgebra_of(&a.iris.components).rows(0, 2).into_owned();
    assert!(projector_gap(&ours, &top) <= 1e-12, "{}", projector_gap(&ours, &top));
    // The scores are the centred data times the components.
    let scores = centred(&x) * nalgebra_of(&a.iris.components).transpose();
    assert!((scores - nalgebra_of(&a.iris_scores)).amax() <= 1e-12);
}

#[test]
fn lesson12_ridge_through_the_svd_agrees_with_lesson_6_and_nalgebra() {
    let r = &lesson12_results().ridge;
    let (z, y) = lesson12::diabetes_design(&data()).unwrap();
    let nz = nalgebra_of(&z);
    let s = nz.singular_values();
    for (i, (&ours, &theirs)) in r.s.iter().zip(s.iter()).enumerate() {
        assert!((ours - theirs).abs() <= 1e-12 * s[0], "σ{i}: {ours} vs {theirs}");
    }
    for run in &r.runs {
        let system = nz.transpose() * &nz + DMatrix::identity(10, 10) * run.lambda;
        let reference = system.lu().solve(&(nz.transpose() * DVector::from_column_slice(&y))).unwrap();
        let size = reference.amax();
        for (label, beta) in [("ridge_svd", &run.svd), ("ridge", &run.normal)] {
            let gap = beta.iter().zip(reference.iter()).map(|(a, b)| (a - b).abs()).fold(0.0, f64::max);
            // κ₂(ZᵀZ + λI) ≤ (σ₁/σ₁₀)² ≈ 5·10²: well inside 10⁻¹¹ relative.
            assert!(gap <= 1e-11 * size, "λ = {}, {label}: gap {gap:e}", run.lambda);
        }
        assert!(run.gap() <= 1e-11 * size, "λ = {}: {:e}", run.lambda, run.gap());
        for (i, &fi) in run.factors.iter().enumerate() {
            let expected = s[i] * s[i] / (s[i] * s[i] + run.lambda);
            assert!((fi - expected).abs() <= 1e-12, "λ = {}, f{i}: {fi} vs {expected}", run.lambda);
        }
    }
}

/// Full-batch gradient descent on the softmax cross-entropy, by nalgebra:
/// the loss history from W = 0, b = 0.
fn nalgebra_training(
    x: &DMatrix<f64>,
    labels: &[usize],
    eta: f64,
    steps: usize,
) -> (Vec<f64>, DMatrix<f64>, DVector<f64>) {
    let (n, d) = (x.nrows(), x.ncols());
    let (mut w, mut b) = (DMatrix::<f64>::zeros(10, d), DVector::<f64>::zeros(10));
    let logits = |w: &DMatrix<f64>, b: &DVector<f64>| {
        let mut z = x * w.transpose();
        for mut row in z.row_iter_mut() {
            row += b.transpose();
        }
        z
    };
    let loss = |z: &DMatrix<f64>| {
        let total: f64 = (0..n)
            .map(|i| {
                let row = z.row(i);
                let top = row.max();
                top + row.iter().map(|v| (v - top).exp()).sum::<f64>().ln() - row[labels[i]]
            })
            .sum();
        total / n as f64
    };
    let mut history = vec![loss(&logits(&w, &b))];
    for _ in 0..steps {
        let z = logits(&w, &b);
        let mut g = z.clone();
        for i in 0..n {
            let top = z.row(i).max();
            let sum: f64 = z.row(i).iter().map(|v| (v - top).exp()).sum();
            for c in 0..10 {
                g[(i, c)] = ((z[(i, c)] - top).exp() / sum - if c == labels[i] { 1.0 } else { 0.0 }) / n as f64;
            }
        }
        w -= eta * g.transpose() * x;
        b -= eta * g.row_sum().transpose();
        history.push(loss(&logits(&w, &b)));
    }
    (history, w, b)
}

#[test]
fn lesson12_training_replays_in_nalgebra_and_nothing_leaks_from_the_held_out_images() {
    let c = &lesson12_results().classifiers;
    assert_eq!((c.split.y_train.len(), c.split.y_test.len()), (1438, 359));
    for k in [&c.pixels, &c.components] {
        let x = nalgebra_of(&k.x_train);
        let (history, w, b) = nalgebra_training(&x, &c.split.y_train, lesson12::LEARNING_RATE, lesson12::STEPS);
        for (t, (ours, theirs)) in k.history.iter().zip(&history).enumerate() {
            assert!((ours - theirs).abs() <= 1e-10, "{}, step {t}: loss {ours} vs nalgebra {theirs}", k.name);
        }
        assert!(k.history.windows(2).all(|p| p[1] <= p[0]), "{}: the loss rose", k.name);
        let mut z = nalgebra_of(&k.x_test) * w.transpose();
        for mut row in z.row_iter_mut() {
            row += b.transpose();
        }
        let theirs = z.row_iter().map(|r| r.transpose().argmax().0).collect::<Vec<_>>();
        let ours = lesson12::predictions(&nalgebra_free(&z));
        assert_eq!(ours, theirs, "{}", k.name);
        let correct = theirs.iter().zip(&c.split.y_test).filter(|(p, l)| p == l).count();
        assert_eq!(k.test_accuracy, correct as f64 / 359.0, "{}", k.name);
    }
    // No leakage: the training features are the learner's standardization of the
    // training images alone, and the held-out features those images' own pixels
    // scaled with the training means and deviations.
    let s = lesson12::digits_split(&data()).unwrap();
    let (z, mean, sd) = (LESSON12.standardize)(&s.x_train).unwrap();
    assert_eq!(z, c.pixels.x_train);
    let scaled = lesson12::Scaling { mean, sd }.apply(&s.x_test);
    assert_eq!(scaled, c.pixels.x_test);
    assert!(c.pixels.test_accuracy >= 0.9 && c.components.test_accuracy >= 0.9);
}

/// nalgebra's matrix back as the course's `Matrix`.
fn nalgebra_free(m: &DMatrix<f64>) -> vocab::Matrix {
    vocab::Matrix::from_fn(m.nrows(), m.ncols(), |i, j| m[(i, j)])
}

#[test]
fn lesson12_transcript_and_figures_are_the_committed_ones() {
    let out = lesson12::present(lesson12_results());
    assert_transcript(12, &out);
    assert_figures(12, &out);
    for (name, svg) in &out.figures {
        assert!(svg.len() <= 200_000, "{name} is {} bytes", svg.len());
    }
}

#[test]
fn lesson12_a_rising_loss_and_a_wrong_ridge_are_reported() {
    let r = lesson12_results();
    let text = lesson12::report(r);
    assert!(text.contains("The two routes agree at every λ") && !text.contains("ROSE"), "{text}");
    let mut broken =
        lesson12::Results { analyses: r.analyses.clone(), ridge: r.ridge.clone(), classifiers: r.classifiers.clone() };
    // A ridge_svd that forgot the filter factors (the least-squares solution at every λ),
    // and a loss that rose once.
    let least_squares = broken.ridge.runs[0].svd.clone();
    broken.ridge.runs.iter_mut().for_each(|run| run.svd = least_squares.clone());
    broken.classifiers.components.history[7] = 9.0;
    let text = lesson12::report(&broken);
    assert!(text.contains("DISAGREE at λ = 10000") && text.contains("ROSE at step 7"), "{text}");
}

#[test]
fn lesson12_a_pca_of_the_wrong_shape_gets_a_plain_message() {
    fn transposed(a: &vocab::Matrix, k: usize) -> Result<vocab::Pca, vocab::LinalgError> {
        let p = solutions::l12::pca::pca(a, k)?;
        let c = &p.components;
        Ok(vocab::Pca { components: vocab::Matrix::from_fn(c.ncols(), c.nrows(), |i, j| c[(j, i)]), ..p })
    }
    let broken = lesson12::Functions { pca: transposed, ..LESSON12 };
    let iris = demos::data::Iris::load(&data()).unwrap();
    let e = lesson12::learner_pca(&broken, &iris.features, 2).unwrap_err();
    assert!(e.contains("your `pca` returned a 4 × 2 matrix where a 2 × 4 one was expected"), "{e}");
}

#[test]
fn lessons_11_and_12_probes_pass_on_the_solutions() {
    lesson11::probe(&LESSON11).unwrap();
    lesson12::probe(&LESSON12).unwrap();
}
