//! The cohort report for a terminal: learners × lessons, where each learner
//! is now, the exercises and properties that took the most checks, hints and
//! solutions, re-verification, and what needs the instructor's attention.

use std::fmt::Write as _;

use crate::course::Course;
use crate::identity::printable;

use super::load::cut;
use super::stats::Stats;
use super::{Learner, LessonCell, Position};

/// How many rows the "most" tables show.
const TOP: usize = 10;

pub fn render(course: &Course, learners: &[Learner], stats: &Stats) -> String {
    let mut out = String::new();
    let lessons = super::lessons_with_exercises(course);
    let _ = writeln!(
        out,
        "eigenlings cohort report: {} learner(s), {} exercises in {} lesson(s){}\n",
        learners.len(),
        course.exercises.len(),
        lessons.len(),
        if learners.iter().any(|l| l.reverified.is_some()) { ", re-verified" } else { "" }
    );
    table(&mut out, course, learners);
    now_at(&mut out, course, learners, stats);
    hardest(&mut out, stats);
    hints(&mut out, stats);
    reverified(&mut out, learners);
    attention(&mut out, learners);
    out
}

fn pad(text: &str, width: usize) -> String {
    let text = cut(text, width);
    let n = text.chars().count();
    format!("{text}{}", " ".repeat(width.saturating_sub(n)))
}

fn table(out: &mut String, course: &Course, learners: &[Learner]) {
    let lessons = super::lessons_with_exercises(course);
    let name_width = learners.iter().map(|l| l.name.chars().count()).max().unwrap_or(7).clamp(7, 28);
    let mut head = pad("LEARNER", name_width);
    for l in &lessons {
        head.push_str(&format!("  {:<6}", format!("L{}", l.number)));
    }
    let _ = writeln!(out, "{head}  {:<30}  LAST ACTIVE", "NOW AT");
    for learner in learners {
        let mut row = pad(&learner.name, name_width);
        for l in &lessons {
            let cell = match super::lesson_cell(course, learner, l.number) {
                LessonCell::Done => "done".to_string(),
                LessonCell::Partial(done, total) => format!("{done}/{total}"),
                LessonCell::NotStarted => "·".to_string(),
                LessonCell::Unknown => "?".to_string(),
            };
            row.push_str(&format!("  {cell:<6}"));
        }
        let now = super::position(course, learner).describe();
        let last = super::stats::last_activity(learner).map(|t| printable(&t)).unwrap_or_else(|| "-".into());
        let flag = if learner.needs_attention() { "  (!)" } else { "" };
        let _ = writeln!(out, "{row}  {}  {}{flag}", pad(&now, 30), cut(&last, 20));
    }
    let _ = writeln!(
        out,
        "\ndone: every exercise of the lesson; 3/7: exercises done; ·: not started; ?: progress unreadable; \
         (!): see \"Needs attention\"."
    );
}

fn now_at(out: &mut String, course: &Course, learners: &[Learner], stats: &Stats) {
    let _ = writeln!(out, "\nWhere learners are now");
    let mut rows: Vec<(String, usize)> = stats
        .exercises
        .iter()
        .filter(|s| s.stuck_now > 0)
        .map(|s| (format!("{} (lesson {})", s.id, s.lesson), s.stuck_now))
        .collect();
    let count = |wanted: fn(&Position) -> bool| learners.iter().filter(|l| wanted(&super::position(course, l))).count();
    for (label, n) in [
        ("finished", stats.finished),
        ("all available done", count(|p| matches!(p, Position::Waiting))),
        ("unknown (progress unreadable)", count(|p| matches!(p, Position::Unknown))),
    ] {
        if n > 0 {
            rows.push((label.to_string(), n));
        }
    }
    for (label, n) in rows {
        let _ = writeln!(out, "  {}  {n:>4} learner(s)", pad(&label, 40));
    }
}

fn hardest(out: &mut String, stats: &Stats) {
    let mut by_runs: Vec<_> = stats.exercises.iter().filter(|s| s.runs > 0).collect();
    by_runs.sort_by_key(|s| std::cmp::Reverse(s.runs));
    let _ = writeln!(out, "\nExercises that took the most checks (all learners)");
    if by_runs.is_empty() {
        let _ = writeln!(out, "  (no checks recorded yet)");
    } else {
        let _ = writeln!(out, "  {}  CHECKS  DONE  WORKING  MEDIAN TO SOLVE  MOST", pad("EXERCISE", 24));
        for s in by_runs.into_iter().take(TOP) {
            let median = s.median_runs_to_solve().map_or("-".into(), |m| m.to_string());
            let most = s.runs_to_solve.last().map_or("-".into(), |m| m.to_string());
            let _ = writeln!(
                out,
                "  {}  {:>6}  {:>4}  {:>7}  {median:>15}  {most:>4}",
                pad(&s.id, 24),
                s.runs,
                s.done,
                s.in_progress
            );
        }
    }
    let _ = writeln!(out, "\nProperties that failed most often (first failing property of each check)");
    if stats.properties.is_empty() {
        let _ = writeln!(out, "  (no failures recorded yet)");
    }
    for p in stats.properties.iter().take(TOP) {
        let name = format!("{} · {}", p.exercise, printable(&p.property));
        let _ = writeln!(out, "  {}  {:>5} failing checks, {} learner(s)", pad(&name, 56), p.failing_runs, p.learners);
    }
}

fn hints(out: &mut String, stats: &Stats) {
    let used: Vec<_> = stats.exercises.iter().filter(|s| s.hint_levels[0] > 0 || s.solution_views > 0).collect();
    let _ = writeln!(out, "\nHints and worked solutions (learners)");
    if used.is_empty() {
        let _ = writeln!(out, "  (none used yet)");
        return;
    }
    let _ = writeln!(out, "  {}  IDEA  STEP  PITFALL  BEFORE SOLVING  SOLUTION VIEWED", pad("EXERCISE", 24));
    for s in used {
        let _ = writeln!(
            out,
            "  {}  {:>4}  {:>4}  {:>7}  {:>14}  {:>15}",
            pad(&s.id, 24),
            s.hint_levels[0],
            s.hint_levels[1],
            s.hint_levels[2],
            s.hints_before_solving,
            if s.solution_views_before_solving > 0 {
                format!("{} ({} before solving)", s.solution_views, s.solution_views_before_solving)
            } else {
                s.solution_views.to_string()
            }
        );
    }
}

fn reverified(out: &mut String, learners: &[Learner]) {
    if learners.iter().all(|l| l.reverified.is_none()) {
        return;
    }
    let _ = writeln!(out, "\nRe-verification (the checks re-run on each learner's own files)");
    for learner in learners {
        let Some(r) = &learner.reverified else { continue };
        let _ = writeln!(out, "  {} ({}): {}", learner.name, learner.path, r.summary());
        for note in &r.notes {
            let _ = writeln!(out, "      note: {}", printable(note));
        }
        for c in r.claims.iter().filter(|c| c.flagged()) {
            let detail =
                if c.detail.is_empty() { String::new() } else { format!(" ({})", cut(&printable(&c.detail), 100)) };
            let _ = writeln!(out, "      ✗ {}: {}{detail}", c.id, c.words());
        }
    }
}

fn attention(out: &mut String, learners: &[Learner]) {
    let with_problems: Vec<&Learner> = learners.iter().filter(|l| !l.problems.is_empty()).collect();
    if !with_problems.is_empty() {
        let _ = writeln!(out, "\nNeeds attention");
        for learner in with_problems {
            for p in &learner.problems {
                let _ = writeln!(out, "  {} ({}): {}", learner.name, learner.path, printable(p));
            }
        }
    }
    let with_notes: Vec<&Learner> = learners.iter().filter(|l| !l.notes.is_empty()).collect();
    if !with_notes.is_empty() {
        let _ = writeln!(out, "\nNotes");
        for learner in with_notes {
            for n in &learner.notes {
                let _ = writeln!(out, "  {} ({}): {}", learner.name, learner.path, printable(n));
            }
        }
    }
}
