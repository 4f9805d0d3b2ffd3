//! Lesson 2: Norms, dot products and projections.

pub mod dot_product;
pub mod vector_norms;
pub mod distances;
pub mod cosine_similarity;
pub mod projection;
pub mod k_nearest;
