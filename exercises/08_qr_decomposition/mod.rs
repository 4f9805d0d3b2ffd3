//! Lesson 8: QR decomposition.
//!
//! The exercises of this lesson are not written yet; its README says what is coming.
