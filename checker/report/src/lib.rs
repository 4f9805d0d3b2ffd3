//! What checking one exercise found: the verdict, each property's outcome, and
//! for a failure the minimal input, the learner's output, what was expected and
//! the bound it missed. The runner writes it as JSON; the CLI reads and renders it.

use serde::{Deserialize, Serialize};

pub mod bench;

/// The verdict on one exercise (the statuses of the command-line contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Passed,
    Failed,
    NotImplemented,
    CompileError,
    TimedOut,
    Crashed,
    Locked,
}

impl Status {
    /// The word used in text output and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Passed => "passed",
            Self::Failed => "failed",
            Self::NotImplemented => "not_implemented",
            Self::CompileError => "compile_error",
            Self::TimedOut => "timed_out",
            Self::Crashed => "crashed",
            Self::Locked => "locked",
        }
    }
}

/// Everything a learner needs to see about one broken property.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Failure {
    /// What went wrong, in words ("the residual is not orthogonal to b").
    pub message: String,
    /// The (shrunk) input, printed for reading.
    pub input: String,
    /// The same input as Rust code the learner can paste into a unit test.
    pub input_literal: String,
    /// What the learner's code returned (or the panic it raised).
    pub output: String,
    /// What a correct answer is (or must satisfy).
    pub expected: String,
    /// The measured error next to the bound it missed, e.g. "3.1e-4 > 2.2e-15".
    pub bound: String,
}

/// One property of an exercise and whether it held.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PropertyReport {
    /// Short identifier, a sentence in snake case (`residual_is_orthogonal_to_b`).
    pub name: String,
    /// The property in words.
    pub description: String,
    pub status: Status,
    /// Present when `status` is not `passed`.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub failure: Option<Failure>,
}

/// The outcome of checking one exercise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExerciseReport {
    pub id: String,
    pub status: Status,
    /// A one-paragraph explanation for statuses that have no property (not
    /// implemented, crashed, timed out, compile error).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub message: Option<String>,
    pub properties: Vec<PropertyReport>,
}

impl ExerciseReport {
    /// A report with no properties and a message.
    pub fn bare(id: &str, status: Status, message: impl Into<String>) -> Self {
        Self { id: id.to_string(), status, message: Some(message.into()), properties: Vec::new() }
    }

    /// The first property that did not pass.
    pub fn first_failure(&self) -> Option<&PropertyReport> {
        self.properties.iter().find(|p| p.status != Status::Passed)
    }
}
