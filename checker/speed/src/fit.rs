//! The growth exponent: p in time ≈ c·nᵖ, fitted by least squares on log–log axes.

/// Sizes below this are dominated by call overhead and allocation, not by the
/// n³ arithmetic, so the fit leaves them out when enough larger sizes remain.
const SMALLEST_FITTED: f64 = 64.0;

/// The slope of log t against log n over `points = [(n, t)]`.
///
/// Uses the points with n ≥ 64 when there are at least two of them, all
/// points otherwise; `None` with fewer than two distinct sizes.
/// An O(n³) algorithm gives about 3; an accidental O(n⁴) shows as about 4.
pub fn exponent(points: &[(f64, f64)]) -> Option<f64> {
    let large: Vec<(f64, f64)> = points.iter().copied().filter(|&(n, _)| n >= SMALLEST_FITTED).collect();
    let used = if large.len() >= 2 { &large[..] } else { points };
    let logs: Vec<(f64, f64)> =
        used.iter().filter(|&&(n, t)| n > 0.0 && t > 0.0).map(|&(n, t)| (n.ln(), t.ln())).collect();
    let k = logs.len() as f64;
    let mean_x = logs.iter().map(|p| p.0).sum::<f64>() / k;
    let mean_y = logs.iter().map(|p| p.1).sum::<f64>() / k;
    let sxx: f64 = logs.iter().map(|p| (p.0 - mean_x).powi(2)).sum();
    let sxy: f64 = logs.iter().map(|p| (p.0 - mean_x) * (p.1 - mean_y)).sum();
    (logs.len() >= 2 && sxx > 0.0).then(|| sxy / sxx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovers_a_power_law() {
        let cubic: Vec<(f64, f64)> = [32.0, 64.0, 128.0, 256.0].iter().map(|&n: &f64| (n, 2e-9 * n.powi(3))).collect();
        assert!((exponent(&cubic).unwrap() - 3.0).abs() < 1e-12);
        let quartic: Vec<(f64, f64)> = [8.0, 16.0].iter().map(|&n: &f64| (n, n.powi(4))).collect();
        assert!((exponent(&quartic).unwrap() - 4.0).abs() < 1e-12);
    }

    #[test]
    fn needs_two_sizes() {
        assert_eq!(exponent(&[(64.0, 1.0)]), None);
        assert_eq!(exponent(&[]), None);
    }
}
