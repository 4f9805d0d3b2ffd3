//! Lesson 6: Least squares and the normal equations.

pub mod cholesky;
pub mod least_squares;
pub mod normal_equations;
pub mod r_squared;
pub mod regression;
pub mod residuals;
pub mod ridge;
