//! The bench's figure: time against n on log–log axes, yours beside nalgebra's,
//! with a slope-3 guide so that an n⁴ algorithm visibly bends away from it.

use demos::svg::{self, Panel};

use crate::Report;

/// The SVG document for `report`: log₂ n across, log₁₀ seconds up.
pub fn svg(report: &Report) -> String {
    let points = |tall: bool, pick: fn(&crate::Row) -> f64| -> Vec<[f64; 2]> {
        report
            .rows
            .iter()
            .filter(|r| r.is_square() != tall)
            .map(|r| [(r.cols as f64).log2(), pick(r).log10()])
            .collect()
    };
    let series = [
        ("yours, n×n", svg::BLUE, points(false, |r| r.yours.seconds), false),
        ("nalgebra, n×n", svg::ORANGE, points(false, |r| r.nalgebra.seconds), false),
        ("yours, 4n×n", svg::BLUE, points(true, |r| r.yours.seconds), true),
        ("nalgebra, 4n×n", svg::ORANGE, points(true, |r| r.nalgebra.seconds), true),
    ];
    let all: Vec<[f64; 2]> = series.iter().flat_map(|s| s.2.iter().copied()).collect();
    let (x0, x1) = bounds(all.iter().map(|p| p[0]));
    let (y0, y1) = bounds(all.iter().map(|p| p[1]));
    let mut panel = Panel::new(
        &format!("{}: time against size, one run (log–log)", report.exercise),
        640.0,
        440.0,
        (x0 - 0.25, x1 + 0.25),
        (y0.floor() - 0.2, y1.ceil() + 0.2),
    );
    panel.axes("log₂ n", "log₁₀ seconds", 1.0, 1.0);
    // A guide of slope 3 (time ∝ n³) through nalgebra's first square point.
    if let Some(&[gx, gy]) = series[1].2.first() {
        let rise = 3.0 * 2f64.log10();
        panel.line([gx, gy], [x1, gy + rise * (x1 - gx)], svg::GREY, true);
        panel.label([x1, gy + rise * (x1 - gx)], "∝ n³", svg::GREY);
    }
    let mut legend = Vec::new();
    for (name, colour, pts, dashed) in &series {
        if pts.is_empty() {
            continue;
        }
        for pair in pts.windows(2) {
            panel.line(pair[0], pair[1], colour, *dashed);
        }
        for &p in pts {
            panel.point(p, 3.5, colour, 1.0);
        }
        if !dashed {
            legend.push((*name, *colour));
        }
    }
    if report.rows.iter().any(|r| !r.is_square()) {
        legend.push(("dashed: 4n×n", svg::GREY));
    }
    panel.legend(&legend);
    svg::figure(&[panel])
}

/// (min, max) of the finite values, (0, 1) without any.
fn bounds(xs: impl Iterator<Item = f64>) -> (f64, f64) {
    let (lo, hi) =
        xs.filter(|x| x.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), x| (a.min(x), b.max(x)));
    if lo <= hi { (lo, hi) } else { (0.0, 1.0) }
}
