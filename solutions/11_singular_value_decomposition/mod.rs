//! Lesson 11: The singular value decomposition.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
