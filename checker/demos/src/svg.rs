//! A small SVG plotter for the lessons' figures: one panel with data
//! coordinates, axes, points, arrows and bars, and a row of panels per file.
//!
//! Output is deterministic (coordinates rounded to 0.1 px), so a figure made
//! from the reference solutions can be committed and compared byte for byte.

use std::fmt::Write;

/// Colours used across the course, colour-blind safe (Okabe–Ito).
pub const BLUE: &str = "#0072b2";
pub const ORANGE: &str = "#e69f00";
pub const GREEN: &str = "#009e73";
pub const RED: &str = "#d55e00";
pub const PURPLE: &str = "#cc79a7";
pub const GREY: &str = "#777777";
pub const BLACK: &str = "#222222";
/// Thin guide lines (the coordinate axes).
const LIGHT: &str = "#bbbbbb";

/// The series colours, in order.
pub const SERIES: [&str; 4] = [BLUE, ORANGE, GREEN, PURPLE];

/// Ten distinguishable colours for plots with many curves (Tableau 10).
pub const PALETTE10: [&str; 10] =
    ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"];

const MARGIN_LEFT: f64 = 52.0;
const MARGIN_RIGHT: f64 = 16.0;
const MARGIN_TOP: f64 = 50.0;
const MARGIN_BOTTOM: f64 = 44.0;

/// One plotting panel: a `width`×`height` pixel box showing the data
/// rectangle `x.0..x.1` × `y.0..y.1` (y grows upwards, as in mathematics).
pub struct Panel {
    width: f64,
    height: f64,
    x: (f64, f64),
    y: (f64, f64),
    body: String,
}

impl Panel {
    /// An empty panel with a title at the top.
    pub fn new(title: &str, width: f64, height: f64, x: (f64, f64), y: (f64, f64)) -> Panel {
        let mut p = Panel { width, height, x, y, body: String::new() };
        let _ = writeln!(
            p.body,
            r#"<text x="{:.1}" y="20" text-anchor="middle" font-size="14" font-weight="bold">{}</text>"#,
            width / 2.0,
            escape(title)
        );
        p
    }

    /// Panel with equal scales on both axes (circles look round): the data
    /// rectangle is widened in one direction to fit the pixel box.
    pub fn square(title: &str, size: f64, x: (f64, f64), y: (f64, f64)) -> Panel {
        let (w, h) = (x.1 - x.0, y.1 - y.0);
        let side = w.max(h);
        let (cx, cy) = ((x.0 + x.1) / 2.0, (y.0 + y.1) / 2.0);
        let plot_w = size - MARGIN_LEFT - MARGIN_RIGHT;
        let plot_h = size - MARGIN_TOP - MARGIN_BOTTOM;
        let (sx, sy) = if plot_w >= plot_h { (side * plot_w / plot_h, side) } else { (side, side * plot_h / plot_w) };
        Panel::new(title, size, size, (cx - sx / 2.0, cx + sx / 2.0), (cy - sy / 2.0, cy + sy / 2.0))
    }

    /// Pixel column of the data coordinate `x`.
    fn px(&self, x: f64) -> f64 {
        MARGIN_LEFT + (x - self.x.0) / (self.x.1 - self.x.0) * (self.width - MARGIN_LEFT - MARGIN_RIGHT)
    }

    /// Pixel row of the data coordinate `y`.
    fn py(&self, y: f64) -> f64 {
        self.height
            - MARGIN_BOTTOM
            - (y - self.y.0) / (self.y.1 - self.y.0) * (self.height - MARGIN_TOP - MARGIN_BOTTOM)
    }

    /// A frame, tick marks every `step` on both axes, labels, and the
    /// coordinate axes through the origin when the origin is inside.
    pub fn axes(&mut self, x_label: &str, y_label: &str, x_step: f64, y_step: f64) {
        let (l, r, t, b) = (self.px(self.x.0), self.px(self.x.1), self.py(self.y.1), self.py(self.y.0));
        let _ = writeln!(
            self.body,
            r#"<rect x="{l:.1}" y="{t:.1}" width="{:.1}" height="{:.1}" fill="none" stroke="{GREY}"/>"#,
            r - l,
            b - t
        );
        for x in ticks(self.x, x_step) {
            let px = self.px(x);
            let _ = writeln!(
                self.body,
                r#"<line x1="{px:.1}" y1="{b:.1}" x2="{px:.1}" y2="{:.1}" stroke="{GREY}"/>"#,
                b + 4.0
            );
            let _ = writeln!(
                self.body,
                r#"<text x="{px:.1}" y="{:.1}" text-anchor="middle" font-size="11">{}</text>"#,
                b + 16.0,
                tick_label(x)
            );
        }
        for y in ticks(self.y, y_step) {
            let py = self.py(y);
            let _ = writeln!(
                self.body,
                r#"<line x1="{:.1}" y1="{py:.1}" x2="{l:.1}" y2="{py:.1}" stroke="{GREY}"/>"#,
                l - 4.0
            );
            let _ = writeln!(
                self.body,
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="11">{}</text>"#,
                l - 6.0,
                py + 4.0,
                tick_label(y)
            );
        }
        if self.x.0 < 0.0 && self.x.1 > 0.0 {
            let px = self.px(0.0);
            let _ =
                writeln!(self.body, r#"<line x1="{px:.1}" y1="{t:.1}" x2="{px:.1}" y2="{b:.1}" stroke="{LIGHT}"/>"#);
        }
        if self.y.0 < 0.0 && self.y.1 > 0.0 {
            let py = self.py(0.0);
            let _ =
                writeln!(self.body, r#"<line x1="{l:.1}" y1="{py:.1}" x2="{r:.1}" y2="{py:.1}" stroke="{LIGHT}"/>"#);
        }
        let _ = writeln!(
            self.body,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="12">{}</text>"#,
            (l + r) / 2.0,
            self.height - 8.0,
            escape(x_label)
        );
        let _ = writeln!(
            self.body,
            r#"<text x="14" y="{:.1}" text-anchor="middle" font-size="12" transform="rotate(-90 14 {:.1})">{}</text>"#,
            (t + b) / 2.0,
            (t + b) / 2.0,
            escape(y_label)
        );
    }

    /// A filled dot of radius `r` pixels; points outside the data rectangle are left out.
    pub fn point(&mut self, p: [f64; 2], r: f64, colour: &str, opacity: f64) {
        if p[0] < self.x.0 || p[0] > self.x.1 || p[1] < self.y.0 || p[1] > self.y.1 {
            return;
        }
        let _ = writeln!(
            self.body,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" fill="{colour}" fill-opacity="{opacity:.2}"/>"#,
            self.px(p[0]),
            self.py(p[1])
        );
    }

    /// A cross marker (for means and other summaries), `size` pixels wide.
    pub fn cross(&mut self, p: [f64; 2], size: f64, colour: &str) {
        let (x, y, h) = (self.px(p[0]), self.py(p[1]), size / 2.0);
        let _ = writeln!(
            self.body,
            r#"<path d="M{:.1},{:.1}L{:.1},{:.1}M{:.1},{:.1}L{:.1},{:.1}" stroke="{colour}" stroke-width="3"/>"#,
            x - h,
            y - h,
            x + h,
            y + h,
            x - h,
            y + h,
            x + h,
            y - h
        );
    }

    /// A straight segment; `dashed` for construction lines.
    pub fn line(&mut self, from: [f64; 2], to: [f64; 2], colour: &str, dashed: bool) {
        let dash = if dashed { r#" stroke-dasharray="5,4""# } else { "" };
        let _ = writeln!(
            self.body,
            r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{colour}" stroke-width="1.5"{dash}/>"#,
            self.px(from[0]),
            self.py(from[1]),
            self.px(to[0]),
            self.py(to[1])
        );
    }

    /// An arrow from `from` to `to` with a head at `to`.
    pub fn arrow(&mut self, from: [f64; 2], to: [f64; 2], colour: &str, dashed: bool) {
        let (x0, y0, x1, y1) = (self.px(from[0]), self.py(from[1]), self.px(to[0]), self.py(to[1]));
        let len = ((x1 - x0).powi(2) + (y1 - y0).powi(2)).sqrt();
        if len < 1e-9 {
            return;
        }
        let (ux, uy) = ((x1 - x0) / len, (y1 - y0) / len);
        let (hx, hy) = (x1 - 10.0 * ux, y1 - 10.0 * uy);
        let dash = if dashed { r#" stroke-dasharray="5,4""# } else { "" };
        let _ = writeln!(
            self.body,
            r#"<line x1="{x0:.1}" y1="{y0:.1}" x2="{hx:.1}" y2="{hy:.1}" stroke="{colour}" stroke-width="2.5"{dash}/>"#
        );
        let _ = writeln!(
            self.body,
            r#"<path d="M{x1:.1},{y1:.1}L{:.1},{:.1}L{:.1},{:.1}Z" fill="{colour}"/>"#,
            hx - 5.0 * uy,
            hy + 5.0 * ux,
            hx + 5.0 * uy,
            hy - 5.0 * ux
        );
    }

    /// A closed outline through `points`.
    pub fn polygon(&mut self, points: &[[f64; 2]], colour: &str) {
        let mut d = String::new();
        for (i, p) in points.iter().enumerate() {
            let _ = write!(d, "{}{:.1},{:.1}", if i == 0 { "M" } else { "L" }, self.px(p[0]), self.py(p[1]));
        }
        let _ = writeln!(self.body, r#"<path d="{d}Z" fill="none" stroke="{colour}" stroke-width="2"/>"#);
    }

    /// An open path through `points` (a thin grid line), cut off at the
    /// edge of the data rectangle.
    pub fn polyline(&mut self, points: &[[f64; 2]], colour: &str) {
        self.clipped_path(points, colour, 1.0);
    }

    /// A curve of a plot (2 px wide), cut off at the edge of the data rectangle.
    pub fn curve(&mut self, points: &[[f64; 2]], colour: &str) {
        self.clipped_path(points, colour, 2.0);
    }

    fn clipped_path(&mut self, points: &[[f64; 2]], colour: &str, width: f64) {
        let mut d = String::new();
        for (i, p) in points.iter().enumerate() {
            let _ = write!(d, "{}{:.1},{:.1}", if i == 0 { "M" } else { "L" }, self.px(p[0]), self.py(p[1]));
        }
        // A nested <svg> whose viewBox is its own position clips to the plot
        // area without changing coordinates, and needs no clip-path id.
        let (l, r, t, b) = (self.px(self.x.0), self.px(self.x.1), self.py(self.y.1), self.py(self.y.0));
        let (w, h) = (r - l, b - t);
        let _ = writeln!(
            self.body,
            r#"<svg x="{l:.1}" y="{t:.1}" width="{w:.1}" height="{h:.1}" viewBox="{l:.1} {t:.1} {w:.1} {h:.1}"><path d="{d}" fill="none" stroke="{colour}" stroke-width="{width}"/></svg>"#
        );
    }

    /// A filled, translucent region bounded by `points` (a patch of a plane).
    pub fn area(&mut self, points: &[[f64; 2]], colour: &str, opacity: f64) {
        let mut d = String::new();
        for (i, p) in points.iter().enumerate() {
            let _ = write!(d, "{}{:.1},{:.1}", if i == 0 { "M" } else { "L" }, self.px(p[0]), self.py(p[1]));
        }
        let _ = writeln!(
            self.body,
            r#"<path d="{d}Z" fill="{colour}" fill-opacity="{opacity:.2}" stroke="{colour}" stroke-width="1"/>"#
        );
    }

    /// A filled rectangle `x.0..x.1` × `y.0..y.1` in data coordinates.
    pub fn rect(&mut self, x: (f64, f64), y: (f64, f64), colour: &str) {
        let (l, r, t, b) = (self.px(x.0), self.px(x.1), self.py(y.1), self.py(y.0));
        let _ = writeln!(
            self.body,
            r#"<rect x="{l:.1}" y="{t:.1}" width="{:.1}" height="{:.1}" fill="{colour}" stroke="{GREY}" stroke-width="0.5"/>"#,
            r - l,
            b - t
        );
    }

    /// An 8-bit grayscale image (`pixels` row by row, top first) filling the
    /// data rectangle `x.0..x.1` × `y.0..y.1`, embedded as a PNG.
    pub fn image(&mut self, x: (f64, f64), y: (f64, f64), width: usize, height: usize, pixels: &[u8]) {
        let (l, r, t, b) = (self.px(x.0), self.px(x.1), self.py(y.1), self.py(y.0));
        let _ = writeln!(
            self.body,
            r#"<image x="{l:.1}" y="{t:.1}" width="{:.1}" height="{:.1}" preserveAspectRatio="none" style="image-rendering:pixelated" href="{}"/>"#,
            r - l,
            b - t,
            crate::png::gray_png_uri(width, height, pixels)
        );
    }

    /// An unfilled circle of radius `r` pixels around a data point.
    pub fn ring(&mut self, p: [f64; 2], r: f64, colour: &str) {
        let _ = writeln!(
            self.body,
            r#"<circle cx="{:.1}" cy="{:.1}" r="{r:.1}" fill="none" stroke="{colour}" stroke-width="2"/>"#,
            self.px(p[0]),
            self.py(p[1])
        );
    }

    /// Text centred on a data point.
    pub fn label(&mut self, at: [f64; 2], s: &str, colour: &str) {
        let _ = writeln!(
            self.body,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="12" fill="{colour}">{}</text>"#,
            self.px(at[0]),
            self.py(at[1]) + 4.0,
            escape(s)
        );
    }

    /// A vertical bar from 0 up to `height`, `x.0..x.1` wide, with its value
    /// written above it.
    pub fn bar(&mut self, x: (f64, f64), height: f64, colour: &str, label: &str) {
        let (l, r, t, b) = (self.px(x.0), self.px(x.1), self.py(height), self.py(0.0f64.max(self.y.0)));
        let _ = writeln!(
            self.body,
            r#"<rect x="{l:.1}" y="{t:.1}" width="{:.1}" height="{:.1}" fill="{colour}"/>"#,
            r - l,
            b - t
        );
        let _ = writeln!(
            self.body,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="10">{}</text>"#,
            (l + r) / 2.0,
            t - 3.0,
            escape(label)
        );
    }

    /// Text anchored at a data point, shifted by (`dx`, `dy`) pixels.
    pub fn text(&mut self, at: [f64; 2], dx: f64, dy: f64, s: &str, colour: &str) {
        let _ = writeln!(
            self.body,
            r#"<text x="{:.1}" y="{:.1}" font-size="12" fill="{colour}">{}</text>"#,
            self.px(at[0]) + dx,
            self.py(at[1]) + dy,
            escape(s)
        );
    }

    /// Text under the x axis at data column `x` (a category name).
    pub fn category(&mut self, x: f64, s: &str) {
        let _ = writeln!(
            self.body,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="12">{}</text>"#,
            self.px(x),
            self.py(self.y.0) + 16.0,
            escape(s)
        );
    }

    /// A legend on one line between the title and the plotting area, so it
    /// never hides data.
    pub fn legend(&mut self, entries: &[(&str, &str)]) {
        let mut x = MARGIN_LEFT;
        for (name, colour) in entries {
            let _ = writeln!(
                self.body,
                r#"<rect x="{x:.1}" y="30" width="10" height="10" fill="{colour}"/><text x="{:.1}" y="39" font-size="11">{}</text>"#,
                x + 14.0,
                escape(name)
            );
            x += 28.0 + 6.5 * name.chars().count() as f64;
        }
    }
}

/// One SVG document holding `panels` side by side.
pub fn figure(panels: &[Panel]) -> String {
    let width: f64 = panels.iter().map(|p| p.width).sum();
    let height = panels.iter().map(|p| p.height).fold(0.0, f64::max);
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0}" height="{height:.0}" viewBox="0 0 {width:.0} {height:.0}" font-family="sans-serif">"#
    );
    let _ = writeln!(out, r#"<rect width="100%" height="100%" fill="white"/>"#);
    let mut left = 0.0;
    for p in panels {
        let _ = writeln!(out, r#"<g transform="translate({left:.0},0)">"#);
        out.push_str(&p.body);
        out.push_str("</g>\n");
        left += p.width;
    }
    out.push_str("</svg>\n");
    out
}

/// Multiples of `step` inside `range` (with a little slack for rounding).
/// A `step` of 0 means no ticks.
fn ticks(range: (f64, f64), step: f64) -> Vec<f64> {
    if !(step > 0.0 && step.is_finite()) {
        return Vec::new();
    }
    let first = (range.0 / step - 1e-9).ceil() as i64;
    let last = (range.1 / step + 1e-9).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// A tick label without a trailing `.0`, and `−` for minus.
fn tick_label(v: f64) -> String {
    let s = if v.fract().abs() < 1e-9 { format!("{v:.0}") } else { format!("{v:.1}") };
    s.replace('-', "−")
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_corners_map_to_the_plot_corners_with_y_upwards() {
        let p = Panel::new("t", 300.0, 200.0, (0.0, 10.0), (0.0, 5.0));
        assert_eq!(p.px(0.0), MARGIN_LEFT);
        assert_eq!(p.px(10.0), 300.0 - MARGIN_RIGHT);
        assert_eq!(p.py(0.0), 200.0 - MARGIN_BOTTOM);
        assert_eq!(p.py(5.0), MARGIN_TOP);
    }

    #[test]
    fn a_square_panel_has_equal_scales() {
        let p = Panel::square("t", 360.0, (-1.0, 1.0), (-1.0, 1.0));
        let sx = p.px(1.0) - p.px(0.0);
        let sy = p.py(0.0) - p.py(1.0);
        assert!((sx - sy).abs() < 1e-9, "{sx} vs {sy}");
    }

    #[test]
    fn ticks_are_the_multiples_inside_the_range() {
        assert_eq!(ticks((-1.0, 2.5), 1.0), vec![-1.0, 0.0, 1.0, 2.0]);
        assert_eq!(tick_label(-2.0), "−2");
        assert_eq!(tick_label(0.5), "0.5");
    }

    #[test]
    fn text_is_escaped_and_the_document_is_closed() {
        let mut p = Panel::new("a < b & c", 100.0, 100.0, (0.0, 1.0), (0.0, 1.0));
        p.text([0.5, 0.5], 0.0, 0.0, "x<y", BLACK);
        let svg = figure(&[p]);
        assert!(svg.contains("a &lt; b &amp; c") && svg.contains("x&lt;y"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>\n"));
    }
}
