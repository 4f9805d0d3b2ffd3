//! `cargo learn whoami [--name NAME] [--email EMAIL]`: show or set who the
//! progress file says this learner is (the name an instructor's report shows).

use std::process::ExitCode;

use anyhow::{Result, bail};

use crate::course::Course;
use crate::identity::{self, FROM_COMMAND};
use crate::progress::Store;
use crate::render;

pub fn run(course: &Course, name: Option<&str>, email: Option<&str>) -> Result<ExitCode> {
    let mut store = Store::open(&course.root);
    if name.is_none() && email.is_none() {
        super::warn_unreadable(&store);
        println!("{}", describe(&store));
        return Ok(ExitCode::SUCCESS);
    }
    if let Some(why) = &store.unreadable {
        bail!("{why}");
    }
    let name = name.map(identity::check_name).transpose().map_err(|why| anyhow::anyhow!("--name: {why}"))?;
    let email = email.map(identity::check_email).transpose().map_err(|why| anyhow::anyhow!("--email: {why}"))?;
    let learner = &mut store.progress.learner;
    if learner.is_empty() {
        *learner = identity::from_git();
    }
    if let Some(name) = name {
        learner.name = name;
    }
    if let Some(email) = email {
        learner.email = email;
    }
    learner.from = FROM_COMMAND.into();
    super::save(&mut store)?;
    println!(
        "Recorded: {}. Commit {} so your instructor sees it.",
        render::bold(&identity::printable(&store.progress.learner.display())),
        crate::progress::FILE_NAME
    );
    Ok(ExitCode::SUCCESS)
}

/// Who the progress file says this is, and how to change it.
fn describe(store: &Store) -> String {
    let learner = &store.progress.learner;
    if !learner.is_empty() {
        let from = if learner.from.is_empty() { identity::FROM_GIT } else { learner.from.as_str() };
        return format!(
            "You are {} (from {from}), in {}.\nTo change it: cargo learn whoami --name \"Your Name\" --email you@example.org",
            render::bold(&identity::printable(&learner.display())),
            crate::progress::FILE_NAME
        );
    }
    let git = identity::from_git();
    let later = if git.is_empty() {
        "git has no user.name or user.email, so it would stay empty".to_string()
    } else {
        format!("it will take {} from git config", identity::printable(&git.display()))
    };
    format!(
        "No name is recorded yet: when {} is first written, {later}.\n\
         To set it now: cargo learn whoami --name \"Your Name\" --email you@example.org",
        crate::progress::FILE_NAME
    )
}
