//! Building a runner (`run-exercises` or `run-solutions`) with cargo, and
//! turning compiler errors into a verdict the learner can read.

use std::path::{Path, PathBuf};
use std::process::Command;

use anyhow::{Context, Result, bail};

/// Which implementation a runner links.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The learner's `exercises` crate.
    Exercises,
    /// The reference `solutions` crate.
    Solutions,
}

impl Target {
    fn package(self) -> &'static str {
        match self {
            Self::Exercises => "run-exercises",
            Self::Solutions => "run-solutions",
        }
    }
}

/// The result of a build.
#[derive(Debug, Clone)]
pub enum Built {
    /// The runner executable.
    Runner(PathBuf),
    /// The code does not compile: the rendered errors, and the files they are in.
    CompileError { rendered: String, files: Vec<String> },
}

/// Build the runner for `target` (incrementally; a few hundred ms after a save).
pub fn build(root: &Path, target: Target, color: bool) -> Result<Built> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let color = if color { "json-diagnostic-rendered-ansi" } else { "json" };
    let output = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--quiet", "--package", target.package(), "--message-format", color])
        .output()
        .context("cannot run cargo")?;
    interpret(target.package(), output.status.success(), &output.stdout, &output.stderr)
}

/// Build the runner for `target` with optimizations, for `cargo learn bench`.
///
/// The first release build compiles every dependency again (minutes, not
/// seconds), so cargo's own progress is shown on the terminal.
pub fn build_release(root: &Path, target: Target, color: bool) -> Result<Built> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let format = if color { "json-diagnostic-rendered-ansi" } else { "json" };
    let output = Command::new(cargo)
        .current_dir(root)
        .args(["build", "--release", "--package", target.package(), "--message-format", format])
        .stderr(std::process::Stdio::inherit())
        .output()
        .context("cannot run cargo")?;
    interpret(target.package(), output.status.success(), &output.stdout, b"(cargo's messages are above)")
}

/// Turn cargo's JSON messages into a runner path or the compile errors.
/// `Err` when cargo itself failed (a broken manifest, no network, …).
pub fn interpret(package: &str, success: bool, stdout: &[u8], stderr: &[u8]) -> Result<Built> {
    let stdout = String::from_utf8_lossy(stdout);
    let mut executable = None;
    let mut rendered = String::new();
    let mut files = Vec::new();
    for line in stdout.lines() {
        let Ok(msg) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        match msg["reason"].as_str() {
            Some("compiler-artifact") if msg["target"]["name"] == package => {
                executable = msg["executable"].as_str().map(PathBuf::from);
            }
            Some("compiler-message") if msg["message"]["level"] == "error" => {
                if let Some(text) = msg["message"]["rendered"].as_str() {
                    rendered.push_str(text);
                }
                if let Some(spans) = msg["message"]["spans"].as_array() {
                    for span in spans {
                        if let Some(f) = span["file_name"].as_str()
                            && !files.iter().any(|x| x == f)
                        {
                            files.push(f.to_string());
                        }
                    }
                }
            }
            _ => {}
        }
    }
    if success {
        return executable.map(Built::Runner).context("cargo built the runner but did not say where it is");
    }
    if rendered.is_empty() {
        // Not a compiler error: cargo itself failed (a broken Cargo.toml, no network for a first build, …).
        bail!("cargo could not build the checker:\n{}", String::from_utf8_lossy(stderr).trim());
    }
    Ok(Built::CompileError { rendered, files })
}
