//! The judge shared by the mutation suites: runs a table of mutants and
//! variants through a check and says which expectation was not met.

use report::{ExerciseReport, Status};

/// What one row of a table expects from the check.
pub enum Expect {
    /// A correct variant: every property holds.
    Pass,
    /// A mutant: this property fails, on an input with at most `max` entries.
    Kill(&'static str, usize),
}
pub use Expect::{Kill, Pass};

/// Numbers inside `[...]` in a printed input: the vector and matrix entries,
/// not the names, the scalars, the "× 2^600" note or "2×0 empty matrix".
pub fn entries(text: &str) -> usize {
    let (mut depth, mut token, mut count) = (0usize, String::new(), 0usize);
    let mut flush = |token: &mut String| {
        count += usize::from(token.parse::<f64>().is_ok());
        token.clear();
    };
    for ch in text.chars() {
        match ch {
            '[' | ']' | ',' | ' ' | '\n' => {
                flush(&mut token);
                depth = match ch {
                    '[' => depth + 1,
                    ']' => depth.saturating_sub(1),
                    _ => depth,
                };
            }
            _ if depth > 0 => token.push(ch),
            _ => {}
        }
    }
    flush(&mut token);
    count
}

/// Check every row of an exercise's table; print the table; fail with every problem at once.
pub fn judge(exercise: &str, rows: Vec<(&str, ExerciseReport, Expect)>) {
    let mut problems = Vec::new();
    println!("== {exercise}");
    for (name, report, expect) in rows {
        let failed: Vec<&str> =
            report.properties.iter().filter(|p| p.status != Status::Passed).map(|p| p.name.as_str()).collect();
        match expect {
            Pass => {
                println!("  variant {name}: {:?}", report.status);
                if report.status != Status::Passed {
                    let why = report.first_failure().and_then(|p| p.failure.as_ref());
                    problems.push(format!("variant `{name}` must pass, but {failed:?} failed: {why:#?}"));
                }
            }
            Kill(property, max) => {
                let p = report.properties.iter().find(|p| p.name == property);
                let Some(p) = p.filter(|p| p.status == Status::Failed) else {
                    problems.push(format!(
                        "mutant `{name}` must fail `{property}`, but the report is {:?} with failures {failed:?}",
                        report.status
                    ));
                    continue;
                };
                let f = p.failure.as_ref().expect("a failed property carries its failure");
                println!(
                    "  mutant {name}: killed by {property} (all failing: {failed:?})\n    {}\n    output {} / expected {}",
                    f.input.replace('\n', "\n    "),
                    f.output,
                    f.expected
                );
                if report.status != Status::Failed {
                    problems.push(format!("mutant `{name}`: exercise status {:?}, not Failed", report.status));
                }
                let n = entries(&f.input);
                if n > max {
                    problems.push(format!(
                        "mutant `{name}`: counterexample for `{property}` has {n} entries (> {max}):\n{}",
                        f.input
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{exercise}:\n{}", problems.join("\n\n"));
}
