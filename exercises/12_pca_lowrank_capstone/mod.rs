//! Lesson 12: PCA, low rank and the capstone.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
