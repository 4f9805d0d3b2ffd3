//! Timing one call: repeat it until a time budget is spent, keep the median.

use std::hint::black_box;
use std::time::{Duration, Instant};

use crate::Measure;
use crate::quality::Quality;

/// Fewest timed calls behind a median.
const MIN_RUNS: usize = 3;
/// Most timed calls, for functions far faster than the budget.
const MAX_RUNS: usize = 1000;

/// Call `call` once to judge its result with `judge`, then time it repeatedly
/// until `budget` is spent (at least [`MIN_RUNS`] times) and return the median.
///
/// The first call is not timed: it warms the caches and allocator, and its
/// result is the one judged.
pub fn measure<T>(
    budget: Duration,
    mut call: impl FnMut() -> T,
    judge: impl FnOnce(&T) -> Result<Quality, String>,
) -> Result<Measure, String> {
    let first = call();
    let quality = judge(&first)?;
    drop(first);
    let mut times = Vec::new();
    let started = Instant::now();
    while times.len() < MIN_RUNS || (started.elapsed() < budget && times.len() < MAX_RUNS) {
        let t = Instant::now();
        black_box(call());
        times.push(t.elapsed().as_secs_f64());
    }
    Ok(Measure {
        seconds: median(&mut times),
        runs: times.len(),
        backward: quality.backward,
        orthogonality: quality.orthogonality,
    })
}

/// The median of `xs` (the mean of the middle two for an even count).
pub fn median(xs: &mut [f64]) -> f64 {
    xs.sort_by(f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 { xs[n / 2] } else { (xs[n / 2 - 1] + xs[n / 2]) / 2.0 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
    }

    #[test]
    fn a_refused_result_is_reported_and_not_timed() {
        let mut calls = 0;
        let out = measure(Duration::ZERO, || calls += 1, |_| Err("no".to_string()));
        assert_eq!(out, Err("no".to_string()));
        assert_eq!(calls, 1);
    }
}
