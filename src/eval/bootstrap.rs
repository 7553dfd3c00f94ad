//! The averages ROUGE-1.5.5 prints: seeded bootstrap means with 95%
//! intervals.
//!
//! `ROUGE-1.5.5.pl` does not print the plain mean of its per-eval scores.
//! It draws 1,000 bootstrap resamples (`-r 1000`), resample `i` seeded with
//! Perl's `srand(i)`, each of `n` evals drawn with `int(rand(n))` from the
//! evals in string order of `"<eval id>.<peer id>"`; it prints the mean of
//! the 1,000 resample means (rounded to five decimals) and, for `-c 95`,
//! the 26th and 975th of the sorted resample means as the interval. Perl's
//! `rand` is `drand48`, so the draws, and with them the printed average, are
//! a fixed weighted mean of the evals (each eval weighs about, not exactly,
//! 1/n). Reproducing the draws reproduces the printed figures to the last
//! digit; the plain mean differs from them in the fourth decimal.

use serde::{Deserialize, Serialize};

/// Resamples drawn by ROUGE-1.5.5 (`-r 1000`, its default).
pub const RESAMPLES: usize = 1000;

/// Confidence level of the interval, in percent (`-c 95`, the default).
pub const CONFIDENCE: f64 = 95.0;

/// An average as ROUGE-1.5.5 prints it: the bootstrap mean and the
/// interval around it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Estimate {
    /// Mean of the resample means, rounded to five decimals.
    pub mean: f64,
    /// Lower bound of the 95% interval, rounded to five decimals.
    pub low: f64,
    /// Upper bound of the 95% interval, rounded to five decimals.
    pub high: f64,
}

/// Perl's `drand48` (its own implementation since Perl 5.20, the same
/// generator as the C library's): 48-bit linear congruential.
struct Drand48(u64);

impl Drand48 {
    const MASK: u64 = (1 << 48) - 1;

    /// `srand(seed)`: the seed in the high 32 bits, `0x330E` below.
    fn seeded(seed: u32) -> Self {
        Drand48((u64::from(seed) << 16) | 0x330E)
    }

    /// The next number in `[0, 1)`.
    fn next(&mut self) -> f64 {
        self.0 = self.0.wrapping_mul(0x5_DEEC_E66D).wrapping_add(0xB) & Self::MASK;
        self.0 as f64 / (1u64 << 48) as f64
    }
}

/// ROUGE-1.5.5's printed average of `scores`, which must be in the order the
/// script sorts its evals (string order of `"<eval id>.<peer id>"`; see
/// [`eval_order`]). An empty slice gives zeros.
pub fn estimate(scores: &[f64]) -> Estimate {
    let n = scores.len();
    if n == 0 {
        return Estimate {
            mean: 0.0,
            low: 0.0,
            high: 0.0,
        };
    }
    let mut means: Vec<f64> = (0..RESAMPLES)
        .map(|i| {
            let mut random = Drand48::seeded(i as u32);
            // Summed in draw order, as the script accumulates them.
            let sum: f64 = (0..n)
                .map(|_| scores[(n as f64 * random.next()) as usize])
                .sum();
            sum / n as f64
        })
        .collect();
    means.sort_by(f64::total_cmp);
    // The script sums the sorted means; so does this, to round alike.
    let mean = means.iter().sum::<f64>() / RESAMPLES as f64;
    // Its interval indices: delta = r · (100 − c) / 2 / 100, low at
    // int(delta), high at int(r − delta − 1), interpolated by a ratio that
    // is 0 for r = 1000, c = 95.
    let delta = RESAMPLES as f64 * ((100.0 - CONFIDENCE) / 2.0) / 100.0;
    let high_index = (RESAMPLES as f64 - delta - 1.0) as usize;
    let low_index = delta as usize;
    let ratio = RESAMPLES as f64 - delta - 1.0 - high_index as f64;
    let at = |k: usize| {
        let next = means.get(k + 1).copied().unwrap_or(means[k]);
        means[k] + (next - means[k]) * ratio
    };
    Estimate {
        mean: super::rouge::round5(mean),
        low: super::rouge::round5(at(low_index)),
        high: super::rouge::round5(at(high_index)),
    }
}

/// Sorts eval ids the way ROUGE-1.5.5 orders its evals: by the string
/// `"<eval id>.<peer id>"`. The peer id is the same for every eval of a run,
/// so it only matters where one id is a prefix of another, and then only
/// through the `.` that follows the shorter one.
pub fn eval_order(ids: &[&str]) -> Vec<usize> {
    let keys: Vec<String> = ids.iter().map(|id| format!("{id}.")).collect();
    let mut order: Vec<usize> = (0..ids.len()).collect();
    order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
    order
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drand48_matches_the_c_library() {
        // glibc: srand48(0) and srand48(1), then drand48(), printed "%.15f".
        let first = |seed| Drand48::seeded(seed).next();
        assert!((first(0) - 0.170_828_036_106_290).abs() < 1e-15);
        assert!((first(1) - 0.041_630_344_771_878).abs() < 1e-15);
    }

    #[test]
    fn constant_scores_estimate_themselves() {
        let e = estimate(&[0.25; 7]);
        assert_eq!((e.mean, e.low, e.high), (0.25, 0.25, 0.25));
        let empty = estimate(&[]);
        assert_eq!((empty.mean, empty.low, empty.high), (0.0, 0.0, 0.0));
    }

    #[test]
    fn estimate_is_a_weighted_mean_inside_its_interval() {
        let scores: Vec<f64> = (0..23).map(|i| f64::from(i) / 100.0).collect();
        let e = estimate(&scores);
        let plain = scores.iter().sum::<f64>() / 23.0;
        // Close to the plain mean, but not equal: the draws are not uniform.
        assert!((e.mean - plain).abs() < 0.01, "{e:?} vs {plain}");
        assert_ne!(e.mean, super::super::rouge::round5(plain));
        assert!(e.low < e.mean && e.mean < e.high, "{e:?}");
    }

    #[test]
    fn eval_order_is_rouge_string_order() {
        // "D1-0." < "D1." because '-' sorts before '.'; "D10" after "D1-…".
        let ids = ["D10", "D1", "D1-0", "D2"];
        let order = eval_order(&ids);
        let sorted: Vec<&str> = order.iter().map(|&i| ids[i]).collect();
        assert_eq!(sorted, ["D1-0", "D1", "D10", "D2"]);
    }
}
