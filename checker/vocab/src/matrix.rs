//! The row-major `f64` matrix every lesson passes around, and how it prints.

use std::fmt;
use std::ops::{Index, IndexMut};

/// A dense `rows × cols` matrix of `f64`, stored row by row.
///
/// Entry $a_{ij}$ (row `i`, column `j`, both from 0) is `a[(i, j)]`. A dataset
/// is a matrix whose rows are samples and whose columns are features.
///
/// `Display` prints aligned columns, integers as integers:
///
/// ```
/// use vocab::Matrix;
/// let a = Matrix::from_rows(&[vec![1.0, -2.0], vec![0.5, 10.0]]);
/// assert_eq!(a.to_string(), "[   1 -2 ]\n[ 0.5 10 ]");
/// ```
///
/// `Debug` prints a Rust expression that rebuilds the matrix exactly, ready to
/// paste into a unit test.
#[derive(Clone, PartialEq)]
pub struct Matrix {
    rows: usize,
    cols: usize,
    data: Vec<f64>,
}

impl Matrix {
    /// The `rows × cols` matrix of zeros.
    pub fn zeros(rows: usize, cols: usize) -> Self {
        Self { rows, cols, data: vec![0.0; rows * cols] }
    }

    /// The `n × n` identity matrix.
    pub fn identity(n: usize) -> Self {
        Self::from_fn(n, n, |i, j| if i == j { 1.0 } else { 0.0 })
    }

    /// The matrix whose entry `(i, j)` is `f(i, j)`.
    pub fn from_fn(rows: usize, cols: usize, mut f: impl FnMut(usize, usize) -> f64) -> Self {
        let mut data = Vec::with_capacity(rows * cols);
        for i in 0..rows {
            for j in 0..cols {
                data.push(f(i, j));
            }
        }
        Self { rows, cols, data }
    }

    /// The matrix with the given rows.
    ///
    /// # Panics
    /// If the rows do not all have the same length.
    pub fn from_rows(rows: &[Vec<f64>]) -> Self {
        let cols = rows.first().map_or(0, Vec::len);
        for (i, row) in rows.iter().enumerate() {
            assert_eq!(row.len(), cols, "Matrix::from_rows: row {i} has {} entries, row 0 has {cols}", row.len());
        }
        Self { rows: rows.len(), cols, data: rows.concat() }
    }

    /// The `rows × cols` matrix whose entries, read row by row, are `data`.
    ///
    /// # Panics
    /// If `data.len() != rows * cols`.
    pub fn from_row_slice(rows: usize, cols: usize, data: &[f64]) -> Self {
        assert_eq!(data.len(), rows * cols, "Matrix::from_row_slice: {rows}×{cols} needs {} entries", rows * cols);
        Self { rows, cols, data: data.to_vec() }
    }

    /// The matrix with the given columns.
    ///
    /// # Panics
    /// If the columns do not all have the same length.
    pub fn from_columns(columns: &[Vec<f64>]) -> Self {
        let rows = columns.first().map_or(0, Vec::len);
        for (j, col) in columns.iter().enumerate() {
            assert_eq!(
                col.len(),
                rows,
                "Matrix::from_columns: column {j} has {} entries, column 0 has {rows}",
                col.len()
            );
        }
        Self::from_fn(rows, columns.len(), |i, j| columns[j][i])
    }

    /// Number of rows.
    pub fn nrows(&self) -> usize {
        self.rows
    }

    /// Number of columns.
    pub fn ncols(&self) -> usize {
        self.cols
    }

    /// `(rows, cols)`.
    pub fn shape(&self) -> (usize, usize) {
        (self.rows, self.cols)
    }

    /// Whether the matrix has as many rows as columns.
    pub fn is_square(&self) -> bool {
        self.rows == self.cols
    }

    /// Whether the matrix has no entries at all.
    pub fn is_empty(&self) -> bool {
        self.data.is_empty()
    }

    /// Row `i` as a slice.
    pub fn row(&self, i: usize) -> &[f64] {
        assert!(i < self.rows, "row {i} out of range for a {}×{} matrix", self.rows, self.cols);
        &self.data[i * self.cols..(i + 1) * self.cols]
    }

    /// Row `i` as a mutable slice.
    pub fn row_mut(&mut self, i: usize) -> &mut [f64] {
        assert!(i < self.rows, "row {i} out of range for a {}×{} matrix", self.rows, self.cols);
        &mut self.data[i * self.cols..(i + 1) * self.cols]
    }

    /// Column `j`, copied into a vector.
    pub fn column(&self, j: usize) -> Vec<f64> {
        assert!(j < self.cols, "column {j} out of range for a {}×{} matrix", self.rows, self.cols);
        (0..self.rows).map(|i| self.data[i * self.cols + j]).collect()
    }

    /// The rows, one slice each, top to bottom.
    pub fn rows(&self) -> impl Iterator<Item = &[f64]> {
        (0..self.rows).map(move |i| self.row(i))
    }

    /// All entries, row by row.
    pub fn as_slice(&self) -> &[f64] {
        &self.data
    }

    /// The rows as vectors.
    pub fn to_rows(&self) -> Vec<Vec<f64>> {
        self.rows().map(<[f64]>::to_vec).collect()
    }

    /// Swap rows `i` and `k` in place.
    pub fn swap_rows(&mut self, i: usize, k: usize) {
        if i == k {
            return;
        }
        for j in 0..self.cols {
            self.data.swap(i * self.cols + j, k * self.cols + j);
        }
    }
}

impl Index<(usize, usize)> for Matrix {
    type Output = f64;
    fn index(&self, (i, j): (usize, usize)) -> &f64 {
        assert!(
            i < self.rows && j < self.cols,
            "index ({i}, {j}) out of range for a {}×{} matrix",
            self.rows,
            self.cols
        );
        &self.data[i * self.cols + j]
    }
}

impl IndexMut<(usize, usize)> for Matrix {
    fn index_mut(&mut self, (i, j): (usize, usize)) -> &mut f64 {
        assert!(
            i < self.rows && j < self.cols,
            "index ({i}, {j}) out of range for a {}×{} matrix",
            self.rows,
            self.cols
        );
        &mut self.data[i * self.cols + j]
    }
}

/// Format one entry for reading: integers as integers, other values with at
/// most six significant decimals, very large or small ones in scientific form.
pub fn format_entry(x: f64) -> String {
    if !x.is_finite() {
        return format!("{x}");
    }
    if x == x.trunc() && x.abs() < 1e15 {
        // `-0.0` prints as `0`: the sign of zero never matters to a reader here.
        return format!("{}", x as i64);
    }
    let a = x.abs();
    if (1e-4..1e6).contains(&a) {
        let s = format!("{x:.6}");
        let s = s.trim_end_matches('0').trim_end_matches('.');
        return s.to_string();
    }
    format!("{x:.4e}")
}

impl fmt::Display for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rows == 0 || self.cols == 0 {
            return write!(f, "[ {}×{} empty matrix ]", self.rows, self.cols);
        }
        let cells: Vec<String> = self.data.iter().map(|&x| format_entry(x)).collect();
        let widths: Vec<usize> = (0..self.cols)
            .map(|j| (0..self.rows).map(|i| cells[i * self.cols + j].chars().count()).max().unwrap_or(0))
            .collect();
        for i in 0..self.rows {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "[")?;
            for (j, width) in widths.iter().enumerate() {
                write!(f, " {:>width$}", cells[i * self.cols + j], width = *width)?;
            }
            write!(f, " ]")?;
        }
        Ok(())
    }
}

/// A Rust float literal that reads back as exactly `x`.
pub fn float_literal(x: f64) -> String {
    if x.is_nan() {
        "f64::NAN".to_string()
    } else if x.is_infinite() {
        if x > 0.0 { "f64::INFINITY".to_string() } else { "f64::NEG_INFINITY".to_string() }
    } else {
        // `{:?}` prints the shortest decimal that round-trips, always with a `.` or an exponent.
        format!("{x:?}")
    }
}

impl fmt::Debug for Matrix {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.rows == 0 {
            return write!(f, "Matrix::zeros(0, {})", self.cols);
        }
        if self.cols == 0 {
            return write!(f, "Matrix::zeros({}, 0)", self.rows);
        }
        write!(f, "Matrix::from_rows(&[")?;
        for (i, row) in self.rows().enumerate() {
            if i > 0 {
                write!(f, ", ")?;
            }
            let entries: Vec<String> = row.iter().map(|&x| float_literal(x)).collect();
            write!(f, "vec![{}]", entries.join(", "))?;
        }
        write!(f, "])")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_aligns_columns_and_prints_integers_as_integers() {
        let a = Matrix::from_rows(&[vec![1.0, -20.0, 3.0], vec![4.0, 5.0, -6.0]]);
        assert_eq!(a.to_string(), "[ 1 -20  3 ]\n[ 4   5 -6 ]");
    }

    #[test]
    fn display_shortens_fractions_and_uses_scientific_form_at_the_extremes() {
        let a = Matrix::from_rows(&[vec![0.1, 1.0 / 3.0, 1e-9, 2.5e20, f64::NAN]]);
        assert_eq!(a.to_string(), "[ 0.1 0.333333 1.0000e-9 2.5000e20 NaN ]");
    }

    #[test]
    fn debug_is_a_rust_expression_that_round_trips() {
        let a = Matrix::from_rows(&[vec![0.1, -2.0], vec![1.0 / 3.0, 1e300]]);
        assert_eq!(format!("{a:?}"), "Matrix::from_rows(&[vec![0.1, -2.0], vec![0.3333333333333333, 1e300]])");
    }

    #[test]
    fn empty_matrices_print_their_shape() {
        assert_eq!(Matrix::zeros(0, 3).to_string(), "[ 0×3 empty matrix ]");
        assert_eq!(format!("{:?}", Matrix::zeros(2, 0)), "Matrix::zeros(2, 0)");
    }

    #[test]
    fn rows_columns_and_indexing_agree() {
        let mut a = Matrix::from_row_slice(2, 3, &[1.0, 2.0, 3.0, 4.0, 5.0, 6.0]);
        assert_eq!(a.row(1), &[4.0, 5.0, 6.0]);
        assert_eq!(a.column(2), vec![3.0, 6.0]);
        a[(0, 1)] = 9.0;
        assert_eq!(a[(0, 1)], 9.0);
        a.swap_rows(0, 1);
        assert_eq!(a.row(0), &[4.0, 5.0, 6.0]);
        assert_eq!(Matrix::from_columns(&[vec![1.0, 2.0], vec![3.0, 4.0]]).row(0), &[1.0, 3.0]);
    }
}
