//! `cargo learn reset EXERCISE`: put the original stub back.
//!
//! The stub comes from git (its blob hash is in `info.toml`), so reset works
//! in any clone of the workbook. The learner's version is copied to
//! `target/eigenlings/backups/` first: nothing is lost by accident.

use std::io::{BufRead, IsTerminal, Write};
use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

use crate::course::Course;
use crate::progress::{Standing, Store};

pub fn run(course: &Course, id: &str, yes: bool) -> Result<ExitCode> {
    let e = course.exercise(id)?;
    let path = course.exercise_path(e);
    let shown = course.relative(&path).display().to_string();
    if !yes {
        if !std::io::stdin().is_terminal() {
            bail!("`reset` replaces {shown} with the original stub; pass --yes to confirm when not at a terminal");
        }
        print!("Replace {shown} with the original stub? Your version is backed up first. [y/N] ");
        std::io::stdout().flush()?;
        let mut answer = String::new();
        std::io::stdin().lock().read_line(&mut answer)?;
        if !matches!(answer.trim(), "y" | "Y" | "yes") {
            println!("Nothing changed.");
            return Ok(ExitCode::SUCCESS);
        }
    }
    let stub =
        original_stub(course, &e.stub_sha1).with_context(|| format!("cannot find the original stub of `{id}`"))?;
    if let Ok(current) = std::fs::read(&path) {
        let dir = course.root.join("target").join("eigenlings").join("backups");
        std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
        let stamp = crate::progress::now().replace(':', "-");
        let backup = dir.join(format!("{}-{stamp}.rs", e.id));
        std::fs::write(&backup, current).with_context(|| format!("cannot write {}", backup.display()))?;
        println!("Your version is saved in {}", course.relative(&backup).display());
    }
    std::fs::write(&path, stub).with_context(|| format!("cannot write {}", path.display()))?;
    println!("{shown} is back to the original stub.");
    let mut store = Store::open(&course.root);
    super::warn_unreadable(&store);
    if store.progress.exercises.contains_key(&e.id) {
        store.record(&e.id).status = Standing::Pending;
        super::save(&mut store)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The stub's bytes, read from git's object store by its blob hash.
pub fn original_stub(course: &Course, sha1: &str) -> Result<Vec<u8>> {
    if sha1.len() != 40 || !sha1.chars().all(|c| c.is_ascii_hexdigit()) {
        bail!("info.toml has no stub_sha1 for it");
    }
    let out = Command::new("git")
        .current_dir(&course.root)
        .args(["cat-file", "blob", sha1])
        .output()
        .context("cannot run git (reset needs git)")?;
    if !out.status.success() {
        bail!(
            "git does not have blob {sha1} ({}). Is this a git clone of the workbook? \
             Download the file again from the course repository instead.",
            String::from_utf8_lossy(&out.stderr).trim()
        );
    }
    Ok(out.stdout)
}
