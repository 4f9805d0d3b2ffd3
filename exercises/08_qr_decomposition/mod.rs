//! Lesson 8: QR decomposition.

pub mod givens;
pub mod givens_qr;
pub mod householder;
pub mod householder_qr;
pub mod least_squares_qr;
