//! Bad learner code, end to end: each test makes one realistic mistake in a
//! real exercise file, runs `cargo learn run EXERCISE` and `cargo learn verify
//! --all --format json` on it, and checks that the verdict has the right
//! status, says in plain words what went wrong, comes within the time limit,
//! and that the CLI itself exits 1 (not 2, not a crash of its own).
//!
//! Lesson 1 is solved in the sandbox first (reference solutions pasted in and
//! run), so lesson 2 is unlocked and `run` checks its exercises.

mod common;

use std::time::Duration;

use common::{Run, Session, exercise_json, replace_once, with_body};
use serde_json::Value;

fn sandbox() -> Session {
    common::shared("bad-code", |s| {
        s.prebuild(&["run-exercises"]);
        s.solve_lesson(1);
    })
}

/// What one mistake produced.
struct Verdict {
    /// `cargo learn run EXERCISE`: builds, checks, prints the verdict for a person.
    run: Run,
    /// `cargo learn verify --all --format json` right after: the build is done,
    /// so its time is the time the checks took.
    verify: Run,
    /// This exercise's entry in the JSON.
    json: Value,
}

impl Verdict {
    fn message(&self) -> &str {
        self.json["message"].as_str().unwrap_or("")
    }

    /// The first property that did not pass.
    fn failing_property(&self) -> &Value {
        self.json["properties"]
            .as_array()
            .and_then(|ps| ps.iter().find(|p| p["status"] != "passed"))
            .unwrap_or_else(|| panic!("no failing property in {:#}", self.json))
    }
}

/// Check `id` as it is now in the sandbox, with the supervisor's wall-clock limit at `limit` seconds.
fn check(s: &Session, id: &str, limit: u64) -> Verdict {
    let limit = limit.to_string();
    let run = s.cli(&["--time-limit", &limit, "run", id]);
    let verify = s.cli(&["--time-limit", &limit, "verify", "--all", "--format", "json"]);
    let json = exercise_json(&verify.json(), id).clone();
    eprintln!("[e2e] {id}: run {:.2} s, verify {:.2} s", run.elapsed.as_secs_f64(), verify.elapsed.as_secs_f64());
    Verdict { run, verify, json }
}

/// The verdict every bad implementation must get: the status in the JSON and
/// in words, exit code 1 from both commands, and no longer than `within`
/// for the checks (measured on `verify`, whose build is already done).
#[track_caller]
fn assert_verdict(v: &Verdict, status: &str, within: Duration) {
    let word = match status {
        "failed" => "✗ failed",
        "not_implemented" => "… not implemented yet",
        "compile_error" => "✗ does not compile",
        "timed_out" => "⏱ timed out",
        "crashed" => "✗ crashed",
        other => panic!("unexpected status {other}"),
    };
    assert_eq!(v.json["status"], status, "status in verify's JSON: {:#}\n{}", v.json, v.verify.transcript());
    v.run.assert_code(1).assert_stdout_has(&[word]);
    v.verify.assert_code(1);
    assert!(
        v.verify.elapsed < within,
        "the verdict took {:.1} s, more than {within:?}\n{}",
        v.verify.elapsed.as_secs_f64(),
        v.verify.transcript()
    );
    // A generous bound on `run`, which also builds: a hang would show here.
    assert!(
        v.run.elapsed < within + Duration::from_secs(120),
        "`run` took {:.1} s\n{}",
        v.run.elapsed.as_secs_f64(),
        v.run.transcript()
    );
}

const DOT: &str = "dot_product";

#[test]
fn todo_is_not_implemented_yet() {
    let s = sandbox();
    let v = check(&s, DOT, 10);
    assert_verdict(&v, "not_implemented", Duration::from_secs(5));
    assert!(v.message().contains("Not implemented yet: `dot`"), "{}", v.message());
    v.run.assert_stdout_has(&["Not implemented yet: `dot` is still to be written"]);
}

#[test]
fn a_panic_fails_and_the_message_names_the_panic() {
    let mut s = sandbox();
    let text = with_body(
        &s.exercise_text(DOT),
        "dot",
        r#"    if a.is_empty() {
        panic!("the dot product of empty vectors is undefined");
    }
    a.iter().zip(b).map(|(x, y)| x * y).sum()"#,
    );
    s.write_exercise(DOT, text);
    let v = check(&s, DOT, 10);
    assert_verdict(&v, "failed", Duration::from_secs(5));
    let p = v.failing_property();
    assert_eq!(p["name"], "empty_vectors", "{p:#}");
    assert!(p["message"].as_str().unwrap().contains("`dot` panicked instead of returning"), "{p:#}");
    assert!(p["output"].as_str().unwrap().contains("the dot product of empty vectors is undefined"), "{p:#}");
    v.run.assert_rows(&[
        ("property", "empty_vectors"),
        ("problem", "`dot` panicked instead of returning"),
        ("yours", "dot_product.rs:14:9: the dot product of empty vectors is undefined"),
        ("input", "a = []"),
    ]);
}

#[test]
fn an_index_out_of_bounds_fails_and_shows_the_input() {
    let mut s = sandbox();
    let text = with_body(
        &s.exercise_text(DOT),
        "dot",
        "    let mut sum = 0.0;
    for i in 0..=a.len() {
        sum += a[i] * b[i];
    }
    sum",
    );
    s.write_exercise(DOT, text);
    let v = check(&s, DOT, 10);
    assert_verdict(&v, "failed", Duration::from_secs(5));
    let p = v.failing_property();
    assert!(p["output"].as_str().unwrap().contains("index out of bounds: the len is 3 but the index is 3"), "{p:#}");
    v.run
        .assert_rows(&[("yours", "index out of bounds: the len is 3 but the index is 3"), ("input", "a = [1, 2, 3]")])
        .assert_stdout_has(&["let a = [1.0, 2.0, 3.0];"]);
}

/// k_nearest by selection: pick the nearest row not taken yet until there are
/// k. With k larger than the data there is nothing left to pick, and the loop
/// never ends. The watchdog (2 s per case) reports it, long before the
/// supervisor's limit, naming the property and the input.
#[test]
fn an_infinite_loop_is_stopped_by_the_watchdog_which_names_the_property_and_the_input() {
    let mut s = sandbox();
    let text = with_body(
        &s.exercise_text("k_nearest"),
        "k_nearest",
        "    // Selection: pick the nearest row not taken yet, until there are k.
    let mut taken = vec![false; data.nrows()];
    let mut out = Vec::new();
    while out.len() < k {
        let mut best: Option<(f64, usize)> = None;
        for i in 0..data.nrows() {
            if taken[i] {
                continue;
            }
            let d = distance(data.row(i), query);
            if best.is_none_or(|(bd, _)| d < bd) {
                best = Some((d, i));
            }
        }
        if let Some((_, i)) = best {
            taken[i] = true;
            out.push(i);
        }
    }
    out",
    );
    s.write_exercise("k_nearest", text);
    let v = check(&s, "k_nearest", 20);
    assert_verdict(&v, "timed_out", Duration::from_secs(12));
    assert!(
        v.message().contains("did not return within 2 s") && v.message().contains("`textbook_examples`"),
        "{}",
        v.message()
    );
    let p = v.failing_property();
    assert_eq!(p["name"], "textbook_examples");
    assert!(p["input"].as_str().unwrap().contains("k = 5"), "{p:#}");
    v.run
        .assert_rows(&[
            ("property", "textbook_examples"),
            ("input", "k = 5"),
            ("yours", "still running when it was stopped"),
        ])
        .assert_stdout_has(&["let k = 5;"]);
}

/// The classic: a `while` loop without `i += 1`. It hangs on the very first
/// call the checks make (the probe that tells `todo!()` apart), so the
/// verdict must still come from the watchdog, with the function and input.
#[test]
fn an_infinite_loop_on_the_first_call_is_stopped_by_the_watchdog_too() {
    let mut s = sandbox();
    let text = with_body(
        &s.exercise_text(DOT),
        "dot",
        "    let mut sum = 0.0;
    let mut i = 0;
    while i < a.len() {
        sum += a[i] * b[i];
    }
    sum",
    );
    s.write_exercise(DOT, text);
    let v = check(&s, DOT, 6);
    assert_eq!(v.json["status"], "timed_out", "{:#}", v.json);
    v.run.assert_code(1);
    assert!(
        v.verify.elapsed < Duration::from_secs(5),
        "the verdict took {:.1} s: the watchdog (2 s) did not fire, the supervisor's 6 s limit did. \
         The first call of each function (`Checker::probe`) runs outside `watchdog::enter`.\n{}",
        v.verify.elapsed.as_secs_f64(),
        v.run.transcript()
    );
    // Which function hung, and on what: in the message or the property's name or input.
    let p = v.failing_property();
    let said = format!("{} {} {}", v.message(), p["name"], p["input"]);
    assert!(said.contains("`dot`"), "the verdict does not say that `dot` hung: {:#}", v.json);
}

/// A recursion whose slice never shrinks (`..n` where `..n - 1` was meant).
#[test]
fn unbounded_recursion_crashes_and_the_stack_overflow_is_explained() {
    let mut s = sandbox();
    let text = with_body(
        &s.exercise_text(DOT),
        "dot",
        "    // Recursive: the last product plus the dot product of the rest.
    if a.is_empty() {
        return 0.0;
    }
    let n = a.len();
    a[n - 1] * b[n - 1] + dot(&a[..n], &b[..n])",
    );
    s.write_exercise(DOT, text);
    let v = check(&s, DOT, 10);
    assert_verdict(&v, "crashed", Duration::from_secs(6));
    assert!(
        v.message().contains("overflowed the stack") && v.message().contains("unbounded recursion"),
        "{}",
        v.message()
    );
    v.run.assert_stdout_has(&["Your code overflowed the stack"]);
    assert!(
        !v.run.stdout.contains("fatal runtime error"),
        "the runtime's own words are replaced by the explanation\n{}",
        v.run.transcript()
    );
}

/// The reference norm_l2 without its zero guard: the zero vector scales by 1/0.
#[test]
fn a_nan_result_fails_and_says_nan() {
    let mut s = sandbox();
    let text = replace_once(
        &s.solution_text("vector_norms"),
        "    let m = norm_inf(v);\n    if m == 0.0 {\n        return 0.0;\n    }\n    let mut sum",
        "    let m = norm_inf(v);\n    let mut sum",
    );
    s.write_exercise("vector_norms", text);
    let v = check(&s, "vector_norms", 10);
    assert_verdict(&v, "failed", Duration::from_secs(5));
    let p = v.failing_property();
    assert_eq!(p["name"], "textbook_examples_l2", "{p:#}");
    assert!(p["message"].as_str().unwrap().contains("returned NaN"), "{p:#}");
    assert_eq!(p["output"], "NaN", "{p:#}");
    assert!(p["input"].as_str().unwrap().contains("v = [0, 0]"), "{p:#}");
    v.run.assert_rows(&[
        ("problem", "`norm_l2` returned NaN where the answer is a finite number"),
        ("yours", "NaN"),
        ("expected", "0"),
    ]);
}

/// An off-by-one loop start in `add` (lesson 1): one coordinate short.
#[test]
fn a_result_of_the_wrong_length_fails_and_says_so() {
    let mut s = sandbox();
    let text = with_body(
        &s.solution_text("add_vectors"),
        "add",
        "    let mut out = Vec::with_capacity(u.len());
    for i in 1..u.len() {
        out.push(u[i] + v[i]);
    }
    out",
    );
    s.write_exercise("add_vectors", text);
    let v = check(&s, "add_vectors", 10);
    assert_verdict(&v, "failed", Duration::from_secs(5));
    let p = v.failing_property();
    assert!(
        p["message"].as_str().unwrap().contains("`add` returned a vector of length 1, but the answer has length 2"),
        "{p:#}"
    );
    v.run.assert_rows(&[
        ("problem", "returned a vector of length 1, but the answer has length 2"),
        ("yours", "[2]"),
        ("expected", "[4, 2]"),
    ]);
}

/// A shift where a multiplication was meant: 8 GiB for a vector of length 1.
/// The runner's address-space limit (4 GiB) makes it fail at once, instead of
/// a machine that swaps.
fn huge_allocation(s: &mut Session) {
    let text = with_body(
        &s.solution_text("scale_vector"),
        "scale",
        "    // Room for the result first.
    let mut out = vec![0.0; v.len() << 30];
    for (o, x) in out.iter_mut().zip(v) {
        *o = c * x;
    }
    out",
    );
    s.write_exercise("scale_vector", text);
}

#[test]
fn a_huge_allocation_crashes_quickly_with_a_memory_message() {
    let mut s = sandbox();
    huge_allocation(&mut s);
    let v = check(&s, "scale_vector", 20);
    assert_verdict(&v, "crashed", Duration::from_secs(6));
    assert!(v.message().contains("allocate more memory than the checks allow"), "{}", v.message());
    assert!(v.message().contains("8589934592 bytes"), "{}", v.message());
    v.run.assert_stdout_has(&["Your code tried to allocate more memory than the checks allow"]);
}

/// The runtime's own words about a crash (the allocation failure's "note:
/// run with `RUST_BACKTRACE=1`…", or with RUST_BACKTRACE=1, which many
/// learners have in their shell, a whole backtrace) are not something the
/// learner's code printed.
#[test]
fn a_crash_does_not_show_the_runtimes_own_notes_as_what_the_code_printed() {
    let mut s = sandbox();
    huge_allocation(&mut s);
    for backtrace in [None, Some("1")] {
        let mut cmd = s.command(&["run", "scale_vector"]);
        if let Some(b) = backtrace {
            cmd.env("RUST_BACKTRACE", b);
        }
        let run = common::run(cmd, common::CLI_TIMEOUT);
        run.assert_code(1).assert_stdout_has(&["✗ crashed", "allocate more memory"]);
        assert!(
            !run.stdout.contains("what your code printed") && !run.stdout.contains("RUST_BACKTRACE"),
            "with RUST_BACKTRACE={backtrace:?}, the runtime's notes are shown as the learner's output (the \
             supervisor's `strip_crash_noise` should drop them, and the runner could run with RUST_BACKTRACE=0)\n{}",
            run.transcript()
        );
    }
}

/// Debug printing inside a loop that never ends: megabytes per second. The
/// verdict still comes at the limit, and only the start of the output is shown.
#[test]
fn a_print_flood_in_an_endless_loop_is_capped_and_the_verdict_comes_in_time() {
    let mut s = sandbox();
    let text = with_body(
        &s.exercise_text(DOT),
        "dot",
        r#"    let mut sum = 0.0;
    let mut i = 0;
    while i < a.len() {
        println!("i = {i}, sum = {sum}");
        sum += a[i] * b[i];
    }
    sum"#,
    );
    s.write_exercise(DOT, text);
    let limit = 4;
    let v = check(&s, DOT, limit);
    assert_verdict(&v, "timed_out", Duration::from_secs(limit + 4));
    v.run.assert_stdout_has(&["what your code printed:", "i = 0, sum = 0", "more bytes of output were not kept"]);
    assert!(v.run.stdout.len() < 64 * 1024, "the output shown is not capped: {} bytes", v.run.stdout.len());
}

/// Printing every input and partial sum while getting the sum wrong (`=` for `+=`).
#[test]
fn printing_megabytes_is_capped_and_the_failure_is_still_reported() {
    let mut s = sandbox();
    let text = with_body(
        &s.exercise_text(DOT),
        "dot",
        r#"    let mut sum = 0.0;
    for i in 0..a.len() {
        eprintln!("a = {a:?}\nb = {b:?}\n{}", "-".repeat(4096));
        sum = a[i] * b[i];
    }
    sum"#,
    );
    s.write_exercise(DOT, text);
    let v = check(&s, DOT, 10);
    assert_verdict(&v, "failed", Duration::from_secs(6));
    v.run
        .assert_rows(&[("property", "textbook_examples"), ("problem", "`dot` is off by")])
        .assert_stdout_has(&["what your code printed:", "more bytes of output were not kept"]);
    assert!(v.run.stdout.len() < 64 * 1024, "the output shown is not capped: {} bytes", v.run.stdout.len());
}

#[test]
fn a_compile_error_shows_the_compiler_message() {
    let mut s = sandbox();
    let text = with_body(
        &s.exercise_text(DOT),
        "dot",
        "    let mut sum = 0;
    for i in 0..a.len() {
        sum += a[i] * b[i];
    }
    sum",
    );
    s.write_exercise(DOT, text);
    let v = check(&s, DOT, 10);
    assert_verdict(&v, "compile_error", Duration::from_secs(5));
    assert!(v.message().contains("dot_product.rs does not compile yet"), "{}", v.message());
    assert!(v.message().contains("error[E0277]: cannot add-assign `f64` to `{integer}`"), "{}", v.message());
    v.run.assert_stdout_has(&["does not compile yet", "error[E0277]", "dot_product.rs:15:13"]);
    // One crate: every other exercise is blocked too, and says why.
    let others = exercise_json(&v.verify.json(), "add_vectors").clone();
    assert_eq!(others["status"], "compile_error", "{others:#}");
    assert!(others["message"].as_str().unwrap().contains("does not compile because of"), "{others:#}");
}

#[test]
fn a_deleted_exercise_file_is_reported_with_the_way_back() {
    let mut s = sandbox();
    let file = s.exercise_file(DOT);
    s.remove(&file);
    let v = check(&s, DOT, 10);
    assert_verdict(&v, "compile_error", Duration::from_secs(5));
    let expected = format!("{} is missing (deleted or renamed?)", file.display());
    assert!(v.message().contains(&expected), "{}", v.message());
    assert!(v.message().contains("`cargo learn reset dot_product`"), "{}", v.message());
    v.run.assert_stdout_has(&[&expected, "cargo learn reset dot_product"]);
}
