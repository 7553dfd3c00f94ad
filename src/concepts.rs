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
    /// Weight of each concept id: see [`bigram_concepts`]. Only concepts
    /// in at least the minimum number of documents get an id.
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
/// fewer than `min_documents` documents are left out; the others are
/// numbered in order of first appearance. Returns the concepts of each of
/// `nodes` (sentence indices).
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
    // Word keys: a content word is its term id, a stop word `n_terms` plus
    // its number (`Analyzer::stop_word_id`, which numbers every stop word
    // `for_each_word` gives).
    let n_terms = analysis.vocabulary.len() as u64;
    let stop_key = |stop: &str| n_terms + analyzer.stop_word_id(stop).unwrap_or(u32::MAX) as u64;
    let mut wanted = vec![false; analysis.sentences.len()];
    for &s in nodes {
        wanted[s as usize] = true;
    }
    // The bigrams of one sentence, as `(first key << 32 | second key)`.
    let bigrams_of = |i: usize, keys: &mut Vec<(u64, bool)>, out: &mut Vec<u64>| {
        keys.clear();
        let terms = &analysis.sentences[i].terms;
        if stop_words {
            let mut terms = terms.iter();
            analyzer.for_each_word(texts[i], |word| match word {
                None => keys.extend(terms.next().map(|&t| (t as u64, false))),
                Some(stop) => keys.push((stop_key(stop), true)),
            });
        } else {
            keys.extend(terms.iter().map(|&t| (t as u64, false)));
        }
        for pair in keys.windows(2) {
            if !(pair[0].1 && pair[1].1) {
                out.push(pair[0].0 << 32 | pair[1].0);
            }
        }
    };
    // Counting is sharded by bigram: each shard sees its bigrams in input
    // order (blocks in order, chunks of a block in order), so its counts
    // and first occurrences do not depend on the thread count.
    let n = analysis.sentences.len();
    // One shard for an input of one chunk (a story, a DUC topic): there
    // is nothing to share out, and 64 tasks per run would cost more.
    let shard_bits = if n <= CHUNK_SENTENCES { 0 } else { SHARD_BITS };
    let mut shards: Vec<Shard> = (0..1 << shard_bits).map(|_| Shard::default()).collect();
    for block in (0..n).step_by(WORDS_BLOCK) {
        let block = block..(block + WORDS_BLOCK).min(n);
        let chunks: Vec<Vec<Vec<Occurrence>>> = block
            .clone()
            .step_by(CHUNK_SENTENCES)
            .collect::<Vec<_>>()
            .into_par_iter()
            .map(|from| {
                let mut buckets = vec![Vec::new(); 1 << shard_bits];
                let (mut keys, mut bigrams) = (Vec::new(), Vec::new());
                for i in from..(from + CHUNK_SENTENCES).min(block.end) {
                    bigrams.clear();
                    bigrams_of(i, &mut keys, &mut bigrams);
                    for (k, &bigram) in bigrams.iter().enumerate() {
                        buckets[shard_of(bigram, shard_bits)].push(Occurrence {
                            bigram,
                            at: (i as u64) << 32 | k as u64,
                        });
                    }
                }
                buckets
            })
            .collect();
        shards.par_iter_mut().enumerate().for_each(|(s, shard)| {
            for occurrence in chunks.iter().flat_map(|buckets| &buckets[s]) {
                let i = (occurrence.at >> 32) as usize;
                let next = shard.counts.len() as u32;
                let local = *shard.ids.entry(occurrence.bigram).or_insert(next);
                if local == next {
                    shard.counts.push((Count::default(), occurrence.at));
                }
                let relevance = relevance.map_or(0.0, |(r, _)| r[i]);
                shard.counts[local as usize]
                    .0
                    .add(analysis.sentences[i].source.document, relevance);
                if wanted[i] {
                    shard.of_sentence.push((i as u32, local));
                }
            }
        });
    }
    // Ids go to the concepts that weigh, in order of first appearance.
    let bias = relevance.map_or(0.0, |(_, bias)| bias);
    let weight = |count: &Count| {
        (count.documents as usize >= min_documents)
            .then_some(count.documents as f64 + bias * (count.relevance + count.open))
    };
    let mut weighty: Vec<(u64, u32, u32, f64)> = shards
        .iter()
        .enumerate()
        .flat_map(|(s, shard)| {
            shard
                .counts
                .iter()
                .enumerate()
                .filter_map(move |(local, (count, first))| {
                    weight(count).map(|w| (*first, s as u32, local as u32, w))
                })
        })
        .collect();
    weighty.par_sort_unstable_by_key(|&(first, ..)| first);
    let mut global: Vec<Vec<u32>> = shards
        .iter()
        .map(|shard| vec![u32::MAX; shard.counts.len()])
        .collect();
    for (id, &(_, s, local, _)) in weighty.iter().enumerate() {
        global[s as usize][local as usize] = id as u32;
    }
    let weights = weighty.iter().map(|&(.., w)| w).collect();
    // Each sentence's weighing concepts, then each node's.
    let mut of_sentence: Vec<(u32, u32)> = shards
        .iter()
        .zip(&global)
        .flat_map(|(shard, global)| {
            shard
                .of_sentence
                .iter()
                .map(|&(i, local)| (i, global[local as usize]))
                .filter(|&(_, id)| id != u32::MAX)
        })
        .collect();
    of_sentence.par_sort_unstable();
    of_sentence.dedup();
    let of_node = nodes
        .iter()
        .map(|&s| {
            let from = of_sentence.partition_point(|&(i, _)| i < s);
            let to = of_sentence.partition_point(|&(i, _)| i <= s);
            of_sentence[from..to].iter().map(|&(_, id)| id).collect()
        })
        .collect();
    Concepts { weights, of_node }
}

/// Inputs of more than one chunk count their bigrams in `2^SHARD_BITS`
/// hash shards, each as one parallel task.
const SHARD_BITS: u32 = 6;

/// Sentences per parallel task when a block's bigrams are read.
const CHUNK_SENTENCES: usize = 512;

/// The shard of a bigram among `2^bits` (Fibonacci hashing: the top bits
/// of the product).
fn shard_of(bigram: u64, bits: u32) -> usize {
    match bits {
        0 => 0,
        _ => (bigram.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - bits)) as usize,
    }
}

/// One bigram of one sentence: `at` is the sentence index `<< 32` plus the
/// bigram's place in the sentence, so occurrences order as the input does.
#[derive(Clone, Copy)]
struct Occurrence {
    bigram: u64,
    at: u64,
}

/// The bigrams of one shard: local ids in order of first appearance, each
/// one's documents and first occurrence, and the `(sentence, local id)`
/// of the wanted sentences.
#[derive(Default)]
struct Shard {
    ids: FxHashMap<u64, u32>,
    counts: Vec<(Count, u64)>,
    of_sentence: Vec<(u32, u32)>,
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
    use proptest::prelude::*;
    use std::collections::BTreeMap;

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

    /// The definition, counted the plain way: every bigram interned in
    /// one serial pass, documents as sets, ids for the weighty concepts in
    /// order of first appearance.
    fn reference(
        analyzer: &Analyzer,
        analysis: &Analysis,
        texts: &[&str],
        nodes: &[u32],
        min_documents: usize,
        relevance: Option<(&[f64], f64)>,
    ) -> Concepts {
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        enum Word {
            Term(u32),
            Stop(&'static str),
        }
        let mut order: Vec<(Word, Word)> = Vec::new();
        let mut best: FxHashMap<(Word, Word), BTreeMap<u32, f64>> = FxHashMap::default();
        let mut of_sentence: Vec<Vec<(Word, Word)>> = Vec::new();
        for (i, sentence) in analysis.sentences.iter().enumerate() {
            let mut words = Vec::new();
            let mut terms = sentence.terms.iter();
            analyzer.for_each_word(texts[i], |word| match word {
                None => words.extend(terms.next().map(|&t| Word::Term(t))),
                Some(stop) => words.push(Word::Stop(stop)),
            });
            let r = relevance.map_or(0.0, |(r, _)| r[i]);
            let mut mine = Vec::new();
            for pair in words.windows(2) {
                if matches!(pair, [Word::Stop(_), Word::Stop(_)]) {
                    continue;
                }
                let key = (pair[0], pair[1]);
                let documents = best.entry(key).or_insert_with(|| {
                    order.push(key);
                    BTreeMap::new()
                });
                let b = documents.entry(sentence.source.document).or_insert(r);
                *b = b.max(r);
                mine.push(key);
            }
            of_sentence.push(mine);
        }
        let bias = relevance.map_or(0.0, |(_, bias)| bias);
        let mut id = FxHashMap::default();
        let mut weights = Vec::new();
        for key in &order {
            let documents = &best[key];
            if documents.len() >= min_documents {
                id.insert(*key, weights.len() as u32);
                let total = documents.values().fold(0.0, |sum, r| sum + r);
                weights.push(documents.len() as f64 + bias * total);
            }
        }
        let of_node = nodes
            .iter()
            .map(|&s| {
                let mut ids: Vec<u32> = of_sentence[s as usize]
                    .iter()
                    .filter_map(|key| id.get(key).copied())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                ids
            })
            .collect();
        Concepts { weights, of_node }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        /// The sharded, parallel count agrees with the definition, on one
        /// thread and on three, with one shard and with 64, across chunk
        /// boundaries (up to 1,500 sentences, chunks of 512).
        #[test]
        fn sharded_count_is_the_definition(
            sentences in prop::collection::vec(
                (prop::collection::vec(0usize..14, 0..12), 0u32..4, 0.0f64..1.0),
                0..1500,
            ),
            node_picks in prop::collection::vec(any::<prop::sample::Index>(), 0..40),
            min_documents in 1usize..4,
            bias in prop::option::of(0.5f64..3.0),
        ) {
            const WORDS: [&str; 14] = [
                "the", "of", "arrest", "Pinochet", "in", "London", "police", "said",
                "a", "Chile", "court", "and", "judge", "ruled",
            ];
            let mut document = 0;
            let mut input = Vec::new();
            let mut texts = Vec::new();
            let mut relevance = Vec::new();
            for (i, (words, step, r)) in sentences.iter().enumerate() {
                document += step / 3; // a new document now and then
                let text: Vec<&str> = words.iter().map(|&w| WORDS[w]).collect();
                texts.push(text.join(" "));
                input.push((SentenceSource { document, unit: i as u32 }, ()));
                relevance.push(*r);
            }
            let analyzer = Analyzer::new(Language::English);
            let pairs: Vec<(SentenceSource, &str)> = input
                .iter()
                .zip(&texts)
                .map(|((source, ()), text)| (*source, text.as_str()))
                .collect();
            let analysis = analyzer.analyze(&pairs);
            let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
            let nodes: Vec<u32> = if texts.is_empty() {
                Vec::new()
            } else {
                node_picks.iter().map(|p| p.index(texts.len()) as u32).collect()
            };
            let relevance = bias.map(|b| (relevance.as_slice(), b));
            let expected = reference(&analyzer, &analysis, &texts, &nodes, min_documents, relevance);
            for threads in [1, 3] {
                let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
                let got = pool.install(|| {
                    bigram_concepts(&analyzer, &analysis, &texts, &nodes, min_documents, relevance, true)
                });
                prop_assert_eq!(&got.of_node, &expected.of_node);
                prop_assert_eq!(got.weights.len(), expected.weights.len());
                for (a, b) in got.weights.iter().zip(&expected.weights) {
                    prop_assert!((a - b).abs() < 1e-9, "{} against {}", a, b);
                }
            }
        }
    }

    #[test]
    fn minimum_documents_is_a_quarter() {
        assert_eq!(min_concept_documents(10), 3);
        assert_eq!(min_concept_documents(25), 7);
        assert_eq!(min_concept_documents(5), 2);
        assert_eq!(min_concept_documents(1), 1);
    }
}
