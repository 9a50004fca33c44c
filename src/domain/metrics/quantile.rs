//! Quantiles with linear interpolation between the two nearest ranks (the definition
//! of SQL's `quantile_cont` / `percentile_cont` and of numpy's default), computed with
//! the same floating-point operations as DuckDB so both give identical numbers.

/// The `q`-quantile (0 ≤ q ≤ 1) of `sorted` (ascending), `None` when empty.
///
/// With `n` values the position is `pos = (n − 1)·q`; between ranks `lo = ⌊pos⌋` and
/// `hi = ⌈pos⌉`, with `d = pos − lo`, the result is `x[lo]·(1 − d) + x[hi]·d`, the first
/// product fused with the sum (one rounding): that is how DuckDB's build computes it, so
/// both give the same number to the last bit (checked by `scripts/bench/metrics.py`).
///
/// ```
/// use gromada::domain::metrics::quantile::quantile_cont;
/// assert_eq!(quantile_cont(&[10.0, 20.0, 30.0, 40.0], 0.5), Some(25.0));
/// assert_eq!(quantile_cont(&[10.0, 20.0, 30.0, 40.0], 0.9), Some(37.0));
/// assert_eq!(quantile_cont(&[], 0.5), None);
/// ```
pub fn quantile_cont(sorted: &[f64], q: f64) -> Option<f64> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let pos = (n - 1) as f64 * q;
    let (lo, hi) = (pos.floor(), pos.ceil());
    let low = sorted[lo as usize];
    if lo == hi {
        return Some(low);
    }
    let high = sorted[(hi as usize).min(n - 1)];
    let d = pos - lo;
    Some(low.mul_add(1.0 - d, high * d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolates_between_ranks() {
        let one = [7.0];
        assert_eq!(quantile_cont(&one, 0.5), Some(7.0));
        assert_eq!(quantile_cont(&one, 0.9), Some(7.0));
        let two = [100.0, 200.0];
        assert_eq!(quantile_cont(&two, 0.5), Some(150.0));
        assert_eq!(quantile_cont(&two, 0.9), Some(190.0));
        let odd = [1.0, 2.0, 4.0, 8.0, 16.0];
        assert_eq!(quantile_cont(&odd, 0.5), Some(4.0));
        // pos = 4 × 0.9 = 3.6: 8 + (16 − 8) × 0.6
        let p90 = quantile_cont(&odd, 0.9).unwrap();
        assert!((p90 - 12.8).abs() < 1e-12, "{p90}");
        assert_eq!(quantile_cont(&odd, 0.0), Some(1.0));
        assert_eq!(quantile_cont(&odd, 1.0), Some(16.0));
    }

    #[test]
    fn rounds_like_duckdb() {
        // DuckDB 2.0.1: quantile_cont(x, 0.9) over these values is 259.72200000000004;
        // plain `lo + (hi − lo)·d` would give 259.722.
        let xs = [1.0, 2.0, 221.537, 276.087];
        assert_eq!(quantile_cont(&xs, 0.9), Some(259.722_000_000_000_04));
    }
}
