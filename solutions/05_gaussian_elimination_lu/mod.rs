//! Lesson 5: Gaussian elimination and LU.

pub mod condition;
pub mod determinant;
pub mod gaussian_elimination;
pub mod inverse;
pub mod lu;
pub mod lu_solve;
pub mod triangular;
