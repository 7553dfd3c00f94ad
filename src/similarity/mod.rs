//! Stage 4b, *similarity*: how alike two sentences are, by their words
//! (TF-IDF cosine, [`crate::tfidf`]) and by their meaning (cosine of
//! sentence vectors from a static table distilled from all-MiniLM-L6-v2,
//! [`SentenceVectors`]), and the one measure every later stage uses:
//! near-duplicate search and clustering, the centrality graph, the
//! redundancy check of selection and the similarity reported in citations.
//!
//! The combined measure is `w · lexical + (1 - w) · max(semantic, 0)` with
//! `w` = [`LEXICAL_WEIGHT`]: the lexical cosine is exact about shared
//! words and names, the semantic one sees "concluded without any
//! agreement" and "failed to make any breakthroughs" as one claim. Because
//! it is a convex combination, a pair reaching a threshold `t` has
//! `lexical ≥ t` or `semantic ≥ t`, so searching each signal at `t` and
//! rescoring finds every pair (see [`crate::cluster`]). The study behind
//! the weight and the thresholds is in `docs/similarity.md`.
//!
//! The table is English (it is BERT's uncased English vocabulary); other
//! languages use the lexical measure alone ([`Measure::effective`]).

pub mod candidates;
pub mod model;
pub mod vectors;
pub mod wordpiece;

pub use candidates::{semantic_pairs, semantic_pairs_where, SemanticPair};
pub use model::StaticModel;
pub use vectors::SentenceVectors;

use crate::lang::Language;
use crate::tfidf::{Rows, SparseRow, TfIdfMatrix};

/// Weight of the lexical cosine in the combined measure.
pub const LEXICAL_WEIGHT: f32 = 0.5;

/// Which similarity the pipeline uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Measure {
    /// TF-IDF cosine only (the default: on the development sets the
    /// semantic measures did not improve the summaries, see
    /// `docs/similarity.md`).
    #[default]
    Lexical,
    /// Cosine of the semantic sentence vectors only.
    Semantic,
    /// Both, combined (see the module docs).
    Combined,
}

impl Measure {
    /// The name used on the command line and in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Measure::Lexical => "lexical",
            Measure::Semantic => "semantic",
            Measure::Combined => "combined",
        }
    }

    /// The near-duplicate threshold chosen for this measure on the
    /// development data (`docs/similarity.md`).
    pub fn default_threshold(self) -> f32 {
        match self {
            Measure::Lexical => 0.4,
            Measure::Semantic => 0.6,
            Measure::Combined => 0.45,
        }
    }

    /// The measure actually used for `language`: the semantic table is
    /// English only, so other languages fall back to [`Measure::Lexical`].
    pub fn effective(self, language: Language) -> Measure {
        if language == Language::English {
            self
        } else {
            Measure::Lexical
        }
    }

    /// True when sentence vectors are needed.
    pub fn uses_vectors(self) -> bool {
        self != Measure::Lexical
    }

    /// The least semantic cosine with which a pair sharing no word reaches
    /// `threshold` (infinite for the lexical measure).
    pub fn semantic_floor(self, threshold: f32) -> f32 {
        match self {
            Measure::Lexical => f32::INFINITY,
            Measure::Semantic => threshold,
            Measure::Combined => threshold / (1.0 - LEXICAL_WEIGHT),
        }
    }

    /// Combines a lexical and a semantic cosine into this measure.
    pub fn combine(self, lexical: f32, semantic: f32) -> f32 {
        match self {
            Measure::Lexical => lexical,
            Measure::Semantic => semantic.max(0.0),
            Measure::Combined => {
                LEXICAL_WEIGHT * lexical + (1.0 - LEXICAL_WEIGHT) * semantic.max(0.0)
            }
        }
    }
}

/// The sentences as rows for the search and the clustering of
/// [`crate::cluster`]: TF-IDF rows (what the prefix-filtered search
/// indexes), compared by this measure.
impl Rows for Similarity<'_> {
    fn len(&self) -> usize {
        self.matrix.len()
    }
    fn row(&self, i: usize) -> SparseRow<'_> {
        self.matrix.row(i)
    }
    fn df(&self) -> &[u32] {
        &self.matrix.df
    }
    fn cosine(&self, i: usize, j: usize) -> f32 {
        self.between(i, j)
    }
}

/// The similarity of sentences of one input, by index: TF-IDF rows and,
/// unless the measure is lexical, sentence vectors with the same indices.
#[derive(Clone, Copy, Debug)]
pub struct Similarity<'a> {
    matrix: &'a TfIdfMatrix,
    vectors: Option<&'a SentenceVectors>,
    measure: Measure,
}

impl<'a> Similarity<'a> {
    /// The lexical measure over `matrix`.
    pub fn lexical(matrix: &'a TfIdfMatrix) -> Self {
        Similarity {
            matrix,
            vectors: None,
            measure: Measure::Lexical,
        }
    }

    /// `measure` over `matrix` and `vectors` (one row each per sentence);
    /// without vectors the measure is lexical whatever `measure` says.
    pub fn new(
        matrix: &'a TfIdfMatrix,
        vectors: Option<&'a SentenceVectors>,
        measure: Measure,
    ) -> Self {
        match vectors {
            Some(v) if measure.uses_vectors() => {
                debug_assert_eq!(v.len(), matrix.len());
                Similarity {
                    matrix,
                    vectors: Some(v),
                    measure,
                }
            }
            _ => Similarity::lexical(matrix),
        }
    }

    /// The measure in force.
    pub fn measure(&self) -> Measure {
        self.measure
    }

    /// The TF-IDF rows.
    pub fn matrix(&self) -> &'a TfIdfMatrix {
        self.matrix
    }

    /// The sentence vectors, when the measure uses them.
    pub fn vectors(&self) -> Option<&'a SentenceVectors> {
        self.vectors
    }

    /// Number of sentences.
    pub fn len(&self) -> usize {
        self.matrix.len()
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.matrix.is_empty()
    }

    /// TF-IDF cosine of sentences `i` and `j`.
    pub fn lexical_cosine(&self, i: usize, j: usize) -> f32 {
        self.matrix.cosine(i, j)
    }

    /// Semantic cosine of sentences `i` and `j` (0 without vectors).
    pub fn semantic_cosine(&self, i: usize, j: usize) -> f32 {
        self.vectors.map_or(0.0, |v| v.cosine(i, j))
    }

    /// The measure's similarity of sentences `i` and `j`, in `[0, 1]`.
    pub fn between(&self, i: usize, j: usize) -> f32 {
        match self.measure {
            Measure::Lexical => self.lexical_cosine(i, j),
            Measure::Semantic => self.semantic_cosine(i, j).max(0.0),
            Measure::Combined => self
                .measure
                .combine(self.lexical_cosine(i, j), self.semantic_cosine(i, j)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn combined_is_a_convex_mix_clipped_at_zero() {
        let m = Measure::Combined;
        assert_eq!(m.combine(1.0, 1.0), 1.0);
        assert_eq!(m.combine(0.0, -0.5), 0.0);
        assert!((m.combine(0.4, 0.8) - 0.6).abs() < 1e-6);
        // A pair reaching t has one signal at t or above.
        for &(l, s) in &[(0.3f32, 0.7f32), (0.7, 0.3), (0.5, 0.5)] {
            assert!(m.combine(l, s) <= l.max(s));
        }
    }

    #[test]
    fn other_languages_fall_back_to_lexical() {
        assert_eq!(
            Measure::Combined.effective(Language::German),
            Measure::Lexical
        );
        assert_eq!(
            Measure::Combined.effective(Language::English),
            Measure::Combined
        );
    }
}
