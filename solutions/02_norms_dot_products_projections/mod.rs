//! Lesson 2: Norms, dot products and projections.

pub mod cosine_similarity;
pub mod distances;
pub mod dot_product;
pub mod k_nearest;
pub mod projection;
pub mod vector_norms;
