//! Stage 4, *vectorize*: sparse, L2-normalized TF-IDF sentence vectors.
//!
//! Weight of term `t` in sentence `s`: `tf(t, s) * idf(t)` with
//! `idf(t) = ln((1 + N) / (1 + df(t))) + 1`, where `N` is the number of
//! sentences and `df(t)` the number of sentences containing `t` (smoothed
//! as in scikit-learn, so a term in every sentence keeps weight 1).
//!
//! IDF is computed over the input's *sentences*, not its documents: the
//! things compared are sentences, and a multi-document input has few
//! documents (5 to 10 in a news cluster). Over documents, every term of the
//! event ("Putin", "summit") would appear in all of them and share one IDF
//! value; over sentences, IDF still tells a sentence-specific term from the
//! event's background vocabulary.

use rayon::prelude::*;

use crate::analyze::{Analysis, AnalyzedSentence, TermId};

/// TF-IDF vectors of all sentences, in compressed sparse row (CSR) form:
/// row `i` holds the terms of sentence `i`, sorted by term id.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TfIdfMatrix {
    row_starts: Vec<usize>,
    terms: Vec<TermId>,
    weights: Vec<f32>,
    /// Sentence frequency of each term.
    pub df: Vec<u32>,
    /// Inverse sentence frequency of each term.
    pub idf: Vec<f32>,
}

/// A borrowed sparse vector: parallel slices of sorted term ids and weights.
#[derive(Clone, Copy, Debug)]
pub struct SparseRow<'a> {
    /// Term ids, strictly increasing.
    pub terms: &'a [TermId],
    /// Weights, one per term; the row has L2 norm 1 unless it is empty.
    pub weights: &'a [f32],
}

impl SparseRow<'_> {
    /// Dot product by merging the two sorted term lists: for unit vectors,
    /// the cosine similarity.
    pub fn dot(&self, other: &SparseRow<'_>) -> f32 {
        let (mut i, mut j, mut sum) = (0, 0, 0.0f32);
        while i < self.terms.len() && j < other.terms.len() {
            match self.terms[i].cmp(&other.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    sum += self.weights[i] * other.weights[j];
                    i += 1;
                    j += 1;
                }
            }
        }
        sum
    }

    /// True when the sentence had no content terms.
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

/// A row as a hash-map key: two keys are equal when their terms and
/// weights are bit-identical (identical vectors collapse into one group).
#[derive(Clone, Copy, Debug)]
pub struct ExactRow<'a>(pub SparseRow<'a>);

impl PartialEq for ExactRow<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.terms == other.0.terms
            && self
                .0
                .weights
                .iter()
                .zip(other.0.weights)
                .all(|(a, b)| a.to_bits() == b.to_bits())
    }
}

impl Eq for ExactRow<'_> {}

impl std::hash::Hash for ExactRow<'_> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.terms.hash(state);
        for w in self.0.weights {
            w.to_bits().hash(state);
        }
    }
}

/// Sparse unit vectors addressed by index: what the near-duplicate search
/// and the clustering compare (sentences in [`TfIdfMatrix`], fact units in
/// [`crate::facts`]).
pub trait Rows: Sync {
    /// Number of vectors.
    fn len(&self) -> usize;
    /// True when there are no vectors.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Vector `i`.
    fn row(&self, i: usize) -> SparseRow<'_>;
    /// Sentence frequency of each term (the search visits rare terms first).
    fn df(&self) -> &[u32];
    /// Cosine similarity of vectors `i` and `j`.
    fn cosine(&self, i: usize, j: usize) -> f32 {
        self.row(i).dot(&self.row(j))
    }
}

impl Rows for TfIdfMatrix {
    fn len(&self) -> usize {
        TfIdfMatrix::len(self)
    }
    fn row(&self, i: usize) -> SparseRow<'_> {
        TfIdfMatrix::row(self, i)
    }
    fn df(&self) -> &[u32] {
        &self.df
    }
}

impl TfIdfMatrix {
    /// Builds the vectors of every analyzed sentence.
    pub fn build(analysis: &Analysis) -> Self {
        let n_terms = analysis.vocabulary.len();
        // Per-sentence term counts, sorted by term id.
        let counted: Vec<Vec<(TermId, u32)>> = analysis
            .sentences
            .par_iter()
            .map(|s| count_terms(&s.terms))
            .collect();

        let mut df = vec![0u32; n_terms];
        for row in &counted {
            for &(t, _) in row {
                df[t as usize] += 1;
            }
        }
        let n = counted.len() as f32;
        let idf: Vec<f32> = df
            .iter()
            .map(|&d| ((1.0 + n) / (1.0 + d as f32)).ln() + 1.0)
            .collect();
        Self::weighted(&counted, df, idf)
    }

    /// Vectors of other texts over the same vocabulary (parts of the
    /// sentences, for instance), weighted with this matrix's IDF so that
    /// they compare with its rows. The result shares this matrix's `df` and
    /// `idf`.
    pub fn vectors_of(&self, texts: &[AnalyzedSentence]) -> TfIdfMatrix {
        let counted: Vec<Vec<(TermId, u32)>> =
            texts.par_iter().map(|s| count_terms(&s.terms)).collect();
        Self::weighted(&counted, self.df.clone(), self.idf.clone())
    }

    /// L2-normalized `tf * idf` rows of counted terms.
    fn weighted(counted: &[Vec<(TermId, u32)>], df: Vec<u32>, idf: Vec<f32>) -> Self {
        let rows: Vec<Vec<(TermId, f32)>> = counted
            .par_iter()
            .map(|row| {
                let mut weighted: Vec<(TermId, f32)> = row
                    .iter()
                    .map(|&(t, tf)| (t, tf as f32 * idf[t as usize]))
                    .collect();
                let norm = weighted.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
                if norm > 0.0 {
                    for (_, w) in &mut weighted {
                        *w /= norm;
                    }
                }
                weighted
            })
            .collect();

        let mut matrix = TfIdfMatrix {
            row_starts: Vec::with_capacity(rows.len() + 1),
            terms: Vec::new(),
            weights: Vec::new(),
            df,
            idf,
        };
        matrix.row_starts.push(0);
        for row in rows {
            for (t, w) in row {
                matrix.terms.push(t);
                matrix.weights.push(w);
            }
            matrix.row_starts.push(matrix.terms.len());
        }
        matrix
    }

    /// Number of sentences (rows).
    pub fn len(&self) -> usize {
        self.row_starts.len().saturating_sub(1)
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Number of distinct terms (columns).
    pub fn n_terms(&self) -> usize {
        self.df.len()
    }

    /// Total stored entries.
    pub fn nnz(&self) -> usize {
        self.terms.len()
    }

    /// The vector of sentence `i`.
    pub fn row(&self, i: usize) -> SparseRow<'_> {
        let range = self.row_starts[i]..self.row_starts[i + 1];
        SparseRow {
            terms: &self.terms[range.clone()],
            weights: &self.weights[range],
        }
    }

    /// Cosine similarity of sentences `i` and `j`.
    pub fn cosine(&self, i: usize, j: usize) -> f32 {
        self.row(i).dot(&self.row(j))
    }
}

fn count_terms(terms: &[TermId]) -> Vec<(TermId, u32)> {
    let mut sorted = terms.to_vec();
    sorted.sort_unstable();
    let mut counted: Vec<(TermId, u32)> = Vec::with_capacity(sorted.len());
    for t in sorted {
        match counted.last_mut() {
            Some((last, count)) if *last == t => *count += 1,
            _ => counted.push((t, 1)),
        }
    }
    counted
}

/// Hand-made inputs for the unit tests of this and later stages.
#[cfg(test)]
pub(crate) mod test_support {
    use super::TfIdfMatrix;
    use crate::analyze::{Analysis, AnalyzedSentence, SentenceSource, TermId};

    /// One sentence per row of term ids, all in document 0; terms are named
    /// `t0`, `t1`, ...
    pub(crate) fn analysis(rows: &[Vec<TermId>]) -> Analysis {
        let max = rows.iter().flatten().max().map_or(0, |&m| m + 1);
        Analysis {
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
            ..Analysis::default()
        }
    }

    /// The TF-IDF matrix of [`analysis`]`(rows)`.
    pub(crate) fn matrix(rows: &[Vec<TermId>]) -> TfIdfMatrix {
        TfIdfMatrix::build(&analysis(rows))
    }
}

#[cfg(test)]
mod tests {
    use super::test_support;
    use super::*;

    fn analysis(rows: &[&[TermId]]) -> crate::analyze::Analysis {
        test_support::analysis(&rows.iter().map(|r| r.to_vec()).collect::<Vec<_>>())
    }

    #[test]
    fn rows_are_unit_length_and_sorted() {
        let m = TfIdfMatrix::build(&analysis(&[&[3, 1, 1, 2], &[1], &[]]));
        for i in 0..2 {
            let row = m.row(i);
            let norm: f32 = row.weights.iter().map(|w| w * w).sum();
            assert!((norm - 1.0).abs() < 1e-6);
            assert!(row.terms.windows(2).all(|w| w[0] < w[1]));
        }
        assert!(m.row(2).is_empty());
        assert_eq!(m.cosine(2, 0), 0.0);
    }

    #[test]
    fn idf_prefers_rare_terms_and_identical_rows_have_cosine_one() {
        let m = TfIdfMatrix::build(&analysis(&[&[0, 1], &[0, 2], &[0, 1]]));
        assert_eq!(m.df, vec![3, 2, 1]);
        assert!(m.idf[2] > m.idf[1] && m.idf[1] > m.idf[0]);
        assert!((m.idf[0] - 1.0).abs() < 1e-6);
        assert!((m.cosine(0, 2) - 1.0).abs() < 1e-6);
        assert!(m.cosine(0, 1) > 0.0 && m.cosine(0, 1) < 1.0);
    }

    #[test]
    fn term_frequency_counts() {
        let m = TfIdfMatrix::build(&analysis(&[&[0, 0, 1], &[0, 1]]));
        let row = m.row(0);
        // Same idf for both terms, tf 2:1.
        assert!((row.weights[0] / row.weights[1] - 2.0).abs() < 1e-5);
    }
}
