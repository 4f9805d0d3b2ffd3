//! Lesson 4: Rank and the four fundamental subspaces.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
