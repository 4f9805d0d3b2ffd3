//! Comparing a learner's answer with the expected one, and saying how it differs.

use crate::harness::Miss;
use crate::pretty;
use crate::tol;

/// `got` has the length of `want`, only finite entries, and ‖got − want‖₂ ≤ `bound`.
pub fn vector_close(function: &str, got: &[f64], want: &[f64], bound: f64) -> Result<(), Miss> {
    let shown = || (pretty::vector(got), pretty::vector(want));
    if got.len() != want.len() {
        let (g, w) = shown();
        return Err(Miss::new(format!(
            "`{function}` returned a vector of length {}, but the answer has length {}",
            got.len(),
            want.len()
        ))
        .output(g)
        .expected(w));
    }
    if !tol::all_finite(got) && tol::all_finite(want) {
        let (g, w) = shown();
        return Err(Miss::new(format!("`{function}` returned NaN or infinity where the answer is finite"))
            .output(g)
            .expected(w));
    }
    let err = tol::distance(got, want);
    if err <= bound {
        return Ok(());
    }
    let (g, w) = shown();
    Err(Miss::new(format!("`{function}` is off by {} (distance to the answer)", pretty::number(err)))
        .output(g)
        .expected(w)
        .bound(format!("‖yours − answer‖ = {err:.2e}, allowed ≤ {bound:.2e}")))
}

/// `got` is finite and |got − want| ≤ `bound`.
pub fn scalar_close(function: &str, got: f64, want: f64, bound: f64) -> Result<(), Miss> {
    let err = (got - want).abs();
    if err <= bound && got.is_finite() == want.is_finite() {
        return Ok(());
    }
    Err(Miss::new(if !got.is_finite() && want.is_finite() {
        format!("`{function}` returned {got} where the answer is a finite number")
    } else if got == 0.0 && want != 0.0 {
        format!("`{function}` returned 0, but the answer is not zero")
    } else {
        format!("`{function}` is off by {}", pretty::number(err))
    })
    .output(pretty::number(got))
    .expected(pretty::number(want))
    .bound(format!("|yours − answer| = {err:.2e}, allowed ≤ {bound:.2e}")))
}
