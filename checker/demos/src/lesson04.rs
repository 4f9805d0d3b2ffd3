//! Lesson 4, apply it: the redundant columns of two real design matrices
//! (Longley, and the diabetes features with a sum column appended) found with
//! the learner's `rref`, `rank` and `null_space`, beside nalgebra's singular
//! values; the four subspaces of the worked example and its elimination steps
//! drawn as figures.

use std::fmt::Write;
use std::path::Path;

use vocab::Matrix;

use crate::Output;
use crate::data::Table;
use crate::space::{Vec3, disc, dot, project, scaled, unit};
use crate::svg::{self, Panel};

/// A basis of a subspace, as the columns of a matrix.
pub type Basis = fn(&Matrix) -> Matrix;

/// The learner's lesson 4 functions the demo runs.
#[derive(Clone, Copy)]
pub struct Functions {
    pub rref: fn(&Matrix) -> (Matrix, Vec<usize>),
    pub rank: fn(&Matrix) -> usize,
    pub column_space: Basis,
    pub row_space: Basis,
    pub null_space: Basis,
    pub left_null_space: Basis,
}

/// The tolerance the lesson's `rref` uses: `1000 · max(m, n) · ε · ‖A‖∞`.
pub fn tolerance(a: &Matrix) -> f64 {
    let norm = a.rows().map(|row| row.iter().map(|x| x.abs()).sum::<f64>()).fold(0.0, f64::max);
    1000.0 * a.nrows().max(a.ncols()) as f64 * f64::EPSILON * norm
}

/// What the learner's functions say about one design matrix, and nalgebra's view.
#[derive(Debug, Clone)]
pub struct Finding {
    pub names: Vec<String>,
    pub shape: (usize, usize),
    pub tolerance: f64,
    /// `rank(A)` by the learner's `rank`.
    pub rank: usize,
    /// The pivot columns by the learner's `rref`.
    pub pivots: Vec<usize>,
    /// The learner's null-space basis, `n × (n − r)`.
    pub null_space: Matrix,
    /// nalgebra's singular values, largest first.
    pub singular_values: Vec<f64>,
}

impl Finding {
    /// The rank by nalgebra's singular values, with NumPy's `matrix_rank` rule:
    /// the number of `σ > max(m, n) · ε · σ₁`.
    pub fn reference_rank(&self) -> usize {
        let cut = self.shape.0.max(self.shape.1) as f64 * f64::EPSILON * self.singular_values[0];
        self.singular_values.iter().filter(|&&s| s > cut).count()
    }
}

/// Run the learner's functions on one table.
pub fn examine(f: &Functions, table: &Table) -> Result<Finding, String> {
    let a = &table.values;
    let (m, n) = a.shape();
    let rank = (f.rank)(a);
    let (r, pivots) = (f.rref)(a);
    if r.shape() != (m, n) {
        return Err(format!("your `rref` of a {m} × {n} matrix returned a {} × {} matrix", r.nrows(), r.ncols()));
    }
    if pivots.len() != rank || pivots.iter().any(|&p| p >= n) {
        return Err(format!("your `rref` returned the pivot columns {pivots:?}, but your `rank` says {rank}"));
    }
    let null_space = (f.null_space)(a);
    if null_space.nrows() != n || null_space.ncols() != n - rank {
        return Err(format!(
            "your `null_space` returned a {} × {} matrix; with rank {rank} it should be {n} × {}",
            null_space.nrows(),
            null_space.ncols(),
            n - rank
        ));
    }
    if null_space.as_slice().iter().any(|x| !x.is_finite()) {
        return Err("your `null_space` returned a number that is not finite".to_string());
    }
    let na = nalgebra::DMatrix::from_fn(m, n, |i, j| a[(i, j)]);
    let singular_values = na.singular_values().as_slice().to_vec();
    Ok(Finding {
        names: table.names.clone(),
        shape: (m, n),
        tolerance: tolerance(a),
        rank,
        pivots,
        null_space,
        singular_values,
    })
}

/// A null vector read as a relation among the named columns: the entries above
/// `1e-8` of the largest, solved for the last of them.
pub fn relation(names: &[String], v: &[f64]) -> String {
    let big = v.iter().fold(0.0, |m: f64, x| m.max(x.abs()));
    let used: Vec<usize> = (0..v.len()).filter(|&j| v[j].abs() > 1e-8 * big).collect();
    let Some((&last, others)) = used.split_last() else {
        return "0 = 0".to_string();
    };
    let terms: Vec<String> =
        others.iter().map(|&j| format!("{:.6} · {}", -v[j] / v[last], names[j]).replace('-', "−")).collect();
    format!("{} = {}", names[last], if terms.is_empty() { "0".to_string() } else { terms.join(" + ") })
}

/// The correlation of two columns.
fn correlation(x: &[f64], y: &[f64]) -> f64 {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let sxy: f64 = x.iter().zip(y).map(|(a, b)| (a - mx) * (b - my)).sum();
    let sxx: f64 = x.iter().map(|a| (a - mx).powi(2)).sum();
    let syy: f64 = y.iter().map(|b| (b - my).powi(2)).sum();
    sxy / (sxx * syy).sqrt()
}

fn write_finding(t: &mut String, finding: &Finding) {
    let n = finding.shape.1;
    let _ = writeln!(t, "  tolerance τ = 1000 · max(m, n) · ε · ‖A‖∞ = {:.1e}", finding.tolerance);
    let free: Vec<&str> = (0..n).filter(|j| !finding.pivots.contains(j)).map(|j| finding.names[j].as_str()).collect();
    let _ = writeln!(
        t,
        "  your rank: {} of {n}; free columns in your rref: {}",
        finding.rank,
        if free.is_empty() { "none".to_string() } else { free.join(", ") }
    );
    let s = &finding.singular_values;
    let _ = writeln!(
        t,
        "  nalgebra: rank {} from the singular values (σ > max(m, n) · ε · σ₁); σ_min / σ_max = {:.1e}",
        finding.reference_rank(),
        s[s.len() - 1] / s[0]
    );
    let _ = writeln!(t, "  your null space: {n} × {}", finding.null_space.ncols());
    for k in 0..finding.null_space.ncols() {
        let v = finding.null_space.column(k);
        let _ = writeln!(t, "    relation {}: {}", k + 1, relation(&finding.names, &v));
    }
}

/// The printed report.
pub fn report(longley: &(Table, Finding), diabetes: &(Table, Finding)) -> String {
    let mut t = String::new();
    let (table, finding) = longley;
    let _ = writeln!(
        t,
        "Longley, 1947 to 1962: {} years × {} predictors ({})",
        finding.shape.0,
        finding.shape.1,
        finding.names.join(", ")
    );
    write_finding(&mut t, finding);
    let _ = writeln!(t, "  no exact relation, yet nearly collinear: the correlations above 0.97 in size");
    let n = finding.shape.1;
    for i in 0..n {
        for j in i + 1..n {
            let r = correlation(&table.values.column(i), &table.values.column(j));
            if r.abs() > 0.97 {
                let _ = writeln!(t, "    {:<8} {:<8} {r:.4}", finding.names[i], finding.names[j]);
            }
        }
    }
    let _ = writeln!(t, "  (how near to dependent they are is a condition number: lessons 5, 6 and 11)\n");
    let (_, finding) = diabetes;
    let _ = writeln!(
        t,
        "Diabetes: {} patients × 10 features, and a column bmi+bp appended: {} columns",
        finding.shape.0, finding.shape.1
    );
    write_finding(&mut t, finding);
    t
}

/// The two design matrices the demo examines.
pub fn tables(data: &Path) -> Result<(Table, Table), String> {
    let longley = Table::load(data, "longley.csv")?.columns(&["GNPDEFL", "GNP", "UNEMP", "ARMED", "POP", "YEAR"])?;
    let features = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"];
    let diabetes = Table::load(data, "diabetes.csv")?.columns(&features)?;
    let (m, n) = diabetes.values.shape();
    let (bmi, bp) = (2, 3);
    let values = Matrix::from_fn(m, n + 1, |i, j| {
        if j < n { diabetes.values[(i, j)] } else { diabetes.values[(i, bmi)] + diabetes.values[(i, bp)] }
    });
    let mut names = diabetes.names;
    names.push("bmi+bp".to_string());
    Ok((longley, Table { names, values }))
}

/// `cargo learn demo 4`.
pub fn demo(f: &Functions, data: &Path) -> Result<Output, String> {
    let (longley, diabetes) = tables(data)?;
    let longley_finding = examine(f, &longley)?;
    let diabetes_finding = examine(f, &diabetes)?;
    let text = report(&(longley, longley_finding), &(diabetes, diabetes_finding));
    Ok(Output { text, figures: figures(f)? })
}

/// The lesson's figures.
pub fn figures(f: &Functions) -> Result<Vec<(&'static str, String)>, String> {
    Ok(vec![("subspaces.svg", subspaces(f)?), ("rref_steps.svg", rref_steps(f)?)])
}

/// The 3 × 3 rank-2 example of the lesson.
pub fn worked_example() -> Matrix {
    Matrix::from_rows(&[vec![1.0, 2.0, 1.0], vec![2.0, 4.0, 4.0], vec![4.0, 8.0, 6.0]])
}

// ------------------------------------------------------------ the subspaces

/// The columns of a basis matrix as points of ℝ³.
fn columns3(what: &str, b: &Matrix, expected: usize) -> Result<Vec<Vec3>, String> {
    if b.nrows() != 3 || b.ncols() != expected {
        return Err(format!(
            "your `{what}` of the 3 × 3 example returned a {} × {} matrix, expected 3 × {expected}",
            b.nrows(),
            b.ncols()
        ));
    }
    Ok((0..expected).map(|k| [b[(0, k)], b[(1, k)], b[(2, k)]]).collect())
}

/// One panel: a plane spanned by `plane` (drawn as a disc of radius `radius`),
/// the line spanned by `line`, the basis vectors as arrows, and `extra` points.
#[allow(clippy::too_many_arguments)]
fn space_panel(
    title: &str,
    plane: &[Vec3],
    plane_name: &str,
    line: Vec3,
    line_name: &str,
    extra: &[Vec3],
    extra_name: &str,
    radius: f64,
) -> Panel {
    let limit = radius * 1.25;
    let mut p = Panel::square(title, 420.0, (-limit, limit), (-limit, limit));
    p.legend(&[(plane_name, svg::BLUE), (line_name, svg::RED), (extra_name, svg::BLACK)]);
    for (k, axis) in ["x₀", "x₁", "x₂"].iter().enumerate() {
        let mut e = [0.0; 3];
        e[k] = radius * 0.9;
        p.arrow([0.0, 0.0], project(e), svg::GREY, true);
        p.label(project(scaled(e, 1.15)), axis, svg::GREY);
    }
    p.area(&disc(plane[0], plane[1], radius), svg::BLUE, 0.15);
    for &b in plane {
        p.arrow([0.0, 0.0], project(b), svg::BLUE, false);
    }
    let l = scaled(unit(line), radius);
    p.line(project(scaled(l, -1.0)), project(l), svg::RED, false);
    p.arrow([0.0, 0.0], project(line), svg::RED, false);
    for &x in extra {
        p.point(project(x), 4.0, svg::BLACK, 1.0);
    }
    p
}

/// Row space and null space (input side); column space and left null space (output side).
fn subspaces(f: &Functions) -> Result<String, String> {
    let a = worked_example();
    let row = columns3("row_space", &(f.row_space)(&a), 2)?;
    let null = columns3("null_space", &(f.null_space)(&a), 1)?;
    let column = columns3("column_space", &(f.column_space)(&a), 2)?;
    let left = columns3("left_null_space", &(f.left_null_space)(&a), 1)?;
    let rows: Vec<Vec3> = (0..3).map(|i| [a[(i, 0)], a[(i, 1)], a[(i, 2)]]).collect();
    let cols: Vec<Vec3> = (0..3).map(|j| [a[(0, j)], a[(1, j)], a[(2, j)]]).collect();
    let size = |v: &[Vec3]| v.iter().map(|&x| dot(x, x).sqrt()).fold(0.0, f64::max);
    let input = space_panel(
        "Input space ℝ³: row space ⟂ null space",
        &row,
        "row space",
        null[0],
        "null space",
        &rows,
        "rows of A",
        size(&rows).max(size(&row)),
    );
    let output = space_panel(
        "Output space ℝ³: column space ⟂ left null space",
        &column,
        "column space",
        left[0],
        "left null space",
        &cols,
        "columns of A",
        size(&cols).max(size(&column)),
    );
    Ok(svg::figure(&[input, output]))
}

// ------------------------------------------------------- the elimination steps

/// One state of the elimination, as the figure shows it.
#[derive(Debug, Clone)]
pub struct Step {
    pub caption: String,
    pub r: Matrix,
    /// The pivot of this step, if it has one.
    pub pivot: Option<(usize, usize)>,
    /// The rows this step changed.
    pub changed: Vec<usize>,
    /// A column found free in this step.
    pub free: Option<usize>,
}

/// Gauss–Jordan elimination with partial pivoting on `a`, recording each state
/// as the lesson's table lists them (the algorithm of the lesson, replayed here
/// to draw it; the final state is checked against the learner's `rref`).
pub fn elimination_steps(a: &Matrix) -> Vec<Step> {
    let (m, n) = a.shape();
    let tol = tolerance(a);
    let mut r = a.clone();
    let mut steps =
        vec![Step { caption: "start: A".to_string(), r: r.clone(), pivot: None, changed: vec![], free: None }];
    let mut k = 0;
    for j in 0..n {
        if k == m {
            break;
        }
        let p = (k..m).fold(k, |best, i| if r[(i, j)].abs() > r[(best, j)].abs() { i } else { best });
        if r[(p, j)].abs() <= tol {
            for i in k..m {
                r[(i, j)] = 0.0;
            }
            let caption = format!("column {j} is free");
            steps.push(Step { caption, r: r.clone(), pivot: None, changed: vec![], free: Some(j) });
            continue;
        }
        let mut caption = String::new();
        if p != k {
            r.swap_rows(p, k);
            steps.push(Step {
                caption: format!("swap rows {k} and {p}"),
                r: r.clone(),
                pivot: Some((k, j)),
                changed: vec![k, p],
                free: None,
            });
        } else {
            caption.push_str("no swap; ");
        }
        let pivot = r[(k, j)];
        for c in 0..n {
            r[(k, c)] /= pivot;
        }
        r[(k, j)] = 1.0;
        let _ = write!(caption, "row {k} ÷ {}", number(pivot));
        steps.push(Step { caption, r: r.clone(), pivot: Some((k, j)), changed: vec![k], free: None });
        let mut changed = Vec::new();
        for i in (0..m).filter(|&i| i != k) {
            let factor = r[(i, j)];
            if factor != 0.0 {
                for c in j + 1..n {
                    r[(i, c)] -= factor * r[(k, c)];
                }
                changed.push(i);
            }
            r[(i, j)] = 0.0;
        }
        let caption = format!("clear column {j}");
        steps.push(Step { caption, r: r.clone(), pivot: Some((k, j)), changed, free: None });
        k += 1;
    }
    steps
}

/// A matrix entry as the figure prints it: at most two decimals, `−` for minus.
fn number(x: f64) -> String {
    let s = format!("{:.2}", x + 0.0);
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".to_string() } else { s.replace('-', "−") }
}

/// The worked example's elimination, one small grid per step.
fn rref_steps(f: &Functions) -> Result<String, String> {
    let a = worked_example();
    let steps = elimination_steps(&a);
    let last = &steps[steps.len() - 1].r;
    let (theirs, _) = (f.rref)(&a);
    let agree = theirs.shape() == last.shape()
        && theirs.as_slice().iter().zip(last.as_slice()).all(|(x, y)| (x - y).abs() <= 1e-12);
    if !agree {
        return Err(format!(
            "your `rref` of the worked example is {theirs:?}, where the lesson's steps end at {last:?}"
        ));
    }
    let panels: Vec<Panel> = steps
        .iter()
        .enumerate()
        .map(|(s, step)| {
            let mut p = Panel::new(&format!("{s}: {}", step.caption), 180.0, 190.0, (-0.2, 3.2), (-0.2, 3.2));
            for i in 0..3 {
                for j in 0..3 {
                    let (x, y) = (j as f64, 2.0 - i as f64);
                    let fill = if step.free == Some(j) {
                        "#dddddd"
                    } else if step.changed.contains(&i) {
                        "#fff2b3"
                    } else {
                        "#ffffff"
                    };
                    p.rect((x, x + 1.0), (y, y + 1.0), fill);
                    p.label([x + 0.5, y + 0.5], &number(step.r[(i, j)]), svg::BLACK);
                }
            }
            if let Some((i, j)) = step.pivot {
                p.ring([j as f64 + 0.5, 2.5 - i as f64], 15.0, svg::RED);
            }
            p
        })
        .collect();
    Ok(svg::figure(&panels))
}
