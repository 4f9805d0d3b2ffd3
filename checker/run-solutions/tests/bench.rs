//! The runner's `bench` command, as the CLI calls it, on tiny sizes: progress
//! lines on stderr, a JSON report and an SVG plot. No assertion on time.

use std::process::Command;

use report::bench::Report;

#[test]
fn bench_writes_a_report_and_a_plot_and_reports_progress() {
    let dir = std::env::temp_dir().join(format!("eigenlings-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (json, svg) = (dir.join("lu.json"), dir.join("lu.svg"));
    let out = Command::new(env!("CARGO_BIN_EXE_run-solutions"))
        .args(["bench", "lu_decomposition", "--sizes", "4,8", "--budget-ms", "0", "--report"])
        .arg(&json)
        .arg("--svg")
        .arg(&svg)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.lines().any(|l| l == "progress 4 4 done"), "{stderr}");
    let report: Report = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(report.rows.len(), 2);
    assert!(report.rows.iter().all(|r| r.yours.backward < 1e-13 && r.nalgebra.backward < 1e-13), "{report:#?}");
    assert!(std::fs::read_to_string(&svg).unwrap().starts_with("<svg"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_exercise_without_a_bench_is_named_with_the_ones_that_have_one() {
    let out = Command::new(env!("CARGO_BIN_EXE_run-solutions"))
        .args(["bench", "trace", "--report", "r.json", "--svg", "r.svg"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("no bench for `trace`") && stderr.contains("lu_decomposition, householder_qr"), "{stderr}");
}

#[test]
fn every_bench_is_named_after_an_exercise() {
    let course = runner::course!(solutions);
    let ids: Vec<&str> = course.exercises.iter().map(|e| e.id).collect();
    let benches: Vec<&str> = course.benches.iter().map(|s| s.exercise()).collect();
    assert_eq!(benches, ["lu_decomposition", "householder_qr", "symmetric_eigen", "jacobi_svd"]);
    assert!(benches.iter().all(|b| ids.contains(b)), "{benches:?} not all in {ids:?}");
}
