//! Stage 7, *select*: pick a budgeted, non-redundant set of clusters and
//! put them in the requested order.

use crate::tfidf::TfIdfMatrix;

/// How long the summary may be.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Budget {
    /// At most this many sentences.
    Sentences(usize),
    /// At most this many words in total.
    Words(usize),
    /// At most this many characters in total (Unicode scalar values).
    Chars(usize),
}

impl Default for Budget {
    fn default() -> Self {
        Budget::Sentences(7)
    }
}

/// The order of the summary's sentences.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Order {
    /// Most important first.
    #[default]
    Rank,
    /// As they appear in the input: by document, then position.
    Source,
    /// By the document's date (undated last), then as in `Source`.
    Date,
}

/// One candidate for the summary: a cluster, through its representative.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Candidate {
    /// The cluster's id.
    pub cluster: u32,
    /// Its representative sentence (index into the TF-IDF matrix).
    pub sentence: u32,
    /// Its score; higher is better.
    pub score: f64,
    /// Words in the representative.
    pub words: u32,
    /// Characters in the representative.
    pub chars: u32,
}

/// Greedy selection: best score first (ties: lower cluster id), skipping a
/// candidate whose cosine with an already chosen sentence reaches
/// `redundancy_threshold`, and one that does not fit the remaining word or
/// character budget (a shorter one further down may still fit). Clusters
/// are distinct by construction, so no two picks state the same fact.
/// Returns the chosen candidates in selection (rank) order.
pub fn select(
    candidates: &[Candidate],
    matrix: &TfIdfMatrix,
    budget: Budget,
    redundancy_threshold: f32,
) -> Vec<Candidate> {
    let mut ranked: Vec<Candidate> = candidates.to_vec();
    ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.cluster.cmp(&b.cluster)));
    let mut chosen: Vec<Candidate> = Vec::new();
    let (mut words, mut chars) = (0usize, 0usize);
    for candidate in ranked {
        let fits = match budget {
            Budget::Sentences(n) => chosen.len() < n,
            Budget::Words(n) => words + candidate.words as usize <= n,
            Budget::Chars(n) => chars + candidate.chars as usize <= n,
        };
        if let Budget::Sentences(n) = budget {
            if chosen.len() >= n {
                break;
            }
        }
        if !fits {
            continue;
        }
        let redundant = chosen.iter().any(|c| {
            matrix.cosine(c.sentence as usize, candidate.sentence as usize) >= redundancy_threshold
        });
        if redundant {
            continue;
        }
        words += candidate.words as usize;
        chars += candidate.chars as usize;
        chosen.push(candidate);
    }
    chosen
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::{Analysis, AnalyzedSentence, SentenceSource};

    fn matrix(rows: &[Vec<u32>]) -> TfIdfMatrix {
        let max = rows.iter().flatten().max().map_or(0, |&m| m + 1);
        TfIdfMatrix::build(&Analysis {
            vocabulary: (0..max).map(|t| format!("t{t}")).collect(),
            sentences: rows
                .iter()
                .enumerate()
                .map(|(i, r)| AnalyzedSentence {
                    source: SentenceSource {
                        document: 0,
                        unit: i as u32,
                    },
                    terms: r.clone(),
                    words: r.len() as u32,
                })
                .collect(),
        })
    }

    fn candidate(i: u32, score: f64, words: u32) -> Candidate {
        Candidate {
            cluster: i,
            sentence: i,
            score,
            words,
            chars: words * 6,
        }
    }

    #[test]
    fn takes_best_first_within_sentence_budget() {
        let m = matrix(&[vec![1], vec![2], vec![3], vec![4]]);
        let c = [
            candidate(0, 0.1, 5),
            candidate(1, 0.4, 5),
            candidate(2, 0.3, 5),
            candidate(3, 0.2, 5),
        ];
        let picked: Vec<u32> = select(&c, &m, Budget::Sentences(2), 0.5)
            .iter()
            .map(|c| c.cluster)
            .collect();
        assert_eq!(picked, vec![1, 2]);
    }

    #[test]
    fn skips_redundant_and_oversized_candidates() {
        let m = matrix(&[vec![1, 2, 3], vec![1, 2, 3, 4], vec![7, 8], vec![9]]);
        let c = [
            candidate(0, 0.9, 10),
            candidate(1, 0.8, 10), // near-duplicate of 0
            candidate(2, 0.7, 50), // too long for the word budget
            candidate(3, 0.1, 5),
        ];
        let picked: Vec<u32> = select(&c, &m, Budget::Words(20), 0.5)
            .iter()
            .map(|c| c.cluster)
            .collect();
        assert_eq!(picked, vec![0, 3]);
    }
}
