//! Machine-readable results of `verify`: one JSON object, or JUnit XML.
//! Both are what a CI job (GitHub Actions, GitLab CI) reads; the README has
//! an example workflow that grades lesson by lesson.

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};
use report::{ExerciseReport, Status};
use serde_json::{Value, json};

use crate::course::Course;

/// One checked (or locked) exercise.
pub struct Row {
    pub lesson: u32,
    pub report: ExerciseReport,
    pub seconds: f64,
}

const STATUSES: [Status; 7] = [
    Status::Passed,
    Status::Failed,
    Status::NotImplemented,
    Status::CompileError,
    Status::TimedOut,
    Status::Crashed,
    Status::Locked,
];

/// `{"exercises": [...], "summary": {...}, "lessons": [...]}`, as in the command-line contract.
pub fn json(course: &Course, target: &str, rows: &[Row]) -> String {
    let exercises: Vec<Value> = rows
        .iter()
        .map(|row| {
            let r = &row.report;
            let properties: Vec<Value> = r
                .properties
                .iter()
                .map(|p| {
                    let mut v = json!({ "name": p.name, "description": p.description, "status": p.status });
                    if let Some(f) = &p.failure {
                        v["message"] = json!(f.message);
                        v["input"] = json!(f.input);
                        v["input_literal"] = json!(f.input_literal);
                        v["output"] = json!(f.output);
                        v["expected"] = json!(f.expected);
                        v["bound"] = json!(f.bound);
                    }
                    v
                })
                .collect();
            let mut v = json!({ "id": r.id, "lesson": row.lesson, "status": r.status, "properties": properties });
            if let Some(m) = &r.message {
                v["message"] = json!(m);
            }
            v
        })
        .collect();
    let mut summary = json!({ "total": rows.len() });
    for s in STATUSES {
        summary[s.as_str()] = json!(rows.iter().filter(|r| r.report.status == s).count());
    }
    let lessons: Vec<Value> = course
        .lessons
        .iter()
        .filter_map(|l| {
            let of: Vec<&Row> = rows.iter().filter(|r| r.lesson == l.number).collect();
            let passed = of.iter().filter(|r| r.report.status == Status::Passed).count();
            (!of.is_empty()).then(|| {
                json!({ "lesson": l.number, "title": l.title, "passed": passed, "total": of.len(),
                        "complete": passed == of.len() })
            })
        })
        .collect();
    let doc = json!({ "target": target, "exercises": exercises, "summary": summary, "lessons": lessons });
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string())
}

/// JUnit XML: one test suite per lesson, one test case per exercise.
pub fn junit(course: &Course, target: &str, rows: &[Row]) -> String {
    let mut report = Report::new(format!("eigenlings ({target})"));
    for lesson in &course.lessons {
        let lesson_rows: Vec<&Row> = rows.iter().filter(|r| r.lesson == lesson.number).collect();
        if lesson_rows.is_empty() {
            continue;
        }
        let mut suite = TestSuite::new(format!("lesson {:02}: {}", lesson.number, lesson.title));
        for row in lesson_rows {
            let r = &row.report;
            let status = match r.status {
                Status::Passed => TestCaseStatus::success(),
                Status::Locked => {
                    let mut s = TestCaseStatus::skipped();
                    s.set_message("locked: earlier lessons are not done");
                    s
                }
                other => {
                    let kind = match other {
                        Status::Failed | Status::NotImplemented => NonSuccessKind::Failure,
                        _ => NonSuccessKind::Error,
                    };
                    let mut s = TestCaseStatus::non_success(kind);
                    s.set_type(other.as_str());
                    s.set_message(summary_line(r));
                    s.set_description(details(r));
                    s
                }
            };
            let mut case = TestCase::new(r.id.clone(), status);
            case.set_classname(format!("eigenlings.lesson{:02}", lesson.number));
            case.set_time(std::time::Duration::from_secs_f64(row.seconds));
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    report.to_string().unwrap_or_default()
}

/// One line: the status and the first failing property.
fn summary_line(r: &ExerciseReport) -> String {
    match r.first_failure() {
        Some(p) => {
            format!("{}: {} ({})", r.status.as_str(), p.name, p.failure.as_ref().map_or("", |f| f.message.as_str()))
        }
        None => format!("{}: {}", r.status.as_str(), r.message.as_deref().unwrap_or("").lines().next().unwrap_or("")),
    }
}

/// The failing property's input and outputs, as plain text.
fn details(r: &ExerciseReport) -> String {
    let mut s = r.message.clone().unwrap_or_default();
    if let Some(p) = r.first_failure() {
        s.push_str(&format!("\nproperty: {} — {}\n", p.name, p.description));
        if let Some(f) = &p.failure {
            s.push_str(&format!(
                "problem: {}\ninput:\n{}\nyours: {}\nexpected: {}\nbound: {}\n",
                f.message, f.input, f.output, f.expected, f.bound
            ));
        }
    }
    s
}
