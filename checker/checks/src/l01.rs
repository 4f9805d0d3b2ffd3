//! Checks for lesson 1: vectors and vector spaces.

use nalgebra::{DMatrix, DVector};
use report::ExerciseReport;
use vocab::{LinalgError, Matrix};

use crate::cases::{Case, Spec, always_valid, build_scaled};
use crate::compare::{scalar_close, vector_close};
use crate::harness::{Checker, Fixed, Miss, call};
use crate::{draw, pretty, tol};

// ---------------------------------------------------------------- inputs

fn show_uv(c: &Case) -> String {
    let mut s = pretty::named_vectors(&["u", "v"], &c.inputs());
    s.push_str(&c.scale_note());
    s
}

fn literal_uv(c: &Case) -> String {
    pretty::named_literals(&["u", "v"], &c.inputs())
}

/// Two vectors `u`, `v` of the same length.
static PAIR: Spec = Spec {
    min_rows: 2,
    min_cols: 0,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_uv,
    literal: literal_uv,
    valid: always_valid,
};

fn pair(u: &[f64], v: &[f64]) -> Case {
    Case::new(&PAIR, vec![u.to_vec(), v.to_vec()], vec![], 0)
}

fn random_pair(rng: &mut proptest::test_runner::TestRng) -> Case {
    let n = draw::size(rng, 1, 8);
    let rows = vec![draw::ints(rng, n), draw::ints(rng, n)];
    Case::new(&PAIR, rows, vec![], draw::exponent(rng, &[-600, -40, 40, 600]))
}

fn show_cv(c: &Case) -> String {
    format!("c = {}\n{}{}", pretty::number(c.scalar(0)), pretty::named_vectors(&["v"], &c.inputs()), c.scale_note())
}

fn literal_cv(c: &Case) -> String {
    format!("let c = {};\n{}", pretty::number_literal(c.scalar(0)), pretty::named_literals(&["v"], &c.inputs()))
}

/// A scalar `c` and a vector `v`.
static SCALAR_VECTOR: Spec = Spec {
    min_rows: 1,
    min_cols: 0,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[0.0],
    build: build_scaled,
    show: show_cv,
    literal: literal_cv,
    valid: always_valid,
};

/// Coefficient `i` is stored in column 0 of row `i`, its vector in the rest.
fn lincomb_parts(c: &Case) -> (Vec<f64>, Vec<Vec<f64>>) {
    let coeffs = c.rows.iter().map(|r| r[0]).collect();
    let vectors = c.rows.iter().map(|r| r[1..].iter().map(|&x| tol::scale2(x, c.exp)).collect()).collect();
    (coeffs, vectors)
}

fn show_lincomb(c: &Case) -> String {
    let (coeffs, vectors) = lincomb_parts(c);
    let mut s = format!("coeffs  = {}\nvectors = [", pretty::vector(&coeffs));
    let rows: Vec<String> = vectors.iter().map(|v| pretty::vector(v)).collect();
    s.push_str(&rows.join(",\n           "));
    s.push(']');
    s.push_str(&c.scale_note());
    s
}

fn literal_lincomb(c: &Case) -> String {
    let (coeffs, vectors) = lincomb_parts(c);
    let rows: Vec<String> = vectors.iter().map(|v| format!("vec!{}", pretty::vector_literal(v))).collect();
    format!("let coeffs = {};\nlet vectors = vec![{}];", pretty::vector_literal(&coeffs), rows.join(", "))
}

static LINCOMB: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 1,
    scalar_floor: &[],
    build: build_scaled,
    show: show_lincomb,
    literal: literal_lincomb,
    valid: always_valid,
};

fn show_ab(c: &Case) -> String {
    let mut s = pretty::named_vectors(&["a", "b"], &c.inputs());
    if std::ptr::eq(c.spec, &PARALLEL_PAIR) {
        s.push_str(&format!("   (b = {} · a, rounded to f64)", pretty::number(c.scalar(0) / 10.0)));
    }
    s.push_str(&c.scale_note());
    s
}

fn literal_ab(c: &Case) -> String {
    pretty::named_literals(&["a", "b"], &c.inputs())
}

fn two_by_two(c: &Case) -> bool {
    c.rows.iter().all(|r| r.len() == 2)
}

/// Two vectors in the plane, given exactly.
static PLANE_PAIR: Spec = Spec {
    min_rows: 2,
    min_cols: 2,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_ab,
    literal: literal_ab,
    valid: two_by_two,
};

/// b = fl((t/10) · a): parallel in exact arithmetic, but rounded, so the
/// computed area is a tiny non-zero number.
fn build_parallel(c: &Case) -> Vec<Vec<f64>> {
    let a: Vec<f64> = c.rows[0].iter().map(|&x| tol::scale2(x, c.exp)).collect();
    let t = c.scalar(0) / 10.0;
    let b = a.iter().map(|x| t * x).collect();
    vec![a, b]
}

fn one_plane_vector(c: &Case) -> bool {
    c.rows.len() == 1 && c.rows[0].len() == 2
}

static PARALLEL_PAIR: Spec = Spec {
    min_rows: 1,
    min_cols: 2,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[1.0],
    build: build_parallel,
    show: show_ab,
    literal: literal_ab,
    valid: one_plane_vector,
};

fn show_data(c: &Case) -> String {
    let m = data_matrix(c);
    format!("data ({}×{}) =\n{}{}", m.nrows(), m.ncols(), m, c.scale_note())
}

fn literal_data(c: &Case) -> String {
    format!("let data = {:?};", data_matrix(c))
}

fn data_matrix(c: &Case) -> Matrix {
    let rows = c.inputs();
    let cols = rows.first().map_or(0, Vec::len);
    Matrix::from_fn(rows.len(), cols, |i, j| rows[i][j])
}

/// A dataset: rows are samples.
static DATASET: Spec = Spec {
    min_rows: 1,
    min_cols: 1,
    aligned: true,
    fixed_cols: 0,
    scalar_floor: &[],
    build: build_scaled,
    show: show_data,
    literal: literal_data,
    valid: always_valid,
};

// ---------------------------------------------------------------- exercises

/// The functions of exercise `add_vectors`.
pub struct AddVectors {
    pub add: fn(&[f64], &[f64]) -> Vec<f64>,
    pub sub: fn(&[f64], &[f64]) -> Vec<f64>,
}

/// `add(u, v)` and `sub(u, v)` agree with nalgebra's `u + v` and `u - v`.
pub fn add_vectors(f: &AddVectors) -> ExerciseReport {
    let mut c = Checker::new("add_vectors");
    c.probe("add", || (f.add)(&[1.0], &[2.0]));
    c.probe("sub", || (f.sub)(&[1.0], &[2.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let examples = || {
        vec![
            pair(&[1.0, 3.0], &[3.0, -1.0]),
            pair(&[], &[]),
            pair(&[0.0, 0.0, 0.0], &[5.0, -7.0, 2.0]),
            pair(&[2.5], &[-2.5]),
        ]
    };
    let check_add = |case: &Case| {
        let (u, v) = (case.input(0), case.input(1));
        let got = call("add", || (f.add)(&u, &v))?;
        let want = (DVector::from_vec(u.clone()) + DVector::from_vec(v.clone())).as_slice().to_vec();
        vector_close("add", &got, &want, tol::gamma(1) * tol::norm2(&want))
    };
    let check_sub = |case: &Case| {
        let (u, v) = (case.input(0), case.input(1));
        let got = call("sub", || (f.sub)(&u, &v))?;
        let want = (DVector::from_vec(u.clone()) - DVector::from_vec(v.clone())).as_slice().to_vec();
        vector_close("sub", &got, &want, tol::gamma(1) * tol::norm2(&want))
    };
    c.examples("add_examples", "add(u, v) on hand-checked examples, including empty vectors", examples(), check_add);
    c.examples("sub_examples", "sub(u, v) on hand-checked examples, including empty vectors", examples(), check_sub);
    c.property("add_is_coordinatewise", "(u + v)_i = u_i + v_i for every coordinate", random_pair, check_add);
    c.property("sub_is_coordinatewise", "(u − v)_i = u_i − v_i, in that order", random_pair, check_sub);
    c.finish()
}

/// `scale(c, v)` agrees with nalgebra's `c * v`.
pub fn scale_vector(scale: fn(f64, &[f64]) -> Vec<f64>) -> ExerciseReport {
    let mut c = Checker::new("scale_vector");
    c.probe("scale", || scale(2.0, &[1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| {
        let (k, v) = (case.scalar(0), case.input(0));
        let got = call("scale", || scale(k, &v))?;
        let want = (DVector::from_vec(v.clone()) * k).as_slice().to_vec();
        vector_close("scale", &got, &want, tol::gamma(1) * tol::norm2(&want))
    };
    let ex = |k: f64, v: &[f64]| Case::new(&SCALAR_VECTOR, vec![v.to_vec()], vec![k], 0);
    c.examples(
        "scale_examples",
        "scale(c, v) on hand-checked examples: c negative, zero, one; v empty",
        vec![ex(-2.0, &[1.0, -3.0]), ex(0.0, &[4.0, 5.0]), ex(1.0, &[7.0]), ex(3.0, &[])],
        check,
    );
    c.property(
        "scale_multiplies_every_coordinate",
        "(c·v)_i = c·v_i for every coordinate, any sign of c",
        |rng| {
            let n = draw::size(rng, 1, 8);
            let k = draw::int(rng, -9, 9) / draw::pick(rng, &[1.0, 2.0, 4.0]);
            Case::new(&SCALAR_VECTOR, vec![draw::ints(rng, n)], vec![k], draw::exponent(rng, &[-40, 40, 600]))
        },
        check,
    );
    c.finish()
}

/// The signature of `linear_combination`.
pub type LinearCombinationFn = fn(&[f64], &[Vec<f64>]) -> Result<Vec<f64>, LinalgError>;

/// `linear_combination(coeffs, vectors)` equals Σ cᵢvᵢ and refuses bad sizes.
pub fn linear_combination(f: LinearCombinationFn) -> ExerciseReport {
    let mut c = Checker::new("linear_combination");
    c.probe("linear_combination", || f(&[1.0], &[vec![1.0]]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| {
        let (coeffs, vectors) = lincomb_parts(case);
        let got = call("linear_combination", || f(&coeffs, &vectors))?;
        let n = vectors[0].len();
        let mut want = DVector::<f64>::zeros(n);
        let mut size = DVector::<f64>::zeros(n);
        for (ci, v) in coeffs.iter().zip(&vectors) {
            want += DVector::from_vec(v.clone()) * *ci;
            size += DVector::from_vec(v.iter().map(|x| x.abs()).collect()) * ci.abs();
        }
        let shown = pretty::result(&got, |v| pretty::vector(v));
        let got = got.map_err(|e| {
            Miss::new("`linear_combination` returned an error for valid input")
                .output(format!("Err({e:?})"))
                .expected(format!("Ok({})", pretty::vector(want.as_slice())))
        })?;
        let bound = tol::gamma(2 * coeffs.len()) * tol::norm2(size.as_slice());
        vector_close("linear_combination", &got, want.as_slice(), bound).map_err(|m| m.or_output(|| shown))
    };
    let ex = |rows: Vec<Vec<f64>>| Case::new(&LINCOMB, rows, vec![], 0);
    c.examples(
        "textbook_examples",
        "2·(1, 0) + 3·(0, 1) = (2, 3), a single vector, zero coefficients",
        vec![
            ex(vec![vec![2.0, 1.0, 0.0], vec![3.0, 0.0, 1.0]]),
            ex(vec![vec![-1.5, 2.0, 4.0, 6.0]]),
            ex(vec![vec![0.0, 1.0, 2.0], vec![0.0, 3.0, 4.0]]),
        ],
        check,
    );
    c.property(
        "equals_the_sum_of_scaled_vectors",
        "the result is c₁v₁ + … + c_k v_k, coordinate by coordinate",
        |rng| {
            let k = draw::size(rng, 1, 5);
            let n = draw::size(rng, 1, 6);
            let rows = (0..k)
                .map(|_| {
                    let mut r = vec![draw::int(rng, -9, 9)];
                    r.extend(draw::ints(rng, n));
                    r
                })
                .collect();
            Case::new(&LINCOMB, rows, vec![], draw::exponent(rng, &[-40, 40]))
        },
        check,
    );
    // Contract violations must be reported as errors, not answered or panicked on.
    let refuses = |coeffs: Vec<f64>, vectors: Vec<Vec<f64>>, want: LinalgError| {
        let show = format!("coeffs  = {}\nvectors = {:?}", pretty::vector(&coeffs), vectors);
        let literal =
            format!("let coeffs = {};\nlet vectors: Vec<Vec<f64>> = {:?};", pretty::vector_literal(&coeffs), vectors)
                .replace("[[", "vec![vec![")
                .replace("], [", "], vec![");
        Fixed::new(show, literal, move || {
            let got = call("linear_combination", || f(&coeffs, &vectors))?;
            if got.as_ref().err() == Some(&want) {
                return Ok(());
            }
            Err(Miss::new("`linear_combination` must refuse this input with an error")
                .output(pretty::result(&got, |v| pretty::vector(v)))
                .expected(format!("Err({want:?})")))
        })
    };
    c.fixed(
        "refuses_bad_sizes",
        "no vectors → Err(Empty); wrong count of coefficients or unequal lengths → Err(DimensionMismatch)",
        vec![
            refuses(vec![], vec![], LinalgError::Empty),
            refuses(
                vec![1.0, 2.0],
                vec![vec![1.0], vec![2.0], vec![3.0]],
                LinalgError::DimensionMismatch { expected: 3, found: 2 },
            ),
            refuses(
                vec![1.0, 1.0],
                vec![vec![1.0, 2.0], vec![3.0]],
                LinalgError::DimensionMismatch { expected: 2, found: 1 },
            ),
        ],
    );
    c.finish()
}

/// The functions of exercise `independence_2d`.
pub struct Independence {
    pub signed_area: fn([f64; 2], [f64; 2]) -> f64,
    pub are_independent_2d: fn([f64; 2], [f64; 2]) -> bool,
}

fn plane(v: &[f64]) -> [f64; 2] {
    [v[0], v[1]]
}

/// a₀b₁ − a₁b₀ with one rounding at the end (fused multiply–adds): the reference.
fn exact_area(a: [f64; 2], b: [f64; 2]) -> f64 {
    let w = a[1] * b[0];
    let e = (-a[1]).mul_add(b[0], w); // w − a₁b₀, the rounding error of w
    a[0].mul_add(b[1], -w) + e
}

/// The exact answer under the contract's rule.
fn independent_by_rule(a: [f64; 2], b: [f64; 2]) -> bool {
    let size = (a[0] * b[1]).abs() + (a[1] * b[0]).abs();
    exact_area(a, b).abs() > 1e-10 * size
}

/// `signed_area` is the determinant; `are_independent_2d` uses a relative tolerance.
pub fn independence_2d(f: &Independence) -> ExerciseReport {
    let mut c = Checker::new("independence_2d");
    c.probe("signed_area", || (f.signed_area)([1.0, 0.0], [0.0, 1.0]));
    c.probe("are_independent_2d", || (f.are_independent_2d)([1.0, 0.0], [0.0, 1.0]));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check_area = |case: &Case| {
        let (a, b) = (plane(&case.input(0)), plane(&case.input(1)));
        let got = call("signed_area", || (f.signed_area)(a, b))?;
        let size = (a[0] * b[1]).abs() + (a[1] * b[0]).abs();
        scalar_close("signed_area", got, exact_area(a, b), tol::gamma(2) * size)
    };
    let check_indep = |case: &Case| {
        let (a, b) = (plane(&case.input(0)), plane(&case.input(1)));
        let got = call("are_independent_2d", || (f.are_independent_2d)(a, b))?;
        let want = independent_by_rule(a, b);
        if got == want {
            return Ok(());
        }
        let area = exact_area(a, b);
        let size = (a[0] * b[1]).abs() + (a[1] * b[0]).abs();
        Err(Miss::new(if want {
            "`are_independent_2d` calls independent vectors dependent"
        } else {
            "`are_independent_2d` calls dependent vectors independent"
        })
        .output(got.to_string())
        .expected(want.to_string())
        .bound(format!(
            "|det| = {:.3e}, |a₀b₁| + |a₁b₀| = {:.3e}: relative area {:.1e} is {} the 1e-10 threshold",
            area.abs(),
            size,
            if size > 0.0 { area.abs() / size } else { 0.0 },
            if want { "above" } else { "not above" }
        )))
    };
    let ex = |a: [f64; 2], b: [f64; 2]| Case::new(&PLANE_PAIR, vec![a.to_vec(), b.to_vec()], vec![], 0);
    let examples = || {
        vec![
            ex([2.0, 1.0], [-1.0, 1.0]),
            ex([-1.0, 1.0], [2.0, 1.0]),
            ex([2.0, 1.0], [3.0, 1.5]),
            ex([0.0, 0.0], [3.0, 4.0]),
            ex([1.0, 0.0], [0.0, 1.0]),
        ]
    };
    c.examples("area_examples", "det[(2,1), (−1,1)] = 3; swapping the vectors flips the sign", examples(), check_area);
    c.examples(
        "independence_examples",
        "(2,1) and (3,1.5) are dependent, a zero vector is dependent",
        examples(),
        check_indep,
    );
    let random_plane_pair = |rng: &mut proptest::test_runner::TestRng| {
        // Half of the pairs are exactly parallel integer multiples.
        let a = draw::ints(rng, 2);
        let b = if draw::chance(rng, 1, 2) {
            let k = draw::int(rng, -3, 3);
            a.iter().map(|x| k * x).collect()
        } else {
            draw::ints(rng, 2)
        };
        // ±500, not ±600: the products a₀b₁, a₁b₀ must stay normal numbers. At
        // 2^−600 they underflow to 0, the rule evaluated in f64 says "dependent"
        // while the exact rule says "independent", and a learner who rescales
        // first (the rule is scale-invariant) would be failed for the right answer.
        Case::new(&PLANE_PAIR, vec![a, b], vec![], draw::exponent(rng, &[-500, -40, 40, 500]))
    };
    c.property(
        "area_is_the_determinant",
        "signed_area(a, b) = a₀b₁ − a₁b₀ at any scale",
        random_plane_pair,
        check_area,
    );
    c.property(
        "independence_at_any_scale",
        "exact pairs are classified by the relative rule, even when every entry is 2^±500 times larger",
        random_plane_pair,
        check_indep,
    );
    c.property(
        "rounded_multiples_are_dependent",
        "b = t·a computed in floating point (t = 0.1, 0.3, …) is still dependent: use a tolerance, never == 0.0",
        |rng| {
            let mut a = draw::ints(rng, 2);
            if a.iter().all(|&x| x == 0.0) {
                a[0] = 1.0;
            }
            let t = draw::pick(rng, &[1.0, 3.0, 7.0, 11.0, -3.0, -9.0, 13.0]);
            Case::new(&PARALLEL_PAIR, vec![a], vec![t], draw::exponent(rng, &[-600, -40, 40]))
        },
        check_indep,
    );
    c.finish()
}

/// `mean_vector(data)` is the column-wise mean of the rows.
pub fn mean_vector(f: fn(&Matrix) -> Result<Vec<f64>, LinalgError>) -> ExerciseReport {
    let mut c = Checker::new("mean_vector");
    c.probe("mean_vector", || f(&Matrix::from_rows(&[vec![1.0]])));
    if let Some(r) = c.not_implemented() {
        return r;
    }
    let check = |case: &Case| {
        let data = data_matrix(case);
        let got = call("mean_vector", || f(&data))?;
        let (m, n) = data.shape();
        let reference = DMatrix::from_row_slice(m, n, data.as_slice());
        let want: Vec<f64> = reference.row_mean().iter().copied().collect();
        let size: Vec<f64> = (0..n).map(|j| data.column(j).iter().map(|x| x.abs()).sum::<f64>() / m as f64).collect();
        let got = got.map_err(|e| {
            Miss::new("`mean_vector` returned an error for a dataset with rows")
                .output(format!("Err({e:?})"))
                .expected(format!("Ok({})", pretty::vector(&want)))
        })?;
        vector_close("mean_vector", &got, &want, tol::gamma(m + 1) * tol::norm2(&size))
    };
    let ex = |rows: Vec<Vec<f64>>| Case::new(&DATASET, rows, vec![], 0);
    c.examples(
        "textbook_examples",
        "rows (1,2), (3,4), (5,0) have mean (3,2); one row is its own mean; rows without columns have the empty mean",
        vec![
            ex(vec![vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 0.0]]),
            ex(vec![vec![7.0, -1.0, 2.5]]),
            ex(vec![vec![1.0], vec![2.0]]),
            // The contract: no rows is an error, rows with no columns are not.
            ex(vec![vec![], vec![]]),
        ],
        check,
    );
    c.property(
        "mean_of_each_column",
        "entry j is the average of column j over all rows (divide by the number of rows)",
        |rng| {
            let m = draw::size(rng, 1, 8);
            let n = draw::size(rng, 1, 6);
            let rows = (0..m).map(|_| draw::ints(rng, n)).collect();
            Case::new(&DATASET, rows, vec![], draw::exponent(rng, &[-40, 40, 600]))
        },
        check,
    );
    c.fixed(
        "refuses_empty_data",
        "a dataset with no rows has no mean: Err(Empty)",
        vec![Fixed::new("data = 0×3 matrix (no rows)", "let data = Matrix::zeros(0, 3);", || {
            let got = call("mean_vector", || f(&Matrix::zeros(0, 3)))?;
            if got == Err(LinalgError::Empty) {
                return Ok(());
            }
            Err(Miss::new("`mean_vector` must refuse a dataset with no rows")
                .output(pretty::result(&got, |v| pretty::vector(v)))
                .expected("Err(Empty)"))
        })],
    );
    c.finish()
}
