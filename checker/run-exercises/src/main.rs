//! The runner for `exercises`: the course table bound to that crate's functions.

fn main() -> std::process::ExitCode {
    runner::main(&runner::course!(exercises))
}
