//! `cargo learn cohort PATH...`: the instructor's report over many learners
//! (text, CSV or HTML), optionally re-verifying each learner's own code.
//!
//! Exit codes: 0 the report was produced and no learner needs attention,
//! 1 the report was produced and some learner needs attention (an unreadable
//! or missing progress file, a hand edit, a claim re-verification does not
//! confirm), 2 no report (not in a workbook, the workbook's own checker does
//! not build).

use std::io::Write;
use std::process::ExitCode;

use anyhow::{Context, Result};

use crate::cli::CohortFormat;
use crate::cohort::{self, reverify::Limits};
use crate::course::Course;

pub fn run(
    course: &Course,
    paths: &[std::path::PathBuf],
    format: CohortFormat,
    limits: Option<Limits>,
) -> Result<ExitCode> {
    let mut learners = cohort::load::load(course, paths);
    if let Some(limits) = limits {
        cohort::reverify::run(course, &mut learners, &limits)?;
    }
    let stats = cohort::stats::compute(course, &learners);
    let text = match format {
        CohortFormat::Text => cohort::text::render(course, &learners, &stats),
        CohortFormat::Csv => cohort::csv::render(course, &learners)?,
        CohortFormat::Html => cohort::html::render(course, &learners, &stats, &crate::progress::now()),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        other => other.context("cannot write the report")?,
    }
    Ok(crate::exit(!learners.iter().any(cohort::Learner::needs_attention)))
}
