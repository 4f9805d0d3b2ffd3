//! Lesson 4: Rank and the four fundamental subspaces.

pub mod column_space;
pub mod four_subspaces;
pub mod left_null_space;
pub mod null_space;
pub mod rank;
pub mod row_space;
pub mod rref;
