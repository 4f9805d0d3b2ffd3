//! Points of ℝ³ for the figures: the few vector operations they need, and the
//! orthographic view every 3-D figure of the course is drawn in.

/// A point or direction of ℝ³.
pub type Vec3 = [f64; 3];

pub fn dot(a: Vec3, b: Vec3) -> f64 {
    a[0] * b[0] + a[1] * b[1] + a[2] * b[2]
}

pub fn scaled(a: Vec3, s: f64) -> Vec3 {
    [a[0] * s, a[1] * s, a[2] * s]
}

pub fn plus(a: Vec3, b: Vec3) -> Vec3 {
    [a[0] + b[0], a[1] + b[1], a[2] + b[2]]
}

pub fn minus(a: Vec3, b: Vec3) -> Vec3 {
    [a[0] - b[0], a[1] - b[1], a[2] - b[2]]
}

/// `a / ‖a‖₂`.
pub fn unit(a: Vec3) -> Vec3 {
    scaled(a, 1.0 / dot(a, a).sqrt())
}

/// An orthographic view from the direction at azimuth 20° and elevation 25°:
/// a point of ℝ³ is drawn at its coordinates along `right` and `up`.
pub fn project(p: Vec3) -> [f64; 2] {
    let (az, el) = (20f64.to_radians(), 25f64.to_radians());
    let right = [-az.sin(), az.cos(), 0.0];
    let up = [-el.sin() * az.cos(), -el.sin() * az.sin(), el.cos()];
    [dot(p, right), dot(p, up)]
}

/// The outline of the disc of radius `radius` around 0 in the plane spanned
/// by `a` and `b` (independent), as seen in the view: made orthonormal by one
/// Gram–Schmidt step, then 72 points around the circle.
pub fn disc(a: Vec3, b: Vec3, radius: f64) -> Vec<[f64; 2]> {
    let u = unit(a);
    let w = unit(minus(b, scaled(u, dot(b, u))));
    (0..72)
        .map(|d| {
            let t = (d as f64 * 5.0).to_radians();
            let (c, s) = (radius * t.cos(), radius * t.sin());
            project([c * u[0] + s * w[0], c * u[1] + s * w[1], c * u[2] + s * w[2]])
        })
        .collect()
}
