//! Lesson 3: Matrices as transformations.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
