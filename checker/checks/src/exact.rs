//! Exact rational arithmetic for small integer matrices: the reference reduced
//! row echelon form, rank and pivot columns, decided without any tolerance.
//!
//! The checks of lesson 4 generate integer matrices (entries of a few dozen at
//! most, at most 6×6), so every quantity of Gauss–Jordan elimination is a
//! fraction whose numerator and denominator are minors of the matrix: by
//! Hadamard's bound below 10¹⁸, and their products below 10³⁶ < 2¹²⁷. A few
//! hand-written inputs hold dyadic fractions such as 2⁻³⁰ in tiny matrices.
//! The arithmetic is checked all the same: an overflow is a checker bug, and
//! it panics instead of answering wrongly.

use std::fmt;

/// A fraction `num / den` in lowest terms with `den > 0`.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Rational {
    num: i128,
    den: i128,
}

fn gcd(mut a: i128, mut b: i128) -> i128 {
    a = a.abs();
    b = b.abs();
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

const OVERFLOW: &str = "exact rational arithmetic overflowed i128: the checker's matrices must stay small";

impl Rational {
    pub const ZERO: Self = Self { num: 0, den: 1 };
    pub const ONE: Self = Self { num: 1, den: 1 };

    /// The integer `n`.
    pub fn int(n: i64) -> Self {
        Self { num: i128::from(n), den: 1 }
    }

    fn new(num: i128, den: i128) -> Self {
        assert!(den != 0, "division by zero in exact arithmetic");
        let g = gcd(num, den).max(1);
        let s = if den < 0 { -1 } else { 1 };
        Self { num: s * num / g, den: s * den / g }
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    /// The nearest `f64` (within one or two roundings).
    pub fn to_f64(self) -> f64 {
        self.num as f64 / self.den as f64
    }

    pub fn abs(self) -> Self {
        Self { num: self.num.abs(), den: self.den }
    }

    /// `self > o`.
    pub fn greater(self, o: Self) -> bool {
        // Denominators are positive, so compare the cross products.
        self.num.checked_mul(o.den).expect(OVERFLOW) > o.num.checked_mul(self.den).expect(OVERFLOW)
    }
}

impl std::ops::Add for Rational {
    type Output = Self;
    fn add(self, o: Self) -> Self {
        let num = self
            .num
            .checked_mul(o.den)
            .and_then(|x| o.num.checked_mul(self.den).and_then(|y| x.checked_add(y)))
            .expect(OVERFLOW);
        Self::new(num, self.den.checked_mul(o.den).expect(OVERFLOW))
    }
}

impl std::ops::Sub for Rational {
    type Output = Self;
    fn sub(self, o: Self) -> Self {
        self + Self { num: -o.num, den: o.den }
    }
}

impl std::ops::Mul for Rational {
    type Output = Self;
    fn mul(self, o: Self) -> Self {
        // Cross-reduce first to keep the intermediate products small.
        let g1 = gcd(self.num, o.den).max(1);
        let g2 = gcd(o.num, self.den).max(1);
        let num = (self.num / g1).checked_mul(o.num / g2).expect(OVERFLOW);
        let den = (self.den / g2).checked_mul(o.den / g1).expect(OVERFLOW);
        Self::new(num, den)
    }
}

impl std::ops::Div for Rational {
    type Output = Self;
    fn div(self, o: Self) -> Self {
        assert!(!o.is_zero(), "division by zero in exact arithmetic");
        self * Self::new(o.den, o.num)
    }
}

impl fmt::Debug for Rational {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 1 { write!(f, "{}", self.num) } else { write!(f, "{}/{}", self.num, self.den) }
    }
}

/// `x` as an exact fraction, when it is an integer of at most 2⁴⁰ in magnitude
/// or such an integer times 2^−k, k ≤ 40 (the only numbers the checks store).
pub fn from_f64(x: f64) -> Option<Rational> {
    let mut k = 0;
    let mut y = x;
    while y != y.trunc() {
        if k == 40 {
            return None;
        }
        y *= 2.0;
        k += 1;
    }
    (y.abs() <= 2f64.powi(40)).then(|| Rational::new(y as i128, 1 << k))
}

/// The integers of a matrix given as `f64` rows, or `None` when an entry is not
/// an integer of at most 2³¹ in magnitude.
pub fn integers(rows: &[Vec<f64>]) -> Option<Vec<Vec<i64>>> {
    rows.iter()
        .map(|r| r.iter().map(|&x| (x == x.trunc() && x.abs() <= 2f64.powi(31)).then_some(x as i64)).collect())
        .collect()
}

/// A matrix of `f64` rows as exact fractions (see [`from_f64`]), or `None`.
pub fn rationals(rows: &[Vec<f64>]) -> Option<Vec<Vec<Rational>>> {
    rows.iter().map(|r| r.iter().map(|&x| from_f64(x)).collect()).collect()
}

/// The exact reduced row echelon form of a matrix.
#[derive(Clone, Debug)]
pub struct ExactRref {
    /// `m × n`, in lowest terms.
    pub r: Vec<Vec<Rational>>,
    /// Pivot columns, increasing; their number is the rank.
    pub pivots: Vec<usize>,
}

impl ExactRref {
    pub fn rank(&self) -> usize {
        self.pivots.len()
    }

    /// Columns without a pivot, increasing.
    pub fn free_columns(&self, n: usize) -> Vec<usize> {
        (0..n).filter(|j| !self.pivots.contains(j)).collect()
    }

    /// `R` rounded to `f64`, row by row.
    pub fn to_f64(&self) -> Vec<Vec<f64>> {
        self.r.iter().map(|row| row.iter().map(|x| x.to_f64()).collect()).collect()
    }

    /// The special solutions of `Rx = 0`, one per free column (n of them per vector), rounded to `f64`.
    pub fn null_basis(&self, n: usize) -> Vec<Vec<f64>> {
        self.free_columns(n)
            .into_iter()
            .map(|f| {
                let mut v = vec![0.0; n];
                v[f] = 1.0;
                for (i, &p) in self.pivots.iter().enumerate() {
                    v[p] = -self.r[i][f].to_f64();
                }
                v
            })
            .collect()
    }
}

/// Gauss–Jordan elimination in exact arithmetic on an `m × n` matrix of
/// fractions (`n` is given so that a matrix with no rows still has a width).
pub fn rref(a: &[Vec<Rational>], n: usize) -> ExactRref {
    let m = a.len();
    let mut r = a.to_vec();
    let mut pivots = Vec::new();
    for j in 0..n {
        let row = pivots.len();
        if row == m {
            break;
        }
        // Any nonzero entry is an exact pivot; take the largest to keep numbers small.
        let mut p = row;
        for i in row + 1..m {
            if r[i][j].abs().greater(r[p][j].abs()) {
                p = i;
            }
        }
        if r[p][j].is_zero() {
            continue;
        }
        r.swap(row, p);
        let pivot = r[row][j];
        for x in &mut r[row] {
            *x = *x / pivot;
        }
        let pivot_row = r[row].clone();
        for (i, target) in r.iter_mut().enumerate() {
            if i == row || target[j].is_zero() {
                continue;
            }
            let factor = target[j];
            for (x, y) in target.iter_mut().zip(&pivot_row) {
                *x = *x - factor * *y;
            }
        }
        pivots.push(j);
    }
    ExactRref { r, pivots }
}

/// The exact rank of an integer matrix.
pub fn rank(a: &[Vec<i64>], n: usize) -> usize {
    rref(&ints(a), n).rank()
}

/// An integer matrix as fractions.
pub fn ints(a: &[Vec<i64>]) -> Vec<Vec<Rational>> {
    a.iter().map(|row| row.iter().map(|&x| Rational::int(x)).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fractions_stay_in_lowest_terms() {
        let third = Rational::int(1) / Rational::int(3);
        assert_eq!(third + third + third, Rational::ONE);
        assert_eq!(Rational::int(2) / Rational::int(-4), Rational::int(-1) / Rational::int(2));
        assert_eq!(format!("{:?}", Rational::int(6) / Rational::int(-9)), "-2/3");
    }

    #[test]
    fn rref_of_textbook_matrices() {
        let e = rref(&ints(&[vec![1, 2, 3], vec![2, 4, 7]]), 3);
        assert_eq!(e.pivots, vec![0, 2]);
        assert_eq!(e.to_f64(), vec![vec![1.0, 2.0, 0.0], vec![0.0, 0.0, 1.0]]);
        assert_eq!(e.null_basis(3), vec![vec![-2.0, 1.0, 0.0]]);
        assert_eq!(rank(&[vec![1, 2, 3], vec![4, 5, 6], vec![7, 8, 9]], 3), 2);
        assert_eq!(rank(&[vec![0, 0], vec![0, 0]], 2), 0);
        assert_eq!(rank(&[vec![0, 1], vec![1, 0]], 2), 2);
    }

    #[test]
    fn integers_refuses_fractions_and_rationals_take_dyadic_ones() {
        assert_eq!(integers(&[vec![1.0, -2.0]]), Some(vec![vec![1, -2]]));
        assert_eq!(integers(&[vec![0.5]]), None);
        assert_eq!(from_f64(-0.75), Some(Rational::int(-3) / Rational::int(4)));
        assert_eq!(from_f64(2f64.powi(-30)), Some(Rational::ONE / Rational::int(1 << 30)));
        assert_eq!(from_f64(0.1), None);
    }
}
