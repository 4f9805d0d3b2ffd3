//! Printing inputs and outputs for people (aligned, integers as integers) and
//! for Rust (exact literals the learner can paste into a unit test).

use vocab::{float_literal, format_entry};

/// `[1, -2.5, 3]`
pub fn vector(v: &[f64]) -> String {
    let parts: Vec<String> = v.iter().map(|&x| format_entry(x)).collect();
    format!("[{}]", parts.join(", "))
}

/// `[1.0, -2.5, 3.0]`, exact.
pub fn vector_literal(v: &[f64]) -> String {
    let parts: Vec<String> = v.iter().map(|&x| float_literal(x)).collect();
    format!("[{}]", parts.join(", "))
}

/// One number for reading.
pub fn number(x: f64) -> String {
    format_entry(x)
}

/// One number as an exact Rust literal.
pub fn number_literal(x: f64) -> String {
    float_literal(x)
}

/// Named vectors, one per line, names aligned: `u = [1, 2]`.
pub fn named_vectors(names: &[&str], vectors: &[Vec<f64>]) -> String {
    let width = names.iter().map(|n| n.chars().count()).max().unwrap_or(0);
    names.iter().zip(vectors).map(|(n, v)| format!("{n:>width$} = {}", vector(v))).collect::<Vec<_>>().join("\n")
}

/// `let u = [1.0, 2.0];` lines for named vectors.
pub fn named_literals(names: &[&str], vectors: &[Vec<f64>]) -> String {
    names.iter().zip(vectors).map(|(n, v)| format!("let {n} = {};", vector_literal(v))).collect::<Vec<_>>().join("\n")
}

/// A `Result` from the learner, printed for reading.
pub fn result<T>(r: &Result<T, vocab::LinalgError>, show: impl Fn(&T) -> String) -> String {
    match r {
        Ok(v) => format!("Ok({})", show(v)),
        Err(e) => format!("Err({e:?})"),
    }
}

/// `A (2×3) =` and the rows below, one matrix after another (`A = [ 0×3 … ]`
/// for an empty one).
pub fn named_matrices(named: &[(&str, &vocab::Matrix)]) -> String {
    let parts: Vec<String> = named
        .iter()
        .map(|(n, m)| {
            if m.nrows() == 0 || m.ncols() == 0 {
                format!("{n} = {m}")
            } else {
                format!("{n} ({}×{}) =\n{m}", m.nrows(), m.ncols())
            }
        })
        .collect();
    parts.join("\n")
}

/// `let name = Matrix::from_rows(…);`, ready to paste into a test.
pub fn matrix_literal(name: &str, m: &vocab::Matrix) -> String {
    format!("let {name} = {m:?};")
}
