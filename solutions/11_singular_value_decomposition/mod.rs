//! Lesson 11: The singular value decomposition.

pub mod jacobi_svd;
pub mod low_rank;
pub mod pseudo_inverse;
pub mod rank_condition;
pub mod svd_via_eigen;
