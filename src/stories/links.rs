//! Candidate pairs by blocking, verified by signature similarity.
//!
//! Every document files itself under its [`Signatures::KEYS`] strongest
//! terms. Within each key's list (documents in input order) a document is
//! paired with the next [`WINDOW`] documents only: the sorted-neighbourhood
//! method of record linkage. A list no longer than `WINDOW + 1` yields all
//! its pairs; a longer one (a big story, or a term common enough to be some
//! documents' key anyway) yields a band of pairs that still connects a
//! story whose documents verify, and the work stays at most
//! `documents × KEYS × WINDOW` pairs: linear in the input.
//!
//! A candidate becomes a [`Link`] when its signatures' cosine reaches the
//! link threshold. Links are the only edges the grouping ever follows.
//!
//! [`Signatures::KEYS`]: super::signature::Signatures::KEYS

use rayon::prelude::*;

use super::signature::Signatures;

/// Documents after each one in a key's list that it is paired with.
pub const WINDOW: usize = 32;

/// Two documents whose signatures are similar enough to be linked.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Link {
    /// The earlier document (input index).
    pub a: u32,
    /// The later document.
    pub b: u32,
    /// Exact signature dot product: cosine × `SCALE²`.
    pub dot: u64,
}

/// The candidate pairs `(a, b)`, `a < b`, sorted and distinct.
pub fn candidate_pairs(signatures: &Signatures) -> Vec<(u32, u32)> {
    let mut filed: Vec<(u32, u32)> = (0..signatures.len() as u32)
        .into_par_iter()
        .flat_map_iter(|d| signatures.keys(d as usize).iter().map(move |&k| (k, d)))
        .collect();
    filed.par_sort_unstable();
    let lists: Vec<&[(u32, u32)]> = filed.chunk_by(|x, y| x.0 == y.0).collect();
    let mut pairs: Vec<(u32, u32)> = lists
        .par_iter()
        .flat_map_iter(|list| window_pairs(list))
        .collect();
    pairs.par_sort_unstable();
    pairs.dedup();
    pairs
}

/// The pairs of one key's list (documents in increasing order).
fn window_pairs(list: &[(u32, u32)]) -> impl Iterator<Item = (u32, u32)> + '_ {
    list.iter().enumerate().flat_map(move |(i, &(_, a))| {
        list[i + 1..(i + 1 + WINDOW).min(list.len())]
            .iter()
            .map(move |&(_, b)| (a, b))
    })
}

/// The smallest dot product that counts as a cosine of `threshold`.
pub fn dot_threshold(threshold: f64) -> u64 {
    let scale = super::signature::SCALE as f64;
    (threshold * scale * scale).ceil() as u64
}

/// The candidate pairs whose cosine reaches `threshold`, in pair order.
pub fn verify(signatures: &Signatures, pairs: &[(u32, u32)], threshold: f64) -> Vec<Link> {
    let minimum = dot_threshold(threshold);
    pairs
        .par_iter()
        .filter_map(|&(a, b)| {
            let dot = signatures.get(a as usize).dot(&signatures.get(b as usize));
            (dot >= minimum && dot > 0).then_some(Link { a, b, dot })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_lists_give_all_pairs_and_long_lists_a_band() {
        let short: Vec<(u32, u32)> = (0..4).map(|d| (7, d)).collect();
        assert_eq!(window_pairs(&short).count(), 6);
        let long: Vec<(u32, u32)> = (0..1000).map(|d| (7, d)).collect();
        let pairs: Vec<_> = window_pairs(&long).collect();
        assert!(pairs.len() <= 1000 * WINDOW);
        assert!(pairs.contains(&(0, WINDOW as u32)));
        assert!(!pairs.contains(&(0, WINDOW as u32 + 1)));
    }

    #[test]
    fn pairs_come_from_shared_keys_only() {
        // Documents 0 and 1 share term 5; document 2 shares nothing.
        let rows = vec![
            (vec![(5, 30000), (6, 100)], vec![5, 6]),
            (vec![(1, 100), (5, 30000)], vec![5, 1]),
            (vec![(9, 32768)], vec![9]),
        ];
        let s = Signatures::from_rows((0..10).map(|t| format!("t{t}")).collect(), rows);
        let pairs = candidate_pairs(&s);
        assert_eq!(pairs, vec![(0, 1)]);
        let links = verify(&s, &pairs, 0.5);
        assert_eq!(links.len(), 1);
        assert_eq!(links[0].dot, 30000 * 30000);
        assert!(verify(&s, &pairs, 0.9).is_empty());
    }
}
