//! Lesson 11: The singular value decomposition.

pub mod jacobi_svd;
