//! Checks for lesson 2: norms, dot products and projections.

use nalgebra::DVector;
use proptest::test_runner::TestRng;
use report::ExerciseReport;
use vocab::{LinalgError, Matrix};

use crate::cases::{Case, Spec, always_valid, build_scaled};
use crate::compare::{scalar_close, vector_close};
use crate::harness::{Checker, Fixed, Miss, call};
use crate::{draw, pretty, tol};

// ---------------------------------------------------------------- inputs

fn show_ab(c: &Case) -> String {
    format!("{}{}", pretty::named_vectors(&["a", "b"], &c.inputs()), c.scale_note())
}

fn literal_ab(c: &Case) -> String {
    pretty::named_literals(&["a", "b"], &c.inputs())
}

/// Two vectors `a`, `b` of the same length, × 2^exp.
static AB: Spec = Spec {
    min_rows: 2,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_ab,
    literal: literal_ab,
    valid: always_valid,
};

fn ab(a: &[f64], b: &[f64]) -> Case {
    Case::new(&AB, vec![a.to_vec(), b.to_vec()], vec![], 0)
}

fn nonzero_b(c: &Case) -> bool {
    c.rows.len() == 2 && c.rows[1].iter().any(|&x| x != 0.0)
}

/// Two vectors `a`, `b` × 2^exp with b ≠ 0, also while shrinking: a zero b is
/// outside the contract of a projection, so it must never be the counterexample.
static AB_B_NONZERO: Spec = Spec { valid: nonzero_b, ..AB };

fn random_ab(rng: &mut TestRng, extremes: &[i32]) -> Case {
    let n = draw::size(rng, 1, 8);
    Case::new(&AB, vec![draw::ints(rng, n), draw::ints(rng, n)], vec![], draw::exponent(rng, extremes))
}

/// Two vectors whose scales are independent: a × 2^exp, b × 2^scalar.
fn build_two_scales(c: &Case) -> Vec<Vec<f64>> {
    let scale = |r: &Vec<f64>, e: i32| r.iter().map(|&x| tol::scale2(x, e)).collect();
    vec![scale(&c.rows[0], c.exp), scale(&c.rows[1], c.scalar(0) as i32)]
}

fn show_two_scales(c: &Case) -> String {
    let mut s = pretty::named_vectors(&["a", "b"], &c.inputs());
    if c.exp != 0 || c.scalar(0) != 0.0 {
        s.push_str(&format!("   (a stored × 2^{}, b stored × 2^{})", c.exp, c.scalar(0)));
    }
    s
}

fn nonzero_rows(c: &Case) -> bool {
    c.rows.iter().all(|r| r.iter().any(|&x| x != 0.0))
}

/// Two non-zero vectors, each with its own power-of-two scale.
static AB_NONZERO: Spec = Spec {
    min_rows: 2,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: build_two_scales,
    show: show_two_scales,
    literal: literal_ab,
    valid: nonzero_rows,
};

fn random_nonzero_ab(rng: &mut TestRng, extremes: &[i32]) -> Case {
    let n = draw::size(rng, 1, 8);
    let mut rows = vec![draw::ints(rng, n), draw::ints(rng, n)];
    for r in &mut rows {
        if r.iter().all(|&x| x == 0.0) {
            r[0] = 1.0;
        }
    }
    let eb = f64::from(draw::exponent(rng, extremes));
    Case::new(&AB_NONZERO, rows, vec![eb], draw::exponent(rng, extremes))
}

/// b = k·a exactly (k a small non-zero integer), both × 2^exp.
fn build_parallel(c: &Case) -> Vec<Vec<f64>> {
    let a: Vec<f64> = c.rows[0].iter().map(|&x| tol::scale2(x, c.exp)).collect();
    let b = a.iter().map(|x| c.scalar(0) * x).collect();
    vec![a, b]
}

fn show_parallel(c: &Case) -> String {
    let k = pretty::number(c.scalar(0));
    format!("{}   (b = {k} · a){}", pretty::named_vectors(&["a", "b"], &c.inputs()), c.scale_note())
}

fn parallel_valid(c: &Case) -> bool {
    c.rows.len() == 1 && c.rows[0].iter().any(|&x| x != 0.0) && c.scalar(0) != 0.0
}

/// Exactly parallel (k > 0) or opposite (k < 0) non-zero vectors: cos θ = ±1,
/// which rounding pushes just outside [−1, 1] in about one case in six.
static PARALLEL: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[1.0],
    build: build_parallel,
    show: show_parallel,
    literal: literal_ab,
    valid: parallel_valid,
};

fn random_parallel(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 8);
    let mut a = draw::ints(rng, n);
    if a.iter().all(|&x| x == 0.0) {
        a[0] = 1.0;
    }
    let k = draw::pick(rng, &[1.0, 2.0, 3.0, 7.0, -1.0, -2.0, -5.0]);
    Case::new(&PARALLEL, vec![a], vec![k], draw::exponent(rng, &[-600, -40, 40, 600]))
}

fn show_vp(c: &Case) -> String {
    format!("p = {}\n{}{}", pretty::number(c.scalar(0)), pretty::named_vectors(&["v"], &c.inputs()), c.scale_note())
}

fn literal_vp(c: &Case) -> String {
    format!("let p = {};\n{}", pretty::number_literal(c.scalar(0)), pretty::named_literals(&["v"], &c.inputs()))
}

/// One vector `v` × 2^exp and an order `p ≥ 1`.
static V_P: Spec = Spec {
    min_rows: 1,
    min_cols: 0,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[1.0],
    build: build_scaled,
    show: show_vp,
    literal: literal_vp,
    valid: always_valid,
};

fn random_v(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 8);
    let p = draw::pick(rng, &[1.0, 1.5, 2.0, 3.0, 4.0, 7.0]);
    Case::new(&V_P, vec![draw::ints(rng, n)], vec![p], draw::exponent(rng, &[-1000, -600, -40, 40, 600]))
}

fn show_v(c: &Case) -> String {
    format!("{}{}", pretty::named_vectors(&["v"], &c.inputs()), c.scale_note())
}

fn literal_v(c: &Case) -> String {
    pretty::named_literals(&["v"], &c.inputs())
}

/// One vector `v` × 2^exp, for the norms that take no p (printing a p there
/// would only confuse the reader of a counterexample).
static V: Spec = Spec {
    min_rows: 1,
    min_cols: 0,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_v,
    literal: literal_v,
    valid: always_valid,
};

fn random_v_alone(rng: &mut TestRng) -> Case {
    let n = draw::size(rng, 1, 8);
    Case::new(&V, vec![draw::ints(rng, n)], vec![], draw::exponent(rng, &[-1000, -600, -40, 40, 600]))
}

/// The reference p-norm of the stored (small integer) values, scaled back by
/// 2^exp: ‖2^e·v‖ = 2^e·‖v‖ exactly, so no reference ever overflows.
fn reference_norm(c: &Case, p: f64) -> f64 {
    let v = DVector::from_vec(c.rows[0].clone());
    let base = if p.is_infinite() {
        v.amax()
    } else if p == 1.0 {
        v.lp_norm(1)
    } else if p == 2.0 {
        v.norm()
    } else {
        v.iter().map(|x| x.abs().powf(p)).sum::<f64>().powf(1.0 / p)
    };
    tol::scale2(base, c.exp)
}

// ---------------------------------------------------------------- exercises

/// `dot(a, b)` agrees with nalgebra's `a.dot(&b)` within n·u·Σ|aᵢbᵢ|.
pub fn dot_product(dot: fn(&[f64], &[f64]) -> f64) -> ExerciseReport {
    let mut c = Checker::new("dot_product");
    c.probe("dot", || dot(&[1.0], &[2.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| {
        let (a, b) = (case.input(0), case.input(1));
        let got = call("dot", || dot(&a, &b))?;
        let want = DVector::from_vec(a.clone()).dot(&DVector::from_vec(b.clone()));
        let size: f64 = a.iter().zip(&b).map(|(x, y)| (x * y).abs()).sum();
        scalar_close("dot", got, want, tol::gamma(a.len()) * size)
    };
    c.examples(
        "textbook_examples",
        "(1,2,3)·(4,5,6) = 32; orthogonal vectors give 0; empty vectors give 0",
        vec![ab(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]), ab(&[1.0, 0.0], &[0.0, 1.0]), ab(&[1.0, 0.0], &[-1.0, 1.0])],
        check,
    );
    c.fixed(
        "empty_vectors",
        "the dot product of two empty vectors is 0",
        vec![Fixed::new("a = []\nb = []", "let a: [f64; 0] = [];\nlet b: [f64; 0] = [];", || {
            let got = call("dot", || dot(&[], &[]))?;
            scalar_close("dot", got, 0.0, 0.0)
        })],
    );
    c.property(
        "sum_of_products",
        "a·b = Σ aᵢbᵢ over every coordinate, also for large and tiny entries",
        |rng| random_ab(rng, &[-500, -40, 40, 500]),
        check,
    );
    c.finish()
}

/// The functions of exercise `vector_norms`.
pub struct Norms {
    pub norm_l1: fn(&[f64]) -> f64,
    pub norm_l2: fn(&[f64]) -> f64,
    pub norm_inf: fn(&[f64]) -> f64,
    pub norm_p: fn(&[f64], f64) -> f64,
}

/// Each norm agrees with the reference within n·u, at every scale.
pub fn vector_norms(f: &Norms) -> ExerciseReport {
    let mut c = Checker::new("vector_norms");
    c.probe("norm_l1", || (f.norm_l1)(&[1.0]));
    c.probe("norm_l2", || (f.norm_l2)(&[1.0]));
    c.probe("norm_inf", || (f.norm_inf)(&[1.0]));
    c.probe("norm_p", || (f.norm_p)(&[1.0], 3.0));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let norm_check = |name: &'static str, p: f64, f: fn(&[f64]) -> f64| {
        move |case: &Case| {
            let v = case.input(0);
            let got = call(name, || f(&v))?;
            let want = reference_norm(case, p);
            scalar_close(name, got, want, tol::gamma(v.len() + 2) * want)
        }
    };
    let ex = |v: &[f64]| Case::new(&V, vec![v.to_vec()], vec![], 0);
    let examples = || vec![ex(&[3.0, -4.0]), ex(&[]), ex(&[0.0, 0.0]), ex(&[-7.0])];
    let (l1, l2, linf) = (f.norm_l1, f.norm_l2, f.norm_inf);
    c.examples(
        "textbook_examples_l1",
        "‖(3,−4)‖₁ = 7, the empty and zero vectors have norm 0",
        examples(),
        norm_check("norm_l1", 1.0, l1),
    );
    c.examples(
        "textbook_examples_l2",
        "‖(3,−4)‖₂ = 5, the empty and zero vectors have norm 0",
        examples(),
        norm_check("norm_l2", 2.0, l2),
    );
    c.examples(
        "textbook_examples_inf",
        "‖(3,−4)‖∞ = 4, the empty and zero vectors have norm 0",
        examples(),
        norm_check("norm_inf", f64::INFINITY, linf),
    );
    c.property("l1_sums_absolute_values", "‖v‖₁ = Σ|vᵢ|", random_v_alone, norm_check("norm_l1", 1.0, l1));
    c.property(
        "l2_never_overflows",
        "‖v‖₂ = √(Σvᵢ²), accurate even when vᵢ² would overflow (2^600) or underflow (2^−600)",
        random_v_alone,
        norm_check("norm_l2", 2.0, l2),
    );
    c.property(
        "inf_is_largest_magnitude",
        "‖v‖∞ = max|vᵢ|",
        random_v_alone,
        norm_check("norm_inf", f64::INFINITY, linf),
    );
    let check_p = |case: &Case| {
        let (v, p) = (case.input(0), case.scalar(0));
        let got = call("norm_p", || (f.norm_p)(&v, p))?;
        let want = reference_norm(case, p);
        scalar_close("norm_p", got, want, tol::gamma(v.len() + 8) * want)
    };
    c.property(
        "p_norm_for_any_p",
        "‖v‖_p = (Σ|vᵢ|^p)^(1/p) for p = 1, 1.5, 2, 3, 4, 7, at every scale",
        random_v,
        check_p,
    );
    c.examples(
        "p_infinity_is_max_norm",
        "norm_p(v, ∞) = ‖v‖∞",
        vec![Case::new(&V_P, vec![vec![3.0, -4.0, 1.0]], vec![f64::INFINITY], 0)],
        check_p,
    );
    c.finish()
}

/// The functions of exercise `distances`.
pub struct Distances {
    pub euclidean: fn(&[f64], &[f64]) -> f64,
    pub manhattan: fn(&[f64], &[f64]) -> f64,
    pub chebyshev: fn(&[f64], &[f64]) -> f64,
}

/// The three distances agree with ‖a − b‖ in the matching norm.
pub fn distances(f: &Distances) -> ExerciseReport {
    let mut c = Checker::new("distances");
    c.probe("euclidean", || (f.euclidean)(&[1.0], &[2.0]));
    c.probe("manhattan", || (f.manhattan)(&[1.0], &[2.0]));
    c.probe("chebyshev", || (f.chebyshev)(&[1.0], &[2.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let dist_check = |name: &'static str, p: f64, f: fn(&[f64], &[f64]) -> f64| {
        move |case: &Case| {
            let (a, b) = (case.input(0), case.input(1));
            let got = call(name, || f(&a, &b))?;
            // a − b of the stored integers is exact; scale it back by 2^exp.
            let diff: Vec<f64> = case.rows[0].iter().zip(&case.rows[1]).map(|(x, y)| x - y).collect();
            let diff_case = Case::new(case.spec, vec![diff], vec![], case.exp);
            let want = reference_norm(&diff_case, p);
            scalar_close(name, got, want, tol::gamma(a.len() + 2) * want)
        }
    };
    let examples = || vec![ab(&[0.0, 0.0], &[3.0, 4.0]), ab(&[1.0, 2.0], &[1.0, 2.0]), ab(&[5.0], &[-2.0])];
    c.examples(
        "textbook_examples_euclidean",
        "(0,0) to (3,4) is 5 along a ruler",
        examples(),
        dist_check("euclidean", 2.0, f.euclidean),
    );
    c.examples(
        "textbook_examples_manhattan",
        "(0,0) to (3,4) is 7 along the grid",
        examples(),
        dist_check("manhattan", 1.0, f.manhattan),
    );
    c.examples(
        "textbook_examples_chebyshev",
        "(0,0) to (3,4) is 4 king's moves",
        examples(),
        dist_check("chebyshev", f64::INFINITY, f.chebyshev),
    );
    let random = |rng: &mut TestRng| random_ab(rng, &[-600, -40, 40, 600]);
    c.property(
        "euclidean_is_l2_of_difference",
        "euclidean(a, b) = ‖a − b‖₂, without overflow",
        random,
        dist_check("euclidean", 2.0, f.euclidean),
    );
    c.property(
        "manhattan_is_l1_of_difference",
        "manhattan(a, b) = Σ|aᵢ − bᵢ|",
        random,
        dist_check("manhattan", 1.0, f.manhattan),
    );
    c.property(
        "chebyshev_is_max_of_difference",
        "chebyshev(a, b) = max|aᵢ − bᵢ|",
        random,
        dist_check("chebyshev", f64::INFINITY, f.chebyshev),
    );
    c.finish()
}

/// The functions of exercise `cosine_similarity`.
pub struct Cosine {
    pub cosine_similarity: fn(&[f64], &[f64]) -> Result<f64, LinalgError>,
    pub angle_between: fn(&[f64], &[f64]) -> Result<f64, LinalgError>,
}

/// cos θ of the stored vectors (scale does not change it), from nalgebra.
fn reference_cosine(c: &Case) -> f64 {
    if std::ptr::eq(c.spec, &PARALLEL) {
        // b = k·a exactly: the angle is 0 or π.
        return c.scalar(0).signum();
    }
    let a = DVector::from_vec(c.rows[0].clone());
    let b = DVector::from_vec(c.rows[1].clone());
    (a.dot(&b) / (a.norm() * b.norm())).clamp(-1.0, 1.0)
}

/// Cosine similarity within n·u of the reference, in [−1, 1], scale-free;
/// the angle is checked through its cosine (arccos is ill-conditioned near 0 and π).
pub fn cosine_similarity(f: &Cosine) -> ExerciseReport {
    let mut c = Checker::new("cosine_similarity");
    c.probe("cosine_similarity", || (f.cosine_similarity)(&[1.0], &[1.0]));
    c.probe("angle_between", || (f.angle_between)(&[1.0], &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check_cos = |case: &Case| {
        let (a, b) = (case.input(0), case.input(1));
        let got = call("cosine_similarity", || (f.cosine_similarity)(&a, &b))?;
        let want = reference_cosine(case);
        let got = got.map_err(|e| {
            Miss::new("`cosine_similarity` returned an error for two non-zero vectors")
                .output(format!("Err({e:?})"))
                .expected(pretty::number(want))
        })?;
        if !(-1.0..=1.0).contains(&got) {
            return Err(Miss::new("`cosine_similarity` left [−1, 1]: clamp the result")
                .output(pretty::number_literal(got))
                .expected(format!("a number in [−1, 1] (here {})", pretty::number(want))));
        }
        scalar_close("cosine_similarity", got, want, tol::gamma(2 * a.len() + 4))
    };
    let check_angle = |case: &Case| {
        let (a, b) = (case.input(0), case.input(1));
        let got = call("angle_between", || (f.angle_between)(&a, &b))?;
        let want = reference_cosine(case);
        let got = got.map_err(|e| {
            Miss::new("`angle_between` returned an error for two non-zero vectors")
                .output(format!("Err({e:?})"))
                .expected(pretty::number(want.acos()))
        })?;
        if !(0.0..=std::f64::consts::PI).contains(&got) {
            return Err(Miss::new("`angle_between` must lie in [0, π] (radians)")
                .output(pretty::number(got))
                .expected(pretty::number(want.acos())));
        }
        scalar_close("angle_between (its cosine)", got.cos(), want, tol::gamma(2 * a.len() + 8))
            .map_err(|m| m.output(pretty::number(got)).expected(pretty::number(want.acos())))
    };
    let ex = |a: &[f64], b: &[f64]| Case::new(&AB_NONZERO, vec![a.to_vec(), b.to_vec()], vec![0.0], 0);
    let examples = || {
        vec![
            ex(&[1.0, 0.0], &[1.0, 1.0]),
            ex(&[1.0, 0.0], &[0.0, 1.0]),
            ex(&[1.0, 0.0], &[-1.0, 1.0]),
            ex(&[4.0, 3.0, 0.0], &[3.0, 5.0, 1.0]),
            ex(&[3.0, 3.0, 3.0], &[1.0, 1.0, 1.0]),
        ]
    };
    c.examples("textbook_examples", "(1,0) with (1,1), (0,1), (−1,1): cos 45°, 90°, 135°", examples(), check_cos);
    c.examples("angle_examples", "the angles 45°, 90° and 135° in radians", examples(), check_angle);
    c.property(
        "cosine_at_any_scale",
        "cos θ in [−1, 1], unchanged when a and b are scaled, even by 2^600 (normalise before the dot product)",
        |rng| random_nonzero_ab(rng, &[-600, -40, 40, 600]),
        check_cos,
    );
    c.property(
        "angle_in_radians",
        "angle_between(a, b) = arccos(cos θ) in [0, π], at any scale",
        |rng| random_nonzero_ab(rng, &[-600, -40, 40, 600]),
        check_angle,
    );
    c.property(
        "parallel_vectors_stay_in_range",
        "b = k·a gives cos θ = ±1 without leaving [−1, 1]: rounding can give 1.0000000000000002, so clamp",
        random_parallel,
        check_cos,
    );
    c.property(
        "angle_of_parallel_vectors",
        "b = k·a gives the angle 0 or π, never NaN: clamp the cosine before arccos",
        random_parallel,
        check_angle,
    );
    let refuses = |name: &'static str, g: fn(&[f64], &[f64]) -> Result<f64, LinalgError>, a: Vec<f64>, b: Vec<f64>| {
        let show = pretty::named_vectors(&["a", "b"], &[a.clone(), b.clone()]);
        let literal = pretty::named_literals(&["a", "b"], &[a.clone(), b.clone()]);
        Fixed::new(show, literal, move || {
            let got = call(name, || g(&a, &b))?;
            if got == Err(LinalgError::ZeroVector) {
                return Ok(());
            }
            Err(Miss::new(format!("`{name}` must refuse a zero vector: it has no direction"))
                .output(pretty::result(&got, |x| pretty::number(*x)))
                .expected("Err(ZeroVector)"))
        })
    };
    c.fixed(
        "refuses_zero_vectors",
        "a zero vector has no direction: Err(ZeroVector) from both functions",
        vec![
            refuses("cosine_similarity", f.cosine_similarity, vec![0.0, 0.0], vec![1.0, 2.0]),
            refuses("cosine_similarity", f.cosine_similarity, vec![3.0], vec![0.0]),
            refuses("angle_between", f.angle_between, vec![0.0, 0.0, 0.0], vec![1.0, 2.0, 3.0]),
        ],
    );
    c.finish()
}

/// The signature of `project_onto` and `residual`.
pub type ProjectionFn = fn(&[f64], &[f64]) -> Result<Vec<f64>, LinalgError>;

/// The signature of `k_nearest`: data, query, k, distance.
pub type KNearestFn = fn(&Matrix, &[f64], usize, fn(&[f64], &[f64]) -> f64) -> Vec<usize>;

/// The functions of exercise `projection`.
pub struct Projection {
    pub project_onto: ProjectionFn,
    pub residual: ProjectionFn,
}

/// The projection agrees with (a·b / b·b) b; the residual is orthogonal to b
/// and adds back up to a.
pub fn projection(f: &Projection) -> ExerciseReport {
    let mut c = Checker::new("projection");
    c.probe("project_onto", || (f.project_onto)(&[1.0], &[1.0]));
    c.probe("residual", || (f.residual)(&[1.0], &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let reference = |a: &[f64], b: &[f64]| {
        let (a, b) = (DVector::from_vec(a.to_vec()), DVector::from_vec(b.to_vec()));
        (&b * (a.dot(&b) / b.dot(&b))).as_slice().to_vec()
    };
    let ok = |name: &str, got: Result<Vec<f64>, LinalgError>| {
        got.map_err(|e| {
            Miss::new(format!("`{name}` returned an error although b is not zero"))
                .output(format!("Err({e:?})"))
                .expected("Ok(a vector): only b = 0 is refused")
        })
    };
    let check_proj = |case: &Case| {
        let (a, b) = (case.input(0), case.input(1));
        let got = ok("project_onto", call("project_onto", || (f.project_onto)(&a, &b))?)?;
        let want = reference(&a, &b);
        vector_close("project_onto", &got, &want, tol::gamma(3 * a.len() + 4) * tol::norm2(&a))
    };
    let check_idempotent = |case: &Case| {
        let (a, b) = (case.input(0), case.input(1));
        let once = ok("project_onto", call("project_onto", || (f.project_onto)(&a, &b))?)?;
        let twice = ok("project_onto", call("project_onto", || (f.project_onto)(&once, &b))?)?;
        vector_close("project_onto", &twice, &once, tol::gamma(6 * a.len() + 8) * tol::norm2(&a)).map_err(|m| Miss {
            message: "projecting a second time moved the point: proj_b(proj_b a) ≠ proj_b a".into(),
            ..m
        })
    };
    let check_residual = |case: &Case| {
        let (a, b) = (case.input(0), case.input(1));
        let r = ok("residual", call("residual", || (f.residual)(&a, &b))?)?;
        let want: Vec<f64> = a.iter().zip(reference(&a, &b)).map(|(x, p)| x - p).collect();
        vector_close("residual", &r, &want, tol::gamma(3 * a.len() + 4) * tol::norm2(&a))?;
        // r ⟂ b, measured relative to the sizes involved.
        let rb: f64 =
            r.iter().zip(&b).map(|(x, y)| (x / tol::norm2(&a).max(f64::MIN_POSITIVE)) * (y / tol::norm2(&b))).sum();
        tol::within(rb.abs(), tol::gamma(4 * a.len() + 8), "the residual is not orthogonal to b")
            .map_err(|m| m.output(pretty::vector(&r)).expected("r with r·b = 0"))
    };
    let examples = || {
        vec![
            ab(&[3.0, 3.0], &[4.0, 1.0]),
            ab(&[1.0, 0.0], &[0.0, 2.0]),
            ab(&[2.0, 4.0], &[1.0, 2.0]),
            ab(&[0.0, 0.0], &[1.0, 1.0]),
        ]
    };
    c.examples(
        "textbook_examples",
        "(3,3) onto (4,1) is 15/17·(4,1); onto a perpendicular b it is 0; onto a parallel b it is a",
        examples(),
        check_proj,
    );
    c.examples(
        "residual_examples",
        "the residual of (3,3) against (4,1) is (3,3) − 15/17·(4,1)",
        examples(),
        check_residual,
    );
    let random = |rng: &mut TestRng| {
        let mut case = random_ab(rng, &[-40, 40, 200]);
        if case.rows[1].iter().all(|&x| x == 0.0) {
            case.rows[1][0] = 1.0;
        }
        Case { spec: &AB_B_NONZERO, ..case }
    };
    c.property("projection_formula", "proj_b a = (a·b / b·b)·b", random, check_proj);
    c.property("projection_is_idempotent", "projecting twice is projecting once", random, check_idempotent);
    c.property("residual_is_orthogonal", "r = a − proj_b a is orthogonal to b", random, check_residual);
    let refuses = |name: &'static str, g: ProjectionFn| {
        Fixed::new("a = [1, 2]\nb = [0, 0]", "let a = [1.0, 2.0];\nlet b = [0.0, 0.0];", move || {
            let got = call(name, || g(&[1.0, 2.0], &[0.0, 0.0]))?;
            if got == Err(LinalgError::ZeroVector) {
                return Ok(());
            }
            Err(Miss::new(format!("`{name}` must refuse b = 0: there is no line to project onto"))
                .output(pretty::result(&got, |v| pretty::vector(v)))
                .expected("Err(ZeroVector)"))
        })
    };
    c.fixed(
        "refuses_zero_b",
        "projecting onto the zero vector is undefined: Err(ZeroVector)",
        vec![refuses("project_onto", f.project_onto), refuses("residual", f.residual)],
    );
    c.finish()
}

fn valid_knn(c: &Case) -> bool {
    c.rows.len() >= 2
}

fn knn_parts(c: &Case) -> (Matrix, Vec<f64>, usize) {
    let rows = c.inputs();
    let query = rows[0].clone();
    let data = Matrix::from_rows(&rows[1..]);
    (data, query, c.scalar(0) as usize)
}

fn show_knn(c: &Case) -> String {
    let (data, query, k) = knn_parts(c);
    let rows = if data.nrows() == 1 { "1 row".to_string() } else { format!("{} rows", data.nrows()) };
    format!("k = {k}\nquery = {}\ndata ({rows}) =\n{}", pretty::vector(&query), data)
}

fn literal_knn(c: &Case) -> String {
    let (data, query, k) = knn_parts(c);
    format!("let k = {k};\nlet query = {};\nlet data = {data:?};", pretty::vector_literal(&query))
}

/// Row 0 is the query, rows 1.. the data; scalar 0 is k.
static KNN: Spec = Spec {
    min_rows: 2,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[1.0],
    build: build_scaled,
    show: show_knn,
    literal: literal_knn,
    valid: valid_knn,
};

/// Row 0 is the query q, each further row an offset d that becomes the two data
/// rows q + d and q − d: every pair is an exact tie, and stays one while the
/// offsets shrink (random rows lose their ties as soon as one entry moves).
fn build_mirrored(c: &Case) -> Vec<Vec<f64>> {
    let q = c.rows[0].clone();
    let mut rows = vec![q.clone()];
    for d in &c.rows[1..] {
        rows.push(q.iter().zip(d).map(|(x, y)| x + y).collect());
        rows.push(q.iter().zip(d).map(|(x, y)| x - y).collect());
    }
    rows
}

static KNN_MIRRORED: Spec = Spec { build: build_mirrored, ..KNN };

/// The checker's own Euclidean distance, passed to the learner's `k_nearest`.
fn squared_distance(a: &[f64], b: &[f64]) -> f64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// `k_nearest` returns the k smallest distances, ties by smaller index.
pub fn k_nearest(f: KNearestFn) -> ExerciseReport {
    let mut c = Checker::new("k_nearest");
    c.probe("k_nearest", || f(&Matrix::from_rows(&[vec![1.0]]), &[0.0], 1, squared_distance));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| {
        let (data, query, k) = knn_parts(case);
        let got = call("k_nearest", || f(&data, &query, k, squared_distance))?;
        let mut order: Vec<(f64, usize)> =
            data.rows().enumerate().map(|(i, r)| (squared_distance(r, &query), i)).collect();
        order.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let want: Vec<usize> = order.iter().take(k).map(|&(_, i)| i).collect();
        if got == want {
            return Ok(());
        }
        let dists: Vec<String> = order.iter().map(|(d, i)| format!("row {i}: {}", pretty::number(*d))).collect();
        Err(Miss::new("`k_nearest` did not return the k nearest rows, nearest first (ties: smaller index first)")
            .output(format!("{got:?}"))
            .expected(format!("{want:?}"))
            .bound(format!("squared distances, sorted: {}", dists.join(", "))))
    };
    let ex = |k: f64, query: &[f64], data: &[&[f64]]| {
        let mut rows = vec![query.to_vec()];
        rows.extend(data.iter().map(|r| r.to_vec()));
        Case::new(&KNN, rows, vec![k], 0)
    };
    c.examples(
        "textbook_examples",
        "rows (0,0), (5,5), (1,0), query (0.9,0), k = 2 → [2, 0]; k larger than the data; exact ties",
        vec![
            ex(2.0, &[0.9, 0.0], &[&[0.0, 0.0], &[5.0, 5.0], &[1.0, 0.0]]),
            ex(5.0, &[0.0], &[&[3.0], &[-1.0]]),
            ex(2.0, &[0.0, 0.0], &[&[1.0, 0.0], &[0.0, 1.0], &[-1.0, 0.0]]),
            ex(0.0, &[1.0], &[&[1.0]]),
        ],
        check,
    );
    c.property(
        "nearest_first_ties_by_index",
        "the k rows with the smallest distance, sorted by distance, equal distances by row index",
        |rng| {
            let n = draw::size(rng, 1, 4);
            let m = draw::size(rng, 1, 9);
            // Entries in [-3, 3] make exact ties common.
            let rows = (0..=m).map(|_| (0..n).map(|_| draw::int(rng, -3, 3)).collect()).collect();
            let k = draw::int(rng, 1, 10);
            Case::new(&KNN, rows, vec![k], 0)
        },
        check,
    );
    c.property(
        "ties_keep_row_order",
        "rows at exactly the same distance (mirror images q + d and q − d) come out smaller index first",
        |rng| {
            let n = draw::size(rng, 1, 3);
            let pairs = draw::size(rng, 1, 4);
            let rows = (0..=pairs).map(|_| (0..n).map(|_| draw::int(rng, -3, 3)).collect()).collect();
            let k = draw::int(rng, 1, 9);
            Case::new(&KNN_MIRRORED, rows, vec![k], 0)
        },
        check,
    );
    c.property(
        "ties_in_a_large_dataset",
        "34 to 48 rows with many equal distances: still smaller index first (an unstable sort \
         keeps equal elements in order for short lists only)",
        |rng| {
            let n = draw::size(rng, 1, 2);
            let pairs = draw::size(rng, 17, 24);
            let rows = (0..=pairs).map(|_| (0..n).map(|_| draw::int(rng, -2, 2)).collect()).collect();
            let k = draw::int(rng, 1, 48);
            Case::new(&KNN_MIRRORED, rows, vec![k], 0)
        },
        check,
    );
    c.finish()
}
