//! Lesson 10: The power method and QR iteration.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.

pub mod symmetric_eigen;
