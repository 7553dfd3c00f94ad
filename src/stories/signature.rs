//! Per-document term bags and compact TF-IDF signatures.
//!
//! A document's *bag* is the count of each analyzed term in its real
//! sentences and title (headings, bylines and boilerplate are left out, so
//! an outlet's subscription appeal cannot tie its articles together). Bags
//! are built block by block: a block's segmentation and analysis are
//! dropped once its bags are counted, so memory holds one block's analysis
//! and the bags (about 8 bytes per distinct term per document), never the
//! analysis of the whole input.
//!
//! A document's *signature* is its [`Signatures::TERMS`] strongest terms by
//! `(1 + ln tf) * ln(1 + N / df)`, L2-normalized over those terms and quantized
//! to integers (weight × [`SCALE`]), so that every similarity computed from
//! signatures is an exact integer: the same on any machine, thread count or
//! language (the Spark job's Python computes link similarities with the
//! same integers). Terms found in one document only are left out: they
//! cannot link it to anything, and counting them in the norm would make a
//! long article with many unique names look unlike its own story. Its
//! first [`Signatures::KEYS`] terms are its blocking keys.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::analyze::{Analyzer, SentenceSource};
use crate::load::Document;
use crate::pipeline::sentence_texts;
use crate::segment::Segmenter;

/// Quantization of signature weights: a unit weight is `SCALE`, so the dot
/// product of two signatures is a cosine times `SCALE²`.
pub const SCALE: u64 = 1 << 15;

/// Documents analyzed per block while building bags: enough to keep both
/// cores busy, few enough that one block's analysis stays small.
const BLOCK_DOCUMENTS: usize = 2048;

/// The term counts of every document, in compressed rows sorted by term.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TermBags {
    /// Term strings, sorted; term ids index this list, so id order is
    /// string order.
    pub vocabulary: Vec<String>,
    offsets: Vec<usize>,
    terms: Vec<u32>,
    counts: Vec<u32>,
}

impl TermBags {
    /// Segments and analyzes `documents` block by block, in parallel within
    /// each block. The result does not depend on the thread count.
    pub fn build(documents: &[Document], segmenter: &Segmenter, analyzer: &Analyzer) -> Self {
        let mut ids: FxHashMap<Box<str>, u32> = FxHashMap::default();
        let mut vocabulary: Vec<Box<str>> = Vec::new();
        let mut offsets: Vec<usize> = Vec::with_capacity(documents.len() + 1);
        offsets.push(0);
        let (mut terms, mut counts) = (Vec::new(), Vec::new());
        for block in documents.chunks(BLOCK_DOCUMENTS) {
            let units: Vec<_> = block
                .par_iter()
                .map(|doc| segmenter.segment(&doc.text, doc.body_start))
                .collect();
            let mut sentences = sentence_texts(block, &units);
            for (d, doc) in block.iter().enumerate() {
                if let Some(title) = doc.title.as_deref() {
                    let source = SentenceSource {
                        document: d as u32,
                        unit: u32::MAX,
                    };
                    sentences.push((source, title));
                }
            }
            let analysis = analyzer.analyze(&sentences);
            // The block's vocabulary is sorted, so new terms get global ids
            // in an order fixed by the input alone.
            let global: Vec<u32> = analysis
                .vocabulary
                .iter()
                .map(|term| {
                    if let Some(&id) = ids.get(term.as_str()) {
                        return id;
                    }
                    let id = vocabulary.len() as u32;
                    vocabulary.push(term.as_str().into());
                    ids.insert(term.as_str().into(), id);
                    id
                })
                .collect();
            let mut per_document: Vec<Vec<u32>> = vec![Vec::new(); block.len()];
            for sentence in &analysis.sentences {
                per_document[sentence.source.document as usize]
                    .extend(sentence.terms.iter().map(|&t| global[t as usize]));
            }
            let counted: Vec<Vec<(u32, u32)>> = per_document.into_par_iter().map(count).collect();
            for row in counted {
                terms.extend(row.iter().map(|&(t, _)| t));
                counts.extend(row.iter().map(|&(_, c)| c));
                offsets.push(terms.len());
            }
        }
        drop(ids);
        terms.shrink_to_fit();
        counts.shrink_to_fit();
        Self::from_flat(vocabulary, offsets, terms, counts)
    }

    /// Bags from term strings with counts, one list per document (the
    /// `brief stories --emit-keys` input). Repeated terms add up.
    pub fn from_strings(documents: &[Vec<(String, u32)>]) -> Self {
        let mut vocabulary: Vec<Box<str>> = documents
            .iter()
            .flatten()
            .map(|(t, _)| t.as_str().into())
            .collect();
        vocabulary.sort_unstable();
        vocabulary.dedup();
        let rows = documents
            .iter()
            .map(|terms| {
                let mut row: Vec<(u32, u32)> = terms
                    .iter()
                    .map(|(t, c)| {
                        let id = vocabulary.binary_search_by(|v| (**v).cmp(t.as_str()));
                        (id.expect("term is in the vocabulary") as u32, *c)
                    })
                    .collect();
                row.sort_unstable();
                row.dedup_by(|later, earlier| {
                    let same = later.0 == earlier.0;
                    if same {
                        earlier.1 += later.1;
                    }
                    same
                });
                row
            })
            .collect();
        Self::from_rows(vocabulary, rows)
    }

    /// Packs the rows, then renumbers terms in string order.
    fn from_rows(vocabulary: Vec<Box<str>>, rows: Vec<Vec<(u32, u32)>>) -> Self {
        let mut offsets = vec![0];
        let (mut terms, mut counts) = (Vec::new(), Vec::new());
        for row in rows {
            terms.extend(row.iter().map(|&(t, _)| t));
            counts.extend(row.iter().map(|&(_, c)| c));
            offsets.push(terms.len());
        }
        Self::from_flat(vocabulary, offsets, terms, counts)
    }

    /// Renumbers terms in string order, in place, and sorts each row by
    /// its new ids.
    fn from_flat(
        vocabulary: Vec<Box<str>>,
        offsets: Vec<usize>,
        mut terms: Vec<u32>,
        mut counts: Vec<u32>,
    ) -> Self {
        let mut order: Vec<u32> = (0..vocabulary.len() as u32).collect();
        order.par_sort_unstable_by(|&a, &b| vocabulary[a as usize].cmp(&vocabulary[b as usize]));
        let mut rank = vec![0u32; order.len()];
        for (new, &old) in order.iter().enumerate() {
            rank[old as usize] = new as u32;
        }
        let vocabulary: Vec<String> = order
            .iter()
            .map(|&old| vocabulary[old as usize].to_string())
            .collect();
        terms.par_iter_mut().for_each(|t| *t = rank[*t as usize]);
        let mut rows: Vec<(&mut [u32], &mut [u32])> = Vec::with_capacity(offsets.len());
        let (mut rest_terms, mut rest_counts) = (&mut terms[..], &mut counts[..]);
        for range in offsets.windows(2) {
            let length = range[1] - range[0];
            let (row_terms, more_terms) = std::mem::take(&mut rest_terms).split_at_mut(length);
            let (row_counts, more_counts) = std::mem::take(&mut rest_counts).split_at_mut(length);
            rows.push((row_terms, row_counts));
            (rest_terms, rest_counts) = (more_terms, more_counts);
        }
        rows.into_par_iter().for_each(|(row_terms, row_counts)| {
            let mut row: Vec<(u32, u32)> = row_terms
                .iter()
                .copied()
                .zip(row_counts.iter().copied())
                .collect();
            row.sort_unstable();
            for (i, (t, c)) in row.into_iter().enumerate() {
                row_terms[i] = t;
                row_counts[i] = c;
            }
        });
        TermBags {
            vocabulary,
            offsets,
            terms,
            counts,
        }
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Document `d`'s term ids (increasing) and their counts.
    pub fn bag(&self, d: usize) -> (&[u32], &[u32]) {
        let range = self.offsets[d]..self.offsets[d + 1];
        (&self.terms[range.clone()], &self.counts[range])
    }

    /// Number of documents containing each term.
    pub fn document_frequencies(&self) -> Vec<u32> {
        let mut df = vec![0u32; self.vocabulary.len()];
        for &t in &self.terms {
            df[t as usize] += 1;
        }
        df
    }
}

fn count(mut terms: Vec<u32>) -> Vec<(u32, u32)> {
    terms.sort_unstable();
    // Exactly as long as it needs to be: the bags of a large input are
    // held until the signatures are built.
    let distinct = terms.chunk_by(|a, b| a == b).count();
    let mut counted: Vec<(u32, u32)> = Vec::with_capacity(distinct);
    for t in terms {
        match counted.last_mut() {
            Some((last, c)) if *last == t => *c += 1,
            _ => counted.push((t, 1)),
        }
    }
    counted
}

/// One signature as built: (term id, weight) sorted by term, and its keys.
pub type SignatureRow = (Vec<(u32, u16)>, Vec<u32>);

/// Every document's signature and blocking keys.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Signatures {
    /// Term strings, sorted (shared with the bags they came from).
    pub vocabulary: Vec<String>,
    offsets: Vec<usize>,
    terms: Vec<u32>,
    weights: Vec<u16>,
    key_offsets: Vec<usize>,
    keys: Vec<u32>,
}

/// A borrowed signature: term ids (increasing) and quantized weights.
#[derive(Clone, Copy, Debug)]
pub struct Signature<'a> {
    /// Term ids, strictly increasing.
    pub terms: &'a [u32],
    /// Weights in units of 1 / [`SCALE`]; the vector's L2 norm is about
    /// `SCALE`.
    pub weights: &'a [u16],
}

impl Signature<'_> {
    /// Exact dot product: a cosine times `SCALE²`.
    ///
    /// A merge of the two term lists without branches on their order
    /// (which a processor cannot predict): the link step computes one for
    /// every candidate pair.
    pub fn dot(&self, other: &Signature<'_>) -> u64 {
        let (a, b) = (self.terms, other.terms);
        let (mut i, mut j, mut sum) = (0, 0, 0u64);
        while i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            let product = u64::from(self.weights[i]) * u64::from(other.weights[j]);
            sum += product * u64::from(x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        sum
    }

    /// True when the two signatures have at least `n` terms in common.
    pub fn shares_at_least(&self, other: &Signature<'_>, n: usize) -> bool {
        let (a, b) = (self.terms, other.terms);
        let (mut i, mut j, mut shared) = (0, 0, 0);
        while shared < n && i < a.len() && j < b.len() {
            let (x, y) = (a[i], b[j]);
            shared += usize::from(x == y);
            i += usize::from(x <= y);
            j += usize::from(y <= x);
        }
        shared >= n
    }

    /// The shared terms, strongest contribution to the dot product first
    /// (ties by term id, i.e. alphabetically), at most `limit`.
    pub fn shared_terms(&self, other: &Signature<'_>, limit: usize) -> Vec<u32> {
        let mut shared = Vec::new();
        let (mut i, mut j) = (0, 0);
        while i < self.terms.len() && j < other.terms.len() {
            match self.terms[i].cmp(&other.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let product = u64::from(self.weights[i]) * u64::from(other.weights[j]);
                    shared.push((std::cmp::Reverse(product), self.terms[i]));
                    i += 1;
                    j += 1;
                }
            }
        }
        shared.sort_unstable();
        shared.into_iter().take(limit).map(|(_, t)| t).collect()
    }
}

impl Signatures {
    /// Terms kept per signature: a long article's names and event words
    /// (64 terms scored 0.03 lower B-cubed F1 on the DUC dev mixture, 128
    /// 0.01 lower, a thousand no better; see docs/stories.md), at most
    /// 1.5 KB a document (6 bytes a term).
    pub const TERMS: usize = 256;
    /// Blocking keys per document: its strongest terms.
    pub const KEYS: usize = 8;

    /// Signatures of every bag, given each term's document frequency `df`
    /// (indexed like the bags' vocabulary) in a collection of `n` documents.
    ///
    /// The bags are consumed: each block of documents' signatures is built
    /// into flat arrays, the bags are dropped, and the blocks are joined,
    /// so the bags, the signatures as built and the joined signatures are
    /// never all held at once.
    pub fn build(bags: TermBags, df: &[u32], n: usize) -> Self {
        let blocks: Vec<Signatures> = (0..bags.len())
            .into_par_iter()
            .chunks(BLOCK_DOCUMENTS)
            .map(|block| {
                let rows = block.into_iter().map(|d| {
                    let (terms, counts) = bags.bag(d);
                    signature(terms, counts, df, n)
                });
                let mut block = Self::from_rows(Vec::new(), rows);
                block.terms.shrink_to_fit();
                block.weights.shrink_to_fit();
                block
            })
            .collect();
        let TermBags {
            vocabulary,
            offsets,
            terms,
            counts,
        } = bags;
        drop((offsets, terms, counts));
        // Only terms some signature holds are kept (most terms of a large
        // input are in one document); the order, and so every tie broken
        // by term id, is unchanged.
        let mut used = vec![false; vocabulary.len()];
        for block in &blocks {
            for &t in &block.terms {
                used[t as usize] = true;
            }
        }
        let mut renumber = vec![u32::MAX; vocabulary.len()];
        let mut kept = Vec::new();
        for (t, term) in vocabulary.into_iter().enumerate() {
            if used[t] {
                renumber[t] = kept.len() as u32;
                kept.push(term);
            }
        }
        drop(used);
        let mut out = Signatures {
            vocabulary: kept,
            offsets: Vec::with_capacity(n + 1),
            key_offsets: Vec::with_capacity(n + 1),
            terms: Vec::with_capacity(blocks.iter().map(|b| b.terms.len()).sum()),
            weights: Vec::with_capacity(blocks.iter().map(|b| b.weights.len()).sum()),
            keys: Vec::with_capacity(blocks.iter().map(|b| b.keys.len()).sum()),
        };
        out.offsets.push(0);
        out.key_offsets.push(0);
        for block in blocks {
            let (base, key_base) = (out.terms.len(), out.keys.len());
            out.offsets
                .extend(block.offsets[1..].iter().map(|&o| base + o));
            out.key_offsets
                .extend(block.key_offsets[1..].iter().map(|&o| key_base + o));
            out.terms
                .extend(block.terms.iter().map(|&t| renumber[t as usize]));
            out.weights.extend_from_slice(&block.weights);
            out.keys
                .extend(block.keys.iter().map(|&t| renumber[t as usize]));
        }
        out
    }

    /// Signatures given as rows of (term id, weight) sorted by term, with
    /// their keys.
    pub fn from_rows(
        vocabulary: Vec<String>,
        rows: impl IntoIterator<Item = SignatureRow>,
    ) -> Self {
        let mut out = Signatures {
            vocabulary,
            offsets: vec![0],
            key_offsets: vec![0],
            ..Signatures::default()
        };
        for (row, keys) in rows {
            for (t, w) in row {
                out.terms.push(t);
                out.weights.push(w);
            }
            out.offsets.push(out.terms.len());
            out.keys.extend(keys);
            out.key_offsets.push(out.keys.len());
        }
        out
    }

    /// Number of documents.
    pub fn len(&self) -> usize {
        self.offsets.len().saturating_sub(1)
    }

    /// True when there are no documents.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Document `d`'s signature.
    pub fn get(&self, d: usize) -> Signature<'_> {
        let range = self.offsets[d]..self.offsets[d + 1];
        Signature {
            terms: &self.terms[range.clone()],
            weights: &self.weights[range],
        }
    }

    /// Where document `d`'s keys start in the list of every document's
    /// keys (so each document's keys can be numbered).
    pub fn key_offset(&self, d: usize) -> usize {
        self.key_offsets[d]
    }

    /// Document `d`'s blocking keys, strongest first.
    pub fn keys(&self, d: usize) -> &[u32] {
        &self.keys[self.key_offsets[d]..self.key_offsets[d + 1]]
    }

    /// Bytes held by the signatures (for reporting how memory scales).
    pub fn heap_bytes(&self) -> usize {
        self.terms.len() * 6 + self.keys.len() * 4 + (self.offsets.len() * 2) * 8
    }
}

/// The weight of a term seen `tf` times in a document and in `df` of `n`
/// documents. The idf is smoothed so that a term in every document still
/// counts: on a small input about one event those are the words that tie it
/// together (docs/stories.md, *Smoothed idf*).
pub fn weight(tf: u32, df: u32, n: usize) -> f64 {
    (1.0 + f64::from(tf).ln()) * (1.0 + n as f64 / f64::from(df)).ln()
}

/// One document's signature (sorted by term) and keys (strongest first).
fn signature(terms: &[u32], counts: &[u32], df: &[u32], n: usize) -> SignatureRow {
    let weighted: Vec<(f64, u32)> = terms
        .iter()
        .zip(counts)
        .filter(|(&t, _)| df[t as usize] >= 2)
        .map(|(&t, &c)| (weight(c, df[t as usize], n), t))
        .filter(|(w, _)| *w > 0.0)
        .collect();
    strongest_row(weighted)
}

/// The signature of weighted terms (`(weight, term)`, weights > 0): the
/// [`Signatures::TERMS`] strongest, L2-normalized and quantized, sorted by
/// term, and the [`Signatures::KEYS`] strongest as keys.
pub fn strongest_row(mut weighted: Vec<(f64, u32)>) -> SignatureRow {
    // Strongest first; equal weights in term (alphabetical) order.
    weighted.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    weighted.truncate(Signatures::TERMS);
    let norm = weighted.iter().map(|(w, _)| w * w).sum::<f64>().sqrt();
    let mut row: Vec<(u32, u16)> = weighted
        .iter()
        .map(|&(w, t)| (t, (w / norm * SCALE as f64).round() as u16))
        .filter(|&(_, q)| q > 0)
        .collect();
    let keys = row.iter().take(Signatures::KEYS).map(|&(t, _)| t).collect();
    row.sort_unstable();
    (row, keys)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::Language;

    fn bags(texts: &[&str]) -> TermBags {
        let docs: Vec<Document> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Document::new(format!("d{i}"), format!("d{i}.txt"), *t))
            .collect();
        TermBags::build(
            &docs,
            &Segmenter::new(Language::English),
            &Analyzer::new(Language::English),
        )
    }

    #[test]
    fn bags_count_terms_and_skip_boilerplate() {
        let b = bags(&[
            "Pinochet was arrested in London. Pinochet denied it.\n\nSubscribe to our newsletter for more stories.",
            "The court in London heard the case.",
        ]);
        let (terms, counts) = b.bag(0);
        let named: Vec<(&str, u32)> = terms
            .iter()
            .zip(counts)
            .map(|(&t, &c)| (b.vocabulary[t as usize].as_str(), c))
            .collect();
        assert!(named.contains(&("pinochet", 2)), "{named:?}");
        assert!(named.iter().all(|(t, _)| *t != "newslett"), "{named:?}");
        assert!(b.vocabulary.windows(2).all(|w| w[0] < w[1]));
        assert_eq!(
            b.document_frequencies()[b.vocabulary.iter().position(|t| t == "london").unwrap()],
            2
        );
    }

    #[test]
    fn bags_from_strings_equal_built_bags() {
        let built = bags(&[
            "Floods hit Dhaka. Floods spread.",
            "Dhaka counts the damage.",
        ]);
        let strings: Vec<Vec<(String, u32)>> = (0..built.len())
            .map(|d| {
                let (t, c) = built.bag(d);
                t.iter()
                    .zip(c)
                    .map(|(&t, &c)| (built.vocabulary[t as usize].clone(), c))
                    .collect()
            })
            .collect();
        assert_eq!(TermBags::from_strings(&strings), built);
    }

    #[test]
    fn signatures_are_unit_length_integers_without_single_document_terms() {
        let b = bags(&[
            "Cardoso won the election in Brazil. Cardoso thanked voters in Brasilia.",
            "Brazil re-elected Cardoso. Turnout was high.",
            "Typhoon Babs hit the Philippines.",
        ]);
        let df = b.document_frequencies();
        let n = b.len();
        let words = b.vocabulary.clone();
        let s = Signatures::build(b, &df, n);
        let first = s.get(0);
        let norm: u64 = first.weights.iter().map(|&w| u64::from(w).pow(2)).sum();
        assert!(norm.abs_diff(SCALE * SCALE) < SCALE * 4, "{norm}");
        for &t in first.terms {
            let word = &s.vocabulary[t as usize];
            let in_bags = words.iter().position(|w| w == word).unwrap();
            assert!(df[in_bags] >= 2, "{word}");
        }
        // Only terms some signature holds are kept, in string order.
        assert!(s.vocabulary.len() < words.len());
        assert!(s.vocabulary.windows(2).all(|w| w[0] < w[1]));
        // The typhoon shares nothing, so its signature is empty.
        assert!(s.get(2).terms.is_empty());
        assert_eq!(s.get(0).dot(&s.get(2)), 0);
        let shared: Vec<&str> = first
            .shared_terms(&s.get(1), 5)
            .iter()
            .map(|&t| s.vocabulary[t as usize].as_str())
            .collect();
        assert!(
            shared.contains(&"cardoso") && shared.contains(&"brazil"),
            "{shared:?}"
        );
        assert!(s.keys(0).len() <= Signatures::KEYS);
    }
}
