//! Owns every number quoted in the text of lessons 1 to 8 (the READMEs and the ANSWERS.md files):
//! each test recomputes them with the reference solutions and asserts them at the precision quoted.
//!
//! The project's rule is that a number in a lesson is one the code prints or a test asserts. The
//! numbers between `<!-- demo:begin -->` and `<!-- demo:end -->` are not here: the demo test owns
//! them. One test per README section (or per answer), named for what it shows; the comment above
//! each test quotes the sentence it backs. When you change a number in the text, change it here too.

use solutions::l01::add_vectors::{add, sub};
use solutions::l01::independence_2d::{are_independent_2d, signed_area};
use solutions::l01::linear_combination::linear_combination;
use solutions::l01::mean_vector::mean_vector;
use solutions::l01::scale_vector::scale;
use solutions::l02::cosine_similarity::{angle_between, cosine_similarity};
use solutions::l02::distances::{chebyshev, euclidean, manhattan};
use solutions::l02::dot_product::dot;
use solutions::l02::k_nearest::k_nearest;
use solutions::l02::projection::{project_onto, residual};
use solutions::l02::vector_norms::{norm_inf, norm_l1, norm_l2, norm_p};
use solutions::l03::composition::{apply_in_turn, compose};
use solutions::l03::determinant_small::{det2, det3};
use solutions::l03::maps_2d::{reflection, rotation, shear};
use solutions::l03::matrix_product::mat_mul;
use solutions::l03::matrix_vector::{mat_vec_columns, mat_vec_rows};
use solutions::l03::trace::trace;
use solutions::l03::transpose::transpose;
use std::f64::consts::{FRAC_PI_2, PI};
use vocab::{LinalgError, Matrix};

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/// The unit roundoff of `f64`, $\mathsf{u} = 2^{-53}$.
const U: f64 = f64::EPSILON / 2.0;

/// `x` in scientific notation with `digits` digits after the point, the way the lessons quote
/// small and large numbers: `sci(-5.551115123125783e-17, 2) == "-5.55e-17"`.
fn sci(x: f64, digits: usize) -> String {
    format!("{x:.digits$e}")
}

/// `x` with `digits` decimals, the way the lessons quote ordinary numbers: `fixed(0.88235, 3) == "0.882"`.
fn fixed(x: f64, digits: usize) -> String {
    format!("{x:.digits$}")
}

/// Every entry of `v` with `digits` decimals, to compare a vector with the one the lesson quotes.
fn fixed_all(v: &[f64], digits: usize) -> Vec<String> {
    v.iter().map(|&x| fixed(x, digits)).collect()
}

/// Whether `x` and `y` agree to a relative `tol` (for values the text gives exactly, such as 1/3,
/// but which the code only reaches up to rounding).
fn close(x: f64, y: f64, tol: f64) -> bool {
    (x - y).abs() <= tol * y.abs().max(f64::MIN_POSITIVE)
}

/// The smallest positive double at which `holds` becomes true, for a property that is false for
/// small numbers and true from some threshold on. Positive doubles are ordered like their bit
/// patterns, so this is a bisection over the bits, and the threshold found is exact.
fn threshold(holds: impl Fn(f64) -> bool) -> f64 {
    let (mut lo, mut hi) = (0_u64, f64::MAX.to_bits());
    assert!(!holds(f64::from_bits(lo)) && holds(f64::from_bits(hi)), "the property must switch from false to true");
    while hi - lo > 1 {
        let mid = lo + (hi - lo) / 2;
        if holds(f64::from_bits(mid)) {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    f64::from_bits(hi)
}

/// The singular values of `a`, largest first, by one-sided Jacobi (Hestenes): rotate pairs of
/// columns until all are orthogonal; their lengths are then the singular values. It works on
/// `a` itself, never on $A^\top A$, and is accurate for the condition numbers met here.
fn singular_values(a: &Matrix) -> Vec<f64> {
    let n = a.ncols();
    let mut cols: Vec<Vec<f64>> = (0..n).map(|j| a.column(j)).collect();
    for _ in 0..100 {
        let mut rotated = false;
        for p in 0..n {
            for q in p + 1..n {
                let (alpha, beta, gamma) = (dot(&cols[p], &cols[p]), dot(&cols[q], &cols[q]), dot(&cols[p], &cols[q]));
                if gamma.abs() <= 1e-15 * (alpha * beta).sqrt() {
                    continue;
                }
                rotated = true;
                let zeta = (beta - alpha) / (2.0 * gamma);
                let t = zeta.signum() / (zeta.abs() + (1.0 + zeta * zeta).sqrt());
                let c = 1.0 / (1.0 + t * t).sqrt();
                let s = c * t;
                let (left, right) = cols.split_at_mut(q);
                for (x, y) in left[p].iter_mut().zip(right[0].iter_mut()) {
                    (*x, *y) = (c * *x - s * *y, s * *x + c * *y);
                }
            }
        }
        if !rotated {
            break;
        }
    }
    let mut s: Vec<f64> = cols.iter().map(|c| norm_l2(c)).collect();
    s.sort_by(|x, y| y.total_cmp(x));
    s
}

/// $\kappa_2 = \sigma_{\max} / \sigma_{\min}$.
fn kappa_2(a: &Matrix) -> f64 {
    let s = singular_values(a);
    s[0] / s[s.len() - 1]
}

/// `a` with every column divided by its 2-norm.
fn unit_columns(a: &Matrix) -> Matrix {
    let norms: Vec<f64> = (0..a.ncols()).map(|j| norm_l2(&a.column(j))).collect();
    Matrix::from_fn(a.nrows(), a.ncols(), |i, j| a[(i, j)] / norms[j])
}

/// The Hilbert matrix, $h_{ij} = 1/(i + j + 1)$, as stored in `f64`.
fn hilbert(n: usize) -> Matrix {
    Matrix::from_fn(n, n, |i, j| 1.0 / (i + j + 1) as f64)
}

/// The yardstick of lesson 1's independence rule, $S = |a_0 b_1| + |a_1 b_0|$.
fn area_yardstick(a: [f64; 2], b: [f64; 2]) -> f64 {
    (a[0] * b[1]).abs() + (a[1] * b[0]).abs()
}

/// The textbook 2-norm $\sqrt{\sum_i v_i^2}$, squaring first: what lesson 2 warns against.
fn naive_norm_l2(v: &[f64]) -> f64 {
    dot(v, v).sqrt()
}

/// `cosine_similarity` without its last step, the clamp to $[-1, 1]$: both norms with `norm_l2`,
/// each vector scaled to unit length by the reciprocal of its norm, then the dot product.
fn unclamped_cosine(a: &[f64], b: &[f64]) -> f64 {
    dot(&scale(1.0 / norm_l2(a), a), &scale(1.0 / norm_l2(b), b))
}

/// One iris flower: the four measurements as `f64` (what the code sees), the same four in exact
/// tenths of a centimetre (the data have one decimal), and the species 0, 1 or 2.
struct Flower {
    cm: Vec<f64>,
    tenths: Vec<i64>,
    species: usize,
}

/// `data/iris.csv`: a header line, then 150 lines of four measurements in cm and a class 0, 1 or 2.
fn iris() -> Vec<Flower> {
    let mut lines = include_str!("../../data/iris.csv").lines();
    assert_eq!(lines.next(), Some("sepal_length_cm,sepal_width_cm,petal_length_cm,petal_width_cm,class"));
    lines
        .map(|line| {
            let fields: Vec<&str> = line.split(',').collect();
            assert_eq!(fields.len(), 5, "four measurements and a class: {line}");
            let measurements = &fields[..4];
            Flower {
                cm: measurements.iter().map(|x| x.parse().unwrap()).collect(),
                tenths: measurements.iter().map(|x| tenths(x)).collect(),
                species: fields[4].parse().unwrap(),
            }
        })
        .collect()
}

/// A measurement such as `"5.1"`, exactly, in tenths: 51. Every value in the file has one decimal.
fn tenths(text: &str) -> i64 {
    let (whole, tenth) = text.split_once('.').unwrap_or_else(|| panic!("{text} has no decimal point"));
    assert_eq!(tenth.len(), 1, "{text} has more than one decimal");
    whole.parse::<i64>().unwrap() * 10 + tenth.parse::<i64>().unwrap()
}

/// Squared Euclidean distance in exact integer arithmetic (in hundredths of cm²); it orders pairs
/// exactly as the true Euclidean distance does.
fn exact_euclidean_squared(a: &[i64], b: &[i64]) -> i64 {
    a.iter().zip(b).map(|(x, y)| (x - y) * (x - y)).sum()
}

/// Chebyshev distance in exact integer arithmetic (in tenths of cm).
fn exact_chebyshev(a: &[i64], b: &[i64]) -> i64 {
    a.iter().zip(b).map(|(x, y)| (x - y).abs()).max().unwrap()
}

/// Leave-one-out ties, as lesson 2's "Ties are real" paragraph counts them.
struct Ties {
    /// Flowers whose nearest true distance (among the other 149) is shared by two or more flowers.
    true_ties: usize,
    /// Of those, the flowers where two or more of these nearest flowers are still at the same
    /// (smallest) `f64` distance, so that the tie rule of `k_nearest` still decides.
    surviving_in_f64: usize,
    /// Of those, the flowers where all of these nearest flowers keep one `f64` distance (a stricter
    /// reading of "the tie survives").
    all_nearest_equal_in_f64: usize,
    /// Flowers whose smallest `f64` distance is shared by two or more flowers, true tie or not.
    f64_ties: usize,
}

/// Counts the [`Ties`] over all flowers, with `exact` the true distance (or any function that
/// orders pairs like it) in integer tenths and `float` the `f64` distance the code uses.
fn count_ties(flowers: &[Flower], exact: fn(&[i64], &[i64]) -> i64, float: fn(&[f64], &[f64]) -> f64) -> Ties {
    let mut ties = Ties { true_ties: 0, surviving_in_f64: 0, all_nearest_equal_in_f64: 0, f64_ties: 0 };
    for (i, query) in flowers.iter().enumerate() {
        // Leave the flower out by its index, never by skipping distance 0.
        let others: Vec<&Flower> = flowers.iter().enumerate().filter(|&(j, _)| j != i).map(|(_, f)| f).collect();
        // Called as k_nearest calls it: distance(row, query).
        let exact_d: Vec<i64> = others.iter().map(|f| exact(&f.tenths, &query.tenths)).collect();
        let float_d: Vec<f64> = others.iter().map(|f| float(&f.cm, &query.cm)).collect();
        let exact_min = *exact_d.iter().min().unwrap();
        let float_min = float_d.iter().copied().fold(f64::INFINITY, f64::min);

        let nearest: Vec<usize> = (0..others.len()).filter(|&k| exact_d[k] == exact_min).collect();
        if nearest.len() >= 2 {
            ties.true_ties += 1;
            if nearest.iter().filter(|&&k| float_d[k] == float_min).count() >= 2 {
                ties.surviving_in_f64 += 1;
            }
            if nearest.iter().all(|&k| float_d[k] == float_d[nearest[0]]) {
                ties.all_nearest_equal_in_f64 += 1;
            }
        }
        if float_d.iter().filter(|&&d| d == float_min).count() >= 2 {
            ties.f64_ties += 1;
        }
    }
    ties
}

// ---------------------------------------------------------------------------------------------
// Lesson 1, README: exercises/01_vectors_and_vector_spaces/README.md
// ---------------------------------------------------------------------------------------------

// "With u = (1, 3) and w = (3, -1): u + w = (1 + 3, 3 - 1) = (4, 2)."
// "so the order matters: (4, 2) - (3, -1) = (1, 3)."
// "turned around when c < 0: -2 · (1, -3) = (-2, 6)."
#[test]
fn tip_to_tail_sum_difference_and_scaling() {
    assert_eq!(add(&[1.0, 3.0], &[3.0, -1.0]), [4.0, 2.0]);
    assert_eq!(sub(&[4.0, 2.0], &[3.0, -1.0]), [1.0, 3.0]);
    assert_eq!(scale(-2.0, &[1.0, -3.0]), [-2.0, 6.0]);
}

// "where u = 2^-53 ≈ 1.11 × 10^-16 is the unit roundoff of f64 (half of Rust's f64::EPSILON)."
// "A result larger than about 1.8 × 10^308 overflows to infinity."
#[test]
fn unit_roundoff_and_the_largest_double() {
    assert_eq!(U, 2f64.powi(-53));
    assert_eq!(sci(U, 2), "1.11e-16");
    assert_eq!(sci(f64::MAX, 1), "1.8e308");
    assert!(add(&[f64::MAX], &[f64::MAX])[0].is_infinite());
}

// "(0.1 + 0.2) + 0.3 gives `0.6000000000000001` while 0.1 + (0.2 + 0.3) gives `0.6`."
#[test]
fn floating_point_addition_is_not_associative() {
    let left = add(&add(&[0.1], &[0.2]), &[0.3]);
    let right = add(&[0.1], &add(&[0.2], &[0.3]));
    assert_eq!(format!("{}", left[0]), "0.6000000000000001");
    assert_eq!(format!("{}", right[0]), "0.6");
}

// "for example 2 (1, 0) + 3 (0, 1) = (2, 3)."
#[test]
fn linear_combination_of_the_unit_vectors() {
    assert_eq!(linear_combination(&[2.0, 3.0], &[vec![1.0, 0.0], vec![0.0, 1.0]]).unwrap(), [2.0, 3.0]);
}

// "With v1 = (1, 0), v2 = (1, 1), v3 = (1, 0) and coefficients (10^16, 1, -10^16) the exact answer
// is (1, 1), but the computed one is (0, 1): 10^16 + 1 rounds back to 10^16 (neighbouring doubles
// are 2 apart there). Summing the same terms in the order 10^16 v1 - 10^16 v3 + v2 gives (1, 1)."
#[test]
fn cancellation_in_linear_combination_loses_the_one() {
    let (v1, v2, v3) = (vec![1.0, 0.0], vec![1.0, 1.0], vec![1.0, 0.0]);
    let computed = linear_combination(&[1e16, 1.0, -1e16], &[v1.clone(), v2.clone(), v3.clone()]).unwrap();
    assert_eq!(computed, [0.0, 1.0]);
    assert_eq!(1e16 + 1.0, 1e16);
    assert_eq!(1e16_f64.next_up() - 1e16, 2.0);
    let reordered = linear_combination(&[1e16, -1e16, 1.0], &[v1, v3, v2]).unwrap();
    assert_eq!(reordered, [1.0, 1.0]);
}

// "For example det[(2, 1) (-1, 1)] = 2 · 1 - 1 · (-1) = 3, swapping the two gives -3, and
// det[(2, 1) (3, 1.5)] = 3 - 3 = 0 because (3, 1.5) = 1.5 (2, 1)."
#[test]
fn signed_area_examples() {
    assert_eq!(signed_area([2.0, 1.0], [-1.0, 1.0]), 3.0);
    assert_eq!(signed_area([-1.0, 1.0], [2.0, 1.0]), -3.0);
    assert_eq!(signed_area([2.0, 1.0], [3.0, 1.5]), 0.0);
    assert_eq!(scale(1.5, &[2.0, 1.0]), [3.0, 1.5]);
}

// "Why 'zero' needs a relative tolerance", the three examples:
// "(0.1, 0.3) ... the computed area is -5.55 × 10^-17, not 0."
// "Multiply both vectors above by 2^40 ... the area is now about -6.7 × 10^7."
// "(10^-20, 0) and (0, 10^-20) are perpendicular, yet their area is 10^-40, far below 10^-9."
// "the three examples above get the verdicts their geometry deserves (the first two dependent,
// the third independent)."
#[test]
fn fixed_tolerances_fail_at_some_scale() {
    let (a, b) = ([1.0, 3.0], [0.1, 0.3]);
    let area = signed_area(a, b);
    assert_eq!(sci(area, 2), "-5.55e-17");
    assert_ne!(area, 0.0);
    assert!(!are_independent_2d(a, b));

    let s = 2f64.powi(40);
    let (big_a, big_b) = ([s * a[0], s * a[1]], [s * b[0], s * b[1]]);
    let big_area = signed_area(big_a, big_b);
    assert_eq!(big_area, s * s * area, "scaling by a power of two never rounds");
    assert_eq!(sci(big_area, 1), "-6.7e7");
    assert!(big_area.abs() > 1e-9);
    assert!(!are_independent_2d(big_a, big_b));

    let (small_a, small_b) = ([1e-20, 0.0], [0.0, 1e-20]);
    let small_area = signed_area(small_a, small_b);
    assert_eq!(small_area, 1e-40);
    assert!(small_area < 1e-9);
    assert!(are_independent_2d(small_a, small_b));
}

// "The threshold 10^-10 is more than 10^5 times the rounding level 4u ...; for (1, 3) and
// (0.1, 0.3) the ratio |det|/S is about 9.25 × 10^-17."
// "A zero vector makes both sides 0, and 0 ≤ 0: dependent, as it should be."
// "(1, 0) and (1, 10^-11) are independent under this rule: their area 10^-11 is computed without
// any cancellation, so it is exact to the last bit."
#[test]
fn the_relative_rule_on_the_lessons_examples() {
    const { assert!(1e-10 > 1e5 * (4.0 * U)) };

    let (a, b) = ([1.0, 3.0], [0.1, 0.3]);
    let s = area_yardstick(a, b);
    assert_eq!(sci(signed_area(a, b).abs() / s, 2), "9.25e-17");

    assert_eq!(signed_area([0.0, 0.0], [1.0, 2.0]), 0.0);
    assert!(!are_independent_2d([0.0, 0.0], [1.0, 2.0]));

    let (a, b) = ([1.0, 0.0], [1.0, 1e-11]);
    assert_eq!(signed_area(a, b), 1e-11, "1 · 10^-11 - 0 · 1 is exact");
    assert!(are_independent_2d(a, b));
}

// "below about 1.5 × 10^-154 an entry's square falls into the subnormal range and loses digits,
// and below about 1.6 × 10^-162 it rounds to 0. Once both products are 0, both sides of the rule
// are 0 and the pair counts as dependent whatever its geometry. ... the checks that expect
// 'independent' stay inside 2^±500."
// (The same two thresholds appear in lesson 2, where they are asserted again.)
#[test]
fn tiny_entries_underflow_in_the_area_test() {
    assert_eq!(sci(threshold(|x| x * x >= f64::MIN_POSITIVE), 1), "1.5e-154");
    assert_eq!(sci(threshold(|x| x * x > 0.0), 1), "1.6e-162");

    let (a, b) = ([1e-163, 0.0], [0.0, 1e-163]);
    assert_eq!(signed_area(a, b), 0.0);
    assert!(!are_independent_2d(a, b), "perpendicular, but both products underflow to 0");

    let t = 2f64.powi(-500);
    assert!(are_independent_2d([t, 0.0], [0.0, t]));
}

// "The rows (1, 2), (3, 4), (5, 0) have mean (3, 2)."
#[test]
fn mean_of_three_rows() {
    let data = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 4.0], vec![5.0, 0.0]]);
    assert_eq!(mean_vector(&data).unwrap(), [3.0, 2.0]);
}

// "The iris dataset has 150 flowers, 4 measurements each, and three species of 50 flowers, so each
// species mean gets the weight 50/150 = 1/3."
// Lesson 1, answer 3 repeats it: "the three iris species, 50 flowers each, where every weight is
// 50/150 = 1/3".
#[test]
fn iris_overall_mean_weights_each_species_mean_by_a_third() {
    let flowers = iris();
    assert_eq!(flowers.len(), 150);
    assert!(flowers.iter().all(|f| f.cm.len() == 4));
    let species_means: Vec<Vec<f64>> = (0..3)
        .map(|s| {
            let rows: Vec<Vec<f64>> = flowers.iter().filter(|f| f.species == s).map(|f| f.cm.clone()).collect();
            assert_eq!(rows.len(), 50);
            mean_vector(&Matrix::from_rows(&rows)).unwrap()
        })
        .collect();
    assert_eq!(flowers.iter().map(|f| f.species).max(), Some(2), "three species: 0, 1 and 2");

    let weight = 50.0 / 150.0;
    assert_eq!(weight, 1.0 / 3.0);
    let all_rows: Vec<Vec<f64>> = flowers.iter().map(|f| f.cm.clone()).collect();
    let overall = mean_vector(&Matrix::from_rows(&all_rows)).unwrap();
    let combined = linear_combination(&[weight; 3], &species_means).unwrap();
    for (x, y) in combined.iter().zip(&overall) {
        assert!(close(*x, *y, 1e-14), "{combined:?} vs {overall:?}");
    }
}

// "The running sum can overflow although the mean is an ordinary number (150 values near 10^307);
// dividing each row by m before adding, or the running update x̄ ← x̄ + (x_k - x̄)/k, avoids that."
#[test]
fn running_sum_overflows_for_huge_rows() {
    let data = Matrix::from_rows(&vec![vec![1e307]; 150]);
    assert!(mean_vector(&data).unwrap()[0].is_infinite());

    let divided_first: f64 = data.rows().map(|row| row[0] / 150.0).sum();
    assert!(close(divided_first, 1e307, 1e-13));
    let mut running = 0.0;
    for (k, row) in data.rows().enumerate() {
        running += (row[0] - running) / (k + 1) as f64;
    }
    assert!(close(running, 1e307, 1e-13));
}

// ---------------------------------------------------------------------------------------------
// Lesson 1, answers: solutions/01_vectors_and_vector_spaces/ANSWERS.md
// ---------------------------------------------------------------------------------------------

// Answer 1: "For a = (2, 1), b = (-1, 1), c = (1, 3): det[b c] = -4, det[a c] = 5, det[a b] = 3,
// so -4 a - 5 b + 3 c = 0, that is c = 4/3 a + 5/3 b."
#[test]
fn answer_1_three_vectors_in_the_plane_are_dependent() {
    let (a, b, c) = ([2.0, 1.0], [-1.0, 1.0], [1.0, 3.0]);
    assert_eq!(signed_area(b, c), -4.0);
    assert_eq!(signed_area(a, c), 5.0);
    assert_eq!(signed_area(a, b), 3.0);
    let vectors = [a.to_vec(), b.to_vec(), c.to_vec()];
    assert_eq!(linear_combination(&[-4.0, -5.0, 3.0], &vectors).unwrap(), [0.0, 0.0]);
    let c_again = linear_combination(&[4.0 / 3.0, 5.0 / 3.0], &vectors[..2]).unwrap();
    assert!(close(c_again[0], 1.0, 4.0 * U) && close(c_again[1], 3.0, 4.0 * U), "{c_again:?}");
}

// Answer 2: "For a = (1, 0) and b = (1, 10^-11): det = 10^-11, S = 10^-11 and ‖a‖‖b‖ ≈ 1. Our rule
// says independent (the ratio |det|/S is 1), the colleague's says dependent."
// "Writing x = (0, 1) as c a + d b needs d = det[a x]/det[a b] = 10^11 and
// c = det[x b]/det[a b] = -10^11."
#[test]
fn answer_2_a_rule_based_on_the_lengths_measures_the_angle() {
    let (a, b) = ([1.0, 0.0], [1.0, 1e-11]);
    let det = signed_area(a, b);
    let s = area_yardstick(a, b);
    let lengths = norm_l2(&a) * norm_l2(&b);
    assert_eq!(det, 1e-11);
    assert_eq!(s, 1e-11);
    assert!(close(lengths, 1.0, 1e-15));
    assert_eq!(det.abs() / s, 1.0);
    assert!(s <= lengths, "Cauchy–Schwarz: S ≤ ‖a‖‖b‖");

    let colleague_says_dependent = det.abs() <= 1e-10 * lengths;
    assert!(are_independent_2d(a, b));
    assert!(colleague_says_dependent);

    let x = [0.0, 1.0];
    let d = signed_area(a, x) / det;
    let c = signed_area(x, b) / det;
    assert!(close(d, 1e11, 1e-15) && close(c, -1e11, 1e-15), "c = {c}, d = {d}");
    let rebuilt = linear_combination(&[c, d], &[a.to_vec(), b.to_vec()]).unwrap();
    assert!((rebuilt[0] - x[0]).abs() <= 1e-4 && (rebuilt[1] - x[1]).abs() <= 1e-4, "{rebuilt:?}");
}

// Answer 3: "All four points: 1/4 ((0, 0) + (4, 0) + (4, 4) + (4, 2)) = (3, 1.5). The group means are
// (0, 0) and (4, 2), and their plain average is (2, 1), which is wrong."
// "x̄ = 1/4 (0, 0) + 3/4 (4, 2) = (3, 1.5)."
#[test]
fn answer_3_averaging_averages_needs_the_group_sizes() {
    let all = Matrix::from_rows(&[vec![0.0, 0.0], vec![4.0, 0.0], vec![4.0, 4.0], vec![4.0, 2.0]]);
    assert_eq!(mean_vector(&all).unwrap(), [3.0, 1.5]);

    let small = mean_vector(&Matrix::from_rows(&[vec![0.0, 0.0]])).unwrap();
    let large = mean_vector(&Matrix::from_rows(&[vec![4.0, 0.0], vec![4.0, 4.0], vec![4.0, 2.0]])).unwrap();
    assert_eq!(small, [0.0, 0.0]);
    assert_eq!(large, [4.0, 2.0]);
    let groups = [small, large];
    assert_eq!(mean_vector(&Matrix::from_rows(&groups)).unwrap(), [2.0, 1.0]);
    assert_eq!(linear_combination(&[0.25, 0.75], &groups).unwrap(), [3.0, 1.5]);
}

// ---------------------------------------------------------------------------------------------
// Lesson 2, README: exercises/02_norms_dot_products_projections/README.md
// ---------------------------------------------------------------------------------------------

// "e.g. (1, 2, 3) · (4, 5, 6) = 4 + 10 + 18 = 32."
// "(1, 0) · (1, 1) = 1 > 0 (45°, the same way), (1, 0) · (0, 1) = 0 (90°, orthogonal),
// (1, 0) · (-1, 1) = -1 < 0 (135°, opposed)."
#[test]
fn dot_product_example_and_its_sign() {
    assert_eq!([1.0 * 4.0, 2.0 * 5.0, 3.0 * 6.0], [4.0, 10.0, 18.0]);
    assert_eq!(dot(&[1.0, 2.0, 3.0], &[4.0, 5.0, 6.0]), 32.0);

    let e0 = [1.0, 0.0];
    for (other, product, degrees) in [([1.0, 1.0], 1.0, 45.0), ([0.0, 1.0], 0.0, 90.0), ([-1.0, 1.0], -1.0, 135.0)] {
        assert_eq!(dot(&e0, &other), product);
        let angle = angle_between(&e0, &other).unwrap().to_degrees();
        assert!(close(angle, degrees, 1e-12), "{other:?}: {angle}°");
    }
}

// "with a = b = 2^600 (1, 1) the exact a · b = 2^1201 is beyond the largest double, about
// 1.8 × 10^308, and the computed dot product is infinite."
#[test]
fn dot_product_overflows_for_huge_entries() {
    let a = scale(2f64.powi(600), &[1.0, 1.0]);
    assert!(2f64.powi(1201).is_infinite(), "2^1201 > f64::MAX");
    assert_eq!(sci(f64::MAX, 1), "1.8e308");
    assert_eq!(dot(&a, &a), f64::INFINITY);
}

// The table for v = (3, -4): "‖v‖₁ ... 7", "‖v‖₂ ... 5", "‖v‖∞ ... 4", "p = 3: (27 + 64)^{1/3} ≈ 4.498".
// "For (3, -4): 4 ≤ 5 ≤ 7, and ‖v‖_p slides from ‖v‖₁ down to ‖v‖∞ as p grows."
#[test]
fn norms_of_three_minus_four() {
    let v = [3.0, -4.0];
    assert_eq!(norm_l1(&v), 7.0);
    assert_eq!(norm_l2(&v), 5.0);
    assert_eq!(norm_inf(&v), 4.0);
    assert_eq!([3f64.powi(3), 4f64.powi(3)], [27.0, 64.0]);
    assert_eq!(fixed(norm_p(&v, 3.0), 3), "4.498");

    // The chain ‖v‖∞ ≤ ‖v‖₂ ≤ ‖v‖₁ ≤ √n ‖v‖₂ ≤ n ‖v‖∞ with n = 2.
    assert!(norm_inf(&v) <= norm_l2(&v) && norm_l2(&v) <= norm_l1(&v));
    assert!(norm_l1(&v) <= 2f64.sqrt() * norm_l2(&v) && 2f64.sqrt() * norm_l2(&v) <= 2.0 * norm_inf(&v));

    let ps = [1.0, 1.5, 2.0, 3.0, 4.0, 8.0, 16.0, 64.0, 1024.0];
    let norms: Vec<f64> = ps.iter().map(|&p| norm_p(&v, p)).collect();
    assert_eq!(norms[0], 7.0);
    assert!(norms.windows(2).all(|w| w[1] < w[0]), "decreasing in p: {norms:?}");
    assert!(close(*norms.last().unwrap(), 4.0, 1e-3));
    assert_eq!(norm_p(&v, f64::INFINITY), 4.0);
}

// "Below p = 1 it fails: with p = 1/2, ‖(1, 0) + (0, 1)‖_{1/2} = (1 + 1)^2 = 4, more than
// ‖(1, 0)‖_{1/2} + ‖(0, 1)‖_{1/2} = 2."
#[test]
fn p_below_one_breaks_the_triangle_inequality() {
    let (e0, e1) = ([1.0, 0.0], [0.0, 1.0]);
    assert_eq!(norm_p(&add(&e0, &e1), 0.5), 4.0);
    assert_eq!(norm_p(&e0, 0.5) + norm_p(&e1, 0.5), 2.0);
}

// "Computing the 2-norm without overflow":
// "an entry above about 1.3 × 10^154 squares to infinity, one below about 1.5 × 10^-154 squares into
// the subnormal range, where digits are lost, and one below about 1.6 × 10^-162 squares to exactly 0.
// So for v = 2^600 (3, 4) the naive formula returns infinity, although ‖v‖₂ = 5 · 2^600 ≈ 2.07 × 10^181;
// for v = 2^-600 (3, 4) it returns 0 instead of about 1.2 × 10^-180."
// "a ratio whose square underflows contributes less than 10^-300 of the sum"
// "the reciprocal ... overflows when m is below about 5.6 × 10^-309."
#[test]
fn squares_leave_the_range_of_f64_long_before_the_norm_does() {
    assert_eq!(sci(threshold(|x| (x * x).is_infinite()), 1), "1.3e154");
    assert_eq!(sci(threshold(|x| x * x >= f64::MIN_POSITIVE), 1), "1.5e-154");
    assert_eq!(sci(threshold(|x| x * x > 0.0), 1), "1.6e-162");

    let huge = scale(2f64.powi(600), &[3.0, 4.0]);
    assert_eq!(naive_norm_l2(&huge), f64::INFINITY);
    assert_eq!(norm_l2(&huge), 5.0 * 2f64.powi(600));
    assert_eq!(sci(norm_l2(&huge), 2), "2.07e181");

    let tiny = scale(2f64.powi(-600), &[3.0, 4.0]);
    assert_eq!(naive_norm_l2(&tiny), 0.0);
    assert_eq!(norm_l2(&tiny), 5.0 * 2f64.powi(-600));
    assert_eq!(sci(norm_l2(&tiny), 1), "1.2e-180");

    // The largest ratio whose square underflows; the sum of squares it joins is at least 1.
    let largest_underflowing = threshold(|x| x * x >= f64::MIN_POSITIVE).next_down();
    assert!(largest_underflowing * largest_underflowing < 1e-300);

    assert_eq!(sci(threshold(|m| (1.0 / m).is_finite()), 1), "5.6e-309");
}

// "From (0, 0) to (3, 4) the Euclidean distance (a ruler) is 5, the Manhattan distance (walking a
// street grid) is 7, and the Chebyshev distance (a chess king's moves) is 4."
#[test]
fn three_distances_from_the_origin_to_three_four() {
    let (origin, p) = ([0.0, 0.0], [3.0, 4.0]);
    assert_eq!(euclidean(&origin, &p), 5.0);
    assert_eq!(manhattan(&origin, &p), 7.0);
    assert_eq!(chebyshev(&origin, &p), 4.0);
}

// "with a = (10^8 + 1) and b = (10^8) it gives 0, while the true squared distance is 1."
#[test]
fn expanded_squared_distance_cancels_for_nearby_points() {
    let (a, b) = ([1e8 + 1.0], [1e8]);
    let shortcut = dot(&a, &a) - 2.0 * dot(&a, &b) + dot(&b, &b);
    assert_eq!(shortcut, 0.0);
    assert_eq!(euclidean(&a, &b).powi(2), 1.0);
}

// "(1, 0) and (1, 1) give 1/√2 ≈ 0.7071. A zero vector has no direction, so cosine_similarity
// returns Err(ZeroVector) for it."
#[test]
fn cosine_similarity_example_and_the_zero_vector() {
    let c = cosine_similarity(&[1.0, 0.0], &[1.0, 1.0]).unwrap();
    assert_eq!(fixed(c, 4), "0.7071");
    assert!(close(c, 1.0 / 2f64.sqrt(), 2.0 * U));
    assert_eq!(cosine_similarity(&[0.0, 0.0], &[1.0, 1.0]), Err(LinalgError::ZeroVector));
}

// "For a = b = 2^600 (1, 1) the textbook formula computes a · b = ∞ and ‖a‖ ‖b‖ = ∞, and ∞/∞ is NaN.
// ... the result is 0.9999999999999998, which is 1 up to rounding. (The reference scales by the
// reciprocal of the norm; for norms below about 5.6 × 10^-309 that reciprocal overflows ...)"
#[test]
fn normalising_first_keeps_the_cosine_finite() {
    let a = scale(2f64.powi(600), &[1.0, 1.0]);
    let (ab, lengths) = (dot(&a, &a), norm_l2(&a) * norm_l2(&a));
    assert_eq!((ab, lengths), (f64::INFINITY, f64::INFINITY));
    assert!((ab / lengths).is_nan());
    assert_eq!(format!("{}", cosine_similarity(&a, &a).unwrap()), "0.9999999999999998");

    assert_eq!(sci(threshold(|m| (1.0 / m).is_finite()), 1), "5.6e-309");
    assert_eq!(1.0 / 1e-309, f64::INFINITY);
}

// "the cosine of (1, 1, 1) with itself computes to 1.0000000000000002 before the clamp, and arccos
// of that is NaN."
#[test]
fn clamping_keeps_arccos_defined() {
    let v = [1.0, 1.0, 1.0];
    let before_clamp = unclamped_cosine(&v, &v);
    assert_eq!(format!("{before_clamp}"), "1.0000000000000002");
    assert!(before_clamp.acos().is_nan());
    assert_eq!(cosine_similarity(&v, &v), Ok(1.0));
    assert_eq!(angle_between(&v, &v), Ok(0.0));
}

// "the double just below 1 is 1 - 2^-53, whose arccos is about 1.49 × 10^-8: no smaller positive
// angle can come out of this formula. The angle between (1, 0) and (1, 10^-8) is about 10^-8, but
// its cosine rounds to exactly 1 and the computed angle is 0; the angle between (1, 1) and itself
// computes to about 2.1 × 10^-8 instead of 0."
// Question 2 repeats: "angle_between gives about 2.1 × 10^-8 for (1, 1) and itself, and 0 for
// (1, 0) and (1, 10^-8)."
#[test]
fn small_angles_through_arccos_are_unreliable() {
    assert_eq!(1f64.next_down(), 1.0 - 2f64.powi(-53));
    assert_eq!(sci(1f64.next_down().acos(), 2), "1.49e-8");

    let (a, b): ([f64; 2], [f64; 2]) = ([1.0, 0.0], [1.0, 1e-8]);
    assert!(close(b[1].atan2(b[0]), 1e-8, 1e-15), "the true angle");
    assert_eq!(cosine_similarity(&a, &b), Ok(1.0));
    assert_eq!(angle_between(&a, &b), Ok(0.0));

    let ones = [1.0, 1.0];
    assert_eq!(sci(angle_between(&ones, &ones).unwrap(), 1), "2.1e-8");
}

// "Example: a = (3, 3), b = (4, 1) give a · b = 15, b · b = 17, t* = 15/17 ≈ 0.882,
// proj_b a ≈ (3.529, 0.882), r ≈ (-0.529, 2.118), and ‖a‖₂² = 18 = 225/17 + 81/17 =
// ‖proj_b a‖₂² + ‖r‖₂². Projecting a second time changes nothing."
#[test]
fn projection_of_three_three_onto_four_one() {
    let (a, b) = ([3.0, 3.0], [4.0, 1.0]);
    assert_eq!(dot(&a, &b), 15.0);
    assert_eq!(dot(&b, &b), 17.0);
    assert_eq!(fixed(15.0 / 17.0, 3), "0.882");

    let p = project_onto(&a, &b).unwrap();
    let r = residual(&a, &b).unwrap();
    assert_eq!(fixed_all(&p, 3), ["3.529", "0.882"]);
    assert_eq!(fixed_all(&r, 3), ["-0.529", "2.118"]);

    assert_eq!(dot(&a, &a), 18.0);
    assert_eq!(225.0 + 81.0, 18.0 * 17.0);
    assert!(close(dot(&p, &p), 225.0 / 17.0, 4.0 * U));
    assert!(close(dot(&r, &r), 81.0 / 17.0, 8.0 * U));

    let p_again = project_onto(&p, &b).unwrap();
    assert!(p_again.iter().zip(&p).all(|(x, y)| close(*x, *y, 4.0 * U)), "{p_again:?} vs {p:?}");
}

// "Orthogonality holds only up to rounding: the computed r · b for the example is about
// 4.4 × 10^-16, not 0."
#[test]
fn residual_is_orthogonal_only_up_to_rounding() {
    let (a, b) = ([3.0, 3.0], [4.0, 1.0]);
    let r = residual(&a, &b).unwrap();
    assert_eq!(sci(dot(&r, &b), 1), "4.4e-16");
}

// "The formula squares b: for entries below about 1.5 × 10^-154, b · b underflows (it loses
// digits, and below about 1.6 × 10^-162 it is exactly 0, so a test `b·b == 0.0` takes a tiny
// non-zero b for the zero vector); above about 1.3 × 10^154 it overflows."
// (The thresholds themselves are asserted in squares_leave_the_range_of_f64_long_before_the_norm_does.)
#[test]
fn projection_squares_b_and_leaves_the_range() {
    let tiny_b = [1e-163, 0.0];
    assert_eq!(dot(&tiny_b, &tiny_b), 0.0);
    // The reference project_onto uses exactly that test.
    assert_eq!(project_onto(&[1.0, 1.0], &tiny_b), Err(LinalgError::ZeroVector));

    let subnormal_b = [1e-155, 0.0];
    assert!(dot(&subnormal_b, &subnormal_b) < f64::MIN_POSITIVE);

    let huge_b = [1.4e154, 0.0];
    assert_eq!(dot(&huge_b, &huge_b), f64::INFINITY);
}

// "Example: rows (0, 0), (5, 5), (1, 0) and query (0.9, 0) with k = 2 give [2, 0]."
#[test]
fn k_nearest_example() {
    let data = Matrix::from_rows(&[vec![0.0, 0.0], vec![5.0, 5.0], vec![1.0, 0.0]]);
    assert_eq!(k_nearest(&data, &[0.9, 0.0], 2, euclidean), [2, 0]);
}

// "Classify each flower by its neighbours among the other 149: with the Euclidean distance, 17 of
// the 150 flowers have two or more nearest neighbours at exactly the same true distance, but in f64
// only 4 of them still have two nearest neighbours at the same computed distance; for the others
// rounding in the last bit picks the nearest. With the Chebyshev distance, 81 flowers have a tied
// nearest neighbour, and for 43 of them at least two stay tied in f64."
//
// True distances are computed exactly, in integer tenths of a centimetre; the f64 ones with the
// reference `euclidean` and `chebyshev`. The stricter count "all of the truly nearest flowers keep
// one f64 distance" is asserted too: the same 4 for Euclidean, 31 for Chebyshev.
#[test]
fn iris_ties_at_the_same_true_distance_mostly_break_in_f64() {
    let flowers = iris();
    assert_eq!(flowers.len() - 1, 149);

    let euclid = count_ties(&flowers, exact_euclidean_squared, euclidean);
    assert_eq!((euclid.true_ties, euclid.surviving_in_f64), (17, 4));

    let cheb = count_ties(&flowers, exact_chebyshev, chebyshev);
    assert_eq!((cheb.true_ties, cheb.surviving_in_f64), (81, 43));
    assert_eq!((euclid.all_nearest_equal_in_f64, cheb.all_nearest_equal_in_f64), (4, 31));

    // "of those ties": rounding never creates a tie that is not there in exact arithmetic.
    assert_eq!(euclid.f64_ties, euclid.surviving_in_f64);
    assert_eq!(cheb.f64_ties, cheb.surviving_in_f64);
}

// "The data also contain one pair of identical flowers (rows 101 and 142, counting from 0), at
// distance 0 from each other."
#[test]
fn iris_has_one_pair_of_identical_flowers() {
    let flowers = iris();
    let mut identical = Vec::new();
    for i in 0..flowers.len() {
        for j in i + 1..flowers.len() {
            if flowers[i].tenths == flowers[j].tenths {
                identical.push((i, j));
            }
        }
    }
    assert_eq!(identical, [(101, 142)]);
    assert_eq!(euclidean(&flowers[101].cm, &flowers[142].cm), 0.0);
}

// ---------------------------------------------------------------------------------------------
// Lesson 2, answers: solutions/02_norms_dot_products_projections/ANSWERS.md
// ---------------------------------------------------------------------------------------------

// Answer 1: "w = t c with c · (t c) = 2, so t = 2/(c · c) = 2/5 and w = (0.4, 0.8). (With the
// lesson's function: project any point of the line, say (2, 0), onto c.) Its 2-norm is
// 2/√5 ≈ 0.894, its 1-norm is 1.2."
// "w = (2 - 2s, s) ... it is 2 at s = 0, 1 at s = 1, and grows outside [0, 1]. The minimum is
// w = (0, 1), with ‖w‖₁ = 1."
#[test]
fn answer_1_smallest_two_norm_and_one_norm_on_a_line() {
    let c = [1.0, 2.0]; // the normal of the line c · w = 2
    assert_eq!(2.0 / dot(&c, &c), 2.0 / 5.0);
    let w = project_onto(&[2.0, 0.0], &c).unwrap();
    assert!(close(w[0], 0.4, 2.0 * U) && close(w[1], 0.8, 2.0 * U), "{w:?}");
    assert!(close(dot(&c, &w), 2.0, 2.0 * U), "on the line");
    assert_eq!(fixed(norm_l2(&w), 3), "0.894");
    assert!(close(norm_l2(&w), 2.0 / 5f64.sqrt(), 4.0 * U));
    assert!(close(norm_l1(&w), 1.2, 4.0 * U));

    let on_line = |s: f64| [2.0 - 2.0 * s, s];
    assert_eq!(norm_l1(&on_line(0.0)), 2.0);
    assert_eq!(on_line(1.0), [0.0, 1.0]);
    assert_eq!(norm_l1(&on_line(1.0)), 1.0);
    for s in [-2.0, -0.5, 0.25, 0.5, 0.75, 0.99, 1.01, 1.5, 3.0] {
        assert!(norm_l1(&on_line(s)) > 1.0, "s = {s}");
    }
}

// Answer 2: "the dot product of the rounded unit vector with itself comes out as 0.9999999999999998,
// that is 1 - 2^-52. ... √(2 · 2^-52) ≈ 2.1 × 10^-8. For (1, 0) and (1, 10^-8) the exact cosine is
// 1/√(1 + 10^-16) ≈ 1 - 5 × 10^-17, which is closer to 1 than to the next double below it, so it
// rounds to exactly 1 and the angle to 0."
// "An error of u in the cosine is an error of about √(2u) ≈ 1.49 × 10^-8 radians in the angle, so
// half of the 16 digits are gone."
// Kahan's formula "gives exactly 0 for (1, 1) and itself, and 10^-8 (to about 15 digits) for (1, 0)
// and (1, 10^-8)." The planar shortcut θ = atan2(|det[a b]|, a · b).
#[test]
fn answer_2_small_angles_through_the_cosine_and_kahans_formula() {
    let ones = [1.0, 1.0];
    let cos = cosine_similarity(&ones, &ones).unwrap();
    assert_eq!(format!("{cos}"), "0.9999999999999998");
    assert_eq!(cos, 1.0 - 2f64.powi(-52));
    assert_eq!(sci((2.0 * 2f64.powi(-52)).sqrt(), 1), "2.1e-8");
    assert!(close(angle_between(&ones, &ones).unwrap(), (2.0 * 2f64.powi(-52)).sqrt(), 1e-12));

    // 1/√(1 + 10^-16) = 1 - 5·10^-17 + O(10^-32), and half the gap below 1 is 2^-54 ≈ 5.55·10^-17.
    assert!(5e-17 < 2f64.powi(-54));
    assert_eq!(cosine_similarity(&[1.0, 0.0], &[1.0, 1e-8]), Ok(1.0));

    assert_eq!(sci((2.0 * U).sqrt(), 2), "1.49e-8");
    assert_eq!(U.log10().round(), -16.0);
    assert_eq!((2.0 * U).sqrt().log10().round(), -8.0, "half of the 16 digits");

    let kahan = |a: &[f64], b: &[f64]| {
        let (ua, ub) = (scale(1.0 / norm_l2(a), a), scale(1.0 / norm_l2(b), b));
        2.0 * norm_l2(&sub(&ua, &ub)).atan2(norm_l2(&add(&ua, &ub)))
    };
    assert_eq!(kahan(&ones, &ones), 0.0);
    let (a, b) = ([1.0, 0.0], [1.0, 1e-8]);
    let true_angle = 1e-8_f64.atan();
    assert!(close(kahan(&a, &b), true_angle, 1e-15), "{:e}", kahan(&a, &b));
    assert!(close(kahan(&a, &b), 1e-8, 1e-15));

    let planar = |a: [f64; 2], b: [f64; 2]| signed_area(a, b).abs().atan2(dot(&a, &b));
    assert_eq!(planar(ones, ones), 0.0);
    assert!(close(planar(a, b), true_angle, 1e-15));
}

// Answer 3: "‖â - b̂‖₂² = ... = 2 - 2 cos θ."
// "Two iris flowers with the same proportions, one twice the size of the other, have cosine
// similarity 1."
// "For a = (1, 0), b = (1, 1), c = (0, 1), 1 - cos gives 1 between a and c, but only about 0.293 for
// each of the two steps through b, and 0.293 + 0.293 ≈ 0.586 < 1."
#[test]
fn answer_3_one_minus_cosine_is_not_a_metric() {
    let (a, b, c) = ([1.0, 0.0], [1.0, 1.0], [0.0, 1.0]);
    let unit_b = scale(1.0 / norm_l2(&b), &b);
    let chord = norm_l2(&sub(&a, &unit_b)).powi(2);
    assert!(close(chord, 2.0 - 2.0 * cosine_similarity(&a, &b).unwrap(), 1e-15));

    let flower = iris().swap_remove(0).cm;
    let twice = scale(2.0, &flower);
    assert!(close(cosine_similarity(&flower, &twice).unwrap(), 1.0, 2.0 * U));

    let one_minus_cos = |x: &[f64], y: &[f64]| 1.0 - cosine_similarity(x, y).unwrap();
    assert_eq!(one_minus_cos(&a, &c), 1.0);
    let step_ab = one_minus_cos(&a, &b);
    let step_bc = one_minus_cos(&b, &c);
    assert_eq!(fixed(step_ab, 3), "0.293");
    assert_eq!(fixed(step_bc, 3), "0.293");
    assert_eq!(fixed(step_ab + step_bc, 3), "0.586");
    assert!(step_ab + step_bc < one_minus_cos(&a, &c));
}

// ---------------------------------------------------------------------------------------------
// Lesson 3, README: exercises/03_matrices_as_transformations/README.md
// ---------------------------------------------------------------------------------------------

/// $\gamma_n = n\mathsf{u}/(1 - n\mathsf{u})$, the factor in the rounding bounds of lesson 3.
fn gamma(n: usize) -> f64 {
    let nu = n as f64 * U;
    nu / (1.0 - nu)
}

/// The running example of lesson 3, $A$ with rows $(2, 1)$ and $(0.5, 1.5)$.
fn running_example() -> Matrix {
    Matrix::from_rows(&[vec![2.0, 1.0], vec![0.5, 1.5]])
}

/// The singular values $(\sigma_{\max}, \sigma_{\min})$ of a $2 \times 2$ matrix: the square roots of
/// the eigenvalues of $A^\top A$, the roots of $\lambda^2 - \operatorname{tr}(A^\top A)\,\lambda +
/// \det(A^\top A)$, computed with the lesson's own `transpose`, `mat_mul`, `trace` and `det2`. The
/// smaller root comes from the product of the roots, to avoid cancellation.
fn singular_values_2x2(a: &Matrix) -> (f64, f64) {
    let ata = mat_mul(&transpose(a), a).unwrap();
    let (t, d) = (trace(&ata).unwrap(), det2(&ata).unwrap());
    let largest = (t + (t * t - 4.0 * d).max(0.0).sqrt()) / 2.0;
    (largest.sqrt(), (d / largest).sqrt())
}

/// The largest entry of $|A - B|$.
fn max_entry_difference(a: &Matrix, b: &Matrix) -> f64 {
    assert_eq!(a.shape(), b.shape());
    a.as_slice().iter().zip(b.as_slice()).map(|(x, y)| (x - y).abs()).fold(0.0, f64::max)
}

/// The six terms of the $3 \times 3$ determinant, in the order the lesson writes them.
fn six_terms(a: &Matrix) -> [f64; 6] {
    let e = |i, j| a[(i, j)];
    [
        e(0, 0) * e(1, 1) * e(2, 2),
        e(0, 1) * e(1, 2) * e(2, 0),
        e(0, 2) * e(1, 0) * e(2, 1),
        -e(0, 2) * e(1, 1) * e(2, 0),
        -e(0, 0) * e(1, 2) * e(2, 1),
        -e(0, 1) * e(1, 0) * e(2, 2),
    ]
}

/// Deterministic pseudo-random numbers in `lo..hi` (SplitMix64), for inexact test matrices.
struct SplitMix(u64);

impl SplitMix {
    fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        lo + (hi - lo) * ((z >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// The bit patterns of a vector, to compare two results to the last bit.
fn bits(v: &[f64]) -> Vec<u64> {
    v.iter().map(|x| x.to_bits()).collect()
}

// "It sends e_0 to its first column (2, 0.5) and e_1 to its second column (1, 1.5), so
// x = (1, 2) = e_0 + 2 e_1 goes to (2, 0.5) + 2 (1, 1.5) = (4, 3.5)."
// "For the example, (2, 1) · (1, 2) = 4 and (0.5, 1.5) · (1, 2) = 3.5."
#[test]
fn the_columns_of_the_running_example_are_the_images_of_the_basis_vectors() {
    let a = running_example();
    assert_eq!(mat_vec_rows(&a, &[1.0, 0.0]), Ok(vec![2.0, 0.5]));
    assert_eq!(mat_vec_rows(&a, &[0.0, 1.0]), Ok(vec![1.0, 1.5]));
    assert_eq!((a.column(0), a.column(1)), (vec![2.0, 0.5], vec![1.0, 1.5]));

    let x = [1.0, 2.0];
    assert_eq!(add(&a.column(0), &scale(2.0, &a.column(1))), [4.0, 3.5]);
    assert_eq!(mat_vec_rows(&a, &x), Ok(vec![4.0, 3.5]));
    assert_eq!(mat_vec_columns(&a, &x), Ok(vec![4.0, 3.5]));
    assert_eq!((dot(a.row(0), &x), dot(a.row(1), &x)), (4.0, 3.5));
}

// "the stretch factors, the singular values σmax ≥ σmin, are the ellipse's semi-axes. For A they are
// about 2.558 and 0.977."
// "For the running example, det A = 2 · 1.5 − 1 · 0.5 = 2.5: the ellipse in the first figure has area
// 2.5π, and indeed an ellipse's area is π times its semi-axes, π · 2.558 · 0.977 ≈ 2.5π."
#[test]
fn the_unit_circle_becomes_an_ellipse_of_area_two_and_a_half_pi() {
    let a = running_example();
    let (s_max, s_min) = singular_values_2x2(&a);
    assert_eq!((fixed(s_max, 3), fixed(s_min, 3)), ("2.558".to_string(), "0.977".to_string()));

    // They really are the longest and the shortest |Ax| over the unit circle.
    let lengths: Vec<f64> = (0..36_000)
        .map(|k| {
            let t = (k as f64 / 100.0).to_radians();
            norm_l2(&mat_vec_rows(&a, &[t.cos(), t.sin()]).unwrap())
        })
        .collect();
    let longest = lengths.iter().copied().fold(0.0, f64::max);
    let shortest = lengths.iter().copied().fold(f64::INFINITY, f64::min);
    assert!(close(longest, s_max, 1e-8) && close(shortest, s_min, 1e-8), "{longest} {shortest}");

    assert_eq!(det2(&a), Ok(2.5));
    assert_eq!(2.0 * 1.5 - 1.0 * 0.5, 2.5);
    assert!(close(s_max * s_min, 2.5, 8.0 * U));
    assert_eq!(fixed(2.558 * 0.977, 2), "2.50");
}

// "both start from 0 and add a_i0 x_0, a_i1 x_1, ..., a_i,n-1 x_n-1 in that order. So they commit the
// same roundings, and the reference mat_vec_rows and mat_vec_columns agree to the last bit."
// "column j of your mat_mul is bit for bit your mat_vec_rows of A with column j of B."
#[test]
fn the_row_and_the_column_view_agree_to_the_last_bit() {
    let mut random = SplitMix(3);
    for (m, n, p) in [(1, 1, 1), (2, 3, 4), (5, 8, 3), (8, 8, 8), (9, 1, 2)] {
        // Entries of mixed sizes, so that the sums really round.
        let mut entry = |_, _| random.uniform(-1.0, 1.0) * 10f64.powi(random.uniform(-3.0, 3.0) as i32);
        let a = Matrix::from_fn(m, n, &mut entry);
        let b = Matrix::from_fn(n, p, &mut entry);
        let c = mat_mul(&a, &b).unwrap();
        for j in 0..p {
            let x = b.column(j);
            let rows = mat_vec_rows(&a, &x).unwrap();
            assert_eq!(bits(&rows), bits(&mat_vec_columns(&a, &x).unwrap()), "{m}×{n}, column {j}");
            assert_eq!(bits(&rows), bits(&c.column(j)), "{m}×{n}×{p}, column {j}");
        }
    }
}

// "for the row (1, 10^-16, -1) and x = (1, 1, 1) the exact y_i is 10^-16, but 1 + 10^-16 rounds to 1
// and both views return 0. That error, 10^-16, is well inside the bound γ_3 (2 + 10^-16) ≈ 6.7 × 10^-16"
#[test]
fn a_row_nearly_orthogonal_to_x_loses_every_digit() {
    let a = Matrix::from_rows(&[vec![1.0, 1e-16, -1.0]]);
    let x = [1.0, 1.0, 1.0];
    assert_eq!(1.0 + 1e-16, 1.0);
    assert_eq!(mat_vec_rows(&a, &x), Ok(vec![0.0]));
    assert_eq!(mat_vec_columns(&a, &x), Ok(vec![0.0]));
    let bound = gamma(3) * (1.0 + 1e-16 + 1.0);
    assert_eq!(sci(bound, 1), "6.7e-16");
    assert!(1e-16 < bound);
}

// "B = [[1, 1], [0, 1]], A = [[0, -1], [1, 0]], AB = [[0, -1], [1, 1]], BA = [[1, -1], [1, 0]].
// For x = (1, 1): Bx = (2, 1) and A(Bx) = (-1, 2) = (AB) x, while (BA) x = (0, 1)."
// The composition figure's caption: "the product AB = [[0, −1], [1, 1]]".
#[test]
fn a_shear_and_a_quarter_turn_do_not_commute() {
    let b = shear(1.0);
    assert_eq!(b, Matrix::from_rows(&[vec![1.0, 1.0], vec![0.0, 1.0]]));
    let a = Matrix::from_rows(&[vec![0.0, -1.0], vec![1.0, 0.0]]);
    let ab = mat_mul(&a, &b).unwrap();
    let ba = mat_mul(&b, &a).unwrap();
    assert_eq!(ab, Matrix::from_rows(&[vec![0.0, -1.0], vec![1.0, 1.0]]));
    assert_eq!(ba, Matrix::from_rows(&[vec![1.0, -1.0], vec![1.0, 0.0]]));

    let x = [1.0, 1.0];
    let bx = mat_vec_rows(&b, &x).unwrap();
    assert_eq!(bx, [2.0, 1.0]);
    assert_eq!(mat_vec_rows(&a, &bx), Ok(vec![-1.0, 2.0]));
    assert_eq!(mat_vec_rows(&ab, &x), Ok(vec![-1.0, 2.0]));
    assert_eq!(mat_vec_rows(&ba, &x), Ok(vec![0.0, 1.0]));

    // maps[0] acts first: [B, A] is "B, then A".
    assert_eq!(apply_in_turn(&[b.clone(), a.clone()], &x), Ok(vec![-1.0, 2.0]));
    assert_eq!(compose(&[b, a]), Ok(ab));
}

// "for n × n matrices A, B and a vector x, (AB) x costs 2n^3 + 2n^2 flops and A(Bx) costs 4n^2. For
// n = 1000 that is about 2.0 × 10^9 against 4 × 10^6, about 500 times more work for the same answer."
// "To apply k ≥ 2 maps of size n × n to N vectors, one at a time costs 2kn^2 N flops; composing first
// costs 2(k - 1) n^3 ... and then 2n^2 N ... Composing is cheaper exactly when N > n."
#[test]
fn where_the_parentheses_go_decides_the_cost() {
    let n: u64 = 1000;
    let (product_first, vector_first) = (2 * n.pow(3) + 2 * n.pow(2), 4 * n.pow(2));
    assert_eq!(sci(product_first as f64, 1), "2.0e9");
    assert_eq!(vector_first, 4_000_000);
    assert_eq!(product_first as f64 / vector_first as f64, 500.5);

    for k in 2..=6_u64 {
        for n in 1..=30_u64 {
            for vectors in 1..=60_u64 {
                let one_at_a_time = 2 * k * n * n * vectors;
                let composing = 2 * (k - 1) * n.pow(3) + 2 * n * n * vectors;
                assert_eq!(composing < one_at_a_time, vectors > n, "k = {k}, n = {n}, N = {vectors}");
            }
        }
    }
}

// "The constant FRAC_PI_2 is π/2 rounded to the nearest double, which is about 6.1 × 10^-17 too small,
// so rotation(FRAC_PI_2) has cos ≈ 6.1 × 10^-17 on its diagonal instead of 0. The product with the
// shear then is not exactly the AB above: its first row comes out as (6.1 × 10^-17,
// -0.9999999999999999), because 6.1 × 10^-17 - 1 rounds to the double just above -1."
#[test]
fn a_quarter_turn_in_f64_is_not_exact() {
    // FRAC_PI_2 is fl(π)/2 exactly, and sin(fl(π)) = sin(π - fl(π)) ≈ π - fl(π) > 0.
    assert_eq!(FRAC_PI_2, PI / 2.0);
    assert!(PI.sin() > 0.0);
    assert_eq!(sci(PI.sin() / 2.0, 1), "6.1e-17");

    let r = rotation(FRAC_PI_2);
    assert_eq!(sci(r[(0, 0)], 1), "6.1e-17");
    assert_eq!((r[(1, 1)], r[(0, 1)], r[(1, 0)]), (r[(0, 0)], -1.0, 1.0));

    let ab = mat_mul(&r, &shear(1.0)).unwrap();
    assert_eq!(sci(ab[(0, 0)], 1), "6.1e-17");
    assert_eq!(format!("{}", ab[(0, 1)]), "-0.9999999999999999");
    assert_eq!(ab[(0, 1)], (-1f64).next_up());
}

// "so R^T R = I holds only up to a few units of u, and a long chain of rotations drifts: turning (1, 0)
// a thousand times by 2π/1000 with mat_vec_rows brings it back to about 1.4 × 10^-14 from where it
// started, and a million turns by 2π/10^6 to about 1.5 × 10^-12."
#[test]
fn rotations_are_orthogonal_only_up_to_rounding_and_drift() {
    let r = rotation(std::f64::consts::FRAC_PI_6);
    let gap = max_entry_difference(&mat_mul(&transpose(&r), &r).unwrap(), &Matrix::identity(2));
    assert!(gap > 0.0 && gap <= 4.0 * U, "{gap:e}");

    let drift = |turns: usize| {
        let r = rotation(2.0 * PI / turns as f64);
        let mut x = vec![1.0, 0.0];
        for _ in 0..turns {
            x = mat_vec_rows(&r, &x).unwrap();
        }
        norm_l2(&sub(&x, &[1.0, 0.0]))
    };
    assert_eq!(sci(drift(1000), 1), "1.4e-14");
    assert_eq!(sci(drift(1_000_000), 1), "1.5e-12");
}

// "F(0), with rows (1, 0) and (0, -1), mirrors across the horizontal axis; F(π/2), with rows (-1, 0) and
// (0, 1), across the vertical axis ... F(θ) = R(2θ) F(0)." "F(θ)^2 = I".
// "det R(θ) = cos²θ + sin²θ = 1, det F(θ) = -cos² 2θ - sin² 2θ = -1 and det S(k) = 1 · 1 - k · 0 = 1"
// The orientation figure: "a rotation by 60° (det 1)", "the reflection across the line at 60° (det −1)".
// "S(k) S(l) = S(k + l) and S(k)^-1 = S(-k)"; "S(k) e_1 has length √(1 + k²)".
#[test]
fn the_maps_of_the_plane_and_their_determinants() {
    assert_eq!(reflection(0.0), Matrix::from_rows(&[vec![1.0, 0.0], vec![0.0, -1.0]]));
    let flip = Matrix::from_rows(&[vec![-1.0, 0.0], vec![0.0, 1.0]]);
    assert!(max_entry_difference(&reflection(FRAC_PI_2), &flip) <= 2.0 * U);

    for theta in [-2.0, -0.7, 0.3, PI / 3.0, 1.0, 2.5, 4.0] {
        let (r, f) = (rotation(theta), reflection(theta));
        assert!((det2(&r).unwrap() - 1.0).abs() <= 4.0 * U, "θ = {theta}");
        assert!((det2(&f).unwrap() + 1.0).abs() <= 4.0 * U, "θ = {theta}");
        assert!(max_entry_difference(&mat_mul(&f, &f).unwrap(), &Matrix::identity(2)) <= 4.0 * U);
        let rotated_flip = mat_mul(&rotation(2.0 * theta), &reflection(0.0)).unwrap();
        assert!(max_entry_difference(&rotated_flip, &f) <= 8.0 * U, "θ = {theta}");
        // The mirror's direction stays, its normal flips.
        let (d, n) = ([theta.cos(), theta.sin()], [-theta.sin(), theta.cos()]);
        assert!(norm_l2(&sub(&mat_vec_rows(&f, &d).unwrap(), &d)) <= 8.0 * U);
        assert!(norm_l2(&add(&mat_vec_rows(&f, &n).unwrap(), &n)) <= 8.0 * U);
    }
    assert_eq!(fixed(det2(&rotation(PI / 3.0)).unwrap(), 2), "1.00");
    assert_eq!(fixed(det2(&reflection(PI / 3.0)).unwrap(), 2), "-1.00");

    for (k, l) in [(-3.0, 0.5), (1.0, 1.0), (1e6, -2.0)] {
        assert_eq!(det2(&shear(k)), Ok(1.0));
        assert_eq!(mat_mul(&shear(k), &shear(l)), Ok(shear(k + l)));
        assert_eq!(mat_mul(&shear(k), &shear(-k)), Ok(Matrix::identity(2)));
        assert_eq!(norm_l2(&shear(k).column(1)), (1.0 + k * k).sqrt());
    }
}

// "det(AB) = det A · det B": with the running example and the maps of the plane. And
// "det(cA) = c^n det A for an n × n matrix, not c det A", "det A^T = det A".
#[test]
fn determinants_multiply() {
    let a = running_example();
    for b in [shear(1.0), rotation(0.4), reflection(1.1), Matrix::from_rows(&[vec![3.0, -1.0], vec![2.0, 0.5]])] {
        let ab = det2(&mat_mul(&a, &b).unwrap()).unwrap();
        let ba = det2(&mat_mul(&b, &a).unwrap()).unwrap();
        let product = det2(&a).unwrap() * det2(&b).unwrap();
        assert!(close(ab, product, 16.0 * U) && close(ba, product, 16.0 * U), "{ab} {ba} {product}");
    }
    let c = Matrix::from_rows(&[vec![2.0, 0.0, 1.0], vec![1.0, 3.0, 2.0], vec![0.0, 1.0, 1.0]]);
    let twice = Matrix::from_fn(3, 3, |i, j| 2.0 * c[(i, j)]);
    assert_eq!(det3(&twice), Ok(8.0 * det3(&c).unwrap()));
    assert_eq!(det3(&transpose(&c)), det3(&c));
    assert_eq!(det3(&mat_mul(&c, &twice).unwrap()), Ok(det3(&c).unwrap() * det3(&twice).unwrap()));
}

// "the matrix with rows (2, 0, 1), (1, 3, 2) and (0, 1, 1) has determinant 2 (3 - 2) - 0 + 1 (1 - 0) = 3."
#[test]
fn cofactor_expansion_example() {
    let c = Matrix::from_rows(&[vec![2.0, 0.0, 1.0], vec![1.0, 3.0, 2.0], vec![0.0, 1.0, 1.0]]);
    assert_eq!(det3(&c), Ok(3.0));
    assert_eq!(2.0 * (3.0 - 2.0) - 0.0 + 1.0 * (1.0 - 0.0), 3.0);
    assert_eq!(six_terms(&c).iter().sum::<f64>(), 3.0);
}

// "Three 2 × 2 determinants (9 flops), three multiplications and two additions make 14 flops ...; the
// six-term form costs 17. ... each n × n determinant needs n of size n - 1, at least n! multiplications
// in all: for n = 20, 20! ≈ 2.4 × 10^18. Elimination (lesson 5) gets the determinant ... in about
// 2n^3/3 flops, about 5,300 for n = 20."
#[test]
fn cofactor_expansion_costs_a_factorial() {
    assert_eq!(3 * 3 + 3 + 2, 14);
    assert_eq!(6 * 2 + 5, 17);
    // Multiplications of the recursive expansion: n minors, and one multiplication per minor.
    let mut multiplications: u128 = 0; // a 1 × 1 determinant needs none
    let mut factorial: u128 = 1;
    for n in 2..=20_u128 {
        multiplications = n * (multiplications + 1);
        factorial *= n;
        assert!(multiplications >= factorial, "n = {n}");
    }
    assert_eq!(sci(factorial as f64, 1), "2.4e18");
    assert_eq!((2.0 * 20f64.powi(3) / 3.0).round(), 5333.0);
}

// "The matrix with rows (0.1, 0.2, 0.3), (0.4, 0.5, 0.6), (0.7, 0.8, 0.9) is singular (the middle row is
// the average of the other two), but its entries are not binary fractions, and det3 returns about
// 1.7 × 10^-17. The six terms add up in absolute value to 0.45, so anything below γ_5 · 0.45 ≈
// 2.5 × 10^-16 cannot be told apart from zero."
#[test]
fn a_singular_matrix_of_tenths_has_a_small_nonzero_determinant() {
    let tenths = [[1, 2, 3], [4, 5, 6], [7, 8, 9]];
    assert!((0..3).all(|j| 2 * tenths[1][j] == tenths[0][j] + tenths[2][j]), "the middle row is the average");

    let a = Matrix::from_fn(3, 3, |i, j| f64::from(tenths[i][j]) / 10.0);
    assert_eq!(a.row(0), [0.1, 0.2, 0.3]);
    let det = det3(&a).unwrap();
    assert_eq!(sci(det, 1), "1.7e-17");

    let size: f64 = six_terms(&a).iter().map(|t| t.abs()).sum();
    assert_eq!(fixed(size, 2), "0.45");
    assert_eq!(sci(gamma(5) * size, 1), "2.5e-16");
    assert!(det.abs() < gamma(5) * size);
}

// "The 3 × 3 matrix 10^-4 I is as easy to invert as I, yet its determinant is 10^-12. The shear S(10^6)
// has determinant exactly 1, yet changing its 0 entry to 10^-6 makes it singular
// (1 · 1 - 10^6 · 10^-6 = 0, and det2 returns exactly 0 for it). ... for S(10^6) the condition number is
// about 10^12."
// Answer 3 repeats these, and adds: "a relative change of 10^-12 next to the largest entry", "lose about
// 12 of the 16 digits", "It is 1 for 10^-4 I and about 10^-12 for S(10^6)".
#[test]
fn the_determinant_does_not_measure_closeness_to_singular() {
    let small = Matrix::from_fn(3, 3, |i, j| if i == j { 1e-4 } else { 0.0 });
    assert!(close(det3(&small).unwrap(), 1e-12, 4.0 * U));
    assert!(det3(&small).unwrap() < 1e-10);

    let s = shear(1e6);
    assert_eq!(det2(&s), Ok(1.0));
    let perturbed = Matrix::from_rows(&[vec![1.0, 1e6], vec![1e-6, 1.0]]);
    assert_eq!(det2(&perturbed), Ok(0.0));
    assert_eq!(1e-6 / 1e6, 1e-12);

    let (s_max, s_min) = singular_values_2x2(&s);
    let kappa = s_max / s_min;
    assert_eq!(sci(kappa, 1), "1.0e12");
    assert_eq!(sci(1.0 / kappa, 1), "1.0e-12");
    assert_eq!(kappa.log10().round(), 12.0);
    assert_eq!(U.log10().round(), -16.0);
}

// "tr A ... for the running example, 2 + 1.5 = 3.5."
// "A (2, 1) = (5, 2.5) = 2.5 · (2, 1) and A (1, -1) = (1, -1): the eigenvalues are 2.5 and 1, their sum
// 3.5 is the trace, and their product 2.5 is the determinant."
// "R(θ) has trace 2 cos θ and determinant 1"; "tr(AB) = tr(BA)"; "tr(A^T A) = Σ a_ij², the squared
// Frobenius norm".
#[test]
fn the_trace_is_the_sum_of_the_eigenvalues() {
    let a = running_example();
    assert_eq!(trace(&a), Ok(3.5));
    assert_eq!(mat_vec_rows(&a, &[2.0, 1.0]), Ok(vec![5.0, 2.5]));
    assert_eq!(scale(2.5, &[2.0, 1.0]), [5.0, 2.5]);
    assert_eq!(mat_vec_rows(&a, &[1.0, -1.0]), Ok(vec![1.0, -1.0]));
    assert_eq!((2.5 + 1.0, 2.5 * 1.0), (trace(&a).unwrap(), det2(&a).unwrap()));
    // Both are roots of λ² - tr A λ + det A.
    for lambda in [2.5, 1.0] {
        assert_eq!(lambda * lambda - 3.5 * lambda + 2.5, 0.0);
    }

    for theta in [0.3, 1.0, 2.0] {
        assert!(close(trace(&rotation(theta)).unwrap(), 2.0 * theta.cos(), 4.0 * U));
    }

    let tall = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, -1.0], vec![0.5, 4.0]]);
    let wide = Matrix::from_rows(&[vec![2.0, 0.0, -1.0], vec![1.0, 1.0, 3.0]]);
    let (tw, wt) = (mat_mul(&tall, &wide).unwrap(), mat_mul(&wide, &tall).unwrap());
    assert_eq!((tw.shape(), wt.shape()), ((3, 3), (2, 2)));
    assert_eq!(trace(&tw), trace(&wt));
    let frobenius_squared: f64 = tall.as_slice().iter().map(|x| x * x).sum();
    assert_eq!(trace(&mat_mul(&transpose(&tall), &tall).unwrap()), Ok(frobenius_squared));
    assert_eq!(trace(&tall), Err(LinalgError::NotSquare { rows: 3, cols: 2 }));
}

// Apply it: "Each image has 8 × 8 pixels with values from 0 to 16, stored as a row of 64 numbers."
// (data/digits.csv: 64 pixel values, then the label, per line; 1797 images.)
#[test]
fn the_digits_are_eight_by_eight_images_with_values_from_0_to_16() {
    let rows: Vec<Vec<f64>> = include_str!("../../data/digits.csv")
        .lines()
        .map(|line| line.split(',').map(|v| v.parse().unwrap()).collect())
        .collect();
    assert_eq!(rows.len(), 1797);
    assert!(rows.iter().all(|r| r.len() == 8 * 8 + 1));
    let pixels = || rows.iter().flat_map(|r| r[..64].iter().copied());
    assert!(pixels().all(|v| v == v.trunc()));
    assert_eq!(pixels().fold(f64::INFINITY, f64::min), 0.0);
    assert_eq!(pixels().fold(0.0, f64::max), 16.0);
}

// Apply it: "the weights uniform in ±1/√64 = ±1/8", "2 · 256 · 64 · 10 = 327,680 flops".
#[test]
fn the_dense_layer_costs_327_680_flops() {
    assert_eq!(1.0 / 64f64.sqrt(), 1.0 / 8.0);
    assert_eq!(2 * 256 * 64 * 10, 327_680);
}

// ---------------------------------------------------------------------------------------------
// Lesson 3, answers: solutions/03_matrices_as_transformations/ANSWERS.md
// ---------------------------------------------------------------------------------------------

// Answer 1: "F(α) F(β) = R(2(α - β))", "R(ψ) = F(ψ/2) F(0)".
// "With α = π/3 and β = π/12 the angle is 2(π/3 - π/12) = π/2. compose(&[reflection(PI / 12.0),
// reflection(PI / 3.0)]) has the rows (1.1 × 10^-16, -1) and (1, 1.1 × 10^-16)".
// "In the other order ... R(-π/2), with the rows (0, 1) and (-1, 0) up to rounding."
// "F(π/2) ... F(0) ... R(-π) = -I ... compose gives -I up to entries of about 1.2 × 10^-16 off the
// diagonal, and det2 of the result is 1."
#[test]
fn answer_1_two_reflections_make_a_rotation() {
    for (alpha, beta) in [(PI / 3.0, PI / 12.0), (0.4, 1.3), (-1.0, 2.0), (2.2, 0.0)] {
        let m = compose(&[reflection(beta), reflection(alpha)]).unwrap();
        assert!(max_entry_difference(&m, &rotation(2.0 * (alpha - beta))) <= 16.0 * U, "α = {alpha}, β = {beta}");
    }
    for psi in [0.5, 2.0, -1.2] {
        let m = mat_mul(&reflection(psi / 2.0), &reflection(0.0)).unwrap();
        assert!(max_entry_difference(&m, &rotation(psi)) <= 8.0 * U);
    }

    assert!(close(2.0 * (PI / 3.0 - PI / 12.0), FRAC_PI_2, 2.0 * U));
    let m = compose(&[reflection(PI / 12.0), reflection(PI / 3.0)]).unwrap();
    assert_eq!((sci(m[(0, 0)], 1), sci(m[(1, 1)], 1)), ("1.1e-16".to_string(), "1.1e-16".to_string()));
    assert_eq!((m[(0, 1)], m[(1, 0)]), (-1.0, 1.0));

    let other = compose(&[reflection(PI / 3.0), reflection(PI / 12.0)]).unwrap();
    let minus_quarter_turn = Matrix::from_rows(&[vec![0.0, 1.0], vec![-1.0, 0.0]]);
    assert!(max_entry_difference(&other, &minus_quarter_turn) <= 4.0 * U);

    let flips = compose(&[reflection(FRAC_PI_2), reflection(0.0)]).unwrap();
    let minus_identity = Matrix::from_rows(&[vec![-1.0, 0.0], vec![0.0, -1.0]]);
    assert_eq!((flips[(0, 0)], flips[(1, 1)]), (-1.0, -1.0));
    assert_eq!(
        (sci(flips[(0, 1)].abs(), 1), sci(flips[(1, 0)].abs(), 1)),
        ("1.2e-16".to_string(), "1.2e-16".to_string())
    );
    assert!(max_entry_difference(&flips, &minus_identity) <= 2.0 * U);
    assert_eq!(det2(&flips), Ok(1.0));
    let other_order = compose(&[reflection(0.0), reflection(FRAC_PI_2)]).unwrap();
    assert!(max_entry_difference(&other_order, &minus_identity) <= 2.0 * U);
}

// Answer 2: "(QK^T) V ... 4L^2 d. Q (K^T V) ... 4Ld^2. The ratio is L/d. For L = 4096 and d = 64 that
// is 4.3 × 10^9 flops against 6.7 × 10^7, 64 times fewer, and the intermediate matrix shrinks from L^2,
// about 16.8 million entries, to d^2 = 4096."
#[test]
fn answer_2_regrouping_attention_without_the_softmax() {
    let (l, d): (u64, u64) = (4096, 64);
    let (scores_first, keys_first) = (4 * l * l * d, 4 * l * d * d);
    assert_eq!(sci(scores_first as f64, 1), "4.3e9");
    assert_eq!(sci(keys_first as f64, 1), "6.7e7");
    assert_eq!(scores_first / keys_first, 64);
    assert_eq!(l / d, 64);
    assert_eq!(fixed((l * l) as f64 / 1e6, 1), "16.8");
    assert_eq!(d * d, 4096);

    // Without the softmax the two orders are the same product, up to rounding.
    let mut random = SplitMix(7);
    let mut entry = |_, _| random.uniform(-1.0, 1.0);
    let (q, k, v) =
        (Matrix::from_fn(12, 3, &mut entry), Matrix::from_fn(12, 3, &mut entry), Matrix::from_fn(12, 3, &mut entry));
    let kt = transpose(&k);
    let scores_then_values = mat_mul(&mat_mul(&q, &kt).unwrap(), &v).unwrap();
    let keys_then_queries = mat_mul(&q, &mat_mul(&kt, &v).unwrap()).unwrap();
    assert!(max_entry_difference(&scores_then_values, &keys_then_queries) <= 1e-13);
}

// Answer 3: "Its determinant is (10^-4)^3 = 10^-12 ... its inverse is 10^4 I", "It is 1 for 10^-4 I". (The shear's numbers
// are asserted in the_determinant_does_not_measure_closeness_to_singular.)
// Hadamard: "1 for 10^-4 I, and 1/√(1 + 10^12) ≈ 10^-6 for S(10^6) ... it underrates the danger of
// S(10^6) by six orders of magnitude."
#[test]
fn answer_3_a_normalised_determinant_and_its_limits() {
    let small = Matrix::from_fn(3, 3, |i, j| if i == j { 1e-4 } else { 0.0 });
    // "Its columns are orthogonal and of equal length": AᵀA = 10^-8 I, so every singular value is 10^-4
    // and σmin/σmax = 1.
    let gram = mat_mul(&transpose(&small), &small).unwrap();
    assert!(max_entry_difference(&gram, &Matrix::from_fn(3, 3, |i, j| if i == j { 1e-8 } else { 0.0 })) <= 1e-24);
    let inverse = Matrix::from_fn(3, 3, |i, j| if i == j { 1e4 } else { 0.0 });
    assert!(max_entry_difference(&mat_mul(&small, &inverse).unwrap(), &Matrix::identity(3)) <= 2.0 * U);

    let hadamard = |det: f64, a: &Matrix| det.abs() / (0..a.ncols()).map(|j| norm_l2(&a.column(j))).product::<f64>();
    assert!(close(hadamard(det3(&small).unwrap(), &small), 1.0, 8.0 * U));

    let s = shear(1e6);
    let ratio = hadamard(det2(&s).unwrap(), &s);
    assert!(close(ratio, 1.0 / (1.0 + 1e12_f64).sqrt(), 4.0 * U));
    assert_eq!(sci(ratio, 1), "1.0e-6");
    let (s_max, s_min) = singular_values_2x2(&s);
    assert_eq!((ratio / (s_min / s_max)).log10().round(), 6.0);
}

// ---------------------------------------------------------------------------------------------
// Lesson 4, README: exercises/04_rank_fundamental_subspaces/README.md
// ---------------------------------------------------------------------------------------------

// Lesson 4's functions are imported here rather than at the top, so that this section stands alone.
use solutions::l04::column_space::column_space;
use solutions::l04::four_subspaces::subspace_dimensions;
use solutions::l04::left_null_space::left_null_space;
use solutions::l04::null_space::null_space;
use solutions::l04::rank::{nullity, rank};
use solutions::l04::row_space::row_space;
use solutions::l04::rref::rref;

/// $\varepsilon = 2^{-52}$, `f64::EPSILON`, as lesson 4 writes it.
const EPS: f64 = f64::EPSILON;

/// $\lVert A \rVert_\infty$, the largest absolute row sum, as the reference `rref` computes it.
fn row_sum_norm(a: &Matrix) -> f64 {
    a.rows().map(|row| row.iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max)
}

/// The bare scale $\tau_0 = \max(m, n)\,\varepsilon\,\lVert A \rVert_\infty$ (MATLAB's `rref` rule).
fn tau_0(a: &Matrix) -> f64 {
    a.nrows().max(a.ncols()) as f64 * EPS * row_sum_norm(a)
}

/// The tolerance of the reference `rref`, $\tau = 1000 \cdot \max(m, n)\,\varepsilon\,\lVert A \rVert_\infty$,
/// computed in the reference's order.
fn tau(a: &Matrix) -> f64 {
    1000.0 * a.nrows().max(a.ncols()) as f64 * EPS * row_sum_norm(a)
}

/// The rank-3 integer matrix $E$ whose rounding defeats $\tau_0$.
fn defeats_tau_0() -> Matrix {
    Matrix::from_rows(&[
        vec![-12.0, -1.0, 5.0, 1.0, -10.0, 5.0],
        vec![-1.0, 9.0, 13.0, 6.0, -5.0, 9.0],
        vec![4.0, -8.0, -13.0, 5.0, 8.0, -3.0],
        vec![-3.0, -12.0, -15.0, -6.0, 3.0, -9.0],
    ])
}

/// One run of Gauss–Jordan elimination with a tolerance of our choice.
struct Elimination {
    r: Matrix,
    pivots: Vec<usize>,
    /// The largest |candidate| of each column visited, with its sign: the number the rank decision
    /// compares with the tolerance.
    candidates: Vec<f64>,
    /// Divisions, multiplications and subtractions.
    flops: usize,
}

/// The reference `rref` (solutions/04_rank_fundamental_subspaces/rref.rs), operation for operation,
/// with the tolerance as an argument: `tol = 0.0` is the `pivot == 0.0` rule the lesson warns against
/// (a candidate is taken unless it is exactly 0). It records the candidates and counts the flops.
/// `replica_is_the_reference` checks that with `tol = tau(a)` it returns exactly what `rref` returns.
fn rref_with_tolerance(a: &Matrix, tol: f64) -> Elimination {
    let (m, n) = a.shape();
    let mut r = a.clone();
    let (mut pivots, mut candidates, mut flops) = (Vec::new(), Vec::new(), 0);
    for j in 0..n {
        let row = pivots.len();
        if row == m {
            break;
        }
        let mut p = row;
        for i in row + 1..m {
            if r[(i, j)].abs() > r[(p, j)].abs() {
                p = i;
            }
        }
        candidates.push(r[(p, j)]);
        if r[(p, j)].abs() <= tol {
            for i in row..m {
                r[(i, j)] = 0.0;
            }
            continue;
        }
        r.swap_rows(row, p);
        let pivot = r[(row, j)];
        for x in r.row_mut(row) {
            *x /= pivot;
        }
        flops += n;
        for i in (0..m).filter(|&i| i != row) {
            let factor = r[(i, j)];
            for k in j + 1..n {
                let v = r[(row, k)];
                r[(i, k)] -= factor * v;
            }
            flops += 2 * (n - j - 1);
            r[(i, j)] = 0.0;
        }
        pivots.push(j);
    }
    Elimination { r, pivots, candidates, flops }
}

/// The worked example of lesson 4: rank 2, column 1 twice column 0, row 2 twice row 0 plus row 1.
fn worked_example() -> Matrix {
    Matrix::from_rows(&[vec![1.0, 2.0, 1.0], vec![2.0, 4.0, 4.0], vec![4.0, 8.0, 6.0]])
}

/// The matrix $B$ with rows $(1, 2, 3)$, $(4, 5, 6)$, $(7, 8, 9)$: rank 2, inexact elimination.
fn one_to_nine() -> Matrix {
    Matrix::from_fn(3, 3, |i, j| (3 * i + j + 1) as f64)
}

/// The $60 \times 60$ upper triangular matrix $T$: 1 on the diagonal, $-1$ above it.
fn upper_minus_ones(n: usize) -> Matrix {
    Matrix::from_fn(n, n, |i, j| match j.cmp(&i) {
        std::cmp::Ordering::Equal => 1.0,
        std::cmp::Ordering::Greater => -1.0,
        std::cmp::Ordering::Less => 0.0,
    })
}

/// A CSV file of numbers with a header line: the column names and the rows.
fn numeric_csv(text: &str) -> (Vec<String>, Vec<Vec<f64>>) {
    let mut lines = text.lines();
    let header = lines.next().unwrap().split(',').map(String::from).collect();
    let rows = lines.map(|line| line.split(',').map(|x| x.parse().unwrap()).collect()).collect();
    (header, rows)
}

/// The 16 × 6 Longley predictors (the response TOTEMP dropped), with their names and the years.
fn longley() -> (Vec<String>, Matrix, Vec<f64>) {
    let (header, rows) = numeric_csv(include_str!("../../data/longley.csv"));
    assert_eq!(header, ["TOTEMP", "GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]);
    let x = Matrix::from_fn(rows.len(), 6, |i, j| rows[i][j + 1]);
    let years = rows.iter().map(|r| r[6]).collect();
    (header[1..].to_vec(), x, years)
}

/// The 442 × 10 diabetes features (the target y dropped), then the same with a column bmi + bp
/// appended, computed in floating point.
fn diabetes() -> (Vec<String>, Matrix, Matrix) {
    let (header, rows) = numeric_csv(include_str!("../../data/diabetes.csv"));
    assert_eq!(header, ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6", "y"]);
    let x = Matrix::from_fn(rows.len(), 10, |i, j| rows[i][j]);
    let with_sum = Matrix::from_fn(rows.len(), 11, |i, j| if j < 10 { rows[i][j] } else { rows[i][2] + rows[i][3] });
    (header[..10].to_vec(), x, with_sum)
}

/// Pearson's correlation of two samples.
fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let mean = |v: &[f64]| v.iter().sum::<f64>() / v.len() as f64;
    let (mx, my) = (mean(x), mean(y));
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx) * (a - mx)).sum();
    let syy: f64 = y.iter().map(|b| (b - my) * (b - my)).sum();
    sxy / (sxx * syy).sqrt()
}

/// The columns of a basis matrix, as vectors.
fn basis_vectors(b: &Matrix) -> Vec<Vec<f64>> {
    (0..b.ncols()).map(|k| b.column(k)).collect()
}

// Not a sentence of the lesson: the replica used below to look inside the elimination is the
// reference `rref`, to the last bit, on every matrix of the lesson.
#[test]
fn replica_is_the_reference() {
    let (_, longley_x, _) = longley();
    let (_, diabetes_x, diabetes_sum) = diabetes();
    let mut t_near = upper_minus_ones(60);
    t_near[(59, 0)] = -(2f64.powi(-58));
    let all = [worked_example(), one_to_nine(), defeats_tau_0(), upper_minus_ones(60), t_near, longley_x, diabetes_x];
    for a in all.into_iter().chain([diabetes_sum]) {
        let replica = rref_with_tolerance(&a, tau(&a));
        let (r, pivots) = rref(&a);
        assert_eq!(replica.r, r);
        assert_eq!(replica.pivots, pivots);
    }
}

// "a 3 × 100 matrix has at most 3 independent columns, because it has only 3 rows. And the rank plus
// the nullity, the dimension of the null space, is the number of columns, r + (n - r) = n."
// "A matrix with more columns than rows has at most m pivots, so a free column, so a non-zero null
// vector."
#[test]
fn a_wide_matrix_has_a_null_space() {
    let wide = Matrix::from_fn(3, 100, |i, j| ((7 * i + 3 * j * j + 1) % 11) as f64 - 5.0);
    assert_eq!(rank(&wide), 3);
    assert_eq!(nullity(&wide), 97);
    assert_eq!(rank(&wide) + nullity(&wide), 100);
    let null = null_space(&wide);
    assert_eq!(null.ncols(), 97);
    let v = null.column(0);
    let av = mat_vec_rows(&wide, &v).unwrap();
    assert!(av.iter().all(|x| x.abs() <= 1e-12), "{av:?}");
}

// The worked example: "Its column 1 is twice its column 0, and its row 2 is twice row 0 plus row 1,
// so the rank is at most 2. The largest row sum is 4 + 8 + 6 = 18, so τ = 1000 · 3 · 2^-52 · 18 ≈ 1.2 × 10^-11."
// The table, steps 0 to 6, and "Every number here is exact in binary ... The pivot columns are 0
// and 2, and the rank is 2."
#[test]
fn the_worked_example_step_by_step() {
    let a = worked_example();
    assert_eq!(a.column(1), scale(2.0, &a.column(0)));
    assert_eq!(a.row(2), add(&scale(2.0, a.row(0)), a.row(1)));
    assert_eq!(row_sum_norm(&a), 18.0);
    assert_eq!(tau(&a), 1000.0 * 3.0 * EPS * 18.0);
    assert_eq!(sci(tau(&a), 1), "1.2e-11");

    let m = |rows: [[f64; 3]; 3]| Matrix::from_rows(&rows.map(|r| r.to_vec()));
    // Step 1: the largest candidate of column 0 is 4, in row 2 (the replica records it).
    let run = rref_with_tolerance(&a, tau(&a));
    assert_eq!(run.candidates, [4.0, 0.0, 1.0], "columns 0, 1 and 2");
    let mut r = a.clone();
    r.swap_rows(0, 2);
    assert_eq!(r, m([[4.0, 8.0, 6.0], [2.0, 4.0, 4.0], [1.0, 2.0, 1.0]]));
    // Step 2: divide row 0 by 4.
    r.row_mut(0).iter_mut().for_each(|x| *x /= 4.0);
    assert_eq!(r, m([[1.0, 2.0, 1.5], [2.0, 4.0, 4.0], [1.0, 2.0, 1.0]]));
    // Step 3: row 1 - 2 row 0, row 2 - 1 row 0.
    let row0 = r.row(0).to_vec();
    for (i, factor) in [(1, 2.0), (2, 1.0)] {
        let updated = sub(r.row(i), &scale(factor, &row0));
        r.row_mut(i).copy_from_slice(&updated);
    }
    assert_eq!(r, m([[1.0, 2.0, 1.5], [0.0, 0.0, 1.0], [0.0, 0.0, -0.5]]));
    // Step 4: the candidates of column 1 in rows 1 and 2 are both 0, at most τ.
    assert!([r[(1, 1)], r[(2, 1)]].iter().all(|x| x.abs() == 0.0 && x.abs() <= tau(&a)));
    // Step 5: the largest candidate of column 2 is 1, in row 1; dividing by 1 changes nothing.
    assert_eq!([r[(1, 2)], r[(2, 2)]], [1.0, -0.5]);
    // Step 6: row 0 - 1.5 row 1, row 2 + 0.5 row 1.
    let row1 = r.row(1).to_vec();
    for (i, factor) in [(0, 1.5), (2, -0.5)] {
        let updated = sub(r.row(i), &scale(factor, &row1));
        r.row_mut(i).copy_from_slice(&updated);
    }
    let final_r = m([[1.0, 2.0, 0.0], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]]);
    assert_eq!(r, final_r);

    assert_eq!(rref(&a), (final_r, vec![0, 2]));
    assert_eq!(rank(&a), 2);
}

// The reading-off list of the worked example: the bases of the four subspaces, "Column 1 of R is
// (2, 0, 0) = 2 r_0, and indeed a_1 = 2 a_0", "(1, 0, 0) is not in C(A), since every vector b of C(A)
// satisfies 2 b_0 + b_1 - b_2 = 0", "v_1 = (-2, 1, 0), and A v_1 = -2 a_0 + a_1 = 0", the dot products
// "(-2, 1, 0) · (1, 2, 0) = 0 and (-2, 1, 0) · (0, 0, 1) = 0", "y = (-2, -1, 1)", "-2 - 2 + 4 = 0 and
// -2 - 4 + 6 = 0", "Rank-nullity: 2 + 1 = 3 columns, and 2 + 1 = 3 rows", and the factorisation A = C R_r.
// Also the figure's caption: the row space and the null space at right angles, the column space and
// the left null space at right angles.
#[test]
fn the_four_subspaces_of_the_worked_example() {
    let a = worked_example();
    let (r, _) = rref(&a);
    assert_eq!(r.column(1), scale(2.0, &r.column(0)));

    let columns = column_space(&a);
    assert_eq!(basis_vectors(&columns), [vec![1.0, 2.0, 4.0], vec![1.0, 4.0, 6.0]]);
    let rows = row_space(&a);
    assert_eq!(basis_vectors(&rows), [vec![1.0, 2.0, 0.0], vec![0.0, 0.0, 1.0]]);
    let null = null_space(&a);
    assert_eq!(basis_vectors(&null), [vec![-2.0, 1.0, 0.0]]);
    let left = left_null_space(&a);
    assert_eq!(basis_vectors(&left), [vec![-2.0, -1.0, 1.0]]);
    assert_eq!(subspace_dimensions(&a), [2, 1, 2, 1]);
    assert_eq!((2 + 1, 2 + 1), (a.ncols(), a.nrows()));

    let v = null.column(0);
    assert_eq!(mat_vec_rows(&a, &v), Ok(vec![0.0, 0.0, 0.0]));
    for row in basis_vectors(&rows) {
        assert_eq!(dot(&v, &row), 0.0);
    }
    let y = left.column(0);
    assert_eq!(mat_vec_rows(&transpose(&a), &y), Ok(vec![0.0, 0.0, 0.0]));
    let products: Vec<f64> = basis_vectors(&columns).iter().map(|c| dot(&y, c)).collect();
    assert_eq!(products, [0.0, 0.0]);
    assert_eq!([-2.0 - 2.0 + 4.0, -2.0 - 4.0 + 6.0], [0.0, 0.0]);

    // Every b = A x satisfies 2 b_0 + b_1 - b_2 = 0 (that is -y · b = 0), and (1, 0, 0) does not.
    let condition = |b: &[f64]| 2.0 * b[0] + b[1] - b[2];
    for x in [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [3.0, -1.0, 2.0]] {
        assert_eq!(condition(&mat_vec_rows(&a, &x).unwrap()), 0.0);
    }
    assert_eq!(condition(&[1.0, 0.0, 0.0]), 2.0);
    assert!(r.column(0) == [1.0, 0.0, 0.0], "(1, 0, 0) is a column of R");

    // A = C R_r: the pivot columns of A times the non-zero rows of R.
    assert_eq!(mat_mul(&columns, &transpose(&rows)), Ok(a));
}

// Cost: "normalising costs n divisions, and eliminating costs n - j - 1 multiplications and as many
// subtractions in each of the other m - 1 rows ... the total is sum 2m(n - k) ≈ 2mnp - mp^2, m n^2 if
// m ≥ n, m^2 (2n - m) if m ≤ n ... about n^3 for an n × n matrix."
// "Gaussian elimination for PA = LU ... sum 2(n - k)^2 ≈ 2/3 n^3 flops; clearing above as well makes
// Gauss–Jordan 50% dearer."
#[test]
fn gauss_jordan_costs_about_n_cubed() {
    // Diagonally dominant, so of full rank with a pivot in every column.
    let full_rank = |m: usize, n: usize| {
        Matrix::from_fn(m, n, |i, j| ((5 * i + 3 * j) % 7) as f64 - 3.0 + if i == j { 30.0 } else { 0.0 })
    };
    for (m, n) in [(40, 40), (60, 20), (20, 60)] {
        let a = full_rank(m, n);
        let run = rref_with_tolerance(&a, tau(&a));
        let p = m.min(n);
        assert_eq!(run.pivots, (0..p).collect::<Vec<_>>(), "pivots on the diagonal");
        // The exact count: n divisions and 2(m - 1)(n - k - 1) flops at the pivot in column k.
        let exact: usize = (0..p).map(|k| n + 2 * (m - 1) * (n - k - 1)).sum();
        assert_eq!(run.flops, exact);
        let (m, n, p) = (m as f64, n as f64, p as f64);
        let leading = 2.0 * m * n * p - m * p * p;
        let formula = if m >= n { m * n * n } else { m * m * (2.0 * n - m) };
        assert_eq!(leading, formula);
        assert!((run.flops as f64 / leading - 1.0).abs() < 0.1, "{} vs {leading}", run.flops);
        assert!(leading >= m * n * p && leading <= 2.0 * m * n * p, "between mn·min(m, n) and twice that");
    }
    let n = 40.0;
    let lu: f64 = (0..40).map(|k| 2.0 * (n - k as f64).powi(2)).sum();
    assert!((lu / (2.0 / 3.0 * n.powi(3)) - 1.0).abs() < 0.05);
    assert_eq!(n.powi(3) / (2.0 / 3.0 * n.powi(3)), 1.5);
}

// "== 0.0 gets the rank wrong": "B ... has rank exactly 2 (row 0 - 2 row 1 + row 2 = 0) ... Partial
// pivoting takes 7 as the first pivot, and the multipliers 1/7 and 4/7 are not binary fractions.
// After two pivots, the candidate that should be 0 is computed as about -7.8 × 10^-16. A rule
// pivot == 0.0 accepts it, divides by it, and reports rank 3 and an empty null space."
// "For B the largest row sum is 24, so τ = 1000 · 3 · 2^-52 · 24 ≈ 1.6 × 10^-11, more than 20 000 times
// the spurious candidate, and rref reports rank 2 with the null vector (0.9999999999999993,
// -1.9999999999999998, 1), which is (1, -2, 1) up to rounding."
// "the largest entry is at most ‖A‖∞, which is at most n times the largest entry."
#[test]
fn equal_to_zero_finds_rank_three_in_a_rank_two_matrix() {
    let b = one_to_nine();
    let relation = add(&sub(b.row(0), &scale(2.0, b.row(1))), b.row(2));
    assert_eq!(relation, [0.0, 0.0, 0.0]);

    let exact_zero = rref_with_tolerance(&b, 0.0);
    assert_eq!(exact_zero.candidates[0], 7.0);
    // 1/7 and 4/7 are not binary fractions: their doubles times 7 are not exactly 1 and 4.
    assert_ne!((1.0_f64 / 7.0).mul_add(7.0, -1.0), 0.0);
    assert_ne!((4.0_f64 / 7.0).mul_add(7.0, -4.0), 0.0);
    let spurious = exact_zero.candidates[2];
    assert_eq!(sci(spurious, 1), "-7.8e-16");
    assert_eq!(exact_zero.pivots.len(), 3);

    assert_eq!(row_sum_norm(&b), 24.0);
    assert_eq!(tau(&b), 1000.0 * 3.0 * EPS * 24.0);
    assert_eq!(sci(tau(&b), 1), "1.6e-11");
    assert!(tau(&b) > 20_000.0 * spurious.abs());
    assert_eq!(rank(&b), 2);
    assert_eq!(null_space(&b).column(0), [0.9999999999999993, -1.9999999999999998, 1.0]);
    assert!(close(null_space(&b)[(0, 0)], 1.0, 4.0 * EPS) && close(null_space(&b)[(1, 0)], -2.0, 4.0 * EPS));

    let largest_entry = b.as_slice().iter().fold(0.0_f64, |m, x| m.max(x.abs()));
    assert!(largest_entry <= row_sum_norm(&b) && row_sum_norm(&b) <= 3.0 * largest_entry);
}

// "Append to the ten diabetes features (the demo below) a column bmi + bp, computed in floating
// point: the last candidate comes out as about -4.7 × 10^-14 instead of 0, and == 0.0 reports rank 11."
// "For the diabetes matrix τ ≈ 9.8 × 10^-8, some two million times the spurious candidate, and the rank
// is 10."
#[test]
fn equal_to_zero_finds_rank_eleven_in_the_diabetes_data_with_a_sum_column() {
    let (_, _, with_sum) = diabetes();
    let exact_zero = rref_with_tolerance(&with_sum, 0.0);
    assert_eq!(exact_zero.pivots.len(), 11);
    let spurious = exact_zero.candidates[10];
    assert_eq!(sci(spurious, 1), "-4.7e-14");

    assert_eq!(sci(tau(&with_sum), 1), "9.8e-8");
    assert_eq!((tau(&with_sum) / spurious.abs() / 1e6).round(), 2.0, "some two million times");
    assert_eq!(rank(&with_sum), 10);
}

// "MATLAB's rref takes the bare scale, τ0 = max(m, n) ε ‖A‖∞ ... The rank-3 integer matrix E ... has
// a_3 = 27 a_0 - 70 a_1 + 51 a_2. Elimination in effect computes those coefficients (the reference's R
// holds 26.99999999999988, -69.99999999999969 and 50.99999999999978) and subtracts the combination from
// the last row, where terms of size several hundred cancel to 0 ... The last candidate comes out as
// about 1.1 × 10^-13 instead of 0: 1.7 times τ0, so the same elimination with τ0 would report rank 4."
// "Relative to ‖A‖∞, τ is 1000 max(m, n) ε, which even for max(m, n) = 1000 is 2 × 10^-10"
#[test]
fn the_bare_scale_is_too_tight_for_a_small_integer_matrix() {
    let e = defeats_tau_0();
    let a = |j| e.column(j);
    let combination = add(&sub(&scale(27.0, &a(0)), &scale(70.0, &a(1))), &scale(51.0, &a(2)));
    assert_eq!(combination, a(3));
    assert!(a(3).iter().all(|x| x.abs() <= 6.0));
    assert_eq!([27.0 * e[(3, 0)], -70.0 * e[(3, 1)], 51.0 * e[(3, 2)]], [-81.0, 840.0, -765.0]);

    assert_eq!(rank(&e), 3);
    let (r, pivots) = rref(&e);
    assert_eq!(pivots, [0, 1, 2]);
    assert_eq!([r[(0, 3)], r[(1, 3)], r[(2, 3)]], [26.99999999999988, -69.99999999999969, 50.99999999999978]);

    let with_tau_0 = rref_with_tolerance(&e, tau_0(&e));
    assert_eq!(with_tau_0.pivots.len(), 4);
    let last = with_tau_0.candidates[3];
    assert_eq!(sci(last, 1), "1.1e-13");
    assert_eq!(fixed(last / tau_0(&e), 1), "1.7");
    assert!(last <= tau(&e));

    assert_eq!(sci(1000.0 * 1000.0 * EPS, 0), "2e-10");
}

// "B, 2^-40 B, 2^40 B and 10^-12 B all have rank 2. A fixed tolerance such as 10^-10 would call every
// entry of 10^-12 B zero and report rank 0."
#[test]
fn the_rank_decision_is_scale_invariant() {
    let b = one_to_nine();
    for factor in [1.0, 2f64.powi(-40), 2f64.powi(40), 1e-12] {
        let scaled = Matrix::from_fn(3, 3, |i, j| factor * b[(i, j)]);
        assert_eq!(rank(&scaled), 2, "{factor:e} B");
    }
    let tiny = Matrix::from_fn(3, 3, |i, j| 1e-12 * b[(i, j)]);
    assert!(tiny.as_slice().iter().all(|x| x.abs() <= 1e-10));
    assert_eq!(rref_with_tolerance(&tiny, 1e-10).pivots.len(), 0);
}

// "Let T be the 60 × 60 upper triangular matrix with 1 on the diagonal and -1 everywhere above it.
// Every pivot of T is 1, and rref reports rank 60. Yet with x = (2^58, 2^57, ..., 2, 1, 1) every row
// of Tx is 0 except the last, which is 1, so changing the bottom-left entry of T from 0 to
// -2^-58 ≈ -3.5 × 10^-18 makes the matrix exactly singular. For that neighbour rref reports rank 59
// (its last candidate is 2^-53 ≈ 1.1 × 10^-16, below τ ≈ 8.0 × 10^-10)."
#[test]
fn large_pivots_do_not_mean_far_from_singular() {
    let n = 60;
    let t = upper_minus_ones(n);
    let run = rref_with_tolerance(&t, tau(&t));
    assert!(run.candidates.iter().all(|&c| c == 1.0) && run.candidates.len() == n, "every pivot is 1");
    assert_eq!(rank(&t), 60);

    let x: Vec<f64> = (0..n).map(|j| if j == n - 1 { 1.0 } else { 2f64.powi((n - 2 - j) as i32) }).collect();
    assert_eq!((x[0], x[n - 3], x[n - 2], x[n - 1]), (2f64.powi(58), 2.0, 1.0, 1.0));
    let tx = mat_vec_rows(&t, &x).unwrap();
    assert!(tx[..n - 1].iter().all(|&v| v == 0.0) && tx[n - 1] == 1.0);

    let mut near = t.clone();
    near[(n - 1, 0)] = -(2f64.powi(-58));
    assert_eq!(sci(near[(n - 1, 0)], 1), "-3.5e-18");
    assert!(mat_vec_rows(&near, &x).unwrap().iter().all(|&v| v == 0.0), "exactly singular");
    assert_eq!(rank(&near), 59);
    let last = rref_with_tolerance(&near, tau(&near)).candidates[n - 1];
    assert_eq!(last, 2f64.powi(-53));
    assert_eq!(sci(last, 1), "1.1e-16");
    assert_eq!(sci(tau(&near), 1), "8.0e-10");
    assert!(last <= tau(&near));
}

// Apply it: "Longley (16 years of US economic data, 1947 to 1962): the six predictors GNPDEFL, GNP,
// UNEMP, ARMED, POP and YEAR ... GNPDEFL, GNP, POP and YEAR all grow almost in step (every pairwise
// correlation among the four is above 0.97). Nearly, not exactly: the rank is 6, and the null space is
// empty. The smallest candidate pivot, about 17.4, is far above τ ≈ 2.5 × 10^-6."
#[test]
fn longley_is_nearly_but_not_exactly_collinear() {
    let (names, x, years) = longley();
    assert_eq!(names, ["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]);
    assert_eq!(x.nrows(), 16);
    assert_eq!((years[0], years[15]), (1947.0, 1962.0));
    let in_step = [0, 1, 4, 5];
    for (a, &i) in in_step.iter().enumerate() {
        for &j in &in_step[a + 1..] {
            assert!(correlation(&x.column(i), &x.column(j)) > 0.97, "{} and {}", names[i], names[j]);
        }
    }
    assert_eq!(rank(&x), 6);
    assert_eq!(null_space(&x).ncols(), 0);
    let run = rref_with_tolerance(&x, tau(&x));
    let smallest = run.candidates.iter().fold(f64::INFINITY, |m, c| m.min(c.abs()));
    assert_eq!(fixed(smallest, 1), "17.4");
    assert_eq!(sci(tau(&x), 1), "2.5e-6");
}

// Apply it: "Diabetes (442 patients, 10 features: age, sex, bmi, bp and six blood serum measurements),
// with an eleventh column bmi + bp appended ... The rank is 10, not 11; the null space has one basis
// vector, and the demo names the columns whose coefficient in it is not negligible: bmi and bp with
// coefficients close to -1, and the new column with 1."
#[test]
fn the_diabetes_sum_column_is_found_in_the_null_space() {
    let (names, x, with_sum) = diabetes();
    assert_eq!(x.shape(), (442, 10));
    assert_eq!(names[..4], ["age", "sex", "bmi", "bp"]);
    assert_eq!(rank(&x), 10);
    assert_eq!(rank(&with_sum), 10);
    let null = null_space(&with_sum);
    assert_eq!(null.ncols(), 1);
    let v = null.column(0);
    assert_eq!(v[10], 1.0);
    assert!(close(v[2], -1.0, 4.0 * EPS) && close(v[3], -1.0, 4.0 * EPS), "{v:?}");
    let others = [0, 1, 4, 5, 6, 7, 8, 9];
    assert!(others.iter().all(|&j| v[j].abs() < 1e-13), "{v:?}");
}

// ---------------------------------------------------------------------------------------------
// Lesson 4, answers: solutions/04_rank_fundamental_subspaces/ANSWERS.md
// ---------------------------------------------------------------------------------------------

// Answer 1: "with k = 3 levels and five rows whose levels are 1, 2, 3, 1, 2, the reference rank gives 3
// and null_space gives the single vector (-1, 1, 1, 1). Which column is called redundant depends on
// the order of the columns (put the intercept last and it is the intercept)."
// "v = (-1, 1, 1, ..., 1), X v = -1 + d_1 + ... + d_k = 0", and X (w + t v) = X w.
#[test]
fn answer_1_the_dummy_variable_trap() {
    // Levels 1, 2, 3, 1, 2, counted from 0 here: one-hot column 1 + level (intercept first) or level.
    let levels = [0, 1, 2, 0, 1];
    let intercept_first = Matrix::from_fn(5, 4, |i, j| if j == 0 || j - 1 == levels[i] { 1.0 } else { 0.0 });
    assert_eq!(rank(&intercept_first), 3);
    assert_eq!(nullity(&intercept_first), 1);
    let v = null_space(&intercept_first).column(0);
    assert_eq!(v, [-1.0, 1.0, 1.0, 1.0]);
    assert_eq!(mat_vec_rows(&intercept_first, &v), Ok(vec![0.0; 5]));
    let w = [0.5, 2.0, -1.0, 3.0];
    let shifted = add(&w, &scale(7.0, &v));
    assert_eq!(mat_vec_rows(&intercept_first, &shifted), mat_vec_rows(&intercept_first, &w));

    let intercept_last = Matrix::from_fn(5, 4, |i, j| if j == 3 || j == levels[i] { 1.0 } else { 0.0 });
    assert_eq!(null_space(&intercept_last).column(0), [-1.0, -1.0, -1.0, 1.0]);
}

// Answer 2: "The lesson's factorisation A = C R_r is an example ... the product has rank r, as it
// must. A counterexample: X with rows (1, 2), (2, 4), (3, 6) has rank 1, Y with rows (1, 0, 1),
// (0, 1, 1) has rank 2, and their product XY = [[1, 2, 3], [2, 4, 6], [3, 6, 9]] has rank 1, not 2."
#[test]
fn answer_2_the_rank_of_a_product() {
    let a = worked_example();
    let (c, rr) = (column_space(&a), transpose(&row_space(&a)));
    assert_eq!((rank(&c), rank(&rr), rank(&mat_mul(&c, &rr).unwrap())), (2, 2, 2));

    let x = Matrix::from_rows(&[vec![1.0, 2.0], vec![2.0, 4.0], vec![3.0, 6.0]]);
    let y = Matrix::from_rows(&[vec![1.0, 0.0, 1.0], vec![0.0, 1.0, 1.0]]);
    let xy = mat_mul(&x, &y).unwrap();
    assert_eq!(xy, Matrix::from_rows(&[vec![1.0, 2.0, 3.0], vec![2.0, 4.0, 6.0], vec![3.0, 6.0, 9.0]]));
    assert_eq!((rank(&x), rank(&y), rank(&xy)), (1, 2, 1));
}

// Answer 3: "k ε > 2000 ε (2 + k ε) ⟺ k (1 - 2000 ε) > 4000 ⟺ k ≥ 4001." "(Rounding τ does not move the
// boundary: for k = 4000 the candidate 4000 ε is just below τ, for k = 4001 it is about ε above it.)"
// "at δ = 4000.5 ε the tie goes to the even neighbour, k = 4000. So rank reports 2 for
// δ > 4000.5 ε ≈ 8.88 × 10^-13 and 1 below it: 2 for δ = 10^-12, 1 for δ = 10^-13. With the bare scale
// τ0 of the lesson, without the factor 1000, the boundary would be δ > 4.5 ε ≈ 9.99 × 10^-16."
// "For δ = 10^-9 ... Its second candidate is about 10^-9, computed without any rounding, some 1100 times τ."
// "here τ = 2000 ε ‖A‖∞, and a candidate of 10^-13 is only about 225 ε ‖A‖∞"
#[test]
fn answer_3_when_one_one_one_one_plus_delta_has_rank_two() {
    let matrix = |delta: f64| Matrix::from_rows(&[vec![1.0, 1.0], vec![1.0, 1.0 + delta]]);
    let accepted = |k: f64| k * EPS > 2000.0 * EPS * (2.0 + k * EPS);
    assert!(!accepted(4000.0) && accepted(4001.0));
    // τ as the reference rounds it, for k = 4000 and 4001.
    for (k, is_pivot) in [(4000.0, false), (4001.0, true)] {
        let a = matrix(k * EPS);
        let second = rref_with_tolerance(&a, tau(&a)).candidates[1];
        assert_eq!(second, k * EPS);
        assert_eq!(second > tau(&a), is_pivot);
        if is_pivot {
            assert!(close(second - tau(&a), EPS, 1e-6), "about ε above");
        }
    }

    // The smallest δ in [0, 1] with rank 2, by bisection over the doubles as `threshold` does. (Not
    // `threshold` itself: for huge δ the 1s fall below τ = 2000 ε (1 + δ) and the rank drops to 1.)
    let smallest_with = |tolerance: fn(&Matrix) -> f64| {
        let rank_2 = |delta: f64| {
            let a = matrix(delta);
            rref_with_tolerance(&a, tolerance(&a)).pivots.len() == 2
        };
        let (mut lo, mut hi) = (0_u64, 1f64.to_bits());
        assert!(!rank_2(f64::from_bits(lo)) && rank_2(f64::from_bits(hi)));
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if rank_2(f64::from_bits(mid)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        f64::from_bits(hi)
    };
    assert_eq!(smallest_with(tau), (4000.5 * EPS).next_up());
    assert_eq!(1.0 + 4000.5 * EPS, 1.0 + 4000.0 * EPS, "the tie goes to the even neighbour");
    assert_eq!(sci(4000.5 * EPS, 2), "8.88e-13");
    assert_eq!(rank(&matrix(4000.5 * EPS)), 1);
    assert_eq!(rank(&matrix((4000.5 * EPS).next_up())), 2);
    for delta in [1e-12, 1e-9, 1e-6, 1e-3, 0.5, 1.0] {
        assert_eq!(rank(&matrix(delta)), 2, "δ = {delta:e}");
    }
    assert_eq!(rank(&matrix(1e-13)), 1);

    // "(At the other end, for huge δ, above about 1/(2000 ε) ≈ 2.25 × 10^12, it reports 1 again: there
    // τ = 2000 ε (2 + δ) exceeds the entries equal to 1 ...)"
    assert_eq!(sci(1.0 / (2000.0 * EPS), 2), "2.25e12");
    for (delta, expected) in [(1e6, 2), (2.25e12, 2), (2.26e12, 1), (1e15, 1)] {
        assert_eq!(rank(&matrix(delta)), expected, "δ = {delta:e}");
    }
    let a = matrix(2.26e12);
    assert!(tau(&a) > 1.0 && tau(&a) < 1.01 && close(tau(&a), 2000.0 * EPS * (2.0 + 2.26e12), 4.0 * EPS));
    assert_eq!(rref_with_tolerance(&a, tau(&a)).pivots, [1]);

    assert_eq!(smallest_with(tau_0), (4.5 * EPS).next_up());
    assert_eq!(sci(4.5 * EPS, 2), "9.99e-16");

    let a = matrix(1e-9);
    let second = rref_with_tolerance(&a, tau(&a)).candidates[1];
    assert_eq!(second, (1.0 + 1e-9) - 1.0, "fl(1 + δ) - 1, an exact subtraction");
    assert!(close(second, 1e-9, 1e-6));
    assert_eq!((second / tau(&a) / 100.0).round(), 11.0, "some 1100 times τ");

    let a = matrix(1e-13);
    assert_eq!(tau(&a), 2000.0 * EPS * row_sum_norm(&a));
    let second = rref_with_tolerance(&a, tau(&a)).candidates[1];
    assert_eq!((second / (EPS * row_sum_norm(&a))).round(), 225.0);
}

// ---------------------------------------------------------------------------------------------
// Lesson 6, README: exercises/06_least_squares_normal_equations/README.md
// ---------------------------------------------------------------------------------------------

// Lesson 6 lives in a module of its own, so that its imports and helpers cannot collide with those
// of the sections around it; it reuses the shared helpers above (`sci`, `fixed`, `close`, `U`,
// `numeric_csv`, `correlation`).
mod lesson_6 {
    use super::*;
    use solutions::l05::triangular::{back_substitution, forward_substitution};
    use solutions::l06::cholesky::cholesky;
    use solutions::l06::least_squares::lstsq_normal;
    use solutions::l06::normal_equations::{at_b, gram};
    use solutions::l06::r_squared::r_squared;
    use solutions::l06::regression::{fit_linear, predict};
    use solutions::l06::residuals::{orthogonality, residual};
    use solutions::l06::ridge::ridge;

    /// $\varepsilon = 2^{-52}$, the spacing of the doubles in $[1, 2)$.
    const EPS: f64 = f64::EPSILON;

    /// The worked example of the lesson (and of its projection figure): $A$ with rows $(1, 0)$,
    /// $(0, 1)$, $(1, 1)$ and $b = (1, 2, -1)$.
    fn worked_example() -> (Matrix, Vec<f64>) {
        (Matrix::from_rows(&[vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 1.0]]), vec![1.0, 2.0, -1.0])
    }

    /// Läuchli's matrix with rows $(1, 1)$, $(\delta, 0)$, $(0, \delta)$.
    fn lauchli(delta: f64) -> Matrix {
        Matrix::from_rows(&[vec![1.0, 1.0], vec![delta, 0.0], vec![0.0, delta]])
    }

    /// The eigenvalues of a symmetric $2 \times 2$ matrix, larger first; the smaller one as
    /// determinant / larger, which does not cancel.
    fn eigenvalues_2x2(g: &Matrix) -> (f64, f64) {
        let (t, d) = (g[(0, 0)] + g[(1, 1)], g[(0, 0)] * g[(1, 1)] - g[(0, 1)] * g[(1, 0)]);
        let big = (t + (t * t - 4.0 * d).sqrt()) / 2.0;
        (big, d / big)
    }

    /// The demo's measure of agreement: $-\log_{10}$ of the relative difference, 16 when equal.
    fn digits(x: f64, exact: f64) -> f64 {
        if x == exact { 16.0 } else { (-((x - exact).abs() / exact.abs()).log10()).clamp(0.0, 16.0) }
    }

    /// Longley: the 16 × 7 design matrix [1 | six predictors], the response TOTEMP, and NIST's
    /// seven certified coefficients (intercept first).
    fn longley_problem() -> (Matrix, Vec<f64>, Vec<f64>) {
        let (header, rows) = numeric_csv(include_str!("../../data/longley.csv"));
        assert_eq!(header, ["TOTEMP", "GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]);
        let design = Matrix::from_fn(rows.len(), 7, |i, j| if j == 0 { 1.0 } else { rows[i][j] });
        let y = rows.iter().map(|r| r[0]).collect();
        let certified = include_str!("../../data/longley_certified.csv")
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split(',').nth(1).unwrap().trim().parse().unwrap())
            .collect::<Vec<f64>>();
        assert_eq!(certified.len(), 7);
        (design, y, certified)
    }

    /// The diabetes data as the demo splits them: every fifth patient (rows 4, 9, 14, …) held out.
    /// Returns the ten features and the target of the training part, then of the held-out part.
    fn diabetes_split() -> (Matrix, Vec<f64>, Matrix, Vec<f64>) {
        let (header, rows) = numeric_csv(include_str!("../../data/diabetes.csv"));
        assert_eq!(header[10], "y");
        let (train, test): (Vec<usize>, Vec<usize>) = (0..rows.len()).partition(|i| i % 5 != 4);
        let features = |idx: &[usize]| Matrix::from_fn(idx.len(), 10, |i, j| rows[idx[i]][j]);
        let target = |idx: &[usize]| idx.iter().map(|&i| rows[i][10]).collect::<Vec<f64>>();
        (features(&train), target(&train), features(&test), target(&test))
    }

    /// The demo's ridge set-up: the training features standardised with their own means and
    /// (m − 1) standard deviations, and the training target centred.
    fn standardised_training() -> (Matrix, Vec<f64>) {
        let (x, y, _, _) = diabetes_split();
        let (m, n) = x.shape();
        let mean: Vec<f64> = (0..n).map(|j| (0..m).map(|i| x[(i, j)]).sum::<f64>() / m as f64).collect();
        let sd: Vec<f64> = (0..n)
            .map(|j| ((0..m).map(|i| (x[(i, j)] - mean[j]).powi(2)).sum::<f64>() / (m - 1) as f64).sqrt())
            .collect();
        let z = Matrix::from_fn(m, n, |i, j| (x[(i, j)] - mean[j]) / sd[j]);
        let y_mean = y.iter().sum::<f64>() / m as f64;
        (z, y.iter().map(|v| v - y_mean).collect())
    }

    /// The distance in units in the last place between two doubles of the same sign.
    fn ulps(x: f64, y: f64) -> u64 {
        x.to_bits().abs_diff(y.to_bits())
    }

    // Intro: "fit a model with 11 coefficients to 354 patients". "More equations than unknowns" ...
    // The projection matrix: "it has m² entries, 125,316 for the 354 patients of the demo".
    #[test]
    fn the_demo_fits_eleven_coefficients_to_354_patients() {
        let (x, y, x_test, y_test) = diabetes_split();
        assert_eq!(x.nrows() + x_test.nrows(), 442);
        assert_eq!((x.nrows(), y.len(), y_test.len()), (354, 354, 88));
        assert_eq!(x.ncols() + 1, 11, "ten features and an intercept");
        assert_eq!(354 * 354, 125_316);
    }

    // The worked example: "A^T A = [[2, 1], [1, 2]], A^T b = (0, 1), x̂ = (-1/3, 2/3)". "The projection
    // is A x̂ = (-1/3, 2/3, 1/3) and the residual is r̂ = (4/3, 4/3, -4/3). It is orthogonal to both
    // columns ... along the normal of the plane, (1, 1, -1). ... ‖b‖² = 6 = 2/3 + 16/3". "Your
    // lstsq_normal returns x̂ to within a few units in the last place, (-0.33333333333333337,
    // 0.6666666666666669), and your orthogonality of its residual is about 5.6 × 10^-17."
    // The figure's alt text: a₀ = (1, 0, 1), a₁ = (0, 1, 1), b = (1, 2, -1), A x̂, r.
    #[test]
    fn the_worked_example_is_a_projection() {
        let (a, b) = worked_example();
        assert_eq!((a.column(0), a.column(1)), (vec![1.0, 0.0, 1.0], vec![0.0, 1.0, 1.0]));
        assert_eq!(gram(&a), Matrix::from_rows(&[vec![2.0, 1.0], vec![1.0, 2.0]]));
        assert_eq!(at_b(&a, &b).unwrap(), [0.0, 1.0]);
        let x = lstsq_normal(&a, &b).unwrap();
        assert_eq!(x, [-0.33333333333333337, 0.6666666666666669]);
        assert!(ulps(x[0], -1.0 / 3.0) <= 3 && ulps(x[1], 2.0 / 3.0) <= 3, "{x:?}");

        let p = mat_vec_rows(&a, &x).unwrap();
        let r = residual(&a, &x, &b).unwrap();
        for (got, want) in p.iter().zip([-1.0 / 3.0, 2.0 / 3.0, 1.0 / 3.0]) {
            assert!(close(*got, want, 1e-15), "{p:?}");
        }
        for (got, want) in r.iter().zip([4.0 / 3.0, 4.0 / 3.0, -4.0 / 3.0]) {
            assert!(close(*got, want, 1e-15), "{r:?}");
        }
        assert!(dot(&a.column(0), &r).abs() < 1e-15 && dot(&a.column(1), &r).abs() < 1e-15);
        let normal = [1.0, 1.0, -1.0];
        assert_eq!((dot(&normal, &a.column(0)), dot(&normal, &a.column(1))), (0.0, 0.0));
        assert!(
            close(dot(&b, &b), 6.0, 0.0)
                && close(dot(&p, &p), 2.0 / 3.0, 1e-15)
                && close(dot(&r, &r), 16.0 / 3.0, 1e-15)
        );
        assert_eq!(sci(orthogonality(&a, &r).unwrap(), 1), "5.6e-17");
    }

    // "For the worked example, G = [[2, 1], [1, 2]] gives ℓ00 = √2, ℓ10 = 1/√2 and ℓ11 = √(2 - 1/2) =
    // √(3/2); your cholesky returns (1.4142135623730951, 0.7071067811865475, 1.224744871391589)."
    // "Only the lower triangle of S is read; whatever lies above the diagonal is ignored, and the
    // result has exact zeros there." How your code is checked: "the rows (1, 2), (2, 1) have the pivot
    // 1 - 4 = -3 in column 1".
    #[test]
    fn cholesky_of_the_worked_example() {
        let g = gram(&worked_example().0);
        let l = cholesky(&g).unwrap();
        // As the lesson prints them (the first is exactly `SQRT_2`).
        assert_eq!(
            format!("{:?}", [l[(0, 0)], l[(1, 0)], l[(1, 1)]]),
            "[1.4142135623730951, 0.7071067811865475, 1.224744871391589]"
        );
        assert_eq!(l[(0, 1)], 0.0);
        assert!(
            close(l[(0, 0)], 2f64.sqrt(), 4.0 * U)
                && close(l[(1, 0)], 0.5f64.sqrt(), 4.0 * U)
                && close(l[(1, 1)], 1.5f64.sqrt(), 4.0 * U)
        );

        let mut garbage_above = g.clone();
        garbage_above[(0, 1)] = 1e300;
        assert_eq!(cholesky(&garbage_above).unwrap(), l);

        let indefinite = Matrix::from_rows(&[vec![1.0, 2.0], vec![2.0, 1.0]]);
        assert_eq!(indefinite[(1, 1)] - indefinite[(1, 0)] * indefinite[(1, 0)], -3.0);
        assert_eq!(cholesky(&indefinite), Err(LinalgError::NotPositiveDefinite { column: 1 }));
    }

    // The algorithm: "For the worked example, z = (0, √(2/3)) and then x̂ = (-1/3, 2/3)."
    #[test]
    fn lstsq_normal_step_by_step_on_the_worked_example() {
        let (a, b) = worked_example();
        let l = cholesky(&gram(&a)).unwrap();
        let z = forward_substitution(&l, &at_b(&a, &b).unwrap()).unwrap();
        assert_eq!(z[0], 0.0);
        assert!(close(z[1], (2.0f64 / 3.0).sqrt(), 1e-15), "{z:?}");
        let x = back_substitution(&transpose(&l), &z).unwrap();
        assert_eq!(x, lstsq_normal(&a, &b).unwrap());
    }

    // "In the worked example, A stretches (1, 1)/√2 by √3 and (1, -1)/√2 by 1, the extremes, so
    // κ2(A) = √3 ≈ 1.732." "In the example, A^T A maps (1, 1) to 3 (1, 1) and (1, -1) to itself:
    // κ2(A^T A) = 3."
    #[test]
    fn the_condition_numbers_of_the_worked_example() {
        let (a, _) = worked_example();
        let h = 0.5f64.sqrt();
        assert!(close(norm_l2(&mat_vec_rows(&a, &[h, h]).unwrap()), 3f64.sqrt(), 1e-15));
        assert!(close(norm_l2(&mat_vec_rows(&a, &[h, -h]).unwrap()), 1.0, 1e-15));
        let g = gram(&a);
        assert_eq!(mat_vec_rows(&g, &[1.0, 1.0]).unwrap(), [3.0, 3.0]);
        assert_eq!(mat_vec_rows(&g, &[1.0, -1.0]).unwrap(), [1.0, -1.0]);
        assert_eq!(eigenvalues_2x2(&g), (3.0, 1.0));
        assert_eq!(fixed(kappa_2(&a), 3), "1.732");
        assert!(close(kappa_2(&a), 3f64.sqrt(), 1e-14));
    }

    // Läuchli, δ = 10^-6: "κ2(A) ≈ 1.4 × 10^6 and κ2(A^T A) ≈ 2.0 × 10^12. ... δ² is about 4503.6 ε,
    // and the stored 1 + δ² is 1 + 4504 ε. ... your lstsq_normal returns (0.99991..., -0.99991...), a
    // relative error of about 9 × 10^-5. The rule of thumb predicts 16 - log10 κ2(A^T A) ≈ 16 - 12.3 =
    // 3.7 digits. ... ℓ11 should be ... δ √(2 + δ²) / √(1 + δ²) ≈ 1.41421 × 10^-6, and your cholesky of
    // the stored A^T A gives 1.41428 × 10^-6. A method that works with A itself keeps about
    // 16 - log10 κ2(A) ≈ 10 digits here."
    #[test]
    fn lauchli_loses_twelve_digits_to_the_normal_equations() {
        let delta = 1e-6;
        let a = lauchli(delta);
        let b = [0.0, delta, -delta];
        assert_eq!(mat_vec_rows(&a, &[1.0, -1.0]).unwrap(), b, "b = A (1, -1): residual 0");
        // A stretches (1, 1)/√2 by √(2 + δ²) and (1, -1)/√2 by δ.
        let h = 0.5f64.sqrt();
        assert!(close(norm_l2(&mat_vec_rows(&a, &[h, h]).unwrap()), (2.0 + delta * delta).sqrt(), 1e-15));
        assert!(close(norm_l2(&mat_vec_rows(&a, &[h, -h]).unwrap()), delta, 1e-15));
        let kappa_a = (2.0 + delta * delta).sqrt() / delta;
        assert!(close(kappa_2(&a), kappa_a, 1e-9));
        assert_eq!(sci(kappa_a, 1), "1.4e6");
        assert_eq!(sci(kappa_a * kappa_a, 1), "2.0e12");

        assert_eq!(fixed(delta * delta / EPS, 1), "4503.6");
        let g = gram(&a);
        assert_eq!(g[(0, 0)], 1.0 + 4504.0 * EPS);
        assert_eq!(g[(1, 1)], g[(0, 0)]);

        let x = lstsq_normal(&a, &b).unwrap();
        assert_eq!((fixed(x[0], 5).as_str(), fixed(x[1], 5).as_str()), ("0.99991", "-0.99991"));
        let error = (x[0] - 1.0).abs().max((x[1] + 1.0).abs());
        assert_eq!(sci(error, 0), "9e-5");
        assert_eq!(fixed((kappa_a * kappa_a).log10(), 1), "12.3");
        assert_eq!(fixed(16.0 - (kappa_a * kappa_a).log10(), 1), "3.7");

        let distance = delta * (2.0 + delta * delta).sqrt() / (1.0 + delta * delta).sqrt();
        assert_eq!(sci(distance, 5), "1.41421e-6");
        assert_eq!(sci(cholesky(&g).unwrap()[(1, 1)], 5), "1.41428e-6");
        assert_eq!((16.0 - kappa_a.log10()).round(), 10.0);
    }

    // Läuchli, δ = 10^-8: "δ² = 10^-16 is less than half the spacing ε, so 1 + δ² rounds to exactly 1,
    // the computed A^T A is the singular matrix [[1, 1], [1, 1]], and your cholesky stops with
    // NotPositiveDefinite { column: 1 }: ℓ00 = 1, ℓ10 = 1, and the pivot 1 - 1 = 0. Yet ... κ2(A) ≈
    // 1.4 × 10^8, far from the 1/u ≈ 9.0 × 10^15 ... Once κ2(A) passes about 1/√u ≈ 9.5 × 10^7, the
    // normal equations can fail outright, on a problem whose conditioning still leaves about eight
    // digits to a backward-stable method."
    #[test]
    fn lauchli_with_a_smaller_delta_breaks_cholesky() {
        let delta = 1e-8;
        assert!(delta * delta < EPS / 2.0);
        assert_eq!(1.0 + delta * delta, 1.0);
        let a = lauchli(delta);
        assert_eq!(gram(&a), Matrix::from_rows(&[vec![1.0, 1.0], vec![1.0, 1.0]]));
        assert_eq!(cholesky(&gram(&a)), Err(LinalgError::NotPositiveDefinite { column: 1 }));
        assert_eq!(lstsq_normal(&a, &[0.0, delta, -delta]), Err(LinalgError::NotPositiveDefinite { column: 1 }));
        let kappa_a = (2.0 + delta * delta).sqrt() / delta;
        assert!(close(kappa_2(&a), kappa_a, 1e-7));
        assert_eq!(sci(kappa_a, 1), "1.4e8");
        assert_eq!(sci(1.0 / U, 1), "9.0e15");
        assert_eq!(sci(1.0 / U.sqrt(), 1), "9.5e7");
        assert_eq!((16.0 - kappa_a.log10()).round(), 8.0);
    }

    // "When every s_j is a power of two these multiplications are exact, so your lstsq_normal returns
    // the same digits, bit for bit, for A and for AD". "Longley's design matrix, an intercept column of
    // ones beside columns in the hundreds of thousands (GNP, POP) ... with unit columns κ2 ≈ 4.3 × 10^4.
    // The squared version, about 1.9 × 10^9, predicts 16 - 9.3 ≈ 7 correct digits, and that is what your
    // lstsq_normal delivers." Apply it: "the unit-column estimate of the conditioning section, which
    // predicts about 7".
    #[test]
    fn longley_by_the_normal_equations_is_limited_by_its_scaled_condition_number() {
        let (a, y, certified) = longley_problem();
        let x = lstsq_normal(&a, &y).unwrap();
        let scale: Vec<f64> = (0..7).map(|j| 2f64.powi(-(norm_l2(&a.column(j)).log2().round() as i32))).collect();
        let scaled = Matrix::from_fn(16, 7, |i, j| a[(i, j)] * scale[j]);
        let xs = lstsq_normal(&scaled, &y).unwrap();
        for j in 0..7 {
            assert_eq!(xs[j] * scale[j], x[j], "coefficient {j}");
        }

        assert!(a.column(0).iter().all(|&v| v == 1.0));
        for j in [2, 5] {
            assert!(a.column(j).iter().all(|&v| (1e5..1e6).contains(&v)), "GNP and POP: hundreds of thousands");
        }
        let kappa_unit = kappa_2(&unit_columns(&a));
        assert_eq!(sci(kappa_unit, 1), "4.3e4");
        assert_eq!(sci(kappa_unit * kappa_unit, 1), "1.9e9");
        assert_eq!(fixed((kappa_unit * kappa_unit).log10(), 1), "9.3");
        assert_eq!((16.0 - (kappa_unit * kappa_unit).log10()).round(), 7.0);
        for j in 0..7 {
            let d = digits(x[j], certified[j]);
            assert!((7.0..9.0).contains(&d), "coefficient {j}: {d:.1} digits");
        }
        assert!(kappa_2(&a) > 1e3 * kappa_unit, "the unscaled κ2 is huge");
    }

    // Linear regression: "For the points (0, 1), (1, 2), (2, 4): x̄ = 1, ȳ = 7/3, β1 = 3/2 and β0 = 5/6.
    // The fitted values are (5/6, 7/3, 23/6), with mean 7/3, and the residuals (1/6, -1/3, 1/6) add up to
    // 0." R²: "For the three points above, SS_res = 1/6, SS_tot = 14/3 and R² = 1 - 1/28 ≈ 0.9643",
    // "(it also equals the squared correlation of y with ŷ)".
    #[test]
    fn a_line_through_three_points() {
        let x = Matrix::from_rows(&[vec![0.0], vec![1.0], vec![2.0]]);
        let y = [1.0, 2.0, 4.0];
        let c = fit_linear(&x, &y).unwrap();
        assert!(close(c[0], 5.0 / 6.0, 1e-15) && close(c[1], 1.5, 1e-15), "{c:?}");
        let fitted = predict(&c, &x).unwrap();
        for (got, want) in fitted.iter().zip([5.0 / 6.0, 7.0 / 3.0, 23.0 / 6.0]) {
            assert!(close(*got, want, 1e-15), "{fitted:?}");
        }
        assert!(close(fitted.iter().sum::<f64>() / 3.0, 7.0 / 3.0, 1e-15));
        let design = Matrix::from_rows(&[vec![1.0, 0.0], vec![1.0, 1.0], vec![1.0, 2.0]]);
        let r = residual(&design, &c, &y).unwrap();
        for (got, want) in r.iter().zip([1.0 / 6.0, -1.0 / 3.0, 1.0 / 6.0]) {
            assert!((got - want).abs() < 1e-15, "{r:?}");
        }
        assert!(r.iter().sum::<f64>().abs() < 1e-15);

        let ss_res: f64 = r.iter().map(|v| v * v).sum();
        assert!(close(ss_res, 1.0 / 6.0, 1e-14));
        let r2 = r_squared(&y, &fitted).unwrap();
        assert!(close(r2, 27.0 / 28.0, 1e-15));
        assert_eq!(fixed(r2, 4), "0.9643");
        assert!(close(correlation(&y, &fitted).powi(2), r2, 1e-14));
        let y_mean = 7.0 / 3.0;
        assert!(close(y.iter().map(|v| (v - y_mean) * (v - y_mean)).sum::<f64>(), 14.0 / 3.0, 1e-15));
    }

    // The figure: "the least-squares line y ≈ -117.8 + 10.23 · bmi" for "all 442 patients"; "each extra
    // unit of body-mass index goes with about 10 more units of disease progression". "a target measured
    // around 150 is fitted badly by any slope" (the mean of y).
    #[test]
    fn the_diabetes_bmi_line() {
        let (header, rows) = numeric_csv(include_str!("../../data/diabetes.csv"));
        assert_eq!((header[2].as_str(), rows.len()), ("bmi", 442));
        let bmi = Matrix::from_fn(442, 1, |i, _| rows[i][2]);
        let y: Vec<f64> = rows.iter().map(|r| r[10]).collect();
        let c = fit_linear(&bmi, &y).unwrap();
        assert_eq!((fixed(c[0], 1).as_str(), fixed(c[1], 2).as_str()), ("-117.8", "10.23"));
        assert_eq!(c[1].round(), 10.0);
        assert!((y.iter().sum::<f64>() / 442.0 - 150.0).abs() < 5.0);
    }

    // Orthogonality: "Give it a large residual, b = (-δ, 1 + δ, 1 - δ), which is A (1, -1) plus the
    // normal vector (-δ, 1, 1) of C(A): the solution is still (1, -1) to about ten digits (the rounding
    // of b moves it by about 10^-10), your lstsq_normal again returns only four correct digits, and yet
    // the orthogonality of its residual is about 1.4 × 10^-16. With the zero-residual b of the previous
    // section ... its orthogonality is about 1.6 × 10^-6, close to σ_min = δ".
    #[test]
    fn orthogonality_certifies_the_equations_not_the_digits() {
        let delta = 1e-6;
        let a = lauchli(delta);
        let normal = [-delta, 1.0, 1.0];
        assert_eq!((dot(&normal, &a.column(0)), dot(&normal, &a.column(1))), (0.0, 0.0));

        let b = [-delta, 1.0 + delta, 1.0 - delta];
        // The rounding of b: fl(1 + δ) = 1 + δ + e1 and fl(1 - δ) = 1 - δ + e2, both differences exact
        // (Sterbenz). It moves the solution by (A^T A)^-1 A^T (0, e1, e2) ≈ (e1 - e2)/(2δ) (1, -1).
        let (e1, e2) = ((b[1] - 1.0) - delta, (b[2] - 1.0) + delta);
        let moved = ((e1 - e2) / (2.0 * delta)).abs();
        assert!((1e-11..5e-10).contains(&moved), "{moved:e}");

        let x = lstsq_normal(&a, &b).unwrap();
        let error = (x[0] - 1.0).abs().max((x[1] + 1.0).abs());
        assert!((1e-5..1e-4).contains(&error), "four correct digits: {x:?}");
        let r = residual(&a, &x, &b).unwrap();
        assert_eq!(sci(orthogonality(&a, &r).unwrap(), 1), "1.4e-16");

        let b0 = [0.0, delta, -delta];
        let x0 = lstsq_normal(&a, &b0).unwrap();
        let o = orthogonality(&a, &residual(&a, &x0, &b0).unwrap()).unwrap();
        assert_eq!(sci(o, 1), "1.6e-6");
        assert!(o > delta && o < 2.0 * delta);
    }

    // r_squared: "the mean of (0.1, 0.1, 0.1) rounds to 0.10000000000000002, which leaves a tiny positive
    // SS_tot and a hugely negative R^2".
    #[test]
    fn a_constant_target_is_refused_not_divided_by_a_rounding_error() {
        let y = [0.1, 0.1, 0.1];
        let mean = y.iter().sum::<f64>() / 3.0;
        assert_eq!(mean, 0.10000000000000002);
        let ss_tot: f64 = y.iter().map(|v| (v - mean) * (v - mean)).sum();
        assert!(ss_tot > 0.0 && ss_tot < 1e-30);
        assert_eq!(r_squared(&y, &[0.2, 0.0, 0.1]), Err(LinalgError::ZeroVector));
    }

    // Ridge, the worked example: "λ = 1 gives A^T A + I = [[3, 1], [1, 3]] and x_1 = (-1/8, 3/8), against
    // x̂ = (-1/3, 2/3): the length drops from √5/3 ≈ 0.745 to √10/8 ≈ 0.395, and κ2 from 3 to 4/2 = 2."
    #[test]
    fn ridge_on_the_worked_example() {
        let (a, b) = worked_example();
        let mut shifted = gram(&a);
        shifted[(0, 0)] += 1.0;
        shifted[(1, 1)] += 1.0;
        assert_eq!(shifted, Matrix::from_rows(&[vec![3.0, 1.0], vec![1.0, 3.0]]));
        let x1 = ridge(&a, &b, 1.0).unwrap();
        assert!(close(x1[0], -0.125, 1e-15) && close(x1[1], 0.375, 1e-15), "{x1:?}");
        let x0 = lstsq_normal(&a, &b).unwrap();
        assert_eq!(ridge(&a, &b, 0.0).unwrap(), x0);
        assert_eq!(fixed(norm_l2(&x0), 3), "0.745");
        assert_eq!(fixed(norm_l2(&x1), 3), "0.395");
        assert!(close(norm_l2(&x0), 5f64.sqrt() / 3.0, 1e-15) && close(norm_l2(&x1), 10f64.sqrt() / 8.0, 1e-15));
        assert_eq!(eigenvalues_2x2(&shifted), (4.0, 2.0));
    }

    // The ridge figure and the paragraph under it: "At the left they are the least-squares coefficients,
    // the largest s5, s1 (negative) and bmi; the correlated pair s1 and s2 changes sign along the way; by
    // the right edge all ten have shrunk to nearly 0." "s1 and s2 ... have a correlation of about 0.9 in
    // these data, and the least-squares fit gives them large coefficients of opposite signs. By λ = 10, s1
    // has lost more than half of its size and s2 has changed sign, while bmi, bp and s5 keep more than 70
    // per cent of theirs; at the right edge, λ = 10^5, all ten are below 0.2 in size." And the shrinkage
    // proof: "‖x_λ‖2 never grows as λ grows".
    #[test]
    fn the_diabetes_ridge_path() {
        let (z, yc) = standardised_training();
        let (bmi, bp, s1, s2, s5) = (2, 3, 4, 5, 8);
        let path: Vec<(f64, Vec<f64>)> =
            (0..=70).map(|k| 10f64.powf(-2.0 + k as f64 / 10.0)).map(|l| (l, ridge(&z, &yc, l).unwrap())).collect();
        let left = &path[0].1;
        let mut order: Vec<usize> = (0..10).collect();
        order.sort_by(|&i, &j| left[j].abs().total_cmp(&left[i].abs()));
        assert_eq!(order[..3], [s5, s1, bmi]);
        assert!(left[s1] < 0.0 && left[s2] > 0.0);
        for j in [s1, s2] {
            assert!(path.iter().any(|(_, b)| b[j].signum() != left[j].signum()), "feature {j} changes sign");
        }
        let right = &path[70].1;
        assert!(close(path[70].0, 1e5, 1e-12));
        assert!(right.iter().all(|b| b.abs() < 0.2), "{right:?}");
        for pair in path.windows(2) {
            assert!(norm_l2(&pair[1].1) <= norm_l2(&pair[0].1));
        }

        let plain = lstsq_normal(&z, &yc).unwrap();
        let ten = ridge(&z, &yc, 10.0).unwrap();
        assert!(plain[s1] < 0.0 && plain[s2] > 0.0);
        assert!(ten[s1].abs() < 0.5 * plain[s1].abs());
        assert!(ten[s2] < 0.0);
        for j in [bmi, bp, s5] {
            assert!(ten[j].abs() > 0.7 * plain[j].abs() && ten[j].signum() == plain[j].signum(), "feature {j}");
        }

        let (header, rows) = numeric_csv(include_str!("../../data/diabetes.csv"));
        assert_eq!((header[4].as_str(), header[5].as_str(), header[8].as_str()), ("s1", "s2", "s5"));
        let column = |j: usize| rows.iter().map(|r| r[j]).collect::<Vec<f64>>();
        assert_eq!(fixed(correlation(&column(s1), &column(s2)), 1), "0.9");
    }

    // Apply it: "The design matrix with unit columns has κ2 ≈ 2.1 × 10^2, so expect agreement to about
    // 16 - 2 log10(2.1 × 10^2) ≈ 11 digits". "every fifth patient (rows 4, 9, 14, … counting from 0) is
    // held out".
    #[test]
    fn the_diabetes_design_with_unit_columns() {
        let (x, _, _, _) = diabetes_split();
        let design = Matrix::from_fn(x.nrows(), 11, |i, j| if j == 0 { 1.0 } else { x[(i, j - 1)] });
        let kappa = kappa_2(&unit_columns(&design));
        assert_eq!(sci(kappa, 1), "2.1e2");
        assert_eq!((16.0 - 2.0 * kappa.log10()).round(), 11.0);
        let held_out: Vec<usize> = (0..442).filter(|i| i % 5 == 4).collect();
        assert_eq!(held_out[..3], [4, 9, 14]);
    }

    // ---------------------------------------------------------------------------------------------
    // Lesson 6, answers: solutions/06_least_squares_normal_equations/ANSWERS.md
    // ---------------------------------------------------------------------------------------------

    // Answer 1: "the slope is (-1 + 0 + 2)/2 = 1/2, so the line is y = 2 + 0.5 (x - 1001), with intercept
    // 2 - 0.5 · 1001 = -498.5". "A^T A = [[3, 3003], [3003, 3006005]], with trace 3006008 and determinant
    // 6 ... about 3006008 and 6/3006008 ≈ 2.0 × 10^-6: κ2(A^T A) ≈ 1.5 × 10^12 and κ2(A) ≈ 1.2 × 10^6.
    // ... Centred, A_c^T A_c = diag(3, 2): κ2 = 1.5 for the Gram matrix and κ2(A_c) = √1.5 ≈ 1.22."
    // "Uncentred: intercept -498.50000011607665 and slope 0.5000000001159607, both with a relative error
    // of about 2.3 × 10^-10, some 9.6 correct digits. Centred: (2.0000000000000004, 0.49999999999999994)
    // ... the intercept converted back, 2.0000000000000004 - 1001 · 0.49999999999999994 =
    // -498.49999999999994". "ℓ10 = 3003/√3 ≈ 1733.78 ... u · 3006005/2 ≈ 1.7 × 10^-10. Your cholesky
    // computes d1 = 1.9999999995343387, off by 2.3 × 10^-10 relative ... The rule of thumb
    // 16 - log10 κ2(A^T A) ≈ 3.8 digits".
    #[test]
    fn answer_1_centring_three_points() {
        let x = Matrix::from_rows(&[vec![1000.0], vec![1001.0], vec![1002.0]]);
        let centred = Matrix::from_rows(&[vec![-1.0], vec![0.0], vec![1.0]]);
        let y = [1.0, 3.0, 2.0];
        let design = |x: &Matrix| Matrix::from_fn(3, 2, |i, j| if j == 0 { 1.0 } else { x[(i, 0)] });

        let g = gram(&design(&x));
        assert_eq!(g, Matrix::from_rows(&[vec![3.0, 3003.0], vec![3003.0, 3006005.0]]));
        assert_eq!((g[(0, 0)] + g[(1, 1)], g[(0, 0)] * g[(1, 1)] - g[(0, 1)] * g[(1, 0)]), (3006008.0, 6.0));
        let (big, small) = eigenvalues_2x2(&g);
        assert_eq!(big.round(), 3006008.0);
        assert_eq!(sci(small, 1), "2.0e-6");
        assert_eq!(sci(big / small, 1), "1.5e12");
        assert_eq!(sci((big / small).sqrt(), 1), "1.2e6");
        assert!(close(kappa_2(&design(&x)), (big / small).sqrt(), 1e-6));
        assert_eq!(fixed(16.0 - (big / small).log10(), 1), "3.8");
        assert_eq!(gram(&design(&centred)), Matrix::from_rows(&[vec![3.0, 0.0], vec![0.0, 2.0]]));
        assert_eq!(fixed(kappa_2(&design(&centred)), 2), "1.22");
        assert!(close(kappa_2(&design(&centred)), 1.5f64.sqrt(), 1e-15));

        let c = fit_linear(&x, &y).unwrap();
        assert_eq!(c, [-498.50000011607665, 0.5000000001159607]);
        assert_eq!(sci((c[0] + 498.5).abs() / 498.5, 1), "2.3e-10");
        assert_eq!(sci((c[1] - 0.5).abs() / 0.5, 1), "2.3e-10");
        assert_eq!(fixed(digits(c[1], 0.5), 1), "9.6");
        let cc = fit_linear(&centred, &y).unwrap();
        assert_eq!(cc, [2.0000000000000004, 0.49999999999999994]);
        assert_eq!(cc[0] - 1001.0 * cc[1], -498.49999999999994);

        let l = cholesky(&g).unwrap();
        assert_eq!(fixed(l[(1, 0)], 2), "1733.78");
        let d1 = g[(1, 1)] - l[(1, 0)] * l[(1, 0)];
        assert_eq!(d1, 1.9999999995343387);
        assert_eq!(l[(1, 1)], d1.sqrt());
        assert_eq!(sci((2.0 - d1) / 2.0, 1), "2.3e-10");
        assert_eq!(sci(U * 3006005.0 / 2.0, 1), "1.7e-10");
    }

    // Answer 1, Longley: "Centring its six predictors ... gives, through your fit_linear, between 11.8 and
    // 14.0 digits of each certified coefficient, against 7.2 to 8.4 for the same function on the raw
    // data: four to six digits gained". "YEAR runs from 1947 to 1962, within half a per cent of its mean".
    #[test]
    fn answer_1_centring_longley() {
        let (a, y, certified) = longley_problem();
        let x = Matrix::from_fn(16, 6, |i, j| a[(i, j + 1)]);
        let raw = fit_linear(&x, &y).unwrap();
        let means: Vec<f64> = (0..6).map(|j| x.column(j).iter().sum::<f64>() / 16.0).collect();
        let centred = fit_linear(&Matrix::from_fn(16, 6, |i, j| x[(i, j)] - means[j]), &y).unwrap();
        let mut converted = vec![centred[0] - (0..6).map(|j| centred[j + 1] * means[j]).sum::<f64>()];
        converted.extend(&centred[1..]);

        let raw_digits: Vec<f64> = (0..7).map(|j| digits(raw[j], certified[j])).collect();
        let centred_digits: Vec<f64> = (0..7).map(|j| digits(converted[j], certified[j])).collect();
        let range =
            |d: &[f64]| (d.iter().copied().fold(f64::INFINITY, f64::min), d.iter().copied().fold(0.0, f64::max));
        let (lo, hi) = range(&raw_digits);
        assert_eq!((fixed(lo, 1).as_str(), fixed(hi, 1).as_str()), ("7.2", "8.4"));
        let (lo, hi) = range(&centred_digits);
        assert_eq!((fixed(lo, 1).as_str(), fixed(hi, 1).as_str()), ("11.8", "14.0"));
        for j in 0..7 {
            let gain = centred_digits[j] - raw_digits[j];
            assert!((4.0..=6.0).contains(&gain), "coefficient {j}: {gain:.1} digits gained");
        }

        let year = x.column(5);
        assert_eq!((year[0], year[15]), (1947.0, 1962.0));
        assert!(year.iter().all(|v| (v - means[5]).abs() / means[5] < 0.005));
    }

    // Answer 2: "β = Σ x_i y_i / Σ x_i² = 22/14 = 11/7 ... fitted values (11/7, 22/7, 33/7) and residuals
    // (24/7, 6/7, -12/7): SS_res = 108/7 ≈ 15.43, ȳ = 4, SS_tot = 2, R² = 1 - 54/7 = -47/7 ≈ -6.71. Your
    // lstsq_normal on the single column x, predict with the coefficients [0, β] and r_squared give
    // -6.714285714285715."
    #[test]
    fn answer_2_a_line_through_the_origin_with_negative_r_squared() {
        let x = Matrix::from_rows(&[vec![1.0], vec![2.0], vec![3.0]]);
        let y = [5.0, 4.0, 3.0];
        let beta = lstsq_normal(&x, &y).unwrap();
        assert!(close(beta[0], 11.0 / 7.0, 1e-15));
        let fitted = predict(&[0.0, beta[0]], &x).unwrap();
        let r = residual(&x, &beta, &y).unwrap();
        for (got, want) in r.iter().zip([24.0 / 7.0, 6.0 / 7.0, -12.0 / 7.0]) {
            assert!(close(*got, want, 1e-14), "{r:?}");
        }
        let ss_res: f64 = r.iter().map(|v| v * v).sum();
        assert!(close(ss_res, 108.0 / 7.0, 1e-14));
        assert_eq!(fixed(ss_res, 2), "15.43");
        let r2 = r_squared(&y, &fitted).unwrap();
        assert_eq!(r2, -6.714285714285715);
        assert!(close(r2, -47.0 / 7.0, 1e-14));
        assert_eq!(fixed(r2, 2), "-6.71");
    }

    // Answer 3: "A^T y = (12, 2, 4, 6)"; "the pivot comes out as about 7.8 × 10^-16 ... ℓ33 ≈ 2.8 × 10^-8,
    // and your lstsq_normal returns x̂ ≈ (1.43, -0.43, 0.57, 4.57). It is a least-squares solution:
    // predict gives 1, 2 and 6 for the three levels". "multiply y by 1.1 and the intercept becomes 1.46,
    // not 1.1 · 1.43; put the intercept column last and your lstsq_normal returns the intercept 1 and the
    // level coefficients 0, 1, 5 (up to rounding)". "x_λ → (2.25, -1.25, -0.25, 3.75)"; "The intercept of
    // 2.25 is not the average of the three level means (that is 3) but a quarter of their sum (... the
    // level coefficients add up to the intercept)"; the table of
    // distances; "Down to λ = 10^-6 the distance falls in proportion to λ"; "(here 10^-8 on the grid
    // above)"; "1 + 10^-17 is 1, and ridge with λ = 10^-17 returns bit for bit what lstsq_normal returned".
    #[test]
    fn answer_3_the_dummy_variable_design() {
        let levels = [0, 1, 2, 0, 1];
        let a = Matrix::from_fn(5, 4, |i, j| if j == 0 || j - 1 == levels[i] { 1.0 } else { 0.0 });
        let y = [0.0, 1.0, 6.0, 2.0, 3.0];
        let g = gram(&a);
        assert_eq!(
            g,
            Matrix::from_rows(&[
                vec![5.0, 2.0, 2.0, 1.0],
                vec![2.0, 2.0, 0.0, 0.0],
                vec![2.0, 0.0, 2.0, 0.0],
                vec![1.0, 0.0, 0.0, 1.0]
            ])
        );
        assert_eq!(at_b(&a, &y).unwrap(), [12.0, 2.0, 4.0, 6.0]);
        let v = [-1.0, 1.0, 1.0, 1.0];
        assert_eq!(mat_vec_rows(&g, &v).unwrap(), [0.0; 4]);

        let l = cholesky(&g).unwrap();
        let pivot = g[(3, 3)] - dot(&l.row(3)[..3], &l.row(3)[..3]);
        assert_eq!(l[(3, 3)], pivot.sqrt());
        assert_eq!(sci(pivot, 1), "7.8e-16");
        assert_eq!(sci(l[(3, 3)], 1), "2.8e-8");
        let x = lstsq_normal(&a, &y).unwrap();
        assert_eq!(fixed_all(&x, 2), ["1.43", "-0.43", "0.57", "4.57"]);
        let per_level = predict(&x, &Matrix::from_fn(3, 3, |i, j| if i == j { 1.0 } else { 0.0 })).unwrap();
        for (got, want) in per_level.iter().zip([1.0, 2.0, 6.0]) {
            assert!((got - want).abs() < 1e-13, "{per_level:?}");
        }
        let scaled_y: Vec<f64> = y.iter().map(|v| v * 1.1).collect();
        let xs = lstsq_normal(&a, &scaled_y).unwrap();
        assert_eq!(fixed(xs[0], 2), "1.46");
        assert_ne!(fixed(1.1 * x[0], 2), "1.46");
        let intercept_last = Matrix::from_fn(5, 4, |i, j| if j == 3 || j == levels[i] { 1.0 } else { 0.0 });
        let xl = lstsq_normal(&intercept_last, &y).unwrap();
        for (got, want) in xl.iter().zip([0.0, 1.0, 5.0, 1.0]) {
            assert!((got - want).abs() < 1e-13, "{xl:?}");
        }

        let limit = [2.25, -1.25, -0.25, 3.75];
        assert_eq!(limit[0], (1.0 + 2.0 + 6.0) / 4.0);
        assert_eq!((1.0 + 2.0 + 6.0) / 3.0, 3.0, "the average of the level means is not the intercept");
        assert_eq!(limit[1] + limit[2] + limit[3], limit[0], "the level coefficients add up to the intercept");
        assert_eq!(dot(&limit, &v), 0.0);
        let table = ["3.0e-2", "3.0e-4", "3.0e-6", "8.9e-8", "4.2e-6", "3.5e-4"];
        let mut distances = Vec::new();
        for (k, want) in [2, 4, 6, 8, 10, 12].into_iter().zip(table) {
            let lambda = 10f64.powi(-k);
            let xr = ridge(&a, &y, lambda).unwrap();
            let distance = xr.iter().zip(limit).map(|(p, q)| (p - q).abs()).fold(0.0, f64::max);
            assert_eq!(sci(distance, 1), want, "λ = {lambda:e}");
            if k <= 6 {
                assert!((distance / lambda - 3.0).abs() < 0.1, "in proportion to λ: {distance:e}");
                assert!(dot(&xr, &v).abs() < 1e-9);
            }
            distances.push(distance);
        }
        let best = distances.iter().copied().fold(f64::INFINITY, f64::min);
        assert_eq!(best, distances[3], "the smallest distance is at λ = 1e-8");

        assert_eq!((1.0 + 1e-17, 5.0 + 1e-17), (1.0, 5.0));
        assert_eq!(ridge(&a, &y, 1e-17).unwrap(), x);
    }
}

// ---------------------------------------------------------------------------------------------
// Lesson 5, README: exercises/05_gaussian_elimination_lu/README.md
// ---------------------------------------------------------------------------------------------

// Lesson 5 lives in a module of its own, like lesson 6, so that its imports and helpers cannot
// collide with those of the sections around it; it reuses the shared helpers above (`sci`, `fixed`,
// `close`, `U`, `mat_vec_rows`).
mod lesson_5 {
    use super::*;
    use solutions::l05::condition::{cond_1_estimate, norm_1};
    use solutions::l05::determinant::det;
    use solutions::l05::gaussian_elimination::solve;
    use solutions::l05::inverse::inverse;
    use solutions::l05::lu::lu;
    use solutions::l05::lu_solve::{lu_solve, lu_solve_transpose};
    use solutions::l05::triangular::forward_substitution;

    /// The tiny pivot of the lesson, $\delta = 10^{-15}$ as stored.
    const DELTA: f64 = 1e-15;

    /// The worked example: rows (2, 1, 2), (1, 3, 2), (4, 7, 1).
    fn worked_example() -> Matrix {
        Matrix::from_rows(&[vec![2.0, 1.0, 2.0], vec![1.0, 3.0, 2.0], vec![4.0, 7.0, 1.0]])
    }

    /// Elimination without row swaps, then back substitution: the demo's `naive_solve`, which also
    /// returns the factors it made (the multipliers in L, the eliminated matrix in U).
    fn naive_solve(a: &Matrix, b: &[f64]) -> (Vec<f64>, Matrix, Matrix) {
        let n = a.nrows();
        let (mut u, mut y, mut l) = (a.clone(), b.to_vec(), Matrix::identity(n));
        for k in 0..n {
            for i in k + 1..n {
                let factor = u[(i, k)] / u[(k, k)];
                l[(i, k)] = factor;
                for j in k..n {
                    u[(i, j)] -= factor * u[(k, j)];
                }
                y[i] -= factor * y[k];
            }
        }
        let mut x = vec![0.0; n];
        for i in (0..n).rev() {
            let s: f64 = (i + 1..n).map(|j| u[(i, j)] * x[j]).sum();
            x[i] = (y[i] - s) / u[(i, i)];
        }
        (x, l, u)
    }

    /// The largest |entry|.
    fn max_abs(v: &[f64]) -> f64 {
        v.iter().fold(0.0, |m, x| m.max(x.abs()))
    }

    /// The growth factor as the lesson defines it, max_{i,j,k} |a^(k)_ij| / max |a_ij|: the largest
    /// entry met at any step of elimination, with (`pivoting`) or without partial pivoting, in the
    /// reference `lu`'s arithmetic. (The largest entry of U alone can be smaller: an entry may grow
    /// at one step and shrink at a later one. Without pivoting, a zero pivot is skipped like a zero
    /// column; the matrices measured here have none.)
    fn growth(a: &Matrix, pivoting: bool) -> f64 {
        let n = a.nrows();
        let mut u = a.clone();
        let mut largest = max_abs(u.as_slice());
        for k in 0..n {
            let mut p = k;
            if pivoting {
                for i in k + 1..n {
                    if u[(i, k)].abs() > u[(p, k)].abs() {
                        p = i;
                    }
                }
            }
            if u[(p, k)] == 0.0 {
                continue;
            }
            u.swap_rows(k, p);
            for i in k + 1..n {
                let m = u[(i, k)] / u[(k, k)];
                for j in k + 1..n {
                    let v = u[(k, j)];
                    u[(i, j)] -= m * v;
                    largest = largest.max(u[(i, j)].abs());
                }
                u[(i, k)] = 0.0;
            }
        }
        largest / max_abs(a.as_slice())
    }

    /// Wilkinson's matrix: 1 on the diagonal and in the last column, −1 below the diagonal.
    fn wilkinson(n: usize) -> Matrix {
        Matrix::from_fn(n, n, |i, j| {
            if j == n - 1 || i == j {
                1.0
            } else if j < i {
                -1.0
            } else {
                0.0
            }
        })
    }

    /// A xorshift generator of numbers uniform in [−1, 1): the "random" of the lesson's experiments.
    struct Xorshift(u64);

    impl Xorshift {
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        }
    }

    fn binomial(n: i128, k: i128) -> i128 {
        (0..k).fold(1, |c, i| c * (n - i) / (i + 1))
    }

    /// The exact inverse of the exact Hilbert matrix, an integer matrix: with 1-based i and j,
    /// (−1)^(i+j) (i + j − 1) C(n+i−1, n−j) C(n+j−1, n−i) C(i+j−2, i−1)².
    fn hilbert_inverse(n: usize) -> Vec<Vec<i128>> {
        let n = n as i128;
        (1..=n)
            .map(|i| {
                (1..=n)
                    .map(|j| {
                        let sign = if (i + j) % 2 == 0 { 1 } else { -1 };
                        let c = binomial(i + j - 2, i - 1);
                        sign * (i + j - 1) * binomial(n + i - 1, n - j) * binomial(n + j - 1, n - i) * c * c
                    })
                    .collect()
            })
            .collect()
    }

    /// κ₁ of the exact Hilbert matrix: ‖H‖₁ = 1 + 1/2 + … + 1/n (column 0), times ‖H⁻¹‖₁, the largest
    /// column sum of the exact integer inverse.
    fn hilbert_kappa_1(n: usize) -> f64 {
        let inv = hilbert_inverse(n);
        let inv_norm = (0..n).map(|j| (0..n).map(|i| inv[i][j].abs()).sum::<i128>()).max().unwrap();
        let h_norm: f64 = (0..n).map(|i| 1.0 / (i + 1) as f64).sum();
        h_norm * inv_norm as f64
    }

    /// `H x = H·1` solved with the reference `solve`: the error ‖x − 1‖∞.
    fn hilbert_error(n: usize) -> f64 {
        let h = hilbert(n);
        let b = mat_vec_rows(&h, &vec![1.0; n]).unwrap();
        let x = solve(&h, &b).unwrap();
        x.iter().fold(0.0, |m, v| m.max((v - 1.0).abs()))
    }

    /// Correct significant digits of `x` as an approximation of `exact`, as the demo counts them.
    fn digits(x: f64, exact: f64) -> f64 {
        if x == exact {
            return 16.0;
        }
        (-((x - exact).abs() / exact.abs()).log10()).clamp(0.0, 16.0)
    }

    /// The Longley normal equations as the demo forms them: G = AᵀA and Aᵀy with A = [1 | predictors]
    /// (16 × 7), summed in the textbook order; and NIST's certified coefficients.
    fn longley_normal_equations() -> (Matrix, Vec<f64>, Vec<f64>) {
        let (header, rows) = numeric_csv(include_str!("../../data/longley.csv"));
        assert_eq!(header, ["TOTEMP", "GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]);
        let m = rows.len();
        let a = Matrix::from_fn(m, 7, |i, j| if j == 0 { 1.0 } else { rows[i][j] });
        let y: Vec<f64> = rows.iter().map(|r| r[0]).collect();
        let g = Matrix::from_fn(7, 7, |i, j| (0..m).map(|k| a[(k, i)] * a[(k, j)]).sum());
        let rhs = (0..7).map(|i| (0..m).map(|k| a[(k, i)] * y[k]).sum()).collect();
        let certified = include_str!("../../data/longley_certified.csv")
            .lines()
            .skip(1)
            .map(|line| line.split(',').nth(1).unwrap().parse().unwrap())
            .collect();
        (g, rhs, certified)
    }

    /// The reference's Longley coefficients: `lu` of AᵀA, then `lu_solve`.
    fn longley_fit(g: &Matrix, rhs: &[f64]) -> Vec<f64> {
        lu_solve(&lu(g).unwrap(), rhs).unwrap()
    }

    /// The reference `lu`, operation for operation, counting its flops (divisions, multiplications,
    /// subtractions) and its comparisons in the pivot search.
    fn lu_counting(a: &Matrix) -> (usize, usize) {
        let n = a.nrows();
        let mut u = a.clone();
        let (mut flops, mut comparisons) = (0, 0);
        for k in 0..n {
            let mut p = k;
            for i in k + 1..n {
                comparisons += 1;
                if u[(i, k)].abs() > u[(p, k)].abs() {
                    p = i;
                }
            }
            if u[(p, k)] == 0.0 {
                continue;
            }
            u.swap_rows(k, p);
            for i in k + 1..n {
                let m = u[(i, k)] / u[(k, k)];
                flops += 1;
                for j in k + 1..n {
                    let v = u[(k, j)];
                    u[(i, j)] -= m * v;
                    flops += 2;
                }
                u[(i, k)] = 0.0;
            }
        }
        (flops, comparisons)
    }

    // "u = 2^-53 ≈ 1.1 × 10^-16". Triangular systems: "a triangular solve costs sum_{i=0}^{n-1} (2i + 1)
    // = n^2 flops: about as cheap as reading the n^2/2 entries of the triangle."
    #[test]
    fn triangular_solves_cost_n_squared() {
        assert_eq!(sci(U, 1), "1.1e-16");
        for n in 0..50_usize {
            assert_eq!((0..n).map(|i| 2 * i + 1).sum::<usize>(), n * n);
        }
    }

    // Elementary matrices: "L = M_0^-1 M_1^-1 ... M_{n-2}^-1 = I + sum_k m_k e_k^T", "M_k^-1 = I + m_k e_k^T",
    // and "for n = 3 its entry (2, 0) is -m_20 + m_21 m_10", on the multipliers of the worked example.
    #[test]
    fn elimination_is_a_product_of_elementary_matrices() {
        let f = lu(&worked_example()).unwrap();
        let l = &f.l;
        let (m10, m20, m21) = (l[(1, 0)], l[(2, 0)], l[(2, 1)]);
        let m0 = Matrix::from_rows(&[vec![1.0, 0.0, 0.0], vec![-m10, 1.0, 0.0], vec![-m20, 0.0, 1.0]]);
        let m1 = Matrix::from_rows(&[vec![1.0, 0.0, 0.0], vec![0.0, 1.0, 0.0], vec![0.0, -m21, 1.0]]);
        let m0_inv = Matrix::from_rows(&[vec![1.0, 0.0, 0.0], vec![m10, 1.0, 0.0], vec![m20, 0.0, 1.0]]);
        let m1_inv = Matrix::from_rows(&[vec![1.0, 0.0, 0.0], vec![0.0, 1.0, 0.0], vec![0.0, m21, 1.0]]);
        assert_eq!(mat_mul(&m0, &m0_inv), Ok(Matrix::identity(3)));
        assert_eq!(mat_mul(&m1, &m1_inv), Ok(Matrix::identity(3)));
        assert_eq!(mat_mul(&m0_inv, &m1_inv).as_ref(), Ok(l));
        let l_inv = mat_mul(&m1, &m0).unwrap();
        assert_eq!(l_inv[(2, 0)], -m20 + m21 * m10);
        assert_eq!(inverse(l).unwrap(), l_inv);
        // M_1 M_0 P A = U.
        let pa = Matrix::from_fn(3, 3, |i, j| worked_example()[(f.perm[i], j)]);
        assert_eq!(mat_mul(&l_inv, &pa), Ok(f.u.clone()));
    }

    // "the rows (0, 1) and (1, 1) make a matrix of determinant -1, yet step 0 divides by a_00 = 0."
    #[test]
    fn a_zero_pivot_stops_elimination_without_swaps() {
        let a = Matrix::from_rows(&[vec![0.0, 1.0], vec![1.0, 1.0]]);
        assert_eq!(det(&a), Ok(-1.0));
        let (x, _, _) = naive_solve(&a, &[1.0, 1.0]);
        assert!(x.iter().any(|v| !v.is_finite()), "{x:?}");
        assert_eq!(solve(&a, &[1.0, 1.0]), Ok(vec![0.0, 1.0]));
    }

    // The tiny pivot: "the multiplier is l_10 = 1/δ ≈ 10^15", "L = [[1, 0], [10^15, 1]], U = [[10^-15, 1],
    // [0, 1 - 10^15]]: the factors hold numbers of size 10^15 although no entry of A exceeds 1. In
    // floating point, back substitution finds x_1 = 0.999999999999999, the double nearest to the exact
    // x_1: its rounding error, about 8.0 × 10^-19, is far below the spacing of the doubles near 1. ...
    // 1 - x_1 ≈ 10^-15 carries the whole rounding error of x_1, which is now a relative error of
    // 8.0 × 10^-4 ... x_0 = 0.9992007221626408, wrong in the fourth digit. The residual of the second
    // equation is 8.0 × 10^-4 too". "Swapping the rows first makes the pivot 1 and the multiplier δ: the
    // factors are L = [[1, 0], [δ, 1]] and U = [[1, 1], [0, 1 - δ]], no number in them exceeds 1, and
    // solve returns x_0 = 1.0000000000000009, one unit in the last place from the exact 1/(1 - δ)."
    // Growth: "Here ρ_2 ≈ 10^15 without the swap and ρ_2 = 1 with it ... an error of relative size u in
    // an entry of size 10^15 is an absolute error of about 0.1".
    #[test]
    fn the_tiny_pivot_without_and_with_a_swap() {
        let a = Matrix::from_rows(&[vec![DELTA, 1.0], vec![1.0, 1.0]]);
        let b = [1.0, 2.0];
        let (x, l, u) = naive_solve(&a, &b);
        assert_eq!(sci(l[(1, 0)], 0), "1e15");
        assert_eq!(sci(u[(1, 1)], 0), "-1e15");
        assert_eq!(x, [0.9992007221626408, 0.999999999999999]);

        // The exact x_1 = 1 - t with t = δ/(1 - δ); t is computed here to a relative 2u, about 2e-31.
        let t = DELTA / (1.0 - DELTA);
        assert_eq!(x[1], 1.0 - t, "the double nearest to the exact x_1");
        let one_minus_x1 = 1.0 - x[1];
        assert_eq!(one_minus_x1 + x[1], 1.0, "1 - x_1 is computed exactly");
        let rounding = t - one_minus_x1; // x_1 minus the exact x_1
        assert_eq!(sci(rounding, 1), "8.0e-19");
        assert!(rounding.abs() < 0.01 * EPS / 2.0, "the doubles just below 1 are ε/2 apart");
        assert_eq!(sci(rounding / t, 1), "8.0e-4");
        let exact_x0 = 1.0 / (1.0 - DELTA);
        assert_eq!(sci((x[0] - exact_x0).abs(), 1), "8.0e-4");
        assert_eq!(digits(x[0], exact_x0).floor(), 3.0, "wrong in the fourth digit");
        let residual = [b[0] - (DELTA * x[0] + x[1]), b[1] - (x[0] + x[1])];
        assert_eq!(sci(residual[1], 1), "8.0e-4");

        let f = lu(&a).unwrap();
        assert_eq!(f.perm, [1, 0]);
        assert_eq!(f.l[(1, 0)], DELTA);
        assert_eq!(f.u, Matrix::from_rows(&[vec![1.0, 1.0], vec![0.0, 1.0 - DELTA]]));
        assert!(max_abs(f.l.as_slice()) <= 1.0 && max_abs(f.u.as_slice()) <= 1.0);
        let x = solve(&a, &b).unwrap();
        assert_eq!(x[0], 1.0000000000000009);
        assert_eq!(x[0], 1.0 + 4.0 * EPS);
        // The exact 1/(1 - δ) = 1 + δ + δ²/(1 - δ) lies above the midpoint 1 + 4.5ε (δ - 4.5ε is exact,
        // by Sterbenz's lemma, and positive), so the double nearest to it is 1 + 5ε: one unit away.
        let above_midpoint = DELTA - 4.5 * EPS;
        assert!(above_midpoint > 0.0, "{above_midpoint:e}");
        assert_eq!(exact_x0, 1.0 + 5.0 * EPS);
        assert_eq!(x[0].next_up(), exact_x0);

        assert_eq!(sci(growth(&a, false), 0), "1e15");
        assert_eq!(growth(&a, true), 1.0);
        assert_eq!(fixed(1e15 * U, 1), "0.1");
    }

    // "every multiplier has |m_ik| ≤ 1 ... After n - 1 steps, ρ_n ≤ 2^(n-1). The bound is attained by
    // Wilkinson's matrix W_n ... The candidates of each column tie at ±1; keeping the first, elimination
    // makes no swap, and each step doubles the last column, so that u_{n-1,n-1} = 2^(n-1). For n = 60 that
    // is 2^59 ≈ 5.8 × 10^17. Yet W_60 is well-conditioned (its κ1, defined below, is exactly 60), and
    // solving W_60 x = b by elimination with partial pivoting, for a b made from a random x, returns an
    // answer with a relative error of 0.3: not one correct digit."
    #[test]
    fn wilkinsons_matrix_attains_the_growth_bound() {
        let n = 60;
        let w = wilkinson(n);
        let f = lu(&w).unwrap();
        assert_eq!(f.perm, (0..n).collect::<Vec<_>>(), "no swap");
        assert_eq!(f.u[(n - 1, n - 1)], 2f64.powi(59));
        assert_eq!(growth(&w, true), 2f64.powi(59));
        assert_eq!(sci(2f64.powi(59), 1), "5.8e17");
        assert!(max_abs(f.l.as_slice()) <= 1.0);

        // W⁻¹ exactly: its entries are ±2^-k. Row i < n - 1: 1/2 on the diagonal, -2^-(j-i+1) right of
        // it (j < n - 1), -2^-(n-1-i) in the last column; the last row: 2^-(j+1), and 2^-(n-1) in the
        // last column. Checked in integers: W · (2^59 W⁻¹) = 2^59 I.
        let last = n - 1;
        let exponent = |i: usize, j: usize| -> Option<(i128, usize)> {
            if i == last {
                Some((1, if j == last { last } else { j + 1 }))
            } else if j == last {
                Some((-1, last - i))
            } else if j == i {
                Some((1, 1))
            } else if j > i {
                Some((-1, j - i + 1))
            } else {
                None
            }
        };
        let scaled = |i: usize, j: usize| exponent(i, j).map_or(0, |(sign, k)| sign << (59 - k));
        for i in 0..n {
            for j in 0..n {
                let entry: i128 = (0..n).map(|k| w[(i, k)] as i128 * scaled(k, j)).sum();
                assert_eq!(entry, if i == j { 1 << 59 } else { 0 }, "({i}, {j})");
            }
        }
        let w_inv =
            Matrix::from_fn(n, n, |i, j| exponent(i, j).map_or(0.0, |(sign, k)| sign as f64 * 2f64.powi(-(k as i32))));
        assert_eq!(norm_1(&w), 60.0);
        assert_eq!(norm_1(&w_inv), 1.0);
        assert_eq!(cond_1_estimate(&w).unwrap().round(), 60.0);

        let mut rng = Xorshift(12345);
        let x: Vec<f64> = (0..n).map(|_| rng.next()).collect();
        let b = mat_vec_rows(&w, &x).unwrap();
        let got = solve(&w, &b).unwrap();
        let error = max_abs(&sub(&got, &x)) / max_abs(&x);
        assert_eq!(fixed(error, 1), "0.3");
    }

    // "Over 100 matrices of size 100 × 100 with entries drawn uniformly from [-1, 1], the largest growth
    // factor was 19.2, against the bound 2^99 ≈ 6.3 × 10^29". (The largest entry of U alone gives 16.6.)
    #[test]
    fn random_matrices_have_small_growth() {
        let mut rng = Xorshift(2024);
        let n = 100;
        let largest = (0..100)
            .map(|_| {
                let a = Matrix::from_fn(n, n, |_, _| rng.next());
                growth(&a, true)
            })
            .fold(0.0, f64::max);
        assert_eq!(fixed(largest, 1), "19.2");
        assert_eq!(sci(2f64.powi(99), 1), "6.3e29");
    }

    // The worked example: the table, steps 0 to 4 (the working matrix with the multipliers stored where
    // they made zeros, and perm); "perm = (2, 0, 1), L = [[1, 0, 0], [1/2, 1, 0], [1/4, -1/2, 1]],
    // U = [[4, 7, 1], [0, -2.5, 1.5], [0, 0, 2.5]]", "row 1 of LU is 1/2 (4, 7, 1) + (0, -2.5, 1.5) =
    // (2, 1, 2), row 0 of A", "without that move, LU would not be PA", "No entry grew (ρ_3 = 1), and
    // det A = +1 · 4 · (-2.5) · 2.5 = -25", "(2, 0, 1) has two such pairs: sign +1", "Pb = (21, 10, 13);
    // ... y = (21, -0.5, 7.5); ... x = (1, 2, 3)". "Every number here is exact in binary".
    #[test]
    fn the_worked_example_step_by_step() {
        let a = worked_example();
        // Replay the steps in compact storage, as the table and the figure show them.
        let mut work = a.clone();
        let mut perm = vec![0, 1, 2];
        let mut states = vec![(work.clone(), perm.clone())];
        for k in 0..2 {
            let p = (k..3).fold(k, |best, i| if work[(i, k)].abs() > work[(best, k)].abs() { i } else { best });
            let runner_up = (k..3).filter(|&i| i != p).map(|i| work[(i, k)].abs()).fold(0.0, f64::max);
            assert!(work[(p, k)].abs() > runner_up, "no tie: every tie rule picks the same pivot");
            assert_ne!(p, k, "a swap at every step");
            work.swap_rows(k, p);
            perm.swap(k, p);
            states.push((work.clone(), perm.clone()));
            for i in k + 1..3 {
                let m = work[(i, k)] / work[(k, k)];
                for j in k + 1..3 {
                    work[(i, j)] -= m * work[(k, j)];
                }
                work[(i, k)] = m;
            }
            states.push((work.clone(), perm.clone()));
        }
        let table = [
            ([[2.0, 1.0, 2.0], [1.0, 3.0, 2.0], [4.0, 7.0, 1.0]], [0, 1, 2]),
            ([[4.0, 7.0, 1.0], [1.0, 3.0, 2.0], [2.0, 1.0, 2.0]], [2, 1, 0]),
            ([[4.0, 7.0, 1.0], [0.25, 1.25, 1.75], [0.5, -2.5, 1.5]], [2, 1, 0]),
            ([[4.0, 7.0, 1.0], [0.5, -2.5, 1.5], [0.25, 1.25, 1.75]], [2, 0, 1]),
            ([[4.0, 7.0, 1.0], [0.5, -2.5, 1.5], [0.25, -0.5, 2.5]], [2, 0, 1]),
        ];
        assert_eq!(states.len(), table.len());
        for ((w, p), (rows, want)) in states.iter().zip(&table) {
            assert_eq!(w, &Matrix::from_rows(&rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>()));
            assert_eq!(p, want);
        }
        // Exact in binary: every entry of every state is a multiple of 1/4 below 2^10.
        assert!(states.iter().all(|(w, _)| w.as_slice().iter().all(|x| (4.0 * x).fract() == 0.0)));

        let f = lu(&a).unwrap();
        assert_eq!(f.perm, [2, 0, 1]);
        assert_eq!(f.l, Matrix::from_rows(&[vec![1.0, 0.0, 0.0], vec![0.5, 1.0, 0.0], vec![0.25, -0.5, 1.0]]));
        assert_eq!(f.u, Matrix::from_rows(&[vec![4.0, 7.0, 1.0], vec![0.0, -2.5, 1.5], vec![0.0, 0.0, 2.5]]));
        let pa = Matrix::from_fn(3, 3, |i, j| a[(f.perm[i], j)]);
        let product = mat_mul(&f.l, &f.u).unwrap();
        assert_eq!(product, pa);
        assert_eq!(product.row(1), [2.0, 1.0, 2.0]);
        assert_eq!(product.row(1), a.row(0));
        // The multipliers left where step 2 made them (1/4 in row 1, 1/2 in row 2): LU ≠ PA.
        let unmoved = Matrix::from_rows(&[vec![1.0, 0.0, 0.0], vec![0.25, 1.0, 0.0], vec![0.5, -0.5, 1.0]]);
        assert_ne!(mat_mul(&unmoved, &f.u).unwrap(), pa);

        assert_eq!(growth(&a, true), 1.0);
        assert_eq!(det(&a), Ok(-25.0));
        assert_eq!(det3(&a), Ok(-25.0));
        let out_of_order =
            (0..3).flat_map(|i| (i + 1..3).map(move |j| (i, j))).filter(|&(i, j)| f.perm[i] > f.perm[j]).count();
        assert_eq!(out_of_order, 2);

        let b = [10.0, 13.0, 21.0];
        assert_eq!(mat_vec_rows(&a, &[1.0, 2.0, 3.0]), Ok(b.to_vec()));
        let pb: Vec<f64> = f.perm.iter().map(|&r| b[r]).collect();
        assert_eq!(pb, [21.0, 10.0, 13.0]);
        assert_eq!(forward_substitution(&f.l, &pb), Ok(vec![21.0, -0.5, 7.5]));
        assert_eq!(lu_solve(&f, &b), Ok(vec![1.0, 2.0, 3.0]));
        assert_eq!(solve(&a, &b), Ok(vec![1.0, 2.0, 3.0]));
    }

    // Cost: "sum_{j=0}^{n-1} j (2j + 1) = 2n^3/3 - n^2/2 - n/6 ≈ 2/3 n^3 flops, about 6.7 × 10^8 for
    // n = 1000 (the pivot searches add only n^2/2 comparisons). If a multiplication and the subtraction
    // after it count as one operation ... that is n^3/3 operations. Elimination costs a third of a matrix
    // product (2n^3, lesson 3), two thirds of Gauss–Jordan elimination (n^3, lesson 4)".
    #[test]
    fn elimination_costs_two_thirds_n_cubed() {
        for n in 1..=30_usize {
            let a = Matrix::from_fn(n, n, |i, j| {
                ((7 * i + 3 * j * j + 1) % 11) as f64 - 5.0 + if i == j { 0.5 } else { 0.0 }
            });
            let (flops, comparisons) = lu_counting(&a);
            let sum: usize = (0..n).map(|j| j * (2 * j + 1)).sum();
            assert_eq!(flops, sum, "n = {n}");
            // 2n³/3 − n²/2 − n/6 = (4n³ − 3n² − n)/6, an integer.
            assert_eq!(6 * sum, 4 * n * n * n - 3 * n * n - n);
            assert_eq!(comparisons, n * (n - 1) / 2);
        }
        let n = 1000_f64;
        let exact = (4.0 * n * n * n - 3.0 * n * n - n) / 6.0;
        assert_eq!(sci(exact, 1), "6.7e8");
        assert!(close(exact / (2.0 / 3.0 * n.powi(3)), 1.0, 1e-3));
        assert_eq!((2.0 / 3.0) / 2.0, 1.0 / 3.0);
    }

    // "The sign of a permutation is (-1)^s ... or equivalently -1 for every row swap actually made."
    // "0.1 I of size 400 × 400 is as easy to solve with as I, but its determinant 10^-400 underflows to 0
    // ... log|det A| = sum_k log|u_kk| ..., here 400 ln 0.1 ≈ -921.03".
    #[test]
    fn determinants_from_the_pivots_and_their_logarithms() {
        let n = 400;
        let a = Matrix::from_fn(n, n, |i, j| if i == j { 0.1 } else { 0.0 });
        assert_eq!(det(&a), Ok(0.0));
        assert_eq!(0.1_f64.powi(400), 0.0, "10^-400 is below the smallest subnormal");
        assert!(close(cond_1_estimate(&a).unwrap(), 1.0, 1e-13), "κ1 = 1, as for I");
        let f = lu(&a).unwrap();
        let log_det: f64 = (0..n).map(|k| f.u[(k, k)].abs().ln()).sum();
        assert_eq!(fixed(log_det, 2), "-921.03");
        assert_eq!(fixed(400.0 * 0.1_f64.ln(), 2), "-921.03");

        // The two ways to the sign agree on every permutation of four rows.
        let a = Matrix::from_rows(&[
            vec![1.0, 2.0, 0.0, 4.0],
            vec![3.0, 1.0, 5.0, 0.0],
            vec![0.0, 6.0, 1.0, 2.0],
            vec![7.0, 0.0, 2.0, 1.0],
        ]);
        let f = lu(&a).unwrap();
        let inversions =
            (0..4).flat_map(|i| (i + 1..4).map(move |j| (i, j))).filter(|&(i, j)| f.perm[i] > f.perm[j]).count();
        let mut p: Vec<usize> = (0..4).collect();
        let mut swaps = 0;
        for k in 0..4 {
            let at = p.iter().position(|&r| r == f.perm[k]).unwrap();
            if at != k {
                p.swap(k, at);
                swaps += 1;
            }
        }
        assert_eq!(p, f.perm);
        assert_eq!(inversions % 2, swaps % 2);
    }

    // "−log10 u = 15.95". The Hilbert matrices: "κ1(H_n) grows roughly thirtyfold with each added row
    // and column: κ1(H_8) ≈ 3.4 × 10^10, so the rule of thumb leaves about 5.5 digits, and the reference
    // solve of H_8 x = H_8 1 ... returns x with an error ‖x̂ - 1‖∞ = 4.2 × 10^-7, 6.4 correct digits. At n = 12,
    // κ1 ≈ 4 × 10^16 is beyond 1/u, the rule of thumb promises nothing, and the reference solve returns an
    // x off by 0.36." The figure: "The points fall from nearly full accuracy at n = 2 to less than one
    // correct digit at n = 12, all of them above the line, most by about one digit." (With the reference
    // in place of the learner's functions.)
    #[test]
    fn digits_lost_on_hilbert_matrices() {
        assert_eq!(fixed(-U.log10(), 2), "15.95");
        // The closed-form inverse is the inverse (checked in floating point, where H is inexact).
        for n in 2..=6 {
            let inv = hilbert_inverse(n);
            let inv = Matrix::from_fn(n, n, |i, j| inv[i][j] as f64);
            let product = mat_mul(&hilbert(n), &inv).unwrap();
            let off = (0..n)
                .flat_map(|i| (0..n).map(move |j| (i, j)))
                .map(|(i, j)| (product[(i, j)] - if i == j { 1.0 } else { 0.0 }).abs());
            assert!(off.fold(0.0, f64::max) < 1e-6, "n = {n}");
        }
        assert_eq!(hilbert_inverse(3), [vec![9, -36, 30], vec![-36, 192, -180], vec![30, -180, 180]]);
        for n in 2..12 {
            let ratio = hilbert_kappa_1(n + 1) / hilbert_kappa_1(n);
            assert!((27.0..38.0).contains(&ratio), "n = {n}: {ratio}");
        }
        let kappa_8 = hilbert_kappa_1(8);
        assert_eq!(sci(kappa_8, 1), "3.4e10");
        assert_eq!(fixed(16.0 - kappa_8.log10(), 1), "5.5");
        let error = hilbert_error(8);
        assert_eq!(sci(error, 1), "4.2e-7");
        assert_eq!(fixed(-error.log10(), 1), "6.4");

        let kappa_12 = hilbert_kappa_1(12);
        assert_eq!(sci(kappa_12, 0), "4e16");
        assert!(kappa_12 > 1.0 / U);
        assert_eq!(fixed(hilbert_error(12), 2), "0.36");

        // The figure, with the reference in place of your functions.
        let mut above_by = Vec::new();
        for n in 2..=12 {
            let correct = (-hilbert_error(n).log10()).clamp(0.0, 16.0);
            let line = 16.0 - cond_1_estimate(&hilbert(n)).unwrap().log10();
            assert!(correct > line, "n = {n}: {correct:.2} digits, the line {line:.2}");
            above_by.push(correct - line);
            if n == 2 {
                assert!(correct > 15.0, "nearly full accuracy");
            }
            if n == 12 {
                assert!(correct < 1.0);
            }
        }
        assert!(above_by.iter().filter(|&&d| d <= 1.2).count() >= 10, "{above_by:?}");
    }

    // The estimator: "x_i = (-1)^i (1 + i/(n - 1)) has ‖x‖1 = 3n/2", "at most six solves with A and five
    // with A^T", "On the Hilbert matrices up to n = 10, the reference's estimate agrees with the exact
    // κ1(H_n) to three digits."
    #[test]
    fn the_estimate_on_hilbert_matrices() {
        for n in 2..=40_usize {
            let x: Vec<f64> = (0..n).map(|i| 1.0 + i as f64 / (n - 1) as f64).collect();
            assert!(close(x.iter().sum::<f64>(), 1.5 * n as f64, 1e-14), "n = {n}");
        }
        for n in 2..=10 {
            let estimate = cond_1_estimate(&hilbert(n)).unwrap();
            assert_eq!(sci(estimate, 2), sci(hilbert_kappa_1(n), 2), "n = {n}");
            assert!(estimate <= hilbert_kappa_1(n) * (1.0 + 1e-3));
        }
        // The solve count, read off the algorithm: step 1 and step 4 one each, at most four in step 3
        // (A); step 2 one, at most four in step 3 (Aᵀ). And the worked example of the transpose solve.
        assert_eq!(1 + 4 + 1, 6);
        assert_eq!(1 + 4, 5);
        let f = lu(&worked_example()).unwrap();
        assert_eq!(lu_solve_transpose(&f, &[8.0, 14.0, 7.0]), Ok(vec![1.0, 2.0, 1.0]));
    }

    // Apply it: "over 16 years, to 15 significant digits", "the 7 × 7 normal equations A^T A x = A^T y,
    // with A the 16 × 7 matrix", "Compare those digits with what the rule of thumb promises for the
    // printed estimate: the coefficients do far better than it."
    #[test]
    fn longley_by_lu_does_better_than_the_rule_of_thumb() {
        let (g, rhs, certified) = longley_normal_equations();
        assert_eq!(g.shape(), (7, 7));
        assert_eq!(g[(0, 0)], 16.0, "16 years");
        assert_eq!(certified.len(), 7);
        for line in include_str!("../../data/longley_certified.csv").lines().skip(1) {
            let estimate = line.split(',').nth(1).unwrap();
            let mantissa = estimate.split(['E', 'e']).next().unwrap();
            let significant = mantissa.chars().filter(char::is_ascii_digit).collect::<String>();
            assert_eq!(significant.trim_start_matches('0').len(), 15, "{estimate}");
        }
        let x = longley_fit(&g, &rhs);
        let kappa = cond_1_estimate(&g).unwrap();
        assert!(16.0 - kappa.log10() < 0.0, "the rule of thumb promises no digit");
        assert!((0..7).all(|j| digits(x[j], certified[j]) > 7.0));
    }

    // Where this shows up in ML: "2^-11 in float16 and 2^-8 in bfloat16, so about 3.3 - log10 κ and
    // 2.4 - log10 κ correct digits. A system with κ = 10^3 has nothing left in bfloat16."
    #[test]
    fn low_precision_formats() {
        assert_eq!(fixed(-(2f64.powi(-11)).log10(), 1), "3.3");
        assert_eq!(fixed(-(2f64.powi(-8)).log10(), 1), "2.4");
        assert!(-(2f64.powi(-8)).log10() - 3.0 < 0.0);
    }

    // -----------------------------------------------------------------------------------------
    // Lesson 5, answers: solutions/05_gaussian_elimination_lu/ANSWERS.md
    // -----------------------------------------------------------------------------------------

    // Answer 1: "inverse costs 2/3 n^3 ... and n solves of 2n^2 each, 8/3 n^3 in all", "for every k it
    // costs 2n^3 more (at best 4/3 n^3 more), and when k = 1 the inverse route does about four times the
    // work of the whole solve". The table for H_10, b = H_10 1: backward errors 7.6 × 10^-17 (solve) and
    // 2.3 × 10^-5 (inverse), errors 3.2 × 10^-4 and 1.5 × 10^-2; "κ1(H_10) ≈ 3.5 × 10^13"; "its backward
    // error is some 10^11 times larger, and its error about 50 times larger". "A random b tends to be
    // like that".
    #[test]
    fn answer_1_solving_with_the_inverse() {
        let n = 1000.0_f64;
        let (route_lu, route_inverse) = (2.0 / 3.0 * n.powi(3) + 2.0 * n * n, 8.0 / 3.0 * n.powi(3) + 2.0 * n * n);
        assert!(close(route_inverse - route_lu, 2.0 * n.powi(3), 1e-12));
        assert_eq!((route_inverse / route_lu).round(), 4.0);

        let n = 10;
        let h = hilbert(n);
        let b = mat_vec_rows(&h, &vec![1.0; n]).unwrap();
        let backward = |x: &[f64]| {
            let r = sub(&b, &mat_vec_rows(&h, x).unwrap());
            max_abs(&r) / (norm_inf_matrix(&h) * max_abs(x))
        };
        let error = |x: &[f64]| x.iter().fold(0.0_f64, |m, v| m.max((v - 1.0).abs()));
        let by_solve = solve(&h, &b).unwrap();
        let by_inverse = mat_vec_rows(&inverse(&h).unwrap(), &b).unwrap();
        assert_eq!(sci(backward(&by_solve), 1), "7.6e-17");
        assert_eq!(sci(backward(&by_inverse), 1), "2.3e-5");
        assert_eq!(sci(error(&by_solve), 1), "3.2e-4");
        assert_eq!(sci(error(&by_inverse), 1), "1.5e-2");
        assert_eq!((backward(&by_inverse) / backward(&by_solve)).log10().floor(), 11.0);
        assert_eq!((error(&by_inverse) / error(&by_solve) / 10.0).round(), 5.0);
        assert_eq!(sci(hilbert_kappa_1(10), 1), "3.5e13");
        assert!(error(&by_solve) <= hilbert_kappa_1(10) * U);

        // A random b: both routes are backward stable.
        let mut rng = Xorshift(7);
        let b: Vec<f64> = (0..n).map(|_| rng.next()).collect();
        let backward = |x: &[f64]| {
            let r = sub(&b, &mat_vec_rows(&h, x).unwrap());
            max_abs(&r) / (norm_inf_matrix(&h) * max_abs(x))
        };
        assert!(backward(&solve(&h, &b).unwrap()) < 10.0 * U);
        assert!(backward(&mat_vec_rows(&inverse(&h).unwrap(), &b).unwrap()) < 10.0 * U);
    }

    /// ‖A‖∞, the largest absolute row sum.
    fn norm_inf_matrix(a: &Matrix) -> f64 {
        a.rows().map(|row| row.iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max)
    }

    // Answer 2: column dominance: "no step of the elimination swaps a row", "ρ_n ≤ 2"; row dominance:
    // "again ρ_n ≤ 2. But the multipliers can exceed 1 ... The rows (1, 0) and (2, 3) are dominant by
    // rows; without a swap l_10 = 2, while partial pivoting takes the 2 as pivot and makes l_10 = 1/2";
    // symmetric positive definite: "ρ_n ≤ 1". Checked on generated matrices.
    #[test]
    fn answer_2_when_pivoting_is_unnecessary() {
        let a = Matrix::from_rows(&[vec![1.0, 0.0], vec![2.0, 3.0]]);
        let (_, l, _) = naive_solve(&a, &[1.0, 1.0]);
        assert_eq!(l[(1, 0)], 2.0);
        let f = lu(&a).unwrap();
        assert_eq!((f.perm.clone(), f.l[(1, 0)]), (vec![1, 0], 0.5));

        let mut rng = Xorshift(99);
        for _ in 0..200 {
            let n = 2 + (rng.next().abs() * 7.0) as usize;
            let m = Matrix::from_fn(n, n, |_, _| rng.next());
            // Strictly dominant by columns: the diagonal outweighs the rest of its column.
            let by_columns = Matrix::from_fn(n, n, |i, j| {
                if i == j {
                    let rest: f64 = (0..n).filter(|&k| k != j).map(|k| m[(k, j)].abs()).sum();
                    (rest + 0.1 + rng.next().abs()) * if m[(j, j)] < 0.0 { -1.0 } else { 1.0 }
                } else {
                    m[(i, j)]
                }
            });
            let f = lu(&by_columns).unwrap();
            assert_eq!(f.perm, (0..n).collect::<Vec<_>>(), "no swap");
            assert!(growth(&by_columns, true) <= 2.0);
            // Strictly dominant by rows, without pivoting.
            let by_rows = transpose(&by_columns);
            assert!(growth(&by_rows, false) <= 2.0);
            // Symmetric positive definite: MᵀM + I, without pivoting.
            let spd = Matrix::from_fn(n, n, |i, j| {
                (0..n).map(|k| m[(k, i)] * m[(k, j)]).sum::<f64>() + if i == j { 1.0 } else { 0.0 }
            });
            assert!(growth(&spd, false) <= 1.0 + 1e-12);
        }
    }

    // Answer 3: "The entries of the Longley matrix G = A^T A run from 16 ... to about 2.6 × 10^12 (GNP with
    // itself). The reference cond_1_estimate gives κ1(G) ≈ 2.9 × 10^19, about 3000 times 1/u ≈ 9.0 × 10^15,
    // and 16 - log10 κ1 ≈ -3.5 ... Yet the reference lu and lu_solve give every coefficient with 7.4 to 8.6
    // correct digits." "With D the powers of two that bring the largest entry of each column near 1, the
    // reference's coefficients do come back identical, bit for bit, while κ1(GD) ≈ 2.1 × 10^14: five orders
    // of magnitude less." "With D the powers of two nearest to 1/sqrt(g_jj) ..., κ1(DGD) ≈ 2.5 × 10^9, and
    // the rule of thumb predicts 16 - log10 κ1 ≈ 6.6 digits ... its answers have 7.6 to 8.7 correct digits".
    // The table of c_j, 16 - log10 c_j and the digits, "about one digit pessimistic for every coefficient",
    // "the order is exactly right", "(here it is 1)", "costs about nine digits".
    #[test]
    fn answer_3_longley_and_the_scale_of_the_columns() {
        let (g, rhs, certified) = longley_normal_equations();
        let entries = g.as_slice();
        assert_eq!(entries.iter().fold(f64::INFINITY, |m, &x| m.min(x.abs())), 16.0);
        assert_eq!(max_abs(entries), g[(2, 2)], "GNP with itself");
        assert_eq!(sci(g[(2, 2)], 1), "2.6e12");

        let kappa = cond_1_estimate(&g).unwrap();
        assert_eq!(sci(kappa, 1), "2.9e19");
        assert_eq!(sci(1.0 / U, 1), "9.0e15");
        assert_eq!(sci(kappa * U, 0), "3e3");
        assert_eq!(fixed(16.0 - kappa.log10(), 1), "-3.5");
        let x = longley_fit(&g, &rhs);
        let got: Vec<f64> = (0..7).map(|j| digits(x[j], certified[j])).collect();
        let (fewest, most) = (got.iter().cloned().fold(16.0, f64::min), got.iter().cloned().fold(0.0, f64::max));
        assert_eq!((fixed(fewest, 1), fixed(most, 1)), ("7.4".to_string(), "8.6".to_string()));
        assert_eq!(fixed(growth(&g, true), 3), "1.000", "no growth");

        // Columns scaled by powers of two: the same coefficients, bit for bit; κ1 five orders smaller.
        let d: Vec<f64> = (0..7).map(|j| 2f64.powi(-(max_abs(&g.column(j)).log2().round() as i32))).collect();
        let gd = Matrix::from_fn(7, 7, |i, j| g[(i, j)] * d[j]);
        let xd = longley_fit(&gd, &rhs);
        for j in 0..7 {
            assert_eq!(xd[j] * d[j], x[j], "coefficient {j}");
        }
        let kappa_gd = cond_1_estimate(&gd).unwrap();
        assert_eq!(sci(kappa_gd, 1), "2.1e14");
        assert_eq!((kappa / kappa_gd).log10().floor(), 5.0);

        // Rows and columns: DGD with the diagonal near 1.
        let s: Vec<f64> = (0..7).map(|j| 2f64.powi(-(g[(j, j)].sqrt().log2().round() as i32))).collect();
        let sgs = Matrix::from_fn(7, 7, |i, j| s[i] * g[(i, j)] * s[j]);
        assert!((0..7).all(|j| (0.5..2.0).contains(&sgs[(j, j)])));
        let kappa_sgs = cond_1_estimate(&sgs).unwrap();
        assert_eq!(sci(kappa_sgs, 1), "2.5e9");
        assert_eq!(fixed(16.0 - kappa_sgs.log10(), 1), "6.6");
        assert_eq!((kappa_sgs.log10()).round(), 9.0, "about nine digits");
        let srhs: Vec<f64> = (0..7).map(|i| s[i] * rhs[i]).collect();
        let xs = longley_fit(&sgs, &srhs);
        let scaled: Vec<f64> = (0..7).map(|j| digits(xs[j] * s[j], certified[j])).collect();
        let (fewest, most) = (scaled.iter().cloned().fold(16.0, f64::min), scaled.iter().cloned().fold(0.0, f64::max));
        assert_eq!((fixed(fewest, 1), fixed(most, 1)), ("7.6".to_string(), "8.7".to_string()));

        // Componentwise condition numbers c_j = (|G⁻¹||G||x|)_j / |x_j|, with x the certified
        // coefficients and G⁻¹ = D (DGD)⁻¹ D, accurate to about six digits.
        let inv_s = inverse(&sgs).unwrap();
        let g_inv = Matrix::from_fn(7, 7, |i, j| s[i] * inv_s[(i, j)] * s[j]);
        let gx: Vec<f64> = (0..7).map(|i| (0..7).map(|j| (g[(i, j)] * certified[j]).abs()).sum()).collect();
        let c: Vec<f64> =
            (0..7).map(|i| (0..7).map(|j| g_inv[(i, j)].abs() * gx[j]).sum::<f64>() / certified[i].abs()).collect();
        // The table, in its order: POP, GNPDEFL, GNP, intercept, YEAR, UNEMP, ARMED.
        let order = [5, 1, 2, 0, 6, 3, 4];
        let table = [
            ("4.1e9", "6.4", "7.4"),
            ("2.6e9", "6.6", "7.6"),
            ("1.7e9", "6.8", "7.8"),
            ("5.6e8", "7.2", "8.3"),
            ("5.5e8", "7.3", "8.3"),
            ("4.5e8", "7.3", "8.4"),
            ("2.5e8", "7.6", "8.6"),
        ];
        for (&j, (cj, predicted, observed)) in order.iter().zip(table) {
            assert_eq!(sci(c[j], 1), cj, "coefficient {j}");
            assert_eq!(fixed(16.0 - c[j].log10(), 1), predicted, "coefficient {j}");
            assert_eq!(fixed(got[j], 1), observed, "coefficient {j}");
            assert!((0.8..1.2).contains(&(got[j] - (16.0 - c[j].log10()))), "about one digit pessimistic");
        }
        for w in order.windows(2) {
            assert!(c[w[0]] > c[w[1]] && got[w[0]] < got[w[1]], "the larger c_j, the fewer digits");
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Lesson 7, README: exercises/07_orthogonality_gram_schmidt/README.md, and its ANSWERS.md
// ---------------------------------------------------------------------------------------------

// Lesson 7 lives in a module of its own, like lessons 5 and 6; it reuses the shared helpers above
// (`sci`, `fixed`, `close`, `U`, `numeric_csv`).
mod lesson_7 {
    use super::*;
    use solutions::l06::cholesky::cholesky;
    use solutions::l06::least_squares::lstsq_normal;
    use solutions::l06::normal_equations::gram;
    use solutions::l07::classical::classical_gram_schmidt;
    use solutions::l07::complement::orthogonal_complement;
    use solutions::l07::modified::modified_gram_schmidt;
    use solutions::l07::orthonormality::orthonormality_loss;
    use solutions::l07::projection::project_onto_subspace;
    use solutions::l07::reorthogonalization::gram_schmidt_twice;
    use vocab::Qr;

    /// The three Gram–Schmidts of the lesson, in the order of its tables.
    type GramSchmidt = fn(&Matrix) -> Result<Qr, LinalgError>;
    const VARIANTS: [GramSchmidt; 3] = [classical_gram_schmidt, modified_gram_schmidt, gram_schmidt_twice];

    /// The worked example: rows (1, 1), (1, 0), (0, 1), so a₀ = (1, 1, 0) and a₁ = (1, 0, 1).
    fn worked_example() -> Matrix {
        Matrix::from_rows(&[vec![1.0, 1.0], vec![1.0, 0.0], vec![0.0, 1.0]])
    }

    /// Läuchli's matrix with three columns: a row of ones above δ·I₃.
    fn lauchli(delta: f64) -> Matrix {
        Matrix::from_rows(&[vec![1.0, 1.0, 1.0], vec![delta, 0.0, 0.0], vec![0.0, delta, 0.0], vec![0.0, 0.0, delta]])
    }

    /// q_i · q_j for the columns of `q`.
    fn cosine(q: &Matrix, i: usize, j: usize) -> f64 {
        dot(&q.column(i), &q.column(j))
    }

    /// ‖A − QR‖_F / ‖A‖_F.
    fn backward_error(a: &Matrix, f: &Qr) -> f64 {
        let qr = f.reconstruct();
        let diff: Vec<f64> = a.as_slice().iter().zip(qr.as_slice()).map(|(x, y)| x - y).collect();
        norm_l2(&diff) / norm_l2(a.as_slice())
    }

    /// The distance between two vectors.
    fn distance(x: &[f64], y: &[f64]) -> f64 {
        norm_l2(&sub(x, y))
    }

    /// The distance in units in the last place between two doubles of the same sign.
    fn ulps(x: f64, y: f64) -> u64 {
        x.to_bits().abs_diff(y.to_bits())
    }

    /// A xorshift generator of numbers uniform in [−1, 1).
    struct Xorshift(u64);

    impl Xorshift {
        fn next(&mut self) -> f64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 >> 11) as f64 / (1u64 << 53) as f64 * 2.0 - 1.0
        }
    }

    /// A random m × n matrix with entries uniform in [−1, 1).
    fn random_matrix(rng: &mut Xorshift, m: usize, n: usize) -> Matrix {
        Matrix::from_fn(m, n, |_, _| rng.next())
    }

    /// Applies the reflector I − 2vvᵀ/(vᵀv) to every column of `a`, from the left.
    fn reflect_columns(v: &[f64], a: &mut Matrix) {
        let vv = dot(v, v);
        for j in 0..a.ncols() {
            let col = a.column(j);
            let c = 2.0 * dot(v, &col) / vv;
            for i in 0..a.nrows() {
                a[(i, j)] -= c * v[i];
            }
        }
    }

    /// An m × n matrix U·[diag(σ); 0]·Vᵀ with σ spread geometrically from 1 down to 1/κ, U and V
    /// products of random reflectors: κ₂ = κ up to rounding. (The construction of the loss figure,
    /// with reflectors in place of nalgebra's QR.)
    fn with_condition(rng: &mut Xorshift, m: usize, n: usize, kappa: f64) -> Matrix {
        let mut a = Matrix::from_fn(m, n, |i, j| if i == j { kappa.powf(-(i as f64) / (n - 1) as f64) } else { 0.0 });
        // Vᵀ on the right: reflect the rows, that is, reflect the columns of Aᵀ.
        let mut at = transpose(&a);
        for _ in 0..n {
            let v: Vec<f64> = (0..n).map(|_| rng.next()).collect();
            reflect_columns(&v, &mut at);
        }
        a = transpose(&at);
        for _ in 0..m {
            let v: Vec<f64> = (0..m).map(|_| rng.next()).collect();
            reflect_columns(&v, &mut a);
        }
        a
    }

    // "u = 2^-53 ≈ 1.1 × 10^-16". Orthonormal bases: "Q stretches every vector by exactly 1, so σmax(Q) =
    // σmin(Q) = 1 and κ2(Q) = 1"; orthonormality_loss: "more than m columns are never orthonormal, and then
    // the loss is at least √(k − m)"; "Q with no columns has loss 0".
    #[test]
    fn orthonormal_columns_and_their_loss() {
        assert_eq!(sci(U, 1), "1.1e-16");
        let q = classical_gram_schmidt(&worked_example()).unwrap().q;
        let s = singular_values(&q);
        assert!(s.iter().all(|&x| close(x, 1.0, 1e-15)), "{s:?}");
        assert_eq!(orthonormality_loss(&Matrix::zeros(3, 0)), 0.0);
        assert_eq!(orthonormality_loss(&Matrix::zeros(0, 0)), 0.0);
        let mut rng = Xorshift(0x9e37_79b9_7f4a_7c15);
        for m in 1..=5 {
            for k in m + 1..=m + 4 {
                let q = random_matrix(&mut rng, m, k);
                let loss = orthonormality_loss(&q);
                assert!(loss >= ((k - m) as f64).sqrt() * (1.0 - 1e-12), "{m}×{k}: {loss}");
            }
        }
        // The bound is attained: k unit vectors in ℝ¹.
        assert!(close(orthonormality_loss(&Matrix::from_fn(1, 3, |_, _| 1.0)), 6f64.sqrt(), 1e-15));
    }

    // The worked example: "r00 = √2, q0 = (1, 1, 0)/√2; r01 = 1/√2, v1 = (1/2, −1/2, 1), r11 = √(3/2),
    // q1 = (1, −1, 2)/√6"; "column 1 of QR is ... (1, 0, 1)"; "R is the transpose of the Cholesky factor
    // found there ... your classical_gram_schmidt returns (r00, r01, r11) = (1.4142135623730951,
    // 0.7071067811865475, 1.224744871391589), the three numbers your cholesky returned in lesson 6, bit for
    // bit, and your orthonormality_loss of its Q is about 3.9 × 10^-16."
    #[test]
    fn the_worked_example() {
        let a = worked_example();
        let f = classical_gram_schmidt(&a).unwrap();
        let (q, r) = (&f.q, &f.r);
        let (s2, s6) = (2f64.sqrt(), 6f64.sqrt());
        for (got, want) in q.column(0).iter().zip([1.0 / s2, 1.0 / s2, 0.0]) {
            assert!((got - want).abs() <= 2.0 * U, "{got} {want}");
        }
        for (got, want) in q.column(1).iter().zip([1.0 / s6, -1.0 / s6, 2.0 / s6]) {
            assert!((got - want).abs() <= 2.0 * U, "{got} {want}");
        }
        assert_eq!(r[(1, 0)], 0.0);
        assert!(close(r[(0, 0)], s2, U) && close(r[(0, 1)], 1.0 / s2, U) && close(r[(1, 1)], 1.5f64.sqrt(), 2.0 * U));
        assert_eq!(
            format!("{:?}", [r[(0, 0)], r[(0, 1)], r[(1, 1)]]),
            "[1.4142135623730951, 0.7071067811865475, 1.224744871391589]"
        );
        let l = cholesky(&gram(&a)).unwrap();
        assert_eq!(gram(&a), Matrix::from_rows(&[vec![2.0, 1.0], vec![1.0, 2.0]]));
        assert_eq!([r[(0, 0)], r[(0, 1)], r[(1, 1)]], [l[(0, 0)], l[(1, 0)], l[(1, 1)]]);
        let v1 = sub(&a.column(1), &scale(0.5, &a.column(0)));
        assert_eq!(v1, [0.5, -0.5, 1.0]);
        assert_eq!(norm_l2(&v1), r[(1, 1)]);
        let column_1 = f.reconstruct().column(1);
        for (got, want) in column_1.iter().zip([1.0, 0.0, 1.0]) {
            assert!((got - want).abs() <= 2.0 * U, "{column_1:?}");
        }
        assert_eq!(sci(orthonormality_loss(q), 1), "3.9e-16");
    }

    // Classical and modified: "With two columns there is only one coefficient, r01 = q0·a1 either way, and
    // the two do the same arithmetic, bit for bit; the difference starts at the third column." "Each column
    // still meets q0, q1, ... in the same order with the same operations, so the results are the same, bit
    // for bit" (row-oriented MGS, written here with the same dot, sub and scale).
    #[test]
    fn classical_and_modified_agree_on_two_columns_and_row_oriented_mgs_is_the_same() {
        let mut rng = Xorshift(0x2545_f491_4f6c_dd1d);
        for m in 2..=7 {
            for _ in 0..20 {
                let a = random_matrix(&mut rng, m, 2);
                assert_eq!(classical_gram_schmidt(&a), modified_gram_schmidt(&a));
            }
            let a = random_matrix(&mut rng, m, m.min(5));
            let (m, n) = a.shape();
            let mut cols: Vec<Vec<f64>> = (0..n).map(|j| a.column(j)).collect();
            let mut qs: Vec<Vec<f64>> = Vec::new();
            let mut r = Matrix::zeros(n, n);
            for j in 0..n {
                let r_jj = norm_l2(&cols[j]);
                r[(j, j)] = r_jj;
                let q_j = scale(1.0 / r_jj, &cols[j]);
                for k in j + 1..n {
                    let r_jk = dot(&q_j, &cols[k]);
                    r[(j, k)] = r_jk;
                    cols[k] = sub(&cols[k], &scale(r_jk, &q_j));
                }
                qs.push(q_j);
            }
            let row_oriented = Qr { q: Matrix::from_columns(&qs), r };
            assert_eq!(modified_gram_schmidt(&a).unwrap(), row_oriented, "{m}×{n}");
        }
        // From the third column on they differ (Läuchli's matrix below).
        let l = lauchli(1e-8);
        assert_ne!(classical_gram_schmidt(&l).unwrap().q.column(2), modified_gram_schmidt(&l).unwrap().q.column(2));
    }

    // Cost: "sum_{k=0}^{n-1} (4mk + 3m) = 2mn(n − 1) + 3mn ≈ 2mn² flops"; "For a square matrix that is 2n³,
    // three times the 2/3 n³ of LU"; CGS2 "costs two classical passes, about 4mn² flops".
    #[test]
    fn gram_schmidt_costs_2mn_squared() {
        for m in 1..40_usize {
            for n in 1..=m {
                let sum: usize = (0..n).map(|k| 4 * m * k + 3 * m).sum();
                assert_eq!(sum, 2 * m * n * (n - 1) + 3 * m * n);
                let twice: usize = (0..n).map(|k| 8 * m * k + 3 * m).sum();
                assert_eq!(twice, 4 * m * n * (n - 1) + 3 * m * n);
            }
        }
        let (m, n) = (1000.0_f64, 1000.0_f64);
        assert!(close((2.0 * m * n * (n - 1.0) + 3.0 * m * n) / (2.0 * m * n * n), 1.0, 1e-3));
        assert_eq!(2.0 / (2.0 / 3.0), 3.0);
    }

    // "every A with κ2(A) up to 10^8 is factored" and, in the next section, "r_kk ≥ σmin(A)", "‖a_k‖ ≤
    // σmax(A)", so "‖a_k‖/r_kk ≤ κ2(A)": on Hilbert matrices and Läuchli's, with the modified and twice
    // algorithms, whose r_kk are accurate.
    #[test]
    fn one_step_loses_at_most_kappa() {
        let mut matrices: Vec<Matrix> = (2..=7).map(hilbert).collect();
        matrices.push(lauchli(1e-8));
        matrices.push(worked_example());
        for a in &matrices {
            let s = singular_values(a);
            let (big, small) = (s[0], s[s.len() - 1]);
            for f in [modified_gram_schmidt as GramSchmidt, gram_schmidt_twice] {
                let r = f(a).unwrap().r;
                for k in 0..a.ncols() {
                    let a_k = norm_l2(&a.column(k));
                    assert!(r[(k, k)] >= small * (1.0 - 1e-6), "r_kk {} σmin {small}", r[(k, k)]);
                    assert!(a_k <= big * (1.0 + 1e-12));
                    assert!(a_k / r[(k, k)] <= big / small * (1.0 + 1e-6));
                }
            }
        }
        assert!(kappa_2(&hilbert(7)) < 1e10 && kappa_2(&lauchli(1e-8)) > 1e8);
    }

    // Läuchli's matrix: "Its singular values are √(3 + δ²), δ and δ, so κ2(A) ≈ 1.7 × 10^8, and u κ2(A) ≈
    // 1.9 × 10^-8 while u κ2(A)² ≈ 3.3 is beyond 1." The steps by hand: "‖a0‖ = √(1 + δ²) rounds to 1, so
    // q0 = a0 = (1, δ, 0, 0)"; "r01 = 1, v1 = (0, −δ, δ, 0) ... q1 = (0, −1, 1, 0)/√2, and q0·q1 = −δ/√2 ≈
    // −7.1 × 10^-9"; CGS "r02 = 1 and r12 = 0. So v2 = (0, −δ, 0, δ), q2 = (0, −1, 0, 1)/√2, and q1·q2 =
    // 1/2"; MGS "r12 = q1·v = δ/√2, and v − r12 q1 = (0, −δ/2, −δ/2, δ), so q2 = (0, −1, −1, 2)/√6". The
    // table: losses 0.71, 1.2 × 10^-8, 5.0 × 10^-16; q1·q2 0.4999999999999999, 1.1 × 10^-16, 0; ‖A − QR‖_F/‖A‖_F
    // 0, 4.8 × 10^-25, 6.4 × 10^-17. "The classical loss is 1/√2 ... The modified loss is δ√(4/3), from q0·q1
    // = −δ/√2 and q0·q2 = −δ/√6, about 0.6 times u κ2(A)". Twice: "the second pass of column 1 even recovers
    // the first entry of q1 that the first pass lost: it is 7.07 × 10^-9, close to the exact δ/√2, where CGS
    // and MGS have 0." Lesson 6: "1 + δ² rounds to 1".
    #[test]
    fn lauchli_with_three_columns() {
        let delta = 1e-8;
        assert_eq!(1.0 + delta * delta, 1.0);
        let a = lauchli(delta);
        let s = singular_values(&a);
        assert!(
            close(s[0], (3.0 + delta * delta).sqrt(), 1e-14) && close(s[1], delta, 1e-7) && close(s[2], delta, 1e-7)
        );
        let kappa = (3.0 + delta * delta).sqrt() / delta;
        assert!(close(kappa_2(&a), kappa, 1e-7));
        assert_eq!(sci(kappa, 1), "1.7e8");
        assert_eq!(sci(U * kappa, 1), "1.9e-8");
        assert_eq!(fixed(U * kappa * kappa, 1), "3.3");

        let h = std::f64::consts::FRAC_1_SQRT_2;
        let [cgs, mgs, twice] = VARIANTS.map(|f| f(&a).unwrap());
        // The first two columns: the same in CGS and MGS.
        for f in [&cgs, &mgs] {
            assert_eq!(f.q.column(0), [1.0, delta, 0.0, 0.0]);
            assert_eq!(f.r[(0, 0)], 1.0);
            assert_eq!(f.r[(0, 1)], 1.0);
            for (got, want) in f.q.column(1).iter().zip([0.0, -h, h, 0.0]) {
                assert!((got - want).abs() <= U, "{got} {want}");
            }
            assert!(close(f.r[(1, 1)], 2f64.sqrt() * delta, 1e-15));
            assert!(close(cosine(&f.q, 0, 1), -delta * h, 1e-15));
        }
        assert_eq!(sci(cosine(&cgs.q, 0, 1), 1), "-7.1e-9");
        assert_eq!(sub(&a.column(1), &cgs.q.column(0)), [0.0, -delta, delta, 0.0]);
        // CGS, column 2.
        assert_eq!((cgs.r[(0, 2)], cgs.r[(1, 2)]), (1.0, 0.0));
        assert_eq!(sub(&a.column(2), &cgs.q.column(0)), [0.0, -delta, 0.0, delta]);
        for (got, want) in cgs.q.column(2).iter().zip([0.0, -h, 0.0, h]) {
            assert!((got - want).abs() <= U, "{got} {want}");
        }
        assert!(close(cosine(&cgs.q, 1, 2), 0.5, 1e-15));
        // MGS, column 2.
        assert!(close(mgs.r[(1, 2)], delta * h, 1e-15));
        let (s6, v) = (6f64.sqrt(), sub(&a.column(2), &mgs.q.column(0)));
        let v = sub(&v, &scale(mgs.r[(1, 2)], &mgs.q.column(1)));
        for (got, want) in v.iter().zip([0.0, -delta / 2.0, -delta / 2.0, delta]) {
            assert!((got - want).abs() <= 1e-15 * delta, "{v:?}");
        }
        for (got, want) in mgs.q.column(2).iter().zip([0.0, -1.0 / s6, -1.0 / s6, 2.0 / s6]) {
            assert!((got - want).abs() <= 2.0 * U, "{got} {want}");
        }
        // The table.
        let loss = [&cgs, &mgs, &twice].map(|f| orthonormality_loss(&f.q));
        assert_eq!(fixed(loss[0], 2), "0.71");
        assert_eq!(loss[0], std::f64::consts::FRAC_1_SQRT_2);
        assert_eq!(sci(loss[1], 1), "1.2e-8");
        assert_eq!(sci(loss[2], 1), "5.0e-16");
        let q12 = [&cgs, &mgs, &twice].map(|f| cosine(&f.q, 1, 2));
        assert_eq!(format!("{:?}", q12[0]), "0.4999999999999999");
        assert_eq!(sci(q12[1], 1), "1.1e-16");
        assert_eq!(q12[2], 0.0);
        let back = [&cgs, &mgs, &twice].map(|f| backward_error(&a, f));
        assert_eq!(back[0], 0.0);
        assert_eq!(sci(back[1], 1), "4.8e-25");
        assert_eq!(sci(back[2], 1), "6.4e-17");
        assert!(back.iter().all(|&e| e <= U));
        // Where the losses come from.
        assert!(close(loss[1], delta * (4.0f64 / 3.0).sqrt(), 1e-14));
        assert!(close(cosine(&mgs.q, 0, 2), -delta / s6, 1e-14));
        assert_eq!(fixed(loss[1] / (U * kappa), 1), "0.6");
        // CGS2 recovers the first entry of q1.
        assert_eq!(sci(twice.q[(0, 1)], 2), "7.07e-9");
        assert!(close(twice.q[(0, 1)], delta * h, 1e-6));
        assert_eq!((cgs.q[(0, 1)], mgs.q[(0, 1)]), (0.0, 0.0));
    }

    // "Once u κ2(A)² reaches 1, near κ2(A) = 10^8, no bound is left"; the refusal rule "r_kk ≤ 10^-10 ‖a_k‖
    // ... every A with κ2(A) up to 10^8 is factored". The figure: "All three start near 10^-15. The classical
    // points climb roughly parallel to u·κ², mostly a decade or two below it, reach 1 (no orthogonality
    // left) near κ = 10^9 and stay above it, up to about 5. The modified points climb along u·κ, never far
    // above it. The twice points stay near 10^-15 throughout. Beyond about κ = 10^11 the modified and twice
    // variants refuse the matrices ...; the classical one never notices." With the reference in place of your
    // functions, on 30 × 10 matrices of the figure's construction (reflectors instead of nalgebra's QR).
    // "The figure also shows a second weakness of CGS ... the test r_kk ≤ 10^-10 ‖a_k‖ does not fire".
    #[test]
    fn the_loss_of_orthogonality_against_kappa() {
        assert_eq!(sci((1.0 / U).sqrt(), 0), "9e7");
        let mut rng = Xorshift(0x2545_f491_4f6c_dd1d);
        let mut classical_reached_one = None;
        for k in 0..=32 {
            let kappa = 10f64.powf(k as f64 / 2.0);
            let a = with_condition(&mut rng, 30, 10, kappa);
            if k <= 28 {
                assert!(close(kappa_2(&a), kappa, 1e-3), "κ = {kappa:e}: {}", kappa_2(&a));
            }
            let [c, m, t] = VARIANTS.map(|f| f(&a).map(|qr| orthonormality_loss(&qr.q)));
            let c = c.expect("the classical algorithm never refuses");
            if k == 0 {
                assert!([c, *m.as_ref().unwrap(), *t.as_ref().unwrap()].iter().all(|&x| x < 2e-15 && x > 1e-16));
            }
            if kappa <= 1e8 {
                assert!(c <= 10.0 * U * kappa * kappa, "classical at κ = {kappa:e}: {c:e}");
                if kappa >= 1e2 {
                    assert!(c >= 3e-3 * U * kappa * kappa, "classical at κ = {kappa:e}: {c:e}");
                }
                assert!(m.is_ok() && t.is_ok(), "κ = {kappa:e}: factored");
            }
            if c >= 1.0 && classical_reached_one.is_none() {
                classical_reached_one = Some(kappa);
            }
            if classical_reached_one.is_some() {
                assert!((1.0..6.0).contains(&c), "classical at κ = {kappa:e}: {c:e}");
            }
            if let Ok(m) = m {
                assert!(m <= (10.0 * U * kappa).max(2e-15), "modified at κ = {kappa:e}: {m:e}");
            }
            if let Ok(t) = t {
                assert!(t < 2e-15, "twice at κ = {kappa:e}: {t:e}");
            }
            if kappa >= 1e13 {
                assert!(
                    matches!(m, Err(LinalgError::Singular { .. })) && matches!(t, Err(LinalgError::Singular { .. }))
                );
            }
            if kappa <= 1e10 {
                assert!(m.is_ok() && t.is_ok());
            }
        }
        let reached = classical_reached_one.unwrap();
        assert!((10f64.powf(8.5)..=10f64.powf(9.5)).contains(&reached), "{reached:e}");
    }

    // Projecting: "For the worked example and b = (1, 2, 3), the coordinates are Q^T b = (3/√2, 5/√6) and Pb =
    // (7/3, 2/3, 5/3), b − Pb = (−4/3, 4/3, 4/3), the residual orthogonal to both columns of A, and ‖b‖² = 14
    // = 26/3 + 16/3, where 26/3 = 9/2 + 25/6 = ‖Q^T b‖². Your function returns (2.333333333333334,
    // 0.6666666666666663, 1.6666666666666674), each within a few units in the last place." "a Q with no
    // columns spans {0}, so the projection is the zero vector".
    #[test]
    fn projecting_onto_the_plane_of_the_worked_example() {
        let a = worked_example();
        let q = classical_gram_schmidt(&a).unwrap().q;
        let b = [1.0, 2.0, 3.0];
        let c = [dot(&q.column(0), &b), dot(&q.column(1), &b)];
        assert!(close(c[0], 3.0 / 2f64.sqrt(), 1e-15) && close(c[1], 5.0 / 6f64.sqrt(), 1e-15));
        let p = project_onto_subspace(&q, &b).unwrap();
        assert_eq!(format!("{p:?}"), "[2.333333333333334, 0.6666666666666663, 1.6666666666666674]");
        for (got, want) in p.iter().zip([7.0 / 3.0, 2.0 / 3.0, 5.0 / 3.0]) {
            assert!(ulps(*got, want) <= 4, "{got} {want}");
        }
        let r = sub(&b, &p);
        for (got, want) in r.iter().zip([-4.0 / 3.0, 4.0 / 3.0, 4.0 / 3.0]) {
            assert!((got - want).abs() <= 4.0 * U * 4.0, "{got} {want}");
        }
        assert!(dot(&a.column(0), &r).abs() < 1e-14 && dot(&a.column(1), &r).abs() < 1e-14);
        assert_eq!(dot(&b, &b), 14.0);
        assert!(close(dot(&p, &p), 26.0 / 3.0, 1e-15) && close(dot(&r, &r), 16.0 / 3.0, 1e-14));
        assert!(close(dot(&c, &c), 9.0 / 2.0 + 25.0 / 6.0, 1e-15) && close(9.0 / 2.0 + 25.0 / 6.0, 26.0 / 3.0, 1e-15));
        assert_eq!(project_onto_subspace(&Matrix::zeros(3, 0), &b).unwrap(), [0.0, 0.0, 0.0]);
    }

    // The complement: "For the worked example, the complement of the plane C(A) in R³ is the line through
    // (1, −1, −1), the left null space of lesson 4 (indeed a0·(1, −1, −1) = a1·(1, −1, −1) = 0). All three
    // e_i have remainders of the same length 1/√3, in floating point too, so the first wins, and your
    // function returns (1, −1, −1)/√3 = (0.5773502691896257, −0.5773502691896257, −0.5773502691896257)."
    // The argument: "the remainder of e_i ... of squared length 1 − ‖B^T e_i‖², ... these add up to m − p".
    #[test]
    fn the_complement_of_the_worked_example() {
        let a = worked_example();
        let n = [1.0, -1.0, -1.0];
        assert_eq!((dot(&a.column(0), &n), dot(&a.column(1), &n)), (0.0, 0.0));
        let q = classical_gram_schmidt(&a).unwrap().q;
        let mut lengths = Vec::new();
        for i in 0..3 {
            let mut e = vec![0.0; 3];
            e[i] = 1.0;
            let w = sub(&e, &project_onto_subspace(&q, &e).unwrap());
            let w = sub(&w, &project_onto_subspace(&q, &w).unwrap());
            lengths.push(norm_l2(&w));
            // The squared length is 1 − ‖row i of Q‖².
            assert!(close(dot(&w, &w), 1.0 - dot(q.row(i), q.row(i)), 1e-14));
        }
        assert!(lengths.iter().all(|&l| l == lengths[0]), "{lengths:?}");
        assert!(close(lengths[0], 1.0 / 3f64.sqrt(), 1e-15));
        let c = orthogonal_complement(&q).unwrap();
        assert_eq!(c.shape(), (3, 1));
        assert_eq!(format!("{:?}", c.column(0)), "[0.5773502691896257, -0.5773502691896257, -0.5773502691896257]");
        assert!(close(c[(0, 0)], 1.0 / 3f64.sqrt(), 1e-15));
        // The squared remainders add up to m − p.
        let mut rng = Xorshift(0x1234_5678_9abc_def1);
        for m in 2..=6 {
            for p in 0..m {
                let b = modified_gram_schmidt(&random_matrix(&mut rng, m, p.max(1))).unwrap().q;
                let b = Matrix::from_fn(m, p, |i, j| b[(i, j)]);
                let total: f64 = (0..m).map(|i| 1.0 - dot(b.row(i), b.row(i))).sum();
                assert!(close(total, (m - p) as f64, 1e-13), "{m}, {p}: {total}");
            }
        }
    }

    /// Longley's 16 × 7 design matrix [1 | six predictors], as the demos load it.
    fn longley_design() -> Matrix {
        let (header, rows) = numeric_csv(include_str!("../../data/longley.csv"));
        assert_eq!(header, ["TOTEMP", "GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]);
        Matrix::from_fn(rows.len(), 7, |i, j| if j == 0 { 1.0 } else { rows[i][j] })
    }

    // Answer 1: "b = (0, −2, 1, 1), which lies in C(A) (δb = a1 + a2 − 2a0)"; "Q^T b = (−2δ, 3/√2, 3/√2)";
    // "Your project_onto_subspace returns (−2 × 10^-8, −3.0, 1.4999999999999998, 1.4999999999999998)", "It
    // misses b by ‖Pb − b‖ = √(3/2) ≈ 1.22, half of ‖b‖ = √6. Projecting the result again ... (−5 × 10^-8,
    // −4.5, 2.25, 2.25), which moves it by another 1.84"; "b = √2 (q1 + q2)"; "A = QR holds with a backward
    // error of exactly 0"; "the singular values of Q are √(3/2), 1 and √(1/2), so κ2(Q) = √3 ≈ 1.73"; "Your
    // lstsq_normal(q, b) ... Q x̂ misses b by 5.4 × 10^-16"; "Your gram_schmidt_twice(q) returns a basis of
    // the same plane with loss 2.4 × 10^-16, and the projection onto it misses b by 9.4 × 10^-16"; the
    // sequential subtraction leaves "(2 × 10^-8, 0.25, −0.5, 0.25)"; "With the modified Q, whose loss is
    // 1.2 × 10^-8, Pb misses b by 2.0 × 10^-8, a relative error of 8.2 × 10^-9 ... With the twice Q it misses
    // by 9.2 × 10^-16."
    #[test]
    fn answer_1_projecting_with_a_q_that_is_not_orthonormal() {
        let delta = 1e-8;
        let a = lauchli(delta);
        let b = vec![0.0, -2.0, 1.0, 1.0];
        let combination = sub(&add(&a.column(1), &a.column(2)), &scale(2.0, &a.column(0)));
        assert_eq!(combination, scale(delta, &b));
        let f = classical_gram_schmidt(&a).unwrap();
        let q = &f.q;
        let coordinates: Vec<f64> = (0..3).map(|j| dot(&q.column(j), &b)).collect();
        assert!(close(coordinates[0], -2.0 * delta, 1e-15));
        assert!(close(coordinates[1], 3.0 / 2f64.sqrt(), 1e-15) && close(coordinates[2], 3.0 / 2f64.sqrt(), 1e-15));
        let p = project_onto_subspace(q, &b).unwrap();
        assert_eq!(format!("{p:?}"), "[-2e-8, -3.0, 1.4999999999999998, 1.4999999999999998]");
        let miss = distance(&p, &b);
        assert!(close(miss, 1.5f64.sqrt(), 1e-15));
        assert_eq!(fixed(miss, 2), "1.22");
        assert!(close(miss / norm_l2(&b), 0.5, 1e-15) && close(norm_l2(&b), 6f64.sqrt(), 1e-15));
        let again = project_onto_subspace(q, &p).unwrap();
        assert_eq!(format!("{:?}", again[0]), "-5.0000000000000004e-8");
        assert!(close(again[1], -4.5, 1e-15) && close(again[2], 2.25, 1e-15) && close(again[3], 2.25, 1e-15));
        assert_eq!(fixed(distance(&again, &p), 2), "1.84");
        let sum = add(&q.column(1), &q.column(2));
        assert!(distance(&scale(2f64.sqrt(), &sum), &b) < 1e-15);
        assert_eq!(backward_error(&a, &f), 0.0);
        // C(Q) = C(A): q1 and q2 are multiples of a1 − a0 and a2 − a0.
        for (j, k) in [(1, 1), (2, 2)] {
            let d = sub(&a.column(k), &a.column(0));
            assert!(distance(&scale(1.0 / norm_l2(&d), &d), &q.column(j)) < 1e-15);
        }
        let s = singular_values(q);
        assert!(
            close(s[0], 1.5f64.sqrt(), 1e-12) && close(s[1], 1.0, 1e-12) && close(s[2], 0.5f64.sqrt(), 1e-12),
            "{s:?}"
        );
        assert_eq!(fixed(kappa_2(q), 2), "1.73");
        assert!(close(kappa_2(q), 3f64.sqrt(), 1e-12));
        // The two repairs.
        let x = lstsq_normal(q, &b).unwrap();
        assert_eq!(sci(distance(&mat_vec_rows(q, &x).unwrap(), &b), 1), "5.4e-16");
        let q2 = gram_schmidt_twice(q).unwrap().q;
        assert_eq!(sci(orthonormality_loss(&q2), 1), "2.4e-16");
        assert_eq!(sci(distance(&project_onto_subspace(&q2, &b).unwrap(), &b), 1), "9.4e-16");
        // The repair that does not work: subtracting the projections one at a time.
        let mut rest = b.clone();
        for j in 0..3 {
            let q_j = q.column(j);
            rest = sub(&rest, &scale(dot(&q_j, &rest), &q_j));
        }
        assert_eq!(sci(rest[0], 0), "2e-8");
        assert_eq!(fixed_all(&rest[1..], 2), ["0.25", "-0.50", "0.25"]);
        // The modified and twice Q's.
        let qm = modified_gram_schmidt(&a).unwrap().q;
        assert_eq!(sci(orthonormality_loss(&qm), 1), "1.2e-8");
        let miss_m = distance(&project_onto_subspace(&qm, &b).unwrap(), &b);
        assert_eq!(sci(miss_m, 1), "2.0e-8");
        assert_eq!(sci(miss_m / norm_l2(&b), 1), "8.2e-9");
        let qt = gram_schmidt_twice(&a).unwrap().q;
        assert_eq!(sci(distance(&project_onto_subspace(&qt, &b).unwrap(), &b), 1), "9.2e-16");
    }

    // Answer 2: "For Longley, with d_k the power of two nearest to 1/‖a_k‖, your three functions return the
    // same Q, bit for bit, as for A as stored, and the same losses: 9.8 × 10^-11 (classical), 1.0 × 10^-14
    // (modified) and 8.1 × 10^-16 (twice)." "As stored, κ2(A) ≈ 4.9 × 10^9: u κ2 ≈ 5.4 × 10^-7, and u κ2² ≈
    // 2.6 × 10^3 ... With the powers of two, κ2(AD) ≈ 4.2 × 10^4; with exact unit columns 4.3 × 10^4 (lesson
    // 6), which predicts u κ2 ≈ 4.8 × 10^-12 and u κ2² ≈ 2.1 × 10^-7." The table: unit columns (scaled as the
    // demo scales them) 4.2 × 10^-10, 9.0 × 10^-13, 6.9 × 10^-16. "costs the classical algorithm six or seven
    // digits of orthogonality".
    #[test]
    fn answer_2_which_condition_number() {
        let a = longley_design();
        let norms: Vec<f64> = (0..7).map(|j| norm_l2(&a.column(j))).collect();
        let d: Vec<f64> = norms.iter().map(|n| 2f64.powi(-(n.log2().round() as i32))).collect();
        let scaled = Matrix::from_fn(16, 7, |i, j| a[(i, j)] * d[j]);
        let mut stored_losses = Vec::new();
        for f in VARIANTS {
            let (x, y) = (f(&a).unwrap(), f(&scaled).unwrap());
            assert_eq!(x.q, y.q);
            for (k, &d_k) in d.iter().enumerate() {
                for j in 0..=k {
                    assert_eq!(y.r[(j, k)], x.r[(j, k)] * d_k);
                }
            }
            stored_losses.push(orthonormality_loss(&x.q));
        }
        assert_eq!(
            [sci(stored_losses[0], 1), sci(stored_losses[1], 1), sci(stored_losses[2], 1)],
            ["9.8e-11", "1.0e-14", "8.1e-16"]
        );
        let kappa = kappa_2(&a);
        assert_eq!(sci(kappa, 1), "4.9e9");
        assert_eq!(sci(U * kappa, 1), "5.4e-7");
        assert_eq!(sci(U * kappa * kappa, 1), "2.6e3");
        assert_eq!(sci(kappa_2(&scaled), 1), "4.2e4");
        // Unit columns, divided by the norms the demo computes (a plain sum of squares).
        let plain: Vec<f64> = (0..7).map(|j| a.column(j).iter().map(|x| x * x).sum::<f64>().sqrt()).collect();
        let unit = Matrix::from_fn(16, 7, |i, j| a[(i, j)] / plain[j]);
        let kappa_unit = kappa_2(&unit);
        assert_eq!(sci(kappa_unit, 1), "4.3e4");
        assert_eq!(sci(U * kappa_unit, 1), "4.8e-12");
        assert_eq!(sci(U * kappa_unit * kappa_unit, 1), "2.1e-7");
        let unit_losses: Vec<f64> = VARIANTS.iter().map(|f| orthonormality_loss(&f(&unit).unwrap().q)).collect();
        assert_eq!(
            [sci(unit_losses[0], 1), sci(unit_losses[1], 1), sci(unit_losses[2], 1)],
            ["4.2e-10", "9.0e-13", "6.9e-16"]
        );
        for (losses, k) in [(&stored_losses, kappa_2(&scaled)), (&unit_losses, kappa_unit)] {
            assert!(losses[0] <= U * k * k && losses[1] <= U * k && losses[2] <= 10.0 * U);
        }
        assert!(stored_losses[1] < 1e-7 * U * kappa);
        let digits = |loss: f64| (loss / U).log10();
        assert!((6.0..7.0).contains(&digits(unit_losses[0])) && (5.0..7.0).contains(&digits(stored_losses[0])));
        assert_ne!(unit_losses, stored_losses);
    }

    // Answer 3: "Take Q with the columns (1, 1, 0)/√2 and (1, −1, 0)/√2 ... Your project_onto_subspace gives
    // QQ^T e0 = (1.0000000000000002, 0, 0), so the remainder is (−2.2 × 10^-16, 0, 0), and after the second
    // pass (4.9 × 10^-32, 0, 0) ... Normalised, it is (1, 0, 0) = e0 ..., with Q^T c = (1/√2, 1/√2) ... The
    // longest-remainder rule compares e0, e1 and e2, whose remainders have lengths of order 10^-32, 10^-32
    // and 1, and takes e2: your orthogonal_complement returns (0, 0, 1)." The cost: "about 4/3 m⁴ flops, 1.3
    // × 10^8 for m = 100", "about 4m³ for k = 0, 4 × 10^6 for m = 100". "for the worked example, (1, −1,
    // −1)/√3, the left null space that your lesson-4 left_null_space finds by elimination as the multiples of
    // (−1, 1, 1)".
    #[test]
    fn answer_3_the_longest_remainder() {
        let h = 0.5f64.sqrt();
        let q = Matrix::from_rows(&[vec![h, h], vec![h, -h], vec![0.0, 0.0]]);
        let mut lengths = Vec::new();
        for i in 0..3 {
            let mut e = vec![0.0; 3];
            e[i] = 1.0;
            let p = project_onto_subspace(&q, &e).unwrap();
            let w = sub(&e, &p);
            let w2 = sub(&w, &project_onto_subspace(&q, &w).unwrap());
            if i == 0 {
                assert_eq!(format!("{p:?}"), "[1.0000000000000002, 0.0, 0.0]");
                assert_eq!(sci(w[0], 1), "-2.2e-16");
                assert_eq!((w[1], w[2]), (0.0, 0.0));
                assert_eq!(sci(w2[0], 1), "4.9e-32");
                let c = scale(1.0 / norm_l2(&w2), &w2);
                assert_eq!(c, [1.0, 0.0, 0.0]);
                assert!(close(dot(&q.column(0), &c), h, 1e-15) && close(dot(&q.column(1), &c), h, 1e-15));
            }
            lengths.push(norm_l2(&w2));
        }
        assert!(lengths[0] < 1e-31 && lengths[1] < 1e-31 && lengths[0] > 1e-33 && lengths[1] > 1e-33, "{lengths:?}");
        assert_eq!(lengths[2], 1.0);
        assert_eq!(orthogonal_complement(&q).unwrap().column(0), [0.0, 0.0, 1.0]);
        // The cost: for k = 0, the projections of step t cost (m − t)·8m·t flops.
        let m = 100_f64;
        let full: f64 = (0..100).map(|t| (m - t as f64) * 8.0 * m * t as f64).sum();
        assert!(close(full, 4.0 / 3.0 * (m.powi(4) - m * m), 1e-12));
        assert_eq!(sci(full, 1), "1.3e8");
        let cheap: f64 = (0..100).map(|t| 8.0 * m * t as f64).sum();
        assert_eq!(sci(cheap, 0), "4e6");
        // The worked example's complement and lesson 4's left null vector (−1, 1, 1).
        let c = orthogonal_complement(&classical_gram_schmidt(&worked_example()).unwrap().q).unwrap();
        assert!(distance(&c.column(0), &scale(-1.0 / 3f64.sqrt(), &[-1.0, 1.0, 1.0])) < 1e-15);
        let y = solutions::l04::left_null_space::left_null_space(&worked_example());
        assert_eq!(y.shape(), (3, 1));
        assert_eq!(y.column(0), [-1.0, 1.0, 1.0]);
    }
}

// ---------------------------------------------------------------------------------------------
// Lesson 8, README: exercises/08_qr_decomposition/README.md
// ---------------------------------------------------------------------------------------------

// Lesson 8 lives in a module of its own, like lessons 5 and 6; it reuses the shared helpers above
// (`sci`, `fixed`, `close`, `U`, `numeric_csv`, `mat_vec_rows`).
mod lesson_8 {
    use super::*;
    use solutions::l05::triangular::back_substitution;
    use solutions::l06::least_squares::lstsq_normal;
    use solutions::l08::givens::givens;
    use solutions::l08::givens_qr::givens_qr;
    use solutions::l08::householder::{apply_householder, householder};
    use solutions::l08::householder_qr::{householder_qr, householder_qr_full};
    use solutions::l08::least_squares_qr::lstsq_qr;
    use vocab::Qr;

    /// The $2 \times 2$ example of the lesson: rows $(3, 1)$ and $(4, 2)$.
    fn two_by_two() -> Matrix {
        Matrix::from_rows(&[vec![3.0, 1.0], vec![4.0, 2.0]])
    }

    /// Lesson 6's worked example: $A$ with rows $(1, 0)$, $(0, 1)$, $(1, 1)$ and $b = (1, 2, -1)$.
    fn worked_example() -> (Matrix, Vec<f64>) {
        (Matrix::from_rows(&[vec![1.0, 0.0], vec![0.0, 1.0], vec![1.0, 1.0]]), vec![1.0, 2.0, -1.0])
    }

    /// Läuchli's matrix with rows $(1, 1)$, $(\delta, 0)$, $(0, \delta)$.
    fn lauchli(delta: f64) -> Matrix {
        Matrix::from_rows(&[vec![1.0, 1.0], vec![delta, 0.0], vec![0.0, delta]])
    }

    /// `x` reflected by $I - \beta vv^\top$, with the reference `apply_householder` on a one-column matrix.
    fn reflect(v: &[f64], beta: f64, x: &[f64]) -> Vec<f64> {
        let mut m = Matrix::from_fn(x.len(), 1, |i, _| x[i]);
        apply_householder(v, beta, &mut m, 0, 0);
        m.column(0)
    }

    /// $H = I - \beta vv^\top$ as a matrix (only to quote its entries).
    fn reflector_matrix(v: &[f64], beta: f64) -> Matrix {
        Matrix::from_fn(v.len(), v.len(), |i, j| if i == j { 1.0 } else { 0.0 } - beta * v[i] * v[j])
    }

    /// $\lVert Q^\top Q - I \rVert_F$.
    fn orthogonality_loss(q: &Matrix) -> f64 {
        let n = q.ncols();
        let mut sum = 0.0;
        for i in 0..n {
            for j in 0..n {
                let d = dot(&q.column(i), &q.column(j)) - if i == j { 1.0 } else { 0.0 };
                sum += d * d;
            }
        }
        sum.sqrt()
    }

    /// The demo's measure of agreement: $-\log_{10}$ of the relative difference.
    fn digits(x: f64, exact: f64) -> f64 {
        if x == exact { 16.0 } else { (-((x - exact).abs() / exact.abs()).log10()).clamp(0.0, 16.0) }
    }

    /// The smallest and the largest of some numbers.
    fn range(v: &[f64]) -> (f64, f64) {
        (v.iter().copied().fold(f64::INFINITY, f64::min), v.iter().copied().fold(f64::NEG_INFINITY, f64::max))
    }

    /// Longley: the 16 × 7 design matrix [1 | six predictors], TOTEMP, and NIST's certified coefficients.
    fn longley_problem() -> (Matrix, Vec<f64>, Vec<f64>) {
        let (header, rows) = numeric_csv(include_str!("../../data/longley.csv"));
        assert_eq!(header, ["TOTEMP", "GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"]);
        let design = Matrix::from_fn(rows.len(), 7, |i, j| if j == 0 { 1.0 } else { rows[i][j] });
        let y = rows.iter().map(|r| r[0]).collect();
        let certified = include_str!("../../data/longley_certified.csv")
            .lines()
            .skip(1)
            .filter(|l| !l.trim().is_empty())
            .map(|l| l.split(',').nth(1).unwrap().trim().parse().unwrap())
            .collect::<Vec<f64>>();
        assert_eq!(certified.len(), 7);
        (design, y, certified)
    }

    /// The diabetes design of demo 6: the training patients (every fifth held out) with a column of
    /// ones first, and their targets.
    fn diabetes_design() -> (Matrix, Vec<f64>) {
        let (header, rows) = numeric_csv(include_str!("../../data/diabetes.csv"));
        assert_eq!(header[10], "y");
        let train: Vec<usize> = (0..rows.len()).filter(|i| i % 5 != 4).collect();
        let a = Matrix::from_fn(train.len(), 11, |i, j| if j == 0 { 1.0 } else { rows[train[i]][j - 1] });
        (a, train.iter().map(|&i| rows[i][10]).collect())
    }

    /// Modified Gram–Schmidt as textbooks write it (lesson 7's algorithm, not its code): normalise
    /// column k, then remove its component from every later column.
    fn modified_gram_schmidt_q(a: &Matrix) -> Matrix {
        let (m, n) = a.shape();
        let mut q = a.clone();
        for k in 0..n {
            let norm = norm_l2(&q.column(k));
            for i in 0..m {
                q[(i, k)] /= norm;
            }
            for j in k + 1..n {
                let r = dot(&q.column(k), &q.column(j));
                for i in 0..m {
                    q[(i, j)] -= r * q[(i, k)];
                }
            }
        }
        q
    }

    // "For x = (1, 10^-9), the norm √(1 + 10^-18) rounds to exactly 1, and v0 = 1 - 1 = 0, where the exact
    // value is about -5 × 10^-19. The computed v = (0, 10^-9) points along e1, its mirror is the axis of e0
    // itself, and the computed "Hx" is (1, -10^-9)". "For x = (1, 10^-9): α = -1, v0 = 2, and your
    // householder returns v = (1, 5 × 10^-10) and β = 2, with Hx = (-1, 0) exactly." (Also the solution's
    // doc comment.)
    #[test]
    fn the_wrong_sign_cancels_near_the_axis() {
        let x = [1.0, 1e-9];
        assert_eq!(norm_l2(&x), 1.0);
        assert_eq!((1.0f64 + 1e-18).sqrt(), 1.0);
        let v0 = x[0] - norm_l2(&x);
        assert_eq!(v0, 0.0);
        // The exact x0 − ‖x‖ = −x1²/(x0 + ‖x‖).
        assert_eq!(sci(-1e-18 / (1.0 + 1.0), 0), "-5e-19");
        // The wrong-sign reflector, unnormalised: v = x − ‖x‖e0 = (0, 1e-9).
        let bad_v = [v0, x[1]];
        let bad = reflect(&bad_v, 2.0 / dot(&bad_v, &bad_v), &x);
        assert_eq!(bad[0], 1.0);
        assert!(close(bad[1], -1e-9, 1e-15), "{bad:?}");

        let (v, beta) = householder(&x).unwrap();
        assert_eq!((v.clone(), beta), (vec![1.0, 5e-10], 2.0));
        assert_eq!(x[0] + norm_l2(&x), 2.0);
        assert_eq!(reflect(&v, beta, &x), [-1.0, 0.0]);
    }

    // LAPACK's normalisation: "every |v_i| ≤ 1, so 1 ≤ v^T v ≤ 2 and 1 ≤ β ≤ 2 whatever the size of x. In
    // fact v^T v = 2α/(α - x0), so β = 1 - x0/α: 1 when x0 = 0, close to 2 when x lies close to e0." "When
    // there is nothing to reflect ... householder returns v = e0 and β = 0".
    #[test]
    fn beta_is_one_minus_x0_over_alpha() {
        let xs: [&[f64]; 6] =
            [&[3.0, 4.0], &[-1.0, 2.0, 2.0], &[0.0, 3.0], &[2.0, -1.0, 2.0], &[1e-300, 1e-300], &[7.0, 1e-12, -3e-12]];
        for x in xs {
            let (v, beta) = householder(x).unwrap();
            let norm = norm_l2(x);
            let alpha = if x[0] >= 0.0 { -norm } else { norm };
            assert!(v.iter().all(|t| t.abs() <= 1.0) && (1.0..=2.0).contains(&beta), "{x:?}");
            assert!(close(beta, 1.0 - x[0] / alpha, 1e-15), "{x:?}");
            assert!(close(dot(&v, &v), 2.0 * alpha / (alpha - x[0]), 1e-15), "{x:?}");
        }
        assert_eq!(householder(&[0.0, 3.0]).unwrap().1, 1.0);
        assert_eq!(householder(&[2.0, 1e-200]).unwrap().1, 2.0);
        for x in [&[5.0, 0.0, 0.0][..], &[-2.0], &[0.0, 0.0]] {
            let (v, beta) = householder(x).unwrap();
            assert_eq!(beta, 0.0);
            assert_eq!(v[0], 1.0);
            assert!(v[1..].iter().all(|t| *t == 0.0));
            assert_eq!(reflect(&v, beta, x), x);
        }
    }

    // The worked example: "x = (3, 4) ... α = -5; x - αe0 = (8, 4), and dividing by v0 = 8 gives v = (1, 0.5),
    // v^T v = 1.25 and β = 2/1.25 = 1.6 (which is 1 - 3/(-5))", H = [[-0.6, -0.8], [-0.8, 0.6]], "(0.36 + 0.64
    // = 1, and 0.48 - 0.48 = 0) and determinant -0.36 - 0.64 = -1", "v^T x = 3 + 2 = 5 and Hx = ... = (-5, 0).
    // Your householder returns exactly v = (1, 0.5) and β = 1.6 ..., and apply_householder turns x into exactly
    // (-5, 0). The mirror is ... the line x1 = -2x0. The other sign would have used v = x - 5e0 = (-2, 4),
    // whose mirror is the line x1 = x0/2 ... and sent x to (5, 0)". The figure: v drawn twice as long.
    #[test]
    fn the_reflector_of_three_four() {
        let x = [3.0, 4.0];
        let (v, beta) = householder(&x).unwrap();
        assert_eq!(v, [1.0, 0.5]);
        assert_eq!(beta, 1.6);
        assert_eq!(beta, 2.0 / 1.25);
        assert_eq!(dot(&v, &v), 1.25);
        assert!(close(beta, 1.0 - 3.0 / -5.0, 1e-15));
        assert_eq!(dot(&v, &x), 5.0);
        assert_eq!(reflect(&v, beta, &x), [-5.0, 0.0]);
        let h = reflector_matrix(&v, beta);
        for (got, want) in h.as_slice().iter().zip([-0.6, -0.8, -0.8, 0.6]) {
            assert!((got - want).abs() < 1e-15, "{h:?}");
        }
        assert!(close(h[(0, 0)] * h[(1, 1)] - h[(0, 1)] * h[(1, 0)], -1.0, 1e-15));
        assert_eq!((0.36 + 0.64, 0.48 - 0.48), (1.0, 0.0));
        // The mirror ⟂ v = (1, 0.5) is the line through (1, -2); the other sign's v = (-2, 4), mirror through (2, 1).
        assert_eq!(dot(&v, &[1.0, -2.0]), 0.0);
        let other = [3.0 - 5.0, 4.0];
        assert_eq!(other, [-2.0, 4.0]);
        assert_eq!(dot(&other, &[2.0, 1.0]), 0.0);
        assert_eq!(reflect(&other, 2.0 / dot(&other, &other), &x), [5.0, 0.0]);
        // The demo's reflection figure draws this x.
        assert_eq!(x, [3.0, 4.0]);
    }

    // "A worked example. A with rows (3, 1) and (4, 2) ... column 1, with v^T (1, 2) = 2, becomes (1, 2) - 1.6 ·
    // 2 · (1, 0.5) = (-2.2, 0.4). ... R = [[-5, -2.2], [0, 0.4]], Q = H0 ..., and indeed QR has rows (3, 1.32 -
    // 0.32) = (3, 1) and (4, 1.76 + 0.24) = (4, 2). ... r11 comes out as 0.3999999999999999. The factorization
    // with a positive diagonal ... has R with rows (5, 2.2) and (0, 0.4) ..., and its Q, with rows (0.6, -0.8)
    // and (0.8, 0.6), is a rotation." Givens: "one rotation, givens(3, 4), gives R with rows (5, 2.2) and (0,
    // 0.4) and Q = G^T with rows (0.6, -0.8) and (0.8, 0.6): Householder's R with row 0 flipped." Answer 3:
    // the same R's, D = diag(-1, 1); "p = 1 and det A = -(-5)(0.4) = 2, which is 3 · 2 - 1 · 4", "from
    // givens_qr, det A = 5 · 0.4 = 2".
    #[test]
    fn the_two_by_two_example() {
        let a = two_by_two();
        assert_eq!(dot(&[1.0, 0.5], &[1.0, 2.0]), 2.0);
        let Qr { q, r } = householder_qr(&a).unwrap();
        assert_eq!(r[(1, 1)], 0.3999999999999999);
        assert_eq!(r[(1, 0)], 0.0);
        for (got, want) in r.as_slice().iter().zip([-5.0, -2.2, 0.0, 0.4]) {
            assert!((got - want).abs() < 1e-15, "{r:?}");
        }
        for (got, want) in q.as_slice().iter().zip([-0.6, -0.8, -0.8, 0.6]) {
            assert!((got - want).abs() < 1e-15, "{q:?}");
        }
        assert!(close(0.6 * 2.2 - 0.8 * 0.4, 1.0, 1e-15) && close(0.8 * 2.2 + 0.6 * 0.4, 2.0, 1e-15));
        assert_eq!((fixed(0.6 * 2.2, 2), fixed(0.8 * 0.4, 2)), ("1.32".to_string(), "0.32".to_string()));
        assert_eq!((fixed(0.8 * 2.2, 2), fixed(0.6 * 0.4, 2)), ("1.76".to_string(), "0.24".to_string()));

        let g = givens_qr(&a).unwrap();
        for (got, want) in g.r.as_slice().iter().zip([5.0, 2.2, 0.0, 0.4]) {
            assert!((got - want).abs() < 1e-15, "{:?}", g.r);
        }
        assert_eq!(g.q, Matrix::from_rows(&[vec![0.6, -0.8], vec![0.8, 0.6]]));
        assert_eq!(g.q[(0, 0)] * g.q[(1, 1)] - g.q[(0, 1)] * g.q[(1, 0)], 1.0, "a rotation");
        assert_eq!(givens(3.0, 4.0), (0.6, 0.8, 5.0));
        // D = diag(-1, 1): Q_G = Q_H D and R_G = D R_H, up to rounding.
        for j in 0..2 {
            assert!((g.r[(0, j)] + r[(0, j)]).abs() < 1e-15 && (g.r[(1, j)] - r[(1, j)]).abs() < 1e-15);
            assert!((g.q[(j, 0)] + q[(j, 0)]).abs() < 1e-15 && (g.q[(j, 1)] - q[(j, 1)]).abs() < 1e-15);
        }
        // The determinant: one reflection (step 1 has β = 0).
        let (v1, beta1) = householder(&[r[(1, 1)]]).unwrap();
        assert_eq!((v1, beta1), (vec![1.0], 0.0));
        assert!(close(-(r[(0, 0)] * r[(1, 1)]), 2.0, 1e-15));
        assert_eq!(3.0 * 2.0 - 1.0 * 4.0, 2.0);
        assert!(close(g.r[(0, 0)] * g.r[(1, 1)], 2.0, 1e-15));
    }

    // Cost: "Σ 4(m - k)(n - k) ≈ 2mn² - 2n³/3 flops for R"; "the full Q costs 4(m²n - mn² + n³/3)"; "For m ≫ n,
    // R alone costs 2mn², twice the mn² of forming A^T A ...; for a square matrix, 4n³/3, twice the 2n³/3 of
    // LU"; ormqr "4mn flops". Givens: "Σ 6(m - j - 1)(n - j) ≈ 3mn² - n³ flops for R, half as much again as
    // Householder's ..., plus mn - n²/2 square roots"; Hessenberg: "n - 1 rotations and about 3n² flops
    // instead of 4n³/3". lstsq_qr: "about 4mn² - 4n³/3 flops"; gels "2mn² - 2n³/3, twice the normal equations
    // when m ≫ n". Answer 1: "Σ 6(n - k + 1) ≈ 3n² flops", "n(n + 1)/2 + n + 1 numbers".
    #[test]
    fn the_flop_counts() {
        let (m, n) = (4000.0_f64, 300.0_f64);
        let sum = |f: &dyn Fn(f64) -> f64| (0..n as usize).map(|k| f(k as f64)).sum::<f64>();
        let householder_r = sum(&|k| 4.0 * (m - k) * (n - k));
        assert!(close(householder_r, 2.0 * m * n * n - 2.0 * n.powi(3) / 3.0, 0.01));
        // The full Q, backwards from I_m: H_k on rows k.. and columns k.. of an m × m matrix.
        let full_q = sum(&|k| 4.0 * (m - k) * (m - k));
        assert!(close(full_q, 4.0 * (m * m * n - m * n * n + n.powi(3) / 3.0), 0.01));
        let givens_r = sum(&|j| 6.0 * (m - j - 1.0) * (n - j));
        assert!(close(givens_r, 3.0 * m * n * n - n.powi(3), 0.01));
        assert!(close(givens_r / householder_r, 1.5, 0.05), "half as much again, for m ≫ n");
        let rotations = sum(&|j| m - j - 1.0);
        assert!(close(rotations, m * n - n * n / 2.0, 0.01));
        let apply_to_vector = sum(&|k| 4.0 * (m - k));
        assert!(close(apply_to_vector, 4.0 * m * n, 0.05));
        let big_m = 1e7;
        let ratio = (2.0 * big_m * n * n - 2.0 * n.powi(3) / 3.0) / (big_m * n * n + n.powi(3) / 3.0);
        assert!(close(ratio, 2.0, 1e-3));
        assert_eq!((4.0 / 3.0) / (2.0 / 3.0), 2.0);
        // Hessenberg: one rotation per column, on rows of length n - j.
        let hessenberg = sum(&|j| 6.0 * (n - j));
        assert!(close(hessenberg, 3.0 * n * n, 0.01));
        // The Givens update of answer 1.
        let update = sum(&|k| 6.0 * (n - k + 1.0));
        assert!(close(update, 3.0 * n * n, 0.02));
        assert_eq!(11 * 12 / 2 + 11 + 1, 78);
    }

    // Backward stability: "On the 8 × 8 Hilbert matrix of lesson 5, with κ2 ≈ 1.5 × 10^10, the Q̂ of your
    // householder_qr has ‖Q̂^T Q̂ - I‖_F ≈ 1.4 × 10^-15, and modified Gram–Schmidt's is off by about 10^-6."
    #[test]
    fn householder_stays_orthogonal_where_gram_schmidt_drifts() {
        let h = hilbert(8);
        assert_eq!(sci(kappa_2(&h), 1), "1.5e10");
        let qr = householder_qr(&h).unwrap();
        assert_eq!(sci(orthogonality_loss(&qr.q), 1), "1.4e-15");
        let mgs = orthogonality_loss(&modified_gram_schmidt_q(&h));
        assert!((1e-7..1e-5).contains(&mgs), "about 10^-6: {mgs:e}");
        assert_eq!((mgs.log10()).round(), -6.0);
    }

    // Givens: "Squaring overflows for |a| beyond about 1.3 × 10^154 ...: for a = 3 × 10^200 and b = 4 × 10^200,
    // (a * a + b * b).sqrt() is infinite, and then c = s = 0 ... your givens returns r = 4.9999999999999995 ×
    // 10^200, c = 0.6000000000000001 and s = 0.8 for that pair. When b = 0 ... exactly (1, 0, a), the identity,
    // even for a ≤ 0." "For (a, b) = (3, 4): r = 5, c = 0.6, s = 0.8 ... sends (3, 4) to (1.8 + 3.2, -2.4 + 2.4)
    // = (5, 0)." "H = diag(-1, 1) G". How your code is checked: "numbers near 2^±1000 ≈ 10^±301".
    #[test]
    fn givens_rotations_without_overflow() {
        assert_eq!(sci(f64::MAX.sqrt(), 1), "1.3e154");
        let (a, b) = (3e200_f64, 4e200_f64);
        let naive = (a * a + b * b).sqrt();
        assert!(naive.is_infinite());
        assert_eq!((a / naive, b / naive), (0.0, 0.0));
        assert_eq!(givens(a, b), (0.6000000000000001, 0.8, 4.9999999999999995e200));
        for a in [-5.0, 0.0, 2.5] {
            assert_eq!(givens(a, 0.0), (1.0, 0.0, a));
        }
        let (c, s, r) = givens(3.0, 4.0);
        assert_eq!((c, s, r), (0.6, 0.8, 5.0));
        assert!(close(c * 3.0 + s * 4.0, 5.0, 1e-15) && (-s * 3.0 + c * 4.0).abs() < 1e-15);
        assert_eq!((fixed(0.6 * 3.0, 1), fixed(0.8 * 4.0, 1)), ("1.8".to_string(), "3.2".to_string()));
        let (v, beta) = householder(&[3.0, 4.0]).unwrap();
        let h = reflector_matrix(&v, beta);
        let g = [[c, s], [-s, c]];
        for j in 0..2 {
            assert!((h[(0, j)] + g[0][j]).abs() < 1e-15 && (h[(1, j)] - g[1][j]).abs() < 1e-15);
        }
        assert_eq!(sci(2f64.powi(1000), 2), "1.07e301");
    }

    // The worked example of lesson 6: "Step 0 reflects x = (1, 0, 1): α = -√2, v = (1, 0, 1/(1 + √2)) = (1, 0,
    // √2 - 1) and β = 1 + 1/√2 ≈ 1.7071. Column 1 becomes (-1/√2, 1, 1/√2), and step 1 reflects (1, 1/√2), of
    // length √(3/2)." R1, Q1 and c = (0, -√(2/3)); "Up to the signs of its rows, R1 is lesson 6's Cholesky
    // factor transposed, (√2, 1/√2, √(3/2)), and c is lesson 6's z = (0, √(2/3)) with a sign. Back
    // substitution gives x1 = 2/3 and x0 = -1/3 ...; your lstsq_qr returns (-0.33333333333333354,
    // 0.6666666666666667), within a few units in the last place. The third column of the full Q ... is (1, 1,
    // -1)/√3 up to sign, ... and |c2| = 4/√3 ≈ 2.309 is the length of lesson 6's residual (4/3, 4/3, -4/3)."
    #[test]
    fn least_squares_on_the_worked_example_of_lesson_6() {
        let (a, b) = worked_example();
        let (v, beta) = householder(&[1.0, 0.0, 1.0]).unwrap();
        let s2 = 2f64.sqrt();
        assert!(close(v[2], 1.0 / (1.0 + s2), 1e-15) && close(v[2], s2 - 1.0, 1e-15) && v[1] == 0.0);
        assert!(close(beta, 1.0 + 1.0 / s2, 1e-15));
        assert_eq!(fixed(beta, 4), "1.7071");
        let col1 = reflect(&v, beta, &[0.0, 1.0, 1.0]);
        for (got, want) in col1.iter().zip([-1.0 / s2, 1.0, 1.0 / s2]) {
            assert!((got - want).abs() < 1e-15, "{col1:?}");
        }
        assert!(close(norm_l2(&col1[1..]), 1.5f64.sqrt(), 1e-15));

        let Qr { q, r } = householder_qr(&a).unwrap();
        let s6 = 6f64.sqrt();
        for (got, want) in r.as_slice().iter().zip([-s2, -1.0 / s2, 0.0, -(1.5f64.sqrt())]) {
            assert!((got - want).abs() < 1e-15, "{r:?}");
        }
        let want_q = [-1.0 / s2, 1.0 / s6, 0.0, -2.0 / s6, -1.0 / s2, -1.0 / s6];
        for (got, want) in q.as_slice().iter().zip(want_q) {
            assert!((got - want).abs() < 1e-15, "{q:?}");
        }
        let c: Vec<f64> = (0..2).map(|j| dot(&q.column(j), &b)).collect();
        assert!(c[0].abs() < 1e-15 && close(c[1], -(2.0f64 / 3.0).sqrt(), 1e-15), "{c:?}");
        // Lesson 6's Cholesky factor and z.
        let l = solutions::l06::cholesky::cholesky(&solutions::l06::normal_equations::gram(&a)).unwrap();
        for (i, j) in [(0, 0), (0, 1), (1, 1)] {
            assert!(close(r[(i, j)].abs(), l[(j, i)], 1e-15));
        }
        let x = lstsq_qr(&a, &b).unwrap();
        assert_eq!(x, [-0.33333333333333354, 0.6666666666666667]);
        assert!(x[0].to_bits().abs_diff((-1.0f64 / 3.0).to_bits()) <= 4);
        assert!(x[1].to_bits().abs_diff((2.0f64 / 3.0).to_bits()) <= 4);
        assert_eq!(x, back_substitution(&r, &c).unwrap());

        let full = householder_qr_full(&a).unwrap();
        let q2 = full.q.column(2);
        let s3 = 3f64.sqrt();
        let sign = q2[0].signum();
        for (got, want) in q2.iter().zip([1.0 / s3, 1.0 / s3, -1.0 / s3]) {
            assert!((got - sign * want).abs() < 1e-15, "{q2:?}");
        }
        let c2 = dot(&q2, &b);
        assert!(close(c2.abs(), 4.0 / s3, 1e-15));
        assert_eq!(fixed(4.0 / s3, 3), "2.309");
        assert!(close(norm_l2(&[4.0 / 3.0, 4.0 / 3.0, -4.0 / 3.0]), 4.0 / s3, 1e-15));
    }

    // Accuracy, a close fit: "Läuchli's matrix of lesson 6 with δ = 10^-6 and b = A (1, -1), residual 0: the
    // normal equations returned (0.99991..., -0.99991...), four digits; your lstsq_qr returns (1, -1) exactly,
    // better even than the ten digits that u κ2(A) promises. With δ = 10^-8, where the stored A^T A is singular
    // and the normal equations fail, it returns (1, -0.9999999999999999), one unit in the last place from the
    // answer."
    #[test]
    fn lauchli_by_qr() {
        let delta = 1e-6;
        let a = lauchli(delta);
        let b = [0.0, delta, -delta];
        let normal = lstsq_normal(&a, &b).unwrap();
        assert_eq!((fixed(normal[0], 5).as_str(), fixed(normal[1], 5).as_str()), ("0.99991", "-0.99991"));
        assert_eq!(lstsq_qr(&a, &b).unwrap(), [1.0, -1.0]);
        let kappa = (2.0 + delta * delta).sqrt() / delta;
        assert!(close(kappa_2(&a), kappa, 1e-9));
        assert_eq!((-(kappa * U).log10()).round(), 10.0);

        let delta = 1e-8;
        let a = lauchli(delta);
        let b = [0.0, delta, -delta];
        assert_eq!(lstsq_normal(&a, &b), Err(LinalgError::NotPositiveDefinite { column: 1 }));
        let x = lstsq_qr(&a, &b).unwrap();
        assert_eq!(x, [1.0, -0.9999999999999999]);
        assert_eq!((-1.0f64).next_up(), -0.9999999999999999);
    }

    // Which κ: "scaling a column of A by a power of two changes no reflector ... your lstsq_qr returns x̂
    // divided by the scales, bit for bit. ... For Longley that is about 4.3 × 10^4, and its square, about 1.9
    // × 10^9, is what decided the digits of the normal equations in lesson 6." Intro: "on Longley the normal
    // equations kept 7 or 8 of the digits that NIST certifies". Apply it: "about 16 - log10(1.9 × 10^9) ≈ 7
    // for the normal equations and 16 - log10(4.3 × 10^4) ≈ 11 for QR. The residual term hardly matters here:
    // the model explains all but half a per cent of the variation of employment (R² = 0.9955), and with the
    // columns scaled, κ2² u ‖r‖/(‖A‖ ‖x‖) is no larger than κ2 u." "total employment on an intercept and six
    // predictors over 16 years, with coefficients certified to 15 digits", "the 16 × 7 design matrix". (The
    // QR digits themselves are the demo's.)
    #[test]
    fn longley_by_qr_depends_on_the_scaled_condition_number() {
        let (a, y, certified) = longley_problem();
        assert_eq!(a.shape(), (16, 7), "16 years, an intercept and six predictors");
        for line in include_str!("../../data/longley_certified.csv").lines().skip(1) {
            let mantissa = line.split(',').nth(1).unwrap().split(['E', 'e']).next().unwrap();
            let significant: String = mantissa.chars().filter(char::is_ascii_digit).collect();
            assert_eq!(significant.trim_start_matches('0').len(), 15, "certified to 15 digits: {line}");
        }
        let x = lstsq_qr(&a, &y).unwrap();
        let scale: Vec<f64> = (0..7).map(|j| 2f64.powi(-(norm_l2(&a.column(j)).log2().round() as i32))).collect();
        let scaled = Matrix::from_fn(16, 7, |i, j| a[(i, j)] * scale[j]);
        let xs = lstsq_qr(&scaled, &y).unwrap();
        for j in 0..7 {
            assert_eq!(xs[j] * scale[j], x[j], "coefficient {j}");
        }
        let (q, qs) = (householder_qr(&a).unwrap().q, householder_qr(&scaled).unwrap().q);
        assert_eq!(q, qs, "Q does not change");

        let normal = lstsq_normal(&a, &y).unwrap();
        let (lo, hi) = range(&(0..7).map(|j| digits(normal[j], certified[j])).collect::<Vec<_>>());
        assert!(lo > 7.0 && hi < 9.0, "7 or 8 digits: {lo:.1} to {hi:.1}");

        let unit = unit_columns(&a);
        let kappa_unit = kappa_2(&unit);
        assert_eq!(sci(kappa_unit, 1), "4.3e4");
        assert_eq!(sci(kappa_unit * kappa_unit, 1), "1.9e9");
        assert_eq!((16.0 - (1.9e9f64).log10()).round(), 7.0);
        assert_eq!((16.0 - (4.3e4f64).log10()).round(), 11.0);

        let residual: Vec<f64> = (0..16).map(|i| y[i] - dot(a.row(i), &certified)).collect();
        let mean = y.iter().sum::<f64>() / 16.0;
        let ss_tot: f64 = y.iter().map(|v| (v - mean).powi(2)).sum();
        let r2 = 1.0 - dot(&residual, &residual) / ss_tot;
        assert_eq!(fixed(r2, 4), "0.9955");
        assert_eq!(((1.0 - r2) * 100.0 * 2.0).round(), 1.0, "half a per cent");
        let norms: Vec<f64> = (0..7).map(|j| norm_l2(&a.column(j))).collect();
        let x_scaled: Vec<f64> = (0..7).map(|j| certified[j] * norms[j]).collect();
        let s = singular_values(&unit);
        let residual_term = kappa_unit * kappa_unit * U * norm_l2(&residual) / (s[0] * norm_l2(&x_scaled));
        assert!(residual_term <= kappa_unit * U, "{residual_term:e} vs {:e}", kappa_unit * U);
    }

    // Apply it: "Diabetes, on the split of demo 6 (354 patients to fit, every fifth held out) ... the eleven
    // coefficients ... The design matrix with unit columns has κ2 ≈ 2.1 × 10^2: both methods leave more digits
    // than the data are worth, and the held-out predictions of the two agree to twelve digits or more."
    #[test]
    fn the_diabetes_design() {
        let (a, y) = diabetes_design();
        assert_eq!((a.nrows(), a.ncols(), y.len()), (354, 11, 354));
        assert_eq!(sci(kappa_2(&unit_columns(&a)), 1), "2.1e2");
        let (qr, normal) = (lstsq_qr(&a, &y).unwrap(), lstsq_normal(&a, &y).unwrap());
        let (_, rows) = numeric_csv(include_str!("../../data/diabetes.csv"));
        let held_out: Vec<Vec<f64>> =
            (0..rows.len()).filter(|i| i % 5 == 4).map(|i| [&[1.0][..], &rows[i][..10]].concat()).collect();
        assert_eq!(held_out.len(), 88);
        let agreement: Vec<f64> = held_out.iter().map(|p| digits(dot(p, &normal), dot(p, &qr))).collect();
        let (lo, hi) = range(&agreement);
        assert!(lo >= 12.0 && hi < 16.0, "twelve digits or more: {lo:.1} to {hi:.1}");
    }

    // ---------------------------------------------------------------------------------------------
    // Lesson 8, answers: solutions/08_qr_decomposition/ANSWERS.md
    // ---------------------------------------------------------------------------------------------

    // Answer 1: "Feeding the 354 training patients of demo 6 one at a time into this updater (... n = 11) ...
    // gives coefficients that agree with your lstsq_qr of the whole 354 × 11 design to between 11.6 and 14.7
    // significant digits, and a residual sum of squares that agrees with the one computed from the residuals,
    // 982343.920334855..., to 15 digits. The diagonal of the updated R1 is positive ..., and its entries have
    // the sizes of those of householder_qr, whose signs differ in six of the eleven rows ... Your lstsq_normal
    // of the same design agrees with lstsq_qr to 10.1 to 13.4 digits".
    #[test]
    fn answer_1_a_regression_updated_one_row_at_a_time() {
        let (a, y) = diabetes_design();
        let n = a.ncols();
        let (mut r, mut c, mut rss) = (Matrix::zeros(n, n), vec![0.0; n], 0.0);
        for (i, &target) in y.iter().enumerate() {
            let (mut w, mut beta) = (a.row(i).to_vec(), target);
            for k in 0..n {
                if w[k] == 0.0 {
                    continue;
                }
                let (cs, sn, rho) = givens(r[(k, k)], w[k]);
                r[(k, k)] = rho;
                w[k] = 0.0;
                for j in k + 1..n {
                    let (p, q) = (r[(k, j)], w[j]);
                    r[(k, j)] = cs * p + sn * q;
                    w[j] = -sn * p + cs * q;
                }
                let (p, q) = (c[k], beta);
                c[k] = cs * p + sn * q;
                beta = -sn * p + cs * q;
            }
            rss += beta * beta;
        }
        let streamed = back_substitution(&r, &c).unwrap();
        let whole = lstsq_qr(&a, &y).unwrap();
        let agreement: Vec<f64> = (0..n).map(|j| digits(streamed[j], whole[j])).collect();
        let (lo, hi) = range(&agreement);
        assert_eq!((fixed(lo, 1), fixed(hi, 1)), ("11.6".to_string(), "14.7".to_string()));
        let residual: Vec<f64> = (0..a.nrows()).map(|i| y[i] - dot(a.row(i), &whole)).collect();
        let direct = dot(&residual, &residual);
        assert!(format!("{rss}").starts_with("982343.92033485") && format!("{direct}").starts_with("982343.92033485"));
        assert!(digits(rss, direct) >= 14.5, "{rss} {direct}");

        let householder_r = householder_qr(&a).unwrap().r;
        assert!((0..n).all(|k| r[(k, k)] > 0.0));
        for k in 0..n {
            assert!(close(r[(k, k)], householder_r[(k, k)].abs(), 1e-10), "row {k}");
        }
        assert_eq!((0..n).filter(|&k| householder_r[(k, k)] < 0.0).count(), 6);

        let normal = lstsq_normal(&a, &y).unwrap();
        let (lo, hi) = range(&(0..n).map(|j| digits(normal[j], whole[j])).collect::<Vec<_>>());
        assert_eq!((fixed(lo, 1), fixed(hi, 1)), ("10.1".to_string(), "13.4".to_string()));
    }

    /// Answer 2's problem: A = U1 Σ V^T with U = I8 - 11^T/4, V = I4 - 11^T/2 and Σ = diag(2^-e_k); x =
    /// (1, 2, 3, 4); r = U2 (1, -1, 2, 1). Returns A, A x and r, and `exact`, which checks (in integers)
    /// that a number is the multiple of 2^-E it should be: every quantity here is one, E = max e_k + 3.
    fn exact_problem(exponents: [i32; 4]) -> (Matrix, Vec<f64>, Vec<f64>, impl Fn(f64) -> i128) {
        let (m, n) = (8, 4);
        let u = Matrix::from_fn(m, m, |i, j| if i == j { 0.75 } else { -0.25 });
        let v = Matrix::from_fn(n, n, |i, j| if i == j { 0.5 } else { -0.5 });
        let sigma: Vec<f64> = exponents.iter().map(|&e| 2f64.powi(-e)).collect();
        let a = Matrix::from_fn(m, n, |i, j| (0..n).map(|k| u[(i, k)] * sigma[k] * v[(j, k)]).sum());
        let x = [1.0, 2.0, 3.0, 4.0];
        let ax: Vec<f64> = (0..m).map(|i| dot(a.row(i), &x)).collect();
        let r: Vec<f64> = (0..m).map(|i| dot(&u.row(i)[n..], &[1.0, -1.0, 2.0, 1.0])).collect();
        let big_e = exponents.iter().max().unwrap() + 3;
        // t · 2^E, which must be an integer of at most 53 bits (so t is stored exactly).
        let exact = move |t: f64| {
            let scaled = t * 2f64.powi(big_e);
            assert!(scaled.fract() == 0.0 && scaled.abs() < 2f64.powi(53), "{t:e} is not a short binary fraction");
            scaled as i128
        };
        let small = |t: f64, e: i32| {
            let scaled = t * 2f64.powi(e);
            assert_eq!(scaled.fract(), 0.0);
            scaled as i128
        };
        for i in 0..m {
            for j in 0..n {
                // a_ij 2^E = Σ_k (4 u_ik)(2^(E-3) σ_k)(2 v_jk), in integers.
                let want: i128 =
                    (0..n).map(|k| small(u[(i, k)], 2) * small(sigma[k], big_e - 3) * small(v[(j, k)], 1)).sum();
                assert_eq!(exact(a[(i, j)]), want);
            }
            let want: i128 = (0..n).map(|j| exact(a[(i, j)]) * (j as i128 + 1)).sum();
            assert_eq!(exact(ax[i]), want);
            let want: i128 = [1i128, -1, 2, 1].iter().enumerate().map(|(k, w)| small(u[(i, n + k)], 2) * w).sum();
            assert_eq!(small(r[i], 2), want);
        }
        // A^T r = 0 exactly, in integers.
        for j in 0..n {
            assert_eq!((0..m).map(|i| exact(a[(i, j)]) * small(r[i], 2)).sum::<i128>(), 0);
        }
        (a, ax, r, exact)
    }

    /// The relative error ‖x̂ − x‖/‖x‖ for x = (1, 2, 3, 4).
    fn error_from_1234(x: &[f64]) -> f64 {
        let d: Vec<f64> = x.iter().zip([1.0, 2.0, 3.0, 4.0]).map(|(p, q)| p - q).collect();
        norm_l2(&d) / 30f64.sqrt()
    }

    // Answer 2: "U = I8 - 11^T/4 is the Householder reflector of 1 in R^8 (β = 2/8): symmetric, orthogonal,
    // with entries 3/4 and -1/4. Likewise V = I4 - 11^T/2 ..., entries ±1/2." "Σ = diag(1, 2^-8, 2^-16,
    // 2^-24)", "every entry of A, Ax and r is a short binary fraction ... stored exactly, and A^T r = 0
    // exactly", "κ2(A) = 2^24 ≈ 1.7 × 10^7 exactly: u κ2 ≈ 1.9 × 10^-9 and u κ2² ≈ 3.1 × 10^-2." The table;
    // "nearly ten digits against one"; "a factor of 1024 for every factor of 1024 in s, some 30 times below the
    // residual term of the bound"; "the residual is 677 times the fitted part, neither has a correct digit".
    // "The same construction with Σ = diag(1, 2^-6, 2^-13, 2^-20), κ2 = 2^20 ...: at s = 1, your lstsq_qr has
    // an error of 2.0 × 10^-5 and your lstsq_normal one of 6.5 × 10^-8, far below its own bound u κ2² ≈ 1.2 ×
    // 10^-4." Question 2's hint: the 8 × 8 reflector.
    #[test]
    fn answer_2_a_large_residual() {
        let ones = [1.0; 8];
        let (v, beta) = (ones.to_vec(), 2.0 / 8.0);
        let u = reflector_matrix(&v, beta);
        assert!(u.as_slice().iter().all(|&t| t == 0.75 || t == -0.25));
        assert_eq!(orthogonality_loss(&u), 0.0);
        let v4 = reflector_matrix(&[1.0; 4], 2.0 / 4.0);
        assert!(v4.as_slice().iter().all(|&t| t == 0.5 || t == -0.5));
        assert_eq!(orthogonality_loss(&v4), 0.0);

        let (a, ax, r, exact) = exact_problem([0, 8, 16, 24]);
        let kappa = 2f64.powi(24);
        assert!(close(kappa_2(&a), kappa, 1e-6));
        assert_eq!(sci(kappa, 1), "1.7e7");
        assert_eq!(sci(U * kappa, 1), "1.9e-9");
        assert_eq!(sci(U * kappa * kappa, 1), "3.1e-2");
        let norm_a = singular_values(&a)[0];
        assert!(close(norm_a, 1.0, 1e-12));

        let table = [
            (0.0, "0", "2.3e-10", "9.1e-2", "0"),
            (2f64.powi(-10), "6.5e-4", "4.8e-7", "9.1e-2", "1.5e-5"),
            (1.0, "0.66", "4.9e-4", "9.1e-2", "1.5e-2"),
            (2f64.powi(10), "677", "0.50", "2.7", "15"),
        ];
        let mut qr_errors = Vec::new();
        for (s, ratio, qr_err, normal_err, term) in table {
            let b: Vec<f64> = (0..8).map(|i| ax[i] + s * r[i]).collect();
            // b is exact too: b_i 2^E is the integer a_i x 2^E + s r_i 2^E.
            for i in 0..8 {
                assert_eq!(exact(b[i]), exact(ax[i]) + exact(s * r[i]));
            }
            let rel = s * norm_l2(&r) / norm_l2(&ax);
            let qr = error_from_1234(&lstsq_qr(&a, &b).unwrap());
            let normal = error_from_1234(&lstsq_normal(&a, &b).unwrap());
            let bound = kappa * kappa * U * s * norm_l2(&r) / (norm_a * 30f64.sqrt());
            // The table's formats: two significant digits, in scientific notation below 0.1.
            let show = |t: f64| match t {
                0.0 => "0".to_string(),
                t if t >= 10.0 => fixed(t, 0),
                t if t >= 1.0 => fixed(t, 1),
                t if t >= 0.1 => fixed(t, 2),
                t => sci(t, 1),
            };
            assert_eq!(
                (show(rel), show(qr), show(normal), show(bound)),
                (ratio.to_string(), qr_err.to_string(), normal_err.to_string(), term.to_string())
            );
            if s > 0.0 {
                assert!((20.0..40.0).contains(&(bound / qr)), "some 30 times below: {}", bound / qr);
            } else {
                assert!(qr < U * kappa, "below u κ2");
                assert_eq!((-qr.log10()).round(), 10.0, "nearly ten digits");
                assert_eq!((-normal.log10()).round(), 1.0, "one digit");
            }
            qr_errors.push(qr);
        }
        for w in qr_errors[1..].windows(2) {
            assert!(close(w[1] / w[0], 1024.0, 0.02), "{}", w[1] / w[0]);
        }

        let (a, ax, r, _) = exact_problem([0, 6, 13, 20]);
        assert!(close(kappa_2(&a), 2f64.powi(20), 1e-6));
        let b: Vec<f64> = (0..8).map(|i| ax[i] + r[i]).collect();
        assert_eq!(sci(error_from_1234(&lstsq_qr(&a, &b).unwrap()), 1), "2.0e-5");
        assert_eq!(sci(error_from_1234(&lstsq_normal(&a, &b).unwrap()), 1), "6.5e-8");
        assert_eq!(sci(U * 2f64.powi(40), 1), "1.2e-4");
    }

    // Answer 3: "For the single column (1, 1, 1), your householder_qr_full returns the last two columns
    // (-0.577, 0.789, -0.211) and (-0.577, -0.211, 0.789), and your givens_qr returns (-0.816, 0.408, 0.408)
    // and (0, -0.707, 0.707): two different orthonormal bases of the plane orthogonal to (1, 1, 1), related by
    // a rotation of that plane, not by signs. (When m - n = 1, as in the worked example of lesson 6, the single
    // extra column is determined up to its sign: ±(1, 1, -1)/√3.)" "For A with rows (1, 2), (3, 6), (2, 4) ...
    // your householder_qr returns r11 ≈ 1.3 × 10^-15 instead of 0".
    #[test]
    fn answer_3_what_the_factorization_determines() {
        let column = Matrix::from_rows(&[vec![1.0], vec![1.0], vec![1.0]]);
        let h = householder_qr_full(&column).unwrap().q;
        let g = givens_qr(&column).unwrap().q;
        let three = |v: Vec<f64>| fixed_all(&v, 3);
        assert_eq!(three(h.column(1)), ["-0.577", "0.789", "-0.211"]);
        assert_eq!(three(h.column(2)), ["-0.577", "-0.211", "0.789"]);
        assert_eq!(three(g.column(1)), ["-0.816", "0.408", "0.408"]);
        assert_eq!(three(g.column(2)), ["0.000", "-0.707", "0.707"]);
        assert_eq!(g[(0, 2)], 0.0);
        // W = [h1 h2]^T [g1 g2] is orthogonal, not diagonal, with determinant +1: a rotation.
        let w = |i: usize, j: usize| dot(&h.column(i), &g.column(j));
        let det = w(1, 1) * w(2, 2) - w(1, 2) * w(2, 1);
        assert!(close(det, 1.0, 1e-14), "{det}");
        assert!(w(1, 2).abs() > 0.1 && w(2, 1).abs() > 0.1);
        for k in 1..3 {
            assert!(dot(&h.column(k), &[1.0, 1.0, 1.0]).abs() < 1e-15);
            assert!(dot(&g.column(k), &[1.0, 1.0, 1.0]).abs() < 1e-15);
        }
        let (a, _) = worked_example();
        let (qh, qg) = (householder_qr_full(&a).unwrap().q, givens_qr(&a).unwrap().q);
        for q in [qh, qg] {
            let last = q.column(2);
            let s3 = 3f64.sqrt();
            let sign = last[0].signum();
            for (got, want) in last.iter().zip([1.0 / s3, 1.0 / s3, -1.0 / s3]) {
                assert!((got - sign * want).abs() < 1e-15, "{last:?}");
            }
        }

        let dependent = Matrix::from_rows(&[vec![1.0, 2.0], vec![3.0, 6.0], vec![2.0, 4.0]]);
        let Qr { q, r } = householder_qr(&dependent).unwrap();
        assert_eq!(sci(r[(1, 1)].abs(), 1), "1.3e-15");
        assert!(orthogonality_loss(&q) < 1e-15);
    }
}

mod lesson_9 {
    use super::*;
    use solutions::l09::characteristic::eigenvalues_2x2;
    use solutions::l09::diagonalization::power_by_diagonalization;
    use solutions::l09::markov::{PIVOT_TOLERANCE, ROW_SUM_TOLERANCE, stationary_distribution};
    use solutions::l09::rayleigh::rayleigh_quotient;
    use solutions::l09::residual::eigen_residual;
    use solutions::l09::symmetric_2x2::symmetric_eigen_2x2;
    use vocab::Eigenvalues2;

    /// The lesson's running example: rows $(2, 1)$ and $(1, 2)$, eigenvalues 3 and 1.
    fn two_one() -> Matrix {
        Matrix::from_rows(&[vec![2.0, 1.0], vec![1.0, 2.0]])
    }

    /// The coefficients of Wilkinson's $w(x) = (x - 1) \cdots (x - 20)$, exactly: entry $j$ is the
    /// coefficient of $x^j$.
    fn wilkinson() -> Vec<i128> {
        let mut c = vec![1_i128];
        for k in 1..=20_i128 {
            // Multiply by (x − k).
            let mut next = vec![0_i128; c.len() + 1];
            for (j, &cj) in c.iter().enumerate() {
                next[j + 1] += cj;
                next[j] -= k * cj;
            }
            c = next;
        }
        c
    }

    /// $|w'(k)| = (k - 1)!\,(20 - k)!$ as a double.
    fn wilkinson_derivative(k: i32) -> f64 {
        (1..=20).filter(|&i| i != k).map(|i| f64::from((k - i).abs())).product()
    }

    // "For A = rows (2, 1), (1, 2): v = (1, 1) gives Av = (3, 3), so (3, v) has residual 0; with λ = 2 instead,
    // Av - 2v = (1, 1) and the residual is √2/√2 = 1. The Rayleigh quotient of x = (1, 0) is 2, between the two
    // eigenvalues 1 and 3, and that of (1, 1) is 6/2 = 3." Each costs "about 2n² flops".
    #[test]
    fn residual_and_rayleigh_quotient_of_the_running_example() {
        let a = two_one();
        assert_eq!(eigen_residual(&a, 3.0, &[1.0, 1.0]).unwrap(), 0.0);
        assert!(close(eigen_residual(&a, 2.0, &[1.0, 1.0]).unwrap(), 1.0, 1e-15));
        assert_eq!(rayleigh_quotient(&a, &[1.0, 0.0]).unwrap(), 2.0);
        assert!(close(rayleigh_quotient(&a, &[1.0, 1.0]).unwrap(), 3.0, 1e-15));
        assert_eq!(eigenvalues_2x2(&a).unwrap(), Eigenvalues2::Real(3.0, 1.0));
        // The backward error: (λ, v) is an exact eigenpair of A + E, E = −r vᵀ/vᵀv, ‖E‖₂ = ‖r‖/‖v‖.
        let (lambda, v) = (2.0, [1.0, 1.0]);
        let r = [1.0, 1.0];
        let e = Matrix::from_fn(2, 2, |i, j| a[(i, j)] - r[i] * v[j] / dot(&v, &v));
        assert_eq!(eigen_residual(&e, lambda, &v).unwrap(), 0.0);
        assert_eq!(sci(singular_values(&Matrix::from_fn(2, 2, |i, j| r[i] * v[j] / 2.0))[0], 3), sci(1.0, 3));
    }

    // Two by two: "For rows (2, 1) and (1, 2): t = 4, δ = 3, Δ = 1, λbig = 3 and λsmall = 3/3 = 1. For the
    // rotation by 90°, rows (0, -1) and (1, 0): t = 0, δ = 1, Δ = -1, and the pair ±i." The rotation by θ
    // has eigenvalues cos θ ± i sin θ. The figure: A with rows (1, 1) and (0.5, 1.5) has eigenvalues 2 and
    // 0.5; S with rows (2, 1), (1, 2) has 3 and 1.
    #[test]
    fn two_by_two_eigenvalues() {
        assert_eq!(det2(&two_one()).unwrap(), 3.0);
        assert_eq!(trace(&two_one()).unwrap(), 4.0);
        let quarter = Matrix::from_rows(&[vec![0.0, -1.0], vec![1.0, 0.0]]);
        assert_eq!(eigenvalues_2x2(&quarter).unwrap(), Eigenvalues2::Complex { re: 0.0, im: 1.0 });
        let theta = 0.3_f64;
        let r = rotation(theta);
        match eigenvalues_2x2(&r).unwrap() {
            Eigenvalues2::Complex { re, im } => assert!(close(re, theta.cos(), 1e-15) && close(im, theta.sin(), 1e-14)),
            other => panic!("{other:?}"),
        }
        let a = Matrix::from_rows(&[vec![1.0, 1.0], vec![0.5, 1.5]]);
        assert_eq!(eigenvalues_2x2(&a).unwrap(), Eigenvalues2::Real(2.0, 0.5));
        // Its eigenvectors (1, 1) and (2, −1) are not perpendicular.
        assert_eq!(eigen_residual(&a, 2.0, &[1.0, 1.0]).unwrap(), 0.0);
        assert_eq!(eigen_residual(&a, 0.5, &[2.0, -1.0]).unwrap(), 0.0);
        assert_ne!(dot(&[1.0, 1.0], &[2.0, -1.0]), 0.0);
    }

    // "The matrix with rows (10^8, -1) and (1, 0) has t = 10^8 and δ = 1 ... The school formula computes the small
    // one as 5 × 10^7 - √(2.5 × 10^15 - 1): the square root rounds to 4.999999999999999 × 10^7, one spacing of the
    // doubles near 5 × 10^7 below it, and the difference is that spacing, 7.450580596923828 × 10^-9, wrong in the
    // first digit. Your eigenvalues_2x2 computes λbig = 10^8 and λsmall = 1/10^8, which is 10^-8 to the last
    // digit."
    #[test]
    fn the_school_formula_cancels() {
        let a = Matrix::from_rows(&[vec![1e8, -1.0], vec![1.0, 0.0]]);
        assert_eq!((trace(&a).unwrap(), det2(&a).unwrap()), (1e8, 1.0));
        let half = 5e7_f64;
        assert_eq!(half * half - 1.0, 2.5e15 - 1.0);
        let root = (half * half - 1.0).sqrt();
        assert_eq!(root, 4.999999999999999e7);
        let spacing = 2f64.powi(25 - 52);
        assert_eq!(root, half - spacing);
        assert_eq!(half - root, 7.450580596923828e-9);
        assert_eq!(eigenvalues_2x2(&a).unwrap(), Eigenvalues2::Real(1e8, 1e-8));
    }

    // Wilkinson: "w(x) = x^20 - 210 x^19 + ... + 20!". "Its coefficients reach 1.38 × 10^19 (that of x^2), and five
    // of them (those of x^3 to x^7) are not even doubles". "|w'(k)| = (k - 1)! (20 - k)!. For the coefficient -210
    // and the root 16, the factor 16^19 / (15! 4!) is 2.41 × 10^9. Wilkinson changed -210 by 2^-23, a relative
    // change of 5.7 × 10^-10, ... the first-order prediction, a move of 287 for the root 16". "one rounding error
    // in each coefficient, a relative change of u, may move the root 15 by up to 0.084 to first order" ... "by
    // 0.08".
    #[test]
    fn wilkinsons_polynomial() {
        let c = wilkinson();
        assert_eq!((c[20], c[19], c[0]), (1, -210, (1..=20_i128).product()));
        let (j_max, c_max) = c.iter().enumerate().max_by_key(|(_, x)| x.abs()).unwrap();
        assert_eq!((j_max, sci(*c_max as f64, 2)), (2, "1.38e19".to_string()));
        let not_doubles: Vec<usize> = (0..=20).filter(|&j| c[j] as f64 as i128 != c[j]).collect();
        assert_eq!(not_doubles, [3, 4, 5, 6, 7]);
        let factorial = |n: i32| (1..=n).map(f64::from).product::<f64>();
        for k in 1..=20 {
            assert!(close(wilkinson_derivative(k), factorial(k - 1) * factorial(20 - k), 1e-15));
        }
        let factor = 16f64.powi(19) / wilkinson_derivative(16);
        assert_eq!(sci(factor, 2), "2.41e9");
        assert_eq!(sci(2f64.powi(-23) / 210.0, 1), "5.7e-10");
        assert_eq!(fixed(2f64.powi(-23) * factor, 0), "287");
        // One rounding of every coefficient, to first order: Σ_j u |c_j| k^j / |w'(k)|.
        let moved = |k: i32| {
            (0..=20).map(|j| U * (c[j] as f64).abs() * f64::from(k).powi(j as i32)).sum::<f64>()
                / wilkinson_derivative(k)
        };
        assert_eq!(fixed(moved(15), 3), "0.084");
        assert!((1..=20).all(|k| moved(k) <= moved(15) * 1.001), "15 is (one of) the worst");
        assert_eq!(fixed(moved(15), 2), "0.08");
    }

    // Powers: "B has rows (9, 1) and (9, -1), and A^2 = BS^{-1} has rows (5, 4) and (4, 5), which is A · A."
    // The shear: [[1, 1], [0, 1]]^k = [[1, k], [0, 1]]. Cost "2/3 n³ for the factorization and 2n³ for the n
    // solves".
    #[test]
    fn powers_by_diagonalization() {
        let s = Matrix::from_rows(&[vec![1.0, 1.0], vec![1.0, -1.0]]);
        let a2 = power_by_diagonalization(&s, &[3.0, 1.0], 2).unwrap();
        assert_eq!(mat_mul(&two_one(), &two_one()).unwrap(), Matrix::from_rows(&[vec![5.0, 4.0], vec![4.0, 5.0]]));
        for (got, want) in a2.as_slice().iter().zip([5.0, 4.0, 4.0, 5.0]) {
            assert!((got - want).abs() < 1e-14, "{a2:?}");
        }
        let b = Matrix::from_fn(2, 2, |i, j| s[(i, j)] * [9.0, 1.0][j]);
        assert_eq!(b, Matrix::from_rows(&[vec![9.0, 1.0], vec![9.0, -1.0]]));
        let shear = Matrix::from_rows(&[vec![1.0, 1.0], vec![0.0, 1.0]]);
        let mut p = Matrix::identity(2);
        for k in 1..=5 {
            p = mat_mul(&p, &shear).unwrap();
            assert_eq!(p, Matrix::from_rows(&[vec![1.0, f64::from(k)], vec![0.0, 1.0]]));
        }
        // n solves of 2n² flops each (forward and back substitution).
        let n = 100.0_f64;
        assert_eq!(n * 2.0 * n * n, 2.0 * n.powi(3));
    }

    // "For rows (2, 1) and (1, 2): τ = 0, t = 1, cos θ = sin θ = 1/√2, and the values 2 - 1 = 1 with (1, -1)/√2 and
    // 2 + 1 = 3 with (1, 1)/√2. Your function returns the values (3, 1) and the columns (0.7071067811865475,
    // 0.7071067811865475) and (0.7071067811865475, -0.7071067811865475)." The roots of t² + 2τt − 1 have
    // product −1, and the smaller one has |t| ≤ 1.
    #[test]
    fn the_symmetric_two_by_two() {
        let e = symmetric_eigen_2x2(&two_one()).unwrap();
        assert_eq!(e.values, [3.0, 1.0]);
        let h = 0.7071067811865475;
        assert_eq!(e.vectors, Matrix::from_rows(&[vec![h, h], vec![h, -h]]));
        assert_eq!(h, 1.0 / 2f64.sqrt());
        for tau in [-1e6, -3.0, -0.5, 0.0, 0.25, 2.0, 1e8] {
            let sign = if tau < 0.0 { -1.0 } else { 1.0 };
            let t = sign / (f64::abs(tau) + 1.0_f64.hypot(tau));
            assert!(t.abs() <= 1.0);
            assert!((t * t + 2.0 * tau * t - 1.0).abs() <= 1e-15 * (1.0 + 2.0 * (tau * t).abs()), "{tau}");
            let other = -tau - sign * 1.0_f64.hypot(tau);
            assert!(close(t * other, -1.0, 1e-15), "{tau}");
        }
    }

    // Markov: "For P with rows (0.9, 0.1) and (0.5, 0.5), M has rows (-0.1, 0.5) and (1, 1) ... gives π = (5/6, 1/6)".
    // The tolerances 10^-9 (ROW_SUM_TOLERANCE) and 10^-10 (PIVOT_TOLERANCE). The swap chain has the unique
    // π = (1/2, 1/2).
    #[test]
    fn stationary_distributions() {
        assert_eq!((ROW_SUM_TOLERANCE, PIVOT_TOLERANCE), (1e-9, 1e-10));
        let p = Matrix::from_rows(&[vec![0.9, 0.1], vec![0.5, 0.5]]);
        let pi = stationary_distribution(&p).unwrap();
        assert!(close(pi[0], 5.0 / 6.0, 1e-15) && close(pi[1], 1.0 / 6.0, 1e-14), "{pi:?}");
        assert!((0.9 - 1.0 - -0.1_f64).abs() < 1e-16);
        let swap = Matrix::from_rows(&[vec![0.0, 1.0], vec![1.0, 0.0]]);
        assert_eq!(stationary_distribution(&swap).unwrap(), [0.5, 0.5]);
        assert_eq!(eigenvalues_2x2(&swap).unwrap(), Eigenvalues2::Real(1.0, -1.0));
    }
    // The demo's graph: "the graph is connected and has triangles, so the walk is irreducible and aperiodic".
    #[test]
    fn the_karate_graph_is_connected_and_has_a_triangle() {
        let mut adjacent = vec![vec![false; 34]; 34];
        for line in include_str!("../../data/karate_edges.csv").lines().skip(1) {
            let f: Vec<usize> = line.split(',').take(2).map(|x| x.parse().unwrap()).collect();
            adjacent[f[0]][f[1]] = true;
            adjacent[f[1]][f[0]] = true;
        }
        assert!(adjacent[0][1] && adjacent[1][2] && adjacent[0][2], "the triangle 0, 1, 2");
        let mut seen = [false; 34];
        let mut stack = vec![0];
        seen[0] = true;
        while let Some(i) = stack.pop() {
            for j in 0..34 {
                if adjacent[i][j] && !seen[j] {
                    seen[j] = true;
                    stack.push(j);
                }
            }
        }
        assert!(seen.iter().all(|&s| s), "connected");
    }

    /// $F^k$ by the reference diagonalization: $S$ with columns $(\varphi, 1)$ and $(\psi, 1)$.
    fn fibonacci_power(k: u32) -> Matrix {
        let s5 = 5f64.sqrt();
        let (phi, psi) = ((1.0 + s5) / 2.0, (1.0 - s5) / 2.0);
        let s = Matrix::from_rows(&[vec![phi, psi], vec![1.0, 1.0]]);
        power_by_diagonalization(&s, &[phi, psi], k).unwrap()
    }

    // Answer 1: "already for k = 1 it comes out as 1.0000000000000002. Rounded to the nearest integer it is right up to
    // k = 70, and from k = 71 on it is wrong: the function returns 308061521170129.75 where f71 = 308061521170129."
    // "every Fibonacci number up to f78 is below 2^53 ..., and f79 = 14472334024676221 is the first that is not". "The
    // double nearest φ is too large by a relative 3.4 × 10^-17 (about 0.3u)"; "0.45 for k = 70 ... and 0.73 for
    // k = 71". "f186 for u128".
    #[test]
    fn answer_1_fibonacci_in_f64() {
        let mut fib: Vec<u128> = vec![0, 1];
        while let Some(next) = fib[fib.len() - 1].checked_add(fib[fib.len() - 2]) {
            fib.push(next);
        }
        assert_eq!(fib.len() - 1, 186, "f186 is the last that fits in u128");
        assert_eq!(fibonacci_power(1)[(0, 1)], 1.0000000000000002);
        let first_wrong = (1..100).find(|&k| fibonacci_power(k)[(0, 1)].round() != fib[k as usize] as f64).unwrap();
        assert_eq!(first_wrong, 71);
        assert_eq!(fibonacci_power(71)[(0, 1)], 308061521170129.75);
        assert_eq!(fib[71], 308061521170129);
        assert!(fib[78] < 1 << 53 && fib[79] > 1 << 53);
        assert_eq!(fib[79], 14472334024676221);
        assert_ne!(fib[79] as f64 as u128, fib[79]);
        // fl(φ) = (1 + s)/2 exactly (s = fl(√5)); √5 = s + s_lo with s_lo = (5 − s²)/(2s) to first order.
        let s = 5f64.sqrt();
        let s_lo = (-s).mul_add(s, 5.0) / (2.0 * s);
        let phi = (1.0 + s) / 2.0;
        let delta = -(s_lo / 2.0) / phi;
        assert!(delta > 0.0, "too large");
        assert_eq!(sci(delta, 1), "3.4e-17");
        assert_eq!(fixed(delta / U, 1), "0.3");
        assert_eq!(fixed(fib[70] as f64 * 70.0 * delta, 2), "0.45");
        assert_eq!(fixed(fib[71] as f64 * 71.0 * delta, 2), "0.73");
    }

    // Answer 2: the swap returns (0.5, 0.5) and has the eigenvalues 1 and -1 (Real(1.0, -1.0)); the two separate chains
    // give Err(Singular { column: 3 }), their distributions (1/2, 1/2, 0, 0) and (0, 0, 6/13, 7/13); the lazy swap has the
    // eigenvalues 1 and 0 (Real(1.0, 0.0)) and reaches (0.5, 0.5) in one step.
    #[test]
    fn answer_2_periodic_reducible_and_lazy_chains() {
        let swap = Matrix::from_rows(&[vec![0.0, 1.0], vec![1.0, 0.0]]);
        assert_eq!(stationary_distribution(&swap).unwrap(), [0.5, 0.5]);
        assert_eq!(eigenvalues_2x2(&swap).unwrap(), Eigenvalues2::Real(1.0, -1.0));
        let two = Matrix::from_rows(&[
            vec![0.5, 0.5, 0.0, 0.0],
            vec![0.5, 0.5, 0.0, 0.0],
            vec![0.0, 0.0, 0.3, 0.7],
            vec![0.0, 0.0, 0.6, 0.4],
        ]);
        assert_eq!(stationary_distribution(&two).unwrap_err(), LinalgError::Singular { column: 3 });
        let second = [6.0 / 13.0, 7.0 / 13.0];
        assert!(close(second[0] * 0.3 + second[1] * 0.6, second[0], 1e-15));
        assert!(close(second[0] * 0.7 + second[1] * 0.4, second[1], 1e-15));
        let lazy = |p: &Matrix| Matrix::from_fn(p.nrows(), p.ncols(), |i, j| 0.5 * (f64::from(i == j) + p[(i, j)]));
        assert!(matches!(stationary_distribution(&lazy(&two)), Err(LinalgError::Singular { .. })));
        let lazy_swap = lazy(&swap);
        assert_eq!(eigenvalues_2x2(&lazy_swap).unwrap(), Eigenvalues2::Real(1.0, 0.0));
        let mu = [1.0, 0.0];
        let step: Vec<f64> = (0..2).map(|j| (0..2).map(|i| mu[i] * lazy_swap[(i, j)]).sum()).collect();
        assert_eq!(step, [0.5, 0.5]);
    }

    // Answer 3: "your eigenvalues_2x2 returns 1.0000100000004137 and 0.9999899999995863"; "your symmetric_eigen_2x2
    // returns 1.0000000001 and 0.9999999999"; V has "the singular values √2 and √(2ε), so κ2(V) = 1/√ε = 10^5";
    // "With ε = 10^-16 ... returns 1.0000000105367122 and 0.9999999894632878. The determinant 1 - 10^-16 rounds to
    // 0.9999999999999999, which is 1 - 1.1 × 10^-16, ... its square root is 5% too large".
    #[test]
    fn answer_3_sensitive_eigenvalues() {
        let eps = 1e-10;
        let shear = Matrix::from_rows(&[vec![1.0, 1.0], vec![eps, 1.0]]);
        assert_eq!(eigenvalues_2x2(&shear).unwrap(), Eigenvalues2::Real(1.0000100000004137, 0.9999899999995863));
        let sym = Matrix::from_rows(&[vec![1.0, eps], vec![eps, 1.0]]);
        assert_eq!(symmetric_eigen_2x2(&sym).unwrap().values, [1.0000000001, 0.9999999999]);
        let r = eps.sqrt();
        let v = Matrix::from_rows(&[vec![1.0, 1.0], vec![r, -r]]);
        let sv = singular_values(&v);
        assert!(close(sv[0], 2f64.sqrt(), 1e-15) && close(sv[1], (2.0 * eps).sqrt(), 1e-12));
        assert!(close(kappa_2(&v), 1e5, 1e-12));
        let tiny = Matrix::from_rows(&[vec![1.0, 1.0], vec![1e-16, 1.0]]);
        assert_eq!(eigenvalues_2x2(&tiny).unwrap(), Eigenvalues2::Real(1.0000000105367122, 0.9999999894632878));
        assert_eq!(det2(&tiny).unwrap(), 0.9999999999999999);
        assert_eq!(sci(1.0 - det2(&tiny).unwrap(), 1), "1.1e-16");
        assert_eq!(fixed((1.0 - det2(&tiny).unwrap()).sqrt() / 1e-8, 2), "1.05");
    }
}

mod lesson_10 {
    use super::*;
    use solutions::l09::diagonalization::power_by_diagonalization;
    use solutions::l09::rayleigh::rayleigh_quotient;
    use solutions::l10::deflation::{deflate, top_two_eigenpairs};
    use solutions::l10::hessenberg::hessenberg;
    use solutions::l10::inverse_iteration::inverse_iteration;
    use solutions::l10::power_iteration::{power_iteration, power_step};
    use solutions::l10::qr_iteration::{qr_iteration, qr_step};
    use solutions::l10::shifted_qr::shifted_qr_eigenvalues;
    use solutions::l10::symmetric_eigen::symmetric_eigen;

    /// Rows $(2, 1)$ and $(1, 2)$: eigenvalues 3 and 1.
    fn two_one() -> Matrix {
        Matrix::from_rows(&[vec![2.0, 1.0], vec![1.0, 2.0]])
    }

    fn diag(d: &[f64]) -> Matrix {
        Matrix::from_fn(d.len(), d.len(), |i, j| if i == j { d[i] } else { 0.0 })
    }

    /// $H\,\operatorname{diag}(1, \dots, 20)\,H$ with the reflector $H = I - \tfrac{2}{20}\mathbf 1\mathbf 1^\top$,
    /// formed in floating point.
    fn turned_wilkinson() -> Matrix {
        let n = 20;
        let h = Matrix::from_fn(n, n, |i, j| if i == j { 1.0 } else { 0.0 } - 2.0 / 20.0);
        let d = diag(&(1..=20).map(f64::from).collect::<Vec<_>>());
        mat_mul(&mat_mul(&h, &d).unwrap(), &h).unwrap()
    }

    // "Each step gains -log10 |λ1/λ0| decimal digits: a ratio of 0.5 gives a digit every 3.3 steps, a ratio of 0.9
    // every 21.9, and a ratio of 0.99 every 229 steps."
    #[test]
    fn digits_per_step() {
        let steps_per_digit = |r: f64| -1.0 / r.log10();
        assert_eq!(fixed(steps_per_digit(0.5), 1), "3.3");
        assert_eq!(fixed(steps_per_digit(0.9), 1), "21.9");
        assert_eq!(fixed(steps_per_digit(0.99), 0), "229");
    }

    // "when λ0 = -5, the iterates flip direction at every step, ‖Ax_k‖ → 5, and ρ(x_k) → -5". "For diag(2, 1) from
    // x0 = (1, 1) the iterates are (2^k, 1) normalised ... with tol = 10^-10 your power_iteration returns λ ≈ 2 and
    // v ≈ (1, 0) after 34 steps." Each step costs one product, 2n² flops.
    #[test]
    fn the_power_method_keeps_the_sign() {
        let a = diag(&[-5.0, 1.0]);
        let (lambda, v, _) = power_iteration(&a, &[1.0, 1.0], 1000, 1e-12).unwrap();
        assert!(close(lambda, -5.0, 1e-12), "{lambda}");
        assert!(close(norm_l2(&mat_vec_rows(&a, &v).unwrap()), 5.0, 1e-12));
        let (next, _) = power_step(&a, &v).unwrap();
        assert!(next[0] * v[0] < 0.0, "the iterate flips");
        let (lambda, v, k) = power_iteration(&diag(&[2.0, 1.0]), &[1.0, 1.0], 1000, 1e-10).unwrap();
        assert_eq!(k, 34);
        assert!(close(lambda, 2.0, 1e-15) && (v[0] - 1.0).abs() < 1e-10 && v[1].abs() < 1e-10);
        let mut x = vec![1.0, 1.0];
        for k in 1..=5 {
            x = power_step(&diag(&[2.0, 1.0]), &x).unwrap().0;
            assert!(close(x[0] / x[1], 2f64.powi(k), 1e-15));
        }
    }

    // "Compare diag(2, 1) and the triangular matrix with rows (2, 1) and (0, 1) ... from x0 = (1, 1): after 20 steps
    // of your power_step, the Rayleigh quotient of x20 is off by 9.1 × 10^-13, about 4^-20, for the symmetric one, and
    // by 4.8 × 10^-7, about 2^-21, for the triangular one."
    #[test]
    fn the_rayleigh_quotient_is_twice_as_accurate_for_a_symmetric_matrix() {
        let error_after_20 = |a: &Matrix| {
            let mut x = vec![1.0, 1.0];
            for _ in 0..20 {
                x = power_step(a, &x).unwrap().0;
            }
            (rayleigh_quotient(a, &x).unwrap() - 2.0).abs()
        };
        let sym = error_after_20(&diag(&[2.0, 1.0]));
        let tri = error_after_20(&Matrix::from_rows(&[vec![2.0, 1.0], vec![0.0, 1.0]]));
        assert_eq!((sci(sym, 1), sci(4f64.powi(-20), 1)), ("9.1e-13".to_string(), "9.1e-13".to_string()));
        assert_eq!((sci(tri, 1), sci(2f64.powi(-21), 1)), ("4.8e-7".to_string(), "4.8e-7".to_string()));
    }

    // "For diag(1, 2, 4) with σ = 2.1, the eigenvalues of (A - σI)^-1 are 1/(-1.1), 1/(-0.1) and 1/1.9, the rate is
    // 0.1/1.1, better than a digit per step, and from x0 = (1, 1, 1) with tol = 10^-12 your inverse_iteration returns
    // λ ≈ 2 and v ≈ ±e1 after 13 steps."
    #[test]
    fn inverse_iteration_on_the_example() {
        let d = [1.0, 2.0, 4.0];
        assert!(close(1.0 - 2.1, -1.1, 1e-14) && close(2.0 - 2.1, -0.1, 1e-13) && close(4.0 - 2.1, 1.9, 1e-15));
        let (rate, d_shift) = (0.1 / 1.1, [1.0 - 2.1, 2.0 - 2.1, 4.0 - 2.1_f64]);
        assert!(rate < 0.1 && close(d_shift[1].abs() / d_shift[0].abs(), rate, 1e-13));
        let (lambda, v, k) = inverse_iteration(&diag(&d), 2.1, &[1.0, 1.0, 1.0], 1000, 1e-12).unwrap();
        assert_eq!(k, 13);
        assert!(close(lambda, 2.0, 1e-14));
        assert!((v[1].abs() - 1.0).abs() < 1e-12 && v[0].abs() < 1e-12 && v[2].abs() < 1e-12);
    }

    // Deflation: "For A with rows (2, 1) and (1, 2), λ = 3 and v = (1, 1), deflate gives the rows (0.5, -0.5) and
    // (-0.5, 0.5): the eigenvalue 1 along (1, -1) is left, and 0 along v." And top_two_eigenpairs of diag(3, -2, 1).
    #[test]
    fn deflation_example() {
        let b = deflate(&two_one(), 3.0, &[1.0, 1.0]).unwrap();
        assert_eq!(b, Matrix::from_rows(&[vec![0.5, -0.5], vec![-0.5, 0.5]]));
        assert_eq!(mat_vec_rows(&b, &[1.0, -1.0]).unwrap(), [1.0, -1.0]);
        assert_eq!(mat_vec_rows(&b, &[1.0, 1.0]).unwrap(), [0.0, 0.0]);
        let ((l0, _), (l1, _)) = top_two_eigenpairs(&diag(&[3.0, -2.0, 1.0]), &[1.0, 1.0, 1.0], 1000, 1e-12).unwrap();
        assert!(close(l0, 3.0, 1e-12) && close(l1, -2.0, 1e-12));
    }

    // QR iteration: "For A with rows (2, 1) and (1, 2), RQ has rows (2.8, -0.6) and (-0.6, 1.2), up to rounding: the
    // trace 4 is kept, and the off-diagonal entry has shrunk from 1 to 0.6, a factor of about 1/3". "For the 2 × 2
    // example with tol = 10^-12 that takes 25 steps". Question 2 / shifts: for rows (0, 1), (1, 0) "the QR step
    // returns the matrix unchanged".
    #[test]
    fn qr_iteration_examples() {
        let a1 = qr_step(&two_one()).unwrap();
        for (got, want) in a1.as_slice().iter().zip([2.8, -0.6, -0.6, 1.2]) {
            assert!((got - want).abs() < 1e-15, "{a1:?}");
        }
        assert!(close(trace(&a1).unwrap(), 4.0, 1e-15));
        let (values, steps) = qr_iteration(&two_one(), 1000, 1e-12).unwrap();
        assert_eq!(steps, 25);
        assert!(close(values[0], 3.0, 1e-14) && close(values[1], 1.0, 1e-14));
        let a2 = qr_step(&a1).unwrap();
        assert!(close(a2[(1, 0)].abs() / a1[(1, 0)].abs(), 0.2195 / 0.6, 1e-3), "{a2:?}");
        assert_eq!(fixed(a2[(1, 0)].abs(), 4), "0.2195");
        // "The next step takes it to 0.2195, a factor of 0.37, and the factor per step tends to 1/3."
        assert_eq!(fixed(a2[(1, 0)].abs() / a1[(1, 0)].abs(), 2), "0.37");
        let mut ak = a2;
        let mut ratio = 0.0;
        for _ in 0..10 {
            let next = qr_step(&ak).unwrap();
            ratio = next[(1, 0)].abs() / ak[(1, 0)].abs();
            ak = next;
        }
        assert!((ratio - 1.0 / 3.0).abs() < 1e-4, "{ratio}");
        let swap = Matrix::from_rows(&[vec![0.0, 1.0], vec![1.0, 0.0]]);
        assert_eq!(qr_step(&swap).unwrap(), swap);
    }

    // Hessenberg: "For A with rows (1, 3, 4), (3, 1, 0), (4, 0, 1), the only step uses the reflector of (3, 4) from
    // lesson 8, v = (1, 0.5) and β = 1.6, and gives H with rows (1, -5, 0), (-5, 1, 0), (0, 0, 1) and Q with rows
    // (1, 0, 0), (0, -0.6, -0.8), (0, -0.8, 0.6)."
    #[test]
    fn hessenberg_example() {
        let a = Matrix::from_rows(&[vec![1.0, 3.0, 4.0], vec![3.0, 1.0, 0.0], vec![4.0, 0.0, 1.0]]);
        let (q, h) = hessenberg(&a).unwrap();
        assert_eq!(h, Matrix::from_rows(&[vec![1.0, -5.0, 0.0], vec![-5.0, 1.0, 0.0], vec![0.0, 0.0, 1.0]]));
        for (got, want) in q.as_slice().iter().zip([1.0, 0.0, 0.0, 0.0, -0.6, -0.8, 0.0, -0.8, 0.6]) {
            assert!((got - want).abs() < 1e-15, "{q:?}");
        }
    }

    // Costs: "Σ (4m(n - k) + 4nm) ≈ 4/3 n³ + 2n³ = 10/3 n³ flops, plus 4/3 n³ to form Q"; a QR step on a Hessenberg
    // matrix: "n - 1 rotations of two rows, about 6(n - j) flops each, ... the same rotations applied to two columns,
    // about 6(j + 2) flops each ... about 6n² flops per step"; unshifted dense step: "4/3 n³ for R, as much for Q, and
    // 2n³ for the product RQ"; the symmetric solver's vectors: "Σ_m 2 · 6nm ≈ 6n³"; "2/3 n³" for the LU of inverse
    // iteration, 2n² per solve; LAPACK's budget of 30 steps per eigenvalue (30n).
    #[test]
    fn the_flop_counts() {
        let n = 600.0_f64;
        let nn = n as usize;
        let reduction: f64 = (0..nn - 2)
            .map(|k| {
                let m = n - k as f64 - 1.0;
                4.0 * m * (n - k as f64) + 4.0 * n * m
            })
            .sum();
        assert!(close(reduction, 10.0 / 3.0 * n.powi(3), 0.01));
        let q: f64 = (0..nn - 2).map(|k| 4.0 * (n - k as f64 - 1.0).powi(2)).sum();
        assert!(close(q, 4.0 / 3.0 * n.powi(3), 0.01));
        // LAPACK's symmetric tridiagonalization (lessons 9 and 10): a symmetric rank-two update of the trailing
        // m × m block, about 4m² flops, per step.
        let tridiagonal: f64 = (0..nn - 2).map(|k| 4.0 * (n - k as f64 - 1.0).powi(2)).sum();
        assert!(close(tridiagonal, 4.0 / 3.0 * n.powi(3), 0.01));
        let step: f64 = (0..nn - 1).map(|j| 6.0 * (n - j as f64) + 6.0 * (j as f64 + 2.0)).sum();
        assert!(close(step, 6.0 * n * n, 0.01));
        // Shifted steps on the Hessenberg form: "6m² flops per step on an active block of m rows and two steps per
        // eigenvalue, Σ_m 12m² ≈ 4n³".
        let general: f64 = (1..=nn).map(|m| 2.0 * 6.0 * (m as f64).powi(2)).sum();
        assert!(close(general, 4.0 * n.powi(3), 0.01));
        let vectors: f64 = (2..=nn).map(|m| 2.0 * 6.0 * n * (m as f64 - 1.0)).sum();
        assert!(close(vectors, 6.0 * n.powi(3), 0.01));
        assert_eq!(n * 2.0 * n * n / n, 2.0 * n * n);
    }

    // "For the rows (4, 1) and (2, 3) the whole matrix is one unreduced 2 × 2 block, and your function returns
    // 3.5 ± √(0.25 + 2), that is, 5 and 2 exactly." The 3 × 3 example: S with rows (1, 1, 0), (0, 1, 1), (1, 0, 1),
    // "A with rows (0, -3, 3), (-2, -1, 2) and (1, -1, 2), your unshifted qr_iteration stalls on the pair ±3
    // (NotConverged after 1000 steps, with an entry of size 1.73 still below the diagonal), and your
    // shifted_qr_eigenvalues returns 3.0000000000000004, 0.9999999999999996 and -3.000000000000002." The symmetric
    // solver on rows (2, 1), (1, 2): "the values (3, 1), to rounding, with the vectors ±(1, 1)/√2 and ±(1, -1)/√2".
    #[test]
    fn shifted_and_symmetric_examples() {
        let a = Matrix::from_rows(&[vec![4.0, 1.0], vec![2.0, 3.0]]);
        assert_eq!((3.5_f64 + (0.25_f64 + 2.0).sqrt(), 3.5_f64 - (0.25_f64 + 2.0).sqrt()), (5.0, 2.0));
        assert_eq!(shifted_qr_eigenvalues(&a).unwrap(), [5.0, 2.0]);
        let s = Matrix::from_rows(&[vec![1.0, 1.0, 0.0], vec![0.0, 1.0, 1.0], vec![1.0, 0.0, 1.0]]);
        let planted = power_by_diagonalization(&s, &[3.0, -3.0, 1.0], 1).unwrap();
        let a3 = Matrix::from_rows(&[vec![0.0, -3.0, 3.0], vec![-2.0, -1.0, 2.0], vec![1.0, -1.0, 2.0]]);
        for (got, want) in planted.as_slice().iter().zip(a3.as_slice()) {
            assert!((got - want).abs() < 1e-14, "{planted:?}");
        }
        match qr_iteration(&a3, 1000, 1e-12) {
            Err(LinalgError::NotConverged { iterations: 1000, residual }) => assert_eq!(fixed(residual, 2), "1.73"),
            other => panic!("{other:?}"),
        }
        assert_eq!(shifted_qr_eigenvalues(&a3).unwrap(), [3.0000000000000004, 0.9999999999999996, -3.000000000000002]);
        let e = symmetric_eigen(&two_one()).unwrap();
        assert!(close(e.values[0], 3.0, 1e-15) && close(e.values[1], 1.0, 1e-15));
        let h = 1.0 / 2f64.sqrt();
        assert!((e.vectors[(0, 0)].abs() - h).abs() < 1e-15 && (e.vectors[(1, 1)].abs() - h).abs() < 1e-15);
        assert!((e.vectors[(0, 0)] * e.vectors[(1, 0)] - 0.5).abs() < 1e-15);
    }

    // "For the matrix with the eigenvalues 1, 2, ..., 20 of lesson 9's Wilkinson example, turned by the reflector
    // H = I - 2/20 11^T ..., your symmetric_eigen finds every eigenvalue to within 3.6 × 10^-14, where the roots of its
    // characteristic polynomial could move by 0.08 from the rounding of the coefficients alone."
    #[test]
    fn the_solver_on_the_turned_wilkinson_matrix() {
        let a = turned_wilkinson();
        assert!(a[(0, 1)] != 0.0, "the matrix is full");
        let e = symmetric_eigen(&a).unwrap();
        let error = e.values.iter().enumerate().map(|(i, v)| (v - (20 - i) as f64).abs()).fold(0.0, f64::max);
        assert_eq!(sci(error, 1), "3.6e-14");
    }
    /// The karate club's weights, symmetric, from `data/karate_edges.csv`.
    fn karate() -> Matrix {
        let mut w = Matrix::zeros(34, 34);
        for line in include_str!("../../data/karate_edges.csv").lines().skip(1) {
            let f: Vec<f64> = line.split(',').map(|x| x.parse().unwrap()).collect();
            let (i, j) = (f[0] as usize, f[1] as usize);
            w[(i, j)] = f[2];
            w[(j, i)] = f[2];
        }
        w
    }

    // Answer 1: "ln 10^-12 / ln 0.85 ≈ 170 steps. Your power_iteration stops on the karate club after 82." "1, then 0.8899
    // as the second largest and -0.6922 as the most negative ... that of G is 0.85 × 0.8899 = 0.7564 ... about
    // ln 10^-12 / ln 0.7564 ≈ 99 steps." "The last steps do shrink by about 0.76 each ... the step ... is 6.7 × 10^-9 at
    // k = 50, more than a hundred times smaller than 0.7564^50 = 8.7 × 10^-7, and a head start of a factor of about 130
    // at the rate 0.7564 is worth about 17 steps: 99 - 17 = 82."
    #[test]
    fn answer_1_pagerank_steps() {
        let w = karate();
        let n = 34;
        let s: Vec<f64> = (0..n).map(|i| w.row(i).iter().sum()).collect();
        let g = Matrix::from_fn(n, n, |i, j| 0.85 * w[(j, i)] / s[j] + 0.15 / n as f64);
        let start = vec![1.0 / n as f64; n];
        let (value, _, steps) = power_iteration(&g, &start, 1000, 1e-12).unwrap();
        assert_eq!(steps, 82);
        assert!(close(value, 1.0, 1e-12));
        assert_eq!(fixed(1e-12f64.ln() / 0.85f64.ln(), 0), "170");
        let walk = symmetric_eigen(&Matrix::from_fn(n, n, |i, j| w[(i, j)] / (s[i] * s[j]).sqrt())).unwrap();
        assert!(close(walk.values[0], 1.0, 1e-14));
        assert_eq!(
            (fixed(walk.values[1], 4), fixed(walk.values[n - 1], 4)),
            ("0.8899".to_string(), "-0.6922".to_string())
        );
        let r = 0.85 * walk.values[1];
        assert_eq!(fixed(r, 4), "0.7564");
        assert_eq!(fixed(1e-12f64.ln() / r.ln(), 0), "99");
        // The steps ‖x_{k+1} − x_k‖ of the iteration from the uniform unit vector.
        let mut x = vec![1.0 / (n as f64).sqrt(); n];
        let mut sizes = vec![];
        for _ in 0..82 {
            let (next, _) = power_step(&g, &x).unwrap();
            sizes.push(norm_l2(&sub(&next, &x)));
            x = next;
        }
        assert_eq!(sci(sizes[49], 1), "6.7e-9", "sizes[k - 1] = ‖x_k − x_(k−1)‖, the stopping test's step at k = 50");
        assert_eq!(sci(r.powi(50), 1), "8.7e-7");
        assert!(r.powi(50) / sizes[49] > 100.0);
        assert_eq!(fixed(sizes[80] / sizes[79], 2), "0.76");
        let head_start = r.powi(50) / sizes[49];
        assert_eq!((head_start / 10.0).round(), 13.0, "about 130");
        assert_eq!(fixed(head_start.ln() / (1.0 / r).ln(), 0), "17");
    }

    // The painters: "Gustav Klimt and Egon Schiele tie exactly: each is linked to only by the other, and each links to
    // two pages".
    #[test]
    fn klimt_and_schiele_tie() {
        let edges: Vec<(usize, usize)> = include_str!("../../data/painters_edges.csv")
            .lines()
            .skip(1)
            .map(|line| {
                let f: Vec<usize> = line.split(',').take(2).map(|x| x.trim().parse().unwrap()).collect();
                (f[0], f[1])
            })
            .collect();
        let (klimt, schiele) = (6, 13);
        let into = |t: usize| edges.iter().filter(|e| e.1 == t).map(|e| e.0).collect::<Vec<_>>();
        let out = |s: usize| edges.iter().filter(|e| e.0 == s).count();
        assert_eq!((into(klimt), into(schiele)), (vec![schiele], vec![klimt]));
        assert_eq!((out(klimt), out(schiele)), (2, 2));
    }

    // Answer 2: "Your qr_step returns the rows (0, 1) and (1, 0) unchanged"; "Your shifted_qr_eigenvalues returns 1 and
    // -1 exactly, without a single QR step"; the rotation: "Err(NotConverged { iterations: 0, residual: 1.0 })".
    #[test]
    fn answer_2_qr_iteration_stalls() {
        let swap = Matrix::from_rows(&[vec![0.0, 1.0], vec![1.0, 0.0]]);
        assert_eq!(qr_step(&swap).unwrap(), swap);
        assert_eq!(shifted_qr_eigenvalues(&swap).unwrap(), [1.0, -1.0]);
        let quarter = Matrix::from_rows(&[vec![0.0, -1.0], vec![1.0, 0.0]]);
        assert_eq!(
            shifted_qr_eigenvalues(&quarter).unwrap_err(),
            LinalgError::NotConverged { iterations: 0, residual: 1.0 }
        );
    }

    fn binomial(n: i128, k: i128) -> i128 {
        if k < 0 || k > n {
            return 0;
        }
        (0..k).fold(1, |r, i| r * (n - i) / (i + 1))
    }

    // Answer 3: "Your symmetric_eigen gives the smallest eigenvalue of the stored H8 as 1.1115389888448538 × 10^-10."
    // The inverse's entries, "the largest of modulus 4.2 × 10^9, all exactly representable. Your power_iteration on it,
    // from the vector of ones with the tolerance 10^-15, stops after 9 steps at 8.996535706377842 × 10^9, whose
    // reciprocal is 1.1115389663724427 × 10^-10. The two agree to a relative 2.0 × 10^-8: they share seven digits."
    // "the ratio to the next one, about 1/160"; "u × 1.696 = 1.9 × 10^-16", "a relative 1.7 × 10^-6", "its error is
    // 2.2 × 10^-18", "nearly a hundred times better".
    #[test]
    fn answer_3_the_smallest_eigenvalue_of_hilbert() {
        let n = 8_usize;
        let h = hilbert(n);
        let nn = n as i128;
        let exact: Vec<i128> = (0..n * n)
            .map(|ij| {
                let (i, j) = ((ij / n) as i128, (ij % n) as i128);
                let sign = if (i + j) % 2 == 0 { 1 } else { -1 };
                sign * (i + j + 1)
                    * binomial(nn + i, nn - j - 1)
                    * binomial(nn + j, nn - i - 1)
                    * binomial(i + j, i).pow(2)
            })
            .collect();
        assert!(exact.iter().all(|&x| x as f64 as i128 == x), "exactly representable");
        let inverse = Matrix::from_fn(n, n, |i, j| exact[i * n + j] as f64);
        let product = mat_mul(&h, &inverse).unwrap();
        assert!((0..n).all(|i| (0..n).all(|j| (product[(i, j)] - f64::from(i == j)).abs() < 1e-4)), "H · H⁻¹ ≈ I");
        assert_eq!(sci(exact.iter().map(|x| x.abs()).max().unwrap() as f64, 1), "4.2e9");
        let e = symmetric_eigen(&h).unwrap();
        let smallest = e.values[n - 1];
        assert_eq!(smallest, 1.1115389888448538e-10);
        let (largest, _, steps) = power_iteration(&inverse, &[1.0; 8], 1000, 1e-15).unwrap();
        assert_eq!((largest, steps), (8.996535706377842e9, 9));
        assert_eq!(1.0 / largest, 1.1115389663724427e-10);
        let relative = (smallest - 1.0 / largest).abs() * largest;
        assert_eq!(sci(relative, 1), "2.0e-8");
        assert_eq!(fixed(-relative.log10(), 1), "7.7");
        assert_eq!(((e.values[n - 2] / smallest) / 10.0).round(), 16.0, "about 1/160");
        assert_eq!(fixed(e.values[0], 3), "1.696");
        assert_eq!(sci(U * e.values[0], 1), "1.9e-16");
        assert_eq!(sci(U * e.values[0] / smallest, 1), "1.7e-6");
        let error = (smallest - 1.0 / largest).abs();
        assert_eq!(sci(error, 1), "2.2e-18");
        assert!((50.0..100.0).contains(&(U * e.values[0] / error)), "nearly a hundred");
        assert_eq!(h[(0, 3)], 0.25);
    }
}

mod lesson_11 {
    use super::*;
    use solutions::l11::jacobi_svd::jacobi_svd;
    use solutions::l11::pseudo_inverse::lstsq_pinv;
    use solutions::l11::rank_condition::{cond_2, numerical_rank};
    use solutions::l11::svd_via_eigen::svd_via_eigen;

    /// The worked example: rows $(3, 0)$ and $(4, 5)$.
    fn worked() -> Matrix {
        Matrix::from_rows(&[vec![3.0, 0.0], vec![4.0, 5.0]])
    }

    /// $A = U_1 \Sigma V^\top$ with $U_1$ the first four columns of $I_8 - \frac14 \mathbf 1 \mathbf 1^\top$, $V = I_4 -
    /// \frac12 \mathbf 1 \mathbf 1^\top$ and $\Sigma = \operatorname{diag}(1, 2^{-e}, 2^{-2e}, 2^{-3e})$: every entry
    /// is a short binary fraction, so $A$ is stored exactly and its singular values are exactly these.
    fn exact_svd_matrix(e: i32) -> Matrix {
        let u = |i: usize, j: usize| if i == j { 0.75 } else { -0.25 };
        let v = |i: usize, j: usize| if i == j { 0.5 } else { -0.5 };
        let s = [1.0, 2f64.powi(-e), 2f64.powi(-2 * e), 2f64.powi(-3 * e)];
        Matrix::from_fn(8, 4, |i, j| (0..4).map(|k| u(i, k) * s[k] * v(j, k)).sum())
    }

    /// The relative errors of the smallest singular value, $2^{-3e}$, from `svd_via_eigen` and `jacobi_svd`.
    fn sigma_4_errors(e: i32) -> (f64, f64, f64) {
        let a = exact_svd_matrix(e);
        let truth = 2f64.powi(-3 * e);
        let via = svd_via_eigen(&a).unwrap().s[3];
        let jac = jacobi_svd(&a).unwrap().s[3];
        (((via - truth) / truth).abs(), ((jac - truth) / truth).abs(), via)
    }

    // "Its Gram matrix AᵀA = [[25, 20], [20, 25]] has eigenvalues 45 and 5 with eigenvectors (1, 1)/√2 and
    // (−1, 1)/√2", u₁ = (1, 3)/√10, u₂ = (−3, 1)/√10, "u₁ · u₂ = (−3 + 3)/10 = 0", "|det A| = 15 = σ₁σ₂",
    // "‖A‖_F² = 9 + 16 + 25 = 50", "Your jacobi_svd returns σ = (6.708203932499369, 2.23606797749979), that is 3√5
    // and √5 to the last digit." "For the worked example, κ₂ = 3√5/√5 = 3, and cond_2 returns exactly 3."
    #[test]
    fn the_worked_example() {
        let a = worked();
        let g = solutions::l06::normal_equations::gram(&a);
        assert_eq!(g, Matrix::from_rows(&[vec![25.0, 20.0], vec![20.0, 25.0]]));
        let r = std::f64::consts::FRAC_1_SQRT_2;
        for (v, lambda) in [([r, r], 45.0), ([-r, r], 5.0)] {
            let gv = [25.0 * v[0] + 20.0 * v[1], 20.0 * v[0] + 25.0 * v[1]];
            assert!((gv[0] - lambda * v[0]).abs() < 1e-13 && (gv[1] - lambda * v[1]).abs() < 1e-13);
        }
        // u_i = A v_i / σ_i, exactly (1, 3)/√10 and (−3, 1)/√10 up to rounding.
        let t = 10f64.sqrt();
        let u1 = [3.0 * r / 45f64.sqrt(), (4.0 * r + 5.0 * r) / 45f64.sqrt()];
        let u2 = [-3.0 * r / 5f64.sqrt(), (-4.0 * r + 5.0 * r) / 5f64.sqrt()];
        assert!(close(u1[0], 1.0 / t, 1e-15) && close(u1[1], 3.0 / t, 1e-15), "{u1:?}");
        assert!(close(u2[0], -3.0 / t, 1e-15) && close(u2[1], 1.0 / t, 1e-15), "{u2:?}");
        assert_eq!(1.0 * -3.0 + 3.0 * 1.0, 0.0);
        assert_eq!(3.0 * 5.0 - 0.0 * 4.0, 15.0);
        assert!(close(45f64.sqrt() * 5f64.sqrt(), 15.0, 1e-15));
        assert_eq!(9.0 + 16.0 + 25.0, 50.0);
        let svd = jacobi_svd(&a).unwrap();
        assert_eq!(svd.s, [6.708203932499369, 2.23606797749979]);
        assert_eq!(svd.s, [3.0 * 5f64.sqrt(), 5f64.sqrt()]);
        assert_eq!(cond_2(&a).unwrap(), 3.0);
    }

    // The measured table: κ₂ = 2^9 ... 2^30 with u·κ₂², u·κ₂ and the relative errors of σ₄ from svd_via_eigen and
    // jacobi_svd; "loses σ₄ entirely from κ₂ = 2^27, just past 1/√u ≈ 9.5 × 10^7: there σ₄² = 2^-54 = u/2";
    // "Up to κ₂ = 2^24, the AᵀA route follows u·κ₂², between 3 and 20 times below it"; "One-sided Jacobi stays
    // below u·κ₂"; "at κ₂ = 2^21 it keeps eleven digits of σ₄ where the AᵀA route keeps four".
    // The svd_via_eigen column runs on lesson 10's symmetric_eigen (Householder tridiagonalization and implicit
    // Wilkinson-shifted QR).
    #[test]
    fn the_gram_route_loses_kappa_squared() {
        let rows: [(i32, &str, &str, &str, &str, &str); 6] = [
            (3, "5.1e2", "2.9e-11", "4e-12", "5.7e-14", "2e-14"),
            (5, "3.3e4", "1.2e-7", "4e-8", "3.6e-12", "7e-14"),
            (7, "2.1e6", "4.9e-4", "4e-5", "2.3e-10", "1e-11"),
            (8, "1.7e7", "3.1e-2", "2e-3", "1.9e-9", "6e-11"),
            (9, "1.3e8", "2.0e0", "1e0", "1.5e-8", "5e-10"),
            (10, "1.1e9", "1.3e2", "2e0", "1.2e-7", "2e-8"),
        ];
        for (e, kappa, uk2, via, uk, jac) in rows {
            let k = 2f64.powi(3 * e);
            assert_eq!(sci(k, 1), kappa);
            assert_eq!(sci(U * k * k, 1), uk2);
            assert_eq!(sci(U * k, 1), uk);
            let (v, j, _) = sigma_4_errors(e);
            assert_eq!(sci(v, 0), via, "svd_via_eigen at 2^{}", 3 * e);
            assert_eq!(sci(j, 0), jac, "jacobi_svd at 2^{}", 3 * e);
            assert!(j < U * k, "Jacobi stays below u·κ at 2^{}", 3 * e);
            if e <= 8 {
                let ratio = U * k * k / v;
                assert!((3.0..=20.0).contains(&ratio.round()), "{ratio}");
            }
        }
        assert_eq!(sigma_4_errors(9).2, 0.0);
        assert_eq!(sci(1.0 / U.sqrt(), 1), "9.5e7");
        // "Once σ_n < √u·σ₁, about 10^-8·σ₁, nothing of it is left".
        assert_eq!(sci(U.sqrt(), 0), "1e-8");
        assert_eq!(2f64.powi(-54), U / 2.0);
        let (v, j, _) = sigma_4_errors(7);
        assert_eq!((-j.log10()).round(), 11.0);
        assert_eq!((-v.log10()).round(), 4.0);
    }

    // "Of the two roots take the smaller ... |t| ≤ 1, a rotation by at most 45°".
    #[test]
    fn the_jacobi_rotation_is_at_most_45_degrees() {
        for zeta in [-1e300, -3.0, -1.0, -1e-9, 0.0, 1e-9, 0.5, 1.0, 7.0, 1e300] {
            let t =
                if zeta >= 0.0 { 1.0 / (zeta + f64::hypot(zeta, 1.0)) } else { -1.0 / (-zeta + f64::hypot(zeta, 1.0)) };
            assert!(t.abs() <= 1.0 && t.atan().abs().to_degrees() <= 45.0 + 1e-12, "{zeta}: {t}");
            // t solves t² + 2ζt − 1 = 0.
            if zeta.abs() < 1e10 {
                assert!((t * t + 2.0 * zeta * t - 1.0).abs() < 1e-12, "{zeta}");
            }
        }
        assert_eq!(1.0 / (0.0 + f64::hypot(0.0, 1.0)), 1.0);
    }

    // "for A with rows (1, 1) and (1, 1) and b = (2, 2) ... your lstsq_pinv returns the shortest,
    // (0.9999999999999998, 0.9999999999999998), that is (1, 1) up to two units in the last place".
    // "For the matrix with rows (1, 2, 3), (2, 4, 6), (1, 0, 1) ... your jacobi_svd returns σ₁ = 8.435448516,
    // σ₂ = 0.9182637625 and a σ₃ that is rounding noise, far below τ (or exactly 0), and numerical_rank returns 2."
    #[test]
    fn pseudo_inverse_and_rank_examples() {
        let a = Matrix::from_rows(&[vec![1.0, 1.0], vec![1.0, 1.0]]);
        let x = lstsq_pinv(&a, &[2.0, 2.0]).unwrap();
        assert_eq!(x, [0.9999999999999998, 0.9999999999999998]);
        assert_eq!(x[0], 1.0 - 2.0 * f64::EPSILON / 2.0);
        let b = Matrix::from_rows(&[vec![1.0, 2.0, 3.0], vec![2.0, 4.0, 6.0], vec![1.0, 0.0, 1.0]]);
        let s = jacobi_svd(&b).unwrap().s;
        assert_eq!(fixed(s[0], 9), "8.435448516");
        assert_eq!(fixed(s[1], 10), "0.9182637625");
        assert!(s[2] <= 3.0 * f64::EPSILON * s[0] / 1e6, "{}", s[2]);
        assert_eq!(numerical_rank(&b).unwrap(), 2);
    }

    // How your code is checked: "the row (3, 4), whose A⁺ is the column (0.12, 0.16); the 2 × 2 matrix of ones,
    // whose A⁺ is the same matrix divided by 4".
    #[test]
    fn pseudo_inverse_check_examples() {
        let p = solutions::l11::pseudo_inverse::pseudo_inverse(&Matrix::from_rows(&[vec![3.0, 4.0]])).unwrap();
        assert_eq!(p.shape(), (2, 1));
        assert!(close(p[(0, 0)], 0.12, 1e-15) && close(p[(1, 0)], 0.16, 1e-15), "{p:?}");
        assert_eq!((3.0 / 25.0, 4.0 / 25.0), (0.12, 0.16));
        let ones =
            solutions::l11::pseudo_inverse::pseudo_inverse(&Matrix::from_rows(&[vec![1.0; 2], vec![1.0; 2]])).unwrap();
        assert!(ones.as_slice().iter().all(|&x| close(x, 0.25, 1e-15)), "{ones:?}");
    }

    // The algorithm, step 4: "After 80 sweeps without that, return Err(NotConverged { iterations: 80, residual })
    // ...; in practice only non-finite input gets there."
    #[test]
    fn jacobi_gives_up_after_80_sweeps_on_nan() {
        let a = Matrix::from_rows(&[vec![1.0, f64::NAN], vec![2.0, 3.0]]);
        assert!(matches!(jacobi_svd(&a), Err(LinalgError::NotConverged { iterations: 80, .. })));
    }

    // Apply it: "The camera image (data/camera_256.pgm ...), 256 × 256 grey levels from 0 to 255"; the figure:
    // the storage line "reaching 1 near k = 128". Question 3: "513k < 65536 exactly when k ≤ 127", "8 · 513k <
    // 65536, that is k ≤ 15, and with four-byte floats k ≤ 31".
    #[test]
    fn camera_storage() {
        let pgm = include_bytes!("../../data/camera_256.pgm");
        assert!(pgm.starts_with(b"P5"));
        let header: Vec<&[u8]> = pgm.split(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty()).take(4).collect();
        assert_eq!(header, [&b"P5"[..], b"256", b"256", b"255"]);
        let (m, n) = (256usize, 256usize);
        assert_eq!(m + n + 1, 513);
        assert_eq!(m * n, 65536);
        assert_eq!(fixed(65536.0 / 513.0, 0), "128");
        let last = |bytes: usize| (1..).take_while(|k| bytes * 513 * k < 65536).last().unwrap();
        assert_eq!(last(1), 127);
        assert_eq!(last(8), 15);
        assert_eq!(last(4), 31);
    }

    // ANSWERS 1: the table for δ = 1e-6 and 1e-8: κ₂ ≈ 1.4e6 and 1.4e8, svd_via_eigen's σ₂ = 1.0000444493033002e-6
    // and 0, jacobi_svd's exactly 1e-6 and 1e-8; "four digits at δ = 10^-6, as u·κ₂² ≈ 2 × 10^-4 predicts"; "Both
    // return σ₁ correctly to the last digit or so"; "δ² = 10^-16 is less than half the spacing of the doubles near
    // 1 (2^-52 ≈ 2.2 × 10^-16), so 1 + δ² rounds to exactly 1"; "that bound is about 10^-8 at δ = 10^-8".
    #[test]
    fn lauchli_through_the_gram_matrix_and_by_jacobi() {
        let lauchli = |d: f64| Matrix::from_rows(&[vec![1.0, 1.0], vec![d, 0.0], vec![0.0, d]]);
        for (d, kappa, via) in [(1e-6, "1.4e6", 1.0000444493033002e-6), (1e-8, "1.4e8", 0.0)] {
            let a = lauchli(d);
            let exact = (2.0 + d * d).sqrt();
            assert_eq!(sci(exact / d, 1), kappa);
            let (v, j) = (svd_via_eigen(&a).unwrap().s, jacobi_svd(&a).unwrap().s);
            assert_eq!(v[1], via);
            assert_eq!(j[1], d);
            for s1 in [v[0], j[0]] {
                assert!(close(s1, exact, 2.0 * f64::EPSILON), "{s1} vs {exact}");
            }
        }
        let v = svd_via_eigen(&lauchli(1e-6)).unwrap().s[1];
        assert_eq!((-((v - 1e-6) / 1e-6).abs().log10()).floor(), 4.0);
        let k = 2f64.sqrt() / 1e-6;
        assert_eq!(sci(U * k * k, 0), "2e-4");
        assert_eq!(1e-16_f64.total_cmp(&(f64::EPSILON / 2.0)), std::cmp::Ordering::Less);
        assert_eq!(sci(f64::EPSILON, 1), "2.2e-16");
        assert_eq!(1.0 + 1e-16, 1.0);
        assert_eq!(
            solutions::l06::normal_equations::gram(&lauchli(1e-8)),
            Matrix::from_rows(&[vec![1.0, 1.0], vec![1.0, 1.0]])
        );
        let k8 = 2f64.sqrt() / 1e-8;
        assert!((1e-8..1e-7).contains(&(U * k8)));
    }
}

mod lesson_12 {
    use super::*;
    use solutions::l11::jacobi_svd::jacobi_svd;
    use solutions::l11::rank_condition::numerical_rank;
    use solutions::l12::center::center;
    use solutions::l12::linear_layer::gradients;
    use solutions::l12::pca::pca;
    use solutions::l12::project::{project, reconstruct};
    use solutions::l12::ridge_svd::{filter_factors, ridge_svd};
    use vocab::{Layer, Pca};

    /// `data/wine.csv`: the header and the 13 measurements of the 178 wines (the class dropped).
    fn wine() -> (Vec<String>, Matrix) {
        let (header, rows) = numeric_csv(include_str!("../../data/wine.csv"));
        assert_eq!(header.len(), 14);
        (header[..13].to_vec(), Matrix::from_fn(rows.len(), 13, |i, j| rows[i][j]))
    }

    /// `data/digits.csv`: 1797 images of 64 pixels, the label in the last column, no header.
    fn digits() -> (Matrix, Vec<usize>) {
        let rows: Vec<Vec<f64>> = include_str!("../../data/digits.csv")
            .lines()
            .map(|l| l.split(',').map(|x| x.parse().unwrap()).collect())
            .collect();
        assert!(rows.iter().all(|r| r.len() == 65));
        (Matrix::from_fn(rows.len(), 64, |i, j| rows[i][j]), rows.iter().map(|r| r[64] as usize).collect())
    }

    fn select_rows(x: &Matrix, idx: &[usize]) -> Matrix {
        Matrix::from_fn(idx.len(), x.ncols(), |i, j| x[(idx[i], j)])
    }

    /// ‖X − X̂‖_F² after projecting on `p`'s components and reconstructing.
    fn missed(p: &Pca, x: &Matrix) -> f64 {
        let back = reconstruct(p, &project(p, x).unwrap()).unwrap();
        x.as_slice().iter().zip(back.as_slice()).map(|(a, b)| (a - b) * (a - b)).sum()
    }

    /// ‖X − 1 meanᵀ‖_F².
    fn spread(x: &Matrix, mean: &[f64]) -> f64 {
        (0..x.nrows()).map(|i| (0..x.ncols()).map(|j| (x[(i, j)] - mean[j]).powi(2)).sum::<f64>()).sum()
    }

    // "When to standardize": "the 13 chemical measurements of the wine data ... range from hues between 0.48 and 1.71
    // through an alcohol content near 13 and magnesium near 100 to proline between 278 and 1680, whose variance is
    // hundreds of times that of the next one, magnesium, and unstandardized PCA of wine finds proline and little
    // else." "the 64 pixels of a digit are all grey levels from 0 to 16".
    #[test]
    fn wine_needs_standardizing() {
        let (header, x) = wine();
        assert_eq!(x.shape(), (178, 13));
        let col = |name: &str| x.column(header.iter().position(|h| h == name).unwrap());
        let range =
            |v: Vec<f64>| (v.iter().copied().fold(f64::INFINITY, f64::min), v.iter().copied().fold(0.0, f64::max));
        let mean = |v: Vec<f64>| v.iter().sum::<f64>() / v.len() as f64;
        assert_eq!(range(col("hue")), (0.48, 1.71));
        assert_eq!(range(col("proline")), (278.0, 1680.0));
        assert_eq!(mean(col("alcohol")).round(), 13.0);
        assert_eq!(mean(col("magnesium")).round(), 100.0);
        let c = solutions::l12::covariance::covariance(&x).unwrap();
        let mut variances: Vec<(f64, &str)> = (0..13).map(|j| (c[(j, j)], header[j].as_str())).collect();
        variances.sort_by(|a, b| b.0.total_cmp(&a.0));
        assert_eq!((variances[0].1, variances[1].1), ("proline", "magnesium"));
        let ratio = variances[0].0 / variances[1].0;
        assert!((100.0..1000.0).contains(&ratio), "{ratio}");
        let p = pca(&x, 1).unwrap();
        let proline = header.iter().position(|h| h == "proline").unwrap();
        assert!(p.components[(0, proline)].abs() > 0.99 && p.explained_variance_ratio[0] > 0.99, "{p:?}");
        let (d, _) = digits();
        assert_eq!(range(d.as_slice().to_vec()), (0.0, 16.0));
    }

    // The worked example: "The four samples (2, 0), (0, 1), (−2, 0), (0, −1) have mean 0, and X_c = X has orthogonal
    // columns of lengths √8 and √2: σ = (2√2, √2), the first component is ±(1, 0), and its explained variance is 8/3
    // with ratio 8/10. Your pca with k = 1 returns the component (1, 0), the explained variance 2.6666666666666674
    // (that is 8/3 up to two units in the last place) and the ratio 0.8."
    #[test]
    fn the_worked_pca() {
        let x = Matrix::from_rows(&[vec![2.0, 0.0], vec![0.0, 1.0], vec![-2.0, 0.0], vec![0.0, -1.0]]);
        let s = jacobi_svd(&x).unwrap().s;
        assert!(close(s[0], 8f64.sqrt(), 1e-15) && close(s[1], 2f64.sqrt(), 1e-15), "{s:?}");
        let p = pca(&x, 1).unwrap();
        assert_eq!(p.mean, [0.0, 0.0]);
        assert_eq!(p.components.row(0), [1.0, 0.0]);
        assert_eq!(p.explained_variance, [2.6666666666666674]);
        let third: f64 = 8.0 / 3.0;
        assert_eq!(p.explained_variance[0], f64::from_bits(third.to_bits() + 2));
        assert_eq!(p.explained_variance_ratio, [0.8]);
    }

    // Ridge's worked example: "σ = (2.6762431989952593, 0.9152717300515847), and with λ = 1 the filter factors are
    // f = (0.8775, 0.4558) ... Your ridge_svd returns x₁ = (0.8000000000000002, 1.2666666666666668), lesson 6's
    // (4/5, 19/15) from (AᵀA + I)x = Aᵀb, against the least-squares (5/6, 3/2) at λ = 0."
    #[test]
    fn the_worked_ridge() {
        let a = Matrix::from_rows(&[vec![1.0, 0.0], vec![1.0, 1.0], vec![1.0, 2.0]]);
        let b = [1.0, 2.0, 4.0];
        let s = jacobi_svd(&a).unwrap().s;
        assert_eq!(s, [2.6762431989952593, 0.9152717300515847]);
        assert_eq!(fixed_all(&filter_factors(&s, 1.0), 4), ["0.8775", "0.4558"]);
        let x = ridge_svd(&a, &b, 1.0).unwrap();
        assert_eq!(x, [0.8000000000000002, 1.2666666666666668]);
        assert!(close(x[0], 4.0 / 5.0, 1e-15) && close(x[1], 19.0 / 15.0, 1e-15));
        let ls = ridge_svd(&a, &b, 0.0).unwrap();
        assert!(close(ls[0], 5.0 / 6.0, 1e-14) && close(ls[1], 1.5, 1e-14), "{ls:?}");
    }

    // How your code is checked: "the column (0.7, 0.7, 0.7), whose computed mean is not exactly 0.7" (your
    // mean_vector adds the rows and scales by 1/n); the mean of (0.1, 0.1, 0.1) comes out exactly 0.1.
    #[test]
    fn a_constant_column_whose_mean_rounds() {
        let column = |v: f64| Matrix::from_rows(&[vec![v], vec![v], vec![v]]);
        let (_, mean) = center(&column(0.7)).unwrap();
        assert_eq!(mean, [0.6999999999999998]);
        assert_ne!(mean[0], 0.7);
        assert_eq!(center(&column(0.1)).unwrap().1, [0.1]);
    }

    // "e^z overflows for z above about 709.78".
    #[test]
    fn exp_overflows_above_709_78() {
        assert_eq!(fixed(f64::MAX.ln(), 2), "709.78");
        assert!(709.78f64.exp().is_finite() && 709.79f64.exp().is_infinite());
    }

    // ANSWERS 1: "Your jacobi_svd of the centred 1797 × 64 pixel matrix gives σ₁ = 567.0 and, of the 61 nonzero
    // singular values, the smallest σ₆₁ = 0.86: a ratio of about 660 between the spreads, about 4.3 × 10^5 between the
    // curvatures. The three other singular values are exactly 0, because pixels 0, 32 and 39 are 0 in every image:
    // numerical_rank of the centred data is 61." ANSWERS 2: the columns of the weights' gradient add up to zero.
    #[test]
    fn the_digits_spectrum() {
        let (x, labels) = digits();
        assert_eq!(x.shape(), (1797, 64));
        let zero: Vec<usize> = (0..64).filter(|&j| x.column(j).iter().all(|&v| v == 0.0)).collect();
        assert_eq!(zero, [0, 32, 39]);
        let (xc, _) = center(&x).unwrap();
        let s = jacobi_svd(&xc).unwrap().s;
        assert_eq!(fixed(s[0], 1), "567.0");
        assert_eq!(fixed(s[60], 2), "0.86");
        assert_eq!(&s[61..], [0.0, 0.0, 0.0]);
        assert_eq!(numerical_rank(&xc).unwrap(), 61);
        assert_eq!((s[0] / s[60] / 10.0).round() * 10.0, 660.0);
        assert_eq!(sci((s[0] / s[60]).powi(2), 1), "4.3e5");
        // The gradient's columns add up to zero over the outputs (a layer with small random-looking weights).
        let layer = Layer {
            weights: Matrix::from_fn(10, 64, |c, j| ((c * 64 + j) as f64 * 0.37).sin() * 0.01),
            bias: (0..10).map(|c| c as f64 * 0.1).collect(),
        };
        let few: Vec<usize> = (0..200).collect();
        let g = gradients(&layer, &select_rows(&x, &few), &labels[..200]).unwrap();
        let size = g.weights.as_slice().iter().fold(0.0f64, |m, x| m.max(x.abs()));
        for j in 0..64 {
            assert!((0..10).map(|c| g.weights[(c, j)]).sum::<f64>().abs() <= 1e-14 * size);
        }
        assert!(g.bias.iter().sum::<f64>().abs() < 1e-15);
    }

    // ANSWERS 1: "the standardized pixels of the 1438 training images have σ₁ = 102.7 and σ₆₁ = 8.34, a ratio of 12.3";
    // "the 20 whitened scores have all their singular values equal to √(n − 1) = 37.9"; "the largest initial curvature
    // is about σ₁²/(10n) = 0.73 for the standardized pixels and 0.10 for the whitened scores"; "a step about seven times
    // larger"; "After one step of your train the losses are 0.966 (pixels) and 1.805 (components), from ln 10 = 2.303;
    // both histories go down at every one of the 60 steps"; "max‖x_i‖² is 1949 for the standardized pixels, an image
    // with ink in pixel 48, which is nonzero in only 4 of the 1438 training images and so standardizes to 35, and 49.7
    // for the scores"; "in the demo its gap between the training and the held-out loss is the smaller of the two".
    #[test]
    fn standardized_pixels_against_whitened_components() {
        use solutions::l12::center::standardize;
        use solutions::l12::linear_layer::{forward, train};
        use solutions::l12::softmax::cross_entropy;
        let (x, labels) = digits();
        let train_rows: Vec<usize> = (0..x.nrows()).filter(|i| i % 5 != 4).collect();
        let test_rows: Vec<usize> = (0..x.nrows()).filter(|i| i % 5 == 4).collect();
        let (xtr, xte) = (select_rows(&x, &train_rows), select_rows(&x, &test_rows));
        let ytr: Vec<usize> = train_rows.iter().map(|&i| labels[i]).collect();
        let yte: Vec<usize> = test_rows.iter().map(|&i| labels[i]).collect();
        let n = xtr.nrows() as f64;
        let (z, mean, sd) = standardize(&xtr).unwrap();
        let s = jacobi_svd(&z).unwrap().s;
        assert_eq!(
            (fixed(s[0], 1), fixed(s[60], 2), fixed(s[0] / s[60], 1)),
            ("102.7".into(), "8.34".into(), "12.3".into())
        );
        assert_eq!(&s[61..], [0.0, 0.0, 0.0]);
        let p = pca(&xtr, 20).unwrap();
        let (w, wmean, wsd) = standardize(&project(&p, &xtr).unwrap()).unwrap();
        let sw = jacobi_svd(&w).unwrap().s;
        assert!(sw.iter().all(|&v| close(v, (n - 1.0).sqrt(), 1e-12)), "{sw:?}");
        assert_eq!(fixed((n - 1.0).sqrt(), 1), "37.9");
        let (cz, cw) = (s[0] * s[0] / (10.0 * n), sw[0] * sw[0] / (10.0 * n));
        assert_eq!((fixed(cz, 2), fixed(cw, 2)), ("0.73".into(), "0.10".into()));
        assert_eq!((cz / cw).round(), 7.0);
        let squared =
            |m: &Matrix| (0..m.nrows()).map(|i| m.row(i).iter().map(|v| v * v).sum::<f64>()).collect::<Vec<_>>();
        let (nz, nw) = (squared(&z), squared(&w));
        let top = nz.iter().copied().fold(0.0, f64::max);
        assert_eq!((top.round(), fixed(nw.iter().copied().fold(0.0, f64::max), 1)), (1949.0, "49.7".to_string()));
        let row = nz.iter().position(|&v| v == top).unwrap();
        let pixel = (0..64).max_by(|&a, &b| z[(row, a)].abs().total_cmp(&z[(row, b)].abs())).unwrap();
        assert_eq!(pixel, 48);
        assert_eq!((0..xtr.nrows()).filter(|&i| xtr[(i, 48)] != 0.0).count(), 4);
        assert_eq!(z[(row, 48)].round(), 35.0);
        // Training from the zero layer with η = 1, 60 steps, as the demo does.
        let ln10 = 10f64.ln();
        assert_eq!(fixed(ln10, 3), "2.303");
        let start = |d: usize| Layer { weights: Matrix::zeros(10, d), bias: vec![0.0; 10] };
        let (lz, hz) = train(&start(64), &z, &ytr, 1.0, 60).unwrap();
        let (lw, hw) = train(&start(20), &w, &ytr, 1.0, 60).unwrap();
        assert!(close(hz[0], ln10, 1e-13) && close(hw[0], ln10, 1e-13), "{} {}", hz[0], hw[0]);
        assert_eq!((fixed(hz[1], 3), fixed(hw[1], 3)), ("0.966".into(), "1.805".into()));
        assert!(hz.windows(2).all(|p| p[1] <= p[0]) && hw.windows(2).all(|p| p[1] <= p[0]));
        // Held-out losses, with the training statistics.
        let zte =
            Matrix::from_fn(xte.nrows(), 64, |i, j| if sd[j] > 0.0 { (xte[(i, j)] - mean[j]) / sd[j] } else { 0.0 });
        let ste = project(&p, &xte).unwrap();
        let wte = Matrix::from_fn(ste.nrows(), 20, |i, j| (ste[(i, j)] - wmean[j]) / wsd[j]);
        let gz = cross_entropy(&forward(&lz, &zte).unwrap(), &yte).unwrap() - hz[60];
        let gw = cross_entropy(&forward(&lw, &wte).unwrap(), &yte).unwrap() - hw[60];
        assert!(gw < gz, "{gw} {gz}");
    }

    // ANSWERS 3: "Hold out every fifth image (359 test images, 1438 for training), fit your pca with k = 20 once on the
    // training images and once on all 1797": missed share 0.105 (training, honest), 0.110 (test, honest), 0.105 (test,
    // leaky); "five per cent better than they really are".
    #[test]
    fn pca_fitted_on_the_test_set_flatters_it() {
        let (x, _) = digits();
        let train: Vec<usize> = (0..x.nrows()).filter(|i| i % 5 != 4).collect();
        let test: Vec<usize> = (0..x.nrows()).filter(|i| i % 5 == 4).collect();
        assert_eq!((test.len(), train.len()), (359, 1438));
        let (xtr, xte) = (select_rows(&x, &train), select_rows(&x, &test));
        let honest = pca(&xtr, 20).unwrap();
        let leaky = pca(&x, 20).unwrap();
        let share = |p: &Pca, d: &Matrix| missed(p, d) / spread(d, &honest.mean);
        let (train_honest, test_honest, test_leaky) = (share(&honest, &xtr), share(&honest, &xte), share(&leaky, &xte));
        assert_eq!(fixed(train_honest, 3), "0.105");
        assert_eq!(fixed(test_honest, 3), "0.110");
        assert_eq!(fixed(test_leaky, 3), "0.105");
        assert_eq!((100.0 * (test_honest / test_leaky - 1.0)).round(), 5.0);
    }
}
