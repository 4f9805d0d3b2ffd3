//! The small error enum every fallible workbook function returns.

use std::fmt;

/// Why a linear-algebra routine could not produce an answer.
///
/// Each variant carries where the problem was found, so a message can point at
/// it ("pivot in column 2 is zero").
#[derive(Debug, Clone, PartialEq)]
pub enum LinalgError {
    /// Two sizes that must agree do not.
    DimensionMismatch { expected: usize, found: usize },
    /// The input has no entries (no vectors, no rows), so the answer is undefined.
    Empty,
    /// A vector that must have a direction is zero (normalising, projecting onto it).
    ZeroVector,
    /// A square matrix is needed.
    NotSquare { rows: usize, cols: usize },
    /// Elimination met a zero (or negligible) pivot in this column.
    Singular { column: usize },
    /// Cholesky met a pivot $a_{kk} - \sum_j l_{kj}^2$ that is not a positive
    /// number in this column: the matrix is not symmetric positive definite.
    NotPositiveDefinite { column: usize },
    /// An iteration stopped at its budget before reaching its tolerance.
    NotConverged { iterations: usize, residual: f64 },
    /// A symmetric matrix is needed, and $a_{ij} \ne a_{ji}$ for this pair
    /// (`row < col`).
    NotSymmetric { row: usize, col: usize },
    /// A row-stochastic matrix is needed (entries $\ge 0$, every row summing
    /// to 1), and this row is not a probability distribution.
    NotStochastic { row: usize },
}

impl fmt::Display for LinalgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DimensionMismatch { expected, found } => {
                write!(f, "dimension mismatch: expected {expected}, found {found}")
            }
            Self::Empty => write!(f, "the input is empty"),
            Self::ZeroVector => write!(f, "the vector is zero, so it has no direction"),
            Self::NotSquare { rows, cols } => {
                write!(f, "a square matrix is needed, this one is {rows}×{cols}")
            }
            Self::Singular { column } => write!(f, "the matrix is singular: no pivot in column {column}"),
            Self::NotPositiveDefinite { column } => {
                write!(f, "the matrix is not positive definite: the pivot in column {column} is not positive")
            }
            Self::NotConverged { iterations, residual } => {
                write!(f, "no convergence after {iterations} iterations (residual {residual:.3e})")
            }
            Self::NotSymmetric { row, col } => {
                write!(f, "the matrix is not symmetric: entries ({row}, {col}) and ({col}, {row}) differ")
            }
            Self::NotStochastic { row } => {
                write!(f, "the matrix is not row-stochastic: row {row} is not a probability distribution")
            }
        }
    }
}

impl std::error::Error for LinalgError {}
