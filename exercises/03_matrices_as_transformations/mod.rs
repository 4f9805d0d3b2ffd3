//! Lesson 3: Matrices as transformations.

pub mod composition;
pub mod determinant_small;
pub mod maps_2d;
pub mod matrix_product;
pub mod matrix_vector;
pub mod trace;
pub mod transpose;
