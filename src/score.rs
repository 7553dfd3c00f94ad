//! Sentence features and the summary algorithms that combine them.
//!
//! Every algorithm scores clusters (through one sentence each) and hands
//! them to [`crate::select`]; they differ in what counts as important:
//!
//! * position: news articles put the key facts first ([`positions`]);
//! * centroid: how much of the topic's frequent vocabulary a sentence
//!   carries ([`centroid_scores`], MEAD);
//! * centrality: LexRank over the clusters ([`crate::rank`]), optionally
//!   weighted by cross-source support;
//! * concept coverage: how many word bigrams that several documents share
//!   the summary covers, each counted once ([`crate::concepts`], as in
//!   ICSISumm), which is also what ROUGE-2 rewards;
//! * query relevance, when a question is asked ([`crate::query`]).
//!
//! The dev-set evaluation behind the choices is in `docs/quality.md`.

use rustc_hash::FxHashMap;

use crate::analyze::Analysis;
use crate::cluster::Clusters;
use crate::filter::Filters;
use crate::tfidf::TfIdfMatrix;

/// How the summary's sentences are chosen.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Algorithm {
    /// Baseline: the first document's sentences in order, then the next
    /// document's (input order; for DUC-style folders, file-name order). A
    /// sentence whose cluster is already in the summary is skipped.
    Lead,
    /// Baseline: plain LexRank (Erkan and Radev 2004) over the clusters'
    /// representatives, every cluster weighted 1; greedy by centrality with
    /// the cosine redundancy check.
    Lexrank,
    /// Baseline: MEAD's centroid score plus its position score (Radev et
    /// al. 2004), greedy with the cosine redundancy check.
    Centroid,
    /// brief's default: greedy maximization of bigram-concept coverage plus
    /// support-weighted LexRank centrality and a lead-position prior, with
    /// gains scaled by sentence length (the weights and their study:
    /// docs/quality.md).
    // No intra-doc link above: clap prints that comment in `--help`.
    #[default]
    Brief,
}

impl Algorithm {
    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Algorithm::Lead => "lead",
            Algorithm::Lexrank => "lexrank",
            Algorithm::Centroid => "centroid",
            Algorithm::Brief => "brief",
        }
    }
}

/// The weights of [`Algorithm::Brief`]'s objective
/// `coverage(S) + Σ_s (centrality · c(s) + position · p(s))`, greedy gain
/// divided by `words^length_scaling`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BriefWeights {
    /// Weight of support-weighted LexRank centrality, scaled to `[0, 1]` by
    /// the most central cluster.
    pub centrality: f64,
    /// Weight of the position prior `1 / (1 + k)`, `k` the earliest position
    /// of the cluster's sentences in their documents (0 = lead sentence).
    pub position: f64,
    /// Exponent `r` of the length cost (0: no scaling, 1: gain per word).
    pub length_scaling: f64,
    /// Use cross-source support in the LexRank walk.
    pub support: bool,
    /// Use the bigram concept coverage term.
    pub coverage: bool,
    /// With a query: the weight of the query-biased centrality (replaces
    /// `centrality`).
    pub query_centrality: f64,
    /// With a query: how much a concept's weight grows with the relevance
    /// of the sentences that carry it (see [`crate::concepts`]).
    pub query_concepts: f64,
    /// With a query: expand it by co-occurring terms (see [`crate::query`]).
    pub query_expansion: bool,
    /// Concepts are word bigrams with stop words kept (as ROUGE-2 counts
    /// them); `false` takes bigrams of consecutive content terms instead.
    pub stop_word_bigrams: bool,
    /// Show summary sentences from past a leading dateline (see
    /// [`crate::dateline`]); words spent on it carry no fact. Applies to
    /// every algorithm.
    pub trim_datelines: bool,
    /// Which sentences may stand in the summary (see [`crate::filter`]).
    pub filters: Filters,
    /// Every member of a cluster is a candidate to speak for it (at most
    /// one per cluster is chosen), not only its representative: outlets
    /// state one fact at different lengths, and the one that covers most
    /// per word should win.
    pub any_member: bool,
    /// Under a length budget, take the best candidate that fits whole while
    /// one does; cut a sentence only when none fits.
    pub whole_first: bool,
}

impl Default for BriefWeights {
    fn default() -> Self {
        BriefWeights {
            centrality: 0.05,
            position: 0.05,
            length_scaling: 0.3,
            support: true,
            coverage: true,
            query_centrality: 0.2,
            query_concepts: 4.0,
            query_expansion: true,
            stop_word_bigrams: true,
            trim_datelines: true,
            filters: Filters::default(),
            any_member: true,
            whole_first: true,
        }
    }
}

/// Index of each analyzed sentence among its document's sentences (0 is
/// the document's first sentence).
pub fn positions(analysis: &Analysis) -> Vec<u32> {
    let mut positions = Vec::with_capacity(analysis.sentences.len());
    let mut current = (u32::MAX, 0u32);
    for s in &analysis.sentences {
        if s.source.document != current.0 {
            current = (s.source.document, 0);
        }
        positions.push(current.1);
        current.1 += 1;
    }
    positions
}

/// The earliest position of each cluster's members: a fact that any
/// outlet puts in its lead counts as a lead fact.
pub fn cluster_positions(clusters: &Clusters, positions: &[u32]) -> Vec<u32> {
    clusters
        .members
        .iter()
        .map(|members| {
            members
                .iter()
                .map(|&m| positions[m as usize])
                .min()
                .unwrap_or(0)
        })
        .collect()
}

/// MEAD's score of each sentence in `nodes`: centroid value `C` plus
/// position value `P`.
///
/// The centroid gives term `t` the value `idf(t) · tf(t) / documents`
/// (its mean count per document, weighted by the sentence-level IDF); `C`
/// sums the values of a sentence's distinct terms, and `P = C_max · (n -
/// i) / n` for the `i`-th (0-based) of a document's `n` sentences.
pub fn centroid_scores(
    analysis: &Analysis,
    matrix: &TfIdfMatrix,
    documents: usize,
    nodes: &[u32],
) -> Vec<f64> {
    let mut counts = vec![0u32; matrix.n_terms()];
    for s in &analysis.sentences {
        for &t in &s.terms {
            counts[t as usize] += 1;
        }
    }
    let documents = documents.max(1) as f64;
    let value = |t: u32| matrix.idf[t as usize] as f64 * counts[t as usize] as f64 / documents;
    let centroid: Vec<f64> = nodes
        .iter()
        .map(|&s| {
            let mut terms = analysis.sentences[s as usize].terms.clone();
            terms.sort_unstable();
            terms.dedup();
            terms.into_iter().map(value).sum()
        })
        .collect();
    let c_max = centroid.iter().copied().fold(0.0, f64::max);
    let positions = positions(analysis);
    let mut lengths: FxHashMap<u32, u32> = FxHashMap::default();
    for s in &analysis.sentences {
        *lengths.entry(s.source.document).or_default() += 1;
    }
    nodes
        .iter()
        .zip(&centroid)
        .map(|(&s, &c)| {
            let n = lengths[&analysis.sentences[s as usize].source.document] as f64;
            c + c_max * (n - positions[s as usize] as f64) / n
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{AnalyzedSentence, SentenceSource};

    fn analysis(sentences: &[(u32, Vec<u32>)]) -> Analysis {
        let max = sentences
            .iter()
            .flat_map(|(_, t)| t)
            .max()
            .map_or(0, |&m| m + 1);
        let mut units = FxHashMap::default();
        Analysis {
            vocabulary: (0..max).map(|t| format!("t{t}")).collect(),
            sentences: sentences
                .iter()
                .map(|(d, terms)| {
                    let unit: &mut u32 = units.entry(*d).or_default();
                    *unit += 1;
                    AnalyzedSentence {
                        source: SentenceSource {
                            document: *d,
                            unit: *unit - 1,
                        },
                        terms: terms.clone(),
                        words: terms.len() as u32,
                    }
                })
                .collect(),
            ..Analysis::default()
        }
    }

    #[test]
    fn positions_restart_in_every_document() {
        let a = analysis(&[
            (0, vec![1]),
            (0, vec![2]),
            (1, vec![3]),
            (1, vec![4]),
            (1, vec![5]),
        ]);
        assert_eq!(positions(&a), [0, 1, 0, 1, 2]);
        let clusters = Clusters {
            of_sentence: vec![0, 1, 1, 0, 2],
            members: vec![vec![0, 3], vec![1, 2], vec![4]],
        };
        // Cluster 1 holds document 1's lead sentence.
        assert_eq!(cluster_positions(&clusters, &positions(&a)), [0, 0, 2]);
    }

    #[test]
    fn centroid_favours_frequent_terms_and_early_sentences() {
        // Term 1 is in every document; terms 7, 8 and 9 once each.
        let a = analysis(&[
            (0, vec![1, 2]),
            (0, vec![7, 8]),
            (1, vec![1, 2]),
            (1, vec![1, 9]),
        ]);
        let m = TfIdfMatrix::build(&a);
        let s = centroid_scores(&a, &m, 2, &[0, 1, 2, 3]);
        assert!(s[0] > s[1], "{s:?}");
        // Same words, same position: same score.
        assert!((s[0] - s[2]).abs() < 1e-9);
        // Frequent term 1 outweighs the later position's loss only partly.
        assert!(s[2] > s[3], "{s:?}");
    }
}
