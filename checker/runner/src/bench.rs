//! `bench EXERCISE`: time one factorization against nalgebra's and write the
//! report (JSON) and the plot (SVG) where the CLI asked.

use std::io::Write;
use std::process::ExitCode;
use std::time::Duration;

use crate::{Course, EXIT_FAILED, EXIT_NOT_IMPLEMENTED, EXIT_USAGE, option, usage};

pub fn run(course: &Course, args: &[String]) -> ExitCode {
    let Some(id) = args.first() else { return usage("bench: which exercise?") };
    let (Some(report_path), Some(svg_path)) = (option(args, "--report"), option(args, "--svg")) else {
        return usage("bench: --report FILE and --svg FILE are required");
    };
    let Some(subject) = course.benches.iter().find(|s| s.exercise() == id) else {
        let known: Vec<&str> = course.benches.iter().map(|s| s.exercise()).collect();
        eprintln!("There is no bench for `{id}`. Benches exist for: {}.", known.join(", "));
        return ExitCode::from(EXIT_USAGE);
    };
    let mut plan = speed::Plan::standard();
    if let Some(sizes) = option(args, "--sizes") {
        match sizes.split(',').map(|s| s.trim().parse::<usize>()).collect::<Result<Vec<_>, _>>() {
            Ok(sizes) if !sizes.is_empty() && sizes.iter().all(|&n| n > 0) => plan.sizes = sizes,
            _ => return usage("bench: --sizes takes positive whole numbers separated by commas, e.g. 32,64,128"),
        }
    }
    if let Some(ms) = option(args, "--budget-ms").and_then(|ms| ms.parse().ok()) {
        plan.budget = Duration::from_millis(ms);
    }
    let mut progress = |done: usize, total: usize, label: &str| {
        let mut err = std::io::stderr().lock();
        let _ = writeln!(err, "progress {done} {total} {label}");
        let _ = err.flush();
    };
    let report = match checks::guard::call(|| speed::run(subject, &plan, &mut progress)) {
        Ok(Ok(report)) => report,
        Ok(Err(message)) => {
            eprintln!("{message}");
            return ExitCode::from(EXIT_FAILED);
        }
        Err(p) if p.is_not_implemented() => {
            eprintln!("The bench needs a function you have not written yet: {}", p.message);
            return ExitCode::from(EXIT_NOT_IMPLEMENTED);
        }
        Err(p) => {
            eprintln!("Your code {}", p.describe());
            return ExitCode::from(EXIT_FAILED);
        }
    };
    let json = serde_json::to_string_pretty(&report).expect("a bench report always encodes");
    for (path, text) in [(report_path, json), (svg_path, speed::plot::svg(&report))] {
        if let Err(e) = std::fs::write(path, text) {
            return usage(&format!("could not write {path}: {e}"));
        }
    }
    ExitCode::SUCCESS
}
