//! The paired bootstrap: how far a difference of two methods' mean scores on the same articles
//! could move by the luck of which articles were drawn.
//!
//! Both methods are scored on every article; the difference is taken per article, and the
//! articles are resampled with replacement, so that an article both methods find hard moves both
//! means together (which an interval for each method alone would ignore). The interval is the
//! 2.5th and 97.5th percentiles of the resampled mean differences (the percentile bootstrap).

/// How many times the articles are resampled.
pub const RESAMPLES: usize = 2000;

/// The seed of the resampling: the same data give the same interval on every run.
const SEED: u64 = 0x0b1e_f5ee_d000_0001;

/// A mean difference with its 95% bootstrap interval, in the units of the differences.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Interval {
    /// The mean of the per-article differences.
    pub mean: f64,
    /// The 2.5th percentile of the resampled means.
    pub low: f64,
    /// The 97.5th percentile of the resampled means.
    pub high: f64,
}

/// The mean of `differences` (one per article) and its paired bootstrap 95% interval over
/// [`RESAMPLES`] resamples. All zeros for no article.
pub fn interval(differences: &[f64]) -> Interval {
    let n = differences.len();
    if n == 0 {
        return Interval::default();
    }
    let mut rng = fastrand::Rng::with_seed(SEED);
    let mut means: Vec<f64> = (0..RESAMPLES)
        .map(|_| (0..n).map(|_| differences[rng.usize(..n)]).sum::<f64>() / n as f64)
        .collect();
    means.sort_by(f64::total_cmp);
    Interval {
        mean: differences.iter().sum::<f64>() / n as f64,
        low: percentile(&means, 0.025),
        high: percentile(&means, 0.975),
    }
}

/// The `q` quantile of sorted, non-empty `values` (the nearest rank at or below it).
fn percentile(values: &[f64], q: f64) -> f64 {
    let rank = (q * (values.len() - 1) as f64).round() as usize;
    values[rank.min(values.len() - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_articles_give_zeros() {
        assert_eq!(interval(&[]), Interval::default());
    }

    #[test]
    fn a_constant_difference_has_no_spread() {
        let i = interval(&[0.5; 40]);
        assert_eq!((i.mean, i.low, i.high), (0.5, 0.5, 0.5));
    }

    #[test]
    fn the_interval_holds_the_mean_and_narrows_with_more_articles() {
        // Differences of +1 and -1 in equal numbers: mean 0, standard deviation 1, so the
        // interval is about ±1.96/√n.
        let alternate = |n: usize| -> Vec<f64> {
            (0..n)
                .map(|i| if i % 2 == 0 { 1.0 } else { -1.0 })
                .collect()
        };
        let small = interval(&alternate(100));
        let large = interval(&alternate(2500));
        for (i, n) in [(small, 100.0f64), (large, 2500.0)] {
            assert_eq!(i.mean, 0.0);
            assert!(i.low < 0.0 && i.high > 0.0, "{i:?}");
            let expected = 1.96 / n.sqrt();
            assert!(
                (i.high - expected).abs() < 0.25 * expected,
                "{i:?} against ±{expected}"
            );
            assert!(
                (-i.low - expected).abs() < 0.25 * expected,
                "{i:?} against ±{expected}"
            );
        }
    }

    #[test]
    fn the_interval_is_reproducible() {
        let d: Vec<f64> = (0..300).map(|i| ((i * 37) % 11) as f64 - 4.0).collect();
        assert_eq!(interval(&d), interval(&d));
    }
}
