//! Lesson 12: PCA, low rank and the capstone.

pub mod center;
pub mod covariance;
pub mod linear_layer;
pub mod pca;
pub mod project;
pub mod ridge_svd;
pub mod softmax;
