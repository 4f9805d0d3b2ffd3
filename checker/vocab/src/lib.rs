//! The shared vocabulary of the workbook: the [`Matrix`] container, the result
//! structs named after factorizations, and the [`LinalgError`] enum.
//!
//! This crate holds containers, never algorithms: products, norms and
//! decompositions are the learner's to write. The only arithmetic here is the
//! `reconstruct()` convenience on the factorization results, so that checks and
//! messages can say "your `lu.reconstruct()` differs from `P·A` by …".

mod error;
mod factorizations;
mod matrix;
mod models;

pub use error::LinalgError;
pub use factorizations::{Eigenvalues2, Lu, Qr, Svd, SymEig};
pub use matrix::{Matrix, float_literal, format_entry};
pub use models::{Layer, Pca};
