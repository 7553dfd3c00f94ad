//! ROUGE-N, ROUGE-S/SU and ROUGE-L counting for one topic, as
//! `ROUGE-1.5.5.pl -f A`.
//!
//! `-f A` sums hits and counts over the references: `R = Σ hits / Σ
//! reference units` and `P = Σ hits / (M · candidate units)` for `M`
//! references. Each measure is therefore counted once per reference
//! ([`Counts`]), and any subset of references (the jackknife's
//! leave-one-out runs) is scored by summing its counts ([`Counts::score`]).
//! Per-topic R and P are rounded to five decimals (`sprintf("%7.5f")`) and F
//! is computed from the rounded values, exactly as the script does, because
//! its reported means average those rounded numbers.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use super::tokenize::Prepared;
use super::SkipBigram;

/// Recall, precision and F of one measure on one topic, with the raw counts
/// behind them.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct MeasureScore {
    /// Recall, rounded to five decimals as ROUGE-1.5.5 does.
    pub r: f64,
    /// Precision, rounded to five decimals.
    pub p: f64,
    /// F with weight `alpha`, from the rounded R and P, rounded again.
    pub f: f64,
    /// Matched units (n-grams, skip-bigrams or LCS tokens), summed over
    /// references.
    pub hits: usize,
    /// Reference units, summed over references (recall denominator).
    pub reference_count: usize,
    /// Candidate units times the number of references (precision
    /// denominator).
    pub candidate_count: usize,
}

impl MeasureScore {
    pub(crate) fn from_counts(
        hits: usize,
        reference_count: usize,
        candidate_count: usize,
        alpha: f64,
    ) -> Self {
        let ratio = |den: usize| {
            if den == 0 {
                0.0
            } else {
                round5(hits as f64 / den as f64)
            }
        };
        let r = ratio(reference_count);
        let p = ratio(candidate_count);
        let den = (1.0 - alpha) * p + alpha * r;
        let f = if den > 0.0 { round5(p * r / den) } else { 0.0 };
        MeasureScore {
            r,
            p,
            f,
            hits,
            reference_count,
            candidate_count,
        }
    }
}

/// One measure counted against each reference separately.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Counts {
    /// Units of the candidate (the same against every reference).
    pub candidate: usize,
    /// Per reference: (clipped hits, reference units).
    pub per_reference: Vec<(usize, usize)>,
}

impl Counts {
    /// The `-f A` score against the references `keep` selects.
    pub fn score(&self, alpha: f64, keep: impl Fn(usize) -> bool) -> MeasureScore {
        let (mut hits, mut model, mut references) = (0, 0, 0);
        for (i, &(h, m)) in self.per_reference.iter().enumerate() {
            if keep(i) {
                hits += h;
                model += m;
                references += 1;
            }
        }
        MeasureScore::from_counts(hits, model, self.candidate * references, alpha)
    }
}

/// Rounds like Perl's `sprintf("%7.5f", x)` (correctly rounded decimal).
pub(crate) fn round5(x: f64) -> f64 {
    format!("{x:.5}").parse().unwrap_or(x)
}

type GramCounts<'a> = FxHashMap<&'a [String], usize>;

/// N-gram counts of a token stream (ROUGE's `createNGram`).
fn ngram_counts(tokens: &[String], n: usize) -> (GramCounts<'_>, usize) {
    let mut counts = GramCounts::default();
    let mut total = 0;
    for gram in tokens.windows(n) {
        *counts.entry(gram).or_insert(0) += 1;
        total += 1;
    }
    (counts, total)
}

/// Clipped matches of `model` units in `peer` (ROUGE's `ngramScore` and
/// `skipBigramScore`).
fn clipped_hits<K: std::hash::Hash + Eq>(
    model: &FxHashMap<K, usize>,
    peer: &FxHashMap<K, usize>,
) -> usize {
    model
        .iter()
        .map(|(unit, &count)| peer.get(unit).map_or(0, |&p| p.min(count)))
        .sum()
}

/// Clipped hits and unit counts of `candidate` against each reference, the
/// units (n-grams, skip-bigrams) counted by `units`.
fn count_units<'a, K: std::hash::Hash + Eq>(
    candidate: &'a Prepared,
    references: &'a [Prepared],
    units: impl Fn(&'a [String]) -> (FxHashMap<K, usize>, usize),
) -> Counts {
    let (peer, peer_total) = units(&candidate.tokens);
    let per_reference = references
        .iter()
        .map(|reference| {
            let (model, total) = units(&reference.tokens);
            (clipped_hits(&model, &peer), total)
        })
        .collect();
    Counts {
        candidate: peer_total,
        per_reference,
    }
}

/// ROUGE-N of `candidate` against each reference (ROUGE's
/// `computeNGramScore`).
pub(crate) fn rouge_n(candidate: &Prepared, references: &[Prepared], n: usize) -> Counts {
    count_units(candidate, references, |tokens| ngram_counts(tokens, n))
}

/// A skip-bigram `(first, Some(second))`, or with `-u` a unigram
/// `(word, None)`.
type SkipUnit<'a> = (&'a str, Option<&'a str>);

/// Skip-bigram counts of a token stream, ROUGE's `createSkipBigram`: every
/// ordered pair of tokens with at most `max_gap` tokens between them
/// (`None`: any distance), plus with `unigrams` every token **but the
/// last** (the script's loop stops one short, and the official figures
/// depend on it).
fn skip_bigram_counts(
    tokens: &[String],
    skip: SkipBigram,
) -> (FxHashMap<SkipUnit<'_>, usize>, usize) {
    let mut counts: FxHashMap<SkipUnit<'_>, usize> = FxHashMap::default();
    let mut total = 0;
    let len = tokens.len();
    for i in 0..len.saturating_sub(1) {
        if skip.unigrams {
            *counts.entry((tokens[i].as_str(), None)).or_insert(0) += 1;
            total += 1;
        }
        let last = match skip.max_gap {
            Some(gap) => (i + gap + 1).min(len - 1),
            None => len - 1,
        };
        for j in i + 1..=last {
            *counts
                .entry((tokens[i].as_str(), Some(tokens[j].as_str())))
                .or_insert(0) += 1;
            total += 1;
        }
    }
    (counts, total)
}

/// ROUGE-S (skip-bigrams) or ROUGE-SU (with unigrams) of `candidate`
/// against each reference (ROUGE's `computeSkipBigramScore`).
pub(crate) fn rouge_s(candidate: &Prepared, references: &[Prepared], skip: SkipBigram) -> Counts {
    count_units(candidate, references, |tokens| {
        skip_bigram_counts(tokens, skip)
    })
}

/// Summary-level ROUGE-L (ROUGE's `computeLCSScore` in mode A).
///
/// For each reference sentence, the union of its LCS with every candidate
/// sentence is marked; a marked token counts as a hit only while both the
/// reference's and the candidate's remaining unigram counts allow it, so
/// ROUGE-L never exceeds ROUGE-1. The unigram counts come from the
/// (limit-truncated) n-gram token streams, the sentence units from ROUGE's
/// separate sentence reader (see `tokenize` for its `-b` quirk).
pub(crate) fn rouge_l(candidate: &Prepared, references: &[Prepared]) -> Counts {
    let (peer_unigrams, peer_total) = ngram_counts(&candidate.tokens, 1);
    let per_reference = references
        .iter()
        .map(|reference| {
            let mut hits = 0;
            let mut model_total = 0;
            let mut peer_left = peer_unigrams.clone();
            let (mut model_left, _) = ngram_counts(&reference.tokens, 1);
            for unit in &reference.units {
                model_total += unit.len();
                let mut mask = vec![false; unit.len()];
                for peer_unit in &candidate.units {
                    mark_lcs(unit, peer_unit, &mut mask);
                }
                for (token, _) in unit.iter().zip(&mask).filter(|(_, &hit)| hit) {
                    let key = std::slice::from_ref(token);
                    let (Some(m), Some(p)) = (model_left.get_mut(key), peer_left.get_mut(key))
                    else {
                        continue;
                    };
                    if *m > 0 && *p > 0 {
                        *m -= 1;
                        *p -= 1;
                        hits += 1;
                    }
                }
            }
            (hits, model_total)
        })
        .collect();
    Counts {
        candidate: peer_total,
        per_reference,
    }
}

/// Marks in `mask` the positions of `model` on one longest common
/// subsequence with `peer`, breaking ties as ROUGE's `lcs_inner`/`markLCS`
/// do (match first, then "up" when `c[i-1][j] >= c[i][j-1]`).
fn mark_lcs(model: &[String], peer: &[String], mask: &mut [bool]) {
    let (m, n) = (model.len(), peer.len());
    if m == 0 || n == 0 {
        return;
    }
    let width = n + 1;
    let mut c = vec![0u32; (m + 1) * width];
    for i in 1..=m {
        for j in 1..=n {
            c[i * width + j] = if model[i - 1] == peer[j - 1] {
                c[(i - 1) * width + j - 1] + 1
            } else {
                c[(i - 1) * width + j].max(c[i * width + j - 1])
            };
        }
    }
    let (mut i, mut j) = (m, n);
    while i > 0 && j > 0 {
        if model[i - 1] == peer[j - 1] {
            i -= 1;
            j -= 1;
            mask[i] = true;
        } else if c[(i - 1) * width + j] >= c[i * width + j - 1] {
            i -= 1;
        } else {
            j -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prep(units: &[&str]) -> Prepared {
        let units: Vec<Vec<String>> = units
            .iter()
            .map(|u| u.split_whitespace().map(String::from).collect())
            .collect();
        Prepared {
            tokens: units.concat(),
            units,
        }
    }

    /// The `-f A` score against every reference.
    fn all(counts: Counts) -> MeasureScore {
        counts.score(0.5, |_| true)
    }

    #[test]
    fn rounding_matches_perl_sprintf() {
        assert_eq!(round5(2.0 / 3.0), 0.66667);
        assert_eq!(round5(0.123454), 0.12345);
        assert_eq!(round5(0.0), 0.0);
    }

    #[test]
    fn rouge_1_and_2_by_hand() {
        // Candidate "the cat sat on the mat" vs reference "the cat was on the
        // mat": 6 candidate and 6 reference unigrams, hits the×2, cat, on,
        // mat = 5; bigrams: "the cat", "on the", "the mat" = 3 of 5.
        let cand = prep(&["the cat sat on the mat"]);
        let refs = [prep(&["the cat was on the mat"])];
        let r1 = all(rouge_n(&cand, &refs, 1));
        assert_eq!((r1.hits, r1.reference_count, r1.candidate_count), (5, 6, 6));
        assert_eq!((r1.r, r1.p, r1.f), (0.83333, 0.83333, 0.83333));
        let r2 = all(rouge_n(&cand, &refs, 2));
        assert_eq!((r2.hits, r2.r, r2.p, r2.f), (3, 0.6, 0.6, 0.6));
    }

    #[test]
    fn rouge_n_clips_repeated_ngrams() {
        let cand = prep(&["the the the"]);
        let refs = [prep(&["the cat"])];
        let r1 = all(rouge_n(&cand, &refs, 1));
        assert_eq!((r1.hits, r1.r, r1.p), (1, 0.5, 0.33333));
    }

    #[test]
    fn model_average_sums_counts_over_references() {
        // Reference A: 2 of 4 unigrams hit; reference B: 3 of 3. ROUGE-1.5.5
        // -f A gives R = 5/7 (not the mean of 1/2 and 1, and no jackknife),
        // P = 5 / (2 references x 3 candidate unigrams).
        let cand = prep(&["a b c"]);
        let refs = [prep(&["a b x y"]), prep(&["c b a"])];
        let r1 = all(rouge_n(&cand, &refs, 1));
        assert_eq!((r1.hits, r1.reference_count, r1.candidate_count), (5, 7, 6));
        assert_eq!((r1.r, r1.p), (0.71429, 0.83333));
        // F = P·R / (0.5·P + 0.5·R) on the rounded values.
        assert_eq!(r1.f, 0.76923);
    }

    #[test]
    fn rouge_l_union_lcs_by_hand() {
        // Lin (2004), section 3.2: reference "w1 w2 w3 w4 w5", candidate
        // sentences "w1 w2 w6 w7 w8" and "w1 w3 w8 w9 w5": union LCS is
        // w1 w2 w3 w5, so 4 hits of 5 reference tokens and 10 candidate
        // tokens.
        let cand = prep(&["w1 w2 w6 w7 w8", "w1 w3 w8 w9 w5"]);
        let refs = [prep(&["w1 w2 w3 w4 w5"])];
        let l = all(rouge_l(&cand, &refs));
        assert_eq!((l.hits, l.reference_count, l.candidate_count), (4, 5, 10));
        assert_eq!((l.r, l.p, l.f), (0.8, 0.4, 0.53333));
    }

    #[test]
    fn rouge_l_is_clipped_by_unigram_counts() {
        // Both reference sentences match the single candidate "a", but the
        // candidate has only one "a" to give.
        let cand = prep(&["a"]);
        let refs = [prep(&["a", "a"])];
        let l = all(rouge_l(&cand, &refs));
        assert_eq!((l.hits, l.r, l.p), (1, 0.5, 1.0));
    }

    #[test]
    fn empty_inputs_score_zero() {
        let empty = Prepared::default();
        let refs = [prep(&["a b"])];
        let r1 = all(rouge_n(&empty, &refs, 1));
        assert_eq!((r1.r, r1.p, r1.f), (0.0, 0.0, 0.0));
        let l = all(rouge_l(&empty, &refs));
        assert_eq!((l.r, l.p, l.f), (0.0, 0.0, 0.0));
        let none = all(rouge_n(&prep(&["a"]), &[], 1));
        assert_eq!((none.r, none.p, none.f), (0.0, 0.0, 0.0));
    }

    #[test]
    fn skip_bigrams_respect_the_gap_and_skip_the_last_unigram() {
        let tokens: Vec<String> = "a b c d".split(' ').map(String::from).collect();
        let su = |max_gap, unigrams| skip_bigram_counts(&tokens, SkipBigram { max_gap, unigrams });
        // Gap 0: the plain bigrams a b, b c, c d.
        assert_eq!(su(Some(0), false).1, 3);
        // Gap 1 adds a c and b d; -u adds the unigrams a, b, c but not d.
        let (counts, total) = su(Some(1), true);
        assert_eq!(total, 5 + 3);
        assert_eq!(counts.get(&("a", Some("c"))), Some(&1));
        assert_eq!(counts.get(&("a", Some("d"))), None);
        assert_eq!(counts.get(&("c", None)), Some(&1));
        assert_eq!(counts.get(&("d", None)), None);
        // No limit: all 6 ordered pairs.
        assert_eq!(su(None, false).1, 6);
        // One token: nothing at all, not even its unigram.
        let one = vec!["a".to_string()];
        assert_eq!(skip_bigram_counts(&one, SkipBigram::SU4).1, 0);
    }

    #[test]
    fn rouge_su4_by_hand() {
        // Candidate "a b x", reference "a x b": with SU4 the candidate has
        // unigrams a, b and skip-bigrams a b, a x, b x (5 units); the
        // reference a, x and a x, a b, x b (5). Hits: a, a b, a x = 3.
        let cand = prep(&["a b x"]);
        let refs = [prep(&["a x b"])];
        let su4 = all(rouge_s(&cand, &refs, SkipBigram::SU4));
        assert_eq!(
            (su4.hits, su4.reference_count, su4.candidate_count),
            (3, 5, 5)
        );
        assert_eq!((su4.r, su4.p), (0.6, 0.6));
    }

    #[test]
    fn subsets_of_references_sum_their_counts() {
        let cand = prep(&["a b c"]);
        let refs = [prep(&["a b x y"]), prep(&["c b a"])];
        let counts = rouge_n(&cand, &refs, 1);
        assert_eq!(counts.per_reference, vec![(2, 4), (3, 3)]);
        let first = counts.score(0.5, |i| i == 0);
        assert_eq!(
            (first.hits, first.reference_count, first.candidate_count),
            (2, 4, 3)
        );
        assert_eq!((first.r, first.p), (0.5, 0.66667));
        let none = counts.score(0.5, |_| false);
        assert_eq!((none.r, none.p, none.f), (0.0, 0.0, 0.0));
    }
}
