//! Scores of a grouping against true topics: B-cubed precision, recall and
//! F1 (Bagga and Baldwin 1998, extended to items of several topics by
//! Amigó et al. 2009) and the adjusted Rand index (Hubert and Arabie 1985).
//!
//! B-cubed scores each item: precision is the share of its predicted group
//! that shares a true topic with it, recall the share of its true topic(s)
//! found in its group; both are averaged over items, so a big topic split
//! in two costs in proportion to its size. A document left alone is a group
//! of one.

use rustc_hash::FxHashMap;

/// Precision, recall and their harmonic mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BCubed {
    /// Mean item precision.
    pub precision: f64,
    /// Mean item recall.
    pub recall: f64,
    /// Harmonic mean of the two.
    pub f1: f64,
}

/// B-cubed of `predicted` (a group id per item) against `truth` (each
/// item's true topics, at least one). Items with one topic each are scored
/// through counts; items with several through their pairs (Amigó et al.:
/// a pair in one group counts as right when the items share a topic, and a
/// pair sharing `k` topics needs `k` shared groups, which a partition never
/// gives, so it earns `1/k` recall).
pub fn bcubed(predicted: &[usize], truth: &[Vec<usize>]) -> BCubed {
    assert_eq!(predicted.len(), truth.len());
    let n = predicted.len();
    if n == 0 {
        return BCubed {
            precision: 1.0,
            recall: 1.0,
            f1: 1.0,
        };
    }
    let (precision, recall) = if truth.iter().all(|t| t.len() == 1) {
        let mut both: FxHashMap<(usize, usize), f64> = FxHashMap::default();
        let mut group: FxHashMap<usize, f64> = FxHashMap::default();
        let mut topic: FxHashMap<usize, f64> = FxHashMap::default();
        for (&p, t) in predicted.iter().zip(truth) {
            *both.entry((p, t[0])).or_default() += 1.0;
            *group.entry(p).or_default() += 1.0;
            *topic.entry(t[0]).or_default() += 1.0;
        }
        let mut precision = 0.0;
        let mut recall = 0.0;
        for (&(p, t), &count) in &both {
            precision += count * count / group[&p];
            recall += count * count / topic[&t];
        }
        (precision / n as f64, recall / n as f64)
    } else {
        let shared = |a: &[usize], b: &[usize]| a.iter().filter(|x| b.contains(x)).count();
        let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for (i, &p) in predicted.iter().enumerate() {
            members.entry(p).or_default().push(i);
        }
        let mut by_topic: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for (i, topics) in truth.iter().enumerate() {
            for &t in topics {
                by_topic.entry(t).or_default().push(i);
            }
        }
        let mut precision = 0.0;
        let mut recall = 0.0;
        for i in 0..n {
            let group = &members[&predicted[i]];
            let right = group
                .iter()
                .filter(|&&j| shared(&truth[i], &truth[j]) > 0)
                .count();
            precision += right as f64 / group.len() as f64;
            let mut related: Vec<usize> = truth[i]
                .iter()
                .flat_map(|t| by_topic[t].iter().copied())
                .collect();
            related.sort_unstable();
            related.dedup();
            let found: f64 = related
                .iter()
                .filter(|&&j| predicted[j] == predicted[i])
                .map(|&j| 1.0 / shared(&truth[i], &truth[j]) as f64)
                .sum();
            recall += found / related.len() as f64;
        }
        (precision / n as f64, recall / n as f64)
    };
    BCubed {
        precision,
        recall,
        f1: 2.0 * precision * recall / (precision + recall),
    }
}

/// Adjusted Rand index of two labellings of the same items: 1 for equal
/// partitions, about 0 for chance agreement.
pub fn adjusted_rand(predicted: &[usize], truth: &[usize]) -> f64 {
    assert_eq!(predicted.len(), truth.len());
    let pairs = |c: f64| c * (c - 1.0) / 2.0;
    let mut both: FxHashMap<(usize, usize), f64> = FxHashMap::default();
    let mut rows: FxHashMap<usize, f64> = FxHashMap::default();
    let mut cols: FxHashMap<usize, f64> = FxHashMap::default();
    for (&p, &t) in predicted.iter().zip(truth) {
        *both.entry((p, t)).or_default() += 1.0;
        *rows.entry(p).or_default() += 1.0;
        *cols.entry(t).or_default() += 1.0;
    }
    let index: f64 = both.values().map(|&c| pairs(c)).sum();
    let a: f64 = rows.values().map(|&c| pairs(c)).sum();
    let b: f64 = cols.values().map(|&c| pairs(c)).sum();
    let total = pairs(predicted.len() as f64);
    let expected = a * b / total;
    let max = (a + b) / 2.0;
    if max == expected {
        return 1.0;
    }
    (index - expected) / (max - expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn single(t: &[usize]) -> Vec<Vec<usize>> {
        t.iter().map(|&x| vec![x]).collect()
    }

    #[test]
    fn perfect_and_lumped_and_split() {
        let truth = single(&[0, 0, 1, 1]);
        let perfect = bcubed(&[5, 5, 7, 7], &truth);
        assert_eq!((perfect.precision, perfect.recall), (1.0, 1.0));
        let lumped = bcubed(&[0, 0, 0, 0], &truth);
        assert_eq!((lumped.precision, lumped.recall), (0.5, 1.0));
        let split = bcubed(&[0, 1, 2, 3], &truth);
        assert_eq!((split.precision, split.recall), (1.0, 0.5));
        assert_eq!(adjusted_rand(&[5, 5, 7, 7], &[0, 0, 1, 1]), 1.0);
        assert!(adjusted_rand(&[0, 1, 2, 3], &[0, 0, 1, 1]).abs() < 1e-12);
    }

    #[test]
    fn pairwise_path_agrees_with_counts_on_single_topics() {
        let predicted = [0, 0, 1, 1, 1, 2, 0];
        let truth = single(&[0, 0, 0, 1, 1, 1, 2]);
        let fast = bcubed(&predicted, &truth);
        // Force the pairwise path with one extra item of two topics, alone:
        // it is right about itself (precision 1) but, having two topics,
        // earns half its own recall.
        let mut p2 = predicted.to_vec();
        p2.push(99);
        let mut t2 = truth.clone();
        t2.push(vec![7, 8]);
        let slow = bcubed(&p2, &t2);
        let n = predicted.len() as f64;
        assert!((slow.precision * (n + 1.0) - (fast.precision * n + 1.0)).abs() < 1e-9);
        assert!((slow.recall * (n + 1.0) - (fast.recall * n + 0.5)).abs() < 1e-9);
    }

    #[test]
    fn an_item_of_two_topics_is_right_with_either() {
        // Item 2 belongs to topics 0 and 1; grouped with topic 0 only.
        let truth = vec![vec![0], vec![0], vec![0, 1], vec![1]];
        let s = bcubed(&[0, 0, 0, 1], &truth);
        assert_eq!(s.precision, 1.0);
        assert!(s.recall < 1.0);
    }
}
