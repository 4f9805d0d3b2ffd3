//! Lesson 9: Eigenvalues and eigenvectors.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
