//! Concepts: the units of information [`crate::score::Algorithm::Brief`]
//! covers, each counted once however many summary sentences carry it.
//!
//! A concept is a word bigram as ROUGE-2 counts it: two consecutive words
//! of a sentence, content words by their stemmed term and stop words as
//! themselves, skipping bigrams of two stop words (Gillick and Favre's
//! ICSISumm concepts). "arrest of" and "of Pinochet" are two concepts;
//! stop words are kept because they tell "arrest of Pinochet" from
//! "Pinochet arrested" and because ROUGE counts them. A concept's weight
//! is the number of documents that contain it (optionally raised where the
//! sentences carrying it answer a query), kept when at least a quarter of
//! the documents do: facts several sources state are the ones a summary
//! must carry. The study behind these choices is in `docs/quality.md`.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analyze::{Analysis, Analyzer};

/// Sentences whose words are read in parallel before their bigrams are
/// counted: enough to keep every core busy, few enough to hold their words.
const WORDS_BLOCK: usize = 16_384;

/// Weighted concepts and the concepts each node covers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Concepts {
    /// Weight of each concept id: see [`bigram_concepts`]; 0 when fewer
    /// documents than the minimum contain it.
    pub weights: Vec<f64>,
    /// Concept ids of each node (sorted, distinct, weight > 0), in the
    /// order of the `nodes` given.
    pub of_node: Vec<Vec<u32>>,
}

/// The minimum number of documents a concept must occur in: a quarter of
/// them, at least 2 (3 of 10, as ICSISumm used on DUC), at most all.
pub fn min_concept_documents(documents: usize) -> usize {
    documents.div_ceil(4).max(2).min(documents.max(1))
}

/// Word bigrams of every sentence (`texts[i]` is the text of
/// `analysis.sentences[i]`), weighted by the documents containing them:
/// `weight(c) = Σ_{documents d with c} (1 + bias · r_d(c))`, where `r_d(c)`
/// is the highest `relevance` (in `[0, 1]`) of `d`'s sentences with `c`,
/// and `bias` is 0 without a query (plain document frequency). Concepts in
/// fewer than `min_documents` documents weigh 0. Returns the concepts of
/// each of `nodes` (sentence indices).
///
/// With `stop_words` false, concepts are bigrams of consecutive content
/// terms instead (stop words skipped, so "arrest of Pinochet" gives
/// "arrest pinochet"): the variant measured against in `docs/quality.md`.
pub fn bigram_concepts(
    analyzer: &Analyzer,
    analysis: &Analysis,
    texts: &[&str],
    nodes: &[u32],
    min_documents: usize,
    relevance: Option<(&[f64], f64)>,
    stop_words: bool,
) -> Concepts {
    let n_terms = analysis.vocabulary.len() as u32;
    // Word keys: a content word is its term id, a stop word `n_terms` plus
    // its id in order of first appearance (deterministic: one pass in
    // input order).
    let mut stop_ids: FxHashMap<&'static str, u32> = FxHashMap::default();
    let mut ids: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    let mut counts: Vec<Count> = Vec::new();
    let mut wanted = vec![false; analysis.sentences.len()];
    for &s in nodes {
        wanted[s as usize] = true;
    }
    let mut node_concepts: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let mut keys: Vec<(u32, bool)> = Vec::new();
    // Reading a sentence's words again is the cost here: it runs in
    // parallel, a block of sentences at a time, and the ids are given in
    // one pass in input order, so they do not depend on the thread count.
    let words_of = |i: usize| -> Vec<Option<&'static str>> {
        let mut words = Vec::new();
        if stop_words {
            analyzer.for_each_word(texts[i], |word| words.push(word));
        }
        words
    };
    let n = analysis.sentences.len();
    for block in (0..n).step_by(WORDS_BLOCK) {
        let words: Vec<Vec<Option<&'static str>>> = (block..(block + WORDS_BLOCK).min(n))
            .into_par_iter()
            .map(words_of)
            .collect();
        for (i, words) in (block..).zip(words) {
            let sentence = &analysis.sentences[i];
            keys.clear();
            if stop_words {
                let mut terms = sentence.terms.iter();
                for word in words {
                    match word {
                        None => keys.extend(terms.next().map(|&t| (t, false))),
                        Some(stop) => {
                            let next = stop_ids.len() as u32;
                            keys.push((n_terms + *stop_ids.entry(stop).or_insert(next), true));
                        }
                    }
                }
            } else {
                keys.extend(sentence.terms.iter().map(|&t| (t, false)));
            }
            let relevance = relevance.map_or(0.0, |(r, _)| r[i]);
            let mut mine = Vec::new();
            for pair in keys.windows(2) {
                if pair[0].1 && pair[1].1 {
                    continue;
                }
                let next = ids.len() as u32;
                let id = *ids.entry((pair[0].0, pair[1].0)).or_insert(next);
                if id == next {
                    counts.push(Count::default());
                }
                counts[id as usize].add(sentence.source.document, relevance);
                if wanted[i] {
                    mine.push(id);
                }
            }
            if wanted[i] {
                node_concepts.insert(i as u32, mine);
            }
        }
    }
    let bias = relevance.map_or(0.0, |(_, bias)| bias);
    let weights: Vec<f64> = counts
        .iter()
        .map(|count| {
            if count.documents as usize >= min_documents {
                count.documents as f64 + bias * (count.relevance + count.open)
            } else {
                0.0
            }
        })
        .collect();
    let of_node = nodes
        .iter()
        .map(|s| {
            let mut concepts = node_concepts.get(s).cloned().unwrap_or_default();
            concepts.retain(|&c| weights[c as usize] > 0.0);
            concepts.sort_unstable();
            concepts.dedup();
            concepts
        })
        .collect();
    Concepts { weights, of_node }
}

/// One concept's documents, counted in input order (a document's
/// sentences are consecutive).
#[derive(Clone, Copy, Debug)]
struct Count {
    /// Documents seen.
    documents: u32,
    /// The document seen last.
    last: u32,
    /// Sum of the closed documents' best relevance.
    relevance: f64,
    /// Best relevance in the last document so far.
    open: f64,
}

impl Default for Count {
    fn default() -> Self {
        Count {
            documents: 0,
            last: u32::MAX,
            relevance: 0.0,
            open: 0.0,
        }
    }
}

impl Count {
    fn add(&mut self, document: u32, relevance: f64) {
        if document != self.last {
            self.documents += 1;
            self.last = document;
            self.relevance += self.open;
            self.open = relevance;
        } else {
            self.open = self.open.max(relevance);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::SentenceSource;
    use crate::lang::Language;

    /// Analyzes `(document, text)` pairs and returns the concepts of every
    /// sentence.
    fn concepts_of(docs: &[(u32, &str)], min: usize, relevance: Option<(&[f64], f64)>) -> Concepts {
        let analyzer = Analyzer::new(Language::English);
        let input: Vec<(SentenceSource, &str)> = docs
            .iter()
            .enumerate()
            .map(|(i, &(document, text))| {
                let unit = i as u32;
                (SentenceSource { document, unit }, text)
            })
            .collect();
        let analysis = analyzer.analyze(&input);
        let texts: Vec<&str> = docs.iter().map(|d| d.1).collect();
        let nodes: Vec<u32> = (0..docs.len() as u32).collect();
        bigram_concepts(&analyzer, &analysis, &texts, &nodes, min, relevance, true)
    }

    #[test]
    fn bigrams_keep_stop_words_and_count_documents() {
        let c = concepts_of(
            &[
                (0, "Police arrested Pinochet in London."),
                (0, "The arrest of Pinochet angered Chile."),
                (1, "The arrest of Pinochet was legal, police said."),
                (2, "Chile protested the arrest of Pinochet."),
            ],
            2,
            None,
        );
        // "arrest of" and "of Pinochet" are in three documents; "the arrest"
        // too. Nothing else is in two.
        assert_eq!(c.of_node[0], Vec::<u32>::new());
        assert_eq!(c.of_node[1].len(), 3, "{c:?}");
        assert_eq!(c.of_node[1], c.of_node[2]);
        assert_eq!(c.of_node[1], c.of_node[3]);
        for &k in &c.of_node[1] {
            assert_eq!(c.weights[k as usize], 3.0);
        }
        // Two stop words ("of the") never make a concept.
        let c = concepts_of(
            &[(0, "Most of the time."), (1, "Most of the time.")],
            2,
            None,
        );
        assert_eq!(c.of_node[0].len(), 1); // "the time" only
    }

    #[test]
    fn relevance_raises_the_weight_per_document() {
        let docs = [
            (0, "The arrest of Pinochet angered Chile."),
            (1, "The arrest of Pinochet was legal."),
            (1, "Later the arrest of Pinochet was debated."),
        ];
        let relevance = [1.0, 0.25, 0.5];
        let c = concepts_of(&docs, 2, Some((&relevance, 2.0)));
        // "arrest of": documents 0 (best 1.0) and 1 (best 0.5):
        // 2 + 2 * (1.0 + 0.5).
        let weights: Vec<f64> = c.of_node[0]
            .iter()
            .map(|&k| c.weights[k as usize])
            .collect();
        assert!(weights.contains(&5.0), "{weights:?}");
    }

    #[test]
    fn minimum_documents_is_a_quarter() {
        assert_eq!(min_concept_documents(10), 3);
        assert_eq!(min_concept_documents(25), 7);
        assert_eq!(min_concept_documents(5), 2);
        assert_eq!(min_concept_documents(1), 1);
    }
}
