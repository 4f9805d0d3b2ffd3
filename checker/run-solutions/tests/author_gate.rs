//! The author gate, part 1: every reference solution passes every check.

use report::Status;

#[test]
fn every_reference_solution_passes_every_property() {
    let course = runner::course!(solutions);
    let mut failures = Vec::new();
    for report in runner::check_all_in_process(&course) {
        if report.status != Status::Passed {
            failures.push(format!(
                "{}: {:?} {:?} {:#?}",
                report.id,
                report.status,
                report.message,
                report.first_failure()
            ));
        }
    }
    assert!(failures.is_empty(), "reference solutions that do not pass:\n{}", failures.join("\n"));
}
