//! Lesson 1: Vectors and vector spaces.

pub mod add_vectors;
pub mod independence_2d;
pub mod linear_combination;
pub mod mean_vector;
pub mod scale_vector;
