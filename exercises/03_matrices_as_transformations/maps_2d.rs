//! Lesson 3, exercise 4: rotations, reflections and shears of the plane.
//!
//! To write down the matrix of a linear map of the plane, ask where it sends
//! $e_0 = (1, 0)$ and $e_1 = (0, 1)$: those two images are its columns.
//! Rotations and reflections keep lengths and angles, so their matrices are
//! orthogonal ($Q^\top Q = I$); a rotation keeps the orientation
//! ($\det = 1$), a reflection reverses it ($\det = -1$). A shear slides the
//! plane along the $x$-axis: it keeps areas ($\det = 1$) but not angles.
//! Data augmentation for image models draws random maps of exactly these
//! kinds.
//!
//! Conventions the checks rely on: angles in radians, measured
//! counter-clockwise from the positive $x$-axis.

use vocab::Matrix;

/// The rotation by the angle `theta` (radians), counter-clockwise: $R(\theta)$
/// has rows $(\cos\theta, -\sin\theta)$ and $(\sin\theta, \cos\theta)$.
///
/// - Its columns are $R e_0 = (\cos\theta, \sin\theta)$ and
///   $R e_1 = (-\sin\theta, \cos\theta)$: $e_0$ turns toward $e_1$ when
///   $\theta > 0$.
/// - Example: `rotation(PI / 2)` sends $(1, 0)$ to $(0, 1)$; its rows are
///   $(0, -1), (1, 0)$ up to rounding ($\cos(\pi/2)$ is `6.1e-17` in `f64`).
pub fn rotation(theta: f64) -> Matrix {
    // TODO: the columns are (cos θ, sin θ) and (−sin θ, cos θ).
    todo!("lesson 03: rotation")
}

/// The reflection across the line through the origin at the angle `theta`
/// (radians) from the $x$-axis: $F(\theta)$ has rows
/// $(\cos 2\theta, \sin 2\theta)$ and $(\sin 2\theta, -\cos 2\theta)$.
///
/// - The line's direction $d = (\cos\theta, \sin\theta)$ stays put,
///   $F d = d$, and its normal $n = (-\sin\theta, \cos\theta)$ flips,
///   $F n = -n$. Reflecting twice changes nothing: $F F = I$.
/// - Example: `reflection(PI / 4)`, across the diagonal $y = x$, swaps the
///   two coordinates: rows $(0, 1), (1, 0)$ up to rounding.
///   `reflection(0.0)` flips the sign of $y$.
pub fn reflection(theta: f64) -> Matrix {
    // TODO: the rows are (cos 2θ, sin 2θ) and (sin 2θ, −cos 2θ).
    todo!("lesson 03: reflection")
}

/// The horizontal shear by the factor `k`: rows $(1, k)$ and $(0, 1)$, so
/// $(x, y) \mapsto (x + k y,\ y)$.
///
/// - The $x$-axis stays put ($S e_0 = e_0$) and every horizontal line slides
///   sideways by $k$ times its height ($S e_1 = (k, 1)$).
/// - Example: `shear(1.0)` turns the unit square into the parallelogram with
///   corners $(0, 0), (1, 0), (2, 1), (1, 1)$, still of area 1.
pub fn shear(k: f64) -> Matrix {
    // TODO: the rows are (1, k) and (0, 1).
    todo!("lesson 03: shear")
}
