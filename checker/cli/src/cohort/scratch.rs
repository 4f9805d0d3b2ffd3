//! The scratch workbook that re-verification builds learners' code in:
//! `target/eigenlings/reverify/workbook/`, made from the instructor's own
//! workbook. Only the learner's exercise files (the ones `info.toml` lists)
//! are ever copied in; the manifests, `lib.rs`, the `mod.rs` files, the
//! checks and the runner are the instructor's. So a learner's `Cargo.toml`,
//! `build.rs`, dependencies or proc macros are never built or run: the
//! learner crate has no build script (`build = false`) and no dependency but
//! the vocabulary.
//!
//! The runner package is renamed (`eigenlings-reverify`) so that it can share
//! the instructor's target directory, and its compiled checks and nalgebra,
//! without ever overwriting the instructor's own `run-exercises`.

use std::collections::BTreeMap;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use anyhow::{Context, Result, bail};

use crate::compile::{self, Built};
use crate::course::{Course, Exercise};
use crate::supervisor;

/// The runner package (and executable) of the scratch workbook.
pub const RUNNER_PACKAGE: &str = "eigenlings-reverify";

/// Most bytes of cargo's messages kept from one build.
const CARGO_OUTPUT_CAP: usize = 32 * 1024 * 1024;

/// What a build of the scratch workbook gave.
#[derive(Debug, Clone)]
pub enum Build {
    Runner(PathBuf),
    CompileError { rendered: String, files: Vec<String> },
    TimedOut,
}

/// The scratch workbook.
#[derive(Debug)]
pub struct Scratch {
    /// The workspace root.
    pub dir: PathBuf,
    /// Where runners start, emptied for each learner.
    pub jail: PathBuf,
    /// Where runners write their reports.
    pub reports: PathBuf,
    target_dir: PathBuf,
    /// Each exercise's original stub (what a file the learner does not provide is).
    stubs: BTreeMap<String, Vec<u8>>,
    /// `exercises/NN_topic/file.rs` of each exercise.
    files: BTreeMap<String, PathBuf>,
    /// Held while the scratch workbook is in use: one re-verification at a time.
    _lock: std::fs::File,
}

impl Scratch {
    /// Lay out the scratch workbook from the instructor's, with every exercise a stub.
    pub fn create(course: &Course) -> Result<Self> {
        let base = course.root.join("target").join("eigenlings").join("reverify");
        let dir = base.join("workbook");
        std::fs::create_dir_all(&base).with_context(|| format!("cannot create {}", base.display()))?;
        let lock = lock(&base.join("lock"))?;
        let target_dir = match std::env::var_os("CARGO_TARGET_DIR") {
            Some(t) => std::path::absolute(PathBuf::from(t)).context("cannot resolve CARGO_TARGET_DIR")?,
            None => course.root.join("target"),
        };
        let scratch = Self {
            jail: base.join("jail"),
            reports: base.join("reports"),
            target_dir,
            stubs: stubs(course),
            files: course
                .exercises
                .iter()
                .map(|e| (e.id.clone(), course.relative(&course.exercise_path(e)).to_path_buf()))
                .collect(),
            dir,
            _lock: lock,
        };
        scratch.lay_out(course).with_context(|| format!("cannot prepare {}", scratch.dir.display()))?;
        Ok(scratch)
    }

    fn lay_out(&self, course: &Course) -> Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        write_if_changed(&self.dir.join("Cargo.toml"), &workspace_manifest(course)?)?;
        let lock = course.root.join("Cargo.lock");
        if lock.is_file() {
            std::fs::copy(&lock, self.dir.join("Cargo.lock"))?;
        }
        let runner = self.dir.join("runner");
        std::fs::create_dir_all(runner.join("src"))?;
        let from = course.root.join("checker").join("run-exercises");
        write_if_changed(&runner.join("Cargo.toml"), &runner_manifest(&from.join("Cargo.toml"))?)?;
        let main = std::fs::read_to_string(from.join("src").join("main.rs"))?;
        write_if_changed(&runner.join("src").join("main.rs"), &main)?;
        // The learner crate: the instructor's manifest and module files, every exercise a stub.
        let exercises = self.dir.join("exercises");
        if exercises.exists() {
            std::fs::remove_dir_all(&exercises)?;
        }
        copy_crate_sources(&course.root.join("exercises"), &exercises)?;
        let manifest = exercises.join("Cargo.toml");
        let mut table: toml::Table = std::fs::read_to_string(&manifest)?.parse()?;
        if let Some(toml::Value::Table(package)) = table.get_mut("package") {
            package.insert("build".into(), toml::Value::Boolean(false));
        }
        std::fs::write(&manifest, toml::to_string(&table)?)?;
        self.put(&BTreeMap::new())
    }

    /// Write every exercise file: the given bytes for the ids given, the stub for the others.
    pub fn put(&self, sources: &BTreeMap<String, Vec<u8>>) -> Result<()> {
        for (id, rel) in &self.files {
            let bytes = sources.get(id).or_else(|| self.stubs.get(id)).map_or(&[][..], Vec::as_slice);
            let path = self.dir.join(rel);
            std::fs::create_dir_all(path.parent().unwrap_or(&self.dir))?;
            std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))?;
        }
        Ok(())
    }

    /// `exercises/NN_topic/file.rs` of an exercise.
    pub fn file_of(&self, e: &Exercise) -> &Path {
        self.files.get(&e.id).map_or(Path::new(""), PathBuf::as_path)
    }

    /// Empty the folder runners start in.
    pub fn clear_jail(&self) -> Result<()> {
        if self.jail.exists() {
            std::fs::remove_dir_all(&self.jail).with_context(|| format!("cannot empty {}", self.jail.display()))?;
        }
        std::fs::create_dir_all(&self.jail).with_context(|| format!("cannot create {}", self.jail.display()))
    }

    /// Build the runner, stopping cargo (and rustc) at `limit`. `offline`:
    /// never touch the network (every learner build; the first, on the
    /// instructor's own files, may fetch dependencies).
    pub fn build(&self, limit: Duration, offline: bool) -> Result<Build> {
        let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
        let mut command = Command::new(cargo);
        command
            .current_dir(&self.dir)
            .env("CARGO_TARGET_DIR", &self.target_dir)
            .args(["build", "--quiet", "--package", RUNNER_PACKAGE, "--message-format", "json"])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .process_group(0);
        if offline {
            command.arg("--offline");
        }
        let mut child = command.spawn().context("cannot run cargo")?;
        let out = supervisor::capture(child.stdout.take(), CARGO_OUTPUT_CAP);
        let err = supervisor::capture(child.stderr.take(), 64 * 1024);
        let status = supervisor::wait(&mut child, limit)?;
        let (stdout, _) = out.join().unwrap_or_default();
        let (stderr, _) = err.join().unwrap_or_default();
        let Some(status) = status else { return Ok(Build::TimedOut) };
        Ok(match compile::interpret(RUNNER_PACKAGE, status.success(), &stdout, &stderr)? {
            Built::Runner(path) => Build::Runner(path),
            Built::CompileError { rendered, files } => Build::CompileError { rendered, files },
        })
    }
}

/// An exclusive lock on `path`, waiting (and saying so) while another re-verification holds it.
fn lock(path: &Path) -> Result<std::fs::File> {
    let file = std::fs::File::options()
        .create(true)
        .truncate(false)
        .write(true)
        .open(path)
        .with_context(|| format!("cannot open {}", path.display()))?;
    if file.try_lock().is_err() {
        eprintln!("Another re-verification is using {}; waiting for it to finish…", path.display());
        file.lock().with_context(|| format!("cannot lock {}", path.display()))?;
    }
    Ok(file)
}

/// The instructor's workspace manifest with two members (the learner crate
/// and the runner) and every other path dependency pointing back at the
/// instructor's crates, so that they are the very same packages.
fn workspace_manifest(course: &Course) -> Result<String> {
    let path = course.root.join("Cargo.toml");
    let mut table: toml::Table = std::fs::read_to_string(&path)
        .with_context(|| format!("cannot read {}", path.display()))?
        .parse()
        .with_context(|| format!("{} is not valid TOML", path.display()))?;
    let Some(toml::Value::Table(workspace)) = table.get_mut("workspace") else {
        bail!("{} has no [workspace]", path.display());
    };
    workspace.insert("members".into(), toml::Value::Array(vec!["exercises".into(), "runner".into()]));
    workspace.remove("default-members");
    workspace.remove("exclude");
    if let Some(toml::Value::Table(deps)) = workspace.get_mut("dependencies") {
        for (name, dep) in deps.iter_mut() {
            let Some(toml::Value::String(p)) = dep.get_mut("path") else { continue };
            *p = if name == "exercises" {
                "exercises".into()
            } else {
                course.root.join(&*p).to_string_lossy().into_owned()
            };
        }
    }
    Ok(format!("# Written by `cargo learn cohort --reverify`; rewritten on every run.\n{}", toml::to_string(&table)?))
}

/// `run-exercises`' manifest, renamed, without its dev-dependencies.
fn runner_manifest(path: &Path) -> Result<String> {
    let mut table: toml::Table = std::fs::read_to_string(path)?.parse()?;
    if let Some(toml::Value::Table(package)) = table.get_mut("package") {
        package.insert("name".into(), RUNNER_PACKAGE.into());
    }
    let mut bin = toml::Table::new();
    bin.insert("name".into(), RUNNER_PACKAGE.into());
    bin.insert("path".into(), "src/main.rs".into());
    bin.insert("test".into(), false.into());
    table.insert("bin".into(), toml::Value::Array(vec![toml::Value::Table(bin)]));
    table.remove("dev-dependencies");
    Ok(toml::to_string(&table)?)
}

/// Each exercise's shipped stub, from git by its blob hash; the
/// instructor's current file when git does not have it.
fn stubs(course: &Course) -> BTreeMap<String, Vec<u8>> {
    course
        .exercises
        .iter()
        .map(|e| {
            let stub = crate::cmd::reset::original_stub(course, &e.stub_sha1)
                .ok()
                .or_else(|| std::fs::read(course.exercise_path(e)).ok())
                .unwrap_or_default();
            (e.id.clone(), stub)
        })
        .collect()
}

/// The crate's `Cargo.toml` and `.rs` files (never a `build.rs`), keeping their layout.
fn copy_crate_sources(from: &Path, to: &Path) -> Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from).with_context(|| format!("cannot read {}", from.display()))? {
        let entry = entry?;
        let name = entry.file_name();
        let kind = entry.file_type()?;
        if kind.is_dir() && name != "target" && name != "figures" {
            copy_crate_sources(&entry.path(), &to.join(&name))?;
        } else if kind.is_file()
            && (name == "Cargo.toml" || (name.to_string_lossy().ends_with(".rs") && name != "build.rs"))
        {
            std::fs::copy(entry.path(), to.join(&name))?;
        }
    }
    Ok(())
}

fn write_if_changed(path: &Path, text: &str) -> Result<()> {
    if std::fs::read_to_string(path).ok().as_deref() != Some(text) {
        std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))?;
    }
    Ok(())
}
