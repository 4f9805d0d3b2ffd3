//! Lesson 9: Eigenvalues and eigenvectors.

pub mod characteristic;
pub mod diagonalization;
pub mod markov;
pub mod rayleigh;
pub mod residual;
pub mod symmetric_2x2;
