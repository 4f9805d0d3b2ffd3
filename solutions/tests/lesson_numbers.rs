//! Owns every number quoted in the text of lessons 1 and 2 (the two READMEs and the two ANSWERS.md):
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
