//! The "apply it" sections of the lessons: each demo runs the learner's own
//! functions (passed in as `fn` pointers) on a real dataset from `data/`,
//! prints what a practitioner would look at, and writes the lesson's figures.
//!
//! A demo computes an [`Output`] and does no I/O besides reading its data, so
//! the tests can run it on the reference solutions and compare the text with
//! the lesson's README and the figures with the committed ones.

pub mod data;
pub mod lesson01;
pub mod lesson02;
pub mod lesson03;
pub mod lesson04;
pub mod lesson05;
pub mod lesson06;
pub mod lesson07;
pub mod lesson08;
pub mod lesson09;
pub mod lesson10;
pub mod lesson11;
pub mod lesson12;
pub mod png;
pub mod reference;
pub mod space;
pub mod svg;

use std::path::PathBuf;

/// Where a demo reads its data and writes its figures.
#[derive(Debug, Clone)]
pub struct Args {
    /// The repository's `data/` folder.
    pub data: PathBuf,
    /// Where to write figures (created if missing).
    pub out: PathBuf,
}

/// What a demo produces: the text it prints and the figures it draws.
#[derive(Debug, Clone)]
pub struct Output {
    /// The printed report, ending with a newline.
    pub text: String,
    /// `(file name, SVG document)`, in the order the README shows them.
    pub figures: Vec<(&'static str, String)>,
}

impl Output {
    /// Print the report and write the figures into `out`.
    pub fn emit(&self, out: &std::path::Path) -> Result<(), String> {
        print!("{}", self.text);
        for (name, svg) in &self.figures {
            data::write_figure(out, name, svg)?;
        }
        Ok(())
    }
}

/// A small deterministic generator for the figures' random points
/// (SplitMix64), so the committed figures can be reproduced exactly.
pub(crate) struct Random(u64);

impl Random {
    pub(crate) fn new(seed: u64) -> Random {
        Random(seed)
    }

    /// A number uniformly distributed in `lo..hi`.
    pub(crate) fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^= z >> 31;
        lo + (hi - lo) * ((z >> 11) as f64 / (1u64 << 53) as f64)
    }
}

/// Check that a learner's function returned a vector of the expected length.
pub(crate) fn expect_len(what: &str, v: &[f64], n: usize) -> Result<(), String> {
    if v.len() != n {
        return Err(format!("your `{what}` returned {} numbers where {n} were expected", v.len()));
    }
    if let Some(x) = v.iter().find(|x| !x.is_finite()) {
        return Err(format!("your `{what}` returned {x}, where every number should be finite"));
    }
    Ok(())
}
