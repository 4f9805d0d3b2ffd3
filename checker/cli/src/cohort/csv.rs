//! The cohort report as CSV: one row per learner and exercise (every
//! exercise of the course, so each learner has the same rows), for a
//! spreadsheet or a gradebook. Text a learner wrote that a spreadsheet would
//! run as a formula (`=`, `+`, `-`, `@` first) is prefixed with `'`.

use anyhow::{Context, Result};

use crate::course::Course;
use crate::identity::printable;

use super::Learner;
use super::reverify::SourceMatch;

/// The header row.
pub const COLUMNS: [&str; 20] = [
    "learner",
    "email",
    "path",
    "lesson",
    "exercise",
    "state",
    "first_run",
    "solved",
    "runs",
    "runs_to_solve",
    "hint_level",
    "first_hint",
    "solution_viewed",
    "solution_viewed_before_solving",
    "source_sha1",
    "last_failed_property",
    "reverify",
    "reverify_detail",
    "source_matches",
    "problems",
];

pub fn render(course: &Course, learners: &[Learner]) -> Result<String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(COLUMNS).context("cannot write CSV")?;
    for learner in learners {
        let problems = learner.problems.join("; ");
        for e in &course.exercises {
            let rec = learner.record(&e.id);
            let text =
                |f: &dyn Fn(&crate::progress::ExerciseRecord) -> Option<String>| rec.and_then(f).unwrap_or_default();
            let claim = learner.reverified.as_ref().and_then(|r| r.claims.iter().find(|c| c.id == e.id));
            let row = [
                learner.name.clone(),
                learner.email.clone(),
                learner.path.clone(),
                e.lesson.to_string(),
                e.id.clone(),
                super::cell(learner, &e.id).as_str().to_string(),
                text(&|r| r.first_run.clone()),
                text(&|r| r.solved.clone()),
                text(&|r| Some(r.runs.to_string())),
                text(&|r| r.runs_to_solve.map(|n| n.to_string())),
                text(&|r| Some(r.hints_seen.to_string())),
                text(&|r| r.hint_times.first().cloned()),
                text(&|r| r.solution_viewed.clone()),
                text(&|r| r.solution_viewed.as_ref().map(|_| r.solution_viewed_before_solving.to_string())),
                text(&|r| r.source_sha1.clone()),
                text(&|r| r.last_failed_property.clone()),
                claim.map(|c| c.words()).unwrap_or_default(),
                claim.map(|c| c.detail.clone()).unwrap_or_default(),
                claim
                    .map(|c| match c.source {
                        SourceMatch::Same => "yes",
                        SourceMatch::Changed => "no",
                        SourceMatch::Unknown => "",
                    })
                    .unwrap_or_default()
                    .to_string(),
                problems.clone(),
            ];
            w.write_record(row.iter().map(|cell| defuse(&printable(cell)))).context("cannot write CSV")?;
        }
    }
    let bytes = w.into_inner().context("cannot write CSV")?;
    String::from_utf8(bytes).context("CSV is not UTF-8")
}

/// A cell a spreadsheet will not run as a formula.
pub fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@']) { format!("'{cell}") } else { cell.to_string() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_defused_and_plain_text_is_not() {
        assert_eq!(defuse("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(defuse("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(defuse("Ada"), "Ada");
        assert_eq!(defuse("2026-01-01T00:00:00Z"), "2026-01-01T00:00:00Z");
    }
}
