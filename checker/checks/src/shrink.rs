//! Shrinking: a proptest `ValueTree` that makes a failing input small and
//! readable.
//!
//! The order of candidates is what makes counterexamples short: first drop a
//! whole vector, then a coordinate, then undo the power-of-two scale, then move
//! scalars to their floor, then move each entry toward zero (to 0, to half, one
//! step closer). proptest's own tuple shrinker visits each component once and
//! stops at 5×5; this queue goes back to every candidate after each success.

use std::collections::VecDeque;
use std::fmt;
use std::sync::Arc;

use proptest::strategy::{NewTree, Strategy, ValueTree};
use proptest::test_runner::{TestRng, TestRunner};

use crate::cases::Case;

/// Smaller variants of `case`, most aggressive first, each still valid.
pub fn candidates(case: &Case) -> Vec<Case> {
    let spec = case.spec;
    let mut out = Vec::new();
    let with = |f: &dyn Fn(&mut Case)| {
        let mut c = case.clone();
        f(&mut c);
        c
    };
    // 1. Drop a vector.
    if case.rows.len() > spec.min_rows {
        for i in 0..case.rows.len() {
            out.push(with(&|c: &mut Case| {
                c.rows.remove(i);
            }));
        }
    }
    // 2. Drop a coordinate (from every vector at once when they are aligned).
    if spec.aligned {
        let len = case.rows.first().map_or(0, Vec::len);
        if len > spec.min_cols {
            for j in spec.fixed_cols..len {
                out.push(with(&|c: &mut Case| {
                    for r in &mut c.rows {
                        r.remove(j);
                    }
                }));
            }
        }
    } else {
        for i in 0..case.rows.len() {
            if case.rows[i].len() > spec.min_cols {
                for j in 0..case.rows[i].len() {
                    out.push(with(&|c: &mut Case| {
                        c.rows[i].remove(j);
                    }));
                }
            }
        }
    }
    // 2b. Drop row i and coordinate i together, where dropping either alone is
    //     invalid: a square matrix (lesson 5) shrinks to a smaller square one.
    //     Specs where those moves are valid get no extra candidates.
    if spec.aligned && case.rows.len() > spec.min_rows {
        let len = case.rows.first().map_or(0, Vec::len);
        if len > spec.min_cols {
            for i in spec.fixed_cols..case.rows.len().min(len) {
                let row_only = with(&|c: &mut Case| {
                    c.rows.remove(i);
                });
                let column_only = with(&|c: &mut Case| {
                    for r in &mut c.rows {
                        r.remove(i);
                    }
                });
                if !(spec.valid)(&row_only) && !(spec.valid)(&column_only) {
                    out.push(with(&|c: &mut Case| {
                        c.rows.remove(i);
                        for r in &mut c.rows {
                            r.remove(i);
                        }
                    }));
                }
            }
        }
    }
    // 3. Undo the scale, or halve it.
    if case.exp != 0 {
        out.push(with(&|c: &mut Case| c.exp = 0));
        if case.exp / 2 != 0 {
            out.push(with(&|c: &mut Case| c.exp = case.exp / 2));
        }
    }
    // 4. Scalars toward their floor.
    for (k, &s) in case.scalars.iter().enumerate() {
        let floor = spec.scalar_floor.get(k).copied().unwrap_or(0.0);
        for t in toward(s, floor) {
            out.push(with(&|c: &mut Case| c.scalars[k] = t));
        }
    }
    // 5. Entries toward zero.
    for i in 0..case.rows.len() {
        for j in 0..case.rows[i].len() {
            for t in toward(case.rows[i][j], 0.0) {
                out.push(with(&|c: &mut Case| c.rows[i][j] = t));
            }
        }
    }
    out.retain(|c| (spec.valid)(c));
    out
}

/// Values between `x` and `target`, closest to the target first.
fn toward(x: f64, target: f64) -> Vec<f64> {
    if x == target || !x.is_finite() {
        return Vec::new();
    }
    let mut v = vec![target];
    let half = target + ((x - target) / 2.0).trunc();
    if half != target && half != x {
        v.push(half);
    }
    if x.fract() != 0.0 {
        v.push(x.trunc());
    }
    let step = target + (x - target) - (x - target).signum();
    if (step - target).abs() < (x - target).abs() && step != half && !v.contains(&step) {
        v.push(step);
    }
    v
}

/// proptest's protocol: `simplify` after a failure, `complicate` after a pass.
pub struct CaseTree {
    cur: Case,
    last_fail: Case,
    queue: VecDeque<Case>,
    exhausted: bool,
}

impl ValueTree for CaseTree {
    type Value = Case;

    fn current(&self) -> Case {
        self.cur.clone()
    }

    fn simplify(&mut self) -> bool {
        // `cur` failed: it becomes the new baseline, and its candidates the queue.
        if self.exhausted && same(&self.cur, &self.last_fail) {
            return false;
        }
        self.last_fail = self.cur.clone();
        self.queue = candidates(&self.last_fail).into();
        self.exhausted = false;
        match self.queue.pop_front() {
            Some(c) => {
                self.cur = c;
                true
            }
            None => {
                self.exhausted = true;
                false
            }
        }
    }

    fn complicate(&mut self) -> bool {
        // `cur` passed: try the next candidate, or go back to the last failure once.
        match self.queue.pop_front() {
            Some(c) => {
                self.cur = c;
                true
            }
            None => {
                self.cur = self.last_fail.clone();
                self.exhausted = true;
                true
            }
        }
    }
}

fn same(a: &Case, b: &Case) -> bool {
    a.rows == b.rows && a.scalars == b.scalars && a.exp == b.exp
}

/// A strategy from a generator function; shrinking is [`CaseTree`].
#[derive(Clone)]
pub struct Cases {
    generate: Arc<dyn Fn(&mut TestRng) -> Case>,
}

impl Cases {
    pub fn new(generate: impl Fn(&mut TestRng) -> Case + 'static) -> Self {
        Self { generate: Arc::new(generate) }
    }
}

impl fmt::Debug for Cases {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Cases")
    }
}

impl Strategy for Cases {
    type Tree = CaseTree;
    type Value = Case;

    fn new_tree(&self, runner: &mut TestRunner) -> NewTree<Self> {
        let case = (self.generate)(runner.rng());
        Ok(CaseTree { cur: case.clone(), last_fail: case, queue: VecDeque::new(), exhausted: false })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toward_zero_tries_zero_then_half_then_one_step() {
        assert_eq!(toward(9.0, 0.0), vec![0.0, 4.0, 8.0]);
        assert_eq!(toward(-3.0, 0.0), vec![0.0, -1.0, -2.0]);
        assert_eq!(toward(1.0, 0.0), vec![0.0]);
        assert_eq!(toward(2.5, 1.0), vec![1.0, 2.0, 1.5]);
        assert!(toward(0.0, 0.0).is_empty());
    }
}
