//! Property checks for the workbook's exercises.
//!
//! Each exercise has one check function, `checks::lNN::exercise_id`, which takes
//! the functions under test as plain `fn` pointers. The same compiled checks
//! judge the learner's code, the reference solutions and the mutants, so
//! nothing here is rebuilt while a learner works.
//!
//! A check probes the functions first (a `todo!()` means "not implemented
//! yet"), then runs deterministic edge cases, then generated inputs with a fixed
//! seed that shrink to a small counterexample. Comparisons follow `tol`:
//! invariants first, nalgebra only for quantities that are unique.

pub mod cases;
pub mod compare;
pub mod convert;
pub mod draw;
pub mod exact;
pub mod guard;
pub mod harness;
pub mod l01;
pub mod l02;
pub mod l03;
pub mod l04;
pub mod l05;
pub mod l06;
pub mod l07;
pub mod l08;
pub mod l09;
pub mod l10;
pub mod l11;
pub mod l12;
pub mod ls_cases;
pub mod pretty;
pub mod shrink;
pub mod subspace;
pub mod tol;
pub mod watchdog;

pub use harness::{Checker, Fixed, Miss};
