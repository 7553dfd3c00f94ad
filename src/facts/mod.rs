//! Stage 5b, *facts*: the facts below the sentence, matched across sources.
//!
//! A sentence can state several facts (“There's no deal until there's a
//! deal,” Trump said, adding that he would brief NATO leaders), and the
//! outlets that report one of them may package it alone. Whole-sentence
//! clusters miss those matches: the longer sentence's vector is diluted by
//! its second fact, and it can join the cluster of one of its facts at
//! most. This stage:
//!
//! 1. splits each sentence into *fact units* ([`split`]): most sentences
//!    are one fact, the whole sentence ([`Split::Whole`]); the others give
//!    *parts*, byte ranges of the clauses that state a fact (a quote
//!    without its attribution, a continuation, one side of a semicolon);
//! 2. vectorizes the parts with the sentences' TF-IDF weights, so they
//!    compare with the sentences' vectors;
//! 3. finds near-duplicate facts with the same search, threshold and
//!    guarded clustering as the sentences ([`crate::cluster`]): pairs of
//!    whole-sentence facts are the sentence stage's pairs (not searched
//!    again), and only pairs that involve a part are searched, by probing
//!    an index of the parts with every fact. The extra work grows with the
//!    number of parts, not with the square of anything.
//!
//! A fact unit is identified by a [`FactId`]: `0..n` are the `n` sentences
//! (a sentence's id is its fact when it is whole), `n + k` is part `k`.
//! Sentence clusters are untouched; the fact clusters are a second layer
//! that [`crate::cite`] uses to cite every source of every fact a summary
//! sentence states, and [`crate::select`] to never state a fact twice.

mod matching;
pub mod split;
#[cfg(test)]
mod tests;

use std::borrow::Cow;

use rayon::prelude::*;

use crate::analyze::{Analysis, AnalyzedSentence, SentenceSource, SentenceSpan};
use crate::cluster::{Clusters, NearDuplicates};
use crate::similarity::{Measure, SentenceVectors, StaticModel};
use crate::tfidf::{Rows, SparseRow, TfIdfMatrix};

pub use split::{Rules, Split, Splitter};

/// A fact unit: a whole sentence (`0..n`, the sentence's index) or a part
/// of a sentence (`n + k` for part `k`).
pub type FactId = u32;

/// A part of a sentence that states a fact: its sentence (an index into
/// the analysis) and byte range relative to the sentence's start. The
/// analysis gives its terms ([`Analyzer::analyze_with_spans`]).
///
/// [`Analyzer::analyze_with_spans`]: crate::analyze::Analyzer::analyze_with_spans
pub type Part = SentenceSpan;

/// The fact units of every sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FactUnits {
    /// `parts[part_starts[s]..part_starts[s + 1]]` are sentence `s`'s
    /// parts; none when it is one whole fact.
    part_starts: Vec<u32>,
    /// Every part, by sentence, then position.
    pub parts: Vec<Part>,
}

impl FactUnits {
    /// Splits every sentence, in parallel; `sentences` as the analysis
    /// takes them (text of each sentence, in order).
    pub fn split(splitter: &Splitter, sentences: &[(SentenceSource, &str)]) -> Self {
        if splitter.is_off() {
            return FactUnits {
                part_starts: vec![0; sentences.len() + 1],
                parts: Vec::new(),
            };
        }
        let splits: Vec<Split> = sentences
            .par_iter()
            .map(|(_, text)| splitter.split(text))
            .collect();
        let mut units = FactUnits {
            part_starts: Vec::with_capacity(sentences.len() + 1),
            parts: Vec::new(),
        };
        units.part_starts.push(0);
        for (s, split) in splits.into_iter().enumerate() {
            if let Split::Parts(spans) = split {
                units
                    .parts
                    .extend(spans.into_iter().map(|(start, end)| Part {
                        sentence: s as u32,
                        start: start as u32,
                        end: end as u32,
                    }));
            }
            units.part_starts.push(units.parts.len() as u32);
        }
        units
    }

    /// Number of sentences.
    pub fn sentences(&self) -> usize {
        self.part_starts.len().saturating_sub(1)
    }

    /// Number of fact units: whole sentences plus parts.
    pub fn len(&self) -> usize {
        (0..self.sentences() as u32)
            .filter(|&s| self.is_whole(s))
            .count()
            + self.parts.len()
    }

    /// True when there are no sentences.
    pub fn is_empty(&self) -> bool {
        self.sentences() == 0
    }

    /// True when sentence `s` is one fact, all of it.
    pub fn is_whole(&self, s: u32) -> bool {
        self.part_starts[s as usize] == self.part_starts[s as usize + 1]
    }

    /// The fact units of sentence `s`, in text order.
    pub fn facts_of(&self, s: u32) -> impl Iterator<Item = FactId> + '_ {
        let (from, to) = (
            self.part_starts[s as usize],
            self.part_starts[s as usize + 1],
        );
        let n = self.sentences() as u32;
        let whole = (from == to).then_some(s);
        whole.into_iter().chain((from..to).map(move |k| n + k))
    }

    /// The sentence a fact unit belongs to.
    pub fn sentence_of(&self, fact: FactId) -> u32 {
        match self.part(fact) {
            Some(part) => part.sentence,
            None => fact,
        }
    }

    /// The part a fact unit is, or `None` for a whole sentence.
    pub fn part(&self, fact: FactId) -> Option<&Part> {
        let n = self.sentences() as u32;
        (fact >= n).then(|| &self.parts[(fact - n) as usize])
    }

    /// The byte range of a fact unit within a sentence of `sentence_len`
    /// bytes (the whole sentence for a whole fact).
    pub fn span(&self, fact: FactId, sentence_len: usize) -> (usize, usize) {
        match self.part(fact) {
            Some(p) => (p.start as usize, p.end as usize),
            None => (0, sentence_len),
        }
    }
}

/// Fact units, their vectors and their near-duplicate clusters.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Every sentence's fact units.
    pub units: FactUnits,
    /// One TF-IDF row per part, with the sentences' IDF.
    pub vectors: TfIdfMatrix,
    /// The parts' semantic vectors (embedded alike with the sentences'),
    /// and the measure that combines them with the TF-IDF cosine; `None`
    /// with the lexical measure.
    pub semantic: Option<(SentenceVectors, Measure)>,
    /// Near-duplicate fact clusters of two or more units: each in document
    /// order (by sentence, then position), ordered by first member.
    pub clusters: Vec<Vec<FactId>>,
    /// Each cluster's number of distinct documents.
    pub support: Vec<u32>,
    /// The cluster of each fact unit (index into `clusters`), or `u32::MAX`
    /// for a fact no other unit states.
    cluster_of: Vec<u32>,
}

impl Facts {
    /// Vectorizes the parts (`parts`: their analysis, in order) and
    /// clusters the fact units at
    /// `threshold`, reusing the sentence stage's `relation` for pairs of
    /// whole sentences; `analysis` locates the sentences in documents.
    /// `lexical_clusters` are the sentence clusters when they were formed
    /// from `relation` by the TF-IDF cosine: if no sentence divides, they
    /// are the fact clusters, and nothing is searched or clustered again.
    /// With a measure that uses meaning (`semantic`), the parts are
    /// embedded too and matched by that measure, as the sentences are.
    #[allow(clippy::too_many_arguments)]
    pub fn build(
        units: FactUnits,
        parts: &[AnalyzedSentence],
        analysis: &Analysis,
        sentences: &TfIdfMatrix,
        relation: &NearDuplicates,
        lexical_clusters: Option<&Clusters>,
        threshold: f32,
        semantic: Option<SemanticFacts<'_>>,
    ) -> Facts {
        debug_assert_eq!(units.parts.len(), parts.len());
        let vectors = sentences.vectors_of(parts);
        let semantic = semantic.filter(|_| !units.parts.is_empty()).map(|s| {
            debug_assert_eq!(s.part_texts.len(), units.parts.len());
            let embedded = s
                .sentences
                .embed_alike(StaticModel::builtin(), &s.part_texts);
            (s.sentences, embedded, s.measure)
        });
        let rows = FactRows {
            sentences,
            parts: &vectors,
            semantic: semantic
                .as_ref()
                .map(|(sentences, parts, measure)| FactVectors {
                    sentences,
                    parts,
                    measure: *measure,
                }),
        };
        let document_of: Vec<u32> = analysis
            .sentences
            .iter()
            .map(|s| s.source.document)
            .collect();
        let mut clusters = match lexical_clusters.filter(|_| units.parts.is_empty()) {
            Some(sentence_clusters) => sentence_clusters
                .members
                .iter()
                .filter(|members| members.len() >= 2)
                .cloned()
                .collect(),
            None => {
                let fact_relation =
                    matching::relation(&units, &rows, relation, &document_of, threshold);
                crate::cluster::clusters_of_two_or_more(
                    rows.len(),
                    &fact_relation,
                    &rows,
                    threshold,
                )
            }
        };
        // Fact ids put parts after all sentences; list members in document
        // order instead.
        for members in &mut clusters {
            members.sort_unstable_by_key(|&f| (units.sentence_of(f), f));
        }
        clusters.sort_unstable_by_key(|members| (units.sentence_of(members[0]), members[0]));
        let support = clusters
            .iter()
            .map(|members| {
                let mut documents: Vec<u32> = members
                    .iter()
                    .map(|&f| document_of[units.sentence_of(f) as usize])
                    .collect();
                documents.dedup();
                documents.len() as u32
            })
            .collect();
        let mut cluster_of = vec![u32::MAX; rows.len()];
        for (c, members) in clusters.iter().enumerate() {
            for &f in members {
                cluster_of[f as usize] = c as u32;
            }
        }
        Facts {
            units,
            vectors,
            semantic: semantic.map(|(_, parts, measure)| (parts, measure)),
            clusters,
            support,
            cluster_of,
        }
    }

    /// Number of fact clusters stated by two or more documents.
    pub fn multi_source(&self) -> usize {
        self.support.iter().filter(|&&s| s >= 2).count()
    }

    /// The vectors of all fact units, by [`FactId`]: `sentences` and
    /// `sentence_vectors` are the sentence stage's (the vectors are used
    /// when the facts were matched by a measure that uses meaning).
    pub fn rows<'a>(
        &'a self,
        sentences: &'a TfIdfMatrix,
        sentence_vectors: Option<&'a SentenceVectors>,
    ) -> FactRows<'a> {
        FactRows {
            sentences,
            parts: &self.vectors,
            semantic: match (&self.semantic, sentence_vectors) {
                (Some((parts, measure)), Some(sentences)) => Some(FactVectors {
                    sentences,
                    parts,
                    measure: *measure,
                }),
                _ => None,
            },
        }
    }

    /// The cluster of a fact unit, if another unit states the same fact.
    pub fn cluster_of(&self, fact: FactId) -> Option<u32> {
        self.cluster_of
            .get(fact as usize)
            .copied()
            .filter(|&c| c != u32::MAX)
    }

    /// Every unit that states `fact` (itself included), in document order.
    pub fn statements(&self, fact: FactId) -> Cow<'_, [FactId]> {
        match self.cluster_of(fact) {
            Some(c) => Cow::Borrowed(&self.clusters[c as usize]),
            None => Cow::Owned(vec![fact]),
        }
    }

    /// True when sentences `a` and `b` state a common fact: some fact unit
    /// of one is in the cluster of a fact unit of the other.
    pub fn share_a_fact(&self, a: u32, b: u32) -> bool {
        if a == b {
            return true;
        }
        self.units.facts_of(a).any(|fa| {
            self.cluster_of(fa).is_some_and(|c| {
                self.units
                    .facts_of(b)
                    .any(|fb| self.cluster_of(fb) == Some(c))
            })
        })
    }
}

/// What matching facts by meaning needs: the sentences' semantic
/// vectors, the measure, and the text of every part (in order), which is
/// embedded alike with the sentences.
#[derive(Clone, Debug)]
pub struct SemanticFacts<'a> {
    /// The sentence stage's vectors.
    pub sentences: &'a SentenceVectors,
    /// The measure in force (not lexical).
    pub measure: Measure,
    /// The text of each part.
    pub part_texts: Vec<&'a str>,
}

/// The vectors of all fact units, by [`FactId`]: whole sentences' rows
/// from the sentence matrix, parts' rows from the facts' own; and their
/// semantic vectors when the measure uses them.
#[derive(Clone, Copy, Debug)]
pub struct FactRows<'a> {
    sentences: &'a TfIdfMatrix,
    parts: &'a TfIdfMatrix,
    semantic: Option<FactVectors<'a>>,
}

/// Semantic vectors of all fact units: the sentences' and the parts'.
#[derive(Clone, Copy, Debug)]
pub(crate) struct FactVectors<'a> {
    pub sentences: &'a SentenceVectors,
    pub parts: &'a SentenceVectors,
    pub measure: Measure,
}

impl FactVectors<'_> {
    /// The set and row of fact unit `f`.
    fn locate(&self, f: usize) -> (&SentenceVectors, usize) {
        let n = self.sentences.len();
        if f < n {
            (self.sentences, f)
        } else {
            (self.parts, f - n)
        }
    }

    /// Semantic cosine of fact units `a` and `b`.
    pub fn cosine(&self, a: usize, b: usize) -> f32 {
        let ((va, ia), (vb, ib)) = (self.locate(a), self.locate(b));
        va.cosine_with(ia, vb, ib)
    }
}

impl<'a> FactRows<'a> {
    /// The semantic vectors, when facts are matched by meaning too.
    pub(crate) fn semantic(&self) -> Option<FactVectors<'a>> {
        self.semantic
    }
}

impl Rows for FactRows<'_> {
    fn len(&self) -> usize {
        self.sentences.len() + self.parts.len()
    }

    fn row(&self, i: usize) -> SparseRow<'_> {
        let n = self.sentences.len();
        if i < n {
            self.sentences.row(i)
        } else {
            self.parts.row(i - n)
        }
    }

    fn df(&self) -> &[u32] {
        &self.sentences.df
    }

    fn cosine(&self, i: usize, j: usize) -> f32 {
        let lexical = self.row(i).dot(&self.row(j));
        match &self.semantic {
            None => lexical,
            Some(v) => v.measure.combine(lexical, v.cosine(i, j)),
        }
    }
}
