//! The demos run on the reference solutions: their numbers against the same
//! computation in nalgebra, their printed text against the transcript in the
//! lesson's README, and their figures against the ones committed next to it.
//!
//! After changing a demo on purpose, `EIGENLINGS_BLESS=1 cargo test -p
//! eigenlings-demos` rewrites the transcripts and figures; review the diff.

use std::path::{Path, PathBuf};

use demos::{Output, lesson01, lesson02};
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
