//! `cargo learn bench EXERCISE`: your factorization against nalgebra's, timed
//! in an optimized build on growing sizes, with both backward errors.

use std::io::{BufRead, BufReader};
use std::process::{Command, ExitCode, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use report::bench::Report;

use crate::compile::{self, Built, Target};
use crate::course::Course;
use crate::render;

/// A bench that takes longer than this is stopped: at n = 256 even an O(n⁴)
/// mistake finishes in seconds, so this much means a loop that does not end.
const BENCH_LIMIT: Duration = Duration::from_secs(600);

pub fn run(course: &Course, exercise: &str, solutions: bool, sizes: &[usize]) -> Result<ExitCode> {
    let e = course.exercise(exercise)?;
    let target = if solutions { Target::Solutions } else { Target::Exercises };
    let whose = if solutions { "the reference solution" } else { "your code" };
    println!("{}", render::bold(&format!("Bench: `{}` ({whose}) against nalgebra", e.id)));
    println!(
        "{}",
        render::dim("Building with optimizations (the first time compiles everything again: a few minutes)…")
    );
    let runner = match compile::build_release(&course.root, target, render::use_color())? {
        Built::Runner(path) => path,
        Built::CompileError { rendered, .. } => {
            println!("{}\n{rendered}", render::red("The workbook does not compile, so the bench cannot run:"));
            return Ok(crate::exit(false));
        }
    };
    let out = course.root.join("target").join("eigenlings").join("bench");
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    let (json, svg) = (out.join(format!("{}.json", e.id)), out.join(format!("{}.svg", e.id)));
    let _ = std::fs::remove_file(&json);
    let sizes: Vec<String> = sizes.iter().map(usize::to_string).collect();
    let mut child = Command::new(&runner)
        .args(["bench", &e.id, "--sizes", &sizes.join(","), "--report"])
        .arg(&json)
        .arg("--svg")
        .arg(&svg)
        .stderr(Stdio::piped())
        .spawn()
        .with_context(|| format!("cannot start {}", runner.display()))?;
    let messages = follow(&mut child)?;
    let finished = child.try_wait()?.is_some_and(|s| s.success());
    if !finished {
        if !messages.is_empty() {
            println!("{}", messages.trim_end());
        }
        println!("{}", render::red("The bench did not finish."));
        return Ok(crate::exit(false));
    }
    let text = std::fs::read_to_string(&json).with_context(|| format!("cannot read {}", json.display()))?;
    let report: Report = serde_json::from_str(&text).with_context(|| format!("cannot parse {}", json.display()))?;
    print!("{}", table(&report));
    println!("\nPlot: {}", course.relative(&svg).display());
    Ok(ExitCode::SUCCESS)
}

/// Draw a progress bar from the runner's `progress DONE TOTAL LABEL` lines until
/// it exits (or is stopped at [`BENCH_LIMIT`]); return its other stderr lines.
fn follow(child: &mut std::process::Child) -> Result<String> {
    let stderr = child.stderr.take().context("the runner has no stderr")?;
    let (send, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if send.send(line).is_err() {
                break;
            }
        }
    });
    let bar = ProgressBar::new(1);
    bar.set_style(ProgressStyle::with_template("  {bar:32} {pos}/{len}  {msg}").expect("a valid template"));
    let deadline = Instant::now() + BENCH_LIMIT;
    let mut messages = String::new();
    loop {
        match lines.recv_timeout(Duration::from_millis(100)) {
            Ok(line) => match parse_progress(&line) {
                Some((done, total, label)) => {
                    bar.set_length(total as u64);
                    bar.set_position(done as u64);
                    bar.set_message(label.to_string());
                }
                None => {
                    messages.push_str(&line);
                    messages.push('\n');
                }
            },
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) if Instant::now() >= deadline => {
                let _ = child.kill();
                messages.push_str(&format!("The bench was stopped after {} s.\n", BENCH_LIMIT.as_secs()));
                break;
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
    }
    bar.finish_and_clear();
    child.wait()?;
    Ok(messages)
}

/// `progress 3 16 64×64, yours` → `(3, 16, "64×64, yours")`.
fn parse_progress(line: &str) -> Option<(usize, usize, &str)> {
    let mut parts = line.strip_prefix("progress ")?.splitn(3, ' ');
    let done = parts.next()?.parse().ok()?;
    let total = parts.next()?.parse().ok()?;
    Some((done, total, parts.next().unwrap_or("")))
}

/// The report as the table `cargo learn bench` prints.
pub fn table(report: &Report) -> String {
    let orthogonal = report.rows.iter().any(|r| r.yours.orthogonality.is_some());
    let mut s = format!(
        "\n{} against {}\n(optimized build; each time is the median of at least 3 calls)\n\n",
        report.exercise, report.counterpart
    );
    s.push_str("  shape         yours     nalgebra    ratio   ‖A − rebuilt‖/‖A‖ yours, nalgebra");
    s.push_str(if orthogonal { "   ‖QᵀQ − I‖ yours, nalgebra\n" } else { "\n" });
    for r in &report.rows {
        s.push_str(&format!(
            "  {:<10} {:>10} {:>12} {:>7.2}×   {:>9} {:>9}",
            format!("{}×{}", r.rows, r.cols),
            duration(r.yours.seconds),
            duration(r.nalgebra.seconds),
            r.ratio(),
            sci(r.yours.backward),
            sci(r.nalgebra.backward),
        ));
        if let (Some(y), Some(n)) = (r.yours.orthogonality, r.nalgebra.orthogonality) {
            s.push_str(&format!("            {:>9} {:>9}", sci(y), sci(n)));
        }
        s.push('\n');
    }
    let exponent = |p: Option<f64>| p.map_or("–".to_string(), |p| format!("{p:.2}"));
    s.push_str(&format!(
        "\nGrowth on n×n inputs, time ∝ nᵖ: yours p = {}, nalgebra p = {}.\nExpected: {}.\n",
        exponent(report.exponent_yours),
        exponent(report.exponent_nalgebra),
        report.expected
    ));
    if let Some(p) = report.exponent_yours
        && p > 3.5
    {
        s.push_str("p above 3.5: look for a matrix product, an inverse or a copy of a whole matrix inside a loop.\n");
    }
    if let Some(largest) = report.rows.iter().filter(|r| r.is_square()).max_by_key(|r| r.cols) {
        s.push_str(&format!("At {0}×{0} yours takes {1:.2}× nalgebra's time.\n", largest.cols, largest.ratio()));
    }
    s
}

/// A time with three significant figures in µs, ms or s.
fn duration(seconds: f64) -> String {
    let (value, unit) = if seconds < 1e-3 {
        (seconds * 1e6, "µs")
    } else if seconds < 1.0 {
        (seconds * 1e3, "ms")
    } else {
        (seconds, "s")
    };
    let decimals = if value >= 100.0 {
        0
    } else if value >= 10.0 {
        1
    } else {
        2
    };
    format!("{value:.decimals$} {unit}")
}

/// `1.2e-15`.
fn sci(x: f64) -> String {
    format!("{x:.1e}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use report::bench::{Measure, Row};

    fn measure(seconds: f64, backward: f64, orthogonality: Option<f64>) -> Measure {
        Measure { seconds, runs: 3, backward, orthogonality }
    }

    #[test]
    fn progress_lines_are_recognized_and_others_are_not() {
        assert_eq!(parse_progress("progress 3 16 64×64, yours"), Some((3, 16, "64×64, yours")));
        assert_eq!(parse_progress("your `lu` refused a random 4×4 matrix"), None);
    }

    #[test]
    fn durations_keep_three_figures() {
        assert_eq!(duration(1.234e-5), "12.3 µs");
        assert_eq!(duration(0.25), "250 ms");
        assert_eq!(duration(2.0), "2.00 s");
    }

    #[test]
    fn the_table_names_the_ratio_and_warns_about_quartic_growth() {
        let row = |n: usize, t: f64| Row {
            rows: n,
            cols: n,
            yours: measure(2.0 * t, 1e-16, Some(2e-15)),
            nalgebra: measure(t, 1e-16, Some(1e-15)),
        };
        let report = Report {
            exercise: "householder_qr".into(),
            counterpart: "nalgebra QR".into(),
            expected: "n³".into(),
            rows: vec![row(64, 1e-4), row(128, 8e-4)],
            exponent_yours: Some(4.1),
            exponent_nalgebra: Some(3.0),
        };
        let t = table(&report);
        assert!(t.contains("128×128") && t.contains("2.00×"), "{t}");
        assert!(t.contains("p = 4.10") && t.contains("look for a matrix product"), "{t}");
        assert!(t.contains("At 128×128 yours takes 2.00× nalgebra's time."), "{t}");
    }
}
