//! Lesson 1: Vectors and vector spaces.

pub mod add_vectors;
pub mod scale_vector;
pub mod linear_combination;
pub mod independence_2d;
pub mod mean_vector;
