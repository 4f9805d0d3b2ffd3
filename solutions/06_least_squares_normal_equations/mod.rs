//! Lesson 6: Least squares and the normal equations.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
