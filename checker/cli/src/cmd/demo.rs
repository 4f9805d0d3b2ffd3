//! `cargo learn demo LESSON`: the lesson's applied section, on your own code.

use std::process::{Command, ExitCode};

use anyhow::{Context, Result, bail};

use crate::check::{Runner, Settings};
use crate::compile::Target;
use crate::course::Course;
use crate::render;

/// Demos read real data and may write figures; they get more time than a check.
const DEMO_LIMIT_SECONDS: u64 = 120;

pub fn run(course: &Course, lesson: u32, solutions: bool) -> Result<ExitCode> {
    let Some(l) = course.lesson(lesson) else {
        bail!("there is no lesson {lesson}; lessons are numbered 1 to {}", course.lessons.len())
    };
    let target = if solutions { Target::Solutions } else { Target::Exercises };
    let settings =
        Settings { target, time_limit: std::time::Duration::from_secs(DEMO_LIMIT_SECONDS), color: render::use_color() };
    let runner = match crate::check::prepare(course, &settings)? {
        Runner::Ready(path) => path,
        Runner::CompileError { rendered, .. } => {
            println!("{}\n{rendered}", render::red("The workbook does not compile, so the demo cannot run:"));
            return Ok(crate::exit(false));
        }
    };
    let out = course.root.join("target").join("eigenlings").join("demo").join(format!("lesson-{lesson:02}"));
    std::fs::create_dir_all(&out).with_context(|| format!("cannot create {}", out.display()))?;
    println!("{}\n", render::bold(&format!("Lesson {lesson}: {} — apply it", l.title)));
    let mut child = Command::new(&runner)
        .args(["demo", &lesson.to_string(), "--data"])
        .arg(course.root.join("data"))
        .arg("--out")
        .arg(&out)
        .spawn()
        .with_context(|| format!("cannot start {}", runner.display()))?;
    let deadline = std::time::Instant::now() + settings.time_limit;
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break Some(status);
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            break None;
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    };
    match status {
        Some(s) if s.success() => {
            let mut figures: Vec<_> = std::fs::read_dir(&out)?.filter_map(|e| e.ok()).map(|e| e.path()).collect();
            figures.sort();
            if !figures.is_empty() {
                println!("\nFigures:");
                for f in figures {
                    println!("  {}", course.relative(&f).display());
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(_) => Ok(crate::exit(false)),
        None => {
            println!(
                "{}",
                render::red(&format!("The demo did not finish within {DEMO_LIMIT_SECONDS} s and was stopped."))
            );
            Ok(crate::exit(false))
        }
    }
}
