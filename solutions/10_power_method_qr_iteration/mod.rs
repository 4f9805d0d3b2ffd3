//! Lesson 10: The power method and QR iteration.

pub mod deflation;
pub mod hessenberg;
pub mod inverse_iteration;
pub mod power_iteration;
pub mod qr_iteration;
pub mod shifted_qr;
pub mod symmetric_eigen;
