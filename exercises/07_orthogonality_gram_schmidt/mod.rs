//! Lesson 7: Orthogonality and Gram–Schmidt.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
