//! Lesson 8, exercise 3: the Givens rotation.
//!
//! A Householder reflector zeroes a whole column at once; a Givens rotation
//! zeroes one entry. Acting on two coordinates only, the rotation
//! $$G = \begin{pmatrix} c & s \\ -s & c \end{pmatrix}, \qquad c^2 + s^2 = 1,$$
//! turns the pair $(a, b)$ into $(r, 0)$ when $c = a/r$ and $s = b/r$ with
//! $r = \pm\sqrt{a^2 + b^2}$: the second row gives $-sa + cb = (-ba + ab)/r
//! = 0$. A rotation is orthogonal like a reflection (it is the product of
//! two of them), so it keeps lengths and errors; it has determinant $+1$
//! where a reflection has $-1$.
//!
//! Rotations pay off when most of the zeros are there already: a matrix
//! with one nonzero subdiagonal (a Hessenberg matrix, lesson 10), a new row
//! appended to a least-squares problem already factored, a sparse matrix.
//! One rotation costs 6 flops per column it touches.
//!
//! The only numerical care is in $r$: $a^2 + b^2$ overflows for
//! $a = 10^{200}$ and underflows to 0 for $a = 10^{-200}$, although $r$ is
//! an ordinary number in both cases. `f64::hypot` computes
//! $\sqrt{a^2 + b^2}$ without forming the squares, as your lesson-2
//! `norm_l2` does by scaling.

/// The Givens rotation that zeroes $b$ against $a$: $(c, s, r)$ with
/// $$\begin{pmatrix} c & s \\ -s & c \end{pmatrix}
/// \begin{pmatrix} a \\ b \end{pmatrix} = \begin{pmatrix} r \\ 0 \end{pmatrix},
/// \qquad c^2 + s^2 = 1.$$
///
/// - $|r| = \sqrt{a^2 + b^2}$, and $c = a/r$, $s = b/r$. Either sign of $r$
///   is allowed (LAPACK's `dlartg` gives $r$ the sign of $a$); the reference
///   takes $r \ge 0$.
/// - When $b = 0$ there is nothing to do: return exactly $(1, 0, a)$, the
///   identity, also for $a < 0$ and for $a = b = 0$.
/// - No overflow or underflow: compute $r$ with `a.hypot(b)` (or scale by
///   $\max(|a|, |b|)$ first), never with `(a * a + b * b).sqrt()`; the checks
///   pass $a$ and $b$ near $10^{\pm 301}$.
/// - Example: $(a, b) = (3, 4)$: $r = 5$, $c = 0.6$, $s = 0.8$, and indeed
///   $0.6 \cdot 3 + 0.8 \cdot 4 = 5$, $-0.8 \cdot 3 + 0.6 \cdot 4 = 0$.
pub fn givens(a: f64, b: f64) -> (f64, f64, f64) {
    if b == 0.0 {
        return (1.0, 0.0, a);
    }
    // hypot scales internally: no a², no overflow at 1e300, no underflow at 1e-300.
    let r = a.hypot(b);
    (a / r, b / r, r)
}
