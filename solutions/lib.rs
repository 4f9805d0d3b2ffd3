//! The reference solutions of the eigenlings workbook, lesson by lesson.
//!
//! Each file mirrors the learner's file in `exercises/` (same module, same
//! signatures, same doc comments) with the `todo!()` replaced by a worked
//! solution and a comment wherever a numerical choice is made. It is one
//! correct possibility, not the only one. `cargo learn solution EXERCISE`
//! shows a file once you have solved that exercise.

#[path = "01_vectors_and_vector_spaces/mod.rs"]
pub mod l01;

#[path = "02_norms_dot_products_projections/mod.rs"]
pub mod l02;

#[path = "03_matrices_as_transformations/mod.rs"]
pub mod l03;

#[path = "04_rank_fundamental_subspaces/mod.rs"]
pub mod l04;

#[path = "05_gaussian_elimination_lu/mod.rs"]
pub mod l05;

#[path = "06_least_squares_normal_equations/mod.rs"]
pub mod l06;

#[path = "07_orthogonality_gram_schmidt/mod.rs"]
pub mod l07;

#[path = "08_qr_decomposition/mod.rs"]
pub mod l08;

#[path = "09_eigenvalues_eigenvectors/mod.rs"]
pub mod l09;

#[path = "10_power_method_qr_iteration/mod.rs"]
pub mod l10;

#[path = "11_singular_value_decomposition/mod.rs"]
pub mod l11;

#[path = "12_pca_lowrank_capstone/mod.rs"]
pub mod l12;
