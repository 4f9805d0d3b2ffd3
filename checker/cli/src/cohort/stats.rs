//! Cohort-wide figures: for each exercise, how many learners are done, in
//! progress and stuck on it now, the runs it took, hint levels and solution
//! views; the properties that failed most often; each learner's last activity.

use std::collections::BTreeMap;

use crate::course::Course;
use crate::progress::ExerciseRecord;

use super::{Cell, Learner, Position};

/// One exercise across the cohort.
#[derive(Debug, Clone, Default)]
pub struct ExerciseStats {
    pub id: String,
    pub lesson: u32,
    pub done: usize,
    pub in_progress: usize,
    /// Learners whose current exercise this is.
    pub stuck_now: usize,
    /// Every check of it, by every learner.
    pub runs: u64,
    /// Checks until solved, one per learner who solved it, sorted.
    pub runs_to_solve: Vec<u32>,
    /// Learners who saw at least hint level 1, 2, 3.
    pub hint_levels: [usize; 3],
    /// Learners who saw a hint and had not solved it yet at that time (or still have not).
    pub hints_before_solving: usize,
    pub solution_views: usize,
    pub solution_views_before_solving: usize,
}

impl ExerciseStats {
    /// Median checks until solved (the upper one of two middles), if anyone solved it.
    pub fn median_runs_to_solve(&self) -> Option<u32> {
        self.runs_to_solve.get(self.runs_to_solve.len() / 2).copied()
    }
}

/// One property across the cohort.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PropertyStats {
    pub exercise: String,
    pub property: String,
    /// Checks where it was the first property to fail.
    pub failing_runs: u64,
    /// Learners it failed for at least once.
    pub learners: usize,
}

/// Everything the renderers need beyond the learners themselves.
#[derive(Debug, Clone)]
pub struct Stats {
    /// In course order.
    pub exercises: Vec<ExerciseStats>,
    /// Most failing runs first.
    pub properties: Vec<PropertyStats>,
    /// Learners whose progress could be read.
    pub readable: usize,
    pub finished: usize,
}

pub fn compute(course: &Course, learners: &[Learner]) -> Stats {
    let mut exercises: Vec<ExerciseStats> = course
        .exercises
        .iter()
        .map(|e| ExerciseStats { id: e.id.clone(), lesson: e.lesson, ..ExerciseStats::default() })
        .collect();
    let mut properties: BTreeMap<(String, String), (u64, usize)> = BTreeMap::new();
    let mut finished = 0;
    for learner in learners {
        match super::position(course, learner) {
            Position::At(e) => {
                if let Some(s) = exercises.iter_mut().find(|s| s.id == e.id) {
                    s.stuck_now += 1;
                }
            }
            Position::Finished => finished += 1,
            Position::Waiting | Position::Unknown => {}
        }
        for s in &mut exercises {
            let Some(rec) = learner.record(&s.id) else { continue };
            match super::cell(learner, &s.id) {
                Cell::Done => s.done += 1,
                Cell::InProgress => s.in_progress += 1,
                Cell::NotStarted | Cell::Unknown => {}
            }
            add_record(s, rec);
            for (property, n) in failures(rec) {
                let entry = properties.entry((s.id.clone(), property)).or_default();
                entry.0 += u64::from(n);
                entry.1 += 1;
            }
        }
    }
    for s in &mut exercises {
        s.runs_to_solve.sort_unstable();
    }
    let mut properties: Vec<PropertyStats> = properties
        .into_iter()
        .map(|((exercise, property), (failing_runs, learners))| PropertyStats {
            exercise,
            property,
            failing_runs,
            learners,
        })
        .collect();
    properties.sort_by(|a, b| b.failing_runs.cmp(&a.failing_runs).then(b.learners.cmp(&a.learners)));
    let readable = learners.iter().filter(|l| l.progress.is_some()).count();
    Stats { exercises, properties, readable, finished }
}

fn add_record(s: &mut ExerciseStats, rec: &ExerciseRecord) {
    s.runs += u64::from(rec.runs);
    if let Some(n) = rec.runs_to_solve {
        s.runs_to_solve.push(n);
    }
    for level in 0..rec.hints_seen.min(3) as usize {
        s.hint_levels[level] += 1;
    }
    if rec.hints_seen > 0 {
        let first_hint = rec.hint_times.first();
        let before = match (&rec.solved, first_hint) {
            (None, _) => true,
            (Some(solved), Some(hint)) => earlier(hint, solved),
            // Version 1 files have no hint times: unknown, not counted.
            (Some(_), None) => false,
        };
        s.hints_before_solving += usize::from(before);
    }
    if rec.solution_viewed.is_some() {
        s.solution_views += 1;
        s.solution_views_before_solving += usize::from(rec.solution_viewed_before_solving);
    }
}

/// Per property, the checks it was the first to fail. Version 1 files only
/// know the last one: it counts once.
fn failures(rec: &ExerciseRecord) -> Vec<(String, u32)> {
    if !rec.failed_properties.is_empty() {
        return rec.failed_properties.iter().map(|(p, n)| (p.clone(), *n)).collect();
    }
    rec.last_failed_property.iter().map(|p| (p.clone(), 1)).collect()
}

/// Whether RFC 3339 time `a` is before `b` (unparseable times are not).
fn earlier(a: &str, b: &str) -> bool {
    match (humantime::parse_rfc3339_weak(a), humantime::parse_rfc3339_weak(b)) {
        (Ok(a), Ok(b)) => a < b,
        _ => false,
    }
}

/// The learner's latest recorded time (a check, a solve, a hint, a solution view).
pub fn last_activity(learner: &Learner) -> Option<String> {
    let progress = learner.progress.as_ref()?;
    progress
        .exercises
        .values()
        .flat_map(|r| [&r.first_run, &r.solved, &r.solution_viewed].into_iter().flatten().chain(r.hint_times.iter()))
        .filter_map(|t| humantime::parse_rfc3339_weak(t).ok().map(|parsed| (parsed, t)))
        .max_by_key(|(parsed, _)| *parsed)
        .map(|(_, t)| t.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::progress::{Progress, Standing};
    use std::path::Path;

    fn course() -> Course {
        let mut text = String::from("format_version = 1\n[[lessons]]\nnumber = 1\ndir = \"01_a\"\ntitle = \"A\"\n");
        for id in ["a", "b"] {
            text.push_str(&format!(
                "[[exercises]]\nid = \"{id}\"\nlesson = 1\nfile = \"{id}.rs\"\nhints = [\"i\", \"s\", \"p\"]\n"
            ));
        }
        Course::parse(Path::new("/w"), &text).unwrap()
    }

    fn learner(records: &[(&str, ExerciseRecord)]) -> Learner {
        let mut progress = Progress::default();
        for (id, r) in records {
            progress.exercises.insert(id.to_string(), r.clone());
        }
        Learner {
            number: 1,
            path: "x".into(),
            name: "x".into(),
            email: String::new(),
            repo: None,
            progress: Some(progress),
            problems: vec![],
            notes: vec![],
            reverified: None,
        }
    }

    #[test]
    fn counts_runs_hints_solutions_and_where_learners_are_stuck() {
        let solved = |runs: u32| ExerciseRecord {
            status: Standing::Done,
            runs,
            runs_to_solve: Some(runs),
            solved: Some("2026-01-02T00:00:00Z".into()),
            ..ExerciseRecord::default()
        };
        let stuck = ExerciseRecord {
            runs: 9,
            hints_seen: 2,
            failed_properties: [("p".to_string(), 7), ("q".to_string(), 2)].into(),
            ..ExerciseRecord::default()
        };
        let hinted_after = ExerciseRecord {
            hints_seen: 1,
            hint_times: vec!["2026-01-03T00:00:00Z".into()],
            solution_viewed: Some("2026-01-03T00:00:00Z".into()),
            ..solved(4)
        };
        let cohort = [
            learner(&[("a", solved(2)), ("b", stuck.clone())]),
            learner(&[("a", hinted_after), ("b", stuck)]),
            learner(&[]),
        ];
        let stats = compute(&course(), &cohort);
        let (a, b) = (&stats.exercises[0], &stats.exercises[1]);
        assert_eq!((a.done, a.in_progress, a.stuck_now, a.runs), (2, 0, 1, 6));
        assert_eq!(a.runs_to_solve, [2, 4]);
        assert_eq!(a.median_runs_to_solve(), Some(4));
        assert_eq!((a.hint_levels, a.hints_before_solving), ([1, 0, 0], 0), "a hint after solving is not before");
        assert_eq!((a.solution_views, a.solution_views_before_solving), (1, 0));
        assert_eq!((b.done, b.in_progress, b.stuck_now, b.runs), (0, 2, 2, 18));
        assert_eq!((b.hint_levels, b.hints_before_solving), ([2, 2, 0], 2));
        assert_eq!(
            stats.properties[0],
            PropertyStats { exercise: "b".into(), property: "p".into(), failing_runs: 14, learners: 2 }
        );
        assert_eq!(stats.properties[1].property, "q");
    }

    #[test]
    fn last_activity_is_the_latest_time_recorded() {
        let rec = ExerciseRecord {
            first_run: Some("2026-01-01T00:00:00Z".into()),
            hint_times: vec!["2026-03-01T00:00:00Z".into()],
            solved: Some("not a time".into()),
            ..ExerciseRecord::default()
        };
        assert_eq!(last_activity(&learner(&[("a", rec)])).as_deref(), Some("2026-03-01T00:00:00Z"));
    }
}
