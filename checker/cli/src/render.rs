//! Terminal output: verdicts, the failing property with its minimal input,
//! and small styling helpers (colour only on a terminal, never with NO_COLOR).

use std::io::IsTerminal;

use report::{ExerciseReport, PropertyReport, Status};

/// Whether to colour output: stdout is a terminal and NO_COLOR is unset.
pub fn use_color() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}

fn paint(code: &str, s: &str) -> String {
    if use_color() { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
}

pub fn green(s: &str) -> String {
    paint("32", s)
}

pub fn red(s: &str) -> String {
    paint("31", s)
}

pub fn yellow(s: &str) -> String {
    paint("33", s)
}

pub fn bold(s: &str) -> String {
    paint("1", s)
}

pub fn dim(s: &str) -> String {
    paint("2", s)
}

/// A mark and a word for a status.
pub fn status_word(status: Status) -> String {
    match status {
        Status::Passed => green("✓ passed"),
        Status::Failed => red("✗ failed"),
        Status::NotImplemented => yellow("… not implemented yet"),
        Status::CompileError => red("✗ does not compile"),
        Status::TimedOut => red("⏱ timed out"),
        Status::Crashed => red("✗ crashed"),
        Status::Locked => dim("🔒 locked"),
    }
}

/// Indent every line after the first by `pad` spaces.
fn hang(text: &str, pad: usize) -> String {
    let indent = " ".repeat(pad);
    text.lines().collect::<Vec<_>>().join(&format!("\n{indent}"))
}

/// The full verdict on one exercise, as the learner sees it after a check.
pub fn report(report: &ExerciseReport, file: &str, printed: &str) -> String {
    let mut out = format!("{} {}  {}\n", bold(&report.id), dim(&format!("({file})")), status_word(report.status));
    if !report.properties.is_empty() {
        let ladder: Vec<String> = report
            .properties
            .iter()
            .map(|p| {
                if p.status == Status::Passed {
                    green(&format!("✓ {}", p.name))
                } else {
                    red(&format!("✗ {}", p.name))
                }
            })
            .collect();
        out.push_str(&format!("\n  {}\n", ladder.join("  ")));
    }
    if let Some(message) = &report.message {
        out.push_str(&format!("\n  {}\n", hang(message, 2)));
    }
    if let Some(p) = report.first_failure() {
        out.push_str(&failure(p));
    }
    if report.status != Status::Passed && !printed.trim().is_empty() {
        out.push_str(&format!("\n  {}\n  {}\n", dim("what your code printed:"), hang(printed.trim_end(), 2)));
    }
    out
}

/// One failing property: the words, the minimal input, yours vs expected, the bound, and the literal.
pub fn failure(p: &PropertyReport) -> String {
    let mut out = format!("\n  {} {}\n", bold("property "), bold(&p.name));
    out.push_str(&format!("            {}\n", dim(&p.description)));
    let Some(f) = &p.failure else { return out };
    let rows = [
        ("problem", f.message.as_str()),
        ("input", f.input.as_str()),
        ("yours", f.output.as_str()),
        ("expected", f.expected.as_str()),
        ("bound", f.bound.as_str()),
    ];
    out.push('\n');
    for (label, text) in rows {
        if !text.trim().is_empty() {
            out.push_str(&format!("  {label:<9} {}\n", hang(text, 12)));
        }
    }
    if !f.input_literal.is_empty() {
        out.push_str(&format!(
            "\n  {}\n      {}\n",
            dim("the same input as Rust, to paste into a #[test]:"),
            hang(&f.input_literal, 6)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use report::Failure;

    #[test]
    fn a_failure_shows_every_part_with_aligned_labels() {
        let p = PropertyReport {
            name: "sum_of_products".into(),
            description: "a·b = Σ aᵢbᵢ".into(),
            status: Status::Failed,
            failure: Some(Failure {
                message: "`dot` is off by 3".into(),
                input: "a = [1, 2]\nb = [3, 0]".into(),
                input_literal: "let a = [1.0, 2.0];\nlet b = [3.0, 0.0];".into(),
                output: "6".into(),
                expected: "3".into(),
                bound: "|yours − answer| = 3.00e0, allowed ≤ 1.11e-14".into(),
            }),
        };
        let text = failure(&p);
        assert!(text.contains("  input     a = [1, 2]\n            b = [3, 0]\n"), "{text}");
        assert!(text.contains("  yours     6\n  expected  3\n"), "{text}");
        assert!(text.contains("      let a = [1.0, 2.0];\n      let b = [3.0, 0.0];"), "{text}");
    }
}
