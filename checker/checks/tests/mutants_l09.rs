//! Mutation suite for lesson 9 (`checking.md` §5): for every exercise, plausible
//! wrong implementations (mutants) must fail the check on the property named in
//! the table, with a small shrunk counterexample, and different but correct
//! implementations (variants: the discriminant from the entries, the rotation
//! angle from `atan2`, the other sign of an eigenvector, an explicit inverse,
//! another equation replaced by the normalisation) must pass. The school
//! quadratic formula, eigenvectors from the null vector (b, λ − a), and a
//! fixed number of power steps for a Markov chain are mutants here: right in
//! exact arithmetic, wrong in floating point or in finite time.
//!
//! Run with `--nocapture` to see every row with its counterexample.

use checks::l09;
use vocab::{Eigenvalues2, LinalgError, Matrix, SymEig};

use solutions::l01::add_vectors::{add, sub};
use solutions::l01::scale_vector::scale;
use solutions::l02::dot_product::dot;
use solutions::l02::vector_norms::{norm_l1, norm_l2};
use solutions::l03::determinant_small::det2;
use solutions::l03::matrix_product::mat_mul;
use solutions::l03::matrix_vector::{mat_vec_columns, mat_vec_rows};
use solutions::l03::trace::trace;
use solutions::l03::transpose::transpose;
use solutions::l05::inverse::inverse;
use solutions::l05::lu::lu;
use solutions::l05::lu_solve::{lu_solve, lu_solve_transpose};
use solutions::l09 as sol;

mod judge;
use judge::{Kill, Pass, judge};

type Eig2 = fn(&Matrix) -> Result<Eigenvalues2, LinalgError>;
type Residual = fn(&Matrix, f64, &[f64]) -> Result<f64, LinalgError>;
type Rayleigh = fn(&Matrix, &[f64]) -> Result<f64, LinalgError>;
type Power = fn(&Matrix, &[f64], u32) -> Result<Matrix, LinalgError>;
type Sym2 = fn(&Matrix) -> Result<SymEig, LinalgError>;
type Markov = fn(&Matrix) -> Result<Vec<f64>, LinalgError>;

// ---------------------------------------------------------------- eigenvalues_2x2

fn sorted(a: f64, b: f64) -> Eigenvalues2 {
    if a >= b { Eigenvalues2::Real(a, b) } else { Eigenvalues2::Real(b, a) }
}

/// Bug: the school formula t/2 ± √Δ for both roots: the small one cancels.
fn e_school(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    let (d, t) = (det2(a)?, trace(a)?);
    let disc = t * t / 4.0 - d;
    if disc < 0.0 {
        return Ok(Eigenvalues2::Complex { re: t / 2.0, im: (-disc).sqrt() });
    }
    Ok(sorted(t / 2.0 + disc.sqrt(), t / 2.0 - disc.sqrt()))
}

/// Bug: λ₂ = t − λ₁ instead of d/λ₁: the subtraction cancels just the same.
fn e_sum_rule(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    let (d, t) = (det2(a)?, trace(a)?);
    let disc = t * t / 4.0 - d;
    if disc < 0.0 {
        return Ok(Eigenvalues2::Complex { re: t / 2.0, im: (-disc).sqrt() });
    }
    let big = t / 2.0 + disc.sqrt().copysign(if t < 0.0 { -1.0 } else { 1.0 });
    Ok(sorted(big, t - big))
}

/// Bug: the larger-magnitude root first, not the larger value.
fn e_magnitude_order(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    let (d, t) = (det2(a)?, trace(a)?);
    let disc = t * t / 4.0 - d;
    if disc < 0.0 {
        return Ok(Eigenvalues2::Complex { re: t / 2.0, im: (-disc).sqrt() });
    }
    let big = t / 2.0 + disc.sqrt().copysign(if t < 0.0 { -1.0 } else { 1.0 });
    Ok(Eigenvalues2::Real(big, if big == 0.0 { 0.0 } else { d / big }))
}

/// Bug: no case for λ₁ = 0: 0/0 on the zero matrix and on nilpotents.
fn e_no_zero_case(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    let (d, t) = (det2(a)?, trace(a)?);
    let disc = t * t / 4.0 - d;
    if disc < 0.0 {
        return Ok(Eigenvalues2::Complex { re: t / 2.0, im: (-disc).sqrt() });
    }
    let big = t / 2.0 + disc.sqrt().copysign(if t < 0.0 { -1.0 } else { 1.0 });
    Ok(sorted(big, d / big))
}

/// Bug: im = −Δ, the square root forgotten.
fn e_no_sqrt(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    match sol::characteristic::eigenvalues_2x2(a)? {
        Eigenvalues2::Complex { re, im } => Ok(Eigenvalues2::Complex { re, im: im * im }),
        real => Ok(real),
    }
}

/// Bug: |Δ| < 1e-12 taken as a double root (an absolute threshold).
fn e_absolute_threshold(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    let (d, t) = (det2(a)?, trace(a)?);
    let disc = t * t / 4.0 - d;
    if disc.abs() < 1e-12 {
        return Ok(Eigenvalues2::Real(t / 2.0, t / 2.0));
    }
    sol::characteristic::eigenvalues_2x2(a)
}

/// Variant: Δ = ((a − d)/2)² + bc from the entries (no cancellation for symmetric A).
fn e_entries_discriminant(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    let t = trace(a)?;
    let d = det2(a)?;
    let h = (a[(0, 0)] - a[(1, 1)]) / 2.0;
    let disc = h * h + a[(0, 1)] * a[(1, 0)];
    if disc < 0.0 {
        return Ok(Eigenvalues2::Complex { re: t / 2.0, im: (-disc).sqrt() });
    }
    let big = t / 2.0 + disc.sqrt().copysign(if t < 0.0 { -1.0 } else { 1.0 });
    Ok(sorted(big, if big == 0.0 { 0.0 } else { d / big }))
}

/// Variant: sign(0) = −1 and the root as √Δ·sign.
fn e_other_zero_sign(a: &Matrix) -> Result<Eigenvalues2, LinalgError> {
    let (d, t) = (det2(a)?, trace(a)?);
    let half = t / 2.0;
    let disc = half * half - d;
    if disc < 0.0 {
        return Ok(Eigenvalues2::Complex { re: half, im: (-disc).sqrt() });
    }
    let big = if half > 0.0 { half + disc.sqrt() } else { half - disc.sqrt() };
    Ok(sorted(big, if big == 0.0 { 0.0 } else { d / big }))
}

#[test]
fn eigenvalues_2x2() {
    let check = l09::eigenvalues_2x2;
    let ex = "textbook_examples";
    judge(
        "eigenvalues_2x2",
        vec![
            ("reference", check(sol::characteristic::eigenvalues_2x2 as Eig2), Pass),
            ("Δ from the entries", check(e_entries_discriminant), Pass),
            ("sign(0) = −1", check(e_other_zero_sign), Pass),
            ("school formula", check(e_school), Kill("no_cancellation", 4)),
            ("λ₂ = t − λ₁", check(e_sum_rule), Kill("no_cancellation", 4)),
            ("larger magnitude first", check(e_magnitude_order), Kill(ex, 4)),
            ("no λ₁ = 0 case", check(e_no_zero_case), Kill(ex, 4)),
            ("im = −Δ", check(e_no_sqrt), Kill(ex, 4)),
            ("|Δ| < 1e-12 is a double root", check(e_absolute_threshold), Kill("scaled_matrices", 4)),
        ],
    );
}

// ---------------------------------------------------------------- eigen_residual

fn shape_check(a: &Matrix, v: &[f64]) -> Result<(), LinalgError> {
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    if v.len() != a.ncols() {
        return Err(LinalgError::DimensionMismatch { expected: a.ncols(), found: v.len() });
    }
    if v.iter().all(|x| *x == 0.0) {
        return Err(LinalgError::ZeroVector);
    }
    Ok(())
}

/// Bug: not divided by ‖v‖.
fn r_absolute(a: &Matrix, lambda: f64, v: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, v)?;
    Ok(norm_l2(&sub(&mat_vec_rows(a, v)?, &scale(lambda, v))))
}

/// Bug: Av + λv.
fn r_plus(a: &Matrix, lambda: f64, v: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, v)?;
    Ok(norm_l2(&add(&mat_vec_rows(a, v)?, &scale(lambda, v))) / norm_l2(v))
}

/// Bug: Aᵀv (the left eigenvector's residual).
fn r_transposed(a: &Matrix, lambda: f64, v: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, v)?;
    Ok(norm_l2(&sub(&mat_vec_rows(&transpose(a), v)?, &scale(lambda, v))) / norm_l2(v))
}

/// Bug: the 1-norm.
fn r_l1(a: &Matrix, lambda: f64, v: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, v)?;
    Ok(norm_l1(&sub(&mat_vec_rows(a, v)?, &scale(lambda, v))) / norm_l1(v))
}

/// Bug: ‖·‖ as √Σxᵢ²: overflows at 2^600, underflows at 2^−600.
fn r_naive_norm(a: &Matrix, lambda: f64, v: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, v)?;
    let r = sub(&mat_vec_rows(a, v)?, &scale(lambda, v));
    Ok(dot(&r, &r).sqrt() / dot(v, v).sqrt())
}

/// Variant: the column view of Av, and v normalised first.
fn r_columns(a: &Matrix, lambda: f64, v: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, v)?;
    let u = scale(1.0 / norm_l2(v), v);
    Ok(norm_l2(&sub(&mat_vec_columns(a, &u)?, &scale(lambda, &u))))
}

#[test]
fn eigen_residual() {
    let check = l09::eigen_residual;
    let ex = "textbook_examples";
    judge(
        "eigen_residual",
        vec![
            ("reference", check(sol::residual::eigen_residual as Residual), Pass),
            ("column view, v normalised first", check(r_columns), Pass),
            ("not divided by ‖v‖", check(r_absolute), Kill(ex, 9)),
            ("Av + λv", check(r_plus), Kill(ex, 9)),
            ("Aᵀv", check(r_transposed), Kill(ex, 9)),
            ("1-norms", check(r_l1), Kill("matches_direct_computation", 9)),
            ("√(rᵀr)/√(vᵀv)", check(r_naive_norm), Kill("scaled_v", 6)),
        ],
    );
}

// ---------------------------------------------------------------- rayleigh_quotient

/// Bug: xᵀAx, not divided by xᵀx.
fn q_undivided(a: &Matrix, x: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, x)?;
    Ok(dot(x, &mat_vec_rows(a, x)?))
}

/// Bug: divided by ‖x‖, not ‖x‖².
fn q_by_norm(a: &Matrix, x: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, x)?;
    Ok(dot(x, &mat_vec_rows(a, x)?) / norm_l2(x))
}

/// Bug: xᵀAx / xᵀx unscaled: ∞/∞ or 0/0 at 2^±600.
fn q_unscaled(a: &Matrix, x: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, x)?;
    Ok(dot(x, &mat_vec_rows(a, x)?) / dot(x, x))
}

/// Bug: |ρ|, the sign lost (‖Ax‖/‖x‖).
fn q_norm_ratio(a: &Matrix, x: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, x)?;
    Ok(norm_l2(&mat_vec_rows(a, x)?) / norm_l2(x))
}

/// Variant: xᵀAᵀx (the same number).
fn q_transposed(a: &Matrix, x: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, x)?;
    sol::rayleigh::rayleigh_quotient(&transpose(a), x)
}

/// Variant: scaled by the largest |xᵢ| instead of ‖x‖, then divided by uᵀu.
fn q_max_scaled(a: &Matrix, x: &[f64]) -> Result<f64, LinalgError> {
    shape_check(a, x)?;
    let m = x.iter().fold(0.0_f64, |m, t| m.max(t.abs()));
    let u = scale(1.0 / m, x);
    Ok(dot(&u, &mat_vec_rows(a, &u)?) / dot(&u, &u))
}

#[test]
fn rayleigh_quotient() {
    let check = l09::rayleigh_quotient;
    let ex = "textbook_examples";
    judge(
        "rayleigh_quotient",
        vec![
            ("reference", check(sol::rayleigh::rayleigh_quotient as Rayleigh), Pass),
            ("Aᵀ instead of A", check(q_transposed), Pass),
            ("scaled by max |xᵢ|", check(q_max_scaled), Pass),
            ("xᵀAx undivided", check(q_undivided), Kill(ex, 6)),
            ("divided by ‖x‖", check(q_by_norm), Kill(ex, 6)),
            ("xᵀx unscaled", check(q_unscaled), Kill("scaled_x", 6)),
            ("‖Ax‖/‖x‖ (sign lost)", check(q_norm_ratio), Kill(ex, 6)),
        ],
    );
}

// ---------------------------------------------------------------- diagonalization

fn p_check(s: &Matrix, d: &[f64]) -> Result<(), LinalgError> {
    if !s.is_square() {
        return Err(LinalgError::NotSquare { rows: s.nrows(), cols: s.ncols() });
    }
    if d.len() != s.nrows() {
        return Err(LinalgError::DimensionMismatch { expected: s.nrows(), found: d.len() });
    }
    Ok(())
}

/// The reference's steps with powers `pow(d, k)` and a row solve `solve`.
fn p_with(
    s: &Matrix,
    d: &[f64],
    k: u32,
    pow: fn(f64, u32) -> f64,
    solve: fn(&vocab::Lu, &[f64]) -> Result<Vec<f64>, LinalgError>,
) -> Result<Matrix, LinalgError> {
    p_check(s, d)?;
    let n = d.len();
    let b = Matrix::from_fn(n, n, |i, j| s[(i, j)] * pow(d[j], k));
    let f = lu(s)?;
    let mut out = Matrix::zeros(n, n);
    for i in 0..n {
        let y = solve(&f, b.row(i))?;
        out.row_mut(i).copy_from_slice(&y);
    }
    Ok(out)
}

fn powi(x: f64, k: u32) -> f64 {
    x.powi(k as i32)
}

/// Bug: lu_solve (S y = b) instead of the transposed solve: B·S⁻ᵀ.
fn p_untransposed(s: &Matrix, d: &[f64], k: u32) -> Result<Matrix, LinalgError> {
    p_with(s, d, k, powi, lu_solve)
}

/// Bug: dᵏ⁺¹ (an off-by-one in a power loop).
fn p_off_by_one(s: &Matrix, d: &[f64], k: u32) -> Result<Matrix, LinalgError> {
    p_with(s, d, k, |x, k| x.powi(k as i32 + 1), lu_solve_transpose)
}

/// Bug: k·d instead of dᵏ.
fn p_times(s: &Matrix, d: &[f64], k: u32) -> Result<Matrix, LinalgError> {
    p_with(s, d, k, |x, k| x * f64::from(k), lu_solve_transpose)
}

/// Bug: S⁻¹·Dᵏ·S, the factors in the wrong order.
fn p_wrong_order(s: &Matrix, d: &[f64], k: u32) -> Result<Matrix, LinalgError> {
    p_check(s, d)?;
    let n = d.len();
    let inv = inverse(s)?;
    let dk = Matrix::from_fn(n, n, |i, j| if i == j { d[i].powi(k as i32) } else { 0.0 });
    mat_mul(&mat_mul(&inv, &dk)?, s)
}

/// Bug against the contract: the explicit inverse of lesson 5 and a product.
/// Right in exact arithmetic, but B·inv(S) is not backward stable: its
/// residual ‖XS − B‖ grows like κ₂(S)·u, where the row solves stay at u.
fn p_explicit_inverse(s: &Matrix, d: &[f64], k: u32) -> Result<Matrix, LinalgError> {
    p_check(s, d)?;
    let n = d.len();
    let inv = inverse(s)?;
    let sd = Matrix::from_fn(n, n, |i, j| s[(i, j)] * d[j].powi(k as i32));
    mat_mul(&sd, &inv)
}

/// Variant: the LU factorization of Sᵀ and plain `lu_solve`s.
fn p_lu_of_transpose(s: &Matrix, d: &[f64], k: u32) -> Result<Matrix, LinalgError> {
    p_check(s, d)?;
    let n = d.len();
    let b = Matrix::from_fn(n, n, |i, j| s[(i, j)] * d[j].powf(f64::from(k)));
    let f = lu(&transpose(s))?;
    let mut out = Matrix::zeros(n, n);
    for i in 0..n {
        let y = lu_solve(&f, b.row(i))?;
        out.row_mut(i).copy_from_slice(&y);
    }
    Ok(out)
}

/// Variant: `powi` instead of `powf`.
fn p_powi(s: &Matrix, d: &[f64], k: u32) -> Result<Matrix, LinalgError> {
    p_with(s, d, k, powi, lu_solve_transpose)
}

#[test]
fn diagonalization() {
    let check = l09::diagonalization;
    let ex = "textbook_examples";
    judge(
        "diagonalization",
        vec![
            ("reference", check(sol::diagonalization::power_by_diagonalization as Power), Pass),
            ("powi", check(p_powi), Pass),
            ("LU of Sᵀ", check(p_lu_of_transpose), Pass),
            ("explicit inverse", check(p_explicit_inverse), Kill("conditioned_eigenvectors", 16)),
            ("lu_solve, not transposed", check(p_untransposed), Kill(ex, 9)),
            ("dᵏ⁺¹", check(p_off_by_one), Kill(ex, 9)),
            ("k·d", check(p_times), Kill(ex, 9)),
            ("S⁻¹·Dᵏ·S", check(p_wrong_order), Kill(ex, 9)),
        ],
    );
}

// ---------------------------------------------------------------- symmetric_2x2

fn s_check(a: &Matrix) -> Result<(f64, f64, f64), LinalgError> {
    if !a.is_square() {
        return Err(LinalgError::NotSquare { rows: a.nrows(), cols: a.ncols() });
    }
    if a.nrows() != 2 {
        return Err(LinalgError::DimensionMismatch { expected: 2, found: a.nrows() });
    }
    if a[(0, 1)] != a[(1, 0)] {
        return Err(LinalgError::NotSymmetric { row: 0, col: 1 });
    }
    Ok((a[(0, 0)], a[(0, 1)], a[(1, 1)]))
}

fn eig_from(first: (f64, [f64; 2]), second: (f64, [f64; 2])) -> SymEig {
    let (big, small) = if first.0 >= second.0 { (first, second) } else { (second, first) };
    SymEig {
        values: vec![big.0, small.0],
        vectors: Matrix::from_rows(&[vec![big.1[0], small.1[0]], vec![big.1[1], small.1[1]]]),
    }
}

/// Jacobi with the tangent `tan(τ)`.
fn s_jacobi(a: &Matrix, tan: fn(f64) -> f64) -> Result<SymEig, LinalgError> {
    let (p, b, q) = s_check(a)?;
    if b == 0.0 {
        return Ok(eig_from((p, [1.0, 0.0]), (q, [0.0, 1.0])));
    }
    let tau = (q - p) / (2.0 * b);
    let t = tan(tau);
    let cs = 1.0 / 1.0_f64.hypot(t);
    let sn = t * cs;
    Ok(eig_from((p - t * b, [cs, -sn]), (q + t * b, [sn, cs])))
}

/// Bug: the school root −τ + √(1 + τ²): cancels when τ ≫ 1 (b tiny).
fn s_school_root(a: &Matrix) -> Result<SymEig, LinalgError> {
    s_jacobi(a, |tau| -tau + 1.0_f64.hypot(tau))
}

/// Bug: eigenvalues from the characteristic polynomial, eigenvectors from
/// the null vector (b, λ − a) of A − λI, normalised.
fn s_null_vectors(a: &Matrix) -> Result<SymEig, LinalgError> {
    let (p, b, _) = s_check(a)?;
    let Eigenvalues2::Real(l1, l2) = sol::characteristic::eigenvalues_2x2(a)? else {
        unreachable!("a symmetric matrix has real eigenvalues")
    };
    let unit = |v: [f64; 2]| {
        let n = v[0].hypot(v[1]);
        [v[0] / n, v[1] / n]
    };
    Ok(SymEig {
        values: vec![l1, l2],
        vectors: {
            let (v1, v2) = (unit([b, l1 - p]), unit([b, l2 - p]));
            Matrix::from_rows(&[vec![v1[0], v2[0]], vec![v1[1], v2[1]]])
        },
    })
}

/// Bug: values in increasing order.
fn s_increasing(a: &Matrix) -> Result<SymEig, LinalgError> {
    let e = sol::symmetric_2x2::symmetric_eigen_2x2(a)?;
    Ok(SymEig {
        values: vec![e.values[1], e.values[0]],
        vectors: Matrix::from_columns(&[e.vectors.column(1), e.vectors.column(0)]),
    })
}

/// Bug: the eigenvectors in the rows of `vectors`.
fn s_rows(a: &Matrix) -> Result<SymEig, LinalgError> {
    let e = sol::symmetric_2x2::symmetric_eigen_2x2(a)?;
    Ok(SymEig { values: e.values, vectors: transpose(&e.vectors) })
}

/// Bug: no case for b = 0: τ = 0/0 on the identity.
fn s_no_diagonal_case(a: &Matrix) -> Result<SymEig, LinalgError> {
    let (p, b, q) = s_check(a)?;
    let tau = (q - p) / (2.0 * b);
    let t = (if tau < 0.0 { -1.0 } else { 1.0 }) / (tau.abs() + 1.0_f64.hypot(tau));
    let cs = 1.0 / 1.0_f64.hypot(t);
    let sn = t * cs;
    Ok(eig_from((p - t * b, [cs, -sn]), (q + t * b, [sn, cs])))
}

/// Bug: a non-symmetric matrix is not refused (the lower entry ignored).
fn s_no_symmetry_check(a: &Matrix) -> Result<SymEig, LinalgError> {
    if a.shape() == (2, 2) {
        let mut sym = a.clone();
        sym[(1, 0)] = sym[(0, 1)];
        return sol::symmetric_2x2::symmetric_eigen_2x2(&sym);
    }
    sol::symmetric_2x2::symmetric_eigen_2x2(a)
}

/// Variant: θ = ½·atan2(2b, a − c), a rotation by the angle itself.
fn s_atan2(a: &Matrix) -> Result<SymEig, LinalgError> {
    let (p, b, q) = s_check(a)?;
    let theta = 0.5 * (2.0 * b).atan2(p - q);
    let (sn, cs) = theta.sin_cos();
    // (cs, sn) is the eigenvector of the larger eigenvalue.
    let l1 = p * cs * cs + 2.0 * b * sn * cs + q * sn * sn;
    let l2 = p * sn * sn - 2.0 * b * sn * cs + q * cs * cs;
    Ok(eig_from((l1, [cs, sn]), (l2, [-sn, cs])))
}

/// Variant: both eigenvectors with the other sign.
fn s_negated(a: &Matrix) -> Result<SymEig, LinalgError> {
    let e = sol::symmetric_2x2::symmetric_eigen_2x2(a)?;
    Ok(SymEig { values: e.values, vectors: Matrix::from_fn(2, 2, |i, j| -e.vectors[(i, j)]) })
}

#[test]
fn symmetric_2x2() {
    let check = l09::symmetric_2x2;
    let ex = "textbook_examples";
    judge(
        "symmetric_2x2",
        vec![
            ("reference", check(sol::symmetric_2x2::symmetric_eigen_2x2 as Sym2), Pass),
            ("atan2 angle", check(s_atan2), Pass),
            ("negated eigenvectors", check(s_negated), Pass),
            ("school root −τ + √(1 + τ²)", check(s_school_root), Kill("tiny_off_diagonal", 4)),
            ("null vectors (b, λ − a)", check(s_null_vectors), Kill(ex, 4)),
            ("increasing order", check(s_increasing), Kill(ex, 4)),
            ("eigenvectors in rows", check(s_rows), Kill(ex, 4)),
            ("no b = 0 case", check(s_no_diagonal_case), Kill(ex, 4)),
            ("symmetry not checked", check(s_no_symmetry_check), Kill("refuses_bad_input", 4)),
        ],
    );
}

// ---------------------------------------------------------------- markov_stationary

fn m_validate(p: &Matrix) -> Result<usize, LinalgError> {
    if !p.is_square() {
        return Err(LinalgError::NotSquare { rows: p.nrows(), cols: p.ncols() });
    }
    if p.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    for (i, row) in p.rows().enumerate() {
        let sum: f64 = row.iter().sum();
        if row.iter().any(|x| x.is_nan() || *x < 0.0) || (sum - 1.0).abs() > 1e-9 {
            return Err(LinalgError::NotStochastic { row: i });
        }
    }
    Ok(p.nrows())
}

/// Solve M π = e_r where M is `base` with row r replaced by ones.
fn m_replace(p: &Matrix, base: &Matrix, r: usize, exact_zero: bool) -> Result<Vec<f64>, LinalgError> {
    let n = p.nrows();
    let m = Matrix::from_fn(n, n, |i, j| if i == r { 1.0 } else { base[(i, j)] });
    let f = lu(&m)?;
    let tol = if exact_zero { 0.0 } else { 1e-10 };
    if let Some(k) = (0..n).find(|&k| f.u[(k, k)].abs() <= tol) {
        return Err(LinalgError::Singular { column: k });
    }
    let mut e = vec![0.0; n];
    e[r] = 1.0;
    lu_solve(&f, &e)
}

fn pt_minus_i(p: &Matrix) -> Matrix {
    let n = p.nrows();
    Matrix::from_fn(n, n, |i, j| p[(j, i)] - if i == j { 1.0 } else { 0.0 })
}

/// Bug: P − I instead of Pᵀ − I (the right eigenvector, which is 1).
fn m_untransposed(p: &Matrix) -> Result<Vec<f64>, LinalgError> {
    let n = m_validate(p)?;
    let base = Matrix::from_fn(n, n, |i, j| p[(i, j)] - if i == j { 1.0 } else { 0.0 });
    m_replace(p, &base, n - 1, false)
}

/// Bug: the normalisation appended by replacing the last row, but the right
/// side left at e₀.
fn m_wrong_rhs(p: &Matrix) -> Result<Vec<f64>, LinalgError> {
    let n = m_validate(p)?;
    let base = pt_minus_i(p);
    let m = Matrix::from_fn(n, n, |i, j| if i == n - 1 { 1.0 } else { base[(i, j)] });
    let f = lu(&m)?;
    if let Some(k) = (0..n).find(|&k| f.u[(k, k)].abs() <= 1e-10) {
        return Err(LinalgError::Singular { column: k });
    }
    let mut e = vec![0.0; n];
    e[0] = 1.0;
    lu_solve(&f, &e)
}

/// Bug: 100 steps of πᵀ ← πᵀP from e₀.
fn m_power_steps(p: &Matrix) -> Result<Vec<f64>, LinalgError> {
    let n = m_validate(p)?;
    let pt = transpose(p);
    let mut pi = vec![0.0; n];
    pi[0] = 1.0;
    for _ in 0..100 {
        pi = mat_vec_rows(&pt, &pi)?;
    }
    Ok(pi)
}

/// Bug: rows not checked: any matrix is accepted.
fn m_unchecked(p: &Matrix) -> Result<Vec<f64>, LinalgError> {
    if !p.is_square() {
        return Err(LinalgError::NotSquare { rows: p.nrows(), cols: p.ncols() });
    }
    if p.nrows() == 0 {
        return Err(LinalgError::Empty);
    }
    m_replace(p, &pt_minus_i(p), p.nrows() - 1, false)
}

/// Bug: singularity only on an exact zero pivot.
fn m_exact_zero(p: &Matrix) -> Result<Vec<f64>, LinalgError> {
    let n = m_validate(p)?;
    m_replace(p, &pt_minus_i(p), n - 1, true)
}

/// Variant: the first equation replaced by the normalisation.
fn m_first_row(p: &Matrix) -> Result<Vec<f64>, LinalgError> {
    m_validate(p)?;
    m_replace(p, &pt_minus_i(p), 0, false)
}

#[test]
fn markov_stationary() {
    let check = l09::markov_stationary;
    let ex = "textbook_examples";
    judge(
        "markov_stationary",
        vec![
            ("reference", check(sol::markov::stationary_distribution as Markov), Pass),
            ("first equation replaced", check(m_first_row), Pass),
            ("P − I, not Pᵀ − I", check(m_untransposed), Kill(ex, 9)),
            ("right side e₀", check(m_wrong_rhs), Kill(ex, 9)),
            ("100 power steps", check(m_power_steps), Kill(ex, 9)),
            ("rows unchecked", check(m_unchecked), Kill("refuses_non_stochastic", 9)),
            ("exact zero pivot only", check(m_exact_zero), Kill("reports_non_unique", 16)),
        ],
    );
}
