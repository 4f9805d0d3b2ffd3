//! Lesson 5: Gaussian elimination and LU.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
