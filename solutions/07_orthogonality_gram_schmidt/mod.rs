//! Lesson 7: Orthogonality and Gram–Schmidt.

pub mod classical;
pub mod complement;
pub mod modified;
pub mod orthonormality;
pub mod projection;
pub mod reorthogonalization;
